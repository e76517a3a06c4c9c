//! The backend-neutral map layer: projection, label placement, triangulation,
//! hatching, hit-testing and the time axis. No egui here, so the exporters and
//! tests use it without a window.
//!
//! Everything works on plain arrays: geographic points are `[lon, lat]` in
//! degrees (as in [`crate::model::geometry::LonLat`]), screen points are
//! `[x, y]` in points with y growing downwards. Every function accepts any
//! input, including NaN, empty rings and zero-size viewports, and returns
//! something sane instead of panicking.

pub mod axis;
pub mod base;
pub mod display;
pub mod evidence;
pub mod hatch;
pub mod hit;
pub mod labels;
pub mod lod;
pub mod names;
pub mod polylabel;
pub mod projection;
pub mod style;
pub mod triangulate;
