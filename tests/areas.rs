//! Issue 6's numbers through the public API: geodesic areas checked against
//! an equal-area projection computed here, totals by controller, the series
//! for the chart, and the comparison of two dates.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use geo::{BooleanOps, MultiPolygon};
use karabakh_atlas::model::area::{
    areas, moved_between, moved_km2, multi_polygon, series, totals_at, tracked_polygons,
    uncertainty_bands,
};
use karabakh_atlas::model::types::PlaceKind;
use karabakh_atlas::model::{Dataset, Date, load_bundled};

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn rel(a: f64, b: f64) -> f64 {
    (a - b).abs() / b.abs()
}

/// Lambert azimuthal equal-area projection on the WGS84 ellipsoid, forward
/// (Snyder, "Map Projections: A Working Manual", 1987, eqs. 3-12, 24-2,
/// 24-11 to 24-21, oblique aspect). Metres.
struct Laea {
    e: f64,
    qp: f64,
    rq: f64,
    d: f64,
    lon0: f64,
    sin_b1: f64,
    cos_b1: f64,
}

const WGS84_A: f64 = 6_378_137.0;
const WGS84_F: f64 = 1.0 / 298.257_223_563;

impl Laea {
    fn new(lon0_deg: f64, lat0_deg: f64) -> Self {
        let a = WGS84_A;
        let e2 = WGS84_F * (2.0 - WGS84_F);
        let e = e2.sqrt();
        let qp = q(e, std::f64::consts::FRAC_PI_2);
        let rq = a * (qp / 2.0).sqrt();
        let phi1 = lat0_deg.to_radians();
        let b1 = (q(e, phi1) / qp).asin();
        let m1 = phi1.cos() / (1.0 - e2 * phi1.sin().powi(2)).sqrt();
        let d = a * m1 / (rq * b1.cos());
        Self {
            e,
            qp,
            rq,
            d,
            lon0: lon0_deg.to_radians(),
            sin_b1: b1.sin(),
            cos_b1: b1.cos(),
        }
    }

    fn forward(&self, lon_deg: f64, lat_deg: f64) -> (f64, f64) {
        let beta = (q(self.e, lat_deg.to_radians()) / self.qp).asin();
        let dl = lon_deg.to_radians() - self.lon0;
        let b = self.rq
            * (2.0 / (1.0 + self.sin_b1 * beta.sin() + self.cos_b1 * beta.cos() * dl.cos())).sqrt();
        let x = b * self.d * beta.cos() * dl.sin();
        let y = (b / self.d) * (self.cos_b1 * beta.sin() - self.sin_b1 * beta.cos() * dl.cos());
        (x, y)
    }

    /// Planar area (km²) of a multipolygon's projection: shoelace on each
    /// ring, outer rings minus holes.
    fn area_km2(&self, mp: &MultiPolygon<f64>) -> f64 {
        let ring = |r: &geo::LineString<f64>| {
            let pts: Vec<(f64, f64)> = r.coords().map(|c| self.forward(c.x, c.y)).collect();
            let twice: f64 = pts
                .windows(2)
                .map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1)
                .sum();
            (twice / 2.0).abs()
        };
        mp.0.iter()
            .map(|p| ring(p.exterior()) - p.interiors().iter().map(ring).sum::<f64>())
            .sum::<f64>()
            / 1.0e6
    }
}

/// Snyder's q (eq. 3-12).
fn q(e: f64, phi: f64) -> f64 {
    let s = phi.sin();
    let e2 = e * e;
    (1.0 - e2) * (s / (1.0 - e2 * s * s) - (1.0 / (2.0 * e)) * ((1.0 - e * s) / (1.0 + e * s)).ln())
}

/// The projection centred on the middle of the tracked places' extent.
fn laea_for(ds: &Dataset) -> Laea {
    let (mut lo_x, mut hi_x, mut lo_y, mut hi_y) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for (_, _, mp) in tracked_polygons(ds) {
        for p in &mp.0 {
            for c in p.exterior().coords() {
                lo_x = lo_x.min(c.x);
                hi_x = hi_x.max(c.x);
                lo_y = lo_y.min(c.y);
                hi_y = hi_y.max(c.y);
            }
        }
    }
    Laea::new((lo_x + hi_x) / 2.0, (lo_y + hi_y) / 2.0)
}

#[test]
fn the_projection_is_equal_area_on_a_known_cell() {
    // A 1°×1° cell at 39–40°N: its exact area on the WGS84 ellipsoid is
    // a²(1−e²)·Δλ·[q(φ2) − q(φ1)]/2, independent of any projection.
    let p = Laea::new(46.5, 39.7);
    let e2 = WGS84_F * (2.0 - WGS84_F);
    let e = e2.sqrt();
    let exact = WGS84_A * WGS84_A * 1f64.to_radians() / 2.0
        * (q(e, 40f64.to_radians()) - q(e, 39f64.to_radians()))
        / 1.0e6;
    // Densify the parallels (straight in lon/lat, curved in the projection).
    let mut ring = Vec::new();
    for i in 0..=100 {
        ring.push((46.0 + f64::from(i) / 100.0, 39.0));
    }
    for i in 0..=100 {
        ring.push((47.0 - f64::from(i) / 100.0, 40.0));
    }
    ring.push((46.0, 39.0));
    let mp = MultiPolygon::new(vec![geo::Polygon::new(ring.into(), vec![])]);
    assert!(
        rel(p.area_km2(&mp), exact) < 1e-4,
        "{} vs {exact}",
        p.area_km2(&mp)
    );
}

#[test]
fn geodesic_areas_agree_with_an_equal_area_projection() {
    let ds = load_bundled().unwrap();
    let a = areas(&ds);
    let laea = laea_for(&ds);
    let polys = tracked_polygons(&ds);
    let regions = polys
        .iter()
        .filter(|(_, k, _)| *k == PlaceKind::Region)
        .fold(MultiPolygon::new(vec![]), |acc, (_, _, mp)| acc.union(mp));
    let mut checked = 0;
    for (id, kind, mp) in &polys {
        // The whole polygon.
        let planar = laea.area_km2(mp);
        let geodesic = a.full_of(id).unwrap();
        assert!(
            rel(geodesic, planar) < 0.01,
            "{id}: geodesic {geodesic:.1} km² vs LAEA {planar:.1} km²"
        );
        eprintln!(
            "{id}: geodesic {geodesic:.2} km², LAEA {planar:.2} km² ({:+.4} %)",
            (geodesic / planar - 1.0) * 100.0
        );
        // The part that counts.
        let counted = if *kind == PlaceKind::Region {
            mp.clone()
        } else {
            mp.difference(&regions)
        };
        let planar = laea.area_km2(&counted);
        let geodesic = a.get(id).unwrap();
        assert!(
            rel(geodesic, planar) < 0.01,
            "{id} (counted part): geodesic {geodesic:.1} km² vs LAEA {planar:.1} km²"
        );
        checked += 1;
    }
    assert_eq!(checked, ds.tracked_places().count());
}

#[test]
fn districts_count_only_their_part_outside_the_region() {
    let ds = load_bundled().unwrap();
    let a = areas(&ds);
    for p in ds.tracked_places() {
        let full = a.full_of(&p.id).unwrap();
        let counted = a.get(&p.id).unwrap();
        let overlap = a.overlap_of(&p.id).unwrap();
        assert!(rel(counted + overlap, full) < 1e-4, "{}", p.id);
        if p.kind == PlaceKind::Region {
            assert_eq!(counted, full);
            let mp = multi_polygon(&ds.map.feature(&p.id).unwrap().shape).unwrap();
            assert!(rel(counted, laea_for(&ds).area_km2(&mp)) < 0.01);
        }
    }
    // Data sanity (figures from DOMAIN.md, not from this code): most of the
    // district overlap is Kalbajar's ~750 km² and Aghdam's ~125 km².
    assert!(rel(a.overlap_of("kalbajar").unwrap(), 750.0) < 0.25);
    assert!(rel(a.overlap_of("aghdam").unwrap(), 125.0) < 0.25);
    // Nothing counted twice: the sum equals the area of the union.
    let union = tracked_polygons(&ds)
        .iter()
        .fold(MultiPolygon::new(vec![]), |acc, (_, _, mp)| acc.union(mp));
    let union_km2 = laea_for(&ds).area_km2(&union);
    assert!(
        rel(a.total(), union_km2) < 0.005,
        "{} vs {union_km2}",
        a.total()
    );
}

#[test]
fn totals_at_every_step_equal_the_sum_of_the_parts() {
    let ds = load_bundled().unwrap();
    let a = areas(&ds);
    let s = series(&ds, &a);
    assert_eq!(s.points.len(), ds.steps.len());
    for (i, p) in s.points.iter().enumerate() {
        assert_eq!(p.step, i);
        assert_eq!(Some(p.date), ds.step_date(i));
        let t = &p.totals;
        let held: f64 = t.by_controller.iter().map(|(_, x)| x).sum();
        assert!(rel(held, a.total()) < 1e-12, "step {i}");
        assert_eq!(t.no_state, 0.0);
        // And per place: each controller's total is the sum of its places.
        let states = karabakh_atlas::model::state::state_at(&ds, p.date);
        for c in &ds.controllers {
            let parts: f64 = states
                .iter()
                .filter(|s| s.controlled_by == c.id)
                .map(|s| a.get(&s.id).unwrap())
                .sum();
            assert!((t.held_by(&c.id) - parts).abs() < 1e-9, "step {i} {}", c.id);
        }
    }
}

#[test]
fn the_series_changes_only_on_step_dates() {
    let ds = load_bundled().unwrap();
    let a = areas(&ds);
    let step_dates: Vec<Date> = (0..ds.steps.len())
        .filter_map(|i| ds.step_date(i))
        .collect();
    let s = series(&ds, &a);
    let mut prev = totals_at(&ds, &a, ds.coverage.from);
    let mut day = ds.coverage.from.add_days(1);
    let mut changes = 0;
    while day <= ds.coverage.to {
        let t = totals_at(&ds, &a, day);
        let same = t.by_controller == prev.by_controller
            && t.changing == prev.changing
            && t.pending == prev.pending;
        if !same {
            changes += 1;
            assert!(
                step_dates.contains(&day),
                "totals change on {day}, not a step date"
            );
        }
        // Flat since the last step on or before this day.
        let last = s.points.iter().rev().find(|p| p.date <= day).unwrap();
        assert_eq!(t.by_controller, last.totals.by_controller, "{day}");
        assert_eq!(t.changing, last.totals.changing, "{day}");
        prev = t;
        day = day.add_days(1);
    }
    assert!(changes >= 5, "{changes}");
}

#[test]
fn the_four_war_districts_are_a_band_not_a_day() {
    let ds = load_bundled().unwrap();
    let a = areas(&ds);
    let bands = uncertainty_bands(&ds, &a);
    let four = ["fuzuli", "jabrayil", "zangilan", "qubadli"];
    let four_km2: f64 = four.iter().map(|id| a.get(id).unwrap()).sum();
    for c in ["azerbaijan", "armenian_forces"] {
        let b = bands
            .iter()
            .find(|b| b.controller == c && b.places == four)
            .unwrap_or_else(|| panic!("no band for {c}: {bands:?}"));
        assert_eq!((b.from, b.to), (d("2020-09-27"), d("2020-11-10")));
        assert!(rel(b.high_km2 - b.low_km2, four_km2) < 1e-9);
        // The step line sits on the band's edges before and after.
        let before = totals_at(&ds, &a, b.from.add_days(-1)).held_by(c);
        let after = totals_at(&ds, &a, b.to).held_by(c);
        assert!((b.low_km2 - before.min(after)).abs() < 1e-6, "{c}");
        assert!((b.high_km2 - before.max(after)).abs() < 1e-6, "{c}");
    }
}

#[test]
fn compare_baseline_with_2_december_2020_lists_the_seven_districts() {
    let ds = load_bundled().unwrap();
    let a = areas(&ds);
    let baseline = ds.step_date(0).unwrap();
    let moved = moved_between(&ds, &a, baseline, d("2020-12-02"));
    let ids: Vec<&str> = moved.iter().map(|m| m.place.as_str()).collect();
    assert_eq!(
        ids,
        [
            "aghdam", "fuzuli", "jabrayil", "zangilan", "qubadli", "lachin", "kalbajar"
        ]
    );
    assert!(!ids.contains(&"nagorno-karabakh"));
    let total = moved_km2(&moved);
    let before = totals_at(&ds, &a, baseline).held_by("azerbaijan");
    let after = totals_at(&ds, &a, d("2020-12-02")).held_by("azerbaijan");
    assert!((total - (after - before)).abs() < 1e-6);
    // Comparing a date with itself moves nothing.
    assert!(moved_between(&ds, &a, baseline, baseline).is_empty());
}
