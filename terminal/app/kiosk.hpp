// The kiosk: a fullscreen GLFW + OpenGL 3 window running the UI on the
// terminal's database until a supervisor closes it with their PIN.
#pragma once
#include <string>

#include "terminal/app/environment.hpp"

namespace ft {

struct KioskOptions {
  std::string db_path;
  bool windowed = false;  // a 1280x800 window with a visible cursor, for development
  std::string language = "da";
};

// Returns the process exit code: 0 after a supervisor closed the kiosk, 1 when
// it could not start (one sentence on stderr: no display, no fonts, database).
// `environment`: the configuration, catalogue and translations, loaded once by the command line.
int run_kiosk(const KioskOptions& options, const Environment& environment);

}  // namespace ft
