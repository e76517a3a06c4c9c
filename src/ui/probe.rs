//! A start-up probe for benchmarks. With `KARABAKH_ATLAS_PROBE=first-frame`
//! in the environment, the window prints one line to standard output once
//! its first frame has been drawn — the time since the process started and
//! its peak resident memory so far — and then closes:
//!
//! ```text
//! karabakh-atlas-probe first-frame ms=412.0 vmhwm_kib=98765
//! ```
//!
//! Both figures come from Linux's `/proc` (`/proc/self/stat` and
//! `/proc/uptime` for the start time, in steps of 10 ms; `VmHWM` from
//! `/proc/self/status`); elsewhere they print as `?`. The viewer and
//! `examples/minimal_window.rs` call the same [`on_frame`], so
//! `benches/startup.rs` compares like with like. Without the variable
//! [`on_frame`] does nothing but one relaxed atomic load.

use std::io::Write as _;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

/// The environment variable that switches the probe on.
pub const ENV: &str = "KARABAKH_ATLAS_PROBE";

/// The value of [`ENV`] that reports the first drawn frame.
pub const FIRST_FRAME: &str = "first-frame";

/// Every probe line starts with this.
pub const PREFIX: &str = "karabakh-atlas-probe";

static ENABLED: OnceLock<bool> = OnceLock::new();
static FRAMES: AtomicU32 = AtomicU32::new(0);

fn enabled() -> bool {
    *ENABLED.get_or_init(|| std::env::var(ENV).is_ok_and(|v| v == FIRST_FRAME))
}

/// Call at the start of every frame. When the probe is on: in the first
/// frame, ask for a second one; in the second (the first has been painted
/// by then), print the probe line and close the window.
pub fn on_frame(ctx: &egui::Context) {
    if !enabled() {
        return;
    }
    match FRAMES.fetch_add(1, Ordering::Relaxed) {
        0 => ctx.request_repaint(),
        1 => {
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{}", line());
            let _ = out.flush();
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        _ => {}
    }
}

/// The probe line for this process, now.
#[must_use]
pub fn line() -> String {
    let ms = ms_since_start().map_or_else(|| "?".to_owned(), |ms| format!("{ms:.1}"));
    let hwm = peak_rss_kib().map_or_else(|| "?".to_owned(), |k| k.to_string());
    format!("{PREFIX} {FIRST_FRAME} ms={ms} vmhwm_kib={hwm}")
}

/// Read a probe line back: milliseconds since start and peak RSS in KiB.
#[must_use]
pub fn parse(line: &str) -> Option<(f64, u64)> {
    let rest = line.trim().strip_prefix(PREFIX)?.trim_start();
    let rest = rest.strip_prefix(FIRST_FRAME)?;
    let mut ms = None;
    let mut kib = None;
    for part in rest.split_whitespace() {
        if let Some(v) = part.strip_prefix("ms=") {
            ms = v.parse().ok();
        } else if let Some(v) = part.strip_prefix("vmhwm_kib=") {
            kib = v.parse().ok();
        }
    }
    Some((ms?, kib?))
}

/// Milliseconds since this process started (10 ms steps), from `/proc`.
fn ms_since_start() -> Option<f64> {
    // Linux reports the start time in clock ticks of USER_HZ, which is 100.
    const TICKS_PER_SEC: f64 = 100.0;
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name (field 2) may hold spaces; fields after it are plain.
    let after = &stat[stat.rfind(')')? + 1..];
    let start_ticks: f64 = after.split_whitespace().nth(19)?.parse().ok()?;
    let uptime = std::fs::read_to_string("/proc/uptime").ok()?;
    let up: f64 = uptime.split_whitespace().next()?.parse().ok()?;
    Some(((up - start_ticks / TICKS_PER_SEC) * 1000.0).max(0.0))
}

/// Peak resident set size (`VmHWM`) in KiB, from `/proc/self/status`.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_line_reads_back_and_reports_this_process() {
        let l = line();
        assert!(l.starts_with("karabakh-atlas-probe first-frame ms="), "{l}");
        if cfg!(target_os = "linux") {
            let (ms, kib) = parse(&l).unwrap();
            // This test process has been running for some time and holds at
            // least a megabyte.
            assert!(ms >= 0.0 && kib > 1024, "{l}");
        }
        assert_eq!(
            parse("karabakh-atlas-probe first-frame ms=12.5 vmhwm_kib=300"),
            Some((12.5, 300))
        );
        assert_eq!(
            parse("karabakh-atlas-probe first-frame ms=? vmhwm_kib=300"),
            None
        );
        assert_eq!(parse("something else"), None);
    }
}
