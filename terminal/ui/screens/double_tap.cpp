// "You are already in since 08:02 — go out?": shown instead of recording a
// second punch that came moments after the check-in (a double tap on the
// tile, a badge held to the reader twice). Nothing was written; the other
// action is offered explicitly, and staying in is the big default.
#include "terminal/ui/screens/double_tap.hpp"

#include <imgui.h>

#include <algorithm>

#include "terminal/core/decide.hpp"
#include "terminal/core/text.hpp"
#include "terminal/ui/facts.hpp"
#include "terminal/ui/screen_registry.hpp"
#include "terminal/ui/ui.hpp"
#include "terminal/ui/widgets.hpp"

namespace ft::ui {
namespace {

void draw(Ui& ui) {
  Body body = begin_screen(ui, ui.t("double_tap.title"), "clock-in", true);
  const Metrics& m = ui.m;
  const Trainee* t = ui.session.double_tap ? ui.centre.state().trainee(ui.session.double_tap->trainee_id) : nullptr;
  if (!t) {
    ImGui::SetCursorPos(body.pos);
    label(ui.t("pin.nobody"), ui.fonts.bold, colour::muted, body.size.x);
    end_screen();
    return;
  }
  const DoubleTap dt = *ui.session.double_tap;
  const float panel_h = body.size.y - m.target * 1.4f - m.gap;
  panel_background(body.pos, ImVec2(body.size.x, panel_h), colour::success_soft);

  // The picture: the check-in icon and the time already recorded, huge.
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetWindowPos();
  ImFont* huge = ui.fonts.huge;
  const std::string big = ui.icon("clock-in") + " " + format_clock(dt.since);
  const float bw = text_width(huge, big);
  float y = origin.y + body.pos.y + panel_h * 0.08f;
  dl->AddText(huge, huge->FontSize, ImVec2(origin.x + body.pos.x + (body.size.x - bw) * 0.5f, y), colour::success,
              big.c_str());
  y += huge->FontSize * 1.2f;
  const float r = std::min(panel_h * 0.09f, 60.0f * m.scale);
  avatar(ui, ImVec2(origin.x + body.pos.x + body.size.x * 0.5f, y + r), r, t->id, t->shown_name());
  y += 2 * r + m.gap;
  ImGui::SetCursorScreenPos(ImVec2(origin.x + body.pos.x + m.pad, y));
  label_centred(first_name_last_initial(t->shown_name()), ui.fonts.title, colour::text, body.size.x - 2 * m.pad);
  ImGui::SetCursorScreenPos(ImVec2(origin.x + body.pos.x + m.pad, ImGui::GetCursorScreenPos().y + m.gap * 0.5f));
  label_centred(ui.t("double_tap.question", {{"time", format_clock(dt.since)}}), ui.fonts.title, colour::text,
                body.size.x - 2 * m.pad);
  ImGui::SetCursorScreenPos(ImVec2(origin.x + body.pos.x + m.pad, ImGui::GetCursorScreenPos().y + m.gap * 0.5f));
  label_centred(ui.t("double_tap.nothing_saved"), ui.fonts.body, colour::muted, body.size.x - 2 * m.pad);

  // The two answers: stay in (the default), or go out now.
  const float by = body.pos.y + body.size.y - m.target * 1.4f;
  const float w = (body.size.x - m.gap) * 0.5f;
  ImGui::SetCursorPos(ImVec2(body.pos.x, by));
  if (touch_button(ui, "double_tap.stay", "check", ui.t("double_tap.stay"), ImVec2(w, m.target * 1.4f),
                   {.tone = Tone::Success})) {
    ui.go_home();
    end_screen();
    return;
  }
  ImGui::SetCursorPos(ImVec2(body.pos.x + w + m.gap, by));
  if (touch_button(ui, "double_tap.go_out", "logout-variant", ui.t("double_tap.go_out"), ImVec2(w, m.target * 1.4f),
                   {.tone = Tone::Primary}))
    ui.check_out_now(dt.actor, dt.trainee_id);
  end_screen();
}

// A trainee who checked in a minute ago and taps again.
void demo(Ui& ui) {
  ui.go_home();
  const Day today = ui.centre.today();
  for (const Trainee* t : trainees_in(ui.centre.state(), {Stage::Centre})) {
    auto d = t->days.find(today);
    if (d == t->days.end() || !d->second.has_check_in() || d->second.has_check_out()) continue;
    ui.identify_trainee(t->id, true);
    ui.show(ScreenId::DoubleTap);
    ui.session.double_tap = DoubleTap{t->id, Actor{t->id, Role::Trainee}, d->second.check_in};
    return;
  }
  // Nobody is in right now (a demo centre at night): one trainee, as if in since a minute ago.
  auto in_centre = trainees_in(ui.centre.state(), {Stage::Centre});
  if (in_centre.empty()) return;
  const Trainee* t = in_centre.front();
  ui.identify_trainee(t->id, true);
  ui.show(ScreenId::DoubleTap);
  ui.session.double_tap = DoubleTap{t->id, Actor{t->id, Role::Trainee}, std::max(0, ui.centre.minutes_now() - 1)};
}

}  // namespace

void register_double_tap_screen(ScreenRegistry& r) {
  r.add({ScreenId::DoubleTap, "double-tap", Access::Anyone, draw, demo});
}

}  // namespace ft::ui
