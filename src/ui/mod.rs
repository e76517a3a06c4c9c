//! The desktop viewer (feature `gui`): eframe glue and one file per panel.
//!
//! Panels read the app's state and push commands; the app applies them once
//! per frame (see [`app::App`]). Drawing goes through the backend-neutral
//! scene in [`crate::scene`].

pub mod app;
pub mod chart;
pub mod export_ui;
pub mod files;
pub mod i18n;
pub mod map_panel;
pub mod menus;
pub mod paint;
pub mod persist;
pub mod presenter;
pub mod probe;
pub mod reader;
pub mod screenshot;
pub mod settings_window;
pub mod speaker;
pub mod step_card;
pub mod text;
pub mod time_panel;
pub mod watch;

use std::process::ExitCode;

use crate::cli::GuiArgs;
use crate::model::Dataset;

/// The app id: names the window class and the settings folder.
pub const APP_ID: &str = "karabakh-atlas";

/// Default window size in points.
pub const DEFAULT_SIZE: (u32, u32) = (1280, 800);

/// Check the viewer's flags against the dataset before any window opens.
///
/// # Errors
/// A message naming the bad value and what to do.
pub fn validate_args(ds: &Dataset, args: &GuiArgs) -> Result<(), String> {
    if let Some(n) = args.step
        && (n == 0 || n > ds.steps.len())
    {
        return Err(format!(
            "--step {n}: step {n} does not exist; the dataset has steps 1 to {} (see `karabakh-atlas steps`)",
            ds.steps.len()
        ));
    }
    if let Some(d) = args.date
        && !ds.coverage.contains(d)
    {
        return Err(format!(
            "--date {d} is outside the period the dataset describes ({} to {}); pick a date in that period",
            ds.coverage.from, ds.coverage.to
        ));
    }
    if let Some(c) = &args.cite
        && ds.citation(c).is_none()
    {
        return Err(format!(
            "--cite {c}: no citation has that id; the ids are listed by `karabakh-atlas steps`"
        ));
    }
    if let Some(path) = &args.screenshot {
        screenshot::check_target(path, args.force).map_err(|e| format!("--screenshot {e}"))?;
    }
    Ok(())
}

/// The window options of the viewer (also used by
/// `examples/minimal_window.rs`, the start-up benchmark's baseline).
#[must_use]
pub fn native_options(title: &str, (w, h): (u32, u32), persist: bool) -> eframe::NativeOptions {
    let viewport = egui::ViewportBuilder::default()
        .with_title(title)
        .with_app_id(APP_ID)
        .with_inner_size([w as f32, h as f32])
        .with_min_inner_size([320.0, 240.0]);
    eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Glow,
        persist_window: persist,
        ..Default::default()
    }
}

/// Open the viewer; returns when the window closes.
#[must_use]
pub fn run(dataset: Dataset, args: GuiArgs) -> ExitCode {
    if let Err(msg) = validate_args(&dataset, &args) {
        eprintln!("error: {msg}");
        return ExitCode::from(2);
    }
    let screenshot_mode = args.screenshot.is_some();
    let outcome = screenshot::Outcome::default();
    // A scripted screenshot must not depend on, or change, saved state.
    let options = native_options(
        &app::window_title(&dataset, args.lang.unwrap_or_else(crate::i18n::system_lang)),
        args.size.unwrap_or(DEFAULT_SIZE),
        !screenshot_mode,
    );
    let for_app = outcome.clone();
    let result = eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| Ok(Box::new(app::App::new(cc, dataset, &args, for_app)))),
    );
    if let Err(e) = result {
        eprintln!(
            "error: could not open the viewer window: {e}\n  help: the viewer needs a display (X11 or Wayland) and OpenGL; on a server, run it under Xvfb with Mesa (see README)"
        );
        return ExitCode::from(1);
    }
    outcome.exit_code(screenshot_mode)
}
