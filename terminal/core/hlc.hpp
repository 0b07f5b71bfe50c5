// Hybrid logical clock (Kulkarni et al.): physical milliseconds in the high
// bits, a counter in the low 16, packed in one int64 that orders like time.
// It never goes backwards, also when the wall clock does, and a remote stamp
// far in the future is not adopted (it cannot drag our clock or win
// last-writer-wins comparisons later).
#pragma once
#include <cstdint>

namespace ft {

using Hlc = std::int64_t;

constexpr std::int64_t hlc_wall_ms(Hlc h) { return h >> 16; }
constexpr Hlc make_hlc(std::int64_t wall_ms, std::uint32_t counter) {
  return (wall_ms << 16) | (counter & 0xffff);
}

// Furthest ahead of local time a remote stamp may be and still move the clock.
constexpr std::int64_t kMaxClockSkewMs = 5 * 60 * 1000;

// The next stamp for a local event, strictly greater than `last`.
Hlc hlc_tick(Hlc last, std::int64_t now_ms);
// Merge a remote stamp into `last`; remote stamps beyond now + kMaxClockSkewMs are ignored.
Hlc hlc_receive(Hlc last, Hlc remote, std::int64_t now_ms);

}  // namespace ft
