//! The source reader: the full text of a source, right to left and
//! bidi-correct, with every cited passage highlighted (the current step's
//! more strongly), place names underlined, Arabic-aware find, and links both
//! ways — from a citation to its words, from a highlight to its step.
//!
//! `ui` draws the header and calls the parts: `find` (the find bar),
//! `passages` (the marked text), `versions` (the claim-versions window).
//! `index` is what the reader looks up per dataset, built with the session.
//! The reader's own state is [`ReaderState`]; it changes shared state only
//! by pushing commands.

mod find;
mod index;
mod passages;
mod versions;

use std::ops::Range;

use egui::{FontId, Rect, Ui};

use super::app::{Command, Pref, Shared};
use super::i18n::{self, Txt};
use super::text::bidi_label;
use crate::control::TimeCommand;
use crate::i18n::format::{self, date_spec};
use crate::i18n::{tr, tr_args};
use crate::model::cite;

use find::find_bar;
pub use index::ReaderIndex;
use passages::text;
pub use versions::versions_window;

/// How long an opened passage flashes, seconds.
pub const FLASH_SECS: f64 = 1.6;

/// Smallest and largest reader text size, points.
pub const TEXT_SIZE_RANGE: (f32, f32) = (11.0, 32.0);

/// The reader's state that does not survive a restart.
#[derive(Debug, Clone, Default)]
pub struct ReaderState {
    /// Bring this byte range into view on the next frame.
    pub scroll_to: Option<Range<usize>>,
    /// The passage flashing and when it started.
    pub flash: Option<(Range<usize>, f64)>,
    /// The find query.
    pub query: String,
    /// Find in every source rather than the open one.
    pub all_sources: bool,
    /// Give the find field the keyboard focus on the next frame.
    pub focus_find: bool,
    /// The disputed claim whose versions are shown side by side.
    pub claim_versions: Option<String>,
    /// The place named in the text under the pointer.
    pub hovered_place: Option<String>,
    /// Whether a flash is still running (for repaints).
    pub animating: bool,
    /// Where the reader was drawn last (screenshot metadata).
    pub last_rect: Option<Rect>,
    /// The byte range of the line nearest the middle of the view, last
    /// frame: where the reader is, kept when it moves to another window.
    pub in_view: Option<Range<usize>>,
}

impl ReaderState {
    /// Bring the line in view now back into view on the next frame (the
    /// reader is about to be drawn in another window, whose scroll area
    /// starts at the top).
    pub fn keep_place(&mut self) {
        if self.scroll_to.is_none() {
            self.scroll_to.clone_from(&self.in_view);
        }
    }
}

/// The reader's content (panel or window).
pub fn ui(ui: &mut Ui, app: &Shared<'_>, reader: &mut ReaderState, out: &mut Vec<Command>) {
    let loc = app.settings.locale();
    let Some(source_id) = app.settings.reader.source.clone() else {
        Txt::new(tr(loc, "reader-none")).label(ui);
        return;
    };
    let Some(src) = app.ds.source(&source_id).cloned() else {
        Txt::new(tr_args(
            loc,
            "reader-missing",
            &[("id", source_id.as_str().into())],
        ))
        .label(ui);
        return;
    };
    reader.last_rect = Some(ui.max_rect());
    i18n::column(ui, loc, |ui| {
        header(ui, app, out, &src);
        ui.separator();
        find_bar(ui, app, reader, out, &src.id);
    });
    ui.separator();
    text(ui, app, reader, out, &src);
    versions_window(ui.ctx(), app, reader, out);
}

#[allow(clippy::too_many_lines)] // the header, read top to bottom
fn header(
    ui: &mut Ui,
    app: &Shared<'_>,
    out: &mut Vec<Command>,
    src: &crate::model::types::Source,
) {
    let loc = app.settings.locale();
    let lang = loc.lang.tag();
    // The source as the audience sees it: title, publisher and date; its
    // id and file are under "About this source", for the dataset's authors.
    Txt::new(cite::short_title(src, lang)).strong().label(ui);
    i18n::row(ui, loc, |ui| {
        // Publisher and date as printed (or glossed), each its own label.
        for part in cite::publication(src, lang) {
            Txt::new(part).line(ui);
        }
        let size = app.settings.reader.text_size;
        for (text, label, delta) in [
            (
                tr(loc, "reader-smaller-icon"),
                tr(loc, "reader-smaller"),
                -1.0,
            ),
            (tr(loc, "reader-larger-icon"), tr(loc, "reader-larger"), 1.0),
        ] {
            if i18n::labelled_button(ui, &text, &label, true).clicked() {
                out.push(Command::Pref(Pref::ReaderTextSize(
                    (size + delta).clamp(TEXT_SIZE_RANGE.0, TEXT_SIZE_RANGE.1),
                )));
            }
        }
        let (text, label) = if app.settings.reader.popped_out {
            (tr(loc, "reader-dock"), tr(loc, "reader-dock-hover"))
        } else {
            (tr(loc, "reader-pop-out"), tr(loc, "reader-pop-out-hover"))
        };
        if i18n::labelled_button(ui, &text, &label, true).clicked() {
            out.push(Command::ToggleReaderPopOut);
        }
        if i18n::labelled_button(ui, "✖", &tr(loc, "reader-close"), true).clicked() {
            out.push(Command::CloseReader);
        }
    });
    i18n::collapsing(
        ui,
        Txt::new(tr(loc, "reader-about")),
        "reader-about",
        false,
        |ui| {
            crate::ui::step_card::source_id_lines(ui, loc, src);
            for (what, p) in [
                (tr(loc, "field-headline"), &src.headline),
                (tr(loc, "field-publisher"), &src.publisher),
                (tr(loc, "field-dateline"), &src.dateline),
                (tr(loc, "field-page-date"), &src.page_date),
            ] {
                if let Some(p) = p {
                    let mut title = tr_args(loc, "reader-as-printed", &[("field", what.into())]);
                    // What it says, for a reader of another language.
                    if let Some(gloss) = src.gloss(&p.gloss, lang) {
                        title = format!("{title} ({gloss})");
                    }
                    Txt::new(title).small().label(ui);
                    bidi_label(
                        ui,
                        &p.text,
                        FontId::proportional(14.0),
                        ui.visuals().text_color(),
                    );
                }
            }
            for a in &src.agencies {
                let mut title = tr(loc, "reader-agency");
                if let Some(gloss) = src.gloss(&a.gloss, lang) {
                    title = format!("{title}: {gloss}");
                }
                Txt::new(title).small().label(ui);
                bidi_label(
                    ui,
                    &a.text,
                    FontId::proportional(14.0),
                    ui.visuals().text_color(),
                );
            }
            if !src.stated_dates.is_empty() {
                Txt::new(tr(loc, "reader-stated-dates"))
                    .small()
                    .strong()
                    .label(ui);
                for d in &src.stated_dates {
                    let line = match src.gloss(&d.gloss, lang) {
                        Some(gloss) => format!("{} — {gloss}", date_spec(d.date, loc)),
                        None => date_spec(d.date, loc),
                    };
                    Txt::new(line).small().label(ui);
                }
            }
            if let Some(n) = &src.note {
                Txt::new(n.get(lang)).weak().small().label(ui);
            }
        },
    );
    // Which steps cite it: links to them.
    let mut steps: Vec<usize> = app
        .ds
        .citations
        .iter()
        .filter(|c| c.source == src.id)
        .flat_map(|c| {
            app.reader_index
                .citing
                .get(&c.id)
                .cloned()
                .unwrap_or_default()
        })
        .collect();
    steps.sort_unstable();
    steps.dedup();
    i18n::row(ui, loc, |ui| {
        Txt::new(tr(loc, "reader-cited-by")).line(ui);
        for i in steps {
            let title = app
                .ds
                .steps
                .get(i)
                .map_or(String::new(), |s| s.title.get(loc.lang.tag()).to_owned());
            let r = i18n::selectable(ui, app.time.step() == Some(i), &format::count(i + 1, loc));
            if i18n::hover(r, &title).clicked() {
                out.push(Command::Time(TimeCommand::GoToStep(i)));
            }
        }
    });
}
