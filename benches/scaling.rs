//! How the viewer scales with the size of the dataset: synthetic datasets
//! (`karabakh_atlas::synth`) with 1×, 10×, 100× and 1000× the tracked
//! places, towns, steps, citations and sources of the bundled one, each
//! loaded from a folder, then drawn full-window at 1920×1080 (egui layout
//! and tessellation, no GPU, as `benches/frame.rs` measures it).
//!
//! Reported at each scale: load time, viewer set-up time, frame time (p50,
//! p99) with nothing moving, a date change with its frame (scrubbing, p50),
//! the process's peak resident memory so far (scales run smallest first, so
//! it is the peak of the largest scale yet), each with its ratio to the 1×
//! figure; and an empty egui frame measured in the same run as the baseline.
//! The last line is all of it as one JSON object after `scaling-json: `, so
//! runs can be compared. Run with `cargo bench --bench scaling`
//! (`SCALING_MAX=100` stops after 100×; `SCALING_ONLY=100` measures that
//! scale alone, and `SCALING_FRAMES=n` and `SCALING_SCRUBS=n` draw `n`
//! still and scrubbing frames, for a profiler).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::time::{Duration, Instant};

use common::{empty_harness, frames, median, ms, peak_rss_mib, percentile};
use egui_kittest::Harness;
use karabakh_atlas::control::TimeCommand;
use karabakh_atlas::model::{Dataset, load_bundled, load_folder};
use karabakh_atlas::synth::{self, Counts};
use karabakh_atlas::ui::ViewerOptions;
use karabakh_atlas::ui::app::{App, Command};
use karabakh_atlas::ui::screenshot::Outcome;

const SIZE: [f32; 2] = [1920.0, 1080.0];
const SCALES: [usize; 4] = [1, 10, 100, 1000];
const WARMUP: usize = 20;
const FRAMES: usize = 200;

/// The value of the environment variable `name` as a number, if set.
fn env_number(name: &str) -> Option<usize> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}
const SCRUBS: usize = 200;

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

/// Median load time of the dataset in `dir` over `loads` loads, and the
/// dataset.
fn load_time(dir: &std::path::Path, loads: usize) -> (f64, Dataset) {
    let mut times = Vec::new();
    let mut ds = None;
    for _ in 0..loads {
        let t = Instant::now();
        let d = load_folder(dir).unwrap_or_else(|e| panic!("{e}"));
        times.push(t.elapsed().as_secs_f64() * 1e3);
        ds = Some(d);
    }
    (median(&mut times), ds.unwrap())
}

/// What one scale measured.
struct Row {
    scale: usize,
    load_ms: f64,
    setup_ms: f64,
    frame_p50: f64,
    frame_p99: f64,
    scrub_p50: f64,
    rss_mib: f64,
}

/// The viewer's set-up time on `ds` (`App::new`: map cache, reader index,
/// areas and their series; the first frame is not included), its frame
/// times at the step in the middle with nothing moving, and its times for a
/// date change with its frame.
fn frame_times(ds: Dataset) -> (f64, Vec<Duration>, Vec<Duration>) {
    let mid = ds.steps.len() / 2;
    let (from, days) = (
        ds.coverage.from,
        ds.coverage.from.days_until(ds.coverage.to),
    );
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
    let still = frames(
        &mut h,
        env_number("SCALING_FRAMES").unwrap_or(FRAMES).max(1),
        |_, _| {},
    );
    // Scrubbing: a different date every frame, as a drag on the time axis does.
    let scrubs = env_number("SCALING_SCRUBS").unwrap_or(SCRUBS).max(1);
    let scrub = frames(&mut h, scrubs, |h, i| {
        let d = from.add_days((i as i64 * 7919) % days.max(1));
        h.state_mut().push(Command::Time(TimeCommand::SetDate(d)));
    });
    (setup, still, scrub)
}

fn main() {
    let max = env_number("SCALING_MAX").unwrap_or(usize::MAX);
    let only = env_number("SCALING_ONLY");
    let base_counts = Counts::of(&load_bundled().unwrap());
    let mut empty = empty_harness(SIZE);
    frames(&mut empty, WARMUP, |_, _| {});
    let baseline = frames(&mut empty, FRAMES, |_, _| {});
    let empty_p50 = ms(percentile(&baseline, 0.5));
    println!("baseline: empty egui frame at 1920x1080, p50 {empty_p50:.3} ms");
    let mut rows: Vec<Row> = Vec::new();
    for k in SCALES
        .into_iter()
        .filter(|&k| k <= max && only.is_none_or(|o| o == k))
    {
        let counts = base_counts.times(k);
        let files = synth::files(counts);
        let bytes: usize = files.values().map(Vec::len).sum();
        let dir = write(&files);
        drop(files);
        let (load_ms, ds) = load_time(dir.path(), if k >= 1000 { 3 } else { 5 });
        let (setup_ms, still, scrub) = frame_times(ds);
        let row = Row {
            scale: k,
            load_ms,
            setup_ms,
            frame_p50: ms(percentile(&still, 0.5)),
            frame_p99: ms(percentile(&still, 0.99)),
            scrub_p50: ms(percentile(&scrub, 0.5)),
            rss_mib: peak_rss_mib(),
        };
        let one = rows.first().unwrap_or(&row);
        println!(
            "{k:>4}x: {} tracked places, {} towns, {} steps, {} citations, {} sources ({:.1} MB)",
            counts.tracked,
            counts.towns,
            counts.steps,
            counts.citations,
            counts.sources,
            bytes as f64 / 1e6
        );
        println!(
            "       load {load_ms:.1} ms ({:.1}x of 1x); viewer set-up {setup_ms:.1} ms ({:.1}x of 1x)\n       frame p50 {:.3} ms ({:.1}x of 1x, {:.1}x the empty frame), p99 {:.3} ms; scrub p50 {:.3} ms; peak RSS {:.1} MiB",
            load_ms / one.load_ms,
            setup_ms / one.setup_ms,
            row.frame_p50,
            row.frame_p50 / one.frame_p50,
            row.frame_p50 / empty_p50,
            row.frame_p99,
            row.scrub_p50,
            row.rss_mib,
        );
        rows.push(row);
    }
    let scales: Vec<String> = rows
        .iter()
        .map(|r| {
            format!(
                "{{\"scale\":{},\"load_ms\":{:.3},\"setup_ms\":{:.3},\"frame_p50_ms\":{:.3},\"frame_p99_ms\":{:.3},\"scrub_p50_ms\":{:.3},\"rss_mib\":{:.1}}}",
                r.scale, r.load_ms, r.setup_ms, r.frame_p50, r.frame_p99, r.scrub_p50, r.rss_mib
            )
        })
        .collect();
    println!(
        "scaling-json: {{\"scales\":[{}],\"empty_frame_p50_ms\":{empty_p50:.4}}}",
        scales.join(",")
    );
}
