// Progress pictures drawn with draw lists (see charts.hpp).
//
// Sections: shared drawing (stage colours, the stage bar, dashed lines, the
// trend's series and plot) · full-size pictures · row-size pictures.
#include "terminal/ui/charts.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "terminal/ui/facts.hpp"
#include "terminal/ui/ui.hpp"
#include "terminal/ui/widgets.hpp"

namespace ft::ui {
namespace {

// ---- shared drawing ------------------------------------------------------------------

ImU32 stage_colour(Stage s) {
  switch (s) {
    case Stage::Centre:
      return colour::primary;
    case Stage::Internship:
      return IM_COL32(0x00, 0x69, 0x6F, 0xFF);
    case Stage::Employed:
      return colour::success;
    case Stage::Referred:
      return colour::border;
    case Stage::Exited:
      break;
  }
  return colour::muted;
}

// The course from its first centre day to the limit, as a rounded bar in [a, b]: a segment per
// stage up to today, thin warning marks at 15 and 17 months. Returns the x of today.
float stage_bar(Ui& ui, const Trainee& t, Day start, ImVec2 a, ImVec2 b, float rounding, float mark) {
  const Rules& rules = ui.centre.rules();
  const Day today = ui.centre.today();
  const Day end = add_months(start, rules.course_months);
  auto x_of = [&](Day d) {
    return a.x + (b.x - a.x) * std::clamp(float(d - start) / float(std::max(1, end - start)), 0.0f, 1.0f);
  };
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(a, b, colour::neutral, rounding);
  for (size_t i = 0; i < t.stages.size(); ++i) {
    const StageChange& sc = t.stages[i];
    const Day from = std::max(sc.day, start);
    const Day to = i + 1 < t.stages.size() ? t.stages[i + 1].day : today;
    if (to <= from || sc.to == Stage::Referred) continue;
    dl->AddRectFilled(ImVec2(x_of(from), a.y), ImVec2(x_of(to), b.y), stage_colour(sc.to), rounding);
  }
  for (int months : {rules.warn_months_first, rules.warn_months_second}) {
    const float x = x_of(add_months(start, months));
    dl->AddLine(ImVec2(x, a.y - mark), ImVec2(x, b.y + mark), colour::warning, std::max(2.0f, 3.0f * ui.m.scale));
  }
  return x_of(today);
}

// A dashed polyline whose dashes run on across the corners.
void dashed(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 c, float thickness, float dash, float gap) {
  float phase = 0;  // distance into the current dash + gap period
  for (size_t i = 1; i < pts.size(); ++i) {
    const ImVec2 a = pts[i - 1], b = pts[i];
    const float len = std::hypot(b.x - a.x, b.y - a.y);
    float at = 0;
    while (at < len) {
      const bool on = phase < dash;
      const float step = std::min(len - at, on ? dash - phase : dash + gap - phase);
      if (on) {
        const float t0 = at / len, t1 = (at + step) / len;
        dl->AddLine(ImVec2(a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0),
                    ImVec2(a.x + (b.x - a.x) * t1, a.y + (b.y - a.y) * t1), c, thickness);
      }
      at += step;
      phase = std::fmod(phase + step, dash + gap);
    }
  }
}

// The trend's days: the trainee's line runs from the first centre day to today (or to the day the
// course ended); the axis runs on to the end of the planned centre period when that is later, so
// the expected curve shows where the trainee should be heading.
struct Series {
  Day start = 0, last = 0, end = 0;
  std::vector<double> actual;  // one a day, start..last
  int required = 0;
  double tolerance = 0;
  double expected(Ui& ui, Day d) const { return expected_skills_share(months_between(start, d), ui.centre.rules()); }
};

std::optional<Series> series(Ui& ui, const Trainee& t, const Progress& p) {
  if (!p.started) return std::nullopt;
  const Rules& rules = ui.centre.rules();
  const Day today = ui.centre.today();
  Series s;
  s.start = *p.started;
  const auto ended = t.ended_on();
  s.last = std::max(s.start, ended ? std::min(*ended, today) : today);
  s.end = std::max({s.last, add_months(s.start, rules.planned_centre_months), s.start + 1});
  s.actual = skills_at_target_trend(t, ui.centre.catalogue(), s.start, s.last);
  s.required = p.skills_required;
  s.tolerance = rules.skills_curve_tolerance;
  return s;
}

// The plot inside [a, b]: the shaded gap, the dashed expected curve, the step line and its end
// dot. Fills `out` with what it drew.
void plot(Ui& ui, const Series& s, ImVec2 a, ImVec2 b, float line, TrendDrawn& out) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  auto x_of = [&](double d) { return a.x + (b.x - a.x) * float((d - s.start) / double(s.end - s.start)); };
  auto y_of = [&](double share) { return b.y - (b.y - a.y) * float(std::clamp(share, 0.0, 1.0)); };
  // The gap between the trainee and the curve, day by day: green ahead, amber a little behind, red behind.
  for (size_t i = 0; i < s.actual.size(); ++i) {
    const Day d = s.start + Day(i);
    const double act = s.actual[i], exp = s.expected(ui, d);
    if (std::abs(act - exp) < 1e-9) continue;
    const ImU32 fill = act > exp                 ? colour::success_soft
                       : exp - act > s.tolerance ? colour::danger_soft
                                                 : colour::warning_soft;
    const float x1 = std::min(x_of(d + 1), x_of(s.last));
    if (x1 > x_of(d))
      dl->AddRectFilled(ImVec2(x_of(d), y_of(std::max(act, exp))), ImVec2(x1, y_of(std::min(act, exp))), fill);
  }
  std::vector<ImVec2> curve;
  for (Day d = s.start; d <= s.end; ++d) curve.push_back(ImVec2(x_of(d), y_of(s.expected(ui, d))));
  dashed(dl, curve, colour::muted, std::max(2.0f, line * 0.75f), line * 3.5f, line * 2.5f);

  std::vector<ImVec2> steps = {ImVec2(x_of(s.start), y_of(s.actual.front()))};
  for (size_t i = 1; i < s.actual.size(); ++i) {
    if (s.actual[i] == s.actual[i - 1]) continue;
    const float x = x_of(s.start + Day(i));
    steps.push_back(ImVec2(x, y_of(s.actual[i - 1])));
    steps.push_back(ImVec2(x, y_of(s.actual[i])));
  }
  steps.push_back(ImVec2(x_of(s.last), y_of(s.actual.back())));
  dl->AddPolyline(steps.data(), int(steps.size()), colour::primary, 0, line);

  const double act = s.actual.back(), exp = s.expected(ui, s.last);
  out.steps = int(steps.size() / 2);
  out.required = s.required;
  out.at_target = int(std::lround(act * s.required));
  out.expected = int(std::lround(exp * s.required));
  out.behind = act + s.tolerance < exp;
  // The dot's colour says what the legend's numbers say: red behind the curve by more than the
  // tolerance, amber short of the expected count, green at or above it.
  const ImU32 dot = out.behind ? colour::danger : out.at_target < out.expected ? colour::warning : colour::success;
  const ImVec2 end(x_of(s.last), y_of(act));
  dl->AddCircleFilled(end, line * 2.2f, colour::panel);
  dl->AddCircleFilled(end, line * 1.6f, dot);
}

// A legend entry: a short sample of the line's style, then the words.
void legend_entry(Ui& ui, ImVec2 at, bool dashed_line, const std::string& text) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* sf = ui.fonts.small;
  const float sample = sf->FontSize * 1.6f, y = at.y + sf->FontSize * 0.55f, line = std::max(3.0f, 4.0f * ui.m.scale);
  if (dashed_line)
    dashed(dl, {ImVec2(at.x, y), ImVec2(at.x + sample, y)}, colour::muted, line * 0.75f, line * 3.5f, line * 2.5f);
  else
    dl->AddLine(ImVec2(at.x, y), ImVec2(at.x + sample, y), colour::primary, line);
  dl->AddText(sf, sf->FontSize, ImVec2(at.x + sample + sf->FontSize * 0.4f, at.y), colour::text, text.c_str());
}

}  // namespace

// ---- full-size pictures ------------------------------------------------------------------

void timeline(Ui& ui, const Trainee& t, const Progress& p, float width) {
  const Metrics& m = ui.m;
  const Rules& rules = ui.centre.rules();
  label(ui.icon("calendar") + "  " + ui.t("review.timeline"), ui.fonts.bold, colour::text, width);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 a = ImGui::GetCursorScreenPos();
  const float bar_h = m.target * 0.45f;
  const float h = bar_h + ui.fonts.small->FontSize * 2.6f;
  ImGui::Dummy(ImVec2(width, h));
  if (!p.started) {
    dl->AddText(ui.fonts.body, ui.fonts.body->FontSize, a, colour::muted, ui.t("progress.waiting").c_str());
    return;
  }
  const Day start = *p.started;
  const Day end = add_months(start, rules.course_months);
  const float tx = stage_bar(ui, t, start, a, ImVec2(a.x + width, a.y + bar_h), 6, 4);
  dl->AddTriangleFilled(ImVec2(tx - 10, a.y + bar_h + 14), ImVec2(tx + 10, a.y + bar_h + 14),
                        ImVec2(tx, a.y + bar_h + 2), colour::text);
  ImFont* sf = ui.fonts.small;
  const std::string left = ui.t("review.started", {{"date", ui.date_short(start)}});
  const std::string right =
      ui.t("review.limit", {{"months", std::to_string(rules.course_months)}, {"date", ui.date_short(end)}});
  const float ly = a.y + bar_h + 16;
  dl->AddText(sf, sf->FontSize, ImVec2(a.x, ly), colour::text, left.c_str());
  dl->AddText(sf, sf->FontSize, ImVec2(a.x + width - text_width(sf, right), ly), colour::text, right.c_str());
  std::string now = ui.t("review.months_used", {{"months", std::to_string(int(p.months_in_course))}});
  if (p.days_left) now += " · " + ui.t("progress.days_left", {{"days", std::to_string(*p.days_left)}});
  const float nw = text_width(sf, now);
  dl->AddText(sf, sf->FontSize, ImVec2(std::clamp(tx - nw * 0.5f, a.x, a.x + width - nw), ly + sf->FontSize * 1.15f),
              colour::muted, now.c_str());
}

// The jobcentre's "handled" mark on a day: a dark corner flag in the top right of [c0, c1], the
// shape the web view's calendar gives it (sync/server/web/svg_calendar.cpp), edged in white so it
// shows on a red no-show as on an empty day.
void handled_flag(ImDrawList* dl, ImVec2 c0, ImVec2 c1, float size) {
  const ImVec2 a(c1.x - size, c0.y), b(c1.x, c0.y), c(c1.x, c0.y + size);
  dl->AddTriangleFilled(a, b, c, colour::text);
  dl->AddLine(a, c, colour::on_dark, 1.5f);
}

// The calendar's key for the flag, under the weeks: the flag on a sample day, then the words.
float handled_key_height(Ui& ui, float width) {
  ImFont* sf = ui.fonts.small;
  const float sample = sf->FontSize * 1.6f;
  return float(wrap_lines(sf, ui.t("review.calendar_handled"), width - sample).size()) * sf->FontSize +
         sf->FontSize * 0.4f;
}

void handled_key(Ui& ui, float width) {
  ImFont* sf = ui.fonts.small;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float sample = sf->FontSize * 1.6f;
  const ImVec2 a = ImGui::GetCursorScreenPos();
  const ImVec2 s0(a.x, a.y + sf->FontSize * 0.1f), s1(a.x + sf->FontSize * 1.2f, a.y + sf->FontSize * 1.0f);
  framed_rect(dl, s0, s1, colour::panel, colour::border, 3, 1.0f);
  handled_flag(dl, s0, s1, sf->FontSize * 0.55f);
  const auto lines = wrap_lines(sf, ui.t("review.calendar_handled"), width - sample);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (text_width(sf, lines[i]) > width - sample) ui.report_overflow("calendar.key.handled");
    dl->AddText(sf, sf->FontSize, ImVec2(a.x + sample, a.y + float(i) * sf->FontSize), colour::text, lines[i].c_str());
  }
  ui.shown.insert("calendar.key.handled");
  ImGui::Dummy(ImVec2(width, handled_key_height(ui, width)));
}

void calendar(Ui& ui, const Trainee& t, const Progress& p, float width, float height) {
  const Metrics& m = ui.m;
  const Day today = ui.centre.today();
  const float top = ImGui::GetCursorPosY();
  label(ui.icon("calendar-check") + "  " +
            ui.t("review.attendance", {{"last", std::to_string(int(std::lround(p.last_28d.rate() * 100)))},
                                       {"total", std::to_string(int(std::lround(p.total.rate() * 100)))}}),
        ui.fonts.bold, colour::text, width);
  ImFont* sf = ui.fonts.small;
  // The title may wrap on a narrow column: the weeks get what is left below it.
  const float left = height - (ImGui::GetCursorPosY() - top) - sf->FontSize * 1.2f;
  const float cell_gap = 6.0f * m.scale;
  const float col_w = (width - 4 * cell_gap) / 5;
  const float cell_h = std::max(sf->FontSize * 1.5f, m.target * 0.5f);
  const Day monday = today - weekday(today);
  auto weeks_in = [&](float room) { return std::clamp(int(room / (cell_h + cell_gap)), 2, 8); };
  // The key line is there only while a flagged day is among the weeks drawn; it takes its room from them.
  auto handled_within = [&](int n) {
    auto first = t.handled.lower_bound(monday - 7 * (n - 1));
    return first != t.handled.end() && first->first < monday + 5;
  };
  int weeks = weeks_in(left);
  bool keyed = handled_within(weeks);
  if (keyed) {
    weeks = weeks_in(left - handled_key_height(ui, width) - ImGui::GetStyle().ItemSpacing.y);
    keyed = handled_within(weeks);
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 head = ImGui::GetCursorScreenPos();
  for (int d = 0; d < 5; ++d)
    dl->AddText(sf, sf->FontSize, ImVec2(head.x + d * (col_w + cell_gap), head.y), colour::muted,
                ui.weekday_short(monday + d).c_str());
  ImGui::Dummy(ImVec2(width, sf->FontSize * 1.2f));
  const ImVec2 a = ImGui::GetCursorScreenPos();
  for (int w = 0; w < weeks; ++w) {
    for (int d = 0; d < 5; ++d) {
      const Day day = monday - 7 * (weeks - 1 - w) + d;
      const DayLook look = day_look(day_status(t, day, ui.centre.rules(), today));
      const ImVec2 c0(a.x + d * (col_w + cell_gap), a.y + w * (cell_h + cell_gap));
      const ImVec2 c1(c0.x + col_w, c0.y + cell_h);
      const bool filled = look.colour != colour::border && look.colour != colour::muted;
      framed_rect(dl, c0, c1, filled ? look.colour : colour::panel, day == today ? colour::text : colour::border, 6,
                  day == today ? 3.0f : 1.0f);
      int y = 0, mo = 0, dd = 0;
      civil_from_day(day, y, mo, dd);
      auto absence = t.absences.find(day);
      const bool absent = absence != t.absences.end() && !(t.days.count(day) && t.days.at(day).has_check_in());
      const std::string text =
          ui.icon(absent ? cause_icon(absence->second.cause) : look.icon) + " " + std::to_string(dd);
      if (text_width(sf, text) > col_w - 6) ui.report_overflow("calendar.day");
      dl->AddText(sf, sf->FontSize, ImVec2(c0.x + 6, c0.y + (cell_h - sf->FontSize) * 0.5f),
                  filled ? colour::on_dark : colour::muted, text.c_str());
      if (t.handled.count(day)) {
        // As large as it can be with its slanted edge passing above and right of the day's number.
        const float room = col_w - 6 - text_width(sf, text) + (cell_h - sf->FontSize) * 0.5f;
        handled_flag(dl, c0, c1, std::clamp(room, cell_h * 0.25f, cell_h * 0.45f));
        ui.shown.insert("calendar.handled." + format_day(day));
      }
    }
  }
  ImGui::Dummy(ImVec2(width, weeks * (cell_h + cell_gap)));
  if (keyed) handled_key(ui, width);
}

float trend_chart_least_height(Ui& ui, float width) {
  ImFont* bf = ui.fonts.bold;
  ImFont* sf = ui.fonts.small;
  const auto title = wrap_lines(bf, ui.icon("chart-line") + "  " + ui.t("chart.trend_title"), width);
  const float title_h = float(title.size()) * bf->FontSize + ImGui::GetStyle().ItemSpacing.y;
  const float legend_h = sf->FontSize * (1.3f + 1.6f);
  const float plot_h = sf->FontSize * (0.6f + 3.0f + 1.5f);
  return title_h + legend_h + plot_h;
}

void trend_chart(Ui& ui, const Trainee& t, const Progress& p, ImVec2 size) {
  const Metrics& m = ui.m;
  const float top = ImGui::GetCursorScreenPos().y;
  ImGui::BeginGroup();  // new lines start at the chart's left edge, not the window's
  label(ui.icon("chart-line") + "  " + ui.t("chart.trend_title"), ui.fonts.bold, colour::text, size.x);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* sf = ui.fonts.small;
  const auto s = series(ui, t, p);
  if (!s) {
    label(ui.t("progress.waiting"), ui.fonts.body, colour::muted, size.x);
    ImGui::EndGroup();
    return;
  }
  TrendDrawn& out = ui.trends["trend." + t.id];
  out = TrendDrawn{};

  // The legend, with today's numbers: on one line when it fits, else one entry a line.
  const std::string req = "/" + std::to_string(s->required);
  auto count = [&](double share) { return std::to_string(std::lround(share * s->required)) + req; };
  const std::string actual_text = ui.t("chart.actual", {{"count", count(s->actual.back())}});
  const std::string expected_text = ui.t("chart.expected", {{"count", count(s->expected(ui, s->last))}});
  const float sample = sf->FontSize * 2.0f, spacing = sf->FontSize * 1.2f;
  const float w1 = sample + text_width(sf, actual_text), w2 = sample + text_width(sf, expected_text);
  if (std::max(w1, w2) > size.x) ui.report_overflow("chart.trend.legend");
  ImVec2 at = ImGui::GetCursorScreenPos();
  legend_entry(ui, at, false, actual_text);
  if (w1 + spacing + w2 <= size.x)
    at.x += w1 + spacing;
  else
    at.y += sf->FontSize * 1.3f;
  legend_entry(ui, at, true, expected_text);
  ImGui::Dummy(ImVec2(size.x, at.y - ImGui::GetCursorScreenPos().y + sf->FontSize * 1.6f));

  // The plot: count labels up the left side, months along the bottom.
  const std::string full = std::to_string(s->required) + req, half = std::to_string(s->required / 2) + req;
  const float left_w = text_width(sf, full) + sf->FontSize * 0.5f;
  const ImVec2 o = ImGui::GetCursorScreenPos();
  const float bottom = top + size.y;
  const ImVec2 a(o.x + left_w, o.y + sf->FontSize * 0.6f);
  const ImVec2 b(o.x + size.x - sf->FontSize * 0.8f, bottom - sf->FontSize * 1.5f);
  ImGui::Dummy(ImVec2(size.x, std::max(1.0f, bottom - o.y)));
  ImGui::EndGroup();
  if (b.y - a.y < sf->FontSize * 2 || b.x - a.x < sf->FontSize * 4) {
    ui.report_overflow("chart.trend.plot");
    return;
  }
  dl->AddRectFilled(a, b, colour::panel);
  const double levels[] = {0.0, double(s->required / 2) / std::max(1, s->required), 1.0};
  const std::string level_text[] = {"0", half, full};
  for (int i = 0; i < 3; ++i) {
    const float y = b.y - (b.y - a.y) * float(levels[i]);
    dl->AddLine(ImVec2(a.x, y), ImVec2(b.x, y), i ? colour::neutral_active : colour::border, i ? 1.0f : 2.0f);
    dl->AddText(sf, sf->FontSize,
                ImVec2(a.x - sf->FontSize * 0.3f - text_width(sf, level_text[i]), y - sf->FontSize * 0.5f),
                colour::muted, level_text[i].c_str());
    out.labels.push_back(level_text[i]);
  }
  // Month ticks: every month, or every 2, 3, 6 or 12 when the labels would crowd.
  const int months = int(std::ceil(months_between(s->start, s->end) - 0.05));
  const float per_month = (b.x - a.x) / float(std::max(0.5, months_between(s->start, s->end)));
  const float label_w = text_width(sf, ui.t("chart.month", {{"months", std::to_string(months)}})) + sf->FontSize;
  int step = 1;
  for (int candidate : {1, 2, 3, 6, 12}) {
    step = candidate;
    if (per_month * candidate >= label_w) break;
  }
  auto x_of = [&](Day d) { return a.x + (b.x - a.x) * float(d - s->start) / float(s->end - s->start); };
  float last_right = -1e9f;
  for (int n = 0; add_months(s->start, n) <= s->end; n += step) {
    const float x = x_of(add_months(s->start, n));
    const std::string text = ui.t("chart.month", {{"months", std::to_string(n)}});
    const float w = text_width(sf, text);
    const float lx = std::clamp(x - w * 0.5f, o.x, o.x + size.x - w);
    dl->AddLine(ImVec2(x, b.y), ImVec2(x, b.y + sf->FontSize * 0.3f), colour::border, 2.0f);
    if (n) dl->AddLine(ImVec2(x, a.y), ImVec2(x, b.y), colour::neutral, 1.0f);
    if (lx < last_right + sf->FontSize * 0.3f) continue;  // the clamped last label would touch its neighbour
    dl->AddText(sf, sf->FontSize, ImVec2(lx, b.y + sf->FontSize * 0.35f), colour::muted, text.c_str());
    out.labels.push_back(text);
    last_right = lx + w;
  }
  out.labels.push_back(actual_text);
  out.labels.push_back(expected_text);
  plot(ui, *s, a, b, std::max(3.0f, 4.0f * m.scale), out);
}

// ---- row-size pictures ---------------------------------------------------------------------

void month_bar(Ui& ui, const Trainee& t, const Progress& p, ImVec2 min, ImVec2 max) {
  if (!p.started) return;
  const float tx = stage_bar(ui, t, *p.started, min, max, (max.y - min.y) * 0.5f, 2);
  ImGui::GetWindowDrawList()->AddLine(ImVec2(tx, min.y - 4), ImVec2(tx, max.y + 4), colour::text,
                                      std::max(2.0f, 3.0f * ui.m.scale));
}

void sparkline(Ui& ui, const Trainee& t, const Progress& p, ImVec2 min, ImVec2 max) {
  const auto s = series(ui, t, p);
  if (!s) return;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddLine(ImVec2(min.x, max.y), ImVec2(max.x, max.y), colour::border, 1.0f);
  dl->AddLine(ImVec2(min.x, min.y), ImVec2(max.x, min.y), colour::neutral_active, 1.0f);
  TrendDrawn& out = ui.trends["spark." + t.id];
  out = TrendDrawn{};
  plot(ui, *s, min, max, std::max(2.0f, 3.0f * ui.m.scale), out);
}

}  // namespace ft::ui
