//! Commands: everything a panel, a key or a menu asks for, and
//! [`App::apply`], the one place that changes the app's shared state.
//!
//! Panels read borrowed state and push [`Command`]s; the app applies them
//! once per frame, after drawing. Unit tests drive `apply` without a window.

use std::path::PathBuf;

use super::super::export_ui;
use super::super::files::Purpose;
use super::super::persist::Settings;
use super::{App, ErrorReport, nearest_stop};
use crate::control::TimeCommand;
use crate::i18n::tr_args;
use crate::model::Date;
use crate::model::diag::Msg;
use crate::model::tour::load_tour_file;
use crate::model::types::Extent;
use crate::present::PresentCommand;

/// Something the user asked for, applied once per frame.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// A time command (date, step, playback).
    Time(TimeCommand),
    /// Select a place (or clear the selection).
    Select(Option<String>),
    /// Show the whole area of interest.
    FitMap,
    /// Fly the map to a place (tracked or not) on the dataset's map.
    ShowPlace(String),
    /// Zoom the map about its centre by a factor.
    ZoomBy(f64),
    /// Choose a path for `Purpose` (native dialog, or the in-app prompt).
    ChoosePath(Purpose),
    /// Ask for a path in the app, whatever dialogs exist.
    PromptPath(Purpose),
    /// A path was chosen; the flag is consent to replace an existing file.
    PathChosen(Purpose, PathBuf, bool),
    /// Show an export dialog.
    ShowExport(export_ui::Kind),
    /// Load the dataset in this folder.
    OpenFolder(PathBuf),
    /// Show or hide the keyboard shortcuts.
    ToggleShortcuts,
    /// Show the About window.
    ShowAbout,
    /// Show or hide the table of places.
    ToggleTable,
    /// Open the reader on a citation's passage, scrolled to it and flashing.
    OpenCitation(String),
    /// Open the reader on a source.
    OpenSource(String),
    /// Copy a citation's reference and exact quote to the clipboard.
    CopyCitation(String),
    /// Show every version of a claim side by side.
    ShowClaimVersions(String),
    /// Open the reader's find field.
    Find,
    /// Enter presenter mode, at the first stop or at the stop nearest the
    /// current step.
    StartPresenting {
        /// Start from the current step rather than the first stop.
        from_current: bool,
    },
    /// Leave presenter mode.
    StopPresenting,
    /// A presenter command (next stop, blackout, autoplay...).
    Present(PresentCommand),
    /// Show or hide the speaker window.
    ToggleSpeaker,
    /// Choose the tour to present: one of the dataset's by id, or `None` for
    /// every step in order.
    ChooseTour(Option<String>),
    /// Load a tour file and choose it.
    OpenTourFile(PathBuf),
    /// Put the bundled dataset back on screen.
    OpenBundled,
    /// Load the dataset's folder again.
    Reload,
    /// Forget the recent datasets.
    ClearRecent,
    /// Esc: close the window on top (shortcuts, About, settings, the table
    /// of places, the notice), else clear the selection.
    Escape,
    /// Close the viewer (saving its state, as closing the window does).
    Quit,
    /// Change one of the persisted preferences.
    Pref(Pref),
    /// Replace the settings (the menus and the settings window edit a copy).
    Settings(Box<Settings>),
    /// Show the settings window.
    ShowSettings,
    /// Show a source in the reader, scrolled to a byte range of its text
    /// (a find result).
    ShowPassage {
        /// The source's id.
        source: String,
        /// The byte range to bring into view.
        range: std::ops::Range<usize>,
    },
    /// Close the reader.
    CloseReader,
    /// Move the reader into its own window, or back beside the map.
    ToggleReaderPopOut,
}

/// A persisted preference a panel changes.
#[derive(Debug, Clone, PartialEq)]
pub enum Pref {
    /// Collapse the quiet gaps on the time axis.
    CollapseGaps(bool),
    /// Show the territory chart.
    ShowChart(bool),
    /// Compare the date on screen with an earlier one.
    Compare(bool),
    /// The earlier date of the comparison.
    CompareFrom(Date),
    /// Show the step summaries in Arabic.
    ArabicSummary(bool),
    /// The reader's text size, points.
    ReaderTextSize(f32),
}

impl App {
    /// Apply the queued commands.
    pub fn apply(&mut self, ctx: &egui::Context) {
        let loc = self.settings.locale();
        for c in std::mem::take(&mut self.commands) {
            match c {
                Command::Time(t) => {
                    // A dragged or typed date shows its states at once.
                    if matches!(t, TimeCommand::SetDate(_) | TimeCommand::DayBy(_)) {
                        self.fades.snap = true;
                    }
                    self.time.apply(&self.session.ds, t);
                }
                Command::Select(id) => self.selected = id,
                Command::FitMap => self.map.camera = None,
                Command::ShowPlace(id) => {
                    let extent = self
                        .session
                        .ds
                        .map
                        .feature(&id)
                        .and_then(crate::scene::display::bbox_of)
                        .map(|b| Extent {
                            west: b.min[0],
                            south: b.min[1],
                            east: b.max[0],
                            north: b.max[1],
                        });
                    if extent.is_some() {
                        self.fly_to(ctx, extent);
                    }
                }
                Command::ZoomBy(f) => self.zoom_by(f),
                Command::ChoosePath(purpose) => {
                    let name = export_ui::default_name(self, &purpose);
                    match super::super::files::pick_in(ctx, purpose, name, loc) {
                        Ok(picker) => self.windows.picker = Some(picker),
                        Err(purpose) => export_ui::open_prompt(self, purpose),
                    }
                }
                Command::PromptPath(purpose) => export_ui::open_prompt(self, purpose),
                Command::PathChosen(purpose, path, overwrite) => {
                    export_ui::run(self, ctx, purpose, path, overwrite)
                }
                Command::ShowExport(kind) => {
                    self.windows.export_dialog = Some(export_ui::Dialog::new(
                        kind,
                        self.settings.names,
                        self.settings.theme,
                    ));
                }
                Command::OpenFolder(p) => self.open_folder(ctx, &p),
                Command::ToggleShortcuts => {
                    self.windows.show_shortcuts = !self.windows.show_shortcuts
                }
                Command::ShowAbout => self.windows.show_about = true,
                Command::ToggleTable => self.windows.show_table = !self.windows.show_table,
                Command::OpenCitation(id) => {
                    if let Some(c) = self.session.ds.citation(&id) {
                        let now = ctx.input(|i| i.time);
                        self.settings.reader.open = true;
                        self.settings.reader.source = Some(c.source.clone());
                        self.reader.scroll_to = Some(c.byte_range.clone());
                        self.reader.flash = Some((c.byte_range.clone(), now));
                    }
                }
                Command::OpenSource(id) => {
                    if self.session.ds.source(&id).is_some() {
                        self.settings.reader.open = true;
                        self.settings.reader.source = Some(id);
                    }
                }
                Command::CopyCitation(id) => {
                    if let Some(text) = crate::model::cite::reference(&self.session.ds, &id, loc) {
                        ctx.copy_text(text);
                        self.windows.notice =
                            Some(tr_args(loc, "app-copied", &[("id", id.into())]));
                    }
                }
                Command::ShowClaimVersions(id) => self.reader.claim_versions = Some(id),
                Command::Find => {
                    self.settings.reader.open = true;
                    if self.settings.reader.source.is_none() {
                        self.settings.reader.source =
                            self.session.ds.sources.first().map(|s| s.id.clone());
                    }
                    self.reader.focus_find = true;
                }
                Command::StartPresenting { from_current } => {
                    let tour = self.chosen_tour();
                    let pos = if from_current {
                        nearest_stop(&tour, self.time.step())
                    } else {
                        0
                    };
                    self.start_presenting(ctx, tour, pos, false);
                }
                Command::StopPresenting => self.stop_presenting(ctx),
                Command::Present(pc) => {
                    let moved = self.present.presenter.as_mut().is_some_and(|p| p.apply(pc));
                    if moved {
                        self.show_stop(ctx);
                    }
                }
                Command::ToggleSpeaker => self.present.show_speaker = !self.present.show_speaker,
                Command::OpenBundled => self.open_bundled(ctx),
                Command::Reload => self.reload(ctx),
                Command::ClearRecent => self.settings.recent.clear(),
                Command::ChooseTour(id) => {
                    self.session.tour_file = None;
                    let tour = match id {
                        Some(id) => self.session.ds.tours.iter().find(|t| t.id == id).cloned(),
                        None => None,
                    };
                    self.choose_tour(ctx, tour);
                }
                Command::OpenTourFile(path) => match load_tour_file(&path, &self.session.ds) {
                    Ok(t) => {
                        self.session.tour_file = Some(path.clone());
                        self.windows.notice = Some(tr_args(
                            loc,
                            "app-tour-opened",
                            &[
                                ("title", t.title.get(loc.lang.tag()).into()),
                                ("count", t.stops.len().into()),
                                ("path", path.display().to_string().into()),
                            ],
                        ));
                        self.choose_tour(ctx, Some(t));
                    }
                    Err(e) => {
                        let title = Msg::new("app-tour-failed").text("path", path.display());
                        self.windows.errors = Some(ErrorReport::load(title, e));
                    }
                },
                Command::Escape => self.escape(),
                Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
                Command::Pref(p) => self.set_pref(p),
                Command::Settings(s) => {
                    let theme = self.settings.theme != s.theme
                        || self.settings.reduce_motion() != s.reduce_motion();
                    self.settings = *s;
                    if theme {
                        self.apply_theme(ctx);
                    }
                }
                Command::ShowSettings => self.windows.show_settings = true,
                Command::ShowPassage { source, range } => {
                    if self.session.ds.source(&source).is_some() {
                        self.settings.reader.open = true;
                        self.settings.reader.source = Some(source);
                        self.reader.scroll_to = Some(range);
                    }
                }
                Command::CloseReader => self.settings.reader.open = false,
                Command::ToggleReaderPopOut => {
                    self.settings.reader.popped_out = !self.settings.reader.popped_out;
                    // The passage in view stays in view in the other window.
                    self.reader.keep_place();
                }
            }
        }
    }

    /// Esc: the window on top closes first; with none open, the selection
    /// is cleared.
    fn escape(&mut self) {
        let w = &mut self.windows;
        if w.show_shortcuts {
            w.show_shortcuts = false;
        } else if w.show_settings {
            w.show_settings = false;
        } else if w.show_about {
            w.show_about = false;
        } else if w.show_table {
            w.show_table = false;
        } else if w.notice.is_some() {
            w.notice = None;
        } else {
            self.selected = None;
        }
    }

    /// Change one persisted preference.
    fn set_pref(&mut self, p: Pref) {
        let s = &mut self.settings;
        match p {
            Pref::CollapseGaps(on) => s.collapse_gaps = on,
            Pref::ShowChart(on) => s.show_chart = on,
            Pref::Compare(on) => s.compare = on,
            Pref::CompareFrom(d) => s.compare_from = Some(d.iso()),
            Pref::ArabicSummary(on) => s.arabic_summary = on,
            Pref::ReaderTextSize(size) => s.reader.text_size = size,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    //! `App::apply` driven without a window: one test per command family.

    use super::*;
    use crate::model::load_bundled;
    use crate::scene::projection::Camera;
    use crate::ui::ViewerOptions;

    fn app() -> App {
        App::with_settings(
            load_bundled().unwrap(),
            Settings::default(),
            &ViewerOptions::default(),
        )
    }

    fn run(app: &mut App, commands: impl IntoIterator<Item = Command>) {
        let ctx = egui::Context::default();
        for c in commands {
            app.push(c);
        }
        app.apply(&ctx);
    }

    fn step(app: &App, id: &str) -> usize {
        app.dataset().step_index(id).unwrap()
    }

    #[test]
    fn time_commands_move_the_date_and_step() {
        let mut a = app();
        let lachin = step(&a, "lachin-handover");
        run(&mut a, [Command::Time(TimeCommand::GoToStep(lachin))]);
        assert_eq!(a.time().step(), Some(lachin));
        assert_eq!(a.time().date().iso(), "2020-12-01");
        run(&mut a, [Command::Time(TimeCommand::PrevStep)]);
        assert_eq!(a.time().step(), Some(lachin - 1));
    }

    #[test]
    fn map_commands_select_fit_and_zoom() {
        let mut a = app();
        run(&mut a, [Command::Select(Some("lachin".into()))]);
        assert_eq!(a.selected(), Some("lachin"));
        run(&mut a, [Command::Select(None)]);
        assert_eq!(a.selected(), None);
        let cam = Camera {
            center: [46.5, 39.7],
            zoom: 2000.0,
        };
        a.map.camera = Some(cam);
        a.map.last_map = Some((
            egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(800.0, 600.0)),
            cam,
        ));
        run(&mut a, [Command::ZoomBy(1.25)]);
        let zoomed = a.camera().unwrap();
        assert!(zoomed.zoom > cam.zoom, "{zoomed:?}");
        run(&mut a, [Command::FitMap]);
        assert_eq!(a.camera(), None);
    }

    #[test]
    fn reader_commands_open_scroll_pop_out_and_close() {
        let mut a = app();
        run(
            &mut a,
            [Command::OpenCitation("putin-ceasefire-000".into())],
        );
        let c = a.dataset().citation("putin-ceasefire-000").unwrap().clone();
        assert!(a.settings.reader.open);
        assert_eq!(a.settings.reader.source.as_deref(), Some(c.source.as_str()));
        assert_eq!(a.reader().scroll_to, Some(c.byte_range.clone()));
        // The passage in view stays in view in the popped-out window.
        a.reader.scroll_to = None;
        a.reader.in_view = Some(c.byte_range.clone());
        run(&mut a, [Command::ToggleReaderPopOut]);
        assert!(a.settings.reader.popped_out);
        assert_eq!(a.reader().scroll_to, Some(c.byte_range.clone()));
        let other = a.dataset().sources[1].id.clone();
        run(
            &mut a,
            [Command::ShowPassage {
                source: other.clone(),
                range: 3..9,
            }],
        );
        assert_eq!(a.settings.reader.source.as_deref(), Some(other.as_str()));
        assert_eq!(a.reader().scroll_to, Some(3..9));
        run(
            &mut a,
            [Command::ShowClaimVersions("x".into()), Command::Find],
        );
        assert_eq!(a.reader().claim_versions.as_deref(), Some("x"));
        assert!(a.reader().focus_find);
        run(&mut a, [Command::CloseReader]);
        assert!(!a.settings.reader.open);
        // An unknown citation or source changes nothing.
        run(&mut a, [Command::OpenSource("no-such-source".into())]);
        assert!(!a.settings.reader.open);
    }

    #[test]
    fn preference_and_settings_commands_change_the_settings() {
        let mut a = app();
        let d = Date::parse("2020-11-20").unwrap();
        run(
            &mut a,
            [
                Command::Pref(Pref::CollapseGaps(false)),
                Command::Pref(Pref::ShowChart(false)),
                Command::Pref(Pref::Compare(true)),
                Command::Pref(Pref::CompareFrom(d)),
                Command::Pref(Pref::ArabicSummary(true)),
                Command::Pref(Pref::ReaderTextSize(21.0)),
            ],
        );
        let s = a.settings();
        assert!(!s.collapse_gaps && !s.show_chart && s.compare && s.arabic_summary);
        assert_eq!(s.compare_from.as_deref(), Some("2020-11-20"));
        assert!((s.reader.text_size - 21.0).abs() < f32::EPSILON);
        let dark = Settings {
            theme: crate::scene::style::ThemeKind::Dark,
            ..a.settings.clone()
        };
        run(&mut a, [Command::Settings(Box::new(dark))]);
        assert_eq!(
            a.style.background,
            crate::scene::style::Style::new(crate::scene::style::ThemeKind::Dark).background
        );
        a.settings.recent = vec!["/tmp/x".into()];
        run(&mut a, [Command::ClearRecent]);
        assert!(a.settings.recent.is_empty());
    }

    #[test]
    fn escape_closes_the_window_on_top_before_clearing_the_selection() {
        let mut a = app();
        run(
            &mut a,
            [
                Command::Select(Some("lachin".into())),
                Command::ShowAbout,
                Command::ToggleShortcuts,
            ],
        );
        run(&mut a, [Command::Escape]);
        assert!(!a.windows.show_shortcuts && a.windows.show_about);
        run(&mut a, [Command::Escape]);
        assert!(!a.windows.show_about);
        assert_eq!(a.selected(), Some("lachin"));
        run(&mut a, [Command::Escape]);
        assert_eq!(a.selected(), None);
    }

    #[test]
    fn window_commands_show_and_hide_windows() {
        let mut a = app();
        run(
            &mut a,
            [
                Command::ToggleShortcuts,
                Command::ShowAbout,
                Command::ShowSettings,
            ],
        );
        assert!(a.windows.show_shortcuts && a.windows.show_about && a.windows.show_settings);
        run(&mut a, [Command::ToggleShortcuts]);
        assert!(!a.windows.show_shortcuts);
        run(&mut a, [Command::ShowExport(export_ui::Kind::Figure)]);
        assert!(a.windows.export_dialog.is_some());
    }

    #[test]
    fn presenting_borrows_the_view_and_gives_it_back() {
        let mut a = app();
        let before = step(&a, "ceasefire-2020");
        let cam = Camera {
            center: [46.6, 39.6],
            zoom: 3000.0,
        };
        a.map.camera = Some(cam);
        run(
            &mut a,
            [
                Command::Time(TimeCommand::GoToStep(before)),
                Command::Select(Some("aghdam".into())),
                Command::StartPresenting {
                    from_current: false,
                },
            ],
        );
        assert!(a.presenter().is_some());
        assert_eq!(a.selected(), None);
        run(
            &mut a,
            [
                Command::Present(PresentCommand::Last),
                Command::ToggleSpeaker,
            ],
        );
        assert!(a.speaker_shown());
        assert_ne!(a.time().step(), Some(before));
        run(&mut a, [Command::StopPresenting]);
        assert!(a.presenter().is_none());
        assert_eq!(a.time().step(), Some(before));
        assert_eq!(a.camera(), Some(cam));
        assert_eq!(a.selected(), Some("aghdam"));
        run(&mut a, [Command::ChooseTour(Some("handovers".into()))]);
        assert_eq!(a.chosen_tour().id, "handovers");
    }

    #[test]
    fn dataset_commands_keep_a_view_per_dataset() {
        let synthetic =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/synthetic");
        let mut a = app();
        let lachin = step(&a, "lachin-handover");
        run(&mut a, [Command::Time(TimeCommand::GoToStep(lachin))]);
        run(&mut a, [Command::OpenFolder(synthetic.clone())]);
        assert_eq!(a.dataset().steps[0].id, "baseline");
        assert_eq!(a.time().step(), Some(0));
        assert_eq!(a.camera(), None);
        run(&mut a, [Command::OpenBundled]);
        assert_eq!(a.time().step(), Some(lachin));
        // A folder that is not a dataset leaves the dataset on screen.
        run(&mut a, [Command::OpenFolder(synthetic.join("sources"))]);
        assert!(a.reload_errors().is_some());
        assert_eq!(a.time().step(), Some(lachin));
    }
}
