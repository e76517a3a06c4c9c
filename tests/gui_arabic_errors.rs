//! The dataset's errors in the viewer's language (egui_kittest): a broken
//! copy of the dataset opened in Arabic shows every problem in Arabic words
//! with Arabic-Indic digits, keeping only file names, ids, code to type and
//! the labelled words of the TOML reader in Latin letters; switching to
//! English while the window is open shows the same problems in English.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::DataCopy;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use karabakh_atlas::i18n::{Digits, Lang};
use karabakh_atlas::model::load_bundled;
use karabakh_atlas::ui::ViewerOptions;
use karabakh_atlas::ui::app::{App, Command};

fn build(args: ViewerOptions) -> Harness<'static, App> {
    common::viewer::viewer(load_bundled().unwrap(), args, 64)
}

fn arabic_indic() -> ViewerOptions {
    ViewerOptions {
        lang: Some(Lang::Ar),
        digits: Some(Digits::ArabicIndic),
        ..ViewerOptions::default()
    }
}

/// Every id of the bundled dataset (places, controllers, sources,
/// citations, claims, steps), longest first.
fn ids() -> Vec<String> {
    let ds = load_bundled().unwrap();
    let mut ids: Vec<String> = ds
        .places
        .iter()
        .map(|p| p.id.clone())
        .chain(ds.controllers.iter().map(|c| c.id.clone()))
        .chain(ds.sources.iter().map(|s| s.id.clone()))
        .chain(ds.citations.iter().map(|c| c.id.clone()))
        .chain(ds.claims.iter().map(|c| c.id.clone()))
        .chain(ds.steps.iter().map(|s| s.id.clone()))
        .collect();
    ids.sort_by_key(|id| std::cmp::Reverse(id.len()));
    ids
}

/// The Latin-letter words of `line` that are not a file path, an id, a
/// value quoted «like this», code `like this`, or the labelled words of
/// another program (which end the message they are in).
fn stray_latin_words(line: &str, ids: &[String]) -> Vec<String> {
    let mut text = line.to_owned();
    if let Some(at) = text.find("بالإنجليزية: ") {
        let end = text[at..].find('\n').map_or(text.len(), |e| at + e);
        text.replace_range(at..end, " ");
    }
    let text: String = text.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    let mut bare = String::new();
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '«' => quoted = true,
            '»' => quoted = false,
            _ if !quoted => bare.push(c),
            _ => {}
        }
    }
    let mut bare: String = bare
        .split_whitespace()
        .filter(|w| !w.contains('/'))
        .collect::<Vec<_>>()
        .join(" ");
    for id in ids {
        bare = bare.replace(id.as_str(), " ");
    }
    bare.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

fn is_arabic_letter(c: char) -> bool {
    ('\u{0621}'..='\u{064A}').contains(&c)
}

#[test]
fn a_broken_dataset_is_reported_in_arabic_and_again_in_english_after_switching() {
    let copy = DataCopy::new();
    copy.replace_first("timeline.toml", "place = \"aghdam\"", "place = \"agdham\"");
    copy.replace_first("places.toml", "kind = \"town\"", "kind = \"village\"");
    copy.replace_first(
        "sources.toml",
        "direction = \"rtl\"",
        "direction = \"rtl2\"",
    );
    copy.replace_first(
        "timeline.toml",
        "date = \"2020-11-10\"",
        "date = \"2020-02-30\"",
    );

    let mut h = build(arabic_indic());
    h.state_mut()
        .push(Command::OpenFolder(copy.path().to_path_buf()));
    h.run_steps(4);

    let (title, lines) = h.state().reload_errors().expect("no errors window");
    assert!(title.starts_with("تعذّر فتح مجموعة البيانات"), "{title}");
    h.get_by_label("أخطاء في مجموعة البيانات");
    assert!(lines.len() >= 4, "{lines:#?}");
    let ids = ids();
    for line in &lines {
        // Shown in the window, under its logical text.
        h.get_by_label(line);
        assert!(line.chars().any(is_arabic_letter), "{line}");
        assert!(line.contains(": خطأ: "), "{line}");
        let stray = stray_latin_words(line, &ids);
        assert!(stray.is_empty(), "English {stray:?} in {line}");
        // Positions in Arabic-Indic digits, the file name as it is.
        let path = line.split(": ").next().unwrap();
        assert!(path.contains(".toml:"), "{line}");
        assert!(
            !path
                .rsplit(".toml:")
                .next()
                .unwrap()
                .chars()
                .any(|c| c.is_ascii_digit()),
            "{line}"
        );
    }
    // The problems themselves, in Arabic words.
    let all = lines.join("\n");
    for expected in [
        "معرّف المكان «agdham» غير معروف",
        "نوع المكان «village» غير معروف",
        "اتجاه الكتابة «rtl2» غير معروف",
        "«2020-02-30» تاريخ غير موجود: عدد أيام فبراير ٢٠٢٠ هو ٢٩",
    ] {
        assert!(all.contains(expected), "{expected} not in {all}");
    }
    assert!(h.query_by_label_contains("error:").is_none());

    // Switch to English with the window open: the same problems, in the
    // CLI's English.
    h.get_by_label("عرض").click();
    h.run_steps(3);
    h.get_by_label("الإعدادات…").click();
    h.run_steps(3);
    h.get_by_label("English").click();
    h.run_steps(4);
    let (title, english) = h.state().reload_errors().unwrap();
    assert!(
        title.starts_with("Could not open the dataset in"),
        "{title}"
    );
    assert_eq!(english.len(), lines.len());
    h.get_by_label("Dataset errors");
    for line in &english {
        h.get_by_label(line);
        assert!(line.contains(": error: "), "{line}");
        assert!(!line.chars().any(is_arabic_letter), "{line}");
    }
    let all = english.join("\n");
    assert!(all.contains("unknown place id 'agdham'"), "{all}");
    assert!(
        all.contains("'2020-02-30' does not exist: February 2020 has 29 days"),
        "{all}"
    );
    assert!(h.query_by_label_contains(": خطأ: ").is_none());
}

#[test]
fn a_toml_syntax_error_shows_the_readers_words_labelled() {
    let copy = DataCopy::new();
    copy.replace_first("dataset.toml", "title = {", "title = {{");
    let mut h = build(ViewerOptions {
        lang: Some(Lang::Ar),
        ..ViewerOptions::default()
    });
    h.state_mut()
        .push(Command::OpenFolder(copy.path().to_path_buf()));
    h.run_steps(4);
    let (_, lines) = h.state().reload_errors().expect("no errors window");
    assert_eq!(lines.len(), 1, "{lines:#?}");
    let line = &lines[0];
    h.get_by_label(line);
    assert!(line.contains("dataset.toml:"), "{line}");
    assert!(
        line.contains(": خطأ: في صيغة الملف خطأ؛ نص قارئ `TOML` بالإنجليزية: "),
        "{line}"
    );
    // The reader's own words follow the label; ours are Arabic.
    let (_, detail) = line.split_once("بالإنجليزية: ").unwrap();
    assert!(detail.chars().any(|c| c.is_ascii_alphabetic()), "{line}");
    assert!(stray_latin_words(line, &[]).is_empty(), "{line}");
    assert!(line.contains("للإصلاح: انظر `data/README.md`"), "{line}");
}
