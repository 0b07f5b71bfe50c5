// The morning question: the trainee just checked in, and the last expected
// day has a check-in but no check-out. Instead of closing it silently, the
// kiosk asks "When did you leave yesterday?" with big hour and quarter
// buttons. The answer is recorded as proposed (ProposeCheckout); an
// instructor or supervisor confirms it on the overview, and until then the
// day stays flagged. "I don't remember" leaves it to the end-of-day close.
#include "terminal/ui/screens/morning_question.hpp"

#include <imgui.h>

#include <algorithm>

#include "terminal/core/decide.hpp"
#include "terminal/core/text.hpp"
#include "terminal/ui/facts.hpp"
#include "terminal/ui/screen_registry.hpp"
#include "terminal/ui/ui.hpp"
#include "terminal/ui/widgets.hpp"

namespace ft::ui {

std::string morning_question_text(const Ui& ui, Day day) {
  if (day == ui.centre.today() - 1) return ui.t("morning.question_yesterday");
  return ui.t("morning.question_day", {{"weekday", ui.t("date.weekday." + std::to_string(weekday(day)))}});
}

namespace {

constexpr int kLastHour = 19;  // nobody on the floor leaves later

void draw(Ui& ui) {
  MorningQuestion& q = ui.session.morning;
  const Trainee* t = ui.centre.state().trainee(q.trainee_id);
  Body body = begin_screen(ui, ui.t("morning.title"), "weather-sunset", true);
  const Metrics& m = ui.m;
  const AttendanceDay* day = nullptr;
  if (t)
    if (auto it = t->days.find(q.day); it != t->days.end()) day = &it->second;
  if (!day) {
    ImGui::SetCursorPos(body.pos);
    label(ui.t("pin.nobody"), ui.fonts.bold, colour::muted, body.size.x);
    end_screen();
    return;
  }
  const int check_in = day->check_in;

  // Left: the question with its picture; right: the picker.
  const float left_w = body.size.x * 0.36f;
  panel_background(body.pos, ImVec2(left_w, body.size.y));
  ImGui::SetCursorPos(ImVec2(body.pos.x + m.pad, body.pos.y + m.pad));
  const float r = std::min(left_w * 0.16f, 64.0f * m.scale);
  const ImVec2 sp = ImGui::GetCursorScreenPos();
  avatar(ui, ImVec2(sp.x + left_w * 0.5f - m.pad, sp.y + r), r, t->id, t->shown_name());
  ImGui::SetCursorPos(ImVec2(body.pos.x + m.pad, body.pos.y + m.pad + 2 * r + m.gap));
  const float lw = left_w - 2 * m.pad;
  label_centred(ui.t("pin.welcome", {{"name", first_name_last_initial(t->shown_name())}}), ui.fonts.bold,
                colour::success, lw);
  ImGui::SetCursorPos(ImVec2(body.pos.x + m.pad, ImGui::GetCursorPosY() + m.gap));
  label(ui.icon("weather-sunset") + "  " + morning_question_text(ui, q.day), ui.fonts.title, colour::text, lw);
  ImGui::SetCursorPos(ImVec2(body.pos.x + m.pad, ImGui::GetCursorPosY() + m.gap * 0.5f));
  label(ui.icon("clock-in") + "  " +
            ui.t("morning.checked_in", {{"date", ui.date_short(q.day)}, {"time", format_clock(check_in)}}),
        ui.fonts.body, colour::muted, lw);
  ImGui::SetCursorPos(ImVec2(body.pos.x + m.pad, ImGui::GetCursorPosY() + m.gap * 0.5f));
  label(ui.t("morning.explain"), ui.fonts.body, colour::muted, lw);
  if (!q.message.empty()) {
    ImGui::SetCursorPos(ImVec2(body.pos.x + m.pad, ImGui::GetCursorPosY() + m.gap * 0.5f));
    label(ui.icon("alert-circle") + "  " + q.message, ui.fonts.bold, colour::danger, lw);
  }

  // Hours from the check-in's hour to the evening, then the quarter.
  const float px = body.pos.x + left_w + m.gap, pw = body.size.x - left_w - m.gap;
  ImGui::SetCursorPos(ImVec2(px, body.pos.y));
  label(ui.icon("clock") + "  " + ui.t("morning.hour"), ui.fonts.bold, colour::text, pw);
  const int first = std::min(check_in / 60 + ((check_in % 60) >= 45 ? 1 : 0), kLastHour);
  const int n = kLastHour - first + 1;
  const int cols = std::min(n, 6);
  const float hw = (pw - (cols - 1) * m.gap) / cols;
  const float hh = m.target * 1.15f;
  float y = ImGui::GetCursorPosY();
  for (int i = 0; i < n; ++i) {
    const int h = first + i;
    ImGui::SetCursorPos(ImVec2(px + (i % cols) * (hw + m.gap), y + (i / cols) * (hh + m.gap)));
    char text[16];
    std::snprintf(text, sizeof text, "%02d", h);
    if (touch_button(ui, "morning.hour." + std::to_string(h), "", text, ImVec2(hw, hh),
                     {.tone = Tone::Neutral, .selected = q.hour == h, .font = ui.fonts.title})) {
      q.hour = h;
      if (q.quarter >= 0 && h * 60 + q.quarter * 15 <= check_in) q.quarter = -1;
    }
  }
  y += ((n + cols - 1) / cols) * (hh + m.gap) + m.gap;
  ImGui::SetCursorPos(ImVec2(px, y));
  label(ui.icon("clock-fast") + "  " + ui.t("morning.minutes"), ui.fonts.bold, colour::text, pw);
  y = ImGui::GetCursorPosY();
  const float qw = (pw - 3 * m.gap) / 4;
  for (int k = 0; k < 4; ++k) {
    ImGui::SetCursorPos(ImVec2(px + k * (qw + m.gap), y));
    char text[16];
    std::snprintf(text, sizeof text, ":%02d", k * 15);
    const bool possible = q.hour < 0 || q.hour * 60 + k * 15 > check_in;
    if (touch_button(ui, "morning.quarter." + std::to_string(k * 15), "", text, ImVec2(qw, hh),
                     {.tone = Tone::Neutral, .selected = q.quarter == k, .enabled = possible, .font = ui.fonts.title}))
      q.quarter = k;
  }

  // The answer so far, and the two ways on.
  const float by = body.pos.y + body.size.y - m.target * 1.3f;
  const bool ready = q.hour >= 0 && q.quarter >= 0;
  const std::string chosen = ready ? format_clock(q.hour * 60 + q.quarter * 15) : std::string("--:--");
  const float sw = (pw - m.gap) * 0.5f;
  ImGui::SetCursorPos(ImVec2(px, by));
  if (touch_button(ui, "morning.skip", "help-circle", ui.t("morning.skip"), ImVec2(sw, m.target * 1.3f),
                   {.tone = Tone::Neutral})) {
    ui.skip_morning_question();
    end_screen();
    return;
  }
  ImGui::SetCursorPos(ImVec2(px + sw + m.gap, by));
  if (touch_button(ui, "morning.save", "check", ui.t("morning.save", {{"time", chosen}}), ImVec2(sw, m.target * 1.3f),
                   {.tone = Tone::Success, .enabled = ready}))
    ui.answer_morning_question(q.hour * 60 + q.quarter * 15);
  end_screen();
}

// A trainee whose last expected day has a check-in without a check-out.
void demo(Ui& ui) {
  ui.go_home();
  const State& s = ui.centre.state();
  auto in_centre = trainees_in(s, {Stage::Centre});
  for (const Trainee* t : in_centre) {
    auto day = unanswered_checkout(*t, ui.centre.today(), ui.centre.rules());
    if (!day) continue;
    ui.identify_trainee(t->id, true);
    ui.session.morning.trainee_id = t->id;
    ui.session.morning.actor = Actor{t->id, Role::Trainee};
    ui.session.morning.day = *day;
    ui.session.morning.hour = 15;
    ui.show(ScreenId::MorningQuestion);
    return;
  }
}

}  // namespace

void register_morning_question_screen(ScreenRegistry& r) {
  r.add({ScreenId::MorningQuestion, "morning-question", Access::Anyone, draw, demo});
}

}  // namespace ft::ui
