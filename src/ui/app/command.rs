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
    /// Open the reader on a citation's passage, scrolled to it and flashing.
    OpenCitation(String),
    /// Open the reader on a source.
    OpenSource(String),
    /// Copy a citation's reference and exact quote to the clipboard.
    CopyCitation(String),
    /// Show every version of a claim side by side.
    CompareClaim(String),
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
                Command::Time(t) => self.time.apply(&self.session.ds, t),
                Command::Select(id) => self.selected = id,
                Command::FitMap => self.map.camera = None,
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
                Command::ToggleShortcuts => self.windows.show_shortcuts = !self.windows.show_shortcuts,
                Command::ShowAbout => self.windows.show_about = true,
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
                        self.windows.notice = Some(tr_args(loc, "app-copied", &[("id", id.into())]));
                    }
                }
                Command::CompareClaim(id) => self.reader.compare = Some(id),
                Command::Find => {
                    self.settings.reader.open = true;
                    if self.settings.reader.source.is_none() {
                        self.settings.reader.source = self.session.ds.sources.first().map(|s| s.id.clone());
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
                Command::Pref(p) => self.set_pref(p),
                Command::Settings(s) => {
                    let theme = self.settings.theme != s.theme;
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
