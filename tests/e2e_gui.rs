//! End to end: the real binary opens a real window under Xvfb (Mesa software
//! OpenGL), writes `--screenshot` PNGs at three dates, and each district's
//! interior shows the legend colour of its state at that date.
//!
//! Needs `Xvfb` (Debian: xvfb) and Mesa (libgl1-mesa-dri); `.ci/run` installs
//! them. A missing Xvfb is a test failure, never a silent skip.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::pixels::{Shot, close, dominant_colour};
use common::xvfb::Xvfb;
use karabakh_atlas::model::state::state_at;
use karabakh_atlas::model::{Date, load_bundled};
use karabakh_atlas::scene::style::{Style, ThemeKind};

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
