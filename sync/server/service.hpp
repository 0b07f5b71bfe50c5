// The reference server's HTTPS endpoints (sync/PROTOCOL.md): enrolment,
// push and pull, each request authenticated per terminal by its bearer
// token, bodies size-limited, every error a JSON body with a code and a
// sentence. serve() runs them on cpp-httplib's SSLServer until SIGINT/SIGTERM.
#pragma once
#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "sync/server/known_paths.hpp"
#include "sync/server/server_store.hpp"
#include "sync/server/web/web_view.hpp"

namespace httplib {
class Server;
}

namespace ft::server {

// Installs the sync routes on `server`; `now_ms` is the server's clock.
// Returns the table of known paths: routes added to it later (the web view's)
// are answered 405 with Allow for a method they do not take, as these are.
std::shared_ptr<KnownPaths> install_routes(httplib::Server& server, ServerStore& store,
                                           std::function<std::int64_t()> now_ms);

struct ServeOptions {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8443;  // 0: any free port (printed on the "listening" line)
  std::string cert_file;
  std::string key_file;
  int threads = 64;         // requests served at once (one per kept-alive connection)
  int db_connections = 8;   // PostgreSQL connections per process (SQLite keeps one)
  std::string first_centre_name = "Centre 1";  // for a single-centre database upgraded on start
  bool reuse_port = false;  // share the port with other processes on purpose (SO_REUSEPORT)
  web::WebOptions web;      // the town hall's view on the same listener (docs/web.md)
};

// Prints "listening on https://HOST:PORT" on `out` once it accepts connections.
int serve(const ServeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace ft::server
