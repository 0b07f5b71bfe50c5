// How both baselines open their window, the two ways the kiosk opens its own:
// 1280x800 like `floor-terminal --windowed`, or with --fullscreen full screen on
// the primary monitor at its own size, as the kiosk runs on the terminal.
// GLFW's default framebuffer either way (the baselines ask for nothing).
#pragma once
#include <GLFW/glfw3.h>

#include <cstring>

inline GLFWwindow* open_baseline_window(int argc, char** argv, const char* title) {
  const bool fullscreen = argc > 1 && std::strcmp(argv[1], "--fullscreen") == 0;
  GLFWmonitor* monitor = fullscreen ? glfwGetPrimaryMonitor() : nullptr;
  const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
  if (fullscreen && !mode) return nullptr;
  return glfwCreateWindow(mode ? mode->width : 1280, mode ? mode->height : 800, title, monitor, nullptr);
}
