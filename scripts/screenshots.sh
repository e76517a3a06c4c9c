#!/usr/bin/env bash
# Regenerates every screenshot in docs/screenshots/ (used by README.md and
# the AppStream metainfo) with the app itself, under Xvfb with Mesa's
# software renderer. Usage: bash scripts/screenshots.sh [path/to/karabakh-atlas]
# (default: builds and uses target/release/karabakh-atlas). Needs xvfb-run.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-}
if [ -z "$bin" ]; then
  cargo build --release --quiet
  bin=target/release/karabakh-atlas
fi
out=docs/screenshots
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
shot() {
  # A fresh home each time, so nothing remembered changes the picture.
  HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
    LANG=C.UTF-8 LIBGL_ALWAYS_SOFTWARE=1 \
    xvfb-run -a -s "-screen 0 1920x1080x24" "$bin" "$@" --force
}
shot --date 2020-09-26 --size 1280x800 --screenshot "$out/viewer-2020-09-26.png"
shot --date 2020-11-21 --size 1280x800 --screenshot "$out/viewer-2020-11-21.png"
shot --date 2023-10-01 --size 1280x800 --screenshot "$out/viewer-2023-10-01.png"
shot --step 9 --cite lachin-handed-over --size 1600x900 --screenshot "$out/reader-lachin.png"
shot --date 2020-11-21 --size 1600x1000 --screenshot "$out/chart-2020-11-21.png"
shot --lang ar --step 9 --size 1280x800 --screenshot "$out/viewer-arabic.png"
shot --present --tour data/tours/handovers.toml --step 8 --size 1280x800 \
  --screenshot "$out/presenter-kalbajar.png"
"$bin" export --step 9 --format png --out "$out/figure-lachin-handover.png" --force
echo "wrote $(ls "$out" | wc -l) files to $out"
