//! Geodesic areas of the tracked places, and the area each controller holds at
//! a date, over the steps, and between two dates.
//!
//! Areas are computed with `geo` on the WGS84 ellipsoid (Karney's geodesic
//! polygon area) from the map's polygons, which are simplified Natural Earth
//! boundaries: every figure here is *computed from the simplified Natural
//! Earth boundaries* and differs from official figures. Say so wherever one is
//! shown ([`AREA_NOTE`]).
//!
//! Regions (kind `region`) are drawn above districts, and districts may
//! overlap them. So that no area is counted twice, a region counts with its
//! full polygon and a district only with its part outside the union of every
//! region's polygon; the part inside is reported separately
//! ([`Areas::overlap_with_regions`]).

use std::collections::{HashMap, HashSet};

use geo::{BooleanOps, Coord, GeodesicArea, LineString, MultiPolygon, Polygon};

use super::date::Date;
use super::geometry::Shape;
use super::state::PlaceState;
use super::state::{by_id, changes_between, state_at};
use super::sweep::Sweep;
use super::types::{Dataset, Place, PlaceKind};

/// The line to show next to any area this module computes.
pub const AREA_NOTE: &str = "Areas are computed from the map's simplified boundaries (geodesic, WGS84); they differ from official figures.";

const M2_PER_KM2: f64 = 1.0e6;

/// The areas of the tracked places, in km², in places.toml order. Only
/// tracked places (districts and regions) with an area shape on the map are
/// listed; the three vectors hold the same ids in the same order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Areas {
    /// The area each place counts with: a region's full polygon, a district's
    /// part outside every region.
    pub by_place: Vec<(String, f64)>,
    /// Each place's full polygon, clipped by nothing.
    pub full: Vec<(String, f64)>,
    /// The part of each place lying inside a region (for a region, 0): for a
    /// district, `full - by_place`.
    pub overlap_with_regions: Vec<(String, f64)>,
}

impl Areas {
    /// The area `id` counts with (km²), if it is listed.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<f64> {
        lookup(&self.by_place, id)
    }

    /// The full area of `id`'s polygon (km²), if it is listed.
    #[must_use]
    pub fn full_of(&self, id: &str) -> Option<f64> {
        lookup(&self.full, id)
    }

    /// The part of `id` inside a region (km²), if it is listed.
    #[must_use]
    pub fn overlap_of(&self, id: &str) -> Option<f64> {
        lookup(&self.overlap_with_regions, id)
    }

    /// The sum of every place's counted area: the area of all tracked places
    /// together, nothing counted twice.
    #[must_use]
    pub fn total(&self) -> f64 {
        self.by_place.iter().map(|(_, a)| a).sum()
    }
}

fn lookup(v: &[(String, f64)], id: &str) -> Option<f64> {
    v.iter().find(|(k, _)| k == id).map(|(_, a)| *a)
}

/// A map shape as a `geo` multipolygon (x = longitude, y = latitude), or
/// `None` for lines and points.
#[must_use]
pub fn multi_polygon(shape: &Shape) -> Option<MultiPolygon<f64>> {
    let Shape::Area(polys) = shape else {
        return None;
    };
    let ring = |r: &Vec<[f64; 2]>| {
        LineString::new(r.iter().map(|&[x, y]| Coord { x, y }).collect::<Vec<_>>())
    };
    Some(MultiPolygon::new(
        polys
            .iter()
            .filter_map(|rings| {
                let (outer, holes) = rings.split_first()?;
                Some(Polygon::new(ring(outer), holes.iter().map(ring).collect()))
            })
            .collect(),
    ))
}

/// The geodesic area of a multipolygon in km², whatever the winding of its
/// rings (each polygon is its outer ring's area less its holes').
#[must_use]
pub fn geodesic_km2(mp: &MultiPolygon<f64>) -> f64 {
    let ring_m2 = |r: &LineString<f64>| {
        Polygon::new(r.clone(), Vec::new())
            .geodesic_area_signed()
            .abs()
    };
    mp.0.iter()
        .map(|p| ring_m2(p.exterior()) - p.interiors().iter().map(ring_m2).sum::<f64>())
        .sum::<f64>()
        / M2_PER_KM2
}

/// The union of several multipolygons.
fn union_all<'a>(parts: impl IntoIterator<Item = &'a MultiPolygon<f64>>) -> MultiPolygon<f64> {
    parts
        .into_iter()
        .fold(MultiPolygon::new(Vec::new()), |acc, p| {
            if acc.0.is_empty() {
                p.clone()
            } else {
                acc.union(p)
            }
        })
}

/// The tracked places' polygons, in places.toml order, with their kind.
#[must_use]
pub fn tracked_polygons(ds: &Dataset) -> Vec<(String, PlaceKind, MultiPolygon<f64>)> {
    ds.tracked_places()
        .filter_map(|p| {
            let mp = multi_polygon(&ds.map.feature(&p.id)?.shape)?;
            Some((p.id.clone(), p.kind, mp))
        })
        .collect()
}

/// The areas of the tracked places: see [`Areas`].
#[must_use]
pub fn areas(ds: &Dataset) -> Areas {
    let polys = tracked_polygons(ds);
    let regions = union_all(
        polys
            .iter()
            .filter(|(_, k, _)| *k == PlaceKind::Region)
            .map(|(_, _, mp)| mp),
    );
    let mut out = Areas::default();
    for (id, kind, mp) in &polys {
        let full = geodesic_km2(mp);
        let (counted, overlap) = if *kind == PlaceKind::Region || regions.0.is_empty() {
            (full, 0.0)
        } else {
            (
                geodesic_km2(&mp.difference(&regions)).max(0.0),
                geodesic_km2(&mp.intersection(&regions)).max(0.0),
            )
        };
        out.by_place.push((id.clone(), counted));
        out.full.push((id.clone(), full));
        out.overlap_with_regions.push((id.clone(), overlap));
    }
    out
}

/// The area each controller holds at a date.
///
/// A place in transition (inside a change's range of days) counts for its
/// last confirmed controller in `by_controller`, as the map colours it, and
/// also in `changing` toward the controller it is passing to: `changing` is
/// part of `by_controller`, never in addition to it. Likewise `pending` (an
/// agreed handover not yet carried out) is part of `by_controller`.
#[derive(Debug, Clone, PartialEq)]
pub struct Totals {
    /// The date.
    pub date: Date,
    /// km² held by each controller, every controller in dataset order (0 when
    /// it holds nothing), then any other controller id found in the states.
    pub by_controller: Vec<(String, f64)>,
    /// km² in transition toward each controller (same order as
    /// `by_controller`).
    pub changing: Vec<(String, f64)>,
    /// km² with an agreed handover not yet carried out.
    pub pending: f64,
    /// km² of tracked places with no state at the date (0 inside the
    /// dataset's coverage).
    pub no_state: f64,
}

impl Totals {
    /// km² held by `controller`.
    #[must_use]
    pub fn held_by(&self, controller: &str) -> f64 {
        lookup(&self.by_controller, controller).unwrap_or(0.0)
    }

    /// km² in transition toward `controller`.
    #[must_use]
    pub fn changing_to(&self, controller: &str) -> f64 {
        lookup(&self.changing, controller).unwrap_or(0.0)
    }

    /// The sum over controllers (equals [`Areas::total`] less `no_state`).
    #[must_use]
    pub fn sum(&self) -> f64 {
        self.by_controller.iter().map(|(_, a)| a).sum()
    }

    /// km² in transition toward any controller.
    #[must_use]
    pub fn changing_total(&self) -> f64 {
        self.changing.iter().map(|(_, a)| a).sum()
    }
}

fn add(v: &mut Vec<(String, f64)>, id: &str, km2: f64) {
    match v.iter_mut().find(|(k, _)| k == id) {
        Some((_, a)) => *a += km2,
        None => v.push((id.to_owned(), km2)),
    }
}

/// Fixed-point units per km² in [`Acc`]: sums of areas in these units are
/// exact in any order, so totals kept up to date place by place (adding and
/// taking away) equal totals summed afresh.
const UNITS_PER_KM2: f64 = 4_294_967_296.0;

fn units(km2: f64) -> i128 {
    (km2 * UNITS_PER_KM2).round() as i128
}

fn km2_of(units: i128) -> f64 {
    units as f64 / UNITS_PER_KM2
}

/// Add `u` to `id`'s entry of `v` (appending it when new).
fn add_units(v: &mut Vec<(String, i128)>, id: &str, u: i128) {
    match v.iter_mut().find(|(k, _)| k == id) {
        Some((_, a)) => *a += u,
        None => v.push((id.to_owned(), u)),
    }
}

/// [`Totals`] being summed, in fixed point.
struct Acc {
    by_controller: Vec<(String, i128)>,
    changing: Vec<(String, i128)>,
    pending: i128,
    no_state: i128,
}

impl Acc {
    fn new(ds: &Dataset) -> Self {
        let zero = || -> Vec<(String, i128)> {
            ds.controllers.iter().map(|c| (c.id.clone(), 0)).collect()
        };
        Self {
            by_controller: zero(),
            changing: zero(),
            pending: 0,
            no_state: 0,
        }
    }

    /// Count (`sign` 1) or stop counting (`sign` -1) a place of `u` units
    /// in `state`.
    fn count(&mut self, state: Option<&PlaceState>, u: i128, sign: i128) {
        let u = u * sign;
        let Some(s) = state else {
            self.no_state += u;
            return;
        };
        add_units(&mut self.by_controller, &s.controlled_by, u);
        if let Some(tr) = &s.transition {
            add_units(&mut self.changing, &tr.to, u);
        }
        if s.pending.is_some() {
            self.pending += u;
        }
    }

    fn totals(&self, date: Date) -> Totals {
        let f = |v: &[(String, i128)]| -> Vec<(String, f64)> {
            v.iter().map(|(k, u)| (k.clone(), km2_of(*u))).collect()
        };
        let mut t = Totals {
            date,
            by_controller: f(&self.by_controller),
            changing: f(&self.changing),
            pending: km2_of(self.pending),
            no_state: km2_of(self.no_state),
        };
        // Keep both lists in the same order.
        for (id, _) in t.by_controller.clone() {
            add(&mut t.changing, &id, 0.0);
        }
        for (id, _) in t.changing.clone() {
            add(&mut t.by_controller, &id, 0.0);
        }
        t
    }
}

/// The totals by controller at `date`: see [`Totals`].
#[must_use]
pub fn totals_at(ds: &Dataset, areas: &Areas, date: Date) -> Totals {
    let states = state_at(ds, date);
    let state_of = by_id(&states);
    let mut acc = Acc::new(ds);
    for (id, km2) in &areas.by_place {
        acc.count(state_of.get(id.as_str()).copied(), units(*km2), 1);
    }
    acc.totals(date)
}

/// The places of `areas` with their areas in fixed-point units, for a
/// [`Sweep`].
fn counted<'a>(ds: &'a Dataset, areas: &Areas) -> (Vec<&'a Place>, Vec<i128>) {
    areas
        .by_place
        .iter()
        .filter_map(|(id, km2)| Some((ds.place(id)?, units(*km2))))
        .unzip()
}

/// The totals at one step.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesPoint {
    /// Step index (0-based, in `ds.steps`).
    pub step: usize,
    /// The step's date ([`Dataset::step_date`]).
    pub date: Date,
    /// The totals at that date.
    pub totals: Totals,
}

/// The totals at every step: between two steps' dates they do not change
/// (every change of state happens on a step's date), so a step line through
/// these points is exact.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// One point per step, in step order.
    pub points: Vec<SeriesPoint>,
}

/// The totals at every step's date, summed once and then kept up to date
/// place by place as the dates pass ([`Sweep`]): linear in the places, their
/// changes and the steps.
#[must_use]
pub fn series(ds: &Dataset, areas: &Areas) -> Series {
    let (places, km2) = counted(ds, areas);
    let mut sweep = Sweep::new(ds, places);
    let mut acc = Acc::new(ds);
    acc.no_state = km2.iter().sum();
    let mut dates: Vec<(Date, usize)> = (0..ds.steps.len())
        .filter_map(|i| Some((ds.step_date(i)?, i)))
        .collect();
    dates.sort_unstable();
    let mut points: Vec<SeriesPoint> = Vec::with_capacity(dates.len());
    for (date, step) in dates {
        sweep.advance(date, |sweep, i, before| {
            let u = km2.get(i).copied().unwrap_or(0);
            acc.count(before.as_ref(), u, -1);
            acc.count(sweep.state(i), u, 1);
        });
        points.push(SeriesPoint {
            step,
            date,
            totals: acc.totals(date),
        });
    }
    points.sort_by_key(|p| p.step);
    Series { points }
}

/// How far a controller's total is uncertain while changes with no known day
/// are under way: on every day from `from` to `to` its area is at least
/// `low_km2` (only what it certainly holds) and at most `high_km2` (also
/// everything passing to it).
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// First day of the range.
    pub from: Date,
    /// Last day of the range (the day the changes had certainly happened;
    /// the last day of the coverage for a change with an open end, which
    /// never certainly has).
    pub to: Date,
    /// The controller.
    pub controller: String,
    /// The least it may have held on a day of the range (km²).
    pub low_km2: f64,
    /// The most it may have held on a day of the range (km²).
    pub high_km2: f64,
    /// The places changing with no known day in that range.
    pub places: Vec<String>,
}

/// What each controller certainly holds, and at most may hold, at a date,
/// in fixed point.
#[derive(Default)]
struct Bounds {
    certain: Vec<(String, i128)>,
    possible: Vec<(String, i128)>,
}

impl Bounds {
    /// Count (`sign` 1) or stop counting (`sign` -1) a place of `u` units
    /// in `state`.
    fn count(&mut self, state: Option<&PlaceState>, u: i128, sign: i128) {
        let Some(s) = state else {
            return;
        };
        add_units(&mut self.possible, &s.controlled_by, u * sign);
        match &s.transition {
            Some(tr) => add_units(&mut self.possible, &tr.to, u * sign),
            None => add_units(&mut self.certain, &s.controlled_by, u * sign),
        }
    }
}

/// The uncertainty bands of the series, for the chart.
///
/// Changes dated by a range of days that overlaps the dataset's coverage
/// are grouped by their range (the four districts taken in the 2020 war share
/// one); the range is clipped to the coverage, so a change with an open end
/// (`2020-09-27/..`) has a band from its day to the end of the coverage. For each group, each
/// controller that gains or loses one of its places gets a band: on a day of
/// the range, a place in transition may already belong to its new controller
/// or still to its old one, so the controller's area lies between what it
/// certainly holds (its total less what is passing away from it) and that
/// plus what is passing to it. The band spans the lowest and highest of these
/// over the range's days.
#[must_use]
pub fn uncertainty_bands(ds: &Dataset, areas: &Areas) -> Vec<Band> {
    let cov = ds.coverage;
    let mut groups: Vec<(Date, Date, Vec<String>)> = Vec::new();
    for c in ds.steps.iter().flat_map(|s| &s.changes) {
        if !c.when.is_uncertain() {
            continue;
        }
        let (from, to) = (c.when.start().max(cov.from), c.when.end().min(cov.to));
        if from > to {
            continue;
        }
        match groups.iter_mut().find(|(f, t, _)| (*f, *t) == (from, to)) {
            Some((_, _, places)) => {
                if !places.contains(&c.place) {
                    places.push(c.place.clone());
                }
            }
            None => groups.push((from, to, vec![c.place.clone()])),
        }
    }
    let area_of: HashMap<&str, f64> = areas
        .by_place
        .iter()
        .map(|(id, km2)| (id.as_str(), *km2))
        .collect();
    let places: Vec<&Place> = ds.tracked_places().collect();
    let index: HashMap<&str, usize> = places
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let km2: Vec<i128> = places
        .iter()
        .map(|p| units(area_of.get(p.id.as_str()).copied().unwrap_or(0.0)))
        .collect();
    // One sweep through the groups in date order (it starts over when a
    // group begins before the previous one's last day).
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by_key(|&g| (groups[g].0, groups[g].1));
    let mut sweep = Sweep::new(ds, places);
    // What each controller certainly holds, and at most may hold, on the
    // sweep's day.
    let mut bounds_now = Bounds::default();
    let mut per_group: Vec<Vec<Band>> = vec![Vec::new(); groups.len()];
    for g in order {
        let (from, to, places) = &groups[g];
        let in_group: HashSet<&str> = places.iter().map(String::as_str).collect();
        // (controller, low, high) over the days of the range.
        let mut bounds: Vec<(String, i128, i128)> = Vec::new();
        let mut involved: Vec<String> = Vec::new();
        let involve = |s: Option<&PlaceState>, involved: &mut Vec<String>| {
            if let Some(s) = s.filter(|s| in_group.contains(s.id.as_str()))
                && let Some(tr) = &s.transition
            {
                for c in [&s.controlled_by, &tr.to] {
                    if !involved.contains(c) {
                        involved.push(c.clone());
                    }
                }
            }
        };
        let mut day = *from;
        while day <= *to {
            sweep.advance(day, |sweep, i, before| {
                let u = km2.get(i).copied().unwrap_or(0);
                bounds_now.count(before.as_ref(), u, -1);
                bounds_now.count(sweep.state(i), u, 1);
                if day > *from {
                    involve(sweep.state(i), &mut involved);
                }
            });
            if day == *from {
                // Places of the group already in transition on its first day.
                for id in places {
                    if let Some(&i) = index.get(id.as_str()) {
                        involve(sweep.state(i), &mut involved);
                    }
                }
            }
            for c in ds.controllers.iter().map(|c| &c.id).chain(&involved) {
                let get =
                    |v: &[(String, i128)]| v.iter().find(|(k, _)| k == c).map_or(0, |(_, u)| *u);
                let (lo, hi) = (get(&bounds_now.certain), get(&bounds_now.possible));
                match bounds.iter_mut().find(|(k, _, _)| k == c) {
                    Some((_, l, h)) => {
                        *l = (*l).min(lo);
                        *h = (*h).max(hi);
                    }
                    None => bounds.push((c.clone(), lo, hi)),
                }
            }
            // Every state holds until the next change: jump to it, so a
            // range of billions of years costs one visit per change.
            match sweep.next_change() {
                Some(next) if next > day && next <= *to => day = next,
                _ => break,
            }
        }
        for (controller, low, high) in bounds {
            if involved.contains(&controller) && high > low {
                per_group[g].push(Band {
                    from: *from,
                    to: *to,
                    controller,
                    low_km2: km2_of(low),
                    high_km2: km2_of(high),
                    places: places.clone(),
                });
            }
        }
    }
    per_group.into_iter().flatten().collect()
}

/// A tracked place whose state differs between two dates.
#[derive(Debug, Clone, PartialEq)]
pub struct Moved {
    /// Place id.
    pub place: String,
    /// Its controller at the earlier date (empty if it had no state then).
    pub from: String,
    /// Its controller at the later date.
    pub to: String,
    /// Its area (km², as counted in [`Areas::by_place`]).
    pub km2: f64,
    /// Whether the controller changed; if not, only a pending handover or a
    /// transition did, and the area did not move.
    pub controller_changed: bool,
}

/// The places whose controller, pending handover or transition differs
/// between `from` and `to` ([`changes_between`]), in places.toml order, with
/// their areas. The area that moved is [`moved_km2`] of the result.
#[must_use]
pub fn moved_between(ds: &Dataset, areas: &Areas, from: Date, to: Date) -> Vec<Moved> {
    changes_between(ds, from, to)
        .into_iter()
        .map(|c| Moved {
            km2: areas.get(&c.id).unwrap_or(0.0),
            controller_changed: c.controller_changed(),
            from: c
                .before
                .as_ref()
                .map_or_else(String::new, |b| b.controlled_by.clone()),
            to: c.after.controlled_by.clone(),
            place: c.id,
        })
        .collect()
}

/// The area whose controller changed, among `moved` (km²).
#[must_use]
pub fn moved_km2(moved: &[Moved]) -> f64 {
    moved
        .iter()
        .filter(|m| m.controller_changed)
        .map(|m| m.km2)
        .sum()
}

/// A whole number of km² with thousands separators: `2,781`.
#[must_use]
pub fn thousands(km2: f64) -> String {
    let n = km2.round();
    let digits = format!("{:.0}", n.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0.0 {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::model::load_bundled;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn rel(a: f64, b: f64) -> f64 {
        (a - b).abs() / b.abs().max(1e-9)
    }

    #[test]
    fn clipped_plus_overlap_is_the_full_area() {
        let ds = load_bundled().unwrap();
        let a = areas(&ds);
        assert_eq!(a.by_place.len(), ds.tracked_places().count());
        for (id, full) in &a.full {
            let clipped = a.get(id).unwrap();
            let overlap = a.overlap_of(id).unwrap();
            assert!(clipped > 0.0 && overlap >= 0.0, "{id}");
            assert!(
                rel(clipped + overlap, *full) < 1e-4,
                "{id}: {clipped} + {overlap} != {full}"
            );
        }
    }

    #[test]
    fn a_region_counts_with_its_whole_polygon() {
        let ds = load_bundled().unwrap();
        let a = areas(&ds);
        for p in ds.tracked_places().filter(|p| p.kind == PlaceKind::Region) {
            let mp = multi_polygon(&ds.map.feature(&p.id).unwrap().shape).unwrap();
            assert_eq!(a.get(&p.id), Some(geodesic_km2(&mp)));
            assert_eq!(a.overlap_of(&p.id), Some(0.0));
        }
    }

    #[test]
    fn nothing_is_counted_twice() {
        let ds = load_bundled().unwrap();
        let a = areas(&ds);
        let polys = tracked_polygons(&ds);
        let union = union_all(polys.iter().map(|(_, _, mp)| mp));
        let union_km2 = geodesic_km2(&union);
        assert!(
            rel(a.total(), union_km2) < 0.005,
            "sum {} vs union {union_km2}",
            a.total()
        );
        // And the districts really do overlap the region, so clipping matters.
        let full_sum: f64 = a.full.iter().map(|(_, x)| x).sum();
        assert!(full_sum > union_km2 * 1.02, "{full_sum} vs {union_km2}");
    }

    #[test]
    fn areas_are_plausible() {
        // Data sanity check: these reference figures come from DOMAIN.md (the
        // geodesic areas of the simplified Natural Earth polygons quoted
        // there), not from this code's output; ±15 %.
        let ds = load_bundled().unwrap();
        let a = areas(&ds);
        for (id, expected) in [("kalbajar", 2780.0), ("lachin", 1765.0), ("aghdam", 1050.0)] {
            let full = a.full_of(id).unwrap();
            assert!(rel(full, expected) < 0.15, "{id}: {full} km²");
        }
        // DOMAIN.md: ~750 km² of the former oblast lie in Kalbajar.
        let k = a.overlap_of("kalbajar").unwrap();
        assert!(rel(k, 750.0) < 0.25, "kalbajar overlap {k}");
    }

    #[test]
    fn totals_at_every_step_sum_to_all_places() {
        let ds = load_bundled().unwrap();
        let a = areas(&ds);
        let s = series(&ds, &a);
        assert_eq!(s.points.len(), ds.steps.len());
        for p in &s.points {
            assert_eq!(p.totals.no_state, 0.0, "{}", p.date);
            assert!(rel(p.totals.sum(), a.total()) < 1e-12, "{}", p.date);
            assert!(p.totals.changing_total() <= p.totals.sum());
            assert_eq!(
                p.totals
                    .by_controller
                    .iter()
                    .map(|(c, _)| c)
                    .collect::<Vec<_>>(),
                p.totals.changing.iter().map(|(c, _)| c).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn the_series_is_flat_between_step_dates() {
        let ds = load_bundled().unwrap();
        let a = areas(&ds);
        let s = series(&ds, &a);
        let mut ends: Vec<Date> = s.points.iter().map(|p| p.date).collect();
        ends.push(ds.coverage.to.add_days(1));
        for (p, next) in s.points.iter().zip(ends.iter().skip(1)) {
            let mut day = p.date.add_days(1);
            while day < *next {
                let t = totals_at(&ds, &a, day);
                assert_eq!(t.by_controller, p.totals.by_controller, "{day}");
                assert_eq!(t.changing, p.totals.changing, "{day}");
                assert_eq!(t.pending, p.totals.pending, "{day}");
                day = day.add_days(1);
            }
        }
        // And it does move: the first and last points differ.
        let (first, last) = (&s.points[0].totals, &s.points[s.points.len() - 1].totals);
        assert!(first.held_by("azerbaijan") < last.held_by("azerbaijan"));
    }

    #[test]
    fn a_change_in_transition_counts_for_the_old_controller_and_as_changing() {
        let ds = load_bundled().unwrap();
        let a = areas(&ds);
        let t = totals_at(&ds, &a, d("2020-10-15"));
        let four: f64 = ["fuzuli", "jabrayil", "zangilan", "qubadli"]
            .iter()
            .map(|id| a.get(id).unwrap())
            .sum();
        assert!(rel(t.changing_to("azerbaijan"), four) < 1e-12);
        assert_eq!(t.changing_to("armenian_forces"), 0.0);
        let before = totals_at(&ds, &a, d("2020-09-26"));
        assert_eq!(t.held_by("azerbaijan"), before.held_by("azerbaijan"));
    }

    #[test]
    fn the_war_band_spans_the_four_districts() {
        let ds = load_bundled().unwrap();
        let a = areas(&ds);
        let bands = uncertainty_bands(&ds, &a);
        let war = bands
            .iter()
            .find(|b| b.controller == "azerbaijan" && b.from == d("2020-09-27"))
            .unwrap();
        assert_eq!(war.to, d("2020-11-10"));
        assert_eq!(war.places, ["fuzuli", "jabrayil", "zangilan", "qubadli"]);
        let four: f64 = war.places.iter().map(|id| a.get(id).unwrap()).sum();
        assert!(rel(war.high_km2 - war.low_km2, four) < 1e-9);
        // Nothing from before the coverage.
        assert!(bands.iter().all(|b| b.from >= ds.coverage.from));
    }

    #[test]
    fn compare_from_the_baseline_lists_the_seven_districts() {
        let ds = load_bundled().unwrap();
        let a = areas(&ds);
        let moved = moved_between(&ds, &a, d("2020-09-26"), d("2020-12-02"));
        let ids: Vec<&str> = moved.iter().map(|m| m.place.as_str()).collect();
        assert_eq!(
            ids,
            [
                "aghdam", "fuzuli", "jabrayil", "zangilan", "qubadli", "lachin", "kalbajar"
            ]
        );
        assert!(
            moved.iter().all(|m| m.controller_changed
                && m.from == "armenian_forces"
                && m.to == "azerbaijan")
        );
        let districts: f64 = ids.iter().map(|id| a.get(id).unwrap()).sum();
        assert!(rel(moved_km2(&moved), districts) < 1e-12);
    }
}
