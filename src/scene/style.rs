//! Colours and sizes of the map, in one place (no literals in the painters).
//!
//! Controllers take colours from the Okabe–Ito palette, which stays
//! distinguishable with the common forms of colour blindness; status is never
//! shown by colour alone (patterns mark pending handovers and undated
//! changes). Colours are plain RGBA bytes so every backend can use them.

use serde::{Deserialize, Serialize};

/// An sRGB colour with alpha, 0–255 per channel (unmultiplied).
pub type Rgba = [u8; 4];

/// Light or dark map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeKind {
    /// Dark ink on a pale background.
    #[default]
    Light,
    /// Pale ink on a dark background.
    Dark,
}

/// A line style.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    /// Width in points.
    pub width: f32,
    /// Colour.
    pub color: Rgba,
    /// Dash and gap lengths in points, for dashed lines.
    pub dash: Option<[f32; 2]>,
}

/// Every colour and size the map uses.
#[derive(Debug, Clone, PartialEq)]
pub struct Style {
    /// Which theme this is.
    pub kind: ThemeKind,
    /// Behind everything: "no data" when the dataset has no base layer.
    pub background: Rgba,
    /// Water: behind everything when the dataset has a base layer, which
    /// draws land over it (seas and lakes are where it has no land).
    pub water: Rgba,
    /// Land of the base layer (countries beyond the map's own areas): the
    /// map's own countries' fill, so no seam shows where they meet.
    pub base_land: Rgba,
    /// Outlines of the base layer's countries.
    pub base_stroke: Stroke,
    /// The graticule (meridians and parallels) over the base layer: where
    /// a view shows only one country's interior or open sea, it still reads
    /// as a map, with positions to point at.
    pub graticule: Stroke,
    /// Countries other than the one the districts belong to.
    pub country_fill: Rgba,
    /// Country outlines.
    pub country_stroke: Stroke,
    /// Neighbouring rayons (context).
    pub rayon_fill: Rgba,
    /// Rayon outlines.
    pub rayon_stroke: Stroke,
    /// Outlines of tracked districts.
    pub district_stroke: Stroke,
    /// Outline of a tracked region (the 1991 boundary).
    pub region_stroke: Stroke,
    /// Other lines (the 1994 ceasefire line).
    pub line_stroke: Stroke,
    /// Outline of the selected place.
    pub selected_stroke: Stroke,
    /// Outline of the place under the pointer.
    pub hover_stroke: Stroke,
    /// Outline of places that changed between the compared dates.
    pub compare_stroke: Stroke,
    /// Label ink for tracked places.
    pub label: Rgba,
    /// Halo behind labels, for legibility over patterns.
    pub halo: Rgba,
    /// Label ink for context areas.
    pub context_label: Rgba,
    /// Town markers.
    pub marker_fill: Rgba,
    /// Town marker outline.
    pub marker_stroke: Stroke,
    /// Size of tracked place labels, points.
    pub label_size: f32,
    /// Size of context labels, points.
    pub context_label_size: f32,
    /// Town marker radius, points.
    pub marker_radius: f32,
    /// Distance between hatch lines, points.
    pub hatch_spacing: f32,
    /// Width of hatch lines, points.
    pub hatch_width: f32,
    /// Source reader: passages cited by the current step.
    pub highlight_current: Rgba,
    /// Source reader: passages cited by other steps.
    pub highlight_other: Rgba,
    /// Source reader: the passage just opened, at the peak of its flash.
    pub highlight_flash: Rgba,
    /// Source reader: find results.
    pub search_hit: Rgba,
    /// Source reader: the line under place names.
    pub mention_underline: Stroke,
    /// The time axis' current-date line.
    pub time_cursor: Rgba,
    /// Ink of the patterns that mark claimed (dots) and inferred (dashes)
    /// control: the label ink, which stands out on every fill.
    pub evidence_ink: Rgba,
    /// Fill of control the view does not show as established: claimed or
    /// inferred control with *Reported control only* on.
    pub unknown_fill: Rgba,
    /// Legend and overlay background.
    pub panel_fill: Rgba,
    /// Legend text.
    pub panel_text: Rgba,
}

/// Okabe–Ito colours in the order controllers receive them (by their order
/// in dataset.toml): orange, blue, bluish green, vermillion, reddish purple,
/// sky blue, yellow.
pub const PALETTE: [Rgba; 7] = [
    [0xE6, 0x9F, 0x00, 0xFF],
    [0x00, 0x72, 0xB2, 0xFF],
    [0x00, 0x9E, 0x73, 0xFF],
    [0xD5, 0x5E, 0x00, 0xFF],
    [0xCC, 0x79, 0xA7, 0xFF],
    [0x56, 0xB4, 0xE9, 0xFF],
    [0xF0, 0xE4, 0x42, 0xFF],
];

/// Mix `a` toward `b` by `t` (0 = a, 1 = b), per channel.
#[must_use]
pub fn mix(a: Rgba, b: Rgba, t: f32) -> Rgba {
    let t = if t.is_finite() {
        t.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let ch = |x: u8, y: u8| {
        let v = f32::from(x) + (f32::from(y) - f32::from(x)) * t;
        // In 0..=255 by construction.
        v.round().clamp(0.0, 255.0) as u8
    };
    [
        ch(a[0], b[0]),
        ch(a[1], b[1]),
        ch(a[2], b[2]),
        ch(a[3], b[3]),
    ]
}

impl Style {
    /// The style for a theme.
    #[must_use]
    pub fn new(kind: ThemeKind) -> Self {
        let (bg, country, rayon, ink, halo, context_ink, panel, panel_text) = match kind {
            ThemeKind::Light => (
                [0xF4, 0xF1, 0xEA, 0xFF],
                [0xE2, 0xDD, 0xD3, 0xFF],
                [0xEC, 0xE8, 0xDF, 0xFF],
                [0x1A, 0x1A, 0x1A, 0xFF],
                [0xFF, 0xFF, 0xFF, 0xE0],
                [0x6B, 0x66, 0x5C, 0xFF],
                [0xFF, 0xFF, 0xFF, 0xEB],
                [0x1A, 0x1A, 0x1A, 0xFF],
            ),
            ThemeKind::Dark => (
                [0x1B, 0x1D, 0x21, 0xFF],
                [0x2B, 0x2D, 0x31, 0xFF],
                [0x33, 0x36, 0x3B, 0xFF],
                [0xF2, 0xF2, 0xF2, 0xFF],
                [0x10, 0x10, 0x10, 0xD0],
                [0xA8, 0xA4, 0x9A, 0xFF],
                [0x22, 0x24, 0x28, 0xEB],
                [0xEE, 0xEE, 0xEE, 0xFF],
            ),
        };
        let thin = |color: Rgba, width: f32| Stroke {
            width,
            color,
            dash: None,
        };
        // Lines and patterns reach 3:1 (WCAG 2.1 non-text contrast) against
        // every fill they can be drawn on, in both themes (tested below and
        // in tests/scene.rs): dark on the pale theme, pale on the dark one.
        let (water, base_land, line, compare) = match kind {
            ThemeKind::Light => (
                [0xCF, 0xDF, 0xE8, 0xFF],
                country,
                [0x8A, 0x10, 0x20, 0xFF],
                mix(PALETTE[4], [0, 0, 0, 0xFF], 0.5),
            ),
            ThemeKind::Dark => (
                [0x15, 0x24, 0x33, 0xFF],
                country,
                [0xFF, 0xA8, 0xA8, 0xFF],
                mix(PALETTE[4], [0xFF, 0xFF, 0xFF, 0xFF], 0.5),
            ),
        };
        Self {
            kind,
            background: bg,
            water,
            base_land,
            base_stroke: thin(mix(base_land, ink, 0.25), 0.6),
            graticule: thin(mix(mix(base_land, water, 0.5), ink, 0.18), 0.5),
            country_fill: country,
            country_stroke: thin(mix(country, ink, 0.35), 0.8),
            rayon_fill: rayon,
            rayon_stroke: thin(mix(rayon, ink, 0.2), 0.6),
            district_stroke: thin(mix(bg, ink, 0.55), 1.0),
            region_stroke: Stroke {
                width: 2.2,
                color: ink,
                dash: Some([7.0, 4.0]),
            },
            line_stroke: Stroke {
                width: 2.0,
                color: line,
                dash: Some([2.0, 3.0]),
            },
            selected_stroke: thin(ink, 3.0),
            hover_stroke: thin(mix(ink, bg, 0.3), 2.0),
            compare_stroke: Stroke {
                width: 3.5,
                color: compare,
                dash: Some([9.0, 4.0]),
            },
            label: ink,
            halo,
            context_label: context_ink,
            marker_fill: ink,
            marker_stroke: thin(halo, 1.5),
            label_size: 14.0,
            context_label_size: 10.5,
            marker_radius: 3.5,
            highlight_current: match kind {
                ThemeKind::Light => [0xFF, 0xD8, 0x4D, 0xFF],
                ThemeKind::Dark => [0x7A, 0x5C, 0x00, 0xFF],
            },
            highlight_other: match kind {
                ThemeKind::Light => [0xE4, 0xE7, 0xEE, 0xFF],
                ThemeKind::Dark => [0x3A, 0x3F, 0x4A, 0xFF],
            },
            highlight_flash: [0xFF, 0x8C, 0x00, 0xFF],
            search_hit: match kind {
                ThemeKind::Light => [0x9E, 0xE6, 0xB8, 0xFF],
                ThemeKind::Dark => [0x1E, 0x6B, 0x45, 0xFF],
            },
            mention_underline: Stroke {
                width: 1.5,
                color: PALETTE[2],
                dash: None,
            },
            time_cursor: PALETTE[3],
            hatch_spacing: 9.0,
            hatch_width: 1.6,
            evidence_ink: ink,
            unknown_fill: match kind {
                ThemeKind::Light => [0xB4, 0xB4, 0xB4, 0xFF],
                ThemeKind::Dark => [0x5A, 0x5A, 0x5A, 0xFF],
            },
            panel_fill: panel,
            panel_text,
        }
    }

    /// The fill of areas held by the controller at `index` (dataset order):
    /// a lighter (pale theme) or darker (dark theme) tint of its palette
    /// colour, so labels stay legible and stripes stand out.
    #[must_use]
    pub fn controller_fill(&self, index: usize) -> Rgba {
        let base = PALETTE[index % PALETTE.len()];
        match self.kind {
            ThemeKind::Light => mix(base, [0xFF, 0xFF, 0xFF, 0xFF], 0.5),
            ThemeKind::Dark => mix(base, [0x00, 0x00, 0x00, 0xFF], 0.55),
        }
    }

    /// The fill of areas the controller at `index` holds part of: its fill
    /// taken half way toward the background (paler in the pale theme,
    /// darker in the dark one), so it reads as lesser control; upright
    /// lines in the controller's ink mark it too, so it never rests on
    /// colour alone.
    #[must_use]
    pub fn controller_part_fill(&self, index: usize) -> Rgba {
        mix(self.controller_fill(index), self.background, 0.5)
    }

    /// The ink of the controller at `index`: a deep (pale theme) or light
    /// (dark theme) shade of its palette colour, used for the stripes that
    /// show a handover or a change toward it. Any controller's ink reaches
    /// 3:1 against any other controller's fill.
    #[must_use]
    pub fn controller_ink(&self, index: usize) -> Rgba {
        let base = PALETTE[index % PALETTE.len()];
        match self.kind {
            ThemeKind::Light => mix(base, [0, 0, 0, 0xFF], 0.6),
            ThemeKind::Dark => mix(base, [0xFF, 0xFF, 0xFF, 0xFF], 0.6),
        }
    }

    /// Every opaque fill lines and patterns can be drawn on: the
    /// background, water, base land, countries, rayons and the first `n`
    /// controllers' fills (see also [`Style::evidence_fills`]).
    #[must_use]
    pub fn fills(&self, n: usize) -> Vec<Rgba> {
        let mut out = vec![
            self.background,
            self.water,
            self.base_land,
            self.country_fill,
            self.rayon_fill,
        ];
        out.extend((0..n).map(|i| self.controller_fill(i)));
        out
    }

    /// The fills that show how the sources support control, for the first
    /// `n` controllers: their part fills, then the unknown fill.
    #[must_use]
    pub fn evidence_fills(&self, n: usize) -> Vec<Rgba> {
        let mut out: Vec<Rgba> = (0..n).map(|i| self.controller_part_fill(i)).collect();
        out.push(self.unknown_fill);
        out
    }
}

/// The relative luminance of an sRGB colour (WCAG 2.1; alpha ignored).
#[must_use]
pub fn relative_luminance(c: Rgba) -> f64 {
    let lin = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.040_45 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
}

/// The WCAG 2.1 contrast ratio of two colours, from 1 (same luminance) to
/// 21 (black on white); the order does not matter.
#[must_use]
pub fn contrast_ratio(a: Rgba, b: Rgba) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controller_fills_differ_from_each_other_and_the_context() {
        for kind in [ThemeKind::Light, ThemeKind::Dark] {
            let s = Style::new(kind);
            let fills: Vec<Rgba> = (0..PALETTE.len()).map(|i| s.controller_fill(i)).collect();
            for (i, a) in fills.iter().enumerate() {
                assert_ne!(*a, s.rayon_fill);
                assert_ne!(*a, s.background);
                for b in &fills[i + 1..] {
                    assert_ne!(a, b);
                }
            }
        }
    }

    #[test]
    fn contrast_ratio_matches_wcag_reference_values() {
        let black = [0, 0, 0, 0xFF];
        let white = [0xFF; 4];
        assert!((contrast_ratio(black, white) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(white, white) - 1.0).abs() < 1e-9);
        // #767676 on white is the well-known 4.54:1 grey.
        let grey = [0x76, 0x76, 0x76, 0xFF];
        assert!((contrast_ratio(grey, white) - 4.54).abs() < 0.01);
    }

    #[test]
    fn lines_and_stripes_reach_three_to_one_on_every_fill_in_both_themes() {
        for kind in [ThemeKind::Light, ThemeKind::Dark] {
            let s = Style::new(kind);
            let fills = s.fills(PALETTE.len());
            for (what, ink) in [
                ("1994 line", s.line_stroke.color),
                ("region boundary", s.region_stroke.color),
                ("compare outline", s.compare_stroke.color),
            ] {
                for f in &fills {
                    let r = contrast_ratio(ink, *f);
                    assert!(r >= 3.0, "{kind:?} {what} {ink:?} on {f:?}: {r:.2}");
                }
            }
            // Stripes toward controller j over the fill of controller i.
            for i in 0..PALETTE.len() {
                for j in (0..PALETTE.len()).filter(|j| *j != i) {
                    let r = contrast_ratio(s.controller_ink(j), s.controller_fill(i));
                    assert!(r >= 3.0, "{kind:?} stripes {j} on fill {i}: {r:.2}");
                }
            }
        }
    }

    #[test]
    fn evidence_patterns_and_stripes_stand_out_on_part_and_unknown_fills_in_both_themes() {
        for kind in [ThemeKind::Light, ThemeKind::Dark] {
            let s = Style::new(kind);
            let n = PALETTE.len();
            let mut inks = vec![
                ("evidence ink", s.evidence_ink),
                ("region boundary", s.region_stroke.color),
                ("1994 line", s.line_stroke.color),
            ];
            inks.extend((0..n).map(|j| ("controller stripes", s.controller_ink(j))));
            for f in s.evidence_fills(n) {
                for (what, ink) in &inks {
                    let r = contrast_ratio(*ink, f);
                    assert!(r >= 3.0, "{kind:?} {what} {ink:?} on {f:?}: {r:.2}");
                }
            }
            // Dots and dashes also stand out on every whole fill.
            for f in s.fills(n) {
                let r = contrast_ratio(s.evidence_ink, f);
                assert!(r >= 3.0, "{kind:?} evidence ink on {f:?}: {r:.2}");
            }
            // A part fill is neither its controller's whole fill nor a
            // context fill, and its upright lines (the controller's ink)
            // stand out on it.
            for i in 0..n {
                let part = s.controller_part_fill(i);
                assert_ne!(part, s.controller_fill(i));
                assert_ne!(part, s.rayon_fill);
                assert_ne!(part, s.unknown_fill);
                let r = contrast_ratio(s.controller_ink(i), part);
                assert!(r >= 3.0, "{kind:?} part lines {i}: {r:.2}");
            }
        }
    }

    #[test]
    fn mix_is_bounded() {
        assert_eq!(mix([0, 0, 0, 0], [255, 255, 255, 255], 2.0), [255; 4]);
        assert_eq!(mix([10, 20, 30, 40], [0; 4], f32::NAN), [10, 20, 30, 40]);
    }
}
