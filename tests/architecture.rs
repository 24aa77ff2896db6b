//! The crate's layering, checked from its source: data flows one way (cli → settings → cmd → dsl
//! → store → print/render), so no module may import one that imports it back, and the lower
//! layers (the store, the query language, the model and what they stand on) import nothing of
//! the command line, the settings, printing or the shell.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The modules that face the user; nothing below them may reach up into them.
const UPPER: &[&str] = &["cli", "cmd", "settings", "print", "render", "shell", "sample", "import"];
/// The modules that must stay free of the upper ones.
const LOWER: &[&str] = &["model", "columns", "rows", "text", "sanitize", "extract", "dsl", "store"];

/// Top-level module → the top-level modules its non-test code names through `crate::`.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(&src).unwrap();
            let top =
                rel.components().next().unwrap().as_os_str().to_string_lossy().trim_end_matches(".rs").to_string();
            if top == "lib" || top == "main" {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            // Unit tests may reach anywhere, and comments only point; the layering is about the
            // code that ships. Tests come last in a file, as one `mod tests`.
            let (code, tests) = text.split_once("#[cfg(test)]").unwrap_or((&text, ""));
            assert!(
                tests.is_empty() || tests.trim_start().starts_with("mod tests"),
                "{}: code after `#[cfg(test)]` that is not the tests module; this check would skip it",
                rel.display()
            );
            let code: String =
                code.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
            // The module's path: src/a/b.rs is a::b, src/a/mod.rs is a.
            let mut path: Vec<String> =
                rel.with_extension("").iter().map(|c| c.to_string_lossy().into_owned()).collect();
            if path.last().is_some_and(|l| l == "mod") {
                path.pop();
            }
            let deps = graph.entry(top.clone()).or_default();
            for name in crate_names(&code, path.len()) {
                if name != top {
                    deps.insert(name);
                }
            }
        }
    }
    graph
}

/// The top-level modules `code` names: `crate::a`, each name in `crate::{a, b::c}`, and
/// `super::…` paths that climb to the crate root from a module `depth` deep.
fn crate_names(code: &str, depth: usize) -> Vec<String> {
    let ident = |s: &str| -> String { s.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect() };
    let mut names = Vec::new();
    let mut roots: Vec<&str> = code.match_indices("crate::").map(|(i, _)| &code[i + 7..]).collect();
    let climb = "super::".repeat(depth);
    if depth > 0 {
        roots.extend(code.match_indices(&climb).map(|(i, _)| &code[i + climb.len()..]));
    }
    for rest in roots {
        if let Some(group) = rest.strip_prefix('{') {
            let inner = &group[..group.find('}').unwrap_or(group.len())];
            names.extend(inner.split(',').map(|p| ident(p.trim())).filter(|n| !n.is_empty() && n != "self"));
        } else {
            let name = ident(rest);
            if !name.is_empty() && name != "super" {
                names.push(name);
            }
        }
    }
    names
}

#[test]
fn grouped_and_climbing_paths_are_read() {
    assert_eq!(crate_names("use crate::{store, dsl::Sql};", 1), ["store", "dsl"]);
    assert_eq!(crate_names("use super::super::render::Output;", 2), ["render"]);
    assert_eq!(crate_names("use super::Store;", 2), Vec::<String>::new(), "a sibling, not the root");
}

#[test]
fn the_lower_layers_import_nothing_of_the_upper_ones() {
    let graph = graph();
    for low in LOWER {
        let deps = graph.get(*low).unwrap_or_else(|| panic!("no module `{low}`: update this test"));
        let up: Vec<&String> = deps.iter().filter(|d| UPPER.contains(&d.as_str())).collect();
        assert!(up.is_empty(), "`{low}` imports {up:?}, which sit above it");
    }
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let graph = graph();
    // Everything each module reaches, directly or through others.
    for start in graph.keys() {
        let mut seen = BTreeSet::new();
        let mut todo: Vec<&String> = graph[start].iter().collect();
        while let Some(m) = todo.pop() {
            if seen.insert(m.clone()) {
                todo.extend(graph.get(m).into_iter().flatten());
            }
        }
        assert!(!seen.contains(start), "`{start}` reaches itself through {seen:?}");
    }
}

#[test]
fn the_check_sees_imports() {
    // A check that finds no edges passes vacuously; hold it to a few that must be there.
    let graph = graph();
    assert!(graph["store"].contains("dsl"), "{graph:?}");
    assert!(graph["cmd"].contains("print") && graph["shell"].contains("print"), "{graph:?}");
    assert!(graph["columns"].contains("model"), "{graph:?}");
}
