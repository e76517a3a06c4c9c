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

/// Noto Sans Hebrew Regular (for datasets with Hebrew text).
pub const NOTO_HEBREW: &[u8] = include_bytes!("../assets/fonts/NotoSansHebrew-Regular.ttf");
/// Noto Sans Hebrew Bold.
pub const NOTO_HEBREW_BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSansHebrew-Bold.ttf");
/// Noto Sans Armenian Regular (for datasets with Armenian-script text).
pub const NOTO_ARMENIAN: &[u8] = include_bytes!("../assets/fonts/NotoSansArmenian-Regular.ttf");
/// Noto Sans Armenian Bold.
pub const NOTO_ARMENIAN_BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSansArmenian-Bold.ttf");
/// Noto Sans Georgian Regular (for datasets with Georgian text).
pub const NOTO_GEORGIAN: &[u8] = include_bytes!("../assets/fonts/NotoSansGeorgian-Regular.ttf");
/// Noto Sans Georgian Bold.
pub const NOTO_GEORGIAN_BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSansGeorgian-Bold.ttf");

/// The fonts for other scripts a dataset may use, tried after Noto Sans and
/// Noto Naskh Arabic: regular ones, then bold ones.
pub const OTHER_SCRIPTS: [&[u8]; 3] = [NOTO_HEBREW, NOTO_ARMENIAN, NOTO_GEORGIAN];
/// Bold [`OTHER_SCRIPTS`], in the same order.
pub const OTHER_SCRIPTS_BOLD: [&[u8]; 3] =
    [NOTO_HEBREW_BOLD, NOTO_ARMENIAN_BOLD, NOTO_GEORGIAN_BOLD];

/// Every bundled font, with the family name it declares.
pub const FONTS: [(&str, &[u8]); 10] = [
    ("Noto Sans", NOTO_SANS),
    ("Noto Sans", NOTO_SANS_BOLD),
    ("Noto Naskh Arabic", NOTO_NASKH_ARABIC),
    ("Noto Naskh Arabic", NOTO_NASKH_ARABIC_BOLD),
    ("Noto Sans Hebrew", NOTO_HEBREW),
    ("Noto Sans Hebrew", NOTO_HEBREW_BOLD),
    ("Noto Sans Armenian", NOTO_ARMENIAN),
    ("Noto Sans Armenian", NOTO_ARMENIAN_BOLD),
    ("Noto Sans Georgian", NOTO_GEORGIAN),
    ("Noto Sans Georgian", NOTO_GEORGIAN_BOLD),
];
