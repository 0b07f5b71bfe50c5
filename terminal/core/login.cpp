#include "terminal/core/login.hpp"

#include <string>

namespace ft {

namespace {
Refusal locked(const PinAttempts& a, std::int64_t now_ms) {
  return Refusal{"locked", {{"minutes", std::to_string(lock_minutes_left(a, now_ms))}}};
}
}  // namespace

LoginDecision decide_login(const Actor& who, bool pin_set, const std::function<bool()>& pin_matches,
                           const PinAttempts& attempts, const PinPolicy& policy, std::int64_t now_ms,
                           LoginMode mode) {
  LoginDecision d;
  const bool practice = mode == LoginMode::Practice;
  if (!practice && is_locked(attempts, now_ms)) {
    d.refusal = locked(attempts, now_ms);
    return d;
  }
  if (!pin_set) {
    if (who.role == Role::Trainee) d.actor = who;
    else d.refusal = Refusal{"no_pin_set", {}};
    return d;
  }
  if (pin_matches()) {
    d.actor = who;
    if (!practice && (attempts.failures || attempts.locked_until_ms)) d.new_attempts = after_success(attempts);
    return d;
  }
  if (practice) {
    d.refusal = Refusal{"practice_wrong_pin", {}};
    return d;
  }
  const PinAttempts after = after_failure(attempts, now_ms, policy.attempts, policy.lockout_seconds);
  d.new_attempts = after;
  if (is_locked(after, now_ms)) d.refusal = locked(after, now_ms);
  else d.refusal = Refusal{"wrong_pin", {{"attempts_left", std::to_string(policy.attempts - after.failures)}}};
  return d;
}

}  // namespace ft
