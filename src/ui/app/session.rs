//! A session: one opened dataset and everything derived from it.
//!
//! The dataset, its map cache, the reader's index, the areas with their
//! series and uncertainty bands, the states at the date on screen, the tour
//! chosen for presenting and the watch on its folder all belong to one
//! dataset. They live in one [`Session`], built by [`Session::new`] and
//! replaced whole when another dataset is opened or the folder is reloaded,
//! so nothing of the previous dataset can outlive it.
//!
//! The *view* of a dataset (date, step, camera, selection, reader) is not
//! derived from it: the app saves it under the session's [`Session::view_key`]
//! when the dataset leaves the screen and restores it when it comes back
//! (`persist::DatasetView`).

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use super::super::persist::{BUNDLED_VIEW, folder_view_key};
use super::super::reader::ReaderIndex;
use super::super::watch::FolderWatch;
use crate::model::area::{Areas, Band, Series, areas, series, uncertainty_bands};
use crate::model::state::{PlaceState, state_at};
use crate::model::types::{Origin, Tour};
use crate::model::{Dataset, Date};
use crate::scene::display::MapCache;

/// A number never handed out before in this process: what frame caches
/// compare to know that what they were built from has not changed.
#[must_use]
pub fn fresh_version() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// One opened dataset and what is derived from it.
pub struct Session {
    /// This session's number ([`fresh_version`]): the caches of the time
    /// panel and the chart are for one session.
    pub id: u64,
    /// The dataset.
    pub ds: Dataset,
    /// Per-dataset triangles, label points and bounding boxes of the map.
    pub cache: MapCache,
    /// Per-dataset lookups for the reader.
    pub reader_index: ReaderIndex,
    /// Geodesic areas of the tracked places.
    pub areas: Areas,
    /// Totals by controller at every step.
    pub area_series: Series,
    /// Where undated changes leave the totals uncertain.
    pub area_bands: Vec<Band>,
    /// The state of every tracked place at [`Self::states_for`].
    pub states: Vec<PlaceState>,
    /// The date the states are for (`None`: not computed yet).
    states_for: Option<Date>,
    /// A new [`fresh_version`] each time the states are computed: the map
    /// is drawn again only when it changes.
    pub states_version: u64,
    /// The tour chosen for presenting (`None`: every step in order).
    pub tour: Option<Tour>,
    /// The tour file the chosen tour came from, read again on a reload.
    pub tour_file: Option<PathBuf>,
    /// The watch on the dataset's folder (live reload), started lazily.
    pub(crate) watch: Option<FolderWatch>,
    /// Whether watching the folder failed (not retried every frame).
    pub(crate) watch_failed: bool,
}

impl Session {
    /// Everything derived from `ds`, computed once.
    #[must_use]
    pub fn new(ds: Dataset) -> Self {
        let cache = MapCache::new(&ds);
        let reader_index = ReaderIndex::new(&ds);
        let areas = areas(&ds);
        let area_series = series(&ds, &areas);
        let area_bands = uncertainty_bands(&ds, &areas);
        Self {
            id: fresh_version(),
            ds,
            cache,
            reader_index,
            areas,
            area_series,
            area_bands,
            states: Vec::new(),
            states_for: None,
            states_version: fresh_version(),
            tour: None,
            tour_file: None,
            watch: None,
            watch_failed: false,
        }
    }

    /// The key under which this dataset's view is remembered.
    #[must_use]
    pub fn view_key(&self) -> String {
        match &self.ds.origin {
            Origin::Bundled => BUNDLED_VIEW.to_owned(),
            Origin::Folder(p) => folder_view_key(p),
        }
    }

    /// Compute the states at `date` unless they are already for it.
    pub fn refresh_states(&mut self, date: Date) {
        if self.states_for != Some(date) {
            self.states = state_at(&self.ds, date);
            self.states_for = Some(date);
            self.states_version = fresh_version();
        }
    }
}

impl From<Dataset> for Session {
    fn from(ds: Dataset) -> Self {
        Self::new(ds)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_session_derives_its_data_and_states_once_per_date() {
        let ds = crate::model::load_bundled().unwrap();
        let mut s = Session::new(ds);
        assert_eq!(s.view_key(), BUNDLED_VIEW);
        assert!(s.areas.get("lachin").is_some_and(|km2| km2 > 0.0));
        assert_eq!(s.area_series.points.len(), s.ds.steps.len());
        assert!(s.states.is_empty());
        let d = Date::parse("2020-12-01").unwrap();
        s.refresh_states(d);
        let n = s.states.len();
        assert!(n > 0);
        let version = s.states_version;
        s.states.clear();
        s.refresh_states(d);
        assert!(
            s.states.is_empty(),
            "the states for a date are not recomputed"
        );
        assert_eq!(s.states_version, version);
        s.refresh_states(d.add_days(1));
        assert_ne!(s.states_version, version, "new states, a new version");
    }
}
