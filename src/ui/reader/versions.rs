//! The claim-versions window: every version of a disputed claim side by
//! side, with who says it and the passages behind it.

use super::ReaderState;
use crate::i18n::format::{date_long, date_short};
use crate::i18n::{tr, tr_args};
use crate::model::cite;
use crate::model::types::{ClaimKind, ClaimVersion};
use crate::ui::app::{Command, Shared};
use crate::ui::i18n::{self, Txt};
use crate::ui::step_card::claim_versions;
use crate::ui::text::bidi_label;
use egui::FontId;

/// The comparison of a disputed claim's versions, each with its passages.
pub fn versions_window(
    ctx: &egui::Context,
    app: &Shared<'_>,
    reader: &mut ReaderState,
    out: &mut Vec<Command>,
) {
    let Some(id) = reader.claim_versions.clone() else {
        return;
    };
    let Some(claim) = app.ds.claim(&id).cloned() else {
        reader.claim_versions = None;
        return;
    };
    let loc = app.settings.locale();
    let lang = loc.lang.tag();
    let mut open = true;
    let mut commands = Vec::new();
    let title = tr_args(
        loc,
        "reader-compare-title",
        &[("subject", claim.subject.get(lang).into())],
    );
    i18n::bounded(ctx, egui::Window::new(i18n::window_title(ctx, &title)))
        .id(egui::Id::unique("compare-claim"))
        .open(&mut open)
        .default_width(520.0)
        .show(ctx, |ui| {
            i18n::column(ui, loc, |ui| {
                if claim.disputed {
                    Txt::new(tr(loc, "reader-disagree"))
                        .color(ui.visuals().warn_fg_color)
                        .label(ui);
                }
                let value_of = |v: &ClaimVersion| match (claim.kind, v.date) {
                    (ClaimKind::Date, Some(d)) => date_long(d, loc),
                    (_, Some(d)) => date_short(d, loc),
                    _ => v.value.get(lang).to_owned(),
                };
                claim_versions(ui, app.ds, loc, &claim, value_of, true, |ui, cid, c| {
                    // The passage by its source's title and paragraph.
                    let (passage, at) = app.ds.source(&c.source).map_or_else(
                        || (String::new(), String::new()),
                        |s| {
                            (
                                cite::passage_label(s, c, loc),
                                cite::passage_where(s, c, loc),
                            )
                        },
                    );
                    Txt::new(tr_args(
                        loc,
                        "reader-cite-at",
                        &[("passage", passage.into())],
                    ))
                    .small()
                    .label(ui);
                    bidi_label(
                        ui,
                        &c.quote,
                        FontId::proportional(15.0),
                        ui.visuals().text_color(),
                    );
                    let open_label = tr_args(loc, "reader-open-cite", &[("passage", at.into())]);
                    if i18n::small_button(ui, &open_label).clicked() {
                        commands.push(Command::OpenCitation(cid.to_owned()));
                    }
                });
            });
        });
    if !open {
        reader.claim_versions = None;
    }
    for c in commands {
        out.push(c);
    }
}
