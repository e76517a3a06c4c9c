//! The territory chart: the area each side held over time as step lines on
//! the time panel's axis, step markers, the uncertainty of undated changes as
//! bands, the current date as a vertical line; hover reads out values, and a
//! drag on the chart scrubs the timeline.

use egui::Ui;
use egui_plot::{FilledArea, Line, Plot, PlotPoint, PlotPoints, Points, VLine};

use super::app::{Command, Shared};
use super::i18n::{self, Txt, visual_order};
use super::paint::color;
use super::plot_cache::Kept;
use super::time_panel::axis;
use crate::control::TimeCommand;
use crate::i18n::format::{self, date_short, month_year};
use crate::i18n::{tr, tr_args};
use crate::scene::axis::MarkStep;

/// Chart height, points.
pub const CHART_HEIGHT: f32 = 150.0;
/// The chart's x runs over the time axis' 0..1 scaled by this.
const X_SCALE: f64 = 1000.0;
/// A drag snaps to a step this close, in chart x units.
const SNAP_X: f64 = 6.0;

/// A shaded band: the range a controller's total may have had while a
/// change's day is not given.
struct BandArea {
    controller: usize,
    name: String,
    xs: Vec<f64>,
    low: Vec<f64>,
    high: Vec<f64>,
}

/// What the chart's cached data was computed for.
#[derive(Debug, Clone, Copy, PartialEq)]
struct ChartKey {
    session: u64,
    locale: crate::i18n::Locale,
    rtl: bool,
    collapse: bool,
}

/// The chart's lines, bands, markers and grid, computed once per session,
/// language and axis rather than every frame.
struct ChartData {
    /// Per controller: its index, name and step line.
    lines: Vec<(usize, String, Vec<PlotPoint>)>,
    bands: Vec<BandArea>,
    /// A marker per step (fewer where many share a spot).
    markers: Vec<PlotPoint>,
    /// Each point of the series' x.
    step_xs: Vec<f64>,
    /// Grid marks at month starts outside collapsed gaps (years thicker).
    month_marks: Vec<egui_plot::GridMark>,
}

/// Chart x units per column when thinning: a quarter of a point on a
/// chart 1,000 points wide.
const COLUMN_X: f64 = X_SCALE / 4000.0;

/// `pts` (x not decreasing) with, in each column of [`COLUMN_X`], only its
/// first, lowest, highest and last point: the same line at any width the
/// chart is drawn, with at most four points per column.
fn thin_line(pts: &[[f64; 2]]) -> Vec<PlotPoint> {
    let mut out: Vec<PlotPoint> = Vec::new();
    let mut i = 0;
    while i < pts.len() {
        let col = (pts[i][0] / COLUMN_X).floor();
        let mut j = i;
        while j + 1 < pts.len() && (pts[j + 1][0] / COLUMN_X).floor() == col {
            j += 1;
        }
        let lowest = (i..=j).min_by(|&a, &b| pts[a][1].total_cmp(&pts[b][1]));
        let highest = (i..=j).max_by(|&a, &b| pts[a][1].total_cmp(&pts[b][1]));
        let mut keep: Vec<usize> = [Some(i), lowest, highest, Some(j)]
            .into_iter()
            .flatten()
            .collect();
        keep.sort_unstable();
        keep.dedup();
        out.extend(
            keep.into_iter()
                .map(|k| PlotPoint::new(pts[k][0], pts[k][1])),
        );
        i = j + 1;
    }
    out
}

impl ChartData {
    fn new(app: &Shared<'_>, key: ChartKey, x_of: &dyn Fn(crate::model::Date) -> f64) -> Self {
        let (series, ds, loc) = (&app.area_series, &app.ds, key.locale);
        let lang = loc.lang.tag();
        let end_x = X_SCALE;
        let mut lines = Vec::new();
        for (ci, c) in ds.controllers.iter().enumerate() {
            // Step lines: each value holds until the next step.
            let mut pts: Vec<[f64; 2]> = Vec::new();
            for (k, p) in series.points.iter().enumerate() {
                let x = x_of(p.date);
                let y = p.totals.held_by(&c.id);
                if let Some(last) = pts.last().copied() {
                    pts.push([x, last[1]]);
                }
                pts.push([x, y]);
                if k + 1 == series.points.len() {
                    pts.push([end_x, y]);
                }
            }
            lines.push((ci, c.names.get(lang).to_owned(), thin_line(&pts)));
        }
        let bands: Vec<BandArea> = app
            .area_bands
            .iter()
            .filter_map(|b| {
                let ci = ds.controllers.iter().position(|c| c.id == b.controller)?;
                let (x0, x1) = (x_of(b.from), x_of(b.to));
                Some(BandArea {
                    controller: ci,
                    name: tr_args(
                        loc,
                        "chart-band-name",
                        &[("name", ds.controllers[ci].names.get(lang).into())],
                    ),
                    xs: vec![x0, x1],
                    low: vec![b.low_km2, b.low_km2],
                    high: vec![b.high_km2, b.high_km2],
                })
            })
            .collect();
        let last = ds.controllers.last().map_or("", |c| c.id.as_str());
        // Markers on the same spot drawn once: a spot is three points
        // across (on a chart 1,000 points wide: half a marker's width) and
        // a two-hundredth of the scale up.
        let mut spots = std::collections::HashSet::new();
        let y_unit = (app.areas.total() / 200.0).max(f64::MIN_POSITIVE);
        let markers = series
            .points
            .iter()
            .map(|p| PlotPoint::new(x_of(p.date), p.totals.held_by(last)))
            .filter(|p| {
                spots.insert((
                    (p.x / (12.0 * COLUMN_X)).round() as i64,
                    (p.y / y_unit).round() as i64,
                ))
            })
            .collect();
        let step_xs = series.points.iter().map(|p| x_of(p.date)).collect();
        let axis = super::time_panel::axis(app);
        // Grid marks at month starts (years thicker), or at year starts on
        // an axis of decades or more, outside collapsed gaps.
        let month_marks = axis
            .marks()
            .into_iter()
            .map(|d| egui_plot::GridMark {
                value: x_of(d),
                step_size: if d.month() == 1 { 400.0 } else { 100.0 },
            })
            .collect();
        Self {
            lines,
            bands,
            markers,
            step_xs,
            month_marks,
        }
    }
}

/// The chart.
#[allow(clippy::too_many_lines)] // one chart, read top to bottom
pub fn ui(ui: &mut Ui, app: &Shared<'_>, out: &mut Vec<Command>) {
    let loc = app.settings.locale();
    let lang = loc.lang.tag();
    // A right-to-left axis puts the earliest date at the right.
    let rtl = app.settings.axis_rtl();
    let axis = axis(app);
    let along = move |f: f32| {
        let f = f64::from(f);
        if rtl { 1.0 - f } else { f }
    };
    let x_of = |d: crate::model::Date| along(axis.x_from_date(d)) * X_SCALE;
    // Chart x back to a position along the axis.
    let axis_pos = move |x: f64| {
        let f = (x / X_SCALE).clamp(0.0, 1.0);
        (if rtl { 1.0 - f } else { f }) as f32
    };
    let km2 = move |v: f64| {
        tr_args(
            loc,
            "chart-km2",
            &[("km", format::number(v.round(), 0, loc).into())],
        )
    };
    let series = &app.area_series;
    let ds = &app.ds;
    let data_key = ChartKey {
        session: app.versions.session,
        locale: loc,
        rtl,
        collapse: app.settings.collapse_gaps,
    };
    let data = super::memo::kept(ui, ui.scope_id().with("territory-data"), data_key, || {
        ChartData::new(app, data_key, &x_of)
    });
    let kept_id = ui.scope_id().with("territory-meshes");
    let now_x = x_of(app.time.date());
    let style = app.style.clone();
    let axis_for_fmt = axis.clone();
    let by_years = axis.mark_step() != MarkStep::Months;
    let month_marks = data.month_marks.clone();
    let axis_for_label = axis.clone();
    let series_for_label = series;
    let names: Vec<(String, String)> = ds
        .controllers
        .iter()
        .map(|c| (c.id.clone(), c.names.get(lang).to_owned()))
        .collect();
    let response = Plot::new("territory")
        .height(CHART_HEIGHT)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .include_x(0.0)
        .include_x(X_SCALE)
        .x_grid_spacer(move |_| month_marks.clone())
        .include_y(0.0)
        .include_y(app.areas.total() * 1.05)
        // The area scale sits where time starts.
        .y_axis_position(if rtl {
            egui_plot::HPlacement::Right
        } else {
            egui_plot::HPlacement::Left
        })
        .x_axis_formatter(move |mark, _| {
            let d = axis_for_fmt.date_from_x(axis_pos(mark.value));
            if by_years {
                visual_order(&format::year(d, loc))
            } else {
                visual_order(&month_year(d, loc))
            }
        })
        .y_axis_formatter(move |mark, _| visual_order(&km2(mark.value)))
        .label_formatter(move |hover| {
            let x = match hover {
                egui_plot::HoverPosition::NearDataPoint { position, .. } => position.x,
                egui_plot::HoverPosition::Elsewhere { position } => position.x,
            };
            let d = axis_for_label.date_from_x(axis_pos(x));
            let at = series_for_label.points.iter().rev().find(|p| p.date <= d)?;
            let mut out = format!(
                "{}\n{}",
                date_short(d, loc),
                tr_args(loc, "chart-step", &[("n", (at.step + 1).into())])
            );
            for (id, name) in &names {
                out.push_str(&format!("\n{name}: {}", km2(at.totals.held_by(id))));
            }
            Some(visual_order(&out))
        })
        .show(ui, |plot| {
            for b in &data.bands {
                let c = color(style.controller_fill(b.controller)).gamma_multiply(0.45);
                plot.add(FilledArea::new(b.name.clone(), &b.xs, &b.low, &b.high).fill_color(c));
            }
            // The lines and markers grow with the dataset: each is
            // tessellated once and kept while the data and the plot's
            // frame stay the same.
            for (ci, name, pts) in &data.lines {
                let line = Line::new(name.clone(), PlotPoints::Borrowed(pts))
                    .color(color(style.controller_ink(*ci)))
                    .width(2.0)
                    .allow_band(false);
                plot.add(Kept::new(line, kept_id.with(ci), data_key));
            }
            let markers = Points::new(tr(loc, "chart-steps"), PlotPoints::Borrowed(&data.markers))
                .radius(3.0)
                .color(color(style.label));
            plot.add(Kept::new(markers, kept_id.with("markers"), data_key));
            plot.add(
                VLine::new(tr(loc, "chart-key-now"), now_x)
                    .color(color(style.time_cursor))
                    .width(1.5),
            );
        });
    let r = &response.response;
    i18n::accessible(r, egui::Role::Image, &tr(loc, "chart-label"));
    if (r.dragged() || r.clicked())
        && let Some(pointer) = r.interact_pointer_pos()
    {
        let PlotPoint { x, .. } = response.transform.value_from_position(pointer);
        let near = data
            .step_xs
            .iter()
            .enumerate()
            .map(|(i, sx)| (i, (sx - x).abs()))
            .min_by(|a, b| a.1.total_cmp(&b.1));
        match near {
            Some((i, dist)) if dist <= SNAP_X => {
                if let Some(p) = app.area_series.points.get(i) {
                    out.push(Command::Time(TimeCommand::GoToStep(p.step)));
                }
            }
            _ => {
                let d = axis.date_from_x(axis_pos(x));
                out.push(Command::Time(TimeCommand::SetDate(d)));
            }
        }
    }
    // The key, under the chart so it hides no data.
    i18n::row(ui, loc, |ui| {
        for (ci, c) in app.ds.controllers.iter().enumerate() {
            key(ui, color(app.style.controller_ink(ci)), false);
            Txt::new(tr_args(
                loc,
                "chart-key-held",
                &[("name", c.names.get(lang).into())],
            ))
            .small()
            .line(ui);
        }
        key(
            ui,
            color(app.style.controller_fill(0)).gamma_multiply(0.45),
            true,
        );
        Txt::new(tr(loc, "chart-key-range")).small().line(ui);
        key(ui, color(app.style.time_cursor), false);
        Txt::new(tr(loc, "chart-key-now")).small().line(ui);
    });
    i18n::column(ui, loc, |ui| {
        Txt::new(tr(loc, "area-note")).weak().small().label(ui);
    });
}

/// A small key swatch: a line, or a filled box.
fn key(ui: &mut Ui, c: egui::Color32, filled: bool) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(22.0, 12.0), egui::Sense::hover());
    if filled {
        ui.painter().rect_filled(rect, 2.0, c);
    } else {
        ui.painter().line_segment(
            [rect.left_center(), rect.right_center()],
            egui::Stroke::new(2.5, c),
        );
    }
}
