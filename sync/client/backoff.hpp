// When to try again after a failed round: exponential backoff with full
// jitter (a random wait between 0 and min(cap, base * 2^failures)), so many
// terminals coming back after an outage do not hit the server in step.
// A server's Retry-After is a floor under that wait.
#pragma once
#include <chrono>
#include <optional>
#include <random>

namespace ft::sync {

struct BackoffPolicy {
  std::chrono::milliseconds base{1000};
  std::chrono::milliseconds cap{5 * 60 * 1000};
};

// `failures` counts failed rounds in a row (1 after the first failure).
std::chrono::milliseconds backoff_delay(const BackoffPolicy& policy, int failures, std::optional<long> retry_after_s,
                                        std::mt19937_64& random);

}  // namespace ft::sync
