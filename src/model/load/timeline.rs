//! `timeline.toml`: citations (each quote at its offset in its source),
//! claims and their versions, and steps (dates, changes of control, pending
//! handovers, extents), each reference resolved.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

use toml::Spanned;

use super::evidence::{Known, check_evidence};
use super::loader::{FileCtx, Loader};
use crate::date::{Date, DateSpec};
use crate::model::diag::{Diagnostic, Msg, MsgArg};
use crate::model::quote::{self, Located};
use crate::model::raw::{RawExtent, RawText, RawTimelineFile};
use crate::model::types::{
    Change, Citation, Claim, ClaimKind, ClaimVersion, Controller, Extent, Pending, Place, Source,
    Step,
};

pub(super) fn check_citations(
    l: &mut Loader<'_>,
    ctx: &FileCtx,
    raw: &RawTimelineFile,
    sources: &[Source],
) -> Vec<Citation> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    // Sources by id: one lookup per citation, not a scan.
    let by_id: HashMap<&str, &Source> = sources.iter().rev().map(|s| (s.id.as_str(), s)).collect();
    for c in &raw.citation {
        l.id(ctx, &c.id, &mut seen, "diag-kind-citation");
        let id = c.id.get_ref();
        let Some(source) = by_id.get(c.source.get_ref().as_str()).copied() else {
            l.push(
                ctx.at(
                    &c.source,
                    Msg::new("diag-citation-source")
                        .text("id", id)
                        .text("source", c.source.get_ref()),
                )
                .help(
                    Msg::new("diag-use-one-of").list("ids", sources.iter().map(|s| s.id.as_str())),
                ),
            );
            continue;
        };
        let q = c.quote.get_ref();
        let Ok(offset) = usize::try_from(*c.offset.get_ref()) else {
            l.push(
                ctx.at(
                    &c.offset,
                    Msg::new("diag-citation-negative")
                        .text("id", id)
                        .num("offset", c.offset.get_ref()),
                )
                .help(Msg::new("diag-citation-negative-help")),
            );
            continue;
        };
        let byte_range: Range<usize> = match quote::locate(&source.text, q, offset) {
            Located::Found { bytes } => bytes,
            Located::Elsewhere { offset: actual } => {
                l.push(
                    ctx.at(
                        &c.offset,
                        Msg::new("diag-citation-elsewhere")
                            .text("id", id)
                            .text("source", &source.id)
                            .num("actual", actual)
                            .num("offset", offset),
                    )
                    .help(Msg::new("diag-citation-elsewhere-help").num("actual", actual)),
                );
                continue;
            }
            Located::Missing(m) => {
                let at = crate::model::diag::Position::of_byte(&source.text, m.start_byte);
                l.push(
                    ctx.at(
                        &c.quote,
                        Msg::new("diag-citation-missing")
                            .text("id", id)
                            .text("source", &source.id)
                            .text("file", &source.file)
                            .num("line", at.line)
                            .num("column", at.column)
                            .msg("difference", m.msg()),
                    )
                    .help(Msg::new("diag-citation-missing-help")),
                );
                continue;
            }
        };
        let line = crate::model::diag::Position::of_byte(&source.text, byte_range.start).line;
        let speaker = c.speaker.as_ref().map(|sp| {
            l.own_words(
                ctx,
                Msg::new("diag-what-citation-speaker").text("id", id),
                sp,
            )
        });
        let gloss = l.own_words(
            ctx,
            Msg::new("diag-what-citation-gloss").text("id", id),
            &c.gloss,
        );
        out.push(Citation {
            id: id.clone(),
            source: source.id.clone(),
            quote: q.clone(),
            offset,
            byte_range,
            line,
            speaker,
            gloss,
        });
    }
    out
}

/// Citation references resolve against every citation id written, so a
/// citation with a bad quote is reported once, not again at each use.
pub(super) fn citation_ids(raw: &RawTimelineFile) -> BTreeSet<String> {
    raw.citation
        .iter()
        .map(|c| c.id.get_ref().clone())
        .collect()
}

pub(super) fn check_claims(l: &mut Loader<'_>, ctx: &FileCtx, raw: &RawTimelineFile) -> Vec<Claim> {
    let known = citation_ids(raw);
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for c in &raw.claim {
        l.id(ctx, &c.id, &mut seen, "diag-kind-claim");
        let id = c.id.get_ref();
        let kind = match c.kind.get_ref().as_str() {
            "date" => ClaimKind::Date,
            "number" => ClaimKind::Number,
            "text" => ClaimKind::Text,
            other => {
                l.push(
                    ctx.at(
                        &c.kind,
                        Msg::new("diag-claim-kind")
                            .text("id", id)
                            .text("kind", other),
                    )
                    .help(Msg::new("diag-claim-kind-help")),
                );
                ClaimKind::Text
            }
        };
        let what = Msg::new("diag-what-claim-subject").text("id", id);
        let subject = l.localized(ctx, what, &c.subject);
        let mut versions = Vec::new();
        for v in &c.version {
            let value = l.own_words(
                ctx,
                Msg::new("diag-what-claim-value").text("id", id),
                &v.value,
            );
            let date = match (kind, v.value.get_ref()) {
                (ClaimKind::Date, RawText::Plain(text)) => match Date::parse(text) {
                    Ok(d) => Some(d),
                    Err(e) => {
                        l.push(
                            ctx.at(
                                &v.value,
                                Msg::new("diag-claim-date")
                                    .text("id", id)
                                    .msg("reason", e.msg()),
                            )
                            .help(Msg::new("diag-claim-date-help")),
                        );
                        None
                    }
                },
                (ClaimKind::Date, RawText::ByLanguage(_)) => {
                    l.push(
                        ctx.at(&v.value, Msg::new("diag-claim-date-table").text("id", id))
                            .help(Msg::new("diag-claim-date-table-help")),
                    );
                    None
                }
                _ => None,
            };
            let owner = Msg::new("diag-what-claim-version")
                .text("id", id)
                .text("value", value.en());
            let according_to = l.own_words(
                ctx,
                Msg::new("diag-what-according-to")
                    .text("id", id)
                    .text("value", value.en()),
                &v.according_to,
            );
            let cites = l.refs(ctx, &v.citations, &known, "diag-kind-citation", Some(owner));
            versions.push(ClaimVersion {
                value,
                date,
                according_to,
                citations: cites,
            });
        }
        let distinct: BTreeSet<&str> = versions.iter().map(|v| v.value.en()).collect();
        let disputed = *c.disputed.get_ref();
        if versions.is_empty() {
            l.push(
                ctx.at(&c.id, Msg::new("diag-claim-no-versions").text("id", id))
                    .help(Msg::new("diag-claim-no-versions-help")),
            );
        } else if kind == ClaimKind::Date && distinct.len() > 1 && !disputed {
            l.push(
                ctx.at(
                    &c.disputed,
                    Msg::new("diag-claim-undisputed")
                        .text("id", id)
                        .list("dates", distinct),
                )
                .help(Msg::new("diag-claim-undisputed-help")),
            );
        } else if disputed && versions.len() < 2 {
            l.push(
                ctx.at(
                    &c.disputed,
                    Msg::new("diag-claim-one-version").text("id", id),
                )
                .help(Msg::new("diag-claim-one-version-help")),
            );
        }
        let note = c
            .note
            .as_ref()
            .map(|n| l.own_words(ctx, Msg::new("diag-what-claim-note").text("id", id), n));
        out.push(Claim {
            id: id.clone(),
            subject,
            kind,
            disputed,
            note,
            versions,
        });
    }
    out
}

/// A validated step, with the spans of its changes for later diagnostics.
pub(super) type StepWithSpans = (Step, Vec<Range<usize>>);

pub(super) fn check_steps(
    l: &mut Loader<'_>,
    ctx: &FileCtx,
    raw: &RawTimelineFile,
    places: &(String, Vec<Place>),
    controllers: &[Controller],
    claims: &[Claim],
) -> Option<Vec<StepWithSpans>> {
    let cite_ids = citation_ids(raw);
    let claim_ids: BTreeSet<String> = raw.claim.iter().map(|c| c.id.get_ref().clone()).collect();
    let controller_ids: BTreeSet<String> = controllers.iter().map(|c| c.id.clone()).collect();
    let known = Known {
        controllers: &controller_ids,
        citations: &cite_ids,
    };
    let tracked: BTreeMap<&str, &Place> = places
        .1
        .iter()
        .filter(|p| p.kind.is_tracked())
        .map(|p| (p.id.as_str(), p))
        .collect();
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    let mut complete = true;
    let mut previous: Option<(String, DateSpec)> = None;
    for s in &raw.step {
        l.id(ctx, &s.id, &mut seen, "diag-kind-step");
        let id = s.id.get_ref().clone();
        let Some(date) = l.date(ctx, &s.date) else {
            complete = false;
            continue;
        };
        // A step is placed on the time line; only a change may have an
        // open end (its own `when`).
        if date.has_open_end() {
            l.push(
                ctx.at(
                    &s.date,
                    Msg::new("diag-step-open-end")
                        .text("id", &id)
                        .date("date", date),
                )
                .help(Msg::new("diag-step-open-end-help")),
            );
            complete = false;
            continue;
        }
        if let Some(w) = &s.weekday {
            let DateSpec::Day { date: day, .. } = date else {
                l.push(
                    ctx.at(w, Msg::new("diag-weekday-range").text("id", &id))
                        .help(Msg::new("diag-weekday-range-help")),
                );
                continue;
            };
            if !w.get_ref().eq_ignore_ascii_case(&day.weekday_name()) {
                l.push(
                    ctx.at(
                        w,
                        Msg::new("diag-weekday")
                            .text("id", &id)
                            .date("date", day)
                            .text("actual", day.weekday_name())
                            .text("given", w.get_ref()),
                    )
                    .help(Msg::new("diag-weekday-help")),
                );
            }
        }
        if let Some((prev_id, prev)) = &previous
            && date.start() < prev.start()
        {
            l.push(
                ctx.at(
                    &s.date,
                    Msg::new("diag-step-order")
                        .text("id", &id)
                        .date("date", date)
                        .text("previous", prev_id)
                        .date("prevdate", *prev),
                )
                .help(Msg::new("diag-step-order-help")),
            );
        }
        previous = Some((id.clone(), date));
        let what = |key| Msg::new(key).text("id", &id);
        let title = l.localized(ctx, what("diag-what-step-title"), &s.title);
        let summary = l.localized(ctx, what("diag-what-step-summary"), &s.summary);
        let owner = what("diag-what-step");
        let citations = l.refs(
            ctx,
            &s.citations,
            &cite_ids,
            "diag-kind-citation",
            Some(owner),
        );
        let step_claims = l.refs(ctx, &s.claims, &claim_ids, "diag-kind-claim", None);
        let mut changes = Vec::new();
        let mut spans = Vec::new();
        for c in &s.change {
            let place_ok = check_tracked(l, ctx, &c.place, &tracked, &id);
            if !controller_ids.contains(c.to.get_ref()) {
                l.push(
                    ctx.at(
                        &c.to,
                        Msg::new("diag-step-controller")
                            .text("id", &id)
                            .text("controller", c.to.get_ref()),
                    )
                    .help(Msg::new("diag-use-one-of").list("ids", controller_ids.iter().cloned())),
                );
            }
            let when = match &c.when {
                Some(w) => l.date(ctx, w),
                None => Some(date),
            };
            let owner = Msg::new("diag-what-change")
                .text("place", c.place.get_ref())
                .text("id", &id);
            let cites = l.refs(
                ctx,
                &c.citations,
                &cite_ids,
                "diag-kind-citation",
                Some(owner.clone()),
            );
            let evidence = check_evidence(l, ctx, c.into(), &known, &owner);
            if let (true, Some(when)) = (place_ok, when) {
                changes.push(Change {
                    place: c.place.get_ref().clone(),
                    to: c.to.get_ref().clone(),
                    when,
                    citations: cites,
                    evidence,
                });
                spans.push(c.place.span());
            } else {
                complete = false;
            }
        }
        let mut pending = Vec::new();
        for p in &s.pending {
            check_tracked(l, ctx, &p.place, &tracked, &id);
            if !controller_ids.contains(p.to.get_ref()) {
                l.push(
                    ctx.at(
                        &p.to,
                        Msg::new("diag-step-controller")
                            .text("id", &id)
                            .text("controller", p.to.get_ref()),
                    ),
                );
            }
            match claims.iter().find(|c| &c.id == p.deadline.get_ref()) {
                Some(c) if c.kind != ClaimKind::Date => l.push(
                    ctx.at(
                        &p.deadline,
                        Msg::new("diag-deadline-kind")
                            .text("id", &id)
                            .text("claim", &c.id),
                    )
                    .help(Msg::new("diag-deadline-kind-help")),
                ),
                Some(_) => {}
                None => l.push(
                    ctx.at(
                        &p.deadline,
                        Msg::new("diag-deadline-unknown")
                            .text("id", &id)
                            .text("claim", p.deadline.get_ref()),
                    )
                    .help(Msg::new("diag-deadline-unknown-help")),
                ),
            }
            let owner = Msg::new("diag-what-pending")
                .text("place", p.place.get_ref())
                .text("id", &id);
            let cites = l.refs(
                ctx,
                &p.citations,
                &cite_ids,
                "diag-kind-citation",
                Some(owner.clone()),
            );
            let evidence = check_evidence(l, ctx, p.into(), &known, &owner);
            pending.push(Pending {
                place: p.place.get_ref().clone(),
                to: p.to.get_ref().clone(),
                deadline: p.deadline.get_ref().clone(),
                citations: cites,
                evidence,
            });
        }
        let extent = s.extent.as_ref().and_then(|e| check_extent(l, ctx, e, &id));
        let date_note = s
            .date_note
            .as_ref()
            .map(|n| l.own_words(ctx, Msg::new("diag-what-step-date-note").text("id", &id), n));
        out.push((
            Step {
                id,
                date,
                date_note,
                title,
                summary,
                citations,
                claims: step_claims,
                changes,
                pending,
                extent,
            },
            spans,
        ));
    }
    if out.is_empty() {
        l.push(
            Diagnostic::new(&ctx.label, Msg::new("diag-no-steps"))
                .help(Msg::new("diag-no-steps-help")),
        );
    }
    complete.then_some(out)
}

/// A step's `extent`: finite, inside the lat/lon ranges, west < east and
/// south < north.
pub(super) fn check_extent(
    l: &mut Loader<'_>,
    ctx: &FileCtx,
    raw: &Spanned<RawExtent>,
    step: &str,
) -> Option<Extent> {
    let e = raw.get_ref();
    let mut problems = Vec::new();
    for (name, v, limit) in [
        ("west", e.west, 180.0),
        ("east", e.east, 180.0),
        ("south", e.south, 90.0),
        ("north", e.north, 90.0),
    ] {
        if !v.is_finite() || v.abs() > limit {
            problems.push(
                Msg::new("diag-extent-range")
                    .text("name", name)
                    .num("value", v)
                    .num("limit", limit),
            );
        }
    }
    if problems.is_empty() {
        if e.west >= e.east {
            problems.push(
                Msg::new("diag-extent-order")
                    .text("low", "west")
                    .num("lowvalue", e.west)
                    .text("high", "east")
                    .num("highvalue", e.east),
            );
        }
        if e.south >= e.north {
            problems.push(
                Msg::new("diag-extent-order")
                    .text("low", "south")
                    .num("lowvalue", e.south)
                    .text("high", "north")
                    .num("highvalue", e.north),
            );
        }
    }
    if problems.is_empty() {
        return Some(Extent {
            west: e.west,
            south: e.south,
            east: e.east,
            north: e.north,
        });
    }
    l.push(
        ctx.at(
            raw,
            Msg::new("diag-extent")
                .text("id", step)
                .arg("problems", MsgArg::Msgs(problems)),
        )
        .help(Msg::new("diag-extent-help")),
    );
    None
}

pub(super) fn check_tracked(
    l: &mut Loader<'_>,
    ctx: &FileCtx,
    place: &Spanned<String>,
    tracked: &BTreeMap<&str, &Place>,
    step: &str,
) -> bool {
    if tracked.contains_key(place.get_ref().as_str()) {
        return true;
    }
    l.push(
        ctx.at(
            place,
            Msg::new("diag-step-place")
                .text("id", step)
                .text("place", place.get_ref()),
        )
        .help(Msg::new("diag-step-place-help").list("ids", tracked.keys().copied())),
    );
    false
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{only, with};

    #[test]
    fn a_citation_whose_quote_is_not_at_its_offset_names_where_it_is() {
        let f = with("timeline.toml", "offset = 19", "offset = 5");
        let d = only(&f, "diag-citation-elsewhere", "timeline.toml", Some(30));
        assert_eq!(
            d.message.to_string(),
            "citation 'cite-0': the quote is in source 'src-a' at character offset 19, not 5"
        );
    }

    #[test]
    fn a_quote_not_in_its_source_is_placed_at_the_quote() {
        let f = with(
            "timeline.toml",
            "quote = \"Area 0 passes",
            "quote = \"Area 9 passes",
        );
        let d = only(&f, "diag-citation-missing", "timeline.toml", Some(29));
        assert!(
            d.message
                .to_string()
                .starts_with("citation 'cite-0': the quote does not occur verbatim in source 'src-a' (a.txt); the closest passage starts at line 2, column 1"),
            "{}",
            d.message
        );
    }

    #[test]
    fn a_step_with_an_unknown_place_is_refused_at_the_place() {
        let f = with(
            "timeline.toml",
            "place = \"area-0\"\nto = \"beta\"",
            "place = \"area-9\"\nto = \"beta\"",
        );
        let d = only(&f, "diag-step-place", "timeline.toml", Some(22));
        assert_eq!(
            d.message.to_string(),
            "step 'step-1': unknown place id 'area-9'"
        );
    }

    #[test]
    fn steps_out_of_date_order_are_refused() {
        let f = with(
            "timeline.toml",
            "date = \"2000-02-01\"",
            "date = \"1999-02-01\"",
        );
        let d = only(&f, "diag-step-order", "timeline.toml", Some(16));
        assert!(
            d.message.to_string().starts_with("step 'step-1'"),
            "{}",
            d.message
        );
    }
}
