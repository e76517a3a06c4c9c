//! TimelineJS dates: reading a date object (year, month, day as numbers or
//! text) into the days it covers, and an event's start, end and displayed
//! date into a dataset date with its `date_note`. [`before_text`] is shared
//! with the export, so that "Before D" reads back as `{ before = D }`.

use serde_json::Value;

use super::import::{Importer, short};
use crate::i18n::Locale;
use crate::i18n::format::{DateWords, year_number};
use crate::model::{Date, DateSpec};

/// How precisely a TimelineJS date is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Precision {
    Year,
    Month,
    Day,
}

/// A TimelineJS date object, validated.
#[derive(Debug, Clone)]
pub(super) struct TlDate {
    /// The first day it covers.
    pub(super) first: Date,
    /// The last day it covers.
    pub(super) last: Date,
    /// Year, month or day.
    pub(super) precision: Precision,
    /// Its own `display_date`, if any.
    pub(super) display: Option<String>,
}

impl TlDate {
    /// "1948", "July 1943" or "10 December 1815".
    pub(super) fn shown(&self) -> String {
        match self.precision {
            Precision::Year => year_number(self.first.year(), Locale::EN),
            Precision::Month => month_and_year(self.first),
            Precision::Day => self.first.english_long(),
        }
    }
}

/// "April 1912".
pub(super) fn month_and_year(d: Date) -> String {
    let long = d.english_long();
    long.split_once(' ')
        .map_or_else(|| long.clone(), |(_, m)| m.to_owned())
}

/// The fields of a TimelineJS date object, for the unknown-key report.
const DATE_KEYS: [&str; 9] = [
    "year",
    "month",
    "day",
    "hour",
    "minute",
    "second",
    "millisecond",
    "display_date",
    "format",
];

impl Importer {
    /// A whole number in a date (`2020` or `"2020"`); `None` if absent or "".
    fn number(&mut self, v: Option<&Value>, path: &str) -> Result<Option<i64>, ()> {
        let bad = |me: &mut Self, v: &Value| {
            me.error(
                path,
                format!("{} is not a whole number", short(v)),
                "write a number such as 2020, or leave the field out",
            );
            Err(())
        };
        match v {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(Value::String(s)) => match s.trim().parse::<i64>() {
                Ok(n) => Ok(Some(n)),
                Err(_) => bad(self, &Value::String(s.clone())),
            },
            Some(Value::Number(n)) => match n.as_i64() {
                Some(n) => Ok(Some(n)),
                None => bad(self, &Value::Number(n.clone())),
            },
            Some(other) => bad(self, other),
        }
    }

    /// A TimelineJS date object; `None` (with an error) if it is not valid.
    pub(super) fn date(&mut self, v: &Value, path: &str) -> Option<TlDate> {
        let Some(obj) = v.as_object() else {
            self.error(
                path,
                format!("expected a date object, found {}", short(v)),
                "write a date as { \"year\": 2020, \"month\": 11, \"day\": 10 } (month and day optional)",
            );
            return None;
        };
        self.unknown_keys(obj, &DATE_KEYS, path, "date");
        let year = self.number(obj.get("year"), &format!("{path}.year"));
        let month = self.number(obj.get("month"), &format!("{path}.month"));
        let day = self.number(obj.get("day"), &format!("{path}.day"));
        let (Ok(year), Ok(month), Ok(day)) = (year, month, day) else {
            return None;
        };
        let times: Vec<&str> = ["hour", "minute", "second", "millisecond"]
            .into_iter()
            .filter(|k| {
                obj.get(*k).is_some_and(|v| {
                    !v.is_null() && v.as_str().is_none_or(|s| !s.trim().is_empty())
                })
            })
            .collect();
        if !times.is_empty() {
            self.note(
                path,
                format!(
                    "the time of day ({}) is not kept: steps are dated by day",
                    times.join(", ")
                ),
            );
        }
        if obj.contains_key("format") {
            self.note(&format!("{path}.format"), "date formats are not kept");
        }
        let Some(year) = year else {
            self.error(
                &format!("{path}.year"),
                "is missing",
                "every TimelineJS date needs a year",
            );
            return None;
        };
        if !(Date::MIN_YEAR..=Date::MAX_YEAR).contains(&year) {
            self.error(
                &format!("{path}.year"),
                format!(
                    "{year} is beyond the calendar's years, {} to {}",
                    Date::MIN_YEAR,
                    Date::MAX_YEAR
                ),
                "karabakh-atlas cannot place this date on its time line",
            );
            return None;
        }
        let display = self.text(obj.get("display_date"), &format!("{path}.display_date"));
        let build = |y: i64, m: i64, d: i64| {
            Date::from_ymd(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
        };
        let (first, last, precision) = match (month, day) {
            (None, None) => (build(year, 1, 1), build(year, 12, 31), Precision::Year),
            (None, Some(d)) => {
                self.error(
                    &format!("{path}.day"),
                    format!("{d} is given without a month"),
                    "add the month, or leave out the day",
                );
                return None;
            }
            (Some(m), _) if !(1..=12).contains(&m) => {
                self.error(
                    &format!("{path}.month"),
                    format!("{m} is not a month; months run from 1 to 12"),
                    "correct the month",
                );
                return None;
            }
            (Some(m), None) => {
                let first = build(year, m, 1);
                let last = first.map(|f| f.first_of_next_month().add_days(-1));
                (first, last, Precision::Month)
            }
            (Some(m), Some(d)) => {
                let first = build(year, m, 1);
                let days = first.map_or(31, |f| {
                    i64::from(f.first_of_next_month().add_days(-1).day())
                });
                if !(1..=days).contains(&d) {
                    let month_name = first.map(month_and_year).unwrap_or_default();
                    self.error(
                        &format!("{path}.day"),
                        format!("{d} does not exist: {month_name} has {days} days"),
                        "correct the day",
                    );
                    return None;
                }
                let date = build(year, m, d);
                (date, date, Precision::Day)
            }
        };
        let (Some(first), Some(last)) = (first, last) else {
            self.error(
                path,
                "is not a valid date",
                "correct the year, month and day",
            );
            return None;
        };
        Some(TlDate {
            first,
            last,
            precision,
            display,
        })
    }

    pub(super) fn event_date(
        &mut self,
        start: &TlDate,
        end: Option<&TlDate>,
        display: Option<&str>,
        path: &str,
    ) -> Option<(DateSpec, Vec<String>)> {
        let mut notes = Vec::new();
        if let Some(d) = display {
            notes.push(format!("The TimelineJS file shows the date as \"{d}\"."));
        }
        for (d, which) in [(Some(start), "start"), (end, "end")] {
            if let Some(shown) = d.and_then(|d| d.display.as_deref()) {
                notes.push(format!(
                    "The TimelineJS file shows the {which} date as \"{shown}\"."
                ));
            }
        }
        let Some(end) = end else {
            if start.precision == Precision::Day {
                let next = start.first.add_days(1);
                if display.is_some_and(|d| d.trim().eq_ignore_ascii_case(&before_text(next))) {
                    return Some((DateSpec::before(next), Vec::new()));
                }
                return Some((DateSpec::day(start.first), notes));
            }
            let what = if start.precision == Precision::Year {
                "a year"
            } else {
                "a month"
            };
            self.note(
                &format!("{path}.start_date"),
                format!(
                    "gives only {what} ({}): the step is dated as the range {} to {}",
                    start.shown(),
                    start.first,
                    start.last
                ),
            );
            notes.push(format!(
                "The TimelineJS file gives only {what}, {}; the step covers all of it.",
                start.shown()
            ));
            return Some((DateSpec::range(start.first, start.last), notes));
        };
        if end.last < start.first {
            self.error(
                &format!("{path}.end_date"),
                format!("{} is before the start date {}", end.shown(), start.shown()),
                "swap start_date and end_date, or correct one of them",
            );
            return None;
        }
        if start.first == end.last {
            return Some((DateSpec::day(start.first), notes));
        }
        self.note(
            &format!("{path}.end_date"),
            format!(
                "the span {} to {} becomes a date range: the viewer shows the step as happening on a day in it, not throughout it",
                start.shown(),
                end.shown()
            ),
        );
        if display.is_none() {
            notes.push(format!(
                "The TimelineJS file gives the span {} to {}.",
                start.shown(),
                end.shown()
            ));
        }
        Some((DateSpec::range(start.first, end.last), notes))
    }
}

/// How [`export`] shows an open end ("On or after D"); the import keeps
/// such an event on its day D, since a step needs a place on the time line.
pub(super) fn after_text(after: Date) -> String {
    format!("On or after {}", after.english_long())
}

/// How [`export`] writes a `before` date, and [`import`] reads it back.
pub(super) fn before_text(before: Date) -> String {
    format!("Before {}", before.english_long())
}
