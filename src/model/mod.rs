//! The dataset: types, loading and validation, and the state at a date.
//!
//! Nothing here draws or depends on a GUI; it is shared by the CLI, the
//! viewer and the exporters.

pub mod area;
pub mod cite;
pub mod diag;
pub mod geometry;
pub mod load;
pub mod lookup;
pub mod quote;
pub mod raw;
pub mod schema;
pub mod state;
pub mod tour;
pub mod types;

/// The calendar is the leaf [`crate::date`]; re-exported so paths such as
/// `model::date::Date` and `model::Date` keep working.
pub use crate::date;
pub use crate::date::{Date, DateError, DateSpec};
pub use diag::{Diagnostic, LoadError};
pub use load::{load_bundled, load_folder, load_memory};
pub use types::Dataset;
