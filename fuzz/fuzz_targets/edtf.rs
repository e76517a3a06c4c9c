//! The EDTF reader (`model::parse_edtf`) on any text: it never panics; a
//! date it accepts has its start on or before its end, and written back as
//! EDTF reads as the same date; a refusal names the value it was given.
//!
//! Input: the bytes as lossy UTF-8.
#![no_main]

use karabakh_atlas::model::parse_edtf;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match parse_edtf(&text) {
        Ok(spec) => {
            assert!(spec.start() <= spec.end(), "{text:?} gave {spec:?}");
            assert_eq!(parse_edtf(&spec.edtf()), Ok(spec), "{text:?}");
        }
        Err(e) => {
            assert_eq!(e.value(), text.trim());
            std::hint::black_box(e.to_string());
        }
    }
});
