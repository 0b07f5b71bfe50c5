// Who gets in with a PIN: the one decision behind the trainee's PIN pad, the
// staff login and the lockout help, kept pure so that the rule is read and
// tested in one place. The store supplies the person, their PIN attempts and
// whether the typed PIN matches; it then saves what the decision says.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>

#include "terminal/core/commands.hpp"
#include "terminal/core/pin.hpp"
#include "terminal/core/refusal.hpp"
#include "terminal/core/rules.hpp"

namespace ft {

// The lockout half of the PIN rules, from the centre's configuration.
struct PinPolicy {
  int attempts = 5;         // wrong PINs in a row before a lockout
  int lockout_seconds = 300;  // the first lockout; each repeat doubles it
  static PinPolicy of(const Rules& rules) { return {rules.pin_attempts, rules.lockout_seconds}; }
};

// Counted: the real thing. Practice (a trainee rehearsing the kiosk with an
// instructor): the PIN is checked, but nothing is counted toward a lockout
// and a lock does not stop the rehearsal.
enum class LoginMode { Counted, Practice };

struct LoginDecision {
  std::optional<Actor> actor;              // set: in
  std::optional<Refusal> refusal;  // locked {minutes}, wrong_pin {attempts_left}, practice_wrong_pin, no_pin_set
  std::optional<PinAttempts> new_attempts;  // set: the store saves these
};

// `pin_set`: the person has a PIN. `pin_matches` is asked only when the
// answer depends on it (it costs an Argon2id hash, about 0.1 s).
// A trainee without a PIN gets in by tile or badge alone; a staff member
// without one never does. A locked person is refused before the PIN is checked.
LoginDecision decide_login(const Actor& who, bool pin_set, const std::function<bool()>& pin_matches,
                           const PinAttempts& attempts, const PinPolicy& policy, std::int64_t now_ms,
                           LoginMode mode = LoginMode::Counted);

}  // namespace ft
