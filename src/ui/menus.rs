//! The menu bar and the Help windows (shortcuts, About).

use egui::{RichText, Ui};

use super::app::{App, Command};
use super::export_ui::Kind;
use super::files::Purpose;
use crate::model::Dataset;
use crate::scene::display::NameLang;
use crate::scene::style::ThemeKind;

/// Every keyboard shortcut, as shown in the overlay and the Help menu.
pub const SHORTCUTS: [(&str, &str); 14] = [
    ("Right / Left arrow", "next / previous step"),
    ("Shift + Right / Left arrow", "one day later / earlier"),
    ("Home / End", "first / last step"),
    ("Space", "play / pause"),
    ("+ / −", "zoom in / out"),
    ("Drag, scroll, pinch", "pan and zoom the map"),
    ("Double-click the map", "fit the places of interest"),
    ("Click a place", "select it and list its steps"),
    ("Esc", "clear the selection"),
    ("?  or  F1", "show or hide this list"),
    ("Ctrl+F", "find in the source reader"),
    ("Ctrl+Shift+S", "save a screenshot of the window"),
    ("Tab", "move between controls"),
    ("Enter / Space on a control", "activate it"),
];

/// File > Open recent: the dataset folders opened lately.
fn recent_menu(ui: &mut Ui, app: &mut App) {
    let recent = app.settings.recent.clone();
    ui.add_enabled_ui(!recent.is_empty(), |ui| {
        ui.menu_button("Open recent", |ui| {
            for r in &recent {
                let exists = std::path::Path::new(r).is_dir();
                let b = ui
                    .add_enabled(exists, egui::Button::new(r.as_str()))
                    .on_disabled_hover_text("This folder no longer exists");
                if b.clicked() {
                    app.push(Command::OpenFolder(r.into()));
                }
            }
            ui.separator();
            if ui.button("Clear recent datasets").clicked() {
                app.push(Command::ClearRecent);
            }
        });
    });
}

/// The Present menu: presenter mode, the tour, the speaker window.
fn present_menu(ui: &mut Ui, app: &mut App) {
    if ui
        .add(egui::Button::new("Start presenting").shortcut_text("F5"))
        .clicked()
    {
        app.push(Command::StartPresenting {
            from_current: false,
        });
    }
    if ui
        .add(egui::Button::new("Present from this step").shortcut_text("Shift+F5"))
        .clicked()
    {
        app.push(Command::StartPresenting { from_current: true });
    }
    if ui.button("Present with autoplay").clicked() {
        app.push(Command::StartPresenting {
            from_current: false,
        });
        app.push(Command::Present(
            crate::present::PresentCommand::ToggleAutoplay,
        ));
    }
    ui.checkbox(&mut app.show_speaker, "Speaker window while presenting");
    ui.separator();
    ui.label(RichText::new("Tour").strong());
    let current = app.tour.as_ref().map(|t| t.id.clone());
    let mut choice = None;
    if ui
        .radio(current.is_none(), "Every step, in order")
        .clicked()
    {
        choice = Some(None);
    }
    for t in &app.ds.tours {
        let label = format!("{} ({} stops)", t.title.en(), t.stops.len());
        if ui
            .radio(current.as_deref() == Some(t.id.as_str()), label)
            .clicked()
        {
            choice = Some(Some(t.id.clone()));
        }
    }
    if let Some(t) = app
        .tour
        .as_ref()
        .filter(|t| !app.ds.tours.iter().any(|d| d.id == t.id))
    {
        let _ = ui.radio(true, format!("{} (from a file)", t.title.en()));
    }
    if let Some(c) = choice {
        app.push(Command::ChooseTour(c));
    }
    if ui.button("Open tour file…").clicked() {
        app.push(Command::ChoosePath(Purpose::OpenTour));
    }
    if ui.button("Open tour file by path…").clicked() {
        app.push(Command::PromptPath(Purpose::OpenTour));
    }
}

/// The menu bar.
pub fn bar(ui: &mut Ui, app: &mut App) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui.button("Open dataset folder…").clicked() {
                app.push(Command::ChoosePath(Purpose::OpenDataset));
            }
            if ui.button("Open dataset folder by path…").clicked() {
                app.push(Command::PromptPath(Purpose::OpenDataset));
            }
            recent_menu(ui, app);
            let folder = matches!(app.ds.origin, crate::model::types::Origin::Folder(_));
            if ui
                .add_enabled(folder, egui::Button::new("Reload dataset"))
                .on_disabled_hover_text("The bundled dataset cannot change")
                .clicked()
            {
                app.push(Command::Reload);
            }
            if ui
                .add_enabled(folder, egui::Button::new("Use the bundled dataset"))
                .clicked()
            {
                app.push(Command::OpenBundled);
            }
            ui.separator();
            if ui
                .add(egui::Button::new("Save screenshot…").shortcut_text("Ctrl+Shift+S"))
                .clicked()
            {
                app.push(Command::ChoosePath(Purpose::SaveScreenshot));
            }
            if ui.button("Export figure…").clicked() {
                app.push(Command::ShowExport(Kind::Figure));
            }
            if ui.button("Export all steps…").clicked() {
                app.push(Command::ShowExport(Kind::AllSteps));
            }
            if ui.button("Export animation…").clicked() {
                app.push(Command::ShowExport(Kind::Animation));
            }
            super::export_ui::menu_hint(ui);
            ui.separator();
            if ui.button("Quit").clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button("Present", |ui| present_menu(ui, app));
        ui.menu_button("View", |ui| {
            ui.checkbox(&mut app.settings.show_time_panel, "Time panel");
            ui.checkbox(&mut app.settings.show_step_card, "Step card");
            ui.checkbox(&mut app.settings.show_legend, "Legend");
            ui.checkbox(
                &mut app.settings.collapse_gaps,
                "Collapse quiet periods on the time axis",
            );
            ui.separator();
            ui.label("Theme");
            let before = app.settings.theme;
            ui.radio_value(&mut app.settings.theme, ThemeKind::Light, "Light");
            ui.radio_value(&mut app.settings.theme, ThemeKind::Dark, "Dark");
            if app.settings.theme != before {
                let ctx = ui.ctx().clone();
                app.apply_theme(&ctx);
            }
            ui.separator();
            ui.label("Place names on the map");
            for lang in NameLang::ALL {
                ui.radio_value(&mut app.settings.names, lang, lang.label());
            }
            ui.separator();
            if ui.button("Fit map").clicked() {
                app.push(Command::FitMap);
            }
        });
        ui.menu_button("Help", |ui| {
            if ui.button("Keyboard shortcuts").clicked() {
                app.push(Command::ToggleShortcuts);
            }
            if ui.button("About karabakh-atlas").clicked() {
                app.push(Command::ShowAbout);
            }
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if let Some(status) = &app.reload_status {
                ui.label(RichText::new(status).weak());
            }
            let b = ui
                .button("Presenter mode")
                .on_hover_text("Full screen with captions, for a class (F5)");
            if b.clicked() {
                app.push(Command::StartPresenting {
                    from_current: false,
                });
            }
        });
    });
}

/// The keyboard shortcuts overlay.
pub fn shortcuts_window(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts")
                .num_columns(2)
                .spacing([24.0, 6.0])
                .show(ui, |ui| {
                    for (keys, what) in SHORTCUTS {
                        ui.label(RichText::new(keys).strong());
                        ui.label(what);
                        ui.end_row();
                    }
                    ui.label(RichText::new("In presenter mode").strong().underline());
                    ui.end_row();
                    for (keys, what) in super::presenter::PRESENTER_KEYS {
                        ui.label(RichText::new(keys).strong());
                        ui.label(what);
                        ui.end_row();
                    }
                });
        });
}

/// The About window: what the product is and every attribution.
pub fn about_window(
    ctx: &egui::Context,
    open: &mut bool,
    ds: &Dataset,
    areas: &crate::model::area::Areas,
) {
    egui::Window::new("About karabakh-atlas")
        .open(open)
        .default_width(560.0)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical().max_height(480.0).show(ui, |ui| {
                ui.label(RichText::new(format!("karabakh-atlas {}", env!("CARGO_PKG_VERSION"))).strong());
                ui.label(ds.description.en());
                ui.add_space(6.0);
                ui.label(RichText::new("Map data").strong());
                ui.label("Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com. Imported from the Debian package qgis-common (world_map.gpkg, Natural Earth 1:10m v4.1.0).");
                ui.label("Boundaries are simplified and approximate; the Lachin and Jabrayil town markers stand at their true coordinates, a few km outside their Natural Earth district polygons.");
                ui.add_space(6.0);
                ui.label(RichText::new("Areas").strong());
                egui::Grid::new("about-areas").num_columns(3).show(ui, |ui| {
                    ui.label("place");
                    ui.label("counted km²");
                    ui.label("inside the region, km²");
                    ui.end_row();
                    for (id, km2) in &areas.by_place {
                        let name = ds.place(id).map_or(id.as_str(), |p| p.names.en());
                        ui.label(name);
                        ui.label(crate::model::area::thousands(*km2));
                        ui.label(crate::model::area::thousands(areas.overlap_of(id).unwrap_or(0.0)));
                        ui.end_row();
                    }
                });
                ui.label(crate::model::area::AREA_NOTE);
                ui.label("Districts are counted outside the region's 1991 boundary, so nothing is counted twice.");
                ui.add_space(6.0);
                ui.label(RichText::new("Fonts").strong());
                ui.label("Noto Sans and Noto Naskh Arabic, © Google, SIL Open Font License 1.1 (assets/fonts/OFL.txt), from the Debian package fonts-noto-core. egui's built-in fonts (Ubuntu Light, Hack, Noto Emoji, emoji-icon-font) as fallbacks, under their own licences.");
                ui.add_space(6.0);
                ui.label(RichText::new("Sources").strong());
                for s in &ds.sources {
                    let by = s.publisher.as_ref().map_or(String::new(), |p| format!(" — publisher as printed: {}", p.gloss));
                    ui.label(format!("{} ({}): {}{}", s.id, s.original_file_name, s.label, by));
                }
                ui.add_space(6.0);
                ui.label("Titles and summaries are written for this product; every step links to the passages it rests on, and claims are attributed to whoever made them.");
            });
        });
}
