// Jobcentre-side events made on the server: a referral (a citizen sent to
// the centre, waiting in stage "referred"), a staff account and an
// internship approval. Their payloads match what terminal/core/decide.cpp
// writes for Enrol{waitlist} and AddStaff, so evolve() folds them like any
// terminal's. Only the server makes them: a terminal's attempt is refused
// (refused_from_terminal()), and an approval's legal basis, kept here,
// leaves with the person on erasure (erase_bases_of_erased()).
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sync/server/server_store.hpp"
#include "terminal/core/approval_rules.hpp"
#include "terminal/core/dates.hpp"

namespace ft::server {

struct Created {
  std::optional<std::string> id;  // the new trainee or staff id
  std::string error;              // a sentence when refused (English, for the command line)
  // The refusal as a code and its parameters, for a page in the user's language
  // (approve_internship's; the web view's texts have "web.approval.refusal.<code>").
  std::optional<Refusal> refusal;
};

// Both go into one centre's log, so only that centre's terminals receive them.
Created add_referral(ServerStore& store, const std::string& centre_id, const std::string& name, std::int64_t now_ms);
Created add_staff(ServerStore& store, const std::string& centre_id, const std::string& name, const std::string& role,
                  const std::string& pin, std::int64_t now_ms);
// The jobcentre approves an internship for `weeks` in all on a legal `basis`
// (approval_config.hpp), checked against the rule set in force on the
// placement's start (today when no agreement is known yet). Only the weeks
// and the end date go to the terminals; the basis and reason stay here.
// `id` is the approval's event id; when refused, `refusal` the code
// (check_approval()'s, or "reason_invalid", "no_trainee", "trainee_not_active")
// and `error` its sentence naming the limit. `within`, if given, runs in the
// approval's own transaction (the web view logs the change to the person there).
Created approve_internship(ServerStore& store, const std::string& centre_id, const std::string& trainee_id, int weeks,
                           const std::string& basis, const std::string& reason,
                           const std::vector<ApprovalRuleSet>& rules, std::int64_t now_ms,
                           const std::function<void(SqlDb&, const Event&)>& within = {});
// Why the approval cannot be given as `db` holds the centre now, if it
// cannot: approve_internship() asks it again inside its own transaction,
// under the centre's lock, so a decision made on a stale snapshot is not written.
std::optional<Refusal> approval_refused_in(SqlDb& db, const std::string& centre_id, const std::string& trainee_id,
                                           int weeks, const std::string& basis, const std::string& reason,
                                           const std::vector<ApprovalRuleSet>& rules, Day today);
// The day whose rule set an approval is checked against: the start of the
// trainee's current agreement, or `today` when none is known yet.
Day approval_start(const Trainee& t, Day today);
// Whether an approval can still be given: not once the trainee is employed or has left.
bool approvable(const Trainee& t);
// The English sentence for an approval's refusal (the command line's).
std::string approval_sentence(const Refusal& r);
// Why the server refuses `e` from a terminal, if it does: the jobcentre's
// events (the types of ev::is_jobcentre_only(), or anything in the
// jobcentre's name) are made here, never on a terminal, so a terminal cannot
// forge an approval or a handled absence.
std::optional<std::string> refused_from_terminal(const Event& e);
// For each TraineeRedacted among `events` (just stored in `centre_id`), deletes
// the trainee's rows of internship_bases: the legal basis tells the citizen's
// category and the reason is free text about them, so both go with the
// person's other data (docs/privacy.md). In the caller's transaction.
void erase_bases_of_erased(SqlDb& db, const std::string& centre_id, const std::vector<Event>& events);
// The server's local calendar day (the centres and the jobcentre share a time zone).
Day local_day(std::int64_t now_ms);
// The sentence for a centre or terminal name that cannot be used, if any.
std::optional<std::string> name_problem(const std::string& name);

}  // namespace ft::server
