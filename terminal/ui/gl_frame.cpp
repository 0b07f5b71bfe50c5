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

// The atlas is white glyphs on nothing: only its alpha says anything.
// ImGui's backend converts it to 4 bytes a pixel on the CPU and uploads that;
// where the context can swizzle (GL 3.3, or the extension), one byte a pixel
// read as (1, 1, 1, r) draws the same, saves the driver three quarters of the
// texture all day (1.5 MiB for the 1280x800 atlas, 3 MiB at 1920x1080 under
// Mesa's llvmpipe) and saves start-up the conversion and the larger upload.
bool can_swizzle() {
  GLFWwindow* window = glfwGetCurrentContext();
  const int major = glfwGetWindowAttrib(window, GLFW_CONTEXT_VERSION_MAJOR);
  const int minor = glfwGetWindowAttrib(window, GLFW_CONTEXT_VERSION_MINOR);
  return major * 10 + minor >= 33 || glfwExtensionSupported("GL_ARB_texture_swizzle");
}

// The backend uploads whatever atlas io.Fonts points at. Pointed at a
// one-pixel atlas, it builds its shaders and buffers and a texture object
// without ever touching ours; the texture then gets our atlas's alpha.
bool create_device_objects_with_alpha_atlas() {
  ImGuiIO& io = ImGui::GetIO();
  ImFontAtlas& atlas = *io.Fonts;
  unsigned char* alpha = nullptr;
  int width = 0, height = 0;
  atlas.GetTexDataAsAlpha8(&alpha, &width, &height);

  ImFontAtlas one_pixel;
  one_pixel.TexWidth = one_pixel.TexHeight = 1;
  one_pixel.TexPixelsRGBA32 = static_cast<unsigned int*>(IM_ALLOC(sizeof(unsigned int)));  // freed by its Clear()
  *one_pixel.TexPixelsRGBA32 = 0xFFFFFFFFu;
  io.Fonts = &one_pixel;
  const bool created = ImGui_ImplOpenGL3_CreateDeviceObjects();
  io.Fonts = &atlas;
  if (!created) return false;
  atlas.SetTexID(one_pixel.TexID);

  GLint bound = 0, alignment = 4;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
  glGetIntegerv(GL_UNPACK_ALIGNMENT, &alignment);
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<intptr_t>(atlas.TexID)));
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, alpha);
  const GLint swizzle[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
  glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
  glPixelStorei(GL_UNPACK_ALIGNMENT, alignment);
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
  return true;
}

void set_atlas_filter(ImTextureID atlas, GLint filter) {
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<intptr_t>(atlas)));
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
}

// Draw callbacks around scaled text. ImGui's OpenGL backend binds each
// command's texture before drawing it, so changing the bound one here is safe.
void sample_atlas_smoothly(const ImDrawList*, const ImDrawCmd* cmd) { set_atlas_filter(cmd->GetTexID(), GL_LINEAR); }
void sample_atlas_nearest(const ImDrawList*, const ImDrawCmd* cmd) { set_atlas_filter(cmd->GetTexID(), GL_NEAREST); }

}  // namespace

void hint_colour_buffer_only() {
  glfwWindowHint(GLFW_DEPTH_BITS, 0);
  glfwWindowHint(GLFW_STENCIL_BITS, 0);
}

bool upload_gl_objects() {
  const bool created = can_swizzle() ? create_device_objects_with_alpha_atlas() : ImGui_ImplOpenGL3_CreateDeviceObjects();
  if (!created) return false;
  set_atlas_filter(ImGui::GetIO().Fonts->TexID, GL_NEAREST);
  ImGui::GetIO().Fonts->ClearTexData();
  return true;
}

void draw_without_blending(const ImDrawList*, const ImDrawCmd*) { glDisable(GL_BLEND); }

void add_scaled_text(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 colour, const char* text) {
  const bool scaled = size != font->FontSize;
  if (scaled) dl->AddCallback(sample_atlas_smoothly, nullptr);
  dl->AddText(font, size, pos, colour, text);
  if (scaled) dl->AddCallback(sample_atlas_nearest, nullptr);
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
