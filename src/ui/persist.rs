//! What survives a restart: each dataset's view (date and step, camera,
//! selection, reader), panels, theme, naming, playback. Stored as JSON in
//! eframe's storage; every field has a default, and a store that cannot be
//! read falls back to defaults with a notice.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::control::PlaybackPrefs;
use crate::i18n::{Digits, Lang, Locale, MonthStyle, tr_args};
use crate::scene::display::NameLang;
use crate::scene::projection::Camera;
use crate::scene::style::ThemeKind;

/// The storage key.
pub const KEY: &str = "karabakh-atlas/settings";

/// Persisted settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The view of each dataset, by [`DatasetView`] key (`bundled`, or
    /// `folder:` and the folder's canonical path).
    pub views: BTreeMap<String, DatasetView>,
    /// Settings written before views were kept per dataset held the bundled
    /// dataset's date here (read once into `views`, never written).
    #[serde(skip_serializing)]
    pub date: Option<String>,
    /// The bundled dataset's step, in settings from before `views`.
    #[serde(skip_serializing)]
    pub step: Option<usize>,
    /// The bundled dataset's camera, in settings from before `views`.
    #[serde(skip_serializing)]
    pub camera: Option<Camera>,
    /// Show the time panel.
    pub show_time_panel: bool,
    /// Show the step card.
    pub show_step_card: bool,
    /// Show the legend.
    pub show_legend: bool,
    /// Draw only control a text reports in its own voice: claimed and
    /// inferred control shows as unknown (*View › Reported control only*).
    pub reported_only: bool,
    /// Map theme.
    pub theme: ThemeKind,
    /// Which names the map shows.
    pub names: NameLang,
    /// Show summaries in Arabic in the card.
    pub arabic_summary: bool,
    /// Collapse the quiet gap on the time axis.
    pub collapse_gaps: bool,
    /// Playback speed and looping.
    pub playback: PlaybackPrefs,
    /// The source reader's state.
    pub reader: ReaderPrefs,
    /// Show the territory chart in the time panel.
    pub show_chart: bool,
    /// Compare the current date with `compare_from`.
    pub compare: bool,
    /// The earlier date of the comparison, `YYYY-MM-DD`.
    pub compare_from: Option<String>,
    /// Dataset folders opened lately, newest first.
    pub recent: Vec<String>,
    /// The interface language; `None` follows the system's.
    pub lang: Option<Lang>,
    /// Arabic month names.
    pub month_style: MonthStyle,
    /// Latin or Arabic-Indic digits (Arabic interface).
    pub digits: Digits,
    /// Which way the time axis runs.
    pub axis_direction: AxisDirection,
    /// Reduce motion (no camera flights, pulses or cross-fades); `None`
    /// follows the system's preference (`ui::motion`).
    pub reduce_motion: Option<bool>,
}

/// The view of one dataset, remembered while another is on screen and
/// across runs: where it was in time, what the map showed, what was
/// selected and read.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DatasetView {
    /// The date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The step (0-based).
    pub step: Option<usize>,
    /// The map camera; `None` fits the dataset's places.
    pub camera: Option<Camera>,
    /// The selected place.
    pub selected: Option<String>,
    /// Whether the reader was open.
    pub reader_open: bool,
    /// The source the reader showed.
    pub reader_source: Option<String>,
    /// The earlier date of the comparison, `YYYY-MM-DD`.
    pub compare_from: Option<String>,
}

/// The key of the bundled dataset's view.
pub const BUNDLED_VIEW: &str = "bundled";

/// The key of a dataset folder's view: its canonical path (the path as
/// given when it cannot be resolved).
#[must_use]
pub fn folder_view_key(path: &std::path::Path) -> String {
    let p = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    format!("folder:{}", p.display())
}

/// Saved settings that could not be read: the parser's reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable(pub String);

impl Unreadable {
    /// The notice for the user, in `loc`'s language (the reason as the
    /// parser gave it).
    #[must_use]
    pub fn notice(&self, loc: Locale) -> String {
        let detail = crate::model::diag::Detail {
            from: crate::model::diag::DetailFrom::Json,
            text: self.0.clone(),
        };
        tr_args(
            loc,
            "settings-unreadable",
            &[("error", detail.render(loc).into())],
        )
    }
}

/// Which way time runs on the time axis and the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AxisDirection {
    /// Left to right in English, right to left in Arabic.
    #[default]
    FollowInterface,
    /// Earlier dates on the left.
    LeftToRight,
    /// Earlier dates on the right.
    RightToLeft,
}

impl AxisDirection {
    /// Every choice, in menu order.
    pub const ALL: [Self; 3] = [Self::FollowInterface, Self::LeftToRight, Self::RightToLeft];

    /// Whether time runs right to left with the interface in `lang`.
    #[must_use]
    pub fn is_rtl(self, lang: Lang) -> bool {
        match self {
            Self::FollowInterface => lang.is_rtl(),
            Self::LeftToRight => false,
            Self::RightToLeft => true,
        }
    }
}

/// The source reader's state that survives a restart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReaderPrefs {
    /// Whether the reader is shown.
    pub open: bool,
    /// The source shown.
    pub source: Option<String>,
    /// Text size in points.
    pub text_size: f32,
    /// In its own window rather than beside the step card.
    pub popped_out: bool,
}

impl Default for ReaderPrefs {
    fn default() -> Self {
        Self {
            open: false,
            source: None,
            text_size: 17.0,
            popped_out: false,
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            views: BTreeMap::new(),
            date: None,
            step: None,
            camera: None,
            show_time_panel: true,
            show_step_card: true,
            show_legend: true,
            reported_only: false,
            theme: ThemeKind::Light,
            names: NameLang::Interface,
            arabic_summary: false,
            collapse_gaps: true,
            playback: PlaybackPrefs::default(),
            reader: ReaderPrefs::default(),
            show_chart: true,
            compare: false,
            compare_from: None,
            recent: Vec::new(),
            lang: None,
            month_style: MonthStyle::default(),
            digits: Digits::default(),
            axis_direction: AxisDirection::default(),
            reduce_motion: None,
        }
    }
}

impl Settings {
    /// Read settings from a stored string. Returns the settings and, if the
    /// store could not be read, why (for the notice the user sees, in the
    /// language the viewer then starts in: [`Unreadable::notice`]).
    #[must_use]
    pub fn from_stored(stored: Option<&str>) -> (Self, Option<Unreadable>) {
        match stored {
            None => (Self::default(), None),
            Some(s) => match serde_json::from_str::<Self>(s) {
                Ok(v) => (v.migrated(), None),
                Err(e) => (Self::default(), Some(Unreadable(e.to_string()))),
            },
        }
    }

    /// Settings from before views were kept per dataset: their date, step
    /// and camera become the bundled dataset's view.
    fn migrated(mut self) -> Self {
        let legacy = (self.date.take(), self.step.take(), self.camera.take());
        if legacy != (None, None, None) && !self.views.contains_key(BUNDLED_VIEW) {
            let (date, step, camera) = legacy;
            self.views.insert(
                BUNDLED_VIEW.to_owned(),
                DatasetView {
                    date,
                    step,
                    camera,
                    selected: None,
                    reader_open: self.reader.open,
                    reader_source: self.reader.source.clone(),
                    compare_from: self.compare_from.clone(),
                },
            );
        }
        self
    }

    /// The interface language: the chosen one, else the system's.
    #[must_use]
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_else(crate::i18n::system_lang)
    }

    /// How the interface writes text, dates and numbers.
    #[must_use]
    pub fn locale(&self) -> Locale {
        Locale {
            lang: self.lang(),
            months: self.month_style,
            digits: self.digits,
        }
    }

    /// Whether motion is reduced: the setting, else the system's preference.
    #[must_use]
    pub fn reduce_motion(&self) -> bool {
        self.reduce_motion
            .unwrap_or_else(super::motion::system_reduces_motion)
    }

    /// Whether the time axis runs right to left.
    #[must_use]
    pub fn axis_rtl(&self) -> bool {
        self.axis_direction.is_rtl(self.lang())
    }

    /// The string to store.
    #[must_use]
    pub fn to_stored(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let mut views = BTreeMap::new();
        views.insert(
            BUNDLED_VIEW.to_owned(),
            DatasetView {
                date: Some("2020-11-21".into()),
                ..DatasetView::default()
            },
        );
        let s = Settings {
            views,
            names: NameLang::parse("ar").unwrap(),
            theme: ThemeKind::Dark,
            ..Settings::default()
        };
        let (back, notice) = Settings::from_stored(Some(&s.to_stored()));
        assert_eq!(back, s);
        assert!(notice.is_none());
    }

    #[test]
    fn language_settings_round_trip_and_default() {
        let s = Settings {
            lang: Some(Lang::Ar),
            month_style: MonthStyle::Syriac,
            digits: Digits::ArabicIndic,
            axis_direction: AxisDirection::LeftToRight,
            ..Settings::default()
        };
        let (back, _) = Settings::from_stored(Some(&s.to_stored()));
        assert_eq!(back, s);
        assert_eq!(back.locale().lang, Lang::Ar);
        assert!(!back.axis_rtl());
        let (old, _) = Settings::from_stored(Some(r#"{"theme":"dark"}"#));
        assert_eq!(old.lang, None);
        assert_eq!(old.axis_direction, AxisDirection::FollowInterface);
        let (ar, _) = Settings::from_stored(Some(r#"{"lang":"ar"}"#));
        assert!(ar.axis_rtl());
    }

    #[test]
    fn a_view_saved_before_views_were_per_dataset_is_the_bundled_ones() {
        let (s, _) = Settings::from_stored(Some(
            r#"{"date":"2020-11-25","step":6,"camera":{"center":[46.5,39.8],"zoom":900.0}}"#,
        ));
        let v = &s.views[BUNDLED_VIEW];
        assert_eq!(v.date.as_deref(), Some("2020-11-25"));
        assert_eq!(v.step, Some(6));
        assert!(v.camera.is_some());
        // Written back, the view is under `views` only, and reads the same.
        let stored = s.to_stored();
        assert!(!stored.starts_with("{\"date\""), "{stored}");
        let (again, _) = Settings::from_stored(Some(&stored));
        assert_eq!(again, s);
    }

    #[test]
    fn missing_fields_take_defaults() {
        let (s, notice) = Settings::from_stored(Some(r#"{"names":"az"}"#));
        assert_eq!(s.names, NameLang::parse("az").unwrap());
        // Any dataset's naming scheme is kept, not only the bundled ones.
        let (fa, _) = Settings::from_stored(Some(r#"{"names":"fa"}"#));
        assert_eq!(fa.names.resolve(Lang::En).as_str(), "fa");
        let (interface, _) = Settings::from_stored(Some(r#"{"names":"interface"}"#));
        assert_eq!(interface.names, NameLang::Interface);
        assert!(s.show_time_panel);
        assert!(notice.is_none());
    }

    #[test]
    fn a_corrupt_store_falls_back_to_defaults_with_a_notice() {
        for bad in [
            "{not json",
            "[1,2,3]",
            "\u{0}\u{1}",
            r#"{"names":"no such names!"}"#,
        ] {
            let (s, unreadable) = Settings::from_stored(Some(bad));
            assert_eq!(s, Settings::default());
            let unreadable = unreadable.unwrap();
            assert!(
                unreadable.notice(Locale::EN).contains("could not be read"),
                "{bad}"
            );
            // In Arabic, with the parser's reason kept as it is.
            let ar = unreadable.notice(Locale::AR);
            assert!(ar.starts_with("تعذّرت قراءة إعداداتك المحفوظة"), "{ar}");
            assert!(ar.contains(&unreadable.0), "{ar}");
        }
    }
}
