//! The speaker window: a second window for the teacher's screen with the
//! current and next stop, the notes and questions, the elapsed time and a
//! clock, and buttons for everything the keys do. With one monitor it is an
//! ordinary window beside (or over) the presentation.

use egui::{RichText, Ui};

use super::app::{App, Command};
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
pub fn show(ctx: &egui::Context, app: &mut App) -> bool {
    let title = format!("Speaker notes — {}", super::app::window_title(&app.ds));
    let builder = egui::ViewportBuilder::default()
        .with_title(title)
        .with_inner_size([720.0, 680.0]);
    ctx.show_viewport_immediate(viewport_id(), builder, |ui, _class| {
        let cmds = super::presenter::keys(ui.ctx(), app);
        app.commands.extend(cmds);
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| contents(ui, app));
        });
        ui.ctx().input(|i| i.viewport().close_requested())
    })
}

fn step_heading(app: &App, step: usize) -> String {
    app.ds.steps.get(step).map_or_else(String::new, |s| {
        format!("{} — {}", s.date.english(), s.title.en())
    })
}

fn contents(ui: &mut Ui, app: &mut App) {
    let Some(p) = &app.presenter else {
        ui.label("Not presenting. Press F5 in the main window to start.");
        return;
    };
    ui.heading("Speaker notes");
    ui.label(format!(
        "{} — stop {} of {}",
        p.tour().title.en(),
        p.position() + 1,
        p.len()
    ));
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("Elapsed {}", clock_text(p.elapsed()))).size(20.0));
        ui.add_space(24.0);
        ui.label(RichText::new(format!("Clock {}", wall_clock())).size(20.0));
    });
    ui.horizontal_wrapped(|ui| {
        let mut cmd = |ui: &mut Ui, text: &str, c: Command| {
            if ui.button(text).clicked() {
                app.commands.push(c);
            }
        };
        cmd(ui, "Previous stop", Command::Present(PresentCommand::Prev));
        cmd(ui, "Next stop", Command::Present(PresentCommand::Next));
        let black = if p.blackout() {
            "Show the map"
        } else {
            "Black out"
        };
        cmd(ui, black, Command::Present(PresentCommand::ToggleBlackout));
        let (auto, c) = match p.autoplay() {
            Autoplay::Off => ("Start autoplay", PresentCommand::ToggleAutoplay),
            Autoplay::Playing { .. } => ("Pause autoplay", PresentCommand::Pause),
            Autoplay::Paused => ("Resume autoplay", PresentCommand::Resume),
        };
        cmd(ui, auto, Command::Present(c));
        cmd(ui, "Leave presenter mode", Command::StopPresenting);
    });
    if let Autoplay::Playing { held } = p.autoplay() {
        ui.label(format!(
            "Autoplay: next stop in {:.0} s",
            (p.hold() - held).max(0.0).ceil()
        ));
    }
    ui.separator();
    let Some(stop) = p.stop() else {
        ui.label("This tour has no stops.");
        return;
    };
    ui.label(RichText::new("Now").weak());
    ui.label(
        RichText::new(step_heading(app, stop.step))
            .size(22.0)
            .strong(),
    );
    if let Some(st) = app.ds.steps.get(stop.step) {
        ui.label(st.summary.en());
    }
    if let Some(src) = super::presenter::source_line(app, stop.step) {
        ui.label(RichText::new(src).weak());
    }
    ui.add_space(8.0);
    ui.label(RichText::new("Notes").strong());
    let notes = stop.notes.en();
    if notes.is_empty() {
        ui.label(RichText::new("No notes for this stop.").weak());
    } else {
        ui.label(RichText::new(notes).size(17.0));
    }
    if !stop.questions.is_empty() {
        ui.add_space(8.0);
        ui.label(RichText::new("Questions for the class").strong());
        for (i, q) in stop.questions.iter().enumerate() {
            ui.label(RichText::new(format!("{}. {}", i + 1, q.en())).size(17.0));
        }
    }
    ui.separator();
    ui.label(RichText::new("Next").weak());
    match p.next_stop() {
        Some(next) => {
            ui.label(RichText::new(step_heading(app, next.step)).size(18.0));
        }
        None => {
            ui.label("End of the tour.");
        }
    }
}
