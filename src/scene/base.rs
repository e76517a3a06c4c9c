//! What is drawn under the dataset's own map: the base layer's land over
//! the water background, and the graticule (meridians and parallels) that
//! keeps any view readable as a map. `display::build` calls both.

use super::display::{Item, MapCache, View, project_ring};
use super::projection::GeoBBox;
use crate::model::Dataset;
use crate::model::geometry::Shape;

/// The base layer's land (fills and outlines), culled to the view.
pub(super) fn base_layer(ds: &Dataset, cache: &MapCache, view: &View<'_>, items: &mut Vec<Item>) {
    let proj = view.projection;
    let visible = proj.visible_bbox();
    for (f, tris) in ds.map.base.iter().zip(&cache.base) {
        let Shape::Area(polys) = &f.shape else {
            continue;
        };
        for (poly, t) in polys.iter().zip(tris) {
            let Some(b) = GeoBBox::from_points(poly.iter().flatten().copied()) else {
                continue;
            };
            let overlaps = b.max[0] >= visible.min[0]
                && b.min[0] <= visible.max[0]
                && b.max[1] >= visible.min[1]
                && b.min[1] <= visible.max[1];
            if !overlaps {
                continue;
            }
            items.push(Item::Fill {
                vertices: t
                    .vertices
                    .iter()
                    .map(|p| proj.screen_from_geo(*p))
                    .collect(),
                indices: t.indices.clone(),
                color: view.style.base_land,
            });
            for ring in poly {
                items.push(Item::Path {
                    points: project_ring(proj, ring),
                    closed: true,
                    stroke: view.style.base_stroke,
                });
            }
        }
    }
}

/// The spacing of the graticule, degrees: the smallest of 0.25°, 0.5°, 1°,
/// 2°, 5° and 10° that puts at most eight lines across `span` degrees.
#[must_use]
pub fn graticule_step(span: f64) -> f64 {
    [0.25, 0.5, 1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .find(|step| span / step <= 8.0)
        .unwrap_or(10.0)
}

/// Meridians and parallels across the view, at [`graticule_step`]
/// spacing.
pub(super) fn graticule(view: &View<'_>, items: &mut Vec<Item>) {
    let proj = view.projection;
    let b = proj.visible_bbox();
    let span = (b.max[0] - b.min[0]).max(b.max[1] - b.min[1]);
    if !span.is_finite() || span <= 0.0 {
        return;
    }
    let step = graticule_step(span);
    let lines = |lo: f64, hi: f64| {
        let first = (lo / step).ceil() as i64;
        let last = (hi / step).floor() as i64;
        (first..=last).map(move |k| k as f64 * step)
    };
    let mut segments = Vec::new();
    for lon in lines(b.min[0], b.max[0]) {
        segments.push((
            proj.screen_from_geo([lon, b.min[1]]),
            proj.screen_from_geo([lon, b.max[1]]),
        ));
    }
    for lat in lines(b.min[1], b.max[1]) {
        segments.push((
            proj.screen_from_geo([b.min[0], lat]),
            proj.screen_from_geo([b.max[0], lat]),
        ));
    }
    if !segments.is_empty() {
        items.push(Item::Segments {
            segments,
            stroke: view.style.graticule,
        });
    }
}
