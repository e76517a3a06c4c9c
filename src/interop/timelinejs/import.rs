//! Import: the top level of a TimelineJS file (title slide, eras, events,
//! scale) read into events, and the [`Importer`] that collects errors and
//! notes and reads the plain fields every part uses (text, HTML text,
//! unknown keys). Dates are read in `dates.rs`, slides in `slides.rs`, and
//! the files are written by `write.rs`.

use std::collections::BTreeSet;
use std::fmt;

use serde_json::{Map, Value};

use super::html::html_to_text;
use super::slides::{Event, SLIDE_KEYS};
use super::write::build_files;
use super::{ImportError, ImportOptions, Imported, Note, Skipped};

/// What the file is, in the last line of an [`ImportError`].
const WHAT: &str = "TimelineJS file";
use crate::model::diag::{Diagnostic, Msg, Position};

/// The importer's own report text. `import-timelinejs` is a CLI command and
/// the CLI speaks English, so its problems are English sentences carried in
/// one catalogue message rather than translated keys.
fn english(text: impl Into<String>) -> Msg {
    Msg::new("import-text").text("text", text.into())
}

/// Reads a TimelineJS file, collecting errors and notes as it goes.
pub(super) struct Importer {
    /// The file, as named in diagnostics.
    label: String,
    /// Problems that stop the import.
    errors: Vec<Diagnostic>,
    /// What was not carried over.
    notes: Vec<Note>,
}

/// `v` as JSON, cut to 60 characters, for messages.
pub(super) fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s
    }
}

impl Importer {
    pub(super) fn error(&mut self, path: &str, message: impl fmt::Display, help: &str) {
        self.errors.push(
            Diagnostic::new(&self.label, english(format!("{path}: {message}"))).help(english(help)),
        );
    }

    pub(super) fn note(&mut self, path: &str, message: impl Into<String>) {
        self.notes.push(Note {
            path: path.to_owned(),
            message: message.into(),
        });
    }

    /// Report keys of `obj` that are not in `known`.
    pub(super) fn unknown_keys(
        &mut self,
        obj: &Map<String, Value>,
        known: &[&str],
        path: &str,
        what: &str,
    ) {
        for k in obj.keys().filter(|k| !known.contains(&k.as_str())) {
            self.note(
                &format!("{path}.{k}"),
                format!("not a TimelineJS {what} field; ignored"),
            );
        }
    }

    /// A text value (strings, and numbers written as text); `None` if absent,
    /// null or empty.
    pub(super) fn text(&mut self, v: Option<&Value>, path: &str) -> Option<String> {
        match v? {
            Value::Null => None,
            Value::String(s) if s.trim().is_empty() => None,
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            other => {
                self.error(
                    path,
                    format!("expected text, found {}", short(other)),
                    "write it as a JSON string",
                );
                None
            }
        }
    }

    /// An HTML text field as plain text, noting what was dropped.
    pub(super) fn html(&mut self, v: Option<&Value>, path: &str) -> Option<String> {
        let raw = self.text(v, path)?;
        let plain = html_to_text(&raw);
        if plain.links > 0 {
            self.note(
                path,
                format!(
                    "the address of {} link{} is not kept, only the link text",
                    plain.links,
                    if plain.links == 1 { "" } else { "s" }
                ),
            );
        }
        if plain.dropped > 0 {
            self.note(
                path,
                format!(
                    "{} embedded item{} (images, scripts, styles, frames) dropped",
                    plain.dropped,
                    if plain.dropped == 1 { "" } else { "s" }
                ),
            );
        }
        if !plain.unknown_entities.is_empty() {
            self.note(
                path,
                format!(
                    "HTML entit{} {} not decoded; kept as written",
                    if plain.unknown_entities.len() == 1 {
                        "y"
                    } else {
                        "ies"
                    },
                    plain.unknown_entities.join(", ")
                ),
            );
        }
        (!plain.text.is_empty()).then_some(plain.text)
    }
}

/// The position serde_json reports (line, byte column) as a [`Position`]
/// counting characters.
fn json_position(text: &str, line: usize, column: usize) -> Position {
    let line_start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    Position::of_byte(text, line_start + column.saturating_sub(1))
}

/// Import the TimelineJS file `text`, leaving out (and reporting in
/// [`Imported::skipped`]) each event that cannot be represented. `label`
/// names the file in diagnostics (its path); `file_name` is recorded as the
/// source's original file name.
///
/// # Errors
/// As [`import_with`] without `strict`.
pub fn import(label: &str, file_name: &str, text: &str) -> Result<Imported, ImportError> {
    import_with(label, file_name, text, ImportOptions::default())
}

/// Import the TimelineJS file `text` with `options`.
///
/// An event that cannot be represented (no start date, a date that does not
/// exist or lies beyond the years ±999,999,999,999, an end before its start, a
/// field of the wrong type) is left out and reported in
/// [`Imported::skipped`] with its index, headline and reasons, and the rest
/// is imported; with `options.strict` it is an error instead.
///
/// # Errors
/// Malformed JSON (with line and column), a missing or empty `events`
/// array, a malformed title slide or eras, no event left to import; with
/// `options.strict`, any event that cannot be represented (with the JSON
/// path and value).
pub fn import_with(
    label: &str,
    file_name: &str,
    text: &str,
    options: ImportOptions,
) -> Result<Imported, ImportError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let root: Value = serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        let message = message
            .rfind(" at line ")
            .map_or(message.as_str(), |at| &message[..at])
            .to_owned();
        ImportError {
            what: WHAT,
            diagnostics: vec![
                Diagnostic::new(label, english(format!("not valid JSON: {message}")))
                    .at(json_position(text, e.line(), e.column()))
                    .help(english("fix the JSON syntax (a TimelineJS file is one JSON object with an \"events\" array)")),
            ],
        }
    })?;
    let mut im = Importer {
        label: label.to_owned(),
        errors: Vec::new(),
        notes: Vec::new(),
    };
    let Some(obj) = root.as_object() else {
        return Err(ImportError {
            what: WHAT,
            diagnostics: vec![
                Diagnostic::new(
                    label,
                    english(format!(
                        "expected a TimelineJS object, found {}",
                        short(&root)
                    )),
                )
                .help(english(
                    "a TimelineJS file is { \"title\": ..., \"events\": [...] }",
                )),
            ],
        });
    };
    im.unknown_keys(
        obj,
        &["events", "title", "eras", "scale"],
        "(top level)",
        "timeline",
    );
    if let Some(scale) = obj.get("scale").and_then(Value::as_str)
        && scale != "human"
    {
        im.note(
            "scale",
            format!("\"{scale}\" is not used; dates are calendar days"),
        );
    }
    let events: Vec<Value> = match obj.get("events") {
        Some(Value::Array(a)) if !a.is_empty() => a.clone(),
        Some(Value::Array(_)) => {
            im.error("events", "is empty", "add at least one event");
            Vec::new()
        }
        Some(other) => {
            im.error(
                "events",
                format!("expected an array of events, found {}", short(other)),
                "\"events\" is a list: [ { \"start_date\": ..., \"text\": ... }, ... ]",
            );
            Vec::new()
        }
        None => {
            im.error(
                "events",
                "is missing: a TimelineJS file lists its slides in \"events\"",
                "add \"events\": [ ... ] (is this a TimelineJS file?)",
            );
            Vec::new()
        }
    };
    let (title, title_text, title_media) = match obj.get("title") {
        None | Some(Value::Null) => {
            im.note(
                "title",
                "there is no title slide: the dataset is named after the file",
            );
            (None, None, Vec::new())
        }
        Some(Value::Object(t)) => {
            im.unknown_keys(t, &SLIDE_KEYS, "title", "slide");
            for key in [
                "start_date",
                "end_date",
                "display_date",
                "background",
                "group",
            ] {
                if t.get(key).is_some_and(|v| !v.is_null()) {
                    im.note(&format!("title.{key}"), "not kept for the title slide");
                }
            }
            let (h, x) = match t.get("text") {
                Some(Value::Object(tt)) => (
                    im.html(tt.get("headline"), "title.text.headline"),
                    im.html(tt.get("text"), "title.text.text"),
                ),
                _ => (None, None),
            };
            let media = im.media(t.get("media"), "title.media");
            (h.map(|h| h.replace('\n', " ")), x, media)
        }
        Some(other) => {
            im.error(
                "title",
                format!("expected a slide object, found {}", short(other)),
                "the title is a slide: { \"text\": { \"headline\": ..., \"text\": ... } }",
            );
            (None, None, Vec::new())
        }
    };
    let eras: Vec<String> = match obj.get("eras") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => {
            let eras: Vec<String> = a
                .iter()
                .enumerate()
                .filter_map(|(i, e)| im.era(i, e))
                .collect();
            if !eras.is_empty() {
                im.note(
                    "eras",
                    "eras are not drawn: they are listed in the dataset description and at the top of the source text",
                );
            }
            eras
        }
        Some(other) => {
            im.error(
                "eras",
                format!("expected an array of eras, found {}", short(other)),
                "\"eras\" is a list of { start_date, end_date, text }",
            );
            Vec::new()
        }
    };
    let mut ids = BTreeSet::new();
    let mut parsed: Vec<Event> = Vec::new();
    let mut skipped: Vec<Skipped> = Vec::new();
    for (i, e) in events.iter().enumerate() {
        let errors_before = im.errors.len();
        let notes_before = im.notes.len();
        let event = im.event(i, e, &mut ids);
        if im.errors.len() == errors_before
            && let Some(event) = event
        {
            parsed.push(event);
        } else if !options.strict {
            // The event is left out whole: its reasons become the report,
            // and notes about its other fields would describe nothing kept.
            im.notes.truncate(notes_before);
            skipped.push(Skipped {
                index: i,
                headline: headline_of(e),
                reasons: im.errors.split_off(errors_before),
            });
        }
    }
    if !im.errors.is_empty() {
        return Err(ImportError {
            what: WHAT,
            diagnostics: im.errors,
        });
    }
    parsed.retain(|e| {
        let keep = !(e.text.is_empty() && e.headline.is_empty());
        if !keep {
            im.note(
                &format!("events[{}]", e.index),
                "has neither headline nor text to cite, so it is left out",
            );
        }
        keep
    });
    if parsed.is_empty() {
        return Err(ImportError {
            what: WHAT,
            diagnostics: vec![
                Diagnostic::new(
                    label,
                    english("events: no event has a headline or text to cite"),
                )
                .help(english(
                    "every step cites a text; give the events a headline or text",
                )),
            ],
        });
    }
    let sorted = parsed
        .windows(2)
        .all(|w| w[0].date.start() <= w[1].date.start());
    parsed.sort_by_key(|e| (e.date.start(), e.index));
    if !sorted {
        im.note(
            "events",
            "not in date order: the steps follow the dates, as TimelineJS shows them",
        );
    }
    let steps = parsed.len();
    let from = parsed.iter().map(|e| e.date.start()).min();
    let to = parsed.iter().map(|e| e.date.end()).max();
    let (Some(from), Some(to)) = (from, to) else {
        return Err(ImportError {
            what: WHAT,
            diagnostics: vec![Diagnostic::new(label, english("events: nothing to import"))],
        });
    };
    let files = build_files(
        &parsed,
        (from, to),
        file_name,
        title.as_deref(),
        title_text.as_deref(),
        &title_media,
        &eras,
    )
    .map_err(|e| ImportError {
        what: WHAT,
        diagnostics: vec![
            Diagnostic::new(
                label,
                english(format!(
                    "the dataset's TOML files could not be written: {e}"
                )),
            )
            .help(english(
                "please report this as a bug of karabakh-atlas, with the file",
            )),
        ],
    })?;
    Ok(Imported {
        files,
        steps,
        notes: im.notes,
        skipped,
    })
}

/// An event's headline as plain text, to name it when it is left out.
fn headline_of(event: &Value) -> Option<String> {
    let headline = event.get("text")?.get("headline")?.as_str()?;
    let plain = html_to_text(headline).text.replace('\n', " ");
    let plain = plain.trim();
    (!plain.is_empty()).then(|| plain.to_owned())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn json_errors_point_at_characters_not_bytes() {
        let text = "{\n  \"events\": [ \"é\" x ]\n}";
        let e = import("f.json", "f.json", text).unwrap_err();
        let d = &e.diagnostics[0];
        // serde_json counts bytes (20 up to the x); 'é' is two bytes but one character.
        assert_eq!(d.position.map(|p| (p.line, p.column)), Some((2, 19)), "{d}");
    }
}
