// The floor's small rules in the core (issue 9): the double-tap guard, the
// morning question's "which day has no check-out", and the read-aloud setting.
#include <doctest/doctest.h>

#include "tests/unit/centre_fixture.hpp"

using namespace ft;
using ft::test::CentreFixture;

TEST_CASE("a punch moments after the check-in is a double tap and is not recorded as a check-out") {
  CentreFixture c;
  const auto id = c.enrol("Double Tapper");
  c.minutes = 8 * 60 + 2;
  REQUIRE(c.run(CheckIn{id}, c.as_trainee(id)).events.size() == 1);
  c.minutes = 8 * 60 + 3;  // a minute later the tile is tapped again
  auto again = c.run(CheckOut{id, true}, c.as_trainee(id));
  CHECK(again.ok());
  CHECK(again.events.empty());
  REQUIRE(again.notice);
  CHECK(again.notice->code == "double_tap");
  CHECK(again.notice->params["time"] == "08:02");
  CHECK_FALSE(c.state.trainee(id)->days.at(c.today).has_check_out());

  SUBCASE("an explicit check-out inside the interval is honoured") {
    CHECK(c.run(CheckOut{id, false}, c.as_trainee(id)).events.size() == 1);
    CHECK(c.state.trainee(id)->days.at(c.today).check_out == 8 * 60 + 3);
  }
  SUBCASE("a punch after the interval checks out") {
    c.minutes = 8 * 60 + 4;  // 120 s after 08:02
    CHECK(c.run(CheckOut{id, true}, c.as_trainee(id)).events.size() == 1);
  }
  SUBCASE("the interval comes from the rules") {
    c.rules.double_tap_seconds = 10 * 60;
    c.minutes = 8 * 60 + 11;
    CHECK(c.run(CheckOut{id, true}, c.as_trainee(id)).notice->code == "double_tap");
    c.minutes = 8 * 60 + 12;
    CHECK(c.run(CheckOut{id, true}, c.as_trainee(id)).events.size() == 1);
  }
}

TEST_CASE("is_double_tap needs a check-in and no check-out") {
  Rules r;
  AttendanceDay d;
  CHECK_FALSE(is_double_tap(d, 8 * 60, r));
  d.check_in = 8 * 60;
  CHECK(is_double_tap(d, 8 * 60 + 1, r));
  CHECK_FALSE(is_double_tap(d, 8 * 60 + 2, r));
  d.check_out = 8 * 60 + 1;
  CHECK_FALSE(is_double_tap(d, 8 * 60 + 1, r));
}

TEST_CASE("the morning question asks about the last expected day, across a weekend, once") {
  CentreFixture c;
  const auto id = c.enrol("Weekend Forgetter");
  c.today -= 3;  // Friday
  c.run(CheckIn{id}, c.as_trainee(id));
  c.today += 3;  // Monday
  const Trainee& t = *c.state.trainee(id);
  REQUIRE(unanswered_checkout(t, c.today, c.rules));
  CHECK(*unanswered_checkout(t, c.today, c.rules) == c.today - 3);

  // Answered: not asked again, and the day stays flagged until staff confirm.
  REQUIRE(c.run(ProposeCheckout{id, c.today - 3, 15 * 60}, c.as_trainee(id)).events.size() == 1);
  CHECK_FALSE(unanswered_checkout(*c.state.trainee(id), c.today, c.rules));
  CHECK(day_status(*c.state.trainee(id), c.today - 3, c.rules, c.today) == DayStatus::ForgottenCheckout);
  const Actor boss = c.staff(Role::Supervisor);
  REQUIRE(c.run(ConfirmCheckout{id, c.today - 3, 15 * 60}, boss).events.size() == 1);
  CHECK(day_status(*c.state.trainee(id), c.today - 3, c.rules, c.today) != DayStatus::ForgottenCheckout);
}

TEST_CASE("a trainee who checked out yesterday is not asked") {
  CentreFixture c;
  const auto id = c.enrol("Tidy Person");
  c.today -= 1;
  c.run(CheckIn{id}, c.as_trainee(id));
  c.minutes = 15 * 60;
  c.run(CheckOut{id}, c.as_trainee(id));
  c.today += 1;
  CHECK_FALSE(unanswered_checkout(*c.state.trainee(id), c.today, c.rules));
}

TEST_CASE("read-aloud is a setting of the trainee, set alone or with the language") {
  CentreFixture c;
  const auto id = c.enrol("Olena Koval");
  REQUIRE(c.run(SetLanguage{id, "", true}, c.as_trainee(id)).ok());
  CHECK(c.state.trainee(id)->read_aloud.value == "1");
  CHECK(c.state.trainee(id)->language.value == "da");
  REQUIRE(c.run(SetLanguage{id, "uk", false}, c.as_trainee(id)).ok());
  CHECK(c.state.trainee(id)->read_aloud.value == "0");
  CHECK(c.state.trainee(id)->language.value == "uk");
  CHECK(c.run(SetLanguage{id, "", std::nullopt}, c.as_trainee(id)).refusal->code == "unknown_language");
}

TEST_CASE("a punch is a check-in, a morning question, a check-out or a double tap, decided from the day") {
  CentreFixture c;
  const auto id = c.enrol("Punch Decided");
  auto punch = [&] { return decide_punch(*c.state.trainee(id), c.today, c.minutes, c.rules); };
  c.minutes = 8 * 60;
  CHECK(punch().kind == Punch::CheckIn);
  CHECK(punch().checks_in());
  c.run(CheckIn{id}, c.as_trainee(id));
  c.minutes = 8 * 60 + 1;
  const Punch twice = punch();
  CHECK(twice.kind == Punch::DoubleTap);
  CHECK(twice.since == 8 * 60);
  CHECK_FALSE(twice.checks_in());
  c.minutes = 15 * 60;
  CHECK(punch().kind == Punch::CheckOut);
  c.run(CheckOut{id, true}, c.as_trainee(id));
  CHECK(punch().kind == Punch::CheckIn);  // out again: a second check-in (decide() says it changes nothing)

  // The next day after a day without a check-out: check in, then ask about it.
  c.today += 1;
  c.minutes = 8 * 60;
  c.run(CheckIn{id}, c.as_trainee(id));
  c.today += 1;
  const Punch morning = punch();
  CHECK(morning.kind == Punch::MorningQuestion);
  CHECK(morning.checks_in());
  REQUIRE(morning.ask_about);
  CHECK(*morning.ask_about == c.today - 1);
}
