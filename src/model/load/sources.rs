//! `sources.toml`: each source's file (a safe relative path), its text's
//! SHA-256, and its passages, which must be in that text.

use std::collections::BTreeSet;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::loader::{FileCtx, Loader};
use crate::model::diag::Msg;
use crate::model::raw::{RawPassage, RawSourcesFile};
use crate::model::types::{Direction, Passage, Source, StatedDate};

pub(super) fn passage(
    l: &mut Loader<'_>,
    ctx: &FileCtx,
    raw: &RawPassage,
    src: &str,
    text: &str,
) -> Passage {
    if !text.contains(raw.text.get_ref().as_str()) || raw.text.get_ref().is_empty() {
        l.push(
            ctx.at(
                &raw.text,
                Msg::new("diag-passage-missing").text("source", src),
            )
            .help(Msg::new("diag-passage-missing-help")),
        );
    }
    let gloss = l.own_words(
        ctx,
        Msg::new("diag-what-source-gloss").text("id", src),
        &raw.gloss,
    );
    Passage {
        text: raw.text.get_ref().clone(),
        gloss,
    }
}

pub(super) fn safe_relative(path: &str) -> bool {
    let p = Path::new(path);
    !path.is_empty()
        && !path.contains('\\')
        && p.components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}

pub(super) fn check_sources(
    l: &mut Loader<'_>,
    (ctx, raw): &(FileCtx, RawSourcesFile),
) -> Vec<Source> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for s in &raw.source {
        l.id(ctx, &s.id, &mut seen, "diag-kind-source");
        let id = s.id.get_ref().clone();
        let file = s.file.get_ref();
        if !safe_relative(file) {
            l.push(
                ctx.at(&s.file, Msg::new("diag-source-path").text("file", file))
                    .help(Msg::new("diag-source-path-help")),
            );
            continue;
        }
        let rel = format!("sources/{file}");
        let bytes = match l.files.read(&rel) {
            Ok(b) => b,
            Err(msg) => {
                l.push(
                    ctx.at(
                        &s.file,
                        Msg::new("diag-source-unreadable")
                            .text("id", &id)
                            .text("file", l.files.label(&rel))
                            .msg("reason", msg),
                    )
                    .help(Msg::new("diag-source-unreadable-help")),
                );
                continue;
            }
        };
        if let Some(sum) = &s.sha256 {
            let actual: String = Sha256::digest(&bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            if !sum.get_ref().eq_ignore_ascii_case(&actual) {
                l.push(
                    ctx.at(
                        sum,
                        Msg::new("diag-source-sha")
                            .text("id", &id)
                            .text("file", l.files.label(&rel))
                            .text("sum", actual),
                    )
                    .help(Msg::new("diag-source-sha-help")),
                );
            }
        }
        let Some(text_ctx) = l.text(&rel) else {
            continue;
        };
        let text = text_ctx.text;
        let direction = match s.direction.get_ref().as_str() {
            "rtl" => Direction::Rtl,
            "ltr" => Direction::Ltr,
            other => {
                l.push(
                    ctx.at(
                        &s.direction,
                        Msg::new("diag-direction").text("value", other),
                    )
                    .help(Msg::new("diag-direction-help")),
                );
                Direction::Ltr
            }
        };
        let opt = |p: &Option<RawPassage>, l: &mut Loader<'_>| {
            p.as_ref().map(|p| passage(l, ctx, p, &id, &text))
        };
        let headline = opt(&s.headline, l);
        let publisher = opt(&s.publisher, l);
        let dateline = opt(&s.dateline, l);
        let page_date = opt(&s.page_date, l);
        let agencies = s
            .agencies
            .iter()
            .map(|p| passage(l, ctx, p, &id, &text))
            .collect();
        let mut stated_dates = Vec::new();
        for d in &s.stated_date {
            let p = passage(
                l,
                ctx,
                &RawPassage {
                    text: d.text.clone(),
                    gloss: d.gloss.clone(),
                },
                &id,
                &text,
            );
            if let Some(date) = l.date(ctx, &d.date) {
                stated_dates.push(StatedDate {
                    text: p.text,
                    date,
                    gloss: p.gloss,
                });
            }
        }
        let label = l.own_words(
            ctx,
            Msg::new("diag-what-source-label").text("id", &id),
            &s.label,
        );
        let note = s
            .note
            .as_ref()
            .map(|n| l.own_words(ctx, Msg::new("diag-what-source-note").text("id", &id), n));
        out.push(Source {
            id,
            file: file.clone(),
            original_file_name: s.original_file_name.clone(),
            sha256: s.sha256.as_ref().map(|s| s.get_ref().to_lowercase()),
            language: s.language.clone(),
            direction,
            label,
            headline,
            publisher,
            agencies,
            dateline,
            page_date,
            stated_dates,
            note,
            text,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{SOURCE, only, sha256, with};
    use super::safe_relative;

    #[test]
    fn a_source_whose_sha256_differs_is_refused_with_the_actual_sum() {
        let changed = SOURCE.replace("filler", "other");
        let f = with("sources/a.txt", SOURCE, &changed);
        let d = only(&f, "diag-source-sha", "sources.toml", Some(5));
        assert_eq!(
            d.message.to_string(),
            format!(
                "source 'src-a': t/sources/a.txt has SHA-256 {}, not the recorded one",
                sha256(&changed)
            )
        );
    }

    #[test]
    fn a_source_path_outside_sources_is_refused() {
        let f = with("sources.toml", "file = \"a.txt\"", "file = \"../a.txt\"");
        let d = only(&f, "diag-source-path", "sources.toml", Some(3));
        assert_eq!(
            d.message.to_string(),
            "source file '../a.txt' is not a plain path inside sources/"
        );
    }

    #[test]
    fn safe_paths_are_plain_relative_ones() {
        assert!(safe_relative("a.txt"));
        assert!(safe_relative("dir/a.txt"));
        for bad in ["", "../a.txt", "/a.txt", "a\\b.txt", "./a.txt"] {
            assert!(!safe_relative(bad), "{bad}");
        }
    }
}
