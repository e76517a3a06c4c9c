//! Checks across files, once each file is valid on its own: every tracked
//! place's control over the whole coverage, aliases against the sources, and
//! places against the map's features.

use std::collections::HashMap;

use super::loader::{FileCtx, Loader};
use super::timeline::StepWithSpans;
use crate::model::diag::{Diagnostic, Msg};
use crate::model::geometry::{MapData, Shape};
use crate::model::types::{Change, Coverage, Place, Source, Step};

/// Every tracked place must have a defined state on every covered day, and its
/// changes must follow one another without overlapping; nothing may follow a
/// change with an open end (dated `2020-09-27/..`), which never settles.
pub(super) fn check_control(
    l: &mut Loader<'_>,
    ctx: &FileCtx,
    places: &[Place],
    steps: &[StepWithSpans],
    coverage: Coverage,
) {
    // Each place's changes, in the timeline's order, gathered in one pass.
    let mut by_place: HashMap<&str, Vec<(&Step, &Change, usize)>> = HashMap::new();
    for (s, spans) in steps {
        for (c, span) in s.changes.iter().zip(spans) {
            by_place
                .entry(c.place.as_str())
                .or_default()
                .push((s, c, span.start));
        }
    }
    for place in places.iter().filter(|p| p.kind.is_tracked()) {
        // (Cloned, not taken: a duplicate id, reported elsewhere, reads the
        // same changes as before.)
        let mut changes = by_place.get(place.id.as_str()).cloned().unwrap_or_default();
        changes.sort_by_key(|(_, c, _)| (c.when.end(), c.when.start()));
        let Some((first_step, first, first_at)) = changes.first() else {
            l.push(
                Diagnostic::new(
                    &ctx.label,
                    Msg::new("diag-never-controlled").text("id", &place.id),
                )
                .help(Msg::new("diag-never-controlled-help")),
            );
            continue;
        };
        if first.when.end() > coverage.from {
            l.push(
                Diagnostic::new(
                    &ctx.label,
                    Msg::new("diag-undefined-start")
                        .text("id", &place.id)
                        .date("from", coverage.from)
                        // (An open end never settles: to the end of the coverage.)
                        .date("until", first.when.end().add_days(-1).min(coverage.to))
                        .text("step", &first_step.id),
                )
                .at_byte(&ctx.text, *first_at)
                .help(Msg::new("diag-undefined-start-help")),
            );
        }
        // The earliest change with an open end: every change that starts
        // after it cannot be put in order with it.
        let open = changes
            .iter()
            .filter(|(_, c, _)| c.when.has_open_end())
            .min_by_key(|(_, c, _)| c.when.start());
        let follows_open =
            |c: &Change| open.is_some_and(|(_, o, _)| c.when.start() > o.when.start());
        if let Some((os, oc, _)) = open {
            for (ns, nc, at) in changes.iter().filter(|(_, c, _)| follows_open(c)) {
                l.push(two_changes(
                    ctx,
                    &place.id,
                    ("diag-after-open-end", "diag-after-open-end-help"),
                    (os, oc),
                    (ns, nc, *at),
                ));
            }
        }
        for pair in changes.windows(2) {
            let [(ps, pc, _), (ns, nc, at)] = pair else {
                continue;
            };
            // Reported above: the order of these two is not known.
            if follows_open(pc) || follows_open(nc) {
                continue;
            }
            if nc.when.start() <= pc.when.end() {
                l.push(two_changes(
                    ctx,
                    &place.id,
                    ("diag-overlap", "diag-overlap-help"),
                    (ps, pc),
                    (ns, nc, *at),
                ));
            } else if nc.to == pc.to {
                l.push(
                    Diagnostic::new(
                        &ctx.label,
                        Msg::new("diag-repeat")
                            .text("id", &place.id)
                            .text("step", &ns.id)
                            .text("to", &nc.to)
                            .text("previous", &ps.id),
                    )
                    .at_byte(&ctx.text, *at)
                    .help(Msg::new("diag-repeat-help")),
                );
            }
        }
    }
}

/// The diagnostic `keys` (message, help) about two changes of place `id`,
/// at the later one (`at`, a byte offset in the timeline file): the message
/// has `step` and `when` of the later, `previous` and `prevwhen` of the
/// earlier.
fn two_changes(
    ctx: &FileCtx,
    id: &str,
    (key, help): (&'static str, &'static str),
    (ps, pc): (&Step, &Change),
    (ns, nc, at): (&Step, &Change, usize),
) -> Diagnostic {
    Diagnostic::new(
        &ctx.label,
        Msg::new(key)
            .text("id", id)
            .text("step", &ns.id)
            .date("when", nc.when)
            .text("previous", &ps.id)
            .date("prevwhen", pc.when),
    )
    .at_byte(&ctx.text, at)
    .help(Msg::new(help))
}

pub(super) fn check_aliases(l: &mut Loader<'_>, label: &str, places: &[Place], sources: &[Source]) {
    for p in places {
        for (lang, aliases) in &p.aliases {
            for a in aliases {
                let found = sources
                    .iter()
                    .filter(|s| &s.language == lang)
                    .any(|s| s.text.contains(a.as_str()));
                if !found {
                    l.push(
                        Diagnostic::new(
                            label,
                            Msg::new("diag-alias")
                                .text("id", &p.id)
                                .text("alias", a)
                                .text("lang", lang),
                        )
                        .help(Msg::new("diag-alias-help")),
                    );
                }
            }
        }
    }
}

pub(super) fn check_geometry(
    l: &mut Loader<'_>,
    ctx: Option<&FileCtx>,
    places: &[Place],
    map: &MapData,
) {
    let label = ctx.map_or_else(|| "map.geojson".to_owned(), |c| c.label.clone());
    for p in places.iter().filter(|p| p.kind.is_tracked()) {
        match map.feature(&p.id) {
            Some(f) if matches!(f.shape, Shape::Area(_)) && f.kind == p.kind.as_str() => {}
            Some(f) => {
                let shape = match f.shape {
                    Shape::Area(_) => "diag-shape-area",
                    Shape::Lines(_) => "diag-shape-lines",
                    Shape::Point(_) => "diag-shape-point",
                };
                l.push(
                    Diagnostic::new(
                        &label,
                        Msg::new("diag-feature-shape")
                            .text("id", &p.id)
                            .text("kind", p.kind.as_str())
                            .text("actual", &f.kind)
                            .msg("shape", Msg::new(shape)),
                    )
                    .help(Msg::new("diag-map-import-help")),
                );
            }
            None => l.push(
                Diagnostic::new(&label, Msg::new("diag-feature-missing").text("id", &p.id))
                    .help(Msg::new("diag-feature-missing-help")),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{only, with};

    #[test]
    fn a_place_the_map_lacks_is_named() {
        let f = with(
            "map.geojson",
            "\"id\":\"area-0\",\"properties\":{\"id\":\"area-0\"",
            "\"id\":\"area-5\",\"properties\":{\"id\":\"area-5\"",
        );
        let d = only(&f, "diag-feature-missing", "map.geojson", None);
        assert_eq!(
            d.message.to_string(),
            "no feature with id 'area-0', which places.toml tracks"
        );
    }

    #[test]
    fn a_place_without_a_state_at_the_start_of_coverage_is_reported() {
        // The baseline's change now ends after coverage starts.
        let f = with(
            "timeline.toml",
            "to = \"1999-12-31\" }",
            "to = \"2000-01-05\" }",
        );
        let d = only(&f, "diag-undefined-start", "timeline.toml", Some(9));
        assert_eq!(
            d.message.to_string(),
            "place 'area-0' has no defined state from 2000-01-01 (start of coverage) until 2000-01-04 (step 'step-0')"
        );
    }

    #[test]
    fn a_place_whose_first_change_has_an_open_end_is_undefined_to_the_end_of_coverage() {
        // The baseline's change has an open end, and nothing follows it.
        let mut f = with(
            "timeline.toml",
            "when = { from = \"1990-01-01\", to = \"1999-12-31\" }",
            "when = \"1999-12-01/..\"",
        );
        let handover =
            "[[step.change]]\nplace = \"area-0\"\nto = \"beta\"\ncitations = [\"cite-0\"]\n";
        if let Some(t) = f.get_mut("timeline.toml") {
            assert!(t.contains(handover));
            *t = t.replacen(handover, "", 1);
        }
        let d = only(&f, "diag-undefined-start", "timeline.toml", Some(9));
        assert_eq!(
            d.message.to_string(),
            "place 'area-0' has no defined state from 2000-01-01 (start of coverage) until 2000-12-31 (step 'step-0')"
        );
    }

    #[test]
    fn a_tracked_place_no_step_changes_is_never_controlled() {
        let f = with(
            "places.toml",
            "centre = { lat = 35.1, lon = 40.1 }\n",
            "centre = { lat = 35.1, lon = 40.1 }\n\n[[place]]\nid = \"area-1\"\nkind = \"district\"\nnames = { en = \"Area 1\" }\n",
        );
        let d = only(&f, "diag-never-controlled", "timeline.toml", None);
        assert_eq!(
            d.message.to_string(),
            "place 'area-1' never gets a controller, so its state is undefined"
        );
    }
}
