#include "tests/bench/server_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace ft::bench {

void must(const Run& r, const std::string& what) {
  if (r.exit_code != 0) throw std::runtime_error(what + " failed: " + r.out);
}

std::string last_line(const std::string& text) {
  auto end = text.find_last_not_of("\n");
  if (end == std::string::npos) return {};
  auto start = text.rfind('\n', end);
  return text.substr(start == std::string::npos ? 0 : start + 1,
                     end - (start == std::string::npos ? 0 : start + 1) + 1);
}

Pki make_pki(const Workdir& w) {
  const std::string o = "/usr/bin/openssl";
  Pki p{w.file("ca.pem"), w.file("server.pem"), w.file("server.key")};
  must(run_process({o, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", w.file("ca.key"), "-out", p.ca,
                    "-days", "2", "-subj", "/CN=floor-bench CA", "-addext", "basicConstraints=critical,CA:TRUE",
                    "-addext", "keyUsage=critical,keyCertSign,cRLSign"}),
       "openssl (CA)");
  {
    std::ofstream f(w.file("server.ext"));
    f << "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n";
  }
  must(run_process({o, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", p.key, "-out", w.file("server.csr"), "-subj",
                    "/CN=127.0.0.1"}),
       "openssl (key)");
  must(run_process({o, "x509", "-req", "-in", w.file("server.csr"), "-CA", p.ca, "-CAkey", w.file("ca.key"),
                    "-CAcreateserial", "-out", p.cert, "-days", "2", "-extfile", w.file("server.ext")}),
       "openssl (sign)");
  return p;
}

Server::Server(std::string db, const Pki& pki, const std::vector<std::string>& extra_args) : db_(std::move(db)) {
  centre_ = add_centre("Bench centre");
  const bool file = db_.rfind("postgres", 0) != 0;
  std::vector<std::string> args{binary("sync-server"), "--db", db_, "--listen", "127.0.0.1:0", "--cert", pki.cert,
                                "--key", pki.key};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const std::string log_path = file ? db_ + ".log" : "/dev/null";
  int out[2];
  if (pipe(out)) throw std::runtime_error("pipe failed");
  pid_ = fork();
  if (pid_ == 0) {
    dup2(out[1], 1);
    const int log = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);  // one line per request
    dup2(log, 2);
    close(log);
    close(out[0]);
    close(out[1]);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  // It prints "listening on https://127.0.0.1:PORT" once it accepts connections.
  std::string line;
  char c;
  pollfd p{out[0], POLLIN, 0};
  while (line.find('\n') == std::string::npos && poll(&p, 1, 60'000) > 0 && read(out[0], &c, 1) == 1) line += c;
  close(out[0]);
  if (line.rfind("listening on", 0) != 0) {
    stop();
    throw std::runtime_error("sync-server did not start");
  }
  url_ = line.substr(std::string("listening on ").size());
  url_.erase(url_.find_last_not_of("\r\n") + 1);
}

Server::~Server() { stop(); }

std::string Server::add_centre(const std::string& name) {
  auto r = run_process({binary("sync-server"), "add-centre", "--db", db_, "--name", name});
  must(r, "sync-server add-centre");
  return last_line(r.out);
}

std::string Server::join_code(const std::string& name, const std::string& centre) {
  auto r = run_process(
      {binary("sync-server"), "add-terminal", "--db", db_, "--centre", centre.empty() ? centre_ : centre, "--name", name});
  must(r, "sync-server add-terminal");
  return last_line(r.out);
}

double Server::rss_mib() const {
  const std::string status = read_proc(pid_, "status");
  const auto at = status.find("VmRSS:");
  return at == std::string::npos ? 0 : std::strtod(status.c_str() + at + 6, nullptr) / 1024.0;
}

double Server::cpu_seconds() const {
  // /proc/PID/stat: fields 14 and 15 (utime, stime) in clock ticks, after the
  // command name in parentheses, which may itself hold spaces.
  const std::string stat = read_proc(pid_, "stat");
  const auto close = stat.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream fields(stat.substr(close + 2));
  std::string skip;
  for (int i = 3; i < 14; ++i) fields >> skip;
  long long utime = 0, stime = 0;
  fields >> utime >> stime;
  return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

void Server::stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

}  // namespace ft::bench
