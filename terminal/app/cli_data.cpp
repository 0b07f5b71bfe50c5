// Subcommands that copy data out: backup (SQLite's online backup, safe while
// the kiosk runs) and export-person (everything held about one trainee, for
// a GDPR access request).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "terminal/app/cli.hpp"
#include "terminal/app/private_file.hpp"
#include "terminal/app/status.hpp"
#include "terminal/store/centre_database.hpp"
#include "terminal/store/sync_ledger.hpp"

namespace ft {

int cmd_backup(Cli& cli) {
  if (!cli.only({"--db", "--config", "--out"})) return kExitUsage;
  auto out = cli.need("--out");
  if (!out || !cli.open(true)) return kExitUsage;
  if (std::filesystem::exists(*out)) return cli.usage("The file " + *out + " exists already; choose a new name.");
  StoreError error;
  if (!backup_database(centre_database(*cli.centre), *out, error))
    return cli.refused(Refusal{"store." + error.code, {{"path", *out}}});
  cli.out << *out << "\n";
  return kExitOk;
}

int cmd_export_person(Cli& cli) {
  if (!cli.only({"--db", "--config", "--trainee", "--out"})) return kExitUsage;
  auto id = cli.need("--trainee"), out = cli.need("--out");
  if (!id || !out || !cli.open(true)) return kExitUsage;
  const Trainee* t = cli.centre->state().trainee(*id);
  if (!t) return cli.refused(Refusal{"unknown_trainee", {{"id", *id}}});
  Json j;
  j["exported_on"] = format_day(cli.centre->today());
  j["summary"] = trainee_json(*t, *cli.centre, cli.env.tr("en"));
  j["profile"] = {{"name", t->name.value}, {"display_name", t->display_name.value}, {"language", t->language.value},
                  {"badge", t->badge.value}, {"pin_set", !t->pin_hash.value.empty()}};
  // Every event that names this trainee, as stored (PIN hashes left out: they are secrets, not information).
  Json events = Json::array();
  std::int64_t last = 0;
  for (auto e : load_events(centre_database(*cli.centre), 0, last)) {
    const bool about = e.payload.value("trainee_id", "") == *id || e.payload.value("person_id", "") == *id || e.actor_id == *id;
    if (!about) continue;
    e.payload.erase("pin_hash");
    events.push_back(event_to_json(e));
  }
  j["events"] = events;
  const auto attempts = cli.centre->attempts(*id);
  j["pin_attempts"] = {{"failures", attempts.failures}, {"lockouts", attempts.lockouts}};
  std::string error;
  if (!write_private_file(*out, j.dump(2) + "\n", error))
    return cli.usage("The export cannot be written to " + *out + " (" + error + ")");
  cli.out << *out << "\n";
  return kExitOk;
}

int cmd_erase_expired(Cli& cli) {
  if (!cli.only({"--db", "--config"}) || !cli.open(true)) return kExitUsage;
  std::vector<std::string> due;
  for (const auto& [id, t] : cli.centre->state().trainees) {
    const auto ended = t.ended_on();
    if (t.enrolled && !t.redacted && ended && cli.centre->today() - *ended >= cli.env.rules.erase_after_days) due.push_back(id);
  }
  // Erase only what the municipality already holds: with sync set up, nothing may be waiting to be sent.
  SyncLedger ledger(centre_database(*cli.centre));
  if (ledger.settings().configured() && ledger.pending_count() > 0 && !due.empty()) {
    cli.err << "Not erased yet: " << ledger.pending_count() << " events still wait to be sent to the server. Sync first.\n";
    return kExitRefused;
  }
  int erased = 0;
  for (const auto& id : due) {
    auto out = cli.centre->execute(EraseTrainee{id}, local_admin());
    if (!out.ok()) return cli.report(out);
    ++erased;
  }
  cli.out << "erased " << erased << "\n";
  return kExitOk;
}

}  // namespace ft
