// The server's edges that a peer we do not control meets: what it writes into
// the operator's log, a known path asked with the wrong method, guessing join
// codes, the TLS it accepts, and a secret in a compressed body. Raw requests
// go over a real TLS socket (OpenSSL), TLS is probed by the openssl command.
#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <httplib.h>

#include "tests/sync/sync_fixture.hpp"

using namespace ft;
using namespace ft::test;

namespace {

// Sends `bytes` as they are over TLS to the server and returns what comes back.
std::string raw_tls(int port, const std::string& bytes) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
  SSL* ssl = SSL_new(ctx);
  SSL_set_fd(ssl, fd);
  REQUIRE(SSL_connect(ssl) == 1);
  REQUIRE(SSL_write(ssl, bytes.data(), static_cast<int>(bytes.size())) == static_cast<int>(bytes.size()));
  std::string reply;
  char buf[4096];
  int n = 0;
  while ((n = SSL_read(ssl, buf, sizeof buf)) > 0) reply.append(buf, static_cast<size_t>(n));
  SSL_free(ssl);
  SSL_CTX_free(ctx);
  ::close(fd);
  return reply;
}

std::unique_ptr<httplib::SSLClient> client_for(const ServerProcess& server) {
  auto c = std::make_unique<httplib::SSLClient>("127.0.0.1", server.port());
  c->set_ca_cert_path(pki().ca.c_str());
  c->set_decompress(false);
  return c;
}

// `openssl s_client` against the server with these options; true when a handshake completed.
bool handshake(const ServerProcess& server, const std::vector<std::string>& options) {
  std::vector<std::string> argv{"/usr/bin/openssl", "s_client", "-connect", "127.0.0.1:" + std::to_string(server.port()),
                                "-CAfile", pki().ca};
  argv.insert(argv.end(), options.begin(), options.end());
  const auto r = run(argv, "");
  return r.exit_code == 0 && r.out.find("Cipher is (NONE)") == std::string::npos &&
         r.out.find("Cipher is ") != std::string::npos;
}

}  // namespace

TEST_CASE("control bytes in a request's method or path never make a line of their own in the log") {
  TempDir dir;
  const auto log = dir.file("server.log");
  ServerProcess server(dir.file("server.db"), pki(), log);
  server.start();
  const std::vector<std::string> requests = {
      "GET /v1/events\x1b[2J\x1b[31mred HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",  // raw ESC
      "GET /v1/%0d%0aPOST%20/v1/forged%20200%0a%1b[2J HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
      "G\x07" "ET /v1/events HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
      "GET /" + std::string(5000, 'a') + " HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
  };
  for (const auto& r : requests) raw_tls(server.port(), r);
  server.stop();
  const std::string text = read_file(log);
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t nl = text.find('\n'); nl != std::string::npos; start = nl + 1, nl = text.find('\n', start))
    lines.push_back(text.substr(start, nl - start));
  CHECK(start == text.size());  // the log ends with a whole line
  int request_lines = 0;
  for (const auto& line : lines) {
    CAPTURE(line);
    for (unsigned char c : line) CHECK((c >= 0x20 && c < 0x7f));
    CHECK(line.rfind("POST /v1/forged", 0) == std::string::npos);
    CHECK(line.size() < 300);
    if (line.find("/v1/") != std::string::npos || line.find("aaaa") != std::string::npos) ++request_lines;
  }
  CHECK(request_lines == 3);  // the bad method is refused before routing; the others are one line each
  CHECK(text.find("\\x1b[2J") != std::string::npos);
  CHECK(text.find("\\x0d\\x0aPOST /v1/forged") != std::string::npos);
}

TEST_CASE("a known path asked with a method it does not take is 405 with Allow and a JSON body") {
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  server.start();
  const auto client = client_for(server);
  auto del = client->Delete("/v1/events");
  REQUIRE(del);
  CHECK(del->status == 405);
  CHECK(del->get_header_value("Allow") == "GET, HEAD, POST");
  CHECK(Json::parse(del->body).at("error").at("code") == "method_not_allowed");
  auto put = client->Put("/v1/terminals/enrol", "{}", "application/json");
  REQUIRE(put);
  CHECK(put->status == 405);
  CHECK(put->get_header_value("Allow") == "POST");
  auto get = client->Get("/v1/terminals/enrol");
  REQUIRE(get);
  CHECK(get->status == 405);
  // The web view's paths too, patterns included.
  auto login = client->Delete("/login");
  REQUIRE(login);
  CHECK(login->status == 405);
  CHECK(login->get_header_value("Allow") == "GET, HEAD, POST");
  auto centre = client->Post("/centres/0190aaaa-0000-7000-8000-000000000001", "", "application/x-www-form-urlencoded");
  REQUIRE(centre);
  CHECK(centre->status == 405);
  CHECK(centre->get_header_value("Allow") == "GET, HEAD");
  auto unknown = client->Delete("/v1/nothing-here");
  REQUIRE(unknown);
  CHECK(unknown->status == 404);
  CHECK_FALSE(unknown->has_header("Allow"));
}

TEST_CASE("wrong join codes from one address are throttled; a terminal's sync from it is not") {
  TempDir dir;
  const auto log = dir.file("server.log");
  ServerProcess server(dir.file("server.db"), pki(), log);
  server.start();
  const auto client = client_for(server);
  // A terminal that joined before the guessing starts, behind the same address.
  const Json join{{"code", server.add_terminal("Gulv")}, {"terminal_id", "floor-1"}};
  auto joined = client->Post("/v1/terminals/enrol", join.dump(), "application/json");
  REQUIRE(joined);
  REQUIRE(joined->status == 200);
  const std::string bearer = "Bearer " + Json::parse(joined->body).at("token").get<std::string>();

  const std::string good_code = server.add_terminal("Gulv 2");
  auto enrol = [&](const std::string& code) {
    return client->Post("/v1/terminals/enrol", Json{{"code", code}, {"terminal_id", "guess"}}.dump(), "application/json");
  };
  for (int i = 0; i < 5; ++i) {
    auto r = enrol("WRONG-CODE-" + std::to_string(i));
    REQUIRE(r);
    CHECK(r->status == 403);
  }
  auto throttled = enrol("WRONG-CODE-5");
  REQUIRE(throttled);
  CHECK(throttled->status == 429);
  REQUIRE(throttled->has_header("Retry-After"));
  const int wait = std::stoi(throttled->get_header_value("Retry-After"));
  CHECK(wait > 0);
  CHECK(wait <= 15 * 60);
  CHECK(Json::parse(throttled->body).at("error").at("code") == "too_many_join_attempts");
  // Even the right code waits: guessing must not go on by mixing in a known one.
  auto right = enrol(good_code);
  REQUIRE(right);
  CHECK(right->status == 429);
  // The terminal that joined before syncs on, from the same address.
  for (int i = 0; i < 10; ++i) {
    auto pull = client->Get("/v1/events?after=0", {{"Authorization", bearer}});
    REQUIRE(pull);
    CHECK(pull->status == 200);
  }
  server.stop();
  CHECK(read_file(log).find("join attempts from 127.0.0.1 throttled after 5 wrong codes") != std::string::npos);
}

TEST_CASE("TLS: 1.3, and 1.2 only with ECDHE and AEAD; CBC, static RSA and TLS 1.1 are refused") {
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  server.start();
  CHECK(handshake(server, {"-tls1_3"}));
  CHECK(handshake(server, {"-tls1_2", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256"}));
  CHECK(handshake(server, {"-tls1_2", "-cipher", "ECDHE-RSA-CHACHA20-POLY1305"}));
  CHECK_FALSE(handshake(server, {"-tls1_2", "-cipher", "ECDHE-RSA-AES128-SHA"}));  // CBC
  CHECK_FALSE(handshake(server, {"-tls1_2", "-cipher", "ECDHE-RSA-AES256-SHA384"}));  // CBC
  CHECK_FALSE(handshake(server, {"-tls1_2", "-cipher", "AES128-GCM-SHA256"}));  // static RSA: no forward secrecy
  CHECK_FALSE(handshake(server, {"-tls1_2", "-cipher", "DHE-RSA-AES128-GCM-SHA256"}));
  CHECK_FALSE(handshake(server, {"-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0"}));
}

TEST_CASE("the enrol reply, which carries the terminal's token, is never compressed") {
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  server.start();
  const auto client = client_for(server);
  const Json join{{"code", server.add_terminal("Gulv")}, {"terminal_id", "floor-1"}};
  auto joined = client->Post("/v1/terminals/enrol", {{"Accept-Encoding", "gzip, deflate, br"}}, join.dump(),
                            "application/json");
  REQUIRE(joined);
  REQUIRE(joined->status == 200);
  CHECK_FALSE(joined->has_header("Content-Encoding"));
  CHECK(Json::parse(joined->body).at("token").get<std::string>().size() > 20);
}
