//! `karabakh-atlas schema`: write the JSON Schemas of the dataset files, or
//! check that a folder holds exactly the ones this build generates.

use std::path::Path;
use std::process::ExitCode;

use super::SchemaArgs;
use crate::atomic::StagedDir;
use crate::model::schema::schemas;

/// Run `schema`: 0 on success; 1 if `--check` finds a missing or different
/// file; 2 if the files cannot be written.
#[must_use]
pub fn run(args: &SchemaArgs) -> ExitCode {
    if let Some(dir) = &args.check {
        let stale = check(dir);
        if stale.is_empty() {
            println!(
                "OK: the {} schemas in {} are up to date.",
                schemas().len(),
                dir.display()
            );
            return ExitCode::SUCCESS;
        }
        for s in &stale {
            eprintln!("{s}");
        }
        eprintln!(
            "  help: regenerate them with `karabakh-atlas schema --out {} --force`",
            dir.display()
        );
        return ExitCode::from(1);
    }
    let Some(out) = &args.out else {
        eprintln!("error: give --out DIR to write the schemas, or --check DIR to compare");
        return ExitCode::from(2);
    };
    match write(out, args.force) {
        Ok(()) => {
            for (name, describes, _) in schemas() {
                println!("{} ({describes})", out.join(name).display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

/// Write every schema into folder `out` (created if missing; its parent
/// must exist), all or none; existing files only with `force`.
///
/// # Errors
/// The reason nothing was written.
pub fn write(out: &Path, force: bool) -> Result<(), crate::export::ExportError> {
    let all = schemas();
    let names: Vec<String> = all.iter().map(|(n, _, _)| (*n).to_owned()).collect();
    let mut staged = StagedDir::begin(out, &names, force)?;
    for (name, _, text) in &all {
        staged.add(name, text.as_bytes())?;
    }
    staged.commit()?;
    Ok(())
}

/// One line per schema file in `dir` that is missing or differs from what
/// this build generates (empty when all are up to date).
#[must_use]
pub fn check(dir: &Path) -> Vec<String> {
    schemas()
        .into_iter()
        .filter_map(|(name, _, text)| {
            let path = dir.join(name);
            match std::fs::read_to_string(&path) {
                Ok(on_disk) if on_disk == text => None,
                Ok(_) => Some(format!(
                    "{}: error: differs from the schema this build generates",
                    path.display()
                )),
                Err(e) => Some(format!("{}: error: cannot be read: {e}", path.display())),
            }
        })
        .collect()
}
