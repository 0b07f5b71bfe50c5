// The progress pictures on real frames: the trend of skills at target on the
// trainee review and the sparklines on the dashboard show the trainee's own
// numbers (what the pictures report drawing matches progress()), with their
// axis labels and legend in the session's language, fitting, at both floor
// PC sizes; a new assessment moves the picture; the attendance calendar flags
// the days the jobcentre has marked handled, and says in words what the flag is.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "terminal/store/centre_database.hpp"
#include "terminal/ui/facts.hpp"
#include "terminal/ui/screen_registry.hpp"
#include "tests/ui/driver.hpp"

using ft::test::UiDriver;
using ft::ui::ScreenId;

namespace {

ft::Progress progress_of(UiDriver& d, const ft::Trainee& t) {
  return ft::progress(t, d.centre->catalogue(), d.centre->rules(), d.centre->today());
}

bool has_reason(const ft::Progress& p, const std::string& code) {
  return std::any_of(p.reasons.begin(), p.reasons.end(), [&](const ft::Reason& r) { return r.code == code; });
}

bool has_label(const ft::ui::TrendDrawn& drawn, const std::string& text) {
  return std::find(drawn.labels.begin(), drawn.labels.end(), text) != drawn.labels.end();
}

// The screen's own demo (as the screenshot command runs it), drawn in `lang`.
void show_demo(UiDriver& d, const char* screen, const std::string& lang) {
  d.ui->options.language = lang;
  d.ui->go_home();
  ft::ui::screens().find(screen)->demo(*d.ui);
  d.ui->overflows.clear();
  d.frames(3);
  REQUIRE(ft::ui::screen_name(d.ui->session.screen) == screen);
}

// The jobcentre's mark on a no-show, as the municipal server writes it
// (sync/server/web/absences.cpp) and a sync pull stores it: from the server's
// terminal id, so the fold counts it.
void jobcentre_marks_handled(UiDriver& d, const std::string& trainee, ft::Day day) {
  ft::Event e;
  e.event_id = ft::new_uuid(d.now_ms);
  e.terminal_id = ft::kServerTerminalId;
  e.terminal_seq = 1;
  e.actor_id = ft::kJobcentreActor;
  e.hlc = d.centre->state().max_hlc + 1;
  e.wall_ms = d.now_ms;
  e.type = ft::ev::kAbsenceHandled;
  e.payload = {{"trainee_id", trainee}, {"day", ft::format_day(day)}, {"kind", "no_show"}, {"by", "caseworker-anne"}};
  REQUIRE(ft::insert_event_once(centre_database(*d.centre), e));
  d.centre->refresh();
  REQUIRE(d.centre->state().trainee(trainee)->handled.count(day));
}

// A supervisor's review of the trainee, drawn in `lang` (overflows add up until a test clears them).
void review(UiDriver& d, const std::string& trainee, const std::string& lang) {
  d.ui->options.language = lang;
  d.ui->demo_staff_session(ft::Role::Supervisor);
  d.ui->show(ScreenId::Trainee);
  d.ui->identify_trainee(trainee, false);
  d.frames(3);
}

}  // namespace

TEST_CASE("the trainee review draws the at-risk trainee's trend against the expected curve, labelled and fitting") {
  for (ImVec2 size : {ImVec2(1920, 1080), ImVec2(1280, 800)}) {
    UiDriver d(size, ft::test::demo_db(), ft::test::real_now_ms());
    for (const std::string lang : {"da", "en"}) {
      CAPTURE(lang);
      CAPTURE(size.x);
      show_demo(d, "trainee", lang);
      const ft::Trainee* t = d.centre->state().trainee(d.ui->session.subject_id);
      REQUIRE(t != nullptr);
      const auto p = progress_of(d, *t);
      REQUIRE(p.status == ft::Guarantee::AtRisk);  // the demo picks the at-risk trainee in the centre
      REQUIRE(d.ui->trends.count("trend." + t->id));
      const auto& drawn = d.ui->trends.at("trend." + t->id);
      CHECK(drawn.required == p.skills_required);
      CHECK(drawn.at_target == p.skills_at_target);
      CHECK(drawn.expected == int(std::lround(p.expected_share * p.skills_required)));
      CHECK(drawn.behind == has_reason(p, "skills_behind"));
      CHECK(drawn.steps >= 3);  // months of fortnightly assessments make a staircase, not a flat line
      const std::string req = "/" + std::to_string(p.skills_required);
      for (const std::string& label :
           {std::string("0"), std::to_string(p.skills_required / 2) + req, std::to_string(p.skills_required) + req,
            d.ui->t("chart.month", {{"months", "0"}}),
            d.ui->t("chart.actual", {{"count", std::to_string(p.skills_at_target) + req}}),
            d.ui->t("chart.expected", {{"count", std::to_string(drawn.expected) + req}})}) {
        CAPTURE(label);
        CHECK(has_label(drawn, label));
      }
      CHECK(d.ui->missing_keys().empty());
      CHECK(d.ui->overflows.empty());
      for (const auto& o : d.ui->overflows) MESSAGE("text does not fit: " << o);
    }
  }
}

TEST_CASE("the dashboard draws a sparkline for every trainee who started, with the at-risk one behind") {
  for (ImVec2 size : {ImVec2(1920, 1080), ImVec2(1280, 800)}) {
    UiDriver d(size, ft::test::demo_db(), ft::test::real_now_ms());
    show_demo(d, "dashboard", "da");
    int rows = 0, behind = 0;
    for (const ft::Trainee* t : ft::ui::all_trainees(d.centre->state())) {
      CAPTURE(t->id);
      const auto p = progress_of(d, *t);
      const auto it = d.ui->trends.find("spark." + t->id);
      if (!p.started) {
        CHECK(it == d.ui->trends.end());  // a referral has no course to draw yet
        continue;
      }
      REQUIRE(it != d.ui->trends.end());
      ++rows;
      CHECK(it->second.at_target == p.skills_at_target);
      CHECK(it->second.required == p.skills_required);
      CHECK(it->second.labels.empty());  // a sparkline is a picture only: the count beside it says the number
      behind += it->second.behind;
      const ft::Stage st = t->stage();
      if (st == ft::Stage::Centre || st == ft::Stage::Internship)  // the stages whose guarantee still counts skills
        CHECK(it->second.behind == has_reason(p, "skills_behind"));
    }
    CHECK(rows >= 20);  // the demo: 15 in the centre, 5 in internship, employed and exited
    CHECK(behind >= 1);
    CHECK(d.ui->overflows.empty());
  }
}

TEST_CASE("a new assessment moves the trend on the review, and a lower one takes it back") {
  UiDriver d;
  const auto id = d.enrol("Åse Ærø-Ødegaard");
  const auto instructor = d.add_staff("Jens Kristensen", ft::Role::Instructor);
  const ft::Actor by{instructor, ft::Role::Instructor};
  const auto& skills = d.centre->catalogue().skills;
  auto draw = [&] {
    review(d, id, "da");
    REQUIRE(d.ui->trends.count("trend." + id));
    return d.ui->trends.at("trend." + id);
  };
  auto first = draw();
  CHECK(first.at_target == 0);
  CHECK(first.steps == 1);
  CHECK(first.expected == 0);  // the first day: nothing is expected yet

  d.advance(14LL * 86400000);
  for (int i = 0; i < 5; ++i) REQUIRE(d.centre->execute(ft::Assess{{id}, skills[size_t(i)].key, 3, ""}, by).ok());
  auto later = draw();
  CHECK(later.at_target == 5);
  CHECK(later.steps == 2);
  CHECK(later.expected ==
        int(std::lround(ft::expected_skills_share(ft::months_between(0, 14), d.centre->rules()) * later.required)));

  d.advance(7LL * 86400000);
  REQUIRE(d.centre->execute(ft::Assess{{id}, skills[0].key, 2, ""}, by).ok());
  auto lower = draw();
  CHECK(lower.at_target == 4);
  CHECK(lower.steps == 3);
  CHECK(d.ui->overflows.empty());
}

TEST_CASE("the review's calendar flags a no-show the jobcentre handled, and its key says so in the staff's language") {
  for (ImVec2 size : {ImVec2(1920, 1080), ImVec2(1024, 600)}) {
    CAPTURE(size.x);
    UiDriver d(size);
    const auto handled = d.enrol("Åse Ærø-Ødegaard");
    const auto other = d.enrol("Mykola Kovalenko");
    d.advance(7LL * 86400000);  // Wednesday a week on: Monday and Tuesday were no-shows for both
    const ft::Day monday = d.centre->today() - 2, tuesday = monday + 1;
    REQUIRE(ft::weekday(monday) == 0);
    jobcentre_marks_handled(d, handled, monday);
    const std::string flag = "calendar.handled.", key = "calendar.key.handled";
    for (const std::string lang : {"da", "en", "pl", "uk"}) {
      CAPTURE(lang);
      review(d, handled, lang);
      CHECK(d.visible(flag + ft::format_day(monday)));
      CHECK_FALSE(d.visible(flag + ft::format_day(tuesday)));  // a no-show nobody handled stays unflagged
      CHECK(d.visible(key));
      CHECK(d.ui->missing_keys().empty());
      CHECK(d.ui->overflows.empty());
      for (const auto& o : d.ui->overflows) MESSAGE("text does not fit: " << o);

      review(d, other, lang);  // the same days, no mark: neither flag nor key
      CHECK_FALSE(d.visible(flag + ft::format_day(monday)));
      CHECK_FALSE(d.visible(key));
    }
    CHECK(d.ui->t("review.calendar_handled") != "review.calendar_handled");
  }
}
