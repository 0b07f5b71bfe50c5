#include "terminal/core/badges.hpp"

#include <map>

namespace ft {

namespace {
std::map<std::string, std::vector<std::string>> owners_by_badge(const State& s) {
  std::map<std::string, std::vector<std::string>> owners;
  for (const auto& [id, t] : s.trainees)
    if (t.enrolled && !t.redacted && !t.badge.value.empty()) owners[t.badge.value].push_back(id);
  for (const auto& [id, m] : s.staff)
    if (m.name.hlc >= 0 && !m.badge.value.empty()) owners[m.badge.value].push_back(id);
  return owners;
}
}  // namespace

std::vector<BadgeConflict> badge_conflicts(const State& s) {
  std::vector<BadgeConflict> out;
  for (auto& [badge, ids] : owners_by_badge(s))
    if (ids.size() > 1) out.push_back({badge, std::move(ids)});
  return out;
}

bool badge_in_conflict(const State& s, const std::string& badge) {
  int n = 0;
  for (const auto& [id, t] : s.trainees)
    if (t.enrolled && !t.redacted && t.badge.value == badge) ++n;
  for (const auto& [id, m] : s.staff)
    if (m.name.hlc >= 0 && m.badge.value == badge) ++n;
  return !badge.empty() && n > 1;
}

}  // namespace ft
