// The demo centre (`seed-demo`, `demo`): a believable year of the Ikast
// centre written through the real commands, day by day up to today, so every
// rule holds in it. 15 trainees in the centre, others in internship, employed,
// exited or waiting; months of attendance and skill history; one trainee near
// the 18-month limit, one slipping on attendance; internship agreements with
// host firms, approved, awaiting, nearly ending and over a host's ratio.
// Deterministic for a given day. Demo PINs are listed in README.md.
//
// Sections: the cast · the clock · simulation · entry point.
#include <ctime>
#include <random>

#include "terminal/app/cli.hpp"
#include "terminal/core/progress.hpp"
#include "terminal/store/centre_database.hpp"

namespace ft {

namespace {

// ---- the cast -----------------------------------------------------------------------------

struct Plan {
  const char* name;
  const char* display_name;  // Latin form for names the kiosk cannot shape
  const char* language;
  int centre_days_ago;       // -1: waiting list only
  int internship_days_ago;   // -1: none
  const char* host;
  int employed_days_ago;     // -1: none
  int exited_days_ago;       // -1: none
  const char* exit_reason;
  double attendance;         // chance of coming on an expected day
  double pace;               // how fast skills reach target (1 = on the planned curve)
  bool confirmed;            // internship confirmed by the host
  bool slump;                // attendance falls in the last four weeks
  bool forgetful;            // often forgets to check out
};

const Plan kCast[] = {
    // In the centre now (15).
    {"Åse Ærø-Ødegaard", "", "da", 200, -1, "", -1, -1, "", 0.93, 1.1, false, false, false},
    {"Mads Sørensen", "", "da", 185, -1, "", -1, -1, "", 0.9, 0.9, false, false, true},
    {"فاطمة السيد", "Fatima Al-Sayed", "en", 170, -1, "", -1, -1, "", 0.92, 1.0, false, false, false},
    {"Piotr Kowalski", "", "pl", 160, -1, "", -1, -1, "", 0.95, 1.2, false, false, false},
    {"Олена Шевченко", "", "uk", 150, -1, "", -1, -1, "", 0.9, 1.0, false, false, false},
    {"Jørgen Højgaard", "", "da", 140, -1, "", -1, -1, "", 0.9, 0.35, false, false, false},
    {"Line Damgaard", "", "da", 120, -1, "", -1, -1, "", 0.93, 1.0, false, true, false},
    {"Ahmad Karimi", "", "da", 110, -1, "", -1, -1, "", 0.94, 1.1, false, false, false},
    {"Birthe Møller", "", "da", 95, -1, "", -1, -1, "", 0.9, 0.9, false, false, false},
    {"Kasper Nørgaard", "", "da", 80, -1, "", -1, -1, "", 0.88, 1.0, false, false, false},
    {"Signe Bøgh", "", "da", 65, -1, "", -1, -1, "", 0.95, 1.3, false, false, false},
    {"Tobias Lund", "", "da", 50, -1, "", -1, -1, "", 0.9, 1.0, false, false, false},
    {"Camilla Kjær", "", "da", 40, -1, "", -1, -1, "", 0.93, 1.0, false, false, false},
    {"Yusuf Demir", "", "da", 30, -1, "", -1, -1, "", 0.92, 1.0, false, false, false},
    {"Hanne Østergaard", "", "da", 20, -1, "", -1, -1, "", 0.95, 1.0, false, false, false},
    // In internship.
    {"Lars Bækgaard", "", "da", 525, 300, "Brande Erhvervsrengøring ApS", -1, -1, "", 0.88, 0.6, false, false, false},
    {"Dorthe Friis", "", "da", 330, 150, "Elite Miljø A/S", -1, -1, "", 0.96, 1.4, true, false, false},
    {"Marek Nowak", "", "pl", 290, 100, "Elite Miljø A/S", -1, -1, "", 0.93, 1.0, false, false, false},
    {"Søs Andersen", "", "da", 260, 80, "Ikast Rengøringsservice ApS", -1, -1, "", 0.9, 0.9, false, false, false},
    {"Rasmus Holm", "", "da", 240, 60, "Ikast Rengøringsservice ApS", -1, -1, "", 0.92, 1.0, false, false, false},
    // Employed.
    {"Kirsten Lauridsen", "", "da", 480, 300, "Elite Miljø A/S", 120, -1, "", 0.95, 1.3, true, false, false},
    {"Ali Hassan", "", "da", 420, 250, "Ikast Rengøringsservice ApS", 60, -1, "", 0.94, 1.2, true, false, false},
    // Left the programme.
    {"Niels Thomsen", "", "da", 200, -1, "", -1, 90, "other_job", 0.85, 1.0, false, false, false},
    {"Jannie Pedersen", "", "da", 150, -1, "", -1, 100, "moved", 0.8, 0.8, false, false, false},
    // Waiting for a place.
    {"Henrik Vestergaard", "", "da", -1, -1, "", -1, -1, "", 0, 0, false, false, false},
    {"Amina Yusuf", "", "en", -1, -1, "", -1, -1, "", 0, 0, false, false, false},
};
constexpr int kWaitingDaysAgo[] = {12, 5};

// The host firms (made-up CVR numbers that pass the modulus-11 check) and the
// internship agreements of those now in internship, so the demo shows each
// thing a supervisor must see (issue 20): approved placements, one awaiting
// the jobcentre, one ending within 14 days, and a small firm over its ratio.
struct HostPlan { const char* name; const char* cvr; int staff; };
const HostPlan kHosts[] = {
    {"Elite Miljø A/S", "31841003", 120},
    {"Brande Erhvervsrengøring ApS", "30711009", 8},
    {"Ikast Rengøringsservice ApS", "29561001", 4},  // 1 place: the second placement is over
    {"Herning Facility Service", "34221006", 30},
};
struct PlacementPlan {
  const char* name;  // of the kCast entry
  int weeks;
  int approved_weeks;  // 0: awaiting the jobcentre
  int hours;
  const char* purpose;
};
const PlacementPlan kPlacements[] = {
    {"Lars Bækgaard", 52, 52, 30, "Erhvervsrengøring af kontorer og trapper, med henblik på ansættelse"},
    {"Dorthe Friis", 26, 26, 37, "Rengøring på skoler og institutioner, fast hold"},
    {"Marek Nowak", 15, 15, 30, "Afprøve maskinel gulvrengøring i større bygninger"},  // ends in 4 days
    {"Søs Andersen", 26, 0, 25, "Afklare arbejdstempo og antal timer i privat rengøring"},  // awaiting approval
    {"Rasmus Holm", 13, 13, 30, "Kontorrengøring om morgenen; afprøve faste mødetider"},  // over the ratio
};
const PlacementPlan* placement_of(const char* name) {
  for (const auto& p : kPlacements)
    if (std::string_view(p.name) == name) return &p;
  return nullptr;
}

struct StaffPlan { const char* name; Role role; const char* pin; const char* badge; };
const StaffPlan kStaff[] = {
    {"Jens Kristensen", Role::Instructor, "11111", "9001"},
    {"Aynur Yılmaz", Role::Instructor, "22222", "9002"},
    {"Mette Holm", Role::Supervisor, "33333", "9003"},
    {"Søren Bæk", Role::Supervisor, "44444", "9004"},
};

// ---- the clock ----------------------------------------------------------------------------

std::int64_t local_ms(Day day, int minutes) {
  int y, m, d;
  civil_from_day(day, y, m, d);
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = m - 1;
  tm.tm_mday = d;
  tm.tm_hour = minutes / 60;
  tm.tm_min = minutes % 60;
  tm.tm_isdst = -1;
  return static_cast<std::int64_t>(std::mktime(&tm)) * 1000;
}

// ---- simulation ---------------------------------------------------------------------------

struct Seeder {
  Centre& centre;
  std::shared_ptr<std::int64_t> now;
  std::mt19937 rng{20261122};
  std::vector<std::string> ids;  // per kCast entry
  std::vector<Actor> instructors, supervisors;
  std::string error;

  double chance() { return std::uniform_real_distribution<double>(0, 1)(rng); }
  int between(int a, int b) { return std::uniform_int_distribution<int>(a, b)(rng); }

  bool run(const Command& cmd, const Actor& actor, Day day, int minutes, std::string* new_id = nullptr) {
    *now = local_ms(day, minutes);
    auto out = centre.execute(cmd, actor);
    if (out.refusal) {
      error = "demo seed refused " + std::string(command_name(cmd)) + " on " + format_day(day) + ": " + out.refusal->code;
      return false;
    }
    if (new_id) *new_id = out.new_id;
    return true;
  }

  // Level of skill number `index` for a trainee `months` into the course at `pace`.
  static int level_for(int index, double months, double pace) {
    const double units = months * pace * 5.5 - index;  // about five skills reach target a month
    if (units >= 8) return 4;
    if (units >= 0) return 3;
    if (units >= -4) return 2;
    return 1;
  }

  // The jobcentre's approval as a stand-in: the demo has no jobcentre, so it
  // writes the approval the municipal server would (jobcentre.cpp), but in
  // its own name ("demo-jobcentre"), never the jobcentre's. Such an approval
  // counts only while no jobcentre is connected (evolve.cpp): once a demo
  // terminal joins a server, the server refuses these (only it approves) and
  // the terminal, hearing from the real jobcentre, stops counting them, so
  // the terminal and the server show the same (docs/internships.md, "Demo").
  bool approve(const std::string& trainee, int weeks, Day day) {
    *now = local_ms(day, 8 * 60 + 45);
    Transaction tx(centre_database(centre));
    stamp_and_append(centre_database(centre), centre.terminal_id(), "demo-jobcentre",
                     {Draft{ev::kInternshipApproved,
                            {{"trainee_id", trainee}, {"weeks", weeks}, {"day", format_day(day)}, {"stand_in", true}}}},
                     *now, centre.state().max_hlc);
    tx.commit();
    centre.refresh();
    return true;
  }

  bool people(Day first) {
    if (!run(NameCentre{"Træningscenter Ikast"}, local_admin(), first, 7 * 60)) return false;
    for (const auto& h : kHosts)
      if (!run(RegisterHost{h.name, h.cvr, h.staff}, local_admin(), first, 7 * 60)) return false;
    for (const auto& s : kStaff) {
      std::string id;
      if (!run(AddStaff{s.name, s.role, s.pin, s.badge}, local_admin(), first, 7 * 60, &id)) return false;
      (s.role == Role::Instructor ? instructors : supervisors).push_back(Actor{id, s.role});
    }
    return true;
  }

  bool stage_events(size_t i, Day day, Day today) {
    const Plan& p = kCast[i];
    const Actor& boss = supervisors[i % supervisors.size()];
    auto days_ago = [&](int n) { return n >= 0 && day == today - n; };
    if (days_ago(p.internship_days_ago)) {
      const PlacementPlan* a = placement_of(p.name);
      if (!a && !run(ChangeStage{ids[i], Stage::Internship, p.host, ""}, boss, day, 9 * 60)) return false;
      if (a) {
        if (a->approved_weeks && !approve(ids[i], a->approved_weeks, day)) return false;
        if (!run(AgreeInternship{ids[i], p.host, day, a->weeks, a->hours, a->purpose}, boss, day, 9 * 60)) return false;
      }
    }
    if (p.confirmed && p.internship_days_ago >= 0) {
      const int confirm_at = p.employed_days_ago >= 0 ? p.employed_days_ago + 7 : std::max(3, p.internship_days_ago - 120);
      if (days_ago(confirm_at) && !run(ConfirmInternship{ids[i]}, boss, day, 9 * 60 + 30)) return false;
    }
    if (days_ago(p.employed_days_ago) && !run(ChangeStage{ids[i], Stage::Employed, p.host, ""}, boss, day, 10 * 60))
      return false;
    if (days_ago(p.exited_days_ago) && !run(ChangeStage{ids[i], Stage::Exited, "", p.exit_reason}, boss, day, 10 * 60))
      return false;
    return true;
  }

  bool enrolments(Day day, Day today) {
    for (size_t i = 0; i < std::size(kCast); ++i) {
      const Plan& p = kCast[i];
      const bool waiting = p.centre_days_ago < 0;
      const int ago = waiting ? kWaitingDaysAgo[i - (std::size(kCast) - 2)] : p.centre_days_ago;
      if (day != today - ago) continue;
      Enrol e;
      e.name = p.name;
      e.display_name = p.display_name;
      e.language = p.language;
      e.pin = "1234";
      e.badge = std::to_string(1001 + i);
      e.waitlist = waiting;
      if (!run(e, supervisors[0], day, 8 * 60, &ids[i])) return false;
    }
    return true;
  }

  bool attendance(size_t i, Day day, Day today, int now_minutes) {
    const Plan& p = kCast[i];
    const Trainee* t = centre.state().trainee(ids[i]);
    if (!t || t->stage() != Stage::Centre || !is_expected_day(day, centre.rules())) return true;
    const Actor self{ids[i], Role::Trainee};
    const bool slumping = p.slump && day > today - 28;
    const double comes = slumping ? 0.55 : p.attendance;
    // Whatever the date, the demo has a morning question to show: on the
    // last expected day before today the forgetful trainee comes and forgets
    // to check out. The dice are still thrown, so the rest stays as it was.
    const bool morning_question = p.forgetful && day == last_expected_day_before(today, centre.rules());
    const int in = chance() < 0.12 ? between(7 * 60 + 46, 8 * 60 + 30) : between(7 * 60 + 10, 7 * 60 + 44);
    const int out = between(14 * 60 + 45, 15 * 60 + 20);
    if (chance() >= comes && !morning_question) {
      if (day == today) return true;
      const double r = chance();  // most absences are recorded by a supervisor; some stay unrecorded
      if (r < 0.5) return run(RecordAbsence{ids[i], day, AbsenceKind::Sick, "sick"}, supervisors[0], day, 9 * 60);
      if (r < 0.75)
        return run(RecordAbsence{ids[i], day, AbsenceKind::Legitimate, chance() < 0.5 ? "doctor" : "jobcentre"},
                   supervisors[0], day, 9 * 60);
      if (r < 0.85) return run(RecordAbsence{ids[i], day, AbsenceKind::NotLegitimate, "other"}, supervisors[0], day, 9 * 60);
      return true;
    }
    if (day == today && in > now_minutes) return true;
    if (!run(CheckIn{ids[i]}, self, day, in)) return false;
    const bool forgets = (p.forgetful ? chance() < 0.25 : chance() < 0.02) || morning_question;
    if (forgets || (day == today && out > now_minutes)) return true;
    return run(CheckOut{ids[i]}, self, day, out);
  }

  bool skills(size_t i, Day day, Day today) {
    const Plan& p = kCast[i];
    const Trainee* t = centre.state().trainee(ids[i]);
    if (!t || (t->stage() != Stage::Centre && t->stage() != Stage::Internship) || weekday(day) != 2) return true;
    const auto start = t->centre_start();
    if (!start || (day - *start) < 7 || ((day - *start) / 7) % 2 != 0 || day == today) return true;
    const double months = months_between(*start, day);
    const auto& skills = centre.catalogue().skills;
    const int session = (day - *start) / 14;  // instructors take turns
    const Actor& who = instructors[(i + static_cast<size_t>(session)) % instructors.size()];
    const int introduced = std::min<int>(static_cast<int>(skills.size()), 6 + static_cast<int>(months * p.pace * 7));
    // The instructor looks at up to eight skills where the trainee has moved on since the last assessment.
    // Levels copied out first: each assessment below changes the state the pointers point into.
    std::map<std::string, int> latest;
    for (const auto& [key, a] : t->latest_assessments()) latest[key] = a->level;
    int assessed = 0;
    for (int index = 0; index < introduced && assessed < 8; ++index) {
      const auto& key = skills[static_cast<size_t>(index)].key;
      const int level = level_for(index, months, p.pace);
      auto it = latest.find(key);
      if (it != latest.end() && it->second == level) continue;
      if (!run(Assess{{ids[i]}, key, level, ""}, who, day, 13 * 60 + assessed++)) return false;
    }
    return true;
  }

  bool notes(Day today) {
    const Actor& boss = supervisors[0];
    return run(AddNote{ids[6], "Har haft svært ved at møde op de sidste uger. Aftalt samtale fredag.", true, false}, boss, today - 3, 12 * 60) &&
           run(AddNote{ids[0], "Viser andre, hvordan moppen vrides korrekt. Klar til praktik efter nytår.", true, false}, instructors[0], today - 6, 12 * 60) &&
           run(AddNote{ids[5], "Har ondt i ryggen ved gulvvask; tilpasset opgaver.", false, true}, boss, today - 10, 12 * 60);
  }

  bool simulate(Day today, int now_minutes) {
    ids.assign(std::size(kCast), "");
    int earliest = 0;
    for (const auto& p : kCast) earliest = std::max(earliest, p.centre_days_ago);
    const Day first = today - earliest - 1;
    if (!people(first)) return false;
    for (Day day = first; day <= today; ++day) {
      for (size_t i = 0; i < std::size(kCast); ++i)
        if (!ids[i].empty() && !stage_events(i, day, today)) return false;
      if (!enrolments(day, today)) return false;
      for (size_t i = 0; i < std::size(kCast); ++i) {
        if (ids[i].empty()) continue;
        if (!attendance(i, day, today, now_minutes) || !skills(i, day, today)) return false;
      }
    }
    return notes(today);
  }
};

}  // namespace

// ---- entry point ----------------------------------------------------------------------------

int cmd_seed_demo(Cli& cli) {
  if (cli.args.command == "seed-demo" && !cli.only({"--db", "--config"})) return kExitUsage;
  if (!cli.args.get("--db")) return cli.usage("The option --db is required for 'seed-demo'.");
  if (!cli.open()) return kExitStore;
  if (cli.centre->state().event_count > 0)
    return cli.usage("The database " + *cli.args.get("--db") + " already holds a centre; seed-demo needs a new file.");
  const Clock real = Clock::system();
  const std::int64_t start_ms = real.now_ms();
  Day today;
  int now_minutes;
  real.local(start_ms, today, now_minutes);
  auto now = std::make_shared<std::int64_t>(start_ms);
  cli.centre->set_clock(Clock{[now] { return *now; }, real.local});
  // A fresh file that fails half-way is simply seeded again: no need to sync every one of ~10,000 commits.
  centre_database(*cli.centre).exec("PRAGMA synchronous=OFF");
  Seeder seeder{*cli.centre, now};
  const bool ok = seeder.simulate(today, now_minutes);
  centre_database(*cli.centre).exec("PRAGMA synchronous=FULL");
  centre_database(*cli.centre).exec("PRAGMA wal_checkpoint(TRUNCATE)");
  cli.centre->set_clock(real);
  if (!ok) {
    cli.err << seeder.error << "\n";
    return kExitRefused;
  }
  cli.out << "demo centre: " << cli.centre->state().in_centre() << " in the centre, " << cli.centre->event_count()
          << " events\n";
  return kExitOk;
}

}  // namespace ft
