// Failed join attempts per source address: after `limit` wrong join codes
// within `window`, that address is answered 429 until the oldest failure
// leaves the window. Only enrolment counts and is throttled: authenticated
// sync never is, as a centre's terminals share one address behind its router.
// Join codes are 10 random characters and expire in days; this makes
// guessing one slower still, and shows an attempt in the log.
#pragma once
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace ft::server {

class JoinThrottle {
 public:
  JoinThrottle(int limit, std::int64_t window_ms) : limit_(limit), window_ms_(window_ms) {}
  // Seconds to wait when `address` is throttled now; nullopt when it may try.
  std::optional<std::int64_t> wait_seconds(const std::string& address, std::int64_t now_ms);
  // A wrong code from `address`; true when this failure starts a throttle.
  bool failed(const std::string& address, std::int64_t now_ms);

 private:
  void forget_old(std::deque<std::int64_t>& times, std::int64_t now_ms) const;
  int limit_;
  std::int64_t window_ms_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<std::int64_t>> failures_;  // address -> times of failures
};

}  // namespace ft::server
