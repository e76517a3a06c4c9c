//! What a step changed, the handovers still pending with their countdown,
//! and (compare mode) what changed since an earlier date.

use super::place::{place_name, who};
use crate::i18n::format::{self, date_short};
use crate::i18n::{Locale, tr, tr_args};
use crate::model::state::{PendingHandover, changes_between};
use crate::model::types::Evidence;
use crate::ui::app::Shared;
use crate::ui::i18n::Txt;
use crate::ui::memo;
use egui::{Id, Ui};

/// How many days are left until a deadline (negative: passed): "4 days
/// left", "due today", "passed 1 day ago", in the interface language.
#[must_use]
pub fn countdown(days_left: i64, loc: Locale) -> String {
    format::countdown(days_left, loc)
}

pub(super) fn changed(ui: &mut Ui, app: &Shared<'_>, i: usize) {
    let loc = app.settings.locale();
    // Kept while the step, dataset and language stay the same.
    let key = (app.versions.session, i, loc);
    let lines = memo::kept(ui, Id::unique("card-what-changed"), key, || {
        changes_of_step(app, i)
    });
    ui.add_space(6.0);
    Txt::new(tr(loc, "card-what-changed")).strong().label(ui);
    if lines.is_empty() {
        Txt::new(no_change(loc, i)).weak().label(ui);
    }
    for line in lines.iter() {
        Txt::new(format!("• {}", line.text)).label(ui);
        if let Some(ev) = &line.evidence {
            ui.indent(("evidence", &line.place), |ui| {
                for text in super::place::evidence_texts(app, &line.place, ev) {
                    text.label(ui);
                }
            });
        }
    }
}

/// What the first step (`i` = 0) or a step that changed nothing says
/// instead of its changes.
#[must_use]
pub fn no_change(loc: Locale, i: usize) -> String {
    if i == 0 {
        tr(loc, "card-start")
    } else {
        tr(loc, "card-no-change")
    }
}

/// What step `i` changed, one line per place, in the interface language
/// (none for the first step, which only sets where the timeline starts):
/// the card's list, and what the map announces on a step change.
#[must_use]
pub fn change_lines(app: &Shared<'_>, i: usize) -> Vec<String> {
    changes_of_step(app, i)
        .into_iter()
        .map(|c| c.text)
        .collect()
}

/// One change of a step: its line, its place, and how the sources support
/// it.
struct ChangeLine {
    text: String,
    place: String,
    evidence: Option<Evidence>,
}

/// The changes of step `i`, for [`change_lines`] and the card.
fn changes_of_step(app: &Shared<'_>, i: usize) -> Vec<ChangeLine> {
    let loc = app.settings.locale();
    let ds = &app.ds;
    let Some(to) = ds.step_date(i).filter(|_| i > 0) else {
        return Vec::new();
    };
    let from = ds.step_date(i - 1).unwrap_or(ds.coverage.from);
    let mut lines = Vec::new();
    for c in changes_between(ds, from, to) {
        let name = place_name(ds, loc, &c.id);
        let line = if c.controller_changed() {
            tr_args(
                loc,
                "card-change-controller",
                &[
                    ("place", name.into()),
                    (
                        "from",
                        c.before
                            .as_ref()
                            .map_or("—".to_owned(), |b| who(ds, loc, &b.controlled_by))
                            .into(),
                    ),
                    ("to", who(ds, loc, &c.after.controlled_by).into()),
                    ("when", format::on(c.after.since, loc).into()),
                ],
            )
        } else if let Some(p) = &c.after.pending {
            tr_args(
                loc,
                "card-change-pending",
                &[("place", name.into()), ("to", who(ds, loc, &p.to).into())],
            )
        } else if let Some(t) = &c.after.transition {
            tr_args(
                loc,
                "card-change-transition",
                &[
                    ("place", name.into()),
                    ("to", who(ds, loc, &t.to).into()),
                    ("when", format::on(t.between, loc).into()),
                ],
            )
        } else {
            format!("{name}: {}", who(ds, loc, &c.after.controlled_by))
        };
        let ev = if c.controller_changed() {
            Some(c.after.evidence.clone())
        } else if let Some(p) = &c.after.pending {
            Some(p.evidence.clone())
        } else {
            c.after.transition.as_ref().map(|t| t.evidence.clone())
        };
        lines.push(ChangeLine {
            text: line,
            place: c.id.clone(),
            evidence: ev,
        });
    }
    lines
}

/// A pending handover's deadlines, one item each ("25 Nov 2020, 4 days
/// left, according to …"), in the interface language: for the card's list
/// of pending handovers and the table of places.
#[must_use]
pub fn deadline_items(p: &PendingHandover, loc: Locale) -> Vec<String> {
    p.deadlines
        .iter()
        .map(|d| {
            tr_args(
                loc,
                "card-deadline-item",
                &[
                    ("date", date_short(d.date, loc).into()),
                    ("countdown", countdown(d.days_left, loc).into()),
                    ("who", d.according_to.get(loc.lang.tag()).into()),
                ],
            )
        })
        .collect()
}

pub(super) fn pending(ui: &mut Ui, app: &Shared<'_>) {
    let loc = app.settings.locale();
    let ds = &app.ds;
    let pending: Vec<_> = app
        .states
        .iter()
        .filter_map(|s| s.pending.as_ref().map(|p| (s, p)))
        .collect();
    if pending.is_empty() {
        return;
    }
    ui.add_space(6.0);
    Txt::new(tr_args(
        loc,
        "card-pending-title",
        &[("date", date_short(app.time.date(), loc).into())],
    ))
    .strong()
    .label(ui);
    for (s, p) in pending {
        let name = place_name(ds, loc, &s.id);
        let deadlines = deadline_items(p, loc);
        Txt::new(format!(
            "• {}",
            tr_args(
                loc,
                "card-deadline",
                &[
                    ("place", name.into()),
                    (
                        "deadlines",
                        deadlines.join(&tr(loc, "card-deadline-or")).into()
                    ),
                ],
            )
        ))
        .label(ui);
        if p.disputed {
            Txt::new(format!("⚠ {}", tr(loc, "state-deadline-disputed")))
                .color(ui.visuals().warn_fg_color)
                .label(ui);
        }
    }
}

/// Compare mode: what changed between the earlier date and the current one,
/// and the area that changed hands.
pub(super) fn changes_since(ui: &mut Ui, app: &Shared<'_>) {
    use crate::model::area::{moved_between, moved_km2};
    let loc = app.settings.locale();
    let a = crate::ui::app::compare_from(app);
    let b = app.time.date();
    let (from, to) = (a.min(b), a.max(b));
    Txt::new(tr_args(
        loc,
        "card-changes-between",
        &[
            ("from", date_short(from, loc).into()),
            ("to", date_short(to, loc).into()),
        ],
    ))
    .heading()
    .label(ui);
    let moved = moved_between(app.ds, app.areas, from, to);
    if moved.is_empty() {
        Txt::new(tr(loc, "card-nothing-changed")).weak().label(ui);
        return;
    }
    let km = |v: f64| format::number(v.round(), 0, loc);
    for m in &moved {
        let name = place_name(app.ds, loc, &m.place);
        let line = if m.controller_changed {
            tr_args(
                loc,
                "card-moved",
                &[
                    ("place", name.into()),
                    ("from", who(app.ds, loc, &m.from).into()),
                    ("to", who(app.ds, loc, &m.to).into()),
                    ("km", km(m.km2).into()),
                ],
            )
        } else {
            tr_args(loc, "card-moved-pending", &[("place", name.into())])
        };
        Txt::new(format!("• {line}")).label(ui);
    }
    Txt::new(tr_args(
        loc,
        "card-moved-total",
        &[("km", km(moved_km2(&moved)).into())],
    ))
    .strong()
    .label(ui);
    Txt::new(tr(loc, "area-note")).weak().small().label(ui);
}
