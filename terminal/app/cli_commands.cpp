// The subcommands that change the centre: enrol, add-staff, checkin/checkout,
// assess, stage, absence, language. Each authenticates, runs one command through
// Centre::execute and prints the outcome.
#include <sstream>

#include "terminal/app/cli.hpp"
#include "terminal/core/text.hpp"

namespace ft {

int cmd_enrol(Cli& cli) {
  if (!cli.only({"--db", "--config", "--name", "--pin", "--waitlist", "--badge", "--language", "--display-name"}))
    return kExitUsage;
  auto name = cli.need("--name");
  if (!name || !cli.open()) return kExitUsage;
  Enrol e;
  e.name = *name;
  e.pin = cli.args.get("--pin");
  e.waitlist = cli.args.has("--waitlist");
  e.badge = cli.args.get("--badge").value_or("");
  e.language = cli.args.get("--language").value_or("da");
  e.display_name = cli.args.get("--display-name").value_or("");
  auto out = cli.centre->execute(e, local_admin());
  if (!out.ok()) return cli.report(out);
  cli.out << out.new_id << "\n";
  return kExitOk;
}

int cmd_add_staff(Cli& cli) {
  if (!cli.only({"--db", "--config", "--name", "--role", "--pin", "--badge"})) return kExitUsage;
  auto name = cli.need("--name"), role = cli.need("--role"), pin = cli.need("--pin");
  if (!name || !role || !pin) return kExitUsage;
  auto parsed = parse_role(*role);
  if (!parsed || (*parsed != Role::Instructor && *parsed != Role::Supervisor))
    return cli.refused(Refusal{"unknown_role", {}});
  if (!cli.open()) return kExitUsage;
  AddStaff a;
  a.name = *name;
  a.role = *parsed;
  a.pin = *pin;
  a.badge = cli.args.get("--badge").value_or("");
  auto out = cli.centre->execute(a, local_admin());
  if (!out.ok()) return cli.report(out);
  cli.out << out.new_id << "\n";
  return kExitOk;
}

int cmd_checkin(Cli& cli, bool in) {
  if (!cli.only({"--db", "--config", "--trainee", "--pin"})) return kExitUsage;
  auto id = cli.need("--trainee");
  if (!id || !cli.open(true)) return kExitUsage;
  const Trainee* t = cli.centre->state().trainee(*id);
  if (!t) return cli.refused(Refusal{"unknown_trainee", {{"id", *id}}});
  auto pin = cli.args.get("--pin");
  if (!pin && !t->pin_hash.value.empty()) return cli.refused(Refusal{"pin_required", {}});
  auto auth = cli.centre->authenticate(*id, pin.value_or(""));
  if (!auth.actor) return cli.refused(*auth.refusal);
  auto out = in ? cli.centre->execute(CheckIn{*id}, *auth.actor) : cli.centre->execute(CheckOut{*id}, *auth.actor);
  if (!out.ok() || out.notice) return cli.report(out);
  const auto& e = out.events.front();
  cli.out << (in ? "checked in " : "checked out ") << e.payload["day"].get<std::string>() << " "
          << e.payload["time"].get<std::string>() << "\n";
  return kExitOk;
}

int cmd_assess(Cli& cli) {
  if (!cli.only({"--db", "--config", "--trainee", "--skill", "--level", "--as", "--pin", "--note"})) return kExitUsage;
  auto ids = cli.need("--trainee"), skill = cli.need("--skill"), level = cli.need("--level");
  if (!ids || !skill || !level || !cli.open(true)) return kExitUsage;
  if (level->size() != 1 || (*level)[0] < '1' || (*level)[0] > '4') return cli.refused(Refusal{"level_out_of_range", {}});
  auto actor = cli.staff_actor();
  if (!actor) return kExitRefused;
  Assess a;
  std::stringstream list(*ids);
  for (std::string id; std::getline(list, id, ',');) a.trainee_ids.push_back(trim(id));
  a.skill = *skill;
  a.level = (*level)[0] - '0';
  a.note = cli.args.get("--note").value_or("");
  auto out = cli.centre->execute(a, *actor);
  if (!out.ok()) return cli.report(out);
  cli.out << "assessed " << out.events.size() << "\n";
  return kExitOk;
}

int cmd_stage(Cli& cli) {
  if (!cli.only({"--db", "--config", "--trainee", "--to", "--host", "--reason", "--as", "--pin", "--start", "--weeks",
                 "--hours", "--purpose"}))
    return kExitUsage;
  auto id = cli.need("--trainee"), to = cli.need("--to");
  if (!id || !to || !cli.open(true)) return kExitUsage;
  auto stage = parse_stage(*to);
  if (!stage) return cli.usage("The stage must be referred, centre, internship, employed or exited.");
  const bool agreement = has_agreement_options(cli);
  if (agreement && *stage != Stage::Internship)
    return cli.usage("--start, --weeks, --hours and --purpose belong to --to internship.");
  auto actor = cli.staff_actor();
  if (!actor) return kExitRefused;
  if (agreement) return cmd_agree_internship(cli, *id, *actor);
  auto out = cli.centre->execute(
      ChangeStage{*id, *stage, cli.args.get("--host").value_or(""), cli.args.get("--reason").value_or("")}, *actor);
  if (!out.ok()) return cli.report(out);
  cli.out << "stage " << stage_name(*stage) << "\n";
  return kExitOk;
}

int cmd_absence(Cli& cli) {
  if (!cli.only({"--db", "--config", "--trainee", "--date", "--reason", "--cause", "--as", "--pin"})) return kExitUsage;
  auto id = cli.need("--trainee"), date = cli.need("--date"), reason = cli.need("--reason");
  if (!id || !date || !reason || !cli.open(true)) return kExitUsage;
  auto day = parse_day(*date);
  if (!day) return cli.refused(Refusal{"date_invalid", {}});
  auto kind = parse_absence_kind(*reason);
  if (!kind) return cli.refused(Refusal{"unknown_absence_kind", {}});
  auto actor = cli.staff_actor();
  if (!actor) return kExitRefused;
  const std::string default_cause = *kind == AbsenceKind::Sick ? "sick" : "other";
  auto out = cli.centre->execute(RecordAbsence{*id, *day, *kind, cli.args.get("--cause").value_or(default_cause)}, *actor);
  if (!out.ok()) return cli.report(out);
  cli.out << "absence recorded " << *date << "\n";
  return kExitOk;
}

// Staff set a trainee's own language and read-aloud at the terminal PC, as
// enrol does: the local administrator acts. Only a language the terminal has
// translations for is taken, so the trainee's screens never fall back silently.
int cmd_language(Cli& cli) {
  if (!cli.only({"--db", "--config", "--trainee", "--lang", "--read-aloud"})) return kExitUsage;
  auto id = cli.need("--trainee");
  if (!id) return kExitUsage;
  const auto lang = cli.args.get("--lang");
  const auto aloud = cli.args.get("--read-aloud");
  if (!lang && !aloud) return cli.usage("Give --lang, --read-aloud or both for 'language'.");
  if (aloud && *aloud != "on" && *aloud != "off") return cli.usage("The option --read-aloud must be on or off.");
  if (lang && !cli.env.languages.count(*lang)) return cli.refused(Refusal{"unknown_language", {{"language", *lang}}});
  if (!cli.open(true)) return kExitUsage;
  SetLanguage c{*id, lang.value_or(""), std::nullopt};
  if (aloud) c.read_aloud = *aloud == "on";
  auto out = cli.centre->execute(c, local_admin());
  if (!out.ok()) return cli.report(out);
  const Trainee* t = cli.centre->state().trainee(*id);
  cli.out << "language " << t->language.value << ", read-aloud " << (t->read_aloud.value == "1" ? "on" : "off") << "\n";
  return kExitOk;
}

}  // namespace ft
