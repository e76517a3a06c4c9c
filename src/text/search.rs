//! Arabic-aware find: the forms a reader types interchangeably are folded
//! before matching, and matches are reported as byte ranges of the original
//! text, so they can be highlighted exactly.
//!
//! Folded: the hamza forms of alef (أ إ آ ٱ → ا), alef maqsura and ya
//! (ى → ي), ta marbuta and ha (ة → ه); tatweel (ـ) and the Arabic
//! diacritics (harakat, shadda, sukun, superscript alef, Quranic marks) are
//! ignored; Latin letters match regardless of case. These folds are
//! written out here: they are the reader's habits of spelling (which forms
//! are typed for each other, which marks are left out), not a Unicode
//! property a crate could own.

use std::ops::Range;

/// Whether `c` is ignored when matching (tatweel and Arabic diacritics).
#[must_use]
pub fn is_ignored(c: char) -> bool {
    matches!(c, '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

/// The folded form of one character (several for some Latin case folds).
fn fold(c: char) -> impl Iterator<Item = char> {
    let folded = match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        other => other,
    };
    folded.to_lowercase()
}

/// `text` folded for matching, with the byte offset in `text` of each folded
/// character (and one more entry: the end of `text`).
#[must_use]
pub fn normalize(text: &str) -> (Vec<char>, Vec<usize>) {
    let mut chars = Vec::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        if is_ignored(c) {
            continue;
        }
        for f in fold(c) {
            chars.push(f);
            offsets.push(i);
        }
    }
    offsets.push(text.len());
    (chars, offsets)
}

/// Every match of `query` in `text`, as byte ranges of `text`, in order and
/// not overlapping. An empty (or all-ignored) query matches nothing.
#[must_use]
pub fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    let (needle, _) = normalize(query.trim());
    if needle.is_empty() {
        return Vec::new();
    }
    let (hay, offsets) = normalize(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i..i + needle.len()] == needle[..] {
            let start = offsets[i];
            // End after the last matched character and any ignored marks on it.
            let last = offsets[i + needle.len() - 1];
            let end = end_of_char_and_marks(text, last);
            out.push(start..end);
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

fn end_of_char_and_marks(text: &str, at: usize) -> usize {
    let mut chars = text[at..].char_indices();
    let mut end = at;
    if let Some((_, c)) = chars.next() {
        end = at + c.len_utf8();
    }
    for (j, c) in chars {
        if !is_ignored(c) {
            break;
        }
        end = at + j + c.len_utf8();
    }
    end
}

/// A match with the text around it, for a results list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Byte range of the match.
    pub range: Range<usize>,
    /// Up to `context` characters before the match.
    pub before: String,
    /// The matched text as it is in the source.
    pub matched: String,
    /// Up to `context` characters after the match.
    pub after: String,
}

/// Every match of `query` in `text` with `context` characters either side.
#[must_use]
pub fn hits(text: &str, query: &str, context: usize) -> Vec<Hit> {
    find_all(text, query)
        .into_iter()
        .map(|r| {
            let before: String = {
                let v: Vec<char> = text[..r.start].chars().rev().take(context).collect();
                v.into_iter().rev().collect()
            };
            let after: String = text[r.end..].chars().take(context).collect();
            Hit {
                matched: text[r.clone()].to_owned(),
                range: r,
                before: before.replace('\n', " "),
                after: after.replace('\n', " "),
            }
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn hamza_forms_of_alef_match_each_other() {
        let text = "سلمت آغدام ثم أغدام واغدام";
        for q in ["أغدام", "آغدام", "اغدام", "إغدام"] {
            let found: Vec<&str> = find_all(text, q).into_iter().map(|r| &text[r]).collect();
            assert_eq!(found, ["آغدام", "أغدام", "اغدام"], "{q}");
        }
    }

    #[test]
    fn ya_ta_marbuta_tatweel_and_diacritics_are_folded() {
        assert_eq!(find_all("على", "علي").len(), 1);
        assert_eq!(find_all("علي", "على").len(), 1);
        assert_eq!(find_all("المدينة", "المدينه").len(), 1);
        assert_eq!(find_all("قـره", "قره").len(), 1);
        let text = "مُحَمَّد";
        let r = find_all(text, "محمد");
        assert_eq!(r.len(), 1);
        assert_eq!(
            r[0],
            0..text.len(),
            "diacritics inside and after the match are included"
        );
        assert_eq!(find_all("Published On", "published on").len(), 1);
    }

    #[test]
    fn matches_are_byte_ranges_of_the_original() {
        let text = "x آغدام y";
        let r = find_all(text, "اغدام");
        assert_eq!(&text[r[0].clone()], "آغدام");
        assert!(find_all(text, "").is_empty());
        assert!(find_all(text, "ـ").is_empty());
        assert!(find_all("", "x").is_empty());
    }

    /// Phrases taken from the corpus (`data/sources/`), with both
    /// spellings of Aghdam; `text` is a leaf layer, so its tests do not load
    /// the dataset (tests/reader_text.rs runs the same check on the corpus).
    const AGHDAM_SOURCES: &[&str] = &[
        "وهي كلبجار حتى 25 نوفمبر/تشرين الثاني الجاري، وأغدام حتى 20 من الشهر نفسه، ولاتشين حتى 1 ديسمبر",
        "في إطار اتفاق وقف إطلاق النار، حيث سلمت آغدام في 20 نوفمبر/تشرين الثاني، ثم كلبجار",
        "أرمينيا بتعمد تدمير أجزاء واسعة من منطقة أغدام، التي استعادتها أذربيجان",
        "تعرضت مدينة آغدام لخسائر بشرية ودمار كبير في الأبنية",
    ];

    #[test]
    fn every_spelling_of_aghdam_in_the_corpus_is_found_from_either_query() {
        for q in ["أغدام", "آغدام"] {
            let mut found: Vec<String> = Vec::new();
            for text in AGHDAM_SOURCES {
                found.extend(find_all(text, q).into_iter().map(|r| text[r].to_owned()));
            }
            // Counted independently, by exact substring.
            let exact: usize = AGHDAM_SOURCES
                .iter()
                .map(|text| text.matches("أغدام").count() + text.matches("آغدام").count())
                .sum();
            assert_eq!(found.len(), exact, "{q}");
            assert!(
                found.iter().any(|f| f == "أغدام") && found.iter().any(|f| f == "آغدام"),
                "{q}: {found:?}"
            );
        }
    }

    #[test]
    fn hits_carry_context() {
        let h = hits("one two three", "two", 4);
        assert_eq!(h[0].before, "one ");
        assert_eq!(h[0].matched, "two");
        assert_eq!(h[0].after, " thr");
    }
}
