// Any bytes as a reply or request body of the sync protocol: decoded strictly or refused with a reason.
#include <cstdint>
#include <string>

#include "sync/protocol/messages.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string error;
  bool ok = true;
  switch (data[0] % 5) {
    case 0: ok = ft::sync::decode_enrol_request(body, error).has_value(); break;
    case 1: ok = ft::sync::decode_enrol_reply(body, error).has_value(); break;
    case 2: ok = ft::sync::decode_push_request(body, error).has_value(); break;
    case 3: ok = ft::sync::decode_push_reply(body, error).has_value(); break;
    case 4: ok = ft::sync::decode_pull_reply(body, 0, error).has_value(); break;
  }
  if (!ok && error.empty()) __builtin_trap();  // a refusal always says why
  ft::sync::decode_error(body);
  return 0;
}
