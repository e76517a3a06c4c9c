//! The list of files compiled into the binary matches the data folder, so a
//! file added to the dataset cannot be silently left out of the binary.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeSet;

fn files_under(dir: &std::path::Path, prefix: &str, out: &mut BTreeSet<String>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy().into_owned();
        let rel = format!("{prefix}{name}");
        if e.file_type().unwrap().is_dir() {
            files_under(&e.path(), &format!("{rel}/"), out);
        } else {
            out.insert(rel);
        }
    }
}

#[test]
fn bundled_files_are_exactly_the_dataset_files() {
    let mut on_disk = BTreeSet::new();
    files_under(&common::data_dir(), "", &mut on_disk);
    // Documentation, the import recipe and the JSON Schemas for editors are
    // not part of the loaded dataset.
    on_disk.retain(|f| !f.ends_with(".md") && f != "map-import.toml" && !f.starts_with("schema/"));
    let bundled: BTreeSet<String> = karabakh_atlas::bundled::FILES
        .iter()
        .map(|(p, _)| (*p).to_owned())
        .collect();
    assert_eq!(bundled, on_disk);
    for (rel, bytes) in karabakh_atlas::bundled::FILES {
        assert_eq!(
            *bytes,
            std::fs::read(common::data_dir().join(rel))
                .unwrap()
                .as_slice(),
            "{rel}"
        );
    }
}
