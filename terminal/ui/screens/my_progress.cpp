// My page: a trainee's own progress, after their PIN or badge; it closes by
// itself after 60 s. The way centre -> internship -> job as a picture, days
// in the course and days left, skills as icons with their level, and this
// week's attendance; beside the way, their language and read-aloud
// (own_language.cpp). Nothing about anyone else.
#include "terminal/ui/screens/my_progress.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "terminal/core/internship.hpp"
#include "terminal/core/text.hpp"
#include "terminal/ui/facts.hpp"
#include "terminal/ui/gl_frame.hpp"
#include "terminal/ui/screen_registry.hpp"
#include "terminal/ui/screens/own_language.hpp"
#include "terminal/ui/ui.hpp"
#include "terminal/ui/widgets.hpp"

namespace ft::ui {
namespace {

// Three stations with the current one marked; returns nothing, draws in [a, a+size].
void journey(Ui& ui, const Trainee& t, const Progress& p, ImVec2 a, ImVec2 size) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const Stage now = t.stage();
  struct Station {
    Stage stage;
    const char* icon;
  };
  const Station stations[] = {{Stage::Centre, "school"}, {Stage::Internship, "briefcase"}, {Stage::Employed, "trophy"}};
  const int current = now == Stage::Centre ? 0 : now == Stage::Internship ? 1 : now == Stage::Employed ? 2 : -1;
  ImFont* big = ui.fonts.title;
  // Under each circle its name and "you are here"; under those the days line, which they must not touch.
  ImFont* bold = ui.fonts.bold;
  const float under = 12 + bold->FontSize * 1.15f + ui.fonts.small->FontSize + 6 + bold->FontSize * 1.3f;
  const float r = std::max(8.0f, std::min({size.y * 0.22f, size.x * 0.07f, (size.y - ui.m.pad * 0.5f - under) * 0.5f}));
  const float cy = a.y + r + ui.m.pad * 0.5f;
  for (int i = 0; i < 3; ++i) {
    const float cx = a.x + size.x * (1 + 2 * i) / 6.0f;
    if (i < 2) {
      const float nx = a.x + size.x * (3 + 2 * i) / 6.0f;
      dl->AddLine(ImVec2(cx + r, cy), ImVec2(nx - r, cy), i < current ? colour::success : colour::border,
                  8.0f * ui.m.scale);
    }
    const bool done = current > i, here = current == i;
    const ImU32 fill = here ? colour::primary : done ? colour::success : colour::neutral;
    dl->AddCircleFilled(ImVec2(cx, cy), r, fill, 48);
    if (here) dl->AddCircle(ImVec2(cx, cy), r + 6, colour::primary, 48, 4.0f);
    const std::string glyph = ui.icon(done ? "check" : stations[i].icon);
    const float gs = r * 1.1f;
    const ImVec2 ts = big->CalcTextSizeA(gs, 1e9f, 0, glyph.c_str());
    add_scaled_text(dl, big, gs, ImVec2(cx - ts.x * 0.5f, cy - ts.y * 0.5f), here || done ? colour::on_dark : colour::muted,
                    glyph.c_str());
    const std::string name = ui.t(stage_key(stations[i].stage));
    ImFont* f = ui.fonts.bold;
    const float w = text_width(f, name);
    if (w > size.x / 3) ui.report_overflow("progress.station");
    dl->AddText(f, f->FontSize, ImVec2(cx - w * 0.5f, cy + r + 10), colour::text, name.c_str());
    if (here) {
      // In an internship: where, in plain words; never dates, weeks or the law.
      const Agreement* at = now == Stage::Internship ? current_agreement(t) : nullptr;
      const std::string you = at ? ui.t("progress.you_are_at", {{"host", at->host}}) : ui.t("progress.you_are_here");
      ImFont* s = ui.fonts.small;
      if (text_width(s, you) > size.x / 3) ui.report_overflow("progress.you_are_here");
      if (cy + r + 12 + f->FontSize * 1.15f + s->FontSize > a.y + size.y - f->FontSize * 1.3f)
        ui.report_overflow("progress.you_are_here");  // it would run into the days line
      dl->AddText(s, s->FontSize, ImVec2(cx - text_width(s, you) * 0.5f, cy + r + 12 + f->FontSize * 1.15f),
                  colour::primary, you.c_str());
    }
  }
  // Days in the course and left, under the picture.
  std::string days;
  if (p.started) {
    const int day_no = ui.centre.today() - *p.started + 1;
    days = ui.icon("calendar") + "  " + ui.t("progress.day_of_course", {{"day", std::to_string(day_no)}});
    if (p.days_left) days += "   ·   " + ui.t("progress.days_left", {{"days", std::to_string(*p.days_left)}});
  } else {
    days = ui.icon("timer-sand") + "  " + ui.t("progress.waiting");
  }
  ImFont* f = ui.fonts.bold;
  if (text_width(f, days) > size.x) ui.report_overflow("progress.days");
  const float y = a.y + size.y - f->FontSize * 1.3f;
  dl->AddText(f, f->FontSize, ImVec2(a.x + (size.x - text_width(f, days)) * 0.5f, y), colour::text, days.c_str());
}

void skills(Ui& ui, const Trainee& t, ImVec2 pos, ImVec2 size) {
  const Metrics& m = ui.m;
  ImGui::SetCursorPos(pos);
  label(ui.icon("star") + "  " + ui.t("progress.skills"), ui.fonts.title, colour::text, size.x);
  const float top = ImGui::GetCursorPosY();
  ImGui::SetCursorPos(ImVec2(pos.x, top));
  begin_scroll("progress.skills", ImVec2(size.x, pos.y + size.y - top));
  const auto latest = t.latest_assessments();
  const float avail = size.x - ImGui::GetStyle().ScrollbarSize - 4;
  const int cols = std::max(2, int((avail + m.gap) / (230.0f * m.scale + m.gap)));
  const float w = (avail - (cols - 1) * m.gap) / cols;
  const float h = m.target * 1.9f;
  int n = 0;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (const Skill& s : ui.centre.catalogue().skills) {
    if (n++ % cols) ImGui::SameLine();
    ImGui::Dummy(ImVec2(w, h));
    const ImVec2 a = ImGui::GetItemRectMin();
    auto it = latest.find(s.key);
    const int level = it == latest.end() ? 0 : it->second->level;
    const bool reached = level >= s.target;
    framed_rect(dl, a, ImVec2(a.x + w, a.y + h), reached ? colour::success_soft : colour::panel,
                reached ? colour::success : colour::border, m.radius, reached ? 3.0f : 1.0f);
    ImFont* big = ui.fonts.title;
    const std::string glyph = ui.icon(s.icon);
    dl->AddText(big, big->FontSize, ImVec2(a.x + m.pad * 0.5f, a.y + m.pad * 0.4f),
                level ? colour::text : colour::muted, glyph.c_str());
    const float dot = big->FontSize * 0.42f;
    level_pips(dl, ImVec2(a.x + w - m.pad * 0.5f - dot * 5.2f, a.y + m.pad * 0.4f + big->FontSize * 0.3f), dot, level,
               s.target);
    ImFont* sf = ui.fonts.small;
    float y = a.y + m.pad * 0.4f + big->FontSize * 1.15f;
    auto lines = wrap_lines(sf, ui.skill_label(s), w - m.pad);
    if (lines.size() > 3) ui.report_overflow("progress.skill." + s.key);
    for (const auto& l : lines) {
      if (y + sf->FontSize > a.y + h) break;
      dl->AddText(sf, sf->FontSize, ImVec2(a.x + m.pad * 0.5f, y), colour::text, l.c_str());
      y += sf->FontSize * 1.1f;
    }
  }
  end_scroll();
}

void week(Ui& ui, const Trainee& t, ImVec2 pos, ImVec2 size) {
  const Metrics& m = ui.m;
  const Day today = ui.centre.today();
  const Day monday = today - weekday(today);
  ImGui::SetCursorPos(pos);
  label(ui.icon("calendar") + "  " + ui.t("progress.this_week"), ui.fonts.title, colour::text, size.x);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  // Five rows and the four gaps between them (ItemSpacing) share what is left below the title.
  const float row_h = std::min(m.target, (pos.y + size.y - ImGui::GetCursorPosY() - 4 * m.gap) / 5.0f);
  for (Day d = monday; d < monday + 5; ++d) {
    ImGui::SetCursorPosX(pos.x);
    ImGui::Dummy(ImVec2(size.x, row_h));
    const ImVec2 a = ImGui::GetItemRectMin();
    if (ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y > pos.y + size.y + 1) ui.report_overflow("progress.week");
    const DayLook look = day_look(day_status(t, d, ui.centre.rules(), today));
    framed_rect(dl, a, ImVec2(a.x + size.x, a.y + row_h), d == today ? colour::selected : colour::panel, colour::border,
                m.radius, 1.0f);
    ImFont* f = ui.fonts.bold;
    const float ty = a.y + (row_h - f->FontSize) * 0.5f;
    const std::string when = ui.weekday_short(d) + " " + ui.date_short(d);
    dl->AddText(f, f->FontSize, ImVec2(a.x + m.pad * 0.5f, ty), colour::text, when.c_str());
    const std::string what = ui.icon(look.icon) + " " + ui.t(look.key);
    const float ww = text_width(ui.fonts.body, what);
    if (ww + text_width(f, when) + m.pad * 1.5f > size.x) ui.report_overflow("progress.week");
    dl->AddText(ui.fonts.body, ui.fonts.body->FontSize, ImVec2(a.x + size.x - ww - m.pad * 0.5f, ty), look.colour,
                what.c_str());
  }
}

void draw(Ui& ui) {
  const Trainee* t = ui.centre.state().trainee(ui.session.subject_id);
  const std::string name = t ? first_name_last_initial(t->shown_name()) : std::string();
  Body body = begin_screen(ui, ui.t("progress.title", {{"name", name}}), "account", true);
  if (!t || !ui.session.subject_verified) {
    end_screen();
    return;
  }
  const Metrics& m = ui.m;
  const Progress p = progress(*t, ui.centre.catalogue(), ui.centre.rules(), ui.centre.today());
  const float journey_h = std::max(body.size.y * 0.34f, m.target * 2.8f);
  panel_background(body.pos, ImVec2(body.size.x, journey_h));
  const ImVec2 wp = ImGui::GetWindowPos();
  // The language and read-aloud column at the panel's right, set off by a line.
  const float own_w = own_settings_width(ui);
  const float journey_w = body.size.x - 3 * m.pad - own_w;
  journey(ui, *t, p, ImVec2(wp.x + body.pos.x + m.pad, wp.y + body.pos.y + m.pad),
          ImVec2(journey_w, journey_h - 2 * m.pad));
  const float line_x = wp.x + body.pos.x + 1.5f * m.pad + journey_w;
  ImGui::GetWindowDrawList()->AddLine(ImVec2(line_x, wp.y + body.pos.y + m.pad),
                                      ImVec2(line_x, wp.y + body.pos.y + journey_h - m.pad), colour::border, 2.0f);
  own_settings_buttons(ui, *t, ImVec2(body.pos.x + body.size.x - m.pad - own_w, body.pos.y + m.pad),
                       ImVec2(own_w, journey_h - 2 * m.pad));

  float top = body.pos.y + journey_h + m.gap;
  top += own_settings_message(ui, ImVec2(body.pos.x, top), body.size.x);
  const float rest = body.pos.y + body.size.y - top;
  if (ui.session.my_page.choosing_language) {
    language_list(ui, *t, ImVec2(body.pos.x, top), ImVec2(body.size.x, rest));
  } else {
    const float week_w = std::max(body.size.x * 0.32f, 380.0f * m.scale);
    skills(ui, *t, ImVec2(body.pos.x, top), ImVec2(body.size.x - week_w - m.gap, rest));
    week(ui, *t, ImVec2(body.pos.x + body.size.x - week_w, top), ImVec2(week_w, rest));
  }
  end_screen();
}

void demo(Ui& ui) {
  ui.go_home();
  // The trainee in the centre with the most assessments shows the most.
  const Trainee* best = nullptr;
  for (const Trainee* t : trainees_in(ui.centre.state(), {Stage::Centre}))
    if (!best || t->assessments.size() > best->assessments.size()) best = t;
  if (!best) return;
  ui.identify_trainee(best->id, true);
  ui.show(ScreenId::MyProgress);
}

// The same page with the language list open, as after a tap on the language
// button: a name of its own so screenshots and the screen tests reach it.
void language_demo(Ui& ui) {
  demo(ui);
  if (ui.session.screen != ScreenId::MyProgress) return;
  ui.show(ScreenId::MyLanguage);
  ui.session.my_page.choosing_language = true;
}

// The page of a trainee out in an internship: the way shows where they are.
void internship_demo(Ui& ui) {
  ui.go_home();
  for (const Trainee* t : trainees_in(ui.centre.state(), {Stage::Internship}))
    if (current_agreement(*t)) {
      ui.identify_trainee(t->id, true);
      ui.show(ScreenId::MyProgress);
      if (ui.session.screen == ScreenId::MyProgress) ui.show(ScreenId::MyInternship);
      return;
    }
}

}  // namespace

void register_my_progress_screen(ScreenRegistry& r) {
  r.add({ScreenId::MyProgress, "my-progress", Access::Trainee, draw, demo,
         [](Session& s) { s.my_page = MyPageDraft{}; }});
  r.add({ScreenId::MyInternship, "my-internship", Access::Trainee, draw, internship_demo});
  r.add({ScreenId::MyLanguage, "my-language", Access::Trainee, draw, language_demo});
}

}  // namespace ft::ui
