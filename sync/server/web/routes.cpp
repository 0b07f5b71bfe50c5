// The web view's routes and what every page shares; see web_view.hpp.
// Sections: replies · visits · routes.
#include <httplib.h>

#include "sync/server/web/security.hpp"
#include "sync/server/web/web_view.hpp"

namespace ft::server::web {

// ---- replies ----------------------------------------------------------------------------------

void send_html(httplib::Response& res, int status, const std::string& html) {
  res.status = status;
  set_security_headers(res);
  res.set_content(html, "text/html; charset=utf-8");
}

void send_message(WebView& view, const Visit* visit, httplib::Response& res, int status, const std::string& key) {
  const Translations& tr = visit ? *visit->tr : view.texts.in("da");
  // A refusal is a dead end otherwise: the way back is to the user's own centres.
  PageFrame f = visit ? frame_for(*visit, tr(key)) : PageFrame{tr(key), tr.language, "", "", "", ""};
  std::string home("/"), home_label = tr("web.index.title");  // swapped in: GCC 12 misreads a short assignment (-Wrestrict)
  f.back_href.swap(home);
  f.back_label.swap(home_label);
  send_html(res, status, page(f, "", tr));
}

void log_look(WebView& view, const Visit& v, const std::string& action, const std::string& person,
              const std::string& detail) {
  view.store.with_db([&](SqlDb& db) {
    log_access(db, AccessEntry{v.now_ms, v.session.user.login, action, person, detail, v.source});
  });
}

std::string form_value(const httplib::Request& req, const char* name) {
  return req.has_param(name) ? req.get_param_value(name) : std::string();
}

PageFrame frame_for(const Visit& v, const std::string& title) {
  const Translations& tr = *v.tr;
  PageFrame f;
  f.title = title;
  f.language = tr.language;
  f.user_line = tr("web.signed_in_as", {{"login", v.session.user.login},
                                        {"role", tr(std::string("web.role.") + user_role_name(v.session.user.role))}});
  f.csrf = v.session.csrf;
  f.here = v.path;
  return f;
}

// ---- visits -----------------------------------------------------------------------------------

std::optional<Visit> open_visit(WebView& view, const httplib::Request& req, httplib::Response& res) {
  const auto token = cookie(req, kSessionCookie);
  std::optional<Session> session;
  const std::int64_t now = view.now_ms();
  if (token && !token->empty())
    view.store.with_db([&](SqlDb& db) { session = resume_session(db, *token, now, view.options.session_idle_ms); });
  if (!session) {
    set_security_headers(res);
    // A cookie that no longer opens a session: it expired (or was ended elsewhere); say so on the form.
    if (token && !token->empty()) res.set_header("Set-Cookie", expired_cookie_header(kSessionCookie));
    res.set_redirect(token && !token->empty() ? "/login?expired=1" : "/login", 303);
    return std::nullopt;
  }
  Visit v{std::move(*session), nullptr, now, req.remote_addr, req.path};
  v.tr = &view.texts.in(v.session.language);
  return v;
}

// ---- routes -----------------------------------------------------------------------------------

namespace {

using Handler = void (*)(WebView&, const httplib::Request&, httplib::Response&);

// A database fault is a page that says so (503), never a half-drawn page.
httplib::Server::Handler guarded(WebView& view, Handler handler) {
  return [&view, handler](const httplib::Request& req, httplib::Response& res) {
    try {
      handler(view, req, res);
    } catch (const SqlError& e) {
      std::cerr << "database fault in the web view: " << e.what() << "\n";
      res.set_header("Retry-After", "5");
      send_message(view, nullptr, res, 503, "web.unavailable");
    }
  };
}

}  // namespace

void install_web_routes(httplib::Server& server, KnownPaths& paths, WebView& view) {
  paths.add(server, "GET", "/login", guarded(view, handle_login_form));
  paths.add(server, "POST", "/login", guarded(view, handle_login));
  paths.add(server, "POST", "/logout", guarded(view, handle_logout));
  paths.add(server, "POST", "/language", guarded(view, handle_language));
  paths.add(server, "GET", "/", guarded(view, handle_index));
  paths.add(server, "GET", "/access-log", guarded(view, handle_access_log));
  paths.add(server, "GET", R"(/centres/([0-9a-f-]{1,64}))", guarded(view, handle_centre));
  paths.add(server, "GET", R"(/centres/([0-9a-f-]{1,64})/report\.csv)", guarded(view, handle_centre_csv));
  paths.add(server, "GET", R"(/centres/([0-9a-f-]{1,64})/absences)", guarded(view, handle_absences));
  paths.add(server, "POST", R"(/centres/([0-9a-f-]{1,64})/absences)", guarded(view, handle_mark_handled));
  paths.add(server, "GET", R"(/trainees/([0-9A-Za-z_-]{1,64}))", guarded(view, handle_trainee));
  paths.add(server, "GET", R"(/trainees/([0-9A-Za-z_-]{1,64})/report\.pdf)", guarded(view, handle_trainee_pdf));
  paths.add(server, "POST", R"(/trainees/([0-9A-Za-z_-]{1,64})/internship-approval)",
            guarded(view, handle_approve_internship));
  paths.add(server, "GET", "/web.css", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Cache-Control", "max-age=3600");  // names no one
    res.set_content(kStyleSheet, "text/css; charset=utf-8");
  });
}

}  // namespace ft::server::web
