//! The handout's pages: a simple top-to-bottom flow of lines, figures and
//! answer rules on a paper size ([`Flow`]), then drawn with krilla
//! ([`render`]) once the number of pages is known (for "Page N of M").
//!
//! Each paragraph is aligned to its own direction: right-to-left text (an
//! Arabic handout, a quoted Arabic passage) sits against the right margin.

use krilla::Document;
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Size, Transform};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla_svg::{SurfaceExt, SvgSettings};

use super::text::{shape_line, wrap};
use crate::text::bidi::Direction;

/// Margin on every side, points.
pub(super) const MARGIN: f32 = 48.0;
/// Space kept at the bottom for the page number, points.
const FOOTER: f32 = 28.0;
/// Line height as a multiple of the font size.
const LEADING: f32 = 1.45;
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
    },
    Figure {
        index: usize,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
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

/// Content flowed onto pages.
pub(super) struct Flow {
    width: f32,
    height: f32,
    pages: Vec<Vec<Item>>,
    y: f32,
    marks: Vec<Mark>,
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
        }
    }

    /// The width between the margins.
    pub fn text_width(&self) -> f32 {
        self.width - 2.0 * MARGIN
    }

    /// Start a new page.
    pub fn page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    fn bottom(&self) -> f32 {
        self.height - MARGIN - FOOTER
    }

    /// Make room for `h` points, starting a new page if they do not fit.
    fn room(&mut self, h: f32) {
        if self.pages.is_empty() || (self.y + h > self.bottom() && self.y > MARGIN) {
            self.page();
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

    /// A paragraph in `base` direction, wrapped to the text width (indented
    /// by `indent` on its starting side).
    pub fn para(&mut self, text: &str, base: Direction, style: Style, indent: f32) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let max = self.text_width() - indent;
        let line_h = style.size * LEADING;
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
                Direction::Ltr => MARGIN + indent,
                Direction::Rtl => self.width - MARGIN - indent - w,
            };
            let baseline = self.y + style.size;
            self.push(Item::Line {
                paragraph: text.to_owned(),
                range: shown,
                base,
                x,
                baseline,
                style,
            });
            self.y += line_h;
        }
    }

    /// Figure `index` scaled to the text width with aspect `w / h`, at most
    /// `max_h` points high, centred.
    pub fn figure(&mut self, index: usize, aspect: f32, max_h: f32) {
        let mut w = self.text_width();
        let mut h = w / aspect.max(0.01);
        if h > max_h {
            h = max_h;
            w = h * aspect;
        }
        self.room(h);
        let x = (self.width - w) / 2.0;
        self.push(Item::Figure {
            index,
            x,
            y: self.y,
            w,
            h,
        });
        self.y += h;
    }

    /// `n` ruled lines to write an answer on.
    pub fn answer_lines(&mut self, n: usize) {
        for _ in 0..n {
            self.room(22.0);
            self.y += 22.0;
            let (x0, x1) = (MARGIN, self.width - MARGIN);
            let y = self.y;
            self.push(Item::Rule { x0, x1, y });
        }
        self.y += 6.0;
    }
}

fn fill(c: (u8, u8, u8)) -> Fill {
    Fill {
        paint: rgb::Color::new(c.0, c.1, c.2).into(),
        opacity: NormalizedF32::ONE,
        rule: krilla::paint::FillRule::default(),
    }
}

/// Draw the flow into `doc`: every page, a footer line from `footer(n,
/// total)` (1-based page numbers) in `footer_dir`, the figures from
/// `figures`, and the bookmarks as the outline.
pub(super) fn render(
    doc: &mut Document,
    flow: Flow,
    figures: &[usvg047::Tree],
    footer: &dyn Fn(usize, usize) -> String,
    footer_dir: Direction,
) {
    let total = flow.pages.len();
    let (pw, ph) = (flow.width, flow.height);
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
                } => {
                    let pieces = shape_line(&paragraph, base, range, style.bold);
                    surface.set_fill(Some(fill(if style.grey { GREY } else { (0, 0, 0) })));
                    super::text::draw(&mut surface, &pieces, x, baseline, style.size);
                }
                Item::Figure { index, x, y, w, h } => {
                    let Some(tree) = figures.get(index) else {
                        continue;
                    };
                    let size = tree.size();
                    surface.push_transform(&Transform::from_row(
                        w / size.width(),
                        0.0,
                        0.0,
                        h / size.height(),
                        x,
                        y,
                    ));
                    if let Some(s) = Size::from_wh(size.width(), size.height()) {
                        // `None` means krilla-svg could not draw some part
                        // of the tree; the rest of the page is still right.
                        let _ = surface.draw_svg(tree, s, SvgSettings::default());
                    }
                    surface.pop();
                }
                Item::Rule { x0, x1, y } => {
                    let mut pb = PathBuilder::new();
                    pb.move_to(x0, y);
                    pb.line_to(x1, y);
                    if let Some(path) = pb.finish() {
                        surface.set_fill(None);
                        surface.set_stroke(Some(Stroke {
                            paint: rgb::Color::new(0xAA, 0xAA, 0xAA).into(),
                            width: 0.6,
                            ..Stroke::default()
                        }));
                        surface.draw_path(&path);
                        surface.set_stroke(None);
                    }
                }
            }
        }
        let words = footer(n + 1, total);
        let size = 9.0;
        let w = super::text::width(&words, footer_dir, size, false);
        let pieces = shape_line(&words, footer_dir, 0..words.len(), false);
        surface.set_fill(Some(fill(GREY)));
        super::text::draw(&mut surface, &pieces, (pw - w) / 2.0, ph - MARGIN, size);
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
}
