//! The menu bar and the Help windows (shortcuts, About), in the interface
//! language: in Arabic the bar runs right to left, the menus' items line
//! up on the right, and the shortcuts table is mirrored.

use egui::{Align, Layout, Response, Role, Ui};

use super::app::{Command, Shared};
use super::export_ui::Kind;
use super::files::Purpose;
use super::i18n::{self, Txt, accessible};
use super::persist::Settings;
use super::presenter::{ltr_isolated, source_title, without_bidi_controls};
use crate::i18n::{Locale, format, tr, tr_args};
use crate::model::Dataset;
use crate::model::types::Origin;
use crate::scene::display::NameLang;
use crate::scene::style::ThemeKind;

/// The program's name, as the window title and the About window show it.
pub const APP_NAME: &str = "karabakh-atlas";

/// The names of the arrow keys that move one step later and one step
/// earlier with `settings` (see [`super::time_panel::visual_step_keys`]),
/// in its language.
#[must_use]
pub fn arrow_names(settings: &Settings) -> (String, String) {
    let loc = settings.locale();
    let name = |k: egui::Key| {
        if k == egui::Key::ArrowLeft {
            tr(loc, "keys-left")
        } else {
            tr(loc, "keys-right")
        }
    };
    let (next, prev) = super::time_panel::visual_step_keys(settings);
    (name(next), name(prev))
}

/// Every keyboard shortcut, as the shortcuts window lists them: (keys, what
/// they do), in `settings`' language, the arrows the way they work with its
/// time axis. Key caps keep their printed names (Home, Esc, Ctrl+F...).
#[must_use]
pub fn shortcuts(settings: &Settings) -> Vec<(String, String)> {
    let loc = settings.locale();
    let (next, prev) = arrow_names(settings);
    let pair = |a: &str, b: &str| tr_args(loc, "keys-pair", &[("a", a.into()), ("b", b.into())]);
    let shift = |key: &str| {
        tr_args(
            loc,
            "keys-with-shift",
            &[("shift", "Shift".into()), ("key", key.into())],
        )
    };
    let space = tr(loc, "keys-space");
    vec![
        (pair(&next, &prev), tr(loc, "shortcut-step")),
        (pair(&shift(&next), &prev), tr(loc, "shortcut-day")),
        (
            pair("Page Down", "Page Up"),
            tr(loc, "shortcut-step-anywhere"),
        ),
        (pair("Home", "End"), tr(loc, "shortcut-first-last")),
        (space.clone(), tr(loc, "shortcut-play")),
        (pair("+", "−"), tr(loc, "shortcut-zoom")),
        (tr(loc, "keys-drag"), tr(loc, "shortcut-pan")),
        (tr(loc, "keys-double-click"), tr(loc, "shortcut-fit")),
        (tr(loc, "keys-click-place"), tr(loc, "shortcut-select")),
        ("Esc".to_owned(), tr(loc, "shortcut-clear")),
        (
            tr_args(loc, "keys-or", &[("a", "?".into()), ("b", "F1".into())]),
            tr(loc, "shortcut-toggle"),
        ),
        ("Ctrl+F".to_owned(), tr(loc, "shortcut-find")),
        ("Ctrl+Shift+S".to_owned(), tr(loc, "shortcut-screenshot")),
        ("Ctrl+Q".to_owned(), tr(loc, "shortcut-quit")),
        ("Tab".to_owned(), tr(loc, "shortcut-tab")),
        (
            tr(loc, "keys-in-map"),
            tr_args(
                loc,
                "shortcut-map-arrows",
                &[("enter", "Enter".into()), ("esc", "Esc".into())],
            ),
        ),
        ("Ctrl+T".to_owned(), tr(loc, "shortcut-table")),
        (
            tr_args(
                loc,
                "keys-on-control",
                &[("keys", pair(&space, "Enter").into())],
            ),
            tr(loc, "shortcut-activate"),
        ),
    ]
}

/// A menu titled `title` (in a menu, a submenu); its items line up on the
/// side text starts.
fn menu(ui: &mut Ui, loc: Locale, title: &str, add: impl FnOnce(&mut Ui)) -> Response {
    let shown = Txt::new(title).widget_text(ui);
    let contents = |ui: &mut Ui| {
        // Right-aligned items would stretch the menu as wide as it may
        // grow: the sizing pass measures them left-aligned.
        if loc.is_rtl() && !ui.is_sizing_pass() {
            ui.with_layout(Layout::top_down_justified(Align::Max), add);
        } else {
            add(ui);
        }
    };
    let response = if loc.is_rtl() && egui::containers::menu::is_in_menu(ui) {
        // A submenu's arrow at the end the text does not start from,
        // pointing that way.
        let button = egui::Button::new(shown).left_text("⏴");
        egui::containers::menu::SubMenuButton::from_button(button)
            .ui(ui, contents)
            .0
    } else {
        ui.menu_button(shown, contents).response
    };
    accessible(&response, Role::Button, title);
    response
}

/// A menu item showing `text` (and a key's name at the other end), labelled
/// with `text`; greyed out unless `enabled`.
fn item(ui: &mut Ui, loc: Locale, text: &str, key: Option<&str>, enabled: bool) -> Response {
    let shown = Txt::new(text).widget_text(ui);
    let mut b = egui::Button::new(shown);
    if let Some(k) = key {
        b = if loc.is_rtl() {
            b.left_text(egui::RichText::new(k).weak())
        } else {
            b.shortcut_text(k)
        };
    }
    let r = ui.add_enabled(enabled, b);
    accessible(&r, Role::Button, text);
    r
}

/// A heading inside a menu.
fn heading(ui: &mut Ui, text: &str) {
    Txt::new(text).strong().line(ui);
}

/// File > Open recent: the dataset folders opened lately.
fn recent_menu(ui: &mut Ui, app: &Shared<'_>, out: &mut Vec<Command>, loc: Locale) {
    let recent = app.settings.recent.clone();
    ui.add_enabled_ui(!recent.is_empty(), |ui| {
        menu(ui, loc, &tr(loc, "menu-open-recent"), |ui| {
            let missing = tr(loc, "menu-recent-missing");
            for r in &recent {
                let exists = std::path::Path::new(r).is_dir();
                let b = item(ui, loc, r, None, exists).on_disabled_hover_ui(|ui| {
                    Txt::new(missing.as_str()).label(ui);
                });
                if b.clicked() {
                    out.push(Command::OpenFolder(r.into()));
                }
            }
            ui.separator();
            if item(ui, loc, &tr(loc, "menu-clear-recent"), None, true).clicked() {
                out.push(Command::ClearRecent);
            }
        });
    });
}

/// The File menu.
fn file_menu(ui: &mut Ui, app: &Shared<'_>, out: &mut Vec<Command>, loc: Locale) {
    if item(ui, loc, &tr(loc, "menu-open-dataset"), None, true).clicked() {
        out.push(Command::ChoosePath(Purpose::OpenDataset));
    }
    if item(ui, loc, &tr(loc, "menu-open-dataset-path"), None, true).clicked() {
        out.push(Command::PromptPath(Purpose::OpenDataset));
    }
    recent_menu(ui, app, out, loc);
    let folder = matches!(app.ds.origin, Origin::Folder(_));
    let bundled = tr(loc, "menu-reload-bundled");
    if item(ui, loc, &tr(loc, "menu-reload"), None, folder)
        .on_disabled_hover_ui(|ui| {
            Txt::new(bundled.as_str()).label(ui);
        })
        .clicked()
    {
        out.push(Command::Reload);
    }
    if item(ui, loc, &tr(loc, "menu-use-bundled"), None, folder).clicked() {
        out.push(Command::OpenBundled);
    }
    ui.separator();
    let shot = tr(loc, "menu-save-screenshot");
    if item(ui, loc, &shot, Some("Ctrl+Shift+S"), true).clicked() {
        out.push(Command::ChoosePath(Purpose::SaveScreenshot));
    }
    for (text, kind) in [
        (tr(loc, "menu-export-figure"), Kind::Figure),
        (tr(loc, "menu-export-all"), Kind::AllSteps),
        (tr(loc, "menu-export-animation"), Kind::Animation),
        (tr(loc, "menu-export-video"), Kind::Video),
    ] {
        if item(ui, loc, &text, None, true).clicked() {
            out.push(Command::ShowExport(kind));
        }
    }
    if item(ui, loc, &tr(loc, "menu-export-handout"), None, true).clicked() {
        out.push(Command::ChoosePath(Purpose::Handout));
    }
    super::export_ui::menu_hint_in(ui, loc);
    ui.separator();
    if item(ui, loc, &tr(loc, "menu-quit"), Some("Ctrl+Q"), true).clicked() {
        out.push(Command::Quit);
    }
}

/// The Present menu: presenter mode, the tour, the speaker window.
fn present_menu(ui: &mut Ui, app: &Shared<'_>, out: &mut Vec<Command>, loc: Locale) {
    let lang = loc.lang.tag();
    if item(ui, loc, &tr(loc, "menu-start-presenting"), Some("F5"), true).clicked() {
        out.push(Command::StartPresenting {
            from_current: false,
        });
    }
    let from_here = tr(loc, "menu-present-from-here");
    if item(ui, loc, &from_here, Some("Shift+F5"), true).clicked() {
        out.push(Command::StartPresenting { from_current: true });
    }
    if item(ui, loc, &tr(loc, "menu-present-autoplay"), None, true).clicked() {
        out.push(Command::StartPresenting {
            from_current: false,
        });
        out.push(Command::Present(
            crate::present::PresentCommand::ToggleAutoplay,
        ));
    }
    let mut speaker = app.show_speaker;
    i18n::checkbox(ui, loc, &mut speaker, &tr(loc, "menu-speaker-window"));
    if speaker != app.show_speaker {
        out.push(Command::ToggleSpeaker);
    }
    ui.separator();
    heading(ui, &tr(loc, "menu-tour"));
    let current = app.tour.as_ref().map(|t| t.id.clone());
    let mut choice = current.clone();
    i18n::radio_value(ui, loc, &mut choice, None, &tr(loc, "menu-every-step"));
    for t in &app.ds.tours {
        let label = tr_args(
            loc,
            "menu-tour-item",
            &[
                ("title", t.title.get(lang).into()),
                ("count", t.stops.len().into()),
            ],
        );
        i18n::radio_value(ui, loc, &mut choice, Some(t.id.clone()), &label);
    }
    if let Some(t) = app
        .tour
        .as_ref()
        .filter(|t| !app.ds.tours.iter().any(|d| d.id == t.id))
    {
        let label = tr_args(
            loc,
            "menu-tour-from-file",
            &[("title", t.title.get(lang).into())],
        );
        let mut on = true;
        i18n::radio_value(ui, loc, &mut on, true, &label);
    }
    if choice != current {
        out.push(Command::ChooseTour(choice));
    }
    if item(ui, loc, &tr(loc, "menu-open-tour"), None, true).clicked() {
        out.push(Command::ChoosePath(Purpose::OpenTour));
    }
    if item(ui, loc, &tr(loc, "menu-open-tour-path"), None, true).clicked() {
        out.push(Command::PromptPath(Purpose::OpenTour));
    }
}

/// The View menu: panels, theme, place names, fitting the map, settings.
/// Its choices edit a copy of the settings, which replaces them if changed.
fn view_menu(ui: &mut Ui, app: &Shared<'_>, out: &mut Vec<Command>, loc: Locale) {
    let mut edited = app.settings.clone();
    let s = &mut edited;
    i18n::checkbox(ui, loc, &mut s.show_time_panel, &tr(loc, "menu-time-panel"));
    i18n::checkbox(ui, loc, &mut s.show_step_card, &tr(loc, "menu-step-card"));
    i18n::checkbox(ui, loc, &mut s.show_legend, &tr(loc, "menu-legend"));
    i18n::checkbox(
        ui,
        loc,
        &mut s.reported_only,
        &tr(loc, "menu-reported-only"),
    );
    i18n::checkbox(
        ui,
        loc,
        &mut s.collapse_gaps,
        &tr(loc, "menu-collapse-gaps"),
    );
    let mut reduce = s.reduce_motion();
    if i18n::checkbox(ui, loc, &mut reduce, &tr(loc, "menu-reduce-motion")).changed() {
        s.reduce_motion = Some(reduce);
    }
    ui.separator();
    heading(ui, &tr(loc, "menu-theme"));
    i18n::radio_value(
        ui,
        loc,
        &mut s.theme,
        ThemeKind::Light,
        &tr(loc, "theme-light"),
    );
    i18n::radio_value(
        ui,
        loc,
        &mut s.theme,
        ThemeKind::Dark,
        &tr(loc, "theme-dark"),
    );
    ui.separator();
    heading(ui, &tr(loc, "menu-names"));
    for lang in NameLang::choices(app.ds) {
        let label = lang.label_in(app.ds, loc);
        i18n::radio_value(ui, loc, &mut s.names, lang, &label);
    }
    if edited != *app.settings {
        out.push(Command::Settings(Box::new(edited)));
    }
    ui.separator();
    if item(ui, loc, &tr(loc, "menu-table"), Some("Ctrl+T"), true).clicked() {
        out.push(Command::ToggleTable);
    }
    if item(ui, loc, &tr(loc, "map-fit"), None, true).clicked() {
        out.push(Command::FitMap);
    }
    if item(ui, loc, &tr(loc, "menu-settings"), None, true).clicked() {
        out.push(Command::ShowSettings);
    }
}

/// The Help menu.
fn help_menu(ui: &mut Ui, out: &mut Vec<Command>, loc: Locale) {
    if item(ui, loc, &tr(loc, "menu-shortcuts"), Some("F1"), true).clicked() {
        out.push(Command::ToggleShortcuts);
    }
    let about = tr_args(loc, "menu-about", &[("app", APP_NAME.into())]);
    if item(ui, loc, &about, None, true).clicked() {
        out.push(Command::ShowAbout);
    }
}

/// The menu bar: right to left in Arabic, with the reload status and the
/// Presenter mode button at the far end.
pub fn bar(ui: &mut Ui, app: &Shared<'_>, out: &mut Vec<Command>) {
    let loc = app.settings.locale();
    let (start, end) = if loc.is_rtl() {
        (
            Layout::right_to_left(Align::Center),
            Layout::left_to_right(Align::Center),
        )
    } else {
        (
            Layout::left_to_right(Align::Center),
            Layout::right_to_left(Align::Center),
        )
    };
    egui::MenuBar::new().ui(ui, |ui| {
        ui.with_layout(start, |ui| {
            menu(ui, loc, &tr(loc, "menu-file"), |ui| {
                file_menu(ui, app, out, loc)
            });
            menu(ui, loc, &tr(loc, "menu-present"), |ui| {
                present_menu(ui, app, out, loc);
            });
            menu(ui, loc, &tr(loc, "menu-view"), |ui| {
                view_menu(ui, app, out, loc)
            });
            menu(ui, loc, &tr(loc, "menu-help"), |ui| help_menu(ui, out, loc));
            ui.with_layout(end, |ui| {
                let label = tr(loc, "menu-presenter-mode");
                let hover = tr_args(loc, "menu-presenter-mode-hover", &[("key", "F5".into())]);
                let b = i18n::hover(i18n::button(ui, &label), &hover);
                if b.clicked() {
                    out.push(Command::StartPresenting {
                        from_current: false,
                    });
                }
                if let Some(status) = app.reload_status {
                    Txt::new(status).weak().line(ui);
                }
            });
        });
    });
}

/// The keyboard shortcuts window, in `settings`' language: two columns,
/// keys first in reading order (so at the right in Arabic).
pub fn shortcuts_window(ctx: &egui::Context, settings: &Settings, open: &mut bool) {
    let loc = settings.locale();
    // A cell's text on the side text starts.
    let cell = |ui: &mut Ui, text: Txt| {
        if loc.is_rtl() {
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| text.line(ui));
        } else {
            text.line(ui);
        }
    };
    let row = |ui: &mut Ui, keys: &str, what: &str| {
        if loc.is_rtl() {
            cell(ui, Txt::new(what));
            cell(ui, Txt::new(keys).strong());
        } else {
            cell(ui, Txt::new(keys).strong());
            cell(ui, Txt::new(what));
        }
        ui.end_row();
    };
    i18n::bounded(
        ctx,
        egui::Window::new(i18n::window_title(ctx, &tr(loc, "menu-shortcuts"))),
    )
    .id(egui::Id::unique("shortcuts-window"))
    .open(open)
    .collapsible(false)
    .resizable(false)
    .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
    .show(ctx, |ui| {
        // Scrolls on a screen too low for the whole list.
        let high = (ctx.content_rect().height() - 120.0).max(160.0);
        egui::ScrollArea::vertical()
            .max_height(high)
            .show(ui, |ui| {
                // Room for the scroll bar beside the last column.
                ui.set_max_width(ui.available_width() - 16.0);
                egui::Grid::new("shortcuts")
                    .num_columns(2)
                    .spacing([24.0, 6.0])
                    .show(ui, |ui| {
                        for (keys, what) in shortcuts(settings) {
                            row(ui, &keys, &what);
                        }
                        let title = Txt::new(tr(loc, "shortcut-in-presenter")).strong();
                        if loc.is_rtl() {
                            ui.label("");
                        }
                        cell(ui, title);
                        ui.end_row();
                        for (keys, what) in super::presenter::presenter_keys(settings) {
                            row(ui, &keys, &what);
                        }
                    });
            });
    });
}

/// The About window: what the product is and every attribution, in the
/// interface language (names of products, fonts and licences as they are).
pub fn about_window(
    ctx: &egui::Context,
    open: &mut bool,
    ds: &Dataset,
    areas: &crate::model::area::Areas,
    loc: Locale,
) {
    let lang = loc.lang.tag();
    let title = tr_args(loc, "about-title", &[("app", APP_NAME.into())]);
    i18n::bounded(ctx, egui::Window::new(i18n::window_title(ctx, &title)))
        .id(egui::Id::unique("about-window"))
        .open(open)
        .collapsible(false)
        .default_width(560.0)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .max_height(480.0)
                .show(ui, |ui| {
                    i18n::column(ui, loc, |ui| about(ui, ds, areas, loc, lang));
                });
        });
}

fn about(ui: &mut Ui, ds: &Dataset, areas: &crate::model::area::Areas, loc: Locale, lang: &str) {
    let version = format::localize_digits(env!("CARGO_PKG_VERSION"), loc);
    Txt::new(format!("{APP_NAME} {version}")).strong().label(ui);
    Txt::new(ds.description.get(lang)).label(ui);
    ui.add_space(6.0);
    Txt::new(tr(loc, "about-map-data")).strong().label(ui);
    // The map's credit is the dataset's (dataset.toml `map_attribution`).
    let credit = ds.map_attribution.get(lang);
    if !credit.is_empty() {
        Txt::new(credit).label(ui);
    }
    Txt::new(tr(loc, "about-boundaries")).label(ui);
    ui.add_space(6.0);
    Txt::new(tr(loc, "about-areas")).strong().label(ui);
    let km = |v: f64| format::number(v.round(), 0, loc);
    egui::Grid::new("about-areas")
        .num_columns(3)
        .show(ui, |ui| {
            let cells = |ui: &mut Ui, texts: [String; 3]| {
                let mut texts = texts;
                if loc.is_rtl() {
                    texts.reverse();
                }
                for t in texts {
                    Txt::new(t).line(ui);
                }
                ui.end_row();
            };
            cells(
                ui,
                [
                    tr(loc, "about-col-place"),
                    tr(loc, "about-col-counted"),
                    tr(loc, "about-col-inside"),
                ],
            );
            for (id, km2) in &areas.by_place {
                let name = ds.place(id).map_or(id.as_str(), |p| p.names.get(lang));
                cells(
                    ui,
                    [
                        name.to_owned(),
                        km(*km2),
                        km(areas.overlap_of(id).unwrap_or(0.0)),
                    ],
                );
            }
        });
    Txt::new(tr(loc, "area-note")).label(ui);
    if areas
        .overlap_with_regions
        .iter()
        .any(|(_, km2)| *km2 >= 0.5)
    {
        let regions = super::step_card::region_names(ds, loc);
        Txt::new(tr_args(
            loc,
            "about-counted-once",
            &[("regions", regions.into())],
        ))
        .label(ui);
    }
    ui.add_space(6.0);
    Txt::new(tr(loc, "about-fonts")).strong().label(ui);
    Txt::new(tr_args(
        loc,
        "about-fonts-text",
        &[
            ("fonts", "Noto Sans, Noto Naskh Arabic, Noto Sans Hebrew, Noto Sans Armenian, Noto Sans Georgian".into()),
            ("vendor", "Google".into()),
            ("license", "SIL Open Font License 1.1".into()),
            ("file", "assets/fonts/OFL.txt".into()),
            ("distribution", "Debian".into()),
            ("package", "fonts-noto-core".into()),
            ("toolkit", "egui".into()),
            (
                "fallbacks",
                "Ubuntu Light, Hack, Noto Emoji, emoji-icon-font".into(),
            ),
        ],
    ))
    .label(ui);
    ui.add_space(6.0);
    Txt::new(tr(loc, "about-sources")).strong().label(ui);
    for s in &ds.sources {
        // The label in the interface language (see `source_title`); the
        // publisher as printed to a reader of the source's language, else
        // its gloss.
        let id = ltr_isolated(&s.id, loc);
        let file = ltr_isolated(&s.original_file_name, loc);
        let mut line = match source_title(s, loc) {
            Some(title) => tr_args(
                loc,
                "about-source",
                &[
                    ("id", id.into()),
                    ("file", file.into()),
                    ("label", title.into()),
                ],
            ),
            None => tr_args(
                loc,
                "about-source-untitled",
                &[("id", id.into()), ("file", file.into())],
            ),
        };
        if let Some(p) = &s.publisher {
            let publisher = s.gloss(&p.gloss, loc.lang.tag()).unwrap_or(&p.text);
            line = tr_args(
                loc,
                "about-source-publisher",
                &[("source", line.into()), ("publisher", publisher.into())],
            );
        }
        let plain = without_bidi_controls(&line);
        let r = Txt::new(line).label(ui);
        accessible(&r, Role::Label, &plain);
    }
    ui.add_space(6.0);
    Txt::new(tr(loc, "about-written")).label(ui);
}
