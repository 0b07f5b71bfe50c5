// The sync tests' fixture; see sync_fixture.hpp.
#include "tests/sync/sync_fixture.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "sync/server/sql.hpp"
#include "terminal/core/evolve.hpp"
#include "terminal/store/centre_database.hpp"
#include "tests/sync/postgres_cluster.hpp"

namespace ft::test {

// ---- certificates -------------------------------------------------------------------

namespace {

void openssl(const std::vector<std::string>& args) {
  std::vector<std::string> argv{"/usr/bin/openssl"};
  argv.insert(argv.end(), args.begin(), args.end());
  auto r = run(argv);
  if (r.exit_code != 0) throw std::runtime_error("openssl failed: " + r.err);
}

void make_ca(const std::string& key, const std::string& cert, const std::string& name) {
  openssl({"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj",
           "/CN=" + name, "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
           "keyUsage=critical,keyCertSign,cRLSign"});
}

void make_leaf(const TempDir& dir, const std::string& stem, const std::string& ca_key, const std::string& ca_cert,
               const std::string& san, const std::string& cn) {
  const std::string ext = dir.file(stem + ".ext");
  {
    std::ofstream f(ext);
    f << "subjectAltName=" << san << "\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n";
  }
  openssl({"req", "-newkey", "rsa:2048", "-nodes", "-keyout", dir.file(stem + ".key"), "-out", dir.file(stem + ".csr"),
           "-subj", "/CN=" + cn});
  openssl({"x509", "-req", "-in", dir.file(stem + ".csr"), "-CA", ca_cert, "-CAkey", ca_key, "-CAcreateserial",
           "-out", dir.file(stem + ".pem"), "-days", "2", "-extfile", ext});
}

}  // namespace

Pki make_pki(const TempDir& dir) {
  Pki p;
  p.ca = dir.file("ca.pem");
  make_ca(dir.file("ca.key"), p.ca, "Ikast test CA");
  make_leaf(dir, "server", dir.file("ca.key"), p.ca, "IP:127.0.0.1,DNS:localhost", "127.0.0.1");
  p.cert = dir.file("server.pem");
  p.key = dir.file("server.key");
  p.rogue_ca = dir.file("rogue-ca.pem");
  make_ca(dir.file("rogue-ca.key"), p.rogue_ca, "Rogue CA");
  make_leaf(dir, "rogue", dir.file("rogue-ca.key"), p.rogue_ca, "IP:127.0.0.1,DNS:localhost", "127.0.0.1");
  p.rogue_cert = dir.file("rogue.pem");
  p.rogue_key = dir.file("rogue.key");
  make_leaf(dir, "wronghost", dir.file("ca.key"), p.ca, "DNS:other.example", "other.example");
  p.wrong_host_cert = dir.file("wronghost.pem");
  p.wrong_host_key = dir.file("wronghost.key");
  return p;
}

const Pki& pki() {
  static TempDir dir;
  static const Pki p = make_pki(dir);
  return p;
}

// ---- the server process ------------------------------------------------------------------

ServerProcess::ServerProcess(std::string db, const Pki& pki, std::string log_file)
    : db_(std::move(db)), cert_(pki.cert), key_(pki.key), log_(std::move(log_file)) {
  if (testing_postgres()) db_ = PostgresCluster::shared().new_database();
  centre_id_ = add_centre("Træningscenter Ikast");
}

ServerProcess ServerProcess::sibling(const std::string& log_file) const {
  ServerProcess s;
  s.db_ = db_, s.cert_ = cert_, s.key_ = key_, s.log_ = log_file, s.centre_id_ = centre_id_;
  return s;
}

ServerProcess::~ServerProcess() { stop(); }

void ServerProcess::kill_now() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

void ServerProcess::start() {
  int out[2];
  if (pipe(out)) throw std::runtime_error("pipe failed");
  const std::string listen = "127.0.0.1:" + std::to_string(port_);
  std::vector<std::string> args{binary("sync-server"), "--db", db_, "--listen", listen, "--cert", cert_, "--key", key_};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  auto argv = exec_args(args);  // built before fork(): see test_support.hpp
  pid_ = fork();
  if (pid_ == 0) {
    dup2(out[1], 1);
    const int log = ::open(log_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    dup2(log, 2);
    close(out[0]);
    close(out[1]);
    close(log);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  // The server prints "listening on https://127.0.0.1:PORT" once it accepts connections.
  std::string line;
  char c;
  pollfd p{out[0], POLLIN, 0};
  while (line.find('\n') == std::string::npos) {
    if (poll(&p, 1, 60'000) <= 0 || read(out[0], &c, 1) != 1) break;
    line += c;
  }
  close(out[0]);
  const auto colon = line.rfind(':');
  REQUIRE_MESSAGE(line.rfind("listening on", 0) == 0, "sync-server did not start: ", read_file(log_));
  port_ = std::stoi(line.substr(colon + 1));
}

void ServerProcess::stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

std::string ServerProcess::add_terminal(const std::string& name, const std::string& centre_id) {
  auto r = run({binary("sync-server"), "add-terminal", "--db", db_, "--centre", centre_id.empty() ? centre_id_ : centre_id,
                "--name", name});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return last_line(r.out);
}

std::string ServerProcess::add_centre(const std::string& name, int capacity) {
  auto r = run({binary("sync-server"), "add-centre", "--db", db_, "--name", name, "--capacity", std::to_string(capacity)});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return last_line(r.out);
}

std::int64_t ServerProcess::event_count() {
  auto r = run({binary("sync-server"), "status", "--db", db_, "--json"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return Json::parse(r.out).at("events").get<std::int64_t>();
}

std::set<std::string> ServerProcess::event_ids() {
  std::set<std::string> ids;
  auto db = server::is_postgres_uri(db_) ? server::SqlDb::open_postgres(db_) : server::SqlDb::open_sqlite(db_, false);
  server::SqlStmt s(*db, "SELECT event_id FROM events");
  while (s.step()) ids.insert(s.text(0));
  return ids;
}

// ---- timeouts ------------------------------------------------------------------------------

sync::HttpOptions test_http_options() {
  sync::HttpOptions o;
  o.connect_timeout_ms = 3000;
  o.total_timeout_ms = 8000;
  o.low_speed_time_s = 1;
  return o;
}

void use_test_timeouts_in_children() {
  setenv("FT_SYNC_CONNECT_TIMEOUT_MS", "3000", 1);
  setenv("FT_SYNC_TIMEOUT_MS", "20000", 1);
  setenv("FT_SYNC_LOW_SPEED_TIME_S", "2", 1);
  for (const char* v : {"http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"}) unsetenv(v);
}

// ---- terminals ---------------------------------------------------------------------------

Terminal::Terminal(const std::string& p, std::int64_t start_ms) : path(p), now_ms(start_ms) {
  StoreError error;
  centre = Centre::open(path, Rules{}, catalogue(), error, Clock::fixed(now_ms));
  REQUIRE_MESSAGE(centre, "cannot open terminal database: ", error.code, " ", error.detail);
}

void Terminal::advance_minutes(int minutes) {
  now_ms += static_cast<std::int64_t>(minutes) * 60'000;
  centre->set_clock(Clock::fixed(now_ms));
}

std::set<std::string> Terminal::event_ids() {
  std::set<std::string> ids;
  Statement q(centre_database(*centre), "SELECT event_id FROM events");
  while (q.step()) ids.insert(q.text(0));
  return ids;
}

// ---- digests -----------------------------------------------------------------------------

std::string digest(const State& s) {
  std::ostringstream o;
  o << "centre " << s.centre_name.value << "\n";
  for (const auto& [id, t] : s.trainees) {
    o << "trainee " << id << " enrolled=" << t.enrolled << " name=" << t.name.value
      << " stage=" << stage_name(t.stage()) << " host=" << t.host() << " pin=" << t.pin_hash.value.size() << "\n";
    for (const auto& [day, d] : t.days)
      o << "  day " << day << " in=" << d.check_in << " out=" << d.check_out << " confirmed=" << d.confirmed_out
        << "\n";
    for (const auto& [day, a] : t.absences) o << "  absence " << day << " " << absence_kind_name(a.kind) << "\n";
    for (const auto& a : t.assessments) o << "  assessed " << a.event_id << " " << a.skill << "=" << a.level << "\n";
    for (const auto& n : t.notes) o << "  note " << n.event_id << "\n";
    for (const auto& c : t.stages) o << "  stage " << c.event_id << " " << stage_name(c.to) << "\n";
    for (const auto& a : t.agreements)
      o << "  agreement " << a.event_id << " " << a.cvr << " " << a.weeks << "w " << a.hours << "h over=" << a.over_ratio
        << "\n";
    for (const auto& a : t.approvals) o << "  approval " << a.event_id << " " << a.weeks << "w\n";
  }
  for (const auto& [cvr, h] : s.hosts) o << "host " << cvr << " " << h.name << " " << h.staff << "\n";
  for (const auto& [id, m] : s.staff) o << "staff " << id << " " << m.name.value << " " << role_name(m.role) << "\n";
  return o.str();
}

std::string digest_of_log(Database& db) {
  std::int64_t last = 0;
  return digest(fold(load_events(db, 0, last)));
}

pid_t spawn(const std::vector<std::string>& argv, const std::string& out_file) {
  std::vector<char*> args = exec_args(argv);  // nothing is allocated after the fork
  pid_t pid = fork();
  if (pid == 0) {
    const int fd = ::open(out_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    dup2(fd, 1);
    dup2(fd, 2);
    close(fd);
    execv(args[0], args.data());
    _exit(127);
  }
  return pid;
}

}  // namespace ft::test
