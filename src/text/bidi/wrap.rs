//! Greedy line breaking in logical order, so that the first visual line of
//! a paragraph holds its first words. A word too long for a line is cut
//! between display clusters (`unicode-segmentation`). The spaces a line may
//! break after are a short list kept here: lines break only at spaces, not
//! by UAX #14's classes.

use std::ops::Range;

use super::clusters::clusters;

/// Spaces after which a line may break. Not the no-break spaces (U+00A0,
/// U+2007, U+202F). A newline counts as one.
pub(super) fn is_break_space(c: char) -> bool {
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

/// Where the line starting at `start` ends: after the last break whose
/// content fits in `max_width`, else inside the first word (cut between
/// clusters). A longer prefix is never narrower, so the last break that
/// fits is found by bisection, measuring a handful of prefixes per line
/// instead of one per word.
fn line_end(
    text: &str,
    start: usize,
    breaks: &[(usize, usize)],
    max_width: f32,
    measure: &mut dyn FnMut(&str) -> f32,
) -> usize {
    let ahead = &breaks[breaks.partition_point(|&(end, _)| end <= start)..];
    let mut fits = |content_end: usize| {
        content_end <= start || text.get(start..content_end).map_or(0.0, &mut *measure) <= max_width
    };
    // ahead[..lo] fit and ahead[hi..] do not.
    let (mut lo, mut hi) = (0, ahead.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if fits(ahead[mid].1) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    match (lo, ahead.first()) {
        (0, Some(&(_, content_end))) => cut_word(text, start, content_end, max_width, measure),
        (0, None) => text.len(),
        (n, _) => ahead[n - 1].0,
    }
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
    let mut ends: Vec<usize> = clusters(word).skip(1).map(|(i, _)| start + i).collect();
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
    use crate::text::bidi::paragraph_direction;
    use crate::text::bidi::test_support::{CORPUS, check_line};

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
    fn over_long_words_are_cut_between_grapheme_clusters() {
        let mut measure = |s: &str| s.chars().count() as f32 * 7.0;
        // Two flags (two regional indicators each) and an emoji with a
        // skin tone: never split inside one.
        let text = "\u{1F1E6}\u{1F1FF}\u{1F1E6}\u{1F1F2}\u{1F44B}\u{1F3FD}";
        let lines = break_lines(text, 1.0, &mut measure);
        let parts: Vec<&str> = lines.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            parts,
            [
                "\u{1F1E6}\u{1F1FF}",
                "\u{1F1E6}\u{1F1F2}",
                "\u{1F44B}\u{1F3FD}"
            ]
        );
    }

    #[test]
    fn a_line_is_found_with_a_few_measurements_not_one_per_word() {
        let text = ["كلمة"; 400].join(" ");
        let mut calls = 0;
        let mut measure = |s: &str| {
            calls += 1;
            s.chars().count() as f32 * 7.0
        };
        // About 40 words a line: ten lines.
        let lines = break_lines(&text, 40.0 * 5.0 * 7.0, &mut measure);
        check_breaks(&text, 40.0 * 5.0 * 7.0, &lines);
        assert_eq!(lines.len(), 10);
        // Bisection over the ~400 breaks ahead: at most 10 measurements a
        // line (one per word would be over 40).
        assert!(calls <= 10 * lines.len(), "{calls} measurements");
    }
}
