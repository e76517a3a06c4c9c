//! CPU time per frame of the whole viewer window at 1920×1080 (egui layout
//! and tessellation, no GPU), and per date change while scrubbing, each
//! reported with a baseline measured in the same run: an egui frame that
//! draws nothing. Run with `cargo bench --bench frame`; results are written
//! to stdout (see docs/performance.md), the last line all of them as one
//! JSON object after `frame-json: `, so runs can be compared.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::time::Duration;

use common::{empty_harness, frames, ms, percentile, report};
use egui_kittest::Harness;
use karabakh_atlas::control::TimeCommand;
use karabakh_atlas::model::load_bundled;
use karabakh_atlas::ui::ViewerOptions;
use karabakh_atlas::ui::app::{App, Command};
use karabakh_atlas::ui::screenshot::Outcome;

const SIZE: [f32; 2] = [1920.0, 1080.0];
const WARMUP: usize = 30;
const FRAMES: usize = 400;
const SCRUBS: usize = 1000;

fn main() {
    let mut base = empty_harness(SIZE);
    let mut app = Harness::builder().with_size(SIZE).build_eframe(|cc| {
        App::new(
            cc,
            load_bundled().unwrap(),
            &ViewerOptions::default(),
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
    println!(
        "frame-json: {{\"frame_p50_ms\":{:.4},\"frame_p99_ms\":{:.4},\"scrub_p50_ms\":{:.4},\"empty_frame_p50_ms\":{:.4}}}",
        ms(percentile(&app_t, 0.5)),
        ms(percentile(&app_t, 0.99)),
        ms(percentile(&scrub_t, 0.5)),
        ms(percentile(&base_t, 0.5)),
    );
}
