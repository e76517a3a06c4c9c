//! The display list: what the map shows at a date, in screen coordinates,
//! independent of any backend. The egui painter draws it; the exporters will
//! write it to SVG and PNG, so every output shows the same thing.

use std::collections::HashMap;

pub use super::base::graticule_step;
use super::base::{base_layer, graticule};
use super::hatch::{Segment, dashes, hatch_segments};
use super::labels::{self, Priority};
use super::lod::Lod;
pub use super::names::{NameLang, display_name, scheme_label};
use super::polylabel::label_point;
use super::projection::{Camera, GeoBBox, Projection, Viewport, clamp_camera};
use super::style::{Rgba, Stroke, Style};
use super::triangulate::{Triangles, triangulate};
use crate::i18n::{Locale, tr, tr_args};
use crate::model::Dataset;
use crate::model::geometry::{Feature, Shape};
use crate::model::state::PlaceState;
use crate::model::types::{Basis, PlaceKind, Reach};

/// Geometry prepared once per dataset: triangulated fills, label points and
/// bounding boxes, all in lon/lat so they only need projecting each frame.
#[derive(Debug, Clone, Default)]
pub struct MapCache {
    /// Latitude (degrees) at which longitudes are scaled by its cosine.
    pub ref_lat: f64,
    /// Bounding box of the tracked places: what "fit" shows.
    pub tracked_bbox: Option<GeoBBox>,
    /// Bounding box of everything.
    pub all_bbox: Option<GeoBBox>,
    /// Bounding box of the base layer (the land and water around the map),
    /// when the dataset has one: how far the camera may look.
    pub base_bbox: Option<GeoBBox>,
    /// Per feature, in `map.features` order.
    pub features: Vec<CachedFeature>,
    /// Triangles of each polygon of each base-layer feature, in
    /// `map.base` order.
    pub base: Vec<Vec<Triangles>>,
    /// Simplified copies of the areas, drawn when zoomed out.
    pub lod: Lod,
}

/// One feature's prepared geometry.
#[derive(Debug, Clone, Default)]
pub struct CachedFeature {
    /// Triangles of each polygon (areas only).
    pub triangles: Vec<Triangles>,
    /// Where its label goes (areas: pole of inaccessibility; points: the point).
    pub label_at: Option<[f64; 2]>,
    /// Distance from the label point to the nearest edge, degrees of latitude.
    pub label_room: f64,
    /// Its bounding box: areas wholly outside the view are not drawn.
    pub bbox: Option<GeoBBox>,
}

/// The bounding box of a map feature's geometry.
#[must_use]
pub fn bbox_of(f: &Feature) -> Option<GeoBBox> {
    let pts: Vec<[f64; 2]> = match &f.shape {
        Shape::Area(polys) => polys.iter().flatten().flatten().copied().collect(),
        Shape::Lines(lines) => lines.iter().flatten().copied().collect(),
        Shape::Point(p) => vec![*p],
    };
    GeoBBox::from_points(pts)
}

/// How many points of the data's box stay inside the view however far the
/// map is panned ([`MapCache::clamp`]).
pub const KEEP_IN_VIEW_PTS: f32 = 120.0;

impl MapCache {
    /// `camera` limited so the dataset's places stay in `viewport` (at
    /// least [`KEEP_IN_VIEW_PTS`] of them) and, with a base layer, so the
    /// view never looks past its edge (see
    /// [`clamp_camera`](super::projection::clamp_camera)).
    #[must_use]
    pub fn clamp(&self, camera: Camera, viewport: Viewport) -> Camera {
        match self.tracked_bbox.or(self.all_bbox) {
            Some(data) => clamp_camera(
                camera,
                viewport,
                self.ref_lat,
                data,
                self.base_bbox,
                KEEP_IN_VIEW_PTS,
            ),
            None => camera,
        }
    }

    /// Prepare the dataset's map.
    #[must_use]
    pub fn new(ds: &Dataset) -> Self {
        let tracked: Vec<&Feature> = ds
            .tracked_places()
            .filter_map(|p| ds.map.feature(&p.id))
            .collect();
        let union =
            |fs: &mut dyn Iterator<Item = &Feature>| fs.filter_map(bbox_of).reduce(GeoBBox::union);
        let tracked_bbox = union(&mut tracked.iter().copied());
        let all_bbox = union(&mut ds.map.features.iter());
        let ref_lat = tracked_bbox.or(all_bbox).map_or(0.0, |b| b.center()[1]);
        let features = ds
            .map
            .features
            .iter()
            .map(|f| match &f.shape {
                Shape::Area(polys) => {
                    let label = label_point(polys, ref_lat);
                    let label_at = label.map(|(p, _)| p);
                    let label_room = label.map_or(0.0, |(_, room)| room);
                    CachedFeature {
                        triangles: polys.iter().map(|p| triangulate(p)).collect(),
                        label_at,
                        label_room,
                        bbox: bbox_of(f),
                    }
                }
                Shape::Point(p) => CachedFeature {
                    label_at: Some(*p),
                    ..CachedFeature::default()
                },
                Shape::Lines(_) => CachedFeature::default(),
            })
            .collect();
        let base_bbox = union(&mut ds.map.base.iter());
        let base = ds
            .map
            .base
            .iter()
            .map(|f| match &f.shape {
                Shape::Area(polys) => polys.iter().map(|p| triangulate(p)).collect(),
                _ => Vec::new(),
            })
            .collect();
        Self {
            ref_lat,
            tracked_bbox,
            all_bbox,
            base_bbox,
            features,
            base,
            lod: Lod::new(&ds.map.features, ref_lat),
        }
    }
}

/// A fill pattern drawn over an area's fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    /// Diagonal stripes: a handover agreed and not yet carried out.
    Hatch,
    /// Crossed stripes: a change whose day the sources do not give.
    CrossHatch,
    /// Rows of dots: control a party claims, which no text reports in its
    /// own voice.
    Dots,
    /// Rows of dashes: control inferred from what the sources say.
    Dashes,
    /// Wide-set upright lines (over a paler fill): control of part of the
    /// place.
    Part,
}

impl Pattern {
    /// The pattern's segments inside the polygon `rings` (screen points),
    /// its lines `spacing` points apart: every backend draws the map's
    /// patterns and the legend's swatches with these.
    #[must_use]
    pub fn segments(self, rings: &[Vec<[f32; 2]>], spacing: f32) -> Vec<Segment> {
        let diag = std::f32::consts::FRAC_PI_4;
        match self {
            Self::Hatch => hatch_segments(rings, spacing, diag, 0.0),
            Self::CrossHatch => {
                let mut segs = hatch_segments(rings, spacing, diag, 0.0);
                segs.extend(hatch_segments(rings, spacing, -diag, 0.0));
                segs
            }
            Self::Dots => dashes(
                &hatch_segments(rings, spacing * 0.8, 0.0, spacing * 0.4),
                spacing * 0.25,
                spacing * 0.55,
            ),
            Self::Dashes => dashes(
                &hatch_segments(rings, spacing, 0.0, spacing * 0.5),
                spacing * 0.7,
                spacing * 0.45,
            ),
            Self::Part => hatch_segments(rings, spacing * 1.6, std::f32::consts::FRAC_PI_2, 0.0),
        }
    }
}

/// Text alignment relative to its anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Centred on the anchor.
    Center,
    /// Left edge at the anchor, vertically centred.
    LeftCenter,
}

/// One thing to draw, in screen points (y down).
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A filled triangle mesh.
    Fill {
        /// Vertices.
        vertices: Vec<[f32; 2]>,
        /// Triangle indices into `vertices`.
        indices: Vec<u32>,
        /// Colour.
        color: Rgba,
    },
    /// A polyline, closed or open.
    Path {
        /// Points.
        points: Vec<[f32; 2]>,
        /// Whether the last point joins the first.
        closed: bool,
        /// Line style.
        stroke: Stroke,
    },
    /// Separate segments (hatching).
    Segments {
        /// Segment end points.
        segments: Vec<([f32; 2], [f32; 2])>,
        /// Line style.
        stroke: Stroke,
    },
    /// A filled circle.
    Circle {
        /// Centre.
        center: [f32; 2],
        /// Radius.
        radius: f32,
        /// Fill.
        fill: Rgba,
        /// Outline.
        stroke: Stroke,
    },
    /// A text label (logical order; the backend handles bidi and shaping).
    Text {
        /// The text.
        text: String,
        /// Anchor point.
        pos: [f32; 2],
        /// Size in points.
        size: f32,
        /// Ink.
        color: Rgba,
        /// Halo behind the glyphs.
        halo: Rgba,
        /// Alignment.
        anchor: Anchor,
        /// Bold.
        bold: bool,
    },
}

/// A legend swatch.
#[derive(Debug, Clone, PartialEq)]
pub enum Swatch {
    /// A fill, optionally patterned with stripes of `ink`.
    Fill {
        /// Base colour.
        color: Rgba,
        /// Pattern over it.
        pattern: Option<(Pattern, Rgba)>,
    },
    /// A line style.
    Line(Stroke),
}

/// A legend entry.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    /// Swatch.
    pub swatch: Swatch,
    /// Text.
    pub label: String,
}

/// The map at a date, ready to paint.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scene {
    /// Background colour.
    pub background: Rgba,
    /// Items in painting order.
    pub items: Vec<Item>,
    /// Legend entries, in order.
    pub legend: Vec<LegendEntry>,
}

/// Everything the scene depends on besides the data.
pub struct View<'a> {
    /// Screen projection.
    pub projection: &'a Projection,
    /// Colours and sizes.
    pub style: &'a Style,
    /// Which names to show.
    pub names: NameLang,
    /// The interface language: the legend's words, and the names when
    /// `names` is [`NameLang::Interface`].
    pub locale: Locale,
    /// Fill colours to use instead of the state's (cross-fades), by place id.
    pub fill_override: &'a HashMap<String, Rgba>,
    /// The selected place.
    pub selected: Option<&'a str>,
    /// The place under the pointer.
    pub hovered: Option<&'a str>,
    /// Places that changed between two compared dates, outlined, with the
    /// legend text for them.
    pub changed: Option<(&'a [String], String)>,
    /// Show only what a text reports in its own voice: claimed and inferred
    /// control is drawn as unknown (*View › Reported control only*).
    pub reported_only: bool,
}

/// The fill colour and patterns of a tracked place in its state: the
/// controller's fill (paler, with upright lines in its ink, for control of
/// part of the place), dots over
/// claimed and dashes over inferred control, and stripes for a pending
/// handover or crossed stripes for an undated change. With `reported_only`,
/// claimed or inferred control is [`Style::unknown_fill`] with no evidence
/// pattern, and handovers only a claim or inference supports are not shown.
#[must_use]
pub fn state_fill(
    ds: &Dataset,
    style: &Style,
    state: &PlaceState,
    reported_only: bool,
) -> (Rgba, Vec<(Pattern, Rgba)>) {
    let idx = |id: &str| ds.controllers.iter().position(|c| c.id == id).unwrap_or(0);
    let shown = |basis: Basis| !reported_only || basis == Basis::Reported;
    let ev = &state.evidence;
    let fill = if !shown(ev.basis) {
        style.unknown_fill
    } else if ev.reach == Reach::Part {
        style.controller_part_fill(idx(&state.controlled_by))
    } else {
        style.controller_fill(idx(&state.controlled_by))
    };
    let mut patterns = Vec::new();
    if shown(ev.basis) && ev.reach == Reach::Part {
        patterns.push((
            Pattern::Part,
            style.controller_ink(idx(&state.controlled_by)),
        ));
    }
    if !reported_only {
        match ev.basis {
            Basis::Reported => {}
            Basis::Claimed => patterns.push((Pattern::Dots, style.evidence_ink)),
            Basis::Inferred => patterns.push((Pattern::Dashes, style.evidence_ink)),
        }
    }
    if let Some(t) = state
        .transition
        .as_ref()
        .filter(|t| shown(t.evidence.basis))
    {
        patterns.push((Pattern::CrossHatch, style.controller_ink(idx(&t.to))));
    } else if let Some(p) = state.pending.as_ref().filter(|p| shown(p.evidence.basis)) {
        patterns.push((Pattern::Hatch, style.controller_ink(idx(&p.to))));
    }
    (fill, patterns)
}

pub(super) fn project_ring(proj: &Projection, ring: &[[f64; 2]]) -> Vec<[f32; 2]> {
    ring.iter().map(|p| proj.screen_from_geo(*p)).collect()
}

/// Whether any of `bbox` is in `proj`'s view (or within a point of it).
fn on_screen(proj: &Projection, bbox: GeoBBox) -> bool {
    let a = proj.screen_from_geo(bbox.min);
    let b = proj.screen_from_geo(bbox.max);
    let vp = proj.viewport();
    let (x0, x1) = (a[0].min(b[0]), a[0].max(b[0]));
    let (y0, y1) = (a[1].min(b[1]), a[1].max(b[1]));
    x1 >= vp.min[0] - 1.0
        && x0 <= vp.min[0] + vp.size[0] + 1.0
        && y1 >= vp.min[1] - 1.0
        && y0 <= vp.min[1] + vp.size[1] + 1.0
}

/// Build the scene for the states at one date.
#[must_use]
pub fn build(ds: &Dataset, cache: &MapCache, states: &[PlaceState], view: &View<'_>) -> Scene {
    let style = view.style;
    let names = view.names.resolve(view.locale.lang);
    let proj = view.projection;
    let mut items = Vec::new();
    let mut labels = Vec::new();
    let by_place = crate::model::state::by_id(states);
    let state_of = |id: &str| by_place.get(id).copied();
    // Painting order: countries, rayons, districts, regions, lines, towns.
    let order = ["country", "rayon", "district", "region", "line", "town"];
    let rank = |kind: &str| order.iter().position(|k| *k == kind).unwrap_or(order.len());
    let mut indices: Vec<usize> = (0..ds.map.features.len()).collect();
    indices.sort_by_key(|&i| rank(&ds.map.features[i].kind));
    // The base layer under everything: land over the water background.
    base_layer(ds, cache, view, &mut items);
    // The graticule goes over the land and the context areas, under the
    // tracked places.
    let mut graticule_drawn = ds.map.base.is_empty();
    // Zoomed out, simplified outlines (see `scene::lod`).
    let level = cache.lod.level_for(proj.camera().zoom);
    for i in indices {
        let f = &ds.map.features[i];
        if !graticule_drawn && rank(&f.kind) >= rank("district") {
            graticule(view, &mut items);
            graticule_drawn = true;
        }
        let Some(cached) = cache.features.get(i) else {
            continue;
        };
        let place = ds.place(&f.id);
        let tracked = place.is_some_and(|p| p.kind.is_tracked());
        match &f.shape {
            Shape::Area(polys) => {
                let (fill, patterns, stroke) = if tracked {
                    let (fill, patterns) = state_of(&f.id).map_or_else(
                        || (style.rayon_fill, Vec::new()),
                        |s| state_fill(ds, style, s, view.reported_only),
                    );
                    let fill = view.fill_override.get(&f.id).copied().unwrap_or(fill);
                    let stroke = if place.is_some_and(|p| p.kind == PlaceKind::Region) {
                        style.region_stroke
                    } else {
                        style.district_stroke
                    };
                    (fill, patterns, stroke)
                } else if f.kind == "country" {
                    (style.country_fill, Vec::new(), style.country_stroke)
                } else {
                    (style.rayon_fill, Vec::new(), style.rayon_stroke)
                };
                let simplified = level
                    .and_then(|l| l.features.get(i))
                    .and_then(Option::as_ref);
                let (polys, triangles) = match simplified {
                    Some(s) => (&s.polygons, &s.triangles),
                    None => (polys, &cached.triangles),
                };
                let visible = cached.bbox.is_none_or(|b| on_screen(proj, b));
                for (poly, tris) in polys.iter().zip(triangles).filter(|_| visible) {
                    items.push(Item::Fill {
                        vertices: tris
                            .vertices
                            .iter()
                            .map(|p| proj.screen_from_geo(*p))
                            .collect(),
                        indices: tris.indices.clone(),
                        color: fill,
                    });
                    let rings: Vec<Vec<[f32; 2]>> =
                        poly.iter().map(|r| project_ring(proj, r)).collect();
                    for &(pattern, ink) in &patterns {
                        items.push(Item::Segments {
                            segments: pattern.segments(&rings, style.hatch_spacing),
                            stroke: Stroke {
                                width: style.hatch_width,
                                color: ink,
                                dash: None,
                            },
                        });
                    }
                    // With a base layer, it draws the countries' outlines:
                    // the map's own are clipped to a box, whose straight
                    // edges would cut through the land.
                    let outline = f.kind != "country" || ds.map.base.is_empty();
                    for ring in rings.into_iter().filter(|_| outline) {
                        items.push(Item::Path {
                            points: ring,
                            closed: true,
                            stroke,
                        });
                    }
                }
                if let Some(at) = cached.label_at {
                    let pos = proj.screen_from_geo(at);
                    let name = display_name(place.map_or(&f.names, |p| &p.names), names);
                    let (size, color) = if tracked {
                        (style.label_size, style.label)
                    } else {
                        (style.context_label_size, style.context_label)
                    };
                    // Context labels only where the area has room for them.
                    let room_pts = cached.label_room * proj.camera().zoom * 2.0;
                    let needed = f64::from(size) * 0.55 * name.chars().count() as f64;
                    if tracked || room_pts > needed {
                        let priority = if tracked {
                            Priority::Tracked
                        } else {
                            Priority::Context
                        };
                        labels.push((
                            priority,
                            Item::Text {
                                text: name.to_owned(),
                                pos,
                                size,
                                color,
                                halo: style.halo,
                                anchor: Anchor::Center,
                                bold: tracked,
                            },
                        ));
                    }
                }
            }
            Shape::Lines(lines) => {
                for line in lines {
                    items.push(Item::Path {
                        points: project_ring(proj, line),
                        closed: false,
                        stroke: style.line_stroke,
                    });
                }
            }
            Shape::Point(p) => {
                let center = proj.screen_from_geo(*p);
                items.push(Item::Circle {
                    center,
                    radius: style.marker_radius,
                    fill: style.marker_fill,
                    stroke: style.marker_stroke,
                });
                let name = display_name(place.map_or(&f.names, |p| &p.names), names);
                labels.push((
                    Priority::Town,
                    Item::Text {
                        text: name.to_owned(),
                        pos: [center[0] + style.marker_radius + 3.0, center[1]],
                        size: style.context_label_size,
                        color: style.label,
                        halo: style.halo,
                        anchor: Anchor::LeftCenter,
                        bold: false,
                    },
                ));
            }
        }
    }
    if !graticule_drawn {
        graticule(view, &mut items);
    }
    // Selection and hover outlines above the areas, below the labels.
    for (id, stroke) in [
        (view.hovered, style.hover_stroke),
        (view.selected, style.selected_stroke),
    ] {
        let Some(f) = id.and_then(|id| ds.map.feature(id)) else {
            continue;
        };
        if let Shape::Area(polys) = &f.shape {
            for ring in polys.iter().flatten() {
                items.push(Item::Path {
                    points: project_ring(proj, ring),
                    closed: true,
                    stroke,
                });
            }
        }
    }
    // Labels by priority, none overlapping another, all inside the view.
    items.extend(labels::place(labels, proj.viewport()));
    let mut legend = legend(ds, style, view.names, view.locale, view.reported_only);
    if let Some((_, text)) = &view.changed {
        legend.insert(
            0,
            LegendEntry {
                swatch: Swatch::Line(style.compare_stroke),
                label: text.clone(),
            },
        );
    }
    let background = if ds.map.base.is_empty() {
        style.background
    } else {
        style.water
    };
    Scene {
        background,
        items,
        legend,
    }
}

/// The legend in `locale`'s language: one entry per controller, the two
/// patterns, how the sources support control (the kinds the dataset uses;
/// with `reported_only`, the unknown fill instead), each region's boundary
/// and each line, and the context areas. Place names follow `names`
/// ([`NameLang::Interface`]: the locale's).
#[must_use]
pub fn legend(
    ds: &Dataset,
    style: &Style,
    names: NameLang,
    locale: Locale,
    reported_only: bool,
) -> Vec<LegendEntry> {
    let names = names.resolve(locale.lang);
    let lang = locale.lang.tag();
    let mut out: Vec<LegendEntry> = ds
        .controllers
        .iter()
        .enumerate()
        .map(|(i, c)| LegendEntry {
            swatch: Swatch::Fill {
                color: style.controller_fill(i),
                pattern: None,
            },
            label: tr_args(
                locale,
                "legend-controlled-by",
                &[("name", c.names.get(lang).into())],
            ),
        })
        .collect();
    let neutral = style.controller_fill(0);
    let ink = style.controller_ink(1 % ds.controllers.len().max(1));
    out.push(LegendEntry {
        swatch: Swatch::Fill {
            color: neutral,
            pattern: Some((Pattern::Hatch, ink)),
        },
        label: tr(locale, "legend-handover-agreed"),
    });
    out.push(LegendEntry {
        swatch: Swatch::Fill {
            color: neutral,
            pattern: Some((Pattern::CrossHatch, ink)),
        },
        label: tr(locale, "legend-changing-undated"),
    });
    out.extend(super::evidence::legend_entries(
        ds,
        style,
        locale,
        reported_only,
    ));
    for p in ds.places.iter().filter(|p| p.kind == PlaceKind::Region) {
        // The dataset's own legend text in the interface language, else a
        // generic one naming the region (in the chosen names).
        let label = p.legend.exact(lang).map_or_else(
            || {
                tr_args(
                    locale,
                    "legend-boundary-of",
                    &[("name", display_name(&p.names, names).into())],
                )
            },
            str::to_owned,
        );
        out.push(LegendEntry {
            swatch: Swatch::Line(style.region_stroke),
            label,
        });
    }
    for f in ds.map.features.iter().filter(|f| f.kind == "line") {
        out.push(LegendEntry {
            swatch: Swatch::Line(style.line_stroke),
            label: display_name(&f.names, names).to_owned(),
        });
    }
    out.push(LegendEntry {
        swatch: Swatch::Fill {
            color: style.rayon_fill,
            pattern: None,
        },
        label: tr(locale, "legend-neighbouring-areas"),
    });
    out.push(LegendEntry {
        swatch: Swatch::Fill {
            color: style.country_fill,
            pattern: None,
        },
        label: tr(locale, "legend-neighbouring-countries"),
    });
    out
}
