//! Timing helpers shared by the benchmarks: frames of an egui harness
//! (layout plus tessellation, no GPU), percentiles, and the report line with
//! the ratio to a baseline measured in the same run.
//!
//! Frames are timed with the calling thread's CPU clock
//! (`CLOCK_THREAD_CPUTIME_ID`, nanoseconds), not the wall clock: a kittest
//! frame runs entirely on that thread (egui is built without its parallel
//! tessellation), so the figure is the frame's cost, and it stays the same
//! when other processes share the two cores; a wall-clock figure would count
//! their time slices too.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use egui_kittest::Harness;

/// The value at quantile `p` (0..=1) of `sorted`.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// The median of `values` (sorted in place).
pub fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

/// Time `n` frames: one egui pass plus tessellation of its shapes. `before`
/// runs ahead of each frame, outside the timing. Returns the times sorted.
pub fn frames<S>(
    h: &mut Harness<'_, S>,
    n: usize,
    mut before: impl FnMut(&mut Harness<'_, S>, usize),
) -> Vec<Duration> {
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        before(h, i);
        let start = thread_cpu();
        h.step();
        let shapes = h.output().shapes.clone();
        let ppp = h.ctx.pixels_per_point();
        let prims = h.ctx.tessellate(shapes, ppp);
        out.push(thread_cpu().saturating_sub(start));
        std::hint::black_box(prims);
    }
    out.sort();
    out
}

/// CPU time the calling thread has used so far.
pub fn thread_cpu() -> Duration {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// Milliseconds of a duration.
pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Print p50 and p99 of `app` with the baseline's and their ratios.
pub fn report(name: &str, app: &[Duration], base: &[Duration]) {
    let (a50, a99) = (percentile(app, 0.5), percentile(app, 0.99));
    let (b50, b99) = (percentile(base, 0.5), percentile(base, 0.99));
    println!(
        "{name}: p50 {:.3} ms (baseline {:.3} ms, ratio {:.1}x), p99 {:.3} ms (baseline {:.3} ms, ratio {:.1}x)",
        ms(a50),
        ms(b50),
        a50.as_secs_f64() / b50.as_secs_f64(),
        ms(a99),
        ms(b99),
        a99.as_secs_f64() / b99.as_secs_f64(),
    );
}

/// The process's peak resident memory so far (`VmHWM` in
/// `/proc/self/status`), MiB; NaN where that file is not available.
pub fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// The baseline: an egui frame that draws nothing, at `size` points.
pub fn empty_harness(size: [f32; 2]) -> Harness<'static> {
    Harness::builder().with_size(size).build_ui(|ui| {
        std::hint::black_box(ui.available_rect_before_wrap());
    })
}
