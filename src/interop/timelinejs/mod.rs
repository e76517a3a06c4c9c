//! TimelineJS3 (<https://timeline.knightlab.com/docs/json-format.html>) in
//! both directions. docs/timelinejs.md says what is and is not carried over.
//!
//! **Import** ([`import`]) turns a TimelineJS JSON file into a dataset
//! skeleton that `check` accepts and the viewer opens:
//!
//! - every event becomes a step (sorted by date, as TimelineJS shows them);
//!   its `unique_id` (made a valid id) is the step id, its headline the
//!   title, its text (HTML tags removed, entities decoded) the summary;
//! - dates: a day stays a day; a year or a month alone becomes the range of
//!   its days; an `end_date` makes the step a range from the first day of
//!   the start to the last day of the end; `display_date` goes into the
//!   step's `date_note`; a time of day is dropped. `display_date` "Before D"
//!   on a day with no end, where D is the next day in the form "27
//!   September 2020", reads back as `{ before = D }` (what [`export`] writes);
//! - the TimelineJS file is the source: `sources/timelinejs.txt` holds a
//!   plain-text rendering of it (title slide, eras, then each event's
//!   headline, displayed date, text, media URL, credit, caption and group on
//!   lines labelled by the importer), and each step cites its own event's
//!   text (or headline, when it has no text) there, at the right offset;
//! - the title slide gives the dataset's title and description; eras are
//!   listed in the description and at the top of the source text;
//! - a TimelineJS file has no places: `places.toml` is left empty (the
//!   loader and the viewer accept a dataset that tracks nothing), the map is
//!   an empty FeatureCollection, and one placeholder controller is written
//!   because the loader requires at least one.
//!
//! Everything that cannot be carried over is reported as a [`Note`] naming
//! its JSON path (`events[3].media.thumbnail`). An event that cannot be
//! represented at all (no start date, a date that does not exist or lies
//! beyond the years ±999,999,999,999) is left out and reported as [`Skipped`],
//! with its index, headline and reasons; [`ImportOptions::strict`] (the
//! CLI's `--strict`) refuses the file instead. Years before 1 are BCE in
//! astronomical numbering, as TimelineJS writes them (-330 is 331 BCE).
//! Errors (malformed JSON with its line and column, no events, a malformed
//! title slide or eras, no event left) stop the import before anything is
//! written.
//!
//! **Export** ([`export`]) writes one event per step: dates, title, summary
//! and the quotes of every citation the step uses, with their sources.
//!
//! How the pieces meet: [`import`] (`import.rs`) reads the top level of the
//! file and hands each part to the readers in `slides.rs` (events, media,
//! eras) and `dates.rs` (date objects, an event's dates), which turn HTML
//! fields into plain text through `html.rs`; the events then go to
//! `write.rs`, which renders the dataset's files. [`export`] (`export.rs`)
//! goes the other way and shares only the "Before D" wording with
//! `dates.rs`. Errors and notes are collected by one `Importer` value that
//! every reader borrows.

mod dates;
mod export;
mod html;
mod import;
mod slides;
mod write;

use std::fmt;

use super::DatasetFiles;
use crate::model::diag::Diagnostic;

pub use export::export;
pub use html::{PlainText, html_to_text};
pub use import::{import, import_with};

/// The generated source text's file name, under `sources/`.
pub const SOURCE_FILE: &str = "timelinejs.txt";
/// The id of the generated source.
pub const SOURCE_ID: &str = "timelinejs";

/// Something in the TimelineJS file that the dataset does not keep, or keeps
/// differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// JSON path, e.g. `events[3].media.thumbnail`.
    pub path: String,
    /// What happened to it.
    pub message: String,
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// A successful import: the dataset's files, not yet written.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The files of the dataset skeleton (see [`super::write_dataset`]).
    pub files: DatasetFiles,
    /// How many steps it has (one per imported event).
    pub steps: usize,
    /// Everything not carried over, in file order.
    pub notes: Vec<Note>,
    /// The events left out because they cannot be represented, in file
    /// order (always empty with [`ImportOptions::strict`], which refuses
    /// the file instead).
    pub skipped: Vec<Skipped>,
}

/// How [`import_with`] treats an event it cannot represent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Refuse the whole file for one such event (the CLI's `--strict`),
    /// instead of leaving the event out and reporting it.
    pub strict: bool,
}

/// An event the import left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Its index in `events`.
    pub index: usize,
    /// Its headline as plain text, if it has one.
    pub headline: Option<String>,
    /// Why it cannot be represented: each problem with its JSON path.
    pub reasons: Vec<Diagnostic>,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "events[{}]", self.index)?;
        if let Some(h) = &self.headline {
            write!(f, " \"{h}\"")?;
        }
        write!(f, " is left out:")?;
        for r in &self.reasons {
            write!(f, "\n  {r}")?;
        }
        Ok(())
    }
}

/// Why a TimelineJS file could not be imported: every problem found (the
/// imports' one error type).
pub use super::ImportError;
