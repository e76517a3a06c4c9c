//! resvg/usvg with the bundled fonts only: the figure's SVG to pixels (PNG)
//! and to a self-contained SVG file with the text as paths.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb};

use super::svg::{LATIN_FAMILY, escape};
use super::{ExportError, Figure, check_size};

/// The font database: the bundled faces (in [`crate::assets::FONTS`] order)
/// and nothing else, built once. The figure layout measures text with the
/// same faces ([`super::figure`]).
pub(super) fn font_db() -> &'static Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        for (_, bytes) in crate::assets::FONTS {
            db.load_font_data(bytes.to_vec());
        }
        db.set_sans_serif_family(LATIN_FAMILY);
        Arc::new(db)
    })
}

/// [`font_db`], shared.
fn fonts() -> Arc<fontdb::Database> {
    font_db().clone()
}

/// Parse the figure's SVG with the bundled fonts.
fn tree(svg: &str) -> Result<usvg::Tree, ExportError> {
    let opt = usvg::Options {
        font_family: LATIN_FAMILY.to_owned(),
        languages: vec!["en".to_owned(), "ar".to_owned()],
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &opt).map_err(|e| ExportError::Render(e.to_string()))
}

/// The figure's pixels: `width × height` RGBA, unpremultiplied, row by row.
///
/// # Errors
/// [`ExportError::Size`] for a size out of bounds; [`ExportError::Render`]
/// if the SVG cannot be parsed (a bug).
pub fn render_rgba(fig: &Figure) -> Result<Vec<u8>, ExportError> {
    check_size(u64::from(fig.width), u64::from(fig.height))?;
    let tree = tree(&fig.svg)?;
    let mut pixmap = Pixmap::new(fig.width, fig.height).ok_or(ExportError::Size {
        width: u64::from(fig.width),
        height: u64::from(fig.height),
    })?;
    let size = tree.size();
    #[allow(clippy::cast_precision_loss)]
    let transform = Transform::from_scale(
        fig.width as f32 / size.width(),
        fig.height as f32 / size.height(),
    );
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    Ok(pixmap.take_demultiplied())
}

/// The tEXt chunks a figure's PNG carries (Latin-1 only).
fn text_chunks(fig: &Figure) -> Vec<(&'static str, String)> {
    let vp = fig.map_viewport;
    let mut out = vec![
        ("karabakh-atlas:date", fig.date.iso()),
        (
            "karabakh-atlas:map-viewport",
            format!("{} {} {} {}", vp.min[0], vp.min[1], vp.size[0], vp.size[1]),
        ),
        (
            "karabakh-atlas:camera",
            format!(
                "{} {} {}",
                fig.camera.center[0], fig.camera.center[1], fig.camera.zoom
            ),
        ),
        ("karabakh-atlas:ref-lat", format!("{}", fig.ref_lat)),
        (
            "karabakh-atlas:pixels-per-point",
            format!("{}", fig.pixels_per_point),
        ),
        (
            "karabakh-atlas:legend",
            format!(
                "{} {} {} {}",
                fig.legend[0], fig.legend[1], fig.legend[2], fig.legend[3]
            ),
        ),
    ];
    if let Some(i) = fig.step {
        out.push(("karabakh-atlas:step", (i + 1).to_string()));
    }
    out
}

/// The figure as a PNG (RGBA, 8 bits) with its metadata (see the module
/// documentation of [`super`]).
///
/// # Errors
/// Size, rendering or encoding failures.
pub fn render_png(fig: &Figure) -> Result<Vec<u8>, ExportError> {
    let rgba = render_rgba(fig)?;
    encode_png(fig, &rgba)
}

fn encode_png(fig: &Figure, rgba: &[u8]) -> Result<Vec<u8>, ExportError> {
    let utf8 = [
        ("Title", fig.title.clone()),
        ("Description", fig.description.clone()),
        (
            "Software",
            format!("karabakh-atlas {}", env!("CARGO_PKG_VERSION")),
        ),
    ];
    png_bytes(fig.width, fig.height, rgba, &text_chunks(fig), &utf8)
}

/// Encode RGBA pixels as a PNG with `latin1` tEXt chunks and `utf8` iTXt
/// chunks, in the order given (the same input gives the same bytes). Used
/// for figures and for window screenshots.
///
/// # Errors
/// [`ExportError::Encode`] (e.g. a pixel buffer of the wrong size).
pub fn png_bytes(
    width: u32,
    height: u32,
    rgba: &[u8],
    latin1: &[(&str, String)],
    utf8: &[(&str, String)],
) -> Result<Vec<u8>, ExportError> {
    let err = |e: png::EncodingError| ExportError::Encode {
        format: "PNG",
        message: e.to_string(),
    };
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, width, height);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::Fast);
        for (k, v) in latin1 {
            enc.add_text_chunk((*k).to_owned(), v.clone())
                .map_err(err)?;
        }
        for (k, v) in utf8 {
            enc.add_itxt_chunk((*k).to_owned(), v.clone())
                .map_err(err)?;
        }
        let mut writer = enc.write_header().map_err(err)?;
        writer.write_image_data(rgba).map_err(err)?;
        writer.finish().map_err(err)?;
    }
    Ok(out)
}

/// The figure as a self-contained SVG file: usvg lays the text out with the
/// bundled fonts and writes it as paths (so it looks the same without the
/// fonts), and the words are kept: the root has a `<title>` and a `<desc>`
/// (date, step, source reference, attribution), `role="img"` and a
/// `viewBox`; each text group has an `aria-label` with its string.
///
/// # Errors
/// [`ExportError::Render`] if the SVG cannot be parsed (a bug).
pub fn svg_for_file(fig: &Figure) -> Result<String, ExportError> {
    let tree = tree(&fig.svg)?;
    let opts = usvg::WriteOptions {
        coordinates_precision: 3,
        transforms_precision: 6,
        indent: usvg::Indent::None,
        ..usvg::WriteOptions::default()
    };
    let mut out = tree.to_string(&opts);
    // Root attributes and the words.
    let Some(end) = out
        .find("<svg")
        .and_then(|s| out[s..].find('>').map(|e| s + e))
    else {
        return Err(ExportError::Render("usvg wrote no <svg> element".into()));
    };
    let self_closing = out[..end].ends_with('/');
    let at = if self_closing { end - 1 } else { end };
    let attrs = format!(
        " viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"figure-title figure-desc\"",
        fig.width, fig.height
    );
    let words = format!(
        "\n<title id=\"figure-title\">{}</title>\n<desc id=\"figure-desc\">{}</desc>\n",
        escape(&fig.title),
        escape(&fig.description)
    );
    if self_closing {
        out.insert_str(at, &attrs);
    } else {
        out.insert_str(end + 1, &words);
        out.insert_str(at, &attrs);
    }
    // Each flattened text group keeps its element id; label it.
    let mut labelled = String::with_capacity(out.len() + fig.texts.len() * 40);
    let mut rest = out.as_str();
    let mut labels = fig.texts.iter().peekable();
    while let Some((id, text)) = labels.peek() {
        let needle = format!("id=\"{id}\"");
        if let Some(pos) = rest.find(&needle) {
            let cut = pos + needle.len();
            labelled.push_str(&rest[..cut]);
            labelled.push_str(&format!(
                " role=\"img\" aria-label=\"{}\"",
                escape(text.as_str())
            ));
            rest = &rest[cut..];
        }
        labels.next();
    }
    labelled.push_str(rest);
    if !labelled.ends_with('\n') {
        labelled.push('\n');
    }
    Ok(labelled)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::export::{FigureOptions, figure_at_step};
    use crate::model::load_bundled;
    use crate::scene::display::{MapCache, NameLang};

    #[test]
    fn only_the_bundled_fonts_are_known() {
        let db = fonts();
        assert_eq!(db.len(), crate::assets::FONTS.len());
        let families: Vec<String> = db
            .faces()
            .flat_map(|f| f.families.iter().map(|(n, _)| n.clone()))
            .collect();
        let bundled: Vec<&str> = crate::assets::FONTS.iter().map(|(f, _)| *f).collect();
        assert!(
            families.iter().all(|f| bundled.contains(&f.as_str())),
            "{families:?}"
        );
        // Each bundled file declares the family it is listed under.
        for (family, _) in crate::assets::FONTS {
            assert!(families.iter().any(|f| f == family), "{family}");
        }
    }

    #[test]
    fn the_svg_file_has_paths_and_words() {
        let ds = load_bundled().unwrap();
        let cache = MapCache::new(&ds);
        let opts = FigureOptions {
            width: 640,
            height: 360,
            names: NameLang::parse("ar").unwrap(),
            ..FigureOptions::default()
        };
        let fig = figure_at_step(&ds, &cache, 8, &opts).unwrap();
        let svg = svg_for_file(&fig).unwrap();
        assert!(!svg.contains("<text"), "text was not converted to paths");
        assert!(svg.contains("<title id=\"figure-title\">"));
        assert!(svg.contains("1 December 2020"));
        assert!(svg.contains("aria-label=\"لاتشين\""), "no label for Lachin");
        assert!(svg.contains("viewBox=\"0 0 640 360\""));
        // It parses again and renders.
        let again = tree(&svg).unwrap();
        assert_eq!(again.size().width(), 640.0);
        let png = render_png(&fig).unwrap();
        assert_eq!(&png[1..4], b"PNG");
    }
}
