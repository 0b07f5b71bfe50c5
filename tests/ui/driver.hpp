// The headless UI driver: the real kiosk UI over a real SQLite file in a
// temporary folder, drawn with real ImGui frames and no GPU (as Debian's
// example_null does), with a pinned clock. Tests find touch targets by id
// in the registry the widgets fill during a frame, and tap their centres:
// a position frame, a press frame, a release frame, then the pointer leaves.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "terminal/app/environment.hpp"
#include "terminal/store/centre.hpp"
#include "terminal/ui/setup.hpp"
#include "terminal/ui/ui.hpp"
#include "tests/test_support.hpp"

namespace ft::test {

// Records what the kiosk would say aloud instead of running espeak-ng.
struct RecordingSpeaker : ui::Speaker {
  struct Said {
    std::string voice, text;
  };
  std::vector<Said> said;
  void say(const std::string& voice, const std::string& text) override { said.push_back({voice, text}); }
};

// Wednesday 2025-01-15, 08:00 (UTC is the local time of Clock::fixed).
std::int64_t wednesday_morning_ms();
// The demo centre, seeded once per process by the real binary at the real
// time: open it with UiDriver(size, demo_db(), real_now_ms()).
const std::string& demo_db();
std::int64_t real_now_ms();

class UiDriver {
 public:
  // A fresh centre in a temp dir, or an existing database file (e.g. the demo centre).
  explicit UiDriver(ImVec2 display = ImVec2(1920, 1080), std::string db_path = "",
                    std::int64_t now_ms = wednesday_morning_ms());
  ~UiDriver();
  UiDriver(const UiDriver&) = delete;
  UiDriver& operator=(const UiDriver&) = delete;

  void frame();
  void frames(int n);
  // Taps the target with this id; false (and no tap) when it is not on
  // screen or disabled. Counts taps.
  bool tap(const std::string& id);
  bool visible(const std::string& id) const;  // a touch target, or a fact noted in Ui::shown, in the last frame
  // Drags a finger up across a scrolling list — from its lowest visible item
  // whose id starts with `handle` — until `id` is fully on screen; false
  // after 12 drags.
  bool scroll_to(const std::string& id, const std::string& handle);
  void type(const std::string& ascii);  // characters, as a keyboard or badge reader
  void press_enter();
  // Keys all in one frame, as the kiosk's callbacks deliver a fast reader's
  // burst between two frames ('\r' stands for Enter, see kiosk.cpp).
  void reader_burst(const std::string& keys);
  void scan_card(const std::string& badge) { reader_burst(badge + "\r"); }
  void advance(std::int64_t ms);  // moves the pinned clock on
  void show(ui::ScreenId screen) {
    ui->show(screen);
    frames(2);
  }

  // Data, written through the Centre as any command is.
  std::string enrol(const std::string& name, const std::string& pin = "1234", const std::string& badge = "");
  std::string add_staff(const std::string& name, Role role, const std::string& pin = "24680");
  // Logs in through the screens: staff button, name, PIN, OK. Taps are not counted.
  void login(const std::string& staff_id, const std::string& pin = "24680");

  TempDir dir;
  std::string db_path;
  std::int64_t now_ms;
  std::unique_ptr<Environment> env;
  std::unique_ptr<Centre> centre;
  ImGuiContext* context = nullptr;
  std::unique_ptr<ui::Resources> resources;
  std::unique_ptr<ui::Ui> ui;
  RecordingSpeaker speaker;  // the UI speaks into this
  int taps = 0;

 private:
  ImVec2 display_;
};

// A draw list as a window's is at the start of a frame (clipped to the
// display, the font atlas bound, anti-aliased), for checking what a widget draws.
struct BareDrawList : ImDrawList {
  BareDrawList();
};

// Opens the same file again, as another process would: what the UI did is on disk.
std::unique_ptr<Centre> reopen(const UiDriver& d);
bool checked_in_today(const Centre& c, const std::string& trainee_id);

}  // namespace ft::test
