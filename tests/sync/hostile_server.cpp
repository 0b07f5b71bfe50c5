// The misbehaving HTTPS server of the fault tests; see hostile_server.hpp.
#include "tests/sync/hostile_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace ft::test {

namespace {

void write_all(SSL* ssl, const std::string& s) {
  size_t done = 0;
  while (done < s.size()) {
    const int n = SSL_write(ssl, s.data() + done, static_cast<int>(s.size() - done));
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
}

std::string response(int status, const std::string& reason, const std::string& body,
                     const std::string& extra_headers = "") {
  return "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\nContent-Type: application/json\r\n" +
         extra_headers + "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

// Reads headers and, when announced, the body; returns the request line and headers.
std::string read_request(SSL* ssl) {
  std::string data;
  char buf[8192];
  size_t body_wanted = std::string::npos;
  while (true) {
    const auto end = data.find("\r\n\r\n");
    if (end != std::string::npos && body_wanted == std::string::npos) {
      body_wanted = 0;
      const auto cl = data.find("Content-Length:");
      const auto cl2 = data.find("content-length:");
      const auto at = cl != std::string::npos ? cl : cl2;
      if (at != std::string::npos && at < end) body_wanted = std::stoul(data.substr(at + 15));
      body_wanted += end + 4;
    }
    if (body_wanted != std::string::npos && data.size() >= body_wanted) return data;
    const int n = SSL_read(ssl, buf, sizeof buf);
    if (n <= 0) return data;
    data.append(buf, static_cast<size_t>(n));
  }
}

}  // namespace

HostileServer::HostileServer(const std::string& cert, const std::string& key, Misbehaviour how) : how_(how) {
  signal(SIGPIPE, SIG_IGN);  // the client hangs up on us on purpose; a write must fail, not kill the test
  SSL_CTX* ctx = SSL_CTX_new(TLS_server_method());
  if (!ctx || SSL_CTX_use_certificate_chain_file(ctx, cert.c_str()) != 1 ||
      SSL_CTX_use_PrivateKey_file(ctx, key.c_str(), SSL_FILETYPE_PEM) != 1)
    throw std::runtime_error("hostile server: cannot load the certificate");
  ctx_ = ctx;
  listener_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int yes = 1;
  setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) || listen(listener_, 16))
    throw std::runtime_error("hostile server: cannot listen");
  socklen_t len = sizeof addr;
  getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  thread_ = std::thread([this] { serve(); });
}

HostileServer::~HostileServer() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
  close(listener_);
  SSL_CTX_free(static_cast<SSL_CTX*>(ctx_));
}

void HostileServer::serve() {
  while (!stop_) {
    pollfd p{listener_, POLLIN, 0};
    if (poll(&p, 1, 50) <= 0) continue;
    const int fd = accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    SSL* ssl = SSL_new(static_cast<SSL_CTX*>(ctx_));
    SSL_set_fd(ssl, fd);
    if (SSL_accept(ssl) == 1) {
      const std::string request = read_request(ssl);
      ++requests_;
      answer(ssl, fd, request);
    }
    SSL_free(ssl);
    close(fd);
  }
}

void HostileServer::answer(void* handle, int fd, const std::string& request) {
  SSL* ssl = static_cast<SSL*>(handle);
  const bool is_pull = request.rfind("GET ", 0) == 0;
  switch (how_) {
    case Misbehaviour::ServerError500:
      write_all(ssl, response(500, "Internal Server Error",
                              R"({"error":{"code":"internal","message":"disk on fire"}})"));
      break;
    case Misbehaviour::Busy429:
      write_all(ssl, response(429, "Too Many Requests", R"({"error":{"code":"busy","message":"slow down"}})",
                              "Retry-After: 7\r\n"));
      break;
    case Misbehaviour::Unavailable503:
      write_all(ssl, response(503, "Service Unavailable", "", "Retry-After: Fri, 01 Jan 2100 00:00:00 GMT\r\n"));
      break;
    case Misbehaviour::ResetConnection: {
      linger l{1, 0};  // close with RST instead of FIN
      setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
      return;
    }
    case Misbehaviour::TruncatedBody:
      write_all(ssl, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"results\":[{\"ev");
      SSL_shutdown(ssl);
      return;
    case Misbehaviour::MalformedJson:
      write_all(ssl, response(200, "OK", "{not json"));
      break;
    case Misbehaviour::WrongTypes:
      write_all(ssl, response(200, "OK",
                              is_pull ? R"({"events":{},"next":"12","more":"no","high_seq":0,"server_time_ms":1})"
                                      : R"({"results":"all","acked_seq":"5","high_seq":0,"server_time_ms":1})"));
      break;
    case Misbehaviour::WrongResults:
      write_all(ssl, response(200, "OK",
                              R"({"results":[{"event_id":"01890000-0000-7000-8000-000000000000","status":"inserted"}],)"
                              R"("acked_seq":1,"high_seq":1,"server_time_ms":1})"));
      break;
    case Misbehaviour::TooDeep:
      write_all(ssl, response(200, "OK", std::string(100000, '[') + std::string(100000, ']')));
      break;
    case Misbehaviour::TooLarge:
      write_all(ssl, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n{\"events\":[");
      break;
    case Misbehaviour::NeverEnds: {
      write_all(ssl, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"res");
      // Say nothing more until the client gives up (its socket closes) or the test ends.
      char b[4096];
      while (!stop_) {
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, 50) > 0 && recv(fd, b, sizeof b, MSG_DONTWAIT) <= 0) break;
      }
      return;
    }
    case Misbehaviour::RedirectToHttp:
      write_all(ssl, response(307, "Temporary Redirect", "",
                              "Location: http://127.0.0.1:" + std::to_string(port_) + "/v1/events\r\n"));
      break;
    case Misbehaviour::Normal:
      write_all(ssl, response(200, "OK", R"({"events":[],"next":0,"more":false,"high_seq":0,"server_time_ms":1})"));
      break;
  }
  SSL_shutdown(ssl);
}

}  // namespace ft::test
