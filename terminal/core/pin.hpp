// PINs: slow salted hashes (libsodium's Argon2id) and the lockout policy.
// The hash is CPU- and memory-hard so a stolen database does not give away
// 4-digit PINs in seconds; verification is constant-time inside libsodium.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "terminal/core/refusal.hpp"
#include "terminal/core/state.hpp"

namespace ft {

// How many digits a PIN has, by role: the one place the pads, the refusal
// texts ({min} and {max}) and the check read it from.
struct PinLength {
  size_t min, max;
};
PinLength pin_length(Role role);

// nullopt when the PIN has the right shape for the role, else the refusal
// ("pin_shape_trainee" or "pin_shape_staff", with {min} and {max}).
std::optional<Refusal> check_pin_shape(const std::string& pin, Role role);
std::string hash_pin(const std::string& pin);
bool verify_pin(const std::string& hash, const std::string& pin);

// Wrong-PIN bookkeeping per person, kept by the terminal (not an event: a
// wrong guess changes nothing in the centre's record).
struct PinAttempts {
  int failures = 0;             // wrong PINs in a row
  int lockouts = 0;             // lockouts so far; each one doubles the next
  std::int64_t locked_until_ms = 0;
};

bool is_locked(const PinAttempts& a, std::int64_t now_ms);
// Whole minutes until the lock ends, rounded up: what the screen promises.
int lock_minutes_left(const PinAttempts& a, std::int64_t now_ms);
PinAttempts after_failure(PinAttempts a, std::int64_t now_ms, int attempts_allowed, int lockout_seconds);
PinAttempts after_success(PinAttempts a);

}  // namespace ft
