// Sync figures: the full history pushed by one terminal and pulled by
// another through the real sync-server over HTTPS on loopback (a CA and a
// server certificate made now with openssl), against libcurl sending the
// very same request bodies, and asking for the same pages, on one reused
// connection with nothing else around it — the raw transfer. Also how sync
// grows with the size of the log.
#include <curl/curl.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "sync/protocol/messages.hpp"
#include "terminal/store/centre.hpp"
#include "tests/bench/bench.hpp"
#include "tests/bench/server_process.hpp"

namespace ft::bench {

namespace {

// ---- ours: floor-terminal join + sync, as a site runs it -----------------------------------

void join(const std::string& db, Server& server, const Pki& pki, const std::string& name) {
  must(run_process({binary("floor-terminal"), "join", "--db", db, "--server", server.url(), "--ca", pki.ca, "--code",
                    server.join_code(name)}),
       "floor-terminal join");
}

void fresh_terminal(const std::string& path) {
  StoreError error;
  if (!Centre::open(path, Rules{}, catalogue(), error, ft::Clock::fixed(1700000000000LL)))
    throw std::runtime_error("cannot create " + path);
}

struct SyncCost {
  Run push, pull;
};

// Terminal A holds `history` and pushes it all; terminal B, empty, pulls it all.
SyncCost sync_ours(const Workdir& w, const std::string& history, Server& server, const Pki& pki,
                   const std::string& tag) {
  SyncCost c;
  join(history, server, pki, "A " + tag);
  c.push = run_process({binary("floor-terminal"), "sync", "--db", history});
  must(c.push, "floor-terminal sync (push)");
  const std::string b = w.file("pull-" + tag + ".db");
  fresh_terminal(b);
  join(b, server, pki, "B " + tag);
  c.pull = run_process({binary("floor-terminal"), "sync", "--db", b});
  must(c.pull, "floor-terminal sync (pull)");
  std::filesystem::remove(b);
  return c;
}

// ---- the baseline: libcurl, one handle, the same bytes ---------------------------------------

size_t collect(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

class RawCurl {
 public:
  explicit RawCurl(const std::string& ca) : c_(curl_easy_init()) {
    curl_easy_setopt(c_, CURLOPT_CAINFO, ca.c_str());
    curl_easy_setopt(c_, CURLOPT_ACCEPT_ENCODING, "gzip");  // as the terminal asks, so the server does the same work
    curl_easy_setopt(c_, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(c_, CURLOPT_WRITEDATA, &reply_);
    curl_easy_setopt(c_, CURLOPT_NOPROXY, "*");
  }
  ~RawCurl() {
    curl_easy_cleanup(c_);
    curl_slist_free_all(headers_);
  }
  const std::string& request(const std::string& url, const std::vector<std::string>& headers, const std::string* body) {
    curl_slist_free_all(headers_);
    headers_ = nullptr;
    for (const auto& h : headers) headers_ = curl_slist_append(headers_, h.c_str());
    if (body) headers_ = curl_slist_append(headers_, "Content-Type: application/json");
    reply_.clear();
    curl_easy_setopt(c_, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c_, CURLOPT_HTTPHEADER, headers_);
    if (body) {
      curl_easy_setopt(c_, CURLOPT_POSTFIELDS, body->data());
      curl_easy_setopt(c_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body->size()));
    } else {
      curl_easy_setopt(c_, CURLOPT_HTTPGET, 1L);
    }
    const CURLcode rc = curl_easy_perform(c_);
    long status = 0;
    curl_easy_getinfo(c_, CURLINFO_RESPONSE_CODE, &status);
    if (rc != CURLE_OK || status != 200)
      throw std::runtime_error("baseline request to " + url + " failed: " + curl_easy_strerror(rc) + " " + reply_);
    return reply_;
  }

 private:
  CURL* c_;
  curl_slist* headers_ = nullptr;
  std::string reply_;
};

struct RawCost {
  double push_s = 0, pull_s = 0;
  std::size_t push_bytes = 0, pull_bytes = 0;
};

RawCost sync_raw(const std::string& history, Server& server, const Pki& pki) {
  // The push bodies, built before the clock starts with the terminal's own
  // encoder and batch size: the baseline only moves bytes.
  std::vector<std::string> bodies;
  std::string terminal_id;
  {
    StoreError error;
    auto db = Database::open(history, error);
    if (!db) throw std::runtime_error("cannot open " + history);
    terminal_id = *db->meta("terminal_id");
    std::int64_t last = 0;
    auto events = load_events(*db, 0, last);
    for (std::size_t i = 0; i < events.size(); i += 250) {
      std::vector<Event> batch(events.begin() + static_cast<long>(i),
                               events.begin() + static_cast<long>(std::min(events.size(), i + 250)));
      bodies.push_back(sync::encode_push_request(batch));
    }
  }
  RawCurl curl(pki.ca);
  auto enrol = [&](const std::string& id, const std::string& name) {
    const std::string body = Json{{"code", server.join_code(name)}, {"terminal_id", id}}.dump();
    return "Authorization: Bearer " +
           Json::parse(curl.request(server.url() + "/v1/terminals/enrol", {}, &body)).at("token").get<std::string>();
  };
  const std::string auth_a = enrol(terminal_id, "raw A"), auth_b = enrol("bench-raw-puller", "raw B");
  RawCost c;
  auto t = Clock::now();
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    curl.request(server.url() + "/v1/events", {auth_a, "Idempotency-Key: raw-" + std::to_string(i)}, &bodies[i]);
    c.push_bytes += bodies[i].size();
  }
  c.push_s = seconds_since(t);
  t = Clock::now();
  std::string after = "0";
  while (true) {
    const std::string& page =
        curl.request(server.url() + "/v1/events?after=" + after + "&limit=500", {auth_b}, nullptr);
    c.pull_bytes += page.size();
    // Only the cursor is read, by a text search: a raw transfer does not decode.
    const auto at = page.rfind("\"next\":");
    if (at == std::string::npos) throw std::runtime_error("baseline: a page without next");
    const auto end = page.find_first_not_of("0123456789", at + 7);
    after = page.substr(at + 7, end - at - 7);
    if (page.find("\"more\":true") == std::string::npos) break;
  }
  c.pull_s = seconds_since(t);
  return c;
}

}  // namespace

void bench_sync(const Workdir& w, bool quick) {
  const std::int64_t n = quick ? 20000 : 200000;
  curl_global_init(CURL_GLOBAL_DEFAULT);
  const Pki pki = make_pki(w);
  const auto history = w.file("sync-history.db");
  make_history(history, n);

  SyncCost ours;
  {
    Server server(w.file("server-ours.db"), pki);
    ours = sync_ours(w, history, server, pki, "ours");
  }
  RawCost raw;
  {
    Server server(w.file("server-raw.db"), pki);
    raw = sync_raw(history, server, pki);
  }
  for (const char* f : {"server-ours.db", "server-raw.db"})
    for (const char* suffix : {"", "-wal", "-shm", ".log"}) std::filesystem::remove(w.file(std::string(f) + suffix));
  std::filesystem::remove(history);

  const double bytes = static_cast<double>(raw.push_bytes + raw.pull_bytes);
  const double ours_s = ours.push.seconds + ours.pull.seconds, raw_s = raw.push_s + raw.pull_s;
  char line[400];
  std::snprintf(line, sizeof line,
                "sync_full_history: %lld events pushed by one terminal and pulled by another, HTTPS on loopback; "
                "ours push %.2f s + pull %.2f s (floor-terminal sync, whole processes), raw push %.2f s + pull %.2f s "
                "(libcurl, one handle, the same %.1f MB of bodies and pages); speed in MB/s",
                static_cast<long long>(n), ours.push.seconds, ours.pull.seconds, raw.push_s, raw.pull_s, bytes / 1e6);
  note(line);
  figure("sync_full_history", bytes / 1e6 / ours_s, bytes / 1e6 / raw_s, 0.5, false, "MB/s");
}

void bench_sync_scaling(const Workdir& w, bool quick) {
  std::vector<std::int64_t> sizes =
      quick ? std::vector<std::int64_t>{10000, 50000} : std::vector<std::int64_t>{10000, 50000, 200000, 1000000};
  curl_global_init(CURL_GLOBAL_DEFAULT);
  const Pki pki = make_pki(w);
  note(
      "scaling: sync of the whole log, push by its terminal then pull by an empty one, each a floor-terminal sync "
      "process; "
      "seconds, peak MiB of that process, peak MiB of the server");
  for (auto n : sizes) {
    const auto history = w.file("sync-scale-" + std::to_string(n) + ".db");
    make_history(history, n);
    const std::string server_db = w.file("server-scale.db");
    Server server(server_db, pki);
    auto c = sync_ours(w, history, server, pki, std::to_string(n));
    const double server_peak = server.peak_mib();
    server.stop();
    std::printf(
        "scaling: sync events=%lld push_seconds=%.2f pull_seconds=%.2f push_peak_mib=%.1f pull_peak_mib=%.1f "
        "server_peak_mib=%.1f us_per_event=%.1f\n",
        static_cast<long long>(n), c.push.seconds, c.pull.seconds, c.push.peak_mib, c.pull.peak_mib, server_peak,
        (c.push.seconds + c.pull.seconds) * 1e6 / static_cast<double>(n));
    std::fflush(stdout);
    std::filesystem::remove(history);
    for (const char* suffix : {"", "-wal", "-shm", ".log"}) std::filesystem::remove(server_db + suffix);
  }
}

}  // namespace ft::bench
