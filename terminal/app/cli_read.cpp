// The subcommands that only read: status, skills, verify.
#include <fstream>
#include <set>

#include "terminal/app/cli.hpp"
#include "terminal/app/private_file.hpp"
#include "terminal/app/status.hpp"
#include "terminal/core/evolve.hpp"
#include "terminal/core/ids.hpp"
#include "terminal/report/report.hpp"
#include "terminal/store/centre_database.hpp"

namespace ft {

int cmd_status(Cli& cli) {
  if (!cli.only({"--db", "--config", "--json", "--lang"}) || !cli.open(true)) return kExitUsage;
  const auto json = status_json(*cli.centre, cli.env.tr(cli.args.get("--lang").value_or(cli.language)));
  if (cli.args.has("--json")) {
    cli.out << json.dump(2) << "\n";
    return kExitOk;
  }
  const auto& c = json["centre"];
  cli.out << c["name"].get<std::string>() << ": " << c["in_centre"] << "/" << c["capacity"] << " in the centre, "
          << json["events"] << " events\n";
  for (const auto& t : json["trainees"])
    cli.out << "  " << t["id"].get<std::string>() << "  " << t["stage"].get<std::string>() << "  "
            << t["guarantee"]["status"].get<std::string>() << "  " << t["name"].get<std::string>() << "\n";
  return kExitOk;
}

int cmd_skills(Cli& cli) {
  if (!cli.only({"--db", "--config", "--json"})) return kExitUsage;
  const auto& catalogue = cli.env.catalogue;
  if (cli.args.has("--json")) {
    Json list = Json::array();
    for (const auto& s : catalogue.skills)
      list.push_back({{"key", s.key}, {"category", s.category}, {"labels", s.labels}, {"icon", s.icon},
                      {"scale", s.scale == SkillScale::Trade ? "trade" : "behaviour"}, {"required", s.required},
                      {"target", s.target}});
    cli.out << list.dump(2) << "\n";
    return kExitOk;
  }
  for (const auto& s : catalogue.skills)
    cli.out << s.key << "\t" << s.category << "\t" << s.label(cli.language) << "\ttarget " << s.target
            << (s.required ? "" : " (optional)") << "\n";
  return kExitOk;
}

namespace {
// Compares the SQL projections with a fresh fold of the log; returns problems.
std::vector<std::string> check_projections(Centre& c, const State& folded) {
  std::vector<std::string> problems;
  Statement roster(centre_database(c), "SELECT trainee_id, name, stage FROM trainee_roster");
  while (roster.step()) {
    const auto id = roster.text(0);
    const Trainee* t = folded.trainee(id);
    if (!t) continue;  // events about a trainee whose enrolment has not arrived yet
    if (roster.text(1) != t->name.value || roster.text(2) != stage_name(t->stage()))
      problems.push_back("projection trainee_roster disagrees with the log for trainee " + id);
  }
  Statement att(centre_database(c), "SELECT trainee_id, day, check_in, check_out FROM attendance");
  while (att.step()) {
    const auto id = att.text(0);
    auto it = folded.trainees.find(id);
    auto day = parse_day(att.text(1));
    if (it == folded.trainees.end() || !day || !it->second.days.count(*day)) {
      problems.push_back("projection attendance has a day the log does not have, trainee " + id);
      continue;
    }
    const auto& d = it->second.days.at(*day);
    const auto in = d.check_in >= 0 ? format_clock(d.check_in) : "";
    const auto out = d.check_out >= 0 ? format_clock(d.check_out) : "";
    if (att.text(2) != in || att.text(3) != out)
      problems.push_back("projection attendance disagrees with the log for trainee " + id + " on " + att.text(1));
  }
  return problems;
}
}  // namespace

int cmd_verify(Cli& cli) {
  if (!cli.only({"--db", "--config"}) || !cli.open(true)) return kExitUsage;
  std::vector<std::string> problems;
  auto& db = centre_database(*cli.centre);
  {
    Statement q(db, "PRAGMA integrity_check");
    while (q.step())
      if (q.text(0) != "ok") problems.push_back("integrity_check: " + q.text(0));
  }
  std::int64_t last = 0;
  const auto events = load_events(db, 0, last);
  std::map<std::string, std::vector<std::int64_t>> seqs;
  for (const auto& e : events) {
    if (!is_uuid(e.event_id)) problems.push_back("event at seq " + std::to_string(e.terminal_seq) + " has a bad id");
    if (e.type.empty()) problems.push_back("event " + e.event_id + " has no type");
    seqs[e.terminal_id].push_back(e.terminal_seq);
  }
  {
    Statement q(db, "SELECT seq FROM events WHERE json_valid(payload) = 0 OR json_type(payload) != 'object'");
    while (q.step()) problems.push_back("event at seq " + std::to_string(q.int64(0)) + " has a payload that is not a JSON object");
  }
  auto& own = seqs[cli.centre->terminal_id()];
  std::sort(own.begin(), own.end());
  for (size_t i = 0; i < own.size(); ++i)
    if (own[i] != static_cast<std::int64_t>(i) + 1) {
      problems.push_back("this terminal's sequence numbers have a gap at " + std::to_string(i + 1));
      break;
    }
  const State folded = fold(events);
  for (auto& p : check_projections(*cli.centre, folded)) problems.push_back(std::move(p));
  // Our own events: the clock only moves forward along our sequence.
  Hlc previous = -1;
  std::vector<const Event*> own_events;
  for (const auto& e : events)
    if (e.terminal_id == cli.centre->terminal_id()) own_events.push_back(&e);
  std::sort(own_events.begin(), own_events.end(), [](auto* a, auto* b) { return a->terminal_seq < b->terminal_seq; });
  for (const Event* e : own_events) {
    if (e->hlc <= previous) {
      problems.push_back("this terminal's clock went backwards at sequence " + std::to_string(e->terminal_seq));
      break;
    }
    previous = e->hlc;
  }
  for (const auto& p : problems) cli.err << p << "\n";
  if (!problems.empty()) return kExitRefused;
  cli.out << "ok: " << events.size() << " events, " << folded.trainees.size() << " trainees, integrity ok\n";
  return kExitOk;
}

namespace {
// The terminal's side of a report: its own database, folded (terminal/report/report.hpp).
ReportSource report_source(Centre& centre) {
  centre.refresh();
  const State& s = centre.state();
  ReportSource src;
  src.centre_name = s.centre_name.value.empty() ? centre.rules().centre_name : s.centre_name.value;
  src.today = centre.today();
  src.catalogue = &centre.catalogue();
  src.rules = centre.rules();
  src.capacity = s.capacity(centre.rules().capacity);
  src.in_centre = s.in_centre();
  for (const auto& [id, t] : s.trainees) src.trainees.push_back(&t);
  src.staff_name = [&s](const std::string& id) -> std::string {
    if (const Staff* m = s.staff_member(id)) return m->name.value;
    return id == "admin" ? "administrator" : id;
  };
  return src;
}
}  // namespace

int cmd_report(Cli& cli) {
  if (!cli.only({"--db", "--config", "--trainee", "--format", "--out", "--lang", "--health"})) return kExitUsage;
  auto format = cli.need("--format"), out = cli.need("--out");
  if (!format || !out) return kExitUsage;
  if (*format != "csv" && *format != "json" && *format != "pdf") return cli.usage("The format must be csv, json or pdf.");
  const std::string lang = cli.args.get("--lang").value_or("da");  // reports are Danish unless asked otherwise
  if (!cli.env.languages.count(lang)) return cli.refused(Refusal{"unknown_language", {{"language", lang}}});
  if (!cli.open(true)) return kExitUsage;
  const Translations& tr = cli.env.tr(lang);
  std::optional<ReportDoc> doc;
  const ReportSource source = report_source(*cli.centre);
  if (auto id = cli.args.get("--trainee")) {
    doc = trainee_report(source, *id, tr, cli.args.has("--health"));
    if (!doc) return cli.refused(Refusal{"unknown_trainee", {{"id", *id}}});
  } else {
    doc = centre_report(source, tr);
  }
  if (*format == "pdf") {
    const auto error = write_report_pdf(*doc, *out);
    if (!error.empty()) return cli.usage(error);
  } else {
    std::string error;
    if (!write_private_file(*out, *format == "csv" ? report_csv(*doc, lang) : doc->data.dump(2) + "\n", error))
      return cli.usage("The report cannot be written to " + *out + " (" + error + ")");
  }
  cli.out << *out << "\n";
  return kExitOk;
}

}  // namespace ft
