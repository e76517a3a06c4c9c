//! Writing the imported events as a dataset skeleton: the plain-text source
//! (with each event's text at a known offset, for its citation),
//! `dataset.toml`, `places.toml`, `sources.toml`, `timeline.toml` and an
//! empty `map.geojson`. The TOML files go through [`TomlDoc`], so the `toml`
//! crate writes every value; their comments tell a user what to add.

use serde::Serialize;

use super::slides::Event;
use super::{SOURCE_FILE, SOURCE_ID};
use crate::interop::toml_doc::TomlDoc;
use crate::interop::{DatasetFiles, En, Span};
use crate::model::Date;
use crate::text::bidi::paragraph_direction;

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

/// A source's `headline = { text = …, gloss = … }`.
#[derive(Serialize)]
struct Headline<'a> {
    text: &'a str,
    gloss: &'a str,
}

/// What `places.toml` holds: nothing but what to add.
const PLACES_TOML: &str = "# places.toml, written by `karabakh-atlas import-timelinejs`.\n\
     #\n\
     # A TimelineJS file has no places, so this dataset tracks none: the\n\
     # map is empty and the steps only tell the story. To show who\n\
     # controls what, add [[place]] tables here (id, kind = \"district\",\n\
     # \"region\" or \"town\", names), their polygons to map.geojson and\n\
     # [[step.change]] tables to timeline.toml; data/README.md has the\n\
     # details and `karabakh-atlas new` writes a complete example.\n";

/// An empty map, saying what to add.
const MAP_GEOJSON: &str = "{\"type\":\"FeatureCollection\",\n\
     \"note\":\"Written by karabakh-atlas import-timelinejs: a TimelineJS file has no geometry. Add one feature per district, region or town of places.toml (properties id, kind, names).\",\n\
     \"features\":[]}\n";

/// The `note` of the generated source.
const SOURCE_NOTE: &str = "A plain-text rendering of the TimelineJS file written by the import: the title slide, the eras, then for each event (in date order) its headline, the date it shows, its text, and its media URL, credit and caption and its group. HTML tags are removed and entities decoded; the labels (Era:, Date shown:, Media:, Credit:, Caption:, Group:) are the importer's, the rest is the file's.";

/// The generated source text, the character offset of the title slide's
/// headline in it (if any), and for each event what its step cites.
fn source_text(
    events: &[Event],
    title: Option<&str>,
    title_text: Option<&str>,
    title_media: &[(&'static str, String)],
    eras: &[String],
) -> (String, Option<usize>, Vec<Cited>) {
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
    (src.text, title_offset, cited)
}

/// `dataset.toml`: title, description (the title slide's text, the eras,
/// where it came from) and coverage.
fn dataset_toml(
    file_name: &str,
    title: Option<&str>,
    title_text: Option<&str>,
    eras: &[String],
    (from, to): (Date, Date),
) -> Result<String, toml::ser::Error> {
    let dataset_title = title.map_or_else(
        || format!("Timeline imported from {file_name}"),
        str::to_owned,
    );
    let mut description = title_text.map(|t| t.replace('\n', " ")).unwrap_or_default();
    if !eras.is_empty() {
        if !description.is_empty() {
            description.push(' ');
        }
        description.push_str(&format!("Eras: {}.", eras.join("; ")));
    }
    if !description.is_empty() {
        description.push(' ');
    }
    description.push_str(&format!("Imported from the TimelineJS file {file_name}."));
    let mut doc = TomlDoc::new();
    doc.comment(&format!(
        "dataset.toml, written by `karabakh-atlas import-timelinejs` from the\n\
         TimelineJS file {file_name}. See data/README.md of karabakh-atlas for\n\
         every field, and docs/timelinejs.md for what the import keeps."
    ))
    .blank();
    doc.value("title", &En { en: &dataset_title })?;
    doc.value("description", &En { en: &description })?;
    doc.blank()
        .comment("From the first to the last day of the events.");
    doc.value("coverage", &Span { from, to })?;
    doc.blank().comment(
        "A TimelineJS file says nothing about who controls a place. When you\n\
         add districts or regions, add the parties too, e.g.\n\
         [[controller]]\n\
         id = \"north\"\n\
         names = { en = \"The northern side\" }",
    );
    Ok(doc.finish())
}

/// `sources.toml`: the one source, the generated text.
fn sources_toml(
    file_name: &str,
    headline: Option<&str>,
    sha256: &str,
    direction: &str,
) -> Result<String, toml::ser::Error> {
    let mut doc = TomlDoc::new();
    doc.comment(
        "sources.toml, written by `karabakh-atlas import-timelinejs`.\n\
         The source is the TimelineJS file itself, as plain text: see `note`.\n\
         Set `language` to the language tag of its text (\"und\" means\n\
         undetermined); `direction` was detected from the text.",
    )
    .blank()
    .array_table("source");
    doc.value("id", SOURCE_ID)?;
    doc.value("file", SOURCE_FILE)?;
    doc.value("original_file_name", file_name)?;
    doc.value("sha256", sha256)?;
    doc.value("language", "und")?;
    doc.value("direction", direction)?;
    doc.value("label", &format!("TimelineJS file {file_name}"))?;
    if let Some(text) = headline {
        doc.value(
            "headline",
            &Headline {
                text,
                gloss: "The headline of the TimelineJS title slide.",
            },
        )?;
    }
    doc.value("note", SOURCE_NOTE)?;
    Ok(doc.finish())
}

/// `timeline.toml`: one step per event, then the citation each step uses.
fn timeline_toml(events: &[Event], cited: &[Cited]) -> Result<String, toml::ser::Error> {
    let mut doc = TomlDoc::new();
    doc.comment(&format!(
        "timeline.toml, written by `karabakh-atlas import-timelinejs`: one step per\n\
         TimelineJS event, each citing its own text in sources/{SOURCE_FILE}.\n\
         The titles and summaries are the file's headlines and texts."
    ));
    for (e, c) in events.iter().zip(cited) {
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
        doc.array_table("step");
        doc.value("id", &e.id)?;
        doc.value("date", &e.date)?;
        if !e.date_note.is_empty() {
            doc.value("date_note", &e.date_note.join(" "))?;
        }
        doc.value("title", &En { en: &title })?;
        doc.value("summary", &En { en: summary })?;
        doc.value("citations", &[format!("{}-{}", e.id, c.what)])?;
    }
    for (e, c) in events.iter().zip(cited) {
        doc.array_table("citation");
        doc.value("id", &format!("{}-{}", e.id, c.what))?;
        doc.value("source", SOURCE_ID)?;
        doc.value("quote", &c.quote)?;
        doc.value("offset", &c.offset)?;
        doc.value(
            "gloss",
            &format!(
                "The {} of events[{}] in the TimelineJS file.",
                c.what, e.index
            ),
        )?;
    }
    Ok(doc.finish())
}

/// The dataset skeleton's files for `events` (sorted): see the module doc of
/// [`super`] for what goes where.
///
/// # Errors
/// When the `toml` crate cannot write a value (not expected: every value is
/// text, a date or a number).
pub(super) fn build_files(
    events: &[Event],
    coverage: (Date, Date),
    file_name: &str,
    title: Option<&str>,
    title_text: Option<&str>,
    title_media: &[(&'static str, String)],
    eras: &[String],
) -> Result<DatasetFiles, toml::ser::Error> {
    let (source_text, title_offset, cited) =
        source_text(events, title, title_text, title_media, eras);
    let sha = crate::interop::annotations::sha256_hex(&source_text);
    let rtl = events
        .iter()
        .filter(|e| paragraph_direction(&format!("{}\n{}", e.headline, e.text)).is_rtl())
        .count();
    let direction = if rtl * 2 > events.len() { "rtl" } else { "ltr" };
    let headline = title.filter(|_| title_offset.is_some());
    Ok(vec![
        (
            "dataset.toml".to_owned(),
            dataset_toml(file_name, title, title_text, eras, coverage)?.into_bytes(),
        ),
        ("places.toml".to_owned(), PLACES_TOML.as_bytes().to_vec()),
        (
            "sources.toml".to_owned(),
            sources_toml(file_name, headline, &sha, direction)?.into_bytes(),
        ),
        (
            "timeline.toml".to_owned(),
            timeline_toml(events, &cited)?.into_bytes(),
        ),
        ("map.geojson".to_owned(), MAP_GEOJSON.as_bytes().to_vec()),
        (format!("sources/{SOURCE_FILE}"), source_text.into_bytes()),
    ])
}
