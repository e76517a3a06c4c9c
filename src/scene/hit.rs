//! Hit-testing: which area is under the cursor, and how far a point is from a
//! line.
//!
//! The viewer uses these to find the district under the mouse and the
//! exporters to check label positions. Polygons follow the GeoJSON layout of
//! [`crate::model::geometry::Polygon`] (outer ring first, then holes); rings
//! may be closed (first point repeated last) or open, and the even-odd rule
//! decides what is inside, so a point in a hole is outside. Any units work as
//! long as the polygon and the point use the same ones.

/// Whether `p` is inside the polygon given by `rings` (outer ring, then
/// holes), by the even-odd rule: a point in a hole is outside.
///
/// Points exactly on an edge may be reported either way (consistently for a
/// given edge). Non-finite points and rings with fewer than three points are
/// never inside.
#[must_use]
pub fn point_in_polygon(rings: &[Vec<[f64; 2]>], p: [f64; 2]) -> bool {
    if !(p[0].is_finite() && p[1].is_finite()) {
        return false;
    }
    let mut inside = false;
    for ring in rings {
        if ring.len() < 3 {
            continue;
        }
        let mut prev = ring[ring.len() - 1];
        for &cur in ring {
            if crosses(prev, cur, p) {
                inside = !inside;
            }
            prev = cur;
        }
    }
    inside
}

/// Whether the horizontal ray from `p` towards +x crosses the edge `a`–`b`.
///
/// Half-open in y (`a.y > p.y` differs from `b.y > p.y`), so a ray through a
/// shared vertex counts once; horizontal edges never count. NaN coordinates
/// make every comparison false, so such edges do not count.
fn crosses(a: [f64; 2], b: [f64; 2], p: [f64; 2]) -> bool {
    if (a[1] > p[1]) == (b[1] > p[1]) {
        return false;
    }
    // a.y != b.y here, so the division is safe.
    let x = a[0] + (p[1] - a[1]) / (b[1] - a[1]) * (b[0] - a[0]);
    p[0] < x
}

/// Whether `p` is inside any of `polygons` (a multipolygon: each polygon is
/// an outer ring followed by its holes).
#[must_use]
pub fn point_in_area(polygons: &[Vec<Vec<[f64; 2]>>], p: [f64; 2]) -> bool {
    polygons.iter().any(|rings| point_in_polygon(rings, p))
}

/// The distance from `p` to the segment `a`–`b` (to `a` if the segment has
/// no length). NaN if any input is NaN.
#[must_use]
pub fn distance_to_segment(a: [f64; 2], b: [f64; 2], p: [f64; 2]) -> f64 {
    let [x, y] = offset_from_segment(a, b, p);
    x.hypot(y)
}

/// The square of [`distance_to_segment`], for comparing many distances
/// without a square root each (the squares of map coordinates, degrees or
/// points, are far from overflowing).
#[must_use]
pub fn distance_sq_to_segment(a: [f64; 2], b: [f64; 2], p: [f64; 2]) -> f64 {
    let [x, y] = offset_from_segment(a, b, p);
    x * x + y * y
}

/// `p` less the point of the segment `a`–`b` closest to it.
fn offset_from_segment(a: [f64; 2], b: [f64; 2], p: [f64; 2]) -> [f64; 2] {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len_sq = dx * dx + dy * dy;
    let t = if len_sq > 0.0 {
        (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len_sq).clamp(0.0, 1.0)
    } else {
        0.0
    };
    [p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy)]
}

/// The smallest distance from `p` to the polyline `line` (consecutive points
/// joined; not closed). A single point gives the distance to it; an empty
/// line, a non-finite `p` or a line with no finite segment gives
/// `f64::INFINITY`.
///
/// Used to pick a front line or border under the cursor: project the line to
/// screen points first, so the tolerance is in points.
#[must_use]
pub fn distance_to_polyline(line: &[[f64; 2]], p: [f64; 2]) -> f64 {
    if !(p[0].is_finite() && p[1].is_finite()) {
        return f64::INFINITY;
    }
    let mut best = f64::INFINITY;
    match line {
        [] => {}
        [only] => best = distance_to_segment(*only, *only, p),
        _ => {
            for w in line.windows(2) {
                let d = distance_to_segment(w[0], w[1], p);
                // `min` ignores NaN from non-finite vertices.
                best = best.min(d);
            }
        }
    }
    if best.is_nan() { f64::INFINITY } else { best }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn square(x0: f64, y0: f64, x1: f64, y1: f64) -> Vec<[f64; 2]> {
        vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]
    }

    #[test]
    fn inside_outside_and_holes() {
        let poly = vec![square(0.0, 0.0, 10.0, 10.0), square(4.0, 4.0, 6.0, 6.0)];
        assert!(point_in_polygon(&poly, [1.0, 1.0]));
        assert!(point_in_polygon(&poly, [9.0, 5.0]));
        assert!(!point_in_polygon(&poly, [5.0, 5.0]), "in the hole");
        assert!(!point_in_polygon(&poly, [11.0, 5.0]));
        assert!(!point_in_polygon(&poly, [-1.0, -1.0]));
    }

    #[test]
    fn open_and_closed_rings_agree() {
        let closed = vec![square(0.0, 0.0, 2.0, 2.0)];
        let mut open = closed.clone();
        open[0].pop();
        for p in [[1.0, 1.0], [3.0, 1.0], [1.0, 1.999], [0.001, 0.5]] {
            assert_eq!(point_in_polygon(&closed, p), point_in_polygon(&open, p));
        }
    }

    #[test]
    fn points_on_and_near_edges_and_vertices_do_not_panic() {
        let poly = vec![
            vec![[0.0, 0.0], [4.0, 0.0], [4.0, 4.0], [2.0, 2.0], [0.0, 4.0]],
            square(1.0, 0.5, 3.0, 1.5),
        ];
        let eps = 1e-12;
        for p in [
            [0.0, 0.0],
            [2.0, 0.0],
            [4.0, 2.0],
            [2.0, 2.0],
            [2.0, 2.0 - eps],
            [2.0, 2.0 + eps],
            [1.0, 1.0],
            [3.0, 1.5],
            [f64::NAN, 1.0],
            [f64::INFINITY, 1.0],
        ] {
            let _ = point_in_polygon(&poly, p);
        }
        // Just inside and just outside an edge.
        assert!(point_in_polygon(&poly, [0.5, 1e-9]));
        assert!(!point_in_polygon(&poly, [0.5, -1e-9]));
        // The notch of the concave outer ring.
        assert!(!point_in_polygon(&poly, [2.0, 3.0]));
        assert!(point_in_polygon(&poly, [0.5, 3.0]));
        assert!(!point_in_polygon(&poly, [f64::NAN, 1.0]));
    }

    #[test]
    fn degenerate_rings_are_never_inside() {
        assert!(!point_in_polygon(&[], [0.0, 0.0]));
        assert!(!point_in_polygon(&[vec![]], [0.0, 0.0]));
        assert!(!point_in_polygon(
            &[vec![[0.0, 0.0], [1.0, 1.0]]],
            [0.5, 0.5]
        ));
        let nan_ring = vec![vec![[f64::NAN, 0.0], [1.0, 0.0], [1.0, 1.0]]];
        let _ = point_in_polygon(&nan_ring, [0.9, 0.5]);
    }

    #[test]
    fn area_is_any_polygon() {
        let area = vec![
            vec![square(0.0, 0.0, 1.0, 1.0)],
            vec![square(5.0, 5.0, 6.0, 6.0)],
        ];
        assert!(point_in_area(&area, [0.5, 0.5]));
        assert!(point_in_area(&area, [5.5, 5.5]));
        assert!(!point_in_area(&area, [3.0, 3.0]));
        assert!(!point_in_area(&[], [3.0, 3.0]));
    }

    #[test]
    fn polyline_distance() {
        let line = [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0]];
        assert!((distance_to_polyline(&line, [5.0, 3.0]) - 3.0).abs() < 1e-12);
        assert!((distance_to_polyline(&line, [13.0, 5.0]) - 3.0).abs() < 1e-12);
        assert!((distance_to_polyline(&line, [-3.0, -4.0]) - 5.0).abs() < 1e-12);
        assert!(distance_to_polyline(&line, [10.0, 0.0]).abs() < 1e-12);
        assert_eq!(distance_to_polyline(&[], [1.0, 1.0]), f64::INFINITY);
        assert!((distance_to_polyline(&[[1.0, 1.0]], [4.0, 5.0]) - 5.0).abs() < 1e-12);
        assert_eq!(distance_to_polyline(&line, [f64::NAN, 1.0]), f64::INFINITY);
        let with_nan = [[f64::NAN, 0.0], [0.0, 0.0], [1.0, 0.0]];
        assert!((distance_to_polyline(&with_nan, [0.5, 2.0]) - 2.0).abs() < 1e-12);
        assert!((distance_to_segment([1.0, 1.0], [1.0, 1.0], [1.0, 2.0]) - 1.0).abs() < 1e-12);
    }
}
