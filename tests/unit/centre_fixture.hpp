// A centre in memory for rule tests: state, rules, catalogue and a pinned
// clock, with decide() and evolve() wired as the store would wire them.
#pragma once
#include <string>
#include <vector>

#include "terminal/core/decide.hpp"
#include "terminal/core/evolve.hpp"
#include "terminal/core/ids.hpp"
#include "terminal/core/progress.hpp"
#include "tests/test_support.hpp"

namespace ft::test {

struct CentreFixture {
  State state;
  Rules rules;
  Day today = *parse_day("2026-03-02");  // a Monday
  int minutes = 7 * 60 + 30;  // on time
  std::vector<Event> log;
  int next_id = 1;
  std::string terminal = "terminal-a";
  Hlc hlc = 0;

  Context context() {
    Context c;
    c.today = today;
    c.minutes = minutes;
    c.rules = &rules;
    c.catalogue = &catalogue();
    c.new_id = [this] {
      std::array<std::uint8_t, 10> r{};
      r[9] = static_cast<std::uint8_t>(next_id);
      r[8] = static_cast<std::uint8_t>(next_id >> 8);
      ++next_id;
      return uuid_v7(1700000000000 + next_id, r);
    };
    // Fast stand-in: these tests are about rules, not hashing (store tests use the real one).
    c.hash_pin = [](const std::string& pin) { return "test-hash:" + pin; };
    return c;
  }

  Decision run(const Command& cmd, const Actor& actor) {
    Decision d = decide(state, cmd, actor, context());
    for (const auto& draft : d.events) {
      Event e;
      e.event_id = context().new_id();
      e.terminal_id = terminal;
      e.terminal_seq = static_cast<std::int64_t>(log.size()) + 1;
      e.actor_id = actor.id;
      hlc = hlc_tick(hlc, 1700000000000 + static_cast<std::int64_t>(today) * 86400000LL + minutes * 60000LL);
      e.hlc = hlc;
      e.wall_ms = hlc_wall_ms(hlc);
      e.type = draft.type;
      e.payload = draft.payload;
      evolve(state, e);
      log.push_back(e);
    }
    return d;
  }

  std::string enrol(const std::string& name, bool waitlist = false) {
    Enrol e;
    e.name = name;
    e.waitlist = waitlist;
    return run(e, local_admin()).new_id;
  }
  Actor staff(Role role, const std::string& name = "Staff") {
    AddStaff a;
    a.name = name;
    a.role = role;
    a.pin = "12345";
    return Actor{run(a, local_admin()).new_id, role};
  }
  Actor as_trainee(const std::string& id) { return Actor{id, Role::Trainee}; }
};

}  // namespace ft::test
