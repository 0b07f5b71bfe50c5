// What the sync and server figures stand on: a CA and a server certificate
// made now with openssl, and a real sync-server process on a free loopback
// port, on SQLite (a file) or PostgreSQL (a postgresql:// URI). The server
// gets one centre at start, as a municipality's would.
#pragma once
#include <sys/types.h>

#include <string>
#include <vector>

#include "tests/bench/bench.hpp"

namespace ft::bench {

void must(const Run& r, const std::string& what);
std::string last_line(const std::string& text);

struct Pki {
  std::string ca, cert, key;
};
Pki make_pki(const Workdir& w);

// A sync-server for as long as this object lives.
class Server {
 public:
  Server(std::string db, const Pki& pki, const std::vector<std::string>& extra_args = {});
  ~Server();
  const std::string& url() const { return url_; }
  const std::string& db() const { return db_; }
  const std::string& centre_id() const { return centre_; }
  std::string add_centre(const std::string& name);
  std::string join_code(const std::string& name, const std::string& centre = "");
  double peak_mib() const { return vm_hwm_mib(pid_); }
  double rss_mib() const;  // resident now
  double cpu_seconds() const;  // user + system time the server has used so far
  void stop();

 private:
  std::string db_, url_, centre_;
  pid_t pid_ = -1;
};

}  // namespace ft::bench
