//! Atomic file writing: one file through a temporary file renamed into
//! place, and a set of files staged in a hidden folder and moved into place
//! together. A leaf module (it uses nothing else of the crate), shared by the
//! exports, the dataset writer, the schema writer and the viewer's
//! screenshots; each of them maps [`AtomicError`] to its own words.
//!
//! # What is guaranteed
//!
//! - **Never overwrite without consent.** Without `replace`, an existing
//!   name is refused before anything is written ([`check_target`],
//!   [`StagedDir::begin`]) and again, without a race, when the file is put
//!   in place: a single file is persisted with
//!   [`tempfile::NamedTempFile::persist_noclobber`] (it fails if the name
//!   was taken meanwhile), and a staged file is hard-linked into place
//!   (which fails if the name is taken) before its staged copy is removed.
//! - **Never a half-written file.** Bytes go to a temporary file in the
//!   target's own folder (so the rename cannot cross file systems), are
//!   flushed to disk, and only then renamed into place: readers see the old
//!   file or the whole new one. A failed write drops the temporary file,
//!   which deletes it.
//! - **A set of files all at once, or not at all.** [`StagedDir`] writes
//!   into a hidden temporary folder; a new target folder appears in one
//!   rename, and in an existing one each file is renamed into place, with
//!   replaced files kept aside until every rename has succeeded (and put
//!   back if one fails). Dropped or aborted before its commit, the staging
//!   folder is deleted and the target is left as it was.
//! - Files and folders get the usual permissions (0o666 / 0o777 less the
//!   umask), not the owner-only ones temporary files are created with.
//!
//! Not guaranteed: a process killed outright (SIGKILL, or Ctrl+C, which ends
//! the process without unwinding) cannot delete its temporary file or
//! staging folder. They are hidden and named after the target
//! (`.map.png.karabakh-atlas-XXXXXX.tmp`), so they are easy to spot; they
//! are not removed automatically, because nothing tells a dead writer's
//! leftover from a running one's. Creating a new target folder uses a plain
//! rename, which on Unix may replace an *empty* folder created at the same
//! moment by someone else.
//!
//! # What `tempfile` does and what is kept by hand
//!
//! `tempfile` creates the uniquely named temporary files and folders,
//! persists a file with or without replacing, and deletes what was not
//! persisted. Kept by hand: [`check_target`] (refuse early, before the
//! expensive rendering, with a reason per case), the move of a whole set of
//! files with its rollback in [`StagedDir::commit`] (no crate offers a
//! multi-file transaction), and the no-clobber move of a staged file (a hard
//! link, as `persist_noclobber` does for one temporary file).

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use tempfile::{Builder, TempDir};

/// What was being done when a file operation failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Creating a file.
    Create,
    /// Writing or flushing a file.
    Write,
    /// Renaming a finished file into place.
    RenameInto,
    /// Creating a folder.
    CreateFolder,
    /// Moving a replaced file aside.
    MoveAside,
}

impl Action {
    /// The action in words ("create", "write", "rename into", "create the
    /// folder", "move aside"), as error messages put it.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Create => "create",
            Self::Write => "write",
            Self::RenameInto => "rename into",
            Self::CreateFolder => "create the folder",
            Self::MoveAside => "move aside",
        }
    }
}

/// Why a file or a set of files could not be written.
#[derive(Debug, thiserror::Error)]
pub enum AtomicError {
    /// The target exists and replacing it was not allowed.
    #[error("{}: the file already exists", path.display())]
    Exists {
        /// The existing file.
        path: PathBuf,
    },
    /// The folder a file should go into does not exist (or is not a folder).
    #[error(
        "{}: the folder {} does not exist or is not a folder",
        path.display(),
        folder.display()
    )]
    NoFolder {
        /// The file that was to be written.
        path: PathBuf,
        /// Its folder.
        folder: PathBuf,
    },
    /// A file was expected but the path is a folder.
    #[error("{}: that is a folder", path.display())]
    IsFolder {
        /// The path.
        path: PathBuf,
    },
    /// A folder was expected but the path is something else.
    #[error("{}: that is not a folder", path.display())]
    NotFolder {
        /// The path.
        path: PathBuf,
    },
    /// Reading or writing failed.
    #[error("could not {} {}: {source}", action.as_str(), path.display())]
    Io {
        /// What was being done.
        action: Action,
        /// The path involved.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

fn io(action: Action, path: &Path) -> impl FnOnce(std::io::Error) -> AtomicError + use<> {
    let path = path.to_owned();
    move |source| AtomicError::Io {
        action,
        path,
        source,
    }
}

/// The folder `path` goes into (`.` for a bare file name).
fn parent_of(path: &Path) -> PathBuf {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_owned)
}

/// The name prefix of a temporary file or folder for `path`: hidden and
/// named after it (`.map.png.karabakh-atlas-`).
fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or_else(|| "export".to_owned(), |n| n.to_string_lossy().into_owned());
    format!(".{name}.karabakh-atlas-")
}

/// A builder of temporary files (or folders, if `dir`) named with `prefix`,
/// with the usual permissions (less the umask).
fn builder(prefix: &str, dir: bool) -> Builder<'_, 'static> {
    let mut b = Builder::new();
    b.prefix(prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        b.permissions(fs::Permissions::from_mode(if dir { 0o777 } else { 0o666 }));
    }
    #[cfg(not(unix))]
    let _ = dir; // Permissions are left to the platform's defaults.
    b
}

/// Write `bytes` to a new file and flush it to disk.
fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), AtomicError> {
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(io(Action::Create, path))?;
    f.write_all(bytes).map_err(io(Action::Write, path))?;
    f.sync_all().map_err(io(Action::Write, path))
}

/// Whether `path` can be written: its folder exists, it is not a folder,
/// and (unless `replace`) no file has that name. [`write_file`] checks the
/// same; call this first to fail before doing the work.
///
/// # Errors
/// [`AtomicError::NoFolder`], [`AtomicError::IsFolder`],
/// [`AtomicError::Exists`].
pub fn check_target(path: &Path, replace: bool) -> Result<(), AtomicError> {
    let folder = parent_of(path);
    if !folder.is_dir() {
        return Err(AtomicError::NoFolder {
            path: path.to_owned(),
            folder,
        });
    }
    if path.is_dir() {
        return Err(AtomicError::IsFolder {
            path: path.to_owned(),
        });
    }
    if !replace && path.symlink_metadata().is_ok() {
        return Err(AtomicError::Exists {
            path: path.to_owned(),
        });
    }
    Ok(())
}

/// Write `bytes` to `path` atomically: into a hidden temporary file in the
/// same folder, flushed, then renamed into place, so readers see the old
/// file or the whole new one and a failure leaves nothing behind. An
/// existing file is refused unless `replace` (checked again, without a race,
/// when the file is put in place).
///
/// # Errors
/// [`AtomicError::Exists`], [`AtomicError::IsFolder`],
/// [`AtomicError::NoFolder`] (the folder is missing or is not a folder), or
/// [`AtomicError::Io`] (e.g. a read-only folder).
pub fn write_file(path: &Path, bytes: &[u8], replace: bool) -> Result<(), AtomicError> {
    check_target(path, replace)?;
    persist_new(path, bytes, replace)
}

/// The second half of [`write_file`], after its checks.
fn persist_new(path: &Path, bytes: &[u8], replace: bool) -> Result<(), AtomicError> {
    let folder = parent_of(path);
    let prefix = temp_prefix(path);
    let mut tmp = builder(&prefix, false)
        .tempfile_in(&folder)
        .map_err(io(Action::Create, path))?;
    tmp.write_all(bytes).map_err(io(Action::Write, path))?;
    tmp.as_file().sync_all().map_err(io(Action::Write, path))?;
    let persisted = if replace {
        tmp.persist(path)
    } else {
        tmp.persist_noclobber(path)
    };
    // On failure the temporary file comes back in the error and is deleted
    // when that is dropped here.
    persisted.map(drop).map_err(|e| {
        if !replace && e.error.kind() == std::io::ErrorKind::AlreadyExists {
            AtomicError::Exists {
                path: path.to_owned(),
            }
        } else {
            io(Action::RenameInto, path)(e.error)
        }
    })
}

/// Move the file `from` to the free name `to`, refusing (without a race
/// where the file system has hard links) a name that is taken.
fn move_noclobber(from: &Path, to: &Path) -> Result<(), AtomicError> {
    match fs::hard_link(from, to) {
        Ok(()) => {
            // The file is in place; the staged name goes with the staging
            // folder if it cannot be removed now.
            let _ = fs::remove_file(from);
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(AtomicError::Exists {
            path: to.to_owned(),
        }),
        // A file system without hard links: a check, then a rename.
        Err(_) if to.symlink_metadata().is_ok() => Err(AtomicError::Exists {
            path: to.to_owned(),
        }),
        Err(_) => fs::rename(from, to).map_err(io(Action::RenameInto, to)),
    }
}

/// Files written into a hidden staging folder and moved into their
/// destination folder together by [`StagedDir::commit`]; dropped or
/// [aborted](StagedDir::abort) before that, it deletes the staging folder
/// and leaves the destination as it was.
///
/// If the destination does not exist, the staging folder sits next to it
/// and becomes it in one rename. Otherwise it sits inside it, and each file
/// is moved into place (replaced files are kept aside until all moves
/// succeed, and put back if one fails).
#[derive(Debug)]
pub struct StagedDir {
    target: PathBuf,
    /// The staging folder; `None` once committed or aborted.
    stage: Option<TempDir>,
    target_exists: bool,
    replace: bool,
    names: Vec<String>,
}

impl StagedDir {
    /// Start staging the files `names` for the folder `target`. Refuses,
    /// before anything is written, a target that is not a folder, a missing
    /// parent folder, and (without `replace`) any of the names already
    /// present.
    ///
    /// # Errors
    /// [`AtomicError::NotFolder`], [`AtomicError::NoFolder`],
    /// [`AtomicError::Exists`] (naming the first existing file),
    /// [`AtomicError::Io`] if the staging folder cannot be created.
    pub fn begin(target: &Path, names: &[String], replace: bool) -> Result<Self, AtomicError> {
        let target_exists = target.symlink_metadata().is_ok();
        if target_exists && !target.is_dir() {
            return Err(AtomicError::NotFolder {
                path: target.to_owned(),
            });
        }
        let stage = if target_exists {
            if !replace
                && let Some(existing) = names
                    .iter()
                    .map(|n| target.join(n))
                    .find(|p| p.symlink_metadata().is_ok())
            {
                return Err(AtomicError::Exists { path: existing });
            }
            builder(&temp_prefix(Path::new("export")), true).tempdir_in(target)
        } else {
            let parent = parent_of(target);
            if !parent.is_dir() {
                return Err(AtomicError::NoFolder {
                    path: target.to_owned(),
                    folder: parent,
                });
            }
            builder(&temp_prefix(target), true).tempdir_in(&parent)
        }
        .map_err(io(Action::CreateFolder, target))?;
        Ok(Self {
            target: target.to_owned(),
            stage: Some(stage),
            target_exists,
            replace,
            names: Vec::new(),
        })
    }

    /// The staging folder, or an error once the set was committed or aborted.
    fn stage_path(&self) -> Result<&Path, AtomicError> {
        self.stage
            .as_ref()
            .map(TempDir::path)
            .ok_or_else(|| AtomicError::Io {
                action: Action::Write,
                path: self.target.clone(),
                source: std::io::Error::other("the set of files was already committed or aborted"),
            })
    }

    /// Write one file into the staging folder. `name` may name a file in a
    /// subfolder (`sources/a.txt`); the subfolder is created as needed.
    ///
    /// # Errors
    /// [`AtomicError::Io`].
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<(), AtomicError> {
        let stage = self.stage_path()?;
        let path = stage.join(name);
        if let Some(parent) = path.parent()
            && parent != stage
        {
            fs::create_dir_all(parent).map_err(io(Action::CreateFolder, parent))?;
        }
        write_synced(&path, bytes)?;
        self.names.push(name.to_owned());
        Ok(())
    }

    /// Move every staged file into the target folder and return their paths.
    ///
    /// # Errors
    /// [`AtomicError::Io`], or [`AtomicError::Exists`] if (without
    /// `replace`) a name was taken since [`StagedDir::begin`]; the target is
    /// then left as it was.
    pub fn commit(mut self) -> Result<Vec<PathBuf>, AtomicError> {
        let stage_dir = self.stage_path()?.to_owned();
        let paths: Vec<PathBuf> = self.names.iter().map(|n| self.target.join(n)).collect();
        if !self.target_exists {
            let Some(stage) = self.stage.take() else {
                return Err(io(Action::CreateFolder, &self.target)(
                    std::io::ErrorKind::NotFound.into(),
                ));
            };
            let kept = stage.keep();
            return match fs::rename(&kept, &self.target) {
                Ok(()) => Ok(paths),
                Err(e) => {
                    // The error that matters is the rename's; a staging
                    // folder that cannot be removed is only left over.
                    let _ = fs::remove_dir_all(&kept);
                    Err(io(Action::CreateFolder, &self.target)(e))
                }
            };
        }
        // (staged file, destination, where a replaced file was kept)
        let mut moved: Vec<(PathBuf, PathBuf, Option<PathBuf>)> = Vec::new();
        let mut failure = None;
        for name in &self.names {
            let staged = stage_dir.join(name);
            let dest = self.target.join(name);
            if let Some(parent) = dest.parent()
                && parent != self.target
                && let Err(e) = fs::create_dir_all(parent)
            {
                failure = Some(io(Action::CreateFolder, parent)(e));
                break;
            }
            if !self.replace {
                if let Err(e) = move_noclobber(&staged, &dest) {
                    failure = Some(e);
                    break;
                }
                moved.push((staged, dest, None));
                continue;
            }
            let mut backup = None;
            if dest.symlink_metadata().is_ok() {
                let keep = stage_dir.join(format!(".replaced-{}", name.replace('/', "-")));
                if let Err(e) = fs::rename(&dest, &keep) {
                    failure = Some(io(Action::MoveAside, &dest)(e));
                    break;
                }
                backup = Some(keep);
            }
            if let Err(e) = fs::rename(&staged, &dest) {
                if let Some(b) = &backup {
                    // Best effort: the rename's error is the one reported.
                    let _ = fs::rename(b, &dest);
                }
                failure = Some(io(Action::RenameInto, &dest)(e));
                break;
            }
            moved.push((staged, dest, backup));
        }
        if let Some(e) = failure {
            for (staged, dest, backup) in moved.into_iter().rev() {
                // Undo as much as can be undone; the first error is reported.
                let _ = fs::rename(&dest, &staged);
                if let Some(b) = backup {
                    let _ = fs::rename(&b, &dest);
                }
            }
            return Err(e);
        }
        self.abort();
        Ok(paths)
    }

    /// Delete the staging folder; before a commit the target is left as it
    /// was.
    pub fn abort(&mut self) {
        if let Some(stage) = self.stage.take() {
            // A staging folder that cannot be deleted stays hidden; there
            // is nobody to tell from here (this also runs on drop).
            let _ = stage.close();
        }
    }
}

impl Drop for StagedDir {
    fn drop(&mut self) {
        self.abort();
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn listing(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_single_file_is_written_once_unless_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        write_file(&p, b"one", false).unwrap();
        let e = write_file(&p, b"two", false).unwrap_err();
        assert!(matches!(e, AtomicError::Exists { .. }));
        assert_eq!(fs::read(&p).unwrap(), b"one");
        write_file(&p, b"two", true).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        assert_eq!(listing(dir.path()), ["a.txt"]);
        let under_file = p.join("b.txt");
        assert!(matches!(
            write_file(&under_file, b"x", false),
            Err(AtomicError::NoFolder { .. })
        ));
        assert!(matches!(
            write_file(dir.path(), b"x", true),
            Err(AtomicError::IsFolder { .. })
        ));
    }

    #[test]
    fn a_name_taken_after_the_check_is_not_clobbered() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        // Someone else writes the file between the check and the rename.
        check_target(&p, false).unwrap();
        fs::write(&p, b"theirs").unwrap();
        let e = persist_new(&p, b"mine", false).unwrap_err();
        assert!(matches!(e, AtomicError::Exists { .. }), "{e}");
        assert_eq!(fs::read(&p).unwrap(), b"theirs");
        // No temporary file is left behind.
        assert_eq!(listing(dir.path()), ["a.txt"]);
        // With consent, it is replaced.
        persist_new(&p, b"mine", true).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"mine");
        assert_eq!(listing(dir.path()), ["a.txt"]);
    }

    #[test]
    fn a_failed_write_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        // The folder vanished after the check.
        let gone = dir.path().join("gone");
        fs::create_dir(&gone).unwrap();
        let p = gone.join("a.txt");
        check_target(&p, false).unwrap();
        fs::remove_dir(&gone).unwrap();
        let e = persist_new(&p, b"x", false).unwrap_err();
        assert!(
            matches!(
                e,
                AtomicError::Io {
                    action: Action::Create,
                    ..
                }
            ),
            "{e}"
        );
        assert!(listing(dir.path()).is_empty());
        // The target is a non-empty folder: the rename fails after the
        // bytes were written, and the temporary file goes.
        let busy = dir.path().join("busy");
        fs::create_dir(&busy).unwrap();
        fs::write(busy.join("inside"), b"x").unwrap();
        let e = persist_new(&busy, b"x", true).unwrap_err();
        assert!(
            matches!(
                e,
                AtomicError::Io {
                    action: Action::RenameInto,
                    ..
                }
            ),
            "{e}"
        );
        assert_eq!(listing(dir.path()), ["busy"]);
        // A read-only folder (where permissions apply: not for root).
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let ro = dir.path().join("ro");
            fs::create_dir(&ro).unwrap();
            fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).unwrap();
            if fs::write(ro.join("probe"), b"").is_err() {
                let e = write_file(&ro.join("a.txt"), b"x", false).unwrap_err();
                assert!(matches!(e, AtomicError::Io { .. }), "{e}");
                assert!(listing(&ro).is_empty());
            }
            fs::set_permissions(&ro, fs::Permissions::from_mode(0o755)).unwrap();
        }
    }

    #[cfg(unix)]
    #[test]
    fn files_get_the_usual_permissions() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("plain");
        fs::write(&plain, b"x").unwrap();
        let atomic = dir.path().join("atomic");
        write_file(&atomic, b"x", false).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&atomic), mode(&plain));
        let plain_dir = dir.path().join("plain-dir");
        fs::create_dir(&plain_dir).unwrap();
        let staged = dir.path().join("staged");
        let mut s = StagedDir::begin(&staged, &["a".to_owned()], false).unwrap();
        s.add("a", b"1").unwrap();
        s.commit().unwrap();
        assert_eq!(mode(&staged), mode(&plain_dir));
        assert_eq!(mode(&staged.join("a")), mode(&plain));
    }

    #[test]
    fn staged_files_appear_together_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let names = vec!["a".to_owned(), "b".to_owned()];
        // A new folder: created by the commit.
        let mut s = StagedDir::begin(&out, &names, false).unwrap();
        s.add("a", b"1").unwrap();
        assert!(!out.exists());
        s.add("b", b"2").unwrap();
        s.commit().unwrap();
        assert_eq!(listing(&out), ["a", "b"]);
        assert_eq!(listing(dir.path()), ["out"]);
        // Existing names refused without replace.
        assert!(matches!(
            StagedDir::begin(&out, &names, false),
            Err(AtomicError::Exists { .. })
        ));
        // Aborted: nothing changes.
        let mut s = StagedDir::begin(&out, &names, true).unwrap();
        s.add("a", b"new").unwrap();
        drop(s);
        assert_eq!(listing(&out), ["a", "b"]);
        assert_eq!(fs::read(out.join("a")).unwrap(), b"1");
        // Replaced.
        let mut s = StagedDir::begin(&out, &names, true).unwrap();
        s.add("a", b"3").unwrap();
        s.add("b", b"4").unwrap();
        s.commit().unwrap();
        assert_eq!(listing(&out), ["a", "b"]);
        assert_eq!(fs::read(out.join("b")).unwrap(), b"4");
        // Files in subfolders, into a new and into an existing folder.
        let nested = vec!["top".to_owned(), "sub/inner".to_owned()];
        let fresh = dir.path().join("fresh");
        let mut s = StagedDir::begin(&fresh, &nested, false).unwrap();
        s.add("top", b"t").unwrap();
        s.add("sub/inner", b"i").unwrap();
        s.commit().unwrap();
        assert_eq!(fs::read(fresh.join("sub/inner")).unwrap(), b"i");
        let mut s = StagedDir::begin(&out, &nested, false).unwrap();
        s.add("top", b"t").unwrap();
        s.add("sub/inner", b"i2").unwrap();
        s.commit().unwrap();
        assert_eq!(listing(&out), ["a", "b", "sub", "top"]);
        assert_eq!(fs::read(out.join("sub/inner")).unwrap(), b"i2");
        assert!(matches!(
            StagedDir::begin(&out, &nested, false),
            Err(AtomicError::Exists { .. })
        ));
        // A target that is a file.
        assert!(matches!(
            StagedDir::begin(&out.join("a"), &names, true),
            Err(AtomicError::NotFolder { .. })
        ));
    }

    #[test]
    fn a_staged_name_taken_before_the_commit_is_not_clobbered() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        fs::create_dir(&out).unwrap();
        let names = vec!["a".to_owned(), "b".to_owned()];
        let mut s = StagedDir::begin(&out, &names, false).unwrap();
        s.add("a", b"mine").unwrap();
        s.add("b", b"mine").unwrap();
        fs::write(out.join("b"), b"theirs").unwrap();
        let e = s.commit().unwrap_err();
        assert!(matches!(e, AtomicError::Exists { .. }), "{e}");
        // "a" was taken back out; "b" is theirs; no staging folder is left.
        assert_eq!(listing(&out), ["b"]);
        assert_eq!(fs::read(out.join("b")).unwrap(), b"theirs");
    }
}
