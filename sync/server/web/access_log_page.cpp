// The access log in the browser, for administrators only (the role that
// reads it at the command line too): the newest rows first, optionally for
// one person or one user. Reading the log is itself a look at persons, and
// a search: it is logged with its terms.
#include <httplib.h>

#include <algorithm>
#include <ctime>

#include "sync/server/web/web_view.hpp"

namespace ft::server::web {

namespace {

constexpr size_t kShown = 500;  // the newest; the command line gives the whole log

std::string when(std::int64_t ms) {
  const std::time_t t = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

}  // namespace

void handle_access_log(WebView& view, const httplib::Request& req, httplib::Response& res) {
  auto v = open_visit(view, req, res);
  if (!v) return;
  if (v->session.user.role != UserRole::Admin) return send_message(view, &*v, res, 403, "web.forbidden");
  const Translations& tr = *v->tr;
  AccessQuery q;
  const std::string person = form_value(req, "person"), user = form_value(req, "user");
  if (!person.empty()) q.person = person;
  if (!user.empty()) q.user = user;
  std::vector<AccessEntry> rows;
  view.store.with_db([&](SqlDb& db) {
    prune_access_log(db, v->now_ms, view.options.access_log_days);  // past its time is neither shown nor kept
    rows = read_access_log(db, q);
  });
  std::reverse(rows.begin(), rows.end());  // newest first

  std::string body = "<form method=\"get\" action=\"/access-log\" class=\"filter\"><div><label for=\"person\">" +
                     escape(tr("web.log.person")) + "</label><input id=\"person\" name=\"person\" value=\"" +
                     escape(person) + "\"></div><div><label for=\"user\">" + escape(tr("web.log.user")) +
                     "</label><input id=\"user\" name=\"user\" value=\"" + escape(user) +
                     "\"></div><button type=\"submit\">" + escape(tr("web.log.search")) + "</button></form>\n";
  if (rows.empty()) {
    body += "<p>" + escape(tr("web.log.none")) + "</p>\n";
  } else {
    body += "<p>" + escape(tr("web.log.count", {{"count", std::to_string(rows.size())}})) + "</p>\n";
    body += "<div class=\"table-wrap\"><table class=\"log\"><thead><tr>";
    for (const char* col : {"web.log.time", "web.log.user", "web.log.action", "web.log.person", "web.log.detail",
                            "web.log.source"})
      body += "<th scope=\"col\">" + escape(tr(col)) + "</th>";
    body += "</tr></thead><tbody>\n";
    for (size_t i = 0; i < rows.size() && i < kShown; ++i) {
      const AccessEntry& e = rows[i];
      body += "<tr><td class=\"num\">" + escape(when(e.at_ms)) + "</td><td>" + escape(e.user) + "</td><td>" +
              escape(e.action) + "</td><td>" + escape(e.person) + "</td><td>" + escape(e.detail) + "</td><td>" +
              escape(e.source) + "</td></tr>\n";
    }
    body += "</tbody></table></div>\n";
  }
  // The search and its terms; the persons it showed are in the rows it read.
  log_look(view, *v, "read_access_log", person, user.empty() ? "" : "user=" + user);
  send_html(res, 200, page(frame_for(*v, tr("web.log.title")), body, tr));
}

}  // namespace ft::server::web
