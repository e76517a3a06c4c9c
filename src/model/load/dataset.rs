//! `dataset.toml`: the title, the coverage, the controllers, and the
//! naming schemes checked against the names `places.toml` uses.

use std::collections::BTreeSet;

use super::loader::{FileCtx, Loader};
use crate::date::Date;
use crate::model::diag::Msg;
use crate::model::raw::{RawDatasetFile, RawPlacesFile};
use crate::model::types::{Controller, Coverage, Localized, NameScheme, NameTag};

/// The naming schemes `dataset.toml` declares, or, when it declares none,
/// one per tag the places' name tables use (English first, then in tag
/// order). Every tag must be a language tag, declared once, and used by some
/// place; when schemes are declared, every tag a place uses must be one.
pub(super) fn check_naming(
    l: &mut Loader<'_>,
    (dctx, draw): &(FileCtx, RawDatasetFile),
    (pctx, praw): &(FileCtx, RawPlacesFile),
) -> Vec<NameScheme> {
    let used: BTreeSet<&str> = praw
        .place
        .iter()
        .flat_map(|p| p.names.keys().map(String::as_str))
        .collect();
    for p in &praw.place {
        for key in p.names.keys().filter(|k| NameTag::parse(k).is_none()) {
            l.push(
                pctx.at(
                    &p.id,
                    Msg::new("diag-name-key-not-tag")
                        .text("id", p.id.get_ref())
                        .text("key", key),
                )
                .help(Msg::new("diag-name-key-not-tag-help")),
            );
        }
    }
    if draw.naming.is_empty() {
        let mut tags: Vec<NameTag> = used.iter().filter_map(|t| NameTag::parse(t)).collect();
        tags.sort_by_key(|t| (*t != NameTag::EN, *t));
        return tags
            .into_iter()
            .map(|tag| NameScheme { tag, label: None })
            .collect();
    }
    let mut out: Vec<NameScheme> = Vec::new();
    for n in &draw.naming {
        let raw_tag = n.lang.get_ref();
        let Some(tag) = NameTag::parse(raw_tag) else {
            l.push(
                dctx.at(
                    &n.lang,
                    Msg::new("diag-naming-not-tag").text("tag", raw_tag),
                )
                .help(Msg::new("diag-naming-not-tag-help")),
            );
            continue;
        };
        if out.iter().any(|s| s.tag == tag) {
            l.push(
                dctx.at(
                    &n.lang,
                    Msg::new("diag-naming-twice").text("tag", tag.as_str()),
                )
                .help(Msg::new("diag-naming-twice-help")),
            );
            continue;
        }
        if !used.contains(tag.as_str()) {
            l.push(
                dctx.at(
                    &n.lang,
                    Msg::new("diag-naming-unused").text("tag", tag.as_str()),
                )
                .help(Msg::new("diag-naming-unused-help").text("tag", tag.as_str())),
            );
        }
        let label = l.localized(
            dctx,
            Msg::new("diag-what-naming-label").text("tag", tag.as_str()),
            &n.label,
        );
        out.push(NameScheme {
            tag,
            label: Some(label),
        });
    }
    let mut reported = BTreeSet::new();
    for p in &praw.place {
        for key in p.names.keys() {
            if NameTag::parse(key).is_some()
                && !out.iter().any(|s| s.tag.as_str() == key)
                && reported.insert(key)
            {
                l.push(
                    pctx.at(
                        &p.id,
                        Msg::new("diag-naming-undeclared")
                            .text("id", p.id.get_ref())
                            .text("tag", key),
                    )
                    .help(Msg::new("diag-naming-undeclared-help").text("tag", key)),
                );
            }
        }
    }
    out
}

pub(super) fn check_dataset_file(
    l: &mut Loader<'_>,
    (ctx, raw): &(FileCtx, RawDatasetFile),
) -> (Option<Coverage>, Vec<Controller>, Localized, Localized) {
    let title = l.localized(ctx, Msg::new("diag-what-dataset-title"), &raw.title);
    let description = Localized(raw.description.clone());
    let cov = raw.coverage.get_ref();
    let coverage = match (Date::parse(&cov.from), Date::parse(&cov.to)) {
        (Ok(from), Ok(to)) if from <= to => Some(Coverage { from, to }),
        (Ok(from), Ok(to)) => {
            l.push(
                ctx.at(
                    &raw.coverage,
                    Msg::new("diag-coverage-reversed")
                        .date("to", to)
                        .date("from", from),
                ),
            );
            None
        }
        (Err(e), _) | (_, Err(e)) => {
            l.push(ctx.at(&raw.coverage, e.msg()));
            None
        }
    };
    let mut seen = BTreeSet::new();
    let mut controllers = Vec::new();
    for c in &raw.controller {
        l.id(ctx, &c.id, &mut seen, "diag-kind-controller");
        let what = Msg::new("diag-what-controller").text("id", c.id.get_ref());
        let names = l.localized(ctx, what, &c.names);
        controllers.push(Controller {
            id: c.id.get_ref().clone(),
            names,
        });
    }
    (coverage, controllers, title, description)
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{load, only, with};

    #[test]
    fn a_reversed_coverage_is_refused() {
        let f = with(
            "dataset.toml",
            "coverage = { from = \"2000-01-01\", to = \"2000-12-31\" }",
            "coverage = { from = \"2000-12-31\", to = \"2000-01-01\" }",
        );
        let d = only(&f, "diag-coverage-reversed", "dataset.toml", Some(3));
        assert_eq!(
            d.message.to_string(),
            "coverage ends (2000-01-01) before it starts (2000-12-31)"
        );
    }

    #[test]
    fn a_title_without_english_is_refused() {
        let f = with("dataset.toml", "title = { en = ", "title = { fr = ");
        let d = only(&f, "diag-no-english", "dataset.toml", None);
        assert!(d.message.to_string().ends_with("has no English (en) text"));
    }

    #[test]
    fn a_declared_naming_scheme_no_place_uses_is_refused() {
        let f = with(
            "dataset.toml",
            "[[controller]]\nid = \"alpha\"",
            "[[naming]]\nlang = \"en\"\nlabel = { en = \"English\" }\n\n[[naming]]\nlang = \"fr\"\nlabel = { en = \"French\" }\n\n[[controller]]\nid = \"alpha\"",
        );
        let d = only(&f, "diag-naming-unused", "dataset.toml", Some(10));
        assert_eq!(d.message.to_string(), "no place has a name in 'fr'");
    }

    #[test]
    fn without_declared_schemes_each_used_tag_is_one() {
        let ds = load(&with(
            "places.toml",
            "names = { en = ",
            "names = { az = \"Ərazi\", en = ",
        ));
        let tags: Vec<String> = ds
            .map(|d| d.naming.iter().map(|n| n.tag.to_string()).collect())
            .unwrap_or_default();
        assert_eq!(tags, ["en", "az"]);
    }
}
