// Strict JSON reading for the sync protocol; see strict_json.hpp.
#include "sync/protocol/strict_json.hpp"

#include <cstdint>
#include <limits>

namespace ft::sync {

namespace {

// Deepest bracket nesting outside strings. A linear scan without recursion,
// so it is safe on any input; the parser only sees text that passed it.
int nesting_depth(std::string_view text, int stop_after) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '[' || c == '{') {
      if (++depth > deepest) deepest = depth;
      if (deepest > stop_after) return deepest;
    } else if (c == ']' || c == '}') --depth;
  }
  return deepest;
}

}  // namespace

std::optional<Json> parse_strict(std::string_view text, std::size_t max_bytes, int max_depth, std::string& error) {
  if (text.size() > max_bytes) {
    error = "the body is larger than " + std::to_string(max_bytes) + " bytes";
    return std::nullopt;
  }
  if (nesting_depth(text, max_depth) > max_depth) {
    error = "the body nests deeper than " + std::to_string(max_depth) + " levels";
    return std::nullopt;
  }
  Json j = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    error = "the body is not well-formed JSON";
    return std::nullopt;
  }
  return j;
}

bool read_string(const Json& obj, const char* key, std::size_t max_chars, std::string& out, std::string& error) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_string()) {
    error = std::string("field '") + key + "' is missing or not a string";
    return false;
  }
  const auto& s = it->get_ref<const std::string&>();
  if (s.empty() || s.size() > max_chars) {
    error = std::string("field '") + key + "' is empty or longer than " + std::to_string(max_chars);
    return false;
  }
  out = s;
  return true;
}

bool read_int(const Json& obj, const char* key, std::int64_t min, std::int64_t max, std::int64_t& out,
              std::string& error) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_number_integer()) {
    error = std::string("field '") + key + "' is missing or not an integer";
    return false;
  }
  // Integers above INT64_MAX arrive as unsigned; they are out of range, not wrapped.
  if (it->is_number_unsigned() &&
      it->get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    error = std::string("field '") + key + "' is out of range";
    return false;
  }
  const auto v = it->get<std::int64_t>();
  if (v < min || v > max) {
    error = std::string("field '") + key + "' is out of range";
    return false;
  }
  out = v;
  return true;
}

bool read_bool(const Json& obj, const char* key, bool& out, std::string& error) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_boolean()) {
    error = std::string("field '") + key + "' is missing or not true/false";
    return false;
  }
  out = it->get<bool>();
  return true;
}

const Json* read_array(const Json& obj, const char* key, std::size_t max_items, std::string& error) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_array()) {
    error = std::string("field '") + key + "' is missing or not an array";
    return nullptr;
  }
  if (it->size() > max_items) {
    error = std::string("field '") + key + "' has more than " + std::to_string(max_items) + " items";
    return nullptr;
  }
  return &*it;
}

}  // namespace ft::sync
