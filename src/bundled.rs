//! The bundled dataset, compiled into the binary so an installed
//! `karabakh-atlas` works from any directory with no files beside it.
//!
//! `tests/bundled.rs` checks that this list matches the files under `data/`.

/// Every bundled file: its path relative to the dataset folder, and its bytes.
pub const FILES: &[(&str, &[u8])] = &[
    ("dataset.toml", include_bytes!("../data/dataset.toml")),
    ("places.toml", include_bytes!("../data/places.toml")),
    ("sources.toml", include_bytes!("../data/sources.toml")),
    ("timeline.toml", include_bytes!("../data/timeline.toml")),
    ("map.geojson", include_bytes!("../data/map.geojson")),
    ("base.geojson", include_bytes!("../data/base.geojson")),
    (
        "tours/full-story.toml",
        include_bytes!("../data/tours/full-story.toml"),
    ),
    (
        "tours/handovers.toml",
        include_bytes!("../data/tours/handovers.toml"),
    ),
    (
        "sources/000_e9a2265f803ec764.txt",
        include_bytes!("../data/sources/000_e9a2265f803ec764.txt"),
    ),
    (
        "sources/001_fa7c7b3e50b8450d.txt",
        include_bytes!("../data/sources/001_fa7c7b3e50b8450d.txt"),
    ),
    (
        "sources/002_3be7c62d43463b36.txt",
        include_bytes!("../data/sources/002_3be7c62d43463b36.txt"),
    ),
    (
        "sources/003_aa2be337efc126e9.txt",
        include_bytes!("../data/sources/003_aa2be337efc126e9.txt"),
    ),
    (
        "sources/004_02206ce5f1357834.txt",
        include_bytes!("../data/sources/004_02206ce5f1357834.txt"),
    ),
];

/// The bytes of bundled file `rel`, if it exists.
#[must_use]
pub fn file(rel: &str) -> Option<&'static [u8]> {
    FILES.iter().find(|(p, _)| *p == rel).map(|(_, b)| *b)
}
