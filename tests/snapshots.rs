//! Snapshots of what the query language compiles to, and of the help text. A change to the SQL a
//! query becomes shows up here as a diff to review (`cargo insta review`, or rerun with
//! `INSTA_UPDATE=always` and read `git diff tests/snapshots`).

use claimdb::dsl::{self, Defaults};

/// Queries chosen to reach each compiler path: sugar, each operator on each field type, names
/// with hierarchy, dates at each precision, full text, aggregates, grouping, ordering.
const QUERIES: &[(&str, &str)] = &[
    ("troops_in_iraq", "troops in Iraq"),
    ("claims_default", "claims"),
    ("statements_by_speaker", "statements by Kurilla"),
    ("on_a_day", "claims on 2025-01-03"),
    ("from_a_source", "claims from centcom-isis-2025-01"),
    ("party_any_alias", "casualties where party = American"),
    ("party_not", "claims where party != US"),
    ("number_ops", "claims where value >= 2,500 or value < 1.5"),
    ("number_between", "claims where value between 100 and 2,500"),
    ("number_in", "claims where value in (1, 2, 3)"),
    ("date_eq_month", "claims where date = 2025-01"),
    ("date_lt_year", "claims where date < 2025"),
    ("date_le_ge_gt", "claims where date <= 2025-01-05 and date >= 2024-12 and date > 2023"),
    ("date_between", "claims where date between 2025-01 and 2025-02-28"),
    ("date_range_value", "claims where said_on = 2025-01-02/2025-01-03"),
    ("full_text_text", "claims where text ~ cave"),
    ("full_text_quote_phrase", "claims where quote ~ \"holed up\""),
    ("substring_match", "statements where role ~ commander"),
    ("vocab_in", "claims where kind in (troops, casualty) and qualifier = approximate"),
    ("text_compare", "claims where unit = troops and id != cc16"),
    ("is_null", "claims where date is null and speaker is not null"),
    ("not_group", "claims where not (kind = statement or location = Syria)"),
    ("group_by_sum", "troops select location, sum(value) group by location"),
    ("group_by_count", "claims group by kind order by count desc limit 2"),
    ("aggregates", "casualties select min(value), max(value), avg(value), count"),
    ("order_by_field", "claims order by date desc, id limit 10"),
    ("injection_is_a_parameter", "claims where speaker = \"x'); DROP TABLE claims; --\""),
    ("sources_published", "sources where published = 2025-01 select id, title, claims"),
    ("entities_in_parent", "entities in Syria where kind = place"),
    ("entities_aliases", "entities where aliases = CENTCOM"),
    ("entities_aliases_not", "entities where aliases != CENTCOM"),
    ("text_between", "claims where id between cc10 and cc19"),
    ("date_ne", "claims where date != 2025-01"),
];

fn render(query: &str, defaults: Defaults) -> String {
    let sql = dsl::to_sql(query, defaults).unwrap_or_else(|e| panic!("{}", e.render(query)));
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
        let err = dsl::to_sql(query, Defaults::ForPeople).expect_err(query);
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
