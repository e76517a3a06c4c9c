//! References in the dataset's own words (`{source:ID}`, see
//! `model::prose`): each one checked where it is written — a malformed
//! brace at once, an id once every source is known — and, in a loaded
//! dataset, rendered as the source's quoted short title in each text's
//! language, so no surface shows the id.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

use super::loader::{FileCtx, Loader, Memory};
use crate::model::cite::quoted_title;
use crate::model::diag::{Diagnostic, Msg};
use crate::model::prose::{self, Piece};
use crate::model::types::{Dataset, Localized, Source, Tour};

/// A well-formed reference waiting for the source ids: its id and the
/// diagnostic to report if no source has it.
pub(super) struct PendingRef {
    id: String,
    diag: Diagnostic,
}

impl Loader<'_> {
    /// Check the references in `text` (by language), found in file `ctx`
    /// inside the byte range `span` when known: report each malformed
    /// brace now, keep each reference for [`Loader::check_references`].
    pub(super) fn scan_prose(
        &mut self,
        ctx: &FileCtx,
        span: Option<Range<usize>>,
        what: &Msg,
        text: &BTreeMap<String, String>,
    ) {
        if !text.values().any(|t| prose::has_markup(t)) {
            return;
        }
        let region = span
            .filter(|r| ctx.text.get(r.clone()).is_some())
            .unwrap_or(0..ctx.text.len());
        // Where the n-th copy of each written reference starts in the file.
        let mut next: HashMap<String, usize> = HashMap::new();
        let mut locate = |needle: &str| -> usize {
            let from = next.get(needle).copied().unwrap_or(region.start);
            let found = ctx
                .text
                .get(from..region.end)
                .and_then(|r| r.find(needle))
                .map(|i| from + i);
            match found {
                Some(at) => {
                    next.insert(needle.to_owned(), at + needle.len());
                    at
                }
                None => region.start,
            }
        };
        for t in text.values() {
            match prose::pieces(t) {
                Ok(ps) => {
                    for p in ps {
                        if let Piece::Source { id, .. } = p {
                            let written = format!("{{{}:{id}}}", prose::SOURCE);
                            let pos = locate(&written);
                            let msg = Msg::new("diag-ref-unknown-source")
                                .msg("what", what.clone())
                                .text("id", id);
                            let diag = Diagnostic::new(&ctx.label, msg).at_byte(&ctx.text, pos);
                            self.prose_refs.push(PendingRef {
                                id: id.to_owned(),
                                diag,
                            });
                        }
                    }
                }
                Err(bad) => {
                    for m in bad {
                        let written: String = t[m.at..]
                            .chars()
                            .take(1 + m.found.chars().count())
                            .collect();
                        let pos = locate(&written);
                        let msg = Msg::new("diag-ref-malformed")
                            .msg("what", what.clone())
                            .text("found", written);
                        self.push(
                            Diagnostic::new(&ctx.label, msg)
                                .at_byte(&ctx.text, pos)
                                .help(Msg::new("diag-ref-malformed-help")),
                        );
                    }
                }
            }
        }
    }

    /// Report every reference whose id is not among `sources` (the ids
    /// `sources.toml` defines), once per place in a file.
    pub(super) fn check_references(&mut self, sources: &BTreeSet<String>) {
        let mut seen = BTreeSet::new();
        let ids: Vec<&str> = sources.iter().map(String::as_str).collect();
        for r in std::mem::take(&mut self.prose_refs) {
            if sources.contains(&r.id) {
                continue;
            }
            let key = (
                r.diag.file.clone(),
                r.diag.position.map(|p| (p.line, p.column)),
                r.id.clone(),
            );
            if seen.insert(key) {
                let help = Msg::new("diag-ref-unknown-source-help").list("ids", ids.clone());
                self.push(r.diag.help(help));
            }
        }
    }
}

/// Every text of `ds` in the dataset's own words, each rendered: a
/// `{source:ID}` becomes the source's quoted short title in the text's
/// language, `{{` a brace.
pub(super) fn render_references(ds: &mut Dataset) {
    let sources = ds.sources.clone();
    each_text(ds, |l| render_localized(l, &sources));
}

/// `l` with its references rendered against `sources` (see
/// [`render_references`]); only a tour opened on its own can hold an
/// unknown one, which stays as written, for its author.
fn render_localized(l: &mut Localized, sources: &[Source]) {
    for (lang, t) in &mut l.0 {
        if prose::has_markup(t) {
            *t = prose::render(t, |id| {
                sources.iter().find(|s| s.id == id).map_or_else(
                    || format!("{{{}:{id}}}", prose::SOURCE),
                    |s| quoted_title(s, lang),
                )
            });
        }
    }
}

/// Each text of a tour with what it is, for diagnostics.
fn tour_texts(t: &mut Tour) -> Vec<(Msg, &mut Localized)> {
    let mut out = vec![
        (Msg::new("tour-what-title"), &mut t.title),
        (Msg::new("tour-what-description"), &mut t.description),
    ];
    for (i, s) in t.stops.iter_mut().enumerate() {
        let n = i + 1;
        out.push((Msg::new("tour-what-stop-notes").num("n", n), &mut s.notes));
        for (q, text) in s.questions.iter_mut().enumerate() {
            let what = Msg::new("tour-what-stop-question")
                .num("n", n)
                .num("question", q + 1);
            out.push((what, text));
        }
    }
    out
}

impl Loader<'_> {
    /// Check the references in a tour read from file `ctx` (see
    /// [`Loader::scan_prose`]).
    pub(super) fn scan_tour(&mut self, ctx: &FileCtx, tour: &mut Tour) {
        for (what, text) in tour_texts(tour) {
            self.scan_prose(ctx, None, &what, &text.0);
        }
    }
}

/// Check the references of a tour file opened on its own (`label`, its
/// `text`) against `ds`'s sources, then render them.
///
/// # Errors
/// A malformed brace or a source id `ds` does not have, each at its line
/// and column.
pub(crate) fn check_tour_references(
    label: &str,
    text: &str,
    tour: &mut Tour,
    ds: &Dataset,
) -> Result<(), Vec<Diagnostic>> {
    let no_files = BTreeMap::new();
    let files = Memory {
        name: "",
        files: &no_files,
    };
    let mut l = Loader {
        files: &files,
        errors: Vec::new(),
        prose_refs: Vec::new(),
    };
    let ctx = FileCtx {
        label: label.to_owned(),
        text: text.to_owned(),
    };
    l.scan_tour(&ctx, tour);
    l.check_references(&ds.sources.iter().map(|s| s.id.clone()).collect());
    if !l.errors.is_empty() {
        return Err(l.errors);
    }
    for (_, text) in tour_texts(tour) {
        render_localized(text, &ds.sources);
    }
    Ok(())
}

/// Call `f` on every `Localized` text of the dataset.
fn each_text(ds: &mut Dataset, mut f: impl FnMut(&mut Localized)) {
    f(&mut ds.title);
    f(&mut ds.description);
    f(&mut ds.map_attribution);
    for p in &mut ds.places {
        f(&mut p.note);
        f(&mut p.legend);
    }
    for s in &mut ds.sources {
        f(&mut s.label);
        if let Some(n) = &mut s.note {
            f(n);
        }
        let passages = s
            .headline
            .iter_mut()
            .chain(s.publisher.iter_mut())
            .chain(s.dateline.iter_mut())
            .chain(s.page_date.iter_mut())
            .chain(s.agencies.iter_mut());
        for p in passages {
            f(&mut p.gloss);
        }
        for d in &mut s.stated_dates {
            f(&mut d.gloss);
        }
    }
    for c in &mut ds.citations {
        f(&mut c.gloss);
        if let Some(sp) = &mut c.speaker {
            f(sp);
        }
    }
    for c in &mut ds.claims {
        f(&mut c.subject);
        if let Some(n) = &mut c.note {
            f(n);
        }
        for v in &mut c.versions {
            f(&mut v.according_to);
            if c.kind != crate::model::types::ClaimKind::Date {
                f(&mut v.value);
            }
        }
    }
    for s in &mut ds.steps {
        f(&mut s.title);
        f(&mut s.summary);
        if let Some(n) = &mut s.date_note {
            f(n);
        }
    }
    for t in &mut ds.tours {
        f(&mut t.title);
        f(&mut t.description);
        for s in &mut t.stops {
            f(&mut s.notes);
            for q in &mut s.questions {
                f(q);
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::fixture::{files, load, only, with};

    /// Line and column (1-based, columns in characters) of the first
    /// `needle` in fixture file `rel`, counted here from the text.
    fn place_of(
        files: &std::collections::BTreeMap<String, String>,
        rel: &str,
        needle: &str,
    ) -> (usize, usize) {
        let text = &files[rel];
        let at = text.find(needle).unwrap();
        let line = text[..at].matches('\n').count() + 1;
        let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        (line, text[start..at].chars().count() + 1)
    }

    #[test]
    fn a_reference_to_an_unknown_source_is_placed_where_it_is_written() {
        let f = with(
            "timeline.toml",
            "gloss = \"About area 0.\"",
            "gloss = \"About area 0, as «{source:src-b}» says.\"",
        );
        let (line, column) = place_of(&f, "timeline.toml", "{source:src-b}");
        let d = only(&f, "diag-ref-unknown-source", "timeline.toml", Some(line));
        assert_eq!(d.position.map(|p| p.column), Some(column));
        let text = d.to_string();
        assert!(text.contains("refers to source 'src-b'"), "{text}");
        assert!(text.contains("citation 'cite-0' gloss"), "{text}");
        assert!(text.contains("help:") && text.contains("src-a"), "{text}");
    }

    #[test]
    fn a_reference_in_a_step_summary_is_placed_too() {
        let f = with(
            "timeline.toml",
            "summary = { en = \"Area 0 passes to beta.\" }",
            "summary = { en = \"Area 0 passes to beta ({source:nope}).\" }",
        );
        let (line, column) = place_of(&f, "timeline.toml", "{source:nope}");
        let d = only(&f, "diag-ref-unknown-source", "timeline.toml", Some(line));
        assert_eq!(d.position.map(|p| p.column), Some(column));
    }

    #[test]
    fn a_brace_that_is_not_a_reference_is_refused() {
        let f = with(
            "sources.toml",
            "label = \"Source A\"",
            "label = \"Source {src-a}\"",
        );
        let (line, column) = place_of(&f, "sources.toml", "{src-a}");
        let d = only(&f, "diag-ref-malformed", "sources.toml", Some(line));
        assert_eq!(d.position.map(|p| p.column), Some(column));
        assert!(d.to_string().contains("'{src-a'"), "{d}");
    }

    #[test]
    fn a_good_reference_shows_the_source_title_not_its_id() {
        let f = with(
            "timeline.toml",
            "summary = { en = \"Area 0 passes to beta.\" }",
            "summary = { en = \"Area 0 passes to beta, says {source:src-a} {{sic}.\" }",
        );
        let ds = load(&f).unwrap();
        assert_eq!(
            ds.steps[1].summary.en(),
            "Area 0 passes to beta, says “Source A” {sic}."
        );
        // Unchanged text is left alone.
        let plain = load(&files()).unwrap();
        assert_eq!(plain.steps[1].summary.en(), "Area 0 passes to beta.");
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tour_tests {
    use crate::model::load_bundled;
    use crate::model::tour::parse_tour;

    const TOUR: &str = "title = { en = \"T\" }\n\n[[stop]]\nstep = \"lachin-handover\"\nnotes = { en = \"As {source:lachin-handover} puts it.\" }\n";

    #[test]
    fn a_tour_file_shows_titles_for_its_references() {
        let ds = load_bundled().unwrap();
        let t = parse_tour("t.toml", TOUR, "t", &ds).unwrap();
        let title = ds.source("lachin-handover").unwrap().label.en();
        assert_eq!(t.stops[0].notes.en(), format!("As “{title}” puts it."));
    }

    #[test]
    fn a_tour_file_naming_an_unknown_source_is_refused_at_the_reference() {
        let ds = load_bundled().unwrap();
        let text = TOUR.replace("{source:lachin-handover}", "{source:no-such}");
        let e = parse_tour("t.toml", &text, "t", &ds).unwrap_err();
        assert_eq!(e.diagnostics.len(), 1, "{e:?}");
        let d = &e.diagnostics[0];
        assert_eq!(d.message.key, "diag-ref-unknown-source");
        let p = d.position.unwrap();
        // Line 5, after `notes = { en = "As `.
        assert_eq!((p.line, p.column), (5, 20));
        assert!(d.to_string().contains("stop 1's notes"), "{d}");
    }
}
