#include "terminal/core/internship.hpp"

#include "terminal/core/hosts.hpp"
#include "terminal/core/text.hpp"

namespace ft {

namespace {
// The hlc of the last move to a stage other than internship; -1 when none.
Hlc left_internship_hlc(const Trainee& t) {
  Hlc last = -1;
  for (const auto& c : t.stages)
    if (c.to != Stage::Internship) last = c.hlc;  // stages are sorted by hlc
  return last;
}
}  // namespace

const Approval* current_approval(const Trainee& t) {
  const Hlc after = left_internship_hlc(t);
  if (t.approvals.empty() || t.approvals.back().hlc <= after) return nullptr;
  return &t.approvals.back();
}

const Agreement* current_agreement(const Trainee& t) {
  const Hlc after = left_internship_hlc(t);
  if (t.agreements.empty() || t.agreements.back().hlc <= after) return nullptr;
  return &t.agreements.back();
}

std::optional<InternshipView> current_internship(const Trainee& t, Day today) {
  if (t.stage() != Stage::Internship) return std::nullopt;
  const Agreement* a = current_agreement(t);
  if (!a) return std::nullopt;
  InternshipView v;
  v.agreement = a;
  int weeks = a->weeks;
  if (const Approval* ap = current_approval(t)) {
    v.approved_weeks = ap->weeks;
    if (ap->weeks < weeks) weeks = ap->weeks;  // an approval shorter than agreed bounds it
  }
  v.ends = a->start + 7 * weeks - 1;
  v.days_left = v.ends >= today ? v.ends - today : 0;
  v.days_over = today > v.ends ? today - v.ends : 0;
  return v;
}

std::optional<Refusal> check_agreement_terms(int weeks, int hours, const std::string& purpose,
                                             std::optional<int> approved) {
  if (hours > kMaxInternshipHours)
    return Refusal{"hours_over_limit", {{"hours", std::to_string(hours)}, {"max", std::to_string(kMaxInternshipHours)}}};
  if (hours < 1) return Refusal{"hours_invalid", {{"max", std::to_string(kMaxInternshipHours)}}};
  if (weeks < 1 || weeks > kMaxInternshipWeeks) return Refusal{"weeks_invalid", {{"max", std::to_string(kMaxInternshipWeeks)}}};
  if (approved && weeks > *approved)
    return Refusal{"weeks_over_approval", {{"weeks", std::to_string(weeks)}, {"approved", std::to_string(*approved)}}};
  if (trim(purpose).empty()) return Refusal{"purpose_required", {}};
  return std::nullopt;
}

int placed_with(const State& s, const std::string& cvr, const std::string& except_trainee) {
  int n = 0;
  for (const auto& [id, t] : s.trainees) {
    if (id == except_trainee || !t.enrolled || t.stage() != Stage::Internship) continue;
    const Agreement* a = current_agreement(t);
    n += a && a->cvr == cvr;
  }
  return n;
}

std::vector<HostLoad> host_loads(const State& s) {
  std::vector<HostLoad> out;
  for (const auto& [cvr, h] : s.hosts) out.push_back(HostLoad{&h, host_places(h.staff), placed_with(s, cvr)});
  return out;
}

}  // namespace ft
