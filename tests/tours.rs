//! Tours: the bundled ones, the default one, every way a tour file can be
//! wrong (each reported with its file, line and column), the `tours`
//! command, `--tour` checked before any window opens, and step extents.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::PathBuf;

use common::{DataCopy, line_col, run, texts};
use karabakh_atlas::model::diag::Diagnostic;
use karabakh_atlas::model::geometry::Shape;
use karabakh_atlas::model::tour::{
    DEFAULT_TOUR_ID, default_tour, load_tour_file, parse_tour, resolve_tour_start, step_extent,
};
use karabakh_atlas::model::types::Extent;
use karabakh_atlas::model::{Dataset, load_bundled, load_folder};
use serde_json::Value;

fn ds() -> Dataset {
    load_bundled().unwrap()
}

fn step_ids(ds: &Dataset, tour: &karabakh_atlas::model::types::Tour) -> Vec<String> {
    tour.stops
        .iter()
        .map(|s| ds.steps[s.step].id.clone())
        .collect()
}

/// The single diagnostic `parse_tour` gives for `text`, checked to be at
/// the 1-based line and column where `at` first occurs in `text`.
fn only_error_at(text: &str, at: &str) -> Diagnostic {
    let errs = parse_tour("fixture.toml", text, "fixture", &ds())
        .unwrap_err()
        .diagnostics;
    assert_eq!(errs.len(), 1, "{errs:#?}");
    let d = errs.into_iter().next().unwrap();
    assert_eq!(d.file, "fixture.toml");
    let (line, column) = line_col(text, text.find(at).unwrap());
    let p = d.position.expect("a position");
    assert_eq!((p.line, p.column), (line, column), "{d}");
    d
}

const HEAD: &str = "title = { en = \"A tour\", ar = \"جولة\" }\n";

#[test]
fn bundled_tours_load_in_the_documented_order() {
    let ds = ds();
    let ids: Vec<&str> = ds.tours.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["full-story", "handovers"]);

    let full = &ds.tours[0];
    assert_eq!(
        full.stops.iter().map(|s| s.step).collect::<Vec<_>>(),
        (0..ds.steps.len()).collect::<Vec<_>>(),
        "full-story shows every step in order"
    );
    assert_eq!(
        step_ids(&ds, &ds.tours[1]),
        [
            "ceasefire-2020",
            "aghdam-handover",
            "kalbajar-handover",
            "lachin-handover"
        ]
    );
    for t in &ds.tours {
        for lang in ["en", "ar"] {
            assert!(
                t.title.exact(lang).is_some_and(|s| !s.is_empty()),
                "{}",
                t.id
            );
            assert!(t.description.exact(lang).is_some(), "{}", t.id);
        }
        for (i, s) in t.stops.iter().enumerate() {
            let hold = t.hold_of(i);
            assert!((8.0..=15.0).contains(&hold), "{} stop {i}: {hold}", t.id);
            assert!(s.notes.exact("en").is_some() && s.notes.exact("ar").is_some());
            assert!(!s.questions.is_empty(), "{} stop {i}", t.id);
            for q in &s.questions {
                assert!(q.exact("en").is_some() && q.exact("ar").is_some());
            }
        }
    }
}

#[test]
fn the_default_tour_is_every_step_in_order() {
    let ds = ds();
    let t = default_tour(&ds);
    assert_eq!(t.id, DEFAULT_TOUR_ID);
    assert_eq!(t.stops.len(), ds.steps.len());
    assert!(t.stops.iter().enumerate().all(|(i, s)| s.step == i));
    assert!(t.title.exact("en").is_some() && t.title.exact("ar").is_some());
    assert!(t.hold > 0.0);
    assert!(!ds.tours.iter().any(|x| x.id == DEFAULT_TOUR_ID));
}

#[test]
fn a_minimal_tour_parses_and_stops_may_repeat_and_reorder_steps() {
    let text = format!(
        "{HEAD}hold = 9\n[[stop]]\nstep = \"lachin-handover\"\nhold = 7.5\n[[stop]]\nstep = \"baseline\"\n[[stop]]\nstep = \"lachin-handover\"\n"
    );
    let ds = ds();
    let t = parse_tour("x.toml", &text, "x", &ds).unwrap();
    assert_eq!(t.id, "x");
    assert_eq!(
        step_ids(&ds, &t),
        ["lachin-handover", "baseline", "lachin-handover"]
    );
    assert_eq!(t.hold_of(0), 7.5);
    assert_eq!(t.hold_of(1), 9.0);
    assert_eq!(
        t.stop_of_step(ds.step_index("lachin-handover").unwrap()),
        Some(0)
    );
}

#[test]
fn an_unknown_step_id_is_named_with_its_position_and_where_the_ids_are() {
    let text =
        format!("{HEAD}[[stop]]\nstep = \"baseline\"\n[[stop]]\nstep = \"agdam-handover\"\n");
    let d = only_error_at(&text, "\"agdam-handover\"");
    assert!(
        d.message
            .to_string()
            .contains("unknown step id 'agdam-handover'"),
        "{d}"
    );
    let help = d.help.unwrap().to_string();
    assert!(help.contains("karabakh-atlas steps"), "{help}");
    assert!(help.contains("did you mean 'aghdam-handover'"), "{help}");
}

#[test]
fn every_bad_hold_is_refused_where_it_is_written() {
    for (value, expect) in [
        ("0", "must be more than 0"),
        ("-3", "must be more than 0"),
        ("nan", "not a number of seconds"),
        ("inf", "not a number of seconds"),
        ("600.5", "more than the limit of 600"),
        ("\"8\"", "expected a number of seconds"),
        ("true", "expected a number of seconds"),
    ] {
        // Tour-wide default.
        let text = format!("{HEAD}hold = {value}\n[[stop]]\nstep = \"baseline\"\n");
        let d = only_error_at(&text, &format!("{value}\n"));
        assert!(
            d.message.to_string().contains(expect),
            "hold = {value}: {d}"
        );
        // One stop's own hold.
        let text = format!("{HEAD}[[stop]]\nstep = \"baseline\"\nhold = {value}\n");
        let d = only_error_at(&text, &format!("{value}\n"));
        assert!(
            d.message.to_string().contains(expect),
            "stop hold = {value}: {d}"
        );
    }
    // The limit itself is allowed.
    let text = format!("{HEAD}hold = 600\n[[stop]]\nstep = \"baseline\"\n");
    assert!(parse_tour("x.toml", &text, "x", &ds()).is_ok());
}

#[test]
fn a_tour_without_stops_is_refused() {
    let errs = parse_tour("fixture.toml", HEAD, "fixture", &ds())
        .unwrap_err()
        .diagnostics;
    assert_eq!(errs.len(), 1, "{errs:#?}");
    let d = &errs[0];
    assert!(d.message.to_string().contains("no stops"), "{d}");
    assert!(d.help.as_ref().unwrap().to_string().contains("[[stop]]"));
    // Reported at the end of the file, where stops are added: after the
    // fixture's one line, line 2, column 1.
    let p = d.position.unwrap();
    assert_eq!((p.line, p.column), (2, 1), "{d}");
}

#[test]
fn syntax_errors_unknown_fields_and_missing_english_are_placed() {
    let text = format!("{HEAD}[[stop]]\nstep = aghdam-handover\n");
    let d = only_error_at(&text, "aghdam-handover");
    assert!(d.message.to_string().contains("quoted"), "{d}");

    let text = format!("{HEAD}[[stop]]\nstep = \"baseline\"\ncolour = \"red\"\n");
    let d = only_error_at(&text, "colour");
    assert!(
        d.message.to_string().contains("unknown field `colour`"),
        "{d}"
    );
    assert!(d.help.unwrap().to_string().contains("Tours"));

    let text = format!(
        "{HEAD}[[stop]]\nstep = \"baseline\"\nquestions = [ {{ en = \"Who?\" }}, {{ ar = \"من؟\" }} ]\n"
    );
    let d = only_error_at(&text, "{ ar");
    assert!(
        d.message.to_string().contains("question 2 has no English"),
        "{d}"
    );

    let text = "title = { ar = \"جولة\" }\n[[stop]]\nstep = \"baseline\"\n";
    let d = only_error_at(text, "{ ar");
    assert!(
        d.message.to_string().contains("title has no English"),
        "{d}"
    );
}

#[test]
fn tour_files_that_are_missing_or_not_utf8_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere.toml");
    let e = load_tour_file(&missing, &ds()).unwrap_err();
    assert_eq!(e.diagnostics[0].file, missing.display().to_string());
    assert!(
        e.diagnostics[0].message.to_string().contains("not found"),
        "{e}"
    );

    let latin1 = dir.path().join("latin1.toml");
    let mut bytes =
        format!("{HEAD}[[stop]]\nstep = \"baseline\"\nnotes = {{ en = \"caf").into_bytes();
    bytes.extend_from_slice(b"\xe9\" }\n");
    std::fs::write(&latin1, bytes).unwrap();
    let e = load_tour_file(&latin1, &ds()).unwrap_err();
    let d = &e.diagnostics[0];
    assert_eq!(d.file, latin1.display().to_string());
    assert!(d.message.to_string().contains("UTF-8"), "{d}");
    let p = d.position.unwrap();
    // Line 4 of the file; `notes = { en = "caf` is 19 characters.
    assert_eq!((p.line, p.column), (4, 20), "{d}");

    let good = dir.path().join("my-tour.toml");
    std::fs::write(&good, format!("{HEAD}[[stop]]\nstep = \"baseline\"\n")).unwrap();
    assert_eq!(load_tour_file(&good, &ds()).unwrap().id, "my-tour");
}

/// `--tour` and `--step` as the viewer receives them.
fn resolve_gui_tour(
    ds: &karabakh_atlas::model::Dataset,
    (tour, step): (Option<PathBuf>, Option<usize>),
) -> Result<
    Option<(karabakh_atlas::model::types::Tour, usize)>,
    karabakh_atlas::model::diag::LoadError,
> {
    resolve_tour_start(ds, tour.as_deref(), step)
}

fn gui_args(tour: Option<PathBuf>, step: Option<usize>) -> (Option<PathBuf>, Option<usize>) {
    (tour, step)
}

#[test]
fn the_gui_tour_starts_at_the_stop_of_the_requested_step() {
    let ds = ds();
    let handovers = common::data_dir().join("tours/handovers.toml");
    assert!(
        resolve_gui_tour(&ds, gui_args(None, Some(3)))
            .unwrap()
            .is_none()
    );
    let (t, stop) = resolve_gui_tour(&ds, gui_args(Some(handovers.clone()), None))
        .unwrap()
        .unwrap();
    assert_eq!((t.id.as_str(), stop), ("handovers", 0));
    // Step 8 (Kalbajar) is the tour's third stop.
    let kalbajar = ds.step_index("kalbajar-handover").unwrap() + 1;
    let (_, stop) = resolve_gui_tour(&ds, gui_args(Some(handovers.clone()), Some(kalbajar)))
        .unwrap()
        .unwrap();
    assert_eq!(stop, 2);
    for missing in [0, 1, 99] {
        let e =
            resolve_gui_tour(&ds, gui_args(Some(handovers.clone()), Some(missing))).unwrap_err();
        let msg = e.diagnostics[0].message.to_string();
        assert!(msg.contains(&format!("--step {missing}")), "{msg}");
        assert!(msg.contains("shows steps 3, 7, 8, 9"), "{msg}");
    }
}

// ---------------------------------------------------------------- dataset

fn errors_of(copy: &DataCopy) -> Vec<Diagnostic> {
    load_folder(copy.path()).unwrap_err().diagnostics
}

#[test]
fn a_bad_tour_inside_a_dataset_is_reported_in_its_own_file() {
    let copy = DataCopy::new();
    let (line, column) = copy.replace_first(
        "tours/handovers.toml",
        "step = \"aghdam-handover\"",
        "step = \"aghdam\"",
    );
    let errs = errors_of(&copy);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    let d = &errs[0];
    assert!(d.file.ends_with("tours/handovers.toml"), "{d}");
    assert!(
        d.message.to_string().contains("unknown step id 'aghdam'"),
        "{d}"
    );
    // `step = ` is 7 characters before the value.
    let p = d.position.unwrap();
    assert_eq!((p.line, p.column), (line, column + 7), "{d}");
}

#[test]
fn bad_tour_entries_in_dataset_toml_are_placed_on_the_entry() {
    for (entry, expect) in [
        ("\"tours/absent.toml\"", "file not found"),
        ("\"../outside.toml\"", "not a plain relative path"),
        ("\"/etc/tour.toml\"", "not a plain relative path"),
        ("\"tours/handovers.txt\"", "not a plain relative path"),
        ("\"tours/all-steps.toml\"", "reserved"),
        ("\"tours/Handovers.toml\"", "not a valid id"),
        ("\"tours/handovers.toml\"", "used twice"),
    ] {
        let copy = DataCopy::new();
        let (line, column) = copy.replace_first(
            "dataset.toml",
            "\"tours/handovers.toml\"]",
            &format!("\"tours/handovers.toml\", {entry}]"),
        );
        let errs = errors_of(&copy);
        assert_eq!(errs.len(), 1, "{entry}: {errs:#?}");
        let d = &errs[0];
        assert!(d.file.ends_with("dataset.toml"), "{d}");
        assert!(d.message.to_string().contains(expect), "{entry}: {d}");
        // The entry starts after `"tours/handovers.toml", ` (24 characters).
        let p = d.position.unwrap();
        assert_eq!((p.line, p.column), (line, column + 24), "{entry}: {d}");
    }
}

// ---------------------------------------------------------------- extents

fn bounds(shape: &Shape) -> Extent {
    let pts: Vec<[f64; 2]> = match shape {
        Shape::Area(polys) => polys.iter().flatten().flatten().copied().collect(),
        Shape::Lines(lines) => lines.iter().flatten().copied().collect(),
        Shape::Point(p) => vec![*p],
    };
    Extent {
        west: pts.iter().map(|p| p[0]).fold(f64::INFINITY, f64::min),
        south: pts.iter().map(|p| p[1]).fold(f64::INFINITY, f64::min),
        east: pts.iter().map(|p| p[0]).fold(f64::NEG_INFINITY, f64::max),
        north: pts.iter().map(|p| p[1]).fold(f64::NEG_INFINITY, f64::max),
    }
}

fn area(e: &Extent) -> f64 {
    e.width() * e.height()
}

#[test]
fn the_aghdam_handover_frames_aghdam_not_the_whole_map() {
    let ds = ds();
    let step = ds.step_index("aghdam-handover").unwrap();
    let e = step_extent(&ds, step).expect("an extent");
    let aghdam = bounds(&ds.map.feature("aghdam").unwrap().shape);
    assert!(e.contains(&aghdam), "{e:?} vs {aghdam:?}");
    // With a margin on every side.
    assert!(e.west < aghdam.west && e.east > aghdam.east);
    assert!(e.south < aghdam.south && e.north > aghdam.north);
    let whole = ds
        .map
        .features
        .iter()
        .map(|f| bounds(&f.shape))
        .reduce(|a, b| a.union(&b))
        .unwrap();
    assert!(
        area(&e) < area(&whole) / 8.0,
        "{e:?} is not much smaller than the map {whole:?}"
    );
}

#[test]
fn the_ceasefire_frames_every_district_it_changes_or_has_pending() {
    let ds = ds();
    let i = ds.step_index("ceasefire-2020").unwrap();
    let e = step_extent(&ds, i).unwrap();
    for id in [
        "fuzuli", "jabrayil", "zangilan", "qubadli", "aghdam", "kalbajar", "lachin",
    ] {
        assert!(
            e.contains(&bounds(&ds.map.feature(id).unwrap().shape)),
            "{id}"
        );
    }
}

#[test]
fn a_step_that_changes_no_place_fits_the_whole_map() {
    let ds = ds();
    assert_eq!(
        step_extent(&ds, ds.step_index("french-call").unwrap()),
        None
    );
    assert_eq!(step_extent(&ds, ds.steps.len()), None);
}

const AGHDAM_STEP: &str = "id = \"aghdam-handover\"\n";

#[test]
fn an_explicit_extent_wins() {
    let copy = DataCopy::new();
    copy.replace_first(
        "timeline.toml",
        AGHDAM_STEP,
        &format!(
            "{AGHDAM_STEP}extent = {{ west = 45.5, south = 39.25, east = 47.75, north = 40.5 }}\n"
        ),
    );
    let ds = load_folder(copy.path()).unwrap();
    let e = step_extent(&ds, ds.step_index("aghdam-handover").unwrap()).unwrap();
    assert_eq!(
        e,
        Extent {
            west: 45.5,
            south: 39.25,
            east: 47.75,
            north: 40.5
        }
    );
}

#[test]
fn bad_extents_are_refused_where_they_are_written() {
    for (value, expect) in [
        (
            "{ west = 47.0, south = 39.0, east = 46.0, north = 40.0 }",
            "west (47) must be less than east (46)",
        ),
        (
            "{ west = 46.0, south = 40.0, east = 47.0, north = 40.0 }",
            "south (40) must be less than north (40)",
        ),
        (
            "{ west = 46.0, south = 39.0, east = 47.0, north = 95.0 }",
            "north = 95 is outside -90..90",
        ),
        (
            "{ west = -190.0, south = 39.0, east = 47.0, north = 40.0 }",
            "west = -190 is outside -180..180",
        ),
        (
            "{ west = nan, south = 39.0, east = 47.0, north = 40.0 }",
            "west = NaN",
        ),
    ] {
        let copy = DataCopy::new();
        let (line, _) = copy.replace_first(
            "timeline.toml",
            AGHDAM_STEP,
            &format!("{AGHDAM_STEP}extent = {value}\n"),
        );
        let errs = errors_of(&copy);
        assert_eq!(errs.len(), 1, "{value}: {errs:#?}");
        let d = &errs[0];
        assert!(d.file.ends_with("timeline.toml"));
        assert!(
            d.message
                .to_string()
                .contains("step 'aghdam-handover': bad extent"),
            "{d}"
        );
        assert!(d.message.to_string().contains(expect), "{value}: {d}");
        let p = d.position.unwrap();
        // On the line after the id, where `extent = ` (9 characters) ends.
        assert_eq!((p.line, p.column), (line + 1, 10), "{d}");
    }
    // A missing side is a format error, also placed.
    let copy = DataCopy::new();
    let (line, _) = copy.replace_first(
        "timeline.toml",
        AGHDAM_STEP,
        &format!("{AGHDAM_STEP}extent = {{ west = 46.0, south = 39.0, east = 47.0 }}\n"),
    );
    let errs = errors_of(&copy);
    assert!(errs[0].message.to_string().contains("north"), "{errs:#?}");
    assert_eq!(errs[0].position.map(|p| p.line), Some(line + 1));
}

// ---------------------------------------------------------------- CLI

#[test]
fn tours_lists_each_tour_with_its_stops_as_step_numbers() {
    let out = run(&["tours"]);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("full-story: The whole story"), "{stdout}");
    assert!(
        stdout.contains("handovers: The three handovers (4 stops"),
        "{stdout}"
    );
    assert!(
        stdout.contains("step  7  Aghdam handed over to Azerbaijan"),
        "{stdout}"
    );
    assert!(stdout.contains(DEFAULT_TOUR_ID), "{stdout}");

    let out = run(&["tours", "--json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let tours = v["tours"].as_array().unwrap();
    assert_eq!(tours.len(), 2);
    let h = &tours[1];
    assert_eq!(h["id"], "handovers");
    let steps: Vec<u64> = h["stops"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["step"].as_u64().unwrap())
        .collect();
    assert_eq!(steps, [3, 7, 8, 9]);
    assert_eq!(h["stops"][1]["id"], "aghdam-handover");
    assert!(h["stops"][1]["hold"].as_f64().unwrap() > 0.0);
    assert!(h["stops"][0]["questions"][0]["ar"].is_string());
}

#[test]
fn tours_checks_one_file() {
    let good = common::data_dir().join("tours/handovers.toml");
    let out = run(&["tours", "--tour", good.to_str().unwrap()]);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains("valid") && stdout.contains("handovers:"),
        "{stdout}"
    );
    assert!(!stdout.contains("full-story"), "{stdout}");

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        format!("{HEAD}hold = 0\n[[stop]]\nstep = \"baseline\"\n"),
    )
    .unwrap();
    let out = run(&["tours", "--tour", bad.to_str().unwrap()]);
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("{}:2:8:", bad.display())),
        "{stderr}"
    );
}

/// The viewer with no display to open a window on: only an error found
/// before the window is attempted can produce the tour's diagnostics.
fn run_viewer(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_karabakh-atlas"))
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap()
}

#[test]
fn a_bad_tour_stops_the_viewer_before_its_window_opens() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, format!("{HEAD}[[stop]]\nstep = \"nope\"\n")).unwrap();
    for args in [
        vec!["--tour", bad.to_str().unwrap()],
        vec!["gui", "--present", "--tour", bad.to_str().unwrap()],
    ] {
        let out = run_viewer(&args);
        let (_, stderr) = texts(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains(&format!("{}:3:8:", bad.display())),
            "{stderr}"
        );
        assert!(stderr.contains("unknown step id 'nope'"), "{stderr}");
        assert!(
            !stderr.contains("could not open the viewer window"),
            "{stderr}"
        );
    }
    let missing = dir.path().join("missing.toml");
    let out = run_viewer(&["--tour", missing.to_str().unwrap()]);
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("missing.toml") && stderr.contains("not found"),
        "{stderr}"
    );

    // A good tour with a step it does not show is a usage error.
    let good = common::data_dir().join("tours/handovers.toml");
    let out = run_viewer(&["--tour", good.to_str().unwrap(), "--step", "1"]);
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("shows steps 3, 7, 8, 9"), "{stderr}");
}
