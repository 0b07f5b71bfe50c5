// Backoff with full jitter; see backoff.hpp.
#include "sync/client/backoff.hpp"

#include <algorithm>

namespace ft::sync {

std::chrono::milliseconds backoff_delay(const BackoffPolicy& policy, int failures, std::optional<long> retry_after_s,
                                        std::mt19937_64& random) {
  const int doublings = std::clamp(failures - 1, 0, 30);
  const long long ceiling =
      std::min<long long>(policy.cap.count(), policy.base.count() * (1LL << std::min(doublings, 20)));
  std::uniform_int_distribution<long long> pick(0, std::max<long long>(ceiling, 0));
  std::chrono::milliseconds wait{pick(random)};
  if (retry_after_s) wait = std::max(wait, std::chrono::milliseconds(*retry_after_s * 1000));
  return wait;
}

}  // namespace ft::sync
