//! Import: annotations made in another tool on the dataset's sources,
//! re-anchored by their quote, as new citations (see the module
//! documentation of [`super`]).

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::sha256_hex;
use crate::interop::timelinejs::Note;
use crate::interop::toml_doc::TomlDoc;
use crate::interop::{ImportError, parse_json, problem, short_json, unique_id};
use crate::model::Dataset;
use crate::model::quote::byte_of_char;
use crate::model::types::Source;

/// What the errors call the file.
const WHAT: &str = "annotations file";

/// An annotation anchored in a source: a citation to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchored {
    /// The annotation's index in the file's list.
    pub index: usize,
    /// The source id.
    pub source: String,
    /// The quote, verbatim from the source.
    pub quote: String,
    /// Where it starts, in characters.
    pub offset: usize,
    /// The annotation's words, attributed, for the citation's gloss.
    pub gloss: String,
}

/// The annotations read: the anchored ones and notes on the rest.
#[derive(Debug, Clone, Default)]
pub struct AnnotationImport {
    /// Anchored annotations, in file order.
    pub anchored: Vec<Anchored>,
    /// How many annotations the file holds.
    pub total: usize,
    /// Annotations left out (with their index and why), re-anchored, or
    /// already in the dataset.
    pub notes: Vec<Note>,
}

/// The list of annotations in `root` and what to call it in paths.
fn annotation_list(root: &Value) -> Result<(&'static str, Vec<Value>), String> {
    let is = |v: &Value, t: &str| match v.get("type") {
        Some(Value::String(s)) => s == t,
        Some(Value::Array(a)) => a.iter().any(|x| x.as_str() == Some(t)),
        _ => false,
    };
    match root {
        Value::Array(a) => Ok(("[]", a.clone())),
        Value::Object(o) => {
            if let Some(Value::Array(rows)) = o.get("rows") {
                return Ok(("rows", rows.clone()));
            }
            if let Some(Value::Array(items)) = o.get("items") {
                return Ok(("items", items.clone()));
            }
            if is(root, "AnnotationCollection") {
                return match o.get("first") {
                    Some(first @ Value::Object(_)) => match first.get("items") {
                        Some(Value::Array(items)) => Ok(("first.items", items.clone())),
                        _ => Err("the collection's first page has no \"items\" array".to_owned()),
                    },
                    Some(Value::String(link)) => Err(format!(
                        "the collection's pages are not in the file (first is the link {link})"
                    )),
                    _ if o.get("total").and_then(Value::as_u64) == Some(0) => {
                        Ok(("first.items", Vec::new()))
                    }
                    _ => Err("the collection has no \"first\" page".to_owned()),
                };
            }
            if is(root, "Annotation") {
                return Ok(("(the annotation)", vec![root.clone()]));
            }
            Err(format!(
                "expected annotations (a W3C AnnotationCollection, an AnnotationPage, an array of annotations or a Hypothesis export with \"rows\"), found {}",
                short_json(root)
            ))
        }
        other => Err(format!(
            "expected a JSON object or array of annotations, found {}",
            short_json(other)
        )),
    }
}

/// `v` as a list: an array's items, or the value alone.
fn list(v: Option<&Value>) -> Vec<&Value> {
    match v {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a.iter().collect(),
        Some(other) => vec![other],
    }
}

/// The last segment of an IRI's path, without query or fragment.
fn file_of(iri: &str) -> &str {
    let iri = iri.split(['?', '#']).next().unwrap_or(iri);
    iri.rsplit('/').next().unwrap_or(iri)
}

/// The selectors found in a target: quote, prefix, suffix, start, end.
#[derive(Debug, Default)]
struct Selectors {
    exact: Option<String>,
    prefix: String,
    suffix: String,
    start: Option<usize>,
    end: Option<usize>,
}

fn selectors(target: &Value) -> Selectors {
    let mut s = Selectors::default();
    let mut pending: Vec<&Value> = list(target.get("selector"));
    while let Some(sel) = pending.pop() {
        pending.extend(list(sel.get("refinedBy")));
        let text = |k: &str| sel.get(k).and_then(Value::as_str).map(str::to_owned);
        let num = |k: &str| {
            sel.get(k)
                .and_then(Value::as_u64)
                .and_then(|n| usize::try_from(n).ok())
        };
        match sel.get("type").and_then(Value::as_str) {
            Some("TextQuoteSelector") if s.exact.is_none() => {
                s.exact = text("exact");
                s.prefix = text("prefix").unwrap_or_default();
                s.suffix = text("suffix").unwrap_or_default();
            }
            Some("TextPositionSelector") if s.start.is_none() => {
                s.start = num("start");
                s.end = num("end");
            }
            _ => {}
        }
    }
    s
}

/// How many characters of `a` and `b` agree, walking forward.
fn agree(a: impl Iterator<Item = char>, b: impl Iterator<Item = char>) -> usize {
    a.zip(b).take_while(|(x, y)| x == y).count()
}

/// Where `exact` is in `text`, in characters: at `hint` when the text there
/// is `exact`; else the occurrence whose surroundings best match `prefix`
/// and `suffix`, then the one nearest `hint`, then the first. `None` when it
/// does not occur (or is empty).
#[must_use]
pub fn anchor(
    text: &str,
    exact: &str,
    prefix: &str,
    suffix: &str,
    hint: Option<usize>,
) -> Option<usize> {
    if exact.is_empty() {
        return None;
    }
    if let Some(h) = hint
        && byte_of_char(text, h).is_some_and(|b| text[b..].starts_with(exact))
    {
        return Some(h);
    }
    let mut best: Option<(usize, usize, usize)> = None;
    // Byte and character position of the last occurrence, to count
    // characters once.
    let (mut last_b, mut last_c) = (0, 0);
    let mut from = 0;
    while let Some(p) = text.get(from..).and_then(|t| t.find(exact)) {
        let b = from + p;
        let offset = last_c + text[last_b..b].chars().count();
        (last_b, last_c) = (b, offset);
        let score = agree(text[..b].chars().rev(), prefix.chars().rev())
            + agree(text[b + exact.len()..].chars(), suffix.chars());
        let distance = hint.map_or(0, |h| h.abs_diff(offset));
        if best.is_none_or(|(s, d, _)| score > s || (score == s && distance < d)) {
            best = Some((score, distance, offset));
        }
        from = b + text[b..].chars().next().map_or(1, char::len_utf8);
    }
    best.map(|(_, _, offset)| offset)
}

/// The words of an annotation: bodies' values, Hypothesis `text` and
/// `tags`, and who made it.
fn words(a: &Map<String, Value>) -> (Vec<String>, Vec<String>, Option<String>) {
    let mut texts: Vec<(Option<&str>, String)> = Vec::new();
    let mut tags = Vec::new();
    if let Some(v) = a.get("bodyValue").and_then(Value::as_str) {
        texts.push((None, v.to_owned()));
    }
    for b in list(a.get("body")) {
        match b {
            Value::String(iri) => texts.push((None, iri.clone())),
            Value::Object(o) => {
                let lang = o.get("language").and_then(Value::as_str);
                match o.get("value").and_then(Value::as_str) {
                    Some(v) if o.get("purpose").and_then(Value::as_str) == Some("tagging") => {
                        if lang.is_none_or(|l| l == "en") {
                            tags.push(v.to_owned());
                        }
                    }
                    Some(v) => texts.push((lang, v.to_owned())),
                    None => {
                        if let Some(id) = o.get("id").and_then(Value::as_str) {
                            texts.push((None, id.to_owned()));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    // The same words in several languages: keep the English (or untagged)
    // ones when there are any.
    if texts.iter().any(|(l, _)| l.is_none_or(|l| l == "en")) {
        texts.retain(|(l, _)| l.is_none_or(|l| l == "en"));
    }
    let mut texts: Vec<String> = texts.into_iter().map(|(_, t)| t).collect();
    if let Some(t) = a.get("text").and_then(Value::as_str) {
        texts.push(t.to_owned());
    }
    for t in list(a.get("tags")) {
        if let Some(t) = t.as_str() {
            tags.push(t.to_owned());
        }
    }
    let creator = list(a.get("creator"))
        .into_iter()
        .find_map(|c| match c {
            Value::String(s) => Some(s.clone()),
            Value::Object(o) => ["name", "nickname", "id"]
                .iter()
                .find_map(|k| o.get(*k).and_then(Value::as_str).map(str::to_owned)),
            _ => None,
        })
        .or_else(|| {
            a.get("user").and_then(Value::as_str).map(|u| {
                let u = u.strip_prefix("acct:").unwrap_or(u);
                u.split('@').next().unwrap_or(u).to_owned()
            })
        });
    texts.retain(|t| !t.trim().is_empty());
    tags.retain(|t| !t.trim().is_empty());
    (texts, tags, creator)
}

/// The source a target names, if the dataset has it.
fn source_of<'a>(
    ds: &'a Dataset,
    hashes: &[(String, &'a Source)],
    target: &Value,
    annotation: &Map<String, Value>,
) -> Option<&'a Source> {
    let src = target.get("source").unwrap_or(target);
    let by_id = src
        .get("atlas:source")
        .and_then(Value::as_str)
        .and_then(|id| ds.source(id));
    let sha = src
        .get("atlas:sha256")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .or_else(|| {
            let iri = src
                .as_str()
                .or_else(|| src.get("id").and_then(Value::as_str))?;
            iri.strip_prefix("urn:sha256:").map(str::to_ascii_lowercase)
        });
    let by_sha = sha.and_then(|h| hashes.iter().find(|(x, _)| *x == h).map(|(_, s)| *s));
    let iris = [
        src.as_str(),
        src.get("id").and_then(Value::as_str),
        annotation.get("uri").and_then(Value::as_str),
    ];
    let by_file = iris.into_iter().flatten().find_map(|iri| {
        let f = file_of(iri);
        ds.sources
            .iter()
            .find(|s| !f.is_empty() && (s.file == f || s.original_file_name == f))
    });
    by_id.or(by_sha).or(by_file)
}

/// A short description of a target's source, for notes.
fn describe_target(target: &Value, annotation: &Map<String, Value>) -> String {
    let src = target.get("source").unwrap_or(target);
    src.as_str()
        .or_else(|| src.get("id").and_then(Value::as_str))
        .or_else(|| annotation.get("uri").and_then(Value::as_str))
        .map_or_else(|| "no source".to_owned(), |s| format!("source {s}"))
}

/// Read the annotations file `text` against the dataset `ds`. `label` names
/// the file in messages; `source` is the source id to use for annotations
/// whose target is not recognised.
///
/// # Errors
/// Malformed JSON (line and column), a file that holds no list of
/// annotations, or an unknown `source` id. Annotations that cannot be
/// anchored are notes, not errors.
pub fn import(
    ds: &Dataset,
    label: &str,
    text: &str,
    source: Option<&str>,
) -> Result<AnnotationImport, ImportError> {
    let fail = |d| ImportError {
        what: WHAT,
        diagnostics: vec![d],
    };
    let fallback = match source {
        Some(id) => Some(ds.source(id).ok_or_else(|| {
            let ids: Vec<&str> = ds.sources.iter().map(|s| s.id.as_str()).collect();
            fail(problem(
                label,
                format!("--source {id}: the dataset has no source with that id"),
                &format!("choose one of: {}", ids.join(", ")),
            ))
        })?),
        None => None,
    };
    let root = parse_json(
        label,
        text,
        "fix the JSON syntax (an annotations file is one JSON object or array)",
    )
    .map_err(fail)?;
    let (path, items) = annotation_list(&root).map_err(|e| {
        fail(problem(
            label,
            e,
            "export the annotations as W3C Web Annotation JSON-LD (an AnnotationCollection with its items), or as a Hypothesis JSON export",
        ))
    })?;
    let hashes: Vec<(String, &Source)> = ds
        .sources
        .iter()
        .map(|s| (sha256_hex(&s.text), s))
        .collect();
    let mut out = AnnotationImport {
        total: items.len(),
        ..AnnotationImport::default()
    };
    let at = |i: usize| {
        if path == "[]" {
            format!("[{i}]")
        } else {
            format!("{path}[{i}]")
        }
    };
    for (i, item) in items.iter().enumerate() {
        let Some(a) = item.as_object() else {
            out.notes.push(Note {
                path: at(i),
                message: format!("not an annotation object ({}); left out", short_json(item)),
            });
            continue;
        };
        match anchor_one(ds, &hashes, fallback, a) {
            Ok((anchored, moved)) => {
                if let Some(m) = moved {
                    out.notes.push(Note {
                        path: at(i),
                        message: m,
                    });
                }
                if let Some(c) = ds.citations.iter().find(|c| {
                    c.source == anchored.source
                        && c.offset == anchored.offset
                        && c.quote == anchored.quote
                }) {
                    out.notes.push(Note {
                        path: at(i),
                        message: format!(
                            "the dataset already has this passage as citation {}; not added again",
                            c.id
                        ),
                    });
                    continue;
                }
                if let Some(k) = out.anchored.iter().find(|k| {
                    k.source == anchored.source
                        && k.offset == anchored.offset
                        && k.quote == anchored.quote
                }) {
                    out.notes.push(Note {
                        path: at(i),
                        message: format!("the same passage as {}; imported once", at(k.index)),
                    });
                    continue;
                }
                let (texts, tags, creator) = words(a);
                let mut gloss = format!("Annotation {} of {label}", at(i));
                if let Some(id) = a.get("id").and_then(Value::as_str) {
                    gloss.push_str(&format!(" ({id})"));
                }
                if let Some(c) = creator {
                    gloss.push_str(&format!(", by {c}"));
                }
                if !texts.is_empty() {
                    gloss.push_str(&format!(": {}", texts.join(" / ")));
                }
                if !tags.is_empty() {
                    gloss.push_str(&format!(" (tags: {})", tags.join(", ")));
                }
                out.anchored.push(Anchored {
                    index: i,
                    gloss,
                    ..anchored
                });
            }
            Err(why) => out.notes.push(Note {
                path: at(i),
                message: format!("cannot be anchored: {why}; not imported"),
            }),
        }
    }
    Ok(out)
}

/// Anchor one annotation: the citation (without its gloss) and, when it
/// was re-anchored, a note saying so.
fn anchor_one(
    ds: &Dataset,
    hashes: &[(String, &Source)],
    fallback: Option<&Source>,
    a: &Map<String, Value>,
) -> Result<(Anchored, Option<String>), String> {
    let targets = list(a.get("target"));
    if targets.is_empty() {
        return Err("it has no target".to_owned());
    }
    let mut why = Vec::new();
    for t in targets {
        let Some(s) = source_of(ds, hashes, t, a).or(fallback) else {
            why.push(format!(
                "its target ({}) is not a source of the dataset (name one with --source ID)",
                describe_target(t, a)
            ));
            continue;
        };
        let sel = selectors(t);
        let quote = match (&sel.exact, sel.start, sel.end) {
            (Some(q), ..) => q.clone(),
            (None, Some(start), Some(end)) if start < end => {
                let (Some(b0), Some(b1)) =
                    (byte_of_char(&s.text, start), byte_of_char(&s.text, end))
                else {
                    why.push(format!(
                        "its position {start}–{end} is outside source {} ({} characters)",
                        s.id,
                        s.text.chars().count()
                    ));
                    continue;
                };
                s.text[b0..b1].to_owned()
            }
            _ => {
                why.push(
                    "its target has no TextQuoteSelector and no usable TextPositionSelector"
                        .to_owned(),
                );
                continue;
            }
        };
        let Some(offset) = anchor(&s.text, &quote, &sel.prefix, &sel.suffix, sel.start) else {
            let q: String = quote.chars().take(40).collect();
            why.push(format!(
                "the quote \"{q}\" does not occur in source {}",
                s.id
            ));
            continue;
        };
        let moved = sel.start.filter(|&st| st != offset).map(|st| {
            format!(
                "the text at position {st} in source {} is not the quote; re-anchored by the quote at {offset}",
                s.id
            )
        });
        return Ok((
            Anchored {
                index: 0,
                source: s.id.clone(),
                quote,
                offset,
                gloss: String::new(),
            },
            moved,
        ));
    }
    Err(why.join("; "))
}

/// The `[[citation]]` tables for `anchored`, with ids `annotation-N` that
/// `ds` does not use yet, as TOML to append to `timeline.toml`; and the ids.
///
/// # Errors
/// When the `toml` crate cannot write a value (not expected: all text and
/// numbers).
pub fn new_citations_toml(
    ds: &Dataset,
    anchored: &[Anchored],
    file_name: &str,
) -> Result<(String, Vec<String>), toml::ser::Error> {
    let mut taken: BTreeSet<String> = ds.citations.iter().map(|c| c.id.clone()).collect();
    let mut doc = TomlDoc::new();
    doc.blank().comment(&format!(
        "Citations imported by `karabakh-atlas import-annotations` from {file_name}\n\
         (the gloss holds the annotation's words; cite them from steps, changes or\n\
         claims by id)."
    ));
    let mut ids = Vec::new();
    for a in anchored {
        let id = unique_id(&format!("annotation-{}", a.index + 1), &mut taken);
        doc.array_table("citation");
        doc.value("id", &id)?;
        doc.value("source", &a.source)?;
        doc.value("quote", &a.quote)?;
        doc.value("offset", &a.offset)?;
        doc.value("gloss", &a.gloss)?;
        ids.push(id);
    }
    Ok((doc.finish(), ids))
}
