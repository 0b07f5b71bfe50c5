// The progress pictures as SVG; see svg_charts.hpp. Coordinates are in a
// fixed viewBox that the stylesheet scales to the column's width, so the
// same picture fits a 1366-wide PC and a tablet.
#include "sync/server/web/svg_charts.hpp"

#include <algorithm>

#include "sync/server/web/svg_parts.hpp"
#include "sync/server/web/texts.hpp"

namespace ft::server::web {

using namespace svg;

namespace {

// The kiosk's stage colours (terminal/ui/charts.cpp), each at least 3:1 against white.
const char* stage_colour(Stage s) {
  switch (s) {
    case Stage::Centre:
      return "#004993";
    case Stage::Internship:
      return "#00696f";
    case Stage::Employed:
      return "#00703c";
    case Stage::Referred:
      return "#b1b4b6";
    case Stage::Exited:
      break;
  }
  return "#6b6b6b";
}

}  // namespace

std::string timeline_svg(const Trainee& t, const Progress& p, const Rules& rules, Day today, const Translations& tr) {
  if (!p.started) return "";
  const Day start = *p.started;
  const Day end = add_months(start, rules.course_months);
  auto x_of = [&](Day d) {
    return kLeft + (kRight - kLeft) * std::clamp(double(d - start) / double(std::max(1, end - start)), 0.0, 1.0);
  };
  const double top = 8, bar = 28;
  std::string h = open_svg(106, tr("web.chart.timeline"), "timeline-" + t.id);
  h += "<rect x=\"" + num(kLeft) + "\" y=\"" + num(top) + "\" width=\"" + num(kRight - kLeft) + "\" height=\"" +
       num(bar) + "\" fill=\"#f3f2f1\" stroke=\"#505a5f\"/>";
  for (size_t i = 0; i < t.stages.size(); ++i) {
    const StageChange& sc = t.stages[i];
    const Day from = std::max(sc.day, start);
    const Day to = i + 1 < t.stages.size() ? t.stages[i + 1].day : today;
    if (to <= from || sc.to == Stage::Referred) continue;
    h += "<rect x=\"" + num(x_of(from)) + "\" y=\"" + num(top) + "\" width=\"" + num(x_of(to) - x_of(from)) +
         "\" height=\"" + num(bar) + "\" fill=\"" + stage_colour(sc.to) + "\"><title>" +
         escape(tr(std::string("stage.") + stage_name(sc.to)) + ": " + day_words(tr, from) + " – " + day_words(tr, to)) +
         "</title></rect>";
  }
  // A tick a month, the warnings at 15 and 17 months as thick amber marks.
  for (int m = 0; m <= rules.course_months; ++m) {
    const double x = x_of(add_months(start, m));
    const bool warn = m == rules.warn_months_first || m == rules.warn_months_second;
    h += "<line x1=\"" + num(x) + "\" y1=\"" + num(top + bar) + "\" x2=\"" + num(x) + "\" y2=\"" +
         num(top + bar + (warn ? 10 : 5)) + "\" stroke=\"" + (warn ? "#b35900" : "#505a5f") + "\" stroke-width=\"" +
         (warn ? "3" : "1") + "\"/>";
    if (m % 3 == 0) h += text(x, top + bar + 24, std::to_string(m), m == 0 ? "start" : m == rules.course_months ? "end" : "middle");
  }
  const double tx = x_of(today);
  h += "<path d=\"M" + num(tx - 7) + " " + num(top + bar + 46) + " L" + num(tx + 7) + " " + num(top + bar + 46) + " L" +
       num(tx) + " " + num(top + bar + 34) + " Z\" fill=\"#1a1a1a\"/>";
  h += text(std::clamp(tx, kLeft + 40, kRight - 40), top + bar + 44 + 14, tr("web.chart.today"), "middle");
  return h + "</svg>\n";
}

std::string skills_svg(const Trainee& t, const Progress& p, const Catalogue& catalogue, const Rules& rules, Day today,
                       const Translations& tr) {
  if (!p.started || p.skills_required == 0) return "";
  const Day start = *p.started;
  const auto ended = t.ended_on();
  const Day last = std::max(start, ended ? std::min(*ended, today) : today);
  const Day end = std::max({last, add_months(start, rules.planned_centre_months), start + 1});
  const std::vector<double> actual = skills_at_target_trend(t, catalogue, start, last);
  const double top = 10, bottom = 190, left = 44, right = kRight;
  auto x_of = [&](Day d) { return left + (right - left) * double(d - start) / double(end - start); };
  auto y_of = [&](double share) { return bottom - (bottom - top) * std::clamp(share, 0.0, 1.0); };
  std::string h = open_svg(250, tr("web.chart.skills"), "skills-" + t.id);
  for (int pct : {0, 50, 100}) {
    const double y = y_of(pct / 100.0);
    h += "<line x1=\"" + num(left) + "\" y1=\"" + num(y) + "\" x2=\"" + num(right) + "\" y2=\"" + num(y) +
         "\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>" + text(left - 6, y + 4, std::to_string(pct) + "\u00a0%", "end");
  }
  // The expected curve, dashed, from 0 at the first day to 1 at the planned end of the centre period.
  std::string expected;
  for (Day d = start; d <= end; d += std::max(1, (end - start) / 60))
    expected += (expected.empty() ? "M" : " L") + num(x_of(d)) + " " +
                num(y_of(expected_skills_share(months_between(start, d), rules)));
  expected += " L" + num(x_of(end)) + " " + num(y_of(expected_skills_share(months_between(start, end), rules)));
  h += "<path d=\"" + expected + "\" fill=\"none\" stroke=\"#505a5f\" stroke-width=\"2\" stroke-dasharray=\"6 5\"/>";
  // The share at target, a step line: it changes only on the day of an assessment.
  std::string line;
  for (size_t i = 0; i < actual.size(); ++i) {
    const double x = x_of(start + static_cast<Day>(i)), y = y_of(actual[i]);
    if (line.empty())
      line = "M" + num(x) + " " + num(y);
    else
      line += " H" + num(x) + " V" + num(y);
  }
  if (!actual.empty()) {
    h += "<path d=\"" + line + "\" fill=\"none\" stroke=\"#004993\" stroke-width=\"3\"/>";
    h += "<circle cx=\"" + num(x_of(last)) + "\" cy=\"" + num(y_of(actual.back())) + "\" r=\"5\" fill=\"#004993\"/>";
  }
  // Month labels under the axis, and the legend in words.
  const int months = std::max(1, static_cast<int>(months_between(start, end) + 0.5));
  for (int m = 0; m <= months; ++m) {
    const Day d = add_months(start, m);
    if (d > end) break;
    h += text(x_of(d), bottom + 18, std::to_string(m), m == 0 ? "start" : "middle");
  }
  h += "<line x1=\"" + num(left) + "\" y1=\"232\" x2=\"" + num(left + 30) +
       "\" y2=\"232\" stroke=\"#004993\" stroke-width=\"3\"/>" + text(left + 38, 237, tr("web.chart.actual"));
  h += "<line x1=\"" + num(left + 200) + "\" y1=\"232\" x2=\"" + num(left + 230) +
       "\" y2=\"232\" stroke=\"#505a5f\" stroke-width=\"2\" stroke-dasharray=\"6 5\"/>" +
       text(left + 238, 237, tr("web.chart.expected"));
  return h + "</svg>\n";
}

}  // namespace ft::server::web
