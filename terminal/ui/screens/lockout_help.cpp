// Lockout that asks for help, not shame: after the wrong-PIN limit (or at
// once, when a locked trainee taps their tile) the trainee is told calmly
// that an instructor will help, and when the pause ends by itself. On this same screen an
// instructor or supervisor taps their name and types their PIN (or scans
// their badge: Ui::frame reads the reader here); that confirms the trainee,
// lifts the lock (a LockLifted event with the staff member as actor) and
// performs the punch.
#include "terminal/ui/screens/lockout_help.hpp"

#include <imgui.h>

#include <algorithm>

#include "terminal/core/pin.hpp"
#include "terminal/core/text.hpp"
#include "terminal/ui/facts.hpp"
#include "terminal/ui/screen_registry.hpp"
#include "terminal/ui/ui.hpp"
#include "terminal/ui/widgets.hpp"

namespace ft::ui {
namespace {


std::vector<const Staff*> helpers(const State& s) {
  std::vector<const Staff*> out;
  for (const auto& [id, st] : s.staff)
    if ((st.role == Role::Instructor || st.role == Role::Supervisor) && st.name.hlc >= 0) out.push_back(&st);
  std::sort(out.begin(), out.end(), [](const Staff* a, const Staff* b) { return a->name.value < b->name.value; });
  return out;
}

// Right side: the helper chooses their name, then types their PIN.
void helper_side(Ui& ui, ImVec2 pos, ImVec2 size) {
  const Metrics& m = ui.m;
  LockoutHelp& d = ui.session.lockout;
  const Staff* st = d.staff_id.empty() ? nullptr : ui.centre.state().staff_member(d.staff_id);
  ImGui::SetCursorPos(pos);
  if (!st) {
    label(ui.icon("account-key") + "  " + ui.t("lockout.for_staff"), ui.fonts.bold, colour::text, size.x);
    const float top = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(pos.x, top));
    begin_scroll("lockout.list", ImVec2(size.x, pos.y + size.y - top));
    const float w = size.x - ImGui::GetStyle().ScrollbarSize - 4;
    for (const Staff* s : helpers(ui.centre.state()))
      if (touch_button(ui, "lockout.staff." + s->id, s->role == Role::Supervisor ? "account-star" : "account",
                       s->name.value, ImVec2(w, m.target), {.tone = Tone::Ghost})) {
        d.staff_id = s->id;
        d.digits.clear();
        d.message.clear();
      }
    end_scroll();
    return;
  }
  const float key = std::min(m.target * 1.2f, (size.y - 2 * m.target - 5 * m.gap) / 4.0f);
  const float pad_w = 3 * key + 2 * m.gap;
  label(st->name.value, ui.fonts.bold, colour::text, size.x);
  ImGui::SetCursorPosX(pos.x);
  const PinLength length = pin_length(Role::Supervisor);  // every staff role alike
  pin_dots(ui, d.digits.size(), length.min, pad_w);
  ImGui::SetCursorPosX(pos.x);
  const bool ok = pin_pad(ui, "lockout", d.digits, length.max, ImVec2(key, key));
  ImGui::SetCursorPosX(pos.x);
  if (touch_button(ui, "lockout.other", "arrow-left", ui.t("login.someone_else"), ImVec2(pad_w, m.target),
                   {.tone = Tone::Neutral})) {
    d.staff_id.clear();
    d.digits.clear();
    return;
  }
  if (!ok) return;
  AuthOutcome auth = ui.centre.authenticate(st->id, d.digits);
  d.digits.clear();
  if (!auth.actor) {
    d.message = auth.refusal ? ui.refusal(*auth.refusal) : ui.t("pin.wrong");
    return;
  }
  ui.lift_lock_and_punch(*auth.actor, d.trainee_id);
}

void draw(Ui& ui) {
  LockoutHelp& d = ui.session.lockout;
  const Trainee* t = ui.centre.state().trainee(d.trainee_id);
  Body body = begin_screen(ui, ui.t("lockout.title"), "human-greeting", true);
  const Metrics& m = ui.m;
  if (!t) {
    ImGui::SetCursorPos(body.pos);
    label(ui.t("pin.nobody"), ui.fonts.bold, colour::muted, body.size.x);
    end_screen();
    return;
  }
  // Left: calm words and a picture of someone coming to help.
  const float right_w = std::max(body.size.x * 0.34f, 3 * m.target * 1.2f + 2 * m.gap);
  const float left_w = body.size.x - right_w - m.gap;
  panel_background(body.pos, ImVec2(left_w, body.size.y), colour::selected);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetWindowPos();
  ImFont* huge = ui.fonts.huge;
  const std::string picture = ui.icon("human-greeting") + " " + ui.icon("arrow-right") + " " + ui.icon("account");
  const float pw = text_width(huge, picture);
  float y = origin.y + body.pos.y + m.pad;
  dl->AddText(huge, huge->FontSize, ImVec2(origin.x + body.pos.x + (left_w - pw) * 0.5f, y), colour::primary,
              picture.c_str());
  ImGui::SetCursorPos(ImVec2(body.pos.x + m.pad, body.pos.y + m.pad + huge->FontSize * 1.25f));
  const float lw = left_w - 2 * m.pad;
  label_centred(first_name_last_initial(t->shown_name()), ui.fonts.title, colour::text, lw);
  ImGui::SetCursorPos(ImVec2(body.pos.x + m.pad, ImGui::GetCursorPosY() + m.gap));
  label_centred(ui.t("lockout.calm"), ui.fonts.title, colour::text, lw);
  ImGui::SetCursorPos(ImVec2(body.pos.x + m.pad, ImGui::GetCursorPosY() + m.gap));
  label_centred(ui.t("lockout.ask"), ui.fonts.body, colour::text, lw);
  // The pause ends by itself: say when, so nobody thinks the card or PIN is gone for good.
  if (const int minutes = ui.lock_minutes_left(t->id); minutes > 0) {
    ImGui::SetCursorPos(ImVec2(body.pos.x + m.pad, ImGui::GetCursorPosY() + m.gap * 0.5f));
    label_centred(ui.icon("timer-sand") + "  " + ui.t("lockout.ends", {{"minutes", std::to_string(minutes)}}),
                  ui.fonts.bold, colour::text, lw);
    ui.shown.insert("lockout.ends");
  }
  if (!d.message.empty()) {
    ImGui::SetCursorPos(ImVec2(body.pos.x + m.pad, ImGui::GetCursorPosY() + m.gap));
    label(ui.icon("alert-circle") + "  " + d.message, ui.fonts.bold, colour::danger, lw);
  }
  helper_side(ui, ImVec2(body.pos.x + left_w + m.gap, body.pos.y), ImVec2(right_w, body.size.y));
  end_screen();
}

void demo(Ui& ui) {
  ui.go_home();
  auto in_centre = trainees_in(ui.centre.state(), {Stage::Centre});
  if (in_centre.empty()) return;
  ui.identify_trainee(in_centre.front()->id, false);
  ui.show(ScreenId::LockoutHelp);
  ui.session.lockout = LockoutHelp{};
  ui.session.lockout.trainee_id = in_centre.front()->id;
}

}  // namespace

void register_lockout_help_screen(ScreenRegistry& r) {
  r.add({ScreenId::LockoutHelp, "lockout-help", Access::Anyone, draw, demo});
}

}  // namespace ft::ui
