//! The validated dataset: every id resolves, every quote is verbatim, every
//! tracked place has a state on every covered day.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::date::{Date, DateSpec};
use super::geometry::MapData;

/// Text by language tag; `en` is always present.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Localized(pub BTreeMap<String, String>);

impl Localized {
    /// English text only (a plain string in a dataset file).
    #[must_use]
    pub fn english(text: impl Into<String>) -> Self {
        Self(BTreeMap::from([("en".to_owned(), text.into())]))
    }

    /// The text in `lang`, falling back to English.
    #[must_use]
    pub fn get(&self, lang: &str) -> &str {
        self.0
            .get(lang)
            .or_else(|| self.0.get("en"))
            .map_or("", String::as_str)
    }

    /// The English text.
    #[must_use]
    pub fn en(&self) -> &str {
        self.get("en")
    }

    /// The text in `lang` only, with no fallback.
    #[must_use]
    pub fn exact(&self, lang: &str) -> Option<&str> {
        self.0.get(lang).map(String::as_str)
    }
}

/// A language tag naming one set of place names: a key of the `names`
/// tables in `places.toml` (`en`, `az`, `fa`, `hy-Latn`, …). Small and `Copy`
/// so settings and views can hold one.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NameTag {
    len: u8,
    bytes: [u8; NameTag::MAX],
}

impl NameTag {
    /// The longest tag, in bytes.
    pub const MAX: usize = 15;

    /// English, the language every name table has.
    pub const EN: Self = Self {
        len: 2,
        bytes: *b"en\0\0\0\0\0\0\0\0\0\0\0\0\0",
    };

    /// `s` as a tag: ASCII letters and digits in subtags of 1–8 characters
    /// joined by `-`, at most [`NameTag::MAX`] bytes; `None` otherwise.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        let valid_subtags = s
            .split('-')
            .all(|t| (1..=8).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_alphanumeric()));
        if s.is_empty() || s.len() > Self::MAX || !valid_subtags {
            return None;
        }
        let mut bytes = [0; Self::MAX];
        bytes[..s.len()].copy_from_slice(s.as_bytes());
        #[allow(clippy::cast_possible_truncation)]
        Some(Self {
            len: s.len() as u8,
            bytes,
        })
    }

    /// The tag as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        let n = usize::from(self.len).min(Self::MAX);
        std::str::from_utf8(&self.bytes[..n]).unwrap_or_default()
    }
}

impl std::fmt::Debug for NameTag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NameTag({})", self.as_str())
    }
}

impl std::fmt::Display for NameTag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for NameTag {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One set of place names the viewer offers ("Azerbaijani", "Armenian-side
/// names", …): declared in `dataset.toml` under `[[naming]]`, or derived from
/// the tags the places' name tables use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NameScheme {
    /// The key of these names in the places' `names` tables.
    pub tag: NameTag,
    /// How menus name the scheme, by language; `None` when the dataset does
    /// not say (menus then show the tag).
    pub label: Option<Localized>,
}

/// Where a dataset was loaded from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The dataset compiled into the binary.
    Bundled,
    /// A folder on disk.
    Folder(std::path::PathBuf),
}

/// The period the dataset describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// First covered day.
    pub from: Date,
    /// Last covered day.
    pub to: Date,
}

impl Coverage {
    /// Whether `date` is inside the covered period.
    #[must_use]
    pub fn contains(&self, date: Date) -> bool {
        self.from <= date && date <= self.to
    }
}

/// A party that can control a place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Controller {
    /// Stable id.
    pub id: String,
    /// Display names.
    pub names: Localized,
}

/// What a place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// An administrative district whose control the timeline tracks.
    District,
    /// A larger region whose control the timeline tracks, drawn above districts.
    Region,
    /// A town shown as a marker.
    Town,
}

impl PlaceKind {
    /// Whether the timeline tracks who controls places of this kind.
    #[must_use]
    pub fn is_tracked(self) -> bool {
        matches!(self, Self::District | Self::Region)
    }

    /// The kind's name as written in files.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::District => "district",
            Self::Region => "region",
            Self::Town => "town",
        }
    }
}

/// WGS84 coordinates in degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LatLon {
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lon: f64,
}

/// A place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    /// Stable id.
    pub id: String,
    /// What it is.
    pub kind: PlaceKind,
    /// Display names by naming scheme tag (see [`Dataset::naming`]).
    pub names: Localized,
    /// Spellings found in the sources, by language.
    pub aliases: BTreeMap<String, Vec<String>>,
    /// Administrative centre.
    pub centre: Option<LatLon>,
    /// Notes by language.
    pub note: Localized,
    /// How the legend names the place's outline, by language (optional).
    pub legend: Localized,
}

/// A verbatim passage of a source with a gloss.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Passage {
    /// The exact words.
    pub text: String,
    /// Their meaning, in our own words, by language (see
    /// [`Source::gloss`] for when to show it).
    pub gloss: Localized,
}

/// A date a source states, with its wording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatedDate {
    /// The exact words.
    pub text: String,
    /// The date.
    pub date: DateSpec,
    /// What it is the date of, by language (see [`Source::gloss`]).
    pub gloss: Localized,
}

/// Writing direction of a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Right to left (Arabic, Hebrew, ...).
    Rtl,
    /// Left to right.
    Ltr,
}

/// A source text and its metadata.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    /// Stable id.
    pub id: String,
    /// Path relative to the dataset's `sources/` folder.
    pub file: String,
    /// File name as received.
    pub original_file_name: String,
    /// SHA-256 of the bytes, as recorded (and verified) when given.
    pub sha256: Option<String>,
    /// Language tag.
    pub language: String,
    /// Writing direction.
    pub direction: Direction,
    /// Short label, by language.
    pub label: Localized,
    /// Headline as printed.
    pub headline: Option<Passage>,
    /// Publisher, where the text names it.
    pub publisher: Option<Passage>,
    /// Agencies the text names.
    pub agencies: Vec<Passage>,
    /// Dateline as printed.
    pub dateline: Option<Passage>,
    /// Page date as printed.
    pub page_date: Option<Passage>,
    /// Event dates the text states.
    pub stated_dates: Vec<StatedDate>,
    /// Remarks, by language.
    pub note: Option<Localized>,
    /// The full text.
    #[serde(skip)]
    pub text: String,
}

impl Source {
    /// Whether the text is written in language `lang` (compared by primary
    /// language subtag, ignoring case: `ar` matches `ar-EG`).
    #[must_use]
    pub fn is_in(&self, lang: &str) -> bool {
        primary_subtag(&self.language).eq_ignore_ascii_case(primary_subtag(lang))
    }

    /// A gloss of this source's words as a reader of `lang` should see it:
    /// `None` when the source is written in `lang` (the reader reads the
    /// words themselves), else the gloss in `lang`, English where the
    /// dataset has none.
    #[must_use]
    pub fn gloss<'a>(&self, gloss: &'a Localized, lang: &str) -> Option<&'a str> {
        let text = gloss.get(lang);
        (!self.is_in(lang) && !text.trim().is_empty()).then_some(text)
    }
}

/// The primary subtag of a language tag: `ar` of `ar-EG`.
fn primary_subtag(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

/// A verbatim quote from a source, at a verified position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// Stable id.
    pub id: String,
    /// Source id.
    pub source: String,
    /// The exact words.
    pub quote: String,
    /// Character offset (Unicode scalar values, 0-based) of the first character.
    pub offset: usize,
    /// Byte range of the quote in the source text (derived from `offset`).
    #[serde(skip)]
    pub byte_range: std::ops::Range<usize>,
    /// 1-based line of the quote's first character in the source file.
    pub line: usize,
    /// Who speaks in the quote, if not the source's own voice, by language.
    pub speaker: Option<Localized>,
    /// The quote's meaning in our own words, by language (see
    /// [`Source::gloss`]).
    pub gloss: Localized,
}

/// What kind of value a claim's versions hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// A `YYYY-MM-DD` date.
    Date,
    /// A number or count, as free text.
    Number,
    /// Free text.
    Text,
}

/// One version of a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimVersion {
    /// The value as written, by language (a `YYYY-MM-DD` date under `en`
    /// for `date` claims).
    pub value: Localized,
    /// The value as a date, for `date` claims.
    pub date: Option<Date>,
    /// Who says so, by language.
    pub according_to: Localized,
    /// Citation ids.
    pub citations: Vec<String>,
}

/// A claim and all its versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Claim {
    /// Stable id.
    pub id: String,
    /// What it is about.
    pub subject: Localized,
    /// Value kind.
    pub kind: ClaimKind,
    /// Whether the versions contradict each other.
    pub disputed: bool,
    /// Why they differ or agree, by language.
    pub note: Option<Localized>,
    /// Every version.
    pub versions: Vec<ClaimVersion>,
}

/// How the sources support a change of control or an agreed handover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// A text states it in its own voice.
    #[default]
    Reported,
    /// A party says so ([`Evidence::claimed_by`]).
    Claimed,
    /// It follows from what the sources say ([`Evidence::basis_note`]
    /// gives the reasoning).
    Inferred,
}

impl Basis {
    /// Every basis, in the order the legend lists them.
    pub const ALL: [Self; 3] = [Self::Reported, Self::Claimed, Self::Inferred];

    /// `reported`, `claimed` or `inferred`, as in the dataset files and JSON.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reported => "reported",
            Self::Claimed => "claimed",
            Self::Inferred => "inferred",
        }
    }

    /// The basis written `s` in a dataset file.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.as_str() == s)
    }
}

/// Whether control is of the whole place or of part of it, as the sources
/// say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reach {
    /// The whole place.
    #[default]
    Whole,
    /// A part of it.
    Part,
}

impl Reach {
    /// `whole` or `part`, as in the dataset files and JSON.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Whole => "whole",
            Self::Part => "part",
        }
    }

    /// The reach written `s` in a dataset file.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        [Self::Whole, Self::Part]
            .into_iter()
            .find(|r| r.as_str() == s)
    }
}

/// How the sources support a change or a pending handover: its basis, who
/// claims it, why it is inferred, and whether it concerns the whole place.
///
/// In JSON the fields sit beside the state's others: `basis`, `claimed_by`
/// and `claim_citations` (claimed only), `basis_note` (when given) and
/// `extent` (`whole` or `part`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// Reported, claimed or inferred.
    pub basis: Basis,
    /// The controller id of the party that claims it (claimed only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claimed_by: Option<String>,
    /// Citation ids of the claim (claimed only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub claim_citations: Vec<String>,
    /// The reasoning (required when inferred), by language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis_note: Option<Localized>,
    /// Whole place or part of it.
    #[serde(rename = "extent")]
    pub reach: Reach,
}

impl Evidence {
    /// Whether a text states it in its own voice, of the whole place: the
    /// default, drawn plainly.
    #[must_use]
    pub fn is_plain(&self) -> bool {
        self.basis == Basis::Reported && self.reach == Reach::Whole
    }
}

/// A change of control caused by a step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Place id.
    pub place: String,
    /// New controller id.
    pub to: String,
    /// When it happened (the step's date unless given).
    pub when: DateSpec,
    /// Citation ids.
    pub citations: Vec<String>,
    /// How the sources support it.
    #[serde(flatten)]
    pub evidence: Evidence,
}

/// A handover agreed at a step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pending {
    /// Place id.
    pub place: String,
    /// Controller id it is to pass to.
    pub to: String,
    /// Id of the date claim giving the deadline.
    pub deadline: String,
    /// Citation ids.
    pub citations: Vec<String>,
    /// How the sources support it.
    #[serde(flatten)]
    pub evidence: Evidence,
}

/// One step of the timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    /// Stable id.
    pub id: String,
    /// When it happened.
    pub date: DateSpec,
    /// How the date follows from the sources, when not stated outright, by
    /// language.
    pub date_note: Option<Localized>,
    /// Title by language.
    pub title: Localized,
    /// Summary by language.
    pub summary: Localized,
    /// Citation ids.
    pub citations: Vec<String>,
    /// Claim ids.
    pub claims: Vec<String>,
    /// Control changes.
    pub changes: Vec<Change>,
    /// Agreed handovers.
    pub pending: Vec<Pending>,
    /// The part of the map to show, when the timeline gives one (see
    /// `model::tour::step_extent` for the default).
    pub extent: Option<Extent>,
}

impl Step {
    /// The places this step changes or agrees to hand over, without repeats,
    /// in file order: what a presenter highlights and the camera frames.
    #[must_use]
    pub fn touched_places(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        let ids = self.changes.iter().map(|c| c.place.as_str());
        for id in ids.chain(self.pending.iter().map(|p| p.place.as_str())) {
            if !out.contains(&id) {
                out.push(id);
            }
        }
        out
    }
}

/// A bounding box in WGS84 degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Extent {
    /// Westmost longitude.
    pub west: f64,
    /// Southmost latitude.
    pub south: f64,
    /// Eastmost longitude.
    pub east: f64,
    /// Northmost latitude.
    pub north: f64,
}

impl Extent {
    /// East-west size, degrees of longitude.
    #[must_use]
    pub fn width(&self) -> f64 {
        self.east - self.west
    }

    /// North-south size, degrees of latitude.
    #[must_use]
    pub fn height(&self) -> f64 {
        self.north - self.south
    }

    /// Whether `other` lies entirely inside this box (edges included).
    #[must_use]
    pub fn contains(&self, other: &Self) -> bool {
        self.west <= other.west
            && other.east <= self.east
            && self.south <= other.south
            && other.north <= self.north
    }

    /// The smallest box holding both.
    #[must_use]
    pub fn union(&self, other: &Self) -> Self {
        Self {
            west: self.west.min(other.west),
            south: self.south.min(other.south),
            east: self.east.max(other.east),
            north: self.north.max(other.north),
        }
    }
}

/// One stop of a tour: a step shown with the teacher's material.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TourStop {
    /// Index into [`Dataset::steps`].
    pub step: usize,
    /// Notes for the teacher (shown in the speaker window only), by language.
    pub notes: Localized,
    /// Questions for the class, each by language.
    pub questions: Vec<Localized>,
    /// How long autoplay holds this stop, seconds (`None`: the tour's default).
    pub hold: Option<f32>,
}

/// An ordered walk through some of the steps, for teaching.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tour {
    /// Stable id (the file stem for tour files).
    pub id: String,
    /// Title by language.
    pub title: Localized,
    /// What the tour covers, by language.
    pub description: Localized,
    /// Default autoplay hold, seconds.
    pub hold: f32,
    /// The stops, in the order they are presented.
    pub stops: Vec<TourStop>,
}

/// Lookups derived from a dataset's places and steps, so that the state of
/// a place costs the number of its own changes, not of every change.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index {
    /// Position in `places` by place id.
    pub(super) places: HashMap<String, usize>,
    /// (step, change) positions of each place's changes, in step order.
    pub(super) changes: HashMap<String, Vec<(usize, usize)>>,
    /// (step, pending) positions of each place's agreed handovers.
    pub(super) pending: HashMap<String, Vec<(usize, usize)>>,
    /// Position in `sources` by source id.
    pub(super) sources: HashMap<String, usize>,
    /// Position in `citations` by citation id.
    pub(super) citations: HashMap<String, usize>,
    /// Position in `steps` by step id.
    pub(super) steps: HashMap<String, usize>,
}

/// A loaded, validated dataset.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// Where it came from.
    pub origin: Origin,
    /// Title.
    pub title: Localized,
    /// Description.
    pub description: Localized,
    /// The map data's credit, by language (may be empty).
    pub map_attribution: Localized,
    /// The sets of place names the viewer offers, in menu order (English
    /// first unless `dataset.toml` orders them otherwise).
    pub naming: Vec<NameScheme>,
    /// Covered period.
    pub coverage: Coverage,
    /// Controllers.
    pub controllers: Vec<Controller>,
    /// Places.
    pub places: Vec<Place>,
    /// Sources.
    pub sources: Vec<Source>,
    /// Citations.
    pub citations: Vec<Citation>,
    /// Claims.
    pub claims: Vec<Claim>,
    /// Steps, in chronological order.
    pub steps: Vec<Step>,
    /// Geometry.
    pub map: MapData,
    /// Lookups by place id, derived from `places` and `steps` when loading
    /// (see [`Dataset::reindex`]).
    pub index: Index,
    /// Tours shipped with the dataset (the default tour, every step in order,
    /// is not listed here: see `model::tour::default_tour`).
    pub tours: Vec<Tour>,
}
