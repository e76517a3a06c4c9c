//! The viewer in an egui_kittest harness, as the GUI tests build it.
#![cfg(feature = "gui")]

use egui_kittest::Harness;
use karabakh_atlas::model::Dataset;
use karabakh_atlas::ui::ViewerOptions;
use karabakh_atlas::ui::app::App;
use karabakh_atlas::ui::screenshot::Outcome;

/// The app on `ds` with `args` in 1280×800 points at 60 frames a second,
/// running at most `max_steps` frames per `run`, after its first three
/// frames (fonts installed, layout settled).
pub fn viewer(ds: Dataset, args: ViewerOptions, max_steps: u64) -> Harness<'static, App> {
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(max_steps)
        .build_eframe(move |cc| App::new(cc, ds, &args, Outcome::default()));
    h.run_steps(3);
    h
}

/// A click of the primary button at `pos`, the pointer moved there first,
/// then frames until the app settles.
pub fn click_at<S>(h: &mut Harness<'_, S>, pos: egui::Pos2) {
    h.event(egui::Event::PointerMoved(pos));
    h.step();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        h.step();
    }
    h.run();
}
