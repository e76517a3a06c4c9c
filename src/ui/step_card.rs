//! The step card: the current step's date, title and summary, what changed,
//! pending handovers with their countdown, disputed claims with every
//! version, and the citations with their source; and, when a place is
//! selected, every step that touched it.

use egui::{FontId, RichText, Ui};

use super::app::{App, Command};
use super::map_panel::state_lines;
use super::text::bidi_label;
use crate::control::{TimeCommand, step_date};
use crate::model::state::{changes_between, steps_touching};
use crate::model::types::{Claim, Step};

/// The card.
pub fn ui(ui: &mut Ui, app: &mut App) {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(6.0);
            if app.settings.compare {
                compare(ui, app);
                ui.separator();
            }
            if let Some(id) = app.selected.clone() {
                selection(ui, app, &id);
                ui.separator();
            }
            match app.time.step() {
                Some(i) => step(ui, app, i),
                None => {
                    ui.label("No step yet at this date.");
                }
            }
        });
}

fn selection(ui: &mut Ui, app: &mut App, id: &str) {
    let Some(place) = app.ds.place(id).cloned() else {
        return;
    };
    ui.horizontal(|ui| {
        ui.label(RichText::new(place.names.en()).heading());
        if ui
            .small_button("✖")
            .on_hover_text("Clear the selection")
            .clicked()
        {
            app.push(Command::Select(None));
        }
    });
    let others: Vec<String> = ["az", "ar", "hy"]
        .iter()
        .filter_map(|t| place.names.exact(t))
        .filter(|n| *n != place.names.en())
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
    if place.aliases.get("ar").is_some_and(Vec::is_empty) {
        ui.label(
            RichText::new("Not named in the source corpus; the Arabic name is ours.")
                .weak()
                .small(),
        );
    }
    if let Some(state) = app.states.iter().find(|s| s.id == id).cloned() {
        state_lines(ui, app, &state);
        super::map_panel::area_line(ui, app, id);
        // The passages behind its current state, one click from the reader.
        let mut ids: Vec<String> = state.citations.clone();
        if let Some(p) = &state.pending {
            ids.extend(p.citations.iter().cloned());
        }
        if let Some(t) = &state.transition {
            ids.extend(t.citations.iter().cloned());
        }
        ids.dedup();
        ui.horizontal_wrapped(|ui| {
            ui.label("Passages:");
            for cid in ids {
                let label = format!("Open in reader: {cid}");
                let b = ui
                    .small_button(format!("📖 {cid}"))
                    .on_hover_text("Show this passage in its source");
                b.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, label.clone())
                });
                if b.clicked() {
                    app.push(Command::OpenCitation(cid));
                }
            }
        });
    }
    ui.add_space(4.0);
    ui.label(RichText::new("Steps that touched it").strong());
    let touching: Vec<(usize, String)> = steps_touching(&app.ds, id)
        .into_iter()
        .filter_map(|s| {
            app.ds.step_index(&s.id).map(|i| {
                (
                    i,
                    format!("Step {} · {} · {}", i + 1, s.date.english(), s.title.en()),
                )
            })
        })
        .collect();
    for (i, label) in touching {
        let current = app.time.step() == Some(i);
        if ui.selectable_label(current, label).clicked() {
            app.push(Command::Time(TimeCommand::GoToStep(i)));
        }
    }
}

fn step(ui: &mut Ui, app: &mut App, i: usize) {
    let Some(s) = app.ds.steps.get(i).cloned() else {
        return;
    };
    let ds = &app.ds;
    ui.label(RichText::new(format!("Step {} of {}", i + 1, ds.steps.len())).weak());
    let when = match s.date {
        crate::model::DateSpec::Range { .. } => format!(
            "On a day between {}",
            s.date.english().replace(" – ", " and ")
        ),
        _ => s.date.english(),
    };
    ui.label(RichText::new(when).strong());
    if let Some(note) = &s.date_note {
        ui.label(RichText::new(note).weak().small());
    }
    let date = app.time.date();
    if step_date(ds, i) != Some(date) {
        let days = s.date.end().days_until(date);
        ui.label(
            RichText::new(format!(
                "Showing {}, {days} day(s) after this step.",
                date.english()
            ))
            .italics(),
        );
    }
    ui.add_space(4.0);
    ui.label(RichText::new(s.title.en()).heading());
    if let Some(ar) = s.title.exact("ar") {
        bidi_label(
            ui,
            ar,
            FontId::proportional(17.0),
            ui.visuals().strong_text_color(),
        );
    }
    ui.add_space(4.0);
    summary(ui, app, &s);
    changed(ui, app, i);
    pending(ui, app);
    claims(ui, app, &s);
    citations(ui, app, &s);
}

fn summary(ui: &mut Ui, app: &mut App, s: &Step) {
    let arabic = app.settings.arabic_summary && s.summary.exact("ar").is_some();
    let label = if arabic {
        "Show summary in English"
    } else {
        "Show summary in Arabic"
    };
    let text = if arabic { "English" } else { "العربية" };
    let r = ui.small_button(text).on_hover_text(label);
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label));
    if r.clicked() {
        app.settings.arabic_summary = !app.settings.arabic_summary;
    }
    let body = if arabic {
        s.summary.get("ar")
    } else {
        s.summary.en()
    };
    bidi_label(
        ui,
        body,
        FontId::proportional(14.0),
        ui.visuals().text_color(),
    );
}

fn changed(ui: &mut Ui, app: &App, i: usize) {
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
    ui.label(RichText::new("What changed since the previous step").strong());
    if changes.is_empty() {
        ui.label(
            RichText::new(if i == 0 {
                "This is the starting situation."
            } else {
                "No change of control."
            })
            .weak(),
        );
    }
    let who = |id: &str| {
        ds.controller(id)
            .map_or(id.to_owned(), |c| c.names.en().to_owned())
    };
    for c in changes {
        let name = ds.place(&c.id).map_or(c.id.as_str(), |p| p.names.en());
        let line = if c.controller_changed() {
            format!(
                "{name}: from {} to {} ({})",
                c.before
                    .as_ref()
                    .map_or("—".to_owned(), |b| who(&b.controlled_by)),
                who(&c.after.controlled_by),
                c.after.since.english_on().trim_start_matches("on ")
            )
        } else if let Some(p) = &c.after.pending {
            format!("{name}: handover to {} agreed", who(&p.to))
        } else if let Some(t) = &c.after.transition {
            format!(
                "{name}: changing to {} {}",
                who(&t.to),
                t.between.english_on()
            )
        } else {
            format!("{name}: {}", who(&c.after.controlled_by))
        };
        ui.label(format!("• {line}"));
    }
}

fn pending(ui: &mut Ui, app: &App) {
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
    ui.label(
        RichText::new(format!(
            "Handovers pending on {}",
            app.time.date().english()
        ))
        .strong(),
    );
    for (s, p) in pending {
        let name = ds.place(&s.id).map_or(s.id.as_str(), |pl| pl.names.en());
        let deadlines: Vec<String> = p
            .deadlines
            .iter()
            .map(|d| {
                format!(
                    "{} ({}, according to {})",
                    d.date.english(),
                    d.countdown(),
                    d.according_to
                )
            })
            .collect();
        ui.label(format!("• {name}: deadline {}", deadlines.join("; or ")));
        if p.disputed {
            ui.label(
                RichText::new("   ⚠ the sources disagree on this deadline")
                    .color(ui.visuals().warn_fg_color),
            );
        }
    }
}

fn claims(ui: &mut Ui, app: &App, s: &Step) {
    let claims: Vec<&Claim> = s.claims.iter().filter_map(|id| app.ds.claim(id)).collect();
    if claims.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Claims in the sources").strong());
    for c in claims {
        let badge = if c.disputed {
            RichText::new(format!("⚠ Disputed: {}", c.subject.en()))
                .color(ui.visuals().warn_fg_color)
        } else {
            RichText::new(format!("✔ Sources agree: {}", c.subject.en()))
        };
        egui::CollapsingHeader::new(badge)
            .id_salt(("claim", &c.id))
            .show(ui, |ui| {
                if let Some(note) = &c.note {
                    ui.label(RichText::new(note).weak());
                }
                for v in &c.versions {
                    let value = v.date.map_or(v.value.clone(), |d| d.english());
                    ui.label(
                        RichText::new(format!("{value} — according to {}", v.according_to))
                            .strong(),
                    );
                    for id in &v.citations {
                        if let Some(cit) = app.ds.citation(id) {
                            let src = app
                                .ds
                                .source(&cit.source)
                                .map_or(cit.source.as_str(), |s| s.id.as_str());
                            ui.label(
                                RichText::new(format!("[{src}, line {}]", cit.line))
                                    .weak()
                                    .small(),
                            );
                            bidi_label(
                                ui,
                                &cit.quote,
                                FontId::proportional(14.0),
                                ui.visuals().text_color(),
                            );
                        }
                    }
                }
            });
    }
}

fn citations(ui: &mut Ui, app: &mut App, s: &Step) {
    let ids: Vec<String> = app
        .ds
        .step_citation_ids(s)
        .into_iter()
        .map(str::to_owned)
        .collect();
    let mut commands = Vec::new();
    ui.add_space(6.0);
    ui.label(RichText::new(format!("Sources ({} passages)", ids.len())).strong());
    for id in &ids {
        let Some(c) = app.ds.citation(id) else {
            continue;
        };
        let Some(src) = app.ds.source(&c.source) else {
            continue;
        };
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(&src.label).small().strong());
            ui.horizontal(|ui| {
                let label = format!("Open in reader: {id}");
                let b = ui
                    .small_button("📖 Open in reader")
                    .on_hover_text("Show this passage in the full text of its source");
                b.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, label.clone())
                });
                if b.clicked() {
                    commands.push(Command::OpenCitation(id.clone()));
                }
                let label = format!("Copy reference: {id}");
                let b = ui
                    .small_button("📋 Copy")
                    .on_hover_text("Copy the reference and the exact quote");
                b.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, label.clone())
                });
                if b.clicked() {
                    commands.push(Command::CopyCitation(id.clone()));
                }
            });
            if let Some(sp) = &c.speaker {
                ui.label(RichText::new(format!("Speaker: {sp}")).small());
            }
            bidi_label(
                ui,
                &c.quote,
                FontId::proportional(15.0),
                ui.visuals().strong_text_color(),
            );
            ui.label(RichText::new(&c.gloss).italics());
            egui::CollapsingHeader::new(RichText::new("Source details").small())
                .id_salt(("cite", &c.id))
                .show(ui, |ui| {
                    ui.label(format!("Source id: {}", src.id));
                    ui.label(format!(
                        "File: {} (received as {})",
                        src.file, src.original_file_name
                    ));
                    ui.label(format!(
                        "Passage: line {}, character offset {}",
                        c.line, c.offset
                    ));
                    for (what, p) in [
                        ("Publisher", &src.publisher),
                        ("Dateline", &src.dateline),
                        ("Page date", &src.page_date),
                        ("Headline", &src.headline),
                    ] {
                        if let Some(p) = p {
                            ui.horizontal_wrapped(|ui| {
                                ui.label(format!("{what}:"));
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
                        ui.label(RichText::new(n).weak().small());
                    }
                    ui.label(
                        RichText::new(format!("Citation id: {}", c.id))
                            .weak()
                            .small(),
                    );
                });
        });
    }
    for c in commands {
        app.push(c);
    }
}

/// Compare mode: what changed between the earlier date and the current one,
/// and the area that changed hands.
fn compare(ui: &mut Ui, app: &mut App) {
    use crate::model::area::{AREA_NOTE, moved_between, moved_km2, thousands};
    let a = super::app::compare_from(app);
    let b = app.time.date();
    let (from, to) = (a.min(b), a.max(b));
    ui.label(
        RichText::new(format!(
            "Changes from {} to {}",
            from.english(),
            to.english()
        ))
        .heading(),
    );
    let moved = moved_between(&app.ds, &app.areas, from, to);
    if moved.is_empty() {
        ui.label(RichText::new("Nothing changed between these dates.").weak());
        return;
    }
    let who = |id: &str| {
        app.ds
            .controller(id)
            .map_or(id.to_owned(), |c| c.names.en().to_owned())
    };
    for m in &moved {
        let name = app
            .ds
            .place(&m.place)
            .map_or(m.place.as_str(), |p| p.names.en());
        if m.controller_changed {
            ui.label(format!(
                "• {name}: from {} to {}, {} km²",
                who(&m.from),
                who(&m.to),
                thousands(m.km2)
            ));
        } else {
            ui.label(format!(
                "• {name}: handover agreed or under way, not yet changed"
            ));
        }
    }
    ui.label(
        RichText::new(format!(
            "Area that changed hands: {} km²",
            thousands(moved_km2(&moved))
        ))
        .strong(),
    );
    ui.label(RichText::new(AREA_NOTE).weak().small());
}
