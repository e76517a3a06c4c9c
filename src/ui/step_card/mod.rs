//! The step card: the current step's date, title and summary, what changed,
//! pending handovers with their countdown, disputed claims with every
//! version, and the citations with their source; and, when a place is
//! selected, every step that touched it. In the interface language, right
//! to left in Arabic.
//!
//! `ui` lays the card out from its parts: `place` (the selection),
//! `changes` (what changed, what is pending, what changed since the
//! compared date), `claims` and `sources` (the cited passages).

mod changes;
mod claims;
mod place;
mod sources;

use egui::{FontId, Ui};

use super::app::{Command, Pref, Shared};
use super::i18n::{self, Txt};
use super::text::bidi_label;
use crate::i18n::format::{self, date_short};
use crate::i18n::{Lang, tr, tr_args};
use crate::model::types::Step;

pub use changes::{change_lines, countdown, deadline_items, no_change};
use changes::{changed, changes_since, pending};
pub(crate) use claims::claim_versions;
use claims::claims;
use place::selection;
pub use place::{area_line, place_name, region_names, state_lines, state_texts, who};
use sources::citations;
pub(crate) use sources::passage_names;
pub(crate) use sources::source_id_lines;

/// The card.
pub fn ui(ui: &mut Ui, app: &Shared<'_>, out: &mut Vec<Command>) {
    let loc = app.settings.locale();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            i18n::column(ui, loc, |ui| {
                ui.add_space(6.0);
                if app.settings.compare {
                    changes_since(ui, app);
                    ui.separator();
                }
                if let Some(id) = app.selected {
                    selection(ui, app, out, id);
                    ui.separator();
                }
                match app.time.step() {
                    Some(i) => step(ui, app, out, i),
                    None => {
                        Txt::new(tr(loc, "card-no-step")).label(ui);
                    }
                }
            });
        });
}

fn step(ui: &mut Ui, app: &Shared<'_>, out: &mut Vec<Command>, i: usize) {
    let loc = app.settings.locale();
    let lang = loc.lang.tag();
    let Some(s) = app.ds.steps.get(i).cloned() else {
        return;
    };
    let ds = &app.ds;
    Txt::new(tr_args(
        loc,
        "card-step-of",
        &[("n", (i + 1).into()), ("total", ds.steps.len().into())],
    ))
    .weak()
    .label(ui);
    Txt::new(format::when(s.date, loc)).strong().label(ui);
    if let Some(note) = &s.date_note {
        Txt::new(note.get(lang)).weak().small().label(ui);
    }
    let date = app.time.date();
    if ds.step_date(i) != Some(date) {
        let days = s.date.end().days_until(date);
        Txt::new(tr_args(
            loc,
            "card-days-after",
            &[
                ("date", date_short(date, loc).into()),
                ("days", days.into()),
            ],
        ))
        .italics()
        .label(ui);
    }
    ui.add_space(4.0);
    Txt::new(s.title.get(lang)).heading().label(ui);
    // The English card also gives the Arabic title.
    if loc.lang == Lang::En
        && let Some(ar) = s.title.exact("ar")
    {
        bidi_label(
            ui,
            ar,
            FontId::proportional(17.0),
            ui.visuals().strong_text_color(),
        );
    }
    ui.add_space(4.0);
    summary(ui, app, out, &s);
    changed(ui, app, i);
    pending(ui, app);
    claims(ui, app, &s);
    citations(ui, app, out, &s);
}

fn summary(ui: &mut Ui, app: &Shared<'_>, out: &mut Vec<Command>, s: &Step) {
    let loc = app.settings.locale();
    let body = if loc.lang == Lang::Ar {
        // The Arabic interface shows the Arabic summary (or the English one
        // where the dataset has none).
        s.summary.get("ar")
    } else {
        let has_arabic = s.summary.exact("ar").is_some();
        let arabic = app.settings.arabic_summary && has_arabic;
        let (text, label) = if arabic {
            ("English", tr(loc, "card-summary-in-en"))
        } else {
            ("العربية", tr(loc, "card-summary-in-ar"))
        };
        // Offered only where the dataset has an Arabic summary to show.
        if has_arabic && i18n::labelled_button(ui, text, &label, true).clicked() {
            out.push(Command::Pref(Pref::ArabicSummary(
                !app.settings.arabic_summary,
            )));
        }
        if arabic {
            s.summary.get("ar")
        } else {
            s.summary.en()
        }
    };
    bidi_label(
        ui,
        body,
        FontId::proportional(14.0),
        ui.visuals().text_color(),
    );
}
