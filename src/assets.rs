//! The fonts bundled under `assets/fonts/` (SIL Open Font License; see
//! `assets/fonts/README.md`), compiled in once for the viewer and the
//! exporters alike.

/// Noto Sans Regular: Latin, Cyrillic, Greek.
pub const NOTO_SANS: &[u8] = include_bytes!("../assets/fonts/NotoSans-Regular.ttf");
/// Noto Sans Bold.
pub const NOTO_SANS_BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSans-Bold.ttf");
/// Noto Naskh Arabic Regular.
pub const NOTO_NASKH_ARABIC: &[u8] = include_bytes!("../assets/fonts/NotoNaskhArabic-Regular.ttf");
/// Noto Naskh Arabic Bold.
pub const NOTO_NASKH_ARABIC_BOLD: &[u8] =
    include_bytes!("../assets/fonts/NotoNaskhArabic-Bold.ttf");

/// Every bundled font, with the family name it declares.
pub const FONTS: [(&str, &[u8]); 4] = [
    ("Noto Sans", NOTO_SANS),
    ("Noto Sans", NOTO_SANS_BOLD),
    ("Noto Naskh Arabic", NOTO_NASKH_ARABIC),
    ("Noto Naskh Arabic", NOTO_NASKH_ARABIC_BOLD),
];
