//! The direction of a paragraph (rules P2–P3 of UAX #9, from `unicode-bidi`)
//! and whether a text needs reordering at all.

use unicode_bidi::{BidiClass, Level, bidi_class};

use super::script::is_rtl_script;

/// The direction of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Left to right (Latin, numbers, and text with no strong character).
    Ltr,
    /// Right to left (Arabic).
    Rtl,
}

impl Direction {
    /// Whether this is [`Direction::Rtl`].
    #[must_use]
    pub fn is_rtl(self) -> bool {
        self == Direction::Rtl
    }

    pub(super) fn level(self) -> Level {
        match self {
            Direction::Ltr => Level::ltr(),
            Direction::Rtl => Level::rtl(),
        }
    }
}

/// The direction of a paragraph by rules P2–P3 of UAX #9: that of its first
/// strong character (skipping isolates), left to right when it has none.
///
/// Uses `unicode-bidi`'s data. If `text` holds several paragraphs, the first
/// one with a strong character decides.
#[must_use]
pub fn paragraph_direction(text: &str) -> Direction {
    match unicode_bidi::get_base_direction_full(text) {
        unicode_bidi::Direction::Rtl => Direction::Rtl,
        unicode_bidi::Direction::Ltr | unicode_bidi::Direction::Mixed => Direction::Ltr,
    }
}

/// Whether `text` needs [`visual_runs`](super::visual_runs) at all: it has a right-to-left
/// character, an Arabic number, a right-to-left embedding, override or
/// isolate, or a character of a right-to-left script. Text without any of
/// these is displayed in logical order as it is.
#[must_use]
pub fn needs_bidi(text: &str) -> bool {
    text.chars().any(|c| {
        is_rtl_script(c)
            || matches!(
                bidi_class(c),
                BidiClass::R
                    | BidiClass::AL
                    | BidiClass::AN
                    | BidiClass::RLE
                    | BidiClass::RLO
                    | BidiClass::RLI
                    | BidiClass::FSI
            )
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    #[test]
    fn direction_of_paragraphs() {
        assert_eq!(paragraph_direction("hello"), Direction::Ltr);
        assert_eq!(paragraph_direction("مرحبا hello"), Direction::Rtl);
        assert_eq!(paragraph_direction("2020 (مرحبا) hello"), Direction::Rtl);
        assert_eq!(
            paragraph_direction("Published On 26/11/2020"),
            Direction::Ltr
        );
        assert_eq!(paragraph_direction("123 - ..."), Direction::Ltr);
        assert_eq!(paragraph_direction(""), Direction::Ltr);
        // Isolates are skipped.
        assert_eq!(
            paragraph_direction("\u{2067}مرحبا\u{2069} hi"),
            Direction::Ltr
        );
    }
}
