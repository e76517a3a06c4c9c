//! Reading one TimelineJS slide: an event (dates, headline, text, media,
//! group, `unique_id` made a valid unique step id), the media of the title
//! slide, and an era (one line of text for the description and the source).

use std::collections::BTreeSet;

use serde_json::Value;

use super::import::{Importer, short};
use crate::model::DateSpec;

/// One event, ready to become a step.
pub(super) struct Event {
    pub(super) index: usize,
    pub(super) id: String,
    pub(super) date: DateSpec,
    pub(super) date_note: Vec<String>,
    pub(super) headline: String,
    pub(super) text: String,
    pub(super) display_date: Option<String>,
    pub(super) media: Vec<(&'static str, String)>,
    pub(super) group: Option<String>,
}

/// A date or text field name that is understood, for the unknown-key report.
pub(super) const SLIDE_KEYS: [&str; 9] = [
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
/// The fields of a TimelineJS media object, for the unknown-key report.
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

impl Importer {
    pub(super) fn event(
        &mut self,
        index: usize,
        v: &Value,
        ids: &mut BTreeSet<String>,
    ) -> Option<Event> {
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

    pub(super) fn media(&mut self, v: Option<&Value>, path: &str) -> Vec<(&'static str, String)> {
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

    pub(super) fn era(&mut self, index: usize, v: &Value) -> Option<String> {
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
