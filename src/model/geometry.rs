//! Map geometry read from `map.geojson` (RFC 7946, WGS84 longitude/latitude).
//!
//! Only what the product draws is kept: areas (polygons with holes), lines and
//! points, each with the feature's id, kind and names.

use serde_json::Value;

use super::diag::Diagnostic;
use super::types::Localized;

/// A longitude/latitude pair in degrees, in GeoJSON order.
pub type LonLat = [f64; 2];

/// A polygon: the outer ring first, then holes; each ring closed (first == last).
pub type Polygon = Vec<Vec<LonLat>>;

/// A feature's shape.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// One or more polygons.
    Area(Vec<Polygon>),
    /// One or more polylines.
    Lines(Vec<Vec<LonLat>>),
    /// A single point.
    Point(LonLat),
}

/// One map feature.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    /// Stable id (for tracked places, the place id).
    pub id: String,
    /// `district`, `region`, `rayon`, `country`, `line`, `town`, ...
    pub kind: String,
    /// Names by language.
    pub names: Localized,
    /// The shape.
    pub shape: Shape,
}

/// All map features, in drawing order as stored.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MapData {
    /// The features.
    pub features: Vec<Feature>,
    /// Index of the first feature with each id (built by `parse`).
    by_id: std::collections::HashMap<String, usize>,
}

impl MapData {
    /// The feature with this id.
    #[must_use]
    pub fn feature(&self, id: &str) -> Option<&Feature> {
        match self.by_id.get(id).and_then(|&i| self.features.get(i)) {
            Some(f) if f.id == id => Some(f),
            // Not indexed (features edited after parsing): look it up.
            _ => self.features.iter().find(|f| f.id == id),
        }
    }

    /// Map data holding `features`, indexed by id.
    #[must_use]
    pub fn new(features: Vec<Feature>) -> Self {
        let mut by_id = std::collections::HashMap::with_capacity(features.len());
        for (i, f) in features.iter().enumerate() {
            by_id.entry(f.id.clone()).or_insert(i);
        }
        Self { features, by_id }
    }

    /// Parse a GeoJSON FeatureCollection. `file` names it in diagnostics.
    ///
    /// # Errors
    /// Every problem found: JSON syntax (with line and column), missing or
    /// mistyped members, open rings, coordinates out of range, duplicate ids.
    pub fn parse(file: &str, text: &str) -> Result<Self, Vec<Diagnostic>> {
        let value: Value = serde_json::from_str(text).map_err(|e| {
            vec![
                Diagnostic::new(file, format!("not valid JSON: {e}"))
                    .at(super::diag::Position {
                        line: e.line().max(1),
                        column: e.column().max(1),
                    })
                    .help("fix the JSON syntax, or re-run the map import (data/README.md)"),
            ]
        })?;
        let mut errors = Vec::new();
        let Some(features) = value
            .get("features")
            .and_then(Value::as_array)
            .filter(|_| value.get("type").and_then(Value::as_str) == Some("FeatureCollection"))
        else {
            return Err(vec![Diagnostic::new(
                file,
                "expected a GeoJSON FeatureCollection with a \"features\" array",
            )]);
        };
        let mut out = Vec::with_capacity(features.len());
        for (i, f) in features.iter().enumerate() {
            match parse_feature(f) {
                Ok(feature) => {
                    if out.iter().any(|o: &Feature| o.id == feature.id) {
                        errors.push(Diagnostic::new(
                            file,
                            format!("feature #{i}: id '{}' is used twice", feature.id),
                        ));
                    }
                    out.push(feature);
                }
                Err(msg) => {
                    let id = f
                        .pointer("/properties/id")
                        .and_then(Value::as_str)
                        .map_or(String::new(), |id| format!(" (id '{id}')"));
                    errors.push(Diagnostic::new(file, format!("feature #{i}{id}: {msg}")));
                }
            }
        }
        if errors.is_empty() {
            Ok(Self::new(out))
        } else {
            Err(errors)
        }
    }
}

fn parse_feature(f: &Value) -> Result<Feature, String> {
    let props = f
        .get("properties")
        .and_then(Value::as_object)
        .ok_or("has no \"properties\" object")?;
    let text = |key: &str| -> Result<String, String> {
        props
            .get(key)
            .and_then(Value::as_str)
            .filter(|s| !s.trim().is_empty())
            .map(str::to_owned)
            .ok_or_else(|| format!("property \"{key}\" must be a non-empty string"))
    };
    let id = text("id")?;
    let kind = text("kind")?;
    let names = props
        .get("names")
        .and_then(Value::as_object)
        .ok_or("property \"names\" must be an object of language -> name")?;
    let mut localized = Localized::default();
    for (lang, name) in names {
        let name = name
            .as_str()
            .ok_or_else(|| format!("names.{lang} must be a string"))?;
        localized.0.insert(lang.clone(), name.to_owned());
    }
    if localized.exact("en").is_none() {
        return Err("names.en is missing".into());
    }
    let geometry = f.get("geometry").ok_or("has no \"geometry\"")?;
    let kind_of = geometry
        .get("type")
        .and_then(Value::as_str)
        .ok_or("geometry has no \"type\"")?;
    let coords = geometry
        .get("coordinates")
        .ok_or("geometry has no \"coordinates\"")?;
    let shape = match kind_of {
        "Point" => Shape::Point(position(coords)?),
        "LineString" => Shape::Lines(vec![line(coords)?]),
        "MultiLineString" => {
            Shape::Lines(array(coords)?.iter().map(line).collect::<Result<_, _>>()?)
        }
        "Polygon" => Shape::Area(vec![polygon(coords)?]),
        "MultiPolygon" => Shape::Area(
            array(coords)?
                .iter()
                .map(polygon)
                .collect::<Result<_, _>>()?,
        ),
        other => return Err(format!("geometry type \"{other}\" is not supported")),
    };
    Ok(Feature {
        id,
        kind,
        names: localized,
        shape,
    })
}

fn array(v: &Value) -> Result<&Vec<Value>, String> {
    v.as_array()
        .ok_or_else(|| "coordinates must be arrays".to_owned())
}

fn position(v: &Value) -> Result<LonLat, String> {
    let a = array(v)?;
    let (Some(lon), Some(lat)) = (
        a.first().and_then(Value::as_f64),
        a.get(1).and_then(Value::as_f64),
    ) else {
        return Err("a position must be [longitude, latitude] numbers".into());
    };
    if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
        return Err(format!(
            "position [{lon}, {lat}] is out of range (longitude first, then latitude, in degrees)"
        ));
    }
    Ok([lon, lat])
}

fn line(v: &Value) -> Result<Vec<LonLat>, String> {
    let pts = array(v)?
        .iter()
        .map(position)
        .collect::<Result<Vec<_>, _>>()?;
    if pts.len() < 2 {
        return Err("a line needs at least two positions".into());
    }
    Ok(pts)
}

fn polygon(v: &Value) -> Result<Polygon, String> {
    let rings = array(v)?.iter().map(line).collect::<Result<Vec<_>, _>>()?;
    if rings.is_empty() {
        return Err("a polygon needs an outer ring".into());
    }
    for r in &rings {
        if r.len() < 4 || r.first() != r.last() {
            return Err("every polygon ring must be closed (first position == last) with at least four positions".into());
        }
    }
    Ok(rings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_areas_lines_and_points() {
        let text = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"id":"a","kind":"district","names":{"en":"A","ar":"أ"}},
           "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},
          {"type":"Feature","properties":{"id":"l","kind":"line","names":{"en":"L"}},
           "geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}},
          {"type":"Feature","properties":{"id":"t","kind":"town","names":{"en":"T"}},
           "geometry":{"type":"Point","coordinates":[46.5,39.5]}}]}"#;
        let map = MapData::parse("map.geojson", text).unwrap_or_default();
        assert_eq!(map.features.len(), 3);
        assert_eq!(map.feature("a").map(|f| f.names.get("ar")), Some("أ"));
        assert_eq!(
            map.feature("t").map(|f| &f.shape),
            Some(&Shape::Point([46.5, 39.5]))
        );
    }

    #[test]
    fn names_the_feature_and_the_problem() {
        let text = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"id":"a","kind":"district","names":{"en":"A"}},
           "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}}]}"#;
        let errs = MapData::parse("map.geojson", text)
            .err()
            .unwrap_or_default();
        assert_eq!(errs.len(), 1);
        let msg = errs[0].to_string();
        assert!(
            msg.contains("feature #0 (id 'a')") && msg.contains("closed"),
            "{msg}"
        );
    }

    #[test]
    fn json_syntax_errors_have_line_and_column() {
        let errs = MapData::parse("map.geojson", "{\n  \"type\": ,\n}")
            .err()
            .unwrap_or_default();
        assert_eq!(errs[0].position.map(|p| p.line), Some(2));
    }
}
