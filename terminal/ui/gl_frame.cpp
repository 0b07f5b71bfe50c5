// See gl_frame.hpp.
#include "terminal/ui/gl_frame.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "terminal/ui/theme.hpp"
#include "terminal/ui/ui.hpp"

namespace ft::ui {

bool upload_gl_objects() {
  if (!ImGui_ImplOpenGL3_CreateDeviceObjects()) return false;
  ImGui::GetIO().Fonts->ClearTexData();
  return true;
}

void draw_gl_frame(GLFWwindow* window, Ui& ui) {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  ui.frame();
  ImGui::Render();
  int w = 0, h = 0;
  glfwGetFramebufferSize(window, &w, &h);
  glViewport(0, 0, w, h);
  const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(colour::background);
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace ft::ui
