//! Citations as references a reader can paste: the exact quote, where it is,
//! and who published it, as far as the source says; and how the audience
//! sees a source and a passage named: by the source's title, publisher and
//! date as the dataset records them, and the paragraph, never by an id or a
//! file name ([`short_title`], [`paragraph`], [`passage_label`],
//! [`credit`]).

use super::types::{Citation, Dataset, Source};
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

/// A source's short title for a reader of `lang`: its label in that
/// language; where the dataset has none, the headline as printed when the
/// source is written in that language, else the English label (every
/// source has one). Never the source's id.
#[must_use]
pub fn short_title(s: &Source, lang: &str) -> String {
    if let Some(label) = s.label.exact(lang).filter(|l| !l.trim().is_empty()) {
        return label.to_owned();
    }
    match &s.headline {
        Some(h) if s.is_in(lang) => h.text.clone(),
        _ => s.label.en().to_owned(),
    }
}

/// A source's short title between the quotation marks of `lang` (« » for
/// Arabic and Persian, “ ” otherwise): how the dataset's prose shows a
/// `{source:ID}` reference.
#[must_use]
pub fn quoted_title(s: &Source, lang: &str) -> String {
    let t = short_title(s, lang);
    match lang.split(['-', '_']).next().unwrap_or(lang) {
        "ar" | "fa" | "ur" => format!("«{t}»"),
        _ => format!("“{t}”"),
    }
}

/// The paragraph of `text` holding the line `line` (1-based), counted from
/// 1 over the non-blank lines, as the reader lays the text out (one
/// paragraph per non-blank line).
#[must_use]
pub fn paragraph_at_line(text: &str, line: usize) -> usize {
    text.split('\n')
        .take(line.max(1))
        .filter(|l| !l.trim().is_empty())
        .count()
        .max(1)
}

/// The paragraph of its source a citation is in (see [`paragraph_at_line`]).
#[must_use]
pub fn paragraph(s: &Source, c: &Citation) -> usize {
    paragraph_at_line(&s.text, c.line)
}

/// A passage as the audience sees it named, in `locale`'s language: the
/// source's short title and the paragraph ("“Title”, paragraph 4").
#[must_use]
pub fn passage_label(s: &Source, c: &Citation, locale: Locale) -> String {
    tr_args(
        locale,
        "cite-passage-label",
        &[
            ("title", quoted_title(s, locale.lang.tag()).into()),
            ("paragraph", paragraph(s, c).into()),
        ],
    )
}

/// The passage's place in its source alone ("paragraph 4"), in `locale`'s
/// language.
#[must_use]
pub fn passage_where(s: &Source, c: &Citation, locale: Locale) -> String {
    tr_args(
        locale,
        "cite-paragraph",
        &[("paragraph", paragraph(s, c).into())],
    )
}

/// Who published a source and when, as the dataset records them, for a
/// reader of `lang`: the publisher, then the page date or else the
/// dateline, each as its gloss for a reader of another language than the
/// source's, else as printed (empty when the source records neither).
#[must_use]
pub fn publication(s: &Source, lang: &str) -> Vec<String> {
    let shown = |p: &super::types::Passage| {
        s.gloss(&p.gloss, lang)
            .map_or_else(|| p.text.clone(), str::to_owned)
    };
    [
        s.publisher.as_ref(),
        s.page_date.as_ref().or(s.dateline.as_ref()),
    ]
    .into_iter()
    .flatten()
    .map(shown)
    .collect()
}

/// [`publication`] on one line; `None` when the source records neither.
#[must_use]
pub fn publisher_and_date(s: &Source, lang: &str) -> Option<String> {
    let parts = publication(s, lang);
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// A source as the audience sees it credited, in `locale`'s language: its
/// quoted short title, then its publisher and date where the dataset
/// records them.
#[must_use]
pub fn credit(s: &Source, locale: Locale) -> String {
    let lang = locale.lang.tag();
    let title = quoted_title(s, lang);
    match publisher_and_date(s, lang) {
        Some(by) => tr_args(
            locale,
            "cite-credit",
            &[("title", title.into()), ("by", by.into())],
        ),
        None => title,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::load_bundled;

    #[test]
    fn paragraphs_count_non_blank_lines() {
        let text = "Headline\n\nFirst.\n\n\nSecond.\nThird.\n";
        assert_eq!(paragraph_at_line(text, 1), 1);
        assert_eq!(paragraph_at_line(text, 3), 2);
        assert_eq!(paragraph_at_line(text, 6), 3);
        assert_eq!(paragraph_at_line(text, 7), 4);
    }

    #[test]
    fn a_passage_is_named_by_title_and_paragraph_never_by_id() {
        let ds = load_bundled().unwrap();
        let c = ds.citation("lachin-handed-over").unwrap();
        let s = ds.source(&c.source).unwrap();
        // Counted by hand: line 23 of the article is its 12th non-blank line.
        let en = passage_label(s, c, Locale::EN);
        assert!(en.contains(s.label.en()), "{en}");
        assert!(en.contains("paragraph 12"), "{en}");
        let ar = passage_label(s, c, Locale::AR);
        assert!(ar.contains(s.label.exact("ar").unwrap()), "{ar}");
        for t in [en, ar, credit(s, Locale::EN), credit(s, Locale::AR)] {
            assert!(!t.contains(&s.id) && !t.contains(&c.id), "{t}");
            assert!(!t.contains(".txt"), "{t}");
        }
    }

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
