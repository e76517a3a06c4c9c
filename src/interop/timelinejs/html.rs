//! HTML to plain text, the way a browser shows it: tags removed, the
//! contents of scripts, styles and frames dropped, entities decoded, white
//! space collapsed, one line per paragraph or line break. TimelineJS text
//! fields are HTML; the dataset keeps plain text.
//!
//! Named entities (`&eacute;`, `&hellip;`, all of the HTML standard's list)
//! are looked up in the `htmlize` crate's table. Numeric references
//! (`&#x627;`) are decoded here: one that names no character is reported
//! and kept as written rather than silently becoming U+FFFD.
//!
//! The tag scanner is kept hand-written: TimelineJS fields are short
//! fragments, and the importer needs counts of what was dropped (links,
//! images, scripts) for its notes, which a full HTML parser crate would add a
//! large dependency to provide.

/// Plain text from a TimelineJS HTML field, and what was lost on the way.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PlainText {
    /// The text: tags removed, entities decoded, white space collapsed as a
    /// browser does, one line per paragraph or line break.
    pub text: String,
    /// Links whose address was dropped (their text is kept).
    pub links: usize,
    /// Images, scripts, styles and embedded frames dropped.
    pub dropped: usize,
    /// Entities that are not known, kept as written.
    pub unknown_entities: Vec<String>,
}

/// Tags after which a browser starts a new line.
const BLOCK_TAGS: [&str; 27] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tr",
];

/// What the named character reference `entity` (`&eacute;`, with its `&`
/// and `;`) stands for, from the HTML standard's full list (through the
/// `htmlize` crate); `None` if it names nothing.
fn named_entity(entity: &str) -> Option<&'static str> {
    htmlize::ENTITIES
        .get(entity.as_bytes())
        .and_then(|v| std::str::from_utf8(v).ok())
}

/// The end of the tag starting at byte `start` (`s[start] == '<'`): the
/// byte after its `>`, skipping `>` inside quoted attribute values.
fn tag_end(s: &str, start: usize) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (i, c) in s[start + 1..].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(start + 1 + i + 1),
            (None, _) => {}
        }
    }
    None
}

/// `s` as plain text, the way a browser would show it.
#[must_use]
pub fn html_to_text(s: &str) -> PlainText {
    let mut out = PlainText::default();
    let mut raw = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let Some(c) = rest.chars().next() else { break };
        if c == '<' {
            if rest.starts_with("<!--") {
                i = rest.find("-->").map_or(s.len(), |e| i + e + 3);
                continue;
            }
            let next = rest[1..].chars().next();
            if next.is_some_and(|n| n.is_ascii_alphabetic() || n == '/' || n == '!')
                && let Some(end) = tag_end(s, i)
            {
                let inner = &s[i + 1..end - 1];
                let closing = inner.starts_with('/');
                let name: String = inner
                    .trim_start_matches('/')
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect::<String>()
                    .to_ascii_lowercase();
                i = end;
                if !closing && matches!(name.as_str(), "script" | "style" | "iframe") {
                    out.dropped += 1;
                    let close = format!("</{name}");
                    let lower = s[i..].to_ascii_lowercase();
                    i = match lower.find(&close) {
                        Some(at) => tag_end(s, i + at).unwrap_or(s.len()),
                        None => s.len(),
                    };
                    continue;
                }
                if !closing && name == "img" {
                    out.dropped += 1;
                }
                if !closing && name == "a" && inner.to_ascii_lowercase().contains("href") {
                    out.links += 1;
                }
                if BLOCK_TAGS.contains(&name.as_str()) {
                    raw.push('\n');
                }
                continue;
            }
        }
        if c == '&'
            && let Some(semi) = rest
                .char_indices()
                .take(htmlize::ENTITY_MAX_LENGTH.max(34))
                .find(|(_, c)| *c == ';')
                .map(|(at, _)| at)
        {
            let name = &rest[1..semi];
            let decoded = if let Some(num) = name.strip_prefix('#') {
                let n = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse::<u32>().ok(),
                };
                n.and_then(char::from_u32)
                    .filter(|c| *c != '\0')
                    .map(String::from)
            } else {
                named_entity(&rest[..=semi]).map(str::to_owned)
            };
            if let Some(d) = decoded {
                raw.extend(d.chars().map(|c| if c == '\n' { ' ' } else { c }));
                i += semi + 1;
                continue;
            }
            if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '#') {
                out.unknown_entities.push(format!("&{name};"));
            }
        }
        // White space in HTML source collapses to one space.
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{C}') {
            if !raw.ends_with(' ') && !raw.ends_with('\n') {
                raw.push(' ');
            }
        } else {
            raw.push(c);
        }
        i += c.len_utf8();
    }
    out.text = raw
        .split('\n')
        .map(|l| l.trim_matches(' '))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_the_text_a_browser_shows() {
        let p = html_to_text(
            "<p>Take <a href=\"https://x\">Ada&nbsp;Lovelace</a>:\n   daughter of\tLord Byron&hellip;</p><span class=\"n\">A &quot;note&quot; &amp; more &#x263A; &#65;</span><br/>x &lt; y &foo; <script>alert(1)</script><img src=a>end",
        );
        assert_eq!(
            p.text,
            "Take Ada\u{A0}Lovelace: daughter of Lord Byron…\nA \"note\" & more ☺ A\nx < y &foo; end"
        );
        assert_eq!(p.links, 1);
        assert_eq!(p.dropped, 2);
        assert_eq!(p.unknown_entities, ["&foo;"]);
    }

    #[test]
    fn named_and_numeric_entities_are_decoded() {
        let p = html_to_text(
            "caf&eacute; &#x627;&#1604; a&nbsp;b wait&hellip; &Aacute;&alpha;&rarr;&NotEqualTilde; &CounterClockwiseContourIntegral; &#9731; &eacute &bogus;",
        );
        assert_eq!(
            p.text,
            "café ال a\u{A0}b wait… Áα→\u{2242}\u{338} \u{2233} ☃ &eacute &bogus;"
        );
        assert_eq!(p.unknown_entities, ["&bogus;"]);
    }

    #[test]
    fn every_entity_of_the_old_hand_written_table_still_decodes() {
        let old: [(&str, char); 48] = [
            ("amp", '&'),
            ("lt", '<'),
            ("gt", '>'),
            ("quot", '"'),
            ("apos", '\''),
            ("nbsp", '\u{A0}'),
            ("ndash", '–'),
            ("mdash", '—'),
            ("hellip", '…'),
            ("lsquo", '‘'),
            ("rsquo", '’'),
            ("sbquo", '‚'),
            ("ldquo", '“'),
            ("rdquo", '”'),
            ("bdquo", '„'),
            ("laquo", '«'),
            ("raquo", '»'),
            ("lsaquo", '‹'),
            ("rsaquo", '›'),
            ("copy", '©'),
            ("reg", '®'),
            ("trade", '™'),
            ("deg", '°'),
            ("middot", '·'),
            ("bull", '•'),
            ("euro", '€'),
            ("pound", '£'),
            ("yen", '¥'),
            ("cent", '¢'),
            ("sect", '§'),
            ("para", '¶'),
            ("times", '×'),
            ("divide", '÷'),
            ("plusmn", '±'),
            ("shy", '\u{AD}'),
            ("zwnj", '\u{200C}'),
            ("zwj", '\u{200D}'),
            ("lrm", '\u{200E}'),
            ("rlm", '\u{200F}'),
            ("eacute", 'é'),
            ("egrave", 'è'),
            ("aacute", 'á'),
            ("agrave", 'à'),
            ("ouml", 'ö'),
            ("uuml", 'ü'),
            ("auml", 'ä'),
            ("szlig", 'ß'),
            ("ccedil", 'ç'),
        ];
        for (name, want) in old {
            let p = html_to_text(&format!("x&{name};y"));
            assert_eq!(p.text, format!("x{want}y"), "&{name};");
            assert!(p.unknown_entities.is_empty(), "&{name};");
        }
    }

    #[test]
    fn any_text_is_handled_without_panicking() {
        // Every substring of a text mixing multi-byte letters with the
        // characters the parser looks at.
        let tricky =
            "&قره; <b x='ي>'>&#x6;&#xD800;&#99999999;<!-- ي &نص; <scr<script>ي</script>é&amp";
        let chars: Vec<(usize, char)> = tricky.char_indices().collect();
        for (a, _) in &chars {
            for (b, _) in chars.iter().filter(|(b, _)| b >= a) {
                let _ = html_to_text(&tricky[*a..*b]);
            }
            let _ = html_to_text(&tricky[*a..]);
        }
    }

    #[test]
    fn a_lone_angle_bracket_and_ampersand_stay() {
        assert_eq!(html_to_text("a < b & c > d").text, "a < b & c > d");
        assert_eq!(html_to_text("<!-- hidden -->shown").text, "shown");
        assert_eq!(html_to_text("<b title='a>b'>bold</b>").text, "bold");
    }
}
