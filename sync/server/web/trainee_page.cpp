// One trainee's whole picture: the guarantee status and its reasons, the
// stages and host, an attendance calendar of the last 8 weeks (SVG,
// svg_calendar.hpp) with each absence and its kind below it in words,
// skills by category against their targets, and the notes marked for sharing. Health notes show only to supervisors and only
// when asked for (?health=1), and that look is logged as its own action.
//
// Sections: absences · skills · notes · the page.
#include <httplib.h>

#include "sync/server/jobcentre.hpp"
#include "sync/server/projection.hpp"
#include "sync/server/status.hpp"
#include "sync/server/web/svg_calendar.hpp"
#include "sync/server/web/svg_charts.hpp"
#include "sync/server/web/web_view.hpp"
#include "terminal/core/progress.hpp"

namespace ft::server::web {

namespace {

std::string td(const std::string& text) { return "<td>" + escape(text) + "</td>"; }

// ---- absences ---------------------------------------------------------------------------------

std::string absences(const Trainee& t, const Translations& tr) {
  if (t.absences.empty()) return "<p>" + escape(tr("web.trainee.no_absences")) + "</p>\n";
  std::string h = "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">" + escape(tr("report.date")) +
                  "</th><th scope=\"col\">" + escape(tr("report.col.kind")) + "</th><th scope=\"col\">" +
                  escape(tr("report.col.cause")) + "</th></tr></thead><tbody>\n";
  for (auto it = t.absences.rbegin(); it != t.absences.rend(); ++it)  // newest first
    h += "<tr><td>" + day_time_html(tr, it->first) + "</td>" + td(tr(std::string("absence.") + absence_kind_name(it->second.kind))) +
         td(tr("cause." + it->second.cause)) + "</tr>\n";
  return h + "</tbody></table></div>\n";
}

// ---- skills -----------------------------------------------------------------------------------

std::string skills(const Trainee& t, const Catalogue& catalogue, const Translations& tr) {
  const auto latest = t.latest_assessments();
  std::string h;
  for (const auto& category : catalogue.categories) {
    std::string rows;
    for (const auto& sk : catalogue.skills) {
      if (sk.category != category.key) continue;
      auto it = latest.find(sk.key);
      const int level = it == latest.end() ? 0 : it->second->level;
      const bool at_target = level >= sk.target;
      rows += "<tr><th scope=\"row\">" + escape(sk.label(tr.language)) + "</th>" +
              td(level ? std::to_string(level) : tr("web.trainee.not_assessed")) + td(std::to_string(sk.target)) +
              "<td>" + (at_target ? "<span class=\"ok\">✓</span>" : "") + "</td></tr>\n";
    }
    if (rows.empty()) continue;
    h += "<h3>" + escape(category.label(tr.language)) +
         "</h3>\n<div class=\"table-wrap\"><table class=\"skills\"><thead><tr>"
         "<th scope=\"col\">" +
         escape(tr("report.col.skill")) + "</th><th scope=\"col\">" + escape(tr("web.trainee.level")) +
         "</th><th scope=\"col\">" + escape(tr("web.trainee.target")) +
         "</th><th scope=\"col\"><span class=\"visually-hidden\">" + escape(tr("web.trainee.target")) +
         "</span></th></tr></thead><tbody>\n" + rows + "</tbody></table></div>\n";
  }
  return h;
}

// ---- notes ------------------------------------------------------------------------------------

std::string notes(const Trainee& t, bool health, const Translations& tr) {
  std::string h;
  for (auto it = t.notes.rbegin(); it != t.notes.rend(); ++it) {
    if (it->health != health || (!health && !it->shared)) continue;
    h += "<li><span class=\"muted\">" + day_time_html(tr, it->day) + "</span> " + escape(it->text) + "</li>\n";
  }
  if (h.empty()) return "<p>" + escape(tr(health ? "web.trainee.no_health" : "web.trainee.no_notes")) + "</p>\n";
  return "<ul class=\"notes\">\n" + h + "</ul>\n";
}

}  // namespace

// ---- the page ---------------------------------------------------------------------------------

void handle_trainee(WebView& view, const httplib::Request& req, httplib::Response& res) {
  auto v = open_visit(view, req, res);
  if (!v) return;
  const std::string id = req.matches[1];
  const FoundTrainee found = find_trainee(view, id);
  // Unknown and walled-off read the same, so the page does not tell who is in the programme.
  if (!found.trainee || !v->session.user.sees_centre(found.centre_id))
    return send_message(view, &*v, res, 404, "web.not_found");
  const Trainee& t = *found.trainee;
  const std::optional<CentreInfo> centre = centre_by_id(view, found.centre_id);
  if (!centre) return send_message(view, &*v, res, 404, "web.not_found");
  const Translations& tr = *v->tr;
  const Rules rules = centre_rules(*centre);
  const Day today = local_day(v->now_ms);
  const Progress p = progress(t, view.catalogue, rules, today);
  const bool supervisor = v->session.user.role == UserRole::Supervisor;
  const bool show_health = supervisor && req.has_param("health") && req.get_param_value("health") == "1";

  std::string body = "<section><h2>" + escape(tr("web.trainee.overview")) + "</h2><dl class=\"facts\">";
  auto fact = [&](const std::string& label, const std::string& value) {
    body += "<dt>" + escape(label) + "</dt><dd>" + escape(value) + "</dd>";
  };
  fact(tr("web.trainee.centre"), centre->name);
  fact(tr("web.col.stage"), tr(std::string("stage.") + stage_name(t.stage())));
  if (!t.host().empty()) fact(tr("web.trainee.host"), t.host());
  fact(tr("web.trainee.started"), p.started ? day_words(tr, *p.started) : "–");
  if (p.started)
    fact(tr("web.col.month"), tr("web.month_of", {{"month", std::to_string(static_cast<int>(p.months_in_course) + 1)},
                                                  {"total", std::to_string(rules.course_months)}}));
  fact(tr("web.trainee.days_left"), p.days_left ? std::to_string(*p.days_left) : "–");
  fact(tr("web.col.guarantee"), tr(std::string("guarantee.") + guarantee_name(p.status)));
  body += "</dl><ul class=\"reasons\">";
  for (const auto& r : p.reasons)
    body += "<li>" + escape(refusal_text(tr, Refusal{r.code, days_worded(tr, r.params)}, "reason.")) + "</li>";
  body += "</ul><p><a href=\"/trainees/" + escape(t.id) + "/report.pdf" + (show_health ? "?health=1" : "") + "\">" +
          escape(tr("web.report.pdf")) + "</a></p></section>\n";

  body += "<section><h2>" + escape(tr("web.trainee.stages")) + "</h2>" +
          timeline_svg(t, p, rules, today, tr) +
          "<div class=\"table-wrap\"><table><thead><tr>"
          "<th scope=\"col\">" +
          escape(tr("report.date")) + "</th><th scope=\"col\">" + escape(tr("web.col.stage")) +
          "</th><th scope=\"col\">" + escape(tr("web.trainee.host")) + "</th></tr></thead><tbody>\n";
  for (const auto& c : t.stages)
    body += "<tr><td>" + day_time_html(tr, c.day) + "</td>" + td(tr(std::string("stage.") + stage_name(c.to))) +
            td(c.to == Stage::Exited ? tr("exit." + (c.exit_reason.empty() ? std::string("other") : c.exit_reason))
                                     : c.host) +
            "</tr>\n";
  body += "</tbody></table></div></section>\n";
  body += approval_section(view, *v, t);

  body += "<section><h2>" + escape(tr("web.trainee.calendar")) + "</h2>\n" + calendar_svg(t, rules, today, tr) + "<h3>" +
          escape(tr("web.trainee.absences")) + "</h3>\n" + absences(t, tr) + "</section>\n";
  body += "<section><h2>" + escape(tr("web.trainee.skills")) + " (" + std::to_string(p.skills_at_target) + "/" +
          std::to_string(p.skills_required) + ")</h2>\n" +
          skills_svg(t, p, view.catalogue, rules, today, tr) + skills(t, view.catalogue, tr) + "</section>\n";
  body += "<section><h2>" + escape(tr("web.trainee.notes")) + "</h2>\n" + notes(t, false, tr);
  if (show_health)
    body += "<h3>" + escape(tr("web.trainee.health_title")) + "</h3>\n" + notes(t, true, tr);
  else if (supervisor)
    body += "<p><a href=\"/trainees/" + escape(t.id) + "?health=1\">" + escape(tr("web.trainee.health_show")) +
            "</a></p>\n";
  body += "</section>\n";

  log_look(view, *v, "view_trainee", t.id, found.centre_id);
  if (show_health) log_look(view, *v, "view_health_notes", t.id, found.centre_id);
  PageFrame f = frame_for(*v, t.name.value);
  f.back_href = "/centres/" + found.centre_id;
  f.back_label = tr("web.trainee.back");
  send_html(res, 200, page(f, body, tr));
}

}  // namespace ft::server::web
