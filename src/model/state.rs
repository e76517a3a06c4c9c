//! Who controls each tracked place at a date, derived from the timeline's
//! changes (never stored per day).
//!
//! A change dated by a range of days is *in transition* inside the range: the
//! sources confirm the previous controller up to its start and the new one
//! from its end, but not the day in between, so the state says exactly that.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::date::{Date, DateSpec};
use super::types::{Change, ClaimKind, Dataset, Evidence, Localized, Place, Step};

/// A change whose day is not known, open at the queried date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Transition {
    /// The controller the place passes to.
    pub to: String,
    /// The days within which it happened.
    pub between: DateSpec,
    /// Id of the step that reports it.
    pub step: String,
    /// Citation ids.
    pub citations: Vec<String>,
    /// How the sources support the change.
    #[serde(flatten)]
    pub evidence: Evidence,
}

/// One version of a handover deadline.
///
/// In JSON, `according_to` stays the English attribution (the CLI's JSON is
/// stable) and `according_to_by_language` holds it in every language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    /// The deadline.
    pub date: Date,
    /// Who gives it, by language.
    pub according_to: Localized,
    /// Citation ids.
    pub citations: Vec<String>,
    /// Days from the queried date to the deadline (negative once passed).
    pub days_left: i64,
}

impl Serialize for Deadline {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Deadline", 5)?;
        st.serialize_field("date", &self.date)?;
        st.serialize_field("according_to", self.according_to.en())?;
        st.serialize_field("according_to_by_language", &self.according_to)?;
        st.serialize_field("citations", &self.citations)?;
        st.serialize_field("days_left", &self.days_left)?;
        st.end()
    }
}

impl Deadline {
    /// "4 days left", "1 day left", "due today", "passed 1 day ago",
    /// "passed 6 days ago".
    #[must_use]
    pub fn countdown(&self) -> String {
        countdown(self.days_left)
    }
}

/// The English countdown for a number of days left (negative: passed).
#[must_use]
pub fn countdown(days_left: i64) -> String {
    crate::i18n::format::countdown(days_left, crate::i18n::Locale::EN)
}

/// A handover agreed and not yet carried out at the queried date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PendingHandover {
    /// The controller it is to pass to.
    pub to: String,
    /// Id of the step that agreed it.
    pub agreed_at_step: String,
    /// Id of the deadline claim.
    pub claim: String,
    /// Whether the sources disagree on the deadline.
    pub disputed: bool,
    /// Every version of the deadline.
    pub deadlines: Vec<Deadline>,
    /// Citation ids for the agreement.
    pub citations: Vec<String>,
    /// How the sources support the agreed handover.
    #[serde(flatten)]
    pub evidence: Evidence,
}

/// A tracked place's state at a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlaceState {
    /// Place id.
    pub id: String,
    /// The last controller the sources confirm at the date.
    pub controlled_by: String,
    /// Since when (a day, or the range within which the change happened).
    pub since: DateSpec,
    /// Id of the step whose change established the current controller.
    pub since_step: String,
    /// Citation ids for the current state.
    pub citations: Vec<String>,
    /// How the sources support the current state (`basis`, `claimed_by`,
    /// `claim_citations`, `basis_note`, `extent` in JSON).
    #[serde(flatten)]
    pub evidence: Evidence,
    /// A change under way whose exact day the sources do not give.
    pub transition: Option<Transition>,
    /// An agreed handover not yet carried out.
    pub pending: Option<PendingHandover>,
}

impl PlaceState {
    /// Whether the date of the state shown is uncertain at this date: inside
    /// a transition window.
    #[must_use]
    pub fn is_uncertain(&self) -> bool {
        self.transition.is_some()
    }
}

fn changes_of<'a>(ds: &'a Dataset, place: &'a Place) -> Vec<(&'a Step, &'a Change)> {
    let mut v = ds.changes_of(&place.id);
    v.sort_by_key(|(_, c)| (c.when.end(), c.when.start()));
    v
}

/// The state of `place` at `date`, or `None` before its first change.
#[must_use]
pub fn place_state_at(ds: &Dataset, place: &Place, date: Date) -> Option<PlaceState> {
    let changes = changes_of(ds, place);
    let (since_step, current) = changes.iter().rev().find(|(_, c)| c.when.end() <= date)?;
    let transition = changes
        .iter()
        .find(|(_, c)| c.when.start() <= date && date < c.when.end())
        .map(|(s, c)| Transition {
            to: c.to.clone(),
            between: c.when,
            step: s.id.clone(),
            citations: c.citations.clone(),
            evidence: c.evidence.clone(),
        });
    let pending = ds
        .pending_of(&place.id)
        .into_iter()
        .rev()
        .filter(|(s, _)| s.date.end() <= date)
        .find(|(s, p)| {
            // Still pending unless a change to the agreed controller has
            // happened since the agreement.
            !changes
                .iter()
                .any(|(_, c)| c.to == p.to && c.when.end() >= s.date.end() && c.when.end() <= date)
        })
        .map(|(s, p)| {
            let claim = ds.claim(&p.deadline);
            PendingHandover {
                to: p.to.clone(),
                agreed_at_step: s.id.clone(),
                claim: p.deadline.clone(),
                disputed: claim.is_some_and(|c| c.disputed),
                deadlines: claim
                    .filter(|c| c.kind == ClaimKind::Date)
                    .map(|c| {
                        c.versions
                            .iter()
                            .filter_map(|v| {
                                v.date.map(|d| Deadline {
                                    date: d,
                                    according_to: v.according_to.clone(),
                                    citations: v.citations.clone(),
                                    days_left: date.days_until(d),
                                })
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                citations: p.citations.clone(),
                evidence: p.evidence.clone(),
            }
        });
    Some(PlaceState {
        id: place.id.clone(),
        controlled_by: current.to.clone(),
        since: current.when,
        since_step: since_step.id.clone(),
        citations: current.citations.clone(),
        evidence: current.evidence.clone(),
        transition,
        pending,
    })
}

/// The state of every tracked place at `date`, in places.toml order (places
/// with no state yet at that date are left out).
#[must_use]
pub fn state_at(ds: &Dataset, date: Date) -> Vec<PlaceState> {
    ds.tracked_places()
        .filter_map(|p| place_state_at(ds, p, date))
        .collect()
}

/// `states` by place id, for lookups in loops over places or features
/// (linear searches there make a frame or a series quadratic in the number
/// of places).
#[must_use]
pub fn by_id(states: &[PlaceState]) -> HashMap<&str, &PlaceState> {
    states.iter().map(|s| (s.id.as_str(), s)).collect()
}

/// The ids of the steps whose changes or agreed handovers touch `place`.
#[must_use]
pub fn steps_touching<'a>(ds: &'a Dataset, place: &str) -> Vec<&'a Step> {
    ds.steps
        .iter()
        .filter(|s| {
            s.changes.iter().any(|c| c.place == place) || s.pending.iter().any(|p| p.place == place)
        })
        .collect()
}

/// How one tracked place's state differs between two dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateChange {
    /// Place id.
    pub id: String,
    /// State at the earlier date (None if it had none).
    pub before: Option<PlaceState>,
    /// State at the later date.
    pub after: PlaceState,
}

impl StateChange {
    /// Whether the controller changed.
    #[must_use]
    pub fn controller_changed(&self) -> bool {
        self.before
            .as_ref()
            .is_none_or(|b| b.controlled_by != self.after.controlled_by)
    }
}

/// The tracked places whose controller, pending handover or transition
/// differs between `from` and `to`, in places.toml order.
#[must_use]
pub fn changes_between(ds: &Dataset, from: Date, to: Date) -> Vec<StateChange> {
    // A place's state changes only on the dates of its changes' starts and
    // ends and of the steps agreeing its handovers (see `model::sweep`):
    // only places with such a date between the two can differ.
    let (lo, hi) = (from.min(to), from.max(to));
    let between = |d: Date| lo < d && d <= hi;
    let mut touched: HashSet<&str> = HashSet::new();
    for s in &ds.steps {
        for c in &s.changes {
            if between(c.when.start()) || between(c.when.end()) {
                touched.insert(&c.place);
            }
        }
        if between(s.date.end()) {
            touched.extend(s.pending.iter().map(|p| p.place.as_str()));
        }
    }
    ds.tracked_places()
        .filter(|p| touched.contains(p.id.as_str()))
        .filter_map(|p| {
            let after = place_state_at(ds, p, to)?;
            let before = place_state_at(ds, p, from);
            let same = before.as_ref().is_some_and(|b| {
                b.controlled_by == after.controlled_by
                    && b.since == after.since
                    && b.pending.as_ref().map(|x| &x.to) == after.pending.as_ref().map(|x| &x.to)
                    && b.transition.as_ref().map(|x| &x.to)
                        == after.transition.as_ref().map(|x| &x.to)
            });
            (!same).then(|| StateChange {
                id: p.id.clone(),
                before,
                after,
            })
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::load_bundled;

    #[test]
    fn the_ceasefire_changes_four_districts_and_agrees_three_handovers() {
        let ds = load_bundled().unwrap();
        let before = Date::parse("2020-09-27").unwrap();
        let after = Date::parse("2020-11-10").unwrap();
        let changes = changes_between(&ds, before, after);
        let ids: Vec<&str> = changes.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "aghdam", "fuzuli", "jabrayil", "zangilan", "qubadli", "lachin", "kalbajar"
            ]
        );
        let moved: Vec<&str> = changes
            .iter()
            .filter(|c| c.controller_changed())
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(moved, ["fuzuli", "jabrayil", "zangilan", "qubadli"]);
        assert!(
            changes
                .iter()
                .filter(|c| !c.controller_changed())
                .all(|c| c.after.pending.is_some())
        );
    }

    #[test]
    fn the_bundled_states_carry_how_the_sources_support_them() {
        use crate::model::types::{Basis, Reach};
        let ds = load_bundled().unwrap();
        let at = |date: &str, id: &str| {
            let d = Date::parse(date).unwrap();
            state_at(&ds, d).into_iter().find(|s| s.id == id).unwrap()
        };
        // Before the war: the districts reported whole, the region in part.
        let kalbajar = at("2020-09-01", "kalbajar");
        assert_eq!(kalbajar.evidence.basis, Basis::Reported);
        assert_eq!(kalbajar.evidence.reach, Reach::Whole);
        let nk = at("2020-09-01", "nagorno-karabakh");
        assert_eq!(
            (nk.evidence.basis, nk.evidence.reach),
            (Basis::Reported, Reach::Part)
        );
        // After the ceasefire: the four retaken districts are inferred (the
        // text does not name them), the three pending handovers reported.
        let fuzuli = at("2020-11-11", "fuzuli");
        assert_eq!(fuzuli.evidence.basis, Basis::Inferred);
        assert!(fuzuli.evidence.basis_note.is_some());
        let aghdam = at("2020-11-11", "aghdam");
        assert_eq!(
            aghdam.pending.as_ref().map(|p| p.evidence.basis),
            Some(Basis::Reported)
        );
        // After the handovers: reported.
        assert_eq!(at("2020-12-02", "lachin").evidence.basis, Basis::Reported);
        // In September 2023 the change is under way, then claimed by
        // Azerbaijan, citing the claim.
        let during = at("2023-09-20", "nagorno-karabakh");
        assert_eq!(
            during.transition.as_ref().map(|t| t.evidence.basis),
            Some(Basis::Claimed)
        );
        let after = at("2023-09-22", "nagorno-karabakh");
        assert_eq!(after.evidence.basis, Basis::Claimed);
        assert_eq!(after.evidence.claimed_by.as_deref(), Some("azerbaijan"));
        assert_eq!(after.evidence.claim_citations, ["claims-full-control"]);
        assert_eq!(after.evidence.reach, Reach::Whole);
    }

    #[test]
    fn nothing_changes_between_a_date_and_itself() {
        let ds = load_bundled().unwrap();
        let d = Date::parse("2021-06-01").unwrap();
        assert!(changes_between(&ds, d, d).is_empty());
    }
}
