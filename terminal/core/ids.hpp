// Identifiers: UUIDv7 (RFC 9562) — a 48-bit millisecond timestamp then random
// bits — so ids sort roughly by creation time and never need coordination.
// The caller supplies time and randomness; the core does no I/O.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace ft {

std::string uuid_v7(std::int64_t unix_ms, const std::array<std::uint8_t, 10>& random);
bool is_uuid(std::string_view text);  // canonical lowercase 8-4-4-4-12 form

}  // namespace ft
