// Encoding and strict decoding of the sync protocol's messages; see messages.hpp.
//
// Sections: enrol · push · pull · errors.
#include "sync/protocol/messages.hpp"

#include <limits>

#include "sync/protocol/limits.hpp"

namespace ft::sync {

namespace {

constexpr std::int64_t kMaxInt = std::numeric_limits<std::int64_t>::max();

std::optional<Json> parse_object(std::string_view body, std::size_t max_bytes, std::string& error) {
  auto j = parse_strict(body, max_bytes, kMaxJsonDepth, error);
  if (!j) return std::nullopt;
  if (!j->is_object()) {
    error = "the body is not a JSON object";
    return std::nullopt;
  }
  return j;
}

// A terminal id: letters, digits, '-' and '_' only, so it is safe in logs and URLs.
bool terminal_id_shape(const std::string& id) {
  if (id.empty() || id.size() > kMaxTerminalIdChars) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
      return false;
  return true;
}

}  // namespace

// ---- enrol -------------------------------------------------------------------

std::string encode(const EnrolRequest& r) { return Json{{"code", r.code}, {"terminal_id", r.terminal_id}}.dump(); }

std::optional<EnrolRequest> decode_enrol_request(std::string_view body, std::string& error) {
  auto j = parse_object(body, 4096, error);
  if (!j) return std::nullopt;
  EnrolRequest r;
  if (!read_string(*j, "code", kMaxCodeChars, r.code, error) ||
      !read_string(*j, "terminal_id", kMaxTerminalIdChars, r.terminal_id, error))
    return std::nullopt;
  if (!terminal_id_shape(r.terminal_id) || r.terminal_id == kServerTerminalId) {
    error = "field 'terminal_id' has characters other than letters, digits, '-' and '_', or is reserved";
    return std::nullopt;
  }
  return r;
}

std::string encode(const EnrolReply& r) {
  Json j{{"token", r.token},
         {"terminal_id", r.terminal_id},
         {"terminal_name", r.terminal_name},
         {"server_time_ms", r.server_time_ms}};
  if (!r.centre_id.empty()) {
    j["centre_id"] = r.centre_id;
    j["centre_name"] = r.centre_name;
  }
  return j.dump();
}

std::optional<EnrolReply> decode_enrol_reply(std::string_view body, std::string& error) {
  auto j = parse_object(body, 4096, error);
  if (!j) return std::nullopt;
  EnrolReply r;
  if (!read_string(*j, "token", kMaxTokenChars, r.token, error) ||
      !read_string(*j, "terminal_id", kMaxTerminalIdChars, r.terminal_id, error) ||
      !read_string(*j, "terminal_name", kMaxNameChars, r.terminal_name, error) ||
      !read_int(*j, "server_time_ms", 0, kMaxInt, r.server_time_ms, error))
    return std::nullopt;
  if (j->contains("centre_id") && (!read_string(*j, "centre_id", kMaxTerminalIdChars, r.centre_id, error) ||
                                   !read_string(*j, "centre_name", kMaxNameChars, r.centre_name, error)))
    return std::nullopt;
  // The token goes into an HTTP header: printable ASCII without spaces only.
  for (char c : r.token)
    if (c <= ' ' || c > '~') {
      error = "field 'token' has characters that cannot go into a header";
      return std::nullopt;
    }
  return r;
}

// ---- push --------------------------------------------------------------------

const char* push_status_name(PushStatus s) {
  switch (s) {
    case PushStatus::Inserted: return "inserted";
    case PushStatus::Duplicate: return "duplicate";
    case PushStatus::Rejected: return "rejected";
    case PushStatus::Conflict: return "conflict";
  }
  return "rejected";
}

static std::optional<PushStatus> parse_push_status(const std::string& s) {
  for (auto st : {PushStatus::Inserted, PushStatus::Duplicate, PushStatus::Rejected, PushStatus::Conflict})
    if (s == push_status_name(st)) return st;
  return std::nullopt;
}

std::string encode_push_request(const std::vector<Event>& events) {
  // Built as text so a batch of a few hundred events is not copied into a DOM first.
  std::string out = "{\"events\":[";
  for (size_t i = 0; i < events.size(); ++i) {
    if (i) out += ',';
    out += event_to_json(events[i]).dump();
  }
  out += "]}";
  return out;
}

std::optional<std::vector<PushItem>> decode_push_request(std::string_view body, std::string& error) {
  auto j = parse_object(body, kMaxRequestBytes, error);
  if (!j) return std::nullopt;
  const Json* events = read_array(*j, "events", kMaxPushEvents, error);
  if (!events) return std::nullopt;
  if (events->empty()) {
    error = "field 'events' is empty";
    return std::nullopt;
  }
  std::vector<PushItem> items;
  items.reserve(events->size());
  for (const Json& e : *events) {
    PushItem item;
    if (e.is_object()) {
      auto id = e.find("event_id");
      if (id != e.end() && id->is_string() && id->get_ref<const std::string&>().size() <= 64)
        item.event_id = id->get<std::string>();
      auto seq = e.find("terminal_seq");
      std::string ignored;
      if (seq != e.end()) read_int(e, "terminal_seq", 1, std::numeric_limits<std::int64_t>::max(), item.terminal_seq, ignored);
    }
    std::string why;
    item.event = event_from_json(e, why);
    if (item.event && !terminal_id_shape(item.event->terminal_id)) {
      item.event.reset();
      why = "field 'terminal_id' has characters other than letters, digits, '-' and '_'";
    }
    if (!item.event) item.error = why;
    else item.text = event_to_json(*item.event).dump();
    items.push_back(std::move(item));
  }
  return items;
}

std::string encode(const PushReply& r) {
  Json results = Json::array();
  for (const auto& x : r.results) {
    Json o{{"event_id", x.event_id}, {"status", push_status_name(x.status)}};
    if (!x.reason.empty()) o["reason"] = x.reason;
    results.push_back(std::move(o));
  }
  return Json{{"results", std::move(results)},
              {"acked_seq", r.acked_seq},
              {"high_seq", r.high_seq},
              {"server_time_ms", r.server_time_ms}}
      .dump();
}

std::optional<PushReply> decode_push_reply(std::string_view body, std::string& error) {
  auto j = parse_object(body, kMaxReplyBytes, error);
  if (!j) return std::nullopt;
  PushReply r;
  const Json* results = read_array(*j, "results", kMaxPushEvents, error);
  if (!results || !read_int(*j, "acked_seq", 0, kMaxInt, r.acked_seq, error) ||
      !read_int(*j, "high_seq", 0, kMaxInt, r.high_seq, error) ||
      !read_int(*j, "server_time_ms", 0, kMaxInt, r.server_time_ms, error))
    return std::nullopt;
  for (const Json& x : *results) {
    if (!x.is_object()) {
      error = "an item of 'results' is not an object";
      return std::nullopt;
    }
    PushResult pr;
    std::string status;
    if (!read_string(x, "event_id", 64, pr.event_id, error) || !read_string(x, "status", 16, status, error))
      return std::nullopt;
    auto st = parse_push_status(status);
    if (!st) {
      error = "field 'status' is not one of inserted, duplicate, rejected, conflict";
      return std::nullopt;
    }
    pr.status = *st;
    if (auto reason = x.find("reason"); reason != x.end()) {
      if (!reason->is_string() || reason->get_ref<const std::string&>().size() > kMaxMessageChars) {
        error = "field 'reason' is not a string of at most " + std::to_string(kMaxMessageChars) + " bytes";
        return std::nullopt;
      }
      pr.reason = reason->get<std::string>();
    }
    r.results.push_back(std::move(pr));
  }
  return r;
}

// ---- pull --------------------------------------------------------------------

std::string encode_pull_reply(const std::vector<std::string>& event_texts, std::int64_t next, bool more,
                              std::int64_t high_seq, std::int64_t server_time_ms) {
  std::size_t size = 96;
  for (const auto& t : event_texts) size += t.size() + 1;
  std::string out;
  out.reserve(size);
  out += "{\"events\":[";
  for (size_t i = 0; i < event_texts.size(); ++i) {
    if (i) out += ',';
    out += event_texts[i];
  }
  out += pull_reply_tail(next, more, high_seq, server_time_ms);
  return out;
}

std::string pull_reply_tail(std::int64_t next, bool more, std::int64_t high_seq, std::int64_t server_time_ms) {
  return "],\"next\":" + std::to_string(next) + ",\"more\":" + (more ? "true" : "false") +
         ",\"high_seq\":" + std::to_string(high_seq) + ",\"server_time_ms\":" + std::to_string(server_time_ms) + "}";
}

std::optional<PullReply> decode_pull_reply(std::string_view body, std::int64_t after, std::string& error) {
  auto j = parse_object(body, kMaxReplyBytes, error);
  if (!j) return std::nullopt;
  PullReply r;
  const Json* events = read_array(*j, "events", static_cast<std::size_t>(kMaxPullLimit), error);
  if (!events || !read_int(*j, "next", 0, kMaxInt, r.next, error) || !read_bool(*j, "more", r.more, error) ||
      !read_int(*j, "high_seq", 0, kMaxInt, r.high_seq, error) || !read_int(*j, "server_time_ms", 0, kMaxInt, r.server_time_ms, error))
    return std::nullopt;
  if (r.next < after) {
    error = "field 'next' moves the cursor backwards";
    return std::nullopt;
  }
  if (r.more && r.next == after) {
    error = "field 'more' is true but the cursor did not move";
    return std::nullopt;
  }
  if (!events->empty() && r.next == after) {
    error = "events were sent but the cursor did not move";
    return std::nullopt;
  }
  r.events.reserve(events->size());
  for (const Json& e : *events) {
    std::string why;
    auto ev = event_from_json(e, why);
    if (!ev) {
      error = "an event in the page is invalid: " + why;
      return std::nullopt;
    }
    r.events.push_back(std::move(*ev));
  }
  return r;
}

// ---- errors --------------------------------------------------------------------

std::string encode_error(const std::string& code, const std::string& message) {
  return Json{{"error", {{"code", code}, {"message", message}}}}.dump();
}

std::optional<ErrorBody> decode_error(std::string_view body) {
  std::string ignored;
  auto j = parse_object(body, 64 * 1024, ignored);
  if (!j) return std::nullopt;
  auto e = j->find("error");
  if (e == j->end() || !e->is_object()) return std::nullopt;
  ErrorBody b;
  if (!read_string(*e, "code", 64, b.code, ignored) || !read_string(*e, "message", kMaxMessageChars, b.message, ignored))
    return std::nullopt;
  return b;
}

}  // namespace ft::sync
