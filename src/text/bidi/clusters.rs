//! Display clusters (a base with its marks, joiner sequences), which stay
//! whole when a piece is reversed or a word is cut.

use unicode_bidi::{BidiClass, bidi_class};

use super::mirror::mirrored;

/// Whether `c` belongs to the same display cluster as the character `prev`
/// before it: combining marks, variation selectors, zero-width joiner
/// sequences and emoji modifiers stay with their base when a piece is
/// reversed or a word is cut.
pub(super) fn continues_cluster(prev: char, c: char) -> bool {
    prev == '\u{200D}'
        || c == '\u{200D}'
        || ('\u{1F3FB}'..='\u{1F3FF}').contains(&c)
        || ('\u{E0020}'..='\u{E007F}').contains(&c)
        || bidi_class(c) == BidiClass::NSM
}

/// `s` with its display clusters in reverse order; with `mirror`, each
/// mirrored character swapped for its pair.
pub(super) fn reverse_clusters(s: &str, mirror: bool) -> String {
    let mut clusters: Vec<&str> = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        if let Some(p) = prev
            && !continues_cluster(p, c)
        {
            if let Some(cluster) = s.get(start..i) {
                clusters.push(cluster);
            }
            start = i;
        }
        prev = Some(c);
    }
    if let Some(cluster) = s.get(start..) {
        clusters.push(cluster);
    }
    let mut out = String::with_capacity(s.len());
    for cluster in clusters.into_iter().rev() {
        if mirror {
            out.extend(cluster.chars().map(mirrored));
        } else {
            out.push_str(cluster);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clusters_stay_together_when_reversed() {
        assert_eq!(reverse_clusters("a\u{0301}b", false), "ba\u{0301}");
        assert_eq!(reverse_clusters("(x]", true), "[x)");
        assert_eq!(
            reverse_clusters("\u{1F468}\u{200D}\u{1F469}!", false),
            "!\u{1F468}\u{200D}\u{1F469}"
        );
    }
}
