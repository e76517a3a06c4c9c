//! What goes in a figure besides the map: the header lines (the dataset's
//! title, the date, the step, and their other-language twins) and the source
//! reference of the footer.

use super::{DATE_SIZE, STEP_SIZE, TITLE_SIZE};
use crate::i18n::format::{self, date_long};
use crate::i18n::{Lang, Locale, tr, tr_args};
use crate::model::Dataset;
use crate::model::Date;
use crate::model::cite;
use crate::model::types::Source;

/// Which sources back step `index`, as the audience reads them: "Sources
/// for step 7 of 14: “short title” (paragraphs 3, 5); …", each source by
/// its short title in the figure's language and each passage by its
/// paragraph, in the order the step uses them; no ids, no file names.
#[must_use]
pub fn source_reference(ds: &Dataset, index: usize) -> String {
    source_reference_in(ds, index, Locale::EN)
}

/// [`source_reference`] in `locale`'s language.
#[must_use]
pub fn source_reference_in(ds: &Dataset, index: usize, locale: Locale) -> String {
    let Some(step) = ds.steps.get(index) else {
        return String::new();
    };
    let mut groups: Vec<(&Source, Vec<usize>)> = Vec::new();
    for id in ds.step_citation_ids(step) {
        let Some(c) = ds.citation(id) else { continue };
        let Some(s) = ds.source(&c.source) else {
            continue;
        };
        let p = cite::paragraph(s, c);
        match groups.iter_mut().find(|(g, _)| g.id == s.id) {
            Some((_, ps)) if ps.contains(&p) => {}
            Some((_, ps)) => ps.push(p),
            None => groups.push((s, vec![p])),
        }
    }
    let comma = tr(locale, "list-separator");
    let parts: Vec<String> = groups
        .iter()
        .map(|(s, ps)| {
            let list: Vec<String> = ps.iter().map(|&p| format::count(p, locale)).collect();
            let at = tr_args(
                locale,
                "fig-paragraphs",
                &[
                    ("count", ps.len().into()),
                    ("list", list.join(&comma).into()),
                ],
            );
            tr_args(
                locale,
                "fig-source-item",
                &[
                    ("title", cite::quoted_title(s, locale.lang.tag()).into()),
                    ("where", at.into()),
                ],
            )
        })
        .collect();
    let counts = [("n", (index + 1).into()), ("total", ds.steps.len().into())];
    if parts.is_empty() {
        return tr_args(locale, "fig-no-sources", &counts);
    }
    let [n, total] = counts;
    tr_args(
        locale,
        "fig-sources",
        &[
            n,
            total,
            (
                "list",
                parts.join(&tr(locale, "list-group-separator")).into(),
            ),
        ],
    )
}

/// One header line: the figure's language at the side its text starts, and
/// optionally the Arabic text at the other side (an English figure with
/// Arabic names).
pub(super) struct HeaderLine {
    pub(super) left: String,
    pub(super) right: Option<String>,
    pub(super) size: f32,
    pub(super) bold: bool,
}

/// The figure's footer at `date` presenting step `index`: the step's
/// source reference, then how the sources support the control the map
/// shows where it is not reported of a whole place ("How the sources
/// support it: Nagorno-Karabakh: according to Azerbaijan.").
pub(super) fn footer_text(
    ds: &Dataset,
    date: Date,
    index: Option<usize>,
    locale: Locale,
) -> String {
    let sources = index
        .map(|i| source_reference_in(ds, i, locale))
        .unwrap_or_default();
    let states = crate::model::state::state_at(ds, date);
    let evidence = crate::scene::evidence::states_evidence(ds, &states, locale)
        .map(|list| tr_args(locale, "fig-evidence", &[("list", list.into())]));
    [Some(sources), evidence]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The header of the figure at `date` presenting `step`: the dataset's
/// title, the date, and the step ("Step 7 of 14: …", or the latest step
/// before the date) in `locale`'s language, with the title, date and step
/// title in the `second` language at the other side (a figure whose place
/// names are in the other interface language). Also returns the step line.
pub(super) fn header_text(
    ds: &Dataset,
    date: Date,
    step: Option<usize>,
    second: Option<Lang>,
    locale: Locale,
) -> (Vec<HeaderLine>, String) {
    let lang = locale.lang.tag();
    let total = ds.steps.len();
    let step_line = step.and_then(|i| ds.steps.get(i).map(|s| (i, s)));
    let step_text = match step_line {
        Some((i, s)) if ds.step_date(i) == Some(date) => {
            let args = [
                ("n", (i + 1).into()),
                ("total", total.into()),
                ("title", s.title.get(lang).into()),
                (
                    "date",
                    crate::i18n::format::date_spec(s.date, locale).into(),
                ),
            ];
            if s.date.is_uncertain() || s.date.precision() == "before" {
                tr_args(locale, "fig-step-dated", &args)
            } else {
                tr_args(locale, "fig-step", &args)
            }
        }
        Some((i, s)) => tr_args(
            locale,
            "fig-latest-step",
            &[
                ("n", (i + 1).into()),
                ("total", total.into()),
                ("title", s.title.get(lang).into()),
                (
                    "date",
                    crate::i18n::format::date_spec(s.date, locale).into(),
                ),
            ],
        ),
        None => tr(locale, "fig-before-first"),
    };
    let header = vec![
        HeaderLine {
            left: ds.title.get(lang).to_owned(),
            right: second.and_then(|l| ds.title.exact(l.tag()).map(str::to_owned)),
            size: TITLE_SIZE,
            bold: true,
        },
        HeaderLine {
            left: date_long(date, locale),
            right: second.map(|l| date_long(date, Locale { lang: l, ..locale })),
            size: DATE_SIZE,
            bold: true,
        },
        HeaderLine {
            left: step_text.clone(),
            right: second.and_then(|l| {
                step_line.and_then(|(_, s)| s.title.exact(l.tag()).map(str::to_owned))
            }),
            size: STEP_SIZE,
            bold: false,
        },
    ];
    (header, step_text)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::load_bundled;

    #[test]
    fn the_source_reference_names_sources_by_title_and_paragraph() {
        let ds = load_bundled().unwrap();
        let r = source_reference(&ds, 6);
        assert!(r.starts_with("Sources for step 7 of 14: “"), "{r}");
        let c = ds.citation("aghdam-handed-over").unwrap();
        let s = ds.source(&c.source).unwrap();
        assert!(r.contains(s.label.en()), "{r}");
        assert!(
            !r.contains("aghdam-handed-over") && !r.contains(&s.id),
            "{r}"
        );
        assert!(!r.contains(".txt"), "{r}");
    }
}
