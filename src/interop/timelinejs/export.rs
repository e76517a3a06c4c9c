//! Export: a dataset as a TimelineJS3 JSON object, one event per step.
//! Text goes into TimelineJS's HTML fields escaped by the `htmlize` crate
//! (`&`, `<`, `>` and both quotes), which `html.rs` decodes on the way back.

use std::fmt::Write as _;

use htmlize::escape_all_quotes as escape_html;
use serde_json::{Value, json};

use super::dates::{after_text, before_text};
use crate::i18n::format::{DateWords, qualified};
use crate::i18n::{Locale, tr_args};
use crate::model::{Dataset, Date, DateSpec};
use crate::scene::evidence::step_evidence;

/// A TimelineJS3 date object for day `d`.
fn tl_date(d: Date) -> Value {
    json!({ "year": d.year(), "month": d.month(), "day": d.day() })
}

/// The dataset as a TimelineJS3 JSON object: a title slide from its title
/// and description, and one event per step with `unique_id` = the step id,
/// the step's date (`start_date`, plus `end_date` and a `display_date`
/// "Between … and …" for a range; for "before D", the day before D and the
/// `display_date` "Before D"), its English title as the headline, and as
/// text its English summary, how the sources support its changes where
/// they are not reported of a whole place ("How the sources support it:
/// Nagorno-Karabakh: according to Azerbaijan."), then the quote of every
/// citation it uses with its source, line and citation id.
#[must_use]
pub fn export(ds: &Dataset) -> Value {
    let events: Vec<Value> = ds
        .steps
        .iter()
        .map(|s| {
            let mut html = format!("<p>{}</p>", escape_html(s.summary.en()));
            if let Some(list) = step_evidence(ds, s, Locale::EN) {
                let words = tr_args(Locale::EN, "fig-evidence", &[("list", list.into())]);
                // Writing to a String cannot fail.
                let _ = write!(html, "<p>{}</p>", escape_html(&words));
            }
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
                // Writing to a String cannot fail.
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
                DateSpec::Day { date, .. } => (date, None, None),
                DateSpec::Range { from, to, .. } => (
                    from,
                    Some(to),
                    Some(format!(
                        "Between {} and {}",
                        from.english_long(),
                        to.english_long()
                    )),
                ),
                DateSpec::Before { before, .. } => {
                    (before.add_days(-1), None, Some(before_text(before)))
                }
                DateSpec::After { after, .. } => (after, None, Some(after_text(after))),
            };
            // TimelineJS has no field for an uncertain or approximate date:
            // its displayed date says so in words.
            let display = match (display, s.date.qualifier().is_none()) {
                (d, true) => d,
                (d, false) => Some(qualified(
                    s.date.qualifier(),
                    d.unwrap_or_else(|| start.english_long()),
                    Locale::EN,
                )),
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
    let mut title_text = escape_html(ds.description.en()).into_owned();
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
    use crate::interop::timelinejs::html_to_text;

    #[test]
    fn events_say_how_the_sources_support_their_changes() {
        let ds = crate::model::load_bundled().unwrap();
        let tl = export(&ds);
        let text = |id: &str| {
            let events = tl["events"].as_array().unwrap();
            let e = events.iter().find(|e| e["unique_id"] == id).unwrap();
            html_to_text(e["text"]["text"].as_str().unwrap()).text
        };
        assert!(
            text("operation-2023-end")
                .contains("How the sources support it: Nagorno-Karabakh: according to Azerbaijan."),
            "{}",
            text("operation-2023-end")
        );
        assert!(
            text("ceasefire-2020")
                .contains("Fuzuli, Jabrayil, Zangilan, Qubadli: inferred from the sources.")
        );
        // A step whose changes are all reported of whole places says nothing.
        assert!(!text("aghdam-handover").contains("How the sources support it"));
    }

    #[test]
    fn an_open_end_starts_on_its_day_and_says_so() {
        let mut ds = crate::model::load_bundled().unwrap();
        let d = |s| crate::model::Date::parse(s).unwrap();
        let step = ds
            .steps
            .iter_mut()
            .find(|s| s.id == "war-2020-start")
            .unwrap();
        step.date = DateSpec::after(d("2020-09-27"));
        let tl = export(&ds);
        let events = tl["events"].as_array().unwrap();
        let e = events
            .iter()
            .find(|e| e["unique_id"] == "war-2020-start")
            .unwrap();
        assert_eq!(e["start_date"], tl_date(d("2020-09-27")));
        assert!(e.get("end_date").is_none(), "{e}");
        assert_eq!(e["display_date"], "On or after 27 September 2020");
    }

    #[test]
    fn escaped_text_reads_back_as_written() {
        for s in [
            "a <b>not bold</b> & \"quoted\" 'text'",
            "&amp; is already an entity",
            "نص عربي <>",
        ] {
            let html = format!("<p>{}</p>", escape_html(s));
            assert!(
                !html[3..html.len() - 4].contains(['<', '>', '"', '\'']),
                "{html}"
            );
            assert_eq!(html_to_text(&html).text, s);
        }
    }
}
