//! The exports' side of atomic writing ([`crate::atomic`]): the same checks
//! and writes, with failures as [`ExportError`]s, whose messages say what to
//! do on the command line (e.g. "pass --force").

use std::path::Path;

use super::ExportError;
use crate::atomic::{self, AtomicError};

impl From<AtomicError> for ExportError {
    fn from(e: AtomicError) -> Self {
        match e {
            AtomicError::Exists { path } => Self::Exists { path },
            AtomicError::NoFolder { path, folder } => Self::NoFolder { path, folder },
            AtomicError::IsFolder { path } => Self::IsFolder { path },
            AtomicError::NotFolder { path } => Self::NotFolder { path },
            AtomicError::Io {
                action,
                path,
                source,
            } => Self::Io {
                action: action.as_str(),
                path,
                source,
            },
        }
    }
}

/// Whether `path` can be written: its folder exists, it is not a folder,
/// and (unless `force`) no file has that name. [`write_file_atomic`] checks
/// the same; call this first to fail before doing the work.
///
/// # Errors
/// [`ExportError::NoFolder`], [`ExportError::IsFolder`],
/// [`ExportError::Exists`].
pub fn check_target(path: &Path, force: bool) -> Result<(), ExportError> {
    Ok(atomic::check_target(path, force)?)
}

/// Write `bytes` to `path` atomically with [`atomic::write_file`]: readers
/// see the old file or the whole new one, a failure leaves nothing behind,
/// and an existing file is refused unless `force`.
///
/// # Errors
/// [`ExportError::Exists`], [`ExportError::IsFolder`],
/// [`ExportError::NoFolder`] (the folder is missing or is not a folder), or
/// [`ExportError::Io`] (e.g. a read-only folder).
pub fn write_file_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<(), ExportError> {
    Ok(atomic::write_file(path, bytes, force)?)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_single_file_is_written_once_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        write_file_atomic(&p, b"one", false).unwrap();
        let e = write_file_atomic(&p, b"two", false).unwrap_err();
        assert!(matches!(e, ExportError::Exists { .. }));
        assert!(e.to_string().contains("--force"));
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        write_file_atomic(&p, b"two", true).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let under_file = p.join("b.txt");
        assert!(matches!(
            write_file_atomic(&under_file, b"x", false),
            Err(ExportError::NoFolder { .. })
        ));
        assert!(matches!(
            write_file_atomic(dir.path(), b"x", true),
            Err(ExportError::IsFolder { .. })
        ));
    }

    #[test]
    fn staging_errors_keep_their_export_messages() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        std::fs::write(&file, b"x").unwrap();
        let e: ExportError = atomic::StagedDir::begin(&file, &[], true)
            .unwrap_err()
            .into();
        assert!(matches!(e, ExportError::NotFolder { .. }));
        assert!(e.to_string().contains("one file per step needs a folder"));
    }
}
