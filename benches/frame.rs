//! CPU time per frame of the whole viewer window at 1920×1080 (egui layout
//! and tessellation, no GPU), and per date change while scrubbing, each
//! reported with a baseline measured in the same run: an egui frame that
//! draws nothing. Run with `cargo bench --bench frame`; results are written
//! to stdout (see docs/performance.md).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use karabakh_atlas::cli::GuiArgs;
use karabakh_atlas::control::TimeCommand;
use karabakh_atlas::model::load_bundled;
use karabakh_atlas::ui::app::{App, Command};
use karabakh_atlas::ui::screenshot::Outcome;

const SIZE: [f32; 2] = [1920.0, 1080.0];
const WARMUP: usize = 30;
const FRAMES: usize = 400;
const SCRUBS: usize = 1000;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Time `frames` frames: one egui pass plus tessellation of its shapes.
fn frames<S>(
    h: &mut Harness<'_, S>,
    n: usize,
    mut before: impl FnMut(&mut Harness<'_, S>, usize),
) -> Vec<Duration> {
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        before(h, i);
        let start = Instant::now();
        h.step();
        let shapes = h.output().shapes.clone();
        let ppp = h.ctx.pixels_per_point();
        let prims = h.ctx.tessellate(shapes, ppp);
        out.push(start.elapsed());
        std::hint::black_box(prims);
    }
    out.sort();
    out
}

fn report(name: &str, app: &[Duration], base: &[Duration]) {
    let (a50, a99) = (percentile(app, 0.5), percentile(app, 0.99));
    let (b50, b99) = (percentile(base, 0.5), percentile(base, 0.99));
    println!(
        "{name}: p50 {:.3} ms (baseline {:.3} ms, ratio {:.1}x), p99 {:.3} ms (baseline {:.3} ms, ratio {:.1}x)",
        a50.as_secs_f64() * 1e3,
        b50.as_secs_f64() * 1e3,
        a50.as_secs_f64() / b50.as_secs_f64(),
        a99.as_secs_f64() * 1e3,
        b99.as_secs_f64() * 1e3,
        a99.as_secs_f64() / b99.as_secs_f64(),
    );
}

fn main() {
    let mut base = Harness::builder().with_size(SIZE).build_ui(|ui| {
        std::hint::black_box(ui.available_rect_before_wrap());
    });
    let mut app = Harness::builder().with_size(SIZE).build_eframe(|cc| {
        App::new(
            cc,
            load_bundled().unwrap(),
            &GuiArgs::default(),
            Outcome::default(),
        )
    });
    // Show a step with hatched districts and a long card.
    app.state_mut().push(Command::Time(TimeCommand::SetDate(
        karabakh_atlas::model::Date::parse("2020-11-21").unwrap(),
    )));
    frames(&mut base, WARMUP, |_, _| {});
    frames(&mut app, WARMUP, |_, _| {});

    let base_t = frames(&mut base, FRAMES, |_, _| {});
    let app_t = frames(&mut app, FRAMES, |_, _| {});
    report("full window frame at 1920x1080", &app_t, &base_t);

    // Scrubbing: a different date every frame, as a drag on the time axis does.
    let ds = app.state().dataset().clone();
    let days = ds.coverage.from.days_until(ds.coverage.to);
    let scrub_t = frames(&mut app, SCRUBS, |h, i| {
        let d = ds.coverage.from.add_days((i as i64 * 7919) % days);
        h.state_mut().push(Command::Time(TimeCommand::SetDate(d)));
    });
    let base_s = frames(&mut base, SCRUBS, |_, _| {});
    report("scrub: one date change and its frame", &scrub_t, &base_s);
    let total: Duration = scrub_t.iter().sum();
    println!(
        "scrub: {SCRUBS} date changes in {:.1} ms, {:.3} ms per change",
        total.as_secs_f64() * 1e3,
        total.as_secs_f64() * 1e3 / SCRUBS as f64
    );
}
