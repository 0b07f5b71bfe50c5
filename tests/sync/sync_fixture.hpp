// What the sync tests stand on: certificates made with the openssl command
// at test time, a real sync-server process on a free loopback port, and
// terminals that are real databases driven through ft::Centre.
#pragma once
#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "sync/client/http.hpp"
#include "terminal/store/centre.hpp"
#include "tests/test_support.hpp"

namespace ft::test {

// A CA and a server certificate for 127.0.0.1 signed by it, plus certificates
// that must be refused: one from a CA the terminal does not trust, and one
// from the trusted CA for another host name.
struct Pki {
  std::string ca;           // the trusted CA (PEM)
  std::string cert, key;    // server certificate for IP 127.0.0.1 and localhost
  std::string rogue_ca;     // a CA nobody configured
  std::string rogue_cert, rogue_key;          // 127.0.0.1, signed by rogue_ca
  std::string wrong_host_cert, wrong_host_key;  // signed by ca, but for other.example
};
Pki make_pki(const TempDir& dir);
// One set made at first use and kept for the test process (openssl is slow to make keys).
const Pki& pki();

// sync-server serving `db` on 127.0.0.1; the first start picks a free port,
// a restart reuses it so terminals find the server again. Under
// FT_TEST_STORE=postgres the database is a fresh one in the tests' own
// PostgreSQL cluster instead of the file `db`. The server holds one centre
// from the start ("Træningscenter Ikast"), as a municipality's would.
class ServerProcess {
 public:
  ServerProcess(std::string db, const Pki& pki, std::string log_file);
  ~ServerProcess();
  void start();
  void stop();  // SIGTERM and wait
  void kill_now();  // SIGKILL and wait
  int port() const { return port_; }
  const std::string& db() const { return db_; }  // the --db value: a file or a postgresql:// URI
  const std::string& centre_id() const { return centre_id_; }
  // Another process serving the same database, e.g. the second behind a load balancer.
  ServerProcess sibling(const std::string& log_file) const;
  std::string url() const { return "https://127.0.0.1:" + std::to_string(port_); }
  std::string add_terminal(const std::string& name, const std::string& centre_id = "");  // the join code
  std::string add_centre(const std::string& name, int capacity = 15);  // the new centre's id
  std::int64_t event_count();                          // from `sync-server status --json`
  std::vector<std::string> extra_args;                 // more serving options, e.g. the web view's limits
  std::set<std::string> event_ids();                   // read from the server database

 private:
  ServerProcess() = default;
  std::string db_, cert_, key_, log_, centre_id_;
  int port_ = 0;
  pid_t pid_ = -1;
};

// Timeouts small enough that a hostile server is given up on in seconds.
sync::HttpOptions test_http_options();
// Sets the FT_SYNC_* variables so child floor-terminal processes use them too,
// and clears proxy variables so loopback traffic goes direct.
void use_test_timeouts_in_children();

// A terminal: its database opened through the store, with a clock the test moves.
struct Terminal {
  std::string path;
  std::unique_ptr<Centre> centre;
  std::int64_t now_ms;
  Terminal(const std::string& path, std::int64_t start_ms);
  void advance_minutes(int minutes);
  std::set<std::string> event_ids();
};

// A description of the folded state that two converged terminals share exactly.
std::string digest(const State& s);
// The same description from folding the events in the database from scratch.
std::string digest_of_log(Database& db);

// fork/exec without waiting; the caller kills or waits.
pid_t spawn(const std::vector<std::string>& argv, const std::string& out_file);

// The event every ServerProcess starts with: the CentreNamed (name and
// capacity) that `sync-server add-centre` writes into the centre's log.
constexpr std::int64_t kSetupEvents = 1;

constexpr std::int64_t kMonday0730 = 1772436600000;  // 2026-03-02 07:30 UTC

}  // namespace ft::test
