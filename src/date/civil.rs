//! The proleptic Gregorian calendar as a day count: Howard Hinnant's
//! `days_from_civil` and `civil_from_days`
//! (<https://howardhinnant.github.io/date_algorithms.html>), in `i64` with
//! astronomical year numbering (0 is 1 BCE).
//!
//! Days count from 1970-01-01 (day 0). Both directions are exact for every
//! year [`Date`](super::Date) holds (±999,999,999,999: about 3.7 × 10^14
//! days, far inside `i64`); callers keep years within that range, so no
//! step here can overflow.

/// Days in the 400-year Gregorian cycle.
const DAYS_PER_ERA: i64 = 146_097;

/// Day 0 of the count (1970-01-01) as days after 0000-03-01, the start of
/// the algorithm's eras.
const UNIX_FROM_ERA_START: i64 = 719_468;

/// The day count of `year`-`month`-`day` (month 1–12, day 1–31; a day past
/// the month's end runs on into the next month).
pub(super) const fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    let (m, d) = (month as i64, day as i64);
    // The algorithm's year starts on 1 March, so that 29 February ends it.
    let y = if m <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * DAYS_PER_ERA + doe - UNIX_FROM_ERA_START
}

/// The year, month (1–12) and day (1–31) of the day count `days`.
pub(super) const fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + UNIX_FROM_ERA_START;
    let era = z.div_euclid(DAYS_PER_ERA);
    let doe = z - era * DAYS_PER_ERA;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    // `m` is 1–12 and `d` 1–31 by construction.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    (y, m as u8, d as u8)
}

/// Whether `year` (astronomical) is a leap year.
pub(super) const fn is_leap(year: i64) -> bool {
    year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0)
}

/// How many days month `month` (1–12) of `year` has; 0 for a month outside
/// 1–12.
pub(super) const fn month_length(year: i64, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_days() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(0, 3, 1), -UNIX_FROM_ERA_START);
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(days_from_civil(-4, 2, 29)), (-4, 2, 29));
        assert!(is_leap(0) && is_leap(2000) && !is_leap(1900) && is_leap(-400));
        assert!(!is_leap(-100) && is_leap(-4) && !is_leap(-3));
    }
}
