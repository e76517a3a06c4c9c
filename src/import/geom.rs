//! Plain geometry types (WGS84 longitude/latitude) and the small amount of
//! planar and spherical arithmetic the importer needs: ring orientation,
//! point-in-polygon, great-circle distances and coordinate rounding.

/// A position as `[longitude, latitude]` in WGS84 degrees (RFC 7946 order).
pub type Position = [f64; 2];

/// A closed ring: the first and last positions are equal.
pub type Ring = Vec<Position>;

/// A polygon: the first ring is the outer boundary, the others are holes.
pub type Polygon = Vec<Ring>;

/// Mean Earth radius in metres (IUGG), used for great-circle distances.
pub const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// The geometry kinds the importer reads and writes.
#[derive(Debug, Clone, PartialEq)]
pub enum Geometry {
    /// A single position.
    Point(Position),
    /// An open or closed line.
    LineString(Vec<Position>),
    /// Several lines.
    MultiLineString(Vec<Vec<Position>>),
    /// One polygon (outer ring first, then holes).
    Polygon(Polygon),
    /// Several polygons.
    MultiPolygon(Vec<Polygon>),
}

impl Geometry {
    /// The GeoJSON `type` name of this geometry.
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        match self {
            Self::Point(_) => "Point",
            Self::LineString(_) => "LineString",
            Self::MultiLineString(_) => "MultiLineString",
            Self::Polygon(_) => "Polygon",
            Self::MultiPolygon(_) => "MultiPolygon",
        }
    }

    /// Number of stored positions (closing positions of rings included).
    #[must_use]
    pub fn vertex_count(&self) -> usize {
        match self {
            Self::Point(_) => 1,
            Self::LineString(l) => l.len(),
            Self::MultiLineString(ls) => ls.iter().map(Vec::len).sum(),
            Self::Polygon(p) => p.iter().map(Vec::len).sum(),
            Self::MultiPolygon(ps) => ps.iter().flatten().map(Vec::len).sum(),
        }
    }

    /// All positions, in storage order.
    #[must_use]
    pub fn positions(&self) -> Vec<Position> {
        match self {
            Self::Point(p) => vec![*p],
            Self::LineString(l) => l.clone(),
            Self::MultiLineString(ls) => ls.iter().flatten().copied().collect(),
            Self::Polygon(p) => p.iter().flatten().copied().collect(),
            Self::MultiPolygon(ps) => ps.iter().flatten().flatten().copied().collect(),
        }
    }

    /// The polygons of a `Polygon` or `MultiPolygon` (empty for other kinds).
    #[must_use]
    pub fn polygons(&self) -> Vec<&Polygon> {
        match self {
            Self::Polygon(p) => vec![p],
            Self::MultiPolygon(ps) => ps.iter().collect(),
            _ => Vec::new(),
        }
    }
}

/// Twice the signed planar area of a ring in degree units (shoelace formula);
/// positive for counter-clockwise rings. Works for closed or open rings.
#[must_use]
pub fn signed_area2(ring: &[Position]) -> f64 {
    let n = ring.len();
    if n < 3 {
        return 0.0;
    }
    let mut sum = 0.0;
    for i in 0..n {
        let a = ring[i];
        let b = ring[(i + 1) % n];
        sum += a[0] * b[1] - b[0] * a[1];
    }
    sum
}

/// Whether a ring runs counter-clockwise (positive signed area).
#[must_use]
pub fn is_ccw(ring: &[Position]) -> bool {
    signed_area2(ring) > 0.0
}

/// Orient a polygon as RFC 7946 asks: outer ring counter-clockwise, holes
/// clockwise. Rings are reversed in place where needed.
pub fn orient_polygon(polygon: &mut Polygon) {
    for (i, ring) in polygon.iter_mut().enumerate() {
        let want_ccw = i == 0;
        if is_ccw(ring) != want_ccw {
            ring.reverse();
        }
    }
}

/// Orient every polygon of a geometry (see [`orient_polygon`]); other kinds
/// are left as they are.
pub fn orient_geometry(geometry: &mut Geometry) {
    match geometry {
        Geometry::Polygon(p) => orient_polygon(p),
        Geometry::MultiPolygon(ps) => ps.iter_mut().for_each(orient_polygon),
        _ => {}
    }
}

/// Even-odd point-in-ring test (ray casting towards +longitude).
#[must_use]
pub fn point_in_ring(point: Position, ring: &[Position]) -> bool {
    let n = ring.len();
    if n < 3 {
        return false;
    }
    let [x, y] = point;
    let mut inside = false;
    let mut j = n - 1;
    for i in 0..n {
        let [xi, yi] = ring[i];
        let [xj, yj] = ring[j];
        if (yi > y) != (yj > y) {
            let x_cross = xi + (y - yi) * (xj - xi) / (yj - yi);
            if x < x_cross {
                inside = !inside;
            }
        }
        j = i;
    }
    inside
}

/// Whether a point lies inside a polygon: inside the outer ring and outside
/// every hole.
#[must_use]
pub fn point_in_polygon(point: Position, polygon: &[Ring]) -> bool {
    match polygon.split_first() {
        Some((outer, holes)) => {
            point_in_ring(point, outer) && !holes.iter().any(|h| point_in_ring(point, h))
        }
        None => false,
    }
}

/// Whether a point lies inside any polygon of a `Polygon`/`MultiPolygon`.
#[must_use]
pub fn point_in_geometry(point: Position, geometry: &Geometry) -> bool {
    geometry
        .polygons()
        .iter()
        .any(|p| point_in_polygon(point, p))
}

/// Great-circle (haversine) distance in metres between two positions.
#[must_use]
pub fn haversine_m(a: Position, b: Position) -> f64 {
    let (lat1, lat2) = (a[1].to_radians(), b[1].to_radians());
    let dlat = lat2 - lat1;
    let dlon = (b[0] - a[0]).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * h.sqrt().min(1.0).asin()
}

/// Area-weighted centroid of a ring (planar, degrees); falls back to the
/// vertex mean for degenerate rings. `None` for an empty ring.
#[must_use]
pub fn ring_centroid(ring: &[Position]) -> Option<Position> {
    if ring.is_empty() {
        return None;
    }
    let a2 = signed_area2(ring);
    let n = ring.len();
    if a2.abs() < 1e-15 {
        let (sx, sy) = ring
            .iter()
            .fold((0.0, 0.0), |(sx, sy), p| (sx + p[0], sy + p[1]));
        #[allow(clippy::cast_precision_loss)]
        let nf = n as f64;
        return Some([sx / nf, sy / nf]);
    }
    let (mut cx, mut cy) = (0.0, 0.0);
    for i in 0..n {
        let a = ring[i];
        let b = ring[(i + 1) % n];
        let cross = a[0] * b[1] - b[0] * a[1];
        cx += (a[0] + b[0]) * cross;
        cy += (a[1] + b[1]) * cross;
    }
    Some([cx / (3.0 * a2), cy / (3.0 * a2)])
}

/// Round a coordinate to `decimals` decimal places (at most 9).
#[must_use]
pub fn round_coord(value: f64, decimals: u32) -> f64 {
    let scale = 10f64.powi(i32::try_from(decimals.min(9)).unwrap_or(9));
    let r = (value * scale).round() / scale;
    if r == 0.0 { 0.0 } else { r }
}

fn round_path(path: &[Position], decimals: u32) -> Vec<Position> {
    let mut out: Vec<Position> = Vec::with_capacity(path.len());
    for p in path {
        let q = [round_coord(p[0], decimals), round_coord(p[1], decimals)];
        if out.last() != Some(&q) {
            out.push(q);
        }
    }
    out
}

fn round_ring(ring: &[Position], decimals: u32) -> Option<Ring> {
    let mut r = round_path(ring, decimals);
    if let Some(first) = r.first().copied()
        && r.last() != Some(&first)
    {
        r.push(first);
    }
    // A ring needs at least three distinct positions and some area.
    (r.len() >= 4 && signed_area2(&r) != 0.0).then_some(r)
}

fn round_polygon(polygon: &[Ring], decimals: u32) -> Option<Polygon> {
    let (outer, holes) = polygon.split_first()?;
    let mut out = vec![round_ring(outer, decimals)?];
    out.extend(holes.iter().filter_map(|h| round_ring(h, decimals)));
    Some(out)
}

/// Round all coordinates to `decimals` places, drop consecutive duplicate
/// positions that rounding creates, drop rings that collapse, and re-apply
/// RFC 7946 orientation (rounding can in principle flip a tiny ring).
/// Returns `None` if nothing of the geometry survives.
#[must_use]
pub fn round_geometry(geometry: &Geometry, decimals: u32) -> Option<Geometry> {
    let mut g = match geometry {
        Geometry::Point(p) => {
            Geometry::Point([round_coord(p[0], decimals), round_coord(p[1], decimals)])
        }
        Geometry::LineString(l) => {
            let r = round_path(l, decimals);
            if r.len() < 2 {
                return None;
            }
            Geometry::LineString(r)
        }
        Geometry::MultiLineString(ls) => {
            let parts: Vec<_> = ls
                .iter()
                .map(|l| round_path(l, decimals))
                .filter(|l| l.len() >= 2)
                .collect();
            if parts.is_empty() {
                return None;
            }
            Geometry::MultiLineString(parts)
        }
        Geometry::Polygon(p) => Geometry::Polygon(round_polygon(p, decimals)?),
        Geometry::MultiPolygon(ps) => {
            let parts: Vec<_> = ps
                .iter()
                .filter_map(|p| round_polygon(p, decimals))
                .collect();
            match parts.len() {
                0 => return None,
                _ => Geometry::MultiPolygon(parts),
            }
        }
    };
    orient_geometry(&mut g);
    Some(g)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square_cw() -> Ring {
        vec![[0.0, 0.0], [0.0, 1.0], [1.0, 1.0], [1.0, 0.0], [0.0, 0.0]]
    }

    #[test]
    fn orientation_is_fixed_outer_ccw_holes_cw() {
        let hole_ccw = vec![
            [0.25, 0.25],
            [0.75, 0.25],
            [0.75, 0.75],
            [0.25, 0.75],
            [0.25, 0.25],
        ];
        let mut p = vec![square_cw(), hole_ccw];
        assert!(!is_ccw(&p[0]));
        assert!(is_ccw(&p[1]));
        orient_polygon(&mut p);
        assert!(is_ccw(&p[0]));
        assert!(!is_ccw(&p[1]));
        // Rings stay closed.
        assert_eq!(p[0].first(), p[0].last());
        assert_eq!(p[1].first(), p[1].last());
    }

    #[test]
    fn point_in_polygon_respects_holes() {
        let hole = vec![
            [0.25, 0.25],
            [0.75, 0.25],
            [0.75, 0.75],
            [0.25, 0.75],
            [0.25, 0.25],
        ];
        let p = vec![square_cw(), hole];
        assert!(point_in_polygon([0.1, 0.1], &p));
        assert!(!point_in_polygon([0.5, 0.5], &p));
        assert!(!point_in_polygon([1.5, 0.5], &p));
    }

    #[test]
    fn haversine_of_a_tenth_of_a_degree_of_latitude() {
        let d = haversine_m([46.0, 39.0], [46.0, 39.1]);
        assert!((d - 11_119.5).abs() < 1.0, "{d}");
    }

    #[test]
    fn rounding_dedupes_and_keeps_rings_closed() {
        let g = Geometry::Polygon(vec![vec![
            [0.0, 0.0],
            [0.000_000_1, 0.0],
            [1.0, 0.0],
            [1.0, 1.0],
            [0.0, 0.0],
        ]]);
        let r = round_geometry(&g, 6);
        assert_eq!(
            r,
            Some(Geometry::Polygon(vec![vec![
                [0.0, 0.0],
                [1.0, 0.0],
                [1.0, 1.0],
                [0.0, 0.0]
            ]]))
        );
    }
}
