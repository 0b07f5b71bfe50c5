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
  // The rule as BEK nr. 1297 af 9/11 2017 om en aktiv beskæftigelsesindsats
  // § 92 words it (and the earlier § 70; to check against the order in force,
  // DOMAIN.md): "1) 1 person for hver 5 ordinært ansatte,
  // hvis virksomheden har 0-50 ansatte, dog altid 1 person, og herudover
  // 2) 1 person for hver 10 ordinært ansatte." A person per each whole 5 (or
  // 10), never fewer than 1; the 10s beyond 50 add to the first 50's places,
  // so 51 staff give 10 places (one started ten is not a whole ten) and 60 give 11.
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
