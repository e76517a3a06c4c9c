//! The optional base layer, `base.geojson`: land drawn under the dataset's
//! own map out to the edge of any view. A dataset without the file loads as
//! before; a file that is present but broken is an error with the file and
//! the feature's index, like `map.geojson`.

use super::loader::Loader;
use crate::model::diag::Diagnostic;
use crate::model::geometry::{Feature, MapData, Shape};

/// The base layer's file name in a dataset folder.
pub const BASE_FILE: &str = "base.geojson";

/// The base layer's features, empty when the dataset has no base file.
/// Problems (unreadable, invalid GeoJSON, a feature that is not polygons)
/// are pushed to `l`.
pub(super) fn read_base(l: &mut Loader<'_>) -> Vec<Feature> {
    let label = l.files.label(BASE_FILE);
    let bytes = match l.files.read(BASE_FILE) {
        Ok(b) => b,
        Err(m) if matches!(m.key, "diag-file-not-found" | "diag-file-not-bundled") => {
            return Vec::new();
        }
        Err(m) => {
            l.push(Diagnostic::new(&label, m));
            return Vec::new();
        }
    };
    let text = match super::decode_utf8(&label, bytes) {
        Ok(t) => t,
        Err(d) => {
            l.push(d);
            return Vec::new();
        }
    };
    match MapData::parse(&label, &text) {
        Ok(m) => {
            let mut out = Vec::with_capacity(m.features.len());
            for (i, f) in m.features.into_iter().enumerate() {
                if matches!(f.shape, Shape::Area(_)) {
                    out.push(f);
                } else {
                    l.push(Diagnostic::new(
                        &label,
                        crate::model::diag::Msg::new("geo-feature-id")
                            .num("index", i)
                            .text("id", &f.id)
                            .msg(
                                "problem",
                                crate::model::diag::Msg::new("geo-base-not-area")
                                    .text("file", BASE_FILE),
                            ),
                    ));
                }
            }
            out
        }
        Err(errs) => {
            l.errors.extend(errs);
            Vec::new()
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::fixture;
    use crate::model::diag::LoadError;

    fn english(diagnostics: Vec<crate::model::diag::Diagnostic>) -> String {
        LoadError { diagnostics }.to_string()
    }

    const LAND: &str = r#"{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"id":"base-1","kind":"land","names":{"en":"Land"}},"geometry":{"type":"Polygon","coordinates":[[[0,0],[2,0],[2,2],[0,2],[0,0]]]}}
]}"#;

    #[test]
    fn a_dataset_without_a_base_file_has_no_base() {
        let ds = fixture::load(&fixture::files()).unwrap();
        assert!(ds.map.base.is_empty());
    }

    #[test]
    fn the_base_file_is_read() {
        let mut files = fixture::files();
        files.insert("base.geojson".into(), LAND.to_owned());
        let ds = fixture::load(&files).unwrap();
        assert_eq!(ds.map.base.len(), 1);
        assert_eq!(ds.map.base[0].id, "base-1");
    }

    #[test]
    fn a_broken_base_file_names_the_file_and_the_feature() {
        let mut files = fixture::files();
        let broken = LAND.replace("[0,0]]]", "[0,1]]]");
        files.insert("base.geojson".into(), broken);
        let text = english(fixture::load(&files).unwrap_err());
        assert!(text.contains("base.geojson"), "{text}");
        assert!(text.contains("feature #0"), "{text}");
        assert!(text.contains("closed"), "{text}");
    }

    #[test]
    fn a_base_feature_that_is_not_land_is_an_error() {
        let mut files = fixture::files();
        let point = r#"{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"id":"p","kind":"town","names":{"en":"P"}},"geometry":{"type":"Point","coordinates":[1,1]}}
]}"#;
        files.insert("base.geojson".into(), point.to_owned());
        let text = english(fixture::load(&files).unwrap_err());
        assert!(
            text.contains("base.geojson") && text.contains("feature #0"),
            "{text}"
        );
    }
}
