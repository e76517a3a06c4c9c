//! The printable PDF handout of a tour ([`handout_pdf`]): a cover, then one
//! section per stop, each starting on a new page.
//!
//! - [`content`] gathers the words (dataset, tour, sources, citations) and
//!   flows them; [`pages`] places lines, figures and answer rules on the
//!   paper and draws them with krilla; [`text`] shapes text with the bundled
//!   fonts (bidi runs from [`crate::text::bidi`], harfrust), so Arabic is
//!   real, joined, right-to-left text that can be selected and searched.
//! - The map of each stop is the figure export's SVG
//!   ([`super::figure_svg`]) drawn as vectors by krilla-svg, its text kept as
//!   text in the bundled fonts.
//! - The document has page numbers, a title and a language in its metadata,
//!   subsets of the bundled fonts embedded, and a bookmark for the cover and
//!   each stop.
//!
//! # Determinism
//!
//! The same inputs give the same bytes. The only date in the file is the
//! creation date given in [`HandoutOptions::created`] (the CLI takes it from
//! `SOURCE_DATE_EPOCH`); without one, the file has none.

mod content;
mod pages;
mod text;

use std::sync::{Arc, OnceLock};

use krilla::Document;
use krilla::metadata::{DateTime, Metadata};

use super::{ExportError, FigureOptions, figure_svg};
use crate::i18n::Locale;
use crate::model::Dataset;
use crate::model::types::Tour;
use crate::scene::display::{MapCache, NameLang};
use crate::scene::style::ThemeKind;
use crate::text::bidi::Direction;

/// Paper sizes for the handout (portrait).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HandoutPaper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl HandoutPaper {
    /// Width and height in points.
    #[must_use]
    pub fn points(self) -> (f32, f32) {
        match self {
            Self::A4 => (595.28, 841.89),
            Self::Letter => (612.0, 792.0),
        }
    }
}

/// How the handout is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HandoutOptions {
    /// Paper size.
    pub paper: HandoutPaper,
    /// The handout's language (words, dates, digits; Arabic is laid out
    /// right to left).
    pub locale: Locale,
    /// Add the teacher's notes to each stop.
    pub teacher: bool,
    /// Seconds since 1970-01-01 UTC for the creation date, or none.
    pub created: Option<i64>,
}

/// Pixel size the map figures are laid out at (4:3; only their aspect and
/// text sizes matter for vectors).
const FIGURE_PX: (u32, u32) = (1200, 900);

/// The bundled fonts for usvg 0.47 (the version krilla-svg reads).
fn svg_fonts() -> Arc<usvg047::fontdb::Database> {
    static DB: OnceLock<Arc<usvg047::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg047::fontdb::Database::new();
        for (_, bytes) in crate::assets::FONTS {
            db.load_font_data(bytes.to_vec());
        }
        db.set_sans_serif_family("Noto Sans");
        Arc::new(db)
    })
    .clone()
}

fn svg_tree(svg: &str) -> Result<usvg047::Tree, ExportError> {
    let opt = usvg047::Options {
        font_family: "Noto Sans".to_owned(),
        languages: vec!["en".to_owned(), "ar".to_owned()],
        fontdb: svg_fonts(),
        ..usvg047::Options::default()
    };
    usvg047::Tree::from_str(svg, &opt).map_err(|e| ExportError::Render(e.to_string()))
}

/// `svg` without the text elements whose ids are in `ids`.
fn without_texts(svg: &str, ids: &[String]) -> String {
    let mut out = svg.to_owned();
    for id in ids {
        let open = format!("<text id=\"{id}\"");
        let Some(start) = out.find(&open) else {
            continue;
        };
        let Some(len) = out.get(start..).and_then(|rest| rest.find("</text>")) else {
            continue;
        };
        out.replace_range(start..start + len + "</text>".len(), "");
    }
    out
}

/// The creation date for krilla from seconds since the epoch (UTC).
fn date_time(secs: i64) -> Option<DateTime> {
    let ts = jiff::Timestamp::from_second(secs).ok()?;
    let dt = ts.to_zoned(jiff::tz::TimeZone::UTC).datetime();
    let u8_of = |v: i8| u8::try_from(v).ok();
    Some(
        DateTime::new(u16::try_from(dt.year()).ok()?)
            .month(u8_of(dt.month())?)
            .day(u8_of(dt.day())?)
            .hour(u8_of(dt.hour())?)
            .minute(u8_of(dt.minute())?)
            .second(u8_of(dt.second())?)
            .utc_offset_hour(0)
            .utc_offset_minute(0),
    )
}

/// The handout of `tour` as PDF bytes.
///
/// `progress(done, total)` is called before the first stop (`done` = 0)
/// and after each stop is laid out; returning `false` cancels.
///
/// # Errors
/// [`ExportError::NoSteps`] for a tour without stops,
/// [`ExportError::Render`] if a figure cannot be read (a bug),
/// [`ExportError::Encode`] if the PDF cannot be written,
/// [`ExportError::Cancelled`].
pub fn handout_pdf(
    ds: &Dataset,
    cache: &MapCache,
    tour: &Tour,
    opts: &HandoutOptions,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Vec<u8>, ExportError> {
    let total = tour.stops.len();
    if total == 0 {
        return Err(ExportError::NoSteps);
    }
    if !progress(0, total) {
        return Err(ExportError::Cancelled);
    }
    let words = content::Words {
        locale: opts.locale,
        dir: if opts.locale.is_rtl() {
            Direction::Rtl
        } else {
            Direction::Ltr
        },
    };
    let (pw, ph) = opts.paper.points();
    let mut flow = pages::Flow::new(pw, ph);
    content::cover(&mut flow, &words, ds, tour);
    let fig_opts = FigureOptions {
        width: FIGURE_PX.0,
        height: FIGURE_PX.1,
        names: NameLang::Interface,
        theme: ThemeKind::Light,
        locale: opts.locale,
    };
    let mut figures = Vec::with_capacity(total);
    for (i, stop) in tour.stops.iter().enumerate() {
        let date = ds.step_date(stop.step).ok_or(ExportError::NoSuchStep {
            index: stop.step + 1,
            count: ds.steps.len(),
        })?;
        let fig = figure_svg(ds, cache, date, Some(stop.step), &fig_opts);
        // The handout quotes the sources in full; the figure's source
        // reference line (ids and file names) is left out.
        let tree = svg_tree(&without_texts(&fig.svg, &fig.source_texts))?;
        let size = tree.size();
        figures.push(tree);
        content::stop(
            &mut flow,
            &words,
            ds,
            stop,
            i + 1,
            total,
            figures.len() - 1,
            size.width() / size.height().max(1.0),
            opts.teacher,
        );
        if !progress(i + 1, total) {
            return Err(ExportError::Cancelled);
        }
    }
    let mut doc = Document::new();
    let locale = opts.locale;
    pages::render(
        &mut doc,
        flow,
        &figures,
        &|n, of| {
            locale.tr_args(
                "handout-page",
                &[
                    (
                        "n",
                        crate::i18n::format::localize_digits(&n.to_string(), locale).into(),
                    ),
                    (
                        "total",
                        crate::i18n::format::localize_digits(&of.to_string(), locale).into(),
                    ),
                ],
            )
        },
        words.dir,
    );
    let lang = opts.locale.lang.tag();
    let title = format!("{} — {}", ds.title.get(lang), tour.title.get(lang));
    let mut meta = Metadata::new()
        .title(title)
        .description(ds.description.get(lang).to_owned())
        .language(lang.to_owned())
        .creator("karabakh-atlas".to_owned())
        .text_direction(if words.dir.is_rtl() {
            krilla::metadata::TextDirection::RightToLeft
        } else {
            krilla::metadata::TextDirection::LeftToRight
        });
    if let Some(dt) = opts.created.and_then(date_time) {
        meta = meta.creation_date(dt);
    }
    doc.set_metadata(meta);
    doc.finish().map_err(|e| ExportError::Encode {
        format: "PDF",
        message: format!("{e:?}"),
    })
}
