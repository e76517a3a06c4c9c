//! What the reader needs per dataset, computed once with the session:
//! which steps cite each citation, which disputed claims rest on it, and
//! where places are named.

use crate::model::Dataset;
use std::collections::HashMap;
use std::ops::Range;

/// What the reader needs per dataset, computed once: which steps cite each
/// citation, which disputed claims rest on it, and where places are named.
#[derive(Debug, Clone, Default)]
pub struct ReaderIndex {
    /// Citation id → indices of the steps citing it.
    pub citing: HashMap<String, Vec<usize>>,
    /// Citation id → ids of the disputed claims one of whose versions cites it.
    pub disputed: HashMap<String, Vec<String>>,
    /// Source id → (byte range, place id) of every place name found, by the
    /// place aliases in the source's language.
    pub mentions: HashMap<String, Vec<(Range<usize>, String)>>,
}

impl ReaderIndex {
    /// Build the index for a dataset.
    #[must_use]
    pub fn new(ds: &Dataset) -> Self {
        let mut citing: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, s) in ds.steps.iter().enumerate() {
            for id in ds.step_citation_ids(s) {
                citing.entry(id.to_owned()).or_default().push(i);
            }
        }
        let mut disputed: HashMap<String, Vec<String>> = HashMap::new();
        for c in ds.claims.iter().filter(|c| c.disputed) {
            for v in &c.versions {
                for id in &v.citations {
                    let list = disputed.entry(id.clone()).or_default();
                    if !list.contains(&c.id) {
                        list.push(c.id.clone());
                    }
                }
            }
        }
        let mut mentions: HashMap<String, Vec<(Range<usize>, String)>> = HashMap::new();
        // Every place's aliases by language, longest first (so
        // "ناغورني قره باغ" wins over "قره باغ"), gathered once rather
        // than once per source.
        let mut by_lang: HashMap<&str, Vec<(&str, &str)>> = HashMap::new();
        for p in &ds.places {
            for (lang, list) in &p.aliases {
                by_lang
                    .entry(lang.as_str())
                    .or_default()
                    .extend(list.iter().map(|a| (a.as_str(), p.id.as_str())));
            }
        }
        for list in by_lang.values_mut() {
            list.sort_by_key(|(a, _)| std::cmp::Reverse(a.len()));
        }
        for src in &ds.sources {
            let mut found: Vec<(Range<usize>, String)> = Vec::new();
            let aliases = by_lang
                .get(src.language.as_str())
                .map_or(&[][..], Vec::as_slice);
            for &(alias, place) in aliases {
                for (at, _) in src.text.match_indices(alias) {
                    let r = at..at + alias.len();
                    if !found
                        .iter()
                        .any(|(o, _)| o.start < r.end && r.start < o.end)
                    {
                        found.push((r, place.to_owned()));
                    }
                }
            }
            found.sort_by_key(|(r, _)| r.start);
            mentions.insert(src.id.clone(), found);
        }
        Self {
            citing,
            disputed,
            mentions,
        }
    }
}
