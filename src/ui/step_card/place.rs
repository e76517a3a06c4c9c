//! The selected place in the step card: its state at the date, its area,
//! and every step that touched it.

use super::changes::countdown;
use crate::control::TimeCommand;
use crate::i18n::format::{self, date_short, date_spec};
use crate::i18n::{Locale, tr, tr_args};
use crate::model::Dataset;
use crate::model::cite;
use crate::model::state::{PlaceState, steps_touching};
use crate::model::types::{Basis, Evidence};
use crate::scene::display::scheme_label;
use crate::scene::evidence::{evidence_brief, evidence_lines};
use crate::ui::app::{Command, Shared};
use crate::ui::i18n::{self, Txt};
use crate::ui::text::bidi_label;
use egui::{Color32, FontId, Ui};

/// A controller's name in the interface language.
#[must_use]
pub fn who(ds: &Dataset, loc: Locale, id: &str) -> String {
    ds.controller(id)
        .map_or(id.to_owned(), |c| c.names.get(loc.lang.tag()).to_owned())
}

/// The lines describing a tracked place's state (who controls it since
/// when, a change under way, a pending handover with its deadlines), in the
/// interface language; for the card and the map's tooltip.
pub fn state_lines(ui: &mut Ui, app: &Shared<'_>, s: &PlaceState) {
    for line in state_texts(app, s, ui.visuals().warn_fg_color) {
        line.label(ui);
    }
}

/// The lines of [`state_lines`], styled but not drawn (`warn` colours a
/// warning): the one wording of a place's state, which the map's
/// accessible nodes read too.
#[must_use]
pub fn state_texts(app: &Shared<'_>, s: &PlaceState, warn: Color32) -> Vec<Txt> {
    let mut lines = Vec::new();
    let ds = &app.ds;
    let loc = app.settings.locale();
    let lang = loc.lang.tag();
    lines.push(Txt::new(tr_args(
        loc,
        "state-controlled-by",
        &[
            ("who", who(ds, loc, &s.controlled_by).into()),
            ("since", format::since(s.since, loc).into()),
        ],
    )));
    lines.extend(evidence_texts(app, &s.id, &s.evidence));
    // The first step sets where the timeline starts: a place that has not
    // changed since has not "changed" at all.
    match ds.step_index(&s.since_step) {
        Some(0) => {
            lines.push(Txt::new(tr_args(
                loc,
                "state-as-at-start",
                &[("title", ds.steps[0].title.get(lang).into())],
            )));
        }
        Some(i) => {
            lines.push(Txt::new(tr_args(
                loc,
                "state-changed-at",
                &[
                    ("n", (i + 1).into()),
                    ("title", ds.steps[i].title.get(lang).into()),
                ],
            )));
        }
        None => {}
    }
    if let Some(t) = &s.transition {
        lines.push(Txt::new(tr_args(
            loc,
            "state-changing",
            &[
                ("who", who(ds, loc, &t.to).into()),
                ("when", format::on(t.between, loc).into()),
            ],
        )));
    }
    if let Some(p) = &s.pending {
        lines.push(Txt::new(tr_args(
            loc,
            "state-handover-agreed",
            &[("who", who(ds, loc, &p.to).into())],
        )));
        if let Some(words) = evidence_brief(ds, &p.evidence, loc) {
            lines.push(Txt::new(tr_args(
                loc,
                "evidence-pending",
                &[("words", words.into())],
            )));
        }
        for d in &p.deadlines {
            lines.push(Txt::new(tr_args(
                loc,
                "state-deadline",
                &[
                    ("date", date_short(d.date, loc).into()),
                    ("countdown", countdown(d.days_left, loc).into()),
                    ("who", d.according_to.get(lang).into()),
                ],
            )));
        }
        if p.disputed {
            lines.push(Txt::new(tr(loc, "state-deadline-disputed")).color(warn));
        }
    }
    lines
}

/// How the sources support the control of place `id`, one line each
/// ("according to Azerbaijan", "inferred: …", "part of … only", the note),
/// and, with *Reported control only* on, why the map shows it as unknown;
/// styled, not drawn.
pub(super) fn evidence_texts(app: &Shared<'_>, id: &str, ev: &Evidence) -> Vec<Txt> {
    let loc = app.settings.locale();
    let mut lines = Vec::new();
    if app.settings.reported_only && ev.basis != Basis::Reported {
        lines.push(Txt::new(tr(loc, "evidence-unknown")).strong());
    }
    let place = place_name(app.ds, loc, id);
    for line in evidence_lines(app.ds, ev, place, loc) {
        lines.push(Txt::new(line).italics());
    }
    lines
}

/// The place's area, labelled as computed from the simplified boundaries.
pub fn area_line(ui: &mut Ui, app: &Shared<'_>, id: &str) {
    let loc = app.settings.locale();
    let Some(km2) = app.areas.get(id) else { return };
    let overlap = app.areas.overlap_of(id).unwrap_or(0.0);
    let km = |v: f64| format::number(v.round(), 0, loc);
    let text = if overlap >= 0.5 {
        tr_args(
            loc,
            "state-area-outside",
            &[
                ("km", km(km2).into()),
                ("inside", km(overlap).into()),
                ("regions", region_names(app.ds, loc).into()),
            ],
        )
    } else {
        tr_args(loc, "state-area", &[("km", km(km2).into())])
    };
    Txt::new(text).label(ui);
    Txt::new(tr(loc, "state-area-note"))
        .weak()
        .small()
        .label(ui);
}

pub(super) fn selection(ui: &mut Ui, app: &Shared<'_>, out: &mut Vec<Command>, id: &str) {
    let loc = app.settings.locale();
    let Some(place) = app.ds.place(id).cloned() else {
        return;
    };
    let shown = place.names.get(loc.lang.tag()).to_owned();
    i18n::row_nowrap(ui, loc, |ui| {
        Txt::new(shown.as_str()).heading().line(ui);
        if i18n::labelled_button(ui, "✖", &tr(loc, "card-clear-selection"), true).clicked() {
            out.push(Command::Select(None));
        }
    });
    // The place's other names.
    let others: Vec<String> = app
        .ds
        .naming
        .iter()
        .filter_map(|s| place.names.exact(s.tag.as_str()))
        .filter(|n| *n != shown)
        .map(str::to_owned)
        .collect();
    if !others.is_empty() {
        bidi_label(
            ui,
            &others.join(" · "),
            FontId::proportional(14.0),
            ui.visuals().text_color(),
        );
    }
    // A name the corpus never uses (an empty alias list) is the dataset's own.
    for scheme in &app.ds.naming {
        let tag = scheme.tag.as_str();
        if place.aliases.get(tag).is_some_and(Vec::is_empty) && place.names.exact(tag).is_some() {
            let label = scheme_label(app.ds, scheme.tag, loc);
            Txt::new(tr_args(
                loc,
                "card-name-ours",
                &[("scheme", label.as_str().into())],
            ))
            .weak()
            .small()
            .label(ui);
        }
    }
    if let Some(state) = app.states.iter().find(|s| s.id == id).cloned() {
        state_lines(ui, app, &state);
        area_line(ui, app, id);
        // The passages behind its current state, one click from the reader.
        let mut ids: Vec<String> = state.citations.clone();
        if let Some(p) = &state.pending {
            ids.extend(p.citations.iter().cloned());
        }
        if let Some(t) = &state.transition {
            ids.extend(t.citations.iter().cloned());
        }
        ids.dedup();
        // Chips show where each passage is; their labels and hover text
        // add the source's title (never the citation's id).
        let names = super::sources::passage_names(app.ds, &ids, loc);
        i18n::row(ui, loc, |ui| {
            Txt::new(tr(loc, "card-passages")).line(ui);
            for (cid, name) in ids.into_iter().zip(names) {
                let shown = app
                    .ds
                    .citation(&cid)
                    .and_then(|c| Some(cite::passage_where(app.ds.source(&c.source)?, c, loc)))
                    .unwrap_or_default();
                let label = tr_args(
                    loc,
                    "card-open-in-reader",
                    &[("passage", name.as_str().into())],
                );
                let b = i18n::labelled_button(ui, &format!("📖 {shown}"), &label, true);
                if i18n::hover(b, &name).clicked() {
                    out.push(Command::OpenCitation(cid));
                }
            }
        });
    }
    ui.add_space(4.0);
    Txt::new(tr(loc, "card-steps-touching")).strong().label(ui);
    let lang = loc.lang.tag();
    let touching: Vec<(usize, String)> = steps_touching(app.ds, id)
        .into_iter()
        .filter_map(|s| {
            app.ds.step_index(&s.id).map(|i| {
                (
                    i,
                    tr_args(
                        loc,
                        "card-step-item",
                        &[
                            ("n", (i + 1).into()),
                            ("date", date_spec(s.date, loc).into()),
                            ("title", s.title.get(lang).into()),
                        ],
                    ),
                )
            })
        })
        .collect();
    for (i, label) in touching {
        let current = app.time.step() == Some(i);
        if i18n::selectable(ui, current, &label).clicked() {
            out.push(Command::Time(TimeCommand::GoToStep(i)));
        }
    }
}

/// A place's name in the interface language.
#[must_use]
pub fn place_name<'a>(ds: &'a Dataset, loc: Locale, id: &'a str) -> &'a str {
    ds.place(id).map_or(id, |p| p.names.get(loc.lang.tag()))
}

/// The names of the dataset's regions, in the interface language, as a
/// list: what districts' areas are counted outside of.
#[must_use]
pub fn region_names(ds: &Dataset, loc: Locale) -> String {
    ds.places
        .iter()
        .filter(|p| p.kind == crate::model::types::PlaceKind::Region)
        .map(|p| p.names.get(loc.lang.tag()))
        .collect::<Vec<_>>()
        .join(&tr(loc, "list-separator"))
}
