//! The viewer's flags: checked against the dataset before any window
//! opens, then handed to the viewer as its own plain options.

use std::process::ExitCode;

use super::GuiArgs;
use crate::model::Dataset;

impl GuiArgs {
    /// The viewer's options these flags ask for.
    #[cfg(feature = "gui")]
    #[must_use]
    pub fn to_options(&self) -> crate::ui::ViewerOptions {
        crate::ui::ViewerOptions {
            date: self.date,
            step: self.step,
            size: self.size,
            cite: self.cite.clone(),
            screenshot: self.screenshot.clone(),
            force: self.force,
            names: self.names,
            theme: self.theme.map(super::ThemeArg::kind),
            present: self.present,
            tour: self.tour.clone(),
            autoplay: self.autoplay,
            lang: self.lang,
            months: self.months,
            digits: self.digits,
        }
    }
}

/// Check the viewer's flags against the dataset before any window opens.
///
/// # Errors
/// A message naming the bad value and what to do.
pub fn validate(ds: &Dataset, args: &GuiArgs) -> Result<(), String> {
    if let Some(n) = args.step
        && (n == 0 || n > ds.steps.len())
    {
        return Err(format!(
            "--step {n}: step {n} does not exist; the dataset has steps 1 to {} (see `karabakh-atlas steps`)",
            ds.steps.len()
        ));
    }
    if let Some(d) = args.date
        && !ds.coverage.contains(d)
    {
        return Err(format!(
            "--date {d} is outside the period the dataset describes ({} to {}); pick a date in that period",
            ds.coverage.from, ds.coverage.to
        ));
    }
    if let Some(c) = &args.cite
        && ds.citation(c).is_none()
    {
        return Err(format!(
            "--cite {c}: no citation has that id; the ids are listed by `karabakh-atlas steps`"
        ));
    }
    if let Some(path) = &args.screenshot {
        crate::export::check_target(path, args.force).map_err(|e| format!("--screenshot {e}"))?;
    }
    Ok(())
}

/// Open the viewer with these flags, once they are checked.
#[cfg(feature = "gui")]
pub(super) fn run(dataset: Dataset, args: &GuiArgs) -> ExitCode {
    if let Err(msg) = validate(&dataset, args) {
        eprintln!("error: {msg}");
        return ExitCode::from(2);
    }
    crate::ui::run(dataset, args.to_options())
}

/// This build has no viewer.
#[cfg(not(feature = "gui"))]
pub(super) fn run(_dataset: Dataset, _args: &GuiArgs) -> ExitCode {
    eprintln!(
        "error: this build has no viewer (built without the `gui` feature)\n  help: use a subcommand such as `check`, or rebuild with default features"
    );
    ExitCode::from(2)
}
