// The paths the server serves and the methods each takes, kept as the routes
// are installed, so that a known path asked with another method is answered
// 405 with an Allow header (RFC 9110) rather than a 404 that hides it.
#pragma once
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include <httplib.h>

namespace ft::server {

class KnownPaths {
 public:
  // Installs `handler` for `method` (GET, POST, PUT, DELETE) on `pattern`, a
  // cpp-httplib route (a regular expression matched against the whole path).
  void add(httplib::Server& server, const std::string& method, const std::string& pattern,
           httplib::Server::Handler handler);
  // "GET, HEAD, POST" for a path some route matches; nullopt otherwise.
  std::optional<std::string> allowed(const std::string& path) const;

 private:
  struct Route {
    std::string pattern;
    std::regex regex;
    std::vector<std::string> methods;
  };
  std::vector<Route> routes_;
};

}  // namespace ft::server
