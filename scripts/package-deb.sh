#!/usr/bin/env bash
# Build the Debian package: target/debian/karabakh-atlas_VERSION-1_ARCH.deb.
#
# 1. builds the binary with the `dist` profile (Cargo.toml: thin LTO, one
#    codegen unit, stripped);
# 2. runs that binary to write the man pages (`manpage`) and the bash, zsh
#    and fish completions (`completions`) into target/packaging/, and a
#    Debian changelog entry for this version;
# 3. packs everything [package.metadata.deb] in Cargo.toml lists with
#    cargo-deb, which it installs first (`cargo install cargo-deb --locked`)
#    when it is missing.
#
# Needs: cargo, dpkg-dev (dpkg-shlibdeps, for the libc dependency). The .deb
# is checked by scripts/check-package.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

if ! cargo deb --version >/dev/null 2>&1; then
  echo "== installing cargo-deb"
  cargo install cargo-deb --locked
fi

echo "== building the binary (profile dist)"
cargo build --profile dist --bin karabakh-atlas
bin=target/dist/karabakh-atlas
version=$("$bin" --version | awk '{print $2}')
want=$(cargo metadata --no-deps --format-version 1 |
  sed -n 's/.*"name":"karabakh-atlas","version":"\([^"]*\)".*/\1/p')
[ "$version" = "$want" ] || {
  echo "error: the binary says version '$version', Cargo.toml '$want'" >&2
  exit 1
}

echo "== man pages and completions"
gen=target/packaging
rm -rf "$gen"
mkdir -p "$gen/completions"
"$bin" manpage --out "$gen/man" >/dev/null
"$bin" completions bash >"$gen/completions/karabakh-atlas"
"$bin" completions zsh >"$gen/completions/_karabakh-atlas"
"$bin" completions fish >"$gen/completions/karabakh-atlas.fish"

# A Debian changelog entry for this version (the project's history is in
# CHANGELOG.md, shipped beside it); dated by the last commit so that
# the same commit gives the same package.
maintainer=$(sed -n 's/^maintainer = "\(.*\)"$/\1/p' Cargo.toml)
when=$(git log -1 --format=%cD 2>/dev/null || date -R)
cat >"$gen/changelog" <<END
karabakh-atlas ($version-1) unstable; urgency=medium

  * Version $version; the changes are listed in
    /usr/share/doc/karabakh-atlas/changelog.gz.

 -- $maintainer  $when
END

echo "== cargo deb"
cargo deb --profile dist --no-build --output target/debian/
ls -l target/debian/karabakh-atlas_"$version"-1_*.deb
