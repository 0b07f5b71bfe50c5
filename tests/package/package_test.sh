#!/usr/bin/env bash
# The two Debian packages, floor-terminal (the kiosk) and floor-sync-server:
# built with cpack from the build folder, their files and dependencies
# checked, lintian clean (0 errors, 0 warnings), the server's dependency
# closure free of X, OpenGL, fonts and ImGui, and each package unpacked alone
# in a temporary root and its program run from there.
# Usage: package_test.sh BUILD_DIR
set -euo pipefail
# Matches read here-strings, never pipes: under pipefail, grep -q leaving at its
# first match makes the writer die of SIGPIPE and the check fail at random.
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack failed"; }
kiosk=$(ls "$work"/out/floor-terminal_*.deb 2>/dev/null || true)
server=$(ls "$work"/out/floor-sync-server_*.deb 2>/dev/null || true)
[ -f "$kiosk" ] || fail "no floor-terminal .deb: $(ls "$work/out")"
[ -f "$server" ] || fail "no floor-sync-server .deb: $(ls "$work/out")"

files_of() { dpkg-deb -c "$1" | awk '{print $6}' | sed 's|^\./|/|'; }
has_files() {
  local deb=$1 list; shift
  list=$(files_of "$deb")
  for f in "$@"; do grep -qx "$f" <<<"$list" || fail "$(basename "$deb") lacks $f"; done
}
lacks_files() {
  local deb=$1 list; shift
  list=$(files_of "$deb")
  for f in "$@"; do ! grep -qx "$f" <<<"$list" || fail "$(basename "$deb") should not hold $f"; done
}
has_files "$kiosk" /usr/bin/floor-terminal /usr/share/man/man1/floor-terminal.1.gz \
  /usr/share/floor-terminal/skills.json /usr/share/floor-terminal/i18n/da.json /usr/share/floor-terminal/i18n/en.json \
  /usr/lib/systemd/system/floor-terminal-kiosk.service /usr/share/doc/floor-terminal/config.toml.example \
  /usr/share/doc/floor-terminal/copyright /usr/share/doc/floor-terminal/changelog.Debian.gz
lacks_files "$kiosk" /usr/bin/sync-server /usr/lib/systemd/system/sync-server.service
has_files "$server" /usr/bin/sync-server /usr/share/man/man1/sync-server.1.gz /usr/lib/systemd/system/sync-server.service \
  /usr/share/floor-sync-server/skills.json /usr/share/floor-sync-server/i18n/da.json \
  /usr/share/doc/floor-sync-server/copyright /usr/share/doc/floor-sync-server/changelog.Debian.gz
lacks_files "$server" /usr/bin/floor-terminal /usr/share/floor-terminal/skills.json

kiosk_depends=$(dpkg-deb -f "$kiosk" Depends)
server_depends=$(dpkg-deb -f "$server" Depends)
for dep in libsqlite3 libcurl libcairo2 libsodium libglfw fonts-noto-core adduser; do
  grep -q "$dep" <<<"$kiosk_depends" || fail "floor-terminal's Depends lacks $dep: $kiosk_depends"
done
for dep in libsqlite3 libssl3 libcpp-httplib libsodium; do
  grep -q "$dep" <<<"$server_depends" || fail "floor-sync-server's Depends lacks $dep: $server_depends"
done
# A municipal server pulls in nothing of the kiosk's display.
display_packages='^(libx11|libxcb|libxext|libxrender|libgl|libegl|libopengl|libglfw|libglvnd|libwayland|libdrm|mesa|libimgui|libstb|libfreetype|libfontconfig|libcairo|fonts-|xserver|xwayland|cage)'
display_in() { tr ',' '\n' <<<"$1" | sed 's/^ *//; s/[ (].*//' | grep -E "$display_packages" || true; }
[ -z "$(display_in "$server_depends")" ] || fail "floor-sync-server depends on $(display_in "$server_depends")"
dpkg-deb -e "$kiosk" "$work/kiosk-control"
[ -x "$work/kiosk-control/postinst" ] || fail "floor-terminal has no postinst"

# What each package brings onto a bare Debian: apt resolves its whole
# dependency closure as if nothing were installed (an empty dpkg status), and
# changes nothing on this machine.
if [ -n "$(apt-cache policy libc6 | sed -n 's/ *Candidate: //p' | grep -v none || true)" ]; then
  : >"$work/empty-status"
  closure() {
    apt-get -s -o Dir::State::status="$work/empty-status" --no-install-recommends install "$1" 2>&1 \
      | awk '/^Inst /{print $2}'
  }
  server_closure=$(closure "$server")
  grep -qx floor-sync-server <<<"$server_closure" || fail "apt cannot install floor-sync-server alone: $server_closure"
  pulled=$(grep -E "$display_packages" <<<"$server_closure" || true)
  [ -z "$pulled" ] || fail "installing floor-sync-server alone pulls in: $(tr '\n' ' ' <<<"$pulled")"
  kiosk_closure=$(closure "$kiosk")
  grep -qx floor-terminal <<<"$kiosk_closure" || fail "apt cannot install floor-terminal alone: $kiosk_closure"
  echo "closure: floor-sync-server $(wc -l <<<"$server_closure") packages, floor-terminal $(wc -l <<<"$kiosk_closure")"
else
  echo "closure: SKIPPED, apt has no package lists here (apt-get update)"
fi

# lintian: 0 errors, 0 warnings (informational tags are allowed).
lintian --tag-display-limit 0 "$kiosk" "$server" >"$work/lintian.log" 2>&1 || true
if grep -E '^[EW]: ' "$work/lintian.log"; then fail "lintian has errors or warnings (above)"; fi

# Each package alone in its own root, its program run outside the source and build trees.
dpkg-deb -x "$kiosk" "$work/kiosk-root"
dpkg-deb -x "$server" "$work/server-root"
cd "$work"
env -u FLOOR_TERMINAL_ASSETS "$work/kiosk-root/usr/bin/floor-terminal" seed-demo --db "$work/demo.db" >/dev/null \
  || fail "the installed floor-terminal could not seed the demo centre"
out=$(env -u FLOOR_TERMINAL_ASSETS "$work/kiosk-root/usr/bin/floor-terminal" status --db "$work/demo.db" --json)
grep -q '"in_centre": 15' <<<"$out" || fail "status of the installed binary: $out"
server_out=$("$work/server-root/usr/bin/sync-server" status --db "$work/server.db" --json)
grep -q '"events": 0' <<<"$server_out" || fail "the installed sync-server does not answer status"
libs=$(ldd "$work/server-root/usr/bin/sync-server")
! grep -Eq 'libX11|libGL|libOpenGL|libglfw|libfreetype' <<<"$libs" || fail "sync-server loads display libraries: $libs"

# The manual pages are the programs' --help: every option of today's usage is on the page.
for pair in floor-terminal:kiosk-root sync-server:server-root; do
  prog=${pair%%:*} root=$work/${pair#*:}
  page=$(LC_ALL=C MANWIDTH=300 man -l "$root/usr/share/man/man1/$prog.1.gz" 2>/dev/null | sed 's/[‐−]/-/g')
  help=$("$root/usr/bin/$prog" --help)
  while read -r word; do
    grep -qF -- "$word" <<<"$page" || fail "the manual page of $prog lacks $word, which --help shows"
  done < <(grep -oE -- '--[a-z][a-z-]*' <<<"$help" | sort -u)
done
echo "package ok: floor-terminal Depends: $kiosk_depends"
echo "package ok: floor-sync-server Depends: $server_depends"
