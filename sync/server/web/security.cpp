// Headers and cookies of the web view; see security.hpp.
#include "sync/server/web/security.hpp"

#include <httplib.h>
#include <openssl/crypto.h>

namespace ft::server::web {

void set_security_headers(httplib::Response& res) {
  res.set_header("Content-Security-Policy",
                 "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                 "frame-ancestors 'none'; base-uri 'none'");
  res.set_header("Strict-Transport-Security", "max-age=31536000");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("X-Frame-Options", "DENY");  // for browsers older than frame-ancestors
  // Every page but the stylesheet names persons or is about a session: none is stored.
  res.set_header("Cache-Control", "no-store");
}

std::optional<std::string> cookie(const httplib::Request& req, const std::string& name) {
  const std::string header = req.get_header_value("Cookie");
  size_t pos = 0;
  while (pos < header.size()) {
    size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string part = header.substr(pos, end - pos);
    const size_t first = part.find_first_not_of(' ');
    part = first == std::string::npos ? "" : part.substr(first);
    const size_t eq = part.find('=');
    if (eq != std::string::npos && part.compare(0, eq, name) == 0 && eq == name.size()) return part.substr(eq + 1);
    pos = end + 1;
  }
  return std::nullopt;
}

std::string cookie_header(const std::string& name, const std::string& value, int max_age_s) {
  std::string h = name + "=" + value + "; Path=/; Secure; HttpOnly; SameSite=Strict";
  if (max_age_s >= 0) h += "; Max-Age=" + std::to_string(max_age_s);
  return h;
}

std::string expired_cookie_header(const std::string& name) { return cookie_header(name, "", 0); }

bool same_secret(const std::string& a, const std::string& b) {
  return !a.empty() && a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace ft::server::web
