#include "terminal/core/ids.hpp"

namespace ft {

std::string uuid_v7(std::int64_t unix_ms, const std::array<std::uint8_t, 10>& r) {
  std::array<std::uint8_t, 16> b{};
  for (int i = 0; i < 6; ++i) b[i] = static_cast<std::uint8_t>(unix_ms >> (8 * (5 - i)));
  b[6] = static_cast<std::uint8_t>(0x70 | (r[0] & 0x0f));  // version 7
  b[7] = r[1];
  b[8] = static_cast<std::uint8_t>(0x80 | (r[2] & 0x3f));  // variant 10
  for (int i = 9; i < 16; ++i) b[i] = r[i - 6];
  static const char* hex = "0123456789abcdef";
  std::string s;
  s.reserve(36);
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) s += '-';
    s += hex[b[i] >> 4];
    s += hex[b[i] & 15];
  }
  return s;
}

bool is_uuid(std::string_view t) {
  if (t.size() != 36) return false;
  for (size_t i = 0; i < t.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    const char c = t[i];
    if (dash != (c == '-')) return false;
    if (!dash && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace ft
