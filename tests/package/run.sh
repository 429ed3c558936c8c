#!/usr/bin/env bash
# The Debian packages, installed and checked (scripts/package makes them):
#   1. every package: lintian without errors; its files, conffiles, doc and
#      manual pages; no test build (no test panel, no --test-script);
#   2. souffleur-server's unit: systemd-analyze verify clean and security
#      rated OK or better (--offline, over the unpacked package);
#   3. souffleur-desk and souffleur-studio, unpacked: desktop files valid, the
#      souffleur:// URL handler registered (mimeinfo.cache, xdg-mime) and
#      started with the computer's settings, the autostart quiet while
#      unconfigured, the programs start (--version);
#   4. souffleur-server in a clean Debian 12 (a debootstrap minbase root,
#      cached in build-release/package-test): installed with apt (its
#      Depends resolve, postinst runs), its user, data directory, conffile and
#      enabled unit checked, the installed binary run once as the unit runs it
#      (health over loopback, an admin command as the service user, SIGTERM),
#      then an upgrade keeps the data and a changed conffile, a remove keeps the
#      data, a reinstall finds it, and a purge deletes data and user;
#   4. souffleur-desk and souffleur-studio: their Depends resolve in the clean
#      root (apt, simulated).
# Steps 3 and 4 need root and the Debian mirror (the one in
# /etc/apt/sources.list, or SOUFFLEUR_DEBIAN_MIRROR); without them they are
# skipped, and said so. KEEP_PACKAGE_TEST=1 keeps the work directory.
#   tests/package/run.sh [DIR]    (DIR: the .deb files, default out/packages)
#   tests/package/run.sh --prepare   only make the cached clean root
# SOUFFLEUR_PACKAGE_TEST_CACHE: where the clean root is kept (default
# build-release/package-test).
set -euo pipefail
cd "$(dirname "$0")/../.."
cache="${SOUFFLEUR_PACKAGE_TEST_CACHE:-$PWD/build-release/package-test}"
base="$cache/base" # the clean Debian 12, made once
root="$cache/root" # the clean root of this run: a copy of $base
work=$(mktemp -d /tmp/souffleur-package-test.XXXXXX)
server_pid=""
made_root=0
skipped=()

cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ "${KEEP_PACKAGE_TEST:-0}" = 1 ]; then echo "package-test: kept $work and $root"; else
    rm -rf "$work"
    if [ "$made_root" = 1 ]; then rm -rf --one-file-system "$root"; fi
  fi
  return 0
}
trap cleanup EXIT
fail() { echo "package-test: FAILED: $*" >&2; exit 1; }
step() { echo "package-test: $*"; }
skip() { echo "package-test: SKIPPED: $*"; skipped+=("$*"); }
need() { command -v "$1" >/dev/null || fail "$1 is missing (scripts/install-deps package)"; }

mirror_of() { # the host's mirror for $1 (debian or debian-security)
  cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources \
    2>/dev/null | grep -E '^[[:space:]]*(URIs:|deb )' |
    grep -oE "https?://[^ ]+/$1/?( |\$)" | head -1 | tr -d ' ' | sed 's:/$::' || true
}
mirror="${SOUFFLEUR_DEBIAN_MIRROR:-$(mirror_of debian)}"
mirror="${mirror:-http://deb.debian.org/debian}"
security="${SOUFFLEUR_DEBIAN_SECURITY_MIRROR:-$(mirror_of debian-security)}"
# The clean Debian 12 root, once: debootstrap, the suites, apt's lists.
prepare_base() {
  [ -f "$base/.souffleur-base" ] && return 0
  step "  debootstrap --variant=minbase bookworm $base ($mirror; once, then cached)"
  rm -rf --one-file-system "$base.tmp"
  mkdir -p "$cache"
  debootstrap --variant=minbase bookworm "$base.tmp" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    fail "debootstrap: $(tail -20 "$work/debootstrap.log")"
  {
    echo "deb $mirror bookworm main"
    echo "deb $mirror bookworm-updates main"
    [ -z "$security" ] || echo "deb $security bookworm-security main"
  } >"$base.tmp/etc/apt/sources.list"
  cp /etc/resolv.conf "$base.tmp/etc/resolv.conf"
  chroot "$base.tmp" apt-get update -qq >"$work/apt.log" 2>&1 ||
    fail "apt-get update: $(cat "$work/apt.log")"
  touch "$base.tmp/.souffleur-base"
  mv "$base.tmp" "$base"
}
# --prepare: only that (scripts/test runs it while it builds).
if [ "${1:-}" = "--prepare" ]; then
  if [ "$(id -u)" -eq 0 ] && command -v debootstrap >/dev/null; then prepare_base; fi
  exit 0
fi

for tool in dpkg-deb lintian desktop-file-validate update-desktop-database systemd-analyze; do
  need "$tool"
done
debs="$(cd "${1:-out/packages}" && pwd)"

deb_of() {
  local files=("$debs/$1"_*.deb)
  [ -f "${files[0]}" ] || fail "no $1_*.deb in $debs (scripts/package $debs)"
  [ "${#files[@]}" -eq 1 ] || fail "more than one $1_*.deb in $debs"
  echo "${files[0]}"
}
server_deb=$(deb_of souffleur-server)
desk_deb=$(deb_of souffleur-desk)
studio_deb=$(deb_of souffleur-studio)
version=$(dpkg-deb -f "$server_deb" Version)
arch=$(dpkg --print-architecture)

step "1. lintian, names, files"
for deb in "$server_deb" "$desk_deb" "$studio_deb"; do
  package=$(dpkg-deb -f "$deb" Package)
  [ "$(basename "$deb")" = "${package}_${version}_${arch}.deb" ] ||
    fail "$deb: not Debian's file name ${package}_${version}_${arch}.deb"
  [ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "$deb: not version $version"
  lintian --fail-on error "$deb" >"$work/lintian.txt" 2>&1 ||
    fail "lintian on $deb: $(cat "$work/lintian.txt")"
  sed "s/^/package-test:   /" "$work/lintian.txt"
  dpkg-deb -x "$deb" "$work/$package"
  dpkg-deb -e "$deb" "$work/$package.control"
  for doc in copyright changelog.Debian.gz; do
    [ -f "$work/$package/usr/share/doc/$package/$doc" ] || fail "$package has no $doc"
  done
  # What ships is never the test build.
  test_programs=$(find "$work/$package" -name '*-test*')
  [ -z "$test_programs" ] || fail "$package holds a test program: $test_programs"
done
[ "$(dpkg-parsechangelog -l cmake/debian/changelog -S Version)" = "$version" ] ||
  fail "the packages are $version, cmake/debian/changelog is not"

has() { # has PACKAGE PATH TEST: [ TEST $work/PACKAGE/PATH ]
  test "$3" "$work/$1/$2" || fail "$1: $2 is missing (or not $3)"
}
has_conffile() {
  grep -qx "$2" "$work/$1.control/conffiles" || fail "$1: $2 is not a conffile"
}
has souffleur-server usr/bin/souffleur-server -x
has souffleur-server lib/systemd/system/souffleur-server.service -f
has souffleur-server etc/souffleur/server.conf -f
has souffleur-server usr/share/doc/souffleur-server/README.Debian -f
has souffleur-server usr/share/man/man8/souffleur-server.8.gz -f
has_conffile souffleur-server /etc/souffleur/server.conf
for file in souffleur-overlay souffleur-overlay-panel; do has souffleur-desk "usr/bin/$file" -x; done
has souffleur-desk usr/libexec/souffleur/souffleur-desk-start -x
has souffleur-desk usr/share/applications/souffleur-overlay.desktop -f
has souffleur-desk etc/xdg/autostart/souffleur-overlay.desktop -f
has souffleur-desk etc/souffleur/desk.conf -f
has souffleur-desk usr/share/icons/hicolor/scalable/apps/souffleur-overlay.svg -f
has souffleur-desk usr/share/man/man1/souffleur-overlay.1.gz -f
has souffleur-desk usr/share/man/man1/souffleur-overlay-panel.1.gz -L
has_conffile souffleur-desk /etc/souffleur/desk.conf
has_conffile souffleur-desk /etc/xdg/autostart/souffleur-overlay.desktop
for file in souffleur-studio souffleur; do has souffleur-studio "usr/bin/$file" -x; done
has souffleur-studio usr/share/applications/souffleur-studio.desktop -f
has souffleur-studio usr/share/icons/hicolor/scalable/apps/souffleur-studio.svg -f
has souffleur-studio etc/xdg/souffleur/souffleur-studio.conf -f
for page in souffleur-studio souffleur; do has souffleur-studio "usr/share/man/man1/$page.1.gz" -f; done
has_conffile souffleur-studio /etc/xdg/souffleur/souffleur-studio.conf
grep -q '^Depends:.*adduser' "$work/souffleur-server.control/control" ||
  fail "souffleur-server does not depend on adduser"
for package in souffleur-desk souffleur-studio; do
  grep -q '^Depends:.*libqt6webenginecore6-bin' "$work/$package.control/control" ||
    fail "$package does not depend on libqt6webenginecore6-bin (QtWebEngineProcess)"
done

step "2. the unit: systemd-analyze verify and security"
unit=lib/systemd/system/souffleur-server.service
# verify, under a root of the package and this machine's systemd units (the
# targets it refers to), finds the unit's program there and reads every key.
cp -a "$work/souffleur-server" "$work/verify-root"
cp -rn /lib/systemd/system/. "$work/verify-root/lib/systemd/system/"
# The shell of ExecReload (dash: Essential, on every Debian system).
mkdir -p "$work/verify-root/bin"
cp -L /bin/sh "$work/verify-root/bin/sh"
systemd-analyze verify --root="$work/verify-root" souffleur-server.service \
  >"$work/verify.txt" 2>&1 || fail "systemd-analyze verify: $(cat "$work/verify.txt")"
[ ! -s "$work/verify.txt" ] || fail "systemd-analyze verify says: $(cat "$work/verify.txt")"
systemd-analyze security --offline=true --no-pager "$work/souffleur-server/$unit" \
  >"$work/security.txt" 2>&1 || fail "systemd-analyze security: $(cat "$work/security.txt")"
rating=$(grep -o 'Overall exposure level for .*' "$work/security.txt")
step "  $rating"
echo "$rating" | grep -Eq ': [0-9.]+ (PERFECT|SAFE|OK) ' || fail "the unit is rated worse than OK"
grep -q '^ExecStart=/usr/bin/souffleur-server --config /etc/souffleur/server.conf$' \
  "$work/souffleur-server/$unit" || fail "the unit's ExecStart is not the package's binary and conf"

step "3. the desk and the studio, unpacked"
desk="$work/souffleur-desk"
for file in "$desk/usr/share/applications/souffleur-overlay.desktop" \
  "$desk/etc/xdg/autostart/souffleur-overlay.desktop" \
  "$work/souffleur-studio/usr/share/applications/souffleur-studio.desktop"; do
  desktop-file-validate "$file" || fail "desktop-file-validate $file"
done
update-desktop-database "$desk/usr/share/applications"
grep -qx 'x-scheme-handler/souffleur=souffleur-overlay.desktop;' \
  "$desk/usr/share/applications/mimeinfo.cache" ||
  fail "mimeinfo.cache has no handler for souffleur://: $(cat "$desk/usr/share/applications/mimeinfo.cache")"
if command -v xdg-mime >/dev/null; then
  mkdir -p "$work/xdg/config" "$work/xdg/data"
  handler=$(env -u XDG_CURRENT_DESKTOP -u DESKTOP_SESSION HOME="$work/xdg" \
    XDG_CONFIG_HOME="$work/xdg/config" XDG_CONFIG_DIRS="$work/xdg/config" \
    XDG_DATA_HOME="$work/xdg/data" XDG_DATA_DIRS="$desk/usr/share" \
    xdg-mime query default x-scheme-handler/souffleur)
  [ "$handler" = souffleur-overlay.desktop ] ||
    fail "xdg-mime: the souffleur:// handler is '$handler', not souffleur-overlay.desktop"
  step "  xdg-mime: souffleur:// opens with $handler"
else
  skip "xdg-mime query (no xdg-utils)"
fi
# The handler's command line, as the desktop runs it for a link: the wrapper
# with the computer's settings hands the link to souffleur-overlay (a stand-in
# here, which prints what it got).
exec_line=$(sed -n 's/^Exec=//p' "$desk/usr/share/applications/souffleur-overlay.desktop")
[ "$exec_line" = "/usr/libexec/souffleur/souffleur-desk-start %u" ] ||
  fail "the handler's Exec is '$exec_line'"
printf '#!/bin/sh\nprintf "%%s|" "$@" >"%s/overlay-args"\nprintf "%%s" "$SOUFFLEUR_TOKEN" >"%s/overlay-token"\n' \
  "$work" "$work" >"$work/overlay-stand-in"
chmod +x "$work/overlay-stand-in"
cp "$desk/etc/souffleur/desk.conf" "$work/desk.conf"
printf 'server = https://souffleur.gemeente.example:8470\nca-file = /etc/souffleur/ca.pem\n' \
  >>"$work/desk.conf"
mkdir -p "$work/home/.config/souffleur"
echo "desk-token-1" >"$work/home/.config/souffleur/desk-token"
desk_start() {
  env -u SOUFFLEUR_TOKEN -u XDG_CONFIG_HOME HOME="$work/home" SOUFFLEUR_OVERLAY="$work/overlay-stand-in" \
    SOUFFLEUR_DESK_SYSTEM_CONF="$1" "$desk/usr/libexec/souffleur/souffleur-desk-start" "${@:2}"
}
desk_start "$work/desk.conf" "souffleur://guide/nl.burgerzaken.identiteit-vaststellen"
[ "$(cat "$work/overlay-args")" = \
  "--server|https://souffleur.gemeente.example:8470|--ca-file|/etc/souffleur/ca.pem|souffleur://guide/nl.burgerzaken.identiteit-vaststellen|" ] ||
  fail "the handler started souffleur-overlay with $(cat "$work/overlay-args")"
[ "$(cat "$work/overlay-token")" = "desk-token-1" ] || fail "the handler passed no token"
rm -f "$work/overlay-args"
desk_start "$desk/etc/souffleur/desk.conf" --autostart 2>"$work/autostart.txt" ||
  fail "the autostart failed while unconfigured"
[ ! -e "$work/overlay-args" ] || fail "the autostart started the panel without a server"
grep -q -- '--autostart' "$desk/etc/xdg/autostart/souffleur-overlay.desktop" ||
  fail "the autostart entry does not run souffleur-desk-start --autostart"
# The programs start (this machine has their libraries: scripts/install-deps),
# and the panel is not the test build.
upstream="${version%-*}"
for program in souffleur-desk/usr/bin/souffleur-overlay souffleur-studio/usr/bin/souffleur-studio \
  souffleur-studio/usr/bin/souffleur souffleur-server/usr/bin/souffleur-server; do
  said=$(QT_QPA_PLATFORM=offscreen "$work/$program" --version 2>&1) || fail "$program --version: $said"
  [[ "$said" == *"$upstream"* ]] || fail "$program --version says $said, not $upstream"
done
said=$("$desk/usr/bin/souffleur-overlay-panel" --help 2>&1) || fail "souffleur-overlay-panel --help"
[[ "$said" != *--test-script* ]] || fail "souffleur-overlay-panel is the test panel"

step "4. souffleur-server in a clean Debian 12"
if [ "$(id -u)" -ne 0 ]; then
  skip "the clean root: apt install, upgrade, remove, purge, and the desk's and studio's Depends (needs root: sudo tests/package/run.sh)"
elif ! command -v debootstrap >/dev/null; then
  skip "installing in a clean root (no debootstrap: scripts/install-deps package)"
else
  prepare_base
  rm -rf --one-file-system "$root"
  made_root=1
  cp -a "$base" "$root"
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive "$@"; }
  mkdir -p "$root/tmp/debs"
  cp "$server_deb" "$desk_deb" "$studio_deb" "$root/tmp/debs/"
  in_root apt-get update -qq >"$work/apt.log" 2>&1 || fail "apt-get update: $(cat "$work/apt.log")"

  step "  the desk's and the studio's Depends resolve (apt, simulated)"
  for deb in "$desk_deb" "$studio_deb"; do
    in_root apt-get install -s -qq "/tmp/debs/$(basename "$deb")" >"$work/apt.log" 2>&1 ||
      fail "$(basename "$deb") cannot be installed: $(cat "$work/apt.log")"
  done

  step "  apt-get install souffleur-server"
  server_in_root="/tmp/debs/$(basename "$server_deb")"
  in_root apt-get install -y -qq --no-install-recommends "$server_in_root" >"$work/apt.log" 2>&1 ||
    fail "apt-get install: $(cat "$work/apt.log")"
  # The downloads stay in the cache for the next run.
  cp -n "$root"/var/cache/apt/archives/*.deb "$base/var/cache/apt/archives/" 2>/dev/null || true
  [ "$(in_root dpkg-query -W -f='${Status} ${Version}' souffleur-server)" = \
    "install ok installed $version" ] || fail "souffleur-server is not installed"
  passwd=$(in_root getent passwd souffleur) || fail "postinst made no user souffleur"
  IFS=: read -r _ _ uid gid _ home shell <<<"$passwd"
  if [ "$uid" -ge 1000 ] || [ "$home" != /var/lib/souffleur ] || [ "$shell" != /usr/sbin/nologin ]; then
    fail "the user souffleur is not a system user without login: $passwd"
  fi
  [ "$(in_root getent group souffleur | cut -d: -f3)" = "$gid" ] || fail "no group souffleur"
  # (numbers: this machine's names for them are not the root's)
  [ "$(stat -c '%u:%g %a' "$root/var/lib/souffleur")" = "$uid:$gid 700" ] ||
    fail "/var/lib/souffleur is $(stat -c '%u:%g %a' "$root/var/lib/souffleur"), not $uid:$gid 700"
  [ -L "$root/etc/systemd/system/multi-user.target.wants/souffleur-server.service" ] ||
    fail "the unit is not enabled"
  [ "$(in_root dpkg-query -W -f='${Conffiles}' souffleur-server | awk '{print $1}')" = \
    /etc/souffleur/server.conf ] || fail "server.conf is not the package's conffile"

  step "  the installed server, as its unit starts it (port 0 here), as souffleur"
  exec_start=$(sed -n 's/^ExecStart=//p' "$root/$unit")
  # shellcheck disable=SC2086 # the unit's command line, word by word
  chroot "$root" setpriv --reuid=souffleur --regid=souffleur --init-groups -- \
    sh -c 'umask 0077 && exec "$@"' sh $exec_start --listen 127.0.0.1:0 \
    --port-file /tmp/souffleur.port >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do [ -s "$root/tmp/souffleur.port" ] && break; sleep 0.1; done
  [ -s "$root/tmp/souffleur.port" ] || fail "the server did not start: $(cat "$work/server.log")"
  health=$(curl -fsS "http://127.0.0.1:$(cat "$root/tmp/souffleur.port")/healthz") ||
    fail "GET /healthz: $(cat "$work/server.log")"
  step "  GET /healthz: $health"
  admin() { in_root setpriv --reuid=souffleur --regid=souffleur --init-groups -- \
    souffleur-server admin --data /var/lib/souffleur "$@"; }
  admin tenant add "Gemeente Pakkettest" >"$work/admin.log" 2>&1 ||
    fail "admin tenant add as souffleur: $(cat "$work/admin.log")"
  kill -TERM "$server_pid"
  wait "$server_pid" || fail "the server did not stop cleanly on SIGTERM: $(cat "$work/server.log")"
  server_pid=""
  grep -q '"stopping"' "$work/server.log" || fail "no JSON log line on stderr: $(cat "$work/server.log")"
  [ "$(stat -c '%u %a' "$root/var/lib/souffleur/souffleur.sqlite")" = "$uid 600" ] ||
    fail "the store is $(stat -c '%u %a' "$root/var/lib/souffleur/souffleur.sqlite")"
  has_data() {
    local tenants
    tenants=$(admin tenants 2>&1) || fail "$1: admin tenants: $tenants"
    [[ "$tenants" == *"Gemeente Pakkettest"* ]] || fail "$1: the data is gone: $tenants"
  }
  has_data "after the first run"

  step "  upgrade to $version+pkgtest1: data and the changed conffile kept"
  echo "# changed by the administrator" >>"$root/etc/souffleur/server.conf"
  dpkg-deb -R "$server_deb" "$work/upgrade"
  sed -i "s/^Version: .*/Version: $version+pkgtest1/" "$work/upgrade/DEBIAN/control"
  dpkg-deb -b --root-owner-group "$work/upgrade" "$root/tmp/debs/upgrade.deb" >/dev/null
  in_root apt-get install -y -qq /tmp/debs/upgrade.deb >"$work/apt.log" 2>&1 ||
    fail "upgrade: $(cat "$work/apt.log")"
  [ "$(in_root dpkg-query -W -f='${Version}' souffleur-server)" = "$version+pkgtest1" ] ||
    fail "the upgrade did not happen"
  grep -q "changed by the administrator" "$root/etc/souffleur/server.conf" ||
    fail "the upgrade replaced the changed server.conf"
  has_data "after the upgrade"

  step "  remove: data, user and conffile kept"
  in_root apt-get remove -y -qq souffleur-server >"$work/apt.log" 2>&1 ||
    fail "remove: $(cat "$work/apt.log")"
  [ "$(in_root dpkg-query -W -f='${Status}' souffleur-server)" = "deinstall ok config-files" ] ||
    fail "after remove: $(in_root dpkg-query -W -f='${Status}' souffleur-server)"
  [ ! -e "$root/usr/bin/souffleur-server" ] || fail "remove left the binary"
  [ -f "$root/var/lib/souffleur/souffleur.sqlite" ] || fail "remove deleted the data"
  in_root getent passwd souffleur >/dev/null || fail "remove deleted the user"
  [ -f "$root/etc/souffleur/server.conf" ] || fail "remove deleted the conffile"

  step "  install again: it finds its data"
  in_root apt-get install -y -qq "$server_in_root" >"$work/apt.log" 2>&1 ||
    fail "install after remove: $(cat "$work/apt.log")"
  has_data "after remove and install"

  step "  purge: data, user, conffile and the unit's links gone"
  in_root apt-get purge -y -qq souffleur-server >"$work/apt.log" 2>&1 ||
    fail "purge: $(cat "$work/apt.log")"
  [ -z "$(in_root dpkg-query -W -f='${Status}' souffleur-server 2>/dev/null)" ] ||
    fail "after purge: $(in_root dpkg-query -W -f='${Status}' souffleur-server)"
  [ ! -e "$root/var/lib/souffleur" ] || fail "purge left /var/lib/souffleur"
  ! in_root getent passwd souffleur >/dev/null || fail "purge left the user souffleur"
  ! in_root getent group souffleur >/dev/null || fail "purge left the group souffleur"
  [ ! -e "$root/etc/souffleur/server.conf" ] || fail "purge left server.conf"
  [ ! -e "$root/etc/systemd/system/multi-user.target.wants/souffleur-server.service" ] ||
    fail "purge left the unit enabled"
fi

if [ ${#skipped[@]} -gt 0 ]; then
  step "passed, with ${#skipped[@]} part(s) SKIPPED:"
  printf 'package-test:   %s\n' "${skipped[@]}"
else
  step "passed"
fi
