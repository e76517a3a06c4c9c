//! Exporting every step as a 1920×1080 PNG with our renderer (layout, resvg
//! with the bundled fonts, PNG encoding, atomic writes), against headless
//! Chromium turning the same steps' exported SVG files into 1920×1080 PNGs,
//! one process per file as a user would run it:
//!
//! ```text
//! chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
//!   --disable-component-update --disable-sync --no-first-run \
//!   --user-data-dir=$(mktemp -d) --hide-scrollbars --window-size=1920,1080 \
//!   --screenshot=out.png file.svg
//! ```
//!
//! Run with `cargo bench --bench export` (needs `[[bench]] name = "export"
//! harness = false` in Cargo.toml, and Chromium: Debian `apt-get install -y
//! chromium`). Prints both times and the ratio; the target is ours at least
//! 5× faster. Exits 1 if Chromium is missing or fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
// Without `harness = false` the file is built as a (empty) test harness.
#![cfg_attr(test, allow(dead_code, unused_imports))]

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use karabakh_atlas::export::{FigureFormat, FigureOptions, export_steps, figure_at_step};
use karabakh_atlas::model::load_bundled;
use karabakh_atlas::scene::display::MapCache;

const RUNS: usize = 3;
const TARGET: f64 = 5.0;

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for name in [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ] {
        for dir in std::env::split_paths(&path) {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn png_size(path: &Path) -> Option<(u32, u32)> {
    let file = std::fs::File::open(path).ok()?;
    let reader = png::Decoder::new(std::io::BufReader::new(file))
        .read_info()
        .ok()?;
    Some((reader.info().width, reader.info().height))
}

fn main() -> ExitCode {
    let Some(chrome) = chromium() else {
        eprintln!(
            "error: Chromium is not installed (looked for chromium, chromium-browser, google-chrome in PATH)\n  help: on Debian/Ubuntu: apt-get install -y chromium"
        );
        return ExitCode::from(1);
    };
    let ds = load_bundled().unwrap();
    let cache = MapCache::new(&ds);
    let opts = FigureOptions::default(); // 1920×1080, English, light
    let n = ds.steps.len();
    let work = tempfile::tempdir().unwrap();

    // Warm up (fonts, caches), then time whole exports.
    let _ = figure_at_step(&ds, &cache, 0, &opts).map(|f| FigureFormat::Png.encode(&f));
    let mut ours = Vec::new();
    for run in 0..RUNS {
        let dir = work.path().join(format!("ours-{run}"));
        let start = Instant::now();
        let paths = export_steps(
            &ds,
            &cache,
            &opts,
            FigureFormat::Png,
            &dir,
            false,
            &mut |_, _| true,
        )
        .unwrap();
        ours.push(start.elapsed());
        assert_eq!(paths.len(), n);
    }
    let ours = median(ours);

    // The same figures as SVG files (not timed) for Chromium.
    let svg_dir = work.path().join("svg");
    let svgs = export_steps(
        &ds,
        &cache,
        &opts,
        FigureFormat::Svg,
        &svg_dir,
        false,
        &mut |_, _| true,
    )
    .unwrap();
    let out_dir = work.path().join("chromium");
    std::fs::create_dir(&out_dir).unwrap();
    let start = Instant::now();
    for svg in &svgs {
        let profile = tempfile::tempdir().unwrap();
        let png = out_dir.join(svg.with_extension("png").file_name().unwrap());
        let status = Command::new(&chrome)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                &format!("--user-data-dir={}", profile.path().display()),
                "--hide-scrollbars",
                "--window-size=1920,1080",
                &format!("--screenshot={}", png.display()),
                &format!("file://{}", svg.display()),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        if !status.success() || png_size(&png) != Some((1920, 1080)) {
            eprintln!(
                "error: Chromium failed on {} ({status}); no 1920×1080 PNG was written",
                svg.display()
            );
            return ExitCode::from(1);
        }
    }
    let chromium = start.elapsed();

    let per = |d: Duration| d.as_secs_f64() * 1000.0 / n as f64;
    let ratio = chromium.as_secs_f64() / ours.as_secs_f64().max(1e-9);
    println!("export benchmark: {n} steps at 1920×1080");
    println!(
        "  karabakh-atlas export (PNG, median of {RUNS}): {:>8.1} ms total, {:>7.1} ms per figure",
        ours.as_secs_f64() * 1000.0,
        per(ours)
    );
    println!(
        "  headless Chromium, SVG → PNG, one process each: {:>8.1} ms total, {:>7.1} ms per figure ({})",
        chromium.as_secs_f64() * 1000.0,
        per(chromium),
        chrome.display()
    );
    println!(
        "  ratio: ours is {ratio:.1}× faster (target ≥ {TARGET}×: {})",
        if ratio >= TARGET { "met" } else { "NOT met" }
    );
    ExitCode::SUCCESS
}
