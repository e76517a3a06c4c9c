//! `karabakh-atlas stats [--date D] [--json | --csv]`: the area of each
//! tracked place and the area each controller holds, at a date or at every
//! step.
//!
//! Every area comes from [`crate::model::area`]: geodesic (WGS84) areas of
//! the simplified Natural Earth polygons, a district counting only its part
//! outside the regions so that nothing is counted twice. Every output says so.
//!
//! # JSON shape
//!
//! Areas are km² rounded to 0.1; totals are rounded from the exact sums, so
//! they may differ from the sum of the rounded parts by a few tenths. Object
//! keys are printed in alphabetical order; arrays keep the order described.
//!
//! With `--date D` (figures for 2020-11-10 from the bundled dataset):
//!
//! ```json
//! {
//!   "date": "2020-11-10",
//!   "unit": "km2",
//!   "note": "Areas are computed from the map's simplified boundaries (geodesic, WGS84); they differ from official figures.",
//!   "places": [
//!     {
//!       "id": "kalbajar",
//!       "name": "Kalbajar",
//!       "kind": "district",
//!       "area_km2": 2035.2,
//!       "overlap_km2": 754.1,
//!       "full_km2": 2789.4,
//!       "controlled_by": "armenian_forces",
//!       "changing_to": null,
//!       "pending_to": "azerbaijan"
//!     }
//!   ],
//!   "totals": {
//!     "by_controller": [
//!       { "controller": "armenian_forces", "name": "Armenian forces", "km2": 9000.3 },
//!       { "controller": "azerbaijan", "name": "Azerbaijan", "km2": 3540.8 }
//!     ],
//!     "changing": [
//!       { "controller": "armenian_forces", "km2": 0.0 },
//!       { "controller": "azerbaijan", "km2": 0.0 }
//!     ],
//!     "pending_km2": 4718.5,
//!     "all_km2": 12541.1
//!   }
//! }
//! ```
//!
//! - `places`: every tracked place with an area on the map, in places.toml
//!   order. `area_km2` is what the place counts with (a district: its part
//!   outside every region; a region: its whole polygon); `overlap_km2` is a
//!   district's part inside a region (0 for a region); `full_km2` is the whole
//!   polygon. `controlled_by` is the last controller the sources confirm
//!   (`null` if the place has no state at the date); `changing_to` names the
//!   controller it is passing to while a change with no known day is under
//!   way, `pending_to` the controller of an agreed handover not yet carried
//!   out (each `null` otherwise).
//! - `totals.by_controller`: every controller in dataset order, with the sum
//!   of the `area_km2` of the places it controls. `changing` (per controller
//!   passed to) and `pending_km2` are parts of these sums, not additions.
//!   `all_km2` is the sum of `by_controller`, equal to the sum of the places'
//!   `area_km2`.
//!
//! Without `--date`, the series at every step:
//!
//! ```json
//! {
//!   "unit": "km2",
//!   "note": "Areas are computed from …",
//!   "controllers": [ { "id": "armenian_forces", "name": "Armenian forces" } ],
//!   "places": [
//!     { "id": "kalbajar", "name": "Kalbajar", "kind": "district",
//!       "area_km2": 2035.2, "overlap_km2": 754.1, "full_km2": 2789.4 }
//!   ],
//!   "all_km2": 12541.1,
//!   "steps": [
//!     { "index": 2, "id": "war-2020-start", "date": "2020-09-27",
//!       "by_controller": [ { "controller": "armenian_forces", "km2": 12541.1 },
//!                          { "controller": "azerbaijan", "km2": 0.0 } ],
//!       "changing": [ { "controller": "armenian_forces", "km2": 0.0 },
//!                     { "controller": "azerbaijan", "km2": 3540.8 } ],
//!       "pending_km2": 0.0 }
//!   ],
//!   "bands": [
//!     { "from": "2020-09-27", "to": "2020-11-10", "controller": "azerbaijan",
//!       "low_km2": 0.0, "high_km2": 3540.8,
//!       "places": ["fuzuli", "jabrayil", "zangilan", "qubadli"] }
//!   ]
//! }
//! ```
//!
//! `index` is 1-based as in `steps`; `date` is the day by which the step had
//! certainly happened. Between two steps' dates the totals do not change. A
//! band says that on every day from `from` to `to` the controller held at
//! least `low_km2` and at most `high_km2`, because the sources give no day for
//! the changes of `places`.
//!
//! # CSV
//!
//! RFC 4180 (CRLF line ends, fields quoted when they hold a comma, a quote or
//! a line break), with a header row. With `--date`:
//! `date,record,id,name,kind,area_km2,overlap_km2,full_km2,controlled_by,changing_to,pending_to`,
//! one `place` record per place then one `controller` record per controller
//! (its total in `area_km2`). Without: `index,step,date,<controller>_km2…,
//! changing_to_<controller>_km2…,pending_km2`, one row per step. Numbers are
//! km² with one decimal. The note on where the areas come from goes to
//! standard error, so standard output is nothing but the CSV.

use std::fmt::Write as _;
use std::process::ExitCode;

use serde_json::{Value, json};

use super::StatsArgs;
use crate::i18n::format::DateWords;
use crate::model::Dataset;
use crate::model::area::thousands;
use crate::model::area::{
    AREA_NOTE, Areas, Series, Totals, areas, series, totals_at, uncertainty_bands,
};
use crate::model::date::Date;
use crate::model::state::state_at;
use crate::model::types::PlaceKind;

/// Run `stats`: exit 0, or 2 when `--date` is outside the dataset's coverage.
#[must_use]
pub fn run(ds: &Dataset, args: &StatsArgs) -> ExitCode {
    let a = areas(ds);
    let out = match args.date {
        Some(date) => {
            if let Err(msg) = check_date(ds, date) {
                eprintln!("{msg}");
                return ExitCode::from(2);
            }
            if args.json {
                pretty(&date_json(ds, &a, date))
            } else if args.csv {
                eprintln!("{AREA_NOTE}");
                date_csv(ds, &a, date)
            } else {
                date_text(ds, &a, date)
            }
        }
        None => {
            if args.json {
                pretty(&series_json(ds, &a))
            } else if args.csv {
                eprintln!("{AREA_NOTE}");
                series_csv(ds, &a)
            } else {
                series_text(ds, &a)
            }
        }
    };
    print!("{out}");
    ExitCode::SUCCESS
}

/// `Ok` if `date` is inside the dataset's coverage, else the error message.
///
/// # Errors
/// A message naming the date and the covered period.
pub fn check_date(ds: &Dataset, date: Date) -> Result<(), String> {
    if ds.coverage.contains(date) {
        Ok(())
    } else {
        Err(format!(
            "error: {date} is outside the period the dataset describes ({} to {})\n  help: give a --date from {} to {}, or leave it out for the series at every step",
            ds.coverage.from, ds.coverage.to, ds.coverage.from, ds.coverage.to
        ))
    }
}

fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_else(|_| v.to_string());
    s.push('\n');
    s
}

/// km² rounded to 0.1 for JSON and CSV.
fn r1(x: f64) -> f64 {
    // `+ 0.0` turns a rounded -0.0 into 0.0.
    (x * 10.0).round() / 10.0 + 0.0
}

/// The "inside region" cell: `+754`, `+<1` for a sliver, empty for none.
fn overlap_cell(km2: f64) -> String {
    if km2 >= 0.5 {
        format!("+{}", thousands(km2))
    } else if km2 > 0.0 {
        "+<1".to_owned()
    } else {
        String::new()
    }
}

fn place_name(ds: &Dataset, id: &str) -> String {
    ds.place(id)
        .map_or_else(|| id.to_owned(), |p| p.names.en().to_owned())
}

fn place_kind(ds: &Dataset, id: &str) -> &'static str {
    ds.place(id).map_or("", |p| p.kind.as_str())
}

fn controller_name(ds: &Dataset, id: &str) -> String {
    ds.controller(id)
        .map_or_else(|| id.to_owned(), |c| c.names.en().to_owned())
}

/// One place's figures and state at a date.
struct Row {
    id: String,
    km2: f64,
    overlap: f64,
    full: f64,
    controlled_by: Option<String>,
    changing_to: Option<String>,
    pending_to: Option<String>,
}

fn rows(ds: &Dataset, a: &Areas, date: Date) -> Vec<Row> {
    let states = state_at(ds, date);
    let state_of = crate::model::state::by_id(&states);
    a.by_place
        .iter()
        .map(|(id, km2)| {
            let s = state_of.get(id.as_str()).copied();
            Row {
                id: id.clone(),
                km2: *km2,
                overlap: a.overlap_of(id).unwrap_or(0.0),
                full: a.full_of(id).unwrap_or(*km2),
                controlled_by: s.map(|s| s.controlled_by.clone()),
                changing_to: s.and_then(|s| s.transition.as_ref().map(|t| t.to.clone())),
                pending_to: s.and_then(|s| s.pending.as_ref().map(|p| p.to.clone())),
            }
        })
        .collect()
}

fn pairs(v: &[(String, f64)]) -> Vec<Value> {
    v.iter()
        .map(|(c, km2)| json!({ "controller": c, "km2": r1(*km2) }))
        .collect()
}

/// `stats --date D --json`: see the module documentation for the shape.
#[must_use]
pub fn date_json(ds: &Dataset, a: &Areas, date: Date) -> Value {
    let t = totals_at(ds, a, date);
    let places: Vec<Value> = rows(ds, a, date)
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": place_name(ds, &r.id),
                "kind": place_kind(ds, &r.id),
                "area_km2": r1(r.km2),
                "overlap_km2": r1(r.overlap),
                "full_km2": r1(r.full),
                "controlled_by": r.controlled_by,
                "changing_to": r.changing_to,
                "pending_to": r.pending_to,
            })
        })
        .collect();
    let by_controller: Vec<Value> = t
        .by_controller
        .iter()
        .map(|(c, km2)| json!({ "controller": c, "name": controller_name(ds, c), "km2": r1(*km2) }))
        .collect();
    json!({
        "date": date,
        "unit": "km2",
        "note": AREA_NOTE,
        "places": places,
        "totals": {
            "by_controller": by_controller,
            "changing": pairs(&t.changing),
            "pending_km2": r1(t.pending),
            "all_km2": r1(t.sum()),
        },
    })
}

/// One CSV field, quoted per RFC 4180 when needed.
#[must_use]
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn csv_line(fields: &[String]) -> String {
    let mut line = fields
        .iter()
        .map(|f| csv_field(f))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

fn num(x: f64) -> String {
    format!("{:.1}", r1(x))
}

/// `stats --date D --csv`: see the module documentation for the columns.
#[must_use]
pub fn date_csv(ds: &Dataset, a: &Areas, date: Date) -> String {
    let t = totals_at(ds, a, date);
    let header = [
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
    ]
    .map(str::to_owned);
    let mut out = csv_line(&header);
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    for r in rows(ds, a, date) {
        out.push_str(&csv_line(&[
            date.iso(),
            "place".into(),
            r.id.clone(),
            place_name(ds, &r.id),
            place_kind(ds, &r.id).into(),
            num(r.km2),
            num(r.overlap),
            num(r.full),
            opt(&r.controlled_by),
            opt(&r.changing_to),
            opt(&r.pending_to),
        ]));
    }
    for (c, km2) in &t.by_controller {
        out.push_str(&csv_line(&[
            date.iso(),
            "controller".into(),
            c.clone(),
            controller_name(ds, c),
            String::new(),
            num(*km2),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ]));
    }
    out
}

/// Pad `s` to `w` characters (left-aligned).
fn left(s: &str, w: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(w.saturating_sub(n)))
}

/// Pad `s` to `w` characters (right-aligned).
fn right(s: &str, w: usize) -> String {
    let n = s.chars().count();
    format!("{}{s}", " ".repeat(w.saturating_sub(n)))
}

/// A table: the first row is the header; `numeric[i]` right-aligns column i.
fn table(rows: &[Vec<String>], numeric: &[bool]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in rows {
        let cells: Vec<String> = r
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let w = widths.get(i).copied().unwrap_or(0);
                if numeric.get(i).copied().unwrap_or(false) {
                    right(s, w)
                } else {
                    left(s, w)
                }
            })
            .collect();
        out.push_str("  ");
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

/// The sentence about regions and districts, naming the regions.
fn clipping_note(ds: &Dataset) -> Option<String> {
    let regions: Vec<&str> = ds
        .tracked_places()
        .filter(|p| p.kind == PlaceKind::Region)
        .map(|p| p.names.en())
        .collect();
    (!regions.is_empty()).then(|| {
        format!(
            "A district counts only its part outside {}; the part inside is listed separately, so nothing is counted twice.",
            regions.join(", ")
        )
    })
}

fn footer(ds: &Dataset) -> String {
    let mut out = String::from("\n");
    if let Some(n) = clipping_note(ds) {
        out.push_str(&n);
        out.push('\n');
    }
    out.push_str(AREA_NOTE);
    out.push('\n');
    out
}

fn totals_lines(ds: &Dataset, t: &Totals) -> String {
    let mut rows = vec![vec!["Controller".to_owned(), "km²".to_owned()]];
    for (c, km2) in &t.by_controller {
        rows.push(vec![controller_name(ds, c), thousands(*km2)]);
    }
    rows.push(vec!["All tracked places".to_owned(), thousands(t.sum())]);
    let mut out = table(&rows, &[false, true]);
    for (c, km2) in t.changing.iter().filter(|(_, k)| *k > 0.0) {
        let _ = writeln!(
            out,
            "  of which {} km² changing to {} on a day the sources do not give (counted above for the previous controller)",
            thousands(*km2),
            controller_name(ds, c)
        );
    }
    if t.pending > 0.0 {
        let _ = writeln!(
            out,
            "  of which {} km² with an agreed handover not yet carried out",
            thousands(t.pending)
        );
    }
    out
}

/// `stats --date D` for people: a table of places, then the totals.
#[must_use]
pub fn date_text(ds: &Dataset, a: &Areas, date: Date) -> String {
    let t = totals_at(ds, a, date);
    let mut out = format!("Areas on {} ({date}):\n\n", date.english());
    let mut rows = vec![
        [
            "Place",
            "Id",
            "km²",
            "inside region",
            "whole",
            "Controlled by",
        ]
        .map(str::to_owned)
        .to_vec(),
    ];
    for r in rows_of(ds, a, date) {
        rows.push(r);
    }
    out.push_str(&table(&rows, &[false, false, true, true, true, false]));
    out.push('\n');
    out.push_str(&totals_lines(ds, &t));
    out.push_str(&footer(ds));
    out
}

fn rows_of(ds: &Dataset, a: &Areas, date: Date) -> Vec<Vec<String>> {
    rows(ds, a, date)
        .into_iter()
        .map(|r| {
            let mut ctl = r
                .controlled_by
                .as_deref()
                .map_or_else(|| "(no state)".to_owned(), |c| controller_name(ds, c));
            if let Some(to) = &r.changing_to {
                let _ = write!(
                    ctl,
                    ", changing to {} (no known day)",
                    controller_name(ds, to)
                );
            }
            if let Some(to) = &r.pending_to {
                let _ = write!(ctl, ", handover to {} pending", controller_name(ds, to));
            }
            vec![
                place_name(ds, &r.id),
                r.id.clone(),
                thousands(r.km2),
                overlap_cell(r.overlap),
                thousands(r.full),
                ctl,
            ]
        })
        .collect()
}

/// `stats --json` (no date): see the module documentation for the shape.
#[must_use]
pub fn series_json(ds: &Dataset, a: &Areas) -> Value {
    let s = series(ds, a);
    let steps: Vec<Value> = s
        .points
        .iter()
        .map(|p| {
            json!({
                "index": p.step + 1,
                "id": ds.steps.get(p.step).map(|st| st.id.clone()),
                "date": p.date,
                "by_controller": pairs(&p.totals.by_controller),
                "changing": pairs(&p.totals.changing),
                "pending_km2": r1(p.totals.pending),
            })
        })
        .collect();
    let bands: Vec<Value> = uncertainty_bands(ds, a)
        .iter()
        .map(|b| {
            json!({
                "from": b.from,
                "to": b.to,
                "controller": b.controller,
                "low_km2": r1(b.low_km2),
                "high_km2": r1(b.high_km2),
                "places": b.places,
            })
        })
        .collect();
    let places: Vec<Value> = a
        .by_place
        .iter()
        .map(|(id, km2)| {
            json!({
                "id": id,
                "name": place_name(ds, id),
                "kind": place_kind(ds, id),
                "area_km2": r1(*km2),
                "overlap_km2": r1(a.overlap_of(id).unwrap_or(0.0)),
                "full_km2": r1(a.full_of(id).unwrap_or(*km2)),
            })
        })
        .collect();
    let controllers: Vec<Value> = ds
        .controllers
        .iter()
        .map(|c| json!({ "id": c.id, "name": c.names.en() }))
        .collect();
    json!({
        "unit": "km2",
        "note": AREA_NOTE,
        "controllers": controllers,
        "places": places,
        "all_km2": r1(a.total()),
        "steps": steps,
        "bands": bands,
    })
}

/// The controller ids in the order the series lists them (dataset order).
fn series_controller_ids<'a>(ds: &'a Dataset, s: &'a Series) -> Vec<&'a str> {
    s.points.first().map_or_else(
        || ds.controllers.iter().map(|c| c.id.as_str()).collect(),
        |p| {
            p.totals
                .by_controller
                .iter()
                .map(|(c, _)| c.as_str())
                .collect()
        },
    )
}

/// `stats --csv` (no date): one row per step; see the module documentation.
#[must_use]
pub fn series_csv(ds: &Dataset, a: &Areas) -> String {
    let s = series(ds, a);
    let ids = series_controller_ids(ds, &s);
    let mut header: Vec<String> = ["index", "step", "date"].map(str::to_owned).to_vec();
    header.extend(ids.iter().map(|c| format!("{c}_km2")));
    header.extend(ids.iter().map(|c| format!("changing_to_{c}_km2")));
    header.push("pending_km2".into());
    let mut out = csv_line(&header);
    for p in &s.points {
        let mut row = vec![
            (p.step + 1).to_string(),
            ds.steps
                .get(p.step)
                .map_or_else(String::new, |st| st.id.clone()),
            p.date.iso(),
        ];
        row.extend(ids.iter().map(|c| num(p.totals.held_by(c))));
        row.extend(ids.iter().map(|c| num(p.totals.changing_to(c))));
        row.push(num(p.totals.pending));
        out.push_str(&csv_line(&row));
    }
    out
}

/// `stats` (no date) for people: the places' areas, then the totals at
/// every step, then the uncertain periods.
#[must_use]
pub fn series_text(ds: &Dataset, a: &Areas) -> String {
    let s = series(ds, a);
    let mut out = String::from("Areas of the tracked places (km²):\n\n");
    let mut rows = vec![
        ["Place", "Id", "km²", "inside region", "whole"]
            .map(str::to_owned)
            .to_vec(),
    ];
    for (id, km2) in &a.by_place {
        let overlap = a.overlap_of(id).unwrap_or(0.0);
        rows.push(vec![
            place_name(ds, id),
            id.clone(),
            thousands(*km2),
            overlap_cell(overlap),
            thousands(a.full_of(id).unwrap_or(*km2)),
        ]);
    }
    rows.push(vec![
        "All tracked places".into(),
        String::new(),
        thousands(a.total()),
    ]);
    out.push_str(&table(&rows, &[false, false, true, true, true]));

    out.push_str("\nArea held at each step (km²; unchanged until the next step):\n\n");
    let ids = series_controller_ids(ds, &s);
    let mut header: Vec<String> = ["#", "Step", "Date"].map(str::to_owned).to_vec();
    header.extend(ids.iter().map(|c| controller_name(ds, c)));
    header.push("changing".into());
    header.push("pending".into());
    let mut numeric = vec![true, false, false];
    numeric.extend(ids.iter().map(|_| true));
    numeric.extend([true, true]);
    let mut rows = vec![header];
    for p in &s.points {
        let mut row = vec![
            (p.step + 1).to_string(),
            ds.steps
                .get(p.step)
                .map_or_else(String::new, |st| st.id.clone()),
            p.date.iso(),
        ];
        row.extend(ids.iter().map(|c| thousands(p.totals.held_by(c))));
        row.push(thousands(p.totals.changing_total()));
        row.push(thousands(p.totals.pending));
        rows.push(row);
    }
    out.push_str(&table(&rows, &numeric));
    out.push_str(
        "\n  \"changing\": in transition on a day the sources do not give, counted for the previous controller;\n  \"pending\": an agreed handover not yet carried out, counted for the current controller.\n",
    );

    let bands = uncertainty_bands(ds, a);
    if !bands.is_empty() {
        out.push_str("\nUncertain periods (the sources give no day for these changes):\n");
        for b in &bands {
            let names: Vec<String> = b.places.iter().map(|p| place_name(ds, p)).collect();
            let _ = writeln!(
                out,
                "  {} to {}: {} held between {} and {} km² ({})",
                b.from,
                b.to,
                controller_name(ds, &b.controller),
                thousands(b.low_km2),
                thousands(b.high_km2),
                names.join(", ")
            );
        }
    }
    out.push_str(&footer(ds));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0.4), "0");
        assert_eq!(thousands(999.6), "1,000");
        assert_eq!(thousands(2780.2), "2,780");
        assert_eq!(thousands(1_234_567.0), "1,234,567");
        assert_eq!(thousands(-1234.0), "-1,234");
    }

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
    }
}
