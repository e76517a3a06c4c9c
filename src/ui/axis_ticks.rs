//! The step ticks on the time axis: where each step's tick sits (steps on
//! the same day stack upwards), drawn as one kept mesh with the ranges of
//! uncertain steps under them, and how they answer the pointer and screen
//! readers. While at most [`TICK_BUTTONS`] are shown each is a button of its
//! own; beyond that they are a rug of upright marks and the axis answers
//! for them (the pointer shows the step under it; a click snaps, in
//! `time_panel`).

use std::collections::HashMap;
use std::sync::Arc;

use egui::epaint::{CircleShape, Mesh};
use egui::{Color32, Painter, Pos2, Rect, Response, Sense, Shape, Stroke, Ui, Vec2};

use super::app::{Command, Shared};
use super::i18n;
use super::memo;
use crate::control::TimeCommand;
use crate::i18n::{Locale, format, tr_args};
use crate::model::Date;

/// A drag snaps to a step whose tick is this close, in points; the
/// pointer shows a step within it.
pub const SNAP_POINTS: f32 = 8.0;

/// At most this many step ticks are buttons of their own (each a widget
/// and a screen reader's node); with more, the axis answers for them.
pub const TICK_BUTTONS: usize = 120;

/// What the ticks' positions were computed for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TicksKey {
    /// The session.
    pub session: u64,
    /// The axis' inner left and right, and the line's y.
    pub inner: [f32; 3],
    /// Whether the axis runs right to left.
    pub rtl: bool,
    /// Whether quiet stretches are collapsed.
    pub collapse: bool,
}

/// Where the step ticks are, computed once per dataset and axis position
/// rather than every frame.
pub struct Ticks {
    /// Each step's tick position.
    at: Vec<Pos2>,
    /// Where each step's date range starts, when it is a range.
    uncertain_from: Vec<Option<f32>>,
    /// The ticks drawn: the last of those on the same spot (the one on
    /// top), by step.
    shown: Vec<(usize, Pos2)>,
    /// Whether each step's tick is in `shown`.
    is_shown: Vec<bool>,
}

/// The colours and pixel density the ticks' mesh was made with.
#[derive(Debug, Clone, Copy, PartialEq)]
struct TickLook {
    /// An uncertain step's range.
    range: Color32,
    /// A tick's fill.
    fill: Color32,
    /// A tick's outline.
    stroke: Color32,
    pixels_per_point: f32,
}

/// Draw the ticks of the axis `response` with `painter`, screen x from
/// `x_of`; a click on a tick's button goes to its step. Returns the ticks,
/// for the axis to snap a drag to.
pub fn ui(
    ui: &mut Ui,
    app: &Shared<'_>,
    response: &Response,
    painter: &Painter,
    key: TicksKey,
    x_of: &dyn Fn(Date) -> f32,
    out: &mut Vec<Command>,
) -> Arc<Ticks> {
    let loc = app.settings.locale();
    let visuals = ui.visuals();
    let (accent, strong) = (visuals.selection.bg_fill, visuals.strong_text_color());
    let ticks = memo::kept(ui, response.id.with("ticks"), key, || {
        Ticks::new(app, key, x_of)
    });
    // Each step's accessible label and hover text: they depend on the
    // language, not on where the axis is.
    let labels = memo::kept(
        ui,
        response.id.with("tick-labels"),
        (key.session, loc),
        || labels(app, loc),
    );
    // The ticks and the ranges of uncertain steps under them, one mesh kept
    // while the ticks and their look stay the same.
    let look = TickLook {
        range: accent.gamma_multiply(0.6),
        fill: visuals.widgets.inactive.bg_fill,
        stroke: strong,
        pixels_per_point: ui.ctx().pixels_per_point(),
    };
    let mesh = memo::kept(ui, response.id.with("tick-mesh"), (key, look), || {
        ticks.mesh(painter, look)
    });
    painter.add(Shape::Mesh(mesh));
    // While there are few enough, each shown tick is a button of its own
    // (and the current step's, even where a later one on the same spot
    // hides it); beyond that the axis answers for them: a click snaps to
    // the closest tick, and the pointer shows its step.
    let current = app.time.step();
    let mut hovered = None;
    if ticks.shown.len() <= TICK_BUTTONS {
        let hidden_current = current
            .filter(|&c| !ticks.is_shown.get(c).copied().unwrap_or(true))
            .and_then(|c| ticks.at.get(c).map(|&p| (c, p)));
        for &(i, p) in ticks.shown.iter().chain(hidden_current.iter()) {
            let Some((label, hover)) = labels.get(i) else {
                continue;
            };
            let r = ui.interact(
                Rect::from_center_size(p, Vec2::splat(12.0)),
                response.id.with(("tick", i)),
                Sense::click(),
            );
            i18n::accessible(&r, egui::Role::Button, label);
            if r.clicked() {
                out.push(Command::Time(TimeCommand::GoToStep(i)));
            }
            if r.hovered() || r.has_focus() {
                hovered = Some(p);
                i18n::hover(r, hover);
            }
        }
    } else if let Some(pointer) = response.hover_pos()
        && let Some((i, p)) = ticks.closest(pointer)
        && let Some((_, hover)) = labels.get(i)
    {
        hovered = Some(p);
        i18n::hover(response.clone(), hover);
    }
    let current_at = current.and_then(|c| ticks.at.get(c));
    // The one under the pointer, then the current step's over it.
    for (p, fill) in [(hovered, look.fill), (current_at.copied(), accent)] {
        if let Some(p) = p {
            painter.circle(p, 6.0, fill, Stroke::new(1.0, strong));
        }
    }
    ticks
}

/// Each step's accessible label ("Step 3: …") and hover text (its date,
/// then the label), in `loc`.
fn labels(app: &Shared<'_>, loc: Locale) -> Vec<(String, String)> {
    let lang = loc.lang.tag();
    app.ds
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let label = tr_args(
                loc,
                "time-tick",
                &[("n", (i + 1).into()), ("title", s.title.get(lang).into())],
            );
            let hover = format!("{}\n{}", format::date_spec(s.date, loc), label);
            (label, hover)
        })
        .collect()
}

impl Ticks {
    fn new(app: &Shared<'_>, key: TicksKey, x_of: &dyn Fn(Date) -> f32) -> Self {
        let steps = &app.ds.steps;
        let line_y = key.inner[2];
        let mut per_day: HashMap<Date, usize> = HashMap::new();
        let mut at = Vec::with_capacity(steps.len());
        let mut uncertain_from = Vec::with_capacity(steps.len());
        for s in steps {
            let same_day_before = per_day.entry(s.date.end()).or_insert(0);
            let y = line_y - 12.0 - 12.0 * *same_day_before as f32;
            *same_day_before += 1;
            at.push(Pos2::new(x_of(s.date.end()), y));
            uncertain_from.push(s.date.is_uncertain().then(|| x_of(s.date.start())));
        }
        // When there are more steps than points along the axis, of the
        // ticks within a point of each other on the same row only the last,
        // drawn over the others, is shown and clickable; otherwise only
        // ticks on the very same spot are merged.
        let width = (key.inner[1] - key.inner[0]).abs();
        let per_point = if steps.len() as f32 > width {
            1.0
        } else {
            100.0
        };
        let mut top: HashMap<(i64, i64), usize> = HashMap::new();
        for (i, p) in at.iter().enumerate() {
            let spot = ((p.x * per_point).round() as i64, p.y.round() as i64);
            top.insert(spot, i);
        }
        let mut is_shown = vec![false; at.len()];
        for &i in top.values() {
            is_shown[i] = true;
        }
        let shown = (0..at.len())
            .filter(|&i| is_shown[i])
            .map(|i| (i, at[i]))
            .collect();
        Self {
            at,
            uncertain_from,
            shown,
            is_shown,
        }
    }

    /// The shown tick closest to `x` along the axis, and how far it is.
    #[must_use]
    pub fn nearest_along(&self, x: f32) -> Option<(usize, f32)> {
        self.shown
            .iter()
            .map(|&(i, t)| (i, (t.x - x).abs()))
            .min_by(|a, b| a.1.total_cmp(&b.1))
    }

    /// The shown tick under `pointer` (within [`SNAP_POINTS`]), the closest
    /// if several are, and where it is.
    fn closest(&self, pointer: Pos2) -> Option<(usize, Pos2)> {
        self.shown
            .iter()
            .map(|&(i, t)| (i, t, t.distance(pointer)))
            .filter(|&(_, _, d)| d <= SNAP_POINTS)
            .min_by(|a, b| a.2.total_cmp(&b.2))
            .map(|(i, t, _)| (i, t))
    }

    /// The ranges of uncertain steps and the shown ticks over them (round
    /// while each is a button, else upright marks), tessellated for
    /// `painter` with `look`.
    fn mesh(&self, painter: &Painter, look: TickLook) -> Mesh {
        let mut tess = super::paint::lasting_tessellator(painter, look.pixels_per_point);
        let mut mesh = Mesh::default();
        for (p, from) in self.at.iter().zip(&self.uncertain_from) {
            if let Some(x0) = *from {
                let segment =
                    Shape::line_segment([Pos2::new(x0, p.y), *p], Stroke::new(4.0, look.range));
                tess.tessellate_shape(segment, &mut mesh);
            }
        }
        if self.shown.len() > TICK_BUTTONS {
            // Too many for round ticks to stand apart: a rug of upright
            // marks, a point and a half wide.
            for &(_, p) in &self.shown {
                let mark = Rect::from_center_size(p, Vec2::new(1.5, 9.0));
                mesh.add_colored_rect(mark, look.stroke);
            }
            return mesh;
        }
        for &(_, p) in &self.shown {
            let tick = CircleShape {
                center: p,
                radius: 4.5,
                fill: look.fill,
                stroke: Stroke::new(1.0, look.stroke),
            };
            tess.tessellate_shape(tick.into(), &mut mesh);
        }
        mesh
    }
}
