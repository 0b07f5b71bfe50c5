#include "terminal/app/gl_window.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "terminal/ui/gl_frame.hpp"

namespace ft {

GlfwLibrary::GlfwLibrary() : ok_(glfwInit() == GLFW_TRUE) {}

GlfwLibrary::~GlfwLibrary() {
  if (ok_) glfwTerminate();
}

GlWindow::GlWindow(const GlfwLibrary& library, const WindowSpec& spec) {
  if (!library.ok()) return;
  if (spec.hidden) {
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
    glfwWindowHint(GLFW_DOUBLEBUFFER, GLFW_TRUE);  // the picture is read from the back buffer
  } else {
    glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);  // a touch elsewhere must not minimise the kiosk
  }
  ui::hint_colour_buffer_only();
  window_ = glfwCreateWindow(spec.width, spec.height, spec.title.c_str(), spec.monitor, nullptr);
}

GlWindow::~GlWindow() {
  if (backends_) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
  }
  if (ImGui::GetCurrentContext()) ImGui::DestroyContext();
  resources_.reset();  // after the context that borrowed its atlas
  if (window_) glfwDestroyWindow(window_);
}

const ui::Resources& GlWindow::start_imgui(std::unique_ptr<ui::Resources> resources, bool input) {
  resources_ = std::move(resources);
  glfwMakeContextCurrent(window_);
  ImGui_ImplGlfw_InitForOpenGL(window_, input);
  ImGui_ImplOpenGL3_Init("#version 130");
  backends_ = true;
  ui::upload_gl_objects();  // a failure here shows in the first frame, which tries again
  return *resources_;
}

}  // namespace ft
