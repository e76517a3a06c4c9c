//! The source reader's text as laid out by egui with the bundled fonts: on
//! real corpus paragraphs (Arabic with digits, dates like 26/11/2020, Latin,
//! slashes, quotation marks, brackets), every row shows its words in the
//! order UAX #9 gives (computed independently by `unicode-bidi`), wrapping
//! keeps logical order from row to row, and a highlight covers exactly the
//! glyphs of its quote. No window: a headless egui context.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use egui::{Color32, FontId};
use karabakh_atlas::model::load_bundled;
use karabakh_atlas::text::bidi::mirrored;
use karabakh_atlas::ui::text::{Mark, MarkedLine, install_fonts, marked_lines};
use unicode_bidi::{BidiInfo, Level};

const WIDTHS: [f32; 3] = [260.0, 420.0, 700.0];

/// Lay out `para` at `width` with `marks`, inside a headless frame whose
/// fonts are installed (they take effect from the second pass).
fn lay_out(para: &str, width: f32, marks: &[Mark]) -> Vec<MarkedLine> {
    thread_local! {
        static CTX: egui::Context = {
            let ctx = egui::Context::default();
            install_fonts(&ctx);
            ctx.run_ui(egui::RawInput::default(), |_| {}).drop_without_applying_deltas();
            ctx
        };
    }
    CTX.with(|ctx| {
        let mut out = Vec::new();
        ctx.run_ui(egui::RawInput::default(), |ui| {
            out = marked_lines(
                ui,
                para,
                FontId::proportional(17.0),
                Color32::BLACK,
                width,
                marks,
            );
        })
        .drop_without_applying_deltas();
        out
    })
}

/// The paragraphs of the corpus with digits, Latin, slashes, quotation marks
/// or brackets (nearly all of them Arabic too).
fn mixed_paragraphs() -> Vec<String> {
    let ds = load_bundled().unwrap();
    let mut out: Vec<String> = ds
        .sources
        .iter()
        .flat_map(|s| s.text.split('\n').map(str::to_owned).collect::<Vec<_>>())
        .filter(|p| {
            p.chars()
                .any(|c| c.is_ascii_digit() || c.is_ascii_alphabetic() || "/()\"“”«»".contains(c))
        })
        .collect();
    out.dedup();
    assert!(out.len() >= 20, "only {} mixed paragraphs", out.len());
    // The cases the issue names must be among them.
    for needle in ["26/11/2020", "(وضع)", "“", "نوفمبر/تشرين", "Published On"] {
        assert!(out.iter().any(|p| p.contains(needle)), "{needle}");
    }
    out
}

/// A character as compared: mirrored pairs count as one (the shaper draws
/// the mirrored glyph in right-to-left runs); spaces, bidi controls, Arabic
/// marks and tatweel not at all; nor alef, whose forms join a preceding lam
/// into one ligature glyph that egui files under the lam.
fn canonical(c: char) -> Option<char> {
    if c.is_whitespace()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || matches!(
            c,
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | 'ا' | 'أ' | 'إ' | 'آ'
        )
    {
        return None;
    }
    let m = mirrored(c);
    Some(if (m as u32) < (c as u32) { m } else { c })
}

/// A word's signature: the set of its compared characters.
fn signature(chars: impl Iterator<Item = char>) -> Vec<char> {
    let mut v: Vec<char> = chars.filter_map(canonical).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The glyphs that draw something or take space, with their centre x (egui
/// 0.37 appends invisible zero-width placeholders after right-to-left runs).
fn drawn_glyphs(line: &MarkedLine) -> Vec<(f32, char)> {
    let mut glyphs: Vec<(f32, char)> = line
        .galley
        .rows
        .iter()
        .flat_map(|r| {
            r.row
                .glyphs
                .iter()
                .filter(|g| g.advance_width > 0.0 || !g.uv_rect.is_nothing())
                .map(move |g| (r.pos.x + g.pos.x + g.advance_width / 2.0, g.chr))
        })
        .collect();
    glyphs.sort_by(|a, b| a.0.total_cmp(&b.0));
    glyphs
}

/// Words of the row as drawn, left to right: glyphs sorted by x, split at
/// space glyphs.
fn drawn_words(line: &MarkedLine) -> Vec<Vec<char>> {
    let mut words: Vec<Vec<char>> = vec![Vec::new()];
    for (_, c) in drawn_glyphs(line) {
        if c.is_whitespace() {
            words.push(Vec::new());
        } else if let Some(w) = words.last_mut() {
            w.push(c);
        }
    }
    words
        .into_iter()
        .map(|w| signature(w.into_iter()))
        .filter(|w| !w.is_empty())
        .collect()
}

/// The same line's words in the order `unicode-bidi` reorders them.
fn uax9_words(para: &str, line: std::ops::Range<usize>) -> Vec<Vec<char>> {
    let info = BidiInfo::new(para, Some(Level::rtl()));
    let p = &info.paragraphs[0];
    let visual = info.reorder_line(p, line);
    visual
        .split(char::is_whitespace)
        .map(|w| signature(w.chars()))
        .filter(|w| !w.is_empty())
        .collect()
}

#[test]
fn every_row_shows_its_words_in_uax9_order_at_three_widths() {
    let mut rows = 0;
    for para in mixed_paragraphs() {
        for width in WIDTHS {
            let lines = lay_out(&para, width, &[]);
            // Rows in logical order: they tile the paragraph from its start.
            assert_eq!(lines.first().map(|l| l.logical.start), Some(0));
            for pair in lines.windows(2) {
                assert_eq!(pair[0].logical.end, pair[1].logical.start, "{para}");
            }
            assert_eq!(lines.last().map(|l| l.logical.end), Some(para.len()));
            for line in &lines {
                assert_eq!(
                    drawn_words(line),
                    uax9_words(&para, line.logical.clone()),
                    "width {width}, row {:?} of: {para}",
                    line.logical
                );
                rows += 1;
            }
        }
    }
    assert!(rows > 100, "{rows} rows checked");
}

#[test]
fn a_mark_over_a_whole_paragraph_spans_each_row_exactly() {
    for para in mixed_paragraphs().iter().take(8) {
        let mark = Mark {
            range: 0..para.len(),
            background: Color32::YELLOW,
            underline: egui::Stroke::NONE,
        };
        for line in lay_out(para, 300.0, &[mark]) {
            let row = &line.galley.rows[0];
            let drawn = drawn_glyphs(&line);
            let (lo, hi) = (
                drawn.first().map_or(0.0, |g| g.0),
                drawn.last().map_or(0.0, |g| g.0),
            );
            assert_eq!(line.spans.len(), 1, "{para}");
            let s = line.spans[0];
            assert!(
                (s.x0 - row.pos.x).abs() < 0.5 && (s.x1 - (row.pos.x + row.size.x)).abs() < 1.0,
                "span {s:?} vs row {:?} {:?}",
                row.pos,
                row.size
            );
            assert!(s.x0 <= lo && hi <= s.x1);
        }
    }
}

#[test]
fn the_first_row_of_a_paragraph_holds_its_first_words() {
    let para = "وقالت وزارة الدفاع الأذرية اليوم إن وحدات جيشها بدأت بالدخول إلى لاتشين غرب قره باغ";
    let lines = lay_out(para, 260.0, &[]);
    assert!(lines.len() >= 2);
    let first = &para[lines[0].logical.clone()];
    assert!(first.starts_with("وقالت وزارة"), "{first}");
    // Right to left: the first word is drawn at the right end of the row.
    let words = drawn_words(&lines[0]);
    assert_eq!(words.last(), Some(&signature("وقالت".chars())));
}

#[test]
fn a_highlight_covers_exactly_the_glyphs_of_its_quote_at_two_widths() {
    let ds = load_bundled().unwrap();
    for id in [
        "kalbajar-handed-over",
        "aghdam-handed-over",
        "french-minsk",
        "vote-17-nov",
        "peacekeepers-size",
    ] {
        let c = ds.citation(id).unwrap();
        let text = &ds.source(&c.source).unwrap().text;
        // The paragraph holding the quote.
        let start = text[..c.byte_range.start].rfind('\n').map_or(0, |i| i + 1);
        let end = text[c.byte_range.end..]
            .find('\n')
            .map_or(text.len(), |i| c.byte_range.end + i);
        let para = &text[start..end];
        let quote = c.byte_range.start - start..c.byte_range.end - start;
        let mark = Mark {
            range: quote.clone(),
            background: Color32::YELLOW,
            underline: egui::Stroke::NONE,
        };
        for width in [300.0, 640.0] {
            let lines = lay_out(para, width, std::slice::from_ref(&mark));
            let mut covered_rows = 0;
            for line in &lines {
                let inside: Vec<(f32, f32)> = line
                    .spans
                    .iter()
                    .filter(|s| s.mark == 0)
                    .map(|s| (s.x0, s.x1))
                    .collect();
                let shown = karabakh_atlas::text::bidi::trim_line_end(para, line.logical.clone());
                let on_line = shown.start.max(quote.start)..shown.end.min(quote.end);
                let glyphs = drawn_glyphs(line);
                let in_span: Vec<char> = glyphs
                    .iter()
                    .filter(|(x, _)| inside.iter().any(|&(a, b)| a <= *x && *x <= b))
                    .map(|&(_, c)| c)
                    .collect();
                let expected = if on_line.is_empty() {
                    ""
                } else {
                    &para[on_line.clone()]
                };
                // The same letters, and the same number of word gaps, inside the span.
                assert_eq!(
                    signature(in_span.iter().copied()),
                    signature(expected.chars()),
                    "{id} at {width}: letters inside the highlight"
                );
                let spaces =
                    |s: &mut dyn Iterator<Item = char>| s.filter(|c| c.is_whitespace()).count();
                assert_eq!(
                    spaces(&mut in_span.iter().copied()),
                    spaces(&mut expected.chars()),
                    "{id} at {width}: word gaps inside the highlight"
                );
                // The span starts and ends at glyphs of the quote: no glyph of
                // the rest of the line has its centre inside it.
                if !on_line.is_empty() {
                    covered_rows += 1;
                    let rest: String = para[shown.clone()]
                        .char_indices()
                        .filter(|(i, _)| !on_line.contains(&(shown.start + i)))
                        .map(|(_, c)| c)
                        .collect();
                    let outside: Vec<char> = glyphs
                        .iter()
                        .filter(|(x, _)| !inside.iter().any(|&(a, b)| a <= *x && *x <= b))
                        .map(|&(_, c)| c)
                        .collect();
                    assert_eq!(
                        signature(outside.iter().copied()),
                        signature(rest.chars()),
                        "{id} at {width}: letters outside the highlight"
                    );
                }
            }
            assert!(covered_rows >= 1, "{id}");
        }
    }
}

/// A dataset may bring Hebrew, Armenian or Georgian text: every family the
/// viewer uses has glyphs for them (the bundled Noto fonts for those
/// scripts), and a Hebrew paragraph with Armenian and Georgian words is laid
/// out in UAX #9 order like an Arabic one.
#[test]
fn hebrew_armenian_and_georgian_text_has_glyphs_and_bidi_order() {
    let samples = ["ירושלים", "Երևան", "თბილისი"];
    let ctx = egui::Context::default();
    install_fonts(&ctx);
    ctx.run_ui(egui::RawInput::default(), |_| {})
        .drop_without_applying_deltas();
    for family in [
        egui::FontFamily::Proportional,
        egui::FontFamily::Name(karabakh_atlas::ui::text::ARABIC_FAMILY.into()),
        egui::FontFamily::Name(karabakh_atlas::ui::text::BOLD_FAMILY.into()),
        egui::FontFamily::Name(karabakh_atlas::ui::text::ARABIC_BOLD_FAMILY.into()),
    ] {
        for s in samples {
            let font = FontId::new(14.0, family.clone());
            assert!(
                ctx.fonts_mut(|f| f.has_glyphs(&font, s)),
                "{family:?} has no glyphs for {s}"
            );
        }
    }
    // Letters of a Hebrew word run right to left; Armenian and Georgian
    // letters left to right.
    for (word, rtl) in [("ירושלים", true), ("Երևան", false), ("თბილისი", false)]
    {
        let lines = lay_out(word, 700.0, &[]);
        let drawn: String = lines.iter().flat_map(drawn_glyphs).map(|g| g.1).collect();
        let expected: String = if rtl {
            word.chars().rev().collect()
        } else {
            word.to_owned()
        };
        assert_eq!(drawn, expected);
    }
    let para = "ירושלים ו Երևան (2023) და თბილისი 12 ירושלים";
    for width in WIDTHS {
        for line in lay_out(para, width, &[]) {
            assert_eq!(
                drawn_words(&line),
                uax9_words(para, line.logical.clone()),
                "width {width}, row {:?}",
                line.logical
            );
        }
    }
}

/// The reader's find over the whole bundled corpus: every spelling of Aghdam
/// (with or without the hamza on its alef) is found from either query. (The
/// same check on corpus phrases is a unit test of `text::search`, which, as
/// a leaf layer, does not load the dataset.)
#[test]
fn every_spelling_of_aghdam_in_the_corpus_is_found_from_either_query() {
    use karabakh_atlas::text::search::find_all;
    let ds = load_bundled().unwrap();
    for q in ["أغدام", "آغدام"] {
        let mut found: Vec<String> = Vec::new();
        for s in &ds.sources {
            found.extend(
                find_all(&s.text, q)
                    .into_iter()
                    .map(|r| s.text[r].to_owned()),
            );
        }
        // Counted independently, by exact substring.
        let exact: usize = ds
            .sources
            .iter()
            .map(|s| s.text.matches("أغدام").count() + s.text.matches("آغدام").count())
            .sum();
        assert_eq!(found.len(), exact, "{q}");
        assert!(
            found.iter().any(|f| f == "أغدام") && found.iter().any(|f| f == "آغدام"),
            "{q}: {found:?}"
        );
    }
}
