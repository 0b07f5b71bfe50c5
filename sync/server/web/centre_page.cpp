// The index of the user's centres, and one centre: places used, who is in
// today, and each trainee with stage, month of the course, attendance,
// skills at target and the guarantee status with its reasons in words,
// those needing attention first. Every number is core's progress() of the
// server's projection; the order is core's traffic light.
#include <httplib.h>

#include <algorithm>

#include "sync/server/jobcentre.hpp"
#include "sync/server/status.hpp"
#include "sync/server/web/web_view.hpp"
#include "terminal/core/progress.hpp"

namespace ft::server::web {

namespace {

const char* light_key(Light l) {
  switch (l) {
    case Light::Red:
      return "red";
    case Light::Amber:
      return "amber";
    case Light::Green:
      return "green";
    case Light::Grey:
      return "grey";
  }
  return "grey";
}

// Red first, then amber, green, and those whose course ended.
int attention_rank(Light l) {
  switch (l) {
    case Light::Red:
      return 0;
    case Light::Amber:
      return 1;
    case Light::Green:
      return 2;
    case Light::Grey:
      return 3;
  }
  return 3;
}

std::string percent(double share) { return std::to_string(static_cast<int>(share * 100 + 0.5)) + "\u00a0%"; }

}  // namespace

void handle_index(WebView& view, const httplib::Request& req, httplib::Response& res) {
  auto v = open_visit(view, req, res);
  if (!v) return;
  const Translations& tr = *v->tr;
  std::string body;
  for (const auto& c : view.store.centres())
    if (v->session.user.sees_centre(c.id))
      body += "<li><a href=\"/centres/" + escape(c.id) + "\">" + escape(c.name) + "</a></li>\n";
  body = body.empty() ? "<p>" + escape(tr("web.index.none")) + "</p>" : "<ul class=\"centres\">\n" + body + "</ul>";
  if (v->session.user.role == UserRole::Admin)
    body += "<p><a href=\"/access-log\">" + escape(tr("web.log.title")) + "</a></p>";
  send_html(res, 200, page(frame_for(*v, tr("web.index.title")), body, tr));
}

void handle_centre(WebView& view, const httplib::Request& req, httplib::Response& res) {
  auto v = open_visit(view, req, res);
  if (!v) return;
  const std::string id = req.matches[1];
  const auto centre = seen_centre(view, *v, id, res);
  if (!centre) return;
  const Translations& tr = *v->tr;
  const Rules rules = centre_rules(*centre);
  const Day today = local_day(v->now_ms);

  struct Row {
    const Trainee* t;
    Progress p;
  };
  const auto trainees = view.store.trainees(id);
  std::vector<Row> rows;
  for (const auto& t : trainees)
    if (t.enrolled) rows.push_back(Row{&t, progress(t, view.catalogue, rules, today)});
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    const int ra = attention_rank(a.p.light), rb = attention_rank(b.p.light);
    if (ra != rb) return ra < rb;
    return a.t->name.value != b.t->name.value ? a.t->name.value < b.t->name.value : a.t->id < b.t->id;
  });

  int used = 0;
  std::string in_today;
  for (const auto& r : rows) {
    used += r.t->stage() == Stage::Centre;
    if (r.p.checked_in) in_today += "<li>" + escape(r.t->name.value) + "</li>";
  }
  const int in_count =
      static_cast<int>(std::count_if(rows.begin(), rows.end(), [](const Row& r) { return r.p.checked_in; }));
  std::string body =
      "<ul class=\"facts\"><li>" +
      escape(tr("web.centre.places", {{"used", std::to_string(used)}, {"capacity", std::to_string(rules.capacity)}})) +
      "</li><li>" + escape(tr("web.centre.in_today", {{"count", std::to_string(in_count)}})) + "</li></ul>\n";
  body += in_today.empty() ? "<p>" + escape(tr("web.centre.nobody_in")) + "</p>\n"
                           : "<ul class=\"in-today\">" + in_today + "</ul>\n";
  body += "<ul class=\"actions\"><li><a href=\"/centres/" + escape(id) + "/absences\">" +
          escape(tr("web.absence.link")) + "</a></li><li><a href=\"/centres/" + escape(id) + "/report.csv\">" +
          escape(tr("web.report.csv")) + "</a></li></ul>\n";

  body += "<h2>" + escape(tr("web.centre.trainees")) + "</h2>\n";
  if (rows.empty()) {
    body += "<p>" + escape(tr("web.centre.none")) + "</p>\n";
  } else {
    body += "<div class=\"table-wrap\"><table class=\"trainees\"><thead><tr>";
    for (const char* col : {"web.col.name", "web.col.stage", "web.col.month", "web.col.attendance", "web.col.skills",
                            "web.col.guarantee", "web.col.reasons"})
      body += "<th scope=\"col\">" + escape(tr(col)) + "</th>";
    body += "</tr></thead><tbody>\n";
    for (const auto& r : rows) {
      const Trainee& t = *r.t;
      std::string reasons;
      for (const auto& reason : r.p.reasons)
        reasons +=
            "<li>" + escape(refusal_text(tr, Refusal{reason.code, days_worded(tr, reason.params)}, "reason.")) + "</li>";
      const std::string month =
          r.p.started ? tr("web.month_of", {{"month", std::to_string(static_cast<int>(r.p.months_in_course) + 1)},
                                            {"total", std::to_string(rules.course_months)}})
                      : "–";
      body += "<tr><th scope=\"row\"><a href=\"/trainees/" + escape(t.id) + "\">" + escape(t.name.value) +
              "</a></th>"
              "<td>" +
              escape(tr(std::string("stage.") + stage_name(t.stage()))) +
              (t.host().empty() ? "" : "<br><span class=\"muted\">" + escape(t.host()) + "</span>") +
              "</td>"
              "<td class=\"num\">" +
              escape(month) +
              "</td>"
              "<td class=\"num\">" +
              escape(percent(r.p.last_28d.rate())) +
              "</td>"
              "<td class=\"num\">" +
              std::to_string(r.p.skills_at_target) + "/" + std::to_string(r.p.skills_required) +
              "</td>"
              "<td><span class=\"light light-" +
              light_key(r.p.light) + "\">" + escape(tr(std::string("web.light.") + light_key(r.p.light))) +
              "</span><br>" + escape(tr(std::string("guarantee.") + guarantee_name(r.p.status))) +
              "</td>"
              "<td><ul class=\"reasons\">" +
              reasons + "</ul></td></tr>\n";
    }
    body += "</tbody></table></div>\n";
  }
  // Every person this page names is logged as looked at.
  for (const auto& r : rows) log_look(view, *v, "view_centre", r.t->id, id);
  send_html(res, 200, page(frame_for(*v, centre->name), body, tr));
}

}  // namespace ft::server::web
