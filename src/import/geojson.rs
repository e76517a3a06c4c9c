//! Deterministic GeoJSON (RFC 7946) output.
//!
//! The FeatureCollection is written with one feature per line. Property
//! objects are serialised with sorted keys, coordinates with Rust's shortest
//! round-trip formatting of values already rounded by the pipeline, so the
//! same input always gives the same bytes.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

use super::ImportError;
use super::geom::{Geometry, Position};
use super::pipeline::Collection;

fn num(out: &mut String, v: f64) {
    // Values are finite (checked when decoding) and already rounded.
    let v = if v == 0.0 { 0.0 } else { v };
    let _ = write!(out, "{v}");
}

fn pos(out: &mut String, p: Position) {
    out.push('[');
    num(out, p[0]);
    out.push(',');
    num(out, p[1]);
    out.push(']');
}

fn path(out: &mut String, ps: &[Position]) {
    out.push('[');
    for (i, p) in ps.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        pos(out, *p);
    }
    out.push(']');
}

fn paths(out: &mut String, rings: &[Vec<Position>]) {
    out.push('[');
    for (i, r) in rings.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        path(out, r);
    }
    out.push(']');
}

/// The `geometry` object of a feature, as compact JSON.
#[must_use]
pub fn geometry_json(g: &Geometry) -> String {
    let mut out = String::new();
    let _ = write!(out, "{{\"type\":\"{}\",\"coordinates\":", g.type_name());
    match g {
        Geometry::Point(p) => pos(&mut out, *p),
        Geometry::LineString(l) => path(&mut out, l),
        Geometry::MultiLineString(ls) => paths(&mut out, ls),
        Geometry::Polygon(p) => paths(&mut out, p),
        Geometry::MultiPolygon(ps) => {
            out.push('[');
            for (i, p) in ps.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                paths(&mut out, p);
            }
            out.push(']');
        }
    }
    out.push('}');
    out
}

/// Serialise the collection as a GeoJSON FeatureCollection.
///
/// # Errors
/// Only if a property value cannot be serialised.
pub fn write_feature_collection(c: &Collection) -> Result<String, ImportError> {
    let mut out = String::new();
    out.push_str("{\"type\":\"FeatureCollection\",\n");
    let _ = writeln!(out, "\"attribution\":{},", js(&c.attribution)?);
    out.push_str("\"features\":[\n");
    for (i, f) in c.features.iter().enumerate() {
        let _ = write!(
            out,
            "{{\"type\":\"Feature\",\"id\":{},\"properties\":{},\"geometry\":{}}}",
            js(&f.id)?,
            js(&f.properties)?,
            geometry_json(&f.geometry)
        );
        out.push_str(if i + 1 < c.features.len() {
            ",\n"
        } else {
            "\n"
        });
    }
    out.push_str("]}\n");
    Ok(out)
}

fn js<T: serde::Serialize + ?Sized>(v: &T) -> Result<String, ImportError> {
    serde_json::to_string(v).map_err(|e| ImportError::Output(e.to_string()))
}

/// Write `bytes` to `path` atomically: write a temporary file in the same
/// directory, flush it to disk, then rename it over `path`.
///
/// # Errors
/// On any I/O failure; the temporary file is removed on failure.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ImportError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| ImportError::Output(format!("{} is not a file path", path.display())))?;
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        ImportError::io(path, e)
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::import::pipeline::OutFeature;
    use crate::import::recipe::Kind;
    use serde_json::{Map, Value, json};

    #[test]
    fn writes_valid_deterministic_geojson() {
        let mut props = Map::new();
        props.insert("kind".into(), json!("town"));
        props.insert("id".into(), json!("goris"));
        let c = Collection {
            attribution: "Made with Natural Earth.".into(),
            features: vec![
                OutFeature {
                    id: "goris".into(),
                    kind: Kind::Town,
                    properties: props.clone(),
                    geometry: Geometry::Point([46.339, 39.511]),
                },
                OutFeature {
                    id: "x".into(),
                    kind: Kind::Region,
                    properties: props,
                    geometry: Geometry::Polygon(vec![vec![
                        [0.0, 0.0],
                        [1.5, 0.0],
                        [1.0, 1.0],
                        [0.0, 0.0],
                    ]]),
                },
            ],
        };
        let a = write_feature_collection(&c).unwrap();
        assert_eq!(a, write_feature_collection(&c).unwrap());
        let v: Value = serde_json::from_str(&a).unwrap();
        assert_eq!(v["type"], "FeatureCollection");
        assert_eq!(
            v["features"][0]["geometry"]["coordinates"],
            json!([46.339, 39.511])
        );
        assert!(a.contains("\"properties\":{\"id\":\"goris\",\"kind\":\"town\"}"));
        assert!(a.contains("[[[0,0],[1.5,0],[1,1],[0,0]]]"));
    }

    #[test]
    fn atomic_write_replaces_the_file() {
        let dir = std::env::temp_dir().join(format!("import-map-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("out.geojson");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let leftovers = std::fs::read_dir(&dir).unwrap().count();
        assert_eq!(leftovers, 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
