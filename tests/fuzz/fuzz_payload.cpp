// Differential: whatever the flat payload reader accepts, nlohmann must read
// as an object, and every field must read the same through both. Bytes the
// flat reader declines are left to nlohmann by the store, so they only must
// not crash it.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "terminal/core/payload.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ft::payload::FlatPayload flat;
  if (!flat.parse(text)) return 0;
  const auto j = ft::Json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) std::abort();  // accepted what nlohmann refuses
  for (const auto& [key, value] : j.items()) {
    // The nlohmann accessors take the key as a C string, as the fold names
    // its fields; a key with a NUL in it cannot be asked for that way.
    if (key.find('\0') != std::string::npos) continue;
    if (flat.text(key) != ft::payload::text(j, key.c_str())) std::abort();
    if (flat.integer(key) != ft::payload::integer(j, key.c_str())) std::abort();
    if (flat.flag(key) != ft::payload::flag(j, key.c_str())) std::abort();
  }
  return 0;
}
