//! Reading the PNGs the app and the exporter write, and the pixel check the
//! issues ask for: the dominant colour inside a district, away from its
//! label, outline, hatching, towns, the legend and the region drawn above it,
//! found through the viewport and camera the PNG records.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::path::Path;

use karabakh_atlas::model::Dataset;
use karabakh_atlas::model::geometry::Shape;
use karabakh_atlas::scene::display::MapCache;
use karabakh_atlas::scene::hit::point_in_area;
use karabakh_atlas::scene::projection::{Camera, Projection, Viewport};
use karabakh_atlas::scene::style::Style;

/// A decoded PNG with its text chunks.
/// A decoded PNG with its text chunks.
pub struct Shot {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
    pub text: HashMap<String, String>,
}

impl Shot {
    pub fn read(path: &Path) -> Self {
        Self::decode(&std::fs::read(path).unwrap())
    }

    pub fn decode(bytes: &[u8]) -> Self {
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        assert_eq!(info.color_type, png::ColorType::Rgba);
        buf.truncate(info.buffer_size());
        let mut text: HashMap<String, String> = reader
            .info()
            .uncompressed_latin1_text
            .iter()
            .map(|t| (t.keyword.clone(), t.text.clone()))
            .collect();
        for t in &reader.info().utf8_text {
            text.insert(t.keyword.clone(), t.get_text().unwrap());
        }
        Self {
            width: info.width,
            height: info.height,
            rgba: buf,
            text,
        }
    }

    pub fn numbers(&self, key: &str) -> Vec<f64> {
        self.text
            .get(key)
            .unwrap_or_else(|| panic!("no {key} in the PNG"))
            .split_whitespace()
            .map(|v| v.parse().unwrap())
            .collect()
    }

    /// The map's projection as the PNG records it (viewport, camera and
    /// reference latitude), in points.
    pub fn projection(&self) -> Projection {
        let vp = self.numbers("karabakh-atlas:map-viewport");
        let cam = self.numbers("karabakh-atlas:camera");
        Projection::new(
            Camera {
                center: [cam[0], cam[1]],
                zoom: cam[2],
            },
            Viewport {
                min: [vp[0] as f32, vp[1] as f32],
                size: [vp[2] as f32, vp[3] as f32],
            },
            self.numbers("karabakh-atlas:ref-lat")[0],
        )
    }

    pub fn pixel(&self, x: u32, y: u32) -> [u8; 4] {
        let i = ((y * self.width + x) * 4) as usize;
        [
            self.rgba[i],
            self.rgba[i + 1],
            self.rgba[i + 2],
            self.rgba[i + 3],
        ]
    }
}

/// The legend colour of controller `id` (its fill in `style`).
pub fn legend_fill(ds: &Dataset, style: &Style, id: &str) -> [u8; 4] {
    let i = ds.controllers.iter().position(|c| c.id == id).unwrap();
    style.controller_fill(i)
}

/// The legend colour of a place's state: its controller's fill, or the
/// paler fill of part of a place when the sources speak of part of it.
pub fn state_legend_fill(
    ds: &Dataset,
    style: &Style,
    s: &karabakh_atlas::model::state::PlaceState,
) -> [u8; 4] {
    let i = ds
        .controllers
        .iter()
        .position(|c| c.id == s.controlled_by)
        .unwrap();
    match s.evidence.reach {
        karabakh_atlas::model::types::Reach::Whole => style.controller_fill(i),
        karabakh_atlas::model::types::Reach::Part => style.controller_part_fill(i),
    }
}

pub fn close(a: [u8; 4], b: [u8; 4]) -> bool {
    a.iter().zip(b).take(3).all(|(x, y)| x.abs_diff(y) <= 3)
}

/// The most frequent colour inside `id`'s polygons in the figure, away from
/// its outline, its label, towns and (for districts) the region drawn above
/// them — found through the viewport and camera the PNG records.
pub fn dominant_colour(ds: &Dataset, cache: &MapCache, shot: &Shot, id: &str) -> [u8; 4] {
    let ppp = shot.numbers("karabakh-atlas:pixels-per-point")[0] as f32;
    let proj = shot.projection();
    let viewport = proj.viewport();
    let feature = ds.map.feature(id).unwrap();
    let Shape::Area(polys) = &feature.shape else {
        panic!("{id} is not an area")
    };
    let idx = ds.map.features.iter().position(|f| f.id == id).unwrap();
    let label = proj.screen_from_geo(cache.features[idx].label_at.unwrap());
    let name_len = ds.place(id).unwrap().names.en().chars().count() as f32;
    let (label_w, label_h) = (name_len * 14.0 * 0.62 + 14.0, 28.0);
    let region_polys: Vec<&Vec<Vec<Vec<[f64; 2]>>>> = ds
        .map
        .features
        .iter()
        .filter(|f| f.kind == "region" && f.id != id)
        .filter_map(|f| match &f.shape {
            Shape::Area(p) => Some(p),
            _ => None,
        })
        .collect();
    let towns: Vec<[f32; 2]> = ds
        .map
        .features
        .iter()
        .filter_map(|f| match &f.shape {
            Shape::Point(p) => Some(proj.screen_from_geo(*p)),
            _ => None,
        })
        .collect();
    let legend = shot
        .text
        .get("karabakh-atlas:legend")
        .map(|_| shot.numbers("karabakh-atlas:legend"));
    // The presenter's caption covers the map too.
    let caption = shot
        .text
        .get("karabakh-atlas:caption")
        .map(|_| shot.numbers("karabakh-atlas:caption"));
    let inside = |l: &Vec<f64>, x: f32, y: f32| {
        x >= l[0] as f32 - 2.0
            && x <= (l[0] + l[2]) as f32 + 2.0
            && y >= l[1] as f32 - 2.0
            && y <= (l[1] + l[3]) as f32 + 2.0
    };
    let in_legend = |x: f32, y: f32| {
        legend.as_ref().is_some_and(|l| inside(l, x, y))
            || caption.as_ref().is_some_and(|l| inside(l, x, y))
    };
    let mut counts: HashMap<[u8; 4], usize> = HashMap::new();
    for py in (0..shot.height).step_by(2) {
        for px in (0..shot.width).step_by(2) {
            let (x, y) = (px as f32 / ppp, py as f32 / ppp);
            if !viewport.contains([x, y]) || in_legend(x, y) {
                continue;
            }
            if (x - label[0]).abs() < label_w / 2.0 && (y - label[1]).abs() < label_h / 2.0 {
                continue;
            }
            if towns
                .iter()
                .any(|t| x > t[0] - 8.0 && x < t[0] + 110.0 && (y - t[1]).abs() < 12.0)
            {
                continue;
            }
            let inside = |x: f32, y: f32| point_in_area(polys, proj.geo_from_screen([x, y]));
            if !(inside(x, y)
                && inside(x - 4.0, y)
                && inside(x + 4.0, y)
                && inside(x, y - 4.0)
                && inside(x, y + 4.0))
            {
                continue;
            }
            if region_polys
                .iter()
                .any(|r| point_in_area(r, proj.geo_from_screen([x, y])))
            {
                continue;
            }
            *counts.entry(shot.pixel(px, py)).or_default() += 1;
        }
    }
    let total: usize = counts.values().sum();
    assert!(total > 50, "{id}: only {total} interior pixels sampled");
    counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map(|(c, _)| c)
        .unwrap()
}
