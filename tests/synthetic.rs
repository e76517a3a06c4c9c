//! The CLI, the exporter and the viewer on tests/data/synthetic, a fictional
//! dataset with other ids, places on the other side of the globe, English
//! and Persian sources, a range-dated change, a disputed deadline and a
//! second disputed claim. The expected states come from the timeline as
//! tests/data/synthetic/README.md tells it, not from the program's output.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};

use common::{run_on, texts};
use serde_json::{Value, json};

fn synthetic() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/synthetic")
}

/// Run the CLI on the dataset and check it succeeded.
fn succeeds(args: &[&str]) {
    let out = run_on(&synthetic(), args);
    assert!(out.status.success(), "{args:?}: {}", texts(&out).1);
}

fn json_of(args: &[&str]) -> Value {
    let out = run_on(&synthetic(), args);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{args:?}: {stderr}");
    serde_json::from_str(&stdout).unwrap()
}

#[test]
fn check_accepts_it_and_counts_what_the_files_hold() {
    let out = run_on(&synthetic(), &["check"]);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    for part in [
        "2 sources",
        "6 steps",
        "11 citations",
        "6 places (5 tracked",
        "2 claims of which 2 disputed (dune-deadline, birch-fighting-length)",
    ] {
        assert!(stdout.contains(part), "{part}: {stdout}");
    }
}

/// A place's state in `state --json`, reduced to what the timeline decides.
#[derive(Debug, PartialEq)]
struct S {
    controlled_by: String,
    since_step: String,
    transition_to: Option<String>,
    pending_to: Option<String>,
}

const STONE: &str = "stone_league";
const TIDE: &str = "tide_council";

fn held(by: &str, step: &str) -> S {
    S {
        controlled_by: by.to_owned(),
        since_step: step.to_owned(),
        transition_to: None,
        pending_to: None,
    }
}

impl S {
    fn changing_to(mut self, to: &str) -> Self {
        self.transition_to = Some(to.to_owned());
        self
    }

    fn pending_to(mut self, to: &str) -> Self {
        self.pending_to = Some(to.to_owned());
        self
    }
}

fn state(date: &str) -> Vec<(String, S)> {
    let v = json_of(&["state", "--date", date, "--json"]);
    assert_eq!(v["date"], date);
    let text = |v: &Value| v.as_str().map(str::to_owned);
    v["places"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap().to_owned(),
                S {
                    controlled_by: text(&p["controlled_by"]).unwrap(),
                    since_step: text(&p["since_step"]).unwrap(),
                    transition_to: text(&p["transition"]["to"]),
                    pending_to: text(&p["pending"]["to"]),
                },
            )
        })
        .collect()
}

fn expect(date: &str, places: [S; 5]) {
    let ids = ["aster", "birch", "cedar", "dune", "lumen"];
    let got = state(date);
    let want: Vec<(String, S)> = ids.iter().map(|i| (*i).to_owned()).zip(places).collect();
    assert_eq!(got, want, "state on {date}");
}

#[test]
fn state_at_several_dates_is_what_the_timeline_says() {
    // Start of coverage: the Stone League holds everything (since 2030).
    expect(
        "2031-01-01",
        [
            held(STONE, "baseline"),
            held(STONE, "baseline"),
            held(STONE, "baseline"),
            held(STONE, "baseline"),
            held(STONE, "baseline"),
        ],
    );
    // The day before and the day of Aster's change.
    assert_eq!(state("2031-03-13")[0].1, held(STONE, "baseline"));
    assert_eq!(state("2031-03-14")[0].1, held(TIDE, "aster-taken"));
    // 10 April: Birch is changing hands on a day the sources do not give.
    expect(
        "2031-04-10",
        [
            held(TIDE, "aster-taken"),
            held(STONE, "baseline").changing_to(TIDE),
            held(STONE, "baseline"),
            held(STONE, "baseline"),
            held(STONE, "baseline"),
        ],
    );
    // 20 April (end of the range): Birch is the Tide Council's.
    assert_eq!(state("2031-04-20")[1].1, held(TIDE, "birch-fighting"));
    // 4 May: nothing agreed yet; 5 May: Dune's handover is pending.
    assert_eq!(state("2031-05-04")[3].1, held(STONE, "baseline"));
    expect(
        "2031-05-05",
        [
            held(TIDE, "aster-taken"),
            held(TIDE, "birch-fighting"),
            held(STONE, "baseline"),
            held(STONE, "baseline").pending_to(TIDE),
            held(STONE, "baseline"),
        ],
    );
    // 8 June: carried out. 20 September: the plateau changes hands.
    expect(
        "2031-06-08",
        [
            held(TIDE, "aster-taken"),
            held(TIDE, "birch-fighting"),
            held(STONE, "baseline"),
            held(TIDE, "dune-handover"),
            held(STONE, "baseline"),
        ],
    );
    assert_eq!(state("2031-09-19")[4].1, held(STONE, "baseline"));
    expect(
        "2031-12-31",
        [
            held(TIDE, "aster-taken"),
            held(TIDE, "birch-fighting"),
            held(STONE, "baseline"),
            held(TIDE, "dune-handover"),
            held(TIDE, "lumen-handover"),
        ],
    );
}

#[test]
fn the_disputed_deadline_shows_both_versions_with_the_days_left() {
    // 7 June: the spokesman's 1 June has passed (-6), the bulletin's 10 June
    // is 3 days away.
    let v = json_of(&["state", "--date", "2031-06-07", "--json"]);
    let dune = &v["places"][3];
    assert_eq!(dune["id"], "dune");
    let p = &dune["pending"];
    assert_eq!(p["agreed_at_step"], "ceasefire");
    assert_eq!(p["claim"], "dune-deadline");
    assert_eq!(p["disputed"], true);
    let deadlines: Vec<(&str, i64)> = p["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["date"].as_str().unwrap(),
                d["days_left"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(deadlines, [("2031-06-01", -6), ("2031-06-10", 3)]);
}

#[test]
fn steps_json_lists_the_six_steps_with_their_precision() {
    let v = json_of(&["steps", "--json"]);
    let steps = v["steps"].as_array().unwrap();
    let got: Vec<(u64, &str, &Value, &str, &str)> = steps
        .iter()
        .map(|s| {
            (
                s["index"].as_u64().unwrap(),
                s["id"].as_str().unwrap(),
                &s["date"],
                s["precision"].as_str().unwrap(),
                s["title"]["en"].as_str().unwrap(),
            )
        })
        .collect();
    let want = [
        (
            1,
            "baseline",
            json!({ "before": "2031-03-14" }),
            "before",
            "Before March 2031",
        ),
        (
            2,
            "aster-taken",
            json!("2031-03-14"),
            "day",
            "Aster passes to the Tide Council",
        ),
        (
            3,
            "birch-fighting",
            json!({ "from": "2031-04-01", "to": "2031-04-20" }),
            "range",
            "Birch passes to the Tide Council",
        ),
        (
            4,
            "ceasefire",
            json!("2031-05-05"),
            "day",
            "Ceasefire of 5 May 2031",
        ),
        (
            5,
            "dune-handover",
            json!("2031-06-08"),
            "day",
            "Dune passes to the Tide Council",
        ),
        (
            6,
            "lumen-handover",
            json!("2031-09-20"),
            "day",
            "The Lumen Plateau passes to the Tide Council",
        ),
    ];
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(&want) {
        assert_eq!((g.0, g.1, g.2, g.3, g.4), (w.0, w.1, &w.2, w.3, w.4));
    }
    // The ceasefire step uses its own citation and both claims' citations,
    // in the Persian source as well as the English one.
    let ceasefire: Vec<&str> = steps[3]["citations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(
        ceasefire,
        [
            "ceasefire-cedar",
            "dune-by-1-june",
            "dune-by-10-june",
            "length-three-weeks",
            "length-twenty-days"
        ]
    );
}

#[test]
fn png_and_svg_figures_are_exported() {
    let tmp = tempfile::tempdir().unwrap();
    let png = tmp.path().join("may.png");
    succeeds(&[
        "export",
        "--format",
        "png",
        "--date",
        "2031-05-20",
        "--size",
        "800x600",
        "--out",
        png.to_str().unwrap(),
    ]);
    let shot = common::pixels::Shot::read(&png);
    assert_eq!((shot.width, shot.height), (800, 600));
    assert_eq!(shot.text["karabakh-atlas:date"], "2031-05-20");
    assert_eq!(shot.text["karabakh-atlas:step"], "4");

    let svg = tmp.path().join("steps");
    succeeds(&[
        "export",
        "--format",
        "svg",
        "--all",
        "--out",
        svg.to_str().unwrap(),
    ]);
    let mut names: Vec<String> = std::fs::read_dir(&svg)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 6, "{names:?}");
    let last = std::fs::read_to_string(svg.join(&names[5])).unwrap();
    assert!(
        last.starts_with("<svg") || last.starts_with("<?xml"),
        "{}",
        &last[..80]
    );
    for name in [
        "Aster",
        "Birch",
        "Cedar",
        "Dune",
        "Lumen Plateau",
        "Port Quill",
        "Tide Council",
    ] {
        assert!(last.contains(name), "{name} not in the last step's SVG");
    }
}

/// The viewer in a real window on Xvfb: at two dates, every tracked place's
/// dominant colour is the legend colour of the controller the timeline
/// gives it then.
#[cfg(feature = "gui")]
#[test]
fn synthetic_dataset_screenshots_show_each_controller_in_its_legend_colour() {
    use common::pixels::{close, dominant_colour, legend_fill};
    use karabakh_atlas::scene::display::MapCache;
    use karabakh_atlas::scene::style::{Style, ThemeKind};

    let x = common::xvfb::Xvfb::start();
    let dir = tempfile::tempdir().unwrap();
    let ds = karabakh_atlas::model::load_folder(&synthetic()).unwrap();
    let cache = MapCache::new(&ds);
    let style = Style::new(ThemeKind::Light);
    // From the timeline: on 20 May Aster and Birch are the Tide Council's,
    // Cedar, Dune (handover pending) and the plateau the Stone League's; on
    // 1 October only Cedar is still the Stone League's.
    let expected = [
        (
            "2031-05-20",
            [
                ("aster", TIDE),
                ("birch", TIDE),
                ("cedar", STONE),
                ("dune", STONE),
                ("lumen", STONE),
            ],
        ),
        (
            "2031-10-01",
            [
                ("aster", TIDE),
                ("birch", TIDE),
                ("cedar", STONE),
                ("dune", TIDE),
                ("lumen", TIDE),
            ],
        ),
    ];
    let data = synthetic();
    for (date, places) in expected {
        let path = dir.path().join(format!("{date}.png"));
        let shot = common::screenshot(
            &x,
            dir.path(),
            &path,
            &[
                "--data",
                data.to_str().unwrap(),
                "--date",
                date,
                "--size",
                "1280x800",
            ],
        );
        assert_eq!(shot.text["karabakh-atlas:date"], date);
        for (id, controller) in places {
            let got = dominant_colour(&ds, &cache, &shot, id);
            let want = legend_fill(&ds, &style, controller);
            assert!(
                close(got, want),
                "{id} on {date}: dominant colour {got:?}, legend colour of {controller} {want:?}"
            );
        }
    }
}

/// The dataset's own naming schemes: it has English and Persian (`fa`)
/// names and declares no `[[naming]]`, so those two are offered. `--names fa`
/// puts the Persian names on the figure and in the GeoJSON, and names the
/// bundled dataset offers but this one does not are refused with the list.
#[test]
fn the_datasets_own_place_name_languages_are_offered() {
    let ds = karabakh_atlas::model::load_folder(&synthetic()).unwrap();
    let tags: Vec<&str> = ds.naming.iter().map(|s| s.tag.as_str()).collect();
    assert_eq!(tags, ["en", "fa"]);

    let tmp = tempfile::tempdir().unwrap();
    let svg = tmp.path().join("fa.svg");
    succeeds(&[
        "export",
        "--format",
        "svg",
        "--date",
        "2031-05-20",
        "--names",
        "fa",
        "--out",
        svg.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&svg).unwrap();
    for persian in ["آستر", "بیرچ", "سدار", "دون"] {
        assert!(text.contains(persian), "{persian} not in the figure");
    }
    assert!(!text.contains("aria-label=\"Birch\""), "English label kept");

    let geojson = tmp.path().join("fa.geojson");
    succeeds(&[
        "export",
        "--format",
        "geojson",
        "--date",
        "2031-05-20",
        "--out",
        geojson.to_str().unwrap(),
    ]);
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&geojson).unwrap()).unwrap();
    let birch = v["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["properties"]["id"] == "birch")
        .unwrap();
    assert_eq!(birch["properties"]["name_fa"], "بیرچ");
    assert!(birch["properties"].get("name_hy").is_none());

    for (names, listed) in [("hy", true), ("not a tag", false)] {
        let out = run_on(
            &synthetic(),
            &[
                "export",
                "--format",
                "svg",
                "--date",
                "2031-05-20",
                "--names",
                names,
                "--out",
                tmp.path().join("no.svg").to_str().unwrap(),
            ],
        );
        let (_, stderr) = texts(&out);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(names), "{stderr}");
        assert_eq!(stderr.contains("en, fa"), listed, "{stderr}");
        assert!(!tmp.path().join("no.svg").exists());
    }
}

/// The viewer on this dataset offers its own naming schemes in the View
/// menu, labelled by their tags since the dataset gives no labels, and not
/// the bundled dataset's; the selected place's card lists its Persian name.
#[cfg(feature = "gui")]
#[test]
fn the_view_menu_offers_this_datasets_names_and_the_card_lists_them() {
    use egui_kittest::kittest::Queryable;
    use karabakh_atlas::ui::ViewerOptions;
    use karabakh_atlas::ui::app::Command;

    let ds = karabakh_atlas::model::load_folder(&synthetic()).unwrap();
    let args = ViewerOptions {
        lang: Some(karabakh_atlas::i18n::Lang::En),
        ..ViewerOptions::default()
    };
    let mut h = common::viewer::viewer(ds, args, 64);
    h.run();
    h.state_mut()
        .push(Command::Select(Some("birch".to_owned())));
    h.run();
    h.get_by_label("بیرچ");

    h.get_by_label("View").click();
    h.run();
    assert!(h.query_by_label("Armenian-side names").is_none());
    assert!(h.query_by_label("Names: en").is_some());
    h.get_by_label("Names: fa").click();
    h.run();
    assert_eq!(
        h.state()
            .settings()
            .names
            .resolve(karabakh_atlas::i18n::Lang::En)
            .as_str(),
        "fa"
    );
}
