//! The time panel: transport buttons, speed and loop, the current date in
//! English and Arabic, and a date axis with the step ticks, on which a drag
//! scrubs the date and snaps to nearby steps.

use egui::{Align2, FontId, Pos2, Rect, Sense, Stroke, Ui, Vec2};

use super::app::{App, Command};
use crate::control::{SPEEDS, TimeCommand};
use crate::model::Date;
use crate::scene::axis::TimeAxis;

/// Extra days shown after the last step.
const TAIL_DAYS: i64 = 10;
/// A drag snaps to a step whose tick is this close, in points.
const SNAP_POINTS: f32 = 8.0;
/// Height of the axis strip, points.
const AXIS_HEIGHT: f32 = 64.0;

/// The axis the panel draws for the app's dataset and settings.
#[must_use]
pub fn axis(app: &App) -> TimeAxis {
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

fn labeled_button(ui: &mut Ui, text: &str, label: &str) -> egui::Response {
    let r = ui
        .add(egui::Button::new(text).min_size(Vec2::new(34.0, 26.0)))
        .on_hover_text(label);
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label));
    r
}

/// The time panel.
pub fn ui(ui: &mut Ui, app: &mut App) {
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        let playing = app.time.is_playing();
        let buttons: [(&str, &str, TimeCommand); 5] = [
            ("⏮", "First step", TimeCommand::First),
            ("⏴", "Previous step", TimeCommand::PrevStep),
            (
                if playing { "⏸" } else { "⏵" },
                if playing { "Pause" } else { "Play" },
                TimeCommand::TogglePlay,
            ),
            ("⏵⏵", "Next step", TimeCommand::NextStep),
            ("⏭", "Last step", TimeCommand::Last),
        ];
        for (text, label, cmd) in buttons {
            if labeled_button(ui, text, label).clicked() {
                app.push(Command::Time(cmd));
            }
        }
        ui.separator();
        let prefs = app.time.prefs();
        let speed_label = |s: f32| format!("{s}×");
        egui::ComboBox::from_id_salt("speed")
            .selected_text(speed_label(prefs.speed))
            .width(64.0)
            .show_ui(ui, |ui| {
                for s in SPEEDS {
                    if ui
                        .selectable_label((prefs.speed - s).abs() < f32::EPSILON, speed_label(s))
                        .clicked()
                    {
                        app.push(Command::Time(TimeCommand::SetSpeed(s)));
                    }
                }
            })
            .response
            .on_hover_text("Playback speed")
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Speed"));
        let mut looping = prefs.looping;
        if ui
            .toggle_value(&mut looping, "🔁 Loop")
            .on_hover_text("Start over after the last step")
            .changed()
        {
            app.push(Command::Time(TimeCommand::SetLoop(looping)));
        }
        let mut linear = !app.settings.collapse_gaps;
        if ui
            .toggle_value(&mut linear, "Linear time")
            .on_hover_text("Show quiet periods at their true length")
            .changed()
        {
            app.settings.collapse_gaps = !linear;
        }
        ui.toggle_value(&mut app.settings.show_chart, "📈 Chart")
            .on_hover_text("Show the area each side held over time");
        ui.toggle_value(&mut app.settings.compare, "Compare")
            .on_hover_text("Outline what changed between an earlier date and the current one");
        ui.separator();
        let date = app.time.date();
        ui.label(egui::RichText::new(date.english_long()).strong().size(15.0));
        super::text::bidi_line(
            ui,
            &date.arabic(),
            FontId::proportional(15.0),
            ui.visuals().strong_text_color(),
        );
        if let Some(i) = app.time.step() {
            ui.label(
                egui::RichText::new(format!("step {} of {}", i + 1, app.ds.steps.len())).weak(),
            );
        }
    });
    ui.add_space(2.0);
    if app.settings.compare {
        compare_row(ui, app);
    }
    if app.settings.show_chart {
        super::chart::ui(ui, app);
    }
    axis_ui(ui, app);
}

fn axis_ui(ui: &mut Ui, app: &mut App) {
    let axis = axis(app);
    let width = ui.available_width().max(50.0);
    let (rect, response) =
        ui.allocate_exact_size(Vec2::new(width, AXIS_HEIGHT), Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Slider, true, "Date"));
    let inner = rect.shrink2(Vec2::new(14.0, 0.0));
    let x_of = |d: Date| inner.left() + axis.x_from_date(d) * inner.width();
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    let line_y = rect.top() + 40.0;
    let weak = visuals.weak_text_color();
    let strong = visuals.strong_text_color();
    painter.line_segment(
        [
            Pos2::new(inner.left(), line_y),
            Pos2::new(inner.right(), line_y),
        ],
        Stroke::new(1.5, weak),
    );

    // Collapsed gaps: a break mark and the length of the gap.
    for g in axis.gaps() {
        let (x0, x1) = (
            inner.left() + g.x0 * inner.width(),
            inner.left() + g.x1 * inner.width(),
        );
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
        let months = g.from.days_until(g.to) / 30;
        painter.text(
            Pos2::new(mid, line_y + 9.0),
            Align2::CENTER_TOP,
            format!("~{months} months"),
            FontId::proportional(10.0),
            weak,
        );
    }
    // Year and month marks, kept clear of the gap labels.
    let gap_mids: Vec<f32> = axis
        .gaps()
        .iter()
        .map(|g| inner.left() + (g.x0 + g.x1) / 2.0 * inner.width())
        .collect();
    let mut last_label_x = f32::NEG_INFINITY;
    for d in axis.month_starts() {
        let x = x_of(d);
        painter.line_segment(
            [Pos2::new(x, line_y - 3.0), Pos2::new(x, line_y + 3.0)],
            Stroke::new(1.0, weak),
        );
        let text = if d.month() == 1 || x - last_label_x > 90.0 {
            format!("{} {}", d.month_abbr(), d.year())
        } else {
            d.month_abbr().to_owned()
        };
        if x - last_label_x > 34.0
            && x + 48.0 < inner.right()
            && gap_mids.iter().all(|m| (x - m).abs() > 48.0)
        {
            painter.text(
                Pos2::new(x + 2.0, line_y + 6.0),
                Align2::LEFT_TOP,
                text,
                FontId::proportional(10.0),
                weak,
            );
            last_label_x = x;
        }
    }

    // Step ticks; steps on the same day stack upwards.
    let accent = visuals.selection.bg_fill;
    let current = app.time.step();
    let mut ticks: Vec<(usize, Pos2)> = Vec::new();
    for (i, s) in app.ds.steps.iter().enumerate() {
        let same_day_before = app.ds.steps[..i]
            .iter()
            .filter(|o| o.date.end() == s.date.end())
            .count();
        let x = x_of(s.date.end());
        let y = line_y - 12.0 - 12.0 * same_day_before as f32;
        if s.date.is_uncertain() {
            let x0 = x_of(s.date.start());
            painter.line_segment(
                [Pos2::new(x0, y), Pos2::new(x, y)],
                Stroke::new(4.0, accent.gamma_multiply(0.6)),
            );
        }
        ticks.push((i, Pos2::new(x, y)));
    }
    for &(i, p) in &ticks {
        let tick_rect = Rect::from_center_size(p, Vec2::splat(12.0));
        let id = response.id.with(("tick", i));
        let step = &app.ds.steps[i];
        let label = format!("Step {}: {}", i + 1, step.title.en());
        let hover = format!("{}\n{}", step.date.english(), label);
        let r = ui.interact(tick_rect, id, Sense::click());
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label.clone()));
        let selected = current == Some(i);
        let fill = if selected {
            accent
        } else {
            visuals.widgets.inactive.bg_fill
        };
        let radius = if r.hovered() || selected { 6.0 } else { 4.5 };
        painter.circle(p, radius, fill, Stroke::new(1.0, strong));
        if r.clicked() {
            app.push(Command::Time(TimeCommand::GoToStep(i)));
        }
        r.on_hover_text(hover);
    }

    // Scrubbing: drag or click on the strip; snap to a close tick.
    if (response.dragged() || response.clicked())
        && let Some(p) = response.interact_pointer_pos()
    {
        let nearest = ticks
            .iter()
            .map(|&(i, t)| (i, (t.x - p.x).abs()))
            .min_by(|a, b| a.1.total_cmp(&b.1));
        match nearest {
            Some((i, dist)) if dist <= SNAP_POINTS => {
                app.push(Command::Time(TimeCommand::GoToStep(i)))
            }
            _ => {
                let x = ((p.x - inner.left()) / inner.width().max(1.0)).clamp(0.0, 1.0);
                app.push(Command::Time(TimeCommand::SetDate(axis.date_from_x(x))));
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
/// in; the later date is the current one.
fn compare_row(ui: &mut Ui, app: &mut App) {
    let from = super::app::compare_from(app);
    ui.horizontal_wrapped(|ui| {
        ui.label("Compare from");
        let selected = app.ds.steps.iter().position(|s| s.date.end() == from);
        let text = selected.map_or_else(
            || from.english(),
            |i| format!("step {} · {}", i + 1, from.english()),
        );
        egui::ComboBox::from_id_salt("compare-from")
            .selected_text(text)
            .width(220.0)
            .show_ui(ui, |ui| {
                for (i, s) in app.ds.steps.iter().enumerate() {
                    let d = s.date.end();
                    if ui
                        .selectable_label(
                            d == from,
                            format!("step {} · {} · {}", i + 1, d.english(), s.title.en()),
                        )
                        .clicked()
                    {
                        app.settings.compare_from = Some(d.iso());
                    }
                }
            })
            .response
            .widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Compare from step")
            });
        let id = ui.make_persistent_id("compare-date-text");
        let mut typed: String = ui
            .data_mut(|d| d.get_temp::<String>(id))
            .unwrap_or_else(|| from.iso());
        let label = ui.label("or date");
        let r = ui
            .add(egui::TextEdit::singleline(&mut typed).desired_width(96.0))
            .labelled_by(label.id);
        if r.changed() {
            match crate::model::Date::parse(typed.trim()) {
                Ok(d) if app.ds.coverage.contains(d) => app.settings.compare_from = Some(d.iso()),
                _ => {}
            }
        }
        let valid = crate::model::Date::parse(typed.trim())
            .ok()
            .filter(|d| app.ds.coverage.contains(*d));
        if valid.is_none() {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!(
                    "write a date from {} to {} as YYYY-MM-DD",
                    app.ds.coverage.from, app.ds.coverage.to
                ),
            );
        }
        ui.data_mut(|d| d.insert_temp(id, typed));
        ui.label(format!(
            "to {} (the current date)",
            app.time.date().english()
        ));
    });
}
