//! The figures every output shares: a place's and a controller's English
//! name, each place's area and state at a date ([`Row`], with how the
//! sources support it), km² rounded to
//! 0.1, and the order the series lists the controllers in. The areas
//! themselves come from [`crate::model::area`].

use crate::model::Dataset;
use crate::model::area::{Areas, Series};
use crate::model::date::Date;
use crate::model::state::state_at;
use crate::model::types::{Basis, Evidence};

impl Row {
    /// `reported`, `claimed` or `inferred` (`None` with no state).
    pub(super) fn basis(&self) -> Option<&'static str> {
        self.evidence.as_ref().map(|e| e.basis.as_str())
    }

    /// The claiming party's id, where the basis is claimed.
    pub(super) fn claimed_by(&self) -> Option<String> {
        self.evidence
            .as_ref()
            .filter(|e| e.basis == Basis::Claimed)
            .and_then(|e| e.claimed_by.clone())
    }

    /// `whole` or `part` (`None` with no state).
    pub(super) fn extent(&self) -> Option<&'static str> {
        self.evidence.as_ref().map(|e| e.reach.as_str())
    }
}

/// km² rounded to 0.1 for JSON and CSV.
pub(super) fn r1(x: f64) -> f64 {
    // `+ 0.0` turns a rounded -0.0 into 0.0.
    (x * 10.0).round() / 10.0 + 0.0
}

/// The English name of place `id` (its id if unknown).
pub(super) fn place_name(ds: &Dataset, id: &str) -> String {
    ds.place(id)
        .map_or_else(|| id.to_owned(), |p| p.names.en().to_owned())
}

/// The kind of place `id` ("district", "region", "town"; empty if unknown).
pub(super) fn place_kind(ds: &Dataset, id: &str) -> &'static str {
    ds.place(id).map_or("", |p| p.kind.as_str())
}

/// The English name of controller `id` (its id if unknown).
pub(super) fn controller_name(ds: &Dataset, id: &str) -> String {
    ds.controller(id)
        .map_or_else(|| id.to_owned(), |c| c.names.en().to_owned())
}

/// One place's figures and state at a date.
pub(super) struct Row {
    pub(super) id: String,
    pub(super) km2: f64,
    pub(super) overlap: f64,
    pub(super) full: f64,
    pub(super) controlled_by: Option<String>,
    pub(super) changing_to: Option<String>,
    pub(super) pending_to: Option<String>,
    /// How the sources support the current control (`None` with no state).
    pub(super) evidence: Option<Evidence>,
}

/// Every place with an area, in places.toml order, at `date`.
pub(super) fn rows(ds: &Dataset, a: &Areas, date: Date) -> Vec<Row> {
    let states = state_at(ds, date);
    let state_of = crate::model::state::by_id(&states);
    a.by_place
        .iter()
        .map(|(id, km2)| {
            let s = state_of.get(id.as_str()).copied();
            Row {
                id: id.clone(),
                km2: *km2,
                overlap: a.overlap_of(id).unwrap_or(0.0),
                full: a.full_of(id).unwrap_or(*km2),
                controlled_by: s.map(|s| s.controlled_by.clone()),
                changing_to: s.and_then(|s| s.transition.as_ref().map(|t| t.to.clone())),
                pending_to: s.and_then(|s| s.pending.as_ref().map(|p| p.to.clone())),
                evidence: s.map(|s| s.evidence.clone()),
            }
        })
        .collect()
}

/// The controller ids in the order the series lists them (dataset order).
pub(super) fn series_controller_ids<'a>(ds: &'a Dataset, s: &'a Series) -> Vec<&'a str> {
    s.points.first().map_or_else(
        || ds.controllers.iter().map(|c| c.id.as_str()).collect(),
        |p| {
            p.totals
                .by_controller
                .iter()
                .map(|(c, _)| c.as_str())
                .collect()
        },
    )
}
