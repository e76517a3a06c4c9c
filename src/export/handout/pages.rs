//! The handout's pages: a simple top-to-bottom flow of lines, figures and
//! answer rules on a paper size ([`Flow`]), then drawn with krilla
//! ([`render`]) once the number of pages is known (for "Page N of M").
//!
//! Each paragraph is aligned to its own direction: right-to-left text (an
//! Arabic handout, a quoted Arabic passage) sits against the right margin.
//! Blocks can be set in two columns ([`Flow::two_columns`]); a flow that
//! runs onto a new page can start it with a running header
//! ([`Flow::running_header`]). A flow without a page height
//! ([`Flow::measuring`]) measures how high content comes out.
//!
//! Every line and figure belongs to a structure element
//! ([`super::structure`]), so the PDF is tagged.

use krilla::Document;
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, Stroke};
use krilla::tagging::{Artifact, ArtifactType, BBox, ContentTag, SpanTag};
use krilla_svg::{SurfaceExt, SvgSettings};

use super::structure::{Kind, Structure};
use super::text::{shape_line, wrap};
use crate::text::bidi::Direction;

/// Margin on every side, points.
pub(super) const MARGIN: f32 = 40.0;
/// Space kept at the bottom for the page number, points.
const FOOTER: f32 = 28.0;
/// Line height as a multiple of the font size, for a paragraph in `base`
/// direction: Noto Naskh Arabic, which sets right-to-left text, reaches
/// further above and below its baseline than Noto Sans.
fn leading(base: Direction) -> f32 {
    match base {
        Direction::Ltr => 1.3,
        Direction::Rtl => 1.5,
    }
}
/// Size of the running header ("continued"), points.
const HEADER_SIZE: f32 = 9.0;
/// The grey of secondary text (glosses, positions, page numbers).
const GREY: (u8, u8, u8) = (0x55, 0x55, 0x55);

/// How a paragraph is set.
#[derive(Debug, Clone, Copy)]
pub(super) struct Style {
    /// Size in points.
    pub size: f32,
    /// Bold face.
    pub bold: bool,
    /// Secondary (grey) text.
    pub grey: bool,
}

impl Style {
    /// Regular text at `size`.
    pub fn regular(size: f32) -> Self {
        Self {
            size,
            bold: false,
            grey: false,
        }
    }
    /// Bold text at `size`.
    pub fn bold(size: f32) -> Self {
        Self {
            bold: true,
            ..Self::regular(size)
        }
    }
    /// Grey text at `size`.
    pub fn grey(size: f32) -> Self {
        Self {
            grey: true,
            ..Self::regular(size)
        }
    }
}

/// Something placed on a page, in points from the page's top left corner.
enum Item {
    Line {
        paragraph: String,
        range: std::ops::Range<usize>,
        base: Direction,
        x: f32,
        baseline: f32,
        style: Style,
        /// The structure element it belongs to; `None` for a running header
        /// (an artifact, not part of the text).
        node: Option<usize>,
    },
    Figure {
        index: usize,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        node: usize,
    },
    Rule {
        x0: f32,
        x1: f32,
        y: f32,
    },
}

/// A bookmark: its title and where it points (page index, y).
struct Mark {
    title: String,
    page: usize,
    y: f32,
}

/// Content flowed onto pages, with its logical structure.
pub(super) struct Flow {
    width: f32,
    height: f32,
    pages: Vec<Vec<Item>>,
    y: f32,
    marks: Vec<Mark>,
    /// The left edge of the text area (the page's, or a column's).
    left: f32,
    /// The width of the text area.
    area_w: f32,
    /// The line set at the top of a page the flow runs onto ("continued").
    header: Option<(String, Direction)>,
    /// The structure elements the content belongs to.
    pub structure: Structure,
}

impl Flow {
    /// An empty flow on paper `width × height` points (no page yet).
    pub fn new(width: f32, height: f32) -> Self {
        Self {
            width,
            height,
            pages: Vec::new(),
            y: 0.0,
            marks: Vec::new(),
            left: MARGIN,
            area_w: width - 2.0 * MARGIN,
            header: None,
            structure: Structure::default(),
        }
    }

    /// A flow on paper `width` points wide and endlessly high, to measure
    /// how high content is ([`Self::used`]).
    pub fn measuring(width: f32) -> Self {
        Self::new(width, f32::INFINITY)
    }

    /// The height a page holds between the top margin and the footer.
    pub fn body_height(&self) -> f32 {
        self.bottom() - MARGIN
    }

    /// How far down the current page the content reaches, from the top
    /// margin.
    pub fn used(&self) -> f32 {
        self.y - MARGIN
    }

    /// How many pages the flow has.
    #[cfg(test)]
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// The width of the text area (between the margins, or a column's).
    pub fn text_width(&self) -> f32 {
        self.area_w
    }

    /// Start a new page.
    pub fn page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// The line set at the top of every page this flow runs onto from now
    /// on (`None`: no line).
    pub fn running_header(&mut self, header: Option<(String, Direction)>) {
        self.header = header;
    }

    fn bottom(&self) -> f32 {
        self.height - MARGIN - FOOTER
    }

    /// Make room for `h` points, starting a new page (with the running
    /// header) if they do not fit.
    fn room(&mut self, h: f32) {
        if self.pages.is_empty() {
            self.page();
        } else if self.y + h > self.bottom() && self.y > MARGIN {
            self.page();
            if let Some((text, base)) = self.header.clone() {
                let style = Style::grey(HEADER_SIZE);
                let w = super::text::width(&text, base, style.size, false);
                let x = match base {
                    Direction::Ltr => self.left,
                    Direction::Rtl => self.left + self.area_w - w,
                };
                self.push(Item::Line {
                    range: 0..text.len(),
                    paragraph: text,
                    base,
                    x,
                    baseline: self.y + style.size,
                    style,
                    node: None,
                });
                self.y += style.size * leading(base) + 6.0;
            }
        }
    }

    fn push(&mut self, item: Item) {
        if let Some(p) = self.pages.last_mut() {
            p.push(item);
        }
    }

    /// A bookmark to the current position.
    pub fn bookmark(&mut self, title: String) {
        if self.pages.is_empty() {
            self.page();
        }
        self.marks.push(Mark {
            title,
            page: self.pages.len() - 1,
            y: self.y,
        });
    }

    /// Vertical space.
    pub fn gap(&mut self, h: f32) {
        self.y += h;
    }

    /// A container element: what follows goes into it until [`Self::close`].
    pub fn open(&mut self, kind: Kind, lang: Option<&str>) {
        self.structure.open(kind, lang);
    }

    /// Close the innermost container element.
    pub fn close(&mut self) {
        self.structure.close();
    }

    /// A new structure element for lines to come ([`Self::para_in`]).
    pub fn element(&mut self, kind: Kind, lang: Option<&str>) -> usize {
        self.structure.add(kind, lang)
    }

    /// A paragraph of `kind` in language `lang`, set in `base` direction.
    pub fn para(
        &mut self,
        kind: Kind,
        text: &str,
        lang: &str,
        base: Direction,
        style: Style,
        indent: f32,
    ) {
        if text.trim().is_empty() {
            return;
        }
        let node = self.structure.add(kind, Some(lang));
        self.para_in(node, text, base, style, indent);
    }

    /// The lines of `text` as part of element `node`, in `base` direction,
    /// wrapped to the text width (indented by `indent` on its starting side).
    pub fn para_in(&mut self, node: usize, text: &str, base: Direction, style: Style, indent: f32) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let max = self.text_width() - indent;
        let line_h = style.size * leading(base);
        for range in wrap(text, base, style.size, style.bold, max) {
            let shown = crate::text::bidi::trim_line_end(text, range);
            self.room(line_h);
            let w = super::text::width(
                text.get(shown.clone()).unwrap_or_default(),
                base,
                style.size,
                style.bold,
            );
            let x = match base {
                Direction::Ltr => self.left + indent,
                Direction::Rtl => self.left + self.area_w - indent - w,
            };
            let baseline = self.y + style.size;
            self.push(Item::Line {
                paragraph: text.to_owned(),
                range: shown,
                base,
                x,
                baseline,
                style,
                node: Some(node),
            });
            self.y += line_h;
        }
    }

    /// Figure `index` scaled to the text width with aspect `w / h`, at most
    /// `max_h` points high, centred, described by `alt`.
    pub fn figure(&mut self, index: usize, aspect: f32, max_h: f32, alt: String) {
        let mut w = self.text_width();
        let mut h = w / aspect.max(0.01);
        if h > max_h {
            h = max_h.max(0.0);
            w = h * aspect;
        }
        self.room(h);
        let node = self.structure.add(Kind::Figure { alt }, None);
        let x = self.left + (self.area_w - w) / 2.0;
        self.push(Item::Figure {
            index,
            x,
            y: self.y,
            w,
            h,
            node,
        });
        self.y += h;
    }

    /// `n` ruled lines to write an answer on, `spacing` points apart.
    pub fn answer_lines(&mut self, n: usize, spacing: f32) {
        for _ in 0..n {
            self.room(spacing);
            self.y += spacing;
            let (x0, x1) = (self.left, self.left + self.area_w);
            let y = self.y;
            self.push(Item::Rule { x0, x1, y });
        }
        self.y += 6.0;
    }

    /// `count` blocks (`block(flow, i)` lays out block `i`) in two columns
    /// `gap` points apart, the first on the starting side of `dir`: the
    /// first blocks fill the first column, the rest the second, split
    /// where the two columns come out most even. Blocks are not split
    /// between columns.
    pub fn two_columns(
        &mut self,
        count: usize,
        gap: f32,
        dir: Direction,
        block: &mut dyn FnMut(&mut Flow, usize),
    ) {
        let col_w = (self.area_w - gap) / 2.0;
        let heights: Vec<f32> = (0..count)
            .map(|i| {
                let mut m = Flow::measuring(self.width);
                m.area_w = col_w;
                m.page();
                block(&mut m, i);
                m.used()
            })
            .collect();
        let total: f32 = heights.iter().sum();
        let mut first = 0.0;
        let mut split = 0;
        let mut best = total;
        for (k, h) in heights.iter().enumerate() {
            first += h;
            let tallest = first.max(total - first);
            if tallest < best {
                best = tallest;
                split = k + 1;
            }
        }
        let (left, area_w, top) = (self.left, self.area_w, self.y);
        let (start_x, end_x) = (left, left + col_w + gap);
        let (first_x, second_x) = if dir.is_rtl() {
            (end_x, start_x)
        } else {
            (start_x, end_x)
        };
        self.room(0.0);
        self.area_w = col_w;
        self.left = first_x;
        for i in 0..split {
            block(self, i);
        }
        let first_end = self.y;
        self.y = top;
        self.left = second_x;
        for i in split..count {
            block(self, i);
        }
        self.y = self.y.max(first_end);
        self.left = left;
        self.area_w = area_w;
    }
}

fn fill(c: (u8, u8, u8)) -> Fill {
    Fill {
        paint: rgb::Color::new(c.0, c.1, c.2).into(),
        opacity: NormalizedF32::ONE,
        rule: krilla::paint::FillRule::default(),
    }
}

/// The language of one shaped piece of a line, where it differs from its
/// paragraph's `para` language: Arabic script in a paragraph that is not
/// Arabic is marked `ar`; Latin letters in an Arabic paragraph are marked
/// `en` (the handout's other language).
fn piece_lang(text: &str, para: Option<&str>) -> Option<&'static str> {
    let arabic = text.chars().any(super::text::is_arabic_script);
    match para {
        Some("ar") if text.chars().any(|c| c.is_ascii_alphabetic()) && !arabic => Some("en"),
        Some("ar") => None,
        _ if arabic => Some("ar"),
        _ => None,
    }
}

/// Draw the flow into `doc`: every page, a footer line from `footer(n,
/// total)` (1-based page numbers) in `footer_dir`, the figures from
/// `figures` (each with the rectangle of it to show: x, y, width, height in
/// its units), and the bookmarks as the outline. Each piece of text and
/// each figure is marked content of its structure element; the running
/// headers, the footers and the answer rules are artifacts. Returns the
/// structure with the marked content filled in.
pub(super) fn render(
    doc: &mut Document,
    flow: Flow,
    figures: &[(usvg047::Tree, [f32; 4])],
    footer: &dyn Fn(usize, usize) -> String,
    footer_dir: Direction,
) -> Structure {
    let total = flow.pages.len();
    let (pw, ph) = (flow.width, flow.height);
    let mut structure = flow.structure;
    for (n, items) in flow.pages.into_iter().enumerate() {
        let Some(settings) = PageSettings::from_wh(pw, ph) else {
            continue;
        };
        let mut page = doc.start_page_with(settings);
        let mut surface = page.surface();
        for item in items {
            match item {
                Item::Line {
                    paragraph,
                    range,
                    base,
                    x,
                    baseline,
                    style,
                    node,
                } => {
                    let pieces = shape_line(&paragraph, base, range, style.bold);
                    surface.set_fill(Some(fill(if style.grey { GREY } else { (0, 0, 0) })));
                    let mut cur = x;
                    for p in &pieces {
                        match node {
                            Some(node) => {
                                let lang = piece_lang(p.text(), structure.lang(node));
                                let id = surface.start_tagged(ContentTag::Span(
                                    SpanTag::empty().with_lang(lang),
                                ));
                                super::text::draw(&mut surface, p, cur, baseline, style.size);
                                surface.end_tagged();
                                structure.content(node, id);
                            }
                            None => {
                                surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
                                    ArtifactType::Header,
                                )));
                                super::text::draw(&mut surface, p, cur, baseline, style.size);
                                surface.end_tagged();
                            }
                        }
                        cur += p.em * style.size;
                    }
                }
                Item::Figure {
                    index,
                    x,
                    y,
                    w,
                    h,
                    node,
                } => {
                    let Some((tree, [cx, cy, cw, ch])) = figures.get(index) else {
                        continue;
                    };
                    let size = tree.size();
                    let id = surface.start_tagged(ContentTag::Other);
                    // Only the crop rectangle of the figure, scaled to w × h.
                    let clip = Rect::from_xywh(x, y, w, h).and_then(|r| {
                        let mut pb = PathBuilder::new();
                        pb.push_rect(r);
                        pb.finish()
                    });
                    if let Some(clip) = &clip {
                        surface.push_clip_path(clip, &FillRule::NonZero);
                    }
                    let (sx, sy) = (w / cw.max(1.0), h / ch.max(1.0));
                    surface.push_transform(&Transform::from_row(
                        sx,
                        0.0,
                        0.0,
                        sy,
                        x - cx * sx,
                        y - cy * sy,
                    ));
                    if let Some(s) = Size::from_wh(size.width(), size.height()) {
                        // `None` means krilla-svg could not draw some part
                        // of the tree; the rest of the page is still right.
                        let _ = surface.draw_svg(tree, s, SvgSettings::default());
                    }
                    surface.pop();
                    if clip.is_some() {
                        surface.pop();
                    }
                    surface.end_tagged();
                    structure.content(node, id);
                    if let Some(rect) = Rect::from_xywh(x, y, w, h) {
                        structure.bbox(node, BBox::new(n, rect));
                    }
                }
                Item::Rule { x0, x1, y } => {
                    let mut pb = PathBuilder::new();
                    pb.move_to(x0, y);
                    pb.line_to(x1, y);
                    if let Some(path) = pb.finish() {
                        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
                            ArtifactType::Layout,
                        )));
                        surface.set_fill(None);
                        surface.set_stroke(Some(Stroke {
                            paint: rgb::Color::new(0xAA, 0xAA, 0xAA).into(),
                            width: 0.6,
                            ..Stroke::default()
                        }));
                        surface.draw_path(&path);
                        surface.set_stroke(None);
                        surface.end_tagged();
                    }
                }
            }
        }
        let words = footer(n + 1, total);
        let size = 9.0;
        let w = super::text::width(&words, footer_dir, size, false);
        let pieces = shape_line(&words, footer_dir, 0..words.len(), false);
        surface.set_fill(Some(fill(GREY)));
        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
            ArtifactType::PageNumber,
        )));
        let mut cur = (pw - w) / 2.0;
        for p in &pieces {
            super::text::draw(&mut surface, p, cur, ph - MARGIN, size);
            cur += p.em * size;
        }
        surface.end_tagged();
        surface.finish();
        page.finish();
    }
    let mut outline = Outline::new();
    for m in flow.marks {
        outline.push_child(OutlineNode::new(
            m.title,
            XyzDestination::new(m.page, Point::from_xy(0.0, m.y)),
        ));
    }
    doc.set_outline(outline);
    structure
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;

    /// The lines of element `node`: (page, x, baseline).
    fn lines_of(flow: &Flow, node: usize) -> Vec<(usize, f32, f32)> {
        let mut out = Vec::new();
        for (p, items) in flow.pages.iter().enumerate() {
            for item in items {
                if let Item::Line {
                    x,
                    baseline,
                    node: Some(n),
                    ..
                } = item
                    && *n == node
                {
                    out.push((p, *x, *baseline));
                }
            }
        }
        out
    }

    #[test]
    fn two_columns_start_on_the_reading_side_and_come_out_even() {
        let cases = [
            (
                Direction::Ltr,
                "en",
                "The text of a passage, long enough to wrap onto a few lines in a column of half the width.",
            ),
            (
                Direction::Rtl,
                "ar",
                "نص مقطع مستشهد به طويل بما يكفي ليلتف على بضعة أسطر في عمود بنصف العرض المتاح على الصفحة.",
            ),
        ];
        for (dir, lang, text) in cases {
            let mut f = Flow::new(595.0, 842.0);
            f.page();
            f.two_columns(4, 18.0, dir, &mut |fl: &mut Flow, _| {
                fl.para(Kind::P, text, lang, dir, Style::regular(10.0), 0.0);
            });
            let first: Vec<_> = (0..4).map(|n| lines_of(&f, n)).collect();
            let x = |n: usize| first[n].iter().map(|l| l.1).fold(f32::NAN, f32::min);
            let top = |n: usize| first[n].first().map_or(f32::NAN, |l| l.2);
            // Blocks 1 and 2 in the first column, 3 and 4 in the second,
            // level with them.
            assert_eq!(top(0), top(2), "{dir:?}");
            assert!(top(1) > top(0) && top(3) > top(2), "{dir:?}");
            assert!((x(0) - x(1)).abs() < 60.0, "{dir:?}");
            match dir {
                Direction::Ltr => assert!(x(2) > x(0) + 200.0, "{dir:?}"),
                Direction::Rtl => assert!(x(0) > x(2) + 200.0, "{dir:?}"),
            }
            // After the columns, the flow is below both.
            assert!(f.y > top(1).max(top(3)));
        }
    }

    #[test]
    fn a_flow_that_runs_onto_a_new_page_starts_it_with_the_running_header() {
        let mut f = Flow::new(595.0, 400.0);
        f.page();
        f.running_header(Some(("Stop 1 of 1 (continued)".to_owned(), Direction::Ltr)));
        for _ in 0..80 {
            f.para(
                Kind::P,
                "A line.",
                "en",
                Direction::Ltr,
                Style::regular(10.0),
                0.0,
            );
        }
        assert!(f.page_count() >= 3);
        for page in &f.pages[1..] {
            let Some(Item::Line {
                paragraph, node, ..
            }) = page.first()
            else {
                panic!("no header");
            };
            assert_eq!(paragraph, "Stop 1 of 1 (continued)");
            assert!(node.is_none(), "the header is an artifact");
        }
        let Some(Item::Line { paragraph, .. }) = f.pages[0].first() else {
            panic!("no line");
        };
        assert_eq!(paragraph, "A line.");
    }
}
