//! Robustness properties (proptest): the loaders and the command line never
//! panic, whatever they are given, and every refusal says where and why.
//!
//! - The dataset loader on the bundled dataset with one file mutated (bits
//!   flipped, truncated, a line deleted or duplicated, a random value put
//!   into a TOML key, two numbers swapped in map.geojson, bytes that are not
//!   UTF-8 put into a source text): it returns either a dataset the rest of
//!   the program can use, or a `LoadError` whose every diagnostic names one
//!   of the dataset's files; a file that is not UTF-8, or not TOML/JSON at
//!   all, is reported with a line and column.
//! - The TimelineJS importer on `tests/data/timelinejs/full.json` mutated
//!   the same ways: it never panics; an import it accepts is a dataset
//!   skeleton the dataset loader accepts too, and a refusal names the file
//!   in every diagnostic.
//! - The time-enabled GeoJSON importer on a small layer that uses every
//!   field it reads ([`LAYER`]), mutated the same ways: the same promises.
//! - The Web Annotation importer on the bundled dataset's own export,
//!   mutated: every annotation it anchors is verbatim in its source at its
//!   offset; a refusal names the file. And re-anchoring itself: a quote is
//!   found where it is, whatever position the annotation gives.
//! - The EDTF reader (`model::parse_edtf`) on any date, written as EDTF
//!   (every day of the calendar, ranges, "before" dates, qualifiers): it
//!   reads back the same date; on EDTF-like text: it never panics, what it
//!   accepts starts no later than it ends and round-trips, and a refusal
//!   names the value.
//! - The real binary with random arguments after a non-GUI subcommand
//!   (`check`, `state`, `steps`, `stats`, `export` into a temporary folder):
//!   it never panics, and whenever it fails it exits non-zero with a message.
//!
//! Tours are dataset files, so the mutations above reach them. Adding a
//! loader: write a `fn` that loads from
//! `Files` (or from bytes) and returns `Result<_, LoadError>`, then add a
//! `proptest!` case that feeds it `mutated(...)` input and passes the result to
//! [`check_load`] (see `any_mutation_of_any_file` for the pattern).
//!
//! Failing cases are printed by proptest with the mutation that caused them;
//! set `PROPTEST_CASES` to run more.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use karabakh_atlas::model::state::state_at;
use karabakh_atlas::model::{
    Dataset, Date, DateSpec, LoadError, Qualifier, load_bundled, load_memory, parse_edtf,
};
use proptest::prelude::*;
use proptest::test_runner::Config;

/// A dataset's files by path relative to its folder.
type Files = BTreeMap<String, Vec<u8>>;

/// The name in-memory datasets get; diagnostics start with it.
const NAME: &str = "mutated";

/// Cases per loader property. Each case loads the whole bundled dataset, about
/// 30 ms in a debug build.
const LOAD_CASES: u32 = 64;

/// Cases of the CLI property. Each case starts the real binary.
const CLI_CASES: u32 = 40;

fn config(cases: u32) -> Config {
    Config {
        // PROPTEST_CASES overrides the default number of cases.
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(cases),
        failure_persistence: None,
        ..Config::default()
    }
}

fn bundled() -> Files {
    karabakh_atlas::bundled::FILES
        .iter()
        .map(|(p, b)| ((*p).to_owned(), b.to_vec()))
        .collect()
}

fn label(rel: &str) -> String {
    format!("{NAME}/{rel}")
}

/// How one file is changed.
#[derive(Debug, Clone)]
enum Mutation {
    /// Flip bit `bit` of the byte at `at` (modulo the length).
    FlipBit { at: usize, bit: u8 },
    /// Keep only the first `at` bytes (modulo the length).
    Truncate { at: usize },
    /// Delete line `line` (modulo the line count).
    DeleteLine { line: usize },
    /// Repeat line `line`.
    DuplicateLine { line: usize },
    /// Insert raw bytes (often not UTF-8) at `at`.
    Insert { at: usize, bytes: Vec<u8> },
    /// Replace the value of the `nth` `key = value` line with `value`.
    TomlValue { nth: usize, value: String },
    /// Swap the `a`th and `b`th numbers of the text.
    SwapNumbers { a: usize, b: usize },
    /// Replace the `nth` number of the text with `value`.
    Number { nth: usize, value: String },
}

fn lines(bytes: &[u8]) -> Vec<&[u8]> {
    bytes.split_inclusive(|b| *b == b'\n').collect()
}

/// Byte ranges of the numbers in `bytes` (runs of digits with sign, point
/// and exponent).
fn numbers(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit()
            || (bytes[i] == b'-' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            let start = i;
            i += 1;
            while i < bytes.len()
                && (bytes[i].is_ascii_digit()
                    || matches!(bytes[i], b'.' | b'e' | b'E' | b'+' | b'-'))
            {
                i += 1;
            }
            out.push(start..i);
        } else {
            i += 1;
        }
    }
    out
}

impl Mutation {
    fn apply(&self, bytes: &[u8]) -> Vec<u8> {
        let n = bytes.len().max(1);
        match self {
            Self::FlipBit { at, bit } => {
                let mut out = bytes.to_vec();
                if let Some(b) = out.get_mut(at % n) {
                    *b ^= 1 << (bit % 8);
                }
                out
            }
            Self::Truncate { at } => bytes[..at % n].to_vec(),
            Self::DeleteLine { line } | Self::DuplicateLine { line } => {
                let ls = lines(bytes);
                let k = line % ls.len().max(1);
                let mut out = Vec::with_capacity(bytes.len() + 80);
                for (i, l) in ls.iter().enumerate() {
                    match self {
                        Self::DeleteLine { .. } if i == k => {}
                        Self::DuplicateLine { .. } if i == k => {
                            out.extend_from_slice(l);
                            out.extend_from_slice(l);
                        }
                        _ => out.extend_from_slice(l),
                    }
                }
                out
            }
            Self::Insert { at, bytes: ins } => {
                let at = at % (bytes.len() + 1);
                [&bytes[..at], ins, &bytes[at..]].concat()
            }
            Self::TomlValue { nth, value } => {
                let ls = lines(bytes);
                let keyed: Vec<usize> = ls
                    .iter()
                    .enumerate()
                    .filter(|(_, l)| {
                        let s = String::from_utf8_lossy(l);
                        let t = s.trim_start();
                        t.find(" = ").is_some_and(|eq| {
                            t[..eq]
                                .chars()
                                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
                        })
                    })
                    .map(|(i, _)| i)
                    .collect();
                let Some(&k) = keyed.get(nth % keyed.len().max(1)) else {
                    return bytes.to_vec();
                };
                let mut out = Vec::new();
                for (i, l) in ls.iter().enumerate() {
                    if i == k {
                        let s = String::from_utf8_lossy(l);
                        let eq = s.find(" = ").unwrap_or(0);
                        out.extend_from_slice(format!("{} = {value}\n", &s[..eq]).as_bytes());
                    } else {
                        out.extend_from_slice(l);
                    }
                }
                out
            }
            Self::SwapNumbers { a, b } => {
                let nums = numbers(bytes);
                if nums.len() < 2 {
                    return bytes.to_vec();
                }
                let (mut i, mut j) = (a % nums.len(), b % nums.len());
                if i == j {
                    return bytes.to_vec();
                }
                if i > j {
                    std::mem::swap(&mut i, &mut j);
                }
                let (ra, rb) = (nums[i].clone(), nums[j].clone());
                [
                    &bytes[..ra.start],
                    &bytes[rb.clone()],
                    &bytes[ra.end..rb.start],
                    &bytes[ra],
                    &bytes[rb.end..],
                ]
                .concat()
            }
            Self::Number { nth, value } => {
                let nums = numbers(bytes);
                let Some(r) = nums.get(nth % nums.len().max(1)) else {
                    return bytes.to_vec();
                };
                [&bytes[..r.start], value.as_bytes(), &bytes[r.end..]].concat()
            }
        }
    }
}

/// Random TOML values: well-formed ones of every type, and broken ones.
fn toml_value() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|f| format!("{f:?}")),
        any::<bool>().prop_map(|b| b.to_string()),
        "[a-z0-9_\\-]{0,12}".prop_map(|s| format!("\"{s}\"")),
        any::<String>().prop_map(|s| format!("{s:?}")),
        (0..3000_u32, 0..15_u32, 0..40_u32)
            .prop_map(|(y, m, d)| format!("\"{y:04}-{m:02}-{d:02}\"")),
        Just("{ from = \"2023-01-01\", to = \"2020-01-01\" }".to_owned()),
        Just("{ before = \"2020-09-27\" }".to_owned()),
        Just("[]".to_owned()),
        Just("{}".to_owned()),
        Just("[\"nope\", 3]".to_owned()),
        Just("\"\"".to_owned()),
        "[ -~]{0,20}", // anything printable, usually not TOML
    ]
}

/// Random replacements for a number in JSON or TOML.
fn number_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<f64>().prop_map(|f| f.to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        Just("1e999".to_owned()),
        Just("-0".to_owned()),
        Just("NaN".to_owned()),
        Just("".to_owned()),
        (-200.0..200.0_f64).prop_map(|f| f.to_string()),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, bit)| Mutation::FlipBit { at, bit }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
        any::<usize>().prop_map(|line| Mutation::DeleteLine { line }),
        any::<usize>().prop_map(|line| Mutation::DuplicateLine { line }),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..6))
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        (any::<usize>(), toml_value()).prop_map(|(nth, value)| Mutation::TomlValue { nth, value }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapNumbers { a, b }),
        (any::<usize>(), number_text()).prop_map(|(nth, value)| Mutation::Number { nth, value }),
    ]
}

/// The bundled files with `file` (an index into them) changed by `m`.
fn mutated(file: usize, m: &Mutation) -> (Files, String) {
    let mut files = bundled();
    let rel = files.keys().nth(file % files.len()).cloned().unwrap();
    let new = m.apply(&files[&rel]);
    files.insert(rel.clone(), new);
    (files, rel)
}

/// Lines in `bytes` (as the loader counts them, on the valid UTF-8 prefix).
fn line_count(bytes: &[u8]) -> usize {
    let valid = match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap(),
    };
    valid.matches('\n').count() + 1
}

/// Whether `bytes` is UTF-8 text that parses as TOML (if `.toml`) or JSON
/// (if `.geojson`); other files only need to be UTF-8.
fn well_formed(rel: &str, bytes: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    if rel.ends_with(".toml") {
        text.parse::<toml::Table>().is_ok()
    } else if rel.ends_with(".geojson") {
        serde_json::from_str::<serde_json::Value>(text).is_ok()
    } else {
        true
    }
}

/// Use a dataset the way the CLI and viewer do, at its first, middle and
/// last day (these must not panic on any dataset that loads).
fn exercise(ds: &Dataset) {
    let (from, to) = (ds.coverage.from, ds.coverage.to);
    for d in [from, from.add_days(from.days_until(to) / 2), to] {
        std::hint::black_box(state_at(ds, d));
        std::hint::black_box(karabakh_atlas::cli::state_text(ds, d));
    }
    std::hint::black_box(karabakh_atlas::cli::steps_json(ds));
    std::hint::black_box(karabakh_atlas::cli::check_summary(ds));
    let areas = karabakh_atlas::model::area::areas(ds);
    std::hint::black_box(karabakh_atlas::model::area::series(ds, &areas));
    std::hint::black_box(karabakh_atlas::scene::display::MapCache::new(ds));
}

/// The common property of every loader: a usable dataset, or diagnostics
/// that each name a file of `files` and, where they give a position, one
/// inside that file. `changed` is the file that was mutated: if it is not
/// well-formed, a diagnostic names it with a line and column.
fn check_load(
    files: &Files,
    changed: &str,
    result: Result<Dataset, LoadError>,
) -> Result<(), TestCaseError> {
    let err = match result {
        Ok(ds) => {
            exercise(&ds);
            return Ok(());
        }
        Err(e) => e,
    };
    prop_assert!(
        !err.diagnostics.is_empty(),
        "a LoadError with no diagnostic"
    );
    for d in &err.diagnostics {
        let rel = d.file.strip_prefix(&format!("{NAME}/"));
        prop_assert!(
            rel.is_some_and(|r| files.contains_key(r)),
            "diagnostic does not name a file of the dataset: {d}"
        );
        prop_assert!(
            !d.message.to_string().trim().is_empty(),
            "empty message: {d}"
        );
        if let (Some(p), Some(bytes)) = (d.position, rel.and_then(|r| files.get(r))) {
            prop_assert!(p.line >= 1 && p.column >= 1, "position not 1-based: {d}");
            prop_assert!(
                p.line <= line_count(bytes),
                "line {} is past the end of the file ({} lines): {d}",
                p.line,
                line_count(bytes)
            );
        }
        prop_assert!(d.to_string().starts_with(&d.file));
    }
    if !well_formed(changed, &files[changed]) {
        prop_assert!(
            err.diagnostics
                .iter()
                .any(|d| d.file == label(changed) && d.position.is_some()),
            "{changed} is not well-formed, but no diagnostic names it with a line and column:\n{err}"
        );
    }
    Ok(())
}

#[test]
fn the_bundled_files_load_in_memory_like_the_bundled_dataset() {
    let files = bundled();
    let ds = load_memory(NAME, &files).unwrap();
    let b = load_bundled().unwrap();
    assert_eq!(ds.steps, b.steps);
    assert_eq!(ds.citations, b.citations);
    // And a missing file is named with the in-memory label.
    let mut files = files;
    files.remove("places.toml");
    let err = load_memory(NAME, &files).unwrap_err();
    assert!(
        err.diagnostics
            .iter()
            .any(|d| d.file == label("places.toml")),
        "{err}"
    );
}

/// The TimelineJS test file with every field the importer reads.
fn timelinejs_full() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/timelinejs/full.json"))
        .unwrap()
}

/// Cases of the EDTF properties: each is a parse, microseconds.
const EDTF_CASES: u32 = 2000;

/// Any day of the calendar, [`Date::MIN`] to [`Date::MAX`] (years ±999,999,999,999).
fn any_day() -> impl Strategy<Value = Date> {
    let days = Date::MIN.days_until(Date::MAX);
    (0..=days).prop_map(|n| Date::MIN.add_days(n))
}

fn any_qualifier() -> impl Strategy<Value = Qualifier> {
    (any::<bool>(), any::<bool>()).prop_map(|(uncertain, approximate)| Qualifier {
        uncertain,
        approximate,
    })
}

/// Any date the model holds: a day, a range (including whole months and
/// years, which EDTF writes short), before a day (not the calendar's
/// first, which has no day before it), or from a day on (an open end).
fn any_spec() -> impl Strategy<Value = DateSpec> {
    let whole_month = any_day().prop_map(|d| {
        let first = d.add_days(1 - i64::from(d.day()));
        DateSpec::range(first, first.last_of_month())
    });
    let whole_year = (Date::MIN_YEAR..=Date::MAX_YEAR).prop_filter_map("a year", |y| {
        Some(DateSpec::range(
            Date::from_ymd(y, 1, 1)?,
            Date::from_ymd(y, 12, 31)?,
        ))
    });
    prop_oneof![
        any_day().prop_map(DateSpec::day),
        (any_day(), any_day()).prop_map(|(a, b)| DateSpec::range(a.min(b), a.max(b))),
        whole_month,
        whole_year,
        any_day()
            .prop_filter("has a day before it", |d| *d > Date::MIN)
            .prop_map(DateSpec::before),
        any_day().prop_map(DateSpec::after),
    ]
    .prop_flat_map(|spec| any_qualifier().prop_map(move |q| spec.with_qualifier(q)))
}

proptest! {
    #![proptest_config(config(EDTF_CASES))]

    #[test]
    fn every_date_written_as_edtf_reads_back_the_same(spec in any_spec()) {
        let text = spec.edtf();
        prop_assert_eq!(parse_edtf(&text), Ok(spec), "{}", text);
    }

    #[test]
    fn edtf_like_text_is_read_or_refused_by_value(
        text in "[-+Y./?~%X0-9T:\\[\\], ]{0,24}|-?[0-9X]{4}(-[0-9X]{2}(-[0-9X]{2})?)?[?~%]?(/(\\.\\.|-?[0-9X]{4}(-[0-9X]{2}(-[0-9X]{2})?)?[?~%]?)?)?"
    ) {
        match parse_edtf(&text) {
            Ok(spec) => {
                prop_assert!(spec.start() <= spec.end(), "{:?} gave {:?}", text, spec);
                prop_assert_eq!(parse_edtf(&spec.edtf()), Ok(spec), "{:?}", text);
            }
            Err(e) => {
                prop_assert_eq!(e.value(), text.trim());
                prop_assert!(e.to_string().contains(text.trim()), "{}", e);
            }
        }
    }
}

proptest! {
    #![proptest_config(config(LOAD_CASES))]

    #[test]
    fn a_mutated_timelinejs_file_imports_as_a_valid_dataset_or_is_refused(m in mutation()) {
        let bytes = m.apply(&timelinejs_full());
        let text = String::from_utf8_lossy(&bytes);
        match karabakh_atlas::interop::timelinejs::import("mutated.json", "mutated.json", &text) {
            Ok(imported) => {
                let files: Files = imported.files.into_iter().collect();
                let loaded = load_memory(NAME, &files);
                prop_assert!(loaded.is_ok(), "the skeleton does not load: {}", loaded.err().map(|e| e.to_string()).unwrap_or_default());
            }
            Err(e) => {
                prop_assert!(!e.diagnostics.is_empty(), "a refusal with no diagnostic");
                for d in &e.diagnostics {
                    prop_assert_eq!(d.file.as_str(), "mutated.json");
                    prop_assert!(!d.message.to_string().trim().is_empty(), "empty message: {}", d);
                }
            }
        }
    }
}

/// A small time-enabled layer with every field the GeoJSON import reads:
/// OpenHistoricalMap dates (a month, an `:edtf` variant), names in two
/// languages, a region, and the `since*` and `pending*` fields of our export.
const LAYER: &str = r#"{"type":"FeatureCollection","name":"Test layer","features":[
{"type":"Feature","properties":{"name":"North","name_ar":"الشمال","admin":"Blue","admin_name":"The Blue side","start_date":"2019","end_date":"2020-10"},"geometry":{"type":"Polygon","coordinates":[[[10,50],[11,50],[11,51],[10,51],[10,50]]]}},
{"type":"Feature","properties":{"name":"North","admin":"Green","start_date":"2020-10","start_date:edtf":"2020-10","end_date":null},"geometry":{"type":"Polygon","coordinates":[[[10,50],[11,50],[11,51],[10,51],[10,50]]]}},
{"type":"Feature","properties":{"name":"South","kind":"region","admin":"Blue","start_date":"2019-01-01","end_date":"2020-06-01","since":"2018-12-31","since_earliest":"2018-12-31","since_precision":"before"},"geometry":{"type":"MultiPolygon","coordinates":[[[[10,49],[11,49],[11,50],[10,50],[10,49]]]]}},
{"type":"Feature","properties":{"name":"South","kind":"region","admin":"Blue","start_date":"2020-06-01","end_date":"2020-07-01","pending":true,"pending_to":"Green","pending_disputed":true,"pending_deadlines":[{"date":"2020-07-01","according_to":"One report"},{"date":"2020-07-15","according_to":"Another report"}]},"geometry":{"type":"MultiPolygon","coordinates":[[[[10,49],[11,49],[11,50],[10,50],[10,49]]]]}},
{"type":"Feature","properties":{"name":"South","kind":"region","admin":"Green","start_date":"2020-07-01","since":"2020-07-01","since_earliest":"2020-06-20","since_precision":"range"},"geometry":{"type":"MultiPolygon","coordinates":[[[[10,49],[11,49],[11,50],[10,50],[10,49]]]]}},
{"type":"Feature","properties":{"name":"A town","admin":null,"start_date":"2019"},"geometry":{"type":"Point","coordinates":[10.5,50.5]}}
]}"#;

/// The bundled dataset, loaded once for the properties that read it.
fn bundled_dataset() -> &'static Dataset {
    static DS: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    DS.get_or_init(|| load_bundled().unwrap())
}

#[test]
fn the_test_layer_imports() {
    let imported = karabakh_atlas::interop::geojson_import::import(
        "layer.geojson",
        "layer.geojson",
        LAYER,
        &Default::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((imported.places, imported.controllers), (2, 2));
}

proptest! {
    #![proptest_config(config(LOAD_CASES))]

    #[test]
    fn a_mutated_layer_imports_as_a_valid_dataset_or_is_refused(m in mutation()) {
        let bytes = m.apply(LAYER.as_bytes());
        let text = String::from_utf8_lossy(&bytes);
        let fields = karabakh_atlas::interop::geojson_import::Fields::default();
        match karabakh_atlas::interop::geojson_import::import("mutated.geojson", "mutated.geojson", &text, &fields) {
            Ok(imported) => {
                let files: Files = imported.files.into_iter().collect();
                let loaded = load_memory(NAME, &files);
                prop_assert!(loaded.is_ok(), "the dataset does not load: {}", loaded.err().map(|e| e.to_string()).unwrap_or_default());
            }
            Err(e) => {
                prop_assert!(!e.diagnostics.is_empty(), "a refusal with no diagnostic");
                for d in &e.diagnostics {
                    prop_assert!(d.file == "mutated.geojson" || d.file.starts_with("imported/"), "{}", d);
                    prop_assert!(!d.message.to_string().trim().is_empty(), "empty message: {}", d);
                }
            }
        }
    }

    #[test]
    fn a_mutated_annotation_file_anchors_only_verbatim_quotes(m in mutation()) {
        static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
        let ds = bundled_dataset();
        let base = BASE.get_or_init(|| karabakh_atlas::interop::annotations::export(ds).to_string());
        let bytes = m.apply(base.as_bytes());
        let text = String::from_utf8_lossy(&bytes);
        match karabakh_atlas::interop::annotations::import(ds, "mutated.json", &text, None) {
            Ok(read) => {
                for a in &read.anchored {
                    let source = &ds.source(&a.source).unwrap().text;
                    let at: String = source.chars().skip(a.offset).take(a.quote.chars().count()).collect();
                    prop_assert_eq!(&at, &a.quote);
                }
                // Whatever was anchored and is not already a citation is new.
                prop_assert!(read.anchored.len() <= read.total);
            }
            Err(e) => {
                for d in &e.diagnostics {
                    prop_assert_eq!(d.file.as_str(), "mutated.json");
                }
            }
        }
    }

    #[test]
    fn a_quote_is_anchored_where_it_is_whatever_the_position_says(
        text in "[ab ءبت\n]{1,80}",
        start in 0usize..80,
        len in 1usize..12,
        hint in proptest::option::of(0usize..100),
    ) {
        use karabakh_atlas::interop::annotations::anchor;
        let chars: Vec<char> = text.chars().collect();
        let start = start % chars.len();
        let end = (start + len).min(chars.len());
        let exact: String = chars[start..end].iter().collect();
        let prefix: String = chars[start.saturating_sub(32)..start].iter().collect();
        let suffix: String = chars[end..(end + 32).min(chars.len())].iter().collect();
        // With its real position, it stays there.
        prop_assert_eq!(anchor(&text, &exact, &prefix, &suffix, Some(start)), Some(start));
        // With any other, it lands on an occurrence of the quote.
        let got = anchor(&text, &exact, &prefix, &suffix, hint).unwrap();
        let at: String = chars[got..(got + exact.chars().count()).min(chars.len())].iter().collect();
        prop_assert_eq!(at, exact);
        // A quote that is not in the text is not anchored.
        prop_assert_eq!(anchor(&text, "zz", "", "", hint), None);
    }
}

proptest! {
    #![proptest_config(config(LOAD_CASES))]

    #[test]
    fn any_mutation_of_any_file(file in any::<usize>(), m in mutation()) {
        let (files, rel) = mutated(file, &m);
        check_load(&files, &rel, load_memory(NAME, &files))?;
    }

    #[test]
    fn random_values_in_toml_keys(
        file in prop::sample::select(vec!["dataset.toml", "places.toml", "sources.toml", "timeline.toml"]),
        nth in any::<usize>(),
        value in toml_value(),
    ) {
        let mut files = bundled();
        let new = Mutation::TomlValue { nth, value }.apply(&files[file]);
        files.insert(file.to_owned(), new);
        check_load(&files, file, load_memory(NAME, &files))?;
    }

    #[test]
    fn swapped_or_replaced_numbers_in_the_map(
        a in any::<usize>(),
        b in any::<usize>(),
        value in prop::option::of(number_text()),
    ) {
        let mut files = bundled();
        let m = match value {
            None => Mutation::SwapNumbers { a, b },
            Some(value) => Mutation::Number { nth: a, value },
        };
        let new = m.apply(&files["map.geojson"]);
        files.insert("map.geojson".to_owned(), new);
        check_load(&files, "map.geojson", load_memory(NAME, &files))?;
    }

    #[test]
    fn a_source_that_is_not_utf8_is_refused_by_name_and_position(
        src in 0..5_usize,
        at in any::<usize>(),
        bad in prop::sample::select(vec![vec![0xFF_u8], vec![0xC3], vec![0xE2, 0x82], vec![0xED, 0xA0, 0x80], vec![0x80, 0x41]]),
    ) {
        let mut files = bundled();
        let rel = files.keys().filter(|k| k.starts_with("sources/")).nth(src).cloned().unwrap();
        let new = Mutation::Insert { at, bytes: bad }.apply(&files[&rel]);
        files.insert(rel.clone(), new);
        let result = load_memory(NAME, &files);
        prop_assert!(result.is_err(), "a source with invalid UTF-8 was accepted");
        let err = result.as_ref().err().cloned().unwrap();
        // The changed bytes also break the recorded SHA-256.
        prop_assert!(
            err.diagnostics.iter().any(|d| d.file == label("sources.toml") && d.message.to_string().contains("SHA-256")),
            "{err}"
        );
        check_load(&files, &rel, result)?;
    }
}

// ---------------------------------------------------------------------------
// The command line.

/// A temporary folder with a valid dataset copy, an empty folder and a plain
/// file, for `--data` and `--out` values.
struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(&common::data_dir(), &dir.path().join("data"));
        std::fs::create_dir_all(dir.path().join("empty")).unwrap();
        std::fs::write(dir.path().join("file.txt"), "not a dataset").unwrap();
        Self { dir }
    }
    fn path(&self) -> &Path {
        self.dir.path()
    }
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// Arguments: a non-GUI subcommand first (so no window can open), then a
/// random mix of its flags, other commands' flags and junk, with good and
/// bad values.
fn argv() -> impl Strategy<Value = Vec<String>> {
    let date = prop_oneof![
        Just("2020-11-21".to_owned()),
        Just("2020-09-26".to_owned()),
        Just("2023-12-31".to_owned()),
        Just("1999-01-01".to_owned()),
        Just("2020-02-30".to_owned()),
        Just("2020-13-01".to_owned()),
        Just("21/11/2020".to_owned()),
        Just(String::new()),
        (2019..2025_u32, 1..13_u32, 1..29_u32).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
    ];
    let number = prop_oneof![
        Just("0".to_owned()),
        Just("1".to_owned()),
        Just("14".to_owned()),
        Just("15".to_owned()),
        Just("-1".to_owned()),
        Just("99999999999999999999".to_owned()),
        Just("abc".to_owned()),
        (0..40_u32).prop_map(|n| n.to_string()),
    ];
    let size = prop_oneof![
        Just("64x64".to_owned()),
        Just("120x90".to_owned()),
        Just("63x63".to_owned()),
        Just("0x0".to_owned()),
        Just("16385x64".to_owned()),
        Just("64X64".to_owned()),
        Just("x".to_owned()),
        Just("64x".to_owned()),
        Just("1e3x64".to_owned()),
    ];
    let path = prop_oneof![
        Just("out.png".to_owned()),
        Just("out.svg".to_owned()),
        Just("out.gif".to_owned()),
        Just("out.geojson".to_owned()),
        Just("steps".to_owned()),
        Just("file.txt".to_owned()),
        Just("empty".to_owned()),
        Just("missing/dir/out.png".to_owned()),
        Just(String::new()),
    ];
    let data = prop_oneof![
        Just("data".to_owned()),
        Just("empty".to_owned()),
        Just("file.txt".to_owned()),
        Just("nowhere".to_owned()),
    ];
    let flag = prop_oneof![
        date.clone().prop_map(|d| vec!["--date".to_owned(), d]),
        number.clone().prop_map(|n| vec!["--step".to_owned(), n]),
        Just(vec!["--all".to_owned()]),
        prop::sample::select(vec!["png", "svg", "gif", "geojson", "jpeg", ""])
            .prop_map(|f| vec!["--format".to_owned(), f.to_owned()]),
        size.prop_map(|s| vec!["--size".to_owned(), s]),
        prop::sample::select(vec!["72", "71", "1201", "0", "x"])
            .prop_map(|d| vec!["--dpi".to_owned(), d.to_owned()]),
        prop::sample::select(vec!["a4", "a5", "letter"])
            .prop_map(|p| vec!["--paper".to_owned(), p.to_owned()]),
        prop::sample::select(vec!["en", "az", "ar", "hy", "fr"])
            .prop_map(|n| vec!["--names".to_owned(), n.to_owned()]),
        prop::sample::select(vec!["light", "dark", "blue"])
            .prop_map(|t| vec!["--theme".to_owned(), t.to_owned()]),
        prop::sample::select(vec!["0.5", "0", "-1", "NaN", "inf", "1e10", "abc"])
            .prop_map(|h| vec!["--hold".to_owned(), h.to_owned()]),
        path.prop_map(|p| vec!["--out".to_owned(), p]),
        Just(vec!["--force".to_owned()]),
        Just(vec!["--json".to_owned()]),
        Just(vec!["--csv".to_owned()]),
        data.prop_map(|d| vec!["--data".to_owned(), d]),
        // Viewer flags and junk, which these subcommands must refuse.
        Just(vec!["--screenshot".to_owned(), "shot.png".to_owned()]),
        Just(vec!["--present".to_owned()]),
        Just(vec!["gui".to_owned()]),
        Just(vec!["--".to_owned()]),
        "[ -~]{0,12}".prop_map(|s| vec![s]),
        any::<String>().prop_map(|s| vec![s]),
    ];
    // Mostly the flags a command needs (so most runs get past parsing and
    // do the work), with random extras.
    let command = prop_oneof![
        Just(vec!["check".to_owned()]),
        Just(vec!["steps".to_owned()]),
        Just(vec!["stats".to_owned()]),
        date.clone()
            .prop_map(|d| vec!["state".to_owned(), "--date".to_owned(), d]),
        date.prop_map(|d| vec!["stats".to_owned(), "--date".to_owned(), d]),
        (
            prop::sample::select(vec!["svg", "geojson", "png"]),
            prop_oneof![
                number.prop_map(|n| vec!["--step".to_owned(), n]),
                Just(vec!["--all".to_owned()]),
            ],
        )
            .prop_map(|(format, when)| {
                let mut v = vec![
                    "export".to_owned(),
                    "--format".to_owned(),
                    format.to_owned(),
                    "--size".to_owned(),
                    "64x64".to_owned(),
                    "--out".to_owned(),
                    format!("out.{format}"),
                ];
                v.extend(when);
                v
            }),
        prop::sample::select(vec!["check", "state", "steps", "stats", "export"])
            .prop_map(|c| vec![c.to_owned()]),
    ];
    let extras = prop_oneof![
        2 => Just(Vec::new()),
        3 => prop::collection::vec(flag, 1..4),
    ];
    (command, extras).prop_map(|(mut v, flags)| {
        v.extend(flags.into_iter().flatten());
        v
    })
}

fn run_cli(dir: &Path, args: &[String]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_karabakh-atlas"))
        .args(args)
        .current_dir(dir)
        // Should anything still try to open a window, there is no display.
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("HOME", dir)
        .output()
        .unwrap()
}

proptest! {
    #![proptest_config(config(CLI_CASES))]

    #[test]
    fn random_arguments_never_crash_the_cli(args in argv()) {
        let scratch = Scratch::new();
        let out = run_cli(scratch.path(), &args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let stdout = String::from_utf8_lossy(&out.stdout);
        prop_assert!(!stderr.contains("panicked"), "panic for {args:?}:\n{stderr}");
        let code = out.status.code();
        prop_assert!(
            matches!(code, Some(0..=2)),
            "exit {code:?} for {args:?} (0 success, 1 bad dataset, 2 bad usage):\n{stderr}"
        );
        if code == Some(0) {
            prop_assert!(
                !stdout.trim().is_empty() || !stderr.trim().is_empty(),
                "success for {args:?} but nothing said"
            );
        } else {
            prop_assert!(
                stderr.contains("error"),
                "exit {code:?} for {args:?} without an error message:\n{stderr}"
            );
        }
    }
}
