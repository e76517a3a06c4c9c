//! The application: state, commands, and the frame loop. Panels push
//! [`Command`]s; [`App::apply`] runs them once per frame, after drawing.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc;

use egui::{Key, Modifiers};

use super::export_ui;
use super::files::{Job, Picked, Picker, Prompt, Purpose};
use super::persist::{KEY, Settings};
use super::reader::{ReaderIndex, ReaderState};
use super::screenshot::{self, Outcome};
use super::{map_panel, menus, reader, step_card, time_panel};
use crate::cli::{GuiArgs, NamesArg, ThemeArg};
use crate::control::{TimeCommand, TimeControl, step_date};
use crate::model::area::{Areas, Band, Series, areas, series, uncertainty_bands};
use crate::model::state::{PlaceState, state_at};
use crate::model::types::Origin;
use crate::model::{Dataset, Date, load_folder};
use crate::scene::display::{MapCache, NameLang, state_fill};
use crate::scene::projection::Camera;
use crate::scene::style::{Rgba, Style, ThemeKind, mix};

/// How long a colour cross-fade lasts, seconds.
pub const FADE_SECS: f64 = 0.45;

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
}

struct Fade {
    from: Rgba,
    to: Rgba,
    start: f64,
}

/// A pending `--screenshot`.
struct ScreenshotPlan {
    path: PathBuf,
    force: bool,
    requested: bool,
}

/// The viewer.
pub struct App {
    pub(crate) ds: Dataset,
    pub(crate) cache: MapCache,
    pub(crate) time: TimeControl,
    pub(crate) settings: Settings,
    pub(crate) style: Style,
    pub(crate) states: Vec<PlaceState>,
    /// `None` means "fit to the places of interest".
    pub(crate) camera: Option<Camera>,
    pub(crate) selected: Option<String>,
    pub(crate) hovered: Option<String>,
    pub(crate) fills: HashMap<String, Rgba>,
    pub(crate) commands: Vec<Command>,
    pub(crate) show_shortcuts: bool,
    pub(crate) show_about: bool,
    pub(crate) notice: Option<String>,
    pub(crate) errors: Option<(String, Vec<String>)>,
    /// The in-app path prompt.
    pub(crate) prompt: Option<Prompt>,
    /// A native dialog that is open.
    pub(crate) picker: Option<Picker>,
    /// The export dialog.
    pub(crate) export_dialog: Option<export_ui::Dialog>,
    /// A running export.
    pub(crate) job: Option<Job>,
    /// A window screenshot being written: where, and its outcome.
    shot: Option<mpsc::Receiver<Result<PathBuf, String>>>,
    /// The map's last viewport and camera, for the screenshot metadata.
    pub(crate) last_map: Option<(egui::Rect, Camera)>,
    /// Where the legend was drawn (screenshot metadata: not map pixels).
    pub(crate) last_legend: Option<egui::Rect>,
    /// Whether the legend is open; `None` follows the map's width.
    pub(crate) legend_open: Option<bool>,
    /// The reader's transient state.
    pub(crate) reader: ReaderState,
    /// Per-dataset lookups for the reader.
    pub(crate) reader_index: ReaderIndex,
    /// Geodesic areas of the tracked places.
    pub(crate) areas: Areas,
    /// Totals by controller at every step.
    pub(crate) area_series: Series,
    /// Where undated changes leave the totals uncertain.
    pub(crate) area_bands: Vec<Band>,
    fades: HashMap<String, Fade>,
    last_time: Option<f64>,
    screenshot: Option<ScreenshotPlan>,
    outcome: Outcome,
    frames: u32,
    states_for: Option<Date>,
}

/// Areas, their series at every step and the bands of undated changes.
fn area_data(ds: &Dataset) -> (Areas, Series, Vec<Band>) {
    let a = areas(ds);
    let s = series(ds, &a);
    let b = uncertainty_bands(ds, &a);
    (a, s, b)
}

/// The earlier date of the comparison: the stored one if it is in the
/// dataset, else the step before the current one, else the start.
#[must_use]
pub fn compare_from(app: &App) -> Date {
    app.settings
        .compare_from
        .as_deref()
        .and_then(|s| Date::parse(s).ok())
        .filter(|d| app.ds.coverage.contains(*d))
        .unwrap_or_else(|| {
            app.time
                .step()
                .and_then(|i| i.checked_sub(1))
                .and_then(|i| step_date(&app.ds, i))
                .unwrap_or(app.ds.coverage.from)
        })
}

/// The window title: the app and the dataset.
#[must_use]
pub fn window_title(ds: &Dataset) -> String {
    match &ds.origin {
        Origin::Bundled => format!("karabakh-atlas — {}", ds.title.en()),
        Origin::Folder(p) => format!("karabakh-atlas — {} ({})", ds.title.en(), p.display()),
    }
}

impl App {
    /// Create the app for `ds`, with the window's flags and the screenshot
    /// outcome to report into.
    #[must_use]
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        ds: Dataset,
        args: &GuiArgs,
        outcome: Outcome,
    ) -> Self {
        super::text::install_fonts(&cc.egui_ctx);
        let scripted = args.screenshot.is_some();
        let (settings, notice) = if scripted {
            (Settings::default(), None)
        } else {
            let stored = cc.storage.and_then(|s| s.get_string(KEY));
            Settings::from_stored(stored.as_deref())
        };
        let mut app = Self::with_settings(ds, settings, args);
        app.notice = notice;
        if let Some(c) = &args.cite {
            app.commands.push(Command::OpenCitation(c.clone()));
        }
        app.outcome = outcome;
        app.screenshot = args.screenshot.clone().map(|path| ScreenshotPlan {
            path,
            force: args.force,
            requested: false,
        });
        app.apply_theme(&cc.egui_ctx);
        app
    }

    /// Create the app without a window (tests, benchmarks).
    #[must_use]
    pub fn with_settings(ds: Dataset, mut settings: Settings, args: &GuiArgs) -> Self {
        if let Some(n) = args.names {
            settings.names = match n {
                NamesArg::En => NameLang::En,
                NamesArg::Az => NameLang::Az,
                NamesArg::Ar => NameLang::Ar,
                NamesArg::Hy => NameLang::Hy,
            };
        }
        if let Some(t) = args.theme {
            settings.theme = match t {
                ThemeArg::Light => ThemeKind::Light,
                ThemeArg::Dark => ThemeKind::Dark,
            };
        }
        let mut time = TimeControl::new(&ds, settings.playback);
        if let Some(n) = args.step.filter(|n| (1..=ds.steps.len()).contains(n)) {
            time.apply(&ds, TimeCommand::GoToStep(n - 1));
        } else if let Some(d) = args.date {
            time.apply(&ds, TimeCommand::SetDate(d));
        } else if let Some(d) = settings.date.as_deref().and_then(|s| Date::parse(s).ok()) {
            match settings.step {
                Some(i) if step_date(&ds, i) == Some(d) => {
                    time.apply(&ds, TimeCommand::GoToStep(i))
                }
                _ => time.apply(&ds, TimeCommand::SetDate(d)),
            }
        }
        let camera = if args.screenshot.is_some() {
            None
        } else {
            settings.camera
        };
        let cache = MapCache::new(&ds);
        let reader_index = ReaderIndex::new(&ds);
        let (areas, area_series, area_bands) = area_data(&ds);
        let style = Style::new(settings.theme);
        Self {
            ds,
            cache,
            time,
            style,
            settings,
            states: Vec::new(),
            camera,
            selected: None,
            hovered: None,
            fills: HashMap::new(),
            commands: Vec::new(),
            show_shortcuts: false,
            show_about: false,
            notice: None,
            errors: None,
            prompt: None,
            picker: None,
            export_dialog: None,
            job: None,
            shot: None,
            last_map: None,
            last_legend: None,
            legend_open: None,
            reader: ReaderState::default(),
            reader_index,
            areas,
            area_series,
            area_bands,
            fades: HashMap::new(),
            last_time: None,
            screenshot: None,
            outcome: Outcome::default(),
            frames: 0,
            states_for: None,
        }
    }

    /// The dataset on screen.
    #[must_use]
    pub fn dataset(&self) -> &Dataset {
        &self.ds
    }

    /// The time control.
    #[must_use]
    pub fn time(&self) -> &TimeControl {
        &self.time
    }

    /// The selected place.
    #[must_use]
    pub fn selected(&self) -> Option<&str> {
        self.selected.as_deref()
    }

    /// The map's viewport and camera in the last frame.
    #[must_use]
    pub fn last_map(&self) -> Option<(egui::Rect, Camera)> {
        self.last_map
    }

    /// The place named in the source reader under the pointer, which the map
    /// outlines.
    #[must_use]
    pub fn reader_hovered_place(&self) -> Option<&str> {
        self.reader.hovered_place.as_deref()
    }

    /// The settings as they would be saved now.
    #[must_use]
    pub fn settings(&self) -> Settings {
        let mut s = self.settings.clone();
        s.date = Some(self.time.date().iso());
        s.step = self.time.step();
        s.camera = self.camera;
        s.playback = self.time.prefs();
        s
    }

    /// Queue a command.
    pub fn push(&mut self, c: Command) {
        self.commands.push(c);
    }

    pub(crate) fn apply_theme(&mut self, ctx: &egui::Context) {
        self.style = Style::new(self.settings.theme);
        ctx.set_theme(match self.settings.theme {
            ThemeKind::Light => egui::Theme::Light,
            ThemeKind::Dark => egui::Theme::Dark,
        });
    }

    fn refresh_states(&mut self) {
        let date = self.time.date();
        if self.states_for != Some(date) {
            self.states = state_at(&self.ds, date);
            self.states_for = Some(date);
        }
    }

    /// Update the cross-faded fills; returns whether a fade is still running.
    fn update_fills(&mut self, now: f64) -> bool {
        let mut animating = false;
        for s in &self.states {
            let target = state_fill(&self.ds, &self.style, s).0;
            let fade = self.fades.entry(s.id.clone()).or_insert(Fade {
                from: target,
                to: target,
                start: now,
            });
            let t = |f: &Fade| ((now - f.start) / FADE_SECS).clamp(0.0, 1.0) as f32;
            if fade.to != target {
                let shown = mix(fade.from, fade.to, t(fade));
                *fade = Fade {
                    from: shown,
                    to: target,
                    start: now,
                };
            }
            let progress = t(fade);
            animating |= progress < 1.0 && fade.from != fade.to;
            self.fills
                .insert(s.id.clone(), mix(fade.from, fade.to, progress));
        }
        animating
    }

    fn keyboard(&mut self, ctx: &egui::Context) {
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        let mut cmds = Vec::new();
        ctx.input_mut(|i| {
            let mut key = |m: Modifiers, k: Key, c: Command| {
                if i.consume_key(m, k) {
                    cmds.push(c);
                }
            };
            key(
                Modifiers::SHIFT,
                Key::ArrowRight,
                Command::Time(TimeCommand::DayBy(1)),
            );
            key(
                Modifiers::SHIFT,
                Key::ArrowLeft,
                Command::Time(TimeCommand::DayBy(-1)),
            );
            key(
                Modifiers::NONE,
                Key::ArrowRight,
                Command::Time(TimeCommand::NextStep),
            );
            key(
                Modifiers::NONE,
                Key::ArrowLeft,
                Command::Time(TimeCommand::PrevStep),
            );
            key(
                Modifiers::NONE,
                Key::Home,
                Command::Time(TimeCommand::First),
            );
            key(Modifiers::NONE, Key::End, Command::Time(TimeCommand::Last));
            key(
                Modifiers::NONE,
                Key::Space,
                Command::Time(TimeCommand::TogglePlay),
            );
            key(Modifiers::NONE, Key::Plus, Command::ZoomBy(1.25));
            key(Modifiers::NONE, Key::Equals, Command::ZoomBy(1.25));
            key(Modifiers::NONE, Key::Minus, Command::ZoomBy(0.8));
            key(Modifiers::NONE, Key::Escape, Command::Select(None));
            key(
                Modifiers::SHIFT,
                Key::Questionmark,
                Command::ToggleShortcuts,
            );
            key(Modifiers::NONE, Key::Questionmark, Command::ToggleShortcuts);
            key(Modifiers::NONE, Key::F1, Command::ToggleShortcuts);
        });
        let find = ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::F));
        if find {
            cmds.push(Command::Find);
        }
        let shot = ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND | Modifiers::SHIFT, Key::S));
        if shot {
            cmds.push(Command::ChoosePath(Purpose::SaveScreenshot));
        }
        self.commands.extend(cmds);
    }

    /// Apply the queued commands.
    pub fn apply(&mut self, ctx: &egui::Context) {
        for c in std::mem::take(&mut self.commands) {
            match c {
                Command::Time(t) => self.time.apply(&self.ds, t),
                Command::Select(id) => self.selected = id,
                Command::FitMap => self.camera = None,
                Command::ZoomBy(f) => map_panel::zoom_by(self, f),
                Command::ChoosePath(purpose) => {
                    let name = export_ui::default_name(self, &purpose);
                    match super::files::pick(ctx, purpose, name) {
                        Ok(picker) => self.picker = Some(picker),
                        Err(purpose) => export_ui::open_prompt(self, purpose),
                    }
                }
                Command::PromptPath(purpose) => export_ui::open_prompt(self, purpose),
                Command::PathChosen(purpose, path, overwrite) => {
                    export_ui::run(self, ctx, purpose, path, overwrite)
                }
                Command::ShowExport(kind) => {
                    self.export_dialog = Some(export_ui::Dialog::new(
                        kind,
                        self.settings.names,
                        self.settings.theme,
                    ));
                }
                Command::OpenFolder(p) => self.open_folder(ctx, &p),
                Command::ToggleShortcuts => self.show_shortcuts = !self.show_shortcuts,
                Command::ShowAbout => self.show_about = true,
                Command::OpenCitation(id) => {
                    if let Some(c) = self.ds.citation(&id) {
                        let now = ctx.input(|i| i.time);
                        self.settings.reader.open = true;
                        self.settings.reader.source = Some(c.source.clone());
                        self.reader.scroll_to = Some(c.byte_range.clone());
                        self.reader.flash = Some((c.byte_range.clone(), now));
                    }
                }
                Command::OpenSource(id) => {
                    if self.ds.source(&id).is_some() {
                        self.settings.reader.open = true;
                        self.settings.reader.source = Some(id);
                    }
                }
                Command::CopyCitation(id) => {
                    if let Some(text) = crate::model::cite::reference(&self.ds, &id) {
                        ctx.copy_text(text);
                        self.notice =
                            Some(format!("Copied the reference and exact quote of {id}."));
                    }
                }
                Command::CompareClaim(id) => self.reader.compare = Some(id),
                Command::Find => {
                    self.settings.reader.open = true;
                    if self.settings.reader.source.is_none() {
                        self.settings.reader.source = self.ds.sources.first().map(|s| s.id.clone());
                    }
                    self.reader.focus_find = true;
                }
            }
        }
    }

    fn poll_picker(&mut self) {
        let Some(picker) = &self.picker else { return };
        match picker.poll() {
            Picked::Waiting => {}
            Picked::Path(purpose, path) => {
                self.picker = None;
                // The native save dialog asked about replacing the file.
                self.commands.push(Command::PathChosen(purpose, path, true));
            }
            Picked::Cancelled => self.picker = None,
            Picked::Unavailable(purpose) => {
                self.picker = None;
                export_ui::open_prompt(self, purpose);
            }
        }
    }

    /// Write the window as it is to `path` as a PNG (after the next frame).
    pub fn save_window_shot(&mut self, ctx: &egui::Context, path: PathBuf, overwrite: bool) {
        if let Err(e) = screenshot::check_target(&path, overwrite) {
            self.errors = Some(("Could not save the screenshot".to_owned(), vec![e]));
            return;
        }
        let (tx, rx) = mpsc::channel();
        let repaint = ctx.clone();
        ctx.request_screenshot(move |image| {
            let [w, h] = image.size;
            let bytes = screenshot::rgba_bytes(&image);
            let (w, h) = (u32::try_from(w).unwrap_or(0), u32::try_from(h).unwrap_or(0));
            let text = [(
                "Software",
                format!("karabakh-atlas {}", env!("CARGO_PKG_VERSION")),
            )];
            let r =
                screenshot::write_png(&path, w, h, &bytes, &text, overwrite).map(|()| path.clone());
            let _ = tx.send(r);
            repaint.request_repaint();
        });
        self.shot = Some(rx);
    }

    fn poll_window_shot(&mut self) {
        let Some(rx) = &self.shot else { return };
        match rx.try_recv() {
            Ok(Ok(path)) => {
                self.shot = None;
                self.notice = Some(format!("Saved the window to {}", path.display()));
            }
            Ok(Err(e)) => {
                self.shot = None;
                self.errors = Some(("Could not save the screenshot".to_owned(), vec![e]));
            }
            Err(mpsc::TryRecvError::Empty) => {}
            Err(mpsc::TryRecvError::Disconnected) => self.shot = None,
        }
    }

    /// Load the dataset in `path`; on failure keep the current one and show
    /// every error.
    pub fn open_folder(&mut self, ctx: &egui::Context, path: &std::path::Path) {
        match load_folder(path) {
            Ok(ds) => {
                let date = self.time.date();
                self.time = TimeControl::new(&ds, self.time.prefs());
                if ds.coverage.contains(date) {
                    self.time.apply(&ds, TimeCommand::SetDate(date));
                }
                self.cache = MapCache::new(&ds);
                self.reader_index = ReaderIndex::new(&ds);
                (self.areas, self.area_series, self.area_bands) = area_data(&ds);
                self.reader = ReaderState::default();
                if self
                    .settings
                    .reader
                    .source
                    .as_ref()
                    .is_some_and(|s| ds.source(s).is_none())
                {
                    self.settings.reader.source = None;
                }
                self.ds = ds;
                self.camera = None;
                self.selected = None;
                self.fades.clear();
                self.states_for = None;
                self.errors = None;
                ctx.send_viewport_cmd(egui::ViewportCommand::Title(window_title(&self.ds)));
            }
            Err(e) => {
                self.errors = Some((
                    format!("Could not open the dataset in {}", path.display()),
                    e.diagnostics.iter().map(ToString::to_string).collect(),
                ));
            }
        }
    }

    fn screenshot_step(&mut self, ctx: &egui::Context, animating: bool) {
        let Some(plan) = &mut self.screenshot else {
            return;
        };
        if self.outcome.is_set() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        ctx.request_repaint();
        if plan.requested || self.frames < screenshot::SETTLE_FRAMES || animating {
            return;
        }
        plan.requested = true;
        let path = plan.path.clone();
        let force = plan.force;
        let outcome = self.outcome.clone();
        let mut text = vec![
            (
                "Software",
                format!("karabakh-atlas {}", env!("CARGO_PKG_VERSION")),
            ),
            ("karabakh-atlas:date", self.time.date().iso()),
            (
                "karabakh-atlas:step",
                self.time
                    .step()
                    .map_or(String::new(), |s| (s + 1).to_string()),
            ),
            (
                "karabakh-atlas:pixels-per-point",
                ctx.pixels_per_point().to_string(),
            ),
            ("karabakh-atlas:ref-lat", self.cache.ref_lat.to_string()),
            (
                "karabakh-atlas:theme",
                format!("{:?}", self.settings.theme).to_lowercase(),
            ),
        ];
        if let Some((rect, cam)) = self.last_map {
            text.push((
                "karabakh-atlas:map-viewport",
                format!(
                    "{} {} {} {}",
                    rect.min.x,
                    rect.min.y,
                    rect.width(),
                    rect.height()
                ),
            ));
            text.push((
                "karabakh-atlas:camera",
                format!("{} {} {}", cam.center[0], cam.center[1], cam.zoom),
            ));
        }
        if let Some(r) = self.reader.last_rect {
            text.push((
                "karabakh-atlas:reader",
                format!("{} {} {} {}", r.min.x, r.min.y, r.width(), r.height()),
            ));
        }
        if let Some(r) = self.last_legend.filter(|_| self.settings.show_legend) {
            text.push((
                "karabakh-atlas:legend",
                format!("{} {} {} {}", r.min.x, r.min.y, r.width(), r.height()),
            ));
        }
        let repaint = ctx.clone();
        ctx.request_screenshot(move |image| {
            let [w, h] = image.size;
            let bytes = screenshot::rgba_bytes(&image);
            let (w, h) = (u32::try_from(w).unwrap_or(0), u32::try_from(h).unwrap_or(0));
            let r = screenshot::write_png(&path, w, h, &bytes, &text, force).map(|()| path.clone());
            outcome.set(r);
            repaint.request_repaint();
        });
    }

    fn windows(&mut self, ctx: &egui::Context) {
        menus::shortcuts_window(ctx, &mut self.show_shortcuts);
        menus::about_window(ctx, &mut self.show_about, &self.ds, &self.areas);
        if let Some(msg) = self.notice.clone() {
            let mut open = true;
            egui::Window::new("Notice")
                .open(&mut open)
                .collapsible(false)
                .show(ctx, |ui| {
                    ui.label(&msg);
                });
            if !open {
                self.notice = None;
            }
        }
        if let Some((title, lines)) = self.errors.clone() {
            let mut open = true;
            egui::Window::new("Dataset errors").open(&mut open).default_width(640.0).show(ctx, |ui| {
                ui.label(egui::RichText::new(&title).strong());
                ui.label("The dataset on screen is unchanged. Fix these problems and open the folder again:");
                egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                    for l in &lines {
                        ui.label(egui::RichText::new(l).monospace());
                    }
                });
            });
            if !open {
                self.errors = None;
            }
        }
        export_ui::dialog_window(ctx, self);
        export_ui::prompt_window(ctx, self);
        export_ui::progress_window(ctx, self);
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        super::probe::on_frame(ui.ctx());
        let ctx = ui.ctx().clone();
        let now = ctx.input(|i| i.time);
        let dt = self.last_time.map_or(0.0, |t| (now - t).max(0.0));
        self.last_time = Some(now);
        self.frames = self.frames.saturating_add(1);

        let next_auto = self.time.update(&self.ds, dt as f32);
        self.poll_picker();
        self.poll_window_shot();
        self.keyboard(&ctx);
        self.refresh_states();
        let animating = self.update_fills(now);

        egui::Panel::top("menu_bar").show(ui, |ui| menus::bar(ui, self));
        if self.settings.show_time_panel {
            egui::Panel::bottom("time_panel")
                .resizable(true)
                .default_size(if self.settings.show_chart {
                    340.0
                } else {
                    150.0
                })
                .min_size(110.0)
                .show(ui, |ui| time_panel::ui(ui, self));
        }
        if self.settings.show_step_card {
            egui::Panel::right("step_card")
                .resizable(true)
                .default_size(380.0)
                .min_size(240.0)
                .show(ui, |ui| step_card::ui(ui, self));
        }
        self.reader.last_rect = None;
        if self.settings.reader.open && !self.settings.reader.popped_out {
            egui::Panel::right("reader")
                .resizable(true)
                .default_size(440.0)
                .min_size(260.0)
                .show(ui, |ui| reader::ui(ui, self));
        }
        egui::CentralPanel::no_frame().show(ui, |ui| map_panel::ui(ui, self));
        if self.settings.reader.open && self.settings.reader.popped_out {
            let builder = egui::ViewportBuilder::default()
                .with_title(format!("Source reader — {}", window_title(&self.ds)))
                .with_inner_size([640.0, 820.0]);
            let closed = ctx.show_viewport_immediate(
                egui::ViewportId::from_hash_of("karabakh-atlas-reader"),
                builder,
                |ui, _class| {
                    egui::CentralPanel::default().show(ui, |ui| reader::ui(ui, self));
                    ui.ctx().input(|i| i.viewport().close_requested())
                },
            );
            if closed {
                self.settings.reader.popped_out = false;
            }
        }
        self.windows(&ctx);

        let before = (self.time.date(), self.selected.clone());
        self.apply(&ctx);
        if (self.time.date(), self.selected.clone()) != before {
            ctx.request_repaint();
        }
        if let Some(secs) = next_auto {
            ctx.request_repaint_after(std::time::Duration::from_secs_f32(secs));
        }
        if animating || self.picker.is_some() || self.shot.is_some() || self.reader.animating {
            ctx.request_repaint();
        }
        self.screenshot_step(&ctx, animating || self.reader.animating);
        if self.screenshot.is_some() && self.outcome.is_set() {
            screenshot::flush();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshot.is_none() {
            storage.set_string(KEY, self.settings().to_stored());
        }
    }

    fn persist_egui_memory(&self) -> bool {
        self.screenshot.is_none()
    }
}
