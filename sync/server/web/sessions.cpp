// Sessions of the web view; see sessions.hpp.
#include "sync/server/web/sessions.hpp"

#include "sync/server/secrets.hpp"

namespace ft::server::web {

NewSession start_session(SqlDb& db, const std::string& user_id, const std::string& language, std::int64_t now_ms) {
  NewSession s{random_token(), random_token()};
  SqlTx tx(db);
  SqlStmt(db,
          "INSERT INTO web_sessions(token_hash, user_id, csrf, language, created_ms, last_seen_ms) "
          "VALUES (?,?,?,?,?,?)")
      .bind(1, sha256_hex(s.token))
      .bind(2, user_id)
      .bind(3, s.csrf)
      .bind(4, language)
      .bind(5, now_ms)
      .bind(6, now_ms)
      .run();
  tx.commit();
  return s;
}

std::optional<Session> resume_session(SqlDb& db, const std::string& token, std::int64_t now_ms, std::int64_t idle_ms) {
  if (token.size() != 64) return std::nullopt;
  SqlTx tx(db);
  // Sessions idle too long go for everyone, so none lingers in the table.
  SqlStmt(db, "DELETE FROM web_sessions WHERE last_seen_ms<?").bind(1, now_ms - idle_ms).run();
  Session s;
  std::string user_id;
  {
    SqlStmt q(db, "SELECT token_hash, user_id, csrf, language FROM web_sessions WHERE token_hash=?");
    q.bind(1, sha256_hex(token));
    if (!q.step()) {
      tx.commit();
      return std::nullopt;
    }
    s.token_hash = q.text(0);
    user_id = q.text(1);
    s.csrf = q.text(2);
    s.language = q.text(3);
  }
  auto user = find_user(db, user_id);
  if (!user || user->disabled || user->locked) {
    SqlStmt(db, "DELETE FROM web_sessions WHERE token_hash=?").bind(1, s.token_hash).run();
    tx.commit();
    return std::nullopt;
  }
  s.user = std::move(*user);
  SqlStmt(db, "UPDATE web_sessions SET last_seen_ms=? WHERE token_hash=?").bind(1, now_ms).bind(2, s.token_hash).run();
  tx.commit();
  return s;
}

void end_session(SqlDb& db, const std::string& token_hash) {
  SqlTx tx(db);
  SqlStmt(db, "DELETE FROM web_sessions WHERE token_hash=?").bind(1, token_hash).run();
  tx.commit();
}

void set_session_language(SqlDb& db, const std::string& token_hash, const std::string& language) {
  SqlTx tx(db);
  SqlStmt(db, "UPDATE web_sessions SET language=? WHERE token_hash=?").bind(1, language).bind(2, token_hash).run();
  tx.commit();
}

}  // namespace ft::server::web
