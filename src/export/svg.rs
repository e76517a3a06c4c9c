//! Writing SVG by hand: the display list ([`Scene`]) as SVG elements, text
//! with the bundled font families and bidi handled for usvg, and numbers
//! with a fixed number of decimals so output is byte-for-byte reproducible.

use std::fmt::Write as _;

use crate::scene::display::{Anchor, Item, Scene, Swatch};
use crate::scene::style::{Rgba, Stroke};
use crate::text::bidi::paragraph_direction;

/// The family of left-to-right text.
pub const LATIN_FAMILY: &str = "Noto Sans";
/// The family of right-to-left (Arabic) text.
pub const ARABIC_FAMILY: &str = "Noto Naskh Arabic";

/// Right-to-left embedding and pop directional formatting: usvg lays every
/// paragraph out left to right, so right-to-left text is embedded.
const RLE: char = '\u{202B}';
const PDF: char = '\u{202C}';

/// A number with at most two decimals, without trailing zeros; non-finite
/// values are written as 0.
#[must_use]
pub fn num(v: f32) -> String {
    num_prec(f64::from(v), 2)
}

/// A number with at most `prec` decimals, without trailing zeros (`-0` is
/// written `0`; non-finite values as 0).
#[must_use]
pub fn num_prec(v: f64, prec: usize) -> String {
    if !v.is_finite() {
        return "0".to_owned();
    }
    let mut s = format!("{v:.prec$}");
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    if s == "-0" {
        s = "0".to_owned();
    }
    s
}

/// `#rrggbb`.
#[must_use]
pub fn hex(c: Rgba) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

/// Escape text for XML content and attribute values, dropping characters
/// XML 1.0 does not allow.
#[must_use]
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if u32::from(c) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// ` fill="#rrggbb"` (and ` fill-opacity` when not opaque).
fn fill_attr(c: Rgba) -> String {
    let mut s = format!(" fill=\"{}\"", hex(c));
    if c[3] < 255 {
        let _ = write!(
            s,
            " fill-opacity=\"{}\"",
            num_prec(f64::from(c[3]) / 255.0, 3)
        );
    }
    s
}

/// ` stroke=... stroke-width=...` (and opacity, dashes).
fn stroke_attr(s: &Stroke) -> String {
    let mut out = format!(
        " stroke=\"{}\" stroke-width=\"{}\"",
        hex(s.color),
        num(s.width)
    );
    if s.color[3] < 255 {
        let _ = write!(
            out,
            " stroke-opacity=\"{}\"",
            num_prec(f64::from(s.color[3]) / 255.0, 3)
        );
    }
    if let Some([dash, gap]) = s.dash {
        let _ = write!(out, " stroke-dasharray=\"{} {}\"", num(dash), num(gap));
    }
    out
}

/// Horizontal alignment of a text on its x.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Left edge at x.
    Left,
    /// Centred on x.
    Center,
    /// Right edge at x.
    Right,
}

/// How a piece of text looks.
#[derive(Debug, Clone, Copy)]
pub struct TextStyle {
    /// Size in points.
    pub size: f32,
    /// Bold face.
    pub bold: bool,
    /// Ink.
    pub color: Rgba,
    /// Halo drawn under the glyphs (a stroke), if any.
    pub halo: Option<Rgba>,
    /// Horizontal alignment.
    pub align: Align,
    /// Whether y is the vertical centre (true) or the baseline (false).
    pub centered: bool,
}

/// An SVG document under construction. Text elements get ids `kat-text-N`
/// and are remembered with their (logical) strings, for aria-labels.
#[derive(Debug, Default)]
pub struct SvgWriter {
    /// The markup so far.
    pub out: String,
    /// `(id, text)` of every text element, in order.
    pub texts: Vec<(String, String)>,
}

impl SvgWriter {
    /// Append raw markup.
    pub fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// A rectangle.
    pub fn rect(&mut self, xywh: [f32; 4], fill: Option<Rgba>, stroke: Option<&Stroke>) {
        let [x, y, w, h] = xywh;
        let _ = write!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"",
            num(x),
            num(y),
            num(w.max(0.0)),
            num(h.max(0.0))
        );
        self.out
            .push_str(&fill.map_or_else(|| " fill=\"none\"".to_owned(), fill_attr));
        if let Some(s) = stroke {
            self.out.push_str(&stroke_attr(s));
        }
        self.out.push_str("/>\n");
    }

    /// A path with data `d`.
    pub fn path(&mut self, d: &str, fill: Option<Rgba>, stroke: Option<&Stroke>, extra: &str) {
        if d.is_empty() {
            return;
        }
        let _ = write!(self.out, "<path d=\"{d}\"");
        self.out
            .push_str(&fill.map_or_else(|| " fill=\"none\"".to_owned(), fill_attr));
        if let Some(s) = stroke {
            self.out.push_str(&stroke_attr(s));
        }
        self.out.push_str(extra);
        self.out.push_str("/>\n");
    }

    /// A line of text at `(x, y)`. Right-to-left text (by its first strong
    /// character) is set in the Arabic family, marked `direction="rtl"` and
    /// embedded right to left.
    pub fn text(&mut self, x: f32, y: f32, text: &str, style: &TextStyle) {
        if text.trim().is_empty() {
            return;
        }
        let rtl = paragraph_direction(text).is_rtl();
        let id = format!("kat-text-{}", self.texts.len() + 1);
        let anchor = match style.align {
            Align::Left => "start",
            Align::Center => "middle",
            Align::Right => "end",
        };
        let _ = write!(
            self.out,
            "<text id=\"{id}\" x=\"{}\" y=\"{}\" font-family=\"{}\" font-size=\"{}\" font-weight=\"{}\" text-anchor=\"{anchor}\"",
            num(x),
            num(y),
            if rtl { ARABIC_FAMILY } else { LATIN_FAMILY },
            num(style.size),
            if style.bold { "bold" } else { "normal" },
        );
        if style.centered {
            self.out.push_str(" dominant-baseline=\"central\"");
        }
        if rtl {
            self.out.push_str(" direction=\"rtl\"");
        }
        self.out.push_str(&fill_attr(style.color));
        if let Some(h) = style.halo.filter(|h| h[3] > 0) {
            let stroke = Stroke {
                width: (style.size * 0.18).clamp(1.5, 4.0),
                color: h,
                dash: None,
            };
            self.out.push_str(&stroke_attr(&stroke));
            self.out
                .push_str(" stroke-linejoin=\"round\" paint-order=\"stroke\"");
        }
        self.out.push('>');
        if rtl {
            self.out.push(RLE);
            self.out.push_str(&escape(text));
            self.out.push(PDF);
        } else {
            self.out.push_str(&escape(text));
        }
        self.out.push_str("</text>\n");
        self.texts.push((id, text.to_owned()));
    }

    /// Every item of the scene, in painting order.
    pub fn scene(&mut self, scene: &Scene) {
        for item in &scene.items {
            self.item(item);
        }
    }

    fn item(&mut self, item: &Item) {
        match item {
            Item::Fill {
                vertices,
                indices,
                color,
            } => {
                // All triangles in one path: one coverage mask, so no seams
                // between them (triangles never overlap, so the nonzero rule
                // fills each once whatever its orientation).
                let mut d = String::new();
                for tri in indices.chunks_exact(3) {
                    let p = |i: u32| vertices.get(i as usize).copied();
                    if let (Some(a), Some(b), Some(c)) = (p(tri[0]), p(tri[1]), p(tri[2])) {
                        let _ = write!(
                            d,
                            "M{} {}L{} {}L{} {}Z",
                            num(a[0]),
                            num(a[1]),
                            num(b[0]),
                            num(b[1]),
                            num(c[0]),
                            num(c[1])
                        );
                    }
                }
                self.path(&d, Some(*color), None, "");
            }
            Item::Path {
                points,
                closed,
                stroke,
            } => {
                if points.len() < 2 {
                    return;
                }
                let mut d = String::new();
                for (i, p) in points.iter().enumerate() {
                    let _ = write!(
                        d,
                        "{}{} {}",
                        if i == 0 { 'M' } else { 'L' },
                        num(p[0]),
                        num(p[1])
                    );
                }
                if *closed {
                    d.push('Z');
                }
                self.path(
                    &d,
                    None,
                    Some(stroke),
                    " stroke-linejoin=\"round\" stroke-linecap=\"round\"",
                );
            }
            Item::Segments { segments, stroke } => {
                self.segments(segments, stroke);
            }
            Item::Circle {
                center,
                radius,
                fill,
                stroke,
            } => {
                let _ = writeln!(
                    self.out,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"{}{}/>",
                    num(center[0]),
                    num(center[1]),
                    num(*radius),
                    fill_attr(*fill),
                    stroke_attr(stroke)
                );
            }
            Item::Text {
                text,
                pos,
                size,
                color,
                halo,
                anchor,
                bold,
            } => {
                let style = TextStyle {
                    size: *size,
                    bold: *bold,
                    color: *color,
                    halo: Some(*halo),
                    align: match anchor {
                        Anchor::Center => Align::Center,
                        Anchor::LeftCenter => Align::Left,
                    },
                    centered: true,
                };
                self.text(pos[0], pos[1], text, &style);
            }
        }
    }

    /// Separate line segments in one path.
    pub fn segments(&mut self, segments: &[([f32; 2], [f32; 2])], stroke: &Stroke) {
        let mut d = String::new();
        for (a, b) in segments {
            let _ = write!(
                d,
                "M{} {}L{} {}",
                num(a[0]),
                num(a[1]),
                num(b[0]),
                num(b[1])
            );
        }
        self.path(&d, None, Some(stroke), " stroke-linecap=\"butt\"");
    }

    /// A legend swatch in the rectangle `xywh`, as the viewer draws it.
    pub fn swatch(
        &mut self,
        xywh: [f32; 4],
        swatch: &Swatch,
        spacing: f32,
        hatch_width: f32,
        edge: Rgba,
    ) {
        let [x, y, w, h] = xywh;
        match swatch {
            Swatch::Fill { color, pattern } => {
                self.rect(xywh, Some(*color), None);
                if let Some((pattern, ink)) = pattern {
                    let ring = vec![[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]];
                    let segs = pattern.segments(&[ring], spacing * 0.6);
                    self.segments(
                        &segs,
                        &Stroke {
                            width: hatch_width,
                            color: *ink,
                            dash: None,
                        },
                    );
                }
                self.rect(
                    xywh,
                    None,
                    Some(&Stroke {
                        width: 0.5,
                        color: edge,
                        dash: None,
                    }),
                );
            }
            Swatch::Line(s) => {
                let cy = y + h / 2.0;
                self.path(
                    &format!("M{} {}L{} {}", num(x), num(cy), num(x + w), num(cy)),
                    None,
                    Some(s),
                    "",
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_fixed() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.256), "1.26");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(f32::NAN), "0");
        assert_eq!(num(120.5), "120.5");
        assert_eq!(num_prec(0.87843, 3), "0.878");
    }

    #[test]
    fn text_is_escaped_and_rtl_is_embedded() {
        let mut w = SvgWriter::default();
        let style = TextStyle {
            size: 12.0,
            bold: false,
            color: [0, 0, 0, 255],
            halo: None,
            align: Align::Center,
            centered: true,
        };
        w.text(1.0, 2.0, "A & <B>", &style);
        w.text(1.0, 2.0, "أغدام 2020", &style);
        w.text(1.0, 2.0, "  ", &style);
        assert!(w.out.contains("A &amp; &lt;B&gt;"));
        assert!(w.out.contains("direction=\"rtl\""));
        assert!(w.out.contains("Noto Naskh Arabic"));
        assert!(w.out.contains("\u{202B}أغدام 2020\u{202C}"));
        assert_eq!(w.texts.len(), 2);
        assert_eq!(
            w.texts[1],
            ("kat-text-2".to_owned(), "أغدام 2020".to_owned())
        );
    }
}
