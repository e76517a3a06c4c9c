#!/usr/bin/env bash
# Everything CI runs, in order. `.ci/run` calls this script and nothing else
# (apart from installing what it needs), so a green run here is a green CI.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy (all targets, all features, warnings are errors)"
cargo clippy --all-targets --all-features -- -D warnings

echo "== without the GUI feature: the model, scene, text and CLI build and pass their tests"
cargo check --no-default-features --all-targets
cargo test --no-default-features --lib

echo "== the fuzz targets build (docs/fuzzing.md; running them needs nightly)"
# fuzz/ is its own workspace; start from the main lock file so it builds the
# same dependency versions, and share target/ so they are checked only once.
cp Cargo.lock fuzz/Cargo.lock
cargo check --manifest-path fuzz/Cargo.toml --target-dir target

echo "== the map import is reproducible"
bash scripts/import-map.sh --check

echo "== tests (the README's test command)"
log=$(mktemp)
cargo test --all-features 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] || exit "$status"
# Fail if the run executed no test at all (e.g. everything filtered out).
passed=$(grep -Eo '^test result: ok\. [0-9]+ passed' "$log" | awk '{s += $4} END {print s + 0}')
echo "== $passed tests passed"
[ "$passed" -gt 0 ] || { echo "error: no test ran" >&2; exit 1; }
# Under CI the end-to-end tests in a real window (the screen-reader test
# over AT-SPI among them), the monkey test and the
# property tests (tests/monkey.rs, tests/robust.rs) must have run and passed.
if [ "${CI:-}" = true ]; then
  for t in screenshots_at_three_dates_show_each_state_in_its_legend_colour \
           screenshot_refuses_to_overwrite_and_reports_a_bad_path \
           screenshot_with_the_reader_open_on_the_lachin_handover \
           presenting_the_handover_tour_at_kalbajar_frames_it_under_a_caption \
           a_clicker_walks_the_handover_tour_with_real_keystrokes \
           a_screen_reader_reads_each_place_and_its_controller_over_at_spi \
           synthetic_dataset_screenshots_show_each_controller_in_its_legend_colour \
           ten_thousand_random_events_never_panic \
           any_mutation_of_any_file \
           random_arguments_never_crash_the_cli \
           flags_win_over_the_remembered_window_size \
           every_crate_path_follows_the_layering_table \
           the_top_level_modules_form_no_cycle \
           each_dataset_opens_in_its_own_view_and_gets_it_back; do
    grep -q "^test $t \.\.\. ok$" "$log" || { echo "error: test $t did not run and pass" >&2; exit 1; }
  done
fi

# Under CI the Debian package is built, validated (desktop-file-validate,
# appstreamcli, lintian), installed with apt-get and run: `check` and one
# `--screenshot` under Xvfb (scripts/check-package.sh; it fails if any of
# these did not run).
if [ "${CI:-}" = true ]; then
  echo "== the Debian package (scripts/check-package.sh)"
  bash scripts/check-package.sh
fi
