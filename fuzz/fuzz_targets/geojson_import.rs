//! The time-enabled GeoJSON import (`interop::geojson_import::import`) on
//! any UTF-8 text.
//!
//! Checked: no panic; a refusal has diagnostics that each name the layer
//! (or, when the dataset made from it does not load, one of the dataset's
//! files), with positions inside the text; an import that succeeds is a
//! dataset the loader accepts.
#![no_main]

use std::collections::BTreeMap;

use karabakh_atlas::interop::geojson_import::{Fields, import};
use karabakh_atlas::model::load_memory;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match import("layer.geojson", "layer.geojson", text, &Fields::default()) {
        Ok(imported) => {
            let files: BTreeMap<String, Vec<u8>> = imported.files.into_iter().collect();
            assert!(load_memory("imported", &files).is_ok());
        }
        Err(e) => {
            assert!(!e.diagnostics.is_empty());
            for d in &e.diagnostics {
                assert!(
                    d.file == "layer.geojson" || d.file.starts_with("imported/"),
                    "{d}"
                );
                if d.file == "layer.geojson"
                    && let Some(p) = d.position
                {
                    assert!(p.line >= 1 && p.line <= text.matches('\n').count() + 1, "{d}");
                }
            }
        }
    }
});
