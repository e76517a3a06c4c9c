//! Text handling that does not depend on the GUI.
//!
//! egui shapes each run of text with a shaper that guesses the run's direction
//! from its script, but lays runs out left to right in logical order: it has no
//! bidirectional algorithm. [`bidi`] runs UAX #9 (through `unicode-bidi`) and
//! cuts a line into pieces, already in visual order, that such a shaper draws
//! correctly one by one; it also breaks paragraphs into lines in logical
//! order. The egui side (`ui::text`, feature `gui`) turns the pieces into a
//! `LayoutJob`. The Unicode data (bidi classes, mirrored pairs, grapheme
//! clusters, scripts) comes from the `unicode-*` crates. [`search`] is the
//! reader's Arabic-aware find. This is a leaf layer: nothing here uses any
//! other module of the crate, not even in tests.

pub mod bidi;
pub mod search;
