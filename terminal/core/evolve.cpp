// Sections: helpers · per-event folds · evolve(), fold() and RowFolder.
//
// The folds are templates over the payload type (payload.hpp): nlohmann::json
// for Event objects, FlatPayload for rows read straight from the events table
// when the state is rebuilt. One body of code, so both paths agree by
// construction; the event's own fields arrive as views (In<P>).
#include "terminal/core/evolve.hpp"

#include <algorithm>
#include <tuple>

namespace ft {

namespace {
using namespace payload;

template <class P>
struct In {  // one event as the folds see it
  std::string_view event_id;
  std::string_view terminal_id;
  std::string_view actor_id;
  Hlc hlc;
  const P& p;
  // The jobcentre's by where it came from, not by the actor the writer chose.
  bool from_server() const { return terminal_id == kServerTerminalId; }
};

template <class T>
void insert_sorted(std::vector<T>& v, T item) {
  auto key = [](const T& x) { return std::tie(x.hlc, x.event_id); };
  // Events mostly arrive in hlc order: check the end before searching.
  if (v.empty() || key(v.back()) < key(item)) {
    v.push_back(std::move(item));
    return;
  }
  auto pos = std::lower_bound(v.begin(), v.end(), item, [&](const T& a, const T& b) { return key(a) < key(b); });
  if (pos != v.end() && pos->event_id == item.event_id) return;  // already folded
  v.insert(pos, std::move(item));
}

// find() before emplace: looking up an existing person builds no key string.
template <class Person>
Person& person(std::map<std::string, Person, std::less<>>& people, std::string_view id) {
  auto it = people.find(id);
  if (it == people.end()) {
    it = people.emplace(std::string(id), Person{}).first;
    it->second.id = it->first;
  }
  return it->second;
}

template <class P>
Trainee& trainee_for(State& s, const P& p) {
  return person(s.trainees, str_view(p, "trainee_id"));  // a missing id folds into "" as it always has
}

template <class P>
void set_if_present(Register& r, const In<P>& e, const char* key) {
  if (auto v = text(e.p, key)) r.set(*v, e.hlc, e.event_id);
}

template <class P>
void enrolled(State& s, const In<P>& e) {
  auto& t = trainee_for(s, e.p);
  const auto day = payload::day(e.p);
  const auto stage = parse_stage(str_view(e.p, "stage"));
  if (t.id.empty() || !day || !stage) return;
  t.enrolled = true;
  t.enrolled_day = *day;
  set_if_present(t.name, e, "name");
  set_if_present(t.display_name, e, "display_name");
  set_if_present(t.language, e, "language");
  set_if_present(t.badge, e, "badge");
  set_if_present(t.pin_hash, e, "pin_hash");
  insert_sorted(t.stages, StageChange{std::string(e.event_id), e.hlc, *day, *stage, "", ""});
}

template <class P>
void updated(State& s, const In<P>& e) {
  auto& t = trainee_for(s, e.p);
  for (auto [key, reg] : {std::pair{"name", &t.name},
                          {"display_name", &t.display_name},
                          {"language", &t.language},
                          {"badge", &t.badge},
                          {"read_aloud", &t.read_aloud}})
    set_if_present(*reg, e, key);
}

template <class P>
void pin_set(State& s, const In<P>& e) {
  const auto id = str_view(e.p, "person_id");
  const auto hash = str_view(e.p, "pin_hash");
  if (id.empty()) return;
  if (str_view(e.p, "kind") == "staff")
    person(s.staff, id).pin_hash.set(hash, e.hlc, e.event_id);
  else
    person(s.trainees, id).pin_hash.set(hash, e.hlc, e.event_id);
}

template <class P>
void staff_added(State& s, const In<P>& e) {
  const auto id = str_view(e.p, "staff_id");
  const auto role = parse_role(str_view(e.p, "role"));
  if (id.empty() || !role) return;
  auto& m = person(s.staff, id);
  if (m.name.set(str_view(e.p, "name"), e.hlc, e.event_id)) m.role = *role;
  set_if_present(m.pin_hash, e, "pin_hash");
  set_if_present(m.badge, e, "badge");
  set_if_present(m.language, e, "language");
}

template <class P>
void checked_in(State& s, const In<P>& e) {
  const auto day = payload::day(e.p);
  const auto time = clock(e.p);
  if (!day || !time) return;
  auto& d = trainee_for(s, e.p).days[*day];
  // The day keeps its earliest check-in: a second one, wherever it happened, changes nothing.
  if (!d.has_check_in() || e.hlc < d.in_hlc || (e.hlc == d.in_hlc && e.event_id < std::string_view(d.in_event))) {
    d.check_in = *time;
    d.in_hlc = e.hlc;
    d.in_event = e.event_id;
  }
}

template <class P>
void checked_out(State& s, const In<P>& e) {
  const auto day = payload::day(e.p);
  const auto time = clock(e.p);
  if (!day || !time) return;
  auto& d = trainee_for(s, e.p).days[*day];
  if (e.hlc > d.out_hlc) {  // the latest check-out of the day counts
    d.check_out = *time;
    d.out_hlc = e.hlc;
  }
}

template <class P>
void checkout_answered(State& s, const In<P>& e, bool confirmed) {
  const auto day = payload::day(e.p);
  const auto time = clock(e.p);
  if (!day || !time) return;
  auto& d = trainee_for(s, e.p).days[*day];
  if (confirmed && e.hlc > d.confirmed_hlc) {
    d.confirmed_out = *time;
    d.confirmed_hlc = e.hlc;
    d.confirmed_by = e.actor_id;
  } else if (!confirmed && e.hlc > d.proposed_hlc) {
    d.proposed_out = *time;
    d.proposed_hlc = e.hlc;
  }
}

template <class P>
void absence(State& s, const In<P>& e) {
  const auto day = payload::day(e.p);
  const auto kind = parse_absence_kind(str_view(e.p, "kind"));
  if (!day || !kind) return;
  auto& a = trainee_for(s, e.p).absences[*day];
  if (e.hlc > a.hlc || (e.hlc == a.hlc && e.event_id > std::string_view(a.event_id)))
    a = Absence{*kind, str(e.p, "cause"), std::string(e.actor_id), e.hlc, std::string(e.event_id)};
}

template <class P>
void absence_handled(State& s, const In<P>& e) {
  const auto day = payload::day(e.p);
  const auto kind = str_view(e.p, "kind");
  if (!day || (kind != "no_show" && kind != "late")) return;
  if (!e.from_server()) return;  // only the jobcentre marks an absence handled (ev::is_jobcentre_only)
  auto& t = trainee_for(s, e.p);
  auto it = t.handled.find(*day);
  // The earliest mark counts, whichever arrives first: a second POST or a second server changes nothing.
  if (it != t.handled.end() &&
      (it->second.hlc < e.hlc || (it->second.hlc == e.hlc && std::string_view(it->second.event_id) <= e.event_id)))
    return;
  t.handled[*day] = HandledMark{std::string(kind), str(e.p, "by"), e.hlc, std::string(e.event_id)};
}

template <class P>
void assessed(State& s, const In<P>& e) {
  const auto day = payload::day(e.p);
  const auto level = integer(e.p, "level");
  if (!day || !level) return;
  insert_sorted(trainee_for(s, e.p).assessments,
                Assessment{std::string(e.event_id), e.hlc, *day, str(e.p, "skill"), static_cast<int>(*level),
                           str(e.p, "note"), std::string(e.actor_id)});
}

template <class P>
void stage_changed(State& s, const In<P>& e) {
  const auto day = payload::day(e.p);
  const auto to = parse_stage(str_view(e.p, "to"));
  if (!day || !to) return;
  insert_sorted(trainee_for(s, e.p).stages,
                StageChange{std::string(e.event_id), e.hlc, *day, *to, str(e.p, "host"), str(e.p, "exit_reason")});
}

template <class P>
void internship_confirmed(State& s, const In<P>& e) {
  const auto day = payload::day(e.p);
  auto& t = trainee_for(s, e.p);
  if (day && e.hlc > t.internship_confirmed_hlc) {
    t.internship_confirmed_hlc = e.hlc;
    t.internship_confirmed_day = *day;
  }
}

template <class P>
void host_registered(State& s, const In<P>& e) {
  const auto cvr = str_view(e.p, "cvr");
  const auto staff = integer(e.p, "staff");
  if (cvr.empty() || !staff) return;
  auto it = s.hosts.find(cvr);
  if (it == s.hosts.end()) it = s.hosts.emplace(std::string(cvr), Host{}).first;
  Host& h = it->second;
  if (e.hlc > h.hlc || (e.hlc == h.hlc && e.event_id > std::string_view(h.event_id)))
    h = Host{std::string(cvr), str(e.p, "name"), static_cast<int>(*staff), e.hlc, std::string(e.event_id)};
}

template <class P>
void internship_agreed(State& s, const In<P>& e) {
  const auto day = payload::day(e.p);
  const auto start = parse_day(str_view(e.p, "start"));
  const auto weeks = integer(e.p, "weeks");
  const auto hours = integer(e.p, "hours");
  if (!day || !start || !weeks || !hours) return;
  insert_sorted(trainee_for(s, e.p).agreements,
                Agreement{std::string(e.event_id), e.hlc, *day, str(e.p, "host"), str(e.p, "cvr"), *start,
                          static_cast<int>(*weeks), static_cast<int>(*hours), str(e.p, "purpose"),
                          flag(e.p, "over_ratio")});
}

template <class P>
void internship_approved(State& s, const In<P>& e) {
  const auto day = payload::day(e.p);
  const auto weeks = integer(e.p, "weeks");
  if (!day || !weeks) return;
  // Only the jobcentre approves: an approval counts when it came from the
  // server. Any other is the terminal's own; it counts only as a stand-in
  // (the demo's, marked stand_in, made while no jobcentre is connected) until
  // the jobcentre is heard from, and never after (jobcentre_heard()). One in
  // the jobcentre's name not from the server is a forgery and never counts,
  // also on the terminal that wrote it (the server refused it).
  const bool stand_in = !e.from_server();
  if (stand_in && (s.jobcentre_connected || !flag(e.p, "stand_in") || e.actor_id == kJobcentreActor)) return;
  insert_sorted(trainee_for(s, e.p).approvals,
                Approval{std::string(e.event_id), e.hlc, *day, static_cast<int>(*weeks), stand_in});
}

// The first event of the jobcentre's: the real jobcentre decides from now
// on, so stand-in approvals stop counting. Either order of the two gives the
// same state: without stand-ins once any jobcentre event is in the log.
void jobcentre_heard(State& s) {
  s.jobcentre_connected = true;
  for (auto& [id, t] : s.trainees)
    std::erase_if(t.approvals, [](const Approval& a) { return a.stand_in; });
}

template <class P>
void note_added(State& s, const In<P>& e) {
  const auto day = payload::day(e.p);
  if (!day) return;
  insert_sorted(trainee_for(s, e.p).notes, Note{std::string(e.event_id), e.hlc, *day, std::string(e.actor_id),
                                                str(e.p, "text"), flag(e.p, "shared"), flag(e.p, "health")});
}

template <class P>
void redacted(State& s, const In<P>& e) {
  trainee_for(s, e.p).redacted = true;
}

}  // namespace

void scrub(Trainee& t) {
  for (Register* r : {&t.name, &t.display_name, &t.badge, &t.pin_hash}) r->value.clear();
  for (auto& n : t.notes) n.text.clear();
  for (auto& a : t.assessments) a.note.clear();
  for (auto& a : t.agreements) a.purpose.clear();
}

namespace {

template <class P>
void evolve_one(State& s, std::string_view type, const In<P>& e) {
  s.event_count += 1;
  if (e.hlc > s.max_hlc) s.max_hlc = e.hlc;
  const bool about_the_day = type == ev::kCheckedIn || type == ev::kCheckedOut || type == ev::kCheckoutProposed ||
                             type == ev::kCheckoutConfirmed || type == ev::kAbsenceRecorded || type == ev::kAbsenceHandled ||
                             type == ev::kSkillAssessed || type == ev::kNoteAdded;
  if (!about_the_day) s.people_version += 1;  // any other type, also one added later, may change a person
  if (!s.jobcentre_connected && e.from_server()) jobcentre_heard(s);
  if (type == ev::kCentreNamed) {
    s.centre_name.set(str_view(e.p, "name"), e.hlc, e.event_id);
    if (auto capacity = integer(e.p, "capacity")) s.centre_capacity.set(std::to_string(*capacity), e.hlc, e.event_id);
  }
  else if (type == ev::kTraineeEnrolled)
    enrolled(s, e);
  else if (type == ev::kTraineeUpdated)
    updated(s, e);
  else if (type == ev::kPinSet)
    pin_set(s, e);
  else if (type == ev::kStaffAdded)
    staff_added(s, e);
  else if (type == ev::kCheckedIn)
    checked_in(s, e);
  else if (type == ev::kCheckedOut)
    checked_out(s, e);
  else if (type == ev::kCheckoutProposed)
    checkout_answered(s, e, false);
  else if (type == ev::kCheckoutConfirmed)
    checkout_answered(s, e, true);
  else if (type == ev::kAbsenceRecorded)
    absence(s, e);
  else if (type == ev::kAbsenceHandled)
    absence_handled(s, e);
  else if (type == ev::kSkillAssessed)
    assessed(s, e);
  else if (type == ev::kStageChanged)
    stage_changed(s, e);
  else if (type == ev::kInternshipConfirmed)
    internship_confirmed(s, e);
  else if (type == ev::kNoteAdded)
    note_added(s, e);
  else if (type == ev::kHostRegistered)
    host_registered(s, e);
  else if (type == ev::kInternshipAgreed)
    internship_agreed(s, e);
  else if (type == ev::kInternshipApproved)
    internship_approved(s, e);
  else if (type == ev::kTraineeRedacted)
    redacted(s, e);
  // LockLifted and unknown types: recorded in the log, nothing to fold.

  // Erasure wins over anything about the person that arrives after it.
  if (auto id = text(e.p, "trainee_id")) {
    auto it = s.trainees.find(*id);
    if (it != s.trainees.end() && it->second.redacted) scrub(it->second);
  }
}
}  // namespace

void evolve(State& s, const Event& e) { evolve_one(s, e.type, In<Json>{e.event_id, e.terminal_id, e.actor_id, e.hlc, e.payload}); }

State fold(const std::vector<Event>& events) {
  State s;
  for (const auto& e : events) evolve(s, e);
  return s;
}

void RowFolder::fold(const EventRow& row) {
  if (flat_.parse(row.payload_json)) {
    evolve_one(state_, row.type, In<FlatPayload>{row.event_id, row.terminal_id, row.actor_id, row.hlc, flat_});
    return;
  }
  // Not a flat object (nested, odd numbers, not JSON at all): nlohmann reads
  // it exactly as load_events() does, text it cannot parse as an empty object.
  Json p = Json::parse(row.payload_json, nullptr, false);
  if (p.is_discarded()) p = Json::object();
  evolve_one(state_, row.type, In<Json>{row.event_id, row.terminal_id, row.actor_id, row.hlc, p});
}

}  // namespace ft
