//! Display clusters, which stay whole when a piece is reversed or a word is
//! cut: the extended grapheme clusters of UAX #29 (a base with its combining
//! marks, emoji joiner sequences and modifiers, flags, Hangul syllables),
//! owned by `unicode-segmentation`.

use unicode_segmentation::UnicodeSegmentation;

use super::mirror::mirrored;

/// The display clusters of `s` with their byte offsets, in order.
pub(super) fn clusters(s: &str) -> unicode_segmentation::GraphemeIndices<'_> {
    s.grapheme_indices(true)
}

/// `s` with its display clusters in reverse order; with `mirror`, each
/// mirrored character swapped for its pair.
pub(super) fn reverse_clusters(s: &str, mirror: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for cluster in s.graphemes(true).rev() {
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

    #[test]
    fn grapheme_clusters_of_unicode_segmentation() {
        // A letter with shadda and fatha; an emoji family joined by ZWJ,
        // with a skin-tone modifier; a flag of two regional indicators (which
        // a character-by-character rule would split).
        let text = "دَّ\u{1F468}\u{1F3FD}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{1F1E6}\u{1F1FF}x";
        let parts: Vec<(usize, &str)> = clusters(text).collect();
        assert_eq!(
            parts.iter().map(|&(_, c)| c).collect::<Vec<_>>(),
            [
                "دَّ",
                "\u{1F468}\u{1F3FD}\u{200D}\u{1F469}\u{200D}\u{1F467}",
                "\u{1F1E6}\u{1F1FF}",
                "x"
            ]
        );
        assert_eq!(parts[1].0, "دَّ".len());
        assert_eq!(
            reverse_clusters(text, false),
            "x\u{1F1E6}\u{1F1FF}\u{1F468}\u{1F3FD}\u{200D}\u{1F469}\u{200D}\u{1F467}دَّ"
        );
        // Brackets with a combining mark are mirrored and keep the mark.
        assert_eq!(reverse_clusters("(\u{0332}a", true), "a)\u{0332}");
    }
}
