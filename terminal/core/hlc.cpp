#include "terminal/core/hlc.hpp"

namespace ft {

Hlc hlc_tick(Hlc last, std::int64_t now_ms) {
  const Hlc physical = make_hlc(now_ms, 0);
  return physical > last ? physical : last + 1;
}

Hlc hlc_receive(Hlc last, Hlc remote, std::int64_t now_ms) {
  if (hlc_wall_ms(remote) > now_ms + kMaxClockSkewMs) return last;
  return remote > last ? remote : last;
}

}  // namespace ft
