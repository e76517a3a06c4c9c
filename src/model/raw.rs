//! The dataset files as written on disk, before validation.
//!
//! These structs mirror the TOML files one to one (see data/README.md for the
//! format reference). Values whose errors need a line and column are wrapped
//! in [`Spanned`], which records their byte range in the file.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// Text in several languages, keyed by language tag (`en`, `ar`, `az`, `hy`).
pub type RawLocalized = BTreeMap<String, String>;

/// A date as written: `"2020-11-10"`, `{ from = "...", to = "..." }` or
/// `{ before = "..." }`.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum RawDate {
    /// A single day.
    Day(String),
    /// A closed range of days.
    Range {
        /// First possible day.
        from: String,
        /// Last possible day.
        to: String,
    },
    /// The situation before a day.
    Before {
        /// The first day the situation no longer describes.
        before: String,
    },
}

/// `dataset.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDatasetFile {
    /// Title of the dataset.
    pub title: RawLocalized,
    /// What the dataset is about.
    #[serde(default)]
    pub description: RawLocalized,
    /// The days on which every tracked place must have a defined state.
    pub coverage: Spanned<RawCoverage>,
    /// Who can control a place.
    #[serde(default)]
    pub controller: Vec<RawController>,
    /// Tour files shipped with the dataset, as paths relative to the dataset
    /// folder (e.g. `"tours/handovers.toml"`), in the order they are offered.
    #[serde(default)]
    pub tours: Vec<Spanned<String>>,
}

/// The covered period.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCoverage {
    /// First covered day.
    pub from: String,
    /// Last covered day.
    pub to: String,
}

/// A party that can control a place.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawController {
    /// Stable id, used in timeline changes and in `state` output.
    pub id: Spanned<String>,
    /// Display names.
    pub names: RawLocalized,
}

/// `places.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlacesFile {
    /// The places.
    #[serde(default)]
    pub place: Vec<RawPlace>,
}

/// A place.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlace {
    /// Stable id.
    pub id: Spanned<String>,
    /// `district` or `region` (areas whose control the timeline tracks) or `town`.
    pub kind: Spanned<String>,
    /// Display names by language.
    pub names: RawLocalized,
    /// Spellings that occur in the sources, by language.
    #[serde(default)]
    pub aliases: BTreeMap<String, Vec<Spanned<String>>>,
    /// Administrative centre.
    #[serde(default)]
    pub centre: Option<Spanned<RawLatLon>>,
    /// Notes about the place, by language.
    #[serde(default)]
    pub note: RawLocalized,
    /// How the legend names the place's outline (regions), by language.
    #[serde(default)]
    pub legend: RawLocalized,
}

/// WGS84 coordinates in degrees.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLatLon {
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lon: f64,
}

/// `sources.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSourcesFile {
    /// The sources.
    #[serde(default)]
    pub source: Vec<RawSource>,
}

/// One source text and what it states about itself.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// Stable id.
    pub id: Spanned<String>,
    /// Path of the text, relative to the dataset's `sources/` folder.
    pub file: Spanned<String>,
    /// The file name the text was received under (provenance).
    pub original_file_name: String,
    /// SHA-256 of the file's bytes, lower-case hex; checked at load when given.
    #[serde(default)]
    pub sha256: Option<Spanned<String>>,
    /// Language tag of the text.
    pub language: String,
    /// Writing direction: `rtl` or `ltr`.
    pub direction: Spanned<String>,
    /// A short English label for lists.
    pub label: String,
    /// The headline as printed, if the text has one.
    #[serde(default)]
    pub headline: Option<RawPassage>,
    /// The publisher, only where the text itself names it.
    #[serde(default)]
    pub publisher: Option<RawPassage>,
    /// News agencies the text names as its source for some statements.
    #[serde(default)]
    pub agencies: Vec<RawPassage>,
    /// The dateline as printed.
    #[serde(default)]
    pub dateline: Option<RawPassage>,
    /// A page date as printed (which may differ from the events' dates).
    #[serde(default)]
    pub page_date: Option<RawPassage>,
    /// Event dates the text states, each with its wording.
    #[serde(default)]
    pub stated_date: Vec<RawStatedDate>,
    /// Remarks on the source (English).
    #[serde(default)]
    pub note: Option<String>,
}

/// A verbatim passage of a source and an English gloss.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPassage {
    /// The exact words, as they occur in the source file.
    pub text: Spanned<String>,
    /// What they mean, in our own words.
    pub gloss: String,
}

/// A date a source states.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStatedDate {
    /// The exact words, as they occur in the source file.
    pub text: Spanned<String>,
    /// The date they give (or bound).
    pub date: Spanned<RawDate>,
    /// What happened then, in our own words.
    pub gloss: String,
}

/// `timeline.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTimelineFile {
    /// The steps, in display order.
    #[serde(default)]
    pub step: Vec<RawStep>,
    /// Citations: verbatim quotes with their position.
    #[serde(default)]
    pub citation: Vec<RawCitation>,
    /// Claims that one or more sources make, with every version.
    #[serde(default)]
    pub claim: Vec<RawClaim>,
}

/// One step of the timeline.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    /// Stable id.
    pub id: Spanned<String>,
    /// When it happened.
    pub date: Spanned<RawDate>,
    /// The weekday the source names, checked against `date` when given.
    #[serde(default)]
    pub weekday: Option<Spanned<String>>,
    /// How the date follows from the sources, when it is not stated outright.
    #[serde(default)]
    pub date_note: Option<String>,
    /// Title by language.
    pub title: RawLocalized,
    /// Summary by language.
    pub summary: RawLocalized,
    /// Citations backing the step.
    pub citations: Vec<Spanned<String>>,
    /// Claims the step reports.
    #[serde(default)]
    pub claims: Vec<Spanned<String>>,
    /// Control changes the step causes.
    #[serde(default)]
    pub change: Vec<RawChange>,
    /// Handovers agreed at this step and carried out later.
    #[serde(default)]
    pub pending: Vec<RawPending>,
    /// The part of the map to show for this step (default: the places it
    /// changes or has pending, with a margin).
    #[serde(default)]
    pub extent: Option<Spanned<RawExtent>>,
}

/// A bounding box in WGS84 degrees.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExtent {
    /// Westmost longitude, degrees east (-180..180, less than `east`).
    pub west: f64,
    /// Southmost latitude, degrees north (-90..90, less than `north`).
    pub south: f64,
    /// Eastmost longitude, degrees east (-180..180).
    pub east: f64,
    /// Northmost latitude, degrees north (-90..90).
    pub north: f64,
}

/// A change of control.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChange {
    /// The place.
    pub place: Spanned<String>,
    /// The new controller.
    pub to: Spanned<String>,
    /// When it happened, if not the step's date.
    #[serde(default)]
    pub when: Option<Spanned<RawDate>>,
    /// Citations for this change.
    pub citations: Vec<Spanned<String>>,
}

/// A handover agreed but not yet carried out.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPending {
    /// The place.
    pub place: Spanned<String>,
    /// The controller it is to pass to.
    pub to: Spanned<String>,
    /// The claim (of kind `date`) giving the deadline.
    pub deadline: Spanned<String>,
    /// Citations for the agreement.
    pub citations: Vec<Spanned<String>>,
}

/// A verbatim quote from a source.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCitation {
    /// Stable id.
    pub id: Spanned<String>,
    /// The source id.
    pub source: Spanned<String>,
    /// The exact words, copied from the source file.
    pub quote: Spanned<String>,
    /// Offset of the quote's first character from the start of the file, in
    /// Unicode scalar values (characters), 0-based.
    pub offset: Spanned<i64>,
    /// Who is speaking in the quote, if not the source's own voice.
    #[serde(default)]
    pub speaker: Option<String>,
    /// What the quote says, in our own words (English).
    pub gloss: String,
}

/// A claim with one or more versions.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClaim {
    /// Stable id.
    pub id: Spanned<String>,
    /// What the claim is about, by language.
    pub subject: RawLocalized,
    /// `date`, `number` or `text`.
    pub kind: Spanned<String>,
    /// Whether the versions contradict each other.
    pub disputed: Spanned<bool>,
    /// Why the versions differ or agree (English).
    #[serde(default)]
    pub note: Option<String>,
    /// The versions, each with its citations.
    pub version: Vec<RawClaimVersion>,
}

/// One version of a claim.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClaimVersion {
    /// The value: a `YYYY-MM-DD` date for `date` claims, otherwise free text.
    pub value: Spanned<String>,
    /// Who says so (attribution in the product's neutral voice).
    pub according_to: String,
    /// Citations for this version.
    pub citations: Vec<Spanned<String>>,
}

/// A number of seconds: a TOML integer or float (checked for range later).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RawSeconds(pub f64);

impl<'de> Deserialize<'de> for RawSeconds {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = RawSeconds;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a number of seconds, e.g. 10 or 7.5")
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<RawSeconds, E> {
                Ok(RawSeconds(v))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<RawSeconds, E> {
                Ok(RawSeconds(v as f64))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<RawSeconds, E> {
                Ok(RawSeconds(v as f64))
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// A tour file (`tours/*.toml`): an ordered walk through some of the steps,
/// with the teacher's notes and questions. The tour's id is the file stem.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTourFile {
    /// Title by language.
    pub title: Spanned<RawLocalized>,
    /// What the tour covers, by language.
    #[serde(default)]
    pub description: Option<Spanned<RawLocalized>>,
    /// Default autoplay time per stop, seconds (more than 0, at most 600).
    #[serde(default)]
    pub hold: Option<Spanned<RawSeconds>>,
    /// The stops, in the order they are presented.
    #[serde(default)]
    pub stop: Vec<RawTourStop>,
}

/// One stop of a tour.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTourStop {
    /// The id of a step in `timeline.toml` (a step may appear more than once).
    pub step: Spanned<String>,
    /// Autoplay time for this stop, seconds (more than 0, at most 600);
    /// the tour's `hold` when absent.
    #[serde(default)]
    pub hold: Option<Spanned<RawSeconds>>,
    /// Notes for the teacher, by language (shown in the speaker window only).
    #[serde(default)]
    pub notes: Option<Spanned<RawLocalized>>,
    /// Questions for the class, each by language.
    #[serde(default)]
    pub questions: Vec<Spanned<RawLocalized>>,
}
