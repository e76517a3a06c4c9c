//! The table of places: the map as a table, one row per tracked place with
//! who controls it, since when, and the handover pending at the date on
//! screen, in the interface language. The columns run right to left in
//! Arabic. Opened from *View › Table of places* and with Ctrl+T.

use egui::Ui;

use super::app::Shared;
use super::i18n::{self, Txt};
use super::step_card::{deadline_items, place_name, who};
use crate::i18n::format::{date_short, date_spec};
use crate::i18n::{Locale, tr, tr_args};
use crate::model::state::PlaceState;

/// The table's rows: for each tracked place at the date on screen, its
/// name, its controller, since when, and what is pending (the cells'
/// text, in reading order).
#[must_use]
pub fn rows(app: &Shared<'_>) -> Vec<[String; 4]> {
    let loc = app.settings.locale();
    app.states
        .iter()
        .map(|s| {
            [
                place_name(app.ds, loc, &s.id).to_owned(),
                who(app.ds, loc, &s.controlled_by),
                date_spec(s.since, loc),
                pending(app, s, loc),
            ]
        })
        .collect()
}

/// The pending column: the handover agreed and its deadlines, else a
/// change under way, else none.
fn pending(app: &Shared<'_>, s: &PlaceState, loc: Locale) -> String {
    let ds = app.ds;
    if let Some(p) = &s.pending {
        let to = who(ds, loc, &p.to);
        if p.deadlines.is_empty() {
            return tr_args(loc, "table-pending-to", &[("who", to.into())]);
        }
        let deadlines = deadline_items(p, loc);
        return tr_args(
            loc,
            "table-pending-deadlines",
            &[
                ("who", to.into()),
                (
                    "deadlines",
                    deadlines.join(&tr(loc, "card-deadline-or")).into(),
                ),
            ],
        );
    }
    if let Some(t) = &s.transition {
        return tr_args(
            loc,
            "state-changing",
            &[
                ("who", who(ds, loc, &t.to).into()),
                ("when", crate::i18n::format::on(t.between, loc).into()),
            ],
        );
    }
    tr(loc, "table-none")
}

/// The table's window, shown while `open` is true (its close button and
/// Esc clear it).
pub fn window(ctx: &egui::Context, app: &Shared<'_>, open: &mut bool) {
    if !*open {
        return;
    }
    let loc = app.settings.locale();
    let title = tr_args(
        loc,
        "table-title",
        &[("date", date_short(app.time.date(), loc).into())],
    );
    i18n::bounded(
        ctx,
        egui::Window::new(i18n::window_title(ctx, &tr(loc, "menu-table"))),
    )
    .id(egui::Id::unique("karabakh-atlas-places-table"))
    .open(open)
    .collapsible(false)
    .default_width(720.0)
    .show(ctx, |ui| {
        i18n::column(ui, loc, |ui| {
            Txt::new(title).strong().label(ui);
        });
        ui.add_space(4.0);
        egui::ScrollArea::both().max_height(420.0).show(ui, |ui| {
            grid(ui, app, loc);
        });
    });
}

fn grid(ui: &mut Ui, app: &Shared<'_>, loc: Locale) {
    let header = [
        tr(loc, "table-place"),
        tr(loc, "table-controller"),
        tr(loc, "table-since"),
        tr(loc, "table-pending"),
    ];
    let rows = rows(app);
    let rtl = loc.is_rtl();
    // In Arabic the first column is on the right.
    let cells = |row: &[String; 4]| -> Vec<String> {
        let mut v = row.to_vec();
        if rtl {
            v.reverse();
        }
        v
    };
    egui::Grid::new("places-table-grid")
        .striped(true)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for h in cells(&header) {
                i18n::column(ui, loc, |ui| {
                    Txt::new(h).strong().label(ui);
                });
            }
            ui.end_row();
            for row in &rows {
                for c in cells(row) {
                    i18n::column(ui, loc, |ui| {
                        Txt::new(c).label(ui);
                    });
                }
                ui.end_row();
            }
        });
}
