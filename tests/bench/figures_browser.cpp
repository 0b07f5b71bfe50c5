// The board against a web page (DESIGN.md §7): the same board as HTML —
// the demo centre's trainees in tiles with initials, first name and last
// initial, in or out, Noto Sans and the Material Design Icons webfont from
// the same Debian packages — drawn by headless Chromium to a PNG, against
// `floor-terminal screenshot --screen board` writing the same size of PNG.
//   screenshot_vs_chromium — start to a finished PNG; the goal: 4x faster;
//   rss_vs_chromium        — the kiosk's peak resident memory at 1280x800 against
//                            that of Chromium's largest process; the goal: half.
// Skipped when /usr/bin/chromium is not installed (apt install chromium).
#include <dirent.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>

#include "terminal/core/event.hpp"
#include "terminal/core/text.hpp"
#include "tests/bench/bench.hpp"

namespace ft::bench {

namespace {

constexpr const char* kChromium = "/usr/bin/chromium";

std::string html_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '&') out += "&amp;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

// The board of `status --json` as one HTML page, laid out as the kiosk lays it out at 1280x800.
std::string board_html(const Json& status) {
  std::string tiles;
  for (const auto& t : status.at("trainees")) {
    if (t.at("stage") != "centre") continue;
    const std::string name = t.at("name").get<std::string>();
    const bool in = t.value("checked_in", false);
    tiles += std::string("<div class=\"tile") + (in ? " in" : "") + "\"><div class=\"avatar\">" +
             html_escape(initials(name)) + "</div><div><div class=\"name\">" +
             html_escape(first_name_last_initial(name)) + "</div><div class=\"status\"><i class=\"mdi mdi-" +
             (in ? "clock-in" : "clock") + "\"></i> " + (in ? "Inde" : "Ikke tjekket ind") + "</div></div></div>\n";
  }
  return R"(<!doctype html><html lang="da"><head><meta charset="utf-8">
<link rel="stylesheet" href="file:///usr/share/fonts-materialdesignicons-webfont/css/materialdesignicons.css">
<style>
body{margin:0;font-family:"Noto Sans",sans-serif;background:#eef1f6;color:#111827;width:1280px;height:800px;overflow:hidden}
header{background:#0b2d5b;color:#fff;height:85px;display:flex;align-items:center;justify-content:space-between;padding:0 18px}
header h1{font-size:22px;margin:0}.clock{text-align:right;font-weight:bold;font-size:22px}.clock small{display:block;font-weight:normal;font-size:13px}
.hint{margin:16px 18px 8px;font-size:15px;color:#374151}
.grid{display:grid;grid-template-columns:repeat(4,1fr);gap:16px;margin:0 18px}
.tile{display:flex;align-items:center;gap:14px;background:#fff;border:1.5px solid #c3cad5;border-radius:8px;height:124px;padding:0 12px}
.tile.in{background:#dcf2e3;border:4px solid #1c7d3a}
.avatar{width:76px;height:76px;border-radius:50%;background:#0b4f9c;color:#fff;display:flex;align-items:center;justify-content:center;font-weight:bold;font-size:24px;flex:none}
.name{font-weight:bold;font-size:17px}.status{font-size:17px;color:#4b5563}.tile.in .status{color:#1c7d3a}
footer{position:absolute;bottom:18px;left:18px;right:18px;display:flex;justify-content:space-between}
footer button{font:inherit;font-weight:bold;font-size:17px;height:64px;padding:0 18px;border-radius:8px;border:1.5px solid #c3cad5;background:#e3e8ef}
</style></head><body>
<header><h1><i class="mdi mdi-home"></i> Træningscenter Ikast</h1><div class="clock">08:14<small>tirsdag 1. december 2026</small></div></header>
<div class="hint"><i class="mdi mdi-hand-pointing-right"></i> Tryk på dit navn for at tjekke ind eller ud – eller scan dit kort.</div>
<div class="grid">
)" + tiles +
         R"(</div><footer><button><i class="mdi mdi-account-key"></i> Personale</button><button><i class="mdi mdi-translate"></i> English</button></footer>
</body></html>
)";
}

// Every process descended from `root`, by parent links in /proc.
std::set<pid_t> descendants(pid_t root) {
  std::map<pid_t, pid_t> parent;
  if (DIR* d = opendir("/proc")) {
    while (dirent* e = readdir(d)) {
      const pid_t pid = static_cast<pid_t>(std::atoi(e->d_name));
      if (pid <= 0) continue;
      const std::string all = read_proc(pid, "stat");
      const auto close_paren = all.rfind(')');
      if (close_paren == std::string::npos || close_paren + 4 >= all.size()) continue;
      parent[pid] = static_cast<pid_t>(std::atoi(all.c_str() + close_paren + 4));  // ") S PPID"
    }
    closedir(d);
  }
  std::set<pid_t> out{root};
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& [pid, ppid] : parent)
      if (out.count(ppid) && out.insert(pid).second) grew = true;
  }
  return out;
}

struct Browser {
  double seconds = 0;
  double largest_mib = 0;  // the largest peak of any one of its processes
  int processes = 0;
};

Browser chromium_screenshot(const Workdir& w, const std::string& html, const std::string& png, int run) {
  const std::string profile = w.file("chromium-profile-" + std::to_string(run));
  const std::vector<std::string> argv{kChromium,
                                      "--headless",
                                      "--no-sandbox",
                                      "--disable-gpu",
                                      "--disable-quic",
                                      "--no-first-run",
                                      "--disable-background-networking",
                                      "--disable-component-update",
                                      "--disable-sync",
                                      "--hide-scrollbars",
                                      "--user-data-dir=" + profile,
                                      "--window-size=1280,800",
                                      "--screenshot=" + png,
                                      "file://" + html};
  const int null = ::open("/dev/null", O_WRONLY);
  const auto start = Clock::now();
  const pid_t pid = start_process(argv, null);
  close(null);
  std::map<pid_t, double> peaks;
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    for (pid_t p : descendants(pid)) peaks[p] = std::max(peaks[p], vm_hwm_mib(p));
    usleep(5000);
  }
  Browser b;
  b.seconds = seconds_since(start);
  for (const auto& [p, mib] : peaks) b.largest_mib = std::max(b.largest_mib, mib);
  b.processes = static_cast<int>(peaks.size());
  std::filesystem::remove_all(profile);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !std::filesystem::exists(png))
    throw std::runtime_error("headless Chromium did not write its screenshot");
  return b;
}

}  // namespace

void bench_browser(const Workdir& w, const std::string& demo_db, double kiosk_peak_mib, bool quick) {
  if (access(kChromium, X_OK) != 0) {
    note("screenshot_vs_chromium, rss_vs_chromium: skipped, no /usr/bin/chromium (apt install chromium)");
    return;
  }
  const auto status = run_process({binary("floor-terminal"), "status", "--db", demo_db, "--json"});
  if (status.exit_code != 0) throw std::runtime_error("status --json failed: " + status.out);
  const std::string html = w.file("board.html");
  std::ofstream(html) << board_html(Json::parse(status.out));

  const int runs = quick ? 3 : 5;
  std::vector<double> ours, theirs, their_peak;
  int processes = 0;
  for (int i = 0; i < runs; ++i) {  // alternating, so both meet the same machine
    const std::string png = w.file("board-ours.png");
    auto r = run_process({binary("floor-terminal"), "screenshot", "--db", demo_db, "--screen", "board", "--size",
                          "1280x800", "--out", png});
    if (r.exit_code != 0) throw std::runtime_error("floor-terminal screenshot failed: " + r.out);
    ours.push_back(r.seconds);
    const Browser b = chromium_screenshot(w, html, w.file("board-chromium.png"), i);
    theirs.push_back(b.seconds);
    their_peak.push_back(b.largest_mib);
    processes = b.processes;
  }
  note("screenshot_vs_chromium: start to a finished 1280x800 PNG of the demo board, median of " +
       std::to_string(runs) + "; ours `floor-terminal screenshot --screen board`, baseline headless Chromium (" +
       std::to_string(processes) + " processes) drawing the same board as HTML (s); 4x faster is ratio <= 0.25");
  figure("screenshot_vs_chromium", percentile(ours, 0.5), percentile(theirs, 0.5), 0.25, true, "s");
  note("rss_vs_chromium: the kiosk's peak resident memory, windowed 1280x800 on the demo board as Chromium's "
       "window, against the largest peak (VmHWM) of any one Chromium process in those runs (MiB); half is ratio <= "
       "0.5");
  figure("rss_vs_chromium", kiosk_peak_mib, percentile(their_peak, 0.5), 0.5, true, "MiB");
}

}  // namespace ft::bench
