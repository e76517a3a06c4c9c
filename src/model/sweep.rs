//! The states of a list of places over increasing dates, recomputing only
//! the places whose state can have changed.
//!
//! A place's state at a date ([`place_state_at`]) depends on the date only
//! through whether each of a few dates of its own has been reached: the
//! start and end of each of its changes and the date of each step that
//! agreed a handover of it (the countdown to a deadline aside, which this
//! sweep does not keep current). Between two of these *event* dates its
//! state does not change. Walking the dates in order, a [`Sweep`] recomputes
//! a place only when one of its events has been passed, so a whole series
//! costs time linear in the places, their changes and the dates asked for,
//! where asking [`state_at`](super::state::state_at) at every date costs
//! dates × places.

use super::date::Date;
use super::state::{PlaceState, place_state_at};
use super::types::{Dataset, Place};

/// States of `places` at a date that only moves forward.
pub struct Sweep<'a> {
    ds: &'a Dataset,
    places: Vec<&'a Place>,
    /// (event date, index into `places`), by date.
    events: Vec<(Date, usize)>,
    /// How many of `events` have been passed.
    passed: usize,
    /// The date of the states (`None`: before the first [`Sweep::advance`]).
    at: Option<Date>,
    states: Vec<Option<PlaceState>>,
}

impl<'a> Sweep<'a> {
    /// A sweep over `places`, before any date.
    #[must_use]
    pub fn new(ds: &'a Dataset, places: Vec<&'a Place>) -> Self {
        let mut events = Vec::new();
        for (i, p) in places.iter().enumerate() {
            for (_, c) in ds.changes_of(&p.id) {
                events.push((c.when.start(), i));
                events.push((c.when.end(), i));
            }
            for (s, _) in ds.pending_of(&p.id) {
                events.push((s.date.end(), i));
            }
        }
        events.sort_unstable();
        events.dedup();
        let n = places.len();
        Self {
            ds,
            places,
            events,
            passed: 0,
            at: None,
            states: vec![None; n],
        }
    }

    /// The places, in the order given.
    #[must_use]
    pub fn places(&self) -> &[&'a Place] {
        &self.places
    }

    /// The state of place `i` (index into [`Sweep::places`]) at the last
    /// date advanced to; `None` before its first change.
    #[must_use]
    pub fn state(&self, i: usize) -> Option<&PlaceState> {
        self.states.get(i).and_then(Option::as_ref)
    }

    /// The first date after the last one advanced to (or the first of all,
    /// before any) on which some place's state may change; `None` when no
    /// change is left. Between two advances every state stays the same
    /// until this date, so a walk over days can jump to it instead of
    /// stepping a day at a time.
    #[must_use]
    pub fn next_change(&self) -> Option<Date> {
        self.events.get(self.passed).map(|&(when, _)| when)
    }

    /// Move to `date`, which must not be before the last one (an earlier
    /// date starts over from nothing). Calls `changed(i, before)` for each
    /// place whose state was recomputed, in place order, after storing its
    /// new state (read it with [`Sweep::state`]).
    pub fn advance(
        &mut self,
        date: Date,
        mut changed: impl FnMut(&Self, usize, Option<PlaceState>),
    ) {
        let mut dirty: Vec<usize> = match self.at {
            Some(at) if at <= date => {
                let mut d = Vec::new();
                while let Some(&(when, i)) = self.events.get(self.passed) {
                    if when > date {
                        break;
                    }
                    d.push(i);
                    self.passed += 1;
                }
                d.sort_unstable();
                d.dedup();
                d
            }
            _ => {
                self.passed = self.events.partition_point(|&(when, _)| when <= date);
                (0..self.places.len()).collect()
            }
        };
        self.at = Some(date);
        for i in dirty.drain(..) {
            let Some(place) = self.places.get(i).copied() else {
                continue;
            };
            let new = place_state_at(self.ds, place, date);
            let before = std::mem::replace(&mut self.states[i], new);
            changed(self, i, before);
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::load_bundled;
    use crate::model::state::state_at;

    /// The states a sweep keeps equal those computed afresh at every day of
    /// the coverage (the countdown aside), and it recomputes far fewer.
    #[test]
    fn a_sweep_agrees_with_state_at_every_day() {
        agrees_with_state_at_every_day(&load_bundled().unwrap());
    }

    /// The same with Fuzuli's 2020 change given an open end, which is under
    /// way on every day from its first on.
    #[test]
    fn a_sweep_agrees_with_state_at_every_day_with_an_open_end() {
        use crate::date::DateSpec;
        let mut ds = load_bundled().unwrap();
        let war = Date::parse("2020-09-27").unwrap();
        for c in ds.steps.iter_mut().flat_map(|s| &mut s.changes) {
            if c.place == "fuzuli" && c.to == "azerbaijan" {
                c.when = DateSpec::after(war);
            }
        }
        agrees_with_state_at_every_day(&ds);
        let fuzuli = ds.place("fuzuli").unwrap();
        let mut sweep = Sweep::new(&ds, vec![fuzuli]);
        sweep.advance(ds.coverage.to, |_, _, _| {});
        assert!(sweep.state(0).is_some_and(PlaceState::is_uncertain));
        assert_eq!(sweep.next_change(), Some(Date::MAX));
    }

    fn agrees_with_state_at_every_day(ds: &Dataset) {
        let places: Vec<&Place> = ds.tracked_places().collect();
        let mut sweep = Sweep::new(ds, places);
        let mut day = ds.coverage.from;
        let (mut days, mut recomputed) = (0, 0);
        while day <= ds.coverage.to {
            sweep.advance(day, |_, _, _| recomputed += 1);
            days += 1;
            let fresh = state_at(ds, day);
            let kept: Vec<&PlaceState> = (0..sweep.places().len())
                .filter_map(|i| sweep.state(i))
                .collect();
            assert_eq!(kept.len(), fresh.len(), "{day}");
            for (k, f) in kept.iter().zip(&fresh) {
                assert_eq!(k.id, f.id);
                assert_eq!(k.controlled_by, f.controlled_by, "{day} {}", f.id);
                assert_eq!(k.since, f.since, "{day} {}", f.id);
                assert_eq!(k.transition, f.transition, "{day} {}", f.id);
                assert_eq!(
                    k.pending.as_ref().map(|p| &p.to),
                    f.pending.as_ref().map(|p| &p.to),
                    "{day} {}",
                    f.id
                );
            }
            day = day.add_days(1);
        }
        let n = sweep.places().len();
        assert!(
            recomputed < days * n / 10,
            "{recomputed} recomputations for {days} days of {n} places"
        );
        // Going back starts over.
        sweep.advance(ds.coverage.from, |_, _, _| {});
        let first = state_at(ds, ds.coverage.from);
        assert_eq!(
            (0..n).filter(|&i| sweep.state(i).is_some()).count(),
            first.len()
        );
    }
}
