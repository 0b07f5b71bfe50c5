// Tokens, join codes and hashes for the reference server; see secrets.hpp.
#include "sync/server/secrets.hpp"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <stdexcept>

#include "terminal/core/ids.hpp"

namespace ft::server {

namespace {
void random_bytes(unsigned char* out, int n) {
  if (RAND_bytes(out, n) != 1) throw std::runtime_error("the system's random generator failed");
}
const char* const kHex = "0123456789abcdef";
// 32 symbols without look-alikes, so a code read aloud over the phone survives.
const char* const kCodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
}  // namespace

std::string random_token() {
  unsigned char b[32];
  random_bytes(b, sizeof b);
  std::string s;
  for (unsigned char c : b) {
    s += kHex[c >> 4];
    s += kHex[c & 15];
  }
  return s;
}

std::string new_join_code() {
  unsigned char b[12];
  random_bytes(b, sizeof b);
  std::string s;
  for (int i = 0; i < 12; ++i) {
    if (i && i % 4 == 0) s += '-';
    s += kCodeAlphabet[b[i] & 31];
  }
  return s;
}

std::string normalise_code(const std::string& typed) {
  std::string s;
  for (char c : typed) {
    if (c == '-' || c == ' ') continue;
    s += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return s;
}

std::string sha256_hex(const std::string& text) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(text.data(), text.size(), md, &len, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 failed");
  std::string s;
  for (unsigned int i = 0; i < len; ++i) {
    s += kHex[md[i] >> 4];
    s += kHex[md[i] & 15];
  }
  return s;
}

std::string new_event_id(std::int64_t now_ms) {
  std::array<std::uint8_t, 10> r{};
  random_bytes(r.data(), static_cast<int>(r.size()));
  return uuid_v7(now_ms, r);
}

}  // namespace ft::server
