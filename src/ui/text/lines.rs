//! Paragraphs wrapped in logical order into visual lines, one galley each,
//! with the line breaks cached from frame to frame.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use egui::text::LayoutJob;
use egui::{Color32, FontFamily, FontId, Galley, Id, Ui};

use super::fonts::ARABIC_FAMILY;
use super::job::{arabic_family_for, job_from_runs, line_job_in};
use crate::text::bidi::{self, Direction};

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
/// [`line_job`](super::line_job)-like job reordered within its paragraph. The line breaks are
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
pub(super) type Breaks = Arc<[Range<usize>]>;

/// Line breaks kept from frame to frame, keyed by everything they depend on,
/// each with the pass it was last used in.
#[derive(Clone, Default)]
struct BreakCache {
    entries: HashMap<Id, (u64, Breaks)>,
}

/// Past this many cached paragraphs, those not used in the last two passes
/// are dropped.
const BREAK_CACHE_SIZE: usize = 4096;

pub(super) fn line_breaks(
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::test_support::with_ui;
    use super::*;

    #[test]
    fn paragraph_wraps_in_logical_order() {
        let source = include_str!("../../../data/sources/004_02206ce5f1357834.txt");
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
}
