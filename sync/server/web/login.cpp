// Logging in and out, and the language switch. The login form's CSRF token
// rides in a cookie of its own until there is a session (double submit; the
// cookie is SameSite=Strict, so another site's form cannot send it). Every
// attempt, right or wrong, goes to the access log; the lockout is users.hpp's.
#include <httplib.h>

#include <algorithm>

#include "sync/server/secrets.hpp"
#include "sync/server/web/security.hpp"
#include "sync/server/web/web_view.hpp"

namespace ft::server::web {

namespace {

std::string language_of(const httplib::Request& req) {
  const std::string l = form_value(req, "lang");
  return WebTexts::known(l) ? l : "da";
}

// The form, with an error summary at the top when `error_key` is set (GOV.UK's pattern).
void send_form(WebView& view, httplib::Response& res, const std::string& lang, const std::string& error_key,
               const std::string& notice_key, const std::string& username) {
  const Translations& tr = view.texts.in(lang);
  const std::string csrf = random_token();
  std::string body;
  if (!error_key.empty())
    body += "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2>" + escape(tr("web.login.error_title")) +
            "</h2><p>" + escape(tr(error_key)) + "</p></div>\n";
  if (!notice_key.empty()) body += "<p class=\"notice\" role=\"status\">" + escape(tr(notice_key)) + "</p>\n";
  body += "<form method=\"post\" action=\"/login\" class=\"login\">" + csrf_field(csrf) +
          "<input type=\"hidden\" name=\"lang\" value=\"" + escape(lang) +
          "\">"
          "<label for=\"username\">" +
          escape(tr("web.login.username")) +
          "</label>"
          "<input id=\"username\" name=\"username\" autocomplete=\"username\" required value=\"" +
          escape(username) + "\"" + (username.empty() ? " autofocus" : "") +
          ">"
          "<label for=\"password\">" +
          escape(tr("web.login.password")) +
          "</label>"
          "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required" +
          (username.empty() ? "" : " autofocus") +
          ">"
          "<button type=\"submit\">" +
          escape(tr("web.login.submit")) +
          "</button></form>\n"
          "<p><a href=\"/login?lang=" +
          (lang == "da" ? "en" : "da") + "\">" + escape(tr("web.language")) + "</a></p>\n";
  res.set_header("Set-Cookie", cookie_header(kLoginCookie, csrf));
  PageFrame f;
  f.title = tr("web.login.title");
  f.language = lang;
  send_html(res, 200, page(f, body, tr));
}

}  // namespace

void handle_login_form(WebView& view, const httplib::Request& req, httplib::Response& res) {
  std::string notice;
  if (req.has_param("expired")) notice = "web.login.expired";
  if (req.has_param("bye")) notice = "web.login.logged_out";
  send_form(view, res, language_of(req), "", notice, "");
}

void handle_login(WebView& view, const httplib::Request& req, httplib::Response& res) {
  const std::string lang = language_of(req);
  const auto expected = cookie(req, kLoginCookie);
  if (!expected || !masked_secret_matches(*expected, form_value(req, "csrf"))) {
    const Translations& tr = view.texts.in(lang);
    PageFrame f{tr("web.csrf"), lang, "", "", "/login", tr("web.login.title")};
    return send_html(res, 403, page(f, "", tr));
  }
  const std::string login = form_value(req, "username");
  const std::int64_t now = view.now_ms();
  LoginOutcome outcome;
  view.store.with_db([&](SqlDb& db) {
    outcome = check_login(db, login, form_value(req, "password"), now, view.options.login);
    // What was typed as a name is logged only when it names an account: a password typed
    // into the wrong field must not land in the log.
    const std::string who = outcome.user ? outcome.user->login : "";
    const char* action = outcome.result == LoginResult::Ok         ? "login"
                         : outcome.locked_now                      ? "login_blocked"
                         : outcome.result == LoginResult::Locked   ? "login_refused_blocked"
                         : outcome.result == LoginResult::Disabled ? "login_refused_disabled"
                                                                   : "login_failed";
    log_access(db, AccessEntry{now, who, action, "", outcome.user ? "" : "unknown login", req.remote_addr});
    if (outcome.result == LoginResult::Ok) prune_access_log(db, now, view.options.access_log_days);
  });
  if (outcome.result == LoginResult::Locked) return send_form(view, res, lang, "web.login.locked", "", login);
  if (outcome.result != LoginResult::Ok) return send_form(view, res, lang, "web.login.wrong", "", login);
  NewSession s;
  view.store.with_db([&](SqlDb& db) { s = start_session(db, outcome.user->id, lang, now); });
  set_security_headers(res);
  res.set_header("Set-Cookie", cookie_header(kSessionCookie, s.token));
  res.set_header("Set-Cookie", expired_cookie_header(kLoginCookie));
  res.set_redirect("/", 303);
}

void handle_logout(WebView& view, const httplib::Request& req, httplib::Response& res) {
  auto v = open_visit(view, req, res);
  if (!v) return;
  if (!masked_secret_matches(v->session.csrf, form_value(req, "csrf"))) return send_message(view, &*v, res, 403, "web.csrf");
  view.store.with_db([&](SqlDb& db) {
    end_session(db, v->session.token_hash);
    log_access(db, AccessEntry{v->now_ms, v->session.user.login, "logout", "", "", v->source});
  });
  set_security_headers(res);
  res.set_header("Set-Cookie", expired_cookie_header(kSessionCookie));
  res.set_redirect(std::string("/login?bye=1&lang=") + v->tr->language, 303);
}

void handle_language(WebView& view, const httplib::Request& req, httplib::Response& res) {
  auto v = open_visit(view, req, res);
  if (!v) return;
  if (!masked_secret_matches(v->session.csrf, form_value(req, "csrf"))) return send_message(view, &*v, res, 403, "web.csrf");
  const std::string to = form_value(req, "to");
  if (WebTexts::known(to)) view.store.with_db([&](SqlDb& db) { set_session_language(db, v->session.token_hash, to); });
  // Back to a page of ours only: a path, never another site ("//host" is one).
  std::string back = form_value(req, "back");
  if (back.empty() || back[0] != '/' || (back.size() > 1 && (back[1] == '/' || back[1] == '\\'))) back = "/";
  if (std::any_of(back.begin(), back.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; })) back = "/";
  set_security_headers(res);
  res.set_redirect(back, 303);
}

}  // namespace ft::server::web
