// Internships by the law (issue 20, DOMAIN.md "Internships by law"): host
// firms with their CVR check and ratio, the agreement's terms, the
// jobcentre's approved weeks, the dated rule sets, and the warnings a
// supervisor needs, with the fixture's pinned clock.
#include <doctest/doctest.h>

#include "terminal/core/approval_rules.hpp"
#include "terminal/core/hosts.hpp"
#include "terminal/core/internship.hpp"
#include "terminal/core/trainee_status.hpp"
#include "tests/unit/centre_fixture.hpp"

using namespace ft;
using ft::test::CentreFixture;

namespace {

constexpr const char* kEliteCvr = "12345674";  // valid by modulus 11 (a test number, not Elite Miljø's)
constexpr const char* kBakeryCvr = "29310009";

const Translations& english() {  // reason codes are what these tests compare; the sentences do not matter
  static const Translations tr = [] {
    Translations t;
    t.language = "en";
    return t;
  }();
  return tr;
}

struct Placement : CentreFixture {
  Actor boss = staff(Role::Supervisor, "Mette Konsulent");
  Placement() {
    CHECK_FALSE(run(RegisterHost{"Elite Miljø A/S", kEliteCvr, 120}, local_admin()).refusal);
    CHECK_FALSE(run(RegisterHost{"Bageriet Ikast", kBakeryCvr, 4}, local_admin()).refusal);
  }
  Decision agree(const std::string& id, const std::string& host, int weeks, int hours = 30,
                 const std::string& purpose = "Afprøve rengøring på kontor", Day start = 0) {
    return run(AgreeInternship{id, host, start ? start : today, weeks, hours, purpose}, boss);
  }
  // The jobcentre's approval as it arrives from the server; with another actor, the demo's stand-in.
  void approve(const std::string& id, int weeks, const std::string& actor = kJobcentreActor) {
    const bool jobcentre = actor == kJobcentreActor;
    approve_from(jobcentre ? kServerTerminalId : "t-demo", actor, id, weeks, !jobcentre);
  }
  // An approval as `terminal` wrote it under `actor`, marked stand_in or not.
  void approve_from(const std::string& terminal, const std::string& actor, const std::string& id, int weeks,
                    bool stand_in) {
    Event e;
    e.event_id = context().new_id();
    e.terminal_id = terminal;
    e.actor_id = actor;
    hlc = hlc_tick(hlc, 1700000000000 + static_cast<std::int64_t>(today) * 86400000LL + minutes * 60000LL);
    e.hlc = hlc;
    e.type = ev::kInternshipApproved;
    e.payload = {{"trainee_id", id}, {"weeks", weeks}, {"day", format_day(today)}};
    if (stand_in) e.payload["stand_in"] = true;
    evolve(state, e);
    log.push_back(e);
  }
  std::vector<std::string> reason_codes(const std::string& id) {
    std::vector<std::string> out;
    for (const auto& r : progress(*state.trainee(id), ft::test::catalogue(), rules, today).reasons) out.push_back(r.code);
    return out;
  }
  bool has_reason(const std::string& id, const std::string& code) {
    auto codes = reason_codes(id);
    return std::find(codes.begin(), codes.end(), code) != codes.end();
  }
};

}  // namespace

TEST_CASE("a CVR number is 8 digits whose weighted sum is divisible by 11") {
  CHECK(cvr_valid("12345674"));
  CHECK(cvr_valid("29310009"));
  CHECK(cvr_valid("10150817"));
  CHECK_FALSE(cvr_valid("12345678"));   // sum 124: off by one digit
  CHECK_FALSE(cvr_valid("1234567"));    // 7 digits
  CHECK_FALSE(cvr_valid("123456740"));  // 9 digits
  CHECK_FALSE(cvr_valid("1234567A"));
  CHECK(normalise_cvr("DK 12 34 56 74") == std::optional<std::string>("12345674"));
  CHECK(normalise_cvr("1234-5674") == std::optional<std::string>("12345674"));
  CHECK_FALSE(normalise_cvr("12 34 56"));
}

TEST_CASE("the ratio: 1 place under 5 staff, 1 per 5 up to 50, then 1 more per 10 beyond 50") {
  CHECK(host_places(0) == 1);
  CHECK(host_places(4) == 1);
  CHECK(host_places(5) == 1);
  CHECK(host_places(9) == 1);
  CHECK(host_places(10) == 2);
  CHECK(host_places(50) == 10);
  CHECK(host_places(51) == 10);  // not 5: the order adds to the first 50's places
  CHECK(host_places(59) == 10);  // a started ten over 50 is not a whole ten
  CHECK(host_places(60) == 11);
  CHECK(host_places(120) == 17);
}

TEST_CASE("a host with a bad CVR number or a negative staff count is refused and nothing is written") {
  CentreFixture c;
  const auto before = c.log.size();
  CHECK(c.run(RegisterHost{"Firma", "12345678", 10}, local_admin()).refusal->code == "cvr_invalid");
  CHECK(c.run(RegisterHost{"Firma", "12345674", -1}, local_admin()).refusal->code == "staff_invalid");
  CHECK(c.run(RegisterHost{"  ", "12345674", 3}, local_admin()).refusal->code == "text_empty");
  CHECK(c.log.size() == before);
}

TEST_CASE("registering a host again by its CVR number updates it; the latest registration wins") {
  CentreFixture c;
  c.run(RegisterHost{"Bageriet", kBakeryCvr, 4}, local_admin());
  c.run(RegisterHost{"Bageriet Ikast ApS", "DK " + std::string(kBakeryCvr), 7}, local_admin());
  REQUIRE(c.state.hosts.size() == 1);
  CHECK(c.state.hosts.at(kBakeryCvr).name == "Bageriet Ikast ApS");
  CHECK(c.state.hosts.at(kBakeryCvr).staff == 7);
  // Folded in the other order, the same host.
  State reversed;
  for (auto it = c.log.rbegin(); it != c.log.rend(); ++it) evolve(reversed, *it);
  CHECK(reversed.hosts.at(kBakeryCvr).name == "Bageriet Ikast ApS");
}

TEST_CASE("an agreement is refused over 37 hours, without purpose, beyond the approval, or with an unknown host") {
  Placement c;
  const auto id = c.enrol("Åse Ærø");
  c.approve(id, 13);
  const auto before = c.log.size();
  auto refused = [&](Decision d) { return d.refusal ? d.refusal->code : std::string("accepted"); };
  CHECK(refused(c.agree(id, kEliteCvr, 13, 38)) == "hours_over_limit");
  CHECK(refused(c.agree(id, kEliteCvr, 13, 0)) == "hours_invalid");
  CHECK(refused(c.agree(id, kEliteCvr, 13, 30, "   ")) == "purpose_required");
  CHECK(refused(c.agree(id, kEliteCvr, 14)) == "weeks_over_approval");
  CHECK(refused(c.agree(id, kEliteCvr, 0)) == "weeks_invalid");
  CHECK(refused(c.agree(id, "Ukendt Firma", 4)) == "unknown_host");
  CHECK(c.log.size() == before);
  CHECK(c.state.trainee(id)->stage() == Stage::Centre);
  // An instructor may not place anyone.
  const auto instructor = c.staff(Role::Instructor);
  CHECK(c.run(AgreeInternship{id, kEliteCvr, c.today, 4, 30, "x"}, instructor).refusal->code == "not_allowed");
}

TEST_CASE("an agreement at exactly 37 hours and the approved weeks moves the trainee into internship") {
  Placement c;
  const auto id = c.enrol("Bo Bæk");
  c.approve(id, 13);
  auto d = c.agree(id, "Elite Miljø A/S", 13, 37);  // by name
  REQUIRE_FALSE(d.refusal);
  const Trainee& t = *c.state.trainee(id);
  CHECK(t.stage() == Stage::Internship);
  CHECK(t.host() == "Elite Miljø A/S");
  auto v = current_internship(t, c.today);
  REQUIRE(v);
  CHECK(v->agreement->cvr == kEliteCvr);
  CHECK(v->approved_weeks == 13);
  CHECK(v->ends == c.today + 13 * 7 - 1);
  CHECK(v->days_left == 13 * 7 - 1);
  const Json j = trainee_status_json(t, ft::test::catalogue(), c.rules, c.today, english());
  CHECK(j.at("internship") == Json{{"host", "Elite Miljø A/S"}, {"cvr", kEliteCvr}, {"start", format_day(c.today)},
                                   {"weeks", 13}, {"approved_weeks", 13}, {"ends", format_day(c.today + 90)},
                                   {"hours_per_week", 37}, {"days_left", 90}});
}

TEST_CASE("without an approval the agreement is accepted and awaits the jobcentre; the approval then counts") {
  Placement c;
  const auto id = c.enrol("Carl Cold");
  REQUIRE_FALSE(c.agree(id, kEliteCvr, 8).refusal);
  CHECK(c.has_reason(id, "internship_awaiting_approval"));
  auto v = current_internship(*c.state.trainee(id), c.today);
  REQUIRE(v);
  CHECK_FALSE(v->approved_weeks);
  CHECK(v->ends == c.today + 8 * 7 - 1);  // the agreement's own end meanwhile
  c.approve(id, 8);
  CHECK_FALSE(c.has_reason(id, "internship_awaiting_approval"));
  // A shorter approval bounds the placement.
  c.approve(id, 4);
  CHECK(current_internship(*c.state.trainee(id), c.today)->ends == c.today + 27);
  CHECK(c.state.trainee(id)->stage() == Stage::Internship);
}

TEST_CASE("from 14 days before the approved end a decision is asked for; past the end the trainee is at risk") {
  Placement c;
  const auto id = c.enrol("Dorte Dam");
  c.approve(id, 4);
  const Day start = c.today;
  REQUIRE_FALSE(c.agree(id, kEliteCvr, 4).refusal);
  const Day ends = start + 27;
  c.today = ends - 15;
  CHECK_FALSE(c.has_reason(id, "internship_decision"));
  c.today = ends - 14;
  CHECK(c.has_reason(id, "internship_decision"));
  CHECK(progress(*c.state.trainee(id), ft::test::catalogue(), c.rules, c.today).light == Light::Amber);
  c.today = ends;
  CHECK(c.has_reason(id, "internship_decision"));
  CHECK_FALSE(c.has_reason(id, "internship_overrun"));
  c.today = ends + 1;
  CHECK(c.has_reason(id, "internship_overrun"));
  CHECK_FALSE(c.has_reason(id, "internship_decision"));
  const auto p = progress(*c.state.trainee(id), ft::test::catalogue(), c.rules, c.today);
  CHECK(p.status == Guarantee::AtRisk);
  const auto overrun = std::find_if(p.reasons.begin(), p.reasons.end(),
                                    [](const Reason& r) { return r.code == "internship_overrun"; });
  REQUIRE(overrun != p.reasons.end());
  CHECK(overrun->params.at("days") == "1");
  CHECK(overrun->params.at("date") == format_day(ends));
}

TEST_CASE("extending: a new approval and a new version of the agreement with the same host") {
  Placement c;
  const auto id = c.enrol("Erik Eg");
  c.approve(id, 13);
  REQUIRE_FALSE(c.agree(id, kEliteCvr, 13).refusal);
  const auto stages = c.state.trainee(id)->stages.size();
  CHECK(c.agree(id, kEliteCvr, 26).refusal->code == "weeks_over_approval");
  c.approve(id, 26);
  auto d = c.agree(id, kEliteCvr, 26);
  REQUIRE_FALSE(d.refusal);
  CHECK(d.events.size() == 1);  // no second stage change
  CHECK(c.state.trainee(id)->stages.size() == stages);
  CHECK(current_internship(*c.state.trainee(id), c.today)->ends == c.today + 26 * 7 - 1);
}

TEST_CASE("ending early: back to the centre closes the agreement and its approval") {
  Placement c;
  const auto id = c.enrol("Frida Fjord");
  c.approve(id, 13);
  REQUIRE_FALSE(c.agree(id, kEliteCvr, 13).refusal);
  c.today += 10;
  REQUIRE_FALSE(c.run(ChangeStage{id, Stage::Centre, "", ""}, c.boss).refusal);
  const Trainee& t = *c.state.trainee(id);
  CHECK_FALSE(current_internship(t, c.today));
  CHECK_FALSE(current_approval(t));
  CHECK(trainee_status_json(t, ft::test::catalogue(), c.rules, c.today, english()).at("internship").is_null());
  CHECK(t.agreements.size() == 1);  // kept for the report
  // A new placement needs a new approval.
  REQUIRE_FALSE(c.agree(id, kBakeryCvr, 4).refusal);
  CHECK(c.has_reason(id, "internship_awaiting_approval"));
}

TEST_CASE("a placement over the host's ratio is flagged with a reason, not refused") {
  Placement c;
  const auto first = c.enrol("Gitte Gran"), second = c.enrol("Hans Hede");
  REQUIRE_FALSE(c.agree(first, kBakeryCvr, 4).refusal);  // 4 staff: 1 place
  CHECK_FALSE(c.has_reason(first, "internship_over_ratio"));
  auto d = c.agree(second, kBakeryCvr, 4);
  REQUIRE_FALSE(d.refusal);
  REQUIRE(d.notice);
  CHECK(d.notice->code == "host_over_ratio");
  CHECK(d.notice->params.at("places") == "1");
  CHECK(c.has_reason(second, "internship_over_ratio"));
  CHECK(placed_with(c.state, kBakeryCvr) == 2);
  CHECK(progress(*c.state.trainee(second), ft::test::catalogue(), c.rules, c.today).status == Guarantee::OnTrack);
}

TEST_CASE("agreements and approvals fold to the same state in any order") {
  Placement c;
  const auto id = c.enrol("Ib Ild");
  REQUIRE_FALSE(c.agree(id, kEliteCvr, 13).refusal);
  c.approve(id, 13);
  c.approve(id, 26);
  REQUIRE_FALSE(c.agree(id, kEliteCvr, 26).refusal);
  State reversed;
  for (auto it = c.log.rbegin(); it != c.log.rend(); ++it) evolve(reversed, *it);
  const Json a = trainee_status_json(*c.state.trainee(id), ft::test::catalogue(), c.rules, c.today, english());
  const Json b = trainee_status_json(*reversed.trainee(id), ft::test::catalogue(), c.rules, c.today, english());
  CHECK(a == b);
  CHECK(a.at("internship").at("approved_weeks") == 26);
}

TEST_CASE("a stand-in approval (the demo's) counts until the jobcentre is heard from, in either order") {
  Placement c;
  const auto id = c.enrol("Dina Demo");
  REQUIRE_FALSE(c.agree(id, kEliteCvr, 13).refusal);
  c.approve(id, 13, "demo-jobcentre");
  auto approved = [&](const State& s) { return current_internship(*s.trainee(id), c.today)->approved_weeks; };
  CHECK(approved(c.state) == 13);  // no jobcentre connected: the demo's stand-in counts
  // The first event from the jobcentre (a referral from the server): stand-ins stop counting, and stay stopped.
  Event referral;
  referral.event_id = c.context().new_id();
  referral.terminal_id = "server";
  referral.actor_id = kJobcentreActor;
  c.hlc = hlc_tick(c.hlc, 1700000000000 + static_cast<std::int64_t>(c.today) * 86400000LL);
  referral.hlc = c.hlc;
  referral.type = ev::kTraineeEnrolled;
  referral.payload = {{"trainee_id", "r-1"}, {"name", "Rikke Henvist"}, {"language", "da"}, {"stage", "referred"},
                      {"day", format_day(c.today)}};
  evolve(c.state, referral);
  c.log.push_back(referral);
  CHECK(c.state.jobcentre_connected);
  CHECK_FALSE(approved(c.state));
  c.approve(id, 8, "demo-jobcentre");
  CHECK_FALSE(approved(c.state));
  CHECK(c.has_reason(id, "internship_awaiting_approval"));
  // The jobcentre's own approval counts; any order of the same events gives the same.
  c.approve(id, 13);
  CHECK(approved(c.state) == 13);
  State reversed;
  for (auto it = c.log.rbegin(); it != c.log.rend(); ++it) evolve(reversed, *it);
  CHECK(reversed.trainee(id)->approvals.size() == 1);
  CHECK(approved(reversed) == 13);
}

TEST_CASE("an approval in the jobcentre's name written on a terminal never counts, in either order") {
  // The actor is what the writer says; the terminal id is where it came from.
  // A forgery (actor "jobcentre", terminal id not the server's) counts nowhere,
  // also not on the terminal that wrote it, marked stand_in or not; and it does
  // not count as hearing from the jobcentre either.
  Placement c;
  const auto id = c.enrol("Frede Falsk");
  REQUIRE_FALSE(c.agree(id, kEliteCvr, 13).refusal);
  auto approved = [&](const State& s) { return current_internship(*s.trainee(id), c.today)->approved_weeks; };
  c.approve_from("t-1", kJobcentreActor, id, 52, false);
  c.approve_from("t-1", kJobcentreActor, id, 26, true);
  c.approve_from("t-1", "some-staff-id", id, 13, false);  // not a stand-in: no mark
  CHECK_FALSE(approved(c.state));
  CHECK(c.state.trainee(id)->approvals.empty());
  CHECK_FALSE(c.state.jobcentre_connected);
  CHECK(c.has_reason(id, "internship_awaiting_approval"));
  State reversed;
  for (auto it = c.log.rbegin(); it != c.log.rend(); ++it) evolve(reversed, *it);
  CHECK(reversed.trainee(id)->approvals.empty());
  CHECK_FALSE(reversed.jobcentre_connected);
  // The same approval from the server counts, whatever order it arrives in.
  c.approve_from(kServerTerminalId, kJobcentreActor, id, 13, false);
  CHECK(approved(c.state) == 13);
  State again;
  for (auto it = c.log.rbegin(); it != c.log.rend(); ++it) evolve(again, *it);
  CHECK(again.trainee(id)->approvals.size() == 1);
  CHECK(approved(again) == 13);
}

TEST_CASE("approvals are checked against the rule set in force on the placement's start, across 1 January 2027") {
  // A set from 2027 that, for this test, shortens the 13-week basis to 10 weeks.
  auto sets = default_approval_rules();
  for (auto& s : sets)
    if (s.from == day_from_civil(2027, 1, 1))
      for (auto& b : s.bases)
        if (b.key == "lab61-13w") b.max_weeks = 10;
  const Day before = day_from_civil(2026, 12, 31), after = day_from_civil(2027, 1, 1);
  CHECK(rule_set_in_force(sets, before)->from == day_from_civil(2024, 3, 1));
  CHECK(rule_set_in_force(sets, after)->from == after);
  CHECK_FALSE(check_approval(sets, before, "lab61-13w", 13, 0, ""));
  auto r = check_approval(sets, after, "lab61-13w", 13, 0, "");
  REQUIRE(r);
  CHECK(r->code == "approval_over_limit");
  CHECK(r->params.at("max") == "10");
  CHECK(r->params.at("date") == "2027-01-01");
  CHECK_FALSE(check_approval(sets, after, "lab61-13w", 10, 0, ""));
  CHECK(check_approval(sets, day_from_civil(2020, 1, 1), "lab61-4w", 4, 0, "")->code == "no_rule_set");
}

TEST_CASE("each basis has its maximum; a further 13 weeks needs 26 approved first and a reason") {
  const auto sets = default_approval_rules();
  const Day d = day_from_civil(2026, 6, 1);
  CHECK_FALSE(check_approval(sets, d, "lab61-4w", 4, 0, ""));
  CHECK(check_approval(sets, d, "lab61-4w", 5, 0, "")->code == "approval_over_limit");
  CHECK_FALSE(check_approval(sets, d, "lab61-8w", 8, 0, ""));
  CHECK(check_approval(sets, d, "lab61-8w", 9, 0, "")->code == "approval_over_limit");
  CHECK_FALSE(check_approval(sets, d, "lab61-13w", 13, 0, ""));
  CHECK_FALSE(check_approval(sets, d, "lab61-26w", 26, 13, ""));
  CHECK(check_approval(sets, d, "lab61-26w", 27, 13, "")->code == "approval_over_limit");
  CHECK(check_approval(sets, d, "lab61-further-13w", 39, 13, "særligt behov")->code == "extension_needs_approval");
  CHECK(check_approval(sets, d, "lab61-further-13w", 39, 26, "")->code == "reason_required");
  CHECK_FALSE(check_approval(sets, d, "lab61-further-13w", 39, 26, "særligt behov"));
  CHECK(check_approval(sets, d, "lab61-further-13w", 40, 26, "særligt behov")->params.at("max") == "39");
  CHECK_FALSE(check_approval(sets, d, "lab61-further-13w", 52, 39, "igen"));
  CHECK(check_approval(sets, d, "lab61-99w", 4, 0, "")->code == "unknown_basis");
}

TEST_CASE("a host's line counts those placed with it now against its places") {
  Placement c;
  const auto a = c.enrol("Jens Jul"), b = c.enrol("Kim Kær"), d = c.enrol("Lis Lund");
  REQUIRE_FALSE(c.agree(a, kBakeryCvr, 4).refusal);
  REQUIRE_FALSE(c.agree(b, kEliteCvr, 4).refusal);
  auto load = [&](const std::string& cvr) {
    for (const auto& l : host_loads(c.state))
      if (l.host->cvr == cvr) return l;
    FAIL("no host ", cvr);
    return HostLoad{};
  };
  CHECK(load(kBakeryCvr).places == 1);
  CHECK(load(kBakeryCvr).placed == 1);
  CHECK_FALSE(load(kBakeryCvr).over());
  REQUIRE_FALSE(c.agree(d, kBakeryCvr, 4).refusal);
  CHECK(load(kBakeryCvr).placed == 2);
  CHECK(load(kBakeryCvr).over());
  CHECK(load(kEliteCvr).places == 17);
  // Back to the centre: no longer placed there.
  REQUIRE_FALSE(c.run(ChangeStage{d, Stage::Centre, "", ""}, c.boss).refusal);
  CHECK_FALSE(load(kBakeryCvr).over());
}
