// Progress pictures drawn with ImGui's draw lists, shared by the trainee
// review and the dashboard: the stage timeline against the 18-month limit,
// the attendance calendar, the trend of required skills at target beside the
// expected curve, and the dashboard's small versions of the timeline and the
// trend (a month bar and a sparkline).
//
// Sections: what a trend showed · full-size pictures · row-size pictures.
#pragma once
#include <imgui.h>

#include <string>
#include <vector>

#include "terminal/core/progress.hpp"
#include "terminal/core/state.hpp"

namespace ft::ui {

class Ui;

// ---- what a trend showed
// Each trend picture records what it drew in Ui::trends (cleared every
// frame), so tests can check the trainee's own data reached the screen.
struct TrendDrawn {
  int steps = 0;      // points where the trainee's step line changes, plus its start
  int at_target = 0;  // required skills at target on the line's last day
  int expected = 0;   // what the expected curve asks for on that day (rounded)
  int required = 0;
  bool behind = false;              // the last point is below the expected curve by more than the tolerance
  std::vector<std::string> labels;  // axis and legend words as drawn (none on a sparkline)
};

// ---- full-size pictures (at the cursor, reserving their room)
// The stages as coloured segments on the 18-month bar, warnings at 15 and 17
// months, today marked, start and limit dates below.
void timeline(Ui& ui, const Trainee& t, const Progress& p, float width);
// Weeks as rows, Monday–Friday as columns, days coloured by status: as many
// weeks as fit in `height` (2 to 8), the current week at the bottom. A day the
// jobcentre has marked handled gets a dark corner flag (noted in Ui::shown as
// "calendar.handled.<day>"), and while one is drawn a key line under the weeks
// says what the flag means ("calendar.key.handled").
void calendar(Ui& ui, const Trainee& t, const Progress& p, float width, float height);
// Required skills at target from the first day in the centre (a step line)
// beside the expected curve (dashed), with the gap between them shaded red
// where the trainee is behind and green where ahead; months along the
// bottom, "0", "15/30", "30/30" up the side, and a legend.
void trend_chart(Ui& ui, const Trainee& t, const Progress& p, ImVec2 size);
// The least height at which trend_chart(width) still has a plot to read: its title
// (wrapped), the legend on two lines and a plot three lines of small type high.
float trend_chart_least_height(Ui& ui, float width);

// ---- row-size pictures (inside the screen rectangle [min, max])
// The timeline without words: stages on the 18-month bar, today marked.
void month_bar(Ui& ui, const Trainee& t, const Progress& p, ImVec2 min, ImVec2 max);
// The trend without words: step line, dashed expected curve, the shaded gap.
void sparkline(Ui& ui, const Trainee& t, const Progress& p, ImVec2 min, ImVec2 max);

}  // namespace ft::ui
