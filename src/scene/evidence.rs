//! How the sources support what the map shows, in the legend and in words:
//! control a text *reports* in its own voice is drawn plainly, control a
//! party *claims* with dots, control *inferred* from the sources with
//! dashes, and control of *part* of a place with a paler fill crossed by
//! upright lines (see
//! [`super::display::state_fill`]).

use super::display::{LegendEntry, Pattern, Swatch};
use super::style::Style;
use crate::i18n::{Locale, tr, tr_args};
use crate::model::Dataset;
use crate::model::state::PlaceState;
use crate::model::types::{Basis, Evidence, Reach, Step};

/// Every change and pending handover's evidence in the dataset.
fn all_evidence(ds: &Dataset) -> impl Iterator<Item = &Evidence> {
    ds.steps.iter().flat_map(|s| {
        s.changes
            .iter()
            .map(|c| &c.evidence)
            .chain(s.pending.iter().map(|p| &p.evidence))
    })
}

/// The legend's entries for the kinds of evidence the dataset uses (none
/// for a dataset whose control is all reported, of whole places): dots for
/// claimed, dashes for inferred, the paler fill of each controller that
/// holds part of a place; with
/// `reported_only`, the unknown fill that replaces claimed and inferred
/// control instead of their patterns.
#[must_use]
pub fn legend_entries(
    ds: &Dataset,
    style: &Style,
    locale: Locale,
    reported_only: bool,
) -> Vec<LegendEntry> {
    let uses = |basis: Basis| all_evidence(ds).any(|e| e.basis == basis);
    let neutral = style.controller_fill(0);
    let ink = style.evidence_ink;
    let mut out = Vec::new();
    if reported_only {
        if uses(Basis::Claimed) || uses(Basis::Inferred) {
            out.push(LegendEntry {
                swatch: Swatch::Fill {
                    color: style.unknown_fill,
                    pattern: None,
                },
                label: tr(locale, "legend-not-reported"),
            });
        }
    } else {
        for (basis, pattern, key) in [
            (Basis::Claimed, Pattern::Dots, "legend-claimed"),
            (Basis::Inferred, Pattern::Dashes, "legend-inferred"),
        ] {
            if uses(basis) {
                out.push(LegendEntry {
                    swatch: Swatch::Fill {
                        color: neutral,
                        pattern: Some((pattern, ink)),
                    },
                    label: tr(locale, key),
                });
            }
        }
    }
    // One paler fill per controller that holds part of a place.
    for (i, c) in ds.controllers.iter().enumerate() {
        let holds_part = ds
            .steps
            .iter()
            .flat_map(|s| &s.changes)
            .any(|ch| ch.to == c.id && ch.evidence.reach == Reach::Part);
        if holds_part {
            out.push(LegendEntry {
                swatch: Swatch::Fill {
                    color: style.controller_part_fill(i),
                    pattern: Some((Pattern::Part, style.controller_ink(i))),
                },
                label: tr_args(
                    locale,
                    "legend-part",
                    &[("name", c.names.get(locale.lang.tag()).into())],
                ),
            });
        }
    }
    out
}

/// "according to Azerbaijan": the claiming party in `locale`'s language
/// (its id if the dataset does not name it).
fn claimed(ds: &Dataset, ev: &Evidence, locale: Locale) -> String {
    let id = ev.claimed_by.as_deref().unwrap_or_default();
    let party = ds.controller(id).map_or_else(
        || id.to_owned(),
        |c| c.names.get(locale.lang.tag()).to_owned(),
    );
    tr_args(locale, "evidence-claimed", &[("party", party.into())])
}

/// How the sources support `ev`, in words, one line each (none when a text
/// reports it, of the whole place, with no note): "according to
/// Azerbaijan", "inferred: …" with the reasoning, "part of Nagorno-Karabakh
/// only", and the note of a reported or claimed basis. `place` is the
/// place's name as shown.
#[must_use]
pub fn evidence_lines(ds: &Dataset, ev: &Evidence, place: &str, locale: Locale) -> Vec<String> {
    let lang = locale.lang.tag();
    let note = ev.basis_note.as_ref().map(|n| n.get(lang).to_owned());
    let mut out = Vec::new();
    match ev.basis {
        Basis::Reported => {}
        Basis::Claimed => out.push(claimed(ds, ev, locale)),
        Basis::Inferred => out.push(tr_args(
            locale,
            "evidence-inferred",
            &[("note", note.clone().unwrap_or_default().into())],
        )),
    }
    if ev.reach == Reach::Part {
        out.push(tr_args(locale, "evidence-part", &[("place", place.into())]));
    }
    if ev.basis != Basis::Inferred
        && let Some(n) = note
    {
        out.push(n);
    }
    out
}

/// [`evidence_lines`] without the notes, in one line, after the place's
/// name ("according to Azerbaijan; held in part only"; `None` for plain
/// reported control of a whole place): for captions and figures, where
/// the reasoning would not fit.
#[must_use]
pub fn evidence_brief(ds: &Dataset, ev: &Evidence, locale: Locale) -> Option<String> {
    let mut parts = Vec::new();
    match ev.basis {
        Basis::Reported => {}
        Basis::Claimed => parts.push(claimed(ds, ev, locale)),
        Basis::Inferred => parts.push(tr(locale, "evidence-inferred-brief")),
    }
    if ev.reach == Reach::Part {
        parts.push(tr(locale, "evidence-part-brief"));
    }
    (!parts.is_empty()).then(|| parts.join(tr(locale, "list-group-separator").as_str()))
}

/// How the sources support the changes and agreed handovers of `step`
/// that are not reported of a whole place, in one line, places with the
/// same words together: "Fuzuli, Jabrayil: inferred from the sources";
/// `None` when every one is plainly reported. For the presenter's caption.
#[must_use]
pub fn step_evidence(ds: &Dataset, step: &Step, locale: Locale) -> Option<String> {
    let all = step
        .changes
        .iter()
        .map(|c| (c.place.as_str(), &c.evidence))
        .chain(step.pending.iter().map(|p| (p.place.as_str(), &p.evidence)));
    grouped(ds, all, locale)
}

/// [`step_evidence`] for the control shown in `states` (the map at a
/// date): for the figures.
#[must_use]
pub fn states_evidence(ds: &Dataset, states: &[PlaceState], locale: Locale) -> Option<String> {
    grouped(
        ds,
        states.iter().map(|s| (s.id.as_str(), &s.evidence)),
        locale,
    )
}

/// "place, place: words; place: words" for the places whose evidence is
/// not plain, in the order given.
fn grouped<'a>(
    ds: &Dataset,
    all: impl Iterator<Item = (&'a str, &'a Evidence)>,
    locale: Locale,
) -> Option<String> {
    let lang = locale.lang.tag();
    let mut groups: Vec<(String, Vec<&str>)> = Vec::new();
    for (id, ev) in all {
        let name = ds.place(id).map_or(id, |p| p.names.get(lang));
        let Some(words) = evidence_brief(ds, ev, locale) else {
            continue;
        };
        match groups.iter_mut().find(|(w, _)| *w == words) {
            Some((_, names)) => names.push(name),
            None => groups.push((words, vec![name])),
        }
    }
    let items: Vec<String> = groups
        .into_iter()
        .map(|(words, names)| {
            tr_args(
                locale,
                "fig-evidence-item",
                &[
                    ("place", names.join(&tr(locale, "list-separator")).into()),
                    ("words", words.into()),
                ],
            )
        })
        .collect();
    (!items.is_empty()).then(|| items.join(&tr(locale, "list-group-separator")))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::load_bundled;
    use crate::model::state::state_at;
    use crate::scene::display::state_fill;
    use crate::scene::style::ThemeKind;

    fn state(ds: &Dataset, date: &str, id: &str) -> PlaceState {
        let d = crate::model::Date::parse(date).unwrap();
        state_at(ds, d).into_iter().find(|s| s.id == id).unwrap()
    }

    #[test]
    fn claimed_and_inferred_control_is_patterned_and_reported_only_greys_it() {
        let ds = load_bundled().unwrap();
        for theme in [ThemeKind::Light, ThemeKind::Dark] {
            let style = Style::new(theme);
            let at = |id: &str| ds.controllers.iter().position(|c| c.id == id).unwrap();
            let az = style.controller_fill(at("azerbaijan"));
            let nk = state(&ds, "2023-10-01", "nagorno-karabakh");
            assert_eq!(
                state_fill(&ds, &style, &nk, false),
                (az, vec![(Pattern::Dots, style.evidence_ink)])
            );
            assert_eq!(
                state_fill(&ds, &style, &nk, true),
                (style.unknown_fill, vec![])
            );
            let fuzuli = state(&ds, "2023-10-01", "fuzuli");
            assert_eq!(
                state_fill(&ds, &style, &fuzuli, false),
                (az, vec![(Pattern::Dashes, style.evidence_ink)])
            );
            // Reported control stays as it is.
            let lachin = state(&ds, "2023-10-01", "lachin");
            assert_eq!(state_fill(&ds, &style, &lachin, true), (az, vec![]));
            // The region before 2023: held in part, paler, reported.
            let before = state(&ds, "2021-01-01", "nagorno-karabakh");
            let arm = at("armenian_forces");
            let part = style.controller_part_fill(arm);
            assert_eq!(
                state_fill(&ds, &style, &before, true),
                (part, vec![(Pattern::Part, style.controller_ink(arm))])
            );
            assert_ne!(part, style.controller_fill(arm));
        }
    }

    #[test]
    fn the_legend_explains_the_kinds_the_dataset_uses() {
        let ds = load_bundled().unwrap();
        let style = Style::new(ThemeKind::Light);
        let labels = |reported_only| -> Vec<String> {
            legend_entries(&ds, &style, Locale::EN, reported_only)
                .into_iter()
                .map(|e| e.label)
                .collect()
        };
        assert_eq!(
            labels(false),
            [
                "Claimed by a party, not reported in a text's own voice (dots)",
                "Inferred from what the sources say, not stated (dashes)",
                "Part of a place held by Armenian forces (paler, upright lines)",
            ]
        );
        assert_eq!(
            labels(true),
            [
                "Claimed or inferred control, shown as unknown (reported control only)",
                "Part of a place held by Armenian forces (paler, upright lines)",
            ]
        );
        // A dataset whose control is all reported, of whole places, adds
        // nothing to the legend.
        let mut plain = ds.clone();
        for s in &mut plain.steps {
            for c in &mut s.changes {
                c.evidence = Evidence::default();
            }
        }
        assert!(legend_entries(&plain, &style, Locale::EN, false).is_empty());
        assert!(legend_entries(&plain, &style, Locale::EN, true).is_empty());
    }

    #[test]
    fn the_words_name_the_claimant_the_reasoning_and_the_part() {
        let ds = load_bundled().unwrap();
        let ar = Locale {
            lang: Lang::Ar,
            ..Locale::EN
        };
        let nk = state(&ds, "2023-10-01", "nagorno-karabakh");
        let lines = evidence_lines(&ds, &nk.evidence, "Nagorno-Karabakh", Locale::EN);
        assert_eq!(lines[0], "according to Azerbaijan");
        assert!(
            lines[1].contains("claims it controls completely"),
            "{lines:?}"
        );
        assert_eq!(
            evidence_lines(&ds, &nk.evidence, "ناغورنو قره باغ", ar)[0],
            "بحسب أذربيجان"
        );
        let fuzuli = state(&ds, "2021-01-01", "fuzuli");
        let lines = evidence_lines(&ds, &fuzuli.evidence, "Fuzuli", Locale::EN);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].starts_with("inferred: The text says"), "{lines:?}");
        let region = state(&ds, "2021-01-01", "nagorno-karabakh");
        let lines = evidence_lines(&ds, &region.evidence, "Nagorno-Karabakh", Locale::EN);
        assert_eq!(lines[0], "part of Nagorno-Karabakh only");
        assert!(lines[1].contains("a large part of the region"), "{lines:?}");
        assert_eq!(
            evidence_brief(&ds, &region.evidence, Locale::EN).as_deref(),
            Some("held in part only")
        );
        // Reported control of a whole place needs no words.
        let lachin = state(&ds, "2021-01-01", "lachin");
        assert!(evidence_lines(&ds, &lachin.evidence, "Lachin", Locale::EN).is_empty());
        assert!(evidence_brief(&ds, &lachin.evidence, Locale::EN).is_none());
    }
}
