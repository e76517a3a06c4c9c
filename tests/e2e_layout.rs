//! The real window at every shape a classroom meets (issue #16): the map
//! keeps at least 45% of the window with the legend inside it, and the map
//! has no edge: no more than 2% of its columns or rows are one flat colour
//! from edge to edge, other than water. Read from `--screenshot` PNGs, whose
//! text chunks record where the map, the legend and the caption were drawn.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::pixels::Shot;
use common::screenshot;
use common::xvfb::Xvfb;
use karabakh_atlas::scene::style::{Style, ThemeKind};

/// A box recorded in the PNG, in pixels: `[x, y, w, h]`.
fn recorded(shot: &Shot, key: &str) -> [f64; 4] {
    let ppp = shot.numbers("karabakh-atlas:pixels-per-point")[0];
    let v = shot.numbers(key);
    assert_eq!(v.len(), 4, "{key}: {v:?}");
    [v[0] * ppp, v[1] * ppp, v[2] * ppp, v[3] * ppp]
}

/// The shares of the map's columns and of its rows that are one colour
/// from edge to edge, that colour not being `water`.
fn flat_shares(shot: &Shot, water: [u8; 4]) -> (f64, f64) {
    let [x, y, w, h] = recorded(shot, "karabakh-atlas:map-viewport");
    let (x0, y0) = (x.ceil() as u32, y.ceil() as u32);
    let x1 = ((x + w).floor() as u32).min(shot.width);
    let y1 = ((y + h).floor() as u32).min(shot.height);
    let flat = |pixels: Vec<[u8; 4]>| {
        let Some(&first) = pixels.first() else {
            return false;
        };
        first[..3] != water[..3] && pixels.iter().all(|&p| p == first)
    };
    let cols = (x0..x1)
        .filter(|&cx| flat((y0..y1).map(|cy| shot.pixel(cx, cy)).collect()))
        .count();
    let rows = (y0..y1)
        .filter(|&cy| flat((x0..x1).map(|cx| shot.pixel(cx, cy)).collect()))
        .count();
    (
        cols as f64 / f64::from(x1 - x0),
        rows as f64 / f64::from(y1 - y0),
    )
}

#[test]
fn at_every_window_shape_the_map_has_its_share_its_legend_and_no_edge() {
    let x = Xvfb::start();
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let water = Style::new(ThemeKind::Light).water;
    let water = karabakh_atlas::ui::paint::color(water).to_array();
    let mut runs: Vec<(String, Vec<&str>)> =
        ["800x600", "1280x800", "1920x1080", "1600x600", "700x1000"]
            .iter()
            .map(|s| (s.to_string(), vec!["--step", "9", "--size", s]))
            .collect();
    runs.push((
        "presenting at 1280x720".into(),
        vec!["--present", "--step", "9", "--size", "1280x720"],
    ));
    for (i, (name, args)) in runs.iter().enumerate() {
        let shot = screenshot(&x, home.path(), &dir.path().join(format!("{i}.png")), args);
        let [mx, my, mw, mh] = recorded(&shot, "karabakh-atlas:map-viewport");
        let share = mw * mh / f64::from(shot.width * shot.height);
        assert!(
            share >= 0.45,
            "{name}: the map has {share:.2} of the window"
        );
        let [lx, ly, lw, lh] = recorded(&shot, "karabakh-atlas:legend");
        assert!(
            lx >= mx - 0.5
                && ly >= my - 0.5
                && lx + lw <= mx + mw + 0.5
                && ly + lh <= my + mh + 0.5,
            "{name}: the legend [{lx} {ly} {lw} {lh}] leaves the map [{mx} {my} {mw} {mh}]"
        );
        if args.contains(&"--present") {
            assert_eq!(recorded(&shot, "karabakh-atlas:caption").len(), 4);
        }
        let (cols, rows) = flat_shares(&shot, water);
        assert!(
            cols <= 0.02 && rows <= 0.02,
            "{name}: {:.1}% of the map's columns and {:.1}% of its rows are one flat colour",
            cols * 100.0,
            rows * 100.0
        );
    }
}
