// One frame of the UI drawn through GLFW and OpenGL 3: ImGui's backends
// around Ui::frame(), the screen cleared to the theme's background. The
// kiosk loop and the screenshot command draw with this one function, so a
// screenshot shows exactly what the kiosk shows.
#pragma once

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
bool upload_gl_objects();

// Leaves the picture in the back buffer; the kiosk then swaps, the screenshot reads it.
void draw_gl_frame(GLFWwindow* window, Ui& ui);

}  // namespace ft::ui
