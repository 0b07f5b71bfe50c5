// Referrals and staff accounts made at the jobcentre; see jobcentre.hpp.
#include "sync/server/jobcentre.hpp"

#include <ctime>

#include "sync/server/projection.hpp"
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
  if (r.code == "already_approved") return p("weeks") + " weeks in all are approved already; nothing was changed.";
  return "The weeks must be a whole number of at least 1.";
}

Day approval_start(const Trainee& t, Day today) {
  const Agreement* agreement = current_agreement(t);
  return agreement ? agreement->start : today;
}

bool approvable(const Trainee& t) {
  return !t.redacted && t.stage() != Stage::Exited && t.stage() != Stage::Employed;
}

namespace {
Created refused(Refusal r) {
  Created c{std::nullopt, approval_sentence(r), std::nullopt};
  c.refusal = std::move(r);
  return c;
}
}  // namespace

namespace {
// Why `trainee` (as the store holds it now) cannot be approved `weeks` in all
// on `basis`, if it cannot. Asked twice: on a snapshot, for a quick answer,
// and again under the centre's lock in the approval's own transaction, where
// the answer holds.
std::optional<Refusal> approval_refusal(const std::optional<Trainee>& trainee, const std::string& trainee_id,
                                        int weeks, const std::string& basis, const std::string& reason,
                                        const std::vector<ApprovalRuleSet>& rules, Day today) {
  if (!trainee) return Refusal{"no_trainee", {{"trainee", trainee_id}}};
  if (!approvable(*trainee)) return Refusal{"trainee_not_active", {}};
  const Approval* before = current_approval(*trainee);
  // The same weeks in all once more (a double click, a form sent twice, two
  // caseworkers deciding alike): already done, nothing to write.
  if (before && before->weeks == weeks) return Refusal{"already_approved", {{"weeks", std::to_string(weeks)}}};
  if (auto r = check_approval(rules, approval_start(*trainee, today), basis, weeks, before ? before->weeks : 0, reason)) {
    r->params["weeks"] = std::to_string(weeks);  // what was asked, for the sentence
    return r;
  }
  return std::nullopt;
}

std::optional<Trainee> enrolled_trainee(std::vector<Trainee> trainees, const std::string& trainee_id) {
  for (auto& t : trainees)
    // t is an element of the vector taken by value, not a local: without the move it would be copied.
    // cppcheck-suppress returnStdMoveLocal
    if (t.id == trainee_id && t.enrolled) return std::move(t);
  return std::nullopt;
}
}  // namespace

std::optional<Refusal> approval_refused_in(SqlDb& db, const std::string& centre_id, const std::string& trainee_id,
                                           int weeks, const std::string& basis, const std::string& reason,
                                           const std::vector<ApprovalRuleSet>& rules, Day today) {
  return approval_refusal(enrolled_trainee(centre_trainees(db, centre_id, trainee_id), trainee_id), trainee_id, weeks,
                          basis, reason, rules, today);
}

Created approve_internship(ServerStore& store, const std::string& centre_id, const std::string& trainee_id, int weeks,
                           const std::string& basis, const std::string& reason,
                           const std::vector<ApprovalRuleSet>& rules, std::int64_t now_ms,
                           const std::function<void(SqlDb&, const Event&)>& within) {
  if (auto code = check_text(reason, kMaxNoteChars, false); code && *code != "text_empty")
    return refused({"reason_invalid", {{"max", std::to_string(kMaxNoteChars)}}});
  const Day today = local_day(now_ms);
  const std::optional<Trainee> trainee = enrolled_trainee(store.trainees(centre_id), trainee_id);
  if (auto r = approval_refusal(trainee, trainee_id, weeks, basis, reason, rules, today)) return refused(std::move(*r));
  Json p{{"trainee_id", trainee_id}, {"weeks", weeks}, {"day", format_day(today)}};
  if (const Agreement* agreement = current_agreement(*trainee))  // shown to staff; the fold derives it
    p["until"] = format_day(agreement->start + 7 * weeks - 1);
  // The snapshot may be stale by the time the write lock is held: an exit or
  // an erasure pushed meanwhile, another caseworker's approval, the same form
  // twice. Decided again there, so none of them writes an approval or a basis.
  std::optional<Refusal> late;
  auto still = [&](SqlDb& db) {
    late = approval_refused_in(db, centre_id, trainee_id, weeks, basis, reason, rules, today);
    return !late;
  };
  const auto e = store.append_approval(centre_id, p, basis, trim(reason), now_ms, within, still);
  if (!e) return refused(std::move(*late));
  return {e->event_id, "", std::nullopt};
}

}  // namespace ft::server
