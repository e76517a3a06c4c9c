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
//! (`loader::Files`); `load` reads the five required files through a
//! `loader::Loader`, which collects every diagnostic, then checks each file
//! on its own (`dataset`, `places`, `sources`, `timeline`), then
//! what holds across files (`cross`), then the tours (`tours`), and
//! builds the [`Dataset`] only when nothing was found wrong.

mod base;
mod cross;
mod dataset;
mod evidence;
mod loader;
mod places;
mod prose;
mod sources;
mod timeline;
mod tours;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::diag::{Diagnostic, LoadError, Msg};
use super::geometry::MapData;
use super::raw::{RawDatasetFile, RawPlacesFile, RawSourcesFile, RawTimelineFile};
use super::types::{Dataset, Localized, Origin, Step};
pub use base::BASE_FILE;
use cross::{check_aliases, check_control, check_geometry};
use dataset::{check_dataset_file, check_naming};
use loader::{Bundled, Files, Folder, Loader, Memory};
pub(crate) use loader::{decode_utf8, toml_diagnostic};
use places::check_places;
pub(crate) use prose::check_tour_references;
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
        prose_refs: Vec::new(),
    };
    let dataset = l.toml::<RawDatasetFile>("dataset.toml");
    let places = l.toml::<RawPlacesFile>("places.toml");
    let sources = l.toml::<RawSourcesFile>("sources.toml");
    let timeline = l.toml::<RawTimelineFile>("timeline.toml");
    let map_ctx = l.text("map.geojson");
    let base = base::read_base(&mut l);
    let map = map_ctx
        .as_ref()
        .and_then(|ctx| match MapData::parse(&ctx.label, &ctx.text) {
            Ok(mut m) => {
                m.base = base;
                Some(m)
            }
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
    let source_ids: std::collections::BTreeSet<String> = sources
        .1
        .source
        .iter()
        .map(|s| s.id.get_ref().clone())
        .collect();
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
    l.check_references(&source_ids);
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
    prose::render_references(&mut ds);
    Ok(ds)
}

/// A small valid dataset in memory for the loader's unit tests: two
/// controllers, one district on the map, one source, one citation and two
/// steps (a baseline and a handover). Each test breaks one thing in one file
/// and checks the message and the line the loader reports.
#[cfg(test)]
pub(super) mod fixture {
    use std::collections::BTreeMap;

    use sha2::{Digest, Sha256};

    use super::load_memory;
    use crate::model::Dataset;
    use crate::model::diag::Diagnostic;

    /// The source text: the citation's quote starts on line 2, at character
    /// offset 19.
    pub const SOURCE: &str = "Some filler words.\nArea 0 passes to beta.\n";

    const DATASET: &str = r#"title = { en = "Test dataset" }
description = { en = "A fixture." }
coverage = { from = "2000-01-01", to = "2000-12-31" }

[[controller]]
id = "alpha"
names = { en = "Alpha" }

[[controller]]
id = "beta"
names = { en = "Beta" }
"#;

    const PLACES: &str = r#"[[place]]
id = "area-0"
kind = "district"
names = { en = "Area 0" }
centre = { lat = 35.1, lon = 40.1 }
"#;

    const MAP: &str = r#"{"type":"FeatureCollection","features":[
{"type":"Feature","id":"area-0","properties":{"id":"area-0","kind":"district","names":{"en":"Area 0"}},"geometry":{"type":"Polygon","coordinates":[[[40.0,35.0],[40.2,35.0],[40.2,35.2],[40.0,35.2],[40.0,35.0]]]}}
]}
"#;

    const TIMELINE: &str = r#"[[step]]
id = "step-0"
date = { before = "2000-01-02" }
title = { en = "Start" }
summary = { en = "Alpha holds area 0." }
citations = ["cite-0"]

[[step.change]]
place = "area-0"
to = "alpha"
when = { from = "1990-01-01", to = "1999-12-31" }
citations = ["cite-0"]

[[step]]
id = "step-1"
date = "2000-02-01"
title = { en = "Handover" }
summary = { en = "Area 0 passes to beta." }
citations = ["cite-0"]

[[step.change]]
place = "area-0"
to = "beta"
citations = ["cite-0"]

[[citation]]
id = "cite-0"
source = "src-a"
quote = "Area 0 passes to beta"
offset = 19
gloss = "About area 0."
"#;

    /// `sources.toml` for a source text whose SHA-256 is `sum`.
    fn sources(sum: &str) -> String {
        format!(
            r#"[[source]]
id = "src-a"
file = "a.txt"
original_file_name = "a.txt"
sha256 = "{sum}"
language = "en"
direction = "ltr"
label = "Source A"
"#
        )
    }

    /// The SHA-256 of `text`, in lower-case hex.
    pub fn sha256(text: &str) -> String {
        Sha256::digest(text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// The fixture's files, by path in the dataset folder.
    pub fn files() -> BTreeMap<String, String> {
        [
            ("dataset.toml", DATASET.to_owned()),
            ("places.toml", PLACES.to_owned()),
            ("map.geojson", MAP.to_owned()),
            ("timeline.toml", TIMELINE.to_owned()),
            ("sources.toml", sources(&sha256(SOURCE))),
            ("sources/a.txt", SOURCE.to_owned()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect()
    }

    /// The fixture with the first `from` in file `rel` replaced by `to`.
    pub fn with(rel: &str, from: &str, to: &str) -> BTreeMap<String, String> {
        let mut files = files();
        let text = files.get(rel).cloned().unwrap_or_default();
        assert!(text.contains(from), "{rel} has no {from:?}");
        files.insert(rel.to_owned(), text.replacen(from, to, 1));
        files
    }

    /// Load `files` (named `t`).
    pub fn load(files: &BTreeMap<String, String>) -> Result<Dataset, Vec<Diagnostic>> {
        let bytes: BTreeMap<String, Vec<u8>> = files
            .iter()
            .map(|(k, v)| (k.clone(), v.clone().into_bytes()))
            .collect();
        load_memory("t", &bytes).map_err(|e| e.diagnostics)
    }

    /// The diagnostics loading `files` gives (none if it loads).
    pub fn errors(files: &BTreeMap<String, String>) -> Vec<Diagnostic> {
        load(files).err().unwrap_or_default()
    }

    /// The one diagnostic with catalogue key `key`, asserting there is
    /// exactly one and that it is in file `rel` (as `t/<rel>`) on `line`
    /// (`None`: a diagnostic about the whole file).
    pub fn only(
        files: &BTreeMap<String, String>,
        key: &str,
        rel: &str,
        line: Option<usize>,
    ) -> Diagnostic {
        let errs = errors(files);
        let hits: Vec<&Diagnostic> = errs.iter().filter(|d| d.message.key == key).collect();
        assert_eq!(hits.len(), 1, "one {key} in {errs:#?}");
        let d = hits[0].clone();
        assert_eq!(d.file, format!("t/{rel}"), "{d:?}");
        assert_eq!(d.position.map(|p| p.line), line, "{d:?}");
        d
    }
}

#[cfg(test)]
mod tests {
    use super::fixture::{errors, files, load, with};

    #[test]
    fn the_fixture_loads() {
        let ds = load(&files());
        assert!(ds.is_ok(), "{:#?}", ds.err());
        let ds = ds.ok();
        assert_eq!(ds.map(|d| d.steps.len()), Some(2));
    }

    #[test]
    fn a_missing_required_file_is_named_and_stops_the_load() {
        let mut f = files();
        f.remove("places.toml");
        let errs = errors(&f);
        assert_eq!(errs.len(), 1, "{errs:#?}");
        assert_eq!(errs[0].file, "t/places.toml");
        assert_eq!(errs[0].message.key, "diag-file-not-found");
        assert_eq!(
            errs[0].to_string(),
            "t/places.toml: error: file not found\n  help: a dataset folder needs dataset.toml, places.toml, sources.toml, timeline.toml, map.geojson and the source texts under sources/"
        );
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let f = with("places.toml", "kind = \"district\"", "kind = \"county\"");
        let mut f2 = f.clone();
        let tl = f2.get("timeline.toml").cloned().unwrap_or_default();
        f2.insert(
            "timeline.toml".to_owned(),
            tl.replacen("date = \"2000-02-01\"", "date = \"2000-02-30\"", 1),
        );
        let keys: Vec<&str> = errors(&f2).iter().map(|d| d.message.key).collect();
        assert!(keys.contains(&"diag-place-kind"), "{keys:?}");
        assert!(keys.contains(&"date-err-day"), "{keys:?}");
    }
}
