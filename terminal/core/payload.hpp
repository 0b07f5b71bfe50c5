// Tolerant readers for event payload fields: a field of the wrong type reads
// as absent, so one bad event from a buggy peer cannot crash the fold.
//
// Two payload types share the same readers, so evolve() is written once as a
// template over them:
//  - Json (nlohmann), for events that travel as objects (decide, the wire);
//  - FlatPayload, a view of the payload's JSON text as stored in the events
//    table. Rebuilding the state reads every payload of the log; parsing each
//    one into an nlohmann tree cost more than the rest of the fold together
//    (a map node and a string per field). Our payloads are flat objects of
//    strings, integers and booleans, so a flat reader that points into the
//    text, and reuses its buffers from one event to the next, does the same
//    job without allocating. Anything it does not understand (nesting, a
//    number with a fraction, bad syntax) makes parse() return false and the
//    caller falls back to nlohmann, so the two always agree.
//    tests/unit/payload_test.cpp and the differential fuzz target
//    tests/fuzz/fuzz_payload.cpp hold it to that.
//
// Why our own reader and not nlohmann's SAX interface: measured on the
// rebuild figure (200k events, docs/performance.md), nlohmann building trees
// came to 6.4x a bare scan, its SAX parser (a lexer built per call, strings
// pushed one character at a time) 3.7-4.4x, this reader 2.2-2.5x; the goal is 3x.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "terminal/core/dates.hpp"
#include "terminal/core/event.hpp"

namespace ft::payload {

// ---- nlohmann::json ------------------------------------------------------------------------

// The string stays owned by the Json; the view is valid as long as it is.
inline std::optional<std::string_view> text(const Json& p, const char* key) {
  auto it = p.find(key);
  if (it == p.end() || !it->is_string()) return std::nullopt;
  return std::string_view(it->get_ref<const std::string&>());
}
inline std::optional<long long> integer(const Json& p, const char* key) {
  auto it = p.find(key);
  if (it == p.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<long long>();
}
inline bool flag(const Json& p, const char* key) {
  auto it = p.find(key);
  return it != p.end() && it->is_boolean() && it->get<bool>();
}

// ---- flat JSON text -----------------------------------------------------------------------

class FlatPayload {
 public:
  // Reads a JSON object whose values are strings, integers, booleans or null.
  // False when the text is anything else; the fields then read as absent.
  // The views handed out stay valid until the next parse() and while `json` lives.
  bool parse(std::string_view json);

  std::optional<std::string_view> text(std::string_view key) const {
    const Field* f = find(key);
    return f && f->kind == Kind::String ? std::optional<std::string_view>(f->str) : std::nullopt;
  }
  std::optional<long long> integer(std::string_view key) const {
    const Field* f = find(key);
    return f && f->kind == Kind::Integer ? std::optional<long long>(f->number) : std::nullopt;
  }
  bool flag(std::string_view key) const {
    const Field* f = find(key);
    return f && f->kind == Kind::Bool && f->number != 0;
  }

 private:
  enum class Kind { String, Integer, Bool, Null };
  struct Field {
    std::string_view key;
    Kind kind = Kind::Null;
    std::string_view str;  // into the JSON text, or into unescaped_ when it had escapes
    long long number = 0;
  };
  // A handful of fields: a linear scan beats any index. JSON allows a key
  // twice; nlohmann keeps the last one, so the scan runs backwards to agree.
  const Field* find(std::string_view key) const {
    for (auto it = fields_.rbegin(); it != fields_.rend(); ++it)
      if (it->key == key) return &*it;
    return nullptr;
  }
  bool read_string(std::string_view json, std::size_t& i, std::string_view& out);

  std::vector<Field> fields_;  // cleared, never shrunk: no allocation once warm
  std::string unescaped_;      // reserved to the text's size, so views into it never move
};

inline std::optional<std::string_view> text(const FlatPayload& p, const char* key) { return p.text(key); }
inline std::optional<long long> integer(const FlatPayload& p, const char* key) { return p.integer(key); }
inline bool flag(const FlatPayload& p, const char* key) { return p.flag(key); }

// ---- shared helpers ------------------------------------------------------------------------

template <class P>
std::string_view str_view(const P& p, const char* key) {
  return text(p, key).value_or(std::string_view());
}
template <class P>
std::string str(const P& p, const char* key) {
  return std::string(str_view(p, key));
}
template <class P>
std::optional<Day> day(const P& p, const char* key = "day") {
  return parse_day(str_view(p, key));
}
template <class P>
std::optional<int> clock(const P& p, const char* key = "time") {
  return parse_clock(str_view(p, key));
}

}  // namespace ft::payload
