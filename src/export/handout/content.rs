//! The handout's words and figures, gathered from the dataset and the tour
//! and flowed onto pages: the cover (dataset, period, tour, sources with
//! what they print and their SHA-256, the map credit) and one section per
//! stop (date with its precision, title, figure, summary, cited passages
//! with gloss and position, questions with room to answer, and the teacher's
//! notes when asked for).
//!
//! No id, file name or other internal name of the dataset is printed: only
//! the dataset's own words, the sources' printed words and the catalogue's.

use super::pages::{Flow, Style};
use crate::i18n::format::{localize_digits, range, when};
use crate::i18n::{Arg, Locale};
use crate::model::Dataset;
use crate::model::types::{Source, Tour, TourStop};
use crate::text::bidi::{Direction, paragraph_direction};

/// Sizes, points.
const TITLE: f32 = 22.0;
const HEADING: f32 = 14.0;
const BODY: f32 = 10.0;
const QUOTE: f32 = 12.0;
const SMALL: f32 = 9.0;

/// Words in the handout's language, and its direction.
pub(super) struct Words {
    pub locale: Locale,
    pub dir: Direction,
}

impl Words {
    fn lang(&self) -> &'static str {
        self.locale.lang.tag()
    }
    fn tr(&self, key: &str) -> String {
        self.locale.tr(key)
    }
    fn tr_args(&self, key: &str, args: &[(&str, Arg)]) -> String {
        self.locale.tr_args(key, args)
    }
    fn num(&self, n: usize) -> String {
        localize_digits(&n.to_string(), self.locale)
    }
}

/// What a source prints as its title, publisher and date, for the cover.
fn source_lines(w: &Words, s: &Source) -> Vec<(String, Direction, Style)> {
    let lang = w.lang();
    let mut out = Vec::new();
    let title = s
        .headline
        .as_ref()
        .map_or_else(|| s.label.get(lang).to_owned(), |h| h.text.clone());
    out.push((
        title.clone(),
        paragraph_direction(&title),
        Style::bold(BODY),
    ));
    let publisher = s.publisher.as_ref().map(|p| p.text.as_str());
    out.push((
        match publisher {
            Some(p) => w.tr_args("handout-source-publisher", &[("publisher", p.into())]),
            None => w.tr("handout-source-no-publisher"),
        },
        w.dir,
        Style::regular(BODY),
    ));
    let printed = s
        .page_date
        .as_ref()
        .or(s.dateline.as_ref())
        .map(|p| p.text.as_str());
    out.push((
        match printed {
            Some(d) => w.tr_args("handout-source-date", &[("date", d.into())]),
            None => w.tr("handout-source-no-date"),
        },
        w.dir,
        Style::regular(BODY),
    ));
    if let Some(sum) = &s.sha256 {
        out.push((
            w.tr_args("handout-source-sha", &[("sum", sum.as_str().into())]),
            w.dir,
            Style::grey(SMALL),
        ));
    }
    out
}

/// The cover page.
pub(super) fn cover(flow: &mut Flow, w: &Words, ds: &Dataset, tour: &Tour) {
    let lang = w.lang();
    flow.page();
    flow.bookmark(ds.title.get(lang).to_owned());
    flow.para(ds.title.get(lang), w.dir, Style::bold(TITLE), 0.0);
    flow.gap(4.0);
    flow.para(ds.description.get(lang), w.dir, Style::regular(BODY), 0.0);
    flow.gap(6.0);
    flow.para(
        &w.tr_args(
            "handout-period",
            &[(
                "range",
                range(ds.coverage.from, ds.coverage.to, w.locale).into(),
            )],
        ),
        w.dir,
        Style::regular(BODY),
        0.0,
    );
    flow.gap(10.0);
    flow.para(
        &w.tr_args("handout-tour", &[("title", tour.title.get(lang).into())]),
        w.dir,
        Style::bold(HEADING),
        0.0,
    );
    flow.para(tour.description.get(lang), w.dir, Style::regular(BODY), 0.0);
    flow.gap(10.0);
    flow.para(&w.tr("handout-sources"), w.dir, Style::bold(HEADING), 0.0);
    for s in &ds.sources {
        flow.gap(4.0);
        for (text, dir, style) in source_lines(w, s) {
            flow.para(&text, dir, style, 0.0);
        }
    }
    flow.gap(10.0);
    flow.para(
        &w.tr_args(
            "handout-map-credit",
            &[("credit", ds.map_attribution.get(lang).into())],
        ),
        w.dir,
        Style::grey(SMALL),
        0.0,
    );
}

/// One stop's section, starting on a new page; `figure` is the index of its
/// map figure (with aspect `aspect`).
#[allow(clippy::too_many_arguments)]
pub(super) fn stop(
    flow: &mut Flow,
    w: &Words,
    ds: &Dataset,
    stop: &TourStop,
    number: usize,
    total: usize,
    figure: usize,
    aspect: f32,
    teacher: bool,
) {
    let lang = w.lang();
    let Some(step) = ds.steps.get(stop.step) else {
        return;
    };
    flow.page();
    let title = step.title.get(lang);
    flow.bookmark(w.tr_args(
        "handout-bookmark",
        &[("n", w.num(number).into()), ("title", title.into())],
    ));
    flow.para(
        &w.tr_args(
            "handout-stop",
            &[("n", w.num(number).into()), ("total", w.num(total).into())],
        ),
        w.dir,
        Style::grey(SMALL),
        0.0,
    );
    flow.para(&when(step.date, w.locale), w.dir, Style::bold(HEADING), 0.0);
    if let Some(note) = &step.date_note {
        flow.para(note.get(lang), w.dir, Style::grey(SMALL), 0.0);
    }
    flow.para(title, w.dir, Style::bold(18.0), 0.0);
    flow.gap(4.0);
    flow.figure(figure, aspect, 300.0);
    flow.gap(8.0);
    flow.para(step.summary.get(lang), w.dir, Style::regular(BODY), 0.0);
    let cited: Vec<_> = step
        .citations
        .iter()
        .filter_map(|id| ds.citation(id))
        .filter_map(|c| ds.source(&c.source).map(|s| (c, s)))
        .collect();
    if !cited.is_empty() {
        flow.gap(8.0);
        flow.para(&w.tr("handout-passages"), w.dir, Style::bold(HEADING), 0.0);
        for (c, s) in cited {
            flow.gap(4.0);
            flow.para(
                &c.quote,
                paragraph_direction(&c.quote),
                Style::regular(QUOTE),
                12.0,
            );
            if let Some(gloss) = s.gloss(&c.gloss, lang) {
                flow.para(gloss, w.dir, Style::regular(BODY), 12.0);
            }
            if let Some(speaker) = &c.speaker {
                flow.para(
                    &w.tr_args("handout-speaker", &[("speaker", speaker.get(lang).into())]),
                    w.dir,
                    Style::grey(SMALL),
                    12.0,
                );
            }
            flow.para(
                &w.tr_args(
                    "handout-where",
                    &[
                        ("source", s.label.get(lang).into()),
                        ("line", w.num(c.line).into()),
                    ],
                ),
                w.dir,
                Style::grey(SMALL),
                12.0,
            );
        }
    }
    if !stop.questions.is_empty() {
        flow.gap(8.0);
        flow.para(&w.tr("handout-questions"), w.dir, Style::bold(HEADING), 0.0);
        for (i, q) in stop.questions.iter().enumerate() {
            flow.para(
                &w.tr_args(
                    "handout-question",
                    &[("n", w.num(i + 1).into()), ("question", q.get(lang).into())],
                ),
                w.dir,
                Style::regular(BODY),
                0.0,
            );
            flow.answer_lines(2);
        }
    }
    if teacher && !stop.notes.get(lang).trim().is_empty() {
        flow.gap(8.0);
        flow.para(&w.tr("handout-notes"), w.dir, Style::bold(HEADING), 0.0);
        flow.para(stop.notes.get(lang), w.dir, Style::regular(BODY), 0.0);
    }
}
