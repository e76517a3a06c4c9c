//! References inside the dataset's own words: `{source:ID}` names a source
//! without showing its id. The loader checks every reference
//! (`model::load`) and renders it once, as the source's short title in the
//! text's own language ([`render`]); `{{` writes a literal `{`.
//!
//! Nothing here knows the dataset: [`pieces`] splits a text into literal
//! text and references, with byte offsets for diagnostics.

use std::borrow::Cow;

/// The keyword of a source reference: `{source:ID}`.
pub const SOURCE: &str = "source";

/// One part of a text that may hold references.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Literal text (with `{{` already turned into `{`).
    Text(Cow<'a, str>),
    /// `{source:ID}`: the source `id`, the reference starting at byte `at`.
    Source {
        /// The source id inside the braces.
        id: &'a str,
        /// Byte offset of the opening brace in the text.
        at: usize,
    },
}

/// A `{` that does not start a well-formed reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed {
    /// Byte offset of the brace in the text.
    pub at: usize,
    /// What follows the brace, up to the closing brace or 40 characters.
    pub found: String,
}

/// Whether `id` is a well-formed id: lower-case ASCII letters, digits and
/// dashes, not empty.
fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// `text` split into literal text and references, or every malformed `{`.
///
/// # Errors
/// Each `{` that is neither `{{` nor the start of `{source:ID}` with a
/// well-formed id and a closing `}`.
pub fn pieces(text: &str) -> Result<Vec<Piece<'_>>, Vec<Malformed>> {
    let mut out = Vec::new();
    let mut bad = Vec::new();
    let mut literal = String::new();
    let mut plain_from = 0;
    let mut escaped = false;
    let mut i = 0;
    let flush = |out: &mut Vec<Piece<'_>>, literal: &mut String, escaped: bool, slice: &str| {
        if escaped {
            literal.push_str(slice);
            if !literal.is_empty() {
                out.push(Piece::Text(Cow::Owned(std::mem::take(literal))));
            }
        } else if !slice.is_empty() {
            out.push(Piece::Text(Cow::Owned(slice.to_owned())));
        }
    };
    while let Some(rel) = text[i..].find('{') {
        let at = i + rel;
        let rest = &text[at + 1..];
        if rest.starts_with('{') {
            // `{{`: a literal brace.
            literal.push_str(&text[plain_from..=at]);
            escaped = true;
            i = at + 2;
            plain_from = i;
            continue;
        }
        let inner = rest.find('}').map(|end| &rest[..end]);
        match inner.and_then(|s| s.strip_prefix(SOURCE)?.strip_prefix(':')) {
            Some(id) if is_id(id) => {
                flush(&mut out, &mut literal, escaped, &text[plain_from..at]);
                escaped = false;
                out.push(Piece::Source { id, at });
                i = at + SOURCE.len() + id.len() + 3;
                plain_from = i;
            }
            _ => {
                let found: String = rest.chars().take_while(|&c| c != '}').take(40).collect();
                bad.push(Malformed { at, found });
                i = at + 1;
            }
        }
    }
    flush(&mut out, &mut literal, escaped, &text[plain_from..]);
    if bad.is_empty() { Ok(out) } else { Err(bad) }
}

/// Whether `text` holds a reference or an escaped brace (anything
/// [`render`] would change).
#[must_use]
pub fn has_markup(text: &str) -> bool {
    text.contains('{')
}

/// `text` with every `{source:ID}` replaced by `title(ID)` and `{{` by `{`;
/// a text that does not parse is returned as it is (the loader refuses
/// such a text, so a loaded dataset holds none).
#[must_use]
pub fn render(text: &str, title: impl Fn(&str) -> String) -> String {
    match pieces(text) {
        Ok(ps) => ps
            .into_iter()
            .map(|p| match p {
                Piece::Text(t) => t.into_owned(),
                Piece::Source { id, .. } => title(id),
            })
            .collect(),
        Err(_) => text.to_owned(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn shout(id: &str) -> String {
        format!("<{}>", id.to_uppercase())
    }

    #[test]
    fn a_reference_is_replaced_by_what_names_the_source() {
        assert_eq!(
            render(
                "Aliyev, as reported in {source:tv-1} and {source:b}.",
                shout
            ),
            "Aliyev, as reported in <TV-1> and <B>."
        );
        assert_eq!(render("{source:a}", shout), "<A>");
        assert_eq!(render("no references", shout), "no references");
    }

    #[test]
    fn a_doubled_brace_is_a_literal_brace() {
        assert_eq!(render("set {{x} in {source:a}", shout), "set {x} in <A>");
        assert_eq!(render("{{source:a}", shout), "{source:a}");
    }

    #[test]
    fn references_carry_their_byte_offsets() {
        let t = "é {source:ab} {source:c}";
        let p = pieces(t).unwrap();
        let at: Vec<(usize, &str)> = p
            .iter()
            .filter_map(|p| match p {
                Piece::Source { id, at } => Some((*at, *id)),
                Piece::Text(_) => None,
            })
            .collect();
        assert_eq!(at, vec![(3, "ab"), (15, "c")]);
        assert_eq!(&t[3..4], "{");
    }

    #[test]
    fn malformed_references_are_each_reported() {
        let bad = pieces("a {sourc:x} b {source:} c {source:Bad} d {source:ok").unwrap_err();
        let at: Vec<usize> = bad.iter().map(|m| m.at).collect();
        assert_eq!(at, vec![2, 14, 26, 41]);
        assert_eq!(bad[0].found, "sourc:x");
    }
}
