//! How the viewer scales with the size of the dataset: synthetic datasets
//! (`karabakh_atlas::synth`) with 1×, 10× and 100× the tracked places,
//! towns, steps, citations and sources of the bundled one, each loaded from
//! a folder, then drawn full-window at 1920×1080 (egui layout and
//! tessellation, no GPU, as `benches/frame.rs` measures it).
//!
//! Reported: load time and frame time (p50, p99) at each scale, the ratio of
//! each to the 1× figure (linear growth would be 10× and 100×), and an empty
//! egui frame measured in the same run as the baseline. Targets: growth no
//! worse than linear, and a 100× frame under 16 ms. Run with
//! `cargo bench --bench scaling`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::time::{Duration, Instant};

use common::{empty_harness, frames, median, ms, percentile};
use egui_kittest::Harness;
use karabakh_atlas::control::TimeCommand;
use karabakh_atlas::model::{Dataset, load_bundled, load_folder};
use karabakh_atlas::synth::{self, Counts};
use karabakh_atlas::ui::ViewerOptions;
use karabakh_atlas::ui::app::{App, Command};
use karabakh_atlas::ui::screenshot::Outcome;

const SIZE: [f32; 2] = [1920.0, 1080.0];
const SCALES: [usize; 3] = [1, 10, 100];
const LOADS: usize = 5;
const WARMUP: usize = 20;
const FRAMES: usize = 200;
/// A frame budget at 60 frames per second.
const BUDGET_MS: f64 = 16.0;

/// Write `files` into a new temporary folder.
fn write(files: &std::collections::BTreeMap<String, Vec<u8>>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (rel, bytes) in files {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

/// Median load time of the dataset in `dir`, and the dataset.
fn load_time(dir: &std::path::Path) -> (f64, Dataset) {
    let mut times = Vec::new();
    let mut ds = None;
    for _ in 0..LOADS {
        let t = Instant::now();
        let d = load_folder(dir).unwrap_or_else(|e| panic!("{e}"));
        times.push(t.elapsed().as_secs_f64() * 1e3);
        ds = Some(d);
    }
    (median(&mut times), ds.unwrap())
}

/// The viewer's set-up time on `ds` (`App::new`: map cache, reader index,
/// areas and their series; the first frame is not included), and its frame
/// times at the step in the middle.
fn frame_times(ds: Dataset) -> (f64, Vec<Duration>) {
    let mid = ds.steps.len() / 2;
    let mut setup = 0.0;
    let mut h = Harness::builder().with_size(SIZE).build_eframe(|cc| {
        let t = Instant::now();
        let app = App::new(cc, ds, &ViewerOptions::default(), Outcome::default());
        setup = t.elapsed().as_secs_f64() * 1e3;
        app
    });
    h.state_mut()
        .push(Command::Time(TimeCommand::GoToStep(mid)));
    frames(&mut h, WARMUP, |_, _| {});
    (setup, frames(&mut h, FRAMES, |_, _| {}))
}

fn main() {
    let base_counts = Counts::of(&load_bundled().unwrap());
    let mut empty = empty_harness(SIZE);
    frames(&mut empty, WARMUP, |_, _| {});
    let baseline = frames(&mut empty, FRAMES, |_, _| {});
    println!(
        "baseline: empty egui frame at 1920x1080, p50 {:.3} ms",
        ms(percentile(&baseline, 0.5))
    );
    let mut first: Option<(f64, f64, f64, f64)> = None;
    let mut rows = Vec::new();
    for k in SCALES {
        let counts = base_counts.times(k);
        let files = synth::files(counts);
        let bytes: usize = files.values().map(Vec::len).sum();
        let dir = write(&files);
        let (load_ms, ds) = load_time(dir.path());
        let (setup_ms, t) = frame_times(ds);
        let (p50, p99) = (ms(percentile(&t, 0.5)), ms(percentile(&t, 0.99)));
        let (l1, s1, f1, g1) = *first.get_or_insert((load_ms, setup_ms, p50, p99));
        println!(
            "{k:>3}x: {} tracked places, {} towns, {} steps, {} citations, {} sources ({:.1} MB)",
            counts.tracked,
            counts.towns,
            counts.steps,
            counts.citations,
            counts.sources,
            bytes as f64 / 1e6
        );
        println!(
            "      load {load_ms:.1} ms ({:.1}x of 1x); viewer set-up {setup_ms:.1} ms ({:.1}x of 1x)\n      frame p50 {p50:.3} ms ({:.1}x of 1x, {:.1}x the empty frame), p99 {p99:.3} ms ({:.1}x of 1x)",
            load_ms / l1,
            setup_ms / s1,
            p50 / f1,
            p50 / ms(percentile(&baseline, 0.5)),
            p99 / g1,
        );
        rows.push((k, load_ms / l1, setup_ms / s1, p50 / f1, p50, p99));
    }
    let linear = rows.iter().all(|&(k, load, setup, frame, _, _)| {
        load <= k as f64 && setup <= k as f64 && frame <= k as f64
    });
    let (_, _, _, _, p50_100, p99_100) = rows[rows.len() - 1];
    println!(
        "targets: growth no worse than linear: {}; 100x frame under {BUDGET_MS} ms: {} (p50 {p50_100:.3} ms, p99 {p99_100:.3} ms)",
        if linear { "met" } else { "NOT met" },
        if p50_100 < BUDGET_MS && p99_100 < BUDGET_MS {
            "met"
        } else {
            "NOT met"
        }
    );
}
