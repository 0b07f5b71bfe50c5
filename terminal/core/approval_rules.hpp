// The jobcentre's side of an internship: the legal bases of an approval and
// their maximum weeks, as dated rule sets (DOMAIN.md: the law changes on
// 1 January 2027; a placement is checked against the set in force on its
// start date). The municipal server reads the sets from its configuration
// (sync/server/approval_config.hpp) and checks every approval here; the
// terminal never sees a basis.
//
//   basis              weeks   LAB § 61
//   lab61-4w              4    dagpenge, job-ready kontanthjælp, education-ready
//   lab61-8w              8    newly graduated (dimittender)
//   lab61-13w            13    activity-ready, sygedagpenge, ressourceforløb, ...
//   lab61-26w            26    stk. 2: the 13-week group after a concrete assessment
//   lab61-further-13w   +13    stk. 2: near the end of 26 weeks, a quite special need;
//                              13 weeks more at a time, with a reason
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "terminal/core/dates.hpp"
#include "terminal/core/refusal.hpp"

namespace ft {

struct ApprovalBasis {
  std::string key;
  int max_weeks = 0;      // in all; for an extension, weeks more than the approval before
  bool extension = false;  // adds to an approval already given
  int after_weeks = 0;    // an extension needs an approval of at least this many weeks first
  bool reason_required = false;
};

struct ApprovalRuleSet {
  Day from = 0;  // in force from this day until the next set's
  std::vector<ApprovalBasis> bases;
};

// The sets of LBK nr. 280 of 1 March 2024, and one from 1 January 2027 with
// the same limits until the new law's numbers are put into the configuration.
std::vector<ApprovalRuleSet> default_approval_rules();

// The set in force on `day`: the one with the latest `from` on or before it.
const ApprovalRuleSet* rule_set_in_force(const std::vector<ApprovalRuleSet>& sets, Day day);

// Checks an approval of `weeks` in all on `basis`, for a placement starting
// on `start`, when `previous_weeks` were approved before (0: none).
// Refusal codes: "no_rule_set", "unknown_basis", "approval_over_limit"
// (params basis, max, date), "extension_needs_approval" (params basis, after:
// the weeks that must be approved first, date), "reason_required" (basis),
// "weeks_invalid" (max).
std::optional<Refusal> check_approval(const std::vector<ApprovalRuleSet>& sets, Day start, const std::string& basis,
                                      int weeks, int previous_weeks, const std::string& reason);

}  // namespace ft
