// The GLFW window the kiosk and the screenshot command draw in, with ImGui's
// GLFW and OpenGL 3 backends, as two objects that undo in their destructors
// what their constructors did (as Tracy's profiler backend holds its window):
// every early return of either program tears down in the one right order.
//
//   GlfwLibrary glfw;                  glfwInit() ... glfwTerminate()
//   StartupWorker worker(...);         (after glfwInit: startup_worker.hpp says why)
//   GlWindow window(glfw, spec);       glfwCreateWindow ... glfwDestroyWindow
//   window.start_imgui(std::move(resources), callbacks);
//                                      backends and ImGui context ... shut down
//
// Members and locals are destroyed in reverse, so the window goes before the
// worker, and the library last.
#pragma once
#include <memory>
#include <string>

#include "terminal/ui/setup.hpp"

struct GLFWwindow;
struct GLFWmonitor;

namespace ft {

class GlfwLibrary {
 public:
  GlfwLibrary();   // glfwInit(); ok() says whether there is a display
  ~GlfwLibrary();  // glfwTerminate(), if it started
  GlfwLibrary(const GlfwLibrary&) = delete;
  GlfwLibrary& operator=(const GlfwLibrary&) = delete;
  bool ok() const { return ok_; }

 private:
  bool ok_ = false;
};

struct WindowSpec {
  int width = 1280, height = 800;
  std::string title;
  GLFWmonitor* monitor = nullptr;  // full screen on it, or a window when null
  bool hidden = false;             // the screenshot's: never shown, never resized
};

class GlWindow {
 public:
  // Creates the window (only a colour buffer: gl_frame.hpp says why); get()
  // is null when the display refused one.
  GlWindow(const GlfwLibrary& library, const WindowSpec& spec);
  ~GlWindow();  // the backends, the ImGui context, then the window
  GlWindow(const GlWindow&) = delete;
  GlWindow& operator=(const GlWindow&) = delete;

  GLFWwindow* get() const { return window_; }

  // After the ImGui context exists (StartupWorker::finish made it over
  // `resources`): makes the context current, starts both backends and
  // uploads the GL objects. The window keeps `resources` until after the
  // backends are shut down, which still touch its font atlas.
  // `input`: ImGui's GLFW callbacks, chained after any the caller set first.
  const ui::Resources& start_imgui(std::unique_ptr<ui::Resources> resources, bool input);

 private:
  GLFWwindow* window_ = nullptr;
  std::unique_ptr<ui::Resources> resources_;
  bool backends_ = false;
};

}  // namespace ft
