//! The bundled fonts and the font families built from them (Latin, Arabic,
//! Hebrew, bold), installed in egui once at start-up.

use std::sync::Arc;

use egui::{Context, FontData, FontDefinitions, FontFamily};

/// The font family whose first font is NotoNaskhArabic (regular), then
/// NotoSans and egui's default fonts.
pub const ARABIC_FAMILY: &str = "arabic";
/// Bold text: NotoSans-Bold, NotoNaskhArabic-Bold, then egui's default fonts.
pub const BOLD_FAMILY: &str = "bold";
/// Bold Arabic: NotoNaskhArabic-Bold, NotoSans-Bold, then egui's defaults.
pub const ARABIC_BOLD_FAMILY: &str = "arabic-bold";
/// Hebrew: NotoSansHebrew first, so a right-to-left Hebrew piece (spaces
/// included) is shaped as one run, then NotoSans and NotoNaskhArabic.
pub const HEBREW_FAMILY: &str = "hebrew";
/// Bold Hebrew.
pub const HEBREW_BOLD_FAMILY: &str = "hebrew-bold";

const NOTO_SANS: &str = "NotoSans-Regular";
const NOTO_SANS_BOLD: &str = "NotoSans-Bold";
const NOTO_NASKH: &str = "NotoNaskhArabic-Regular";
const NOTO_NASKH_BOLD: &str = "NotoNaskhArabic-Bold";
const NOTO_HEBREW: &str = "NotoSansHebrew-Regular";
const NOTO_HEBREW_BOLD: &str = "NotoSansHebrew-Bold";
const NOTO_ARMENIAN: &str = "NotoSansArmenian-Regular";
const NOTO_ARMENIAN_BOLD: &str = "NotoSansArmenian-Bold";
const NOTO_GEORGIAN: &str = "NotoSansGeorgian-Regular";
const NOTO_GEORGIAN_BOLD: &str = "NotoSansGeorgian-Bold";

/// The bundled fonts (see `assets/fonts/README.md`) added to egui's default
/// fonts: NotoSans-Regular first in [`FontFamily::Proportional`], then
/// NotoNaskhArabic-Regular, then the Hebrew, Armenian and Georgian fonts,
/// then egui's defaults (for symbols and icons such
/// as ⏵ ⏸ ⏮ ⏭); the families [`ARABIC_FAMILY`], [`BOLD_FAMILY`] and
/// [`ARABIC_BOLD_FAMILY`]. Monospace stays egui's default.
#[must_use]
pub fn font_definitions() -> FontDefinitions {
    let mut defs = FontDefinitions::default();
    let fonts: [(&str, &'static [u8]); 10] = [
        (NOTO_SANS, crate::assets::NOTO_SANS),
        (NOTO_SANS_BOLD, crate::assets::NOTO_SANS_BOLD),
        (NOTO_NASKH, crate::assets::NOTO_NASKH_ARABIC),
        (NOTO_NASKH_BOLD, crate::assets::NOTO_NASKH_ARABIC_BOLD),
        (NOTO_HEBREW, crate::assets::NOTO_HEBREW),
        (NOTO_HEBREW_BOLD, crate::assets::NOTO_HEBREW_BOLD),
        (NOTO_ARMENIAN, crate::assets::NOTO_ARMENIAN),
        (NOTO_ARMENIAN_BOLD, crate::assets::NOTO_ARMENIAN_BOLD),
        (NOTO_GEORGIAN, crate::assets::NOTO_GEORGIAN),
        (NOTO_GEORGIAN_BOLD, crate::assets::NOTO_GEORGIAN_BOLD),
    ];
    for (name, bytes) in fonts {
        defs.font_data
            .insert(name.to_owned(), Arc::new(unhinted(bytes)));
    }
    let defaults = defs
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    // Each family: its own fonts first, then the other bundled scripts of
    // the same weight (Hebrew, Armenian and Georgian, which a dataset may
    // bring), then egui's defaults.
    let chain = |first: &[&str], bold: bool| -> Vec<String> {
        let others = if bold {
            [NOTO_HEBREW_BOLD, NOTO_ARMENIAN_BOLD, NOTO_GEORGIAN_BOLD]
        } else {
            [NOTO_HEBREW, NOTO_ARMENIAN, NOTO_GEORGIAN]
        };
        let mut names: Vec<String> = first.iter().map(|n| (*n).to_owned()).collect();
        for n in others {
            if !first.contains(&n) {
                names.push(n.to_owned());
            }
        }
        names.extend(defaults.iter().cloned());
        names
    };
    for (family, first, bold) in [
        (
            FontFamily::Proportional,
            &[NOTO_SANS, NOTO_NASKH][..],
            false,
        ),
        (
            FontFamily::Name(ARABIC_FAMILY.into()),
            &[NOTO_NASKH, NOTO_SANS][..],
            false,
        ),
        (
            FontFamily::Name(BOLD_FAMILY.into()),
            &[NOTO_SANS_BOLD, NOTO_NASKH_BOLD][..],
            true,
        ),
        (
            FontFamily::Name(ARABIC_BOLD_FAMILY.into()),
            &[NOTO_NASKH_BOLD, NOTO_SANS_BOLD][..],
            true,
        ),
        (
            FontFamily::Name(HEBREW_FAMILY.into()),
            &[NOTO_HEBREW, NOTO_SANS, NOTO_NASKH][..],
            false,
        ),
        (
            FontFamily::Name(HEBREW_BOLD_FAMILY.into()),
            &[NOTO_HEBREW_BOLD, NOTO_SANS_BOLD, NOTO_NASKH_BOLD][..],
            true,
        ),
    ] {
        defs.families.insert(family, chain(first, bold));
    }
    defs
}

/// A bundled font without TrueType hinting: the hinting interpreter re-runs
/// a font's programs whenever egui rasterises it at another size, which made
/// it the largest single cost of start-up (docs/performance.md); the
/// outlines are anti-aliased either way.
fn unhinted(bytes: &'static [u8]) -> FontData {
    FontData::from_static(bytes).tweak(egui::FontTweak {
        hinting: Some(false),
        ..Default::default()
    })
}

/// Installs [`font_definitions`] in `ctx` (they take effect from the next
/// pass; call it once, before the first frame, e.g. in the app's creator).
pub fn install_fonts(ctx: &Context) {
    ctx.set_fonts(font_definitions());
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::test_support::with_ui;
    use super::*;
    use egui::FontId;

    #[test]
    fn fonts_cover_arabic_latin_and_the_player_icons() {
        with_ui(|ui| {
            let check = |family: FontFamily, text: &str| {
                let font = FontId::new(14.0, family);
                assert!(
                    ui.fonts_mut(|f| f.has_glyphs(&font, text)),
                    "{font:?} lacks some of {text:?}"
                );
            };
            let arabic = "قره باغ، أذربيجان؟ ١٢٣";
            let latin = "Kalbajar (26/11/2020) “x” – 5% …";
            for family in [
                FontFamily::Proportional,
                FontFamily::Name(ARABIC_FAMILY.into()),
                FontFamily::Name(BOLD_FAMILY.into()),
                FontFamily::Name(ARABIC_BOLD_FAMILY.into()),
            ] {
                check(family.clone(), arabic);
                check(family.clone(), latin);
                // The player icons are only in egui's emoji-icon-font, which
                // egui bundles with its `monochrome_emoji_fonts` feature.
                if FontDefinitions::default()
                    .font_data
                    .contains_key("emoji-icon-font")
                {
                    check(family, "⏵⏸⏮⏭");
                }
            }
        });
        // egui's default fonts stay, after our five (Latin, Arabic, Hebrew,
        // Armenian and Georgian, in the family's order), in every family.
        let defs = font_definitions();
        let defaults = FontDefinitions::default().families[&FontFamily::Proportional].clone();
        for family in [
            FontFamily::Proportional,
            FontFamily::Name(ARABIC_FAMILY.into()),
            FontFamily::Name(BOLD_FAMILY.into()),
            FontFamily::Name(ARABIC_BOLD_FAMILY.into()),
            FontFamily::Name(HEBREW_FAMILY.into()),
            FontFamily::Name(HEBREW_BOLD_FAMILY.into()),
        ] {
            let chain = &defs.families[&family];
            assert_eq!(chain[5..], defaults[..], "{family:?}");
        }
        assert_eq!(
            defs.families[&FontFamily::Proportional][0],
            "NotoSans-Regular"
        );
        assert_eq!(
            defs.families[&FontFamily::Monospace],
            FontDefinitions::default().families[&FontFamily::Monospace]
        );
    }
}
