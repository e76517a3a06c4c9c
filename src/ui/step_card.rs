//! The step card: the current step's date, title and summary, what changed,
//! pending handovers with their countdown, disputed claims with every
//! version, and the citations with their source; and, when a place is
//! selected, every step that touched it. In the interface language, right
//! to left in Arabic.

use egui::{FontId, Ui};

use super::app::{Command, Pref, Shared};
use super::i18n::{self, Txt};
use super::text::bidi_label;
use crate::control::{TimeCommand, step_date};
use crate::i18n::format::{self, date_short, date_spec};
use crate::i18n::{Lang, Locale, tr, tr_args};
use crate::model::Dataset;
use crate::model::state::{PlaceState, changes_between, steps_touching};
use crate::model::types::{Citation, Claim, ClaimVersion, Step};
use crate::scene::display::scheme_label;

/// The card.
pub fn ui(ui: &mut Ui, app: &Shared<'_>, out: &mut Vec<Command>) {
    let loc = app.settings.locale();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            i18n::column(ui, loc, |ui| {
                ui.add_space(6.0);
                if app.settings.compare {
                    compare(ui, app);
                    ui.separator();
                }
                if let Some(id) = app.selected.clone() {
                    selection(ui, app, out, &id);
                    ui.separator();
                }
                match app.time.step() {
                    Some(i) => step(ui, app, out, i),
                    None => {
                        Txt::new(tr(loc, "card-no-step")).label(ui);
                    }
                }
            });
        });
}

/// A controller's name in the interface language.
fn who(ds: &Dataset, loc: Locale, id: &str) -> String {
    ds.controller(id)
        .map_or(id.to_owned(), |c| c.names.get(loc.lang.tag()).to_owned())
}

/// A place's name in the interface language.
fn place_name<'a>(ds: &'a Dataset, loc: Locale, id: &'a str) -> &'a str {
    ds.place(id).map_or(id, |p| p.names.get(loc.lang.tag()))
}

/// How many days are left until a deadline (negative: passed): "4 days
/// left", "due today", "passed 1 day ago", in the interface language.
#[must_use]
pub fn countdown(days_left: i64, loc: Locale) -> String {
    format::countdown(days_left, loc)
}

/// The lines describing a tracked place's state (who controls it since
/// when, a change under way, a pending handover with its deadlines), in the
/// interface language; for the card and the map's tooltip.
pub fn state_lines(ui: &mut Ui, app: &Shared<'_>, s: &PlaceState) {
    let ds = &app.ds;
    let loc = app.settings.locale();
    let lang = loc.lang.tag();
    Txt::new(tr_args(
        loc,
        "state-controlled-by",
        &[
            ("who", who(ds, loc, &s.controlled_by).into()),
            ("since", format::since(s.since, loc).into()),
        ],
    ))
    .label(ui);
    if let Some(i) = ds.step_index(&s.since_step) {
        Txt::new(tr_args(
            loc,
            "state-changed-at",
            &[
                ("n", (i + 1).into()),
                ("title", ds.steps[i].title.get(lang).into()),
            ],
        ))
        .label(ui);
    }
    if let Some(t) = &s.transition {
        Txt::new(tr_args(
            loc,
            "state-changing",
            &[
                ("who", who(ds, loc, &t.to).into()),
                ("when", format::on(t.between, loc).into()),
            ],
        ))
        .label(ui);
    }
    if let Some(p) = &s.pending {
        Txt::new(tr_args(
            loc,
            "state-handover-agreed",
            &[("who", who(ds, loc, &p.to).into())],
        ))
        .label(ui);
        for d in &p.deadlines {
            Txt::new(tr_args(
                loc,
                "state-deadline",
                &[
                    ("date", date_short(d.date, loc).into()),
                    ("countdown", countdown(d.days_left, loc).into()),
                    ("who", d.according_to.get(lang).into()),
                ],
            ))
            .label(ui);
        }
        if p.disputed {
            Txt::new(tr(loc, "state-deadline-disputed"))
                .color(ui.visuals().warn_fg_color)
                .label(ui);
        }
    }
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
            &[("km", km(km2).into()), ("inside", km(overlap).into())],
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

fn selection(ui: &mut Ui, app: &Shared<'_>, out: &mut Vec<Command>, id: &str) {
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
            let label = scheme_label(&app.ds, scheme.tag, loc);
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
        i18n::row(ui, loc, |ui| {
            Txt::new(tr(loc, "card-passages")).line(ui);
            for cid in ids {
                let label = tr_args(loc, "card-open-in-reader", &[("id", cid.as_str().into())]);
                let b = i18n::labelled_button(ui, &format!("📖 {cid}"), &label, true);
                if b.clicked() {
                    out.push(Command::OpenCitation(cid));
                }
            }
        });
    }
    ui.add_space(4.0);
    Txt::new(tr(loc, "card-steps-touching")).strong().label(ui);
    let lang = loc.lang.tag();
    let touching: Vec<(usize, String)> = steps_touching(&app.ds, id)
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

fn step(ui: &mut Ui, app: &Shared<'_>, out: &mut Vec<Command>, i: usize) {
    let loc = app.settings.locale();
    let lang = loc.lang.tag();
    let Some(s) = app.ds.steps.get(i).cloned() else {
        return;
    };
    let ds = &app.ds;
    Txt::new(tr_args(
        loc,
        "card-step-of",
        &[("n", (i + 1).into()), ("total", ds.steps.len().into())],
    ))
    .weak()
    .label(ui);
    Txt::new(format::when(s.date, loc)).strong().label(ui);
    if let Some(note) = &s.date_note {
        Txt::new(note.get(lang)).weak().small().label(ui);
    }
    let date = app.time.date();
    if step_date(ds, i) != Some(date) {
        let days = s.date.end().days_until(date);
        Txt::new(tr_args(
            loc,
            "card-days-after",
            &[
                ("date", date_short(date, loc).into()),
                ("days", days.into()),
            ],
        ))
        .italics()
        .label(ui);
    }
    ui.add_space(4.0);
    Txt::new(s.title.get(lang)).heading().label(ui);
    // The English card also gives the Arabic title.
    if loc.lang == Lang::En
        && let Some(ar) = s.title.exact("ar")
    {
        bidi_label(
            ui,
            ar,
            FontId::proportional(17.0),
            ui.visuals().strong_text_color(),
        );
    }
    ui.add_space(4.0);
    summary(ui, app, out, &s);
    changed(ui, app, i);
    pending(ui, app);
    claims(ui, app, &s);
    citations(ui, app, out, &s);
}

fn summary(ui: &mut Ui, app: &Shared<'_>, out: &mut Vec<Command>, s: &Step) {
    let loc = app.settings.locale();
    let body = if loc.lang == Lang::Ar {
        // The Arabic interface shows the Arabic summary (or the English one
        // where the dataset has none).
        s.summary.get("ar")
    } else {
        let arabic = app.settings.arabic_summary && s.summary.exact("ar").is_some();
        let (text, label) = if arabic {
            ("English", tr(loc, "card-summary-in-en"))
        } else {
            ("العربية", tr(loc, "card-summary-in-ar"))
        };
        if i18n::labelled_button(ui, text, &label, true).clicked() {
            out.push(Command::Pref(Pref::ArabicSummary(!app.settings.arabic_summary)));
        }
        if arabic {
            s.summary.get("ar")
        } else {
            s.summary.en()
        }
    };
    bidi_label(
        ui,
        body,
        FontId::proportional(14.0),
        ui.visuals().text_color(),
    );
}

fn changed(ui: &mut Ui, app: &Shared<'_>, i: usize) {
    let loc = app.settings.locale();
    let ds = &app.ds;
    let Some(to) = step_date(ds, i) else { return };
    let from = i
        .checked_sub(1)
        .and_then(|p| step_date(ds, p))
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
    }
}

fn pending(ui: &mut Ui, app: &Shared<'_>) {
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

fn claims(ui: &mut Ui, app: &Shared<'_>, s: &Step) {
    let loc = app.settings.locale();
    let lang = loc.lang.tag();
    let claims: Vec<&Claim> = s.claims.iter().filter_map(|id| app.ds.claim(id)).collect();
    if claims.is_empty() {
        return;
    }
    ui.add_space(6.0);
    Txt::new(tr(loc, "card-claims")).strong().label(ui);
    for c in claims {
        let subject = c.subject.get(lang);
        let badge = if c.disputed {
            Txt::new(format!(
                "⚠ {}",
                tr_args(loc, "card-claim-disputed", &[("subject", subject.into())])
            ))
            .color(ui.visuals().warn_fg_color)
        } else {
            Txt::new(format!(
                "✔ {}",
                tr_args(loc, "card-claim-agreed", &[("subject", subject.into())])
            ))
        };
        i18n::collapsing(ui, badge, ("claim", &c.id), false, |ui| {
            let value_of = |v: &ClaimVersion| {
                v.date
                    .map_or_else(|| v.value.get(lang).to_owned(), |d| date_short(d, loc))
            };
            claim_versions(ui, &app.ds, loc, c, value_of, false, |ui, _, cit| {
                Txt::new(tr_args(
                    loc,
                    "card-cite-line",
                    &[
                        ("source", cit.source.as_str().into()),
                        ("line", format::count(cit.line, loc).into()),
                    ],
                ))
                .weak()
                .small()
                .label(ui);
                bidi_label(
                    ui,
                    &cit.quote,
                    FontId::proportional(14.0),
                    ui.visuals().text_color(),
                );
            });
        });
    }
}

/// A claim's note, then each version (its value, as `value_of` writes it,
/// and who gives it; after a separator when `separated`) followed by its
/// cited passages, each drawn by `passage` (given the citation id and the
/// citation). The step card and the reader's compare window share it.
pub(super) fn claim_versions(
    ui: &mut Ui,
    ds: &Dataset,
    loc: Locale,
    claim: &Claim,
    value_of: impl Fn(&ClaimVersion) -> String,
    separated: bool,
    mut passage: impl FnMut(&mut Ui, &str, &Citation),
) {
    let lang = loc.lang.tag();
    if let Some(note) = &claim.note {
        Txt::new(note.get(lang)).weak().label(ui);
    }
    for v in &claim.versions {
        if separated {
            ui.separator();
        }
        Txt::new(tr_args(
            loc,
            "card-claim-version",
            &[
                ("value", value_of(v).into()),
                ("who", v.according_to.get(lang).into()),
            ],
        ))
        .strong()
        .label(ui);
        for id in &v.citations {
            if let Some(cit) = ds.citation(id) {
                passage(ui, id, cit);
            }
        }
    }
}

#[allow(clippy::too_many_lines)] // one card section, read top to bottom
fn citations(ui: &mut Ui, app: &Shared<'_>, out: &mut Vec<Command>, s: &Step) {
    let loc = app.settings.locale();
    let lang = loc.lang.tag();
    let ids: Vec<String> = app
        .ds
        .step_citation_ids(s)
        .into_iter()
        .map(str::to_owned)
        .collect();
    let mut commands = Vec::new();
    ui.add_space(6.0);
    Txt::new(tr_args(
        loc,
        "card-sources-title",
        &[("count", ids.len().into())],
    ))
    .strong()
    .label(ui);
    for id in &ids {
        let Some(c) = app.ds.citation(id) else {
            continue;
        };
        let Some(src) = app.ds.source(&c.source) else {
            continue;
        };
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            i18n::column(ui, loc, |ui| {
                Txt::new(src.label.get(lang)).small().strong().label(ui);
                i18n::row_nowrap(ui, loc, |ui| {
                    let label = tr_args(loc, "card-open-in-reader", &[("id", id.as_str().into())]);
                    let b = i18n::labelled_button(
                        ui,
                        &format!("📖 {}", tr(loc, "card-open-reader-button")),
                        &label,
                        true,
                    );
                    if b.clicked() {
                        commands.push(Command::OpenCitation(id.clone()));
                    }
                    let label = tr_args(loc, "card-copy-label", &[("id", id.as_str().into())]);
                    let b = i18n::labelled_button(
                        ui,
                        &format!("📋 {}", tr(loc, "card-copy-button")),
                        &label,
                        true,
                    );
                    if b.clicked() {
                        commands.push(Command::CopyCitation(id.clone()));
                    }
                });
                if let Some(sp) = &c.speaker {
                    Txt::new(tr_args(
                        loc,
                        "card-speaker",
                        &[("name", sp.get(lang).into())],
                    ))
                    .small()
                    .label(ui);
                }
                bidi_label(
                    ui,
                    &c.quote,
                    FontId::proportional(15.0),
                    ui.visuals().strong_text_color(),
                );
                // The gloss translates the quote: only for a reader of
                // another language than the source's.
                if let Some(gloss) = src.gloss(&c.gloss, lang) {
                    Txt::new(gloss).italics().label(ui);
                }
                let details = Txt::new(tr(loc, "card-source-details")).small();
                i18n::collapsing(ui, details, ("cite", &c.id), false, |ui| {
                    source_details(ui, loc, src, c);
                });
            });
        });
    }
    for c in commands {
        out.push(c);
    }
}

/// A source's and citation's particulars: ids, file, position, and the
/// source's own publisher, dateline, page date and headline as printed.
fn source_details(
    ui: &mut Ui,
    loc: Locale,
    src: &crate::model::types::Source,
    c: &crate::model::types::Citation,
) {
    Txt::new(tr_args(
        loc,
        "card-source-id",
        &[("id", src.id.as_str().into())],
    ))
    .label(ui);
    Txt::new(tr_args(
        loc,
        "card-file",
        &[
            ("file", src.file.as_str().into()),
            ("original", src.original_file_name.as_str().into()),
        ],
    ))
    .label(ui);
    Txt::new(tr_args(
        loc,
        "card-passage-at",
        &[
            ("line", format::count(c.line, loc).into()),
            ("offset", format::count(c.offset, loc).into()),
        ],
    ))
    .label(ui);
    for (what, p) in [
        (tr(loc, "field-publisher"), &src.publisher),
        (tr(loc, "field-dateline"), &src.dateline),
        (tr(loc, "field-page-date"), &src.page_date),
        (tr(loc, "field-headline"), &src.headline),
    ] {
        if let Some(p) = p {
            i18n::row(ui, loc, |ui| {
                Txt::new(format!("{what}:")).line(ui);
                bidi_label(
                    ui,
                    &p.text,
                    FontId::proportional(13.0),
                    ui.visuals().text_color(),
                );
            });
        }
    }
    if let Some(n) = &src.note {
        Txt::new(n.get(loc.lang.tag())).weak().small().label(ui);
    }
    Txt::new(tr_args(
        loc,
        "card-citation-id",
        &[("id", c.id.as_str().into())],
    ))
    .weak()
    .small()
    .label(ui);
}

/// Compare mode: what changed between the earlier date and the current one,
/// and the area that changed hands.
fn compare(ui: &mut Ui, app: &Shared<'_>) {
    use crate::model::area::{moved_between, moved_km2};
    let loc = app.settings.locale();
    let a = super::app::compare_from(app);
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
    let moved = moved_between(&app.ds, &app.areas, from, to);
    if moved.is_empty() {
        Txt::new(tr(loc, "card-nothing-changed")).weak().label(ui);
        return;
    }
    let km = |v: f64| format::number(v.round(), 0, loc);
    for m in &moved {
        let name = place_name(&app.ds, loc, &m.place);
        let line = if m.controller_changed {
            tr_args(
                loc,
                "card-moved",
                &[
                    ("place", name.into()),
                    ("from", who(&app.ds, loc, &m.from).into()),
                    ("to", who(&app.ds, loc, &m.to).into()),
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
