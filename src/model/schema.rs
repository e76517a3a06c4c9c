//! JSON Schemas (draft-07) of the dataset's TOML files, derived from the
//! structs in [`super::raw`] so they cannot drift from what the loader reads.
//!
//! They are committed under `data/schema/` for editors (Even Better TOML /
//! taplo read a `#:schema` comment); `karabakh-atlas schema --out DIR`
//! writes them and `karabakh-atlas schema --check DIR` compares. A schema
//! checks the shape of a file (fields, types, id and date formats, ranges);
//! `karabakh-atlas check` checks everything else (ids resolve, quotes are
//! verbatim, every place has a state every day).

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::transform::{Transform, transform_subschemas};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::Value;

use super::raw::{RawDatasetFile, RawPlacesFile, RawSourcesFile, RawTimelineFile, RawTourFile};

/// The schema files: file name, the TOML file(s) it describes, and the
/// schema as pretty-printed JSON ending in a newline.
#[must_use]
pub fn schemas() -> Vec<(&'static str, &'static str, String)> {
    vec![
        (
            "dataset.schema.json",
            "dataset.toml",
            render::<RawDatasetFile>("dataset.toml"),
        ),
        (
            "places.schema.json",
            "places.toml",
            render::<RawPlacesFile>("places.toml"),
        ),
        (
            "sources.schema.json",
            "sources.toml",
            render::<RawSourcesFile>("sources.toml"),
        ),
        (
            "timeline.schema.json",
            "timeline.toml",
            render::<RawTimelineFile>("timeline.toml"),
        ),
        (
            "tour.schema.json",
            "tours/*.toml",
            render::<RawTourFile>("tour file"),
        ),
    ]
}

fn render<T: JsonSchema>(what: &str) -> String {
    let mut schema = SchemaSettings::draft07()
        .with_transform(RemoveNull)
        .into_generator()
        .into_root_schema_for::<T>();
    schema.insert("title".into(), format!("karabakh-atlas {what}").into());
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// TOML has no null: an optional field is simply left out, so the `null`
/// that schemars allows for `Option` fields (and gives as their default) is
/// removed. Descriptions are unwrapped to one line per paragraph.
#[derive(Clone)]
struct RemoveNull;

impl Transform for RemoveNull {
    fn transform(&mut self, schema: &mut Schema) {
        transform_subschemas(self, schema);
        if schema.get("default").is_some_and(Value::is_null) {
            schema.remove("default");
        }
        // Doc comments wrap at 80 columns; editors show a description as
        // Markdown, where a single line break is a space anyway.
        if let Some(Value::String(d)) = schema.get_mut("description") {
            *d = unwrap_lines(d);
        }
        if let Some(Value::Array(types)) = schema.get_mut("type") {
            types.retain(|t| t != "null");
            if let [only] = types.as_slice() {
                let only = only.clone();
                schema.insert("type".into(), only);
            }
        }
        let is_null = |v: &Value| v.get("type").is_some_and(|t| t == "null");
        if let Some(Value::Array(any)) = schema.get_mut("anyOf")
            && any.iter().any(is_null)
        {
            any.retain(|v| !is_null(v));
            if let [only] = any.as_slice()
                && let Some(only) = only.as_object().cloned()
            {
                schema.remove("anyOf");
                if only.contains_key("$ref") {
                    // Draft-07 ignores keywords beside `$ref`: keep the
                    // description by wrapping the reference.
                    schema.insert("allOf".into(), Value::Array(vec![Value::Object(only)]));
                } else {
                    for (k, v) in only {
                        schema.insert(k, v);
                    }
                }
            }
        }
    }
}

/// `text` with every single line break made a space (paragraph breaks,
/// blank lines, are kept).
fn unwrap_lines(text: &str) -> String {
    text.split("\n\n")
        .map(|p| p.split('\n').map(str::trim).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Schema of an id: lower-case ASCII letters, digits, `-` and `_`.
pub struct IdSchema;

impl JsonSchema for IdSchema {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Id".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": "^[a-z0-9_-]+$" })
    }
}

/// Schema of a language tag naming a set of place names (`az`, `hy-Latn`).
pub struct NameTagSchema;

impl JsonSchema for NameTagSchema {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "NameTag".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[A-Za-z0-9]{1,8}(-[A-Za-z0-9]{1,8})*$",
            "maxLength": 15,
        })
    }
}

/// Schema of a day, `YYYY-MM-DD` (`-YYYY-MM-DD` before the year 0).
pub struct DaySchema;

impl JsonSchema for DaySchema {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Day".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": "^-?[0-9]{4}-[0-9]{2}-[0-9]{2}$" })
    }
}

/// Schema of a date a dataset file gives for an event: a day `YYYY-MM-DD`
/// or any EDTF level 0 or 1 date or interval (checked by the loader).
pub struct EdtfSchema;

impl JsonSchema for EdtfSchema {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Edtf".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "A day YYYY-MM-DD, or an EDTF level 0 or 1 date or interval: 2020-10, 2020, -0330 (331 BCE), 2020-09-27/2020-11-10, ../2020-11-10 (before a day), 2020-09-27/.. (on some day from then on that the sources do not give), 2020-11-2X, with ? (uncertain), ~ (approximate) or % (both) after a date.",
            "pattern": "^(Y-?[0-9]+|-?[0-9X]{4}(-[0-9X]{2}(-[0-9X]{2})?)?)[?~%]?$|^((Y-?[0-9]+|-?[0-9X]{4}(-[0-9X]{2}(-[0-9X]{2})?)?)[?~%]?|\\.\\.)?/((Y-?[0-9]+|-?[0-9X]{4}(-[0-9X]{2}(-[0-9X]{2})?)?)[?~%]?|\\.\\.)?$",
        })
    }
}

/// Schema of text by language tag that must have non-empty English (`en`).
pub struct LocalizedSchema;

impl JsonSchema for LocalizedSchema {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Localized".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Text by language tag, `en` required. A source is named as {source:ID} (its id in sources.toml), which the viewer shows as the source's title; {{ writes a brace.",
            "type": "object",
            "required": ["en"],
            "properties": { "en": { "type": "string", "minLength": 1 } },
            "additionalProperties": { "type": "string" },
        })
    }
}

/// Schema of a SHA-256 sum in hex.
pub struct Sha256Schema;

impl JsonSchema for Sha256Schema {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Sha256".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": "^[0-9a-fA-F]{64}$" })
    }
}

macro_rules! string_enum {
    ($(#[$doc:meta])* $name:ident, $schema_name:literal, [$($v:literal),+]) => {
        $(#[$doc])*
        pub struct $name;

        impl JsonSchema for $name {
            fn inline_schema() -> bool {
                true
            }
            fn schema_name() -> Cow<'static, str> {
                $schema_name.into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({ "type": "string", "enum": [$($v),+] })
            }
        }
    };
}

string_enum!(
    /// Schema of a place kind.
    PlaceKindSchema,
    "PlaceKind",
    ["district", "region", "town"]
);
string_enum!(
    /// Schema of a writing direction.
    DirectionSchema,
    "Direction",
    ["rtl", "ltr"]
);
string_enum!(
    /// Schema of a claim kind.
    ClaimKindSchema,
    "ClaimKind",
    ["date", "number", "text"]
);
string_enum!(
    /// Schema of how the sources support a change or a pending handover.
    BasisSchema,
    "Basis",
    ["reported", "claimed", "inferred"]
);
string_enum!(
    /// Schema of whether control is of the whole place or of part of it.
    ReachSchema,
    "Reach",
    ["whole", "part"]
);
