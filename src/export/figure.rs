//! A figure's layout, in points (the short side of every figure is
//! [`POINTS_ON_SHORT_SIDE`] points, so a figure looks the same at every
//! pixel size and only gets sharper):
//!
//! ```text
//! ┌──────────────────────────────────────────────┐
//! │ Title                           (Arabic title)│  header: dataset title,
//! │ Date                             (Arabic date)│  date, step
//! │ Step N of M: step title         (Arabic title)│
//! │ ┌───────────────────────────┐ ┌─────────────┐ │
//! │ │                           │ │ Key         │ │  map (clipped to its
//! │ │          map              │ │ ▇ entries   │ │  viewport) and legend
//! │ │                           │ │ scale bar   │ │  with the scale bar
//! │ └───────────────────────────┘ └─────────────┘ │  (below the map when
//! │ Sources for step N: …                         │  the figure is not
//! │ Made with Natural Earth. …                    │  landscape); footer
//! └──────────────────────────────────────────────┘
//! ```

use std::collections::HashMap;
use std::fmt::Write as _;

use super::svg::{Align, SvgWriter, TextStyle, escape, num, num_prec};
use super::{ExportError, check_size};
use crate::control::{step_at, step_date};
use crate::i18n::format::{date_long, localize_digits, number};
use crate::i18n::{Lang, Locale, tr, tr_args};
use crate::model::Dataset;
use crate::model::Date;
use crate::model::state::state_at;
use crate::scene::display::{MapCache, NameLang, View, build};
use crate::scene::projection::{Camera, GeoBBox, Projection, Viewport, fit};
use crate::scene::style::{Stroke, Style, ThemeKind, mix};
use crate::text::bidi::break_lines;

/// The short side of every figure in points; pixels per point is the short
/// side in pixels divided by this.
pub const POINTS_ON_SHORT_SIDE: f32 = 800.0;

const MARGIN: f32 = 28.0;
const GAP: f32 = 16.0;
const TITLE_SIZE: f32 = 24.0;
const DATE_SIZE: f32 = 18.0;
const STEP_SIZE: f32 = 15.0;
const FOOT_SIZE: f32 = 11.0;
const LEGEND_SIZE: f32 = 12.5;
const LEGEND_TITLE_SIZE: f32 = 15.0;
const LINE_HEIGHT: f32 = 1.32;
const MAX_SOURCE_LINES: usize = 4;

/// What a figure looks like besides the date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FigureOptions {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Which place names the map shows.
    pub names: NameLang,
    /// Light or dark.
    pub theme: ThemeKind,
    /// The language of the figure's words, dates and numbers; an Arabic
    /// figure is laid out right to left (legend on the left, text on the
    /// right).
    pub locale: Locale,
}

impl Default for FigureOptions {
    /// 1920 × 1080, English, names in the figure's language, light theme.
    fn default() -> Self {
        Self {
            width: 1920,
            height: 1080,
            names: NameLang::Interface,
            theme: ThemeKind::Light,
            locale: Locale::EN,
        }
    }
}

impl FigureOptions {
    /// Check the size.
    ///
    /// # Errors
    /// [`ExportError::Size`] when a side is outside `MIN_SIDE..=MAX_SIDE`.
    pub fn validate(&self) -> Result<(), ExportError> {
        check_size(u64::from(self.width), u64::from(self.height))
    }

    /// Pixels per point: the short side in pixels over
    /// [`POINTS_ON_SHORT_SIDE`].
    #[must_use]
    #[allow(clippy::cast_precision_loss)] // sides are at most 16384
    pub fn pixels_per_point(&self) -> f32 {
        (self.width.min(self.height).max(1) as f32) / POINTS_ON_SHORT_SIDE
    }
}

/// A figure laid out as SVG, with where the map went so tools and tests can
/// find places in the pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The SVG, with `<text>` in the bundled font families (render it with
    /// [`super::render_png`] or convert it with [`super::svg_for_file`]).
    pub svg: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Pixels per point (points are the SVG's user units).
    pub pixels_per_point: f32,
    /// Where the map is drawn, in points.
    pub map_viewport: Viewport,
    /// The map's camera.
    pub camera: Camera,
    /// The projection's reference latitude.
    pub ref_lat: f64,
    /// The legend panel (x, y, width, height) in points, outside the map.
    pub legend: [f32; 4],
    /// The date shown.
    pub date: Date,
    /// The step shown (0-based): the one dated on `date`, or the last before.
    pub step: Option<usize>,
    /// The title (dataset title, date and step), for `<title>` and metadata.
    pub title: String,
    /// The date, step, source reference and attribution, for `<desc>`.
    pub description: String,
    /// `(element id, text)` of every text element, for aria-labels.
    pub texts: Vec<(String, String)>,
}

/// Approximate advance width of `text` set at `size` points in Noto Sans
/// (or Noto Naskh Arabic), from per-character classes; used only to wrap
/// lines and size the legend, with some slack.
#[must_use]
pub fn approx_width(text: &str, size: f32, bold: bool) -> f32 {
    let em: f32 = text
        .chars()
        .map(|c| match c {
            ' ' => 0.26,
            'i' | 'l' | 'j' | 'I' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' => 0.28,
            'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '/' | '-' => 0.36,
            'm' | 'w' | 'M' | 'W' | '@' | '—' | '–' => 0.86,
            c if c.is_ascii_uppercase() => 0.66,
            c if c.is_ascii_digit() => 0.57,
            c if c.is_ascii() => 0.56,
            '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FEFF}' => 0.5,
            _ => 0.6,
        })
        .sum();
    em * size * if bold { 1.07 } else { 1.0 }
}

/// `text` broken into lines no wider than `width` (approximately).
fn wrap(text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
    break_lines(text, width, &mut |s| approx_width(s, size, bold))
        .into_iter()
        .map(|r| text.get(r).unwrap_or_default().trim_end().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

/// At most `max` lines, the last ending in "…" if text was cut.
fn limit_lines(mut lines: Vec<String>, max: usize) -> Vec<String> {
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            let keep = last.chars().count().saturating_sub(2);
            *last = last.chars().take(keep).collect::<String>() + " …";
        }
    }
    lines
}

/// Which sources and citations back step `index`: "Sources for step 7 of
/// 14: “label” (source id, file NAME): citation, citation; …". Citations are
/// grouped by source in the order the step uses them.
#[must_use]
pub fn source_reference(ds: &Dataset, index: usize) -> String {
    source_reference_in(ds, index, Locale::EN)
}

/// [`source_reference`] in `locale`'s language.
#[must_use]
pub fn source_reference_in(ds: &Dataset, index: usize, locale: Locale) -> String {
    let Some(step) = ds.steps.get(index) else {
        return String::new();
    };
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for id in ds.step_citation_ids(step) {
        let Some(c) = ds.citation(id) else { continue };
        match groups.iter_mut().find(|(s, _)| *s == c.source) {
            Some((_, ids)) => ids.push(id),
            None => groups.push((&c.source, vec![id])),
        }
    }
    let comma = tr(locale, "list-separator");
    let parts: Vec<String> = groups
        .iter()
        .map(|(src, ids)| match ds.source(src) {
            Some(s) => tr_args(
                locale,
                "fig-source-item",
                &[
                    ("label", s.label.get(locale.lang.tag()).into()),
                    ("id", s.id.as_str().into()),
                    ("file", s.original_file_name.as_str().into()),
                    ("citations", ids.join(&comma).into()),
                ],
            ),
            None => format!("{src}: {}", ids.join(&comma)),
        })
        .collect();
    let counts = [("n", (index + 1).into()), ("total", ds.steps.len().into())];
    if parts.is_empty() {
        return tr_args(locale, "fig-no-sources", &counts);
    }
    let [n, total] = counts;
    tr_args(
        locale,
        "fig-sources",
        &[
            n,
            total,
            (
                "list",
                parts.join(&tr(locale, "list-group-separator")).into(),
            ),
        ],
    )
}

/// One header line: the figure's language at the side its text starts, and
/// optionally the Arabic text at the other side (an English figure with
/// Arabic names).
struct HeaderLine {
    left: String,
    right: Option<String>,
    size: f32,
    bold: bool,
}

/// The side text starts on.
fn start_align(rtl: bool) -> Align {
    if rtl { Align::Right } else { Align::Left }
}

/// The side text ends on.
fn end_align(rtl: bool) -> Align {
    if rtl { Align::Left } else { Align::Right }
}

/// A header line placed: baseline, text, alignment, size, bold.
type PlacedLine = (f32, String, Align, f32, bool);

/// The words a layout has to make room for.
struct PlanText<'a> {
    /// Whether the figure runs right to left.
    rtl: bool,
    /// The attribution in the figure's language.
    attribution: &'a str,
    header: &'a [HeaderLine],
    source_ref: &'a str,
    legend: &'a [&'a str],
    /// Every step's header and source reference, to reserve room for the
    /// tallest.
    all_headers: &'a [Vec<HeaderLine>],
    all_sources: &'a [String],
}

/// Where everything goes, in points.
struct Plan {
    /// Left and right margin.
    side: f32,
    /// Header lines: baseline, text, alignment, size, bold.
    header_lines: Vec<PlacedLine>,
    source_lines: Vec<String>,
    attribution_lines: Vec<String>,
    footer_top: f32,
    map_vp: Viewport,
    camera: Camera,
    legend_rect: [f32; 4],
    /// Each legend label's lines.
    wrapped: Vec<Vec<String>>,
    per_col: usize,
    col_w: f32,
    /// Width of the map and legend together.
    content_w: f32,
}

const LEGEND_PAD: f32 = 12.0;
const SWATCH_W: f32 = 28.0;
const SWATCH_H: f32 = 15.0;

/// The height of a legend row with these lines.
fn legend_row_h(lines: &[String]) -> f32 {
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
        let left_w = approx_width(&line.left, line.size, line.bold);
        let right_w = line
            .right
            .as_deref()
            .map_or(0.0, |r| approx_width(r, line.size, line.bold) + 2.0 * GAP);
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

/// The header of the figure at `date` presenting `step`: the dataset's
/// title, the date, and the step ("Step 7 of 14: …", or the latest step
/// before the date) in `locale`'s language, with the title, date and step
/// title in the `second` language at the other side (a figure whose place
/// names are in the other interface language). Also returns the step line.
fn header_text(
    ds: &Dataset,
    date: Date,
    step: Option<usize>,
    second: Option<Lang>,
    locale: Locale,
) -> (Vec<HeaderLine>, String) {
    let lang = locale.lang.tag();
    let total = ds.steps.len();
    let step_line = step.and_then(|i| ds.steps.get(i).map(|s| (i, s)));
    let step_text = match step_line {
        Some((i, s)) if step_date(ds, i) == Some(date) => {
            let args = [
                ("n", (i + 1).into()),
                ("total", total.into()),
                ("title", s.title.get(lang).into()),
                (
                    "date",
                    crate::i18n::format::date_spec(s.date, locale).into(),
                ),
            ];
            if s.date.is_uncertain() || s.date.precision() == "before" {
                tr_args(locale, "fig-step-dated", &args)
            } else {
                tr_args(locale, "fig-step", &args)
            }
        }
        Some((i, s)) => tr_args(
            locale,
            "fig-latest-step",
            &[
                ("n", (i + 1).into()),
                ("total", total.into()),
                ("title", s.title.get(lang).into()),
                (
                    "date",
                    crate::i18n::format::date_spec(s.date, locale).into(),
                ),
            ],
        ),
        None => tr(locale, "fig-before-first"),
    };
    let header = vec![
        HeaderLine {
            left: ds.title.get(lang).to_owned(),
            right: second.and_then(|l| ds.title.exact(l.tag()).map(str::to_owned)),
            size: TITLE_SIZE,
            bold: true,
        },
        HeaderLine {
            left: date_long(date, locale),
            right: second.map(|l| date_long(date, Locale { lang: l, ..locale })),
            size: DATE_SIZE,
            bold: true,
        },
        HeaderLine {
            left: step_text.clone(),
            right: second.and_then(|l| {
                step_line.and_then(|(_, s)| s.title.exact(l.tag()).map(str::to_owned))
            }),
            size: STEP_SIZE,
            bold: false,
        },
    ];
    (header, step_text)
}

/// [`plan`] with the map and legend centred between margins of `side`.
fn plan_centred(cache: &MapCache, w: f32, h: f32, side: f32, texts: &PlanText<'_>) -> Plan {
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
fn plan(cache: &MapCache, w: f32, h: f32, side: f32, texts: &PlanText<'_>) -> Plan {
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

/// The figure of step `index` (0-based) at the step's date; `None` if there
/// is no such step.
#[must_use]
pub fn figure_at_step(
    ds: &Dataset,
    cache: &MapCache,
    index: usize,
    opts: &FigureOptions,
) -> Option<Figure> {
    let date = step_date(ds, index)?;
    Some(figure_svg(ds, cache, date, Some(index), opts))
}

/// Lay out the figure of the map at `date`. `step` is the step it presents
/// (title and sources); `None` uses the last step dated on or before `date`.
/// The size is not checked here (see [`FigureOptions::validate`]).
#[must_use]
#[allow(clippy::too_many_lines)] // one page of layout, read top to bottom
pub fn figure_svg(
    ds: &Dataset,
    cache: &MapCache,
    date: Date,
    step: Option<usize>,
    opts: &FigureOptions,
) -> Figure {
    let style = Style::new(opts.theme);
    let ppp = opts.pixels_per_point();
    #[allow(clippy::cast_precision_loss)]
    let (w, h) = (opts.width as f32 / ppp, opts.height as f32 / ppp);
    let step = step
        .filter(|i| *i < ds.steps.len())
        .or_else(|| step_at(ds, date));
    let locale = opts.locale;
    let rtl = locale.is_rtl();
    // Names in the other interface language put that language's title,
    // date and step title on the header's other side.
    let names = opts.names.resolve(locale.lang);
    let second = Lang::ALL
        .into_iter()
        .find(|l| l.tag() == names.as_str() && *l != locale.lang);
    let attribution = ds.map_attribution.get(locale.lang.tag()).to_owned();

    let (header, step_text) = header_text(ds, date, step, second, locale);
    let title = ds.title.get(locale.lang.tag()).to_owned();
    let date_text = date_long(date, locale);
    let source_ref = step
        .map(|i| source_reference_in(ds, i, locale))
        .unwrap_or_default();
    let figure_title = tr_args(
        locale,
        "fig-title",
        &[
            ("title", title.as_str().into()),
            ("date", date_text.as_str().into()),
            ("step", step_text.as_str().into()),
        ],
    );
    let description = [
        tr_args(
            locale,
            "fig-description",
            &[
                ("date", date_text.as_str().into()),
                ("iso", date.iso().into()),
                ("step", step_text.as_str().into()),
            ],
        ),
        source_ref.clone(),
        attribution.clone(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" ");

    let mut svg = SvgWriter::default();
    let ink = style.panel_text;
    let quiet = style.context_label;
    let legend_entries = crate::scene::display::legend(ds, &style, opts.names, locale);
    let labels: Vec<&str> = legend_entries.iter().map(|e| e.label.as_str()).collect();
    // Every step's figure at this size has the map in the same place: the
    // header and footer are as tall as the tallest step's.
    let all_headers: Vec<Vec<HeaderLine>> = (0..ds.steps.len())
        .filter_map(|i| step_date(ds, i).map(|d| header_text(ds, d, Some(i), second, locale).0))
        .collect();
    let all_sources: Vec<String> = (0..ds.steps.len())
        .map(|i| source_reference_in(ds, i, locale))
        .collect();
    let texts = PlanText {
        rtl,
        attribution: &attribution,
        header: &header,
        source_ref: &source_ref,
        legend: &labels,
        all_headers: &all_headers,
        all_sources: &all_sources,
    };
    // Lay out with the usual margins; if the map's data does not fill the
    // map's width, lay out again with the content centred.
    let mut plan = plan(cache, w, h, MARGIN, &texts);
    let slack = (w - 2.0 * MARGIN) - plan.content_w;
    if slack > 1.0 {
        plan = plan_centred(cache, w, h, MARGIN + slack / 2.0, &texts);
    }
    let Plan {
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
        ..
    } = plan;
    let projection = Projection::new(camera, map_vp, cache.ref_lat);
    let states = state_at(ds, date);
    let empty = HashMap::new();
    let scene = build(
        ds,
        cache,
        &states,
        &View {
            projection: &projection,
            style: &style,
            names: opts.names,
            locale,
            fill_override: &empty,
            selected: None,
            hovered: None,
            changed: None,
        },
    );

    // Write it.
    let _ = writeln!(
        svg.out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"figure-title figure-desc\">",
        opts.width, opts.height, opts.width, opts.height
    );
    let _ = writeln!(
        svg.out,
        "<title id=\"figure-title\">{}</title>\n<desc id=\"figure-desc\">{}</desc>",
        escape(&figure_title),
        escape(&description)
    );
    let [mx, my] = map_vp.min;
    let [mw, mh] = map_vp.size;
    let _ = writeln!(
        svg.out,
        "<defs><clipPath id=\"map-clip\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath></defs>",
        num(mx),
        num(my),
        num(mw),
        num(mh)
    );
    let _ = writeln!(
        svg.out,
        "<g transform=\"scale({})\">",
        num_prec(f64::from(ppp), 6)
    );
    svg.rect([0.0, 0.0, w, h], Some(style.background), None);

    for (y, text, align, size, bold) in &header_lines {
        let x = if *align == Align::Right {
            w - side
        } else {
            side
        };
        let color = if *size == STEP_SIZE { quiet } else { ink };
        svg.text(
            x,
            *y,
            text,
            &TextStyle {
                size: *size,
                bold: *bold,
                color,
                halo: None,
                align: *align,
                centered: false,
            },
        );
    }

    svg.raw("<g clip-path=\"url(#map-clip)\">\n");
    svg.rect([mx, my, mw, mh], Some(scene.background), None);
    svg.scene(&scene);
    svg.raw("</g>\n");
    let frame = Stroke {
        width: 1.0,
        color: mix(style.background, ink, 0.45),
        dash: None,
    };
    svg.rect([mx, my, mw, mh], None, Some(&frame));

    // Legend panel.
    let [lx, ly, lw, lh] = legend_rect;
    svg.rect([lx, ly, lw, lh], Some(style.panel_fill), Some(&frame));
    let mut ty = ly + LEGEND_PAD + LEGEND_TITLE_SIZE;
    svg.text(
        if rtl {
            lx + lw - LEGEND_PAD
        } else {
            lx + LEGEND_PAD
        },
        ty,
        &tr(locale, "fig-key"),
        &TextStyle {
            size: LEGEND_TITLE_SIZE,
            bold: true,
            color: ink,
            halo: None,
            align: start_align(rtl),
            centered: false,
        },
    );
    ty += LEGEND_TITLE_SIZE * (LINE_HEIGHT - 1.0) + 10.0;
    let edge = mix(style.panel_fill, ink, 0.5);
    for (col, chunk) in legend_entries.chunks(per_col).enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let cx = lx + LEGEND_PAD + col as f32 * (col_w + GAP);
        let mut ry = ty;
        for (k, entry) in chunk.iter().enumerate() {
            let lines = wrapped.get(col * per_col + k).cloned().unwrap_or_default();
            // Right to left: the swatch at the column's right edge.
            let sx = if rtl { cx + col_w - SWATCH_W } else { cx };
            svg.swatch(
                [sx, ry, SWATCH_W, SWATCH_H],
                &entry.swatch,
                style.hatch_spacing,
                style.hatch_width,
                edge,
            );
            for (j, line) in lines.iter().enumerate() {
                #[allow(clippy::cast_precision_loss)]
                let baseline =
                    ry + SWATCH_H / 2.0 + LEGEND_SIZE * 0.36 + j as f32 * LEGEND_SIZE * LINE_HEIGHT;
                // Right-to-left labels start at the right of the column.
                let line_rtl = crate::text::bidi::paragraph_direction(line).is_rtl();
                let (x, align) = if rtl {
                    (cx + col_w - SWATCH_W - 8.0, Align::Right)
                } else if line_rtl {
                    (cx + col_w, Align::Right)
                } else {
                    (cx + SWATCH_W + 8.0, Align::Left)
                };
                svg.text(
                    x,
                    baseline,
                    line,
                    &TextStyle {
                        size: LEGEND_SIZE,
                        bold: false,
                        color: ink,
                        halo: None,
                        align,
                        centered: false,
                    },
                );
            }
            ry += legend_row_h(&lines);
        }
    }

    // Scale bar at the bottom of the legend.
    let ppkm = projection.points_per_km();
    let max_len = f64::from((lw - 2.0 * LEGEND_PAD - 70.0).clamp(20.0, 240.0));
    let km = round_km(max_len / ppkm.max(1e-9));
    #[allow(clippy::cast_possible_truncation)]
    let bar = (km * ppkm) as f32;
    // Right to left, the bar starts (0) at the right.
    let bx = if rtl {
        lx + lw - LEGEND_PAD - bar
    } else {
        lx + LEGEND_PAD
    };
    let (zero_x, far_x) = if rtl { (bx + bar, bx) } else { (bx, bx + bar) };
    let by = ly + lh - LEGEND_PAD - 14.0;
    let bar_stroke = Stroke {
        width: 1.0,
        color: ink,
        dash: None,
    };
    let (dark_x, light_x) = if rtl {
        (bx + bar / 2.0, bx)
    } else {
        (bx, bx + bar / 2.0)
    };
    svg.rect([dark_x, by, bar / 2.0, 6.0], Some(ink), Some(&bar_stroke));
    svg.rect(
        [light_x, by, bar / 2.0, 6.0],
        Some(style.panel_fill),
        Some(&bar_stroke),
    );
    let small = TextStyle {
        size: 11.0,
        bold: false,
        color: ink,
        halo: None,
        align: Align::Center,
        centered: false,
    };
    svg.text(zero_x, by - 5.0, &localize_digits("0", locale), &small);
    svg.text(
        bx + bar / 2.0,
        by - 5.0,
        &km_label(km / 2.0, locale),
        &small,
    );
    svg.text(
        if rtl { far_x - 8.0 } else { far_x + 8.0 },
        by + 7.0,
        &tr_args(locale, "fig-km", &[("km", km_label(km, locale).into())]),
        &TextStyle {
            align: start_align(rtl),
            ..small
        },
    );

    // Footer.
    let foot_lh = FOOT_SIZE * LINE_HEIGHT;
    let mut fy = footer_top;
    let foot_x = if rtl { w - side } else { side };
    for line in &source_lines {
        fy += foot_lh;
        svg.text(
            foot_x,
            fy - FOOT_SIZE * 0.3,
            line,
            &TextStyle {
                size: FOOT_SIZE,
                bold: false,
                color: ink,
                halo: None,
                align: start_align(rtl),
                centered: false,
            },
        );
    }
    // The attribution at the bottom, below the room kept for the longest
    // source reference.
    #[allow(clippy::cast_precision_loss)]
    let mut fy = h - MARGIN - attribution_lines.len() as f32 * foot_lh;
    for line in &attribution_lines {
        fy += foot_lh;
        svg.text(
            foot_x,
            fy - FOOT_SIZE * 0.3,
            line,
            &TextStyle {
                size: FOOT_SIZE,
                bold: false,
                color: quiet,
                halo: None,
                align: start_align(rtl),
                centered: false,
            },
        );
    }
    svg.raw("</g>\n</svg>\n");

    Figure {
        svg: svg.out,
        width: opts.width,
        height: opts.height,
        pixels_per_point: ppp,
        map_viewport: map_vp,
        camera: projection.camera(),
        ref_lat: cache.ref_lat,
        legend: legend_rect,
        date,
        step,
        title: figure_title,
        description,
        texts: svg.texts,
    }
}

/// The largest 1, 2 or 5 × 10^k kilometres not above `max_km` (at least
/// 0.1 km).
fn round_km(max_km: f64) -> f64 {
    let mut best = 0.1;
    for k in -1..7 {
        for m in [1.0, 2.0, 5.0] {
            let v = m * 10f64.powi(k);
            if v <= max_km && v > best {
                best = v;
            }
        }
    }
    best
}

/// "20", "2.5", "0.5" (in the locale's digits).
fn km_label(km: f64, locale: Locale) -> String {
    number(km, 1, locale)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::load_bundled;

    #[test]
    fn every_step_puts_the_map_in_the_same_place() {
        let ds = load_bundled().unwrap();
        let cache = MapCache::new(&ds);
        for (w, h, names) in [
            (1920, 1080, NameLang::parse("en").unwrap()),
            (640, 360, NameLang::parse("ar").unwrap()),
            (700, 1000, NameLang::parse("az").unwrap()),
        ] {
            let opts = FigureOptions {
                width: w,
                height: h,
                names,
                theme: ThemeKind::Light,
                locale: Locale::EN,
            };
            let first = figure_at_step(&ds, &cache, 0, &opts).unwrap();
            for i in 1..ds.steps.len() {
                let f = figure_at_step(&ds, &cache, i, &opts).unwrap();
                assert_eq!(f.map_viewport, first.map_viewport, "{w}x{h} step {}", i + 1);
                assert_eq!(f.camera, first.camera, "{w}x{h} step {}", i + 1);
                assert_eq!(f.legend, first.legend, "{w}x{h} step {}", i + 1);
            }
            let by_date = figure_svg(&ds, &cache, Date::parse("2021-06-01").unwrap(), None, &opts);
            assert_eq!(by_date.map_viewport, first.map_viewport);
            assert_eq!(by_date.step, Some(9));
        }
    }

    #[test]
    fn round_scale_lengths() {
        assert!((round_km(73.0) - 50.0).abs() < 1e-9);
        assert!((round_km(19.9) - 10.0).abs() < 1e-9);
        assert!((round_km(2.0) - 2.0).abs() < 1e-9);
        assert!((round_km(0.01) - 0.1).abs() < 1e-9);
        assert_eq!(km_label(25.0, Locale::EN), "25");
        assert_eq!(km_label(2.5, Locale::EN), "2.5");
    }

    #[test]
    fn the_source_reference_names_sources_and_citations() {
        let ds = load_bundled().unwrap();
        let r = source_reference(&ds, 6);
        assert!(r.starts_with("Sources for step 7 of 14: “"), "{r}");
        assert!(r.contains("aghdam-handed-over"), "{r}");
    }

    #[test]
    fn a_figure_has_its_words_and_is_deterministic() {
        let ds = load_bundled().unwrap();
        let cache = MapCache::new(&ds);
        let opts = FigureOptions::default();
        let a = figure_at_step(&ds, &cache, 6, &opts).unwrap();
        let b = figure_at_step(&ds, &cache, 6, &opts).unwrap();
        assert_eq!(a, b);
        assert!(a.svg.contains("20 November 2020"));
        assert!(a.svg.contains(
            "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com."
        ));
        assert!(a.svg.contains("Step 7 of 14"));
        assert!(a.texts.iter().any(|(_, t)| t == "Aghdam"));
        // The legend is outside the map.
        let vp = a.map_viewport;
        assert!(a.legend[0] >= vp.min[0] + vp.size[0] || a.legend[1] >= vp.min[1] + vp.size[1]);
        let portrait = FigureOptions {
            width: 1080,
            height: 1920,
            names: NameLang::parse("ar").unwrap(),
            ..opts
        };
        let p = figure_at_step(&ds, &cache, 6, &portrait).unwrap();
        assert!(p.legend[1] >= p.map_viewport.min[1] + p.map_viewport.size[1]);
        assert!(p.texts.iter().any(|(_, t)| t == "أغدام"));
    }
}
