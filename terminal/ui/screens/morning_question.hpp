// The morning question's state: which day lacks a check-out, the time chosen so far.
#pragma once
#include <string>

#include "terminal/core/commands.hpp"
#include "terminal/core/state.hpp"

namespace ft::ui {

// "When did you leave yesterday?" asked at the check-in after a day without check-out.
struct MorningQuestion {
  std::string trainee_id;
  Actor actor;
  Day day = 0;    // the day without a check-out
  int hour = -1;  // chosen so far; -1 none
  int quarter = -1;
  std::string message;
};

}  // namespace ft::ui
