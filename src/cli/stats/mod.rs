//! `karabakh-atlas stats [--date D] [--json | --csv]`: the area of each
//! tracked place and the area each controller holds, at a date or at every
//! step.
//!
//! Every area comes from [`crate::model::area`]: geodesic (WGS84) areas of
//! the simplified Natural Earth polygons, a district counting only its part
//! outside the regions so that nothing is counted twice. Every output says so.
//!
//! How the pieces meet: [`run`] computes the areas once
//! ([`crate::model::area::areas`]) and hands them to one of three outputs,
//! `json.rs`, `csv.rs` or `text.rs`, each with a function for one date and
//! one for the series at every step. The outputs share `figures.rs` (names,
//! each place's row at a date, rounding), so they agree on every figure.
//! The JSON shape is documented in `json.rs`, the CSV columns in `csv.rs`.

mod csv;
mod figures;
mod json;
mod text;

use std::process::ExitCode;

use super::StatsArgs;
use crate::model::Dataset;
use crate::model::area::{AREA_NOTE, areas};
use crate::model::date::Date;

pub use csv::{csv_field, date_csv, series_csv};
pub use json::{date_json, series_json};
pub use text::{date_text, series_text};

use json::pretty;

/// Run `stats`: exit 0, or 2 when `--date` is outside the dataset's coverage.
#[must_use]
pub fn run(ds: &Dataset, args: &StatsArgs) -> ExitCode {
    let a = areas(ds);
    let out = match args.date {
        Some(date) => {
            if let Err(msg) = check_date(ds, date) {
                eprintln!("{msg}");
                return ExitCode::from(2);
            }
            if args.json {
                pretty(&date_json(ds, &a, date))
            } else if args.csv {
                eprintln!("{AREA_NOTE}");
                date_csv(ds, &a, date)
            } else {
                date_text(ds, &a, date)
            }
        }
        None => {
            if args.json {
                pretty(&series_json(ds, &a))
            } else if args.csv {
                eprintln!("{AREA_NOTE}");
                series_csv(ds, &a)
            } else {
                series_text(ds, &a)
            }
        }
    };
    print!("{out}");
    ExitCode::SUCCESS
}

/// `Ok` if `date` is inside the dataset's coverage, else the error message.
///
/// # Errors
/// A message naming the date and the covered period.
pub fn check_date(ds: &Dataset, date: Date) -> Result<(), String> {
    if ds.coverage.contains(date) {
        Ok(())
    } else {
        Err(format!(
            "error: {date} is outside the period the dataset describes ({} to {})\n  help: give a --date from {} to {}, or leave it out for the series at every step",
            ds.coverage.from, ds.coverage.to, ds.coverage.from, ds.coverage.to
        ))
    }
}
