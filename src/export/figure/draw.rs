//! Writing a figure as SVG: the header, the map clipped to its viewport,
//! the legend with its scale bar, and the footer, where [`super::layout`]
//! placed them.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::content::{HeaderLine, footer_text, header_text};
use super::layout::{
    LEGEND_PAD, Plan, PlanText, SWATCH_H, SWATCH_W, legend_row_h, plan, plan_centred, start_align,
};
use super::{
    FOOT_SIZE, Figure, FigureOptions, GAP, LEGEND_SIZE, LEGEND_TITLE_SIZE, LINE_HEIGHT, MARGIN,
    STEP_SIZE,
};
use crate::export::svg::{Align, SvgWriter, TextStyle, escape, num, num_prec};
use crate::i18n::format::{date_long, localize_digits, number};
use crate::i18n::{Lang, Locale, tr, tr_args};
use crate::model::Dataset;
use crate::model::Date;
use crate::model::state::state_at;
use crate::scene::display::{MapCache, View, build};
use crate::scene::projection::Projection;
use crate::scene::style::{Stroke, Style, mix};

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
        .or_else(|| ds.step_at(date));
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
    let source_ref = footer_text(ds, date, step, locale);
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
    let legend_entries = crate::scene::display::legend(ds, &style, opts.names, locale, false);
    let labels: Vec<&str> = legend_entries.iter().map(|e| e.label.as_str()).collect();
    // Every step's figure at this size has the map in the same place: the
    // header and footer are as tall as the tallest step's.
    let all_headers: Vec<Vec<HeaderLine>> = (0..ds.steps.len())
        .filter_map(|i| {
            ds.step_date(i)
                .map(|d| header_text(ds, d, Some(i), second, locale).0)
        })
        .collect();
    let all_sources: Vec<String> = (0..ds.steps.len())
        .filter_map(|i| ds.step_date(i).map(|d| footer_text(ds, d, Some(i), locale)))
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
            reported_only: false,
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
    let first_source_text = svg.texts.len();
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
    let source_texts: Vec<String> = svg
        .texts
        .get(first_source_text..)
        .unwrap_or_default()
        .iter()
        .map(|(id, _)| id.clone())
        .collect();
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
        source_texts,
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
mod tests {
    use super::*;

    #[test]
    fn round_scale_lengths() {
        assert!((round_km(73.0) - 50.0).abs() < 1e-9);
        assert!((round_km(19.9) - 10.0).abs() < 1e-9);
        assert!((round_km(2.0) - 2.0).abs() < 1e-9);
        assert!((round_km(0.01) - 0.1).abs() < 1e-9);
        assert_eq!(km_label(25.0, Locale::EN), "25");
        assert_eq!(km_label(2.5, Locale::EN), "2.5");
    }
}
