//! The application: its state, its frame loop and the pieces that meet
//! there.
//!
//! - [`session`]: one opened dataset and everything derived from it,
//!   replaced whole on open and reload;
//! - [`command`]: the [`Command`]s panels push and [`App::apply`], the one
//!   place that changes shared state;
//! - `keys`: the viewer's keyboard shortcuts, as commands;
//! - `open`: opening, reloading and watching datasets, and remembering
//!   each dataset's view;
//! - [`present_mode`]: entering and leaving presenter mode (restoring the
//!   view it borrowed) and moving between stops;
//! - `windows`: the notice and errors windows, and the dialogs;
//! - `shot`: window screenshots (`--screenshot` and *Save screenshot*);
//! - `inspect`: what the viewer shows, read without changing it (tests,
//!   benchmarks and the command line ask through these).
//!
//! Each frame, panels get a [`Shared`] view of the app (borrowed, read-only)
//! and their own state (`map_panel::MapView`, `reader::ReaderState`), and
//! push commands into the app's queue.

/// The [`Shared`] view of an app, borrowing only the fields it reads, so
/// a panel can take it beside a mutable borrow of its own state.
macro_rules! shared {
    ($app:ident) => {
        $crate::ui::app::Shared {
            ds: &$app.session.ds,
            cache: &$app.session.cache,
            states: &$app.session.states,
            areas: &$app.session.areas,
            area_series: &$app.session.area_series,
            area_bands: &$app.session.area_bands,
            reader_index: &$app.session.reader_index,
            time: &$app.time,
            settings: &$app.settings,
            style: &$app.style,
            fills: &$app.fades.fills,
            versions: $crate::ui::app::Versions {
                session: $app.session.id,
                states: $app.session.states_version,
                fills: $app.fades.version,
            },
            selected: $app.selected.as_deref(),
            presenter: $app.present.presenter.as_ref(),
            tour: $app.session.tour.as_ref(),
            show_speaker: $app.present.show_speaker,
            reload_status: $app.windows.reload_status.as_deref(),
            chart: $app.chart_shown,
        }
    };
}

pub mod command;
mod inspect;
mod keys;
pub mod layout;
mod open;
pub mod present_mode;
pub mod session;
mod shot;
mod windows;

use std::collections::HashMap;

pub use command::{Command, Pref};
pub use open::{RECENT_MAX, dropped_command, remember_recent};
pub use present_mode::PresentMode;
pub use session::Session;
pub use windows::{ErrorReport, Windows};

use super::map_panel::{self, MapView};
use super::options::ViewerOptions;
use super::persist::{KEY, Settings};
use super::reader::{ReaderIndex, ReaderState};
use super::screenshot::Outcome;
use super::{menus, reader, step_card, time_panel};
use crate::control::{TimeCommand, TimeControl};
use crate::i18n::{Lang, tr_args};
use crate::model::area::{Areas, Band, Series};
use crate::model::diag::Msg;
use crate::model::state::PlaceState;
use crate::model::tour::{default_tour, resolve_tour_start};
use crate::model::types::{Origin, Tour};
use crate::model::{Dataset, Date};
use crate::present::Presenter;
use crate::scene::display::{MapCache, state_fill};
use crate::scene::style::{Rgba, Style, ThemeKind, mix};

/// How long a colour cross-fade lasts, seconds.
pub const FADE_SECS: f64 = 0.45;

struct Fade {
    from: Rgba,
    to: Rgba,
    start: f64,
}

/// The colours on screen while they cross-fade to the states' colours.
#[derive(Default)]
struct Fades {
    entries: HashMap<String, Fade>,
    fills: HashMap<String, Rgba>,
    /// Show the next states' colours at once: the date was dragged or
    /// typed, and a fade between far-apart states would pass through
    /// colours the legend does not have.
    snap: bool,
    /// A new [`session::fresh_version`] each time `fills` changes.
    version: u64,
    /// The states version, style and reported-only setting `fills` were
    /// last brought to, with no fade running since: nothing to do until one
    /// of them changes.
    settled: Option<(u64, Style, bool)>,
}

/// Numbers that change whenever what they stand for changes (see
/// [`session::fresh_version`]): what the frame caches of the map, the time
/// panel and the chart compare, instead of the data itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Versions {
    /// The session (the dataset and what is derived from it).
    pub session: u64,
    /// The states at the date on screen.
    pub states: u64,
    /// The fills on screen.
    pub fills: u64,
}

/// What panels read, borrowed from the app for one frame. Panels change
/// nothing here: they push [`Command`]s.
pub struct Shared<'a> {
    /// The dataset on screen.
    pub ds: &'a Dataset,
    /// Its map cache.
    pub cache: &'a MapCache,
    /// The states at the date on screen.
    pub states: &'a [PlaceState],
    /// Geodesic areas of the tracked places.
    pub areas: &'a Areas,
    /// Totals by controller at every step.
    pub area_series: &'a Series,
    /// Where undated changes leave the totals uncertain.
    pub area_bands: &'a [Band],
    /// The reader's per-dataset lookups.
    pub reader_index: &'a ReaderIndex,
    /// Date, step and playback.
    pub time: &'a TimeControl,
    /// The persisted settings.
    pub settings: &'a Settings,
    /// Colours and sizes.
    pub style: &'a Style,
    /// The fills on screen (cross-fading).
    pub fills: &'a HashMap<String, Rgba>,
    /// What changes when the session, the states or the fills do.
    pub versions: Versions,
    /// The selected place.
    pub selected: Option<&'a str>,
    /// The presenter, when presenting.
    pub presenter: Option<&'a Presenter>,
    /// The tour chosen for presenting (`None`: every step).
    pub tour: Option<&'a Tour>,
    /// Whether the speaker window is shown (while presenting).
    pub show_speaker: bool,
    /// The last reload's outcome, shown in the menu bar.
    pub reload_status: Option<&'a str>,
    /// Whether the chart is drawn this frame (asked for, and room for it).
    pub chart: bool,
}

/// A pending `--screenshot`.
struct ScreenshotPlan {
    path: std::path::PathBuf,
    force: bool,
    requested: bool,
}

/// Per-frame bookkeeping: the clock, the frame count, the title sent.
#[derive(Default)]
struct FrameState {
    last_time: Option<f64>,
    frames: u32,
    sent_title: Option<String>,
    screenshot: Option<ScreenshotPlan>,
    outcome: Outcome,
    /// `--size`, sent to the window on the first frame: the flag wins over
    /// the size eframe restored from the last session.
    resize_to: Option<(u32, u32)>,
}

/// The viewer.
pub struct App {
    /// The dataset on screen and what is derived from it.
    pub(crate) session: Session,
    /// Date, step and playback.
    pub(crate) time: TimeControl,
    /// The persisted settings (each dataset's view in `views`, kept there
    /// while the dataset is off screen).
    pub(crate) settings: Settings,
    /// Colours and sizes for the theme.
    pub(crate) style: Style,
    /// The selected place.
    pub(crate) selected: Option<String>,
    /// The map panel's own state (camera, flight, hover, legend).
    pub(crate) map: MapView,
    /// The reader's own state.
    pub(crate) reader: ReaderState,
    /// Presenter mode.
    pub(crate) present: PresentMode,
    /// Windows and dialogs over the viewer.
    pub(crate) windows: Windows,
    /// Commands queued this frame.
    pub(crate) commands: Vec<Command>,
    /// Whether the chart has room this frame (see `layout`).
    chart_shown: bool,
    fades: Fades,
    frame: FrameState,
}

/// The earlier date of the comparison: the stored one if it is in the
/// dataset, else the step before the current one, else the start.
#[must_use]
pub fn compare_from(app: &Shared<'_>) -> Date {
    app.settings
        .compare_from
        .as_deref()
        .and_then(|s| Date::parse(s).ok())
        .filter(|d| app.ds.coverage.contains(*d))
        .unwrap_or_else(|| {
            app.time
                .step()
                .and_then(|i| i.checked_sub(1))
                .and_then(|i| app.ds.step_date(i))
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
    /// Create the app for a dataset (or its session, already prepared:
    /// the viewer prepares it while the window opens), with the viewer's
    /// options and the screenshot outcome to report into.
    #[must_use]
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        session: impl Into<Session>,
        opts: &ViewerOptions,
        outcome: Outcome,
    ) -> Self {
        super::text::install_fonts(&cc.egui_ctx);
        let scripted = opts.screenshot.is_some();
        let (settings, unreadable) = if scripted {
            (Settings::default(), None)
        } else {
            let stored = cc.storage.and_then(|s| s.get_string(KEY));
            Settings::from_stored(stored.as_deref())
        };
        let mut app = Self::with_settings(session, settings, opts);
        app.windows.notice = unreadable.map(|u| u.notice(app.settings.locale()));
        if let Some(c) = &opts.cite {
            app.commands.push(Command::OpenCitation(c.clone()));
        }
        app.frame.outcome = outcome;
        app.frame.resize_to = opts.size;
        app.frame.screenshot = opts.screenshot.clone().map(|path| ScreenshotPlan {
            path,
            force: opts.force,
            requested: false,
        });
        app.apply_theme(&cc.egui_ctx);
        app
    }

    /// Create the app for a dataset or its session without a window
    /// (tests, benchmarks). The options win over what the settings
    /// remember.
    #[must_use]
    pub fn with_settings(
        session: impl Into<Session>,
        mut settings: Settings,
        opts: &ViewerOptions,
    ) -> Self {
        let session = session.into();
        opts.apply_to(&mut settings);
        let time = TimeControl::new(&session.ds, settings.playback);
        let style = Style::new(settings.theme);
        let mut app = Self {
            session,
            time,
            style,
            settings,
            selected: None,
            map: MapView::default(),
            reader: ReaderState::default(),
            present: PresentMode::default(),
            windows: Windows::default(),
            commands: Vec::new(),
            chart_shown: false,
            fades: Fades::default(),
            frame: FrameState::default(),
        };
        app.restore_view();
        let ds = &app.session.ds;
        if let Some(n) = opts.step.filter(|n| (1..=ds.steps.len()).contains(n)) {
            app.time.apply(ds, TimeCommand::GoToStep(n - 1));
        } else if let Some(d) = opts.date {
            app.time.apply(ds, TimeCommand::SetDate(d));
        }
        if opts.screenshot.is_some() {
            app.map.camera = None;
        }
        app.apply_tour_options(opts);
        app
    }

    /// `--tour`, `--present`, `--autoplay` and `--step` together: choose the
    /// tour and where presenting starts. A bad tour file is shown as an error
    /// (the command line checks it before the window opens).
    fn apply_tour_options(&mut self, opts: &ViewerOptions) {
        let mut pos = 0;
        match resolve_tour_start(&self.session.ds, opts.tour.as_deref(), opts.step) {
            Ok(Some((tour, at))) => {
                self.session.tour = Some(tour);
                pos = at;
            }
            Ok(None) => {
                if let Some(step) = opts.step.and_then(|n| n.checked_sub(1)) {
                    pos = default_tour(&self.session.ds)
                        .stop_of_step(step)
                        .unwrap_or(0);
                }
            }
            Err(e) => {
                self.windows.errors = Some(ErrorReport::load(Msg::new("app-tour-args-failed"), e));
            }
        }
        if opts.present || opts.autoplay {
            self.present.at_start = Some((pos, opts.autoplay));
        }
    }

    /// What panels read this frame.
    #[must_use]
    pub fn shared(&self) -> Shared<'_> {
        shared!(self)
    }

    /// Queue a command.
    pub fn push(&mut self, c: Command) {
        self.commands.push(c);
    }

    pub(crate) fn apply_theme(&mut self, ctx: &egui::Context) {
        self.style = Style::new(self.settings.theme);
        // egui's own animations (menus, collapsing sections, scrolling)
        // follow the reduced-motion setting too.
        let secs = if self.settings.reduce_motion() {
            0.0
        } else {
            egui::Style::default().animation_time
        };
        ctx.all_styles_mut(|s| s.animation_time = secs);
        ctx.set_theme(match self.settings.theme {
            ThemeKind::Light => egui::Theme::Light,
            ThemeKind::Dark => egui::Theme::Dark,
        });
    }

    /// Zoom the map about its centre.
    fn zoom_by(&mut self, factor: f64) {
        let shared = shared!(self);
        map_panel::zoom_by(&shared, &mut self.map, factor);
    }

    /// Update the cross-faded fills; returns whether a fade is still running.
    fn update_fills(&mut self, now: f64) -> bool {
        // Reduced motion shows every change of colour at once.
        let snap = std::mem::take(&mut self.fades.snap) || self.settings.reduce_motion();
        if let Some((states, style, reported_only)) = &self.fades.settled
            && *states == self.session.states_version
            && *style == self.style
            && *reported_only == self.settings.reported_only
        {
            return false;
        }
        let mut animating = false;
        for s in &self.session.states {
            let target = state_fill(
                &self.session.ds,
                &self.style,
                s,
                self.settings.reported_only,
            )
            .0;
            let fade = self.fades.entries.entry(s.id.clone()).or_insert(Fade {
                from: target,
                to: target,
                start: now,
            });
            let t = |f: &Fade| ((now - f.start) / FADE_SECS).clamp(0.0, 1.0) as f32;
            if fade.to != target && snap {
                *fade = Fade {
                    from: target,
                    to: target,
                    start: now,
                };
            } else if fade.to != target {
                let shown = mix(fade.from, fade.to, t(fade));
                *fade = Fade {
                    from: shown,
                    to: target,
                    start: now,
                };
            }
            let progress = t(fade);
            animating |= progress < 1.0 && fade.from != fade.to;
            let shown = mix(fade.from, fade.to, progress);
            if self.fades.fills.get(&s.id) != Some(&shown) {
                self.fades.fills.insert(s.id.clone(), shown);
                self.fades.version = session::fresh_version();
            }
        }
        self.fades.settled = (!animating).then(|| {
            (
                self.session.states_version,
                self.style.clone(),
                self.settings.reported_only,
            )
        });
        animating
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
        super::i18n::set_menu_bottom(ctx, 0.0);
        let shared = shared!(self);
        egui::CentralPanel::no_frame().show(ui, |ui| {
            map_panel::ui(ui, &shared, &mut self.map, None, &mut self.commands);
        });
        if self.present.show_speaker {
            let shared = shared!(self);
            if super::speaker::show(ctx, &shared, &mut self.commands) {
                self.present.show_speaker = false;
            }
        }
        if let Some(secs) = next_present {
            ctx.request_repaint_after(std::time::Duration::from_secs_f32(secs.max(0.0)));
        }
        if self.present.show_speaker {
            // The speaker window's clocks tick once a second.
            ctx.request_repaint_after(std::time::Duration::from_secs(1));
        }
        if self.frame.screenshot.is_none()
            && let Some(wait) = super::presenter::cursor(ctx, &mut self.present.last_pointer_move)
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
        // Whatever a command changed is drawn in the next frame.
        let applied = !self.commands.is_empty();
        self.apply(ctx);
        self.sync_title(ctx);
        let fresh = self
            .present
            .presenter
            .as_ref()
            .is_some_and(|p| p.freshness() > 0.0 && !p.blackout());
        // Glyphs tessellated before the font atlas grew in this frame.
        let stale = self.map.paint_cache.atlas_changed(ctx);
        let moving =
            animating || fresh || stale || self.map.flight.is_some() || self.reader.animating;
        let changed = (self.time.date(), self.selected.clone()) != before;
        if applied
            || changed
            || moving
            || self.windows.picker.is_some()
            || self.windows.shot.is_some()
        {
            ctx.request_repaint();
        }
        self.screenshot_step(ctx, moving);
        if self.frame.screenshot.is_some() && self.frame.outcome.is_set() {
            super::screenshot::flush();
        }
    }

    /// The viewer's panels around the map, and the reader in its own
    /// window when popped out.
    fn panels(&mut self, ui: &mut egui::Ui, ctx: &egui::Context) {
        let window = ctx.content_rect().size();
        let popped = self.settings.reader.popped_out;
        let plan = layout::plan(
            [window.x, window.y],
            layout::Wants {
                time_panel: self.settings.show_time_panel,
                chart: self.settings.show_chart,
                card: self.settings.show_step_card,
                reader: self.settings.reader.open && !popped,
            },
        );
        self.chart_shown = plan.chart;
        let shared = shared!(self);
        let menu = egui::Panel::top("menu_bar").show(ui, |ui| {
            menus::bar(ui, &shared, &mut self.commands);
        });
        super::i18n::set_menu_bottom(ctx, menu.response.rect.bottom());
        if plan.time_height > 0.0 {
            // The compact and the charted panel remember their own heights.
            let id = if plan.chart {
                "time_panel"
            } else {
                "time_panel_compact"
            };
            egui::Panel::bottom(id)
                .resizable(true)
                .default_size(plan.time_height)
                .size_range(layout::TIME_MIN..=plan.time_height)
                .show(ui, |ui| time_panel::ui(ui, &shared, &mut self.commands));
        }
        // The side panels sit at the side text starts: the right, or the
        // left in Arabic (the step card outermost, the reader beside it).
        let loc = self.settings.locale();
        let side = |id: &'static str, (preferred, min): (f32, f32), max: f32| {
            let panel = if loc.is_rtl() {
                egui::Panel::left(id)
            } else {
                egui::Panel::right(id)
            };
            panel
                .resizable(true)
                .default_size(preferred.min(max))
                .size_range(min.min(max)..=max)
        };
        if plan.card_width > 0.0 {
            side("step_card", layout::CARD_WIDTH, plan.card_width).show(ui, |ui| {
                // The card takes the panel's width, whatever its content:
                // the panel keeps the width the user gave it.
                ui.set_width(ui.available_width());
                step_card::ui(ui, &shared, &mut self.commands);
            });
        }
        self.reader.last_rect = None;
        if plan.reader_width > 0.0 {
            side("reader", layout::READER_WIDTH, plan.reader_width).show(ui, |ui| {
                ui.set_width(ui.available_width());
                reader::ui(ui, &shared, &mut self.reader, &mut self.commands);
            });
        }
        let reader_hovered = self.reader.hovered_place.as_deref();
        egui::CentralPanel::no_frame().show(ui, |ui| {
            map_panel::ui(
                ui,
                &shared,
                &mut self.map,
                reader_hovered,
                &mut self.commands,
            );
        });
        if self.settings.reader.open && self.settings.reader.popped_out {
            let title = tr_args(
                loc,
                "app-reader-title",
                &[("window", window_title(&self.session.ds, loc.lang).into())],
            );
            let builder = egui::ViewportBuilder::default()
                .with_title(title)
                .with_inner_size([640.0, 820.0]);
            let closed = ctx.show_viewport_immediate(
                egui::ViewportId::from_hash_of("karabakh-atlas-reader"),
                builder,
                |ui, _class| {
                    egui::CentralPanel::default().show(ui, |ui| {
                        reader::ui(ui, &shared, &mut self.reader, &mut self.commands);
                    });
                    ui.ctx().input(|i| i.viewport().close_requested())
                },
            );
            if closed {
                self.commands.push(Command::ToggleReaderPopOut);
            }
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        super::probe::on_frame(ui.ctx());
        let ctx = ui.ctx().clone();
        let now = ctx.input(|i| i.time);
        let dt = self.frame.last_time.map_or(0.0, |t| (now - t).max(0.0));
        self.frame.last_time = Some(now);
        self.frame.frames = self.frame.frames.saturating_add(1);
        if let Some((w, h)) = self.frame.resize_to.take() {
            ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(egui::vec2(
                w as f32, h as f32,
            )));
        }

        if let Some((pos, autoplay)) = self.present.at_start.take() {
            let tour = self.chosen_tour();
            self.start_presenting(&ctx, tour, pos, autoplay);
        }
        let next_auto = self.time.update(&self.session.ds, dt as f32);
        let mut next_present = None;
        if let Some(p) = &mut self.present.presenter {
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
        if self.present.presenter.is_some() {
            let cmds = super::presenter::keys(&ctx, &self.shared());
            self.commands.extend(cmds);
        } else {
            self.keyboard(&ctx);
        }
        self.session.refresh_states(self.time.date());
        let animating = self.update_fills(now);
        if self.present.presenter.is_some() {
            self.present_frame(ui, &ctx, animating, next_present);
            return;
        }
        self.panels(ui, &ctx);
        if let Some(secs) = next_auto {
            ctx.request_repaint_after(std::time::Duration::from_secs_f32(secs));
        }
        self.finish_frame(&ctx, animating);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.frame.screenshot.is_none() {
            storage.set_string(KEY, self.settings().to_stored());
        }
    }

    fn persist_egui_memory(&self) -> bool {
        self.frame.screenshot.is_none()
    }
}
