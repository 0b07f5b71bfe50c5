// The server's picture of each centre: every trainee's events folded with the
// terminal's own evolve() (terminal/core), written in the same transaction
// that stores the events. A request reads rows; nothing refolds the log.
//
// A trainee is kept in rows, so that an event rewrites only what it touches
// (a check-in one day row, an assessment one item row) and the cost of an
// event does not grow with the trainee's history:
//   trainee_core    the person: registers, flags (trainee_core_to_json)
//   trainee_days    one row per day: attendance, absence and the jobcentre's mark
//   trainee_items   one row per stage change, assessment and note, by event id
// The fold is order-independent, so events folded into rows in arrival order
// give the state a terminal folds in its own order.
#pragma once
#include <string>
#include <vector>

#include "sync/server/sql.hpp"
#include "terminal/core/event.hpp"
#include "terminal/core/state.hpp"

namespace ft::server {

// The trainee an event is about ("" for centre and staff events).
std::string trainee_of(const Event& e);
// Folds `events` (just stored in `centre_id`) into the rows of the trainees
// they concern, and the staff's names (staff_names.hpp).
void project_events(SqlDb& db, const std::string& centre_id, const std::vector<Event>& events);
// The folded trainees of a centre (enrolled or not), by id; or just one ("" when unknown).
std::vector<Trainee> centre_trainees(SqlDb& db, const std::string& centre_id, const std::string& only_trainee = "");

}  // namespace ft::server
