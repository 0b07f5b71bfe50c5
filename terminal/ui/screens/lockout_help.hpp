// The lockout screen's state: the trainee paused by wrong PINs and the instructor vouching for them.
#pragma once
#include <string>

namespace ft::ui {

// After the wrong-PIN limit: an instructor confirms the trainee and lifts the lock.
struct LockoutHelp {
  std::string trainee_id;
  std::string staff_id;  // chosen from the list; empty while choosing
  std::string digits;
  std::string message;
};

}  // namespace ft::ui
