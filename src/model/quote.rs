//! Finding a quote verbatim in its source, and explaining precisely why not.
//!
//! Offsets are counted in Unicode scalar values (Rust `char`s) from the start
//! of the file, 0-based: what an editor's "character" column counts, and the
//! same for every language.

use std::ops::Range;

use super::diag::Msg;

/// The result of looking for a quote at its recorded offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Located {
    /// The quote is at the recorded offset.
    Found {
        /// Byte range of the quote in the text.
        bytes: Range<usize>,
    },
    /// The quote is in the text, but at another offset.
    Elsewhere {
        /// Character offset of the occurrence nearest the recorded one.
        offset: usize,
    },
    /// The quote does not occur verbatim.
    Missing(Mismatch),
}

/// Where the text comes closest to a quote that does not occur in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// Byte offset in the text where the closest passage starts.
    pub start_byte: usize,
    /// How many characters of the quote match there.
    pub matched_chars: usize,
    /// The text's character where they part (None: the text ends).
    pub text_char: Option<char>,
    /// The quote's character where they part.
    pub quote_char: Option<char>,
}

impl Mismatch {
    /// A human description of the first difference, in English.
    #[must_use]
    pub fn describe(&self) -> String {
        self.msg().render(crate::i18n::Locale::EN)
    }

    /// The first difference as a catalogue message.
    #[must_use]
    pub fn msg(&self) -> Msg {
        let show = |c: Option<char>| {
            c.map_or(Msg::new("quote-end-of-text"), |c| {
                Msg::new("quote-char")
                    .text("char", c)
                    .text("code", format!("U+{:04X}", u32::from(c)))
            })
        };
        Msg::new("quote-mismatch")
            .num("matched", self.matched_chars)
            .msg("source", show(self.text_char))
            .msg("quote", show(self.quote_char))
    }
}

/// The byte index of character offset `chars` in `text`, if inside it (the
/// text's length is a valid offset).
#[must_use]
pub fn byte_of_char(text: &str, chars: usize) -> Option<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .nth(chars)
}

/// The character offset of byte index `byte` (which must be a char boundary).
#[must_use]
pub fn char_of_byte(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |s| s.chars().count())
}

/// Look for `quote` in `text` at character offset `offset`.
#[must_use]
pub fn locate(text: &str, quote: &str, offset: usize) -> Located {
    if let Some(b) = byte_of_char(text, offset)
        && !quote.is_empty()
        && text[b..].starts_with(quote)
    {
        return Located::Found {
            bytes: b..b + quote.len(),
        };
    }
    let nearest = text
        .match_indices(quote)
        .map(|(b, _)| char_of_byte(text, b))
        .min_by_key(|&c| c.abs_diff(offset));
    if let Some(offset) = nearest.filter(|_| !quote.is_empty()) {
        return Located::Elsewhere { offset };
    }
    Located::Missing(closest(text, quote))
}

fn closest(text: &str, quote: &str) -> Mismatch {
    let mut best = Mismatch {
        start_byte: 0,
        matched_chars: 0,
        text_char: text.chars().next(),
        quote_char: quote.chars().next(),
    };
    for (start, _) in text.char_indices() {
        let mut t = text[start..].chars();
        let mut q = quote.chars();
        let mut n = 0;
        let (tc, qc) = loop {
            match (t.next(), q.next()) {
                (Some(a), Some(b)) if a == b => n += 1,
                (a, b) => break (a, b),
            }
        };
        if n > best.matched_chars {
            best = Mismatch {
                start_byte: start,
                matched_chars: n,
                text_char: tc,
                quote_char: qc,
            };
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "قبل أن تسلم لاتشين اليوم.\nثم كلبجار في يوم 25";

    #[test]
    fn finds_a_quote_at_its_character_offset() {
        let off = TEXT.chars().position(|c| c == 'ل').unwrap_or_default();
        // The first 'ل' is in "قبل"; the quote starts at "لاتشين".
        let off2 = char_of_byte(TEXT, TEXT.find("لاتشين").unwrap_or_default());
        assert!(off < off2);
        assert_eq!(
            locate(TEXT, "لاتشين اليوم", off2),
            Located::Found {
                bytes: TEXT.find("لاتشين").unwrap_or_default()..TEXT.find(".").unwrap_or_default()
            }
        );
        assert_eq!(
            locate(TEXT, "لاتشين", 0),
            Located::Elsewhere { offset: off2 }
        );
    }

    #[test]
    fn a_one_letter_difference_is_pinpointed() {
        // Alef maqsura instead of ya: looks alike, is not the same text.
        let Located::Missing(m) = locate(TEXT, "ثم كلبجار فى يوم", 0) else {
            unreachable!("must not be found");
        };
        assert_eq!(m.matched_chars, 11);
        assert_eq!(m.text_char, Some('ي'));
        assert_eq!(m.quote_char, Some('ى'));
        assert!(m.describe().contains("U+064A"));
    }

    #[test]
    fn offsets_past_the_end_are_not_found() {
        assert!(matches!(locate(TEXT, "x", 10_000), Located::Missing(_)));
        assert_eq!(byte_of_char(TEXT, TEXT.chars().count()), Some(TEXT.len()));
        assert_eq!(byte_of_char(TEXT, TEXT.chars().count() + 1), None);
    }
}
