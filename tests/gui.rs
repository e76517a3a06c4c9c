//! The viewer driven through its accessible labels with egui_kittest (no
//! window, no GPU): stepping, keyboard, playback with a mocked clock,
//! selection from the map, and that an idle viewer stops repainting.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::viewer::click_at;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use karabakh_atlas::control::HOLD_SECS;
use karabakh_atlas::model::load_bundled;
use karabakh_atlas::scene::projection::Projection;
use karabakh_atlas::ui::ViewerOptions;
use karabakh_atlas::ui::app::App;
use karabakh_atlas::ui::screenshot::Outcome;

/// The app on the bundled dataset in a window of `size` points.
fn build(
    args: ViewerOptions,
    size: [f32; 2],
    ppp: f32,
    step_dt: f32,
    max_steps: u64,
) -> Harness<'static, App> {
    // English whatever the system's language, unless a test asks otherwise.
    let args = ViewerOptions {
        lang: args.lang.or(Some(karabakh_atlas::i18n::Lang::En)),
        ..args
    };
    Harness::builder()
        .with_size(size)
        .with_pixels_per_point(ppp)
        .with_step_dt(step_dt)
        .with_max_steps(max_steps)
        .build_eframe(move |cc| App::new(cc, load_bundled().unwrap(), &args, Outcome::default()))
}

fn harness_with(args: ViewerOptions, step_dt: f32) -> Harness<'static, App> {
    // A colour cross-fade lasts about 30 frames at 60 frames per second.
    build(args, [1280.0, 800.0], 1.0, step_dt, 64)
}

fn harness() -> Harness<'static, App> {
    let mut h = harness_with(ViewerOptions::default(), 1.0 / 60.0);
    h.run();
    h
}

#[test]
fn next_moves_to_the_next_step_and_the_card_shows_its_title() {
    let mut h = harness();
    assert_eq!(h.state().time().step(), Some(0));
    h.get_by_label("Next step").click();
    h.run();
    assert_eq!(h.state().time().step(), Some(1));
    let title = h.state().dataset().steps[1].title.en().to_owned();
    h.get_by_label(&title);
    h.get_by_label("Next step").click();
    h.run();
    let title = h.state().dataset().steps[2].title.en().to_owned();
    h.get_by_label(&title);
    h.get_by_label("Previous step").click();
    h.run();
    assert_eq!(h.state().time().step(), Some(1));
}

#[test]
fn end_then_home_with_the_keyboard_and_the_buttons() {
    let mut h = harness();
    let last = h.state().dataset().steps.len() - 1;
    h.key_press(Key::End);
    h.run();
    assert_eq!(h.state().time().step(), Some(last));
    h.key_press(Key::Home);
    h.run();
    assert_eq!(h.state().time().step(), Some(0));
    h.get_by_label("Last step").click();
    h.run();
    assert_eq!(h.state().time().step(), Some(last));
    h.get_by_label("First step").click();
    h.run();
    assert_eq!(h.state().time().step(), Some(0));
    // Arrows: a step; Shift+arrows: a day.
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().time().step(), Some(1));
    let date = h.state().time().date();
    h.key_press_modifiers(egui::Modifiers::SHIFT, Key::ArrowRight);
    h.run();
    assert_eq!(h.state().time().date(), date.add_days(1));
}

#[test]
fn space_starts_and_stops_playback_on_a_mocked_clock() {
    // Each frame advances the clock by half a second.
    let mut h = harness_with(ViewerOptions::default(), 0.5);
    h.run_steps(2);
    assert!(!h.state().time().is_playing());
    h.key_press(Key::Space);
    h.run_steps(1);
    assert!(h.state().time().is_playing());
    h.get_by_label("Pause");
    // A step is held for HOLD_SECS, so after that much clock time plus a frame
    // the next step is shown.
    let frames = (HOLD_SECS / 0.5).ceil() as usize + 1;
    h.run_steps(frames);
    assert_eq!(h.state().time().step(), Some(1));
    h.key_press(Key::Space);
    h.run_steps(1);
    assert!(!h.state().time().is_playing());
    h.run_steps(frames * 2);
    assert_eq!(
        h.state().time().step(),
        Some(1),
        "paused playback does not advance"
    );
    h.get_by_label("Play").click();
    h.run_steps(1);
    assert!(h.state().time().is_playing());
}

#[test]
fn clicking_a_district_selects_it_and_lists_its_steps() {
    let mut h = harness();
    let (rect, cam, ref_lat, label) = {
        let app = h.state();
        let (rect, cam) = app.last_map().unwrap();
        let i = app
            .dataset()
            .map
            .features
            .iter()
            .position(|f| f.id == "kalbajar")
            .unwrap();
        let cache = karabakh_atlas::scene::display::MapCache::new(app.dataset());
        (
            rect,
            cam,
            cache.ref_lat,
            cache.features[i].label_at.unwrap(),
        )
    };
    let vp = karabakh_atlas::scene::projection::Viewport {
        min: [rect.min.x, rect.min.y],
        size: [rect.width(), rect.height()],
    };
    let p = Projection::new(cam, vp, ref_lat).screen_from_geo(label);
    // A little below the label's centre, inside the district.
    click_at(&mut h, egui::Pos2::new(p[0], p[1] + 14.0));
    assert_eq!(h.state().selected(), Some("kalbajar"));
    // The card lists the steps that touched Kalbajar, and each one is a link.
    h.get_by_label("Step 1 · before 27 Sep 2020 · Before the 2020 war");
    h.get_by_label("Step 3 · 10 Nov 2020 · Ceasefire statement of 10 November 2020");
    h.get_by_label("Step 8 · 25 Nov 2020 · Kalbajar handed over to Azerbaijan")
        .click();
    h.run();
    assert_eq!(h.state().time().step(), Some(7));
    assert_eq!(h.state().time().date().iso(), "2020-11-25");
    // Esc clears the selection.
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().selected(), None);
}

#[test]
fn an_idle_viewer_stops_repainting() {
    let mut h = harness_with(ViewerOptions::default(), 1.0 / 60.0);
    // try_run fails if the app keeps asking for frames; after the first
    // frames settle, nothing changes, so nothing is repainted.
    let frames = h.try_run().expect("the viewer keeps repainting while idle");
    assert!(frames < 10, "{frames} frames to settle");
    // A state change animates, then stops again.
    h.get_by_label("Next step").click();
    h.try_run().expect("the cross-fade ends");
}

#[test]
fn the_viewer_opens_at_a_step_or_date_from_the_flags() {
    let args = ViewerOptions {
        step: Some(9),
        ..ViewerOptions::default()
    };
    let mut h = harness_with(args, 1.0 / 60.0);
    h.run();
    assert_eq!(h.state().time().date().iso(), "2020-12-01");
    h.get_by_label("Lachin handed over: the last of the seven districts");
    let args = ViewerOptions {
        date: karabakh_atlas::model::Date::parse("2020-11-21").ok(),
        ..ViewerOptions::default()
    };
    let mut h = harness_with(args, 1.0 / 60.0);
    h.run();
    assert_eq!(
        h.state().time().step(),
        h.state().dataset().step_index("aghdam-handover")
    );
}

#[test]
fn settings_survive_a_restart() {
    let mut h = harness();
    h.key_press(Key::End);
    h.run();
    let saved = h.state().settings();
    let restored = App::with_settings(
        load_bundled().unwrap(),
        saved.clone(),
        &ViewerOptions::default(),
    );
    assert_eq!(restored.time().date(), h.state().time().date());
    assert_eq!(restored.time().step(), h.state().time().step());
    assert_eq!(restored.settings(), saved);
}

#[test]
fn question_mark_shows_the_shortcuts() {
    let mut h = harness();
    assert!(h.query_by_label("next / previous step").is_none());
    h.key_press(Key::F1);
    h.run();
    h.get_by_label("next / previous step");
    h.get_by_label("one day later / earlier");
    h.key_press(Key::F1);
    h.run();
    assert!(h.query_by_label("next / previous step").is_none());
}

#[test]
fn a_broken_dataset_folder_shows_its_errors_and_keeps_the_current_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("dataset.toml"), "title = [unclosed\n").unwrap();
    let mut h = harness();
    let before = h.state().dataset().steps.len();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Open dataset folder by path…").click();
    h.run();
    h.get_by_role(egui::accesskit::Role::TextInput)
        .type_text(dir.path().to_str().unwrap());
    h.run();
    h.get_by_label("Open").click();
    h.run();
    h.get_by_label("Dataset errors");
    assert!(h.query_by_label_contains("dataset.toml:1:").is_some());
    assert_eq!(
        h.state().dataset().steps.len(),
        before,
        "the bundled dataset stays on screen"
    );
}

#[test]
fn a_good_dataset_folder_replaces_the_bundled_one() {
    let mut h = harness();
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    h.state_mut()
        .push(karabakh_atlas::ui::app::Command::OpenFolder(data.clone()));
    h.run();
    assert_eq!(
        h.state().dataset().origin,
        karabakh_atlas::model::types::Origin::Folder(data)
    );
    assert!(h.query_by_label("Dataset errors").is_none());
}

#[test]
fn the_window_works_from_800x600_to_4k_and_at_double_density() {
    for (size, ppp) in [
        ([800.0, 600.0], 1.0),
        ([3840.0, 2160.0], 1.0),
        ([1280.0, 800.0], 2.0),
    ] {
        let mut h = build(ViewerOptions::default(), size, ppp, 1.0 / 60.0, 64);
        h.run();
        for label in [
            "First step",
            "Previous step",
            "Play",
            "Next step",
            "Last step",
            "Zoom in",
            "Zoom out",
            "Fit map",
            "Map",
        ] {
            h.get_by_label(label);
        }
        let (map, _) = h.state().last_map().unwrap();
        assert!(
            map.width() > 200.0 && map.height() > 150.0,
            "{size:?}: map {map:?}"
        );
        assert!(map.right() <= size[0] + 0.5 && map.bottom() <= size[1] + 0.5);
        // On a small window the legend starts folded so the map stays visible.
        let legend_toggle = if size[0] < 1000.0 {
            "Show legend"
        } else {
            "Hide legend"
        };
        h.get_by_label(legend_toggle);
    }
}

/// Scroll the widget with this label into view, then click it (the card and
/// the reader are scroll areas, so a control may start below the fold).
fn click(h: &mut Harness<'static, App>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
}

fn at_step(n: usize) -> Harness<'static, App> {
    let args = ViewerOptions {
        step: Some(n),
        ..ViewerOptions::default()
    };
    let mut h = build(args, [1600.0, 900.0], 1.0, 1.0 / 60.0, 200);
    h.run();
    h
}

/// The Lachin handover passage as the card names it: its source's title and
/// paragraph (see `model::cite`), not its id.
fn lachin_passage() -> String {
    let ds = load_bundled().unwrap();
    let c = ds.citation("lachin-handed-over").unwrap();
    let s = ds.source(&c.source).unwrap();
    karabakh_atlas::model::cite::passage_label(s, c, karabakh_atlas::i18n::Locale::EN)
}

fn open_lachin() -> String {
    format!("Open in reader: {}", lachin_passage())
}

/// The Lachin handover source's title, the reader's heading.
fn lachin_title() -> String {
    load_bundled()
        .unwrap()
        .source("lachin-handover")
        .unwrap()
        .label
        .en()
        .to_owned()
}

/// Where Kalbajar's handover passage is in its source.
fn kalbajar_where() -> String {
    let ds = load_bundled().unwrap();
    let c = ds.citation("kalbajar-handed-over").unwrap();
    let s = ds.source(&c.source).unwrap();
    karabakh_atlas::model::cite::passage_where(s, c, karabakh_atlas::i18n::Locale::EN)
}

#[test]
fn opening_a_citation_from_the_card_shows_its_source_in_the_reader() {
    let mut h = at_step(9);
    // The reader's heading is the source's title (its id is under "About
    // this source").
    let title = lachin_title();
    assert!(h.query_by_label(&title).is_none());
    click(&mut h, &open_lachin());
    h.run();
    h.get_by_label(&title);
    assert!(h.query_by_label("Source id: lachin-handover").is_none());
    // The passage is highlighted, and every passage of the source is a link,
    // named by its paragraph.
    h.get_all_by_label_contains("Cited passage, paragraph 12, step 9")
        .next()
        .unwrap();
    assert!(h.get_all_by_label_contains("Cited passage, ").count() >= 10);
    // The text can grow and shrink.
    let before = h.state().settings().reader.text_size;
    h.get_by_label("Larger text").click();
    h.run();
    assert!(h.state().settings().reader.text_size > before);
}

#[test]
fn clicking_a_highlight_moves_the_timeline_to_its_step() {
    let mut h = at_step(9);
    click(&mut h, &open_lachin());
    h.run();
    // Kalbajar's handover, in the same article, is cited by step 8 only.
    h.get_all_by_label_contains(&format!("Cited passage, {}, step 8", kalbajar_where()))
        .next()
        .unwrap()
        .click();
    h.run();
    assert_eq!(h.state().time().step(), Some(7));
}

#[test]
fn place_names_in_the_text_are_links_to_the_map() {
    let mut h = at_step(9);
    click(&mut h, &open_lachin());
    h.run();
    // The mention in the passage just opened, which the reader scrolled to.
    let node = h.get_all_by_label("Place: Lachin").last().unwrap();
    node.hover();
    h.run();
    assert_eq!(h.state().reader_hovered_place(), Some("lachin"));
    h.get_all_by_label("Place: Kalbajar")
        .last()
        .unwrap()
        .click();
    h.run();
    assert_eq!(h.state().selected(), Some("kalbajar"));
}

#[test]
fn find_matches_every_spelling_of_aghdam_in_all_sources() {
    let ds = load_bundled().unwrap();
    // Counted independently: the two spellings the corpus uses.
    let expected: usize = ds
        .sources
        .iter()
        .map(|s| s.text.matches("أغدام").count() + s.text.matches("آغدام").count())
        .sum();
    let sources = ds
        .sources
        .iter()
        .filter(|s| s.text.contains("أغدام") || s.text.contains("آغدام"))
        .count();
    let mut h = at_step(9);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_role(egui::accesskit::Role::TextInput)
        .type_text("اغدام");
    h.run();
    h.get_by_label("All sources").click();
    h.run();
    h.get_by_label(&format!("{expected} matches in {sources} sources"));
    assert!(expected >= 5);
}

#[test]
fn copying_a_citation_puts_the_reference_and_the_exact_quote_on_the_clipboard() {
    let mut h = at_step(9);
    click(&mut h, &format!("Copy reference: {}", lachin_passage()));
    h.step();
    let copied: Vec<String> = h
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    let quote = &h
        .state()
        .dataset()
        .citation("lachin-handed-over")
        .unwrap()
        .quote
        .clone();
    assert!(
        copied
            .iter()
            .any(|t| t.contains(quote.as_str()) && t.contains("lachin-handover")),
        "{copied:?}"
    );
}

#[test]
fn the_reader_pops_out_into_its_own_window_and_back() {
    let mut h = at_step(9);
    click(&mut h, &open_lachin());
    h.run();
    h.get_by_label("Open the reader in its own window").click();
    h.run();
    assert!(h.state().settings().reader.popped_out);
    // Still reachable (egui_kittest shows viewports embedded).
    h.get_by_label(&lachin_title());
    h.get_by_label("Dock the reader beside the step card")
        .click();
    h.run();
    assert!(!h.state().settings().reader.popped_out);
}

#[test]
fn compare_from_the_baseline_lists_exactly_the_seven_districts() {
    let args = ViewerOptions {
        date: karabakh_atlas::model::Date::parse("2020-12-02").ok(),
        ..ViewerOptions::default()
    };
    let mut h = build(args, [1600.0, 1000.0], 1.0, 1.0 / 60.0, 200);
    h.run();
    h.get_by_label("Compare").click();
    h.run();
    // Enter the baseline date in the comparison's date field.
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "or date")
        .set_text_value_accesskit("2020-09-26");
    h.run();
    h.get_by_label("Changes from 26 Sep 2020 to 2 Dec 2020");
    for place in [
        "Aghdam", "Fuzuli", "Jabrayil", "Zangilan", "Qubadli", "Lachin", "Kalbajar",
    ] {
        h.get_by_label_contains(&format!("• {place}: from Armenian forces to Azerbaijan,"));
    }
    assert_eq!(
        h.get_all_by_label_contains("from Armenian forces to Azerbaijan,")
            .count(),
        7
    );
    assert!(
        h.query_by_label_contains("Nagorno-Karabakh: from")
            .is_none()
    );
    h.get_by_label_contains("Area that changed hands:");
}

#[test]
fn clicking_the_chart_scrubs_the_timeline() {
    let mut h = build(
        ViewerOptions::default(),
        [1600.0, 1000.0],
        1.0,
        1.0 / 60.0,
        200,
    );
    h.run();
    let before = h.state().time().date();
    h.get_by_label("Territory chart").click();
    h.run();
    assert_ne!(h.state().time().date(), before);
}

/// Step the app until `done` or 60 s pass (exports run on their own thread).
fn until(h: &mut Harness<'static, App>, mut done: impl FnMut(&Harness<'static, App>) -> bool) {
    let start = std::time::Instant::now();
    while !done(h) {
        assert!(start.elapsed().as_secs() < 60, "timed out");
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.run_ok();
}

#[test]
fn export_a_figure_through_the_menu_and_the_path_prompt() {
    karabakh_atlas::ui::files::disable_native_dialogs();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("figure.png");
    let mut h = at_step(9);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export figure…").click();
    h.run();
    h.get_by_label("Export…").click();
    h.run();
    // No native dialog: the in-app prompt asks for the file.
    h.get_by_role(egui::accesskit::Role::TextInput)
        .type_text(path.to_str().unwrap());
    h.run();
    h.get_by_label("Save").click();
    until(&mut h, |_| path.is_file());
    until(&mut h, |h| h.query_by_label_contains("Wrote ").is_some());
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&path).unwrap()));
    let info = decoder.read_info().unwrap().info().clone();
    assert_eq!((info.width, info.height), (1920, 1080));
}

#[test]
fn an_existing_file_is_not_replaced_without_consent() {
    karabakh_atlas::ui::files::disable_native_dialogs();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keep.png");
    std::fs::write(&path, b"mine").unwrap();
    let mut h = at_step(3);
    h.state_mut()
        .push(karabakh_atlas::ui::app::Command::PathChosen(
            karabakh_atlas::ui::files::Purpose::Figure(karabakh_atlas::ui::files::ExportSettings {
                size: (640, 360),
                names: karabakh_atlas::scene::display::NameLang::parse("en").unwrap(),
                theme: karabakh_atlas::scene::style::ThemeKind::Light,
                format: karabakh_atlas::export::FigureFormat::Png,
                hold_secs: 2.5,
                overwrite: false,
            }),
            path.clone(),
            false,
        ));
    h.run();
    until(&mut h, |h| h.query_by_label("The export failed").is_some());
    assert!(h.query_by_label_contains("already exists").is_some());
    assert_eq!(std::fs::read(&path).unwrap(), b"mine");
}

#[test]
fn export_all_steps_shows_progress_and_can_be_cancelled_leaving_nothing() {
    karabakh_atlas::ui::files::disable_native_dialogs();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("steps");
    let mut h = at_step(1);
    h.state_mut()
        .push(karabakh_atlas::ui::app::Command::PathChosen(
            karabakh_atlas::ui::files::Purpose::AllSteps(
                karabakh_atlas::ui::files::ExportSettings {
                    size: (3840, 2160),
                    names: karabakh_atlas::scene::display::NameLang::parse("en").unwrap(),
                    theme: karabakh_atlas::scene::style::ThemeKind::Light,
                    format: karabakh_atlas::export::FigureFormat::Png,
                    hold_secs: 2.5,
                    overwrite: false,
                },
            ),
            out.clone(),
            false,
        ));
    // The progress window appears (after egui's sizing pass), then Cancel.
    for _ in 0..10 {
        if h.query_by_label("Exporting").is_some() {
            break;
        }
        h.step();
    }
    h.get_by_label("Exporting");
    h.get_by_label("Cancel").click();
    until(&mut h, |h| h.query_by_label("Exporting").is_none());
    assert!(h.query_by_label("The export failed").is_some());
    assert!(!out.exists(), "a cancelled export leaves no folder behind");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "and no staging files"
    );
}

/// The number (1-based, as `--step` takes it) of the step with id `id` in
/// the bundled dataset.
fn step_of(id: &str) -> usize {
    let ds = load_bundled().unwrap();
    ds.steps.iter().position(|s| s.id == id).unwrap() + 1
}

#[test]
fn the_card_says_how_the_sources_support_a_change_and_reported_only_greys_claims() {
    use karabakh_atlas::i18n::{Locale, tr};
    use karabakh_atlas::scene::style::{Style, ThemeKind};
    // The ceasefire: the four districts retaken in the fighting are
    // inferred, and the card says why.
    let h = at_step(step_of("ceasefire-2020"));
    let ds = load_bundled().unwrap();
    let note = ds
        .changes_of("fuzuli")
        .into_iter()
        .find_map(|(_, c)| c.evidence.basis_note.clone())
        .unwrap();
    let inferred = format!("inferred: {}", note.en());
    assert!(
        h.query_all_by_label(&inferred).count() >= 4,
        "each of the four districts says it is inferred"
    );
    drop(h);

    // Once the 2023 operation has ended, control of the region is
    // Azerbaijan's claim, in words and with the dots the legend explains.
    let mut h = at_step(step_of("talks-2023"));
    h.get_by_label("according to Azerbaijan");
    let dots = tr(Locale::EN, "legend-claimed");
    let unknown = tr(Locale::EN, "legend-not-reported");
    h.get_by_label(&dots);
    assert!(h.query_by_label(&unknown).is_none());
    assert!(h.query_by_label_contains("Shown as unknown").is_none());

    // View › Reported control only: the claim is drawn as unknown, the
    // legend and the card say so, and the setting is kept.
    let drawn = h.state().map_scene();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Reported control only").click();
    h.run();
    assert!(h.state().settings().reported_only);
    assert_ne!(
        *h.state().map_scene(),
        *drawn,
        "the map is drawn again with the claim as unknown"
    );
    h.get_by_label(&unknown);
    assert!(h.query_by_label(&dots).is_none());
    h.get_by_label(&tr(Locale::EN, "evidence-unknown"));
    for _ in 0..60 {
        h.step();
    }
    let style = Style::new(ThemeKind::Light);
    assert_eq!(h.state().fill("nagorno-karabakh"), Some(style.unknown_fill));
}

#[test]
fn the_map_is_drawn_again_only_when_what_it_shows_changes() {
    use karabakh_atlas::scene::display::Item;
    use karabakh_atlas::scene::style::ThemeKind;
    use karabakh_atlas::ui::app::Command;
    let mut h = harness();
    // Nothing moves: frame after frame reuses the same picture.
    let (builds, scene) = (h.state().map_builds(), h.state().map_scene());
    for _ in 0..5 {
        h.step();
    }
    assert_eq!(
        h.state().map_builds(),
        builds,
        "rebuilt with nothing changed"
    );
    assert!(std::sync::Arc::ptr_eq(&scene, &h.state().map_scene()));

    // Another step: new states, a new picture (the cross-fade's frames
    // each draw one), then still again.
    h.get_by_label("Next step").click();
    h.run();
    let after_step = h.state().map_builds();
    assert!(after_step > builds);
    assert_ne!(*h.state().map_scene(), *scene, "the new states are drawn");
    h.step();
    assert_eq!(h.state().map_builds(), after_step);

    // The theme: another background.
    let before = h.state().map_scene();
    let mut settings = h.state().settings();
    settings.theme = match settings.theme {
        ThemeKind::Light => ThemeKind::Dark,
        ThemeKind::Dark => ThemeKind::Light,
    };
    h.state_mut()
        .push(Command::Settings(Box::new(settings.clone())));
    h.run();
    assert_ne!(h.state().map_scene().background, before.background);

    // The language: the labels in Arabic.
    let labels = |h: &Harness<'static, App>| -> Vec<String> {
        h.state()
            .map_scene()
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect()
    };
    let english = labels(&h);
    settings.lang = Some(karabakh_atlas::i18n::Lang::Ar);
    h.state_mut().push(Command::Settings(Box::new(settings)));
    h.run();
    let arabic = labels(&h);
    assert!(english.iter().any(|l| l == "Lachin"), "{english:?}");
    assert!(!arabic.iter().any(|l| l == "Lachin"), "{arabic:?}");
    assert!(arabic.iter().any(|l| l.contains('ل')), "{arabic:?}");

    // The camera: the areas drawn elsewhere.
    let fills = |h: &Harness<'static, App>| -> Vec<Vec<[f32; 2]>> {
        h.state()
            .map_scene()
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Fill { vertices, .. } => Some(vertices.clone()),
                _ => None,
            })
            .collect()
    };
    let before = fills(&h);
    let builds = h.state().map_builds();
    h.state_mut().push(Command::ZoomBy(1.25));
    h.run();
    assert!(h.state().map_builds() > builds);
    assert_ne!(fills(&h), before);
}

// ---- The accessible map (issue 19) ----

/// The map's children as a screen reader sees them: (label, rect, focused).
fn map_children(h: &Harness<'_, App>, map_label: &str) -> Vec<(String, egui::Rect, bool)> {
    h.get_by_label(map_label)
        // Unnamed containers are left out by screen readers (AccessKit's
        // filter), so their children count as the map's.
        .children_recursive()
        .filter(|n| n.accesskit_node().role() != egui::accesskit::Role::GenericContainer)
        .map(|n| {
            let a = n.accesskit_node();
            (a.label().unwrap_or_default(), n.rect(), a.is_focused())
        })
        .collect()
}

/// The place the keyboard is on in the map, if any.
fn focused_place(h: &Harness<'_, App>, map_label: &str) -> Option<(String, egui::Rect)> {
    map_children(h, map_label)
        .into_iter()
        .find(|(_, _, f)| *f)
        .map(|(l, r, _)| (l, r))
}

/// Where the map drew point `at` (on the map as drawn now) with camera
/// `then`: the keyboard moves the map to show a place out of view.
fn as_drawn_with(
    h: &Harness<'_, App>,
    then: karabakh_atlas::scene::projection::Camera,
    at: egui::Pos2,
) -> egui::Pos2 {
    let (rect, now) = h.state().last_map().unwrap();
    let ref_lat = karabakh_atlas::scene::display::MapCache::new(h.state().dataset()).ref_lat;
    let vp = karabakh_atlas::scene::projection::Viewport {
        min: [rect.min.x, rect.min.y],
        size: [rect.width(), rect.height()],
    };
    let g = Projection::new(now, vp, ref_lat).geo_from_screen([at.x, at.y]);
    let p = Projection::new(then, vp, ref_lat).screen_from_geo(g);
    egui::Pos2::new(p[0], p[1])
}

/// Press Tab until the keyboard is on a place in the map (at most 80 times).
fn tab_into_the_map(h: &mut Harness<'_, App>, map_label: &str) -> (String, egui::Rect) {
    for _ in 0..80 {
        h.key_press(Key::Tab);
        h.run();
        if let Some(p) = focused_place(h, map_label) {
            return p;
        }
    }
    panic!("Tab never reached a place in the map");
}

#[test]
fn each_place_is_a_node_inside_the_map_named_with_its_state_at_the_date() {
    use karabakh_atlas::control::TimeCommand;
    use karabakh_atlas::model::state::state_at;
    use karabakh_atlas::ui::app::Command;
    let mut h = harness();
    let ds = h.state().dataset().clone();
    // Steps 8 and 9 (Kalbajar, then Lachin handed over): Lachin's node
    // says a handover is pending, then that Azerbaijan controls it.
    for step in [7, 8] {
        h.state_mut()
            .push(Command::Time(TimeCommand::GoToStep(step)));
        h.run();
        let kids = map_children(&h, "Map");
        let date = ds.step_date(step).unwrap();
        let states = state_at(&ds, date);
        assert_eq!(states.len(), 8);
        for s in &states {
            let place = ds.place(&s.id).unwrap().names.en();
            let who = ds.controller(&s.controlled_by).unwrap().names.en();
            let start = format!("{place}: Controlled by {who} ");
            let (label, _, _) = kids
                .iter()
                .find(|(l, _, _)| l.starts_with(&start))
                .unwrap_or_else(|| panic!("step {}: no {start:?}… in {kids:?}", step + 1));
            if let Some(p) = &s.pending {
                let to = ds.controller(&p.to).unwrap().names.en();
                assert!(
                    label.contains(&format!("Handover to {to} agreed")),
                    "{label}"
                );
            }
        }
        let shusha = ds.place("shusha").unwrap().names.en();
        assert!(
            kids.iter().any(|(l, _, _)| l
                == &format!("{shusha}: Shown for context; its control is not tracked")),
            "{kids:?}"
        );
    }
    let lachin = |h: &Harness<'_, App>| {
        map_children(h, "Map")
            .into_iter()
            .find(|(l, _, _)| l.starts_with("Lachin: "))
            .unwrap()
            .0
    };
    assert!(lachin(&h).starts_with("Lachin: Controlled by Azerbaijan since 1 Dec 2020"));
    h.state_mut().push(Command::Time(TimeCommand::GoToStep(7)));
    h.run();
    assert!(!lachin(&h).starts_with("Lachin: Controlled by Azerbaijan"));
}

#[test]
fn tab_enters_the_map_arrows_move_between_places_enter_selects_and_esc_leaves() {
    let mut h = harness();
    let step = h.state().time().step();
    let (first, at) = tab_into_the_map(&mut h, "Map");
    // The focus ring is a place's, never the map as a whole.
    assert!(first.contains(": "), "{first}");
    // Right moves to a place further right, Down to one further down (the
    // map pans to a place out of view: compared as drawn before); the step
    // does not change.
    let camera = |h: &Harness<'_, App>| h.state().last_map().unwrap().1;
    let before = camera(&h);
    h.key_press(Key::ArrowRight);
    h.run();
    let (right, r) = focused_place(&h, "Map").unwrap();
    assert_ne!(right, first);
    assert!(
        as_drawn_with(&h, before, r.center()).x > at.center().x,
        "{right} at {r:?}, {first} at {at:?}"
    );
    let before = camera(&h);
    let (_, r) = focused_place(&h, "Map").unwrap();
    h.key_press(Key::ArrowDown);
    h.run();
    let (down, d) = focused_place(&h, "Map").unwrap();
    assert_ne!(down, right);
    assert!(
        as_drawn_with(&h, before, d.center()).y > r.center().y,
        "{down} at {d:?}, {right} at {r:?}"
    );
    assert_eq!(h.state().time().step(), step);
    // Enter selects the place the keyboard is on.
    h.key_press(Key::Enter);
    h.run();
    let id = h.state().selected().unwrap().to_owned();
    let name = h
        .state()
        .dataset()
        .place(&id)
        .unwrap()
        .names
        .en()
        .to_owned();
    assert!(down.starts_with(&format!("{name}: ")), "{down} / {id}");
    // Page Down still moves the step while in the map.
    h.key_press(Key::PageDown);
    h.run();
    assert_eq!(h.state().time().step(), step.map(|s| s + 1));
    // Esc leaves the map and keeps the selection; the arrows move the
    // step again.
    h.key_press(Key::Escape);
    h.run();
    assert!(focused_place(&h, "Map").is_none());
    assert_eq!(h.state().selected(), Some(id.as_str()));
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().time().step(), step.map(|s| s + 2));
    // The keyboard comes back to the same place, here with Shift+Tab from
    // the zoom buttons that follow the map.
    h.get_by_label("Zoom in").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::SHIFT, Key::Tab);
    h.run();
    let (back, _) = focused_place(&h, "Map").unwrap();
    assert!(back.starts_with(&format!("{name}: ")), "{back}");
}

#[test]
fn a_place_node_clicked_by_a_screen_reader_selects_the_place() {
    let mut h = harness();
    let kids = map_children(&h, "Map");
    let (label, _, _) = kids
        .iter()
        .find(|(l, _, _)| l.starts_with("Kalbajar: "))
        .unwrap();
    h.get_by_label(label).click_accesskit();
    h.run();
    assert_eq!(h.state().selected(), Some("kalbajar"));
}

#[test]
fn a_step_change_is_announced_in_a_polite_live_region() {
    let mut h = harness();
    let ds = h.state().dataset().clone();
    let live = |h: &Harness<'_, App>| {
        h.query_all_by(|n| n.live() == egui::accesskit::Live::Polite)
            .map(|n| n.accesskit_node().label().unwrap_or_default())
            .collect::<Vec<_>>()
    };
    // Nothing is announced on opening.
    assert_eq!(live(&h), vec![String::new()]);
    h.get_by_label("Next step").click();
    h.run();
    let said = live(&h);
    let title = ds.steps[1].title.en();
    let expected = format!("Step 2 of {}: {title}. ", ds.steps.len());
    assert!(said[0].starts_with(&expected), "{said:?}");
    // What the step changed, in the card's words.
    let to = ds.step_date(1).unwrap();
    let changes = karabakh_atlas::model::state::changes_between(&ds, ds.step_date(0).unwrap(), to);
    for c in changes {
        let name = ds.place(&c.id).unwrap().names.en();
        assert!(said[0].contains(name), "{name} not in {said:?}");
    }
}

#[test]
fn reduce_motion_draws_a_step_change_final_on_the_next_frame() {
    use karabakh_atlas::model::state::state_at;
    use karabakh_atlas::scene::display::state_fill;
    use karabakh_atlas::scene::style::{Style, ThemeKind};
    let ds = load_bundled().unwrap();
    let style = Style::new(ThemeKind::Light);
    // Step 2 to step 3: districts change hands.
    let after = state_at(&ds, ds.step_date(2).unwrap());
    let before = state_at(&ds, ds.step_date(1).unwrap());
    let changed: Vec<_> = after
        .iter()
        .filter(|s| {
            let b = before.iter().find(|b| b.id == s.id).unwrap();
            state_fill(&ds, &style, b, false).0 != state_fill(&ds, &style, s, false).0
        })
        .collect();
    assert!(!changed.is_empty());
    for reduce in [false, true] {
        let mut h = harness_with(
            ViewerOptions {
                step: Some(2),
                ..ViewerOptions::default()
            },
            1.0 / 60.0,
        );
        h.run();
        if reduce {
            h.get_by_label("View").click();
            h.run();
            h.get_by_label("Reduce motion").click();
            h.run();
            assert_eq!(h.state().settings().reduce_motion, Some(true));
            h.key_press(Key::Escape);
            h.run();
        }
        h.key_press(Key::PageDown);
        h.step();
        h.step();
        let s = changed[0];
        let target = state_fill(&ds, &style, s, false).0;
        let shown = h.state().fill(&s.id).unwrap();
        assert_eq!(shown == target, reduce, "{} reduce={reduce}", s.id);
        // A camera flight to a place lands at once with reduced motion.
        h.run();
        h.state_mut()
            .push(karabakh_atlas::ui::app::Command::ShowPlace("lachin".into()));
        h.step();
        h.step();
        let now = h.state().camera();
        // The flight takes longer than `run` waits.
        h.run_steps(150);
        assert_eq!(now == h.state().camera(), reduce, "reduce={reduce}");
    }
}

#[test]
fn the_table_of_places_opens_from_view_and_ctrl_t_and_lists_who_holds_what() {
    use karabakh_atlas::model::state::state_at;
    let mut h = harness_with(
        ViewerOptions {
            step: Some(9),
            ..ViewerOptions::default()
        },
        1.0 / 60.0,
    );
    h.run();
    let ds = h.state().dataset().clone();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Table of places").click();
    h.run();
    h.get_by_label("Places on 1 Dec 2020");
    let header = h.get_by_label("Controlled by").rect();
    for s in state_at(&ds, ds.step_date(8).unwrap()) {
        let rects = |label: &str| -> Vec<egui::Rect> {
            h.query_all_by_label(label).map(|n| n.rect()).collect()
        };
        let places = rects(ds.place(&s.id).unwrap().names.en());
        // The controller's cell is on the place's row, right of it, in the
        // "Controlled by" column.
        let who = ds.controller(&s.controlled_by).unwrap().names.en();
        let cells = rects(who);
        assert!(
            places
                .iter()
                .any(|p| cells.iter().any(|c| (c.top() - p.top()).abs() < 4.0
                    && c.left() > p.right()
                    && (c.left() - header.left()).abs() < 2.0)),
            "{who} beside {}: {places:?} {cells:?}",
            s.id
        );
    }
    // Esc closes it, Ctrl+T opens it again.
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Places on 1 Dec 2020").is_none());
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::T);
    h.run();
    h.get_by_label("Places on 1 Dec 2020");
}

/// The id of the place whose node says `label`.
fn place_of(ds: &karabakh_atlas::model::Dataset, label: &str) -> String {
    ds.places
        .iter()
        .find(|p| label.starts_with(&format!("{}: ", p.names.en())))
        .map(|p| p.id.clone())
        .unwrap_or_else(|| panic!("no place for {label:?}"))
}

/// From the place the keyboard is on, each arrow from each place reached
/// (selected first, so that it keeps its node wherever the map is): the
/// places reached. The map pans to show each place the keyboard reaches.
fn reach_with_the_arrows(h: &mut Harness<'_, App>) -> std::collections::BTreeSet<String> {
    use karabakh_atlas::ui::app::Command;
    let ds = h.state().dataset().clone();
    let first = place_of(&ds, &focused_place(h, "Map").unwrap().0);
    let mut reached = std::collections::BTreeSet::from([first.clone()]);
    let mut todo = vec![first];
    while let Some(at) = todo.pop() {
        for key in [
            Key::ArrowLeft,
            Key::ArrowRight,
            Key::ArrowUp,
            Key::ArrowDown,
        ] {
            // Back to `at` (a screen reader's Focus action), then one arrow.
            h.state_mut().push(Command::Select(Some(at.clone())));
            h.run();
            let name = ds.place(&at).unwrap().names.en();
            let (label, _, _) = map_children(h, "Map")
                .into_iter()
                .find(|(l, _, _)| l.starts_with(&format!("{name}: ")))
                .unwrap_or_else(|| panic!("the selected {at} has no node"));
            h.get_by_label(&label).focus();
            h.run();
            assert_eq!(focused_place(h, "Map").map(|p| p.0), Some(label));
            h.key_press(key);
            h.run();
            let (next, r) = focused_place(h, "Map").unwrap();
            let (map, _) = h.state().last_map().unwrap();
            assert!(r.intersects(map), "{next} at {r:?}, map {map:?}");
            let next = place_of(&ds, &next);
            if reached.insert(next.clone()) {
                todo.push(next);
            }
        }
    }
    reached
}

/// Every place the map draws: the tracked places and towns with a feature.
fn places_on_the_map(h: &Harness<'_, App>) -> std::collections::BTreeSet<String> {
    let ds = h.state().dataset();
    ds.places
        .iter()
        .filter(|p| ds.map.feature(&p.id).is_some())
        .map(|p| p.id.clone())
        .collect()
}

#[test]
fn every_place_in_the_map_can_be_reached_from_the_first_with_the_arrows() {
    let mut h = harness();
    // Into the map through a screen reader's Focus action (Tab is tested
    // above).
    let first = map_children(&h, "Map")
        .into_iter()
        .map(|(l, _, _)| l)
        .find(|l| l.contains(": "))
        .unwrap();
    h.get_by_label(&first).focus();
    h.run();
    let reached = reach_with_the_arrows(&mut h);
    assert_eq!(reached, places_on_the_map(&h));
    // The arrows never moved the step.
    assert_eq!(h.state().time().step(), Some(0));
}

#[test]
fn zoomed_in_only_places_in_view_are_nodes_and_the_arrows_reach_the_rest_panning_the_map() {
    use karabakh_atlas::ui::app::Command;
    let mut h = harness();
    let ds = h.state().dataset().clone();
    let all = places_on_the_map(&h);
    h.state_mut().push(Command::ZoomBy(8.0));
    h.run();
    let (map, _) = h.state().last_map().unwrap();
    let places: Vec<_> = map_children(&h, "Map")
        .into_iter()
        .filter(|(l, _, _)| l.contains(": "))
        .collect();
    // Zoomed in, the places out of view are not nodes, but for the one Tab
    // comes back to (the first place, where it landed before the zoom).
    assert!(
        !places.is_empty() && places.len() < all.len(),
        "{} of {}",
        places.len(),
        all.len()
    );
    let outside: Vec<_> = places
        .iter()
        .filter(|(_, r, _)| !r.intersects(map))
        .collect();
    assert!(outside.len() <= 1, "{outside:?}, map {map:?}");
    for (l, _, _) in &places {
        assert!(all.contains(&place_of(&ds, l)), "{l}");
    }
    let inside = places.iter().find(|(_, r, _)| r.intersects(map)).unwrap();
    h.get_by_label(&inside.0).focus();
    h.run();
    assert_eq!(reach_with_the_arrows(&mut h), all);
}

#[test]
fn the_settings_window_reduces_motion_or_follows_the_system_and_the_keys_are_listed() {
    let mut h = harness();
    h.state_mut()
        .push(karabakh_atlas::ui::app::Command::ShowSettings);
    h.run();
    h.get_by_label("Reduce motion: no camera flights, pulses or cross-fades")
        .click();
    h.run();
    assert_eq!(h.state().settings().reduce_motion, Some(true));
    h.get_by_label_contains("Follow the system (").click();
    h.run();
    assert_eq!(h.state().settings().reduce_motion, None);
    h.get_by_label("Full motion").click();
    h.run();
    assert_eq!(h.state().settings().reduce_motion, Some(false));
    h.key_press(Key::Escape);
    h.run();
    // The shortcuts list the keys of the map and the table.
    h.key_press(Key::F1);
    h.run();
    for key in ["Page Down / Page Up", "Arrow keys in the map", "Ctrl+T"] {
        assert!(h.query_by_label(key).is_some(), "{key} is not listed");
    }
    assert!(
        h.query_by_label_contains("Enter selects it, Esc leaves the map")
            .is_some()
    );
}
