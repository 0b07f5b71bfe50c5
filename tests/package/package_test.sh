#!/usr/bin/env bash
# Builds the .deb from the build folder, checks what it holds, unpacks it in a
# temporary root and runs the installed floor-terminal from there.
set -euo pipefail
# Matches read here-strings, never pipes: under pipefail, grep -q leaving at its
# first match makes the writer die of SIGPIPE and the check fail at random.
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack failed"; }
deb=$(ls "$work"/out/*.deb | head -1)
[ -f "$deb" ] || fail "no .deb produced"

dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$work/files"
for f in /usr/bin/floor-terminal /usr/bin/sync-server \
         /usr/share/floor-terminal/skills.json /usr/share/floor-terminal/i18n/da.json /usr/share/floor-terminal/i18n/en.json \
         /usr/lib/systemd/system/floor-terminal-kiosk.service /usr/lib/systemd/system/sync-server.service \
         /usr/share/doc/floor-terminal/config.toml.example; do
  grep -qx "$f" "$work/files" || fail "the package lacks $f"
done

depends=$(dpkg-deb -f "$deb" Depends)
for lib in libsqlite3 libcurl libcairo2 libsodium libglfw fonts-noto-core; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib: $depends"
done
dpkg-deb -e "$deb" "$work/control"
[ -x "$work/control/postinst" ] || fail "the package has no postinst"

dpkg-deb -x "$deb" "$work/root"
cd "$work"   # outside the source and build trees
env -u FLOOR_TERMINAL_ASSETS "$work/root/usr/bin/floor-terminal" seed-demo --db "$work/demo.db" >/dev/null \
  || fail "the installed floor-terminal could not seed the demo centre"
out=$(env -u FLOOR_TERMINAL_ASSETS "$work/root/usr/bin/floor-terminal" status --db "$work/demo.db" --json)
grep -q '"in_centre": 15' <<<"$out" || fail "status of the installed binary: $out"
server_out=$("$work/root/usr/bin/sync-server" status --db "$work/server.db" --json)
grep -q '"events": 0' <<<"$server_out" || fail "the installed sync-server does not answer status"
echo "package ok: $(wc -l <"$work/files") files, Depends: $depends"
