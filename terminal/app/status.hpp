// The centre's status as JSON: the `status --json` contract (issue 2 §5) and
// the data behind the reports. Reasons are sentences in `tr`'s language, with
// their stable codes beside them.
#pragma once
#include "terminal/core/event.hpp"
#include "terminal/core/i18n.hpp"
#include "terminal/store/centre.hpp"

namespace ft {

Json trainee_json(const Trainee& t, const Centre& centre, const Translations& tr);
Json status_json(Centre& centre, const Translations& tr);

}  // namespace ft
