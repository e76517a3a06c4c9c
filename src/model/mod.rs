//! The dataset: types, loading and validation, and the state at a date.
//!
//! Nothing here draws or depends on a GUI; it is shared by the CLI, the
//! viewer and the exporters.
//!
//! How the pieces meet: [`load`] reads the files into the [`raw`] mirrors and
//! validates them into the [`types`] (reporting through [`diag`], locating
//! quotes with [`quote`]); [`lookup`] answers questions about a loaded
//! [`Dataset`]; [`state`], [`area`], [`cite`] and [`tour`] derive what the
//! viewer and the exporters show. The model uses only the leaves below it
//! ([`crate::date`], [`crate::i18n`], [`crate::bundled`]),
//! never `control`, `scene`, `export`, `interop`, `cli` or `ui` (the one
//! exception, `tour::resolve_gui_tour`, is to move out).

pub mod area;
pub mod cite;
pub mod diag;
pub mod geometry;
pub mod load;
pub mod lookup;
pub mod prose;
pub mod quote;
pub mod raw;
pub mod schema;
pub mod state;
pub mod tour;
pub mod types;

/// The calendar is the leaf [`crate::date`]; re-exported so paths such as
/// `model::date::Date` and `model::Date` keep working.
pub use crate::date;
pub use crate::date::edtf::{EdtfError, parse_edtf};
pub use crate::date::{Date, DateError, DateSpec, Qualifier};
pub use diag::{Diagnostic, LoadError};
pub use load::{load_bundled, load_folder, load_memory};
pub use types::Dataset;
