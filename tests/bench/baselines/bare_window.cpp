// floor-bench baseline: the floor of start-up and memory for any GL program
// here — a GLFW window of the kiosk's windowed size with an OpenGL 3 context,
// cleared once and shown, then gone (_Exit right after the first swap, as the
// kiosk does under FT_EXIT_AFTER_FIRST_FRAME=1).
#include <GLFW/glfw3.h>

#include <cstdlib>

int main() {
  if (!glfwInit()) return 1;
  GLFWwindow* window = glfwCreateWindow(1280, 800, "bare window", nullptr, nullptr);
  if (!window) return 1;
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  glfwPollEvents();
  glClearColor(0.1f, 0.1f, 0.1f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  glfwSwapBuffers(window);
  std::_Exit(0);
}
