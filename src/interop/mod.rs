//! Getting timelines in and out: writing a whole dataset folder at once
//! (shared by `karabakh-atlas new` and the importers), TOML files for people
//! to edit ([`toml_doc`]), the TimelineJS3 format ([`timelinejs`]),
//! time-enabled GeoJSON layers ([`geojson_import`]) and W3C Web Annotations
//! of the citations ([`annotations`]).
//!
//! This layer sits above `model` (what a dataset is) and below `cli` (the
//! commands that call it); it uses no `cli` or `ui` code. Writing files goes
//! through `crate::export`'s staged, all-or-nothing writer.

pub mod annotations;
pub mod geojson_import;
pub mod timelinejs;
pub mod toml_doc;

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::atomic::StagedDir;
use crate::export::ExportError;
use crate::model::diag::{Diagnostic, Msg, Position};

/// Why a file could not be imported: every problem found (used by the
/// TimelineJS, GeoJSON and annotation imports).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ImportError {
    /// What kind of file it is, for the last line ("GeoJSON layer").
    pub what: &'static str,
    /// The problems, each naming the file and where in it (a line and
    /// column for malformed JSON, else the JSON path) and what to do.
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.diagnostics.len();
        for d in &self.diagnostics {
            writeln!(f, "{d}")?;
        }
        write!(
            f,
            "the {} has {n} error{}; nothing was written",
            self.what,
            if n == 1 { "" } else { "s" }
        )
    }
}

/// An importer's own report text: the import commands are CLI commands and
/// the CLI speaks English, so their problems are English sentences carried
/// in one catalogue message rather than translated keys.
#[must_use]
pub fn english(text: impl Into<String>) -> Msg {
    Msg::new("import-text").text("text", text.into())
}

/// A problem in file `label`, with what to do, in English.
#[must_use]
pub fn problem(label: &str, message: impl Into<String>, help: &str) -> Diagnostic {
    Diagnostic::new(label, english(message)).help(english(help))
}

/// `v` as JSON, cut to 60 characters, for messages.
#[must_use]
pub fn short_json(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s
    }
}

/// Parse `text` (a leading byte-order mark skipped) as JSON; a syntax
/// error becomes a diagnostic at its line and column, counted in
/// characters, with `help`.
///
/// # Errors
/// The diagnostic.
pub fn parse_json(label: &str, text: &str, help: &str) -> Result<Value, Diagnostic> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        let message = message
            .rfind(" at line ")
            .map_or(message.as_str(), |at| &message[..at])
            .to_owned();
        // serde_json reports a line and a byte column.
        let line_start = text
            .split_inclusive('\n')
            .take(e.line().saturating_sub(1))
            .map(str::len)
            .sum::<usize>();
        let at = Position::of_byte(text, line_start + e.column().saturating_sub(1));
        problem(label, format!("not valid JSON: {message}"), help).at(at)
    })
}

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

impl WriteError {
    /// What to do about it, as a `help:` line for the `--out DIR` of an
    /// import command (empty for a failed write, whose message says it).
    #[must_use]
    pub fn out_help(&self) -> &'static str {
        match self {
            Self::NotEmpty { .. } => {
                "\n  help: choose another --out folder, or pass --force to replace the dataset files in it (other files there are kept)"
            }
            Self::NotFolder { .. } => "\n  help: give --out a folder path",
            Self::Write(_) => "",
        }
    }
}

/// A dataset as files: paths relative to the dataset folder (`/`-separated,
/// e.g. `sources/a.txt`) and their bytes.
pub type DatasetFiles = Vec<(String, Vec<u8>)>;

/// A one-language text as a dataset writes it: `{ en = "…" }`.
#[derive(Debug, serde::Serialize)]
pub struct En<'a> {
    /// The English text.
    pub en: &'a str,
}

/// A period as a dataset writes it: `{ from = …, to = … }`.
#[derive(Debug, serde::Serialize)]
pub struct Span {
    /// The first day.
    pub from: crate::model::Date,
    /// The last day.
    pub to: crate::model::Date,
}

/// `text` made a valid dataset id: lower-case, with every run of other
/// characters than ASCII letters, digits and `_` turned into one `-`;
/// `fallback` when nothing is left.
#[must_use]
pub fn make_id(text: &str, fallback: &str) -> String {
    let mut id = String::new();
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' {
            id.push(c);
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_matches('-');
    if id.is_empty() {
        fallback.to_owned()
    } else {
        id.to_owned()
    }
}

/// `base`, or `base-2`, `base-3`… whichever `taken` does not hold yet; the
/// result is added to `taken`.
pub fn unique_id(base: &str, taken: &mut BTreeSet<String>) -> String {
    let mut id = base.to_owned();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

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
