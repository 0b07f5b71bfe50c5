// Accounts of the web view; see users.hpp.
// Sections: roles · checks · administration · login.
#include "sync/server/web/users.hpp"

#include <algorithm>
#include <cctype>

#include "sync/server/secrets.hpp"
#include "terminal/core/pin.hpp"

namespace ft::server::web {

// ---- roles ------------------------------------------------------------------------------------

const char* user_role_name(UserRole r) {
  switch (r) {
    case UserRole::Caseworker:
      return "caseworker";
    case UserRole::Supervisor:
      return "supervisor";
    case UserRole::Admin:
      return "admin";
  }
  return "caseworker";
}

std::optional<UserRole> parse_user_role(std::string_view s) {
  for (auto r : {UserRole::Caseworker, UserRole::Supervisor, UserRole::Admin})
    if (s == user_role_name(r)) return r;
  return std::nullopt;
}

bool User::sees_centre(const std::string& centre_id) const {
  return std::find(centres.begin(), centres.end(), centre_id) != centres.end();
}

// ---- checks -----------------------------------------------------------------------------------

std::optional<std::string> login_problem(const std::string& login) {
  if (login.empty() || login.size() > 64) return "A login name has 1 to 64 characters.";
  for (unsigned char c : login)
    if (!(std::isalnum(c) || c == '.' || c == '-' || c == '_' || c == '@'))
      return "A login name holds only letters a-z, digits and . - _ @.";
  return std::nullopt;
}

std::optional<std::string> password_problem(const std::string& password) {
  // Long rather than complicated (NIST SP 800-63B); the lockout stops guessing online.
  if (password.size() < 10) return "A password has at least 10 characters.";
  if (password.size() > 256) return "A password has at most 256 characters.";
  for (unsigned char c : password)
    if (c < 0x20 || c == 0x7f) return "A password holds no control characters.";
  return std::nullopt;
}

namespace {

std::optional<std::string> user_id_of(SqlDb& db, const std::string& login) {
  SqlStmt s(db, "SELECT user_id FROM web_users WHERE login=?");
  s.bind(1, login);
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

std::string no_such_user(const std::string& login) { return "There is no user with the login " + login + "."; }

}  // namespace

// ---- administration ---------------------------------------------------------------------------

std::string add_user(SqlDb& db, const std::string& login, UserRole role, const std::vector<std::string>& centres,
                     const std::string& password, std::int64_t now_ms, std::string& new_id) {
  if (auto p = login_problem(login)) return *p;
  if (auto p = password_problem(password)) return *p;
  const std::string hash = hash_pin(password);  // slow on purpose: outside the write transaction
  SqlTx tx(db);
  if (user_id_of(db, login)) return "The login " + login + " is taken; choose another.";
  for (const auto& c : centres) {
    SqlStmt s(db, "SELECT 1 FROM centres WHERE centre_id=?");
    s.bind(1, c);
    if (!s.step()) return "There is no centre with the id " + c + "; sync-server status --db ... --json lists them.";
  }
  new_id = new_event_id(now_ms);
  SqlStmt(db, "INSERT INTO web_users(user_id, login, role, password_hash, created_ms) VALUES (?,?,?,?,?)")
      .bind(1, new_id)
      .bind(2, login)
      .bind(3, user_role_name(role))
      .bind(4, hash)
      .bind(5, now_ms)
      .run();
  for (const auto& c : centres)
    SqlStmt(db, "INSERT INTO web_user_centres(user_id, centre_id) VALUES (?,?) ON CONFLICT DO NOTHING")
        .bind(1, new_id)
        .bind(2, c)
        .run();
  tx.commit();
  return "";
}

std::string disable_user(SqlDb& db, const std::string& login) {
  SqlTx tx(db);
  auto id = user_id_of(db, login);
  if (!id) return no_such_user(login);
  SqlStmt(db, "UPDATE web_users SET disabled=1 WHERE user_id=?").bind(1, *id).run();
  SqlStmt(db, "DELETE FROM web_sessions WHERE user_id=?").bind(1, *id).run();  // out now, not at the next expiry
  tx.commit();
  return "";
}

std::string unlock_user(SqlDb& db, const std::string& login) {
  SqlTx tx(db);
  auto id = user_id_of(db, login);
  if (!id) return no_such_user(login);
  SqlStmt(db, "UPDATE web_users SET locked=0 WHERE user_id=?").bind(1, *id).run();
  SqlStmt(db, "DELETE FROM web_login_failures WHERE user_id=?").bind(1, *id).run();
  tx.commit();
  return "";
}

std::string set_password(SqlDb& db, const std::string& login, const std::string& password) {
  if (auto p = password_problem(password)) return *p;
  const std::string hash = hash_pin(password);
  SqlTx tx(db);
  auto id = user_id_of(db, login);
  if (!id) return no_such_user(login);
  SqlStmt(db, "UPDATE web_users SET password_hash=? WHERE user_id=?").bind(1, hash).bind(2, *id).run();
  SqlStmt(db, "DELETE FROM web_sessions WHERE user_id=?").bind(1, *id).run();  // whoever knew the old one is out
  tx.commit();
  return "";
}

std::optional<User> find_user(SqlDb& db, const std::string& user_id) {
  User u;
  {
    SqlStmt s(db, "SELECT user_id, login, role, disabled, locked FROM web_users WHERE user_id=?");
    s.bind(1, user_id);
    if (!s.step()) return std::nullopt;
    u.id = s.text(0);
    u.login = s.text(1);
    u.role = parse_user_role(s.text(2)).value_or(UserRole::Caseworker);
    u.disabled = s.int64(3) != 0;
    u.locked = s.int64(4) != 0;
  }
  SqlStmt c(db, "SELECT centre_id FROM web_user_centres WHERE user_id=? ORDER BY centre_id");
  c.bind(1, user_id);
  while (c.step()) u.centres.push_back(c.text(0));
  return u;
}

// ---- login ------------------------------------------------------------------------------------

LoginOutcome check_login(SqlDb& db, const std::string& login, const std::string& password, std::int64_t now_ms,
                         const LoginPolicy& policy) {
  // A hash to verify against when the login is unknown, so an unknown name
  // takes as long as a wrong password and does not reveal who has an account.
  static const std::string decoy = hash_pin("decoy-password-never-used");
  std::string hash = decoy;
  std::optional<User> user;
  if (auto id = user_id_of(db, login)) {
    user = find_user(db, *id);
    SqlStmt s(db, "SELECT password_hash FROM web_users WHERE user_id=?");
    s.bind(1, *id);
    if (s.step()) hash = s.text(0);
  }
  const bool right = verify_pin(hash, password) && user;  // slow: before the write transaction
  LoginOutcome out;
  out.user = user;
  if (!user) return out;
  if (user->disabled) {
    out.result = LoginResult::Disabled;
    return out;
  }
  SqlTx tx(db);
  bool locked = false;
  {
    SqlStmt s(db, "SELECT locked FROM web_users WHERE user_id=?");  // again: another request may have blocked it
    s.bind(1, user->id);
    locked = s.step() && s.int64(0) != 0;
  }
  if (locked) {
    out.result = LoginResult::Locked;
  } else if (right) {
    SqlStmt(db, "DELETE FROM web_login_failures WHERE user_id=?").bind(1, user->id).run();
    out.result = LoginResult::Ok;
  } else {
    SqlStmt(db, "INSERT INTO web_login_failures(user_id, at_ms) VALUES (?,?)").bind(1, user->id).bind(2, now_ms).run();
    SqlStmt n(db, "SELECT count(*) FROM web_login_failures WHERE user_id=? AND at_ms>?");
    n.bind(1, user->id).bind(2, now_ms - policy.window_ms);
    n.step();
    if (n.int64(0) >= policy.failures_allowed) {
      SqlStmt(db, "UPDATE web_users SET locked=1 WHERE user_id=?").bind(1, user->id).run();
      out.locked_now = true;
      out.result = LoginResult::Locked;
    } else {
      out.result = LoginResult::Wrong;
    }
  }
  tx.commit();
  return out;
}

}  // namespace ft::server::web
