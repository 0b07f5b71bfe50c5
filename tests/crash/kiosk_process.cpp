// See kiosk_process.hpp.
#include "tests/crash/kiosk_process.hpp"

#include <GLFW/glfw3.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <thread>

namespace ft::test {

namespace {

constexpr const char* kXdotool = "/usr/bin/xdotool";

RunResult xdotool(std::vector<std::string> args) {
  args.insert(args.begin(), kXdotool);
  return run(args);
}

void pause_ms(int ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }

}  // namespace

HeldDisplay::HeldDisplay() {
  // GLFW's own connection; a reset may be under way right now, so try again.
  for (int i = 0; i < 100 && !(held = glfwInit() == GLFW_TRUE); ++i) pause_ms(100);
}

HeldDisplay::~HeldDisplay() {
  if (held) glfwTerminate();
}

bool have_display_and_xdotool() { return std::getenv("DISPLAY") && access(kXdotool, X_OK) == 0; }

bool still_running(const Child& kiosk) {
  siginfo_t info{};
  return waitid(P_PID, static_cast<id_t>(kiosk.pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == 0;
}

KillOnExit::~KillOnExit() {
  if (still_running(kiosk)) kill(kiosk.pid, SIGKILL);
}

std::string focused_window_of(const Child& kiosk) {
  // By process id, not by title: a killed kiosk's window can outlive the
  // process for a moment, until the X server notices.
  std::string window;
  for (int i = 0; i < 1800 && window.empty() && still_running(kiosk); ++i) {
    window = last_line(xdotool({"search", "--onlyvisible", "--pid", std::to_string(kiosk.pid)}).out);
    if (window.empty()) pause_ms(100);
  }
  if (window.empty()) return "";
  // There is no window manager under Xvfb: the window takes the focus when asked.
  for (int i = 0; i < 100; ++i) {
    xdotool({"windowfocus", window});
    if (last_line(xdotool({"getwindowfocus"}).out) == window) return window;
    pause_ms(50);
  }
  return "";
}

void scan(const std::string& badge) {
  xdotool({"type", "--delay", "2", badge});
  xdotool({"key", "Return"});
}

}  // namespace ft::test
