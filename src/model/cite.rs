//! Citations as references a reader can paste: the exact quote, where it is,
//! and who published it, as far as the source says.

use super::types::Dataset;
use crate::i18n::format::{date_spec, localize_digits};
use crate::i18n::{Locale, tr, tr_args};

/// A formatted reference for citation `id` in `locale`'s language: the
/// exact quote, the source's label, id and file, the line and character
/// offsets, the publisher and dateline as printed, the speaker, the gloss
/// (for a reader of another language than the source's), and the steps
/// citing it. `None` for an unknown id.
#[must_use]
pub fn reference(ds: &Dataset, id: &str, locale: Locale) -> Option<String> {
    let lang = locale.lang.tag();
    let c = ds.citation(id)?;
    let s = ds.source(&c.source)?;
    let end = c.offset + c.quote.chars().count();
    let num = |n: usize| localize_digits(&n.to_string(), locale);
    let mut lines = vec![
        tr_args(locale, "cite-quote", &[("quote", c.quote.as_str().into())]),
        tr_args(
            locale,
            "cite-source",
            &[
                ("label", s.label.get(lang).into()),
                ("id", s.id.as_str().into()),
                ("file", s.original_file_name.as_str().into()),
                ("line", num(c.line).into()),
                ("from", num(c.offset).into()),
                ("to", num(end).into()),
            ],
        ),
    ];
    // One indented line per field; `app` is there for `cite-steps`.
    let mut line = |key: &str, text: &str| {
        let args = [
            ("text", text.into()),
            ("app", env!("CARGO_PKG_NAME").into()),
        ];
        lines.push(format!("  {}", tr_args(locale, key, &args)));
    };
    if let Some(p) = &s.publisher {
        match s.gloss(&p.gloss, lang) {
            Some(g) => line("cite-publisher", &format!("{} ({g})", p.text)),
            None => line("cite-publisher", &p.text),
        }
    }
    if let Some(d) = &s.dateline {
        line("cite-dateline", &d.text);
    }
    if let Some(d) = &s.page_date {
        line("cite-page-date", &d.text);
    }
    if let Some(sp) = &c.speaker {
        line("cite-speaker", sp.get(lang));
    }
    if let Some(g) = s.gloss(&c.gloss, lang) {
        line("cite-gloss", g);
    }
    let steps: Vec<String> = ds
        .steps
        .iter()
        .enumerate()
        .filter(|(_, st)| ds.step_citation_ids(st).contains(&id))
        .map(|(i, st)| {
            tr_args(
                locale,
                "cite-step",
                &[
                    ("n", (i + 1).into()),
                    ("date", date_spec(st.date, locale).into()),
                    ("title", st.title.get(lang).into()),
                ],
            )
        })
        .collect();
    if !steps.is_empty() {
        line(
            "cite-steps",
            &steps.join(&tr(locale, "list-group-separator")),
        );
    }
    Some(lines.join("\n"))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::load_bundled;

    #[test]
    fn a_reference_holds_the_exact_quote_and_where_it_is() {
        let ds = load_bundled().unwrap();
        let r = reference(&ds, "lachin-handed-over", Locale::EN).unwrap();
        let c = ds.citation("lachin-handed-over").unwrap();
        assert!(r.starts_with(&format!("“{}”", c.quote)));
        assert!(r.contains("[lachin-handover; file 002_3be7c62d43463b36.txt, line 23"));
        assert!(r.contains("Publisher as printed: الجزيرة + وكالات"));
        assert!(r.contains("step 9 (1 Dec 2020, Lachin handed over"));
        assert!(reference(&ds, "no-such", Locale::EN).is_none());
    }

    #[test]
    fn in_arabic_a_reference_has_arabic_words_and_no_english_gloss() {
        let ds = load_bundled().unwrap();
        let r = reference(&ds, "lachin-handed-over", Locale::AR).unwrap();
        let c = ds.citation("lachin-handed-over").unwrap();
        assert!(r.starts_with(&format!("«{}»", c.quote)), "{r}");
        assert!(r.contains("الناشر كما طُبع: الجزيرة + وكالات\n"), "{r}");
        assert!(r.contains("الخطوة 9 ("), "{r}");
        let title = ds.steps[8].title.exact("ar").unwrap();
        assert!(r.contains(title), "{r}");
        // Latin letters only in the source id, the file name and the program.
        let allowed = [
            "lachin-handover",
            "002_3be7c62d43463b36.txt",
            "karabakh-atlas",
        ];
        for word in r.split(|ch: char| ch.is_whitespace() || "[]()؛،:".contains(ch)) {
            if word.chars().any(|ch| ch.is_ascii_alphabetic()) {
                assert!(allowed.contains(&word), "English word {word:?} in:\n{r}");
            }
        }
    }
}
