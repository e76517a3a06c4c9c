//! Filling polygons: triangulation of an outer ring with holes.
//!
//! Renderers (egui meshes, exporters) draw filled areas as triangles, and a
//! fan from the first vertex only fills convex shapes correctly; districts
//! are concave and some have holes. This uses ear clipping (the `earcutr`
//! port of Mapbox's earcut), done once per polygon in lon/lat; the renderer
//! projects the vertices each frame, which keeps the triangles valid because
//! the projection is affine.

/// A triangle mesh: vertices, and three indices into them per triangle.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Triangles {
    /// The polygon's vertices (outer ring, then each hole), without the
    /// rings' closing duplicates, in the input's coordinates.
    pub vertices: Vec<[f64; 2]>,
    /// Three indices into `vertices` per triangle.
    pub indices: Vec<u32>,
}

impl Triangles {
    /// Whether there is no triangle.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.indices.len() < 3
    }

    /// The triangles as vertex triples (indices out of range are skipped).
    pub fn iter(&self) -> impl Iterator<Item = [[f64; 2]; 3]> + '_ {
        self.indices.chunks_exact(3).filter_map(|t| {
            let v = |i: u32| {
                usize::try_from(i)
                    .ok()
                    .and_then(|i| self.vertices.get(i))
                    .copied()
            };
            Some([v(t[0])?, v(t[1])?, v(t[2])?])
        })
    }

    /// The summed (unsigned) area of the triangles, in squared input units.
    #[must_use]
    pub fn area(&self) -> f64 {
        self.iter()
            .map(|[a, b, c]| {
                ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0
            })
            .sum()
    }
}

/// Triangulate one polygon: `polygon[0]` is the outer ring, the rest are
/// holes (as in [`crate::model::geometry::Polygon`]); rings may be closed
/// (first point repeated last) or open, in either orientation.
///
/// Non-finite points are dropped; holes with fewer than three points are
/// ignored. An outer ring with fewer than three distinct points, or any
/// failure of the triangulator, gives no triangles (never a panic).
#[must_use]
pub fn triangulate(polygon: &[Vec<[f64; 2]>]) -> Triangles {
    let Some(outer) = polygon.first().map(|r| clean_ring(r)) else {
        return Triangles::default();
    };
    if distinct_count(&outer) < 3 {
        return Triangles::default();
    }
    let mut vertices = outer;
    let mut hole_starts = Vec::new();
    for hole in polygon.iter().skip(1) {
        let hole = clean_ring(hole);
        if distinct_count(&hole) < 3 {
            continue;
        }
        hole_starts.push(vertices.len());
        vertices.extend(hole);
    }
    if u32::try_from(vertices.len()).is_err() {
        return Triangles::default();
    }
    let flat: Vec<f64> = vertices.iter().flat_map(|p| [p[0], p[1]]).collect();
    let Ok(raw) = earcutr::earcut(&flat, &hole_starts, 2) else {
        return Triangles::default();
    };
    let Ok(indices) = raw
        .into_iter()
        .map(u32::try_from)
        .collect::<Result<Vec<u32>, _>>()
    else {
        return Triangles::default();
    };
    if indices.len() % 3 != 0 || indices.iter().any(|&i| i as usize >= vertices.len()) {
        return Triangles::default();
    }
    Triangles { vertices, indices }
}

/// The ring's finite points without the closing duplicate.
fn clean_ring(ring: &[[f64; 2]]) -> Vec<[f64; 2]> {
    let mut out: Vec<[f64; 2]> = ring
        .iter()
        .filter(|p| p[0].is_finite() && p[1].is_finite())
        .copied()
        .collect();
    if out.len() > 1 && out.first() == out.last() {
        out.pop();
    }
    out
}

/// How many different points the ring has (exact comparison).
fn distinct_count(ring: &[[f64; 2]]) -> usize {
    let mut pts: Vec<(u64, u64)> = ring
        .iter()
        .map(|p| (p[0].to_bits(), p[1].to_bits()))
        .collect();
    // -0.0 and 0.0 differ in bits; good enough for a "degenerate" check.
    pts.sort_unstable();
    pts.dedup();
    pts.len()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// Shoelace area of a ring (closed or open), unsigned.
    fn ring_area(ring: &[[f64; 2]]) -> f64 {
        let mut s = 0.0;
        for i in 0..ring.len() {
            let a = ring[i];
            let b = ring[(i + 1) % ring.len()];
            s += a[0] * b[1] - b[0] * a[1];
        }
        s.abs() / 2.0
    }

    fn polygon_area(polygon: &[Vec<[f64; 2]>]) -> f64 {
        ring_area(&polygon[0]) - polygon[1..].iter().map(|r| ring_area(r)).sum::<f64>()
    }

    fn assert_fills(polygon: &[Vec<[f64; 2]>]) {
        let t = triangulate(polygon);
        assert!(!t.is_empty());
        let want = polygon_area(polygon);
        let got = t.area();
        assert!(
            ((got - want) / want).abs() < 1e-9,
            "triangles {got} vs polygon {want}"
        );
    }

    #[test]
    fn concave_polygon_fills_exactly() {
        // A "C" shape in lon/lat around the region, closed like GeoJSON.
        let c = vec![vec![
            [46.0, 39.0],
            [47.0, 39.0],
            [47.0, 39.2],
            [46.3, 39.2],
            [46.3, 39.8],
            [47.0, 39.8],
            [47.0, 40.0],
            [46.0, 40.0],
            [46.0, 39.0],
        ]];
        assert_fills(&c);
        let t = triangulate(&c);
        assert_eq!(t.vertices.len(), 8, "closing duplicate dropped");
        assert_eq!(t.indices.len(), 3 * 6);
        // Clockwise input works too.
        let mut cw = c.clone();
        cw[0].reverse();
        assert_fills(&cw);
    }

    #[test]
    fn hole_is_left_empty() {
        let poly = vec![
            vec![[0.0, 0.0], [10.0, 0.0], [10.0, 8.0], [0.0, 8.0], [0.0, 0.0]],
            vec![[2.0, 2.0], [2.0, 5.0], [6.0, 5.0], [6.0, 2.0], [2.0, 2.0]],
        ];
        assert_fills(&poly);
        assert!((triangulate(&poly).area() - 68.0).abs() < 1e-9);
        // A concave outer ring with a hole, open rings.
        let poly = vec![
            vec![[0.0, 0.0], [8.0, 0.0], [8.0, 8.0], [4.0, 3.0], [0.0, 8.0]],
            vec![[3.0, 1.0], [5.0, 1.0], [4.0, 2.0]],
        ];
        assert_fills(&poly);
    }

    #[test]
    fn degenerate_input_gives_nothing() {
        assert!(triangulate(&[]).is_empty());
        assert!(triangulate(&[vec![]]).is_empty());
        assert!(triangulate(&[vec![[1.0, 1.0]]]).is_empty());
        assert!(triangulate(&[vec![[0.0, 0.0], [1.0, 1.0], [0.0, 0.0]]]).is_empty());
        assert!(
            triangulate(&[vec![
                [0.0, 0.0],
                [1.0, 1.0],
                [1.0, 1.0],
                [0.0, 0.0],
                [0.0, 0.0]
            ]])
            .is_empty()
        );
        let nan = vec![vec![[f64::NAN, 0.0], [1.0, f64::INFINITY], [0.0, 0.0]]];
        assert!(triangulate(&nan).is_empty());
        // Collinear points: no area, whatever the triangulator returns.
        let line = vec![vec![[0.0, 0.0], [1.0, 1.0], [2.0, 2.0], [0.0, 0.0]]];
        assert!(triangulate(&line).area().abs() < 1e-12);
        // A degenerate hole is ignored.
        let poly = vec![
            vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]],
            vec![[0.5, 0.5], [0.5, 0.5]],
        ];
        assert!((triangulate(&poly).area() - 1.0).abs() < 1e-12);
        // NaN points inside a ring are dropped.
        let poly = vec![vec![
            [0.0, 0.0],
            [1.0, 0.0],
            [f64::NAN, 0.5],
            [1.0, 1.0],
            [0.0, 1.0],
        ]];
        assert!((triangulate(&poly).area() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn iter_yields_triangles() {
        let t = triangulate(&[vec![[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]]]);
        let tris: Vec<_> = t.iter().collect();
        assert_eq!(tris.len(), 1);
    }
}
