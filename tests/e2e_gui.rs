//! End to end: the real binary opens a real window under Xvfb (Mesa software
//! OpenGL), writes `--screenshot` PNGs at three dates, and each district's
//! interior shows the legend colour of its state at that date.
//!
//! Needs `Xvfb` (Debian: xvfb) and Mesa (libgl1-mesa-dri); `.ci/run` installs
//! them. A missing Xvfb is a test failure, never a silent skip.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::pixels::{Shot, close, dominant_colour};
use karabakh_atlas::model::state::state_at;
use karabakh_atlas::model::{Date, load_bundled};
use karabakh_atlas::scene::style::{Style, ThemeKind};

/// A private X server for one test.
struct Xvfb {
    child: Child,
    display: String,
}

impl Xvfb {
    fn start() -> Self {
        let bin = which("Xvfb").unwrap_or_else(|| {
            panic!("Xvfb is not installed: the end-to-end tests need it (Debian/Ubuntu: apt-get install -y xvfb libgl1-mesa-dri); .ci/run installs it")
        });
        // Xvfb picks a free display itself and prints its number (-displayfd 1).
        let mut child = Command::new(&bin)
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1920x1200x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut line);
            let _ = tx.send(line);
        });
        match rx.recv_timeout(Duration::from_secs(20)) {
            Ok(line) if !line.trim().is_empty() => Self {
                child,
                display: format!(":{}", line.trim()),
            },
            _ => {
                let _ = child.kill();
                panic!("Xvfb did not start within 20 s");
            }
        }
    }

    fn display(&self) -> &str {
        &self.display
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join(name))
        .find(|p| p.is_file())
}

/// Run the viewer with `args` on `display` and wait (at most two minutes).
fn run_viewer(display: &str, home: &Path, args: &[&str]) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_karabakh-atlas"))
        .args(args)
        .env("DISPLAY", display)
        .env_remove("WAYLAND_DISPLAY")
        .env("LIBGL_ALWAYS_SOFTWARE", "1")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!(
                "the viewer did not finish within 2 minutes:\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn screenshots_at_three_dates_show_each_state_in_its_legend_colour() {
    let x = Xvfb::start();
    let dir = tempfile::tempdir().unwrap();
    let ds = load_bundled().unwrap();
    let cache = karabakh_atlas::scene::display::MapCache::new(&ds);
    let style = Style::new(ThemeKind::Light);
    let (w, h) = (1280u32, 800u32);
    for date in ["2020-09-26", "2020-11-21", "2023-10-01"] {
        let path = dir.path().join(format!("map-{date}.png"));
        let out = run_viewer(
            x.display(),
            dir.path(),
            &[
                "--date",
                date,
                "--size",
                &format!("{w}x{h}"),
                "--screenshot",
                path.to_str().unwrap(),
            ],
        );
        assert!(
            out.status.success(),
            "viewer failed on {date}:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let shot = Shot::read(&path);
        let ppp = shot.numbers("karabakh-atlas:pixels-per-point")[0];
        assert_eq!(
            (shot.width, shot.height),
            ((f64::from(w) * ppp) as u32, (f64::from(h) * ppp) as u32)
        );
        assert_eq!(shot.text["karabakh-atlas:date"], date);
        for s in state_at(&ds, Date::parse(date).unwrap()) {
            let idx = ds
                .controllers
                .iter()
                .position(|c| c.id == s.controlled_by)
                .unwrap();
            let expected = style.controller_fill(idx);
            let got = dominant_colour(&ds, &cache, &shot, &s.id);
            assert!(
                close(got, expected),
                "{} on {date}: dominant colour {got:?}, legend colour {expected:?} ({})",
                s.id,
                s.controlled_by
            );
        }
    }
}

#[test]
fn screenshot_refuses_to_overwrite_and_reports_a_bad_path() {
    let x = Xvfb::start();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keep.png");
    std::fs::write(&path, b"user file").unwrap();
    let out = run_viewer(
        x.display(),
        dir.path(),
        &["--screenshot", path.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(&path).unwrap(), b"user file");
    let out = run_viewer(
        x.display(),
        dir.path(),
        &[
            "--screenshot",
            path.to_str().unwrap(),
            "--force",
            "--size",
            "800x600",
            "--step",
            "9",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let shot = Shot::read(&path);
    assert_eq!(shot.text["karabakh-atlas:step"], "9");
    assert_eq!(shot.text["karabakh-atlas:date"], "2020-12-01");
}

#[test]
fn screenshot_with_the_reader_open_on_the_lachin_handover() {
    let x = Xvfb::start();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("reader.png");
    let out = run_viewer(
        x.display(),
        dir.path(),
        &[
            "--step",
            "9",
            "--cite",
            "lachin-handed-over",
            "--size",
            "1600x900",
            "--screenshot",
            path.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let shot = Shot::read(&path);
    assert_eq!(shot.text["karabakh-atlas:step"], "9");
    let ppp = shot.numbers("karabakh-atlas:pixels-per-point")[0];
    let r = shot.numbers("karabakh-atlas:reader");
    let (x0, y0) = ((r[0] * ppp) as u32, (r[1] * ppp) as u32);
    let (x1, y1) = (((r[0] + r[2]) * ppp) as u32, ((r[1] + r[3]) * ppp) as u32);
    assert!(x1 > x0 + 200 && y1 > y0 + 300, "reader rect {r:?}");
    let style = Style::new(ThemeKind::Light);
    let (mut current, mut other, mut ink) = (0, 0, 0);
    for py in y0..y1.min(shot.height) {
        for px in x0..x1.min(shot.width) {
            let p = shot.pixel(px, py);
            if close(p, style.highlight_current) {
                current += 1;
            } else if close(p, style.highlight_other) {
                other += 1;
            } else if p[0] < 90 && p[1] < 90 && p[2] < 90 {
                ink += 1;
            }
        }
    }
    // The step's passages in the strong colour, other steps' in the quiet one,
    // and text drawn over them.
    assert!(
        current > 3_000,
        "{current} pixels of the current step's highlight"
    );
    assert!(other > 3_000, "{other} pixels of other steps' highlights");
    assert!(ink > 3_000, "{ink} dark text pixels");
}

/// Mean x (pixels) of the time cursor's colour below the map: the date
/// cursor on the time axis and the current-date line on the chart.
fn time_cursor_x(shot: &Shot) -> f64 {
    let ppp = shot.numbers("karabakh-atlas:pixels-per-point")[0];
    let vp = shot.numbers("karabakh-atlas:map-viewport");
    let top = ((vp[1] + vp[3]) * ppp) as u32;
    let cursor = Style::new(ThemeKind::Light).time_cursor;
    let (mut sum, mut n) = (0.0, 0u32);
    for y in top..shot.height {
        for x in 0..shot.width {
            if close(shot.pixel(x, y), cursor) {
                sum += f64::from(x);
                n += 1;
            }
        }
    }
    assert!(n > 20, "only {n} pixels of the time cursor's colour");
    sum / f64::from(n)
}

#[test]
fn screenshot_in_arabic_mirrors_the_time_axis_and_keeps_the_map_colours() {
    let x = Xvfb::start();
    let dir = tempfile::tempdir().unwrap();
    let ds = load_bundled().unwrap();
    let cache = karabakh_atlas::scene::display::MapCache::new(&ds);
    let style = Style::new(ThemeKind::Light);
    let date = "2020-12-01";
    let mut cursor = Vec::new();
    for lang in ["en", "ar"] {
        let path = dir.path().join(format!("viewer-{lang}.png"));
        let out = run_viewer(
            x.display(),
            dir.path(),
            &[
                "--lang",
                lang,
                "--digits",
                "arabic-indic",
                "--date",
                date,
                "--size",
                "1280x800",
                "--screenshot",
                path.to_str().unwrap(),
            ],
        );
        assert!(
            out.status.success(),
            "viewer failed with --lang {lang}:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let shot = Shot::read(&path);
        assert_eq!(shot.text["karabakh-atlas:date"], date);
        // The map is the same map in either language.
        for s in state_at(&ds, Date::parse(date).unwrap()) {
            let idx = ds
                .controllers
                .iter()
                .position(|c| c.id == s.controlled_by)
                .unwrap();
            let got = dominant_colour(&ds, &cache, &shot, &s.id);
            assert!(
                close(got, style.controller_fill(idx)),
                "{lang}: {} shows {got:?}",
                s.id
            );
        }
        cursor.push((time_cursor_x(&shot), shot.width));
    }
    // Arabic runs time right to left: the date's cursor sits at the mirror
    // image of where the English one does (the time panel spans the window).
    let [(en, w), (ar, _)] = [cursor[0], cursor[1]];
    let mirrored = f64::from(w) - en;
    assert!(
        (ar - mirrored).abs() < 0.03 * f64::from(w) && (ar - en).abs() > 0.1 * f64::from(w),
        "English cursor at {en:.0}, Arabic at {ar:.0}, mirror of English {mirrored:.0} (width {w})"
    );
}
