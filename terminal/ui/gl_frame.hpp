// One frame of the UI drawn through GLFW and OpenGL 3: ImGui's backends
// around Ui::frame(), the screen cleared to the theme's background. The
// kiosk loop and the screenshot command draw with this one function, so a
// screenshot shows exactly what the kiosk shows.
#pragma once
#include <imgui.h>

struct GLFWwindow;

namespace ft::ui {

class Ui;

// Before glfwCreateWindow: ImGui draws flat, in order, clipped by scissor,
// so the window asks for no depth or stencil buffer, which the driver would
// otherwise keep beside the colour buffer (4 bytes a pixel under llvmpipe:
// 4 MiB at 1280x800, 8 MiB on a 1920x1080 terminal).
void hint_colour_buffer_only();

// After ImGui_ImplOpenGL3_Init: compiles the shaders and uploads the font
// atlas now rather than in the first frame (one byte a pixel where the
// context allows), then frees the atlas's CPU copies, which nothing reads
// again: the kiosk never rebuilds the atlas.
//
// The atlas is sampled nearest. Text and shapes drawn at the size they were
// rasterised at map one texel to one pixel, where nearest draws what linear
// filtering would, and a CPU rasteriser (Mesa's llvmpipe on the terminal)
// shades a full board in three quarters of the time (docs/performance.md).
// Text drawn at another size goes through add_scaled_text(), which samples
// smoothly for that text alone.
bool upload_gl_objects();

// An ImDrawCallback: the commands after it write their colour without
// blending, until an ImDrawCallback_ResetRenderState (see OpaqueFills).
void draw_without_blending(const ImDrawList*, const ImDrawCmd*);

// `text` at `size` pixels although `font` was rasterised at another size (an
// avatar's initials fitted to its circle, an icon grown to fill a station):
// the atlas is sampled linearly around it, so it is smoothed, not blocky.
// At the font's own size it is plain AddText.
void add_scaled_text(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 colour, const char* text);

// Leaves the picture in the back buffer; the kiosk then swaps, the screenshot reads it.
void draw_gl_frame(GLFWwindow* window, Ui& ui);

}  // namespace ft::ui
