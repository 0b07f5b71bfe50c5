// The PIN pad for the trainee tapped on the board, and the big confirmation
// after a check-in or check-out (also reached by a badge). A wrong PIN is
// said plainly, with the attempts left; the store counts it toward lockout.
#include "terminal/ui/screens/pin.hpp"

#include <imgui.h>

#include <algorithm>

#include "terminal/core/decide.hpp"
#include "terminal/core/pin.hpp"
#include "terminal/core/text.hpp"
#include "terminal/ui/facts.hpp"
#include "terminal/ui/screen_registry.hpp"
#include "terminal/ui/ui.hpp"
#include "terminal/ui/widgets.hpp"

namespace ft::ui {
namespace {

void confirmation(Ui& ui, const Trainee& t, const Confirmation& c, Body body) {
  const Metrics& m = ui.m;
  const ImU32 fill = c.checked_in ? colour::success : colour::primary;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 a(body.pos.x, body.pos.y), b(body.pos.x + body.size.x, body.pos.y + body.size.y - m.target - m.gap);
  dl->AddRectFilled(a, b, fill, m.radius * 2);

  // Icon and time in the huge font, the words below: readable from across the room.
  ImFont* huge = ui.fonts.huge;
  const std::string icon = ui.icon(c.checked_in ? "clock-in" : "logout-variant");
  const std::string time = format_clock(c.minutes);
  const std::string big = icon + " " + time;
  const float bw = text_width(huge, big);
  float y = a.y + (b.y - a.y) * 0.12f;
  dl->AddText(huge, huge->FontSize, ImVec2(a.x + (body.size.x - bw) * 0.5f, y), colour::on_dark, big.c_str());
  y += huge->FontSize * 1.25f;
  const std::string first = first_name_last_initial(t.shown_name());
  const std::string head = ui.t(c.checked_in ? "pin.welcome" : "pin.goodbye", {{"name", first}});
  const std::string line = ui.t(c.checked_in ? "pin.checked_in_at" : "pin.checked_out_at", {{"time", time}});
  ImGui::SetCursorScreenPos(ImVec2(a.x + m.pad, y));
  label_centred(head, ui.fonts.title, colour::on_dark, body.size.x - 2 * m.pad);
  ImGui::SetCursorScreenPos(ImVec2(a.x + m.pad, ImGui::GetCursorScreenPos().y + m.gap * 0.5f));
  label_centred(line, ui.fonts.bold, colour::on_dark, body.size.x - 2 * m.pad);
  for (const std::string& extra : {c.note, c.practice ? ui.t("practice.not_saved") : std::string()}) {
    if (extra.empty()) continue;
    ImGui::SetCursorScreenPos(ImVec2(a.x + m.pad, ImGui::GetCursorScreenPos().y + m.gap * 0.5f));
    label_centred(extra, ui.fonts.body, colour::on_dark, body.size.x - 2 * m.pad);
  }

  const float by = body.pos.y + body.size.y - m.target;
  const std::string done = ui.t("pin.done");
  const std::string mine = ui.t("pin.my_page");
  const float w = std::min(body.size.x * 0.45f,
                           std::max(button_width(ui, "check", done), button_width(ui, "account", mine)) + m.pad);
  if (ui.session.subject_verified) {
    ImGui::SetCursorPos(ImVec2(body.pos.x + body.size.x * 0.5f - w - m.gap * 0.5f, by));
    if (touch_button(ui, "pin.my_page", "account", mine, ImVec2(w, m.target), {.tone = Tone::Neutral})) {
      ui.session.confirmation.reset();
      ui.show(ScreenId::MyProgress);
      return;
    }
    ImGui::SetCursorPos(ImVec2(body.pos.x + body.size.x * 0.5f + m.gap * 0.5f, by));
  } else {
    ImGui::SetCursorPos(ImVec2(body.pos.x + (body.size.x - w) * 0.5f, by));
  }
  if (touch_button(ui, "pin.done", "check", done, ImVec2(w, m.target), {.tone = Tone::Primary})) ui.go_home();
}

// A refused card or tile: who (first name and initial, as on the board), why,
// and a way back. No PIN pad: no PIN can change the answer, and the reader
// stays on. The board returns by itself after a few seconds (Ui::frame).
void refusal_notice(Ui& ui, const Trainee& t, Body body) {
  const Metrics& m = ui.m;
  const float panel_h = body.size.y - m.target - m.gap;
  panel_background(body.pos, ImVec2(body.size.x, panel_h), colour::danger_soft);
  const float r = std::min(panel_h * 0.14f, 90.0f * m.scale);
  const ImVec2 wp = ImGui::GetWindowPos();
  avatar(ui, ImVec2(wp.x + body.pos.x + body.size.x * 0.5f, wp.y + body.pos.y + m.pad + r), r, t.id, t.shown_name());
  const float w = std::min(body.size.x - 2 * m.pad, 1100.0f * m.scale);
  const float x = body.pos.x + (body.size.x - w) * 0.5f;
  ImGui::SetCursorPos(ImVec2(x, body.pos.y + m.pad + 2 * r + m.gap));
  label_centred(first_name_last_initial(t.shown_name()), ui.fonts.title, colour::text, w);
  ImGui::SetCursorPos(ImVec2(x, ImGui::GetCursorPosY() + m.gap));
  const std::string text = ui.icon("alert-circle") + "  " + ui.pin_message();
  if (wrap_lines(ui.fonts.title, text, w).size() > 4) ui.report_overflow("pin.refusal");
  label_centred(text, ui.fonts.title, colour::danger, w);
  ImGui::SetCursorPos(ImVec2(x, ImGui::GetCursorPosY() + m.gap));
  label_centred(ui.t("pin.refused_next"), ui.fonts.body, colour::text, w);

  const std::string done = ui.t("pin.done");
  const float bw = button_width(ui, "check", done) + m.pad;
  ImGui::SetCursorPos(ImVec2(body.pos.x + (body.size.x - bw) * 0.5f, body.pos.y + body.size.y - m.target));
  if (touch_button(ui, "pin.done", "check", done, ImVec2(bw, m.target), {.tone = Tone::Primary})) ui.go_home();
}

void pad(Ui& ui, const Trainee& t, Body body) {
  const Metrics& m = ui.m;
  // What OK will do, as core will decide it (a double tap also reads "check out").
  const bool inside = !decide_punch(t, ui.centre.today(), ui.centre.minutes_now(), ui.centre.rules()).checks_in();
  const float key = std::min(m.target * 1.3f, (body.size.y - 2 * m.target - 5 * m.gap) / 4.0f);
  const float pad_w = 3 * key + 2 * m.gap;
  const float left_w = body.size.x - pad_w - 3 * m.gap;

  // Left: who, and what the OK will do.
  panel_background(body.pos, ImVec2(left_w, body.size.y));
  const float r = std::min(left_w * 0.18f, body.size.y * 0.14f);
  ImGui::SetCursorPos(ImVec2(body.pos.x + m.pad, body.pos.y + m.pad));
  const ImVec2 sp = ImGui::GetCursorScreenPos();
  avatar(ui, ImVec2(sp.x + left_w * 0.5f - m.pad, sp.y + r), r, t.id, t.shown_name());
  ImGui::SetCursorPosY(body.pos.y + m.pad + 2 * r + m.gap);
  ImGui::SetCursorPosX(body.pos.x + m.pad);
  label_centred(first_name_last_initial(t.shown_name()), ui.fonts.title, colour::text, left_w - 2 * m.pad);
  ImGui::SetCursorPosX(body.pos.x + m.pad);
  const std::string action =
      ui.icon(inside ? "logout-variant" : "clock-in") + "  " + ui.t(inside ? "pin.will_check_out" : "pin.will_check_in");
  label_centred(action, ui.fonts.bold, inside ? colour::primary : colour::success, left_w - 2 * m.pad);
  ImGui::SetCursorPosX(body.pos.x + m.pad);
  label_centred(ui.t("pin.enter"), ui.fonts.body, colour::muted, left_w - 2 * m.pad);
  if (!ui.session.pin.message.empty()) {
    ImGui::SetCursorPos(ImVec2(body.pos.x + m.pad, ImGui::GetCursorPosY() + m.gap));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const std::string text = ui.icon("alert-circle") + "  " + ui.pin_message();
    const float w = left_w - 2 * m.pad;
    const float h = wrap_lines(ui.fonts.bold, text, w - 2 * m.pad).size() * ui.fonts.bold->FontSize * 1.2f + m.pad;
    framed_rect(ImGui::GetWindowDrawList(), p, ImVec2(p.x + w, p.y + h), colour::danger_soft, colour::danger, m.radius,
                3.0f);
    ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + m.pad, ImGui::GetCursorPosY() + m.pad * 0.5f));
    label(text, ui.fonts.bold, colour::danger, w - 2 * m.pad);
  }

  // Right: dots, pad, and "my page" (identify without punching).
  const float px = body.pos.x + body.size.x - pad_w;
  ImGui::SetCursorPos(ImVec2(px, body.pos.y));
  const PinLength length = pin_length(Role::Trainee);
  pin_dots(ui, ui.session.pin.digits.size(), length.min, pad_w);
  ImGui::SetCursorPosX(px);
  std::string& digits = ui.session.pin.digits;
  const bool ok = pin_pad(ui, "pin", digits, length.max, ImVec2(key, key));
  ImGui::SetCursorPosX(px);
  const bool mine = touch_button(ui, "pin.my_page_only", "account", ui.t("pin.my_page"), ImVec2(pad_w, m.target),
                                 {.tone = Tone::Neutral, .enabled = !digits.empty()});
  if (!ok && !mine) return;

  const AuthOutcome auth =
      ui.centre.authenticate(t.id, digits, ui.practising() ? LoginMode::Practice : LoginMode::Counted);
  digits.clear();
  if (!auth.actor && auth.refusal && auth.refusal->code == "locked") {
    // The limit is reached: ask an instructor to help, calmly, on the next screen.
    ui.session.lockout = LockoutHelp{};
    ui.session.lockout.trainee_id = t.id;
    ui.show(ScreenId::LockoutHelp);
    return;
  }
  if (!auth.actor) {
    ui.session.pin.message = auth.refusal ? PinMessage{.refusal = *auth.refusal} : PinMessage{.key = "pin.wrong"};
    return;
  }
  if (mine) {
    ui.identify_trainee(t.id, true);
    ui.show(ScreenId::MyProgress);
  } else {
    ui.punch(*auth.actor, t.id, true);
  }
}

void draw(Ui& ui) {
  const Trainee* t = ui.centre.state().trainee(ui.session.subject_id);
  const bool notice = ui.session.pin.notice_only && !ui.session.confirmation;
  Body body = begin_screen(ui, ui.t(notice ? "pin.refused_title" : "pin.title"), notice ? "alert-circle" : "lock", true);
  if (!t) {
    ImGui::SetCursorPos(body.pos);
    label(ui.t("pin.nobody"), ui.fonts.bold, colour::muted, body.size.x);
  } else if (ui.session.confirmation && ui.session.confirmation->trainee_id == t->id) {
    confirmation(ui, *t, *ui.session.confirmation, body);
  } else if (notice) {
    refusal_notice(ui, *t, body);
  } else {
    pad(ui, *t, body);
  }
  end_screen();
}

void demo(Ui& ui) {
  auto in_centre = trainees_in(ui.centre.state(), {Stage::Centre});
  ui.go_home();
  if (in_centre.empty()) return;
  ui.show(ScreenId::Pin);
  ui.identify_trainee(in_centre.front()->id, false);
  ui.session.pin.digits = "12";
}

}  // namespace

// A waiting-list trainee's card, refused: the notice without a PIN pad.
void refused_demo(Ui& ui) {
  ui.go_home();
  auto waiting = trainees_in(ui.centre.state(), {Stage::Referred});
  if (waiting.empty()) return;
  ui.punch(Actor{waiting.front()->id, Role::Trainee}, waiting.front()->id, true);  // refused: nothing is written
  if (ui.session.screen == ScreenId::Pin) ui.show(ScreenId::PinRefused);           // its own name, for screenshots
  ui.session.pin.notice_only = true;
}

void register_pin_screen(ScreenRegistry& r) {
  r.add({ScreenId::Pin, "pin", Access::Anyone, draw, demo, [](Session& s) { s.pin = PinEntry{}; }});
  r.add({ScreenId::PinRefused, "pin-refused", Access::Anyone, draw, refused_demo});
}

}  // namespace ft::ui
