//! `karabakh-atlas export`: figures (PNG, SVG), the animated walkthrough
//! (GIF) and GeoJSON, headless.
//!
//! - `--step N` / `--date D` with `png`, `svg` or `geojson` write one file,
//!   `--out PATH`; its folder must exist.
//! - `--all` with `png` or `svg` writes one figure per step into the folder
//!   `--out DIR` (created if missing; its parent must exist), named
//!   `step-NN-<step id>.<ext>`, all or nothing; `--all` with `gif` writes the
//!   animation (2.5 s per step with half-second cross-fades), with `geojson`
//!   the time-enabled timeline. `gif` needs `--all`.
//! - Sizes: `--size WxH` (64 to 16384 pixels a side), or `--dpi N --paper
//!   a4|a5` (72 to 1200 dpi, landscape), else 1920×1080 (figures) or
//!   1280×720 (GIF). GeoJSON ignores size, names and theme (with a note).
//! - `timelinejs` writes every step as one TimelineJS3 JSON file `--out
//!   FILE` (no `--step`/`--date`; `--all` is accepted and changes nothing).
//! - `pdf` writes the printable handout of `--tour FILE` (every step
//!   without it) on `--paper a4|letter`, with `--teacher` for the notes; its
//!   creation date comes from `SOURCE_DATE_EPOCH` when set.
//! - `mp4` writes the walkthrough of every step (`--all`) or of a tour's
//!   stops (`--tour FILE`) as H.264, `--size` (even sides, default
//!   1920×1080), `--fps` (default 30) and `--hold`. See
//!   docs/teaching-outputs.md.
//! - Existing files are kept unless `--force`; every write is atomic.
//! - Multi-file runs (`--all` with png/svg/gif) draw a progress bar on
//!   stderr when stderr is a terminal (nothing otherwise, so logs stay
//!   clean); every run ends with a summary line on stdout.
//! - Exit codes: 0 success; 1 when writing fails (missing or unwritable
//!   folder, existing file without `--force`, I/O error); 2 for bad usage
//!   (step or date out of range, `gif` without `--all`, a folder where a
//!   file is expected or the reverse, `--dpi` or size out of range).

use std::io::{IsTerminal, Write as _};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use super::{ExportArgs, ExportFormat, PaperArg, ThemeArg};
use crate::export::{DEFAULT_FPS, DEFAULT_VIDEO_SIZE, check_video_settings, walkthrough_mp4};
use crate::export::{
    DEFAULT_HOLD_SECS, ExportError, FigureFormat, FigureOptions, HandoutOptions, HandoutPaper,
    Paper, animation_gif, check_target, export_steps, figure_svg, geojson_at, geojson_timeline,
    handout_pdf, paper_size, write_file_atomic,
};
use crate::i18n::format::DateWords;
use crate::model::tour::{default_tour, load_tour_file};
use crate::model::types::Tour;
use crate::model::{Dataset, Date};
use crate::scene::display::MapCache;
use crate::scene::style::ThemeKind;

/// The default size of figures, in pixels.
pub const DEFAULT_FIGURE_SIZE: (u32, u32) = (1920, 1080);
/// The default size of the animation, in pixels.
pub const DEFAULT_GIF_SIZE: (u32, u32) = (1280, 720);

/// Why `export` stopped.
enum Failure {
    /// Bad arguments (exit 2).
    Usage(String),
    /// The export itself failed (exit 1).
    Failed(String),
}

impl From<ExportError> for Failure {
    fn from(e: ExportError) -> Self {
        match e {
            ExportError::IsFolder { .. }
            | ExportError::NotFolder { .. }
            | ExportError::Size { .. }
            | ExportError::Dpi { .. }
            | ExportError::Hold { .. }
            | ExportError::NoSuchStep { .. } => Self::Usage(e.to_string()),
            _ => Self::Failed(e.to_string()),
        }
    }
}

/// Run `export`: 0 on success, 1 if writing failed, 2 for bad usage; the
/// message goes to stderr.
#[must_use]
pub fn run(ds: &Dataset, args: &ExportArgs) -> ExitCode {
    match export(ds, args) {
        Ok(summary) => {
            println!("{summary}");
            let _ = std::io::stdout().flush();
            ExitCode::SUCCESS
        }
        Err(Failure::Usage(msg)) => {
            eprintln!("error: {msg}");
            ExitCode::from(2)
        }
        Err(Failure::Failed(msg)) => {
            eprintln!("error: {msg}");
            ExitCode::from(1)
        }
    }
}

/// What to show: one date (and the step it presents) or every step.
enum When {
    One(Date, Option<usize>),
    All,
}

fn when(ds: &Dataset, args: &ExportArgs) -> Result<When, Failure> {
    let n = ds.steps.len();
    if let Some(step) = args.step {
        if step == 0 || step > n {
            return Err(Failure::Usage(format!(
                "--step {step} is out of range: the dataset has {n} steps (1 to {n})\n  help: `karabakh-atlas steps` lists them"
            )));
        }
        let date = ds
            .step_date(step - 1)
            .ok_or_else(|| Failure::Usage(format!("--step {step}: the step has no date")))?;
        return Ok(When::One(date, Some(step - 1)));
    }
    if let Some(date) = args.date {
        if !ds.coverage.contains(date) {
            return Err(Failure::Usage(format!(
                "--date {date} is outside the period the dataset describes ({} to {})\n  help: pick a date in that period",
                ds.coverage.from, ds.coverage.to
            )));
        }
        return Ok(When::One(date, ds.step_at(date)));
    }
    if args.all {
        return Ok(When::All);
    }
    Err(Failure::Usage(
        "say what to export: --step N, --date YYYY-MM-DD or --all (--format timelinejs and annotations need none of them)".to_owned(),
    ))
}

fn figure_options(
    ds: &Dataset,
    args: &ExportArgs,
    default: (u32, u32),
) -> Result<FigureOptions, Failure> {
    let (width, height) = match (args.size, args.paper, args.dpi) {
        (Some(size), _, _) => size,
        (None, Some(paper), Some(dpi)) => {
            let paper = match paper {
                PaperArg::A4 => Paper::A4,
                PaperArg::A5 => Paper::A5,
                PaperArg::Letter => {
                    return Err(Failure::Usage(
                        "--paper letter is for the handout (--format pdf); figures take --paper a4 or a5 with --dpi".to_owned(),
                    ));
                }
            };
            paper_size(paper, dpi)?
        }
        (None, Some(_), None) | (None, None, Some(_)) => {
            return Err(Failure::Usage(
                "--dpi and --paper go together, e.g. --dpi 300 --paper a4".to_owned(),
            ));
        }
        (None, None, None) => default,
    };
    if let Some(n) = args.names {
        n.offered_by(ds).map_err(Failure::Usage)?;
    }
    let opts = FigureOptions {
        width,
        height,
        names: args.names.unwrap_or_default(),
        theme: args.theme.map_or(ThemeKind::Light, ThemeArg::kind),
        locale: crate::i18n::Locale {
            lang: args.lang.unwrap_or_default(),
            months: args.months.unwrap_or_default(),
            digits: args.digits.unwrap_or_default(),
        },
    };
    opts.validate()?;
    Ok(opts)
}

/// A note when `--out` does not end in the format's extension.
fn note_extension(out: &Path, ext: &str) {
    let matches = out
        .extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case(ext));
    if !matches {
        eprintln!(
            "note: --out {} does not end in .{ext}; writing it anyway",
            out.display()
        );
    }
}

/// A progress bar on stderr, drawn only when stderr is a terminal.
struct Bar {
    enabled: bool,
    what: &'static str,
}

impl Bar {
    fn new(what: &'static str) -> Self {
        Self {
            enabled: std::io::stderr().is_terminal(),
            what,
        }
    }

    fn draw(&self, done: usize, total: usize) -> bool {
        if self.enabled && total > 0 {
            const WIDTH: usize = 30;
            let filled = done.min(total) * WIDTH / total;
            let mut err = std::io::stderr().lock();
            let _ = write!(
                err,
                "\r[{}{}] {done}/{total} {}",
                "#".repeat(filled),
                " ".repeat(WIDTH - filled),
                self.what
            );
            if done >= total {
                let _ = writeln!(err);
            }
            let _ = err.flush();
        }
        true
    }
}

fn secs(start: Instant) -> String {
    format!("{:.1} s", start.elapsed().as_secs_f64())
}

/// `export --format timelinejs`: every step, so no `--step` or `--date`.
/// The formats that hold the whole dataset in one JSON file: TimelineJS
/// and the Web Annotations.
fn whole_dataset_json(ds: &Dataset, args: &ExportArgs) -> Result<String, Failure> {
    let (name, note) = match args.format {
        ExportFormat::Annotations => ("annotations", "Web Annotations"),
        _ => ("timelinejs", "TimelineJS"),
    };
    if args.step.is_some() || args.date.is_some() {
        return Err(Failure::Usage(format!(
            "--format {name} always holds every step: leave out --step and --date"
        )));
    }
    if args.size.is_some()
        || args.dpi.is_some()
        || args.paper.is_some()
        || args.names.is_some()
        || args.theme.is_some()
        || args.hold.is_some()
    {
        eprintln!(
            "note: --size, --dpi, --paper, --names, --theme and --hold do not apply to {note}; ignored"
        );
    }
    if args.format == ExportFormat::Annotations {
        note_extension(&args.out, "jsonld");
        return Ok(super::formats::export_annotations(
            ds, &args.out, args.force,
        )?);
    }
    note_extension(&args.out, "json");
    Ok(super::interop::export_timelinejs(
        ds, &args.out, args.force,
    )?)
}

/// The tour `--tour FILE` names, or every step.
fn tour_of(ds: &Dataset, args: &ExportArgs) -> Result<Tour, Failure> {
    match &args.tour {
        Some(path) => load_tour_file(path, ds).map_err(|e| {
            Failure::Usage(format!(
                "{e}\n  help: `karabakh-atlas tours --tour {}` checks a tour file",
                path.display()
            ))
        }),
        None => Ok(default_tour(ds)),
    }
}

/// `SOURCE_DATE_EPOCH`, if set: the handout's creation date.
fn source_date_epoch() -> Result<Option<i64>, Failure> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) => v.trim().parse::<i64>().map(Some).map_err(|_| {
            Failure::Usage(format!(
                "SOURCE_DATE_EPOCH={v:?} is not a number of seconds since 1970-01-01\n  help: set it to an integer such as 1700000000, or unset it"
            ))
        }),
        Err(_) => Ok(None),
    }
}

/// `export --format pdf`: the handout of a tour.
fn handout(ds: &Dataset, args: &ExportArgs) -> Result<String, Failure> {
    if args.step.is_some() || args.date.is_some() {
        return Err(Failure::Usage(
            "--format pdf is a handout of a tour: leave out --step and --date (use --tour FILE, or nothing for every step)".to_owned(),
        ));
    }
    if args.size.is_some()
        || args.dpi.is_some()
        || args.names.is_some()
        || args.theme.is_some()
        || args.hold.is_some()
        || args.fps.is_some()
    {
        eprintln!(
            "note: --size, --dpi, --names, --theme, --hold and --fps do not apply to the PDF handout; ignored"
        );
    }
    let paper = match args.paper {
        None | Some(PaperArg::A4) => HandoutPaper::A4,
        Some(PaperArg::Letter) => HandoutPaper::Letter,
        Some(PaperArg::A5) => {
            return Err(Failure::Usage(
                "--paper a5 is for figures; the handout is printed on --paper a4 or letter"
                    .to_owned(),
            ));
        }
    };
    let tour = tour_of(ds, args)?;
    let out = args.out.as_path();
    note_extension(out, "pdf");
    check_target(out, args.force)?;
    let opts = HandoutOptions {
        paper,
        locale: crate::i18n::Locale {
            lang: args.lang.unwrap_or_default(),
            months: args.months.unwrap_or_default(),
            digits: args.digits.unwrap_or_default(),
        },
        teacher: args.teacher,
        created: source_date_epoch()?,
    };
    let start = Instant::now();
    let cache = MapCache::new(ds);
    let bar = Bar::new("stops laid out");
    let bytes = handout_pdf(ds, &cache, &tour, &opts, &mut |d, t| bar.draw(d, t))?;
    write_file_atomic(out, &bytes, args.force)?;
    Ok(format!(
        "wrote {} (PDF handout, {} stops{}) in {}",
        out.display(),
        tour.stops.len(),
        if args.teacher {
            ", with teacher's notes"
        } else {
            ""
        },
        secs(start)
    ))
}

/// `export --format mp4`: the walkthrough of every step (`--all`) or of a
/// tour's stops (`--tour FILE`) as a video.
fn video(ds: &Dataset, args: &ExportArgs) -> Result<String, Failure> {
    if args.step.is_some() || args.date.is_some() || (args.all == args.tour.is_some()) {
        return Err(Failure::Usage(
            "--format mp4 is a walkthrough: give --all (every step) or --tour FILE (its stops), not both, and no --step or --date".to_owned(),
        ));
    }
    let (width, height) = args.size.unwrap_or(DEFAULT_VIDEO_SIZE);
    let fps = args.fps.unwrap_or(DEFAULT_FPS);
    check_video_settings(width, height, fps).map_err(|e| Failure::Usage(e.to_string()))?;
    if args.dpi.is_some() || args.paper.is_some() || args.teacher {
        eprintln!("note: --dpi, --paper and --teacher do not apply to a video; ignored");
    }
    let mut opts = figure_options(
        ds,
        &ExportArgs {
            dpi: None,
            paper: None,
            ..args.clone()
        },
        (width, height),
    )?;
    opts.width = width;
    opts.height = height;
    let steps: Vec<usize> = if args.tour.is_some() {
        tour_of(ds, args)?.stops.iter().map(|s| s.step).collect()
    } else {
        (0..ds.steps.len()).collect()
    };
    let out = args.out.as_path();
    note_extension(out, "mp4");
    check_target(out, args.force)?;
    let start = Instant::now();
    let cache = MapCache::new(ds);
    let bar = Bar::new("steps encoded");
    let hold = args.hold.unwrap_or(DEFAULT_HOLD_SECS);
    let bytes = walkthrough_mp4(ds, &cache, &opts, &steps, hold, fps, &mut |d, t| {
        bar.draw(d, t)
    })?;
    write_file_atomic(out, &bytes, args.force)?;
    Ok(format!(
        "wrote {} (MP4, H.264, {width}×{height} at {fps} fps, {} steps held {hold} s each with cross-fades) in {}",
        out.display(),
        steps.len(),
        secs(start)
    ))
}

fn export(ds: &Dataset, args: &ExportArgs) -> Result<String, Failure> {
    if matches!(
        args.format,
        ExportFormat::Timelinejs | ExportFormat::Annotations
    ) {
        return whole_dataset_json(ds, args);
    }
    if args.format == ExportFormat::Pdf {
        return handout(ds, args);
    }
    if args.format == ExportFormat::Mp4 {
        return video(ds, args);
    }
    let when = when(ds, args)?;
    let out = args.out.as_path();
    let start = Instant::now();
    match args.format {
        ExportFormat::Geojson => {
            if args.size.is_some()
                || args.dpi.is_some()
                || args.paper.is_some()
                || args.names.is_some()
                || args.theme.is_some()
            {
                eprintln!(
                    "note: --size, --dpi, --paper, --names and --theme do not apply to GeoJSON; ignored"
                );
            }
            note_extension(out, "geojson");
            check_target(out, args.force)?;
            let (text, what) = match when {
                When::One(date, _) => (geojson_at(ds, date), format!("the state on {date}")),
                When::All => (
                    geojson_timeline(ds),
                    format!(
                        "the timeline {} to {} (start/end per control period)",
                        ds.coverage.from, ds.coverage.to
                    ),
                ),
            };
            write_file_atomic(out, text.as_bytes(), args.force)?;
            Ok(format!("wrote {} (GeoJSON: {what})", out.display()))
        }
        ExportFormat::Gif => {
            if !matches!(when, When::All) {
                return Err(Failure::Usage(
                    "--format gif is the walkthrough of every step: use it with --all\n  help: for one step, use --format png".to_owned(),
                ));
            }
            let opts = figure_options(ds, args, DEFAULT_GIF_SIZE)?;
            note_extension(out, "gif");
            check_target(out, args.force)?;
            let cache = MapCache::new(ds);
            let bar = Bar::new("steps rendered");
            let hold = args.hold.unwrap_or(DEFAULT_HOLD_SECS);
            let bytes = animation_gif(ds, &cache, &opts, hold, &mut |d, t| bar.draw(d, t))?;
            write_file_atomic(out, &bytes, args.force)?;
            Ok(format!(
                "wrote {} (animated GIF, {}×{}, {} steps held {hold} s each with cross-fades) in {}",
                out.display(),
                opts.width,
                opts.height,
                ds.steps.len(),
                secs(start)
            ))
        }
        ExportFormat::Timelinejs | ExportFormat::Annotations => whole_dataset_json(ds, args),
        ExportFormat::Pdf => handout(ds, args),
        ExportFormat::Mp4 => video(ds, args),
        ExportFormat::Png | ExportFormat::Svg => {
            let format = if args.format == ExportFormat::Png {
                FigureFormat::Png
            } else {
                FigureFormat::Svg
            };
            let opts = figure_options(ds, args, DEFAULT_FIGURE_SIZE)?;
            let cache = MapCache::new(ds);
            let kind = format.extension().to_uppercase();
            match when {
                When::One(date, step) => {
                    note_extension(out, format.extension());
                    check_target(out, args.force)?;
                    let fig = figure_svg(ds, &cache, date, step, &opts);
                    let bytes = format.encode(&fig)?;
                    write_file_atomic(out, &bytes, args.force)?;
                    let step_text = step
                        .map(|i| format!(", step {} of {}", i + 1, ds.steps.len()))
                        .unwrap_or_default();
                    Ok(format!(
                        "wrote {} ({kind}, {}×{}, {}{step_text})",
                        out.display(),
                        opts.width,
                        opts.height,
                        date.english_long()
                    ))
                }
                When::All => {
                    let bar = Bar::new("figures");
                    let paths =
                        export_steps(ds, &cache, &opts, format, out, args.force, &mut |d, t| {
                            bar.draw(d, t)
                        })?;
                    Ok(format!(
                        "wrote {} {kind} figures ({}×{}) to {} in {}",
                        paths.len(),
                        opts.width,
                        opts.height,
                        out.display(),
                        secs(start)
                    ))
                }
            }
        }
    }
}
