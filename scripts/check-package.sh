#!/usr/bin/env bash
# Build the Debian package and check it as a user would get it:
#   - the desktop entry (desktop-file-validate), the AppStream metainfo
#     (appstreamcli validate --no-net) and the .deb (lintian: no errors);
#   - the .deb holds the binary, desktop entry, metainfo, icons, man pages,
#     completions and the machine-readable copyright file;
#   - as root: `apt-get install` of the .deb (which pulls in its Depends),
#     then the installed /usr/bin/karabakh-atlas runs `--version`, `check`
#     and one `--screenshot` in a private Xvfb with Mesa's software OpenGL.
# scripts/check.sh runs it under CI=true; a developer can run it alone
# (Debian packages: desktop-file-utils appstream lintian dpkg-dev xvfb
# xauth). Every step must run: a missing tool is an error, not a skip.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in desktop-file-validate appstreamcli lintian dpkg-deb dpkg-shlibdeps Xvfb; do
  command -v "$tool" >/dev/null || {
    echo "error: $tool is not installed (Debian: apt-get install desktop-file-utils appstream lintian dpkg-dev xvfb xauth)" >&2
    exit 1
  }
done
done_steps=()

echo "== desktop-file-validate"
desktop-file-validate packaging/karabakh-atlas.desktop
done_steps+=(desktop)

echo "== appstreamcli validate --no-net"
appstreamcli validate --no-net packaging/*.metainfo.xml
done_steps+=(metainfo)

bash scripts/package-deb.sh
version=$(target/dist/karabakh-atlas --version | awk '{print $2}')
debs=(target/debian/karabakh-atlas_"$version"-1_*.deb)
[ "${#debs[@]}" -eq 1 ] && [ -f "${debs[0]}" ] || {
  echo "error: expected one package target/debian/karabakh-atlas_$version-1_*.deb, found: ${debs[*]}" >&2
  exit 1
}
deb=${debs[0]}
echo "== $deb: $(stat -c %s "$deb") bytes; the binary: $(stat -c %s target/dist/karabakh-atlas) bytes"

echo "== the package's files"
listing=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/karabakh-atlas \
         ./usr/share/applications/karabakh-atlas.desktop \
         ./usr/share/metainfo/io.github.karabakh_atlas.karabakh_atlas.metainfo.xml \
         ./usr/share/icons/hicolor/scalable/apps/karabakh-atlas.svg \
         ./usr/share/icons/hicolor/48x48/apps/karabakh-atlas.png \
         ./usr/share/icons/hicolor/256x256/apps/karabakh-atlas.png \
         ./usr/share/man/man1/karabakh-atlas.1.gz \
         ./usr/share/man/man1/karabakh-atlas-check.1.gz \
         ./usr/share/man/man1/karabakh-atlas-export.1.gz \
         ./usr/share/bash-completion/completions/karabakh-atlas \
         ./usr/share/zsh/vendor-completions/_karabakh-atlas \
         ./usr/share/fish/vendor_completions.d/karabakh-atlas.fish \
         ./usr/share/doc/karabakh-atlas/copyright; do
  grep -qxF "$f" <<<"$listing" || { echo "error: $deb lacks $f" >&2; exit 1; }
done
echo "Depends: $(dpkg-deb -f "$deb" Depends)"
done_steps+=(contents)

echo "== lintian"
lintian --fail-on error --info "$deb"
done_steps+=(lintian)

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  if [ "${CI:-}" = true ]; then
    echo "error: installing the package needs root and apt-get" >&2
    exit 1
  fi
  echo "== not root: the package was not installed and run (run as root to check that)"
  echo "== package checks done: ${done_steps[*]}"
  exit 0
fi

echo "== apt-get install $deb"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  -o DPkg::Lock::Timeout=300 "./$deb" >/dev/null
installed=$(dpkg-query -W -f '${Version}' karabakh-atlas)
[ "$installed" = "$version-1" ] || { echo "error: installed version '$installed', built '$version-1'" >&2; exit 1; }
done_steps+=(install)

app=/usr/bin/karabakh-atlas
echo "== $app --version, check"
[ "$("$app" --version)" = "karabakh-atlas $version" ] || { echo "error: $app --version says '$("$app" --version)'" >&2; exit 1; }
"$app" check
done_steps+=(check)

echo "== $app --screenshot under Xvfb"
tmp=$(mktemp -d)
xpid=
cleanup() {
  [ -n "$xpid" ] && kill "$xpid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
Xvfb -displayfd 3 -screen 0 1920x1200x24 -nolisten tcp 3>"$tmp/display" 2>/dev/null &
xpid=$!
for _ in $(seq 100); do
  [ -s "$tmp/display" ] && break
  sleep 0.2
done
[ -s "$tmp/display" ] || { echo "error: Xvfb did not start within 20 s" >&2; exit 1; }
shot=$tmp/shot.png
env -u WAYLAND_DISPLAY DISPLAY=":$(head -n1 "$tmp/display")" LIBGL_ALWAYS_SOFTWARE=1 HOME="$tmp/home" \
  XDG_CONFIG_HOME="$tmp/home/config" XDG_DATA_HOME="$tmp/home/data" LANG=C.UTF-8 \
  KARABAKH_ATLAS_NO_NATIVE_DIALOGS=1 \
  timeout 120 "$app" --date 2020-11-21 --size 1280x800 --screenshot "$shot"
[ "$(head -c 8 "$shot" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || {
  echo "error: $shot is not a PNG" >&2
  exit 1
}
echo "$shot: $(stat -c %s "$shot") bytes"
done_steps+=(screenshot)

want=(desktop metainfo contents lintian install check screenshot)
[ "${done_steps[*]}" = "${want[*]}" ] || {
  echo "error: the package checks that ran were '${done_steps[*]}', not '${want[*]}'" >&2
  exit 1
}
echo "== package checks passed: ${done_steps[*]}"
