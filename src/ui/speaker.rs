//! The speaker window: a second window for the teacher's screen with the
//! current and next stop, the notes and questions, the elapsed time and a
//! clock, and buttons for everything the keys do. With one monitor it is an
//! ordinary window beside (or over) the presentation. In the interface
//! language (notes and questions too, where the tour has them), right to
//! left in Arabic.

use egui::Ui;

use super::app::{Command, Shared};
use super::i18n::{self, Txt};
use crate::i18n::{Locale, format, tr, tr_args};
use crate::present::{Autoplay, PresentCommand, clock_text};

/// The speaker window's viewport id.
#[must_use]
pub fn viewport_id() -> egui::ViewportId {
    egui::ViewportId::from_hash_of("karabakh-atlas-speaker")
}

/// The local wall-clock time as `HH:MM`, from the system's time zone.
#[must_use]
pub fn wall_clock() -> String {
    let now = jiff::Zoned::now();
    format!("{:02}:{:02}", now.hour(), now.minute())
}

/// Show the speaker window (as its own viewport where the platform allows,
/// else embedded). Returns whether the user closed it.
pub fn show(ctx: &egui::Context, app: &Shared<'_>, out: &mut Vec<Command>) -> bool {
    let loc = app.settings.locale();
    let title = tr_args(
        loc,
        "speaker-window-title",
        &[("window", super::app::window_title(app.ds, loc.lang).into())],
    );
    let builder = egui::ViewportBuilder::default()
        .with_title(title)
        .with_inner_size([720.0, 680.0]);
    ctx.show_viewport_immediate(viewport_id(), builder, |ui, _class| {
        out.extend(super::presenter::keys(ui.ctx(), app));
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                i18n::column(ui, loc, |ui| contents(ui, app, out, loc));
            });
        });
        ui.ctx().input(|i| i.viewport().close_requested())
    })
}

/// A step's date and title in the interface language.
fn step_heading(app: &Shared<'_>, step: usize, loc: Locale) -> String {
    app.ds.steps.get(step).map_or_else(String::new, |s| {
        format!(
            "{} — {}",
            format::date_spec(s.date, loc),
            s.title.get(loc.lang.tag())
        )
    })
}

fn contents(ui: &mut Ui, app: &Shared<'_>, out: &mut Vec<Command>, loc: Locale) {
    let lang = loc.lang.tag();
    let Some(p) = &app.presenter else {
        Txt::new(tr_args(
            loc,
            "speaker-not-presenting",
            &[("key", "F5".into())],
        ))
        .label(ui);
        return;
    };
    Txt::new(tr(loc, "speaker-title")).heading().label(ui);
    Txt::new(tr_args(
        loc,
        "speaker-tour-stop",
        &[
            ("tour", p.tour().title.get(lang).into()),
            ("n", (p.position() + 1).into()),
            ("total", p.len().into()),
        ],
    ))
    .label(ui);
    let clock = |text: String| format::localize_digits(&text, loc);
    i18n::row(ui, loc, |ui| {
        Txt::new(tr_args(
            loc,
            "speaker-elapsed",
            &[("time", clock(clock_text(p.elapsed())).into())],
        ))
        .size(20.0)
        .line(ui);
        ui.add_space(24.0);
        Txt::new(tr_args(
            loc,
            "speaker-clock",
            &[("time", clock(wall_clock()).into())],
        ))
        .size(20.0)
        .line(ui);
    });
    i18n::row(ui, loc, |ui| {
        let mut cmd = |ui: &mut Ui, text: String, c: Command| {
            if i18n::button(ui, &text).clicked() {
                out.push(c);
            }
        };
        cmd(
            ui,
            tr(loc, "speaker-prev"),
            Command::Present(PresentCommand::Prev),
        );
        cmd(
            ui,
            tr(loc, "speaker-next"),
            Command::Present(PresentCommand::Next),
        );
        let black = if p.blackout() {
            tr(loc, "speaker-show-map")
        } else {
            tr(loc, "speaker-black-out")
        };
        cmd(ui, black, Command::Present(PresentCommand::ToggleBlackout));
        let (auto, c) = match p.autoplay() {
            Autoplay::Off => (
                tr(loc, "speaker-autoplay-start"),
                PresentCommand::ToggleAutoplay,
            ),
            Autoplay::Playing { .. } => (tr(loc, "speaker-autoplay-pause"), PresentCommand::Pause),
            Autoplay::Paused => (tr(loc, "speaker-autoplay-resume"), PresentCommand::Resume),
        };
        cmd(ui, auto, Command::Present(c));
        cmd(ui, tr(loc, "speaker-leave"), Command::StopPresenting);
    });
    if let Autoplay::Playing { held } = p.autoplay() {
        let secs = (p.hold() - held).max(0.0).ceil();
        Txt::new(tr_args(
            loc,
            "speaker-next-in",
            &[("secs", f64::from(secs).into())],
        ))
        .label(ui);
    }
    ui.separator();
    let Some(stop) = p.stop() else {
        Txt::new(tr(loc, "speaker-no-stops")).label(ui);
        return;
    };
    Txt::new(tr(loc, "speaker-now")).weak().label(ui);
    Txt::new(step_heading(app, stop.step, loc))
        .size(22.0)
        .strong()
        .label(ui);
    if let Some(st) = app.ds.steps.get(stop.step) {
        Txt::new(st.summary.get(lang)).label(ui);
    }
    if let Some(src) = super::presenter::source_line(app, stop.step, loc) {
        let label = super::presenter::without_bidi_controls(&src);
        let r = Txt::new(src).weak().label(ui);
        i18n::accessible(&r, egui::Role::Label, &label);
    }
    ui.add_space(8.0);
    Txt::new(tr(loc, "speaker-notes")).strong().label(ui);
    let notes = stop.notes.get(lang);
    if notes.is_empty() {
        Txt::new(tr(loc, "speaker-no-notes")).weak().label(ui);
    } else {
        Txt::new(notes).size(17.0).label(ui);
    }
    if !stop.questions.is_empty() {
        ui.add_space(8.0);
        Txt::new(tr(loc, "speaker-questions")).strong().label(ui);
        for (i, q) in stop.questions.iter().enumerate() {
            Txt::new(tr_args(
                loc,
                "speaker-question",
                &[("n", (i + 1).into()), ("text", q.get(lang).into())],
            ))
            .size(17.0)
            .label(ui);
        }
    }
    ui.separator();
    Txt::new(tr(loc, "speaker-next-heading")).weak().label(ui);
    match p.next_stop() {
        Some(next) => {
            Txt::new(step_heading(app, next.step, loc))
                .size(18.0)
                .label(ui);
        }
        None => {
            Txt::new(tr(loc, "speaker-end")).label(ui);
        }
    }
}
