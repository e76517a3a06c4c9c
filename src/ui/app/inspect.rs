//! What the viewer shows, read without changing it: the dataset and date
//! on screen, the selection, the map's last viewport and picture, the
//! reader, the settings as they would be saved, the presenter. Tests,
//! benchmarks and the command line ask through these.

use super::App;
use crate::control::TimeControl;
use crate::model::Dataset;
use crate::model::tour::default_tour;
use crate::model::types::Tour;
use crate::present::Presenter;
use crate::scene::style::Rgba;
use crate::ui::persist::Settings;
use crate::ui::reader::ReaderState;

impl App {
    /// The dataset on screen.
    #[must_use]
    pub fn dataset(&self) -> &Dataset {
        &self.session.ds
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
    pub fn last_map(&self) -> Option<(egui::Rect, crate::scene::projection::Camera)> {
        self.map.last_map
    }

    /// Where the legend was drawn in the last frame.
    #[must_use]
    pub fn last_legend(&self) -> Option<egui::Rect> {
        self.map.last_legend
    }

    /// The camera the user set (`None`: fitted to the dataset's places).
    #[must_use]
    pub fn camera(&self) -> Option<crate::scene::projection::Camera> {
        self.map.camera
    }

    /// How many times the map's picture has been built: it is built again
    /// only when something it shows changes (`ui::map_cache`).
    #[must_use]
    pub fn map_builds(&self) -> u64 {
        self.map.paint_cache.builds
    }

    /// The display list the map shows.
    #[must_use]
    pub fn map_scene(&self) -> std::sync::Arc<crate::scene::display::Scene> {
        self.map.paint_cache.scene()
    }

    /// The place named in the source reader under the pointer, which the map
    /// outlines.
    #[must_use]
    pub fn reader_hovered_place(&self) -> Option<&str> {
        self.reader.hovered_place.as_deref()
    }

    /// The colour a place is filled with on screen now (cross-fades
    /// included).
    #[must_use]
    pub fn fill(&self, id: &str) -> Option<Rgba> {
        self.fades.fills.get(id).copied()
    }

    /// The reader's state (what it shows and where).
    #[must_use]
    pub fn reader(&self) -> &ReaderState {
        &self.reader
    }

    /// The settings as they would be saved now, with the view of the
    /// dataset on screen.
    #[must_use]
    pub fn settings(&self) -> Settings {
        let mut s = self.settings.clone();
        s.views.insert(self.session.view_key(), self.current_view());
        s.playback = self.time.prefs();
        s
    }

    /// The problems shown in the errors window: its title and lines, in
    /// the interface language of the moment.
    #[must_use]
    pub fn reload_errors(&self) -> Option<(String, Vec<String>)> {
        self.windows
            .errors
            .as_ref()
            .map(|r| r.render(self.settings.locale()))
    }

    /// The tour being presented, when in presenter mode.
    #[must_use]
    pub fn presenter(&self) -> Option<&Presenter> {
        self.present.presenter.as_ref()
    }

    /// Whether the speaker window is shown.
    #[must_use]
    pub fn speaker_shown(&self) -> bool {
        self.present.presenter.is_some() && self.present.show_speaker
    }

    /// The tour chosen for presenting.
    #[must_use]
    pub fn chosen_tour(&self) -> Tour {
        self.session
            .tour
            .clone()
            .unwrap_or_else(|| default_tour(&self.session.ds))
    }
}
