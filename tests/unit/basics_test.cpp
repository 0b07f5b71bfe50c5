// Dates, the hybrid logical clock, ids, text, PIN policy, translations, events on the wire.
#include <doctest/doctest.h>

#include "terminal/core/dates.hpp"
#include "terminal/core/event.hpp"
#include "terminal/core/hlc.hpp"
#include "terminal/core/i18n.hpp"
#include "terminal/core/keypad.hpp"
#include "terminal/core/ids.hpp"
#include "terminal/core/pin.hpp"
#include "terminal/core/text.hpp"

using namespace ft;

TEST_CASE("dates: parse, format, weekdays and months") {
  CHECK(format_day(*parse_day("2026-11-22")) == "2026-11-22");
  CHECK(weekday(*parse_day("2026-11-22")) == 6);  // a Sunday
  CHECK(weekday(*parse_day("2026-11-23")) == 0);
  CHECK_FALSE(parse_day("2026-02-29"));
  CHECK(parse_day("2028-02-29"));
  CHECK_FALSE(parse_day("2026-13-01"));
  CHECK_FALSE(parse_day("26-1-1"));
  CHECK(format_day(add_months(*parse_day("2026-01-31"), 1)) == "2026-02-28");
  CHECK(format_day(add_months(*parse_day("2025-06-15"), 18)) == "2026-12-15");
  CHECK(parse_clock("07:45") == 465);
  CHECK_FALSE(parse_clock("24:00"));
  CHECK(format_clock(465) == "07:45");
}

TEST_CASE("the hybrid logical clock never goes backwards and ignores far-future stamps") {
  Hlc a = hlc_tick(0, 1000);
  Hlc b = hlc_tick(a, 900);  // wall clock stepped back
  CHECK(b > a);
  Hlc far = make_hlc(1000 + kMaxClockSkewMs + 1, 0);
  CHECK(hlc_receive(b, far, 1000) == b);
  Hlc near = make_hlc(1500, 3);
  CHECK(hlc_receive(b, near, 1000) == near);
}

TEST_CASE("UUIDv7 ids carry the time and the version") {
  std::array<std::uint8_t, 10> r{};
  r.fill(0xff);
  const auto id = uuid_v7(0x0190f0f0f0f0, r);
  CHECK(id.substr(0, 8) == "0190f0f0");
  CHECK(id[14] == '7');
  CHECK((id[19] == '8' || id[19] == '9' || id[19] == 'a' || id[19] == 'b'));
  CHECK(is_uuid(id));
  CHECK_FALSE(is_uuid("not-a-uuid"));
}

TEST_CASE("names on the shared board: first name and last initial, initials") {
  CHECK(first_name_last_initial("Åse Ærø-Ødegaard") == "Åse Æ.");
  CHECK(initials("åse ærø") == "ÅÆ");
  CHECK(first_name_last_initial("Mohammed") == "Mohammed");
  CHECK(initials("") == "?");
  CHECK(contains_rtl("محمد علي"));
  CHECK_FALSE(contains_rtl("Zoë Łukasiewicz"));
  CHECK(utf8_length("Ærø") == 3);
  CHECK(check_text("O'Brien\"; DROP TABLE events;--", 200, false) == std::nullopt);
  CHECK(check_text("a\x7f", 200, false) == std::string("text_control"));
  CHECK(check_text("line\nbreak", 200, true) == std::nullopt);
}

TEST_CASE("PINs are hashed slowly with a salt and verified") {
  const auto h1 = hash_pin("1234");
  const auto h2 = hash_pin("1234");
  CHECK(h1 != h2);  // salted
  CHECK(h1.rfind("$argon2id$", 0) == 0);
  CHECK(verify_pin(h1, "1234"));
  CHECK_FALSE(verify_pin(h1, "4321"));
  CHECK_FALSE(verify_pin("", "1234"));
}

TEST_CASE("five wrong PINs in a row lock for 5 minutes, doubling on repeat") {
  PinAttempts a;
  for (int i = 0; i < 4; ++i) a = after_failure(a, 0, 5, 300);
  CHECK_FALSE(is_locked(a, 0));
  a = after_failure(a, 0, 5, 300);
  CHECK(is_locked(a, 299999));
  CHECK_FALSE(is_locked(a, 300000));
  for (int i = 0; i < 5; ++i) a = after_failure(a, 300000, 5, 300);
  CHECK(a.locked_until_ms == 300000 + 600000);
  a = after_success(a);
  CHECK(a.failures == 0);
  CHECK_FALSE(is_locked(a, 300001));
}

TEST_CASE("translations fill parameters, translate @keys and show a missing key as itself") {
  std::string error;
  auto tr = parse_translations("en", R"({"refusal.x": "A {role} may not {action}.", "role.trainee": "trainee"})", error);
  REQUIRE(tr);
  CHECK(refusal_text(*tr, Refusal{"x", {{"role", "@role.trainee"}, {"action", "fly"}}}) == "A trainee may not fly.");
  CHECK((*tr)("no.such.key") == "no.such.key");
  CHECK_FALSE(parse_translations("en", R"({"a": 1})", error));
  CHECK(error.find("'a'") != std::string::npos);
}

TEST_CASE("events decode strictly from JSON") {
  Event e;
  e.event_id = "0190f0f0-0000-7000-8000-000000000001";
  e.terminal_id = "t1";
  e.terminal_seq = 1;
  e.actor_id = "admin";
  e.hlc = 5;
  e.wall_ms = 1;
  e.type = "CheckedIn";
  e.payload = {{"trainee_id", "x"}};
  std::string error;
  auto back = event_from_json(event_to_json(e), error);
  REQUIRE(back);
  CHECK(back->payload == e.payload);
  auto j = event_to_json(e);
  j["hlc"] = "5";
  CHECK_FALSE(event_from_json(j, error));
  CHECK(error.find("hlc") != std::string::npos);
  j = event_to_json(e);
  j.erase("payload");
  CHECK_FALSE(event_from_json(j, error));
  j = event_to_json(e);
  j["schema"] = 99;
  CHECK_FALSE(event_from_json(j, error));
}

TEST_CASE("the badge reader takes digits and Enter typed fast, and nothing else") {
  BadgeReader r;
  std::int64_t t = 1000;
  for (char c : std::string("00123456")) CHECK_FALSE(r.feed(static_cast<std::uint32_t>(c), t += 10));
  CHECK(r.feed('\n', t += 10) == std::string("00123456"));
  // A person typing slowly is not a badge.
  for (char c : std::string("1234")) r.feed(static_cast<std::uint32_t>(c), t += 1000);
  CHECK(r.feed('\n', t += 1000) == std::nullopt);
  // Letters reset, short codes and over-long codes are refused.
  for (char c : std::string("12a34")) r.feed(static_cast<std::uint32_t>(c), t += 10);
  CHECK(r.feed('\r', t += 10) == std::nullopt);
  for (int i = 0; i < 40; ++i) r.feed('7', t += 5);
  CHECK(r.feed('\n', t += 5) == std::nullopt);
  CHECK(r.digits().empty());
  // A reader with a tighter gap (the PIN pad's) refuses what the board's would take.
  BadgeReader tight(100);
  for (char c : std::string("00123456")) tight.feed(static_cast<std::uint32_t>(c), t += 150);
  CHECK(tight.feed('\r', t += 150) == std::nullopt);
  for (char c : std::string("00123456")) tight.feed(static_cast<std::uint32_t>(c), t += 20);
  CHECK(tight.feed('\r', t += 20) == std::string("00123456"));
  std::string pin;
  for (char c : std::string("12x3456789")) pin_pad_press(pin, c);
  CHECK(pin == "12345678");
}
