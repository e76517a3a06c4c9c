//! What goes in a figure besides the map: the header lines (the dataset's
//! title, the date, the step, and their other-language twins) and the source
//! reference of the footer.

use super::{DATE_SIZE, STEP_SIZE, TITLE_SIZE};
use crate::i18n::format::date_long;
use crate::i18n::{Lang, Locale, tr, tr_args};
use crate::model::Dataset;
use crate::model::Date;

/// Which sources and citations back step `index`: "Sources for step 7 of
/// 14: “label” (source id, file NAME): citation, citation; …". Citations are
/// grouped by source in the order the step uses them.
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
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for id in ds.step_citation_ids(step) {
        let Some(c) = ds.citation(id) else { continue };
        match groups.iter_mut().find(|(s, _)| *s == c.source) {
            Some((_, ids)) => ids.push(id),
            None => groups.push((&c.source, vec![id])),
        }
    }
    let comma = tr(locale, "list-separator");
    let parts: Vec<String> = groups
        .iter()
        .map(|(src, ids)| match ds.source(src) {
            Some(s) => tr_args(
                locale,
                "fig-source-item",
                &[
                    ("label", s.label.get(locale.lang.tag()).into()),
                    ("id", s.id.as_str().into()),
                    ("file", s.original_file_name.as_str().into()),
                    ("citations", ids.join(&comma).into()),
                ],
            ),
            None => format!("{src}: {}", ids.join(&comma)),
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
    fn the_source_reference_names_sources_and_citations() {
        let ds = load_bundled().unwrap();
        let r = source_reference(&ds, 6);
        assert!(r.starts_with("Sources for step 7 of 14: “"), "{r}");
        assert!(r.contains("aghdam-handed-over"), "{r}");
    }
}
