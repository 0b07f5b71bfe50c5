// Sections: helpers · per-event folds · evolve() and fold().
#include "terminal/core/evolve.hpp"

#include <algorithm>
#include <tuple>

#include "terminal/core/payload.hpp"

namespace ft {

namespace {
using namespace payload;

template <class T>
void insert_sorted(std::vector<T>& v, T item) {
  auto key = [](const T& x) { return std::tie(x.hlc, x.event_id); };
  auto pos = std::lower_bound(v.begin(), v.end(), item, [&](const T& a, const T& b) { return key(a) < key(b); });
  if (pos != v.end() && pos->event_id == item.event_id) return;  // already folded
  v.insert(pos, std::move(item));
}

Trainee& trainee_for(State& s, const Json& p) {
  const auto id = str(p, "trainee_id");
  auto& t = s.trainees[id];
  t.id = id;
  return t;
}

void set_if_present(Register& r, const Json& p, const char* key, const Event& e) {
  if (p.contains(key) && p[key].is_string()) r.set(p[key].get<std::string>(), e.hlc, e.event_id);
}

void enrolled(State& s, const Event& e) {
  const auto& p = e.payload;
  auto& t = trainee_for(s, p);
  const auto day = payload::day(p);
  const auto stage = parse_stage(str(p, "stage"));
  if (t.id.empty() || !day || !stage) return;
  t.enrolled = true;
  t.enrolled_day = *day;
  set_if_present(t.name, p, "name", e);
  set_if_present(t.display_name, p, "display_name", e);
  set_if_present(t.language, p, "language", e);
  set_if_present(t.badge, p, "badge", e);
  set_if_present(t.pin_hash, p, "pin_hash", e);
  insert_sorted(t.stages, StageChange{e.event_id, e.hlc, *day, *stage, "", ""});
}

void updated(State& s, const Event& e) {
  auto& t = trainee_for(s, e.payload);
  for (auto [key, reg] : {std::pair{"name", &t.name}, {"display_name", &t.display_name},
                          {"language", &t.language}, {"badge", &t.badge}, {"read_aloud", &t.read_aloud}})
    set_if_present(*reg, e.payload, key, e);
}

void pin_set(State& s, const Event& e) {
  const auto id = str(e.payload, "person_id");
  const auto hash = str(e.payload, "pin_hash");
  if (id.empty()) return;
  if (str(e.payload, "kind") == "staff") {
    auto& m = s.staff[id];
    m.id = id;
    m.pin_hash.set(hash, e.hlc, e.event_id);
  } else {
    auto& t = s.trainees[id];
    t.id = id;
    t.pin_hash.set(hash, e.hlc, e.event_id);
  }
}

void staff_added(State& s, const Event& e) {
  const auto& p = e.payload;
  const auto id = str(p, "staff_id");
  const auto role = parse_role(str(p, "role"));
  if (id.empty() || !role) return;
  auto& m = s.staff[id];
  m.id = id;
  if (m.name.set(str(p, "name"), e.hlc, e.event_id)) m.role = *role;
  set_if_present(m.pin_hash, p, "pin_hash", e);
  set_if_present(m.badge, p, "badge", e);
  set_if_present(m.language, p, "language", e);
}

void checked_in(State& s, const Event& e) {
  const auto day = payload::day(e.payload);
  const auto time = clock(e.payload);
  if (!day || !time) return;
  auto& d = trainee_for(s, e.payload).days[*day];
  // The day keeps its earliest check-in: a second one, wherever it happened, changes nothing.
  if (!d.has_check_in() || std::tie(e.hlc, e.event_id) < std::tie(d.in_hlc, d.in_event)) {
    d.check_in = *time;
    d.in_hlc = e.hlc;
    d.in_event = e.event_id;
  }
}

void checked_out(State& s, const Event& e) {
  const auto day = payload::day(e.payload);
  const auto time = clock(e.payload);
  if (!day || !time) return;
  auto& d = trainee_for(s, e.payload).days[*day];
  if (e.hlc > d.out_hlc) {  // the latest check-out of the day counts
    d.check_out = *time;
    d.out_hlc = e.hlc;
  }
}

void checkout_answered(State& s, const Event& e, bool confirmed) {
  const auto day = payload::day(e.payload);
  const auto time = clock(e.payload);
  if (!day || !time) return;
  auto& d = trainee_for(s, e.payload).days[*day];
  if (confirmed && e.hlc > d.confirmed_hlc) {
    d.confirmed_out = *time;
    d.confirmed_hlc = e.hlc;
    d.confirmed_by = e.actor_id;
  } else if (!confirmed && e.hlc > d.proposed_hlc) {
    d.proposed_out = *time;
    d.proposed_hlc = e.hlc;
  }
}

void absence(State& s, const Event& e) {
  const auto day = payload::day(e.payload);
  const auto kind = parse_absence_kind(str(e.payload, "kind"));
  if (!day || !kind) return;
  auto& a = trainee_for(s, e.payload).absences[*day];
  if (std::tie(e.hlc, e.event_id) > std::tie(a.hlc, a.event_id)) {
    a = Absence{*kind, str(e.payload, "cause"), e.actor_id, e.hlc, e.event_id};
  }
}

void assessed(State& s, const Event& e) {
  const auto& p = e.payload;
  const auto day = payload::day(p);
  const auto level = integer(p, "level");
  if (!day || !level) return;
  insert_sorted(trainee_for(s, p).assessments,
                Assessment{e.event_id, e.hlc, *day, str(p, "skill"), static_cast<int>(*level), str(p, "note"), e.actor_id});
}

void stage_changed(State& s, const Event& e) {
  const auto& p = e.payload;
  const auto day = payload::day(p);
  const auto to = parse_stage(str(p, "to"));
  if (!day || !to) return;
  insert_sorted(trainee_for(s, p).stages, StageChange{e.event_id, e.hlc, *day, *to, str(p, "host"), str(p, "exit_reason")});
}

void internship_confirmed(State& s, const Event& e) {
  const auto day = payload::day(e.payload);
  auto& t = trainee_for(s, e.payload);
  if (day && e.hlc > t.internship_confirmed_hlc) {
    t.internship_confirmed_hlc = e.hlc;
    t.internship_confirmed_day = *day;
  }
}

void note_added(State& s, const Event& e) {
  const auto& p = e.payload;
  const auto day = payload::day(p);
  if (!day) return;
  insert_sorted(trainee_for(s, p).notes,
                Note{e.event_id, e.hlc, *day, e.actor_id, str(p, "text"), flag(p, "shared"), flag(p, "health")});
}

void redacted(State& s, const Event& e) {
  trainee_for(s, e.payload).redacted = true;
}

// What erasure leaves of a trainee: the facts without the person (attendance
// and skills stay, pseudonymous, for the centre's statistics).
void scrub(Trainee& t) {
  for (Register* r : {&t.name, &t.display_name, &t.badge, &t.pin_hash}) r->value.clear();
  for (auto& n : t.notes) n.text.clear();
  for (auto& a : t.assessments) a.note.clear();
}
}  // namespace

void evolve(State& s, const Event& e) {
  s.event_count += 1;
  if (e.hlc > s.max_hlc) s.max_hlc = e.hlc;
  const std::string& type = e.type;
  if (type == ev::kCentreNamed) s.centre_name.set(payload::str(e.payload, "name"), e.hlc, e.event_id);
  else if (type == ev::kTraineeEnrolled) enrolled(s, e);
  else if (type == ev::kTraineeUpdated) updated(s, e);
  else if (type == ev::kPinSet) pin_set(s, e);
  else if (type == ev::kStaffAdded) staff_added(s, e);
  else if (type == ev::kCheckedIn) checked_in(s, e);
  else if (type == ev::kCheckedOut) checked_out(s, e);
  else if (type == ev::kCheckoutProposed) checkout_answered(s, e, false);
  else if (type == ev::kCheckoutConfirmed) checkout_answered(s, e, true);
  else if (type == ev::kAbsenceRecorded) absence(s, e);
  else if (type == ev::kSkillAssessed) assessed(s, e);
  else if (type == ev::kStageChanged) stage_changed(s, e);
  else if (type == ev::kInternshipConfirmed) internship_confirmed(s, e);
  else if (type == ev::kNoteAdded) note_added(s, e);
  else if (type == ev::kTraineeRedacted) redacted(s, e);
  // LockLifted and unknown types: recorded in the log, nothing to fold.

  // Erasure wins over anything about the person that arrives after it.
  if (auto id = e.payload.find("trainee_id"); id != e.payload.end() && id->is_string()) {
    auto it = s.trainees.find(id->get<std::string>());
    if (it != s.trainees.end() && it->second.redacted) scrub(it->second);
  }
}

State fold(const std::vector<Event>& events) {
  State s;
  for (const auto& e : events) evolve(s, e);
  return s;
}

}  // namespace ft
