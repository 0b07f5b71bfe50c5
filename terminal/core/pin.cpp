#include "terminal/core/pin.hpp"

#include <sodium.h>

#include <stdexcept>

namespace ft {

PinLength pin_length(Role role) {
  // Staff PINs open every trainee's record, so they are longer.
  return role == Role::Trainee ? PinLength{4, 6} : PinLength{5, 8};
}

std::optional<Refusal> check_pin_shape(const std::string& pin, Role role) {
  const PinLength length = pin_length(role);
  bool digits = !pin.empty();
  for (char c : pin) digits = digits && c >= '0' && c <= '9';
  if (digits && pin.size() >= length.min && pin.size() <= length.max) return std::nullopt;
  return Refusal{role == Role::Trainee ? "pin_shape_trainee" : "pin_shape_staff",
                 {{"min", std::to_string(length.min)}, {"max", std::to_string(length.max)}}};
}

static void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium could not start");
}

std::string hash_pin(const std::string& pin) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  // Interactive limits: about 0.1 s and 64 MiB per guess on a kiosk PC.
  if (crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    throw std::runtime_error("out of memory while hashing a PIN");
  return out;
}

bool verify_pin(const std::string& hash, const std::string& pin) {
  ensure_sodium();
  if (hash.empty()) return false;
  return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

bool is_locked(const PinAttempts& a, std::int64_t now_ms) { return a.locked_until_ms > now_ms; }

int lock_minutes_left(const PinAttempts& a, std::int64_t now_ms) {
  return is_locked(a, now_ms) ? static_cast<int>((a.locked_until_ms - now_ms + 59999) / 60000) : 0;
}

PinAttempts after_failure(PinAttempts a, std::int64_t now_ms, int attempts_allowed, int lockout_seconds) {
  if (++a.failures >= attempts_allowed) {
    const int doublings = a.lockouts < 6 ? a.lockouts : 6;  // 5 min, 10, 20 ... at most 5 h 20 min
    a.locked_until_ms = now_ms + static_cast<std::int64_t>(lockout_seconds) * 1000 * (1LL << doublings);
    a.lockouts += 1;
    a.failures = 0;
  }
  return a;
}

PinAttempts after_success(PinAttempts a) {
  a.failures = 0;
  a.locked_until_ms = 0;
  return a;
}

}  // namespace ft
