#include "tests/sync/postgres_cluster.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <vector>

#include "tests/test_support.hpp"

namespace ft::test {

namespace {
const char* const kBin = "/usr/lib/postgresql/15/bin/";

// As root the cluster's programs run as postgres; otherwise as ourselves.
RunResult as_owner(std::vector<std::string> argv) {
  argv[0] = std::string(kBin) + argv[0];
  if (geteuid() == 0) argv.insert(argv.begin(), {"/usr/sbin/runuser", "-u", "postgres", "--"});
  return run(argv);
}

void must(const RunResult& r, const char* what) {
  if (r.exit_code != 0) throw std::runtime_error(std::string(what) + " failed: " + r.err + r.out);
}
}  // namespace

bool testing_postgres() {
  const char* v = std::getenv("FT_TEST_STORE");
  return v && std::string(v) == "postgres";
}

PostgresCluster& PostgresCluster::shared() {
  static PostgresCluster cluster;
  return cluster;
}

PostgresCluster::PostgresCluster() {
  char pattern[] = "/tmp/ft-pg-XXXXXX";
  if (!mkdtemp(pattern)) throw std::runtime_error("cannot make a folder for PostgreSQL");
  dir_ = pattern;
  std::filesystem::create_directory(socket_dir());
  if (geteuid() == 0) {
    const passwd* pg = getpwnam("postgres");
    if (!pg) throw std::runtime_error("the postgres user is missing: install postgresql-15");
    for (const auto& p : {dir_, socket_dir()})
      if (chown(p.c_str(), pg->pw_uid, pg->pw_gid) != 0) throw std::runtime_error("cannot hand the folder to postgres");
  }
  must(as_owner({"initdb", "-D", dir_ + "/data", "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"}),
       "initdb");
  start();
}

PostgresCluster::~PostgresCluster() {
  stop();
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

void PostgresCluster::start() {
  must(as_owner({"pg_ctl", "-D", dir_ + "/data", "-l", dir_ + "/server.log", "-w", "-o",
                 "-k " + socket_dir() + " -c listen_addresses='' -c max_connections=200", "start"}),
       "pg_ctl start");
}

void PostgresCluster::stop() { as_owner({"pg_ctl", "-D", dir_ + "/data", "-m", "fast", "-w", "stop"}); }

void PostgresCluster::restart() {
  stop();
  start();
}

std::string PostgresCluster::new_database() {
  const std::string name = "ft_test_" + std::to_string(++databases_);
  must(run({std::string(kBin) + "createdb", "-h", socket_dir(), "-U", "postgres", name}), "createdb");
  return "postgresql:///" + name + "?host=" + socket_dir() + "&user=postgres";
}

}  // namespace ft::test
