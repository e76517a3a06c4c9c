//! The baseline of `benches/startup.rs`: an eframe window with the viewer's
//! options (`karabakh_atlas::ui::native_options`) that draws one label, with
//! the same start-up probe (`karabakh_atlas::ui::probe`). Run it with
//! `KARABAKH_ATLAS_PROBE=first-frame cargo run --release --example minimal_window`.

use std::process::ExitCode;

use karabakh_atlas::ui::{DEFAULT_SIZE, native_options, probe};

struct Minimal;

impl eframe::App for Minimal {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        probe::on_frame(ui.ctx());
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("A minimal eframe window.");
        });
    }
}

fn main() -> ExitCode {
    let options = native_options("minimal window", DEFAULT_SIZE, true);
    match eframe::run_native(
        "karabakh-atlas-minimal-window",
        options,
        Box::new(|_cc| Ok(Box::new(Minimal))),
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: could not open the window: {e}");
            ExitCode::FAILURE
        }
    }
}
