// Helpers shared by the test suites: temporary folders, running our own
// binaries as a user would, the assets of the source tree.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "terminal/core/catalogue.hpp"
#include "terminal/core/rules.hpp"

namespace ft::test {

// A fresh folder under the system temp dir, removed when the object dies.
struct TempDir {
  std::filesystem::path path;
  TempDir();
  ~TempDir();
  std::string file(const std::string& name) const { return (path / name).string(); }
};

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs a program with arguments (no shell), capturing stdout and stderr.
RunResult run(const std::vector<std::string>& argv, const std::string& stdin_text = "");
// argv as execv() wants it. Build it before fork(): a child of a threaded
// process must not allocate before exec (another thread may hold malloc's lock).
std::vector<char*> exec_args(const std::vector<std::string>& argv);
// A child process whose stdout is read after it ends; for crash tests that kill it.
struct Child {
  int pid = -1;
  int out_fd = -1;
};
Child spawn(const std::vector<std::string>& argv);
// The same, with its stderr appended to `stderr_path` (a kiosk's log).
Child spawn_logged(const std::vector<std::string>& argv, const std::string& stderr_path);
// Waits for the child; `killed` tells whether a signal ended it.
RunResult finish(Child& child, bool& killed);

std::string binary(const std::string& name);  // path of a binary in the build folder
// Runs the build's floor-terminal with these arguments, as a user would.
RunResult floor_terminal(std::vector<std::string> args);
RunResult sync_server(std::vector<std::string> args, const std::string& stdin_text = "");
std::string asset(const std::string& relative);  // path under the build's assets folder
// The build's screenshots/SET folder (made when missing), where the kiosk's
// screens and the web pages are kept for a person to look at: docs/screenshots.md.
std::string screenshot_dir(const std::string& set);
std::string read_file(const std::string& path);
const Catalogue& catalogue();  // assets/skills.json
std::string last_line(const std::string& text);

}  // namespace ft::test
