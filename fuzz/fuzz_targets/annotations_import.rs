//! The Web Annotation import (`interop::annotations::import`) on any UTF-8
//! text, against the bundled dataset's sources.
//!
//! Checked: no panic; every annotation it anchors is verbatim in its source
//! at the offset it gives (so the citation passes `check`); a refusal has
//! diagnostics that each name the file.
#![no_main]

use std::sync::OnceLock;

use karabakh_atlas::interop::annotations::import;
use karabakh_atlas::model::{Dataset, load_bundled};
use libfuzzer_sys::fuzz_target;

fn dataset() -> Option<&'static Dataset> {
    static DS: OnceLock<Option<Dataset>> = OnceLock::new();
    DS.get_or_init(|| load_bundled().ok()).as_ref()
}

fuzz_target!(|data: &[u8]| {
    let (Ok(text), Some(ds)) = (std::str::from_utf8(data), dataset()) else {
        return;
    };
    match import(ds, "annotations.json", text, None) {
        Ok(read) => {
            assert!(read.anchored.len() <= read.total);
            for a in &read.anchored {
                let source = ds.source(&a.source).map(|s| s.text.as_str()).unwrap_or_default();
                let at: String = source.chars().skip(a.offset).take(a.quote.chars().count()).collect();
                assert_eq!(at, a.quote);
                assert!(!a.quote.is_empty());
            }
        }
        Err(e) => {
            assert!(!e.diagnostics.is_empty());
            for d in &e.diagnostics {
                assert_eq!(d.file, "annotations.json", "{d}");
            }
        }
    }
});
