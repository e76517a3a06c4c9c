//! The rough spots a hands-on run found (issue #16, point 4), each driven
//! as a user would through egui_kittest and accessible labels.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::DataCopy;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use karabakh_atlas::control::TimeCommand;
use karabakh_atlas::model::{Date, load_bundled, load_folder};
use karabakh_atlas::scene::display::state_fill;
use karabakh_atlas::scene::style::{Style, ThemeKind};
use karabakh_atlas::ui::ViewerOptions;
use karabakh_atlas::ui::app::{App, Command};

fn english() -> ViewerOptions {
    ViewerOptions {
        lang: Some(karabakh_atlas::i18n::Lang::En),
        ..ViewerOptions::default()
    }
}

fn bundled() -> Harness<'static, App> {
    common::viewer::viewer(load_bundled().unwrap(), english(), 600)
}

fn synthetic() -> Harness<'static, App> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/synthetic");
    common::viewer::viewer(load_folder(&dir).unwrap(), english(), 600)
}

const TOOLTIP_HINT: &str = "Click to select it; right-click for its sources.";

#[test]
fn a_double_click_fits_the_map_and_selects_nothing() {
    let mut h = bundled();
    h.key_press(Key::Plus);
    h.run();
    assert!(h.state().camera().is_some());
    // One click on the map selects what is under it...
    h.get_by_label("Map").click();
    h.run();
    let picked = h.state().selected().map(str::to_owned);
    assert!(picked.is_some(), "a single click selects");
    h.state_mut().push(Command::Select(None));
    h.run();
    // (Half a second later, so that the next two clicks are a double
    // click of their own.)
    h.run_steps(30);
    // ...and a double click only fits the map.
    let map = h.get_by_label("Map");
    map.click();
    h.step();
    h.get_by_label("Map").click();
    h.run();
    assert_eq!(h.state().selected(), None);
    assert_eq!(h.state().camera(), None);
}

#[test]
fn no_tooltip_names_a_place_while_the_map_zooms_under_the_pointer() {
    let mut h = bundled();
    h.get_by_label("Map").hover();
    h.run_steps(60);
    assert!(
        h.query_by_label(TOOLTIP_HINT).is_some(),
        "hovering a place shows its tooltip"
    );
    // A pinch (or Ctrl + wheel) zoom about the pointer, frame after frame.
    for _ in 0..4 {
        h.event(egui::Event::Zoom(0.8));
        h.step();
    }
    assert!(
        h.query_by_label(TOOLTIP_HINT).is_none(),
        "the tooltip waits until the map is still"
    );
    h.run_steps(60);
    assert!(h.query_by_label(TOOLTIP_HINT).is_some());
}

#[test]
fn the_shortcuts_window_lists_the_presenter_keys_closes_with_esc_and_opens_after_tab() {
    let mut h = bundled();
    h.key_press(Key::F1);
    h.run();
    for key in ["F5 / Shift+F5", "Page Down", "Ctrl+Q"] {
        assert!(
            h.query_all_by_label_contains(key).count() > 0,
            "the shortcuts list {key}"
        );
    }
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_all_by_label_contains("Page Down").count() == 0);
    // A button focused with Tab keeps Space, but F1 still opens the list.
    h.key_press(Key::Tab);
    h.run();
    h.key_press(Key::F1);
    h.run();
    assert!(h.query_all_by_label_contains("Page Down").count() > 0);
}

#[test]
fn about_and_the_errors_window_open_below_the_menu_bar() {
    let mut h = bundled();
    let menu_bottom = h.get_by_label("File").rect().bottom();
    h.state_mut().push(Command::ShowAbout);
    h.run();
    let about = h.get_by_label_contains("About karabakh-atlas").rect();
    assert!(about.top() >= menu_bottom, "{about:?} under {menu_bottom}");
    h.state_mut().push(Command::Escape);
    let not_a_dataset = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    h.state_mut().push(Command::OpenFolder(not_a_dataset));
    h.run();
    let errors = h.get_by_label("Dataset errors").rect();
    assert!(
        errors.top() >= menu_bottom,
        "{errors:?} under {menu_bottom}"
    );
}

#[test]
fn a_broken_edit_of_a_watched_folder_says_the_fix_is_picked_up_on_saving() {
    let copy = DataCopy::new();
    let mut h = common::viewer::viewer(load_folder(copy.path()).unwrap(), english(), 400);
    // Let the folder's watch start.
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(2) {
        h.run_steps(1);
        std::thread::sleep(Duration::from_millis(50));
    }
    copy.replace_first("timeline.toml", "place = \"aghdam\"", "place = \"agdham\"");
    h.state_mut().push(Command::Reload);
    h.run_steps(3);
    assert!(h.state().reload_errors().is_some());
    h.get_by_label_contains("the viewer reloads the folder by itself");
    assert!(h.query_by_label_contains("open the folder again").is_none());
}

#[test]
fn a_dragged_date_shows_the_legend_colours_at_once() {
    let mut h = bundled();
    let ds = h.state().dataset().clone();
    let style = Style::new(ThemeKind::Light);
    let after = Date::parse("2020-12-02").unwrap();
    let expected = |id: &str| {
        let states = karabakh_atlas::model::state::state_at(&ds, after);
        let s = states.iter().find(|s| s.id == id).unwrap();
        state_fill(&ds, &style, s, false).0
    };
    h.state_mut()
        .push(Command::Time(TimeCommand::SetDate(after)));
    h.step();
    h.step();
    for id in ["lachin", "kalbajar", "aghdam"] {
        assert_eq!(h.state().fill(id), Some(expected(id)), "{id}");
    }
    // A step moved with the keys still cross-fades (the first frames show
    // a colour between the two).
    h.state_mut().push(Command::Time(TimeCommand::First));
    h.run();
    h.key_press(Key::End);
    h.step();
    h.step();
    let last = *ds.steps.last().map(|s| &s.date).unwrap();
    let states = karabakh_atlas::model::state::state_at(&ds, last.end());
    let changed = states
        .iter()
        .find(|s| h.state().fill(&s.id) != Some(state_fill(&ds, &style, s, false).0));
    assert!(changed.is_some(), "a fade is under way");
}

#[test]
fn a_place_that_never_changed_is_as_at_the_start_not_changed_at_step_one() {
    let mut h = synthetic();
    h.state_mut().push(Command::Select(Some("cedar".into())));
    h.run();
    assert!(
        h.query_all_by_label_contains("As at the start of the timeline")
            .count()
            > 0
    );
    assert!(h.query_by_label_contains("Changed at step 1").is_none());
    // A place that did change says when.
    h.state_mut().push(Command::Time(TimeCommand::Last));
    h.state_mut().push(Command::Select(Some("aster".into())));
    h.run();
    assert!(h.query_all_by_label_contains("Changed at step 2").count() > 0);
}

#[test]
fn the_arabic_summary_button_shows_only_where_there_is_an_arabic_summary() {
    let mut h = bundled();
    h.run();
    assert!(h.query_by_label("Show summary in Arabic").is_some());
    let mut h = synthetic();
    h.run();
    assert!(h.query_by_label("Show summary in Arabic").is_none());
}

#[test]
fn about_names_the_datasets_own_regions_and_no_boundary_it_does_not_have() {
    let mut h = bundled();
    h.state_mut().push(Command::ShowAbout);
    h.run();
    assert!(
        h.query_all_by_label_contains("Districts are counted outside Nagorno-Karabakh")
            .count()
            > 0
    );
    // The only "1991" is the map legend's entry for the region's outline,
    // in the dataset's own words: About names no boundary.
    let legend = h
        .state()
        .dataset()
        .place("nagorno-karabakh")
        .unwrap()
        .legend
        .en()
        .to_owned();
    assert!(h.query_all_by_label_contains("1991").all(|n| {
        let a = egui_kittest::kittest::NodeT::accesskit_node(&n);
        a.value().or(a.label()).as_deref() == Some(legend.as_str())
    }));
    let mut h = synthetic();
    h.state_mut().push(Command::ShowAbout);
    h.run();
    assert!(h.query_by_label_contains("1991").is_none());
}

#[test]
fn a_mirrored_menu_choice_keeps_a_buttons_padding_beyond_its_text() {
    let text = "الجولة الكاملة (١٤ محطة)";
    let mut width = (0.0_f32, 0.0_f32);
    let mut h = Harness::builder()
        .with_size([600.0, 200.0])
        .with_context_setup(karabakh_atlas::ui::text::install_fonts)
        .build_ui(|ui| {
            let mut choice = 0;
            let r = karabakh_atlas::ui::i18n::radio_value(
                ui,
                karabakh_atlas::i18n::Locale::AR,
                &mut choice,
                1,
                text,
            );
            let galley =
                karabakh_atlas::ui::i18n::Txt::new(text).galley(ui, egui::Color32::PLACEHOLDER);
            let s = ui.spacing();
            ui.data_mut(|d| {
                d.insert_temp(
                    egui::Id::unique("widths"),
                    (
                        r.rect.width(),
                        s.icon_width + s.icon_spacing + galley.size().x + s.button_padding.x,
                    ),
                );
            });
        });
    h.run();
    h.ctx.data(|d| {
        width = d.get_temp(egui::Id::unique("widths")).unwrap();
    });
    assert!(width.0 >= width.1 - 0.5, "{width:?}");
}

/// The viewer at `size`, on step 9, in English.
fn at_size(size: [f32; 2]) -> Harness<'static, App> {
    let ds = load_bundled().unwrap();
    let opts = ViewerOptions {
        step: Some(9),
        ..english()
    };
    let mut h = Harness::builder()
        .with_size(size)
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(600)
        .build_eframe(move |cc| {
            App::new(
                cc,
                ds,
                &opts,
                karabakh_atlas::ui::screenshot::Outcome::default(),
            )
        });
    h.run();
    h
}

#[test]
fn the_map_keeps_at_least_45_percent_of_any_window_with_the_legend_inside() {
    for size in [
        [800.0, 600.0],
        [1280.0, 800.0],
        [1920.0, 1080.0],
        [1600.0, 600.0],
        [700.0, 1000.0],
    ] {
        let h = at_size(size);
        let (map, _) = h.state().last_map().unwrap();
        let share = map.area() / (size[0] * size[1]);
        assert!(
            share >= 0.45,
            "{size:?}: the map has {share:.2} of the window"
        );
        let legend = h.state().last_legend().unwrap();
        assert!(
            map.contains_rect(legend),
            "{size:?}: the legend {legend:?} leaves the map {map:?}"
        );
    }
}

#[test]
fn the_side_panel_keeps_its_width_through_every_step() {
    let mut h = at_size([1600.0, 1000.0]);
    h.key_press(Key::Home);
    h.run();
    let (first, _) = h.state().last_map().unwrap();
    for _ in 0..h.state().dataset().steps.len() {
        h.state_mut().push(Command::Time(TimeCommand::NextStep));
        h.run();
        let (map, _) = h.state().last_map().unwrap();
        assert!(
            (map.width() - first.width()).abs() < 0.5,
            "step {:?}: the map is {} wide, was {}",
            h.state().time().step(),
            map.width(),
            first.width()
        );
    }
}
