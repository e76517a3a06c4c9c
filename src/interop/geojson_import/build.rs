//! From periods to a timeline: places and controllers with ids, each
//! place's changes (a period whose controller differs from the previous
//! one) and agreed handovers, the steps (one per distinct date) and the
//! coverage.

use std::collections::BTreeSet;

use serde_json::Value;

use super::WHAT;
use super::read::{Layer, PendingInfo};
use crate::interop::timelinejs::Note;
use crate::interop::{ImportError, make_id, problem, unique_id};
use crate::model::{Date, DateSpec};

/// A place of the dataset.
#[derive(Debug, Clone)]
pub(super) struct PlaceOut {
    /// Its id.
    pub id: String,
    /// Names by tag, `en` first.
    pub names: Vec<(String, String)>,
    /// `region` or `district`.
    pub region: bool,
    /// The geometry of its latest period.
    pub geometry: Value,
}

/// A controller of the dataset.
#[derive(Debug, Clone)]
pub(super) struct ControllerOut {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The state field's value it stands for.
    pub value: String,
}

/// A change of control, citing feature `feature`.
#[derive(Debug, Clone)]
pub(super) struct ChangeOut {
    /// Place id.
    pub place: String,
    /// Controller id.
    pub to: String,
    /// When.
    pub when: DateSpec,
    /// The feature index it comes from.
    pub feature: usize,
}

/// An agreed handover, citing feature `feature`.
#[derive(Debug, Clone)]
pub(super) struct PendingOut {
    /// Place id.
    pub place: String,
    /// Controller id.
    pub to: String,
    /// The deadline claim's id.
    pub claim: String,
    /// Whether the versions disagree.
    pub disputed: bool,
    /// The versions: day and who gives it.
    pub deadlines: Vec<(Date, String)>,
    /// The feature index it comes from.
    pub feature: usize,
}

/// A step: the changes and handovers of one date.
#[derive(Debug, Clone)]
pub(super) struct StepOut {
    /// Its id.
    pub id: String,
    /// Its date.
    pub date: DateSpec,
    /// Changes on that date.
    pub changes: Vec<ChangeOut>,
    /// Handovers agreed on that date.
    pub pending: Vec<PendingOut>,
}

/// The dataset's timeline.
#[derive(Debug, Clone)]
pub(super) struct Timeline {
    /// Places, in order of first appearance.
    pub places: Vec<PlaceOut>,
    /// Controllers, in order of first appearance.
    pub controllers: Vec<ControllerOut>,
    /// Steps, by date.
    pub steps: Vec<StepOut>,
    /// First and last covered day.
    pub coverage: (Date, Date),
    /// What was carried over differently.
    pub notes: Vec<Note>,
}

/// A step id for a date: `on-2020-11-20`, `between-2020-10-01-and-2020-10-31`,
/// `before-2020-09-27`, `after-2020-09-27`, with `-uncertain` /
/// `-approximate` for a qualified date.
fn step_id(d: DateSpec) -> String {
    let base = match d {
        DateSpec::Day { date, .. } => format!("on-{date}"),
        DateSpec::Range { from, to, .. } => format!("between-{from}-and-{to}"),
        DateSpec::Before { before, .. } => format!("before-{before}"),
        DateSpec::After { after, .. } => format!("after-{after}"),
    };
    let q = d.qualifier();
    let mut id = make_id(&base, "step");
    if q.uncertain {
        id.push_str("-uncertain");
    }
    if q.approximate {
        id.push_str("-approximate");
    }
    id
}

fn controller_id(
    controllers: &mut Vec<ControllerOut>,
    ids: &mut BTreeSet<String>,
    value: &str,
    name: Option<&str>,
) -> String {
    if let Some(c) = controllers.iter().find(|c| c.value == value) {
        return c.id.clone();
    }
    let id = unique_id(&make_id(value, "controller"), ids);
    controllers.push(ControllerOut {
        id: id.clone(),
        name: name.unwrap_or(value).to_owned(),
        value: value.to_owned(),
    });
    id
}

/// The deadline claim of a handover, with `disputed` made consistent with
/// its versions (the loader requires different dates to be disputed and a
/// disputed claim to have two versions).
fn pending_out(place: &str, to: String, p: &PendingInfo, feature: usize, n: usize) -> PendingOut {
    let mut days: Vec<Date> = p.deadlines.iter().map(|(d, _)| *d).collect();
    days.sort_unstable();
    days.dedup();
    PendingOut {
        place: place.to_owned(),
        to,
        claim: format!("deadline-{place}-{n}"),
        disputed: days.len() > 1 || (p.disputed && p.deadlines.len() > 1),
        deadlines: p.deadlines.clone(),
        feature,
    }
}

/// Build the timeline from the layer's periods.
///
/// # Errors
/// Two periods of one place that start on the same day, or overlap.
pub(super) fn build(label: &str, layer: &Layer) -> Result<Timeline, ImportError> {
    let mut errors = Vec::new();
    let mut notes = Vec::new();
    let mut order: Vec<&str> = Vec::new();
    for p in &layer.periods {
        if !order.contains(&p.place.as_str()) {
            order.push(&p.place);
        }
    }
    let (mut place_ids, mut controller_ids) = (BTreeSet::new(), BTreeSet::new());
    let mut places = Vec::new();
    let mut controllers = Vec::new();
    let mut changes: Vec<ChangeOut> = Vec::new();
    let mut pendings: Vec<(DateSpec, PendingOut)> = Vec::new();
    let mut firsts: Vec<Date> = Vec::new();
    let mut lasts: Vec<(Date, Option<Date>, usize)> = Vec::new();
    for value in order {
        let mut ps: Vec<_> = layer.periods.iter().filter(|p| p.place == value).collect();
        ps.sort_by_key(|p| (p.start.start(), p.start.end(), p.index));
        let id = unique_id(&make_id(value, "place"), &mut place_ids);
        let mut current: Option<&str> = None;
        let mut pending_to: Option<&str> = None;
        for (k, p) in ps.iter().enumerate() {
            if let Some(prev) = k.checked_sub(1).and_then(|j| ps.get(j)) {
                let path = format!("features[{}]", p.index);
                if prev.start.start() == p.start.start() {
                    errors.push(problem(
                        label,
                        format!(
                            "{path}: starts on the same day as features[{}] ({}), both periods of {value}",
                            prev.index, p.start
                        ),
                        "a place has one controller a day: merge or fix the two periods",
                    ));
                } else if let Some(end) = prev.end {
                    // Only a certain overlap is an error: a month-precision
                    // start may begin after an end within that month.
                    if end.start() > p.start.end() {
                        errors.push(problem(
                            label,
                            format!(
                                "{path}: starts on {} while features[{}], another period of {value}, runs until {end}",
                                p.start,
                                prev.index
                            ),
                            "periods of a place must not overlap: fix the end of the first or the start of the second",
                        ));
                    } else if end.start() < p.start.start() {
                        notes.push(Note {
                            path: format!("features[{}]", prev.index),
                            message: format!(
                                "ends on {end}, but the next period of {value} starts on {}: the dataset keeps the controller until then",
                                p.start
                            ),
                        });
                    }
                }
            }
            if current != Some(p.state.as_str()) {
                let to = controller_id(
                    &mut controllers,
                    &mut controller_ids,
                    &p.state,
                    p.state_name.as_deref(),
                );
                changes.push(ChangeOut {
                    place: id.clone(),
                    to,
                    when: p.since.unwrap_or(p.start),
                    feature: p.index,
                });
                current = Some(&p.state);
            }
            let new_pending = p.pending.as_ref().map(|x| x.to.as_str());
            if let Some(info) = &p.pending
                && new_pending != pending_to
            {
                if info.deadlines.is_empty() {
                    notes.push(Note {
                        path: format!("features[{}].properties.pending_deadlines", p.index),
                        message: "the agreed handover has no deadline, which the dataset needs; it is not kept".to_owned(),
                    });
                } else {
                    let to = controller_id(&mut controllers, &mut controller_ids, &info.to, None);
                    let n = pendings.iter().filter(|(_, x)| x.place == id).count() + 1;
                    pendings.push((p.start, pending_out(&id, to, info, p.index, n)));
                }
            }
            pending_to = new_pending;
        }
        let Some(first) = changes.iter().find(|c| c.place == id) else {
            continue;
        };
        // The layer starts where its first period does, even when the change
        // that began that period is dated earlier (our export's baseline).
        let first_start = ps.first().map_or(first.when.end(), |p| p.start.start());
        firsts.push(first.when.end().max(first_start));
        if let Some(last) = ps.last() {
            lasts.push((
                last.start.end(),
                last.end.map(|e| e.start().add_days(-1)),
                last.index,
            ));
        }
        let latest = ps.last().copied();
        places.push(PlaceOut {
            id,
            names: latest.map(|p| p.names.clone()).unwrap_or_default(),
            region: latest.is_some_and(|p| p.region),
            geometry: latest.map(|p| p.geometry.clone()).unwrap_or(Value::Null),
        });
    }
    if !errors.is_empty() {
        return Err(ImportError {
            what: WHAT,
            diagnostics: errors,
        });
    }
    let from = firsts.iter().copied().max();
    let to = lasts
        .iter()
        .map(|(s, e, _)| e.unwrap_or(*s).max(*s))
        .chain(firsts.iter().copied())
        .max();
    // An open period runs to the end of the year of the latest date.
    let to = to.map(|to| {
        if lasts.iter().any(|(_, end, _)| end.is_none()) {
            Date::from_ymd(to.year(), 12, 31).map_or(to, |y| y.max(to))
        } else {
            to
        }
    });
    let (Some(from), Some(to)) = (from, to) else {
        return Err(ImportError {
            what: WHAT,
            diagnostics: vec![problem(label, "features: nothing to import", "add periods")],
        });
    };
    if firsts.iter().any(|d| *d < from) {
        notes.push(Note {
            path: "features".to_owned(),
            message: format!(
                "the places' first periods start on different days: the dataset covers {from} to {to}, from the first day every place has a controller"
            ),
        });
    }
    for (_, end, index) in &lasts {
        if let Some(e) = end
            && *e < to
        {
            notes.push(Note {
                path: format!("features[{index}]"),
                message: format!(
                    "the last period of its place ends on {e}: the dataset keeps that controller until {to}, as it gives every place a controller on every day"
                ),
            });
        }
    }
    let mut steps: Vec<StepOut> = Vec::new();
    let step_of = |steps: &mut Vec<StepOut>, date: DateSpec| -> usize {
        if let Some(i) = steps.iter().position(|s| s.date == date) {
            return i;
        }
        steps.push(StepOut {
            id: step_id(date),
            date,
            changes: Vec::new(),
            pending: Vec::new(),
        });
        steps.len() - 1
    };
    for c in changes {
        let i = step_of(&mut steps, c.when);
        steps[i].changes.push(c);
    }
    for (date, p) in pendings {
        let i = step_of(&mut steps, date);
        steps[i].pending.push(p);
    }
    steps.sort_by_key(|s| (s.date.start(), s.date.end()));
    Ok(Timeline {
        places,
        controllers,
        steps,
        coverage: (from, to),
        notes,
    })
}
