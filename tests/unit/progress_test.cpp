// Progress toward the job guarantee: each at-risk reason triggered and
// cleared, the expected skills curve at several points, and the other statuses.
#include <doctest/doctest.h>

#include <algorithm>

#include "tests/unit/centre_fixture.hpp"

using namespace ft;
using ft::test::CentreFixture;

namespace {
std::vector<std::string> codes(const Progress& p) {
  std::vector<std::string> out;
  for (const auto& r : p.reasons) out.push_back(r.code);
  return out;
}
bool has(const Progress& p, const std::string& code) {
  const auto c = codes(p);
  return std::find(c.begin(), c.end(), code) != c.end();
}

// Every expected day from the fixture's today for `days` days: check in (and out) with chance `present`.
void attend(CentreFixture& c, const std::string& id, int days, double present, bool check_out = true) {
  int counter = 0;
  for (int i = 0; i < days; ++i) {
    if (is_expected_day(c.today, c.rules)) {
      ++counter;
      // Spread the absences evenly: come when the running share crosses a whole day.
      const bool comes = static_cast<int>(counter * present) > static_cast<int>((counter - 1) * present);
      if (comes) {
        c.minutes = 7 * 60 + 30;
        c.run(CheckIn{id}, Actor{id, Role::Trainee});
        c.minutes = 15 * 60;
        if (check_out) c.run(CheckOut{id}, Actor{id, Role::Trainee});
      }
    }
    c.today += 1;
  }
}

void assess_all(CentreFixture& c, const std::string& id, int level, int how_many = 1000) {
  const auto instructor = Actor{c.state.staff.empty() ? c.staff(Role::Instructor).id : c.state.staff.begin()->first, Role::Instructor};
  int n = 0;
  for (const auto& s : ft::test::catalogue().skills) {
    if (n++ >= how_many) break;
    c.run(Assess{{id}, s.key, level, ""}, instructor);
  }
}

Progress now(CentreFixture& c, const std::string& id) {
  return progress(*c.state.trainee(id), ft::test::catalogue(), c.rules, c.today);
}
}  // namespace

TEST_CASE("the expected skills curve: m / planned months, capped at all") {
  Rules r;
  CHECK(expected_skills_share(0, r) == doctest::Approx(0));
  CHECK(expected_skills_share(1.5, r) == doctest::Approx(0.25));
  CHECK(expected_skills_share(3, r) == doctest::Approx(0.5));
  CHECK(expected_skills_share(6, r) == doctest::Approx(1));
  CHECK(expected_skills_share(12, r) == doctest::Approx(1));
  r.planned_centre_months = 4;
  CHECK(expected_skills_share(2, r) == doctest::Approx(0.5));
}

TEST_CASE("skills behind the curve is a risk until the skills catch up") {
  CentreFixture c;
  const auto id = c.enrol("Langsom Lærling");
  attend(c, id, 92, 1.0);  // three months, always present
  auto p = now(c, id);
  CHECK(p.expected_share == doctest::Approx(0.5).epsilon(0.05));
  CHECK(p.status == Guarantee::AtRisk);
  CHECK(has(p, "skills_behind"));
  assess_all(c, id, 3, 12);  // 12 of 30 = 40 %: within the 15-point tolerance of 50 %
  p = now(c, id);
  CHECK_FALSE(has(p, "skills_behind"));
  CHECK(p.status == Guarantee::OnTrack);
}

TEST_CASE("attendance below the threshold over 28 days is a risk, and clears when attendance returns") {
  CentreFixture c;
  const auto id = c.enrol("Sjældent Her");
  assess_all(c, id, 3, 3);
  attend(c, id, 28, 0.5);
  auto p = now(c, id);
  CHECK(p.last_28d.rate() < 0.85);
  CHECK(has(p, "attendance_28d"));
  assess_all(c, id, 3, 8);
  attend(c, id, 28, 1.0);
  p = now(c, id);
  CHECK(p.last_28d.rate() == doctest::Approx(1.0));
  CHECK_FALSE(has(p, "attendance_28d"));
}

TEST_CASE("agreed absence does not count against attendance; sickness and no-shows do") {
  CentreFixture c;
  const auto id = c.enrol("Fravær Person");
  const auto boss = c.staff(Role::Supervisor);
  const Day start = c.today;  // a Monday
  c.run(CheckIn{id}, Actor{id, Role::Trainee});
  c.run(RecordAbsence{id, start + 1, AbsenceKind::Legitimate, "doctor"}, boss);
  c.run(RecordAbsence{id, start + 2, AbsenceKind::Sick, "sick"}, boss);
  c.run(RecordAbsence{id, start + 3, AbsenceKind::NotLegitimate, "other"}, boss);
  const auto a = attendance_between(*c.state.trainee(id), start, start + 4, c.rules, start + 5);
  CHECK(a.expected == 4);  // Friday unrecorded, Tuesday agreed
  CHECK(a.present == 1);
  CHECK(a.legitimate == 1);
  CHECK(a.sick == 1);
  CHECK(a.not_legitimate == 1);
  CHECK(a.unrecorded == 1);
  CHECK(a.forgotten_checkouts == 1);  // Monday: checked in, never out
}

TEST_CASE("repeated forgotten check-outs are a risk until they stop") {
  CentreFixture c;
  const auto id = c.enrol("Glemsom Person");
  assess_all(c, id, 3, 5);
  attend(c, id, 14, 1.0, false);
  auto p = now(c, id);
  CHECK(has(p, "forgotten_checkouts"));
  attend(c, id, 28, 1.0, true);
  CHECK_FALSE(has(now(c, id), "forgotten_checkouts"));
}

TEST_CASE("no internship by the planned month is a risk, cleared by starting one") {
  CentreFixture c;
  const auto id = c.enrol("Uden Praktik");
  const auto boss = c.staff(Role::Supervisor);
  assess_all(c, id, 3);
  attend(c, id, 30 * 9 + 5, 1.0);
  auto p = now(c, id);
  CHECK(has(p, "no_internship"));
  c.run(ChangeStage{id, Stage::Internship, "Elite Miljø A/S", ""}, boss);
  p = now(c, id);
  CHECK_FALSE(has(p, "no_internship"));
  CHECK(p.status == Guarantee::OnTrack);
  CHECK(has(p, "internship_unconfirmed"));
}

TEST_CASE("less than three months left with requirements missing is a risk; earned once all is done") {
  CentreFixture c;
  const auto id = c.enrol("Sent Færdig");
  const auto boss = c.staff(Role::Supervisor);
  assess_all(c, id, 3);
  attend(c, id, 120, 1.0);
  c.run(ChangeStage{id, Stage::Internship, "Elite Miljø A/S", ""}, boss);
  c.today = add_months(*c.state.trainee(id)->centre_start(), 16);
  auto p = now(c, id);
  CHECK(p.warning_months == 15);
  CHECK(has(p, "time_short"));
  CHECK(p.status == Guarantee::AtRisk);
  c.run(ConfirmInternship{id}, boss);
  p = now(c, id);
  CHECK(p.status == Guarantee::Earned);
  CHECK_FALSE(has(p, "time_short"));
  c.run(ChangeStage{id, Stage::Employed, "", ""}, boss);
  p = now(c, id);
  CHECK(p.status == Guarantee::Fulfilled);
  CHECK(p.days_left == std::nullopt);
}

TEST_CASE("days left count down to the 18-month limit; warnings at 15 and 17 months") {
  CentreFixture c;
  const auto id = c.enrol("Tid Tæller");
  const Day start = c.today;
  CHECK(now(c, id).days_left == add_months(start, 18) - start);
  c.today = add_months(start, 15) + 1;
  CHECK(now(c, id).warning_months == 15);
  c.today = add_months(start, 17) + 1;
  CHECK(now(c, id).warning_months == 17);
  c.today = add_months(start, 18);
  const auto p = now(c, id);
  CHECK(p.days_left == 0);
  CHECK(has(p, "course_over"));
}

TEST_CASE("leaving forfeits the guarantee; a referral waits") {
  CentreFixture c;
  const auto boss = c.staff(Role::Supervisor);
  const auto leaving = c.enrol("Går Nu");
  const auto waiting = c.enrol("Venter Lidt", true);
  c.run(ChangeStage{leaving, Stage::Exited, "", "other_job"}, boss);
  auto p = now(c, leaving);
  CHECK(p.status == Guarantee::Forfeited);
  CHECK(p.reasons.front().params.at("reason") == "@exit.other_job");
  p = now(c, waiting);
  CHECK(p.status == Guarantee::OnTrack);
  CHECK(has(p, "waiting"));
}

TEST_CASE("the trend of skills at target follows the assessments day by day") {
  CentreFixture c;
  const auto id = c.enrol("Trend Person");
  const Day start = c.today;
  assess_all(c, id, 3, 3);
  c.today += 10;
  assess_all(c, id, 3, 6);
  const auto trend = skills_at_target_trend(*c.state.trainee(id), ft::test::catalogue(), start - 1, start + 11);
  REQUIRE(trend.size() == 13);
  CHECK(trend.front() == doctest::Approx(0));
  CHECK(trend[1] == doctest::Approx(3.0 / 30));
  CHECK(trend.back() == doctest::Approx(6.0 / 30));
}

TEST_CASE("the expected share on a trainee's page: 0 on the first day, half mid-way, all at the planned end") {
  CentreFixture c;
  const auto id = c.enrol("Forventet Forløb");
  const Day start = c.today;
  CHECK(now(c, id).expected_share == doctest::Approx(0));
  c.today = add_months(start, c.rules.planned_centre_months / 2);
  CHECK(now(c, id).expected_share == doctest::Approx(0.5).epsilon(0.03));
  c.today = add_months(start, c.rules.planned_centre_months);
  CHECK(now(c, id).expected_share == doctest::Approx(1).epsilon(0.02));
  c.today = add_months(start, 12);
  CHECK(now(c, id).expected_share == doctest::Approx(1));  // capped: the curve waits at all after the plan
}

TEST_CASE("the share at target rises as assessments arrive; a later lower assessment drops it") {
  CentreFixture c;
  const auto id = c.enrol("Stiger Og Falder");
  const auto instructor = c.staff(Role::Instructor);
  const auto& skills = ft::test::catalogue().skills;
  const Day start = c.today;
  assess_all(c, id, 3, 4);  // day 0: four at target
  c.today = start + 7;
  assess_all(c, id, 2, 10);  // day 7: the same four drop to 2, six more only at 2 -- none at target
  c.today = start + 14;
  assess_all(c, id, 3, 10);  // day 14: all ten at target
  c.today = start + 21;
  c.run(Assess{{id}, skills[0].key, 1, ""}, instructor);  // day 21: one slips back
  const double n = ft::test::catalogue().required_count();
  const auto trend = skills_at_target_trend(*c.state.trainee(id), ft::test::catalogue(), start, start + 25);
  REQUIRE(trend.size() == 26);
  CHECK(trend[0] == doctest::Approx(4 / n));
  CHECK(trend[6] == doctest::Approx(4 / n));
  CHECK(trend[7] == doctest::Approx(0));
  CHECK(trend[14] == doctest::Approx(10 / n));
  CHECK(trend[20] == doctest::Approx(10 / n));
  CHECK(trend[21] == doctest::Approx(9 / n));
  CHECK(trend.back() == doctest::Approx(9 / n));
  c.today = start + 25;
  const auto p = now(c, id);
  CHECK(trend.back() == doctest::Approx(double(p.skills_at_target) / p.skills_required));
}

TEST_CASE("a later assessment dated earlier, from a terminal whose calendar was behind, wins as it does in progress") {
  CentreFixture c;
  const auto id = c.enrol("Sen Kalender");
  const auto instructor = c.staff(Role::Instructor);
  const std::string skill = ft::test::catalogue().skills[0].key;
  const Day start = c.today;
  c.today = start + 10;
  c.run(Assess{{id}, skill, 3, ""}, instructor);
  c.today = start + 5;  // the second terminal's calendar: behind, but its clock (hlc) has seen the first
  c.run(Assess{{id}, skill, 2, ""}, instructor);
  const auto trend = skills_at_target_trend(*c.state.trainee(id), ft::test::catalogue(), start, start + 12);
  REQUIRE(trend.size() == 13);
  CHECK(trend[5] == doctest::Approx(0));   // the level-2 word is the only one dated by then
  CHECK(trend[10] == doctest::Approx(0));  // both are dated now: the later one (by hlc) counts
  CHECK(trend[12] == doctest::Approx(0));
  c.today = start + 12;
  CHECK(now(c, id).skills_at_target == 0);
}

TEST_CASE("the trend counts only required skills at their target, and is all done when nothing is required") {
  CentreFixture c;
  const auto id = c.enrol("Kun Krævede");
  const auto instructor = c.staff(Role::Instructor);
  Catalogue cat = ft::test::catalogue();
  cat.skills[0].required = false;
  cat.skills[1].target = 4;
  c.run(Assess{{id}, cat.skills[0].key, 4, ""}, instructor);  // not required: not counted
  c.run(Assess{{id}, cat.skills[1].key, 3, ""}, instructor);  // below its target of 4
  c.run(Assess{{id}, cat.skills[2].key, 3, ""}, instructor);  // counts
  const Trainee& t = *c.state.trainee(id);
  const auto trend = skills_at_target_trend(t, cat, c.today, c.today);
  REQUIRE(trend.size() == 1);
  CHECK(trend[0] == doctest::Approx(1.0 / cat.required_count()));
  CHECK(skills_at_target_trend(t, cat, c.today, c.today - 1).empty());
  for (auto& s : cat.skills) s.required = false;
  const auto all = skills_at_target_trend(t, cat, c.today - 3, c.today);
  CHECK(all == std::vector<double>(4, 1.0));
  CHECK(progress(t, cat, c.rules, c.today).skills_required == 0);
}

TEST_CASE("the red light follows the configurable months-left warning, not a fixed 92 days") {
  CentreFixture c;
  const auto id = c.enrol("Lys Rød");
  const auto boss = c.staff(Role::Supervisor);
  assess_all(c, id, 3);
  attend(c, id, 120, 1.0);
  c.run(ChangeStage{id, Stage::Internship, "Elite Miljø A/S", ""}, boss);
  c.today = add_months(*c.state.trainee(id)->centre_start(), 13);  // about five months left
  auto p = now(c, id);
  CHECK(p.status == Guarantee::OnTrack);
  CHECK(p.light == Light::Green);
  c.rules.months_left_warning = 6;  // a centre that wants to know half a year ahead
  p = now(c, id);
  CHECK(has(p, "time_short"));
  CHECK(p.reasons.size() == 1);
  CHECK(p.status == Guarantee::AtRisk);
  CHECK(p.light == Light::Red);  // one reason, but time is short by this centre's rule
  c.rules.months_left_warning = 3;
  c.today = add_months(*c.state.trainee(id)->centre_start(), 16);
  CHECK(now(c, id).light == Light::Red);
  c.run(ConfirmInternship{id}, boss);
  CHECK(now(c, id).light == Light::Green);  // earned
}
