//! Atomic writes: a single file through a temporary file and a rename, and a
//! set of files (one per step) staged in a hidden folder and moved into
//! place only when all of them are written.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::ExportError;

fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> ExportError + use<> {
    let path = path.to_owned();
    move |source| ExportError::Io {
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

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| "export".to_owned(), |n| n.to_string_lossy().into_owned())
}

/// Remove what an interrupted export (killed before it could clean up)
/// left in `folder`: hidden `.….karabakh-atlas-….tmp` files and staging
/// folders whose process no longer runs. Only where `/proc` tells (Linux);
/// elsewhere nothing is removed.
fn remove_stale(folder: &Path) {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return;
    }
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.starts_with('.') && name.contains(".karabakh-atlas-") && name.ends_with(".tmp")) {
            continue;
        }
        let Some(pid) = name
            .trim_end_matches(".tmp")
            .rsplit('-')
            .next()
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if pid == std::process::id() || proc.join(pid.to_string()).exists() {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            let _ = fs::remove_dir_all(&path);
        } else {
            let _ = fs::remove_file(&path);
        }
    }
}

/// Write `bytes` to a new file and flush it to disk.
fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(io("create", path))?;
    f.write_all(bytes).map_err(io("write", path))?;
    f.sync_all().map_err(io("write", path))
}

/// Whether `path` can be written: its folder exists, it is not a folder,
/// and (unless `force`) no file has that name. [`write_file_atomic`] checks
/// the same; call this first to fail before doing the work.
///
/// # Errors
/// [`ExportError::NoFolder`], [`ExportError::IsFolder`],
/// [`ExportError::Exists`].
pub fn check_target(path: &Path, force: bool) -> Result<(), ExportError> {
    let folder = parent_of(path);
    if !folder.is_dir() {
        return Err(ExportError::NoFolder {
            path: path.to_owned(),
            folder,
        });
    }
    if path.is_dir() {
        return Err(ExportError::IsFolder {
            path: path.to_owned(),
        });
    }
    if !force && path.symlink_metadata().is_ok() {
        return Err(ExportError::Exists {
            path: path.to_owned(),
        });
    }
    Ok(())
}

/// Write `bytes` to `path` atomically: into a hidden temporary file in the
/// same folder, then renamed into place, so readers see the old file or the
/// whole new one and a failure leaves nothing behind. An existing file is
/// refused unless `force` (checked without a race: the new file is linked
/// into place, which fails if the name is taken).
///
/// # Errors
/// [`ExportError::Exists`], [`ExportError::IsFolder`],
/// [`ExportError::NoFolder`] (the folder is missing or is not a folder), or
/// [`ExportError::Io`] (e.g. a read-only folder).
pub fn write_file_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<(), ExportError> {
    check_target(path, force)?;
    let folder = parent_of(path);
    remove_stale(&folder);
    let tmp = folder.join(format!(
        ".{}.karabakh-atlas-{}.tmp",
        file_name(path),
        std::process::id()
    ));
    let _ = fs::remove_file(&tmp);
    let result = (|| {
        write_synced(&tmp, bytes)?;
        if force {
            fs::rename(&tmp, path).map_err(io("rename into", path))
        } else {
            match fs::hard_link(&tmp, path) {
                Ok(()) => {
                    let _ = fs::remove_file(&tmp);
                    Ok(())
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    Err(ExportError::Exists {
                        path: path.to_owned(),
                    })
                }
                // A file system without hard links: the check above has to do.
                Err(_) => fs::rename(&tmp, path).map_err(io("rename into", path)),
            }
        }
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Files written into a hidden staging folder and moved into their
/// destination folder together by [`StagedDir::commit`]; dropped or
/// [aborted](StagedDir::abort) before that, it removes the staging folder
/// and leaves the destination as it was.
///
/// If the destination does not exist, the staging folder sits next to it
/// and becomes it in one rename. Otherwise it sits inside it, and each file
/// is renamed into place (replaced files are kept aside until all renames
/// succeed, and put back if one fails). A process killed before it can clean
/// up (e.g. by Ctrl+C) leaves only its hidden staging folder, which the next
/// export into the same place removes.
#[derive(Debug)]
pub struct StagedDir {
    target: PathBuf,
    stage: PathBuf,
    target_exists: bool,
    names: Vec<String>,
    done: bool,
}

impl StagedDir {
    /// Start staging the files `names` for the folder `target`. Refuses,
    /// before anything is written, a target that is not a folder, a missing
    /// parent folder, and (without `force`) any of the names already present.
    ///
    /// # Errors
    /// [`ExportError::NotFolder`], [`ExportError::NoFolder`],
    /// [`ExportError::Exists`] (naming the first existing file),
    /// [`ExportError::Io`] if the staging folder cannot be created.
    pub fn begin(target: &Path, names: &[String], force: bool) -> Result<Self, ExportError> {
        let target_exists = target.symlink_metadata().is_ok();
        if target_exists && !target.is_dir() {
            return Err(ExportError::NotFolder {
                path: target.to_owned(),
            });
        }
        let stage = if target_exists {
            if !force
                && let Some(existing) = names
                    .iter()
                    .map(|n| target.join(n))
                    .find(|p| p.symlink_metadata().is_ok())
            {
                return Err(ExportError::Exists { path: existing });
            }
            target.join(format!(".karabakh-atlas-export-{}.tmp", std::process::id()))
        } else {
            let parent = parent_of(target);
            if !parent.is_dir() {
                return Err(ExportError::NoFolder {
                    path: target.to_owned(),
                    folder: parent,
                });
            }
            parent.join(format!(
                ".{}.karabakh-atlas-export-{}.tmp",
                file_name(target),
                std::process::id()
            ))
        };
        remove_stale(stage.parent().unwrap_or(Path::new(".")));
        let _ = fs::remove_dir_all(&stage);
        fs::create_dir(&stage).map_err(io("create the folder", &stage))?;
        Ok(Self {
            target: target.to_owned(),
            stage,
            target_exists,
            names: Vec::new(),
            done: false,
        })
    }

    /// Write one file into the staging folder. `name` may name a file in a
    /// subfolder (`sources/a.txt`); the subfolder is created as needed.
    ///
    /// # Errors
    /// [`ExportError::Io`].
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<(), ExportError> {
        let path = self.stage.join(name);
        if let Some(parent) = path.parent()
            && parent != self.stage
        {
            fs::create_dir_all(parent).map_err(io("create the folder", parent))?;
        }
        write_synced(&path, bytes)?;
        self.names.push(name.to_owned());
        Ok(())
    }

    /// Move every staged file into the target folder and return their paths.
    ///
    /// # Errors
    /// [`ExportError::Io`]; the target is then left as it was.
    pub fn commit(mut self) -> Result<Vec<PathBuf>, ExportError> {
        let paths: Vec<PathBuf> = self.names.iter().map(|n| self.target.join(n)).collect();
        if !self.target_exists {
            fs::rename(&self.stage, &self.target).map_err(io("create the folder", &self.target))?;
            self.done = true;
            return Ok(paths);
        }
        // (staged file, destination, where a replaced file was kept)
        let mut moved: Vec<(PathBuf, PathBuf, Option<PathBuf>)> = Vec::new();
        let mut failure = None;
        for name in &self.names {
            let staged = self.stage.join(name);
            let dest = self.target.join(name);
            if let Some(parent) = dest.parent()
                && parent != self.target
                && let Err(e) = fs::create_dir_all(parent)
            {
                failure = Some(io("create the folder", parent)(e));
                break;
            }
            let mut backup = None;
            if dest.symlink_metadata().is_ok() {
                let keep = self
                    .stage
                    .join(format!(".replaced-{}", name.replace('/', "-")));
                if let Err(e) = fs::rename(&dest, &keep) {
                    failure = Some(io("move aside", &dest)(e));
                    break;
                }
                backup = Some(keep);
            }
            if let Err(e) = fs::rename(&staged, &dest) {
                if let Some(b) = &backup {
                    let _ = fs::rename(b, &dest);
                }
                failure = Some(io("rename into", &dest)(e));
                break;
            }
            moved.push((staged, dest, backup));
        }
        if let Some(e) = failure {
            for (staged, dest, backup) in moved.into_iter().rev() {
                let _ = fs::rename(&dest, &staged);
                if let Some(b) = backup {
                    let _ = fs::rename(&b, &dest);
                }
            }
            return Err(e);
        }
        let _ = fs::remove_dir_all(&self.stage);
        self.done = true;
        Ok(paths)
    }

    /// Remove the staging folder; the target is left as it was.
    pub fn abort(&mut self) {
        if !self.done {
            let _ = fs::remove_dir_all(&self.stage);
            self.done = true;
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
    fn a_single_file_is_written_once_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        write_file_atomic(&p, b"one", false).unwrap();
        let e = write_file_atomic(&p, b"two", false).unwrap_err();
        assert!(matches!(e, ExportError::Exists { .. }));
        assert!(e.to_string().contains("--force"));
        assert_eq!(fs::read(&p).unwrap(), b"one");
        write_file_atomic(&p, b"two", true).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        assert_eq!(listing(dir.path()), ["a.txt"]);
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
    fn leftovers_of_dead_exports_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        // PID 4194304 is above Linux's limit, so never running.
        let dead = dir.path().join(".out.karabakh-atlas-export-4194304.tmp");
        fs::create_dir(&dead).unwrap();
        fs::write(dead.join("step-01-x.png"), b"partial").unwrap();
        let dead_file = dir.path().join(".a.png.karabakh-atlas-4194304.tmp");
        fs::write(&dead_file, b"partial").unwrap();
        let alive = dir.path().join(".b.png.karabakh-atlas-1.tmp");
        fs::write(&alive, b"pid 1 is running").unwrap();
        fs::write(dir.path().join("keep.karabakh-atlas-5.tmp"), b"not hidden").unwrap();
        write_file_atomic(&dir.path().join("c.txt"), b"c", false).unwrap();
        if Path::new("/proc/self").exists() {
            assert!(!dead.exists() && !dead_file.exists());
        }
        assert!(alive.exists());
        assert!(dir.path().join("keep.karabakh-atlas-5.tmp").exists());
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
        // Existing names refused without force.
        assert!(matches!(
            StagedDir::begin(&out, &names, false),
            Err(ExportError::Exists { .. })
        ));
        // Aborted: nothing changes.
        let mut s = StagedDir::begin(&out, &names, true).unwrap();
        s.add("a", b"new").unwrap();
        drop(s);
        assert_eq!(listing(&out), ["a", "b"]);
        assert_eq!(fs::read(out.join("a")).unwrap(), b"1");
        // Forced: replaced.
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
            Err(ExportError::Exists { .. })
        ));
        // A target that is a file.
        assert!(matches!(
            StagedDir::begin(&out.join("a"), &names, true),
            Err(ExportError::NotFolder { .. })
        ));
    }
}
