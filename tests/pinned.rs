//! Output pinned byte for byte: every snapshot query and every listing command on the built-in
//! sample, in every format, with what each says on stderr; and export of a database holding what
//! the sample does not (numbers with fractions, tiny and huge, an empty selection). Refactoring
//! must not change a byte of what users and scripts read; a deliberate change shows up here as a
//! snapshot diff to review.

mod common;

use common::{Env, QUERIES};

const FORMATS: &[&str] = &["table", "json", "ndjson", "csv", "tsv", "markdown"];

/// Every command that prints rows, beyond the queries.
const COMMANDS: &[&[&str]] = &[
    &["list"],
    &["show", "cc16"],
    &["show", "cc01"],
    &["show", "nope"],
    &["sources"],
    &["entities"],
    &["fields"],
    &["verify"],
    // Raw SQL names an unnamed column as its engine does (`sum(value)` on SQLite, `sum` on
    // PostgreSQL), so every column is named.
    &["sql", "SELECT kind, count(*) AS n, sum(value) AS total FROM claims GROUP BY kind ORDER BY kind"],
];

fn section(out: &mut String, title: &str, run: common::Run) {
    out.push_str(&format!("=== {title} (exit {})\n{}", run.code, run.stdout));
    if !run.stderr.is_empty() {
        out.push_str(&format!("--- stderr\n{}", run.stderr));
    }
}

#[test]
fn output_on_the_sample_is_pinned_in_every_format() {
    for env in Env::each() {
        // A database holding the sample, the same on either engine (the built-in one says so on
        // stderr, which `tests/store.rs` pins).
        env.sample_db("s.db");
        let run = |args: &[&str]| env.run(&[&["--db", "s.db"], args].concat());
        for format in FORMATS {
            let mut out = String::new();
            for (name, query) in QUERIES {
                section(&mut out, name, run(&["query", query, "--format", format]));
            }
            for args in COMMANDS {
                let mut all = args.to_vec();
                all.extend(["--format", format]);
                section(&mut out, &args.join(" "), run(&all));
            }
            insta::assert_snapshot!(format!("pinned_{format}"), out);
        }
        // Formats of their own: explain's text (SQLite's SQL and plan; PostgreSQL's are its own)
        // and export's record shapes.
        if env.engine() == "sqlite" {
            let mut out = String::new();
            for (name, query) in QUERIES {
                section(&mut out, name, run(&["explain", query]));
            }
            insta::assert_snapshot!("pinned_explain", out);
        }
        let mut out = String::new();
        for format in ["ndjson", "json"] {
            section(&mut out, format, run(&["export", "--format", format]));
        }
        for only in ["entities", "sources", "claims"] {
            section(&mut out, only, run(&["export", "--format", "csv", "--only", only]));
        }
        insta::assert_snapshot!("pinned_export", out);
    }
}

/// Numbers the sample lacks, through every writer: a figure with a fraction, a tiny one and one
/// near the largest a claim may hold; and exports that select nothing.
#[test]
fn numbers_and_empty_exports_are_pinned() {
    for env in Env::each() {
        env.write("n.ndjson", &common::numbers_ndjson());
        env.run(&["--db", "n.db", "import", "n.ndjson"]).expect(0);
        let mut out = String::new();
        for format in FORMATS {
            section(&mut out, &format!("list {format}"), env.run(&["--db", "n.db", "list", "--format", format]));
        }
        for format in ["ndjson", "json"] {
            section(&mut out, &format!("export {format}"), env.run(&["--db", "n.db", "export", "--format", format]));
            let args = ["--db", "n.db", "export", "--format", format, "--source", "empty", "--only", "claims"];
            section(&mut out, &format!("export {format} of no claims"), env.run(&args));
        }
        section(&mut out, "export csv", env.run(&["--db", "n.db", "export", "--format", "csv", "--only", "claims"]));
        let args = ["--db", "n.db", "export", "--format", "csv", "--only", "claims", "--source", "empty"];
        section(&mut out, "export csv of no claims", env.run(&args));
        section(&mut out, "show n2", env.run(&["--db", "n.db", "show", "n2", "--format", "json"]));
        insta::assert_snapshot!("pinned_numbers", out);
    }
}
