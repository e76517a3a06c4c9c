//! TimelineJS3 (<https://timeline.knightlab.com/docs/json-format.html>) in
//! both directions. docs/timelinejs.md says what is and is not carried over.
//!
//! **Import** ([`import`]) turns a TimelineJS JSON file into a dataset
//! skeleton that `check` accepts and the viewer opens:
//!
//! - every event becomes a step (sorted by date, as TimelineJS shows them);
//!   its `unique_id` (made a valid id) is the step id, its headline the
//!   title, its text (HTML tags removed, entities decoded) the summary;
//! - dates: a day stays a day; a year or a month alone becomes the range of
//!   its days; an `end_date` makes the step a range from the first day of
//!   the start to the last day of the end; `display_date` goes into the
//!   step's `date_note`; a time of day is dropped. `display_date` "Before D"
//!   on a day with no end, where D is the next day in the form "27
//!   September 2020", reads back as `{ before = D }` (what [`export`] writes);
//! - the TimelineJS file is the source: `sources/timelinejs.txt` holds a
//!   plain-text rendering of it (title slide, eras, then each event's
//!   headline, displayed date, text, media URL, credit, caption and group on
//!   lines labelled by the importer), and each step cites its own event's
//!   text (or headline, when it has no text) there, at the right offset;
//! - the title slide gives the dataset's title and description; eras are
//!   listed in the description and at the top of the source text;
//! - a TimelineJS file has no places: `places.toml` is left empty (the
//!   loader and the viewer accept a dataset that tracks nothing), the map is
//!   an empty FeatureCollection, and one placeholder controller is written
//!   because the loader requires at least one.
//!
//! Everything that cannot be carried over is reported as a [`Note`] naming
//! its JSON path (`events[3].media.thumbnail`). Errors (malformed JSON with
//! its line and column, no events, impossible dates with their path and
//! value) stop the import before anything is written.
//!
//! **Export** ([`export`]) writes one event per step: dates, title, summary
//! and the quotes of every citation the step uses, with their sources.

use std::collections::BTreeSet;
use std::fmt;
use std::fmt::Write as _;

use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use super::{DatasetFiles, toml_string};
use crate::i18n::format::DateWords;
use crate::model::diag::{Diagnostic, Msg, Position};

/// The importer's own report text. `import-timelinejs` is a CLI command and
/// the CLI speaks English, so its problems are English sentences carried in
/// one catalogue message rather than translated keys.
fn english(text: impl Into<String>) -> Msg {
    Msg::new("import-text").text("text", text.into())
}
use crate::model::{Dataset, Date, DateSpec};
use crate::text::bidi::paragraph_direction;

/// The generated source text's file name, under `sources/`.
pub const SOURCE_FILE: &str = "timelinejs.txt";
/// The id of the generated source.
pub const SOURCE_ID: &str = "timelinejs";

/// Something in the TimelineJS file that the dataset does not keep, or keeps
/// differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// JSON path, e.g. `events[3].media.thumbnail`.
    pub path: String,
    /// What happened to it.
    pub message: String,
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// A successful import: the dataset's files, not yet written.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The files of the dataset skeleton (see [`super::write_dataset`]).
    pub files: DatasetFiles,
    /// How many steps it has (one per imported event).
    pub steps: usize,
    /// Everything not carried over, in file order.
    pub notes: Vec<Note>,
}

/// Why a TimelineJS file could not be imported: every problem found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ImportError {
    /// The problems, each naming the file and a line and column (malformed
    /// JSON) or the JSON path and value.
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.diagnostics.len();
        for d in &self.diagnostics {
            writeln!(f, "{d}")?;
        }
        write!(
            f,
            "the TimelineJS file has {n} error{}; nothing was written",
            if n == 1 { "" } else { "s" }
        )
    }
}

// ---------------------------------------------------------------------------
// HTML to plain text

/// Plain text from a TimelineJS HTML field, and what was lost on the way.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PlainText {
    /// The text: tags removed, entities decoded, white space collapsed as a
    /// browser does, one line per paragraph or line break.
    pub text: String,
    /// Links whose address was dropped (their text is kept).
    pub links: usize,
    /// Images, scripts, styles and embedded frames dropped.
    pub dropped: usize,
    /// Entities that are not known, kept as written.
    pub unknown_entities: Vec<String>,
}

/// Tags after which a browser starts a new line.
const BLOCK_TAGS: [&str; 27] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tr",
];

/// Named entities decoded (the common ones; others are kept as written).
const ENTITIES: [(&str, char); 48] = [
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{A0}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("middot", '·'),
    ("bull", '•'),
    ("euro", '€'),
    ("pound", '£'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("sect", '§'),
    ("para", '¶'),
    ("times", '×'),
    ("divide", '÷'),
    ("plusmn", '±'),
    ("shy", '\u{AD}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("aacute", 'á'),
    ("agrave", 'à'),
    ("ouml", 'ö'),
    ("uuml", 'ü'),
    ("auml", 'ä'),
    ("szlig", 'ß'),
    ("ccedil", 'ç'),
];

/// The end of the tag starting at byte `start` (`s[start] == '<'`): the
/// byte after its `>`, skipping `>` inside quoted attribute values.
fn tag_end(s: &str, start: usize) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (i, c) in s[start + 1..].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(start + 1 + i + 1),
            (None, _) => {}
        }
    }
    None
}

/// `s` as plain text, the way a browser would show it.
#[must_use]
pub fn html_to_text(s: &str) -> PlainText {
    let mut out = PlainText::default();
    let mut raw = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let Some(c) = rest.chars().next() else { break };
        if c == '<' {
            if rest.starts_with("<!--") {
                i = rest.find("-->").map_or(s.len(), |e| i + e + 3);
                continue;
            }
            let next = rest[1..].chars().next();
            if next.is_some_and(|n| n.is_ascii_alphabetic() || n == '/' || n == '!')
                && let Some(end) = tag_end(s, i)
            {
                let inner = &s[i + 1..end - 1];
                let closing = inner.starts_with('/');
                let name: String = inner
                    .trim_start_matches('/')
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect::<String>()
                    .to_ascii_lowercase();
                i = end;
                if !closing && matches!(name.as_str(), "script" | "style" | "iframe") {
                    out.dropped += 1;
                    let close = format!("</{name}");
                    let lower = s[i..].to_ascii_lowercase();
                    i = match lower.find(&close) {
                        Some(at) => tag_end(s, i + at).unwrap_or(s.len()),
                        None => s.len(),
                    };
                    continue;
                }
                if !closing && name == "img" {
                    out.dropped += 1;
                }
                if !closing && name == "a" && inner.to_ascii_lowercase().contains("href") {
                    out.links += 1;
                }
                if BLOCK_TAGS.contains(&name.as_str()) {
                    raw.push('\n');
                }
                continue;
            }
        }
        if c == '&'
            && let Some(semi) = rest
                .char_indices()
                .take(34)
                .find(|(_, c)| *c == ';')
                .map(|(at, _)| at)
        {
            let name = &rest[1..semi];
            let decoded = if let Some(num) = name.strip_prefix('#') {
                let n = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse::<u32>().ok(),
                };
                n.and_then(char::from_u32).filter(|c| *c != '\0')
            } else {
                ENTITIES.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
            };
            if let Some(d) = decoded {
                raw.push(if d == '\n' { ' ' } else { d });
                i += semi + 1;
                continue;
            }
            if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '#') {
                out.unknown_entities.push(format!("&{name};"));
            }
        }
        // White space in HTML source collapses to one space.
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{C}') {
            if !raw.ends_with(' ') && !raw.ends_with('\n') {
                raw.push(' ');
            }
        } else {
            raw.push(c);
        }
        i += c.len_utf8();
    }
    out.text = raw
        .split('\n')
        .map(|l| l.trim_matches(' '))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    out
}

// ---------------------------------------------------------------------------
// Import

/// How precisely a TimelineJS date is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Precision {
    Year,
    Month,
    Day,
}

/// A TimelineJS date object, validated.
#[derive(Debug, Clone)]
struct TlDate {
    /// The first day it covers.
    first: Date,
    /// The last day it covers.
    last: Date,
    precision: Precision,
    /// Its own `display_date`, if any.
    display: Option<String>,
}

impl TlDate {
    /// "1948", "July 1943" or "10 December 1815".
    fn shown(&self) -> String {
        match self.precision {
            Precision::Year => self.first.year().to_string(),
            Precision::Month => month_and_year(self.first),
            Precision::Day => self.first.english_long(),
        }
    }
}

/// "April 1912".
fn month_and_year(d: Date) -> String {
    let long = d.english_long();
    long.split_once(' ')
        .map_or_else(|| long.clone(), |(_, m)| m.to_owned())
}

/// One event, ready to become a step.
struct Event {
    index: usize,
    id: String,
    date: DateSpec,
    date_note: Vec<String>,
    headline: String,
    text: String,
    display_date: Option<String>,
    media: Vec<(&'static str, String)>,
    group: Option<String>,
}

struct Importer {
    label: String,
    errors: Vec<Diagnostic>,
    notes: Vec<Note>,
}

/// A date or text field name that is understood, for the unknown-key report.
const SLIDE_KEYS: [&str; 9] = [
    "start_date",
    "end_date",
    "text",
    "media",
    "group",
    "display_date",
    "background",
    "autolink",
    "unique_id",
];
const DATE_KEYS: [&str; 9] = [
    "year",
    "month",
    "day",
    "hour",
    "minute",
    "second",
    "millisecond",
    "display_date",
    "format",
];
const MEDIA_KEYS: [&str; 8] = [
    "url",
    "caption",
    "credit",
    "thumbnail",
    "alt",
    "title",
    "link",
    "link_target",
];

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s
    }
}

impl Importer {
    fn error(&mut self, path: &str, message: impl fmt::Display, help: &str) {
        self.errors.push(
            Diagnostic::new(&self.label, english(format!("{path}: {message}"))).help(english(help)),
        );
    }

    fn note(&mut self, path: &str, message: impl Into<String>) {
        self.notes.push(Note {
            path: path.to_owned(),
            message: message.into(),
        });
    }

    /// Report keys of `obj` that are not in `known`.
    fn unknown_keys(&mut self, obj: &Map<String, Value>, known: &[&str], path: &str, what: &str) {
        for k in obj.keys().filter(|k| !known.contains(&k.as_str())) {
            self.note(
                &format!("{path}.{k}"),
                format!("not a TimelineJS {what} field; ignored"),
            );
        }
    }

    /// A text value (strings, and numbers written as text); `None` if absent,
    /// null or empty.
    fn text(&mut self, v: Option<&Value>, path: &str) -> Option<String> {
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
    fn html(&mut self, v: Option<&Value>, path: &str) -> Option<String> {
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

    /// A whole number in a date (`2020` or `"2020"`); `None` if absent or "".
    fn number(&mut self, v: Option<&Value>, path: &str) -> Result<Option<i64>, ()> {
        let bad = |me: &mut Self, v: &Value| {
            me.error(
                path,
                format!("{} is not a whole number", short(v)),
                "write a number such as 2020, or leave the field out",
            );
            Err(())
        };
        match v {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(Value::String(s)) => match s.trim().parse::<i64>() {
                Ok(n) => Ok(Some(n)),
                Err(_) => bad(self, &Value::String(s.clone())),
            },
            Some(Value::Number(n)) => match n.as_i64() {
                Some(n) => Ok(Some(n)),
                None => bad(self, &Value::Number(n.clone())),
            },
            Some(other) => bad(self, other),
        }
    }

    /// A TimelineJS date object; `None` (with an error) if it is not valid.
    fn date(&mut self, v: &Value, path: &str) -> Option<TlDate> {
        let Some(obj) = v.as_object() else {
            self.error(
                path,
                format!("expected a date object, found {}", short(v)),
                "write a date as { \"year\": 2020, \"month\": 11, \"day\": 10 } (month and day optional)",
            );
            return None;
        };
        self.unknown_keys(obj, &DATE_KEYS, path, "date");
        let year = self.number(obj.get("year"), &format!("{path}.year"));
        let month = self.number(obj.get("month"), &format!("{path}.month"));
        let day = self.number(obj.get("day"), &format!("{path}.day"));
        let (Ok(year), Ok(month), Ok(day)) = (year, month, day) else {
            return None;
        };
        let times: Vec<&str> = ["hour", "minute", "second", "millisecond"]
            .into_iter()
            .filter(|k| {
                obj.get(*k).is_some_and(|v| {
                    !v.is_null() && v.as_str().is_none_or(|s| !s.trim().is_empty())
                })
            })
            .collect();
        if !times.is_empty() {
            self.note(
                path,
                format!(
                    "the time of day ({}) is not kept: steps are dated by day",
                    times.join(", ")
                ),
            );
        }
        if obj.contains_key("format") {
            self.note(&format!("{path}.format"), "date formats are not kept");
        }
        let Some(year) = year else {
            self.error(
                &format!("{path}.year"),
                "is missing",
                "every TimelineJS date needs a year",
            );
            return None;
        };
        if !(1..=9999).contains(&year) {
            self.error(
                &format!("{path}.year"),
                format!("{year} is out of range: years 1 to 9999 can be imported"),
                "karabakh-atlas dates are YYYY-MM-DD; leave out or move events outside that range",
            );
            return None;
        }
        let display = self.text(obj.get("display_date"), &format!("{path}.display_date"));
        let build = |y: i64, m: i64, d: i64| Date::parse(&format!("{y:04}-{m:02}-{d:02}")).ok();
        let (first, last, precision) = match (month, day) {
            (None, None) => (build(year, 1, 1), build(year, 12, 31), Precision::Year),
            (None, Some(d)) => {
                self.error(
                    &format!("{path}.day"),
                    format!("{d} is given without a month"),
                    "add the month, or leave out the day",
                );
                return None;
            }
            (Some(m), _) if !(1..=12).contains(&m) => {
                self.error(
                    &format!("{path}.month"),
                    format!("{m} is not a month; months run from 1 to 12"),
                    "correct the month",
                );
                return None;
            }
            (Some(m), None) => {
                let first = build(year, m, 1);
                let last = first.map(|f| f.first_of_next_month().add_days(-1));
                (first, last, Precision::Month)
            }
            (Some(m), Some(d)) => {
                let first = build(year, m, 1);
                let days = first.map_or(31, |f| {
                    i64::from(f.first_of_next_month().add_days(-1).day())
                });
                if !(1..=days).contains(&d) {
                    let month_name = first.map(month_and_year).unwrap_or_default();
                    self.error(
                        &format!("{path}.day"),
                        format!("{d} does not exist: {month_name} has {days} days"),
                        "correct the day",
                    );
                    return None;
                }
                let date = build(year, m, d);
                (date, date, Precision::Day)
            }
        };
        let (Some(first), Some(last)) = (first, last) else {
            self.error(
                path,
                "is not a valid date",
                "correct the year, month and day",
            );
            return None;
        };
        Some(TlDate {
            first,
            last,
            precision,
            display,
        })
    }

    fn event(&mut self, index: usize, v: &Value, ids: &mut BTreeSet<String>) -> Option<Event> {
        let path = format!("events[{index}]");
        let Some(obj) = v.as_object() else {
            self.error(
                &path,
                format!("expected an event object, found {}", short(v)),
                "each entry of \"events\" is an object with start_date, text, ...",
            );
            return None;
        };
        self.unknown_keys(obj, &SLIDE_KEYS, &path, "slide");
        let start = match obj.get("start_date") {
            Some(d) if !d.is_null() => self.date(d, &format!("{path}.start_date")),
            _ => {
                self.error(
                    &format!("{path}.start_date"),
                    "is missing",
                    "every event needs a start_date such as { \"year\": 2020, \"month\": 11, \"day\": 10 }",
                );
                None
            }
        };
        let end = match obj.get("end_date") {
            Some(d) if !d.is_null() && d.as_object().is_none_or(|o| !o.is_empty()) => {
                Some(self.date(d, &format!("{path}.end_date")))
            }
            _ => None,
        };
        let display_date = self.text(obj.get("display_date"), &format!("{path}.display_date"));
        let (headline, text) = match obj.get("text") {
            None | Some(Value::Null) => (None, None),
            Some(Value::Object(t)) => {
                self.unknown_keys(t, &["headline", "text"], &format!("{path}.text"), "text");
                (
                    self.html(t.get("headline"), &format!("{path}.text.headline")),
                    self.html(t.get("text"), &format!("{path}.text.text")),
                )
            }
            Some(other) => {
                self.error(
                    &format!("{path}.text"),
                    format!(
                        "expected {{ \"headline\": ..., \"text\": ... }}, found {}",
                        short(other)
                    ),
                    "put the headline and text in an object",
                );
                (None, None)
            }
        };
        let media = self.media(obj.get("media"), &format!("{path}.media"));
        let group = self.text(obj.get("group"), &format!("{path}.group"));
        if obj.get("background").is_some_and(|b| !b.is_null()) {
            self.note(
                &format!("{path}.background"),
                "slide backgrounds (image or colour) are not kept",
            );
        }
        if obj.contains_key("autolink") {
            self.note(
                &format!("{path}.autolink"),
                "not used: links are not kept in plain text",
            );
        }
        let unique_id = self.text(obj.get("unique_id"), &format!("{path}.unique_id"));
        let id = self.step_id(unique_id.as_deref(), index, ids, &path);
        let (start, end) = (start?, end.map_or(Some(None), |e| e.map(Some))?);
        let (date, date_note) =
            self.event_date(&start, end.as_ref(), display_date.as_deref(), &path)?;
        let headline = headline.map(|h| h.replace('\n', " ")).unwrap_or_default();
        let text = text.unwrap_or_default();
        Some(Event {
            index,
            id,
            date,
            date_note,
            headline,
            text,
            display_date,
            media,
            group,
        })
    }

    fn media(&mut self, v: Option<&Value>, path: &str) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let obj = match v {
            None | Some(Value::Null) => return out,
            Some(Value::Object(o)) => o,
            Some(other) => {
                self.error(
                    path,
                    format!("expected a media object, found {}", short(other)),
                    "write media as { \"url\": ..., \"credit\": ..., \"caption\": ... }",
                );
                return out;
            }
        };
        self.unknown_keys(obj, &MEDIA_KEYS, path, "media");
        let url_path = format!("{path}.url");
        if let Some(url) = self.text(obj.get("url"), &url_path) {
            if url.contains('<') {
                self.note(
                    &url_path,
                    "an HTML embed, not an address: only its text is kept",
                );
                if let Some(t) = self.html(Some(&Value::String(url)), &url_path) {
                    out.push(("Media", t));
                }
            } else {
                out.push(("Media", url.trim().to_owned()));
            }
        }
        for (key, label) in [("credit", "Credit"), ("caption", "Caption")] {
            if let Some(t) = self.html(obj.get(key), &format!("{path}.{key}")) {
                out.push((label, t.replace('\n', " ")));
            }
        }
        for key in ["thumbnail", "alt", "title", "link", "link_target"] {
            let p = format!("{path}.{key}");
            if self.text(obj.get(key), &p).is_some() {
                self.note(&p, "not kept (the URL, credit and caption are)");
            }
        }
        if !out.is_empty() {
            self.note(
                path,
                "media are not shown by the viewer: the URL, credit and caption are kept as lines of the source text",
            );
        }
        out
    }

    /// The step id for an event: its `unique_id` made a valid id, unique.
    fn step_id(
        &mut self,
        unique_id: Option<&str>,
        index: usize,
        ids: &mut BTreeSet<String>,
        path: &str,
    ) -> String {
        let fallback = format!("event-{}", index + 1);
        let base = match unique_id {
            Some(u) => {
                let mut id = String::new();
                for c in u.trim().chars().flat_map(char::to_lowercase) {
                    if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' {
                        id.push(c);
                    } else if !id.ends_with('-') {
                        id.push('-');
                    }
                }
                let id = id.trim_matches('-').to_owned();
                let id = if id.is_empty() { fallback } else { id };
                if id != u {
                    self.note(
                        &format!("{path}.unique_id"),
                        format!(
                            "\"{u}\" is not a valid step id (lower-case ASCII letters, digits, '-', '_'); the step is '{id}'"
                        ),
                    );
                }
                id
            }
            None => fallback,
        };
        let mut id = base.clone();
        let mut n = 2;
        while ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        if id != base {
            self.note(
                &format!("{path}.unique_id"),
                format!("'{base}' is already used by another event; this step is '{id}'"),
            );
        }
        ids.insert(id.clone());
        id
    }

    fn event_date(
        &mut self,
        start: &TlDate,
        end: Option<&TlDate>,
        display: Option<&str>,
        path: &str,
    ) -> Option<(DateSpec, Vec<String>)> {
        let mut notes = Vec::new();
        if let Some(d) = display {
            notes.push(format!("The TimelineJS file shows the date as \"{d}\"."));
        }
        for (d, which) in [(Some(start), "start"), (end, "end")] {
            if let Some(shown) = d.and_then(|d| d.display.as_deref()) {
                notes.push(format!(
                    "The TimelineJS file shows the {which} date as \"{shown}\"."
                ));
            }
        }
        let Some(end) = end else {
            if start.precision == Precision::Day {
                let next = start.first.add_days(1);
                if display.is_some_and(|d| d.trim().eq_ignore_ascii_case(&before_text(next))) {
                    return Some((DateSpec::Before { before: next }, Vec::new()));
                }
                return Some((DateSpec::Day { date: start.first }, notes));
            }
            let what = if start.precision == Precision::Year {
                "a year"
            } else {
                "a month"
            };
            self.note(
                &format!("{path}.start_date"),
                format!(
                    "gives only {what} ({}): the step is dated as the range {} to {}",
                    start.shown(),
                    start.first,
                    start.last
                ),
            );
            notes.push(format!(
                "The TimelineJS file gives only {what}, {}; the step covers all of it.",
                start.shown()
            ));
            return Some((
                DateSpec::Range {
                    from: start.first,
                    to: start.last,
                },
                notes,
            ));
        };
        if end.last < start.first {
            self.error(
                &format!("{path}.end_date"),
                format!("{} is before the start date {}", end.shown(), start.shown()),
                "swap start_date and end_date, or correct one of them",
            );
            return None;
        }
        if start.first == end.last {
            return Some((DateSpec::Day { date: start.first }, notes));
        }
        self.note(
            &format!("{path}.end_date"),
            format!(
                "the span {} to {} becomes a date range: the viewer shows the step as happening on a day in it, not throughout it",
                start.shown(),
                end.shown()
            ),
        );
        if display.is_none() {
            notes.push(format!(
                "The TimelineJS file gives the span {} to {}.",
                start.shown(),
                end.shown()
            ));
        }
        Some((
            DateSpec::Range {
                from: start.first,
                to: end.last,
            },
            notes,
        ))
    }

    fn era(&mut self, index: usize, v: &Value) -> Option<String> {
        let path = format!("eras[{index}]");
        let Some(obj) = v.as_object() else {
            self.error(
                &path,
                format!("expected an era object, found {}", short(v)),
                "each era is { \"start_date\": ..., \"end_date\": ..., \"text\": ... }",
            );
            return None;
        };
        self.unknown_keys(obj, &["start_date", "end_date", "text"], &path, "era");
        let mut dates = Vec::new();
        for key in ["start_date", "end_date"] {
            let p = format!("{path}.{key}");
            match obj.get(key) {
                Some(d) if !d.is_null() => dates.push(self.date(d, &p)),
                _ => {
                    self.error(
                        &p,
                        "is missing",
                        "an era needs a start_date and an end_date",
                    );
                    dates.push(None);
                }
            }
        }
        let (headline, text) = match obj.get("text") {
            Some(Value::Object(t)) => {
                self.unknown_keys(t, &["headline", "text"], &format!("{path}.text"), "text");
                (
                    self.html(t.get("headline"), &format!("{path}.text.headline")),
                    self.html(t.get("text"), &format!("{path}.text.text")),
                )
            }
            _ => (None, None),
        };
        let [Some(Some(start)), Some(Some(end))] = [dates.first().cloned(), dates.get(1).cloned()]
        else {
            return None;
        };
        let mut line = format!(
            "{} ({} to {})",
            headline.unwrap_or_else(|| format!("Era {}", index + 1)),
            start.shown(),
            end.shown()
        );
        if let Some(t) = text {
            line.push_str(": ");
            line.push_str(&t.replace('\n', " "));
        }
        Some(line)
    }
}

/// How [`export`] writes a `before` date, and [`import`] reads it back.
fn before_text(before: Date) -> String {
    format!("Before {}", before.english_long())
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

/// Import the TimelineJS file `text`. `label` names it in diagnostics (its
/// path); `file_name` is recorded as the source's original file name.
///
/// # Errors
/// Malformed JSON (with line and column), a missing or empty `events`
/// array, events without a start date, impossible dates (with the JSON path
/// and value), and fields of the wrong type.
pub fn import(label: &str, file_name: &str, text: &str) -> Result<Imported, ImportError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let root: Value = serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        let message = message
            .rfind(" at line ")
            .map_or(message.as_str(), |at| &message[..at])
            .to_owned();
        ImportError {
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
    let mut parsed: Vec<Event> = events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| im.event(i, e, &mut ids))
        .collect();
    if !im.errors.is_empty() {
        return Err(ImportError {
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
    );
    Ok(Imported {
        files,
        steps,
        notes: im.notes,
    })
}

/// Appends text while counting characters, for citation offsets.
#[derive(Default)]
struct Counted {
    text: String,
    chars: usize,
}

impl Counted {
    fn push(&mut self, s: &str) -> usize {
        let at = self.chars;
        self.text.push_str(s);
        self.chars += s.chars().count();
        at
    }
}

/// A citation of an event's text in the generated source.
struct Cited {
    quote: String,
    offset: usize,
    what: &'static str,
}

fn build_files(
    events: &[Event],
    coverage: (Date, Date),
    file_name: &str,
    title: Option<&str>,
    title_text: Option<&str>,
    title_media: &[(&'static str, String)],
    eras: &[String],
) -> DatasetFiles {
    // The source text.
    let mut src = Counted::default();
    let mut title_offset = None;
    if let Some(t) = title {
        title_offset = Some(src.push(t));
        src.push("\n");
    }
    if let Some(t) = title_text {
        src.push(t);
        src.push("\n");
    }
    for (label, value) in title_media {
        src.push(&format!("{label}: {value}\n"));
    }
    for era in eras {
        src.push(&format!("Era: {era}\n"));
    }
    let mut cited = Vec::new();
    for e in events {
        if !src.text.is_empty() {
            src.push("\n");
        }
        let mut headline_at = None;
        if !e.headline.is_empty() {
            headline_at = Some(src.push(&e.headline));
            src.push("\n");
        }
        if let Some(d) = &e.display_date {
            src.push(&format!("Date shown: {d}\n"));
        }
        let mut text_at = None;
        if !e.text.is_empty() {
            text_at = Some(src.push(&e.text));
            src.push("\n");
        }
        for (label, value) in &e.media {
            src.push(&format!("{label}: {value}\n"));
        }
        if let Some(g) = &e.group {
            src.push(&format!("Group: {g}\n"));
        }
        cited.push(match (text_at, headline_at) {
            (Some(at), _) => Cited {
                quote: e.text.clone(),
                offset: at,
                what: "text",
            },
            (None, at) => Cited {
                quote: e.headline.clone(),
                offset: at.unwrap_or(0),
                what: "headline",
            },
        });
    }
    let source_text = src.text;
    let sha: String = Sha256::digest(source_text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let rtl = events
        .iter()
        .filter(|e| paragraph_direction(&format!("{}\n{}", e.headline, e.text)).is_rtl())
        .count();
    let direction = if rtl * 2 > events.len() { "rtl" } else { "ltr" };

    // dataset.toml
    let (from, to) = coverage;
    let dataset_title = title.map_or_else(
        || format!("Timeline imported from {file_name}"),
        str::to_owned,
    );
    let mut description = title_text.map(|t| t.replace('\n', " ")).unwrap_or_default();
    if !eras.is_empty() {
        if !description.is_empty() {
            description.push(' ');
        }
        let _ = write!(description, "Eras: {}.", eras.join("; "));
    }
    if !description.is_empty() {
        description.push(' ');
    }
    let _ = write!(
        description,
        "Imported from the TimelineJS file {file_name}."
    );
    let dataset = format!(
        "# dataset.toml, written by `karabakh-atlas import-timelinejs` from the\n\
         # TimelineJS file {file_name}. See data/README.md of karabakh-atlas for\n\
         # every field, and docs/timelinejs.md for what the import keeps.\n\
         \n\
         title = {{ en = {title} }}\n\
         description = {{ en = {description} }}\n\
         \n\
         # From the first to the last day of the events.\n\
         coverage = {{ from = \"{from}\", to = \"{to}\" }}\n\
         \n\
         # A TimelineJS file says nothing about who controls a place. When you\n\
         # add districts or regions, add the parties too, e.g.\n\
         # [[controller]]\n\
         # id = \"north\"\n\
         # names = {{ en = \"The northern side\" }}\n",
        title = toml_string(&dataset_title),
        description = toml_string(&description),
    );

    let places = "# places.toml, written by `karabakh-atlas import-timelinejs`.\n\
         #\n\
         # A TimelineJS file has no places, so this dataset tracks none: the\n\
         # map is empty and the steps only tell the story. To show who\n\
         # controls what, add [[place]] tables here (id, kind = \"district\",\n\
         # \"region\" or \"town\", names), their polygons to map.geojson and\n\
         # [[step.change]] tables to timeline.toml; data/README.md has the\n\
         # details and `karabakh-atlas new` writes a complete example.\n"
        .to_owned();

    let map = "{\"type\":\"FeatureCollection\",\n\
         \"note\":\"Written by karabakh-atlas import-timelinejs: a TimelineJS file has no geometry. Add one feature per district, region or town of places.toml (properties id, kind, names).\",\n\
         \"features\":[]}\n"
        .to_owned();

    let headline_line = match (title, title_offset) {
        (Some(t), Some(_)) => format!(
            "headline = {{ text = {}, gloss = \"The headline of the TimelineJS title slide.\" }}\n",
            toml_string(t)
        ),
        _ => String::new(),
    };
    let sources = format!(
        "# sources.toml, written by `karabakh-atlas import-timelinejs`.\n\
         # The source is the TimelineJS file itself, as plain text: see `note`.\n\
         # Set `language` to the language tag of its text (\"und\" means\n\
         # undetermined); `direction` was detected from the text.\n\
         \n\
         [[source]]\n\
         id = \"{SOURCE_ID}\"\n\
         file = \"{SOURCE_FILE}\"\n\
         original_file_name = {original}\n\
         sha256 = \"{sha}\"\n\
         language = \"und\"\n\
         direction = \"{direction}\"\n\
         label = {label}\n\
         {headline_line}\
         note = {note}\n",
        original = toml_string(file_name),
        label = toml_string(&format!("TimelineJS file {file_name}")),
        note = toml_string(
            "A plain-text rendering of the TimelineJS file written by the import: the title slide, the eras, then for each event (in date order) its headline, the date it shows, its text, and its media URL, credit and caption and its group. HTML tags are removed and entities decoded; the labels (Era:, Date shown:, Media:, Credit:, Caption:, Group:) are the importer's, the rest is the file's."
        ),
    );

    let mut timeline = format!(
        "# timeline.toml, written by `karabakh-atlas import-timelinejs`: one step per\n\
         # TimelineJS event, each citing its own text in sources/{SOURCE_FILE}.\n\
         # The titles and summaries are the file's headlines and texts.\n"
    );
    for (e, c) in events.iter().zip(&cited) {
        let title = if e.headline.is_empty() {
            let first = e.text.lines().next().unwrap_or_default();
            if first.chars().count() > 80 {
                format!("{}…", first.chars().take(79).collect::<String>())
            } else {
                first.to_owned()
            }
        } else {
            e.headline.clone()
        };
        let summary = if e.text.is_empty() {
            &e.headline
        } else {
            &e.text
        };
        let _ = write!(
            timeline,
            "\n[[step]]\nid = \"{id}\"\ndate = {date}\n",
            id = e.id,
            date = toml_date(e.date)
        );
        if !e.date_note.is_empty() {
            let _ = writeln!(
                timeline,
                "date_note = {}",
                toml_string(&e.date_note.join(" "))
            );
        }
        let _ = write!(
            timeline,
            "title = {{ en = {} }}\nsummary = {{ en = {} }}\ncitations = [\"{}-{}\"]\n",
            toml_string(&title),
            toml_string(summary),
            e.id,
            c.what
        );
    }
    for (e, c) in events.iter().zip(&cited) {
        let _ = write!(
            timeline,
            "\n[[citation]]\nid = \"{id}-{what}\"\nsource = \"{SOURCE_ID}\"\nquote = {quote}\noffset = {offset}\ngloss = {gloss}\n",
            id = e.id,
            what = c.what,
            quote = toml_string(&c.quote),
            offset = c.offset,
            gloss = toml_string(&format!(
                "The {} of events[{}] in the TimelineJS file.",
                c.what, e.index
            )),
        );
    }

    vec![
        ("dataset.toml".to_owned(), dataset.into_bytes()),
        ("places.toml".to_owned(), places.into_bytes()),
        ("sources.toml".to_owned(), sources.into_bytes()),
        ("timeline.toml".to_owned(), timeline.into_bytes()),
        ("map.geojson".to_owned(), map.into_bytes()),
        (format!("sources/{SOURCE_FILE}"), source_text.into_bytes()),
    ]
}

/// A date as TOML, in the dataset's three forms.
fn toml_date(d: DateSpec) -> String {
    match d {
        DateSpec::Day { date } => format!("\"{date}\""),
        DateSpec::Range { from, to } => format!("{{ from = \"{from}\", to = \"{to}\" }}"),
        DateSpec::Before { before } => format!("{{ before = \"{before}\" }}"),
    }
}

// ---------------------------------------------------------------------------
// Export

fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn tl_date(d: Date) -> Value {
    json!({ "year": d.year(), "month": d.month(), "day": d.day() })
}

/// The dataset as a TimelineJS3 JSON object: a title slide from its title
/// and description, and one event per step with `unique_id` = the step id,
/// the step's date (`start_date`, plus `end_date` and a `display_date`
/// "Between … and …" for a range; for "before D", the day before D and the
/// `display_date` "Before D"), its English title as the headline, and as
/// text its English summary followed by the quote of every citation it uses
/// with its source, line and citation id.
#[must_use]
pub fn export(ds: &Dataset) -> Value {
    let events: Vec<Value> = ds
        .steps
        .iter()
        .map(|s| {
            let mut html = format!("<p>{}</p>", escape_html(s.summary.en()));
            for id in ds.step_citation_ids(s) {
                let Some(c) = ds.citation(id) else { continue };
                let source = ds.source(&c.source);
                let attrs = source.map_or_else(String::new, |src| {
                    let dir = match src.direction {
                        crate::model::types::Direction::Rtl => "rtl",
                        crate::model::types::Direction::Ltr => "ltr",
                    };
                    format!(" dir=\"{dir}\" lang=\"{}\"", escape_html(&src.language))
                });
                let label = source.map_or(c.source.as_str(), |src| src.label.en());
                let _ = write!(
                    html,
                    "<blockquote{attrs}>{}</blockquote><p>{}, line {} (citation {})</p>",
                    escape_html(&c.quote),
                    escape_html(label),
                    c.line,
                    escape_html(&c.id)
                );
            }
            let mut ev = json!({
                "unique_id": s.id,
                "text": { "headline": s.title.en(), "text": html },
            });
            let (start, end, display) = match s.date {
                DateSpec::Day { date } => (date, None, None),
                DateSpec::Range { from, to } => (
                    from,
                    Some(to),
                    Some(format!(
                        "Between {} and {}",
                        from.english_long(),
                        to.english_long()
                    )),
                ),
                DateSpec::Before { before } => {
                    (before.add_days(-1), None, Some(before_text(before)))
                }
            };
            if let Some(obj) = ev.as_object_mut() {
                obj.insert("start_date".into(), tl_date(start));
                if let Some(end) = end {
                    obj.insert("end_date".into(), tl_date(end));
                }
                if let Some(d) = display {
                    obj.insert("display_date".into(), json!(d));
                }
            }
            ev
        })
        .collect();
    let mut title_text = escape_html(ds.description.en());
    if title_text.is_empty() {
        title_text = format!("{} steps", ds.steps.len());
    }
    json!({
        "title": { "text": { "headline": ds.title.en(), "text": format!("<p>{title_text}</p>") } },
        "events": events,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_the_text_a_browser_shows() {
        let p = html_to_text(
            "<p>Take <a href=\"https://x\">Ada&nbsp;Lovelace</a>:\n   daughter of\tLord Byron&hellip;</p><span class=\"n\">A &quot;note&quot; &amp; more &#x263A; &#65;</span><br/>x &lt; y &foo; <script>alert(1)</script><img src=a>end",
        );
        assert_eq!(
            p.text,
            "Take Ada\u{A0}Lovelace: daughter of Lord Byron…\nA \"note\" & more ☺ A\nx < y &foo; end"
        );
        assert_eq!(p.links, 1);
        assert_eq!(p.dropped, 2);
        assert_eq!(p.unknown_entities, ["&foo;"]);
    }

    #[test]
    fn any_text_is_handled_without_panicking() {
        // Every substring of a text mixing multi-byte letters with the
        // characters the parser looks at.
        let tricky =
            "&قره; <b x='ي>'>&#x6;&#xD800;&#99999999;<!-- ي &نص; <scr<script>ي</script>é&amp";
        let chars: Vec<(usize, char)> = tricky.char_indices().collect();
        for (a, _) in &chars {
            for (b, _) in chars.iter().filter(|(b, _)| b >= a) {
                let _ = html_to_text(&tricky[*a..*b]);
            }
            let _ = html_to_text(&tricky[*a..]);
        }
    }

    #[test]
    fn a_lone_angle_bracket_and_ampersand_stay() {
        assert_eq!(html_to_text("a < b & c > d").text, "a < b & c > d");
        assert_eq!(html_to_text("<!-- hidden -->shown").text, "shown");
        assert_eq!(html_to_text("<b title='a>b'>bold</b>").text, "bold");
    }

    #[test]
    fn json_errors_point_at_characters_not_bytes() {
        let text = "{\n  \"events\": [ \"é\" x ]\n}";
        let e = import("f.json", "f.json", text).unwrap_err();
        let d = &e.diagnostics[0];
        // serde_json counts bytes (20 up to the x); 'é' is two bytes but one character.
        assert_eq!(d.position.map(|p| (p.line, p.column)), Some((2, 19)), "{d}");
    }
}
