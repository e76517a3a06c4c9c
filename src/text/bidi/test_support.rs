//! What the tests of the pieces and of line breaking share: the corpus, and
//! the check that a line's pieces match `unicode-bidi`'s `reorder_line`.
#![allow(clippy::unwrap_used)]

use std::ops::Range;

use unicode_bidi::BidiInfo;

use super::script::is_rtl_script;
use super::{Direction, VisualRun, mirrored, visual_runs_in};

pub(super) const CORPUS: &[(&str, &str)] = &[
    (
        "000_e9a2265f803ec764",
        include_str!("../../../data/sources/000_e9a2265f803ec764.txt"),
    ),
    (
        "001_fa7c7b3e50b8450d",
        include_str!("../../../data/sources/001_fa7c7b3e50b8450d.txt"),
    ),
    (
        "002_3be7c62d43463b36",
        include_str!("../../../data/sources/002_3be7c62d43463b36.txt"),
    ),
    (
        "003_aa2be337efc126e9",
        include_str!("../../../data/sources/003_aa2be337efc126e9.txt"),
    ),
    (
        "004_02206ce5f1357834",
        include_str!("../../../data/sources/004_02206ce5f1357834.txt"),
    ),
];

/// The visual string of some pieces: RTL pieces reversed.
pub(super) fn visual(runs: &[VisualRun]) -> String {
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
pub(super) fn fold_mirrors(s: &str) -> String {
    s.chars().map(|c| c.min(mirrored(c))).collect()
}

/// `reorder_line` over `line` of `paragraph`, computed independently.
pub(super) fn reference(paragraph: &str, base: Direction, line: Range<usize>) -> String {
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
pub(super) fn check_line(paragraph: &str, base: Direction, line: Range<usize>) -> String {
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
