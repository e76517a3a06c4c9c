//! `stats --csv`: CSV output. The quoting is the few lines of
//! [`csv_field`], kept hand-written: every field is a string this module
//! made, so a CSV crate would add a dependency for one function.
//!
//! # CSV
//!
//! RFC 4180 (CRLF line ends, fields quoted when they hold a comma, a quote or
//! a line break), with a header row. With `--date`:
//! `date,record,id,name,kind,area_km2,overlap_km2,full_km2,controlled_by,changing_to,pending_to,basis,claimed_by,extent`,
//! one `place` record per place then one `controller` record per controller
//! (its total in `area_km2`). Without: `index,step,date,<controller>_km2…,
//! changing_to_<controller>_km2…,pending_km2`, one row per step. Numbers are
//! km² with one decimal. The note on where the areas come from goes to
//! standard error, so standard output is nothing but the CSV.

use super::figures::{controller_name, place_kind, place_name, r1, rows, series_controller_ids};
use crate::model::Dataset;
use crate::model::area::{Areas, series, totals_at};
use crate::model::date::Date;

/// One CSV field, quoted per RFC 4180 when needed.
#[must_use]
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// One CSV record, fields quoted as needed, ending in CRLF.
fn csv_line(fields: &[String]) -> String {
    let mut line = fields
        .iter()
        .map(|f| csv_field(f))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// km² with one decimal.
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
        "basis",
        "claimed_by",
        "extent",
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
            r.basis().unwrap_or_default().into(),
            r.claimed_by().unwrap_or_default(),
            r.extent().unwrap_or_default().into(),
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
            String::new(),
            String::new(),
            String::new(),
        ]));
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
    }
}
