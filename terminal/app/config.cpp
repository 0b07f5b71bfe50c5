#include "terminal/app/config.hpp"

#include <toml++/toml.h>

#include <functional>
#include <map>
#include <sstream>
#include <vector>

#include "terminal/core/dates.hpp"

namespace ft {

namespace {
struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::string where(const std::string& source, const toml::node& n, const std::string& key) {
  std::ostringstream s;
  s << source << " line " << n.source().begin.line << ": '" << key << "' ";
  return s.str();
}

using Setter = std::function<void(const toml::node&, Rules&, const std::string& at)>;

// A whole number from min to max, or a ConfigError naming the key and its line.
int whole_number(const toml::node& n, const std::string& at, int min, int max) {
  // Asked first: toml++ converts a float to an integer unchecked (undefined beyond long's range).
  if (!n.is_integer()) throw ConfigError(at + "must be a whole number");
  auto v = n.value<int64_t>();
  if (!v) throw ConfigError(at + "must be a whole number");
  if (*v < min || *v > max)
    throw ConfigError(at + "must be between " + std::to_string(min) + " and " + std::to_string(max));
  return static_cast<int>(*v);
}

Setter integer(int Rules::*field, int min, int max) {
  return [=](const toml::node& n, Rules& r, const std::string& at) { r.*field = whole_number(n, at, min, max); };
}

Setter share(double Rules::*field) {
  return [=](const toml::node& n, Rules& r, const std::string& at) {
    auto v = n.value<double>();
    if (!(n.is_floating_point() || n.is_integer()) || !v || *v < 0 || *v > 1)
      throw ConfigError(at + "must be a number from 0 to 1");
    r.*field = *v;
  };
}

Setter clock(int Rules::*field) {
  return [=](const toml::node& n, Rules& r, const std::string& at) {
    auto v = n.value<std::string>();
    auto m = v ? parse_clock(*v) : std::nullopt;
    if (!n.is_string() || !m) throw ConfigError(at + "must be a time like \"07:45\"");
    r.*field = *m;
  };
}

const std::map<std::string, Setter>& setters() {
  static const std::map<std::string, Setter> table = {
      {"centre.name",
       [](const toml::node& n, Rules& r, const std::string& at) {
         auto v = n.value<std::string>();
         if (!n.is_string() || !v || v->empty() || v->size() > 200) throw ConfigError(at + "must be a text of 1 to 200 characters");
         r.centre_name = *v;
       }},
      {"centre.capacity", integer(&Rules::capacity, 1, 200)},
      {"centre.holidays",
       [](const toml::node& n, Rules& r, const std::string& at) {
         const auto* list = n.as_array();
         if (!list) throw ConfigError(at + "must be a list of dates like [\"2026-12-24\"]");
         for (const auto& item : *list) {
           auto text = item.value<std::string>();
           auto day = text ? parse_day(*text) : std::nullopt;
           if (!day) throw ConfigError(at + "must hold dates written YYYY-MM-DD");
           r.holidays.insert(*day);
         }
       }},
      {"course.months", integer(&Rules::course_months, 1, 60)},
      {"course.warn_months_first", integer(&Rules::warn_months_first, 1, 60)},
      {"course.warn_months_second", integer(&Rules::warn_months_second, 1, 60)},
      {"course.planned_centre_months", integer(&Rules::planned_centre_months, 1, 60)},
      {"course.internship_by_month", integer(&Rules::internship_by_month, 1, 60)},
      {"attendance.threshold", share(&Rules::attendance_threshold)},
      {"attendance.planned_start", clock(&Rules::planned_start)},
      {"attendance.late_after", clock(&Rules::late_after)},
      {"attendance.planned_end", clock(&Rules::planned_end)},
      {"attendance.double_tap_seconds", integer(&Rules::double_tap_seconds, 0, 3600)},
      {"skills.curve_tolerance", share(&Rules::skills_curve_tolerance)},
      {"risk.months_left_warning", integer(&Rules::months_left_warning, 0, 60)},
      {"risk.forgotten_checkouts", integer(&Rules::forgotten_checkouts, 1, 28)},
      {"risk.internship_decision_days", integer(&Rules::internship_decision_days, 0, 90)},
      {"security.pin_attempts", integer(&Rules::pin_attempts, 1, 20)},
      {"security.lockout_minutes", integer(&Rules::lockout_minutes, 1, 24 * 60)},
      {"privacy.erase_after_days", integer(&Rules::erase_after_days, 30, 3650)},
  };
  return table;
}
}  // namespace

std::vector<std::string> config_keys() {
  std::vector<std::string> keys;
  for (const auto& [key, setter] : setters()) keys.push_back(key);
  return keys;
}

std::optional<Rules> parse_config(const std::string& text, const std::string& source, std::string& error) {
  try {
    toml::table root = toml::parse(text, source);
    Rules rules;
    for (const auto& [section, node] : root) {
      const std::string section_name(section.str());
      const auto* table = node.as_table();
      if (!table) throw ConfigError(where(source, node, section_name) + "must be a [section]");
      for (const auto& [key, value] : *table) {
        const std::string full = section_name + "." + std::string(key.str());
        auto it = setters().find(full);
        if (it == setters().end()) throw ConfigError(where(source, value, full) + "is not a known setting");
        it->second(value, rules, where(source, value, full));
      }
    }
    if (rules.late_after < rules.planned_start)
      throw ConfigError(source + ": 'attendance.late_after' must not be before 'attendance.planned_start'");
    if (rules.warn_months_first > rules.warn_months_second || rules.warn_months_second > rules.course_months)
      throw ConfigError(source + ": the warnings must come in order and before 'course.months'");
    return rules;
  } catch (const toml::parse_error& e) {
    std::ostringstream s;
    s << source << " line " << e.source().begin.line << ": " << e.description();
    error = s.str();
  } catch (const ConfigError& e) {
    error = e.what();
  }
  return std::nullopt;
}

}  // namespace ft
