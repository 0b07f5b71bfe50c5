// Referrals and staff accounts made at the jobcentre; see jobcentre.hpp.
#include "sync/server/jobcentre.hpp"

#include <ctime>

#include "sync/server/secrets.hpp"
#include "terminal/core/dates.hpp"
#include "terminal/core/internship.hpp"
#include "terminal/core/pin.hpp"
#include "terminal/core/state.hpp"
#include "terminal/core/text.hpp"

namespace ft::server {

Day local_day(std::int64_t now_ms) {
  std::time_t t = static_cast<std::time_t>(now_ms / 1000);
  std::tm tm{};
  localtime_r(&t, &tm);
  return day_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

std::optional<std::string> name_problem(const std::string& name) {
  if (auto code = check_text(name, kMaxNameChars, false)) {
    if (*code == "text_empty") return "The name is empty.";
    if (*code == "text_too_long") return "The name is longer than " + std::to_string(kMaxNameChars) + " characters.";
    return "The name has control characters or is not valid UTF-8.";
  }
  return std::nullopt;
}

Created add_referral(ServerStore& store, const std::string& centre_id, const std::string& name, std::int64_t now_ms) {
  if (auto problem = name_problem(name)) return {std::nullopt, *problem};
  const std::string id = new_event_id(now_ms);  // a UUIDv7 like the terminal's new_id
  Json p{{"trainee_id", id}, {"name", trim(name)}, {"language", "da"}, {"stage", "referred"},
         {"day", format_day(local_day(now_ms))}};
  store.append_server_event(centre_id, ev::kTraineeEnrolled, p, now_ms);
  return {id, ""};
}

Created add_staff(ServerStore& store, const std::string& centre_id, const std::string& name,
                  const std::string& role_text, const std::string& pin, std::int64_t now_ms) {
  if (auto problem = name_problem(name)) return {std::nullopt, *problem};
  auto role = parse_role(role_text);
  if (!role || (*role != Role::Instructor && *role != Role::Supervisor))
    return {std::nullopt, "The role must be instructor or supervisor."};
  if (check_pin_shape(pin, *role)) return {std::nullopt, "A staff PIN is 5 to 8 digits."};
  const std::string id = new_event_id(now_ms);
  Json p{{"staff_id", id}, {"name", trim(name)}, {"role", role_name(*role)}, {"pin_hash", hash_pin(pin)},
         {"day", format_day(local_day(now_ms))}};
  store.append_server_event(centre_id, ev::kStaffAdded, p, now_ms);
  return {id, ""};
}

std::optional<std::string> refused_from_terminal(const Event& e) {
  if (ev::is_jobcentre_only(e.type) || e.actor_id == kJobcentreActor)
    return "An internship approval or a handled absence, like anything in the jobcentre's name, is made on the "
           "municipal server (sync-server approve-internship or the web view), not on a terminal; this one was not "
           "accepted.";
  return std::nullopt;
}

void erase_bases_of_erased(SqlDb& db, const std::string& centre_id, const std::vector<Event>& events) {
  for (const auto& e : events) {
    if (e.type != ev::kTraineeRedacted) continue;
    auto id = e.payload.find("trainee_id");
    if (id == e.payload.end() || !id->is_string()) continue;
    SqlStmt(db, "DELETE FROM internship_bases WHERE centre_id=? AND trainee_id=?")
        .bind(1, centre_id)
        .bind(2, id->get<std::string>())
        .run();
  }
}

// The refusal as the caseworker reads it on the command line; the web view has its own words for each code.
std::string approval_sentence(const Refusal& r) {
  auto p = [&](const char* k) { return r.params.count(k) ? r.params.at(k) : std::string(); };
  if (r.code == "approval_over_limit")
    return "An approval on " + p("basis") + " is at most " + p("max") + " weeks in all under the rules in force from " +
           p("date") + "; " + p("weeks") + " weeks cannot be approved.";
  if (r.code == "extension_needs_approval")
    return p("basis") + " extends an approval of at least " + p("after") +
           " weeks; approve that first (rules in force from " + p("date") + ").";
  if (r.code == "reason_required") return "An approval on " + p("basis") + " needs a reason: give --reason TEXT.";
  if (r.code == "unknown_basis")
    return "There is no basis " + p("basis") + " in the rules in force from " + p("date") +
           "; the bases are lab61-4w, lab61-8w, lab61-13w, lab61-26w and lab61-further-13w unless configured otherwise.";
  if (r.code == "no_rule_set") return "No internship rules are in force on " + p("date") + ".";
  if (r.code == "reason_invalid") return "The reason has control characters, is not valid UTF-8 or is too long.";
  if (r.code == "no_trainee") return "There is no trainee with the id " + p("trainee") + " in this centre.";
  if (r.code == "trainee_not_active") return "The trainee is no longer in the centre or an internship.";
  return "The weeks must be a whole number of at least 1.";
}

Day approval_start(const Trainee& t, Day today) {
  const Agreement* agreement = current_agreement(t);
  return agreement ? agreement->start : today;
}

bool approvable(const Trainee& t) { return t.stage() != Stage::Exited && t.stage() != Stage::Employed; }

namespace {
Created refused(Refusal r) {
  Created c{std::nullopt, approval_sentence(r), std::nullopt};
  c.refusal = std::move(r);
  return c;
}
}  // namespace

Created approve_internship(ServerStore& store, const std::string& centre_id, const std::string& trainee_id, int weeks,
                           const std::string& basis, const std::string& reason,
                           const std::vector<ApprovalRuleSet>& rules, std::int64_t now_ms,
                           const std::function<void(SqlDb&, const Event&)>& within) {
  if (auto code = check_text(reason, kMaxNoteChars, false); code && *code != "text_empty")
    return refused({"reason_invalid", {{"max", std::to_string(kMaxNoteChars)}}});
  std::optional<Trainee> trainee;
  for (auto& t : store.trainees(centre_id))
    if (t.id == trainee_id && t.enrolled) trainee = std::move(t);
  if (!trainee) return refused({"no_trainee", {{"trainee", trainee_id}}});
  if (!approvable(*trainee)) return refused({"trainee_not_active", {}});
  const Day today = local_day(now_ms);
  const Approval* before = current_approval(*trainee);
  const Agreement* agreement = current_agreement(*trainee);
  const Day start = approval_start(*trainee, today);
  if (auto r = check_approval(rules, start, basis, weeks, before ? before->weeks : 0, reason)) {
    r->params["weeks"] = std::to_string(weeks);  // what was asked, for the sentence
    return refused(std::move(*r));
  }
  Json p{{"trainee_id", trainee_id}, {"weeks", weeks}, {"day", format_day(today)}};
  if (agreement) p["until"] = format_day(agreement->start + 7 * weeks - 1);  // shown to staff; the fold derives it
  const Event e = store.append_approval(centre_id, p, basis, trim(reason), now_ms, within);
  return {e.event_id, "", std::nullopt};
}

}  // namespace ft::server
