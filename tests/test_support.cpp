#include "tests/test_support.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace ft::test {

TempDir::TempDir() {
  std::random_device rd;
  path = std::filesystem::temp_directory_path() / ("ft-test-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
  std::filesystem::create_directories(path);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
}

// Built before fork(): a child of a process with threads (a test's typing
// thread, SQLite's) must not allocate before exec, since another thread may
// hold the allocator's lock at the fork. Seen as a hung child under ASan.
std::vector<char*> exec_args(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  return args;
}

RunResult run(const std::vector<std::string>& argv, const std::string& stdin_text) {
  int in[2], out[2], err[2];
  if (pipe(in) || pipe(out) || pipe(err)) throw std::runtime_error("pipe failed");
  std::vector<char*> args = exec_args(argv);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(in[0], 0);
    dup2(out[1], 1);
    dup2(err[1], 2);
    for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) close(fd);
    execv(args[0], args.data());
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  close(err[1]);
  if (!stdin_text.empty()) {
    ssize_t ignored = write(in[1], stdin_text.data(), stdin_text.size());
    (void)ignored;
  }
  close(in[1]);
  RunResult r;
  pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
  int open_fds = 2;
  char buf[65536];
  while (open_fds > 0) {
    if (poll(fds, 2, -1) < 0) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
      ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n <= 0) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      } else {
        (i == 0 ? r.out : r.err).append(buf, static_cast<size_t>(n));
      }
    }
  }
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

Child spawn(const std::vector<std::string>& argv) { return spawn_logged(argv, "/dev/null"); }

Child spawn_logged(const std::vector<std::string>& argv, const std::string& stderr_path) {
  int out[2];
  if (pipe(out)) throw std::runtime_error("pipe failed");
  Child c;
  std::vector<char*> args = exec_args(argv);
  c.pid = fork();
  if (c.pid == 0) {
    dup2(out[1], 1);
    int devnull = open("/dev/null", O_RDWR);
    dup2(devnull, 0);
    const int err = open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    dup2(err < 0 ? devnull : err, 2);
    close(out[0]);
    close(out[1]);
    execv(args[0], args.data());
    _exit(127);
  }
  close(out[1]);
  c.out_fd = out[0];
  return c;
}

RunResult finish(Child& c, bool& killed) {
  RunResult r;
  char buf[4096];
  for (ssize_t n; (n = read(c.out_fd, buf, sizeof buf)) > 0;) r.out.append(buf, static_cast<size_t>(n));
  close(c.out_fd);
  int status = 0;
  waitpid(c.pid, &status, 0);
  killed = WIFSIGNALED(status);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

RunResult floor_terminal(std::vector<std::string> args) {
  args.insert(args.begin(), binary("floor-terminal"));
  return run(args);
}

RunResult sync_server(std::vector<std::string> args, const std::string& stdin_text) {
  args.insert(args.begin(), binary("sync-server"));
  return run(args, stdin_text);
}

std::string binary(const std::string& name) { return std::string(FT_BUILD_DIR) + "/" + name; }
std::string asset(const std::string& relative) { return std::string(FT_BUILD_DIR) + "/assets/" + relative; }
std::string screenshot_dir(const std::string& set) {
  const std::string dir = std::string(FT_BUILD_DIR) + "/screenshots/" + set;
  std::filesystem::create_directories(dir);
  return dir;
}

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

const Catalogue& catalogue() {
  static const Catalogue c = [] {
    std::string error;
    auto parsed = parse_catalogue(read_file(asset("skills.json")), error);
    if (!parsed) throw std::runtime_error(error);
    return *parsed;
  }();
  return c;
}

std::string last_line(const std::string& text) {
  auto end = text.find_last_not_of("\n");
  if (end == std::string::npos) return "";
  auto start = text.rfind('\n', end);
  return text.substr(start == std::string::npos ? 0 : start + 1, end - (start == std::string::npos ? 0 : start + 1) + 1);
}

}  // namespace ft::test
