// The headless UI driver (see driver.hpp).
#include "tests/ui/driver.hpp"

#include <doctest/doctest.h>
#include <imgui_internal.h>

#include <cfloat>
#include <chrono>
#include <cstdlib>
#include <stdexcept>

namespace ft::test {

namespace {
constexpr int kEnter = 257, kBackspace = 259, kKeypadEnter = 335;  // GLFW's numbers, as the backend maps them
}

std::int64_t wednesday_morning_ms() { return std::int64_t(day_from_civil(2025, 1, 15)) * 86400000LL + 8 * 3600000LL; }

const std::string& demo_db() {
  static TempDir dir;
  static const std::string path = [] {
    const std::string p = dir.file("demo.db");
    auto r = run({binary("floor-terminal"), "seed-demo", "--db", p});
    if (r.exit_code != 0) throw std::runtime_error("seed-demo failed: " + r.err);
    return p;
  }();
  return path;
}

std::int64_t real_now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

UiDriver::UiDriver(ImVec2 display, std::string db, std::int64_t now) : now_ms(now), display_(display) {
  db_path = db.empty() ? dir.file("centre.db") : db;
  setenv("FLOOR_TERMINAL_ASSETS", asset("").c_str(), 1);
  std::string error;
  auto loaded = load_environment("", error);
  if (!loaded) throw std::runtime_error(error);
  env = std::make_unique<Environment>(std::move(*loaded));
  StoreError se;
  centre = Centre::open(db_path, env->rules, env->catalogue, se, Clock::fixed(now_ms));
  if (!centre) throw std::runtime_error("cannot open " + db_path + ": " + se.code);

  context = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = display;
  io.DeltaTime = 1.0f / 30.0f;
  io.KeyMap[ImGuiKey_Enter] = kEnter;
  io.KeyMap[ImGuiKey_KeyPadEnter] = kKeypadEnter;
  io.KeyMap[ImGuiKey_Backspace] = kBackspace;
  resources = ui::prepare_imgui(env->catalogue, display.x, display.y, error);
  if (!resources) throw std::runtime_error(error);
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);  // no texture upload: no GPU
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  ui = std::make_unique<ui::Ui>(*centre, env->languages, resources->fonts, resources->icons, resources->metrics);
  ui->set_speaker(&speaker);
  frames(2);
}

UiDriver::~UiDriver() {
  ui.reset();
  ImGui::DestroyContext(context);
}

void UiDriver::frame() {
  ImGui::SetCurrentContext(context);
  ImGui::NewFrame();
  ui->frame();
  ImGui::Render();
}

void UiDriver::frames(int n) {
  for (int i = 0; i < n; ++i) frame();
}

bool UiDriver::visible(const std::string& id) const {
  return ui->targets.find(id) != nullptr || ui->shown.count(id) > 0;
}

bool UiDriver::tap(const std::string& id) {
  const ui::TargetRect* r = ui->targets.find(id);
  if (!r || !r->enabled) return false;
  const ImVec2 at = r->centre();
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = at;  // the finger arrives
  frame();
  io.MouseDown[0] = true;  // presses
  frame();
  io.MouseDown[0] = false;  // lifts, still on the target: the click happens here
  frame();
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // and leaves, so nothing stays hovered
  frame();
  ++taps;
  return true;
}

bool UiDriver::scroll_to(const std::string& id, const std::string& handle) {
  ImGuiIO& io = ImGui::GetIO();
  for (int i = 0; i < 12; ++i) {
    const ui::TargetRect* t = ui->targets.find(id);
    if (t && !t->clipped) return true;
    // The lowest fully visible item of the list: dragging up from it stays inside the list.
    const ui::TargetRect* h = nullptr;
    for (const auto& [tid, r] : ui->targets.rects)
      if (tid.rfind(handle, 0) == 0 && !r.clipped && (!h || r.min.y > h->min.y)) h = &r;
    if (!h) return false;
    io.MousePos = h->centre();
    frame();
    io.MouseDown[0] = true;
    frame();
    for (int step = 0; step < 10; ++step) {  // 250 px upward, in steps a finger makes
      io.MousePos.y -= 25;
      frame();
    }
    io.MouseDown[0] = false;
    frame();
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    frame();
  }
  const ui::TargetRect* t = ui->targets.find(id);
  return t && !t->clipped;
}

void UiDriver::type(const std::string& ascii) {
  for (char c : ascii) {
    ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
    frame();
  }
}

void UiDriver::reader_burst(const std::string& keys) {
  for (char c : keys) ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
  frame();
}

void UiDriver::press_enter() {
  ImGuiIO& io = ImGui::GetIO();
  io.KeysDown[kEnter] = true;
  frame();
  io.KeysDown[kEnter] = false;
  frame();
}

void UiDriver::advance(std::int64_t ms) {
  now_ms += ms;
  centre->set_clock(Clock::fixed(now_ms));
}

std::string UiDriver::enrol(const std::string& name, const std::string& pin, const std::string& badge) {
  Enrol e;
  e.name = name;
  if (!pin.empty()) e.pin = pin;
  e.badge = badge;
  Outcome out = centre->execute(e, local_admin());
  if (!out.ok()) throw std::runtime_error("enrol refused: " + out.refusal->code);
  frame();
  return out.new_id;
}

std::string UiDriver::add_staff(const std::string& name, Role role, const std::string& pin) {
  AddStaff a;
  a.name = name;
  a.role = role;
  a.pin = pin;
  Outcome out = centre->execute(a, local_admin());
  if (!out.ok()) throw std::runtime_error("add-staff refused: " + out.refusal->code);
  frame();
  return out.new_id;
}

void UiDriver::login(const std::string& staff_id, const std::string& pin) {
  const int before = taps;
  REQUIRE(tap("board.staff"));
  REQUIRE(tap("login.staff." + staff_id));
  for (char c : pin) REQUIRE(tap(std::string("login.key.") + c));
  REQUIRE(tap("login.ok"));
  REQUIRE(ui->session.staff.has_value());
  taps = before;
}

std::unique_ptr<Centre> reopen(const UiDriver& d) {
  StoreError se;
  auto c = Centre::open(d.db_path, d.env->rules, d.env->catalogue, se, Clock::fixed(d.now_ms));
  if (!c) throw std::runtime_error("cannot reopen: " + se.code);
  return c;
}

bool checked_in_today(const Centre& c, const std::string& trainee_id) {
  const Trainee* t = c.state().trainee(trainee_id);
  if (!t) return false;
  auto it = t->days.find(c.today());
  return it != t->days.end() && it->second.has_check_in();
}

BareDrawList::BareDrawList() : ImDrawList(ImGui::GetDrawListSharedData()) {
  _ResetForNewFrame();
  PushClipRectFullScreen();
  PushTextureID(ImGui::GetIO().Fonts->TexID);
  Flags = ImDrawListFlags_AntiAliasedLines | ImDrawListFlags_AntiAliasedFill;
}

}  // namespace ft::test
