//! Reading features from a GeoPackage (SQLite) file. Only this module uses
//! `rusqlite`; it is compiled with the `import` feature.

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags, params_from_iter};

use super::ImportError;
use super::pipeline::{FeatureSource, SourceRow};
use super::wkb::decode_gpkg_geometry;

/// A GeoPackage opened read-only.
#[derive(Debug)]
pub struct GeoPackage {
    conn: Connection,
}

fn gpkg_err(context: &str, e: &rusqlite::Error) -> ImportError {
    ImportError::Gpkg(format!("{context}: {e}"))
}

/// Quote an SQL identifier.
fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn text_of(v: ValueRef<'_>) -> Option<String> {
    match v {
        ValueRef::Null => None,
        ValueRef::Integer(i) => Some(i.to_string()),
        ValueRef::Real(r) => Some(r.to_string()),
        ValueRef::Text(t) => Some(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Some(format!("<{} byte blob>", b.len())),
    }
}

impl GeoPackage {
    /// Open `path` read-only and check that it is a GeoPackage.
    ///
    /// # Errors
    /// If the file is missing, not SQLite, or has no `gpkg_contents` table.
    pub fn open(path: &Path) -> Result<Self, ImportError> {
        if !path.is_file() {
            return Err(ImportError::io(
                path,
                std::io::Error::new(std::io::ErrorKind::NotFound, "no such GeoPackage file"),
            ));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| gpkg_err(&path.display().to_string(), &e))?;
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_contents'",
                [],
                |r| r.get(0),
            )
            .map_err(|e| gpkg_err(&path.display().to_string(), &e))?;
        if n != 1 {
            return Err(ImportError::Gpkg(format!(
                "{} is not a GeoPackage (no gpkg_contents table)",
                path.display()
            )));
        }
        Ok(Self { conn })
    }

    /// The geometry column and SRS id of a feature layer.
    fn geometry_column(&self, layer: &str) -> Result<(String, i64), ImportError> {
        self.conn
            .query_row(
                "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?1",
                [layer],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => {
                    ImportError::Gpkg(format!("no feature layer named {layer:?}"))
                }
                e => gpkg_err(layer, &e),
            })
    }

    /// The columns of a layer as (name, is-primary-key).
    fn columns(&self, layer: &str) -> Result<Vec<(String, bool)>, ImportError> {
        let mut st = self
            .conn
            .prepare("SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid")
            .map_err(|e| gpkg_err(layer, &e))?;
        let rows = st
            .query_map([layer], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? > 0))
            })
            .map_err(|e| gpkg_err(layer, &e))?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(|e| gpkg_err(layer, &e))
    }
}

impl FeatureSource for GeoPackage {
    fn select(
        &self,
        layer: &str,
        selector: &BTreeMap<String, String>,
    ) -> Result<Vec<SourceRow>, ImportError> {
        let (geom_col, srs) = self.geometry_column(layer)?;
        let columns = self.columns(layer)?;
        let Some(pk) = columns.iter().find(|(_, pk)| *pk).map(|(n, _)| n.clone()) else {
            return Err(ImportError::Gpkg(format!(
                "layer {layer:?} has no primary key"
            )));
        };
        for key in selector.keys() {
            if !columns.iter().any(|(n, _)| n == key) {
                let names: Vec<&str> = columns.iter().map(|(n, _)| n.as_str()).collect();
                return Err(ImportError::Gpkg(format!(
                    "layer {layer:?} has no column {key:?} (columns: {})",
                    names.join(", ")
                )));
            }
        }
        let attrs: Vec<&String> = columns
            .iter()
            .map(|(n, _)| n)
            .filter(|n| **n != pk && **n != geom_col)
            .collect();
        let mut sql = format!("SELECT {}, {}", ident(&pk), ident(&geom_col));
        for a in &attrs {
            sql.push_str(", ");
            sql.push_str(&ident(a));
        }
        sql.push_str(&format!(" FROM {} WHERE ", ident(layer)));
        let conds: Vec<String> = selector
            .keys()
            .enumerate()
            .map(|(i, k)| format!("{} = ?{}", ident(k), i + 1))
            .collect();
        if conds.is_empty() {
            // No selector: every row.
            sql.push('1');
        } else {
            sql.push_str(&conds.join(" AND "));
        }
        sql.push_str(&format!(" ORDER BY {}", ident(&pk)));

        let mut st = self.conn.prepare(&sql).map_err(|e| gpkg_err(layer, &e))?;
        let mut rows = st
            .query(params_from_iter(selector.values()))
            .map_err(|e| gpkg_err(layer, &e))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next().map_err(|e| gpkg_err(layer, &e))? {
            let fid: i64 = r.get(0).map_err(|e| gpkg_err(layer, &e))?;
            let blob: Vec<u8> = r.get(1).map_err(|e| gpkg_err(layer, &e))?;
            let (header, geometry) = decode_gpkg_geometry(&blob)
                .map_err(|e| ImportError::Gpkg(format!("layer {layer:?} fid {fid}: {e}")))?;
            if i64::from(header.srs_id) != srs {
                return Err(ImportError::Gpkg(format!(
                    "layer {layer:?} fid {fid}: geometry SRS {} differs from the layer's {srs}",
                    header.srs_id
                )));
            }
            let mut attributes = BTreeMap::new();
            for (i, a) in attrs.iter().enumerate() {
                let v = r.get_ref(i + 2).map_err(|e| gpkg_err(layer, &e))?;
                attributes.insert((*a).clone(), text_of(v));
            }
            out.push(SourceRow {
                fid,
                attributes,
                geometry,
                srs_id: header.srs_id,
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::import::geom::Geometry;

    /// A GeoPackage blob (little-endian header, no envelope) holding a WKB
    /// polygon.
    fn blob(ring: &[[f64; 2]]) -> Vec<u8> {
        let mut b = b"GP\0\x01".to_vec();
        b.extend(4326i32.to_le_bytes());
        b.push(1);
        b.extend(3u32.to_le_bytes());
        b.extend(1u32.to_le_bytes());
        b.extend(u32::try_from(ring.len()).unwrap().to_le_bytes());
        for p in ring {
            b.extend(p[0].to_le_bytes());
            b.extend(p[1].to_le_bytes());
        }
        b
    }

    fn make(path: &Path) {
        let c = Connection::open(path).unwrap();
        c.execute_batch(
            "CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT);
             CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, srs_id INTEGER);
             INSERT INTO gpkg_contents VALUES ('states_provinces', 'features');
             INSERT INTO gpkg_geometry_columns VALUES ('states_provinces', 'geom', 4326);
             CREATE TABLE states_provinces (fid INTEGER PRIMARY KEY, geom BLOB, name TEXT, gn_name TEXT);",
        )
        .unwrap();
        let ring = [[46.0, 39.0], [46.0, 39.5], [46.5, 39.5], [46.0, 39.0]];
        for (fid, name, gn) in [
            (4563, "Lankaran", "Lacin Rayonu"),
            (654, "Lankaran", "Lankaran Rayon"),
        ] {
            c.execute(
                "INSERT INTO states_provinces VALUES (?1, ?2, ?3, ?4)",
                rusqlite::params![fid, blob(&ring), name, gn],
            )
            .unwrap();
        }
    }

    #[test]
    fn selects_rows_by_attributes_and_reports_bad_columns() {
        let dir = std::env::temp_dir().join(format!("gpkg-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.gpkg");
        let _ = std::fs::remove_file(&path);
        make(&path);
        let g = GeoPackage::open(&path).unwrap();
        let sel = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> {
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
                .collect()
        };
        let rows = g
            .select("states_provinces", &sel(&[("gn_name", "Lacin Rayonu")]))
            .unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].fid, 4563);
        assert_eq!(rows[0].attributes["name"].as_deref(), Some("Lankaran"));
        assert!(matches!(rows[0].geometry, Geometry::Polygon(_)));
        let rows = g
            .select("states_provinces", &sel(&[("name", "Lankaran")]))
            .unwrap();
        assert_eq!(rows.iter().map(|r| r.fid).collect::<Vec<_>>(), [654, 4563]);
        let err = g
            .select("states_provinces", &sel(&[("nam", "x")]))
            .unwrap_err();
        assert!(err.to_string().contains("no column \"nam\""), "{err}");
        assert!(g.select("nope", &sel(&[("name", "x")])).is_err());
        assert!(GeoPackage::open(&dir.join("missing.gpkg")).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
