// The names of each centre's staff, as the server knows them from the
// StaffAdded events in the centre's log (the last by hlc wins, as in the
// terminals' fold), kept in one projection row per person, written in the
// same transaction as the events. The web view's PDF puts a note's writer
// by name, as `floor-terminal report` does. Staff are not trainees: their
// rows hold only a name, never a PIN hash or a badge.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "sync/server/sql.hpp"
#include "terminal/core/event.hpp"

namespace ft::server {

// Folds the StaffAdded events among `events` (just stored in `centre_id`).
void project_staff_names(SqlDb& db, const std::string& centre_id, const std::vector<Event>& events);
// Once per database: folds every StaffAdded already in the log (a database
// from before this projection). Inside the opening transaction.
void fold_staff_names_once(SqlDb& db);
// staff id -> name, for one centre.
std::map<std::string, std::string> staff_names(SqlDb& db, const std::string& centre_id);

}  // namespace ft::server
