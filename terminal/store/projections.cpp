#include "terminal/store/projections.hpp"

#include "terminal/core/payload.hpp"

namespace ft {

void redact_trainee(Database& db, const std::string& trainee_id) {
  // The log is append-only for everything but erasure: lift the guard for
  // this one statement, inside the caller's transaction, and put it back.
  db.exec("DROP TRIGGER IF EXISTS events_append_only_update");
  Statement q(db, R"sql(
    UPDATE events SET payload = json_replace(json_remove(payload, '$.display_name', '$.badge', '$.pin_hash'),
                                              '$.name', '', '$.text', '', '$.note', '')
    WHERE json_extract(payload, '$.trainee_id') = ?1 OR json_extract(payload, '$.person_id') = ?1)sql");
  q.bind(1, trainee_id).run();
  db.exec("CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events "
          "BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END");
  Statement roster(db, "UPDATE trainee_roster SET name = '' WHERE trainee_id = ?");
  roster.bind(1, trainee_id).run();
}

void project_event(Database& db, const Event& e) {
  using namespace payload;
  if (e.type == ev::kTraineeRedacted) {
    redact_trainee(db, str(e.payload, "trainee_id"));
    return;
  }
  const auto& p = e.payload;
  const std::string trainee = str(p, "trainee_id");
  if (e.type == ev::kTraineeEnrolled || e.type == ev::kStageChanged) {
    const std::string stage = e.type == ev::kTraineeEnrolled ? str(p, "stage") : str(p, "to");
    Statement q(db, R"sql(
      INSERT INTO trainee_roster(trainee_id, stage, host, stage_hlc, stage_event) VALUES(?1, ?2, ?3, ?4, ?5)
      ON CONFLICT(trainee_id) DO UPDATE SET stage = excluded.stage, host = excluded.host,
        stage_hlc = excluded.stage_hlc, stage_event = excluded.stage_event
      WHERE (excluded.stage_hlc, excluded.stage_event) > (stage_hlc, stage_event))sql");
    q.bind(1, trainee).bind(2, stage).bind(3, str(p, "host")).bind(4, e.hlc).bind(5, e.event_id).run();
  }
  if ((e.type == ev::kTraineeEnrolled || e.type == ev::kTraineeUpdated) && p.contains("name")) {
    Statement q(db, R"sql(
      INSERT INTO trainee_roster(trainee_id, name, name_hlc) VALUES(?1, ?2, ?3)
      ON CONFLICT(trainee_id) DO UPDATE SET name = excluded.name, name_hlc = excluded.name_hlc
      WHERE excluded.name_hlc > name_hlc)sql");
    q.bind(1, trainee).bind(2, str(p, "name")).bind(3, e.hlc).run();
  }
  if (e.type == ev::kCheckedIn) {
    Statement q(db, R"sql(
      INSERT INTO attendance(trainee_id, day, check_in, in_hlc, in_event) VALUES(?1, ?2, ?3, ?4, ?5)
      ON CONFLICT(trainee_id, day) DO UPDATE SET check_in = excluded.check_in, in_hlc = excluded.in_hlc,
        in_event = excluded.in_event
      WHERE check_in IS NULL OR (excluded.in_hlc, excluded.in_event) < (in_hlc, in_event))sql");
    q.bind(1, trainee).bind(2, str(p, "day")).bind(3, str(p, "time")).bind(4, e.hlc).bind(5, e.event_id).run();
  }
  if (e.type == ev::kCheckedOut) {
    Statement q(db, R"sql(
      INSERT INTO attendance(trainee_id, day, check_out, out_hlc) VALUES(?1, ?2, ?3, ?4)
      ON CONFLICT(trainee_id, day) DO UPDATE SET check_out = excluded.check_out, out_hlc = excluded.out_hlc
      WHERE out_hlc IS NULL OR excluded.out_hlc > out_hlc)sql");
    q.bind(1, trainee).bind(2, str(p, "day")).bind(3, str(p, "time")).bind(4, e.hlc).run();
  }
}

}  // namespace ft
