//! Your own datasets in the viewer (egui_kittest, real files): live reload
//! of a saved edit, a broken edit keeping the last good dataset, drag and
//! drop, the recent list and the window title.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::DataCopy;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use karabakh_atlas::model::load_folder;
use karabakh_atlas::ui::ViewerOptions;
use karabakh_atlas::ui::app::{App, Command, dropped_command, window_title};
use karabakh_atlas::ui::screenshot::Outcome;

/// The viewer's flags: English whatever the system's language.
fn english() -> ViewerOptions {
    ViewerOptions {
        lang: Some(karabakh_atlas::i18n::Lang::En),
        ..ViewerOptions::default()
    }
}

fn build(dir: &Path) -> Harness<'static, App> {
    let ds = load_folder(dir).unwrap();
    Harness::builder()
        .with_size([1280.0, 800.0])
        .with_max_steps(400)
        .build_eframe(move |cc| App::new(cc, ds, &english(), Outcome::default()))
}

/// Run frames (and let real time pass for the file watcher) until `done`,
/// for at most ten seconds.
fn run_until(h: &mut Harness<'_, App>, done: impl Fn(&App) -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        h.run_steps(1);
        if done(h.state()) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

const OLD: &str = r#"title = { en = "Before the 2020 war", ar"#;
const NEW: &str = r#"title = { en = "Edited while the viewer ran", ar"#;

#[test]
fn a_saved_edit_shows_up_and_a_broken_edit_keeps_the_last_good_dataset() {
    let copy = DataCopy::new();
    let mut h = build(copy.path());
    h.run_steps(3);
    h.get_by_label("Before the 2020 war");

    copy.replace_first("timeline.toml", OLD, NEW);
    assert!(
        run_until(&mut h, |a| a.dataset().steps[0].title.en()
            == "Edited while the viewer ran"),
        "the edit was not picked up"
    );
    h.run_steps(2);
    h.get_by_label("Edited while the viewer ran");

    // A broken edit: an unknown place id. The errors appear, naming the
    // file; the edited title stays on screen.
    copy.replace_first("timeline.toml", "place = \"aghdam\"", "place = \"agdham\"");
    assert!(
        run_until(&mut h, |a| a.reload_errors().is_some()),
        "the broken edit was not reported"
    );
    let (title, lines) = h.state().reload_errors().unwrap();
    assert!(title.contains("last good version"), "{title}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("timeline.toml") && l.contains("agdham")),
        "{lines:?}"
    );
    assert_eq!(
        h.state().dataset().steps[0].title.en(),
        "Edited while the viewer ran"
    );
    h.run_steps(2);
    h.get_by_label("Edited while the viewer ran");

    // Fixing it reloads again.
    copy.replace_first("timeline.toml", "place = \"agdham\"", "place = \"aghdam\"");
    assert!(run_until(&mut h, |a| a.reload_errors().is_none()));
}

#[test]
fn the_reload_keeps_the_step_on_screen() {
    let copy = DataCopy::new();
    let mut h = build(copy.path());
    h.run_steps(2);
    h.state_mut().push(Command::Time(
        karabakh_atlas::control::TimeCommand::GoToStep(8),
    ));
    h.run_steps(2);
    copy.replace_first("timeline.toml", OLD, NEW);
    assert!(run_until(&mut h, |a| a.dataset().steps[0].title.en()
        == "Edited while the viewer ran"));
    assert_eq!(h.state().time().step(), Some(8));
}

/// A file dropped on the window, as the windowing layer reports it.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_folder_opens_it_names_it_in_the_title_and_lists_it_as_recent() {
    let copy = DataCopy::new();
    copy.replace_first(
        "dataset.toml",
        "title = { en = \"",
        "title = { en = \"Dropped copy: ",
    );
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_max_steps(400)
        .build_eframe(|cc| {
            App::new(
                cc,
                karabakh_atlas::model::load_bundled().unwrap(),
                &english(),
                Outcome::default(),
            )
        });
    h.run_steps(2);
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(copy.path().to_path_buf())));
    h.run_steps(3);
    let ds = h.state().dataset();
    assert!(
        ds.title.en().starts_with("Dropped copy: "),
        "{}",
        ds.title.en()
    );
    let title = window_title(ds, karabakh_atlas::i18n::Lang::En);
    assert!(title.contains("Dropped copy: ") && title.contains(&copy.path().display().to_string()));
    let canonical = std::fs::canonicalize(copy.path()).unwrap();
    assert_eq!(
        h.state().settings().recent.first().map(PathBuf::from),
        Some(canonical)
    );
}

#[test]
fn dropped_files_open_their_dataset_folder_or_a_tour() {
    let copy = DataCopy::new();
    let dir = copy.path().to_path_buf();
    assert_eq!(dropped_command(&dir), Command::OpenFolder(dir.clone()));
    assert_eq!(
        dropped_command(&dir.join("timeline.toml")),
        Command::OpenFolder(dir.clone())
    );
    let tour = dir.join("my-tour.toml");
    assert_eq!(dropped_command(&tour), Command::OpenTourFile(tour.clone()));
}

#[test]
fn the_recent_list_puts_the_newest_first_without_repeats() {
    let dirs: Vec<tempfile::TempDir> = (0..10).map(|_| tempfile::tempdir().unwrap()).collect();
    let mut recent = Vec::new();
    for d in &dirs {
        karabakh_atlas::ui::app::remember_recent(&mut recent, d.path());
    }
    karabakh_atlas::ui::app::remember_recent(&mut recent, dirs[9].path());
    assert_eq!(recent.len(), karabakh_atlas::ui::app::RECENT_MAX);
    let canon = |d: &tempfile::TempDir| {
        std::fs::canonicalize(d.path())
            .unwrap()
            .display()
            .to_string()
    };
    assert_eq!(recent[0], canon(&dirs[9]));
    assert_eq!(recent[1], canon(&dirs[8]));
    assert!(!recent.contains(&canon(&dirs[0])), "the oldest fell off");
}
