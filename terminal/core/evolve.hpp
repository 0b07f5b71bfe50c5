// evolve(): fold one event into the state. Pure and order-independent: the
// state after a set of events is the same whatever order they arrive in
// (tests shuffle to prove it). Unknown event types are counted and ignored,
// so an older terminal survives a newer one's events.
#pragma once
#include <string_view>
#include <vector>

#include "terminal/core/event.hpp"
#include "terminal/core/payload.hpp"
#include "terminal/core/state.hpp"

namespace ft {

void evolve(State& state, const Event& event);
// What erasure leaves of a trainee: the facts without the person (attendance
// and skills stay, pseudonymous, for the centre's statistics). evolve() applies
// it to an erased trainee after every event about them.
void scrub(Trainee& t);
State fold(const std::vector<Event>& events);

// An event as the store reads it: views into the current row, the payload
// still JSON text. Rebuilding the state folds rows as it steps the query,
// without building an Event (and an nlohmann tree) for each.
struct EventRow {
  std::string_view event_id;
  std::string_view terminal_id;
  std::string_view actor_id;
  std::string_view type;
  Hlc hlc = 0;
  std::string_view payload_json;
};

// Folds rows exactly as evolve() folds the same events. Keeps the payload
// reader's buffers from one row to the next; one per fold, not shared between threads.
class RowFolder {
 public:
  explicit RowFolder(State& state) : state_(state) {}
  void fold(const EventRow& row);

 private:
  State& state_;
  payload::FlatPayload flat_;
};

}  // namespace ft
