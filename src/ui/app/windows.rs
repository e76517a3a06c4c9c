//! The windows over the viewer and their state: the notice, the errors
//! (kept as messages, rendered in the interface language of the moment),
//! the shortcuts, About and settings windows, the export dialogs and their
//! jobs, the path prompt and native dialogs, and the window title.

use std::path::PathBuf;
use std::sync::mpsc;

use super::super::export_ui;
use super::super::files::{Job, Picked, Picker, Prompt};
use super::super::{menus, places_table, settings_window};
use super::{App, Command, window_title};
use crate::i18n::{tr, tr_args};
use crate::model::diag::{Diagnostic, LoadError, Msg};

/// The windows' and dialogs' state.
#[derive(Default)]
pub struct Windows {
    /// Whether the keyboard shortcuts are shown.
    pub show_shortcuts: bool,
    /// Whether About is shown.
    pub show_about: bool,
    /// Whether the settings window is shown.
    pub show_settings: bool,
    /// Whether the table of places is shown.
    pub show_table: bool,
    /// A notice for the user.
    pub notice: Option<String>,
    /// Problems to report.
    pub errors: Option<ErrorReport>,
    /// The in-app path prompt.
    pub prompt: Option<Prompt>,
    /// A native dialog that is open.
    pub picker: Option<Picker>,
    /// The export dialog.
    pub export_dialog: Option<export_ui::Dialog>,
    /// A running export.
    pub job: Option<Job>,
    /// A window screenshot being written: where, and its outcome.
    pub(crate) shot: Option<mpsc::Receiver<Result<PathBuf, Msg>>>,
    /// The last reload's outcome, shown in the menu bar.
    pub reload_status: Option<String>,
}

impl App {
    /// Take the path a native dialog returned, if it has.
    pub(super) fn poll_picker(&mut self) {
        let Some(picker) = &self.windows.picker else {
            return;
        };
        match picker.poll() {
            Picked::Waiting => {}
            Picked::Path(purpose, path) => {
                self.windows.picker = None;
                // The native save dialog asked about replacing the file.
                self.commands.push(Command::PathChosen(purpose, path, true));
            }
            Picked::Cancelled => self.windows.picker = None,
            Picked::Unavailable(purpose) => {
                self.windows.picker = None;
                export_ui::open_prompt(self, purpose);
            }
        }
    }

    /// The window title for what is on screen: the dataset, and while
    /// presenting the stop (so the taskbar and a capture tool name it).
    pub(super) fn title(&self) -> String {
        let loc = self.settings.locale();
        let window = window_title(&self.session.ds, loc.lang);
        let Some(p) = &self.present.presenter else {
            return window;
        };
        let step = p.step().and_then(|i| self.session.ds.steps.get(i));
        tr_args(
            loc,
            "app-title-presenting",
            &[
                ("window", window.into()),
                ("n", (p.position() + 1).into()),
                ("total", p.len().into()),
                (
                    "step",
                    step.map_or("", |s| s.title.get(loc.lang.tag())).into(),
                ),
            ],
        )
    }

    /// Send the window title when it changes (dataset, stop or language).
    pub(super) fn sync_title(&mut self, ctx: &egui::Context) {
        let title = self.title();
        if self.frame.sent_title.as_ref() != Some(&title) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.frame.sent_title = Some(title);
        }
    }

    /// While files are dragged over the window, say what dropping does.
    pub(super) fn drop_hint(&self, ctx: &egui::Context) {
        let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
        if !hovering {
            return;
        }
        let painter = ctx.layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::unique("drop-hint"),
        ));
        let rect = ctx.content_rect();
        painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
        let text = tr(self.settings.locale(), "app-drop-hint");
        let job = super::super::text::line_job(
            &text,
            egui::FontId::proportional(24.0),
            egui::Color32::WHITE,
        );
        let galley = ctx.fonts_mut(|f| f.layout_job(job));
        let at = egui::Align2::CENTER_CENTER.anchor_size(rect.center(), galley.size());
        painter.galley(at.min, galley, egui::Color32::WHITE);
    }

    /// The windows over the viewer: the drop hint, shortcuts, About,
    /// settings, the notice, the errors and the export dialogs.
    pub(super) fn windows(&mut self, ctx: &egui::Context) {
        let loc = self.settings.locale();
        self.drop_hint(ctx);
        menus::shortcuts_window(ctx, &self.settings, &mut self.windows.show_shortcuts);
        menus::about_window(
            ctx,
            &mut self.windows.show_about,
            &self.session.ds,
            &self.session.areas,
            loc,
        );
        let shared = shared!(self);
        places_table::window(ctx, &shared, &mut self.windows.show_table);
        if let Some(s) =
            settings_window::window(ctx, &self.settings, &mut self.windows.show_settings)
        {
            self.commands.push(Command::Settings(Box::new(s)));
        }
        if let Some(msg) = self.windows.notice.clone() {
            let mut open = true;
            super::super::i18n::bounded(
                ctx,
                egui::Window::new(super::super::i18n::window_title(
                    ctx,
                    &tr(loc, "app-notice"),
                )),
            )
            .id(egui::Id::unique("notice-window"))
            .open(&mut open)
            .collapsible(false)
            .show(ctx, |ui| {
                super::super::i18n::column(ui, loc, |ui| {
                    super::super::i18n::Txt::new(msg).label(ui);
                });
            });
            if !open {
                self.windows.notice = None;
            }
        }
        if let Some(report) = &self.windows.errors {
            let (title, lines) = report.render(loc);
            let diagnostics = report.diagnostics.len();
            let intro = if report.live {
                "app-errors-intro-live"
            } else {
                "app-errors-intro"
            };
            let mut open = true;
            super::super::i18n::bounded(
                ctx,
                egui::Window::new(super::super::i18n::window_title(
                    ctx,
                    &tr(loc, "app-errors"),
                )),
            )
            .id(egui::Id::unique("errors-window"))
            .open(&mut open)
            .collapsible(false)
            .default_width(640.0)
            .show(ctx, |ui| {
                super::super::i18n::column(ui, loc, |ui| {
                    super::super::i18n::Txt::new(title).strong().label(ui);
                    super::super::i18n::Txt::new(tr(loc, intro)).label(ui);
                });
                // The problems as the loader reports them: file:line:column
                // first, left to right; monospace unless the line holds
                // right-to-left text, which needs the bidi layout (and
                // the proportional fonts that have Arabic glyphs).
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        for l in &lines[..diagnostics] {
                            let line = super::super::i18n::Txt::new(l.as_str());
                            if line.needs_bidi() {
                                line.label(ui);
                            } else {
                                ui.label(egui::RichText::new(l).monospace());
                            }
                        }
                        super::super::i18n::column(ui, loc, |ui| {
                            for l in &lines[diagnostics..] {
                                super::super::i18n::Txt::new(l.as_str()).label(ui);
                            }
                        });
                    });
            });
            if !open {
                self.windows.errors = None;
            }
        }
        export_ui::dialog_window(ctx, self);
        export_ui::prompt_window(ctx, self);
        export_ui::progress_window(ctx, self);
    }
}

/// What the errors window shows: what failed, and why, kept as messages so
/// the window speaks the interface language of the moment (switching
/// language while it is open re-renders it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorReport {
    /// What failed ("Could not open the dataset in …").
    pub title: Msg,
    /// The dataset's or tour's diagnostics, each `file:line:column: …`.
    pub diagnostics: Vec<Diagnostic>,
    /// Other problems and advice, after the diagnostics.
    pub notes: Vec<Msg>,
    /// The folder is watched: saving a fix reloads it without asking.
    pub live: bool,
}

impl ErrorReport {
    /// A dataset or tour that could not be loaded.
    #[must_use]
    pub fn load(title: Msg, e: LoadError) -> Self {
        Self {
            title,
            diagnostics: e.diagnostics,
            notes: Vec::new(),
            live: false,
        }
    }

    /// Another failure, with its messages.
    #[must_use]
    pub fn other(title: Msg, notes: Vec<Msg>) -> Self {
        Self {
            title,
            diagnostics: Vec::new(),
            notes,
            live: false,
        }
    }

    /// The title and the lines (the diagnostics, then the notes) in `loc`.
    #[must_use]
    pub fn render(&self, loc: crate::i18n::Locale) -> (String, Vec<String>) {
        let lines = self
            .diagnostics
            .iter()
            .map(|d| d.render(loc))
            .chain(self.notes.iter().map(|m| m.render(loc)))
            .collect();
        (self.title.render(loc), lines)
    }
}
