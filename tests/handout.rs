//! The PDF handout (`export --format pdf`) through the real binary, read
//! back with poppler-utils as a reader's tools would: pages (one per stop),
//! text (the Arabic passages as searchable text), no internal names, the
//! map in the legend's colours, and the tags (PDF/UA) a screen reader
//! reads. Needs poppler-utils (see tests/common/tools.rs).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::run;
use common::tools::tool;
use karabakh_atlas::model::load_bundled;
use karabakh_atlas::model::tour::load_tour_file;
use karabakh_atlas::scene::style::{Style, ThemeKind};

fn tour_file() -> PathBuf {
    common::data_dir().join("tours/handovers.toml")
}

/// Write the handout of the handover tour with extra `args`; its path.
fn handout(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let tour = tour_file();
    let mut all = vec!["--tour", tour.to_str().unwrap()];
    all.extend_from_slice(args);
    export(dir, name, &all)
}

/// Write a handout with `args` (none: every step); its path.
fn export(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let out = dir.join(name);
    let mut all = vec!["export", "--format", "pdf", "--out", out.to_str().unwrap()];
    all.extend_from_slice(args);
    let o = run(&all);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

fn poppler(name: &str, args: &[&str]) -> String {
    let o = Command::new(name).args(args).output().unwrap();
    assert!(
        o.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    // Lossy: poppler prints a structure element's title as it is stored
    // (UTF-16 when it is not ASCII).
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn pages(pdf: &Path) -> usize {
    poppler("pdfinfo", &[pdf.to_str().unwrap()])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

fn page_text(pdf: &Path, page: usize) -> String {
    let p = page.to_string();
    poppler(
        "pdftotext",
        &["-f", &p, "-l", &p, pdf.to_str().unwrap(), "-"],
    )
}

/// Without bidi controls, whitespace and Arabic marks (harakat, shadda):
/// pdftotext sometimes puts a space inside an Arabic word after a mark, and
/// in right-to-left text it puts a combining mark before the letter it sits
/// on; the letters themselves must all come back, in order.
fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .filter(|c| !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}'))
        .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect()
}

/// The Arabic words of `text`: maximal runs of Arabic letters and marks.
fn arabic_words(text: &str) -> Vec<String> {
    text.split(|c: char| {
        !('\u{0600}'..='\u{06FF}').contains(&c) || c == '،' || c == '؛' || c == '؟'
    })
    .filter(|w| w.chars().count() > 1)
    .map(str::to_owned)
    .collect()
}

/// The pages (1-based) whose text starts with "Stop N of M", in order.
fn stop_pages(pdf: &Path, prefix: &str) -> Vec<usize> {
    (1..=pages(pdf))
        .filter(|&p| {
            page_text(pdf, p)
                .trim_start_matches(|c: char| {
                    c.is_whitespace() || ('\u{202A}'..='\u{202E}').contains(&c)
                })
                .starts_with(prefix)
        })
        .collect()
}

#[test]
fn the_handover_tour_has_a_cover_a_section_per_stop_and_its_passages_as_text() {
    if tool("pdftotext", "poppler-utils").is_none() {
        return;
    }
    let ds = load_bundled().unwrap();
    let tour = load_tour_file(&tour_file(), &ds).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = handout(dir.path(), "h.pdf", &[]);

    // A cover, then each stop from the top of a page, in order.
    let cover = page_text(&pdf, 1);
    assert!(
        cover.contains(ds.title.en().split(',').next().unwrap()),
        "{cover}"
    );
    assert!(cover.contains("Sources"));
    for s in &ds.sources {
        assert!(
            cover.contains(s.sha256.as_deref().unwrap()),
            "SHA-256 of a source missing"
        );
    }
    // One page per stop.
    assert_eq!(pages(&pdf), 1 + tour.stops.len());
    let starts = stop_pages(&pdf, "Stop ");
    assert_eq!(starts, (2..=1 + tour.stops.len()).collect::<Vec<_>>());
    for (i, &p) in starts.iter().enumerate() {
        let text = page_text(&pdf, p);
        assert!(text.contains(&format!("Stop {} of {}", i + 1, tour.stops.len())));
        let step = &ds.steps[tour.stops[i].step];
        assert!(
            text.contains(step.title.en()),
            "page {p}: {}",
            step.title.en()
        );
    }
    let info = poppler("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(info.contains(tour.title.en()), "{info}");

    // Every Arabic word of every cited passage comes back as text.
    let all = squeeze(&poppler("pdftotext", &[pdf.to_str().unwrap(), "-"]));
    let mut checked = 0;
    for stop in &tour.stops {
        for id in &ds.steps[stop.step].citations {
            let quote = &ds.citation(id).unwrap().quote;
            for word in arabic_words(quote) {
                let word = squeeze(&word);
                assert!(
                    all.contains(&word),
                    "{word} of {quote:?} is not in the text"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked}");

    // No id or file name of the dataset appears.
    let raw = poppler("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    let mut names: Vec<String> = Vec::new();
    for s in &ds.sources {
        names.push(s.id.clone());
        names.push(s.file.clone());
        names.push(s.file.trim_end_matches(".txt").to_owned());
        names.push(s.original_file_name.clone());
    }
    names.extend(ds.citations.iter().map(|c| c.id.clone()));
    names.extend(ds.steps.iter().map(|s| s.id.clone()));
    names.extend(ds.claims.iter().map(|c| c.id.clone()));
    // (The tour's id, "handovers", is also an ordinary word of its title.)
    for n in names {
        assert!(!raw.contains(&n), "{n} appears in the handout");
    }
}

#[test]
fn page_two_shows_the_map_in_the_legend_colours_and_the_lachin_stop_shows_it_handed_over() {
    if tool("pdftoppm", "poppler-utils").is_none() {
        return;
    }
    let ds = load_bundled().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = handout(dir.path(), "h.pdf", &[]);
    let style = Style::new(ThemeKind::Light);
    // A controller's colours: its fill, and the paler fill of a place it
    // holds only in part (Nagorno-Karabakh before 2023, issue 18).
    let colour_of = |id: &str| {
        let i = ds.controllers.iter().position(|c| c.id == id).unwrap();
        [style.controller_fill(i), style.controller_part_fill(i)]
    };
    let (az, arm) = (colour_of("azerbaijan"), colour_of("armenian_forces"));
    // The share of the page's pixels in each colour.
    let shares = |page: usize| {
        let prefix = dir.path().join(format!("page{page}"));
        let p = page.to_string();
        poppler(
            "pdftoppm",
            &[
                "-r",
                "72",
                "-f",
                &p,
                "-l",
                &p,
                "-png",
                "-singlefile",
                pdf.to_str().unwrap(),
                prefix.to_str().unwrap(),
            ],
        );
        let png = std::fs::read(prefix.with_extension("png")).unwrap();
        let mut reader = png::Decoder::new(std::io::Cursor::new(png))
            .read_info()
            .unwrap();
        let mut rgb = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut rgb).unwrap();
        assert_eq!(info.color_type, png::ColorType::Rgb);
        let near = |cs: [[u8; 4]; 2]| {
            rgb.chunks_exact(3)
                .filter(|p| {
                    cs.iter()
                        .any(|c| p.iter().zip(c).take(3).all(|(a, b)| a.abs_diff(*b) <= 3))
                })
                .count() as f64
                / f64::from(info.width * info.height)
        };
        (near(az), near(arm))
    };
    let (az2, arm2) = shares(2);
    assert!(
        az2 > 0.001 && arm2 > 0.001,
        "page 2: Azerbaijan {az2}, Armenian forces {arm2}"
    );
    // The maps are set at different sizes to fit their pages: compare
    // Azerbaijan's part of the two colours.
    let lachin = *stop_pages(&pdf, "Stop 4 of").first().unwrap();
    let (az_l, arm_l) = shares(lachin);
    assert!(
        az_l / (az_l + arm_l) > az2 / (az2 + arm2),
        "Lachin stop: {az_l} {arm_l} against {az2} {arm2}"
    );
}

#[test]
fn an_arabic_teachers_handout_and_identical_bytes() {
    if tool("pdfinfo", "poppler-utils").is_none() {
        return;
    }
    let ds = load_bundled().unwrap();
    let tour = load_tour_file(&tour_file(), &ds).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let a = handout(dir.path(), "a.pdf", &["--lang", "ar", "--paper", "letter"]);
    let b = handout(dir.path(), "b.pdf", &["--lang", "ar", "--paper", "letter"]);
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    let info = poppler("pdfinfo", &[a.to_str().unwrap()]);
    assert!(info.contains("612 x 792"), "{info}");
    assert!(!info.contains("CreationDate"), "{info}");
    let starts = stop_pages(&a, "المحطة");
    assert_eq!(starts.len(), tour.stops.len());
    let note = squeeze(tour.stops[0].notes.get("ar"));
    assert!(!squeeze(&poppler("pdftotext", &[a.to_str().unwrap(), "-"])).contains(&note));
    assert_eq!(pages(&a), 1 + tour.stops.len());
    let t = handout(dir.path(), "t.pdf", &["--lang", "ar", "--teacher"]);
    // The teacher's notes fit on the stop's page too.
    assert_eq!(
        stop_pages(&t, "المحطة"),
        (2..=1 + tour.stops.len()).collect::<Vec<_>>()
    );
    assert_eq!(pages(&t), 1 + tour.stops.len());
    let text = squeeze(&poppler("pdftotext", &[t.to_str().unwrap(), "-"]));
    for word in arabic_words(tour.stops[0].notes.get("ar")) {
        let word = squeeze(&word);
        assert!(text.contains(&word), "teacher's note word {word} missing");
    }
    assert!(text.contains(&squeeze("ملاحظات المعلّم")));

    // SOURCE_DATE_EPOCH fixes the creation date.
    let out = dir.path().join("d.pdf");
    let tourf = tour_file();
    let o = Command::new(env!("CARGO_BIN_EXE_karabakh-atlas"))
        .args([
            "export",
            "--format",
            "pdf",
            "--tour",
            tourf.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .output()
        .unwrap();
    assert!(o.status.success());
    let info = poppler("pdfinfo", &["-isodates", out.to_str().unwrap()]);
    assert!(info.contains("2023-11-14T22:13:20"), "{info}");

    // Never over a file without --force.
    let o = run(&["export", "--format", "pdf", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--force"));
}

/// Every bundled tour, and every step without a tour (the longest
/// passages), in English and in Arabic on the other paper: a cover, then
/// exactly one page per stop, none of them continued.
#[test]
fn every_stop_of_the_bundled_tours_and_every_step_fits_on_one_page() {
    if tool("pdftotext", "poppler-utils").is_none() {
        return;
    }
    let ds = load_bundled().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let full = common::data_dir().join("tours/full-story.toml");
    let runs: [(&str, Vec<&str>, usize, &str); 3] = [
        (
            "full.pdf",
            vec!["--tour", full.to_str().unwrap()],
            load_tour_file(&full, &ds).unwrap().stops.len(),
            "Stop ",
        ),
        ("all.pdf", vec![], ds.steps.len(), "Stop "),
        (
            "all-ar.pdf",
            vec!["--lang", "ar", "--paper", "letter", "--teacher"],
            ds.steps.len(),
            "المحطة",
        ),
    ];
    for (name, args, stops, prefix) in runs {
        let pdf = export(dir.path(), name, &args);
        assert_eq!(pages(&pdf), 1 + stops, "{name}");
        assert_eq!(
            stop_pages(&pdf, prefix),
            (2..=1 + stops).collect::<Vec<_>>(),
            "{name}"
        );
        let text = poppler("pdftotext", &[pdf.to_str().unwrap(), "-"]);
        assert!(
            !text.contains("continued") && !text.contains("تتمة"),
            "{name}"
        );
    }
}

/// A stop with more questions than a page holds even in the smallest
/// setting runs onto a second page, whose header says the stop continues.
#[test]
fn a_stop_too_long_for_one_page_continues_on_a_page_that_says_so() {
    if tool("pdftotext", "poppler-utils").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut tour = String::from(
        "title = { en = \"Long\", ar = \"طويلة\" }\n\
         description = { en = \"One long stop.\", ar = \"محطة طويلة.\" }\n\n\
         [[stop]]\nstep = \"ceasefire-2020\"\nquestions = [\n",
    );
    for i in 0..40 {
        tour.push_str(&format!(
            "  {{ en = \"Question {i}: what does the text say, and who says it?\", ar = \"السؤال {i}: ماذا يقول النص، ومن يقوله؟\" }},\n"
        ));
    }
    tour.push_str("]\n");
    let file = dir.path().join("long.toml");
    std::fs::write(&file, tour).unwrap();
    let pdf = export(dir.path(), "long.pdf", &["--tour", file.to_str().unwrap()]);
    let n = pages(&pdf);
    assert!(n >= 3, "{n} pages");
    assert!(page_text(&pdf, 2).trim_start().starts_with("Stop 1 of 1"));
    for p in 3..=n {
        let text = page_text(&pdf, p);
        assert!(
            text.trim_start().starts_with("Stop 1 of 1 (continued)"),
            "page {p}: {text}"
        );
    }
    let all = poppler("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    assert!(all.contains("Question 39:"));
}

/// The handout is tagged PDF conforming to PDF/UA-1: poppler reads its
/// structure tree with the cover's title as the one first-level heading, a
/// second-level heading per stop with its title, the passages in Arabic,
/// the questions as list items and each map as a figure whose alternative
/// text says who controls what at that stop's date.
#[test]
fn the_handout_is_tagged_with_headings_lists_and_described_figures() {
    if tool("pdfinfo", "poppler-utils").is_none() {
        return;
    }
    let ds = load_bundled().unwrap();
    let tour = load_tour_file(&tour_file(), &ds).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = handout(dir.path(), "h.pdf", &[]);
    let path = pdf.to_str().unwrap();
    let info = poppler("pdfinfo", &[path]);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Tagged:") && l.trim_end().ends_with("yes")),
        "{info}"
    );
    let bytes = std::fs::read(&pdf).unwrap();
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    assert!(
        has(b"/DisplayDocTitle true"),
        "the title bar shows the title"
    );
    assert!(has(b"pdfuaid:part"), "PDF/UA identification");

    // The Arabic passages are marked as Arabic.
    assert!(has(b"/Lang(ar)"), "no element in Arabic");

    let tree = poppler("pdfinfo", &["-struct-text", path]);
    let lines: Vec<&str> = tree.lines().collect();
    let count = |tag: &str| {
        lines
            .iter()
            .filter(|l| l.trim_start().starts_with(tag))
            .count()
    };
    assert_eq!(count("H1 "), 1, "{tree}");
    // The tour and the sources on the cover, then one per stop.
    assert_eq!(count("H2 "), tour.stops.len() + 2, "{tree}");
    assert_eq!(count("Sect"), tour.stops.len(), "{tree}");
    assert_eq!(count("Figure"), tour.stops.len(), "{tree}");
    let cited: usize = tour
        .stops
        .iter()
        .map(|s| ds.steps[s.step].citations.len())
        .sum();
    assert_eq!(count("BlockQuote"), cited, "{tree}");
    let questions: usize = tour.stops.iter().map(|s| s.questions.len()).sum();
    assert_eq!(count("LI "), questions + ds.sources.len(), "{tree}");
    for (i, stop) in tour.stops.iter().enumerate() {
        let step = &ds.steps[stop.step];
        let heading = format!("H2 \"{}. {}\"", i + 1, step.title.en());
        assert!(tree.contains(&heading), "{heading}");
    }
    // Each figure's alternative text (poppler does not print it: read it
    // from the file) says who controls what at that stop's date: Lachin
    // changes hands between the first stop and the last.
    let alts: Vec<String> = String::from_utf8_lossy(&bytes)
        .split("/Alt(")
        .skip(1)
        .map(|rest| rest.split(')').next().unwrap().to_owned())
        .collect();
    assert_eq!(alts.len(), tour.stops.len(), "{alts:?}");
    let lachin = ds
        .places
        .iter()
        .find(|p| p.id == "lachin")
        .unwrap()
        .names
        .en();
    let holder = |alt: &str| {
        let at = alt.find(lachin).unwrap();
        let before = &alt[..at];
        let by = before.rfind("Controlled by ").unwrap();
        before[by..].split(':').next().unwrap().to_owned()
    };
    assert!(
        alts[0].starts_with("Map on 10 November 2020. "),
        "{}",
        alts[0]
    );
    assert_eq!(
        holder(&alts[0]),
        "Controlled by Armenian forces",
        "{alts:?}"
    );
    assert_eq!(holder(&alts[3]), "Controlled by Azerbaijan", "{alts:?}");
}

/// File › Export handout… in the viewer: the in-app path prompt, a job with
/// progress, and a PDF with a cover and a section per step.
#[cfg(feature = "gui")]
#[test]
fn the_viewer_exports_a_handout_from_the_file_menu() {
    use egui_kittest::kittest::Queryable;
    use karabakh_atlas::ui::ViewerOptions;
    karabakh_atlas::ui::files::disable_native_dialogs();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("handout.pdf");
    let args = ViewerOptions {
        lang: Some(karabakh_atlas::i18n::Lang::En),
        ..ViewerOptions::default()
    };
    let mut h = common::viewer::viewer(load_bundled().unwrap(), args, 200);
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export handout…").click();
    h.run();
    h.get_by_role(egui::accesskit::Role::TextInput)
        .type_text(path.to_str().unwrap());
    h.run();
    h.get_by_label("Save").click();
    let start = std::time::Instant::now();
    while h.query_by_label_contains("Wrote ").is_none() {
        assert!(start.elapsed().as_secs() < 120, "timed out");
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    if tool("pdftotext", "poppler-utils").is_some() {
        let ds = load_bundled().unwrap();
        assert_eq!(stop_pages(&path, "Stop ").len(), ds.steps.len());
    }
}
