//! Text measurement for the layout: how wide a string is at a size, and
//! text wrapped to a width (line breaks from [`crate::text::bidi`]).
//!
//! Widths are real glyph advances: the text is shaped (with harfrust, the
//! shaper usvg uses) in the face usvg would draw it with, so a line wrapped
//! here fits when usvg lays it out. The faces are those of the figures' font
//! database ([`crate::export::raster`]), parsed once; the choice follows
//! usvg's rules for the families the SVG writer declares
//! ([`crate::export::svg`]): "Noto Naskh Arabic" for right-to-left lines and
//! "Noto Sans" otherwise, at weight 700 when bold and 400 otherwise; a
//! character that face lacks (Hebrew, Armenian, Georgian, …) comes from the
//! first face of the database that has it, as usvg's fallback picks it (so
//! fallback text is measured in the face it is drawn in, regular or bold).
//!
//! Kept by hand: the choice of face and fallback, which mirrors usvg's
//! rules because usvg lays text out only inside a whole SVG tree and has no
//! call to measure a string; and the line breaking, which stays
//! [`break_lines`] (only the measure changed).

use std::sync::OnceLock;

use harfrust::{Direction, FontRef, ShapeOptions, ShaperData, UnicodeBuffer};
use resvg::usvg::fontdb;

use crate::export::raster::font_db;
use crate::export::svg::{ARABIC_FAMILY, LATIN_FAMILY};
use crate::text::bidi::{break_lines, paragraph_direction};

/// One face of the font database, parsed for shaping.
struct Face {
    /// Its id in the font database.
    id: fontdb::ID,
    font: FontRef<'static>,
    data: ShaperData,
    /// Font units per em.
    units_per_em: f32,
}

/// Every face of the figures' font database, in its order, parsed once.
fn faces() -> &'static [Face] {
    static FACES: OnceLock<Vec<Face>> = OnceLock::new();
    FACES.get_or_init(|| {
        let db: &'static fontdb::Database = font_db();
        db.faces()
            .filter_map(|info| {
                // The database holds only bytes loaded from memory (other
                // sources exist when fontdb's `fs` feature is on).
                #[allow(irrefutable_let_patterns)]
                let fontdb::Source::Binary(bytes) = &info.source else {
                    return None;
                };
                let bytes: &'static [u8] = (**bytes).as_ref();
                let font = FontRef::from_index(bytes, info.index).ok()?;
                let data = ShaperData::new(&font);
                let units_per_em = data.shaper(&font).build().units_per_em();
                let units_per_em = f32::from(u16::try_from(units_per_em).ok()?.max(1));
                Some(Face {
                    id: info.id,
                    font,
                    data,
                    units_per_em,
                })
            })
            .collect()
    })
}

/// A shaped glyph: where its cluster starts in the text, its advance in
/// font units, the face (index into [`faces`]) and whether the face lacked it.
#[derive(Debug, Clone, Copy)]
struct Glyph {
    cluster: usize,
    advance: i32,
    face: usize,
    missing: bool,
}

/// `text` shaped in face `face`, run by run in visual order (as usvg does:
/// a left-to-right paragraph, each bidi run in its own direction).
fn shape(face: usize, text: &str) -> Vec<Glyph> {
    let Some(f) = faces().get(face) else {
        return Vec::new();
    };
    let shaper = f.data.shaper(&f.font).build();
    let bidi = unicode_bidi::BidiInfo::new(text, Some(unicode_bidi::Level::ltr()));
    let Some(paragraph) = bidi.paragraphs.first() else {
        return Vec::new();
    };
    let (levels, runs) = bidi.visual_runs(paragraph, paragraph.range.clone());
    let mut out = Vec::new();
    for run in runs {
        let Some(sub) = text.get(run.clone()).filter(|s| !s.is_empty()) else {
            continue;
        };
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(sub);
        let ltr = levels.get(run.start).is_none_or(|l| l.is_ltr());
        buffer.set_direction(if ltr {
            Direction::LeftToRight
        } else {
            Direction::RightToLeft
        });
        buffer.guess_segment_properties();
        let shaped = shaper.shape(buffer, ShapeOptions::new());
        for (info, pos) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
            out.push(Glyph {
                cluster: run.start + info.cluster as usize,
                advance: pos.x_advance,
                face,
                missing: info.glyph_id == 0,
            });
        }
    }
    out
}

/// The face usvg picks for a line of `text`: the family the SVG writer
/// declares for its direction, at the weight asked for.
fn primary_face(text: &str, bold: bool) -> Option<usize> {
    let family = if paragraph_direction(text).is_rtl() {
        ARABIC_FAMILY
    } else {
        LATIN_FAMILY
    };
    let id = font_db().query(&fontdb::Query {
        families: &[fontdb::Family::Name(family), fontdb::Family::Serif],
        weight: fontdb::Weight(if bold { 700 } else { 400 }),
        stretch: fontdb::Stretch::Normal,
        style: fontdb::Style::Normal,
    })?;
    faces().iter().position(|f| f.id == id)
}

/// The first face, in the database's order and not yet `used`, that has
/// a glyph for `c` (usvg's fallback).
fn fallback_face(c: char, used: &[usize]) -> Option<usize> {
    let mut one = [0; 4];
    let one: &str = c.encode_utf8(&mut one);
    (0..faces().len()).filter(|i| !used.contains(i)).find(|&i| {
        let glyphs = shape(i, one);
        !glyphs.is_empty() && glyphs.iter().all(|g| !g.missing)
    })
}

/// The advance width of `text` set at `size` points on one line of a
/// figure, in the face (regular or `bold`) usvg draws it with, missing
/// characters from the faces usvg falls back to (see the module doc).
/// Widths are remembered per text (layout asks about the same header and
/// line prefixes for every step), so only new text is shaped.
#[must_use]
pub fn text_width(text: &str, size: f32, bold: bool) -> f32 {
    /// Forget everything past this many texts (a long session of exports).
    const MAX_REMEMBERED: usize = 20_000;
    type Memo = std::collections::HashMap<(bool, String), f32>;
    static MEMO: OnceLock<std::sync::Mutex<Memo>> = OnceLock::new();
    let memo = MEMO.get_or_init(Default::default);
    let key = (bold, text.to_owned());
    // A poisoned lock only means no memo: the width is shaped again.
    if let Some(em) = memo.lock().ok().and_then(|m| m.get(&key).copied()) {
        return em * size;
    }
    let em = em_width(text, bold);
    if let Ok(mut m) = memo.lock() {
        if m.len() >= MAX_REMEMBERED {
            m.clear();
        }
        m.insert(key, em);
    }
    em * size
}

/// The advance width of `text` in ems (see [`text_width`]).
fn em_width(text: &str, bold: bool) -> f32 {
    let Some(first) = primary_face(text, bold) else {
        // Not reached with the bundled fonts; a rough guess.
        #[allow(clippy::cast_precision_loss)]
        return text.chars().count() as f32 * 0.6;
    };
    let mut glyphs = shape(first, text);
    let mut used = vec![first];
    // As usvg: shape the whole text again in a fallback face for the first
    // missing character, and take its glyphs where they are not missing.
    while let Some(c) = glyphs
        .iter()
        .find(|g| g.missing)
        .and_then(|g| text.get(g.cluster..))
        .and_then(|s| s.chars().next())
    {
        let Some(next) = fallback_face(c, &used) else {
            break;
        };
        let other = shape(next, text);
        if other.iter().all(|g| !g.missing) {
            glyphs = other;
            break;
        }
        if other.len() != glyphs.len() {
            break;
        }
        for (g, o) in glyphs.iter_mut().zip(&other) {
            if g.missing && !o.missing {
                *g = *o;
            }
        }
        used.push(next);
    }
    glyphs
        .iter()
        .map(|g| {
            let units = faces()
                .get(g.face)
                .map_or(f32::INFINITY, |f| f.units_per_em);
            #[allow(clippy::cast_precision_loss)] // advances are small integers
            let advance = g.advance as f32;
            advance / units
        })
        .sum()
}

/// `text` broken into lines no wider than `width`, as [`text_width`]
/// measures them.
pub(super) fn wrap(text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
    break_lines(text, width, &mut |s| text_width(s, size, bold))
        .into_iter()
        .map(|r| text.get(r).unwrap_or_default().trim_end().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

/// At most `max` lines, the last ending in "…" if text was cut.
pub(super) fn limit_lines(mut lines: Vec<String>, max: usize) -> Vec<String> {
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            let keep = last.chars().count().saturating_sub(2);
            *last = last.chars().take(keep).collect::<String>() + " …";
        }
    }
    lines
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use resvg::usvg;

    use super::*;
    use crate::export::svg::{Align, SvgWriter, TextStyle};

    /// The width usvg lays `text` out at, written as the figure writer
    /// writes it.
    fn usvg_width(text: &str, size: f32, bold: bool) -> f32 {
        fn find(g: &usvg::Group) -> Option<f32> {
            g.children().iter().find_map(|n| match n {
                usvg::Node::Group(g) => find(g),
                usvg::Node::Text(t) => Some(t.bounding_box().width()),
                _ => None,
            })
        }
        let mut w = SvgWriter::default();
        w.text(
            10.0,
            100.0,
            text,
            &TextStyle {
                size,
                bold,
                color: [0, 0, 0, 255],
                halo: None,
                align: Align::Left,
                centered: false,
            },
        );
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8000\" height=\"200\">{}</svg>",
            w.out
        );
        let opt = usvg::Options {
            font_family: LATIN_FAMILY.to_owned(),
            languages: vec!["en".to_owned(), "ar".to_owned()],
            fontdb: font_db().clone(),
            ..usvg::Options::default()
        };
        find(usvg::Tree::from_str(&svg, &opt).unwrap().root()).unwrap()
    }

    const SAMPLES: [&str; 7] = [
        "Made with Natural Earth. Free vector and raster map data",
        "iiii",
        "MMMM",
        "כלבג'אר ירושלים תל אביב",
        "Լաչին Քարվաճառ Ստեփանակերտ Շուշի",
        "აღდამი ფიზული ჯებრაილი",
        "أغدام وكلبجار ولاتشين",
    ];

    #[test]
    fn widths_are_what_usvg_lays_out() {
        for text in SAMPLES {
            for bold in [false, true] {
                let ours = text_width(text, 15.0, bold);
                let theirs = usvg_width(text, 15.0, bold);
                assert!(
                    (ours - theirs).abs() <= theirs * 0.02,
                    "{text} (bold {bold}): measured {ours}, usvg {theirs}"
                );
            }
        }
        assert!(text_width("iiii", 12.0, false) * 2.5 < text_width("MMMM", 12.0, false));
        assert!(text_width("Lachin", 12.0, true) > text_width("Lachin", 12.0, false));
    }

    #[test]
    fn a_long_armenian_caption_wraps_where_usvg_would_break_it() {
        let caption = "Լաչինի միջանցքը Ստեփանակերտը Հայաստանին կապող միակ ճանապարհն է, \
                       որը փակվեց երկու հազար քսաներեք թվականին";
        let (size, width) = (12.0, 160.0);
        let lines = wrap(caption, size, false, width);
        assert!(lines.len() > 2, "{lines:?}");
        for (i, line) in lines.iter().enumerate() {
            // Each line fits as usvg sets it...
            assert!(usvg_width(line, size, false) <= width + 0.5, "{line}");
            // ...and the next word would not have.
            if let Some(next) = lines.get(i + 1) {
                let word = next.split(' ').next().unwrap();
                let longer = format!("{line} {word}");
                assert!(usvg_width(&longer, size, false) > width, "{longer}");
            }
        }
    }
}
