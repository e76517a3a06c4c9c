//! Headless exports, without a window or GPU: figures (PNG and SVG), the
//! animated walkthrough (GIF), GeoJSON snapshots and the time-enabled
//! timeline, written atomically, all or nothing, through [`crate::atomic`].
//!
//! # One scene, several backends
//!
//! A figure is laid out once as SVG ([`figure_svg`]): a title block, the map
//! from the same display list the viewer paints
//! ([`crate::scene::display::build`]), the legend, a scale bar, the step's
//! source reference and the Natural Earth attribution. Text is written as
//! `<text>` in "Noto Sans" or, for right-to-left text, "Noto Naskh Arabic".
//! Then:
//!
//! - [`render_png`] renders that SVG with resvg, using a font database that
//!   holds only the bundled fonts ([`crate::assets::FONTS`], never the
//!   system's), so every machine draws the same pixels;
//! - [`svg_for_file`] lets usvg lay the text out with the same fonts and
//!   convert it to paths, so the file looks the same in any viewer without
//!   the fonts, and keeps the words for people and tools: a `<title>`, a
//!   `<desc>` (date, source reference, attribution) and an `aria-label` on
//!   each text group.
//!
//! Arabic is shaped by usvg (harfrust) and ordered with `unicode-bidi`;
//! because usvg lays every paragraph out left to right, right-to-left text is
//! wrapped in a right-to-left embedding (U+202B … U+202C) so mixed runs
//! ("1 ديسمبر 2020") come out in the right order.
//!
//! # Determinism
//!
//! The same inputs give byte-identical files: no timestamps, numbers written
//! with a fixed number of decimals, deterministic quantization (NeuQuant) for
//! GIFs, and JSON written in a fixed order.
//!
//! # Files
//!
//! - `export_steps` names files `step-NN-<step id>.<ext>` (`NN` is the 1-based
//!   step number, zero-padded to at least two digits), e.g.
//!   `step-01-baseline.png`.
//! - PNGs carry tEXt chunks for tools and tests: `karabakh-atlas:date`,
//!   `karabakh-atlas:step` (1-based, absent when none), `:map-viewport`
//!   (x y width height in points), `:camera` (lon lat zoom), `:ref-lat`,
//!   `:pixels-per-point` and `:legend` (x y width height in points); and
//!   iTXt `Title`, `Description` and `Software`.
//! - The animation's frame structure is described at [`animation_gif`].
//! - The GeoJSON shapes are described in [`geojson`].

mod figure;
pub mod geojson;
mod gif;
mod handout;
mod raster;
mod svg;
mod video;
mod write;

use std::path::{Path, PathBuf};

pub use figure::{
    Figure, FigureOptions, POINTS_ON_SHORT_SIDE, figure_at_step, figure_svg, source_reference,
};
pub use geojson::{geojson_at, geojson_timeline};
pub use gif::{DEFAULT_HOLD_SECS, FADE_DELAY_CS, FADE_FRAMES, HOLD_SECS_RANGE, animation_gif};
pub use handout::{HandoutOptions, HandoutPaper, handout_pdf};
pub use raster::{png_bytes, render_png, render_rgba, svg_for_file};
pub use video::{
    DEFAULT_FPS, DEFAULT_VIDEO_SIZE, FPS_RANGE, VideoSettingsError, check_video_settings,
    fade_frames, hold_frames, walkthrough_mp4,
};
pub use write::{check_target, write_file_atomic};

use crate::atomic::StagedDir;
use crate::model::Dataset;
use crate::model::diag::{Detail, DetailFrom, Msg};
use crate::scene::display::MapCache;

/// The smallest figure side, in pixels.
pub const MIN_SIDE: u32 = 64;
/// The largest figure side, in pixels (16k; a 16384×16384 RGBA image takes
/// 1 GiB while it is rendered).
pub const MAX_SIDE: u32 = 16_384;
/// The print resolutions `paper_size` accepts, in dots per inch.
pub const DPI_RANGE: std::ops::RangeInclusive<u32> = 72..=1200;

/// Sizes offered for figures: full HD, 4K UHD, and A4 and A5 landscape at
/// 300 dpi, in pixels.
pub const PRESETS: [(&str, u32, u32); 4] = [
    ("1920×1080", 1920, 1080),
    ("3840×2160", 3840, 2160),
    ("A4 at 300 dpi", 3508, 2480),
    ("A5 at 300 dpi", 2480, 1748),
];

/// Why an export failed. Every message names the path or value and what to
/// do about it.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The target exists and overwriting was not allowed.
    #[error(
        "{}: the file already exists; pass --force to overwrite it, or choose another path",
        path.display()
    )]
    Exists {
        /// The existing file.
        path: PathBuf,
    },
    /// The folder a file should go into does not exist (or is not a folder).
    #[error(
        "{}: the folder {} does not exist or is not a folder; create it or choose another path",
        path.display(),
        folder.display()
    )]
    NoFolder {
        /// The file that was to be written.
        path: PathBuf,
        /// Its folder.
        folder: PathBuf,
    },
    /// A file was expected but the path is a folder.
    #[error("{}: that is a folder; give a file name such as map.png", path.display())]
    IsFolder {
        /// The path.
        path: PathBuf,
    },
    /// A folder was expected but the path is something else.
    #[error(
        "{}: that is not a folder; one file per step needs a folder (it is created if missing)",
        path.display()
    )]
    NotFolder {
        /// The path.
        path: PathBuf,
    },
    /// Reading or writing failed.
    #[error(
        "could not {action} {}: {source}; check that the folder exists and is writable",
        path.display()
    )]
    Io {
        /// What was being done ("create", "write", "rename", ...).
        action: &'static str,
        /// The path involved.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The figure size is out of bounds.
    #[error(
        "a figure of {width}×{height} pixels is not possible: each side must be from {MIN_SIDE} to {MAX_SIDE} pixels; choose a smaller size or a lower --dpi"
    )]
    Size {
        /// Width asked for.
        width: u64,
        /// Height asked for.
        height: u64,
    },
    /// The print resolution is out of bounds.
    #[error(
        "--dpi {dpi} is out of range: use a resolution from 72 to 1200 dpi (300 is usual for print)"
    )]
    Dpi {
        /// The resolution asked for.
        dpi: u32,
    },
    /// The hold time of an animation is out of bounds.
    #[error("a hold time of {secs} s per step is out of range: use 0.2 to 60 seconds")]
    Hold {
        /// The hold time asked for.
        secs: f32,
    },
    /// The dataset has no steps.
    #[error("the dataset has no steps, so there is nothing to export per step")]
    NoSteps,
    /// A step index is out of range.
    #[error("step {index} does not exist: the dataset has {count} steps (1 to {count})")]
    NoSuchStep {
        /// The 1-based index asked for.
        index: usize,
        /// How many steps there are.
        count: usize,
    },
    /// The SVG could not be parsed or rendered (a bug: please report it).
    #[error("could not render the figure: {0} (this is a bug; please report it)")]
    Render(String),
    /// Encoding the image failed.
    #[error("could not encode the {format}: {message}")]
    Encode {
        /// "PNG" or "GIF".
        format: &'static str,
        /// The encoder's message.
        message: String,
    },
    /// The progress callback asked to stop.
    #[error("the export was cancelled; nothing was written")]
    Cancelled,
}

impl ExportError {
    /// The message as a catalogue message, for the viewer's language
    /// (`Display` is the CLI's English, and says the same).
    #[must_use]
    pub fn msg(&self) -> Msg {
        let shown = |p: &Path| p.display().to_string();
        match self {
            Self::Exists { path } => Msg::new("export-err-exists").text("path", shown(path)),
            Self::NoFolder { path, folder } => Msg::new("export-err-no-folder")
                .text("path", shown(path))
                .text("folder", shown(folder)),
            Self::IsFolder { path } => Msg::new("export-err-is-folder").text("path", shown(path)),
            Self::NotFolder { path } => Msg::new("export-err-not-folder").text("path", shown(path)),
            Self::Io {
                action,
                path,
                source,
            } => {
                let action = match *action {
                    "create" => Msg::new("export-action-create"),
                    "write" => Msg::new("export-action-write"),
                    "rename into" => Msg::new("export-action-rename"),
                    "create the folder" => Msg::new("export-action-create-folder"),
                    "move aside" => Msg::new("export-action-move-aside"),
                    _ => Msg::new("export-action-write"),
                };
                Msg::new("export-err-io")
                    .msg("action", action)
                    .text("path", shown(path))
                    .detail("detail", Detail::io(source))
            }
            Self::Size { width, height } => Msg::new("export-err-size")
                .num("width", width)
                .num("height", height)
                .num("min", MIN_SIDE)
                .num("max", MAX_SIDE),
            Self::Dpi { dpi } => Msg::new("export-err-dpi").num("dpi", dpi),
            Self::Hold { secs } => Msg::new("export-err-hold").num("secs", secs),
            Self::NoSteps => Msg::new("export-err-no-steps"),
            Self::NoSuchStep { index, count } => Msg::new("export-err-no-such-step")
                .num("index", index)
                .num("count", count),
            Self::Render(message) => Msg::new("export-err-render").detail(
                "detail",
                Detail {
                    from: DetailFrom::Other,
                    text: message.clone(),
                },
            ),
            Self::Encode { format, message } => {
                Msg::new("export-err-encode").text("format", format).detail(
                    "detail",
                    Detail {
                        from: DetailFrom::Other,
                        text: message.clone(),
                    },
                )
            }
            Self::Cancelled => Msg::new("export-err-cancelled"),
        }
    }
}

/// Paper sizes for print figures (landscape).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    /// ISO A4: 297 × 210 mm.
    A4,
    /// ISO A5: 210 × 148 mm.
    A5,
}

impl Paper {
    /// Width and height in millimetres, landscape.
    #[must_use]
    pub fn millimetres(self) -> (f64, f64) {
        match self {
            Self::A4 => (297.0, 210.0),
            Self::A5 => (210.0, 148.0),
        }
    }
}

/// The pixel size of a landscape `paper` page at `dpi` (rounded to the
/// nearest pixel): A4 at 300 dpi is 3508 × 2480.
///
/// # Errors
/// [`ExportError::Dpi`] outside [`DPI_RANGE`], [`ExportError::Size`] if a side
/// would leave `MIN_SIDE..=MAX_SIDE`.
pub fn paper_size(paper: Paper, dpi: u32) -> Result<(u32, u32), ExportError> {
    if !DPI_RANGE.contains(&dpi) {
        return Err(ExportError::Dpi { dpi });
    }
    let (w_mm, h_mm) = paper.millimetres();
    let px = |mm: f64| (mm / 25.4 * f64::from(dpi)).round();
    let (w, h) = (px(w_mm), px(h_mm));
    // Both are small positive integers here (at most 14031).
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let (w, h) = (w as u64, h as u64);
    check_size(w, h)?;
    Ok((
        u32::try_from(w).map_err(|_| ExportError::Size {
            width: w,
            height: h,
        })?,
        u32::try_from(h).map_err(|_| ExportError::Size {
            width: w,
            height: h,
        })?,
    ))
}

/// Check a figure size against `MIN_SIDE..=MAX_SIDE`.
///
/// # Errors
/// [`ExportError::Size`] naming the size.
pub fn check_size(width: u64, height: u64) -> Result<(), ExportError> {
    let ok = |v: u64| (u64::from(MIN_SIDE)..=u64::from(MAX_SIDE)).contains(&v);
    if ok(width) && ok(height) {
        Ok(())
    } else {
        Err(ExportError::Size { width, height })
    }
}

/// Formats of per-step figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureFormat {
    /// Raster.
    Png,
    /// Vector, text as paths.
    Svg,
}

impl FigureFormat {
    /// The file extension, without the dot.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Svg => "svg",
        }
    }

    /// The figure in this format.
    ///
    /// # Errors
    /// Rendering or encoding failures.
    pub fn encode(self, fig: &Figure) -> Result<Vec<u8>, ExportError> {
        match self {
            Self::Png => render_png(fig),
            Self::Svg => svg_for_file(fig).map(String::into_bytes),
        }
    }
}

/// The file name of step `index` (0-based) in `format`:
/// `step-07-aghdam-handover.png`. Characters of the step id other than ASCII
/// letters, digits, `-` and `_` become `-`.
#[must_use]
pub fn step_file_name(ds: &Dataset, index: usize, format: FigureFormat) -> String {
    let id = ds.steps.get(index).map_or("step", |s| s.id.as_str());
    let slug: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let width = ds.steps.len().to_string().len().max(2);
    format!(
        "step-{:0width$}-{slug}.{}",
        index + 1,
        format.extension(),
        width = width
    )
}

/// Export one figure per step into the folder `dir`, all or nothing.
///
/// The files (named by [`step_file_name`]) are written into a hidden staging
/// folder next to their destination and moved into place only when every one
/// has been written; on failure or cancellation the staging folder is
/// removed and `dir` is left as it was (if `dir` did not exist, it is created
/// at the end, in one rename). Existing files of the same names are refused,
/// before anything is rendered, unless `force`.
///
/// `progress(done, total)` is called before the first figure (`done` = 0)
/// and after each one; returning `false` cancels.
///
/// # Errors
/// [`ExportError::Exists`] (without `force`), [`ExportError::NotFolder`],
/// [`ExportError::NoFolder`] (the parent of `dir` is missing),
/// [`ExportError::Io`], [`ExportError::Size`], [`ExportError::NoSteps`],
/// [`ExportError::Cancelled`].
pub fn export_steps(
    ds: &Dataset,
    cache: &MapCache,
    opts: &FigureOptions,
    format: FigureFormat,
    dir: &Path,
    force: bool,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Vec<PathBuf>, ExportError> {
    opts.validate()?;
    let total = ds.steps.len();
    if total == 0 {
        return Err(ExportError::NoSteps);
    }
    let names: Vec<String> = (0..total).map(|i| step_file_name(ds, i, format)).collect();
    let mut staged = StagedDir::begin(dir, &names, force)?;
    if !progress(0, total) {
        staged.abort();
        return Err(ExportError::Cancelled);
    }
    for (i, name) in names.iter().enumerate() {
        let fig = figure_at_step(ds, cache, i, opts).ok_or(ExportError::NoSuchStep {
            index: i + 1,
            count: total,
        })?;
        let bytes = format.encode(&fig)?;
        staged.add(name, &bytes)?;
        if !progress(i + 1, total) {
            staged.abort();
            return Err(ExportError::Cancelled);
        }
    }
    Ok(staged.commit()?)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn paper_sizes_at_300_dpi() {
        assert_eq!(paper_size(Paper::A4, 300).unwrap(), (3508, 2480));
        assert_eq!(paper_size(Paper::A5, 300).unwrap(), (2480, 1748));
        assert_eq!(paper_size(Paper::A4, 1200).unwrap(), (14031, 9921));
        assert!(matches!(
            paper_size(Paper::A4, 2400),
            Err(ExportError::Dpi { dpi: 2400 })
        ));
        assert!(paper_size(Paper::A5, 10).is_err());
    }

    #[test]
    fn sizes_are_bounded() {
        assert!(check_size(64, 16_384).is_ok());
        let e = check_size(100_000, 100_000).unwrap_err().to_string();
        assert!(e.contains("100000×100000") && e.contains("16384"), "{e}");
        assert!(check_size(63, 100).is_err());
        for (_, w, h) in PRESETS {
            assert!(check_size(u64::from(w), u64::from(h)).is_ok());
        }
    }

    #[test]
    fn step_file_names() {
        let ds = crate::model::load_bundled().unwrap();
        assert_eq!(
            step_file_name(&ds, 0, FigureFormat::Png),
            "step-01-baseline.png"
        );
        assert_eq!(
            step_file_name(&ds, 6, FigureFormat::Svg),
            "step-07-aghdam-handover.svg"
        );
    }
}

#[cfg(test)]
mod message_tests {
    use super::*;
    use crate::i18n::Locale;

    fn every_error() -> Vec<ExportError> {
        let p = PathBuf::from("out/map.png");
        let io = |kind| std::io::Error::from(kind);
        vec![
            ExportError::Exists { path: p.clone() },
            ExportError::NoFolder {
                path: p.clone(),
                folder: PathBuf::from("out"),
            },
            ExportError::IsFolder { path: p.clone() },
            ExportError::NotFolder { path: p.clone() },
            ExportError::Io {
                action: "create",
                path: p.clone(),
                source: io(std::io::ErrorKind::PermissionDenied),
            },
            ExportError::Io {
                action: "rename into",
                path: p.clone(),
                source: io(std::io::ErrorKind::StorageFull),
            },
            ExportError::Io {
                action: "create the folder",
                path: p.clone(),
                source: io(std::io::ErrorKind::ReadOnlyFilesystem),
            },
            ExportError::Io {
                action: "move aside",
                path: p.clone(),
                source: io(std::io::ErrorKind::AlreadyExists),
            },
            ExportError::Io {
                action: "write",
                path: p,
                source: io(std::io::ErrorKind::NotFound),
            },
            ExportError::Size {
                width: 9000,
                height: 12,
            },
            ExportError::Dpi { dpi: 5000 },
            ExportError::Hold { secs: 0.1 },
            ExportError::NoSteps,
            ExportError::NoSuchStep {
                index: 20,
                count: 14,
            },
            ExportError::Encode {
                format: "PNG",
                message: "out of memory".to_owned(),
            },
            ExportError::Cancelled,
        ]
    }

    #[test]
    fn the_viewer_says_what_the_cli_says_in_english_and_arabic_words_in_arabic() {
        for e in every_error() {
            let msg = e.msg();
            assert_eq!(msg.render(Locale::EN), e.to_string());
            let ar = msg.render(Locale::AR);
            // Apart from the path, code in backquotes and the encoder's own
            // (labelled) words, the Arabic text has no Latin letters.
            let rest = ar
                .replace("out of memory", "")
                .replace("out/map.png", "")
                .replace("out", "")
                .replace("PNG", "");
            let rest: String = rest.split('`').step_by(2).collect();
            assert!(!rest.chars().any(|c| c.is_ascii_alphabetic()), "{e}: {ar}");
            assert!(
                ar.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c)),
                "{ar}"
            );
        }
    }
}
