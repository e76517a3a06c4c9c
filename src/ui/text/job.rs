//! One-line layout jobs: the bidi pieces of a line as sections in visual
//! order, each right-to-left piece in the Arabic or Hebrew family.
//!
//! Which family a right-to-left piece takes is decided by script, through
//! `unicode-script`. Kept hand-written: the list of bidi controls left out of
//! the text (the explicit embeddings, overrides and isolates, and the LRM,
//! RLM and ALM marks), which is a fixed set of UAX #9, not a script.

use std::ops::Range;

use egui::text::{ByteIndex, LayoutJob, LayoutSection, TextFormat};
use egui::{Color32, FontFamily, FontId};
use unicode_script::{Script, UnicodeScript};

use super::fonts::{
    ARABIC_BOLD_FAMILY, ARABIC_FAMILY, BOLD_FAMILY, HEBREW_BOLD_FAMILY, HEBREW_FAMILY,
};
use crate::text::bidi::{self, Direction};

/// A one-line (no wrapping) job for `text`, bidi-correct: its sections are
/// the pieces of [`bidi::visual_runs`] in visual order, with the paragraph
/// direction taken from `text`'s first strong character. Arabic pieces use
/// [`ARABIC_FAMILY`] (or [`ARABIC_BOLD_FAMILY`] when `font` is
/// [`BOLD_FAMILY`]) at `font`'s size, the others `font`. Text without any
/// right-to-left character gives a plain single-section job.
///
/// Needs [`install_fonts`](super::install_fonts); without it the Arabic family has no font.
#[must_use]
pub fn line_job(text: &str, font: FontId, color: Color32) -> LayoutJob {
    if !bidi::needs_bidi(text) {
        return LayoutJob::simple_singleline(text.to_owned(), font, color);
    }
    let base = bidi::paragraph_direction(text);
    job_from_runs(&bidi::visual_runs(text, base), font, color, true)
}

/// The job for line `line` (byte range) of `paragraph`, whose direction is
/// `base`. `arabic` says whether the Arabic families are installed.
pub(super) fn line_job_in(
    paragraph: &str,
    base: Direction,
    line: Range<usize>,
    font: FontId,
    color: Color32,
    arabic: bool,
) -> LayoutJob {
    let text = paragraph.get(line.clone()).unwrap_or_default();
    if !bidi::needs_bidi(paragraph) {
        return LayoutJob::simple_singleline(text.to_owned(), font, color);
    }
    job_from_runs(
        &bidi::visual_runs_in(paragraph, base, line),
        font,
        color,
        arabic,
    )
}

/// One section per piece, in order. Sections are never merged: an Arabic
/// piece next to Arabic-script digits must be shaped on its own.
pub(super) fn job_from_runs(
    runs: &[bidi::VisualRun],
    font: FontId,
    color: Color32,
    arabic: bool,
) -> LayoutJob {
    let mut job = LayoutJob {
        break_on_newline: false,
        ..Default::default()
    };
    for run in runs {
        // The bidi controls have done their work; the fonts have no glyphs
        // for them.
        let start = job.text.len();
        job.text
            .extend(run.text.chars().filter(|&c| !is_bidi_control(c)));
        if job.text.len() == start {
            continue;
        }
        let font_id = if run.rtl && arabic {
            rtl_font(&font, &run.text)
        } else {
            font.clone()
        };
        job.sections.push(LayoutSection {
            leading_space: 0.0,
            byte_range: ByteIndex(start)..ByteIndex(job.text.len()),
            format: TextFormat::simple(font_id, color),
        });
    }
    if job.text.is_empty() {
        return LayoutJob::simple_singleline(String::new(), font, color);
    }
    job
}

/// The font for a right-to-left piece of `text` drawn in `font`: the Hebrew
/// family when it holds a letter or point of the Hebrew script (from
/// `unicode-script`), else the Arabic one, bold when `font` is.
pub(super) fn rtl_font(font: &FontId, text: &str) -> FontId {
    let hebrew = text.chars().any(|c| c.script() == Script::Hebrew);
    let family = arabic_family_for(&font.family);
    let family = match (hebrew, &family) {
        (true, FontFamily::Name(n)) if n.as_ref() == ARABIC_BOLD_FAMILY => {
            FontFamily::Name(HEBREW_BOLD_FAMILY.into())
        }
        (true, _) => FontFamily::Name(HEBREW_FAMILY.into()),
        (false, _) => family,
    };
    FontId::new(font.size, family)
}

pub(super) fn arabic_family_for(family: &FontFamily) -> FontFamily {
    match family {
        FontFamily::Name(name)
            if name.as_ref() == BOLD_FAMILY || name.as_ref() == ARABIC_BOLD_FAMILY =>
        {
            FontFamily::Name(ARABIC_BOLD_FAMILY.into())
        }
        _ => FontFamily::Name(ARABIC_FAMILY.into()),
    }
}

/// The explicit directional marks, embeddings, overrides and isolates.
pub(super) fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::test_support::{section_texts, with_ui};
    use super::*;

    #[test]
    fn phrase_with_number_and_brackets_in_visual_order() {
        let text = "تحديد (وضع) في 17 نوفمبر 2020";
        let font = FontId::proportional(16.0);
        let job = line_job(text, font.clone(), Color32::WHITE);
        assert_eq!(
            section_texts(&job),
            [
                "2020",
                " ",
                "نوفمبر",
                " ",
                "17",
                " ",
                "في",
                " (",
                "وضع",
                ") ",
                "تحديد"
            ]
        );
        let arabic = FontFamily::Name(ARABIC_FAMILY.into());
        for section in &job.sections {
            let piece = &job.text[section.byte_range.start.0..section.byte_range.end.0];
            let is_arabic = piece
                .chars()
                .any(|c| ('\u{0621}'..='\u{064A}').contains(&c));
            let family = &section.format.font_id.family;
            assert_eq!(*family == arabic, is_arabic, "{piece:?} in {family:?}");
            assert_eq!(section.format.font_id.size, 16.0);
        }
        with_ui(|ui| {
            let galley = ui.fonts_mut(|f| f.layout_job(job.clone()));
            assert_eq!(galley.rows.len(), 1);
            let glyphs = &galley.rows[0].row.glyphs;
            // The shaper reversed each Arabic piece: the glyphs, left to
            // right, spell the text in visual order.
            // (egui adds zero-width, invisible glyphs after an RTL run for
            // the characters of its clusters; leave them out.)
            let glyphs: Vec<_> = glyphs.iter().filter(|g| g.advance_width > 0.0).collect();
            let shown: String = glyphs.iter().map(|g| g.chr).collect();
            assert_eq!(shown, "2020 ربمفون 17 يف (عضو) ديدحت");
            for pair in glyphs.windows(2) {
                assert!(pair[0].pos.x <= pair[1].pos.x, "{shown}");
            }
            // Every glyph was found in a font (no tofu).
            assert!(
                glyphs
                    .iter()
                    .all(|g| !g.uv_rect.is_nothing() || g.chr == ' ')
            );
        });
    }

    #[test]
    fn latin_text_is_one_plain_section() {
        let job = line_job(
            "Published On 26/11/2020",
            FontId::proportional(14.0),
            Color32::RED,
        );
        assert_eq!(section_texts(&job), ["Published On 26/11/2020"]);
        let job = line_job("", FontId::proportional(14.0), Color32::RED);
        assert_eq!(job.sections.len(), 1);
        // Bold text takes the bold Arabic family.
        let job = line_job(
            "قره باغ (2020)",
            FontId::new(14.0, FontFamily::Name(BOLD_FAMILY.into())),
            Color32::RED,
        );
        assert!(
            job.sections
                .iter()
                .any(|s| s.format.font_id.family == FontFamily::Name(ARABIC_BOLD_FAMILY.into()))
        );
    }

    #[test]
    fn right_to_left_pieces_take_the_family_of_their_script() {
        let regular = FontId::proportional(14.0);
        let bold = FontId::new(14.0, FontFamily::Name(BOLD_FAMILY.into()));
        let family = |font: &FontId, text: &str| rtl_font(font, text).family;
        let named = |name: &str| FontFamily::Name(name.into());
        // Hebrew letters, and Hebrew presentation forms and points.
        assert_eq!(family(&regular, "ירושלים"), named(HEBREW_FAMILY));
        assert_eq!(family(&regular, "\u{FB2A}"), named(HEBREW_FAMILY));
        assert_eq!(family(&bold, "שָׁלוֹם"), named(HEBREW_BOLD_FAMILY));
        // Arabic, and Arabic-Indic digits.
        assert_eq!(family(&regular, "قره باغ"), named(ARABIC_FAMILY));
        assert_eq!(family(&regular, "١٢٣"), named(ARABIC_FAMILY));
        assert_eq!(family(&bold, "قره باغ"), named(ARABIC_BOLD_FAMILY));
        assert_eq!(rtl_font(&bold, "ب").size, 14.0);
    }
}
