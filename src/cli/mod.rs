//! The command line: `check`, `state`, `steps`, `tours`, `export`, `stats`
//! and `schema` over the same library the viewer uses; `new` and
//! `import-timelinejs` write a new dataset folder. Output functions return
//! strings or JSON values so tests can assert on them without spawning a
//! process.

pub mod export;
pub mod formats;
pub mod gui;
pub mod install;
pub mod interop;
pub mod schema;
pub mod stats;
pub mod tours;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum};
use serde_json::{Value, json};

use crate::export::{MAX_SIDE, MIN_SIDE};
use crate::i18n::format::{DateSpecWords, DateWords};
use crate::model::state::state_at;
use crate::model::types::Evidence;
use crate::model::{Dataset, Date, LoadError, load_bundled, load_folder};
use crate::scene::display::NameLang;
pub use formats::{AnnotationsImportArgs, GeojsonImportArgs};

/// karabakh-atlas: explore how control of the seven districts around
/// Nagorno-Karabakh changed, step by step, with the sources one click away.
///
/// With no subcommand it opens the viewer (the `gui` flags apply).
#[derive(Debug, Parser)]
#[command(name = "karabakh-atlas", version, about, long_about = None)]
pub struct Cli {
    /// Load the dataset in this folder instead of the bundled one.
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Viewer options, when no subcommand is given.
    #[command(flatten)]
    pub gui: GuiArgs,
    /// What to do (default: open the viewer).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Light or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    /// Light theme.
    Light,
    /// Dark theme.
    Dark,
}

impl ThemeArg {
    /// The map theme this names.
    #[must_use]
    pub fn kind(self) -> crate::scene::style::ThemeKind {
        match self {
            Self::Light => crate::scene::style::ThemeKind::Light,
            Self::Dark => crate::scene::style::ThemeKind::Dark,
        }
    }
}

/// Options of the viewer window.
#[derive(Debug, Clone, Default, Args)]
pub struct GuiArgs {
    /// Open at this date (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, allow_hyphen_values = true, conflicts_with = "step")]
    pub date: Option<Date>,
    /// Open at step N (1-based, as listed by `steps`).
    #[arg(long, value_name = "N")]
    pub step: Option<usize>,
    /// Window size in points, e.g. 1280x800.
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    pub size: Option<(u32, u32)>,
    /// Open the source reader on this citation (an id listed by `steps`).
    #[arg(long, value_name = "CITATION")]
    pub cite: Option<String>,
    /// Write a PNG of the first fully drawn frame to PATH, then exit.
    #[arg(long, value_name = "PATH")]
    pub screenshot: Option<PathBuf>,
    /// Overwrite the --screenshot file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Which place names the map shows: `interface` (the default) or a
    /// language tag the dataset offers (the bundled one: en, az, ar, hy).
    #[arg(long, value_name = "TAG", value_parser = NameLang::parse)]
    pub names: Option<NameLang>,
    /// Light or dark theme.
    #[arg(long, value_enum)]
    pub theme: Option<ThemeArg>,
    /// Start in presenter mode (full screen, captions, clicker keys).
    #[arg(long)]
    pub present: bool,
    /// Present this tour file (see data/README.md, "Tours").
    #[arg(long, value_name = "FILE")]
    pub tour: Option<PathBuf>,
    /// Start presenting with autoplay running (implies --present).
    #[arg(long)]
    pub autoplay: bool,
    /// Interface language (default: the saved choice, else the system's).
    #[arg(long, value_enum)]
    pub lang: Option<crate::i18n::Lang>,
    /// Arabic month names: latin (يناير), syriac (كانون الثاني) or both.
    #[arg(long, value_enum)]
    pub months: Option<crate::i18n::MonthStyle>,
    /// Digits in the Arabic interface: latin (0-9) or arabic-indic (٠-٩).
    #[arg(long, value_enum)]
    pub digits: Option<crate::i18n::Digits>,
}

impl GuiArgs {
    /// Whether any viewer option was given.
    #[must_use]
    pub fn is_set(&self) -> bool {
        self.date.is_some()
            || self.step.is_some()
            || self.size.is_some()
            || self.screenshot.is_some()
            || self.force
            || self.names.is_some()
            || self.theme.is_some()
            || self.cite.is_some()
            || self.present
            || self.tour.is_some()
            || self.autoplay
            || self.lang.is_some()
            || self.months.is_some()
            || self.digits.is_some()
    }
}

/// The smallest and largest window sides `--size` accepts, in points.
pub const WINDOW_SIDE_RANGE: std::ops::RangeInclusive<u32> = 200..=16_384;

fn parse_size(s: &str) -> Result<(u32, u32), String> {
    let err = || format!("'{s}' is not a size like 1280x800 (width x height in points)");
    let (w, h) = s.split_once(['x', 'X']).ok_or_else(err)?;
    let (w, h) = (
        w.trim().parse::<u32>().map_err(|_| err())?,
        h.trim().parse::<u32>().map_err(|_| err())?,
    );
    for v in [w, h] {
        if !WINDOW_SIDE_RANGE.contains(&v) {
            return Err(format!(
                "'{s}': each side must be from {} to {} points",
                WINDOW_SIDE_RANGE.start(),
                WINDOW_SIDE_RANGE.end()
            ));
        }
    }
    Ok((w, h))
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the viewer (the default).
    Gui(GuiArgs),
    /// Validate the dataset and print a summary, or every error found.
    Check,
    /// Who controls each place at a date, since when, and any pending handover.
    State {
        /// The date, as YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, allow_hyphen_values = true)]
        date: Date,
        /// Print JSON (shape documented in data/README.md).
        #[arg(long)]
        json: bool,
    },
    /// List the steps: index, date with its precision, title, id, citation ids.
    Steps {
        /// Print JSON (shape documented in data/README.md).
        #[arg(long)]
        json: bool,
    },
    /// List the dataset's tours (stops as step numbers and titles, hold
    /// times), or check one tour file and print it.
    Tours(ToursArgs),
    /// Write the JSON Schemas of the dataset files (for editors), or check
    /// that a folder holds the current ones.
    Schema(SchemaArgs),
    /// Export figures (PNG, SVG), an animated walkthrough (GIF) or GeoJSON,
    /// without a window or GPU.
    Export(ExportArgs),
    /// Areas held by each controller, per place, at a date or at every step.
    Stats(StatsArgs),
    /// Write a small example dataset into DIR, ready to edit (every place,
    /// party and event in it is invented).
    New {
        /// The folder to write; it must not exist (its parent must) or be empty.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
    /// Turn a TimelineJS3 JSON file into a dataset folder (see
    /// docs/timelinejs.md), reporting everything that could not be mapped.
    ImportTimelinejs(ImportArgs),
    /// Turn a time-enabled GeoJSON layer (one feature per place and period,
    /// as `export --all --format geojson` writes) into a dataset folder (see
    /// docs/geojson-import.md).
    ImportGeojson(GeojsonImportArgs),
    /// Add annotations made on the dataset's sources (W3C Web Annotations,
    /// Hypothesis) as citations, re-anchored by their quotes (see
    /// docs/annotations.md).
    ImportAnnotations(AnnotationsImportArgs),
    /// Write a shell completion script to standard output.
    Completions(install::CompletionsArgs),
    /// Write the man pages, one per subcommand, into a folder.
    Manpage(install::ManpageArgs),
}

/// `import-timelinejs` options.
#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// The TimelineJS3 JSON file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The dataset folder to write (created if missing; its parent must exist).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Write into a folder that is not empty, replacing the dataset's files
    /// there (other files are kept).
    #[arg(long)]
    pub force: bool,
    /// Refuse the whole file if any event cannot be represented (by
    /// default such an event is left out with a warning, and the rest
    /// imported).
    #[arg(long)]
    pub strict: bool,
}

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// A raster figure.
    Png,
    /// A vector figure.
    Svg,
    /// An animated walkthrough of every step (needs --all).
    Gif,
    /// The map's features with their state (with --all: one time-enabled file).
    Geojson,
    /// Every step as a TimelineJS3 JSON file (see docs/timelinejs.md).
    Timelinejs,
    /// Every citation as a W3C Web Annotation (see docs/annotations.md).
    Annotations,
    /// A printable handout of a tour (every step without --tour).
    Pdf,
    /// The walkthrough as an H.264 video (with --all or --tour).
    Mp4,
}

/// Paper sizes for print figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PaperArg {
    /// ISO A4, landscape.
    A4,
    /// ISO A5, landscape.
    A5,
    /// US Letter, portrait (the PDF handout only).
    Letter,
}

/// `export` options.
#[derive(Debug, Clone, Args)]
#[command(group(ArgGroup::new("when").args(["step", "date", "all"])))]
pub struct ExportArgs {
    /// Export step N (1-based, as listed by `steps`).
    #[arg(long, value_name = "N")]
    pub step: Option<usize>,
    /// Export the state at this date (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, allow_hyphen_values = true)]
    pub date: Option<Date>,
    /// Export every step (PNG/SVG: one file per step into the --out folder;
    /// GIF: one animation; GeoJSON: one time-enabled file). TimelineJS
    /// always holds every step.
    #[arg(long)]
    pub all: bool,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Figure size in pixels, e.g. 1920x1080.
    #[arg(long, value_name = "WxH", value_parser = parse_figure_size, conflicts_with_all = ["dpi", "paper"])]
    pub size: Option<(u32, u32)>,
    /// Print resolution, with --paper.
    #[arg(long, value_name = "N", requires = "paper")]
    pub dpi: Option<u32>,
    /// Paper size: with --dpi for figures (a4, a5), alone for the PDF
    /// handout (a4, letter).
    #[arg(long, value_enum)]
    pub paper: Option<PaperArg>,
    /// Which place names to show: `interface` (the figure's language, the
    /// default) or a language tag the dataset offers (the bundled one: en,
    /// az, ar, hy).
    #[arg(long, value_name = "TAG", value_parser = NameLang::parse)]
    pub names: Option<NameLang>,
    /// Light or dark figure.
    #[arg(long, value_enum)]
    pub theme: Option<ThemeArg>,
    /// Language of the figure's words, dates and numbers (default: en).
    #[arg(long, value_enum)]
    pub lang: Option<crate::i18n::Lang>,
    /// Arabic month names in the figure: latin, syriac or both.
    #[arg(long, value_enum)]
    pub months: Option<crate::i18n::MonthStyle>,
    /// Digits in an Arabic figure: latin or arabic-indic.
    #[arg(long, value_enum)]
    pub digits: Option<crate::i18n::Digits>,
    /// Seconds each step is held in a GIF or MP4 (default 2.5).
    #[arg(long, value_name = "SECS")]
    pub hold: Option<f32>,
    /// A tour file: the handout's stops (PDF) or the video's steps (MP4).
    #[arg(long, value_name = "FILE")]
    pub tour: Option<PathBuf>,
    /// Add the teacher's notes to the handout (PDF).
    #[arg(long)]
    pub teacher: bool,
    /// Frames per second of the video (MP4; default 30).
    #[arg(long, value_name = "N")]
    pub fps: Option<u32>,
    /// The file to write (a folder with --all for PNG/SVG).
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    /// Overwrite existing files.
    #[arg(long)]
    pub force: bool,
}

/// `tours` options.
#[derive(Debug, Clone, Args)]
pub struct ToursArgs {
    /// Check this tour file against the dataset and print it, instead of
    /// listing the dataset's tours.
    #[arg(long, value_name = "FILE")]
    pub tour: Option<PathBuf>,
    /// Print JSON (shape documented in data/README.md).
    #[arg(long)]
    pub json: bool,
}

/// `schema` options.
#[derive(Debug, Clone, Args)]
#[command(group(ArgGroup::new("what").required(true).args(["out", "check"])))]
pub struct SchemaArgs {
    /// Write the schemas into this folder (created if missing).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Overwrite schema files that exist in the --out folder.
    #[arg(long, requires = "out")]
    pub force: bool,
    /// Compare the schemas in this folder with the ones this build
    /// generates; exit 1 if any is missing or different.
    #[arg(long, value_name = "DIR")]
    pub check: Option<PathBuf>,
}

/// `stats` options.
#[derive(Debug, Clone, Args)]
pub struct StatsArgs {
    /// Areas at this date; without it, the series at every step.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, allow_hyphen_values = true)]
    pub date: Option<Date>,
    /// Print JSON.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV with a header row.
    #[arg(long)]
    pub csv: bool,
}

fn parse_figure_size(s: &str) -> Result<(u32, u32), String> {
    let err = || format!("'{s}' is not a size like 1920x1080 (width x height in pixels)");
    let (w, h) = s.split_once(['x', 'X']).ok_or_else(err)?;
    let (w, h) = (
        w.trim().parse::<u64>().map_err(|_| err())?,
        h.trim().parse::<u64>().map_err(|_| err())?,
    );
    for v in [w, h] {
        if !(u64::from(MIN_SIDE)..=u64::from(MAX_SIDE)).contains(&v) {
            return Err(format!(
                "'{s}': each side must be from {MIN_SIDE} to {MAX_SIDE} pixels"
            ));
        }
    }
    Ok((
        u32::try_from(w).map_err(|_| err())?,
        u32::try_from(h).map_err(|_| err())?,
    ))
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).map_err(|e| e.to_string())
}

/// Load the dataset named by `--data`, or the bundled one.
///
/// # Errors
/// Every problem in the dataset.
pub fn load(data: Option<&std::path::Path>) -> Result<Dataset, LoadError> {
    match data {
        Some(dir) => load_folder(dir),
        None => load_bundled(),
    }
}

/// Parse the process arguments and run; returns the exit code (0 success,
/// 1 invalid dataset, 2 bad usage).
#[must_use]
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help/version to stdout with exit 0, errors to stderr with 2.
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    if cli.command.is_some() && cli.gui.is_set() {
        eprintln!(
            "error: viewer options (--date, --step, --size, --cite, --screenshot, --force, --names, --theme, --present, --tour, --autoplay) before a subcommand apply only to the viewer\n  help: put them after `gui`, or after the subcommand if it has them (e.g. `state --date ...`)"
        );
        return ExitCode::from(2);
    }
    let command = cli.command.unwrap_or(Command::Gui(cli.gui));
    // The commands that write a new dataset, or describe the format, read none.
    match command {
        Command::New { dir } => return interop::run_new(cli.data.as_deref(), &dir),
        Command::ImportTimelinejs(args) => {
            return interop::run_import(cli.data.as_deref(), &args);
        }
        Command::ImportGeojson(args) => {
            return formats::run_import_geojson(cli.data.as_deref(), &args);
        }
        Command::ImportAnnotations(args) => {
            return formats::run_import_annotations(cli.data.as_deref(), &args);
        }
        Command::Schema(args) => return schema::run(&args),
        Command::Completions(args) => return install::run_completions(&args),
        Command::Manpage(args) => return install::run_manpage(&args),
        _ => {}
    }
    let dataset = match load(cli.data.as_deref()) {
        Ok(ds) => ds,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    match command {
        Command::Gui(args) => {
            // A bad --tour file (or a --step the tour does not show) is
            // reported before any window opens; the viewer resolves it again.
            if let Err(e) =
                crate::model::tour::resolve_tour_start(&dataset, args.tour.as_deref(), args.step)
            {
                eprint!("{}", tours::tour_error_text(&e));
                // 1: the file is invalid; 2: it is fine but --step is not in it.
                let file_ok = args
                    .tour
                    .as_deref()
                    .is_some_and(|p| crate::model::tour::load_tour_file(p, &dataset).is_ok());
                return ExitCode::from(if file_ok { 2 } else { 1 });
            }
            if let Some(Err(e)) = args.names.map(|n| n.offered_by(&dataset)) {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
            return gui::run(dataset, &args);
        }
        Command::Tours(args) => return tours::run(&dataset, &args),
        Command::Schema(args) => return schema::run(&args),
        Command::Check => print!("{}", check_summary(&dataset)),
        Command::State { date, json } => {
            if !dataset.coverage.contains(date) {
                eprintln!(
                    "error: --date {date} is outside the period the dataset describes ({} to {})\n  help: pick a date in that period",
                    dataset.coverage.from, dataset.coverage.to
                );
                return ExitCode::from(2);
            }
            if json {
                println!("{}", pretty(&state_json(&dataset, date)));
            } else {
                print!("{}", state_text(&dataset, date));
            }
        }
        Command::Export(args) => return export::run(&dataset, &args),
        Command::Stats(args) => return stats::run(&dataset, &args),
        Command::New { .. }
        | Command::ImportTimelinejs(_)
        | Command::ImportGeojson(_)
        | Command::ImportAnnotations(_)
        | Command::Completions(_)
        | Command::Manpage(_) => {}
        Command::Steps { json } => {
            if json {
                println!("{}", pretty(&steps_json(&dataset)));
            } else {
                print!("{}", steps_text(&dataset));
            }
        }
    }
    ExitCode::SUCCESS
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_else(|_| v.to_string())
}

fn origin(ds: &Dataset) -> String {
    match &ds.origin {
        crate::model::types::Origin::Bundled => "the bundled dataset".to_owned(),
        crate::model::types::Origin::Folder(p) => format!("the dataset in {}", p.display()),
    }
}

/// The one-paragraph summary `check` prints for a valid dataset.
#[must_use]
pub fn check_summary(ds: &Dataset) -> String {
    let disputed: Vec<&str> = ds
        .claims
        .iter()
        .filter(|c| c.disputed)
        .map(|c| c.id.as_str())
        .collect();
    let tracked = ds.tracked_places().count();
    format!(
        "OK: {} (\"{}\") is valid. {} sources, {} steps from {} to {}, {} citations (every quote found verbatim at its offset), {} places ({} tracked, each with a state on every day from {} to {}), {} claims of which {} disputed{}.\n",
        origin(ds),
        ds.title.en(),
        ds.sources.len(),
        ds.steps.len(),
        ds.steps
            .first()
            .map_or_else(String::new, |s| s.date.english()),
        ds.steps
            .last()
            .map_or_else(String::new, |s| s.date.english()),
        ds.citations.len(),
        ds.places.len(),
        tracked,
        ds.coverage.from,
        ds.coverage.to,
        ds.claims.len(),
        disputed.len(),
        if disputed.is_empty() {
            String::new()
        } else {
            format!(" ({})", disputed.join(", "))
        }
    )
}

/// `state --json`: see data/README.md for the shape.
#[must_use]
pub fn state_json(ds: &Dataset, date: Date) -> Value {
    let places: Vec<Value> = state_at(ds, date)
        .into_iter()
        .map(|s| {
            let kind = ds.place(&s.id).map_or("", |p| p.kind.as_str());
            let mut v = serde_json::to_value(&s).unwrap_or(Value::Null);
            if let Some(obj) = v.as_object_mut() {
                obj.insert("kind".into(), json!(kind));
            }
            v
        })
        .collect();
    json!({ "date": date, "places": places })
}

fn controller_name(ds: &Dataset, id: &str) -> String {
    ds.controller(id)
        .map_or_else(|| id.to_owned(), |c| c.names.en().to_owned())
}

/// `state` for people: one block per place.
#[must_use]
pub fn state_text(ds: &Dataset, date: Date) -> String {
    let mut out = format!("State on {} ({}):\n", date.english(), date);
    for s in state_at(ds, date) {
        let name = ds.place(&s.id).map_or(s.id.as_str(), |p| p.names.en());
        let step = ds
            .step_index(&s.since_step)
            .map_or(String::new(), |i| format!(", step {}", i + 1));
        out.push_str(&format!(
            "\n{} [{}]\n  controlled by {} {}{step}\n  citations: {}\n",
            name,
            s.id,
            controller_name(ds, &s.controlled_by),
            s.since.english_since(),
            s.citations.join(", ")
        ));
        if !s.evidence.is_plain() {
            out.push_str(&evidence_text(ds, &s.evidence, "  "));
        }
        if let Some(t) = &s.transition {
            out.push_str(&format!(
                "  changing to {} {} (the sources give no exact day; step '{}')\n",
                controller_name(ds, &t.to),
                t.between.english_on(),
                t.step
            ));
        }
        if let Some(p) = &s.pending {
            out.push_str(&format!(
                "  handover to {} pending (agreed at step '{}'){}\n",
                controller_name(ds, &p.to),
                p.agreed_at_step,
                if p.disputed {
                    "; the sources disagree on the deadline"
                } else {
                    ""
                }
            ));
            if !p.evidence.is_plain() || p.evidence.basis_note.is_some() {
                out.push_str(&evidence_text(ds, &p.evidence, "    handover "));
            }
            for d in &p.deadlines {
                let left = d.countdown();
                out.push_str(&format!(
                    "    deadline {} according to {} ({left}; {})\n",
                    d.date.english(),
                    d.according_to.en(),
                    d.citations.join(", ")
                ));
            }
        }
    }
    out
}

/// How the sources support a state or a handover, for `state`: "basis:
/// claimed by Azerbaijan (claim: citation ids); extent: part", then the
/// note, each line after `indent`.
fn evidence_text(ds: &Dataset, ev: &Evidence, indent: &str) -> String {
    let mut line = format!("{indent}basis: {}", ev.basis.as_str());
    if let Some(by) = &ev.claimed_by {
        line.push_str(&format!(
            " by {} (claim: {})",
            controller_name(ds, by),
            ev.claim_citations.join(", ")
        ));
    }
    line.push_str(&format!("; extent: {}\n", ev.reach.as_str()));
    if let Some(n) = &ev.basis_note {
        line.push_str(&format!("{indent}note: {}\n", n.en()));
    }
    line
}

/// `steps --json`: index (1-based), id, date, precision, titles, citation ids.
#[must_use]
pub fn steps_json(ds: &Dataset) -> Value {
    let steps: Vec<Value> = ds
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            json!({
                "index": i + 1,
                "id": s.id,
                "date": s.date,
                "precision": s.date.precision(),
                "title": s.title,
                "citations": ds.step_citation_ids(s),
            })
        })
        .collect();
    json!({ "steps": steps })
}

/// `steps` for people: one line per step.
#[must_use]
pub fn steps_text(ds: &Dataset) -> String {
    let mut out = String::new();
    for (i, s) in ds.steps.iter().enumerate() {
        out.push_str(&format!(
            "{:>2}. {:<27} [{}] {}\n    id: {}; citations: {}\n",
            i + 1,
            s.date.english(),
            s.date.precision(),
            s.title.en(),
            s.id,
            ds.step_citation_ids(s).join(", ")
        ));
    }
    out
}
