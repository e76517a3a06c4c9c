//! The dataset files as written on disk, before validation.
//!
//! These structs mirror the TOML files one to one (see data/README.md for the
//! format reference). Values whose errors need a line and column are wrapped
//! in [`Spanned`], which records their byte range in the file.
//!
//! They also derive the JSON Schemas in `data/schema/` (see
//! [`super::schema`]): each doc comment becomes the description an editor
//! shows, so they are written for people who edit the files.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use super::schema::{
    BasisSchema, ClaimKindSchema, DaySchema, DirectionSchema, EdtfSchema, IdSchema,
    LocalizedSchema, NameTagSchema, PlaceKindSchema, ReachSchema, Sha256Schema,
};

/// Text in several languages, keyed by language tag (`en`, `ar`, `az`, `hy`).
pub type RawLocalized = BTreeMap<String, String>;

/// Our own words shown to readers: a plain string, which is English, or a
/// table by language tag with `en` required, e.g. `{ en = "...", ar =
/// "..." }` (or the dotted keys `label.en = "..."`, `label.ar = "..."`).
/// The viewer shows the interface language, English where it is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawText {
    /// A plain string: English.
    Plain(String),
    /// Text by language tag.
    ByLanguage(RawLocalized),
}

impl RawText {
    /// The text by language tag (a plain string under `en`).
    #[must_use]
    pub fn to_localized(&self) -> RawLocalized {
        match self {
            Self::Plain(s) => BTreeMap::from([("en".to_owned(), s.clone())]),
            Self::ByLanguage(m) => m.clone(),
        }
    }
}

impl<'de> Deserialize<'de> for RawText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawText;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(
                    "a string (English) or a table of texts by language, e.g. { en = \"...\", ar = \"...\" }",
                )
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RawText, E> {
                Ok(RawText::Plain(v.to_owned()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<RawText, E> {
                Ok(RawText::Plain(v))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<RawText, A::Error> {
                let m =
                    RawLocalized::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(RawText::ByLanguage(m))
            }
        }
        d.deserialize_any(Visitor)
    }
}

impl JsonSchema for RawText {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let by_language = generator.subschema_for::<LocalizedSchema>();
        schemars::json_schema!({
            "description": "A plain string (English) or a table by language tag with `en` required, e.g. { en = \"...\", ar = \"...\" }. A source is named as {source:ID} (its id in sources.toml), which the viewer shows as the source's title; {{ writes a brace.",
            "anyOf": [
                { "type": "string" },
                by_language,
            ],
        })
    }
}

/// A date: a day `"2020-11-10"`; a range `{ from = "2020-09-27", to =
/// "2020-11-10" }` when the sources only bound the day (both ends included);
/// `{ before = "2020-09-27" }` for the situation before a day; or `{ after =
/// "2020-09-27" }` for a change on some day from then on that the sources do
/// not give (EDTF `"2020-09-27/.."`). Days are `YYYY-MM-DD`, proleptic
/// Gregorian, no time zone; every string may also be an EDTF level 0 or 1
/// date or interval (`"2020-10"`, `"-0330"`, `"2020-11-20~"`,
/// `"2020-09-27/2020-11-10"`, `"2020-09-27/.."`), read by
/// `crate::date::edtf::parse_edtf`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
#[schemars(rename = "Date")]
pub enum RawDate {
    /// A single day, `YYYY-MM-DD`, or any EDTF level 0 or 1 date or interval.
    Day(#[schemars(with = "EdtfSchema")] String),
    /// A closed range of days: the sources say it happened on one of them.
    Range {
        /// First possible day, `YYYY-MM-DD`.
        #[schemars(with = "EdtfSchema")]
        from: String,
        /// Last possible day, `YYYY-MM-DD` (not before `from`).
        #[schemars(with = "EdtfSchema")]
        to: String,
    },
    /// The situation before a day.
    Before {
        /// The first day the situation no longer describes, `YYYY-MM-DD`.
        #[schemars(with = "EdtfSchema")]
        before: String,
    },
    /// A change on some day from a day on, which the sources do not give (it
    /// may not have happened yet).
    After {
        /// The first day it may have happened on, `YYYY-MM-DD`.
        #[schemars(with = "EdtfSchema")]
        after: String,
    },
}

/// `dataset.toml`: the dataset's title, the period it describes, who can
/// control a place, and its tours.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "DatasetFile")]
pub struct RawDatasetFile {
    /// Title of the dataset, by language (`en` required), shown in the window
    /// title, About and summaries.
    #[schemars(with = "LocalizedSchema")]
    pub title: RawLocalized,
    /// What the dataset is about, by language.
    #[serde(default)]
    pub description: RawLocalized,
    /// The credit the map data's licence asks for, by language (e.g. "Made
    /// with Natural Earth."), printed on every exported figure and in the
    /// About window. Leave it out for your own drawings.
    #[serde(default)]
    pub map_attribution: RawLocalized,
    /// The period on every day of which each tracked place must have a
    /// defined state.
    #[schemars(with = "RawCoverage")]
    pub coverage: Spanned<RawCoverage>,
    /// Who can control a place (at least one when places.toml has districts
    /// or regions).
    #[serde(default)]
    pub controller: Vec<RawController>,
    /// Tour files shipped with the dataset, as paths relative to the dataset
    /// folder ending in `.toml` (e.g. `"tours/handovers.toml"`), in the order
    /// the viewer offers them. The file stem is the tour's id.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub tours: Vec<Spanned<String>>,
    /// The sets of place names the viewer offers in its "Place names" menus
    /// and `--names`, in menu order. Leave it out to offer every language the
    /// places' `names` tables use, English first; when given, it must list
    /// every key those tables use.
    #[serde(default)]
    pub naming: Vec<RawNameScheme>,
}

/// One set of place names: a key of the places' `names` tables and how menus
/// call it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "NameScheme")]
pub struct RawNameScheme {
    /// The key of these names in `places.toml` `names` tables: a language tag
    /// such as `az`, or a tag with a subtag such as `hy-Latn` (letters and
    /// digits, subtags of 1 to 8 characters joined by `-`, 15 at most).
    #[schemars(with = "NameTagSchema")]
    pub lang: Spanned<String>,
    /// What the menus call this set, by language (`en` required), e.g.
    /// `{ en = "Azerbaijani", ar = "الأذربيجانية" }`.
    #[schemars(with = "LocalizedSchema")]
    pub label: RawLocalized,
}

/// The covered period, both ends included.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Coverage")]
pub struct RawCoverage {
    /// First covered day, `YYYY-MM-DD`.
    #[schemars(with = "DaySchema")]
    pub from: String,
    /// Last covered day, `YYYY-MM-DD` (not before `from`).
    #[schemars(with = "DaySchema")]
    pub to: String,
}

/// A party that can control a place.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Controller")]
pub struct RawController {
    /// Stable id, used in timeline changes and in `state` output.
    #[schemars(with = "IdSchema")]
    pub id: Spanned<String>,
    /// Display names by language (`en` required).
    #[schemars(with = "LocalizedSchema")]
    pub names: RawLocalized,
}

/// `places.toml`: the districts and regions whose control the timeline
/// tracks, and the towns shown as markers.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "PlacesFile")]
pub struct RawPlacesFile {
    /// The places.
    #[serde(default)]
    pub place: Vec<RawPlace>,
}

/// A place.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Place")]
pub struct RawPlace {
    /// Stable id, used in timeline changes, map features and CLI output.
    #[schemars(with = "IdSchema")]
    pub id: Spanned<String>,
    /// `district` or `region` (areas whose control the timeline tracks; each
    /// needs a polygon with this id in `map.geojson`) or `town` (a marker).
    #[schemars(with = "PlaceKindSchema")]
    pub kind: Spanned<String>,
    /// Display names by language tag (`en` required), e.g. `{ en = "Lachin",
    /// az = "Laçın", ar = "لاتشين" }`. The keys are the dataset's naming
    /// schemes (`[[naming]]` in dataset.toml).
    #[schemars(with = "LocalizedSchema")]
    pub names: RawLocalized,
    /// Spellings that occur in the sources, by language; each must occur in
    /// a source of that language. An empty list means the corpus never names
    /// the place in that language.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, Vec<String>>")]
    pub aliases: BTreeMap<String, Vec<Spanned<String>>>,
    /// Administrative centre (required for towns).
    #[serde(default)]
    #[schemars(with = "Option<RawLatLon>")]
    pub centre: Option<Spanned<RawLatLon>>,
    /// Notes about the place, by language.
    #[serde(default)]
    pub note: RawLocalized,
    /// How the map legend names the place's outline (regions), by language.
    #[serde(default)]
    pub legend: RawLocalized,
}

/// WGS84 coordinates in degrees.
#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "LatLon")]
pub struct RawLatLon {
    /// Latitude, degrees north (-90 to 90).
    #[schemars(range(min = -90.0, max = 90.0))]
    pub lat: f64,
    /// Longitude, degrees east (-180 to 180).
    #[schemars(range(min = -180.0, max = 180.0))]
    pub lon: f64,
}

/// `sources.toml`: metadata of every source text, with verbatim passages.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "SourcesFile")]
pub struct RawSourcesFile {
    /// The sources.
    #[serde(default)]
    pub source: Vec<RawSource>,
}

/// One source text and what it states about itself.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Source")]
pub struct RawSource {
    /// Stable id, used by citations.
    #[schemars(with = "IdSchema")]
    pub id: Spanned<String>,
    /// Path of the text, relative to the dataset's `sources/` folder (no
    /// `..`, no absolute path). The file is UTF-8, byte for byte as received.
    #[schemars(with = "String")]
    pub file: Spanned<String>,
    /// The file name the text was received under (provenance).
    pub original_file_name: String,
    /// SHA-256 of the file's bytes, hex; checked at load when given.
    #[serde(default)]
    #[schemars(with = "Option<Sha256Schema>")]
    pub sha256: Option<Spanned<String>>,
    /// Language tag of the text (`ar` for the bundled corpus).
    pub language: String,
    /// Writing direction: `rtl` or `ltr`.
    #[schemars(with = "DirectionSchema")]
    pub direction: Spanned<String>,
    /// A short label for lists (a string, which is English, or a table by
    /// language).
    #[schemars(with = "RawText")]
    pub label: Spanned<RawText>,
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
    /// Remarks on the source, in our own words (a string, which is English,
    /// or a table by language).
    #[serde(default)]
    #[schemars(with = "Option<RawText>")]
    pub note: Option<Spanned<RawText>>,
}

/// A verbatim passage of a source and a gloss.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Passage")]
pub struct RawPassage {
    /// The exact words, as they occur in the source file (byte for byte).
    #[schemars(with = "String")]
    pub text: Spanned<String>,
    /// What they mean, in our own words (a string, which is English, or a
    /// table by language); shown only to readers of another language than
    /// the source's.
    #[schemars(with = "RawText")]
    pub gloss: Spanned<RawText>,
}

/// A date a source states.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "StatedDate")]
pub struct RawStatedDate {
    /// The exact words, as they occur in the source file.
    #[schemars(with = "String")]
    pub text: Spanned<String>,
    /// The date they give (or bound).
    #[schemars(with = "RawDate")]
    pub date: Spanned<RawDate>,
    /// What happened then, in our own words (a string, which is English, or
    /// a table by language); shown only to readers of another language than
    /// the source's.
    #[schemars(with = "RawText")]
    pub gloss: Spanned<RawText>,
}

/// `timeline.toml`: the steps, the citations they rest on, and the claims
/// the sources make.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "TimelineFile")]
pub struct RawTimelineFile {
    /// The steps, in chronological order (by first possible day).
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
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Step")]
pub struct RawStep {
    /// Stable id (tours refer to steps by it).
    #[schemars(with = "IdSchema")]
    pub id: Spanned<String>,
    /// When it happened, with its precision.
    #[schemars(with = "RawDate")]
    pub date: Spanned<RawDate>,
    /// The weekday the source names (`monday` ... `sunday`), checked against
    /// a single-day `date` when given.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub weekday: Option<Spanned<String>>,
    /// How the date follows from the sources, when they do not state it
    /// outright (a string, which is English, or a table by language).
    #[serde(default)]
    #[schemars(with = "Option<RawText>")]
    pub date_note: Option<Spanned<RawText>>,
    /// Title by language (`en` required), in our own neutral wording.
    #[schemars(with = "LocalizedSchema")]
    pub title: RawLocalized,
    /// Summary by language (`en` required), in our own neutral wording.
    #[schemars(with = "LocalizedSchema")]
    pub summary: RawLocalized,
    /// Ids of the citations backing the step (at least one).
    #[schemars(with = "Vec<String>")]
    pub citations: Vec<Spanned<String>>,
    /// Ids of the claims the step reports (their versions are shown together).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub claims: Vec<Spanned<String>>,
    /// Control changes the step causes.
    #[serde(default)]
    pub change: Vec<RawChange>,
    /// Handovers agreed at this step and carried out later.
    #[serde(default)]
    pub pending: Vec<RawPending>,
    /// The part of the map to show for this step (default: the places it
    /// changes or has pending, with a margin; the whole map if none).
    #[serde(default)]
    #[schemars(with = "Option<RawExtent>")]
    pub extent: Option<Spanned<RawExtent>>,
}

/// A bounding box in WGS84 degrees.
#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Extent")]
pub struct RawExtent {
    /// Westmost longitude, degrees east (-180 to 180, less than `east`).
    #[schemars(range(min = -180.0, max = 180.0))]
    pub west: f64,
    /// Southmost latitude, degrees north (-90 to 90, less than `north`).
    #[schemars(range(min = -90.0, max = 90.0))]
    pub south: f64,
    /// Eastmost longitude, degrees east (-180 to 180).
    #[schemars(range(min = -180.0, max = 180.0))]
    pub east: f64,
    /// Northmost latitude, degrees north (-90 to 90).
    #[schemars(range(min = -90.0, max = 90.0))]
    pub north: f64,
}

/// A change of control.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Change")]
pub struct RawChange {
    /// The id of a district or region in `places.toml`.
    #[schemars(with = "String")]
    pub place: Spanned<String>,
    /// The id of the new controller (`dataset.toml`).
    #[schemars(with = "String")]
    pub to: Spanned<String>,
    /// When it happened, if not the step's date; a range means the sources
    /// do not give the day.
    #[serde(default)]
    #[schemars(with = "Option<RawDate>")]
    pub when: Option<Spanned<RawDate>>,
    /// Ids of the citations for this change (at least one).
    #[schemars(with = "Vec<String>")]
    pub citations: Vec<Spanned<String>>,
    /// How the sources support it: `reported` (the default: a text states
    /// it in its own voice), `claimed` (a party says so: give `claimed_by`
    /// and `claim_citations`) or `inferred` (it follows from what the
    /// sources say: give the reasoning in `basis_note`).
    #[serde(default)]
    #[schemars(with = "Option<BasisSchema>")]
    pub basis: Option<Spanned<String>>,
    /// With `basis = "claimed"`: the id of the controller (`dataset.toml`)
    /// that claims it.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub claimed_by: Option<Spanned<String>>,
    /// With `basis = "claimed"`: ids of the citations where the party makes
    /// the claim (at least one).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub claim_citations: Vec<Spanned<String>>,
    /// Why the sources support it this way: required with `basis =
    /// "inferred"` (the reasoning), optional otherwise (a string, which is
    /// English, or a table by language).
    #[serde(default)]
    #[schemars(with = "Option<RawText>")]
    pub basis_note: Option<Spanned<RawText>>,
    /// Whether the sources speak of the `whole` place (the default) or of a
    /// `part` of it.
    #[serde(default)]
    #[schemars(with = "Option<ReachSchema>")]
    pub extent: Option<Spanned<String>>,
}

/// A handover agreed at a step and carried out by a later change of the
/// same place to the same controller.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Pending")]
pub struct RawPending {
    /// The id of a district or region in `places.toml`.
    #[schemars(with = "String")]
    pub place: Spanned<String>,
    /// The id of the controller it is to pass to.
    #[schemars(with = "String")]
    pub to: Spanned<String>,
    /// The id of the claim (of kind `date`) giving the deadline.
    #[schemars(with = "String")]
    pub deadline: Spanned<String>,
    /// Ids of the citations for the agreement (at least one).
    #[schemars(with = "Vec<String>")]
    pub citations: Vec<Spanned<String>>,
    /// How the sources support it: `reported` (the default: a text states
    /// it in its own voice), `claimed` (a party says so: give `claimed_by`
    /// and `claim_citations`) or `inferred` (it follows from what the
    /// sources say: give the reasoning in `basis_note`).
    #[serde(default)]
    #[schemars(with = "Option<BasisSchema>")]
    pub basis: Option<Spanned<String>>,
    /// With `basis = "claimed"`: the id of the controller (`dataset.toml`)
    /// that claims it.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub claimed_by: Option<Spanned<String>>,
    /// With `basis = "claimed"`: ids of the citations where the party makes
    /// the claim (at least one).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub claim_citations: Vec<Spanned<String>>,
    /// Why the sources support it this way: required with `basis =
    /// "inferred"` (the reasoning), optional otherwise (a string, which is
    /// English, or a table by language).
    #[serde(default)]
    #[schemars(with = "Option<RawText>")]
    pub basis_note: Option<Spanned<RawText>>,
    /// Whether the sources speak of the `whole` place (the default) or of a
    /// `part` of it.
    #[serde(default)]
    #[schemars(with = "Option<ReachSchema>")]
    pub extent: Option<Spanned<String>>,
}

/// A verbatim quote from a source, at a checked position.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Citation")]
pub struct RawCitation {
    /// Stable id.
    #[schemars(with = "IdSchema")]
    pub id: Spanned<String>,
    /// The source id (`sources.toml`).
    #[schemars(with = "String")]
    pub source: Spanned<String>,
    /// The exact words, copied from the source file (byte for byte: same
    /// letters, punctuation, quotation marks and spaces).
    #[schemars(with = "String")]
    pub quote: Spanned<String>,
    /// Offset of the quote's first character from the start of the file, in
    /// Unicode scalar values (characters), 0-based: not bytes, not UTF-16
    /// units, not grapheme clusters.
    #[schemars(with = "u64")]
    pub offset: Spanned<i64>,
    /// Who is speaking in the quote, if not the source's own voice (a
    /// string, which is English, or a table by language).
    #[serde(default)]
    #[schemars(with = "Option<RawText>")]
    pub speaker: Option<Spanned<RawText>>,
    /// What the quote says, in our own words, with attribution (a string,
    /// which is English, or a table by language); shown only to readers of
    /// another language than the source's.
    #[schemars(with = "RawText")]
    pub gloss: Spanned<RawText>,
}

/// A claim with one or more versions.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Claim")]
pub struct RawClaim {
    /// Stable id.
    #[schemars(with = "IdSchema")]
    pub id: Spanned<String>,
    /// What the claim is about, by language (`en` required).
    #[schemars(with = "LocalizedSchema")]
    pub subject: RawLocalized,
    /// `date`, `number` or `text`.
    #[schemars(with = "ClaimKindSchema")]
    pub kind: Spanned<String>,
    /// Whether the versions contradict each other (date claims whose
    /// versions differ must say `true`; `true` needs two versions).
    #[schemars(with = "bool")]
    pub disputed: Spanned<bool>,
    /// Why the versions differ or agree (a string, which is English, or a
    /// table by language).
    #[serde(default)]
    #[schemars(with = "Option<RawText>")]
    pub note: Option<Spanned<RawText>>,
    /// The versions, each with its citations (at least one).
    pub version: Vec<RawClaimVersion>,
}

/// One version of a claim.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "ClaimVersion")]
pub struct RawClaimVersion {
    /// The value: a `YYYY-MM-DD` date string for `date` claims, otherwise
    /// free text in our own words (a string, which is English, or a table by
    /// language).
    #[schemars(with = "RawText")]
    pub value: Spanned<RawText>,
    /// Who says so, in our own neutral voice (a string, which is English, or
    /// a table by language).
    #[schemars(with = "RawText")]
    pub according_to: Spanned<RawText>,
    /// Ids of the citations for this version (at least one).
    #[schemars(with = "Vec<String>")]
    pub citations: Vec<Spanned<String>>,
}

/// A number of seconds: a TOML integer or float (its range is checked after
/// parsing, so a bad value is reported with its position and the limits).
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

impl JsonSchema for RawSeconds {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Seconds".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "number",
            "exclusiveMinimum": 0,
            "maximum": super::tour::MAX_HOLD,
        })
    }
}

/// A tour file (`tours/*.toml`): an ordered walk through some of the steps,
/// with the teacher's notes and questions. The tour's id is the file stem.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "TourFile")]
pub struct RawTourFile {
    /// Title by language (`en` required).
    #[schemars(with = "LocalizedSchema")]
    pub title: Spanned<RawLocalized>,
    /// What the tour covers, by language (`en` required when given).
    #[serde(default)]
    #[schemars(with = "Option<LocalizedSchema>")]
    pub description: Option<Spanned<RawLocalized>>,
    /// Default autoplay time per stop, seconds (more than 0, at most 600;
    /// 10 when absent).
    #[serde(default)]
    #[schemars(with = "Option<RawSeconds>")]
    pub hold: Option<Spanned<RawSeconds>>,
    /// The stops, in the order they are presented (at least one).
    #[serde(default)]
    pub stop: Vec<RawTourStop>,
}

/// One stop of a tour.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "TourStop")]
pub struct RawTourStop {
    /// The id of a step in `timeline.toml` (a tour may skip, reorder and
    /// repeat steps).
    #[schemars(with = "IdSchema")]
    pub step: Spanned<String>,
    /// Autoplay time for this stop, seconds (more than 0, at most 600); the
    /// tour's `hold` when absent.
    #[serde(default)]
    #[schemars(with = "Option<RawSeconds>")]
    pub hold: Option<Spanned<RawSeconds>>,
    /// Notes for the teacher, by language (`en` required when given; shown
    /// in the speaker window only).
    #[serde(default)]
    #[schemars(with = "Option<LocalizedSchema>")]
    pub notes: Option<Spanned<RawLocalized>>,
    /// Questions for the class, each by language (`en` required).
    #[serde(default)]
    #[schemars(with = "Vec<LocalizedSchema>")]
    pub questions: Vec<Spanned<RawLocalized>>,
}
