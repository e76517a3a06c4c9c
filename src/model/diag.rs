//! Diagnostics: every problem found while loading a dataset, with the file,
//! the line and column where the format allows, what is wrong and how to fix it.
//!
//! Loading collects all diagnostics before failing, so a user fixes every
//! problem in one pass instead of meeting them one at a time.
//!
//! The words of a diagnostic are a catalogue message ([`Msg`]: a key of
//! `assets/locales/*.ftl` and its arguments), so the viewer shows them in
//! its interface language ([`Diagnostic::render`]); `Display` writes them
//! in English, the CLI's language. Text from other programs that cannot be
//! translated (the TOML and JSON readers' messages, the system's error
//! text) is kept apart as a [`Detail`] and shown labelled as such.
//!
//! A refused date ([`DateError`], from the leaf [`crate::date`], which sits
//! below the catalogues) gets its message and its English `Display` here.

use std::fmt;

use crate::date::edtf::EdtfError;
use crate::date::{DateError, DateSpec};
use crate::i18n::format::{localize_digits, month_name};
use crate::i18n::{Arg, Lang, Locale, tr, tr_args};

/// An argument of a [`Msg`], kept unrendered until the language is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MsgArg {
    /// Text inserted as it is: an id, a file name, a value from a file.
    Text(String),
    /// A count, which selects the plural form.
    Count(u64),
    /// A number written as in the file (a line, an offset, a coordinate),
    /// in the locale's digits.
    Figure(String),
    /// A date, ISO in the locale's digits.
    Date(DateSpec),
    /// A month (1–12), by name.
    Month(u8),
    /// Ids or values, joined with the locale's list separator.
    List(Vec<String>),
    /// Another message, rendered in the same language.
    Msg(Box<Msg>),
    /// Several messages, joined with the locale's group separator.
    Msgs(Vec<Msg>),
    /// Another program's words, labelled with where they came from.
    Detail(Detail),
}

/// A catalogue message: a key in `assets/locales/*.ftl` and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    /// The catalogue key.
    pub key: &'static str,
    /// The arguments, by placeable name.
    pub args: Vec<(&'static str, MsgArg)>,
}

impl Msg {
    /// The message `key` with no arguments yet.
    #[must_use]
    pub fn new(key: &'static str) -> Self {
        Self {
            key,
            args: Vec::new(),
        }
    }

    /// Add an argument.
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: MsgArg) -> Self {
        self.args.push((name, value));
        self
    }

    /// Add a text argument (an id, a file name, a value as written).
    #[must_use]
    pub fn text(self, name: &'static str, value: impl fmt::Display) -> Self {
        self.arg(name, MsgArg::Text(value.to_string()))
    }

    /// Add a count (selects the plural form).
    #[must_use]
    pub fn count(self, name: &'static str, n: usize) -> Self {
        self.arg(name, MsgArg::Count(u64::try_from(n).unwrap_or(u64::MAX)))
    }

    /// Add a number, written as `Display` writes it, in the locale's digits.
    #[must_use]
    pub fn num(self, name: &'static str, value: impl fmt::Display) -> Self {
        self.arg(name, MsgArg::Figure(value.to_string()))
    }

    /// Add a date.
    #[must_use]
    pub fn date(self, name: &'static str, date: impl Into<DateSpec>) -> Self {
        self.arg(name, MsgArg::Date(date.into()))
    }

    /// Add a list of ids or values.
    #[must_use]
    pub fn list<S: Into<String>>(
        self,
        name: &'static str,
        items: impl IntoIterator<Item = S>,
    ) -> Self {
        self.arg(
            name,
            MsgArg::List(items.into_iter().map(Into::into).collect()),
        )
    }

    /// Add another message.
    #[must_use]
    pub fn msg(self, name: &'static str, msg: Msg) -> Self {
        self.arg(name, MsgArg::Msg(Box::new(msg)))
    }

    /// The message in `locale`.
    #[must_use]
    pub fn render(&self, locale: Locale) -> String {
        let args: Vec<(&str, Arg)> = self
            .args
            .iter()
            .map(|(name, a)| (*name, a.render(locale)))
            .collect();
        tr_args(locale, self.key, &args)
    }

    /// Add another program's words (see [`Detail`]).
    #[must_use]
    pub fn detail(self, name: &'static str, detail: Detail) -> Self {
        self.arg(name, MsgArg::Detail(detail))
    }
}

/// English, as the CLI prints it.
impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Locale::EN))
    }
}

impl MsgArg {
    fn render(&self, locale: Locale) -> Arg {
        match self {
            Self::Text(s) => Arg::Str(s.clone()),
            Self::Count(n) => Arg::from(*n),
            Self::Figure(s) => Arg::Str(localize_digits(s, locale)),
            Self::Date(d) => Arg::Str(date_text(*d, locale)),
            Self::Month(m) => Arg::Str(month_name(*m, locale)),
            Self::List(items) => Arg::Str(items.join(&tr(locale, "list-separator"))),
            Self::Msg(m) => Arg::Str(m.render(locale)),
            Self::Msgs(ms) => Arg::Str(
                ms.iter()
                    .map(|m| m.render(locale))
                    .collect::<Vec<_>>()
                    .join(&tr(locale, "list-group-separator")),
            ),
            Self::Detail(d) => Arg::Str(d.render(locale)),
        }
    }
}

/// A date as the dataset files write it: English exactly as `Display`
/// (`2020-11-20`, `2020-09-27..2020-11-10`, `before 2020-09-27`, `on or
/// after 2020-09-27`); in Arabic the same ISO days in the locale's digits,
/// with Arabic words (an open end's qualifier on its day: `في 2020-09-27~
/// أو بعده`).
fn date_text(d: DateSpec, locale: Locale) -> String {
    if locale.lang == Lang::En {
        return d.to_string();
    }
    let q = d.qualifier().edtf_suffix();
    let iso = |date: crate::date::Date| localize_digits(&date.iso(), locale);
    let text = match d {
        DateSpec::Day { date, .. } => iso(date),
        DateSpec::Range { from, to, .. } => tr_args(
            locale,
            "date-range",
            &[("from", iso(from).into()), ("to", iso(to).into())],
        ),
        DateSpec::Before { before, .. } => {
            tr_args(locale, "date-before", &[("date", iso(before).into())])
        }
        DateSpec::After { after, .. } => {
            let day = format!("{}{q}", iso(after));
            return tr_args(locale, "date-after", &[("date", day.into())]);
        }
    };
    format!("{text}{q}")
}

impl DateError {
    /// The reason as a catalogue message.
    #[must_use]
    pub fn msg(&self) -> Msg {
        match self {
            Self::Format(s) => Msg::new("date-err-format").text("value", s),
            Self::Month(s, m) => Msg::new("date-err-month")
                .text("value", s)
                .num("month", format!("{m:02}")),
            Self::Day(s, m, y, last) => Msg::new("date-err-day")
                .text("value", s)
                .arg("month", MsgArg::Month(*m))
                .num("year", y)
                .num("days", last),
        }
    }
}

/// English, as the CLI prints it.
impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg().render(Locale::EN))
    }
}

impl std::error::Error for DateError {}

impl EdtfError {
    /// The reason as a catalogue message, naming the value and what to
    /// write instead.
    #[must_use]
    pub fn msg(&self) -> Msg {
        match self {
            Self::Date(e) => e.msg(),
            Self::Syntax(v) => Msg::new("edtf-err-syntax").text("value", v),
            Self::Year(v, y) => Msg::new("edtf-err-year").text("value", v).num("year", y),
            Self::Reversed(v) => Msg::new("edtf-err-reversed").text("value", v),
            Self::Unspecified(v) => Msg::new("edtf-err-unspecified").text("value", v),
            Self::Season(v, code) => Msg::new("edtf-err-season")
                .text("value", v)
                .num("season", code),
            Self::Time(v) => Msg::new("edtf-err-time").text("value", v),
            Self::Level2(v) => Msg::new("edtf-err-level2").text("value", v),
        }
    }
}

/// English, as the CLI prints it.
impl fmt::Display for EdtfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg().render(Locale::EN))
    }
}

impl std::error::Error for EdtfError {}

/// Which program wrote a [`Detail`]'s text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailFrom {
    /// The TOML reader.
    Toml,
    /// The JSON reader.
    Json,
    /// The operating system, with the kind of failure.
    System(std::io::ErrorKind),
    /// Another component (an image or file encoder).
    Other,
}

/// Text from another program that cannot be translated, kept apart from our
/// own words and shown labelled with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    /// Who wrote it.
    pub from: DetailFrom,
    /// The text as that program wrote it.
    pub text: String,
}

impl Detail {
    /// The system's error `e`.
    #[must_use]
    pub fn io(e: &std::io::Error) -> Self {
        Self {
            from: DetailFrom::System(e.kind()),
            text: e.to_string(),
        }
    }

    /// The detail in `locale`: in English the text as written (as the CLI
    /// always showed it); in other languages labelled with its origin, and
    /// for the common system failures our own words for them.
    #[must_use]
    pub fn render(&self, locale: Locale) -> String {
        if locale.lang == Lang::En {
            return self.text.clone();
        }
        let text = [("text", Arg::Str(self.text.clone()))];
        match self.from {
            DetailFrom::Toml => tr_args(locale, "detail-toml", &text),
            DetailFrom::Json => tr_args(locale, "detail-json", &text),
            DetailFrom::Other => tr_args(locale, "detail-other", &text),
            DetailFrom::System(kind) => match io_kind_key(kind) {
                Some(key) => tr(locale, key),
                None => tr_args(locale, "detail-system", &text),
            },
        }
    }
}

/// The catalogue's own words for the common kinds of system failure.
#[must_use]
pub fn io_kind_key(kind: std::io::ErrorKind) -> Option<&'static str> {
    use std::io::ErrorKind as K;
    Some(match kind {
        K::NotFound => "io-not-found",
        K::PermissionDenied => "io-permission-denied",
        K::AlreadyExists => "io-already-exists",
        K::InvalidData => "io-invalid-data",
        K::IsADirectory => "io-is-a-directory",
        K::NotADirectory => "io-not-a-directory",
        K::StorageFull => "io-storage-full",
        K::ReadOnlyFilesystem => "io-read-only",
        K::WriteZero | K::UnexpectedEof => "io-incomplete",
        _ => return None,
    })
}

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
    pub message: Msg,
    /// How to fix it (boxed to keep diagnostics small).
    pub help: Option<Box<Msg>>,
}

impl Diagnostic {
    /// A diagnostic for `file` with no position yet.
    pub fn new(file: impl Into<String>, message: Msg) -> Self {
        Self {
            file: file.into(),
            position: None,
            message,
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
    pub fn help(mut self, help: Msg) -> Self {
        self.help = Some(Box::new(help));
        self
    }

    /// The diagnostic in `locale`: `file:line:column: error: what` and an
    /// indented help line. File names and ids are unchanged; numbers use
    /// the locale's digits.
    #[must_use]
    pub fn render(&self, locale: Locale) -> String {
        let mut out = self.file.clone();
        if let Some(p) = self.position {
            out.push_str(&localize_digits(
                &format!(":{}:{}", p.line, p.column),
                locale,
            ));
        }
        let error = [("message", Arg::Str(self.message.render(locale)))];
        out.push_str(&tr_args(locale, "diag-error", &error));
        if let Some(help) = &self.help {
            let help = [("help", Arg::Str(help.render(locale)))];
            out.push('\n');
            out.push_str(&tr_args(locale, "diag-help", &help));
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Locale::EN))
    }
}

/// The error returned when a dataset cannot be loaded: all its diagnostics.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    /// Every problem found, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadError {
    /// Every diagnostic and a last line saying nothing was loaded, in
    /// `locale`.
    #[must_use]
    pub fn render(&self, locale: Locale) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            out.push_str(&d.render(locale));
            out.push('\n');
        }
        out.push_str(
            &Msg::new("diag-summary")
                .count("count", self.diagnostics.len())
                .render(locale),
        );
        out
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Locale::EN))
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
        let d = Diagnostic::new("timeline.toml", Msg::new("diag-no-steps"))
            .at(Position { line: 3, column: 8 })
            .help(Msg::new("diag-no-steps-help"));
        assert_eq!(
            d.to_string(),
            "timeline.toml:3:8: error: the timeline has no steps\n  help: add [[step]] tables"
        );
    }

    fn indic() -> Locale {
        Locale {
            digits: crate::i18n::Digits::ArabicIndic,
            ..Locale::AR
        }
    }

    #[test]
    fn arabic_keeps_file_names_and_ids_and_localizes_words_and_digits() {
        let d = Diagnostic::new(
            "data/timeline.toml",
            Msg::new("diag-id-twice")
                .msg("kind", Msg::new("diag-kind-step"))
                .text("id", "step-2"),
        )
        .at(Position {
            line: 12,
            column: 4,
        });
        assert_eq!(
            d.render(indic()),
            "data/timeline.toml:١٢:٤: خطأ: معرّف الخطوة «step-2» مستعمل مرتين"
        );
        // With Latin digits the numbers stay 0-9; the id keeps its digit.
        assert!(
            d.render(Locale::AR)
                .starts_with("data/timeline.toml:12:4: خطأ: ")
        );
        assert_eq!(
            d.to_string(),
            "data/timeline.toml:12:4: error: step id 'step-2' is used twice"
        );
    }

    #[test]
    fn other_programs_words_are_labelled_in_arabic_and_plain_in_english() {
        let detail = Detail {
            from: DetailFrom::Toml,
            text: "invalid table header".to_owned(),
        };
        let d = Diagnostic::new(
            "places.toml",
            Msg::new("diag-toml").detail("detail", detail),
        );
        assert_eq!(d.to_string(), "places.toml: error: invalid table header");
        let ar = d.render(Locale::AR);
        assert!(
            ar.contains("قارئ `TOML` بالإنجليزية: invalid table header"),
            "{ar}"
        );
        // A system error of a known kind is said in our own words.
        let e = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let msg = Msg::new("diag-file-unreadable").detail("detail", Detail::io(&e));
        assert!(msg.to_string().starts_with("cannot be read: "), "{msg}");
        let ar = msg.render(Locale::AR);
        assert!(ar.contains("لا يملك البرنامج الإذن"), "{ar}");
        assert!(!ar.chars().any(|c| c.is_ascii_alphabetic()), "{ar}");
        // An unusual one is shown as the system wrote it, labelled.
        let e = std::io::Error::other("disk on fire");
        let ar = Msg::new("diag-file-unreadable")
            .detail("detail", Detail::io(&e))
            .render(Locale::AR);
        assert!(ar.contains("نص النظام بالإنجليزية: disk on fire"), "{ar}");
    }

    #[test]
    fn the_summary_counts_errors_in_each_language() {
        let one = LoadError {
            diagnostics: vec![Diagnostic::new("a", Msg::new("diag-no-steps"))],
        };
        assert!(
            one.to_string()
                .ends_with("\nthe dataset has 1 error; nothing was loaded")
        );
        assert!(
            one.render(Locale::AR)
                .ends_with("في مجموعة البيانات خطأ واحد؛ لم يُحمَّل شيء منها")
        );
        let three = LoadError {
            diagnostics: vec![one.diagnostics[0].clone(); 3],
        };
        assert!(
            three
                .to_string()
                .ends_with("the dataset has 3 errors; nothing was loaded")
        );
        assert!(
            three
                .render(indic())
                .ends_with("في مجموعة البيانات ٣ أخطاء؛ لم يُحمَّل شيء منها")
        );
    }

    #[test]
    fn dates_keep_the_files_iso_form_with_arabic_words() {
        let d = |s| crate::date::Date::parse(s).unwrap_or_else(|e| unreachable!("{e}"));
        let m = Msg::new("diag-coverage-reversed")
            .date("to", d("2020-01-02"))
            .date("from", d("2021-03-04"));
        assert_eq!(
            m.to_string(),
            "coverage ends (2020-01-02) before it starts (2021-03-04)"
        );
        assert_eq!(
            m.render(indic()),
            "تنتهي الفترة المغطاة (٢٠٢٠-٠١-٠٢) قبل أن تبدأ (٢٠٢١-٠٣-٠٤)"
        );
        let err = crate::date::Date::parse("2021-02-30").err();
        let ar = err.map(|e| e.msg().render(Locale::AR)).unwrap_or_default();
        assert!(ar.contains("فبراير 2021"), "{ar}");
        // An open end, with its qualifier on its day in both languages.
        let open = crate::date::DateSpec::after(d("2020-09-27"));
        let q = crate::date::Qualifier::from_edtf_suffix('~').unwrap_or_default();
        let m = |spec| {
            Msg::new("diag-step-open-end")
                .text("id", "s")
                .date("date", spec)
        };
        assert_eq!(
            m(open).to_string(),
            "step 's' is dated on or after 2020-09-27, with no end, so it cannot be placed on the time line"
        );
        assert_eq!(
            m(open.with_qualifier(q)).render(Locale::AR),
            "الخطوة «s» مؤرَّخة في 2020-09-27~ أو بعده بلا نهاية، فلا يمكن وضعها على الخط الزمني"
        );
        assert!(m(open).render(indic()).contains("في ٢٠٢٠-٠٩-٢٧ أو بعده"));
    }

    #[test]
    fn refuses_days_that_do_not_exist_with_the_reason() {
        use crate::date::Date;
        let e = Date::parse("2020-02-30").err().map(|e| e.to_string());
        assert_eq!(
            e.as_deref(),
            Some("'2020-02-30' does not exist: February 2020 has 29 days")
        );
        let e = Date::parse("2021-13-01").err().map(|e| e.to_string());
        assert!(e.is_some_and(|e| e.contains("month 13")));
    }

    #[test]
    fn refuses_other_date_formats() {
        use crate::date::Date;
        for bad in [
            "10/11/2020",
            "2020-1-01",
            "2020-11-10T00:00",
            "",
            "yyyy-mm-dd",
            "+020-11-10",
        ] {
            let e = Date::parse(bad)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(e.contains("YYYY-MM-DD"), "{bad}: {e}");
        }
    }

    /// Every catalogue key the model's code names: each string literal in
    /// `src/model` and `src/interop` that looks like one of the diagnostic
    /// families' keys.
    fn model_keys() -> std::collections::BTreeSet<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model");
        let prefixes = [
            "diag-",
            "geo-",
            "tour-",
            "quote-",
            "date-err-",
            "io-",
            "detail-",
        ];
        let mut out = std::collections::BTreeSet::new();
        // The folder and its subfolders (src/model/load/).
        let mut files = Vec::new();
        let mut dirs = vec![dir];
        while let Some(d) = dirs.pop() {
            for f in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                if f.path().is_dir() {
                    dirs.push(f.path());
                } else {
                    files.push(f.path());
                }
            }
        }
        for f in files {
            let text = std::fs::read_to_string(f).unwrap_or_default();
            for (i, literal) in text.split('"').enumerate() {
                let is_key = i % 2 == 1
                    && prefixes.iter().any(|p| literal.starts_with(p))
                    && !literal.ends_with('-')
                    && literal
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                if is_key {
                    out.insert(literal.to_owned());
                }
            }
        }
        out
    }

    #[test]
    fn every_diagnostic_key_is_in_both_catalogues_and_arabic_in_arabic() {
        let keys = model_keys();
        assert!(keys.len() > 120, "the scan found only {keys:?}");
        let en: std::collections::BTreeSet<String> =
            crate::i18n::keys(Lang::En).into_iter().collect();
        let ar: std::collections::BTreeSet<String> =
            crate::i18n::keys(Lang::Ar).into_iter().collect();
        for key in &keys {
            assert!(en.contains(key), "{key} is not in en.ftl");
            assert!(ar.contains(key), "{key} is not in ar.ftl");
            // A key missing from the Arabic bundle would fall back to the
            // English text; a malformed one would come out as the key.
            let text = tr(Locale::AR, key);
            assert_ne!(text, *key, "{key} does not render");
            assert_ne!(text, tr(Locale::EN, key), "{key} renders as English");
            // Without arguments Fluent shows each placeable as `{$name}`.
            let bare: String = text
                .split("{$")
                .enumerate()
                .map(|(i, part)| {
                    if i == 0 {
                        part
                    } else {
                        part.split_once('}').map_or("", |p| p.1)
                    }
                })
                .collect();
            assert!(
                bare.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c))
                    || !bare.chars().any(char::is_alphabetic),
                "{key}: {text:?} has no Arabic word"
            );
        }
    }
}
