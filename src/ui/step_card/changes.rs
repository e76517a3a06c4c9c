//! What a step changed, the handovers still pending with their countdown,
//! and (compare mode) what changed since an earlier date.

use super::place::{place_name, who};
use crate::i18n::format::{self, date_short};
use crate::i18n::{Locale, tr, tr_args};
use crate::model::state::changes_between;
use crate::ui::app::Shared;
use crate::ui::i18n::Txt;
use egui::Ui;

/// How many days are left until a deadline (negative: passed): "4 days
/// left", "due today", "passed 1 day ago", in the interface language.
#[must_use]
pub fn countdown(days_left: i64, loc: Locale) -> String {
    format::countdown(days_left, loc)
}

pub(super) fn changed(ui: &mut Ui, app: &Shared<'_>, i: usize) {
    let loc = app.settings.locale();
    let ds = &app.ds;
    let Some(to) = ds.step_date(i) else { return };
    let from = i
        .checked_sub(1)
        .and_then(|p| ds.step_date(p))
        .unwrap_or(ds.coverage.from);
    let changes = if i == 0 {
        Vec::new()
    } else {
        changes_between(ds, from, to)
    };
    ui.add_space(6.0);
    Txt::new(tr(loc, "card-what-changed")).strong().label(ui);
    if changes.is_empty() {
        let text = if i == 0 {
            tr(loc, "card-start")
        } else {
            tr(loc, "card-no-change")
        };
        Txt::new(text).weak().label(ui);
    }
    for c in changes {
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
        Txt::new(format!("• {line}")).label(ui);
        let ev = if c.controller_changed() {
            Some(&c.after.evidence)
        } else if let Some(p) = &c.after.pending {
            Some(&p.evidence)
        } else {
            c.after.transition.as_ref().map(|t| &t.evidence)
        };
        if let Some(ev) = ev {
            ui.indent(("evidence", &c.id), |ui| {
                super::place::evidence(ui, app, &c.id, ev);
            });
        }
    }
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
        let deadlines: Vec<String> = p
            .deadlines
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
            .collect();
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
