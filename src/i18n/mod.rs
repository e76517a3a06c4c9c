//! The interface's languages: English and Arabic.
//!
//! Headless (no egui), so the viewer, the exporters and the figures share
//! one implementation:
//!
//! * [`Lang`], [`MonthStyle`], [`Digits`] and the [`Locale`] that bundles
//!   them;
//! * the message catalogues (`assets/locales/en.ftl`, `ar.ftl`, Fluent
//!   syntax, compiled in) read with [`tr`] and [`tr_args`], with CLDR plural
//!   rules (Arabic has six forms: zero, one, two, few, many, other);
//! * dates, date ranges and numbers in either language ([`format`]), with
//!   Arabic month names in either common style and Latin or Arabic-Indic
//!   digits, and the fixed English and Arabic forms of a date
//!   ([`format::DateWords`], [`format::DateSpecWords`]);
//! * the system's language ([`system_lang`]) from `LC_ALL`, `LC_MESSAGES`,
//!   `LANG` and `LANGUAGE`.
//!
//! A leaf: it uses only [`crate::date`] and the compiled-in assets, never
//! the model (whose diagnostics call into it, not the other way).
//!
//! Strings come out in logical order; laying Arabic out is the caller's job
//! (`ui::text` for egui, `export::svg` for figures).
//!
//! ```
//! use karabakh_atlas::i18n::{Digits, Lang, Locale, MonthStyle, tr, tr_args};
//! let ar = Locale { lang: Lang::Ar, months: MonthStyle::Latin, digits: Digits::ArabicIndic };
//! assert_eq!(tr(ar, "time-next"), "الخطوة التالية");
//! assert_eq!(tr_args(ar, "time-step-of", &[("n", 3.into()), ("total", 14.into())]), "الخطوة ٣ من ١٤");
//! ```

mod catalogue;
pub mod format;

use serde::{Deserialize, Serialize};

pub use catalogue::{Arg, catalogue_errors, keys, placeables, plural_category, tr, tr_args};

/// An interface language.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Arabic (Modern Standard Arabic), laid out right to left.
    Ar,
}

impl Lang {
    /// Every language, in menu order.
    pub const ALL: [Self; 2] = [Self::En, Self::Ar];

    /// The BCP 47 tag: `en`, `ar`.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Ar => "ar",
        }
    }

    /// The language's name in itself, for the language menu (the same in
    /// every interface language, so a user who cannot read the current one
    /// still finds theirs).
    #[must_use]
    pub fn native_name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Ar => "العربية",
        }
    }

    /// Whether the language is written right to left.
    #[must_use]
    pub fn is_rtl(self) -> bool {
        self == Self::Ar
    }
}

/// How Arabic names the Gregorian months.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
pub enum MonthStyle {
    /// The names taken from Latin, used in Egypt, Sudan and the Gulf:
    /// يناير، فبراير، مارس…
    #[default]
    Latin,
    /// The Syriac names, used in the Levant and Iraq: كانون الثاني، شباط،
    /// آذار…
    Syriac,
    /// Both, the way many news sites write them: ديسمبر/كانون الأول.
    Both,
}

impl MonthStyle {
    /// Every style, in menu order.
    pub const ALL: [Self; 3] = [Self::Latin, Self::Syriac, Self::Both];
}

/// Which digits numbers are written with in Arabic. (English always uses
/// 0–9.)
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
pub enum Digits {
    /// 0123456789, with `,` between thousands and `.` before decimals.
    #[default]
    Latin,
    /// Arabic-Indic digits ٠١٢٣٤٥٦٧٨٩, with the Arabic thousands separator
    /// `٬` and decimal separator `٫`.
    ArabicIndic,
}

impl Digits {
    /// Every choice, in menu order.
    pub const ALL: [Self; 2] = [Self::Latin, Self::ArabicIndic];
}

/// Everything that decides how text, dates and numbers are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Locale {
    /// The interface language.
    pub lang: Lang,
    /// Arabic month names (ignored in English).
    pub months: MonthStyle,
    /// Arabic digits (ignored in English).
    pub digits: Digits,
}

impl Locale {
    /// English.
    pub const EN: Self = Self {
        lang: Lang::En,
        months: MonthStyle::Latin,
        digits: Digits::Latin,
    };

    /// Arabic with the default month names and Latin digits.
    pub const AR: Self = Self {
        lang: Lang::Ar,
        months: MonthStyle::Latin,
        digits: Digits::Latin,
    };

    /// `lang` with the default month style and digits.
    #[must_use]
    pub fn of(lang: Lang) -> Self {
        Self {
            lang,
            ..Self::default()
        }
    }

    /// Whether the interface runs right to left.
    #[must_use]
    pub fn is_rtl(self) -> bool {
        self.lang.is_rtl()
    }

    /// The digits numbers are actually written with: Latin in English,
    /// whatever was chosen in Arabic.
    #[must_use]
    pub fn effective_digits(self) -> Digits {
        match self.lang {
            Lang::En => Digits::Latin,
            Lang::Ar => self.digits,
        }
    }

    /// [`tr`] in this locale.
    #[must_use]
    pub fn tr(self, key: &str) -> String {
        tr(self, key)
    }

    /// [`tr_args`] in this locale.
    #[must_use]
    pub fn tr_args(self, key: &str, args: &[(&str, Arg)]) -> String {
        tr_args(self, key, args)
    }
}

/// The language of a POSIX locale name such as `ar_EG.UTF-8`, `ar`,
/// `en_GB@euro` or `C`: Arabic for `ar…`, else English.
#[must_use]
pub fn lang_of_locale_name(name: &str) -> Lang {
    let code = name
        .split(['_', '-', '.', '@', ':'])
        .next()
        .unwrap_or_default();
    if code.eq_ignore_ascii_case("ar") {
        Lang::Ar
    } else {
        Lang::En
    }
}

/// The interface language the environment asks for, read with `get`: the
/// first non-empty of `LC_ALL`, `LC_MESSAGES` and `LANG` decides, except
/// that, as in gettext, a non-empty `LANGUAGE` list (its first entry) takes
/// precedence unless that locale is `C` or `POSIX`. English when nothing is
/// set.
#[must_use]
pub fn lang_from_env(get: impl Fn(&str) -> Option<String>) -> Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| get(k))
        .find(|v| !v.trim().is_empty());
    let Some(locale) = locale else {
        return Lang::En;
    };
    let base = locale.split('.').next().unwrap_or_default();
    if base == "C" || base == "POSIX" {
        return Lang::En;
    }
    let first_listed = get("LANGUAGE").and_then(|l| {
        l.split(':')
            .map(str::trim)
            .find(|s| !s.is_empty())
            .map(str::to_owned)
    });
    lang_of_locale_name(first_listed.as_deref().unwrap_or(&locale))
}

/// The system's interface language (see [`lang_from_env`]), read once.
#[must_use]
pub fn system_lang() -> Lang {
    static SYSTEM: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();
    *SYSTEM.get_or_init(|| lang_from_env(|k| std::env::var(k).ok()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn the_environment_decides_the_language_in_posix_order() {
        assert_eq!(lang_from_env(env(&[])), Lang::En);
        assert_eq!(lang_from_env(env(&[("LANG", "ar_EG.UTF-8")])), Lang::Ar);
        assert_eq!(lang_from_env(env(&[("LANG", "ar")])), Lang::Ar);
        assert_eq!(lang_from_env(env(&[("LANG", "arn_CL.UTF-8")])), Lang::En);
        assert_eq!(
            lang_from_env(env(&[("LANG", "ar_SA.UTF-8"), ("LC_ALL", "en_US.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            lang_from_env(env(&[("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "ar_JO")])),
            Lang::Ar
        );
        assert_eq!(
            lang_from_env(env(&[("LC_ALL", ""), ("LANG", "ar_LB.UTF-8")])),
            Lang::Ar
        );
        // LANGUAGE lists preferences, unless the locale is C.
        assert_eq!(
            lang_from_env(env(&[("LANG", "en_GB.UTF-8"), ("LANGUAGE", "ar:en")])),
            Lang::Ar
        );
        assert_eq!(
            lang_from_env(env(&[("LANG", "C.UTF-8"), ("LANGUAGE", "ar")])),
            Lang::En
        );
    }
}
