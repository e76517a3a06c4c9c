//! The layering table in ARCHITECTURE.md, enforced: every `crate::` path
//! (and `super::` path that climbs to the crate root) in `src/` must go from
//! a top-level module to one the table lets it use, every top-level module
//! must be in the table, and the modules must form no cycle.
//!
//! The table is read from ARCHITECTURE.md itself (between the
//! `<!-- layers -->` and `<!-- /layers -->` markers), so the document and
//! the check cannot drift apart.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `module -> modules it may use`, from ARCHITECTURE.md.
fn table() -> BTreeMap<String, BTreeSet<String>> {
    let doc = std::fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    let start = doc
        .find("<!-- layers -->")
        .expect("a <!-- layers --> marker");
    let end = doc
        .find("<!-- /layers -->")
        .expect("a <!-- /layers --> marker");
    let mut t = BTreeMap::new();
    for line in doc[start..end].lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        // | `module` | layer | `a`, `b` | what it holds |
        if cells.len() < 5 || !cells[1].starts_with('`') {
            continue;
        }
        let name = cells[1].trim_matches('`').to_owned();
        let uses: BTreeSet<String> = cells[3]
            .split(',')
            .map(|s| s.trim().trim_matches('`').to_owned())
            .filter(|s| !s.is_empty() && s != "—")
            .collect();
        assert!(
            t.insert(name.clone(), uses).is_none(),
            "{name} is twice in the table"
        );
    }
    assert!(!t.is_empty(), "no rows in the layering table");
    t
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The top-level modules: `src/X.rs` and `src/X/`, less the crate roots
/// and the binaries.
fn top_modules() -> BTreeSet<String> {
    std::fs::read_dir(root().join("src"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|p| {
            let name = p.file_stem()?.to_str()?.to_owned();
            let is_mod =
                p.is_dir() && p.join("mod.rs").exists() || p.extension().is_some_and(|x| x == "rs");
            (is_mod && !["lib", "main", "bin"].contains(&name.as_str())).then_some(name)
        })
        .collect()
}

/// The module path of a file under `src/` (`src/ui/app/mod.rs` is
/// `["ui", "app"]`).
fn module_path(file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(root().join("src")).unwrap();
    let mut parts: Vec<String> = rel
        .iter()
        .map(|s| s.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if parts.last().is_some_and(|l| l == "mod") {
        parts.pop();
    }
    parts
}

/// The code of a line, without a trailing `//` comment (a `//` inside a
/// string such as a URL is kept by requiring whitespace before it).
fn code(line: &str) -> &str {
    let t = line.trim_start();
    if t.starts_with("//") {
        return "";
    }
    match line.find(" //") {
        Some(i) if !line[..i].contains('"') => &line[..i],
        _ => line,
    }
}

/// The top-level modules a file's code names through `crate::` (or
/// `$crate::`, or enough `super::` to reach the crate root), with the line
/// of each.
fn uses(file: &Path) -> Vec<(String, usize)> {
    let text = std::fs::read_to_string(file).unwrap();
    uses_in(&text, module_path(file).len())
}

/// The top-level modules `text`, the code of a module `depth` deep, names.
fn uses_in(text: &str, depth: usize) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = code(line);
        let mut rest = line;
        while let Some(i) = rest.find("crate::") {
            let after = &rest[i + "crate::".len()..];
            // `use crate::{a, b::c}`: every name in the braces.
            if let Some(group) = after.strip_prefix('{') {
                let inner = group.split('}').next().unwrap_or("");
                for item in inner.split(',') {
                    let name: String = item
                        .trim()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() {
                        out.push((name, n + 1));
                    }
                }
            } else {
                let name: String = after
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.push((name, n + 1));
                }
            }
            rest = &rest[i + "crate::".len()..];
        }
        // `super::super::x` from a file `depth` modules deep reaches the
        // crate root after `depth` steps.
        let mut rest = line;
        while let Some(i) = rest.find("super::") {
            let mut after = &rest[i..];
            let mut steps = 0;
            while let Some(a) = after.strip_prefix("super::") {
                steps += 1;
                after = a;
            }
            if steps >= depth && depth > 0 {
                let name: String = after
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.push((name, n + 1));
                }
            }
            rest = &rest[i + "super::".len() * steps..];
        }
    }
    out
}

#[test]
fn every_crate_path_follows_the_layering_table() {
    let table = table();
    let modules = top_modules();
    for m in &modules {
        assert!(
            table.contains_key(m),
            "src/{m} is not in ARCHITECTURE.md's layering table: add a row saying what it may use"
        );
    }
    for (m, allowed) in &table {
        assert!(
            modules.contains(m),
            "the table names {m}, which src/ does not have"
        );
        for a in allowed {
            assert!(
                table.contains_key(a),
                "{m} may use {a}, which is not in the table"
            );
        }
    }
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut crossings = Vec::new();
    for f in &files {
        let path = module_path(f);
        let Some(from) = path.first().filter(|m| modules.contains(*m)) else {
            continue;
        };
        for (to, line) in uses(f) {
            if &to == from || !modules.contains(&to) {
                continue;
            }
            if !table[from].contains(&to) {
                crossings.push(format!(
                    "{}:{line}: {from} uses {to}, which the table does not allow",
                    f.strip_prefix(root()).unwrap().display()
                ));
            }
        }
    }
    assert!(
        crossings.is_empty(),
        "layer crossings:\n{}",
        crossings.join("\n")
    );
}

/// The order in which `graph`'s nodes can be listed with every node after
/// what it uses, or the nodes left on a cycle.
fn topological(graph: &BTreeMap<String, BTreeSet<String>>) -> Result<Vec<String>, Vec<String>> {
    let mut done: BTreeSet<String> = BTreeSet::new();
    let mut order = Vec::new();
    loop {
        let ready: Vec<String> = graph
            .iter()
            .filter(|(m, deps)| {
                !done.contains(*m) && deps.iter().all(|d| d == *m || done.contains(d))
            })
            .map(|(m, _)| m.clone())
            .collect();
        if ready.is_empty() {
            break;
        }
        for m in ready {
            done.insert(m.clone());
            order.push(m);
        }
    }
    if order.len() == graph.len() {
        Ok(order)
    } else {
        Err(graph
            .keys()
            .filter(|m| !done.contains(*m))
            .cloned()
            .collect())
    }
}

#[test]
fn the_top_level_modules_form_no_cycle() {
    // The table itself is a DAG...
    let table = table();
    if let Err(cycle) = topological(&table) {
        panic!("the layering table has a cycle through {cycle:?}");
    }
    // ...and so is what the code actually uses.
    let modules = top_modules();
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = modules
        .iter()
        .map(|m| (m.clone(), BTreeSet::new()))
        .collect();
    for f in &files {
        let path = module_path(f);
        let Some(from) = path.first().filter(|m| modules.contains(*m)) else {
            continue;
        };
        for (to, _) in uses(f) {
            if modules.contains(&to) && &to != from {
                graph.get_mut(from).unwrap().insert(to);
            }
        }
    }
    if let Err(cycle) = topological(&graph) {
        panic!("the modules {cycle:?} use each other in a cycle: {graph:#?}");
    }
}

#[test]
fn the_checker_sees_every_form_of_path() {
    let text = "use crate::{model::Date, scene};\nfn f() { crate::cli::run(); }\n// crate::ui in a comment\nlet u = $crate::export::X; // crate::text\nuse super::super::present::P;\n";
    let names =
        |depth| -> BTreeSet<String> { uses_in(text, depth).into_iter().map(|(m, _)| m).collect() };
    let expected: BTreeSet<String> = ["model", "scene", "cli", "export"]
        .map(str::to_owned)
        .into();
    // Two modules deep, `super::super::` reaches the crate root.
    let mut with_super = expected.clone();
    with_super.insert("present".into());
    assert_eq!(names(2), with_super);
    // Three deep, it stays inside the module.
    assert_eq!(names(3), expected);
    // A cycle is found.
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    g.insert("a".into(), ["b".to_owned()].into());
    g.insert("b".into(), ["a".to_owned()].into());
    g.insert("c".into(), BTreeSet::new());
    assert_eq!(topological(&g), Err(vec!["a".to_owned(), "b".to_owned()]));
    // A real file of ours: the app uses the model.
    let app = root().join("src/ui/app/mod.rs");
    assert!(uses(&app).iter().any(|(m, _)| m == "model"));
    let deep = root().join("src/ui/app/open.rs");
    assert_eq!(module_path(&deep), ["ui", "app", "open"]);
}
