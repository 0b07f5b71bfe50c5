// floor-bench baseline: the floor of start-up and memory for any GL program
// here — a GLFW window of the kiosk's size (see baseline_window.hpp) with an
// OpenGL 3 context, cleared once and shown, then gone (_Exit right after the
// first swap, as the kiosk does under FT_EXIT_AFTER_FIRST_FRAME=1).
#include <cstdlib>

#include "tests/bench/baselines/baseline_window.hpp"

int main(int argc, char** argv) {
  if (!glfwInit()) return 1;
  GLFWwindow* window = open_baseline_window(argc, argv, "bare window");
  if (!window) return 1;
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  glfwPollEvents();
  glClearColor(0.1f, 0.1f, 0.1f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  glfwSwapBuffers(window);
  std::_Exit(0);
}
