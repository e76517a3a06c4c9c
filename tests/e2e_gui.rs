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
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use common::pixels::{Shot, close, dominant_colour, state_legend_fill};
use common::screenshot;
use common::xvfb::{Xvfb, which};
use karabakh_atlas::model::state::state_at;
use karabakh_atlas::model::{Date, load_bundled};
use karabakh_atlas::scene::style::{Style, ThemeKind};

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
        let size = format!("{w}x{h}");
        let shot = screenshot(&x, dir.path(), &path, &["--date", date, "--size", &size]);
        let ppp = shot.numbers("karabakh-atlas:pixels-per-point")[0];
        assert_eq!(
            (shot.width, shot.height),
            ((f64::from(w) * ppp) as u32, (f64::from(h) * ppp) as u32)
        );
        assert_eq!(shot.text["karabakh-atlas:date"], date);
        for s in state_at(&ds, Date::parse(date).unwrap()) {
            let expected = state_legend_fill(&ds, &style, &s);
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
    let out = x.run_viewer(dir.path(), &["--screenshot", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(&path).unwrap(), b"user file");
    let out = x.run_viewer(
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
    let shot = screenshot(
        &x,
        dir.path(),
        &path,
        &[
            "--step",
            "9",
            "--cite",
            "lachin-handed-over",
            "--size",
            "1600x900",
        ],
    );
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

#[test]
fn presenting_the_handover_tour_at_kalbajar_frames_it_under_a_caption() {
    let x = Xvfb::start();
    let dir = tempfile::tempdir().unwrap();
    let ds = load_bundled().unwrap();
    let cache = karabakh_atlas::scene::display::MapCache::new(&ds);
    let style = Style::new(ThemeKind::Light);
    let path = dir.path().join("present.png");
    let tour = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/tours/handovers.toml");
    let kalbajar_step = ds.step_index("kalbajar-handover").unwrap() + 1;
    let step = kalbajar_step.to_string();
    let shot = screenshot(
        &x,
        dir.path(),
        &path,
        &[
            "--present",
            "--tour",
            tour.to_str().unwrap(),
            "--step",
            &step,
            "--size",
            "1280x800",
        ],
    );
    assert_eq!(shot.text["karabakh-atlas:step"], kalbajar_step.to_string());
    // The caption sits along the bottom of the map.
    let cap = shot.numbers("karabakh-atlas:caption");
    let vp = shot.numbers("karabakh-atlas:map-viewport");
    assert!(cap[1] > vp[1] + vp[3] * 0.6, "caption at {cap:?}");
    // Kalbajar (just handed over) and Lachin (still pending) show their
    // states' legend colours.
    let date = Date::parse(&shot.text["karabakh-atlas:date"]).unwrap();
    for s in state_at(&ds, date)
        .into_iter()
        .filter(|s| s.id == "kalbajar" || s.id == "lachin")
    {
        let got = dominant_colour(&ds, &cache, &shot, &s.id);
        let want = state_legend_fill(&ds, &style, &s);
        assert!(close(got, want), "{}: {got:?}", s.id);
    }
    // The camera flew in: Kalbajar spans far more of the map than when the
    // whole area is fitted (about a fifth of the width).
    let proj = shot.projection();
    let karabakh_atlas::model::geometry::Shape::Area(polys) =
        &ds.map.feature("kalbajar").unwrap().shape
    else {
        panic!("kalbajar is an area")
    };
    let xs: Vec<f32> = polys
        .iter()
        .flatten()
        .flatten()
        .map(|p| proj.screen_from_geo(*p)[0])
        .collect();
    let span =
        xs.iter().copied().fold(f32::MIN, f32::max) - xs.iter().copied().fold(f32::MAX, f32::min);
    assert!(
        span > vp[2] as f32 * 0.28,
        "Kalbajar spans {span} of {} points",
        vp[2]
    );
}

/// A window's pixels captured with `xwd` (X Window Dump, 24/32-bit
/// ZPixmap, the format Xvfb's default visual gives).
struct Capture {
    width: usize,
    height: usize,
    rgb: Vec<[u8; 3]>,
}

fn be32(b: &[u8], i: usize) -> u32 {
    u32::from_be_bytes([b[i * 4], b[i * 4 + 1], b[i * 4 + 2], b[i * 4 + 3]])
}

fn capture(display: &str, window: &str) -> Capture {
    let out = Command::new(which("xwd").expect("xwd is not installed (Debian: x11-apps)"))
        .args(["-silent", "-id", window])
        .env("DISPLAY", display)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "xwd failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let b = &out.stdout;
    let (header, format, bpp) = (be32(b, 0) as usize, be32(b, 2), be32(b, 11));
    let (width, height) = (be32(b, 4) as usize, be32(b, 5) as usize);
    let byte_order = be32(b, 7);
    let bytes_per_line = be32(b, 12) as usize;
    let masks = [be32(b, 14), be32(b, 15), be32(b, 16)];
    let ncolors = be32(b, 19) as usize;
    assert_eq!((format, bpp), (2, 32), "expected a 32-bit ZPixmap");
    let data = &b[header + ncolors * 12..];
    let mut rgb = Vec::with_capacity(width * height);
    for y in 0..height {
        for x in 0..width {
            let i = y * bytes_per_line + x * 4;
            let px = [data[i], data[i + 1], data[i + 2], data[i + 3]];
            let v = if byte_order == 0 {
                u32::from_le_bytes(px)
            } else {
                u32::from_be_bytes(px)
            };
            let ch = |m: u32| ((v & m) >> m.trailing_zeros()) as u8;
            rgb.push([ch(masks[0]), ch(masks[1]), ch(masks[2])]);
        }
    }
    Capture { width, height, rgb }
}

impl Capture {
    /// Share of pixels that are pure black.
    fn black_share(&self) -> f64 {
        self.rgb.iter().filter(|p| **p == [0, 0, 0]).count() as f64 / self.rgb.len() as f64
    }

    /// Share of pixels that differ from `other`'s.
    fn changed_share(&self, other: &Self) -> f64 {
        assert_eq!((self.width, self.height), (other.width, other.height));
        let n = self
            .rgb
            .iter()
            .zip(&other.rgb)
            .filter(|(a, b)| a != b)
            .count();
        n as f64 / self.rgb.len() as f64
    }
}

fn xdotool(display: &str, args: &[&str]) -> String {
    let out = Command::new(
        which("xdotool").expect("xdotool is not installed (Debian: xdotool); .ci/run installs it"),
    )
    .args(args)
    .env("DISPLAY", display)
    .output()
    .unwrap();
    assert!(
        out.status.success(),
        "xdotool {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// Wait (at most 60 s) until the window's title satisfies `ok`; returns it.
fn wait_title(display: &str, window: &str, ok: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let t = xdotool(display, &["getwindowname", window]);
        if ok(&t) {
            return t;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the window title stayed {t:?}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Capture once the picture has stopped changing (the camera flight and
/// the highlight are over).
fn settled_capture(display: &str, window: &str) -> Capture {
    let mut last = capture(display, window);
    let start = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(1500));
        let now = capture(display, window);
        if now.changed_share(&last) == 0.0 || start.elapsed() > Duration::from_secs(60) {
            return now;
        }
        last = now;
    }
}

#[test]
fn a_clicker_walks_the_handover_tour_with_real_keystrokes() {
    let x = Xvfb::start();
    let d = x.display().to_owned();
    let home = tempfile::tempdir().unwrap();
    let tour = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/tours/handovers.toml");
    let ds = load_bundled().unwrap();
    let tour_steps: Vec<String> = karabakh_atlas::model::tour::load_tour_file(&tour, &ds)
        .unwrap()
        .stops
        .iter()
        .map(|s| ds.steps[s.step].title.en().to_owned())
        .collect();
    let n = tour_steps.len();
    let mut child = x.spawn_viewer(
        home.path(),
        &[
            "--present",
            "--tour",
            tour.to_str().unwrap(),
            "--size",
            "1024x700",
        ],
    );
    struct Kill<'a>(&'a mut Child);
    impl Drop for Kill<'_> {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let guard = Kill(&mut child);
    let window = xdotool(
        &d,
        &[
            "search",
            "--sync",
            "--onlyvisible",
            "--name",
            "^karabakh-atlas",
        ],
    );
    let window = window.lines().next().unwrap().to_owned();
    xdotool(&d, &["windowfocus", "--sync", &window]);
    let title_for = |k: usize| format!("presenting {k}/{n}: {}", tour_steps[k - 1]);
    wait_title(&d, &window, |t| t.contains(&title_for(1)));
    let mut shots = vec![settled_capture(&d, &window)];
    // Page Down, as a clicker sends it, through to the last stop.
    for k in 2..=n {
        xdotool(&d, &["key", "--window", &window, "Next"]);
        wait_title(&d, &window, |t| t.contains(&title_for(k)));
        let shot = settled_capture(&d, &window);
        let changed = shot.changed_share(shots.last().unwrap());
        assert!(
            changed > 0.05,
            "stop {k}: only {changed:.3} of the picture changed"
        );
        assert!(shot.black_share() < 0.05, "stop {k} is not blacked out");
        shots.push(shot);
    }
    // One more Page Down stays on the last stop.
    xdotool(&d, &["key", "--window", &window, "Next"]);
    std::thread::sleep(Duration::from_millis(800));
    wait_title(&d, &window, |t| t.contains(&title_for(n)));
    // B blacks the screen out, B again brings the same picture back.
    xdotool(&d, &["key", "--window", &window, "b"]);
    let black = {
        let start = Instant::now();
        loop {
            let c = capture(&d, &window);
            if c.black_share() > 0.99 || start.elapsed() > Duration::from_secs(30) {
                break c;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    };
    assert!(black.black_share() > 0.99, "B did not black out the window");
    xdotool(&d, &["key", "--window", &window, "b"]);
    let back = settled_capture(&d, &window);
    let diff = back.changed_share(shots.last().unwrap());
    assert!(diff < 0.01, "after B, B the picture differs by {diff:.3}");
    // Page Up goes back a stop; Escape leaves presenter mode.
    xdotool(&d, &["key", "--window", &window, "Prior"]);
    wait_title(&d, &window, |t| t.contains(&title_for(n - 1)));
    xdotool(&d, &["key", "--window", &window, "Escape"]);
    wait_title(&d, &window, |t| !t.contains("presenting"));
    drop(guard);
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
        let shot = screenshot(
            &x,
            dir.path(),
            &path,
            &[
                "--lang",
                lang,
                "--digits",
                "arabic-indic",
                "--date",
                date,
                "--size",
                "1280x800",
            ],
        );
        assert_eq!(shot.text["karabakh-atlas:date"], date);
        // The map is the same map in either language.
        for s in state_at(&ds, Date::parse(date).unwrap()) {
            let got = dominant_colour(&ds, &cache, &shot, &s.id);
            assert!(
                close(got, state_legend_fill(&ds, &style, &s)),
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

/// After a session that ended at 1500×950 (closed with Ctrl+Q, which saves
/// like closing the window), `--size` wins over the remembered size, and a
/// `--screenshot` without `--size` depends on nothing remembered.
#[test]
fn flags_win_over_the_remembered_window_size() {
    let x = Xvfb::start();
    let d = x.display().to_owned();
    let home = tempfile::tempdir().unwrap();
    let mut child = x.spawn_viewer(home.path(), &["--size", "1500x950"]);
    let window = xdotool(
        &d,
        &[
            "search",
            "--sync",
            "--onlyvisible",
            "--name",
            "^karabakh-atlas",
        ],
    );
    let window = window.lines().next().unwrap().to_owned();
    xdotool(&d, &["windowfocus", "--sync", &window]);
    std::thread::sleep(Duration::from_secs(2));
    xdotool(&d, &["key", "--window", &window, "ctrl+q"]);
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "Ctrl+Q did not close the viewer"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let store = home.path().join("data/karabakh-atlas/app.ron");
    let saved = std::fs::read_to_string(&store).unwrap_or_default();
    assert!(saved.contains("window"), "{store:?}: {saved}");

    let dir = tempfile::tempdir().unwrap();
    let sized = common::screenshot(
        &x,
        home.path(),
        &dir.path().join("a.png"),
        &["--size", "1280x800"],
    );
    assert_eq!((sized.width, sized.height), (1280, 800));
    let plain = common::screenshot(&x, home.path(), &dir.path().join("b.png"), &[]);
    let (w, h) = karabakh_atlas::ui::DEFAULT_SIZE;
    assert_eq!((plain.width, plain.height), (w, h));
}

/// Why the AT-SPI end-to-end test cannot run here, if it cannot: a missing
/// program or package.
fn atspi_missing() -> Option<String> {
    let python = Path::new("/usr/bin/python3");
    if !python.is_file() {
        return Some("/usr/bin/python3 is missing".to_owned());
    }
    for (prog, package) in [
        ("dbus-run-session", "dbus-x11 (dbus-daemon)"),
        ("dbus-send", "dbus"),
        ("xdotool", "xdotool"),
    ] {
        if which(prog).is_none() {
            return Some(format!("{prog} is missing (Debian: {package})"));
        }
    }
    if !Path::new("/usr/libexec/at-spi-bus-launcher").is_file() {
        return Some("at-spi-bus-launcher is missing (Debian: at-spi2-core)".to_owned());
    }
    let pyatspi = Command::new(python)
        .args(["-c", "import pyatspi"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !pyatspi {
        return Some("pyatspi is missing (Debian: python3-pyatspi)".to_owned());
    }
    None
}

/// The names and roles of the map's children as a screen reader reads
/// them, before the `keys` and after each: tests/atspi/read_map.py in its
/// own D-Bus session, with the AT-SPI bus, driving the real viewer on `x`.
fn read_map_over_atspi(
    x: &Xvfb,
    home: &Path,
    keys: &[&str],
    args: &[&str],
) -> Vec<Vec<(String, String)>> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/atspi/read_map.py");
    // A private runtime directory (0700, as the XDG spec wants), short enough
    // for the AT-SPI bus's socket path whatever TMPDIR is, so that the
    // session does not depend on the machine's own XDG_RUNTIME_DIR.
    let runtime = tempfile::Builder::new()
        .prefix("atspi")
        .tempdir_in("/tmp")
        .unwrap();
    std::fs::set_permissions(
        runtime.path(),
        std::os::unix::fs::PermissionsExt::from_mode(0o700),
    )
    .unwrap();
    let mut cmd = Command::new("dbus-run-session");
    let out = x
        .viewer_env(&mut cmd, home)
        .env("XDG_RUNTIME_DIR", runtime.path())
        .arg("--")
        .arg("/usr/bin/python3")
        .arg(&script)
        .args(keys)
        .arg("--")
        .arg(env!("CARGO_BIN_EXE_karabakh-atlas"))
        .args(args)
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env_remove("AT_SPI_BUS_ADDRESS")
        .env("NO_AT_BRIDGE", "0")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "read_map.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The AT-SPI services share the script's stdout: its answer is the one
    // line it marks.
    let stdout = String::from_utf8_lossy(&out.stdout);
    let read: serde_json::Value = stdout
        .lines()
        .find_map(|l| l.strip_prefix("reads-json: "))
        .map(serde_json::from_str)
        .unwrap_or_else(|| panic!("read_map.py printed no reads-json line: {stdout}"))
        .unwrap_or_else(|e| panic!("read_map.py printed no JSON ({e}): {stdout}"));
    read["reads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r.as_array()
                .unwrap()
                .iter()
                .map(|n| {
                    (
                        n["name"].as_str().unwrap().to_owned(),
                        n["role"].as_str().unwrap().to_owned(),
                    )
                })
                .collect()
        })
        .collect()
}

#[test]
fn a_screen_reader_reads_each_place_and_its_controller_over_at_spi() {
    if let Some(why) = atspi_missing() {
        // Under CI a missing accessibility bus is a failure, not a skip.
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "the AT-SPI end-to-end test cannot run: {why}; .ci/run installs it"
        );
        eprintln!("skipped: {why}");
        return;
    }
    let x = Xvfb::start();
    let home = tempfile::tempdir().unwrap();
    let ds = load_bundled().unwrap();
    // Step 9 is 1 December 2020; the Next key (Page Down) goes to step 10,
    // Prior (Page Up) back to 9 and then to 8, before Lachin's handover.
    let reads = read_map_over_atspi(
        &x,
        home.path(),
        &["Next", "Prior", "Prior"],
        &["--step", "9", "--size", "1280x800"],
    );
    assert_eq!(reads.len(), 4);
    for (got, step) in reads.iter().zip([8, 9, 8, 7]) {
        let date = ds.step_date(step).unwrap();
        let states = state_at(&ds, date);
        assert_eq!(states.len(), 8, "eight tracked places on {date}");
        for s in &states {
            let place = ds.place(&s.id).unwrap().names.en();
            let who = ds.controller(&s.controlled_by).unwrap().names.en();
            let start = format!("{place}: Controlled by {who} ");
            let (name, role) = got
                .iter()
                .find(|(n, _)| n.starts_with(&start))
                .unwrap_or_else(|| panic!("{date}: no {start:?}… among {got:?}"));
            assert!(role.contains("button"), "{name}: {role}");
            if let Some(p) = &s.pending {
                let to = ds.controller(&p.to).unwrap().names.en();
                assert!(name.contains(&format!("Handover to {to} agreed")), "{name}");
            }
        }
        // The towns are there too, their control not tracked.
        let shusha = ds.place("shusha").unwrap().names.en();
        assert!(
            got.iter()
                .any(|(n, _)| n.starts_with(&format!("{shusha}: Shown for context"))),
            "{got:?}"
        );
    }
    // Lachin's node says who holds it on each side of its handover.
    let lachin = |r: &[(String, String)]| {
        r.iter()
            .find(|(n, _)| n.starts_with("Lachin: "))
            .unwrap()
            .0
            .clone()
    };
    assert_ne!(lachin(&reads[2]), lachin(&reads[3]));
    // Each step change is announced in a live region with the step's title;
    // nothing is announced on opening.
    let status = |r: &[(String, String)]| {
        r.iter()
            .find(|(_, role)| role == "status bar")
            .unwrap()
            .0
            .clone()
    };
    assert_eq!(status(&reads[0]), "");
    for (r, step) in reads[1..].iter().zip([9usize, 8, 7]) {
        let title = ds.steps[step].title.en();
        let said = format!("Step {} of {}: {title}. ", step + 1, ds.steps.len());
        assert!(status(r).starts_with(&said), "{:?} / {said:?}", status(r));
    }
}
