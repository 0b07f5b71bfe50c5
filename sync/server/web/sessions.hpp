// Sessions of the web view. The browser holds a random token in a cookie
// (Secure, HttpOnly, SameSite=Strict); the server keeps only its SHA-256,
// with the session's CSRF token and language. A session ends on logout, when
// its user is disabled or given a new password, or after `idle_ms` without
// a request (15 minutes by default); an ended session is deleted.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "sync/server/sql.hpp"
#include "sync/server/web/users.hpp"

namespace ft::server::web {

struct Session {
  std::string token_hash;
  User user;
  std::string csrf;      // every state-changing form carries it
  std::string language;  // "da" or "en"
};

struct NewSession {
  std::string token;  // for the cookie; shown once
  std::string csrf;
};

NewSession start_session(SqlDb& db, const std::string& user_id, const std::string& language, std::int64_t now_ms);
// The live session of a cookie's token, its idle clock restarted; nullopt when
// unknown, idle too long, or its user is disabled or blocked.
std::optional<Session> resume_session(SqlDb& db, const std::string& token, std::int64_t now_ms, std::int64_t idle_ms);
void end_session(SqlDb& db, const std::string& token_hash);
void set_session_language(SqlDb& db, const std::string& token_hash, const std::string& language);

}  // namespace ft::server::web
