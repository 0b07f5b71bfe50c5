// The internship a trainee is in now, as the law bounds it (DOMAIN.md,
// "Internships by law"): the latest agreement, the jobcentre's approved
// weeks, the end date and the days left. Pure: computed from a trainee and a
// day; progress.cpp turns it into reasons, trainee_status.cpp into JSON.
//
// Which agreement and approval count: the latest (by hlc) made after the
// trainee last moved to a stage other than internship. Leaving an internship
// (back to the centre, a job, exit: "ending early") thus closes it, and an
// approval given while the trainee waits in the centre counts for the next
// placement. Both are sets folded in any order, so every terminal and the
// server agree.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "terminal/core/refusal.hpp"
#include "terminal/core/state.hpp"

namespace ft {

constexpr int kMaxInternshipHours = 37;  // a week, within the firm's normal hours (DOMAIN.md, "Hours")
constexpr int kMaxInternshipWeeks = 52;  // no basis reaches this; a typo guard

struct InternshipView {
  const Agreement* agreement = nullptr;
  std::optional<int> approved_weeks;  // none: awaiting the jobcentre
  Day ends = 0;                       // last day: start + the weeks that hold (approved when known)
  int days_left = 0;                  // days from today to the end, 0 once past
  int days_over = 0;                  // days past the end
};

// The approval that counts now (see above), if any.
const Approval* current_approval(const Trainee& t);
// The agreement that counts now, if any (the trainee may be in the centre, between placements).
const Agreement* current_agreement(const Trainee& t);
// The trainee's internship now: in stage internship with an agreement.
std::optional<InternshipView> current_internship(const Trainee& t, Day today);

// The terms a person gives, checked before anything is written; `approved`
// is the approval that counts now. A refusal code from "hours_over_limit",
// "hours_invalid", "weeks_invalid", "weeks_over_approval", "purpose_required".
std::optional<Refusal> check_agreement_terms(int weeks, int hours, const std::string& purpose,
                                             std::optional<int> approved);

// People placed with a host now (current agreements of trainees in stage
// internship), leaving out `except_trainee`.
int placed_with(const State& s, const std::string& cvr, const std::string& except_trainee = "");

// A host's line: its places by the ratio, the people placed with it now, and
// whether that is over (named on the dashboard and in status --json).
struct HostLoad {
  const Host* host = nullptr;
  int places = 0;
  int placed = 0;
  bool over() const { return placed > places; }
};
std::vector<HostLoad> host_loads(const State& s);  // by CVR number

}  // namespace ft
