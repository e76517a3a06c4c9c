//! The message catalogues: `assets/locales/{en,ar}.ftl` in Fluent syntax,
//! compiled in and parsed once into one bundle per language and digit set
//! (numbers passed as arguments are written by the bundle's formatter, so
//! the plural rules see the number and the text shows the chosen digits;
//! with Arabic-Indic digits the catalogue's own text is converted too, the
//! arguments — ids, file names — are not).

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::format::{format_number, to_digits};
use super::{Digits, Lang, Locale};

const EN_FTL: &str = include_str!("../../assets/locales/en.ftl");
const AR_FTL: &str = include_str!("../../assets/locales/ar.ftl");

/// An argument of a message: text, or a number (which selects plural forms
/// and is written in the locale's digits).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text, inserted as it is.
    Str(String),
    /// A number.
    Num(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Self::Str(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Self::Str(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Self::Str(s.clone())
    }
}

impl From<f64> for Arg {
    fn from(v: f64) -> Self {
        Self::Num(v)
    }
}

macro_rules! arg_from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn from(v: $t) -> Self {
                Self::Num(v as f64)
            }
        }
    )*};
}
arg_from_int!(i32, i64, u8, u32, u64, usize);

struct Catalogue {
    en: FluentBundle<FluentResource>,
    ar_latin: FluentBundle<FluentResource>,
    ar_indic: FluentBundle<FluentResource>,
    errors: Vec<String>,
}

fn latin_formatter<M>(v: &FluentValue<'_>, _: &M) -> Option<String> {
    match v {
        FluentValue::Number(n) => Some(format_number(n.value, 2, Digits::Latin)),
        _ => None,
    }
}

fn indic_formatter<M>(v: &FluentValue<'_>, _: &M) -> Option<String> {
    match v {
        FluentValue::Number(n) => Some(format_number(n.value, 2, Digits::ArabicIndic)),
        _ => None,
    }
}

/// The CLDR plural category of `n` in `lang`: for Arabic zero, one, two,
/// few (the last two digits 03–10), many (11–99) or other; for English one
/// or other. The catalogues select with `PLURAL($n)` rather than on `$n`
/// itself because the plural rules `fluent-bundle` uses test the whole
/// number where CLDR tests `n % 100` for Arabic (giving "103 يوم" instead
/// of "103 أيام").
#[must_use]
pub fn plural_category(lang: Lang, n: f64) -> &'static str {
    let whole = n.is_finite() && n.fract() == 0.0;
    match lang {
        Lang::En => {
            if n == 1.0 {
                "one"
            } else {
                "other"
            }
        }
        Lang::Ar if !whole => "other",
        Lang::Ar => {
            let abs = n.abs();
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let last_two = (abs % 100.0) as u32;
            if abs == 0.0 {
                "zero"
            } else if abs == 1.0 {
                "one"
            } else if abs == 2.0 {
                "two"
            } else if (3..=10).contains(&last_two) {
                "few"
            } else if (11..=99).contains(&last_two) {
                "many"
            } else {
                "other"
            }
        }
    }
}

/// The catalogue's own text (not the arguments) in Arabic-Indic digits.
fn indic_transform(text: &str) -> Cow<'_, str> {
    if text.bytes().any(|b| b.is_ascii_digit()) {
        Cow::Owned(to_digits(text, Digits::ArabicIndic))
    } else {
        Cow::Borrowed(text)
    }
}

fn bundle(
    lang: Lang,
    source: &str,
    digits: Digits,
    errors: &mut Vec<String>,
) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks (FSI…PDI) around arguments have no glyphs in the
    // fonts; the text's own bidi layout handles mixed directions.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match digits {
        Digits::Latin => latin_formatter,
        Digits::ArabicIndic => indic_formatter,
    }));
    if digits == Digits::ArabicIndic {
        bundle.set_transform(Some(indic_transform));
    }
    if let Err(e) = bundle.add_function("PLURAL", move |positional, _named| {
        match positional.first() {
            Some(FluentValue::Number(n)) => FluentValue::from(plural_category(lang, n.value)),
            _ => FluentValue::from("other"),
        }
    }) {
        errors.push(format!("{}.ftl: {e}", lang.tag()));
    }
    let resource = match FluentResource::try_new(source.to_owned()) {
        Ok(r) => r,
        Err((r, errs)) => {
            errors.extend(errs.iter().map(|e| format!("{}.ftl: {e:?}", lang.tag())));
            r
        }
    };
    if let Err(errs) = bundle.add_resource(resource) {
        errors.extend(errs.iter().map(|e| format!("{}.ftl: {e}", lang.tag())));
    }
    bundle
}

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        let mut errors = Vec::new();
        let en = bundle(Lang::En, EN_FTL, Digits::Latin, &mut errors);
        let ar_latin = bundle(Lang::Ar, AR_FTL, Digits::Latin, &mut errors);
        let ar_indic = bundle(Lang::Ar, AR_FTL, Digits::ArabicIndic, &mut errors);
        // The Arabic catalogue was parsed twice; report its errors once.
        errors.dedup();
        Catalogue {
            en,
            ar_latin,
            ar_indic,
            errors,
        }
    })
}

fn bundle_for(locale: Locale) -> &'static FluentBundle<FluentResource> {
    let c = catalogue();
    match (locale.lang, locale.effective_digits()) {
        (Lang::En, _) => &c.en,
        (Lang::Ar, Digits::Latin) => &c.ar_latin,
        (Lang::Ar, Digits::ArabicIndic) => &c.ar_indic,
    }
}

/// The message `key` in `locale`, without arguments. See [`tr_args`].
#[must_use]
pub fn tr(locale: Locale, key: &str) -> String {
    tr_args(locale, key, &[])
}

/// The message `key` in `locale` with `args` (`$name` in the catalogue).
/// A key missing from the Arabic catalogue falls back to English, and one
/// missing from both comes out as the key itself (the tests keep both
/// catalogues complete, so neither happens in a release).
#[must_use]
pub fn tr_args(locale: Locale, key: &str, args: &[(&str, Arg)]) -> String {
    let fluent_args = (!args.is_empty()).then(|| {
        let mut a = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Str(s) => a.set(*name, FluentValue::from(s.clone())),
                Arg::Num(n) => a.set(*name, FluentValue::from(*n)),
            }
        }
        a
    });
    for bundle in [bundle_for(locale), &catalogue().en] {
        if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, fluent_args.as_ref(), &mut errors)
                .into_owned();
        }
    }
    key.to_owned()
}

/// Problems found parsing the catalogues (empty when they are well formed).
#[must_use]
pub fn catalogue_errors() -> Vec<String> {
    catalogue().errors.clone()
}

fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => EN_FTL,
        Lang::Ar => AR_FTL,
    }
}

/// Each message of a catalogue with its lines, read from the Fluent source:
/// a message starts on a line `key = …` and continues on indented lines.
fn messages(lang: Lang) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in source(lang).lines() {
        let starts_message =
            line.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) && line.contains('=');
        if starts_message {
            let (key, rest) = line.split_once('=').unwrap_or((line, ""));
            out.push((key.trim().to_owned(), rest.to_owned()));
        } else if line.starts_with(' ')
            && let Some((_, body)) = out.last_mut()
        {
            body.push('\n');
            body.push_str(line);
        }
    }
    out
}

/// Every message key of `lang`'s catalogue, in file order.
#[must_use]
pub fn keys(lang: Lang) -> Vec<String> {
    messages(lang).into_iter().map(|(k, _)| k).collect()
}

/// The variables (`$name`) message `key` uses in `lang`'s catalogue.
#[must_use]
pub fn placeables(lang: Lang, key: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (_, body) in messages(lang).iter().filter(|(k, _)| k == key) {
        let mut rest = body.as_str();
        while let Some(at) = rest.find('$') {
            let name: String = rest[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            if !name.is_empty() {
                out.insert(name);
            }
            rest = &rest[at + 1..];
        }
    }
    out
}
