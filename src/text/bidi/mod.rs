//! Bidirectional text (UAX #9) for a shaper that has no bidi algorithm.
//!
//! egui shapes each run of text on its own, guessing the run's direction from
//! its script (HarfBuzz's `guess_segment_properties`: the first character
//! whose script is not Common or Inherited decides; with none, left to
//! right), and places runs left to right in logical order. So a line of
//! Arabic only comes out right if it is handed over in pieces that are
//! already in visual order and that the shaper, guessing on its own, draws
//! correctly:
//!
//! * an Arabic piece (Arabic-script letters, with the spaces and Arabic
//!   punctuation between them) is handed over in logical order; the shaper
//!   sees Arabic script, shapes it right to left and joins the letters;
//! * any other piece inside a right-to-left run (brackets, quotes, dashes,
//!   slashes, full stops, spaces at its edges) would be shaped left to right,
//!   so it is handed over already reversed, with mirrored characters swapped
//!   (`(` ↔ `)`, `«` ↔ `»`, …);
//! * left-to-right runs (Latin, numbers such as `2020` or `26/11/2020`) are
//!   handed over as they are.
//!
//! [`visual_runs`] makes those pieces for one line; [`break_lines`] breaks a
//! paragraph into lines in logical order, so that the first visual line of a
//! paragraph holds its first words. Nothing here depends on egui.
//!
//! How the pieces meet: `direction` finds a paragraph's direction and
//! whether it needs reordering at all; `runs` asks `unicode-bidi` for the
//! levels and runs of a line and cuts them into pieces, using `script` to
//! tell which characters the shaper takes for right to left, `clusters`
//! to keep a base and its marks together when a piece is reversed, and
//! `mirror` to swap brackets; `wrap` breaks a paragraph into lines (also
//! whole clusters), whose byte ranges go back to `runs`. Everything is
//! re-exported here, so callers use `crate::text::bidi::X`.
//!
//! The Unicode data comes from crates: bidi classes, levels and runs from
//! `unicode-bidi`, mirrored pairs from `unicode-bidi-mirroring`, grapheme
//! clusters from `unicode-segmentation`, scripts from `unicode-script`.
//! Kept hand-written, each for its reason:
//!
//! * the cutting of runs into pieces a script-guessing shaper draws right
//!   (`runs`): the whole point of this module, which no crate does;
//! * the list of right-to-left scripts (`script`): the shaper's own
//!   (HarfBuzz's), and `unicode-script` has no directions;
//! * the spaces and joiners allowed inside an Arabic piece (`script`):
//!   Common to all scripts, allowed because the Arabic font has them;
//! * the bidi classes that make a text need reordering (`direction`): a
//!   bidi-class rule, with the classes from `unicode-bidi`;
//! * the symmetric lookup of mirrored pairs (`mirror`): the crate's
//!   reverse lookup misses 21 of its own pairs (`≥`, …);
//! * the spaces a line may break after (`wrap`): lines break only at
//!   spaces (no UAX #14 line breaking), and no-break spaces are kept.

mod clusters;
mod direction;
mod mirror;
mod runs;
mod script;
#[cfg(test)]
mod test_support;
mod wrap;

pub use direction::{Direction, needs_bidi, paragraph_direction};
pub use mirror::mirrored;
pub use runs::{VisualRun, split_runs, visual_runs, visual_runs_in};
pub use wrap::{break_lines, trim_line_end};
