// Parsing untrusted JSON from the network: a size cap and a nesting-depth cap
// checked before the parser runs, then nlohmann::json without exceptions.
// Every failure comes back as a sentence; nothing is thrown.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace ft::sync {

using Json = nlohmann::json;

// nullopt with `error` set when the text is longer than max_bytes, nests
// deeper than max_depth, or is not well-formed JSON (invalid UTF-8 included).
std::optional<Json> parse_strict(std::string_view text, std::size_t max_bytes, int max_depth, std::string& error);

// Field readers that name the field in their error sentence.
bool read_string(const Json& obj, const char* key, std::size_t max_chars, std::string& out, std::string& error);
bool read_int(const Json& obj, const char* key, std::int64_t min, std::int64_t max, std::int64_t& out,
              std::string& error);
bool read_bool(const Json& obj, const char* key, bool& out, std::string& error);
const Json* read_array(const Json& obj, const char* key, std::size_t max_items, std::string& error);

}  // namespace ft::sync
