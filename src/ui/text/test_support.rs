//! What the tests of the text widgets share: a headless frame with the
//! fonts installed, and the texts of a job's sections.

use egui::text::LayoutJob;
use egui::{Context, Ui};

use super::fonts::install_fonts;

pub(super) fn section_texts(job: &LayoutJob) -> Vec<&str> {
    job.sections
        .iter()
        .map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0])
        .collect()
}

/// Runs `f` inside a frame of a headless context with the fonts installed.
pub(super) fn with_ui(f: impl FnMut(&mut Ui)) {
    let ctx = Context::default();
    install_fonts(&ctx);
    ctx.run_ui(egui::RawInput::default(), f)
        .drop_without_applying_deltas();
}
