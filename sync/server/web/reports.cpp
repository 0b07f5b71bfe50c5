// The reports for the follow-up meeting, downloaded from the web view: one
// trainee's as PDF, a centre's overview as CSV. Made by terminal/report (the
// code `floor-terminal report` runs) from the server's projection, in the
// user's language; the wall is checked as for the pages, and every download
// is logged as an export of each person it names.
#include <httplib.h>

#include <iostream>
#include <map>

#include "sync/server/jobcentre.hpp"
#include "sync/server/staff_names.hpp"
#include "sync/server/status.hpp"
#include "sync/server/web/security.hpp"
#include "sync/server/web/web_view.hpp"
#include "terminal/report/report.hpp"

namespace ft::server::web {

namespace {

// The server's side of a report: the projection of one centre, and its
// staff's names, so a note names its writer as on the terminal.
ReportSource server_source(WebView& view, const CentreInfo& centre, const std::vector<Trainee>& trainees,
                           Day today) {
  ReportSource src;
  std::map<std::string, std::string> names;
  view.store.with_reader([&](SqlDb& db) { names = staff_names(db, centre.id); });
  src.staff_name = [names = std::move(names)](const std::string& id) {
    auto it = names.find(id);
    return it == names.end() ? std::string() : it->second;
  };
  src.centre_name = centre.name;
  src.today = today;
  src.catalogue = &view.catalogue;
  src.rules = centre_rules(centre);
  src.capacity = src.rules.capacity;
  for (const auto& t : trainees) {
    src.trainees.push_back(&t);
    src.in_centre += t.enrolled && t.stage() == Stage::Centre;
  }
  return src;
}

// A download: the file name the browser saves it under, never cached (it names persons).
void send_file(httplib::Response& res, const std::string& body, const char* type, const std::string& filename) {
  res.status = 200;
  set_security_headers(res);
  res.set_header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  res.set_content(body, type);
}

}  // namespace

void handle_trainee_pdf(WebView& view, const httplib::Request& req, httplib::Response& res) {
  auto v = open_visit(view, req, res);
  if (!v) return;
  auto seen = seen_trainee(view, *v, req.matches[1]);
  if (!seen) return send_message(view, &*v, res, 404, "web.not_found");
  // Health notes, as on the page: supervisors only, and only when asked for.
  const bool health = v->session.user.role == UserRole::Supervisor && form_value(req, "health") == "1";
  const std::vector<Trainee> one{seen->trainee};
  const ReportSource src = server_source(view, seen->centre, one, local_day(v->now_ms));
  const auto doc = trainee_report(src, seen->trainee.id, *v->tr, health);
  std::string pdf;
  const std::string error = doc ? report_pdf(*doc, pdf) : "no report";
  if (!error.empty()) {
    std::cerr << "a PDF report could not be made: " << error << "\n";  // cairo's sentence; it names no one
    return send_message(view, &*v, res, 500, "web.report_failed");
  }
  log_look(view, *v, health ? "export_pdf_with_health" : "export_pdf", seen->trainee.id, seen->centre.id);
  send_file(res, pdf, "application/pdf", "report-" + seen->trainee.id + ".pdf");
}

void handle_centre_csv(WebView& view, const httplib::Request& req, httplib::Response& res) {
  auto v = open_visit(view, req, res);
  if (!v) return;
  const std::string id = req.matches[1];
  const auto centre = seen_centre(view, *v, id, res);
  if (!centre) return;
  const std::vector<Trainee> trainees = view.store.trainees(id);
  const ReportSource src = server_source(view, *centre, trainees, local_day(v->now_ms));
  const std::string csv = report_csv(centre_report(src, *v->tr), v->tr->language);
  for (const auto& t : trainees)
    if (t.enrolled) log_look(view, *v, "export_csv", t.id, id);
  send_file(res, csv, "text/csv; charset=utf-8", "centre-" + id + ".csv");
}

}  // namespace ft::server::web
