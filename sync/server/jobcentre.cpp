// Referrals and staff accounts made at the jobcentre; see jobcentre.hpp.
#include "sync/server/jobcentre.hpp"

#include <ctime>

#include "sync/server/secrets.hpp"
#include "terminal/core/dates.hpp"
#include "terminal/core/pin.hpp"
#include "terminal/core/state.hpp"
#include "terminal/core/text.hpp"

namespace ft::server {

Day local_day(std::int64_t now_ms) {
  std::time_t t = static_cast<std::time_t>(now_ms / 1000);
  std::tm tm{};
  localtime_r(&t, &tm);
  return day_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

std::optional<std::string> name_problem(const std::string& name) {
  if (auto code = check_text(name, kMaxNameChars, false)) {
    if (*code == "text_empty") return "The name is empty.";
    if (*code == "text_too_long") return "The name is longer than " + std::to_string(kMaxNameChars) + " characters.";
    return "The name has control characters or is not valid UTF-8.";
  }
  return std::nullopt;
}

Created add_referral(ServerStore& store, const std::string& centre_id, const std::string& name, std::int64_t now_ms) {
  if (auto problem = name_problem(name)) return {std::nullopt, *problem};
  const std::string id = new_event_id(now_ms);  // a UUIDv7 like the terminal's new_id
  Json p{{"trainee_id", id}, {"name", trim(name)}, {"language", "da"}, {"stage", "referred"},
         {"day", format_day(local_day(now_ms))}};
  store.append_server_event(centre_id, ev::kTraineeEnrolled, p, now_ms);
  return {id, ""};
}

Created add_staff(ServerStore& store, const std::string& centre_id, const std::string& name,
                  const std::string& role_text, const std::string& pin, std::int64_t now_ms) {
  if (auto problem = name_problem(name)) return {std::nullopt, *problem};
  auto role = parse_role(role_text);
  if (!role || (*role != Role::Instructor && *role != Role::Supervisor))
    return {std::nullopt, "The role must be instructor or supervisor."};
  if (check_pin_shape(pin, *role)) return {std::nullopt, "A staff PIN is 5 to 8 digits."};
  const std::string id = new_event_id(now_ms);
  Json p{{"staff_id", id}, {"name", trim(name)}, {"role", role_name(*role)}, {"pin_hash", hash_pin(pin)},
         {"day", format_day(local_day(now_ms))}};
  store.append_server_event(centre_id, ev::kStaffAdded, p, now_ms);
  return {id, ""};
}

}  // namespace ft::server
