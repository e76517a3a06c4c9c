//! Fitting a stop onto one page: how large its map, how many columns its
//! passages, how much room to answer and what size its text ([`Fit`]),
//! chosen by measuring the stop's content ([`choose`]).
//!
//! The ways to make room are tried in this order: the map is scaled down
//! (from [`FIGURE_MAX`] down to [`FIGURE_MIN`] points high); the passages are
//! set in two columns; the questions get one answer line instead of two;
//! and only then is all the text made smaller, in steps down to
//! [`SCALES`]' last (a body text of 7.5 points). If the stop still does not
//! fit, it is set at that floor and runs onto the next page, whose header
//! says the stop continues.

/// The tallest the map figure is set, points.
pub(super) const FIGURE_MAX: f32 = 300.0;
/// The smallest the map figure (its map and legend, without the figure's
/// header and credit) is set, points: its text is then as large as that of
/// the whole figure set 170 points high.
pub(super) const FIGURE_MIN: f32 = 130.0;
/// Text sizes tried, as factors of the normal sizes; the last is the floor
/// (body text 7.5 points, passages 9, headings 10.5; the smallest text
/// stays at [`SMALLEST`]).
pub(super) const SCALES: [f32; 4] = [1.0, 0.9, 0.8, 0.75];
/// The smallest size any text is set at, points.
pub(super) const SMALLEST: f32 = 7.0;
/// Answer lines per question tried, most first.
const ANSWER_LINES: [usize; 2] = [2, 1];

/// How a stop is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Fit {
    /// The map figure's greatest height, points.
    pub figure_h: f32,
    /// The passages in two columns.
    pub two_columns: bool,
    /// Ruled lines to answer each question on.
    pub answer_lines: usize,
    /// The factor on every text size.
    pub scale: f32,
}

impl Fit {
    /// The largest setting.
    #[cfg(test)]
    pub const FULL: Self = Self {
        figure_h: FIGURE_MAX,
        two_columns: false,
        answer_lines: ANSWER_LINES[0],
        scale: SCALES[0],
    };

    /// The smallest setting, for a stop that does not fit on one page.
    pub const FLOOR: Self = Self {
        figure_h: FIGURE_MIN,
        two_columns: false,
        answer_lines: ANSWER_LINES[1],
        scale: SCALES[3],
    };
}

/// The first setting, in the order the module describes, at which a stop
/// fits in `body` points of page height, and whether it fits (if not,
/// [`Fit::FLOOR`]). `measure(fit)` is how high the stop comes out with
/// `fit` but a map of no height; `columns` says whether two columns can
/// differ from one (there are two passages or more).
pub(super) fn choose(
    body: f32,
    columns: bool,
    measure: &mut dyn FnMut(&Fit) -> f32,
) -> (Fit, bool) {
    for scale in SCALES {
        for answer_lines in ANSWER_LINES {
            for two_columns in [false, true] {
                if two_columns && !columns {
                    continue;
                }
                let fit = Fit {
                    figure_h: 0.0,
                    two_columns,
                    answer_lines,
                    scale,
                };
                // A point to spare, so that rounding cannot push the last
                // line onto another page.
                let room = body - measure(&fit) - 1.0;
                if room >= FIGURE_MIN {
                    return (
                        Fit {
                            figure_h: room.min(FIGURE_MAX),
                            ..fit
                        },
                        true,
                    );
                }
            }
        }
    }
    (Fit::FLOOR, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stop whose text is `text` high at full size, shrinking in
    /// proportion to the scale, less `column_saving` in two columns and
    /// 22 points per answer line dropped.
    #[allow(clippy::cast_precision_loss)] // 1 or 2 lines
    fn stop(text: f32, column_saving: f32) -> impl FnMut(&Fit) -> f32 {
        move |f: &Fit| {
            let lines = 22.0 * f.answer_lines as f32;
            let cols = if f.two_columns { column_saving } else { 0.0 };
            (text - cols) * f.scale + lines
        }
    }

    #[test]
    fn the_map_shrinks_first_then_columns_then_answers_then_text() {
        let body = 700.0;
        // Short: full size.
        assert_eq!(
            choose(body, true, &mut stop(300.0, 50.0)),
            (Fit::FULL, true)
        );
        // A little longer: the map shrinks, nothing else.
        let (f, ok) = choose(body, true, &mut stop(420.0, 50.0));
        assert!(ok && !f.two_columns && f.scale == 1.0 && f.answer_lines == 2);
        assert!(f.figure_h < FIGURE_MAX && f.figure_h >= FIGURE_MIN, "{f:?}");
        // Longer: two columns.
        let (f, ok) = choose(body, true, &mut stop(540.0, 50.0));
        assert!(
            ok && f.two_columns && f.scale == 1.0 && f.answer_lines == 2,
            "{f:?}"
        );
        // Without passages to split, one answer line instead.
        let (f, ok) = choose(body, false, &mut stop(540.0, 50.0));
        assert!(ok && !f.two_columns && f.answer_lines == 1, "{f:?}");
        // Longer still: smaller text.
        let (f, ok) = choose(body, true, &mut stop(600.0, 10.0));
        assert!(ok && f.scale < 1.0, "{f:?}");
        // Too long for the floor.
        assert_eq!(
            choose(body, true, &mut stop(2000.0, 10.0)),
            (Fit::FLOOR, false)
        );
    }
}
