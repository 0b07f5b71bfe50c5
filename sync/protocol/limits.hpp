// The numbers sync/PROTOCOL.md promises: body sizes, batch and page sizes,
// nesting depth, field lengths. Client and server share them so a reply
// the server may legally send is never refused by the terminal.
#pragma once
#include <cstddef>
#include <cstdint>

#include "terminal/core/event.hpp"

namespace ft::sync {

// A push carries at most this many events and this many bytes.
constexpr std::size_t kMaxPushEvents = 500;
constexpr std::size_t kMaxRequestBytes = 4 * 1024 * 1024;
// The terminal sends smaller batches than the limit, so a batch of large
// events still fits: it halves a batch whose body would pass this size.
constexpr std::size_t kPushBatchEvents = 250;
constexpr std::size_t kPushBatchBytes = 2 * 1024 * 1024;

// A pull page holds at most this many events; the terminal asks for fewer.
constexpr int kMaxPullLimit = 1000;
constexpr int kPullPageEvents = 500;

// The largest reply the terminal reads (a full page of the largest events
// fits with room to spare); anything longer is cut off and refused.
constexpr std::size_t kMaxReplyBytes = 32 * 1024 * 1024;

// Deeper JSON than this is refused before it is parsed: an event's payload
// is at most a few levels deep, and a bomb of brackets must not exhaust the stack.
constexpr int kMaxJsonDepth = 32;

constexpr std::size_t kMaxTokenChars = 128;
constexpr std::size_t kMaxCodeChars = 64;
constexpr std::size_t kMaxIdempotencyKeyChars = 64;
constexpr std::size_t kMaxTerminalIdChars = 64;
constexpr std::size_t kMaxNameChars = 200;
constexpr std::size_t kMaxMessageChars = 1000;

// Jobcentre-side events carry this terminal id; no terminal may use it.
// Defined in core (terminal/core/event.hpp), whose fold decides by it.
using ft::kServerTerminalId;

}  // namespace ft::sync
