//! Which characters make a shaper guess right to left, and which may sit
//! inside an Arabic piece without being Arabic letters.

use unicode_bidi::{BidiClass, bidi_class};

/// Whether `c` is of a right-to-left script (Arabic, Hebrew, Syriac, …), so
/// that a shaper guessing the direction from the script shapes a piece
/// holding it right to left. Characters of bidi class R, AL or AN, less the
/// few that are of the Common script (Arabic comma-like punctuation, tatweel,
/// the Arabic letter mark, RLM), plus the extended Arabic-Indic digits (class
/// EN, script Arabic).
pub(super) fn is_rtl_script(c: char) -> bool {
    match c {
        '\u{0605}' | '\u{060C}' | '\u{061B}' | '\u{061C}' | '\u{061F}' | '\u{0640}'
        | '\u{06DD}' | '\u{08E2}' | '\u{200F}' => false,
        '\u{06F0}'..='\u{06F9}' => true,
        _ => matches!(bidi_class(c), BidiClass::R | BidiClass::AL | BidiClass::AN),
    }
}

/// Characters that may sit inside an Arabic piece without being Arabic
/// letters: spaces, joiners and the Arabic punctuation of the Common script
/// (all of which NotoNaskhArabic has).
pub(super) fn is_arabic_joiner(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{00A0}'
            | '\u{200C}'
            | '\u{200D}'
            | '\u{060C}'
            | '\u{061B}'
            | '\u{061F}'
            | '\u{0640}'
            | '\u{066A}'
            | '\u{06DD}'
    )
}
