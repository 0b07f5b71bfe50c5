// floor-bench baseline for idle CPU: the plain Dear ImGui loop of the
// examples, which polls and redraws every frame whether anything changed or
// not. Runs until SIGTERM; under FT_EXIT_AFTER_FIRST_FRAME=1 it ends right
// after its first frame, as the kiosk does, for the first_frame note.
// Its window is the kiosk's size (see baseline_window.hpp).
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <csignal>
#include <cstdlib>
#include <cstring>

#include "tests/bench/baselines/baseline_window.hpp"

namespace {
volatile std::sig_atomic_t g_stop = 0;
void on_stop(int) { g_stop = 1; }
}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGTERM, on_stop);
  const char* exit_env = std::getenv("FT_EXIT_AFTER_FIRST_FRAME");
  const bool exit_after_first_frame = exit_env && std::strcmp(exit_env, "1") == 0;
  if (!glfwInit()) return 1;
  GLFWwindow* window = open_baseline_window(argc, argv, "imgui loop");
  if (!window) return 1;
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 130");
  while (!g_stop && !glfwWindowShouldClose(window)) {
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    // A window of a set size: ImGui hides a new window that sizes itself for
    // its first frame, and then the first frame would draw nothing.
    ImGui::SetNextWindowPos(ImVec2(20, 20), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(400, 200), ImGuiCond_Always);
    ImGui::Begin("Board");
    ImGui::Text("Checked in: 12 of 20");
    ImGui::End();
    ImGui::Render();
    int w = 0, h = 0;
    glfwGetFramebufferSize(window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(0.1f, 0.1f, 0.1f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(window);
    if (exit_after_first_frame) std::_Exit(0);
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return 0;
}
