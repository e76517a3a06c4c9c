//! The time panel: transport buttons, speed and loop, the current date, and
//! a date axis with the step ticks, on which a drag scrubs the date and
//! snaps to nearby steps. In Arabic the row runs right to left; the axis
//! runs the way the settings say (by default with the interface), and the
//! transport buttons and arrow keys follow it.

use std::cell::RefCell;
use std::sync::Arc;

use egui::{Align2, FontId, Key, Pos2, Rect, Sense, Stroke, Ui, Vec2};

use super::app::{Command, Pref, Shared};
use super::axis_ticks::{self, SNAP_POINTS, TicksKey};
use super::i18n::{self, Txt};
use super::persist::Settings;
use crate::control::{SPEEDS, TimeCommand};
use crate::i18n::format::DateWords;
use crate::i18n::{Locale, format, tr, tr_args};
use crate::model::Date;
use crate::scene::axis::{MarkStep, TimeAxis};

/// Extra days shown after the last step.
const TAIL_DAYS: i64 = 10;
/// Height of the axis strip, points.
const AXIS_HEIGHT: f32 = 64.0;

/// The axis the panel draws for the app's dataset and settings, computed
/// once per session and setting (see [`axis_uncached`]).
#[must_use]
pub fn axis(app: &Shared<'_>) -> Arc<TimeAxis> {
    /// The axis, for (session, collapsed gaps).
    type Cached = Option<((u64, bool), Arc<TimeAxis>)>;
    thread_local! {
        static AXIS: RefCell<Cached> = const { RefCell::new(None) };
    }
    let key = (app.versions.session, app.settings.collapse_gaps);
    AXIS.with_borrow_mut(|cached| match cached {
        Some((k, axis)) if *k == key => axis.clone(),
        _ => {
            let axis = Arc::new(axis_uncached(app));
            *cached = Some((key, axis.clone()));
            axis
        }
    })
}

/// The axis for the app's dataset and settings: from the coverage's start
/// to a little after the last step, with its quiet stretches collapsed if
/// the settings say so.
#[must_use]
pub fn axis_uncached(app: &Shared<'_>) -> TimeAxis {
    let ds = &app.ds;
    let from = ds.coverage.from;
    let last = ds
        .steps
        .iter()
        .map(|s| s.date.end())
        .max()
        .unwrap_or(ds.coverage.to);
    let to = last.add_days(TAIL_DAYS).min(ds.coverage.to);
    let events: Vec<(Date, Date)> = ds
        .steps
        .iter()
        .map(|s| (s.date.start(), s.date.end()))
        .collect();
    TimeAxis::new(from, to, &events, app.settings.collapse_gaps)
}

/// The keys that move one step later and one step earlier: the arrow
/// pointing the way time runs on the axis as the user sees it (right arrow
/// for later on a left-to-right axis, left arrow on a right-to-left one).
/// The same pair with Shift moves a day.
#[must_use]
pub fn visual_step_keys(settings: &Settings) -> (Key, Key) {
    if settings.axis_rtl() {
        (Key::ArrowLeft, Key::ArrowRight)
    } else {
        (Key::ArrowRight, Key::ArrowLeft)
    }
}

/// The transport buttons, in the order they sit on a left-to-right axis:
/// (icon on a left-to-right axis, icon mirrored for a right-to-left one,
/// label, command). Previous and next are one mirrored triangle each,
/// larger than play's, so neither reads as fast-forward.
fn transport(playing: bool, loc: Locale) -> [(&'static str, &'static str, String, TimeCommand); 5] {
    [
        ("⏮", "⏭", tr(loc, "time-first"), TimeCommand::First),
        ("◀", "▶", tr(loc, "time-previous"), TimeCommand::PrevStep),
        if playing {
            ("⏸", "⏸", tr(loc, "time-pause"), TimeCommand::TogglePlay)
        } else {
            ("⏵", "⏴", tr(loc, "time-play"), TimeCommand::TogglePlay)
        },
        ("▶", "◀", tr(loc, "time-next"), TimeCommand::NextStep),
        ("⏭", "⏮", tr(loc, "time-last"), TimeCommand::Last),
    ]
}

fn labeled_button(ui: &mut Ui, text: &str, label: &str) -> egui::Response {
    let r = ui
        .add(egui::Button::new(text).min_size(Vec2::new(34.0, 26.0)))
        .on_hover_text(label);
    i18n::accessible(&r, egui::Role::Button, label);
    r
}

/// The time panel.
pub fn ui(ui: &mut Ui, app: &Shared<'_>, out: &mut Vec<Command>) {
    let loc = app.settings.locale();
    let axis_rtl = app.settings.axis_rtl();
    ui.add_space(4.0);
    i18n::row(ui, loc, |ui| {
        // The buttons sit in the axis' order (the first step at the side
        // the axis starts) and their arrows point the way time moves on it.
        let mut buttons: Vec<_> = transport(app.time.is_playing(), loc).into_iter().collect();
        if axis_rtl != loc.is_rtl() {
            buttons.reverse();
        }
        for (icon, mirrored, label, cmd) in buttons {
            let icon = if axis_rtl { mirrored } else { icon };
            if labeled_button(ui, icon, &label).clicked() {
                out.push(Command::Time(cmd));
            }
        }
        ui.separator();
        let prefs = app.time.prefs();
        let speed_label =
            |s: f32| tr_args(loc, "time-speed-value", &[("speed", f64::from(s).into())]);
        egui::ComboBox::from_id_salt("speed")
            .selected_text(speed_label(prefs.speed))
            .width(64.0)
            .show_ui(ui, |ui| {
                for s in SPEEDS {
                    if ui
                        .selectable_label((prefs.speed - s).abs() < f32::EPSILON, speed_label(s))
                        .clicked()
                    {
                        out.push(Command::Time(TimeCommand::SetSpeed(s)));
                    }
                }
            })
            .response
            .on_hover_ui(|ui| {
                Txt::new(tr(loc, "time-speed-hover")).label(ui);
            })
            .widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::ComboBox, true, tr(loc, "time-speed"))
            });
        let mut looping = prefs.looping;
        let r = i18n::toggle(ui, &mut looping, &tr(loc, "time-loop"));
        if i18n::hover(r, &tr(loc, "time-loop-hover")).changed() {
            out.push(Command::Time(TimeCommand::SetLoop(looping)));
        }
        let mut linear = !app.settings.collapse_gaps;
        let r = i18n::toggle(ui, &mut linear, &tr(loc, "time-linear"));
        if i18n::hover(r, &tr(loc, "time-linear-hover")).changed() {
            out.push(Command::Pref(Pref::CollapseGaps(!linear)));
        }
        let mut chart = app.settings.show_chart;
        let r = i18n::toggle(ui, &mut chart, &tr(loc, "time-chart"));
        if i18n::hover(r, &tr(loc, "time-chart-hover")).changed() {
            out.push(Command::Pref(Pref::ShowChart(chart)));
        }
        let mut compare = app.settings.compare;
        let r = i18n::toggle(ui, &mut compare, &tr(loc, "time-compare"));
        if i18n::hover(r, &tr(loc, "time-compare-hover")).changed() {
            out.push(Command::Pref(Pref::Compare(compare)));
        }
        ui.separator();
        let date = app.time.date();
        Txt::new(format::date_long(date, loc))
            .strong()
            .size(15.0)
            .line(ui);
        // The English interface also gives the date the way the Arabic
        // sources write it.
        if !loc.is_rtl() {
            super::text::bidi_line(
                ui,
                &date.arabic(),
                FontId::proportional(15.0),
                ui.visuals().strong_text_color(),
            );
        }
        if let Some(i) = app.time.step() {
            Txt::new(tr_args(
                loc,
                "time-step-of",
                &[("n", (i + 1).into()), ("total", app.ds.steps.len().into())],
            ))
            .weak()
            .line(ui);
        }
    });
    ui.add_space(2.0);
    if app.settings.compare {
        compare_row(ui, app, out);
    }
    if app.chart {
        super::chart::ui(ui, app, out);
    }
    axis_ui(ui, app, out);
}

/// The least space between two labels on the time axis, points.
const LABEL_GAP: f32 = 6.0;

/// A label under the time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct AxisLabel {
    /// Its words.
    pub text: String,
    /// Where it is anchored, screen x.
    pub at: f32,
    /// How it hangs from that point.
    pub anchor: Align2,
    /// The screen x range it covers.
    pub span: (f32, f32),
    /// A gap's length rather than a month.
    pub gap: bool,
}

/// The labels under an axis drawn between the screen x `edges` (running
/// right to left when `rtl`): every collapsed gap's length, then month
/// marks (with the year at January and after a long stretch without a
/// label) wherever they fit without touching another label or leaving the
/// axis. `width_of` measures a label's width in points.
pub fn axis_labels(
    axis: &TimeAxis,
    (left, right): (f32, f32),
    rtl: bool,
    loc: Locale,
    width_of: impl Fn(&str) -> f32,
) -> Vec<AxisLabel> {
    let len = (right - left).max(1.0);
    let screen_x = |f: f32| if rtl { right - f * len } else { left + f * len };
    let mut labels: Vec<AxisLabel> = Vec::new();
    for g in axis.gaps() {
        let mid = (screen_x(g.x0) + screen_x(g.x1)) / 2.0;
        let days = g.from.days_until(g.to);
        // Gaps of decades or centuries (an ancient history) count years.
        let text = if days > 10 * 365 {
            tr_args(loc, "time-gap-years", &[("years", (days / 365).into())])
        } else {
            tr_args(loc, "time-gap-months", &[("months", (days / 30).into())])
        };
        let w = width_of(&text);
        labels.push(AxisLabel {
            text,
            at: mid,
            anchor: Align2::CENTER_TOP,
            span: (mid - w / 2.0, mid + w / 2.0),
            gap: true,
        });
    }
    let free = |labels: &[AxisLabel], (a, b): (f32, f32)| {
        a >= left - 12.0
            && b <= right + 12.0
            && labels
                .iter()
                .all(|l| b + LABEL_GAP <= l.span.0 || l.span.1 + LABEL_GAP <= a)
    };
    let (anchor, dx) = if rtl {
        (Align2::RIGHT_TOP, -2.0)
    } else {
        (Align2::LEFT_TOP, 2.0)
    };
    let mut last_label = f32::NEG_INFINITY;
    let by_years = axis.mark_step() != MarkStep::Months;
    for d in axis.marks() {
        let along = axis.x_from_date(d) * len;
        let text = if by_years {
            format::year(d, loc)
        } else if d.month() == 1 || along - last_label > 90.0 {
            format::month_year(d, loc)
        } else {
            format::month_short(d.month(), loc)
        };
        let x = screen_x(axis.x_from_date(d)) + dx;
        let w = width_of(&text);
        let span = if rtl { (x - w, x) } else { (x, x + w) };
        if free(&labels, span) {
            labels.push(AxisLabel {
                text,
                at: x,
                anchor,
                span,
                gap: false,
            });
            last_label = along;
        }
    }
    labels
}

fn axis_ui(ui: &mut Ui, app: &Shared<'_>, out: &mut Vec<Command>) {
    let loc = app.settings.locale();
    let rtl = app.settings.axis_rtl();
    let axis = axis(app);
    let width = ui.available_width().max(50.0);
    let (rect, response) =
        ui.allocate_exact_size(Vec2::new(width, AXIS_HEIGHT), Sense::click_and_drag());
    i18n::accessible(&response, egui::Role::Slider, &tr(loc, "time-date-axis"));
    let inner = rect.shrink2(Vec2::new(14.0, 0.0));
    // Positions along the axis (0 at its start, 1 at its end) to screen x
    // and back; a right-to-left axis starts at the right.
    let screen_x = |f: f32| {
        if rtl {
            inner.right() - f * inner.width()
        } else {
            inner.left() + f * inner.width()
        }
    };
    let along = |x: f32| {
        let f = (x - inner.left()) / inner.width().max(1.0);
        (if rtl { 1.0 - f } else { f }).clamp(0.0, 1.0)
    };
    let x_of = |d: Date| screen_x(axis.x_from_date(d));
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    let line_y = rect.top() + 40.0;
    let weak = visuals.weak_text_color();
    painter.line_segment(
        [
            Pos2::new(inner.left(), line_y),
            Pos2::new(inner.right(), line_y),
        ],
        Stroke::new(1.5, weak),
    );

    // The gaps: a break mark each.
    for g in axis.gaps() {
        let (a, b) = (screen_x(g.x0), screen_x(g.x1));
        let (x0, x1) = (a.min(b), a.max(b));
        let mid = (x0 + x1) / 2.0;
        painter.rect_filled(
            Rect::from_x_y_ranges(x0..=x1, (line_y - 5.0)..=(line_y + 5.0)),
            0.0,
            visuals.panel_fill,
        );
        for dx in [-3.0, 3.0] {
            painter.line_segment(
                [
                    Pos2::new(mid + dx - 3.0, line_y + 6.0),
                    Pos2::new(mid + dx + 3.0, line_y - 6.0),
                ],
                Stroke::new(1.2, weak),
            );
        }
    }
    for d in axis.marks() {
        let x = x_of(d);
        painter.line_segment(
            [Pos2::new(x, line_y - 3.0), Pos2::new(x, line_y + 3.0)],
            Stroke::new(1.0, weak),
        );
    }
    // Their labels, none over another.
    let font = FontId::proportional(10.0);
    let width_of = |text: &str| {
        ui.fonts_mut(|f| f.layout_job(super::text::line_job(text, font.clone(), weak)))
            .size()
            .x
    };
    let edges = (inner.left(), inner.right());
    for label in axis_labels(&axis, edges, rtl, loc, width_of) {
        i18n::paint_text(
            ui,
            &painter,
            Pos2::new(label.at, line_y + if label.gap { 9.0 } else { 6.0 }),
            label.anchor,
            &label.text,
            font.clone(),
            weak,
        );
    }

    // Step ticks; steps on the same day stack upwards.
    let key = TicksKey {
        session: app.versions.session,
        inner: [inner.left(), inner.right(), line_y],
        rtl,
        collapse: app.settings.collapse_gaps,
    };
    let ticks = axis_ticks::ui(ui, app, &response, &painter, key, &x_of, out);

    // Scrubbing: drag or click on the strip; snap to a close tick.
    if (response.dragged() || response.clicked())
        && let Some(p) = response.interact_pointer_pos()
    {
        match ticks.nearest_along(p.x) {
            Some((i, dist)) if dist <= SNAP_POINTS => {
                out.push(Command::Time(TimeCommand::GoToStep(i)))
            }
            _ => {
                out.push(Command::Time(TimeCommand::SetDate(
                    axis.date_from_x(along(p.x)),
                )));
            }
        }
    }

    // The current date.
    let x = x_of(app.time.date());
    painter.line_segment(
        [Pos2::new(x, rect.top() + 2.0), Pos2::new(x, line_y + 8.0)],
        Stroke::new(2.0, super::paint::color(app.style.time_cursor)),
    );
}

/// The earlier date of a comparison: a step from the list, or any date typed
/// in (digits 0–9 or ٠–٩); the later date is the current one.
fn compare_row(ui: &mut Ui, app: &Shared<'_>, out: &mut Vec<Command>) {
    let loc = app.settings.locale();
    let lang = loc.lang.tag();
    let from = super::app::compare_from(app);
    i18n::row(ui, loc, |ui| {
        Txt::new(tr(loc, "compare-from")).line(ui);
        let selected = app.ds.steps.iter().position(|s| s.date.end() == from);
        let text = selected.map_or_else(
            || format::date_short(from, loc),
            |i| {
                tr_args(
                    loc,
                    "compare-step-date",
                    &[
                        ("n", (i + 1).into()),
                        ("date", format::date_short(from, loc).into()),
                    ],
                )
            },
        );
        egui::ComboBox::from_id_salt("compare-from")
            .selected_text(Txt::new(text).widget_text(ui))
            .width(220.0)
            .show_ui(ui, |ui| {
                for (i, s) in app.ds.steps.iter().enumerate() {
                    let d = s.date.end();
                    let item = tr_args(
                        loc,
                        "compare-step-item",
                        &[
                            ("n", (i + 1).into()),
                            ("date", format::date_short(d, loc).into()),
                            ("title", s.title.get(lang).into()),
                        ],
                    );
                    if i18n::selectable(ui, d == from, &item).clicked() {
                        out.push(Command::Pref(Pref::CompareFrom(d)));
                    }
                }
            })
            .response
            .widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::ComboBox, true, tr(loc, "compare-from-step"))
            });
        let id = ui.make_persistent_id("compare-date-text");
        let mut typed: String = ui
            .data_mut(|d| d.get_temp::<String>(id))
            .unwrap_or_else(|| from.iso());
        let label = Txt::new(tr(loc, "compare-or-date")).line(ui);
        let r = ui
            .add(egui::TextEdit::singleline(&mut typed).desired_width(96.0))
            .labelled_by(label.id);
        let parsed = Date::parse(format::ascii_digits(typed.trim()).as_str())
            .ok()
            .filter(|d| app.ds.coverage.contains(*d));
        if r.changed()
            && let Some(d) = parsed
        {
            out.push(Command::Pref(Pref::CompareFrom(d)));
        }
        if parsed.is_none() {
            Txt::new(tr_args(
                loc,
                "compare-date-hint",
                &[
                    ("from", app.ds.coverage.from.iso().into()),
                    ("to", app.ds.coverage.to.iso().into()),
                ],
            ))
            .color(ui.visuals().warn_fg_color)
            .line(ui);
        }
        ui.data_mut(|d| d.insert_temp(id, typed));
        Txt::new(tr_args(
            loc,
            "compare-to-current",
            &[("date", format::date_short(app.time.date(), loc).into())],
        ))
        .line(ui);
    });
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::ui::ViewerOptions;
    use crate::ui::app::App;

    #[test]
    fn previous_and_next_are_mirror_images_and_drawn_with_real_glyphs() {
        let [first, prev, play, next, last] = transport(false, Locale::EN);
        assert_eq!(prev.0, next.1);
        assert_eq!(next.0, prev.1);
        assert_eq!(first.0, last.1);
        assert_eq!(prev.0.chars().count(), next.0.chars().count());
        assert_ne!(next.0, play.0, "next is not play");
        let ctx = egui::Context::default();
        crate::ui::text::install_fonts(&ctx);
        let icons: String = transport(false, Locale::EN)
            .iter()
            .chain(transport(true, Locale::EN).iter())
            .flat_map(|(l, r, _, _)| [*l, *r])
            .collect();
        let mut missing = Vec::new();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            for c in icons.chars() {
                let s = c.to_string();
                if !ui.fonts_mut(|f| f.has_glyphs(&FontId::proportional(14.0), &s)) {
                    missing.push(c);
                }
            }
        });
        // No renderer here: the font atlas updates are not uploaded.
        output.textures_delta.clear();
        assert!(missing.is_empty(), "no glyph for {missing:?}");
    }

    #[test]
    fn axis_labels_never_touch_each_other_at_any_width_or_direction() {
        let app = App::with_settings(
            crate::model::load_bundled().unwrap(),
            Settings::default(),
            &ViewerOptions::default(),
        );
        let axis = axis(&app.shared());
        // About as wide as the interface font's characters, wider for Arabic.
        let measure = |loc: Locale| {
            move |t: &str| t.chars().count() as f32 * if loc.is_rtl() { 7.5 } else { 6.0 }
        };
        for loc in [Locale::EN, Locale::AR] {
            for rtl in [false, true] {
                for width in [240.0, 420.0, 700.0, 1000.0, 1400.0, 1900.0] {
                    let labels = axis_labels(&axis, (14.0, 14.0 + width), rtl, loc, measure(loc));
                    assert!(labels.iter().any(|l| l.gap), "{width}: the gap is labelled");
                    for (i, a) in labels.iter().enumerate() {
                        for b in &labels[i + 1..] {
                            let apart = a.span.1 + LABEL_GAP <= b.span.0
                                || b.span.1 + LABEL_GAP <= a.span.0;
                            assert!(apart, "{width} rtl {rtl}: {a:?} touches {b:?}");
                        }
                    }
                    if width >= 1000.0 {
                        assert!(
                            labels.iter().filter(|l| !l.gap).count() >= 2,
                            "{width}: {labels:?}"
                        );
                    }
                }
            }
        }
    }
}
