//! Mirrored characters (rule L4 of UAX #9): brackets and the like shown
//! right to left are swapped for their pair.

/// Pairs of characters that are each other's mirror image (Unicode's
/// `BidiMirroring.txt`, the brackets, quotation marks and comparison and set
/// operators among them; `unicode-bidi` does not expose this data). Curly
/// quotes “ ” ‘ ’ are not mirrored in Unicode, and are not here.
const MIRROR_PAIRS: &[(char, char)] = &[
    ('(', ')'),
    ('<', '>'),
    ('[', ']'),
    ('{', '}'),
    ('\u{00AB}', '\u{00BB}'), // « »
    ('\u{0F3A}', '\u{0F3B}'),
    ('\u{0F3C}', '\u{0F3D}'),
    ('\u{169B}', '\u{169C}'),
    ('\u{2039}', '\u{203A}'), // ‹ ›
    ('\u{2045}', '\u{2046}'),
    ('\u{207D}', '\u{207E}'),
    ('\u{208D}', '\u{208E}'),
    ('\u{2208}', '\u{220B}'), // ∈ ∋
    ('\u{2209}', '\u{220C}'),
    ('\u{220A}', '\u{220D}'),
    ('\u{2264}', '\u{2265}'), // ≤ ≥
    ('\u{2266}', '\u{2267}'),
    ('\u{226A}', '\u{226B}'), // ≪ ≫
    ('\u{226E}', '\u{226F}'),
    ('\u{2270}', '\u{2271}'),
    ('\u{2272}', '\u{2273}'),
    ('\u{2282}', '\u{2283}'), // ⊂ ⊃
    ('\u{2286}', '\u{2287}'),
    ('\u{2308}', '\u{2309}'), // ⌈ ⌉
    ('\u{230A}', '\u{230B}'), // ⌊ ⌋
    ('\u{2329}', '\u{232A}'),
    ('\u{2768}', '\u{2769}'),
    ('\u{276A}', '\u{276B}'),
    ('\u{276C}', '\u{276D}'),
    ('\u{276E}', '\u{276F}'),
    ('\u{2770}', '\u{2771}'),
    ('\u{2772}', '\u{2773}'),
    ('\u{2774}', '\u{2775}'),
    ('\u{27E6}', '\u{27E7}'), // ⟦ ⟧
    ('\u{27E8}', '\u{27E9}'), // ⟨ ⟩
    ('\u{27EA}', '\u{27EB}'),
    ('\u{27EE}', '\u{27EF}'),
    ('\u{2983}', '\u{2984}'),
    ('\u{2985}', '\u{2986}'),
    ('\u{2E02}', '\u{2E03}'),
    ('\u{2E04}', '\u{2E05}'),
    ('\u{2E09}', '\u{2E0A}'),
    ('\u{2E0C}', '\u{2E0D}'),
    ('\u{2E1C}', '\u{2E1D}'),
    ('\u{2E20}', '\u{2E21}'),
    ('\u{2E22}', '\u{2E23}'),
    ('\u{2E24}', '\u{2E25}'),
    ('\u{2E26}', '\u{2E27}'),
    ('\u{2E28}', '\u{2E29}'),
    ('\u{3008}', '\u{3009}'), // 〈 〉
    ('\u{300A}', '\u{300B}'), // 《 》
    ('\u{300C}', '\u{300D}'), // 「 」
    ('\u{300E}', '\u{300F}'), // 『 』
    ('\u{3010}', '\u{3011}'), // 【 】
    ('\u{3014}', '\u{3015}'),
    ('\u{3016}', '\u{3017}'),
    ('\u{3018}', '\u{3019}'),
    ('\u{301A}', '\u{301B}'),
    ('\u{FE59}', '\u{FE5A}'),
    ('\u{FE5B}', '\u{FE5C}'),
    ('\u{FE5D}', '\u{FE5E}'),
    ('\u{FE64}', '\u{FE65}'),
    ('\u{FF08}', '\u{FF09}'), // full-width ( )
    ('\u{FF1C}', '\u{FF1E}'),
    ('\u{FF3B}', '\u{FF3D}'),
    ('\u{FF5B}', '\u{FF5D}'),
    ('\u{FF5F}', '\u{FF60}'),
    ('\u{FF62}', '\u{FF63}'),
];

/// The mirror image of `c` when it is shown right to left (`(` → `)`,
/// `«` → `»`, …), or `c` itself: the brackets, guillemets and comparison
/// and set operators of Unicode's `BidiMirroring.txt` (a table kept here;
/// `unicode-bidi` does not expose it). Curly quotes are not mirrored.
#[must_use]
pub fn mirrored(c: char) -> char {
    for &(a, b) in MIRROR_PAIRS {
        if c == a {
            return b;
        }
        if c == b {
            return a;
        }
    }
    c
}
