#include "sync/server/projection.hpp"

#include <map>
#include <set>

#include "sync/server/staff_names.hpp"
#include "terminal/core/evolve.hpp"
#include "terminal/core/payload.hpp"
#include "terminal/core/trainee_codec.hpp"

namespace ft::server {

std::string trainee_of(const Event& e) {
  const auto& p = e.payload;
  auto text = [&](const char* key) {
    auto it = p.find(key);
    return it != p.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  if (e.type == ev::kPinSet) return text("kind") == "staff" ? std::string() : text("person_id");
  return text("trainee_id");
}

namespace {

void load_day(SqlDb& db, const std::string& centre_id, const std::string& id, Day day, Trainee& t) {
  SqlStmt row(db, "SELECT state FROM trainee_days WHERE centre_id=? AND trainee_id=? AND day=?");
  row.bind(1, centre_id).bind(2, id).bind(3, static_cast<std::int64_t>(day));
  if (row.step()) trainee_day_from_json(Json::parse(row.text(0)), day, t);
}

void save_item(SqlDb& db, const std::string& centre_id, const std::string& id, TraineeItem kind,
               const std::string& event_id, const Json& item) {
  SqlStmt(db, "INSERT INTO trainee_items(centre_id, trainee_id, kind, event_id, state) VALUES (?,?,?,?,?) "
              "ON CONFLICT(centre_id, trainee_id, kind, event_id) DO NOTHING")
      .bind(1, centre_id)
      .bind(2, id)
      .bind(3, trainee_item_name(kind))
      .bind(4, event_id)
      .bind(5, item.dump())
      .run();
}

}  // namespace

void project_events(SqlDb& db, const std::string& centre_id, const std::vector<Event>& events) {
  project_staff_names(db, centre_id, events);
  std::map<std::string, std::vector<const Event*>> by_trainee;
  for (const auto& e : events)
    if (auto id = trainee_of(e); !id.empty()) by_trainee[id].push_back(&e);
  for (const auto& [id, list] : by_trainee) {
    State s;
    Trainee& loaded = s.trainees[id];
    loaded.id = id;  // as evolve() names a person it meets first
    {
      SqlStmt row(db, "SELECT state FROM trainee_core WHERE centre_id=? AND trainee_id=?");
      row.bind(1, centre_id).bind(2, id);
      if (row.step()) trainee_core_from_json(Json::parse(row.text(0)), loaded);
    }
    std::set<Day> days;
    for (const Event* e : list) {
      if (auto day = payload::day(e->payload); day && days.insert(*day).second)
        load_day(db, centre_id, id, *day, loaded);
      evolve(s, *e);
    }
    auto it = s.trainees.find(id);
    if (it == s.trainees.end()) continue;
    const Trainee& t = it->second;
    SqlStmt(db, "INSERT INTO trainee_core(centre_id, trainee_id, state) VALUES (?,?,?) "
                "ON CONFLICT(centre_id, trainee_id) DO UPDATE SET state=excluded.state")
        .bind(1, centre_id)
        .bind(2, id)
        .bind(3, trainee_core_to_json(t).dump())
        .run();
    for (Day day : days) {
      if (!t.days.count(day) && !t.absences.count(day) && !t.handled.count(day)) continue;
      SqlStmt(db, "INSERT INTO trainee_days(centre_id, trainee_id, day, state) VALUES (?,?,?,?) "
                  "ON CONFLICT(centre_id, trainee_id, day) DO UPDATE SET state=excluded.state")
          .bind(1, centre_id)
          .bind(2, id)
          .bind(3, static_cast<std::int64_t>(day))
          .bind(4, trainee_day_to_json(t, day).dump())
          .run();
    }
    for (const auto& c : t.stages) save_item(db, centre_id, id, TraineeItem::Stage, c.event_id, stage_to_json(c));
    for (const auto& a : t.assessments)
      save_item(db, centre_id, id, TraineeItem::Assessment, a.event_id, assessment_to_json(a));
    for (const auto& n : t.notes) save_item(db, centre_id, id, TraineeItem::Note, n.event_id, note_to_json(n));
    for (const auto& a : t.agreements)
      save_item(db, centre_id, id, TraineeItem::Agreement, a.event_id, agreement_to_json(a));
    for (const auto& a : t.approvals)
      save_item(db, centre_id, id, TraineeItem::Approval, a.event_id, approval_to_json(a));
  }
}

std::vector<Trainee> centre_trainees(SqlDb& db, const std::string& centre_id, const std::string& only_trainee) {
  std::map<std::string, Trainee> trainees;
  const bool one = !only_trainee.empty();
  auto query = [&](const char* all, const char* single) {
    auto s = std::make_unique<SqlStmt>(db, one ? single : all);
    s->bind(1, centre_id);
    if (one) s->bind(2, only_trainee);
    return s;
  };
  auto core = query("SELECT trainee_id, state FROM trainee_core WHERE centre_id=?",
                    "SELECT trainee_id, state FROM trainee_core WHERE centre_id=? AND trainee_id=?");
  while (core->step()) trainee_core_from_json(Json::parse(core->text(1)), trainees[core->text(0)]);
  auto days = query("SELECT trainee_id, day, state FROM trainee_days WHERE centre_id=?",
                    "SELECT trainee_id, day, state FROM trainee_days WHERE centre_id=? AND trainee_id=?");
  while (days->step()) {
    auto it = trainees.find(days->text(0));
    if (it != trainees.end())
      trainee_day_from_json(Json::parse(days->text(2)), static_cast<Day>(days->int64(1)), it->second);
  }
  auto items = query("SELECT trainee_id, kind, state FROM trainee_items WHERE centre_id=?",
                     "SELECT trainee_id, kind, state FROM trainee_items WHERE centre_id=? AND trainee_id=?");
  while (items->step()) {
    auto it = trainees.find(items->text(0));
    if (it == trainees.end()) continue;
    const std::string kind = items->text(1);
    for (auto k : kTraineeItems)
      if (kind == trainee_item_name(k)) trainee_item_from_json(k, Json::parse(items->text(2)), it->second);
  }
  std::vector<Trainee> out;
  for (auto& [id, t] : trainees) {
    sort_history(t);
    if (t.redacted) scrub(t);  // rows written before the erasure still hold the text
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace ft::server
