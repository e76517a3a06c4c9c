//! Placing the boxes of a figure, in points: header lines top down, the
//! footer bottom up, the map fitted to the tracked places between them, the
//! legend beside or below it, everything mirrored for right-to-left figures.

use super::content::HeaderLine;
use super::measure::{limit_lines, text_width, wrap};
use super::{
    FOOT_SIZE, GAP, LEGEND_SIZE, LEGEND_TITLE_SIZE, LINE_HEIGHT, MARGIN, MAX_SOURCE_LINES,
};
use crate::export::svg::Align;
use crate::scene::display::MapCache;
use crate::scene::projection::{Camera, GeoBBox, Projection, Viewport, fit};

/// The side text starts on.
pub(super) fn start_align(rtl: bool) -> Align {
    if rtl { Align::Right } else { Align::Left }
}

/// The side text ends on.
pub(super) fn end_align(rtl: bool) -> Align {
    if rtl { Align::Left } else { Align::Right }
}

/// A header line placed: baseline, text, alignment, size, bold.
pub(super) type PlacedLine = (f32, String, Align, f32, bool);

/// The words a layout has to make room for.
pub(super) struct PlanText<'a> {
    /// Whether the figure runs right to left.
    pub(super) rtl: bool,
    /// The attribution in the figure's language.
    pub(super) attribution: &'a str,
    pub(super) header: &'a [HeaderLine],
    pub(super) source_ref: &'a str,
    pub(super) legend: &'a [&'a str],
    /// Every step's header and source reference, to reserve room for the
    /// tallest.
    pub(super) all_headers: &'a [Vec<HeaderLine>],
    pub(super) all_sources: &'a [String],
}

/// Where everything goes, in points.
pub(super) struct Plan {
    /// Left and right margin.
    pub(super) side: f32,
    /// Header lines: baseline, text, alignment, size, bold.
    pub(super) header_lines: Vec<PlacedLine>,
    pub(super) source_lines: Vec<String>,
    pub(super) attribution_lines: Vec<String>,
    pub(super) footer_top: f32,
    pub(super) map_vp: Viewport,
    pub(super) camera: Camera,
    pub(super) legend_rect: [f32; 4],
    /// Each legend label's lines.
    pub(super) wrapped: Vec<Vec<String>>,
    pub(super) per_col: usize,
    pub(super) col_w: f32,
    /// Width of the map and legend together.
    pub(super) content_w: f32,
}

pub(super) const LEGEND_PAD: f32 = 12.0;
pub(super) const SWATCH_W: f32 = 28.0;
pub(super) const SWATCH_H: f32 = 15.0;

/// The height of a legend row with these lines.
pub(super) fn legend_row_h(lines: &[String]) -> f32 {
    #[allow(clippy::cast_precision_loss)]
    let text_h = lines.len().max(1) as f32 * LEGEND_SIZE * LINE_HEIGHT;
    text_h.max(SWATCH_H) + 7.0
}

/// Header lines (baseline, text, alignment, size, bold) from the top
/// margin, and their height: each line's left-to-right text at the left and
/// right-to-left text at the right, or each wrapped on lines of its own when
/// they do not fit side by side.
fn header_layout(header: &[HeaderLine], inner_w: f32, rtl: bool) -> (Vec<PlacedLine>, f32) {
    let (start, end) = (start_align(rtl), end_align(rtl));
    let mut lines = Vec::new();
    let mut y = MARGIN;
    for line in header {
        let lh = line.size * LINE_HEIGHT;
        let left_w = text_width(&line.left, line.size, line.bold);
        let right_w = line
            .right
            .as_deref()
            .map_or(0.0, |r| text_width(r, line.size, line.bold) + 2.0 * GAP);
        if left_w + right_w <= inner_w {
            y += lh;
            lines.push((y, line.left.clone(), start, line.size, line.bold));
            if let Some(r) = &line.right {
                lines.push((y, r.clone(), end, line.size, line.bold));
            }
        } else {
            for l in wrap(&line.left, line.size, line.bold, inner_w) {
                y += lh;
                lines.push((y, l, start, line.size, line.bold));
            }
            if let Some(r) = &line.right {
                for l in wrap(r, line.size, line.bold, inner_w) {
                    y += lh;
                    lines.push((y, l, end, line.size, line.bold));
                }
            }
        }
    }
    (lines, y - MARGIN)
}

/// [`plan`] with the map and legend centred between margins of `side`.
pub(super) fn plan_centred(
    cache: &MapCache,
    w: f32,
    h: f32,
    side: f32,
    texts: &PlanText<'_>,
) -> Plan {
    let mut p = plan(cache, w, h, side, texts);
    let dx = ((w - 2.0 * side) - p.content_w) / 2.0;
    if dx > 0.5 {
        let dx = if texts.rtl { -dx } else { dx };
        p.map_vp.min[0] += dx;
        p.legend_rect[0] += dx;
    }
    p
}

/// Lay the figure out with left and right margins of `side`: header lines
/// top down, footer bottom up, the legend right of the map (landscape) or
/// below it, and the map fitted to the tracked places, then trimmed to the
/// extent of the map data (so no empty bands show beside it).
#[allow(clippy::too_many_lines)]
pub(super) fn plan(cache: &MapCache, w: f32, h: f32, side: f32, texts: &PlanText<'_>) -> Plan {
    let inner_w = (w - 2.0 * side).max(10.0);
    let (header_lines, mut header_h) = header_layout(texts.header, inner_w, texts.rtl);
    for other in texts.all_headers {
        header_h = header_h.max(header_layout(other, inner_w, texts.rtl).1);
    }
    let header_bottom = MARGIN + header_h + GAP * 0.75;

    let foot_lh = FOOT_SIZE * LINE_HEIGHT;
    let attribution_lines = wrap(texts.attribution, FOOT_SIZE, false, inner_w);
    let source_block = |s: &str| limit_lines(wrap(s, FOOT_SIZE, false, inner_w), MAX_SOURCE_LINES);
    let source_lines = source_block(texts.source_ref);
    let reserved = texts
        .all_sources
        .iter()
        .map(|s| source_block(s).len())
        .fold(source_lines.len(), usize::max);
    #[allow(clippy::cast_precision_loss)]
    let footer_h = (attribution_lines.len() + reserved) as f32 * foot_lh;
    let footer_top = h - MARGIN - footer_h;

    let landscape = w >= h * 1.15;
    let legend_w = if landscape {
        (w * 0.26).clamp(240.0, 380.0).min(inner_w * 0.45)
    } else {
        inner_w
    };
    let cols: usize = if !landscape && legend_w >= 560.0 {
        2
    } else {
        1
    };
    #[allow(clippy::cast_precision_loss)]
    let col_w = (legend_w - 2.0 * LEGEND_PAD - GAP * (cols as f32 - 1.0)) / cols as f32;
    let label_w = (col_w - SWATCH_W - 8.0).max(40.0);
    let wrapped: Vec<Vec<String>> = texts
        .legend
        .iter()
        .map(|l| wrap(l, LEGEND_SIZE, false, label_w))
        .collect();
    let per_col = wrapped.len().div_ceil(cols).max(1);
    let entries_h = wrapped
        .chunks(per_col)
        .map(|c| c.iter().map(|l| legend_row_h(l)).sum::<f32>())
        .fold(0.0, f32::max);
    let scale_h = 44.0;
    let legend_h =
        LEGEND_PAD + LEGEND_TITLE_SIZE * LINE_HEIGHT + 6.0 + entries_h + scale_h + LEGEND_PAD;

    let mut map_vp = if landscape {
        Viewport {
            min: [side, header_bottom],
            size: [
                (inner_w - legend_w - GAP).max(10.0),
                (footer_top - GAP - header_bottom).max(10.0),
            ],
        }
    } else {
        Viewport {
            min: [side, header_bottom],
            size: [
                inner_w,
                (footer_top - GAP - legend_h - GAP - header_bottom).max(10.0),
            ],
        }
    };

    // Fit the tracked places (a dataset without geometry shows an empty
    // map around 0° 0°), then trim the viewport to the data's extent,
    // keeping the scale and the place of everything on it.
    let bbox = cache.tracked_bbox.or(cache.all_bbox).unwrap_or(GeoBBox {
        min: [-1.0, -1.0],
        max: [1.0, 1.0],
    });
    let mut camera = fit(bbox, map_vp, cache.ref_lat, 0.04);
    if let Some(all) = cache.all_bbox {
        let proj = Projection::new(camera, map_vp, cache.ref_lat);
        let a = proj.screen_from_geo(all.min);
        let b = proj.screen_from_geo(all.max);
        let (x0, x1) = (a[0].min(b[0]), a[0].max(b[0]));
        let (y0, y1) = (a[1].min(b[1]), a[1].max(b[1]));
        let [vx, vy] = map_vp.min;
        let [vw, vh] = map_vp.size;
        let nx0 = vx.max(x0);
        let nx1 = (vx + vw).min(x1);
        let ny0 = vy.max(y0);
        let ny1 = (vy + vh).min(y1);
        if nx1 - nx0 > 10.0 && ny1 - ny0 > 10.0 {
            // Move the trimmed viewport back to the layout's top left corner
            // and shift the camera with it.
            let trimmed = Viewport {
                min: [vx, vy],
                size: [nx1 - nx0, ny1 - ny0],
            };
            let centre = proj.geo_from_screen([(nx0 + nx1) / 2.0, (ny0 + ny1) / 2.0]);
            camera = Camera {
                center: centre,
                zoom: camera.zoom,
            };
            map_vp = trimmed;
        }
    }
    let legend_rect = if landscape {
        [
            map_vp.min[0] + map_vp.size[0] + GAP,
            header_bottom,
            legend_w,
            legend_h,
        ]
    } else {
        [
            side,
            map_vp.min[1] + map_vp.size[1] + GAP,
            legend_w,
            legend_h,
        ]
    };
    let content_w = if landscape {
        map_vp.size[0] + GAP + legend_w
    } else {
        map_vp.size[0].max(legend_w)
    };
    // Right to left: the legend goes left of the map, everything mirrored
    // about the figure's centre line.
    if texts.rtl {
        map_vp.min[0] = w - (map_vp.min[0] + map_vp.size[0]);
    }
    let mut legend_rect = legend_rect;
    if texts.rtl {
        legend_rect[0] = w - (legend_rect[0] + legend_rect[2]);
    }
    Plan {
        side,
        header_lines,
        source_lines,
        attribution_lines,
        footer_top,
        map_vp,
        camera,
        legend_rect,
        wrapped,
        per_col,
        col_w,
        content_w,
    }
}
