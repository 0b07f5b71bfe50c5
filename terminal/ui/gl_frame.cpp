// See gl_frame.hpp.
#include "terminal/ui/gl_frame.hpp"

#include <GLFW/glfw3.h>
#include <GL/glext.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "terminal/ui/theme.hpp"
#include "terminal/ui/ui.hpp"

namespace ft::ui {

namespace {

// The atlas is white glyphs on nothing: only its alpha says anything. ImGui's
// backend uploads it at 4 bytes a pixel; where the context can swizzle (GL
// 3.3, or the extension), one byte a pixel read as (1, 1, 1, r) draws the
// same and saves the driver three quarters of the texture (1.5 MiB for the
// 1280x800 atlas, 3 MiB at 1920x1080, held all day by Mesa's llvmpipe).
void shrink_font_texture() {
  GLFWwindow* window = glfwGetCurrentContext();
  const int major = glfwGetWindowAttrib(window, GLFW_CONTEXT_VERSION_MAJOR);
  const int minor = glfwGetWindowAttrib(window, GLFW_CONTEXT_VERSION_MINOR);
  if (major * 10 + minor < 33 && !glfwExtensionSupported("GL_ARB_texture_swizzle")) return;
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  unsigned char* alpha = nullptr;
  int width = 0, height = 0;
  atlas.GetTexDataAsAlpha8(&alpha, &width, &height);
  GLint bound = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<intptr_t>(atlas.TexID)));
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, alpha);
  const GLint swizzle[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
  glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
}

}  // namespace

bool upload_gl_objects() {
  if (!ImGui_ImplOpenGL3_CreateDeviceObjects()) return false;
  shrink_font_texture();
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
