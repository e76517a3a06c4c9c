//! TOML files meant to be read and edited by people, written through the
//! `toml` crate: comments, `key = value` lines whose values are written
//! inline (`title = { en = "…" }`, the way data/README.md writes them), and
//! `[[name]]` headers for arrays of tables.
//!
//! The `toml` crate writes every value: quoting and escaping of any text,
//! multi-line strings, arrays and inline tables. What stays here is only the
//! layout of the lines, because the crate's document serializer writes no
//! comments and turns every nested table into a `[a.b]` section.

use serde::Serialize;

/// A TOML document being written, line by line.
#[derive(Debug, Default)]
pub struct TomlDoc {
    text: String,
}

/// Whether `key` can be written without quotes (`A-Za-z0-9_-`).
fn is_bare_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// `key` as a TOML key: bare when it can be, else quoted by the crate.
fn key_text(key: &str) -> String {
    if is_bare_key(key) {
        key.to_owned()
    } else {
        toml::Value::String(key.to_owned()).to_string()
    }
}

impl TomlDoc {
    /// An empty document.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Comment lines: `# ` before each line of `text` (a bare `#` for an
    /// empty line). Control characters, which TOML does not allow in a
    /// comment, become U+FFFD; tabs stay.
    pub fn comment(&mut self, text: &str) -> &mut Self {
        for line in text.lines() {
            if line.is_empty() {
                self.text.push_str("#\n");
            } else {
                self.text.push_str("# ");
                self.text.extend(line.chars().map(|c| {
                    if c.is_control() && c != '\t' {
                        '\u{FFFD}'
                    } else {
                        c
                    }
                }));
                self.text.push('\n');
            }
        }
        self
    }

    /// An empty line.
    pub fn blank(&mut self) -> &mut Self {
        self.text.push('\n');
        self
    }

    /// A `[[name]]` header: a new table in the array `name`, after an empty
    /// line unless the document is empty. A dotted name (`step.change`) is
    /// an array nested in the last table of the array before the dot.
    pub fn array_table(&mut self, name: &str) -> &mut Self {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push('\n');
        }
        self.text.push_str("[[");
        let keys: Vec<String> = name.split('.').map(key_text).collect();
        self.text.push_str(&keys.join("."));
        self.text.push_str("]]\n");
        self
    }

    /// A `key = value` line, `value` written inline by the `toml` crate
    /// (struct fields and map entries in their own order).
    ///
    /// # Errors
    /// When `value` has no TOML form (e.g. a `None` or a unit).
    pub fn value<T: Serialize + ?Sized>(
        &mut self,
        key: &str,
        value: &T,
    ) -> Result<&mut Self, toml::ser::Error> {
        let mut encoded = String::new();
        value.serialize(toml::ser::ValueSerializer::new(&mut encoded))?;
        self.text.push_str(&key_text(key));
        self.text.push_str(" = ");
        self.text.push_str(&encoded);
        self.text.push('\n');
        Ok(self)
    }

    /// The document's text.
    #[must_use]
    pub fn finish(self) -> String {
        self.text
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn toml_strings_round_trip_through_the_parser() {
        for s in [
            "plain",
            "with \"quotes\" and \\ backslash",
            "line\nbreak\ttab\r\u{7}",
            "نص عربي ‏ with marks \u{200F}",
        ] {
            let mut doc = TomlDoc::new();
            doc.value("v", s).unwrap();
            let doc = doc.finish();
            let v: toml::Table = toml::from_str(&doc).unwrap();
            assert_eq!(v["v"].as_str(), Some(s), "{doc}");
        }
    }

    #[test]
    fn awkward_text_round_trips_in_inline_tables_and_arrays() {
        #[derive(Serialize)]
        struct Localized<'a> {
            en: &'a str,
        }
        let awkward = [
            "\nstarts with a line break",
            "ends with a quote\"",
            "ends with two quotes\"\"",
            "three quotes \"\"\" and ''' inside\nand a line",
            "ends with a backslash\\",
            "'single' and \"double\"\n",
            "\u{0}\u{1B}\u{7F}\u{FEFF} controls",
            "",
        ];
        for s in awkward {
            let mut doc = TomlDoc::new();
            doc.comment("header\n\nmore").blank();
            doc.value("title", &Localized { en: s }).unwrap();
            doc.array_table("step");
            doc.value("list", &[s, s]).unwrap();
            doc.value("odd key", s).unwrap();
            doc.comment(s);
            let doc = doc.finish();
            let v: toml::Table = toml::from_str(&doc).unwrap();
            assert_eq!(v["title"]["en"].as_str(), Some(s), "{doc}");
            assert_eq!(v["step"][0]["list"][1].as_str(), Some(s), "{doc}");
            assert_eq!(v["step"][0]["odd key"].as_str(), Some(s), "{doc}");
        }
    }

    #[test]
    fn the_layout_is_comments_then_lines_then_tables() {
        #[derive(Serialize)]
        struct Range {
            from: &'static str,
            to: &'static str,
        }
        let mut doc = TomlDoc::new();
        doc.comment("a.toml\n\nsee README").blank();
        doc.value(
            "coverage",
            &Range {
                to: "2020-12-31",
                from: "2020-01-01",
            },
        )
        .unwrap();
        doc.array_table("step");
        doc.value("id", "a").unwrap();
        doc.array_table("step");
        doc.value("offset", &3_u32).unwrap();
        assert_eq!(
            doc.finish(),
            "# a.toml\n#\n# see README\n\ncoverage = { from = \"2020-01-01\", to = \"2020-12-31\" }\n\n[[step]]\nid = \"a\"\n\n[[step]]\noffset = 3\n"
        );
    }
}
