#!/usr/bin/env bash
# The systemd units stay hardened: `systemd-analyze security --offline=true`
# rates each, and a unit whose exposure rises above its ceiling fails (the
# server 2.0, the kiosk 4.5: it needs its display, input and sound devices).
# Usage: systemd_test.sh SOURCE_DIR
set -euo pipefail
src=$1
fail=0
check() {
  local unit=$1 ceiling=$2 out score
  out=$(systemd-analyze security --offline=true --no-pager "$unit" 2>&1) || true
  score=$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p' <<<"$out")
  if [ -z "$score" ]; then
    echo "FAIL: systemd-analyze gave no score for $unit:"; echo "$out"; fail=1; return
  fi
  if awk -v s="$score" -v c="$ceiling" 'BEGIN { exit !(s <= c) }'; then
    echo "ok: $(basename "$unit") exposure $score (ceiling $ceiling)"
  else
    echo "FAIL: $(basename "$unit") exposure $score is above $ceiling; what it still allows:"
    grep '✗' <<<"$out" || true
    fail=1
  fi
}
check "$src/sync/server/sync-server.service" 2.0
check "$src/terminal/deploy/floor-terminal-kiosk.service" 4.5
exit $fail
