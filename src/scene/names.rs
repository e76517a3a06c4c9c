//! Which names the map shows: the interface language's, or one of the
//! dataset's naming schemes, and what the menus call each scheme.

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Locale, tr, tr_args};
use crate::model::Dataset;
use crate::model::types::NameTag;

/// Which name of a place to show: the interface language's, or those of one
/// of the dataset's naming schemes ([`Dataset::naming`]).
///
/// Stored in settings and on the command line as `interface` or the tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum NameLang {
    /// The interface language's names (Arabic names in the Arabic
    /// interface, English ones in the English interface).
    #[default]
    Interface,
    /// The names under this tag in the places' name tables.
    Tag(NameTag),
}

impl NameLang {
    /// The names the dataset offers, in menu order, after
    /// [`NameLang::Interface`].
    #[must_use]
    pub fn choices(ds: &Dataset) -> Vec<Self> {
        std::iter::once(Self::Interface)
            .chain(ds.naming.iter().map(|s| Self::Tag(s.tag)))
            .collect()
    }

    /// The tag whose names are shown when the interface is in `lang`.
    #[must_use]
    pub fn resolve(self, lang: Lang) -> NameTag {
        match self {
            Self::Tag(tag) => tag,
            Self::Interface => NameTag::parse(lang.tag()).unwrap_or(NameTag::EN),
        }
    }

    /// A menu label in the interface language: the dataset's label for the
    /// scheme, or the tag when the dataset gives none.
    #[must_use]
    pub fn label_in(self, ds: &Dataset, locale: Locale) -> String {
        match self {
            Self::Interface => tr(locale, "names-interface"),
            Self::Tag(tag) => scheme_label(ds, tag, locale),
        }
    }
    /// Whether `ds` has these names.
    ///
    /// # Errors
    /// A message for `--names` listing the names the dataset offers.
    pub fn offered_by(self, ds: &Dataset) -> Result<(), String> {
        match self {
            Self::Tag(tag) if !ds.naming.iter().any(|s| s.tag == tag) => {
                let offered: Vec<&str> = ds.naming.iter().map(|s| s.tag.as_str()).collect();
                Err(format!(
                    "--names {tag}: the dataset has no place names in '{tag}'\n  help: use --names interface or one of: {}",
                    offered.join(", ")
                ))
            }
            _ => Ok(()),
        }
    }

    /// `interface`, or a language tag such as `az` (see [`NameTag::parse`]).
    ///
    /// # Errors
    /// A message naming `s` when it is neither.
    pub fn parse(s: &str) -> Result<Self, String> {
        if s == "interface" {
            return Ok(Self::Interface);
        }
        NameTag::parse(s).map(Self::Tag).ok_or_else(|| {
            format!(
                "'{s}' is not a language tag: write 'interface' or a tag such as en, az or hy-Latn"
            )
        })
    }
}

/// What `locale`'s menus call the names under `tag`: the dataset's label, or
/// "Names: tag" when it gives none.
#[must_use]
pub fn scheme_label(ds: &Dataset, tag: NameTag, locale: Locale) -> String {
    ds.naming
        .iter()
        .find(|s| s.tag == tag)
        .and_then(|s| s.label.as_ref())
        .map_or_else(
            || tr_args(locale, "names-tag", &[("tag", tag.as_str().into())]),
            |l| l.get(locale.lang.tag()).to_owned(),
        )
}

impl From<NameLang> for String {
    fn from(n: NameLang) -> Self {
        match n {
            NameLang::Interface => "interface".to_owned(),
            NameLang::Tag(t) => t.as_str().to_owned(),
        }
    }
}

impl TryFrom<String> for NameLang {
    type Error = String;

    fn try_from(s: String) -> Result<Self, String> {
        Self::parse(&s)
    }
}

/// The display name of a feature or place under `tag`, falling back to
/// English.
#[must_use]
pub fn display_name(names: &crate::model::types::Localized, tag: NameTag) -> &str {
    names.get(tag.as_str())
}
