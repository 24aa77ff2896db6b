//! Output pinned byte for byte: every snapshot query and every listing command on the built-in
//! sample, in every format. Refactoring must not change a byte of what users and scripts read;
//! a deliberate change shows up here as a snapshot diff to review.

mod common;

use common::{Env, QUERIES};

const FORMATS: &[&str] = &["table", "json", "ndjson", "csv", "tsv", "markdown"];

/// Every command that prints rows, beyond the queries.
const COMMANDS: &[&[&str]] = &[
    &["list"],
    &["show", "cc16"],
    &["show", "cc01"],
    &["sources"],
    &["entities"],
    &["fields"],
    &["verify"],
    &["sql", "SELECT kind, count(*) AS n, sum(value) FROM claims GROUP BY kind ORDER BY kind"],
];

fn section(out: &mut String, title: &str, run: common::Run) {
    out.push_str(&format!("=== {title} (exit {})\n{}", run.code, run.stdout));
}

#[test]
fn output_on_the_sample_is_pinned_in_every_format() {
    let env = Env::new();
    for format in FORMATS {
        let mut out = String::new();
        for (name, query) in QUERIES {
            section(&mut out, name, env.run(&["query", query, "--format", format]));
        }
        for args in COMMANDS {
            let mut all = args.to_vec();
            all.extend(["--format", format]);
            section(&mut out, &args.join(" "), env.run(&all));
        }
        insta::assert_snapshot!(format!("pinned_{format}"), out);
    }
    // Formats of their own: explain's text and export's record shapes.
    let mut out = String::new();
    for (name, query) in QUERIES {
        section(&mut out, name, env.run(&["explain", query]));
    }
    insta::assert_snapshot!("pinned_explain", out);
    let mut out = String::new();
    for format in ["ndjson", "json"] {
        section(&mut out, format, env.run(&["export", "--format", format]));
    }
    for only in ["entities", "sources", "claims"] {
        section(&mut out, only, env.run(&["export", "--format", "csv", "--only", only]));
    }
    insta::assert_snapshot!("pinned_export", out);
}
