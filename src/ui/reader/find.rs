//! The reader's find bar: Arabic-aware search in the open source or in
//! every source, with the matches listed to jump to.

use super::ReaderState;
use crate::i18n::format::{self};
use crate::i18n::{tr, tr_args};
use crate::model::cite;
use crate::text::search;
use crate::ui::app::{Command, Shared};
use crate::ui::i18n::{self, Txt};
use crate::ui::paint::color;
use crate::ui::text::{Mark, marked_lines};
use egui::{FontId, Pos2, Sense, Ui, Vec2};

pub(super) fn find_bar(
    ui: &mut Ui,
    app: &Shared<'_>,
    reader: &mut ReaderState,
    out: &mut Vec<Command>,
    source_id: &str,
) {
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
                    // The source by its title, the match by its paragraph.
                    let (title, paragraph) = app.ds.source(sid.as_str()).map_or_else(
                        || (String::new(), 0),
                        |s| {
                            let line = s.text[..h.range.start.min(s.text.len())]
                                .matches('\n')
                                .count()
                                + 1;
                            (
                                cite::quoted_title(s, loc.lang.tag()),
                                cite::paragraph_at_line(&s.text, line),
                            )
                        },
                    );
                    let label = tr_args(
                        loc,
                        "reader-match-label",
                        &[
                            ("source", title.as_str().into()),
                            ("paragraph", paragraph.into()),
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
