// The attendance calendar as SVG; see svg_calendar.hpp.
//
// Sections: the looks of a day · the calendar.
#include "sync/server/web/svg_calendar.hpp"

#include <iterator>
#include <map>

#include "sync/server/web/svg_parts.hpp"
#include "sync/server/web/texts.hpp"

namespace ft::server::web {

using namespace svg;

namespace {

// ---- the looks of a day ------------------------------------------------------------------------

// The kiosk's order of statuses (terminal/ui/facts.cpp, day_look()), for the legend.
constexpr DayStatus kStatuses[] = {DayStatus::Present,           DayStatus::Late,
                                   DayStatus::ForgottenCheckout, DayStatus::AbsentSick,
                                   DayStatus::AbsentLegitimate,  DayStatus::AbsentNotLegitimate,
                                   DayStatus::Unrecorded,        DayStatus::Upcoming,
                                   DayStatus::NotExpected};

// Light fills, so the dark day number and shape keep 4.5:1 on every one of them.
const char* fill(DayStatus s) {
  switch (s) {
    case DayStatus::Present:
      return "#cce2d8";
    case DayStatus::Late:
    case DayStatus::ForgottenCheckout:
      return "#fff2b3";
    case DayStatus::AbsentSick:
      return "#e5dcf2";
    case DayStatus::AbsentLegitimate:
      return "#d2e8ea";
    case DayStatus::AbsentNotLegitimate:
    case DayStatus::Unrecorded:
      return "#f4cdc6";
    case DayStatus::Upcoming:
    case DayStatus::NotExpected:
      break;
  }
  return "#f3f2f1";
}

// The status's shape, about 18 units across, centred on (x, y): the kiosk's
// pictograms drawn with lines, so a day reads without its colour.
std::string shape(DayStatus s, double x, double y) {
  auto path = [](const std::string& d, const char* width = "2.2") {
    return "<path d=\"" + d + "\" fill=\"none\" stroke=\"#0b0c0c\" stroke-width=\"" + width +
           "\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>";
  };
  auto circle = [&](double r, const char* extra = "") {
    return "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"" + num(r) +
           "\" fill=\"none\" stroke=\"#0b0c0c\" stroke-width=\"2\"" + extra + "/>";
  };
  auto at = [&](double dx, double dy) { return num(x + dx) + " " + num(y + dy); };
  switch (s) {
    case DayStatus::Present:  // a check
      return path("M" + at(-7, 0) + " L" + at(-2, 5) + " L" + at(8, -6), "3");
    case DayStatus::Late:  // a clock
      return circle(8) + path("M" + at(0, -5) + " L" + at(0, 0) + " L" + at(4, 3));
    case DayStatus::ForgottenCheckout:  // a warning triangle
      return path("M" + at(0, -8) + " L" + at(8, 7) + " L" + at(-8, 7) + " Z M" + at(0, -3) + " L" + at(0, 2)) +
             "<circle cx=\"" + num(x) + "\" cy=\"" + num(y + 4.5) + "\" r=\"1.3\" fill=\"#0b0c0c\"/>";
    case DayStatus::AbsentSick:  // a cross, as on a first-aid box
      return path("M" + at(-7, 0) + " L" + at(7, 0) + " M" + at(0, -7) + " L" + at(0, 7), "3.5");
    case DayStatus::AbsentLegitimate:  // a calendar leaf with a check: agreed beforehand
      return "<rect x=\"" + num(x - 8) + "\" y=\"" + num(y - 7) +
             "\" width=\"16\" height=\"15\" fill=\"none\" stroke=\"#0b0c0c\" stroke-width=\"2\"/>" +
             path("M" + at(-4, 1) + " L" + at(-1, 4) + " L" + at(4, -2));
    case DayStatus::AbsentNotLegitimate:  // a crossed circle: a no-show
      return circle(8) + path("M" + at(-4, -4) + " L" + at(4, 4) + " M" + at(4, -4) + " L" + at(-4, 4));
    case DayStatus::Unrecorded:  // a question: nobody recorded the day
      return circle(8) + "<text x=\"" + num(x) + "\" y=\"" + num(y + 4.5) +
             "\" font-size=\"13\" font-weight=\"700\" text-anchor=\"middle\" fill=\"#0b0c0c\">?</text>";
    case DayStatus::Upcoming:  // a dotted ring: still to come
      return circle(6, " stroke-dasharray=\"2 2\"");
    case DayStatus::NotExpected:
      break;
  }
  return path("M" + at(-6, 0) + " L" + at(6, 0));  // a dash: no day at the centre
}

// The corner flag of a day the jobcentre marked handled.
std::string handled_flag(double x, double y) {
  return "<path d=\"M" + num(x) + " " + num(y) + " H" + num(x + 16) + " L" + num(x) + " " + num(y + 16) +
         " Z\" fill=\"#0b0c0c\"/>";
}

}  // namespace

// ---- the calendar ------------------------------------------------------------------------------

std::string calendar_svg(const Trainee& t, const Rules& rules, Day today, const Translations& tr) {
  const double label_w = 96, gap = 6, head = 26, row_h = 40;
  const double col_w = (kRight - label_w - 4 * gap) / 5;
  const double grid_bottom = head + kCalendarWeeks * (row_h + gap);
  const double legend_top = grid_bottom + 14, legend_row = 26, legend_col = (kRight - kLeft) / 3;
  const int legend_rows = (static_cast<int>(std::size(kStatuses)) + 1 + 2) / 3;  // and the handled flag
  const Day this_monday = today - weekday(today);

  std::string cells;
  std::map<DayStatus, int> counts;
  int handled_days = 0;
  for (int w = 0; w < kCalendarWeeks; ++w) {
    const Day monday = this_monday - 7 * (kCalendarWeeks - 1 - w);
    const double y = head + w * (row_h + gap);
    cells += text(kLeft, y + 25, day_words_short(tr, monday));
    for (int d = 0; d < 5; ++d) {
      const Day day = monday + d;
      const DayStatus s = day_status(t, day, rules, today);
      counts[s] += 1;
      const double x = label_w + d * (col_w + gap);
      int yy = 0, mm = 0, dd = 0;
      civil_from_day(day, yy, mm, dd);
      std::string title = day_words(tr, day) + ": " + tr(day_status_key(s));
      auto handled = t.handled.find(day);
      if (handled != t.handled.end()) title += " · " + tr("web.absence.handled_by", {{"login", handled->second.by}});
      cells += "<g><title>" + escape(title) + "</title><rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" +
               num(col_w) + "\" height=\"" + num(row_h) + "\" rx=\"4\" fill=\"" + fill(s) + "\" stroke=\"" +
               (day == today ? "#0b0c0c\" stroke-width=\"3" : "#b1b4b6\" stroke-width=\"1") + "\"/>" +
               text(x + 10, y + 25, std::to_string(dd), "start", "#0b0c0c") + shape(s, x + col_w - 20, y + row_h / 2);
      if (handled != t.handled.end()) {
        cells += handled_flag(x, y);
        ++handled_days;
      }
      cells += "</g>";
    }
  }

  // The column heads, then the legend: every shape with its words.
  std::string h;
  for (int d = 0; d < 5; ++d)
    h += text(label_w + d * (col_w + gap) + col_w / 2, 17, tr("web.weekday." + std::to_string(d)), "middle");
  auto sample_box = [](double x, double y, const char* colour) {
    return "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"22\" height=\"22\" rx=\"3\" fill=\"" + colour +
           "\" stroke=\"#b1b4b6\"/>";
  };
  for (int i = 0; i <= static_cast<int>(std::size(kStatuses)); ++i) {
    const double x = kLeft + (i % 3) * legend_col, y = legend_top + (i / 3) * legend_row;
    if (i < static_cast<int>(std::size(kStatuses))) {
      const DayStatus s = kStatuses[i];
      h += sample_box(x, y + 1, fill(s)) + shape(s, x + 11, y + 12) + text(x + 30, y + 17, tr(day_status_key(s)));
    } else {
      h += sample_box(x, y + 1, "#f3f2f1") + handled_flag(x, y + 1) + text(x + 30, y + 17, tr("web.calendar.handled"));
    }
  }

  // For a screen reader: how many days of each kind, in words.
  std::string desc;
  for (DayStatus s : kStatuses) {
    if (!counts.count(s)) continue;
    desc += (desc.empty() ? "" : ", ") + tr(day_status_key(s)) + ": " + std::to_string(counts[s]);
  }
  if (handled_days) desc += ". " + tr("web.calendar.handled") + ": " + std::to_string(handled_days);
  const double height = legend_top + legend_rows * legend_row + 4;
  return open_svg(height, tr("web.trainee.calendar"), "calendar-" + t.id, desc) + h + cells + "</svg>\n";
}

}  // namespace ft::server::web
