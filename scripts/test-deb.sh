#!/usr/bin/env bash
# Tests the Debian package the way a user gets it: builds the .deb with Tauri's bundler (unless
# one is given), installs it into a scratch root with `dpkg -x`, checks the package fields, the
# desktop entry, the icons and the version, then starts the installed binary under Xvfb with a
# temporary data directory and checks that its window appears and that it stays up.
#
#   scripts/test-deb.sh                 build, then test   (make test-deb)
#   scripts/test-deb.sh path/to.deb     test that package
set -euo pipefail
cd "$(dirname "$0")/.."

started=$(date +%s)
fail() { echo "test-deb: FAIL: $*" >&2; exit 1; }
ok() { echo "test-deb: ok: $*"; }

for tool in dpkg-deb Xvfb xwininfo node; do
  command -v "$tool" >/dev/null || fail "$tool is missing (make setup installs it)"
done

version=$(node -p "require('./tauri.conf.json').version")
cargo_version=$(sed -n '/^\[package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)
[ "$version" = "$cargo_version" ] || fail "tauri.conf.json says $version, Cargo.toml $cargo_version"
arch=$(dpkg --print-architecture)

deb=${1:-}
if [ -z "$deb" ]; then
  [ -x node_modules/.bin/tauri ] || npm install --no-audit --no-fund
  echo "test-deb: building the release binary and the .deb (a few minutes on two cores)"
  npx --no-install tauri build --bundles deb
  target=${CARGO_TARGET_DIR:-target}
  deb="$target/release/bundle/deb/Headroom_${version}_${arch}.deb"
fi
[ -f "$deb" ] || fail "no package at $deb"
ok "package $deb ($(du -h "$deb" | cut -f1))"

scratch=$(mktemp -d)
xvfb_pid=""
app_pid=""
cleanup() {
  local status=$?
  set +e # a killed process's `wait` status must not cut the cleanup short
  # Only the processes this script started, by their ids.
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null; fi
  if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null; fi
  rm -rf "$scratch"
  exit "$status"
}
trap cleanup EXIT

# The control fields.
field() { dpkg-deb --field "$deb" "$1"; }
[ "$(field Package)" = headroom ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', expected $version"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture is '$(field Architecture)'"
# (Here-strings, not pipes: `grep -q` stopping early would fail the pipeline under pipefail.)
grep -q 'libwebkit2gtk-4.1-0' <<<"$(field Depends)" || fail "Depends lacks libwebkit2gtk-4.1-0: $(field Depends)"
grep -q 'libgtk-3-0' <<<"$(field Depends)" || fail "Depends lacks libgtk-3-0: $(field Depends)"
grep -q 'studio headphones' <<<"$(field Description)" || fail "Description: $(field Description)"
ok "control: headroom $version $arch, depends on WebKitGTK 4.1 and GTK 3, described"

# Install into a scratch root.
root="$scratch/root"
dpkg-deb -x "$deb" "$root"
bin="$root/usr/bin/headroom"
[ -x "$bin" ] || fail "no executable /usr/bin/headroom in the package"
ok "installs /usr/bin/headroom"

# The desktop entry.
desktops=("$root"/usr/share/applications/*.desktop)
[ ${#desktops[@]} -eq 1 ] && [ -f "${desktops[0]}" ] || fail "expected one desktop entry, found: ${desktops[*]}"
desktop=${desktops[0]}
entry() { sed -n "s/^$1=//p" "$desktop" | head -1; }
[ "$(entry Type)" = Application ] || fail "desktop Type is '$(entry Type)'"
[ "$(entry Name)" = Headroom ] || fail "desktop Name is '$(entry Name)'"
[ "$(entry Exec)" = headroom ] || fail "desktop Exec is '$(entry Exec)'"
[ "$(entry Icon)" = headroom ] || fail "desktop Icon is '$(entry Icon)'"
grep -q 'AudioVideo' <<<"$(entry Categories)" || fail "desktop Categories: '$(entry Categories)'"
[ -n "$(entry Comment)" ] || fail "desktop entry has no Comment"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$desktop" || fail "desktop-file-validate"
fi
ok "desktop entry $(basename "$desktop"): Exec=headroom, Icon=headroom, Categories=$(entry Categories)"

# Icons at every size a Linux desktop asks for, each really that size.
png_size() { # width x height from the PNG header
  od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }'
}
for size in 16 24 32 48 64 128 256 512; do
  icon="$root/usr/share/icons/hicolor/${size}x${size}/apps/headroom.png"
  [ -f "$icon" ] || fail "no ${size}x${size} icon"
  [ "$(png_size "$icon")" = "${size}x${size}" ] || fail "${size}x${size} icon is $(png_size "$icon")"
done
# Every icon is the size its directory says (a NxN@2 directory holds 2N px images).
while IFS= read -r icon; do
  dir=$(basename "$(dirname "$(dirname "$icon")")")
  n=${dir%%x*}
  case "$dir" in *@2) n=$((n * 2)) ;; esac
  [ "$(png_size "$icon")" = "${n}x${n}" ] || fail "$dir holds a $(png_size "$icon") icon"
done < <(find "$root/usr/share/icons" -name '*.png')
ok "icons 16, 24, 32, 48, 64, 128, 256 and 512 px, each in its own size's directory"

# Start the installed binary on its own display, with its data and settings in the scratch dir.
# -displayfd: Xvfb picks a free display and writes its number once it accepts clients.
Xvfb -displayfd 3 -screen 0 1280x860x24 -nolisten tcp 3>"$scratch/display" 2>/dev/null &
xvfb_pid=$!
for _ in $(seq 1 100); do [ -s "$scratch/display" ] && break; sleep 0.1; done
[ -s "$scratch/display" ] || fail "Xvfb did not start"
display=":$(tr -d '[:space:]' <"$scratch/display")"
home="$scratch/home"
mkdir -p "$home"/{config,cache,data,runtime} "$scratch/data"
chmod 700 "$home/runtime"
env -u WAYLAND_DISPLAY DISPLAY="$display" GDK_BACKEND=x11 \
  HEADROOM_DATA_DIR="$scratch/data" HOME="$home" \
  XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" \
  XDG_DATA_HOME="$home/data" XDG_RUNTIME_DIR="$home/runtime" \
  "$bin" >"$scratch/app.log" 2>&1 &
app_pid=$!

window=""
for _ in $(seq 1 150); do
  kill -0 "$app_pid" 2>/dev/null || { cat "$scratch/app.log" >&2; fail "the installed app exited"; }
  window=$(grep '"Headroom"' <<<"$(xwininfo -display "$display" -root -tree 2>/dev/null)" || true)
  [ -n "$window" ] && break
  sleep 0.2
done
[ -n "$window" ] || { cat "$scratch/app.log" >&2; fail "no Headroom window appeared within 30 s"; }
ok "window:$(echo "$window" | head -1 | sed 's/  */ /g')"
sleep 3
kill -0 "$app_pid" 2>/dev/null || { cat "$scratch/app.log" >&2; fail "the app did not stay up"; }
[ -d "$scratch/data" ] && [ -e "$scratch/data/headroom.json" -o -e "$scratch/data/headroom.lock" -o -n "$(ls -A "$scratch/data")" ] \
  || fail "the app did not open its data directory $scratch/data"
ok "still running after 3 s, data in HEADROOM_DATA_DIR ($(ls -A "$scratch/data" | tr '\n' ' '))"

echo "test-deb: passed in $(( $(date +%s) - started )) s"
