// The reference server's HTTPS endpoints; see service.hpp and sync/PROTOCOL.md.
//
// Sections: replies and authentication · enrol · push · pull · TLS and serving.
#include "sync/server/service.hpp"

#include <openssl/ssl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <iostream>
#include <memory>
#include <thread>

#include <httplib.h>

#include "sync/protocol/limits.hpp"
#include "sync/protocol/messages.hpp"
#include "sync/protocol/tls.hpp"
#include "sync/server/join_throttle.hpp"
#include "sync/server/json_reply.hpp"
#include "sync/server/known_paths.hpp"
#include "sync/server/log_line.hpp"
#include "sync/server/pull_frames.hpp"
#include "sync/server/secrets.hpp"
#include "terminal/app/assets.hpp"

namespace ft::server {

namespace {

constexpr int kJoinAttempts = 5;                        // wrong join codes per address ...
constexpr std::int64_t kJoinWindowMs = 15 * 60 * 1000;  // ... within 15 minutes, then 429

// With the charset named, cpp-httplib leaves the body uncompressed (it
// compresses only the bare type): the enrol reply carries the terminal's
// token, and a secret must not share a compressed body with text a client
// chose (BREACH). Pull pages, which carry no secret, are gzipped by
// set_json_reply.
constexpr const char* kJson = "application/json; charset=utf-8";

// ---- replies and authentication ---------------------------------------------------

void reply_error(httplib::Response& res, int status, const std::string& code, const std::string& message) {
  res.status = status;
  res.set_content(sync::encode_error(code, message), kJson);
}

// The terminal (and so its centre) behind the request's bearer token, or a 401 reply.
std::optional<TerminalIdentity> authenticated(ServerStore& store, const httplib::Request& req,
                                              httplib::Response& res) {
  const std::string header = req.get_header_value("Authorization");
  const std::string prefix = "Bearer ";
  std::optional<TerminalIdentity> terminal;
  if (header.size() > prefix.size() && header.compare(0, prefix.size(), prefix) == 0)
    terminal = store.authenticate(header.substr(prefix.size()));
  if (!terminal) {
    res.set_header("WWW-Authenticate", "Bearer");
    reply_error(res, 401, "unauthorized", "The token is missing, unknown or replaced; join the terminal again.");
  }
  return terminal;
}

bool key_shape_ok(const std::string& key) {
  if (key.empty() || key.size() > sync::kMaxIdempotencyKeyChars) return false;
  for (char c : key)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
      return false;
  return true;
}

// A non-negative decimal without sign or spaces, at most 18 digits.
std::optional<std::int64_t> parse_count(const std::string& text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

// ---- enrol ------------------------------------------------------------------------

void handle_enrol(ServerStore& store, JoinThrottle& throttle, std::int64_t now, const httplib::Request& req,
                  httplib::Response& res) {
  if (auto wait = throttle.wait_seconds(req.remote_addr, now)) {
    res.set_header("Retry-After", std::to_string(*wait));
    return reply_error(res, 429, "too_many_join_attempts",
                       "Too many wrong join codes from this address; wait " + std::to_string(*wait) +
                           " seconds, then type the code again.");
  }
  std::string why;
  auto request = sync::decode_enrol_request(req.body, why);
  if (!request) return reply_error(res, 400, "bad_request", "The enrolment request is invalid: " + why + ".");
  EnrolRefusal refusal = EnrolRefusal::None;
  auto enrolment = store.enrol(request->code, request->terminal_id, now, refusal);
  if (refusal == EnrolRefusal::OtherCentre)
    return reply_error(res, 403, "join_code_other_centre",
                       "This terminal belongs to another centre, and a join code cannot move it with its data; "
                       "use a code for its own centre, or set the terminal up anew with an empty database.");
  if (!enrolment) {
    if (throttle.failed(req.remote_addr, now))
      std::cerr << "join attempts from " << printable(req.remote_addr) << " throttled after " << kJoinAttempts
                << " wrong codes\n";
    return reply_error(res, 403, "join_code_invalid",
                       "The join code is unknown, already used or expired; ask for a new one (sync-server add-terminal).");
  }
  std::cerr << "enrolled terminal " << printable(request->terminal_id) << " in centre " << enrolment->centre.id << "\n";
  sync::EnrolReply reply{enrolment->token, request->terminal_id, enrolment->terminal_name, now};
  reply.centre_id = enrolment->centre.id;
  reply.centre_name = enrolment->centre.name;
  res.set_content(sync::encode(reply), kJson);
}

// ---- push -------------------------------------------------------------------------

void handle_push(ServerStore& store, std::int64_t now, const httplib::Request& req, httplib::Response& res) {
  auto terminal = authenticated(store, req, res);
  if (!terminal) return;
  const std::string key = req.get_header_value("Idempotency-Key");
  if (!key_shape_ok(key))
    return reply_error(res, 400, "bad_request",
                       "The Idempotency-Key header is missing or not 1 to 64 letters, digits, '-' or '_'.");
  std::string why;
  auto items = sync::decode_push_request(req.body, why);
  if (!items) return reply_error(res, 400, "bad_request", "The push body is invalid: " + why + ".");
  auto outcome = store.push(*terminal, key, sha256_hex(req.body), *items, now);
  if (outcome.key_conflict)
    return reply_error(res, 422, "idempotency_key_reused",
                       "This Idempotency-Key was used before for a different batch; use a fresh key.");
  res.set_content(outcome.reply, kJson);
}

// ---- pull -------------------------------------------------------------------------

void handle_pull(ServerStore& store, std::int64_t now, const httplib::Request& req, httplib::Response& res) {
  auto terminal = authenticated(store, req, res);
  if (!terminal) return;
  auto after = req.has_param("after") ? parse_count(req.get_param_value("after")) : std::nullopt;
  std::optional<std::int64_t> limit = sync::kPullPageEvents;
  if (req.has_param("limit")) limit = parse_count(req.get_param_value("limit"));
  if (!after || !limit || *limit < 1 || *limit > sync::kMaxPullLimit)
    return reply_error(res, 400, "bad_request",
                       "The query needs after=<seq> (0 or more) and optionally limit=1.." +
                           std::to_string(sync::kMaxPullLimit) + ".");
  // A terminal that takes zstd gets the page as frames shared with its centre's other terminals.
  const bool zstd = accepts_coding(req.get_header_value("Accept-Encoding"), "zstd");
  auto page = store.pull(*terminal, *after, static_cast<int>(*limit), zstd);
  if (page.cursor_ahead)
    return reply_error(res, 409, "cursor_ahead",
                       "The terminal's cursor is beyond this server's log; the server was restored from an older copy.");
  if (zstd)
    return set_encoded_json_reply(res, zstd_pull_reply(page.pieces, page.next, page.more, page.high_seq, now), "zstd");
  set_json_reply(req, res, sync::encode_pull_reply(page.event_texts, page.next, page.more, page.high_seq, now));
}

// Runs a handler with the server's clock; a database fault is a 503 the terminal retries.
using TimedHandler = std::function<void(std::int64_t, const httplib::Request&, httplib::Response&)>;
httplib::Server::Handler guarded(std::function<std::int64_t()> now_ms, TimedHandler handler) {
  return [now_ms, handler](const httplib::Request& req, httplib::Response& res) {
    try {
      handler(now_ms(), req, res);
    } catch (const SqlError& e) {
      std::cerr << "database fault: " << e.what() << "\n";
      res.set_header("Retry-After", "5");
      reply_error(res, 503, "unavailable", "The server's database is busy or failing; try again later.");
    }
  };
}

}  // namespace

std::shared_ptr<KnownPaths> install_routes(httplib::Server& server, ServerStore& store,
                                           std::function<std::int64_t()> now_ms) {
  server.set_payload_max_length(sync::kMaxRequestBytes);
  auto paths = std::make_shared<KnownPaths>();
  auto throttle = std::make_shared<JoinThrottle>(kJoinAttempts, kJoinWindowMs);
  auto with_store = [&store](void (*handler)(ServerStore&, std::int64_t, const httplib::Request&, httplib::Response&)) {
    return [&store, handler](std::int64_t now, const httplib::Request& req, httplib::Response& res) {
      handler(store, now, req, res);
    };
  };
  paths->add(server, "POST", "/v1/terminals/enrol",
             guarded(now_ms, [&store, throttle](std::int64_t now, const httplib::Request& req, httplib::Response& res) {
               handle_enrol(store, *throttle, now, req, res);
             }));
  paths->add(server, "POST", "/v1/events", guarded(now_ms, with_store(handle_push)));
  paths->add(server, "GET", "/v1/events", guarded(now_ms, with_store(handle_pull)));
  // Replies that cpp-httplib makes itself (404, 413, ...) get an error body too.
  server.set_error_handler([paths](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    const int s = res.status;
    if (s == 404) {
      // A path we serve, asked with a method it does not take (RFC 9110 15.5.6).
      if (auto allow = paths->allowed(req.path)) {
        res.set_header("Allow", *allow);
        return reply_error(res, 405, "method_not_allowed", "This endpoint takes " + *allow + " only.");
      }
      reply_error(res, 404, "not_found", "There is no such endpoint.");
    } else if (s == 413) {
      reply_error(res, 413, "too_large", "The request body is larger than the server accepts.");
    } else {
      reply_error(res, s, "bad_request", "The request could not be handled.");
    }
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    reply_error(res, 500, "internal", "The server failed while handling the request.");
  });
  server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    // No bodies, no tokens, no query (it may name a person); one request, one printable line.
    // "tls-resumed": the connection resumed a TLS session (a cheaper handshake), as terminals do.
    std::cerr << printable(req.method, 16) << " " << printable(req.path) << " " << res.status
              << (req.ssl && SSL_session_reused(const_cast<SSL*>(req.ssl)) ? " tls-resumed" : "") << "\n";
  });
  return paths;
}

// ---- TLS and serving --------------------------------------------------------------

int serve(const ServeOptions& options, std::ostream& out, std::ostream& err) {
  std::string error;
  auto store = ServerStore::open(options.db, error, options.db_connections, options.first_centre_name);
  if (!store) {
    err << error << "\n";
    return 1;
  }
  // The web view reads the catalogue and the texts the kiosk reads.
  const std::string assets = find_assets_dir();
  auto catalogue = load_catalogue(assets, error);
  auto texts = catalogue ? web::WebTexts::load(assets, error) : nullptr;
  if (!texts) {
    err << error << "\n";
    return 1;
  }
  std::string tls_error;
  httplib::SSLServer server([&](SSL_CTX& ctx) {
    SSL_CTX_set_min_proto_version(&ctx, TLS1_2_VERSION);
    SSL_CTX_set_options(&ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION);
    if (SSL_CTX_set_cipher_list(&ctx, sync::kTls12Ciphers) != 1) {
      tls_error = "OpenSSL offers none of the TLS 1.2 ciphers the server is limited to.";
      return false;
    }
    if (SSL_CTX_use_certificate_chain_file(&ctx, options.cert_file.c_str()) != 1) {
      tls_error = "cannot read the certificate " + options.cert_file + " (PEM expected).";
      return false;
    }
    if (SSL_CTX_use_PrivateKey_file(&ctx, options.key_file.c_str(), SSL_FILETYPE_PEM) != 1 ||
        SSL_CTX_check_private_key(&ctx) != 1) {
      tls_error = "cannot read the private key " + options.key_file + ", or it does not match the certificate.";
      return false;
    }
    return true;
  });
  if (!server.is_valid()) {
    err << (tls_error.empty() ? std::string("TLS could not be set up.") : tls_error) << "\n";
    return 1;
  }
  auto wall_ms = [] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
  auto paths = install_routes(server, *store, wall_ms);
  web::WebView web_view{*store, *catalogue, *texts, options.web, wall_ms};
  web::install_web_routes(server, *paths, web_view);
  // Access-log rows past their time go at start, and then at every login (web/login.cpp).
  store->with_db([&](SqlDb& db) { web::prune_access_log(db, wall_ms(), options.web.access_log_days); });
  server.set_read_timeout(10, 0);
  server.set_write_timeout(10, 0);
  server.set_keep_alive_timeout(5);
  server.set_tcp_nodelay(true);  // small replies (acknowledgements) go out at once, not after a delayed ACK
  server.set_keep_alive_max_count(1000);
  // cpp-httplib serves each connection on one pool thread for as long as it is
  // kept alive: the pool is sized for every terminal of a municipality syncing
  // at once (docs/performance.md, server_many_terminals).
  const int threads = options.threads;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };

  // One server per port. cpp-httplib's default sets SO_REUSEPORT, with which a
  // second server on a port in use starts silently and takes part of the
  // connections: terminals split between two processes and two databases.
  // SO_REUSEADDR only lets a restart bind while old connections linger.
  int listening_socket = -1;
  server.set_socket_options([reuse_port = options.reuse_port, &listening_socket](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (reuse_port) setsockopt(sock, SOL_SOCKET, SO_REUSEPORT, &yes, sizeof yes);
    listening_socket = sock;
  });
  int port = options.port;
  errno = 0;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
    if (port <= 0) port = -1;
  } else if (!server.bind_to_port(options.host, port)) {
    port = -1;
  }
  // Debian's cpp-httplib is built with a listen backlog of 5: when a
  // municipality's terminals come back together (after a network outage, at
  // 7:30), the kernel drops all but 5 waiting connections and each dropped
  // terminal waits a second or more for its SYN to be sent again
  // (TcpExtListenOverflows). Listening again on the same socket raises the
  // backlog (Linux updates it in place) to the system's limit.
  if (port > 0 && listening_socket >= 0 && ::listen(listening_socket, SOMAXCONN) != 0)
    err << "warning: could not raise the listen backlog; many terminals connecting at once may wait.\n";
  if (port < 0) {
    if (errno == EADDRINUSE)
      err << "cannot listen on " << options.host << ":" << options.port
          << ": another process already listens there (a second sync-server?). Stop it or choose another port; "
             "--reuse-port shares the port on purpose.\n";
    else
      err << "cannot listen on " << options.host << ":" << options.port
          << " (in use, or not an address of this machine).\n";
    return 1;
  }

  // SIGINT/SIGTERM stop the server from a thread of our own: stop() is not async-signal-safe.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);
  std::atomic<bool> stopping{false};
  std::thread stopper([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    stopping = true;
    server.stop();
  });

  out << "listening on https://" << options.host << ":" << port << std::endl;
  const bool ok = server.listen_after_bind();
  // Wake the stopper if the server ended for another reason.
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  if (!ok && !stopping) {
    err << "the server stopped because of a socket error.\n";
    return 1;
  }
  return 0;
}

}  // namespace ft::server
