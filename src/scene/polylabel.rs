//! Where to put an area's name: the pole of inaccessibility, the interior
//! point farthest from the area's edges.
//!
//! A centroid can fall outside a concave district or in a narrow neck; the
//! pole of inaccessibility is always inside and in the roomiest part. This is
//! the "polylabel" algorithm (Mapbox, 2016): cover the polygon's bounding
//! box with square cells, keep them in a priority queue ordered by the best
//! distance any point of the cell could reach (distance of its centre plus
//! its half-diagonal), and split the most promising cell until no cell can
//! beat the best point found by more than the requested precision.
//!
//! Longitudes are multiplied by `cos(ref_lat)` first, so distances are
//! isotropic and measured in degrees of latitude (≈ 111 km each).

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::hit::distance_sq_to_segment;

/// The most cells along the long side of the bounding box at the start, so a
/// very thin polygon does not create millions of initial cells.
const MAX_INITIAL_CELLS_PER_SIDE: f64 = 256.0;

/// The most cells examined; past it the best point found so far is returned
/// (only reachable with an absurdly small precision).
const MAX_CELLS: usize = 200_000;

/// [`label_point`]'s precision, as a fraction of the larger side of each
/// polygon's (scaled) bounding box.
pub const LABEL_PRECISION_FRACTION: f64 = 0.002;

/// The pole of inaccessibility of one polygon: the outer ring followed by its
/// holes, as `[lon, lat]` in degrees (closed or open rings).
///
/// Returns the point and its distance to the nearest edge, in degrees of
/// latitude; the distance is within `precision_deg` of the best possible.
/// `ref_lat_deg` sets the longitude scale (use the map's middle latitude).
/// Non-finite vertices are ignored; `None` when the outer ring has fewer
/// than three finite points. A polygon with no area (all points on a line)
/// gives its first point at distance 0. A NaN or non-positive precision uses
/// [`LABEL_PRECISION_FRACTION`] of the bounding box.
#[must_use]
pub fn pole_of_inaccessibility(
    rings: &[Vec<[f64; 2]>],
    ref_lat_deg: f64,
    precision_deg: f64,
) -> Option<([f64; 2], f64)> {
    let cos = lon_scale(ref_lat_deg);
    let scaled: Vec<Vec<[f64; 2]>> = rings
        .iter()
        .map(|r| {
            r.iter()
                .filter(|p| p[0].is_finite() && p[1].is_finite())
                .map(|p| [p[0] * cos, p[1]])
                .collect()
        })
        .collect();
    let outer = scaled.first()?;
    if outer.len() < 3 {
        return None;
    }
    let (pole, dist) = polylabel_plane(&scaled, precision_deg)?;
    Some(([pole[0] / cos, pole[1]], dist))
}

/// The label position for a multipolygon and the room around it: the pole
/// of inaccessibility of the polygon whose pole is farthest from its edges,
/// so the name goes in the roomiest part (not in an exclave), and that
/// distance, in degrees of latitude. `None` when no polygon has an outer
/// ring of at least three finite points.
#[must_use]
pub fn label_point(polygons: &[Vec<Vec<[f64; 2]>>], ref_lat_deg: f64) -> Option<([f64; 2], f64)> {
    let mut best: Option<([f64; 2], f64)> = None;
    for rings in polygons {
        // NaN precision: use LABEL_PRECISION_FRACTION of this polygon.
        if let Some((p, d)) = pole_of_inaccessibility(rings, ref_lat_deg, f64::NAN)
            && best.is_none_or(|(_, bd)| d > bd)
        {
            best = Some((p, d));
        }
    }
    best
}

fn lon_scale(ref_lat_deg: f64) -> f64 {
    let lat = if ref_lat_deg.is_finite() {
        ref_lat_deg
    } else {
        0.0
    };
    lat.to_radians().cos().abs().max(1e-6)
}

/// A square cell of the search grid.
#[derive(Debug, Clone, Copy)]
struct Cell {
    /// Centre.
    c: [f64; 2],
    /// Half the side.
    h: f64,
    /// Signed distance from the centre to the polygon (negative outside).
    d: f64,
    /// The best distance any point of the cell could have.
    max: f64,
}

impl Cell {
    fn new(c: [f64; 2], h: f64, rings: &[Vec<[f64; 2]>]) -> Self {
        let d = signed_distance(c, rings);
        Self {
            c,
            h,
            d,
            max: d + h * std::f64::consts::SQRT_2,
        }
    }
}

impl PartialEq for Cell {
    fn eq(&self, other: &Self) -> bool {
        self.max.total_cmp(&other.max) == Ordering::Equal
    }
}
impl Eq for Cell {}
impl PartialOrd for Cell {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Cell {
    fn cmp(&self, other: &Self) -> Ordering {
        self.max.total_cmp(&other.max)
    }
}

/// Polylabel in the (already scaled, finite) plane.
fn polylabel_plane(rings: &[Vec<[f64; 2]>], precision: f64) -> Option<([f64; 2], f64)> {
    let outer = rings.first()?;
    let first = *outer.first()?;
    let (mut min, mut max) = (first, first);
    for p in outer {
        min = [min[0].min(p[0]), min[1].min(p[1])];
        max = [max[0].max(p[0]), max[1].max(p[1])];
    }
    let (w, h) = (max[0] - min[0], max[1] - min[1]);
    let long = w.max(h);
    let short = w.min(h);
    if !(long.is_finite() && short > 0.0) {
        return Some((first, 0.0));
    }
    let precision = if precision.is_finite() && precision > 0.0 {
        precision
    } else {
        long * LABEL_PRECISION_FRACTION
    };
    let cell_size = short.max(long / MAX_INITIAL_CELLS_PER_SIDE);
    let half = cell_size / 2.0;

    // Counted loops (not `x += cell_size`), so huge coordinates cannot stall.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let count = |extent: f64| {
        (extent / cell_size)
            .ceil()
            .clamp(1.0, MAX_INITIAL_CELLS_PER_SIDE + 1.0) as u32
    };
    let mut queue = BinaryHeap::new();
    for i in 0..count(w) {
        for j in 0..count(h) {
            let x = min[0] + f64::from(i) * cell_size;
            let y = min[1] + f64::from(j) * cell_size;
            queue.push(Cell::new([x + half, y + half], half, rings));
        }
    }

    // Start from the centroid (usually good) or the box centre, whichever is
    // better.
    let mut best = Cell::new(centroid(outer), 0.0, rings);
    let bbox_cell = Cell::new([min[0] + w / 2.0, min[1] + h / 2.0], 0.0, rings);
    if bbox_cell.d > best.d {
        best = bbox_cell;
    }

    let mut examined = 0usize;
    while let Some(cell) = queue.pop() {
        examined += 1;
        if cell.d > best.d {
            best = cell;
        }
        if cell.max - best.d <= precision || examined > MAX_CELLS {
            continue;
        }
        let h = cell.h / 2.0;
        for (dx, dy) in [(-h, -h), (h, -h), (-h, h), (h, h)] {
            queue.push(Cell::new([cell.c[0] + dx, cell.c[1] + dy], h, rings));
        }
    }
    if best.d.is_finite() && best.d > 0.0 {
        Some((best.c, best.d))
    } else {
        // Nothing strictly inside was found (a sliver): fall back to a vertex.
        Some((first, 0.0))
    }
}

/// The area centroid of a ring, or its first point when it has no area.
fn centroid(ring: &[[f64; 2]]) -> [f64; 2] {
    let Some(&first) = ring.first() else {
        return [0.0, 0.0];
    };
    let (mut area, mut cx, mut cy) = (0.0, 0.0, 0.0);
    let mut prev = ring[ring.len() - 1];
    for &p in ring {
        // Relative to the first point, for precision.
        let (ax, ay) = (prev[0] - first[0], prev[1] - first[1]);
        let (bx, by) = (p[0] - first[0], p[1] - first[1]);
        let f = ax * by - bx * ay;
        cx += (ax + bx) * f;
        cy += (ay + by) * f;
        area += f * 3.0;
        prev = p;
    }
    if area == 0.0 || !area.is_finite() {
        first
    } else {
        [first[0] + cx / area, first[1] + cy / area]
    }
}

/// Distance from `p` to the nearest edge of any ring, positive inside the
/// polygon (even-odd rule) and negative outside.
fn signed_distance(p: [f64; 2], rings: &[Vec<[f64; 2]>]) -> f64 {
    let mut inside = false;
    // The least squared distance, its root taken once.
    let mut min = f64::INFINITY;
    for ring in rings {
        let Some(&last) = ring.last() else {
            continue;
        };
        let mut a = last;
        for &b in ring {
            if (a[1] > p[1]) != (b[1] > p[1])
                && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0]
            {
                inside = !inside;
            }
            min = min.min(distance_sq_to_segment(a, b, p));
            a = b;
        }
    }
    let min = min.sqrt();
    if inside { min } else { -min }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::hit::point_in_polygon;
    use super::*;

    fn rect(x0: f64, y0: f64, x1: f64, y1: f64) -> Vec<[f64; 2]> {
        vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]
    }

    #[test]
    fn square_pole_is_its_centre() {
        let (p, d) = pole_of_inaccessibility(&[rect(0.0, 0.0, 2.0, 2.0)], 0.0, 1e-4).unwrap();
        assert!(
            (p[0] - 1.0).abs() < 1e-3 && (p[1] - 1.0).abs() < 1e-3,
            "{p:?}"
        );
        assert!((d - 1.0).abs() < 1e-3);
        // At 60° N a square in degrees is twice as tall as wide on the ground.
        let (p, d) = pole_of_inaccessibility(&[rect(46.0, 60.0, 48.0, 62.0)], 60.0, 1e-4).unwrap();
        assert!((p[0] - 47.0).abs() < 1e-3, "{p:?}");
        assert!((d - 0.5).abs() < 1e-3, "half the scaled width: {d}");
        assert!(p[1] > 60.5 - 1e-3 && p[1] < 61.5 + 1e-3);
    }

    #[test]
    fn l_shape_pole_is_inside_the_l() {
        // 0..4 square with the top-right 2x2 quarter missing.
        let l = vec![vec![
            [0.0, 0.0],
            [4.0, 0.0],
            [4.0, 2.0],
            [2.0, 2.0],
            [2.0, 4.0],
            [0.0, 4.0],
            [0.0, 0.0],
        ]];
        let (p, d) = pole_of_inaccessibility(&l, 0.0, 1e-4).unwrap();
        assert!(point_in_polygon(&l, p), "{p:?}");
        assert!(
            !(p[0] > 2.0 && p[1] > 2.0),
            "not in the missing corner: {p:?}"
        );
        // The best circle touches the outer corner's two sides and the
        // inner corner (2, 2): radius 2·sqrt(2)/(1 + sqrt(2)) ≈ 1.1716.
        let best = 2.0 * 2f64.sqrt() / (1.0 + 2f64.sqrt());
        assert!((d - best).abs() < 1e-3, "{d}");
    }

    #[test]
    fn hole_is_avoided() {
        let poly = vec![rect(0.0, 0.0, 10.0, 10.0), rect(3.0, 3.0, 7.0, 7.0)];
        let (p, d) = pole_of_inaccessibility(&poly, 0.0, 1e-4).unwrap();
        assert!(point_in_polygon(&poly, p), "{p:?}");
        assert!(!(p[0] > 3.0 && p[0] < 7.0 && p[1] > 3.0 && p[1] < 7.0));
        // A corner circle touching two outer sides and the hole's corner
        // (3, 3): radius 3·sqrt(2)/(1 + sqrt(2)) ≈ 1.757.
        let best = 3.0 * 2f64.sqrt() / (1.0 + 2f64.sqrt());
        assert!((d - best).abs() < 1e-3, "{d}");
    }

    #[test]
    fn result_is_always_inside() {
        let shapes: Vec<Vec<Vec<[f64; 2]>>> = vec![
            // A crescent-like concave shape.
            vec![vec![
                [0.0, 0.0],
                [6.0, 0.0],
                [6.0, 1.0],
                [1.0, 1.0],
                [1.0, 5.0],
                [6.0, 5.0],
                [6.0, 6.0],
                [0.0, 6.0],
            ]],
            // A star.
            vec![
                (0..10)
                    .map(|i| {
                        let a = f64::from(i) * std::f64::consts::PI / 5.0;
                        let r = if i % 2 == 0 { 3.0 } else { 1.0 };
                        [46.0 + r * a.cos(), 39.0 + r * a.sin()]
                    })
                    .collect(),
            ],
            // A square with two holes.
            vec![
                rect(0.0, 0.0, 8.0, 4.0),
                rect(0.5, 0.5, 3.5, 3.5),
                rect(4.5, 0.5, 7.5, 3.5),
            ],
            // A very thin sliver.
            vec![rect(0.0, 0.0, 100.0, 0.001)],
        ];
        for rings in &shapes {
            for lat in [0.0, 39.5, 70.0] {
                for precision in [1e-3, 0.1, f64::NAN] {
                    let (p, d) = pole_of_inaccessibility(rings, lat, precision).unwrap();
                    assert!(point_in_polygon(rings, p), "{p:?} d={d}");
                    assert!(d > 0.0);
                }
            }
        }
    }

    #[test]
    fn degenerate_input() {
        assert!(pole_of_inaccessibility(&[], 40.0, 0.01).is_none());
        assert!(pole_of_inaccessibility(&[vec![]], 40.0, 0.01).is_none());
        assert!(pole_of_inaccessibility(&[vec![[0.0, 0.0], [1.0, 1.0]]], 40.0, 0.01).is_none());
        let line = vec![vec![[0.0, 0.0], [1.0, 1.0], [2.0, 2.0], [0.0, 0.0]]];
        assert_eq!(
            pole_of_inaccessibility(&line, 40.0, 0.01),
            Some(([0.0, 0.0], 0.0))
        );
        let nan = vec![vec![[f64::NAN, 0.0], [0.0, 0.0], [1.0, 0.0], [1.0, 1.0]]];
        let (p, _) = pole_of_inaccessibility(&nan, f64::NAN, -1.0).unwrap();
        assert!(p[0].is_finite() && p[1].is_finite());
        assert!(label_point(&[], 40.0).is_none());
    }

    #[test]
    fn label_goes_in_the_roomiest_polygon() {
        let small = vec![rect(0.0, 0.0, 0.2, 0.2)];
        let big = vec![rect(5.0, 5.0, 7.0, 6.0)];
        let (p, room) = label_point(&[small.clone(), big.clone(), vec![]], 40.0).unwrap();
        assert!(point_in_polygon(&big, p), "{p:?}");
        // The big one is a degree tall and wider than that at 40°: half a
        // degree of room around its pole.
        assert!((room - 0.5).abs() < 0.01, "{room}");
        let (p, _) = label_point(std::slice::from_ref(&small), 40.0).unwrap();
        assert!(point_in_polygon(&small, p), "{p:?}");
    }
}
