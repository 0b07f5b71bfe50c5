// The web view's accounts: caseworkers, supervisors and administrators of
// the town hall, each seeing only the centres given to them. Passwords are
// kept as Argon2id strings made by the same code that hashes the terminal's
// PINs (terminal/core/pin.hpp). After `failures_allowed` failed logins within
// the window the account stays blocked until an administrator unlocks it
// (municipal data-processing agreements: 3 within 24 hours).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sync/server/sql.hpp"

namespace ft::server::web {

enum class UserRole { Caseworker, Supervisor, Admin };
const char* user_role_name(UserRole r);  // "caseworker", "supervisor", "admin"
std::optional<UserRole> parse_user_role(std::string_view s);

struct User {
  std::string id, login;
  UserRole role = UserRole::Caseworker;
  bool disabled = false, locked = false;
  std::vector<std::string> centres;  // the centres whose people this user may see
  bool sees_centre(const std::string& centre_id) const;
};

struct LoginPolicy {
  int failures_allowed = 3;
  std::int64_t window_ms = 24LL * 3600 * 1000;
};

// The sentence for a login name or password that cannot be used, if any.
std::optional<std::string> login_problem(const std::string& login);
std::optional<std::string> password_problem(const std::string& password);

// Each returns "" on success, else a sentence for the administrator.
std::string add_user(SqlDb& db, const std::string& login, UserRole role, const std::vector<std::string>& centres,
                     const std::string& password, std::int64_t now_ms, std::string& new_id);
std::string disable_user(SqlDb& db, const std::string& login);
std::string unlock_user(SqlDb& db, const std::string& login);  // also forgets the failures
std::string set_password(SqlDb& db, const std::string& login, const std::string& password);

std::optional<User> find_user(SqlDb& db, const std::string& user_id);

enum class LoginResult { Ok, Wrong, Locked, Disabled };
struct LoginOutcome {
  LoginResult result = LoginResult::Wrong;
  std::optional<User> user;  // known even when refused, for the access log
  bool locked_now = false;   // this failure blocked the account
};
// Checks a login; a failure is counted (and may block the account), a success forgets them.
// A blocked or disabled account is refused even with the right password.
LoginOutcome check_login(SqlDb& db, const std::string& login, const std::string& password, std::int64_t now_ms,
                         const LoginPolicy& policy);

}  // namespace ft::server::web
