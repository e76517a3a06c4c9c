//! What happens to a source text after it loads: finding a citation's quote
//! at a character offset (`quote::locate`), ordering it for display
//! (`text::bidi`), and the reader's search (`text::search`), on any text.
//!
//! Input: bytes 0..4 are the offset; the rest is split at the first 0xFF
//! byte into the source text and the quote (each read as lossy UTF-8).
#![no_main]

use karabakh_atlas::model::quote::{self, Located};
use karabakh_atlas::text::bidi::{self, Direction};
use karabakh_atlas::text::search;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [a, b, c, d, rest @ ..] = data else {
        return;
    };
    let offset = u32::from_be_bytes([*a, *b, *c, *d]) as usize;
    let (text, q) = match rest.iter().position(|&x| x == 0xFF) {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, &rest[rest.len() / 2..]),
    };
    let text = String::from_utf8_lossy(text);
    let q = String::from_utf8_lossy(q);
    match quote::locate(&text, &q, offset) {
        Located::Found { bytes } => assert_eq!(text.get(bytes), Some(&*q)),
        Located::Elsewhere { offset: at } => {
            let start = quote::byte_of_char(&text, at).unwrap_or(usize::MAX);
            assert!(text.get(start..).is_some_and(|s| s.starts_with(&*q)));
        }
        Located::Missing(m) => {
            std::hint::black_box(m.describe());
        }
    }
    for base in [Direction::Ltr, Direction::Rtl] {
        let runs = bidi::visual_runs(&text, base);
        std::hint::black_box(runs);
    }
    let lines = bidi::break_lines(&text, 40.0, &mut |s| s.chars().count() as f32 * 7.0);
    for l in &lines {
        std::hint::black_box(bidi::visual_runs_in(&text, Direction::Rtl, l.clone()));
    }
    for m in search::find_all(&text, &q) {
        assert!(text.get(m).is_some());
    }
});
