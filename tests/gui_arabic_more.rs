#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

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

#[test]
fn explore() {
    for lang in [Lang::En, Lang::Ar] {
        let mut h = build(GuiArgs { lang: Some(lang), ..GuiArgs::default() });
        let file = if lang == Lang::Ar { "ملف" } else { "File" };
        h.get_by_label(file).click();
        h.run();
        for n in h.query_all_by(|_| true) {
            let a = n.accesskit_node();
            if let Some(l) = a.value().or(a.label()) {
                if a.role() == egui::accesskit::Role::Button || a.role() == egui::accesskit::Role::Label {
                    println!("{lang:?} {:?} {:?} {}", a.role(), n.rect(), l);
                }
            }
        }
    }
}
