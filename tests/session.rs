//! Each dataset keeps its own view; presenter mode gives back the view it
//! borrowed; the popped-out reader keeps its passage (issue #15, through
//! egui_kittest and accessible labels).
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use karabakh_atlas::model::load_bundled;
use karabakh_atlas::scene::display::{MapCache, bbox_of};
use karabakh_atlas::scene::projection::{Projection, Viewport};
use karabakh_atlas::ui::ViewerOptions;
use karabakh_atlas::ui::app::{App, Command};

fn viewer(step: usize) -> Harness<'static, App> {
    let opts = ViewerOptions {
        step: Some(step),
        ..ViewerOptions::default()
    };
    common::viewer::viewer(load_bundled().unwrap(), opts, 600)
}

/// Whether every tracked place of the dataset on screen lies inside the map
/// as it was last drawn.
fn every_place_in_view(h: &Harness<'_, App>) -> Result<(), String> {
    let app = h.state();
    let ds = app.dataset();
    let (rect, cam) = app.last_map().ok_or("no map drawn")?;
    let cache = MapCache::new(ds);
    let viewport = Viewport {
        min: [rect.min.x, rect.min.y],
        size: [rect.width(), rect.height()],
    };
    let proj = Projection::new(cam, viewport, cache.ref_lat);
    for p in &ds.places {
        let f = ds
            .map
            .feature(&p.id)
            .ok_or(format!("{} not on the map", p.id))?;
        let b = bbox_of(f).ok_or(format!("{} has no geometry", p.id))?;
        for corner in [b.min, b.max] {
            let [x, y] = proj.screen_from_geo(corner);
            if !rect.expand(0.5).contains(egui::pos2(x, y)) {
                return Err(format!("{} reaches {x},{y} outside {rect:?}", p.id));
            }
        }
    }
    Ok(())
}

#[test]
fn each_dataset_opens_in_its_own_view_and_gets_it_back() {
    let mut h = viewer(9);
    h.run();
    assert_eq!(h.state().time().date().iso(), "2020-12-01");
    // Zoom into Lachin.
    h.state_mut().push(Command::ShowPlace("lachin".into()));
    h.run();
    h.step();
    let lachin_view = h.state().camera().expect("the map is on Lachin");
    let fitted = {
        let (_, cam) = h.state().last_map().unwrap();
        cam
    };
    assert_eq!(fitted, lachin_view);

    // Another dataset, opened for the first time: its first step, all of it
    // in view (not the Karabakh camera, not the bundled date).
    let synthetic = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/synthetic");
    h.state_mut().push(Command::OpenFolder(synthetic));
    h.run();
    let app = h.state();
    assert_eq!(app.dataset().steps[0].id, "baseline");
    assert_eq!(app.time().step(), Some(0));
    assert_eq!(app.time().date(), app.dataset().steps[0].date.end());
    assert_eq!(app.camera(), None);
    every_place_in_view(&h).unwrap();
    h.get_by_label_contains("step 1 of");

    // The bundled dataset again: step 9 and the Lachin view are back.
    h.state_mut().push(Command::OpenBundled);
    h.run();
    assert_eq!(h.state().time().step(), Some(8));
    assert_eq!(h.state().time().date().iso(), "2020-12-01");
    assert_eq!(h.state().camera(), Some(lachin_view));
    assert!(h.query_all_by_label_contains("Lachin handed over").count() > 0);
}

#[test]
fn leaving_presenter_mode_gives_back_the_camera_and_step() {
    let mut h = viewer(3);
    h.run();
    // The teacher's own view: zoomed in twice.
    h.key_press(Key::Plus);
    h.key_press(Key::Plus);
    h.run();
    let before = h.state().camera().expect("zoomed");
    let step = h.state().time().step();
    assert_eq!(step, Some(2));

    // Present from step 3 and go to stop 8.
    h.key_press_modifiers(egui::Modifiers::SHIFT, Key::F5);
    h.run();
    let presenter = h.state().presenter().expect("presenting");
    assert_eq!(presenter.position(), 2);
    for _ in 0..5 {
        h.key_press(Key::PageDown);
        h.run();
    }
    assert_eq!(h.state().presenter().unwrap().position(), 7);
    assert_ne!(h.state().camera(), Some(before));

    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().presenter().is_none());
    assert_eq!(h.state().time().step(), step);
    assert_eq!(h.state().camera(), Some(before));
}

#[test]
fn the_popped_out_reader_keeps_its_passage_in_view() {
    let ds = load_bundled().unwrap();
    // A passage far down its source, so the top of the text does not show it.
    let c = ds
        .citations
        .iter()
        .max_by_key(|c| c.byte_range.start)
        .unwrap()
        .clone();
    let opts = ViewerOptions {
        cite: Some(c.id.clone()),
        ..ViewerOptions::default()
    };
    // The reader's link names the passage by its paragraph, not its id.
    let src = ds.source(&c.source).unwrap();
    let name = format!(
        "Cited passage, {}, ",
        karabakh_atlas::model::cite::passage_where(src, &c, karabakh_atlas::i18n::Locale::EN)
    );
    let mut h = common::viewer::viewer(ds, opts, 200);
    h.run();
    let passage = |h: &Harness<'_, App>| {
        h.query_all(
            egui_kittest::kittest::by()
                .role(egui::accesskit::Role::Link)
                .label_contains(&name),
        )
        .map(|n| n.rect())
        .next()
        .expect("the cited passage")
    };
    let reader_rect = |h: &Harness<'_, App>| h.state().reader().last_rect.expect("reader drawn");
    assert!(
        reader_rect(&h).intersects(passage(&h)),
        "docked: the passage is in view"
    );

    h.get_by_label("Open the reader in its own window").click();
    h.run();
    assert!(h.state().settings().reader.popped_out);
    let view = reader_rect(&h);
    let p = passage(&h);
    assert!(
        view.intersects(p),
        "popped out: the passage at {p:?} is outside the reader's view {view:?}"
    );
}
