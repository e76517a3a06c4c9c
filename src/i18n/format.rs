//! Dates and numbers in English and Arabic: month names (two Arabic styles),
//! Latin or Arabic-Indic digits with their separators, dates, ranges and
//! "since"/"on" phrases. The one implementation behind the interface's
//! dates and the English and Arabic forms the CLI, the exporters and the
//! TimelineJS interop write ([`DateWords`], [`DateSpecWords`]).
//!
//! [`crate::date`] (a leaf below this one) holds the calendar; its words are
//! here, so dates never reach up into the catalogues.

use super::{Arg, Digits, Lang, Locale, MonthStyle, tr_args};
use crate::date::{Date, DateSpec, Qualifier};

/// English month names.
pub const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// English month abbreviations.
pub const EN_MONTHS_SHORT: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Arabic month names taken from Latin (Egypt, Sudan, the Gulf).
pub const AR_MONTHS_LATIN: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];

/// The Syriac month names (the Levant, Iraq).
pub const AR_MONTHS_SYRIAC: [&str; 12] = [
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
];

/// Arabic-Indic digits, zero to nine.
const INDIC: [char; 10] = ['٠', '١', '٢', '٣', '٤', '٥', '٦', '٧', '٨', '٩'];
/// The Arabic thousands separator.
pub const AR_THOUSANDS: char = '\u{066C}';
/// The Arabic decimal separator.
pub const AR_DECIMAL: char = '\u{066B}';

fn month_index(month: u8) -> usize {
    usize::from(month).saturating_sub(1).min(11)
}

/// The month's full name (1–12): "December"; in Arabic by `locale.months`:
/// "ديسمبر", "كانون الأول" or "ديسمبر/كانون الأول".
#[must_use]
pub fn month_name(month: u8, locale: Locale) -> String {
    let m = month_index(month);
    match (locale.lang, locale.months) {
        (Lang::En, _) => EN_MONTHS[m].to_owned(),
        (Lang::Ar, MonthStyle::Latin) => AR_MONTHS_LATIN[m].to_owned(),
        (Lang::Ar, MonthStyle::Syriac) => AR_MONTHS_SYRIAC[m].to_owned(),
        (Lang::Ar, MonthStyle::Both) => format!("{}/{}", AR_MONTHS_LATIN[m], AR_MONTHS_SYRIAC[m]),
    }
}

/// The month's short name: "Dec" in English; Arabic has no abbreviations,
/// so the full name there.
#[must_use]
pub fn month_short(month: u8, locale: Locale) -> String {
    match locale.lang {
        Lang::En => EN_MONTHS_SHORT[month_index(month)].to_owned(),
        Lang::Ar => month_name(month, locale),
    }
}

/// `text` with its ASCII digits written in `digits` (other characters
/// unchanged): "2020" → "٢٠٢٠".
#[must_use]
pub fn to_digits(text: &str, digits: Digits) -> String {
    match digits {
        Digits::Latin => text.to_owned(),
        Digits::ArabicIndic => text
            .chars()
            .map(|c| c.to_digit(10).map_or(c, |d| INDIC[d as usize]))
            .collect(),
    }
}

/// `text` with Arabic-Indic (٠–٩) and Eastern Arabic-Indic (۰–۹) digits
/// written as ASCII digits, so typed dates and numbers parse in either.
#[must_use]
pub fn ascii_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (u32::from(c) - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (u32::from(c) - 0x06F0) as u8),
            c => c,
        })
        .collect()
}

/// `text` with its ASCII digits in the locale's digits.
#[must_use]
pub fn localize_digits(text: &str, locale: Locale) -> String {
    to_digits(text, locale.effective_digits())
}

/// A number with thousands grouped and at most `max_decimals` decimals
/// (trailing zeros dropped): `1234.5` → "1,234.5" (Latin) or "١٬٢٣٤٫٥"
/// (Arabic-Indic). Non-finite values are written as 0.
#[must_use]
pub fn format_number(value: f64, max_decimals: usize, digits: Digits) -> String {
    let v = if value.is_finite() { value } else { 0.0 };
    let fixed = format!("{:.*}", max_decimals, v.abs());
    let (int, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let frac = frac.trim_end_matches('0');
    let (sep, dec) = match digits {
        Digits::Latin => (',', '.'),
        Digits::ArabicIndic => (AR_THOUSANDS, AR_DECIMAL),
    };
    let mut out = String::new();
    let negative = v < 0.0 && (int.bytes().any(|b| b != b'0') || !frac.is_empty());
    if negative {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(dec);
        out.push_str(frac);
    }
    to_digits(&out, digits)
}

/// [`format_number`] in the locale's digits.
#[must_use]
pub fn number(value: f64, max_decimals: usize, locale: Locale) -> String {
    format_number(value, max_decimals, locale.effective_digits())
}

/// A whole number, grouped, in the locale's digits: "14", "١٤", "4,388".
#[must_use]
pub fn int(value: impl Into<i64>, locale: Locale) -> String {
    #[allow(clippy::cast_precision_loss)]
    let v = value.into() as f64;
    number(v, 0, locale)
}

/// A count (such as a step number) in the locale's digits.
#[must_use]
pub fn count(value: usize, locale: Locale) -> String {
    localize_digits(&value.to_string(), locale)
}

/// The year, ungrouped, in the locale's digits: "2020", "٢٠٢٠"; years
/// before 1 (astronomical numbering) as BCE years: -330 is "331 BCE",
/// "331 ق.م".
#[must_use]
pub fn year(date: Date, locale: Locale) -> String {
    year_number(date.year(), locale)
}

/// [`year`] for a year number (astronomical: 0 is 1 BCE). Years of more
/// than four digits are grouped: "13,800,000,000 BCE", "12,000".
#[must_use]
pub fn year_number(year: i64, locale: Locale) -> String {
    // 1 - year cannot overflow: years are within the calendar's.
    let shown = if year >= 1 {
        year
    } else {
        1_i64.saturating_sub(year)
    };
    let digits = if shown > 9999 {
        int(shown, locale)
    } else {
        localize_digits(&shown.to_string(), locale)
    };
    if year >= 1 {
        digits
    } else {
        tr_args(locale, "date-year-bce", &[("year", digits.into())])
    }
}

/// The full date: "1 December 2020"; "1 ديسمبر 2020", "١ كانون الأول ٢٠٢٠",
/// "1 ديسمبر/كانون الأول 2020" in Arabic.
#[must_use]
pub fn date_long(date: Date, locale: Locale) -> String {
    format!(
        "{} {} {}",
        localize_digits(&date.day().to_string(), locale),
        month_name(date.month(), locale),
        year(date, locale)
    )
}

/// The short date: "1 Dec 2020" (Arabic: as [`date_long`]).
#[must_use]
pub fn date_short(date: Date, locale: Locale) -> String {
    match locale.lang {
        Lang::En => format!(
            "{} {} {}",
            date.day(),
            month_short(date.month(), locale),
            year(date, locale)
        ),
        Lang::Ar => date_long(date, locale),
    }
}

/// Month and year for axes: "Dec 2020", "ديسمبر ٢٠٢٠".
#[must_use]
pub fn month_year(date: Date, locale: Locale) -> String {
    format!(
        "{} {}",
        month_short(date.month(), locale),
        year(date, locale)
    )
}

/// How long until a deadline, `days_left` days away (negative: passed):
/// "4 days left", "1 day left", "due today", "passed 6 days ago".
#[must_use]
pub fn countdown(days_left: i64, locale: Locale) -> String {
    match days_left {
        0 => tr_args(locale, "countdown-today", &[]),
        n if n > 0 => tr_args(locale, "countdown-left", &[("days", n.into())]),
        n => tr_args(
            locale,
            "countdown-passed",
            &[("days", n.saturating_abs().into())],
        ),
    }
}

/// A date with its precision: "10 Nov 2020", "27 Sep 2020 – 10 Nov 2020",
/// "1 – 31 Oct 2020", "before 27 Sep 2020", "on or after 27 Sep 2020 (the
/// sources give no day)"; an uncertain or approximate date says so:
/// "20 Nov 2020 (approximate)".
#[must_use]
pub fn date_spec(spec: DateSpec, locale: Locale) -> String {
    qualified(spec.qualifier(), date_spec_plain(spec, locale), locale)
}

/// [`date_spec`] without the qualifier's words.
fn date_spec_plain(spec: DateSpec, locale: Locale) -> String {
    match spec {
        DateSpec::Day { date, .. } => date_short(date, locale),
        DateSpec::Range { from, to, .. } => range(from, to, locale),
        DateSpec::Before { before, .. } => tr_args(
            locale,
            "date-before",
            &[("date", date_short(before, locale).into())],
        ),
        DateSpec::After { after, .. } => after_phrase("date-after-unreported", after, locale),
    }
}

/// The message `key` about some day from `after` on, whose `date` is
/// `after` in words.
fn after_phrase(key: &str, after: Date, locale: Locale) -> String {
    tr_args(locale, key, &[("date", date_short(after, locale).into())])
}

/// `text` (a date or a phrase with one) followed by the words for `qual`:
/// "20 Nov 2020 (uncertain)", "… (approximate)", "… (approximate,
/// uncertain)"; unchanged when the date is neither.
#[must_use]
pub fn qualified(qual: Qualifier, text: String, locale: Locale) -> String {
    let key = match (qual.uncertain, qual.approximate) {
        (false, false) => return text,
        (true, false) => "date-qualified-uncertain",
        (false, true) => "date-qualified-approximate",
        (true, true) => "date-qualified-both",
    };
    tr_args(locale, key, &[("date", text.into())])
}

/// Two days as a range: "27 Sep 2020 – 10 Nov 2020"; within one month
/// "1 – 31 Oct 2020".
#[must_use]
pub fn range(from: Date, to: Date, locale: Locale) -> String {
    tr_args(locale, "date-range", &between_args(from, to, locale))
}

/// The ends of a range as arguments `from` and `to`: the first is only its
/// day when both are in the same month ("1" and "31 Oct 2020").
fn between_args(from: Date, to: Date, locale: Locale) -> [(&'static str, Arg); 2] {
    let first = if (from.year(), from.month()) == (to.year(), to.month()) {
        localize_digits(&from.day().to_string(), locale)
    } else {
        date_short(from, locale)
    };
    [
        ("from", first.into()),
        ("to", date_short(to, locale).into()),
    ]
}

/// The date an event had certainly happened by, as a phrase: a day, or
/// "before …", or "on or after … (the sources give no day)" for an open
/// end, which never certainly has.
fn end_phrase(spec: DateSpec, locale: Locale) -> String {
    match spec {
        DateSpec::Before { .. } | DateSpec::After { .. } => date_spec_plain(spec, locale),
        DateSpec::Day { .. } | DateSpec::Range { .. } => date_short(spec.end(), locale),
    }
}

/// "since 20 Nov 2020", or "since a day between 27 Sep 2020 and 10 Nov
/// 2020" when the day is not known ("since a day between 1 and 31 Oct 2020"
/// within a month), "since a day on or after 27 Sep 2020" for an open end.
#[must_use]
pub fn since(spec: DateSpec, locale: Locale) -> String {
    let text = match spec {
        DateSpec::Range { from, to, .. } if from != to => tr_args(
            locale,
            "date-since-between",
            &between_args(from, to, locale),
        ),
        DateSpec::After { after, .. } => after_phrase("date-since-after", after, locale),
        other => tr_args(
            locale,
            "date-since",
            &[("date", end_phrase(other, locale).into())],
        ),
    };
    qualified(spec.qualifier(), text, locale)
}

/// "on 20 Nov 2020", or "on a day between 27 Sep 2020 and 10 Nov 2020",
/// or "on or after 27 Sep 2020" for an open end.
#[must_use]
pub fn on(spec: DateSpec, locale: Locale) -> String {
    let text = match spec {
        DateSpec::Range { from, to, .. } if from != to => {
            tr_args(locale, "date-on-between", &between_args(from, to, locale))
        }
        DateSpec::After { after, .. } => after_phrase("date-after", after, locale),
        other => tr_args(
            locale,
            "date-on",
            &[("date", end_phrase(other, locale).into())],
        ),
    };
    qualified(spec.qualifier(), text, locale)
}

/// When a step happened, as a heading: the day, or "On a day between … and
/// …" ("On a day between 1 and 31 Oct 2020" within a month).
#[must_use]
pub fn when(spec: DateSpec, locale: Locale) -> String {
    match spec {
        DateSpec::Range { from, to, qual } if from != to => qualified(
            qual,
            tr_args(locale, "date-when-between", &between_args(from, to, locale)),
            locale,
        ),
        other => date_spec(other, locale),
    }
}

/// A [`Date`] in words: the fixed English and Arabic forms the CLI, the
/// exporters and the TimelineJS interop write (the interface uses the
/// locale-taking functions above).
pub trait DateWords {
    /// The month's English abbreviation: "Dec".
    fn month_abbr(self) -> &'static str;
    /// The date for English readers: "1 Dec 2020".
    fn english(self) -> String;
    /// The full date for English readers: "1 December 2020".
    fn english_long(self) -> String;
    /// The date as the Arabic sources write it, with both month names:
    /// "1 ديسمبر/كانون الأول 2020" (see [`date_long`] for the other styles
    /// and digits).
    fn arabic(self) -> String;
}

impl DateWords for Date {
    fn month_abbr(self) -> &'static str {
        EN_MONTHS_SHORT[month_index(self.month())]
    }

    fn english(self) -> String {
        date_short(self, Locale::EN)
    }

    fn english_long(self) -> String {
        date_long(self, Locale::EN)
    }

    fn arabic(self) -> String {
        let locale = Locale {
            lang: Lang::Ar,
            months: MonthStyle::Both,
            digits: Digits::Latin,
        };
        date_long(self, locale)
    }
}

/// A [`DateSpec`] in English words, as the CLI writes it.
pub trait DateSpecWords {
    /// A short English rendering: "10 Nov 2020", "27 Sep 2020 – 10 Nov 2020",
    /// "before 27 Sep 2020".
    fn english(self) -> String;
    /// "since …" in English, saying plainly when the day is unknown:
    /// "since 20 Nov 2020", "since a day between 27 Sep 2020 and 10 Nov 2020".
    fn english_since(self) -> String;
    /// "on a day between 27 Sep 2020 and 10 Nov 2020", or "on 20 Nov 2020".
    fn english_on(self) -> String;
}

impl DateSpecWords for DateSpec {
    fn english(self) -> String {
        date_spec(self, Locale::EN)
    }

    fn english_since(self) -> String {
        since(self, Locale::EN)
    }

    fn english_on(self) -> String {
        on(self, Locale::EN)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_group_and_trim() {
        assert_eq!(format_number(4388.4, 0, Digits::Latin), "4,388");
        assert_eq!(format_number(1234.5, 1, Digits::Latin), "1,234.5");
        assert_eq!(format_number(-0.001, 2, Digits::Latin), "0");
        assert_eq!(format_number(-12.0, 0, Digits::Latin), "-12");
        assert_eq!(format_number(f64::NAN, 0, Digits::Latin), "0");
        assert_eq!(format_number(999.0, 0, Digits::Latin), "999");
        assert_eq!(format_number(1_000_000.0, 0, Digits::Latin), "1,000,000");
    }

    #[test]
    fn typed_arabic_indic_digits_parse() {
        assert_eq!(ascii_digits("٢٠٢٠-١١-١٠"), "2020-11-10");
        assert_eq!(ascii_digits("۲۰۲۰"), "2020");
        assert_eq!(ascii_digits("abc 12"), "abc 12");
    }

    fn d(s: &str) -> Date {
        match Date::parse(s) {
            Ok(d) => d,
            Err(e) => unreachable!("test date {s}: {e:?}"),
        }
    }

    #[test]
    fn short_english_form() {
        assert_eq!(d("2020-12-01").english(), "1 Dec 2020");
        assert_eq!(d("2020-12-01").month_abbr(), "Dec");
    }

    #[test]
    fn long_forms_in_english_and_arabic() {
        assert_eq!(d("2020-12-01").english_long(), "1 December 2020");
        assert_eq!(d("2020-12-01").arabic(), "1 ديسمبر/كانون الأول 2020");
        assert_eq!(d("2023-09-19").arabic(), "19 سبتمبر/أيلول 2023");
    }

    #[test]
    fn spec_words() {
        let r = DateSpec::range(d("2020-09-27"), d("2020-11-10"));
        let b = DateSpec::before(d("2020-09-27"));
        assert_eq!(b.english(), "before 27 Sep 2020");
        assert_eq!(b.english_since(), "since before 27 Sep 2020");
        assert_eq!(
            r.english_since(),
            "since a day between 27 Sep 2020 and 10 Nov 2020"
        );
        assert_eq!(
            DateSpec::day(d("2020-11-20")).english_on(),
            "on 20 Nov 2020"
        );
    }
}
