//! `stats` for people: aligned tables of places and totals, the totals at
//! every step, the uncertain periods, and the notes on where the areas come
//! from. The column alignment (`table`) is kept hand-written: it pads by
//! characters for a fixed, small set of tables, which a table crate would
//! not make shorter.

use std::fmt::Write as _;

use super::figures::{controller_name, place_name, rows, series_controller_ids};
use crate::i18n::format::DateWords;
use crate::model::Dataset;
use crate::model::area::thousands;
use crate::model::area::{AREA_NOTE, Areas, Totals, series, totals_at, uncertainty_bands};
use crate::model::date::Date;
use crate::model::types::PlaceKind;
use crate::scene::evidence::evidence_brief;

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

/// The notes after a table: how districts and regions are counted, and
/// where the areas come from.
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

/// The totals at a date as a table, with what is changing or pending.
fn totals_lines(ds: &Dataset, t: &Totals) -> String {
    let mut rows = vec![vec!["Controller".to_owned(), "km²".to_owned()]];
    for (c, km2) in &t.by_controller {
        rows.push(vec![controller_name(ds, c), thousands(*km2)]);
    }
    rows.push(vec!["All tracked places".to_owned(), thousands(t.sum())]);
    let mut out = table(&rows, &[false, true]);
    for (c, km2) in t.changing.iter().filter(|(_, k)| *k > 0.0) {
        // Writing to a String cannot fail.
        let _ = writeln!(
            out,
            "  of which {} km² changing to {} on a day the sources do not give (counted above for the previous controller)",
            thousands(*km2),
            controller_name(ds, c)
        );
    }
    if t.pending > 0.0 {
        // Writing to a String cannot fail.
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

/// The table rows of `stats --date D`: one per place.
fn rows_of(ds: &Dataset, a: &Areas, date: Date) -> Vec<Vec<String>> {
    rows(ds, a, date)
        .into_iter()
        .map(|r| {
            let mut ctl = r
                .controlled_by
                .as_deref()
                .map_or_else(|| "(no state)".to_owned(), |c| controller_name(ds, c));
            if let Some(to) = &r.changing_to {
                // Writing to a String cannot fail.
                let _ = write!(
                    ctl,
                    ", changing to {} (no known day)",
                    controller_name(ds, to)
                );
            }
            if let Some(to) = &r.pending_to {
                // Writing to a String cannot fail.
                let _ = write!(ctl, ", handover to {} pending", controller_name(ds, to));
            }
            if let Some(words) = r
                .evidence
                .as_ref()
                .and_then(|e| evidence_brief(ds, e, crate::i18n::Locale::EN))
            {
                // Writing to a String cannot fail.
                let _ = write!(ctl, " ({words})");
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
            // Writing to a String cannot fail.
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
}
