// Any keystrokes from the badge reader and the PIN pad: bounded buffers, digits only.
#include <cstdint>
#include <string>

#include "terminal/core/keypad.hpp"
#include "terminal/core/pin.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ft::BadgeReader reader;
  std::string pin;
  std::int64_t t = 0;
  for (std::size_t i = 0; i + 1 < size; i += 2) {
    t += data[i + 1] * 4;
    if (auto badge = reader.feed(data[i], t)) {
      if (badge->size() < 4 || badge->size() > ft::kMaxBadgeDigits) __builtin_trap();
      for (char c : *badge)
        if (c < '0' || c > '9') __builtin_trap();
    }
    if (reader.digits().size() > ft::kMaxBadgeDigits) __builtin_trap();
    ft::pin_pad_press(pin, static_cast<char>(data[i]));
    if (pin.size() > ft::kMaxPinDigits) __builtin_trap();
  }
  ft::check_pin_shape(pin, ft::Role::Trainee);
  ft::check_pin_shape(pin, ft::Role::Supervisor);
  return 0;
}
