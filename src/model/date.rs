//! Calendar dates and the precision with which the sources give them.
//!
//! A step happens on a known day, within a range of days when the corpus only
//! bounds it (the four districts retaken during the 2020 war), or before a day
//! (the baseline). Dates are proleptic Gregorian days with no time zone,
//! written `YYYY-MM-DD` everywhere in files, CLI flags and JSON.

use std::fmt;

use serde::{Serialize, Serializer};

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(time::Date);

/// Why a date string was refused; the text says what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not `YYYY-MM-DD`.
    Format(String),
    /// A month outside 01–12.
    Month(String, u8),
    /// A day the month does not have: the text, month, year and the
    /// month's length.
    Day(String, u8, i32, u8),
}

impl DateError {
    /// The reason as a catalogue message.
    #[must_use]
    pub fn msg(&self) -> crate::model::diag::Msg {
        use crate::model::diag::{Msg, MsgArg};
        match self {
            Self::Format(s) => Msg::new("date-err-format").text("value", s),
            Self::Month(s, m) => Msg::new("date-err-month")
                .text("value", s)
                .num("month", format!("{m:02}")),
            Self::Day(s, m, y, last) => Msg::new("date-err-day")
                .text("value", s)
                .arg("month", MsgArg::Month(*m))
                .num("year", y)
                .num("days", last),
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg().render(crate::i18n::Locale::EN))
    }
}

impl std::error::Error for DateError {}

impl Date {
    /// Parse a strict `YYYY-MM-DD` date, rejecting days that do not exist.
    ///
    /// # Errors
    /// A message naming the value and what is wrong with it (format, month
    /// out of range, or a day the month does not have, such as 2020-02-30).
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let bad_format = || DateError::Format(s.to_owned());
        let parts: Vec<&str> = s.split('-').collect();
        let [y, m, d] = parts.as_slice() else {
            return Err(bad_format());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad_format());
        }
        let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if !(all_digits(y) && all_digits(m) && all_digits(d)) {
            return Err(bad_format());
        }
        let (Ok(year), Ok(month), Ok(day)) = (y.parse::<i32>(), m.parse::<u8>(), d.parse::<u8>())
        else {
            return Err(bad_format());
        };
        let month =
            time::Month::try_from(month).map_err(|_| DateError::Month(s.to_owned(), month))?;
        let date = time::Date::from_calendar_date(year, month, day)
            .map_err(|_| DateError::Day(s.to_owned(), u8::from(month), year, month.length(year)))?;
        Ok(Self(date))
    }

    /// The day `n` days after this one (negative: before); saturates at the
    /// ends of the supported calendar.
    #[must_use]
    pub fn add_days(self, n: i64) -> Self {
        let target = i64::from(self.0.to_julian_day()).saturating_add(n);
        let clamped = target.clamp(
            i64::from(time::Date::MIN.to_julian_day()),
            i64::from(time::Date::MAX.to_julian_day()),
        );
        i32::try_from(clamped)
            .ok()
            .and_then(|j| time::Date::from_julian_day(j).ok())
            .map_or(self, Self)
    }

    /// Whole days from `self` to `other` (negative if `other` is earlier).
    #[must_use]
    pub fn days_until(self, other: Self) -> i64 {
        i64::from(other.0.to_julian_day()) - i64::from(self.0.to_julian_day())
    }

    /// The English name of the weekday, lower case ("tuesday").
    #[must_use]
    pub fn weekday_name(self) -> String {
        self.0.weekday().to_string().to_lowercase()
    }

    /// The date as `YYYY-MM-DD`.
    #[must_use]
    pub fn iso(self) -> String {
        format!(
            "{:04}-{:02}-{:02}",
            self.0.year(),
            u8::from(self.0.month()),
            self.0.day()
        )
    }

    /// The year.
    #[must_use]
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// The month, 1–12.
    #[must_use]
    pub fn month(self) -> u8 {
        u8::from(self.0.month())
    }

    /// The day of the month, 1–31.
    #[must_use]
    pub fn day(self) -> u8 {
        self.0.day()
    }

    /// The first day of the following month.
    #[must_use]
    pub fn first_of_next_month(self) -> Self {
        // Day 32 counted from the 1st always lands in the next month.
        let in_next = self.add_days(32 - i64::from(self.day()));
        in_next.add_days(1 - i64::from(in_next.day()))
    }

    /// The month's English abbreviation: "Dec".
    #[must_use]
    pub fn month_abbr(self) -> &'static str {
        crate::i18n::format::EN_MONTHS_SHORT[usize::from(self.month()).saturating_sub(1).min(11)]
    }

    /// The full date for English readers: "1 December 2020".
    #[must_use]
    pub fn english_long(self) -> String {
        crate::i18n::format::date_long(self, crate::i18n::Locale::EN)
    }

    /// The date as the Arabic sources write it, with both month names:
    /// "1 ديسمبر/كانون الأول 2020" (see [`crate::i18n::format`] for the
    /// other styles and digits).
    #[must_use]
    pub fn arabic(self) -> String {
        use crate::i18n::{Digits, Lang, Locale, MonthStyle};
        let locale = Locale {
            lang: Lang::Ar,
            months: MonthStyle::Both,
            digits: Digits::Latin,
        };
        crate::i18n::format::date_long(self, locale)
    }

    /// The date for English readers: "1 Dec 2020".
    #[must_use]
    pub fn english(self) -> String {
        crate::i18n::format::date_short(self, crate::i18n::Locale::EN)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

/// When something happened, with the precision the sources allow.
///
/// Serialised the way it is written in the dataset files: a day as
/// `"YYYY-MM-DD"`, a range as `{"from": ..., "to": ...}`, the situation before
/// a day as `{"before": ...}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSpec {
    /// On a known day.
    Day {
        /// The day.
        date: Date,
    },
    /// On some day from `from` to `to`, both included; the sources do not say which.
    Range {
        /// The first possible day.
        from: Date,
        /// The last possible day.
        to: Date,
    },
    /// At some time before `before` (the situation the sources describe as
    /// holding until then).
    Before {
        /// The first day this no longer describes.
        before: Date,
    },
}

impl DateSpec {
    /// The first day the event may have happened on (for `Before`, the day
    /// before `before`: the last day the situation is known to hold).
    #[must_use]
    pub fn start(self) -> Date {
        match self {
            Self::Day { date } => date,
            Self::Range { from, .. } => from,
            Self::Before { before } => before.add_days(-1),
        }
    }

    /// The first day by which the event had certainly happened.
    #[must_use]
    pub fn end(self) -> Date {
        match self {
            Self::Day { date } => date,
            Self::Range { to, .. } => to,
            Self::Before { before } => before.add_days(-1),
        }
    }

    /// Whether the exact day is unknown (a range of more than one day).
    #[must_use]
    pub fn is_uncertain(self) -> bool {
        matches!(self, Self::Range { from, to } if from != to)
    }

    /// The precision's name: `day`, `range` or `before`.
    #[must_use]
    pub fn precision(self) -> &'static str {
        match self {
            Self::Day { .. } => "day",
            Self::Range { .. } => "range",
            Self::Before { .. } => "before",
        }
    }

    /// A short English rendering: "10 Nov 2020", "27 Sep 2020 – 10 Nov 2020",
    /// "before 27 Sep 2020".
    #[must_use]
    pub fn english(self) -> String {
        crate::i18n::format::date_spec(self, crate::i18n::Locale::EN)
    }
}

impl Serialize for DateSpec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match *self {
            Self::Day { date } => date.serialize(s),
            Self::Range { from, to } => {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("from", &from)?;
                m.serialize_entry("to", &to)?;
                m.end()
            }
            Self::Before { before } => {
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry("before", &before)?;
                m.end()
            }
        }
    }
}

impl DateSpec {
    /// "since …" in English, saying plainly when the day is unknown:
    /// "since 20 Nov 2020", "since a day between 27 Sep 2020 and 10 Nov 2020".
    #[must_use]
    pub fn english_since(self) -> String {
        crate::i18n::format::since(self, crate::i18n::Locale::EN)
    }

    /// "on a day between 27 Sep 2020 and 10 Nov 2020", or "on 20 Nov 2020".
    #[must_use]
    pub fn english_on(self) -> String {
        crate::i18n::format::on(self, crate::i18n::Locale::EN)
    }
}

impl From<Date> for DateSpec {
    fn from(date: Date) -> Self {
        Self::Day { date }
    }
}

impl fmt::Display for DateSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Day { date } => write!(f, "{date}"),
            Self::Range { from, to } => write!(f, "{from}..{to}"),
            Self::Before { before } => write!(f, "before {before}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        match Date::parse(s) {
            Ok(d) => d,
            Err(e) => unreachable!("test date {s}: {e}"),
        }
    }

    #[test]
    fn parses_real_days_and_names_their_weekday() {
        assert_eq!(d("2020-12-01").weekday_name(), "tuesday");
        assert_eq!(d("2023-09-19").weekday_name(), "tuesday");
        assert_eq!(d("2020-12-01").english(), "1 Dec 2020");
        assert_eq!(d("2020-02-29").iso(), "2020-02-29");
    }

    #[test]
    fn refuses_days_that_do_not_exist_with_the_reason() {
        let e = Date::parse("2020-02-30").err().map(|e| e.to_string());
        assert_eq!(
            e.as_deref(),
            Some("'2020-02-30' does not exist: February 2020 has 29 days")
        );
        let e = Date::parse("2021-13-01").err().map(|e| e.to_string());
        assert!(e.is_some_and(|e| e.contains("month 13")));
    }

    #[test]
    fn refuses_other_formats() {
        for bad in [
            "10/11/2020",
            "2020-1-01",
            "2020-11-10T00:00",
            "",
            "yyyy-mm-dd",
            "+020-11-10",
        ] {
            let e = Date::parse(bad)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(e.contains("YYYY-MM-DD"), "{bad}: {e}");
        }
    }

    #[test]
    fn long_forms_in_english_and_arabic() {
        assert_eq!(d("2020-12-01").english_long(), "1 December 2020");
        assert_eq!(d("2020-12-01").arabic(), "1 ديسمبر/كانون الأول 2020");
        assert_eq!(d("2023-09-19").arabic(), "19 سبتمبر/أيلول 2023");
    }

    #[test]
    fn first_of_next_month_crosses_months_and_years() {
        assert_eq!(d("2020-01-31").first_of_next_month(), d("2020-02-01"));
        assert_eq!(d("2020-02-01").first_of_next_month(), d("2020-03-01"));
        assert_eq!(d("2020-12-15").first_of_next_month(), d("2021-01-01"));
    }

    #[test]
    fn arithmetic_round_trips() {
        let a = d("2020-11-10");
        assert_eq!(a.add_days(21), d("2020-12-01"));
        assert_eq!(a.days_until(d("2020-12-01")), 21);
        assert_eq!(d("2020-12-01").add_days(-21), a);
    }

    #[test]
    fn spec_bounds() {
        let r = DateSpec::Range {
            from: d("2020-09-27"),
            to: d("2020-11-10"),
        };
        assert!(r.is_uncertain());
        assert_eq!(r.start(), d("2020-09-27"));
        assert_eq!(r.end(), d("2020-11-10"));
        let b = DateSpec::Before {
            before: d("2020-09-27"),
        };
        assert_eq!(b.end(), d("2020-09-26"));
        assert_eq!(b.english(), "before 27 Sep 2020");
        assert_eq!(b.english_since(), "since before 27 Sep 2020");
        assert_eq!(
            r.english_since(),
            "since a day between 27 Sep 2020 and 10 Nov 2020"
        );
        assert_eq!(
            DateSpec::Day {
                date: d("2020-11-20")
            }
            .english_on(),
            "on 20 Nov 2020"
        );
    }
}
