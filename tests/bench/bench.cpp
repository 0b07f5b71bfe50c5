// floor-bench entry point and shared helpers. Usage: floor-bench [--quick] [--only NAME]
#include "tests/bench/bench.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "terminal/core/progress.hpp"
#include "terminal/store/centre.hpp"
#include "terminal/store/centre_database.hpp"

namespace ft::bench {

void figure(const std::string& name, double ours, double baseline, double goal, bool lower, const std::string& unit) {
  const double ratio = baseline > 0 ? ours / baseline : 0;
  const bool met = lower ? ratio <= goal : ratio >= goal;
  std::printf("figure: %s ours=%.4g%s baseline=%.4g%s ratio=%.3g goal=%s%.3g %s\n", name.c_str(), ours, unit.c_str(),
              baseline, unit.c_str(), ratio, lower ? "<=" : ">=", goal, met ? "met" : "short");
  std::fflush(stdout);
}

void note(const std::string& text) {
  std::printf("# %s\n", text.c_str());
  std::fflush(stdout);
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t i = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5));
  return v[i];
}

std::string binary(const std::string& name) { return std::string(FT_BUILD_DIR) + "/" + name; }

std::string read_proc(pid_t pid, const char* file) {
  const int fd = ::open(("/proc/" + std::to_string(pid) + "/" + file).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return "";
  std::string text;
  char buffer[4096];
  for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) text.append(buffer, size_t(n));
  ::close(fd);
  return text;
}

double vm_hwm_mib(pid_t pid) {
  std::istringstream f(read_proc(pid, "status"));
  std::string line;
  while (std::getline(f, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  return 0;
}

pid_t start_process(const std::vector<std::string>& argv, int out_fd, const std::vector<std::string>& env) {
  // posix_spawn, not fork: glibc's returns only once the child has exec'd
  // (it shares our memory until then), so every VmHWM read of the child is
  // of the program itself and never of this large benchmark process, and the
  // environment is built here rather than changed in a forked child.
  std::vector<std::string> vars;
  for (char** e = environ; *e; ++e) {
    const std::string var(*e);
    const auto named = [&](const std::string& added) {
      return added.compare(0, added.find('=') + 1, var, 0, var.find('=') + 1) == 0;
    };
    if (std::none_of(env.begin(), env.end(), named)) vars.push_back(var);
  }
  vars.insert(vars.end(), env.begin(), env.end());
  std::vector<char*> envp, args;
  for (auto& v : vars) envp.push_back(v.data());
  envp.push_back(nullptr);
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
  posix_spawn_file_actions_adddup2(&actions, out_fd, 2);
  if (out_fd > 2) posix_spawn_file_actions_addclose(&actions, out_fd);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(rc));
  return pid;
}

Run run_process(const std::vector<std::string>& argv, const std::vector<std::string>& env) {
  // Output goes to a file, not a pipe, so the parent is free to poll. The
  // peak is the child's VmHWM, sampled every 2 ms: wait4's ru_maxrss would
  // count the child's pages from before its exec.
  char out_path[] = "/tmp/floor-bench-out-XXXXXX";
  const int out = mkstemp(out_path);
  if (out < 0) throw std::runtime_error("mkstemp failed");
  unlink(out_path);
  const auto start = Clock::now();
  const pid_t pid = start_process(argv, out, env);
  Run r;
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    r.peak_mib = std::max(r.peak_mib, vm_hwm_mib(pid));
    usleep(2000);
  }
  r.seconds = seconds_since(start);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  lseek(out, 0, SEEK_SET);
  char buf[4096];
  for (ssize_t n; (n = read(out, buf, sizeof buf)) > 0;) r.out.append(buf, static_cast<size_t>(n));
  close(out);
  return r;
}

Workdir::Workdir() {
  // On the same disk as the build, not a tmpfs: durability figures need a real fsync.
  path = std::string(FT_BUILD_DIR) + "/bench-work-" + std::to_string(getpid());
  std::filesystem::create_directories(path);
}
Workdir::~Workdir() {
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
}

const Catalogue& catalogue() {
  static const Catalogue c = [] {
    std::ifstream f(std::string(FT_BUILD_DIR) + "/assets/skills.json");
    std::stringstream ss;
    ss << f.rdbuf();
    std::string error;
    auto parsed = parse_catalogue(ss.str(), error);
    if (!parsed) throw std::runtime_error(error);
    return *parsed;
  }();
  return c;
}

void make_history(const std::string& path, std::int64_t events) {
  StoreError error;
  Rules rules;
  rules.capacity = 100000;
  auto now = std::make_shared<std::int64_t>(1700000000000LL);
  ft::Clock clock{[now] { return *now; }, ft::Clock::fixed(0).local};
  auto centre = Centre::open(path, rules, catalogue(), error, clock);
  if (!centre) throw std::runtime_error("cannot open " + path + ": " + error.detail);
  centre_database(*centre).exec("PRAGMA synchronous=OFF");
  // 60 trainees at a time; each day every one checks in and out, and one skill is assessed.
  const int trainees = 60;
  const std::int64_t days = std::max<std::int64_t>(1, events / (trainees * 3));
  std::vector<std::string> ids;
  const Actor admin = local_admin();
  const Actor instructor{"bench-instructor", Role::Instructor};
  std::vector<Draft> drafts;
  auto flush = [&] {
    Transaction tx(centre_database(*centre));
    stamp_and_append(centre_database(*centre), centre->terminal_id(), "bench", drafts, *now);
    tx.commit();
    drafts.clear();
  };
  for (int i = 0; i < trainees; ++i)
    drafts.push_back({ev::kTraineeEnrolled, Json{{"trainee_id", "t" + std::to_string(i)}, {"name", "Kursist " + std::to_string(i)},
                                                 {"stage", "centre"}, {"day", "2020-01-01"}, {"language", "da"}}});
  std::int64_t written = trainees;
  std::mt19937 rng(7);
  for (std::int64_t d = 0; d < days && written < events; ++d) {
    const std::string day = format_day(*parse_day("2020-01-01") + static_cast<int>(d));
    for (int i = 0; i < trainees && written < events; ++i) {
      const std::string id = "t" + std::to_string(i);
      drafts.push_back({ev::kCheckedIn, Json{{"trainee_id", id}, {"day", day}, {"time", "07:3" + std::to_string(rng() % 10)}}});
      drafts.push_back({ev::kCheckedOut, Json{{"trainee_id", id}, {"day", day}, {"time", "15:0" + std::to_string(rng() % 10)}}});
      drafts.push_back({ev::kSkillAssessed, Json{{"trainee_id", id}, {"skill", catalogue().skills[rng() % 30].key},
                                                 {"level", 1 + static_cast<int>(rng() % 4)}, {"day", day}}});
      written += 3;
    }
    *now += 1000;
    if (drafts.size() > 20000) flush();
  }
  flush();
  centre_database(*centre).exec("PRAGMA synchronous=FULL");
  centre_database(*centre).exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

}  // namespace ft::bench

int main(int argc, char** argv) {
  using namespace ft::bench;
  bool quick = false;
  std::string only;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--quick") quick = true;
    else if (a == "--only" && i + 1 < argc) only = argv[++i];
    else if (a == "--rebuild-child" && i + 1 < argc) return rebuild_child(argv[++i]);
    else {
      std::fprintf(stderr, "usage: floor-bench [--quick] [--only checkin|rebuild|scaling|sync|sync-scaling|server|display]\n");
      return 2;
    }
  }
  try {
    Workdir w;
    note("floor-bench: each figure against its baseline, measured in this run on this machine");
    if (only.empty() || only == "checkin") bench_checkin(w, quick);
    if (only.empty() || only == "rebuild") bench_rebuild(w, quick);
    if (only.empty() || only == "scaling") bench_scaling(w, quick);
    if (only.empty() || only == "sync") bench_sync(w, quick);
    if (only.empty() || only == "sync-scaling") bench_sync_scaling(w, quick);
    if (only.empty() || only == "server") bench_server(w, quick);
    if (only.empty() || only == "display") bench_display(w, quick);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "floor-bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
