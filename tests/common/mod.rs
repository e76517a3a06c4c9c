//! Helpers shared by the integration tests: a writable copy of the bundled
//! dataset to break on purpose, and running the real binary on it.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod pixels;
pub mod tools;
#[cfg(feature = "gui")]
pub mod viewer;
pub mod xvfb;

use std::path::{Path, PathBuf};
use std::process::Output;

/// The bundled dataset's folder in the source tree.
pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// A temporary copy of the bundled dataset.
pub struct DataCopy {
    /// Keeps the folder alive.
    pub dir: tempfile::TempDir,
}

impl DataCopy {
    /// Copy data/ (the dataset files and sources/) into a new temp folder.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&data_dir(), dir.path());
        Self { dir }
    }

    /// The copy's path.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Read a file of the copy as text.
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path().join(rel)).unwrap()
    }

    /// Replace the first occurrence of `from` with `to` in `rel`, returning
    /// the 1-based line and column (in characters) where `to` now starts.
    pub fn replace_first(&self, rel: &str, from: &str, to: &str) -> (usize, usize) {
        let text = self.read(rel);
        let at = text
            .find(from)
            .unwrap_or_else(|| panic!("{from:?} not in {rel}"));
        let new = format!("{}{}{}", &text[..at], to, &text[at + from.len()..]);
        std::fs::write(self.path().join(rel), new).unwrap();
        line_col(&text, at)
    }
}

/// 1-based line and column (characters) of byte offset `at` in `text`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    (line, col)
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Run the real `karabakh-atlas` binary with `args`.
pub fn run(args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_karabakh-atlas"))
        .args(args)
        .output()
        .unwrap()
}

/// Run with `--data DIR` followed by `args`.
pub fn run_on(dir: &Path, args: &[&str]) -> Output {
    let mut all = vec!["--data", dir.to_str().unwrap()];
    all.extend_from_slice(args);
    run(&all)
}

/// stdout and stderr as text.
pub fn texts(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Run the viewer on `x` with `args` plus `--screenshot path`, assert that it
/// succeeded (showing its stderr otherwise) and read the PNG.
pub fn screenshot(x: &xvfb::Xvfb, home: &Path, path: &Path, args: &[&str]) -> pixels::Shot {
    let mut all = args.to_vec();
    all.extend(["--screenshot", path.to_str().unwrap()]);
    let out = x.run_viewer(home, &all);
    assert!(
        out.status.success(),
        "viewer {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    pixels::Shot::read(path)
}
