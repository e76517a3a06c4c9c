//! The source's text laid out paragraph by paragraph, with its marks:
//! cited passages (the current step's more strongly), find matches, place
//! names, the flash of an opened passage and the disputed-claim badges.

use super::{FLASH_SECS, ReaderState};
use crate::control::TimeCommand;
use crate::i18n::format::{self, date_spec};
use crate::i18n::{tr, tr_args};
use crate::model::cite;
use crate::scene::style::mix;
use crate::text::search;
use crate::ui::app::{Command, Shared};
use crate::ui::i18n::{self, Txt};
use crate::ui::paint::color;
use crate::ui::text::{Mark, marked_lines};
use egui::{Color32, FontId, Pos2, Rect, Sense, Ui, Vec2};
use std::ops::Range;

/// What a marked span is, for interaction.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Target {
    Citation(String),
    Place(String),
    Other,
}

pub(super) fn text(
    ui: &mut Ui,
    app: &Shared<'_>,
    reader: &mut ReaderState,
    out: &mut Vec<Command>,
    src: &crate::model::types::Source,
) {
    let loc = app.settings.locale();
    let lang = loc.lang.tag();
    let style = app.style.clone();
    let now = ui.input(|i| i.time);
    let current: Vec<&str> = app
        .time
        .step()
        .and_then(|i| app.ds.steps.get(i))
        .map(|s| app.ds.step_citation_ids(s))
        .unwrap_or_default();
    // A passage named by where it is in this source, not by its id.
    let passage_where = |cid: &str| {
        app.ds
            .citation(cid)
            .map(|c| cite::passage_where(src, c, loc))
            .unwrap_or_default()
    };
    // Marks over the whole text, in drawing order (later over earlier).
    let mut marks: Vec<(Range<usize>, Mark, Target)> = Vec::new();
    let none = egui::Stroke::NONE;
    for c in app.ds.citations.iter().filter(|c| c.source == src.id) {
        let bg = if current.contains(&c.id.as_str()) {
            style.highlight_current
        } else {
            style.highlight_other
        };
        marks.push((
            c.byte_range.clone(),
            Mark {
                range: 0..0,
                background: color(bg),
                underline: none,
            },
            Target::Citation(c.id.clone()),
        ));
    }
    // Current-step passages above the others where they overlap.
    marks.sort_by_key(|(_, m, _)| m.background == color(style.highlight_current));
    if !reader.query.trim().is_empty() {
        for r in search::find_all(&src.text, &reader.query) {
            marks.push((
                r,
                Mark {
                    range: 0..0,
                    background: color(style.search_hit),
                    underline: none,
                },
                Target::Other,
            ));
        }
    }
    for (r, place) in app
        .reader_index
        .mentions
        .get(&src.id)
        .cloned()
        .unwrap_or_default()
    {
        let underline = egui::Stroke::new(
            style.mention_underline.width,
            color(style.mention_underline.color),
        );
        marks.push((
            r,
            Mark {
                range: 0..0,
                background: Color32::TRANSPARENT,
                underline,
            },
            Target::Place(place),
        ));
    }
    reader.animating = false;
    if let Some((r, start)) = reader.flash.clone() {
        let t = (now - start) / FLASH_SECS;
        if t < 1.0 {
            // Two pulses, fading out.
            // With reduced motion the passage is marked, without pulses.
            let pulse = if app.settings.reduce_motion() {
                1.0
            } else {
                ((t * std::f64::consts::TAU * 2.0).cos() * -0.5 + 0.5) * (1.0 - t)
            };
            let bg = mix(style.highlight_current, style.highlight_flash, pulse as f32);
            marks.push((
                r,
                Mark {
                    range: 0..0,
                    background: color(bg),
                    underline: none,
                },
                Target::Other,
            ));
            reader.animating = true;
            ui.ctx().request_repaint();
        } else {
            reader.flash = None;
        }
    }

    let font = FontId::proportional(app.settings.reader.text_size);
    let ink = ui.visuals().text_color();
    let scroll_to = reader.scroll_to.take();
    let mut hovered_place = None;
    let mut commands = Vec::new();
    let mut badged: std::collections::HashSet<String> = std::collections::HashSet::new();
    egui::ScrollArea::vertical()
        .id_salt(("reader-text", &src.id))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let width = ui.available_width().max(60.0);
            let middle = ui.clip_rect().center().y;
            let mut nearest: Option<(f32, Range<usize>)> = None;
            let mut offset = 0;
            for para in src.text.split('\n') {
                let range = offset..offset + para.len();
                offset = range.end + 1;
                if para.trim().is_empty() {
                    ui.add_space(app.settings.reader.text_size * 0.5);
                    continue;
                }
                let local: Vec<(Mark, &Target)> = marks
                    .iter()
                    .filter(|(r, _, _)| r.start < range.end && range.start < r.end)
                    .map(|(r, m, t)| {
                        let mut m = m.clone();
                        m.range = r.start.max(range.start) - range.start
                            ..r.end.min(range.end) - range.start;
                        (m, t)
                    })
                    .collect();
                let only_marks: Vec<Mark> = local.iter().map(|(m, _)| m.clone()).collect();
                let lines = marked_lines(ui, para, font.clone(), ink, width, &only_marks);
                for line in lines {
                    let size = line.galley.size();
                    let (rect, _) =
                        ui.allocate_exact_size(Vec2::new(width, size.y), Sense::hover());
                    let x = if line.direction.is_rtl() {
                        rect.right() - size.x
                    } else {
                        rect.left()
                    };
                    let origin = Pos2::new(x, rect.top());
                    let abs = range.start + line.logical.start..range.start + line.logical.end;
                    let distance = (rect.center().y - middle).abs();
                    if nearest.as_ref().is_none_or(|(d, _)| distance < *d) {
                        nearest = Some((distance, abs.clone()));
                    }
                    if let Some(target) = &scroll_to
                        && target.start < abs.end
                        && abs.start < target.end
                    {
                        ui.scroll_to_rect(rect, Some(egui::Align::Center));
                    }
                    ui.painter().galley(origin, line.galley.clone(), ink);
                    for span in &line.spans {
                        let Some((_, target)) = local.get(span.mark) else {
                            continue;
                        };
                        let span_rect = Rect::from_x_y_ranges(
                            origin.x + span.x0..=origin.x + span.x1,
                            rect.y_range(),
                        );
                        match target {
                            Target::Citation(cid) => {
                                let steps = app
                                    .reader_index
                                    .citing
                                    .get(cid.as_str())
                                    .cloned()
                                    .unwrap_or_default();
                                let numbers: Vec<String> =
                                    steps.iter().map(|i| format::count(i + 1, loc)).collect();
                                let label = tr_args(
                                    loc,
                                    "reader-cited-passage",
                                    &[
                                        ("passage", passage_where(cid).into()),
                                        ("steps", numbers.join(&tr(loc, "list-separator")).into()),
                                    ],
                                );
                                let r = ui.interact(
                                    span_rect,
                                    ui.scope_id().with((
                                        "cite",
                                        cid.as_str(),
                                        span_rect.min.x as i32,
                                        span_rect.min.y as i32,
                                    )),
                                    Sense::click(),
                                );
                                i18n::accessible(&r, egui::Role::Link, &label);
                                let r = r.on_hover_ui(|ui| {
                                    for &i in &steps {
                                        if let Some(s) = app.ds.steps.get(i) {
                                            Txt::new(tr_args(
                                                loc,
                                                "card-step-item",
                                                &[
                                                    ("n", (i + 1).into()),
                                                    ("date", date_spec(s.date, loc).into()),
                                                    ("title", s.title.get(lang).into()),
                                                ],
                                            ))
                                            .label(ui);
                                        }
                                    }
                                    Txt::new(tr(loc, "reader-click-hint"))
                                        .weak()
                                        .small()
                                        .label(ui);
                                });
                                if r.clicked()
                                    && let Some(&i) = steps.first()
                                {
                                    commands.push(Command::Time(TimeCommand::GoToStep(i)));
                                }
                                r.context_menu(|ui| {
                                    if i18n::button(ui, &tr(loc, "reader-copy-menu")).clicked() {
                                        commands.push(Command::CopyCitation(cid.clone()));
                                        ui.close();
                                    }
                                });
                                if let Some(claims) = app.reader_index.disputed.get(cid.as_str())
                                    && badged.insert(cid.clone())
                                {
                                    disputed_marker(
                                        ui,
                                        app,
                                        &mut commands,
                                        span_rect,
                                        claims,
                                        line.direction.is_rtl(),
                                    );
                                }
                            }
                            Target::Place(pid) => {
                                let r = ui.interact(
                                    span_rect,
                                    ui.scope_id().with((
                                        "place",
                                        pid.as_str(),
                                        span_rect.min.x as i32,
                                        span_rect.min.y as i32,
                                    )),
                                    Sense::click(),
                                );
                                let name = app
                                    .ds
                                    .place(pid)
                                    .map_or(pid.as_str(), |p| p.names.get(lang))
                                    .to_owned();
                                i18n::accessible(
                                    &r,
                                    egui::Role::Link,
                                    &tr_args(
                                        loc,
                                        "reader-place",
                                        &[("name", name.as_str().into())],
                                    ),
                                );
                                if r.hovered() {
                                    hovered_place = Some(pid.clone());
                                }
                                if i18n::hover(
                                    r,
                                    &tr_args(
                                        loc,
                                        "reader-place-hover",
                                        &[("name", name.as_str().into())],
                                    ),
                                )
                                .clicked()
                                {
                                    commands.push(Command::Select(Some(pid.clone())));
                                }
                            }
                            Target::Other => {}
                        }
                    }
                }
            }
            if let Some((_, r)) = nearest {
                reader.in_view = Some(r);
            }
        });
    reader.hovered_place = hovered_place;
    out.extend(commands);
}

/// A "⚠" badge at the start of a passage behind a disputed claim; clicking
/// it opens the comparison of every version.
pub(super) fn disputed_marker(
    ui: &mut Ui,
    app: &Shared<'_>,
    commands: &mut Vec<Command>,
    span: Rect,
    claims: &[String],
    rtl: bool,
) {
    let at = if rtl {
        span.right_top() + Vec2::new(-2.0, -2.0)
    } else {
        span.left_top() + Vec2::new(2.0, -2.0)
    };
    let badge = Rect::from_center_size(at, Vec2::splat(14.0));
    let loc = app.settings.locale();
    let subject = claims
        .iter()
        .filter_map(|id| app.ds.claim(id))
        .map(|c| c.subject.get(loc.lang.tag()).to_owned())
        .collect::<Vec<_>>()
        .join(&tr(loc, "list-group-separator"));
    let label = tr_args(loc, "reader-disputed", &[("subject", subject.into())]);
    let r = ui.interact(
        badge,
        ui.scope_id()
            .with(("disputed", badge.min.x as i32, badge.min.y as i32)),
        Sense::click(),
    );
    i18n::accessible(&r, egui::Role::Button, &label);
    ui.painter()
        .circle_filled(badge.center(), 7.0, ui.visuals().warn_fg_color);
    ui.painter().text(
        badge.center(),
        egui::Align2::CENTER_CENTER,
        "!",
        FontId::proportional(11.0),
        Color32::WHITE,
    );
    if i18n::hover(
        r,
        &tr_args(
            loc,
            "reader-disputed-hover",
            &[("label", label.as_str().into())],
        ),
    )
    .clicked()
        && let Some(id) = claims.first()
    {
        commands.push(Command::ShowClaimVersions(id.clone()));
    }
}
