//! The loader's shared parts: where files are read from ([`Files`]: a
//! folder, memory, the bundled copy), a file's label and text for positions
//! ([`FileCtx`]), and the [`Loader`] that collects every diagnostic and
//! checks what each file has in common (English text, dates, ids,
//! references).

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde::de::DeserializeOwned;
use toml::Spanned;

use crate::date::edtf::parse_edtf;
use crate::date::{Date, DateSpec};
use crate::model::diag::{Detail, Diagnostic, Msg};
use crate::model::raw::{RawDate, RawLocalized, RawText};
use crate::model::types::Localized;

/// Where the dataset's files are read from.
pub(super) trait Files {
    /// How to name `rel` in a diagnostic.
    fn label(&self, rel: &str) -> String;
    /// The bytes of `rel`, or a message saying why they cannot be read.
    fn read(&self, rel: &str) -> Result<Vec<u8>, Msg>;
}

pub(super) struct Folder(pub(super) PathBuf);

impl Files for Folder {
    fn label(&self, rel: &str) -> String {
        self.0.join(rel).display().to_string()
    }
    fn read(&self, rel: &str) -> Result<Vec<u8>, Msg> {
        std::fs::read(self.0.join(rel)).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Msg::new("diag-file-not-found"),
            _ => Msg::new("diag-file-unreadable").detail("detail", Detail::io(&e)),
        })
    }
}

pub(super) struct Memory<'a> {
    pub(super) name: &'a str,
    pub(super) files: &'a BTreeMap<String, Vec<u8>>,
}

impl Files for Memory<'_> {
    fn label(&self, rel: &str) -> String {
        format!("{}/{rel}", self.name)
    }
    fn read(&self, rel: &str) -> Result<Vec<u8>, Msg> {
        self.files
            .get(rel)
            .cloned()
            .ok_or_else(|| Msg::new("diag-file-not-found"))
    }
}

pub(super) struct Bundled;

impl Files for Bundled {
    fn label(&self, rel: &str) -> String {
        format!("<bundled>/{rel}")
    }
    fn read(&self, rel: &str) -> Result<Vec<u8>, Msg> {
        crate::bundled::file(rel)
            .map(<[u8]>::to_vec)
            .ok_or_else(|| Msg::new("diag-file-not-bundled"))
    }
}

/// Per-file context: the file's label and text, for positions.
pub(super) struct FileCtx {
    pub(super) label: String,
    pub(super) text: String,
}

impl FileCtx {
    pub(super) fn at<T>(&self, v: &Spanned<T>, message: Msg) -> Diagnostic {
        Diagnostic::new(&self.label, message).at_byte(&self.text, v.span().start)
    }
}

/// `bytes` as UTF-8 text, or a diagnostic naming `label` and the position of
/// the first byte that is not UTF-8.
pub(crate) fn decode_utf8(label: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let valid = String::from_utf8_lossy(&bytes[..good]).into_owned();
        let bad = bytes.get(good).copied().unwrap_or_default();
        Diagnostic::new(
            label,
            Msg::new("diag-not-utf8")
                .text("byte", format!("0x{bad:02X}"))
                .num("offset", good),
        )
        .at_byte(&valid, valid.len())
        .help(Msg::new("diag-not-utf8-help"))
    })
}

/// A TOML syntax or shape error in file `label` (whose text is `text`), at
/// the position the parser reports.
pub(crate) fn toml_diagnostic(
    label: &str,
    text: &str,
    e: &toml::de::Error,
    help: Msg,
) -> Diagnostic {
    let detail = Detail {
        from: crate::model::diag::DetailFrom::Toml,
        text: e.message().trim().to_owned(),
    };
    let mut d = Diagnostic::new(label, Msg::new("diag-toml").detail("detail", detail));
    if let Some(span) = e.span() {
        d = d.at_byte(text, span.start);
    }
    d.help(help)
}

pub(super) struct Loader<'a> {
    pub(super) files: &'a dyn Files,
    pub(super) errors: Vec<Diagnostic>,
    /// The `{source:ID}` references met so far, checked once the sources
    /// are known (`prose`).
    pub(super) prose_refs: Vec<super::prose::PendingRef>,
}

impl Loader<'_> {
    pub(super) fn push(&mut self, d: Diagnostic) {
        self.errors.push(d);
    }

    /// Read `rel` as UTF-8 text.
    pub(super) fn text(&mut self, rel: &str) -> Option<FileCtx> {
        let label = self.files.label(rel);
        let bytes = match self.files.read(rel) {
            Ok(b) => b,
            Err(msg) => {
                self.push(
                    Diagnostic::new(&label, msg)
                        .help(Msg::new("diag-files-help").list("files", super::REQUIRED_FILES)),
                );
                return None;
            }
        };
        match decode_utf8(&label, bytes) {
            Ok(text) => Some(FileCtx { label, text }),
            Err(d) => {
                self.push(d);
                None
            }
        }
    }

    /// Read and parse a TOML file.
    pub(super) fn toml<T: DeserializeOwned>(&mut self, rel: &str) -> Option<(FileCtx, T)> {
        let ctx = self.text(rel)?;
        match toml::from_str::<T>(&ctx.text) {
            Ok(v) => Some((ctx, v)),
            Err(e) => {
                self.push(toml_diagnostic(
                    &ctx.label,
                    &ctx.text,
                    &e,
                    Msg::new("diag-toml-help"),
                ));
                None
            }
        }
    }

    pub(super) fn localized(&mut self, ctx: &FileCtx, what: Msg, raw: &RawLocalized) -> Localized {
        self.scan_prose(ctx, None, &what, raw);
        if raw.get("en").is_none_or(|s| s.trim().is_empty()) {
            self.push(
                Diagnostic::new(&ctx.label, Msg::new("diag-no-english").msg("what", what))
                    .help(Msg::new("diag-no-english-help")),
            );
        }
        Localized(raw.clone())
    }

    /// Our own words (a label, note, gloss or attribution): a plain string
    /// is English; a table by language needs non-empty `en`.
    pub(super) fn own_words(
        &mut self,
        ctx: &FileCtx,
        what: Msg,
        raw: &Spanned<RawText>,
    ) -> Localized {
        let text = raw.get_ref().to_localized();
        self.scan_prose(ctx, Some(raw.span()), &what, &text);
        if matches!(raw.get_ref(), RawText::ByLanguage(_))
            && text.get("en").is_none_or(|s| s.trim().is_empty())
        {
            self.push(
                ctx.at(raw, Msg::new("diag-no-english").msg("what", what))
                    .help(Msg::new("diag-own-words-no-english-help")),
            );
        }
        Localized(text)
    }

    /// A date as the files write it: an EDTF level 0 or 1 string (a day,
    /// month, year, interval, with `?`, `~`, `%` or `X`), or a table `{ from,
    /// to }`, `{ before }` or `{ after }` whose values are EDTF too (`from`
    /// counts from its first day, `to` to its last, `before` and `after`
    /// from their first).
    pub(super) fn date(&mut self, ctx: &FileCtx, raw: &Spanned<RawDate>) -> Option<DateSpec> {
        // `{ before }` or `{ after }`: the first day of `text`, keeping its
        // qualifier.
        let from_first = |text: &str, make: fn(Date) -> DateSpec| {
            parse_edtf(text).map(|d| make(d.start()).with_qualifier(d.qualifier()))
        };
        let result = match raw.get_ref() {
            RawDate::Day(s) => parse_edtf(s),
            RawDate::Before { before } => from_first(before, DateSpec::before),
            RawDate::After { after } => from_first(after, DateSpec::after),
            RawDate::Range { from, to } => match (parse_edtf(from), parse_edtf(to)) {
                (Ok(f), Ok(t)) if t.end() < f.start() => {
                    self.push(
                        ctx.at(
                            raw,
                            Msg::new("diag-range-reversed")
                                .date("to", t)
                                .date("from", f),
                        )
                        .help(Msg::new("diag-range-reversed-help")),
                    );
                    return None;
                }
                (Ok(f), Ok(t)) => Ok(DateSpec::range(f.start(), t.end())
                    .with_qualifier(f.qualifier().union(t.qualifier()))),
                (Err(e), _) | (_, Err(e)) => Err(e),
            },
        };
        match result {
            Ok(d) => Some(d),
            Err(e) => {
                self.push(ctx.at(raw, e.msg()).help(Msg::new("edtf-help")));
                None
            }
        }
    }

    pub(super) fn id(
        &mut self,
        ctx: &FileCtx,
        raw: &Spanned<String>,
        seen: &mut BTreeSet<String>,
        kind: &'static str,
    ) {
        let id = raw.get_ref();
        let valid = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if !valid {
            self.push(
                ctx.at(
                    raw,
                    Msg::new("diag-id-invalid")
                        .msg("kind", Msg::new(kind))
                        .text("id", id),
                )
                .help(Msg::new("diag-id-invalid-help")),
            );
        }
        if !seen.insert(id.clone()) {
            self.push(
                ctx.at(
                    raw,
                    Msg::new("diag-id-twice")
                        .msg("kind", Msg::new(kind))
                        .text("id", id),
                )
                .help(Msg::new("diag-id-twice-help")),
            );
        }
    }

    /// References to ids of `kind` (a `diag-kind-*` key); `cited_by`, when
    /// given, names what must cite at least one citation.
    pub(super) fn refs(
        &mut self,
        ctx: &FileCtx,
        raw: &[Spanned<String>],
        known: &BTreeSet<String>,
        kind: &'static str,
        cited_by: Option<Msg>,
    ) -> Vec<String> {
        if let Some(owner) = cited_by
            && raw.is_empty()
        {
            self.push(
                Diagnostic::new(
                    &ctx.label,
                    Msg::new("diag-no-citations").msg("owner", owner),
                )
                .help(Msg::new("diag-no-citations-help")),
            );
        }
        for r in raw {
            if !known.contains(r.get_ref()) {
                self.push(
                    ctx.at(
                        r,
                        Msg::new("diag-unknown-ref")
                            .msg("kind", Msg::new(kind))
                            .text("id", r.get_ref()),
                    )
                    .help(
                        Msg::new("diag-unknown-ref-help")
                            .msg("kind", Msg::new(kind))
                            .text("id", r.get_ref()),
                    ),
                );
            }
        }
        raw.iter().map(|r| r.get_ref().clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{only, with};
    use super::decode_utf8;

    #[test]
    fn an_id_used_twice_is_reported_where_it_repeats() {
        let f = with("dataset.toml", "id = \"beta\"", "id = \"alpha\"");
        let d = only(&f, "diag-id-twice", "dataset.toml", Some(10));
        assert_eq!(d.message.to_string(), "controller id 'alpha' is used twice");
    }

    #[test]
    fn an_id_that_is_not_lower_case_letters_digits_and_dashes_is_refused() {
        let f = with("dataset.toml", "id = \"beta\"", "id = \"Beta!\"");
        let d = only(&f, "diag-id-invalid", "dataset.toml", Some(10));
        assert_eq!(
            d.message.to_string(),
            "controller id 'Beta!' is not a valid id"
        );
    }

    #[test]
    fn a_toml_syntax_error_is_placed_by_the_parser() {
        let f = with("places.toml", "kind = \"district\"", "kind = district");
        only(&f, "diag-toml", "places.toml", Some(3));
    }

    #[test]
    fn a_reversed_date_range_is_refused_at_the_date() {
        let f = with(
            "timeline.toml",
            "when = { from = \"1990-01-01\", to = \"1999-12-31\" }",
            "when = { from = \"1999-12-31\", to = \"1990-01-01\" }",
        );
        let d = only(&f, "diag-range-reversed", "timeline.toml", Some(11));
        assert_eq!(
            d.message.to_string(),
            "date range ends (1990-01-01) before it starts (1999-12-31)"
        );
    }

    #[test]
    fn a_day_that_does_not_exist_is_refused_with_the_reason() {
        let f = with(
            "timeline.toml",
            "date = \"2000-02-01\"",
            "date = \"2000-02-30\"",
        );
        let d = only(&f, "date-err-day", "timeline.toml", Some(16));
        assert_eq!(
            d.message.to_string(),
            "'2000-02-30' does not exist: February 2000 has 29 days"
        );
    }

    #[test]
    fn bytes_that_are_not_utf8_are_placed_after_the_last_good_character() {
        let d = decode_utf8("x.toml", b"ab\ncd\xffe".to_vec()).err();
        assert_eq!(d.as_ref().map(|d| d.message.key), Some("diag-not-utf8"));
        let at = d.and_then(|d| d.position).map(|p| (p.line, p.column));
        assert_eq!(at, Some((2, 3)));
        assert_eq!(
            decode_utf8("x.toml", b"ok".to_vec()).ok().as_deref(),
            Some("ok")
        );
    }
}
