//! TimelineJS3 import and export as a user runs them: a fixture that uses
//! every field the importer reads, bad files, `--force`, and a round trip of
//! the bundled dataset. Expectations come from the fixtures (see
//! tests/data/timelinejs/README.md), written by hand.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};

use common::{run, run_on, texts};
use karabakh_atlas::model::{Dataset, load_folder};
use serde_json::{Value, json};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/timelinejs")
        .join(name)
}

/// Import `file` into a new folder; returns the folder guard, the dataset
/// folder and the report printed.
fn import(file: &Path) -> (tempfile::TempDir, PathBuf, String) {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("imported");
    let out = run(&[
        "import-timelinejs",
        file.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    (tmp, out_dir, stdout)
}

fn steps_json(args_before: &[&str]) -> Vec<Value> {
    let mut args = args_before.to_vec();
    args.extend(["steps", "--json"]);
    let out = run(&args);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    v["steps"].as_array().unwrap().clone()
}

#[test]
fn every_supported_field_of_the_fixture_is_carried_over() {
    let (_tmp, dir, report) = import(&fixture("full.json"));
    let check = run_on(&dir, &["check"]);
    assert!(check.status.success(), "{}", texts(&check).1);

    // Steps in date order, with the dates the fixture implies.
    let d = dir.to_str().unwrap();
    let steps = steps_json(&["--data", d]);
    let got: Vec<(&str, &Value, &str)> = steps
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap(),
                &s["date"],
                s["title"]["en"].as_str().unwrap(),
            )
        })
        .collect();
    let want = [
        // events[6]: the exporter's "Before D" display date.
        (
            "event-7",
            json!({ "before": "1900-01-02" }),
            "Before the century",
        ),
        ("harbour-opens", json!("1905-06-01"), "The harbour opens"),
        ("event-6", json!("1908-12-24"), "Only a headline"),
        // Year only, month only: the whole year / month.
        (
            "event-2",
            json!({ "from": "1910-01-01", "to": "1910-12-31" }),
            "A year-only event",
        ),
        (
            "event-3",
            json!({ "from": "1912-04-01", "to": "1912-04-30" }),
            "A month-only event",
        ),
        // end_date: a range; an invalid unique_id made valid.
        (
            "bridge-works",
            json!({ "from": "1915-03-02", "to": "1915-03-20" }),
            "Bridge works",
        ),
        // A repeated unique_id made unique; the time of day dropped.
        (
            "harbour-opens-2",
            json!("1920-01-05"),
            "A repeated id and a time of day",
        ),
        // A year-only end date ends on 31 December.
        (
            "event-8",
            json!({ "from": "1925-07-01", "to": "1926-12-31" }),
            "An embed",
        ),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for (g, w) in got.iter().zip(&want) {
        assert_eq!((g.0, g.1, g.2), (w.0, &w.1, w.2));
    }

    let ds = load_folder(&dir).unwrap();
    assert_eq!(ds.title.en(), "Harbour history & more");
    assert_eq!(
        ds.description.en(),
        "A fictional timeline written to test the importer. Eras: Early years (1900 to 1920); Later years (March 1921 to 1930): Growth. Imported from the TimelineJS file full.json."
    );
    // HTML stripped, entities decoded, white space collapsed, paragraphs kept.
    let opens = step(&ds, "harbour-opens");
    let text = "The new harbour opened\u{A0}today — \"a fine day\".\nSecond paragraph.";
    assert_eq!(opens.summary.en(), text);
    assert_eq!(
        opens.date_note.as_ref().map(|n| n.en()),
        Some("The TimelineJS file shows the date as \"Early June 1905\".")
    );
    // The step cites its own text, verbatim at its offset in the generated source.
    let c = ds.citation(&opens.citations[0]).unwrap();
    assert_eq!(c.quote, text);
    let source = ds.source(&c.source).unwrap();
    assert_eq!(source.original_file_name, "full.json");
    let at: String = source
        .text
        .chars()
        .skip(c.offset)
        .take(text.chars().count())
        .collect();
    assert_eq!(at, text);
    // An event with no text cites its headline.
    let only = step(&ds, "event-6");
    assert_eq!(
        ds.citation(&only.citations[0]).unwrap().quote,
        "Only a headline"
    );
    // Media URL, credit (link text), caption, group, title media and eras
    // are recorded in the source text.
    for line in [
        "Media: https://example.org/harbour.jpg\nCredit: Example Archive\nCaption: The quay in 1905\nGroup: Harbour\n",
        "Media: https://example.org/cover.jpg\nCredit: Example Archive\nCaption: A cover picture\n",
        "Era: Early years (1900 to 1920)\n",
        "Group: Bridge\n",
        "Media: A quoted line\n",
    ] {
        assert!(
            source.text.contains(line),
            "{line:?} not in:\n{}",
            source.text
        );
    }
    // No places and an empty map: the skeleton tracks nothing.
    assert!(ds.places.is_empty());
    assert!(ds.map.features.is_empty());

    // The report names every path it could not carry over as is.
    for path in [
        "events[0].text.text: the address of 1 link is not kept",
        "events[0].media.credit: the address of 1 link",
        "events[0].media.thumbnail: not kept",
        "events[1].start_date: gives only a year (1910)",
        "events[2].start_date: gives only a month (April 1912)",
        "events[3].unique_id: \"Bridge Works!\" is not a valid step id",
        "events[3].end_date: the span",
        "events[4].unique_id: 'harbour-opens' is already used",
        "events[4].start_date: the time of day (hour, minute) is not kept",
        "events[4].background:",
        "events[4].autolink:",
        "events[4].location: not a TimelineJS slide field",
        "events[7].media.url: an HTML embed",
        "eras: eras are not drawn",
        "events: not in date order",
    ] {
        assert!(report.contains(path), "{path} missing from:\n{report}");
    }
    assert!(
        !report.contains("scale"),
        "scale \"human\" needs no note:\n{report}"
    );
}

/// Text TOML must escape (quotes, backslashes, line breaks, three quotes in
/// a row, Arabic with direction marks) and a file name with quotes and a
/// line break come back from the written files exactly, and the dataset
/// passes `check`.
#[test]
fn awkward_text_survives_the_written_toml_files() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("it's \"odd\"\nname.json");
    let headline = "Quotes \"\"\" and ''' and a back\\slash";
    // A line break in HTML is `<br>`; the plain text has a "\n" there.
    let html = "نص عربي \u{200F}(مع علامات)<br>C:\\path\\ \"quoted\" 'single' end\"";
    let text = "نص عربي \u{200F}(مع علامات)\nC:\\path\\ \"quoted\" 'single' end\"";
    let json = json!({
        "title": { "text": { "headline": "A \"title\" \\ with\ttab" } },
        "events": [
            {
                "start_date": { "year": 2001, "month": 2, "day": 3 },
                "display_date": "early \"Feb\"",
                "text": { "headline": headline, "text": html }
            }
        ]
    });
    std::fs::write(&file, json.to_string()).unwrap();
    let (_tmp, dir, _) = import(&file);
    let check = run_on(&dir, &["check"]);
    assert!(check.status.success(), "{}", texts(&check).1);
    let ds = load_folder(&dir).unwrap();
    assert_eq!(ds.title.en(), "A \"title\" \\ with tab");
    let s = &ds.steps[0];
    assert_eq!(s.title.en(), headline);
    assert_eq!(s.summary.en(), text);
    let c = ds.citation(&s.citations[0]).unwrap();
    assert_eq!(c.quote, text);
    let source = ds.source(&c.source).unwrap();
    assert_eq!(source.original_file_name, "it's \"odd\"\nname.json");
}

fn step<'a>(ds: &'a Dataset, id: &str) -> &'a karabakh_atlas::model::types::Step {
    ds.steps.iter().find(|s| s.id == id).unwrap()
}

/// Run an import that must fail (with the flags `extra`); returns stderr and
/// checks nothing was written.
fn failing_import(name: &str, extra: &[&str]) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("out");
    let fixture = fixture(name);
    let mut args = vec![
        "import-timelinejs",
        fixture.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
    ];
    args.extend(extra);
    let out = run(&args);
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{name}: {stdout}{stderr}");
    assert!(!out_dir.exists(), "{name}: something was written");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    stderr
}

#[test]
fn malformed_json_is_reported_at_its_line_and_column() {
    let err = failing_import("malformed.json", &[]);
    // The second event starts at line 4, column 5 without a comma before it.
    assert!(
        err.contains("malformed.json:4:5: error: not valid JSON"),
        "{err}"
    );
}

#[test]
fn a_file_without_events_is_refused() {
    let err = failing_import("no-events.json", &[]);
    assert!(
        err.contains("no-events.json: error: events: is missing"),
        "{err}"
    );
}

#[test]
fn with_strict_impossible_dates_are_reported_with_their_path_and_value_all_at_once() {
    let err = failing_import("bad-dates.json", &["--strict"]);
    assert!(
        err.contains("events[1].start_date.month: 13 is not a month"),
        "{err}"
    );
    assert!(
        err.contains("events[2].start_date.day: 31 does not exist: April 2021 has 30 days"),
        "{err}"
    );
    assert!(
        err.contains("events[3].end_date: February 2021 is before the start date June 2021"),
        "{err}"
    );
    assert!(err.contains("3 errors"), "{err}");
}

/// Import `file` with the flags `extra`; returns the folder guard, the
/// dataset folder, stdout and stderr (the import must succeed).
fn import_with(file: &Path, extra: &[&str]) -> (tempfile::TempDir, PathBuf, String, String) {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("imported");
    let mut args = vec![
        "import-timelinejs",
        file.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
    ];
    args.extend(extra);
    let out = run(&args);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stdout}{stderr}");
    (tmp, out_dir, stdout, stderr)
}

#[test]
fn without_strict_events_with_impossible_dates_are_left_out_and_the_rest_imported() {
    let (_tmp, dir, stdout, stderr) = import_with(&fixture("bad-dates.json"), &[]);
    for (index, headline, reason) in [
        (
            1,
            "Month 13",
            "events[1].start_date.month: 13 is not a month",
        ),
        (
            2,
            "31 April",
            "events[2].start_date.day: 31 does not exist: April 2021 has 30 days",
        ),
        (
            3,
            "Ends before it starts",
            "events[3].end_date: February 2021 is before the start date June 2021",
        ),
    ] {
        assert!(
            stderr.contains(&format!(
                "warning: events[{index}] \"{headline}\" is left out:"
            )),
            "{stderr}"
        );
        assert!(stderr.contains(reason), "{stderr}");
    }
    assert!(stdout.contains("Imported 1 event"), "{stdout}");
    assert!(stdout.contains("3 events left out"), "{stdout}");
    let ds = load_folder(&dir).unwrap();
    assert_eq!(ds.steps.len(), 1);
    assert_eq!(ds.steps[0].title.en(), "Fine");
}

#[test]
fn bce_events_are_kept_whatever_their_year() {
    let (_tmp, dir, stdout, stderr) = import_with(&fixture("bce.json"), &[]);
    assert!(!stderr.contains("Before the harbour"), "{stderr}");
    assert!(
        stderr.contains("events[5].start_date.day: 30 does not exist: February 1901 has 28 days"),
        "{stderr}"
    );
    assert!(stdout.contains("Imported 5 events"), "{stdout}");
    assert!(stdout.contains("1 event left out"), "{stdout}");
    let check = run(&["--data", dir.to_str().unwrap(), "check"]);
    let (out, err) = texts(&check);
    assert!(check.status.success(), "{out}{err}");
    let ds = load_folder(&dir).unwrap();
    let titles: Vec<&str> = ds.steps.iter().map(|s| s.title.en()).collect();
    assert_eq!(
        titles,
        [
            "Before the harbour",
            "Fishing huts",
            "The first pier",
            "The lighthouse",
            "The railway"
        ]
    );
    let dates: Vec<String> = ds.steps.iter().map(|s| s.date.to_string()).collect();
    assert_eq!(
        dates,
        [
            "-13800000000-01-01..-13800000000-12-31",
            "-2500-01-01..-2500-12-31",
            "-0330-10-01",
            "0000-02-01..0001-03-31",
            "1850-05-04"
        ]
    );
    // The steps list and the viewer's words say BCE.
    let steps = steps_json(&["--data", dir.to_str().unwrap()]);
    assert_eq!(steps[2]["date"], "-0330-10-01");
    assert_eq!(
        karabakh_atlas::i18n::format::date_spec(ds.steps[2].date, karabakh_atlas::i18n::Locale::EN),
        "1 Oct 331 BCE"
    );
    assert_eq!(
        karabakh_atlas::i18n::format::date_spec(ds.steps[0].date, karabakh_atlas::i18n::Locale::EN),
        "1 Jan 13,800,000,001 BCE – 31 Dec 13,800,000,001 BCE"
    );
}

#[test]
fn a_timeline_from_the_big_bang_to_2020_imports_checks_and_sets_up_the_viewer() {
    let src = tempfile::tempdir().unwrap();
    let file = src.path().join("cosmos.json");
    let json = json!({
        "scale": "cosmological",
        "events": [
            { "start_date": { "year": -13800000000_i64 }, "text": { "headline": "Big Bang", "text": "<p>The universe begins.</p>" } },
            { "start_date": { "year": 2020, "month": 11, "day": 10 }, "text": { "headline": "Today", "text": "<p>An agreement is signed.</p>" } }
        ]
    });
    std::fs::write(&file, json.to_string()).unwrap();
    let (_tmp, dir, stdout, stderr) = import_with(&file, &["--strict"]);
    assert!(stdout.contains("Imported 2 events"), "{stdout}{stderr}");
    let check = run(&["--data", dir.to_str().unwrap(), "check"]);
    let (out, err) = texts(&check);
    assert!(check.status.success(), "{out}{err}");
    let ds = load_folder(&dir).unwrap();
    let dates: Vec<String> = ds.steps.iter().map(|s| s.date.to_string()).collect();
    assert_eq!(
        dates,
        ["-13800000000-01-01..-13800000000-12-31", "2020-11-10"]
    );
    // What the viewer sets up over the whole coverage: areas, the series,
    // the bands, the time-enabled export and the time axis. Each used to
    // step a day at a time (5 × 10^12 days here); now they jump from change
    // to change, so this test finishing is the check.
    use karabakh_atlas::model::area::{areas, series, uncertainty_bands};
    use karabakh_atlas::scene::axis::{MarkStep, TimeAxis};
    let a = areas(&ds);
    let s = series(&ds, &a);
    assert!(s.points.len() <= ds.steps.len() + 1, "{}", s.points.len());
    let _bands = uncertainty_bands(&ds, &a);
    let timeline: Value =
        serde_json::from_str(&karabakh_atlas::export::geojson_timeline(&ds)).unwrap();
    assert!(timeline["features"].is_array());
    let events: Vec<_> = ds
        .steps
        .iter()
        .map(|s| (s.date.start(), s.date.end()))
        .collect();
    let axis = TimeAxis::new(ds.coverage.from, ds.coverage.to, &events, false);
    assert!(matches!(axis.mark_step(), MarkStep::Years(step) if step >= 100_000_000));
    assert!(!axis.marks().is_empty() && axis.marks().len() <= 101);
    // `--date` reads the same days as the files, long years included.
    for args in [
        ["state", "--date", "-13800000000-06-01"],
        ["stats", "--date", "-13800000000-06-01"],
    ] {
        let mut all = vec!["--data", dir.to_str().unwrap()];
        all.extend(args);
        let out = run(&all);
        let (o, e) = texts(&out);
        assert!(out.status.success(), "{args:?}: {o}{e}");
    }
    let bad = run(&[
        "--data",
        dir.to_str().unwrap(),
        "state",
        "--date",
        "13800000000-06-01",
    ]);
    let (o, e) = texts(&bad);
    assert!(!bad.status.success(), "{o}");
    assert!(
        e.contains("13800000000-06-01") && e.contains("with its sign"),
        "{e}"
    );
}

#[test]
fn with_strict_one_impossible_event_refuses_the_file() {
    let err = failing_import("bce.json", &["--strict"]);
    assert!(
        err.contains("events[5].start_date.day: 30 does not exist: February 1901 has 28 days"),
        "{err}"
    );
    assert!(!err.contains("events[3]"), "{err}");
}

#[test]
fn an_existing_out_folder_is_kept_unless_forced() {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("mine");
    std::fs::create_dir(&out_dir).unwrap();
    std::fs::write(out_dir.join("timeline.toml"), b"my own timeline").unwrap();
    std::fs::write(out_dir.join("notes.txt"), b"my notes").unwrap();
    let args = |force: bool| {
        let mut a = vec![
            "import-timelinejs".to_owned(),
            fixture("full.json").to_str().unwrap().to_owned(),
            "--out".to_owned(),
            out_dir.to_str().unwrap().to_owned(),
        ];
        if force {
            a.push("--force".to_owned());
        }
        a
    };
    let a = args(false);
    let out = run(&a.iter().map(String::as_str).collect::<Vec<_>>());
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("not empty") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(out_dir.join("timeline.toml")).unwrap(),
        b"my own timeline"
    );
    assert!(!out_dir.join("dataset.toml").exists());

    let a = args(true);
    let out = run(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(out.status.success(), "{}", texts(&out).1);
    assert_ne!(
        std::fs::read(out_dir.join("timeline.toml")).unwrap(),
        b"my own timeline"
    );
    assert_eq!(
        std::fs::read(out_dir.join("notes.txt")).unwrap(),
        b"my notes"
    );
    assert!(run_on(&out_dir, &["check"]).status.success());
}

#[test]
fn the_bundled_dataset_survives_a_round_trip() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("bundled.json");
    let out = run(&[
        "export",
        "--format",
        "timelinejs",
        "--out",
        file.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", texts(&out).1);

    // Valid TimelineJS3: a title slide, one event per step, each with a
    // start date of numbers and a headline.
    let tl: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let bundled = karabakh_atlas::model::load_bundled().unwrap();
    assert_eq!(tl["title"]["text"]["headline"], bundled.title.en());
    let events = tl["events"].as_array().unwrap();
    assert_eq!(events.len(), bundled.steps.len());
    for (e, s) in events.iter().zip(&bundled.steps) {
        assert_eq!(e["unique_id"], s.id.as_str());
        assert_eq!(e["text"]["headline"], s.title.en());
        assert!(
            e["start_date"]["year"].is_u64() && e["start_date"]["day"].is_u64(),
            "{e}"
        );
        // The summary and every quote the step uses are in the text.
        let text = e["text"]["text"].as_str().unwrap();
        assert!(text.starts_with("<p>"), "{text}");
        for id in bundled.step_citation_ids(s) {
            assert!(
                text.contains(&format!("(citation {id})")),
                "{id} not in {text}"
            );
        }
    }

    let out_dir = tmp.path().join("back");
    let out = run(&[
        "import-timelinejs",
        file.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", texts(&out).1);
    let before = steps_json(&[]);
    let after = steps_json(&["--data", out_dir.to_str().unwrap()]);
    assert_eq!(before.len(), after.len());
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(a["id"], b["id"]);
        assert_eq!(a["title"]["en"], b["title"]["en"]);
        assert_eq!(a["date"], b["date"], "{}", b["id"]);
        assert_eq!(a["precision"], b["precision"], "{}", b["id"]);
    }
}

#[test]
fn export_to_timelinejs_never_overwrites_and_takes_no_step_or_date() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("out.json");
    std::fs::write(&file, b"keep").unwrap();
    let out = run(&[
        "export",
        "--format",
        "timelinejs",
        "--out",
        file.to_str().unwrap(),
    ]);
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("already exists") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), b"keep");

    let out = run(&[
        "export",
        "--format",
        "timelinejs",
        "--step",
        "2",
        "--out",
        file.to_str().unwrap(),
    ]);
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("always holds every step"), "{stderr}");

    let out = run(&[
        "export",
        "--format",
        "timelinejs",
        "--force",
        "--out",
        file.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", texts(&out).1);
    let v: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert!(v["events"].is_array());

    // Figures still need to be told which step.
    let out = run(&[
        "export",
        "--format",
        "png",
        "--out",
        tmp.path().join("x.png").to_str().unwrap(),
    ]);
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("--step N, --date YYYY-MM-DD or --all"),
        "{stderr}"
    );
}

/// The viewer opens an imported skeleton (no places, empty map) and steps
/// through it.
#[cfg(feature = "gui")]
#[test]
fn the_viewer_opens_an_imported_timeline_without_places() {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use karabakh_atlas::ui::ViewerOptions;
    use karabakh_atlas::ui::app::App;
    use karabakh_atlas::ui::screenshot::Outcome;

    let (_tmp, dir, _) = import(&fixture("full.json"));
    let ds = load_folder(&dir).unwrap();
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_max_steps(64)
        .build_eframe(move |cc| {
            let english = ViewerOptions {
                lang: Some(karabakh_atlas::i18n::Lang::En),
                ..ViewerOptions::default()
            };
            App::new(cc, ds, &english, Outcome::default())
        });
    h.run();
    assert_eq!(h.state().time().step(), Some(0));
    h.get_by_label("Before the century");
    h.get_by_label("Next step").click();
    h.run();
    assert_eq!(h.state().time().step(), Some(1));
    h.get_by_label("The harbour opens");
}
