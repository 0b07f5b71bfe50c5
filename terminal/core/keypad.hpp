// Input from the floor as keys: the keyboard-wedge badge reader (it types the
// badge's digits and Enter, fast) and the on-screen PIN pad. Both accept
// digits only and cap their length, so a stuck key or a stray barcode cannot
// grow a buffer or smuggle text into a lookup.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace ft {

constexpr size_t kMaxBadgeDigits = 32;
constexpr size_t kMaxPinDigits = 8;

class BadgeReader {
 public:
  explicit BadgeReader(std::int64_t max_gap_ms = kMaxGapMs) : max_gap_ms_(max_gap_ms) {}

  // Feeds one typed character (a Unicode code point) at `now_ms`. Returns the
  // badge on Enter when the digits came in as a reader types them; a pause of
  // more than the maximum gap (kMaxGapMs unless given) between keys starts
  // over (a person typing on a keyboard is not a badge).
  std::optional<std::string> feed(std::uint32_t codepoint, std::int64_t now_ms);
  void clear() { digits_.clear(); }
  const std::string& digits() const { return digits_; }

  static constexpr std::int64_t kMaxGapMs = 300;

 private:
  std::int64_t max_gap_ms_;
  std::string digits_;
  std::int64_t last_ms_ = 0;
  bool overflowed_ = false;
};

// The PIN pad: digits appended up to kMaxPinDigits; anything else is ignored.
void pin_pad_press(std::string& pin, char key);

}  // namespace ft
