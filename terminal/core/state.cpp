#include "terminal/core/state.hpp"

#include <algorithm>
#include <tuple>

namespace ft {

namespace {
struct NamePair { const char* name; int value; };
const NamePair kStages[] = {{"referred", 0}, {"centre", 1}, {"internship", 2}, {"employed", 3}, {"exited", 4}};
const NamePair kRoles[] = {{"trainee", 0}, {"instructor", 1}, {"supervisor", 2}, {"admin", 3}};
const NamePair kAbsenceKinds[] = {{"sick", 0}, {"legitimate", 1}, {"not_legitimate", 2}};

template <size_t N>
std::optional<int> lookup(const NamePair (&table)[N], std::string_view s) {
  for (const auto& p : table)
    if (s == p.name) return p.value;
  return std::nullopt;
}
}  // namespace

const char* stage_name(Stage s) { return kStages[static_cast<int>(s)].name; }
std::optional<Stage> parse_stage(std::string_view s) {
  auto v = lookup(kStages, s);
  return v ? std::optional<Stage>(static_cast<Stage>(*v)) : std::nullopt;
}
const char* role_name(Role r) { return kRoles[static_cast<int>(r)].name; }
std::optional<Role> parse_role(std::string_view s) {
  auto v = lookup(kRoles, s);
  return v ? std::optional<Role>(static_cast<Role>(*v)) : std::nullopt;
}
const char* absence_kind_name(AbsenceKind k) { return kAbsenceKinds[static_cast<int>(k)].name; }
std::optional<AbsenceKind> parse_absence_kind(std::string_view s) {
  auto v = lookup(kAbsenceKinds, s);
  return v ? std::optional<AbsenceKind>(static_cast<AbsenceKind>(*v)) : std::nullopt;
}

bool Register::set(std::string_view v, Hlc h, std::string_view id) {
  if (h < hlc || (h == hlc && id <= std::string_view(event_id))) return false;
  value = v;
  hlc = h;
  event_id = id;
  return true;
}

Stage Trainee::stage() const { return stages.empty() ? Stage::Referred : stages.back().to; }

std::string Trainee::host() const {
  if (stages.empty()) return {};
  const auto s = stages.back().to;
  return s == Stage::Internship || s == Stage::Employed ? stages.back().host : std::string();
}

std::optional<Day> Trainee::centre_start() const {
  std::optional<Day> first;
  for (const auto& c : stages)
    if (c.to == Stage::Centre && (!first || c.day < *first)) first = c.day;
  return first;
}

std::optional<Day> Trainee::stage_since() const {
  if (stages.empty()) return std::nullopt;
  return stages.back().day;
}

std::optional<Day> Trainee::ended_on() const {
  const auto s = stage();
  if (s != Stage::Employed && s != Stage::Exited) return std::nullopt;
  return stages.back().day;
}

std::map<std::string, const Assessment*> Trainee::latest_assessments() const {
  std::map<std::string, const Assessment*> latest;
  for (const auto& a : assessments) latest[a.skill] = &a;  // sorted by hlc: the last one wins
  return latest;
}

std::string Trainee::shown_name() const { return display_name.value.empty() ? name.value : display_name.value; }

const Trainee* State::trainee(const std::string& id) const {
  auto it = trainees.find(id);
  return it == trainees.end() || !it->second.enrolled ? nullptr : &it->second;
}

const Staff* State::staff_member(const std::string& id) const {
  auto it = staff.find(id);
  return it == staff.end() || it->second.name.hlc < 0 ? nullptr : &it->second;
}

int State::in_centre() const {
  int n = 0;
  for (const auto& [id, t] : trainees) n += t.enrolled && t.stage() == Stage::Centre;
  return n;
}

int State::capacity(int configured) const {
  int v = 0;
  for (char c : centre_capacity.value) {
    if (c < '0' || c > '9' || v > 100000) return configured;
    v = v * 10 + (c - '0');
  }
  return centre_capacity.value.empty() || v < 1 ? configured : v;
}

}  // namespace ft
