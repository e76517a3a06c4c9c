//! The whole dataset loader, in memory: the bundled dataset with one file
//! (a TOML file, map.geojson or a source text) replaced or edited by the
//! fuzzer's input.
//!
//! Input: byte 0 picks the file (modulo the number of files); byte 1 picks
//! the mode. Even mode: the rest of the input is the file's new content.
//! Odd mode: bytes 2..4 give a position (scaled to the file's length), byte
//! 4 how many bytes to delete there, and the rest is inserted — so the
//! fuzzer explores files close to the valid ones without a seed corpus.
//!
//! Checked: no panic; a load either succeeds (and the state at the first
//! and last day can be computed) or fails with diagnostics that each name a
//! file of the dataset, with positions inside it.
#![no_main]

use std::collections::BTreeMap;

use karabakh_atlas::model::load_memory;
use karabakh_atlas::model::state::state_at;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [which, mode, rest @ ..] = data else {
        return;
    };
    let mut files: BTreeMap<String, Vec<u8>> = karabakh_atlas::bundled::FILES
        .iter()
        .map(|(p, b)| ((*p).to_owned(), b.to_vec()))
        .collect();
    let rel = files
        .keys()
        .nth(usize::from(*which) % files.len())
        .cloned()
        .unwrap_or_default();
    let old = files.get(&rel).cloned().unwrap_or_default();
    let new = if mode % 2 == 0 {
        rest.to_vec()
    } else {
        let [hi, lo, del, insert @ ..] = rest else {
            return;
        };
        let at = usize::from(u16::from_be_bytes([*hi, *lo])) * old.len() / 65_536;
        let end = (at + usize::from(*del)).min(old.len());
        [&old[..at], insert, &old[end..]].concat()
    };
    files.insert(rel, new);
    match load_memory("fuzz", &files) {
        Ok(ds) => {
            std::hint::black_box(state_at(&ds, ds.coverage.from));
            std::hint::black_box(state_at(&ds, ds.coverage.to));
            std::hint::black_box(karabakh_atlas::cli::steps_json(&ds));
        }
        Err(e) => {
            assert!(!e.diagnostics.is_empty());
            for d in &e.diagnostics {
                let file = d.file.strip_prefix("fuzz/").unwrap_or_default();
                assert!(files.contains_key(file), "diagnostic names no file: {d}");
                if let Some(p) = d.position {
                    let bytes = &files[file];
                    let valid = match std::str::from_utf8(bytes) {
                        Ok(s) => s,
                        Err(e) => {
                            std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default()
                        }
                    };
                    let lines = valid.matches('\n').count() + 1;
                    assert!(
                        p.line >= 1 && p.line <= lines && p.column >= 1,
                        "bad position: {d}"
                    );
                }
            }
        }
    }
});
