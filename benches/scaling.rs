//! How the viewer scales with the size of the dataset: synthetic datasets
//! (`karabakh_atlas::synth`) with 1×, 10×, 100× and 1000× the tracked
//! places, towns, steps, citations and sources of the bundled one, each
//! loaded from a folder, then drawn full-window at 1920×1080 (egui layout
//! and tessellation, no GPU, as `benches/frame.rs` measures it).
//!
//! Reported at each scale: load time, viewer set-up time, frame time (p50,
//! p99) with nothing moving, the 1× viewer's frame drawn in turns beside it
//! (the host's speed drifts during a run), a date change with its frame
//! (scrubbing, p50),
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
/// Frames drawn in one turn when two viewers take turns.
const TURN: usize = 22;

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

/// Median load time of the dataset in `dir` over `loads` loads, after one
/// load that is not counted (it finds the files cold in the page cache and
/// the allocator without the pages it reuses later), and the dataset.
fn load_time(dir: &std::path::Path, loads: usize) -> (f64, Dataset) {
    let mut times = Vec::new();
    let mut ds = load_folder(dir).unwrap_or_else(|e| panic!("{e}"));
    for _ in 0..loads {
        let t = Instant::now();
        let d = load_folder(dir).unwrap_or_else(|e| panic!("{e}"));
        times.push(t.elapsed().as_secs_f64() * 1e3);
        ds = d;
    }
    (median(&mut times), ds)
}

/// What one scale measured.
struct Row {
    scale: usize,
    load_ms: f64,
    setup_ms: f64,
    frame_p50: f64,
    frame_p99: f64,
    /// The 1× viewer's frame, drawn between this scale's frames.
    beside_p50: f64,
    scrub_p50: f64,
    rss_mib: f64,
}

/// The viewer on `ds`, at the step in the middle, after its warm-up
/// frames, and its set-up time (`App::new`: map cache, reader index, areas
/// and their series; the first frame is not included).
fn viewer(ds: Dataset) -> (f64, Harness<'static, App>) {
    let mid = ds.steps.len() / 2;
    let setup = std::rc::Rc::new(std::cell::Cell::new(0.0));
    let setup_in = setup.clone();
    let mut h = Harness::builder().with_size(SIZE).build_eframe(move |cc| {
        let t = Instant::now();
        let app = App::new(cc, ds, &ViewerOptions::default(), Outcome::default());
        setup_in.set(t.elapsed().as_secs_f64() * 1e3);
        app
    });
    h.state_mut()
        .push(Command::Time(TimeCommand::GoToStep(mid)));
    frames(&mut h, WARMUP, |_, _| {});
    (setup.get(), h)
}

/// Frame times of `h` with nothing moving and, when `beside` is given,
/// of `beside` (the 1× viewer) drawn between them, in turns of [`TURN`]
/// frames each (the first two of a turn warm the caches back up and are
/// not counted): the machine's speed drifts over a run, so the ratio to
/// the 1× frame is taken from frames drawn side by side.
fn still_frames(
    h: &mut Harness<'static, App>,
    mut beside: Option<&mut Harness<'static, App>>,
) -> (Vec<Duration>, Vec<Duration>) {
    let n = env_number("SCALING_FRAMES").unwrap_or(FRAMES).max(1);
    let (mut still, mut other) = (Vec::with_capacity(n), Vec::with_capacity(n));
    while still.len() < n {
        let counted = (TURN - 2).min(n - still.len());
        frames(h, 2, |_, _| {});
        still.extend(frames(h, counted, |_, _| {}));
        if let Some(b) = beside.as_deref_mut() {
            frames(b, 2, |_, _| {});
            other.extend(frames(b, counted, |_, _| {}));
        }
    }
    still.sort();
    other.sort();
    (still, other)
}

/// Times of a date change with its frame on `h` (scrubbing: a different
/// date every frame, as a drag on the time axis does).
fn scrub_frames(h: &mut Harness<'static, App>) -> Vec<Duration> {
    let ds = h.state().dataset();
    let (from, days) = (
        ds.coverage.from,
        ds.coverage.from.days_until(ds.coverage.to),
    );
    let scrubs = env_number("SCALING_SCRUBS").unwrap_or(SCRUBS).max(1);
    frames(h, scrubs, |h, i| {
        let d = from.add_days((i as i64 * 7919) % days.max(1));
        h.state_mut().push(Command::Time(TimeCommand::SetDate(d)));
    })
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
    // The 1× viewer, kept to be drawn beside the larger scales.
    let mut one_x: Option<Harness<'static, App>> = None;
    for k in SCALES
        .into_iter()
        .filter(|&k| k <= max && only.is_none_or(|o| o == k))
    {
        let counts = base_counts.times(k);
        let files = synth::files(counts);
        let bytes: usize = files.values().map(Vec::len).sum();
        let dir = write(&files);
        drop(files);
        // A sub-millisecond load needs many samples for a steady median:
        // 200 loads at 1×, 20 at 10×, 11 at 100×, 3 at 1000×.
        let loads = (200 / k).max(if k >= 1000 { 3 } else { 11 });
        let (load_ms, ds) = load_time(dir.path(), loads);
        let (setup_ms, mut h) = viewer(ds);
        let (still, beside) = still_frames(&mut h, one_x.as_mut());
        let scrub = scrub_frames(&mut h);
        let frame_p50 = ms(percentile(&still, 0.5));
        let row = Row {
            scale: k,
            load_ms,
            setup_ms,
            frame_p50,
            frame_p99: ms(percentile(&still, 0.99)),
            beside_p50: if beside.is_empty() {
                frame_p50
            } else {
                ms(percentile(&beside, 0.5))
            },
            scrub_p50: ms(percentile(&scrub, 0.5)),
            rss_mib: peak_rss_mib(),
        };
        if k == 1 {
            // Back at the step its still frames were drawn at.
            let mid = h.state().dataset().steps.len() / 2;
            h.state_mut()
                .push(Command::Time(TimeCommand::GoToStep(mid)));
            frames(&mut h, WARMUP, |_, _| {});
            one_x = Some(h);
        }
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
            "       load {load_ms:.1} ms ({:.1}x of 1x); viewer set-up {setup_ms:.1} ms ({:.1}x of 1x)\n       frame p50 {:.3} ms ({:.1}x of 1x, {:.1}x the 1x frame drawn beside it, {:.1}x the empty frame), p99 {:.3} ms; scrub p50 {:.3} ms; peak RSS {:.1} MiB",
            load_ms / one.load_ms,
            setup_ms / one.setup_ms,
            row.frame_p50,
            row.frame_p50 / one.frame_p50,
            row.frame_p50 / row.beside_p50,
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
                "{{\"scale\":{},\"load_ms\":{:.3},\"setup_ms\":{:.3},\"frame_p50_ms\":{:.3},\"frame_p99_ms\":{:.3},\"frame_1x_beside_p50_ms\":{:.3},\"scrub_p50_ms\":{:.3},\"rss_mib\":{:.1}}}",
                r.scale,
                r.load_ms,
                r.setup_ms,
                r.frame_p50,
                r.frame_p99,
                r.beside_p50,
                r.scrub_p50,
                r.rss_mib
            )
        })
        .collect();
    println!(
        "scaling-json: {{\"scales\":[{}],\"empty_frame_p50_ms\":{empty_p50:.4}}}",
        scales.join(",")
    );
}
