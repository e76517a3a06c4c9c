//! The viewer in Arabic, driven through its Arabic accessible labels with
//! egui_kittest: stepping and playback, the mirrored transport buttons,
//! Arabic-Indic digits, the settings section, and why every translated
//! widget sets its label again (egui would report the visual-order text).
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use karabakh_atlas::i18n::{Digits, Lang};
use karabakh_atlas::model::load_bundled;
use karabakh_atlas::ui::ViewerOptions;
use karabakh_atlas::ui::app::App;
use karabakh_atlas::ui::i18n::{Txt, button};
use karabakh_atlas::ui::persist::{AxisDirection, Settings};
use karabakh_atlas::ui::screenshot::Outcome;
use karabakh_atlas::ui::settings_window::language_section;
use karabakh_atlas::ui::text::install_fonts;
use karabakh_atlas::ui::time_panel::visual_step_keys;

/// The app on the bundled dataset with `args`, 1280×800 points.
fn build(args: ViewerOptions, step_dt: f32) -> Harness<'static, App> {
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_step_dt(step_dt)
        .with_max_steps(64)
        .build_eframe(move |cc| App::new(cc, load_bundled().unwrap(), &args, Outcome::default()));
    h.run();
    h
}

fn arabic() -> ViewerOptions {
    ViewerOptions {
        lang: Some(Lang::Ar),
        ..ViewerOptions::default()
    }
}

#[test]
fn next_previous_and_play_through_their_arabic_labels() {
    let mut h = build(arabic(), 1.0 / 60.0);
    assert_eq!(h.state().time().step(), Some(0));
    h.get_by_label("الخطوة التالية").click();
    h.run();
    assert_eq!(h.state().time().step(), Some(1));
    // The card shows the step's Arabic title, found by its logical text.
    let title = h.state().dataset().steps[1]
        .title
        .exact("ar")
        .unwrap()
        .to_owned();
    h.get_by_label(&title);
    h.get_by_label("الخطوة التالية").click();
    h.run();
    h.get_by_label("الخطوة السابقة").click();
    h.run();
    assert_eq!(h.state().time().step(), Some(1));
    // No English label is left on the transport buttons.
    assert!(h.query_by_label("Next step").is_none());
    assert!(h.query_by_label("Play").is_none());

    h.get_by_label("تشغيل").click();
    h.run_steps(2);
    assert!(h.state().time().is_playing());
    h.get_by_label("إيقاف مؤقت").click();
    h.run_steps(2);
    assert!(!h.state().time().is_playing());
}

#[test]
fn the_transport_buttons_follow_the_axis_direction() {
    let first_and_last = |h: &Harness<'static, App>| {
        (
            h.get_by_label("الخطوة الأولى").rect().center().x,
            h.get_by_label("الخطوة الأخيرة").rect().center().x,
        )
    };
    // Arabic: time runs right to left, so the first step's button is at
    // the right.
    let h = build(arabic(), 1.0 / 60.0);
    let (first, last) = first_and_last(&h);
    assert!(first > last, "first at {first}, last at {last}");
    // The step ticks run right to left too: step 1 right of step 2.
    // (The map's live region may announce the current step in the same
    // words; the ticks are the buttons.)
    let tick = |label: &str| {
        h.query_all_by_label_contains(label)
            .find(|n| {
                egui_kittest::kittest::NodeT::accesskit_node(n).role()
                    == egui::accesskit::Role::Button
            })
            .unwrap_or_else(|| panic!("no tick {label}"))
            .rect()
            .center()
            .x
    };
    let t1 = tick("الخطوة 1:");
    let t2 = tick("الخطوة 2:");
    assert!(t1 > t2, "tick 1 at {t1}, tick 2 at {t2}");

    // Arabic with the axis set left to right: first at the left again.
    let settings = Settings {
        axis_direction: AxisDirection::LeftToRight,
        lang: Some(Lang::Ar),
        ..Settings::default()
    };
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_max_steps(64)
        .with_context_setup(install_fonts)
        .build_ui_state(
            |ui, app: &mut App| {
                let mut out = Vec::new();
                karabakh_atlas::ui::time_panel::ui(ui, &app.shared(), &mut out);
                out.into_iter().for_each(|c| app.push(c));
                app.apply(&ui.ctx().clone());
            },
            App::with_settings(load_bundled().unwrap(), settings, &ViewerOptions::default()),
        );
    h.run();
    let (first, last) = first_and_last(&h);
    assert!(first < last, "first at {first}, last at {last}");
}

#[test]
fn arrow_keys_follow_what_the_user_sees() {
    let mut s = Settings {
        lang: Some(Lang::En),
        ..Settings::default()
    };
    assert_eq!(
        visual_step_keys(&s),
        (egui::Key::ArrowRight, egui::Key::ArrowLeft)
    );
    s.lang = Some(Lang::Ar);
    assert_eq!(
        visual_step_keys(&s),
        (egui::Key::ArrowLeft, egui::Key::ArrowRight)
    );
    s.axis_direction = AxisDirection::LeftToRight;
    assert_eq!(
        visual_step_keys(&s),
        (egui::Key::ArrowRight, egui::Key::ArrowLeft)
    );
    s.lang = Some(Lang::En);
    s.axis_direction = AxisDirection::RightToLeft;
    assert_eq!(
        visual_step_keys(&s),
        (egui::Key::ArrowLeft, egui::Key::ArrowRight)
    );
}

#[test]
fn arabic_indic_digits_in_the_time_panel_and_the_card() {
    let args = ViewerOptions {
        lang: Some(Lang::Ar),
        digits: Some(Digits::ArabicIndic),
        step: Some(7),
        ..ViewerOptions::default()
    };
    let h = build(args, 1.0 / 60.0);
    let total = h.state().dataset().steps.len();
    assert_eq!(total, 14, "the labels below are written for 14 steps");
    // In the time panel and in the card.
    assert_eq!(h.get_all_by_label("الخطوة ٧ من ١٤").count(), 2);
    // Step 7 is dated 20 November 2020.
    // The time panel's date and the card's.
    assert_eq!(h.get_all_by_label("٢٠ نوفمبر ٢٠٢٠").count(), 2);
    assert!(h.query_by_label("الخطوة 7 من 14").is_none());
}

#[test]
fn the_language_section_switches_the_interface_at_once() {
    let settings = Settings {
        lang: Some(Lang::En),
        ..Settings::default()
    };
    let mut h = Harness::builder()
        .with_size([600.0, 700.0])
        .with_context_setup(install_fonts)
        .build_ui_state(|ui, s: &mut Settings| language_section(ui, s), settings);
    h.run();
    h.get_by_label("Interface language");
    h.get_by_label("العربية").click();
    h.run();
    assert_eq!(h.state().lang, Some(Lang::Ar));
    // The section itself is now in Arabic, read through Arabic labels.
    h.get_by_label("لغة الواجهة");
    assert!(h.query_by_label("Interface language").is_none());
    h.get_by_label("الأرقام الهندية: ٠١٢٣٤٥٦٧٨٩").click();
    h.run();
    assert_eq!(h.state().digits, Digits::ArabicIndic);
    h.get_by_label("الشام والعراق: كانون الثاني، شباط، آذار…")
        .click();
    h.run();
    assert_eq!(
        h.state().month_style,
        karabakh_atlas::i18n::MonthStyle::Syriac
    );
    h.get_by_label("مثال: ١ كانون الأول ٢٠٢٠؛ ٤٬٣٨٨ كم²");
    h.get_by_label("التواريخ الأقدم على اليسار").click();
    h.run();
    assert_eq!(h.state().axis_direction, AxisDirection::LeftToRight);
}

#[test]
fn a_translated_button_is_found_by_its_logical_label_not_its_visual_text() {
    // Arabic words around numbers: the galley holds the pieces in visual
    // order, which is not the text a person reads.
    let logical = "الخطوة 7 من 14";
    // egui's own button gets the same text, tagged so the two differ.
    let plain = format!("{logical} ب");
    let visual = karabakh_atlas::ui::text::line_job(
        &plain,
        egui::FontId::proportional(14.0),
        egui::Color32::PLACEHOLDER,
    )
    .text;
    assert_ne!(visual, plain, "the pieces are in visual order");
    let for_ui = plain.clone();
    let mut h = Harness::builder()
        .with_context_setup(install_fonts)
        .build_ui(move |ui| {
            // Ours: the label set again to the logical text.
            button(ui, logical);
            let galley = Txt::new(for_ui.as_str()).galley(ui, egui::Color32::PLACEHOLDER);
            ui.add(egui::Button::new(egui::WidgetText::Galley(galley)));
        });
    h.run();
    h.get_by_label(logical);
    // egui reports the galley's text: the logical text finds nothing.
    assert!(h.query_by_label(&plain).is_none());
    h.get_by_label(&visual);
}

#[test]
fn the_settings_window_opens_closes_and_changes_the_settings() {
    let mut h = Harness::builder()
        .with_size([800.0, 800.0])
        .with_context_setup(install_fonts)
        .build_ui_state(
            |ui, (settings, open): &mut (Settings, bool)| {
                if let Some(changed) =
                    karabakh_atlas::ui::settings_window::window(ui.ctx(), settings, open)
                {
                    *settings = changed;
                }
            },
            (
                Settings {
                    lang: Some(Lang::Ar),
                    ..Settings::default()
                },
                true,
            ),
        );
    h.run();
    h.get_by_label("الإعدادات");
    h.get_by_label("English").click();
    h.run();
    assert_eq!(h.state().0.lang, Some(Lang::En));
    h.get_by_label("Settings");
    assert!(h.query_by_label("الإعدادات").is_none());
}

#[test]
fn the_card_says_in_arabic_how_the_sources_support_each_change() {
    use karabakh_atlas::i18n::{Locale, tr, tr_args};
    let ds = load_bundled().unwrap();
    // Step numbers as `--step` takes them, from 1.
    let step = |id: &str| ds.steps.iter().position(|s| s.id == id).unwrap() + 1;
    let at = |n: usize| {
        build(
            ViewerOptions {
                step: Some(n),
                ..arabic()
            },
            1.0 / 60.0,
        )
    };
    // The four districts retaken in 2020: inferred, with the Arabic
    // reasoning.
    let h = at(step("ceasefire-2020"));
    let ar: Locale = h.state().settings().locale();
    assert_eq!(ar.lang, Lang::Ar);
    let note = ds
        .changes_of("qubadli")
        .into_iter()
        .find_map(|(_, c)| c.evidence.basis_note.clone())
        .unwrap();
    let inferred = tr_args(
        ar,
        "evidence-inferred",
        &[("note", note.exact("ar").unwrap().into())],
    );
    assert!(h.query_all_by_label(&inferred).count() >= 4, "{inferred}");
    assert!(h.query_by_label_contains("inferred").is_none());
    drop(h);
    // 2023: Azerbaijan's claim, attributed in Arabic, and the dots in the
    // Arabic legend.
    let h = at(step("talks-2023"));
    let azerbaijan = ds.controller("azerbaijan").unwrap().names.get("ar");
    h.get_by_label(&tr_args(
        ar,
        "evidence-claimed",
        &[("party", azerbaijan.into())],
    ));
    h.get_by_label(&tr(ar, "legend-claimed"));
    assert!(h.query_by_label_contains("according to").is_none());
}
