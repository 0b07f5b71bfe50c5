// Secrets of the reference server: bearer tokens and one-time join codes,
// made from OpenSSL's CSPRNG and kept only as SHA-256 hashes, so a copy of
// the server database does not let anyone act as a terminal.
#pragma once
#include <cstdint>
#include <string>

namespace ft::server {

std::string random_token();                  // 32 random bytes as 64 hex digits
std::string new_join_code();                 // "ABCD-EFGH-JKLM": 60 bits, no 0/O/1/I
std::string normalise_code(const std::string& typed);  // upper case, dashes and spaces dropped
std::string sha256_hex(const std::string& text);
std::string new_event_id(std::int64_t now_ms);  // UUIDv7

}  // namespace ft::server
