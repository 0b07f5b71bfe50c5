// The kiosk loop: GLFW + OpenGL 3 around ft::ui::Ui, built to sleep.
//
// Power: the loop waits in glfwWaitEventsTimeout and draws only when
// something changed — input (three frames after it, so popups and pressed
// states settle), a task from a background thread (MainThreadQueue +
// glfwPostEmptyEvent), events another connection wrote (checked every 2 s),
// or a timer the UI asks for (the clock's next minute, the 60 s inactivity
// return, a confirmation closing). Idle on the board it wakes once every two
// seconds for a cheap query and draws once a minute.
//
// Kiosk: fullscreen on the primary monitor, no ini file, hidden cursor, no
// auto-iconify, and the close button asks for a supervisor's PIN instead.
//
// Sections: start-up · callbacks · the loop.
#include "terminal/app/kiosk.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "sync/client/engine.hpp"
#include "terminal/app/environment.hpp"
#include "terminal/app/gl_window.hpp"
#include "terminal/app/log.hpp"
#include "terminal/app/startup_worker.hpp"
#include "terminal/store/centre.hpp"
#include "terminal/store/centre_database.hpp"
#include "terminal/store/sync_ledger.hpp"
#include "terminal/ui/gl_frame.hpp"
#include "terminal/ui/main_queue.hpp"
#include "terminal/ui/setup.hpp"
#include "terminal/ui/ui.hpp"

namespace ft {
namespace {

// ---- callbacks ------------------------------------------------------------------------

std::atomic<bool> g_input{false};       // set by every input callback, cleared by the loop
volatile std::sig_atomic_t g_stop = 0;  // SIGTERM/SIGINT from the session manager

void on_stop_signal(int) { g_stop = 1; }

// Installed before ImGui's own callbacks, which chain to these.
void mark_input(GLFWwindow*) { g_input = true; }
void on_cursor(GLFWwindow* w, double, double) { mark_input(w); }
void on_button(GLFWwindow* w, int, int, int) { mark_input(w); }
void on_scroll(GLFWwindow* w, double, double) { mark_input(w); }
void on_key(GLFWwindow* w, int key, int, int action, int) {
  mark_input(w);
  // A badge reader presses and releases Enter faster than a frame; ImGui 1.86
  // would miss it, so it travels with the typed characters as '\r'.
  if (action == GLFW_PRESS && (key == GLFW_KEY_ENTER || key == GLFW_KEY_KP_ENTER)) ImGui::GetIO().AddInputCharacter('\r');
}
void on_char(GLFWwindow* w, unsigned int) { mark_input(w); }
void on_focus(GLFWwindow* w, int) { mark_input(w); }
void on_size(GLFWwindow* w, int, int) { mark_input(w); }

void on_close(GLFWwindow* w) {
  glfwSetWindowShouldClose(w, GLFW_FALSE);  // only a supervisor closes the kiosk
  if (auto* ui = static_cast<ui::Ui*>(glfwGetWindowUserPointer(w))) ui->request_close();
  g_input = true;
}

void on_glfw_error(int code, const char* text) {
  log(LogLevel::Error, "display error " + std::to_string(code) + ": " + text);
}

// The sync engine, when this terminal has joined a server: it runs on its own
// thread and connection; its reports come back through the main-thread queue.
std::unique_ptr<sync::SyncEngine> start_sync(const std::string& db_path, Centre& centre, ui::MainThreadQueue& queue) {
  try {
    if (!SyncLedger(centre_database(centre)).settings().configured()) {
      log(LogLevel::Info, "sync is not set up on this terminal; working offline");
      return nullptr;
    }
  } catch (const StoreFailure& f) {
    log(LogLevel::Warning, "sync settings unreadable: " + f.error.code);
    return nullptr;
  }
  sync::EngineOptions options;
  options.db_path = db_path;
  options.on_status = [&queue, &centre](const sync::SyncSnapshot& snap) {
    if (snap.running) return;  // only finished rounds are worth a line and a redraw
    if (snap.fault) log(LogLevel::Warning, "sync round failed: " + snap.fault->code);
    else if (snap.pushed || snap.pulled)
      log(LogLevel::Info, "sync round: pushed " + std::to_string(snap.pushed) + ", pulled " + std::to_string(snap.pulled));
    if (snap.pulled > 0) queue.post([&centre] { centre.refresh(); });
    else queue.post([] {});  // redraw: the sync card and the offline sign read the ledger
  };
  auto engine = std::make_unique<sync::SyncEngine>(std::move(options));
  engine->start();
  return engine;
}

void draw_frame(GLFWwindow* window, ui::Ui& ui) {
  ui::draw_gl_frame(window, ui);
  glfwSwapBuffers(window);
}

}  // namespace

// ---- start-up -----------------------------------------------------------------------------

int run_kiosk(const KioskOptions& o, const EnvironmentLoader& load_environment) {
  std::optional<Environment> env;
  std::string env_error;
  const auto config_refused = [&] {
    std::cerr << env_error << "\n";  // the file, the line and the key: for the journal
    return 2;
  };
  std::string error;
  glfwSetErrorCallback(on_glfw_error);
  GlfwLibrary glfw;
  if (!glfw.ok()) {
    if (!(env = load_environment(env_error))) return config_refused();
    log(LogLevel::Error, env->tr(o.language)("kiosk.no_display"));
    return 1;
  }
  WindowSpec spec;
  spec.monitor = o.windowed ? nullptr : glfwGetPrimaryMonitor();
  const GLFWvidmode* mode = spec.monitor ? glfwGetVideoMode(spec.monitor) : nullptr;
  spec.width = mode ? mode->width : 1280;
  spec.height = mode ? mode->height : 800;
  spec.title = "Floor terminal";

  // Loading the GL driver is most of start-up, and only this thread may do
  // it; meanwhile a worker loads the environment, folds the database and
  // builds the font atlas (startup_worker.hpp says in what order, and why).
  std::unique_ptr<Centre> centre;
  StoreError store_error;
  StartupWorker worker(
      float(spec.width), float(spec.height),
      [&]() -> const Environment* {
        env = load_environment(env_error);
        return env ? &*env : nullptr;
      },
      [&](const Environment& e) { centre = Centre::open(o.db_path, e.rules, e.catalogue, store_error); });
  GlWindow window(glfw, spec);
  worker.wait();  // after it, `env` and `centre` are set
  const auto fail = [&](const std::string& text) {
    log(LogLevel::Error, text);
    return 1;  // the window, the worker and GLFW end in that order on the way out
  };
  if (!env) return config_refused();
  const Translations& tr = env->tr(o.language);
  if (!centre) return fail(refusal_text(tr, Refusal{"store." + store_error.code, {{"path", o.db_path}}}));
  if (!window.get()) return fail(tr("kiosk.no_window"));
  if (StoreError checkpoint_error; !centre->checkpoint_in_background(checkpoint_error))
    log(LogLevel::Warning, "checkpoints stay in the commits: " + checkpoint_error.code);
  glfwMakeContextCurrent(window.get());
  glfwSwapInterval(1);
  if (!o.windowed) glfwSetInputMode(window.get(), GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
  IMGUI_CHECKVERSION();
  auto built = worker.finish(error);
  if (!built) return fail(error);
  // Ours first: ImGui's GLFW backend chains to the callbacks it finds set.
  glfwSetCursorPosCallback(window.get(), on_cursor);
  glfwSetMouseButtonCallback(window.get(), on_button);
  glfwSetScrollCallback(window.get(), on_scroll);
  glfwSetKeyCallback(window.get(), on_key);
  glfwSetCharCallback(window.get(), on_char);
  glfwSetWindowFocusCallback(window.get(), on_focus);
  glfwSetFramebufferSizeCallback(window.get(), on_size);
  glfwSetWindowRefreshCallback(window.get(), mark_input);
  glfwSetWindowCloseCallback(window.get(), on_close);
  const ui::Resources& res = window.start_imgui(std::move(built), /*input=*/true);

  ui::UiOptions options;
  options.language = env->languages.count(o.language) ? o.language : "da";
  ui::Ui ui(*centre, env->languages, res.fonts, res.icons, res.metrics, options);
  glfwSetWindowUserPointer(window.get(), &ui);
  ui::MainThreadQueue queue([] { glfwPostEmptyEvent(); });
  std::signal(SIGTERM, on_stop_signal);
  std::signal(SIGINT, on_stop_signal);
  auto engine = start_sync(o.db_path, *centre, queue);  // stopped before the queue and centre go
  log(LogLevel::Info, "kiosk started, terminal " + centre->terminal_id() + ", " +
                          std::to_string(centre->event_count()) + " events");
  std::int64_t known_events = centre->event_count();  // what we have told the sync engine about

  // ---- the loop ---------------------------------------------------------------------------
  constexpr double kRefreshSeconds = 2.0;  // events written by the sync thread or the command line
  int frames_due = 3;
  const char* first_frame_env = std::getenv("FT_EXIT_AFTER_FIRST_FRAME");
  const bool exit_after_first_frame = first_frame_env && std::string(first_frame_env) == "1";
  double next_refresh = glfwGetTime() + kRefreshSeconds;
  double next_timer = 0;
  while (!ui.close_confirmed() && !g_stop) {
    if (frames_due == 0) {
      const double now = glfwGetTime();
      const double wait = std::max(0.0, std::min(next_timer, next_refresh) - now);
      glfwWaitEventsTimeout(std::max(wait, 0.001));
    } else {
      glfwPollEvents();
    }
    if (g_input.exchange(false)) frames_due = 3;
    if (queue.run_pending()) frames_due = std::max(frames_due, 1);
    const double now = glfwGetTime();
    if (now >= next_refresh) {
      next_refresh = now + kRefreshSeconds;
      try {
        if (const int arrived = centre->refresh(); arrived > 0) {
          known_events += arrived;  // written elsewhere: nothing new to push from here
          frames_due = std::max(frames_due, 1);
        }
      } catch (const StoreFailure& f) {
        // A busy or failing file shows on the next command; the board keeps running.
        log(LogLevel::Warning, "reading new events failed: " + f.error.code);
      }
    }
    if (now >= next_timer) frames_due = std::max(frames_due, 1);
    if (frames_due == 0) continue;
    draw_frame(window.get(), ui);
    // floor-bench's first_frame figure: FT_EXIT_AFTER_FIRST_FRAME=1 ends the process right after the first
    // finished frame, silently; _Exit so the figure is the start, not the teardown (nothing was written).
    if (exit_after_first_frame) std::_Exit(0);
    --frames_due;
    if (centre->event_count() > known_events) {  // this frame wrote events (refresh inside execute counts too)
      known_events = centre->event_count();
      if (engine) engine->notify();
    }
    next_timer = glfwGetTime() + ui.seconds_until_due();
  }

  if (engine) engine->stop();
  log(LogLevel::Info, "kiosk stopped");
  glfwSetWindowUserPointer(window.get(), nullptr);  // the Ui goes first; a late callback must not find it
  return 0;
}

}  // namespace ft
