// The kiosk's progress pictures as SVG for the web view (issue 19): the
// stages against the course months, and the share of skills at target
// against the expected curve. Drawn from the same numbers the kiosk's
// charts draw (core's progress(), skills_at_target_trend() and
// expected_skills_share()); the words beside them say the same in text, so
// nothing is told by colour or picture alone. Inline <svg> with presentation
// attributes only: no style attribute, no script (the CSP forbids both).
#pragma once
#include <string>

#include "terminal/core/catalogue.hpp"
#include "terminal/core/i18n.hpp"
#include "terminal/core/progress.hpp"

namespace ft::server::web {

// "" before the trainee's first day in the centre.
std::string timeline_svg(const Trainee& t, const Progress& p, const Rules& rules, Day today, const Translations& tr);
std::string skills_svg(const Trainee& t, const Progress& p, const Catalogue& catalogue, const Rules& rules, Day today,
                       const Translations& tr);

}  // namespace ft::server::web
