//! TEMPORARY stand-in until the tours branch merges (replaced wholesale).
#![allow(missing_docs, clippy::missing_errors_doc)]

use std::path::Path;

use super::diag::{Diagnostic, LoadError};
use super::types::{Dataset, Extent, Localized, Tour, TourStop};
use crate::cli::GuiArgs;

pub fn default_tour(ds: &Dataset) -> Tour {
    let mut title = Localized::default();
    title.0.insert("en".into(), "All steps".into());
    Tour {
        id: "all-steps".into(),
        title,
        description: Localized::default(),
        hold: 8.0,
        stops: (0..ds.steps.len())
            .map(|step| TourStop {
                step,
                notes: Localized::default(),
                questions: Vec::new(),
                hold: None,
            })
            .collect(),
    }
}

pub fn step_extent(_ds: &Dataset, _i: usize) -> Option<Extent> {
    None
}

pub fn load_tour_file(path: &Path, _ds: &Dataset) -> Result<Tour, LoadError> {
    Err(LoadError {
        diagnostics: vec![Diagnostic::new(path.display().to_string(), "tours pending")],
    })
}

pub fn resolve_gui_tour(ds: &Dataset, args: &GuiArgs) -> Result<Option<(Tour, usize)>, LoadError> {
    match &args.tour {
        Some(p) => load_tour_file(p, ds).map(|t| Some((t, 0))),
        None => Ok(None),
    }
}
