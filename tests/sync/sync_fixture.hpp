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
// a restart reuses it so terminals find the server again.
class ServerProcess {
 public:
  ServerProcess(std::string db, const Pki& pki, std::string log_file);
  ~ServerProcess();
  void start();
  void stop();  // SIGTERM and wait
  int port() const { return port_; }
  std::string url() const { return "https://127.0.0.1:" + std::to_string(port_); }
  std::string add_terminal(const std::string& name);  // the join code
  std::int64_t event_count();                          // from `sync-server status --json`
  std::set<std::string> event_ids();                   // read from the server database

 private:
  std::string db_, cert_, key_, log_;
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

constexpr std::int64_t kMonday0730 = 1772436600000;  // 2026-03-02 07:30 UTC

}  // namespace ft::test
