//! Snapshots of what the query language compiles to, and of the help text. A change to the SQL a
//! query becomes shows up here as a diff to review (`cargo insta review`, or rerun with
//! `INSTA_UPDATE=always` and read `git diff tests/snapshots`).

mod common;

use claimdb::dsl::{self, Defaults};
use common::QUERIES;

fn render(query: &str, defaults: Defaults) -> String {
    let sql = dsl::to_sql(query, defaults, &dsl::Sqlite).unwrap_or_else(|e| panic!("{}", e.render(query)));
    let mut out = format!("query:   {query}\ncolumns: {}\nsql:\n{}\nparams:\n", sql.columns.join(", "), sql.text);
    for (i, p) in sql.params.iter().enumerate() {
        out.push_str(&format!("  ?{} = {p:?}\n", i + 1));
    }
    out
}

#[test]
fn compiled_sql() {
    for (name, query) in QUERIES {
        insta::assert_snapshot!(format!("sql_{name}"), render(query, Defaults::ForPeople));
    }
}

/// Programs get every field; only the column list differs from what people get.
#[test]
fn compiled_sql_for_programs() {
    insta::assert_snapshot!("programs_troops_in_iraq", render("troops in Iraq", Defaults::ForPrograms));
    insta::assert_snapshot!("programs_sources", render("sources", Defaults::ForPrograms));
}

#[test]
fn error_messages() {
    let bad = [
        ("unknown_target", "troop in Iraq"),
        ("unknown_field", "troops where locaton = Iraq"),
        ("bad_date", "claims on 2025-13-01"),
        ("unclosed_quote", "claims where quote ~ \"holed up"),
        ("aggregate_of_text", "troops select sum(location)"),
        ("trailing_input", "troops in Iraq limit 5 6"),
    ];
    for (name, query) in bad {
        let err = dsl::to_sql(query, Defaults::ForPeople, &dsl::Sqlite).expect_err(query);
        insta::assert_snapshot!(format!("error_{name}"), err.render(query));
    }
}

#[test]
fn help_text() {
    use clap::CommandFactory;
    let mut cli = claimdb::cli::Cli::command().term_width(100);
    insta::assert_snapshot!("help", cli.render_long_help().to_string());
    let query = cli.find_subcommand_mut("query").expect("a query subcommand");
    insta::assert_snapshot!("help_query", query.render_long_help().to_string());
}
