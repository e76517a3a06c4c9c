//! Start-up to the first drawn frame, and peak resident memory, of the
//! release viewer against a minimal eframe window with the same window
//! options (`examples/minimal_window.rs`), both in a private Xvfb with Mesa's
//! software OpenGL. Targets: each at most 1.5× the minimal window's.
//!
//! Both programs report through the same probe (`karabakh_atlas::ui::probe`,
//! switched on by `KARABAKH_ATLAS_PROBE=first-frame`): after the first frame
//! is drawn they print the milliseconds since the process started (from
//! `/proc`, 10 ms steps) and `VmHWM`, then close. This benchmark also times
//! each run from spawn to that line with its own clock (sub-millisecond).
//! Runs alternate between the two programs, each with a fresh `HOME`, and
//! the medians of [`RUNS`] runs are compared.
//!
//! Run with `cargo bench --bench startup` (it builds the example with the
//! same profile first). Needs Xvfb and Mesa, as the end-to-end tests do.
//!
//! `KARABAKH_ATLAS_STARTUP_ALSO=PATH` adds a third program to the same
//! alternating runs, for example the packaged build
//! (`cargo build --profile dist`, `target/dist/karabakh-atlas`), so the
//! release and the shipped profiles are compared against one baseline.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
#[path = "../tests/common/xvfb.rs"]
mod xvfb;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::median;
use karabakh_atlas::ui::probe;

/// Measured runs of each program (after one warm-up run each).
const RUNS: usize = 11;
/// The start-up and memory targets, as ratios to the minimal window.
const TARGET: f64 = 1.5;

/// One run's figures.
#[derive(Debug, Clone, Copy)]
struct Run {
    /// Spawn to the probe line, by this benchmark's clock.
    wall_ms: f64,
    /// Process start to first drawn frame, by the probe (/proc).
    probe_ms: f64,
    /// Peak resident set size, KiB.
    hwm_kib: u64,
}

/// Build the minimal window example with the profile this benchmark was
/// built with, and return its path.
fn build_example() -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    // The viewer binary cargo built for this benchmark sits in the profile's
    // output folder; the example goes to its examples/ beside it.
    let app = PathBuf::from(env!("CARGO_BIN_EXE_karabakh-atlas"));
    let profile_dir = app.parent().unwrap().to_path_buf();
    let target_dir = profile_dir.parent().unwrap();
    let profile = profile_dir.file_name().unwrap().to_str().unwrap();
    let profile = if profile == "debug" { "dev" } else { "release" };
    let status = Command::new(cargo)
        .args([
            "build",
            "--quiet",
            "--profile",
            profile,
            "--features",
            "gui",
        ])
        .args(["--example", "minimal_window", "--manifest-path"])
        .arg(&manifest)
        .arg("--target-dir")
        .arg(target_dir)
        .status()
        .expect("cargo could not be started");
    assert!(
        status.success(),
        "building examples/minimal_window.rs failed"
    );
    let exe = profile_dir.join("examples").join("minimal_window");
    assert!(exe.is_file(), "{} was not built", exe.display());
    exe
}

/// Run `exe` once on `display` until its probe line (at most 60 s).
fn run_once(exe: &Path, display: &str) -> Run {
    let home = tempfile::tempdir().unwrap();
    let start = Instant::now();
    let mut child = Command::new(exe)
        .env("DISPLAY", display)
        .env_remove("WAYLAND_DISPLAY")
        .env("LIBGL_ALWAYS_SOFTWARE", "1")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env(probe::ENV, probe::FIRST_FRAME)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(v) = probe::parse(&line) {
                let _ = tx.send((start.elapsed(), v));
                return;
            }
        }
    });
    let got = rx.recv_timeout(Duration::from_secs(60));
    // The probe closes the window; give it a moment, then make sure.
    let deadline = Instant::now() + Duration::from_secs(10);
    while child.try_wait().unwrap().is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    let _ = child.kill();
    let _ = child.wait();
    let (wall, (probe_ms, hwm_kib)) =
        got.unwrap_or_else(|_| panic!("{} printed no probe line within 60 s", exe.display()));
    Run {
        wall_ms: wall.as_secs_f64() * 1e3,
        probe_ms,
        hwm_kib,
    }
}

struct Medians {
    wall_ms: f64,
    probe_ms: f64,
    hwm_mib: f64,
}

fn medians(runs: &[Run]) -> Medians {
    let pick = |f: fn(&Run) -> f64| median(&mut runs.iter().map(f).collect::<Vec<_>>());
    Medians {
        wall_ms: pick(|r| r.wall_ms),
        probe_ms: pick(|r| r.probe_ms),
        hwm_mib: pick(|r| r.hwm_kib as f64 / 1024.0),
    }
}

fn verdict(ratio: f64) -> &'static str {
    if ratio <= TARGET { "met" } else { "NOT met" }
}

fn main() {
    let example = build_example();
    let app = PathBuf::from(env!("CARGO_BIN_EXE_karabakh-atlas"));
    let also = std::env::var_os("KARABAKH_ATLAS_STARTUP_ALSO").map(PathBuf::from);
    let x = xvfb::Xvfb::start();
    // Warm the page cache and Mesa's shader cache.
    run_once(&app, x.display());
    run_once(&example, x.display());
    if let Some(also) = &also {
        run_once(also, x.display());
    }
    let (mut a, mut m, mut o) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..RUNS {
        a.push(run_once(&app, x.display()));
        m.push(run_once(&example, x.display()));
        if let Some(also) = &also {
            o.push(run_once(also, x.display()));
        }
    }
    let (am, mm) = (medians(&a), medians(&m));
    println!("start-up to the first drawn frame under Xvfb, median of {RUNS} runs each:");
    for (name, v) in [("viewer", &am), ("minimal eframe window", &mm)] {
        println!(
            "  {name}: {:.1} ms spawn to frame ({:.0} ms by /proc), peak RSS {:.1} MiB",
            v.wall_ms, v.probe_ms, v.hwm_mib
        );
    }
    if let Some(also) = &also {
        let om = medians(&o);
        println!(
            "  {}: {:.1} ms spawn to frame ({:.0} ms by /proc), peak RSS {:.1} MiB; {:.2}x the minimal window, {:.2}x the viewer above",
            also.display(),
            om.wall_ms,
            om.probe_ms,
            om.hwm_mib,
            om.wall_ms / mm.wall_ms,
            om.wall_ms / am.wall_ms
        );
    }
    let t = am.wall_ms / mm.wall_ms;
    let r = am.hwm_mib / mm.hwm_mib;
    println!(
        "  ratio viewer/minimal: start-up {t:.2}x (target <= {TARGET}x: {}), peak RSS {r:.2}x (target <= {TARGET}x: {})",
        verdict(t),
        verdict(r)
    );
    let spread = |runs: &[Run]| {
        let mut w: Vec<f64> = runs.iter().map(|r| r.wall_ms).collect();
        w.sort_by(f64::total_cmp);
        (w[0], w[w.len() - 1])
    };
    let ((a0, a1), (m0, m1)) = (spread(&a), spread(&m));
    println!("  range of start-up: viewer {a0:.1}..{a1:.1} ms, minimal {m0:.1}..{m1:.1} ms");
}
