// The double-tap screen's state: "You are already in since 08:02 — go out?"
#pragma once
#include <string>

#include "terminal/core/commands.hpp"

namespace ft::ui {

// "You are already in since 08:02 — go out?" after a second tap or scan.
struct DoubleTap {
  std::string trainee_id;
  Actor actor;    // who punched (the trainee, or staff for them)
  int since = 0;  // the check-in already recorded
};

}  // namespace ft::ui
