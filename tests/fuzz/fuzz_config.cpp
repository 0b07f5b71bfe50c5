// Any bytes as the configuration file: a Rules value or one error sentence, never a crash.
#include <cstdint>
#include <string>

#include "terminal/app/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string error;
  auto rules = ft::parse_config(std::string(reinterpret_cast<const char*>(data), size), "fuzz.toml", error);
  if (!rules && error.empty()) __builtin_trap();  // a refusal always says why
  return 0;
}
