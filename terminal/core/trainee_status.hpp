// One trainee's picture as JSON: the trainee objects of `floor-terminal
// status --json`, of the reports, and of `sync-server status --json`. One
// function for all of them, so the town hall and the floor show the same
// fields with the same values. Reasons are sentences in `tr`'s language,
// their stable codes beside them.
#pragma once
#include "terminal/core/catalogue.hpp"
#include "terminal/core/event.hpp"
#include "terminal/core/i18n.hpp"
#include "terminal/core/rules.hpp"
#include "terminal/core/state.hpp"

namespace ft {

Json trainee_status_json(const Trainee& t, const Catalogue& catalogue, const Rules& rules, Day today,
                         const Translations& tr);

}  // namespace ft
