//! Time control: the current date and step, playback and its speed, driven
//! by commands and an explicit `dt`, so every behaviour is testable without a
//! window (the pattern of rerun's `TimeControl`).
//!
//! Panels never change the date directly: they queue [`TimeCommand`]s, and
//! the app applies them once per frame.

use serde::{Deserialize, Serialize};

use crate::model::{Dataset, Date};

/// How long playback holds each step at speed 1, in seconds.
pub const HOLD_SECS: f32 = 3.0;

/// The playback speeds offered, as multiples of the normal speed.
pub const SPEEDS: [f32; 4] = [0.5, 1.0, 2.0, 4.0];

/// Something a panel asks the time control to do.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TimeCommand {
    /// Go to a date (clamped to the dataset's coverage); the current step
    /// becomes the last step on or before it.
    SetDate(Date),
    /// Go to step `index` (0-based) and its date.
    GoToStep(usize),
    /// Next step after the current date.
    NextStep,
    /// The current step's date if past it, else the previous step.
    PrevStep,
    /// Move the date by this many days.
    DayBy(i64),
    /// The first step.
    First,
    /// The last step.
    Last,
    /// Start or stop playback.
    TogglePlay,
    /// Stop playback.
    Pause,
    /// Set the playback speed (a multiple of normal).
    SetSpeed(f32),
    /// Whether playback starts over after the last step.
    SetLoop(bool),
}

/// The state of the time control that survives a restart.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlaybackPrefs {
    /// Playback speed, a multiple of normal.
    pub speed: f32,
    /// Start over after the last step.
    pub looping: bool,
}

impl Default for PlaybackPrefs {
    fn default() -> Self {
        Self {
            speed: 1.0,
            looping: false,
        }
    }
}

/// The current date and step, and playback.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeControl {
    date: Date,
    step: Option<usize>,
    playing: bool,
    prefs: PlaybackPrefs,
    held_secs: f32,
}

impl TimeControl {
    /// Start at the first step.
    #[must_use]
    pub fn new(ds: &Dataset, prefs: PlaybackPrefs) -> Self {
        let mut tc = Self {
            date: ds.coverage.from,
            step: None,
            playing: false,
            prefs: sanitize(prefs),
            held_secs: 0.0,
        };
        tc.apply(ds, TimeCommand::First);
        tc
    }

    /// The current date.
    #[must_use]
    pub fn date(&self) -> Date {
        self.date
    }

    /// The current step (0-based), if the date is on or after the first step.
    #[must_use]
    pub fn step(&self) -> Option<usize> {
        self.step
    }

    /// Whether playback is running.
    #[must_use]
    pub fn is_playing(&self) -> bool {
        self.playing
    }

    /// Speed and looping.
    #[must_use]
    pub fn prefs(&self) -> PlaybackPrefs {
        self.prefs
    }

    /// Apply one command.
    pub fn apply(&mut self, ds: &Dataset, cmd: TimeCommand) {
        let last = ds.steps.len().checked_sub(1);
        match cmd {
            TimeCommand::SetDate(d) => self.set_date(ds, d),
            TimeCommand::GoToStep(i) => self.go_to_step(ds, i),
            TimeCommand::NextStep => {
                let next = match self.step {
                    Some(i) if ds.step_date(i) == Some(self.date) => Some(i + 1),
                    _ => ds.steps.iter().position(|s| s.date.end() > self.date),
                };
                if let Some(i) = next.filter(|&i| i < ds.steps.len()) {
                    self.go_to_step(ds, i);
                }
            }
            TimeCommand::PrevStep => {
                let prev = match self.step {
                    Some(i) if ds.step_date(i) == Some(self.date) => i.checked_sub(1),
                    other => other,
                };
                if let Some(i) = prev {
                    self.go_to_step(ds, i);
                }
            }
            TimeCommand::DayBy(n) => self.set_date(ds, self.date.add_days(n)),
            TimeCommand::First => self.go_to_step(ds, 0),
            TimeCommand::Last => {
                if let Some(i) = last {
                    self.go_to_step(ds, i);
                }
            }
            TimeCommand::TogglePlay => {
                if self.playing {
                    self.playing = false;
                } else {
                    if self.step == last && last.is_some() {
                        self.go_to_step(ds, 0);
                    }
                    self.playing = true;
                    self.held_secs = 0.0;
                }
            }
            TimeCommand::Pause => self.playing = false,
            TimeCommand::SetSpeed(s) => {
                self.prefs = sanitize(PlaybackPrefs {
                    speed: s,
                    ..self.prefs
                });
            }
            TimeCommand::SetLoop(l) => self.prefs.looping = l,
        }
    }

    /// Advance playback by `dt_secs`. Returns the seconds until the next
    /// automatic step while playing (for a timed repaint), or `None` when
    /// nothing will happen on its own.
    pub fn update(&mut self, ds: &Dataset, dt_secs: f32) -> Option<f32> {
        if !self.playing {
            return None;
        }
        let hold = HOLD_SECS / self.prefs.speed;
        self.held_secs += dt_secs.max(0.0);
        if self.held_secs >= hold {
            self.held_secs = 0.0;
            let next = self.step.map_or(0, |i| i + 1);
            if next < ds.steps.len() {
                self.go_to_step_keep_playing(ds, next);
            } else if self.prefs.looping && !ds.steps.is_empty() {
                self.go_to_step_keep_playing(ds, 0);
            } else {
                self.playing = false;
                return None;
            }
        }
        Some((hold - self.held_secs).max(0.0))
    }

    fn set_date(&mut self, ds: &Dataset, d: Date) {
        self.date = d.clamp(ds.coverage.from, ds.coverage.to);
        self.step = ds.step_at(self.date);
        self.playing = false;
    }

    fn go_to_step(&mut self, ds: &Dataset, i: usize) {
        self.go_to_step_keep_playing(ds, i);
        self.playing = false;
    }

    fn go_to_step_keep_playing(&mut self, ds: &Dataset, i: usize) {
        if let Some(d) = ds.step_date(i) {
            self.date = d.clamp(ds.coverage.from, ds.coverage.to);
            self.step = Some(i);
            self.held_secs = 0.0;
        }
    }
}

fn sanitize(p: PlaybackPrefs) -> PlaybackPrefs {
    let speed = if p.speed.is_finite() {
        p.speed.clamp(SPEEDS[0], SPEEDS[SPEEDS.len() - 1])
    } else {
        1.0
    };
    PlaybackPrefs { speed, ..p }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::load_bundled;

    fn ds() -> Dataset {
        load_bundled().unwrap()
    }

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn next_and_previous_walk_the_steps_in_order() {
        let ds = ds();
        let mut tc = TimeControl::new(&ds, PlaybackPrefs::default());
        assert_eq!(tc.step(), Some(0));
        for i in 1..ds.steps.len() {
            tc.apply(&ds, TimeCommand::NextStep);
            assert_eq!(tc.step(), Some(i));
            assert_eq!(tc.date(), ds.steps[i].date.end());
        }
        tc.apply(&ds, TimeCommand::NextStep);
        assert_eq!(
            tc.step(),
            Some(ds.steps.len() - 1),
            "stays on the last step"
        );
        for i in (0..ds.steps.len() - 1).rev() {
            tc.apply(&ds, TimeCommand::PrevStep);
            assert_eq!(tc.step(), Some(i));
        }
    }

    #[test]
    fn a_scrubbed_date_belongs_to_the_last_step_before_it() {
        let ds = ds();
        let mut tc = TimeControl::new(&ds, PlaybackPrefs::default());
        tc.apply(&ds, TimeCommand::SetDate(d("2020-11-22")));
        let aghdam = ds.step_index("aghdam-handover").unwrap();
        assert_eq!(tc.step(), Some(aghdam));
        // Previous from between steps goes back to the current step's date.
        tc.apply(&ds, TimeCommand::PrevStep);
        assert_eq!(tc.date(), d("2020-11-20"));
        tc.apply(&ds, TimeCommand::NextStep);
        assert_eq!(tc.step(), ds.step_index("kalbajar-handover"));
        tc.apply(&ds, TimeCommand::DayBy(-1));
        assert_eq!(tc.date(), d("2020-11-24"));
        assert_eq!(tc.step(), Some(aghdam));
    }

    #[test]
    fn dates_are_clamped_to_the_coverage() {
        let ds = ds();
        let mut tc = TimeControl::new(&ds, PlaybackPrefs::default());
        tc.apply(&ds, TimeCommand::DayBy(-10_000));
        assert_eq!(tc.date(), ds.coverage.from);
        tc.apply(&ds, TimeCommand::DayBy(i64::MAX));
        assert_eq!(tc.date(), ds.coverage.to);
    }

    #[test]
    fn playback_holds_each_step_then_stops_at_the_end_or_loops() {
        let ds = ds();
        let mut tc = TimeControl::new(&ds, PlaybackPrefs::default());
        tc.apply(&ds, TimeCommand::TogglePlay);
        assert!(tc.is_playing());
        assert_eq!(tc.update(&ds, HOLD_SECS * 0.5), Some(HOLD_SECS * 0.5));
        assert_eq!(tc.step(), Some(0));
        tc.update(&ds, HOLD_SECS * 0.5);
        assert_eq!(tc.step(), Some(1));
        // Twice as fast: half the hold.
        tc.apply(&ds, TimeCommand::SetSpeed(2.0));
        tc.update(&ds, HOLD_SECS / 2.0);
        assert_eq!(tc.step(), Some(2));
        for _ in 0..ds.steps.len() {
            tc.update(&ds, HOLD_SECS);
        }
        assert!(!tc.is_playing(), "stops after the last step");
        assert_eq!(tc.step(), Some(ds.steps.len() - 1));
        // Play from the end starts over; with loop on it wraps around.
        tc.apply(&ds, TimeCommand::SetLoop(true));
        tc.apply(&ds, TimeCommand::TogglePlay);
        assert_eq!(tc.step(), Some(0));
        tc.apply(&ds, TimeCommand::Last);
        tc.apply(&ds, TimeCommand::TogglePlay);
        tc.apply(&ds, TimeCommand::GoToStep(ds.steps.len() - 1));
        assert!(!tc.is_playing(), "a manual jump pauses");
    }

    #[test]
    fn looping_wraps_to_the_first_step() {
        let ds = ds();
        let prefs = PlaybackPrefs {
            speed: 4.0,
            looping: true,
        };
        let mut tc = TimeControl::new(&ds, prefs);
        tc.apply(&ds, TimeCommand::GoToStep(ds.steps.len() - 2));
        tc.apply(&ds, TimeCommand::TogglePlay);
        tc.update(&ds, HOLD_SECS / 4.0);
        assert_eq!(tc.step(), Some(ds.steps.len() - 1));
        tc.update(&ds, HOLD_SECS / 4.0);
        assert_eq!(tc.step(), Some(0));
        assert!(tc.is_playing());
    }

    #[test]
    fn nonsense_speeds_are_tamed() {
        let ds = ds();
        let mut tc = TimeControl::new(&ds, PlaybackPrefs::default());
        tc.apply(&ds, TimeCommand::SetSpeed(f32::NAN));
        assert!((tc.prefs().speed - 1.0).abs() < f32::EPSILON);
        tc.apply(&ds, TimeCommand::SetSpeed(1e9));
        assert!((tc.prefs().speed - 4.0).abs() < f32::EPSILON);
    }
}
