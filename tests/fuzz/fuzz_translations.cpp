// Any bytes as a translation file, then every text filled with parameters.
#include <cstdint>
#include <string>

#include "terminal/core/i18n.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string error;
  auto tr = ft::parse_translations("xx", std::string(reinterpret_cast<const char*>(data), size), error);
  if (!tr) return 0;
  for (const auto& [key, text] : tr->texts) {
    ft::refusal_text(*tr, ft::Refusal{key, {{"name", "Åse"}, {"role", "@" + key}}}, "");
    (*tr)(key, {{"x", "{x}"}});
  }
  return 0;
}
