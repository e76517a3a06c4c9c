//! The time panel's axis: dates to horizontal positions, with long quiet
//! stretches collapsed.
//!
//! The steps cluster in two bursts (autumn 2020 and September 2023) almost
//! three years apart. On a linear axis the quiet years take nearly all the
//! width and the steps of each burst pile on top of each other. With
//! collapsing on, every stretch of more than [`GAP_MIN_DAYS`] days without an
//! event is squeezed to about [`COLLAPSED_GAP_SHARE`] of the width, and the
//! other days share the rest evenly. The mapping stays strictly increasing
//! day by day (a gap's days are compressed, not dropped), so every date still
//! has its own position and [`TimeAxis::date_from_x`] inverts
//! [`TimeAxis::x_from_date`] exactly at day resolution.
//!
//! Positions are fractions of the axis, `0.0` at `from` and `1.0` at `to`;
//! the panel multiplies them by its width.

use crate::model::Date;

/// A stretch without events must be longer than this many days to be
/// collapsed.
pub const GAP_MIN_DAYS: i64 = 60;

/// The share of the axis width each collapsed gap gets (see
/// [`MAX_COLLAPSED_TOTAL`] for many gaps).
pub const COLLAPSED_GAP_SHARE: f64 = 0.04;

/// The most of the axis all collapsed gaps together may take; with many
/// gaps each one's share shrinks below [`COLLAPSED_GAP_SHARE`] to respect it.
pub const MAX_COLLAPSED_TOTAL: f64 = 0.5;

/// The most months an axis is marked by month; a longer one is marked by
/// years.
pub const MAX_MONTH_MARKS: i64 = 240;

/// About the most year marks an axis gets.
pub const MAX_YEAR_MARKS: i64 = 100;

/// How far apart an axis's marks are ([`TimeAxis::mark_step`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkStep {
    /// At the start of every month.
    Months,
    /// At the start of every so many years.
    Years(i64),
}

/// A collapsed stretch, for drawing break marks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gap {
    /// The first day without events.
    pub from: Date,
    /// The last day without events.
    pub to: Date,
    /// Axis position of `from`, in `0.0..=1.0`.
    pub x0: f32,
    /// Axis position of `to`, in `0.0..=1.0`.
    pub x1: f32,
}

/// An inclusive range of day offsets from the axis start.
type DayRange = (i64, i64);

/// A breakpoint of the mapping: (day offset, position).
type Knot = (i64, f64);

/// Dates to axis positions and back; see the module documentation.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeAxis {
    from: Date,
    to: Date,
    /// `(day offset from `from`, position)`, strictly increasing in both;
    /// positions are linear between knots. The first is `(0, 0.0)`, the last
    /// `(days, 1.0)` (only one knot when `from == to`).
    knots: Vec<Knot>,
    /// Collapsed gaps as inclusive day offsets.
    gaps: Vec<DayRange>,
}

impl TimeAxis {
    /// The axis from `from` to `to` (swapped if reversed). `events` are the
    /// steps' `(start, end)` day ranges, both included (a single day is
    /// `(d, d)`; reversed ranges are swapped; days outside the axis are
    /// ignored). With `collapse`, every stretch of more than
    /// [`GAP_MIN_DAYS`] event-free days is squeezed (never widened) to about
    /// [`COLLAPSED_GAP_SHARE`] of the axis; without it, or when no event
    /// day falls on the axis, the axis is linear in days.
    #[must_use]
    pub fn new(from: Date, to: Date, events: &[(Date, Date)], collapse: bool) -> Self {
        let (from, to) = if to < from { (to, from) } else { (from, to) };
        let days = from.days_until(to);
        let gaps = if collapse {
            quiet_stretches(from, days, events)
        } else {
            Vec::new()
        };
        let (knots, gaps) = build_knots(days, gaps);
        Self {
            from,
            to,
            knots,
            gaps,
        }
    }

    /// The first day of the axis (position 0).
    #[must_use]
    pub fn from(&self) -> Date {
        self.from
    }

    /// The last day of the axis (position 1).
    #[must_use]
    pub fn to(&self) -> Date {
        self.to
    }

    /// The position of `d` in `0.0..=1.0`; days outside the axis are clamped
    /// to its ends. A one-day axis puts its day at 0.
    #[must_use]
    pub fn x_from_date(&self, d: Date) -> f32 {
        let days = self.from.days_until(self.to);
        let i = self.from.days_until(d).clamp(0, days);
        to_f32(self.x_of_offset(i)).clamp(0.0, 1.0)
    }

    /// The day at position `x` (clamped to `0.0..=1.0`; NaN counts as 0),
    /// rounded to the nearest day: `date_from_x(x_from_date(d)) == d` for
    /// every day of the axis.
    #[must_use]
    pub fn date_from_x(&self, x: f32) -> Date {
        let x = if x.is_nan() {
            0.0
        } else {
            f64::from(x.clamp(0.0, 1.0))
        };
        let k = self.knots.partition_point(|&(_, kx)| kx <= x);
        let offset = match (
            k.checked_sub(1).and_then(|i| self.knots.get(i)),
            self.knots.get(k),
        ) {
            (Some(&(d0, x0)), Some(&(d1, x1))) => {
                let span = days_f64(d1 - d0);
                let t = if x1 > x0 { (x - x0) / (x1 - x0) } else { 0.0 };
                #[allow(clippy::cast_possible_truncation)]
                let step = (t * span).round() as i64;
                d0 + step.clamp(0, d1 - d0)
            }
            (Some(&(d0, _)), None) => d0,
            (None, Some(&(d1, _))) => d1,
            (None, None) => 0,
        };
        self.from.add_days(offset)
    }

    /// How far apart [`Self::marks`] are: months on an axis of up to
    /// [`MAX_MONTH_MARKS`] months, otherwise whole years, every 1, 2, 5, 10,
    /// 20, 50, … years so that there are at most about [`MAX_YEAR_MARKS`]
    /// (an axis of millennia is marked every 100 or 200 years, one from the
    /// Big Bang to today every 200,000,000).
    #[must_use]
    pub fn mark_step(&self) -> MarkStep {
        let days = self.from.days_until(self.to);
        if days / 30 <= MAX_MONTH_MARKS {
            return MarkStep::Months;
        }
        let years = days / 365 + 1;
        let mut scale: i64 = 1;
        loop {
            for m in [1, 2, 5] {
                let step = m * scale;
                if years / step <= MAX_YEAR_MARKS {
                    return MarkStep::Years(step);
                }
            }
            // Years fit in 13 digits, so this ends long before overflowing.
            match scale.checked_mul(10) {
                Some(next) => scale = next,
                None => return MarkStep::Years(scale),
            }
        }
    }

    /// Where the panel and the chart put their marks: the first days of the
    /// months, or of every [`Self::mark_step`] years (round numbers of
    /// years: 1800, 1900; 300 BCE, 200 BCE), that lie on the axis outside
    /// collapsed gaps. Only the marks themselves are visited, so an axis of
    /// billions of years costs no more than one of a century.
    #[must_use]
    pub fn marks(&self) -> Vec<Date> {
        let gaps = self.gaps();
        let outside_gaps = |d: &Date| !gaps.iter().any(|g| g.from < *d && *d < g.to);
        match self.mark_step() {
            MarkStep::Months => {
                let mut out = Vec::new();
                let mut d = if self.from.day() == 1 {
                    self.from
                } else {
                    self.from.first_of_next_month()
                };
                while d <= self.to && d.day() == 1 {
                    if outside_gaps(&d) {
                        out.push(d);
                    }
                    let next = d.first_of_next_month();
                    if next <= d {
                        break;
                    }
                    d = next;
                }
                out
            }
            MarkStep::Years(step) => round_years(self.from.year(), self.to.year(), step)
                .filter_map(|y| Date::from_ymd(y, 1, 1))
                .filter(|d| self.from <= *d && *d <= self.to && outside_gaps(d))
                .collect(),
        }
    }

    /// The collapsed gaps in date order (empty on a linear axis).
    #[must_use]
    pub fn gaps(&self) -> Vec<Gap> {
        self.gaps
            .iter()
            .map(|&(a, b)| Gap {
                from: self.from.add_days(a),
                to: self.from.add_days(b),
                x0: to_f32(self.x_of_offset(a)),
                x1: to_f32(self.x_of_offset(b)),
            })
            .collect()
    }

    /// Position of the day `i` days after `from` (already clamped).
    fn x_of_offset(&self, i: i64) -> f64 {
        let k = self.knots.partition_point(|&(kd, _)| kd <= i);
        match (
            k.checked_sub(1).and_then(|j| self.knots.get(j)),
            self.knots.get(k),
        ) {
            (Some(&(d0, x0)), Some(&(d1, x1))) => {
                let t = days_f64(i - d0) / days_f64(d1 - d0);
                x0 + t * (x1 - x0)
            }
            (Some(&(_, x0)), None) => x0,
            (None, Some(&(_, x1))) => x1,
            (None, None) => 0.0,
        }
    }
}

/// The years from `first` to `last` (astronomical) that are round in the
/// numbering they are shown in: a multiple of `step` counted CE from 1, or
/// BCE as `1 - year` (so 200 BCE is the astronomical -199). Jumps from one
/// to the next.
fn round_years(first: i64, last: i64, step: i64) -> impl Iterator<Item = i64> {
    let step = step.max(1);
    // BCE years (y <= 0) are shown as 1 - y, from 1 - min(last, 0) up to
    // 1 - first (nothing when the axis starts after the year 0); the latest
    // shown year is the earliest on the axis.
    let bce: Vec<i64> = multiples(
        1_i64.saturating_sub(last.min(0)),
        1_i64.saturating_sub(first),
        step,
    )
    .collect();
    let ce = multiples(first.max(1), last, step);
    bce.into_iter().rev().map(|shown| 1 - shown).chain(ce)
}

/// The multiples of `step` (at least 1) from `lo` to `hi`, both included,
/// in ascending order.
fn multiples(lo: i64, hi: i64, step: i64) -> impl Iterator<Item = i64> {
    let below = lo.div_euclid(step).saturating_mul(step);
    let start = if below < lo {
        below.saturating_add(step)
    } else {
        below
    };
    std::iter::successors(Some(start), move |m| m.checked_add(step)).take_while(move |m| *m <= hi)
}

/// The maximal runs of event-free days longer than [`GAP_MIN_DAYS`], as
/// inclusive day offsets in `0..=days`. Empty when no event day is on the
/// axis (there is nothing to make room for).
fn quiet_stretches(from: Date, days: i64, events: &[(Date, Date)]) -> Vec<DayRange> {
    let mut busy: Vec<DayRange> = events
        .iter()
        .filter_map(|&(s, e)| {
            let (s, e) = if e < s { (e, s) } else { (s, e) };
            let (s, e) = (from.days_until(s), from.days_until(e));
            (e >= 0 && s <= days).then(|| (s.max(0), e.min(days)))
        })
        .collect();
    if busy.is_empty() {
        return Vec::new();
    }
    busy.sort_unstable();
    let mut gaps = Vec::new();
    let mut next_free = 0i64;
    for (s, e) in busy {
        if s > next_free && s - next_free > GAP_MIN_DAYS {
            gaps.push((next_free, s - 1));
        }
        next_free = next_free.max(e + 1);
    }
    if days + 1 - next_free > GAP_MIN_DAYS {
        gaps.push((next_free, days));
    }
    gaps
}

/// The knots of the piecewise-linear mapping, and the gaps actually
/// collapsed (a gap whose linear width is already below its collapsed share
/// keeps its linear width and is not reported).
fn build_knots(days: i64, mut gaps: Vec<DayRange>) -> (Vec<Knot>, Vec<DayRange>) {
    if days <= 0 {
        return (vec![(0, 0.0)], Vec::new());
    }
    // Weights: each ordinary day-to-day step weighs 1; the steps inside a
    // collapsed gap (from its first to its last day) weigh `w` together.
    let w = loop {
        let inner: i64 = gaps.iter().map(|&(a, b)| b - a).sum();
        let ordinary = days - inner;
        if gaps.is_empty() || ordinary <= 0 {
            gaps.clear();
            break 0.0;
        }
        let g = days_f64(i64::try_from(gaps.len()).unwrap_or(i64::MAX));
        let share = COLLAPSED_GAP_SHARE.min(MAX_COLLAPSED_TOTAL / g);
        let w = share * days_f64(ordinary) / (1.0 - g * share);
        let before = gaps.len();
        gaps.retain(|&(a, b)| days_f64(b - a) > w);
        if gaps.len() == before {
            break w;
        }
    };
    let mut knots = vec![(0i64, 0.0f64)];
    let mut push = |d: i64, x: f64| {
        if knots.last().is_some_and(|&(ld, _)| ld < d) {
            knots.push((d, x));
        }
    };
    let mut pos = 0.0;
    let mut day = 0i64;
    for &(a, b) in &gaps {
        pos += days_f64(a - day);
        push(a, pos);
        pos += w;
        push(b, pos);
        day = b;
    }
    pos += days_f64(days - day);
    push(days, pos);
    let total = pos;
    for k in &mut knots {
        k.1 /= total;
    }
    if let Some(last) = knots.last_mut() {
        last.1 = 1.0;
    }
    (knots, gaps)
}

/// A day count as `f64` (exact below 2^53 days).
#[allow(clippy::cast_precision_loss)]
fn days_f64(n: i64) -> f64 {
    n as f64
}

/// An axis position as `f32`.
#[allow(clippy::cast_possible_truncation)]
fn to_f32(x: f64) -> f32 {
    x as f32
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn day(s: &str) -> (Date, Date) {
        (d(s), d(s))
    }

    #[test]
    fn an_axis_of_millennia_is_marked_by_round_years_not_months() {
        let axis = TimeAxis::new(d("-2500-01-01"), d("1850-12-31"), &[], false);
        assert_eq!(axis.mark_step(), MarkStep::Years(50));
        let marks = axis.marks();
        assert!(marks.len() <= 100, "{} marks", marks.len());
        assert!(marks.iter().all(|m| (m.month(), m.day()) == (1, 1)));
        // 2450 BCE (astronomical -2449) and 1850 are round; 1 BCE is not.
        assert!(marks.contains(&d("-2449-01-01")) && marks.contains(&d("1850-01-01")));
        assert!(!marks.contains(&d("0000-01-01")));
        // Up to the calendar's last day, month marks end instead of looping.
        let end = TimeAxis::new(d("+999999999999-06-01"), Date::MAX, &[], false);
        assert_eq!(end.mark_step(), MarkStep::Months);
        assert_eq!(end.marks().len(), 7);
        let short = TimeAxis::new(d("2020-09-01"), d("2023-12-31"), &[], false);
        assert_eq!(short.mark_step(), MarkStep::Months);
    }

    #[test]
    fn an_axis_from_the_big_bang_is_marked_by_round_billions_of_years() {
        let big_bang = d("-13800000000-01-01");
        let events = [(big_bang, big_bang), day("2020-11-10")];
        for collapse in [false, true] {
            let axis = TimeAxis::new(big_bang, d("2020-12-31"), &events, collapse);
            assert_eq!(axis.mark_step(), MarkStep::Years(200_000_000));
            let marks = axis.marks();
            // Collapsed, the billions of quiet years are one gap with no
            // marks inside it.
            assert!(marks.len() <= 70, "{}", marks.len());
            assert_eq!(marks.is_empty(), collapse, "{}", marks.len());
            // Round in the numbering they are shown in: 10,000,000,000 BCE is
            // the astronomical -9,999,999,999.
            assert_eq!(marks.contains(&d("-9999999999-01-01")), !collapse);
            assert!(marks.iter().all(|m| (1 - m.year()) % 200_000_000 == 0));
            assert!(marks.windows(2).all(|w| w[0] < w[1]));
            // Both ends and the step between them keep their places.
            assert_eq!(axis.x_from_date(big_bang), 0.0);
            assert_eq!(axis.x_from_date(d("2020-12-31")), 1.0);
            assert!(axis.x_from_date(d("2020-11-10")) > axis.x_from_date(d("-0500-01-01")));
            assert_eq!(axis.date_from_x(0.0), big_bang);
            assert_eq!(axis.date_from_x(1.0), d("2020-12-31"));
        }
        // The whole calendar: a round mark every 20 billion years at most.
        let all = TimeAxis::new(Date::MIN, Date::MAX, &[], false);
        assert_eq!(all.mark_step(), MarkStep::Years(20_000_000_000));
        assert!(all.marks().len() <= 101);
    }

    /// The steps of the bundled timeline, as the issue lists them.
    fn events() -> Vec<(Date, Date)> {
        vec![
            day("2020-09-27"),
            (d("2020-09-27"), d("2020-11-10")),
            day("2020-11-10"),
            day("2020-11-11"),
            (d("2020-11-16"), d("2020-11-17")),
            day("2020-11-19"),
            day("2020-11-20"),
            day("2020-11-25"),
            day("2020-12-01"),
            day("2020-12-01"),
            day("2023-09-19"),
            (d("2023-09-19"), d("2023-09-20")),
            day("2023-09-21"),
            day("2023-09-21"),
        ]
    }

    fn axis(collapse: bool) -> TimeAxis {
        TimeAxis::new(d("2020-09-26"), d("2023-10-01"), &events(), collapse)
    }

    fn every_day(a: &TimeAxis) -> Vec<Date> {
        let n = a.from().days_until(a.to());
        (0..=n).map(|i| a.from().add_days(i)).collect()
    }

    #[test]
    fn strictly_increasing_over_every_day_in_both_modes() {
        for collapse in [false, true] {
            let a = axis(collapse);
            let days = every_day(&a);
            assert_eq!(a.x_from_date(days[0]), 0.0);
            assert_eq!(a.x_from_date(days[days.len() - 1]), 1.0);
            for w in days.windows(2) {
                let (x0, x1) = (a.x_from_date(w[0]), a.x_from_date(w[1]));
                assert!(
                    x1 > x0,
                    "collapse={collapse}: {} {x0} !< {} {x1}",
                    w[0],
                    w[1]
                );
            }
        }
    }

    #[test]
    fn date_from_x_inverts_x_from_date() {
        for collapse in [false, true] {
            let a = axis(collapse);
            for day in every_day(&a) {
                assert_eq!(
                    a.date_from_x(a.x_from_date(day)),
                    day,
                    "collapse={collapse}"
                );
            }
        }
    }

    #[test]
    fn the_quiet_years_are_collapsed_only_when_asked() {
        let collapsed = axis(true);
        let gaps = collapsed.gaps();
        assert_eq!(gaps.len(), 1, "{gaps:?}");
        let g = gaps[0];
        assert_eq!((g.from, g.to), (d("2020-12-02"), d("2023-09-18")));
        assert!(
            g.x1 - g.x0 <= COLLAPSED_GAP_SHARE as f32 + 1e-4,
            "{}",
            g.x1 - g.x0
        );
        assert!(g.x1 > g.x0);
        assert_eq!(collapsed.x_from_date(g.from), g.x0);
        assert_eq!(collapsed.x_from_date(g.to), g.x1);

        let linear = axis(false);
        assert!(linear.gaps().is_empty());
        let span = linear.x_from_date(g.to) - linear.x_from_date(g.from);
        assert!(
            span > 0.9,
            "the quiet years are the bulk of a linear axis: {span}"
        );
        // Linear really is linear.
        let n = linear.from().days_until(linear.to()) as f32;
        let mid = linear.from().add_days(500);
        assert!((linear.x_from_date(mid) - 500.0 / n).abs() < 1e-6);
    }

    #[test]
    fn steps_keep_their_order_in_both_modes() {
        let (lin, col) = (axis(false), axis(true));
        let mut starts: Vec<Date> = events().iter().map(|e| e.0).collect();
        starts.dedup();
        let order = |a: &TimeAxis| {
            let mut v: Vec<(f32, Date)> = starts.iter().map(|&s| (a.x_from_date(s), s)).collect();
            v.sort_by(|p, q| p.0.total_cmp(&q.0));
            v.into_iter().map(|p| p.1).collect::<Vec<_>>()
        };
        assert_eq!(order(&lin), order(&col));
        // Collapsing spreads each burst out: the 2020 war gets most of the
        // width instead of a sliver.
        let war = |a: &TimeAxis| a.x_from_date(d("2020-12-01")) - a.x_from_date(d("2020-09-27"));
        assert!(war(&col) > 0.5 && war(&lin) < 0.1);
    }

    #[test]
    fn edge_cases_do_not_panic() {
        let a = TimeAxis::new(d("2021-01-01"), d("2021-01-01"), &[], true);
        assert_eq!(a.x_from_date(d("2021-01-01")), 0.0);
        assert_eq!(a.date_from_x(0.7), d("2021-01-01"));
        assert!(a.gaps().is_empty());

        // Reversed bounds and events, events off the axis.
        let a = TimeAxis::new(
            d("2021-12-31"),
            d("2021-01-01"),
            &[
                (d("2021-06-10"), d("2021-06-01")),
                day("2019-01-01"),
                day("2025-01-01"),
            ],
            true,
        );
        assert_eq!(a.from(), d("2021-01-01"));
        assert_eq!(a.gaps().len(), 2);
        assert_eq!(a.gaps()[0].to, d("2021-05-31"));
        assert_eq!(a.gaps()[1].from, d("2021-06-11"));
        for day in every_day(&a) {
            assert_eq!(a.date_from_x(a.x_from_date(day)), day);
        }
        assert_eq!(a.x_from_date(d("2000-01-01")), 0.0);
        assert_eq!(a.x_from_date(d("2030-01-01")), 1.0);
        assert_eq!(a.date_from_x(f32::NAN), a.from());
        assert_eq!(a.date_from_x(-3.0), a.from());
        assert_eq!(a.date_from_x(f32::INFINITY), a.to());

        // No event on the axis: linear, no gaps.
        let a = TimeAxis::new(d("2021-01-01"), d("2021-12-31"), &[], true);
        assert!(a.gaps().is_empty());
        assert_eq!(
            a,
            TimeAxis::new(d("2021-01-01"), d("2021-12-31"), &[], false)
        );

        // A gap of exactly GAP_MIN_DAYS days is not collapsed; one more is.
        let start = d("2021-01-01");
        let ev = |n: i64| {
            vec![
                day("2021-01-01"),
                (start.add_days(n + 1), start.add_days(n + 1)),
            ]
        };
        let a = TimeAxis::new(
            start,
            start.add_days(GAP_MIN_DAYS + 1),
            &ev(GAP_MIN_DAYS),
            true,
        );
        assert!(a.gaps().is_empty());
        let a = TimeAxis::new(
            start,
            start.add_days(GAP_MIN_DAYS + 2),
            &ev(GAP_MIN_DAYS + 1),
            true,
        );
        assert_eq!(a.gaps().len(), 1);
    }

    #[test]
    fn many_gaps_share_at_most_half() {
        let start = d("2000-01-01");
        let events: Vec<(Date, Date)> = (0..40)
            .map(|i| {
                let e = start.add_days(i * 100);
                (e, e)
            })
            .collect();
        let a = TimeAxis::new(start, start.add_days(3900), &events, true);
        let gaps = a.gaps();
        assert_eq!(gaps.len(), 39);
        let total: f32 = gaps.iter().map(|g| g.x1 - g.x0).sum();
        assert!(total <= MAX_COLLAPSED_TOTAL as f32 + 1e-4, "{total}");
        for day in every_day(&a) {
            assert_eq!(a.date_from_x(a.x_from_date(day)), day);
        }
    }

    #[test]
    fn a_long_axis_does_not_widen_short_gaps() {
        // Ten years of events every 50 days except one 79-day gap: collapsing
        // it to 4 % would widen it, so it stays linear.
        let start = d("2010-01-01");
        let mut events: Vec<(Date, Date)> = (0..73)
            .map(|i| {
                let e = start.add_days(i * 50);
                (e, e)
            })
            .collect();
        events.retain(|e| start.days_until(e.0) != 1800);
        events.push((start.add_days(1770), start.add_days(1770)));
        let a = TimeAxis::new(start, start.add_days(3600), &events, true);
        assert!(a.gaps().is_empty());
    }
}
