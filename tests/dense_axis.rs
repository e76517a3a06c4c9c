//! A time axis with more steps than can stand apart as buttons (issue #17):
//! the ticks are drawn as one rug of marks, the axis itself answers a click
//! by snapping to the nearest step, and the pointer shows that step — in
//! English and in Arabic, where the axis runs right to left.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use egui::Pos2;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use karabakh_atlas::i18n::Lang;
use karabakh_atlas::model::{Dataset, load_bundled, load_memory};
use karabakh_atlas::synth::{Counts, files};
use karabakh_atlas::ui::ViewerOptions;
use karabakh_atlas::ui::app::App;
use karabakh_atlas::ui::time_panel::axis_uncached;

/// A generated dataset with ten times the bundled one's steps (140).
fn dense() -> Dataset {
    let counts = Counts::of(&load_bundled().unwrap()).times(10);
    load_memory("synth", &files(counts)).unwrap()
}

fn viewer(lang: Lang) -> Harness<'static, App> {
    let args = ViewerOptions {
        lang: Some(lang),
        ..ViewerOptions::default()
    };
    let mut h = common::viewer::viewer(dense(), args, 200);
    h.run();
    h
}

/// How many buttons are labelled with a step's tick words (`prefix`, e.g.
/// "Step 1:"; the places' nodes may mention a step further on).
fn tick_buttons(h: &Harness<'static, App>, prefix: &str) -> usize {
    h.query_all_by_label_contains(prefix)
        .filter(|n| {
            let node = n.accesskit_node();
            node.role() == egui::accesskit::Role::Button
                && node.label().is_some_and(|l| l.starts_with(prefix))
        })
        .count()
}

/// Where step `i`'s tick is on the axis labelled `axis_label`: its x from
/// the axis' own date scale (the strip is inset 14 points each side and
/// runs right to left when `rtl`), on the row of the first tick of a day.
fn tick_at(h: &Harness<'static, App>, axis_label: &str, i: usize, rtl: bool) -> Pos2 {
    let rect = h.get_by_label(axis_label).rect();
    let app = h.state();
    let shared = app.shared();
    let axis = axis_uncached(&shared);
    let f = axis.x_from_date(app.dataset().steps[i].date.end());
    let (left, width) = (rect.left() + 14.0, rect.width() - 28.0);
    let x = if rtl {
        left + width - f * width
    } else {
        left + f * width
    };
    Pos2::new(x, rect.top() + 40.0 - 12.0)
}

/// A step alone on its day, away from the ends of the axis.
fn lone_step(ds: &Dataset) -> usize {
    let n = ds.steps.len();
    (n / 3..n)
        .find(|&i| {
            let d = ds.steps[i].date.end();
            ds.steps.iter().filter(|s| s.date.end() == d).count() == 1
        })
        .unwrap()
}

#[test]
fn a_dense_axis_has_no_tick_buttons_and_a_click_snaps_to_the_step_under_it() {
    let mut h = viewer(Lang::En);
    let steps = h.state().dataset().steps.len();
    assert!(steps > 120, "{steps} steps");
    // The ticks are not buttons: the axis answers for them.
    assert_eq!(tick_buttons(&h, "Step 1:"), 0);
    assert_eq!(tick_buttons(&h, &format!("Step {steps}:")), 0);
    h.get_by_label("Date");
    let i = lone_step(h.state().dataset());
    let at = tick_at(&h, "Date", i, false);
    // Pointing at the tick shows its step (after the tooltip's delay).
    h.event(egui::Event::PointerMoved(at));
    h.run_steps(60);
    let words = format!("Step {}: ", i + 1);
    assert!(
        h.query_all_by_label_contains(&words).next().is_some(),
        "no hover text with {words:?}"
    );
    // A click two points beside it goes to that step.
    common::viewer::click_at(&mut h, at + egui::vec2(2.0, 0.0));
    assert_eq!(h.state().time().step(), Some(i));
}

#[test]
fn in_arabic_the_dense_axis_runs_right_to_left_and_a_click_snaps_the_same() {
    let mut h = viewer(Lang::Ar);
    assert_eq!(tick_buttons(&h, "الخطوة 1:"), 0);
    let i = lone_step(h.state().dataset());
    let at = tick_at(&h, "التاريخ", i, true);
    let first = tick_at(&h, "التاريخ", 0, true);
    assert!(first.x > at.x, "the first step is to the right");
    common::viewer::click_at(&mut h, at - egui::vec2(2.0, 0.0));
    assert_eq!(h.state().time().step(), Some(i));
}

#[test]
fn a_few_steps_keep_a_button_each() {
    // The bundled dataset's 14 steps: each tick is its own button.
    let args = ViewerOptions {
        lang: Some(Lang::En),
        ..ViewerOptions::default()
    };
    let mut h = common::viewer::viewer(load_bundled().unwrap(), args, 200);
    h.run();
    let steps = h.state().dataset().steps.len();
    for n in 1..=steps {
        assert_eq!(tick_buttons(&h, &format!("Step {n}:")), 1, "step {n}");
    }
}
