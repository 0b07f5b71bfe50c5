// The core rules behind issue 22 ("What the floor found"): refusals name a
// trainee as the shared board does, a badge two people hold is a conflict a
// supervisor resolves, and a group assessment knows whose level it would lower.
#include <doctest/doctest.h>

#include "terminal/core/badges.hpp"
#include "tests/unit/centre_fixture.hpp"

using namespace ft;
using ft::test::CentreFixture;

TEST_CASE("a refused check-in names the trainee by first name and last initial only") {
  CentreFixture c;
  const auto id = c.enrol("Signe Bæk-Andersen", true);  // on the waiting list
  auto d = c.run(CheckIn{id}, c.as_trainee(id));
  REQUIRE(d.refusal);
  CHECK(d.refusal->code == "not_in_centre");
  CHECK(d.refusal->params["name"] == "Signe B.");
}

TEST_CASE("a badge two people hold after sync is a conflict until a supervisor takes it from one") {
  CentreFixture c;
  Enrol e;
  e.name = "Bo Kristensen";
  e.badge = "1001";
  const auto bo = c.run(e, local_admin()).new_id;
  CHECK(badge_conflicts(c.state).empty());
  // Another terminal, offline, enrolled Åse with the same card: its event arrives by sync.
  CentreFixture other;
  other.next_id = 500;  // ids of its own, as another terminal's
  e.name = "Åse Ærø-Ødegaard";
  const auto aase = other.run(e, local_admin()).new_id;
  evolve(c.state, other.log.back());
  const auto conflicts = badge_conflicts(c.state);
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts[0].badge == "1001");
  CHECK(conflicts[0].owners.size() == 2);
  CHECK(badge_in_conflict(c.state, "1001"));
  CHECK_FALSE(badge_in_conflict(c.state, "1002"));

  const auto instructor = c.staff(Role::Instructor);
  CHECK(c.run(TakeBadge{aase}, instructor).refusal->code == "not_allowed");
  const auto boss = c.staff(Role::Supervisor);
  CHECK(c.run(TakeBadge{aase}, boss).ok());
  CHECK(badge_conflicts(c.state).empty());
  CHECK(c.state.trainee(aase)->badge.value.empty());
  CHECK(c.state.trainee(bo)->badge.value == "1001");
  CHECK(c.run(TakeBadge{aase}, boss).refusal->code == "no_badge");
}

TEST_CASE("a group assessment knows whose level it would lower") {
  CentreFixture c;
  const auto bo = c.enrol("Bo Kristensen");
  const auto aase = c.enrol("Åse Ærø-Ødegaard");
  const auto nour = c.enrol("Nour Haddad");
  const auto jens = c.staff(Role::Instructor);
  REQUIRE(c.run(Assess{{aase}, "windows", 4, ""}, jens).ok());
  REQUIRE(c.run(Assess{{nour}, "windows", 2, ""}, jens).ok());
  const auto lower = lowerings(c.state, Assess{{bo, aase, nour}, "windows", 3, ""});
  REQUIRE(lower.size() == 1);
  CHECK(lower[0].trainee_id == aase);
  CHECK(lower[0].from == 4);
  CHECK(lowerings(c.state, Assess{{bo, aase, nour}, "windows", 4, ""}).empty());
  CHECK(lowerings(c.state, Assess{{aase}, "vacuuming", 1, ""}).empty());
}
