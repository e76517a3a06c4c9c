//! The desktop viewer (feature `gui`): eframe glue and one file per panel.
//!
//! Panels read the app's state ([`app::Shared`]) and their own, and push
//! commands; the app applies them once per frame (see [`app::App`]). The
//! viewer is opened with a plain [`ViewerOptions`], which the command line
//! fills from its flags. Drawing goes through the backend-neutral
//! scene in [`crate::scene`].

pub mod app;
pub mod axis_ticks;
pub mod chart;
pub mod export_ui;
pub mod files;
pub mod i18n;
pub mod map_access;
pub mod map_cache;
pub mod map_nodes;
pub mod map_panel;
pub mod memo;
pub mod menus;
pub mod motion;
pub mod options;
pub mod paint;
pub mod persist;
pub mod places_table;
pub mod plot_cache;
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

use crate::model::Dataset;
pub use options::ViewerOptions;

/// The app id: names the window class and the settings folder.
pub const APP_ID: &str = "karabakh-atlas";

/// Default window size in points.
pub const DEFAULT_SIZE: (u32, u32) = (1280, 800);

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

/// Open the viewer; returns when the window closes. The options are
/// checked by whoever made them (the command line checks its flags).
#[must_use]
pub fn run(dataset: Dataset, args: ViewerOptions) -> ExitCode {
    let screenshot_mode = args.screenshot.is_some();
    let outcome = screenshot::Outcome::default();
    // A scripted screenshot must not depend on, or change, saved state.
    let options = native_options(
        &app::window_title(&dataset, args.lang.unwrap_or_else(crate::i18n::system_lang)),
        args.size.unwrap_or(DEFAULT_SIZE),
        !screenshot_mode,
    );
    // A scripted screenshot reads no saved state either: eframe restores
    // the last window size and panel sizes from its store even when told
    // not to save them, so it gets an empty store of its own.
    let mut options = options;
    let scratch = if screenshot_mode {
        match tempfile::tempdir() {
            Ok(dir) => {
                options.persistence_path = Some(dir.path().join("state.ron"));
                Some(dir)
            }
            Err(e) => {
                eprintln!(
                    "error: could not make a temporary folder for the screenshot run: {e}\n  help: check that the temporary folder (TMPDIR) is writable"
                );
                return ExitCode::from(1);
            }
        }
    } else {
        None
    };
    let for_app = outcome.clone();
    // What the viewer derives from the dataset (map geometry and label
    // points, areas, the chart's series) is prepared on another thread
    // while eframe opens the window and its OpenGL context.
    let preparing = std::thread::spawn(move || app::Session::new(dataset));
    let result = eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            let session = preparing
                .join()
                .map_err(|_| "preparing the dataset for the viewer failed")?;
            Ok(Box::new(app::App::new(cc, session, &args, for_app)))
        }),
    );
    drop(scratch);
    if let Err(e) = result {
        eprintln!(
            "error: could not open the viewer window: {e}\n  help: the viewer needs a display (X11 or Wayland) and OpenGL; on a server, run it under Xvfb with Mesa (see README)"
        );
        return ExitCode::from(1);
    }
    outcome.exit_code(screenshot_mode)
}
