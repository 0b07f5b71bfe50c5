// The staff login's state: the staff member chosen, the PIN typed, and whether it confirms closing the kiosk.
#pragma once
#include <string>

namespace ft::ui {

struct LoginDraft {
  bool for_close = false;  // a supervisor must confirm closing the kiosk
  std::string staff_id;    // chosen from the list; empty while choosing
  std::string digits;
  std::string message;
};

}  // namespace ft::ui
