//! Presenter mode as the app sees it: entering it (saving the view it
//! borrows), moving between stops (the step and a camera flight), and
//! leaving it (restoring the view the teacher had). The rules of presenting
//! (stops, blackout, autoplay) are `crate::present::Presenter`'s.

use super::super::map_panel::Flight;
use super::{App, nearest_stop};
use crate::control::TimeCommand;
use crate::i18n::tr_args;
use crate::model::Date;
use crate::model::tour::step_extent;
use crate::model::types::{Extent, Tour};
use crate::present::{PresentCommand, Presenter};
use crate::scene::projection::Camera;

/// What presenter mode borrows and gives back: the view before presenting.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedView {
    /// The camera (`None`: fitted).
    pub camera: Option<Camera>,
    /// The date.
    pub date: Date,
    /// The step, when the date was a step's.
    pub step: Option<usize>,
    /// The selected place.
    pub selected: Option<String>,
}

/// Presenter mode's state in the app.
#[derive(Default)]
pub struct PresentMode {
    /// The tour being presented, when in presenter mode.
    pub presenter: Option<Presenter>,
    /// Whether the speaker window is shown (while presenting).
    pub show_speaker: bool,
    /// The view before presenting, restored on leaving.
    pub saved: Option<SavedView>,
    /// When the pointer last moved (the pointer hides when still).
    pub last_pointer_move: f64,
    /// Start presenting on the first frame (`--present`, `--autoplay`), at
    /// this stop.
    pub at_start: Option<(usize, bool)>,
}

impl App {
    /// Choose the tour to present; while presenting, restart it.
    pub(super) fn choose_tour(&mut self, ctx: &egui::Context, tour: Option<Tour>) {
        self.session.tour = tour;
        if self.present.presenter.is_some() {
            let tour = self.chosen_tour();
            let pos = nearest_stop(&tour, self.time.step());
            if let Some(p) = &mut self.present.presenter {
                p.replace_tour(tour, pos);
            }
            self.show_stop(ctx);
        }
    }

    /// Enter presenter mode with `tour` at stop `pos`, remembering the view
    /// to come back to.
    pub(super) fn start_presenting(
        &mut self,
        ctx: &egui::Context,
        tour: Tour,
        pos: usize,
        autoplay: bool,
    ) {
        if tour.stops.is_empty() {
            let loc = self.settings.locale();
            self.windows.notice = Some(tr_args(
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
        if self.present.presenter.is_none() {
            self.present.saved = Some(SavedView {
                camera: self.map.camera,
                date: self.time.date(),
                step: self.time.step(),
                selected: self.selected.clone(),
            });
        }
        self.present.presenter = Some(p);
        self.selected = None;
        self.windows.show_shortcuts = false;
        self.present.last_pointer_move = ctx.input(|i| i.time);
        if self.frame.screenshot.is_none() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        }
        self.show_stop(ctx);
    }

    /// Leave presenter mode and put back the view from before it.
    pub(super) fn stop_presenting(&mut self, ctx: &egui::Context) {
        if self.present.presenter.take().is_some() && self.frame.screenshot.is_none() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        }
        self.present.show_speaker = false;
        self.map.flight = None;
        if let Some(v) = self.present.saved.take() {
            self.restore_saved(v);
        }
    }

    /// Put a saved view back: its camera, date (the step's when it was on
    /// one) and selection.
    fn restore_saved(&mut self, v: SavedView) {
        let ds = &self.session.ds;
        self.map.camera = v.camera;
        match v
            .step
            .filter(|&i| ds.steps.get(i).is_some_and(|s| s.date.end() == v.date))
        {
            Some(i) => self.time.apply(ds, TimeCommand::GoToStep(i)),
            None => self.time.apply(ds, TimeCommand::SetDate(v.date)),
        }
        self.selected = v.selected.filter(|id| ds.place(id).is_some());
    }

    /// Show the presenter's stop: its step, and a camera flight to its places.
    pub(super) fn show_stop(&mut self, ctx: &egui::Context) {
        let Some(step) = self.present.presenter.as_ref().and_then(Presenter::step) else {
            return;
        };
        self.time
            .apply(&self.session.ds, TimeCommand::GoToStep(step));
        self.fly_to(ctx, step_extent(&self.session.ds, step));
    }

    /// Fly the camera to `extent` (`None`: the fitted view) from where it
    /// is.
    pub(super) fn fly_to(&mut self, ctx: &egui::Context, extent: Option<Extent>) {
        let now = ctx.input(|i| i.time);
        self.map.flight = match self.map.last_map {
            Some((_, from)) => Some(Flight {
                from,
                extent,
                start: now,
            }),
            None => {
                // No map drawn yet: start there.
                self.map.camera = None;
                Some(Flight {
                    from: Camera::default(),
                    extent,
                    start: now - f64::from(crate::present::FLY_SECS),
                })
            }
        };
    }
}
