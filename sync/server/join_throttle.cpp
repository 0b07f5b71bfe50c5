#include "sync/server/join_throttle.hpp"

namespace ft::server {

namespace {
// Addresses held at most; beyond it the quiet ones are forgotten first, so a
// flood from many addresses cannot grow the server without bound.
constexpr size_t kMaxAddresses = 10000;
}  // namespace

void JoinThrottle::forget_old(std::deque<std::int64_t>& times, std::int64_t now_ms) const {
  while (!times.empty() && times.front() <= now_ms - window_ms_) times.pop_front();
}

std::optional<std::int64_t> JoinThrottle::wait_seconds(const std::string& address, std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  auto it = failures_.find(address);
  if (it == failures_.end()) return std::nullopt;
  forget_old(it->second, now_ms);
  if (static_cast<int>(it->second.size()) < limit_) return std::nullopt;
  const std::int64_t until = it->second.front() + window_ms_;
  return (until - now_ms + 999) / 1000;
}

bool JoinThrottle::failed(const std::string& address, std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  if (failures_.size() >= kMaxAddresses && !failures_.count(address)) {
    for (auto it = failures_.begin(); it != failures_.end();) {
      forget_old(it->second, now_ms);
      it = it->second.empty() ? failures_.erase(it) : std::next(it);
    }
    if (failures_.size() >= kMaxAddresses) failures_.erase(failures_.begin());
  }
  auto& times = failures_[address];
  forget_old(times, now_ms);
  times.push_back(now_ms);
  return static_cast<int>(times.size()) == limit_;
}

}  // namespace ft::server
