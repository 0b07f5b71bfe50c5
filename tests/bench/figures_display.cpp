// Display figures (only with a DISPLAY, e.g. under xvfb-run): the kiosk on
// the demo centre's board against the smallest programs doing the same job
// with the same GLFW/OpenGL3/ImGui (tests/bench/baselines):
//   idle_cpu    — CPU of a core while the board sits idle, against the plain
//                 ImGui loop that redraws every frame; the goal is absolute (< 1 %);
//   first_frame — process start to the first finished frame (the kiosk ends
//                 itself there under FT_EXIT_AFTER_FIRST_FRAME=1), against a
//                 bare GLFW window with a GL context;
//   kiosk_rss   — peak resident memory over the idle run, against the bare window's;
// then the board against headless Chromium (figures_browser.cpp).
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "tests/bench/bench.hpp"

namespace ft::bench {

namespace {

pid_t spawn_quiet(const std::vector<std::string>& argv) {
  const int null = ::open("/dev/null", O_WRONLY);
  const pid_t pid = start_process(argv, null);
  close(null);
  return pid;
}

// utime + stime in clock ticks, fields 14 and 15 of /proc/PID/stat.
long long cpu_ticks(pid_t pid) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/stat");
  std::string all((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  const auto close_paren = all.rfind(')');  // the command name may hold spaces
  if (close_paren == std::string::npos) throw std::runtime_error("cannot read /proc/" + std::to_string(pid) + "/stat");
  std::istringstream in(all.substr(close_paren + 2));
  std::string field;
  long long utime = 0, stime = 0;
  for (int i = 3; i <= 15 && in >> field; ++i) {
    if (i == 14) utime = std::stoll(field);
    if (i == 15) stime = std::stoll(field);
  }
  return utime + stime;
}

struct Idle {
  double core_percent = 0;
  double peak_mib = 0;
};

// Starts the program, lets it settle, then counts its CPU over `seconds`.
Idle idle_run(const std::vector<std::string>& argv, double settle_s, double seconds) {
  const pid_t pid = spawn_quiet(argv);
  std::this_thread::sleep_for(std::chrono::duration<double>(settle_s));
  const long long t0 = cpu_ticks(pid);
  const auto start = Clock::now();
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  const long long t1 = cpu_ticks(pid);
  const double wall = seconds_since(start);
  Idle r;
  r.peak_mib = vm_hwm_mib(pid);
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  r.core_percent = 100.0 * static_cast<double>(t1 - t0) / static_cast<double>(sysconf(_SC_CLK_TCK)) / wall;
  return r;
}

}  // namespace

void bench_display(const Workdir& w, bool quick) {
  if (!std::getenv("DISPLAY")) {
    note("idle_cpu, first_frame, kiosk_rss: skipped, no DISPLAY (run under xvfb-run -a -s \"-screen 0 1920x1080x24\")");
    return;
  }
  const std::string demo = w.file("demo.db");
  const auto seeded = run_process({binary("floor-terminal"), "seed-demo", "--db", demo});
  if (seeded.exit_code != 0) throw std::runtime_error("seed-demo failed: " + seeded.out);
  const std::vector<std::string> kiosk{binary("floor-terminal"), "--db", demo, "--windowed"};

  // first_frame: alternate the two so both meet the same machine; median of each.
  const int runs = quick ? 3 : 7;
  std::vector<double> ours, bare, plain, ours_peak, bare_peak;
  for (int i = 0; i < runs; ++i) {
    auto k = run_process(kiosk, {"FT_EXIT_AFTER_FIRST_FRAME=1"});
    if (k.exit_code != 0) throw std::runtime_error("the kiosk did not reach its first frame: " + k.out);
    auto b = run_process({binary("bench-bare-window")});
    if (b.exit_code != 0) throw std::runtime_error("the bare window failed: " + b.out);
    auto p = run_process({binary("bench-imgui-loop")}, {"FT_EXIT_AFTER_FIRST_FRAME=1"});
    if (p.exit_code != 0) throw std::runtime_error("the plain ImGui loop failed: " + p.out);
    ours.push_back(k.seconds);
    bare.push_back(b.seconds);
    plain.push_back(p.seconds);
    ours_peak.push_back(k.peak_mib);
    bare_peak.push_back(b.peak_mib);
  }

  const double seconds = quick ? 5 : 10;
  const Idle board = idle_run(kiosk, 3.0, seconds);
  const Idle loop = idle_run({binary("bench-imgui-loop")}, 1.0, seconds);

  char line[600];
  std::snprintf(line, sizeof line,
                "idle_cpu: %% of one core over %.0f s (ticks from /proc/PID/stat), kiosk on the demo board, windowed "
                "1280x800; baseline the plain ImGui loop redrawing every frame; the goal is absolute",
                seconds);
  note(line);
  const bool met = board.core_percent < 1.0;
  std::printf("figure: idle_cpu ours=%.3g%% baseline=%.4g%% ratio=%.3g goal=ours<1%% %s\n", board.core_percent,
              loop.core_percent, loop.core_percent > 0 ? board.core_percent / loop.core_percent : 0.0,
              met ? "met" : "short");
  std::fflush(stdout);
  note(
      "first_frame: spawn to exit right after the first glfwSwapBuffers (kiosk: FT_EXIT_AFTER_FIRST_FRAME=1, demo "
      "centre, board), median of " +
      std::to_string(runs) + "; baseline a bare GLFW window with a GL context (s)");
  std::snprintf(line, sizeof line,
                "first_frame: the plain ImGui loop (one line of text, ImGui's default font) reaches its first frame "
                "in %.4g s, %.2fx the bare window: ImGui's shaders compiled and run once by llvmpipe",
                percentile(plain, 0.5), percentile(plain, 0.5) / percentile(bare, 0.5));
  note(line);
  figure("first_frame", percentile(ours, 0.5), percentile(bare, 0.5), 1.3, true, "s");
  std::snprintf(line, sizeof line,
                "kiosk_rss: peak resident memory (VmHWM) of the kiosk over the idle run; baseline the bare window's "
                "(MiB). At its first frame the kiosk peaks at %.1f MiB; the plain ImGui loop at %.1f MiB (%.2fx the bare "
                "window): llvmpipe compiling and running ImGui's shaders, and GLFW's default depth buffer, which the "
                "kiosk does not ask for",
                percentile(ours_peak, 0.5), loop.peak_mib, loop.peak_mib / percentile(bare_peak, 0.5));
  note(line);
  figure("kiosk_rss", board.peak_mib, percentile(bare_peak, 0.5), 1.3, true, "MiB");
  bench_browser(w, demo, board.peak_mib, quick);
}

}  // namespace ft::bench
