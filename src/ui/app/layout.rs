//! How the window is shared between the map and the panels around it.
//!
//! The map is what a class looks at, so it keeps at least
//! [`MIN_MAP_SHARE`] of the window at any shape. The panels give way in a
//! fixed order: first the chart folds into the time panel's compact form,
//! then the step card narrows to its minimum, then it folds away, and last
//! the time panel takes its smallest height. The reader is different: it
//! is opened on purpose, to read, so while it is open beside the map the
//! side panels keep their widths and only the chart gives way. None of this changes the user's
//! settings: the chart, card and reader come back when the window has room,
//! and sizes the user dragged are kept (egui remembers them) within the
//! caps given here.

/// The smallest share of the window the map keeps (the target is 45%; a
/// little more leaves room for the panels' borders).
pub const MIN_MAP_SHARE: f32 = 0.47;

/// The menu bar's height, points.
pub const MENU_HEIGHT: f32 = 26.0;
/// The time panel with the chart, points.
pub const TIME_WITH_CHART: f32 = 340.0;
/// The time panel without the chart, points.
pub const TIME_COMPACT: f32 = 150.0;
/// The time panel's smallest height, points.
pub const TIME_MIN: f32 = 110.0;
/// The step card's preferred and smallest widths, points.
pub const CARD_WIDTH: (f32, f32) = (380.0, 240.0);
/// The reader's preferred and smallest widths, points.
pub const READER_WIDTH: (f32, f32) = (440.0, 260.0);

/// What the user has asked to see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wants {
    /// The time panel.
    pub time_panel: bool,
    /// The territory chart in it.
    pub chart: bool,
    /// The step card.
    pub card: bool,
    /// The reader beside the map (not popped out).
    pub reader: bool,
}

/// What this window shape gives each part.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plan {
    /// The time panel's largest height (0 when it is hidden).
    pub time_height: f32,
    /// Whether the chart is drawn.
    pub chart: bool,
    /// The step card's largest width (0 when it is not shown).
    pub card_width: f32,
    /// The reader's largest width (0 when it is not shown).
    pub reader_width: f32,
}

impl Plan {
    /// The share of a `window` the map gets with this plan.
    #[must_use]
    pub fn map_share(&self, window: [f32; 2]) -> f32 {
        let [w, h] = window;
        if w <= 0.0 || h <= 0.0 {
            return 0.0;
        }
        let map_w = (w - self.card_width - self.reader_width).max(0.0);
        let map_h = (h - MENU_HEIGHT - self.time_height).max(0.0);
        map_w * map_h / (w * h)
    }
}

/// The plan for a window of `window` points showing what `wants` asks for.
#[must_use]
pub fn plan(window: [f32; 2], wants: Wants) -> Plan {
    let [w, h] = window;
    let time = |chart: bool| {
        if !wants.time_panel {
            0.0
        } else if chart {
            TIME_WITH_CHART.min(0.36 * h).max(TIME_COMPACT)
        } else {
            TIME_COMPACT
        }
    };
    let mut p = Plan {
        time_height: time(wants.chart),
        chart: wants.time_panel && wants.chart,
        card_width: if wants.card {
            CARD_WIDTH.0.min(0.3 * w).max(CARD_WIDTH.1)
        } else {
            0.0
        },
        reader_width: if wants.reader {
            READER_WIDTH.0.min(0.34 * w).max(READER_WIDTH.1)
        } else {
            0.0
        },
    };
    let fits = |p: &Plan| p.map_share(window) >= MIN_MAP_SHARE;
    if wants.reader {
        // Reading: the text keeps its room; only the chart gives way.
        if !fits(&p) {
            p.chart = false;
            p.time_height = time(false);
        }
        return p;
    }
    // The steps by which the panels give way, in order.
    let steps: [&dyn Fn(&mut Plan); 4] = [
        &|p| {
            p.chart = false;
            p.time_height = time(false);
        },
        &|p| p.card_width = p.card_width.min(CARD_WIDTH.1),
        &|p| p.card_width = 0.0,
        &|p| {
            if p.time_height > 0.0 {
                p.time_height = TIME_MIN;
            }
        },
    ];
    for step in steps {
        if fits(&p) {
            break;
        }
        step(&mut p);
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEFAULT: Wants = Wants {
        time_panel: true,
        chart: true,
        card: true,
        reader: false,
    };

    #[test]
    fn the_map_keeps_its_share_at_every_window_shape() {
        for window in [
            [800.0, 600.0],
            [1280.0, 800.0],
            [1920.0, 1080.0],
            [1600.0, 600.0],
            [700.0, 1000.0],
        ] {
            let p = plan(window, DEFAULT);
            assert!(
                p.map_share(window) >= 0.45,
                "{window:?}: {p:?} gives the map {:.2}",
                p.map_share(window)
            );
        }
    }

    #[test]
    fn a_large_window_shows_everything_and_a_small_one_folds_the_chart_first() {
        let big = plan([1920.0, 1080.0], DEFAULT);
        assert!(big.chart);
        assert!((big.card_width - CARD_WIDTH.0).abs() < 1e-3);
        let small = plan([800.0, 600.0], DEFAULT);
        assert!(!small.chart, "{small:?}");
        assert!(small.card_width > 0.0, "the card stays: {small:?}");
        // What the user turned off stays off, and gives the map its room.
        let bare = plan(
            [800.0, 600.0],
            Wants {
                time_panel: false,
                chart: false,
                card: false,
                reader: false,
            },
        );
        assert!((bare.map_share([800.0, 600.0]) - (600.0 - MENU_HEIGHT) / 600.0).abs() < 1e-3);
    }

    #[test]
    fn with_the_reader_open_the_text_keeps_its_room_and_the_chart_folds() {
        let wants = Wants {
            reader: true,
            ..DEFAULT
        };
        let p = plan([1280.0, 800.0], wants);
        assert!(!p.chart, "{p:?}");
        assert!((p.reader_width - READER_WIDTH.0.min(0.34 * 1280.0)).abs() < 1e-3);
        assert!((p.card_width - CARD_WIDTH.0).abs() < 1e-3);
    }
}
