// Any bytes as an event on the wire: decoded strictly, and whatever decodes is
// folded into a state twice, which must change nothing the second time.
#include <cstdint>
#include <string>

#include "terminal/core/evolve.hpp"
#include "terminal/core/progress.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto j = ft::Json::parse(reinterpret_cast<const char*>(data), reinterpret_cast<const char*>(data) + size, nullptr, false);
  if (j.is_discarded()) return 0;
  std::string error;
  auto e = ft::event_from_json(j, error);
  if (!e) return 0;
  ft::State s;
  ft::evolve(s, *e);
  ft::evolve(s, *e);
  ft::Rules rules;
  ft::Catalogue catalogue;
  for (const auto& [id, t] : s.trainees) ft::progress(t, catalogue, rules, 20000);
  return 0;
}
