//! Marked spans for the reader: highlights, place mentions and search hits
//! drawn into wrapped bidi lines, each with where it landed on screen.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{ByteIndex, LayoutJob, LayoutSection, TextFormat};
use egui::{Color32, FontFamily, FontId, Galley, Ui};

use super::fonts::ARABIC_FAMILY;
use super::job::{is_bidi_control, rtl_font};
use super::lines::line_breaks;
use crate::text::bidi::{self, Direction};

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
