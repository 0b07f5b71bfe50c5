// The login decision and the PIN policy (core/login.hpp, core/pin.hpp), with
// the clock passed in: every branch of who gets in, and what is counted.
#include <doctest/doctest.h>

#include "terminal/core/login.hpp"

using namespace ft;

namespace {
const Actor kTrainee{"t1", Role::Trainee};
const Actor kInstructor{"s1", Role::Instructor};
const PinPolicy kPolicy{3, 60};  // three tries, then a minute
constexpr std::int64_t kNow = 1'800'000'000'000;

int asked = 0;
bool right() { return ++asked, true; }
bool wrong() { return ++asked, false; }
}  // namespace

TEST_CASE("the right PIN lets a person in and clears earlier wrong tries") {
  auto d = decide_login(kTrainee, true, right, PinAttempts{2, 0, 0}, kPolicy, kNow);
  REQUIRE(d.actor);
  CHECK(d.actor->id == "t1");
  CHECK_FALSE(d.refusal);
  REQUIRE(d.new_attempts);
  CHECK(d.new_attempts->failures == 0);
  // Nothing to clear: nothing written.
  CHECK_FALSE(decide_login(kTrainee, true, right, PinAttempts{}, kPolicy, kNow).new_attempts);
}

TEST_CASE("wrong PINs count down, then lock for the policy's time, doubling on each lockout") {
  PinAttempts a;
  auto d = decide_login(kInstructor, true, wrong, a, kPolicy, kNow);
  CHECK_FALSE(d.actor);
  REQUIRE(d.refusal);
  CHECK(d.refusal->code == "wrong_pin");
  CHECK(d.refusal->params.at("attempts_left") == "2");
  a = *d.new_attempts;
  a = *decide_login(kInstructor, true, wrong, a, kPolicy, kNow).new_attempts;
  d = decide_login(kInstructor, true, wrong, a, kPolicy, kNow);
  CHECK(d.refusal->code == "locked");
  CHECK(d.refusal->params.at("minutes") == "1");
  CHECK(d.new_attempts->locked_until_ms == kNow + 60'000);

  // Locked: refused before the PIN is even checked, the right one included.
  asked = 0;
  d = decide_login(kInstructor, true, right, *d.new_attempts, kPolicy, kNow + 30'000);
  CHECK(asked == 0);
  CHECK_FALSE(d.actor);
  CHECK(d.refusal->code == "locked");
  CHECK(d.refusal->params.at("minutes") == "1");  // half a minute left reads as one, rounded up
  CHECK_FALSE(d.new_attempts);

  // The second lockout lasts twice as long.
  PinAttempts after_first = a;
  after_first.failures = 2;
  after_first.lockouts = 1;
  after_first.locked_until_ms = 0;
  d = decide_login(kInstructor, true, wrong, after_first, kPolicy, kNow);
  CHECK(d.new_attempts->locked_until_ms == kNow + 120'000);
  CHECK(d.refusal->params.at("minutes") == "2");
}

TEST_CASE("without a PIN a trainee gets in by tile or badge; a staff member never does") {
  asked = 0;
  auto d = decide_login(kTrainee, false, wrong, PinAttempts{}, kPolicy, kNow);
  CHECK(d.actor);
  d = decide_login(kInstructor, false, right, PinAttempts{}, kPolicy, kNow);
  CHECK_FALSE(d.actor);
  CHECK(d.refusal->code == "no_pin_set");
  CHECK(asked == 0);
}

TEST_CASE("practice checks the PIN but counts nothing, and a lock does not stop it") {
  const PinAttempts locked{0, 1, kNow + 60'000};
  auto d = decide_login(kTrainee, true, right, locked, kPolicy, kNow, LoginMode::Practice);
  CHECK(d.actor);
  CHECK_FALSE(d.new_attempts);
  d = decide_login(kTrainee, true, wrong, PinAttempts{2, 0, 0}, kPolicy, kNow, LoginMode::Practice);
  CHECK_FALSE(d.actor);
  CHECK(d.refusal->code == "practice_wrong_pin");
  CHECK_FALSE(d.new_attempts);
}

TEST_CASE("PIN lengths come from one place, and the refusal names them") {
  CHECK(pin_length(Role::Trainee).min == 4);
  CHECK(pin_length(Role::Trainee).max == 6);
  CHECK(pin_length(Role::Supervisor).min == 5);
  CHECK(pin_length(Role::Instructor).max == 8);
  CHECK_FALSE(check_pin_shape("1234", Role::Trainee));
  CHECK_FALSE(check_pin_shape("123456", Role::Trainee));
  auto r = check_pin_shape("1234567", Role::Trainee);
  REQUIRE(r);
  CHECK(r->code == "pin_shape_trainee");
  CHECK(r->params.at("min") == "4");
  CHECK(r->params.at("max") == "6");
  r = check_pin_shape("1234", Role::Supervisor);
  REQUIRE(r);
  CHECK(r->code == "pin_shape_staff");
  CHECK(r->params.at("min") == "5");
  CHECK(check_pin_shape("12a45", Role::Supervisor));
  CHECK(check_pin_shape("", Role::Trainee));
}
