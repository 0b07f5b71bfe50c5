// sync-server: the reference municipal endpoint and its administration
// commands (the command-line contract in DESIGN.md §5).
//
//   sync-server --db PATH --listen HOST:PORT --cert FILE --key FILE
//   sync-server add-terminal --db PATH --name NAME      (join code last)
//   sync-server status --db PATH [--json]
//   sync-server add-referral --db PATH --name NAME      (trainee id last)
//   sync-server add-staff --db PATH --name NAME --role instructor|supervisor --pin PIN   (staff id last)
#include <sys/stat.h>

#include <chrono>
#include <iostream>
#include <map>
#include <string>

#include "sync/server/jobcentre.hpp"
#include "sync/server/server_store.hpp"
#include "sync/server/service.hpp"

namespace {

const char* const kUsage =
    "usage: sync-server --db PATH --listen HOST:PORT --cert FILE --key FILE [--reuse-port]\n"
    "       sync-server add-terminal --db PATH --name NAME\n"
    "       sync-server status --db PATH [--json]\n"
    "       sync-server add-referral --db PATH --name NAME\n"
    "       sync-server add-staff --db PATH --name NAME --role instructor|supervisor --pin PIN\n";

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// "--key value" pairs and bare "--flag"s; false on anything else.
bool parse_options(int argc, char** argv, int first, std::map<std::string, std::string>& opts) {
  for (int i = first; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--", 0) != 0) return false;
    if (a == "--json" || a == "--reuse-port") {
      opts[a] = "1";
    } else if (i + 1 < argc) {
      opts[a] = argv[++i];
    } else {
      return false;
    }
  }
  return true;
}

int usage_error(const std::string& sentence) {
  std::cerr << sentence << "\n" << kUsage;
  return 2;
}

std::unique_ptr<ft::server::ServerStore> open_store(const std::map<std::string, std::string>& opts) {
  std::string error;
  auto store = ft::server::ServerStore::open(opts.at("--db"), error);
  if (!store) std::cerr << error << "\n";
  return store;
}

int print_created(const ft::server::Created& c) {
  if (!c.id) {
    std::cerr << c.error << "\n";
    return 1;
  }
  std::cout << *c.id << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  umask(077);  // the database, its WAL and anything else we create: owner only
  std::string command = argc > 1 && std::string(argv[1]).rfind("--", 0) != 0 ? argv[1] : "serve";
  if (command == "help" || (argc == 2 && std::string(argv[1]) == "--help")) {
    std::cout << kUsage;
    return 0;
  }
  std::map<std::string, std::string> opts;
  if (!parse_options(argc, argv, command == "serve" && (argc < 2 || std::string(argv[1]) != "serve") ? 1 : 2, opts))
    return usage_error("The options could not be read.");
  auto need = [&](std::initializer_list<const char*> keys) -> bool {
    for (auto k : keys)
      if (!opts.count(k)) return false;
    return true;
  };
  try {
    if (command == "serve") {
      if (!need({"--db", "--listen", "--cert", "--key"}))
        return usage_error("Serving needs --db, --listen, --cert and --key.");
      ft::server::ServeOptions o;
      o.db = opts["--db"];
      const std::string& listen = opts["--listen"];
      const auto colon = listen.rfind(':');
      if (colon == std::string::npos || colon == 0) return usage_error("--listen takes HOST:PORT.");
      o.host = listen.substr(0, colon);
      try {
        size_t used = 0;
        o.port = std::stoi(listen.substr(colon + 1), &used);
        if (used != listen.size() - colon - 1 || o.port < 0 || o.port > 65535) throw std::out_of_range("port");
      } catch (const std::exception&) {
        return usage_error("--listen takes HOST:PORT with a port from 0 to 65535.");
      }
      o.cert_file = opts["--cert"];
      o.key_file = opts["--key"];
      o.reuse_port = opts.count("--reuse-port") > 0;  // several servers on one port, on purpose only
      return ft::server::serve(o, std::cout, std::cerr);
    }
    if (command == "add-terminal") {
      if (!need({"--db", "--name"})) return usage_error("add-terminal needs --db and --name.");
      auto store = open_store(opts);
      if (!store) return 1;
      const std::string code = store->add_join_code(opts["--name"], now_ms());
      std::cout << "One-time join code for terminal \"" << opts["--name"]
                << "\" (valid 7 days; use it with floor-terminal join --code):\n"
                << code << "\n";
      return 0;
    }
    if (command == "status") {
      if (!need({"--db"})) return usage_error("status needs --db.");
      auto store = open_store(opts);
      if (!store) return 1;
      const auto events = store->event_count(), terminals = store->terminal_count(),
                 codes = store->open_code_count(now_ms());
      if (opts.count("--json"))
        std::cout << "{\"events\": " << events << ", \"terminals\": " << terminals << ", \"open_join_codes\": " << codes
                  << "}\n";
      else
        std::cout << events << " events, " << terminals << " terminals, " << codes << " unused join codes\n";
      return 0;
    }
    if (command == "add-referral") {
      if (!need({"--db", "--name"})) return usage_error("add-referral needs --db and --name.");
      auto store = open_store(opts);
      if (!store) return 1;
      return print_created(ft::server::add_referral(*store, opts["--name"], now_ms()));
    }
    if (command == "add-staff") {
      if (!need({"--db", "--name", "--role", "--pin"}))
        return usage_error("add-staff needs --db, --name, --role and --pin.");
      auto store = open_store(opts);
      if (!store) return 1;
      return print_created(ft::server::add_staff(*store, opts["--name"], opts["--role"], opts["--pin"], now_ms()));
    }
  } catch (const std::exception& e) {
    std::cerr << "sync-server failed: " << e.what() << "\n";
    return 1;
  }
  return usage_error("Unknown command \"" + command + "\".");
}
