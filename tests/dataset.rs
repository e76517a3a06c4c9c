//! The bundled dataset: true to its sources, complete, and giving the state
//! the corpus reports before and after each change.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use karabakh_atlas::model::state::{place_state_at, state_at};
use karabakh_atlas::model::{Dataset, Date, DateSpec, load_bundled, load_folder};
use sha2::{Digest, Sha256};

fn ds() -> Dataset {
    load_bundled().unwrap_or_else(|e| panic!("bundled dataset invalid:\n{e}"))
}

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn controller(ds: &Dataset, place: &str, date: &str) -> String {
    let p = ds.place(place).unwrap();
    place_state_at(ds, p, d(date)).unwrap().controlled_by
}

#[test]
fn the_bundled_copy_and_the_data_folder_are_the_same_valid_dataset() {
    let bundled = ds();
    let folder = load_folder(&common::data_dir()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(bundled.steps, folder.steps);
    assert_eq!(bundled.citations, folder.citations);
    assert_eq!(bundled.sources, folder.sources);
}

#[test]
fn the_corpus_is_byte_for_byte_the_five_articles() {
    // Sums of the five files as received (shared/seeds), recorded here
    // independently of sources.toml.
    let expected = [
        (
            "000_e9a2265f803ec764.txt",
            "148f09c5dc996aaee246dadf53c344ae000af9db99b978d32ee33c06844b9825",
        ),
        (
            "001_fa7c7b3e50b8450d.txt",
            "4ec6af6db739181d833bf5e654b25bc8c69d6f38747004b0a17928131545b681",
        ),
        (
            "002_3be7c62d43463b36.txt",
            "2237e9b7abc55ccde6d46dbb8677143df2cd62af1b303a632f2006a7f7e6a5d4",
        ),
        (
            "003_aa2be337efc126e9.txt",
            "a97dd293ad7d2e59897ed41f4366a188995edd6bcb098bba44ef960f47fd5f6a",
        ),
        (
            "004_02206ce5f1357834.txt",
            "6ab38677dbc9a7e1934cda6e1c9a0638f6bcfa2ecc40595663c1fe851474c88e",
        ),
    ];
    let ds = ds();
    assert_eq!(ds.sources.len(), expected.len());
    for (file, sum) in expected {
        let bytes = std::fs::read(common::data_dir().join("sources").join(file)).unwrap();
        let actual: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(actual, sum, "{file} changed");
        let source = ds.sources.iter().find(|s| s.file == file).unwrap();
        assert_eq!(source.sha256.as_deref(), Some(sum));
        assert_eq!(source.original_file_name, file);
        assert_eq!(source.language, "ar");
        assert_eq!(source.text.as_bytes(), bytes.as_slice());
    }
}

#[test]
fn every_step_the_issue_asks_for_is_there_with_citations_and_both_titles() {
    let ds = ds();
    for id in [
        "baseline",
        "war-2020-start",
        "ceasefire-2020",
        "centre-memorandum",
        "turkish-memorandum-vote",
        "french-call",
        "aghdam-handover",
        "kalbajar-handover",
        "lachin-handover",
        "operation-2023-start",
        "operation-2023-end",
        "talks-2023",
        "turkey-role-2023",
    ] {
        let step = &ds.steps[ds.step_index(id).unwrap_or_else(|| panic!("no step {id}"))];
        assert!(!step.citations.is_empty(), "{id}");
        assert!(
            step.title.exact("ar").is_some_and(|t| !t.is_empty()),
            "{id}"
        );
        assert!(
            step.summary.exact("ar").is_some_and(|t| !t.is_empty()),
            "{id}"
        );
    }
}

#[test]
fn every_citation_is_used_and_sits_exactly_at_its_offset() {
    let ds = ds();
    for c in &ds.citations {
        let used = ds
            .steps
            .iter()
            .any(|s| ds.step_citation_ids(s).contains(&c.id.as_str()));
        assert!(used, "citation {} is not used by any step", c.id);
        let text = &ds.source(&c.source).unwrap().text;
        let from_offset: String = text
            .chars()
            .skip(c.offset)
            .take(c.quote.chars().count())
            .collect();
        assert_eq!(from_offset, c.quote, "{}", c.id);
        assert!(!c.gloss.en().is_empty(), "{}", c.id);
    }
}

#[test]
fn handover_dates_follow_the_corpus() {
    let ds = ds();
    // Aghdam 20 Nov, Kalbajar 25 Nov, Lachin 1 Dec 2020 (002).
    for (place, before, on) in [
        ("aghdam", "2020-11-19", "2020-11-20"),
        ("kalbajar", "2020-11-24", "2020-11-25"),
        ("lachin", "2020-11-30", "2020-12-01"),
    ] {
        assert_eq!(
            controller(&ds, place, before),
            "armenian_forces",
            "{place} {before}"
        );
        assert_eq!(controller(&ds, place, on), "azerbaijan", "{place} {on}");
        let after = place_state_at(&ds, ds.place(place).unwrap(), d(on)).unwrap();
        assert_eq!(after.since, DateSpec::day(d(on)));
        assert!(after.pending.is_none());
        let pending = place_state_at(&ds, ds.place(place).unwrap(), d(before))
            .unwrap()
            .pending;
        assert!(pending.is_some(), "{place} pending on {before}");
    }
}

#[test]
fn the_disputed_kalbajar_deadline_keeps_both_versions() {
    let ds = ds();
    let s = place_state_at(&ds, ds.place("kalbajar").unwrap(), d("2020-11-21")).unwrap();
    let p = s.pending.unwrap();
    assert!(p.disputed);
    let mut dates: Vec<String> = p.deadlines.iter().map(|x| x.date.iso()).collect();
    dates.sort();
    assert_eq!(dates, ["2020-11-15", "2020-11-25"]);
    // On 21 Nov one deadline has passed (15 Nov) and one is 4 days away.
    let mut left: Vec<i64> = p.deadlines.iter().map(|x| x.days_left).collect();
    left.sort_unstable();
    assert_eq!(left, [-6, 4]);
    let sources: Vec<&str> = p
        .deadlines
        .iter()
        .map(|x| ds.citation(&x.citations[0]).unwrap().source.as_str())
        .collect();
    assert!(
        sources.contains(&"turkish-parliament-vote")
            && sources.contains(&"french-supervision-call")
    );
}

#[test]
fn the_four_districts_retaken_in_fighting_have_a_range_not_a_day() {
    let ds = ds();
    for place in ["fuzuli", "jabrayil", "zangilan", "qubadli"] {
        let p = ds.place(place).unwrap();
        let during = place_state_at(&ds, p, d("2020-10-20")).unwrap();
        let t = during.transition.expect("in transition during the war");
        assert_eq!(t.to, "azerbaijan");
        assert_eq!(t.between, DateSpec::range(d("2020-09-27"), d("2020-11-10")));
        let after = place_state_at(&ds, p, d("2020-11-10")).unwrap();
        assert_eq!(after.controlled_by, "azerbaijan");
        assert!(after.transition.is_none());
        assert!(matches!(after.since, DateSpec::Range { .. }));
        // The day before the war, nothing is changing yet.
        assert!(
            place_state_at(&ds, p, d("2020-09-26"))
                .unwrap()
                .transition
                .is_none()
        );
    }
}

#[test]
fn nagorno_karabakh_changes_only_in_september_2023() {
    let ds = ds();
    assert_eq!(
        controller(&ds, "nagorno-karabakh", "2020-12-02"),
        "armenian_forces"
    );
    assert_eq!(
        controller(&ds, "nagorno-karabakh", "2023-09-18"),
        "armenian_forces"
    );
    let p = ds.place("nagorno-karabakh").unwrap();
    assert!(
        place_state_at(&ds, p, d("2023-09-20"))
            .unwrap()
            .transition
            .is_some()
    );
    assert_eq!(
        controller(&ds, "nagorno-karabakh", "2023-09-21"),
        "azerbaijan"
    );
}

#[test]
fn every_tracked_place_has_a_state_on_every_covered_day() {
    let ds = ds();
    let tracked = ds.tracked_places().count();
    assert_eq!(tracked, 8);
    let mut day = ds.coverage.from;
    while day <= ds.coverage.to {
        assert_eq!(state_at(&ds, day).len(), tracked, "{day}");
        day = day.add_days(1);
    }
    // Before the war: all eight under Armenian control; at the end: none.
    assert!(
        state_at(&ds, ds.coverage.from)
            .iter()
            .all(|s| s.controlled_by == "armenian_forces")
    );
    assert!(
        state_at(&ds, ds.coverage.to)
            .iter()
            .all(|s| s.controlled_by == "azerbaijan")
    );
}

#[test]
fn weekday_derived_dates_fall_on_the_named_weekday() {
    let ds = ds();
    for (id, weekday) in [
        ("lachin-handover", "tuesday"),
        ("operation-2023-start", "tuesday"),
        ("talks-2023", "thursday"),
    ] {
        let step = &ds.steps[ds.step_index(id).unwrap()];
        let DateSpec::Day { date, .. } = step.date else {
            panic!("{id} is not a day")
        };
        assert_eq!(date.weekday_name(), weekday);
    }
}

#[test]
fn aliases_are_spellings_found_in_the_corpus() {
    let ds = ds();
    let aghdam = ds.place("aghdam").unwrap();
    // Both spellings of Aghdam occur in the corpus.
    assert_eq!(aghdam.aliases["ar"], ["أغدام", "آغدام"]);
    // Places the corpus never names in Arabic have no alias.
    assert!(ds.place("fuzuli").unwrap().aliases["ar"].is_empty());
}

/// The bundled dataset with Fuzuli's change in the 2020 war given an open
/// end (`2020-09-27/..`): the sources would say it was retaken from that day
/// on, without a day.
fn fuzuli_open_ended() -> Dataset {
    let copy = common::DataCopy::new();
    copy.replace_first(
        "timeline.toml",
        "place = \"fuzuli\"\nto = \"azerbaijan\"\nwhen = { from = \"2020-09-27\", to = \"2020-11-10\" }",
        "place = \"fuzuli\"\nto = \"azerbaijan\"\nwhen = \"2020-09-27/..\"",
    );
    load_folder(copy.path()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_change_with_an_open_end_loads_and_never_settles() {
    let ds = fuzuli_open_ended();
    let fuzuli = ds.place("fuzuli").unwrap();
    let war = DateSpec::after(d("2020-09-27"));
    // Before the war: settled, nothing under way.
    let calm = place_state_at(&ds, fuzuli, d("2020-09-26")).unwrap();
    assert_eq!(calm.controlled_by, "armenian_forces");
    assert!(!calm.is_uncertain());
    // From its first day on, and years later, it is still under way: the
    // last confirmed controller stays, and the change is pending.
    for day in ["2020-09-27", "2021-01-01", "2030-01-01"] {
        let s = place_state_at(&ds, fuzuli, d(day)).unwrap();
        assert_eq!(s.controlled_by, "armenian_forces", "{day}");
        assert!(s.is_uncertain(), "{day}");
        let t = s.transition.unwrap();
        assert_eq!((t.to.as_str(), t.between), ("azerbaijan", war), "{day}");
    }
    // The other three districts still settle on 10 November 2020.
    let jabrayil = ds.place("jabrayil").unwrap();
    let s = place_state_at(&ds, jabrayil, d("2021-01-01")).unwrap();
    assert_eq!(s.controlled_by, "azerbaijan");
    assert!(!s.is_uncertain());
    assert_eq!(
        state_at(&ds, d("2030-01-01")).len(),
        state_at(&ds, d("2021-01-01")).len()
    );
}

#[test]
fn an_open_ended_change_is_a_band_to_the_end_of_the_coverage() {
    use karabakh_atlas::model::area::{areas, uncertainty_bands};
    let ds = fuzuli_open_ended();
    let a = areas(&ds);
    let bands = uncertainty_bands(&ds, &a);
    let fuzuli_km2 = a.get("fuzuli").unwrap();
    for c in ["azerbaijan", "armenian_forces"] {
        let b = bands
            .iter()
            .find(|b| b.controller == c && b.places == ["fuzuli"])
            .unwrap_or_else(|| panic!("no band for {c}: {bands:?}"));
        assert_eq!((b.from, b.to), (d("2020-09-27"), ds.coverage.to), "{c}");
        // Fuzuli may or may not be its on any day of the band (the other
        // changes of those years widen it further).
        assert!(b.high_km2 - b.low_km2 >= fuzuli_km2 - 1e-6, "{c}");
    }
}
