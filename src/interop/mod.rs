//! Getting timelines in and out: writing a whole dataset folder at once
//! (shared by `karabakh-atlas new` and the importers), TOML files for people
//! to edit ([`toml_doc`]) and the TimelineJS3 format ([`timelinejs`]).
//!
//! This layer sits above `model` (what a dataset is) and below `cli` (the
//! commands that call it); it uses no `cli` or `ui` code. Writing files goes
//! through `crate::export`'s staged, all-or-nothing writer.

pub mod timelinejs;
pub mod toml_doc;

use std::path::{Path, PathBuf};

use crate::atomic::StagedDir;
use crate::export::ExportError;

/// Why a dataset folder could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The folder exists and holds something, and replacing was not allowed.
    #[error("{}: the folder already exists and is not empty (it holds {first})", path.display())]
    NotEmpty {
        /// The folder.
        path: PathBuf,
        /// The name of one entry in it.
        first: String,
    },
    /// The path exists and is not a folder.
    #[error("{}: that is a file, not a folder; a dataset is a folder of files", path.display())]
    NotFolder {
        /// The path.
        path: PathBuf,
    },
    /// Writing failed (the message names the path and what to do).
    #[error(transparent)]
    Write(#[from] ExportError),
}

/// A dataset as files: paths relative to the dataset folder (`/`-separated,
/// e.g. `sources/a.txt`) and their bytes.
pub type DatasetFiles = Vec<(String, Vec<u8>)>;

/// The first entry of folder `dir` (hidden ones included), if any.
fn first_entry(dir: &Path) -> Option<String> {
    let mut entries = std::fs::read_dir(dir).ok()?;
    entries
        .next()
        .and_then(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
}

/// Write `files` into the folder `dir` all together or not at all (staged in
/// a hidden folder, then moved into place; see [`StagedDir`]). A missing
/// `dir` is created (its parent must exist); an existing empty one is used;
/// an existing one that holds anything is refused unless `replace`, and then
/// only the files named in `files` are replaced: anything else in the
/// folder is left as it was. Returns the paths written.
///
/// # Errors
/// [`WriteError::NotEmpty`], [`WriteError::NotFolder`], or
/// [`WriteError::Write`] when the parent folder is missing or a write fails
/// (the folder is then left as it was).
pub fn write_dataset(
    dir: &Path,
    files: &[(String, Vec<u8>)],
    replace: bool,
) -> Result<Vec<PathBuf>, WriteError> {
    if dir.symlink_metadata().is_ok() {
        if !dir.is_dir() {
            return Err(WriteError::NotFolder {
                path: dir.to_owned(),
            });
        }
        if !replace && let Some(first) = first_entry(dir) {
            return Err(WriteError::NotEmpty {
                path: dir.to_owned(),
                first,
            });
        }
    }
    let names: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
    let mut staged = StagedDir::begin(dir, &names, replace).map_err(ExportError::from)?;
    for (name, bytes) in files {
        staged.add(name, bytes).map_err(ExportError::from)?;
    }
    Ok(staged.commit().map_err(ExportError::from)?)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_that_holds_something_is_kept_unless_replacing() {
        let dir = tempfile::tempdir().unwrap();
        let files = vec![
            ("a.toml".to_owned(), b"a".to_vec()),
            ("sources/s.txt".to_owned(), b"s".to_vec()),
        ];
        let out = dir.path().join("new");
        let written = write_dataset(&out, &files, false).unwrap();
        assert_eq!(written.len(), 2);
        assert_eq!(std::fs::read(out.join("sources/s.txt")).unwrap(), b"s");
        let e = write_dataset(&out, &files, false).unwrap_err();
        assert!(matches!(e, WriteError::NotEmpty { .. }), "{e}");
        std::fs::write(out.join("mine.txt"), b"user").unwrap();
        let files2 = vec![("a.toml".to_owned(), b"a2".to_vec())];
        write_dataset(&out, &files2, true).unwrap();
        assert_eq!(std::fs::read(out.join("a.toml")).unwrap(), b"a2");
        assert_eq!(std::fs::read(out.join("mine.txt")).unwrap(), b"user");
        let e = write_dataset(&out.join("mine.txt"), &files, true).unwrap_err();
        assert!(matches!(e, WriteError::NotFolder { .. }), "{e}");
        let empty = dir.path().join("empty");
        std::fs::create_dir(&empty).unwrap();
        write_dataset(&empty, &files, false).unwrap();
        assert_eq!(std::fs::read(empty.join("a.toml")).unwrap(), b"a");
    }
}
