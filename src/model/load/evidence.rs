//! How the sources support a change or a pending handover (`basis`,
//! `claimed_by`, `claim_citations`, `basis_note`, `extent`): a claim names a
//! known party and cites it, an inference says why.

use std::collections::BTreeSet;

use toml::Spanned;

use super::loader::{FileCtx, Loader};
use crate::model::diag::Msg;
use crate::model::raw::{RawChange, RawPending, RawText};
use crate::model::types::{Basis, Evidence, Reach};

/// The evidence fields of a change or a pending handover, as written.
pub(super) struct RawEvidence<'a> {
    place: &'a Spanned<String>,
    basis: Option<&'a Spanned<String>>,
    claimed_by: Option<&'a Spanned<String>>,
    claim_citations: &'a [Spanned<String>],
    basis_note: Option<&'a Spanned<RawText>>,
    extent: Option<&'a Spanned<String>>,
}

impl<'a> From<&'a RawChange> for RawEvidence<'a> {
    fn from(c: &'a RawChange) -> Self {
        Self {
            place: &c.place,
            basis: c.basis.as_ref(),
            claimed_by: c.claimed_by.as_ref(),
            claim_citations: &c.claim_citations,
            basis_note: c.basis_note.as_ref(),
            extent: c.extent.as_ref(),
        }
    }
}

impl<'a> From<&'a RawPending> for RawEvidence<'a> {
    fn from(p: &'a RawPending) -> Self {
        Self {
            place: &p.place,
            basis: p.basis.as_ref(),
            claimed_by: p.claimed_by.as_ref(),
            claim_citations: &p.claim_citations,
            basis_note: p.basis_note.as_ref(),
            extent: p.extent.as_ref(),
        }
    }
}

/// What the ids in the evidence fields may refer to.
pub(super) struct Known<'a> {
    /// Controller ids: the parties that can claim.
    pub controllers: &'a BTreeSet<String>,
    /// Citation ids.
    pub citations: &'a BTreeSet<String>,
}

/// The value `parse` reads from `raw`, or the default: also when `raw` is
/// none of the values, which is reported at `raw` with the message `key`
/// (naming the value as its argument `arg`) and the hint `help`.
fn one_of<T: Default>(
    l: &mut Loader<'_>,
    ctx: &FileCtx,
    raw: Option<&Spanned<String>>,
    parse: fn(&str) -> Option<T>,
    [key, help, arg]: [&'static str; 3],
    owner: &Msg,
) -> T {
    let Some(raw) = raw else {
        return T::default();
    };
    parse(raw.get_ref()).unwrap_or_else(|| {
        l.push(
            ctx.at(
                raw,
                Msg::new(key)
                    .msg("owner", owner.clone())
                    .text(arg, raw.get_ref()),
            )
            .help(Msg::new(help)),
        );
        T::default()
    })
}

/// Check the evidence of `owner` (a `diag-what-change` or
/// `diag-what-pending` message) and return it; problems are reported at
/// their field, or at the place of the change when a field is missing.
pub(super) fn check_evidence(
    l: &mut Loader<'_>,
    ctx: &FileCtx,
    raw: RawEvidence<'_>,
    known: &Known<'_>,
    owner: &Msg,
) -> Evidence {
    let basis = one_of(
        l,
        ctx,
        raw.basis,
        Basis::parse,
        ["diag-basis-unknown", "diag-basis-unknown-help", "basis"],
        owner,
    );
    let reach = one_of(
        l,
        ctx,
        raw.extent,
        Reach::parse,
        ["diag-reach-unknown", "diag-reach-unknown-help", "extent"],
        owner,
    );
    let parties = || Msg::new("diag-use-one-of").list("ids", known.controllers.iter().cloned());
    let claimed_by = if basis == Basis::Claimed {
        match raw.claimed_by {
            None => {
                l.push(
                    ctx.at(
                        raw.place,
                        Msg::new("diag-claimed-no-party").msg("owner", owner.clone()),
                    )
                    .help(Msg::new("diag-claimed-no-party-help").msg("ids", parties())),
                );
                None
            }
            Some(p) if !known.controllers.contains(p.get_ref()) => {
                l.push(
                    ctx.at(
                        p,
                        Msg::new("diag-claimed-unknown-party")
                            .msg("owner", owner.clone())
                            .text("party", p.get_ref()),
                    )
                    .help(parties()),
                );
                None
            }
            Some(p) => Some(p.get_ref().clone()),
        }
    } else {
        None
    };
    let claim_citations = if basis == Basis::Claimed {
        if raw.claim_citations.is_empty() {
            l.push(
                ctx.at(
                    raw.place,
                    Msg::new("diag-claimed-no-citation").msg("owner", owner.clone()),
                )
                .help(Msg::new("diag-claimed-no-citation-help")),
            );
        }
        l.refs(
            ctx,
            raw.claim_citations,
            known.citations,
            "diag-kind-citation",
            None,
        )
    } else {
        Vec::new()
    };
    if basis != Basis::Claimed {
        let stray = raw
            .claimed_by
            .map(|c| ("claimed_by", c))
            .or_else(|| raw.claim_citations.first().map(|c| ("claim_citations", c)));
        if let Some((field, at)) = stray {
            l.push(
                ctx.at(
                    at,
                    Msg::new("diag-claim-fields-not-claimed")
                        .msg("owner", owner.clone())
                        .text("field", field)
                        .text("basis", basis.as_str()),
                )
                .help(Msg::new("diag-claim-fields-not-claimed-help").text("field", field)),
            );
        }
    }
    let basis_note = raw.basis_note.map(|n| {
        l.own_words(
            ctx,
            Msg::new("diag-what-basis-note").msg("owner", owner.clone()),
            n,
        )
    });
    if basis == Basis::Inferred && basis_note.is_none() {
        l.push(
            ctx.at(
                raw.place,
                Msg::new("diag-inferred-no-note").msg("owner", owner.clone()),
            )
            .help(Msg::new("diag-inferred-no-note-help")),
        );
    }
    Evidence {
        basis,
        claimed_by,
        claim_citations,
        basis_note,
        reach,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::fixture::{errors, load, only, with};
    use crate::model::types::{Basis, Reach};

    /// The fixture with `fields` added to step-1's change (its `place` is on
    /// line 22, the fields start on line 25).
    fn change_with(fields: &str) -> std::collections::BTreeMap<String, String> {
        with(
            "timeline.toml",
            "to = \"beta\"\ncitations = [\"cite-0\"]\n",
            &format!("to = \"beta\"\ncitations = [\"cite-0\"]\n{fields}\n"),
        )
    }

    #[test]
    fn a_change_without_evidence_fields_is_reported_of_the_whole_place() {
        let ds = load(&change_with("")).unwrap();
        let ev = &ds.steps[1].changes[0].evidence;
        assert_eq!((ev.basis, ev.reach), (Basis::Reported, Reach::Whole));
        assert!(ev.claimed_by.is_none() && ev.basis_note.is_none());
    }

    #[test]
    fn a_claimed_change_with_its_party_and_passage_loads_attributed() {
        let f = change_with(
            "basis = \"claimed\"\nclaimed_by = \"beta\"\nclaim_citations = [\"cite-0\"]\nextent = \"part\"",
        );
        let ds = load(&f).unwrap();
        let ev = &ds.steps[1].changes[0].evidence;
        assert_eq!(ev.basis, Basis::Claimed);
        assert_eq!(ev.claimed_by.as_deref(), Some("beta"));
        assert_eq!(ev.claim_citations, ["cite-0"]);
        assert_eq!(ev.reach, Reach::Part);
    }

    #[test]
    fn an_unknown_basis_is_refused_at_the_basis() {
        let d = only(
            &change_with("basis = \"rumoured\""),
            "diag-basis-unknown",
            "timeline.toml",
            Some(25),
        );
        assert_eq!(
            d.message.to_string(),
            "the change of 'area-0' in step 'step-1': unknown basis 'rumoured'"
        );
    }

    #[test]
    fn an_unknown_extent_is_refused_at_the_extent() {
        let d = only(
            &change_with("extent = \"most\""),
            "diag-reach-unknown",
            "timeline.toml",
            Some(25),
        );
        assert!(d.message.to_string().ends_with("unknown extent 'most'"));
    }

    #[test]
    fn a_claimed_change_must_name_its_party_at_the_change() {
        let d = only(
            &change_with("basis = \"claimed\"\nclaim_citations = [\"cite-0\"]"),
            "diag-claimed-no-party",
            "timeline.toml",
            Some(22),
        );
        assert_eq!(
            d.message.to_string(),
            "the change of 'area-0' in step 'step-1' is claimed but names no party"
        );
        let help = d.help.map(|h| h.to_string()).unwrap_or_default();
        assert!(help.contains("alpha, beta"), "{help}");
    }

    #[test]
    fn a_claimed_change_must_name_a_party_of_the_dataset() {
        let d = only(
            &change_with(
                "basis = \"claimed\"\nclaimed_by = \"gamma\"\nclaim_citations = [\"cite-0\"]",
            ),
            "diag-claimed-unknown-party",
            "timeline.toml",
            Some(26),
        );
        assert!(d.message.to_string().contains("'gamma'"), "{}", d.message);
    }

    #[test]
    fn a_claimed_change_must_cite_the_claim() {
        only(
            &change_with("basis = \"claimed\"\nclaimed_by = \"beta\""),
            "diag-claimed-no-citation",
            "timeline.toml",
            Some(22),
        );
        // A claim citation that does not exist is an unknown reference.
        let errs = errors(&change_with(
            "basis = \"claimed\"\nclaimed_by = \"beta\"\nclaim_citations = [\"cite-9\"]",
        ));
        assert!(
            errs.iter()
                .any(|d| d.message.key == "diag-unknown-ref"
                    && d.position.map(|p| p.line) == Some(27)),
            "{errs:#?}"
        );
    }

    #[test]
    fn an_inferred_change_must_say_why() {
        let d = only(
            &change_with("basis = \"inferred\""),
            "diag-inferred-no-note",
            "timeline.toml",
            Some(22),
        );
        assert!(
            d.message
                .to_string()
                .ends_with("is inferred but has no basis_note")
        );
        let ok =
            change_with("basis = \"inferred\"\nbasis_note = \"Follows from the other handovers.\"");
        let ds = load(&ok).unwrap();
        let ev = &ds.steps[1].changes[0].evidence;
        assert_eq!(ev.basis, Basis::Inferred);
        assert_eq!(
            ev.basis_note.as_ref().map(|n| n.en()),
            Some("Follows from the other handovers.")
        );
    }

    #[test]
    fn claim_fields_on_a_reported_change_are_refused() {
        let d = only(
            &change_with("claimed_by = \"beta\""),
            "diag-claim-fields-not-claimed",
            "timeline.toml",
            Some(25),
        );
        assert_eq!(
            d.message.to_string(),
            "the change of 'area-0' in step 'step-1': claimed_by is given but the basis is \"reported\""
        );
    }
}
