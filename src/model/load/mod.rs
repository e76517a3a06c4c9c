//! Loading a dataset from a folder or from the copy compiled into the binary,
//! and validating it. The CLI and the viewer share this one path.
//!
//! A dataset folder holds `dataset.toml`, `places.toml`, `sources.toml`,
//! `timeline.toml`, `map.geojson`, the source texts under `sources/` and any
//! tour files `dataset.toml` lists.
//! Every problem is collected and reported at once.
//!
//! How the pieces meet: [`load_folder`], [`load_memory`] and
//! [`load_bundled`] each give the one `load` below a source of files
//! ([`loader::Files`]); `load` reads the five required files through a
//! [`loader::Loader`], which collects every diagnostic, then checks each file
//! on its own ([`dataset`], [`places`], [`sources`], [`timeline`]), then
//! what holds across files ([`cross`]), then the tours ([`tours`]), and
//! builds the [`Dataset`] only when nothing was found wrong.

mod cross;
mod dataset;
mod loader;
mod places;
mod sources;
mod timeline;
mod tours;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::diag::{Diagnostic, LoadError, Msg};
use super::geometry::MapData;
use super::raw::{RawDatasetFile, RawPlacesFile, RawSourcesFile, RawTimelineFile};
use super::types::{Dataset, Localized, Origin, Step};
use cross::{check_aliases, check_control, check_geometry};
use dataset::{check_dataset_file, check_naming};
use loader::{Bundled, Files, Folder, Loader, Memory};
pub(crate) use loader::{decode_utf8, toml_diagnostic};
use places::check_places;
use sources::check_sources;
use timeline::{check_citations, check_claims, check_steps};
use tours::check_tours;

/// The files every dataset folder must have.
pub const REQUIRED_FILES: [&str; 5] = [
    "dataset.toml",
    "places.toml",
    "sources.toml",
    "timeline.toml",
    "map.geojson",
];

/// Load and validate the dataset in folder `dir`.
///
/// # Errors
/// Every problem found, each naming its file, line and column where known.
pub fn load_folder(dir: &Path) -> Result<Dataset, LoadError> {
    if !dir.is_dir() {
        let what = if dir.exists() {
            "diag-data-not-folder"
        } else {
            "diag-data-missing"
        };
        return Err(LoadError {
            diagnostics: vec![
                Diagnostic::new(dir.display().to_string(), Msg::new(what))
                    .help(Msg::new("diag-data-help").list("files", REQUIRED_FILES)),
            ],
        });
    }
    load(
        &Folder(dir.to_path_buf()),
        Origin::Folder(dir.to_path_buf()),
    )
}

/// Load and validate a dataset held in memory: `files` maps each path
/// relative to the dataset folder (`timeline.toml`, `sources/a.txt`, ...) to
/// its bytes. Diagnostics name files `name/<path>`, and the dataset's origin
/// is a folder called `name`. Used by tests, fuzzing and benchmarks, which
/// build or mutate datasets without touching the disk.
///
/// # Errors
/// Every problem found, as [`load_folder`] reports them.
pub fn load_memory(name: &str, files: &BTreeMap<String, Vec<u8>>) -> Result<Dataset, LoadError> {
    load(&Memory { name, files }, Origin::Folder(PathBuf::from(name)))
}

/// Load and validate the dataset compiled into the binary.
///
/// # Errors
/// Only if the bundled data is broken, which the test suite guards against.
pub fn load_bundled() -> Result<Dataset, LoadError> {
    load(&Bundled, Origin::Bundled)
}

fn load(files: &dyn Files, origin: Origin) -> Result<Dataset, LoadError> {
    let mut l = Loader {
        files,
        errors: Vec::new(),
    };
    let dataset = l.toml::<RawDatasetFile>("dataset.toml");
    let places = l.toml::<RawPlacesFile>("places.toml");
    let sources = l.toml::<RawSourcesFile>("sources.toml");
    let timeline = l.toml::<RawTimelineFile>("timeline.toml");
    let map_ctx = l.text("map.geojson");
    let map = map_ctx
        .as_ref()
        .and_then(|ctx| match MapData::parse(&ctx.label, &ctx.text) {
            Ok(m) => Some(m),
            Err(errs) => {
                l.errors.extend(errs);
                None
            }
        });
    let (Some(dataset), Some(places), Some(sources), Some(timeline), Some(map)) =
        (dataset, places, sources, timeline, map)
    else {
        return Err(LoadError {
            diagnostics: l.errors,
        });
    };

    let (coverage, controllers, title, description) = check_dataset_file(&mut l, &dataset);
    let naming = check_naming(&mut l, &dataset, &places);
    let places = check_places(&mut l, &places);
    // Who controls a place only matters once a place is tracked: a dataset
    // that only tells a story (e.g. a TimelineJS import) needs none.
    if controllers.is_empty() && places.1.iter().any(|p| p.kind.is_tracked()) {
        l.push(
            Diagnostic::new(&dataset.0.label, Msg::new("diag-no-controllers"))
                .help(Msg::new("diag-no-controllers-help")),
        );
    }
    let sources = check_sources(&mut l, &sources);
    let (tctx, raw_tl) = &timeline;
    let citations = check_citations(&mut l, tctx, raw_tl, &sources);
    let claims = check_claims(&mut l, tctx, raw_tl);
    let steps = check_steps(&mut l, tctx, raw_tl, &places, &controllers, &claims);
    check_aliases(&mut l, &places.0, &places.1, &sources);
    check_geometry(&mut l, map_ctx.as_ref(), &places.1, &map);

    let (Some(coverage), Some(steps)) = (coverage, steps) else {
        return Err(LoadError {
            diagnostics: l.errors,
        });
    };
    check_control(&mut l, tctx, &places.1, &steps, coverage);
    let steps: Vec<Step> = steps.into_iter().map(|(s, _)| s).collect();
    let tours = check_tours(&mut l, &dataset, &steps);
    if !l.errors.is_empty() {
        return Err(LoadError {
            diagnostics: l.errors,
        });
    }
    let mut ds = Dataset {
        origin,
        title,
        description,
        map_attribution: Localized(dataset.1.map_attribution.clone()),
        naming,
        coverage,
        controllers,
        places: places.1,
        sources,
        citations,
        claims,
        steps,
        map,
        tours,
        index: Default::default(),
    };
    ds.reindex();
    Ok(ds)
}
