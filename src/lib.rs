//! karabakh-atlas: a map-timeline viewer that walks through how control of
//! the seven districts around Nagorno-Karabakh changed between 2020 and 2023,
//! each step linked to the exact passage of the Arabic news text reporting it.
//!
//! Layers (see ARCHITECTURE.md): [`model`] loads and validates a dataset and
//! derives the state at a date; [`cli`] exposes it on the command line. The
//! bundled dataset lives in [`bundled`].

pub mod bundled;
pub mod cli;
pub mod import;
pub mod model;
