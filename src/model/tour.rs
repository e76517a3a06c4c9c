//! Tours: ordered walks through some of the steps, for teaching, with notes
//! for the teacher and questions for the class; and the part of the map each
//! step is about.
//!
//! A tour file is TOML (format in data/README.md, "Tours"); its id is the
//! file stem. A dataset lists its own tours in `dataset.toml`; any other tour
//! file can be opened with `--tour FILE`. Every dataset also has the default
//! tour, [`default_tour`]: every step in order.

use std::path::Path;

use toml::Spanned;

use super::diag::{Detail, Diagnostic, LoadError, Msg};
use super::geometry::{LonLat, Shape};
use super::load::{decode_utf8, toml_diagnostic};
use super::raw::{RawLocalized, RawSeconds, RawTourFile};
use super::types::{Dataset, Extent, Localized, Step, Tour, TourStop};

/// The id of the default tour (every step in order). No tour file may use it.
pub const DEFAULT_TOUR_ID: &str = "all-steps";

/// Autoplay hold, seconds, when a tour file gives none (and for the default
/// tour): long enough to read a step's title and summary aloud.
pub const DEFAULT_HOLD: f32 = 10.0;

/// The longest hold a tour may ask for, seconds.
pub const MAX_HOLD: f32 = 600.0;

/// Margin added on each side of a step's places by [`step_extent`], as a
/// fraction of their bounding box's size.
pub const EXTENT_MARGIN: f64 = 0.25;

/// The smallest width and height, degrees, [`step_extent`] returns for a
/// computed box, so a small place is shown with its surroundings.
pub const MIN_EXTENT_SPAN: f64 = 0.3;

impl Tour {
    /// How long autoplay holds stop `stop`, seconds (the stop's own hold or
    /// the tour's default; the default for an index past the end).
    #[must_use]
    pub fn hold_of(&self, stop: usize) -> f32 {
        self.stops
            .get(stop)
            .and_then(|s| s.hold)
            .unwrap_or(self.hold)
    }

    /// The first stop that shows step `step` (an index into
    /// [`Dataset::steps`]), if the tour shows it.
    #[must_use]
    pub fn stop_of_step(&self, step: usize) -> Option<usize> {
        self.stops.iter().position(|s| s.step == step)
    }

    /// Autoplay time of the whole tour, seconds.
    #[must_use]
    pub fn total_hold(&self) -> f32 {
        (0..self.stops.len()).map(|i| self.hold_of(i)).sum()
    }
}

/// The default tour: every step of `ds` in order, with no notes or
/// questions, each held [`DEFAULT_HOLD`] seconds.
#[must_use]
pub fn default_tour(ds: &Dataset) -> Tour {
    let n = ds.steps.len();
    let text =
        |en: String, ar: String| Localized([("en".to_owned(), en), ("ar".to_owned(), ar)].into());
    Tour {
        id: DEFAULT_TOUR_ID.to_owned(),
        title: text(
            "Every step in order".to_owned(),
            "كل الخطوات بالترتيب".to_owned(),
        ),
        description: text(
            format!("All {n} steps of the timeline, in order."),
            format!("خطوات الخط الزمني كلها ({n})، بالترتيب."),
        ),
        hold: DEFAULT_HOLD,
        stops: (0..n)
            .map(|step| TourStop {
                step,
                notes: Localized::default(),
                questions: Vec::new(),
                hold: None,
            })
            .collect(),
    }
}

/// Parse and check the text of a tour file against `ds`. `label` names the
/// file in diagnostics; `id` becomes the tour's id.
///
/// # Errors
/// Every problem found, each with `label`, line and column: TOML syntax or an
/// unknown field, a step id the dataset does not have, a hold that is not a
/// number of seconds in 0 (excluded) to 600, text with no English, no stops,
/// a `{source:ID}` reference to a source the dataset does not have.
pub fn parse_tour(label: &str, text: &str, id: &str, ds: &Dataset) -> Result<Tour, LoadError> {
    let mut tour = parse_tour_steps(label, text, id, &ds.steps)
        .map_err(|diagnostics| LoadError { diagnostics })?;
    // `{source:ID}` references: checked against the dataset, then shown as
    // the sources' titles.
    super::load::check_tour_references(label, text, &mut tour, ds)
        .map_err(|diagnostics| LoadError { diagnostics })?;
    Ok(tour)
}

/// Read, parse and check the tour file at `path` against `ds`; the tour's id
/// is the file stem.
///
/// # Errors
/// A missing or unreadable file, text that is not UTF-8, and everything
/// [`parse_tour`] reports.
pub fn load_tour_file(path: &Path, ds: &Dataset) -> Result<Tour, LoadError> {
    let label = path.display().to_string();
    let fail = |d: Diagnostic| LoadError {
        diagnostics: vec![d],
    };
    if path.is_dir() {
        return Err(fail(
            Diagnostic::new(&label, Msg::new("tour-is-folder"))
                .help(Msg::new("tour-is-folder-help")),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        let msg = match e.kind() {
            std::io::ErrorKind::NotFound => Msg::new("tour-not-found"),
            _ => Msg::new("tour-unreadable").detail("detail", Detail::io(&e)),
        };
        fail(Diagnostic::new(&label, msg).help(Msg::new("tour-not-found-help")))
    })?;
    let text = decode_utf8(&label, bytes).map_err(fail)?;
    let id = path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    parse_tour(&label, &text, &id, ds)
}

/// The tour `--tour FILE` names (`None` without `--tour`), and the index of
/// the stop to start at: the first stop showing step `--step N` (1-based, as
/// `karabakh-atlas steps` numbers them), or the first stop.
///
/// # Errors
/// Everything [`load_tour_file`] reports, and a `--step` whose step the tour
/// does not show (the message lists the step numbers it does show).
pub fn resolve_tour_start(
    ds: &Dataset,
    tour: Option<&Path>,
    step: Option<usize>,
) -> Result<Option<(Tour, usize)>, LoadError> {
    let Some(path) = tour else {
        return Ok(None);
    };
    let tour = load_tour_file(path, ds)?;
    let Some(n) = step else {
        return Ok(Some((tour, 0)));
    };
    match n.checked_sub(1).and_then(|i| tour.stop_of_step(i)) {
        Some(stop) => Ok(Some((tour, stop))),
        None => {
            let mut shown: Vec<usize> = tour.stops.iter().map(|s| s.step + 1).collect();
            shown.sort_unstable();
            shown.dedup();
            Err(LoadError {
                diagnostics: vec![
                    Diagnostic::new(
                        path.display().to_string(),
                        Msg::new("tour-step-not-shown")
                            .num("step", n)
                            .text("id", &tour.id)
                            .arg(
                                "shown",
                                super::diag::MsgArg::Figure(
                                    shown
                                        .iter()
                                        .map(ToString::to_string)
                                        .collect::<Vec<_>>()
                                        .join(", "),
                                ),
                            ),
                    )
                    .help(Msg::new("tour-step-not-shown-help")),
                ],
            })
        }
    }
}

/// What the map should show for step `step_index`: the step's own `extent`
/// when the timeline gives one; otherwise the bounding box of the places the
/// step changes or has pending, grown by [`EXTENT_MARGIN`] on each side and
/// to at least [`MIN_EXTENT_SPAN`] degrees each way; `None` (fit the whole
/// map) for a step that touches no place on the map, or no such step.
#[must_use]
pub fn step_extent(ds: &Dataset, step_index: usize) -> Option<Extent> {
    let step = ds.steps.get(step_index)?;
    if let Some(e) = step.extent {
        return Some(e);
    }
    let bounds = step
        .touched_places()
        .into_iter()
        .filter_map(|id| ds.map.feature(id))
        .filter_map(|f| shape_bounds(&f.shape))
        .reduce(|a, b| a.union(&b))?;
    Some(grow(bounds))
}

/// The bounding box of a shape (`None` for a shape with no points).
fn shape_bounds(shape: &Shape) -> Option<Extent> {
    let point = |p: &LonLat| Extent {
        west: p[0],
        south: p[1],
        east: p[0],
        north: p[1],
    };
    let points: Box<dyn Iterator<Item = &LonLat>> = match shape {
        Shape::Area(polys) => Box::new(polys.iter().flatten().flatten()),
        Shape::Lines(lines) => Box::new(lines.iter().flatten()),
        Shape::Point(p) => Box::new(std::iter::once(p)),
    };
    points.map(point).reduce(|a, b| a.union(&b))
}

/// `b` grown by the margin and to the minimum span, kept within the globe.
fn grow(b: Extent) -> Extent {
    let span = |size: f64| (size * (1.0 + 2.0 * EXTENT_MARGIN)).max(MIN_EXTENT_SPAN);
    let (cx, cy) = ((b.west + b.east) / 2.0, (b.south + b.north) / 2.0);
    let (hw, hh) = (span(b.width()) / 2.0, span(b.height()) / 2.0);
    Extent {
        west: (cx - hw).max(-180.0),
        south: (cy - hh).max(-90.0),
        east: (cx + hw).min(180.0),
        north: (cy + hh).min(90.0),
    }
}

/// [`parse_tour`] against a list of steps, for the dataset loader (which
/// checks tours before the dataset is assembled).
pub(crate) fn parse_tour_steps(
    label: &str,
    text: &str,
    id: &str,
    steps: &[Step],
) -> Result<Tour, Vec<Diagnostic>> {
    let raw: RawTourFile = toml::from_str(text).map_err(|e| {
        vec![toml_diagnostic(
            label,
            text,
            &e,
            Msg::new("tour-format-help"),
        )]
    })?;
    let mut c = Checker {
        label,
        text,
        errors: Vec::new(),
    };
    let title = c.localized(&raw.title, Msg::new("tour-what-title"));
    let description = raw
        .description
        .as_ref()
        .map(|d| c.localized(d, Msg::new("tour-what-description")))
        .unwrap_or_default();
    let hold = raw
        .hold
        .as_ref()
        .and_then(|h| c.hold(h, Msg::new("tour-what-hold")))
        .unwrap_or(DEFAULT_HOLD);
    let mut stops = Vec::new();
    for (i, s) in raw.stop.iter().enumerate() {
        let n = i + 1;
        let step = c.step(&s.step, steps);
        let hold = s
            .hold
            .as_ref()
            .and_then(|h| c.hold(h, Msg::new("tour-what-stop-hold").num("n", n)));
        let notes = s
            .notes
            .as_ref()
            .map(|t| c.localized(t, Msg::new("tour-what-stop-notes").num("n", n)))
            .unwrap_or_default();
        let questions = s
            .questions
            .iter()
            .enumerate()
            .map(|(q, t)| {
                let what = Msg::new("tour-what-stop-question")
                    .num("n", n)
                    .num("question", q + 1);
                c.localized(t, what)
            })
            .collect();
        if let Some(step) = step {
            stops.push(TourStop {
                step,
                notes,
                questions,
                hold,
            });
        }
    }
    if raw.stop.is_empty() {
        c.errors.push(
            Diagnostic::new(label, Msg::new("tour-no-stops"))
                .at_byte(text, text.len())
                .help(Msg::new("tour-no-stops-help")),
        );
    }
    if c.errors.is_empty() {
        Ok(Tour {
            id: id.to_owned(),
            title,
            description,
            hold,
            stops,
        })
    } else {
        Err(c.errors)
    }
}

struct Checker<'a> {
    label: &'a str,
    text: &'a str,
    errors: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn at<T>(&self, v: &Spanned<T>, message: Msg) -> Diagnostic {
        Diagnostic::new(self.label, message).at_byte(self.text, v.span().start)
    }

    fn localized(&mut self, raw: &Spanned<RawLocalized>, what: Msg) -> Localized {
        if raw.get_ref().get("en").is_none_or(|s| s.trim().is_empty()) {
            let d = self
                .at(raw, Msg::new("diag-no-english").msg("what", what))
                .help(Msg::new("tour-no-english-help"));
            self.errors.push(d);
        }
        Localized(raw.get_ref().clone())
    }

    fn hold(&mut self, raw: &Spanned<RawSeconds>, what: Msg) -> Option<f32> {
        let v = raw.get_ref().0;
        let key = if !v.is_finite() {
            Some("tour-hold-nan")
        } else if v <= 0.0 {
            Some("tour-hold-zero")
        } else if v > f64::from(MAX_HOLD) {
            Some("tour-hold-long")
        } else {
            None
        };
        let problem = key.map(|k| {
            Msg::new(k)
                .msg("what", what)
                .num("value", v)
                .num("limit", MAX_HOLD)
        });
        match problem {
            None => Some(v as f32),
            Some(msg) => {
                let d = self
                    .at(raw, msg)
                    .help(Msg::new("tour-hold-help").num("limit", MAX_HOLD));
                self.errors.push(d);
                None
            }
        }
    }

    fn step(&mut self, raw: &Spanned<String>, steps: &[Step]) -> Option<usize> {
        let id = raw.get_ref();
        if let Some(i) = steps.iter().position(|s| &s.id == id) {
            return Some(i);
        }
        let closest = steps
            .iter()
            .map(|s| (edit_distance(id, &s.id), s.id.as_str()))
            .min()
            .filter(|(d, s)| *d <= 3.max(s.len() / 3));
        let help = match closest {
            Some((_, s)) => Msg::new("tour-step-unknown-guess").text("guess", s),
            None => Msg::new("tour-step-unknown-help"),
        };
        let d = self
            .at(raw, Msg::new("tour-step-unknown").text("id", id))
            .help(help);
        self.errors.push(d);
        None
    }
}

/// Levenshtein distance in characters, for "did you mean".
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev + usize::from(ca != *cb);
            prev = row[j + 1];
            row[j + 1] = sub.min(prev + 1).min(row[j] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("aghdam-handover", "aghdam-handover"), 0);
        assert_eq!(edit_distance("agdam-handover", "aghdam-handover"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn grow_adds_the_margin_and_the_minimum_span() {
        let g = grow(Extent {
            west: 46.0,
            south: 39.0,
            east: 47.0,
            north: 39.1,
        });
        assert!((g.width() - 1.5).abs() < 1e-9, "{g:?}");
        assert!((g.height() - MIN_EXTENT_SPAN).abs() < 1e-9, "{g:?}");
        assert!((g.west - 45.75).abs() < 1e-9, "{g:?}");
    }
}
