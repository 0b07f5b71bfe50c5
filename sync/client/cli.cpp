// floor-terminal join / sync; see cli.hpp.
#include "sync/client/cli.hpp"

#include "sync/client/round.hpp"
#include "terminal/store/database.hpp"
#include "terminal/store/sync_ledger.hpp"

namespace ft {

namespace {
constexpr int kExitFailed = 1;

std::unique_ptr<Database> open_db(const std::string& path, std::ostream& err) {
  StoreError error;
  auto db = Database::open(path, error);
  if (!db) err << "Cannot open the terminal database " << path << " (" << error.code << ").\n";
  return db;
}
}  // namespace

int cli_join(const std::string& db_path, const std::string& server_url, const std::string& ca_file,
             const std::string& code, std::ostream& out, std::ostream& err) {
  // Refused before the database is opened: nothing is written on a refusal.
  if (!sync::is_https_url(server_url)) {
    err << "Refusing to join over plain http: the server address must start with https://.\n";
    return kExitFailed;
  }
  auto db = open_db(db_path, err);
  if (!db) return kExitFailed;
  SyncLedger ledger(*db);
  sync::HttpsClient http(sync::HttpOptions::from_environment());
  auto report = sync::join_server(ledger, http, server_url, ca_file, code);
  if (report.fault) {
    err << "Could not join: " << report.fault->sentence << "\n";
    return kExitFailed;
  }
  out << "Joined " << server_url << " as terminal \"" << report.terminal_name << "\" (" << report.terminal_id
      << ").\n";
  if (report.clock_skew_ms && (*report.clock_skew_ms > sync::kClockWarnMs || *report.clock_skew_ms < -sync::kClockWarnMs))
    out << "Warning: this PC's clock differs from the server's by " << *report.clock_skew_ms / 1000
        << " seconds; set the time.\n";
  return 0;
}

int cli_sync(const std::string& db_path, std::ostream& out, std::ostream& err) {
  auto db = open_db(db_path, err);
  if (!db) return kExitFailed;
  SyncLedger ledger(*db);
  sync::HttpsClient http(sync::HttpOptions::from_environment());
  auto report = sync::run_round(ledger, http);
  if (!report.ok) {
    std::int64_t waiting = 0;
    try {
      waiting = ledger.pending_count();
    } catch (const StoreFailure&) {
    }
    err << "Sync failed with " << waiting << " events still waiting to be sent: "
        << (report.fault ? report.fault->sentence : std::string("for an unknown reason.")) << "\n";
    return kExitFailed;
  }
  out << "Sync complete: " << report.pushed << " sent, " << report.pulled << " received, " << report.rejected
      << " refused by the server, " << ledger.pending_count() << " waiting.\n";
  if (report.clock_skew_ms && (*report.clock_skew_ms > sync::kClockWarnMs || *report.clock_skew_ms < -sync::kClockWarnMs))
    out << "Warning: this PC's clock differs from the server's by " << *report.clock_skew_ms / 1000
        << " seconds; set the time.\n";
  return 0;
}

}  // namespace ft
