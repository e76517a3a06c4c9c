//! End to end: the real binary opens a real window under Xvfb (Mesa software
//! OpenGL), writes `--screenshot` PNGs at three dates, and each district's
//! interior shows the legend colour of its state at that date.
//!
//! Needs `Xvfb` (Debian: xvfb) and Mesa (libgl1-mesa-dri); `.ci/run` installs
//! them. A missing Xvfb is a test failure, never a silent skip.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use karabakh_atlas::model::geometry::Shape;
use karabakh_atlas::model::state::state_at;
use karabakh_atlas::model::{Dataset, Date, load_bundled};
use karabakh_atlas::scene::hit::point_in_area;
use karabakh_atlas::scene::projection::{Camera, Projection, Viewport};
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

/// A decoded screenshot with its text chunks.
struct Shot {
    width: u32,
    height: u32,
    rgba: Vec<u8>,
    text: HashMap<String, String>,
}

impl Shot {
    fn read(path: &Path) -> Self {
        let decoder =
            png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        assert_eq!(info.color_type, png::ColorType::Rgba);
        let text = reader
            .info()
            .uncompressed_latin1_text
            .iter()
            .map(|t| (t.keyword.clone(), t.text.clone()))
            .collect();
        buf.truncate(info.buffer_size());
        Self {
            width: info.width,
            height: info.height,
            rgba: buf,
            text,
        }
    }

    fn numbers(&self, key: &str) -> Vec<f64> {
        self.text
            .get(key)
            .unwrap_or_else(|| panic!("no {key} in the PNG"))
            .split_whitespace()
            .map(|v| v.parse().unwrap())
            .collect()
    }

    fn pixel(&self, x: u32, y: u32) -> [u8; 4] {
        let i = ((y * self.width + x) * 4) as usize;
        [
            self.rgba[i],
            self.rgba[i + 1],
            self.rgba[i + 2],
            self.rgba[i + 3],
        ]
    }
}

fn close(a: [u8; 4], b: [u8; 4]) -> bool {
    a.iter().zip(b).take(3).all(|(x, y)| x.abs_diff(y) <= 3)
}

/// The most frequent colour of the pixels inside `id`'s polygons, away from
/// its outline, its label, the legend, towns and (for districts) the region
/// drawn above them.
fn dominant_colour(ds: &Dataset, shot: &Shot, id: &str) -> [u8; 4] {
    let ppp = shot.numbers("karabakh-atlas:pixels-per-point")[0] as f32;
    let vp = shot.numbers("karabakh-atlas:map-viewport");
    let cam = shot.numbers("karabakh-atlas:camera");
    let ref_lat = shot.numbers("karabakh-atlas:ref-lat")[0];
    let legend = shot
        .text
        .get("karabakh-atlas:legend")
        .map(|_| shot.numbers("karabakh-atlas:legend"));
    let viewport = Viewport {
        min: [vp[0] as f32, vp[1] as f32],
        size: [vp[2] as f32, vp[3] as f32],
    };
    let proj = Projection::new(
        Camera {
            center: [cam[0], cam[1]],
            zoom: cam[2],
        },
        viewport,
        ref_lat,
    );
    let feature = ds.map.feature(id).unwrap();
    let Shape::Area(polys) = &feature.shape else {
        panic!("{id} is not an area")
    };
    let cache = karabakh_atlas::scene::display::MapCache::new(ds);
    let idx = ds.map.features.iter().position(|f| f.id == id).unwrap();
    let label = proj.screen_from_geo(cache.features[idx].label_at.unwrap());
    let name_len = ds.place(id).unwrap().names.en().chars().count() as f32;
    let (label_w, label_h) = (name_len * 14.0 * 0.62 + 12.0, 26.0);
    let region_polys: Vec<&Vec<Vec<Vec<[f64; 2]>>>> = ds
        .map
        .features
        .iter()
        .filter(|f| f.kind == "region" && f.id != id)
        .filter_map(|f| match &f.shape {
            Shape::Area(p) => Some(p),
            _ => None,
        })
        .collect();
    let towns: Vec<[f32; 2]> = ds
        .map
        .features
        .iter()
        .filter_map(|f| match &f.shape {
            Shape::Point(p) => Some(proj.screen_from_geo(*p)),
            _ => None,
        })
        .collect();
    let mut counts: HashMap<[u8; 4], usize> = HashMap::new();
    let step = 2;
    for py in (0..shot.height).step_by(step) {
        for px in (0..shot.width).step_by(step) {
            let (x, y) = (px as f32 / ppp, py as f32 / ppp);
            if x < viewport.min[0] + 2.0
                || y < viewport.min[1] + 2.0
                || x > viewport.min[0] + viewport.size[0] - 2.0
                || y > viewport.min[1] + viewport.size[1] - 2.0
            {
                continue;
            }
            if (x - label[0]).abs() < label_w / 2.0 && (y - label[1]).abs() < label_h / 2.0 {
                continue;
            }
            if let Some(l) = &legend
                && x >= l[0] as f32 - 2.0
                && x <= (l[0] + l[2]) as f32 + 2.0
                && y >= l[1] as f32 - 2.0
                && y <= (l[1] + l[3]) as f32 + 2.0
            {
                continue;
            }
            if towns
                .iter()
                .any(|t| x > t[0] - 8.0 && x < t[0] + 110.0 && (y - t[1]).abs() < 12.0)
            {
                continue;
            }
            // Away from the outline: all four neighbours 4 points away are inside too.
            let inside = |x: f32, y: f32| point_in_area(polys, proj.geo_from_screen([x, y]));
            if !(inside(x, y)
                && inside(x - 4.0, y)
                && inside(x + 4.0, y)
                && inside(x, y - 4.0)
                && inside(x, y + 4.0))
            {
                continue;
            }
            let geo = proj.geo_from_screen([x, y]);
            if region_polys.iter().any(|r| point_in_area(r, geo)) {
                continue;
            }
            *counts.entry(shot.pixel(px, py)).or_default() += 1;
        }
    }
    let total: usize = counts.values().sum();
    assert!(total > 50, "{id}: only {total} interior pixels sampled");
    counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map(|(c, _)| c)
        .unwrap()
}

#[test]
fn screenshots_at_three_dates_show_each_state_in_its_legend_colour() {
    let x = Xvfb::start();
    let dir = tempfile::tempdir().unwrap();
    let ds = load_bundled().unwrap();
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
            let got = dominant_colour(&ds, &shot, &s.id);
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
