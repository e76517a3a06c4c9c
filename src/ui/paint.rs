//! The egui backend of the display list: turns a [`Scene`] into shapes.

use std::sync::Arc;

use egui::epaint::{CircleShape, Mesh, Tessellator, Vertex, WHITE_UV};
use egui::{Color32, FontFamily, FontId, Galley, Painter, Pos2, Rect, Shape, Vec2};

use super::text::line_job;
use crate::scene::display::{Anchor, Item, Scene, Swatch};
use crate::scene::style::{Rgba, Stroke};

/// A tessellator for meshes kept across frames, clipped to `painter`'s
/// rectangle. Discs are drawn as polygons rather than taken from the font
/// atlas, so a kept mesh without text depends on nothing egui may drop.
#[must_use]
pub fn lasting_tessellator(painter: &Painter, pixels_per_point: f32) -> Tessellator {
    let ctx = painter.ctx();
    let mut options = ctx.tessellation_options(|o| *o);
    options.prerasterized_discs = false;
    let atlas = ctx.fonts(|f| f.font_image_size());
    let mut tess = Tessellator::new(pixels_per_point, options, atlas, Vec::new());
    tess.set_clip_rect(painter.clip_rect());
    tess
}

/// `shapes` tessellated into one mesh kept across frames (see
/// [`lasting_tessellator`]). Glyphs in it sample the font atlas at its size
/// now: a cache that keeps text must tessellate again when the atlas grows.
#[must_use]
pub fn lasting_mesh(
    painter: &Painter,
    pixels_per_point: f32,
    shapes: impl IntoIterator<Item = Shape>,
) -> Mesh {
    let mut tess = lasting_tessellator(painter, pixels_per_point);
    let mut mesh = Mesh::default();
    for shape in shapes {
        tess.tessellate_shape(shape, &mut mesh);
    }
    mesh
}

/// An egui colour from RGBA bytes.
#[must_use]
pub fn color(c: Rgba) -> Color32 {
    Color32::from_rgba_unmultiplied(c[0], c[1], c[2], c[3])
}

fn pos(p: [f32; 2]) -> Pos2 {
    Pos2::new(p[0], p[1])
}

fn stroke(s: Stroke) -> egui::Stroke {
    egui::Stroke::new(s.width, color(s.color))
}

/// Paint a polyline, dashed if the stroke says so.
pub fn path(painter: &Painter, points: Vec<Pos2>, closed: bool, s: Stroke) {
    let mut out = Vec::new();
    path_shapes(points, closed, s, &mut out);
    painter.extend(out);
}

/// The shapes of a polyline, dashed if the stroke says so.
fn path_shapes(points: Vec<Pos2>, closed: bool, s: Stroke, out: &mut Vec<Shape>) {
    if points.len() < 2 {
        return;
    }
    match s.dash {
        Some([dash, gap]) => {
            let mut pts = points;
            if closed && let Some(first) = pts.first().copied() {
                pts.push(first);
            }
            out.extend(Shape::dashed_line(&pts, stroke(s), dash, gap));
        }
        None if closed => out.push(Shape::closed_line(points, stroke(s))),
        None => out.push(Shape::line(points, stroke(s))),
    }
}

/// How a label looks.
#[derive(Debug, Clone, Copy)]
pub struct LabelStyle {
    /// Size in points.
    pub size: f32,
    /// Glyph colour.
    pub ink: Color32,
    /// Halo colour (transparent for none).
    pub halo: Color32,
    /// Alignment on the anchor point.
    pub anchor: Anchor,
    /// Bold face.
    pub bold: bool,
}

/// A label laid out: bidi-correct glyphs in one galley.
#[must_use]
pub fn label_galley(painter: &Painter, text: &str, style: LabelStyle) -> Arc<Galley> {
    let family = if style.bold {
        FontFamily::Name(super::text::BOLD_FAMILY.into())
    } else {
        FontFamily::Proportional
    };
    painter.layout_job(line_job(text, FontId::new(style.size, family), style.ink))
}

/// The shapes of a label laid out in `galley`: halo first, then the
/// glyphs. Returns its rect.
pub fn label_shapes(
    galley: Arc<Galley>,
    at: Pos2,
    style: LabelStyle,
    out: &mut Vec<Shape>,
) -> Rect {
    let size = galley.size();
    let top_left = match style.anchor {
        Anchor::Center => at - size / 2.0,
        Anchor::LeftCenter => at - Vec2::new(0.0, size.y / 2.0),
    };
    if galley.is_empty() {
        return Rect::from_min_size(top_left, size);
    }
    if style.halo.a() > 0 {
        for dx in [-1.0, 0.0, 1.0] {
            for dy in [-1.0, 0.0, 1.0] {
                if dx != 0.0 || dy != 0.0 {
                    out.push(Shape::galley_with_override_text_color(
                        top_left + Vec2::new(dx, dy),
                        galley.clone(),
                        style.halo,
                    ));
                }
            }
        }
    }
    out.push(Shape::galley(top_left, galley, style.ink));
    Rect::from_min_size(top_left, size)
}

/// Paint a label: halo first, then the glyphs, bidi-correct. Returns its rect.
pub fn label(painter: &Painter, text: &str, at: Pos2, style: LabelStyle) -> Rect {
    let mut out = Vec::new();
    let rect = label_shapes(label_galley(painter, text, style), at, style, &mut out);
    painter.extend(out);
    rect
}

/// A text item's look, or `None` for other items.
#[must_use]
pub fn text_style(item: &Item) -> Option<(&str, Pos2, LabelStyle)> {
    match item {
        Item::Text {
            text,
            pos: p,
            size,
            color: c,
            halo,
            anchor,
            bold,
        } => Some((
            text,
            pos(*p),
            LabelStyle {
                size: *size,
                ink: color(*c),
                halo: color(*halo),
                anchor: *anchor,
                bold: *bold,
            },
        )),
        _ => None,
    }
}

/// The shapes of one item of the display list; text is laid out by
/// `galley` (text, look).
pub fn item_shapes(
    item: &Item,
    galley: &mut dyn FnMut(&str, LabelStyle) -> Arc<Galley>,
    out: &mut Vec<Shape>,
) {
    match item {
        Item::Fill {
            vertices,
            indices,
            color: c,
        } => {
            let fill = color(*c);
            let mesh = Mesh {
                vertices: vertices
                    .iter()
                    .map(|p| Vertex {
                        pos: pos(*p),
                        uv: WHITE_UV,
                        color: fill,
                    })
                    .collect(),
                indices: indices.clone(),
                ..Mesh::default()
            };
            out.push(Shape::mesh(mesh));
        }
        Item::Path {
            points,
            closed,
            stroke: s,
        } => path_shapes(points.iter().map(|p| pos(*p)).collect(), *closed, *s, out),
        Item::Segments {
            segments,
            stroke: s,
        } => {
            let st = stroke(*s);
            out.extend(
                segments
                    .iter()
                    .map(|(a, b)| Shape::line_segment([pos(*a), pos(*b)], st)),
            );
        }
        Item::Circle {
            center,
            radius,
            fill,
            stroke: s,
        } => out.push(Shape::Circle(CircleShape {
            center: pos(*center),
            radius: *radius,
            fill: color(*fill),
            stroke: stroke(*s),
        })),
        Item::Text { .. } => {
            if let Some((text, at, style)) = text_style(item) {
                label_shapes(galley(text, style), at, style, out);
            }
        }
    }
}

/// Paint every item of the scene in order.
pub fn scene(painter: &Painter, scene: &Scene) {
    painter.rect_filled(painter.clip_rect(), 0.0, color(scene.background));
    let mut out = Vec::new();
    let mut galley = |text: &str, style: LabelStyle| label_galley(painter, text, style);
    for item in &scene.items {
        item_shapes(item, &mut galley, &mut out);
    }
    painter.extend(out);
}

/// Paint a legend swatch into `rect`.
pub fn swatch(painter: &Painter, rect: Rect, swatch: &Swatch, spacing: f32, hatch_width: f32) {
    match swatch {
        Swatch::Fill { color: c, pattern } => {
            painter.rect_filled(rect, 2.0, color(*c));
            if let Some((pattern, ink)) = pattern {
                let ring = vec![
                    [rect.left(), rect.top()],
                    [rect.right(), rect.top()],
                    [rect.right(), rect.bottom()],
                    [rect.left(), rect.bottom()],
                    [rect.left(), rect.top()],
                ];
                let segs = pattern.segments(&[ring], spacing * 0.6);
                let st = egui::Stroke::new(hatch_width, color(*ink));
                painter.extend(
                    segs.iter()
                        .map(|(a, b)| Shape::line_segment([pos(*a), pos(*b)], st)),
                );
            }
            painter.rect_stroke(
                rect,
                2.0,
                egui::Stroke::new(0.5, Color32::from_gray(120)),
                egui::StrokeKind::Inside,
            );
        }
        Swatch::Line(s) => {
            let y = rect.center().y;
            path(
                painter,
                vec![Pos2::new(rect.left(), y), Pos2::new(rect.right(), y)],
                false,
                *s,
            );
        }
    }
}
