//! The [`Dataset`]'s lookups: by id (places, sources, citations, claims,
//! controllers, steps; places, sources, citations and steps through
//! [`Dataset::index`]), by place through [`Dataset::index`], and by step
//! (a step's date, the step at a date). Kept apart from the type
//! definitions in [`super::types`] so each file holds one concern.

use super::date::Date;
use super::types::{
    Change, Citation, Claim, Controller, Dataset, Index, Pending, Place, Source, Step,
};

impl Dataset {
    /// Build [`Dataset::index`] again (after editing places or steps).
    pub fn reindex(&mut self) {
        let mut ix = Index::default();
        for (i, p) in self.places.iter().enumerate() {
            ix.places.entry(p.id.clone()).or_insert(i);
        }
        for (si, s) in self.steps.iter().enumerate() {
            ix.steps.entry(s.id.clone()).or_insert(si);
            for (ci, c) in s.changes.iter().enumerate() {
                ix.changes
                    .entry(c.place.clone())
                    .or_default()
                    .push((si, ci));
            }
            for (pi, p) in s.pending.iter().enumerate() {
                ix.pending
                    .entry(p.place.clone())
                    .or_default()
                    .push((si, pi));
            }
        }
        for (i, s) in self.sources.iter().enumerate() {
            ix.sources.entry(s.id.clone()).or_insert(i);
        }
        for (i, c) in self.citations.iter().enumerate() {
            ix.citations.entry(c.id.clone()).or_insert(i);
        }
        self.index = ix;
    }

    /// The place with this id.
    #[must_use]
    pub fn place(&self, id: &str) -> Option<&Place> {
        match self.index.places.get(id).and_then(|&i| self.places.get(i)) {
            Some(p) if p.id == id => Some(p),
            _ => self.places.iter().find(|p| p.id == id),
        }
    }

    /// Every change of control of place `id`, with its step, in step order.
    #[must_use]
    pub fn changes_of(&self, id: &str) -> Vec<(&Step, &Change)> {
        self.index.changes.get(id).map_or_else(Vec::new, |v| {
            v.iter()
                .filter_map(|&(s, c)| {
                    let step = self.steps.get(s)?;
                    Some((step, step.changes.get(c)?))
                })
                .filter(|(_, c)| c.place == id)
                .collect()
        })
    }

    /// Every handover of place `id` agreed at a step, with its step, in step
    /// order.
    #[must_use]
    pub fn pending_of(&self, id: &str) -> Vec<(&Step, &Pending)> {
        self.index.pending.get(id).map_or_else(Vec::new, |v| {
            v.iter()
                .filter_map(|&(s, p)| {
                    let step = self.steps.get(s)?;
                    Some((step, step.pending.get(p)?))
                })
                .filter(|(_, p)| p.place == id)
                .collect()
        })
    }

    /// The source with this id.
    #[must_use]
    pub fn source(&self, id: &str) -> Option<&Source> {
        match self
            .index
            .sources
            .get(id)
            .and_then(|&i| self.sources.get(i))
        {
            Some(s) if s.id == id => Some(s),
            _ => self.sources.iter().find(|s| s.id == id),
        }
    }

    /// The citation with this id.
    #[must_use]
    pub fn citation(&self, id: &str) -> Option<&Citation> {
        match self
            .index
            .citations
            .get(id)
            .and_then(|&i| self.citations.get(i))
        {
            Some(c) if c.id == id => Some(c),
            _ => self.citations.iter().find(|c| c.id == id),
        }
    }

    /// The claim with this id.
    #[must_use]
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }

    /// The controller with this id.
    #[must_use]
    pub fn controller(&self, id: &str) -> Option<&Controller> {
        self.controllers.iter().find(|c| c.id == id)
    }

    /// The index of the step with this id.
    #[must_use]
    pub fn step_index(&self, id: &str) -> Option<usize> {
        match self.index.steps.get(id) {
            Some(&i) if self.steps.get(i).is_some_and(|s| s.id == id) => Some(i),
            _ => self.steps.iter().position(|s| s.id == id),
        }
    }

    /// The date step `index` is shown at: the day by which it had certainly
    /// happened (the end of its date).
    #[must_use]
    pub fn step_date(&self, index: usize) -> Option<Date> {
        self.steps.get(index).map(|s| s.date.end())
    }

    /// The last step whose date ([`Dataset::step_date`]) is on or before
    /// `date`.
    #[must_use]
    pub fn step_at(&self, date: Date) -> Option<usize> {
        self.steps.iter().rposition(|s| s.date.end() <= date)
    }

    /// Places whose control the timeline tracks, in file order.
    pub fn tracked_places(&self) -> impl Iterator<Item = &Place> {
        self.places.iter().filter(|p| p.kind.is_tracked())
    }

    /// Every citation id a step uses: its own, its changes', its pending
    /// handovers' and its claims' versions', without repeats, in that order.
    #[must_use]
    pub fn step_citation_ids<'a>(&'a self, step: &'a Step) -> Vec<&'a str> {
        let own = step.citations.iter();
        let changes = step.changes.iter().flat_map(|c| c.citations.iter());
        let pending = step.pending.iter().flat_map(|p| p.citations.iter());
        let claims = step
            .claims
            .iter()
            .filter_map(|id| self.claim(id))
            .flat_map(|c| c.versions.iter().flat_map(|v| v.citations.iter()));
        let mut out: Vec<&str> = Vec::new();
        for id in own.chain(changes).chain(pending).chain(claims) {
            if !out.contains(&id.as_str()) {
                out.push(id);
            }
        }
        out
    }

    /// Number of claims whose versions contradict each other.
    #[must_use]
    pub fn disputed_claim_count(&self) -> usize {
        self.claims.iter().filter(|c| c.disputed).count()
    }
}

#[cfg(test)]
mod tests {
    use crate::model::load_bundled;

    #[test]
    fn step_dates_are_the_ends_of_step_dates_and_step_at_inverts_them() {
        let ds = match load_bundled() {
            Ok(ds) => ds,
            Err(e) => unreachable!("{e}"),
        };
        assert!(ds.steps.len() > 2);
        for (i, step) in ds.steps.iter().enumerate() {
            let date = ds.step_date(i);
            assert_eq!(date, Some(step.date.end()));
            // The last step on that day (several may share it).
            let at = date.and_then(|d| ds.step_at(d));
            assert!(at.is_some_and(|j| j >= i && ds.step_date(j) == date));
        }
        assert_eq!(ds.step_date(ds.steps.len()), None);
        let before = ds.step_date(0).map(|d| d.add_days(-1));
        assert_eq!(before.and_then(|d| ds.step_at(d)), None);
    }
}
