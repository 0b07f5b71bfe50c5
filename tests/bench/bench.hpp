// Shared pieces of floor-bench: timing, the figure line (a contract), child
// processes for peak memory, and a synthetic event history of any size.
#pragma once
#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "terminal/core/catalogue.hpp"
#include "terminal/core/rules.hpp"

namespace ft::bench {

using Clock = std::chrono::steady_clock;
inline double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// figure: NAME ours=VALUE baseline=VALUE ratio=R goal=GOAL met|short
// `lower_is_better`: the goal is ratio <= goal; otherwise ratio >= goal.
void figure(const std::string& name, double ours, double baseline, double goal, bool lower_is_better,
            const std::string& unit);
void note(const std::string& text);  // a "# ..." line beside the figures

double percentile(std::vector<double> v, double p);

// Runs `work` in a forked child; returns its wall time in seconds and peak RSS in MiB.

struct Workdir {
  std::string path;
  Workdir();
  ~Workdir();
  std::string file(const std::string& name) const { return path + "/" + name; }
};

// A program of the build tree (floor-terminal, sync-server, the baselines).
std::string binary(const std::string& name);
// Runs argv to completion with `env` added to the environment; stdout and
// stderr captured together. Wall time from spawn to exit; peak RSS is the
// child's own VmHWM, sampled every 2 ms (a child that peaks in its last
// moment should print its own, as --rebuild-child does).
struct Run { int exit_code = -1; double seconds = 0; double peak_mib = 0; std::string out; };
Run run_process(const std::vector<std::string>& argv, const std::vector<std::string>& env = {});
// Starts argv with stdout and stderr on out_fd and `env` added; does not wait.
pid_t start_process(const std::vector<std::string>& argv, int out_fd, const std::vector<std::string>& env = {});
// /proc/PID/<file>, or "" when the process is gone: a process may end between
// the open and the read, and the kernel then fails the read (ESRCH), which
// std::ifstream would turn into an exception.
std::string read_proc(pid_t pid, const char* file);
// The peak resident memory (VmHWM) of a running process, in MiB.
double vm_hwm_mib(pid_t pid);

const Catalogue& catalogue();
// A terminal database holding about `events` events of a busy centre (check-ins,
// check-outs, assessments), written through the real store in large transactions.
void make_history(const std::string& db_path, std::int64_t events);

// Figures, one file each.
void bench_checkin(const Workdir& w, bool quick);
void bench_rebuild(const Workdir& w, bool quick);
void bench_scaling(const Workdir& w, bool quick);
int rebuild_child(const std::string& db_path);  // floor-bench --rebuild-child DB: one rebuild, prints seconds and peak
void bench_sync(const Workdir& w, bool quick);          // sync_full_history
void bench_sync_scaling(const Workdir& w, bool quick);  // scaling: sync
void bench_server(const Workdir& w, bool quick);        // server_many_terminals, server_postgres, server_rss
void bench_display(const Workdir& w, bool quick);       // idle_cpu, first_frame, kiosk_rss (needs DISPLAY)
// screenshot_vs_chromium, rss_vs_chromium (called by bench_display; needs chromium);
// `kiosk_peak_mib` is the windowed kiosk's, the size of Chromium's window.
void bench_browser(const Workdir& w, const std::string& demo_db, double kiosk_peak_mib, bool quick);

}  // namespace ft::bench
