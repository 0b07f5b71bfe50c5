// How the kiosk and the screenshot command start: the order that measured
// fastest under Xvfb with Mesa's llvmpipe (docs/performance.md, "first_frame").
//
// 1. glfwInit() first, on a process with no second thread: Xlib reads its
//    512 KB compose table twice with getc(), 0.5 ms a read without threads
//    and 6.9 ms once the process has had one (glibc then locks every getc).
// 2. Then this worker, while the main thread loads the GL driver in
//    glfwCreateWindow(): it gets the environment (loading the configuration,
//    catalogue and translations, for the kiosk), opens and folds the
//    database, and builds the font atlas (no ImGui context may exist until
//    it is done).
// 3. With a core for each, the fold gets a thread of its own. On two cores
//    three busy threads slowed the driver's load more than they gained, so
//    there the worker folds first, and it begins 4 ms late: over 81
//    alternating starts the kiosk's window was up 4 ms sooner (95 % interval
//    3.4-5.8 ms); a screenshot took 3.4 ms less than with the worker
//    beginning at once (41 starts). A scheduler trace
//    showed the X server working longer at the start of window creation when
//    the worker ran from its first moment; why, we have not pinned down. The
//    worker still ends about 20 ms before the window is up.
#pragma once
#include <functional>
#include <future>
#include <memory>
#include <string>

#include "terminal/app/environment.hpp"
#include "terminal/ui/setup.hpp"

namespace ft {

class StartupWorker {
 public:
  // Call after glfwInit(). `environment` runs first, on the worker: it loads
  // the environment or hands over one already loaded; null stops the worker
  // (the caller keeps its error). `open_centre` then opens the database.
  StartupWorker(float width, float height, std::function<const Environment*()> environment,
                std::function<void(const Environment&)> open_centre);
  ~StartupWorker() = default;  // waits for the worker, then the fold
  StartupWorker(const StartupWorker&) = delete;
  StartupWorker& operator=(const StartupWorker&) = delete;

  // Waits for the environment, the fold and the atlas; after it, what the
  // two functions set may be read.
  void wait();
  // After wait(): the ImGui context over the new atlas (see ResourceBuilder::finish).
  std::unique_ptr<ui::Resources> finish(std::string& error) { return fonts_.finish(error); }

 private:
  std::future<void> opening_;  // the fold, where it has a thread of its own; set by the worker
  ui::ResourceBuilder fonts_;  // after opening_: its thread may set it, and goes first
};

}  // namespace ft
