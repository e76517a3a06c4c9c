//! Arabic text in egui: the bundled fonts, bidi-correct one-line layout jobs,
//! paragraphs wrapped in logical order, and a label widget.
//!
//! egui shapes each run with a shaper that guesses its direction from its
//! script, but places runs left to right in logical order and has no bidi
//! algorithm. [`crate::text::bidi`] cuts each line into pieces already in
//! visual order; here each piece becomes one section of a
//! [`LayoutJob`]: Arabic pieces in the [`ARABIC_FAMILY`] font (NotoNaskhArabic
//! first, so spaces and Arabic punctuation inside an Arabic piece come from
//! the same font and the piece is shaped as one run), other pieces in the
//! font the caller asked for. Call [`install_fonts`] once at start-up.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use egui::text::{ByteIndex, LayoutJob, LayoutSection, TextFormat};
use egui::{
    Color32, Context, FontData, FontDefinitions, FontFamily, FontId, Galley, Id, Response, Role,
    Sense, Ui, WidgetInfo,
};

use crate::text::bidi::{self, Direction};

/// The font family whose first font is NotoNaskhArabic (regular), then
/// NotoSans and egui's default fonts.
pub const ARABIC_FAMILY: &str = "arabic";
/// Bold text: NotoSans-Bold, NotoNaskhArabic-Bold, then egui's default fonts.
pub const BOLD_FAMILY: &str = "bold";
/// Bold Arabic: NotoNaskhArabic-Bold, NotoSans-Bold, then egui's defaults.
pub const ARABIC_BOLD_FAMILY: &str = "arabic-bold";
/// Hebrew: NotoSansHebrew first, so a right-to-left Hebrew piece (spaces
/// included) is shaped as one run, then NotoSans and NotoNaskhArabic.
pub const HEBREW_FAMILY: &str = "hebrew";
/// Bold Hebrew.
pub const HEBREW_BOLD_FAMILY: &str = "hebrew-bold";

const NOTO_SANS: &str = "NotoSans-Regular";
const NOTO_SANS_BOLD: &str = "NotoSans-Bold";
const NOTO_NASKH: &str = "NotoNaskhArabic-Regular";
const NOTO_NASKH_BOLD: &str = "NotoNaskhArabic-Bold";
const NOTO_HEBREW: &str = "NotoSansHebrew-Regular";
const NOTO_HEBREW_BOLD: &str = "NotoSansHebrew-Bold";
const NOTO_ARMENIAN: &str = "NotoSansArmenian-Regular";
const NOTO_ARMENIAN_BOLD: &str = "NotoSansArmenian-Bold";
const NOTO_GEORGIAN: &str = "NotoSansGeorgian-Regular";
const NOTO_GEORGIAN_BOLD: &str = "NotoSansGeorgian-Bold";

/// The bundled fonts (see `assets/fonts/README.md`) added to egui's default
/// fonts: NotoSans-Regular first in [`FontFamily::Proportional`], then
/// NotoNaskhArabic-Regular, then the Hebrew, Armenian and Georgian fonts,
/// then egui's defaults (for symbols and icons such
/// as ⏵ ⏸ ⏮ ⏭); the families [`ARABIC_FAMILY`], [`BOLD_FAMILY`] and
/// [`ARABIC_BOLD_FAMILY`]. Monospace stays egui's default.
#[must_use]
pub fn font_definitions() -> FontDefinitions {
    let mut defs = FontDefinitions::default();
    let fonts: [(&str, &'static [u8]); 10] = [
        (NOTO_SANS, crate::assets::NOTO_SANS),
        (NOTO_SANS_BOLD, crate::assets::NOTO_SANS_BOLD),
        (NOTO_NASKH, crate::assets::NOTO_NASKH_ARABIC),
        (NOTO_NASKH_BOLD, crate::assets::NOTO_NASKH_ARABIC_BOLD),
        (NOTO_HEBREW, crate::assets::NOTO_HEBREW),
        (NOTO_HEBREW_BOLD, crate::assets::NOTO_HEBREW_BOLD),
        (NOTO_ARMENIAN, crate::assets::NOTO_ARMENIAN),
        (NOTO_ARMENIAN_BOLD, crate::assets::NOTO_ARMENIAN_BOLD),
        (NOTO_GEORGIAN, crate::assets::NOTO_GEORGIAN),
        (NOTO_GEORGIAN_BOLD, crate::assets::NOTO_GEORGIAN_BOLD),
    ];
    for (name, bytes) in fonts {
        defs.font_data
            .insert(name.to_owned(), Arc::new(unhinted(bytes)));
    }
    let defaults = defs
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    // Each family: its own fonts first, then the other bundled scripts of
    // the same weight (Hebrew, Armenian and Georgian, which a dataset may
    // bring), then egui's defaults.
    let chain = |first: &[&str], bold: bool| -> Vec<String> {
        let others = if bold {
            [NOTO_HEBREW_BOLD, NOTO_ARMENIAN_BOLD, NOTO_GEORGIAN_BOLD]
        } else {
            [NOTO_HEBREW, NOTO_ARMENIAN, NOTO_GEORGIAN]
        };
        let mut names: Vec<String> = first.iter().map(|n| (*n).to_owned()).collect();
        for n in others {
            if !first.contains(&n) {
                names.push(n.to_owned());
            }
        }
        names.extend(defaults.iter().cloned());
        names
    };
    for (family, first, bold) in [
        (
            FontFamily::Proportional,
            &[NOTO_SANS, NOTO_NASKH][..],
            false,
        ),
        (
            FontFamily::Name(ARABIC_FAMILY.into()),
            &[NOTO_NASKH, NOTO_SANS][..],
            false,
        ),
        (
            FontFamily::Name(BOLD_FAMILY.into()),
            &[NOTO_SANS_BOLD, NOTO_NASKH_BOLD][..],
            true,
        ),
        (
            FontFamily::Name(ARABIC_BOLD_FAMILY.into()),
            &[NOTO_NASKH_BOLD, NOTO_SANS_BOLD][..],
            true,
        ),
        (
            FontFamily::Name(HEBREW_FAMILY.into()),
            &[NOTO_HEBREW, NOTO_SANS, NOTO_NASKH][..],
            false,
        ),
        (
            FontFamily::Name(HEBREW_BOLD_FAMILY.into()),
            &[NOTO_HEBREW_BOLD, NOTO_SANS_BOLD, NOTO_NASKH_BOLD][..],
            true,
        ),
    ] {
        defs.families.insert(family, chain(first, bold));
    }
    defs
}

/// A bundled font without TrueType hinting: the hinting interpreter re-runs
/// a font's programs whenever egui rasterises it at another size, which made
/// it the largest single cost of start-up (docs/performance.md); the
/// outlines are anti-aliased either way.
fn unhinted(bytes: &'static [u8]) -> FontData {
    FontData::from_static(bytes).tweak(egui::FontTweak {
        hinting: Some(false),
        ..Default::default()
    })
}

/// Installs [`font_definitions`] in `ctx` (they take effect from the next
/// pass; call it once, before the first frame, e.g. in the app's creator).
pub fn install_fonts(ctx: &Context) {
    ctx.set_fonts(font_definitions());
}

/// A one-line (no wrapping) job for `text`, bidi-correct: its sections are
/// the pieces of [`bidi::visual_runs`] in visual order, with the paragraph
/// direction taken from `text`'s first strong character. Arabic pieces use
/// [`ARABIC_FAMILY`] (or [`ARABIC_BOLD_FAMILY`] when `font` is
/// [`BOLD_FAMILY`]) at `font`'s size, the others `font`. Text without any
/// right-to-left character gives a plain single-section job.
///
/// Needs [`install_fonts`]; without it the Arabic family has no font.
#[must_use]
pub fn line_job(text: &str, font: FontId, color: Color32) -> LayoutJob {
    if !bidi::needs_bidi(text) {
        return LayoutJob::simple_singleline(text.to_owned(), font, color);
    }
    let base = bidi::paragraph_direction(text);
    job_from_runs(&bidi::visual_runs(text, base), font, color, true)
}

/// The job for line `line` (byte range) of `paragraph`, whose direction is
/// `base`. `arabic` says whether the Arabic families are installed.
fn line_job_in(
    paragraph: &str,
    base: Direction,
    line: Range<usize>,
    font: FontId,
    color: Color32,
    arabic: bool,
) -> LayoutJob {
    let text = paragraph.get(line.clone()).unwrap_or_default();
    if !bidi::needs_bidi(paragraph) {
        return LayoutJob::simple_singleline(text.to_owned(), font, color);
    }
    job_from_runs(
        &bidi::visual_runs_in(paragraph, base, line),
        font,
        color,
        arabic,
    )
}

/// One section per piece, in order. Sections are never merged: an Arabic
/// piece next to Arabic-script digits must be shaped on its own.
fn job_from_runs(
    runs: &[bidi::VisualRun],
    font: FontId,
    color: Color32,
    arabic: bool,
) -> LayoutJob {
    let mut job = LayoutJob {
        break_on_newline: false,
        ..Default::default()
    };
    for run in runs {
        // The bidi controls have done their work; the fonts have no glyphs
        // for them.
        let start = job.text.len();
        job.text
            .extend(run.text.chars().filter(|&c| !is_bidi_control(c)));
        if job.text.len() == start {
            continue;
        }
        let font_id = if run.rtl && arabic {
            rtl_font(&font, &run.text)
        } else {
            font.clone()
        };
        job.sections.push(LayoutSection {
            leading_space: 0.0,
            byte_range: ByteIndex(start)..ByteIndex(job.text.len()),
            format: TextFormat::simple(font_id, color),
        });
    }
    if job.text.is_empty() {
        return LayoutJob::simple_singleline(String::new(), font, color);
    }
    job
}

/// The font for a right-to-left piece of `text` drawn in `font`: the Hebrew
/// family for Hebrew, else the Arabic one, bold when `font` is.
fn rtl_font(font: &FontId, text: &str) -> FontId {
    let hebrew = text
        .chars()
        .any(|c| matches!(c, '\u{0590}'..='\u{05FF}' | '\u{FB1D}'..='\u{FB4F}'));
    let family = arabic_family_for(&font.family);
    let family = match (hebrew, &family) {
        (true, FontFamily::Name(n)) if n.as_ref() == ARABIC_BOLD_FAMILY => {
            FontFamily::Name(HEBREW_BOLD_FAMILY.into())
        }
        (true, _) => FontFamily::Name(HEBREW_FAMILY.into()),
        (false, _) => family,
    };
    FontId::new(font.size, family)
}

fn arabic_family_for(family: &FontFamily) -> FontFamily {
    match family {
        FontFamily::Name(name)
            if name.as_ref() == BOLD_FAMILY || name.as_ref() == ARABIC_BOLD_FAMILY =>
        {
            FontFamily::Name(ARABIC_BOLD_FAMILY.into())
        }
        _ => FontFamily::Name(ARABIC_FAMILY.into()),
    }
}

/// The explicit directional marks, embeddings, overrides and isolates.
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// One visual line of a wrapped text.
#[derive(Debug, Clone)]
pub struct BidiLine {
    /// The line laid out, in visual order, without its trailing spaces.
    pub galley: Arc<Galley>,
    /// The byte range of the whole text this line shows, trailing spaces
    /// included (not the `'\n'` that ends its paragraph).
    pub logical: Range<usize>,
    /// The direction of the line's paragraph: RTL lines are right-aligned.
    pub direction: Direction,
}

/// Wraps `text` at `max_width` points and lays out each visual line:
/// paragraphs at each `'\n'`, each broken greedily in logical order by
/// [`bidi::break_lines`] measuring with the real fonts, each line a
/// [`line_job`]-like job reordered within its paragraph. The line breaks are
/// cached across frames.
#[must_use]
pub fn paragraph_lines(
    ui: &Ui,
    text: &str,
    font: FontId,
    color: Color32,
    max_width: f32,
) -> Vec<BidiLine> {
    let arabic = ui.fonts(|f| {
        f.definitions()
            .families
            .contains_key(&FontFamily::Name(ARABIC_FAMILY.into()))
    });
    let mut out = Vec::new();
    let mut offset = 0;
    for paragraph in text.split('\n') {
        let base = bidi::paragraph_direction(paragraph);
        let breaks = line_breaks(ui, paragraph, base, &font, max_width, arabic);
        for line in breaks.iter() {
            let shown = bidi::trim_line_end(paragraph, line.clone());
            let job = line_job_in(paragraph, base, shown, font.clone(), color, arabic);
            let galley = ui.fonts_mut(|f| f.layout_job(job));
            out.push(BidiLine {
                galley,
                logical: offset + line.start..offset + line.end,
                direction: base,
            });
        }
        offset += paragraph.len() + 1;
    }
    out
}

/// [`paragraph_lines`] without the bookkeeping: one galley per visual line,
/// top to bottom.
#[must_use]
pub fn paragraph(
    ui: &Ui,
    text: &str,
    font: FontId,
    color: Color32,
    max_width: f32,
) -> Vec<Arc<Galley>> {
    paragraph_lines(ui, text, font, color, max_width)
        .into_iter()
        .map(|line| line.galley)
        .collect()
}

/// The line ranges of one paragraph, shared.
type Breaks = Arc<[Range<usize>]>;

/// Line breaks kept from frame to frame, keyed by everything they depend on,
/// each with the pass it was last used in.
#[derive(Clone, Default)]
struct BreakCache {
    entries: HashMap<Id, (u64, Breaks)>,
}

/// Past this many cached paragraphs, those not used in the last two passes
/// are dropped.
const BREAK_CACHE_SIZE: usize = 4096;

fn line_breaks(
    ui: &Ui,
    paragraph: &str,
    base: Direction,
    font: &FontId,
    max_width: f32,
    arabic: bool,
) -> Breaks {
    let arabic_font = FontId::new(font.size, arabic_family_for(&font.family));
    // Row heights change with the fonts, so a change of fonts is a new key.
    let (row, arabic_row) = ui.fonts_mut(|f| {
        (
            f.row_height(font),
            if arabic {
                f.row_height(&arabic_font)
            } else {
                0.0
            },
        )
    });
    let key = Id::unique((
        "karabakh_atlas::ui::text::line_breaks",
        paragraph,
        font,
        max_width.to_bits(),
        ui.pixels_per_point().to_bits(),
        row.to_bits(),
        arabic_row.to_bits(),
        arabic,
    ));
    let cache_id = Id::unique("karabakh_atlas::ui::text::BreakCache");
    let pass = ui.cumulative_pass_nr();
    let cached = ui.data_mut(|d| {
        let cache = d.get_temp_mut_or_default::<BreakCache>(cache_id);
        cache.entries.get_mut(&key).map(|(used, breaks)| {
            *used = pass;
            Arc::clone(breaks)
        })
    });
    if let Some(breaks) = cached {
        return breaks;
    }
    // Widths do not depend on the order of the pieces, only on their fonts;
    // the pieces of the substring alone are good enough for measuring.
    let plain = !bidi::needs_bidi(paragraph);
    let breaks: Breaks = ui
        .fonts_mut(|f| {
            bidi::break_lines(paragraph, max_width, &mut |s| {
                let job = if plain {
                    LayoutJob::simple_singleline(s.to_owned(), font.clone(), Color32::PLACEHOLDER)
                } else {
                    let runs = bidi::visual_runs(s, base);
                    job_from_runs(&runs, font.clone(), Color32::PLACEHOLDER, arabic)
                };
                f.layout_job(job).size().x
            })
        })
        .into();
    ui.data_mut(|d| {
        let cache = d.get_temp_mut_or_default::<BreakCache>(cache_id);
        if cache.entries.len() >= BREAK_CACHE_SIZE {
            cache
                .entries
                .retain(|_, (used, _)| pass.saturating_sub(*used) < 2);
        }
        cache.entries.insert(key, (pass, Arc::clone(&breaks)));
    });
    breaks
}

/// A span of a paragraph drawn differently: a background behind its glyphs
/// and/or a line under them (highlights, place mentions, search hits).
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// Byte range in the paragraph.
    pub range: Range<usize>,
    /// Background colour (transparent for none).
    pub background: Color32,
    /// Underline (`Stroke::NONE` for none).
    pub underline: egui::Stroke,
}

/// Where one marked span was drawn on a line, relative to the line's galley.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    /// Index of the mark in the slice passed in.
    pub mark: usize,
    /// Left edge, relative to the galley.
    pub x0: f32,
    /// Right edge, relative to the galley.
    pub x1: f32,
}

/// One visual line of a marked paragraph.
#[derive(Debug, Clone)]
pub struct MarkedLine {
    /// The line laid out, in visual order.
    pub galley: Arc<Galley>,
    /// The byte range of the paragraph this line shows.
    pub logical: Range<usize>,
    /// The paragraph's direction: RTL lines are right-aligned.
    pub direction: Direction,
    /// Where each mark's pieces were drawn (a mark crossing a direction
    /// change has several).
    pub spans: Vec<Span>,
}

/// Lay out one paragraph (no newline) wrapped at `max_width`, bidi-correct,
/// with `marks` drawn into it. Each marked span gets sections of its own
/// (cut at the mark's ends), so its screen extent is exact; later marks draw
/// over earlier ones.
#[must_use]
pub fn marked_lines(
    ui: &Ui,
    paragraph: &str,
    font: FontId,
    color: Color32,
    max_width: f32,
    marks: &[Mark],
) -> Vec<MarkedLine> {
    let arabic = ui.fonts(|f| {
        f.definitions()
            .families
            .contains_key(&FontFamily::Name(ARABIC_FAMILY.into()))
    });
    let base = bidi::paragraph_direction(paragraph);
    let breaks = line_breaks(ui, paragraph, base, &font, max_width, arabic);
    let cuts: Vec<usize> = marks
        .iter()
        .flat_map(|m| [m.range.start, m.range.end])
        .collect();
    let mut out = Vec::with_capacity(breaks.len());
    for line in breaks.iter() {
        let shown = bidi::trim_line_end(paragraph, line.clone());
        let runs = if bidi::needs_bidi(paragraph) {
            bidi::visual_runs_in(paragraph, base, shown.clone())
        } else {
            vec![bidi::VisualRun {
                text: paragraph.get(shown.clone()).unwrap_or_default().to_owned(),
                rtl: false,
                logical: shown.clone(),
                level_rtl: false,
            }]
        };
        let runs = bidi::split_runs(paragraph, runs, &cuts);
        let mut job = LayoutJob {
            break_on_newline: false,
            ..Default::default()
        };
        // Per section: its marks and its width. egui lays the sections out
        // one after the other, each shaped on its own, so a section starts
        // where the widths of those before it end. (Glyph counts cannot be
        // used: egui 0.37 appends zero-width placeholder glyphs after each
        // right-to-left run.)
        let mut section_marks: Vec<(Vec<usize>, f32)> = Vec::new();
        for run in &runs {
            let start = job.text.len();
            job.text
                .extend(run.text.chars().filter(|&c| !is_bidi_control(c)));
            if job.text.len() == start {
                continue;
            }
            let covering: Vec<usize> = marks
                .iter()
                .enumerate()
                .filter(|(_, m)| {
                    m.range.start <= run.logical.start
                        && run.logical.end <= m.range.end
                        && !m.range.is_empty()
                })
                .map(|(i, _)| i)
                .collect();
            let mut format = TextFormat::simple(
                if run.rtl && arabic {
                    rtl_font(&font, &run.text)
                } else {
                    font.clone()
                },
                color,
            );
            for &i in &covering {
                let m = &marks[i];
                if m.background != Color32::TRANSPARENT {
                    format.background = m.background;
                }
                if m.underline != egui::Stroke::NONE {
                    format.underline = m.underline;
                }
            }
            let piece = job.text[start..].to_owned();
            let width = ui.fonts_mut(|f| {
                f.layout_job(LayoutJob::single_section(piece, format.clone()))
                    .size()
                    .x
            });
            section_marks.push((covering, width));
            job.sections.push(LayoutSection {
                leading_space: 0.0,
                byte_range: ByteIndex(start)..ByteIndex(job.text.len()),
                format,
            });
        }
        if job.text.is_empty() {
            job = LayoutJob::simple_singleline(String::new(), font.clone(), color);
        }
        let galley = ui.fonts_mut(|f| f.layout_job(job));
        let mut x = galley.rows.first().map_or(0.0, |r| r.pos.x);
        let mut spans: Vec<Span> = Vec::new();
        for (covering, width) in &section_marks {
            let (x0, x1) = (x, x + width);
            x = x1;
            for &mark in covering {
                let touching = spans
                    .iter_mut()
                    .rev()
                    .find(|s| s.mark == mark && (s.x1 - x0).abs() < 0.5);
                match touching {
                    Some(span) => span.x1 = x1,
                    None => spans.push(Span { mark, x0, x1 }),
                }
            }
        }
        out.push(MarkedLine {
            galley,
            logical: line.clone(),
            direction: base,
            spans,
        });
    }
    out
}

/// A label for text that may be Arabic: wraps at the available width (in
/// logical order), right-aligns the lines of right-to-left paragraphs and
/// left-aligns the others. A text with a right-to-left paragraph takes the
/// whole available width (so its lines sit at the right edge); otherwise the
/// label is as wide as its widest line. Screen readers (and `egui_kittest`)
/// see the logical `text`.
pub fn bidi_label(ui: &mut Ui, text: &str, font: FontId, color: Color32) -> Response {
    let available = ui.available_width();
    let max_width = if available.is_finite() && available > 0.0 {
        available
    } else {
        f32::INFINITY
    };
    let lines = paragraph_lines(ui, text, font, color, max_width);
    let widest = lines
        .iter()
        .map(|line| line.galley.size().x)
        .fold(0.0_f32, f32::max);
    let any_rtl = lines.iter().any(|line| line.direction.is_rtl());
    let width = if any_rtl && max_width.is_finite() {
        max_width.max(widest)
    } else {
        widest
    };
    let height: f32 = lines.iter().map(|line| line.galley.size().y).sum();
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), Sense::hover());
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        let mut y = rect.top();
        for line in lines {
            let size = line.galley.size();
            let x = if line.direction.is_rtl() {
                rect.right() - size.x
            } else {
                rect.left()
            };
            painter.galley(egui::pos2(x, y), line.galley, color);
            y += size.y;
        }
    }
    response.widget_info(|| WidgetInfo::labeled(Role::Label, true, text));
    response
}

/// A single line of text that does not wrap, bidi-correct, sized to its
/// content (for short strings inside horizontal layouts, such as dates).
/// Screen readers get the logical text.
pub fn bidi_line(ui: &mut Ui, text: &str, font: FontId, color: Color32) -> Response {
    let galley = ui.painter().layout_job(line_job(text, font, color));
    let (rect, response) = ui.allocate_exact_size(galley.size(), egui::Sense::hover());
    if ui.is_rect_visible(rect) {
        ui.painter().galley(rect.min, galley, color);
    }
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, text));
    response
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn section_texts(job: &LayoutJob) -> Vec<&str> {
        job.sections
            .iter()
            .map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0])
            .collect()
    }

    /// Runs `f` inside a frame of a headless context with the fonts installed.
    fn with_ui(f: impl FnMut(&mut Ui)) {
        let ctx = Context::default();
        install_fonts(&ctx);
        ctx.run_ui(egui::RawInput::default(), f)
            .drop_without_applying_deltas();
    }

    #[test]
    fn phrase_with_number_and_brackets_in_visual_order() {
        let text = "تحديد (وضع) في 17 نوفمبر 2020";
        let font = FontId::proportional(16.0);
        let job = line_job(text, font.clone(), Color32::WHITE);
        assert_eq!(
            section_texts(&job),
            [
                "2020",
                " ",
                "نوفمبر",
                " ",
                "17",
                " ",
                "في",
                " (",
                "وضع",
                ") ",
                "تحديد"
            ]
        );
        let arabic = FontFamily::Name(ARABIC_FAMILY.into());
        for section in &job.sections {
            let piece = &job.text[section.byte_range.start.0..section.byte_range.end.0];
            let is_arabic = piece
                .chars()
                .any(|c| ('\u{0621}'..='\u{064A}').contains(&c));
            let family = &section.format.font_id.family;
            assert_eq!(*family == arabic, is_arabic, "{piece:?} in {family:?}");
            assert_eq!(section.format.font_id.size, 16.0);
        }
        with_ui(|ui| {
            let galley = ui.fonts_mut(|f| f.layout_job(job.clone()));
            assert_eq!(galley.rows.len(), 1);
            let glyphs = &galley.rows[0].row.glyphs;
            // The shaper reversed each Arabic piece: the glyphs, left to
            // right, spell the text in visual order.
            // (egui adds zero-width, invisible glyphs after an RTL run for
            // the characters of its clusters; leave them out.)
            let glyphs: Vec<_> = glyphs.iter().filter(|g| g.advance_width > 0.0).collect();
            let shown: String = glyphs.iter().map(|g| g.chr).collect();
            assert_eq!(shown, "2020 ربمفون 17 يف (عضو) ديدحت");
            for pair in glyphs.windows(2) {
                assert!(pair[0].pos.x <= pair[1].pos.x, "{shown}");
            }
            // Every glyph was found in a font (no tofu).
            assert!(
                glyphs
                    .iter()
                    .all(|g| !g.uv_rect.is_nothing() || g.chr == ' ')
            );
        });
    }

    #[test]
    fn fonts_cover_arabic_latin_and_the_player_icons() {
        with_ui(|ui| {
            let check = |family: FontFamily, text: &str| {
                let font = FontId::new(14.0, family);
                assert!(
                    ui.fonts_mut(|f| f.has_glyphs(&font, text)),
                    "{font:?} lacks some of {text:?}"
                );
            };
            let arabic = "قره باغ، أذربيجان؟ ١٢٣";
            let latin = "Kalbajar (26/11/2020) “x” – 5% …";
            for family in [
                FontFamily::Proportional,
                FontFamily::Name(ARABIC_FAMILY.into()),
                FontFamily::Name(BOLD_FAMILY.into()),
                FontFamily::Name(ARABIC_BOLD_FAMILY.into()),
            ] {
                check(family.clone(), arabic);
                check(family.clone(), latin);
                // The player icons are only in egui's emoji-icon-font, which
                // egui bundles with its `monochrome_emoji_fonts` feature.
                if FontDefinitions::default()
                    .font_data
                    .contains_key("emoji-icon-font")
                {
                    check(family, "⏵⏸⏮⏭");
                }
            }
        });
        // egui's default fonts stay, after our five (Latin, Arabic, Hebrew,
        // Armenian and Georgian, in the family's order), in every family.
        let defs = font_definitions();
        let defaults = FontDefinitions::default().families[&FontFamily::Proportional].clone();
        for family in [
            FontFamily::Proportional,
            FontFamily::Name(ARABIC_FAMILY.into()),
            FontFamily::Name(BOLD_FAMILY.into()),
            FontFamily::Name(ARABIC_BOLD_FAMILY.into()),
            FontFamily::Name(HEBREW_FAMILY.into()),
            FontFamily::Name(HEBREW_BOLD_FAMILY.into()),
        ] {
            let chain = &defs.families[&family];
            assert_eq!(chain[5..], defaults[..], "{family:?}");
        }
        assert_eq!(
            defs.families[&FontFamily::Proportional][0],
            "NotoSans-Regular"
        );
        assert_eq!(
            defs.families[&FontFamily::Monospace],
            FontDefinitions::default().families[&FontFamily::Monospace]
        );
    }

    #[test]
    fn latin_text_is_one_plain_section() {
        let job = line_job(
            "Published On 26/11/2020",
            FontId::proportional(14.0),
            Color32::RED,
        );
        assert_eq!(section_texts(&job), ["Published On 26/11/2020"]);
        let job = line_job("", FontId::proportional(14.0), Color32::RED);
        assert_eq!(job.sections.len(), 1);
        // Bold text takes the bold Arabic family.
        let job = line_job(
            "قره باغ (2020)",
            FontId::new(14.0, FontFamily::Name(BOLD_FAMILY.into())),
            Color32::RED,
        );
        assert!(
            job.sections
                .iter()
                .any(|s| s.format.font_id.family == FontFamily::Name(ARABIC_BOLD_FAMILY.into()))
        );
    }

    #[test]
    fn paragraph_wraps_in_logical_order() {
        let source = include_str!("../../data/sources/004_02206ce5f1357834.txt");
        let text = source
            .lines()
            .find(|l| l.contains("(وضع)"))
            .unwrap()
            .to_owned();
        let font = FontId::proportional(16.0);
        with_ui(|ui| {
            let lines = paragraph_lines(ui, &text, font.clone(), Color32::WHITE, 160.0);
            assert!(lines.len() >= 4, "{}", lines.len());
            let joined: String = lines.iter().map(|l| &text[l.logical.clone()]).collect();
            assert_eq!(joined, text);
            for line in &lines {
                assert_eq!(line.direction, Direction::Rtl);
                let shown = text[line.logical.clone()].trim_end();
                assert!(
                    line.galley.size().x <= 160.5 || !shown.contains(' '),
                    "{shown:?} is {} wide",
                    line.galley.size().x
                );
            }
            // The first line holds the first words, and its galley ends (at
            // the right) with them.
            let first = &lines[0].galley;
            let last_section = first.job.sections.last().unwrap();
            let piece =
                &first.job.text[last_section.byte_range.start.0..last_section.byte_range.end.0];
            assert!(
                piece.starts_with(text.split(' ').next().unwrap()),
                "{piece}"
            );
            assert_eq!(
                paragraph(ui, &text, font.clone(), Color32::WHITE, 160.0).len(),
                lines.len()
            );

            // Several paragraphs: each line's range lies in its paragraph.
            let two = format!("{text}\nPublished On 26/11/2020\n\n{text}");
            let lines = paragraph_lines(ui, &two, font.clone(), Color32::WHITE, 200.0);
            let mut rebuilt = String::new();
            let mut prev_end = 0;
            for line in &lines {
                if line.logical.start != prev_end {
                    assert_eq!(line.logical.start, prev_end + 1);
                    rebuilt.push('\n');
                }
                rebuilt.push_str(&two[line.logical.clone()]);
                prev_end = line.logical.end;
            }
            assert_eq!(rebuilt, two);
            let ltr = lines
                .iter()
                .find(|l| two[l.logical.clone()].starts_with("Published"))
                .unwrap();
            assert_eq!(ltr.direction, Direction::Ltr);
        });
    }

    #[test]
    fn label_reports_the_logical_text() {
        let ctx = Context::default();
        install_fonts(&ctx);
        ctx.enable_accesskit();
        let text = "قره باغ (وضع) 2020";
        let mut rect = egui::Rect::NOTHING;
        let mut found = false;
        for _ in 0..2 {
            let output = ctx.run_ui(egui::RawInput::default(), |ui| {
                rect = bidi_label(ui, text, FontId::proportional(14.0), Color32::WHITE).rect;
            });
            let update = output.platform_output.accesskit_update.clone();
            output.drop_without_applying_deltas();
            if let Some(update) = update {
                found |= update
                    .nodes
                    .iter()
                    .any(|(_, node)| node.value().or(node.label()).is_some_and(|l| l == text));
            }
        }
        assert!(
            found,
            "no accessibility node labelled with the logical text"
        );
        assert!(rect.height() > 10.0 && rect.width() > 50.0, "{rect:?}");
    }
}
