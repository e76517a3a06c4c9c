//! Diagnostics: every problem found while loading a dataset, with the file,
//! the line and column where the format allows, what is wrong and how to fix it.
//!
//! Loading collects all diagnostics before failing, so a user fixes every
//! problem in one pass instead of meeting them one at a time.

use std::fmt;

/// A position in a text file, both 1-based, columns counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in Unicode scalar values (characters), not bytes.
    pub column: usize,
}

impl Position {
    /// The position of byte offset `byte` in `text` (clamped to the text's end
    /// and to the nearest preceding character boundary).
    #[must_use]
    pub fn of_byte(text: &str, byte: usize) -> Self {
        let mut byte = byte.min(text.len());
        while !text.is_char_boundary(byte) {
            byte -= 1;
        }
        let before = &text[..byte];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Self { line, column }
    }
}

/// One problem in a dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file the problem is in, relative to the dataset folder (or the
    /// folder itself for problems that are not inside one file).
    pub file: String,
    /// Where in the file, when known.
    pub position: Option<Position>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A diagnostic for `file` with no position yet.
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            position: None,
            message: message.into(),
            help: None,
        }
    }

    /// Attach the position of byte offset `byte` within `text` (the file's text).
    #[must_use]
    pub fn at_byte(mut self, text: &str, byte: usize) -> Self {
        self.position = Some(Position::of_byte(text, byte));
        self
    }

    /// Attach a position.
    #[must_use]
    pub fn at(mut self, position: Position) -> Self {
        self.position = Some(position);
        self
    }

    /// Attach advice on how to fix the problem.
    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(p) = self.position {
            write!(f, ":{}:{}", p.line, p.column)?;
        }
        write!(f, ": error: {}", self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// The error returned when a dataset cannot be loaded: all its diagnostics.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    /// Every problem found, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.diagnostics.len();
        for d in &self.diagnostics {
            writeln!(f, "{d}")?;
        }
        write!(
            f,
            "the dataset has {n} error{}; nothing was loaded",
            if n == 1 { "" } else { "s" }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "ab\nقره باغ x";
        assert_eq!(Position::of_byte(text, 0), Position { line: 1, column: 1 });
        let x = text.find('x').unwrap_or_default();
        assert_eq!(Position::of_byte(text, x), Position { line: 2, column: 9 });
        // Inside a multi-byte character: the character's own position.
        assert_eq!(Position::of_byte(text, 4), Position { line: 2, column: 1 });
    }

    #[test]
    fn display_names_file_line_column_and_help() {
        let d = Diagnostic::new("timeline.toml", "bad date")
            .at(Position { line: 3, column: 8 })
            .help("write YYYY-MM-DD");
        assert_eq!(
            d.to_string(),
            "timeline.toml:3:8: error: bad date\n  help: write YYYY-MM-DD"
        );
    }
}
