//! Export: every citation as one Web Annotation (see the module
//! documentation of [`super`]).

use serde_json::{Value, json};

use super::{ANNO_CONTEXT, ATLAS_VOCAB, CONTEXT_CHARS, sha256_hex};
use crate::i18n::format::{DateSpecWords, date_spec};
use crate::i18n::{Locale, tr_args};
use crate::model::Dataset;
use crate::model::types::{Citation, Direction, Localized, Source};

/// The languages the bodies are written in, when the dataset has them.
const LANGS: [&str; 2] = ["en", "ar"];

/// A `TextualBody` with a purpose, in one language.
fn body(purpose: &str, value: &str, lang: &str) -> Value {
    json!({
        "type": "TextualBody",
        "purpose": purpose,
        "value": value,
        "format": "text/plain",
        "language": lang,
    })
}

/// One body per language `text` has (English always).
fn bodies(purpose: &str, text: &Localized, out: &mut Vec<Value>) {
    for lang in LANGS {
        if let Some(t) = text.exact(lang) {
            out.push(body(purpose, t, lang));
        }
    }
}

/// The target's source: the text, identified by its SHA-256.
fn source_json(s: &Source) -> Value {
    let sha = sha256_hex(&s.text);
    json!({
        "id": format!("urn:sha256:{sha}"),
        "type": "Text",
        "format": "text/plain",
        "language": s.language,
        "textDirection": if s.direction == Direction::Rtl { "rtl" } else { "ltr" },
        "label": s.label.en(),
        "atlas:source": s.id,
        "atlas:file": format!("sources/{}", s.file),
        "atlas:originalFileName": s.original_file_name,
        "atlas:sha256": sha,
    })
}

/// The selectors of citation `c` in `text`: the quote with up to
/// [`CONTEXT_CHARS`] characters either side, and its code-point range.
fn selectors(c: &Citation, text: &str) -> Value {
    let len = c.quote.chars().count();
    let before: Vec<char> = text.chars().take(c.offset).collect();
    let prefix: String = before[before.len().saturating_sub(CONTEXT_CHARS)..]
        .iter()
        .collect();
    let suffix: String = text
        .chars()
        .skip(c.offset + len)
        .take(CONTEXT_CHARS)
        .collect();
    json!([
        {
            "type": "TextQuoteSelector",
            "exact": c.quote,
            "prefix": prefix,
            "suffix": suffix,
        },
        {
            "type": "TextPositionSelector",
            "start": c.offset,
            "end": c.offset + len,
        },
    ])
}

/// The bodies of citation `id`: gloss, steps, claims, places.
fn citation_bodies(ds: &Dataset, c: &Citation) -> Vec<Value> {
    let id = c.id.as_str();
    let mut out = Vec::new();
    bodies("describing", &c.gloss, &mut out);
    for (i, step) in ds.steps.iter().enumerate() {
        if !ds.step_citation_ids(step).contains(&id) {
            continue;
        }
        for lang in LANGS {
            if let Some(title) = step.title.exact(lang) {
                let loc = locale(lang);
                let args = [
                    ("n", (i + 1).into()),
                    ("date", date_spec(step.date, loc).into()),
                    ("title", title.into()),
                ];
                out.push(body(
                    "describing",
                    &tr_args(loc, "card-step-item", &args),
                    lang,
                ));
            }
        }
        for ch in step
            .changes
            .iter()
            .filter(|ch| ch.citations.iter().any(|x| x == id))
        {
            place_bodies(ds, &ch.place, &mut out);
            let to = ds
                .controller(&ch.to)
                .map_or(ch.to.as_str(), |k| k.names.en());
            out.push(body(
                "describing",
                &format!(
                    "Supports: {} passes to {to} {}",
                    place_name(ds, &ch.place),
                    ch.when.english_on()
                ),
                "en",
            ));
        }
        for p in step
            .pending
            .iter()
            .filter(|p| p.citations.iter().any(|x| x == id))
        {
            place_bodies(ds, &p.place, &mut out);
            let to = ds.controller(&p.to).map_or(p.to.as_str(), |k| k.names.en());
            out.push(body(
                "describing",
                &format!(
                    "Supports: a handover of {} to {to} agreed {}",
                    place_name(ds, &p.place),
                    step.date.english_on()
                ),
                "en",
            ));
        }
    }
    for claim in &ds.claims {
        for v in claim
            .versions
            .iter()
            .filter(|v| v.citations.iter().any(|x| x == id))
        {
            out.push(body(
                "describing",
                &format!(
                    "Claim: {}: {} (according to {})",
                    claim.subject.en(),
                    v.value.en(),
                    v.according_to.en()
                ),
                "en",
            ));
        }
    }
    out
}

fn place_name<'a>(ds: &'a Dataset, id: &'a str) -> &'a str {
    ds.place(id).map_or(id, |p| p.names.en())
}

/// A `tagging` body per language of the place's names (once per place).
fn place_bodies(ds: &Dataset, id: &str, out: &mut Vec<Value>) {
    let Some(p) = ds.place(id) else { return };
    for lang in LANGS {
        if let Some(n) = p.names.exact(lang) {
            let tag = body("tagging", n, lang);
            if !out.contains(&tag) {
                out.push(tag);
            }
        }
    }
}

fn locale(lang: &str) -> Locale {
    if lang == "ar" { Locale::AR } else { Locale::EN }
}

/// Every citation of `ds` as a W3C AnnotationCollection (see [`super`]).
#[must_use]
pub fn export(ds: &Dataset) -> Value {
    let items: Vec<Value> = ds
        .citations
        .iter()
        .filter_map(|c| {
            let s = ds.source(&c.source)?;
            Some(json!({
                "id": format!("urn:karabakh-atlas:citation:{}", c.id),
                "type": "Annotation",
                "motivation": "describing",
                "atlas:citation": c.id,
                "body": citation_bodies(ds, c),
                "target": {
                    "type": "SpecificResource",
                    "source": source_json(s),
                    "selector": selectors(c, &s.text),
                },
            }))
        })
        .collect();
    json!({
        "@context": [ANNO_CONTEXT, {"atlas": ATLAS_VOCAB}],
        "id": "urn:karabakh-atlas:annotations",
        "type": "AnnotationCollection",
        "label": format!("{}: citations", ds.title.en()),
        "total": items.len(),
        "first": {
            "id": "urn:karabakh-atlas:annotations:page-1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    })
}
