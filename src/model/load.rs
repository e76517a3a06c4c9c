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
use super::diag::{Detail, Diagnostic, LoadError, Msg, MsgArg};
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
    fn read(&self, rel: &str) -> Result<Vec<u8>, Msg>;
}

struct Folder(PathBuf);

impl Files for Folder {
    fn label(&self, rel: &str) -> String {
        self.0.join(rel).display().to_string()
    }
    fn read(&self, rel: &str) -> Result<Vec<u8>, Msg> {
        std::fs::read(self.0.join(rel)).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Msg::new("diag-file-not-found"),
            _ => Msg::new("diag-file-unreadable").detail("detail", Detail::io(&e)),
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
    fn read(&self, rel: &str) -> Result<Vec<u8>, Msg> {
        self.files
            .get(rel)
            .cloned()
            .ok_or_else(|| Msg::new("diag-file-not-found"))
    }
}

struct Bundled;

impl Files for Bundled {
    fn label(&self, rel: &str) -> String {
        format!("<bundled>/{rel}")
    }
    fn read(&self, rel: &str) -> Result<Vec<u8>, Msg> {
        crate::bundled::file(rel)
            .map(<[u8]>::to_vec)
            .ok_or_else(|| Msg::new("diag-file-not-bundled"))
    }
}

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

/// Per-file context: the file's label and text, for positions.
struct FileCtx {
    label: String,
    text: String,
}

impl FileCtx {
    fn at<T>(&self, v: &Spanned<T>, message: Msg) -> Diagnostic {
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
            Msg::new("diag-not-utf8")
                .text("byte", format!("0x{bad:02X}"))
                .num("offset", good),
        )
        .at_byte(&valid, valid.len())
        .help(Msg::new("diag-not-utf8-help"))
    })
}

/// A TOML syntax or shape error in file `label` (whose text is `text`), at
/// the position the parser reports.
pub(crate) fn toml_diagnostic(
    label: &str,
    text: &str,
    e: &toml::de::Error,
    help: Msg,
) -> Diagnostic {
    let detail = Detail {
        from: super::diag::DetailFrom::Toml,
        text: e.message().trim().to_owned(),
    };
    let mut d = Diagnostic::new(label, Msg::new("diag-toml").detail("detail", detail));
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
                self.push(
                    Diagnostic::new(&label, msg)
                        .help(Msg::new("diag-files-help").list("files", REQUIRED_FILES)),
                );
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
                    Msg::new("diag-toml-help"),
                ));
                None
            }
        }
    }

    fn localized(&mut self, ctx: &FileCtx, what: Msg, raw: &RawLocalized) -> Localized {
        if raw.get("en").is_none_or(|s| s.trim().is_empty()) {
            self.push(
                Diagnostic::new(&ctx.label, Msg::new("diag-no-english").msg("what", what))
                    .help(Msg::new("diag-no-english-help")),
            );
        }
        Localized(raw.clone())
    }

    /// Our own words (a label, note, gloss or attribution): a plain string
    /// is English; a table by language needs non-empty `en`.
    fn own_words(&mut self, ctx: &FileCtx, what: Msg, raw: &Spanned<RawText>) -> Localized {
        let text = raw.get_ref().to_localized();
        if matches!(raw.get_ref(), RawText::ByLanguage(_))
            && text.get("en").is_none_or(|s| s.trim().is_empty())
        {
            self.push(
                ctx.at(raw, Msg::new("diag-no-english").msg("what", what))
                    .help(Msg::new("diag-own-words-no-english-help")),
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
                            Msg::new("diag-range-reversed")
                                .date("to", to)
                                .date("from", from),
                        )
                        .help(Msg::new("diag-range-reversed-help")),
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
                self.push(ctx.at(raw, e.msg()).help(Msg::new("diag-date-help")));
                None
            }
        }
    }

    fn id(
        &mut self,
        ctx: &FileCtx,
        raw: &Spanned<String>,
        seen: &mut BTreeSet<String>,
        kind: &'static str,
    ) {
        let id = raw.get_ref();
        let valid = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if !valid {
            self.push(
                ctx.at(
                    raw,
                    Msg::new("diag-id-invalid")
                        .msg("kind", Msg::new(kind))
                        .text("id", id),
                )
                .help(Msg::new("diag-id-invalid-help")),
            );
        }
        if !seen.insert(id.clone()) {
            self.push(
                ctx.at(
                    raw,
                    Msg::new("diag-id-twice")
                        .msg("kind", Msg::new(kind))
                        .text("id", id),
                )
                .help(Msg::new("diag-id-twice-help")),
            );
        }
    }

    /// References to ids of `kind` (a `diag-kind-*` key); `cited_by`, when
    /// given, names what must cite at least one citation.
    fn refs(
        &mut self,
        ctx: &FileCtx,
        raw: &[Spanned<String>],
        known: &BTreeSet<String>,
        kind: &'static str,
        cited_by: Option<Msg>,
    ) -> Vec<String> {
        if let Some(owner) = cited_by
            && raw.is_empty()
        {
            self.push(
                Diagnostic::new(
                    &ctx.label,
                    Msg::new("diag-no-citations").msg("owner", owner),
                )
                .help(Msg::new("diag-no-citations-help")),
            );
        }
        for r in raw {
            if !known.contains(r.get_ref()) {
                self.push(
                    ctx.at(
                        r,
                        Msg::new("diag-unknown-ref")
                            .msg("kind", Msg::new(kind))
                            .text("id", r.get_ref()),
                    )
                    .help(
                        Msg::new("diag-unknown-ref-help")
                            .msg("kind", Msg::new(kind))
                            .text("id", r.get_ref()),
                    ),
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
                pctx.at(
                    &p.id,
                    Msg::new("diag-name-key-not-tag")
                        .text("id", p.id.get_ref())
                        .text("key", key),
                )
                .help(Msg::new("diag-name-key-not-tag-help")),
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
                    Msg::new("diag-naming-not-tag").text("tag", raw_tag),
                )
                .help(Msg::new("diag-naming-not-tag-help")),
            );
            continue;
        };
        if out.iter().any(|s| s.tag == tag) {
            l.push(
                dctx.at(
                    &n.lang,
                    Msg::new("diag-naming-twice").text("tag", tag.as_str()),
                )
                .help(Msg::new("diag-naming-twice-help")),
            );
            continue;
        }
        if !used.contains(tag.as_str()) {
            l.push(
                dctx.at(
                    &n.lang,
                    Msg::new("diag-naming-unused").text("tag", tag.as_str()),
                )
                .help(Msg::new("diag-naming-unused-help").text("tag", tag.as_str())),
            );
        }
        let label = l.localized(
            dctx,
            Msg::new("diag-what-naming-label").text("tag", tag.as_str()),
            &n.label,
        );
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
                    pctx.at(
                        &p.id,
                        Msg::new("diag-naming-undeclared")
                            .text("id", p.id.get_ref())
                            .text("tag", key),
                    )
                    .help(Msg::new("diag-naming-undeclared-help").text("tag", key)),
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
    let title = l.localized(ctx, Msg::new("diag-what-dataset-title"), &raw.title);
    let description = Localized(raw.description.clone());
    let cov = raw.coverage.get_ref();
    let coverage = match (Date::parse(&cov.from), Date::parse(&cov.to)) {
        (Ok(from), Ok(to)) if from <= to => Some(Coverage { from, to }),
        (Ok(from), Ok(to)) => {
            l.push(
                ctx.at(
                    &raw.coverage,
                    Msg::new("diag-coverage-reversed")
                        .date("to", to)
                        .date("from", from),
                ),
            );
            None
        }
        (Err(e), _) | (_, Err(e)) => {
            l.push(ctx.at(&raw.coverage, e.msg()));
            None
        }
    };
    let mut seen = BTreeSet::new();
    let mut controllers = Vec::new();
    for c in &raw.controller {
        l.id(ctx, &c.id, &mut seen, "diag-kind-controller");
        let what = Msg::new("diag-what-controller").text("id", c.id.get_ref());
        let names = l.localized(ctx, what, &c.names);
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
        l.id(ctx, &p.id, &mut seen, "diag-kind-place");
        let kind = match p.kind.get_ref().as_str() {
            "district" => PlaceKind::District,
            "region" => PlaceKind::Region,
            "town" => PlaceKind::Town,
            other => {
                l.push(
                    ctx.at(&p.kind, Msg::new("diag-place-kind").text("kind", other))
                        .help(Msg::new("diag-place-kind-help")),
                );
                PlaceKind::Town
            }
        };
        let what = Msg::new("diag-what-place").text("id", p.id.get_ref());
        let names = l.localized(ctx, what, &p.names);
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
                        Msg::new("diag-centre-range")
                            .num("lat", ll.lat)
                            .num("lon", ll.lon),
                    )
                    .help(Msg::new("diag-centre-range-help")),
                );
                None
            }
        });
        if kind == PlaceKind::Town && centre.is_none() && p.centre.is_none() {
            l.push(
                ctx.at(
                    &p.id,
                    Msg::new("diag-town-no-centre").text("id", p.id.get_ref()),
                )
                .help(Msg::new("diag-town-no-centre-help")),
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
                Msg::new("diag-passage-missing").text("source", src),
            )
            .help(Msg::new("diag-passage-missing-help")),
        );
    }
    let gloss = l.own_words(
        ctx,
        Msg::new("diag-what-source-gloss").text("id", src),
        &raw.gloss,
    );
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
        l.id(ctx, &s.id, &mut seen, "diag-kind-source");
        let id = s.id.get_ref().clone();
        let file = s.file.get_ref();
        if !safe_relative(file) {
            l.push(
                ctx.at(&s.file, Msg::new("diag-source-path").text("file", file))
                    .help(Msg::new("diag-source-path-help")),
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
                        Msg::new("diag-source-unreadable")
                            .text("id", &id)
                            .text("file", l.files.label(&rel))
                            .msg("reason", msg),
                    )
                    .help(Msg::new("diag-source-unreadable-help")),
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
                    ctx.at(
                        sum,
                        Msg::new("diag-source-sha")
                            .text("id", &id)
                            .text("file", l.files.label(&rel))
                            .text("sum", actual),
                    )
                    .help(Msg::new("diag-source-sha-help")),
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
                    ctx.at(
                        &s.direction,
                        Msg::new("diag-direction").text("value", other),
                    )
                    .help(Msg::new("diag-direction-help")),
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
        let label = l.own_words(
            ctx,
            Msg::new("diag-what-source-label").text("id", &id),
            &s.label,
        );
        let note = s
            .note
            .as_ref()
            .map(|n| l.own_words(ctx, Msg::new("diag-what-source-note").text("id", &id), n));
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
        l.id(ctx, &c.id, &mut seen, "diag-kind-citation");
        let id = c.id.get_ref();
        let Some(source) = sources.iter().find(|s| &s.id == c.source.get_ref()) else {
            l.push(
                ctx.at(
                    &c.source,
                    Msg::new("diag-citation-source")
                        .text("id", id)
                        .text("source", c.source.get_ref()),
                )
                .help(
                    Msg::new("diag-use-one-of").list("ids", sources.iter().map(|s| s.id.as_str())),
                ),
            );
            continue;
        };
        let q = c.quote.get_ref();
        let Ok(offset) = usize::try_from(*c.offset.get_ref()) else {
            l.push(
                ctx.at(
                    &c.offset,
                    Msg::new("diag-citation-negative")
                        .text("id", id)
                        .num("offset", c.offset.get_ref()),
                )
                .help(Msg::new("diag-citation-negative-help")),
            );
            continue;
        };
        let byte_range: Range<usize> = match quote::locate(&source.text, q, offset) {
            Located::Found { bytes } => bytes,
            Located::Elsewhere { offset: actual } => {
                l.push(
                    ctx.at(
                        &c.offset,
                        Msg::new("diag-citation-elsewhere")
                            .text("id", id)
                            .text("source", &source.id)
                            .num("actual", actual)
                            .num("offset", offset),
                    )
                    .help(Msg::new("diag-citation-elsewhere-help").num("actual", actual)),
                );
                continue;
            }
            Located::Missing(m) => {
                let at = super::diag::Position::of_byte(&source.text, m.start_byte);
                l.push(
                    ctx.at(
                        &c.quote,
                        Msg::new("diag-citation-missing")
                            .text("id", id)
                            .text("source", &source.id)
                            .text("file", &source.file)
                            .num("line", at.line)
                            .num("column", at.column)
                            .msg("difference", m.msg()),
                    )
                    .help(Msg::new("diag-citation-missing-help")),
                );
                continue;
            }
        };
        let line = super::diag::Position::of_byte(&source.text, byte_range.start).line;
        let speaker = c.speaker.as_ref().map(|sp| {
            l.own_words(
                ctx,
                Msg::new("diag-what-citation-speaker").text("id", id),
                sp,
            )
        });
        let gloss = l.own_words(
            ctx,
            Msg::new("diag-what-citation-gloss").text("id", id),
            &c.gloss,
        );
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
        l.id(ctx, &c.id, &mut seen, "diag-kind-claim");
        let id = c.id.get_ref();
        let kind = match c.kind.get_ref().as_str() {
            "date" => ClaimKind::Date,
            "number" => ClaimKind::Number,
            "text" => ClaimKind::Text,
            other => {
                l.push(
                    ctx.at(
                        &c.kind,
                        Msg::new("diag-claim-kind")
                            .text("id", id)
                            .text("kind", other),
                    )
                    .help(Msg::new("diag-claim-kind-help")),
                );
                ClaimKind::Text
            }
        };
        let what = Msg::new("diag-what-claim-subject").text("id", id);
        let subject = l.localized(ctx, what, &c.subject);
        let mut versions = Vec::new();
        for v in &c.version {
            let value = l.own_words(
                ctx,
                Msg::new("diag-what-claim-value").text("id", id),
                &v.value,
            );
            let date = match (kind, v.value.get_ref()) {
                (ClaimKind::Date, RawText::Plain(text)) => match Date::parse(text) {
                    Ok(d) => Some(d),
                    Err(e) => {
                        l.push(
                            ctx.at(
                                &v.value,
                                Msg::new("diag-claim-date")
                                    .text("id", id)
                                    .msg("reason", e.msg()),
                            )
                            .help(Msg::new("diag-claim-date-help")),
                        );
                        None
                    }
                },
                (ClaimKind::Date, RawText::ByLanguage(_)) => {
                    l.push(
                        ctx.at(&v.value, Msg::new("diag-claim-date-table").text("id", id))
                            .help(Msg::new("diag-claim-date-table-help")),
                    );
                    None
                }
                _ => None,
            };
            let owner = Msg::new("diag-what-claim-version")
                .text("id", id)
                .text("value", value.en());
            let according_to = l.own_words(
                ctx,
                Msg::new("diag-what-according-to")
                    .text("id", id)
                    .text("value", value.en()),
                &v.according_to,
            );
            let cites = l.refs(ctx, &v.citations, &known, "diag-kind-citation", Some(owner));
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
                ctx.at(&c.id, Msg::new("diag-claim-no-versions").text("id", id))
                    .help(Msg::new("diag-claim-no-versions-help")),
            );
        } else if kind == ClaimKind::Date && distinct.len() > 1 && !disputed {
            l.push(
                ctx.at(
                    &c.disputed,
                    Msg::new("diag-claim-undisputed")
                        .text("id", id)
                        .list("dates", distinct),
                )
                .help(Msg::new("diag-claim-undisputed-help")),
            );
        } else if disputed && versions.len() < 2 {
            l.push(
                ctx.at(
                    &c.disputed,
                    Msg::new("diag-claim-one-version").text("id", id),
                )
                .help(Msg::new("diag-claim-one-version-help")),
            );
        }
        let note = c
            .note
            .as_ref()
            .map(|n| l.own_words(ctx, Msg::new("diag-what-claim-note").text("id", id), n));
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
        l.id(ctx, &s.id, &mut seen, "diag-kind-step");
        let id = s.id.get_ref().clone();
        let Some(date) = l.date(ctx, &s.date) else {
            complete = false;
            continue;
        };
        if let Some(w) = &s.weekday {
            let DateSpec::Day { date: day } = date else {
                l.push(
                    ctx.at(w, Msg::new("diag-weekday-range").text("id", &id))
                        .help(Msg::new("diag-weekday-range-help")),
                );
                continue;
            };
            if !w.get_ref().eq_ignore_ascii_case(&day.weekday_name()) {
                l.push(
                    ctx.at(
                        w,
                        Msg::new("diag-weekday")
                            .text("id", &id)
                            .date("date", day)
                            .text("actual", day.weekday_name())
                            .text("given", w.get_ref()),
                    )
                    .help(Msg::new("diag-weekday-help")),
                );
            }
        }
        if let Some((prev_id, prev)) = &previous
            && date.start() < prev.start()
        {
            l.push(
                ctx.at(
                    &s.date,
                    Msg::new("diag-step-order")
                        .text("id", &id)
                        .date("date", date)
                        .text("previous", prev_id)
                        .date("prevdate", *prev),
                )
                .help(Msg::new("diag-step-order-help")),
            );
        }
        previous = Some((id.clone(), date));
        let what = |key| Msg::new(key).text("id", &id);
        let title = l.localized(ctx, what("diag-what-step-title"), &s.title);
        let summary = l.localized(ctx, what("diag-what-step-summary"), &s.summary);
        let owner = what("diag-what-step");
        let citations = l.refs(
            ctx,
            &s.citations,
            &cite_ids,
            "diag-kind-citation",
            Some(owner),
        );
        let step_claims = l.refs(ctx, &s.claims, &claim_ids, "diag-kind-claim", None);
        let mut changes = Vec::new();
        let mut spans = Vec::new();
        for c in &s.change {
            let place_ok = check_tracked(l, ctx, &c.place, &tracked, &id);
            if !controller_ids.contains(c.to.get_ref()) {
                l.push(
                    ctx.at(
                        &c.to,
                        Msg::new("diag-step-controller")
                            .text("id", &id)
                            .text("controller", c.to.get_ref()),
                    )
                    .help(Msg::new("diag-use-one-of").list("ids", controller_ids.iter().cloned())),
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
                "diag-kind-citation",
                Some(
                    Msg::new("diag-what-change")
                        .text("place", c.place.get_ref())
                        .text("id", &id),
                ),
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
                l.push(
                    ctx.at(
                        &p.to,
                        Msg::new("diag-step-controller")
                            .text("id", &id)
                            .text("controller", p.to.get_ref()),
                    ),
                );
            }
            match claims.iter().find(|c| &c.id == p.deadline.get_ref()) {
                Some(c) if c.kind != ClaimKind::Date => l.push(
                    ctx.at(
                        &p.deadline,
                        Msg::new("diag-deadline-kind")
                            .text("id", &id)
                            .text("claim", &c.id),
                    )
                    .help(Msg::new("diag-deadline-kind-help")),
                ),
                Some(_) => {}
                None => l.push(
                    ctx.at(
                        &p.deadline,
                        Msg::new("diag-deadline-unknown")
                            .text("id", &id)
                            .text("claim", p.deadline.get_ref()),
                    )
                    .help(Msg::new("diag-deadline-unknown-help")),
                ),
            }
            let cites = l.refs(
                ctx,
                &p.citations,
                &cite_ids,
                "diag-kind-citation",
                Some(
                    Msg::new("diag-what-pending")
                        .text("place", p.place.get_ref())
                        .text("id", &id),
                ),
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
            .map(|n| l.own_words(ctx, Msg::new("diag-what-step-date-note").text("id", &id), n));
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
            Diagnostic::new(&ctx.label, Msg::new("diag-no-steps"))
                .help(Msg::new("diag-no-steps-help")),
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
            problems.push(
                Msg::new("diag-extent-range")
                    .text("name", name)
                    .num("value", v)
                    .num("limit", limit),
            );
        }
    }
    if problems.is_empty() {
        if e.west >= e.east {
            problems.push(
                Msg::new("diag-extent-order")
                    .text("low", "west")
                    .num("lowvalue", e.west)
                    .text("high", "east")
                    .num("highvalue", e.east),
            );
        }
        if e.south >= e.north {
            problems.push(
                Msg::new("diag-extent-order")
                    .text("low", "south")
                    .num("lowvalue", e.south)
                    .text("high", "north")
                    .num("highvalue", e.north),
            );
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
        ctx.at(
            raw,
            Msg::new("diag-extent")
                .text("id", step)
                .arg("problems", MsgArg::Msgs(problems)),
        )
        .help(Msg::new("diag-extent-help")),
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
            Msg::new("diag-step-place")
                .text("id", step)
                .text("place", place.get_ref()),
        )
        .help(Msg::new("diag-step-place-help").list("ids", tracked.keys().copied())),
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
                    Msg::new("diag-never-controlled").text("id", &place.id),
                )
                .help(Msg::new("diag-never-controlled-help")),
            );
            continue;
        };
        if first.when.end() > coverage.from {
            l.push(
                Diagnostic::new(
                    &ctx.label,
                    Msg::new("diag-undefined-start")
                        .text("id", &place.id)
                        .date("from", coverage.from)
                        .date("until", first.when.end().add_days(-1))
                        .text("step", &first_step.id),
                )
                .at_byte(&ctx.text, *first_at)
                .help(Msg::new("diag-undefined-start-help")),
            );
        }
        for pair in changes.windows(2) {
            let [(ps, pc, _), (ns, nc, at)] = pair else {
                continue;
            };
            if nc.when.start() <= pc.when.end() {
                l.push(
                    Diagnostic::new(
                        &ctx.label,
                        Msg::new("diag-overlap")
                            .text("id", &place.id)
                            .text("step", &ns.id)
                            .date("when", nc.when)
                            .text("previous", &ps.id)
                            .date("prevwhen", pc.when),
                    )
                    .at_byte(&ctx.text, *at)
                    .help(Msg::new("diag-overlap-help")),
                );
            } else if nc.to == pc.to {
                l.push(
                    Diagnostic::new(
                        &ctx.label,
                        Msg::new("diag-repeat")
                            .text("id", &place.id)
                            .text("step", &ns.id)
                            .text("to", &nc.to)
                            .text("previous", &ps.id),
                    )
                    .at_byte(&ctx.text, *at)
                    .help(Msg::new("diag-repeat-help")),
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
                        Diagnostic::new(
                            label,
                            Msg::new("diag-alias")
                                .text("id", &p.id)
                                .text("alias", a)
                                .text("lang", lang),
                        )
                        .help(Msg::new("diag-alias-help")),
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
            Some(f) => {
                let shape = match f.shape {
                    Shape::Area(_) => "diag-shape-area",
                    Shape::Lines(_) => "diag-shape-lines",
                    Shape::Point(_) => "diag-shape-point",
                };
                l.push(
                    Diagnostic::new(
                        &label,
                        Msg::new("diag-feature-shape")
                            .text("id", &p.id)
                            .text("kind", p.kind.as_str())
                            .text("actual", &f.kind)
                            .msg("shape", Msg::new(shape)),
                    )
                    .help(Msg::new("diag-map-import-help")),
                );
            }
            None => l.push(
                Diagnostic::new(&label, Msg::new("diag-feature-missing").text("id", &p.id))
                    .help(Msg::new("diag-feature-missing-help")),
            ),
        }
    }
}
