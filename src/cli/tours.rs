//! `karabakh-atlas tours`: list the dataset's tours, or check one tour file
//! and print it.

use std::process::ExitCode;

use serde_json::{Value, json};

use super::{ToursArgs, pretty};
use crate::model::tour::{DEFAULT_TOUR_ID, load_tour_file};
use crate::model::types::Tour;
use crate::model::{Dataset, LoadError};

/// Run `tours`: 0 on success, 1 if the `--tour` file is invalid.
#[must_use]
pub fn run(ds: &Dataset, args: &ToursArgs) -> ExitCode {
    let tours: Vec<Tour> = match &args.tour {
        Some(path) => match load_tour_file(path, ds) {
            Ok(t) => vec![t],
            Err(e) => {
                eprint!("{}", tour_error_text(&e));
                return ExitCode::from(1);
            }
        },
        None => ds.tours.clone(),
    };
    if args.json {
        println!("{}", pretty(&tours_json(ds, &tours)));
    } else {
        if args.tour.is_some() {
            print!("OK: the tour file is valid.\n\n");
        }
        print!("{}", tours_text(ds, &tours, args.tour.is_none()));
    }
    ExitCode::SUCCESS
}

/// The diagnostics of a tour that cannot be used, one per line, and a last
/// line saying nothing was opened.
#[must_use]
pub fn tour_error_text(e: &LoadError) -> String {
    let n = e.diagnostics.len();
    let mut out = String::new();
    for d in &e.diagnostics {
        out.push_str(&format!("{d}\n"));
    }
    out.push_str(&format!(
        "the tour has {n} error{}; it was not used\n",
        if n == 1 { "" } else { "s" }
    ));
    out
}

/// One tour as JSON: id, title, description, default hold, total seconds,
/// and each stop with its 1-based step number, step id and title, hold
/// (the effective one), notes and questions.
#[must_use]
pub fn tour_json(ds: &Dataset, tour: &Tour) -> Value {
    let stops: Vec<Value> = tour
        .stops
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let step = ds.steps.get(s.step);
            json!({
                "step": s.step + 1,
                "id": step.map(|st| st.id.as_str()),
                "title": step.map(|st| &st.title),
                "hold": tour.hold_of(i),
                "notes": s.notes,
                "questions": s.questions,
            })
        })
        .collect();
    json!({
        "id": tour.id,
        "title": tour.title,
        "description": tour.description,
        "hold": tour.hold,
        "total_seconds": tour.total_hold(),
        "stops": stops,
    })
}

/// `tours --json`: `{ "tours": [ ... ] }` (see [`tour_json`]).
#[must_use]
pub fn tours_json(ds: &Dataset, tours: &[Tour]) -> Value {
    let tours: Vec<Value> = tours.iter().map(|t| tour_json(ds, t)).collect();
    json!({ "tours": tours })
}

/// `tours` for people: per tour a heading, then one line per stop. With
/// `mention_default`, a closing line about the built-in tour.
#[must_use]
pub fn tours_text(ds: &Dataset, tours: &[Tour], mention_default: bool) -> String {
    let mut out = String::new();
    if tours.is_empty() && mention_default {
        out.push_str("The dataset lists no tours (see data/README.md, \"Tours\").\n");
    }
    for t in tours {
        out.push_str(&format!(
            "{}: {} ({} stops, {} s each unless given, {} in all)\n",
            t.id,
            t.title.en(),
            t.stops.len(),
            t.hold,
            minutes(t.total_hold())
        ));
        if !t.description.en().is_empty() {
            out.push_str(&format!("  {}\n", t.description.en()));
        }
        for (i, s) in t.stops.iter().enumerate() {
            let title = ds.steps.get(s.step).map_or("", |st| st.title.en());
            let extras = match (s.notes.0.is_empty(), s.questions.len()) {
                (true, 0) => String::new(),
                (false, 0) => ", notes".to_owned(),
                (true, q) => format!(", {q} question{}", plural(q)),
                (false, q) => format!(", notes, {q} question{}", plural(q)),
            };
            out.push_str(&format!(
                "  {:>2}. step {:>2}  {} ({} s{extras})\n",
                i + 1,
                s.step + 1,
                title,
                t.hold_of(i)
            ));
        }
        out.push('\n');
    }
    if mention_default {
        out.push_str(&format!(
            "Every dataset also has the tour '{DEFAULT_TOUR_ID}': all {} steps in order.\n",
            ds.steps.len()
        ));
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn minutes(seconds: f32) -> String {
    let s = seconds.round() as u64;
    if s < 60 {
        format!("{s} s")
    } else {
        format!("{} min {:02} s", s / 60, s % 60)
    }
}
