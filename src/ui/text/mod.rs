//! Arabic text in egui: the bundled fonts, bidi-correct one-line layout jobs,
//! paragraphs wrapped in logical order, and a label widget.
//!
//! egui shapes each run with a shaper that guesses its direction from its
//! script, but places runs left to right in logical order and has no bidi
//! algorithm. [`crate::text::bidi`] cuts each line into pieces already in
//! visual order; here each piece becomes one section of a
//! [`LayoutJob`](egui::text::LayoutJob): Arabic pieces in the [`ARABIC_FAMILY`] font (NotoNaskhArabic
//! first, so spaces and Arabic punctuation inside an Arabic piece come from
//! the same font and the piece is shaped as one run), other pieces in the
//! font the caller asked for. Call [`install_fonts`] once at start-up.
//!
//! How the pieces meet: `fonts` installs the bundled fonts and names the
//! families; `job` turns the pieces of one line into a job, choosing a
//! family per piece; `lines` breaks a paragraph in logical order (measuring
//! with those jobs, breaks cached across frames) and lays out each line;
//! `marked` does the same with highlighted or underlined spans cut into
//! sections of their own, for the reader; `labels` are the widgets built on
//! `lines` and `job`. Everything is re-exported here, so callers use
//! `crate::ui::text::X`.

mod fonts;
mod job;
mod labels;
mod lines;
mod marked;
#[cfg(test)]
mod test_support;

pub use fonts::{
    ARABIC_BOLD_FAMILY, ARABIC_FAMILY, BOLD_FAMILY, HEBREW_BOLD_FAMILY, HEBREW_FAMILY,
    font_definitions, install_fonts,
};
pub use job::line_job;
pub use labels::{bidi_label, bidi_line};
pub use lines::{BidiLine, paragraph, paragraph_lines};
pub use marked::{Mark, MarkedLine, Span, marked_lines};
