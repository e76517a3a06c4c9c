//! Loading a dataset from a folder or from the copy compiled into the binary,
//! and validating it. The CLI and the viewer share this one path.
//!
//! A dataset folder holds `dataset.toml`, `places.toml`, `sources.toml`,
//! `timeline.toml`, `map.geojson`, the source texts under `sources/` and any
//! tour files `dataset.toml` lists.
//! Every problem is collected and reported at once.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};
use toml::Spanned;

use super::date::{Date, DateSpec};
use super::diag::{Diagnostic, LoadError};
use super::geometry::{MapData, Shape};
use super::quote::{self, Located};
use super::raw::{
    RawDatasetFile, RawDate, RawExtent, RawLocalized, RawPassage, RawPlacesFile, RawSourcesFile,
    RawText, RawTimelineFile,
};
use super::tour;
use super::types::{
    Change, Citation, Claim, ClaimKind, ClaimVersion, Controller, Coverage, Dataset, Direction,
    Extent, LatLon, Localized, NameScheme, NameTag, Origin, Passage, Pending, Place, PlaceKind,
    Source, StatedDate, Step, Tour,
};

/// The files every dataset folder must have.
pub const REQUIRED_FILES: [&str; 5] = [
    "dataset.toml",
    "places.toml",
    "sources.toml",
    "timeline.toml",
    "map.geojson",
];

/// Where the dataset's files are read from.
trait Files {
    /// How to name `rel` in a diagnostic.
    fn label(&self, rel: &str) -> String;
    /// The bytes of `rel`, or a message saying why they cannot be read.
    fn read(&self, rel: &str) -> Result<Vec<u8>, String>;
}

struct Folder(PathBuf);

impl Files for Folder {
    fn label(&self, rel: &str) -> String {
        self.0.join(rel).display().to_string()
    }
    fn read(&self, rel: &str) -> Result<Vec<u8>, String> {
        std::fs::read(self.0.join(rel)).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => "file not found".to_owned(),
            _ => format!("cannot be read: {e}"),
        })
    }
}

struct Memory<'a> {
    name: &'a str,
    files: &'a BTreeMap<String, Vec<u8>>,
}

impl Files for Memory<'_> {
    fn label(&self, rel: &str) -> String {
        format!("{}/{rel}", self.name)
    }
    fn read(&self, rel: &str) -> Result<Vec<u8>, String> {
        self.files
            .get(rel)
            .cloned()
            .ok_or_else(|| "file not found".to_owned())
    }
}

struct Bundled;

impl Files for Bundled {
    fn label(&self, rel: &str) -> String {
        format!("<bundled>/{rel}")
    }
    fn read(&self, rel: &str) -> Result<Vec<u8>, String> {
        crate::bundled::file(rel)
            .map(<[u8]>::to_vec)
            .ok_or_else(|| "file not found in the bundled dataset".to_owned())
    }
}

/// Load and validate the dataset in folder `dir`.
///
/// # Errors
/// Every problem found, each naming its file, line and column where known.
pub fn load_folder(dir: &Path) -> Result<Dataset, LoadError> {
    if !dir.is_dir() {
        let what = if dir.exists() {
            "is not a folder"
        } else {
            "does not exist"
        };
        return Err(LoadError {
            diagnostics: vec![
                Diagnostic::new(dir.display().to_string(), format!("the data directory {what}"))
                    .help(format!(
                        "pass --data with a folder that holds {}, and sources/; or leave out --data to use the bundled dataset",
                        REQUIRED_FILES.join(", ")
                    )),
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

/// Per-file context: the file's label and text, for positions.
struct FileCtx {
    label: String,
    text: String,
}

impl FileCtx {
    fn at<T>(&self, v: &Spanned<T>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(&self.label, message).at_byte(&self.text, v.span().start)
    }
}

/// `bytes` as UTF-8 text, or a diagnostic naming `label` and the position of
/// the first byte that is not UTF-8.
pub(crate) fn decode_utf8(label: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let valid = String::from_utf8_lossy(&bytes[..good]).into_owned();
        let bad = bytes.get(good).copied().unwrap_or_default();
        Diagnostic::new(
            label,
            format!("is not valid UTF-8 text: byte 0x{bad:02X} (byte offset {good}) does not start a UTF-8 character"),
        )
        .at_byte(&valid, valid.len())
        .help("save the file with UTF-8 encoding (for Windows-1256 Arabic text: iconv -f CP1256 -t UTF-8)")
    })
}

/// A TOML syntax or shape error in file `label` (whose text is `text`), at
/// the position the parser reports.
pub(crate) fn toml_diagnostic(
    label: &str,
    text: &str,
    e: &toml::de::Error,
    help: &str,
) -> Diagnostic {
    let mut d = Diagnostic::new(label, e.message().trim().to_owned());
    if let Some(span) = e.span() {
        d = d.at_byte(text, span.start);
    }
    d.help(help)
}

struct Loader<'a> {
    files: &'a dyn Files,
    errors: Vec<Diagnostic>,
}

impl Loader<'_> {
    fn push(&mut self, d: Diagnostic) {
        self.errors.push(d);
    }

    /// Read `rel` as UTF-8 text.
    fn text(&mut self, rel: &str) -> Option<FileCtx> {
        let label = self.files.label(rel);
        let bytes = match self.files.read(rel) {
            Ok(b) => b,
            Err(msg) => {
                self.push(Diagnostic::new(&label, msg).help(format!(
                    "a dataset folder needs {} and the source texts under sources/",
                    REQUIRED_FILES.join(", ")
                )));
                return None;
            }
        };
        match decode_utf8(&label, bytes) {
            Ok(text) => Some(FileCtx { label, text }),
            Err(d) => {
                self.push(d);
                None
            }
        }
    }

    /// Read and parse a TOML file.
    fn toml<T: DeserializeOwned>(&mut self, rel: &str) -> Option<(FileCtx, T)> {
        let ctx = self.text(rel)?;
        match toml::from_str::<T>(&ctx.text) {
            Ok(v) => Some((ctx, v)),
            Err(e) => {
                self.push(toml_diagnostic(
                    &ctx.label,
                    &ctx.text,
                    &e,
                    "see data/README.md for the format of this file",
                ));
                None
            }
        }
    }

    fn localized(&mut self, ctx: &FileCtx, what: &str, raw: &RawLocalized) -> Localized {
        if raw.get("en").is_none_or(|s| s.trim().is_empty()) {
            self.push(
                Diagnostic::new(&ctx.label, format!("{what} has no English (en) text"))
                    .help("every title, summary and name needs at least `en = \"...\"`"),
            );
        }
        Localized(raw.clone())
    }

    /// Our own words (a label, note, gloss or attribution): a plain string
    /// is English; a table by language needs non-empty `en`.
    fn own_words(&mut self, ctx: &FileCtx, what: &str, raw: &Spanned<RawText>) -> Localized {
        let text = raw.get_ref().to_localized();
        if matches!(raw.get_ref(), RawText::ByLanguage(_))
            && text.get("en").is_none_or(|s| s.trim().is_empty())
        {
            self.push(
                ctx.at(raw, format!("{what} has no English (en) text"))
                    .help("write a plain string (English), or a table with at least `en = \"...\"`, e.g. { en = \"...\", ar = \"...\" }"),
            );
        }
        Localized(text)
    }

    fn date(&mut self, ctx: &FileCtx, raw: &Spanned<RawDate>) -> Option<DateSpec> {
        let parse = |s: &str| Date::parse(s);
        let result = match raw.get_ref() {
            RawDate::Day(s) => parse(s).map(|date| DateSpec::Day { date }),
            RawDate::Before { before } => parse(before).map(|before| DateSpec::Before { before }),
            RawDate::Range { from, to } => match (parse(from), parse(to)) {
                (Ok(from), Ok(to)) if to < from => {
                    self.push(
                        ctx.at(
                            raw,
                            format!("date range ends ({to}) before it starts ({from})"),
                        )
                        .help("swap `from` and `to`: `from` is the first possible day"),
                    );
                    return None;
                }
                (Ok(from), Ok(to)) => Ok(DateSpec::Range { from, to }),
                (Err(e), _) | (_, Err(e)) => Err(e),
            },
        };
        match result {
            Ok(d) => Some(d),
            Err(e) => {
                self.push(ctx.at(raw, e.to_string()).help(
                    "write a day as \"YYYY-MM-DD\", a range as { from = \"YYYY-MM-DD\", to = \"YYYY-MM-DD\" }, or { before = \"YYYY-MM-DD\" }",
                ));
                None
            }
        }
    }

    fn id(
        &mut self,
        ctx: &FileCtx,
        raw: &Spanned<String>,
        seen: &mut BTreeSet<String>,
        what: &str,
    ) {
        let id = raw.get_ref();
        let valid = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if !valid {
            self.push(
                ctx.at(raw, format!("{what} id '{id}' is not a valid id"))
                    .help("ids use lower-case ASCII letters, digits, '-' and '_'"),
            );
        }
        if !seen.insert(id.clone()) {
            self.push(
                ctx.at(raw, format!("{what} id '{id}' is used twice"))
                    .help("give each one a different id"),
            );
        }
    }

    fn refs(
        &mut self,
        ctx: &FileCtx,
        raw: &[Spanned<String>],
        known: &BTreeSet<String>,
        what: &str,
        need_one: Option<&str>,
    ) -> Vec<String> {
        if let Some(owner) = need_one
            && raw.is_empty()
        {
            self.push(
                Diagnostic::new(&ctx.label, format!("{owner} has no {what}s")).help(format!(
                    "add at least one {what} id: every event must be backed by the sources"
                )),
            );
        }
        for r in raw {
            if !known.contains(r.get_ref()) {
                self.push(
                    ctx.at(r, format!("unknown {what} id '{}'", r.get_ref()))
                        .help(format!(
                            "use one of the {what} ids defined in the dataset, or define '{}'",
                            r.get_ref()
                        )),
                );
            }
        }
        raw.iter().map(|r| r.get_ref().clone()).collect()
    }
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
            Diagnostic::new(&dataset.0.label, "no controllers are defined, but places.toml has districts or regions whose control the timeline tracks")
                .help("add [[controller]] tables with an id and names to dataset.toml"),
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

/// The naming schemes `dataset.toml` declares, or, when it declares none,
/// one per tag the places' name tables use (English first, then in tag
/// order). Every tag must be a language tag, declared once, and used by some
/// place; when schemes are declared, every tag a place uses must be one.
fn check_naming(
    l: &mut Loader<'_>,
    (dctx, draw): &(FileCtx, RawDatasetFile),
    (pctx, praw): &(FileCtx, RawPlacesFile),
) -> Vec<NameScheme> {
    let used: BTreeSet<&str> = praw
        .place
        .iter()
        .flat_map(|p| p.names.keys().map(String::as_str))
        .collect();
    for p in &praw.place {
        for key in p.names.keys().filter(|k| NameTag::parse(k).is_none()) {
            l.push(
                pctx.at(&p.id, format!("place '{}' has a name under '{key}', which is not a language tag", p.id.get_ref()))
                    .help("name keys are language tags such as en, az or hy-Latn: letters and digits in parts of 1 to 8 characters joined by '-'"),
            );
        }
    }
    if draw.naming.is_empty() {
        let mut tags: Vec<NameTag> = used.iter().filter_map(|t| NameTag::parse(t)).collect();
        tags.sort_by_key(|t| (*t != NameTag::EN, *t));
        return tags
            .into_iter()
            .map(|tag| NameScheme { tag, label: None })
            .collect();
    }
    let mut out: Vec<NameScheme> = Vec::new();
    for n in &draw.naming {
        let raw_tag = n.lang.get_ref();
        let Some(tag) = NameTag::parse(raw_tag) else {
            l.push(
                dctx.at(
                    &n.lang,
                    format!("naming lang '{raw_tag}' is not a language tag"),
                )
                .help("write a key of the places' names tables, such as \"az\" or \"hy-Latn\""),
            );
            continue;
        };
        if out.iter().any(|s| s.tag == tag) {
            l.push(
                dctx.at(&n.lang, format!("naming lang '{tag}' is declared twice"))
                    .help("keep one [[naming]] table per language"),
            );
            continue;
        }
        if !used.contains(tag.as_str()) {
            l.push(
                dctx.at(&n.lang, format!("no place has a name in '{tag}'"))
                    .help(format!("add names.{tag} to the places in places.toml, or remove this [[naming]] table")),
            );
        }
        let label = l.localized(dctx, &format!("the label of naming '{tag}'"), &n.label);
        out.push(NameScheme {
            tag,
            label: Some(label),
        });
    }
    let mut reported = BTreeSet::new();
    for p in &praw.place {
        for key in p.names.keys() {
            if NameTag::parse(key).is_some()
                && !out.iter().any(|s| s.tag.as_str() == key)
                && reported.insert(key)
            {
                l.push(
                    pctx.at(&p.id, format!("place '{}' has a name in '{key}', but dataset.toml declares no naming '{key}'", p.id.get_ref()))
                        .help(format!("add [[naming]] with lang = \"{key}\" and a label to dataset.toml, or remove names.{key}")),
                );
            }
        }
    }
    out
}

fn check_dataset_file(
    l: &mut Loader<'_>,
    (ctx, raw): &(FileCtx, RawDatasetFile),
) -> (Option<Coverage>, Vec<Controller>, Localized, Localized) {
    let title = l.localized(ctx, "the dataset title", &raw.title);
    let description = Localized(raw.description.clone());
    let cov = raw.coverage.get_ref();
    let coverage = match (Date::parse(&cov.from), Date::parse(&cov.to)) {
        (Ok(from), Ok(to)) if from <= to => Some(Coverage { from, to }),
        (Ok(from), Ok(to)) => {
            l.push(ctx.at(
                &raw.coverage,
                format!("coverage ends ({to}) before it starts ({from})"),
            ));
            None
        }
        (Err(e), _) | (_, Err(e)) => {
            l.push(ctx.at(&raw.coverage, e.to_string()));
            None
        }
    };
    let mut seen = BTreeSet::new();
    let mut controllers = Vec::new();
    for c in &raw.controller {
        l.id(ctx, &c.id, &mut seen, "controller");
        let names = l.localized(ctx, &format!("controller '{}'", c.id.get_ref()), &c.names);
        controllers.push(Controller {
            id: c.id.get_ref().clone(),
            names,
        });
    }
    (coverage, controllers, title, description)
}

fn check_places(l: &mut Loader<'_>, (ctx, raw): &(FileCtx, RawPlacesFile)) -> (String, Vec<Place>) {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for p in &raw.place {
        l.id(ctx, &p.id, &mut seen, "place");
        let kind = match p.kind.get_ref().as_str() {
            "district" => PlaceKind::District,
            "region" => PlaceKind::Region,
            "town" => PlaceKind::Town,
            other => {
                l.push(
                    ctx.at(&p.kind, format!("unknown place kind '{other}'"))
                        .help("use \"district\", \"region\" or \"town\""),
                );
                PlaceKind::Town
            }
        };
        let names = l.localized(ctx, &format!("place '{}'", p.id.get_ref()), &p.names);
        let centre = p.centre.as_ref().and_then(|c| {
            let ll = c.get_ref();
            if (-90.0..=90.0).contains(&ll.lat) && (-180.0..=180.0).contains(&ll.lon) {
                Some(LatLon {
                    lat: ll.lat,
                    lon: ll.lon,
                })
            } else {
                l.push(
                    ctx.at(
                        c,
                        format!("centre lat {} lon {} is out of range", ll.lat, ll.lon),
                    )
                    .help("latitude is -90..90 degrees north, longitude -180..180 degrees east"),
                );
                None
            }
        });
        if kind == PlaceKind::Town && centre.is_none() && p.centre.is_none() {
            l.push(
                ctx.at(&p.id, format!("town '{}' has no centre", p.id.get_ref()))
                    .help("add centre = { lat = ..., lon = ... }"),
            );
        }
        out.push(Place {
            id: p.id.get_ref().clone(),
            kind,
            names,
            aliases: p
                .aliases
                .iter()
                .map(|(lang, v)| {
                    (
                        lang.clone(),
                        v.iter().map(|s| s.get_ref().clone()).collect(),
                    )
                })
                .collect(),
            centre,
            note: Localized(p.note.clone()),
            legend: Localized(p.legend.clone()),
        });
    }
    (ctx.label.clone(), out)
}

fn passage(l: &mut Loader<'_>, ctx: &FileCtx, raw: &RawPassage, src: &str, text: &str) -> Passage {
    if !text.contains(raw.text.get_ref().as_str()) || raw.text.get_ref().is_empty() {
        l.push(
            ctx.at(
                &raw.text,
                format!("this text does not occur verbatim in source '{src}'"),
            )
            .help("copy the words from the source file exactly, including punctuation and spaces"),
        );
    }
    let gloss = l.own_words(ctx, &format!("a gloss in source '{src}'"), &raw.gloss);
    Passage {
        text: raw.text.get_ref().clone(),
        gloss,
    }
}

fn safe_relative(path: &str) -> bool {
    let p = Path::new(path);
    !path.is_empty()
        && !path.contains('\\')
        && p.components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}

fn check_sources(l: &mut Loader<'_>, (ctx, raw): &(FileCtx, RawSourcesFile)) -> Vec<Source> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for s in &raw.source {
        l.id(ctx, &s.id, &mut seen, "source");
        let id = s.id.get_ref().clone();
        let file = s.file.get_ref();
        if !safe_relative(file) {
            l.push(
                ctx.at(
                    &s.file,
                    format!("source file '{file}' is not a plain path inside sources/"),
                )
                .help("name a file in the dataset's sources/ folder, e.g. \"article.txt\""),
            );
            continue;
        }
        let rel = format!("sources/{file}");
        let bytes = match l.files.read(&rel) {
            Ok(b) => b,
            Err(msg) => {
                l.push(
                    ctx.at(
                        &s.file,
                        format!("source '{id}': {} {msg}", l.files.label(&rel)),
                    )
                    .help("put the text in the sources/ folder or correct `file`"),
                );
                continue;
            }
        };
        if let Some(sum) = &s.sha256 {
            let actual: String = Sha256::digest(&bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            if !sum.get_ref().eq_ignore_ascii_case(&actual) {
                l.push(
                    ctx.at(sum, format!("source '{id}': {} has SHA-256 {actual}, not the recorded one", l.files.label(&rel)))
                        .help("the corpus must stay byte for byte as received: restore the original file, or record the new sum if the change is intended"),
                );
            }
        }
        let Some(text_ctx) = l.text(&rel) else {
            continue;
        };
        let text = text_ctx.text;
        let direction = match s.direction.get_ref().as_str() {
            "rtl" => Direction::Rtl,
            "ltr" => Direction::Ltr,
            other => {
                l.push(
                    ctx.at(&s.direction, format!("unknown direction '{other}'"))
                        .help("use \"rtl\" or \"ltr\""),
                );
                Direction::Ltr
            }
        };
        let opt = |p: &Option<RawPassage>, l: &mut Loader<'_>| {
            p.as_ref().map(|p| passage(l, ctx, p, &id, &text))
        };
        let headline = opt(&s.headline, l);
        let publisher = opt(&s.publisher, l);
        let dateline = opt(&s.dateline, l);
        let page_date = opt(&s.page_date, l);
        let agencies = s
            .agencies
            .iter()
            .map(|p| passage(l, ctx, p, &id, &text))
            .collect();
        let mut stated_dates = Vec::new();
        for d in &s.stated_date {
            let p = passage(
                l,
                ctx,
                &RawPassage {
                    text: d.text.clone(),
                    gloss: d.gloss.clone(),
                },
                &id,
                &text,
            );
            if let Some(date) = l.date(ctx, &d.date) {
                stated_dates.push(StatedDate {
                    text: p.text,
                    date,
                    gloss: p.gloss,
                });
            }
        }
        let label = l.own_words(ctx, &format!("source '{id}' label"), &s.label);
        let note = s
            .note
            .as_ref()
            .map(|n| l.own_words(ctx, &format!("source '{id}' note"), n));
        out.push(Source {
            id,
            file: file.clone(),
            original_file_name: s.original_file_name.clone(),
            sha256: s.sha256.as_ref().map(|s| s.get_ref().to_lowercase()),
            language: s.language.clone(),
            direction,
            label,
            headline,
            publisher,
            agencies,
            dateline,
            page_date,
            stated_dates,
            note,
            text,
        });
    }
    out
}

fn check_citations(
    l: &mut Loader<'_>,
    ctx: &FileCtx,
    raw: &RawTimelineFile,
    sources: &[Source],
) -> Vec<Citation> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for c in &raw.citation {
        l.id(ctx, &c.id, &mut seen, "citation");
        let id = c.id.get_ref();
        let Some(source) = sources.iter().find(|s| &s.id == c.source.get_ref()) else {
            l.push(
                ctx.at(
                    &c.source,
                    format!(
                        "citation '{id}': unknown source id '{}'",
                        c.source.get_ref()
                    ),
                )
                .help(format!(
                    "use one of: {}",
                    sources
                        .iter()
                        .map(|s| s.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            );
            continue;
        };
        let q = c.quote.get_ref();
        let Ok(offset) = usize::try_from(*c.offset.get_ref()) else {
            l.push(
                ctx.at(
                    &c.offset,
                    format!("citation '{id}': offset {} is negative", c.offset.get_ref()),
                )
                .help("offsets count characters from 0 at the start of the file"),
            );
            continue;
        };
        let byte_range: Range<usize> = match quote::locate(&source.text, q, offset) {
            Located::Found { bytes } => bytes,
            Located::Elsewhere { offset: actual } => {
                l.push(
                    ctx.at(&c.offset, format!("citation '{id}': the quote is in source '{}' at character offset {actual}, not {offset}", source.id))
                        .help(format!("set offset = {actual}")),
                );
                continue;
            }
            Located::Missing(m) => {
                let at = super::diag::Position::of_byte(&source.text, m.start_byte);
                l.push(
                    ctx.at(&c.quote, format!(
                        "citation '{id}': the quote does not occur verbatim in source '{}' ({}); the closest passage starts at line {}, column {}: {}",
                        source.id, source.file, at.line, at.column, m.describe()
                    ))
                    .help("copy the quote from the source file exactly; do not retype, normalise or correct it"),
                );
                continue;
            }
        };
        let line = super::diag::Position::of_byte(&source.text, byte_range.start).line;
        let speaker = c
            .speaker
            .as_ref()
            .map(|sp| l.own_words(ctx, &format!("citation '{id}' speaker"), sp));
        let gloss = l.own_words(ctx, &format!("citation '{id}' gloss"), &c.gloss);
        out.push(Citation {
            id: id.clone(),
            source: source.id.clone(),
            quote: q.clone(),
            offset,
            byte_range,
            line,
            speaker,
            gloss,
        });
    }
    out
}

/// Citation references resolve against every citation id written, so a
/// citation with a bad quote is reported once, not again at each use.
fn citation_ids(raw: &RawTimelineFile) -> BTreeSet<String> {
    raw.citation
        .iter()
        .map(|c| c.id.get_ref().clone())
        .collect()
}

fn check_claims(l: &mut Loader<'_>, ctx: &FileCtx, raw: &RawTimelineFile) -> Vec<Claim> {
    let known = citation_ids(raw);
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for c in &raw.claim {
        l.id(ctx, &c.id, &mut seen, "claim");
        let id = c.id.get_ref();
        let kind = match c.kind.get_ref().as_str() {
            "date" => ClaimKind::Date,
            "number" => ClaimKind::Number,
            "text" => ClaimKind::Text,
            other => {
                l.push(
                    ctx.at(&c.kind, format!("claim '{id}': unknown kind '{other}'"))
                        .help("use \"date\", \"number\" or \"text\""),
                );
                ClaimKind::Text
            }
        };
        let subject = l.localized(ctx, &format!("claim '{id}' subject"), &c.subject);
        let mut versions = Vec::new();
        for v in &c.version {
            let value = l.own_words(ctx, &format!("claim '{id}' value"), &v.value);
            let date = match (kind, v.value.get_ref()) {
                (ClaimKind::Date, RawText::Plain(text)) => match Date::parse(text) {
                    Ok(d) => Some(d),
                    Err(e) => {
                        l.push(
                            ctx.at(&v.value, format!("claim '{id}': {e}"))
                                .help("date claims take \"YYYY-MM-DD\" values"),
                        );
                        None
                    }
                },
                (ClaimKind::Date, RawText::ByLanguage(_)) => {
                    l.push(
                        ctx.at(
                            &v.value,
                            format!("claim '{id}': a date claim's value is a table by language"),
                        )
                        .help("date claims take one \"YYYY-MM-DD\" string: the viewer writes the date in each language"),
                    );
                    None
                }
                _ => None,
            };
            let owner = format!("claim '{id}' version '{}'", value.en());
            let according_to = l.own_words(
                ctx,
                &format!("claim '{id}' version '{}' according_to", value.en()),
                &v.according_to,
            );
            let cites = l.refs(ctx, &v.citations, &known, "citation", Some(&owner));
            versions.push(ClaimVersion {
                value,
                date,
                according_to,
                citations: cites,
            });
        }
        let distinct: BTreeSet<&str> = versions.iter().map(|v| v.value.en()).collect();
        let disputed = *c.disputed.get_ref();
        if versions.is_empty() {
            l.push(
                ctx.at(&c.id, format!("claim '{id}' has no versions"))
                    .help("add [[claim.version]] tables"),
            );
        } else if kind == ClaimKind::Date && distinct.len() > 1 && !disputed {
            l.push(
                ctx.at(
                    &c.disputed,
                    format!(
                        "claim '{id}': the versions give different dates ({}) but disputed = false",
                        distinct.into_iter().collect::<Vec<_>>().join(", ")
                    ),
                )
                .help(
                    "set disputed = true: the product must flag every disagreement between sources",
                ),
            );
        } else if disputed && versions.len() < 2 {
            l.push(
                ctx.at(
                    &c.disputed,
                    format!("claim '{id}' is marked disputed but has one version"),
                )
                .help("add the other version with its citation, or set disputed = false"),
            );
        }
        let note = c
            .note
            .as_ref()
            .map(|n| l.own_words(ctx, &format!("claim '{id}' note"), n));
        out.push(Claim {
            id: id.clone(),
            subject,
            kind,
            disputed,
            note,
            versions,
        });
    }
    out
}

/// A validated step, with the spans of its changes for later diagnostics.
type StepWithSpans = (Step, Vec<Range<usize>>);

fn check_steps(
    l: &mut Loader<'_>,
    ctx: &FileCtx,
    raw: &RawTimelineFile,
    places: &(String, Vec<Place>),
    controllers: &[Controller],
    claims: &[Claim],
) -> Option<Vec<StepWithSpans>> {
    let cite_ids = citation_ids(raw);
    let claim_ids: BTreeSet<String> = raw.claim.iter().map(|c| c.id.get_ref().clone()).collect();
    let controller_ids: BTreeSet<String> = controllers.iter().map(|c| c.id.clone()).collect();
    let tracked: BTreeMap<&str, &Place> = places
        .1
        .iter()
        .filter(|p| p.kind.is_tracked())
        .map(|p| (p.id.as_str(), p))
        .collect();
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    let mut complete = true;
    let mut previous: Option<(String, DateSpec)> = None;
    for s in &raw.step {
        l.id(ctx, &s.id, &mut seen, "step");
        let id = s.id.get_ref().clone();
        let Some(date) = l.date(ctx, &s.date) else {
            complete = false;
            continue;
        };
        if let Some(w) = &s.weekday {
            let DateSpec::Day { date: day } = date else {
                l.push(
                    ctx.at(
                        w,
                        format!("step '{id}': a weekday can only be checked against a single day"),
                    )
                    .help("remove `weekday` or give a single date"),
                );
                continue;
            };
            if !w.get_ref().eq_ignore_ascii_case(&day.weekday_name()) {
                l.push(
                    ctx.at(
                        w,
                        format!(
                            "step '{id}': {day} is a {}, not a {}",
                            day.weekday_name(),
                            w.get_ref()
                        ),
                    )
                    .help("the source names the weekday: re-derive the date from it"),
                );
            }
        }
        if let Some((prev_id, prev)) = &previous
            && date.start() < prev.start()
        {
            l.push(
                ctx.at(
                    &s.date,
                    format!(
                        "step '{id}' ({date}) comes after step '{prev_id}' ({prev}) but is earlier"
                    ),
                )
                .help("list steps in chronological order"),
            );
        }
        previous = Some((id.clone(), date));
        let title = l.localized(ctx, &format!("step '{id}' title"), &s.title);
        let summary = l.localized(ctx, &format!("step '{id}' summary"), &s.summary);
        let owner = format!("step '{id}'");
        let citations = l.refs(ctx, &s.citations, &cite_ids, "citation", Some(&owner));
        let step_claims = l.refs(ctx, &s.claims, &claim_ids, "claim", None);
        let mut changes = Vec::new();
        let mut spans = Vec::new();
        for c in &s.change {
            let place_ok = check_tracked(l, ctx, &c.place, &tracked, &id);
            if !controller_ids.contains(c.to.get_ref()) {
                l.push(
                    ctx.at(
                        &c.to,
                        format!("step '{id}': unknown controller '{}'", c.to.get_ref()),
                    )
                    .help(format!(
                        "use one of: {}",
                        controller_ids
                            .iter()
                            .cloned()
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                );
            }
            let when = match &c.when {
                Some(w) => l.date(ctx, w),
                None => Some(date),
            };
            let cites = l.refs(
                ctx,
                &c.citations,
                &cite_ids,
                "citation",
                Some(&format!(
                    "the change of '{}' in step '{id}'",
                    c.place.get_ref()
                )),
            );
            if let (true, Some(when)) = (place_ok, when) {
                changes.push(Change {
                    place: c.place.get_ref().clone(),
                    to: c.to.get_ref().clone(),
                    when,
                    citations: cites,
                });
                spans.push(c.place.span());
            } else {
                complete = false;
            }
        }
        let mut pending = Vec::new();
        for p in &s.pending {
            check_tracked(l, ctx, &p.place, &tracked, &id);
            if !controller_ids.contains(p.to.get_ref()) {
                l.push(ctx.at(
                    &p.to,
                    format!("step '{id}': unknown controller '{}'", p.to.get_ref()),
                ));
            }
            match claims.iter().find(|c| &c.id == p.deadline.get_ref()) {
                Some(c) if c.kind != ClaimKind::Date => l.push(
                    ctx.at(
                        &p.deadline,
                        format!("step '{id}': deadline claim '{}' is not a date claim", c.id),
                    )
                    .help("set kind = \"date\" on the claim"),
                ),
                Some(_) => {}
                None => l.push(
                    ctx.at(
                        &p.deadline,
                        format!("step '{id}': unknown claim id '{}'", p.deadline.get_ref()),
                    )
                    .help("define the deadline as a [[claim]] of kind \"date\""),
                ),
            }
            let cites = l.refs(
                ctx,
                &p.citations,
                &cite_ids,
                "citation",
                Some(&format!(
                    "the pending handover of '{}' in step '{id}'",
                    p.place.get_ref()
                )),
            );
            pending.push(Pending {
                place: p.place.get_ref().clone(),
                to: p.to.get_ref().clone(),
                deadline: p.deadline.get_ref().clone(),
                citations: cites,
            });
        }
        let extent = s.extent.as_ref().and_then(|e| check_extent(l, ctx, e, &id));
        let date_note = s
            .date_note
            .as_ref()
            .map(|n| l.own_words(ctx, &format!("step '{id}' date_note"), n));
        out.push((
            Step {
                id,
                date,
                date_note,
                title,
                summary,
                citations,
                claims: step_claims,
                changes,
                pending,
                extent,
            },
            spans,
        ));
    }
    if out.is_empty() {
        l.push(
            Diagnostic::new(&ctx.label, "the timeline has no steps").help("add [[step]] tables"),
        );
    }
    complete.then_some(out)
}

/// A step's `extent`: finite, inside the lat/lon ranges, west < east and
/// south < north.
fn check_extent(
    l: &mut Loader<'_>,
    ctx: &FileCtx,
    raw: &Spanned<RawExtent>,
    step: &str,
) -> Option<Extent> {
    let e = raw.get_ref();
    let mut problems = Vec::new();
    for (name, v, limit) in [
        ("west", e.west, 180.0),
        ("east", e.east, 180.0),
        ("south", e.south, 90.0),
        ("north", e.north, 90.0),
    ] {
        if !v.is_finite() || v.abs() > limit {
            problems.push(format!("{name} = {v} is outside -{limit}..{limit}"));
        }
    }
    if problems.is_empty() {
        if e.west >= e.east {
            problems.push(format!(
                "west ({}) must be less than east ({})",
                e.west, e.east
            ));
        }
        if e.south >= e.north {
            problems.push(format!(
                "south ({}) must be less than north ({})",
                e.south, e.north
            ));
        }
    }
    if problems.is_empty() {
        return Some(Extent {
            west: e.west,
            south: e.south,
            east: e.east,
            north: e.north,
        });
    }
    l.push(
        ctx.at(raw, format!("step '{step}': bad extent: {}", problems.join("; ")))
            .help("extent = { west = lon, south = lat, east = lon, north = lat } in degrees (WGS84): longitudes -180..180 east, latitudes -90..90 north, west < east, south < north"),
    );
    None
}

/// The tour files `dataset.toml` lists: each path safe and inside the
/// dataset, each id (the file stem) unique, each file a valid tour.
fn check_tours(
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
                ctx.at(entry, format!("tour file '{rel}' is not a plain relative path to a .toml file inside the dataset folder"))
                    .help("write e.g. tours = [\"tours/handovers.toml\"]: no '..', no absolute paths, no backslashes"),
            );
            continue;
        }
        if stem == tour::DEFAULT_TOUR_ID {
            l.push(
                ctx.at(
                    entry,
                    format!(
                        "tour id '{stem}' is reserved for the built-in tour through every step"
                    ),
                )
                .help("rename the file"),
            );
            continue;
        }
        let before = l.errors.len();
        l.id(
            ctx,
            &Spanned::new(entry.span(), stem.to_owned()),
            &mut seen,
            "tour",
        );
        if l.errors.len() > before {
            continue;
        }
        let label = l.files.label(rel);
        let bytes = match l.files.read(rel) {
            Ok(b) => b,
            Err(msg) => {
                l.push(ctx.at(entry, format!("tour file {label}: {msg}")).help(
                    "create the file (see data/README.md, \"Tours\"), or remove it from `tours`",
                ));
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
            Ok(t) => out.push(t),
            Err(errs) => l.errors.extend(errs),
        }
    }
    out
}

fn check_tracked(
    l: &mut Loader<'_>,
    ctx: &FileCtx,
    place: &Spanned<String>,
    tracked: &BTreeMap<&str, &Place>,
    step: &str,
) -> bool {
    if tracked.contains_key(place.get_ref().as_str()) {
        return true;
    }
    l.push(
        ctx.at(
            place,
            format!("step '{step}': unknown place id '{}'", place.get_ref()),
        )
        .help(format!(
            "use a district or region id from places.toml: {}",
            tracked.keys().copied().collect::<Vec<_>>().join(", ")
        )),
    );
    false
}

/// Every tracked place must have a defined state on every covered day, and its
/// changes must follow one another without overlapping.
fn check_control(
    l: &mut Loader<'_>,
    ctx: &FileCtx,
    places: &[Place],
    steps: &[StepWithSpans],
    coverage: Coverage,
) {
    for place in places.iter().filter(|p| p.kind.is_tracked()) {
        let mut changes: Vec<(&Step, &Change, usize)> = steps
            .iter()
            .flat_map(|(s, spans)| {
                s.changes
                    .iter()
                    .zip(spans)
                    .map(move |(c, span)| (s, c, span.start))
            })
            .filter(|(_, c, _)| c.place == place.id)
            .collect();
        changes.sort_by_key(|(_, c, _)| (c.when.end(), c.when.start()));
        let Some((first_step, first, first_at)) = changes.first() else {
            l.push(
                Diagnostic::new(
                    &ctx.label,
                    format!(
                        "place '{}' never gets a controller, so its state is undefined",
                        place.id
                    ),
                )
                .help("add a change for it to the first (baseline) step"),
            );
            continue;
        };
        if first.when.end() > coverage.from {
            l.push(
                Diagnostic::new(&ctx.label, format!(
                    "place '{}' has no defined state from {} (start of coverage) until {} (step '{}')",
                    place.id, coverage.from, first.when.end().add_days(-1), first_step.id
                ))
                .at_byte(&ctx.text, *first_at)
                .help("give it a controller in the baseline step, dated on or before the start of coverage"),
            );
        }
        for pair in changes.windows(2) {
            let [(ps, pc, _), (ns, nc, at)] = pair else {
                continue;
            };
            if nc.when.start() <= pc.when.end() {
                l.push(
                    Diagnostic::new(&ctx.label, format!(
                        "place '{}': the change in step '{}' ({}) overlaps the change in step '{}' ({})",
                        place.id, ns.id, nc.when, ps.id, pc.when
                    ))
                    .at_byte(&ctx.text, *at)
                    .help("a place's changes must follow one another; check the dates"),
                );
            } else if nc.to == pc.to {
                l.push(
                    Diagnostic::new(&ctx.label, format!(
                        "place '{}': step '{}' gives it to '{}', which already holds it since step '{}'",
                        place.id, ns.id, nc.to, ps.id
                    ))
                    .at_byte(&ctx.text, *at)
                    .help("remove the repeated change, or correct `to`"),
                );
            }
        }
    }
}

fn check_aliases(l: &mut Loader<'_>, label: &str, places: &[Place], sources: &[Source]) {
    for p in places {
        for (lang, aliases) in &p.aliases {
            for a in aliases {
                let found = sources
                    .iter()
                    .filter(|s| &s.language == lang)
                    .any(|s| s.text.contains(a.as_str()));
                if !found {
                    l.push(
                        Diagnostic::new(label, format!("place '{}': alias '{a}' does not occur in any '{lang}' source", p.id))
                            .help("aliases record spellings found in the corpus; copy them from a source text"),
                    );
                }
            }
        }
    }
}

fn check_geometry(l: &mut Loader<'_>, ctx: Option<&FileCtx>, places: &[Place], map: &MapData) {
    let label = ctx.map_or_else(|| "map.geojson".to_owned(), |c| c.label.clone());
    for p in places.iter().filter(|p| p.kind.is_tracked()) {
        match map.feature(&p.id) {
            Some(f) if matches!(f.shape, Shape::Area(_)) && f.kind == p.kind.as_str() => {}
            Some(f) => l.push(Diagnostic::new(&label, format!(
                "feature '{}' must be a {} polygon to match places.toml, but is kind '{}' with {}",
                p.id, p.kind.as_str(), f.kind, match f.shape { Shape::Area(_) => "an area", Shape::Lines(_) => "lines", Shape::Point(_) => "a point" }
            )).help("re-run the map import (data/README.md)")),
            None => l.push(Diagnostic::new(&label, format!("no feature with id '{}', which places.toml tracks", p.id)).help("add its polygon to map.geojson (re-run the map import), or correct the id")),
        }
    }
}
