#!/usr/bin/env bash
# Both programs are built hardened: hardening-check (devscripts) must answer
# "yes" for PIE, stack protector, fortified functions, read-only relocations
# and immediate binding. Registered only for hardened, optimised builds
# (FT_HARDEN on, no sanitizer, not Debug: _FORTIFY_SOURCE needs the optimiser).
# Usage: hardening_test.sh BINARY...
set -euo pipefail
fail=0
for bin in "$@"; do
  out=$(hardening-check "$bin" 2>&1) || true
  for feature in "Position Independent Executable" "Stack protected" "Fortify Source functions" \
                 "Read-only relocations" "Immediate binding"; do
    line=$(grep -F " $feature:" <<<"$out" || true)
    if [[ $line == *": yes"* ]]; then
      echo "ok: $(basename "$bin"): $line"
    else
      echo "FAIL: $(basename "$bin"):${line:- no line for $feature}"
      fail=1
    fi
  done
done
exit $fail
