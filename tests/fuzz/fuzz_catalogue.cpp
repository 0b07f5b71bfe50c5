// Any bytes as assets/skills.json.
#include <cstdint>
#include <string>

#include "terminal/core/catalogue.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string error;
  auto c = ft::parse_catalogue(std::string(reinterpret_cast<const char*>(data), size), error);
  if (c) {
    for (const auto& s : c->skills)
      if (!c->find(s.key) || s.target < 1 || s.target > 4) __builtin_trap();
  } else if (error.empty()) {
    __builtin_trap();
  }
  return 0;
}
