//! Mirrored characters (rule L4 of UAX #9): brackets and the like shown
//! right to left are swapped for their pair.
//!
//! The pairs are Unicode's (`BidiMirroring.txt`), owned by the
//! `unicode-bidi-mirroring` crate (`unicode-bidi` does not expose them).
//! Kept here: the lookup table itself, built once from the crate's forward
//! lookups, because the crate's `get_mirrored` (0.4.0) finds the second
//! character of some pairs only by a binary search over a column that is not
//! sorted, and so misses 21 of them (`≥` → `≤`, `⧵` → `∕`, `⦐` → `⦍`, …);
//! both directions of every pair it does report go into the table.

use std::sync::LazyLock;

/// Every mirrored character with its pair, sorted by the first. As of the
/// crate's Unicode 16 data every pair lies in the Basic Multilingual Plane
/// (a unit test checks it), so only that plane is scanned.
static PAIRS: LazyLock<Vec<(char, char)>> = LazyLock::new(|| {
    let mut pairs: Vec<(char, char)> = (0..=0xFFFF_u32)
        .filter_map(char::from_u32)
        .filter_map(|c| unicode_bidi_mirroring::get_mirrored(c).map(|m| (c, m)))
        .flat_map(|(c, m)| [(c, m), (m, c)])
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
});

/// The mirror image of `c` when it is shown right to left (`(` → `)`,
/// `«` → `»`, `≤` → `≥`, …), or `c` itself: Unicode's `Bidi_Mirroring_Glyph`
/// (through `unicode-bidi-mirroring`). Curly quotes are not mirrored.
#[must_use]
pub fn mirrored(c: char) -> char {
    match PAIRS.binary_search_by(|&(a, _)| a.cmp(&c)) {
        Ok(i) => PAIRS.get(i).map_or(c, |&(_, m)| m),
        Err(_) => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_swap_both_ways() {
        for (a, b) in [
            ('(', ')'),
            ('[', ']'),
            ('«', '»'),
            ('‹', '›'),
            ('≤', '≥'),
            ('⁅', '⁆'),
            ('❨', '❩'),
            // Pairs the hand-typed table this replaced did not have.
            ('⟅', '⟆'),
            ('⦇', '⦈'),
            ('≺', '≻'),
            ('∕', '⧵'),
            ('⦍', '⦐'),
        ] {
            assert_eq!(mirrored(a), b, "{a}");
            assert_eq!(mirrored(b), a, "{b}");
        }
        for c in ['a', '“', '”', '‘', '’', '"', '/', 'ب', '١'] {
            assert_eq!(mirrored(c), c, "{c}");
        }
    }

    #[test]
    fn table_is_symmetric_and_covers_the_crate() {
        assert!(PAIRS.len() > 300, "{}", PAIRS.len());
        for &(a, b) in PAIRS.iter() {
            assert_ne!(a, b);
            assert_eq!(mirrored(b), a, "{a} {b}");
        }
        // Everything the crate reports is here, also outside the scanned
        // plane (where there is nothing).
        for c in (0..=0x10_FFFF_u32).filter_map(char::from_u32) {
            if let Some(m) = unicode_bidi_mirroring::get_mirrored(c) {
                assert!(u32::from(c) <= 0xFFFF, "{c:?}");
                assert_eq!(mirrored(c), m, "{c:?}");
            }
        }
    }
}
