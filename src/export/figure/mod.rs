//! A figure's layout, in points (the short side of every figure is
//! [`POINTS_ON_SHORT_SIDE`] points, so a figure looks the same at every
//! pixel size and only gets sharper):
//!
//! ```text
//! ┌──────────────────────────────────────────────┐
//! │ Title                           (Arabic title)│  header: dataset title,
//! │ Date                             (Arabic date)│  date, step
//! │ Step N of M: step title         (Arabic title)│
//! │ ┌───────────────────────────┐ ┌─────────────┐ │
//! │ │                           │ │ Key         │ │  map (clipped to its
//! │ │          map              │ │ ▇ entries   │ │  viewport) and legend
//! │ │                           │ │ scale bar   │ │  with the scale bar
//! │ └───────────────────────────┘ └─────────────┘ │  (below the map when
//! │ Sources for step N: …                         │  the figure is not
//! │ Made with Natural Earth. …                    │  landscape); footer
//! └──────────────────────────────────────────────┘
//! ```
//!
//! # How the pieces meet
//!
//! [`figure_svg`] ([`draw`]) gathers the words of a figure from [`content`]
//! (header lines, the source reference), has [`layout`] place the boxes
//! around them (wrapping text at widths [`measure`] gives from the bundled
//! fonts' glyph advances), and then writes the SVG. This file holds the
//! figure's options, the result, and the sizes every part shares.

mod content;
mod draw;
mod layout;
mod measure;

use super::{ExportError, check_size};
use crate::i18n::Locale;
use crate::model::Dataset;
use crate::model::Date;
use crate::scene::display::{MapCache, NameLang};
use crate::scene::projection::{Camera, Viewport};
use crate::scene::style::ThemeKind;

pub use content::source_reference;
pub use draw::figure_svg;

/// The short side of every figure in points; pixels per point is the short
/// side in pixels divided by this.
pub const POINTS_ON_SHORT_SIDE: f32 = 800.0;

const MARGIN: f32 = 28.0;
const GAP: f32 = 16.0;
const TITLE_SIZE: f32 = 24.0;
const DATE_SIZE: f32 = 18.0;
const STEP_SIZE: f32 = 15.0;
/// The footer's type: 16 points is 14.4 px on a 1280 × 720 GIF frame
/// (720 px for 800 points), legible on a projector.
const FOOT_SIZE: f32 = 16.0;
const LEGEND_SIZE: f32 = 12.5;
const LEGEND_TITLE_SIZE: f32 = 15.0;
const LINE_HEIGHT: f32 = 1.32;
/// The source reference's lines at most (fewer, larger lines).
const MAX_SOURCE_LINES: usize = 2;

/// What a figure looks like besides the date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FigureOptions {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Which place names the map shows.
    pub names: NameLang,
    /// Light or dark.
    pub theme: ThemeKind,
    /// The language of the figure's words, dates and numbers; an Arabic
    /// figure is laid out right to left (legend on the left, text on the
    /// right).
    pub locale: Locale,
}

impl Default for FigureOptions {
    /// 1920 × 1080, English, names in the figure's language, light theme.
    fn default() -> Self {
        Self {
            width: 1920,
            height: 1080,
            names: NameLang::Interface,
            theme: ThemeKind::Light,
            locale: Locale::EN,
        }
    }
}

impl FigureOptions {
    /// Check the size.
    ///
    /// # Errors
    /// [`ExportError::Size`] when a side is outside `MIN_SIDE..=MAX_SIDE`.
    pub fn validate(&self) -> Result<(), ExportError> {
        check_size(u64::from(self.width), u64::from(self.height))
    }

    /// Pixels per point: the short side in pixels over
    /// [`POINTS_ON_SHORT_SIDE`].
    #[must_use]
    #[allow(clippy::cast_precision_loss)] // sides are at most 16384
    pub fn pixels_per_point(&self) -> f32 {
        (self.width.min(self.height).max(1) as f32) / POINTS_ON_SHORT_SIDE
    }
}

/// A figure laid out as SVG, with where the map went so tools and tests can
/// find places in the pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The SVG, with `<text>` in the bundled font families (render it with
    /// [`super::render_png`] or convert it with [`super::svg_for_file`]).
    pub svg: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Pixels per point (points are the SVG's user units).
    pub pixels_per_point: f32,
    /// Where the map is drawn, in points.
    pub map_viewport: Viewport,
    /// The map's camera.
    pub camera: Camera,
    /// The projection's reference latitude.
    pub ref_lat: f64,
    /// The legend panel (x, y, width, height) in points, outside the map.
    pub legend: [f32; 4],
    /// The date shown.
    pub date: Date,
    /// The step shown (0-based): the one dated on `date`, or the last before.
    pub step: Option<usize>,
    /// The title (dataset title, date and step), for `<title>` and metadata.
    pub title: String,
    /// The date, step, source reference and attribution, for `<desc>`.
    pub description: String,
    /// `(element id, text)` of every text element, for aria-labels.
    pub texts: Vec<(String, String)>,
    /// The ids of the text elements of the source reference (a handout,
    /// which quotes its sources in full, leaves these lines out).
    pub source_texts: Vec<String>,
}

/// The figure of step `index` (0-based) at the step's date; `None` if there
/// is no such step.
#[must_use]
pub fn figure_at_step(
    ds: &Dataset,
    cache: &MapCache,
    index: usize,
    opts: &FigureOptions,
) -> Option<Figure> {
    let date = ds.step_date(index)?;
    Some(figure_svg(ds, cache, date, Some(index), opts))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::i18n::tr;
    use crate::model::load_bundled;

    #[test]
    fn every_step_puts_the_map_in_the_same_place() {
        let ds = load_bundled().unwrap();
        let cache = MapCache::new(&ds);
        for (w, h, names) in [
            (1920, 1080, NameLang::parse("en").unwrap()),
            (640, 360, NameLang::parse("ar").unwrap()),
            (700, 1000, NameLang::parse("az").unwrap()),
        ] {
            let opts = FigureOptions {
                width: w,
                height: h,
                names,
                theme: ThemeKind::Light,
                locale: Locale::EN,
            };
            let first = figure_at_step(&ds, &cache, 0, &opts).unwrap();
            for i in 1..ds.steps.len() {
                let f = figure_at_step(&ds, &cache, i, &opts).unwrap();
                assert_eq!(f.map_viewport, first.map_viewport, "{w}x{h} step {}", i + 1);
                assert_eq!(f.camera, first.camera, "{w}x{h} step {}", i + 1);
                assert_eq!(f.legend, first.legend, "{w}x{h} step {}", i + 1);
            }
            let by_date = figure_svg(&ds, &cache, Date::parse("2021-06-01").unwrap(), None, &opts);
            assert_eq!(by_date.map_viewport, first.map_viewport);
            assert_eq!(by_date.step, Some(9));
        }
    }

    #[test]
    fn a_figure_says_how_the_sources_support_the_control_it_shows() {
        let ds = load_bundled().unwrap();
        let cache = MapCache::new(&ds);
        let step = |id: &str| ds.steps.iter().position(|s| s.id == id).unwrap();
        let opts = FigureOptions::default();
        let f = figure_at_step(&ds, &cache, step("talks-2023"), &opts).unwrap();
        // The legend explains the dots, the dashes and the paler fill (its
        // entries may wrap onto several lines).
        let all = f
            .texts
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        for label in [
            tr(Locale::EN, "legend-claimed"),
            tr(Locale::EN, "legend-inferred"),
            "Part of a place held by Armenian forces (paler, upright lines)".to_owned(),
        ] {
            assert!(all.contains(&label), "{label} not in {all}");
        }
        // The words under the map name the claimant and the inference.
        assert!(
            f.description.contains(
                "How the sources support it: Fuzuli, Jabrayil, Zangilan, Qubadli: inferred from the sources; Nagorno-Karabakh: according to Azerbaijan."
            ),
            "{}",
            f.description
        );
        // Before the war, the region is held in part, and nothing is claimed
        // or inferred.
        let f = figure_at_step(&ds, &cache, 0, &opts).unwrap();
        assert!(
            f.description
                .contains("How the sources support it: Nagorno-Karabakh: held in part only."),
            "{}",
            f.description
        );
        // In Arabic, the same in Arabic words.
        let ar = FigureOptions {
            locale: Locale {
                lang: crate::i18n::Lang::Ar,
                ..Locale::EN
            },
            ..opts
        };
        let f = figure_at_step(&ds, &cache, step("talks-2023"), &ar).unwrap();
        assert!(f.description.contains("بحسب أذربيجان"), "{}", f.description);
    }

    #[test]
    fn a_figure_has_its_words_and_is_deterministic() {
        let ds = load_bundled().unwrap();
        let cache = MapCache::new(&ds);
        let opts = FigureOptions::default();
        let a = figure_at_step(&ds, &cache, 6, &opts).unwrap();
        let b = figure_at_step(&ds, &cache, 6, &opts).unwrap();
        assert_eq!(a, b);
        assert!(a.svg.contains("20 November 2020"));
        assert!(a.svg.contains(
            "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com."
        ));
        assert!(a.svg.contains("Step 7 of 14"));
        assert!(a.texts.iter().any(|(_, t)| t == "Aghdam"));
        // The legend is outside the map.
        let vp = a.map_viewport;
        assert!(a.legend[0] >= vp.min[0] + vp.size[0] || a.legend[1] >= vp.min[1] + vp.size[1]);
        let portrait = FigureOptions {
            width: 1080,
            height: 1920,
            names: NameLang::parse("ar").unwrap(),
            ..opts
        };
        let p = figure_at_step(&ds, &cache, 6, &portrait).unwrap();
        assert!(p.legend[1] >= p.map_viewport.min[1] + p.map_viewport.size[1]);
        assert!(p.texts.iter().any(|(_, t)| t == "أغدام"));
    }
}
