//! The handout's logical structure, for tagged PDF (PDF/UA-1): headings,
//! paragraphs, block quotes, lists and figures with their alternative text,
//! each with its language, in reading order ([`Structure`]). The pages
//! record which structure element each line or figure belongs to; when they
//! are drawn, krilla hands out an identifier per piece of marked content,
//! and [`Structure::tree`] assembles the tag tree from them.

use std::num::NonZeroU16;

use krilla::tagging::{BBox, Identifier, ListNumbering, Tag, TagGroup, TagKind, TagTree};

/// What a structure element is.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Kind {
    /// A heading of `level` (1: the cover's title; 2: a stop or a part of
    /// the cover; 3: a part of a stop), with the title screen readers list.
    Heading {
        /// 1, 2, 3.
        level: u16,
        /// The heading's words, as one line.
        title: String,
    },
    /// A paragraph.
    P,
    /// A figure with its alternative text.
    Figure {
        /// What the figure shows, in words.
        alt: String,
    },
    /// A stop's section.
    Section,
    /// A numbered list (questions, sources).
    List,
    /// An item of a list.
    Item,
    /// The body of a list item.
    Body,
    /// A quoted passage with its gloss and position.
    Quote,
}

impl Kind {
    fn tag(&self) -> TagKind {
        match self {
            Self::Heading { level, title } => Tag::Hn(
                NonZeroU16::new(*level).unwrap_or(NonZeroU16::MIN),
                Some(title.clone()),
            )
            .into(),
            Self::P => Tag::P.into(),
            Self::Figure { alt } => Tag::Figure(Some(alt.clone())).into(),
            Self::Section => Tag::Section.into(),
            Self::List => Tag::L(ListNumbering::Decimal).into(),
            Self::Item => Tag::LI.into(),
            Self::Body => Tag::LBody.into(),
            Self::Quote => Tag::BlockQuote.into(),
        }
    }
}

/// One structure element.
struct Node {
    kind: Kind,
    /// Its language (BCP 47), when it is not the document's.
    lang: Option<String>,
    /// Child elements, in reading order.
    children: Vec<usize>,
    /// Marked content on the pages, in reading order.
    content: Vec<Identifier>,
    /// Where a figure sits (page, rectangle).
    bbox: Option<BBox>,
}

/// The tree of structure elements being built.
#[derive(Default)]
pub(super) struct Structure {
    nodes: Vec<Node>,
    roots: Vec<usize>,
    open: Vec<usize>,
}

impl Structure {
    /// A new element of `kind` in language `lang`, the last child of the
    /// open container (or at the top); its index.
    pub fn add(&mut self, kind: Kind, lang: Option<&str>) -> usize {
        let i = self.nodes.len();
        self.nodes.push(Node {
            kind,
            lang: lang.map(str::to_owned),
            children: Vec::new(),
            content: Vec::new(),
            bbox: None,
        });
        match self.open.last().and_then(|&p| self.nodes.get_mut(p)) {
            Some(parent) => parent.children.push(i),
            None => self.roots.push(i),
        }
        i
    }

    /// A new container element: later elements go into it until
    /// [`Self::close`].
    pub fn open(&mut self, kind: Kind, lang: Option<&str>) {
        let i = self.add(kind, lang);
        self.open.push(i);
    }

    /// Close the innermost open container.
    pub fn close(&mut self) {
        self.open.pop();
    }

    /// The language of element `node`, if set.
    pub fn lang(&self, node: usize) -> Option<&str> {
        self.nodes.get(node).and_then(|n| n.lang.as_deref())
    }

    /// Marked content `id` belongs to element `node`.
    pub fn content(&mut self, node: usize, id: Identifier) {
        if let Some(n) = self.nodes.get_mut(node) {
            n.content.push(id);
        }
    }

    /// Element `node` (a figure) sits in `bbox`.
    pub fn bbox(&mut self, node: usize, bbox: BBox) {
        if let Some(n) = self.nodes.get_mut(node) {
            n.bbox = Some(bbox);
        }
    }

    fn group(&mut self, i: usize) -> Option<TagGroup> {
        let node = self.nodes.get_mut(i)?;
        let mut tag = node.kind.tag().with_lang(node.lang.take());
        if let (Some(bbox), TagKind::Figure(fig)) = (node.bbox, &mut tag) {
            fig.set_bbox(Some(bbox));
        }
        let content = std::mem::take(&mut node.content);
        let children = std::mem::take(&mut node.children);
        let mut group = TagGroup::new(tag);
        for c in children {
            if let Some(g) = self.group(c) {
                group.push(g);
            }
        }
        for id in content {
            group.push(id);
        }
        Some(group)
    }

    /// The tag tree, with the document's language `lang`.
    pub fn tree(mut self, lang: &str) -> TagTree {
        let mut tree = TagTree::new().with_lang(Some(lang.to_owned()));
        for r in std::mem::take(&mut self.roots) {
            if let Some(g) = self.group(r) {
                tree.push(g);
            }
        }
        tree
    }
}
