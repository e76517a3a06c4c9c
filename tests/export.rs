//! `export` as a user runs it (the real binary) and the export library the
//! viewer calls: figures decode at their exact sizes, every district shows
//! its legend colour at every step, the SVG keeps its words, Arabic labels
//! are shaped and ordered right to left, output is byte-identical run to
//! run, existing files are kept, bad paths and sizes are clear errors, the
//! GeoJSON is RFC 7946 with a timeline that tiles the coverage, the GIF has
//! one frame group per step, and a cancelled export leaves the folder as it
//! was.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use common::pixels::{Shot, close, dominant_colour};
use common::{run, texts};
use karabakh_atlas::export::{
    self, ExportError, FADE_DELAY_CS, FADE_FRAMES, FigureFormat, FigureOptions, animation_gif,
    export_steps, figure_at_step,
};
use karabakh_atlas::i18n::format::DateWords;
use karabakh_atlas::model::state::state_at;
use karabakh_atlas::model::{Date, load_bundled};
use karabakh_atlas::scene::display::{MapCache, NameLang};
use karabakh_atlas::scene::style::{Style, ThemeKind};
use resvg::usvg;
use serde_json::Value;

const ATTRIBUTION: &str =
    "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.";

fn ok(args: &[&str]) -> String {
    let out = run(args);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{args:?} failed:\n{stderr}");
    stdout
}

fn fails(args: &[&str], code: i32, expect: &[&str]) {
    let out = run(args);
    let (_, err) = texts(&out);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
    for e in expect {
        assert!(err.contains(e), "{args:?}: expected {e:?} in:\n{err}");
    }
    assert!(!err.contains("panicked"), "{err}");
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn svg_tree(text: &str) -> usvg::Tree {
    usvg::Tree::from_str(text, &usvg::Options::default()).unwrap()
}

#[test]
fn png_and_svg_figures_decode_at_their_exact_sizes_with_their_words() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("aghdam.png");
    let stdout = ok(&[
        "export",
        "--step",
        "7",
        "--format",
        "png",
        "--size",
        "1280x720",
        "--out",
        p(&png),
    ]);
    assert!(stdout.contains("wrote"), "{stdout}");
    let shot = Shot::read(&png);
    assert_eq!((shot.width, shot.height), (1280, 720));
    assert_eq!(shot.text["karabakh-atlas:date"], "2020-11-20");
    assert_eq!(shot.text["karabakh-atlas:step"], "7");
    assert!(shot.text["Title"].contains("Aghdam handed over to Azerbaijan"));
    assert!(shot.text["Description"].contains(ATTRIBUTION));

    let svg = dir.path().join("aghdam.svg");
    ok(&[
        "export",
        "--step",
        "7",
        "--format",
        "svg",
        "--size",
        "1280x720",
        "--out",
        p(&svg),
    ]);
    let text = std::fs::read_to_string(&svg).unwrap();
    let tree = svg_tree(&text);
    assert_eq!((tree.size().width(), tree.size().height()), (1280.0, 720.0));
    assert!(!text.contains("<text"), "text should be paths");
    for words in [
        "<title id=\"figure-title\">The seven districts and Nagorno-Karabakh, 2020–2023",
        "20 November 2020",
        ATTRIBUTION,
        "Sources for step 7 of 14",
        // The source by its title, not its id (issue 16).
        "“Turkey and Russia sign",
        "aria-label=\"Aghdam\"",
    ] {
        assert!(text.contains(words), "{words:?} missing from the SVG");
    }

    // Print sizes: A4 and A5 landscape at the asked resolution.
    let a4 = dir.path().join("a4.png");
    ok(&[
        "export",
        "--date",
        "2020-11-21",
        "--format",
        "png",
        "--dpi",
        "300",
        "--paper",
        "a4",
        "--out",
        p(&a4),
    ]);
    let a4 = Shot::read(&a4);
    assert_eq!((a4.width, a4.height), (3508, 2480));
    let a5 = dir.path().join("a5.svg");
    ok(&[
        "export",
        "--step",
        "1",
        "--format",
        "svg",
        "--dpi",
        "150",
        "--paper",
        "a5",
        "--out",
        p(&a5),
    ]);
    let a5 = svg_tree(&std::fs::read_to_string(&a5).unwrap());
    assert_eq!((a5.size().width(), a5.size().height()), (1240.0, 874.0));
}

#[test]
fn every_district_shows_its_legend_colour_at_every_step() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("steps");
    let stdout = ok(&[
        "export",
        "--all",
        "--format",
        "png",
        "--size",
        "1280x720",
        "--out",
        p(&out),
    ]);
    assert!(stdout.contains("wrote 14 PNG figures"), "{stdout}");
    let ds = load_bundled().unwrap();
    let cache = MapCache::new(&ds);
    let style = Style::new(ThemeKind::Light);
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), ds.steps.len());
    assert_eq!(names[0], "step-01-baseline.png");
    assert_eq!(names[6], "step-07-aghdam-handover.png");
    for (i, name) in names.iter().enumerate() {
        let shot = Shot::read(&out.join(name));
        let date = ds.step_date(i).unwrap();
        assert_eq!(shot.text["karabakh-atlas:date"], date.iso());
        for s in state_at(&ds, date) {
            let idx = ds
                .controllers
                .iter()
                .position(|c| c.id == s.controlled_by)
                .unwrap();
            let expected = style.controller_fill(idx);
            let got = dominant_colour(&ds, &cache, &shot, &s.id);
            assert!(
                close(got, expected),
                "{name}: {} shows {got:?}, the legend colour of {} is {expected:?}",
                s.id,
                s.controlled_by
            );
        }
    }
}

#[test]
fn dark_figures_use_the_dark_legend_colours() {
    let ds = load_bundled().unwrap();
    let cache = MapCache::new(&ds);
    let opts = FigureOptions {
        width: 960,
        height: 540,
        names: NameLang::parse("hy").unwrap(),
        theme: ThemeKind::Dark,
        ..FigureOptions::default()
    };
    let fig = figure_at_step(&ds, &cache, 10, &opts).unwrap();
    let shot = Shot::decode(&export::render_png(&fig).unwrap());
    let style = Style::new(ThemeKind::Dark);
    let date = fig.date;
    for s in state_at(&ds, date) {
        let idx = ds
            .controllers
            .iter()
            .position(|c| c.id == s.controlled_by)
            .unwrap();
        let got = dominant_colour(&ds, &cache, &shot, &s.id);
        assert!(close(got, style.controller_fill(idx)), "{}: {got:?}", s.id);
    }
}

/// The bundled fonts, as the exporter uses them.
fn bundled_fonts() -> usvg::Options<'static> {
    let mut db = usvg::fontdb::Database::new();
    for (_, bytes) in karabakh_atlas::assets::FONTS {
        db.load_font_data(bytes.to_vec());
    }
    usvg::Options {
        fontdb: Arc::new(db),
        ..usvg::Options::default()
    }
}

fn texts_of(group: &usvg::Group, out: &mut Vec<usvg::Text>) {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => texts_of(g, out),
            usvg::Node::Text(t) => out.push((**t).clone()),
            _ => {}
        }
    }
}

/// `(text, glyph id, x)` of every glyph of the text element whose string
/// (without bidi controls) is `s`, left to right on the page.
fn glyphs(tree: &usvg::Tree, s: &str) -> Vec<(String, u32, f32)> {
    let mut all = Vec::new();
    texts_of(tree.root(), &mut all);
    let t = all
        .iter()
        .find(|t| {
            t.chunks()
                .iter()
                .any(|c| c.text().trim_matches(['\u{202B}', '\u{202C}']) == s)
        })
        .unwrap_or_else(|| panic!("no text element {s:?}"));
    let mut v: Vec<(String, u32, f32)> = t
        .layouted()
        .iter()
        .flat_map(|span| span.positioned_glyphs.iter())
        .filter(|g| !g.text.chars().all(|c| matches!(c, '\u{202B}' | '\u{202C}')))
        .map(|g| (g.text.clone(), g.id.0, g.transform().tx))
        .collect();
    v.sort_by(|a, b| a.2.total_cmp(&b.2));
    v
}

/// The characters of the glyphs, read left to right.
fn visual(glyphs: &[(String, u32, f32)]) -> String {
    glyphs.iter().map(|g| g.0.as_str()).collect()
}

#[test]
fn arabic_labels_are_joined_and_ordered_right_to_left() {
    let ds = load_bundled().unwrap();
    let cache = MapCache::new(&ds);
    let opts = FigureOptions {
        width: 1280,
        height: 720,
        names: NameLang::parse("ar").unwrap(),
        theme: ThemeKind::Light,
        // An English figure whose Arabic side writes months as the sources
        // do, both names: the month-style setting reaches that side too.
        locale: karabakh_atlas::i18n::Locale {
            months: karabakh_atlas::i18n::MonthStyle::Both,
            ..karabakh_atlas::i18n::Locale::EN
        },
    };
    let fig = figure_at_step(&ds, &cache, 8, &opts).unwrap();
    let tree = usvg::Tree::from_str(&fig.svg, &bundled_fonts()).unwrap();
    // Kalbajar, كلبجار: right to left on the page, so read left to right
    // its letters come last to first.
    let word = "كلبجار";
    let joined = glyphs(&tree, word);
    assert_eq!(visual(&joined), word.chars().rev().collect::<String>());
    // Shaped: kaf, lam, beh and jeem join the next letter, so they use other
    // glyphs than when set alone.
    let mut alone =
        String::from("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"100\">");
    for (i, c) in word.chars().enumerate() {
        alone.push_str(&format!(
            "<text x=\"{}\" y=\"50\" font-family=\"Noto Naskh Arabic\" font-size=\"14\">{c}</text>",
            10 + 40 * i
        ));
    }
    alone.push_str("</svg>");
    let alone_tree = usvg::Tree::from_str(&alone, &bundled_fonts()).unwrap();
    for c in word.chars().take(4) {
        let isolated = glyphs(&alone_tree, &c.to_string())[0].1;
        let in_word = joined.iter().find(|g| g.0 == c.to_string()).unwrap().1;
        assert_ne!(
            in_word, isolated,
            "{c} is not in its joining form in {word}"
        );
    }
    // The Arabic date: the day on the right, the year (left to right) on
    // the left.
    let date = "1 ديسمبر/كانون الأول 2020";
    assert_eq!(fig.date.arabic(), date);
    let seen = visual(&glyphs(&tree, date));
    assert!(
        seen.starts_with("2020") && seen.ends_with('1'),
        "{date} shown as {seen}"
    );
    // The exported SVG keeps the Arabic strings as labels of the paths.
    let file = export::svg_for_file(&fig).unwrap();
    assert!(file.contains(&format!("aria-label=\"{word}\"")));
    assert!(file.contains(&format!("aria-label=\"{date}\"")));
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn the_same_export_twice_is_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for run_no in ["a", "b"] {
        ok(&[
            "export",
            "--step",
            "9",
            "--format",
            "png",
            "--size",
            "800x450",
            "--names",
            "ar",
            "--out",
            p(&d.join(format!("{run_no}.png"))),
        ]);
        ok(&[
            "export",
            "--date",
            "2020-11-21",
            "--format",
            "svg",
            "--size",
            "800x450",
            "--out",
            p(&d.join(format!("{run_no}.svg"))),
        ]);
        ok(&[
            "export",
            "--all",
            "--format",
            "gif",
            "--size",
            "240x135",
            "--out",
            p(&d.join(format!("{run_no}.gif"))),
        ]);
        ok(&[
            "export",
            "--date",
            "2020-11-21",
            "--format",
            "geojson",
            "--out",
            p(&d.join(format!("{run_no}.geojson"))),
        ]);
        ok(&[
            "export",
            "--all",
            "--format",
            "geojson",
            "--out",
            p(&d.join(format!("{run_no}-timeline.geojson"))),
        ]);
    }
    for ext in ["png", "svg", "gif", "geojson"] {
        let (a, b) = (
            read(&d.join(format!("a.{ext}"))),
            read(&d.join(format!("b.{ext}"))),
        );
        assert!(!a.is_empty());
        assert!(a == b, "{ext} differs between two runs");
    }
    assert_eq!(
        read(&d.join("a-timeline.geojson")),
        read(&d.join("b-timeline.geojson"))
    );
}

#[test]
fn existing_files_are_kept_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.png");
    std::fs::write(&path, b"user file").unwrap();
    fails(
        &[
            "export",
            "--step",
            "1",
            "--format",
            "png",
            "--size",
            "320x180",
            "--out",
            p(&path),
        ],
        1,
        &["already exists", "--force", "mine.png"],
    );
    assert_eq!(read(&path), b"user file");
    // In a folder of per-step figures too, before anything is written.
    let out = dir.path().join("steps");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("step-03-ceasefire-2020.svg"), b"keep").unwrap();
    fails(
        &[
            "export",
            "--all",
            "--format",
            "svg",
            "--size",
            "320x180",
            "--out",
            p(&out),
        ],
        1,
        &["step-03-ceasefire-2020.svg", "already exists"],
    );
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 1);
    assert_eq!(read(&out.join("step-03-ceasefire-2020.svg")), b"keep");
    // With --force it is replaced, and nothing else is left behind.
    ok(&[
        "export",
        "--step",
        "1",
        "--format",
        "png",
        "--size",
        "320x180",
        "--out",
        p(&path),
        "--force",
    ]);
    assert_eq!(Shot::read(&path).width, 320);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn bad_paths_sizes_and_combinations_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, b"x").unwrap();
    let under_file = file.join("map.png");
    // A folder that cannot exist (its parent is a regular file): exit 1.
    fails(
        &[
            "export",
            "--step",
            "2",
            "--format",
            "png",
            "--size",
            "320x180",
            "--out",
            p(&under_file),
        ],
        1,
        &["does not exist or is not a folder", "a-file"],
    );
    fails(
        &[
            "export",
            "--all",
            "--format",
            "png",
            "--size",
            "320x180",
            "--out",
            p(&file.join("figures")),
        ],
        1,
        &["does not exist or is not a folder"],
    );
    fails(
        &[
            "export",
            "--all",
            "--format",
            "geojson",
            "--out",
            p(&under_file),
        ],
        1,
        &["does not exist or is not a folder"],
    );
    // Usage errors: exit 2, nothing written.
    let out = dir.path().join("x.png");
    let o = p(&out);
    for (args, expect) in [
        (
            vec![
                "export",
                "--step",
                "1",
                "--format",
                "png",
                "--size",
                "100000x100000",
                "--out",
                o,
            ],
            "each side must be from 64 to 16384 pixels",
        ),
        (
            vec![
                "export", "--step", "1", "--format", "png", "--dpi", "5000", "--paper", "a4",
                "--out", o,
            ],
            "--dpi 5000 is out of range",
        ),
        (
            vec!["export", "--step", "99", "--format", "png", "--out", o],
            "--step 99 is out of range: the dataset has 14 steps",
        ),
        (
            vec![
                "export",
                "--date",
                "2030-01-01",
                "--format",
                "png",
                "--out",
                o,
            ],
            "outside the period the dataset describes",
        ),
        (
            vec!["export", "--step", "3", "--format", "gif", "--out", o],
            "use it with --all",
        ),
        (
            vec!["export", "--all", "--format", "png", "--out", p(&file)],
            "that is not a folder",
        ),
        (
            vec![
                "export",
                "--step",
                "3",
                "--format",
                "png",
                "--out",
                p(dir.path()),
            ],
            "that is a folder",
        ),
    ] {
        fails(&args, 2, &[expect]);
    }
    assert!(!out.exists());
    assert!(matches!(
        export::check_size(100_000, 100_000),
        Err(ExportError::Size { .. })
    ));
}

/// Twice the signed area of a ring (positive: counter-clockwise).
fn area2(ring: &[Value]) -> f64 {
    let pts: Vec<(f64, f64)> = ring
        .iter()
        .map(|p| (p[0].as_f64().unwrap(), p[1].as_f64().unwrap()))
        .collect();
    pts.windows(2)
        .map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1)
        .sum()
}

fn check_rings(feature: &Value) {
    let g = &feature["geometry"];
    let polys: Vec<&Value> = match g["type"].as_str().unwrap() {
        "Polygon" => vec![&g["coordinates"]],
        "MultiPolygon" => g["coordinates"].as_array().unwrap().iter().collect(),
        _ => return,
    };
    for poly in polys {
        for (i, ring) in poly.as_array().unwrap().iter().enumerate() {
            let ring = ring.as_array().unwrap();
            assert_eq!(
                ring.first(),
                ring.last(),
                "{} has an open ring",
                feature["id"]
            );
            let a = area2(ring);
            if i == 0 {
                assert!(
                    a > 0.0,
                    "{}: outer ring not counter-clockwise",
                    feature["id"]
                );
            } else {
                assert!(a < 0.0, "{}: hole not clockwise", feature["id"]);
            }
        }
    }
}

#[test]
fn geojson_snapshots_and_the_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let ds = load_bundled().unwrap();
    let snap = dir.path().join("state.geojson");
    ok(&[
        "export",
        "--date",
        "2020-11-21",
        "--format",
        "geojson",
        "--out",
        p(&snap),
    ]);
    let v: Value = serde_json::from_slice(&read(&snap)).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    assert_eq!(v["attribution"], ATTRIBUTION);
    let feats = v["features"].as_array().unwrap();
    assert_eq!(feats.len(), ds.map.features.len());
    for f in feats {
        assert_eq!(f["type"], "Feature");
        check_rings(f);
    }
    let by_id = |id: &str| feats.iter().find(|f| f["id"] == id).unwrap();
    let aghdam = &by_id("aghdam")["properties"];
    assert_eq!(aghdam["controlled_by"], "azerbaijan");
    assert_eq!(aghdam["since"], "2020-11-20");
    let kalbajar = &by_id("kalbajar")["properties"];
    assert_eq!(kalbajar["pending"], true);
    let deadlines = kalbajar["pending_deadlines"].as_array().unwrap();
    assert_eq!(deadlines.len(), 2, "both deadline versions: {deadlines:?}");
    let fuzuli = &by_id("fuzuli")["properties"];
    assert_eq!(fuzuli["since_precision"], "range");
    // The range survives in EDTF, which the dataset files read back.
    assert_eq!(fuzuli["since_edtf"], "2020-09-27/2020-11-10");
    assert!(fuzuli["since_earliest"].as_str() < fuzuli["since"].as_str());

    let timeline = dir.path().join("timeline.geojson");
    ok(&[
        "export",
        "--all",
        "--format",
        "geojson",
        "--out",
        p(&timeline),
    ]);
    let v: Value = serde_json::from_slice(&read(&timeline)).unwrap();
    let feats = v["features"].as_array().unwrap();
    let (from, to) = (ds.coverage.from, ds.coverage.to);
    let end = to.add_days(1).iso();
    let mut periods: HashMap<String, Vec<(String, String)>> = HashMap::new();
    for f in feats {
        check_rings(f);
        let props = &f["properties"];
        let start = props["start"].as_str().expect("start on every feature");
        let stop = props["end"].as_str().expect("end on every feature");
        assert!(Date::parse(start).is_ok() && Date::parse(stop).is_ok());
        assert!(start < stop);
        if props["tracked"] == true {
            assert!(props["controlled_by"].is_string());
            periods
                .entry(props["place"].as_str().unwrap().to_owned())
                .or_default()
                .push((start.to_owned(), stop.to_owned()));
        } else {
            assert_eq!((start, stop), (from.iso().as_str(), end.as_str()));
        }
    }
    assert_eq!(periods.len(), ds.tracked_places().count());
    for (place, mut ps) in periods {
        ps.sort();
        assert_eq!(ps.first().unwrap().0, from.iso(), "{place}");
        assert_eq!(ps.last().unwrap().1, end, "{place}");
        for w in ps.windows(2) {
            assert_eq!(w[0].1, w[1].0, "{place}: periods must tile the coverage");
        }
    }
    // A change the sources date only by a range is marked uncertain.
    assert!(feats.iter().any(|f| f["properties"]["place"] == "fuzuli"
        && f["properties"]["in_transition"] == true
        && f["properties"]["uncertain"] == true));
}

#[test]
fn the_animation_has_one_frame_group_per_step() {
    let ds = load_bundled().unwrap();
    let cache = MapCache::new(&ds);
    let opts = FigureOptions {
        width: 320,
        height: 180,
        ..FigureOptions::default()
    };
    let mut calls = Vec::new();
    let bytes = animation_gif(&ds, &cache, &opts, 2.5, &mut |d, t| {
        calls.push((d, t));
        true
    })
    .unwrap();
    let n = ds.steps.len();
    assert_eq!(calls.first(), Some(&(0, n)));
    assert_eq!(calls.last(), Some(&(n, n)));

    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::RGBA);
    let mut decoder = options.read_info(std::io::Cursor::new(&bytes)).unwrap();
    assert_eq!((decoder.width(), decoder.height()), (320, 180));
    let mut delays = Vec::new();
    while let Some(frame) = decoder.read_next_frame().unwrap() {
        delays.push(frame.delay);
    }
    assert_eq!(delays.len(), n + (n - 1) * FADE_FRAMES);
    // Groups: a hold frame, then the fades toward the next step.
    let holds: Vec<usize> = (0..delays.len())
        .filter(|&i| delays[i] != FADE_DELAY_CS)
        .collect();
    assert_eq!(holds.len(), n, "{delays:?}");
    for (k, &i) in holds.iter().enumerate() {
        assert_eq!(delays[i], 250);
        assert_eq!(i, k * (FADE_FRAMES + 1), "{delays:?}");
    }
    // Cancelling stops with an error.
    let cancelled = animation_gif(&ds, &cache, &opts, 2.5, &mut |d, _| d < 2);
    assert!(matches!(cancelled, Err(ExportError::Cancelled)));
}

fn listing(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect();
    v.sort();
    v
}

#[test]
fn a_cancelled_export_leaves_the_folder_as_it_was() {
    let ds = load_bundled().unwrap();
    let cache = MapCache::new(&ds);
    let opts = FigureOptions {
        width: 320,
        height: 180,
        ..FigureOptions::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("figures");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("notes.txt"), b"mine").unwrap();
    std::fs::write(out.join("step-01-baseline.png"), b"old figure").unwrap();
    let before = listing(&out);
    let r = export_steps(
        &ds,
        &cache,
        &opts,
        FigureFormat::Png,
        &out,
        true,
        &mut |d, _| d < 3,
    );
    assert!(matches!(r, Err(ExportError::Cancelled)), "{r:?}");
    assert_eq!(listing(&out), before);
    // A folder that did not exist is not left behind either.
    let fresh = dir.path().join("new");
    let r = export_steps(
        &ds,
        &cache,
        &opts,
        FigureFormat::Svg,
        &fresh,
        false,
        &mut |d, _| d < 2,
    );
    assert!(matches!(r, Err(ExportError::Cancelled)));
    assert!(!fresh.exists());
    assert_eq!(
        listing(dir.path()).len(),
        1,
        "{:?}",
        listing(dir.path()).iter().map(|e| &e.0).collect::<Vec<_>>()
    );
    // Finished, it replaces the old figure (forced) and keeps the notes.
    let paths = export_steps(
        &ds,
        &cache,
        &opts,
        FigureFormat::Png,
        &out,
        true,
        &mut |_, _| true,
    )
    .unwrap();
    assert_eq!(paths.len(), ds.steps.len());
    let after = listing(&out);
    assert_eq!(after.len(), ds.steps.len() + 1);
    assert!(after.iter().any(|(n, b)| n == "notes.txt" && b == b"mine"));
    assert_eq!(&read(&out.join("step-01-baseline.png"))[1..4], b"PNG");
}

/// A dataset whose place names are Hebrew, Armenian or Georgian exports
/// them with real glyphs from the bundled fonts, Hebrew right to left.
#[test]
fn hebrew_armenian_and_georgian_names_are_drawn_in_figures() {
    let mut ds = load_bundled().unwrap();
    let names = [
        ("kalbajar", "כלבג'אר"),
        ("lachin", "Լաչին"),
        ("aghdam", "აღდამი"),
    ];
    for (id, name) in names {
        let place = ds.places.iter_mut().find(|p| p.id == id).unwrap();
        place.names.0.insert("x-test".to_owned(), name.to_owned());
    }
    let cache = MapCache::new(&ds);
    let opts = FigureOptions {
        width: 1280,
        height: 720,
        names: NameLang::parse("x-test").unwrap(),
        ..FigureOptions::default()
    };
    let fig = figure_at_step(&ds, &cache, 8, &opts).unwrap();
    let tree = usvg::Tree::from_str(&fig.svg, &bundled_fonts()).unwrap();
    for (_, name) in names {
        let drawn = glyphs(&tree, name);
        assert!(!drawn.is_empty(), "{name} has no glyphs");
        assert!(
            drawn.iter().all(|g| g.1 != 0),
            "{name} drawn with a missing glyph: {drawn:?}"
        );
    }
    let hebrew: String = visual(&glyphs(&tree, "כלבג'אר"));
    assert_eq!(hebrew, "כלבג'אר".chars().rev().collect::<String>());
}

/// Every map label of the figures of every step at `opts`: its string, its
/// drawn box `[x0, y0, x1, y1]` in points, its size and whether it is bold.
/// A label: its text, its box, its size, whether it is right to left, and
/// the map frame.
type MapLabel = (String, [f32; 4], f32, bool, [f32; 4]);

fn map_labels(opts: &FigureOptions) -> Vec<MapLabel> {
    let ds = load_bundled().unwrap();
    let cache = MapCache::new(&ds);
    let names: Vec<String> = ds
        .map
        .features
        .iter()
        .map(|f| {
            ds.place(&f.id)
                .map_or(&f.names, |p| &p.names)
                .get("en")
                .to_owned()
        })
        .collect();
    let mut out = Vec::new();
    for step in 0..ds.steps.len() {
        let fig = figure_at_step(&ds, &cache, step, opts).unwrap();
        let vp = fig.map_viewport;
        let frame = [
            vp.min[0],
            vp.min[1],
            vp.min[0] + vp.size[0],
            vp.min[1] + vp.size[1],
        ];
        let tree = usvg::Tree::from_str(&fig.svg, &bundled_fonts()).unwrap();
        let mut all = Vec::new();
        texts_of(tree.root(), &mut all);
        for t in all {
            let text: String = t.chunks().iter().map(|c| c.text()).collect();
            if !names.contains(&text) {
                continue;
            }
            // The glyphs as drawn (the outlines usvg makes of them), in
            // points (usvg's absolute coordinates are pixels).
            let b = t.flattened().abs_bounding_box();
            let k = fig.pixels_per_point;
            let [lx, ly, lw, lh] = fig.legend;
            let (cx, cy) = (
                b.x() / k + b.width() / k / 2.0,
                b.y() / k + b.height() / k / 2.0,
            );
            if cx >= lx && cx <= lx + lw && cy >= ly && cy <= ly + lh {
                // The legend names the line too.
                continue;
            }
            let span = &t.chunks()[0].spans()[0];
            out.push((
                text,
                [b.left() / k, b.top() / k, b.right() / k, b.bottom() / k],
                span.font_size().get(),
                span.font().weight() >= 600,
                frame,
            ));
        }
    }
    out
}

#[test]
fn figure_labels_lie_inside_the_map_frame_and_within_their_estimated_width() {
    for (width, height) in [(1280, 720), (800, 600), (1920, 1080)] {
        let opts = FigureOptions {
            width,
            height,
            ..FigureOptions::default()
        };
        let labels = map_labels(&opts);
        assert!(labels.len() > 100, "{width}x{height}: {}", labels.len());
        // Sharur sits at the western edge of the map: drawn whole (at the
        // size where the issue saw it cut to "arur").
        if width == 1280 {
            assert!(labels.iter().any(|(t, ..)| t == "Sharur"), "no Sharur");
        }
        for (text, b, size, bold, frame) in &labels {
            let tol = 0.5;
            assert!(
                b[0] >= frame[0] - tol
                    && b[1] >= frame[1] - tol
                    && b[2] <= frame[2] + tol
                    && b[3] <= frame[3] + tol,
                "{width}x{height}: {text} {b:?} leaves the frame {frame:?}"
            );
            // The scene's width estimate is generous: the shaped text fits.
            let estimate = karabakh_atlas::scene::labels::estimate_width(text, *size, *bold);
            assert!(
                b[2] - b[0] <= estimate,
                "{text}: {} > {estimate}",
                b[2] - b[0]
            );
        }
    }
}
