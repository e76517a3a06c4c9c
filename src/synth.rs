//! Synthetic datasets for benchmarks and robustness tests: valid datasets of
//! any size, in the bundled dataset's format, about nothing real.
//!
//! A dataset at scale `k` has `k` times the tracked places, towns, steps,
//! citations and sources of a base dataset (normally the bundled one, see
//! [`Counts::of`]). Tracked places are square districts on a grid, each with
//! as many vertices as a typical bundled district; step 1 gives every
//! district to the first controller, and each later step hands one or two
//! districts to the next controller, citing passages of generated source
//! text. The generated text is neutral filler ("passage 12: experimental
//! text about area 3") so nothing here can be mistaken for a claim about the
//! conflict.
//!
//! Hidden from the docs: this is test and benchmark support, not API.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use sha2::{Digest, Sha256};

use crate::model::{Dataset, Date};

/// How many of each thing a dataset has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Tracked places (districts and regions).
    pub tracked: usize,
    /// Towns (markers).
    pub towns: usize,
    /// Steps.
    pub steps: usize,
    /// Citations.
    pub citations: usize,
    /// Sources.
    pub sources: usize,
}

impl Counts {
    /// The counts of `ds`.
    #[must_use]
    pub fn of(ds: &Dataset) -> Self {
        Self {
            tracked: ds.tracked_places().count(),
            towns: ds.places.len() - ds.tracked_places().count(),
            steps: ds.steps.len(),
            citations: ds.citations.len(),
            sources: ds.sources.len(),
        }
    }

    /// These counts multiplied by `k`, keeping the minimums a valid dataset
    /// needs (two steps, one citation per step, one source, one place).
    #[must_use]
    pub fn times(self, k: usize) -> Self {
        let steps = (self.steps * k).max(2);
        Self {
            tracked: (self.tracked * k).max(1),
            towns: self.towns * k,
            steps,
            citations: (self.citations * k).max(steps),
            sources: (self.sources * k).max(1),
        }
    }
}

/// Vertices along each side of a generated district (the bundled districts
/// have 15 to 50 vertices each).
const SIDE_VERTICES: usize = 8;

/// Filler words for the generated source texts (Arabic, so the reader's
/// right-to-left path is exercised): "text", "experimental", "area",
/// "passage", "number", "without", "meaning".
const WORDS: [&str; 7] = ["نص", "تجريبي", "منطقة", "مقطع", "رقم", "بلا", "معنى"];

/// Controllers of every synthetic dataset.
const CONTROLLERS: [&str; 3] = ["alpha", "beta", "gamma"];

fn district_id(i: usize) -> String {
    format!("area-{i}")
}

/// The square of district `i` on a grid of `cols` columns: (west, south,
/// side) in degrees.
fn square(i: usize, cols: usize) -> (f64, f64, f64) {
    let side = 0.25;
    let (col, row) = (i % cols, i / cols);
    (40.0 + col as f64 * side, 35.0 + row as f64 * side, side)
}

fn ring(west: f64, south: f64, side: f64) -> String {
    // Counter-clockwise, closed, SIDE_VERTICES points per side.
    let mut pts = Vec::with_capacity(4 * SIDE_VERTICES + 1);
    let corners = [
        (west, south),
        (west + side, south),
        (west + side, south + side),
        (west, south + side),
    ];
    for c in 0..4 {
        let (x0, y0) = corners[c];
        let (x1, y1) = corners[(c + 1) % 4];
        for k in 0..SIDE_VERTICES {
            let t = k as f64 / SIDE_VERTICES as f64;
            pts.push(format!(
                "[{:.6},{:.6}]",
                x0 + (x1 - x0) * t,
                y0 + (y1 - y0) * t
            ));
        }
    }
    pts.push(pts[0].clone());
    format!("[[{}]]", pts.join(","))
}

/// The quote of citation `c` about district `place` (unique per citation).
fn quote(c: usize, place: usize) -> String {
    format!(
        "{} {c}: {} {} {} {place}",
        WORDS[3], WORDS[0], WORDS[1], WORDS[2]
    )
}

/// The files of a valid dataset with `counts`, keyed by their path in the
/// dataset folder (as [`crate::model::load_memory`] takes them).
#[must_use]
pub fn files(counts: Counts) -> BTreeMap<String, Vec<u8>> {
    let Counts {
        tracked,
        towns,
        steps,
        citations,
        sources,
    } = counts;
    let steps = steps.max(2);
    let citations = citations.max(steps);
    let sources = sources.max(1);
    let tracked = tracked.max(1);
    let cols = (tracked as f64).sqrt().ceil() as usize;
    // Always parses; an empty dataset (which fails to load, saying which
    // files are missing) is the no-panic fallback.
    let Ok(start) = Date::parse("2000-01-01") else {
        return BTreeMap::new();
    };
    let step_date = |i: usize| start.add_days(3 * i as i64);
    let end = step_date(steps).add_days(30);
    let mut out = BTreeMap::new();

    // dataset.toml
    let mut s = String::new();
    let _ = writeln!(
        s,
        "title = {{ en = \"Synthetic dataset ({tracked} areas, {steps} steps)\", ar = \"{} {}\" }}",
        WORDS[0], WORDS[1]
    );
    let _ = writeln!(
        s,
        "description = {{ en = \"Generated for benchmarks and tests; it describes nothing real.\" }}"
    );
    let _ = writeln!(
        s,
        "coverage = {{ from = \"{}\", to = \"{}\" }}",
        start.iso(),
        end.iso()
    );
    for c in CONTROLLERS {
        let _ = writeln!(
            s,
            "\n[[controller]]\nid = \"{c}\"\nnames = {{ en = \"Controller {c}\" }}"
        );
    }
    out.insert("dataset.toml".to_owned(), s.into_bytes());

    // places.toml and map.geojson
    let mut places = String::new();
    let mut features = Vec::new();
    for i in 0..tracked {
        let (w, so, side) = square(i, cols);
        let (lat, lon) = (so + side / 2.0, w + side / 2.0);
        let id = district_id(i);
        let _ = writeln!(
            places,
            "[[place]]\nid = \"{id}\"\nkind = \"district\"\nnames = {{ en = \"Area {i}\", ar = \"{} {i}\" }}\ncentre = {{ lat = {lat:.6}, lon = {lon:.6} }}\n",
            WORDS[2]
        );
        features.push(format!(
            "{{\"type\":\"Feature\",\"id\":\"{id}\",\"properties\":{{\"id\":\"{id}\",\"kind\":\"district\",\"names\":{{\"en\":\"Area {i}\",\"ar\":\"{} {i}\"}}}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":{}}}}}",
            WORDS[2],
            ring(w, so, side)
        ));
    }
    for t in 0..towns {
        let (w, so, side) = square(t % tracked, cols);
        let (lat, lon) = (so + side * 0.3, w + side * 0.3);
        let id = format!("town-{t}");
        let _ = writeln!(
            places,
            "[[place]]\nid = \"{id}\"\nkind = \"town\"\nnames = {{ en = \"Town {t}\" }}\ncentre = {{ lat = {lat:.6}, lon = {lon:.6} }}\n"
        );
        features.push(format!(
            "{{\"type\":\"Feature\",\"id\":\"{id}\",\"properties\":{{\"id\":\"{id}\",\"kind\":\"town\",\"names\":{{\"en\":\"Town {t}\"}}}},\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{lon:.6},{lat:.6}]}}}}"
        ));
    }
    out.insert("places.toml".to_owned(), places.into_bytes());
    let map = format!(
        "{{\"type\":\"FeatureCollection\",\"features\":[\n{}\n]}}\n",
        features.join(",\n")
    );
    out.insert("map.geojson".to_owned(), map.into_bytes());

    // Source texts: each citation's quote, between filler sentences.
    let mut texts = vec![String::new(); sources];
    let mut cites = String::new();
    for c in 0..citations {
        let src = c % sources;
        let text = &mut texts[src];
        for w in 0..6 {
            text.push_str(WORDS[(c + w) % WORDS.len()]);
            text.push(' ');
        }
        text.push_str(".\n");
        let offset = text.chars().count();
        let place = c % tracked;
        let q = quote(c, place);
        text.push_str(&q);
        text.push_str(".\n");
        let _ = writeln!(
            cites,
            "[[citation]]\nid = \"cite-{c}\"\nsource = \"source-{src}\"\nquote = \"{q}\"\noffset = {offset}\ngloss = \"Generated filler about area {place}.\"\n"
        );
    }
    let mut srcs = String::new();
    for (i, text) in texts.iter().enumerate() {
        let file = format!("{i:05}.txt");
        let sum: String = Sha256::digest(text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let _ = writeln!(
            srcs,
            "[[source]]\nid = \"source-{i}\"\nfile = \"{file}\"\noriginal_file_name = \"{file}\"\nsha256 = \"{sum}\"\nlanguage = \"ar\"\ndirection = \"rtl\"\nlabel = \"Generated source {i}\"\n"
        );
        out.insert(format!("sources/{file}"), text.clone().into_bytes());
    }
    out.insert("sources.toml".to_owned(), srcs.into_bytes());

    // timeline.toml: a baseline, then one or two handovers per step.
    let mut tl = String::new();
    let mut holder = vec![0_usize; tracked];
    let mut next_place = 0_usize;
    for st in 0..steps {
        let mine: Vec<usize> = (st..citations).step_by(steps).collect();
        let list = mine
            .iter()
            .map(|c| format!("\"cite-{c}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let first = mine.first().copied().unwrap_or(st);
        if st == 0 {
            let _ = writeln!(
                tl,
                "[[step]]\nid = \"step-0\"\ndate = {{ before = \"{}\" }}\ntitle = {{ en = \"Starting point\", ar = \"{}\" }}\nsummary = {{ en = \"Every generated area starts with controller alpha.\" }}\ncitations = [{list}]\n",
                start.add_days(1).iso(),
                WORDS[0]
            );
            for p in 0..tracked {
                let _ = writeln!(
                    tl,
                    "[[step.change]]\nplace = \"{}\"\nto = \"{}\"\nwhen = {{ from = \"1990-01-01\", to = \"1999-12-31\" }}\ncitations = [\"cite-{first}\"]\n",
                    district_id(p),
                    CONTROLLERS[0]
                );
            }
            continue;
        }
        let _ = writeln!(
            tl,
            "[[step]]\nid = \"step-{st}\"\ndate = \"{}\"\ntitle = {{ en = \"Generated step {st}\", ar = \"{} {st}\" }}\nsummary = {{ en = \"Generated step {st}: one or two areas pass to the next controller. {}\", ar = \"{}\" }}\ncitations = [{list}]\n",
            step_date(st).iso(),
            WORDS[3],
            "Filler text for the step card. ".repeat(3),
            WORDS.join(" ")
        );
        let n = if st % 2 == 0 { 2 } else { 1 };
        for _ in 0..n.min(tracked) {
            let p = next_place % tracked;
            next_place += 1;
            holder[p] = (holder[p] + 1) % CONTROLLERS.len();
            let _ = writeln!(
                tl,
                "[[step.change]]\nplace = \"{}\"\nto = \"{}\"\ncitations = [\"cite-{first}\"]\n",
                district_id(p),
                CONTROLLERS[holder[p]]
            );
        }
    }
    tl.push_str(&cites);
    out.insert("timeline.toml".to_owned(), tl.into_bytes());
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::model::{load_bundled, load_memory};

    #[test]
    fn generated_datasets_load_with_the_asked_counts() {
        let base = Counts::of(&load_bundled().unwrap_or_else(|e| panic!("{e}")));
        for k in [1, 3] {
            let want = base.times(k);
            let ds = load_memory("synth", &files(want)).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(Counts::of(&ds), want, "scale {k}");
        }
    }

    #[test]
    fn every_step_after_the_first_changes_some_place() {
        let ds = load_memory(
            "synth",
            &files(Counts::of(&load_bundled().unwrap_or_else(|e| panic!("{e}"))).times(2)),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(ds.steps.iter().skip(1).all(|s| !s.changes.is_empty()));
    }
}
