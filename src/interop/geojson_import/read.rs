//! Reading the layer: the JSON, the fields to use, and each feature as a
//! period (place, state, start, end, geometry, and the extra state our own
//! export writes). Building the timeline from the periods is `build.rs`.

use serde_json::{Map, Value};

use super::{END_FIELDS, Fields, PLACE_FIELDS, START_FIELDS, STATE_FIELDS, UsedFields, WHAT};
use crate::interop::timelinejs::Note;
use crate::interop::{ImportError, parse_json, problem, short_json as short};
use crate::model::{Date, DateSpec, parse_edtf};

/// An agreed handover not yet carried out during a period (our export's
/// `pending*` properties).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct PendingInfo {
    /// The controller it is to pass to.
    pub to: String,
    /// Whether the sources disagree on the deadline.
    pub disputed: bool,
    /// Every version of the deadline: the day and who gives it.
    pub deadlines: Vec<(Date, String)>,
}

/// One feature read as a period of control.
#[derive(Debug, Clone)]
pub(super) struct Period {
    /// The feature's index in `features`.
    pub index: usize,
    /// The place field's value.
    pub place: String,
    /// The state field's value.
    pub state: String,
    /// The `<state>_name` property, if any.
    pub state_name: Option<String>,
    /// The first day (or the days within which the period starts).
    pub start: DateSpec,
    /// The end (exclusive), if the period has ended.
    pub end: Option<DateSpec>,
    /// When the change that starts the period happened, if the feature says
    /// so more precisely than its start (`since*`, our export).
    pub since: Option<DateSpec>,
    /// A handover agreed during the period (`pending*`, our export).
    pub pending: Option<PendingInfo>,
    /// Names by language tag (`en` from `name`, others from `name_TAG`).
    pub names: Vec<(String, String)>,
    /// Whether the feature says it is a region.
    pub region: bool,
    /// The geometry, as written.
    pub geometry: Value,
}

/// The layer as read.
#[derive(Debug, Clone)]
pub(super) struct Layer {
    /// The fields used.
    pub fields: UsedFields,
    /// Every feature that is a period, in file order.
    pub periods: Vec<Period>,
    /// Every feature's properties as `key: value` lines, with its index,
    /// for the generated source text.
    pub listing: Vec<(usize, Vec<String>)>,
    /// The layer's `name` member, if any.
    pub title: Option<String>,
    /// What was left out.
    pub notes: Vec<Note>,
}

/// A layer date: see [`super::parse_layer_date`].
pub(super) fn layer_date(text: &str) -> Result<DateSpec, String> {
    let t = text.trim();
    // A date and time (`2020-11-20T00:00:00Z`): the day.
    let t = match t.split_once('T') {
        Some((day, _)) if day.trim_start_matches('-').len() == 10 => day,
        _ => t,
    };
    parse_edtf(t).map_err(|e| format!("\"{text}\" is not a date: {e}"))
}

/// A property's value as one line of the listing.
fn listed(v: &Value) -> String {
    match v {
        Value::String(s) => s.replace(['\n', '\r'], " "),
        other => other.to_string(),
    }
}

/// A text value: strings, and numbers as written; `None` when absent, null
/// or blank.
fn text_of(v: Option<&Value>) -> Result<Option<String>, String> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_owned())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(other) => Err(format!("expected text, found {}", short(other))),
    }
}

struct Reader<'a> {
    label: &'a str,
    errors: Vec<crate::model::diag::Diagnostic>,
    notes: Vec<Note>,
}

impl Reader<'_> {
    fn error(&mut self, path: &str, message: impl std::fmt::Display, help: &str) {
        self.errors
            .push(problem(self.label, format!("{path}: {message}"), help));
    }

    fn note(&mut self, path: &str, message: impl Into<String>) {
        self.notes.push(Note {
            path: path.to_owned(),
            message: message.into(),
        });
    }

    /// A text property; errors name the path.
    fn text(&mut self, props: &Map<String, Value>, key: &str, path: &str) -> Option<String> {
        match text_of(props.get(key)) {
            Ok(t) => t,
            Err(e) => {
                self.error(&format!("{path}.{key}"), e, "write it as a JSON string");
                None
            }
        }
    }

    /// A date property (`Ok(None)` when absent or null).
    fn date(
        &mut self,
        props: &Map<String, Value>,
        key: &str,
        path: &str,
    ) -> Result<Option<DateSpec>, ()> {
        let Some(t) = self.text(props, key, path) else {
            return if props
                .get(key)
                .is_some_and(|v| !v.is_null() && !v.is_string())
            {
                Err(())
            } else {
                Ok(None)
            };
        };
        match super::parse_layer_date(&t) {
            // A period is placed on the time line: its start and end are
            // days or ranges (a change with an open end is written by hand,
            // as its own `when`).
            Ok(DateSpec::After { .. }) => {
                self.error(
                    &format!("{path}.{key}"),
                    format!(
                        "\"{t}\" has an open end, so the period cannot be placed on the time line"
                    ),
                    "give the last day it may be after the slash (2020-09-27/2020-11-10)",
                );
                Err(())
            }
            Ok(d) => Ok(Some(d)),
            Err(e) => {
                self.error(
                    &format!("{path}.{key}"),
                    e,
                    "write the date as YYYY-MM-DD, YYYY-MM or YYYY (ISO 8601)",
                );
                Err(())
            }
        }
    }
}

/// `field`, or its plain form when `field` is an OpenHistoricalMap `:edtf`
/// variant this feature does not have (`start_date:edtf` → `start_date`).
fn plain_or_edtf<'a>(props: &Map<String, Value>, field: &'a str) -> &'a str {
    match field.strip_suffix(":edtf") {
        Some(plain) if props.get(field).is_none_or(Value::is_null) => plain,
        _ => field,
    }
}

/// Which field to use: the one named, or the first of `candidates` some
/// feature has.
fn pick(
    named: Option<&String>,
    candidates: &[&str],
    features: &[Map<String, Value>],
) -> Result<Option<String>, String> {
    let has = |k: &str| {
        features
            .iter()
            .any(|p| p.get(k).is_some_and(|v| !v.is_null()))
    };
    if let Some(n) = named {
        return if has(n) {
            Ok(Some(n.clone()))
        } else {
            Err(n.clone())
        };
    }
    Ok(candidates.iter().find(|c| has(c)).map(|c| (*c).to_owned()))
}

/// Every property name of the features, once, sorted, for messages.
fn property_names(features: &[Map<String, Value>]) -> String {
    let mut names: Vec<&str> = features
        .iter()
        .flat_map(|p| p.keys().map(String::as_str))
        .collect();
    names.sort_unstable();
    names.dedup();
    if names.is_empty() {
        "none".to_owned()
    } else {
        names.join(", ")
    }
}

/// The change's own date written by our export (`since`, `since_earliest`,
/// `since_precision`), when all three are there.
fn since_of(r: &mut Reader<'_>, props: &Map<String, Value>, path: &str) -> Option<DateSpec> {
    let precision = r.text(props, "since_precision", path)?;
    if props.get("since_edtf").is_some_and(|v| !v.is_null()) {
        return r.date(props, "since_edtf", path).ok().flatten();
    }
    let day = |r: &mut Reader<'_>, key: &str| match r.date(props, key, path) {
        Ok(Some(DateSpec::Day { date, .. })) => Some(date),
        Ok(Some(_)) => {
            r.error(
                &format!("{path}.{key}"),
                "must be a day (YYYY-MM-DD)",
                "our export writes days here",
            );
            None
        }
        _ => None,
    };
    let since = day(r, "since")?;
    match precision.as_str() {
        "day" => Some(DateSpec::from(since)),
        "range" => {
            let from = day(r, "since_earliest")?;
            if from > since {
                r.error(
                    &format!("{path}.since_earliest"),
                    format!("{from} is after since ({since})"),
                    "since_earliest is the first possible day, since the last",
                );
                return None;
            }
            Some(DateSpec::range(from, since))
        }
        "before" => Some(DateSpec::before(since.add_days(1))),
        other => {
            r.error(
                &format!("{path}.since_precision"),
                format!("\"{other}\" is not a precision"),
                "use day, range or before",
            );
            None
        }
    }
}

/// The agreed handover our export writes (`pending`, `pending_to`,
/// `pending_disputed`, `pending_deadlines`), when `pending` is true.
fn pending_of(r: &mut Reader<'_>, props: &Map<String, Value>, path: &str) -> Option<PendingInfo> {
    if props.get("pending") != Some(&Value::Bool(true)) {
        return None;
    }
    let Some(to) = r.text(props, "pending_to", path) else {
        r.error(
            &format!("{path}.pending_to"),
            "is missing while pending is true",
            "name the controller the place is to pass to",
        );
        return None;
    };
    let disputed = props.get("pending_disputed") == Some(&Value::Bool(true));
    let mut deadlines = Vec::new();
    if let Some(list) = props.get("pending_deadlines").and_then(Value::as_array) {
        for (k, d) in list.iter().enumerate() {
            let at = format!("{path}.pending_deadlines[{k}]");
            let date = d.get("date").and_then(Value::as_str).map(Date::parse);
            let who = d.get("according_to").and_then(Value::as_str);
            match (date, who) {
                (Some(Ok(date)), Some(who)) if !who.trim().is_empty() => {
                    deadlines.push((date, who.trim().to_owned()));
                }
                _ => r.error(
                    &at,
                    format!(
                        "expected {{\"date\": \"YYYY-MM-DD\", \"according_to\": \"…\"}}, found {}",
                        short(d)
                    ),
                    "each deadline has a day and who gives it",
                ),
            }
        }
    }
    Some(PendingInfo {
        to,
        disputed,
        deadlines,
    })
}

/// Names by tag: `en` from `name` (else the place value), others from
/// `name_TAG` and `name:TAG`.
fn names_of(props: &Map<String, Value>, place: &str) -> Vec<(String, String)> {
    let en = text_of(props.get("name"))
        .ok()
        .flatten()
        .unwrap_or_else(|| place.to_owned());
    let mut names = vec![("en".to_owned(), en)];
    for (k, v) in props {
        let Some(tag) = k.strip_prefix("name_").or_else(|| k.strip_prefix("name:")) else {
            continue;
        };
        let tag = tag.to_ascii_lowercase();
        if tag == "en" || crate::model::types::NameTag::parse(&tag).is_none() {
            continue;
        }
        if let Ok(Some(n)) = text_of(Some(v))
            && !names.iter().any(|(t, _)| *t == tag)
        {
            names.push((tag, n));
        }
    }
    names
}

/// Read the layer `text` into periods.
pub(super) fn read(label: &str, text: &str, fields: &Fields) -> Result<Layer, ImportError> {
    let one = |d| ImportError {
        what: WHAT,
        diagnostics: vec![d],
    };
    let root = parse_json(
        label,
        text,
        "fix the JSON syntax (a GeoJSON layer is one FeatureCollection object)",
    )
    .map_err(one)?;
    let features = match root.get("features") {
        Some(Value::Array(a)) if !a.is_empty() => a,
        Some(Value::Array(_)) => {
            return Err(one(problem(
                label,
                "features: is empty",
                "a layer needs at least one feature",
            )));
        }
        _ => {
            return Err(one(problem(
                label,
                format!(
                    "expected a GeoJSON FeatureCollection with \"features\", found {}",
                    short(&root)
                ),
                "a layer is { \"type\": \"FeatureCollection\", \"features\": [ ... ] }",
            )));
        }
    };
    let mut r = Reader {
        label,
        errors: Vec::new(),
        notes: Vec::new(),
    };
    let mut props: Vec<Map<String, Value>> = Vec::with_capacity(features.len());
    for (i, f) in features.iter().enumerate() {
        match f.get("properties") {
            Some(Value::Object(p)) => props.push(p.clone()),
            Some(Value::Null) | None => {
                if !f.is_object() {
                    r.error(
                        &format!("features[{i}]"),
                        format!("expected a Feature object, found {}", short(f)),
                        "each feature is { \"type\": \"Feature\", \"properties\": {...}, \"geometry\": {...} }",
                    );
                }
                props.push(Map::new());
            }
            Some(other) => {
                r.error(
                    &format!("features[{i}].properties"),
                    format!("expected an object, found {}", short(other)),
                    "properties is a JSON object of fields",
                );
                props.push(Map::new());
            }
        }
    }
    let mut chosen = Vec::new();
    for (what, named, candidates, flag) in [
        (
            "place",
            fields.place.as_ref(),
            &PLACE_FIELDS[..],
            "--place-field",
        ),
        (
            "state",
            fields.state.as_ref(),
            &STATE_FIELDS[..],
            "--state-field",
        ),
        (
            "start",
            fields.start.as_ref(),
            &START_FIELDS[..],
            "--start-field",
        ),
        ("end", fields.end.as_ref(), &END_FIELDS[..], "--end-field"),
    ] {
        match pick(named, candidates, &props) {
            Ok(Some(f)) => chosen.push(Some(f)),
            Ok(None) if what == "end" => chosen.push(None),
            Ok(None) => {
                r.error(
                    "features",
                    format!(
                        "no {what} field found: no feature has any of {} (the properties are: {})",
                        candidates.join(", "),
                        property_names(&props)
                    ),
                    &format!("name the property that holds the {what} with {flag} NAME"),
                );
                chosen.push(None);
            }
            Err(n) => {
                r.error(
                    "features",
                    format!(
                        "{flag} {n}: no feature has a property \"{n}\" (the properties are: {})",
                        property_names(&props)
                    ),
                    &format!("check the spelling, or leave out {flag} to detect the field"),
                );
                chosen.push(None);
            }
        }
    }
    let [Some(place_f), Some(state_f), Some(start_f), end_f] =
        <[Option<String>; 4]>::try_from(chosen).unwrap_or([None, None, None, None])
    else {
        return Err(ImportError {
            what: WHAT,
            diagnostics: r.errors,
        });
    };
    let mut periods = Vec::new();
    let mut listing = Vec::new();
    for (i, (f, p)) in features.iter().zip(&props).enumerate() {
        let path = format!("features[{i}].properties");
        let mut lines: Vec<String> = p
            .iter()
            .map(|(k, v)| format!("{k}: {}", listed(v)))
            .collect();
        if let Some(kind) = f.pointer("/geometry/type").and_then(Value::as_str) {
            lines.push(format!("geometry: {kind}"));
        }
        listing.push((i, lines));
        let place = r.text(p, &place_f, &path);
        let state = r.text(p, &state_f, &path);
        let start = r.date(p, plain_or_edtf(p, &start_f), &path);
        let end = match &end_f {
            Some(e) => r.date(p, plain_or_edtf(p, e), &path),
            None => Ok(None),
        };
        let (Some(place), Some(state)) = (place, state) else {
            let missing = if p.get(&place_f).is_none_or(Value::is_null) {
                &place_f
            } else {
                &state_f
            };
            if p.get(missing).is_none_or(Value::is_null) {
                r.note(
                    &format!("features[{i}]"),
                    format!("has no {missing}, so it is not a period of control; left out"),
                );
            }
            continue;
        };
        let start = match start {
            Ok(Some(s)) => s,
            Ok(None) => {
                r.error(
                    &format!("{path}.{start_f}"),
                    "is missing: every period needs a start",
                    "give the first day of the period (YYYY-MM-DD, YYYY-MM or YYYY)",
                );
                continue;
            }
            Err(()) => continue,
        };
        let Ok(end) = end else { continue };
        if let Some(e) = end
            && e.end() < start.start()
        {
            r.error(
                &format!("{path}.{}", end_f.as_deref().unwrap_or("end")),
                format!("the period ends ({e}) before it starts ({start})"),
                "swap the dates, or fix the one that is wrong",
            );
            continue;
        }
        let geometry = f.get("geometry").cloned().unwrap_or(Value::Null);
        let area = matches!(
            geometry.get("type").and_then(Value::as_str),
            Some("Polygon" | "MultiPolygon")
        );
        if !area {
            r.error(
                &format!("features[{i}].geometry"),
                format!(
                    "a place whose control is tracked needs an area (Polygon or MultiPolygon), found {}",
                    short(&geometry)
                ),
                "give the feature its polygon, or leave out its state to keep it out of the import",
            );
            continue;
        }
        let since = since_of(&mut r, p, &path);
        let pending = pending_of(&mut r, p, &path);
        let state_name = text_of(p.get(&format!("{state_f}_name"))).ok().flatten();
        let region = p.get("kind").and_then(Value::as_str) == Some("region");
        periods.push(Period {
            index: i,
            names: names_of(p, &place),
            place,
            state,
            state_name,
            start,
            end,
            since,
            pending,
            region,
            geometry,
        });
    }
    if !r.errors.is_empty() {
        return Err(ImportError {
            what: WHAT,
            diagnostics: r.errors,
        });
    }
    if periods.is_empty() {
        return Err(one(problem(
            label,
            format!("features: no feature has both a {place_f} and a {state_f}"),
            "name the fields that hold the place and who controls it with --place-field and --state-field",
        )));
    }
    Ok(Layer {
        fields: UsedFields {
            place: place_f,
            state: state_f,
            start: start_f,
            end: end_f,
        },
        periods,
        listing,
        title: root.get("name").and_then(Value::as_str).map(str::to_owned),
        notes: r.notes,
    })
}
