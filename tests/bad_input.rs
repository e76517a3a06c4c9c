//! Every kind of bad input named in the foundation issue gives a clear message
//! with its location, a non-zero exit, and no panic.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{DataCopy, run, run_on, texts};

/// Asserts a failed `check` on `copy`, returning stderr.
fn failing_check(copy: &DataCopy) -> String {
    let out = run_on(copy.path(), &["check"]);
    let (stdout, stderr) = texts(&out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "stdout: {stdout}\nstderr: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.contains("nothing was loaded"), "{stderr}");
    stderr
}

#[test]
fn a_quote_one_character_off_is_pinpointed() {
    let copy = DataCopy::new();
    // The Lachin handover quote; swap the ya of "في" for alef maqsura "فى".
    let original = "quote = 'ثم كلبجار في يوم 25 من الشهر نفسه'";
    let broken = "quote = 'ثم كلبجار فى يوم 25 من الشهر نفسه'";
    let (line, col) = copy.replace_first("timeline.toml", original, broken);
    let err = failing_check(&copy);
    let file = copy.path().join("timeline.toml");
    // The position is the quote's value, just after `quote = `.
    let at = format!("{}:{}:{}", file.display(), line, col + "quote = ".len());
    assert!(err.contains(&at), "expected {at} in:\n{err}");
    assert!(err.contains("citation 'kalbajar-handed-over'"), "{err}");
    assert!(
        err.contains("does not occur verbatim in source 'lachin-handover'"),
        "{err}"
    );
    // It names where the source differs and both characters.
    let same = "ثم كلبجار ف".chars().count();
    assert!(
        err.contains(&format!("the first {same} characters match")),
        "{err}"
    );
    assert!(err.contains("U+064A") && err.contains("U+0649"), "{err}");
    // The source passage is on line 23 of the article.
    assert!(err.contains("starts at line 23"), "{err}");
}

#[test]
fn an_unknown_place_id_is_named_with_the_known_ones() {
    let copy = DataCopy::new();
    let (line, col) = copy.replace_first(
        "timeline.toml",
        "place = \"kalbajar\"\nto = \"azerbaijan\"",
        "place = \"kelbajar\"\nto = \"azerbaijan\"",
    );
    let err = failing_check(&copy);
    let at = format!("timeline.toml:{line}:{}", col + "place = ".len());
    assert!(err.contains(&at), "expected {at} in:\n{err}");
    assert!(err.contains("unknown place id 'kelbajar'"), "{err}");
    assert!(
        err.contains("aghdam") && err.contains("nagorno-karabakh"),
        "{err}"
    );
}

#[test]
fn a_day_that_does_not_exist_is_refused() {
    let copy = DataCopy::new();
    let (line, col) = copy.replace_first(
        "timeline.toml",
        "date = \"2020-11-20\"",
        "date = \"2020-02-30\"",
    );
    let err = failing_check(&copy);
    let at = format!("timeline.toml:{line}:{}", col + "date = ".len());
    assert!(err.contains(&at), "expected {at} in:\n{err}");
    assert!(
        err.contains("'2020-02-30' does not exist: February 2020 has 29 days"),
        "{err}"
    );
}

#[test]
fn a_range_that_ends_before_it_starts_is_refused() {
    let copy = DataCopy::new();
    let (line, col) = copy.replace_first(
        "timeline.toml",
        "date = { from = \"2020-11-16\", to = \"2020-11-17\" }",
        "date = { from = \"2020-11-17\", to = \"2020-11-16\" }",
    );
    let err = failing_check(&copy);
    let at = format!("timeline.toml:{line}:{}", col + "date = ".len());
    assert!(err.contains(&at), "expected {at} in:\n{err}");
    assert!(
        err.contains("date range ends (2020-11-16) before it starts (2020-11-17)"),
        "{err}"
    );
    assert!(err.contains("swap `from` and `to`"), "{err}");
}

#[test]
fn a_toml_syntax_error_has_line_and_column() {
    let copy = DataCopy::new();
    let (line, _) = copy.replace_first("places.toml", "id = \"fuzuli\"", "id = \"fuzuli");
    let err = failing_check(&copy);
    assert!(err.contains(&format!("places.toml:{line}:")), "{err}");
    assert!(err.contains("see data/README.md"), "{err}");
}

#[test]
fn a_source_that_is_not_utf8_is_refused_with_its_position() {
    let copy = DataCopy::new();
    let rel = "sources/001_fa7c7b3e50b8450d.txt";
    let mut bytes = std::fs::read(copy.path().join(rel)).unwrap();
    // Latin-1 'é' on line 3, after the dateline's first word.
    let text = String::from_utf8(bytes.clone()).unwrap();
    let at = text.find("أوكرانيا").unwrap();
    bytes.insert(at, 0xE9);
    std::fs::write(copy.path().join(rel), &bytes).unwrap();
    let (line, col) = common::line_col(&text, at);
    let err = failing_check(&copy);
    assert!(
        err.contains(&format!("001_fa7c7b3e50b8450d.txt:{line}:{col}")),
        "{err}"
    );
    assert!(err.contains("is not valid UTF-8 text: byte 0xE9"), "{err}");
    // The recorded SHA-256 no longer matches either, and says so.
    assert!(err.contains("not the recorded one"), "{err}");
}

#[test]
fn a_missing_data_directory_says_what_to_pass() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-dataset");
    let out = run_on(&missing, &["check"]);
    let (_, err) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("no-such-dataset: error: the data directory does not exist"),
        "{err}"
    );
    assert!(
        err.contains("leave out --data to use the bundled dataset"),
        "{err}"
    );
}

#[test]
fn a_date_flag_in_the_wrong_format_is_a_usage_error() {
    for bad in ["21/11/2020", "2020-11-31", "yesterday"] {
        let out = run(&["state", "--date", bad]);
        let (stdout, err) = texts(&out);
        assert_eq!(out.status.code(), Some(2), "{bad}: {err}");
        assert!(stdout.is_empty());
        assert!(
            err.contains(&format!("invalid value '{bad}' for '--date <YYYY-MM-DD>'")),
            "{err}"
        );
    }
    let out = run(&["state", "--date", "2020-11-31"]);
    assert!(texts(&out).1.contains("November 2020 has 30 days"));
}

#[test]
fn a_date_outside_the_dataset_is_refused() {
    let out = run(&["state", "--date", "2019-05-01"]);
    let (_, err) = texts(&out);
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("--date 2019-05-01 is outside the period the dataset describes (2020-09-26 to 2023-12-31)"), "{err}");
}

#[test]
fn all_errors_are_reported_at_once() {
    let copy = DataCopy::new();
    copy.replace_first(
        "timeline.toml",
        "date = \"2020-11-20\"",
        "date = \"2020-02-30\"",
    );
    copy.replace_first(
        "timeline.toml",
        "place = \"lachin\"\nto = \"azerbaijan\"\ncitations",
        "place = \"lachin\"\nto = \"azerbaijann\"\ncitations",
    );
    copy.replace_first(
        "timeline.toml",
        "citations = [\"kalbajar-handed-over\"]",
        "citations = [\"no-such-citation\"]",
    );
    let err = failing_check(&copy);
    assert!(err.contains("does not exist"), "{err}");
    assert!(
        err.contains("unknown citation id 'no-such-citation'"),
        "{err}"
    );
    assert!(err.contains("unknown controller 'azerbaijann'"), "{err}");
    assert!(err.contains("the dataset has 3 errors"), "{err}");
}

#[test]
fn tracked_places_without_controllers_are_refused() {
    let copy = DataCopy::new();
    let text = copy.read("dataset.toml");
    let start = text.find("[[controller]]").unwrap();
    std::fs::write(copy.path().join("dataset.toml"), &text[..start]).unwrap();
    let err = failing_check(&copy);
    assert!(
        err.contains("dataset.toml") && err.contains("no controllers are defined"),
        "{err}"
    );
    assert!(err.contains("add [[controller]] tables"), "{err}");
}

/// `[[naming]]` in dataset.toml: a tag that is not a language tag, one
/// declared twice, one no place uses, and a place name under a tag that is
/// not declared are each reported where they are, with what to do.
#[test]
fn naming_schemes_that_do_not_match_the_places_are_refused() {
    let cases: [(&str, &str, &str, &str); 4] = [
        (
            "dataset.toml",
            "lang = \"hy\"",
            "lang = \"hy arm\"",
            "naming lang 'hy arm' is not a language tag",
        ),
        (
            "dataset.toml",
            "lang = \"az\"",
            "lang = \"en\"",
            "naming lang 'en' is declared twice",
        ),
        (
            "dataset.toml",
            "lang = \"hy\"",
            "lang = \"ka\"",
            "no place has a name in 'ka'",
        ),
        (
            "places.toml",
            "hy = \"Akna\"",
            "hye = \"Akna\"",
            "place 'aghdam' has a name in 'hye', but dataset.toml declares no naming 'hye'",
        ),
    ];
    for (file, from, to, message) in cases {
        let copy = DataCopy::new();
        let (line, _) = copy.replace_first(file, from, to);
        let err = failing_check(&copy);
        assert!(err.contains(message), "{to}: {err}");
        if file == "dataset.toml" {
            assert!(err.contains(&format!("dataset.toml:{line}:")), "{err}");
        }
        assert!(err.contains("help: "), "{err}");
    }
}

#[test]
fn a_claim_without_its_party_is_refused_at_its_line_with_the_parties() {
    let copy = DataCopy::new();
    // Azerbaijan's claim to the region, with its party taken away.
    let (line, col) = copy.replace_first(
        "timeline.toml",
        "claimed_by = \"azerbaijan\"\n",
        "claimed_by = \"baku\"\n",
    );
    let err = failing_check(&copy);
    let at = format!("timeline.toml:{line}:{}", col + "claimed_by = ".len());
    assert!(err.contains(&at), "expected {at} in:\n{err}");
    assert!(
        err.contains("claimed_by names 'baku', which is not a controller of the dataset"),
        "{err}"
    );
    assert!(
        err.contains("use one of: armenian_forces, azerbaijan"),
        "{err}"
    );
}

#[test]
fn a_change_after_one_with_an_open_end_is_refused_at_the_later_change() {
    let copy = DataCopy::new();
    // Aghdam's handover on 20 November 2020, which stays as it is.
    let handover = "place = \"aghdam\"\nto = \"azerbaijan\"\ncitations = [\"aghdam-handed-over\"]";
    let (line, col) = copy.replace_first("timeline.toml", handover, handover);
    // Aghdam's baseline change given an open end: from 1990 on, no day.
    copy.replace_first(
        "timeline.toml",
        "place = \"aghdam\"\nto = \"armenian_forces\"\nwhen = { from = \"1990-01-01\", to = \"1999-12-31\" }",
        "place = \"aghdam\"\nto = \"armenian_forces\"\nwhen = \"1990-01-01/..\"",
    );
    let err = failing_check(&copy);
    let at = format!("timeline.toml:{line}:{}", col + "place = ".len());
    assert!(err.contains(&at), "expected {at} in:\n{err}");
    assert!(
        err.contains(
            "place 'aghdam': the change in step 'aghdam-handover' (2020-11-20) comes after the change in step 'baseline' (on or after 1990-01-01), which has no end"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "help: the earlier change has an open end, so the order of the two cannot be known: give the earlier change an end date"
        ),
        "{err}"
    );
    // Not also reported as an overlap of the same two changes.
    assert!(!err.contains("overlaps"), "{err}");
}

#[test]
fn a_step_dated_with_an_open_end_is_refused_at_its_date() {
    let copy = DataCopy::new();
    let (line, col) = copy.replace_first(
        "timeline.toml",
        "date = \"2020-11-20\"",
        "date = \"2020-11-20/..\"",
    );
    let err = failing_check(&copy);
    let at = format!("timeline.toml:{line}:{}", col + "date = ".len());
    assert!(err.contains(&at), "expected {at} in:\n{err}");
    assert!(
        err.contains("step 'aghdam-handover' is dated on or after 2020-11-20, with no end"),
        "{err}"
    );
    assert!(err.contains("when = \"2020-09-27/..\""), "{err}");
}

#[test]
fn overlapping_changes_of_a_place_are_refused_at_the_later_one() {
    let copy = DataCopy::new();
    let (line, col) = copy.replace_first(
        "timeline.toml",
        "place = \"aghdam\"\nto = \"azerbaijan\"\ncitations = [\"aghdam-handed-over\"]",
        "place = \"aghdam\"\nto = \"azerbaijan\"\nwhen = { from = \"1995-01-01\", to = \"2020-11-20\" }\ncitations = [\"aghdam-handed-over\"]",
    );
    let err = failing_check(&copy);
    let at = format!("timeline.toml:{line}:{}", col + "place = ".len());
    assert!(err.contains(&at), "expected {at} in:\n{err}");
    assert!(
        err.contains(
            "place 'aghdam': the change in step 'aghdam-handover' (1995-01-01..2020-11-20) overlaps the change in step 'baseline' (1990-01-01..1999-12-31)"
        ),
        "{err}"
    );
    assert!(
        err.contains("help: a place's changes must follow one another"),
        "{err}"
    );
}
