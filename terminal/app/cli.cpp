// Sections: the Cli helpers shared by subcommands · dispatch.
#include "terminal/app/cli.hpp"

#include <filesystem>

#include "sync/client/cli.hpp"
#include "terminal/app/kiosk.hpp"
#include "terminal/app/screenshot.hpp"
#include "terminal/store/database.hpp"

namespace ft {

// ---- helpers ------------------------------------------------------------------------------

std::optional<std::string> Cli::need(const std::string& option) {
  auto v = args.get(option);
  if (!v) usage("The option " + option + " is required for '" + args.command + "'.");
  return v;
}

bool Cli::only(const std::vector<std::string>& allowed) {
  for (const auto& [name, value] : args.options)
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      usage("The option " + name + " is not known for '" + args.command + "'.");
      return false;
    }
  for (const auto& flag : args.flags)
    if (std::find(allowed.begin(), allowed.end(), flag) == allowed.end()) {
      usage("The option " + flag + " is not known for '" + args.command + "'.");
      return false;
    }
  return true;
}

bool Cli::open(bool must_exist) {
  auto db = need("--db");
  if (!db) return false;
  if (must_exist && !std::filesystem::exists(*db)) {
    err << "The database " << *db << " does not exist.\n";
    return false;
  }
  StoreError error;
  centre = Centre::open(*db, env.rules, env.catalogue, error);
  if (!centre) {
    err << tr()("store." + error.code, {{"path", *db}}) << "\n";
    return false;
  }
  return true;
}

int Cli::refused(const Refusal& r) {
  err << refusal_text(tr(), r) << "\n";
  return r.code.rfind("store.", 0) == 0 ? kExitStore : kExitRefused;
}

int Cli::usage(const std::string& sentence) {
  err << sentence << "\n";
  return kExitUsage;
}

std::optional<Actor> Cli::staff_actor() {
  auto as = need("--as");
  auto pin = need("--pin");
  if (!as || !pin) return std::nullopt;
  if (!centre->state().staff_member(*as)) {
    refused(Refusal{"unknown_staff", {{"id", *as}}});
    return std::nullopt;
  }
  auto auth = centre->authenticate(*as, *pin);
  if (auth.refusal) {
    refused(*auth.refusal);
    return std::nullopt;
  }
  return auth.actor;
}

int Cli::report(const Outcome& o) {
  if (o.refusal) return refused(*o.refusal);
  if (o.notice) out << refusal_text(tr(), *o.notice, "notice.") << "\n";
  return kExitOk;
}

namespace {

const char* kUsage = R"(Usage: floor-terminal [COMMAND] [OPTIONS]
  (no command) [--db PATH] [--config PATH] [--windowed]   the kiosk
  demo [--db PATH]                          a fresh demo centre, then the kiosk
  seed-demo --db PATH                       the demo centre without the kiosk
  status --db PATH --json                   roster, progress, capacity, sync state
  enrol --db PATH --name NAME [--pin PIN] [--waitlist] [--badge N] [--language L] [--display-name NAME]
  add-staff --db PATH --name NAME --role instructor|supervisor --pin PIN [--badge N]
  skills --db PATH [--json]
  checkin|checkout --db PATH --trainee ID [--pin PIN]
  assess --db PATH --trainee ID[,ID...] --skill KEY --level 1..4 --as STAFF --pin PIN [--note TEXT]
  stage --db PATH --trainee ID --to STAGE [--host COMPANY] [--reason R] --as STAFF --pin PIN
  stage --db PATH --trainee ID --to internship --host NAME_OR_CVR --start YYYY-MM-DD --weeks N --hours H
        --purpose TEXT --as STAFF --pin PIN      an internship agreement, or its extension with the same host
  host --db PATH --name NAME --cvr CVR --staff N   registers or updates a host company (ordinary staff count)
  absence --db PATH --trainee ID --date YYYY-MM-DD --reason sick|legitimate|not_legitimate [--cause C] --as STAFF --pin PIN
  language --db PATH --trainee ID --lang da|en|pl|uk [--read-aloud on|off]   a trainee's own language
                                            and read-aloud (either option alone changes only that)
  join --db PATH --server URL --ca FILE --code CODE
  sync --db PATH
  screenshot --db PATH --screen NAME --out FILE.png [--lang L] [--size WxH];  screenshot --list
  report --db PATH [--trainee ID] --format csv|json|pdf --out FILE [--lang da|en|pl|uk] [--health]
  verify --db PATH
  backup --db PATH --out FILE
  export-person --db PATH --trainee ID --out FILE
  erase-expired --db PATH                   erase personal data of trainees who left long enough ago
  version                                   this program's version and database schema (also --version)
Every command also takes --config PATH.
)";

// The kiosk's and the demo's options, checked before anything is loaded.
std::optional<KioskOptions> kiosk_options(const Args& args) {
  if (!Cli{args, std::cout, std::cerr, {}, message_language(), nullptr}.only({"--db", "--config", "--windowed", "--lang"}))
    return std::nullopt;
  KioskOptions k;
  k.db_path = args.get("--db").value_or(args.command == "demo" ? "demo-centre.db" : "/var/lib/floor-terminal/centre.db");
  k.windowed = args.has("--windowed");
  k.language = args.get("--lang").value_or("da");
  return k;
}

}  // namespace

// ---- dispatch ------------------------------------------------------------------------------

int run_cli(const std::vector<std::string>& argv) {
  std::string error;
  auto args = parse_args(argv, error);
  if (!args) {
    std::cerr << error << "\n" << kUsage;
    return kExitUsage;
  }
  if (args->command == "help" || args->has("--help")) {
    std::cout << kUsage;
    return kExitOk;
  }
  if (args->command == "version" || (args->command.empty() && args->has("--version"))) {
    // What a technician reads off a terminal before an update: the program
    // and the database schema it writes.
    std::cout << "floor-terminal " << FT_VERSION << " (database schema " << kSchemaVersion << ")\n";
    return kExitOk;
  }
  const std::string config = args->get("--config").value_or("");
  const std::string& c = args->command;
  if (c.empty() || c == "kiosk") {
    auto k = kiosk_options(*args);
    if (!k) return kExitUsage;
    // The kiosk loads its configuration on its worker thread, beside the GL driver's loading (kiosk.cpp).
    return run_kiosk(*k, [&config](std::string& e) { return load_environment(config, e); });
  }
  auto env = load_environment(config, error);
  if (!env) {
    std::cerr << error << "\n";
    return kExitUsage;
  }
  Cli cli{*args, std::cout, std::cerr, std::move(*env), message_language(), nullptr};
  if (c == "demo") {
    auto k = kiosk_options(*args);
    if (!k) return kExitUsage;
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(k->db_path + suffix, ec);
    if (int rc = cmd_seed_demo(cli); rc != kExitOk) return rc;
    return run_kiosk(*k, [&cli](std::string&) { return std::optional<Environment>(std::move(cli.env)); });
  }
  if (c == "seed-demo") return cmd_seed_demo(cli);
  if (c == "status") return cmd_status(cli);
  if (c == "enrol") return cmd_enrol(cli);
  if (c == "add-staff") return cmd_add_staff(cli);
  if (c == "skills") return cmd_skills(cli);
  if (c == "checkin") return cmd_checkin(cli, true);
  if (c == "checkout") return cmd_checkin(cli, false);
  if (c == "assess") return cmd_assess(cli);
  if (c == "stage") return cmd_stage(cli);
  if (c == "host") return cmd_host(cli);
  if (c == "absence") return cmd_absence(cli);
  if (c == "language") return cmd_language(cli);
  if (c == "verify") return cmd_verify(cli);
  if (c == "report") return cmd_report(cli);
  if (c == "backup") return cmd_backup(cli);
  if (c == "export-person") return cmd_export_person(cli);
  if (c == "erase-expired") return cmd_erase_expired(cli);
  if (c == "screenshot") return cli_screenshot(args->raw, std::cout, std::cerr);
  if (c == "join") {
    if (!cli.only({"--db", "--server", "--ca", "--code", "--config"})) return kExitUsage;
    auto db = cli.need("--db"), server = cli.need("--server"), ca = cli.need("--ca"), code = cli.need("--code");
    if (!db || !server || !ca || !code) return kExitUsage;
    return cli_join(*db, *server, *ca, *code, std::cout, std::cerr);
  }
  if (c == "sync") {
    if (!cli.only({"--db", "--config"})) return kExitUsage;
    auto db = cli.need("--db");
    if (!db) return kExitUsage;
    return cli_sync(*db, std::cout, std::cerr);
  }
  std::cerr << "Unknown command '" << c << "'.\n" << kUsage;
  return kExitUsage;
}

}  // namespace ft
