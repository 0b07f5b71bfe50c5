// The kiosk's screens as a type: navigation names a ScreenId, never a
// string, so a misspelt screen does not compile. The stable text names
// (`floor-terminal screenshot --screen NAME`) live in the one table of
// screens, screen_registry.hpp, beside each screen's draw function and
// access rule.
#pragma once
#include <iosfwd>

namespace ft::ui {

enum class ScreenId {
  Board,
  Practice,  // the board while a supervisor's practice session runs
  Pin,
  PinRefused,  // the PIN screen after a refused card: its own id for screenshots
  MyProgress,
  MyInternship,  // my-progress of a trainee in an internship
  MyLanguage,    // my-progress with the language list open
  Assess,
  Trainee,
  TraineeInternship,    // the review of a trainee in an internship
  InternshipAgreement,  // the review's stage panel asking for an agreement
  Dashboard,
  StaffLogin,
  Settings,
  DoubleTap,
  MorningQuestion,
  LockoutHelp,  // keep last: kScreenIdCount follows it
};
inline constexpr int kScreenIdCount = int(ScreenId::LockoutHelp) + 1;

// The screen's stable name (test failures print it).
std::ostream& operator<<(std::ostream& os, ScreenId id);

}  // namespace ft::ui
