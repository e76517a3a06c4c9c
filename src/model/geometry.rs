//! Map geometry read from `map.geojson` (RFC 7946, WGS84 longitude/latitude).
//!
//! Only what the product draws is kept: areas (polygons with holes), lines and
//! points, each with the feature's id, kind and names.

use serde_json::Value;

use super::diag::{Detail, DetailFrom, Diagnostic, Msg};
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
    /// The base layer's features (`base.geojson`, optional): land drawn
    /// under everything else, out to the edge of any view; water is where
    /// it has none. Empty when the dataset has no base file.
    pub base: Vec<Feature>,
    /// Index of the first feature with each id (built by `parse`).
    by_id: std::collections::HashMap<String, usize>,
}

impl MapData {
    /// The feature with this id.
    #[must_use]
    pub fn feature(&self, id: &str) -> Option<&Feature> {
        self.feature_index(id).and_then(|i| self.features.get(i))
    }

    /// The position in `features` of the feature with this id.
    #[must_use]
    pub fn feature_index(&self, id: &str) -> Option<usize> {
        match self.by_id.get(id) {
            Some(&i) if self.features.get(i).is_some_and(|f| f.id == id) => Some(i),
            // Not indexed (features edited after parsing): look it up.
            _ => self.features.iter().position(|f| f.id == id),
        }
    }

    /// Map data holding `features`, indexed by id.
    #[must_use]
    pub fn new(features: Vec<Feature>) -> Self {
        let mut by_id = std::collections::HashMap::with_capacity(features.len());
        for (i, f) in features.iter().enumerate() {
            by_id.entry(f.id.clone()).or_insert(i);
        }
        Self {
            features,
            base: Vec::new(),
            by_id,
        }
    }

    /// Parse a GeoJSON FeatureCollection. `file` names it in diagnostics.
    ///
    /// # Errors
    /// Every problem found: JSON syntax (with line and column), missing or
    /// mistyped members, open rings, coordinates out of range, duplicate ids.
    pub fn parse(file: &str, text: &str) -> Result<Self, Vec<Diagnostic>> {
        let value: Value = serde_json::from_str(text).map_err(|e| {
            vec![
                Diagnostic::new(
                    file,
                    Msg::new("geo-json-invalid").detail(
                        "detail",
                        Detail {
                            from: DetailFrom::Json,
                            text: e.to_string(),
                        },
                    ),
                )
                .at(super::diag::Position {
                    line: e.line().max(1),
                    column: e.column().max(1),
                })
                .help(Msg::new("geo-json-invalid-help")),
            ]
        })?;
        let mut errors = Vec::new();
        let Some(features) = value
            .get("features")
            .and_then(Value::as_array)
            .filter(|_| value.get("type").and_then(Value::as_str) == Some("FeatureCollection"))
        else {
            return Err(vec![Diagnostic::new(file, Msg::new("geo-not-collection"))]);
        };
        let mut out: Vec<Feature> = Vec::with_capacity(features.len());
        // The ids seen so far, to find one given twice without comparing
        // every pair.
        let mut seen = std::collections::HashSet::with_capacity(features.len());
        for (i, f) in features.iter().enumerate() {
            match parse_feature(f) {
                Ok(feature) => {
                    if !seen.insert(feature.id.clone()) {
                        errors.push(Diagnostic::new(
                            file,
                            Msg::new("geo-id-twice")
                                .num("index", i)
                                .text("id", &feature.id),
                        ));
                    }
                    out.push(feature);
                }
                Err(msg) => {
                    let message = match f.pointer("/properties/id").and_then(Value::as_str) {
                        Some(id) => Msg::new("geo-feature-id").text("id", id),
                        None => Msg::new("geo-feature"),
                    };
                    errors.push(Diagnostic::new(
                        file,
                        message.num("index", i).msg("problem", msg),
                    ));
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

fn parse_feature(f: &Value) -> Result<Feature, Msg> {
    let props = f
        .get("properties")
        .and_then(Value::as_object)
        .ok_or_else(|| Msg::new("geo-no-properties"))?;
    let text = |key: &str| -> Result<String, Msg> {
        props
            .get(key)
            .and_then(Value::as_str)
            .filter(|s| !s.trim().is_empty())
            .map(str::to_owned)
            .ok_or_else(|| Msg::new("geo-property-text").text("key", key))
    };
    let id = text("id")?;
    let kind = text("kind")?;
    let names = props
        .get("names")
        .and_then(Value::as_object)
        .ok_or_else(|| Msg::new("geo-names-object"))?;
    let mut localized = Localized::default();
    for (lang, name) in names {
        let name = name
            .as_str()
            .ok_or_else(|| Msg::new("geo-name-text").text("lang", lang))?;
        localized.0.insert(lang.clone(), name.to_owned());
    }
    if localized.exact("en").is_none() {
        return Err(Msg::new("geo-name-en-missing"));
    }
    let geometry = f
        .get("geometry")
        .ok_or_else(|| Msg::new("geo-no-geometry"))?;
    let kind_of = geometry
        .get("type")
        .and_then(Value::as_str)
        .ok_or_else(|| Msg::new("geo-no-type"))?;
    let coords = geometry
        .get("coordinates")
        .ok_or_else(|| Msg::new("geo-no-coordinates"))?;
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
        other => return Err(Msg::new("geo-type-unsupported").text("type", other)),
    };
    Ok(Feature {
        id,
        kind,
        names: localized,
        shape,
    })
}

fn array(v: &Value) -> Result<&Vec<Value>, Msg> {
    v.as_array()
        .ok_or_else(|| Msg::new("geo-coordinates-arrays"))
}

fn position(v: &Value) -> Result<LonLat, Msg> {
    let a = array(v)?;
    let (Some(lon), Some(lat)) = (
        a.first().and_then(Value::as_f64),
        a.get(1).and_then(Value::as_f64),
    ) else {
        return Err(Msg::new("geo-position-numbers"));
    };
    if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
        return Err(Msg::new("geo-position-range")
            .num("lon", lon)
            .num("lat", lat));
    }
    Ok([lon, lat])
}

fn line(v: &Value) -> Result<Vec<LonLat>, Msg> {
    let pts = array(v)?
        .iter()
        .map(position)
        .collect::<Result<Vec<_>, _>>()?;
    if pts.len() < 2 {
        return Err(Msg::new("geo-line-short"));
    }
    Ok(pts)
}

fn polygon(v: &Value) -> Result<Polygon, Msg> {
    let rings = array(v)?.iter().map(line).collect::<Result<Vec<_>, _>>()?;
    if rings.is_empty() {
        return Err(Msg::new("geo-polygon-empty"));
    }
    for r in &rings {
        if r.len() < 4 || r.first() != r.last() {
            return Err(Msg::new("geo-ring-open"));
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

    #[test]
    fn an_id_given_twice_is_named_at_its_second_feature() {
        let feature = |id: &str| {
            format!(
                r#"{{"type":"Feature","properties":{{"id":"{id}","kind":"town","names":{{"en":"{id}"}}}},
                 "geometry":{{"type":"Point","coordinates":[46.5,39.5]}}}}"#
            )
        };
        let text = format!(
            r#"{{"type":"FeatureCollection","features":[{},{},{},{}]}}"#,
            feature("a"),
            feature("b"),
            feature("a"),
            feature("c")
        );
        let errs = MapData::parse("map.geojson", &text)
            .err()
            .unwrap_or_default();
        let msgs: Vec<String> = errs.iter().map(ToString::to_string).collect();
        assert_eq!(msgs.len(), 1, "{msgs:?}");
        assert!(
            msgs[0].contains("feature #2: id 'a' is used twice"),
            "{msgs:?}"
        );
    }
}
