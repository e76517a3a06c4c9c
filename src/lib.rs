//! karabakh-atlas: a map-timeline viewer that walks through how control of
//! the seven districts around Nagorno-Karabakh changed between 2020 and 2023,
//! each step linked to the exact passage of the Arabic news text reporting it.
//!
//! Layers (see ARCHITECTURE.md): [`model`] loads and validates a dataset and
//! derives the state at a date; [`control`] holds the current date and
//! playback; [`scene`] projects and styles the map into a backend-neutral
//! display list; [`text`] orders bidirectional text; [`ui`] (feature `gui`)
//! is the egui viewer; [`cli`] is the command line. The bundled dataset lives
//! in [`bundled`]; `import` (feature `import`) builds the map from Natural
//! Earth. [`scaffold`]
//! writes an example dataset to start from; [`interop`] imports and exports
//! other timeline formats (TimelineJS3).

pub mod assets;
pub mod atomic;
pub mod bundled;
pub mod cli;
pub mod control;
pub mod date;
pub mod export;
pub mod i18n;
#[cfg(feature = "import")]
pub mod import;
pub mod interop;
pub mod model;
pub mod present;
pub mod scaffold;
pub mod scene;
#[doc(hidden)]
pub mod synth;
pub mod text;
#[cfg(feature = "gui")]
pub mod ui;
