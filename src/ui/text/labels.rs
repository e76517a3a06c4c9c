//! Label widgets for text that may be Arabic: a wrapped, aligned label and
//! a one-line label, both reporting the logical text to screen readers.

use egui::{Color32, FontId, Response, Role, Sense, Ui, WidgetInfo};

use super::job::line_job;
use super::lines::paragraph_lines;

/// A label for text that may be Arabic: wraps at the available width (in
/// logical order), right-aligns the lines of right-to-left paragraphs and
/// left-aligns the others. A text with a right-to-left paragraph takes the
/// whole available width (so its lines sit at the right edge); otherwise the
/// label is as wide as its widest line. Screen readers (and `egui_kittest`)
/// see the logical `text`.
pub fn bidi_label(ui: &mut Ui, text: &str, font: FontId, color: Color32) -> Response {
    let available = ui.available_width();
    let max_width = if available.is_finite() && available > 0.0 {
        available
    } else {
        f32::INFINITY
    };
    let lines = paragraph_lines(ui, text, font, color, max_width);
    let widest = lines
        .iter()
        .map(|line| line.galley.size().x)
        .fold(0.0_f32, f32::max);
    let any_rtl = lines.iter().any(|line| line.direction.is_rtl());
    let width = if any_rtl && max_width.is_finite() {
        max_width.max(widest)
    } else {
        widest
    };
    let height: f32 = lines.iter().map(|line| line.galley.size().y).sum();
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), Sense::hover());
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        let mut y = rect.top();
        for line in lines {
            let size = line.galley.size();
            let x = if line.direction.is_rtl() {
                rect.right() - size.x
            } else {
                rect.left()
            };
            painter.galley(egui::pos2(x, y), line.galley, color);
            y += size.y;
        }
    }
    response.widget_info(|| WidgetInfo::labeled(Role::Label, true, text));
    response
}

/// A single line of text that does not wrap, bidi-correct, sized to its
/// content (for short strings inside horizontal layouts, such as dates).
/// Screen readers get the logical text.
pub fn bidi_line(ui: &mut Ui, text: &str, font: FontId, color: Color32) -> Response {
    let galley = ui.painter().layout_job(line_job(text, font, color));
    let (rect, response) = ui.allocate_exact_size(galley.size(), egui::Sense::hover());
    if ui.is_rect_visible(rect) {
        ui.painter().galley(rect.min, galley, color);
    }
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, text));
    response
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::fonts::install_fonts;
    use super::*;
    use egui::Context;

    #[test]
    fn label_reports_the_logical_text() {
        let ctx = Context::default();
        install_fonts(&ctx);
        ctx.enable_accesskit();
        let text = "قره باغ (وضع) 2020";
        let mut rect = egui::Rect::NOTHING;
        let mut found = false;
        for _ in 0..2 {
            let output = ctx.run_ui(egui::RawInput::default(), |ui| {
                rect = bidi_label(ui, text, FontId::proportional(14.0), Color32::WHITE).rect;
            });
            let update = output.platform_output.accesskit_update.clone();
            output.drop_without_applying_deltas();
            if let Some(update) = update {
                found |= update
                    .nodes
                    .iter()
                    .any(|(_, node)| node.value().or(node.label()).is_some_and(|l| l == text));
            }
        }
        assert!(
            found,
            "no accessibility node labelled with the logical text"
        );
        assert!(rect.height() > 10.0 && rect.width() > 50.0, "{rect:?}");
    }
}
