//! Presenting a tour: which stop is on screen, blackout, autoplay and the
//! timers behind the caption and the speaker window.
//!
//! Nothing here draws; the viewer's presenter mode (`ui::presenter`) maps
//! keys and clicks to [`PresentCommand`]s and shows the result. Keeping the
//! rules here lets them be tested without a window and with a mocked clock.

use crate::model::types::{Tour, TourStop};

/// The autoplay hold used, seconds: a tour's hold (validated to at most
/// [`crate::model::tour::MAX_HOLD`]) kept to at least a second.
pub const HOLD_RANGE: std::ops::RangeInclusive<f32> = 1.0..=crate::model::tour::MAX_HOLD;
/// How long a newly shown change stays highlighted (outline pulse and the
/// other places dimmed), seconds.
pub const FRESH_SECS: f32 = 4.0;
/// How long the camera takes to fly to a stop, seconds.
pub const FLY_SECS: f32 = 1.2;
/// The caption's size steps, as factors of the default size.
pub const CAPTION_SCALES: [f32; 7] = [0.6, 0.75, 0.9, 1.0, 1.2, 1.45, 1.75];

/// Autoplay's state.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Autoplay {
    /// Not playing: the presenter moves on by hand.
    Off,
    /// Playing: `held` seconds spent on the current stop so far.
    Playing {
        /// Seconds on the current stop.
        held: f32,
    },
    /// Paused by a key or click; Space resumes.
    Paused,
}

/// Something the presenter asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresentCommand {
    /// The next stop.
    Next,
    /// The previous stop.
    Prev,
    /// The first stop.
    First,
    /// The last stop.
    Last,
    /// A stop by index.
    GoTo(usize),
    /// Black the screen out, or bring it back.
    ToggleBlackout,
    /// Start autoplay, or stop it.
    ToggleAutoplay,
    /// Pause autoplay (any key or click while it plays).
    Pause,
    /// Resume paused autoplay.
    Resume,
    /// A larger caption.
    CaptionLarger,
    /// A smaller caption.
    CaptionSmaller,
}

/// A tour being presented.
#[derive(Debug, Clone, PartialEq)]
pub struct Presenter {
    tour: Tour,
    pos: usize,
    blackout: bool,
    autoplay: Autoplay,
    caption: usize,
    elapsed: f64,
    fresh: f32,
}

impl Presenter {
    /// Present `tour` from stop `pos` (clamped to the tour).
    #[must_use]
    pub fn new(tour: Tour, pos: usize) -> Self {
        let pos = pos.min(tour.stops.len().saturating_sub(1));
        Self {
            tour,
            pos,
            blackout: false,
            autoplay: Autoplay::Off,
            caption: 3,
            elapsed: 0.0,
            fresh: 0.0,
        }
    }

    /// The tour.
    #[must_use]
    pub fn tour(&self) -> &Tour {
        &self.tour
    }

    /// The index of the stop on screen.
    #[must_use]
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Number of stops.
    #[must_use]
    pub fn len(&self) -> usize {
        self.tour.stops.len()
    }

    /// Whether the tour has no stops.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.tour.stops.is_empty()
    }

    /// The stop on screen.
    #[must_use]
    pub fn stop(&self) -> Option<&TourStop> {
        self.tour.stops.get(self.pos)
    }

    /// The stop after the one on screen.
    #[must_use]
    pub fn next_stop(&self) -> Option<&TourStop> {
        self.tour.stops.get(self.pos + 1)
    }

    /// The dataset step index on screen.
    #[must_use]
    pub fn step(&self) -> Option<usize> {
        self.stop().map(|s| s.step)
    }

    /// Whether the screen is blacked out.
    #[must_use]
    pub fn blackout(&self) -> bool {
        self.blackout
    }

    /// Autoplay's state.
    #[must_use]
    pub fn autoplay(&self) -> Autoplay {
        self.autoplay
    }

    /// The caption size as a factor of the default.
    #[must_use]
    pub fn caption_scale(&self) -> f32 {
        CAPTION_SCALES[self.caption.min(CAPTION_SCALES.len() - 1)]
    }

    /// Seconds since presenting began.
    #[must_use]
    pub fn elapsed(&self) -> f64 {
        self.elapsed
    }

    /// How highlighted the stop's changes still are: 1 on arrival, falling
    /// to 0 after [`FRESH_SECS`].
    #[must_use]
    pub fn freshness(&self) -> f32 {
        (1.0 - self.fresh / FRESH_SECS).clamp(0.0, 1.0)
    }

    /// Seconds since the stop on screen was reached.
    #[must_use]
    pub fn since_arrival(&self) -> f32 {
        self.fresh
    }

    /// How long autoplay holds the stop on screen, seconds.
    #[must_use]
    pub fn hold(&self) -> f32 {
        let h = self.tour.hold_of(self.pos);
        if h.is_finite() {
            h.clamp(*HOLD_RANGE.start(), *HOLD_RANGE.end())
        } else {
            *HOLD_RANGE.start()
        }
    }

    fn go(&mut self, pos: usize) -> bool {
        let pos = pos.min(self.len().saturating_sub(1));
        if pos == self.pos {
            return false;
        }
        self.pos = pos;
        self.fresh = 0.0;
        if let Autoplay::Playing { held } = &mut self.autoplay {
            *held = 0.0;
        }
        true
    }

    /// Apply a command; returns whether the stop on screen changed.
    pub fn apply(&mut self, cmd: PresentCommand) -> bool {
        match cmd {
            PresentCommand::Next => self.go(self.pos + 1),
            PresentCommand::Prev => self.go(self.pos.saturating_sub(1)),
            PresentCommand::First => self.go(0),
            PresentCommand::Last => self.go(self.len().saturating_sub(1)),
            PresentCommand::GoTo(i) => self.go(i),
            PresentCommand::ToggleBlackout => {
                self.blackout = !self.blackout;
                false
            }
            PresentCommand::ToggleAutoplay => {
                self.autoplay = match self.autoplay {
                    Autoplay::Off => Autoplay::Playing { held: 0.0 },
                    Autoplay::Playing { .. } | Autoplay::Paused => Autoplay::Off,
                };
                false
            }
            PresentCommand::Pause => {
                if matches!(self.autoplay, Autoplay::Playing { .. }) {
                    self.autoplay = Autoplay::Paused;
                }
                false
            }
            PresentCommand::Resume => {
                if self.autoplay == Autoplay::Paused {
                    self.autoplay = Autoplay::Playing { held: 0.0 };
                }
                false
            }
            PresentCommand::CaptionLarger => {
                self.caption = (self.caption + 1).min(CAPTION_SCALES.len() - 1);
                false
            }
            PresentCommand::CaptionSmaller => {
                self.caption = self.caption.saturating_sub(1);
                false
            }
        }
    }

    /// Advance the clocks by `dt` seconds. Returns whether autoplay moved to
    /// another stop, and the seconds until autoplay will act next (`None`
    /// when it will not act on its own).
    pub fn update(&mut self, dt: f32) -> (bool, Option<f32>) {
        let dt = if dt.is_finite() { dt.max(0.0) } else { 0.0 };
        self.elapsed += f64::from(dt);
        self.fresh = (self.fresh + dt).min(FRESH_SECS * 2.0);
        let hold = self.hold();
        let Autoplay::Playing { held } = &mut self.autoplay else {
            return (false, None);
        };
        *held += dt;
        if *held < hold {
            return (false, Some(hold - *held));
        }
        if self.pos + 1 < self.len() {
            self.go(self.pos + 1);
            (true, Some(self.hold()))
        } else {
            // The end of the tour: stay on the last stop.
            self.autoplay = Autoplay::Off;
            (false, None)
        }
    }

    /// Start again at `pos` of another tour, keeping the caption size,
    /// the clock and autoplay.
    pub fn replace_tour(&mut self, tour: Tour, pos: usize) {
        self.tour = tour;
        self.pos = pos.min(self.tour.stops.len().saturating_sub(1));
        self.fresh = 0.0;
        if let Autoplay::Playing { held } = &mut self.autoplay {
            *held = 0.0;
        }
    }
}

/// Elapsed seconds as `m:ss` or `h:mm:ss`.
#[must_use]
pub fn clock_text(secs: f64) -> String {
    let s = if secs.is_finite() && secs > 0.0 {
        secs as u64
    } else {
        0
    };
    let (h, m, s) = (s / 3600, (s / 60) % 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::types::Localized;

    fn tour(steps: &[usize], hold: f32) -> Tour {
        Tour {
            id: "t".into(),
            title: Localized::default(),
            description: Localized::default(),
            hold,
            stops: steps
                .iter()
                .map(|&step| TourStop {
                    step,
                    notes: Localized::default(),
                    questions: Vec::new(),
                    hold: None,
                })
                .collect(),
        }
    }

    #[test]
    fn next_and_previous_follow_the_tour_order_and_stop_at_its_ends() {
        let mut p = Presenter::new(tour(&[6, 2, 9], 8.0), 0);
        assert_eq!(p.step(), Some(6));
        assert!(!p.apply(PresentCommand::Prev));
        assert!(p.apply(PresentCommand::Next));
        assert_eq!(p.step(), Some(2));
        assert!(p.apply(PresentCommand::Next));
        assert_eq!(p.step(), Some(9));
        assert!(!p.apply(PresentCommand::Next));
        assert_eq!(p.next_stop(), None);
        assert!(p.apply(PresentCommand::First));
        assert_eq!(p.step(), Some(6));
    }

    #[test]
    fn autoplay_holds_each_stop_then_pauses_and_resumes() {
        let mut t = tour(&[0, 1, 2], 5.0);
        t.stops[1].hold = Some(2.0);
        let mut p = Presenter::new(t, 0);
        p.apply(PresentCommand::ToggleAutoplay);
        assert_eq!(p.update(4.0), (false, Some(1.0)));
        let (moved, wake) = p.update(1.0);
        assert!(moved);
        assert_eq!(p.position(), 1);
        assert_eq!(wake, Some(2.0), "the stop's own hold");
        p.apply(PresentCommand::Pause);
        assert_eq!(p.update(60.0), (false, None));
        assert_eq!(p.position(), 1, "paused autoplay does not move");
        p.apply(PresentCommand::Resume);
        assert!(p.update(2.0).0);
        assert_eq!(p.position(), 2);
        assert_eq!(p.update(5.0), (false, None), "ends on the last stop");
        assert_eq!(p.autoplay(), Autoplay::Off);
    }

    #[test]
    fn blackout_toggles_and_the_caption_size_is_bounded() {
        let mut p = Presenter::new(tour(&[0], 5.0), 0);
        p.apply(PresentCommand::ToggleBlackout);
        assert!(p.blackout());
        p.apply(PresentCommand::ToggleBlackout);
        assert!(!p.blackout());
        for _ in 0..20 {
            p.apply(PresentCommand::CaptionLarger);
        }
        assert_eq!(p.caption_scale(), CAPTION_SCALES[CAPTION_SCALES.len() - 1]);
        for _ in 0..20 {
            p.apply(PresentCommand::CaptionSmaller);
        }
        assert_eq!(p.caption_scale(), CAPTION_SCALES[0]);
    }

    #[test]
    fn freshness_fades_after_arrival() {
        let mut p = Presenter::new(tour(&[0, 1], 5.0), 0);
        assert_eq!(p.freshness(), 1.0);
        p.update(FRESH_SECS / 2.0);
        assert!((p.freshness() - 0.5).abs() < 1e-6);
        p.update(FRESH_SECS);
        assert_eq!(p.freshness(), 0.0);
        p.apply(PresentCommand::Next);
        assert_eq!(p.freshness(), 1.0);
    }

    #[test]
    fn an_empty_tour_and_bad_clocks_do_not_panic() {
        let mut p = Presenter::new(tour(&[], f32::NAN), 5);
        assert!(p.is_empty());
        assert_eq!(p.stop(), None);
        for c in [
            PresentCommand::Next,
            PresentCommand::Prev,
            PresentCommand::Last,
            PresentCommand::GoTo(99),
        ] {
            assert!(!p.apply(c));
        }
        p.apply(PresentCommand::ToggleAutoplay);
        p.update(f32::INFINITY);
        p.update(-3.0);
        assert_eq!(p.hold(), *HOLD_RANGE.start());
    }

    #[test]
    fn clock_text_reads_minutes_and_hours() {
        assert_eq!(clock_text(0.0), "0:00");
        assert_eq!(clock_text(75.9), "1:15");
        assert_eq!(clock_text(3_725.0), "1:02:05");
        assert_eq!(clock_text(f64::NAN), "0:00");
    }
}
