//! The map projection: WGS84 longitude/latitude to screen points and back,
//! and the camera moves (fit, zoom about the cursor, pan) built on it.
//!
//! The map covers a few hundred kilometres, so a plain equirectangular
//! projection with longitudes scaled by the cosine of a reference latitude
//! (the middle of the map) is accurate enough and, unlike Web Mercator, keeps
//! the arithmetic exact and invertible:
//!
//! ```text
//! x = viewport_centre_x + (lon - centre_lon) * cos(ref_lat) * zoom
//! y = viewport_centre_y - (lat - centre_lat) * zoom
//! ```
//!
//! Screen points are `[f32; 2]` with y growing downwards (egui's convention);
//! geographic points are `[lon, lat]` in degrees as in
//! [`crate::model::geometry::LonLat`]. Invalid input (NaN, zero or negative
//! zoom, an empty viewport) is replaced by documented fallbacks rather than
//! propagated, so a bad frame never poisons the camera.

use serde::{Deserialize, Serialize};

/// Kilometres in one degree of latitude (the mean meridian degree, rounded;
/// good to about 0.5 % anywhere, which is plenty for a scale bar).
pub const KM_PER_DEGREE_LAT: f64 = 111.32;

/// The zoom (points per degree of latitude) used when none can be computed:
/// a NaN or non-positive zoom, a bounding box with no extent, or a viewport
/// with no size. 150 points per degree shows a region a few degrees across
/// in a typical window.
pub const DEFAULT_ZOOM: f64 = 150.0;

/// The smallest `|cos(ref_lat)|` used, so longitudes stay invertible even for
/// a reference latitude at a pole.
const MIN_COS: f64 = 1e-6;

/// What the map shows: which point is at the viewport centre and how large.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Camera {
    /// `[lon, lat]` in degrees shown at the centre of the viewport.
    pub center: [f64; 2],
    /// Screen points per degree of latitude (larger is closer).
    pub zoom: f64,
}

impl Default for Camera {
    /// Longitude 0, latitude 0 at [`DEFAULT_ZOOM`]: a fallback only, nothing
    /// dataset-specific; the viewer and the exporters fit the dataset's
    /// places with [`fit`].
    fn default() -> Self {
        Self {
            center: [0.0, 0.0],
            zoom: DEFAULT_ZOOM,
        }
    }
}

impl Camera {
    /// This camera with NaN/infinite centre coordinates replaced by the
    /// default's and a NaN, infinite or non-positive zoom by
    /// [`DEFAULT_ZOOM`].
    #[must_use]
    pub fn sanitized(self) -> Self {
        let d = Self::default();
        Self {
            center: [
                finite_or(self.center[0], d.center[0]),
                finite_or(self.center[1], d.center[1]),
            ],
            zoom: if self.zoom.is_finite() && self.zoom > 0.0 {
                self.zoom
            } else {
                DEFAULT_ZOOM
            },
        }
    }
}

/// The screen rectangle the map is drawn in, in points.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Viewport {
    /// Top-left corner.
    pub min: [f32; 2],
    /// Width and height (non-positive or non-finite sizes count as zero).
    pub size: [f32; 2],
}

impl Viewport {
    /// The viewport's centre in screen points (its `min` when it has no size).
    #[must_use]
    pub fn center(&self) -> [f64; 2] {
        let [w, h] = self.sanitized_size();
        [
            finite_or(f64::from(self.min[0]), 0.0) + w / 2.0,
            finite_or(f64::from(self.min[1]), 0.0) + h / 2.0,
        ]
    }

    /// Width and height with negative or non-finite values replaced by zero.
    fn sanitized_size(&self) -> [f64; 2] {
        let s = |v: f32| {
            let v = f64::from(v);
            if v.is_finite() && v > 0.0 { v } else { 0.0 }
        };
        [s(self.size[0]), s(self.size[1])]
    }

    /// Whether the screen point `p` lies inside the viewport (edges included).
    #[must_use]
    pub fn contains(&self, p: [f32; 2]) -> bool {
        let [w, h] = self.sanitized_size();
        let (x, y) = (f64::from(p[0]), f64::from(p[1]));
        let (x0, y0) = (f64::from(self.min[0]), f64::from(self.min[1]));
        x >= x0 && x <= x0 + w && y >= y0 && y <= y0 + h
    }
}

/// A longitude/latitude bounding box in degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GeoBBox {
    /// Smallest `[lon, lat]`.
    pub min: [f64; 2],
    /// Largest `[lon, lat]`.
    pub max: [f64; 2],
}

impl GeoBBox {
    /// The smallest box holding every finite point of `points`; `None` when
    /// there is none.
    #[must_use]
    pub fn from_points<I: IntoIterator<Item = [f64; 2]>>(points: I) -> Option<Self> {
        points
            .into_iter()
            .filter(|p| p[0].is_finite() && p[1].is_finite())
            .fold(None, |acc: Option<Self>, p| {
                Some(match acc {
                    None => Self { min: p, max: p },
                    Some(b) => b.expand(p),
                })
            })
    }

    /// The smallest box holding both boxes.
    #[must_use]
    pub fn union(self, other: Self) -> Self {
        Self {
            min: [self.min[0].min(other.min[0]), self.min[1].min(other.min[1])],
            max: [self.max[0].max(other.max[0]), self.max[1].max(other.max[1])],
        }
    }

    /// The smallest box holding this one and the point `p` (a non-finite
    /// point leaves the box unchanged).
    #[must_use]
    pub fn expand(self, p: [f64; 2]) -> Self {
        if !(p[0].is_finite() && p[1].is_finite()) {
            return self;
        }
        self.union(Self { min: p, max: p })
    }

    /// The box's centre `[lon, lat]`.
    #[must_use]
    pub fn center(&self) -> [f64; 2] {
        [
            (self.min[0] + self.max[0]) / 2.0,
            (self.min[1] + self.max[1]) / 2.0,
        ]
    }

    /// Width in degrees of longitude and height in degrees of latitude (zero
    /// for an inverted or non-finite box).
    #[must_use]
    pub fn size(&self) -> [f64; 2] {
        let d = |a: f64, b: f64| {
            let v = b - a;
            if v.is_finite() && v > 0.0 { v } else { 0.0 }
        };
        [d(self.min[0], self.max[0]), d(self.min[1], self.max[1])]
    }

    /// Whether `p` lies in the box (edges included).
    #[must_use]
    pub fn contains(&self, p: [f64; 2]) -> bool {
        p[0] >= self.min[0] && p[0] <= self.max[0] && p[1] >= self.min[1] && p[1] <= self.max[1]
    }
}

/// A camera applied to a viewport: converts between geographic and screen
/// points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    camera: Camera,
    viewport: Viewport,
    /// Viewport centre in screen points.
    vc: [f64; 2],
    /// `cos(ref_lat)`, at least [`MIN_COS`].
    cos: f64,
}

impl Projection {
    /// The projection showing `camera` in `viewport`, with longitudes scaled by
    /// `cos(ref_lat_deg)` (use the latitude of the map's middle; a NaN
    /// reference counts as the equator). The camera is
    /// [sanitized](Camera::sanitized) first.
    #[must_use]
    pub fn new(camera: Camera, viewport: Viewport, ref_lat_deg: f64) -> Self {
        Self {
            camera: camera.sanitized(),
            viewport,
            vc: viewport.center(),
            cos: lon_scale(ref_lat_deg),
        }
    }

    /// The (sanitized) camera.
    #[must_use]
    pub fn camera(&self) -> Camera {
        self.camera
    }

    /// The viewport.
    #[must_use]
    pub fn viewport(&self) -> Viewport {
        self.viewport
    }

    /// The factor applied to longitudes, `cos(ref_lat)`.
    #[must_use]
    pub fn lon_scale(&self) -> f64 {
        self.cos
    }

    /// The screen point of the geographic point `g` (`[lon, lat]`).
    #[must_use]
    #[allow(clippy::cast_possible_truncation)] // f64 -> f32 is the screen's precision
    pub fn screen_from_geo(&self, g: [f64; 2]) -> [f32; 2] {
        let z = self.camera.zoom;
        let c = self.camera.center;
        [
            (self.vc[0] + (g[0] - c[0]) * self.cos * z) as f32,
            (self.vc[1] - (g[1] - c[1]) * z) as f32,
        ]
    }

    /// The geographic point (`[lon, lat]`) under the screen point `s`.
    #[must_use]
    pub fn geo_from_screen(&self, s: [f32; 2]) -> [f64; 2] {
        let z = self.camera.zoom;
        let c = self.camera.center;
        [
            c[0] + (f64::from(s[0]) - self.vc[0]) / (self.cos * z),
            c[1] - (f64::from(s[1]) - self.vc[1]) / z,
        ]
    }

    /// Screen points per kilometre, for a scale bar. Uses
    /// [`KM_PER_DEGREE_LAT`]; because longitudes are scaled by
    /// `cos(ref_lat)`, the value holds in both directions at the reference
    /// latitude (and within a few per cent across the region).
    #[must_use]
    pub fn points_per_km(&self) -> f64 {
        self.camera.zoom / KM_PER_DEGREE_LAT
    }

    /// The geographic box visible in the viewport (for culling).
    #[must_use]
    pub fn visible_bbox(&self) -> GeoBBox {
        let v = self.viewport;
        let [w, h] = v.sanitized_size();
        #[allow(clippy::cast_possible_truncation)]
        let far = [
            (f64::from(v.min[0]) + w) as f32,
            (f64::from(v.min[1]) + h) as f32,
        ];
        let a = self.geo_from_screen(v.min);
        let b = self.geo_from_screen(far);
        GeoBBox {
            min: [a[0].min(b[0]), a[1].min(b[1])],
            max: [a[0].max(b[0]), a[1].max(b[1])],
        }
    }
}

/// `cos(ref_lat_deg)` made safe: NaN counts as the equator, and the result is
/// at least [`MIN_COS`].
fn lon_scale(ref_lat_deg: f64) -> f64 {
    let lat = finite_or(ref_lat_deg, 0.0);
    lat.to_radians().cos().abs().max(MIN_COS)
}

fn finite_or(v: f64, fallback: f64) -> f64 {
    if v.is_finite() { v } else { fallback }
}

/// `v` limited to `[lo, hi]` without panicking: the bounds are swapped if
/// reversed and ignored if NaN.
fn clamp_lenient(v: f64, lo: f64, hi: f64) -> f64 {
    let (lo, hi) = if lo > hi { (hi, lo) } else { (lo, hi) };
    let mut v = v;
    if v < lo {
        v = lo;
    }
    if v > hi {
        v = hi;
    }
    v
}

/// The camera that shows all of `bbox` in `viewport`, centred, leaving
/// `margin_frac` of the viewport's width and height free on each side
/// (clamped to `0..=0.45`; NaN counts as no margin).
///
/// A box with no extent in one direction is fitted by the other; a box with
/// no extent at all, a non-finite box or an empty viewport gives
/// [`DEFAULT_ZOOM`] centred on the box (or the default camera's centre).
#[must_use]
pub fn fit(bbox: GeoBBox, viewport: Viewport, ref_lat_deg: f64, margin_frac: f32) -> Camera {
    let d = Camera::default();
    let c = bbox.center();
    let center = if c[0].is_finite() && c[1].is_finite() {
        c
    } else {
        d.center
    };
    let margin = clamp_lenient(finite_or(f64::from(margin_frac), 0.0), 0.0, 0.45);
    let [vw, vh] = viewport.sanitized_size();
    let (aw, ah) = (vw * (1.0 - 2.0 * margin), vh * (1.0 - 2.0 * margin));
    let [bw, bh] = bbox.size();
    let bw = bw * lon_scale(ref_lat_deg);
    let mut zoom = f64::INFINITY;
    if bw > 0.0 {
        zoom = zoom.min(aw / bw);
    }
    if bh > 0.0 {
        zoom = zoom.min(ah / bh);
    }
    if !(zoom.is_finite() && zoom > 0.0) {
        zoom = DEFAULT_ZOOM;
    }
    Camera { center, zoom }
}

/// `camera` zoomed by `factor` (above 1 is closer) so that the geographic
/// point under `anchor_screen` (as shown by `proj`) stays under it. The new
/// zoom is limited to `min_zoom..=max_zoom`; a NaN or non-positive factor
/// counts as 1, and a non-finite anchor zooms about the viewport centre.
#[must_use]
pub fn zoom_about(
    camera: Camera,
    proj: &Projection,
    anchor_screen: [f32; 2],
    factor: f64,
    min_zoom: f64,
    max_zoom: f64,
) -> Camera {
    let camera = camera.sanitized();
    let factor = if factor.is_finite() && factor > 0.0 {
        factor
    } else {
        1.0
    };
    let mut zoom = clamp_lenient(camera.zoom * factor, min_zoom, max_zoom);
    if !(zoom.is_finite() && zoom > 0.0) {
        zoom = camera.zoom;
    }
    let anchor = [f64::from(anchor_screen[0]), f64::from(anchor_screen[1])];
    let anchor = if anchor[0].is_finite() && anchor[1].is_finite() {
        anchor
    } else {
        proj.vc
    };
    #[allow(clippy::cast_possible_truncation)]
    let g = proj.geo_from_screen([anchor[0] as f32, anchor[1] as f32]);
    let center = [
        g[0] - (anchor[0] - proj.vc[0]) / (proj.cos * zoom),
        g[1] + (anchor[1] - proj.vc[1]) / zoom,
    ];
    if center[0].is_finite() && center[1].is_finite() {
        Camera { center, zoom }
    } else {
        camera
    }
}

/// `camera` moved so that the map follows a drag of `delta_screen` points
/// (the content moves with the pointer), at the scale `proj` shows. A
/// non-finite delta leaves the camera unchanged.
#[must_use]
pub fn pan(camera: Camera, proj: &Projection, delta_screen: [f32; 2]) -> Camera {
    let camera = camera.sanitized();
    let (dx, dy) = (f64::from(delta_screen[0]), f64::from(delta_screen[1]));
    if !(dx.is_finite() && dy.is_finite()) {
        return camera;
    }
    let z = proj.camera.zoom;
    let center = [
        camera.center[0] - dx / (proj.cos * z),
        camera.center[1] + dy / z,
    ];
    if center[0].is_finite() && center[1].is_finite() {
        Camera {
            center,
            zoom: camera.zoom,
        }
    } else {
        camera
    }
}

/// The smallest zoom at which `fill` covers the whole of `viewport` (so
/// nothing beyond it can show); `None` when `fill` or the viewport has no
/// extent or the result is not finite.
#[must_use]
pub fn zoom_to_fill(fill: GeoBBox, viewport: Viewport, ref_lat_deg: f64) -> Option<f64> {
    let [vw, vh] = viewport.sanitized_size();
    let [bw, bh] = fill.size();
    let bw = bw * lon_scale(ref_lat_deg);
    if !(bw > 0.0 && bh > 0.0 && vw > 0.0 && vh > 0.0) {
        return None;
    }
    let z = (vw / bw).max(vh / bh);
    z.is_finite().then_some(z)
}

/// `camera` limited so the data can never leave the view: the projected
/// `data` box keeps overlapping `viewport` by `margin_pts` points (or by
/// all of its own size, when smaller) in both directions, and, when a
/// `fill` box is given (the base layer's extent), the zoom is at least
/// [`zoom_to_fill`] and the view stays inside `fill` wherever that does not
/// conflict with keeping the data in view. Cameras already within the
/// limits are returned unchanged; the result is [sanitized](Camera::sanitized).
#[must_use]
pub fn clamp_camera(
    camera: Camera,
    viewport: Viewport,
    ref_lat_deg: f64,
    data: GeoBBox,
    fill: Option<GeoBBox>,
    margin_pts: f32,
) -> Camera {
    let mut cam = camera.sanitized();
    let [vw, vh] = viewport.sanitized_size();
    if vw <= 0.0 || vh <= 0.0 {
        return cam;
    }
    if let Some(z) = fill.and_then(|f| zoom_to_fill(f, viewport, ref_lat_deg)) {
        cam.zoom = cam.zoom.max(z);
    }
    let cos = lon_scale(ref_lat_deg);
    let margin = finite_or(f64::from(margin_pts), 0.0).max(0.0);
    // Degrees per point along each axis.
    let per_pt = [1.0 / (cos * cam.zoom), 1.0 / cam.zoom];
    let half = [vw / 2.0, vh / 2.0];
    for axis in 0..2 {
        let (lo, hi) = (data.min[axis], data.max[axis]);
        if !(lo.is_finite() && hi.is_finite()) {
            continue;
        }
        let size_pts = (hi - lo) / per_pt[axis];
        let m = margin.min(size_pts).min(half[axis] * 2.0);
        // The data's far edge at least `m` inside the near edge of the view.
        let reach = (half[axis] - m) * per_pt[axis];
        let (mut c_lo, mut c_hi) = (lo - reach, hi + reach);
        if let Some(f) = fill {
            let h = half[axis] * per_pt[axis];
            let (f_lo, f_hi) = (f.min[axis] + h, f.max[axis] - h);
            // Stay inside the base layer where the data allows it.
            if f_lo <= f_hi {
                c_lo = c_lo.max(f_lo).min(c_hi);
                c_hi = c_hi.min(f_hi).max(c_lo);
            }
        }
        cam.center[axis] = clamp_lenient(cam.center[axis], c_lo, c_hi);
    }
    cam.sanitized()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn cameras() -> Vec<(Camera, Viewport, f64)> {
        vec![
            (
                Camera::default(),
                Viewport {
                    min: [0.0, 0.0],
                    size: [800.0, 600.0],
                },
                39.75,
            ),
            (
                Camera {
                    center: [46.2, 39.3],
                    zoom: 2000.0,
                },
                Viewport {
                    min: [120.0, 35.5],
                    size: [1024.0, 700.0],
                },
                40.0,
            ),
            (
                Camera {
                    center: [-3.0, 60.0],
                    zoom: 7.5,
                },
                Viewport {
                    min: [-50.0, 10.0],
                    size: [300.0, 900.0],
                },
                60.0,
            ),
            (
                Camera {
                    center: [0.0, 0.0],
                    zoom: 1.0,
                },
                Viewport {
                    min: [0.0, 0.0],
                    size: [0.0, 0.0],
                },
                0.0,
            ),
        ]
    }

    #[test]
    fn round_trips() {
        for (cam, vp, lat) in cameras() {
            let p = Projection::new(cam, vp, lat);
            for i in 0..=20 {
                for j in 0..=20 {
                    let s = [
                        vp.min[0] + vp.size[0] * i as f32 / 20.0,
                        vp.min[1] + vp.size[1] * j as f32 / 20.0,
                    ];
                    let back = p.screen_from_geo(p.geo_from_screen(s));
                    assert!(
                        (back[0] - s[0]).abs() < 1e-4 && (back[1] - s[1]).abs() < 1e-4,
                        "{s:?} -> {back:?}"
                    );
                    let g = [
                        cam.center[0] - 1.0 + f64::from(i) * 0.1,
                        cam.center[1] - 1.0 + f64::from(j) * 0.1,
                    ];
                    let back = p.geo_from_screen(p.screen_from_geo(g));
                    assert!(
                        (back[0] - g[0]).abs() < 1e-4 && (back[1] - g[1]).abs() < 1e-4,
                        "{g:?} -> {back:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn centre_maps_to_viewport_centre_and_north_is_up() {
        let vp = Viewport {
            min: [10.0, 20.0],
            size: [200.0, 100.0],
        };
        let cam = Camera {
            center: [46.0, 40.0],
            zoom: 100.0,
        };
        let p = Projection::new(cam, vp, 40.0);
        assert_eq!(p.screen_from_geo([46.0, 40.0]), [110.0, 70.0]);
        let north = p.screen_from_geo([46.0, 40.1]);
        let east = p.screen_from_geo([46.1, 40.0]);
        assert!(north[1] < 70.0 && (north[1] - 60.0).abs() < 1e-3);
        let expect_east = 110.0 + 0.1 * 40f64.to_radians().cos() * 100.0;
        assert!((f64::from(east[0]) - expect_east).abs() < 1e-3);
        assert!((p.points_per_km() - 100.0 / 111.32).abs() < 1e-12);
    }

    #[test]
    fn fit_shows_every_corner() {
        let bbox = GeoBBox::from_points([[45.0, 38.8], [47.6, 40.6], [46.0, 39.0]]).unwrap();
        for (_, vp, _) in cameras().into_iter().take(3) {
            for margin in [0.0, 0.05, 0.2] {
                let lat = bbox.center()[1];
                let cam = fit(bbox, vp, lat, margin);
                let p = Projection::new(cam, vp, lat);
                let mut touches = false;
                for c in [
                    bbox.min,
                    bbox.max,
                    [bbox.min[0], bbox.max[1]],
                    [bbox.max[0], bbox.min[1]],
                ] {
                    let s = p.screen_from_geo(c);
                    let m = [vp.size[0] * margin, vp.size[1] * margin];
                    let tol = 1e-3;
                    assert!(s[0] >= vp.min[0] + m[0] - tol, "{s:?} in {vp:?}");
                    assert!(s[1] >= vp.min[1] + m[1] - tol, "{s:?} in {vp:?}");
                    assert!(s[0] <= vp.min[0] + vp.size[0] - m[0] + tol, "{s:?}");
                    assert!(s[1] <= vp.min[1] + vp.size[1] - m[1] + tol, "{s:?}");
                    touches |= (s[0] - (vp.min[0] + m[0])).abs() < 1e-2
                        || (s[1] - (vp.min[1] + m[1])).abs() < 1e-2;
                }
                assert!(touches, "the box fills the viewport in one direction");
            }
        }
    }

    #[test]
    fn fit_degenerate_inputs() {
        let vp = Viewport {
            min: [0.0, 0.0],
            size: [800.0, 600.0],
        };
        let point = GeoBBox {
            min: [46.0, 40.0],
            max: [46.0, 40.0],
        };
        assert_eq!(
            fit(point, vp, 40.0, 0.1),
            Camera {
                center: [46.0, 40.0],
                zoom: DEFAULT_ZOOM
            }
        );
        let nan = GeoBBox {
            min: [f64::NAN, 0.0],
            max: [1.0, f64::NAN],
        };
        let cam = fit(nan, Viewport::default(), f64::NAN, f32::NAN);
        assert!(cam.center[0].is_finite() && cam.zoom > 0.0);
        // A horizontal line is fitted by its width.
        let line = GeoBBox {
            min: [46.0, 40.0],
            max: [47.0, 40.0],
        };
        let cam = fit(line, vp, 0.0, 0.0);
        assert!((cam.zoom - 800.0).abs() < 1e-9);
        assert!(GeoBBox::from_points([]).is_none());
        assert!(GeoBBox::from_points([[f64::NAN, 1.0]]).is_none());
    }

    #[test]
    fn bbox_union_expand_center() {
        let a = GeoBBox::from_points([[0.0, 0.0], [1.0, 1.0]]).unwrap();
        let b = GeoBBox::from_points([[2.0, -1.0]]).unwrap();
        let u = a.union(b);
        assert_eq!(u.min, [0.0, -1.0]);
        assert_eq!(u.max, [2.0, 1.0]);
        assert_eq!(u.center(), [1.0, 0.0]);
        assert_eq!(a.expand([f64::NAN, 5.0]), a);
        assert_eq!(a.expand([-1.0, 0.5]).min, [-1.0, 0.0]);
        assert!(u.contains([1.5, 0.5]) && !u.contains([3.0, 0.0]));
    }

    #[test]
    fn zoom_about_keeps_the_anchor_fixed() {
        for (cam, vp, lat) in cameras().into_iter().take(3) {
            let p = Projection::new(cam, vp, lat);
            for anchor in [
                [vp.min[0] + 10.0, vp.min[1] + 20.0],
                [vp.min[0] + vp.size[0] * 0.7, vp.min[1] + vp.size[1] * 0.3],
            ] {
                for factor in [0.5, 1.1, 3.0] {
                    let g = p.geo_from_screen(anchor);
                    let cam2 = zoom_about(cam, &p, anchor, factor, 1e-3, 1e7);
                    assert!((cam2.zoom - cam.zoom * factor).abs() < 1e-9);
                    let p2 = Projection::new(cam2, vp, lat);
                    let g2 = p2.geo_from_screen(anchor);
                    assert!(
                        (g[0] - g2[0]).abs() < 1e-6 && (g[1] - g2[1]).abs() < 1e-6,
                        "{g:?} vs {g2:?}"
                    );
                    let s2 = p2.screen_from_geo(g);
                    assert!((s2[0] - anchor[0]).abs() < 1e-3 && (s2[1] - anchor[1]).abs() < 1e-3);
                }
            }
        }
    }

    #[test]
    fn zoom_about_clamps() {
        let (cam, vp, lat) = cameras()[0];
        let p = Projection::new(cam, vp, lat);
        let anchor = [100.0, 100.0];
        let g = p.geo_from_screen(anchor);
        let near = zoom_about(cam, &p, anchor, 1000.0, 10.0, 400.0);
        assert_eq!(near.zoom, 400.0);
        let far = zoom_about(cam, &p, anchor, 0.001, 10.0, 400.0);
        assert_eq!(far.zoom, 10.0);
        // Still anchored when clamped.
        let g2 = Projection::new(near, vp, lat).geo_from_screen(anchor);
        assert!((g[0] - g2[0]).abs() < 1e-6 && (g[1] - g2[1]).abs() < 1e-6);
        // Reversed bounds, NaN factor and NaN anchor do not panic.
        assert_eq!(zoom_about(cam, &p, anchor, 1000.0, 400.0, 10.0).zoom, 400.0);
        assert_eq!(zoom_about(cam, &p, anchor, f64::NAN, 1.0, 1e6), cam);
        let c = zoom_about(cam, &p, [f32::NAN, 1.0], 2.0, f64::NAN, f64::NAN);
        assert!(c.center[0].is_finite() && c.zoom > 0.0);
    }

    #[test]
    fn pan_moves_the_content_with_the_pointer() {
        let (cam, vp, lat) = cameras()[1];
        let p = Projection::new(cam, vp, lat);
        let start = [300.0, 200.0];
        let g = p.geo_from_screen(start);
        let cam2 = pan(cam, &p, [25.0, -40.0]);
        let s = Projection::new(cam2, vp, lat).screen_from_geo(g);
        assert!(
            (s[0] - 325.0).abs() < 1e-3 && (s[1] - 160.0).abs() < 1e-3,
            "{s:?}"
        );
        assert_eq!(pan(cam, &p, [f32::NAN, 0.0]), cam);
    }

    #[test]
    fn bad_cameras_are_sanitized() {
        let bad = Camera {
            center: [f64::NAN, f64::INFINITY],
            zoom: -3.0,
        };
        let p = Projection::new(bad, Viewport::default(), f64::NAN);
        let s = p.screen_from_geo([46.0, 40.0]);
        assert!(s[0].is_finite() && s[1].is_finite());
        let g = p.geo_from_screen([1.0, 1.0]);
        assert!(g[0].is_finite() && g[1].is_finite());
        let polar = Projection::new(Camera::default(), Viewport::default(), 90.0);
        assert!(polar.geo_from_screen([5.0, 5.0])[0].is_finite());
        let vb = Projection::new(
            Camera::default(),
            Viewport {
                min: [0.0, 0.0],
                size: [800.0, 600.0],
            },
            39.75,
        )
        .visible_bbox();
        assert!(vb.contains(Camera::default().center));
    }

    #[test]
    fn camera_serde_round_trip() {
        let cam = Camera {
            center: [46.5, 39.9],
            zoom: 321.0,
        };
        let json = serde_json::to_string(&cam).unwrap();
        let back: Camera = serde_json::from_str(&json).unwrap();
        assert_eq!(back, cam);
    }

    fn region() -> (GeoBBox, GeoBBox, Viewport) {
        let data = GeoBBox {
            min: [45.0, 38.7],
            max: [48.0, 41.0],
        };
        let base = GeoBBox {
            min: [36.0, 33.0],
            max: [57.0, 46.0],
        };
        let vp = Viewport {
            min: [10.0, 20.0],
            size: [1280.0, 800.0],
        };
        (data, base, vp)
    }

    /// The data box on screen overlaps the viewport by at least `m` points
    /// in both directions.
    fn overlaps(cam: Camera, vp: Viewport, data: GeoBBox, m: f32) -> bool {
        let p = Projection::new(cam, vp, 39.85);
        let a = p.screen_from_geo(data.min);
        let b = p.screen_from_geo(data.max);
        let (x0, x1) = (a[0].min(b[0]), a[0].max(b[0]));
        let (y0, y1) = (a[1].min(b[1]), a[1].max(b[1]));
        let (vx0, vy0) = (vp.min[0], vp.min[1]);
        let (vx1, vy1) = (vx0 + vp.size[0], vy0 + vp.size[1]);
        let tol = 0.01;
        x1 >= vx0 + m - tol && x0 <= vx1 - m + tol && y1 >= vy0 + m - tol && y0 <= vy1 - m + tol
    }

    #[test]
    fn clamped_pans_never_lose_the_data() {
        let (data, base, vp) = region();
        let fitted = fit(data, vp, 39.85, 0.05);
        let proj = Projection::new(fitted, vp, 39.85);
        for delta in [
            [1e5, 0.0],
            [-1e5, 0.0],
            [0.0, 1e5],
            [0.0, -1e5],
            [3000.0, -2500.0],
        ] {
            let moved = pan(fitted, &proj, delta);
            assert!(
                !overlaps(moved, vp, data, 100.0),
                "{delta:?} must lose the data unclamped"
            );
            for fill in [None, Some(base)] {
                let c = clamp_camera(moved, vp, 39.85, data, fill, 100.0);
                assert!(overlaps(c, vp, data, 100.0), "{delta:?} {fill:?}: {c:?}");
            }
        }
    }

    #[test]
    fn clamped_zoom_out_stops_where_the_base_fills_the_view() {
        let (data, base, vp) = region();
        let far = Camera {
            center: data.center(),
            zoom: 5.0,
        };
        let c = clamp_camera(far, vp, 39.85, data, Some(base), 100.0);
        let visible = Projection::new(c, vp, 39.85).visible_bbox();
        let eps = 1e-6;
        assert!(visible.min[0] >= base.min[0] - eps && visible.max[0] <= base.max[0] + eps);
        assert!(visible.min[1] >= base.min[1] - eps && visible.max[1] <= base.max[1] + eps);
        assert!(c.zoom > 5.0);
        // Without a base layer only the data limits the camera.
        let c = clamp_camera(far, vp, 39.85, data, None, 100.0);
        assert!((c.zoom - 5.0).abs() < 1e-9);
    }

    #[test]
    fn cameras_within_the_limits_are_unchanged() {
        let (data, base, vp) = region();
        let fitted = fit(data, vp, 39.85, 0.05);
        assert_eq!(
            clamp_camera(fitted, vp, 39.85, data, Some(base), 100.0),
            fitted
        );
        let near = Camera {
            center: [46.1, 39.4],
            zoom: 4000.0,
        };
        assert_eq!(clamp_camera(near, vp, 39.85, data, Some(base), 100.0), near);
    }

    #[test]
    fn clamping_near_the_base_edge_keeps_the_view_inside_it() {
        let (data, base, vp) = region();
        // A wide view panned east: the base's east edge would show.
        let cam = Camera {
            center: [55.0, 40.0],
            zoom: 120.0,
        };
        let c = clamp_camera(cam, vp, 39.85, data, Some(base), 100.0);
        let visible = Projection::new(c, vp, 39.85).visible_bbox();
        assert!(visible.max[0] <= base.max[0] + 1e-6, "{visible:?}");
    }

    #[test]
    fn clamping_survives_bad_input() {
        let (data, base, vp) = region();
        let bad = Camera {
            center: [f64::NAN, f64::INFINITY],
            zoom: -3.0,
        };
        let c = clamp_camera(bad, vp, f64::NAN, data, Some(base), f32::NAN);
        assert!(c.center[0].is_finite() && c.center[1].is_finite() && c.zoom > 0.0);
        let empty = Viewport::default();
        let c = clamp_camera(Camera::default(), empty, 40.0, data, Some(base), 100.0);
        assert_eq!(c, Camera::default());
    }
}
