// Compact arrays rather than objects: the server reads and writes these rows
// on every event.
#include "terminal/core/trainee_codec.hpp"

#include <algorithm>
#include <tuple>

namespace ft {

// A field added to Trainee must be added here too, or the server's picture
// silently loses it. (Sizes as on x86_64 with libstdc++, where CI builds.)
static_assert(sizeof(void*) != 8 || sizeof(Trainee) == 760,
              "Trainee changed: add the new field to the codec, then update this size");

namespace {

Json reg(const Register& r) { return Json::array({r.value, r.hlc, r.event_id}); }
void reg(const Json& j, Register& r) {
  r.value = j.at(0).get<std::string>();
  r.hlc = j.at(1).get<Hlc>();
  r.event_id = j.at(2).get<std::string>();
}

}  // namespace

Json trainee_core_to_json(const Trainee& t) {
  return Json{{"id", t.id},
              {"enrolled", t.enrolled},
              {"name", reg(t.name)},
              {"display_name", reg(t.display_name)},
              {"language", reg(t.language)},
              {"badge", reg(t.badge)},
              {"pin_hash", reg(t.pin_hash)},
              {"read_aloud", reg(t.read_aloud)},
              {"enrolled_day", t.enrolled_day},
              {"internship_confirmed", {t.internship_confirmed_hlc, t.internship_confirmed_day}},
              {"redacted", t.redacted}};
}

void trainee_core_from_json(const Json& j, Trainee& t) {
  t.id = j.at("id").get<std::string>();
  t.enrolled = j.at("enrolled").get<bool>();
  reg(j.at("name"), t.name);
  reg(j.at("display_name"), t.display_name);
  reg(j.at("language"), t.language);
  reg(j.at("badge"), t.badge);
  reg(j.at("pin_hash"), t.pin_hash);
  reg(j.at("read_aloud"), t.read_aloud);
  t.enrolled_day = j.at("enrolled_day").get<Day>();
  t.internship_confirmed_hlc = j.at("internship_confirmed").at(0).get<Hlc>();
  t.internship_confirmed_day = j.at("internship_confirmed").at(1).get<Day>();
  t.redacted = j.at("redacted").get<bool>();
}

Json trainee_day_to_json(const Trainee& t, Day day) {
  Json j{{"a", nullptr}, {"b", nullptr}};
  if (auto it = t.days.find(day); it != t.days.end()) {
    const auto& d = it->second;
    j["a"] = {d.check_in, d.in_hlc, d.in_event, d.check_out, d.out_hlc, d.proposed_out, d.proposed_hlc,
              d.confirmed_out, d.confirmed_hlc, d.confirmed_by};
  }
  if (auto it = t.absences.find(day); it != t.absences.end()) {
    const auto& a = it->second;
    j["b"] = {absence_kind_name(a.kind), a.cause, a.recorded_by, a.hlc, a.event_id};
  }
  if (auto it = t.handled.find(day); it != t.handled.end()) {
    const auto& h = it->second;
    j["h"] = {h.kind, h.by, h.hlc, h.event_id};
  }
  return j;
}

void trainee_day_from_json(const Json& j, Day day, Trainee& t) {
  if (const auto& d = j.at("a"); !d.is_null()) {
    AttendanceDay a;
    a.check_in = d.at(0).get<int>();
    a.in_hlc = d.at(1).get<Hlc>();
    a.in_event = d.at(2).get<std::string>();
    a.check_out = d.at(3).get<int>();
    a.out_hlc = d.at(4).get<Hlc>();
    a.proposed_out = d.at(5).get<int>();
    a.proposed_hlc = d.at(6).get<Hlc>();
    a.confirmed_out = d.at(7).get<int>();
    a.confirmed_hlc = d.at(8).get<Hlc>();
    a.confirmed_by = d.at(9).get<std::string>();
    t.days[day] = std::move(a);
  }
  if (const auto& b = j.at("b"); !b.is_null())
    t.absences[day] = Absence{parse_absence_kind(b.at(0).get<std::string>()).value_or(AbsenceKind::Sick),
                              b.at(1).get<std::string>(), b.at(2).get<std::string>(), b.at(3).get<Hlc>(),
                              b.at(4).get<std::string>()};
  // Rows written before the jobcentre's marks were events have no "h".
  if (auto h = j.find("h"); h != j.end() && !h->is_null())
    t.handled[day] = HandledMark{h->at(0).get<std::string>(), h->at(1).get<std::string>(), h->at(2).get<Hlc>(),
                                 h->at(3).get<std::string>()};
}

const char* trainee_item_name(TraineeItem kind) {
  switch (kind) {
    case TraineeItem::Stage: return "stage";
    case TraineeItem::Assessment: return "assessment";
    case TraineeItem::Note: return "note";
    case TraineeItem::Agreement: return "agreement";
    case TraineeItem::Approval: return "approval";
  }
  return "note";
}

Json stage_to_json(const StageChange& c) {
  return {c.event_id, c.hlc, c.day, stage_name(c.to), c.host, c.exit_reason};
}
Json assessment_to_json(const Assessment& a) { return {a.event_id, a.hlc, a.day, a.skill, a.level, a.note, a.by}; }
Json note_to_json(const Note& n) { return {n.event_id, n.hlc, n.day, n.by, n.text, n.shared, n.health}; }
Json agreement_to_json(const Agreement& a) {
  return {a.event_id, a.hlc, a.day, a.host, a.cvr, a.start, a.weeks, a.hours, a.purpose, a.over_ratio};
}
Json approval_to_json(const Approval& a) { return {a.event_id, a.hlc, a.day, a.weeks}; }

void trainee_item_from_json(TraineeItem kind, const Json& c, Trainee& t) {
  if (kind == TraineeItem::Stage)
    t.stages.push_back(StageChange{c.at(0).get<std::string>(), c.at(1).get<Hlc>(), c.at(2).get<Day>(),
                                   parse_stage(c.at(3).get<std::string>()).value_or(Stage::Referred),
                                   c.at(4).get<std::string>(), c.at(5).get<std::string>()});
  else if (kind == TraineeItem::Assessment)
    t.assessments.push_back(Assessment{c.at(0).get<std::string>(), c.at(1).get<Hlc>(), c.at(2).get<Day>(),
                                       c.at(3).get<std::string>(), c.at(4).get<int>(), c.at(5).get<std::string>(),
                                       c.at(6).get<std::string>()});
  else if (kind == TraineeItem::Agreement)
    t.agreements.push_back(Agreement{c.at(0).get<std::string>(), c.at(1).get<Hlc>(), c.at(2).get<Day>(),
                                     c.at(3).get<std::string>(), c.at(4).get<std::string>(), c.at(5).get<Day>(),
                                     c.at(6).get<int>(), c.at(7).get<int>(), c.at(8).get<std::string>(),
                                     c.at(9).get<bool>()});
  else if (kind == TraineeItem::Approval)
    // The server's rows hold only the jobcentre's own approvals (it refuses any other).
    t.approvals.push_back(
        Approval{c.at(0).get<std::string>(), c.at(1).get<Hlc>(), c.at(2).get<Day>(), c.at(3).get<int>(), false});
  else
    t.notes.push_back(Note{c.at(0).get<std::string>(), c.at(1).get<Hlc>(), c.at(2).get<Day>(),
                           c.at(3).get<std::string>(), c.at(4).get<std::string>(), c.at(5).get<bool>(),
                           c.at(6).get<bool>()});
}

void sort_history(Trainee& t) {
  auto by_stamp = [](const auto& a, const auto& b) { return std::tie(a.hlc, a.event_id) < std::tie(b.hlc, b.event_id); };
  std::sort(t.stages.begin(), t.stages.end(), by_stamp);
  std::sort(t.assessments.begin(), t.assessments.end(), by_stamp);
  std::sort(t.notes.begin(), t.notes.end(), by_stamp);
  std::sort(t.agreements.begin(), t.agreements.end(), by_stamp);
  std::sort(t.approvals.begin(), t.approvals.end(), by_stamp);
}

Json trainee_to_json(const Trainee& t) {
  Json j = trainee_core_to_json(t), days = Json::array(), stages = Json::array(), assessments = Json::array(),
       notes = Json::array();
  std::vector<Day> all_days;
  for (const auto& [day, d] : t.days) all_days.push_back(day);
  for (const auto& [day, a] : t.absences) all_days.push_back(day);
  for (const auto& [day, h] : t.handled) all_days.push_back(day);
  std::sort(all_days.begin(), all_days.end());
  all_days.erase(std::unique(all_days.begin(), all_days.end()), all_days.end());
  for (Day day : all_days) days.push_back({day, trainee_day_to_json(t, day)});
  for (const auto& c : t.stages) stages.push_back(stage_to_json(c));
  for (const auto& a : t.assessments) assessments.push_back(assessment_to_json(a));
  for (const auto& n : t.notes) notes.push_back(note_to_json(n));
  Json agreements = Json::array(), approvals = Json::array();
  for (const auto& a : t.agreements) agreements.push_back(agreement_to_json(a));
  for (const auto& a : t.approvals) approvals.push_back(approval_to_json(a));
  j["agreements"] = agreements;
  j["approvals"] = approvals;
  j["days"] = days;
  j["stages"] = stages;
  j["assessments"] = assessments;
  j["notes"] = notes;
  return j;
}

Trainee trainee_from_json(const Json& j) {
  Trainee t;
  trainee_core_from_json(j, t);
  for (const auto& d : j.at("days")) trainee_day_from_json(d.at(1), d.at(0).get<Day>(), t);
  for (const auto& c : j.at("stages")) trainee_item_from_json(TraineeItem::Stage, c, t);
  for (const auto& a : j.at("assessments")) trainee_item_from_json(TraineeItem::Assessment, a, t);
  for (const auto& n : j.at("notes")) trainee_item_from_json(TraineeItem::Note, n, t);
  // Written before internships were kept: none.
  if (j.contains("agreements"))
    for (const auto& a : j.at("agreements")) trainee_item_from_json(TraineeItem::Agreement, a, t);
  if (j.contains("approvals"))
    for (const auto& a : j.at("approvals")) trainee_item_from_json(TraineeItem::Approval, a, t);
  sort_history(t);
  return t;
}

}  // namespace ft
