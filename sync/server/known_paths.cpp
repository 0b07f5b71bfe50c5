#include "sync/server/known_paths.hpp"

#include <algorithm>
#include <stdexcept>

namespace ft::server {

void KnownPaths::add(httplib::Server& server, const std::string& method, const std::string& pattern,
                     httplib::Server::Handler handler) {
  if (method == "GET") server.Get(pattern, std::move(handler));
  else if (method == "POST") server.Post(pattern, std::move(handler));
  else if (method == "PUT") server.Put(pattern, std::move(handler));
  else if (method == "DELETE") server.Delete(pattern, std::move(handler));
  else throw std::logic_error("KnownPaths: no route method " + method);
  auto it = std::find_if(routes_.begin(), routes_.end(), [&](const Route& r) { return r.pattern == pattern; });
  if (it == routes_.end()) it = routes_.insert(routes_.end(), Route{pattern, std::regex(pattern), {}});
  it->methods.push_back(method);
  if (method == "GET") it->methods.push_back("HEAD");  // cpp-httplib answers HEAD from the GET route
}

std::optional<std::string> KnownPaths::allowed(const std::string& path) const {
  std::vector<std::string> methods;
  for (const auto& r : routes_)
    if (std::regex_match(path, r.regex)) methods.insert(methods.end(), r.methods.begin(), r.methods.end());
  if (methods.empty()) return std::nullopt;
  std::sort(methods.begin(), methods.end());
  methods.erase(std::unique(methods.begin(), methods.end()), methods.end());
  std::string out;
  for (const auto& m : methods) out += (out.empty() ? "" : ", ") + m;
  return out;
}

}  // namespace ft::server
