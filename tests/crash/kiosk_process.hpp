// The real kiosk process under a display (Xvfb in CI), and a badge reader
// typing into it as a USB keyboard-wedge reader does: real key events
// (XTEST, xdotool without --window) into the kiosk's focused window, digits
// then Enter. For the crash tests that kill the kiosk.
#pragma once
#include <string>

#include "tests/test_support.hpp"

namespace ft::test {

// Xvfb resets itself whenever its last client leaves (xvfb-run does not
// pass -noreset), and a kiosk that connects during the reset is turned away
// with "Failed to open display". Between two kiosks every client may be gone,
// so a test holds a connection of its own for as long as this object lives.
struct HeldDisplay {
  bool held = false;
  HeldDisplay();
  ~HeldDisplay();
  HeldDisplay(const HeldDisplay&) = delete;
  HeldDisplay& operator=(const HeldDisplay&) = delete;
};

bool have_display_and_xdotool();
bool still_running(const Child& kiosk);  // without reaping it: finish() still collects the status

// SIGKILLs the kiosk when the scope ends early (a failed REQUIRE).
struct KillOnExit {
  const Child& kiosk;
  ~KillOnExit();
};

// The kiosk's window once it is on screen, "" when the kiosk ended first or
// after a generous bound (a sanitizer build on a loaded machine starts GL
// slowly); then gives it the keyboard focus, as cage does on the floor.
std::string focused_window_of(const Child& kiosk);

// One card held to the reader: its digits a few milliseconds apart, then Enter.
void scan(const std::string& badge);

}  // namespace ft::test
