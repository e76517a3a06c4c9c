//! Text for the handout: the bundled fonts shaped with harfrust, in visual
//! runs from [`crate::text::bidi`], measured for line breaking and handed to
//! krilla as positioned glyphs (krilla embeds a subset of each font and
//! records which characters every glyph stands for, so the text can be
//! selected, searched and copied in logical order).
//!
//! Faces: Noto Naskh Arabic for a run that contains a right-to-left
//! character, Noto Sans otherwise, regular or bold.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use harfrust::{Direction as HbDirection, FontRef, ShapeOptions, ShaperData, UnicodeBuffer};
use krilla::geom::Point;
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};

use crate::text::bidi::{Direction, break_lines, visual_runs_in};

/// Which face a run is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Face {
    /// Noto Sans.
    Latin,
    /// Noto Naskh Arabic.
    Arabic,
}

/// A bundled face parsed once for harfrust and once for krilla.
struct Loaded {
    font: FontRef<'static>,
    data: ShaperData,
    units_per_em: f32,
    pdf: Font,
}

fn load(bytes: &'static [u8]) -> Option<Loaded> {
    let font = FontRef::from_index(bytes, 0).ok()?;
    let data = ShaperData::new(&font);
    let upem = data.shaper(&font).build().units_per_em();
    let units_per_em = f32::from(u16::try_from(upem).ok()?.max(1));
    let pdf = Font::new(bytes.into(), 0)?;
    Some(Loaded {
        font,
        data,
        units_per_em,
        pdf,
    })
}

/// The four faces, in the order (Latin, Latin bold, Arabic, Arabic bold).
fn faces() -> &'static [Option<Loaded>; 4] {
    static FACES: OnceLock<[Option<Loaded>; 4]> = OnceLock::new();
    FACES.get_or_init(|| {
        [
            load(crate::assets::NOTO_SANS),
            load(crate::assets::NOTO_SANS_BOLD),
            load(crate::assets::NOTO_NASKH_ARABIC),
            load(crate::assets::NOTO_NASKH_ARABIC_BOLD),
        ]
    })
}

fn face(which: Face, bold: bool) -> Option<&'static Loaded> {
    let i = match which {
        Face::Latin => 0,
        Face::Arabic => 2,
    } + usize::from(bold);
    faces().get(i).and_then(Option::as_ref)
}

/// One shaped piece of a line: its glyphs (advances in ems), its text, its
/// face and its width in ems.
pub(super) struct Shaped {
    glyphs: Vec<KrillaGlyph>,
    text: String,
    pdf: Font,
    /// Width in ems.
    pub em: f32,
}

impl Shaped {
    /// The text the piece shows, in reading order.
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// `text` shaped as one run in `which` face, right to left when `rtl`.
fn shape_run(text: &str, rtl: bool, which: Face, bold: bool) -> Option<Shaped> {
    let f = face(which, bold)?;
    let shaper = f.data.shaper(&f.font).build();
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.set_direction(if rtl {
        HbDirection::RightToLeft
    } else {
        HbDirection::LeftToRight
    });
    buffer.guess_segment_properties();
    let shaped = shaper.shape(buffer, ShapeOptions::new());
    let infos = shaped.glyph_infos();
    let positions = shaped.glyph_positions();
    // Cluster starts, to give each glyph the text range it stands for.
    let mut starts: Vec<usize> = infos.iter().map(|i| i.cluster as usize).collect();
    starts.sort_unstable();
    starts.dedup();
    let end_of = |start: usize| {
        starts
            .iter()
            .copied()
            .find(|&s| s > start)
            .unwrap_or(text.len())
    };
    let mut em = 0.0;
    #[allow(clippy::cast_precision_loss)] // font units are small
    let glyphs = infos
        .iter()
        .zip(positions)
        .map(|(info, pos)| {
            let start = info.cluster as usize;
            let g = KrillaGlyph {
                glyph_id: GlyphId::new(info.glyph_id),
                text_range: start..end_of(start),
                x_advance: pos.x_advance as f32 / f.units_per_em,
                x_offset: pos.x_offset as f32 / f.units_per_em,
                y_offset: pos.y_offset as f32 / f.units_per_em,
                y_advance: pos.y_advance as f32 / f.units_per_em,
                location: None,
            };
            em += g.x_advance;
            g
        })
        .collect();
    Some(Shaped {
        glyphs,
        text: text.to_owned(),
        pdf: f.pdf.clone(),
        em,
    })
}

/// Whether `c` is in one of the Arabic script's blocks (letters, marks,
/// digits, punctuation such as `،`), which Noto Sans does not cover.
pub(super) fn is_arabic_script(c: char) -> bool {
    matches!(
        c,
        '\u{0600}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{08A0}'..='\u{08FF}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}'
    )
}

/// `text` cut where it changes between Arabic script and the rest, each
/// piece with whether it is Arabic script; a character of neither (a space,
/// a full stop) stays with the piece before it.
fn by_script(text: &str) -> Vec<(&str, bool)> {
    let mut out: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    let mut current: Option<bool> = None;
    for (i, c) in text.char_indices() {
        let arabic = if is_arabic_script(c) {
            Some(true)
        } else if c.is_alphanumeric() {
            Some(false)
        } else {
            None
        };
        match (current, arabic) {
            (Some(a), Some(b)) if a != b => {
                out.push((text.get(start..i).unwrap_or_default(), a));
                start = i;
                current = Some(b);
            }
            (None, Some(b)) => current = Some(b),
            _ => {}
        }
    }
    out.push((
        text.get(start..).unwrap_or_default(),
        current.unwrap_or(false),
    ));
    out
}

/// The pieces of the line `line` (a byte range) of `paragraph`, shaped, in
/// visual order (left to right). A right-to-left run is set in the Arabic
/// face; a left-to-right run in Noto Sans, except its Arabic-script pieces
/// (Arabic-Indic digits, an Arabic comma between neutrals), which are set
/// in the Arabic face.
pub(super) fn shape_line(
    paragraph: &str,
    base: Direction,
    line: std::ops::Range<usize>,
    bold: bool,
) -> Vec<Shaped> {
    let mut out = Vec::new();
    for r in visual_runs_in(paragraph, base, line) {
        if r.text.is_empty() {
            continue;
        }
        if r.rtl {
            out.extend(shape_run(&r.text, true, Face::Arabic, bold));
            continue;
        }
        for (piece, arabic) in by_script(&r.text) {
            let which = if arabic { Face::Arabic } else { Face::Latin };
            out.extend(shape_run(piece, false, which, bold));
        }
    }
    out
}

thread_local! {
    /// Widths in ems of the strings measured so far, by (text, right to
    /// left, bold): line breaking measures the same prefixes again and
    /// again while a stop is fitted to its page. Emptied by [`forget_widths`].
    static WIDTHS: RefCell<HashMap<(String, bool, bool), f32>> = RefCell::new(HashMap::new());
}

/// The width of `text` (one line) at `size` points.
pub(super) fn width(text: &str, base: Direction, size: f32, bold: bool) -> f32 {
    let key = (text.to_owned(), base.is_rtl(), bold);
    if let Some(em) = WIDTHS.with(|w| w.borrow().get(&key).copied()) {
        return em * size;
    }
    let em = shape_line(text, base, 0..text.len(), bold)
        .iter()
        .map(|s| s.em)
        .sum::<f32>();
    WIDTHS.with(|w| w.borrow_mut().insert(key, em));
    em * size
}

/// Empty the cache of widths (when a handout is done).
pub(super) fn forget_widths() {
    WIDTHS.with(|w| w.borrow_mut().clear());
}

/// `text` broken into lines no wider than `max` points at `size`, as byte
/// ranges of `text`, in logical order (trailing spaces kept with the line).
pub(super) fn wrap(
    text: &str,
    base: Direction,
    size: f32,
    bold: bool,
    max: f32,
) -> Vec<std::ops::Range<usize>> {
    break_lines(text, max, &mut |s| width(s, base, size, bold))
}

/// Draw one piece with its left end at `(x, baseline)` at `size` points
/// with the surface's current fill.
pub(super) fn draw(surface: &mut Surface<'_>, piece: &Shaped, x: f32, baseline: f32, size: f32) {
    surface.draw_glyphs(
        Point::from_xy(x, baseline),
        &piece.glyphs,
        piece.pdf.clone(),
        &piece.text,
        size,
        false,
    );
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn arabic_is_measured_joined_and_wraps_to_the_width() {
        let text = "أعلنت وزارة الدفاع الأذربيجانية دخول وحدات الجيش إلى محافظة لاتشين";
        let one = width(text, Direction::Rtl, 12.0, false);
        assert!(one > 100.0, "{one}");
        let lines = wrap(text, Direction::Rtl, 12.0, false, one / 2.0);
        assert!(lines.len() >= 2, "{lines:?}");
        for l in &lines {
            let w = width(text[l.clone()].trim_end(), Direction::Rtl, 12.0, false);
            assert!(w <= one / 2.0 + 0.01, "{w}");
        }
        // Joined Arabic is narrower than its letters set apart.
        let apart: f32 = "لاتشين"
            .chars()
            .map(|c| width(&c.to_string(), Direction::Rtl, 12.0, false))
            .sum();
        assert!(width("لاتشين", Direction::Rtl, 12.0, false) < apart);
    }

    #[test]
    fn arabic_punctuation_and_digits_in_a_left_to_right_run_get_the_arabic_face() {
        assert_eq!(
            by_script("SHA ١٢٣، x"),
            vec![("SHA ", false), ("١٢٣، ", true), ("x", false)]
        );
        assert_eq!(by_script("، "), vec![("، ", true)]);
        assert_eq!(by_script(" - "), vec![(" - ", false)]);
    }
}
