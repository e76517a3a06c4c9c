//! EDTF, the Library of Congress's Extended Date/Time Format, levels 0 and 1,
//! read onto the precision model of [`DateSpec`].
//!
//! [`parse_edtf`] is the one entry point for "a date or a range a user
//! wrote": the dataset files, the GeoJSON import and the annotations import
//! all read dates through it. What it keeps:
//!
//! | EDTF | example | becomes |
//! |---|---|---|
//! | a day (level 0) | `2020-11-20` | [`DateSpec::Day`] |
//! | a month, a year (level 0) | `2020-11`, `2020`, `-0330` | the [`DateSpec::Range`] of its days |
//! | an interval (level 0) | `2020-09-27/2020-11-10` | the range from the first day of the start to the last day of the end |
//! | a negative year (level 1) | `-0330-10-01` | astronomical numbering: -330 is 331 BCE, 0 is 1 BCE |
//! | a long year (level 1) | `Y-13800000000`, `Y170000002` | the range of its days, within the calendar's years ±999,999,999,999 |
//! | an ISO 8601 expanded year (beyond EDTF, which [`DateSpec::edtf`] writes for a day or month in a year of more than four digits) | `-13800000000-01-01`, `+12000-03` | as the four-digit forms |
//! | uncertain, approximate, both (level 1) | `2020-11-20?`, `2020-11-20~`, `2020-11-20%` | the date with its [`Qualifier`]; on an interval, what either end has |
//! | unspecified digits (level 1, and a day's last digit) | `201X`, `2020-XX`, `2020-11-XX`, `2020-11-2X` | the range of the days they may stand for |
//! | open or unknown start (level 1) | `../2020-11-10`, `/2020-11-10` | [`DateSpec::Before`] the day after the end |
//! | open or unknown end (level 1) | `2020-09-27/..`, `2020-09-27/` | [`DateSpec::After`] the first day of the start: some day from then on, not given |
//!
//! What it refuses, with an [`EdtfError`] naming the value: an interval
//! open or unknown at both ends (`../..`), seasons (`2020-21`: their months depend on the hemisphere),
//! a time of day (`2020-11-10T12:00:00`: steps are dated by day), years
//! beyond ±999,999,999,999 (`Y1000000000000`), and level 2 (sets, per-part
//! qualifiers, significant digits, exponents).

use super::{Date, DateError, DateSpec, Qualifier, YearSign};

/// Why an EDTF string was refused; data only, like [`DateError`]: the
/// catalogue message and `Display` are given in `model::diag`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EdtfError {
    /// Not EDTF: the value.
    Syntax(String),
    /// A month or a day that does not exist (the value in the error is the
    /// whole EDTF string).
    Date(DateError),
    /// A year the calendar does not hold: the value and the year.
    Year(String, i64),
    /// An interval that ends before it starts: the value.
    Reversed(String),
    /// Unspecified digits (`X`) that do not stand for one run of days, such
    /// as `2020-XX-10`: the value.
    Unspecified(String),
    /// A season (EDTF level 1 months 21–24): the value and the code.
    Season(String, u8),
    /// A time of day: the value.
    Time(String),
    /// An EDTF level 2 feature: the value.
    Level2(String),
}

impl EdtfError {
    /// The value the error is about, as written.
    #[must_use]
    pub fn value(&self) -> &str {
        match self {
            Self::Date(DateError::Format(v) | DateError::Month(v, _) | DateError::Day(v, ..)) => v,
            Self::Syntax(v)
            | Self::Year(v, _)
            | Self::Reversed(v)
            | Self::Unspecified(v)
            | Self::Season(v, _)
            | Self::Time(v)
            | Self::Level2(v) => v,
        }
    }
}

/// One end of an interval.
enum End {
    /// `..`: open.
    Open,
    /// Empty: unknown.
    Unknown,
    /// A date.
    Date(Span),
}

/// A single EDTF date (no interval): the days it may stand for.
#[derive(Debug, Clone, Copy)]
struct Span {
    first: Date,
    last: Date,
    /// A single known day, not a range that happens to be one day long.
    exact_day: bool,
    qual: Qualifier,
}

/// Read a date or a range a user wrote, in EDTF level 0 or 1 (the plain
/// `YYYY-MM-DD` of the dataset files is EDTF level 0).
///
/// Surrounding white space is ignored. A single day becomes
/// [`DateSpec::Day`]; a month, a year, unspecified digits or an interval
/// become the [`DateSpec::Range`] of the days they cover (`2020-10` is 1 to
/// 31 October 2020); an open or unknown start (`../2020-11-10`) becomes
/// [`DateSpec::Before`] the day after its end, and an open or unknown end
/// (`2020-09-27/..`) [`DateSpec::After`] the first day of its start. `?`,
/// `~` and `%` set the
/// date's [`Qualifier`]. [`DateSpec::edtf`] writes any date back so that
/// this reads it as the same date. The module documentation lists what is
/// kept and what is refused.
///
/// # Errors
/// An [`EdtfError`] naming the value: not EDTF, a month or day that does
/// not exist, a year beyond ±999,999,999,999, an interval ending before it
/// starts, an interval open or unknown at both ends, unspecified digits
/// that are not one run of days, a season, a time of day, or an EDTF level 2 feature.
pub fn parse_edtf(text: &str) -> Result<DateSpec, EdtfError> {
    let s = text.trim();
    if let Some((a, b)) = s.split_once('/') {
        let start = end_of_interval(a, s)?;
        let end = end_of_interval(b, s)?;
        return match (start, end) {
            (End::Date(a), End::Date(b)) => {
                if b.last < a.first {
                    return Err(EdtfError::Reversed(s.to_owned()));
                }
                Ok(DateSpec::Range {
                    from: a.first,
                    to: b.last,
                    qual: a.qual.union(b.qual),
                })
            }
            (End::Open | End::Unknown, End::Date(b)) => {
                if b.last == Date::MAX {
                    return Err(EdtfError::Year(s.to_owned(), Date::MAX_YEAR + 1));
                }
                Ok(DateSpec::Before {
                    before: b.last.add_days(1),
                    qual: b.qual,
                })
            }
            (End::Date(a), End::Open | End::Unknown) => Ok(DateSpec::After {
                after: a.first,
                qual: a.qual,
            }),
            (End::Open | End::Unknown, End::Open | End::Unknown) => {
                Err(EdtfError::Syntax(s.to_owned()))
            }
        };
    }
    let d = single(s, s)?;
    Ok(if d.exact_day {
        DateSpec::Day {
            date: d.first,
            qual: d.qual,
        }
    } else {
        DateSpec::Range {
            from: d.first,
            to: d.last,
            qual: d.qual,
        }
    })
}

/// One side of `/` in `whole`.
fn end_of_interval(part: &str, whole: &str) -> Result<End, EdtfError> {
    match part {
        ".." => Ok(End::Open),
        "" => Ok(End::Unknown),
        p if p.contains('/') => Err(EdtfError::Syntax(whole.to_owned())),
        p => single(p, whole).map(End::Date),
    }
}

/// Characters only EDTF level 2 uses.
const LEVEL2: [char; 8] = ['[', ']', '{', '}', ',', '^', 'S', 'E'];

/// A single EDTF date `s` (part of `whole`, named in errors).
fn single(s: &str, whole: &str) -> Result<Span, EdtfError> {
    let syntax = || EdtfError::Syntax(whole.to_owned());
    let (body, qual) = match s.chars().last().and_then(Qualifier::from_edtf_suffix) {
        Some(q) => (&s[..s.len() - 1], q),
        None => (s, Qualifier::NONE),
    };
    if body.contains(['?', '~', '%']) || body.contains(LEVEL2) {
        return Err(EdtfError::Level2(whole.to_owned()));
    }
    if body.contains('T') {
        return Err(EdtfError::Time(whole.to_owned()));
    }
    if let Some(long) = body.strip_prefix('Y') {
        return long_year(long, whole).map(|(first, last)| Span {
            first,
            last,
            exact_day: false,
            qual,
        });
    }
    let (sign, unsigned) = YearSign::split(body);
    let negative = sign == YearSign::Minus;
    let parts: Vec<&str> = unsigned.split('-').collect();
    let (year, month, day) = match parts.as_slice() {
        [y] => (*y, None, None),
        [y, m] => (*y, Some(*m), None),
        [y, m, d] => (*y, Some(*m), Some(*d)),
        _ => return Err(syntax()),
    };
    // Four digits, or (an ISO 8601 expanded year, which EDTF itself writes
    // with `Y`) more with a sign: `-13800000000-01-01`, `+12000-03`.
    if !sign.allows(year.len()) {
        return Err(syntax());
    }
    let width = year.len();
    if width > MAX_YEAR_DIGITS {
        return Err(year_out_of_range(negative, year, whole));
    }
    let year =
        Digits::read(year, u32::try_from(width).map_err(|_| syntax())?).ok_or_else(syntax)?;
    let month = month
        .map(|m| Digits::read(m, 2).ok_or_else(syntax))
        .transpose()?;
    let day = day
        .map(|d| Digits::read(d, 2).ok_or_else(syntax))
        .transpose()?;
    // Unspecified digits stand for one run of days only if every later part
    // is wholly unspecified (or absent).
    let later_wholly_unspecified =
        |later: &[Option<Digits>]| later.iter().flatten().all(|p| p.known == 0);
    if (year.unspecified() && !later_wholly_unspecified(&[month, day]))
        || (month.is_some_and(|m| m.unspecified()) && !later_wholly_unspecified(&[day]))
    {
        return Err(EdtfError::Unspecified(whole.to_owned()));
    }
    let (mut y_lo, mut y_hi) = year.bounds();
    if negative {
        if y_hi == 0 {
            return Err(syntax());
        }
        (y_lo, y_hi) = (-y_hi, -y_lo);
    }
    if !(Date::MIN_YEAR..=Date::MAX_YEAR).contains(&y_lo)
        || !(Date::MIN_YEAR..=Date::MAX_YEAR).contains(&y_hi)
    {
        let beyond = if y_lo < Date::MIN_YEAR { y_lo } else { y_hi };
        return Err(EdtfError::Year(whole.to_owned(), beyond));
    }
    let (m_lo, m_hi) = match month {
        None => (1, 12),
        Some(m) if m.known == 0 => (1, 12),
        Some(m) if m.unspecified() => {
            let (lo, hi) = m.bounds();
            if lo > 12 {
                return Err(EdtfError::Unspecified(whole.to_owned()));
            }
            (lo.max(1), hi.min(12))
        }
        Some(m) => {
            let (v, _) = m.bounds();
            match v {
                1..=12 => (v, v),
                21..=24 => {
                    if day.is_some() {
                        return Err(syntax());
                    }
                    return Err(EdtfError::Season(whole.to_owned(), month_u8(v)));
                }
                25..=41 => return Err(EdtfError::Level2(whole.to_owned())),
                _ => {
                    return Err(EdtfError::Date(DateError::Month(
                        whole.to_owned(),
                        month_u8(v),
                    )));
                }
            }
        }
    };
    let (m_lo, m_hi) = (month_u8(m_lo), month_u8(m_hi));
    let last_day = |y: i64, m: u8| Date::days_in_month(y, m).ok_or_else(syntax);
    let (d_lo, d_hi) = match day {
        None => (1, last_day(y_hi, m_hi)?),
        Some(d) if d.known == 0 => (1, last_day(y_hi, m_hi)?),
        Some(d) => {
            let (lo, hi) = d.bounds();
            let (lo, hi) = (month_u8(lo), month_u8(hi));
            let days = last_day(y_lo, m_lo)?;
            if lo.max(1) > days || (!d.unspecified() && lo == 0) {
                return Err(EdtfError::Date(DateError::Day(
                    whole.to_owned(),
                    m_lo,
                    y_lo,
                    days,
                )));
            }
            (lo.max(1), hi.min(days))
        }
    };
    let exact_day = day.is_some_and(|d| !d.unspecified())
        && !year.unspecified()
        && month.is_some_and(|m| !m.unspecified());
    let first = Date::from_ymd(y_lo, m_lo, d_lo).ok_or_else(syntax)?;
    let last = Date::from_ymd(y_hi, m_hi, d_hi).ok_or_else(syntax)?;
    Ok(Span {
        first,
        last,
        exact_day,
        qual,
    })
}

/// A value known to fit in a month or day number.
fn month_u8(v: i64) -> u8 {
    u8::try_from(v.clamp(0, 99)).unwrap_or(0)
}

/// The most digits a year can have: [`Date::MAX_YEAR`] has 12.
const MAX_YEAR_DIGITS: usize = 12;

/// The error for a year `digits` (with a minus sign if `negative`) beyond
/// the calendar, in `whole`.
fn year_out_of_range(negative: bool, digits: &str, whole: &str) -> EdtfError {
    let shown = format!(
        "{}{}",
        if negative { "-" } else { "" },
        digits.trim_start_matches('0')
    );
    let year = shown
        .parse::<i64>()
        .unwrap_or(if negative { i64::MIN } else { i64::MAX });
    EdtfError::Year(whole.to_owned(), year)
}

/// A year after `Y` (`-330`, `17000`, `-13800000000`): the days of that
/// year.
fn long_year(text: &str, whole: &str) -> Result<(Date, Date), EdtfError> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(EdtfError::Syntax(whole.to_owned()));
    }
    let out_of_range = || year_out_of_range(negative, digits, whole);
    let Ok(magnitude) = digits.parse::<i64>() else {
        return Err(out_of_range());
    };
    let year = if negative { -magnitude } else { magnitude };
    match (Date::from_ymd(year, 1, 1), Date::from_ymd(year, 12, 31)) {
        (Some(first), Some(last)) => Ok((first, last)),
        _ => Err(out_of_range()),
    }
}

/// A part of a date (year, month or day) whose last digits may be `X`.
#[derive(Debug, Clone, Copy)]
struct Digits {
    /// The known leading digits as a number.
    value: i64,
    /// How many leading digits are known.
    known: u32,
    /// How many digits the part has.
    width: u32,
}

impl Digits {
    /// `text` as `width` digits, the last of them possibly `X`.
    fn read(text: &str, width: u32) -> Option<Self> {
        if text.len() != usize::try_from(width).ok()? {
            return None;
        }
        let known_text = text.trim_end_matches('X');
        if !known_text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let known = u32::try_from(known_text.len()).ok()?;
        let value = if known_text.is_empty() {
            0
        } else {
            known_text.parse().ok()?
        };
        Some(Self {
            value,
            known,
            width,
        })
    }

    /// Whether some digits are `X`.
    fn unspecified(self) -> bool {
        self.known < self.width
    }

    /// The smallest and largest numbers the digits may stand for.
    fn bounds(self) -> (i64, i64) {
        let scale = 10_i64.pow(self.width - self.known);
        (self.value * scale, self.value * scale + scale - 1)
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

    fn p(s: &str) -> DateSpec {
        match parse_edtf(s) {
            Ok(spec) => spec,
            Err(e) => unreachable!("EDTF {s}: {e:?}"),
        }
    }

    const UNCERTAIN: Qualifier = Qualifier {
        uncertain: true,
        approximate: false,
    };
    const APPROXIMATE: Qualifier = Qualifier {
        uncertain: false,
        approximate: true,
    };
    const BOTH: Qualifier = Qualifier {
        uncertain: true,
        approximate: true,
    };

    #[test]
    fn level_0_days_months_years_and_intervals() {
        assert_eq!(p("2020-11-20"), DateSpec::day(d("2020-11-20")));
        assert_eq!(
            p("2020-10"),
            DateSpec::range(d("2020-10-01"), d("2020-10-31"))
        );
        assert_eq!(
            p("2020-02"),
            DateSpec::range(d("2020-02-01"), d("2020-02-29"))
        );
        assert_eq!(p("2020"), DateSpec::range(d("2020-01-01"), d("2020-12-31")));
        assert_eq!(
            p("2020-09-27/2020-11-10"),
            DateSpec::range(d("2020-09-27"), d("2020-11-10"))
        );
        assert_eq!(
            p("2020-09/2020-11"),
            DateSpec::range(d("2020-09-01"), d("2020-11-30"))
        );
        assert_eq!(p(" 2020-11-20\n"), DateSpec::day(d("2020-11-20")));
    }

    #[test]
    fn bce_years_are_astronomical() {
        assert_eq!(
            p("-0330"),
            DateSpec::range(d("-0330-01-01"), d("-0330-12-31"))
        );
        assert_eq!(p("-0330-10-01"), DateSpec::day(d("-0330-10-01")));
        assert_eq!(
            p("Y-330"),
            DateSpec::range(d("-0330-01-01"), d("-0330-12-31"))
        );
        assert_eq!(
            p("Y-9999"),
            DateSpec::range(d("-9999-01-01"), d("-9999-12-31"))
        );
        assert_eq!(parse_edtf("-0000"), Err(EdtfError::Syntax("-0000".into())));
    }

    #[test]
    fn long_years_are_read_whatever_their_size() {
        assert_eq!(
            p("Y-13800000000"),
            DateSpec::range(d("-13800000000-01-01"), d("-13800000000-12-31"))
        );
        assert_eq!(
            p("Y170000002"),
            DateSpec::range(d("+170000002-01-01"), d("+170000002-12-31"))
        );
        assert_eq!(p("-13800000000-05-02~"), {
            DateSpec::day(d("-13800000000-05-02")).with_qualifier(APPROXIMATE)
        });
        assert_eq!(
            p("+12000-03"),
            DateSpec::range(d("+12000-03-01"), d("+12000-03-31"))
        );
        assert_eq!(
            p("Y-13800000000/2020"),
            DateSpec::range(d("-13800000000-01-01"), d("2020-12-31"))
        );
        assert_eq!(
            parse_edtf("Y1000000000000"),
            Err(EdtfError::Year("Y1000000000000".into(), 1_000_000_000_000))
        );
        assert_eq!(
            parse_edtf("-1000000000000-01-01"),
            Err(EdtfError::Year(
                "-1000000000000-01-01".into(),
                -1_000_000_000_000
            ))
        );
        assert_eq!(
            parse_edtf("Y-99999999999999999999"),
            Err(EdtfError::Year("Y-99999999999999999999".into(), i64::MIN))
        );
        // A long year keeps its sign.
        assert_eq!(
            parse_edtf("12000-03-01"),
            Err(EdtfError::Syntax("12000-03-01".into()))
        );
        // Written back: the year with Y, a day or month expanded.
        assert_eq!(p("Y-13800000000").edtf(), "Y-13800000000");
        assert_eq!(
            DateSpec::day(d("-13800000000-01-01")).edtf(),
            "-13800000000-01-01"
        );
    }

    #[test]
    fn qualifiers_mark_the_date_and_intervals_keep_what_either_end_has() {
        assert_eq!(
            p("2020-11-20?"),
            DateSpec::day(d("2020-11-20")).with_qualifier(UNCERTAIN)
        );
        assert_eq!(
            p("2020-11-20~"),
            DateSpec::day(d("2020-11-20")).with_qualifier(APPROXIMATE)
        );
        assert_eq!(
            p("2020-11%"),
            DateSpec::range(d("2020-11-01"), d("2020-11-30")).with_qualifier(BOTH)
        );
        assert_eq!(
            p("2020-09-27?/2020-11-10~"),
            DateSpec::range(d("2020-09-27"), d("2020-11-10")).with_qualifier(BOTH)
        );
    }

    #[test]
    fn unspecified_digits_become_the_days_they_may_stand_for() {
        assert_eq!(
            p("2020-11-2X"),
            DateSpec::range(d("2020-11-20"), d("2020-11-29"))
        );
        assert_eq!(
            p("2020-01-3X"),
            DateSpec::range(d("2020-01-30"), d("2020-01-31"))
        );
        assert_eq!(
            p("2020-11-XX"),
            DateSpec::range(d("2020-11-01"), d("2020-11-30"))
        );
        assert_eq!(
            p("2020-XX"),
            DateSpec::range(d("2020-01-01"), d("2020-12-31"))
        );
        assert_eq!(p("201X"), DateSpec::range(d("2010-01-01"), d("2019-12-31")));
        assert_eq!(
            p("20XX-XX-XX"),
            DateSpec::range(d("2000-01-01"), d("2099-12-31"))
        );
        assert_eq!(
            p("2020-1X"),
            DateSpec::range(d("2020-10-01"), d("2020-12-31"))
        );
        assert_eq!(
            p("-033X"),
            DateSpec::range(d("-0339-01-01"), d("-0330-12-31"))
        );
        for bad in ["2020-XX-10", "20XX-11", "2020-2X", "2020-X1"] {
            assert!(
                matches!(
                    parse_edtf(bad),
                    Err(EdtfError::Unspecified(_) | EdtfError::Syntax(_))
                ),
                "{bad}"
            );
        }
        assert_eq!(
            parse_edtf("2021-02-3X"),
            Err(EdtfError::Date(DateError::Day(
                "2021-02-3X".into(),
                2,
                2021,
                28
            )))
        );
    }

    #[test]
    fn open_and_unknown_starts_are_before_the_day_after_the_end() {
        assert_eq!(p("../2020-11-10"), DateSpec::before(d("2020-11-11")));
        assert_eq!(p("/2020-11"), DateSpec::before(d("2020-12-01")));
        assert_eq!(
            p("../2020-11-10~"),
            DateSpec::before(d("2020-11-11")).with_qualifier(APPROXIMATE)
        );
    }

    #[test]
    fn open_and_unknown_ends_are_after_the_first_day_of_the_start() {
        assert_eq!(p("2020-09-27/.."), DateSpec::after(d("2020-09-27")));
        assert_eq!(p("2020-09-27/"), DateSpec::after(d("2020-09-27")));
        assert_eq!(p(" 2020-09/..\n"), DateSpec::after(d("2020-09-01")));
        assert_eq!(p("2020/"), DateSpec::after(d("2020-01-01")));
        assert_eq!(
            p("2020-09-27?/.."),
            DateSpec::after(d("2020-09-27")).with_qualifier(UNCERTAIN)
        );
        assert_eq!(
            p("Y-13800000000/.."),
            DateSpec::after(d("-13800000000-01-01"))
        );
        assert_eq!(p("+999999999999-12-31/.."), DateSpec::after(Date::MAX));
        // Still refused inside: the start must be a date.
        assert_eq!(
            parse_edtf("2020-02-30/.."),
            Err(EdtfError::Date(DateError::Day(
                "2020-02-30/..".into(),
                2,
                2020,
                29
            )))
        );
        assert_eq!(
            parse_edtf("2020-21/.."),
            Err(EdtfError::Season("2020-21/..".into(), 21))
        );
    }

    #[test]
    fn what_is_not_kept_is_refused_naming_the_value() {
        let cases = [
            ("/", EdtfError::Syntax("/".into())),
            ("../", EdtfError::Syntax("../".into())),
            ("../..", EdtfError::Syntax("../..".into())),
            (
                "2020-11-10/2020-09-27",
                EdtfError::Reversed("2020-11-10/2020-09-27".into()),
            ),
            ("2020-21", EdtfError::Season("2020-21".into(), 21)),
            ("2020-33", EdtfError::Level2("2020-33".into())),
            (
                "2020-11-10T12:00:00",
                EdtfError::Time("2020-11-10T12:00:00".into()),
            ),
            ("[2020, 2021]", EdtfError::Level2("[2020, 2021]".into())),
            ("?2020-11-10", EdtfError::Level2("?2020-11-10".into())),
            (
                "2020-13",
                EdtfError::Date(DateError::Month("2020-13".into(), 13)),
            ),
            (
                "2020-00-10",
                EdtfError::Date(DateError::Month("2020-00-10".into(), 0)),
            ),
            (
                "2021-02-29",
                EdtfError::Date(DateError::Day("2021-02-29".into(), 2, 2021, 28)),
            ),
            (
                "2021-02-00",
                EdtfError::Date(DateError::Day("2021-02-00".into(), 2, 2021, 28)),
            ),
            ("", EdtfError::Syntax(String::new())),
            ("20201", EdtfError::Syntax("20201".into())),
            ("2020-1-1", EdtfError::Syntax("2020-1-1".into())),
            ("10/11/2020", EdtfError::Syntax("10/11/2020".into())),
            ("2020-11-10??", EdtfError::Level2("2020-11-10??".into())),
            ("Y", EdtfError::Syntax("Y".into())),
            ("٢٠٢٠", EdtfError::Syntax("٢٠٢٠".into())),
        ];
        for (text, want) in cases {
            let got = parse_edtf(text);
            assert_eq!(got, Err(want), "{text}");
            if let Err(e) = got {
                assert_eq!(e.value(), text.trim());
            }
        }
    }

    #[test]
    fn written_edtf_reads_back_as_the_same_date() {
        let specs = [
            DateSpec::day(d("2020-11-20")),
            DateSpec::day(d("-0330-10-01")).with_qualifier(UNCERTAIN),
            DateSpec::range(d("2020-10-01"), d("2020-10-31")),
            DateSpec::range(d("2020-01-01"), d("2020-12-31")).with_qualifier(APPROXIMATE),
            DateSpec::range(d("2020-09-27"), d("2020-11-10")).with_qualifier(BOTH),
            DateSpec::range(d("2020-09-27"), d("2020-09-27")),
            DateSpec::range(Date::MIN, Date::MAX),
            DateSpec::before(d("2020-09-27")),
            DateSpec::before(d("0001-01-01")).with_qualifier(UNCERTAIN),
            DateSpec::range(d("-13800000000-01-01"), d("-13800000000-12-31")),
            DateSpec::range(d("+12000-03-01"), d("+12000-03-31")),
            DateSpec::range(d("-13800000000-01-01"), d("2020-12-31")),
            DateSpec::before(d("-13800000000-01-01")),
            DateSpec::after(d("2020-09-27")),
            DateSpec::after(d("-0330-10-01")).with_qualifier(BOTH),
            DateSpec::after(Date::MIN),
            DateSpec::after(Date::MAX).with_qualifier(APPROXIMATE),
        ];
        for spec in specs {
            assert_eq!(parse_edtf(&spec.edtf()), Ok(spec), "{}", spec.edtf());
        }
        assert_eq!(
            DateSpec::range(d("2020-10-01"), d("2020-10-31")).edtf(),
            "2020-10"
        );
        assert_eq!(
            DateSpec::range(d("-0330-01-01"), d("-0330-12-31")).edtf(),
            "-0330"
        );
        assert_eq!(DateSpec::before(d("2020-09-27")).edtf(), "../2020-09-26");
        assert_eq!(DateSpec::after(d("2020-09-27")).edtf(), "2020-09-27/..");
    }
}
