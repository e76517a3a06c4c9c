//! `karabakh-atlas new DIR`, `karabakh-atlas import-timelinejs FILE --out
//! DIR` and the TimelineJS branch of `export`.
//!
//! Exit codes: 0 success (an import may still print notes on what it could
//! not map); 1 when the TimelineJS file has errors or writing fails
//! (existing non-empty folder without `--force`, missing parent folder,
//! I/O error); 2 for bad usage (`--data`, which these commands do not read).

use std::path::Path;
use std::process::ExitCode;

use crate::export::{ExportError, check_target, write_file_atomic};
use crate::interop::{WriteError, timelinejs, write_dataset};
use crate::model::Dataset;
use crate::scaffold;

use super::ImportArgs;

fn refuse_data(data: Option<&Path>, command: &str) -> Option<ExitCode> {
    data.map(|d| {
        eprintln!(
            "error: --data {} does not apply to `{command}`, which writes a new dataset instead of reading one\n  help: leave out --data",
            d.display()
        );
        ExitCode::from(2)
    })
}

/// `new DIR`: write the example dataset and say what to do next.
#[must_use]
pub fn run_new(data: Option<&Path>, dir: &Path) -> ExitCode {
    if let Some(code) = refuse_data(data, "new") {
        return code;
    }
    match scaffold::create(dir) {
        Ok(_) => {
            print!("{}", scaffold::next_steps(dir));
            ExitCode::SUCCESS
        }
        Err(e) => {
            let help = match e {
                WriteError::NotEmpty { .. } | WriteError::NotFolder { .. } => {
                    "\n  help: name a folder that does not exist yet (it is created) or an empty one; `new` never writes over files"
                }
                WriteError::Write(_) => "",
            };
            eprintln!("error: {e}{help}");
            ExitCode::from(1)
        }
    }
}

/// `import-timelinejs FILE --out DIR [--force]`.
#[must_use]
pub fn run_import(data: Option<&Path>, args: &ImportArgs) -> ExitCode {
    if let Some(code) = refuse_data(data, "import-timelinejs") {
        return code;
    }
    let label = args.file.display().to_string();
    let bytes = match std::fs::read(&args.file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!(
                "{label}: error: cannot be read: {e}\n  help: give the path of a TimelineJS3 JSON file"
            );
            return ExitCode::from(1);
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = e.utf8_error().valid_up_to();
            let valid = String::from_utf8_lossy(&e.as_bytes()[..good]).into_owned();
            let p = crate::model::diag::Position::of_byte(&valid, valid.len());
            eprintln!(
                "{label}:{}:{}: error: not UTF-8 text (byte offset {good})\n  help: JSON files are UTF-8; save the file with UTF-8 encoding",
                p.line, p.column
            );
            return ExitCode::from(1);
        }
    };
    let file_name = args
        .file
        .file_name()
        .map_or_else(|| label.clone(), |n| n.to_string_lossy().into_owned());
    let options = timelinejs::ImportOptions {
        strict: args.strict,
    };
    let imported = match timelinejs::import_with(&label, &file_name, &text, options) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    if let Err(e) = write_dataset(&args.out, &imported.files, args.force) {
        eprintln!("error: {e}{}", e.out_help());
        return ExitCode::from(1);
    }
    for skipped in &imported.skipped {
        eprintln!("warning: {skipped}");
    }
    print!("{}", import_report(&args.file, &args.out, &imported));
    ExitCode::SUCCESS
}

/// What `import-timelinejs` prints after writing: the files, every note,
/// and what to do next.
#[must_use]
pub fn import_report(file: &Path, out: &Path, imported: &timelinejs::Imported) -> String {
    let names: Vec<&str> = imported.files.iter().map(|(n, _)| n.as_str()).collect();
    let mut s = format!(
        "Imported {} event{} from {} into {}: {}.\n",
        imported.steps,
        if imported.steps == 1 { "" } else { "s" },
        file.display(),
        out.display(),
        names.join(", ")
    );
    if !imported.skipped.is_empty() {
        let n = imported.skipped.len();
        s.push_str(&format!(
            "\n{n} event{} left out: {} cannot be represented (see the warnings; --strict refuses such a file instead):\n",
            if n == 1 { "" } else { "s" },
            if n == 1 { "it" } else { "they" },
        ));
        for k in &imported.skipped {
            s.push_str(&format!("  events[{}]", k.index));
            if let Some(h) = &k.headline {
                s.push_str(&format!(" \"{h}\""));
            }
            s.push('\n');
        }
    }
    carried_over(&mut s, &imported.notes, imported.skipped.is_empty());
    s.push_str("\nThe dataset tracks no places yet (TimelineJS has none); see docs/timelinejs.md.");
    next_steps(&mut s, out);
    s
}

/// The end of an import's report: what was not carried over (`notes`), or,
/// when there is nothing to say and nothing was left out (`whole`), that
/// everything was.
pub(super) fn carried_over(s: &mut String, notes: &[impl std::fmt::Display], whole: bool) {
    if notes.is_empty() {
        if whole {
            s.push_str("Everything in the file was carried over.\n");
        }
        return;
    }
    s.push_str(&format!(
        "\nNot carried over, or carried over differently ({}):\n",
        notes.len()
    ));
    for n in notes {
        s.push_str(&format!("  {n}\n"));
    }
}

/// The commands to run next on the dataset folder an import wrote.
pub(super) fn next_steps(s: &mut String, out: &Path) {
    let d = out.display();
    s.push_str(&format!(
        "\nNext:\n  karabakh-atlas check --data {d}\n  karabakh-atlas --data {d}\n"
    ));
}

/// `export --format timelinejs --out FILE`: every step as TimelineJS3 JSON.
///
/// # Errors
/// A message for an existing file without `force`, a missing folder, or a
/// failed write.
pub fn export_timelinejs(ds: &Dataset, out: &Path, force: bool) -> Result<String, ExportError> {
    check_target(out, force)?;
    let value = timelinejs::export(ds);
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_else(|_| value.to_string());
    text.push('\n');
    write_file_atomic(out, text.as_bytes(), force)?;
    Ok(format!(
        "wrote {} (TimelineJS3: a title slide and {} events)",
        out.display(),
        ds.steps.len()
    ))
}
