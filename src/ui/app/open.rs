//! Opening datasets: a folder, the bundled one, a reload after an edit,
//! what was dropped on the window, the folder's watch, the recent list, and
//! each dataset's remembered view.
//!
//! Opening another dataset saves the view of the one on screen under its
//! key and builds a new [`Session`]; the new dataset gets its own view back,
//! or, the first time, its first step with all its places in view. A reload
//! builds a new session too but keeps the view where it still applies.

use std::path::Path;

use super::super::persist::DatasetView;
use super::super::reader::ReaderState;
use super::super::watch::{FolderWatch, Watched};
use super::{App, Command, ErrorReport, Session};
use crate::control::{TimeCommand, TimeControl};
use crate::i18n::{tr, tr_args};
use crate::model::diag::Msg;
use crate::model::tour::load_tour_file;
use crate::model::types::Origin;
use crate::model::{Dataset, Date, load_folder};
use crate::present::Presenter;

/// How many recent datasets the File menu lists.
pub const RECENT_MAX: usize = 8;

/// Put `path` first in the recent list, without repeats, keeping at most
/// [`RECENT_MAX`].
pub fn remember_recent(recent: &mut Vec<String>, path: &Path) {
    let p = std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string();
    recent.retain(|r| *r != p);
    recent.insert(0, p);
    recent.truncate(RECENT_MAX);
}

/// What to do with a path dropped on the window: a folder is a dataset; a
/// file that a dataset folder holds opens that folder; any other file is
/// taken as a tour.
#[must_use]
pub fn dropped_command(path: &Path) -> Command {
    if path.is_dir() {
        return Command::OpenFolder(path.to_path_buf());
    }
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let parent = path.parent().map(Path::to_path_buf);
    match parent {
        Some(dir) if crate::model::load::REQUIRED_FILES.contains(&name) => Command::OpenFolder(dir),
        _ => Command::OpenTourFile(path.to_path_buf()),
    }
}

impl App {
    /// The view of the dataset on screen, as it is remembered.
    pub(super) fn current_view(&self) -> DatasetView {
        DatasetView {
            date: Some(self.time.date().iso()),
            step: self.time.step(),
            camera: self.map.camera,
            selected: self.selected.clone(),
            reader_open: self.settings.reader.open,
            reader_source: self.settings.reader.source.clone(),
            compare_from: self.settings.compare_from.clone(),
        }
    }

    /// Put the remembered view of the session's dataset on screen, or, for
    /// a dataset seen for the first time, its first step with its places in
    /// view and nothing selected or open.
    pub(super) fn restore_view(&mut self) {
        let ds = &self.session.ds;
        let view = self
            .settings
            .views
            .get(&self.session.view_key())
            .cloned()
            .unwrap_or_default();
        self.time = TimeControl::new(ds, self.time.prefs());
        if let Some(d) = view
            .date
            .as_deref()
            .and_then(|s| Date::parse(s).ok())
            .filter(|d| ds.coverage.contains(*d))
        {
            match view.step {
                Some(i) if ds.step_date(i) == Some(d) => {
                    self.time.apply(ds, TimeCommand::GoToStep(i));
                }
                _ => self.time.apply(ds, TimeCommand::SetDate(d)),
            }
        }
        self.map.camera = view.camera;
        self.map.flight = None;
        self.selected = view.selected.filter(|id| ds.place(id).is_some());
        let source = view.reader_source.filter(|s| ds.source(s).is_some());
        self.settings.reader.open = view.reader_open && source.is_some();
        self.settings.reader.source = source;
        self.settings.compare_from = view.compare_from;
        self.reader = ReaderState::default();
    }

    /// Load the dataset in `path`; on failure keep the current one and show
    /// every error.
    pub fn open_folder(&mut self, ctx: &egui::Context, path: &Path) {
        match load_folder(path) {
            Ok(ds) => {
                self.replace_dataset(ctx, ds, false);
                remember_recent(&mut self.settings.recent, path);
            }
            Err(e) => {
                let title = Msg::new("app-open-failed").text("path", path.display());
                self.windows.errors = Some(ErrorReport::load(title, e));
            }
        }
    }

    /// Load the watched folder again after an edit. On failure the last good
    /// dataset stays on screen and the errors are shown.
    pub fn reload(&mut self, ctx: &egui::Context) {
        let Origin::Folder(path) = self.session.ds.origin.clone() else {
            return;
        };
        let loc = self.settings.locale();
        match load_folder(&path) {
            Ok(ds) => {
                self.replace_dataset(ctx, ds, true);
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                self.windows.reload_status =
                    Some(tr_args(loc, "app-reloaded", &[("name", name.into())]));
            }
            Err(e) => {
                self.windows.reload_status = Some(tr(loc, "app-reload-has-errors"));
                let title = Msg::new("app-reload-errors").text("path", path.display());
                self.windows.errors = Some(ErrorReport {
                    live: self.session.watch.is_some(),
                    ..ErrorReport::load(title, e)
                });
            }
        }
    }

    /// Put `ds` on screen in a new session. A reload (`keep_view`) keeps
    /// the date, the selection, the camera, the reader and the presentation
    /// where they still apply; opening another dataset saves this one's
    /// view and restores the other's.
    fn replace_dataset(&mut self, ctx: &egui::Context, ds: Dataset, keep_view: bool) {
        let session = Session::new(ds);
        if keep_view {
            self.reload_into(ctx, session);
            return;
        }
        if self.present.presenter.is_some() {
            self.stop_presenting(ctx);
        }
        let key = self.session.view_key();
        let view = self.current_view();
        self.settings.views.insert(key, view);
        self.session = session;
        self.restore_view();
        self.fades = super::Fades::default();
        self.windows.errors = None;
    }

    /// A reload: the new session of the same folder, with the view kept.
    fn reload_into(&mut self, ctx: &egui::Context, mut session: Session) {
        let ds = &session.ds;
        let date = self.time.date();
        let step = self.time.step();
        let playing = self.time.is_playing();
        let mut time = TimeControl::new(ds, self.time.prefs());
        match step.filter(|&i| ds.step_date(i) == Some(date)) {
            Some(i) => time.apply(ds, TimeCommand::GoToStep(i)),
            None if ds.coverage.contains(date) => time.apply(ds, TimeCommand::SetDate(date)),
            None => {}
        }
        if playing {
            time.apply(ds, TimeCommand::TogglePlay);
        }
        self.time = time;
        let flash = self.reader.flash.take();
        self.reader = ReaderState {
            flash,
            ..ReaderState::default()
        };
        if self
            .settings
            .reader
            .source
            .as_ref()
            .is_some_and(|s| ds.source(s).is_none())
        {
            self.settings.reader.source = None;
        }
        if self
            .selected
            .as_ref()
            .is_some_and(|id| ds.place(id).is_none())
        {
            self.selected = None;
        }
        // The chosen tour: a dataset's tour is taken from the new dataset,
        // a tour file is read again against it.
        session.tour = match (self.session.tour.take(), self.session.tour_file.take()) {
            (Some(_), Some(f)) => {
                let t = load_tour_file(&f, ds).ok();
                session.tour_file = Some(f);
                t
            }
            (Some(t), None) => ds.tours.iter().find(|d| d.id == t.id).cloned(),
            _ => None,
        };
        // The same folder: its watch carries on.
        session.watch = self.session.watch.take();
        self.session = session;
        self.fades = super::Fades::default();
        self.windows.errors = None;
        if self.present.presenter.is_some() {
            let tour = self.chosen_tour();
            let pos = self
                .present
                .presenter
                .as_ref()
                .map_or(0, Presenter::position)
                .min(tour.stops.len().saturating_sub(1));
            if let Some(p) = &mut self.present.presenter {
                p.replace_tour(tour, pos);
            }
            self.show_stop(ctx);
        }
    }

    /// Put the bundled dataset back on screen.
    pub fn open_bundled(&mut self, ctx: &egui::Context) {
        match crate::model::load_bundled() {
            Ok(ds) => self.replace_dataset(ctx, ds, false),
            Err(e) => {
                self.windows.errors = Some(ErrorReport::load(Msg::new("app-bundled-failed"), e));
            }
        }
    }

    /// Keep the watch on the dataset's folder, and reload after an edit.
    pub(super) fn watch_folder(&mut self, ctx: &egui::Context) {
        let Origin::Folder(path) = &self.session.ds.origin else {
            return;
        };
        let current = self
            .session
            .watch
            .as_ref()
            .is_some_and(|w| w.folder() == path);
        if !current && !self.session.watch_failed {
            let wake = ctx.clone();
            match FolderWatch::new(path, move || wake.request_repaint()) {
                Ok(w) => self.session.watch = Some(w),
                Err(e) => {
                    self.session.watch = None;
                    self.session.watch_failed = true;
                    let loc = self.settings.locale();
                    let menu = tr_args(
                        loc,
                        "menu-path",
                        &[
                            ("menu", tr(loc, "menu-file").into()),
                            ("item", tr(loc, "menu-reload").into()),
                        ],
                    );
                    self.windows.notice = Some(tr_args(
                        loc,
                        "app-watch-failed",
                        &[
                            ("path", path.display().to_string().into()),
                            ("error", e.render(loc).into()),
                            ("menu", menu.into()),
                        ],
                    ));
                }
            }
        }
        let Some(w) = &mut self.session.watch else {
            return;
        };
        match w.poll() {
            Watched::Quiet => {}
            Watched::Settling(wait) => ctx.request_repaint_after(wait),
            Watched::Changed => self.reload(ctx),
        }
    }

    /// Open what was dropped on the window: a dataset folder (or a file in
    /// one), or a tour file.
    pub(super) fn dropped(&mut self, ctx: &egui::Context) {
        let files = ctx.input(|i| i.raw.dropped_files.clone());
        if let Some(f) = files.first() {
            self.commands.push(dropped_command(f.path()));
        }
    }
}
