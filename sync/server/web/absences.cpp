// Absences to act on: the no-shows (no check-in and no absence recorded, or
// an absence recorded as not legitimate) and the late arrivals (checked in
// after the centre's late limit) of a centre's trainees over the last 28
// days, newest first, as core's day_status() judges each day. A caseworker
// marks one handled (a POST with the session's CSRF token): the server
// appends an AbsenceHandled event to the centre's log, as it appends the
// jobcentre's other events, so the terminals pull and fold it too; the list
// reads the mark back from the same fold (Trainee::handled), and the mark
// is in the access log. A second POST for a marked day writes nothing.
#include <httplib.h>

#include <algorithm>
#include <map>
#include <set>

#include "sync/server/jobcentre.hpp"
#include "sync/server/projection.hpp"
#include "sync/server/status.hpp"
#include "sync/server/web/security.hpp"
#include "sync/server/web/web_view.hpp"
#include "terminal/core/progress.hpp"

namespace ft::server::web {

namespace {

constexpr int kLookBackDays = 28;

struct Absence {
  const Trainee* trainee;
  Day day;
  const char* kind;  // "no_show" or "late"
  DayStatus status;
};

const char* kind_of(DayStatus s) {
  switch (s) {
    case DayStatus::Unrecorded:
    case DayStatus::AbsentNotLegitimate:
      return "no_show";
    case DayStatus::Late:
      return "late";
    default:
      return nullptr;
  }
}

const char* status_key(DayStatus s) {
  return s == DayStatus::Late ? "day.late" : s == DayStatus::Unrecorded ? "day.unrecorded" : "day.not_legitimate";
}

// Newest first; on one day by name.
std::vector<Absence> to_act_on(const std::vector<Trainee>& trainees, const Rules& rules, Day today) {
  std::vector<Absence> out;
  for (const auto& t : trainees) {
    if (!t.enrolled) continue;
    for (Day d = today; d > today - kLookBackDays; --d) {
      const DayStatus s = day_status(t, d, rules, today);
      if (const char* kind = kind_of(s)) out.push_back(Absence{&t, d, kind, s});
    }
  }
  std::sort(out.begin(), out.end(), [](const Absence& a, const Absence& b) {
    if (a.day != b.day) return a.day > b.day;
    return a.trainee->name.value != b.trainee->name.value ? a.trainee->name.value < b.trainee->name.value
                                                           : a.trainee->id < b.trainee->id;
  });
  return out;
}

std::string row(const Absence& a, const Translations& tr) {
  return "<td>" + day_time_html(tr, a.day) + "</td><th scope=\"row\"><a href=\"/trainees/" + escape(a.trainee->id) +
         "\">" + escape(a.trainee->name.value) + "</a></th><td>" + escape(tr(std::string("web.absence.") + a.kind)) +
         // A no-show says which: recorded as not legitimate, or nothing recorded at all.
         (a.status == DayStatus::Late ? std::string()
                                      : " <span class=\"muted\">(" + escape(tr(status_key(a.status))) + ")</span>") +
         "</td>";
}

}  // namespace

void handle_absences(WebView& view, const httplib::Request& req, httplib::Response& res) {
  auto v = open_visit(view, req, res);
  if (!v) return;
  const std::string id = req.matches[1];
  const auto centre = seen_centre(view, *v, id, res);
  if (!centre) return;
  const Translations& tr = *v->tr;
  const std::vector<Trainee> trainees = view.store.trainees(id);
  const auto list = to_act_on(trainees, centre_rules(*centre), local_day(v->now_ms));

  std::string open_rows, done_rows;
  std::set<std::string> named;
  for (const auto& a : list) {
    named.insert(a.trainee->id);
    auto h = a.trainee->handled.find(a.day);
    if (h == a.trainee->handled.end()) {
      open_rows += "<tr>" + row(a, tr) + "<td><form method=\"post\" action=\"/centres/" + escape(id) + "/absences\">" +
                   csrf_field(v->session.csrf) + "<input type=\"hidden\" name=\"trainee\" value=\"" +
                   escape(a.trainee->id) + "\"><input type=\"hidden\" name=\"day\" value=\"" +
                   escape(format_day(a.day)) + "\"><button type=\"submit\">" + escape(tr("web.absence.mark")) +
                   "</button></form></td></tr>\n";
    } else {
      done_rows += "<tr>" + row(a, tr) + "<td>" + escape(tr("web.absence.handled_by", {{"login", h->second.by}})) +
                   "</td></tr>\n";
    }
  }
  auto table = [&](const std::string& rows, const char* last_col) {
    return "<div class=\"table-wrap\"><table class=\"absences\"><thead><tr><th scope=\"col\">" +
           escape(tr("report.date")) + "</th><th scope=\"col\">" + escape(tr("web.col.name")) +
           "</th><th scope=\"col\">" + escape(tr("web.absence.what")) + "</th><th scope=\"col\">" +
           escape(tr(last_col)) + "</th></tr></thead><tbody>\n" + rows + "</tbody></table></div>\n";
  };
  std::string body = "<p>" + escape(tr("web.absence.intro", {{"days", std::to_string(kLookBackDays)}})) + "</p>\n";
  body += open_rows.empty() ? "<p class=\"notice\">" + escape(tr("web.absence.none")) + "</p>\n"
                            : table(open_rows, "web.absence.action");
  if (!done_rows.empty())
    body += "<h2>" + escape(tr("web.absence.handled_title")) + "</h2>\n" + table(done_rows, "web.absence.handled");

  for (const auto& person : named) log_look(view, *v, "view_absences", person, id);
  PageFrame f = frame_for(*v, tr("web.absence.title", {{"centre", centre->name}}));
  f.back_href = "/centres/" + id;
  f.back_label = centre->name;
  send_html(res, 200, page(f, body, tr));
}

void handle_mark_handled(WebView& view, const httplib::Request& req, httplib::Response& res) {
  auto v = open_visit(view, req, res);
  if (!v) return;
  if (!masked_secret_matches(v->session.csrf, form_value(req, "csrf"))) return send_message(view, &*v, res, 403, "web.csrf");
  const std::string id = req.matches[1];
  const auto centre = seen_centre(view, *v, id, res);
  if (!centre) return;
  // Only an absence the list offers can be marked: the trainee in this centre, the day one to act on.
  const std::string trainee_id = form_value(req, "trainee");
  const auto day = parse_day(form_value(req, "day"));
  auto seen = seen_trainee(view, *v, trainee_id);
  const Day today = local_day(v->now_ms);
  const char* kind = nullptr;
  if (seen && day && seen->centre.id == id && *day > today - kLookBackDays)
    kind = kind_of(day_status(seen->trainee, *day, centre_rules(*centre), today));
  if (!kind) return send_message(view, &*v, res, 404, "web.not_found");
  const Json mark{{"trainee_id", trainee_id}, {"day", format_day(*day)}, {"kind", kind},
                  {"by", v->session.user.login}};
  ServerStore::Beside beside;
  beside.wanted = [&](SqlDb& db) {  // looked at under the centre's lock: two clicks make one mark
    const auto now = centre_trainees(db, id, trainee_id);
    return now.empty() || !now.front().handled.count(*day);
  };
  beside.also = [&](SqlDb& db, const Event&) {
    log_access(db, AccessEntry{v->now_ms, v->session.user.login, "mark_absence_handled", trainee_id,
                               format_day(*day), v->source},
               true);
  };
  view.store.append_server_event(id, ev::kAbsenceHandled, mark, v->now_ms, beside);
  set_security_headers(res);
  res.set_redirect("/centres/" + id + "/absences", 303);
}

}  // namespace ft::server::web
