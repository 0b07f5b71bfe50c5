// The town hall's web view on sync-server's HTTPS listener (issue 19;
// docs/web.md): login and logout, the index of the user's centres, a centre's
// trainees with those needing attention first, and one trainee's whole
// picture. Every page needs a live session; the user's role and centres are
// checked on the server for every request; every look at a person goes to
// the access log. The pictures are the server's projection folded by
// terminal/core, judged by core's progress(): no rule is decided twice.
//
//   request ─▶ open_visit (session, idle clock, language) ─▶ wall check ─▶
//   read projection ─▶ log_look ─▶ page() ─▶ security headers
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sync/server/known_paths.hpp"
#include "sync/server/server_store.hpp"
#include "sync/server/web/access_log.hpp"
#include "sync/server/web/html.hpp"
#include "sync/server/web/sessions.hpp"
#include "sync/server/web/texts.hpp"
#include "terminal/core/approval_rules.hpp"
#include "terminal/core/catalogue.hpp"
#include "terminal/core/state.hpp"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace ft::server::web {

struct WebOptions {
  std::int64_t session_idle_ms = 15LL * 60 * 1000;       // --session-idle-seconds
  LoginPolicy login;                                     // --login-failures
  std::int64_t access_log_days = kDefaultRetentionDays;  // --access-log-days
  std::vector<ApprovalRuleSet> approval_rules = default_approval_rules();  // --rules FILE
};

struct WebView {
  ServerStore& store;
  const Catalogue& catalogue;
  const WebTexts& texts;
  WebOptions options;
  std::function<std::int64_t()> now_ms;
};

void install_web_routes(httplib::Server& server, KnownPaths& paths, WebView& view);

// ---- what the pages share (routes.cpp) ----

// One request of a logged-in user.
struct Visit {
  Session session;
  const Translations* tr;
  std::int64_t now_ms;
  std::string source;  // the client's address, for the access log
  std::string path;    // this page, for the language switch to come back to
};

// The visit, or a redirect to the login page (with a note when the session expired) and nullopt.
std::optional<Visit> open_visit(WebView& view, const httplib::Request& req, httplib::Response& res);
// An HTML reply with the security headers.
void send_html(httplib::Response& res, int status, const std::string& html);
// A page with one sentence ("web.not_found", "web.forbidden", ...).
void send_message(WebView& view, const Visit* visit, httplib::Response& res, int status, const std::string& key);
// The access log row for this visit.
void log_look(WebView& view, const Visit& visit, const std::string& action, const std::string& person,
              const std::string& detail);
// The page frame for a logged-in user.
PageFrame frame_for(const Visit& visit, const std::string& title);
// A form field of a POST, "" when missing.
std::string form_value(const httplib::Request& req, const char* name);

// ---- what a request names (lookup.cpp); the walls are the callers' ----
std::optional<CentreInfo> centre_by_id(WebView& view, const std::string& id);
struct FoundTrainee {
  std::string centre_id;           // "" when unknown
  std::optional<Trainee> trainee;  // only when enrolled
};
FoundTrainee find_trainee(WebView& view, const std::string& id);
// A trainee of a centre the visitor sees, with the centre; nullopt when unknown or walled off (the
// two read the same, so a page does not tell who is in the programme).
struct SeenTrainee {
  CentreInfo centre;
  Trainee trainee;
};
std::optional<SeenTrainee> seen_trainee(WebView& view, const Visit& visit, const std::string& id);
// The centre a page names, when the visitor may see it; otherwise the 403
// (outside the user's centres, checked first: whether it exists is not told)
// or 404 page has been sent and nullopt is returned.
std::optional<CentreInfo> seen_centre(WebView& view, const Visit& visit, const std::string& id,
                                      httplib::Response& res);

// ---- the pages (one file each) ----
void handle_login_form(WebView& view, const httplib::Request& req, httplib::Response& res);  // login.cpp
void handle_login(WebView& view, const httplib::Request& req, httplib::Response& res);
void handle_logout(WebView& view, const httplib::Request& req, httplib::Response& res);
void handle_language(WebView& view, const httplib::Request& req, httplib::Response& res);
void handle_index(WebView& view, const httplib::Request& req, httplib::Response& res);  // centre_page.cpp
void handle_centre(WebView& view, const httplib::Request& req, httplib::Response& res);
void handle_trainee(WebView& view, const httplib::Request& req, httplib::Response& res);  // trainee_page.cpp
void handle_trainee_pdf(WebView& view, const httplib::Request& req, httplib::Response& res);  // reports.cpp
void handle_centre_csv(WebView& view, const httplib::Request& req, httplib::Response& res);
void handle_absences(WebView& view, const httplib::Request& req, httplib::Response& res);  // absences.cpp
void handle_mark_handled(WebView& view, const httplib::Request& req, httplib::Response& res);
void handle_access_log(WebView& view, const httplib::Request& req, httplib::Response& res);  // access_log_page.cpp
// The internship and the jobcentre's approval on a trainee's page; caseworkers approve (approval_form.cpp).
std::string approval_section(WebView& view, const Visit& visit, const Trainee& trainee);
void handle_approve_internship(WebView& view, const httplib::Request& req, httplib::Response& res);
extern const char* const kStyleSheet;                                                     // style.cpp

}  // namespace ft::server::web
