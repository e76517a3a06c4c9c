//! `karabakh-atlas new DIR` as a user runs it: the example it writes is
//! valid, tells the story its timeline.toml tells, and never lands on top
//! of existing files.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use common::{run, run_on, texts};
use serde_json::Value;

/// `new DIR` into a fresh temp folder; returns the folder guard and DIR.
fn scaffold() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("my-timeline");
    let out = run(&["new", dir.to_str().unwrap()]);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("karabakh-atlas check --data"), "{stdout}");
    assert!(
        stdout.contains(&format!("karabakh-atlas --data {}", dir.display())),
        "{stdout}"
    );
    (tmp, dir)
}

fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn the_example_passes_check_through_the_binary() {
    let (_tmp, dir) = scaffold();
    assert_eq!(
        listing(&dir),
        [
            "dataset.toml",
            "map.geojson",
            "places.toml",
            "sources",
            "sources.toml",
            "timeline.toml"
        ]
    );
    let out = run_on(&dir, &["check"]);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.starts_with("OK: the dataset in"), "{stdout}");
    assert!(stdout.contains("4 steps"), "{stdout}");
    assert!(stdout.contains("2 tracked"), "{stdout}");
}

/// (place id → controller, pending handover target) at `date`.
fn state(dir: &Path, date: &str) -> Vec<(String, String, Option<String>, Option<String>)> {
    let out = run_on(dir, &["state", "--date", date, "--json"]);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{date}: {stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    v["places"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap().to_owned(),
                p["controlled_by"].as_str().unwrap().to_owned(),
                p["pending"]["to"].as_str().map(str::to_owned),
                p["transition"]["to"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

#[test]
fn state_follows_the_example_timeline() {
    // From src/scaffold/example/timeline.toml: both districts Blue until
    // March 2000; South to Green on 10 Mar; on 1 Jun a handover of North to
    // Green is agreed (deadline 1 Jul), carried out on 28 Jun.
    let (_tmp, dir) = scaffold();
    let s = |id: &str, c: &str, pending: Option<&str>| {
        (
            id.to_owned(),
            c.to_owned(),
            pending.map(str::to_owned),
            None,
        )
    };
    assert_eq!(
        state(&dir, "2000-03-01"),
        [
            s("example-north", "blue_party", None),
            s("example-south", "blue_party", None)
        ]
    );
    assert_eq!(
        state(&dir, "2000-03-09"),
        [
            s("example-north", "blue_party", None),
            s("example-south", "blue_party", None)
        ]
    );
    assert_eq!(
        state(&dir, "2000-03-10"),
        [
            s("example-north", "blue_party", None),
            s("example-south", "green_party", None)
        ]
    );
    assert_eq!(
        state(&dir, "2000-06-01"),
        [
            s("example-north", "blue_party", Some("green_party")),
            s("example-south", "green_party", None)
        ]
    );
    assert_eq!(
        state(&dir, "2000-06-27"),
        [
            s("example-north", "blue_party", Some("green_party")),
            s("example-south", "green_party", None)
        ]
    );
    assert_eq!(
        state(&dir, "2000-06-28"),
        [
            s("example-north", "green_party", None),
            s("example-south", "green_party", None)
        ]
    );
    assert_eq!(
        state(&dir, "2000-12-31"),
        [
            s("example-north", "green_party", None),
            s("example-south", "green_party", None)
        ]
    );
}

#[test]
fn the_example_says_it_is_an_example() {
    let (_tmp, dir) = scaffold();
    let places = std::fs::read_to_string(dir.join("places.toml")).unwrap();
    let source = std::fs::read_to_string(dir.join("sources/example-bulletin.txt")).unwrap();
    let dataset = std::fs::read_to_string(dir.join("dataset.toml")).unwrap();
    assert!(dataset.contains("(fictional)"));
    assert!(source.contains("This bulletin is invented."));
    let ds = karabakh_atlas::model::load_folder(&dir).unwrap();
    for p in &ds.places {
        assert!(p.names.en().starts_with("Example "), "{}", p.names.en());
    }
    // Every field of a place is explained in a comment.
    for field in ["id", "kind", "names", "aliases", "centre", "note", "legend"] {
        assert!(places.contains(&format!("# - {field}")), "{field}");
    }
}

#[test]
fn an_existing_folder_with_files_is_refused_and_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("busy");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("notes.txt"), b"my notes").unwrap();
    let out = run(&["new", dir.to_str().unwrap()]);
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(stderr.contains(&dir.display().to_string()), "{stderr}");
    assert!(stderr.contains("not empty"), "{stderr}");
    assert_eq!(listing(&dir), ["notes.txt"]);
    assert_eq!(std::fs::read(dir.join("notes.txt")).unwrap(), b"my notes");
    // The same for a second `new` on a scaffold.
    let (_tmp2, made) = scaffold();
    let before = std::fs::read(made.join("timeline.toml")).unwrap();
    std::fs::write(made.join("timeline.toml"), b"edited").unwrap();
    let out = run(&["new", made.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        std::fs::read(made.join("timeline.toml")).unwrap(),
        b"edited"
    );
    assert_ne!(before, b"edited");
}

#[test]
fn an_empty_folder_is_filled_and_a_missing_parent_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let out = run(&["new", empty.to_str().unwrap()]);
    assert!(out.status.success(), "{}", texts(&out).1);
    assert!(run_on(&empty, &["check"]).status.success());
    // No staging folder is left behind.
    assert!(listing(&empty).iter().all(|n| !n.starts_with('.')));

    let orphan = tmp.path().join("no-such-parent").join("data");
    let out = run(&["new", orphan.to_str().unwrap()]);
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("does not exist"), "{stderr}");
    assert!(!tmp.path().join("no-such-parent").exists());
    assert_eq!(listing(tmp.path()), ["empty"]);
}

#[test]
fn new_reads_no_dataset_so_data_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("x");
    let out = run(&["--data", "data", "new", dir.to_str().unwrap()]);
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--data"), "{stderr}");
    assert!(!dir.exists());
}
