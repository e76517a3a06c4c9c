//! Citations as references a reader can paste: the exact quote, where it is,
//! and who published it, as far as the source says.

use super::types::Dataset;

/// A formatted reference for citation `id`: the exact quote, the source's
/// label, id and file, the line and character offsets, the publisher and
/// dateline as printed, the gloss, and the steps citing it. `None` for an
/// unknown id.
#[must_use]
pub fn reference(ds: &Dataset, id: &str) -> Option<String> {
    let c = ds.citation(id)?;
    let s = ds.source(&c.source)?;
    let end = c.offset + c.quote.chars().count();
    let mut out = format!(
        "“{}”\n— {} [{}; file {}",
        c.quote,
        s.label.en(),
        s.id,
        s.original_file_name
    );
    out.push_str(&format!(
        ", line {}, characters {}–{}]",
        c.line, c.offset, end
    ));
    if let Some(p) = &s.publisher {
        out.push_str(&format!(
            "\n  Publisher as printed: {} ({})",
            p.text,
            p.gloss.en()
        ));
    }
    if let Some(d) = &s.dateline {
        out.push_str(&format!("\n  Dateline as printed: {}", d.text));
    }
    if let Some(d) = &s.page_date {
        out.push_str(&format!("\n  Page date as printed: {}", d.text));
    }
    if let Some(sp) = &c.speaker {
        out.push_str(&format!("\n  Speaker: {}", sp.en()));
    }
    out.push_str(&format!("\n  Gloss: {}", c.gloss.en()));
    let steps: Vec<String> = ds
        .steps
        .iter()
        .enumerate()
        .filter(|(_, st)| ds.step_citation_ids(st).contains(&id))
        .map(|(i, st)| format!("step {} ({}, {})", i + 1, st.date.english(), st.title.en()))
        .collect();
    if !steps.is_empty() {
        out.push_str(&format!(
            "\n  Cited in karabakh-atlas: {}",
            steps.join("; ")
        ));
    }
    Some(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::load_bundled;

    #[test]
    fn a_reference_holds_the_exact_quote_and_where_it_is() {
        let ds = load_bundled().unwrap();
        let r = reference(&ds, "lachin-handed-over").unwrap();
        let c = ds.citation("lachin-handed-over").unwrap();
        assert!(r.starts_with(&format!("“{}”", c.quote)));
        assert!(r.contains("[lachin-handover; file 002_3be7c62d43463b36.txt, line 23"));
        assert!(r.contains("Publisher as printed: الجزيرة + وكالات"));
        assert!(r.contains("step 9 (1 Dec 2020, Lachin handed over"));
        assert!(reference(&ds, "no-such").is_none());
    }
}
