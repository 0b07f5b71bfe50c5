// The load generator of the server figures: many simulated terminals over
// HTTPS from one thread, each on its own TCP connection with its own TLS
// handshake, as 500 kiosks on 500 PCs. A terminal resumes the TLS session of
// its previous connection, as the kiosk does: its sync engine keeps one
// libcurl handle for its life (sync/client/engine.cpp), and libcurl keeps the
// session tickets the server sends on it.
//
// Why not libcurl's multi interface, which the kiosk itself uses: libcurl
// 7.88 makes a new SSL_CTX for every connection and reads the CA file into
// it, about 1 ms of CPU each here. A real terminal pays that on its own PC;
// in the bench all 500 were paid on the server's two cores, before the first
// request could go out, and the generator used 0.6 s of CPU beside the
// server's 0.9 s (docs/performance.md). Here one SSL_CTX holds the CA for
// all connections; everything the server sees is the same: a TCP connect,
// a TLS 1.3 handshake (full, or resuming the terminal's session),
// HTTP/1.1 requests with keep-alive, and replies decoded (zstd) and checked.
#pragma once
#include <openssl/ssl.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ft::bench {

struct HttpsRequest {
  int terminal = 0;  // which simulated terminal: its connection carries the request
  int stage = 0;     // the caller's own mark, given back with the reply
  std::string method = "GET", target;
  std::vector<std::string> headers;  // "Name: value"
  std::string body;                  // sent as application/json when not empty
  bool last = false;                 // the terminal lets go of its connection afterwards
};

struct HttpsReply {
  int terminal = 0, stage = 0;
  int status = 0;     // 0: no reply (connection or TLS failed); `error` says why
  std::string body;   // decoded
  std::string error;
  bool ok() const { return status == 200; }
};

class HttpsLoad {
 public:
  HttpsLoad(const std::string& ca_file, int port);  // the server is on 127.0.0.1:port
  ~HttpsLoad();
  HttpsLoad(const HttpsLoad&) = delete;
  HttpsLoad& operator=(const HttpsLoad&) = delete;

  // Queues a request on the terminal's connection, opening one if it has none.
  void start(HttpsRequest request);
  // Runs until every request has its reply; `done` may start the next ones.
  void run(const std::function<void(const HttpsReply&)>& done);

  // Handshakes so far, and how many of them resumed a session.
  int handshakes() const { return handshakes_; }
  int resumed() const { return resumed_; }
  void forget_sessions();  // the next connections start afresh, as after a kiosk restart
  void close_idle();       // lets go of every open connection between requests

 private:
  struct Connection;
  bool advance(Connection& c);  // true when the connection made progress
  void finish(Connection& c, int status, std::string body, std::string error);

  // At most this many connections are opened at once. One thread stands in
  // for 500 PCs: starting every handshake before finishing any made the
  // first request wait for all 500 ClientHellos (0.2 s of its CPU), where
  // real terminals each open theirs on their own processor.
  static constexpr int kMaxOpening = 32;
  SSL_CTX* ctx_ = nullptr;
  int port_;
  std::vector<std::unique_ptr<Connection>> connections_;  // by terminal
  std::vector<HttpsReply> finished_;
  int handshakes_ = 0, resumed_ = 0;
  int opening_ = 0;  // connections between connect() and the end of their handshake
};

// The port of a URL like https://127.0.0.1:PORT.
int port_of(const std::string& url);

}  // namespace ft::bench
