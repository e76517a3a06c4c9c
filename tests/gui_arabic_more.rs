#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use karabakh_atlas::cli::GuiArgs;
use karabakh_atlas::i18n::Lang;
use karabakh_atlas::model::load_bundled;
use karabakh_atlas::ui::app::App;
use karabakh_atlas::ui::screenshot::Outcome;

fn build(args: GuiArgs) -> Harness<'static, App> {
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_max_steps(64)
        .build_eframe(move |cc| App::new(cc, load_bundled().unwrap(), &args, Outcome::default()));
    h.run();
    h
}

fn labels(h: &Harness<'static, App>) -> Vec<String> {
    h.query_all_by(|_| true)
        .filter_map(|n| {
            let a = n.accesskit_node();
            a.value().or(a.label()).map(|s| format!("{:?}: {}", a.role(), s))
        })
        .collect()
}

#[test]
fn explore() {
    let mut h = build(GuiArgs { lang: Some(Lang::Ar), ..GuiArgs::default() });
    for l in labels(&h) { if l.chars().any(|c| c.is_ascii_alphabetic()) { println!("BASE {l}"); } }
    for m in ["ملف", "تقديم", "عرض", "مساعدة"] {
        h.get_by_label(m).click();
        h.run();
        for l in labels(&h) { if l.chars().any(|c| c.is_ascii_alphabetic()) { println!("{m} {l}"); } }
        h.get_by_label(m).click();
        h.run();
    }
}
