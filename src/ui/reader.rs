//! The source reader: the full text of a source, right to left and
//! bidi-correct, with every cited passage highlighted (the current step's
//! more strongly), place names underlined, Arabic-aware find, and links both
//! ways — from a citation to its words, from a highlight to its step.

use std::collections::HashMap;
use std::ops::Range;

use egui::{Color32, FontId, Pos2, Rect, Sense, Ui, Vec2};

use super::app::{Command, Pref, Shared};
use super::i18n::{self, Txt};
use super::paint::color;
use super::step_card::claim_versions;
use super::text::{Mark, bidi_label, marked_lines};
use crate::control::TimeCommand;
use crate::i18n::format::{self, date_long, date_short, date_spec};
use crate::i18n::{tr, tr_args};
use crate::model::Dataset;
use crate::model::types::{ClaimKind, ClaimVersion};
use crate::scene::style::mix;
use crate::text::search;

/// How long an opened passage flashes, seconds.
pub const FLASH_SECS: f64 = 1.6;
/// Smallest and largest reader text size, points.
pub const TEXT_SIZE_RANGE: (f32, f32) = (11.0, 32.0);

/// What the reader needs per dataset, computed once: which steps cite each
/// citation, which disputed claims rest on it, and where places are named.
#[derive(Debug, Clone, Default)]
pub struct ReaderIndex {
    /// Citation id → indices of the steps citing it.
    pub citing: HashMap<String, Vec<usize>>,
    /// Citation id → ids of the disputed claims one of whose versions cites it.
    pub disputed: HashMap<String, Vec<String>>,
    /// Source id → (byte range, place id) of every place name found, by the
    /// place aliases in the source's language.
    pub mentions: HashMap<String, Vec<(Range<usize>, String)>>,
}

impl ReaderIndex {
    /// Build the index for a dataset.
    #[must_use]
    pub fn new(ds: &Dataset) -> Self {
        let mut citing: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, s) in ds.steps.iter().enumerate() {
            for id in ds.step_citation_ids(s) {
                citing.entry(id.to_owned()).or_default().push(i);
            }
        }
        let mut disputed: HashMap<String, Vec<String>> = HashMap::new();
        for c in ds.claims.iter().filter(|c| c.disputed) {
            for v in &c.versions {
                for id in &v.citations {
                    let list = disputed.entry(id.clone()).or_default();
                    if !list.contains(&c.id) {
                        list.push(c.id.clone());
                    }
                }
            }
        }
        let mut mentions: HashMap<String, Vec<(Range<usize>, String)>> = HashMap::new();
        for src in &ds.sources {
            let mut found: Vec<(Range<usize>, String)> = Vec::new();
            let mut aliases: Vec<(&str, &str)> = ds
                .places
                .iter()
                .flat_map(|p| {
                    p.aliases
                        .get(&src.language)
                        .into_iter()
                        .flatten()
                        .map(move |a| (a.as_str(), p.id.as_str()))
                })
                .collect();
            // Longest first, so "ناغورني قره باغ" wins over "قره باغ".
            aliases.sort_by_key(|(a, _)| std::cmp::Reverse(a.len()));
            for (alias, place) in aliases {
                for (at, _) in src.text.match_indices(alias) {
                    let r = at..at + alias.len();
                    if !found
                        .iter()
                        .any(|(o, _)| o.start < r.end && r.start < o.end)
                    {
                        found.push((r, place.to_owned()));
                    }
                }
            }
            found.sort_by_key(|(r, _)| r.start);
            mentions.insert(src.id.clone(), found);
        }
        Self {
            citing,
            disputed,
            mentions,
        }
    }
}

/// The reader's state that does not survive a restart.
#[derive(Debug, Clone, Default)]
pub struct ReaderState {
    /// Bring this byte range into view on the next frame.
    pub scroll_to: Option<Range<usize>>,
    /// The passage flashing and when it started.
    pub flash: Option<(Range<usize>, f64)>,
    /// The find query.
    pub query: String,
    /// Find in every source rather than the open one.
    pub all_sources: bool,
    /// Give the find field the keyboard focus on the next frame.
    pub focus_find: bool,
    /// The disputed claim shown in the comparison window.
    pub compare: Option<String>,
    /// The place named in the text under the pointer.
    pub hovered_place: Option<String>,
    /// Whether a flash is still running (for repaints).
    pub animating: bool,
    /// Where the reader was drawn last (screenshot metadata).
    pub last_rect: Option<Rect>,
    /// The byte range of the line nearest the middle of the view, last
    /// frame: where the reader is, kept when it moves to another window.
    pub in_view: Option<Range<usize>>,
}

impl ReaderState {
    /// Bring the line in view now back into view on the next frame (the
    /// reader is about to be drawn in another window, whose scroll area
    /// starts at the top).
    pub fn keep_place(&mut self) {
        if self.scroll_to.is_none() {
            self.scroll_to.clone_from(&self.in_view);
        }
    }
}

/// What a marked span is, for interaction.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    Citation(String),
    Place(String),
    Other,
}

/// The reader's content (panel or window).
pub fn ui(ui: &mut Ui, app: &Shared<'_>, reader: &mut ReaderState, out: &mut Vec<Command>) {
    let loc = app.settings.locale();
    let Some(source_id) = app.settings.reader.source.clone() else {
        Txt::new(tr(loc, "reader-none")).label(ui);
        return;
    };
    let Some(src) = app.ds.source(&source_id).cloned() else {
        Txt::new(tr_args(
            loc,
            "reader-missing",
            &[("id", source_id.as_str().into())],
        ))
        .label(ui);
        return;
    };
    reader.last_rect = Some(ui.max_rect());
    i18n::column(ui, loc, |ui| {
        header(ui, app, out, &src);
        ui.separator();
        find_bar(ui, app, reader, out, &src.id);
    });
    ui.separator();
    text(ui, app, reader, out, &src);
    compare_window(ui.ctx(), app, reader, out);
}

#[allow(clippy::too_many_lines)] // the header, read top to bottom
fn header(ui: &mut Ui, app: &Shared<'_>, out: &mut Vec<Command>, src: &crate::model::types::Source) {
    let loc = app.settings.locale();
    let lang = loc.lang.tag();
    Txt::new(src.label.get(lang)).strong().label(ui);
    i18n::row(ui, loc, |ui| {
        Txt::new(tr_args(
            loc,
            "card-source-id",
            &[("id", src.id.as_str().into())],
        ))
        .line(ui);
        let size = app.settings.reader.text_size;
        for (text, label, delta) in [
            (
                tr(loc, "reader-smaller-icon"),
                tr(loc, "reader-smaller"),
                -1.0,
            ),
            (tr(loc, "reader-larger-icon"), tr(loc, "reader-larger"), 1.0),
        ] {
            if i18n::labelled_button(ui, &text, &label, true).clicked() {
                out.push(Command::Pref(Pref::ReaderTextSize(
                    (size + delta).clamp(TEXT_SIZE_RANGE.0, TEXT_SIZE_RANGE.1),
                )));
            }
        }
        let (text, label) = if app.settings.reader.popped_out {
            (tr(loc, "reader-dock"), tr(loc, "reader-dock-hover"))
        } else {
            (tr(loc, "reader-pop-out"), tr(loc, "reader-pop-out-hover"))
        };
        if i18n::labelled_button(ui, &text, &label, true).clicked() {
            out.push(Command::ToggleReaderPopOut);
        }
        if i18n::labelled_button(ui, "✖", &tr(loc, "reader-close"), true).clicked() {
            out.push(Command::CloseReader);
        }
    });
    i18n::collapsing(
        ui,
        Txt::new(tr(loc, "reader-about")),
        "reader-about",
        false,
        |ui| {
            Txt::new(tr_args(
                loc,
                "card-file",
                &[
                    ("file", src.file.as_str().into()),
                    ("original", src.original_file_name.as_str().into()),
                ],
            ))
            .label(ui);
            for (what, p) in [
                (tr(loc, "field-headline"), &src.headline),
                (tr(loc, "field-publisher"), &src.publisher),
                (tr(loc, "field-dateline"), &src.dateline),
                (tr(loc, "field-page-date"), &src.page_date),
            ] {
                if let Some(p) = p {
                    let mut title = tr_args(loc, "reader-as-printed", &[("field", what.into())]);
                    // What it says, for a reader of another language.
                    if let Some(gloss) = src.gloss(&p.gloss, lang) {
                        title = format!("{title} ({gloss})");
                    }
                    Txt::new(title).small().label(ui);
                    bidi_label(
                        ui,
                        &p.text,
                        FontId::proportional(14.0),
                        ui.visuals().text_color(),
                    );
                }
            }
            for a in &src.agencies {
                let mut title = tr(loc, "reader-agency");
                if let Some(gloss) = src.gloss(&a.gloss, lang) {
                    title = format!("{title}: {gloss}");
                }
                Txt::new(title).small().label(ui);
                bidi_label(
                    ui,
                    &a.text,
                    FontId::proportional(14.0),
                    ui.visuals().text_color(),
                );
            }
            if !src.stated_dates.is_empty() {
                Txt::new(tr(loc, "reader-stated-dates"))
                    .small()
                    .strong()
                    .label(ui);
                for d in &src.stated_dates {
                    let line = match src.gloss(&d.gloss, lang) {
                        Some(gloss) => format!("{} — {gloss}", date_spec(d.date, loc)),
                        None => date_spec(d.date, loc),
                    };
                    Txt::new(line).small().label(ui);
                }
            }
            if let Some(n) = &src.note {
                Txt::new(n.get(lang)).weak().small().label(ui);
            }
        },
    );
    // Which steps cite it: links to them.
    let mut steps: Vec<usize> = app
        .ds
        .citations
        .iter()
        .filter(|c| c.source == src.id)
        .flat_map(|c| {
            app.reader_index
                .citing
                .get(&c.id)
                .cloned()
                .unwrap_or_default()
        })
        .collect();
    steps.sort_unstable();
    steps.dedup();
    i18n::row(ui, loc, |ui| {
        Txt::new(tr(loc, "reader-cited-by")).line(ui);
        for i in steps {
            let title = app
                .ds
                .steps
                .get(i)
                .map_or(String::new(), |s| s.title.get(loc.lang.tag()).to_owned());
            let r = i18n::selectable(ui, app.time.step() == Some(i), &format::count(i + 1, loc));
            if i18n::hover(r, &title).clicked() {
                out.push(Command::Time(TimeCommand::GoToStep(i)));
            }
        }
    });
}

fn find_bar(ui: &mut Ui, app: &Shared<'_>, reader: &mut ReaderState, out: &mut Vec<Command>, source_id: &str) {
    let loc = app.settings.locale();
    i18n::row_nowrap(ui, loc, |ui| {
        let label = Txt::new(tr(loc, "reader-find")).line(ui);
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut reader.query)
                    .desired_width(180.0)
                    .hint_text("Ctrl+F"),
            )
            .labelled_by(label.id);
        if reader.focus_find {
            r.request_focus();
            reader.focus_find = false;
        }
        i18n::checkbox(
            ui,
            loc,
            &mut reader.all_sources,
            &tr(loc, "reader-all-sources"),
        );
    });
    if reader.query.trim().is_empty() {
        return;
    }
    let sources: Vec<crate::model::types::Source> = app
        .ds
        .sources
        .iter()
        .filter(|s| reader.all_sources || s.id == source_id)
        .cloned()
        .collect();
    let mut total = 0;
    let mut per_source: Vec<(String, Vec<search::Hit>)> = Vec::new();
    for s in &sources {
        let hits = search::hits(&s.text, &reader.query, 24);
        total += hits.len();
        if !hits.is_empty() {
            per_source.push((s.id.clone(), hits));
        }
    }
    Txt::new(tr_args(
        loc,
        "reader-matches",
        &[
            ("total", total.into()),
            ("sources", per_source.len().into()),
        ],
    ))
    .label(ui);
    let hit_font = FontId::proportional(14.0);
    let ink = ui.visuals().text_color();
    let hit_bg = color(app.style.search_hit);
    egui::ScrollArea::vertical()
        .id_salt("find-results")
        .max_height(150.0)
        .show(ui, |ui| {
            for (sid, hits) in per_source {
                Txt::new(format!("{sid}: {}", format::count(hits.len(), loc)))
                    .small()
                    .strong()
                    .label(ui);
                for h in hits {
                    // "…before match after…", the match on the search colour,
                    // laid out right to left like the text it comes from.
                    let context = format!("…{}{}{}…", h.before, h.matched, h.after);
                    let start = "…".len() + h.before.len();
                    let mark = Mark {
                        range: start..start + h.matched.len(),
                        background: hit_bg,
                        underline: egui::Stroke::NONE,
                    };
                    let width = ui.available_width().max(60.0);
                    let lines = marked_lines(ui, &context, hit_font.clone(), ink, width, &[mark]);
                    let height: f32 = lines.iter().map(|l| l.galley.size().y).sum();
                    let (rect, r) =
                        ui.allocate_exact_size(Vec2::new(width, height), Sense::click());
                    let mut y = rect.top();
                    for l in lines {
                        let size = l.galley.size();
                        let x = if l.direction.is_rtl() {
                            rect.right() - size.x
                        } else {
                            rect.left()
                        };
                        ui.painter().galley(Pos2::new(x, y), l.galley, ink);
                        y += size.y;
                    }
                    let label = tr_args(
                        loc,
                        "reader-match-label",
                        &[
                            ("source", sid.as_str().into()),
                            ("byte", format::count(h.range.start, loc).into()),
                        ],
                    );
                    i18n::accessible(&r, egui::Role::Button, &label);
                    if r.on_hover_cursor(egui::CursorIcon::PointingHand).clicked() {
                        out.push(Command::ShowPassage {
                            source: sid.clone(),
                            range: h.range.clone(),
                        });
                    }
                }
            }
        });
}

fn text(ui: &mut Ui, app: &Shared<'_>, reader: &mut ReaderState, out: &mut Vec<Command>, src: &crate::model::types::Source) {
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
            let pulse = ((t * std::f64::consts::TAU * 2.0).cos() * -0.5 + 0.5) * (1.0 - t);
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
                                        ("id", cid.as_str().into()),
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
fn disputed_marker(
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
        commands.push(Command::CompareClaim(id.clone()));
    }
}

/// The comparison of a disputed claim's versions, each with its passages.
pub fn compare_window(ctx: &egui::Context, app: &Shared<'_>, reader: &mut ReaderState, out: &mut Vec<Command>) {
    let Some(id) = reader.compare.clone() else {
        return;
    };
    let Some(claim) = app.ds.claim(&id).cloned() else {
        reader.compare = None;
        return;
    };
    let loc = app.settings.locale();
    let lang = loc.lang.tag();
    let mut open = true;
    let mut commands = Vec::new();
    let title = tr_args(
        loc,
        "reader-compare-title",
        &[("subject", claim.subject.get(lang).into())],
    );
    egui::Window::new(i18n::window_title(ctx, &title))
        .id(egui::Id::unique("compare-claim"))
        .open(&mut open)
        .default_width(520.0)
        .show(ctx, |ui| {
            i18n::column(ui, loc, |ui| {
                if claim.disputed {
                    Txt::new(tr(loc, "reader-disagree"))
                        .color(ui.visuals().warn_fg_color)
                        .label(ui);
                }
                let value_of = |v: &ClaimVersion| match (claim.kind, v.date) {
                    (ClaimKind::Date, Some(d)) => date_long(d, loc),
                    (_, Some(d)) => date_short(d, loc),
                    _ => v.value.get(lang).to_owned(),
                };
                claim_versions(ui, &app.ds, loc, &claim, value_of, true, |ui, cid, c| {
                    Txt::new(tr_args(
                        loc,
                        "reader-cite-at",
                        &[
                            ("source", c.source.as_str().into()),
                            ("line", format::count(c.line, loc).into()),
                        ],
                    ))
                    .small()
                    .label(ui);
                    bidi_label(
                        ui,
                        &c.quote,
                        FontId::proportional(15.0),
                        ui.visuals().text_color(),
                    );
                    let open_label = tr_args(loc, "reader-open-cite", &[("id", cid.into())]);
                    if i18n::small_button(ui, &open_label).clicked() {
                        commands.push(Command::OpenCitation(cid.to_owned()));
                    }
                });
            });
        });
    if !open {
        reader.compare = None;
    }
    for c in commands {
        out.push(c);
    }
}
