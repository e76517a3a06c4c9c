//! The tour files `dataset.toml` lists: paths, ids and each file's tour.

use std::collections::BTreeSet;
use std::path::Path;

use toml::Spanned;

use super::loader::{FileCtx, Loader, decode_utf8};
use super::sources::safe_relative;
use crate::model::diag::Msg;
use crate::model::raw::RawDatasetFile;
use crate::model::tour;
use crate::model::types::{Step, Tour};

/// The tour files `dataset.toml` lists: each path safe and inside the
/// dataset, each id (the file stem) unique, each file a valid tour.
pub(super) fn check_tours(
    l: &mut Loader<'_>,
    (ctx, raw): &(FileCtx, RawDatasetFile),
    steps: &[Step],
) -> Vec<Tour> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for entry in &raw.tours {
        let rel = entry.get_ref();
        let stem = Path::new(rel)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        if !safe_relative(rel) || Path::new(rel).extension().is_none_or(|e| e != "toml") {
            l.push(
                ctx.at(entry, Msg::new("diag-tour-path").text("file", rel))
                    .help(Msg::new("diag-tour-path-help")),
            );
            continue;
        }
        if stem == tour::DEFAULT_TOUR_ID {
            l.push(
                ctx.at(entry, Msg::new("diag-tour-reserved").text("id", stem))
                    .help(Msg::new("diag-tour-reserved-help")),
            );
            continue;
        }
        let before = l.errors.len();
        l.id(
            ctx,
            &Spanned::new(entry.span(), stem.to_owned()),
            &mut seen,
            "diag-kind-tour",
        );
        if l.errors.len() > before {
            continue;
        }
        let label = l.files.label(rel);
        let bytes = match l.files.read(rel) {
            Ok(b) => b,
            Err(msg) => {
                l.push(
                    ctx.at(
                        entry,
                        Msg::new("diag-tour-unreadable")
                            .text("file", &label)
                            .msg("reason", msg),
                    )
                    .help(Msg::new("diag-tour-unreadable-help")),
                );
                continue;
            }
        };
        let text = match decode_utf8(&label, bytes) {
            Ok(t) => t,
            Err(d) => {
                l.push(d);
                continue;
            }
        };
        match tour::parse_tour_steps(&label, &text, stem, steps) {
            Ok(mut t) => {
                // Its `{source:ID}` references, checked with the others.
                l.scan_tour(&FileCtx { label, text }, &mut t);
                out.push(t);
            }
            Err(errs) => l.errors.extend(errs),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{only, with};

    /// The fixture's `dataset.toml` listing `tours` (on line 4).
    fn listing(tours: &str) -> std::collections::BTreeMap<String, String> {
        with(
            "dataset.toml",
            "to = \"2000-12-31\" }\n",
            &format!("to = \"2000-12-31\" }}\ntours = [{tours}]\n"),
        )
    }

    #[test]
    fn a_tour_path_outside_the_folder_is_refused() {
        let d = only(
            &listing("\"../x.toml\""),
            "diag-tour-path",
            "dataset.toml",
            Some(4),
        );
        assert!(
            d.message
                .to_string()
                .starts_with("tour file '../x.toml' is not")
        );
    }

    #[test]
    fn the_built_in_tour_id_is_reserved() {
        let name = format!("\"tours/{}.toml\"", crate::model::tour::DEFAULT_TOUR_ID);
        let d = only(
            &listing(&name),
            "diag-tour-reserved",
            "dataset.toml",
            Some(4),
        );
        assert!(
            d.message
                .to_string()
                .ends_with("is reserved for the built-in tour through every step")
        );
    }

    #[test]
    fn a_listed_tour_file_that_is_missing_is_reported() {
        let d = only(
            &listing("\"tours/walk.toml\""),
            "diag-tour-unreadable",
            "dataset.toml",
            Some(4),
        );
        assert!(
            d.message.to_string().contains("tours/walk.toml"),
            "{}",
            d.message
        );
    }
}
