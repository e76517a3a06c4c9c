//! Map labels placed by priority so that no two overlap: tracked places
//! first, then towns, then context areas; a label that would overlap one
//! already placed, or that cannot be moved wholly inside the viewport, is
//! dropped.
//!
//! The scene has no fonts, so text widths come from [`estimate_width`], a
//! deliberately generous per-character estimate (wider than the bundled
//! Noto faces set the dataset's names, in either script; `tests/export.rs`
//! checks this against the figure's own shaping): every backend draws a
//! label inside its box, so boxes that do not intersect mean glyphs that do
//! not overlap, in the window, figures and GIFs alike. The cost is a little
//! spare room around labels, never an overlap that depends on the renderer.

use std::collections::HashMap;

use super::display::{Anchor, Item};
use super::projection::Viewport;

/// Room kept free around each label's text, points.
pub const LABEL_PAD: f32 = 2.0;

/// Line height of a label as a multiple of its size.
const LINE: f32 = 1.3;

/// A generous width of `text` set at `size` points (bold when `bold`),
/// in points: per character, 0.72 em for capitals, wide letters and
/// digits' neighbours, 0.62 em for others, 0.32 em for spaces, 10 % more in
/// bold.
#[must_use]
pub fn estimate_width(text: &str, size: f32, bold: bool) -> f32 {
    let ems: f32 = text
        .chars()
        .map(|c| {
            if c.is_whitespace() {
                0.32
            } else if c.is_uppercase() || matches!(c, 'm' | 'w' | 'M' | 'W') {
                0.78
            } else if c.is_ascii_punctuation() {
                0.4
            } else {
                0.62
            }
        })
        .sum();
    ems * size * if bold { 1.1 } else { 1.0 }
}

/// How a label ranks when labels compete for room (placed in this order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Priority {
    /// A tracked place (district or region).
    Tracked,
    /// A town.
    Town,
    /// A context area (neighbouring rayon or country).
    Context,
}

/// A label's box: `[min_x, min_y, max_x, max_y]` in screen points, padded
/// by [`LABEL_PAD`]; `None` for items that are not text.
#[must_use]
pub fn label_box(item: &Item) -> Option<[f32; 4]> {
    let Item::Text {
        text,
        pos,
        size,
        anchor,
        bold,
        ..
    } = item
    else {
        return None;
    };
    let w = estimate_width(text, *size, *bold);
    let h = size * LINE;
    let x0 = match anchor {
        Anchor::Center => pos[0] - w / 2.0,
        Anchor::LeftCenter => pos[0],
    };
    let y0 = pos[1] - h / 2.0;
    Some([
        x0 - LABEL_PAD,
        y0 - LABEL_PAD,
        x0 + w + LABEL_PAD,
        y0 + h + LABEL_PAD,
    ])
}

/// Whether two boxes share any area.
#[must_use]
pub fn intersects(a: [f32; 4], b: [f32; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// `item` moved so its box lies inside `vp`, when the box fits at all and
/// the move is less than the box's own width (a label is not carried far
/// from what it names); `None` otherwise.
fn inside(item: Item, b: [f32; 4], vp: Viewport) -> Option<(Item, [f32; 4])> {
    let (vx0, vy0) = (vp.min[0], vp.min[1]);
    let (vx1, vy1) = (vx0 + vp.size[0], vy0 + vp.size[1]);
    let (w, h) = (b[2] - b[0], b[3] - b[1]);
    if !(w <= vx1 - vx0 && h <= vy1 - vy0) {
        return None;
    }
    let dx = if b[0] < vx0 {
        vx0 - b[0]
    } else if b[2] > vx1 {
        vx1 - b[2]
    } else {
        0.0
    };
    let dy = if b[1] < vy0 {
        vy0 - b[1]
    } else if b[3] > vy1 {
        vy1 - b[3]
    } else {
        0.0
    };
    if dx.abs() >= w || dy.abs() >= h {
        return None;
    }
    let moved = match item {
        Item::Text {
            text,
            pos,
            size,
            color,
            halo,
            anchor,
            bold,
        } => Item::Text {
            text,
            pos: [pos[0] + dx, pos[1] + dy],
            size,
            color,
            halo,
            anchor,
            bold,
        },
        other => other,
    };
    Some((moved, [b[0] + dx, b[1] + dy, b[2] + dx, b[3] + dy]))
}

/// Side of the cells [`place`] files label boxes under, points.
const CELL: f32 = 64.0;

/// The grid cells a box covers (none for a box that is not finite).
fn cells_of(b: [f32; 4]) -> impl Iterator<Item = (i64, i64)> + Clone {
    let cell = |v: f32| (v / CELL).floor() as i64;
    let finite = b.iter().all(|v| v.is_finite());
    let (x0, x1) = if finite {
        (cell(b[0]), cell(b[2]))
    } else {
        (0, -1)
    };
    let (y0, y1) = if finite {
        (cell(b[1]), cell(b[3]))
    } else {
        (0, -1)
    };
    (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
}

/// The labels to draw: `labels` taken in priority order (stable within a
/// priority), each moved inside `viewport` or dropped, and dropped when its
/// box would intersect one already kept. Returns them in drawing order
/// (context first, so higher priorities paint on top).
#[must_use]
pub fn place(mut labels: Vec<(Priority, Item)>, viewport: Viewport) -> Vec<Item> {
    labels.sort_by_key(|(p, _)| *p);
    let mut kept: Vec<(Priority, Item, [f32; 4])> = Vec::with_capacity(labels.len());
    // The kept boxes by the grid cells they cover, so a label is checked
    // only against those near it (linear in the labels, not quadratic).
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (p, item) in labels {
        let Some(b) = label_box(&item) else {
            continue;
        };
        let Some((item, b)) = inside(item, b, viewport) else {
            continue;
        };
        let cells = cells_of(b);
        let overlaps = cells.clone().any(|c| {
            grid.get(&c)
                .is_some_and(|ks| ks.iter().any(|&k| intersects(kept[k].2, b)))
        });
        if overlaps {
            continue;
        }
        for c in cells {
            grid.entry(c).or_default().push(kept.len());
        }
        kept.push((p, item, b));
    }
    kept.reverse();
    kept.into_iter().map(|(_, item, _)| item).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str, x: f32, y: f32) -> Item {
        Item::Text {
            text: s.to_owned(),
            pos: [x, y],
            size: 12.0,
            color: [0; 4],
            halo: [0; 4],
            anchor: Anchor::Center,
            bold: false,
        }
    }

    fn vp() -> Viewport {
        Viewport {
            min: [0.0, 0.0],
            size: [400.0, 300.0],
        }
    }

    #[test]
    fn the_higher_priority_wins_a_collision() {
        let out = place(
            vec![
                (Priority::Context, text("Tartar", 200.0, 100.0)),
                (Priority::Tracked, text("Aghdam", 205.0, 102.0)),
            ],
            vp(),
        );
        assert_eq!(out, vec![text("Aghdam", 205.0, 102.0)]);
    }

    #[test]
    fn labels_far_apart_are_all_kept() {
        let out = place(
            vec![
                (Priority::Context, text("Tartar", 100.0, 100.0)),
                (Priority::Tracked, text("Aghdam", 300.0, 200.0)),
            ],
            vp(),
        );
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn a_label_at_the_edge_moves_inside() {
        let out = place(vec![(Priority::Context, text("Sharur", 2.0, 100.0))], vp());
        let b = label_box(&out[0]).unwrap_or_default();
        assert!(b[0] >= 0.0, "{b:?}");
    }

    #[test]
    fn a_label_whose_anchor_is_far_outside_is_dropped() {
        let out = place(vec![(Priority::Town, text("Goris", -200.0, 100.0))], vp());
        assert!(out.is_empty());
    }

    #[test]
    fn bold_and_longer_text_is_wider() {
        assert!(estimate_width("Kalbajar", 14.0, true) > estimate_width("Kalbajar", 14.0, false));
        assert!(estimate_width("Kalbajar", 14.0, false) > estimate_width("Lachin", 14.0, false));
    }
}
