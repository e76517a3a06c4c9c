//! Bidirectional text (UAX #9) for a shaper that has no bidi algorithm.
//!
//! egui shapes each run of text on its own, guessing the run's direction from
//! its script (HarfBuzz's `guess_segment_properties`: the first character
//! whose script is not Common or Inherited decides; with none, left to
//! right), and places runs left to right in logical order. So a line of
//! Arabic only comes out right if it is handed over in pieces that are
//! already in visual order and that the shaper, guessing on its own, draws
//! correctly:
//!
//! * an Arabic piece (Arabic-script letters, with the spaces and Arabic
//!   punctuation between them) is handed over in logical order; the shaper
//!   sees Arabic script, shapes it right to left and joins the letters;
//! * any other piece inside a right-to-left run (brackets, quotes, dashes,
//!   slashes, full stops, spaces at its edges) would be shaped left to right,
//!   so it is handed over already reversed, with mirrored characters swapped
//!   (`(` ↔ `)`, `«` ↔ `»`, …);
//! * left-to-right runs (Latin, numbers such as `2020` or `26/11/2020`) are
//!   handed over as they are.
//!
//! [`visual_runs`] makes those pieces for one line; [`break_lines`] breaks a
//! paragraph into lines in logical order, so that the first visual line of a
//! paragraph holds its first words. Nothing here depends on egui.

use std::ops::Range;

use unicode_bidi::{BidiClass, BidiInfo, Level, bidi_class};

/// The direction of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Left to right (Latin, numbers, and text with no strong character).
    Ltr,
    /// Right to left (Arabic).
    Rtl,
}

impl Direction {
    /// Whether this is [`Direction::Rtl`].
    #[must_use]
    pub fn is_rtl(self) -> bool {
        self == Direction::Rtl
    }

    fn level(self) -> Level {
        match self {
            Direction::Ltr => Level::ltr(),
            Direction::Rtl => Level::rtl(),
        }
    }
}

/// The direction of a paragraph by rules P2–P3 of UAX #9: that of its first
/// strong character (skipping isolates), left to right when it has none.
///
/// Uses `unicode-bidi`'s data. If `text` holds several paragraphs, the first
/// one with a strong character decides.
#[must_use]
pub fn paragraph_direction(text: &str) -> Direction {
    match unicode_bidi::get_base_direction_full(text) {
        unicode_bidi::Direction::Rtl => Direction::Rtl,
        unicode_bidi::Direction::Ltr | unicode_bidi::Direction::Mixed => Direction::Ltr,
    }
}

/// Whether `text` needs [`visual_runs`] at all: it has a right-to-left
/// character, an Arabic number, a right-to-left embedding, override or
/// isolate, or a character of a right-to-left script. Text without any of
/// these is displayed in logical order as it is.
#[must_use]
pub fn needs_bidi(text: &str) -> bool {
    text.chars().any(|c| {
        is_rtl_script(c)
            || matches!(
                bidi_class(c),
                BidiClass::R
                    | BidiClass::AL
                    | BidiClass::AN
                    | BidiClass::RLE
                    | BidiClass::RLO
                    | BidiClass::RLI
                    | BidiClass::FSI
            )
    })
}

/// One piece of a line, to be shaped on its own. The pieces of a line are in
/// visual order, left to right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualRun {
    /// The characters to hand to the shaper.
    ///
    /// With `rtl == false` this is the piece in visual order, left to right
    /// (for a piece of neutrals taken from a right-to-left run: reversed, and
    /// mirrored characters swapped). With `rtl == true` it is in the order a
    /// right-to-left shaper expects, which reverses it: for Arabic letters,
    /// logical order. (The one other case: digits of an Arabic script, such as
    /// `١٢٣`, inside a left-to-right run are given reversed, so that the
    /// shaper, which sees Arabic script and reverses them, shows them left to
    /// right.)
    pub text: String,
    /// Whether the shaper will lay this piece out right to left, i.e. it
    /// contains a character of a right-to-left script. Reversing the
    /// characters of `text` gives its visual order.
    pub rtl: bool,
    /// The byte range of the input this piece was made from.
    pub logical: Range<usize>,
    /// Whether the piece sits in a right-to-left run (odd bidi level), so
    /// that its logical parts appear right to left.
    pub level_rtl: bool,
}

/// The pieces of one line (no newline) in visual order, with `base` as the
/// paragraph direction. See the [module docs](self) for what a piece is.
///
/// Concatenating the pieces, with the characters of each `rtl` piece
/// reversed, gives what `unicode_bidi::BidiInfo::reorder_line` gives, except
/// that mirrored characters in right-to-left runs are swapped (rule L4) and a
/// combining mark on a neutral character stays after it (rule L3).
#[must_use]
pub fn visual_runs(text: &str, base: Direction) -> Vec<VisualRun> {
    visual_runs_in(text, base, 0..text.len())
}

/// Like [`visual_runs`] for the line `line` (a byte range) of a longer
/// paragraph, which is what UAX #9 asks for: levels are resolved over the
/// whole paragraph, then the line is reordered. `logical` ranges are byte
/// ranges of `paragraph`. A range that is out of bounds or not on character
/// boundaries gives no pieces.
///
/// If `paragraph` contains paragraph separators (a newline, U+2029, …), the
/// paragraphs inside `line` are laid out one after the other, left to right.
#[must_use]
pub fn visual_runs_in(paragraph: &str, base: Direction, line: Range<usize>) -> Vec<VisualRun> {
    let mut out = Vec::new();
    if line.is_empty() || paragraph.get(line.clone()).is_none() {
        return out;
    }
    let info = BidiInfo::new(paragraph, Some(base.level()));
    for para in &info.paragraphs {
        let start = line.start.max(para.range.start);
        let end = line.end.min(para.range.end);
        if start >= end {
            continue;
        }
        let (levels, runs) = info.visual_runs(para, start..end);
        for run in runs {
            let Some(level) = levels.get(run.start) else {
                continue;
            };
            if run.is_empty() {
                continue;
            }
            if level.is_rtl() {
                push_rtl_run(paragraph, run, &mut out);
            } else {
                push_ltr_run(paragraph, run, &mut out);
            }
        }
    }
    out
}

/// Cut the pieces of a line at the byte offsets `cuts` (of `paragraph`, in
/// any order), keeping visual order: the parts of a piece in a right-to-left
/// run come out right to left, each prepared for the shaper as the whole
/// piece was. Used to give highlighted or underlined spans sections of their
/// own. A cut inside an Arabic word splits its shaping, so cuts belong at
/// word boundaries (or after letters that do not join to the left).
#[must_use]
pub fn split_runs(paragraph: &str, runs: Vec<VisualRun>, cuts: &[usize]) -> Vec<VisualRun> {
    let mut out = Vec::with_capacity(runs.len());
    for run in runs {
        let mut bounds: Vec<usize> = cuts
            .iter()
            .copied()
            .filter(|&c| {
                run.logical.start < c && c < run.logical.end && paragraph.is_char_boundary(c)
            })
            .collect();
        if bounds.is_empty() {
            out.push(run);
            continue;
        }
        bounds.sort_unstable();
        bounds.dedup();
        let mut parts: Vec<Range<usize>> = Vec::with_capacity(bounds.len() + 1);
        let mut start = run.logical.start;
        for b in bounds {
            parts.push(start..b);
            start = b;
        }
        parts.push(start..run.logical.end);
        if run.level_rtl {
            parts.reverse();
        }
        for part in parts {
            let Some(slice) = paragraph.get(part.clone()) else {
                continue;
            };
            let text = match (run.level_rtl, run.rtl) {
                (true, true) | (false, false) => slice.to_owned(),
                (true, false) => reverse_clusters(slice, true),
                (false, true) => reverse_clusters(slice, false),
            };
            out.push(VisualRun {
                text,
                rtl: run.rtl,
                logical: part,
                level_rtl: run.level_rtl,
            });
        }
    }
    out
}

/// A left-to-right run: as it is, except that stretches of right-to-left
/// script characters (only Arabic-script digits can be here) are reversed so
/// that the right-to-left shaper turns them back.
fn push_ltr_run(text: &str, run: Range<usize>, out: &mut Vec<VisualRun>) {
    let Some(slice) = text.get(run.clone()) else {
        return;
    };
    let mut piece_start = 0;
    let mut piece_rtl = None;
    let mut prev: Option<char> = None;
    for (i, c) in slice.char_indices() {
        let rtl = match prev {
            Some(p) if continues_cluster(p, c) => piece_rtl.unwrap_or(false),
            _ => is_rtl_script(c),
        };
        prev = Some(c);
        match piece_rtl {
            Some(current) if current != rtl => {
                push_ltr_piece(slice, run.start, piece_start..i, current, out);
                piece_start = i;
                piece_rtl = Some(rtl);
            }
            Some(_) => {}
            None => piece_rtl = Some(rtl),
        }
    }
    if let Some(current) = piece_rtl {
        push_ltr_piece(slice, run.start, piece_start..slice.len(), current, out);
    }
}

fn push_ltr_piece(
    slice: &str,
    offset: usize,
    range: Range<usize>,
    rtl: bool,
    out: &mut Vec<VisualRun>,
) {
    let Some(piece) = slice.get(range.clone()) else {
        return;
    };
    let text = if rtl {
        reverse_clusters(piece, false)
    } else {
        piece.to_owned()
    };
    out.push(VisualRun {
        text,
        rtl,
        logical: offset + range.start..offset + range.end,
        level_rtl: false,
    });
}

/// How a character inside a right-to-left run is treated.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A character of a right-to-left script: the shaper guesses RTL for a
    /// piece that holds one.
    Strong,
    /// Allowed inside an Arabic piece (spaces, Arabic punctuation, joiners)
    /// but does not make the shaper guess RTL on its own.
    Joiner,
    /// Everything else: the shaper would lay it out left to right.
    Other,
}

/// A right-to-left run: cut into Arabic pieces and pieces of other
/// characters, emitted in reverse order; the others reversed and mirrored.
fn push_rtl_run(text: &str, run: Range<usize>, out: &mut Vec<VisualRun>) {
    let Some(slice) = text.get(run.clone()) else {
        return;
    };
    // Kinds per character; a combining mark takes the kind of its base.
    let mut chars: Vec<(usize, char, Kind)> = Vec::new();
    let mut prev: Option<(char, Kind)> = None;
    for (i, c) in slice.char_indices() {
        let kind = match prev {
            Some((p, k)) if continues_cluster(p, c) => k,
            _ => {
                if is_rtl_script(c) {
                    Kind::Strong
                } else if is_arabic_joiner(c) {
                    Kind::Joiner
                } else {
                    Kind::Other
                }
            }
        };
        prev = Some((c, kind));
        chars.push((i, c, kind));
    }

    // Which characters belong to an Arabic piece: maximal stretches of
    // Strong/Joiner characters, less the white space at their edges, that
    // hold at least one Strong character.
    let mut arabic = vec![false; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        if chars.get(i).is_some_and(|&(_, _, k)| k == Kind::Other) {
            i += 1;
            continue;
        }
        let mut j = i;
        while chars.get(j).is_some_and(|&(_, _, k)| k != Kind::Other) {
            j += 1;
        }
        let mut lo = i;
        let mut hi = j;
        while lo < hi && chars.get(lo).is_some_and(|&(_, c, _)| is_space(c)) {
            lo += 1;
        }
        while hi > lo && chars.get(hi - 1).is_some_and(|&(_, c, _)| is_space(c)) {
            hi -= 1;
        }
        let has_strong = chars
            .get(lo..hi)
            .is_some_and(|s| s.iter().any(|&(_, _, k)| k == Kind::Strong));
        if has_strong && let Some(flags) = arabic.get_mut(lo..hi) {
            flags.fill(true);
        }
        i = j;
    }

    // Pieces in logical order, then emitted in reverse.
    let mut pieces: Vec<(Range<usize>, bool)> = Vec::new();
    for (idx, &(byte, c, _)) in chars.iter().enumerate() {
        let is_arabic = arabic.get(idx).copied().unwrap_or(false);
        let end = byte + c.len_utf8();
        match pieces.last_mut() {
            Some((range, a)) if *a == is_arabic => range.end = end,
            _ => pieces.push((byte..end, is_arabic)),
        }
    }
    for (range, is_arabic) in pieces.into_iter().rev() {
        let Some(piece) = slice.get(range.clone()) else {
            continue;
        };
        let text = if is_arabic {
            piece.to_owned()
        } else {
            reverse_clusters(piece, true)
        };
        out.push(VisualRun {
            text,
            rtl: is_arabic,
            logical: run.start + range.start..run.start + range.end,
            level_rtl: true,
        });
    }
}

/// Whether `c` is of a right-to-left script (Arabic, Hebrew, Syriac, …), so
/// that a shaper guessing the direction from the script shapes a piece
/// holding it right to left. Characters of bidi class R, AL or AN, less the
/// few that are of the Common script (Arabic comma-like punctuation, tatweel,
/// the Arabic letter mark, RLM), plus the extended Arabic-Indic digits (class
/// EN, script Arabic).
fn is_rtl_script(c: char) -> bool {
    match c {
        '\u{0605}' | '\u{060C}' | '\u{061B}' | '\u{061C}' | '\u{061F}' | '\u{0640}'
        | '\u{06DD}' | '\u{08E2}' | '\u{200F}' => false,
        '\u{06F0}'..='\u{06F9}' => true,
        _ => matches!(bidi_class(c), BidiClass::R | BidiClass::AL | BidiClass::AN),
    }
}

/// Characters that may sit inside an Arabic piece without being Arabic
/// letters: spaces, joiners and the Arabic punctuation of the Common script
/// (all of which NotoNaskhArabic has).
fn is_arabic_joiner(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{00A0}'
            | '\u{200C}'
            | '\u{200D}'
            | '\u{060C}'
            | '\u{061B}'
            | '\u{061F}'
            | '\u{0640}'
            | '\u{066A}'
            | '\u{06DD}'
    )
}

fn is_space(c: char) -> bool {
    c == '\u{00A0}' || is_break_space(c)
}

/// Spaces after which a line may break. Not the no-break spaces (U+00A0,
/// U+2007, U+202F). A newline counts as one.
fn is_break_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\n'
            | '\r'
            | '\u{1680}'
            | '\u{2000}'..='\u{2006}'
            | '\u{2008}'..='\u{200B}'
            | '\u{205F}'
            | '\u{3000}'
    )
}

/// Whether `c` belongs to the same display cluster as the character `prev`
/// before it: combining marks, variation selectors, zero-width joiner
/// sequences and emoji modifiers stay with their base when a piece is
/// reversed or a word is cut.
fn continues_cluster(prev: char, c: char) -> bool {
    prev == '\u{200D}'
        || c == '\u{200D}'
        || ('\u{1F3FB}'..='\u{1F3FF}').contains(&c)
        || ('\u{E0020}'..='\u{E007F}').contains(&c)
        || bidi_class(c) == BidiClass::NSM
}

/// `s` with its display clusters in reverse order; with `mirror`, each
/// mirrored character swapped for its pair.
fn reverse_clusters(s: &str, mirror: bool) -> String {
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

/// Breaks one paragraph into lines, greedily and in logical order, so the
/// first line holds the first words. Returns the byte range of each line;
/// together they cover `text` in order, with no gaps (an empty `text` gives
/// one empty line).
///
/// A line may break after a run of spaces (which stay at the end of the line
/// they follow and do not count toward its width). A word that does not fit
/// on a line of its own is cut between characters (never inside a cluster
/// of a base and its marks), as much on each line as fits but at least one
/// cluster. `measure` gives the width of a logical substring; it is only
/// asked about substrings that start a line and end before a break's spaces.
/// A NaN `max_width` means no limit. A `'\n'` in `text` is treated as a
/// space.
pub fn break_lines(
    text: &str,
    max_width: f32,
    measure: &mut dyn FnMut(&str) -> f32,
) -> Vec<Range<usize>> {
    if text.is_empty() {
        return std::iter::once(0..0).collect();
    }
    let max_width = if max_width.is_nan() {
        f32::INFINITY
    } else {
        max_width
    };
    let breaks = break_positions(text);
    let mut lines = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = line_end(text, start, &breaks, max_width, measure);
        lines.push(start..end);
        start = end;
    }
    lines
}

/// The positions where a line may end: after a run of break spaces, and the
/// end of the text. Each is paired with where the content before the spaces
/// ends.
fn break_positions(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut content_end = 0;
    let mut in_spaces = false;
    for (i, c) in text.char_indices() {
        if is_break_space(c) {
            if !in_spaces {
                content_end = i;
                in_spaces = true;
            }
        } else if in_spaces {
            out.push((i, content_end));
            in_spaces = false;
        }
    }
    if in_spaces {
        out.push((text.len(), content_end));
    } else {
        out.push((text.len(), text.len()));
    }
    out
}

fn line_end(
    text: &str,
    start: usize,
    breaks: &[(usize, usize)],
    max_width: f32,
    measure: &mut dyn FnMut(&str) -> f32,
) -> usize {
    let mut best = start;
    for &(end, content_end) in breaks.iter().filter(|&&(end, _)| end > start) {
        let width = if content_end <= start {
            0.0
        } else {
            text.get(start..content_end).map_or(0.0, &mut *measure)
        };
        if width <= max_width {
            best = end;
            continue;
        }
        if best == start {
            return cut_word(text, start, content_end, max_width, measure);
        }
        return best;
    }
    if best == start { text.len() } else { best }
}

/// `line` (a byte range of `text`, e.g. from [`break_lines`]) less the spaces
/// a line may break after at its end: the part of a line that is shown and
/// counts toward its width.
#[must_use]
pub fn trim_line_end(text: &str, line: Range<usize>) -> Range<usize> {
    match text.get(line.clone()) {
        Some(s) => line.start..line.start + s.trim_end_matches(is_break_space).len(),
        None => line,
    }
}

/// The end of the longest prefix of `text[start..content_end]` (which does
/// not fit) that fits, cut between clusters; at least one cluster.
fn cut_word(
    text: &str,
    start: usize,
    content_end: usize,
    max_width: f32,
    measure: &mut dyn FnMut(&str) -> f32,
) -> usize {
    let Some(word) = text.get(start..content_end) else {
        return content_end;
    };
    // Cluster ends, as offsets into `text`.
    let mut ends = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in word.char_indices() {
        if let Some(p) = prev
            && !continues_cluster(p, c)
        {
            ends.push(start + i);
        }
        prev = Some(c);
    }
    ends.push(content_end);
    // The first cluster always goes on the line; find the last end that fits.
    let mut lo = 0; // index into `ends` known to be acceptable
    let mut hi = ends.len() - 1; // the whole word, known not to fit
    while lo + 1 < hi {
        let mid = lo + (hi - lo) / 2;
        let fits = ends
            .get(mid)
            .and_then(|&end| text.get(start..end))
            .is_some_and(|s| measure(s) <= max_width);
        if fits {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    ends.get(lo).copied().unwrap_or(content_end)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    const CORPUS: &[(&str, &str)] = &[
        (
            "000_e9a2265f803ec764",
            include_str!("../../data/sources/000_e9a2265f803ec764.txt"),
        ),
        (
            "001_fa7c7b3e50b8450d",
            include_str!("../../data/sources/001_fa7c7b3e50b8450d.txt"),
        ),
        (
            "002_3be7c62d43463b36",
            include_str!("../../data/sources/002_3be7c62d43463b36.txt"),
        ),
        (
            "003_aa2be337efc126e9",
            include_str!("../../data/sources/003_aa2be337efc126e9.txt"),
        ),
        (
            "004_02206ce5f1357834",
            include_str!("../../data/sources/004_02206ce5f1357834.txt"),
        ),
    ];

    /// The visual string of some pieces: RTL pieces reversed.
    fn visual(runs: &[VisualRun]) -> String {
        runs.iter()
            .map(|r| {
                if r.rtl {
                    r.text.chars().rev().collect()
                } else {
                    r.text.clone()
                }
            })
            .collect()
    }

    /// Each mirrored pair folded onto one character, for comparing with
    /// `reorder_line`, which does not mirror.
    fn fold_mirrors(s: &str) -> String {
        s.chars().map(|c| c.min(mirrored(c))).collect()
    }

    /// `reorder_line` over `line` of `paragraph`, computed independently.
    fn reference(paragraph: &str, base: Direction, line: Range<usize>) -> String {
        let info = BidiInfo::new(paragraph, Some(base.level()));
        let mut out = String::new();
        for para in &info.paragraphs {
            let start = line.start.max(para.range.start);
            let end = line.end.min(para.range.end);
            if start >= end {
                continue;
            }
            if info.levels[start..end].iter().any(|l| l.is_rtl()) {
                out.push_str(&info.reorder_line(para, start..end));
            } else {
                // reorder_line returns the line as it is when no character
                // has an odd level before rule L1, even in a right-to-left
                // paragraph where L1 moves trailing white space, tabs and
                // controls to the paragraph's level. Do L1 and L2 per
                // character instead.
                let levels = info.reordered_levels_per_char(para, start..end);
                let chars: Vec<char> = paragraph[start..end].chars().collect();
                let first = paragraph[..start].chars().count();
                let line_levels = &levels[first..first + chars.len()];
                for i in BidiInfo::reorder_visual(line_levels) {
                    out.push(chars[i]);
                }
            }
        }
        out
    }

    /// Checks everything that must hold of the pieces of a line.
    fn check_line(paragraph: &str, base: Direction, line: Range<usize>) -> String {
        let runs = visual_runs_in(paragraph, base, line.clone());
        let got = visual(&runs);
        let want = reference(paragraph, base, line.clone());
        assert_eq!(
            fold_mirrors(&got),
            fold_mirrors(&want),
            "line {:?} of {paragraph:?} at {base:?}",
            &paragraph[line.clone()]
        );
        // Every piece is one the shaper guesses right.
        for run in &runs {
            assert!(!run.text.is_empty(), "{runs:?}");
            if run.rtl {
                assert!(run.text.chars().any(is_rtl_script), "{run:?}");
            } else {
                assert!(!run.text.chars().any(is_rtl_script), "{run:?}");
            }
            let source = &paragraph[run.logical.clone()];
            let mut a: Vec<char> = source.chars().map(|c| c.min(mirrored(c))).collect();
            let mut b: Vec<char> = run.text.chars().map(|c| c.min(mirrored(c))).collect();
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b, "{run:?} is not made of {source:?}");
        }
        // The logical ranges cover the line exactly once.
        let mut ranges: Vec<Range<usize>> = runs.iter().map(|r| r.logical.clone()).collect();
        ranges.sort_by_key(|r| r.start);
        let mut at = line.start;
        for r in ranges {
            assert_eq!(r.start, at, "{runs:?}");
            at = r.end;
        }
        assert_eq!(at, line.end);
        got
    }

    #[test]
    fn direction_of_paragraphs() {
        assert_eq!(paragraph_direction("hello"), Direction::Ltr);
        assert_eq!(paragraph_direction("مرحبا hello"), Direction::Rtl);
        assert_eq!(paragraph_direction("2020 (مرحبا) hello"), Direction::Rtl);
        assert_eq!(
            paragraph_direction("Published On 26/11/2020"),
            Direction::Ltr
        );
        assert_eq!(paragraph_direction("123 - ..."), Direction::Ltr);
        assert_eq!(paragraph_direction(""), Direction::Ltr);
        // Isolates are skipped.
        assert_eq!(
            paragraph_direction("\u{2067}مرحبا\u{2069} hi"),
            Direction::Ltr
        );
    }

    #[test]
    fn pure_ltr_is_one_piece() {
        let runs = visual_runs("Published On 26/11/2020", Direction::Ltr);
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].text, "Published On 26/11/2020");
        assert!(!runs[0].rtl);
        assert!(!needs_bidi("Published On 26/11/2020 (x) “y”"));
        assert!(needs_bidi("x ١٢"));
        assert!(needs_bidi("x ۱۲"));
        assert!(visual_runs("", Direction::Rtl).is_empty());
    }

    #[test]
    fn arabic_words_are_one_piece() {
        let text = "وافق البرلمان التركي، الثلاثاء";
        let runs = visual_runs(text, Direction::Rtl);
        assert_eq!(runs.len(), 1, "{runs:?}");
        assert!(runs[0].rtl);
        assert_eq!(runs[0].text, text);
        assert_eq!(runs[0].logical, 0..text.len());
    }

    #[test]
    fn brackets_are_mirrored() {
        let text = "تحديد (وضع) المراقبة";
        let runs = visual_runs(text, Direction::Rtl);
        let texts: Vec<(&str, bool)> = runs.iter().map(|r| (r.text.as_str(), r.rtl)).collect();
        assert_eq!(
            texts,
            [
                ("المراقبة", true),
                (" (", false), // from ") "
                ("وضع", true),
                (") ", false), // from " ("
                ("تحديد", true),
            ]
        );
        assert_eq!(&text[runs[1].logical.clone()], ") ");
        assert_eq!(visual(&runs), "ةبقارملا (عضو) ديدحت");
        check_line(text, Direction::Rtl, 0..text.len());

        let text = "«الانفصالية» [1]";
        let got = check_line(text, Direction::Rtl, 0..text.len());
        assert_eq!(got, "[1] «ةيلاصفنالا»");
    }

    #[test]
    fn date_in_arabic_sentence() {
        let text = "الثلاثاء 17 نوفمبر/تشرين الثاني 2020، على";
        let runs = visual_runs(text, Direction::Rtl);
        let texts: Vec<&str> = runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "، على",
                "2020",
                " ",
                "تشرين الثاني",
                "/",
                "نوفمبر",
                " ",
                "17",
                " ",
                "الثلاثاء",
            ],
            "{runs:?}"
        );
        let shown = check_line(text, Direction::Rtl, 0..text.len());
        assert!(shown.starts_with("ىلع ،2020 "), "{shown}");
        assert!(shown.contains(" 17 "), "{shown}");
    }

    #[test]
    fn arabic_indic_digits_stay_left_to_right() {
        // ١٢٣ are Arabic script: the shaper would reverse them, so they are
        // handed over reversed.
        let text = "العدد ١٢٣ هنا";
        let runs = visual_runs(text, Direction::Rtl);
        let digits = runs.iter().find(|r| r.text.contains('١')).unwrap();
        assert!(digits.rtl);
        assert_eq!(digits.text, "٣٢١");
        assert!(check_line(text, Direction::Rtl, 0..text.len()).contains("١٢٣"));
        let text = "abc ۱۲۳ ١٢٣٫٥";
        let got = check_line(text, Direction::Ltr, 0..text.len());
        assert_eq!(got, text);
    }

    #[test]
    fn clusters_stay_together_when_reversed() {
        assert_eq!(reverse_clusters("a\u{0301}b", false), "ba\u{0301}");
        assert_eq!(reverse_clusters("(x]", true), "[x)");
        assert_eq!(
            reverse_clusters("\u{1F468}\u{200D}\u{1F469}!", false),
            "!\u{1F468}\u{200D}\u{1F469}"
        );
    }

    /// A small deterministic generator (xorshift).
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[(self.next() % items.len() as u64) as usize]
        }
    }

    #[test]
    fn matches_reorder_line_on_many_strings() {
        let tokens = [
            "قره باغ",
            "أذربيجان",
            "الأرمينية",
            "وفقاً",
            "مُدَّة",
            "Kalbajar",
            "Sep",
            "2020",
            "26/11/2020",
            "17",
            "١٢٣",
            "۱۲",
            "3.5%",
            "-5",
            "+1",
            "$20",
            " ",
            " ",
            " ",
            "  ",
            "(",
            ")",
            "[",
            "]",
            "\"",
            "“",
            "”",
            "«",
            "»",
            "'",
            "-",
            "–",
            "/",
            ".",
            ":",
            ",",
            "،",
            "؟",
            "؛",
            "!",
            "…",
            "ـ",
            "\u{00A0}",
            "\u{200F}",
            "\u{200E}",
            "\u{2067}",
            "\u{2066}",
            "\u{2069}",
            "\u{202B}",
            "\u{202C}",
            "\t",
            "עברית",
        ];
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..3000 {
            let n = 1 + (rng.next() % 12) as usize;
            let text: String = (0..n).map(|_| rng.pick(&tokens)).collect();
            for base in [Direction::Ltr, Direction::Rtl] {
                check_line(&text, base, 0..text.len());
                // And a line in the middle of it, cut between clusters (as
                // break_lines cuts).
                let bounds: Vec<usize> = text
                    .char_indices()
                    .filter(|&(_, c)| bidi_class(c) != BidiClass::NSM)
                    .map(|(i, _)| i)
                    .chain([text.len()])
                    .collect();
                let a = bounds[(rng.next() % bounds.len() as u64) as usize];
                let b = bounds[(rng.next() % bounds.len() as u64) as usize];
                let (a, b) = (a.min(b), a.max(b));
                if a < b {
                    check_line(&text, base, a..b);
                }
            }
        }
    }

    fn words(s: &str) -> Vec<String> {
        fold_mirrors(s)
            .split_whitespace()
            .map(str::to_owned)
            .collect()
    }

    /// Maximal runs of ASCII digits and `/`, with a digit at each end.
    fn numbers(s: &str) -> Vec<&str> {
        s.split(|c: char| !(c.is_ascii_digit() || c == '/'))
            .map(|t| t.trim_matches('/'))
            .filter(|t| !t.is_empty())
            .collect()
    }

    #[test]
    fn corpus_lines_match_reorder_line() {
        let mut seen_date = false;
        let mut seen_brackets = false;
        let mut seen_rtl = 0;
        for (name, text) in CORPUS {
            for line in text.lines() {
                let base = paragraph_direction(line);
                if base.is_rtl() {
                    seen_rtl += 1;
                }
                let runs = visual_runs(line, base);
                let got = visual(&runs);
                let want = reference(line, base, 0..line.len());
                assert_eq!(words(&got), words(&want), "{name}: {line}");
                check_line(line, base, 0..line.len());
                for number in numbers(line) {
                    assert!(got.contains(number), "{name}: {number} in {got}");
                }
                if line.contains("26/11/2020") {
                    seen_date = true;
                    assert!(got.contains("26/11/2020"));
                }
                if line.contains("(وضع)") {
                    seen_brackets = true;
                    assert!(got.contains("(عضو)"), "{got}");
                }
            }
        }
        assert!(seen_date && seen_brackets);
        assert!(seen_rtl > 50, "{seen_rtl}");
    }

    #[test]
    fn date_with_month_names_from_corpus() {
        let line = CORPUS[0].1.lines().next().unwrap();
        assert!(line.contains("17 نوفمبر/تشرين الثاني 2020"));
        let got = visual(&visual_runs(line, Direction::Rtl));
        // Right to left: 17, then the month names, then 2020; so visually
        // 2020 is left of the names, and 17 right of them.
        let y = got.find("2020").unwrap();
        let month = got.find("ربمفون").unwrap();
        let day = got.find("17").unwrap();
        assert!(y < month && month < day, "{got}");
    }

    fn check_breaks(text: &str, width: f32, lines: &[Range<usize>]) {
        let measure = |s: &str| s.chars().count() as f32 * 7.0;
        // Together the lines are the text, in order.
        let joined: String = lines.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(joined, text);
        let mut at = 0;
        for r in lines {
            assert_eq!(r.start, at);
            at = r.end;
        }
        for (i, r) in lines.iter().enumerate() {
            let line = &text[r.clone()];
            let content = line.trim_end_matches(is_break_space);
            let one_word = !content.contains(is_break_space);
            assert!(
                measure(content) <= width || one_word,
                "line {line:?} is too wide for {width}"
            );
            if one_word && measure(content) > width {
                // A cut word: only its first cluster may overflow.
                assert!(content.chars().count() == 1 || measure(content) <= width);
            }
            // Greedy: the next line's first word did not fit here.
            if let Some(next) = lines.get(i + 1) {
                let rest = &text[next.clone()];
                let first_word_end = rest.find(is_break_space).unwrap_or(rest.len());
                if line.ends_with(is_break_space) {
                    let with_next = format!("{line}{}", &rest[..first_word_end]);
                    assert!(measure(&with_next) > width, "{with_next:?} fits in {width}");
                }
            }
        }
    }

    #[test]
    fn break_lines_on_corpus_keeps_logical_order() {
        let mut measure = |s: &str| s.chars().count() as f32 * 7.0;
        for (name, text) in CORPUS {
            for paragraph in text.lines() {
                let base = paragraph_direction(paragraph);
                for width in [120.0, 300.0, 700.0] {
                    let lines = break_lines(paragraph, width, &mut measure);
                    check_breaks(paragraph, width, &lines);
                    if paragraph.chars().count() as f32 * 7.0 > width * 1.5 {
                        assert!(lines.len() > 1, "{name}: {paragraph}");
                    }
                    // Each line, reordered within its paragraph, matches
                    // reorder_line; the first visual line has the first words.
                    for line in &lines {
                        check_line(paragraph, base, line.clone());
                    }
                    let first = &paragraph[lines[0].clone()];
                    let first_word = paragraph.split_whitespace().next().unwrap_or("");
                    assert!(first.contains(first_word));
                }
            }
        }
    }

    #[test]
    fn break_lines_edge_cases() {
        let mut measure = |s: &str| s.chars().count() as f32 * 7.0;
        assert_eq!(break_lines("", 50.0, &mut measure), [0..0]);
        assert_eq!(break_lines("abc", f32::NAN, &mut measure), [0..3]);
        assert_eq!(break_lines("ab cd", 35.0, &mut measure), [0..5]);
        assert_eq!(break_lines("ab cd", 34.0, &mut measure), vec![0..3, 3..5]);
        // Trailing spaces do not count.
        assert_eq!(
            break_lines("ab     cd", 14.0, &mut measure),
            vec![0..7, 7..9]
        );
        // An over-long word is cut, as much as fits on each line.
        assert_eq!(
            break_lines("abcdefgh ij", 21.0, &mut measure),
            vec![0..3, 3..6, 6..9, 9..11]
        );
        // At least one cluster per line, marks kept with their base.
        let text = "مُدَّة";
        let lines = break_lines(text, 1.0, &mut measure);
        let parts: Vec<&str> = lines.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(parts, ["مُ", "دَّ", "ة"]);
        // Leading spaces stay on the first line.
        assert_eq!(break_lines("  ab cd", 35.0, &mut measure), vec![0..5, 5..7]);
        assert_eq!(break_lines("   ", 7.0, &mut measure), [0..3]);
        assert_eq!(trim_line_end("ab  cd \t", 0..4), 0..2);
        assert_eq!(trim_line_end("ab  cd \t", 4..8), 4..6);
        assert_eq!(trim_line_end("ab\u{00A0}", 0..4), 0..4);
    }

    #[test]
    fn cutting_pieces_keeps_the_visual_order() {
        let visual = |runs: &[VisualRun]| -> String {
            runs.iter()
                .map(|r| {
                    if r.rtl {
                        r.text.chars().rev().collect::<String>()
                    } else {
                        r.text.clone()
                    }
                })
                .collect()
        };
        let text = "قال مسؤول (وضع) في 17 نوفمبر/تشرين الثاني 2020، Published On اليوم";
        let base = paragraph_direction(text);
        let whole = visual_runs(text, base);
        let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(3).collect();
        let cut = split_runs(text, whole.clone(), &cuts);
        assert!(cut.len() > whole.len());
        assert_eq!(visual(&cut), visual(&whole));
        for r in &cut {
            assert!(
                cuts.iter()
                    .all(|&c| c <= r.logical.start || c >= r.logical.end),
                "{r:?}"
            );
        }
    }
}
