#include "terminal/core/approval_rules.hpp"

#include "terminal/core/text.hpp"

namespace ft {

namespace {
std::vector<ApprovalBasis> lab61_bases() {
  return {{"lab61-4w", 4, false, 0, false},
          {"lab61-8w", 8, false, 0, false},
          {"lab61-13w", 13, false, 0, false},
          {"lab61-26w", 26, false, 0, false},
          {"lab61-further-13w", 13, true, 26, true}};
}
}  // namespace

std::vector<ApprovalRuleSet> default_approval_rules() {
  return {{day_from_civil(2024, 3, 1), lab61_bases()}, {day_from_civil(2027, 1, 1), lab61_bases()}};
}

const ApprovalRuleSet* rule_set_in_force(const std::vector<ApprovalRuleSet>& sets, Day day) {
  const ApprovalRuleSet* found = nullptr;
  for (const auto& s : sets)
    if (s.from <= day && (!found || s.from > found->from)) found = &s;
  return found;
}

std::optional<Refusal> check_approval(const std::vector<ApprovalRuleSet>& sets, Day start, const std::string& basis,
                                      int weeks, int previous_weeks, const std::string& reason) {
  const ApprovalRuleSet* set = rule_set_in_force(sets, start);
  if (!set) return Refusal{"no_rule_set", {{"date", format_day(start)}}};
  const ApprovalBasis* b = nullptr;
  for (const auto& candidate : set->bases)
    if (candidate.key == basis) b = &candidate;
  if (!b) return Refusal{"unknown_basis", {{"basis", basis}, {"date", format_day(set->from)}}};
  if (weeks < 1) return Refusal{"weeks_invalid", {{"max", std::to_string(b->max_weeks)}}};
  const std::string in_force = format_day(set->from);
  if (b->extension) {
    if (previous_weeks < b->after_weeks || previous_weeks <= 0)
      return Refusal{"extension_needs_approval",
                     {{"basis", basis}, {"after", std::to_string(b->after_weeks)}, {"date", in_force}}};
    if (weeks <= previous_weeks || weeks > previous_weeks + b->max_weeks)
      return Refusal{"approval_over_limit", {{"basis", basis},
                                             {"max", std::to_string(previous_weeks + b->max_weeks)},
                                             {"date", in_force}}};
  } else if (weeks > b->max_weeks) {
    return Refusal{"approval_over_limit", {{"basis", basis}, {"max", std::to_string(b->max_weeks)}, {"date", in_force}}};
  }
  if (b->reason_required && trim(reason).empty()) return Refusal{"reason_required", {{"basis", basis}}};
  return std::nullopt;
}

}  // namespace ft
