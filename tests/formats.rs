//! The field's formats as a user runs them: W3C Web Annotations out
//! (`export --format annotations`) and in (`import-annotations`), and the
//! time-enabled GeoJSON import (`import-geojson`), including the round trip
//! of the bundled timeline through `export --all --format geojson`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};

use common::{run, texts};
use karabakh_atlas::i18n::format::{date_short, since};
use karabakh_atlas::i18n::{Locale, tr_args};
use karabakh_atlas::model::geometry::Shape;
use karabakh_atlas::model::state::place_state_at;
use karabakh_atlas::model::{Dataset, Date, load_bundled, load_folder};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn sha256(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn write(dir: &Path, name: &str, value: &Value) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, serde_json::to_string_pretty(value).unwrap()).unwrap();
    p
}

/// Run the binary; assert success; the report on stdout.
fn ok(args: &[&str]) -> String {
    let out = run(args);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{args:?}: {stderr}");
    stdout
}

/// Run the binary; assert exit code 1; stderr.
fn fails(args: &[&str]) -> String {
    let out = run(args);
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {stdout}{stderr}");
    stderr
}

fn export_annotations(dir: &Path) -> Value {
    let out = dir.join("citations.jsonld");
    ok(&[
        "export",
        "--format",
        "annotations",
        "--out",
        out.to_str().unwrap(),
    ]);
    serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap()
}

#[test]
fn every_exported_annotation_selects_its_quote_in_its_source() {
    let ds = load_bundled().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let v = export_annotations(tmp.path());
    assert_eq!(v["@context"][0], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(v["type"], "AnnotationCollection");
    let items = v["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), ds.citations.len());
    assert_eq!(v["total"], json!(ds.citations.len()));
    let mut seen = Vec::new();
    for a in items {
        assert_eq!(a["type"], "Annotation");
        let target = &a["target"];
        let hash = target["source"]["id"].as_str().unwrap();
        let source = ds
            .sources
            .iter()
            .find(|s| format!("urn:sha256:{}", sha256(&s.text)) == hash)
            .unwrap_or_else(|| panic!("no source has the hash {hash}"));
        assert_eq!(
            target["source"]["atlas:originalFileName"],
            source.original_file_name.as_str()
        );
        let selectors = target["selector"].as_array().unwrap();
        let of = |t: &str| selectors.iter().find(|s| s["type"] == t).unwrap();
        let quote = of("TextQuoteSelector");
        let position = of("TextPositionSelector");
        let exact = quote["exact"].as_str().unwrap();
        let (start, end) = (
            position["start"].as_u64().unwrap() as usize,
            position["end"].as_u64().unwrap() as usize,
        );
        let selected: String = source.text.chars().skip(start).take(end - start).collect();
        assert_eq!(selected, exact, "{}", a["id"]);
        let around = format!(
            "{}{exact}{}",
            quote["prefix"].as_str().unwrap(),
            quote["suffix"].as_str().unwrap()
        );
        assert!(source.text.contains(&around), "{}", a["id"]);
        // The annotation is the citation it names.
        let c = ds.citation(a["atlas:citation"].as_str().unwrap()).unwrap();
        assert_eq!((c.quote.as_str(), c.offset), (exact, start));
        seen.push(c.id.clone());
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), ds.citations.len(), "each citation once");
}

#[test]
fn exported_bodies_name_the_steps_claims_and_places_a_citation_supports() {
    let ds = load_bundled().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let v = export_annotations(tmp.path());
    let items = v["first"]["items"].as_array().unwrap();
    // A citation of a change: the place is a tagging body, in both languages.
    let (step_n, step, change) = ds
        .steps
        .iter()
        .enumerate()
        .find_map(|(i, s)| s.changes.first().map(|c| (i + 1, s, c)))
        .unwrap();
    let cid = &change.citations[0];
    let a = items
        .iter()
        .find(|a| a["atlas:citation"] == cid.as_str())
        .unwrap();
    let bodies = a["body"].as_array().unwrap();
    let place = ds.place(&change.place).unwrap();
    for lang in ["en", "ar"] {
        let name = place.names.exact(lang).unwrap();
        assert!(
            bodies
                .iter()
                .any(|b| b["purpose"] == "tagging" && b["value"] == name && b["language"] == lang),
            "{lang} tag {name} missing: {bodies:?}"
        );
        let title = step.title.exact(lang).unwrap();
        assert!(
            bodies.iter().any(|b| b["purpose"] == "describing"
                && b["language"] == lang
                && b["value"].as_str().unwrap().contains(title)
                && b["value"].as_str().unwrap().contains(&step_n.to_string())),
            "{lang} step {step_n} missing: {bodies:?}"
        );
    }
    // A citation of a claim version: the claim's subject and value.
    let claim = ds.claims.first().unwrap();
    let version = claim.versions.first().unwrap();
    let a = items
        .iter()
        .find(|a| a["atlas:citation"] == version.citations[0].as_str())
        .unwrap();
    assert!(
        a["body"].as_array().unwrap().iter().any(|b| {
            let t = b["value"].as_str().unwrap();
            t.contains(claim.subject.en()) && t.contains(version.value.en())
        }),
        "{a}"
    );
}

/// The example dataset `new` writes, in `dir/ds`.
fn example(dir: &Path) -> (PathBuf, String) {
    let ds_dir = dir.join("ds");
    ok(&["new", ds_dir.to_str().unwrap()]);
    let text = std::fs::read_to_string(ds_dir.join("sources/example-bulletin.txt")).unwrap();
    (ds_dir, text)
}

fn char_offset(text: &str, quote: &str) -> usize {
    text[..text.find(quote).unwrap()].chars().count()
}

#[test]
fn hypothesis_annotations_become_citations_re_anchored_by_quote() {
    let tmp = tempfile::tempdir().unwrap();
    let (ds_dir, text) = example(tmp.path());
    let before = load_folder(&ds_dir).unwrap();
    let right = "the Green Party took control of Example South";
    let moved = "agreed that Example North would pass";
    let other = "The Green Party took over Example North";
    let at = char_offset(&text, moved);
    let uri = "https://example.org/archive/example-bulletin.txt";
    let target = |sel: Value| json!([{ "source": uri, "selector": sel }]);
    let file = write(
        tmp.path(),
        "hypothesis.json",
        &json!({ "total": 4, "rows": [
            { "id": "h1", "uri": uri, "user": "acct:reader@hypothes.is", "text": "The takeover.",
              "tags": ["south"],
              "target": target(json!([
                  { "type": "TextPositionSelector", "start": char_offset(&text, right),
                    "end": char_offset(&text, right) + right.chars().count() },
                  { "type": "TextQuoteSelector", "exact": right, "prefix": "On 10 March 2000 ", "suffix": "." }])) },
            // Positions counted another way (e.g. UTF-16 of a rendered page): off by 7.
            { "id": "h2", "uri": uri, "text": "The agreement.",
              "target": target(json!([
                  { "type": "TextPositionSelector", "start": at + 7, "end": at + 7 + moved.chars().count() },
                  { "type": "TextQuoteSelector", "exact": moved, "prefix": "the two parties ", "suffix": " to the" }])) },
            { "id": "h3", "uri": uri, "text": "Not in the text.",
              "target": target(json!([{ "type": "TextQuoteSelector", "exact": "the Red Party" }])) },
            { "id": "h4", "uri": "https://example.org/other.html", "text": "Another page.",
              "target": [{ "source": "https://example.org/other.html",
                           "selector": [{ "type": "TextQuoteSelector", "exact": other }] }] }
        ]}),
    );
    // For review: a TOML file, with --source for the page the tool saw.
    let out = tmp.path().join("more.toml");
    let args = [
        "--data",
        ds_dir.to_str().unwrap(),
        "import-annotations",
        file.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--source",
        "example-bulletin",
    ];
    let report = ok(&args);
    assert!(report.contains("Anchored 3 of 4"), "{report}");
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(written.matches("[[citation]]").count(), 3, "{written}");
    assert!(written.contains(other));
    // Written once; again only with --force.
    let err = fails(&args);
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), written);

    let report = ok(&[
        "import-annotations",
        file.to_str().unwrap(),
        "--into",
        ds_dir.to_str().unwrap(),
    ]);
    assert!(
        report.contains("rows[1]") && report.contains("re-anchored"),
        "{report}"
    );
    assert!(report.contains("rows[2]: cannot be anchored"), "{report}");
    assert!(report.contains("rows[3]: cannot be anchored"), "{report}");
    assert!(report.contains("--source"), "{report}");
    let after = load_folder(&ds_dir).unwrap();
    assert_eq!(after.citations.len(), before.citations.len() + 2);
    let new: Vec<_> = after
        .citations
        .iter()
        .filter(|c| before.citation(&c.id).is_none())
        .collect();
    assert_eq!(new[0].quote, right);
    assert_eq!(new[0].offset, char_offset(&text, right));
    assert!(new[0].gloss.en().contains("The takeover.") && new[0].gloss.en().contains("reader"));
    assert_eq!(new[1].quote, moved);
    assert_eq!(new[1].offset, at);
    // Everything that was in timeline.toml is still there, unchanged.
    let toml = std::fs::read_to_string(ds_dir.join("timeline.toml")).unwrap();
    let original = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src/scaffold/example/timeline.toml"),
    )
    .unwrap();
    assert!(toml.starts_with(&original));
    // The same file again: nothing new to add.
    let err = fails(&[
        "import-annotations",
        file.to_str().unwrap(),
        "--into",
        ds_dir.to_str().unwrap(),
    ]);
    assert_eq!(err.matches("already has this passage").count(), 2, "{err}");
    assert_eq!(
        std::fs::read_to_string(ds_dir.join("timeline.toml")).unwrap(),
        toml
    );
}

#[test]
fn our_own_export_imports_back_with_nothing_new() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("citations.jsonld");
    let v = export_annotations(tmp.path());
    let err = fails(&[
        "import-annotations",
        file.to_str().unwrap(),
        "--out",
        tmp.path().join("new.toml").to_str().unwrap(),
    ]);
    let count = err.matches("already has this passage").count();
    assert_eq!(count, v["total"].as_u64().unwrap() as usize, "{err}");
    assert!(!tmp.path().join("new.toml").exists());
}

#[test]
fn bad_annotation_files_are_refused_with_their_place() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("bad.json");
    std::fs::write(
        &bad,
        "{\n  \"type\": \"AnnotationCollection\",\n  \"first\": [ x ]\n}",
    )
    .unwrap();
    let out = tmp.path().join("new.toml");
    let err = fails(&[
        "import-annotations",
        bad.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(err.contains("bad.json:3:14"), "{err}");
    let page = write(
        tmp.path(),
        "page.json",
        &json!({"type": "AnnotationCollection", "first": "https://example.org/page1"}),
    );
    let err = fails(&[
        "import-annotations",
        page.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(err.contains("https://example.org/page1"), "{err}");
    let err = fails(&[
        "import-annotations",
        page.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--source",
        "nope",
    ]);
    assert!(err.contains("--source nope"), "{err}");
    assert!(!out.exists());
}

/// Export the bundled timeline as time-enabled GeoJSON and import it back.
fn round_trip(tmp: &Path) -> (PathBuf, String) {
    let layer = tmp.join("timeline.geojson");
    ok(&[
        "export",
        "--all",
        "--format",
        "geojson",
        "--out",
        layer.to_str().unwrap(),
    ]);
    let out = tmp.join("imported");
    let report = ok(&[
        "import-geojson",
        layer.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    (out, report)
}

#[test]
fn the_exported_timeline_imports_back_to_the_same_state_every_day() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, report) = round_trip(tmp.path());
    assert!(
        report.contains("place = place, state = controlled_by, start = start, end = end"),
        "{report}"
    );
    let ds = load_bundled().unwrap();
    let back = load_folder(&dir).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.coverage, ds.coverage);
    let tracked: Vec<_> = ds.tracked_places().collect();
    assert_eq!(back.tracked_places().count(), tracked.len());
    let mut day = d("2020-09-26");
    let mut compared = 0;
    while day <= d("2023-12-31") {
        for p in &tracked {
            let q = back
                .place(&p.id)
                .unwrap_or_else(|| panic!("{} missing", p.id));
            let (a, b) = (place_state_at(&ds, p, day), place_state_at(&back, q, day));
            let (a, b) = (
                a.unwrap(),
                b.unwrap_or_else(|| panic!("{} {day}: no state", p.id)),
            );
            let what = format!("{} on {day}", p.id);
            assert_eq!(a.controlled_by, b.controlled_by, "{what}");
            assert_eq!(a.since, b.since, "{what}");
            assert_eq!(
                a.transition.as_ref().map(|t| (&t.to, t.between)),
                b.transition.as_ref().map(|t| (&t.to, t.between)),
                "{what}"
            );
            let deadlines = |s: &karabakh_atlas::model::state::PlaceState| {
                s.pending.as_ref().map(|p| {
                    let v: Vec<(Date, String)> = p
                        .deadlines
                        .iter()
                        .map(|d| (d.date, d.according_to.en().to_owned()))
                        .collect();
                    (p.to.clone(), p.disputed, v)
                })
            };
            assert_eq!(deadlines(&a), deadlines(&b), "{what}");
            compared += 1;
        }
        day = day.add_days(1);
    }
    assert_eq!(compared, tracked.len() * 1192);
    // Names and geometry came along.
    for p in &tracked {
        let q = back.place(&p.id).unwrap();
        assert_eq!(q.names.en(), p.names.en());
        assert_eq!(q.names.exact("ar"), p.names.exact("ar"));
        let (fa, fb) = (
            ds.map.feature(&p.id).unwrap(),
            back.map.feature(&p.id).unwrap(),
        );
        assert_eq!(points(&fa.shape), points(&fb.shape), "{}", p.id);
    }
}

/// Every vertex of an area, sorted (rings may be turned the other way).
fn points(shape: &Shape) -> Vec<[f64; 2]> {
    let Shape::Area(polys) = shape else {
        panic!("not an area")
    };
    let mut v: Vec<[f64; 2]> = polys.iter().flatten().flatten().copied().collect();
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v
}

/// A small layer in OpenHistoricalMap's style.
fn ohm_layer(second_start: &str) -> Value {
    let square = json!({"type": "Polygon", "coordinates": [[[10.0, 50.0], [11.0, 50.0], [11.0, 51.0], [10.0, 51.0], [10.0, 50.0]]]});
    json!({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "North", "admin": "Blue", "start_date": "2019-01-01", "end_date": second_start}, "geometry": square},
        {"type": "Feature", "properties": {"name": "North", "admin": "Green", "start_date": second_start}, "geometry": square},
        {"type": "Feature", "properties": {"name": "A road"}, "geometry": {"type": "LineString", "coordinates": [[10.0, 50.0], [11.0, 51.0]]}}
    ]})
}

#[test]
fn a_month_precision_layer_changes_between_the_first_and_last_day_of_the_month() {
    let tmp = tempfile::tempdir().unwrap();
    let layer = write(tmp.path(), "ohm.geojson", &ohm_layer("2020-10"));
    let out = tmp.path().join("ds");
    let report = ok(&[
        "import-geojson",
        layer.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(
        report.contains("place = name, state = admin, start = start_date, end = end_date"),
        "{report}"
    );
    assert!(report.contains("features[2]: has no admin"), "{report}");
    let ds: Dataset = load_folder(&out).unwrap();
    let north = ds.place("north").unwrap();
    let state = place_state_at(&ds, north, d("2020-10-15")).unwrap();
    assert_eq!(state.controlled_by, "blue");
    assert_eq!(
        state.transition.as_ref().map(|t| t.to.as_str()),
        Some("green")
    );
    let after = place_state_at(&ds, north, d("2020-11-01")).unwrap();
    assert_eq!(after.controlled_by, "green");
    // What the user reads: the CLI's state, in English...
    let text = ok(&[
        "--data",
        out.to_str().unwrap(),
        "state",
        "--date",
        "2020-11-01",
    ]);
    assert!(text.contains("between 1 and 31 Oct 2020"), "{text}");
    // ...and the same wording in Arabic: the first day alone, the month once.
    let ar = since(after.since, Locale::AR);
    let expected = tr_args(
        Locale::AR,
        "date-since-between",
        &[
            ("from", "1".into()),
            ("to", date_short(d("2020-10-31"), Locale::AR).into()),
        ],
    );
    assert_eq!(ar, expected);
}

#[test]
fn an_open_end_in_a_period_is_refused_naming_the_feature_and_the_field() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ds");
    for (field, value) in [("start_date:edtf", "2020-10/.."), ("end_date", "2021-01/")] {
        let mut layer = ohm_layer("2020-10");
        layer["features"][1]["properties"][field] = json!(value);
        let file = write(tmp.path(), "open.geojson", &layer);
        let err = fails(&[
            "import-geojson",
            file.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        assert!(
            err.contains(&format!("features[1].properties.{field}")),
            "{err}"
        );
        assert!(
            err.contains(&format!(
                "\"{value}\" has an open end, so the period cannot be placed on the time line"
            )),
            "{err}"
        );
        assert!(!out.exists(), "nothing is written");
    }
}

#[test]
fn bad_layers_name_the_feature_and_the_field() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ds");
    let mut layer = ohm_layer("2020-10");
    layer["features"][1]["properties"]["start_date"] = json!("2020-13");
    let file = write(tmp.path(), "bad.geojson", &layer);
    let err = fails(&[
        "import-geojson",
        file.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(err.contains("features[1].properties.start_date"), "{err}");
    assert!(err.contains("2020-13"), "{err}");
    assert!(!out.exists(), "nothing is written");
    let err = fails(&[
        "import-geojson",
        file.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--state-field",
        "owner",
    ]);
    assert!(
        err.contains("--state-field owner") && err.contains("admin"),
        "{err}"
    );
    // The :edtf variant is preferred when both are there.
    let mut layer = ohm_layer("2020-10-05");
    layer["features"][1]["properties"]["start_date:edtf"] = json!("2020-10");
    let file = write(tmp.path(), "edtf.geojson", &layer);
    let report = ok(&[
        "import-geojson",
        file.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(
        report.contains("start = start_date:edtf (else start_date)"),
        "{report}"
    );
    let ds = load_folder(&out).unwrap();
    let state = place_state_at(&ds, ds.place("north").unwrap(), d("2020-10-15")).unwrap();
    assert!(
        state.transition.is_some(),
        "the month of the :edtf value, not the plain day"
    );
    // An existing dataset is kept unless --force.
    let err = fails(&[
        "import-geojson",
        file.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(err.contains("--force"), "{err}");
}
