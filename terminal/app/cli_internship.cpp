// The internship subcommands (issue 20): `host` registers or updates a host
// firm, and `stage --to internship` with the agreement's terms records an
// internship agreement (or its extension). The rules are core's
// (internship.hpp, hosts.hpp); this file reads options and prints outcomes.
#include "terminal/app/cli.hpp"
#include "terminal/core/dates.hpp"
#include "terminal/core/internship.hpp"

namespace ft {

namespace {
// A whole number as typed, or -1, which core refuses with its own sentence
// ("weeks_invalid", "hours_invalid", "staff_invalid") like any out-of-range value.
int number_or_invalid(const std::string& text) {
  if (text.empty() || text.size() > 7) return -1;
  int v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}
}  // namespace

// Run by the local administrator at the terminal PC, like enrol: a host firm
// is not personal data, and its staff count decides the ratio.
int cmd_host(Cli& cli) {
  if (!cli.only({"--db", "--config", "--name", "--cvr", "--staff"})) return kExitUsage;
  auto name = cli.need("--name"), cvr = cli.need("--cvr"), staff = cli.need("--staff");
  if (!name || !cvr || !staff || !cli.open()) return kExitUsage;
  auto out = cli.centre->execute(RegisterHost{*name, *cvr, number_or_invalid(*staff)}, local_admin());
  if (!out.ok()) return cli.report(out);
  const auto& p = out.events.front().payload;
  cli.out << "host " << p["cvr"].get<std::string>() << "\n";
  return kExitOk;
}

bool has_agreement_options(const Cli& cli) {
  for (const char* o : {"--start", "--weeks", "--hours", "--purpose"})
    if (cli.args.get(o)) return true;
  return false;
}

// stage --to internship --host NAME_OR_CVR --start DATE --weeks N --hours H --purpose TEXT.
// Every term is required: an agreement without one is no agreement.
int cmd_agree_internship(Cli& cli, const std::string& trainee, const Actor& actor) {
  auto host = cli.need("--host"), start = cli.need("--start"), weeks = cli.need("--weeks"),
       hours = cli.need("--hours"), purpose = cli.need("--purpose");
  if (!host || !start || !weeks || !hours || !purpose) return kExitUsage;
  auto day = parse_day(*start);
  if (!day) return cli.refused(Refusal{"date_invalid", {}});
  AgreeInternship a{trainee, *host, *day, number_or_invalid(*weeks), number_or_invalid(*hours), *purpose};
  auto out = cli.centre->execute(a, actor);
  if (!out.ok()) return cli.report(out);
  if (out.notice) cli.out << refusal_text(cli.tr(), *out.notice, "notice.") << "\n";
  const Trainee* t = cli.centre->state().trainee(trainee);
  const bool awaiting = t && !current_approval(*t);
  cli.out << "stage internship" << (awaiting ? ", awaiting the jobcentre's approval" : "") << "\n";
  return kExitOk;
}

}  // namespace ft
