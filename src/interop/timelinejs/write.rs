//! Writing the imported events as a dataset skeleton: the plain-text source
//! (with each event's text at a known offset, for its citation),
//! `dataset.toml`, `places.toml`, `sources.toml`, `timeline.toml` and an
//! empty `map.geojson`.

use std::fmt::Write as _;

use sha2::{Digest, Sha256};

use super::slides::Event;
use super::{SOURCE_FILE, SOURCE_ID};
use crate::interop::{DatasetFiles, toml_string};
use crate::model::{Date, DateSpec};
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

/// The dataset skeleton's files for `events` (sorted): see the module doc of
/// [`super`] for what goes where.
pub(super) fn build_files(
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
