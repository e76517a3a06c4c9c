//! Clipping polygons and lines to an axis-aligned longitude/latitude box.
//!
//! Polygons are clipped by walking the box boundary (a Weiler–Atherton walk
//! specialised to a rectangle): every ring is cut into the runs that lie in
//! the box; each run starts and ends on the box boundary; the runs are then
//! joined by walking counter-clockwise along the boundary, taking the box
//! corners passed on the way. Unlike Sutherland–Hodgman this never produces
//! zero-width bridges along the box edge: a polygon that leaves and re-enters
//! the box becomes several polygons. Rings wholly inside the box are kept
//! as they are; holes are given to the output polygon that contains them.
//!
//! Lines are clipped segment by segment (Liang–Barsky).

use super::geom::{Geometry, Polygon, Position, Ring, orient_polygon, point_in_ring, signed_area2};

/// An axis-aligned box in WGS84 degrees.
#[derive(Debug, Clone, Copy, PartialEq, serde::Deserialize)]
pub struct BBox {
    /// Western edge (longitude).
    pub min_lon: f64,
    /// Southern edge (latitude).
    pub min_lat: f64,
    /// Eastern edge (longitude).
    pub max_lon: f64,
    /// Northern edge (latitude).
    pub max_lat: f64,
}

/// Why a geometry could not be clipped.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ClipError {
    /// The box is empty or not finite.
    #[error("invalid clipping box {0:?}")]
    BadBox(BBox),
    /// Joining the runs along the boundary did not terminate.
    #[error("clipping failed: boundary walk did not close (invalid input polygon?)")]
    WalkFailed,
    /// A hole inside the box lies in none of the clipped outer rings.
    #[error(
        "clipping failed: a hole lies outside every clipped outer ring (invalid input polygon?)"
    )]
    OrphanHole,
}

impl BBox {
    /// Whether the box is finite and has positive width and height.
    #[must_use]
    pub fn is_valid(&self) -> bool {
        [self.min_lon, self.min_lat, self.max_lon, self.max_lat]
            .iter()
            .all(|v| v.is_finite())
            && self.min_lon < self.max_lon
            && self.min_lat < self.max_lat
    }

    /// Whether a position lies in the closed box.
    #[must_use]
    pub fn contains(&self, p: Position) -> bool {
        p[0] >= self.min_lon && p[0] <= self.max_lon && p[1] >= self.min_lat && p[1] <= self.max_lat
    }

    /// The box as a closed counter-clockwise ring.
    #[must_use]
    pub fn ring(&self) -> Ring {
        vec![
            [self.min_lon, self.min_lat],
            [self.max_lon, self.min_lat],
            [self.max_lon, self.max_lat],
            [self.min_lon, self.max_lat],
            [self.min_lon, self.min_lat],
        ]
    }

    fn centre(&self) -> Position {
        [
            (self.min_lon + self.max_lon) / 2.0,
            (self.min_lat + self.max_lat) / 2.0,
        ]
    }

    /// Clamp a position into the box and snap values within a hair of an
    /// edge onto it, so that computed intersections lie exactly on the edge.
    fn snap(&self, p: Position) -> Position {
        const EPS: f64 = 1e-12;
        let fix = |v: f64, lo: f64, hi: f64| {
            let v = v.clamp(lo, hi);
            if (v - lo).abs() < EPS {
                lo
            } else if (hi - v).abs() < EPS {
                hi
            } else {
                v
            }
        };
        [
            fix(p[0], self.min_lon, self.max_lon),
            fix(p[1], self.min_lat, self.max_lat),
        ]
    }

    /// Position along the boundary, counter-clockwise from the south-west
    /// corner: 0..1 south edge, 1..2 east, 2..3 north, 3..4 west.
    fn perimeter_param(&self, p: Position) -> f64 {
        let w = self.max_lon - self.min_lon;
        let h = self.max_lat - self.min_lat;
        let d = [
            (p[1] - self.min_lat).abs(),
            (p[0] - self.max_lon).abs(),
            (p[1] - self.max_lat).abs(),
            (p[0] - self.min_lon).abs(),
        ];
        let mut edge = 0;
        for (i, v) in d.iter().enumerate() {
            if *v < d[edge] {
                edge = i;
            }
        }
        let t = match edge {
            0 => (p[0] - self.min_lon) / w,
            1 => 1.0 + (p[1] - self.min_lat) / h,
            2 => 2.0 + (self.max_lon - p[0]) / w,
            _ => 3.0 + (self.max_lat - p[1]) / h,
        };
        t.clamp(0.0, 4.0).rem_euclid(4.0)
    }

    fn corner(&self, k: usize) -> Position {
        match k % 4 {
            0 => [self.min_lon, self.min_lat],
            1 => [self.max_lon, self.min_lat],
            2 => [self.max_lon, self.max_lat],
            _ => [self.min_lon, self.max_lat],
        }
    }
}

/// Liang–Barsky: the parameter interval of segment `a`→`b` inside the box.
fn segment_interval(a: Position, b: Position, bb: &BBox) -> Option<(f64, f64)> {
    let dx = b[0] - a[0];
    let dy = b[1] - a[1];
    let mut t0 = 0.0f64;
    let mut t1 = 1.0f64;
    for (p, q) in [
        (-dx, a[0] - bb.min_lon),
        (dx, bb.max_lon - a[0]),
        (-dy, a[1] - bb.min_lat),
        (dy, bb.max_lat - a[1]),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let r = q / p;
            if p < 0.0 {
                if r > t1 {
                    return None;
                }
                t0 = t0.max(r);
            } else {
                if r < t0 {
                    return None;
                }
                t1 = t1.min(r);
            }
        }
    }
    Some((t0, t1))
}

fn lerp(a: Position, b: Position, t: f64, bb: &BBox) -> Position {
    if t <= 0.0 {
        a
    } else if t >= 1.0 {
        b
    } else {
        bb.snap([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t])
    }
}

/// The runs of a path that lie inside the box (each a maximal connected
/// stretch); the boolean tells whether the whole path lies inside.
fn runs(path: &[Position], bb: &BBox) -> (Vec<Vec<Position>>, bool) {
    let mut out: Vec<Vec<Position>> = Vec::new();
    let mut cur: Option<Vec<Position>> = None;
    let mut all_inside = true;
    for w in path.windows(2) {
        let (a, b) = (w[0], w[1]);
        match segment_interval(a, b, bb) {
            Some((t0, t1)) if t1 > t0 => {
                if t0 > 0.0 || t1 < 1.0 {
                    all_inside = false;
                }
                let pa = lerp(a, b, t0, bb);
                let pb = lerp(a, b, t1, bb);
                match cur.as_mut() {
                    Some(run) if t0 <= 0.0 => run.push(pb),
                    _ => {
                        out.extend(cur.take());
                        cur = Some(vec![pa, pb]);
                    }
                }
                if t1 < 1.0 {
                    out.extend(cur.take());
                }
            }
            _ => {
                all_inside = false;
                out.extend(cur.take());
            }
        }
    }
    out.extend(cur);
    (out, all_inside)
}

/// Clip an open line to the box; returns the parts inside, in order.
#[must_use]
pub fn clip_line(line: &[Position], bb: &BBox) -> Vec<Vec<Position>> {
    let (parts, _) = runs(line, bb);
    parts
        .into_iter()
        .map(|p| dedup(&p))
        .filter(|p| p.len() >= 2)
        .collect()
}

fn dedup(path: &[Position]) -> Vec<Position> {
    let mut out: Vec<Position> = Vec::with_capacity(path.len());
    for &p in path {
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    out
}

enum RingCut {
    /// The ring lies wholly in the box.
    Inside,
    /// The ring does not enter the box interior.
    Outside,
    /// The runs of the ring inside the box, each from boundary to boundary.
    Runs(Vec<Vec<Position>>),
}

fn cut_ring(ring: &[Position], bb: &BBox) -> RingCut {
    let (mut parts, all_inside) = runs(ring, bb);
    if all_inside {
        return RingCut::Inside;
    }
    // A closed ring may have its first run continue the last one.
    if parts.len() >= 2 {
        let first_starts_at_vertex = parts
            .first()
            .and_then(|p| p.first())
            .is_some_and(|p| Some(p) == ring.first());
        let last_ends_at_vertex = parts
            .last()
            .and_then(|p| p.last())
            .is_some_and(|p| Some(p) == ring.last());
        if first_starts_at_vertex && last_ends_at_vertex {
            let first = parts.remove(0);
            if let Some(last) = parts.last_mut() {
                last.extend_from_slice(&first[1..]);
            }
        }
    }
    let parts: Vec<Vec<Position>> = parts
        .into_iter()
        .map(|p| dedup(&p))
        .filter(|p| p.len() >= 2)
        .collect();
    if parts.is_empty() {
        RingCut::Outside
    } else {
        RingCut::Runs(parts)
    }
}

/// Join runs into closed rings by walking the box boundary counter-clockwise.
fn walk(runs: &[Vec<Position>], bb: &BBox) -> Result<Vec<Ring>, ClipError> {
    let starts: Vec<f64> = runs
        .iter()
        .map(|r| r.first().map_or(0.0, |&p| bb.perimeter_param(p)))
        .collect();
    let ends: Vec<f64> = runs
        .iter()
        .map(|r| r.last().map_or(0.0, |&p| bb.perimeter_param(p)))
        .collect();
    let mut used = vec![false; runs.len()];
    let mut rings = Vec::new();
    for first in 0..runs.len() {
        if used[first] {
            continue;
        }
        let mut ring: Ring = Vec::new();
        let mut cur = first;
        let mut steps = 0;
        loop {
            steps += 1;
            if steps > runs.len() + 1 {
                return Err(ClipError::WalkFailed);
            }
            used[cur] = true;
            ring.extend_from_slice(&runs[cur]);
            let exit = ends[cur];
            // The next run to start counter-clockwise from the exit point.
            let mut next: Option<(usize, f64)> = None;
            for j in 0..runs.len() {
                if used[j] && j != first {
                    continue;
                }
                let d = (starts[j] - exit).rem_euclid(4.0);
                if next.is_none_or(|(_, bd)| d < bd) {
                    next = Some((j, d));
                }
            }
            let Some((j, d)) = next else {
                return Err(ClipError::WalkFailed);
            };
            // Box corners passed between the exit and the next start.
            let mut corners: Vec<(f64, usize)> = (0..4)
                .map(|k| {
                    #[allow(clippy::cast_precision_loss)]
                    let kf = k as f64;
                    ((kf - exit).rem_euclid(4.0), k)
                })
                .filter(|&(dc, _)| dc > 0.0 && dc < d)
                .collect();
            corners.sort_by(|a, b| a.0.total_cmp(&b.0));
            ring.extend(corners.iter().map(|&(_, k)| bb.corner(k)));
            if j == first {
                if let Some(&p0) = ring.first() {
                    ring.push(p0);
                }
                break;
            }
            cur = j;
        }
        let ring = dedup(&ring);
        if ring.len() >= 4 && signed_area2(&ring) > 0.0 {
            rings.push(ring);
        }
    }
    Ok(rings)
}

/// Clip one polygon to the box. The result may be empty, or several
/// polygons where the input leaves and re-enters the box. Output rings are
/// oriented per RFC 7946 (outer counter-clockwise, holes clockwise).
///
/// # Errors
/// On an invalid box, or on input so invalid that the boundary walk fails.
pub fn clip_polygon(polygon: &Polygon, bb: &BBox) -> Result<Vec<Polygon>, ClipError> {
    if !bb.is_valid() {
        return Err(ClipError::BadBox(*bb));
    }
    let mut poly = polygon.clone();
    orient_polygon(&mut poly);
    let Some((outer, holes)) = poly.split_first() else {
        return Ok(Vec::new());
    };
    let mut all_runs: Vec<Vec<Position>> = Vec::new();
    let mut outers: Vec<Ring> = Vec::new();
    let mut inner_holes: Vec<&Ring> = Vec::new();
    let mut outer_covers_box = false;
    let mut hole_covers_box = false;
    match cut_ring(outer, bb) {
        RingCut::Inside => outers.push(outer.clone()),
        RingCut::Outside => outer_covers_box = point_in_ring(bb.centre(), outer),
        RingCut::Runs(r) => all_runs.extend(r),
    }
    for h in holes {
        match cut_ring(h, bb) {
            RingCut::Inside => inner_holes.push(h),
            RingCut::Outside => hole_covers_box |= point_in_ring(bb.centre(), h),
            RingCut::Runs(r) => all_runs.extend(r),
        }
    }
    if !all_runs.is_empty() {
        outers.extend(walk(&all_runs, bb)?);
    } else if outer_covers_box && !hole_covers_box {
        outers.push(bb.ring());
    }
    let mut out: Vec<Polygon> = outers.into_iter().map(|o| vec![o]).collect();
    for h in inner_holes {
        let probe = h.first().copied().unwrap_or_default();
        match out.iter_mut().find(|p| point_in_ring(probe, &p[0])) {
            Some(p) => p.push(h.clone()),
            None => return Err(ClipError::OrphanHole),
        }
    }
    for p in &mut out {
        orient_polygon(p);
    }
    Ok(out)
}

/// Clip any geometry to the box. Returns `Ok(None)` if nothing remains.
/// Polygons become a `Polygon` or `MultiPolygon` depending on how many
/// pieces remain; lines a `LineString` or `MultiLineString`.
///
/// # Errors
/// See [`clip_polygon`].
pub fn clip_geometry(geometry: &Geometry, bb: &BBox) -> Result<Option<Geometry>, ClipError> {
    if !bb.is_valid() {
        return Err(ClipError::BadBox(*bb));
    }
    let lines = |ls: &[Vec<Position>]| {
        let parts: Vec<Vec<Position>> = ls.iter().flat_map(|l| clip_line(l, bb)).collect();
        match parts.len() {
            0 => None,
            1 => parts.into_iter().next().map(Geometry::LineString),
            _ => Some(Geometry::MultiLineString(parts)),
        }
    };
    Ok(match geometry {
        Geometry::Point(p) => bb.contains(*p).then_some(Geometry::Point(*p)),
        Geometry::LineString(l) => lines(std::slice::from_ref(l)),
        Geometry::MultiLineString(ls) => lines(ls),
        Geometry::Polygon(_) | Geometry::MultiPolygon(_) => {
            let mut parts = Vec::new();
            for p in geometry.polygons() {
                parts.extend(clip_polygon(p, bb)?);
            }
            match parts.len() {
                0 => None,
                1 => parts.into_iter().next().map(Geometry::Polygon),
                _ => Some(Geometry::MultiPolygon(parts)),
            }
        }
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::import::geom::is_ccw;

    const BB: BBox = BBox {
        min_lon: 0.0,
        min_lat: 0.0,
        max_lon: 10.0,
        max_lat: 10.0,
    };

    fn area(p: &Polygon) -> f64 {
        p.iter().map(|r| signed_area2(r) / 2.0).sum()
    }

    fn rect(x0: f64, y0: f64, x1: f64, y1: f64) -> Ring {
        vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]
    }

    #[test]
    fn polygon_inside_is_unchanged_but_oriented() {
        let mut r = rect(1.0, 1.0, 2.0, 2.0);
        r.reverse();
        let out = clip_polygon(&vec![r], &BB).unwrap();
        assert_eq!(out, vec![vec![rect(1.0, 1.0, 2.0, 2.0)]]);
    }

    #[test]
    fn square_crossing_one_edge_is_cut_at_the_edge() {
        let out = clip_polygon(&vec![rect(8.0, 2.0, 12.0, 4.0)], &BB).unwrap();
        assert_eq!(out.len(), 1);
        assert!((area(&out[0]) - 4.0).abs() < 1e-12);
        assert!(out[0][0].iter().all(|&p| BB.contains(p)));
        assert!(is_ccw(&out[0][0]));
    }

    #[test]
    fn u_shape_leaving_and_reentering_becomes_two_polygons() {
        // A "U" opening to the north whose arms poke out of the top edge,
        // joined by a bar above the box: inside the box it is a U, which is
        // one polygon; flipped (bar inside), the arms give two pieces.
        let u_upside_down = vec![vec![
            [2.0, 8.0],
            [8.0, 8.0],
            [8.0, 12.0],
            [6.0, 12.0],
            [6.0, 11.0],
            [4.0, 11.0],
            [4.0, 12.0],
            [2.0, 12.0],
            [2.0, 8.0],
        ]];
        // Box only up to 10.5: the notch (4..6, 11..12) is outside, arms
        // join at 8..10.5 below: one piece.
        let bb1 = BBox {
            max_lat: 10.5,
            ..BB
        };
        let out = clip_polygon(&u_upside_down, &bb1).unwrap();
        assert_eq!(out.len(), 1);
        assert!((area(&out[0]) - 6.0 * 2.5).abs() < 1e-9);
        // Box from 11.5 up: only the two arms, 2 x (2 x 0.5).
        let bb2 = BBox {
            min_lat: 11.5,
            max_lat: 20.0,
            ..BB
        };
        let out = clip_polygon(&u_upside_down, &bb2).unwrap();
        assert_eq!(out.len(), 2);
        for p in &out {
            assert!((area(p) - 1.0).abs() < 1e-9, "{p:?}");
            assert!(is_ccw(&p[0]));
            assert!(p[0].iter().all(|&q| bb2.contains(q)));
        }
    }

    #[test]
    fn polygon_covering_the_box_becomes_the_box() {
        let out = clip_polygon(&vec![rect(-5.0, -5.0, 15.0, 15.0)], &BB).unwrap();
        assert_eq!(out, vec![vec![BB.ring()]]);
    }

    #[test]
    fn polygon_outside_is_dropped() {
        let out = clip_polygon(&vec![rect(20.0, 20.0, 30.0, 30.0)], &BB).unwrap();
        assert!(out.is_empty());
        let g = clip_geometry(&Geometry::Polygon(vec![rect(20.0, 20.0, 30.0, 30.0)]), &BB);
        assert_eq!(g, Ok(None));
    }

    #[test]
    fn holes_inside_are_kept_and_holes_across_the_edge_cut_the_outline() {
        let outer = rect(-5.0, 2.0, 15.0, 8.0);
        let inside_hole = rect(1.0, 3.0, 2.0, 4.0);
        let edge_hole = rect(9.0, 3.0, 11.0, 4.0);
        let out = clip_polygon(&vec![outer, inside_hole, edge_hole], &BB).unwrap();
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].len(), 2, "inside hole kept: {out:?}");
        assert!(is_ccw(&out[0][0]));
        assert!(!is_ccw(&out[0][1]));
        // 10 x 6 box part, minus the inner hole (1), minus the half of the
        // edge hole inside the box (1 x 1).
        assert!((area(&out[0]) - (60.0 - 1.0 - 1.0)).abs() < 1e-9);
    }

    #[test]
    fn lines_are_clipped_into_parts() {
        let line = vec![
            [-1.0, 5.0],
            [5.0, 5.0],
            [5.0, 12.0],
            [7.0, 12.0],
            [7.0, 5.0],
        ];
        let parts = clip_line(&line, &BB);
        assert_eq!(
            parts,
            vec![
                vec![[0.0, 5.0], [5.0, 5.0], [5.0, 10.0]],
                vec![[7.0, 10.0], [7.0, 5.0]]
            ]
        );
    }
}
