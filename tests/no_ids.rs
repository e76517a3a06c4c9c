//! Nothing internal reaches the audience (issue 16, point 3): no citation
//! id, source id or source file name in what the viewer shows or reads out
//! (every accessible label and value, at steps 3, 9 and 12 with the reader,
//! the claims and the selected place open, and in presenter mode at every
//! stop, in English and Arabic), nor in the exported SVG figures at every
//! step; and the figure footer, as a 1280×720 GIF frame draws it, set in
//! type at least 14 px high. The forbidden strings come from the dataset
//! itself.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::sync::Arc;

use common::{run, texts};
use karabakh_atlas::export::{FigureOptions, figure_at_step};
use karabakh_atlas::i18n::Locale;
use karabakh_atlas::model::{Dataset, load_bundled};
use karabakh_atlas::scene::display::{MapCache, NameLang};
use karabakh_atlas::scene::style::ThemeKind;
use resvg::usvg;

/// Every citation id, source id and source file name of `ds`.
fn forbidden(ds: &Dataset) -> Vec<String> {
    let mut out: Vec<String> = ds.citations.iter().map(|c| c.id.clone()).collect();
    for s in &ds.sources {
        out.push(s.id.clone());
        out.push(s.file.clone());
        out.push(s.original_file_name.clone());
    }
    out.sort();
    out.dedup();
    out
}

/// The forbidden strings found in `text`.
fn found_in<'a>(text: &str, forbidden: &'a [String]) -> Vec<&'a str> {
    forbidden
        .iter()
        .filter(|f| text.contains(f.as_str()))
        .map(String::as_str)
        .collect()
}

#[test]
fn the_forbidden_list_is_the_datasets_own_and_would_catch_an_id() {
    let ds = load_bundled().unwrap();
    let f = forbidden(&ds);
    assert!(f.len() >= ds.citations.len() + ds.sources.len());
    // What the viewer showed before: an id, a file name.
    assert_eq!(
        found_in("as reported in 'turkish-parliament-vote'", &f),
        ["turkish-parliament-vote"]
    );
    assert!(!found_in("002_3be7c62d43463b36.txt, line 21", &f).is_empty());
}

#[test]
fn the_datasets_prose_shows_titles_where_it_named_source_ids() {
    let ds = load_bundled().unwrap();
    let f = forbidden(&ds);
    let claim = ds.claim("kalbajar-deadline").unwrap();
    let title = ds.source("turkish-parliament-vote").unwrap();
    let by = claim.versions[0].according_to.en();
    assert!(by.contains(title.label.en()), "{by}");
    assert!(
        claim.versions[0]
            .according_to
            .exact("ar")
            .unwrap()
            .contains(title.label.exact("ar").unwrap())
    );
    for c in &ds.claims {
        for v in &c.versions {
            for t in v.according_to.0.values() {
                assert!(found_in(t, &f).is_empty(), "{t}");
                assert!(!t.contains('{'), "{t}");
            }
        }
    }
}

#[test]
fn exported_svg_figures_hold_no_ids_at_any_step_in_either_language() {
    let ds = load_bundled().unwrap();
    let f = forbidden(&ds);
    for lang in ["en", "ar"] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("steps");
        let o = run(&[
            "export",
            "--all",
            "--format",
            "svg",
            "--size",
            "1280x720",
            "--lang",
            lang,
            "--out",
            out.to_str().unwrap(),
        ]);
        let (stdout, stderr) = texts(&o);
        assert!(o.status.success(), "{stderr}");
        assert!(stdout.contains("14"), "{stdout}");
        let mut n = 0;
        for e in std::fs::read_dir(&out).unwrap() {
            let path = e.unwrap().path();
            let svg = std::fs::read_to_string(&path).unwrap();
            // The footer is there, in words.
            let sources = if lang == "en" {
                "Sources for step"
            } else {
                "مصادر الخطوة"
            };
            assert!(svg.contains(sources), "{}", path.display());
            let hits = found_in(&svg, &f);
            assert!(
                hits.is_empty(),
                "{} ({lang}) shows {hits:?}",
                path.display()
            );
            n += 1;
        }
        assert_eq!(n, ds.steps.len());
    }
}

/// The bundled fonts, as the exporter uses them.
fn bundled_fonts() -> usvg::Options<'static> {
    let mut db = usvg::fontdb::Database::new();
    for (_, bytes) in karabakh_atlas::assets::FONTS {
        db.load_font_data(bytes.to_vec());
    }
    usvg::Options {
        fontdb: Arc::new(db),
        ..usvg::Options::default()
    }
}

fn texts_of(group: &usvg::Group, out: &mut Vec<usvg::Text>) {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => texts_of(g, out),
            usvg::Node::Text(t) => out.push((**t).clone()),
            _ => {}
        }
    }
}

#[test]
fn the_gif_frames_footer_is_at_least_14_px_high_at_1280_by_720() {
    let ds = load_bundled().unwrap();
    let cache = MapCache::new(&ds);
    for locale in [Locale::EN, Locale::AR] {
        // The options `export --format gif --size 1280x720` renders each
        // frame with.
        let opts = FigureOptions {
            width: 1280,
            height: 720,
            names: NameLang::Interface,
            theme: ThemeKind::Light,
            locale,
        };
        let fig = figure_at_step(&ds, &cache, 8, &opts).unwrap();
        let tree = usvg::Tree::from_str(&fig.svg, &bundled_fonts()).unwrap();
        assert_eq!(tree.size().height(), 720.0);
        let mut all = Vec::new();
        texts_of(tree.root(), &mut all);
        let footer: Vec<&usvg::Text> = all
            .iter()
            .filter(|t| {
                let s: String = t.chunks().iter().map(|c| c.text()).collect();
                s.contains(
                    ds.source("lachin-handover")
                        .unwrap()
                        .label
                        .get(locale.lang.tag()),
                ) || s.contains("Natural Earth")
            })
            .collect();
        assert!(footer.len() >= 2, "footer lines: {}", footer.len());
        for t in footer {
            // Type size in pixels: the font size through the text's
            // transform to the frame's pixels.
            let ts = t.abs_transform();
            let scale = (ts.sy * ts.sy + ts.kx * ts.kx).sqrt();
            for chunk in t.chunks() {
                for span in chunk.spans() {
                    let px = span.font_size().get() * scale;
                    assert!(
                        px >= 14.0,
                        "{:?}: footer text {px:.1} px high at 1280×720",
                        chunk.text()
                    );
                }
            }
            // And the glyphs as drawn: the line's ink reaches about its
            // size (ascenders and descenders of Latin or Arabic letters).
            let ink = t.abs_bounding_box().height();
            assert!(ink >= 12.0, "footer ink only {ink:.1} px high");
        }
    }
}

#[cfg(feature = "gui")]
mod gui {
    use super::{forbidden, found_in};
    use egui::Key;
    use egui::accesskit::Role;
    use egui_kittest::Harness;
    use egui_kittest::kittest::{NodeT, Queryable};
    use karabakh_atlas::i18n::Lang;
    use karabakh_atlas::model::load_bundled;
    use karabakh_atlas::ui::ViewerOptions;
    use karabakh_atlas::ui::app::{App, Command};

    fn build(step: usize, lang: Lang) -> Harness<'static, App> {
        let args = ViewerOptions {
            step: Some(step),
            lang: Some(lang),
            ..ViewerOptions::default()
        };
        let mut h = crate::common::viewer::viewer(load_bundled().unwrap(), args, 400);
        h.run();
        h
    }

    /// Every accessible label and value in the tree.
    fn labels(h: &Harness<'static, App>) -> Vec<String> {
        h.query_all_by(|_| true)
            .flat_map(|n| {
                let a = n.accesskit_node();
                [a.label(), a.value(), a.description()]
                    .into_iter()
                    .flatten()
                    .map(|s| s.to_string())
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// Open every closed claim section (the claims' versions and their
    /// passages), leaving the source details closed.
    fn open_claims(h: &mut Harness<'static, App>) {
        let closed: Vec<_> = h
            .query_all_by(|n| {
                let l = n.label().unwrap_or_default();
                n.role() == Role::Button
                    && n.data().is_expanded() == Some(false)
                    && (l.starts_with('⚠') || l.starts_with('✔'))
            })
            .collect();
        for n in closed {
            n.click_accesskit();
        }
        h.run_steps(3);
    }

    /// Assert no label shows a forbidden string; returns the labels.
    fn assert_clean(h: &Harness<'static, App>, forbidden: &[String], what: &str) -> Vec<String> {
        let shown = labels(h);
        for l in &shown {
            let hits = found_in(l, forbidden);
            assert!(hits.is_empty(), "{what}: {l:?} shows {hits:?}");
        }
        shown
    }

    #[test]
    fn the_viewer_shows_and_reads_out_no_ids_at_steps_3_9_and_12() {
        let ds = load_bundled().unwrap();
        let f = forbidden(&ds);
        for lang in [Lang::En, Lang::Ar] {
            for n in [3, 9, 12] {
                let mut h = build(n, lang);
                let what = format!("step {n} ({lang:?})");
                let shown = assert_clean(&h, &f, &what);
                assert!(shown.len() > 20, "{what}: only {} labels", shown.len());
                // The claims open, the reader on the step's first passage,
                // the first place the step touches selected.
                open_claims(&mut h);
                let step = &ds.steps[n - 1];
                let first = ds.step_citation_ids(step)[0].to_owned();
                h.state_mut().push(Command::OpenCitation(first));
                let place = step.touched_places().first().map(|p| (*p).to_owned());
                if let Some(p) = place {
                    h.state_mut().push(Command::Select(Some(p)));
                }
                h.run_steps(4);
                assert!(h.state().settings().reader.source.is_some());
                assert_clean(&h, &f, &format!("{what}, reader and place open"));
            }
        }
    }

    #[test]
    fn presenter_mode_shows_no_ids_at_any_stop() {
        let ds = load_bundled().unwrap();
        let f = forbidden(&ds);
        for lang in [Lang::En, Lang::Ar] {
            let mut h = build(1, lang);
            h.key_press(Key::F5);
            h.run_steps(3);
            for stop in 0..ds.steps.len() {
                assert_eq!(h.state().presenter().unwrap().position(), stop);
                let what = format!("presenting stop {} ({lang:?})", stop + 1);
                let shown = assert_clean(&h, &f, &what);
                // The caption's source line is among what was read.
                let source = if lang == Lang::En {
                    "Source: "
                } else {
                    "المصدر: "
                };
                assert!(
                    shown.iter().any(|l| l.starts_with(source)),
                    "{what}: no source line in {shown:?}"
                );
                h.key_press(Key::PageDown);
                h.run_steps(3);
            }
        }
    }
}
