#include "terminal/core/keypad.hpp"

#include <utility>

namespace ft {

std::optional<std::string> BadgeReader::feed(std::uint32_t cp, std::int64_t now_ms) {
  if (!digits_.empty() && now_ms - last_ms_ > max_gap_ms_) {
    digits_.clear();
    overflowed_ = false;
  }
  last_ms_ = now_ms;
  if (cp == '\n' || cp == '\r') {
    const bool complete = !overflowed_ && digits_.size() >= 4;
    std::string badge = std::exchange(digits_, {});
    overflowed_ = false;
    if (!complete) return std::nullopt;
    return badge;
  }
  if (cp < '0' || cp > '9') {  // not from a badge: forget what came before
    digits_.clear();
    overflowed_ = false;
    return std::nullopt;
  }
  if (digits_.size() >= kMaxBadgeDigits) overflowed_ = true;
  else digits_ += static_cast<char>(cp);
  return std::nullopt;
}

void pin_pad_press(std::string& pin, char key) {
  if (key >= '0' && key <= '9' && pin.size() < kMaxPinDigits) pin += key;
}

}  // namespace ft
