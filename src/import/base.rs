//! The base layer (`data/base.geojson`): every country of one Natural Earth
//! layer that reaches a wide box around the map, simplified and clipped to
//! that box, so the viewer has land and water out to the edge of any view
//! its camera allows. Water is where the base has no land (the Caspian and
//! Black seas, for instance): the layer has no water polygons.
//!
//! Simplification is Douglas–Peucker with a tolerance in degrees, applied
//! before clipping so the box's edges stay exact; it is deterministic, so a
//! second import writes the same bytes. Every output vertex is a Natural
//! Earth vertex, an intersection with the box or one of its corners.

use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::ImportError;
use super::clip::{BBox, clip_geometry};
use super::geom::{Geometry, Polygon, Position, Ring, orient_geometry, round_geometry};
use super::pipeline::{Collection, FeatureSource, FeatureStats, OutFeature};
use super::recipe::{Kind, Recipe};

/// The `[base]` table of the recipe.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaseSpec {
    /// The layer whose every row is taken (`countries`).
    pub layer: String,
    /// The attribute holding a row's English name.
    pub name_column: String,
    /// Douglas–Peucker tolerance, degrees.
    pub simplify_deg: f64,
    /// Decimal places kept in coordinates.
    pub decimals: u32,
    /// Everything is clipped to this box; rows wholly outside it are left out.
    pub view: BBox,
}

/// Douglas–Peucker on an open path: the positions of `path` that keep it
/// within `tolerance` (degrees) of the original; the ends are always kept.
#[must_use]
pub fn simplify_path(path: &[Position], tolerance: f64) -> Vec<Position> {
    if path.len() < 3 || tolerance.is_nan() || tolerance <= 0.0 {
        return path.to_vec();
    }
    let mut keep = vec![false; path.len()];
    keep[0] = true;
    keep[path.len() - 1] = true;
    let mut stack = vec![(0, path.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let mut far = (0.0, a);
        for i in a + 1..b {
            let d = distance_to_segment(path[i], path[a], path[b]);
            if d > far.0 {
                far = (d, i);
            }
        }
        if far.0 > tolerance {
            keep[far.1] = true;
            stack.push((a, far.1));
            stack.push((far.1, b));
        }
    }
    path.iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

fn distance_to_segment(p: Position, a: Position, b: Position) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (qx, qy) = (a[0] + t * dx, a[1] + t * dy);
    ((p[0] - qx).powi(2) + (p[1] - qy).powi(2)).sqrt()
}

/// A closed ring simplified, or `None` when fewer than four positions
/// (a triangle) would be left.
#[must_use]
pub fn simplify_ring(ring: &[Position], tolerance: f64) -> Option<Ring> {
    let out = simplify_path(ring, tolerance);
    (out.len() >= 4).then_some(out)
}

fn simplify_polygon(p: &Polygon, tolerance: f64) -> Option<Polygon> {
    let mut rings = p.iter();
    let outer = simplify_ring(rings.next()?, tolerance)?;
    let mut out = vec![outer];
    out.extend(rings.filter_map(|h| simplify_ring(h, tolerance)));
    Some(out)
}

/// Simplify the polygons of `g`; `None` when none survives (other
/// geometry kinds are kept as they are).
#[must_use]
pub fn simplify_geometry(g: &Geometry, tolerance: f64) -> Option<Geometry> {
    match g {
        Geometry::Polygon(p) => simplify_polygon(p, tolerance).map(Geometry::Polygon),
        Geometry::MultiPolygon(ps) => {
            let out: Vec<Polygon> = ps
                .iter()
                .filter_map(|p| simplify_polygon(p, tolerance))
                .collect();
            (!out.is_empty()).then_some(Geometry::MultiPolygon(out))
        }
        other => Some(other.clone()),
    }
}

fn overlaps(g: &Geometry, view: &BBox) -> bool {
    let ps = g.positions();
    let (mut lo, mut hi) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
    for p in &ps {
        for k in 0..2 {
            lo[k] = lo[k].min(p[k]);
            hi[k] = hi[k].max(p[k]);
        }
    }
    hi[0] >= view.min_lon && lo[0] <= view.max_lon && hi[1] >= view.min_lat && lo[1] <= view.max_lat
}

/// Build the base layer: one `land` feature per row of the layer that
/// reaches the box, in fid order, with id `base-<fid>`.
///
/// # Errors
/// On an invalid box, a layer that cannot be read, a row whose geometry
/// is not polygons, or a failed clip.
pub fn build_base(
    recipe: &Recipe,
    spec: &BaseSpec,
    source: &dyn FeatureSource,
) -> Result<(Collection, Vec<FeatureStats>), ImportError> {
    if !spec.view.is_valid() {
        return Err(ImportError::Recipe(
            "[base] view must be a finite box with min < max".into(),
        ));
    }
    let rows = source.select(&spec.layer, &std::collections::BTreeMap::new())?;
    let mut out = Vec::new();
    let mut stats = Vec::new();
    for row in rows {
        let id = format!("base-{}", row.fid);
        if !matches!(
            row.geometry,
            Geometry::Polygon(_) | Geometry::MultiPolygon(_)
        ) {
            return Err(ImportError::Geometry {
                feature: id,
                message: format!("expected polygons, found {}", row.geometry.type_name()),
            });
        }
        if !overlaps(&row.geometry, &spec.view) {
            continue;
        }
        let Some(mut g) = simplify_geometry(&row.geometry, spec.simplify_deg) else {
            continue;
        };
        orient_geometry(&mut g);
        let clipped = clip_geometry(&g, &spec.view).map_err(|source| ImportError::Clip {
            feature: id.clone(),
            source,
        })?;
        let Some(geometry) = clipped.and_then(|c| round_geometry(&c, spec.decimals)) else {
            continue;
        };
        let name = row
            .attributes
            .get(&spec.name_column)
            .cloned()
            .flatten()
            .unwrap_or_else(|| id.clone());
        let mut src = Map::new();
        src.insert("package".into(), json!(recipe.source.package));
        src.insert("version".into(), json!(recipe.source.version));
        src.insert("file".into(), json!(recipe.source.path));
        src.insert("layer".into(), json!(spec.layer));
        src.insert("fids".into(), json!([row.fid]));
        src.insert("simplify_deg".into(), json!(spec.simplify_deg));
        let mut props = Map::new();
        props.insert("id".into(), json!(id));
        props.insert("kind".into(), json!(Kind::Land.as_str()));
        props.insert("names".into(), json!({ "en": name }));
        props.insert("source".into(), Value::Object(src));
        stats.push(FeatureStats {
            id: id.clone(),
            kind: Kind::Land,
            geometry_type: geometry.type_name(),
            vertices: geometry.vertex_count(),
            clipped: true,
        });
        out.push(OutFeature {
            id,
            kind: Kind::Land,
            properties: props,
            geometry,
        });
    }
    Ok((
        Collection {
            attribution: recipe.output.attribution.clone(),
            features: out,
        },
        stats,
    ))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn straight_runs_collapse_and_corners_stay() {
        let path = [[0.0, 0.0], [1.0, 0.001], [2.0, 0.0], [2.0, 2.0]];
        assert_eq!(
            simplify_path(&path, 0.01),
            vec![[0.0, 0.0], [2.0, 0.0], [2.0, 2.0]]
        );
        // Below the tolerance's reach nothing is dropped.
        assert_eq!(simplify_path(&path, 0.0001), path.to_vec());
    }

    #[test]
    fn a_ring_stays_closed_or_goes() {
        let square = [
            [0.0, 0.0],
            [1.0, 0.0],
            [1.0, 0.5],
            [1.0, 1.0],
            [0.0, 1.0],
            [0.0, 0.0],
        ];
        let r = simplify_ring(&square, 0.01).unwrap();
        assert_eq!(r.first(), r.last());
        assert_eq!(r.len(), 5);
        // An islet smaller than the tolerance disappears.
        let tiny = [[0.0, 0.0], [0.001, 0.0], [0.0, 0.001], [0.0, 0.0]];
        assert_eq!(simplify_ring(&tiny, 0.01), None);
    }

    #[test]
    fn simplifying_is_deterministic() {
        let ring: Vec<Position> = (0..=360)
            .map(|d| {
                let a = f64::from(d).to_radians();
                [a.cos() + 0.003 * (7.0 * a).sin(), a.sin()]
            })
            .collect();
        let a = simplify_ring(&ring, 0.01).unwrap();
        let b = simplify_ring(&ring, 0.01).unwrap();
        assert_eq!(a, b);
        assert!(a.len() < ring.len() / 3, "{} of {}", a.len(), ring.len());
    }
}
