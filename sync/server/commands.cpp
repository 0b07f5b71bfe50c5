// Sections: usage and options · opening · the commands · dispatch.
#include "sync/server/commands.hpp"

#include <chrono>
#include <iostream>
#include <map>
#include <optional>
#include <string>

#include "sync/server/approval_config.hpp"
#include "sync/server/jobcentre.hpp"
#include "sync/server/server_store.hpp"
#include "sync/server/service.hpp"
#include "sync/server/status.hpp"
#include "sync/server/web/user_commands.hpp"
#include "terminal/app/assets.hpp"

namespace ft::server {

namespace {

// ---- usage and options -------------------------------------------------------------------

constexpr int kOk = 0, kRefused = 1, kUsage = 2, kDatabase = 3;

const char* const kUsageText =
    "usage: sync-server --db DB --listen HOST:PORT --cert FILE --key FILE [--threads N] [--db-connections N]\n"
    "                   [--reuse-port] [--first-centre-name NAME]\n"
    "                   [--session-idle-seconds N] [--login-failures N] [--access-log-days N] [--rules FILE]\n"
    "       sync-server add-centre --db DB --name NAME [--capacity N]          (centre id last)\n"
    "       sync-server update-centre --db DB [--centre ID] [--name NAME] [--capacity N]\n"
    "       sync-server add-terminal --db DB [--centre ID] --name NAME          (one-time join code last)\n"
    "       sync-server add-referral --db DB [--centre ID] --name NAME          (trainee id last)\n"
    "       sync-server add-staff --db DB [--centre ID] --name NAME --role instructor|supervisor --pin PIN\n"
    "       sync-server approve-internship --db DB [--centre ID] --trainee ID --weeks N --basis KEY\n"
    "                   [--reason TEXT] [--rules FILE]                     (approval id last)\n"
    "       sync-server status --db DB [--json] [--lang da|en]\n"
    "       sync-server add-user --db DB --name LOGIN --role caseworker|supervisor|admin [--centre ID ...]\n"
    "                   (password as one line on stdin; user id last)\n"
    "       sync-server disable-user|unlock-user --db DB --name LOGIN\n"
    "       sync-server set-password --db DB --name LOGIN          (new password as one line on stdin)\n"
    "       sync-server access-log --db DB [--person ID] [--user LOGIN] [--for-citizen] [--access-log-days N] --json\n"
    "DB is a file path (SQLite, the default) or a postgresql:// URI. --centre may be left out\n"
    "while the server has one centre. A database of the single-centre server is upgraded in\n"
    "place to one centre named by --first-centre-name (default \"Centre 1\"), after a copy of\n"
    "it is kept beside it.\n";

using Options = std::map<std::string, std::string>;

// "--key value" pairs and the bare flags --json, --reuse-port and --for-citizen; false on
// anything else. A repeated --centre (add-user gives a user several) collects its values joined by ','.
bool parse_options(int argc, char** argv, int first, Options& opts) {
  for (int i = first; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--", 0) != 0) return false;
    if (a == "--json" || a == "--reuse-port" || a == "--for-citizen") opts[a] = "1";
    else if (i + 1 >= argc) return false;
    else if (a == "--centre" && opts.count(a)) opts[a] += std::string(",") + argv[++i];
    else opts[a] = argv[++i];
  }
  return true;
}

int usage_error(const std::string& sentence) {
  std::cerr << sentence << "\n" << kUsageText;
  return kUsage;
}

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::optional<std::string> opt(const Options& o, const char* key) {
  auto it = o.find(key);
  return it == o.end() ? std::nullopt : std::optional<std::string>(it->second);
}

// A whole number from min to max, or nullopt.
std::optional<int> whole_number(const std::string& text, int min, int max) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  int v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v >= min && v <= max ? std::optional<int>(v) : std::nullopt;
}

// ---- opening ----------------------------------------------------------------------------

std::unique_ptr<ServerStore> open_store(const Options& o) {
  std::string error;
  auto store = ServerStore::open(o.at("--db"), error, 1, opt(o, "--first-centre-name").value_or("Centre 1"));
  if (!store) std::cerr << error << "\n";
  return store;
}

// The centre the command is for, or a sentence on stderr.
std::optional<CentreInfo> centre_of(ServerStore& store, const Options& o) {
  std::string error;
  auto c = store.resolve_centre(opt(o, "--centre"), error);
  if (!c) std::cerr << error << "\n";
  return c;
}

int print_created(const Created& c) {
  if (!c.id) {
    std::cerr << c.error << "\n";
    return kRefused;
  }
  std::cout << *c.id << "\n";
  return kOk;
}

// ---- the commands -----------------------------------------------------------------------

int serve_command(const Options& o) {
  ServeOptions s;
  s.db = o.at("--db");
  const std::string& listen = o.at("--listen");
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) return usage_error("--listen takes HOST:PORT.");
  s.host = listen.substr(0, colon);
  const auto port = whole_number(listen.substr(colon + 1), 0, 65535);
  if (!port) return usage_error("--listen takes HOST:PORT with a port from 0 to 65535.");
  s.port = *port;
  s.cert_file = o.at("--cert");
  s.key_file = o.at("--key");
  s.reuse_port = o.count("--reuse-port") > 0;  // several servers on one port, on purpose only
  if (auto t = opt(o, "--threads")) {
    auto n = whole_number(*t, 1, 4096);
    if (!n) return usage_error("--threads takes a number from 1 to 4096.");
    s.threads = *n;
  }
  if (auto c = opt(o, "--db-connections")) {
    auto n = whole_number(*c, 1, 256);
    if (!n) return usage_error("--db-connections takes a number from 1 to 256.");
    s.db_connections = *n;
  }
  s.first_centre_name = opt(o, "--first-centre-name").value_or("Centre 1");
  if (auto m = opt(o, "--session-idle-seconds")) {  // 900 (15 minutes) unless given
    auto n = whole_number(*m, 1, 24 * 3600);
    if (!n) return usage_error("--session-idle-seconds takes a number from 1 to 86400.");
    s.web.session_idle_ms = std::int64_t{*n} * 1000;
  }
  if (auto f = opt(o, "--login-failures")) {
    auto n = whole_number(*f, 1, 100);
    if (!n) return usage_error("--login-failures takes a number from 1 to 100.");
    s.web.login.failures_allowed = *n;
  }
  if (auto d = opt(o, "--access-log-days")) {
    auto n = whole_number(*d, 1, 3650);
    if (!n) return usage_error("--access-log-days takes a number of days from 1 to 3650.");
    s.web.access_log_days = *n;
  }
  if (auto path = opt(o, "--rules")) {  // the internship rules the web view's approvals are checked against
    std::string error;
    auto loaded = load_approval_rules(*path, error);
    if (!loaded) return usage_error(error);
    s.web.approval_rules = std::move(*loaded);
  }
  return serve(s, std::cout, std::cerr);
}

int add_centre_command(const Options& o) {
  const std::string name = o.at("--name");
  if (auto problem = name_problem(name)) {
    std::cerr << *problem << "\n";
    return kRefused;
  }
  int capacity = kDefaultCapacity;
  if (auto c = opt(o, "--capacity")) {
    auto n = whole_number(*c, 1, 200);
    if (!n) return usage_error("--capacity takes a number of places from 1 to 200.");
    capacity = *n;
  }
  auto store = open_store(o);
  if (!store) return kDatabase;
  std::cout << store->add_centre(name, capacity, now_ms()).id << "\n";
  return kOk;
}

int update_centre_command(const Options& o) {
  auto name = opt(o, "--name");
  if (name)
    if (auto problem = name_problem(*name)) {
      std::cerr << *problem << "\n";
      return kRefused;
    }
  std::optional<int> capacity;
  if (auto c = opt(o, "--capacity")) {
    capacity = whole_number(*c, 1, 200);
    if (!capacity) return usage_error("--capacity takes a number of places from 1 to 200.");
  }
  if (!name && !capacity) return usage_error("update-centre needs --name or --capacity.");
  auto store = open_store(o);
  if (!store) return kDatabase;
  auto centre = centre_of(*store, o);
  if (!centre) return kRefused;
  if (auto refusal = store->update_centre(centre->id, name, capacity, now_ms())) {
    std::cerr << refusal->sentence << "\n";
    return kRefused;
  }
  std::cout << centre->id << "\n";
  return kOk;
}

int add_terminal_command(const Options& o) {
  const std::string name = o.at("--name");
  if (auto problem = name_problem(name)) {
    std::cerr << *problem << "\n";
    return kRefused;
  }
  auto store = open_store(o);
  if (!store) return kDatabase;
  auto centre = centre_of(*store, o);
  if (!centre) return kRefused;
  const std::string code = store->add_join_code(centre->id, name, now_ms());
  std::cout << "One-time join code for terminal \"" << name << "\" of " << centre->name
            << " (valid 7 days; use it with floor-terminal join --code):\n"
            << code << "\n";
  return kOk;
}

int add_referral_command(const Options& o) {
  auto store = open_store(o);
  if (!store) return kDatabase;
  auto centre = centre_of(*store, o);
  if (!centre) return kRefused;
  return print_created(add_referral(*store, centre->id, o.at("--name"), now_ms()));
}

int add_staff_command(const Options& o) {
  auto store = open_store(o);
  if (!store) return kDatabase;
  auto centre = centre_of(*store, o);
  if (!centre) return kRefused;
  return print_created(add_staff(*store, centre->id, o.at("--name"), o.at("--role"), o.at("--pin"), now_ms()));
}

// The rules come from --rules FILE (approval_config.hpp) or are the built-in sets.
int approve_internship_command(const Options& o) {
  const auto weeks = whole_number(o.at("--weeks"), 1, 104);
  if (!weeks) return usage_error("--weeks takes a whole number of weeks from 1 to 104.");
  std::vector<ApprovalRuleSet> rules = default_approval_rules();
  if (auto path = opt(o, "--rules")) {
    std::string error;
    auto loaded = load_approval_rules(*path, error);
    if (!loaded) return usage_error(error);
    rules = std::move(*loaded);
  }
  auto store = open_store(o);
  if (!store) return kDatabase;
  auto centre = centre_of(*store, o);
  if (!centre) return kRefused;
  return print_created(approve_internship(*store, centre->id, o.at("--trainee"), *weeks, o.at("--basis"),
                                          opt(o, "--reason").value_or(""), rules, now_ms()));
}

int status_command(const Options& o) {
  std::string error;
  const std::string assets = find_assets_dir();
  auto catalogue = load_catalogue(assets, error);
  auto languages = catalogue ? load_translations(assets, error) : std::nullopt;
  if (!languages) {
    std::cerr << error << "\n";
    return kUsage;
  }
  const std::string lang = opt(o, "--lang").value_or(message_language());
  if (!languages->count(lang)) return usage_error("--lang takes da or en.");
  auto store = open_store(o);
  if (!store) return kDatabase;
  const auto now = now_ms();
  const Json status = server_status_json(*store, *catalogue, languages->at(lang), local_day(now), now);
  if (o.count("--json")) {
    std::cout << status.dump(2) << "\n";
    return kOk;
  }
  std::cout << status["events"] << " events, " << status["terminals"] << " terminals, " << status["open_join_codes"]
            << " unused join codes\n";
  for (const auto& c : status["centres"])
    std::cout << c["id"].get<std::string>() << "  " << c["name"].get<std::string>() << ": " << c["in_centre"] << "/"
              << c["capacity"] << " in the centre, " << c["terminals"] << " terminals, " << c["events"]
              << " events\n";
  return kOk;
}

// The account and access-log commands live with the web view (web/user_commands.hpp).
int add_user_cmd(const Options& o) {
  auto store = open_store(o);
  return store ? web::add_user_command(*store, o, std::cin, now_ms()) : kDatabase;
}
int disable_user_cmd(const Options& o) {
  auto store = open_store(o);
  return store ? web::disable_user_command(*store, o) : kDatabase;
}
int unlock_user_cmd(const Options& o) {
  auto store = open_store(o);
  return store ? web::unlock_user_command(*store, o) : kDatabase;
}
int set_password_cmd(const Options& o) {
  auto store = open_store(o);
  return store ? web::set_password_command(*store, o, std::cin) : kDatabase;
}
int access_log_cmd(const Options& o) {
  auto store = open_store(o);
  return store ? web::access_log_command(*store, o, now_ms()) : kDatabase;
}

// ---- dispatch ---------------------------------------------------------------------------

struct Command {
  const char* name;
  std::initializer_list<const char*> required;
  int (*run)(const Options&);
};

const Command kCommands[] = {
    {"serve", {"--db", "--listen", "--cert", "--key"}, serve_command},
    {"add-centre", {"--db", "--name"}, add_centre_command},
    {"update-centre", {"--db"}, update_centre_command},
    {"add-terminal", {"--db", "--name"}, add_terminal_command},
    {"add-referral", {"--db", "--name"}, add_referral_command},
    {"add-staff", {"--db", "--name", "--role", "--pin"}, add_staff_command},
    {"approve-internship", {"--db", "--trainee", "--weeks", "--basis"}, approve_internship_command},
    {"status", {"--db"}, status_command},
    {"add-user", {"--db", "--name", "--role"}, add_user_cmd},
    {"disable-user", {"--db", "--name"}, disable_user_cmd},
    {"unlock-user", {"--db", "--name"}, unlock_user_cmd},
    {"set-password", {"--db", "--name"}, set_password_cmd},
    {"access-log", {"--db"}, access_log_cmd},
};

}  // namespace

int run_command_line(int argc, char** argv) {
  const bool named = argc > 1 && std::string(argv[1]).rfind("--", 0) != 0;
  const std::string name = named ? argv[1] : "serve";
  if (name == "help" || (argc > 1 && std::string(argv[1]) == "--help")) {
    std::cout << kUsageText;
    return kOk;
  }
  for (const auto& command : kCommands) {
    if (name != command.name) continue;
    Options opts;
    if (!parse_options(argc, argv, named ? 2 : 1, opts)) return usage_error("The options could not be read.");
    std::string missing;
    for (const char* key : command.required)
      if (!opts.count(key)) missing += missing.empty() ? key : std::string(", ") + key;
    if (!missing.empty()) return usage_error(name + " needs " + missing + ".");
    try {
      return command.run(opts);
    } catch (const SqlError& e) {
      std::cerr << "The server's database failed: " << e.what() << "\n";
      return kDatabase;
    } catch (const std::exception& e) {
      std::cerr << "sync-server failed: " << e.what() << "\n";
      return kRefused;
    }
  }
  return usage_error("Unknown command \"" + name + "\".");
}

}  // namespace ft::server
