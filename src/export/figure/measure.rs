//! Text measurement for the layout: how wide a string is at a size, and
//! text wrapped to a width (line breaks from [`crate::text::bidi`]).

use crate::text::bidi::break_lines;

/// Approximate advance width of `text` set at `size` points in Noto Sans
/// (or Noto Naskh Arabic), from per-character classes; used only to wrap
/// lines and size the legend, with some slack.
#[must_use]
pub fn approx_width(text: &str, size: f32, bold: bool) -> f32 {
    let em: f32 = text
        .chars()
        .map(|c| match c {
            ' ' => 0.26,
            'i' | 'l' | 'j' | 'I' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' => 0.28,
            'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '/' | '-' => 0.36,
            'm' | 'w' | 'M' | 'W' | '@' | '—' | '–' => 0.86,
            c if c.is_ascii_uppercase() => 0.66,
            c if c.is_ascii_digit() => 0.57,
            c if c.is_ascii() => 0.56,
            '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FEFF}' => 0.5,
            _ => 0.6,
        })
        .sum();
    em * size * if bold { 1.07 } else { 1.0 }
}

/// `text` broken into lines no wider than `width` (approximately).
pub(super) fn wrap(text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
    break_lines(text, width, &mut |s| approx_width(s, size, bold))
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
