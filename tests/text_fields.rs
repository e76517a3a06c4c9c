//! The dataset's own words (source labels and notes, glosses, date notes,
//! claim notes, values and attributions, speakers) in the interface
//! language: a plain string still loads as English, a language table loads
//! every language, a table without English is refused with its position,
//! glosses appear only to readers of another language than the source's,
//! and the whole bundled timeline reads in Arabic in the step card and the
//! reader without an English word.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};

use common::DataCopy;
use karabakh_atlas::model::load_folder;
use karabakh_atlas::model::types::Localized;

fn synthetic() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/synthetic")
}

#[test]
fn a_plain_string_still_loads_as_english() {
    // tests/data/synthetic writes every one of these fields as a plain
    // string, the format before language tables.
    let ds = load_folder(&synthetic()).unwrap();
    let bulletin = ds.source("bulletin").unwrap();
    assert_eq!(
        bulletin.label,
        Localized::english("Lumen bulletin (fictional, Persian)")
    );
    assert_eq!(
        bulletin.label.get("ar"),
        "Lumen bulletin (fictional, Persian)"
    );
    assert_eq!(bulletin.label.exact("ar"), None);
    assert_eq!(
        bulletin.note.as_ref().map(Localized::en),
        Some("Fictional test text in Persian.")
    );
    let c = ds.citation("birch-fa").unwrap();
    assert_eq!(
        c.gloss.en(),
        "Fighting reached Birch in April; between the 1st and the 20th the Tide Council took control of it."
    );
    assert_eq!(c.gloss.0.len(), 1, "a plain string is English only");
}

#[test]
fn a_language_table_loads_every_language() {
    let ds = karabakh_atlas::model::load_bundled().unwrap();
    // Every field the bundled data writes as a table has both languages.
    for s in &ds.sources {
        assert!(s.label.exact("ar").is_some(), "source {} label", s.id);
        assert!(s.label.exact("en").is_some(), "source {} label", s.id);
        let note = s.note.as_ref().unwrap();
        assert!(note.exact("ar").is_some(), "source {} note", s.id);
    }
    for c in &ds.citations {
        if let Some(sp) = &c.speaker {
            assert!(sp.exact("ar").is_some(), "citation {} speaker", c.id);
        }
    }
    for st in &ds.steps {
        if let Some(n) = &st.date_note {
            assert!(n.exact("ar").is_some(), "step {} date_note", st.id);
        }
    }
    for c in &ds.claims {
        if let Some(n) = &c.note {
            assert!(n.exact("ar").is_some(), "claim {} note", c.id);
        }
        for v in &c.versions {
            assert!(v.according_to.exact("ar").is_some(), "claim {}", c.id);
            // A date claim's value stays one date; other values are words.
            assert_eq!(v.value.exact("ar").is_some(), v.date.is_none(), "{}", c.id);
        }
    }
}

#[test]
fn a_table_without_english_is_refused_at_its_position() {
    let copy = DataCopy::new();
    let from = "speaker = { en = \"Russia's defence ministry\", ";
    let (line, col) = copy.replace_first("timeline.toml", from, "speaker = { ");
    let err = load_folder(copy.path()).unwrap_err().to_string();
    let at = format!("timeline.toml:{line}:{}", col + "speaker = ".len());
    assert!(err.contains(&at), "expected {at} in:\n{err}");
    assert!(err.contains("speaker has no English (en) text"), "{err}");
    assert!(err.contains("help:"), "{err}");
}

#[test]
fn a_date_claim_value_must_stay_one_date() {
    let copy = DataCopy::new();
    let from = "value = \"2020-11-25\"";
    let (line, col) = copy.replace_first(
        "timeline.toml",
        from,
        "value = { en = \"2020-11-25\", ar = \"2020-11-25\" }",
    );
    let err = load_folder(copy.path()).unwrap_err().to_string();
    let at = format!("timeline.toml:{line}:{}", col + "value = ".len());
    assert!(err.contains(&at), "expected {at} in:\n{err}");
    assert!(err.contains("claim 'kalbajar-deadline'"), "{err}");
}

#[test]
fn a_value_that_is_neither_text_nor_a_table_is_refused() {
    let copy = DataCopy::new();
    let from = "label = { en = \"France asks";
    let (line, _) = copy.replace_first(
        "sources.toml",
        from,
        "label = 7\nnot = { en = \"France asks",
    );
    let err = load_folder(copy.path()).unwrap_err().to_string();
    assert!(err.contains(&format!("sources.toml:{line}:")), "{err}");
    assert!(
        err.contains("a string (English) or a table of texts by language"),
        "{err}"
    );
}

#[test]
fn a_gloss_is_for_readers_of_another_language_in_theirs() {
    let ds = load_folder(&synthetic()).unwrap();
    let persian = ds.source("bulletin").unwrap();
    let english = ds.source("gazette").unwrap();
    let mut gloss = Localized::english("The ceasefire.");
    assert_eq!(persian.gloss(&gloss, "ar"), Some("The ceasefire."));
    assert_eq!(english.gloss(&gloss, "en"), None);
    assert_eq!(english.gloss(&gloss, "ar"), Some("The ceasefire."));
    gloss.0.insert("ar".into(), "وقف إطلاق النار.".into());
    assert_eq!(persian.gloss(&gloss, "ar"), Some("وقف إطلاق النار."));
    assert_eq!(persian.gloss(&gloss, "en"), Some("The ceasefire."));
    assert_eq!(persian.gloss(&gloss, "fa"), None);
}

#[cfg(feature = "gui")]
mod gui {
    use egui::accesskit::Role;
    use egui_kittest::Harness;
    use egui_kittest::kittest::{NodeT, Queryable};
    use karabakh_atlas::control::TimeCommand;
    use karabakh_atlas::i18n::{Lang, Locale, tr};
    use karabakh_atlas::model::load_bundled;
    use karabakh_atlas::model::types::Dataset;
    use karabakh_atlas::ui::ViewerOptions;
    use karabakh_atlas::ui::app::{App, Command};

    fn build(ds: Dataset, lang: Lang) -> Harness<'static, App> {
        let args = ViewerOptions {
            lang: Some(lang),
            ..ViewerOptions::default()
        };
        crate::common::viewer::viewer(ds, args, 400)
    }

    /// Go to step `i` and open the reader on citation `cite`.
    fn show(h: &mut Harness<'static, App>, i: usize, cite: &str) {
        h.state_mut().push(Command::Time(TimeCommand::GoToStep(i)));
        h.state_mut().push(Command::OpenCitation(cite.to_owned()));
        h.run_steps(3);
    }

    /// Open every closed section whose header is labelled by one of
    /// `headers` or starts with one of `prefixes`.
    fn expand(h: &mut Harness<'static, App>, headers: &[String], prefixes: &[&str]) {
        for _ in 0..4 {
            let closed: Vec<_> = h
                .query_all_by(|n| {
                    let l = n.label().unwrap_or_default();
                    n.role() == Role::Button
                        && n.data().is_expanded() == Some(false)
                        && (headers.contains(&l) || prefixes.iter().any(|p| l.starts_with(p)))
                })
                .collect();
            if closed.is_empty() {
                return;
            }
            for n in closed {
                n.click_accesskit();
            }
            h.run_steps(3);
        }
    }

    /// Every accessible label and value on screen.
    fn labels(h: &Harness<'static, App>) -> Vec<String> {
        h.query_all_by(|_| true)
            .filter(|n| n.accesskit_node().role() != Role::TextRun)
            .filter_map(|n| {
                let a = n.accesskit_node();
                a.value().or(a.label()).map(|s| s.to_string())
            })
            .collect()
    }

    /// The words in Latin letters in `label` that are not in `allowed`.
    fn latin_words<'a>(label: &'a str, allowed: &[String]) -> Vec<&'a str> {
        label
            .split(|c: char| !(c.is_ascii_alphanumeric() || "-_./:".contains(c)))
            .map(|w| w.trim_matches(|c: char| "-_./:".contains(c)))
            .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
            .filter(|w| !allowed.iter().any(|a| a == w))
            .collect()
    }

    #[test]
    fn every_step_card_and_its_reader_read_in_arabic() {
        let ds = load_bundled().unwrap();
        let mut h = build(ds.clone(), Lang::Ar);
        let ar = Locale::AR;
        // Allowed in Latin letters, and nothing else: the identifiers the
        // card and the reader show so that a passage can be found again
        // (source and citation ids, claim ids, file names), which have no
        // Arabic form. The corpus's own words are never translated: a
        // label that occurs verbatim in a source text (one quote is an
        // English headline of a related story) is not ours to check.
        let mut allowed: Vec<String> = Vec::new();
        for s in &ds.sources {
            allowed.extend([s.id.clone(), s.file.clone(), s.original_file_name.clone()]);
        }
        allowed.extend(ds.citations.iter().map(|c| c.id.clone()));
        allowed.extend(ds.claims.iter().map(|c| c.id.clone()));
        let verbatim = |l: &str| ds.sources.iter().any(|s| s.text.contains(l));
        // Labels egui gives for screen readers only.
        let egui_own = |l: &str| l == "Close window" || l.starts_with("Resize ");
        let headers = [tr(ar, "card-source-details"), tr(ar, "reader-about")];
        let mut checked = 0;
        for (i, step) in ds.steps.iter().enumerate() {
            let first = ds.step_citation_ids(step)[0].to_owned();
            show(&mut h, i, &first);
            // Open every claim (they start with a check mark or a warning
            // sign), every source's details and the reader's About.
            expand(&mut h, &headers, &["⚠ ", "✔ "]);
            let shown = labels(&h);
            // The sections did open: the claim notes and the reader's
            // stated dates are on screen.
            for c in step.claims.iter().filter_map(|id| ds.claim(id)) {
                if let Some(note) = &c.note {
                    let note = note.exact("ar").unwrap();
                    assert!(shown.iter().any(|l| l == note), "step {i}: {note}");
                }
            }
            assert!(
                shown.iter().any(|l| *l == tr(ar, "reader-stated-dates")),
                "step {i}: the reader's About is closed"
            );
            for l in &shown {
                if egui_own(l) || verbatim(l) {
                    continue;
                }
                let words = latin_words(l, &allowed);
                assert!(words.is_empty(), "step {}: {l:?} has {words:?}", i + 1);
                checked += 1;
            }
        }
        assert!(checked > 300, "only {checked} labels checked");
    }

    /// Whether a label on screen is exactly `text`.
    fn on_screen(h: &Harness<'static, App>, text: &str) -> bool {
        labels(h).iter().any(|l| l == text)
    }

    #[test]
    fn the_persian_source_shows_its_gloss_in_arabic_and_an_arabic_source_does_not() {
        let ds = karabakh_atlas::model::load_folder(&super::synthetic()).unwrap();
        let step = ds.step_index("birch-fighting").unwrap();
        let fa = ds.citation("birch-fa").unwrap().gloss.en().to_owned();
        let en = ds
            .citation("birch-by-20-april")
            .unwrap()
            .gloss
            .en()
            .to_owned();
        for lang in [Lang::Ar, Lang::En] {
            let mut h = build(ds.clone(), lang);
            show(&mut h, step, "birch-fa");
            // The Persian source's gloss (English, the dataset has no
            // other) in either interface; the English source's only to a
            // reader of Arabic.
            assert!(on_screen(&h, &fa), "{lang:?}: no Persian gloss");
            assert_eq!(on_screen(&h, &en), lang == Lang::Ar, "{lang:?}: {en}");
        }

        // The bundled sources are Arabic: a gloss for readers of English.
        let ds = load_bundled().unwrap();
        let step = ds.step_index("lachin-handover").unwrap();
        let cites = ds.step_citation_ids(&ds.steps[step]);
        let glosses: Vec<String> = cites
            .iter()
            .map(|id| ds.citation(id).unwrap().gloss.en().to_owned())
            .collect();
        let first = cites[0].to_owned();
        for lang in [Lang::Ar, Lang::En] {
            let mut h = build(ds.clone(), lang);
            show(&mut h, step, &first);
            let shown = glosses.iter().filter(|g| on_screen(&h, g)).count();
            match lang {
                Lang::Ar => assert_eq!(shown, 0, "a gloss of an Arabic source in Arabic"),
                Lang::En => assert_eq!(shown, glosses.len(), "glosses in English"),
            }
        }
    }
}
