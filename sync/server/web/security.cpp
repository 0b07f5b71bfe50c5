// Headers and cookies of the web view; see security.hpp.
#include "sync/server/web/security.hpp"

#include <httplib.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <stdexcept>

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

namespace {
const char* const kHex = "0123456789abcdef";

std::string hex(const std::string& bytes) {
  std::string out;
  for (unsigned char c : bytes) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

std::optional<std::string> unhex(const std::string& text) {
  if (text.size() % 2) return std::nullopt;
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  std::string out;
  for (size_t i = 0; i < text.size(); i += 2) {
    const int hi = digit(text[i]), lo = digit(text[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
  }
  return out;
}
}  // namespace

std::string mask_secret(const std::string& secret) {
  std::string pad(secret.size(), '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(pad.data()), static_cast<int>(pad.size())) != 1)
    throw std::runtime_error("the system's random generator failed");
  std::string masked = secret;
  for (size_t i = 0; i < masked.size(); ++i) masked[i] = static_cast<char>(masked[i] ^ pad[i]);
  return hex(pad) + hex(masked);
}

bool masked_secret_matches(const std::string& secret, const std::string& masked) {
  const auto bytes = unhex(masked);
  if (!bytes || bytes->size() != 2 * secret.size()) return false;
  std::string token(secret.size(), '\0');
  for (size_t i = 0; i < secret.size(); ++i) token[i] = static_cast<char>((*bytes)[i] ^ (*bytes)[secret.size() + i]);
  return same_secret(secret, token);
}

}  // namespace ft::server::web
