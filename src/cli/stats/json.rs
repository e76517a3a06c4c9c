//! `stats --json`: JSON output.
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
//!       "pending_to": "azerbaijan",
//!       "basis": "reported",
//!       "claimed_by": null,
//!       "extent": "whole"
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
//!   out (each `null` otherwise). `basis` says how the sources support the
//!   control (`reported`, `claimed` or `inferred`), `claimed_by` names the
//!   claiming controller where the basis is `claimed` (`null` otherwise),
//!   and `extent` is `whole` or `part` (all three `null` with no state).
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

use serde_json::{Value, json};

use super::figures::{controller_name, place_kind, place_name, r1, rows};
use crate::model::Dataset;
use crate::model::area::{AREA_NOTE, Areas, series, totals_at, uncertainty_bands};
use crate::model::date::Date;

/// `v` as pretty-printed JSON with a final line break.
pub(super) fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_else(|_| v.to_string());
    s.push('\n');
    s
}

/// `(controller, km²)` pairs as JSON objects.
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
                "basis": r.basis(),
                "claimed_by": r.claimed_by(),
                "extent": r.extent(),
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
