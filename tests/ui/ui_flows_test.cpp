// The kiosk's flows as people use them, through the headless driver: taps on
// touch targets found by id, results checked in the SQLite file, taps counted.
#include <doctest/doctest.h>

#include <cfloat>

#include "tests/ui/driver.hpp"

using ft::test::UiDriver;
using ft::ui::ScreenId;

namespace {

const ft::AttendanceDay* today_of(const ft::Centre& c, const std::string& id) {
  const ft::Trainee* t = c.state().trainee(id);
  if (!t) return nullptr;
  auto it = t->days.find(c.today());
  return it == t->days.end() ? nullptr : &it->second;
}

void tap_pin(UiDriver& d, const std::string& prefix, const std::string& digits) {
  for (char c : digits) REQUIRE(d.tap(prefix + ".key." + c));
}

}  // namespace

TEST_CASE("a trainee checks in with the right PIN in six taps and is refused with a wrong one") {
  UiDriver d;
  const std::string aase = d.enrol("Åse Ærø-Ødegaard", "4321");
  d.frame();
  REQUIRE(d.visible("board.tile." + aase));

  SUBCASE("wrong PIN: said plainly, nothing recorded") {
    REQUIRE(d.tap("board.tile." + aase));
    CHECK(d.ui->session.screen == ScreenId::Pin);
    tap_pin(d, "pin", "1111");
    REQUIRE(d.tap("pin.ok"));
    CHECK(d.taps == 6);
    CHECK(d.ui->pin_message().find("PIN") != std::string::npos);
    CHECK_FALSE(d.ui->session.confirmation.has_value());
    auto disk = ft::test::reopen(d);
    CHECK(today_of(*disk, aase) == nullptr);
    CHECK(disk->attempts(aase).failures == 1);  // counts toward the lockout
  }

  SUBCASE("right PIN: checked in, on disk, confirmation with the time") {
    REQUIRE(d.tap("board.tile." + aase));
    tap_pin(d, "pin", "4321");
    REQUIRE(d.tap("pin.ok"));
    CHECK(d.taps == 6);
    REQUIRE(d.ui->session.confirmation.has_value());
    CHECK(d.ui->session.confirmation->checked_in);
    CHECK(d.ui->session.confirmation->minutes == 8 * 60);
    auto disk = ft::test::reopen(d);
    const ft::AttendanceDay* day = today_of(*disk, aase);
    REQUIRE(day != nullptr);
    CHECK(day->check_in == 8 * 60);

    // The confirmation closes by itself and the board shows the trainee in.
    d.advance(7000);
    d.frames(2);
    CHECK(d.ui->session.screen == ScreenId::Board);
    CHECK(d.ui->session.subject_id.empty());

    // The same trainee later checks out with the same six taps.
    d.advance(7 * 3600 * 1000);
    d.taps = 0;
    REQUIRE(d.tap("board.tile." + aase));
    tap_pin(d, "pin", "4321");
    REQUIRE(d.tap("pin.ok"));
    CHECK(d.taps == 6);
    REQUIRE(d.ui->session.confirmation.has_value());
    CHECK_FALSE(d.ui->session.confirmation->checked_in);
    CHECK(today_of(*ft::test::reopen(d), aase)->check_out == 15 * 60);
  }
}

TEST_CASE("a badge scanned on the board checks the trainee in") {
  UiDriver d;
  const std::string bo = d.enrol("Bo Kristensen", "1234", "00451234");
  d.type("00451234");
  d.press_enter();
  REQUIRE(d.ui->session.confirmation.has_value());
  CHECK(d.ui->session.subject_verified);  // a badge identifies: "my page" is offered
  CHECK(d.visible("pin.my_page"));
  CHECK(today_of(*ft::test::reopen(d), bo) != nullptr);

  d.ui->go_home();
  d.frame();
  d.type("99999999");
  d.press_enter();
  CHECK(d.ui->session.screen == ScreenId::Board);
  CHECK_FALSE(d.ui->session.banner.empty());  // an unknown card is said, not ignored
}

TEST_CASE("an instructor logs one skill for two trainees at once") {
  UiDriver d;
  const std::string a = d.enrol("Ahmad Karimi"), b = d.enrol("Birthe Møller"), c = d.enrol("Camilla Kjær");
  const std::string instructor = d.add_staff("Inge Instruktør", ft::Role::Instructor);
  d.login(instructor);
  CHECK(d.ui->session.screen == ScreenId::Assess);

  REQUIRE(d.tap("assess.trainee." + a));
  REQUIRE(d.tap("assess.trainee." + b));
  REQUIRE(d.tap("assess.next"));
  REQUIRE(d.tap("assess.skill.floor-mopping"));
  REQUIRE(d.tap("assess.level.3"));
  REQUIRE(d.tap("assess.save"));
  CHECK(d.taps == 6);
  CHECK_FALSE(d.ui->session.assess.saved.empty());

  auto disk = ft::test::reopen(d);
  for (const std::string& id : {a, b}) {
    auto latest = disk->state().trainee(id)->latest_assessments();
    REQUIRE(latest.count("floor-mopping"));
    CHECK(latest.at("floor-mopping")->level == 3);
    CHECK(latest.at("floor-mopping")->by == instructor);
  }
  CHECK(disk->state().trainee(c)->latest_assessments().empty());
}

TEST_CASE("one skill for one trainee takes five taps after login, note optional") {
  UiDriver d;
  const std::string a = d.enrol("Piotr Kowalski");
  d.login(d.add_staff("Inge Instruktør", ft::Role::Instructor));
  REQUIRE(d.tap("assess.trainee." + a));
  REQUIRE(d.tap("assess.next"));
  REQUIRE(d.tap("assess.skill.windows"));
  REQUIRE(d.tap("assess.level.4"));
  REQUIRE(d.tap("assess.save"));
  CHECK(d.taps == 5);
  CHECK(ft::test::reopen(d)->state().trainee(a)->latest_assessments().at("windows")->level == 4);

  // A behaviour skill further down: the list scrolls under the finger, and the drag taps nothing.
  REQUIRE(d.scroll_to("assess.skill.punctuality", "assess.skill."));
  CHECK(d.ui->session.assess.step == ft::ui::AssessDraft::Skill);
  REQUIRE(d.tap("assess.skill.punctuality"));
  REQUIRE(d.tap("assess.level.4"));
  REQUIRE(d.tap("assess.save"));
  CHECK(ft::test::reopen(d)->state().trainee(a)->latest_assessments().at("punctuality")->level == 4);

  // With a note typed on the on-screen keyboard: the group stays chosen for the next skill.
  CHECK(d.ui->session.assess.step == ft::ui::AssessDraft::Skill);
  REQUIRE(d.tap("assess.skill.teamwork"));
  REQUIRE(d.tap("assess.level.2"));
  REQUIRE(d.tap("assess.note"));
  for (const char* k : {"g", "o", "d"}) REQUIRE(d.tap(std::string("assess.kb.key.") + k));
  REQUIRE(d.tap("assess.save"));
  INFO(d.ui->session.assess.error << " step " << int(d.ui->session.assess.step) << " level "
                                  << d.ui->session.assess.level << " note " << d.ui->session.assess.note << " saved "
                                  << d.ui->session.assess.saved);
  const auto stored = ft::test::reopen(d);  // kept alive: `latest` points into its state
  REQUIRE(stored->state().trainee(a)->latest_assessments().count("teamwork"));
  const auto* latest = stored->state().trainee(a)->latest_assessments().at("teamwork");
  CHECK(latest->level == 2);
  CHECK(latest->note == "God");
}

TEST_CASE("a supervisor moves a trainee to internship at a host company in five taps") {
  UiDriver d;
  const std::string t = d.enrol("Line Dahl");
  const std::string supervisor = d.add_staff("Susanne Konsulent", ft::Role::Supervisor);
  d.login(supervisor);
  CHECK(d.ui->session.screen == ScreenId::Dashboard);

  REQUIRE(d.tap("dashboard.row." + t));
  REQUIRE(d.tap("review.change_stage"));
  REQUIRE(d.tap("review.stage.internship"));
  REQUIRE(d.tap("review.host.0"));  // the known hosts; Elite Miljø A/S is always there
  REQUIRE(d.tap("review.save"));
  CHECK(d.taps == 5);
  CHECK_FALSE(d.ui->session.review.message_is_error);

  auto disk = ft::test::reopen(d);
  CHECK(disk->state().trainee(t)->stage() == ft::Stage::Internship);
  CHECK(disk->state().trainee(t)->host() == "Elite Miljø A/S");
}

TEST_CASE("a supervisor makes an internship agreement by touch: host, weeks, hours and purpose") {
  UiDriver d;
  const std::string t = d.enrol("Line Dahl");
  const std::string supervisor = d.add_staff("Susanne Konsulent", ft::Role::Supervisor);
  REQUIRE_FALSE(d.centre->execute(ft::RegisterHost{"Elite Miljø A/S", "12345674", 120}, ft::local_admin()).refusal);
  d.login(supervisor);
  REQUIRE(d.tap("dashboard.row." + t));
  REQUIRE(d.tap("review.change_stage"));
  REQUIRE(d.tap("review.stage.internship"));
  CHECK_FALSE(d.visible("review.host.0"));  // a registered firm, not a typed name
  REQUIRE(d.tap("review.agreement.host.12345674"));
  CHECK_FALSE(d.tap("review.save"));  // no purpose yet
  for (int i = 0; i < 7; ++i) REQUIRE(d.tap("review.agreement.hours.plus"));
  CHECK_FALSE(d.tap("review.agreement.hours.plus"));  // 37 is the most
  REQUIRE(d.tap("review.agreement.weeks.minus"));      // 12 weeks
  REQUIRE(d.tap("review.agreement.purpose"));
  for (const char* k : {"k", "o", "n", "t", "o", "r"}) REQUIRE(d.tap(std::string("review.kb.key.") + k));
  REQUIRE(d.tap("review.purpose_done"));
  REQUIRE(d.tap("review.save"));
  CHECK_FALSE(d.ui->session.review.message_is_error);

  auto disk = ft::test::reopen(d);
  const ft::Trainee& saved = *disk->state().trainee(t);
  CHECK(saved.stage() == ft::Stage::Internship);
  REQUIRE(saved.agreements.size() == 1);
  CHECK(saved.agreements[0].cvr == "12345674");
  CHECK(saved.agreements[0].weeks == 12);
  CHECK(saved.agreements[0].hours == 37);
  CHECK(saved.agreements[0].purpose == "Kontor");
  CHECK(saved.agreements[0].start == disk->today());
}

TEST_CASE("a supervisor records an absence and a note from the review") {
  UiDriver d;
  const std::string t = d.enrol("Tobias Lund");
  d.login(d.add_staff("Susanne Konsulent", ft::Role::Supervisor));
  REQUIRE(d.tap("dashboard.row." + t));
  REQUIRE(d.tap("review.record_absence"));
  REQUIRE(d.tap("review.day.0"));  // today
  REQUIRE(d.tap("review.kind.legitimate"));
  REQUIRE(d.tap("review.cause.doctor"));
  REQUIRE(d.tap("review.save"));
  CHECK_FALSE(d.ui->session.review.message_is_error);
  {
    auto disk = ft::test::reopen(d);
    const auto& absences = disk->state().trainee(t)->absences;
    REQUIRE(absences.count(disk->today()));
    CHECK(absences.at(disk->today()).kind == ft::AbsenceKind::Legitimate);
    CHECK(absences.at(disk->today()).cause == "doctor");
  }
  REQUIRE(d.tap("review.add_note"));
  for (const char* k : {"o", "k"}) REQUIRE(d.tap(std::string("review.kb.key.") + k));
  REQUIRE(d.tap("review.save"));
  auto disk = ft::test::reopen(d);
  REQUIRE(disk->state().trainee(t)->notes.size() == 1);
  CHECK(disk->state().trainee(t)->notes.front().text == "Ok");
}

TEST_CASE("60 seconds untouched return to the board and end the staff session") {
  UiDriver d;
  d.enrol("Signe Bach");
  d.login(d.add_staff("Susanne Konsulent", ft::Role::Supervisor));
  d.advance(59000);
  d.frame();
  CHECK(d.ui->session.screen == ScreenId::Dashboard);
  d.advance(2000);
  d.frame();
  CHECK(d.ui->session.screen == ScreenId::Board);
  CHECK_FALSE(d.ui->session.staff.has_value());
  // Staff screens now ask for a login again.
  d.ui->show(ScreenId::Dashboard);
  CHECK(d.ui->session.screen == ScreenId::StaffLogin);
}

TEST_CASE("the kiosk closes only after a supervisor's PIN") {
  UiDriver d;
  const std::string instructor = d.add_staff("Inge Instruktør", ft::Role::Instructor);
  const std::string supervisor = d.add_staff("Susanne Konsulent", ft::Role::Supervisor);
  d.ui->request_close();
  d.frame();
  CHECK(d.ui->session.screen == ScreenId::StaffLogin);
  CHECK_FALSE(d.visible("login.staff." + instructor));  // only supervisors are offered
  REQUIRE(d.tap("login.staff." + supervisor));
  tap_pin(d, "login", "11111");
  REQUIRE(d.tap("login.ok"));
  CHECK_FALSE(d.ui->close_confirmed());
  tap_pin(d, "login", "24680");
  REQUIRE(d.tap("login.ok"));
  CHECK(d.ui->close_confirmed());
}

TEST_CASE("a drag across the board scrolls and does not check anyone in") {
  UiDriver d(ImVec2(1280, 800));
  std::vector<std::string> ids;
  for (int i = 0; i < 15; ++i) ids.push_back(d.enrol("Kursist Nummer" + std::to_string(i)));
  d.frame();
  const auto* r = d.ui->targets.find("board.tile." + ids[0]);
  REQUIRE(r != nullptr);
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = r->centre();
  d.frame();
  io.MouseDown[0] = true;
  d.frame();
  for (int i = 0; i < 10; ++i) {
    io.MousePos.y -= 20;
    d.frame();
  }
  io.MouseDown[0] = false;
  d.frame();
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  d.frame();
  CHECK(d.ui->session.screen == ScreenId::Board);
  for (const auto& id : ids) CHECK(d.centre->state().trainee(id)->days.empty());
}
