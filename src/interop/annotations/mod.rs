//! W3C Web Annotations (<https://www.w3.org/TR/annotation-model/>) of the
//! citations, in both directions. docs/annotations.md says what is and is
//! not carried over.
//!
//! **Export** ([`export`]): every citation becomes one Annotation of an
//! AnnotationCollection, JSON-LD with the `http://www.w3.org/ns/anno.jsonld`
//! context (plus an `atlas:` prefix for our own terms):
//!
//! - the **target** is a `SpecificResource` whose `source` is the source
//!   text: `id` `urn:sha256:<hex>` (the SHA-256 of its bytes; a dataset
//!   records no URL for its sources), `format` `text/plain`, `language`,
//!   `textDirection`, `label` (its label), and `atlas:file`,
//!   `atlas:originalFileName`, `atlas:sha256`, `atlas:source` (the id);
//! - the **selectors** are a `TextQuoteSelector` (`exact` the quote,
//!   `prefix` and `suffix` up to [`CONTEXT_CHARS`] characters around it) and
//!   a `TextPositionSelector` (`start`, `end` in Unicode code points from 0,
//!   the way citations count);
//! - the **body** is a list of `TextualBody`s: the gloss (purpose
//!   `describing`), each step that uses the citation (`describing`: number,
//!   date, title; English and Arabic), each claim version it supports
//!   (`describing`: subject, value, who gives it), and each place whose
//!   change or agreed handover it supports (`tagging`: the place's name, and
//!   `describing`: what changes).
//!
//! **Import** ([`import`]) reads a W3C AnnotationCollection (with its
//! `first` page, or `items`), an AnnotationPage, a bare array of
//! annotations, or a Hypothesis API export (`rows`): each annotation whose
//! target is one of the dataset's sources becomes a citation. The source is
//! found by its SHA-256 (`urn:sha256:` or `atlas:sha256`), its id
//! (`atlas:source`), or its file name at the end of the target's URL;
//! `--source ID` names it for the rest. The position is kept when the text
//! there is the quote; otherwise the quote is re-anchored where it occurs,
//! preferring the occurrence whose surroundings match `prefix` and
//! `suffix`, then the one nearest the old position. Annotations that cannot
//! be anchored are reported with their index and the rest imported.

mod export;
mod import;

pub use export::export;
pub use import::{Anchored, AnnotationImport, anchor, import, new_citations_toml};

/// The JSON-LD context of the Web Annotation model.
pub const ANNO_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// The IRI our `atlas:` terms expand to.
pub const ATLAS_VOCAB: &str = "urn:karabakh-atlas:vocab:";
/// How many characters of context `prefix` and `suffix` hold at most.
pub const CONTEXT_CHARS: usize = 32;

/// The IRI of a source text: `urn:sha256:<hex>` of its bytes.
#[must_use]
pub fn source_iri(text: &str) -> String {
    format!("urn:sha256:{}", sha256_hex(text))
}

/// The SHA-256 of `text`'s UTF-8 bytes, in lower-case hex.
#[must_use]
pub fn sha256_hex(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
