// A small HTTPS server (raw OpenSSL on a loopback socket) that misbehaves on
// purpose, one way per instance, so the tests can show that the sync client
// fails clearly, in bounded time, and marks nothing sent.
#pragma once
#include <atomic>
#include <string>
#include <thread>

namespace ft::test {

enum class Misbehaviour {
  ServerError500,      // 500 with an error body
  Busy429,             // 429, Retry-After: 7
  Unavailable503,      // 503, Retry-After as an HTTP date
  ResetConnection,     // reads the request, then RST
  TruncatedBody,       // Content-Length 500, sends 20 bytes, closes
  MalformedJson,       // 200 with "{not json"
  WrongTypes,          // 200 with the right fields holding the wrong types
  WrongResults,        // 200, well-typed push reply whose results do not match the batch
  TooDeep,             // 200 with 100,000 nested brackets
  TooLarge,            // 200 announcing 100 MB
  NeverEnds,           // 200 with Content-Length, then silence until the client leaves
  RedirectToHttp,      // 307 to http://
  Normal,              // 200 with an empty, valid pull page (used with a bad certificate)
};

class HostileServer {
 public:
  HostileServer(const std::string& cert, const std::string& key, Misbehaviour how);
  ~HostileServer();
  int port() const { return port_; }
  std::string url() const { return "https://127.0.0.1:" + std::to_string(port_); }
  int requests() const { return requests_; }

 private:
  void serve();
  void answer(void* ssl, int fd, const std::string& request);
  Misbehaviour how_;
  void* ctx_ = nullptr;  // SSL_CTX*
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> requests_{0};
  std::thread thread_;
};

}  // namespace ft::test
