//! Level of detail: simplified copies of the map's areas, prepared once per
//! dataset, drawn instead of the full outlines when the map is zoomed out so
//! far that the points they leave out lie within half a screen point of the
//! simplified outline.
//!
//! Each level keeps, for every area, its polygons simplified with
//! Douglas–Peucker at the level's tolerance (in degrees of latitude, with
//! longitudes scaled by the cosine of the map's reference latitude, as the
//! projection does) and their triangles. A ring that would lose its area
//! (fewer than three corners left) keeps every point.

use super::triangulate::{Triangles, triangulate};
use crate::model::geometry::{Feature, Shape};
use geo::{Coord, LineString, SimplifyIdx};

/// The tolerances of the levels, degrees of latitude, finest first.
pub const TOLERANCES: [f64; 4] = [0.0005, 0.002, 0.008, 0.032];

/// How far, in screen points, a simplified outline may stray from the full
/// one.
pub const MAX_ERROR_PTS: f64 = 0.5;

/// One feature's polygons (rings of `[lon, lat]`) at one level, with their
/// triangles.
#[derive(Debug, Clone, Default)]
pub struct Simplified {
    /// Each polygon's rings, simplified.
    pub polygons: Vec<Vec<Vec<[f64; 2]>>>,
    /// Each polygon's triangles.
    pub triangles: Vec<Triangles>,
}

/// One level: a simplified copy of every area feature (`None` where the
/// simplified copy would be the same as the full one, or the feature is not
/// an area).
#[derive(Debug, Clone, Default)]
pub struct Level {
    /// Tolerance, degrees of latitude.
    pub tolerance: f64,
    /// Per feature, in `map.features` order.
    pub features: Vec<Option<Simplified>>,
}

/// The levels of detail of a map, finest first.
#[derive(Debug, Clone, Default)]
pub struct Lod {
    /// The levels.
    pub levels: Vec<Level>,
}

impl Lod {
    /// Prepare the levels of `features` drawn at reference latitude
    /// `ref_lat` (degrees).
    #[must_use]
    pub fn new(features: &[Feature], ref_lat: f64) -> Self {
        let k = ref_lat.to_radians().cos().abs().max(0.01);
        let levels = TOLERANCES
            .iter()
            .map(|&tolerance| Level {
                tolerance,
                features: features
                    .iter()
                    .map(|f| match &f.shape {
                        Shape::Area(polys) => simplify_area(polys, tolerance, k),
                        _ => None,
                    })
                    .collect(),
            })
            .collect();
        Self { levels }
    }

    /// The coarsest level whose error at `zoom` (screen points per degree
    /// of latitude) stays within [`MAX_ERROR_PTS`]; `None`: draw the full
    /// outlines.
    #[must_use]
    pub fn level_for(&self, zoom: f64) -> Option<&Level> {
        self.levels
            .iter()
            .rev()
            .find(|l| l.tolerance * zoom <= MAX_ERROR_PTS)
    }
}

/// `polys` simplified, or `None` when no ring loses a point.
fn simplify_area(polys: &[Vec<Vec<[f64; 2]>>], tolerance: f64, k: f64) -> Option<Simplified> {
    let mut changed = false;
    let polygons: Vec<Vec<Vec<[f64; 2]>>> = polys
        .iter()
        .map(|poly| {
            poly.iter()
                .map(|ring| {
                    let s = simplify_ring(ring, tolerance, k);
                    changed |= s.len() < ring.len();
                    s
                })
                .collect()
        })
        .collect();
    if !changed {
        return None;
    }
    let triangles = polygons.iter().map(|p| triangulate(p)).collect();
    Some(Simplified {
        polygons,
        triangles,
    })
}

/// A closed ring simplified with Douglas–Peucker (`geo`'s, on the ring with
/// longitudes scaled by `k` so that a degree east counts as much as a degree
/// north at the map's latitude), keeping the ring's own points; the ring
/// itself when fewer than four points (three corners and the closing one)
/// would be left.
#[must_use]
pub fn simplify_ring(ring: &[[f64; 2]], tolerance: f64, k: f64) -> Vec<[f64; 2]> {
    if ring.len() < 5 {
        return ring.to_vec();
    }
    let line: LineString<f64> = ring
        .iter()
        .map(|p| Coord {
            x: p[0] * k,
            y: p[1],
        })
        .collect();
    let out: Vec<[f64; 2]> = line
        .simplify_idx(tolerance)
        .into_iter()
        .filter_map(|i| ring.get(i).copied())
        .collect();
    if out.len() < 4 { ring.to_vec() } else { out }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// A square with eight points per side.
    fn square() -> Vec<[f64; 2]> {
        let mut r = Vec::new();
        let c = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]];
        for s in 0..4 {
            let (a, b) = (c[s], c[(s + 1) % 4]);
            for k in 0..8 {
                let t = f64::from(k) / 8.0;
                r.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
            }
        }
        r.push(r[0]);
        r
    }

    #[test]
    fn straight_sides_lose_their_inner_points_and_corners_stay() {
        let s = simplify_ring(&square(), 0.001, 1.0);
        assert_eq!(
            s,
            [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]
        );
    }

    #[test]
    fn a_bump_larger_than_the_tolerance_stays_and_a_smaller_one_goes() {
        let mut r = square();
        r[4] = [0.5, -0.1];
        let kept = simplify_ring(&r, 0.05, 1.0);
        assert!(kept.contains(&[0.5, -0.1]));
        let dropped = simplify_ring(&r, 0.2, 1.0);
        assert!(!dropped.contains(&[0.5, -0.1]));
        // Never fewer than three corners.
        let tiny = simplify_ring(&r, 10.0, 1.0);
        assert!(tiny.len() >= 4);
    }

    #[test]
    fn the_level_drawn_gets_coarser_as_the_map_zooms_out() {
        let lod = Lod {
            levels: TOLERANCES
                .iter()
                .map(|&tolerance| Level {
                    tolerance,
                    features: Vec::new(),
                })
                .collect(),
        };
        // Zoomed in: every point counts.
        assert!(lod.level_for(1e6).is_none());
        let mut last = 0.0;
        for zoom in [1000.0, 200.0, 50.0, 10.0, 1.0] {
            let t = lod.level_for(zoom).unwrap().tolerance;
            assert!(t * zoom <= MAX_ERROR_PTS);
            assert!(t >= last, "coarser at {zoom}");
            last = t;
        }
    }
}
