//! Hatching: parallel line segments clipped to a polygon's interior.
//!
//! The map marks an area whose handover is pending with hatching over its
//! fill, and a disputed or contested state with cross-hatching (two calls
//! with different angles). Painters have no pattern fills, so the lines are
//! computed here as plain segments in screen points: each hatch line is
//! intersected with every edge, the crossings are sorted along the line, and
//! alternate intervals are kept (the even-odd rule, so holes stay clear).
//!
//! Work is proportional to lines × edges; [`hatch_segments_within`] limits
//! the lines to those crossing a clip rectangle (the viewport) so a
//! zoomed-in area does not produce thousands of off-screen lines.

/// The most hatch lines one call computes; beyond it the result is empty
/// (a spacing far too small for the area, which would draw a solid smear
/// anyway).
pub const MAX_HATCH_LINES: usize = 20_000;

/// A line segment in screen points.
pub type Segment = ([f32; 2], [f32; 2]);

/// Hatch segments for the polygon `rings` (outer ring then holes, screen
/// points, closed or open rings; the even-odd rule decides the inside).
///
/// The lines run at `angle_rad` (0 is along +x; with y down, positive
/// angles turn clockwise on screen), `spacing` points apart. `phase` shifts
/// the whole family along its normal, in points: lines lie where the signed
/// distance from the screen origin, measured along the normal
/// `(-sin a, cos a)`, equals `phase` plus a multiple of `spacing`. Pass a
/// projected map anchor's offset to make hatching move with the map.
///
/// Empty when `spacing` is not a positive finite number, when any angle,
/// phase or coordinate is not finite, or when more than
/// [`MAX_HATCH_LINES`] lines would be needed.
#[must_use]
pub fn hatch_segments(
    rings: &[Vec<[f32; 2]>],
    spacing: f32,
    angle_rad: f32,
    phase: f32,
) -> Vec<Segment> {
    hatch_impl(rings, spacing, angle_rad, phase, None)
}

/// `segments` cut into dashes `dash` points long with `gap` points between
/// them (dots when `dash` is about the line width), so every backend draws
/// dotted and dashed patterns as plain segments. Each segment starts with a
/// dash. Empty when `dash` or `gap` is not a positive finite number, or when
/// more than [`MAX_HATCH_LINES`] × 64 dashes would be needed.
#[must_use]
pub fn dashes(segments: &[Segment], dash: f32, gap: f32) -> Vec<Segment> {
    let ok = |v: f32| v.is_finite() && v > 0.0;
    if !ok(dash) || !ok(gap) {
        return Vec::new();
    }
    let period = dash + gap;
    let mut out = Vec::new();
    for (a, b) in segments {
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        let len = dx.hypot(dy);
        if !len.is_finite() || len <= 0.0 {
            continue;
        }
        let (ux, uy) = (dx / len, dy / len);
        let mut t = 0.0;
        while t < len {
            if out.len() >= MAX_HATCH_LINES * 64 {
                return Vec::new();
            }
            let end = (t + dash).min(len);
            out.push((
                [a[0] + ux * t, a[1] + uy * t],
                [a[0] + ux * end, a[1] + uy * end],
            ));
            t += period;
        }
    }
    out
}

/// [`hatch_segments`] limited to the lines that cross the rectangle
/// `clip_min`–`clip_max` (screen points, e.g. the viewport). Segments are not
/// cut at the rectangle; the painter's clip does that. A non-finite or
/// inverted rectangle gives no segments.
#[must_use]
pub fn hatch_segments_within(
    rings: &[Vec<[f32; 2]>],
    spacing: f32,
    angle_rad: f32,
    phase: f32,
    clip_min: [f32; 2],
    clip_max: [f32; 2],
) -> Vec<Segment> {
    let finite = clip_min.iter().chain(&clip_max).all(|v| v.is_finite());
    if !finite || clip_min[0] > clip_max[0] || clip_min[1] > clip_max[1] {
        return Vec::new();
    }
    hatch_impl(rings, spacing, angle_rad, phase, Some((clip_min, clip_max)))
}

fn hatch_impl(
    rings: &[Vec<[f32; 2]>],
    spacing: f32,
    angle_rad: f32,
    phase: f32,
    clip: Option<([f32; 2], [f32; 2])>,
) -> Vec<Segment> {
    if !(spacing.is_finite() && spacing > 0.0 && angle_rad.is_finite() && phase.is_finite()) {
        return Vec::new();
    }
    if rings
        .iter()
        .flatten()
        .any(|p| !(p[0].is_finite() && p[1].is_finite()))
    {
        return Vec::new();
    }
    let spacing = f64::from(spacing);
    let phase = f64::from(phase);
    let (sin, cos) = f64::from(angle_rad).sin_cos();
    // `u` runs along the lines, `v` across them.
    let to_uv = |p: [f64; 2]| [p[0] * cos + p[1] * sin, -p[0] * sin + p[1] * cos];

    // Edges in (u, v), skipping those parallel to the lines (they never
    // cross one in the half-open test below).
    let mut edges: Vec<([f64; 2], [f64; 2])> = Vec::new();
    let (mut vmin, mut vmax) = (f64::INFINITY, f64::NEG_INFINITY);
    for ring in rings {
        if ring.len() < 3 {
            continue;
        }
        let mut prev = ring[ring.len() - 1];
        for &cur in ring {
            let a = to_uv([f64::from(prev[0]), f64::from(prev[1])]);
            let b = to_uv([f64::from(cur[0]), f64::from(cur[1])]);
            vmin = vmin.min(a[1]).min(b[1]);
            vmax = vmax.max(a[1]).max(b[1]);
            if a[1] != b[1] {
                edges.push((a, b));
            }
            prev = cur;
        }
    }
    if edges.is_empty() {
        return Vec::new();
    }
    if let Some((lo, hi)) = clip {
        let corners = [
            [lo[0], lo[1]],
            [hi[0], lo[1]],
            [lo[0], hi[1]],
            [hi[0], hi[1]],
        ];
        let vs = corners.map(|c| to_uv([f64::from(c[0]), f64::from(c[1])])[1]);
        let cmin = vs.iter().copied().fold(f64::INFINITY, f64::min);
        let cmax = vs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        vmin = vmin.max(cmin);
        vmax = vmax.min(cmax);
        if vmin > vmax {
            return Vec::new();
        }
    }

    // Line k lies at v = phase + k * spacing.
    let k0 = ((vmin - phase) / spacing).ceil();
    let k1 = ((vmax - phase) / spacing).floor();
    if !(k0.is_finite() && k1.is_finite()) || k1 < k0 {
        return Vec::new();
    }
    let count = k1 - k0 + 1.0;
    #[allow(clippy::cast_precision_loss)]
    let max_lines = MAX_HATCH_LINES as f64;
    if count > max_lines {
        return Vec::new();
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let count = count as usize;

    #[allow(clippy::cast_possible_truncation)]
    let from_uv =
        |u: f64, v: f64| -> [f32; 2] { [(u * cos - v * sin) as f32, (u * sin + v * cos) as f32] };
    let mut out = Vec::new();
    let mut crossings: Vec<f64> = Vec::new();
    for i in 0..count {
        #[allow(clippy::cast_precision_loss)]
        let v = phase + (k0 + i as f64) * spacing;
        crossings.clear();
        for &(a, b) in &edges {
            // Half-open: a vertex exactly on the line counts once.
            if (a[1] > v) != (b[1] > v) {
                let t = (v - a[1]) / (b[1] - a[1]);
                crossings.push(a[0] + t * (b[0] - a[0]));
            }
        }
        crossings.sort_by(f64::total_cmp);
        for pair in crossings.chunks_exact(2) {
            if pair[1] > pair[0] {
                out.push((from_uv(pair[0], v), from_uv(pair[1], v)));
            }
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn dashes_cut_a_segment_into_dashes_and_gaps() {
        let d = dashes(&[([0.0, 0.0], [10.0, 0.0])], 2.0, 3.0);
        assert_eq!(d, [([0.0, 0.0], [2.0, 0.0]), ([5.0, 0.0], [7.0, 0.0])]);
        // A vertical segment, the last dash cut at its end.
        let d = dashes(&[([1.0, 0.0], [1.0, 6.0])], 4.0, 1.0);
        assert_eq!(d, [([1.0, 0.0], [1.0, 4.0]), ([1.0, 5.0], [1.0, 6.0])]);
        assert!(dashes(&[([0.0, 0.0], [1.0, 0.0])], 0.0, 1.0).is_empty());
        assert!(dashes(&[([0.0, 0.0], [1.0, 0.0])], 1.0, f32::NAN).is_empty());
        assert!(dashes(&[([f32::NAN, 0.0], [1.0, 0.0])], 1.0, 1.0).is_empty());
    }

    fn rect(x0: f32, y0: f32, x1: f32, y1: f32) -> Vec<[f32; 2]> {
        vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]
    }

    fn len(s: &Segment) -> f32 {
        (s.1[0] - s.0[0]).hypot(s.1[1] - s.0[1])
    }

    fn inside_rect(p: [f32; 2], r: [f32; 4], tol: f32) -> bool {
        p[0] >= r[0] - tol && p[0] <= r[2] + tol && p[1] >= r[1] - tol && p[1] <= r[3] + tol
    }

    #[test]
    fn rectangle_is_covered_evenly() {
        let r = [100.0, 50.0, 400.0, 250.0];
        let rings = vec![rect(r[0], r[1], r[2], r[3])];
        let area = (r[2] - r[0]) * (r[3] - r[1]);
        for angle in [0.0, 0.3, std::f32::consts::FRAC_PI_4, 1.2, 2.5, -0.7] {
            for (spacing, phase) in [(6.0, 0.0), (8.0, 3.3), (11.5, -20.0)] {
                let segs = hatch_segments(&rings, spacing, angle, phase);
                assert!(!segs.is_empty());
                let total: f32 = segs.iter().map(len).sum();
                let want = area / spacing;
                assert!(
                    ((total - want) / want).abs() < 0.05,
                    "angle {angle} spacing {spacing}: {total} vs {want}"
                );
                for s in &segs {
                    assert!(
                        inside_rect(s.0, r, 1e-2) && inside_rect(s.1, r, 1e-2),
                        "{s:?}"
                    );
                    // Parallel to the angle.
                    let d = [s.1[0] - s.0[0], s.1[1] - s.0[1]];
                    let cross = d[0] * angle.sin() - d[1] * angle.cos();
                    assert!(cross.abs() < 1e-2 * len(s).max(1.0), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn lines_are_spacing_apart_and_follow_the_phase() {
        let rings = vec![rect(0.0, 0.0, 100.0, 100.0)];
        let segs = hatch_segments(&rings, 10.0, 0.0, 2.5);
        let ys: Vec<f32> = segs.iter().map(|s| s.0[1]).collect();
        assert_eq!(ys.len(), 10);
        for (i, y) in ys.iter().enumerate() {
            assert!((y - (2.5 + 10.0 * i as f32)).abs() < 1e-4, "{ys:?}");
        }
    }

    #[test]
    fn holes_get_no_segments() {
        let hole = [150.0, 100.0, 250.0, 180.0];
        let rings = vec![
            rect(100.0, 50.0, 400.0, 250.0),
            rect(hole[0], hole[1], hole[2], hole[3]),
        ];
        for angle in [0.0, 0.5, 1.0, std::f32::consts::FRAC_PI_2, 2.0] {
            let segs = hatch_segments(&rings, 5.0, angle, 0.0);
            assert!(!segs.is_empty());
            for s in &segs {
                for k in 0..=20 {
                    let t = k as f32 / 20.0;
                    let p = [
                        s.0[0] + t * (s.1[0] - s.0[0]),
                        s.0[1] + t * (s.1[1] - s.0[1]),
                    ];
                    let strictly_in_hole = p[0] > hole[0] + 1e-2
                        && p[0] < hole[2] - 1e-2
                        && p[1] > hole[1] + 1e-2
                        && p[1] < hole[3] - 1e-2;
                    assert!(!strictly_in_hole, "{s:?} crosses the hole at {p:?}");
                }
            }
            let total: f32 = segs.iter().map(len).sum();
            let want = (300.0 * 200.0 - 100.0 * 80.0) / 5.0;
            assert!(((total - want) / want).abs() < 0.05, "{total} vs {want}");
        }
    }

    #[test]
    fn concave_polygon_gets_several_segments_per_line() {
        // A "U": a horizontal line through both arms gives two segments.
        let u = vec![vec![
            [0.0, 0.0],
            [10.0, 0.0],
            [10.0, 100.0],
            [90.0, 100.0],
            [90.0, 0.0],
            [100.0, 0.0],
            [100.0, 110.0],
            [0.0, 110.0],
        ]];
        let segs = hatch_segments(&u, 10.0, 0.0, 5.0);
        let at_55: Vec<_> = segs
            .iter()
            .filter(|s| (s.0[1] - 55.0).abs() < 1e-3)
            .collect();
        assert_eq!(at_55.len(), 2, "{at_55:?}");
    }

    #[test]
    fn bad_input_gives_nothing() {
        let rings = vec![rect(0.0, 0.0, 10.0, 10.0)];
        assert!(hatch_segments(&rings, 0.0, 0.0, 0.0).is_empty());
        assert!(hatch_segments(&rings, -1.0, 0.0, 0.0).is_empty());
        assert!(hatch_segments(&rings, f32::NAN, 0.0, 0.0).is_empty());
        assert!(hatch_segments(&rings, f32::INFINITY, 0.0, 0.0).is_empty());
        assert!(hatch_segments(&rings, 1.0, f32::NAN, 0.0).is_empty());
        assert!(hatch_segments(&rings, 1.0, 0.0, f32::INFINITY).is_empty());
        assert!(hatch_segments(&[], 1.0, 0.0, 0.0).is_empty());
        assert!(hatch_segments(&[vec![]], 1.0, 0.0, 0.0).is_empty());
        assert!(hatch_segments(&[vec![[0.0, 0.0], [5.0, 5.0]]], 1.0, 0.0, 0.0).is_empty());
        let nan = vec![vec![[0.0, 0.0], [f32::NAN, 1.0], [1.0, 1.0]]];
        assert!(hatch_segments(&nan, 1.0, 0.0, 0.0).is_empty());
        // Far too many lines.
        assert!(hatch_segments(&[rect(0.0, 0.0, 1e6, 1e6)], 1.0, 0.0, 0.0).is_empty());
        // Zero-area ring: no segments, no panic.
        let flat = vec![rect(0.0, 5.0, 10.0, 5.0)];
        assert!(hatch_segments(&flat, 1.0, 0.0, 0.0).is_empty());
    }

    #[test]
    fn within_a_clip_rectangle() {
        let huge = vec![rect(-1e6, -1e6, 1e6, 1e6)];
        assert!(hatch_segments(&huge, 8.0, 0.5, 0.0).is_empty());
        let segs = hatch_segments_within(&huge, 8.0, 0.5, 0.0, [0.0, 0.0], [800.0, 600.0]);
        assert!(!segs.is_empty() && segs.len() < 200, "{}", segs.len());
        // Every line crosses the clip rectangle.
        for s in &segs {
            let (sin, cos) = 0.5f32.sin_cos();
            let v = -s.0[0] * sin + s.0[1] * cos;
            let corners = [[0.0f32, 0.0], [800.0, 0.0], [0.0, 600.0], [800.0, 600.0]];
            let vs = corners.map(|c| -c[0] * sin + c[1] * cos);
            let lo = vs.iter().copied().fold(f32::INFINITY, f32::min);
            let hi = vs.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            assert!(v >= lo - 1.0 && v <= hi + 1.0);
        }
        let small = vec![rect(0.0, 0.0, 10.0, 10.0)];
        assert!(
            hatch_segments_within(&small, 2.0, 0.0, 0.0, [100.0, 100.0], [200.0, 200.0]).is_empty()
        );
        assert!(hatch_segments_within(&small, 2.0, 0.0, 0.0, [10.0, 10.0], [0.0, 0.0]).is_empty());
        assert_eq!(
            hatch_segments_within(&small, 2.0, 0.0, 1.0, [-5.0, -5.0], [50.0, 50.0]),
            hatch_segments(&small, 2.0, 0.0, 1.0)
        );
    }
}
