// evolve(): fold one event into the state. Pure and order-independent: the
// state after a set of events is the same whatever order they arrive in
// (tests shuffle to prove it). Unknown event types are counted and ignored,
// so an older terminal survives a newer one's events.
#pragma once
#include <vector>

#include "terminal/core/event.hpp"
#include "terminal/core/state.hpp"

namespace ft {

void evolve(State& state, const Event& event);
State fold(const std::vector<Event>& events);

}  // namespace ft
