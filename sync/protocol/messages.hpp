// The sync protocol's messages as plain structs, with their JSON encoding
// and strict decoding (sync/PROTOCOL.md is the prose version of this file).
//
// Decoding never throws: a body that is too large, too deep, not JSON, or
// has a field missing or of the wrong type yields nullopt and a sentence.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sync/protocol/strict_json.hpp"
#include "terminal/core/event.hpp"

namespace ft::sync {

// ---- POST /v1/terminals/enrol ---------------------------------------------

struct EnrolRequest {
  std::string code;         // the one-time join code from `sync-server add-terminal`
  std::string terminal_id;  // the terminal database's own id
};
struct EnrolReply {
  std::string token;  // bearer token for every later request
  std::string terminal_id;
  std::string terminal_name;
  std::int64_t server_time_ms = 0;
  // Since the server holds several centres (optional: absent from a single-centre server).
  std::string centre_id;
  std::string centre_name;
};

std::string encode(const EnrolRequest& r);
std::optional<EnrolRequest> decode_enrol_request(std::string_view body, std::string& error);
std::string encode(const EnrolReply& r);
std::optional<EnrolReply> decode_enrol_reply(std::string_view body, std::string& error);

// ---- POST /v1/events (push) ------------------------------------------------

enum class PushStatus { Inserted, Duplicate, Rejected, Conflict };
const char* push_status_name(PushStatus s);

struct PushResult {
  std::string event_id;
  PushStatus status = PushStatus::Inserted;
  std::string reason;  // for rejected and conflict
};
struct PushReply {
  std::vector<PushResult> results;  // one per event sent, in the same order
  std::int64_t acked_seq = 0;       // every event of the batch up to this terminal_seq is settled
  std::int64_t high_seq = 0;        // the highest terminal_seq the server holds for this terminal
  std::int64_t server_time_ms = 0;
};

std::string encode_push_request(const std::vector<Event>& events);

// The server reads a push event by event, so one bad event is rejected on
// its own while the rest of the batch is stored.
struct PushItem {
  std::optional<Event> event;  // nullopt when the item failed validation
  std::string event_id;        // as sent, when it was a string (for the result)
  std::int64_t terminal_seq = 0;  // as sent, when it was an integer
  std::string error;           // why it failed
  // The event as JSON, as the server stores and forwards it; made here, on
  // the request's own thread, so that the one writer does not.
  std::string text;
};
std::optional<std::vector<PushItem>> decode_push_request(std::string_view body, std::string& error);

std::string encode(const PushReply& r);
std::optional<PushReply> decode_push_reply(std::string_view body, std::string& error);

// ---- GET /v1/events?after=&limit= (pull) -----------------------------------

struct PullReply {
  std::vector<Event> events;  // in the server's commit order
  std::int64_t next = 0;      // the cursor to ask from next time
  bool more = false;          // another page is waiting
  std::int64_t high_seq = 0;  // the highest terminal_seq the server holds for the asking terminal
  std::int64_t server_time_ms = 0;
};

// What a pull reply holds after its events: `],"next":...}`; the reply is
// `{"events":[` + the events joined by commas + this.
std::string pull_reply_tail(std::int64_t next, bool more, std::int64_t high_seq, std::int64_t server_time_ms);
// The server stores each event's JSON text and sends it as is.
std::string encode_pull_reply(const std::vector<std::string>& event_texts, std::int64_t next, bool more,
                              std::int64_t high_seq, std::int64_t server_time_ms);
// `after` is the cursor the request carried: `next` may not go below it, and
// `more` with a cursor that did not move is refused (it would loop forever).
std::optional<PullReply> decode_pull_reply(std::string_view body, std::int64_t after, std::string& error);

// ---- errors ------------------------------------------------------------------

struct ErrorBody {
  std::string code;
  std::string message;
};
std::string encode_error(const std::string& code, const std::string& message);
std::optional<ErrorBody> decode_error(std::string_view body);

}  // namespace ft::sync
