//! Presenter mode: the map fills the screen, a caption in large type names
//! the step, its date and its source, and a clicker's keys move through the
//! tour. Nothing mouse-sized is shown to the room.
//!
//! The rules (stops, blackout, autoplay) live in [`crate::present`]; this
//! module maps keys to commands and draws the caption, the progress mark,
//! the highlight of the step's changes and the blackout.

use std::sync::Arc;

use egui::{Align2, Color32, FontId, Galley, Key, Modifiers, Pos2, Rect, Sense, Stroke, Vec2};

use super::app::{Command, Shared};
use super::i18n::paint_text;
use super::paint;
use super::persist::Settings;
use super::text::line_job;
use crate::i18n::{Lang, Locale, format, tr, tr_args};
use crate::model::cite;
use crate::model::geometry::Shape;
use crate::model::types::Source;
use crate::present::{Autoplay, PresentCommand};
use crate::scene::projection::Projection;
use crate::scene::style::{Rgba, mix};

/// How far the untouched places fade toward the background on arrival.
const DIM: f32 = 0.55;

/// The caption's height on a 1080-point-high screen at the normal caption
/// size, for four lines (date, title, summary, source) in Latin script...
const CAPTION_POINTS: f32 = 185.0;
/// ...and in Arabic script.
const CAPTION_POINTS_ARABIC: f32 = 225.0;

/// The caption's extra height for a line on how the sources support the
/// step's changes ("according to Azerbaijan").
const EVIDENCE_LINE_POINTS: f32 = 30.0;

/// The pointer is hidden after this many seconds without moving.
pub const CURSOR_HIDE_SECS: f64 = 2.0;

/// The presenter's keys for the shortcuts window, in `settings`' language:
/// (keys, what they do). What clickers send (PageDown/PageUp, and some send
/// B or `.` for a black screen), the arrows (the one pointing the way time
/// runs on the axis moves on, see [`super::time_panel::visual_step_keys`]),
/// Space and Enter. Key caps keep their printed names (F5, Page Down,
/// Enter, Esc...).
#[must_use]
pub fn presenter_keys(settings: &Settings) -> Vec<(String, String)> {
    let loc = settings.locale();
    let (next, prev) = super::menus::arrow_names(settings);
    let space = tr(loc, "keys-space");
    let list = |items: &[&str]| items.join(&tr(loc, "list-separator"));
    let pair = |a: &str, b: &str| tr_args(loc, "keys-pair", &[("a", a.into()), ("b", b.into())]);
    vec![
        (pair("F5", "Shift+F5"), tr(loc, "shortcut-present")),
        (
            list(&[&next, "Page Down", &space, "Enter"]),
            tr(loc, "shortcut-next-stop"),
        ),
        (
            list(&[&prev, "Page Up", "Backspace"]),
            tr(loc, "shortcut-prev-stop"),
        ),
        (pair("Home", "End"), tr(loc, "shortcut-first-last-stop")),
        (
            tr_args(loc, "keys-or", &[("a", "B".into()), ("b", ".".into())]),
            tr(loc, "shortcut-blackout"),
        ),
        ("A".to_owned(), tr(loc, "shortcut-autoplay")),
        (tr(loc, "keys-any"), tr(loc, "shortcut-pause")),
        (
            pair("Ctrl + +", "Ctrl + −"),
            tr(loc, "shortcut-caption-size"),
        ),
        ("S".to_owned(), tr(loc, "shortcut-speaker")),
        ("Esc".to_owned(), tr(loc, "shortcut-leave")),
    ]
}

/// Read the presenter's keys (and clicks) from the current viewport's input.
/// While autoplay plays, any key or click only pauses it.
pub fn keys(ctx: &egui::Context, app: &Shared<'_>) -> Vec<Command> {
    let Some(p) = &app.presenter else {
        return Vec::new();
    };
    let playing = matches!(p.autoplay(), Autoplay::Playing { .. });
    let paused = p.autoplay() == Autoplay::Paused;
    let mut out = Vec::new();
    ctx.input_mut(|i| {
        if playing {
            let pressed = i.events.iter().any(|e| {
                matches!(
                    e,
                    egui::Event::Key { pressed: true, .. }
                        | egui::Event::PointerButton { pressed: true, .. }
                )
            });
            if pressed {
                // Swallow the key so it does nothing else.
                i.events.retain(|e| {
                    !matches!(
                        e,
                        egui::Event::Key { .. }
                            | egui::Event::Text(_)
                            | egui::Event::PointerButton { .. }
                    )
                });
                out.push(Command::Present(PresentCommand::Pause));
            }
            return;
        }
        let mut key = |m: Modifiers, k: Key, c: Command| {
            if i.consume_key(m, k) {
                out.push(c);
            }
        };
        use PresentCommand as P;
        let present = Command::Present;
        key(Modifiers::SHIFT, Key::F5, Command::StopPresenting);
        key(Modifiers::NONE, Key::F5, Command::StopPresenting);
        key(Modifiers::NONE, Key::Escape, Command::StopPresenting);
        // The arrow pointing the way time runs on the axis moves on.
        let (next_arrow, prev_arrow) = super::time_panel::visual_step_keys(app.settings);
        for k in [next_arrow, Key::PageDown, Key::Enter, Key::N] {
            key(Modifiers::NONE, k, present(P::Next));
        }
        key(
            Modifiers::NONE,
            Key::Space,
            present(if paused { P::Resume } else { P::Next }),
        );
        for k in [prev_arrow, Key::PageUp, Key::Backspace, Key::P] {
            key(Modifiers::NONE, k, present(P::Prev));
        }
        key(Modifiers::NONE, Key::Home, present(P::First));
        key(Modifiers::NONE, Key::End, present(P::Last));
        key(Modifiers::NONE, Key::B, present(P::ToggleBlackout));
        key(Modifiers::NONE, Key::Period, present(P::ToggleBlackout));
        key(Modifiers::NONE, Key::A, present(P::ToggleAutoplay));
        key(Modifiers::NONE, Key::S, Command::ToggleSpeaker);
        for k in [Key::Plus, Key::Equals] {
            key(Modifiers::COMMAND, k, present(P::CaptionLarger));
        }
        key(Modifiers::COMMAND, Key::Minus, present(P::CaptionSmaller));
    });
    out
}

/// A source's title in `loc`'s language: its label in that language; where
/// the dataset has none, the headline as printed in quotation marks when
/// the source is written in that language, the English label in the English
/// interface, or `None` (the caller shows the source's id).
#[must_use]
pub fn source_title(s: &Source, loc: Locale) -> Option<String> {
    let lang = loc.lang.tag();
    if let Some(label) = s.label.exact(lang) {
        return Some(label.to_owned());
    }
    match (&s.headline, loc.lang) {
        (Some(h), _) if s.is_in(lang) => Some(format!("«{}»", h.text)),
        (_, Lang::En) => Some(s.label.en().to_owned()),
        _ => None,
    }
}

/// The step's first source as the audience sees it named, in `loc`'s
/// language: its short title and the paragraph of the passage
/// ([`cite::passage_label`]), and how many more passages the step cites;
/// never an id or a file name.
#[must_use]
pub fn source_line(app: &Shared<'_>, step: usize, loc: Locale) -> Option<String> {
    let st = app.ds.steps.get(step)?;
    let ids = app.ds.step_citation_ids(st);
    let c = app.ds.citation(ids.first()?)?;
    let s = app.ds.source(&c.source)?;
    let passage = cite::passage_label(s, c, loc);
    let text = tr_args(loc, "present-source", &[("passage", passage.into())]);
    Some(match ids.len() - 1 {
        0 => text,
        more => tr_args(
            loc,
            "present-source-more",
            &[("source", text.into()), ("more", more.into())],
        ),
    })
}

/// `text` (a file name, an id) kept left to right inside `loc`'s text: in
/// Arabic between a left-to-right isolate and its end, or leading digits
/// (as in `002_3be7….txt`) would join the Arabic around them.
#[must_use]
pub fn ltr_isolated(text: &str, loc: Locale) -> String {
    if loc.is_rtl() {
        format!("\u{2066}{text}\u{2069}")
    } else {
        text.to_owned()
    }
}

/// `text` without bidi controls (marks, embeddings, isolates), which have
/// done their work once the text is laid out: what screen readers get.
#[must_use]
pub fn without_bidi_controls(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
            )
        })
        .collect()
}

/// The first sentence of a summary, for the one-line caption.
#[must_use]
pub fn first_sentence(text: &str) -> &str {
    let t = text.trim();
    let end = t
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, '.' | '!' | '?' | '؟' | '。')
                && t[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
        })
        .map_or(t.len(), |(i, c)| i + c.len_utf8());
    &t[..end]
}

/// The caption's height for a map of `rect`, so the camera can keep the
/// step's places above it.
#[must_use]
pub fn caption_height(app: &Shared<'_>, rect: Rect) -> f32 {
    let scale = app
        .presenter
        .map_or(1.0, crate::present::Presenter::caption_scale);
    // Arabic script (Noto Naskh) needs taller lines than Latin.
    let points = if app.settings.locale().is_rtl() {
        CAPTION_POINTS_ARABIC
    } else {
        CAPTION_POINTS
    };
    // One more line when the step's evidence is more than plain reports.
    let evidence = app
        .presenter
        .as_ref()
        .and_then(|p| p.step())
        .and_then(|i| app.ds.steps.get(i))
        .is_some_and(|st| {
            crate::scene::evidence::step_evidence(app.ds, st, app.settings.locale()).is_some()
        });
    let points = if evidence {
        points + EVIDENCE_LINE_POINTS
    } else {
        points
    };
    (type_scale(rect) * scale * points).min(rect.height() * 0.6)
}

/// Type size relative to a 1080-point-high screen, within reason.
fn type_scale(rect: Rect) -> f32 {
    (rect.height() / 1080.0).clamp(0.55, 2.5)
}

fn st_places<'a>(app: &Shared<'a>, step: usize) -> Vec<&'a str> {
    app.ds
        .steps
        .get(step)
        .map(crate::model::types::Step::touched_places)
        .unwrap_or_default()
}

/// The fills with every tracked place the step does not touch faded toward
/// the background, while the step's change is fresh; `None` otherwise.
#[must_use]
pub fn dimmed_fills(app: &Shared<'_>) -> Option<std::collections::HashMap<String, Rgba>> {
    let p = app.presenter.as_ref()?;
    let fresh = p.freshness();
    let step = p.step()?;
    if fresh <= 0.0 {
        return None;
    }
    // With reduced motion the dimming holds still, then goes at once.
    let fresh = if app.settings.reduce_motion() {
        1.0
    } else {
        fresh
    };
    let touched = st_places(app, step);
    if touched.is_empty() {
        return None;
    }
    let bg = app.style.background;
    Some(
        app.fills
            .iter()
            .map(|(id, c)| {
                let c = if touched.contains(&id.as_str()) {
                    *c
                } else {
                    mix(*c, bg, DIM * fresh)
                };
                (id.clone(), c)
            })
            .collect(),
    )
}

/// Outline and pulse the step's changed places (drawn over the map while
/// the change is fresh).
pub fn highlight(painter: &egui::Painter, app: &Shared<'_>, proj: &Projection, now: f64) {
    let Some(p) = &app.presenter else { return };
    let fresh = p.freshness();
    let Some(step) = p.step() else { return };
    if fresh <= 0.0 || p.blackout() {
        return;
    }
    // With reduced motion the outline holds still at full strength.
    let (pulse, fresh) = if app.settings.reduce_motion() {
        (1.0, 1.0)
    } else {
        (
            0.5 + 0.5 * (now * std::f64::consts::TAU / 1.1).sin() as f32,
            fresh,
        )
    };
    let width = 2.5 + 4.0 * pulse * fresh;
    let [r, g, b, _] = app.style.highlight_flash;
    let color = Color32::from_rgba_unmultiplied(r, g, b, (255.0 * fresh.max(0.35)) as u8);
    for id in st_places(app, step) {
        let Some(f) = app.ds.map.feature(id) else {
            continue;
        };
        if let Shape::Area(polys) = &f.shape {
            for ring in polys.iter().flatten() {
                let pts = ring
                    .iter()
                    .map(|g| {
                        let s = proj.screen_from_geo(*g);
                        Pos2::new(s[0], s[1])
                    })
                    .collect();
                painter.add(egui::Shape::closed_line(pts, Stroke::new(width, color)));
            }
        }
    }
}

/// `text` on one line, bidi-correct, in `font`: whole if it fits in
/// `width`, else its longest beginning (in reading order, cut at a space
/// where one is near) that fits with "…" after it.
fn fitted_line(
    ctx: &egui::Context,
    text: &str,
    font: &FontId,
    color: Color32,
    width: f32,
) -> Arc<Galley> {
    let layout = |t: &str| ctx.fonts_mut(|f| f.layout_job(line_job(t, font.clone(), color)));
    let full = layout(text);
    if full.size().x <= width {
        return full;
    }
    let shortened = |end: usize| format!("{}…", text[..end].trim_end());
    // The longest prefix (at a character boundary) that fits.
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let (mut lo, mut hi) = (0, bounds.len());
    while lo + 1 < hi {
        let mid = (lo + hi) / 2;
        if layout(&shortened(bounds[mid])).size().x <= width {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let mut end = bounds.get(lo).copied().unwrap_or(0);
    // Prefer to end at a word boundary, if that keeps most of the line.
    if let Some(space) = text[..end].rfind(char::is_whitespace)
        && space * 3 >= end * 2
    {
        end = space;
    }
    layout(&shortened(end))
}

/// The caption, the progress mark and the blackout, over the map, in the
/// interface language (right-aligned and mirrored in Arabic). Returns where
/// the caption was drawn.
pub fn overlay(ui: &egui::Ui, app: &Shared<'_>, rect: Rect) -> Option<Rect> {
    let p = app.presenter.as_ref()?;
    let loc = app.settings.locale();
    let rtl = loc.is_rtl();
    let painter = ui.ctx().layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("presenter-overlay"),
    ));
    if p.blackout() {
        painter.rect_filled(ui.ctx().content_rect(), 0.0, Color32::BLACK);
        painted_label(
            ui,
            rect,
            "presenter-blackout",
            &tr(loc, "present-blacked-out"),
        );
        return None;
    }
    let k = type_scale(rect);
    let scale = k * p.caption_scale();
    let style = &app.style;
    let ink = paint::color(style.panel_text);
    let weak = ink.gamma_multiply(0.75);
    let fill = paint::color(style.panel_fill).gamma_multiply(0.93);

    // Progress: a thin bar along the top, growing the way the interface
    // reads, and "k / n" in the corner where it ends.
    if !p.is_empty() {
        let done = (p.position() + 1) as f32 / p.len() as f32;
        let bar_size = Vec2::new(rect.width() * done, 4.0 * k);
        let bar = if rtl {
            Rect::from_min_size(Pos2::new(rect.right() - bar_size.x, rect.top()), bar_size)
        } else {
            Rect::from_min_size(rect.min, bar_size)
        };
        painter.rect_filled(
            bar,
            0.0,
            paint::color(style.time_cursor).gamma_multiply(0.8),
        );
        let (corner, anchor, dx) = if rtl {
            (rect.left_top(), Align2::LEFT_TOP, 16.0 * k)
        } else {
            (rect.right_top(), Align2::RIGHT_TOP, -16.0 * k)
        };
        let (n, total) = (
            format::count(p.position() + 1, loc),
            format::count(p.len(), loc),
        );
        // A right-to-left mark makes "k / n" read from the right in Arabic.
        let counter = if rtl {
            format!("\u{200F}{n} / {total}")
        } else {
            format!("{n} / {total}")
        };
        let at = paint_text(
            ui,
            &painter,
            corner + Vec2::new(dx, 12.0 * k),
            anchor,
            &counter,
            FontId::proportional(18.0 * k),
            weak,
        );
        let label = tr_args(
            loc,
            "present-stop-of",
            &[("n", (p.position() + 1).into()), ("total", p.len().into())],
        );
        painted_label(ui, at, "presenter-progress", &label);
        if p.autoplay() == Autoplay::Paused {
            let text = tr(loc, "present-autoplay-paused");
            let at = paint_text(
                ui,
                &painter,
                corner + Vec2::new(dx, 38.0 * k),
                anchor,
                &text,
                FontId::proportional(14.0 * k),
                weak,
            );
            painted_label(ui, at, "presenter-paused", &text);
        }
    }

    // The caption.
    let step = p.step()?;
    let st = app.ds.steps.get(step)?;
    let lang = loc.lang.tag();
    let h = caption_height(app, rect);
    let margin = 24.0 * k;
    let cap = Rect::from_min_max(
        Pos2::new(rect.left() + margin, rect.bottom() - h - margin * 0.5),
        Pos2::new(rect.right() - margin, rect.bottom() - margin * 0.5),
    );
    painter.rect_filled(cap, 10.0 * k, fill);
    let inner = cap.shrink(18.0 * k);
    let width = inner.width();
    let ctx = ui.ctx();
    let mut y = inner.top();
    let mut line = |text: String, size: f32, color: Color32, bold: bool| {
        let family = if bold {
            egui::FontFamily::Name(super::text::BOLD_FAMILY.into())
        } else {
            egui::FontFamily::Proportional
        };
        let galley = fitted_line(ctx, &text, &FontId::new(size, family), color, width);
        let gh = galley.size().y;
        if y + gh <= inner.bottom() + 1.0 {
            let x = if rtl {
                inner.right() - galley.size().x
            } else {
                inner.left()
            };
            let at = Rect::from_min_size(Pos2::new(x, y), galley.size());
            painter.galley(at.min, galley, color);
            // Screen readers (and tests) read the caption line by line, in
            // logical order.
            painted_label(
                ui,
                at,
                ("caption-line", y as i32),
                &without_bidi_controls(&text),
            );
        }
        y += gh + 4.0 * k;
    };
    line(format::date_spec(st.date, loc), 22.0 * scale, weak, false);
    line(st.title.get(lang).to_owned(), 36.0 * scale, ink, true);
    line(
        first_sentence(st.summary.get(lang)).to_owned(),
        21.0 * scale,
        ink,
        false,
    );
    if let Some(words) = crate::scene::evidence::step_evidence(app.ds, st, loc) {
        line(words, 17.0 * scale, ink, false);
    }
    if let Some(src) = source_line(app, step, loc) {
        line(src, 15.0 * scale, weak, false);
    }
    Some(cap)
}

/// Give text painted at `rect` an accessible label (screen readers and
/// tests read the painted caption through it).
fn painted_label(
    ui: &egui::Ui,
    rect: Rect,
    id: impl std::hash::Hash + std::fmt::Debug,
    label: &str,
) {
    let r = ui.interact(rect, egui::Id::unique(id), Sense::hover());
    super::i18n::accessible(&r, egui::Role::Label, label);
}

/// Hide the pointer after it has been still for a while; returns the seconds
/// until it should be hidden (for a timed repaint), if it is still shown.
pub fn cursor(ctx: &egui::Context, last_move: &mut f64) -> Option<f64> {
    let (now, moved) = ctx.input(|i| {
        (
            i.time,
            i.pointer.delta() != Vec2::ZERO || i.pointer.any_pressed(),
        )
    });
    if moved {
        *last_move = now;
    }
    let still = now - *last_move;
    if still >= CURSOR_HIDE_SECS {
        ctx.set_cursor_icon(egui::CursorIcon::None);
        None
    } else {
        Some(CURSOR_HIDE_SECS - still)
    }
}

#[cfg(test)]
mod tests {
    use super::first_sentence;

    #[test]
    fn the_caption_keeps_the_first_sentence() {
        assert_eq!(first_sentence(" One. Two."), "One.");
        assert_eq!(first_sentence("No stop"), "No stop");
        assert_eq!(first_sentence("At 3.5 km. Next"), "At 3.5 km.");
        assert_eq!(first_sentence("سؤال؟ جواب"), "سؤال؟");
    }
}
