//! The pieces of a line in visual order (UAX #9 through `unicode-bidi`, rules
//! L1–L2 per run), each prepared for a shaper that guesses its direction
//! from its script, and cut again at the ends of marked spans.

use std::ops::Range;

use unicode_bidi::BidiInfo;

use super::clusters::{clusters, reverse_clusters};
use super::direction::Direction;
use super::script::{cluster_is_rtl, is_arabic_joiner};
use super::wrap::is_break_space;

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
/// paragraph direction. See the [module docs](super) for what a piece is.
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

/// A left-to-right run: as it is, except that stretches of display clusters
/// of a right-to-left script (here mostly Arabic-script digits) are reversed
/// so that the right-to-left shaper turns them back.
fn push_ltr_run(text: &str, run: Range<usize>, out: &mut Vec<VisualRun>) {
    let Some(slice) = text.get(run.clone()) else {
        return;
    };
    let mut piece_start = 0;
    let mut piece_rtl = None;
    for (i, cluster) in clusters(slice) {
        let rtl = cluster_is_rtl(cluster).unwrap_or(false);
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

/// How a display cluster inside a right-to-left run is treated.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Of a right-to-left script: the shaper guesses RTL for a piece that
    /// holds one.
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
    // Kinds per display cluster: a combining mark goes with its base.
    let parts: Vec<(usize, &str, Kind)> = clusters(slice)
        .map(|(i, cluster)| {
            let kind = match cluster_is_rtl(cluster) {
                Some(true) => Kind::Strong,
                Some(false) => Kind::Other,
                None if cluster.chars().next().is_some_and(is_arabic_joiner) => Kind::Joiner,
                None => Kind::Other,
            };
            (i, cluster, kind)
        })
        .collect();

    // Which clusters belong to an Arabic piece: maximal stretches of
    // Strong/Joiner clusters, less the white space at their edges, that
    // hold at least one Strong cluster.
    let mut arabic = vec![false; parts.len()];
    let mut i = 0;
    while i < parts.len() {
        if parts.get(i).is_some_and(|&(_, _, k)| k == Kind::Other) {
            i += 1;
            continue;
        }
        let mut j = i;
        while parts.get(j).is_some_and(|&(_, _, k)| k != Kind::Other) {
            j += 1;
        }
        let mut lo = i;
        let mut hi = j;
        while lo < hi && parts.get(lo).is_some_and(|&(_, c, _)| starts_with_space(c)) {
            lo += 1;
        }
        while hi > lo
            && parts
                .get(hi - 1)
                .is_some_and(|&(_, c, _)| starts_with_space(c))
        {
            hi -= 1;
        }
        let has_strong = parts
            .get(lo..hi)
            .is_some_and(|s| s.iter().any(|&(_, _, k)| k == Kind::Strong));
        if has_strong && let Some(flags) = arabic.get_mut(lo..hi) {
            flags.fill(true);
        }
        i = j;
    }

    // Pieces in logical order, then emitted in reverse.
    let mut pieces: Vec<(Range<usize>, bool)> = Vec::new();
    for (idx, &(byte, cluster, _)) in parts.iter().enumerate() {
        let is_arabic = arabic.get(idx).copied().unwrap_or(false);
        let end = byte + cluster.len();
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

/// Whether a display cluster is a space (with any marks on it): spaces at
/// the edges of an Arabic stretch are left out of its piece.
fn starts_with_space(cluster: &str) -> bool {
    cluster
        .chars()
        .next()
        .is_some_and(|c| c == '\u{00A0}' || is_break_space(c))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::single_range_in_vec_init)]
mod tests {
    use super::*;
    use crate::text::bidi::test_support::{CORPUS, check_line, fold_mirrors, reference, visual};
    use crate::text::bidi::{needs_bidi, paragraph_direction};
    use unicode_bidi::{BidiClass, bidi_class};

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

    #[test]
    fn grapheme_clusters_stay_whole_in_reversed_pieces() {
        // A flag and an emoji family between Arabic words: the piece of
        // neutrals is reversed cluster by cluster, brackets mirrored.
        let flag = "\u{1F1E6}\u{1F1FF}";
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        let text = format!("قال {flag} ({family}) هنا");
        let runs = visual_runs(&text, Direction::Rtl);
        let shown = visual(&runs);
        // (`reorder_line` would reverse the family's characters one by one.)
        assert!(shown.contains(&format!("({family}) {flag}")), "{shown:?}");
        assert!(
            shown.starts_with("انه") && shown.ends_with("لاق"),
            "{shown:?}"
        );
        // A base with its marks stays one cluster inside an Arabic piece too.
        let text = "مُدَّة (x)";
        let runs = visual_runs(text, Direction::Rtl);
        assert!(runs.iter().any(|r| r.rtl && r.text == "مُدَّة"), "{runs:?}");
    }
}
