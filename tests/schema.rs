//! The JSON Schemas in data/schema/: the committed files are exactly what
//! this build generates, they accept every bundled file and reject broken
//! ones, and `karabakh-atlas schema` writes and checks them safely.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{data_dir, run, texts};
use karabakh_atlas::model::schema::schemas;
use serde_json::Value;

fn schema_dir() -> std::path::PathBuf {
    data_dir().join("schema")
}

fn validator(schema_file: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(schema_dir().join(schema_file)).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn toml_json(text: &str) -> Value {
    let v: toml::Value = toml::from_str(text).unwrap();
    serde_json::to_value(v).unwrap()
}

/// Every error the schema finds in the TOML text, as "path: message".
fn errors(schema_file: &str, text: &str) -> Vec<String> {
    validator(schema_file)
        .iter_errors(&toml_json(text))
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// The bundled files each schema describes.
fn bundled_files(schema_file: &str) -> Vec<String> {
    match schema_file {
        "tour.schema.json" => std::fs::read_dir(data_dir().join("tours"))
            .unwrap()
            .map(|e| format!("tours/{}", e.unwrap().file_name().to_string_lossy()))
            .collect(),
        other => vec![other.replace(".schema.json", ".toml")],
    }
}

#[test]
fn the_committed_schemas_are_exactly_what_the_build_generates() {
    let generated = schemas();
    let mut on_disk: Vec<String> = std::fs::read_dir(schema_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut names: Vec<String> = generated.iter().map(|(n, _, _)| (*n).to_owned()).collect();
    names.sort();
    assert_eq!(on_disk, names, "data/schema/ holds one file per schema");
    for (name, _, text) in &generated {
        let committed = std::fs::read_to_string(schema_dir().join(name)).unwrap();
        assert!(
            committed == *text,
            "data/schema/{name} is stale: run `cargo run -- schema --out data/schema --force`"
        );
    }
    let out = run(&["schema", "--check", schema_dir().to_str().unwrap()]);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("up to date"), "{stdout}");
}

#[test]
fn doc_comments_become_descriptions() {
    let timeline: Value = serde_json::from_str(
        &std::fs::read_to_string(schema_dir().join("timeline.schema.json")).unwrap(),
    )
    .unwrap();
    let offset = &timeline["definitions"]["Citation"]["properties"]["offset"];
    let d = offset["description"].as_str().unwrap();
    assert!(
        d.contains("Unicode scalar values (characters), 0-based"),
        "{d}"
    );
    assert!(!d.contains('\n'), "one line per paragraph: {d:?}");
    assert_eq!(offset["minimum"], 0);
}

#[test]
fn every_bundled_file_satisfies_its_schema() {
    let mut checked = 0;
    for (name, describes, _) in schemas() {
        for file in bundled_files(name) {
            let text = std::fs::read_to_string(data_dir().join(&file)).unwrap();
            let errs = errors(name, &text);
            assert!(
                errs.is_empty(),
                "{file} against {name} ({describes}): {errs:#?}"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 4 + 2, "four dataset files and two tours");
}

#[test]
fn every_bundled_toml_file_names_its_schema_for_editors() {
    for (name, _, _) in schemas() {
        for file in bundled_files(name) {
            let text = std::fs::read_to_string(data_dir().join(&file)).unwrap();
            let first = text.lines().next().unwrap_or_default();
            let depth = file.matches('/').count();
            let expect = format!("#:schema {}schema/{name}", "../".repeat(depth));
            let expect = expect.replace("#:schema schema/", "#:schema ./schema/");
            assert_eq!(first, expect, "{file}");
            // The path resolves from the file's own folder.
            let dir = data_dir().join(&file);
            let target = dir
                .parent()
                .unwrap()
                .join(first.trim_start_matches("#:schema "));
            assert!(target.is_file(), "{file}: {}", target.display());
        }
    }
}

fn assert_rejected(schema_file: &str, text: &str, expect_path: &str, expect: &str) {
    let errs = errors(schema_file, text);
    assert!(
        errs.iter()
            .any(|e| e.starts_with(&format!("{expect_path}:")) && e.contains(expect)),
        "expected an error at {expect_path} mentioning {expect:?}, got {errs:#?}"
    );
}

#[test]
fn broken_files_are_rejected_where_they_are_broken() {
    let places = std::fs::read_to_string(data_dir().join("places.toml")).unwrap();
    let first_place = places.find("[[place]]").unwrap();
    // An unknown field in the first place.
    let broken = places.replacen("[[place]]\n", "[[place]]\ncolour = \"red\"\n", 1);
    assert!(broken.len() > places.len() && first_place > 0);
    assert_rejected("places.schema.json", &broken, "/place/0", "colour");
    // A kind that does not exist.
    let broken = places.replacen("kind = \"district\"", "kind = \"province\"", 1);
    assert_rejected("places.schema.json", &broken, "/place/0/kind", "province");

    let timeline = std::fs::read_to_string(data_dir().join("timeline.toml")).unwrap();
    // The second step ("war-2020-start") without its date.
    let broken = timeline.replacen("date = \"2020-09-27\"\n", "", 1);
    assert_rejected("timeline.schema.json", &broken, "/step/1", "date");
    // A day written the wrong way round.
    let broken = timeline.replacen("date = \"2020-09-27\"\n", "date = \"27-09-2020\"\n", 1);
    assert_rejected(
        "timeline.schema.json",
        &broken,
        "/step/1/date",
        "27-09-2020",
    );
    // An extent out of range.
    let broken = timeline.replacen(
        "id = \"aghdam-handover\"\n",
        "id = \"aghdam-handover\"\nextent = { west = 46.0, south = 39.0, east = 47.0, north = 91.0 }\n",
        1,
    );
    assert_rejected(
        "timeline.schema.json",
        &broken,
        "/step/6/extent/north",
        "91",
    );

    let dataset = std::fs::read_to_string(data_dir().join("dataset.toml")).unwrap();
    let broken = dataset.replacen("id = \"azerbaijan\"", "id = \"Azerbaijan\"", 1);
    assert_rejected(
        "dataset.schema.json",
        &broken,
        "/controller/1/id",
        "Azerbaijan",
    );

    let tour = "title = { ar = \"جولة\" }\nhold = 0\n[[stop]]\nhold = 601\nstep = \"baseline\"\nnote = \"x\"\n";
    assert_rejected("tour.schema.json", tour, "/title", "en");
    assert_rejected("tour.schema.json", tour, "/hold", "0");
    assert_rejected("tour.schema.json", tour, "/stop/0/hold", "601");
    assert_rejected("tour.schema.json", tour, "/stop/0", "note");
    assert_rejected(
        "tour.schema.json",
        "title = { en = \"T\" }\n[[stop]]\n",
        "/stop/0",
        "step",
    );
}

#[test]
fn schema_writes_a_folder_and_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("schemas");
    let out = run(&["schema", "--out", out_dir.to_str().unwrap()]);
    let (_, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    for (name, _, text) in schemas() {
        assert_eq!(std::fs::read_to_string(out_dir.join(name)).unwrap(), text);
    }
    // Change one file; writing again without --force leaves it alone.
    let timeline = out_dir.join("timeline.schema.json");
    std::fs::write(&timeline, "{}\n").unwrap();
    let out = run(&["schema", "--out", out_dir.to_str().unwrap()]);
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("--force") || stderr.contains("exists"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&timeline).unwrap(), "{}\n");

    // --check names the stale file and fails.
    let out = run(&["schema", "--check", out_dir.to_str().unwrap()]);
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("timeline.schema.json"), "{stderr}");
    assert!(!stderr.contains("tour.schema.json"), "{stderr}");

    let out = run(&["schema", "--out", out_dir.to_str().unwrap(), "--force"]);
    assert!(out.status.success());
    let out = run(&["schema", "--check", out_dir.to_str().unwrap()]);
    assert!(out.status.success());

    // The schemas do not depend on a dataset: a broken --data is no matter.
    let out = run(&[
        "--data",
        dir.path().join("nowhere").to_str().unwrap(),
        "schema",
        "--check",
        out_dir.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", texts(&out).1);
}

/// The files of the minimal example in data/README.md: each `File `path`:`
/// line and the fenced block after it.
fn readme_example() -> Vec<(String, String)> {
    let readme = std::fs::read_to_string(data_dir().join("README.md")).unwrap();
    let start = readme.find("<!-- minimal-example:begin -->").unwrap();
    let end = readme.find("<!-- minimal-example:end -->").unwrap();
    let mut files = Vec::new();
    let mut lines = readme[start..end].lines();
    while let Some(line) = lines.next() {
        let Some(rest) = line.strip_prefix("File `") else {
            continue;
        };
        let path = rest.split('`').next().unwrap().to_owned();
        let fence = lines.by_ref().find(|l| l.starts_with("```")).unwrap();
        assert!(fence.len() > 3, "{path}: the fence names a language");
        let body: Vec<&str> = lines
            .by_ref()
            .take_while(|l| !l.starts_with("```"))
            .collect();
        files.push((path, body.join("\n") + "\n"));
    }
    files
}

#[test]
fn the_minimal_example_in_the_reference_loads_and_satisfies_the_schemas() {
    let files = readme_example();
    let names: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        names,
        [
            "dataset.toml",
            "places.toml",
            "sources.toml",
            "sources/report.txt",
            "timeline.toml",
            "map.geojson",
            "tours/intro.toml"
        ]
    );
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in &files {
        let target = dir.path().join(path);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, text).unwrap();
        let schema = match path.as_str() {
            "tours/intro.toml" => Some("tour.schema.json".to_owned()),
            p if p.ends_with(".toml") => Some(p.replace(".toml", ".schema.json")),
            _ => None,
        };
        if let Some(schema) = schema {
            let errs = errors(&schema, text);
            assert!(errs.is_empty(), "{path}: {errs:#?}");
        }
    }
    let ds = karabakh_atlas::model::load_folder(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ds.steps.len(), 2);
    assert_eq!(ds.tours.len(), 1);
    assert_eq!(ds.tours[0].stops[0].step, 1);
    assert!(ds.steps[1].extent.is_some());

    // The documented offset is the one that counts: off by one, it fails.
    std::fs::write(
        dir.path().join("timeline.toml"),
        files[4].1.replace("offset = 56", "offset = 57"),
    )
    .unwrap();
    let e = karabakh_atlas::model::load_folder(dir.path()).unwrap_err();
    assert!(e.to_string().contains("set offset = 56"), "{e}");
}

/// Every property name of an object schema, recursively.
fn property_names(v: &Value, out: &mut std::collections::BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get("properties") {
                out.extend(props.keys().cloned());
            }
            for child in map.values() {
                property_names(child, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| property_names(i, out)),
        _ => {}
    }
}

#[test]
fn the_reference_documents_every_field_of_every_file() {
    let readme = std::fs::read_to_string(data_dir().join("README.md")).unwrap();
    for (name, _, text) in schemas() {
        let mut fields = std::collections::BTreeSet::new();
        property_names(&serde_json::from_str(&text).unwrap(), &mut fields);
        assert!(fields.len() > 2, "{name}");
        for f in fields {
            // `en` is the language key of localized text, documented under
            // Conventions like the other tags.
            assert!(
                readme.contains(&format!("`{f}`"))
                    || readme.contains(&format!("`[[{f}]]`"))
                    || readme.contains(&format!(".{f}]]`"))
                    || readme.contains(&format!("{f} = ")),
                "data/README.md does not document `{f}` ({name})"
            );
        }
    }
}
