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
use super::watch::{FolderWatch, Watched};
use super::{map_panel, menus, reader, settings_window, step_card, time_panel};
use crate::cli::{GuiArgs, ThemeArg};
use crate::control::{TimeCommand, TimeControl, step_date};
use crate::i18n::{Lang, tr, tr_args};
use crate::model::area::{Areas, Band, Series, areas, series, uncertainty_bands};
use crate::model::diag::{Diagnostic, LoadError, Msg};
use crate::model::state::{PlaceState, state_at};
use crate::model::tour::{default_tour, load_tour_file, resolve_gui_tour, step_extent};
use crate::model::types::Origin;
use crate::model::types::{Extent, Tour};
use crate::model::{Dataset, Date, load_folder};
use crate::present::{PresentCommand, Presenter};
use crate::scene::display::{MapCache, state_fill};
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
}

/// How many recent datasets the File menu lists.
pub const RECENT_MAX: usize = 8;

/// Put `path` first in the recent list, without repeats, keeping at most
/// [`RECENT_MAX`].
pub fn remember_recent(recent: &mut Vec<String>, path: &std::path::Path) {
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
pub fn dropped_command(path: &std::path::Path) -> Command {
    if path.is_dir() {
        return Command::OpenFolder(path.to_path_buf());
    }
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let parent = path.parent().map(std::path::Path::to_path_buf);
    match parent {
        Some(dir) if crate::model::load::REQUIRED_FILES.contains(&name) => Command::OpenFolder(dir),
        _ => Command::OpenTourFile(path.to_path_buf()),
    }
}

/// A camera flight to a stop's extent (`None`: everything).
pub(crate) struct Flight {
    pub(crate) from: Camera,
    pub(crate) extent: Option<Extent>,
    pub(crate) start: f64,
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
    /// Whether the settings window is shown.
    pub(crate) show_settings: bool,
    pub(crate) notice: Option<String>,
    pub(crate) errors: Option<ErrorReport>,
    /// The in-app path prompt.
    pub(crate) prompt: Option<Prompt>,
    /// A native dialog that is open.
    pub(crate) picker: Option<Picker>,
    /// The export dialog.
    pub(crate) export_dialog: Option<export_ui::Dialog>,
    /// A running export.
    pub(crate) job: Option<Job>,
    /// A window screenshot being written: where, and its outcome.
    shot: Option<mpsc::Receiver<Result<PathBuf, Msg>>>,
    /// The map's last viewport and camera, for the screenshot metadata.
    pub(crate) last_map: Option<(egui::Rect, Camera)>,
    /// Where the legend was drawn (screenshot metadata: not map pixels).
    pub(crate) last_legend: Option<egui::Rect>,
    /// Where the presenter's caption was drawn (screenshot metadata).
    pub(crate) last_caption: Option<egui::Rect>,
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
    /// The tour being presented, when in presenter mode.
    pub(crate) presenter: Option<Presenter>,
    /// The tour chosen for presenting (`None`: every step in order).
    pub(crate) tour: Option<Tour>,
    /// Whether the speaker window is shown (while presenting).
    pub(crate) show_speaker: bool,
    /// A camera flight under way.
    pub(crate) flight: Option<Flight>,
    /// The tour file chosen, read again on a reload.
    pub(crate) tour_file: Option<PathBuf>,
    /// The watch on the dataset folder (live reload).
    watch: Option<FolderWatch>,
    /// A folder that could not be watched (not retried every frame).
    watch_failed: Option<PathBuf>,
    /// The last reload's outcome, shown in the menu bar.
    pub(crate) reload_status: Option<String>,
    /// The window title last sent to the windowing system.
    sent_title: Option<String>,
    /// When the pointer last moved (presenter mode hides it when still).
    last_pointer_move: f64,
    /// Start presenting on the first frame (`--present`, `--autoplay`),
    /// at this stop.
    present_at_start: Option<(usize, bool)>,
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

/// The stop of `tour` showing `step`, else the last stop before it, else the
/// first.
#[must_use]
pub fn nearest_stop(tour: &Tour, step: Option<usize>) -> usize {
    let Some(step) = step else { return 0 };
    tour.stop_of_step(step)
        .or_else(|| {
            tour.stops
                .iter()
                .enumerate()
                .filter(|(_, s)| s.step < step)
                .max_by_key(|(_, s)| s.step)
                .map(|(i, _)| i)
        })
        .unwrap_or(0)
}

/// The window title: the app and the dataset's title in `lang` (and the
/// folder it came from).
#[must_use]
pub fn window_title(ds: &Dataset, lang: Lang) -> String {
    let name = menus::APP_NAME;
    let title = ds.title.get(lang.tag());
    match &ds.origin {
        Origin::Bundled => format!("{name} — {title}"),
        Origin::Folder(p) => format!("{name} — {title} ({})", p.display()),
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
        let (settings, unreadable) = if scripted {
            (Settings::default(), None)
        } else {
            let stored = cc.storage.and_then(|s| s.get_string(KEY));
            Settings::from_stored(stored.as_deref())
        };
        let mut app = Self::with_settings(ds, settings, args);
        app.notice = unreadable.map(|u| u.notice(app.settings.locale()));
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
        super::i18n::apply_args(&mut settings, args);
        if let Some(n) = args.names {
            settings.names = n;
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
        let mut app = Self {
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
            show_settings: false,
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
            last_caption: None,
            reader: ReaderState::default(),
            reader_index,
            areas,
            area_series,
            area_bands,
            presenter: None,
            tour: None,
            show_speaker: false,
            flight: None,
            last_pointer_move: 0.0,
            tour_file: None,
            watch: None,
            watch_failed: None,
            reload_status: None,
            sent_title: None,
            present_at_start: None,
            fades: HashMap::new(),
            last_time: None,
            screenshot: None,
            outcome: Outcome::default(),
            frames: 0,
            states_for: None,
        };
        app.apply_tour_args(args);
        app
    }

    /// `--tour`, `--present`, `--autoplay` and `--step` together: choose the
    /// tour and where presenting starts. A bad tour file is shown as an error
    /// (the command line checks it before the window opens).
    fn apply_tour_args(&mut self, args: &GuiArgs) {
        let mut pos = 0;
        match resolve_gui_tour(&self.ds, args) {
            Ok(Some((tour, at))) => {
                self.tour = Some(tour);
                pos = at;
            }
            Ok(None) => {
                if let Some(step) = args.step.and_then(|n| n.checked_sub(1)) {
                    pos = default_tour(&self.ds).stop_of_step(step).unwrap_or(0);
                }
            }
            Err(e) => {
                self.errors = Some(ErrorReport::load(Msg::new("app-tour-args-failed"), e));
            }
        }
        if args.present || args.autoplay {
            self.present_at_start = Some((pos, args.autoplay));
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

    /// The problems shown in the errors window: its title and lines, in
    /// the interface language of the moment.
    #[must_use]
    pub fn reload_errors(&self) -> Option<(String, Vec<String>)> {
        self.errors
            .as_ref()
            .map(|r| r.render(self.settings.locale()))
    }

    /// The tour being presented, when in presenter mode.
    #[must_use]
    pub fn presenter(&self) -> Option<&Presenter> {
        self.presenter.as_ref()
    }

    /// Whether the speaker window is shown.
    #[must_use]
    pub fn speaker_shown(&self) -> bool {
        self.presenter.is_some() && self.show_speaker
    }

    /// The tour chosen for presenting.
    #[must_use]
    pub fn chosen_tour(&self) -> Tour {
        self.tour.clone().unwrap_or_else(|| default_tour(&self.ds))
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
        // The arrow pointing the way time runs on the axis, as the user
        // sees it, moves later (right to left in Arabic by default).
        let (later, earlier) = time_panel::visual_step_keys(&self.settings);
        let menu_open = egui::Popup::is_any_open(ctx);
        ctx.input_mut(|i| {
            let mut key = |m: Modifiers, k: Key, c: Command| {
                if i.consume_key(m, k) {
                    cmds.push(c);
                }
            };
            key(
                Modifiers::SHIFT,
                later,
                Command::Time(TimeCommand::DayBy(1)),
            );
            key(
                Modifiers::SHIFT,
                earlier,
                Command::Time(TimeCommand::DayBy(-1)),
            );
            key(Modifiers::NONE, later, Command::Time(TimeCommand::NextStep));
            key(
                Modifiers::NONE,
                earlier,
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
            // Esc closes an open menu first.
            if !menu_open {
                key(Modifiers::NONE, Key::Escape, Command::Select(None));
            }
            key(
                Modifiers::SHIFT,
                Key::Questionmark,
                Command::ToggleShortcuts,
            );
            key(Modifiers::NONE, Key::Questionmark, Command::ToggleShortcuts);
            key(Modifiers::NONE, Key::F1, Command::ToggleShortcuts);
        });
        let present = ctx.input_mut(|i| {
            if i.consume_key(Modifiers::SHIFT, Key::F5) {
                Some(true)
            } else if i.consume_key(Modifiers::NONE, Key::F5) {
                Some(false)
            } else {
                None
            }
        });
        if let Some(from_current) = present {
            cmds.push(Command::StartPresenting { from_current });
        }
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
        let loc = self.settings.locale();
        for c in std::mem::take(&mut self.commands) {
            match c {
                Command::Time(t) => self.time.apply(&self.ds, t),
                Command::Select(id) => self.selected = id,
                Command::FitMap => self.camera = None,
                Command::ZoomBy(f) => map_panel::zoom_by(self, f),
                Command::ChoosePath(purpose) => {
                    let name = export_ui::default_name(self, &purpose);
                    match super::files::pick_in(ctx, purpose, name, loc) {
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
                    if let Some(text) = crate::model::cite::reference(&self.ds, &id, loc) {
                        ctx.copy_text(text);
                        self.notice = Some(tr_args(loc, "app-copied", &[("id", id.into())]));
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
                    let moved = self.presenter.as_mut().is_some_and(|p| p.apply(pc));
                    if moved {
                        self.show_stop(ctx);
                    }
                }
                Command::ToggleSpeaker => self.show_speaker = !self.show_speaker,
                Command::OpenBundled => self.open_bundled(ctx),
                Command::Reload => self.reload(ctx),
                Command::ClearRecent => self.settings.recent.clear(),
                Command::ChooseTour(id) => {
                    self.tour_file = None;
                    let tour = match id {
                        Some(id) => self.ds.tours.iter().find(|t| t.id == id).cloned(),
                        None => None,
                    };
                    self.choose_tour(ctx, tour);
                }
                Command::OpenTourFile(path) => match load_tour_file(&path, &self.ds) {
                    Ok(t) => {
                        self.tour_file = Some(path.clone());
                        self.notice = Some(tr_args(
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
                        self.errors = Some(ErrorReport::load(title, e));
                    }
                },
            }
        }
    }

    /// Choose the tour to present; while presenting, restart it.
    fn choose_tour(&mut self, ctx: &egui::Context, tour: Option<Tour>) {
        self.tour = tour;
        if self.presenter.is_some() {
            let tour = self.chosen_tour();
            let pos = nearest_stop(&tour, self.time.step());
            if let Some(p) = &mut self.presenter {
                p.replace_tour(tour, pos);
            }
            self.show_stop(ctx);
        }
    }

    /// Enter presenter mode with `tour` at stop `pos`.
    fn start_presenting(&mut self, ctx: &egui::Context, tour: Tour, pos: usize, autoplay: bool) {
        if tour.stops.is_empty() {
            let loc = self.settings.locale();
            self.notice = Some(tr_args(
                loc,
                "app-tour-empty",
                &[("title", tour.title.get(loc.lang.tag()).into())],
            ));
            return;
        }
        let mut p = Presenter::new(tour, pos);
        if autoplay {
            p.apply(PresentCommand::ToggleAutoplay);
        }
        self.presenter = Some(p);
        self.selected = None;
        self.show_shortcuts = false;
        self.last_pointer_move = ctx.input(|i| i.time);
        if self.screenshot.is_none() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        }
        self.show_stop(ctx);
    }

    /// Leave presenter mode.
    fn stop_presenting(&mut self, ctx: &egui::Context) {
        if self.presenter.take().is_some() && self.screenshot.is_none() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        }
        self.show_speaker = false;
        self.flight = None;
    }

    /// Show the presenter's stop: its step, and a camera flight to its places.
    fn show_stop(&mut self, ctx: &egui::Context) {
        let Some(step) = self.presenter.as_ref().and_then(Presenter::step) else {
            return;
        };
        self.time.apply(&self.ds, TimeCommand::GoToStep(step));
        let extent = step_extent(&self.ds, step);
        let now = ctx.input(|i| i.time);
        self.flight = match self.last_map {
            Some((_, from)) => Some(Flight {
                from,
                extent,
                start: now,
            }),
            None => {
                // No map drawn yet: start there.
                self.camera = None;
                Some(Flight {
                    from: Camera::default(),
                    extent,
                    start: now - f64::from(crate::present::FLY_SECS),
                })
            }
        };
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
            self.errors = Some(ErrorReport::other(
                Msg::new("app-screenshot-failed"),
                vec![e.msg()],
            ));
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
            let r = screenshot::write_png(&path, w, h, &bytes, &text, overwrite)
                .map(|()| path.clone())
                .map_err(|e| e.msg());
            let _ = tx.send(r);
            repaint.request_repaint();
        });
        self.shot = Some(rx);
    }

    fn poll_window_shot(&mut self) {
        let Some(rx) = &self.shot else { return };
        let loc = self.settings.locale();
        match rx.try_recv() {
            Ok(Ok(path)) => {
                self.shot = None;
                self.notice = Some(tr_args(
                    loc,
                    "app-screenshot-saved",
                    &[("path", path.display().to_string().into())],
                ));
            }
            Ok(Err(e)) => {
                self.shot = None;
                self.errors = Some(ErrorReport::other(
                    Msg::new("app-screenshot-failed"),
                    vec![e],
                ));
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
                self.replace_dataset(ctx, ds, false);
                remember_recent(&mut self.settings.recent, path);
            }
            Err(e) => {
                let title = Msg::new("app-open-failed").text("path", path.display());
                self.errors = Some(ErrorReport::load(title, e));
            }
        }
    }

    /// Load the watched folder again after an edit. On failure the last good
    /// dataset stays on screen and the errors are shown.
    pub fn reload(&mut self, ctx: &egui::Context) {
        let Origin::Folder(path) = self.ds.origin.clone() else {
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
                self.reload_status = Some(tr_args(loc, "app-reloaded", &[("name", name.into())]));
            }
            Err(e) => {
                self.reload_status = Some(tr(loc, "app-reload-has-errors"));
                let title = Msg::new("app-reload-errors").text("path", path.display());
                self.errors = Some(ErrorReport::load(title, e));
            }
        }
    }

    /// Put `ds` on screen. A reload (`keep_view`) keeps the date, the
    /// selection, the camera and the presentation where they still apply;
    /// opening another dataset starts afresh.
    fn replace_dataset(&mut self, ctx: &egui::Context, ds: Dataset, keep_view: bool) {
        let date = self.time.date();
        let step = self.time.step();
        let playing = self.time.is_playing();
        self.time = TimeControl::new(&ds, self.time.prefs());
        match step.filter(|&i| keep_view && step_date(&ds, i) == Some(date)) {
            Some(i) => self.time.apply(&ds, TimeCommand::GoToStep(i)),
            None if ds.coverage.contains(date) => {
                self.time.apply(&ds, TimeCommand::SetDate(date));
            }
            None => {}
        }
        if keep_view && playing {
            self.time.apply(&ds, TimeCommand::TogglePlay);
        }
        self.cache = MapCache::new(&ds);
        self.reader_index = ReaderIndex::new(&ds);
        (self.areas, self.area_series, self.area_bands) = area_data(&ds);
        let flash = self.reader.flash.take();
        self.reader = ReaderState::default();
        if keep_view {
            self.reader.flash = flash;
        }
        if self
            .settings
            .reader
            .source
            .as_ref()
            .is_some_and(|s| ds.source(s).is_none())
        {
            self.settings.reader.source = None;
        }
        if !keep_view
            || self
                .selected
                .as_ref()
                .is_some_and(|id| ds.place(id).is_none())
        {
            self.selected = None;
        }
        // The chosen tour: a dataset's tour is taken from the new dataset,
        // a tour file is read again against it.
        self.tour = match self.tour.take() {
            Some(t) if keep_view => match &self.tour_file {
                Some(f) => load_tour_file(f, &ds).ok(),
                None => ds.tours.iter().find(|d| d.id == t.id).cloned(),
            },
            _ => None,
        };
        if !keep_view {
            self.tour_file = None;
        }
        self.ds = ds;
        if !keep_view {
            self.camera = None;
        }
        self.fades.clear();
        self.states_for = None;
        self.errors = None;
        if self.presenter.is_some() {
            if keep_view {
                let tour = self.chosen_tour();
                let pos = self
                    .presenter
                    .as_ref()
                    .map_or(0, Presenter::position)
                    .min(tour.stops.len().saturating_sub(1));
                if let Some(p) = &mut self.presenter {
                    p.replace_tour(tour, pos);
                }
                self.show_stop(ctx);
            } else {
                self.stop_presenting(ctx);
            }
        }
    }

    /// Put the bundled dataset back on screen.
    pub fn open_bundled(&mut self, ctx: &egui::Context) {
        match crate::model::load_bundled() {
            Ok(ds) => self.replace_dataset(ctx, ds, false),
            Err(e) => {
                self.errors = Some(ErrorReport::load(Msg::new("app-bundled-failed"), e));
            }
        }
    }

    /// Keep the watch on the dataset's folder, and reload after an edit.
    fn watch_folder(&mut self, ctx: &egui::Context) {
        let Origin::Folder(path) = &self.ds.origin else {
            self.watch = None;
            return;
        };
        let current = self.watch.as_ref().is_some_and(|w| w.folder() == path);
        if !current && self.watch_failed.as_ref() != Some(path) {
            let wake = ctx.clone();
            match FolderWatch::new(path, move || wake.request_repaint()) {
                Ok(w) => self.watch = Some(w),
                Err(e) => {
                    self.watch = None;
                    self.watch_failed = Some(path.clone());
                    let loc = self.settings.locale();
                    let menu = tr_args(
                        loc,
                        "menu-path",
                        &[
                            ("menu", tr(loc, "menu-file").into()),
                            ("item", tr(loc, "menu-reload").into()),
                        ],
                    );
                    self.notice = Some(tr_args(
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
        let Some(w) = &mut self.watch else { return };
        match w.poll() {
            Watched::Quiet => {}
            Watched::Settling(wait) => ctx.request_repaint_after(wait),
            Watched::Changed => self.reload(ctx),
        }
    }

    /// Open what was dropped on the window: a dataset folder (or a file in
    /// one), or a tour file.
    fn dropped(&mut self, ctx: &egui::Context) {
        let files = ctx.input(|i| i.raw.dropped_files.clone());
        if let Some(f) = files.first() {
            self.commands.push(dropped_command(f.path()));
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
        if let Some(r) = self.last_caption.filter(|_| self.presenter.is_some()) {
            text.push((
                "karabakh-atlas:caption",
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
            let r = screenshot::write_png(&path, w, h, &bytes, &text, force)
                .map(|()| path.clone())
                .map_err(|e| e.to_string());
            outcome.set(r);
            repaint.request_repaint();
        });
    }

    /// A frame in presenter mode: the map and caption only, the speaker
    /// window if asked for, and the windows that report problems.
    fn present_frame(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &egui::Context,
        animating: bool,
        next_present: Option<f32>,
    ) {
        egui::CentralPanel::no_frame().show(ui, |ui| map_panel::ui(ui, self));
        if self.show_speaker && super::speaker::show(ctx, self) {
            self.show_speaker = false;
        }
        if let Some(secs) = next_present {
            ctx.request_repaint_after(std::time::Duration::from_secs_f32(secs.max(0.0)));
        }
        if self.show_speaker {
            // The speaker window's clocks tick once a second.
            ctx.request_repaint_after(std::time::Duration::from_secs(1));
        }
        if self.screenshot.is_none()
            && let Some(wait) = super::presenter::cursor(ctx, &mut self.last_pointer_move)
        {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
        }
        self.finish_frame(ctx, animating);
    }

    /// The end of every frame, presenting or not: the windows, the queued
    /// commands, the title, another frame while something moves (a
    /// cross-fade, a camera flight, a fresh change's highlight, the reader's
    /// flash, a dialog or screenshot under way), and a pending `--screenshot`.
    fn finish_frame(&mut self, ctx: &egui::Context, animating: bool) {
        self.windows(ctx);
        let before = (self.time.date(), self.selected.clone());
        self.apply(ctx);
        self.sync_title(ctx);
        let fresh = self
            .presenter
            .as_ref()
            .is_some_and(|p| p.freshness() > 0.0 && !p.blackout());
        let moving = animating || fresh || self.flight.is_some() || self.reader.animating;
        let changed = (self.time.date(), self.selected.clone()) != before;
        if changed || moving || self.picker.is_some() || self.shot.is_some() {
            ctx.request_repaint();
        }
        self.screenshot_step(ctx, moving);
        if self.screenshot.is_some() && self.outcome.is_set() {
            screenshot::flush();
        }
    }

    /// While files are dragged over the window, say what dropping does.
    fn drop_hint(&self, ctx: &egui::Context) {
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
        let job = super::text::line_job(
            &text,
            egui::FontId::proportional(24.0),
            egui::Color32::WHITE,
        );
        let galley = ctx.fonts_mut(|f| f.layout_job(job));
        let at = egui::Align2::CENTER_CENTER.anchor_size(rect.center(), galley.size());
        painter.galley(at.min, galley, egui::Color32::WHITE);
    }

    /// The window title for what is on screen: the dataset, and while
    /// presenting the stop (so the taskbar and a capture tool name it).
    fn title(&self) -> String {
        let loc = self.settings.locale();
        let window = window_title(&self.ds, loc.lang);
        let Some(p) = &self.presenter else {
            return window;
        };
        let step = p.step().and_then(|i| self.ds.steps.get(i));
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
    fn sync_title(&mut self, ctx: &egui::Context) {
        let title = self.title();
        if self.sent_title.as_ref() != Some(&title) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.sent_title = Some(title);
        }
    }

    fn windows(&mut self, ctx: &egui::Context) {
        let loc = self.settings.locale();
        self.drop_hint(ctx);
        menus::shortcuts_window(ctx, &self.settings, &mut self.show_shortcuts);
        menus::about_window(ctx, &mut self.show_about, &self.ds, &self.areas, loc);
        settings_window::window(ctx, &mut self.settings, &mut self.show_settings);
        if let Some(msg) = self.notice.clone() {
            let mut open = true;
            egui::Window::new(super::i18n::window_title(ctx, &tr(loc, "app-notice")))
                .id(egui::Id::unique("notice-window"))
                .open(&mut open)
                .collapsible(false)
                .show(ctx, |ui| {
                    super::i18n::column(ui, loc, |ui| {
                        super::i18n::Txt::new(msg).label(ui);
                    });
                });
            if !open {
                self.notice = None;
            }
        }
        if let Some(report) = &self.errors {
            let (title, lines) = report.render(loc);
            let diagnostics = report.diagnostics.len();
            let mut open = true;
            egui::Window::new(super::i18n::window_title(ctx, &tr(loc, "app-errors")))
                .id(egui::Id::unique("errors-window"))
                .open(&mut open)
                .collapsible(false)
                .default_width(640.0)
                .show(ctx, |ui| {
                    super::i18n::column(ui, loc, |ui| {
                        super::i18n::Txt::new(title).strong().label(ui);
                        super::i18n::Txt::new(tr(loc, "app-errors-intro")).label(ui);
                    });
                    // The problems as the loader reports them: file:line:column
                    // first, left to right; monospace unless the line holds
                    // right-to-left text, which needs the bidi layout (and
                    // the proportional fonts that have Arabic glyphs).
                    egui::ScrollArea::vertical()
                        .max_height(360.0)
                        .show(ui, |ui| {
                            for l in &lines[..diagnostics] {
                                let line = super::i18n::Txt::new(l.as_str());
                                if line.needs_bidi() {
                                    line.label(ui);
                                } else {
                                    ui.label(egui::RichText::new(l).monospace());
                                }
                            }
                            super::i18n::column(ui, loc, |ui| {
                                for l in &lines[diagnostics..] {
                                    super::i18n::Txt::new(l.as_str()).label(ui);
                                }
                            });
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

        if let Some((pos, autoplay)) = self.present_at_start.take() {
            let tour = self.chosen_tour();
            self.start_presenting(&ctx, tour, pos, autoplay);
        }
        let next_auto = self.time.update(&self.ds, dt as f32);
        let mut next_present = None;
        if let Some(p) = &mut self.presenter {
            let (moved, wake) = p.update(dt as f32);
            next_present = wake;
            if moved {
                self.show_stop(&ctx);
            }
        }
        self.poll_picker();
        self.poll_window_shot();
        self.watch_folder(&ctx);
        self.dropped(&ctx);
        if self.presenter.is_some() {
            let cmds = super::presenter::keys(&ctx, self);
            self.commands.extend(cmds);
        } else {
            self.keyboard(&ctx);
        }
        self.refresh_states();
        let animating = self.update_fills(now);
        if self.presenter.is_some() {
            self.present_frame(ui, &ctx, animating, next_present);
            return;
        }

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
        // The side panels sit at the side text starts: the right, or the
        // left in Arabic (the step card outermost, the reader beside it).
        let loc = self.settings.locale();
        let side = |id: &'static str| {
            if loc.is_rtl() {
                egui::Panel::left(id)
            } else {
                egui::Panel::right(id)
            }
        };
        if self.settings.show_step_card {
            side("step_card")
                .resizable(true)
                .default_size(380.0)
                .min_size(240.0)
                .show(ui, |ui| step_card::ui(ui, self));
        }
        self.reader.last_rect = None;
        if self.settings.reader.open && !self.settings.reader.popped_out {
            side("reader")
                .resizable(true)
                .default_size(440.0)
                .min_size(260.0)
                .show(ui, |ui| reader::ui(ui, self));
        }
        egui::CentralPanel::no_frame().show(ui, |ui| map_panel::ui(ui, self));
        if self.settings.reader.open && self.settings.reader.popped_out {
            let title = tr_args(
                loc,
                "app-reader-title",
                &[("window", window_title(&self.ds, loc.lang).into())],
            );
            let builder = egui::ViewportBuilder::default()
                .with_title(title)
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
        if let Some(secs) = next_auto {
            ctx.request_repaint_after(std::time::Duration::from_secs_f32(secs));
        }
        self.finish_frame(&ctx, animating);
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
}

impl ErrorReport {
    /// A dataset or tour that could not be loaded.
    #[must_use]
    pub fn load(title: Msg, e: LoadError) -> Self {
        Self {
            title,
            diagnostics: e.diagnostics,
            notes: Vec::new(),
        }
    }

    /// Another failure, with its messages.
    #[must_use]
    pub fn other(title: Msg, notes: Vec<Msg>) -> Self {
        Self {
            title,
            diagnostics: Vec::new(),
            notes,
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
