//! Live reload: watch an opened dataset folder and say when its files have
//! settled after an edit, so the viewer can load it again.
//!
//! Editors save in bursts (a temporary file, a rename, a metadata change),
//! so a reload waits until no event has arrived for [`SETTLE`].

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher as _};

use crate::model::diag::{Detail, DetailFrom};

/// The watcher's error as a [`Detail`]: the system's when it is one.
fn detail(e: notify::Error) -> Detail {
    match &e.kind {
        notify::ErrorKind::Io(io) => Detail::io(io),
        _ => Detail {
            from: DetailFrom::Other,
            text: e.to_string(),
        },
    }
}

/// How long the folder must be quiet before it is reloaded.
pub const SETTLE: Duration = Duration::from_millis(300);

/// What the watcher says this frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Watched {
    /// Nothing changed.
    Quiet,
    /// Something changed; ask again after this long.
    Settling(Duration),
    /// The folder changed and has been quiet since: reload it.
    Changed,
}

/// A watch on one dataset folder.
pub struct FolderWatch {
    folder: PathBuf,
    rx: Receiver<()>,
    last_event: Option<Instant>,
    // Dropping the watcher ends the watch.
    _watcher: notify::RecommendedWatcher,
}

impl std::fmt::Debug for FolderWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FolderWatch")
            .field("folder", &self.folder)
            .finish_non_exhaustive()
    }
}

impl FolderWatch {
    /// Watch `folder` and everything under it; `wake` is called from the
    /// watcher's thread on every event (to repaint the window).
    ///
    /// # Errors
    /// The operating system's reason when the folder cannot be watched.
    pub fn new(folder: &Path, wake: impl Fn() + Send + 'static) -> Result<Self, Detail> {
        let (tx, rx) = channel();
        let mut watcher = notify::recommended_watcher(move |ev: notify::Result<notify::Event>| {
            let relevant = ev.is_ok_and(|e| !e.kind.is_access() && !only_hidden(&e.paths));
            if relevant {
                let _ = tx.send(());
                wake();
            }
        })
        .map_err(detail)?;
        watcher
            .watch(folder, RecursiveMode::Recursive)
            .map_err(detail)?;
        Ok(Self {
            folder: folder.to_path_buf(),
            rx,
            last_event: None,
            _watcher: watcher,
        })
    }

    /// The folder watched.
    #[must_use]
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Collect the events so far and say whether to reload now.
    pub fn poll(&mut self) -> Watched {
        while let Ok(()) = self.rx.try_recv() {
            self.last_event = Some(Instant::now());
        }
        let Some(at) = self.last_event else {
            return Watched::Quiet;
        };
        let quiet = at.elapsed();
        if quiet >= SETTLE {
            self.last_event = None;
            Watched::Changed
        } else {
            Watched::Settling(SETTLE - quiet)
        }
    }
}

/// Whether every path is a hidden file (an editor's swap or backup file,
/// e.g. `.timeline.toml.swp`), which does not change the dataset.
fn only_hidden(paths: &[PathBuf]) -> bool {
    !paths.is_empty()
        && paths.iter().all(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.') || n.ends_with('~'))
        })
}

#[cfg(test)]
mod tests {
    use super::only_hidden;
    use std::path::PathBuf;

    #[test]
    fn editor_swap_files_do_not_count_as_edits() {
        let p = |s: &str| PathBuf::from(s);
        assert!(only_hidden(&[p("/d/.timeline.toml.swp")]));
        assert!(only_hidden(&[p("/d/timeline.toml~")]));
        assert!(!only_hidden(&[p("/d/timeline.toml")]));
        assert!(!only_hidden(&[p("/d/.x.swp"), p("/d/places.toml")]));
        assert!(!only_hidden(&[]));
    }
}
