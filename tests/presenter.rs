//! Presenter mode driven like a clicker would drive it (egui_kittest, no
//! window): entering and leaving, a tour's stops in the tour's order with
//! PageDown/PageUp, blackout, autoplay on a mocked clock, the speaker
//! window, and that no button is shown to the room.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use karabakh_atlas::i18n::format::DateSpecWords;
use karabakh_atlas::model::types::{Localized, Tour, TourStop};
use karabakh_atlas::model::{Dataset, load_bundled};
use karabakh_atlas::present::Autoplay;
use karabakh_atlas::ui::ViewerOptions;
use karabakh_atlas::ui::app::{App, Command};
use karabakh_atlas::ui::screenshot::Outcome;

fn en(text: &str) -> Localized {
    let mut l = Localized::default();
    l.0.insert("en".into(), text.into());
    l
}

/// A tour of three steps out of order: 7, 3 and 10 (1-based).
fn subset_tour() -> Tour {
    Tour {
        id: "test-subset".into(),
        title: en("Test subset"),
        description: Localized::default(),
        hold: 4.0,
        stops: [6, 2, 9]
            .into_iter()
            .map(|step| TourStop {
                step,
                notes: en(&format!("Note for step index {step}")),
                questions: vec![en("A question?")],
                hold: None,
            })
            .collect(),
    }
}

fn dataset() -> Dataset {
    let mut ds = load_bundled().unwrap();
    ds.tours.push(subset_tour());
    ds
}

fn build(args: ViewerOptions, step_dt: f32) -> Harness<'static, App> {
    // English whatever the system's language.
    let args = ViewerOptions {
        lang: Some(karabakh_atlas::i18n::Lang::En),
        ..args
    };
    Harness::builder()
        .with_size([1280.0, 800.0])
        .with_step_dt(step_dt)
        .with_max_steps(400)
        .build_eframe(move |cc| App::new(cc, dataset(), &args, Outcome::default()))
}

fn title(h: &Harness<'_, App>, step: usize) -> String {
    h.state().dataset().steps[step].title.en().to_owned()
}

#[test]
fn f5_enters_presenter_mode_with_a_caption_and_esc_leaves() {
    let mut h = build(ViewerOptions::default(), 1.0 / 60.0);
    h.run_steps(3);
    assert!(h.state().presenter().is_none());
    h.key_press(Key::F5);
    h.run_steps(3);
    let p = h.state().presenter().expect("presenting");
    assert_eq!(p.position(), 0);
    // The caption names the step; the menu bar is gone.
    h.get_by_label(&title(&h, 0));
    let n = h.state().dataset().steps.len();
    h.get_by_label(&format!("Stop 1 of {n}"));
    assert!(h.query_by_label("Presenter mode").is_none());
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(h.state().presenter().is_none());
    // The toolbar button enters it too.
    h.get_by_label("Presenter mode").click();
    h.run_steps(3);
    assert!(h.state().presenter().is_some());
}

#[test]
fn nothing_clickable_is_shown_to_the_room() {
    let mut h = build(ViewerOptions::default(), 1.0 / 60.0);
    h.run_steps(2);
    assert!(
        h.query_all_by_role(egui::accesskit::Role::Button).count() > 5,
        "the normal viewer has buttons"
    );
    h.key_press(Key::F5);
    h.run_steps(3);
    let buttons: Vec<String> = h
        .query_all_by_role(egui::accesskit::Role::Button)
        .map(|n| format!("{n:?}"))
        .collect();
    assert!(buttons.is_empty(), "buttons while presenting: {buttons:?}");
}

#[test]
fn page_down_and_page_up_walk_a_tour_in_its_own_order() {
    let mut h = build(ViewerOptions::default(), 1.0 / 60.0);
    h.run_steps(2);
    h.state_mut()
        .push(Command::ChooseTour(Some("test-subset".into())));
    h.key_press(Key::F5);
    h.run_steps(3);
    let mut seen = vec![h.state().time().step()];
    for _ in 0..3 {
        h.key_press(Key::PageDown);
        h.run_steps(2);
        seen.push(h.state().time().step());
    }
    // The last PageDown stays on the last stop.
    assert_eq!(seen, [Some(6), Some(2), Some(9), Some(9)]);
    h.get_by_label(&title(&h, 9));
    h.get_by_label("Stop 3 of 3");
    h.key_press(Key::PageUp);
    h.run_steps(2);
    assert_eq!(h.state().time().step(), Some(2));
    // Arrows, Space and Enter are the same as PageDown/PageUp.
    h.key_press(Key::ArrowLeft);
    h.run_steps(2);
    assert_eq!(h.state().time().step(), Some(6));
    h.key_press(Key::Space);
    h.run_steps(2);
    assert_eq!(h.state().time().step(), Some(2));
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(h.state().time().step(), Some(9));
}

#[test]
fn b_blacks_the_screen_out_and_back() {
    let mut h = build(ViewerOptions::default(), 1.0 / 60.0);
    h.run_steps(2);
    h.key_press(Key::F5);
    h.run_steps(3);
    let t = title(&h, 0);
    h.get_by_label(&t);
    h.key_press(Key::B);
    h.run_steps(2);
    assert!(h.state().presenter().unwrap().blackout());
    h.get_by_label("Screen blacked out");
    assert!(h.query_by_label(&t).is_none(), "the caption is hidden");
    // Blacked out, the clicker still moves on.
    h.key_press(Key::PageDown);
    h.run_steps(2);
    assert_eq!(h.state().time().step(), Some(1));
    h.key_press(Key::B);
    h.run_steps(2);
    assert!(!h.state().presenter().unwrap().blackout());
    h.get_by_label(&title(&h, 1));
}

#[test]
fn autoplay_advances_on_a_mocked_clock_and_any_key_pauses_it() {
    // Every frame moves the clock on by a quarter of a second.
    let args = ViewerOptions {
        autoplay: true,
        ..ViewerOptions::default()
    };
    let mut h = build(args, 0.25);
    h.run_steps(2);
    h.state_mut()
        .push(Command::ChooseTour(Some("test-subset".into())));
    h.run_steps(2);
    let p = h.state().presenter().expect("--autoplay presents");
    assert!(matches!(p.autoplay(), Autoplay::Playing { .. }));
    assert_eq!(h.state().time().step(), Some(6));
    // Choosing the tour restarted the hold; the tour holds each stop 4 s:
    // 16 frames, of which 2 have run.
    h.run_steps(12);
    assert_eq!(h.state().time().step(), Some(6), "still holding");
    h.run_steps(4);
    assert_eq!(h.state().time().step(), Some(2), "moved on by itself");
    // Any key pauses (and does nothing else).
    h.key_press(Key::ArrowDown);
    h.run_steps(1);
    assert_eq!(h.state().presenter().unwrap().autoplay(), Autoplay::Paused);
    h.run_steps(40);
    assert_eq!(h.state().time().step(), Some(2), "paused: no move");
    h.get_by_label("Autoplay paused");
    // Space resumes.
    h.key_press(Key::Space);
    h.run_steps(1);
    assert!(matches!(
        h.state().presenter().unwrap().autoplay(),
        Autoplay::Playing { .. }
    ));
    assert_eq!(
        h.state().time().step(),
        Some(2),
        "Space resumed, not skipped"
    );
    h.run_steps(18);
    assert_eq!(h.state().time().step(), Some(9));
}

#[test]
fn a_click_pauses_autoplay() {
    let args = ViewerOptions {
        autoplay: true,
        ..ViewerOptions::default()
    };
    let mut h = build(args, 0.25);
    h.run_steps(3);
    h.get_by_label("Map").click();
    h.run_steps(2);
    assert_eq!(h.state().presenter().unwrap().autoplay(), Autoplay::Paused);
}

#[test]
fn s_opens_the_speaker_window_with_notes_and_the_next_stop() {
    let mut h = build(ViewerOptions::default(), 1.0 / 60.0);
    h.run_steps(2);
    h.state_mut()
        .push(Command::ChooseTour(Some("test-subset".into())));
    h.key_press(Key::F5);
    h.run_steps(3);
    assert!(!h.state().speaker_shown());
    h.key_press(Key::S);
    h.run_steps(3);
    assert!(h.state().speaker_shown());
    h.get_by_label("Speaker notes");
    h.get_by_label("Note for step index 6");
    h.get_by_label("1. A question?");
    let next = h.state().dataset().steps[2].clone();
    h.get_by_label(&format!("{} — {}", next.date.english(), next.title.en()));
    // Its buttons drive the presentation.
    h.get_by_label("Next stop").click();
    h.run_steps(3);
    assert_eq!(h.state().time().step(), Some(2));
    h.get_by_label("Leave presenter mode").click();
    h.run_steps(3);
    assert!(h.state().presenter().is_none());
}

#[test]
fn shift_f5_presents_from_the_current_step() {
    let args = ViewerOptions {
        step: Some(5),
        ..ViewerOptions::default()
    };
    let mut h = build(args, 1.0 / 60.0);
    h.run_steps(2);
    h.key_press_modifiers(egui::Modifiers::SHIFT, Key::F5);
    h.run_steps(3);
    assert_eq!(h.state().presenter().unwrap().position(), 4);
    assert_eq!(h.state().time().step(), Some(4));
}
