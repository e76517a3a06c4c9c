//! The map parser (`MapData::parse`) on any UTF-8 text: no panic, and every
//! error names the file; a JSON syntax error has a line inside the text.
#![no_main]

use karabakh_atlas::model::geometry::MapData;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(errors) = MapData::parse("map.geojson", text) {
        assert!(!errors.is_empty());
        for d in &errors {
            assert_eq!(d.file, "map.geojson");
            if let Some(p) = d.position {
                assert!(
                    p.line >= 1 && p.line <= text.matches('\n').count() + 1,
                    "{d}"
                );
            }
        }
    }
});
