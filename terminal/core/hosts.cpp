#include "terminal/core/hosts.hpp"

#include <algorithm>

namespace ft {

bool cvr_valid(std::string_view cvr) {
  static constexpr int kWeights[8] = {2, 7, 6, 5, 4, 3, 2, 1};
  if (cvr.size() != 8) return false;
  int sum = 0;
  for (size_t i = 0; i < 8; ++i) {
    if (cvr[i] < '0' || cvr[i] > '9') return false;
    sum += (cvr[i] - '0') * kWeights[i];
  }
  return sum % 11 == 0;
}

int host_places(int staff) {
  if (staff < 0) staff = 0;
  const int first = std::max(1, std::min(staff, 50) / 5);
  const int beyond = staff > 50 ? (staff - 50) / 10 : 0;
  return first + beyond;
}

std::optional<std::string> normalise_cvr(std::string_view text) {
  std::string digits;
  std::string_view rest = text;
  if (rest.size() >= 2 && (rest.substr(0, 2) == "DK" || rest.substr(0, 2) == "dk")) rest.remove_prefix(2);
  for (char c : rest) {
    if (c >= '0' && c <= '9') digits += c;
    else if (c != ' ' && c != '-') return std::nullopt;
  }
  if (digits.size() != 8) return std::nullopt;
  return digits;
}

}  // namespace ft
