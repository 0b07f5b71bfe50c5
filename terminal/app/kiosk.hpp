// The kiosk: a fullscreen GLFW + OpenGL 3 window running the UI on the
// terminal's database until a supervisor closes it with their PIN.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "terminal/app/environment.hpp"

namespace ft {

struct KioskOptions {
  std::string db_path;
  bool windowed = false;  // a 1280x800 window with a visible cursor, for development
  std::string language = "da";
};

// Loads the configuration, catalogue and translations; null with one sentence in `error`.
using EnvironmentLoader = std::function<std::optional<Environment>(std::string& error)>;

// Returns the process exit code: 0 after a supervisor closed the kiosk, 1 when
// it could not start (one sentence on stderr: no display, no fonts, database),
// 2 when the configuration is wrong (the sentence names the file and line).
// The kiosk calls `load_environment` once: on its worker thread beside the GL
// driver's loading (kiosk.cpp), or at once when there is no display.
int run_kiosk(const KioskOptions& options, const EnvironmentLoader& load_environment);

}  // namespace ft
