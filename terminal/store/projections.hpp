// SQL projections of the event log, updated in the same transaction as each
// event is stored (ours or pulled from the server). Each is a commutative
// merge — last writer wins by hlc, earliest check-in, latest check-out — so
// it ends the same whatever order events arrive in, and `verify` can compare
// it with a fresh fold of the log.
#pragma once
#include "terminal/core/event.hpp"
#include "terminal/store/database.hpp"

namespace ft {

void project_event(Database& db, const Event& e);
// Erasure (GDPR): strips names, notes, badges and PIN hashes from every stored
// event about the trainee. Called for TraineeRedacted, ours or pulled.
void redact_trainee(Database& db, const std::string& trainee_id);

}  // namespace ft
