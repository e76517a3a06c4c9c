//! A step's claims: each version with who says it and the passages
//! behind it (shared with the reader's claim-versions window).

use crate::i18n::format::date_short;
use crate::i18n::{Locale, tr, tr_args};
use crate::model::Dataset;
use crate::model::types::{Citation, Claim, ClaimVersion, Step};
use crate::ui::app::Shared;
use crate::ui::i18n::{self, Txt};
use crate::ui::text::bidi_label;
use egui::{FontId, Ui};

pub(super) fn claims(ui: &mut Ui, app: &Shared<'_>, s: &Step) {
    let loc = app.settings.locale();
    let lang = loc.lang.tag();
    let claims: Vec<&Claim> = s.claims.iter().filter_map(|id| app.ds.claim(id)).collect();
    if claims.is_empty() {
        return;
    }
    ui.add_space(6.0);
    Txt::new(tr(loc, "card-claims")).strong().label(ui);
    for c in claims {
        let subject = c.subject.get(lang);
        let badge = if c.disputed {
            Txt::new(format!(
                "⚠ {}",
                tr_args(loc, "card-claim-disputed", &[("subject", subject.into())])
            ))
            .color(ui.visuals().warn_fg_color)
        } else {
            Txt::new(format!(
                "✔ {}",
                tr_args(loc, "card-claim-agreed", &[("subject", subject.into())])
            ))
        };
        // The claim in words wraps with the card; the header that opens its
        // versions stays short (a collapsing header does not wrap, and a
        // long one would widen the panel), and is read out in full.
        let full = badge.text().to_owned();
        badge.label(ui);
        let details = Txt::new(tr(loc, "card-claim-details")).small();
        i18n::collapsing_labelled(ui, details, &full, ("claim", &c.id), false, |ui| {
            let value_of = |v: &ClaimVersion| {
                v.date
                    .map_or_else(|| v.value.get(lang).to_owned(), |d| date_short(d, loc))
            };
            claim_versions(ui, app.ds, loc, c, value_of, false, |ui, _, cit| {
                let passage = app
                    .ds
                    .source(&cit.source)
                    .map(|s| crate::model::cite::passage_label(s, cit, loc))
                    .unwrap_or_default();
                Txt::new(tr_args(
                    loc,
                    "card-cite-line",
                    &[("passage", passage.into())],
                ))
                .weak()
                .small()
                .label(ui);
                bidi_label(
                    ui,
                    &cit.quote,
                    FontId::proportional(14.0),
                    ui.visuals().text_color(),
                );
            });
        });
    }
}

/// A claim's note, then each version (its value, as `value_of` writes it,
/// and who gives it; after a separator when `separated`) followed by its
/// cited passages, each drawn by `passage` (given the citation id and the
/// citation). The step card and the reader's claim-versions window share it.
pub(crate) fn claim_versions(
    ui: &mut Ui,
    ds: &Dataset,
    loc: Locale,
    claim: &Claim,
    value_of: impl Fn(&ClaimVersion) -> String,
    separated: bool,
    mut passage: impl FnMut(&mut Ui, &str, &Citation),
) {
    let lang = loc.lang.tag();
    if let Some(note) = &claim.note {
        Txt::new(note.get(lang)).weak().label(ui);
    }
    for v in &claim.versions {
        if separated {
            ui.separator();
        }
        Txt::new(tr_args(
            loc,
            "card-claim-version",
            &[
                ("value", value_of(v).into()),
                ("who", v.according_to.get(lang).into()),
            ],
        ))
        .strong()
        .label(ui);
        for id in &v.citations {
            if let Some(cit) = ds.citation(id) {
                passage(ui, id, cit);
            }
        }
    }
}
