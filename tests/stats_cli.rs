//! `karabakh-atlas stats` as a user runs it (the real binary).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Output;

use serde_json::Value;

const NOTE: &str = "Areas are computed from the map's simplified boundaries (geodesic, WGS84); they differ from official figures.";

fn run(args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_karabakh-atlas"))
        .args(args)
        .output()
        .unwrap()
}

fn ok(args: &[&str]) -> String {
    let out = run(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?}: {stderr}");
    String::from_utf8(out.stdout).unwrap()
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&ok(args)).unwrap()
}

/// A strict RFC 4180 reader: CRLF record ends, optional quoting with doubled
/// quotes inside; every record must have as many fields as the header.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => {
                    quoted = false;
                    assert!(
                        matches!(chars.peek(), None | Some(',' | '\r')),
                        "text after a closing quote"
                    );
                }
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                quoted = true;
                at_field_start = false;
            }
            '"' => panic!("a quote inside an unquoted field: {field:?}"),
            ',' => {
                record.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                at_field_start = true;
            }
            '\n' => panic!("bare LF: records must end with CRLF"),
            c => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    assert!(!quoted, "unterminated quoted field");
    assert!(
        field.is_empty() && record.is_empty(),
        "the last record has no CRLF"
    );
    let width = records.first().map_or(0, Vec::len);
    for (i, r) in records.iter().enumerate() {
        assert_eq!(r.len(), width, "record {i} has {} fields: {r:?}", r.len());
    }
    records
}

#[test]
fn the_csv_reader_handles_quotes() {
    let r = parse_csv("a,b\r\n\"x, \"\"y\"\"\",\r\n");
    assert_eq!(r, [vec!["a", "b"], vec!["x, \"y\"", ""]]);
}

fn column<'a>(records: &'a [Vec<String>], name: &str) -> Vec<&'a str> {
    let i = records[0]
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {:?}", records[0]));
    records[1..].iter().map(|r| r[i].as_str()).collect()
}

#[test]
fn csv_at_a_date_parses_and_has_a_header() {
    let out = run(&["stats", "--date", "2020-11-10", "--csv"]);
    assert!(out.status.success());
    // The provenance note goes to stderr, keeping stdout pure CSV.
    assert!(String::from_utf8_lossy(&out.stderr).contains(NOTE));
    let csv = String::from_utf8(out.stdout).unwrap();
    let records = parse_csv(&csv);
    assert_eq!(
        records[0],
        [
            "date",
            "record",
            "id",
            "name",
            "kind",
            "area_km2",
            "overlap_km2",
            "full_km2",
            "controlled_by",
            "changing_to",
            "pending_to",
            "basis",
            "claimed_by",
            "extent"
        ]
    );
    let kinds = column(&records, "record");
    assert_eq!(kinds.iter().filter(|k| **k == "place").count(), 8);
    assert_eq!(kinds.iter().filter(|k| **k == "controller").count(), 2);
    assert!(column(&records, "date").iter().all(|d| *d == "2020-11-10"));
    // Places' areas add up to the controllers' totals (rounded to 0.1 km²).
    let areas: Vec<f64> = column(&records, "area_km2")
        .iter()
        .map(|v| v.parse().unwrap())
        .collect();
    let (places, controllers): (Vec<_>, Vec<_>) =
        kinds.iter().zip(&areas).partition(|(k, _)| **k == "place");
    let sum = |v: &[(&&str, &f64)]| v.iter().map(|(_, a)| **a).sum::<f64>();
    assert!((sum(&places) - sum(&controllers)).abs() < 0.5);
    // Kalbajar had an agreed handover pending on 10 November 2020.
    let ids = column(&records, "id");
    let pending = column(&records, "pending_to");
    let k = ids.iter().position(|i| *i == "kalbajar").unwrap();
    assert_eq!(pending[k], "azerbaijan");
    // How the sources support each place's control: Fuzuli's retaking is
    // inferred, the region is held in part.
    let (basis, extent) = (column(&records, "basis"), column(&records, "extent"));
    let at = |id: &str| ids.iter().position(|i| *i == id).unwrap();
    assert_eq!(basis[at("fuzuli")], "inferred");
    assert_eq!(basis[k], "reported");
    assert_eq!(extent[at("nagorno-karabakh")], "part");
    assert_eq!(extent[at("fuzuli")], "whole");
}

#[test]
fn csv_series_has_one_row_per_step() {
    let steps: Value = json(&["steps", "--json"]);
    let n = steps["steps"].as_array().unwrap().len();
    let records = parse_csv(&ok(&["stats", "--csv"]));
    assert_eq!(&records[0][..3], ["index", "step", "date"]);
    assert!(records[0].contains(&"azerbaijan_km2".to_owned()));
    assert!(records[0].contains(&"armenian_forces_km2".to_owned()));
    assert_eq!(records.len(), n + 1);
    let step_ids: Vec<&str> = steps["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(column(&records, "step"), step_ids);
    // Every row holds the same total.
    let az = column(&records, "azerbaijan_km2");
    let ar = column(&records, "armenian_forces_km2");
    let totals: Vec<f64> = az
        .iter()
        .zip(&ar)
        .map(|(a, b)| a.parse::<f64>().unwrap() + b.parse::<f64>().unwrap())
        .collect();
    assert!(
        totals.iter().all(|t| (t - totals[0]).abs() < 0.2),
        "{totals:?}"
    );
}

#[test]
fn json_totals_equal_the_sum_of_the_parts() {
    let v = json(&["stats", "--date", "2020-11-25", "--json"]);
    assert_eq!(v["date"], "2020-11-25");
    assert_eq!(v["note"], NOTE);
    let places = v["places"].as_array().unwrap();
    assert_eq!(places.len(), 8);
    let f = |x: &Value| x.as_f64().unwrap();
    let all: f64 = places.iter().map(|p| f(&p["area_km2"])).sum();
    assert!((f(&v["totals"]["all_km2"]) - all).abs() < 0.5);
    for c in v["totals"]["by_controller"].as_array().unwrap() {
        let id = c["controller"].as_str().unwrap();
        let parts: f64 = places
            .iter()
            .filter(|p| p["controlled_by"] == id)
            .map(|p| f(&p["area_km2"]))
            .sum();
        assert!((f(&c["km2"]) - parts).abs() < 0.5, "{id}");
    }
    for p in places {
        let sum = f(&p["area_km2"]) + f(&p["overlap_km2"]);
        assert!((sum - f(&p["full_km2"])).abs() < 0.2, "{p}");
    }
    // Lachin's handover was still pending on 25 November 2020.
    let lachin = places.iter().find(|p| p["id"] == "lachin").unwrap();
    assert_eq!(lachin["pending_to"], "azerbaijan");
    assert_eq!(lachin["controlled_by"], "armenian_forces");
    assert_eq!(lachin["basis"], "reported");
    assert!(lachin["claimed_by"].is_null());
}

#[test]
fn stats_after_the_2023_operation_name_azerbaijans_claim() {
    let v = json(&["stats", "--date", "2023-10-01", "--json"]);
    let places = v["places"].as_array().unwrap();
    let nk = places
        .iter()
        .find(|p| p["id"] == "nagorno-karabakh")
        .unwrap();
    assert_eq!(nk["basis"], "claimed");
    assert_eq!(nk["claimed_by"], "azerbaijan");
    assert_eq!(nk["extent"], "whole");
    let text = ok(&["stats", "--date", "2023-10-01"]);
    assert!(text.contains("(according to Azerbaijan)"), "{text}");
    assert!(text.contains("(inferred from the sources)"), "{text}");
}

#[test]
fn json_series_has_every_step_and_the_war_band() {
    let v = json(&["stats", "--json"]);
    let f = |x: &Value| x.as_f64().unwrap();
    let all = f(&v["all_km2"]);
    let steps = v["steps"].as_array().unwrap();
    assert_eq!(steps[0]["index"], 1);
    assert_eq!(steps[0]["id"], "baseline");
    for s in steps {
        let held: f64 = s["by_controller"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| f(&c["km2"]))
            .sum();
        assert!((held - all).abs() < 0.5, "{s}");
    }
    let band = v["bands"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["controller"] == "azerbaijan" && b["from"] == "2020-09-27")
        .unwrap();
    assert_eq!(band["to"], "2020-11-10");
    assert_eq!(band["places"].as_array().unwrap().len(), 4);
}

#[test]
fn text_is_labelled_and_aligned() {
    let text = ok(&["stats", "--date", "2021-01-01"]);
    assert!(text.contains(NOTE), "{text}");
    assert!(text.contains("Kalbajar"), "{text}");
    // Thousands separators: Kalbajar's whole area is over 1,000 km².
    let kalbajar = text.lines().find(|l| l.contains("kalbajar")).unwrap();
    let grouped = kalbajar.split_whitespace().any(|w| {
        let w = w.trim_start_matches('+');
        w.len() == 5 && w.as_bytes()[1] == b',' && w.replace(',', "").parse::<u32>().is_ok()
    });
    assert!(grouped, "{kalbajar}");
    let series = ok(&["stats"]);
    assert!(series.contains(NOTE));
    assert!(series.contains("baseline") && series.contains("turkey-role-2023"));
}

#[test]
fn a_date_outside_the_coverage_is_refused() {
    let out = run(&["stats", "--date", "2019-01-01"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("2019-01-01"), "{stderr}");
    assert!(
        stderr.contains("2020-09-26") && stderr.contains("2023-12-31"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
    // A malformed date is a usage error too.
    assert_eq!(
        run(&["stats", "--date", "2020-13-01"]).status.code(),
        Some(2)
    );
    // --json and --csv exclude each other.
    assert_eq!(run(&["stats", "--json", "--csv"]).status.code(), Some(2));
}
