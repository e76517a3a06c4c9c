//! Calendar dates and the precision with which the sources give them.
//!
//! A step happens on a known day, within a range of days when the corpus only
//! bounds it (the four districts retaken during the 2020 war), or before a day
//! (the baseline). Dates are proleptic Gregorian days with no time zone,
//! written `YYYY-MM-DD` everywhere in files, CLI flags and JSON.
//!
//! A leaf: it uses nothing else in the crate. The calendar itself is
//! [`jiff::civil::Date`] (years -9999..=9999, astronomical numbering, so a
//! later BCE date needs no other library). Kept hand-written here, each for
//! a reason:
//!
//! * the strict `YYYY-MM-DD` reading: jiff's parser also takes signed
//!   six-digit years and times, and its errors are not ours; ours name the
//!   reason as data ([`DateError`]: format, month, or a day the month lacks
//!   with the month's length);
//! * `add_days` and `days_until`: thin wrappers that saturate at the ends of
//!   the calendar instead of returning jiff's overflow errors;
//! * the lower-case English weekday name the timeline's weekday check
//!   compares with (jiff's `Weekday` has no such name);
//! * `Serialize` as `YYYY-MM-DD`, so jiff needs no `serde` feature.
//!
//! The words for dates (English and
//! Arabic forms, ranges, "since"/"on") are in `i18n::format` (the
//! `DateWords` and `DateSpecWords` traits); a [`DateError`]'s message, which
//! needs the catalogues, is built in `model::diag` (`DateError::msg` and its
//! `Display`), above both.

use std::fmt;

use serde::{Serialize, Serializer};

pub mod edtf;

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(jiff::civil::Date);

/// Why a date string was refused; the text says what to write instead.
///
/// Data only: its catalogue message and `Display` (English) are given in
/// `model::diag`, since this leaf sits below the catalogues.
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

impl Date {
    /// The first day the calendar holds: 1 January of the year -9999
    /// (10000 BCE).
    pub const MIN: Self = Self(jiff::civil::Date::MIN);
    /// The last day the calendar holds: 31 December 9999.
    pub const MAX: Self = Self(jiff::civil::Date::MAX);
    /// The first year the calendar holds (astronomical: -9999 is 10000 BCE).
    pub const MIN_YEAR: i32 = -9999;
    /// The last year the calendar holds.
    pub const MAX_YEAR: i32 = 9999;

    /// Parse a strict `YYYY-MM-DD` date, rejecting days that do not exist.
    /// Years before 1 are written with a minus sign in astronomical
    /// numbering, as ISO 8601 and EDTF do: `-0330-10-01` is 1 October 331
    /// BCE, `0000-01-01` is 1 January 1 BCE.
    ///
    /// # Errors
    /// A message naming the value and what is wrong with it (format, month
    /// out of range, or a day the month does not have, such as 2020-02-30).
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let bad_format = || DateError::Format(s.to_owned());
        let (negative, unsigned) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let parts: Vec<&str> = unsigned.split('-').collect();
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
        let (Ok(year), Ok(month), Ok(day)) = (y.parse::<i16>(), m.parse::<u8>(), d.parse::<u8>())
        else {
            return Err(bad_format());
        };
        if negative && year == 0 {
            return Err(bad_format());
        }
        let year = if negative { -year } else { year };
        let (Ok(month_i), Ok(day_i)) = (i8::try_from(month), i8::try_from(day)) else {
            return Err(bad_format());
        };
        if !(1..=12).contains(&month) {
            return Err(DateError::Month(s.to_owned(), month));
        }
        jiff::civil::Date::new(year, month_i, day_i)
            .map(Self)
            .map_err(|_| {
                let last = jiff::civil::Date::new(year, month_i, 1)
                    .map_or(0, |first| first.days_in_month().unsigned_abs());
                DateError::Day(s.to_owned(), month, i32::from(year), last)
            })
    }

    /// The day with this year (astronomical: 0 is 1 BCE), month (1–12) and
    /// day of the month; `None` if the calendar has no such day.
    #[must_use]
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Self> {
        let year = i16::try_from(year).ok()?;
        let month = i8::try_from(month).ok()?;
        let day = i8::try_from(day).ok()?;
        jiff::civil::Date::new(year, month, day).ok().map(Self)
    }

    /// How many days the month `month` (1–12) of `year` has; `None` for a
    /// month or year the calendar does not hold.
    #[must_use]
    pub fn days_in_month(year: i32, month: u8) -> Option<u8> {
        Self::from_ymd(year, month, 1).map(|first| first.0.days_in_month().unsigned_abs())
    }

    /// The day `n` days after this one (negative: before); saturates at the
    /// ends of the supported calendar (years -9999 to 9999).
    #[must_use]
    pub fn add_days(self, n: i64) -> Self {
        // Any step farther than the calendar is long lands on an end; within
        // that bound the hours cannot overflow.
        let span = jiff::civil::Date::MIN.duration_until(jiff::civil::Date::MAX);
        let max_days = span.as_hours() / 24;
        let days = n.clamp(-max_days, max_days);
        Self(
            self.0
                .saturating_add(jiff::SignedDuration::from_hours(days * 24)),
        )
    }

    /// Whole days from `self` to `other` (negative if `other` is earlier).
    #[must_use]
    pub fn days_until(self, other: Self) -> i64 {
        self.0.duration_until(other.0).as_hours() / 24
    }

    /// The English name of the weekday, lower case ("tuesday").
    #[must_use]
    pub fn weekday_name(self) -> String {
        use jiff::civil::Weekday;
        match self.0.weekday() {
            Weekday::Monday => "monday",
            Weekday::Tuesday => "tuesday",
            Weekday::Wednesday => "wednesday",
            Weekday::Thursday => "thursday",
            Weekday::Friday => "friday",
            Weekday::Saturday => "saturday",
            Weekday::Sunday => "sunday",
        }
        .to_owned()
    }

    /// The date as `YYYY-MM-DD` (`-YYYY-MM-DD` before the year 0).
    #[must_use]
    pub fn iso(self) -> String {
        format!(
            "{}-{:02}-{:02}",
            iso_year(self.year()),
            self.month(),
            self.day()
        )
    }

    /// The year, astronomical: 0 is 1 BCE, -330 is 331 BCE.
    #[must_use]
    pub fn year(self) -> i32 {
        i32::from(self.0.year())
    }

    /// The month, 1–12.
    #[must_use]
    pub fn month(self) -> u8 {
        self.0.month().unsigned_abs()
    }

    /// The day of the month, 1–31.
    #[must_use]
    pub fn day(self) -> u8 {
        self.0.day().unsigned_abs()
    }

    /// The last day of this day's month.
    #[must_use]
    pub fn last_of_month(self) -> Self {
        Self(self.0.last_of_month())
    }

    /// The first day of the following month (the last day of the calendar,
    /// 9999-12-31, in its last month).
    #[must_use]
    pub fn first_of_next_month(self) -> Self {
        self.last_of_month().add_days(1)
    }
}

/// A year as ISO 8601 and EDTF write it: four digits at least, a minus sign
/// before the year 0 (`2020`, `0000`, `-0330`).
#[must_use]
pub fn iso_year(year: i32) -> String {
    if year < 0 {
        format!("-{:04}", year.unsigned_abs())
    } else {
        format!("{year:04}")
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

/// How sure the sources are of a date, as EDTF level 1 marks it: `?`
/// uncertain ("possibly"), `~` approximate ("about"), `%` both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Qualifier {
    /// The sources are not sure of it (EDTF `?`).
    pub uncertain: bool,
    /// The sources give it approximately (EDTF `~`).
    pub approximate: bool,
}

impl Qualifier {
    /// Neither uncertain nor approximate.
    pub const NONE: Self = Self {
        uncertain: false,
        approximate: false,
    };

    /// Whether it says nothing (neither uncertain nor approximate).
    #[must_use]
    pub fn is_none(self) -> bool {
        self == Self::NONE
    }

    /// Both qualifiers together: what either of two dates has.
    #[must_use]
    pub fn union(self, other: Self) -> Self {
        Self {
            uncertain: self.uncertain || other.uncertain,
            approximate: self.approximate || other.approximate,
        }
    }

    /// The EDTF suffix: "", "?", "~" or "%".
    #[must_use]
    pub fn edtf_suffix(self) -> &'static str {
        match (self.uncertain, self.approximate) {
            (false, false) => "",
            (true, false) => "?",
            (false, true) => "~",
            (true, true) => "%",
        }
    }

    /// The qualifier an EDTF suffix character stands for.
    #[must_use]
    pub fn from_edtf_suffix(c: char) -> Option<Self> {
        match c {
            '?' => Some(Self {
                uncertain: true,
                approximate: false,
            }),
            '~' => Some(Self {
                uncertain: false,
                approximate: true,
            }),
            '%' => Some(Self {
                uncertain: true,
                approximate: true,
            }),
            _ => None,
        }
    }
}

/// When something happened, with the precision the sources allow.
///
/// Serialised the way it is written in the dataset files: a day as
/// `"YYYY-MM-DD"`, a range as `{"from": ..., "to": ...}`, the situation before
/// a day as `{"before": ...}`; a date the sources mark as uncertain or
/// approximate as its EDTF string (`"2020-11-20?"`,
/// `"2020-09-27~/2020-11-10~"`, `"../2020-09-26?"`), which the dataset files
/// also accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSpec {
    /// On a known day.
    Day {
        /// The day.
        date: Date,
        /// How sure the sources are of it.
        qual: Qualifier,
    },
    /// On some day from `from` to `to`, both included; the sources do not say which.
    Range {
        /// The first possible day.
        from: Date,
        /// The last possible day.
        to: Date,
        /// How sure the sources are of the range.
        qual: Qualifier,
    },
    /// At some time before `before` (the situation the sources describe as
    /// holding until then).
    Before {
        /// The first day this no longer describes.
        before: Date,
        /// How sure the sources are of that day.
        qual: Qualifier,
    },
}

impl DateSpec {
    /// On a known day, as sure as the sources can be.
    #[must_use]
    pub fn day(date: Date) -> Self {
        Self::Day {
            date,
            qual: Qualifier::NONE,
        }
    }

    /// On some day from `from` to `to` (both included).
    #[must_use]
    pub fn range(from: Date, to: Date) -> Self {
        Self::Range {
            from,
            to,
            qual: Qualifier::NONE,
        }
    }

    /// At some time before `before`.
    #[must_use]
    pub fn before(before: Date) -> Self {
        Self::Before {
            before,
            qual: Qualifier::NONE,
        }
    }

    /// The same date with the qualifier `qual`.
    #[must_use]
    pub fn with_qualifier(self, qual: Qualifier) -> Self {
        match self {
            Self::Day { date, .. } => Self::Day { date, qual },
            Self::Range { from, to, .. } => Self::Range { from, to, qual },
            Self::Before { before, .. } => Self::Before { before, qual },
        }
    }

    /// How sure the sources are of the date.
    #[must_use]
    pub fn qualifier(self) -> Qualifier {
        match self {
            Self::Day { qual, .. } | Self::Range { qual, .. } | Self::Before { qual, .. } => qual,
        }
    }

    /// The first day the event may have happened on (for `Before`, the day
    /// before `before`: the last day the situation is known to hold).
    #[must_use]
    pub fn start(self) -> Date {
        match self {
            Self::Day { date, .. } => date,
            Self::Range { from, .. } => from,
            Self::Before { before, .. } => before.add_days(-1),
        }
    }

    /// The first day by which the event had certainly happened.
    #[must_use]
    pub fn end(self) -> Date {
        match self {
            Self::Day { date, .. } => date,
            Self::Range { to, .. } => to,
            Self::Before { before, .. } => before.add_days(-1),
        }
    }

    /// Whether the exact day is unknown (a range of more than one day).
    #[must_use]
    pub fn is_uncertain(self) -> bool {
        matches!(self, Self::Range { from, to, .. } if from != to)
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

    /// The date in EDTF (levels 0 and 1), which [`edtf::parse_edtf`] reads
    /// back as the same date: `2020-11-20`, `2020-11-20?`, a whole month
    /// `2020-10`, a whole year `-0330`, any other range `2020-09-27/2020-11-10`
    /// (the qualifier on both ends), the situation before a day
    /// `../2020-09-26`.
    #[must_use]
    pub fn edtf(self) -> String {
        let q = self.qualifier().edtf_suffix();
        match self {
            Self::Day { date, .. } => format!("{date}{q}"),
            Self::Range { from, to, .. } => {
                if from.day() == 1 && to == from.last_of_month() {
                    format!("{}-{:02}{q}", iso_year(from.year()), from.month())
                } else if from.year() == to.year()
                    && (from.month(), from.day()) == (1, 1)
                    && (to.month(), to.day()) == (12, 31)
                {
                    format!("{}{q}", iso_year(from.year()))
                } else {
                    format!("{from}{q}/{to}{q}")
                }
            }
            Self::Before { before, .. } => format!("../{}{q}", before.add_days(-1)),
        }
    }
}

impl Serialize for DateSpec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        if !self.qualifier().is_none() {
            return s.serialize_str(&self.edtf());
        }
        match *self {
            Self::Day { date, .. } => date.serialize(s),
            Self::Range { from, to, .. } => {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("from", &from)?;
                m.serialize_entry("to", &to)?;
                m.end()
            }
            Self::Before { before, .. } => {
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry("before", &before)?;
                m.end()
            }
        }
    }
}

impl From<Date> for DateSpec {
    fn from(date: Date) -> Self {
        Self::day(date)
    }
}

impl fmt::Display for DateSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let q = self.qualifier().edtf_suffix();
        match *self {
            Self::Day { date, .. } => write!(f, "{date}{q}"),
            Self::Range { from, to, .. } => write!(f, "{from}..{to}{q}"),
            Self::Before { before, .. } => write!(f, "before {before}{q}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        match Date::parse(s) {
            Ok(d) => d,
            Err(e) => unreachable!("test date {s}: {e:?}"),
        }
    }

    #[test]
    fn parses_real_days_and_names_their_weekday() {
        assert_eq!(d("2020-12-01").weekday_name(), "tuesday");
        assert_eq!(d("2023-09-19").weekday_name(), "tuesday");
        assert_eq!(d("2020-02-29").iso(), "2020-02-29");
    }

    #[test]
    fn names_every_weekday() {
        let names: Vec<String> = (0..7)
            .map(|i| d("2020-11-09").add_days(i).weekday_name())
            .collect();
        assert_eq!(
            names,
            [
                "monday",
                "tuesday",
                "wednesday",
                "thursday",
                "friday",
                "saturday",
                "sunday"
            ]
        );
    }

    #[test]
    fn refusals_carry_the_reason_as_data() {
        assert_eq!(
            Date::parse("2020-02-30"),
            Err(DateError::Day("2020-02-30".into(), 2, 2020, 29))
        );
        assert_eq!(
            Date::parse("2021-02-00"),
            Err(DateError::Day("2021-02-00".into(), 2, 2021, 28))
        );
        assert_eq!(
            Date::parse("2021-13-01"),
            Err(DateError::Month("2021-13-01".into(), 13))
        );
        assert_eq!(
            Date::parse("2021-00-01"),
            Err(DateError::Month("2021-00-01".into(), 0))
        );
        for bad in [
            "10/11/2020",
            "2020-1-01",
            "",
            "+020-11-10",
            "--2020-11-10",
            "-0000-01-01",
        ] {
            assert_eq!(
                Date::parse(bad),
                Err(DateError::Format(bad.into())),
                "{bad}"
            );
        }
    }

    #[test]
    fn year_zero_and_the_last_year_parse() {
        assert_eq!(d("0000-03-01").year(), 0);
        assert_eq!(d("0000-03-01").add_days(-1), d("0000-02-29"));
        assert_eq!(d("9999-12-31").iso(), "9999-12-31");
    }

    #[test]
    fn bce_years_are_written_and_read_with_a_minus_sign() {
        let bce331 = d("-0330-10-01");
        assert_eq!(bce331.year(), -330);
        assert_eq!(bce331.iso(), "-0330-10-01");
        assert_eq!(d("-9999-01-01"), Date::MIN);
        assert_eq!(Date::MIN.iso(), "-9999-01-01");
        // 1 BCE (year 0) is followed by 1 CE, with no year between.
        assert_eq!(d("0000-12-31").add_days(1), d("0001-01-01"));
        assert_eq!(d("-0001-12-31").add_days(1), d("0000-01-01"));
        assert_eq!(Date::from_ymd(-330, 2, 29), None);
        assert_eq!(Date::days_in_month(-4, 2), Some(29));
        assert_eq!(Date::days_in_month(-3, 2), Some(28));
    }

    #[test]
    fn first_of_next_month_crosses_months_and_years() {
        assert_eq!(d("2020-01-31").first_of_next_month(), d("2020-02-01"));
        assert_eq!(d("2020-02-01").first_of_next_month(), d("2020-03-01"));
        assert_eq!(d("2020-12-15").first_of_next_month(), d("2021-01-01"));
        assert_eq!(d("9999-12-15").first_of_next_month(), Date::MAX);
    }

    #[test]
    fn arithmetic_round_trips() {
        let a = d("2020-11-10");
        assert_eq!(a.add_days(21), d("2020-12-01"));
        assert_eq!(a.days_until(d("2020-12-01")), 21);
        assert_eq!(d("2020-12-01").add_days(-21), a);
    }

    #[test]
    fn arithmetic_saturates_at_the_ends_of_the_calendar() {
        let a = d("2020-11-10");
        assert_eq!(a.add_days(i64::MAX), d("9999-12-31"));
        assert_eq!(a.add_days(i64::MIN).year(), -9999);
        assert_eq!(d("9999-12-30").add_days(5), d("9999-12-31"));
        assert_eq!(d("2020-01-01").days_until(d("2021-01-01")), 366);
        assert_eq!(d("2021-01-01").days_until(d("2020-01-01")), -366);
    }

    #[test]
    fn spec_bounds() {
        let r = DateSpec::range(d("2020-09-27"), d("2020-11-10"));
        assert!(r.is_uncertain());
        assert_eq!(r.start(), d("2020-09-27"));
        assert_eq!(r.end(), d("2020-11-10"));
        let b = DateSpec::before(d("2020-09-27"));
        assert_eq!(b.end(), d("2020-09-26"));
    }

    #[test]
    fn specs_serialise_and_display_as_the_files_write_them() {
        let r = DateSpec::range(d("2020-09-27"), d("2020-11-10"));
        let b = DateSpec::before(d("2020-09-27"));
        let day = DateSpec::from(d("2020-11-20"));
        assert_eq!(r.to_string(), "2020-09-27..2020-11-10");
        assert_eq!(b.to_string(), "before 2020-09-27");
        assert_eq!(
            serde_json::to_string(&[r, b, day]).ok().as_deref(),
            Some(
                r#"[{"from":"2020-09-27","to":"2020-11-10"},{"before":"2020-09-27"},"2020-11-20"]"#
            )
        );
        assert_eq!(day.precision(), "day");
    }

    #[test]
    fn every_day_of_two_centuries_round_trips_and_counts() {
        let start = d("1900-01-01");
        let names = [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ];
        let mut prev = start;
        // 1900-01-01 was a Monday; 73,049 days run to 2099-12-31.
        for i in 0..73_049_i64 {
            let day = start.add_days(i);
            assert_eq!(Date::parse(&day.iso()), Ok(day));
            assert_eq!(start.days_until(day), i);
            assert_eq!(day.weekday_name(), names[(i % 7) as usize]);
            if i > 0 {
                assert!(prev < day);
                let next_month = prev.month() % 12 + 1;
                assert!(
                    (day.month(), day.day()) == (prev.month(), prev.day() + 1)
                        || (day.month(), day.day()) == (next_month, 1),
                    "{prev} then {day}"
                );
            }
            prev = day;
        }
        assert_eq!(prev, d("2099-12-31"));
    }
}
