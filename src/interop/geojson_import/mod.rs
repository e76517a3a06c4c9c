//! Time-enabled GeoJSON in: a layer with one feature per place and period
//! (what `export --all --format geojson` writes, what QGIS's temporal
//! controller and OpenHistoricalMap use) read into a dataset folder.
//! docs/geojson-import.md says what is and is not kept.
//!
//! - **Fields.** Four properties matter: the place (its name or id), the
//!   state (who controls it), the start and the end of the period. Each can
//!   be named ([`Fields`]); otherwise it is detected from common names, the
//!   first found in any feature ([`PLACE_FIELDS`], [`STATE_FIELDS`],
//!   [`START_FIELDS`], [`END_FIELDS`]; OpenHistoricalMap's `:edtf` variants
//!   first). A missing or null end means the period is still valid.
//! - **Places**: one per distinct value of the place field; the id is the
//!   value when it is a valid id, else made from it; names come from `name`
//!   and `name_TAG` / `name:TAG` properties; the geometry is the one of its
//!   latest period; `kind` is `region` when the feature says so, else
//!   `district`.
//! - **Controllers**: one per distinct value of the state field, named by
//!   the `<state field>_name` property when there is one.
//! - **Changes and steps**: each period whose controller differs from the
//!   previous period of the same place is a change, dated by its start (a
//!   month or a year is a range of days); the steps are the distinct dates.
//!   Dates are EDTF levels 0 and 1 ([`parse_layer_date`]). Periods
//!   written by our own export also carry `since_edtf` (or `since`,
//!   `since_earliest` and `since_precision`: the change's own date, e.g. a
//!   range the sources give) and `pending*` (an agreed handover and its
//!   deadlines), which are read back, so the timeline round-trips.
//! - **Citations**: the import writes `sources/geojson.txt`, a plain-text
//!   listing of every feature's properties, and each change cites its
//!   feature's block there.
//!
//! Features with no place or no state value (e.g. the context features of
//! our export: towns, lines, countries) are left out with a note. Errors name
//! the feature index and the field (`features[3].properties.start_date`);
//! they stop the import before anything is written. The files written are
//! loaded back in memory before they are returned, so an import that
//! succeeds is a dataset `check` accepts.

mod build;
mod read;
mod write;

use super::timelinejs::Note;
use super::{DatasetFiles, ImportError, problem};

/// The generated source text's file name, under `sources/`.
pub const SOURCE_FILE: &str = "geojson.txt";
/// The id of the generated source.
pub const SOURCE_ID: &str = "geojson";

/// Property names tried for the place, in order.
pub const PLACE_FIELDS: [&str; 6] = ["place", "place_id", "name", "id", "NAME", "Name"];
/// Property names tried for the state (the controller), in order.
pub const STATE_FIELDS: [&str; 8] = [
    "controlled_by",
    "controller",
    "state",
    "control",
    "sovereign",
    "owner",
    "country",
    "admin",
];
/// Property names tried for the start of a period, in order.
pub const START_FIELDS: [&str; 6] = [
    "start_date:edtf",
    "start_date",
    "start",
    "begin",
    "valid_from",
    "from",
];
/// Property names tried for the end of a period, in order.
pub const END_FIELDS: [&str; 6] = [
    "end_date:edtf",
    "end_date",
    "end",
    "valid_to",
    "valid_until",
    "to",
];

/// The properties to read, when the user names them (`--place-field` …);
/// `None` means "detect".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields {
    /// The place's name or id.
    pub place: Option<String>,
    /// Who controls it.
    pub state: Option<String>,
    /// The first day of the period.
    pub start: Option<String>,
    /// The day after its last (exclusive), or nothing while still valid.
    pub end: Option<String>,
}

/// The fields the import used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsedFields {
    /// The place field.
    pub place: String,
    /// The state field.
    pub state: String,
    /// The start field.
    pub start: String,
    /// The end field, if any feature has one.
    pub end: Option<String>,
}

/// A successful import: the dataset's files, not yet written.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The files of the dataset (see [`super::write_dataset`]).
    pub files: DatasetFiles,
    /// The fields read.
    pub fields: UsedFields,
    /// How many places, controllers, periods (features used) and steps.
    pub places: usize,
    /// How many controllers.
    pub controllers: usize,
    /// How many features became periods.
    pub periods: usize,
    /// How many steps.
    pub steps: usize,
    /// Everything not carried over, or carried over differently, in file
    /// order.
    pub notes: Vec<Note>,
}

/// What the errors call the file.
const WHAT: &str = "GeoJSON layer";

/// A date or range of days from a layer's date field: EDTF levels 0 and 1
/// as the dataset reads them ([`crate::model::parse_edtf`]: a day, a month
/// or a year as the range of its days, intervals, `?` and `~`), or a date
/// and time (the time is dropped). The one place the import parses dates.
///
/// # Errors
/// A sentence naming `text` and saying why it is not a date.
pub fn parse_layer_date(text: &str) -> Result<crate::model::DateSpec, String> {
    read::layer_date(text)
}

/// Import the time-enabled GeoJSON `text`. `label` names it in diagnostics
/// (its path); `file_name` is recorded as the source's original file name.
///
/// # Errors
/// Malformed JSON (line and column), no `features`, fields that cannot be
/// detected or are named but absent, and every bad value, each naming the
/// feature index and field.
pub fn import(
    label: &str,
    file_name: &str,
    text: &str,
    fields: &Fields,
) -> Result<Imported, ImportError> {
    let layer = read::read(label, text, fields)?;
    let timeline = build::build(label, &layer)?;
    let files = write::files(file_name, &layer, &timeline).map_err(|e| ImportError {
        what: WHAT,
        diagnostics: vec![problem(
            label,
            format!("the dataset's files could not be written: {e}"),
            "please report this as a bug of karabakh-atlas, with the file",
        )],
    })?;
    let map: std::collections::BTreeMap<String, Vec<u8>> = files.iter().cloned().collect();
    if let Err(e) = crate::model::load_memory("imported", &map) {
        let mut diagnostics = vec![problem(
            label,
            "the layer was read, but the dataset made from it does not pass `check`:",
            "fix the features named above (often: a place's geometry is not a valid polygon), or report it",
        )];
        diagnostics.extend(e.diagnostics);
        return Err(ImportError {
            what: WHAT,
            diagnostics,
        });
    }
    let mut notes = layer.notes;
    notes.extend(timeline.notes);
    Ok(Imported {
        files,
        fields: layer.fields,
        places: timeline.places.len(),
        controllers: timeline.controllers.len(),
        periods: layer.periods.len(),
        steps: timeline.steps.len(),
        notes,
    })
}
