//! Which characters make a shaper guess right to left, and which may sit
//! inside an Arabic piece without being Arabic letters.
//!
//! The shaper (egui's, HarfBuzz's rule) takes a run's direction from the
//! Unicode script (UAX #24) of its first character whose script is not
//! Common, Inherited or Unknown; the scripts come from `unicode-script`.
//! Kept here: the list of right-to-left scripts, which is the shaper's own
//! (HarfBuzz's `hb_script_get_horizontal_direction`, as `harfrust` has it;
//! `unicode-script` has no directions), and the spaces and joiners allowed
//! inside an Arabic piece (not a script property: they are Common to every
//! script, and are allowed because NotoNaskhArabic has them).

use unicode_script::{Script, UnicodeScript};

/// Whether the shaper lays out text of `script` right to left. Old
/// Hungarian, Old Italic, Runic and Tifinagh, which HarfBuzz leaves
/// undecided, come out left to right there, as here.
fn is_rtl(script: Script) -> bool {
    matches!(
        script,
        Script::Arabic
            | Script::Hebrew
            | Script::Syriac
            | Script::Thaana
            | Script::Cypriot
            | Script::Kharoshthi
            | Script::Phoenician
            | Script::Nko
            | Script::Lydian
            | Script::Avestan
            | Script::Imperial_Aramaic
            | Script::Inscriptional_Pahlavi
            | Script::Inscriptional_Parthian
            | Script::Old_South_Arabian
            | Script::Old_Turkic
            | Script::Samaritan
            | Script::Mandaic
            | Script::Meroitic_Cursive
            | Script::Meroitic_Hieroglyphs
            | Script::Manichaean
            | Script::Mende_Kikakui
            | Script::Nabataean
            | Script::Old_North_Arabian
            | Script::Palmyrene
            | Script::Psalter_Pahlavi
            | Script::Hatran
            | Script::Adlam
            | Script::Hanifi_Rohingya
            | Script::Old_Sogdian
            | Script::Sogdian
            | Script::Elymaic
            | Script::Chorasmian
            | Script::Yezidi
            | Script::Old_Uyghur
            | Script::Garay
            | Script::Sidetic
    )
}

/// Whether `script` tells the shaper anything (is not Common, Inherited or
/// Unknown).
fn is_real(script: Script) -> bool {
    !matches!(script, Script::Common | Script::Inherited | Script::Unknown)
}

/// Whether `c` is of a right-to-left script (Arabic, Hebrew, Syriac, …), so
/// that a shaper guessing the direction from the script shapes a piece
/// holding it right to left. Arabic letters and digits (also the extended
/// Arabic-Indic digits, bidi class EN) are; the Arabic comma, semicolon,
/// question mark and tatweel and RLM, of the Common script, are not.
pub(super) fn is_rtl_script(c: char) -> bool {
    is_rtl(c.script())
}

/// The direction the shaper guesses for a display cluster: `Some(true)` for
/// right to left when its first character of a real script is of a
/// right-to-left script, `Some(false)` for another script, `None` when all
/// its characters are Common or Inherited (spaces, punctuation, digits,
/// marks on them).
pub(super) fn cluster_is_rtl(cluster: &str) -> Option<bool> {
    cluster
        .chars()
        .map(|c| c.script())
        .find(|&s| is_real(s))
        .map(is_rtl)
}

/// Characters that may sit inside an Arabic piece without being Arabic
/// letters: spaces and joiners, and the Common or Inherited characters that
/// Unicode lists as used with Arabic (Script_Extensions: the Arabic comma,
/// semicolon and question mark, tatweel, the harakat, ornate parentheses),
/// plus U+06DD ARABIC END OF AYAH, Common without extensions (it usually
/// joins the digits after it as one cluster anyway).
pub(super) fn is_arabic_joiner(c: char) -> bool {
    if matches!(c, ' ' | '\u{00A0}' | '\u{200C}' | '\u{200D}' | '\u{06DD}') {
        return true;
    }
    let ext = c.script_extension();
    !is_real(c.script())
        && !ext.is_common()
        && !ext.is_inherited()
        && ext.contains_script(Script::Arabic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_from_unicode_script() {
        for c in ['ب', 'ة', '١', '۱', '٪', '؀', 'א', 'ܐ', 'ހ', 'ߊ', '𞤀'] {
            assert!(is_rtl_script(c), "{c}");
        }
        for c in [
            'a', '1', ' ', '(', '،', '؛', '؟', 'ـ', '\u{200F}', '\u{064E}', 'Ա', 'ა', 'ᚠ',
        ] {
            assert!(!is_rtl_script(c), "{c:?}");
        }
        assert_eq!(cluster_is_rtl("دَّ"), Some(true));
        assert_eq!(cluster_is_rtl("a\u{0301}"), Some(false));
        assert_eq!(cluster_is_rtl("\u{0600}1"), Some(true));
        assert_eq!(cluster_is_rtl("(\u{064E}"), None);
        assert_eq!(cluster_is_rtl("١"), Some(true));
    }

    #[test]
    fn arabic_joiners() {
        // Everything the hand-typed list this replaced had is still here,
        // but the Arabic percent sign, which is of the Arabic script (so a
        // piece holding it is Arabic already).
        for c in [
            ' ', '\u{00A0}', '\u{200C}', '\u{200D}', '،', '؛', '؟', 'ـ', '\u{06DD}',
        ] {
            assert!(is_arabic_joiner(c), "{c:?}");
        }
        assert!(is_rtl_script('٪'));
        // From Script_Extensions.
        assert!(is_arabic_joiner('\u{FD3E}') && is_arabic_joiner('\u{064E}'));
        for c in ['a', '1', '(', '.', ',', '-', 'ب', '\u{2067}'] {
            assert!(!is_arabic_joiner(c), "{c:?}");
        }
    }
}
