// One sync round (push, then pull) and the enrolment; see round.hpp and
// sync/PROTOCOL.md for what each reply must look like.
//
// Sections: helpers (URLs, HTTP status to fault, clock) · push · pull ·
// the round · join.
#include "sync/client/round.hpp"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "sync/protocol/limits.hpp"
#include "sync/protocol/messages.hpp"
#include "terminal/store/centre.hpp"

namespace ft::sync {

std::int64_t system_now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

namespace {

// ---- helpers -----------------------------------------------------------------------

std::string endpoint(const std::string& server_url, const char* path) {
  std::string base = server_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + path;
}

// A server's message goes into our logs and onto a screen: printable ASCII, short.
std::string tame(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (out.size() >= 200) break;
    out += (c >= ' ' && c <= '~') ? c : '?';
  }
  return out;
}

Fault fault_from_status(const HttpReply& reply) {
  std::string message;
  std::string code;
  if (auto e = decode_error(reply.body)) {
    code = e->code;
    message = " (" + tame(e->message) + ")";
  }
  const long s = reply.status;
  const std::string status = std::to_string(s);
  if (s == 401)
    return {"unauthorized", "The server no longer accepts this terminal's token; join it again with a new code.",
            false, std::nullopt};
  if (s == 429 || s == 503)
    return {"server_busy", "The server is busy (HTTP " + status + ")" + message + "; the terminal tries again later.",
            true, reply.retry_after_s};
  if (s == 408 || s >= 500)
    return {"server_error", "The server failed (HTTP " + status + ")" + message + "; the terminal tries again later.",
            true, reply.retry_after_s};
  if (s == 409 && code == "cursor_ahead")
    return {"server_restored",
            "The server has fewer events than this terminal has seen: it was restored from a backup. "
            "Everything is sent again on the next round.",
            true, std::nullopt};
  if (s == 410)
    return {"cursor_expired", "The server no longer keeps the events after this terminal's cursor" + message + ".",
            false, std::nullopt};
  if (s == 403 && code == "join_code_invalid")
    return {"join_code_invalid", "The join code is unknown, already used or expired; ask for a new one.", false,
            std::nullopt};
  return {"refused", "The server refused the request (HTTP " + status + ")" + message + ".", false, std::nullopt};
}

Fault bad_reply(const std::string& why) {
  return {"bad_reply", "The server's reply was not understood (" + why + "); nothing was changed.", true,
          std::nullopt};
}

Fault restored_database() {
  return {"restored_database",
          "The server holds events from this terminal that its database lacks: the database was restored from an "
          "older copy. Sync is stopped until the terminal is set up again; its events are kept.",
          false, std::nullopt};
}

std::string iso_utc(std::int64_t ms) {
  std::time_t t = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::vector<std::string> auth_headers(const std::string& token) { return {"Authorization: Bearer " + token}; }

// ---- push ----------------------------------------------------------------------------

// Sends every pending own event. Returns a fault, or nullopt when nothing is left.
std::optional<Fault> push_all(SyncLedger& ledger, HttpsClient& http, const SyncSettings& settings, const NowMs& now_ms,
                              const std::atomic<bool>* stop, RoundReport& report) {
  const std::string url = endpoint(settings.server_url, "/v1/events");
  while (true) {
    if (stop && stop->load()) return Fault{"stopped", "Sync was stopped.", true, std::nullopt};
    std::vector<Event> batch = ledger.pending(static_cast<int>(kPushBatchEvents));
    if (batch.empty()) return std::nullopt;
    std::string body = encode_push_request(batch);
    while (body.size() > kPushBatchBytes && batch.size() > 1) {
      batch.resize(batch.size() / 2);
      body = encode_push_request(batch);
    }
    const std::int64_t first = batch.front().terminal_seq, last = batch.back().terminal_seq;
    const std::string key = ledger.batch_key_for(first, last, new_uuid(now_ms()));
    auto headers = auth_headers(settings.token);
    headers.push_back("Idempotency-Key: " + key);

    Fault fault;
    auto reply = http.post(url, headers, body, fault);
    if (!reply) return fault;
    if (reply->status != 200) return fault_from_status(*reply);
    std::string why;
    auto decoded = decode_push_reply(reply->body, why);
    if (!decoded) return bad_reply(why);

    // Check the whole answer against what was sent before writing anything.
    if (decoded->results.size() != batch.size()) return bad_reply("it has a result count other than the batch size");
    std::int64_t settled = 0;
    std::vector<Rejection> rejected;
    std::int64_t stored = 0;
    bool conflict = false;
    for (size_t i = 0; i < batch.size(); ++i) {
      const auto& r = decoded->results[i];
      if (r.event_id != batch[i].event_id) return bad_reply("its results are not in the order of the batch");
      if (r.status == PushStatus::Conflict) {
        conflict = true;
        break;
      }
      if (r.status == PushStatus::Rejected)
        rejected.push_back({batch[i].event_id, r.reason.empty() ? "refused by the server" : tame(r.reason)});
      else
        ++stored;
      settled = batch[i].terminal_seq;
    }
    if (decoded->acked_seq != (conflict ? settled : last))
      return bad_reply("it acknowledges a different range than was sent");

    report.clock_skew_ms = decoded->server_time_ms - now_ms();
    if (settled > 0) ledger.acknowledge(settled, rejected, now_ms());
    report.pushed += stored;
    report.rejected += static_cast<std::int64_t>(rejected.size());
    if (conflict || decoded->high_seq > ledger.own_high_seq()) {
      ledger.set_blocked(restored_database().sentence);
      return restored_database();
    }
  }
}

// ---- pull ----------------------------------------------------------------------------

std::optional<Fault> pull_all(SyncLedger& ledger, HttpsClient& http, const SyncSettings& settings, const NowMs& now_ms,
                              const std::atomic<bool>* stop, RoundReport& report) {
  const std::string own = ledger.terminal_id();
  while (true) {
    if (stop && stop->load()) return Fault{"stopped", "Sync was stopped.", true, std::nullopt};
    const std::int64_t after = ledger.cursor();
    const std::string url = endpoint(settings.server_url, "/v1/events") + "?after=" + std::to_string(after) +
                            "&limit=" + std::to_string(kPullPageEvents);
    Fault fault;
    auto reply = http.get(url, auth_headers(settings.token), fault);
    if (!reply) return fault;
    if (reply->status != 200) {
      Fault f = fault_from_status(*reply);
      if (f.code == "server_restored") ledger.reset_progress();
      return f;
    }
    std::string why;
    auto page = decode_pull_reply(reply->body, after, why);
    if (!page) return bad_reply(why);
    // Our own events come back only if the server has some we lack: a restored database.
    bool restored = page->high_seq > ledger.own_high_seq();
    for (const auto& e : page->events)
      if (e.terminal_id == own && !ledger.has_event(e.event_id)) restored = true;
    if (restored) {
      ledger.set_blocked(restored_database().sentence);
      return restored_database();
    }
    report.clock_skew_ms = page->server_time_ms - now_ms();
    report.pulled += ledger.apply_pulled(page->events, page->next);
    if (!page->more) return std::nullopt;
  }
}

std::optional<Fault> check_ca_file(const std::string& ca_file) {
  std::ifstream f(ca_file);
  if (ca_file.empty() || !f)
    return Fault{"ca_file_unreadable", "The CA file " + ca_file + " cannot be read.", false, std::nullopt};
  return std::nullopt;
}

}  // namespace

// ---- the round ---------------------------------------------------------------------------

RoundReport run_round(SyncLedger& ledger, HttpsClient& http, const NowMs& now_ms, const std::atomic<bool>* stop) {
  RoundReport report;
  try {
    const SyncSettings settings = ledger.settings();
    if (!settings.configured()) {
      report.fault = Fault{"not_joined", "This terminal has not joined a server yet (floor-terminal join).", false,
                           std::nullopt};
      return report;
    }
    if (auto why = ledger.blocked()) {
      report.fault = restored_database();
      return report;
    }
    http.set_trust(settings.ca_file, settings.pinned_key);
    http.set_stop_flag(stop);
    report.fault = push_all(ledger, http, settings, now_ms, stop, report);
    if (!report.fault) report.fault = pull_all(ledger, http, settings, now_ms, stop, report);
    if (report.clock_skew_ms) ledger.record_clock_skew(*report.clock_skew_ms);
    if (report.fault) {
      if (report.fault->code != "stopped") ledger.record_error(report.fault->code, report.fault->sentence);
    } else {
      report.ok = true;
      ledger.record_success(iso_utc(now_ms()));
    }
  } catch (const StoreFailure& f) {
    report.ok = false;
    report.fault = Fault{"store_" + f.error.code,
                         "The terminal's database could not be read or written (" + f.error.code + ").", true,
                         std::nullopt};
  }
  return report;
}

// ---- join ----------------------------------------------------------------------------------

JoinReport join_server(SyncLedger& ledger, HttpsClient& http, const std::string& server_url,
                       const std::string& ca_file, const std::string& code, const NowMs& now_ms) {
  JoinReport report;
  if (!is_https_url(server_url)) {
    report.fault = Fault{"insecure_url", "Refusing to join over plain http: the server address must start with https://.",
                         false, std::nullopt};
    return report;
  }
  std::error_code ec;
  const std::string ca = std::filesystem::absolute(ca_file, ec).string();
  if (auto f = check_ca_file(ca)) {
    report.fault = f;
    return report;
  }
  try {
    report.terminal_id = ledger.terminal_id();
    http.set_trust(ca, "");
    Fault fault;
    auto reply = http.post(endpoint(server_url, "/v1/terminals/enrol"), {},
                           encode(EnrolRequest{code, report.terminal_id}), fault);
    if (!reply) {
      report.fault = fault;
      return report;
    }
    if (reply->status != 200) {
      report.fault = fault_from_status(*reply);
      return report;
    }
    std::string why;
    auto enrolled = decode_enrol_reply(reply->body, why);
    if (!enrolled) {
      report.fault = bad_reply(why);
      return report;
    }
    if (enrolled->terminal_id != report.terminal_id) {
      report.fault = bad_reply("it names another terminal");
      return report;
    }
    const SyncSettings before = ledger.settings();
    SyncSettings s;
    s.server_url = server_url;
    s.ca_file = ca;
    s.pinned_key = before.server_url == server_url ? before.pinned_key : "";
    s.token = enrolled->token;
    s.terminal_name = enrolled->terminal_name;
    ledger.save_settings(s);
    if (before.server_url != server_url) {
      // Another server knows nothing yet: send everything, read everything.
      ledger.reset_progress();
      ledger.clear_blocked();
    }
    report.terminal_name = enrolled->terminal_name;
    report.clock_skew_ms = enrolled->server_time_ms - now_ms();
    ledger.record_clock_skew(*report.clock_skew_ms);
  } catch (const StoreFailure& f) {
    report.fault = Fault{"store_" + f.error.code,
                         "The terminal's database could not be read or written (" + f.error.code + ").", false,
                         std::nullopt};
  }
  return report;
}

}  // namespace ft::sync
