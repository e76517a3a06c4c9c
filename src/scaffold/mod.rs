//! `karabakh-atlas new DIR`: a small, valid, clearly fictional dataset to
//! start from. It is the complete minimal example of the format: every file
//! a dataset needs, with comments explaining each field, two districts and a
//! town at 0° N 0° E, two controllers, one invented source text and four
//! steps (a baseline, a change, an agreed handover with a deadline claim,
//! and the handover) citing it verbatim.
//!
//! The files are in `src/scaffold/example/`, compiled in.

use std::path::{Path, PathBuf};

use crate::interop::{WriteError, write_dataset};

/// The example dataset: path inside the dataset folder and contents.
pub const FILES: [(&str, &str); 6] = [
    ("dataset.toml", include_str!("example/dataset.toml")),
    ("places.toml", include_str!("example/places.toml")),
    ("sources.toml", include_str!("example/sources.toml")),
    ("timeline.toml", include_str!("example/timeline.toml")),
    ("map.geojson", include_str!("example/map.geojson")),
    (
        "sources/example-bulletin.txt",
        include_str!("example/sources/example-bulletin.txt"),
    ),
];

/// Write the example dataset into `dir`, which must not exist (its parent
/// must) or be an empty folder. All files appear together or none does.
/// Returns the paths written.
///
/// # Errors
/// [`WriteError::NotEmpty`] if `dir` holds anything, [`WriteError::NotFolder`]
/// if it is a file, [`WriteError::Write`] if the parent folder is missing or
/// a write fails.
pub fn create(dir: &Path) -> Result<Vec<PathBuf>, WriteError> {
    let files: Vec<(String, Vec<u8>)> = FILES
        .iter()
        .map(|(name, text)| ((*name).to_owned(), text.as_bytes().to_vec()))
        .collect();
    write_dataset(dir, &files, false)
}

/// What to print after [`create`] succeeded: what was written and what to
/// do next.
#[must_use]
pub fn next_steps(dir: &Path) -> String {
    let d = shell_word(&dir.display().to_string());
    format!(
        "Created an example dataset in {shown}: dataset.toml, places.toml, sources.toml, timeline.toml, map.geojson and sources/example-bulletin.txt.\n\
         Everything in it is invented; the comments in each file explain its fields.\n\
         \n\
         Next:\n  \
         karabakh-atlas check --data {d}    validate it (after every edit)\n  \
         karabakh-atlas --data {d}          open it in the viewer\n",
        shown = dir.display()
    )
}

/// `s` quoted for a POSIX shell when it holds anything but plain characters.
fn shell_word(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | '-' | '_' | ':' | '+' | ','));
    if plain {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn every_file_a_dataset_needs_is_in_the_example() {
        for required in crate::model::load::REQUIRED_FILES {
            assert!(
                FILES.iter().any(|(n, _)| *n == required),
                "{required} missing"
            );
        }
    }

    #[test]
    fn folder_names_with_spaces_are_quoted_in_the_advice() {
        assert!(next_steps(Path::new("my data")).contains("--data 'my data'"));
        assert!(next_steps(Path::new("plain")).contains("--data plain "));
    }
}
