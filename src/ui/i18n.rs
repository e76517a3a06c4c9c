//! Translated text in egui widgets.
//!
//! egui lays text out left to right with no bidi algorithm, so an Arabic
//! string is turned into a galley whose pieces are already in visual order
//! ([`super::text::line_job`]) or, for text that wraps, into
//! [`super::text::bidi_label`]'s lines. egui then reports the *galley's*
//! text to screen readers (and `egui_kittest`), which for Arabic is the
//! pieces in visual order, not what a person reads. Every widget here
//! therefore sets its accessible label again, to the logical text, with
//! [`Response::widget_info`].
//!
//! Usage in a panel:
//!
//! ```ignore
//! let loc = app.settings.locale();
//! if i18n::button(ui, &tr(loc, "time-next")).clicked() { … }
//! Txt::new(tr(loc, "card-what-changed")).strong().label(ui);
//! i18n::row(ui, loc, |ui| { … });      // a wrapping row in reading order
//! ```

use std::sync::Arc;

use egui::{
    Align, Color32, FontId, Galley, InnerResponse, Layout, Response, Role, TextStyle, Ui,
    WidgetInfo, WidgetText,
};

use super::text::{bidi_label, line_job};
use crate::i18n::Locale;
use crate::text::bidi;

/// Text with the look of a `RichText` (size, strong, weak, italics,
/// colour) that is laid out bidi-correctly when it needs to be.
#[derive(Debug, Clone)]
pub struct Txt {
    text: String,
    style: TextStyle,
    size: Option<f32>,
    strong: bool,
    weak: bool,
    italics: bool,
    color: Option<Color32>,
}

impl Txt {
    /// Body text.
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            style: TextStyle::Body,
            size: None,
            strong: false,
            weak: false,
            italics: false,
            color: None,
        }
    }

    /// In the small text style.
    #[must_use]
    pub fn small(mut self) -> Self {
        self.style = TextStyle::Small;
        self
    }

    /// In the heading style.
    #[must_use]
    pub fn heading(mut self) -> Self {
        self.style = TextStyle::Heading;
        self
    }

    /// At `size` points.
    #[must_use]
    pub fn size(mut self, size: f32) -> Self {
        self.size = Some(size);
        self
    }

    /// In the strong text colour.
    #[must_use]
    pub fn strong(mut self) -> Self {
        self.strong = true;
        self
    }

    /// In the weak text colour.
    #[must_use]
    pub fn weak(mut self) -> Self {
        self.weak = true;
        self
    }

    /// Slanted.
    #[must_use]
    pub fn italics(mut self) -> Self {
        self.italics = true;
        self
    }

    /// In `color`.
    #[must_use]
    pub fn color(mut self, color: Color32) -> Self {
        self.color = Some(color);
        self
    }

    /// The logical text.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    fn font(&self, ui: &Ui) -> FontId {
        let mut font = self.style.resolve(ui.style());
        if let Some(size) = self.size {
            font.size = size;
        }
        font
    }

    fn ink(&self, ui: &Ui) -> Color32 {
        let v = ui.visuals();
        self.color.unwrap_or(if self.strong {
            v.strong_text_color()
        } else if self.weak {
            v.weak_text_color()
        } else {
            v.text_color()
        })
    }

    /// Whether the text needs bidi layout.
    #[must_use]
    pub fn needs_bidi(&self) -> bool {
        bidi::needs_bidi(&self.text)
    }

    /// One line of it laid out in visual order (no wrapping), in `color`
    /// (use [`Color32::PLACEHOLDER`] to let the widget choose).
    #[must_use]
    pub fn galley(&self, ui: &Ui, color: Color32) -> Arc<Galley> {
        let mut job = line_job(&self.text, self.font(ui), color);
        if self.italics {
            for s in &mut job.sections {
                s.format.italics = true;
            }
        }
        ui.fonts_mut(|f| f.layout_job(job))
    }

    /// The text as a widget's text: plain rich text when it needs no bidi,
    /// else an exact visual-order galley (one line). A widget given this
    /// reports the galley's text to screen readers: set the logical label
    /// with [`accessible`].
    #[must_use]
    pub fn widget_text(&self, ui: &Ui) -> WidgetText {
        if self.needs_bidi() {
            let color = if self.color.is_some() || self.strong || self.weak {
                self.ink(ui)
            } else {
                Color32::PLACEHOLDER
            };
            WidgetText::Galley(self.galley(ui, color))
        } else {
            let mut rt = egui::RichText::new(&self.text).font(self.font(ui));
            if self.strong {
                rt = rt.strong();
            }
            if self.weak {
                rt = rt.weak();
            }
            if self.italics {
                rt = rt.italics();
            }
            if let Some(c) = self.color {
                rt = rt.color(c);
            }
            rt.into()
        }
    }

    /// A label that wraps at the available width (right-aligned lines for
    /// right-to-left text); screen readers get the logical text.
    pub fn label(self, ui: &mut Ui) -> Response {
        if self.needs_bidi() {
            let (font, ink) = (self.font(ui), self.ink(ui));
            bidi_label(ui, &self.text, font, ink)
        } else {
            let text = self.widget_text(ui);
            ui.label(text)
        }
    }

    /// A label on one line that does not wrap (for rows).
    pub fn line(self, ui: &mut Ui) -> Response {
        let r =
            ui.add(egui::Label::new(self.widget_text(ui)).wrap_mode(egui::TextWrapMode::Extend));
        accessible(&r, Role::Label, &self.text);
        r
    }
}

/// Set `response`'s accessible role and label to the logical `label`.
pub fn accessible(response: &Response, role: Role, label: &str) {
    response.widget_info(|| WidgetInfo::labeled(role, response.enabled(), label));
}

/// A button showing `text`, labelled with it for screen readers.
pub fn button(ui: &mut Ui, text: &str) -> Response {
    let t = Txt::new(text).widget_text(ui);
    let r = ui.add(egui::Button::new(t));
    accessible(&r, Role::Button, text);
    r
}

/// A small button showing `text`, labelled with it.
pub fn small_button(ui: &mut Ui, text: &str) -> Response {
    let t = Txt::new(text).small().widget_text(ui);
    let r = ui.add(egui::Button::new(t).small());
    accessible(&r, Role::Button, text);
    r
}

/// A button showing `shown` (an icon, or an icon and words) that screen
/// readers and the tooltip call `label`.
pub fn labelled_button(ui: &mut Ui, shown: &str, label: &str, small: bool) -> Response {
    let mut t = Txt::new(shown);
    if small {
        t = t.small();
    }
    let t = t.widget_text(ui);
    let b = egui::Button::new(t);
    let r = ui.add(if small { b.small() } else { b });
    let r = hover(r, label);
    accessible(&r, Role::Button, label);
    r
}

/// A tooltip with `text`, laid out bidi-correctly.
pub fn hover(response: Response, text: &str) -> Response {
    let text = text.to_owned();
    response.on_hover_ui(move |ui| {
        Txt::new(text.as_str()).label(ui);
    })
}

/// A selectable label showing `text`, labelled with it.
pub fn selectable(ui: &mut Ui, selected: bool, text: &str) -> Response {
    let t = Txt::new(text).widget_text(ui);
    let r = ui.selectable_label(selected, t);
    r.widget_info(|| WidgetInfo::selected(Role::Button, r.enabled(), selected, text));
    r
}

/// A toggle button for `value` showing `text`, labelled with it.
pub fn toggle(ui: &mut Ui, value: &mut bool, text: &str) -> Response {
    let t = Txt::new(text).widget_text(ui);
    let r = ui.toggle_value(value, t);
    let on = *value;
    r.widget_info(|| WidgetInfo::selected(Role::Button, r.enabled(), on, text));
    r
}

/// A check box for `value` with `text` beside it: the box on the side the
/// text starts (the right in Arabic); one widget, labelled with `text`.
pub fn checkbox(ui: &mut Ui, loc: Locale, value: &mut bool, text: &str) -> Response {
    let mut r = if loc.is_rtl() {
        let r = mirrored_choice(ui, *value, text, false);
        if r.clicked() {
            *value = !*value;
        }
        r
    } else {
        let t = Txt::new(text).widget_text(ui);
        ui.add(egui::Checkbox::new(value, t))
    };
    if loc.is_rtl() && r.clicked() {
        r.mark_changed();
    }
    let on = *value;
    r.widget_info(|| WidgetInfo::selected(Role::CheckBox, r.enabled(), on, text));
    r
}

/// A radio button selecting `alternative` into `current`, with `text` on
/// the side the text starts; one widget, labelled with `text`.
pub fn radio_value<V: PartialEq>(
    ui: &mut Ui,
    loc: Locale,
    current: &mut V,
    alternative: V,
    text: &str,
) -> Response {
    let checked = *current == alternative;
    let mut r = if loc.is_rtl() {
        mirrored_choice(ui, checked, text, true)
    } else {
        let t = Txt::new(text).widget_text(ui);
        ui.add(egui::RadioButton::new(checked, t))
    };
    if r.clicked() && !checked {
        *current = alternative;
        r.mark_changed();
    }
    r.widget_info(|| WidgetInfo::selected(Role::RadioButton, r.enabled(), checked, text));
    r
}

/// A check box or radio button drawn mirrored: the box at the right, the
/// text to its left, with a button's padding beyond the text's end so that
/// in a menu it keeps clear of the popup's edge as other items do.
fn mirrored_choice(ui: &mut Ui, selected: bool, text: &str, radio: bool) -> Response {
    let icon = ui.spacing().icon_width;
    let gap = ui.spacing().icon_spacing;
    let pad = ui.spacing().button_padding.x;
    let galley = Txt::new(text).galley(ui, Color32::PLACEHOLDER);
    let size = egui::vec2(
        icon + gap + galley.size().x + pad,
        galley.size().y.max(icon),
    );
    let (rect, r) = ui.allocate_exact_size(size, egui::Sense::click());
    if ui.is_rect_visible(rect) {
        let v = ui.style().interact_selectable(&r, selected);
        let painter = ui.painter();
        let box_rect = egui::Rect::from_center_size(
            egui::pos2(rect.right() - icon / 2.0, rect.center().y),
            egui::vec2(icon, icon),
        );
        if radio {
            let c = box_rect.center();
            painter.circle(c, icon / 2.0, v.bg_fill, v.bg_stroke);
            if selected {
                painter.circle_filled(c, icon / 4.0, v.fg_stroke.color);
            }
        } else {
            painter.rect(
                box_rect,
                v.corner_radius,
                v.bg_fill,
                v.bg_stroke,
                egui::StrokeKind::Inside,
            );
            if selected {
                let b = box_rect.shrink(icon * 0.2);
                painter.line(
                    vec![
                        egui::pos2(b.left(), b.center().y),
                        egui::pos2(b.center().x, b.bottom()),
                        egui::pos2(b.right(), b.top()),
                    ],
                    v.fg_stroke,
                );
            }
        }
        let text_pos = egui::pos2(
            box_rect.left() - gap - galley.size().x,
            rect.center().y - galley.size().y / 2.0,
        );
        painter.galley(text_pos, galley, ui.visuals().text_color());
    }
    r
}

/// The layout of a row in reading order: left to right, or right to left
/// in Arabic; wrapping if `wrap`.
#[must_use]
pub fn reading_row(loc: Locale, wrap: bool) -> Layout {
    let l = if loc.is_rtl() {
        Layout::right_to_left(Align::Center)
    } else {
        Layout::left_to_right(Align::Center)
    };
    l.with_main_wrap(wrap)
}

/// A wrapping row of widgets in reading order (`horizontal_wrapped`, right
/// to left in Arabic).
pub fn row<R>(ui: &mut Ui, loc: Locale, add: impl FnOnce(&mut Ui) -> R) -> InnerResponse<R> {
    row_in(ui, loc, true, add)
}

/// A row that does not wrap, in reading order.
pub fn row_nowrap<R>(ui: &mut Ui, loc: Locale, add: impl FnOnce(&mut Ui) -> R) -> InnerResponse<R> {
    row_in(ui, loc, false, add)
}

/// A row the way `ui.horizontal` makes one (one widget high to start with,
/// growing with its contents), in `loc`'s reading order.
fn row_in<R>(
    ui: &mut Ui,
    loc: Locale,
    wrap: bool,
    add: impl FnOnce(&mut Ui) -> R,
) -> InnerResponse<R> {
    let size = egui::vec2(
        ui.available_size_before_wrap().x,
        ui.spacing().interact_size.y,
    );
    ui.allocate_ui_with_layout(size, reading_row(loc, wrap), add)
}

/// A column whose widgets line up on the side text starts (the right in
/// Arabic). In a sizing pass (a window or menu measuring its contents) the
/// widgets line up on the left: right alignment needs the width the pass is
/// there to find.
pub fn column<R>(ui: &mut Ui, loc: Locale, add: impl FnOnce(&mut Ui) -> R) -> InnerResponse<R> {
    let align = if loc.is_rtl() && !ui.is_sizing_pass() {
        Align::Max
    } else {
        Align::Min
    };
    ui.with_layout(Layout::top_down(align), add)
}

/// A collapsing section titled `title` (bidi-correct), with its own id.
pub fn collapsing<R>(
    ui: &mut Ui,
    title: Txt,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    default_open: bool,
    add: impl FnOnce(&mut Ui) -> R,
) -> egui::CollapsingResponse<R> {
    let text = title.text().to_owned();
    collapsing_labelled(ui, title, &text, id_salt, default_open, add)
}

/// A collapsing header showing `title` and read out as `label` (a short
/// header for a longer subject shown beside it).
pub fn collapsing_labelled<R>(
    ui: &mut Ui,
    title: Txt,
    label: &str,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    default_open: bool,
    add: impl FnOnce(&mut Ui) -> R,
) -> egui::CollapsingResponse<R> {
    let r = egui::CollapsingHeader::new(title.widget_text(ui))
        .id_salt(id_salt)
        .default_open(default_open)
        .show(ui, add);
    accessible(&r.header_response, Role::Button, label);
    r
}

/// Paint one line of `text` (bidi-correct) at `pos`, placed by `anchor`;
/// returns where it went.
pub fn paint_text(
    ui: &Ui,
    painter: &egui::Painter,
    pos: egui::Pos2,
    anchor: egui::Align2,
    text: &str,
    font: FontId,
    color: Color32,
) -> egui::Rect {
    let galley = ui.fonts_mut(|f| f.layout_job(line_job(text, font, color)));
    let rect = anchor.anchor_size(pos, galley.size());
    painter.galley(rect.min, galley, color);
    rect
}

/// Where the menu bar ends, kept for [`bounded`] (points from the top).
const MENU_BOTTOM: &str = "karabakh-atlas-menu-bottom";

/// Remember where the menu bar ends this frame (0 when there is none, as
/// in presenter mode).
pub fn set_menu_bottom(ctx: &egui::Context, y: f32) {
    ctx.data_mut(|d| d.insert_temp(egui::Id::unique(MENU_BOTTOM), y));
}

/// A window kept inside the window's content below the menu bar, so it
/// never covers the menus.
pub fn bounded<'a>(ctx: &egui::Context, window: egui::Window<'a>) -> egui::Window<'a> {
    let top = ctx
        .data(|d| d.get_temp::<f32>(egui::Id::unique(MENU_BOTTOM)))
        .unwrap_or(0.0);
    let area = ctx.content_rect();
    window.constrain_to(area.with_min_y(area.top() + top.max(0.0)))
}

/// A window's title, bidi-correct, in the heading style.
#[must_use]
pub fn window_title(ctx: &egui::Context, text: &str) -> WidgetText {
    if bidi::needs_bidi(text) {
        let font = TextStyle::Heading.resolve(&ctx.global_style());
        WidgetText::LayoutJob(Arc::new(line_job(text, font, Color32::PLACEHOLDER)))
    } else {
        text.into()
    }
}

/// `text` rearranged so that egui, laying it out as plain text in the
/// proportional font (which splits Arabic at every space and places the
/// pieces left to right), shows it in the right order: for widgets that
/// take only a `String`, such as the chart's axis labels and tooltip. Each
/// line is reordered on its own. Screen readers are not involved.
#[must_use]
pub fn visual_order(text: &str) -> String {
    if !bidi::needs_bidi(text) {
        return text.to_owned();
    }
    text.split('\n')
        .map(|line| {
            let base = bidi::paragraph_direction(line);
            bidi::visual_runs(line, base)
                .into_iter()
                .map(|run| {
                    let piece: String = run.text.chars().filter(|c| !is_control(*c)).collect();
                    if run.rtl {
                        // egui shapes each word right to left on its own but
                        // puts the words left to right: reverse their order.
                        piece.split(' ').rev().collect::<Vec<_>>().join(" ")
                    } else {
                        piece
                    }
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}
