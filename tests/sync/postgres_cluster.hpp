// A throwaway PostgreSQL cluster for the tests: initdb and pg_ctl from
// Debian's postgresql-15 in a temporary folder, reachable only through a
// Unix socket in that folder (listen_addresses=''), trusting local users.
// As root, the cluster runs as the `postgres` user (initdb refuses root).
// Started at first use, stopped when the test process exits.
#pragma once
#include <string>

namespace ft::test {

// True when the sync tests run against PostgreSQL (FT_TEST_STORE=postgres).
bool testing_postgres();

class PostgresCluster {
 public:
  static PostgresCluster& shared();
  ~PostgresCluster();
  // A fresh, empty database and its libpq URI.
  std::string new_database();
  std::string socket_dir() const { return dir_ + "/socket"; }
  // Stops and starts the server (the same data): a PostgreSQL restart under load.
  void restart();

 private:
  PostgresCluster();
  void start();
  void stop();
  std::string dir_;
  int databases_ = 0;
};

}  // namespace ft::test
