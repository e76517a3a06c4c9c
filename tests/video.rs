//! The MP4 walkthrough (`export --format mp4`) through the real binary, read
//! back with ffprobe and ffmpeg: codec, pixel format, size, frame rate and
//! duration, a decoded frame's colours against the legend, and identical
//! bytes on a second run. Needs ffmpeg (see tests/common/tools.rs).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::pixels::{Shot, dominant_colour};
use common::run;
use common::tools::tool;
use karabakh_atlas::export::{FigureOptions, fade_frames, figure_at_step, render_png};
use karabakh_atlas::model::load_bundled;
use karabakh_atlas::scene::display::MapCache;
use karabakh_atlas::scene::style::{Style, ThemeKind};

fn tour_file() -> PathBuf {
    common::data_dir().join("tours/handovers.toml")
}

fn video(out: &Path, args: &[&str]) {
    let mut all = vec!["export", "--format", "mp4", "--out", out.to_str().unwrap()];
    all.extend_from_slice(args);
    let o = run(&all);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// ffprobe's `key=value` lines for the video stream and the format.
fn probe(path: &Path) -> String {
    let o = Command::new("ffprobe")
        .args([
            "-v",
            "error",
            "-select_streams",
            "v:0",
            "-show_entries",
            "stream=codec_name,pix_fmt,width,height,r_frame_rate:format=duration",
            "-of",
            "default=noprint_wrappers=1",
            path.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

fn value<'a>(probe: &'a str, key: &str) -> &'a str {
    probe
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{key}=")))
        .unwrap_or_else(|| panic!("no {key} in {probe}"))
}

/// The frame shown at `secs`, decoded as RGBA.
fn frame_at(path: &Path, secs: f64, w: u32, h: u32) -> Vec<u8> {
    let o = Command::new("ffmpeg")
        .args([
            "-v",
            "error",
            "-ss",
            &format!("{secs:.3}"),
            "-i",
            path.to_str().unwrap(),
        ])
        .args(["-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgba", "-"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(o.stdout.len(), (w * h * 4) as usize);
    o.stdout
}

fn near(a: [u8; 4], b: [u8; 4], tol: u8) -> bool {
    a.iter().zip(b).take(3).all(|(x, y)| x.abs_diff(y) <= tol)
}

#[test]
fn every_step_as_h264_with_the_gifs_fades_and_lachin_in_azerbaijans_colour_at_step_9() {
    if tool("ffprobe", "ffmpeg").is_none() {
        return;
    }
    let ds = load_bundled().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("all.mp4");
    let (w, h, hold) = (640, 360, 1.0);
    video(&out, &["--all", "--size", "640x360", "--hold", "1"]);
    let p = probe(&out);
    assert_eq!(value(&p, "codec_name"), "h264");
    assert_eq!(value(&p, "pix_fmt"), "yuv420p");
    assert_eq!(value(&p, "width"), "640");
    assert_eq!(value(&p, "height"), "360");
    assert_eq!(value(&p, "r_frame_rate"), "30/1");
    let steps = ds.steps.len() as f64;
    let fade = f64::from(fade_frames(30)) / 30.0;
    let expected = steps * hold + (steps - 1.0) * fade;
    let duration: f64 = value(&p, "duration").parse().unwrap();
    assert!(
        (duration - expected).abs() <= 1.5 / 30.0,
        "{duration} s, expected {expected} s"
    );

    // The middle of step 9 (Lachin handed over) and of step 8 (before).
    let cache = MapCache::new(&ds);
    let opts = FigureOptions {
        width: w,
        height: h,
        ..FigureOptions::default()
    };
    let style = Style::new(ThemeKind::Light);
    let fill =
        |id: &str| style.controller_fill(ds.controllers.iter().position(|c| c.id == id).unwrap());
    let lachin_at = |step: usize| {
        let mut shot = Shot::decode(
            &render_png(&figure_at_step(&ds, &cache, step - 1, &opts).unwrap()).unwrap(),
        );
        let middle = (step as f64 - 1.0) * (hold + fade) + hold / 2.0;
        shot.rgba = frame_at(&out, middle, w, h);
        dominant_colour(&ds, &cache, &shot, "lachin")
    };
    let at9 = lachin_at(9);
    assert!(
        near(at9, fill("azerbaijan"), 10),
        "Lachin at step 9: {at9:?}"
    );
    let at8 = lachin_at(8);
    assert!(
        !near(at8, fill("azerbaijan"), 10),
        "Lachin at step 8: {at8:?}"
    );
}

#[test]
fn a_tour_at_the_default_size_and_identical_bytes() {
    if tool("ffprobe", "ffmpeg").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let tour = tour_file();
    let out = dir.path().join("tour.mp4");
    video(&out, &["--tour", tour.to_str().unwrap(), "--hold", "0.2"]);
    let p = probe(&out);
    assert_eq!(value(&p, "codec_name"), "h264");
    assert_eq!(value(&p, "pix_fmt"), "yuv420p");
    assert_eq!((value(&p, "width"), value(&p, "height")), ("1920", "1080"));
    assert_eq!(value(&p, "r_frame_rate"), "30/1");
    let expected = 4.0 * 0.2 + 3.0 * f64::from(fade_frames(30)) / 30.0;
    let duration: f64 = value(&p, "duration").parse().unwrap();
    assert!(
        (duration - expected).abs() <= 1.5 / 30.0,
        "{duration} s, expected {expected} s"
    );

    let a = dir.path().join("a.mp4");
    let b = dir.path().join("b.mp4");
    for f in [&a, &b] {
        video(
            f,
            &[
                "--tour",
                tour.to_str().unwrap(),
                "--size",
                "320x180",
                "--hold",
                "0.5",
                "--fps",
                "10",
            ],
        );
    }
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());

    // Refusals: an odd size, no --all or --tour, an existing file.
    let o = run(&[
        "export",
        "--format",
        "mp4",
        "--all",
        "--size",
        "641x360",
        "--out",
        dir.path().join("x.mp4").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("even"));
    let o = run(&[
        "export",
        "--format",
        "mp4",
        "--out",
        dir.path().join("y.mp4").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&[
        "export",
        "--format",
        "mp4",
        "--all",
        "--out",
        a.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--force"));
}
