// decide(): the rules of DOMAIN.md, one function per command.
//
// Sections: refusal helpers · roles · people (enrol, staff, PINs, language,
// locks) · attendance (check-in/out, forgotten check-outs, absence) ·
// skills · stages · notes · dispatch.
#include "terminal/core/decide.hpp"

#include <algorithm>
#include <set>

#include "terminal/core/hosts.hpp"
#include "terminal/core/internship.hpp"
#include "terminal/core/pin.hpp"
#include "terminal/core/progress.hpp"
#include "terminal/core/text.hpp"

namespace ft {

namespace {

// ---- refusal helpers -------------------------------------------------------

Decision refuse(std::string code, std::map<std::string, std::string> params = {}) {
  Decision d;
  d.refusal = Refusal{std::move(code), std::move(params)};
  return d;
}

Decision accept(std::string type, Json payload) {
  Decision d;
  d.events.push_back(Draft{std::move(type), std::move(payload)});
  return d;
}

// Parameters starting with '@' are translation keys (see refusal_text).
std::optional<Decision> check_field(const std::string& value, size_t max, bool newlines, const char* field) {
  if (auto code = check_text(value, max, newlines))
    return refuse(*code, {{"field", std::string("@field.") + field}, {"max", std::to_string(max)}});
  return std::nullopt;
}

bool badge_shape_ok(const std::string& badge) {
  if (badge.size() < 4 || badge.size() > 32) return false;
  return std::all_of(badge.begin(), badge.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool badge_taken(const State& s, const std::string& badge, const std::string& except_id) {
  for (const auto& [id, t] : s.trainees)
    if (t.enrolled && id != except_id && t.badge.value == badge) return true;
  for (const auto& [id, m] : s.staff)
    if (id != except_id && m.badge.value == badge) return true;
  return false;
}

std::optional<Decision> check_badge(const State& s, const std::string& badge, const std::string& owner) {
  if (badge.empty()) return std::nullopt;
  if (!badge_shape_ok(badge)) return refuse("badge_shape");
  if (badge_taken(s, badge, owner)) return refuse("duplicate_badge");
  return std::nullopt;
}

// A refusal may be read on the shared floor screen (a refused card, a
// punch on the board): it names the trainee as the board does, first name
// and last initial, never the full surname (DOMAIN.md, privacy).
std::string public_name(const Trainee& t) { return first_name_last_initial(t.shown_name()); }

bool language_ok(const std::string& l) {
  return l.size() == 2 && std::all_of(l.begin(), l.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

Day course_end(Day start, const Rules& r) { return add_months(start, r.course_months); }

std::optional<Decision> check_course_not_over(const Trainee& t, const Context& ctx) {
  auto start = t.centre_start();
  if (start && ctx.today >= course_end(*start, *ctx.rules))
    return refuse("course_over", {{"name", public_name(t)},
                                  {"months", std::to_string(ctx.rules->course_months)},
                                  {"date", format_day(course_end(*start, *ctx.rules))}});
  return std::nullopt;
}

// Finds a trainee or produces the refusal; trainees acting for themselves only.
const Trainee* find_trainee(const State& s, const std::string& id, const Actor& actor, Decision& refusal) {
  const Trainee* t = s.trainee(id);
  if (!t) {
    refusal = refuse("unknown_trainee", {{"id", id}});
    return nullptr;
  }
  if (actor.role == Role::Trainee && actor.id != id) {
    refusal = refuse("self_only");
    return nullptr;
  }
  return t;
}

// ---- people ----------------------------------------------------------------

Decision enrol(const State& s, const Enrol& c, const Context& ctx) {
  if (auto r = check_field(c.name, kMaxNameChars, false, "name")) return *r;
  if (!c.display_name.empty())
    if (auto r = check_field(c.display_name, kMaxNameChars, false, "display_name")) return *r;
  if (c.pin)
    if (auto bad = check_pin_shape(*c.pin, Role::Trainee)) return refuse(bad->code, bad->params);
  if (auto r = check_badge(s, c.badge, "")) return *r;
  if (!language_ok(c.language)) return refuse("unknown_language", {{"language", c.language}});
  if (!c.waitlist && s.in_centre() >= s.capacity(ctx.rules->capacity))
    return refuse("centre_full", {{"capacity", std::to_string(s.capacity(ctx.rules->capacity))}});
  Decision d;
  d.new_id = ctx.new_id();
  Json p{{"trainee_id", d.new_id}, {"name", trim(c.name)}, {"language", c.language},
         {"stage", c.waitlist ? "referred" : "centre"}, {"day", format_day(ctx.today)}};
  if (!c.display_name.empty()) p["display_name"] = trim(c.display_name);
  if (!c.badge.empty()) p["badge"] = c.badge;
  if (c.pin) p["pin_hash"] = ctx.hash_pin(*c.pin);
  d.events.push_back(Draft{ev::kTraineeEnrolled, std::move(p)});
  return d;
}

Decision add_staff(const State& s, const AddStaff& c, const Context& ctx) {
  if (auto r = check_field(c.name, kMaxNameChars, false, "name")) return *r;
  if (c.role != Role::Instructor && c.role != Role::Supervisor) return refuse("unknown_role");
  if (auto bad = check_pin_shape(c.pin, c.role)) return refuse(bad->code, bad->params);
  if (auto r = check_badge(s, c.badge, "")) return *r;
  Decision d;
  d.new_id = ctx.new_id();
  Json p{{"staff_id", d.new_id}, {"name", trim(c.name)}, {"role", role_name(c.role)},
         {"pin_hash", ctx.hash_pin(c.pin)}, {"day", format_day(ctx.today)}};
  if (!c.badge.empty()) p["badge"] = c.badge;
  d.events.push_back(Draft{ev::kStaffAdded, std::move(p)});
  return d;
}

Decision set_pin(const State& s, const SetPin& c, const Actor& actor, const Context& ctx) {
  const Trainee* t = s.trainee(c.subject_id);
  const Staff* m = s.staff_member(c.subject_id);
  if (!t && !m) return refuse("unknown_person");
  const bool self = actor.id == c.subject_id;
  const bool allowed = self || actor.role == Role::Admin || (t && actor.role == Role::Supervisor);
  if (!allowed) return refuse("not_allowed", {{"role", std::string("@role.") + role_name(actor.role)}, {"action", "@action.set_pin"}});
  if (auto bad = check_pin_shape(c.pin, t ? Role::Trainee : m->role)) return refuse(bad->code, bad->params);
  return accept(ev::kPinSet, {{"person_id", c.subject_id}, {"kind", t ? "trainee" : "staff"}, {"pin_hash", ctx.hash_pin(c.pin)}});
}

Decision set_language(const State& s, const SetLanguage& c, const Actor& actor) {
  Decision refusal;
  if (!find_trainee(s, c.trainee_id, actor, refusal)) return refusal;
  if (c.language.empty() && !c.read_aloud) return refuse("unknown_language", {{"language", ""}});
  if (!c.language.empty() && !language_ok(c.language)) return refuse("unknown_language", {{"language", c.language}});
  Json p{{"trainee_id", c.trainee_id}};
  if (!c.language.empty()) p["language"] = c.language;
  if (c.read_aloud) p["read_aloud"] = *c.read_aloud ? "1" : "0";
  return accept(ev::kTraineeUpdated, std::move(p));
}

Decision lift_lock(const State& s, const LiftLock& c) {
  if (!s.trainee(c.subject_id) && !s.staff_member(c.subject_id)) return refuse("unknown_person");
  return accept(ev::kLockLifted, {{"person_id", c.subject_id}});
}

Decision take_badge(const State& s, const TakeBadge& c) {
  const Trainee* t = s.trainee(c.trainee_id);
  if (!t) return refuse("unknown_trainee", {{"id", c.trainee_id}});
  if (t->badge.value.empty()) return refuse("no_badge", {{"name", public_name(*t)}});
  return accept(ev::kTraineeUpdated, {{"trainee_id", c.trainee_id}, {"badge", ""}});
}

Decision name_centre(const NameCentre& c) {
  if (auto r = check_field(c.name, kMaxNameChars, false, "centre_name")) return *r;
  return accept(ev::kCentreNamed, {{"name", trim(c.name)}});
}

// ---- attendance --------------------------------------------------------------

Decision check_in(const State& s, const CheckIn& c, const Actor& actor, const Context& ctx) {
  Decision refusal;
  const Trainee* t = find_trainee(s, c.trainee_id, actor, refusal);
  if (!t) return refusal;
  if (t->stage() != Stage::Centre) return refuse("not_in_centre", {{"name", public_name(*t)}});
  if (auto r = check_course_not_over(*t, ctx)) return *r;
  auto it = t->days.find(ctx.today);
  if (it != t->days.end() && it->second.has_check_out())
    return refuse("already_checked_out", {{"name", public_name(*t)}, {"time", format_clock(it->second.check_out)}});
  if (it != t->days.end() && it->second.has_check_in()) {
    Decision d;  // a second check-in the same day changes nothing
    d.notice = Refusal{"already_in", {{"name", public_name(*t)}, {"time", format_clock(it->second.check_in)}}};
    return d;
  }
  return accept(ev::kCheckedIn, {{"trainee_id", t->id}, {"day", format_day(ctx.today)}, {"time", format_clock(ctx.minutes)}});
}

Decision check_out(const State& s, const CheckOut& c, const Actor& actor, const Context& ctx) {
  Decision refusal;
  const Trainee* t = find_trainee(s, c.trainee_id, actor, refusal);
  if (!t) return refusal;
  auto it = t->days.find(ctx.today);
  if (it == t->days.end() || !it->second.has_check_in()) return refuse("not_checked_in", {{"name", public_name(*t)}});
  if (it->second.has_check_out()) {
    Decision d;
    d.notice = Refusal{"already_out", {{"name", public_name(*t)}, {"time", format_clock(it->second.check_out)}}};
    return d;
  }
  if (c.by_punch && is_double_tap(it->second, ctx.minutes, *ctx.rules)) {
    Decision d;  // a second tap or scan moments after the check-in: not a check-out
    d.notice = Refusal{"double_tap", {{"name", public_name(*t)}, {"time", format_clock(it->second.check_in)}}};
    return d;
  }
  return accept(ev::kCheckedOut, {{"trainee_id", t->id}, {"day", format_day(ctx.today)}, {"time", format_clock(ctx.minutes)}});
}

template <class Cmd>
Decision answer_checkout(const State& s, const Cmd& c, const Actor& actor, const Context& ctx, const char* type) {
  Decision refusal;
  const Trainee* t = find_trainee(s, c.trainee_id, actor, refusal);
  if (!t) return refusal;
  auto it = t->days.find(c.day);
  const bool missing = c.day < ctx.today && it != t->days.end() && it->second.has_check_in() &&
                       it->second.check_out < 0 && it->second.confirmed_out < 0;
  if (!missing) return refuse("checkout_not_missing", {{"name", public_name(*t)}, {"date", format_day(c.day)}});
  if (c.minutes <= it->second.check_in || c.minutes >= 24 * 60)
    return refuse("time_invalid", {{"time", format_clock(it->second.check_in)}});
  return accept(type, {{"trainee_id", t->id}, {"day", format_day(c.day)}, {"time", format_clock(c.minutes)}});
}

Decision record_absence(const State& s, const RecordAbsence& c, const Actor& actor, const Context& ctx) {
  Decision refusal;
  const Trainee* t = find_trainee(s, c.trainee_id, actor, refusal);
  if (!t) return refusal;
  if (c.day < ctx.today - 366 || c.day > ctx.today + 90) return refuse("date_too_far", {{"date", format_day(c.day)}});
  const bool expected = weekday(c.day) < 5 && !ctx.rules->holidays.count(c.day);
  if (!expected) return refuse("not_expected_day", {{"date", format_day(c.day)}});
  auto it = t->days.find(c.day);
  if (it != t->days.end() && it->second.has_check_in())
    return refuse("present_that_day", {{"name", public_name(*t)}, {"date", format_day(c.day)}});
  if (std::find(std::begin(kAbsenceCauses), std::end(kAbsenceCauses), c.cause) == std::end(kAbsenceCauses))
    return refuse("unknown_cause", {{"cause", c.cause}});
  return accept(ev::kAbsenceRecorded, {{"trainee_id", t->id}, {"day", format_day(c.day)},
                                       {"kind", absence_kind_name(c.kind)}, {"cause", c.cause}});
}

// ---- skills -----------------------------------------------------------------

Decision assess(const State& s, const Assess& c, const Actor& actor, const Context& ctx) {
  if (c.trainee_ids.empty()) return refuse("no_trainees_chosen");
  if (std::set<std::string>(c.trainee_ids.begin(), c.trainee_ids.end()).size() != c.trainee_ids.size())
    return refuse("duplicate_trainee");
  if (!ctx.catalogue->find(c.skill)) return refuse("unknown_skill", {{"skill", c.skill}});
  if (c.level < 1 || c.level > 4) return refuse("level_out_of_range");
  if (!c.note.empty())
    if (auto r = check_field(c.note, kMaxNoteChars, true, "note")) return *r;
  Decision d;
  for (const auto& id : c.trainee_ids) {
    Decision refusal;
    const Trainee* t = find_trainee(s, id, actor, refusal);
    if (!t) return refusal;
    if (t->stage() == Stage::Exited) return refuse("trainee_left", {{"name", public_name(*t)}});
    Json p{{"trainee_id", id}, {"skill", c.skill}, {"level", c.level}, {"day", format_day(ctx.today)}};
    if (!c.note.empty()) p["note"] = c.note;
    d.events.push_back(Draft{ev::kSkillAssessed, std::move(p)});
  }
  return d;
}

// ---- stages -----------------------------------------------------------------

bool transition_allowed(Stage from, Stage to) {
  switch (from) {
    case Stage::Referred: return to == Stage::Centre || to == Stage::Exited;
    case Stage::Centre: return to == Stage::Internship || to == Stage::Employed || to == Stage::Exited;
    case Stage::Internship:
      return to == Stage::Centre || to == Stage::Internship || to == Stage::Employed || to == Stage::Exited;
    case Stage::Employed: return to == Stage::Exited;
    case Stage::Exited: return false;
  }
  return false;
}

std::string stage_param(Stage s) { return std::string("@stage.") + stage_name(s); }

Decision change_stage(const State& s, const ChangeStage& c, const Actor& actor, const Context& ctx) {
  Decision refusal;
  const Trainee* t = find_trainee(s, c.trainee_id, actor, refusal);
  if (!t) return refusal;
  const Stage from = t->stage();
  std::string host = trim(c.host);
  if (from == Stage::Exited) return refuse("trainee_left", {{"name", public_name(*t)}});
  const bool host_change = from == Stage::Internship && c.to == Stage::Internship && host != t->host();
  if (from == c.to && !host_change) return refuse("same_stage", {{"name", public_name(*t)}, {"to", stage_param(c.to)}});
  if (!transition_allowed(from, c.to))
    return refuse("invalid_transition", {{"name", public_name(*t)}, {"from", stage_param(from)}, {"to", stage_param(c.to)}});
  if (c.to == Stage::Employed && host.empty()) host = t->host();
  if (c.to == Stage::Internship || c.to == Stage::Employed) {
    if (host.empty()) return refuse("host_required");
    if (auto r = check_field(host, kMaxHostChars, false, "host")) return *r;
  }
  if (c.to == Stage::Exited &&
      std::find(std::begin(kExitReasons), std::end(kExitReasons), c.exit_reason) == std::end(kExitReasons))
    return refuse("exit_reason_required", {{"reasons", "other_job, education, sickness, moved, dropped_out, other"}});
  if (c.to == Stage::Centre || c.to == Stage::Internship)
    if (auto r = check_course_not_over(*t, ctx)) return *r;
  if (c.to == Stage::Centre && s.in_centre() >= s.capacity(ctx.rules->capacity))
    return refuse("centre_full", {{"capacity", std::to_string(s.capacity(ctx.rules->capacity))}});
  Json p{{"trainee_id", t->id}, {"to", stage_name(c.to)}, {"day", format_day(ctx.today)}};
  if (c.to == Stage::Internship || c.to == Stage::Employed) p["host"] = host;
  if (c.to == Stage::Exited) p["exit_reason"] = c.exit_reason;
  return accept(ev::kStageChanged, std::move(p));
}

Decision confirm_internship(const State& s, const ConfirmInternship& c, const Actor& actor, const Context& ctx) {
  Decision refusal;
  const Trainee* t = find_trainee(s, c.trainee_id, actor, refusal);
  if (!t) return refusal;
  if (t->stage() != Stage::Internship) return refuse("not_in_internship", {{"name", public_name(*t)}});
  return accept(ev::kInternshipConfirmed, {{"trainee_id", t->id}, {"host", t->host()}, {"day", format_day(ctx.today)}});
}

// ---- internships -------------------------------------------------------------

Decision register_host(const RegisterHost& c, const Context& ctx) {
  if (auto r = check_field(c.name, kMaxHostChars, false, "host")) return *r;
  const auto cvr = normalise_cvr(c.cvr);
  if (!cvr || !cvr_valid(*cvr)) return refuse("cvr_invalid", {{"cvr", c.cvr}});
  if (c.staff < 0 || c.staff > 1000000) return refuse("staff_invalid");
  return accept(ev::kHostRegistered, {{"cvr", *cvr}, {"name", trim(c.name)}, {"staff", c.staff},
                                      {"day", format_day(ctx.today)}});
}

// A host by CVR number, else by its name as registered (case as typed is kept; compared exactly, trimmed).
const Host* find_host(const State& s, const std::string& text) {
  if (auto cvr = normalise_cvr(text)) {
    auto it = s.hosts.find(*cvr);
    if (it != s.hosts.end()) return &it->second;
  }
  const std::string name = trim(text);
  for (const auto& [cvr, h] : s.hosts)
    if (h.name == name) return &h;
  return nullptr;
}

Decision agree_internship(const State& s, const AgreeInternship& c, const Actor& actor, const Context& ctx) {
  Decision refusal;
  const Trainee* t = find_trainee(s, c.trainee_id, actor, refusal);
  if (!t) return refusal;
  const Stage from = t->stage();
  if (from == Stage::Exited) return refuse("trainee_left", {{"name", public_name(*t)}});
  if (from != Stage::Centre && from != Stage::Internship)
    return refuse("invalid_transition", {{"name", public_name(*t)}, {"from", stage_param(from)}, {"to", stage_param(Stage::Internship)}});
  const Host* host = find_host(s, c.host);
  if (!host) return refuse("unknown_host", {{"host", c.host}});
  const Approval* approval = current_approval(*t);
  if (auto r = check_agreement_terms(c.weeks, c.hours, c.purpose, approval ? std::optional<int>(approval->weeks) : std::nullopt))
    return refuse(r->code, r->params);
  if (auto r = check_field(trim(c.purpose), kMaxNoteChars, true, "purpose")) return *r;
  if (c.start < ctx.today - 366 || c.start > ctx.today + 366) return refuse("date_too_far", {{"date", format_day(c.start)}});
  if (auto r = check_course_not_over(*t, ctx)) return *r;
  const Agreement* current = current_agreement(*t);
  const bool extension = from == Stage::Internship && current && current->cvr == host->cvr;
  Decision d;
  if (!extension)
    d.events.push_back(Draft{ev::kStageChanged, {{"trainee_id", t->id}, {"to", "internship"}, {"host", host->name},
                                                 {"day", format_day(ctx.today)}}});
  // Not refused over the ratio: the jobcentre may know of other placements
  // (wage subsidy counts too); the agreement carries the flag and says why.
  const int places = host_places(host->staff);
  const bool over = placed_with(s, host->cvr, t->id) + 1 > places;
  d.events.push_back(Draft{ev::kInternshipAgreed, {{"trainee_id", t->id}, {"host", host->name}, {"cvr", host->cvr},
                                                   {"start", format_day(c.start)}, {"weeks", c.weeks}, {"hours", c.hours},
                                                   {"purpose", trim(c.purpose)}, {"over_ratio", over},
                                                   {"day", format_day(ctx.today)}}});
  if (over)
    d.notice = Refusal{"host_over_ratio", {{"host", host->name}, {"places", std::to_string(places)},
                                          {"staff", std::to_string(host->staff)}}};
  return d;
}

// ---- notes ------------------------------------------------------------------

Decision add_note(const State& s, const AddNote& c, const Actor& actor, const Context& ctx) {
  Decision refusal;
  const Trainee* t = find_trainee(s, c.trainee_id, actor, refusal);
  if (!t) return refusal;
  if (auto r = check_field(c.text, kMaxNoteChars, true, "note")) return *r;
  return accept(ev::kNoteAdded, {{"trainee_id", t->id}, {"text", c.text}, {"shared", c.shared},
                                 {"health", c.health}, {"day", format_day(ctx.today)}});
}

// ---- privacy ----------------------------------------------------------------

Decision erase_trainee(const State& s, const EraseTrainee& c, const Context& ctx) {
  const Trainee* t = s.trainee(c.trainee_id);
  if (!t) return refuse("unknown_trainee", {{"id", c.trainee_id}});
  if (t->redacted) return refuse("already_erased");
  const auto ended = t->ended_on();
  if (!ended || ctx.today - *ended < ctx.rules->erase_after_days)
    return refuse("not_expired", {{"days", std::to_string(ctx.rules->erase_after_days)}});
  return accept(ev::kTraineeRedacted, {{"trainee_id", t->id}, {"day", format_day(ctx.today)}});
}

// ---- roles ------------------------------------------------------------------

template <class... Ts>
struct overloaded : Ts... { using Ts::operator()...; };
template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;

}  // namespace

std::vector<Lowering> lowerings(const State& s, const Assess& c) {
  std::vector<Lowering> out;
  for (const std::string& id : c.trainee_ids) {
    const Trainee* t = s.trainee(id);
    if (!t) continue;
    const auto latest = t->latest_assessments();
    auto it = latest.find(c.skill);
    if (it != latest.end() && it->second->level > c.level) out.push_back({id, it->second->level});
  }
  return out;
}

bool is_double_tap(const AttendanceDay& day, int minutes, const Rules& rules) {
  if (!day.has_check_in() || day.has_check_out()) return false;
  return (minutes - day.check_in) * 60 < rules.double_tap_seconds;
}

std::optional<Day> unanswered_checkout(const Trainee& t, Day today, const Rules& rules) {
  const Day last = last_expected_day_before(today, rules);
  auto it = t.days.find(last);
  if (it == t.days.end()) return std::nullopt;
  const AttendanceDay& d = it->second;
  if (!d.has_check_in() || d.has_check_out() || d.proposed_out >= 0) return std::nullopt;
  return last;
}

Punch decide_punch(const Trainee& t, Day today, int minutes, const Rules& rules) {
  Punch p;
  auto it = t.days.find(today);
  const bool inside = it != t.days.end() && it->second.has_check_in() && !it->second.has_check_out();
  if (inside) {
    p.kind = is_double_tap(it->second, minutes, rules) ? Punch::DoubleTap : Punch::CheckOut;
    if (p.kind == Punch::DoubleTap) p.since = it->second.check_in;
    return p;
  }
  if (auto missing = unanswered_checkout(t, today, rules)) {
    p.kind = Punch::MorningQuestion;
    p.ask_about = missing;
  }
  return p;
}

const char* command_name(const Command& c) {
  static const char* const names[] = {"enrol", "add_staff", "check_in", "check_out", "assess",
                                      "change_stage", "record_absence", "add_note", "confirm_internship",
                                      "propose_checkout", "confirm_checkout", "set_pin", "set_language",
                                      "lift_lock", "name_centre", "erase_trainee", "take_badge",
                                      "register_host", "agree_internship"};
  return names[c.index()];
}

bool role_may(Role role, const Command& c) {
  const bool staff = role == Role::Instructor || role == Role::Supervisor;
  const bool supervisor = role == Role::Supervisor;
  const bool admin = role == Role::Admin;
  const bool trainee = role == Role::Trainee;
  return std::visit(
      overloaded{
          [&](const Enrol&) { return supervisor || admin; },
          [&](const AddStaff&) { return admin; },
          [&](const CheckIn&) { return trainee || staff; },
          [&](const CheckOut&) { return trainee || staff; },
          [&](const Assess&) { return staff; },
          [&](const ChangeStage&) { return supervisor; },
          [&](const RecordAbsence&) { return supervisor; },
          [&](const AddNote&) { return staff; },
          [&](const ConfirmInternship&) { return supervisor; },
          [&](const ProposeCheckout&) { return trainee || staff; },
          [&](const ConfirmCheckout&) { return staff; },
          [&](const SetPin&) { return true; },  // self, or by rank: checked in set_pin()
          [&](const SetLanguage&) { return true; },
          [&](const LiftLock&) { return staff || admin; },
          [&](const NameCentre&) { return admin; },
          [&](const EraseTrainee&) { return admin; },
          [&](const TakeBadge&) { return supervisor || admin; },
          [&](const RegisterHost&) { return supervisor || admin; },
          [&](const AgreeInternship&) { return supervisor; },
      },
      c);
}

Decision decide(const State& s, const Command& command, const Actor& actor, const Context& ctx) {
  if (!role_may(actor.role, command))
    return refuse("not_allowed", {{"role", std::string("@role.") + role_name(actor.role)},
                                  {"action", std::string("@action.") + command_name(command)}});
  return std::visit(
      overloaded{
          [&](const Enrol& c) { return enrol(s, c, ctx); },
          [&](const AddStaff& c) { return add_staff(s, c, ctx); },
          [&](const CheckIn& c) { return check_in(s, c, actor, ctx); },
          [&](const CheckOut& c) { return check_out(s, c, actor, ctx); },
          [&](const Assess& c) { return assess(s, c, actor, ctx); },
          [&](const ChangeStage& c) { return change_stage(s, c, actor, ctx); },
          [&](const RecordAbsence& c) { return record_absence(s, c, actor, ctx); },
          [&](const AddNote& c) { return add_note(s, c, actor, ctx); },
          [&](const ConfirmInternship& c) { return confirm_internship(s, c, actor, ctx); },
          [&](const ProposeCheckout& c) { return answer_checkout(s, c, actor, ctx, ev::kCheckoutProposed); },
          [&](const ConfirmCheckout& c) { return answer_checkout(s, c, actor, ctx, ev::kCheckoutConfirmed); },
          [&](const SetPin& c) { return set_pin(s, c, actor, ctx); },
          [&](const SetLanguage& c) { return set_language(s, c, actor); },
          [&](const LiftLock& c) { return lift_lock(s, c); },
          [&](const NameCentre& c) { return name_centre(c); },
          [&](const EraseTrainee& c) { return erase_trainee(s, c, ctx); },
          [&](const TakeBadge& c) { return take_badge(s, c); },
          [&](const RegisterHost& c) { return register_host(c, ctx); },
          [&](const AgreeInternship& c) { return agree_internship(s, c, actor, ctx); },
      },
      command);
}

}  // namespace ft
