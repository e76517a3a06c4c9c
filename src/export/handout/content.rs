//! The handout's words and figures, gathered from the dataset and the tour
//! and flowed onto pages: the cover (dataset, period, tour, sources with
//! what they print and their SHA-256, the map credit) and one section per
//! stop (date with its precision, title, figure, summary, cited passages
//! with gloss and position, questions with room to answer, and the teacher's
//! notes when asked for), set as large as fits on one page ([`Fit`]).
//! Every paragraph is a structure element (heading, paragraph, list item,
//! quote, figure) in its language, for the tagged PDF.
//!
//! No id, file name or other internal name of the dataset is printed: only
//! the dataset's own words, the sources' printed words and the catalogue's.

use super::fit::{Fit, SMALLEST};
use super::pages::{Flow, Style};
use super::structure::Kind;
use crate::i18n::format::{localize_digits, range, when};
use crate::i18n::{Arg, Locale};
use crate::model::Dataset;
use crate::model::types::{Citation, Source, Tour, TourStop};
use crate::text::bidi::{Direction, paragraph_direction};

/// Sizes, points.
const TITLE: f32 = 22.0;
const HEADING: f32 = 14.0;
const BODY: f32 = 10.0;
const QUOTE: f32 = 12.0;
const SMALL: f32 = 9.0;

/// Space between answer lines, points.
const ANSWER_SPACING: f32 = 22.0;
/// Space between the two columns of passages, points.
const COLUMN_GAP: f32 = 18.0;

/// Words in the handout's language, and its direction.
pub(super) struct Words {
    pub locale: Locale,
    pub dir: Direction,
}

impl Words {
    /// The handout's language tag.
    pub fn lang(&self) -> &'static str {
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

/// One paragraph of the cover's list of sources: text, language,
/// direction and style.
type Line = (String, String, Direction, Style);

/// What a source prints as its title, publisher and date, for the cover.
fn source_lines(w: &Words, s: &Source) -> Vec<Line> {
    let lang = w.lang();
    let mut out = Vec::new();
    let (title, title_lang) = s.headline.as_ref().map_or_else(
        || (s.label.get(lang).to_owned(), lang.to_owned()),
        |h| (h.text.clone(), s.language.clone()),
    );
    out.push((
        title.clone(),
        title_lang,
        paragraph_direction(&title),
        Style::bold(BODY),
    ));
    let publisher = s.publisher.as_ref().map(|p| p.text.as_str());
    out.push((
        match publisher {
            Some(p) => w.tr_args("handout-source-publisher", &[("publisher", p.into())]),
            None => w.tr("handout-source-no-publisher"),
        },
        lang.to_owned(),
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
        lang.to_owned(),
        w.dir,
        Style::regular(BODY),
    ));
    if let Some(sum) = &s.sha256 {
        out.push((
            w.tr_args("handout-source-sha", &[("sum", sum.as_str().into())]),
            lang.to_owned(),
            w.dir,
            Style::grey(SMALL),
        ));
    }
    out
}

/// A heading of `level` in the handout's language.
fn heading(flow: &mut Flow, w: &Words, level: u16, text: &str, style: Style) {
    flow.para(
        Kind::Heading {
            level,
            title: text.to_owned(),
        },
        text,
        w.lang(),
        w.dir,
        style,
        0.0,
    );
}

/// A paragraph in the handout's language and direction.
fn para(flow: &mut Flow, w: &Words, text: &str, style: Style, indent: f32) {
    flow.para(Kind::P, text, w.lang(), w.dir, style, indent);
}

/// The cover page.
pub(super) fn cover(flow: &mut Flow, w: &Words, ds: &Dataset, tour: &Tour) {
    let lang = w.lang();
    flow.page();
    flow.bookmark(ds.title.get(lang).to_owned());
    heading(flow, w, 1, ds.title.get(lang), Style::bold(TITLE));
    flow.gap(4.0);
    para(flow, w, ds.description.get(lang), Style::regular(BODY), 0.0);
    flow.gap(6.0);
    para(
        flow,
        w,
        &w.tr_args(
            "handout-period",
            &[(
                "range",
                range(ds.coverage.from, ds.coverage.to, w.locale).into(),
            )],
        ),
        Style::regular(BODY),
        0.0,
    );
    flow.gap(10.0);
    heading(
        flow,
        w,
        2,
        &w.tr_args("handout-tour", &[("title", tour.title.get(lang).into())]),
        Style::bold(HEADING),
    );
    para(
        flow,
        w,
        tour.description.get(lang),
        Style::regular(BODY),
        0.0,
    );
    flow.gap(10.0);
    heading(flow, w, 2, &w.tr("handout-sources"), Style::bold(HEADING));
    flow.open(Kind::List, None);
    for s in &ds.sources {
        flow.gap(4.0);
        flow.open(Kind::Item, None);
        flow.open(Kind::Body, None);
        for (text, lang, dir, style) in source_lines(w, s) {
            flow.para(Kind::P, &text, &lang, dir, style, 0.0);
        }
        flow.close();
        flow.close();
    }
    flow.close();
    flow.gap(10.0);
    para(
        flow,
        w,
        &w.tr_args(
            "handout-map-credit",
            &[("credit", ds.map_attribution.get(lang).into())],
        ),
        Style::grey(SMALL),
        0.0,
    );
}

/// What a stop's section shows.
pub(super) struct StopInput<'a> {
    /// The stop.
    pub stop: &'a TourStop,
    /// Its number (1-based) and the number of stops.
    pub number: usize,
    /// How many stops the tour has.
    pub total: usize,
    /// The index of its map figure.
    pub figure: usize,
    /// The figure's aspect (width / height).
    pub aspect: f32,
    /// What the figure shows, in words.
    pub alt: String,
    /// Add the teacher's notes.
    pub teacher: bool,
}

/// "Stop N of M" for stop `number` of `total`.
pub(super) fn stop_label(w: &Words, number: usize, total: usize) -> String {
    w.tr_args(
        "handout-stop",
        &[("n", w.num(number).into()), ("total", w.num(total).into())],
    )
}

/// How many cited passages the stop of `input` shows.
pub(super) fn passage_count(ds: &Dataset, input: &StopInput<'_>) -> usize {
    ds.steps
        .get(input.stop.step)
        .map_or(0, |step| step.citations.len())
}

/// One cited passage: the quote in its language and direction, the gloss,
/// the speaker and where it sits, set at `scale`.
fn passage(flow: &mut Flow, w: &Words, c: &Citation, s: &Source, scale: f32) {
    let lang = w.lang();
    flow.gap(4.0 * scale);
    flow.open(Kind::Quote, None);
    flow.para(
        Kind::P,
        &c.quote,
        &s.language,
        paragraph_direction(&c.quote),
        Style::regular(QUOTE * scale),
        12.0,
    );
    if let Some(gloss) = s.gloss(&c.gloss, lang) {
        para(flow, w, gloss, Style::regular(BODY * scale), 12.0);
    }
    // Where it sits, after who speaks when that is not the source itself,
    // on one line.
    let place = w.tr_args(
        "handout-where",
        &[
            ("source", s.label.get(lang).into()),
            ("line", w.num(c.line).into()),
        ],
    );
    let attribution = match &c.speaker {
        Some(speaker) => w.tr_args(
            "handout-speaker-where",
            &[
                (
                    "speaker",
                    w.tr_args("handout-speaker", &[("speaker", speaker.get(lang).into())])
                        .into(),
                ),
                ("where", place.into()),
            ],
        ),
        None => place,
    };
    para(
        flow,
        w,
        &attribution,
        Style::grey((SMALL * scale).max(SMALLEST)),
        12.0,
    );
    flow.close();
}

/// One stop's section, starting on a new page, set as `fit` says; if it
/// runs onto another page, that page says the stop continues.
pub(super) fn stop(flow: &mut Flow, w: &Words, ds: &Dataset, input: &StopInput<'_>, fit: &Fit) {
    let lang = w.lang();
    let stop = input.stop;
    let Some(step) = ds.steps.get(stop.step) else {
        return;
    };
    let k = fit.scale;
    flow.running_header(None);
    flow.page();
    let label = stop_label(w, input.number, input.total);
    flow.running_header(Some((
        w.tr_args("handout-continued", &[("stop", label.as_str().into())]),
        w.dir,
    )));
    let title = step.title.get(lang);
    let bookmark = w.tr_args(
        "handout-bookmark",
        &[("n", w.num(input.number).into()), ("title", title.into())],
    );
    flow.bookmark(bookmark.clone());
    flow.open(Kind::Section, None);
    let h = flow.element(
        Kind::Heading {
            level: 2,
            title: bookmark,
        },
        Some(lang),
    );
    flow.para_in(
        h,
        &label,
        w.dir,
        Style::grey((SMALL * k).max(SMALLEST)),
        0.0,
    );
    flow.para_in(
        h,
        &when(step.date, w.locale),
        w.dir,
        Style::bold(HEADING * k),
        0.0,
    );
    flow.para_in(h, title, w.dir, Style::bold(18.0 * k), 0.0);
    if let Some(note) = &step.date_note {
        para(
            flow,
            w,
            note.get(lang),
            Style::grey((SMALL * k).max(SMALLEST)),
            0.0,
        );
    }
    flow.gap(4.0 * k);
    flow.figure(input.figure, input.aspect, fit.figure_h, input.alt.clone());
    flow.gap(8.0 * k);
    para(
        flow,
        w,
        step.summary.get(lang),
        Style::regular(BODY * k),
        0.0,
    );
    let cited: Vec<_> = step
        .citations
        .iter()
        .filter_map(|id| ds.citation(id))
        .filter_map(|c| ds.source(&c.source).map(|s| (c, s)))
        .collect();
    if !cited.is_empty() {
        flow.gap(8.0 * k);
        heading(
            flow,
            w,
            3,
            &w.tr("handout-passages"),
            Style::bold(HEADING * k),
        );
        let mut block = |flow: &mut Flow, i: usize| {
            if let Some((c, s)) = cited.get(i) {
                passage(flow, w, c, s, k);
            }
        };
        if fit.two_columns && cited.len() > 1 {
            flow.two_columns(cited.len(), COLUMN_GAP, w.dir, &mut block);
        } else {
            for i in 0..cited.len() {
                block(flow, i);
            }
        }
    }
    if !stop.questions.is_empty() {
        flow.gap(8.0 * k);
        heading(
            flow,
            w,
            3,
            &w.tr("handout-questions"),
            Style::bold(HEADING * k),
        );
        flow.open(Kind::List, None);
        for (i, q) in stop.questions.iter().enumerate() {
            flow.open(Kind::Item, None);
            flow.open(Kind::Body, None);
            para(
                flow,
                w,
                &w.tr_args(
                    "handout-question",
                    &[("n", w.num(i + 1).into()), ("question", q.get(lang).into())],
                ),
                Style::regular(BODY * k),
                0.0,
            );
            flow.close();
            flow.close();
            flow.answer_lines(fit.answer_lines, ANSWER_SPACING);
        }
        flow.close();
    }
    if input.teacher && !stop.notes.get(lang).trim().is_empty() {
        flow.gap(8.0 * k);
        heading(flow, w, 3, &w.tr("handout-notes"), Style::bold(HEADING * k));
        para(flow, w, stop.notes.get(lang), Style::regular(BODY * k), 0.0);
    }
    flow.close();
    flow.running_header(None);
}
