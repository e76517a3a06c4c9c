//! The printable PDF handout of a tour ([`handout_pdf`]): a cover, then one
//! page per stop.
//!
//! - [`content`] gathers the words (dataset, tour, sources, citations) and
//!   flows them; [`fit`] chooses how large each stop is set so that it fits
//!   on one page (a smaller map, passages in two columns, less room to
//!   answer, and as a last resort smaller text, down to a floor; a stop
//!   that still does not fit continues on the next page, which says so);
//!   [`pages`] places lines, figures and answer rules on the paper and draws
//!   them with krilla; [`text`] shapes text with the bundled fonts (bidi
//!   runs from [`crate::text::bidi`], harfrust), so Arabic is real, joined,
//!   right-to-left text that can be selected and searched.
//! - The map of each stop is the figure export's SVG
//!   ([`super::figure_svg`]) drawn as vectors by krilla-svg, its text kept as
//!   text in the bundled fonts; [`alt`] says in words what it shows.
//! - The document is tagged PDF checked by krilla against PDF/UA-1
//!   ([`structure`]): headings (the cover's title, one per stop, the parts
//!   of a stop), paragraphs, quotes, lists, the figures with their
//!   alternative text, the language of every paragraph and of every run of
//!   text in another script, in reading order; running headers, page
//!   numbers and answer rules are artifacts. It has a title shown in the
//!   viewer's title bar, a language, subsets of the bundled fonts embedded,
//!   and a bookmark for the cover and each stop. krilla refuses to write a
//!   document that breaks a rule it checks; that is an error, not a panic.
//!
//! # Determinism
//!
//! The same inputs give the same bytes. The only date in the file is the
//! creation date given in [`HandoutOptions::created`] (the CLI takes it from
//! `SOURCE_DATE_EPOCH`); without one, the file has none.

mod alt;
mod content;
mod fit;
mod pages;
mod structure;
mod text;

use std::sync::{Arc, OnceLock};

use krilla::configure::{Accessibility, ConfigurationBuilder, ValidationError};
use krilla::error::KrillaError;
use krilla::metadata::{DateTime, Metadata};
use krilla::{Document, SerializeSettings};

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

/// The part of figure `fig` the handout shows, as left, top, right and
/// bottom in points: the map and its legend with the scale bar.
fn map_and_legend(fig: &super::Figure) -> [f32; 4] {
    const PAD: f32 = 6.0;
    let vp = fig.map_viewport;
    let [lx, ly, lw, lh] = fig.legend;
    [
        vp.min[0].min(lx) - PAD,
        vp.min[1].min(ly) - PAD,
        (vp.min[0] + vp.size[0]).max(lx + lw) + PAD,
        (vp.min[1] + vp.size[1]).max(ly + lh) + PAD,
    ]
}

/// The ids of the `<text>` elements of `svg` whose anchor lies outside
/// `rect` (left, top, right, bottom in points).
fn texts_outside(svg: &str, rect: [f32; 4]) -> Vec<String> {
    let attr = |tag: &str, name: &str| -> Option<String> {
        let key = format!(" {name}=\"");
        let start = tag.find(&key)? + key.len();
        let len = tag.get(start..)?.find('"')?;
        tag.get(start..start + len).map(str::to_owned)
    };
    let [x0, y0, x1, y1] = rect;
    svg.match_indices("<text ")
        .filter_map(|(at, _)| {
            let tag = svg.get(at..)?.split('>').next()?;
            let id = attr(tag, "id")?;
            let x: f32 = attr(tag, "x")?.parse().ok()?;
            let y: f32 = attr(tag, "y")?.parse().ok()?;
            (x < x0 || x > x1 || y < y0 || y > y1).then_some(id)
        })
        .collect()
}

/// `rect` (left, top, right, bottom in points of figure `fig`) as x, y,
/// width and height in the units of `tree` (the SVG is sized in pixels),
/// within the tree; the whole tree if that is empty.
fn in_tree_units(fig: &super::Figure, tree: &usvg047::Tree, rect: [f32; 4]) -> [f32; 4] {
    let size = tree.size();
    #[allow(clippy::cast_precision_loss)] // figure sizes are small
    let k = size.width() / (fig.width as f32 / fig.pixels_per_point);
    let x = (rect[0] * k).max(0.0);
    let y = (rect[1] * k).max(0.0);
    let crop = [
        x,
        y,
        (rect[2] * k).min(size.width()) - x,
        (rect[3] * k).min(size.height()) - y,
    ];
    if crop.iter().all(|v| v.is_finite()) && crop[2] > 1.0 && crop[3] > 1.0 {
        crop
    } else {
        [0.0, 0.0, size.width(), size.height()]
    }
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
    // The widths measured while fitting stops are for this handout only.
    struct Forget;
    impl Drop for Forget {
        fn drop(&mut self) {
            text::forget_widths();
        }
    }
    let _forget = Forget;
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
        // It shows only the map and the legend: the text outside them (the
        // header, which repeats the stop's date and title above it, and the
        // map credit, which is on the cover) is left out too.
        let shown = map_and_legend(&fig);
        let mut left_out = fig.source_texts.clone();
        left_out.extend(texts_outside(&fig.svg, shown));
        let tree = svg_tree(&without_texts(&fig.svg, &left_out))?;
        let crop = in_tree_units(&fig, &tree, shown);
        figures.push((tree, crop));
        let input = content::StopInput {
            stop,
            number: i + 1,
            total,
            figure: figures.len() - 1,
            aspect: crop[2] / crop[3].max(1.0),
            alt: alt::figure_alt(ds, date, opts.locale),
            teacher: opts.teacher,
        };
        let (fit, _fits) = fit::choose(
            flow.body_height(),
            content::passage_count(ds, &input) > 1,
            &mut |f| {
                let mut m = pages::Flow::measuring(pw);
                content::stop(&mut m, &words, ds, &input, f);
                m.used()
            },
        );
        content::stop(&mut flow, &words, ds, &input, &fit);
        if !progress(i + 1, total) {
            return Err(ExportError::Cancelled);
        }
    }
    let mut doc = Document::new_with(serialize_settings()?);
    let locale = opts.locale;
    let structure = pages::render(
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
    doc.set_tag_tree(structure.tree(opts.locale.lang.tag()));
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
        message: krilla_message(&e),
    })
}

/// Tagged PDF checked against PDF/UA-1: krilla refuses to write a document
/// that breaks one of the rules it can check.
fn serialize_settings() -> Result<SerializeSettings, ExportError> {
    let configuration = ConfigurationBuilder::new()
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| ExportError::Encode {
            format: "PDF",
            message: format!(
                "the PDF/UA-1 settings are not possible: {e:?} (this is a bug; please report it)"
            ),
        })?;
    Ok(SerializeSettings {
        configuration,
        enable_tagging: true,
        ..SerializeSettings::default()
    })
}

/// krilla's error in words: for a document that breaks PDF/UA-1, each rule
/// broken.
fn krilla_message(e: &KrillaError) -> String {
    match e {
        KrillaError::Validation(errors) => {
            let rules: Vec<String> = errors.iter().map(|(v, _)| rule_broken(v)).collect();
            format!(
                "the handout would not conform to PDF/UA-1: {} (this is a bug; please report it)",
                rules.join("; ")
            )
        }
        other => other.to_string(),
    }
}

/// One PDF/UA-1 rule broken, in words.
fn rule_broken(v: &ValidationError) -> String {
    match v {
        ValidationError::ContainsNotDefGlyph(_, _, text) => {
            format!("the bundled fonts have no glyph for {text:?}")
        }
        ValidationError::NoCodepointMapping(..) | ValidationError::InvalidCodepointMapping(..) => {
            "a glyph does not say which character it stands for".to_owned()
        }
        ValidationError::MissingAltText(_) => "a figure has no alternative text".to_owned(),
        ValidationError::MissingHeadingTitle => "a heading has no title".to_owned(),
        ValidationError::NoDocumentTitle => "the document has no title".to_owned(),
        ValidationError::MissingDocumentOutline => "the document has no bookmarks".to_owned(),
        ValidationError::MissingTagging => "the document is not tagged".to_owned(),
        other => format!("{other:?}"),
    }
}
