// Tolerant readers for event payload fields: a field of the wrong type reads
// as absent, so one bad event from a buggy peer cannot crash the fold.
#pragma once
#include <optional>
#include <string>

#include "terminal/core/dates.hpp"
#include "terminal/core/event.hpp"

namespace ft::payload {

inline std::string str(const Json& p, const char* key) {
  auto it = p.find(key);
  return it != p.end() && it->is_string() ? it->get<std::string>() : std::string();
}
inline std::optional<long long> integer(const Json& p, const char* key) {
  auto it = p.find(key);
  if (it == p.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<long long>();
}
inline bool flag(const Json& p, const char* key) {
  auto it = p.find(key);
  return it != p.end() && it->is_boolean() && it->get<bool>();
}
inline std::optional<Day> day(const Json& p, const char* key = "day") { return parse_day(str(p, key)); }
inline std::optional<int> clock(const Json& p, const char* key = "time") { return parse_clock(str(p, key)); }

}  // namespace ft::payload
