//! The alternative text of a stop's map figure: what the map shows at its
//! date, in words, from the state of every tracked place at that date
//! ([`crate::model::state::state_at`]): who controls which places, which
//! places are changing hands in a window the sources do not narrow to a
//! day, and which handovers are agreed but not yet carried out.

use crate::i18n::format::{date_long, on};
use crate::i18n::{Locale, tr, tr_args};
use crate::model::state::state_at;
use crate::model::{Dataset, Date};

/// The names of the places with ids `ids` in the handout's language,
/// as a list.
fn place_list(ds: &Dataset, locale: Locale, ids: &[&str]) -> String {
    ids.iter()
        .filter_map(|id| ds.place(id))
        .map(|p| p.names.get(locale.lang.tag()))
        .collect::<Vec<_>>()
        .join(&tr(locale, "list-separator"))
}

/// The name of controller `id` in the handout's language.
fn controller_name(ds: &Dataset, locale: Locale, id: &str) -> String {
    ds.controller(id)
        .map(|c| c.names.get(locale.lang.tag()).to_owned())
        .unwrap_or_default()
}

/// What the map of `ds` at `date` shows, in `locale`'s language.
pub(super) fn figure_alt(ds: &Dataset, date: Date, locale: Locale) -> String {
    let states = state_at(ds, date);
    let mut parts = Vec::new();
    for c in &ds.controllers {
        let ids: Vec<&str> = states
            .iter()
            .filter(|s| s.controlled_by == c.id)
            .map(|s| s.id.as_str())
            .collect();
        if !ids.is_empty() {
            parts.push(tr_args(
                locale,
                "handout-alt-held",
                &[
                    ("who", controller_name(ds, locale, &c.id).into()),
                    ("places", place_list(ds, locale, &ids).into()),
                ],
            ));
        }
    }
    for s in &states {
        if let Some(t) = &s.transition {
            parts.push(tr_args(
                locale,
                "handout-alt-changing",
                &[
                    ("who", controller_name(ds, locale, &t.to).into()),
                    ("when", on(t.between, locale).into()),
                    ("places", place_list(ds, locale, &[s.id.as_str()]).into()),
                ],
            ));
        }
    }
    for s in &states {
        if let Some(p) = &s.pending {
            parts.push(tr_args(
                locale,
                "handout-alt-pending",
                &[
                    ("who", controller_name(ds, locale, &p.to).into()),
                    ("places", place_list(ds, locale, &[s.id.as_str()]).into()),
                ],
            ));
        }
    }
    if parts.is_empty() {
        parts.push(tr(locale, "handout-alt-none"));
    }
    tr_args(
        locale,
        "handout-alt",
        &[
            ("date", date_long(date, locale).into()),
            ("states", parts.join(" ").into()),
        ],
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::load_bundled;

    /// The alt text follows the state: a district appears under the
    /// controller the state gives it at the first step and at the last,
    /// and the two texts differ where control changed.
    #[test]
    fn the_alt_text_names_each_place_under_its_controller_at_the_date() {
        let ds = load_bundled().unwrap();
        for lang in [Lang::En, Lang::Ar] {
            let locale = Locale::of(lang);
            let first = ds.step_date(0).unwrap();
            let last = ds.step_date(ds.steps.len() - 1).unwrap();
            let mut texts = Vec::new();
            for date in [first, last] {
                let text = figure_alt(&ds, date, locale);
                assert!(text.contains(&date_long(date, locale)), "{text}");
                for s in state_at(&ds, date) {
                    let held = tr_args(
                        locale,
                        "handout-alt-held",
                        &[
                            ("who", controller_name(&ds, locale, &s.controlled_by).into()),
                            ("places", "".into()),
                        ],
                    );
                    let who = held.trim_end_matches('.').trim_end();
                    let name = ds.place(&s.id).unwrap().names.get(lang.tag());
                    let at = text.find(who).unwrap_or_else(|| panic!("{who} in {text}"));
                    let tail = &text[at..];
                    let end = tail.find('.').unwrap_or(tail.len());
                    assert!(tail[..end].contains(name), "{name} under {who}: {text}");
                }
                texts.push(text);
            }
            assert_ne!(texts[0], texts[1]);
        }
    }
}
