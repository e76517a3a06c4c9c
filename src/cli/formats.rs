//! `karabakh-atlas import-geojson FILE --out DIR`, `karabakh-atlas
//! import-annotations FILE (--into DIR | --out FILE)` and the annotations
//! branch of `export`.
//!
//! Exit codes: 0 success (an import may still print notes on what it could
//! not carry over, or annotations it could not anchor); 1 when the file has
//! errors, no annotation could be anchored, or writing fails (existing
//! target without `--force`, missing parent folder, I/O error); 2 for bad
//! usage (`--data` with a command that does not read it, or with `--into`,
//! which names the dataset itself).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{ArgGroup, Args};

use crate::export::{ExportError, check_target, write_file_atomic};
use crate::interop::{annotations, geojson_import, write_dataset};
use crate::model::{Dataset, load_folder};

/// `import-geojson` options.
#[derive(Debug, Clone, Args)]
pub struct GeojsonImportArgs {
    /// The GeoJSON FeatureCollection: one feature per place and period.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The dataset folder to write (created if missing; its parent must exist).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Write into a folder that is not empty, replacing the dataset's files
    /// there (other files are kept).
    #[arg(long)]
    pub force: bool,
    /// The property naming the place (default: detected, e.g. place, name, id).
    #[arg(long, value_name = "F")]
    pub place_field: Option<String>,
    /// The property naming who controls it (default: detected, e.g.
    /// controlled_by, controller, state).
    #[arg(long, value_name = "F")]
    pub state_field: Option<String>,
    /// The property holding the period's first day (default: detected, e.g.
    /// start_date:edtf, start_date, start, begin, valid_from).
    #[arg(long, value_name = "F")]
    pub start_field: Option<String>,
    /// The property holding the day after its last (default: detected, e.g.
    /// end_date:edtf, end_date, end, valid_to); missing means still valid.
    #[arg(long, value_name = "F")]
    pub end_field: Option<String>,
}

/// `import-annotations` options.
#[derive(Debug, Clone, Args)]
#[command(group(ArgGroup::new("target").required(true).args(["into", "out"])))]
pub struct AnnotationsImportArgs {
    /// The annotations: a W3C AnnotationCollection, an array of annotations,
    /// or a Hypothesis JSON export.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The dataset folder whose sources were annotated: the new citations
    /// are added at the end of its timeline.toml.
    #[arg(long, value_name = "DIR")]
    pub into: Option<PathBuf>,
    /// Write the new citations to this TOML file instead (sources from
    /// --data, or the bundled dataset).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// The source (an id of sources.toml) of annotations whose target is not
    /// recognised.
    #[arg(long, value_name = "ID")]
    pub source: Option<String>,
    /// Overwrite the --out file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// The text of `file`, or a message naming it (and the line and column of
/// the first byte that is not UTF-8) and saying what to do; `what` names
/// the kind of file expected ("a GeoJSON file").
///
/// # Errors
/// The message.
pub fn read_text(file: &Path, what: &str) -> Result<String, String> {
    let label = file.display();
    let bytes = std::fs::read(file).map_err(|e| {
        format!("{label}: error: cannot be read: {e}\n  help: give the path of {what}")
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let valid = String::from_utf8_lossy(&e.as_bytes()[..good]).into_owned();
        let p = crate::model::diag::Position::of_byte(&valid, valid.len());
        format!(
            "{label}:{}:{}: error: not UTF-8 text (byte offset {good})\n  help: JSON files are UTF-8; save the file with UTF-8 encoding",
            p.line, p.column
        )
    })
}

fn file_name(file: &Path) -> String {
    file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// `import-geojson FILE --out DIR [--force] [--place-field F] …`.
#[must_use]
pub fn run_import_geojson(data: Option<&Path>, args: &GeojsonImportArgs) -> ExitCode {
    if let Some(d) = data {
        eprintln!(
            "error: --data {} does not apply to `import-geojson`, which writes a new dataset instead of reading one\n  help: leave out --data",
            d.display()
        );
        return ExitCode::from(2);
    }
    let text = match read_text(&args.file, "a GeoJSON file") {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    let fields = geojson_import::Fields {
        place: args.place_field.clone(),
        state: args.state_field.clone(),
        start: args.start_field.clone(),
        end: args.end_field.clone(),
    };
    let label = args.file.display().to_string();
    let imported = match geojson_import::import(&label, &file_name(&args.file), &text, &fields) {
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
    print!("{}", geojson_report(&args.file, &args.out, &imported));
    ExitCode::SUCCESS
}

/// What `import-geojson` prints after writing: the counts, the fields
/// used, every note, and what to do next.
#[must_use]
pub fn geojson_report(file: &Path, out: &Path, imported: &geojson_import::Imported) -> String {
    let f = &imported.fields;
    let edtf = |field: &str| match field.strip_suffix(":edtf") {
        Some(plain) => format!("{field} (else {plain})"),
        None => field.to_owned(),
    };
    let mut s = format!(
        "Imported {} periods of {} places ({} controllers, {} steps) from {} into {}.\nFields: place = {}, state = {}, start = {}, end = {}.\n",
        imported.periods,
        imported.places,
        imported.controllers,
        imported.steps,
        file.display(),
        out.display(),
        f.place,
        f.state,
        edtf(&f.start),
        f.end
            .as_deref()
            .map_or_else(|| "(none: every period is still valid)".to_owned(), edtf)
    );
    super::interop::carried_over(&mut s, &imported.notes, true);
    super::interop::next_steps(&mut s, out);
    s
}

/// `import-annotations FILE (--into DIR | --out FILE) [--source ID] [--force]`.
#[must_use]
pub fn run_import_annotations(data: Option<&Path>, args: &AnnotationsImportArgs) -> ExitCode {
    if let (Some(d), Some(_)) = (data, &args.into) {
        eprintln!(
            "error: --data {} and --into both name a dataset; `--into DIR` reads and adds to DIR\n  help: leave out --data",
            d.display()
        );
        return ExitCode::from(2);
    }
    let loaded = match &args.into {
        Some(dir) => load_folder(dir),
        None => super::load(data),
    };
    let ds = match loaded {
        Ok(ds) => ds,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    match import_annotations(&ds, args) {
        Ok(report) => {
            print!("{report}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}

/// Read, anchor and write the annotations; the report, or the error.
fn import_annotations(ds: &Dataset, args: &AnnotationsImportArgs) -> Result<String, String> {
    let text = read_text(&args.file, "an annotations JSON file")?;
    let label = args.file.display().to_string();
    let read = annotations::import(ds, &label, &text, args.source.as_deref())
        .map_err(|e| e.to_string())?;
    let mut report = String::new();
    if !read.notes.is_empty() {
        report.push_str(&format!("Notes ({}):\n", read.notes.len()));
        for n in &read.notes {
            report.push_str(&format!("  {n}\n"));
        }
    }
    if read.anchored.is_empty() {
        return Err(format!(
            "{report}error: none of the {} annotations in {label} could be anchored in the dataset's sources as a new citation; nothing was written\n  help: see the notes above; --source ID names the source when the annotations' targets do not",
            read.total
        ));
    }
    let (toml, ids) =
        annotations::new_citations_toml(ds, &read.anchored, &file_name(&args.file))
            .map_err(|e| format!("error: the citations could not be written as TOML: {e}"))?;
    let written = match (&args.into, &args.out) {
        (Some(dir), _) => append_citations(dir, &toml)?,
        (None, Some(out)) => {
            check_target(out, args.force).map_err(|e| format!("error: {e}"))?;
            write_file_atomic(out, toml.trim_start().as_bytes(), args.force)
                .map_err(|e| format!("error: {e}"))?;
            format!(
                "{}; paste them into the dataset's timeline.toml",
                out.display()
            )
        }
        (None, None) => {
            return Err(
                "error: say where the citations go: --into DIR (added to DIR/timeline.toml) or --out FILE (a TOML file of [[citation]] tables)".to_owned(),
            );
        }
    };
    report.push_str(&format!(
        "Anchored {} of {} annotations: new citations {} written to {written}.\n",
        ids.len(),
        read.total,
        ids.join(", ")
    ));
    Ok(report)
}

/// Add `toml` at the end of `dir/timeline.toml`, atomically, and check that
/// the dataset still loads; if not, the old file is put back.
fn append_citations(dir: &Path, toml: &str) -> Result<String, String> {
    let path = dir.join("timeline.toml");
    let old = std::fs::read(&path)
        .map_err(|e| format!("{}: error: cannot be read: {e}", path.display()))?;
    let mut new = old.clone();
    if !new.is_empty() && !new.ends_with(b"\n") {
        new.push(b'\n');
    }
    new.extend_from_slice(toml.as_bytes());
    let write = |bytes: &[u8]| {
        write_file_atomic(&path, bytes, true).map_err(|e: ExportError| format!("error: {e}"))
    };
    write(&new)?;
    if let Err(e) = load_folder(dir) {
        write(&old)?;
        return Err(format!(
            "{e}\nerror: with the new citations the dataset in {} does not load; timeline.toml was put back as it was\n  help: please report this as a bug, with the annotations file",
            dir.display()
        ));
    }
    Ok(format!(
        "{} (added at the end; nothing else changed)",
        path.display()
    ))
}

/// `export --format annotations --out FILE`: every citation as a W3C Web
/// Annotation, in one AnnotationCollection.
///
/// # Errors
/// A message for an existing file without `force`, a missing folder, or a
/// failed write.
pub fn export_annotations(ds: &Dataset, out: &Path, force: bool) -> Result<String, ExportError> {
    check_target(out, force)?;
    let value = annotations::export(ds);
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_else(|_| value.to_string());
    text.push('\n');
    write_file_atomic(out, text.as_bytes(), force)?;
    Ok(format!(
        "wrote {} (W3C Web Annotations: {} citations as one AnnotationCollection)",
        out.display(),
        ds.citations.len()
    ))
}
