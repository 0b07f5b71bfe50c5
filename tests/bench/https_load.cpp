#include "tests/bench/https_load.hpp"

#include <arpa/inet.h>
#include <malloc.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zstd.h>

#include <cctype>
#include <csignal>
#include <cerrno>
#include <cstring>
#include <deque>
#include <stdexcept>

#include "sync/protocol/tls.hpp"

namespace ft::bench {

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The value of header `name` (lower case) in a reply's header block, or "".
std::string header_value(const std::string& head, const std::string& name) {
  size_t at = head.find("\r\n");
  while (at != std::string::npos && at + 2 < head.size()) {
    const size_t start = at + 2, end = head.find("\r\n", start);
    const std::string line = head.substr(start, end == std::string::npos ? std::string::npos : end - start);
    const size_t colon = line.find(':');
    if (colon != std::string::npos && lower(line.substr(0, colon)) == name) {
      const size_t v = line.find_first_not_of(" \t", colon + 1);
      return v == std::string::npos ? "" : line.substr(v);
    }
    at = end;
  }
  return "";
}

// A zstd body, which may be several frames one after another.
bool unzstd(const std::string& in, std::string& out) {
  std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> d(ZSTD_createDCtx(), ZSTD_freeDCtx);
  ZSTD_inBuffer src{in.data(), in.size(), 0};
  std::string chunk(1 << 17, '\0');
  for (;;) {
    ZSTD_outBuffer dst{chunk.data(), chunk.size(), 0};
    const size_t left = ZSTD_decompressStream(d.get(), &dst, &src);
    if (ZSTD_isError(left)) return false;
    out.append(chunk.data(), dst.pos);
    // All input read and the output not full: everything is out. 0: the last frame ended.
    if (src.pos == src.size && dst.pos < dst.size) return left == 0;
  }
}

}  // namespace

int port_of(const std::string& url) {
  const size_t colon = url.rfind(':');
  if (colon == std::string::npos) throw std::runtime_error("no port in " + url);
  return std::stoi(url.substr(colon + 1));
}

struct HttpsLoad::Connection {
  enum class State { Closed, Connecting, Handshaking, Sending, Receiving, Idle };
  int terminal = 0;
  int fd = -1;
  SSL* ssl = nullptr;
  State state = State::Closed;
  short wants = 0;     // POLLIN / POLLOUT: what it waits for
  bool ready = true;   // may move without waiting (new work, or poll said so)
  std::deque<HttpsRequest> queue;
  HttpsRequest current;
  bool has_current = false;  // `current` is taken from the queue and not yet answered
  bool opening = false;      // counted in opening_: between connect() and the end of its handshake
  std::string out, in;
  size_t sent = 0;
  size_t body_at = 0, body_size = 0;  // known once the reply's head is in
  std::string head;

  SSL_SESSION* session = nullptr;  // of the last connection, to resume

  void close() {
    if (ssl) {
      // A TLS 1.3 ticket arrives after the handshake; by now it is in. The
      // close_notify first: OpenSSL marks the session of a connection freed
      // without it as not to be resumed, as libcurl's orderly close avoids.
      if (SSL_is_init_finished(ssl)) SSL_shutdown(ssl);
      if (SSL_SESSION* s = SSL_get1_session(ssl)) {
        if (SSL_SESSION_is_resumable(s)) {
          if (session) SSL_SESSION_free(session);
          session = s;
        } else {
          SSL_SESSION_free(s);
        }
      }
      SSL_free(ssl);
    }
    if (fd >= 0) ::close(fd);
    ssl = nullptr;
    fd = -1;
    state = State::Closed;
  }

  ~Connection() {
    close();
    if (session) SSL_SESSION_free(session);
  }
};

HttpsLoad::HttpsLoad(const std::string& ca_file, int port) : port_(port) {
  // A write on a connection the server has reset returns an error here, not a signal that ends the bench.
  std::signal(SIGPIPE, SIG_IGN);
  // The generator takes in hundreds of pages of a quarter megabyte; glibc
  // would map and unmap each (its threshold is 128 KiB) and the page faults
  // were an eighth of the generator's time. Keep freed memory for the next.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  ctx_ = SSL_CTX_new(TLS_client_method());
  if (!ctx_ || SSL_CTX_load_verify_locations(ctx_, ca_file.c_str(), nullptr) != 1)
    throw std::runtime_error("cannot load the bench's CA " + ca_file);
  SSL_CTX_set_verify(ctx_, SSL_VERIFY_PEER, nullptr);
  SSL_CTX_set_min_proto_version(ctx_, TLS1_2_VERSION);
  SSL_CTX_set_cipher_list(ctx_, sync::kTls12Ciphers);  // what the terminal offers
  // Each connection resumes its own terminal's session, never another's.
  SSL_CTX_set_session_cache_mode(ctx_, SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_NO_INTERNAL_STORE);
}

HttpsLoad::~HttpsLoad() { SSL_CTX_free(ctx_); }

void HttpsLoad::forget_sessions() {
  for (auto& c : connections_)
    if (c && c->session) {
      SSL_SESSION_free(c->session);
      c->session = nullptr;
    }
}

void HttpsLoad::close_idle() {
  for (auto& c : connections_)
    if (c && c->state == Connection::State::Idle) c->close();
}

void HttpsLoad::start(HttpsRequest request) {
  const auto t = static_cast<size_t>(request.terminal);
  if (connections_.size() <= t) connections_.resize(t + 1);
  if (!connections_[t]) {
    connections_[t] = std::make_unique<Connection>();
    connections_[t]->terminal = request.terminal;
  }
  connections_[t]->queue.push_back(std::move(request));
  connections_[t]->ready = true;
}

void HttpsLoad::finish(Connection& c, int status, std::string body, std::string error) {
  if (c.opening) {
    --opening_;
    c.opening = false;
  }
  c.has_current = false;  // answered, also when it failed: it is not sent again
  HttpsReply r;
  r.terminal = c.current.terminal;
  r.stage = c.current.stage;
  r.status = status;
  r.body = std::move(body);
  r.error = std::move(error);
  // The server may end a kept-alive connection ("Connection: close"); the next request opens one.
  if (status == 0 || c.current.last || lower(header_value(c.head, "connection")) == "close") {
    c.close();
  } else {
    c.state = Connection::State::Idle;
  }
  c.in.clear();
  c.head.clear();
  c.body_at = c.body_size = 0;
  finished_.push_back(std::move(r));
}

bool HttpsLoad::advance(Connection& c) {
  using S = Connection::State;
  auto tls_wait = [&](int ret, const char* what) {
    const int e = SSL_get_error(c.ssl, ret);
    if (e == SSL_ERROR_WANT_READ) c.wants = POLLIN;
    else if (e == SSL_ERROR_WANT_WRITE) c.wants = POLLOUT;
    else {
      char buf[256];
      ERR_error_string_n(ERR_get_error(), buf, sizeof buf);
      finish(c, 0, "", std::string(what) + " failed: " + buf + " (" + std::strerror(errno) + ")");
    }
    return false;
  };
  switch (c.state) {
    case S::Closed: {
      if (c.queue.empty() || opening_ >= kMaxOpening) return false;
      c.current = std::move(c.queue.front());
      c.queue.pop_front();
      c.has_current = true;
      ++opening_;
      c.opening = true;
      c.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
      const int one = 1;
      setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      sockaddr_in a{};
      a.sin_family = AF_INET;
      a.sin_port = htons(static_cast<std::uint16_t>(port_));
      a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      if (::connect(c.fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 && errno != EINPROGRESS) {
        finish(c, 0, "", std::string("connect failed: ") + std::strerror(errno));
        return true;
      }
      c.state = S::Connecting;
      c.wants = POLLOUT;
      return false;
    }
    case S::Connecting: {
      int err = 0;
      socklen_t len = sizeof err;
      getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len);
      if (err == EINPROGRESS) return false;
      if (err) {
        finish(c, 0, "", std::string("connect failed: ") + std::strerror(err));
        return true;
      }
      c.ssl = SSL_new(ctx_);
      SSL_set_fd(c.ssl, c.fd);
      X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(c.ssl), "127.0.0.1");  // the certificate must name it
      if (c.session) SSL_set_session(c.ssl, c.session);
      c.state = S::Handshaking;
      return true;
    }
    case S::Handshaking: {
      const int r = SSL_connect(c.ssl);
      if (r != 1) return tls_wait(r, "TLS handshake");
      --opening_;
      c.opening = false;
      ++handshakes_;
      resumed_ += SSL_session_reused(c.ssl);
      c.state = S::Idle;
      return true;
    }
    case S::Idle: {
      if (!c.has_current) {
        if (c.queue.empty()) return false;
        c.current = std::move(c.queue.front());
        c.queue.pop_front();
        c.has_current = true;
      }
      const HttpsRequest& q = c.current;
      c.out = q.method + " " + q.target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port_) +
              "\r\nAccept-Encoding: zstd, gzip\r\n";  // as the terminal's libcurl asks
      for (const auto& h : q.headers) c.out += h + "\r\n";
      if (!q.body.empty())
        c.out += "Content-Type: application/json\r\nContent-Length: " + std::to_string(q.body.size()) + "\r\n";
      if (q.last) c.out += "Connection: close\r\n";
      c.out += "\r\n" + q.body;
      c.sent = 0;
      c.state = S::Sending;
      return true;
    }
    case S::Sending: {
      const int r = SSL_write(c.ssl, c.out.data() + c.sent, static_cast<int>(c.out.size() - c.sent));
      if (r <= 0) return tls_wait(r, "sending");
      c.sent += static_cast<size_t>(r);
      if (c.sent == c.out.size()) c.state = S::Receiving;
      return true;
    }
    case S::Receiving: {
      char buf[1 << 16];
      const int r = SSL_read(c.ssl, buf, sizeof buf);
      if (r <= 0) {
        const int e = SSL_get_error(c.ssl, r);
        if (e == SSL_ERROR_ZERO_RETURN || (e == SSL_ERROR_SYSCALL && errno == 0)) {
          finish(c, 0, "", "the server closed the connection before its reply was complete");
          return true;
        }
        return tls_wait(r, "receiving");
      }
      c.in.append(buf, static_cast<size_t>(r));
      if (c.body_at == 0) {  // the head, looked for once (a page arrives in many reads)
        const size_t head_end = c.in.find("\r\n\r\n");
        if (head_end == std::string::npos) return true;
        c.head = c.in.substr(0, head_end + 2);
        const std::string length = header_value(c.head, "content-length");
        if (length.empty()) {
          finish(c, 0, "", "a reply without Content-Length");
          return true;
        }
        c.body_at = head_end + 4;
        c.body_size = std::stoul(length);
        c.in.reserve(c.body_at + c.body_size);
      }
      if (c.in.size() < c.body_at + c.body_size) return true;
      std::string body = c.in.substr(c.body_at, c.body_size);
      const std::string& head = c.head;
      const int status = std::atoi(head.c_str() + head.find(' ') + 1);
      const std::string coding = lower(header_value(head, "content-encoding"));
      if (coding == "zstd") {
        std::string plain;
        if (!unzstd(body, plain)) {
          finish(c, 0, "", "a zstd body that does not decode");
          return true;
        }
        body = std::move(plain);
      } else if (!coding.empty()) {
        finish(c, 0, "", "a reply in an encoding the bench does not decode: " + coding);
        return true;
      }
      finish(c, status, std::move(body), "");
      return true;
    }
  }
  return false;
}

void HttpsLoad::run(const std::function<void(const HttpsReply&)>& done) {
  std::vector<pollfd> fds;
  std::vector<Connection*> polled;
  for (;;) {
    fds.clear();
    polled.clear();
    for (auto& c : connections_) {
      if (!c) continue;
      // Move each connection that can as far as it goes without waiting;
      // the others are not touched (a read that would block costs a syscall).
      if (c->ready)
        while (advance(*c)) {
        }
      // One waiting for its turn to open is looked at again next time.
      c->ready = c->state == Connection::State::Closed && !c->queue.empty();
      const bool busy = c->state != Connection::State::Idle && c->state != Connection::State::Closed;
      if (busy) {
        fds.push_back({c->fd, c->wants, 0});
        polled.push_back(c.get());
      }
    }
    if (!finished_.empty()) {
      auto replies = std::move(finished_);
      finished_.clear();
      for (const auto& r : replies) done(r);
      continue;  // `done` may have queued more
    }
    if (fds.empty()) {
      for (const auto& c : connections_)
        if (c && (c->has_current || !c->queue.empty()))
          throw std::runtime_error("the load generator stopped with requests unanswered");
      return;
    }
    const int n = ::poll(fds.data(), fds.size(), 120000);
    if (n < 0 && errno != EINTR) throw std::runtime_error(std::string("poll failed: ") + std::strerror(errno));
    if (n == 0) throw std::runtime_error("the server answered nothing for two minutes");
    for (size_t i = 0; i < fds.size(); ++i)
      if (fds[i].revents) polled[i]->ready = true;
  }
}

}  // namespace ft::bench
