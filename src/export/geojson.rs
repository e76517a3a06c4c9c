//! GeoJSON (RFC 7946): the map's features with their state at a date, and
//! the whole timeline as one time-enabled file for QGIS's temporal
//! controller.
//!
//! Both are FeatureCollections in WGS84 longitude/latitude with
//! counter-clockwise outer rings and clockwise holes, written one feature per
//! line in a fixed order (byte-identical for the same dataset). Foreign
//! members at the top: `name`, `attribution` (the Natural Earth line), and
//! `date` (snapshot) or `coverage` and `time_fields` (timeline).
//!
//! # Properties of every feature
//!
//! `id` (place or map feature id), `kind` (`district`, `region`, `rayon`,
//! `country`, `line`, `town`), `name` (English), one `name_TAG` per other
//! naming scheme of the dataset (`name_az`, `name_ar`, `name_hy` for the
//! bundled one; null when the feature has no such name), `tracked` (whether
//! the timeline tracks who controls it).
//!
//! # State properties (tracked features; null or false elsewhere)
//!
//! - `controlled_by`, `controlled_by_name`: the last controller the sources
//!   confirm;
//! - `since` (ISO date by which the change had certainly happened),
//!   `since_earliest` (first possible day; equal to `since` unless the
//!   sources give only a range), `since_precision` (`day`, `range`,
//!   `before`), `since_edtf` (the same date in EDTF, with its uncertainty:
//!   `2020-11-20`, `2020-10`, `2020-09-27/2020-11-10`, `2020-11-20~`,
//!   `../2020-09-26`), `since_step` (step id) and `since_step_number`
//!   (1-based);
//! - `citations`: citation ids for the current state;
//! - `basis` (`reported`: a text states it in its own voice; `claimed`: a
//!   party says so; `inferred`: it follows from the sources),
//!   `claimed_by`, `claimed_by_name` and `claim_citations` (claimed only,
//!   null otherwise), `basis_note` (English; null when none) and `extent`
//!   (`whole` or `part` of the place);
//! - `in_transition` and, when true, `transition_to`, `transition_to_name`,
//!   `transition_from_date`, `transition_until_date` (the days within which
//!   a change happened that the sources do not date exactly),
//!   `transition_edtf` (the same in EDTF), `transition_step`;
//! - `pending` and, when true, `pending_to`, `pending_to_name`,
//!   `pending_agreed_at_step`, `pending_disputed`, `pending_basis`,
//!   `pending_deadline` (the
//!   earliest version) and `pending_deadlines` (every version: `date`,
//!   `according_to`, `citations`; in a snapshot also `days_left`).
//!
//! # The timeline (`geojson_timeline`)
//!
//! One feature per tracked place per *period* during which its state
//! (controller, since, transition, pending handover) does not change, with
//! the state properties above plus `start` (first day, inclusive) and `end`
//! (the day after the last, exclusive; QGIS: "Include start, exclude end"),
//! `last_day` (inclusive), `place` (the place id; the feature `id` is
//! `place:start`) and `uncertain` (true while the change's day is unknown,
//! i.e. `in_transition`, or when the period starts at the end of a range,
//! `since_earliest` < `since`). Each place's periods tile the coverage
//! exactly: the first starts on its first day, each ends where the next
//! starts, the last ends the day after its last day. Context features (not
//! tracked) appear once, spanning the whole coverage.

use serde_json::{Map, Value, json};

use crate::model::geometry::{Feature, LonLat, Shape};
use crate::model::state::{PlaceState, place_state_at};
use crate::model::sweep::Sweep;
use crate::model::types::NameTag;
use crate::model::{Dataset, Date};

/// Twice the signed area of a ring (positive when counter-clockwise in
/// lon/lat).
fn signed_area2(ring: &[LonLat]) -> f64 {
    ring.windows(2)
        .map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1])
        .sum()
}

/// The ring with the orientation RFC 7946 asks for: counter-clockwise when
/// `outer`, clockwise for holes.
fn oriented(ring: &[LonLat], outer: bool) -> Vec<LonLat> {
    let ccw = signed_area2(ring) > 0.0;
    let mut r = ring.to_vec();
    if ccw != outer {
        r.reverse();
    }
    r
}

fn polygon_coords(poly: &[Vec<LonLat>]) -> Value {
    Value::Array(
        poly.iter()
            .enumerate()
            .map(|(i, ring)| json!(oriented(ring, i == 0)))
            .collect(),
    )
}

/// The feature's GeoJSON geometry.
#[must_use]
pub fn geometry(f: &Feature) -> Value {
    match &f.shape {
        Shape::Area(polys) if polys.len() == 1 => {
            json!({"type": "Polygon", "coordinates": polygon_coords(&polys[0])})
        }
        Shape::Area(polys) => json!({
            "type": "MultiPolygon",
            "coordinates": polys.iter().map(|p| polygon_coords(p)).collect::<Vec<_>>(),
        }),
        Shape::Lines(lines) if lines.len() == 1 => {
            json!({"type": "LineString", "coordinates": lines[0]})
        }
        Shape::Lines(lines) => json!({"type": "MultiLineString", "coordinates": lines}),
        Shape::Point(p) => json!({"type": "Point", "coordinates": p}),
    }
}

fn controller_name(ds: &Dataset, id: &str) -> Value {
    ds.controller(id)
        .map_or(Value::Null, |c| json!(c.names.en()))
}

/// Id, kind, names, tracked.
fn base_properties(ds: &Dataset, f: &Feature) -> Map<String, Value> {
    let names = ds.place(&f.id).map_or(&f.names, |p| &p.names);
    let tracked = ds.place(&f.id).is_some_and(|p| p.kind.is_tracked());
    let mut m = Map::new();
    m.insert("id".into(), json!(f.id));
    m.insert("kind".into(), json!(f.kind));
    m.insert("name".into(), json!(names.en()));
    for tag in ds
        .naming
        .iter()
        .map(|s| s.tag)
        .filter(|t| *t != NameTag::EN)
    {
        m.insert(format!("name_{tag}"), json!(names.exact(tag.as_str())));
    }
    m.insert("tracked".into(), json!(tracked));
    m
}

/// The state properties (see the module documentation); `date` adds
/// `days_left` to each deadline.
fn state_properties(
    ds: &Dataset,
    s: Option<&PlaceState>,
    date: Option<Date>,
    m: &mut Map<String, Value>,
) {
    let step_number = |id: &str| ds.step_index(id).map(|i| i + 1);
    m.insert(
        "controlled_by".into(),
        json!(s.map(|s| s.controlled_by.as_str())),
    );
    m.insert(
        "controlled_by_name".into(),
        s.map_or(Value::Null, |s| controller_name(ds, &s.controlled_by)),
    );
    m.insert("since".into(), json!(s.map(|s| s.since.end().iso())));
    m.insert(
        "since_earliest".into(),
        json!(s.map(|s| s.since.start().iso())),
    );
    m.insert(
        "since_precision".into(),
        json!(s.map(|s| s.since.precision())),
    );
    m.insert("since_edtf".into(), json!(s.map(|s| s.since.edtf())));
    m.insert("since_step".into(), json!(s.map(|s| s.since_step.as_str())));
    m.insert(
        "since_step_number".into(),
        json!(s.and_then(|s| step_number(&s.since_step))),
    );
    m.insert("citations".into(), json!(s.map(|s| s.citations.clone())));
    let ev = s.map(|s| &s.evidence);
    m.insert("basis".into(), json!(ev.map(|e| e.basis.as_str())));
    let claimed_by = ev.and_then(|e| e.claimed_by.as_deref());
    m.insert("claimed_by".into(), json!(claimed_by));
    m.insert(
        "claimed_by_name".into(),
        claimed_by.map_or(Value::Null, |c| controller_name(ds, c)),
    );
    m.insert(
        "claim_citations".into(),
        json!(
            ev.filter(|e| e.claimed_by.is_some())
                .map(|e| &e.claim_citations)
        ),
    );
    m.insert(
        "basis_note".into(),
        json!(ev.and_then(|e| e.basis_note.as_ref()).map(|n| n.en())),
    );
    m.insert("extent".into(), json!(ev.map(|e| e.reach.as_str())));
    let t = s.and_then(|s| s.transition.as_ref());
    m.insert("in_transition".into(), json!(t.is_some()));
    m.insert("transition_to".into(), json!(t.map(|t| t.to.as_str())));
    m.insert(
        "transition_to_name".into(),
        t.map_or(Value::Null, |t| controller_name(ds, &t.to)),
    );
    m.insert(
        "transition_from_date".into(),
        json!(t.map(|t| t.between.start().iso())),
    );
    // An open end (`2020-09-27/..`) is under way with no last day: null.
    m.insert(
        "transition_until_date".into(),
        json!(t.and_then(|t| (!t.between.has_open_end()).then(|| t.between.end().iso()))),
    );
    m.insert("transition_edtf".into(), json!(t.map(|t| t.between.edtf())));
    m.insert("transition_step".into(), json!(t.map(|t| t.step.as_str())));
    let p = s.and_then(|s| s.pending.as_ref());
    m.insert("pending".into(), json!(p.is_some()));
    m.insert("pending_to".into(), json!(p.map(|p| p.to.as_str())));
    m.insert(
        "pending_to_name".into(),
        p.map_or(Value::Null, |p| controller_name(ds, &p.to)),
    );
    m.insert(
        "pending_agreed_at_step".into(),
        json!(p.map(|p| p.agreed_at_step.as_str())),
    );
    m.insert("pending_disputed".into(), json!(p.map(|p| p.disputed)));
    m.insert(
        "pending_basis".into(),
        json!(p.map(|p| p.evidence.basis.as_str())),
    );
    m.insert(
        "pending_deadline".into(),
        json!(p.and_then(|p| p.deadlines.iter().map(|d| d.date).min().map(Date::iso))),
    );
    m.insert(
        "pending_deadlines".into(),
        p.map_or(Value::Null, |p| {
            Value::Array(
                p.deadlines
                    .iter()
                    .map(|d| {
                        let mut v = json!({
                            "date": d.date.iso(),
                            "according_to": d.according_to.en(),
                            "citations": d.citations,
                        });
                        if let (Some(obj), Some(_)) = (v.as_object_mut(), date) {
                            obj.insert("days_left".into(), json!(d.days_left));
                        }
                        v
                    })
                    .collect(),
            )
        }),
    );
}

fn feature_json(id: &str, properties: Map<String, Value>, geometry: &Value) -> String {
    // Members in the usual order: type, id, properties, geometry.
    let json = |v: &Value| serde_json::to_string(v).unwrap_or_default();
    format!(
        "{{\"type\":\"Feature\",\"id\":{},\"properties\":{},\"geometry\":{}}}",
        json(&json!(id)),
        json(&Value::Object(properties)),
        json(geometry)
    )
}

fn collection(header: &[(&str, Value)], features: &[String]) -> String {
    let mut out = String::from("{\"type\":\"FeatureCollection\"");
    for (k, v) in header {
        out.push_str(&format!(
            ",{}:{}",
            serde_json::to_string(k).unwrap_or_default(),
            serde_json::to_string(v).unwrap_or_default()
        ));
    }
    out.push_str(",\"features\":[\n");
    out.push_str(&features.join(",\n"));
    out.push_str("\n]}\n");
    out
}

/// Every map feature with its state at `date` (tracked places) as
/// properties; see the module documentation.
#[must_use]
pub fn geojson_at(ds: &Dataset, date: Date) -> String {
    let features: Vec<String> = ds
        .map
        .features
        .iter()
        .map(|f| {
            let mut props = base_properties(ds, f);
            props.insert("date".into(), json!(date.iso()));
            let state = ds
                .place(&f.id)
                .filter(|p| p.kind.is_tracked())
                .and_then(|p| place_state_at(ds, p, date));
            state_properties(ds, state.as_ref(), Some(date), &mut props);
            feature_json(&f.id, props, &geometry(f))
        })
        .collect();
    collection(
        &[
            (
                "name",
                json!(format!("{} — state on {}", ds.title.en(), date.iso())),
            ),
            ("date", json!(date.iso())),
            ("attribution", json!(ds.map_attribution.en())),
        ],
        &features,
    )
}

/// What makes two days' states the same period.
fn period_key(s: Option<&PlaceState>) -> Option<(String, String, Option<String>, Option<String>)> {
    s.map(|s| {
        (
            s.controlled_by.clone(),
            s.since.to_string(),
            s.transition
                .as_ref()
                .map(|t| format!("{} {} {}", t.to, t.between, t.step)),
            s.pending
                .as_ref()
                .map(|p| format!("{} {}", p.to, p.agreed_at_step)),
        )
    })
}

/// One place's control periods `(start, last day, state)` over the
/// coverage, in order; days with no state are left out.
#[must_use]
pub fn periods(ds: &Dataset, place_id: &str) -> Vec<(Date, Date, PlaceState)> {
    let Some(place) = ds.place(place_id) else {
        return Vec::new();
    };
    let mut out: Vec<(Date, Date, PlaceState)> = Vec::new();
    let mut sweep = Sweep::new(ds, vec![place]);
    let mut day = ds.coverage.from;
    let mut current: Option<(Date, Date, PlaceState)> = None;
    // From one change to the next: the state holds in between, so a
    // coverage of billions of years costs one visit per change.
    while day <= ds.coverage.to {
        sweep.advance(day, |_, _, _| {});
        let last = match sweep.next_change() {
            Some(next) if next > day && next <= ds.coverage.to => next.add_days(-1),
            _ => ds.coverage.to,
        };
        let s = sweep.state(0).cloned();
        let same = current
            .as_ref()
            .is_some_and(|(_, _, c)| period_key(Some(c)) == period_key(s.as_ref()));
        if same {
            if let Some(c) = current.as_mut() {
                c.1 = last;
            }
        } else {
            out.extend(current.take());
            current = s.map(|s| (day, last, s));
        }
        if last >= ds.coverage.to {
            break;
        }
        day = last.add_days(1);
    }
    out.extend(current);
    out
}

/// The whole timeline in one time-enabled file: one feature per tracked
/// place per control period with `start`/`end` (ISO dates, end exclusive),
/// and the context features over the whole coverage; see the module
/// documentation.
#[must_use]
pub fn geojson_timeline(ds: &Dataset) -> String {
    let (from, to) = (ds.coverage.from, ds.coverage.to);
    let mut features = Vec::new();
    for f in &ds.map.features {
        let tracked = ds.place(&f.id).is_some_and(|p| p.kind.is_tracked());
        let geom = geometry(f);
        if !tracked {
            let mut props = base_properties(ds, f);
            props.insert("place".into(), json!(f.id));
            props.insert("start".into(), json!(from.iso()));
            props.insert("end".into(), json!(to.add_days(1).iso()));
            props.insert("last_day".into(), json!(to.iso()));
            props.insert("uncertain".into(), json!(false));
            state_properties(ds, None, None, &mut props);
            features.push(feature_json(&f.id, props, &geom));
            continue;
        }
        for (start, last, state) in periods(ds, &f.id) {
            let mut props = base_properties(ds, f);
            props.insert("place".into(), json!(f.id));
            props.insert("start".into(), json!(start.iso()));
            props.insert("end".into(), json!(last.add_days(1).iso()));
            props.insert("last_day".into(), json!(last.iso()));
            let uncertain = state.transition.is_some() || state.since.start() < state.since.end();
            props.insert("uncertain".into(), json!(uncertain));
            state_properties(ds, Some(&state), None, &mut props);
            features.push(feature_json(
                &format!("{}:{}", f.id, start.iso()),
                props,
                &geom,
            ));
        }
    }
    collection(
        &[
            ("name", json!(format!("{} — timeline", ds.title.en()))),
            ("coverage", json!({"from": from.iso(), "to": to.iso()})),
            (
                "time_fields",
                json!({"start": "start (inclusive)", "end": "end (exclusive)"}),
            ),
            ("attribution", json!(ds.map_attribution.en())),
        ],
        &features,
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::load_bundled;

    /// The bundled timeline with its coverage starting at the Big Bang and
    /// ending in a billion years: the periods and the uncertainty bands
    /// (which once walked every day, 5 × 10^12 of them) are the same as
    /// over the real coverage, apart from the first period's start and the
    /// last one's end.
    #[test]
    fn periods_over_billions_of_years_jump_from_change_to_change() {
        let ds = load_bundled().unwrap();
        let mut wide = load_bundled().unwrap();
        wide.coverage.from = Date::parse("-13800000000-01-01").unwrap();
        wide.coverage.to = Date::parse("+1000000000-12-31").unwrap();
        for p in ds.tracked_places() {
            let (real, far) = (periods(&ds, &p.id), periods(&wide, &p.id));
            assert_eq!(real.len(), far.len(), "{}", p.id);
            for (i, (r, f)) in real.iter().zip(&far).enumerate() {
                let first = i == 0 && real[0].0 == ds.coverage.from;
                let last = i + 1 == real.len();
                assert!(r.0 == f.0 || first, "{} {i}", p.id);
                assert!(r.1 == f.1 || last, "{} {i}", p.id);
                assert_eq!(period_key(Some(&r.2)), period_key(Some(&f.2)), "{}", p.id);
            }
            assert_eq!(far.last().map(|f| f.1), Some(wide.coverage.to));
        }
        let areas = crate::model::area::areas(&ds);
        assert_eq!(
            crate::model::area::uncertainty_bands(&ds, &areas),
            crate::model::area::uncertainty_bands(&wide, &areas)
        );
    }

    #[test]
    fn rings_are_oriented() {
        let cw = vec![[0.0, 0.0], [0.0, 1.0], [1.0, 1.0], [1.0, 0.0], [0.0, 0.0]];
        assert!(signed_area2(&cw) < 0.0);
        assert!(signed_area2(&oriented(&cw, true)) > 0.0);
        assert!(signed_area2(&oriented(&cw, false)) < 0.0);
    }

    #[test]
    fn periods_tile_the_coverage() {
        let ds = load_bundled().unwrap();
        for p in ds.tracked_places() {
            let ps = periods(&ds, &p.id);
            assert_eq!(ps.first().unwrap().0, ds.coverage.from, "{}", p.id);
            assert_eq!(ps.last().unwrap().1, ds.coverage.to, "{}", p.id);
            for w in ps.windows(2) {
                assert_eq!(w[0].1.add_days(1), w[1].0, "{}", p.id);
            }
        }
        let aghdam = periods(&ds, "aghdam");
        assert!(
            aghdam
                .iter()
                .any(|(s, _, st)| st.controlled_by == "azerbaijan" && s.iso() == "2020-11-20")
        );
    }

    #[test]
    fn the_snapshot_parses() {
        let ds = load_bundled().unwrap();
        let text = geojson_at(&ds, Date::parse("2020-11-21").unwrap());
        let v: Value = serde_json::from_str(&text).unwrap();
        let feats = v["features"].as_array().unwrap();
        assert_eq!(feats.len(), ds.map.features.len());
        let kalbajar = feats.iter().find(|f| f["id"] == "kalbajar").unwrap();
        assert_eq!(kalbajar["properties"]["pending"], true);
        assert_eq!(kalbajar["properties"]["pending_to"], "azerbaijan");
        assert_eq!(kalbajar["properties"]["basis"], "reported");
        assert_eq!(kalbajar["properties"]["pending_basis"], "reported");
        let fuzuli = feats.iter().find(|f| f["id"] == "fuzuli").unwrap();
        assert_eq!(fuzuli["properties"]["basis"], "inferred");
        assert!(fuzuli["properties"]["basis_note"].is_string());
        let nk = feats
            .iter()
            .find(|f| f["id"] == "nagorno-karabakh")
            .unwrap();
        assert_eq!(nk["properties"]["extent"], "part");
        assert!(nk["properties"]["claimed_by"].is_null());
    }

    /// Fuzuli's 2020 change given an open end: in transition from its day
    /// on, with no last day, in the snapshot and in the time-enabled file.
    #[test]
    fn an_open_end_is_a_transition_with_no_last_day() {
        use crate::date::DateSpec;
        let mut ds = load_bundled().unwrap();
        let d = |s| Date::parse(s).unwrap();
        for c in ds.steps.iter_mut().flat_map(|s| &mut s.changes) {
            if c.place == "fuzuli" && c.to == "azerbaijan" {
                c.when = DateSpec::after(d("2020-09-27"));
            }
        }
        let v: Value = serde_json::from_str(&geojson_at(&ds, d("2021-01-01"))).unwrap();
        let feats = v["features"].as_array().unwrap();
        let fuzuli = &feats.iter().find(|f| f["id"] == "fuzuli").unwrap()["properties"];
        assert_eq!(fuzuli["controlled_by"], "armenian_forces");
        assert_eq!(fuzuli["in_transition"], true);
        assert_eq!(fuzuli["transition_from_date"], "2020-09-27");
        assert!(fuzuli["transition_until_date"].is_null(), "{fuzuli}");
        assert_eq!(fuzuli["transition_edtf"], "2020-09-27/..");
        // Its last period runs to the end of the coverage, still in transition.
        let last = periods(&ds, "fuzuli").pop().unwrap();
        assert_eq!((last.0, last.1), (d("2020-09-27"), ds.coverage.to));
        assert!(last.2.transition.is_some());
    }

    #[test]
    fn the_timeline_names_azerbaijans_claim_to_the_region() {
        let ds = load_bundled().unwrap();
        let v: Value = serde_json::from_str(&geojson_timeline(&ds)).unwrap();
        let last = v["features"]
            .as_array()
            .unwrap()
            .iter()
            .rev()
            .find(|f| f["properties"]["place"] == "nagorno-karabakh")
            .unwrap();
        let p = &last["properties"];
        assert_eq!(p["controlled_by"], "azerbaijan");
        assert_eq!(p["basis"], "claimed");
        assert_eq!(p["claimed_by"], "azerbaijan");
        assert_eq!(p["claimed_by_name"], "Azerbaijan");
        assert_eq!(p["claim_citations"], json!(["claims-full-control"]));
        assert_eq!(p["extent"], "whole");
    }
}
