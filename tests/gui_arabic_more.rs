//! The whole viewer in Arabic (egui_kittest, through Arabic accessible
//! labels): presenter mode's caption and keys, the speaker window, the
//! menus and the Help windows without English, the arrow keys following
//! the time axis, and the mirrored layout (step card and reader on the
//! left, legend on the right with the map fitted beside it, zoom buttons on
//! the left).
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use karabakh_atlas::i18n::{Digits, Lang};
use karabakh_atlas::model::load_bundled;
use karabakh_atlas::scene::display::MapCache;
use karabakh_atlas::scene::projection::{Projection, Viewport};
use karabakh_atlas::ui::ViewerOptions;
use karabakh_atlas::ui::app::{App, Command};
use karabakh_atlas::ui::persist::{AxisDirection, Settings};
use karabakh_atlas::ui::text::install_fonts;

/// The app on the bundled dataset with `args`, 1280×800 points.
fn build(args: ViewerOptions) -> Harness<'static, App> {
    common::viewer::viewer(load_bundled().unwrap(), args, 400)
}

/// The app with `settings` (for choices no flag sets, such as the axis).
fn build_with(settings: Settings) -> Harness<'static, App> {
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(400)
        .with_context_setup(install_fonts)
        .build_eframe(move |_| {
            App::with_settings(load_bundled().unwrap(), settings, &ViewerOptions::default())
        });
    h.run_steps(3);
    h
}

fn lang(lang: Lang) -> ViewerOptions {
    ViewerOptions {
        lang: Some(lang),
        ..ViewerOptions::default()
    }
}

fn title(h: &Harness<'_, App>, step: usize, tag: &str) -> String {
    h.state().dataset().steps[step]
        .title
        .exact(tag)
        .unwrap()
        .to_owned()
}

#[test]
fn presenter_mode_captions_in_arabic_and_the_arrows_follow_the_axis() {
    let mut h = build(ViewerOptions {
        digits: Some(Digits::ArabicIndic),
        ..lang(Lang::Ar)
    });
    assert_eq!(h.state().dataset().steps.len(), 14, "written for 14 steps");
    h.key_press(Key::F5);
    h.run_steps(3);
    h.key_press(Key::PageDown);
    h.run_steps(3);
    assert_eq!(h.state().presenter().unwrap().position(), 1);
    // Step 2 began the war on 27 September 2020.
    h.get_by_label(&title(&h, 1, "ar"));
    h.get_by_label("٢٧ سبتمبر ٢٠٢٠");
    h.get_by_label("المحطة ٢ من ١٤");
    h.get_by_label_contains("المصدر: ");
    assert!(h.query_by_label(&title(&h, 1, "en")).is_none());
    assert!(h.query_by_label_contains("Stop").is_none());
    assert!(h.query_by_label_contains("Source: ").is_none());

    // The caption reads from the right: its title ends near the caption's
    // right edge, far from its left one.
    let caption = h.state().last_map().map(|(r, _)| r).unwrap();
    let t = h.get_by_label(&title(&h, 1, "ar")).rect();
    assert!(
        caption.right() - t.right() < t.left() - caption.left(),
        "title at {t:?} in {caption:?}"
    );

    // Time runs right to left: the left arrow is the next stop, the right
    // arrow the previous one; the clicker's keys do not change.
    h.key_press(Key::ArrowLeft);
    h.run_steps(3);
    assert_eq!(h.state().presenter().unwrap().position(), 2);
    h.key_press(Key::ArrowRight);
    h.run_steps(3);
    assert_eq!(h.state().presenter().unwrap().position(), 1);
    h.key_press(Key::PageUp);
    h.run_steps(3);
    assert_eq!(h.state().presenter().unwrap().position(), 0);

    // Blacked out, in Arabic.
    h.key_press(Key::B);
    h.run_steps(2);
    h.get_by_label("الشاشة معتمة");
}

#[test]
fn the_english_caption_reads_from_the_left() {
    let mut h = build(lang(Lang::En));
    h.key_press(Key::F5);
    h.run_steps(3);
    let caption = h.state().last_map().map(|(r, _)| r).unwrap();
    let t = h.get_by_label(&title(&h, 0, "en")).rect();
    assert!(
        t.left() - caption.left() < caption.right() - t.right(),
        "title at {t:?} in {caption:?}"
    );
    // The right arrow is the next stop in English.
    h.key_press(Key::ArrowRight);
    h.run_steps(3);
    assert_eq!(h.state().presenter().unwrap().position(), 1);
}

#[test]
fn the_speaker_window_shows_the_tours_arabic_notes_and_questions() {
    let mut h = build(lang(Lang::Ar));
    h.state_mut()
        .push(Command::ChooseTour(Some("full-story".into())));
    h.run_steps(2);
    h.key_press(Key::F5);
    h.run_steps(3);
    h.key_press(Key::S);
    h.run_steps(3);
    assert!(h.state().speaker_shown());
    h.get_by_label("ملاحظات المتحدث");
    let tour = h
        .state()
        .dataset()
        .tours
        .iter()
        .find(|t| t.id == "full-story")
        .unwrap()
        .clone();
    let stop = &tour.stops[0];
    h.get_by_label(stop.notes.exact("ar").unwrap());
    let question = stop.questions[0].exact("ar").unwrap();
    h.get_by_label(&format!("1. {question}"));
    assert!(h.query_by_label("Speaker notes").is_none());
    assert!(h.query_by_label(stop.notes.exact("en").unwrap()).is_none());
    // Its buttons, by their Arabic labels, drive the presentation.
    h.get_by_label("المحطة التالية").click();
    h.run_steps(3);
    assert_eq!(h.state().presenter().unwrap().position(), 1);
    h.get_by_label("الخروج من وضع التقديم").click();
    h.run_steps(3);
    assert!(h.state().presenter().is_none());
}

#[test]
fn arrow_keys_step_the_way_time_runs_on_the_axis() {
    let arabic = Settings {
        lang: Some(Lang::Ar),
        ..Settings::default()
    };
    let mut h = build_with(arabic.clone());
    assert_eq!(h.state().time().step(), Some(0));
    // Right to left: the left arrow is later.
    h.key_press(Key::ArrowLeft);
    h.run_steps(2);
    assert_eq!(h.state().time().step(), Some(1));
    let date = h.state().time().date();
    h.key_press_modifiers(egui::Modifiers::SHIFT, Key::ArrowLeft);
    h.run_steps(2);
    assert_eq!(h.state().time().date(), date.add_days(1));
    h.key_press_modifiers(egui::Modifiers::SHIFT, Key::ArrowRight);
    h.run_steps(2);
    assert_eq!(h.state().time().date(), date);
    h.key_press(Key::ArrowRight);
    h.run_steps(2);
    assert_eq!(h.state().time().step(), Some(0));

    // Arabic with the axis set left to right: the right arrow is later.
    let mut h = build_with(Settings {
        axis_direction: AxisDirection::LeftToRight,
        ..arabic
    });
    h.key_press(Key::ArrowRight);
    h.run_steps(2);
    assert_eq!(h.state().time().step(), Some(1));
}

/// Every accessible label and value on screen.
fn labels(h: &Harness<'static, App>) -> Vec<String> {
    h.query_all_by(|_| true)
        .filter(|n| n.accesskit_node().role() != egui::accesskit::Role::TextRun)
        .filter_map(|n| {
            let a = n.accesskit_node();
            a.value().or(a.label()).map(|s| s.to_string())
        })
        .collect()
}

/// The words in Latin letters in `label` that are not in `allowed`.
fn latin_words<'a>(label: &'a str, allowed: &[&str]) -> Vec<&'a str> {
    label
        .split(|c: char| !(c.is_ascii_alphanumeric() || "-_./:".contains(c)))
        .map(|w| w.trim_matches(|c: char| "-_./:".contains(c)))
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .filter(|w| !allowed.contains(w))
        .collect()
}

#[test]
fn the_menus_and_the_help_windows_have_no_english_in_arabic() {
    let mut h = build(lang(Lang::Ar));
    let ds = h.state().dataset().clone();
    // Allowed in Latin letters: the program's name (what one types to run
    // it), the names printed on key caps, and, in the About window, the
    // names of products, fonts, licences, packages and files, and the
    // dataset's source ids and file names.
    let mut allowed: Vec<&str> = vec!["karabakh-atlas"];
    allowed.extend([
        "F1",
        "F5",
        "Shift",
        "Ctrl",
        "F",
        "S",
        // Ctrl+Q (quit), a key cap added with issue 16.
        "Q",
        // Ctrl+T (the table of places), issue 19.
        "T",
        "Home",
        "End",
        "Esc",
        "Tab",
        "Enter",
        "Page",
        "Down",
        "Up",
        "Backspace",
        "B",
        "A",
    ]);
    let about_names = [
        "Natural",
        "Earth",
        "naturalearthdata.com",
        "Debian",
        "Noto",
        "Sans",
        "Naskh",
        "Arabic",
        "Hebrew",
        "Armenian",
        "Georgian",
        "Google",
        "SIL",
        "Open",
        "Font",
        "License",
        "assets/fonts/OFL.txt",
        "fonts-noto-core",
        "egui",
        "Ubuntu",
        "Light",
        "Hack",
        "Emoji",
        "emoji-icon-font",
    ];
    let ids: Vec<String> = ds
        .sources
        .iter()
        .flat_map(|s| [s.id.clone(), s.original_file_name.clone()])
        .collect();

    // Labels egui itself gives, for screen readers only (nothing shows
    // them): the × of a window, the edges and corners that resize one, and
    // the splitter of a side panel.
    let egui_own = |l: &str| l == "Close window" || l.starts_with("Resize ");
    let base = labels(&h);
    let mut checked = 0;
    let mut check = |h: &Harness<'static, App>, what: &str, allowed: &[&str]| {
        let new: Vec<String> = labels(h)
            .into_iter()
            .filter(|l| !base.contains(l) && !egui_own(l))
            .collect();
        assert!(new.len() >= 2, "{what} showed {new:?}");
        for l in &new {
            let words = latin_words(l, allowed);
            assert!(words.is_empty(), "{what}: {l:?} has {words:?}");
        }
        checked += new.len();
    };
    // The menu bar itself.
    for m in ["ملف", "تقديم", "عرض", "مساعدة", "وضع التقديم"] {
        let l = h.get_by_label(m).accesskit_node();
        assert!(latin_words(&l.label().unwrap(), &[]).is_empty());
    }
    for m in ["ملف", "تقديم", "عرض", "مساعدة"] {
        h.get_by_label(m).click();
        h.run_steps(3);
        check(&h, m, &allowed);
        h.get_by_label(m).click();
        h.run_steps(3);
    }
    // Help > Keyboard shortcuts.
    h.get_by_label("مساعدة").click();
    h.run_steps(3);
    h.get_by_label("اختصارات لوحة المفاتيح").click();
    h.run_steps(3);
    h.get_by_label("الخطوة التالية / السابقة");
    check(&h, "shortcuts", &allowed);
    h.key_press(Key::F1);
    h.run_steps(3);
    assert!(h.query_by_label("الخطوة التالية / السابقة").is_none());
    // Help > About.
    h.get_by_label("مساعدة").click();
    h.run_steps(3);
    h.get_by_label("عن karabakh-atlas").click();
    h.run_steps(3);
    let mut about = allowed.clone();
    about.extend(about_names);
    about.extend(ids.iter().map(String::as_str));
    check(&h, "about", &about);
    assert!(checked > 60, "only {checked} labels checked");
}

#[test]
fn view_settings_opens_the_settings_window_in_arabic() {
    let mut h = build(lang(Lang::Ar));
    h.get_by_label("عرض").click();
    h.run_steps(3);
    h.get_by_label("الإعدادات…").click();
    h.run_steps(3);
    h.get_by_label("الإعدادات");
    h.get_by_label("English").click();
    h.run_steps(3);
    // The whole interface is English at once.
    h.get_by_label("Settings");
    h.get_by_label("File");
    h.get_by_label("Next step");
    assert!(h.query_by_label("ملف").is_none());
}

/// The horizontal middle of the widget labelled `label`.
fn mid_x(h: &Harness<'static, App>, label: &str) -> f32 {
    h.get_by_label(label).rect().center().x
}

#[test]
fn in_arabic_the_card_and_the_reader_are_on_the_left_and_the_legend_on_the_right() {
    let mut h = build(lang(Lang::Ar));
    let (map, _) = h.state().last_map().unwrap();
    // The step card's title, left of the map.
    let card = mid_x(&h, &title(&h, 0, "ar"));
    assert!(card < map.left(), "card at {card}, map from {}", map.left());
    // The reader opens between the card and the map.
    h.state_mut()
        .push(Command::OpenSource("lachin-handover".into()));
    h.run_steps(3);
    let (map, _) = h.state().last_map().unwrap();
    let reader = mid_x(&h, "عن هذا المصدر");
    let card = mid_x(&h, &title(&h, 0, "ar"));
    assert!(
        card < reader && reader < map.left(),
        "{card} {reader} {map:?}"
    );

    // The legend at the right (folded, the map being narrow now), the zoom
    // buttons at the left.
    let legend = h.get_by_label("إظهار مفتاح الخريطة").rect();
    assert!(
        legend.left() > map.center().x,
        "legend {legend:?} in {map:?}"
    );
    assert!(mid_x(&h, "تكبير") < map.center().x);
    assert!(mid_x(&h, "ملاءمة الخريطة") < map.center().x);

    // The fitted map keeps clear of the legend: every tracked place lies
    // left of it.
    let h = build(lang(Lang::Ar));
    let (map, cam) = h.state().last_map().unwrap();
    let legend = h.get_by_label("إخفاء مفتاح الخريطة").rect();
    let ds = h.state().dataset();
    let bbox = MapCache::new(ds).tracked_bbox.unwrap();
    let vp = Viewport {
        min: [map.min.x, map.min.y],
        size: [map.width(), map.height()],
    };
    let proj = Projection::new(cam, vp, MapCache::new(ds).ref_lat);
    let east = proj.screen_from_geo([bbox.max[0], bbox.min[1]])[0];
    let west = proj.screen_from_geo([bbox.min[0], bbox.min[1]])[0];
    assert!(
        east < legend.left(),
        "places to x={east}, legend from {legend:?}"
    );
    assert!(west > map.left(), "places from x={west}, map {map:?}");

    // In English the legend is at the left and the places right of it.
    let h = build(lang(Lang::En));
    let (map, cam) = h.state().last_map().unwrap();
    let legend = h.get_by_label("Hide legend").rect();
    assert!(legend.right() < map.center().x);
    let proj = Projection::new(
        cam,
        Viewport {
            min: [map.min.x, map.min.y],
            size: [map.width(), map.height()],
        },
        MapCache::new(h.state().dataset()).ref_lat,
    );
    let west = proj.screen_from_geo([bbox.min[0], bbox.min[1]])[0];
    assert!(
        west > legend.right(),
        "places from x={west}, legend {legend:?}"
    );
    assert!(mid_x(&h, &title(&h, 0, "en")) > map.right());
}

/// The bundled dataset with Fuzuli's change in the 2020 war dated by month
/// (`when = "2020-10"`, EDTF) instead of by its range of days.
fn fuzuli_dated_by_month() -> karabakh_atlas::model::Dataset {
    let copy = common::DataCopy::new();
    let (line, _) = copy.replace_first(
        "timeline.toml",
        r#"when = { from = "2020-09-27", to = "2020-11-10" }"#,
        r#"when = "2020-10""#,
    );
    let toml = copy.read("timeline.toml");
    let above: Vec<&str> = toml.lines().take(line).collect();
    assert!(
        above.iter().rev().take(4).any(|l| l.contains("\"fuzuli\"")),
        "the first war range is not Fuzuli's"
    );
    karabakh_atlas::model::load_folder(copy.path()).unwrap()
}

#[test]
fn a_change_dated_by_month_happens_between_its_first_and_last_day_in_both_languages() {
    let date = karabakh_atlas::model::Date::parse("2020-10-15").ok();
    let ds = fuzuli_dated_by_month();
    let mut h = common::viewer::viewer(
        ds.clone(),
        ViewerOptions {
            date,
            ..lang(Lang::En)
        },
        64,
    );
    h.state_mut().push(Command::Select(Some("fuzuli".into())));
    h.run();
    // The card and the map's node for Fuzuli say it in the same words.
    assert!(
        h.query_all_by_label_contains("Changing to Azerbaijan on a day between 1 and 31 Oct 2020;")
            .next()
            .is_some()
    );
    let mut h = common::viewer::viewer(
        ds,
        ViewerOptions {
            date,
            digits: Some(Digits::Latin),
            ..lang(Lang::Ar)
        },
        64,
    );
    h.state_mut().push(Command::Select(Some("fuzuli".into())));
    h.run();
    assert!(
        h.query_all_by_label_contains("في يوم ما بين 1 و31 أكتوبر 2020")
            .next()
            .is_some()
    );
}

// ---- The accessible map in Arabic (issue 19) ----

/// The Arabic map's children in the accessibility tree: (label, rect,
/// focused).
fn map_children(h: &Harness<'_, App>) -> Vec<(String, egui::Rect, bool)> {
    h.get_by_label("الخريطة")
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

fn focused_place(h: &Harness<'_, App>) -> Option<(String, egui::Rect)> {
    map_children(h)
        .into_iter()
        .find(|(_, _, f)| *f)
        .map(|(l, r, _)| (l, r))
}

#[test]
fn in_arabic_the_places_read_in_arabic_and_the_keyboard_reaches_and_selects_each() {
    let mut h = build(lang(Lang::Ar));
    h.run();
    let ds = h.state().dataset().clone();
    // Every node names its place in Arabic and its controller in Arabic.
    let kids = map_children(&h);
    for s in karabakh_atlas::model::state::state_at(&ds, h.state().time().date()) {
        let place = ds.place(&s.id).unwrap().names.exact("ar").unwrap();
        let who = ds
            .controller(&s.controlled_by)
            .unwrap()
            .names
            .exact("ar")
            .unwrap();
        let start = format!("{place}: تحت سيطرة {who} ");
        assert!(
            kids.iter().any(|(l, _, _)| l.starts_with(&start)),
            "no {start:?} in {kids:?}"
        );
    }
    // Tab reaches a place; the arrows keep their directions on the map
    // (it is geography, not text); Enter selects; Esc leaves.
    // (Shift+Tab from the zoom buttons, which follow the map in the
    // order of Tab.)
    h.get_by_label("تكبير").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::SHIFT, Key::Tab);
    h.run();
    let (first, at) = focused_place(&h).expect("Shift+Tab did not reach a place in the Arabic map");
    h.key_press(Key::ArrowLeft);
    h.run();
    let (left, l) = focused_place(&h).unwrap();
    assert_ne!(left, first);
    assert!(
        l.center().x < at.center().x,
        "{left} at {l:?}, {first} at {at:?}"
    );
    let step = h.state().time().step();
    h.key_press(Key::Enter);
    h.run();
    let id = h.state().selected().unwrap().to_owned();
    let name = ds.place(&id).unwrap().names.exact("ar").unwrap();
    assert!(left.starts_with(&format!("{name}: ")), "{left} / {id}");
    assert_eq!(h.state().time().step(), step);
    h.key_press(Key::Escape);
    h.run();
    assert!(focused_place(&h).is_none());
    assert_eq!(h.state().selected(), Some(id.as_str()));
}

#[test]
fn the_table_of_places_in_arabic_runs_right_to_left() {
    let mut h = build(lang(Lang::Ar));
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::T);
    h.run();
    let place = h.get_by_label("المكان").rect();
    let who = h.get_by_label("تحت سيطرة").rect();
    let pending = h.get_by_label("تسليم معلّق").rect();
    assert!(place.left() > who.right(), "{place:?} {who:?}");
    assert!(who.left() > pending.right(), "{who:?} {pending:?}");
    let ds = h.state().dataset().clone();
    let lachin = ds
        .place("lachin")
        .unwrap()
        .names
        .exact("ar")
        .unwrap()
        .to_owned();
    assert!(h.query_all_by_label(&lachin).count() > 0);
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("تسليم معلّق").is_none());
}
