//! A step's cited passages, each with its source's details and the
//! buttons to open or copy it.

use crate::i18n::format::{self};
use crate::i18n::{Locale, tr, tr_args};
use crate::model::Dataset;
use crate::model::cite;
use crate::model::types::Step;
use crate::ui::app::{Command, Shared};
use crate::ui::i18n::{self, Txt};
use crate::ui::text::bidi_label;
use egui::{FontId, Ui};

#[allow(clippy::too_many_lines)] // one card section, read top to bottom
pub(super) fn citations(ui: &mut Ui, app: &Shared<'_>, out: &mut Vec<Command>, s: &Step) {
    let loc = app.settings.locale();
    let lang = loc.lang.tag();
    let ids: Vec<String> = app
        .ds
        .step_citation_ids(s)
        .into_iter()
        .map(str::to_owned)
        .collect();
    let names = passage_names(app.ds, &ids, loc);
    let mut commands = Vec::new();
    ui.add_space(6.0);
    Txt::new(tr_args(
        loc,
        "card-sources-title",
        &[("count", ids.len().into())],
    ))
    .strong()
    .label(ui);
    for (id, name) in ids.iter().zip(&names) {
        let Some(c) = app.ds.citation(id) else {
            continue;
        };
        let Some(src) = app.ds.source(&c.source) else {
            continue;
        };
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            i18n::column(ui, loc, |ui| {
                // Named as the audience sees it: title, publisher and date,
                // and where the passage is; the ids are under the details.
                Txt::new(cite::quoted_title(src, lang))
                    .small()
                    .strong()
                    .label(ui);
                // Publisher and date each on its own, as printed (or
                // glossed for a reader of another language).
                for part in cite::publication(src, lang) {
                    Txt::new(part).small().label(ui);
                }
                Txt::new(cite::passage_where(src, c, loc)).small().label(ui);
                i18n::row_nowrap(ui, loc, |ui| {
                    let label = tr_args(loc, "card-open-in-reader", &[("passage", name.into())]);
                    let b = i18n::labelled_button(
                        ui,
                        &format!("📖 {}", tr(loc, "card-open-reader-button")),
                        &label,
                        true,
                    );
                    if b.clicked() {
                        commands.push(Command::OpenCitation(id.clone()));
                    }
                    let label = tr_args(loc, "card-copy-label", &[("passage", name.into())]);
                    let b = i18n::labelled_button(
                        ui,
                        &format!("📋 {}", tr(loc, "card-copy-button")),
                        &label,
                        true,
                    );
                    if b.clicked() {
                        commands.push(Command::CopyCitation(id.clone()));
                    }
                });
                if let Some(sp) = &c.speaker {
                    Txt::new(tr_args(
                        loc,
                        "card-speaker",
                        &[("name", sp.get(lang).into())],
                    ))
                    .small()
                    .label(ui);
                }
                bidi_label(
                    ui,
                    &c.quote,
                    FontId::proportional(15.0),
                    ui.visuals().strong_text_color(),
                );
                // The gloss translates the quote: only for a reader of
                // another language than the source's.
                if let Some(gloss) = src.gloss(&c.gloss, lang) {
                    Txt::new(gloss).italics().label(ui);
                }
                let details = Txt::new(tr(loc, "card-source-details")).small();
                i18n::collapsing(ui, details, ("cite", &c.id), false, |ui| {
                    source_details(ui, loc, src, c);
                });
            });
        });
    }
    for c in commands {
        out.push(c);
    }
}

/// How the audience hears each passage of `ids` named (accessible labels):
/// its source's title and paragraph ([`cite::passage_label`]), with a
/// number after it where two passages of the list share a paragraph, so
/// each label names one passage.
pub(crate) fn passage_names(ds: &Dataset, ids: &[String], loc: Locale) -> Vec<String> {
    let plain: Vec<String> = ids
        .iter()
        .map(|id| {
            ds.citation(id)
                .and_then(|c| Some(cite::passage_label(ds.source(&c.source)?, c, loc)))
                .unwrap_or_default()
        })
        .collect();
    plain
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let shared = plain.iter().filter(|n| *n == name).count() > 1;
            if shared {
                let n = plain[..=i].iter().filter(|n| *n == name).count();
                format!("{name} ({})", format::count(n, loc))
            } else {
                name.clone()
            }
        })
        .collect()
}

/// A source's and citation's particulars: ids, file, position, and the
/// source's own publisher, dateline, page date and headline as printed.
pub(super) fn source_details(
    ui: &mut Ui,
    loc: Locale,
    src: &crate::model::types::Source,
    c: &crate::model::types::Citation,
) {
    source_id_lines(ui, loc, src);
    Txt::new(tr_args(
        loc,
        "card-passage-at",
        &[
            ("line", format::count(c.line, loc).into()),
            ("offset", format::count(c.offset, loc).into()),
        ],
    ))
    .label(ui);
    for (what, p) in [
        (tr(loc, "field-publisher"), &src.publisher),
        (tr(loc, "field-dateline"), &src.dateline),
        (tr(loc, "field-page-date"), &src.page_date),
        (tr(loc, "field-headline"), &src.headline),
    ] {
        if let Some(p) = p {
            i18n::row(ui, loc, |ui| {
                Txt::new(format!("{what}:")).line(ui);
                bidi_label(
                    ui,
                    &p.text,
                    FontId::proportional(13.0),
                    ui.visuals().text_color(),
                );
            });
        }
    }
    if let Some(n) = &src.note {
        Txt::new(n.get(loc.lang.tag())).weak().small().label(ui);
    }
    Txt::new(tr_args(
        loc,
        "card-citation-id",
        &[("id", c.id.as_str().into())],
    ))
    .weak()
    .small()
    .label(ui);
}

/// A source's id and file names, for dataset authors: in the card's source
/// details and the reader's "About this source".
pub(crate) fn source_id_lines(ui: &mut Ui, loc: Locale, src: &crate::model::types::Source) {
    Txt::new(tr_args(
        loc,
        "card-source-id",
        &[("id", src.id.as_str().into())],
    ))
    .label(ui);
    Txt::new(tr_args(
        loc,
        "card-file",
        &[
            ("file", src.file.as_str().into()),
            ("original", src.original_file_name.as_str().into()),
        ],
    ))
    .label(ui);
}
