//! Calendar dates and the precision with which the sources give them.
//!
//! A step happens on a known day, within a range of days when the corpus only
//! bounds it (the four districts retaken during the 2020 war), before a day
//! (the baseline), or on some day from a day on that the sources do not give
//! (an open end). Dates are proleptic Gregorian days with no time zone,
//! written `YYYY-MM-DD` everywhere in files, CLI flags and JSON.
//!
//! A leaf: it uses nothing else in the crate. The calendar is its own:
//! a [`Date`] is a signed count of days since 1970-01-01, converted to and
//! from year, month and day by Howard Hinnant's algorithms (`date::civil`),
//! proleptic Gregorian with astronomical year numbering (0 is 1 BCE), for
//! every year from [`Date::MIN_YEAR`] to [`Date::MAX_YEAR`]
//! (±999,999,999,999: a timeline may start with the Big Bang, 13.8 billion
//! years ago). All arithmetic saturates at those ends, so no input can
//! overflow it.
//!
//! Years of more than four digits are written as ISO 8601 expanded years,
//! with their sign: `+12000-03-01`, `-13800000000-01-01`.
//!
//! The words for dates (English and
//! Arabic forms, ranges, "since"/"on") are in `i18n::format` (the
//! `DateWords` and `DateSpecWords` traits); a [`DateError`]'s message, which
//! needs the catalogues, is built in `model::diag` (`DateError::msg` and its
//! `Display`), above both.

use std::fmt;

use serde::{Serialize, Serializer};

mod civil;
pub mod edtf;

use civil::{civil_from_days, days_from_civil, month_length};

/// A calendar day: days since 1970-01-01 (negative before it), always
/// within [`Date::MIN`]..=[`Date::MAX`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i64);

/// Why a date string was refused; the text says what to write instead.
///
/// Data only: its catalogue message and `Display` (English) are given in
/// `model::diag`, since this leaf sits below the catalogues.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not `YYYY-MM-DD` (nor an expanded year such as `+12000-03-01`), or a
    /// year beyond [`Date::MIN_YEAR`]..=[`Date::MAX_YEAR`].
    Format(String),
    /// A month outside 01–12.
    Month(String, u8),
    /// A day the month does not have: the text, month, year and the
    /// month's length.
    Day(String, u8, i64, u8),
}

impl Date {
    /// The first year the calendar holds (astronomical: -999,999,999,999 is
    /// 1,000,000,000,000 BCE).
    pub const MIN_YEAR: i64 = -999_999_999_999;
    /// The last year the calendar holds.
    pub const MAX_YEAR: i64 = 999_999_999_999;
    /// The first day the calendar holds: 1 January of [`Date::MIN_YEAR`].
    pub const MIN: Self = Self(days_from_civil(Self::MIN_YEAR, 1, 1));
    /// The last day the calendar holds: 31 December of [`Date::MAX_YEAR`].
    pub const MAX: Self = Self(days_from_civil(Self::MAX_YEAR, 12, 31));

    /// Parse a strict `YYYY-MM-DD` date, rejecting days that do not exist.
    /// Years before 1 are written with a minus sign in astronomical
    /// numbering, as ISO 8601 and EDTF do: `-0330-10-01` is 1 October 331
    /// BCE, `0000-01-01` is 1 January 1 BCE. Years of more than four digits
    /// are ISO 8601 expanded years, signed: `+12000-03-01`,
    /// `-13800000000-01-01`.
    ///
    /// # Errors
    /// A message naming the value and what is wrong with it (format, a year
    /// the calendar does not hold, month out of range, or a day the month
    /// does not have, such as 2020-02-30).
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let bad_format = || DateError::Format(s.to_owned());
        let (sign, unsigned) = YearSign::split(s);
        let parts: Vec<&str> = unsigned.split('-').collect();
        let [y, m, d] = parts.as_slice() else {
            return Err(bad_format());
        };
        if !sign.allows(y.len()) || m.len() != 2 || d.len() != 2 {
            return Err(bad_format());
        }
        let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if !(all_digits(y) && all_digits(m) && all_digits(d)) {
            return Err(bad_format());
        }
        let (Ok(year), Ok(month), Ok(day)) = (y.parse::<i64>(), m.parse::<u8>(), d.parse::<u8>())
        else {
            return Err(bad_format());
        };
        if sign == YearSign::Minus && year == 0 {
            return Err(bad_format());
        }
        let year = if sign == YearSign::Minus { -year } else { year };
        if !(Self::MIN_YEAR..=Self::MAX_YEAR).contains(&year) {
            return Err(bad_format());
        }
        if !(1..=12).contains(&month) {
            return Err(DateError::Month(s.to_owned(), month));
        }
        Self::from_ymd(year, month, day)
            .ok_or_else(|| DateError::Day(s.to_owned(), month, year, month_length(year, month)))
    }

    /// The day with this year (astronomical: 0 is 1 BCE), month (1–12) and
    /// day of the month; `None` if the calendar has no such day.
    #[must_use]
    pub fn from_ymd(year: i64, month: u8, day: u8) -> Option<Self> {
        let last = Self::days_in_month(year, month)?;
        (1..=last)
            .contains(&day)
            .then(|| Self(days_from_civil(year, month, day)))
    }

    /// How many days the month `month` (1–12) of `year` has; `None` for a
    /// month or year the calendar does not hold.
    #[must_use]
    pub fn days_in_month(year: i64, month: u8) -> Option<u8> {
        if !(Self::MIN_YEAR..=Self::MAX_YEAR).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        Some(month_length(year, month))
    }

    /// The day `n` days after this one (negative: before); saturates at
    /// [`Date::MIN`] and [`Date::MAX`].
    #[must_use]
    pub fn add_days(self, n: i64) -> Self {
        Self(self.0.saturating_add(n).clamp(Self::MIN.0, Self::MAX.0))
    }

    /// Whole days from `self` to `other` (negative if `other` is earlier).
    #[must_use]
    pub fn days_until(self, other: Self) -> i64 {
        // Both are within MIN..=MAX, about 7.3 × 10^14 days apart at most.
        other.0 - self.0
    }

    /// The English name of the weekday, lower case ("tuesday").
    #[must_use]
    pub fn weekday_name(self) -> String {
        // 1970-01-01 was a Thursday.
        match (self.0 + 3).rem_euclid(7) {
            0 => "monday",
            1 => "tuesday",
            2 => "wednesday",
            3 => "thursday",
            4 => "friday",
            5 => "saturday",
            _ => "sunday",
        }
        .to_owned()
    }

    /// The date as `YYYY-MM-DD` (`-YYYY-MM-DD` before the year 0; an
    /// expanded year with its sign beyond four digits: `+12000-03-01`,
    /// `-13800000000-01-01`), which [`Date::parse`] reads back.
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
    pub fn year(self) -> i64 {
        civil_from_days(self.0).0
    }

    /// The month, 1–12.
    #[must_use]
    pub fn month(self) -> u8 {
        civil_from_days(self.0).1
    }

    /// The day of the month, 1–31.
    #[must_use]
    pub fn day(self) -> u8 {
        civil_from_days(self.0).2
    }

    /// The last day of this day's month.
    #[must_use]
    pub fn last_of_month(self) -> Self {
        let (y, m, d) = civil_from_days(self.0);
        self.add_days(i64::from(month_length(y, m)) - i64::from(d))
    }

    /// The first day of the following month (the last day of the calendar,
    /// [`Date::MAX`], in its last month).
    #[must_use]
    pub fn first_of_next_month(self) -> Self {
        self.last_of_month().add_days(1)
    }
}

/// The sign written before a year: a minus (before the year 0), a plus (an
/// ISO 8601 expanded year, of more than four digits), or none. Read the
/// same way by [`Date::parse`] and [`edtf::parse_edtf`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum YearSign {
    /// No sign: a year from 0 to 9999, in four digits.
    None,
    /// `-`: a year before the year 0, in four digits or more.
    Minus,
    /// `+`: an expanded year after 9999, in five digits or more.
    Plus,
}

impl YearSign {
    /// The sign at the start of `s`, and the rest of `s`.
    fn split(s: &str) -> (Self, &str) {
        match s.as_bytes().first() {
            Some(b'-') => (Self::Minus, &s[1..]),
            Some(b'+') => (Self::Plus, &s[1..]),
            _ => (Self::None, s),
        }
    }

    /// Whether a year after this sign may be written with `digits` digits.
    fn allows(self, digits: usize) -> bool {
        match self {
            Self::None => digits == 4,
            Self::Minus => digits >= 4,
            Self::Plus => digits >= 5,
        }
    }
}

/// A year as ISO 8601 and EDTF write it: four digits at least, a minus sign
/// before the year 0 (`2020`, `0000`, `-0330`), and a plus sign on a year of
/// more than four digits (`+12000`, `-13800000000`).
#[must_use]
pub fn iso_year(year: i64) -> String {
    if year < 0 {
        format!("-{:04}", year.unsigned_abs())
    } else if year > 9999 {
        format!("+{year}")
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
/// a day as `{"before": ...}`, a change from a day on as `{"after": ...}`;
/// a date the sources mark as uncertain or approximate as its EDTF string
/// (`"2020-11-20?"`, `"2020-09-27~/2020-11-10~"`, `"../2020-09-26?"`,
/// `"2020-09-27?/.."`), which the dataset files also accept.
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
    /// On some day from `after` on (EDTF `2020-09-27/..`): the sources do
    /// not say when, and it may not have happened yet. It never settles:
    /// [`DateSpec::end`] is the calendar's last day.
    After {
        /// The first day it may have happened on.
        after: Date,
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

    /// On some day from `after` on, the sources not saying when.
    #[must_use]
    pub fn after(after: Date) -> Self {
        Self::After {
            after,
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
            Self::After { after, .. } => Self::After { after, qual },
        }
    }

    /// How sure the sources are of the date.
    #[must_use]
    pub fn qualifier(self) -> Qualifier {
        match self {
            Self::Day { qual, .. }
            | Self::Range { qual, .. }
            | Self::Before { qual, .. }
            | Self::After { qual, .. } => qual,
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
            Self::After { after, .. } => after,
        }
    }

    /// The first day by which the event had certainly happened; for
    /// `After`, which never certainly has, [`Date::MAX`] (so a change with
    /// an open end stays under way on every day a dataset can reach).
    #[must_use]
    pub fn end(self) -> Date {
        match self {
            Self::Day { date, .. } => date,
            Self::Range { to, .. } => to,
            Self::Before { before, .. } => before.add_days(-1),
            Self::After { .. } => Date::MAX,
        }
    }

    /// Whether the exact day is unknown (a range of more than one day, or
    /// an open end).
    #[must_use]
    pub fn is_uncertain(self) -> bool {
        match self {
            Self::Range { from, to, .. } => from != to,
            Self::After { .. } => true,
            Self::Day { .. } | Self::Before { .. } => false,
        }
    }

    /// Whether it has an open end ([`DateSpec::After`]): it never certainly
    /// happened, so it has no day by which it had.
    #[must_use]
    pub fn has_open_end(self) -> bool {
        matches!(self, Self::After { .. })
    }

    /// The precision's name: `day`, `range`, `before` or `after`.
    #[must_use]
    pub fn precision(self) -> &'static str {
        match self {
            Self::Day { .. } => "day",
            Self::Range { .. } => "range",
            Self::Before { .. } => "before",
            Self::After { .. } => "after",
        }
    }

    /// The date in EDTF (levels 0 and 1), which [`edtf::parse_edtf`] reads
    /// back as the same date: `2020-11-20`, `2020-11-20?`, a whole month
    /// `2020-10`, a whole year `-0330` (`Y-13800000000` beyond four digits),
    /// any other range `2020-09-27/2020-11-10` (the qualifier on both ends),
    /// the situation before a day `../2020-09-26`, a change from a day on
    /// `2020-09-27/..` (the qualifier on its day). A day or month in a year
    /// of more than four digits has no EDTF form below level 2; it is
    /// written with an ISO 8601 expanded year (`-13800000000-01-01`), which
    /// [`edtf::parse_edtf`] also reads.
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
                    let year = from.year();
                    if (-9999..=9999).contains(&year) {
                        format!("{}{q}", iso_year(year))
                    } else {
                        format!("Y{year}{q}")
                    }
                } else {
                    format!("{from}{q}/{to}{q}")
                }
            }
            Self::Before { before, .. } => format!("../{}{q}", before.add_days(-1)),
            Self::After { after, .. } => format!("{after}{q}/.."),
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
            Self::Before { before: day, .. } | Self::After { after: day, .. } => {
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry(self.precision(), &day)?;
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
            Self::After { after, .. } => write!(f, "on or after {after}{q}"),
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
        assert_eq!(d("-999999999999-01-01"), Date::MIN);
        assert_eq!(Date::MIN.iso(), "-999999999999-01-01");
        assert_eq!(Date::MAX.iso(), "+999999999999-12-31");
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
        assert_eq!(d("9999-12-15").first_of_next_month(), d("+10000-01-01"));
        assert_eq!(d("+999999999999-12-15").first_of_next_month(), Date::MAX);
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
        assert_eq!(a.add_days(i64::MAX), Date::MAX);
        assert_eq!(a.add_days(i64::MIN), Date::MIN);
        assert_eq!(Date::MIN.add_days(i64::MIN), Date::MIN);
        assert_eq!(Date::MAX.add_days(i64::MAX), Date::MAX);
        assert_eq!(Date::MAX.add_days(-1).add_days(5), Date::MAX);
        assert_eq!(Date::MIN.year(), Date::MIN_YEAR);
        assert_eq!(Date::MAX.year(), Date::MAX_YEAR);
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
        assert!(!b.is_uncertain());
    }

    #[test]
    fn an_open_end_starts_on_its_day_and_never_settles() {
        let a = DateSpec::after(d("2020-09-27"));
        assert!(a.is_uncertain());
        assert_eq!(a.start(), d("2020-09-27"));
        assert_eq!(a.end(), Date::MAX);
        assert_eq!(a.precision(), "after");
        assert!(a.has_open_end());
        assert!(!DateSpec::range(d("2020-09-27"), Date::MAX).has_open_end());
        // Even from the calendar's last day: no day after it to overflow to.
        let last = DateSpec::after(Date::MAX);
        assert_eq!((last.start(), last.end()), (Date::MAX, Date::MAX));
        let q = Qualifier::from_edtf_suffix('?').unwrap_or_default();
        assert_eq!(a.with_qualifier(q).qualifier(), q);
        assert_eq!(a.with_qualifier(q).edtf(), "2020-09-27?/..");
        assert_eq!(a.edtf(), "2020-09-27/..");
    }

    #[test]
    fn specs_serialise_and_display_as_the_files_write_them() {
        let r = DateSpec::range(d("2020-09-27"), d("2020-11-10"));
        let b = DateSpec::before(d("2020-09-27"));
        let day = DateSpec::from(d("2020-11-20"));
        let a = DateSpec::after(d("2020-09-27"));
        assert_eq!(r.to_string(), "2020-09-27..2020-11-10");
        assert_eq!(b.to_string(), "before 2020-09-27");
        assert_eq!(a.to_string(), "on or after 2020-09-27");
        assert_eq!(
            serde_json::to_string(&[r, b, day, a]).ok().as_deref(),
            Some(
                r#"[{"from":"2020-09-27","to":"2020-11-10"},{"before":"2020-09-27"},"2020-11-20",{"after":"2020-09-27"}]"#
            )
        );
        let approximate = Qualifier::from_edtf_suffix('~').unwrap_or_default();
        assert_eq!(
            a.with_qualifier(approximate).to_string(),
            "on or after 2020-09-27~"
        );
        assert_eq!(
            serde_json::to_string(&a.with_qualifier(approximate))
                .ok()
                .as_deref(),
            Some(r#""2020-09-27~/..""#)
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

    #[test]
    fn years_beyond_four_digits_are_expanded_and_signed() {
        let big_bang = d("-13800000000-01-01");
        assert_eq!(big_bang.year(), -13_800_000_000);
        assert_eq!((big_bang.month(), big_bang.day()), (1, 1));
        assert_eq!(big_bang.iso(), "-13800000000-01-01");
        assert_eq!(d("+12000-03-01").iso(), "+12000-03-01");
        assert_eq!(d("+12000-03-01").year(), 12_000);
        assert_eq!(d("-10000-12-31").add_days(1), d("-9999-01-01"));
        assert_eq!(d("9999-12-31").add_days(1).iso(), "+10000-01-01");
        // A long year needs its sign; a year beyond the calendar is refused.
        for bad in [
            "12000-03-01",
            "+2020-11-10",
            "-1000000000000-01-01",
            "+1000000000000-01-01",
            "-99999999999999999999-01-01",
        ] {
            assert_eq!(
                Date::parse(bad),
                Err(DateError::Format(bad.into())),
                "{bad}"
            );
        }
        // The Gregorian rules hold far out: years divisible by 400 leap.
        assert_eq!(Date::days_in_month(-13_800_000_000, 2), Some(29));
        assert_eq!(Date::days_in_month(-13_800_000_100, 2), Some(28));
        assert_eq!(
            Date::parse("-13800000100-02-29"),
            Err(DateError::Day(
                "-13800000100-02-29".into(),
                2,
                -13_800_000_100,
                28
            ))
        );
        // 400 years are 146,097 days, whatever the era.
        assert_eq!(big_bang.days_until(d("-13799999600-01-01")), 146_097);
    }

    proptest::proptest! {
        #[test]
        fn days_and_civil_dates_round_trip_over_the_whole_calendar(
            n in Date::MIN.0..=Date::MAX.0,
            step in -1_000_000_i64..=1_000_000,
        ) {
            let day = Date(n);
            let (y, m, dd) = (day.year(), day.month(), day.day());
            proptest::prop_assert_eq!(Date::from_ymd(y, m, dd), Some(day));
            proptest::prop_assert_eq!(Date::parse(&day.iso()), Ok(day));
            // The next day is the next day of the month, or the first of the next.
            let next = day.add_days(1);
            if day < Date::MAX {
                let first = (next.month(), next.day()) == (m % 12 + 1, 1);
                proptest::prop_assert!(
                    (next.year(), next.month(), next.day()) == (y, m, dd + 1)
                        || (first && next.year() == if m == 12 { y + 1 } else { y }),
                    "{} then {}", day, next
                );
            }
            let moved = day.add_days(step);
            proptest::prop_assert!((Date::MIN..=Date::MAX).contains(&moved));
            if (Date::MIN.0..=Date::MAX.0).contains(&(n + step)) {
                proptest::prop_assert_eq!(day.days_until(moved), step);
            }
        }
    }
}
