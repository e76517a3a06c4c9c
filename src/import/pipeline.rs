//! Assembling the output features from the recipe, the places and a source
//! of Natural Earth rows. The source is a trait so that the assembly can be
//! tested without a GeoPackage.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::ImportError;
use super::chain::{Chain, Piece, chain_line, chain_ring};
use super::clip::clip_geometry;
use super::datamaps::Admin1Index;
use super::geom::{Geometry, orient_geometry, round_coord, round_geometry};
use super::recipe::{Build, FeatureSpec, Kind, Names, Place, Recipe};

/// The only spatial reference system accepted (WGS84 longitude/latitude).
pub const WGS84_SRS_ID: i32 = 4326;

/// One row selected from a layer.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRow {
    /// The row's feature id.
    pub fid: i64,
    /// The row's other attributes, as text (`None` for NULL).
    pub attributes: BTreeMap<String, Option<String>>,
    /// The decoded geometry.
    pub geometry: Geometry,
    /// The geometry's spatial reference system id.
    pub srs_id: i32,
}

/// Anything that can select rows of a layer by attribute equality.
pub trait FeatureSource {
    /// All rows of `layer` whose attributes equal every `selector` value,
    /// ordered by fid.
    ///
    /// # Errors
    /// When the layer or a column does not exist or cannot be read.
    fn select(
        &self,
        layer: &str,
        selector: &BTreeMap<String, String>,
    ) -> Result<Vec<SourceRow>, ImportError>;
}

/// One output feature.
#[derive(Debug, Clone, PartialEq)]
pub struct OutFeature {
    /// Stable id.
    pub id: String,
    /// Kind.
    pub kind: Kind,
    /// The `properties` object.
    pub properties: Map<String, Value>,
    /// The geometry (already clipped, rounded and oriented).
    pub geometry: Geometry,
}

/// The assembled output.
#[derive(Debug, Clone, PartialEq)]
pub struct Collection {
    /// Attribution line.
    pub attribution: String,
    /// Features in output order.
    pub features: Vec<OutFeature>,
}

/// Per-feature numbers for the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct FeatureStats {
    /// Feature id.
    pub id: String,
    /// Kind.
    pub kind: Kind,
    /// GeoJSON geometry type.
    pub geometry_type: &'static str,
    /// Vertex count as written.
    pub vertices: usize,
    /// Whether clipping to the view changed the geometry.
    pub clipped: bool,
}

/// What the import did, for the summary.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    /// One entry per feature, in output order.
    pub features: Vec<FeatureStats>,
    /// Chaining results per line-built feature: (id, pieces, max gap m,
    /// tolerance m).
    pub chains: Vec<(String, usize, f64, f64)>,
    /// Features checked against the cross-check package, and how many of
    /// those checks included the geometric test.
    pub crosschecked: (usize, usize),
}

fn selector_text(sel: &BTreeMap<String, String>) -> String {
    let parts: Vec<String> = sel.iter().map(|(k, v)| format!("{k} = {v:?}")).collect();
    parts.join(" AND ")
}

fn names_value(n: &Names) -> Value {
    let mut m = Map::new();
    m.insert("en".into(), json!(n.en));
    if let Some(az) = &n.az {
        m.insert("az".into(), json!(az));
    }
    m.insert("ar".into(), json!(n.ar));
    if let Some(hy) = &n.hy {
        m.insert("hy".into(), json!(hy));
    }
    Value::Object(m)
}

fn round1(v: f64) -> f64 {
    round_coord(v, 1)
}

struct Built {
    geometry: Geometry,
    fids: Vec<i64>,
    chain: Option<(usize, Chain)>,
    row: Option<SourceRow>,
}

fn select_rows(f: &FeatureSpec, source: &dyn FeatureSource) -> Result<Vec<SourceRow>, ImportError> {
    let rows = source.select(&f.layer, &f.select)?;
    let fids: Vec<i64> = rows.iter().map(|r| r.fid).collect();
    let sel_err = |expected: String| ImportError::Selector {
        feature: f.id.clone(),
        detail: format!(
            "selector {} on layer {:?} matched {} rows (fids {fids:?}); {expected}",
            selector_text(&f.select),
            f.layer,
            rows.len()
        ),
    };
    match f.build {
        Build::Polygon if rows.len() != 1 => {
            return Err(sel_err("expected exactly one row".into()));
        }
        Build::ClosedRing | Build::OpenLine => {
            let mut want = f.expect_fids.clone();
            want.sort_unstable();
            if fids != want {
                return Err(sel_err(format!("expected fids {want:?}")));
            }
        }
        Build::Polygon => {}
    }
    if let Some(r) = rows.iter().find(|r| r.srs_id != WGS84_SRS_ID) {
        return Err(ImportError::Geometry {
            feature: f.id.clone(),
            message: format!(
                "fid {} has SRS {}, expected {WGS84_SRS_ID}",
                r.fid, r.srs_id
            ),
        });
    }
    Ok(rows)
}

fn build_geometry(f: &FeatureSpec, rows: Vec<SourceRow>) -> Result<Built, ImportError> {
    let geo_err = |message: String| ImportError::Geometry {
        feature: f.id.clone(),
        message,
    };
    let fids: Vec<i64> = rows.iter().map(|r| r.fid).collect();
    match f.build {
        Build::Polygon => {
            let Some(row) = rows.into_iter().next() else {
                return Err(geo_err("no row".into()));
            };
            match row.geometry {
                Geometry::Polygon(_) | Geometry::MultiPolygon(_) => Ok(Built {
                    geometry: row.geometry.clone(),
                    fids,
                    chain: None,
                    row: Some(row),
                }),
                ref g => Err(geo_err(format!(
                    "fid {} is a {}, expected a polygon",
                    row.fid,
                    g.type_name()
                ))),
            }
        }
        Build::ClosedRing | Build::OpenLine => {
            let mut pieces = Vec::new();
            for r in &rows {
                let parts = match &r.geometry {
                    Geometry::LineString(l) => vec![l.clone()],
                    Geometry::MultiLineString(ls) => ls.clone(),
                    g => {
                        return Err(geo_err(format!(
                            "fid {} is a {}, expected a line",
                            r.fid,
                            g.type_name()
                        )));
                    }
                };
                for (i, points) in parts.into_iter().enumerate() {
                    pieces.push(Piece {
                        label: format!("fid {} part {i}", r.fid),
                        points,
                    });
                }
            }
            if let Some(n) = f.expect_parts
                && n != pieces.len()
            {
                return Err(geo_err(format!(
                    "expected {n} line parts, found {}",
                    pieces.len()
                )));
            }
            let tol = f.tolerance_m.unwrap_or(0.0);
            let chained = if f.build == Build::ClosedRing {
                chain_ring(&pieces, tol)
            } else {
                chain_line(&pieces, tol)
            }
            .map_err(|source| ImportError::Chain {
                feature: f.id.clone(),
                source,
            })?;
            let geometry = if f.build == Build::ClosedRing {
                Geometry::Polygon(vec![chained.points.clone()])
            } else {
                Geometry::LineString(chained.points.clone())
            };
            Ok(Built {
                geometry,
                fids,
                chain: Some((pieces.len(), chained)),
                row: None,
            })
        }
    }
}

fn place_for<'a>(places: &'a [Place], id: &str, kind: Kind) -> Result<&'a Place, ImportError> {
    let p = places
        .iter()
        .find(|p| p.id == id)
        .ok_or_else(|| ImportError::Places(format!("no place with id {id:?}")))?;
    if p.kind != kind.as_str() {
        return Err(ImportError::Places(format!(
            "place {id:?} has kind {:?}, the recipe says {:?}",
            p.kind,
            kind.as_str()
        )));
    }
    Ok(p)
}

/// Build every output feature.
///
/// Order: countries, rayons, districts, region, lines (each in recipe
/// order), then the towns of `data/places.toml` in file order.
///
/// # Errors
/// On any selector that does not match as expected, unusable geometry,
/// chaining beyond tolerance, a feature outside the view, a place missing
/// from either file, or a failed cross-check.
pub fn build_collection(
    recipe: &Recipe,
    places: &[Place],
    source: &dyn FeatureSource,
    crosscheck: Option<&Admin1Index>,
) -> Result<(Collection, Report), ImportError> {
    let mut report = Report::default();
    let mut out: Vec<OutFeature> = Vec::new();
    let decimals = recipe.output.decimals;
    let view = &recipe.view;

    for p in places {
        let tracked = p.kind == Kind::District.as_str() || p.kind == Kind::Region.as_str();
        if tracked && !recipe.features.iter().any(|f| f.id == p.id) {
            return Err(ImportError::Recipe(format!(
                "place {:?} ({}) has no feature in the recipe",
                p.id, p.kind
            )));
        }
    }

    let mut specs: Vec<&FeatureSpec> = recipe.features.iter().collect();
    specs.sort_by_key(|f| f.kind);
    for f in specs {
        let rows = select_rows(f, source)?;
        let built = build_geometry(f, rows)?;
        let mut g = built.geometry.clone();
        orient_geometry(&mut g);
        let clipped = clip_geometry(&g, view)
            .map_err(|source| ImportError::Clip {
                feature: f.id.clone(),
                source,
            })?
            .ok_or_else(|| ImportError::Geometry {
                feature: f.id.clone(),
                message: "lies wholly outside the view box".into(),
            })?;
        let was_clipped = clipped.positions() != g.positions();
        let geometry = round_geometry(&clipped, decimals).ok_or_else(|| ImportError::Geometry {
            feature: f.id.clone(),
            message: "nothing left after rounding".into(),
        })?;

        let mut src = Map::new();
        src.insert("package".into(), json!(recipe.source.package));
        src.insert("version".into(), json!(recipe.source.version));
        src.insert("file".into(), json!(recipe.source.path));
        src.insert("layer".into(), json!(f.layer));
        src.insert("selector".into(), json!(f.select));
        src.insert("fids".into(), json!(built.fids));
        src.insert("clipped_to_view".into(), json!(was_clipped));
        if let Some(code) = &f.adm1_code {
            src.insert("adm1_code".into(), json!(code));
        }
        if let Some((n, c)) = &built.chain {
            let tol = f.tolerance_m.unwrap_or(0.0);
            src.insert("pieces".into(), json!(n));
            src.insert("tolerance_m".into(), json!(tol));
            src.insert("max_gap_m".into(), json!(round1(c.max_gap_m)));
            report.chains.push((f.id.clone(), *n, c.max_gap_m, tol));
        }
        if let Some(note) = &f.note {
            src.insert("note".into(), json!(note));
        }

        let mut props = Map::new();
        props.insert("id".into(), json!(f.id));
        props.insert("kind".into(), json!(f.kind.as_str()));
        if f.kind.named_by_places() {
            let p = place_for(places, &f.id, f.kind)?;
            props.insert("names".into(), names_value(&p.names));
            src.insert("names_from".into(), json!("data/places.toml"));
            if let Some(c) = p.centre {
                props.insert(
                    "centre".into(),
                    json!([round_coord(c.lon, decimals), round_coord(c.lat, decimals)]),
                );
            }
        } else if let Some(n) = &f.names {
            props.insert("names".into(), names_value(n));
        }
        if let Some(a) = &f.ar_source {
            props.insert("ar_source".into(), json!(a));
        }
        props.insert("source".into(), Value::Object(src));

        if let (Some(idx), Some(code), Some(row)) = (crosscheck, &f.adm1_code, &built.row) {
            let o = idx.check(&f.id, code, &row.attributes, &row.geometry)?;
            report.crosschecked.0 += 1;
            report.crosschecked.1 += usize::from(o.geometric);
        }

        report.features.push(FeatureStats {
            id: f.id.clone(),
            kind: f.kind,
            geometry_type: geometry.type_name(),
            vertices: geometry.vertex_count(),
            clipped: was_clipped,
        });
        out.push(OutFeature {
            id: f.id.clone(),
            kind: f.kind,
            properties: props,
            geometry,
        });
    }

    for p in places.iter().filter(|p| p.kind == Kind::Town.as_str()) {
        let Some(c) = p.centre else {
            return Err(ImportError::Places(format!(
                "town {:?} has no centre",
                p.id
            )));
        };
        let pos = [round_coord(c.lon, decimals), round_coord(c.lat, decimals)];
        if !view.contains(pos) {
            return Err(ImportError::Geometry {
                feature: p.id.clone(),
                message: format!("town centre {pos:?} lies outside the view box"),
            });
        }
        let mut props = Map::new();
        props.insert("id".into(), json!(p.id));
        props.insert("kind".into(), json!("town"));
        props.insert("names".into(), names_value(&p.names));
        props.insert("source".into(), json!("data/places.toml"));
        report.features.push(FeatureStats {
            id: p.id.clone(),
            kind: Kind::Town,
            geometry_type: "Point",
            vertices: 1,
            clipped: false,
        });
        out.push(OutFeature {
            id: p.id.clone(),
            kind: Kind::Town,
            properties: props,
            geometry: Geometry::Point(pos),
        });
    }

    Ok((
        Collection {
            attribution: recipe.output.attribution.clone(),
            features: out,
        },
        report,
    ))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// An in-memory layer: rows with attributes.
    struct Mem(Vec<(String, SourceRow)>);

    impl FeatureSource for Mem {
        fn select(
            &self,
            layer: &str,
            selector: &BTreeMap<String, String>,
        ) -> Result<Vec<SourceRow>, ImportError> {
            Ok(self
                .0
                .iter()
                .filter(|(l, r)| {
                    l == layer
                        && selector
                            .iter()
                            .all(|(k, v)| r.attributes.get(k) == Some(&Some(v.clone())))
                })
                .map(|(_, r)| r.clone())
                .collect())
        }
    }

    fn row(fid: i64, attrs: &[(&str, &str)], geometry: Geometry) -> SourceRow {
        SourceRow {
            fid,
            attributes: attrs
                .iter()
                .map(|(k, v)| ((*k).to_string(), Some((*v).to_string())))
                .collect(),
            geometry,
            srs_id: 4326,
        }
    }

    fn square(x: f64, y: f64) -> Geometry {
        // Clockwise, as in the shapefile-derived data.
        Geometry::MultiPolygon(vec![vec![vec![
            [x, y],
            [x, y + 0.1],
            [x + 0.1, y + 0.1],
            [x + 0.1, y],
            [x, y],
        ]]])
    }

    /// The shared minimal recipe plus a context rayon.
    fn recipe_text() -> String {
        format!(
            "{}\n{}",
            crate::import::recipe::tests::MINIMAL,
            r#"[[feature]]
id = "az-shusha"
kind = "rayon"
layer = "states_provinces"
select = { admin = "Azerbaijan", gn_name = "Susa Rayonu" }
names = { en = "Shusha", az = "Şuşa", ar = "شوشا", hy = "Shushi" }
ar_source = "transliteration"
"#
        )
    }

    const PLACES: &str = r#"
[[place]]
id = "lachin"
kind = "district"
names = { en = "Lachin", az = "Laçın", ar = "لاتشين", hy = "Berdzor" }
aliases_ar = ["لاتشين"]
centre = { lat = 39.641, lon = 46.547 }

[[place]]
id = "goris"
kind = "town"
names = { en = "Goris", ar = "غوريس", hy = "Goris" }
aliases_ar = []
centre = { lat = 39.511, lon = 46.339 }
"#;

    fn source() -> Mem {
        let sp = "states_provinces".to_string();
        Mem(vec![
            (
                sp.clone(),
                row(
                    4563,
                    &[
                        ("admin", "Azerbaijan"),
                        ("name", "Lankaran"),
                        ("gn_name", "Lacin Rayonu"),
                    ],
                    square(46.2, 39.5),
                ),
            ),
            (
                sp.clone(),
                row(
                    654,
                    &[
                        ("admin", "Azerbaijan"),
                        ("name", "Lankaran"),
                        ("gn_name", "Lankaran Rayon"),
                    ],
                    square(48.7, 38.7),
                ),
            ),
            (
                sp,
                row(
                    6457,
                    &[
                        ("admin", "Azerbaijan"),
                        ("name", "Şuşa"),
                        ("gn_name", "Susa Rayonu"),
                    ],
                    square(46.6, 39.6),
                ),
            ),
        ])
    }

    #[test]
    fn builds_features_in_kind_order_with_names_from_places() {
        let recipe = Recipe::parse(&recipe_text()).unwrap();
        let places = crate::import::recipe::parse_places(PLACES).unwrap();
        let (c, report) = build_collection(&recipe, &places, &source(), None).unwrap();
        let ids: Vec<_> = c.features.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["az-shusha", "lachin", "goris"]);
        let lachin = &c.features[1];
        assert_eq!(lachin.properties["names"]["hy"], "Berdzor");
        assert_eq!(lachin.properties["centre"], json!([46.547, 39.641]));
        assert_eq!(
            lachin.properties["source"]["selector"]["gn_name"],
            "Lacin Rayonu"
        );
        assert_eq!(lachin.properties["source"]["fids"], json!([4563]));
        // Orientation fixed to CCW.
        // A one-part MultiPolygon comes out as a Polygon.
        assert_eq!(lachin.geometry.type_name(), "Polygon");
        let ps = lachin.geometry.polygons();
        assert!(crate::import::geom::is_ccw(&ps[0][0]));
        assert_eq!(report.features.len(), 3);
        assert_eq!(c.features[2].geometry, Geometry::Point([46.339, 39.511]));
    }

    #[test]
    fn a_selector_matching_several_rows_is_an_error() {
        let text = recipe_text().replace(
            "select = { admin = \"Azerbaijan\", gn_name = \"Lacin Rayonu\" }",
            "select = { admin = \"Azerbaijan\", name = \"Lankaran\" }",
        );
        let recipe = Recipe::parse(&text).unwrap();
        let places = crate::import::recipe::parse_places(PLACES).unwrap();
        let err = build_collection(&recipe, &places, &source(), None).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("matched 2 rows"), "{msg}");
        assert!(msg.contains("exactly one"), "{msg}");
    }

    #[test]
    fn a_selector_matching_nothing_is_an_error() {
        let text = recipe_text().replace("Lacin Rayonu", "Lachin");
        let recipe = Recipe::parse(&text).unwrap();
        let places = crate::import::recipe::parse_places(PLACES).unwrap();
        let err = build_collection(&recipe, &places, &source(), None).unwrap_err();
        assert!(err.to_string().contains("matched 0 rows"), "{err}");
    }
}
