//! Writing the timeline as a dataset: the generated source text (every
//! feature's properties, each at a known offset for its citation),
//! `dataset.toml`, `places.toml`, `sources.toml`, `timeline.toml` and
//! `map.geojson`.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::build::{StepOut, Timeline};
use super::read::Layer;
use super::{SOURCE_FILE, SOURCE_ID};
use crate::i18n::format::DateSpecWords;
use crate::interop::annotations::sha256_hex;
use crate::interop::toml_doc::TomlDoc;
use crate::interop::{DatasetFiles, En, Span};

/// The source text and, for each feature index, its block's offset (in
/// characters) and text.
fn source_text(file_name: &str, layer: &Layer) -> (String, BTreeMap<usize, (usize, String)>) {
    let mut text = format!(
        "The features of the GeoJSON layer {file_name}, as read by karabakh-atlas import-geojson: one block per feature, its properties as \"name: value\" lines in the file's order, then its geometry type.\n"
    );
    let mut chars = text.chars().count();
    let mut blocks = BTreeMap::new();
    for (i, lines) in &layer.listing {
        let mut block = format!("Feature {i}");
        for l in lines {
            block.push('\n');
            block.push_str(l);
        }
        text.push('\n');
        chars += 1;
        blocks.insert(*i, (chars, block.clone()));
        chars += block.chars().count() + 1;
        text.push_str(&block);
        text.push('\n');
    }
    (text, blocks)
}

fn names_of<'a>(t: &'a Timeline, place: &'a str) -> &'a str {
    t.places
        .iter()
        .find(|p| p.id == place)
        .and_then(|p| p.names.first())
        .map_or(place, |(_, n)| n.as_str())
}

fn controller_name<'a>(t: &'a Timeline, id: &'a str) -> &'a str {
    t.controllers
        .iter()
        .find(|c| c.id == id)
        .map_or(id, |c| c.name.as_str())
}

/// A step's title and summary, in English, attributed to the layer.
fn step_words(t: &Timeline, s: &StepOut, file_name: &str) -> (String, String) {
    let mut parts: Vec<String> = s
        .changes
        .iter()
        .map(|c| format!("{} to {}", names_of(t, &c.place), controller_name(t, &c.to)))
        .collect();
    parts.extend(s.pending.iter().map(|p| {
        format!(
            "{}: handover to {} pending",
            names_of(t, &p.place),
            controller_name(t, &p.to)
        )
    }));
    let title = if parts.len() > 3 {
        format!("{} and {} more", parts[..3].join(", "), parts.len() - 3)
    } else {
        parts.join(", ")
    };
    let summary = format!(
        "According to the layer {file_name}, {}: {}.",
        s.date.english_on(),
        parts.join("; ")
    );
    (title, summary)
}

fn dataset_toml(file_name: &str, layer: &Layer, t: &Timeline) -> Result<String, toml::ser::Error> {
    let title = layer
        .title
        .clone()
        .unwrap_or_else(|| format!("Layer imported from {file_name}"));
    let description = format!(
        "Imported from the time-enabled GeoJSON layer {file_name}: {} places, {} controllers, {} periods.",
        t.places.len(),
        t.controllers.len(),
        layer.periods.len()
    );
    let mut doc = TomlDoc::new();
    doc.comment(&format!(
        "dataset.toml, written by `karabakh-atlas import-geojson` from the layer\n\
         {file_name}. See data/README.md of karabakh-atlas for every field, and\n\
         docs/geojson-import.md for what the import keeps."
    ))
    .blank();
    doc.value("title", &En { en: &title })?;
    doc.value("description", &En { en: &description })?;
    doc.blank().comment(
        "From the first day every place has a controller to the end of the\n\
         last period (or the end of the year of the latest date in the layer,\n\
         when a period is still valid: extend `to` to go further).",
    );
    doc.value(
        "coverage",
        &Span {
            from: t.coverage.0,
            to: t.coverage.1,
        },
    )?;
    for c in &t.controllers {
        doc.array_table("controller");
        doc.value("id", &c.id)?;
        doc.value("names", &En { en: &c.name })?;
    }
    Ok(doc.finish())
}

fn places_toml(t: &Timeline) -> Result<String, toml::ser::Error> {
    let mut doc = TomlDoc::new();
    doc.comment(
        "places.toml, written by `karabakh-atlas import-geojson`: one place per\n\
         distinct value of the layer's place field, named as its latest period.",
    );
    for p in &t.places {
        doc.array_table("place");
        doc.value("id", &p.id)?;
        doc.value("kind", if p.region { "region" } else { "district" })?;
        let names: BTreeMap<&str, &str> = p
            .names
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        doc.value("names", &names)?;
    }
    Ok(doc.finish())
}

fn sources_toml(file_name: &str, sha256: &str) -> Result<String, toml::ser::Error> {
    let mut doc = TomlDoc::new();
    doc.comment(
        "sources.toml, written by `karabakh-atlas import-geojson`. The source is\n\
         the layer itself, as plain text: see `note`.",
    )
    .array_table("source");
    doc.value("id", SOURCE_ID)?;
    doc.value("file", SOURCE_FILE)?;
    doc.value("original_file_name", file_name)?;
    doc.value("sha256", sha256)?;
    doc.value("language", "und")?;
    doc.value("direction", "ltr")?;
    doc.value("label", &format!("GeoJSON layer {file_name}"))?;
    doc.value(
        "note",
        "A plain-text listing of the layer's features written by the import: each feature's properties as they are in the file. Each change cites the feature whose period it starts.",
    )?;
    Ok(doc.finish())
}

fn timeline_toml(
    file_name: &str,
    t: &Timeline,
    blocks: &BTreeMap<usize, (usize, String)>,
) -> Result<String, toml::ser::Error> {
    let cite = |i: usize| format!("feature-{i}");
    let mut doc = TomlDoc::new();
    doc.comment(&format!(
        "timeline.toml, written by `karabakh-atlas import-geojson`: one step per\n\
         distinct date of a change in the layer {file_name}, each change citing\n\
         its feature in sources/{SOURCE_FILE}."
    ));
    let mut cited = Vec::new();
    for s in &t.steps {
        let (title, summary) = step_words(t, s, file_name);
        let mut ids: Vec<usize> = s.changes.iter().map(|c| c.feature).collect();
        ids.extend(s.pending.iter().map(|p| p.feature));
        ids.sort_unstable();
        ids.dedup();
        cited.extend(ids.iter().copied());
        doc.array_table("step");
        doc.value("id", &s.id)?;
        doc.value("date", &s.date)?;
        doc.value("title", &En { en: &title })?;
        doc.value("summary", &En { en: &summary })?;
        doc.value(
            "citations",
            &ids.iter().map(|i| cite(*i)).collect::<Vec<_>>(),
        )?;
        for c in &s.changes {
            doc.array_table("step.change");
            doc.value("place", &c.place)?;
            doc.value("to", &c.to)?;
            doc.value("citations", &[cite(c.feature)])?;
        }
        for p in &s.pending {
            doc.array_table("step.pending");
            doc.value("place", &p.place)?;
            doc.value("to", &p.to)?;
            doc.value("deadline", &p.claim)?;
            doc.value("citations", &[cite(p.feature)])?;
        }
    }
    cited.sort_unstable();
    cited.dedup();
    for i in cited {
        let Some((offset, quote)) = blocks.get(&i) else {
            continue;
        };
        doc.array_table("citation");
        doc.value("id", &cite(i))?;
        doc.value("source", SOURCE_ID)?;
        doc.value("quote", quote)?;
        doc.value("offset", offset)?;
        doc.value(
            "gloss",
            &format!("The properties of features[{i}] in the layer {file_name}."),
        )?;
    }
    for s in &t.steps {
        for p in &s.pending {
            doc.array_table("claim");
            doc.value("id", &p.claim)?;
            doc.value(
                "subject",
                &En {
                    en: &format!(
                        "Deadline for the handover of {} to {}",
                        names_of(t, &p.place),
                        controller_name(t, &p.to)
                    ),
                },
            )?;
            doc.value("kind", "date")?;
            doc.value("disputed", &p.disputed)?;
            for (date, who) in &p.deadlines {
                doc.array_table("claim.version");
                doc.value("value", &date.iso())?;
                doc.value("according_to", who)?;
                doc.value("citations", &[cite(p.feature)])?;
            }
        }
    }
    Ok(doc.finish())
}

fn map_geojson(t: &Timeline) -> String {
    let features: Vec<String> = t
        .places
        .iter()
        .map(|p| {
            let names: serde_json::Map<String, Value> =
                p.names.iter().map(|(k, v)| (k.clone(), json!(v))).collect();
            json!({
                "type": "Feature",
                "id": p.id,
                "properties": {
                    "id": p.id,
                    "kind": if p.region { "region" } else { "district" },
                    "names": names,
                },
                "geometry": p.geometry,
            })
            .to_string()
        })
        .collect();
    format!(
        "{{\"type\":\"FeatureCollection\",\"features\":[\n{}\n]}}\n",
        features.join(",\n")
    )
}

/// The dataset's files.
///
/// # Errors
/// When the `toml` crate cannot write a value (not expected).
pub(super) fn files(
    file_name: &str,
    layer: &Layer,
    t: &Timeline,
) -> Result<DatasetFiles, toml::ser::Error> {
    let (text, blocks) = source_text(file_name, layer);
    let sha = sha256_hex(&text);
    Ok(vec![
        (
            "dataset.toml".to_owned(),
            dataset_toml(file_name, layer, t)?.into_bytes(),
        ),
        ("places.toml".to_owned(), places_toml(t)?.into_bytes()),
        (
            "sources.toml".to_owned(),
            sources_toml(file_name, &sha)?.into_bytes(),
        ),
        (
            "timeline.toml".to_owned(),
            timeline_toml(file_name, t, &blocks)?.into_bytes(),
        ),
        ("map.geojson".to_owned(), map_geojson(t).into_bytes()),
        (format!("sources/{SOURCE_FILE}"), text.into_bytes()),
    ])
}
