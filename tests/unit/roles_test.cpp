// Who may do what is checked in the core, for every command (DOMAIN.md "Who may do what").
#include <doctest/doctest.h>

#include "tests/unit/centre_fixture.hpp"

using namespace ft;

namespace {
std::vector<Command> one_of_each() {
  return {Enrol{}, AddStaff{}, CheckIn{}, CheckOut{}, Assess{}, ChangeStage{}, RecordAbsence{}, AddNote{},
          ConfirmInternship{}, ProposeCheckout{}, ConfirmCheckout{}, SetPin{}, SetLanguage{}, LiftLock{},
          NameCentre{}, EraseTrainee{}, TakeBadge{}, RegisterHost{}, AgreeInternship{}};
}
}  // namespace

TEST_CASE("the role table covers every command") {
  const std::map<std::string, std::set<Role>> expected = {
      {"enrol", {Role::Supervisor, Role::Admin}},
      {"add_staff", {Role::Admin}},
      {"check_in", {Role::Trainee, Role::Instructor, Role::Supervisor}},
      {"check_out", {Role::Trainee, Role::Instructor, Role::Supervisor}},
      {"assess", {Role::Instructor, Role::Supervisor}},
      {"change_stage", {Role::Supervisor}},
      {"record_absence", {Role::Supervisor}},
      {"add_note", {Role::Instructor, Role::Supervisor}},
      {"confirm_internship", {Role::Supervisor}},
      {"propose_checkout", {Role::Trainee, Role::Instructor, Role::Supervisor}},
      {"confirm_checkout", {Role::Instructor, Role::Supervisor}},
      {"set_pin", {Role::Trainee, Role::Instructor, Role::Supervisor, Role::Admin}},
      {"set_language", {Role::Trainee, Role::Instructor, Role::Supervisor, Role::Admin}},
      {"lift_lock", {Role::Instructor, Role::Supervisor, Role::Admin}},
      {"name_centre", {Role::Admin}},
      {"erase_trainee", {Role::Admin}},
      {"take_badge", {Role::Supervisor, Role::Admin}},
      {"register_host", {Role::Supervisor, Role::Admin}},
      {"agree_internship", {Role::Supervisor}},
  };
  const auto commands = one_of_each();
  CHECK(commands.size() == std::variant_size_v<Command>);
  for (const auto& cmd : commands) {
    const auto& allowed = expected.at(command_name(cmd));
    for (Role r : {Role::Trainee, Role::Instructor, Role::Supervisor, Role::Admin}) {
      INFO(command_name(cmd), " as ", role_name(r));
      CHECK(role_may(r, cmd) == (allowed.count(r) == 1));
    }
  }
}

TEST_CASE("a refused role gets not_allowed naming the role and the action, and nothing is written") {
  ft::test::CentreFixture c;
  const auto id = c.enrol("Some Trainee");
  const auto instructor = c.staff(Role::Instructor);
  const auto before = c.log.size();
  const Actor trainee{id, Role::Trainee};
  for (const auto& [cmd, actor] : std::vector<std::pair<Command, Actor>>{
           {Assess{{id}, "floor-mopping", 2, ""}, trainee},
           {ChangeStage{id, Stage::Internship, "Elite Miljø", ""}, instructor},
           {RecordAbsence{id, c.today, AbsenceKind::Sick, "sick"}, instructor},
           {Enrol{"New Person"}, instructor},
           {AddStaff{"New Staff", Role::Instructor, "12345"}, Actor{"s", Role::Supervisor}},
           {ConfirmCheckout{id, c.today - 1, 900}, trainee},
           {NameCentre{"Centre"}, Actor{"s", Role::Supervisor}}}) {
    auto d = c.run(cmd, actor);
    INFO(command_name(cmd));
    REQUIRE(d.refusal);
    CHECK(d.refusal->code == "not_allowed");
    CHECK(d.refusal->params["role"] == std::string("@role.") + role_name(actor.role));
    CHECK(d.refusal->params["action"] == std::string("@action.") + command_name(cmd));
  }
  CHECK(c.log.size() == before);
}

TEST_CASE("a trainee may change only their own PIN; a supervisor may reset a trainee's") {
  ft::test::CentreFixture c;
  const auto a = c.enrol("Anna A");
  const auto b = c.enrol("Bo B");
  CHECK(c.run(SetPin{a, "4321"}, Actor{a, Role::Trainee}).ok());
  CHECK(c.run(SetPin{b, "4321"}, Actor{a, Role::Trainee}).refusal->code == "not_allowed");
  const auto boss = c.staff(Role::Supervisor);
  const auto instructor = c.staff(Role::Instructor);
  CHECK(c.run(SetPin{b, "9876"}, boss).ok());
  CHECK(c.run(SetPin{b, "9876"}, instructor).refusal->code == "not_allowed");
  CHECK(c.run(SetPin{instructor.id, "99999"}, boss).refusal->code == "not_allowed");
  CHECK(c.run(SetPin{instructor.id, "99999"}, local_admin()).ok());
}
