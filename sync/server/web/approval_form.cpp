// The internship on a trainee's page, and the jobcentre's approval of it from
// the web view (issue 20; docs/internships.md). Everyone who sees the trainee
// sees the agreement and the approval that counts now; a caseworker of the
// trainee's centre also gets the form: the bases of the rule set in force on
// the placement's start (today when no agreement is known yet), each with its
// limit in words, the weeks in all, and a reason (required by the bases that
// say so). Supervisors and administrators do not approve: the approval is the
// jobcentre's decision (DOMAIN.md, "Internships by law"), and a caseworker is
// the jobcentre's person here; a supervisor is the centre's, whose agreement
// the approval bounds, and an administrator keeps the accounts.
//
// The POST goes through approve_internship() (sync/server/jobcentre.hpp), the
// one implementation the command line uses too; its refusal comes back as a
// code and shows in the user's language above the form, with what was typed
// kept, and nothing is written. An approval and its access-log row are one
// transaction.
//
// Sections: words · the section on the trainee's page · the form · the POST.
#include <httplib.h>

#include "sync/server/jobcentre.hpp"
#include "sync/server/web/security.hpp"
#include "sync/server/web/web_view.hpp"
#include "terminal/core/internship.hpp"
#include "terminal/core/text.hpp"

namespace ft::server::web {

namespace {

constexpr int kMaxFormWeeks = 104;  // as the command line's --weeks

// ---- words ------------------------------------------------------------------------------------

// "lab61-13w: at most 13 weeks in all (activity-ready, ...)": the limit in words, and the groups
// the law names for the bases we know (a municipality's own keys go without).
std::string basis_words(const ApprovalBasis& b, const Translations& tr) {
  std::string words =
      b.extension ? tr("web.approval.basis_extension", {{"basis", b.key},
                                                        {"max", std::to_string(b.max_weeks)},
                                                        {"after", std::to_string(b.after_weeks)}})
                  : tr("web.approval.basis_max", {{"basis", b.key}, {"max", std::to_string(b.max_weeks)}});
  if (b.reason_required && !b.extension) words += " " + tr("web.approval.needs_reason");
  const std::string about = "web.approval.about." + b.key;
  if (tr.has(about)) words += " (" + tr(about) + ")";
  return words;
}

bool may_approve(const Visit& v) { return v.session.user.role == UserRole::Caseworker; }

// ---- the section on the trainee's page ---------------------------------------------------------

std::string facts(const Trainee& t, Day today, const Translations& tr) {
  std::string h = "<dl class=\"facts\">";
  auto fact = [&](const std::string& label, const std::string& value) {
    h += "<dt>" + escape(label) + "</dt><dd>" + escape(value) + "</dd>";
  };
  const Agreement* a = current_agreement(t);
  const Approval* approval = current_approval(t);
  if (a) {
    fact(tr("web.trainee.host"), a->host + " (CVR " + a->cvr + ")");
    fact(tr("web.approval.start"), day_words(tr, a->start));
    fact(tr("web.approval.agreed"), tr("web.approval.weeks_hours", {{"weeks", std::to_string(a->weeks)},
                                                                    {"hours", std::to_string(a->hours)}}));
    fact(tr("web.approval.purpose"), a->purpose);
  }
  fact(tr("web.approval.approved"),
       approval ? tr("web.approval.approved_weeks", {{"weeks", std::to_string(approval->weeks)},
                                                      {"day", day_words(tr, approval->day)}})
                : tr("web.approval.none"));
  if (auto view = current_internship(t, today)) fact(tr("web.approval.ends"), day_words(tr, view->ends));
  return h + "</dl>\n";
}

// ---- the form ---------------------------------------------------------------------------------

struct Typed {
  std::string basis, weeks, reason;
};

std::string form(WebView& view, const Visit& v, const Trainee& t, const Typed& typed) {
  const Translations& tr = *v.tr;
  const Day start = approval_start(t, local_day(v.now_ms));  // the set approve_internship() checks against
  const ApprovalRuleSet* set = rule_set_in_force(view.options.approval_rules, start);
  if (!set)
    return "<p class=\"notice\">" + escape(tr("web.approval.refusal.no_rule_set", {{"date", day_words(tr, start)}})) +
           "</p>\n";
  std::string h = "<form method=\"post\" class=\"approval\" action=\"/trainees/" + escape(t.id) +
                  "/internship-approval\">" + csrf_field(v.session.csrf) + "<fieldset><legend>" +
                  escape(tr("web.approval.basis")) + "</legend><p class=\"muted\">" +
                  escape(tr("web.approval.basis_hint", {{"date", day_words(tr, set->from)}, {"start", day_words(tr, start)}})) +
                  "</p>\n";
  for (const auto& b : set->bases) {
    const std::string id = "basis-" + b.key;
    h += "<div class=\"radio\"><input type=\"radio\" name=\"basis\" required id=\"" + escape(id) + "\" value=\"" +
         escape(b.key) + "\"" + (typed.basis == b.key ? " checked" : "") + "><label for=\"" + escape(id) + "\">" +
         escape(basis_words(b, tr)) + "</label></div>\n";
  }
  h += "</fieldset><label for=\"weeks\">" + escape(tr("web.approval.weeks")) +
       "</label><input type=\"number\" id=\"weeks\" name=\"weeks\" required min=\"1\" max=\"" +
       std::to_string(kMaxFormWeeks) + "\" inputmode=\"numeric\" value=\"" + escape(typed.weeks) +
       "\"><label for=\"reason\">" + escape(tr("web.approval.reason")) +
       "</label><textarea id=\"reason\" name=\"reason\" rows=\"3\" maxlength=\"" + std::to_string(kMaxNoteChars) +
       "\">" + escape(typed.reason) + "</textarea><button type=\"submit\">" + escape(tr("web.approval.submit")) +
       "</button></form>\n";
  return h;
}

// A whole number of weeks from 1 to kMaxFormWeeks, or 0.
int weeks_of(const std::string& text) {
  if (text.empty() || text.size() > 3) return 0;
  int n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + (c - '0');
  }
  return n <= kMaxFormWeeks ? n : 0;
}

}  // namespace

std::string approval_section(WebView& view, const Visit& v, const Trainee& t) {
  const Translations& tr = *v.tr;
  std::string h = "<section id=\"internship\"><h2>" + escape(tr("web.approval.title")) + "</h2>\n" +
                  facts(t, local_day(v.now_ms), tr);
  if (may_approve(v) && approvable(t)) h += "<h3>" + escape(tr("web.approval.form_title")) + "</h3>\n" + form(view, v, t, {});
  return h + "</section>\n";
}

// ---- the POST ---------------------------------------------------------------------------------

void handle_approve_internship(WebView& view, const httplib::Request& req, httplib::Response& res) {
  auto v = open_visit(view, req, res);
  if (!v) return;
  if (!masked_secret_matches(v->session.csrf, form_value(req, "csrf")))
    return send_message(view, &*v, res, 403, "web.csrf");
  if (!may_approve(*v)) return send_message(view, &*v, res, 403, "web.approval.not_allowed");
  // Another centre's trainee reads as unknown, as on the page itself.
  auto seen = seen_trainee(view, *v, req.matches[1]);
  if (!seen) return send_message(view, &*v, res, 404, "web.not_found");
  const Trainee& t = seen->trainee;
  const Typed typed{form_value(req, "basis"), form_value(req, "weeks"), form_value(req, "reason")};
  const int weeks = weeks_of(typed.weeks);
  Created outcome;
  if (typed.basis.empty()) {
    outcome.refusal = Refusal{"basis_missing", {}};
  } else if (weeks == 0) {
    outcome.refusal = Refusal{"weeks_invalid", {{"max", std::to_string(kMaxFormWeeks)}}};
  } else {
    const AccessEntry entry{v->now_ms, v->session.user.login, "approve_internship", t.id,
                            seen->centre.id + " " + std::to_string(weeks) + " weeks", v->source};
    outcome = approve_internship(view.store, seen->centre.id, t.id, weeks, typed.basis, typed.reason,
                                 view.options.approval_rules, v->now_ms,
                                 [&](SqlDb& db, const Event&) { log_access(db, entry, true); });
  }
  if (outcome.id) {
    set_security_headers(res);
    res.set_redirect("/trainees/" + t.id + "#internship", 303);
    return;
  }
  // Refused: the form again with the sentence on top and what was typed; nothing was written.
  const Translations& tr = *v->tr;
  const Refusal& r = *outcome.refusal;
  std::string body = "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2>" +
                     escape(tr("web.login.error_title")) + "</h2><p>" +
                     escape(tr("web.approval.refusal." + r.code, days_worded(tr, r.params))) + "</p></div>\n" +
                     facts(t, local_day(v->now_ms), tr) + form(view, *v, t, typed);
  log_look(view, *v, "view_trainee", t.id, seen->centre.id);
  PageFrame f = frame_for(*v, tr("web.approval.form_title") + " – " + t.name.value);
  f.back_href = "/trainees/" + t.id;
  f.back_label = t.name.value;
  send_html(res, 422, page(f, body, tr));
}

}  // namespace ft::server::web
