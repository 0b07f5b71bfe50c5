#include "terminal/core/event.hpp"

#include <tuple>

#include "terminal/core/ids.hpp"

namespace ft {

bool event_before(const Event& a, const Event& b) {
  return std::tie(a.hlc, a.terminal_id, a.event_id) < std::tie(b.hlc, b.terminal_id, b.event_id);
}

Json event_to_json(const Event& e) {
  return Json{{"event_id", e.event_id}, {"terminal_id", e.terminal_id},
              {"terminal_seq", e.terminal_seq}, {"actor_id", e.actor_id},
              {"hlc", e.hlc}, {"wall_ms", e.wall_ms},
              {"type", e.type}, {"payload", e.payload}, {"schema", e.schema}};
}

namespace {
constexpr size_t kMaxIdLength = 64;
constexpr size_t kMaxTypeLength = 40;
constexpr size_t kMaxPayloadBytes = 16 * 1024;

bool string_field(const Json& j, const char* key, size_t max, std::string& out, std::string& error) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) {
    error = std::string("field '") + key + "' is missing or not a string";
    return false;
  }
  out = it->get<std::string>();
  if (out.empty() || out.size() > max) {
    error = std::string("field '") + key + "' is empty or too long";
    return false;
  }
  return true;
}

bool int_field(const Json& j, const char* key, std::int64_t min, std::int64_t& out, std::string& error) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number_integer()) {
    error = std::string("field '") + key + "' is missing or not an integer";
    return false;
  }
  out = it->get<std::int64_t>();
  if (out < min) {
    error = std::string("field '") + key + "' is out of range";
    return false;
  }
  return true;
}
}  // namespace

std::optional<Event> event_from_json(const Json& j, std::string& error) {
  if (!j.is_object()) {
    error = "an event must be a JSON object";
    return std::nullopt;
  }
  Event e;
  std::int64_t schema = 0;
  if (!string_field(j, "event_id", kMaxIdLength, e.event_id, error) ||
      !string_field(j, "terminal_id", kMaxIdLength, e.terminal_id, error) ||
      !int_field(j, "terminal_seq", 1, e.terminal_seq, error) ||
      !string_field(j, "actor_id", kMaxIdLength, e.actor_id, error) ||
      !int_field(j, "hlc", 0, e.hlc, error) || !int_field(j, "wall_ms", 0, e.wall_ms, error) ||
      !string_field(j, "type", kMaxTypeLength, e.type, error) ||
      !int_field(j, "schema", 1, schema, error))
    return std::nullopt;
  if (!is_uuid(e.event_id)) {
    error = "field 'event_id' is not a UUID";
    return std::nullopt;
  }
  if (schema > kEventSchemaVersion) {
    error = "event schema " + std::to_string(schema) + " is newer than this terminal understands";
    return std::nullopt;
  }
  e.schema = static_cast<int>(schema);
  auto p = j.find("payload");
  if (p == j.end() || !p->is_object()) {
    error = "field 'payload' is missing or not an object";
    return std::nullopt;
  }
  if (p->dump().size() > kMaxPayloadBytes) {
    error = "field 'payload' is too large";
    return std::nullopt;
  }
  e.payload = *p;
  return e;
}

}  // namespace ft
