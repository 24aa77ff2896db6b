//! The query language through the real binary, on the built-in sample: the answers issue #3
//! names, and its error messages checked in full.

mod common;

use common::Env;

fn rows(env: &Env, query: &str) -> Vec<serde_json::Value> {
    let run = env.run(&["query", query, "--format", "json"]);
    assert_eq!(run.code, 0, "`{query}`\n{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

fn ids(env: &Env, query: &str) -> Vec<String> {
    rows(env, query).iter().map(|r| r["id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn troops_in_iraq_is_one_row_and_troops_are_iraq_and_syria() {
    for env in Env::each() {
        let r = rows(&env, "troops in Iraq");
        assert_eq!(r.len(), 1);
        assert_eq!(
            (&r[0]["party"], &r[0]["location"], &r[0]["value"]),
            (&"United States".into(), &"Iraq".into(), &2500.into())
        );
        assert_eq!(r[0]["qualifier"], "approximate");
        let table = env.run(&["query", "troops", "in", "Iraq", "--format", "markdown"]).expect(0).stdout;
        assert!(
            table.contains("| cc16 | United States | Iraq | around 2,500 troops |  | centcom-isis-2025-01 |"),
            "{table}"
        );
        let locations: Vec<_> =
            rows(&env, "troops").iter().map(|r| r["location"].as_str().unwrap().to_string()).collect();
        assert_eq!(locations, ["Iraq", "Syria"]);
    }
}

#[test]
fn group_by_sums_each_location() {
    for env in Env::each() {
        let r = rows(&env, "troops select location, sum(value) group by location");
        assert_eq!(
            r,
            serde_json::json!([{"location": "Iraq", "sum(value)": 2500}, {"location": "Syria", "sum(value)": 2000}])
                .as_array()
                .unwrap()
                .clone()
        );
        let r = rows(&env, "claims group by kind order by count desc limit 2");
        assert_eq!(
            r,
            serde_json::json!([{"kind": "other", "count": 8}, {"kind": "statement", "count": 7}])
                .as_array()
                .unwrap()
                .clone()
        );
    }
}

#[test]
fn names_match_any_alias() {
    for env in Env::each() {
        let r = rows(&env, "casualties where party = coalition");
        let figures: Vec<_> =
            r.iter().map(|r| (r["value"].as_i64().unwrap(), r["unit"].as_str().unwrap().to_string())).collect();
        assert_eq!(figures, [(1, "killed".to_string()), (2, "wounded".to_string())]);
        assert_eq!(ids(&env, "casualties where party = American"), ["cc09"]);
        for same in ["US", "\"United States\"", "u.s.", "America"] {
            assert_eq!(ids(&env, &format!("casualties where party = {same}")), ["cc09"], "{same}");
        }
        assert_eq!(ids(&env, "statements by Kurilla"), ["cc11", "cc12"]);
        assert_eq!(
            ids(&env, "statements by \"Michael \\\"Erik\\\" Kurilla\""),
            ["cc11", "cc12"],
            "straight quotes find curly ones"
        );
        assert_eq!(ids(&env, "statements by Singh"), ["cc28", "cc29"]);
        let r = rows(&env, "statements by Singh");
        assert_eq!(r[0]["role"], "Deputy Pentagon Press Secretary");
    }
}

#[test]
fn dates_compare_by_the_days_they_cover() {
    for env in Env::each() {
        // The Jan. 2–3 operation and its quotes, and Singh's words of Jan. 3.
        assert_eq!(ids(&env, "claims on 2025-01-03"), ["cc20", "cc21", "cc22", "cc23", "cc28", "cc29", "cc30"]);
        assert_eq!(ids(&env, "claims where date = 2025-01"), ["cc20", "cc21", "cc22", "cc23", "cc31", "cc32", "cc33"]);
        assert_eq!(ids(&env, "claims where date < 2025"), ["cc26"], "the caliphate's defeat in 2019");
        assert_eq!(ids(&env, "milestones where date >= 2025-09-01"), ["cc13", "cc14"]);
        assert_eq!(ids(&env, "claims where date between 2025-01-02 and 2025-01-03"), ["cc20", "cc21", "cc22", "cc23"]);
        let undated = rows(&env, "claims where date is null").len();
        let not_jan = rows(&env, "claims where not date = 2025-01").len();
        assert_eq!(not_jan, 34 - 7 - undated, "a claim with no date matches no date test, negated or not");
    }
}

#[test]
fn places_include_what_lies_inside() {
    for env in Env::each() {
        let syria = rows(&env, "claims in Syria");
        let places: std::collections::BTreeSet<_> = syria.iter().map(|r| r["location"].as_str().unwrap()).collect();
        assert!(
            places.contains("Deir Ez Zor") && places.contains("Badiya desert") && places.contains("central Syria"),
            "{places:?}"
        );
        assert!(
            places.iter().all(|p| ["Syria", "Deir Ez Zor", "Badiya desert", "central Syria"].contains(p)),
            "{places:?}"
        );
        assert!(ids(&env, "claims in Iraq").contains(&"cc03".to_string()), "the Hamrin Mountains are in Iraq");
        let names: Vec<_> =
            rows(&env, "entities in Syria").iter().map(|r| r["name"].as_str().unwrap().to_string()).collect();
        assert!(names.contains(&"Deir Ez Zor".to_string()), "{names:?}");
    }
}

#[test]
fn full_text_and_numbers() {
    for env in Env::each() {
        assert_eq!(ids(&env, "claims where text ~ cave"), ["cc02", "cc04", "cc05"]);
        assert_eq!(ids(&env, "claims where quote ~ caves"), ["cc02", "cc04", "cc05"], "stemmed");
        assert_eq!(ids(&env, "claims where quote ~ \"attack cell\""), ["cc22", "cc23"]);
        assert_eq!(ids(&env, "troops where value > 2,000"), ["cc16"]);
        assert_eq!(ids(&env, "claims where value in (0, 1)"), ["cc06", "cc09", "cc22"]);
        assert_eq!(ids(&env, "claims where role ~ press"), ["cc28", "cc29", "cc30"]);
        assert_eq!(rows(&env, "sources where published = 2025").len(), 1);
    }
}

#[test]
fn hostile_values_are_only_ever_parameters() {
    for env in Env::each() {
        env.sample_db("claims.db");
        let run = env.run(&["query", "claims where speaker = \"x'); DROP TABLE claims; --\""]).expect(1);
        // The only word on stderr is that no one goes by that name: no SQL error.
        assert_eq!(run.stderr, "claimdb: warning: no entity named `x'); drop table claims; --`\n");
        let run = env.run(&["query", "claims where quote ~ '\" OR 1 --'"]).expect(1);
        assert!(run.stderr.is_empty(), "FTS syntax in a value is text, not syntax: {}", run.stderr);
        assert_eq!(rows(&env, "claims").len(), 34, "nothing was harmed");
    }
}

#[test]
fn query_files_run_a_query_a_line() {
    for env in Env::each() {
        env.write("q.txt", "# troops first\ntroops in Iraq\n\nstatements by Singh\n");
        let out = env.run(&["query", "-f", "q.txt", "--format", "ndjson"]).expect(0).stdout;
        assert_eq!(out.lines().count(), 3);
        env.write("bad.txt", "troops\nclaims where locaton = x\n");
        let run = env.run(&["query", "-f", "bad.txt"]).expect(2);
        assert!(run.stdout.is_empty(), "a bad line is reported before any output");
        assert!(
            run.stderr.lines().any(|l| l.starts_with("claimdb: bad.txt:2: unknown field `locaton`")),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn explain_shows_sql_parameters_and_plan() {
    let env = Env::new();
    let out = env.run(&["explain", "troops", "in", "Iraq"]).expect(0).stdout;
    assert!(out.starts_with("query: troops in Iraq\nsql:   SELECT "), "{out}");
    assert!(out.contains("  ?1 = \"troops\"\n  ?2 = \"iraq\"\n"), "{out}");
    assert!(out.contains("USING INDEX claims_kind_location"), "{out}");
    assert!(!out.contains("'iraq'"), "values never appear in the SQL text: {out}");
}

/// Each bad query, and the whole message it must get (exit 2, nothing on stdout).
#[test]
fn error_messages_point_at_the_fault() {
    for env in Env::each() {
        let cases: &[(&str, &str)] = &[
            (
                "claims where locaton = Iraq",
                "unknown field `locaton` for claims (column 14)\n  claims where locaton = Iraq\n               ^^^^^^^\n  hint: did you mean `location`?\n  hint: fields of claims: id, source, kind, quote, start, end, text, party, location, value, low, high, unit, qualifier, date, speaker, role, said_on, attribution, modality, origin, extractor, figure",
            ),
            (
                "troop in Iraq",
                "unknown target `troop` (column 1)\n  troop in Iraq\n  ^^^^^\n  hint: did you mean `troops`?\n  hint: targets: claims, troops, casualties, captures, strikes, operations, statements, milestones, sources, entities",
            ),
            (
                "claims on 2025-13-01",
                "bad date `2025-13-01`: month 13 is not between 01 and 12 (column 16)\n  claims on 2025-13-01\n                 ^^",
            ),
            (
                "claims where date = 2025-02-30",
                "bad date `2025-02-30`: day 30 is not in February 2025, which has 28 days (column 29)\n  claims where date = 2025-02-30\n                              ^^",
            ),
            (
                "claims where kind = troop",
                "`troop` is not a kind: expected one of troops, casualty, capture, strike, operation, statement, milestone, other (column 21)\n  claims where kind = troop\n                      ^^^^^\n  hint: did you mean `troops`?",
            ),
            (
                "claims where value > abc",
                "`value` is a number field; `abc` is not a number (column 22)\n  claims where value > abc\n                       ^^^",
            ),
            ("troops in", "the query ends where a value should follow (column 10)\n  troops in\n           ^"),
            (
                "claims where (kind = troops",
                "the query ends where `)` should follow (column 28)\n  claims where (kind = troops\n                             ^",
            ),
            (
                "claims where party < US",
                "`<` does not apply to `party`, which is a name (any alias; includes what lies inside it) (column 22)\n  claims where party < US\n                       ^^\n  hint: use = or != (or `in (…)`)",
            ),
            (
                "claims where value 5",
                "unexpected `5`: expected an operator (=, !=, <, <=, >, >=, ~, in, between, is) (column 20)\n  claims where value 5\n                     ^",
            ),
            (
                "claims limit 5 where kind = troops",
                "unexpected `where` after the end of the query (column 16)\n  claims limit 5 where kind = troops\n                 ^^^^^",
            ),
            (
                "claims where quote ~ \"open",
                "this \" opens text that is never closed (column 22)\n  claims where quote ~ \"open\n                       ^",
            ),
            (
                "claims where value = 2,50",
                "bad number `2,50`: digit groups after a comma have three digits (column 22)\n  claims where value = 2,50\n                       ^^^^",
            ),
            (
                "troops select location, value group by location",
                "`value` is neither grouped nor aggregated (column 25)\n  troops select location, value group by location\n                          ^^^^^\n  hint: add `group by value`, or select an aggregate such as `count`",
            ),
            (
                "claims in where",
                "`where` is a keyword, not a value; write \"where\" to mean the word (column 11)\n  claims in where\n            ^^^^^",
            ),
            (
                "claims where date ~ 2025",
                "`~` searches text; `date` is a date (2025, 2025-01, 2025-01-06, or a range a/b) (column 14)\n  claims where date ~ 2025\n               ^^^^^^^^^^^\n  hint: use `quote ~ …` or `text ~ …` for full-text search",
            ),
        ];
        for (query, message) in cases {
            let run = env.run(&["query", query]).expect(2);
            assert!(run.stdout.is_empty(), "{query}: stdout {}", run.stdout);
            let got =
                run.stderr.lines().filter(|l| !l.contains("using the built-in sample")).collect::<Vec<_>>().join("\n");
            assert_eq!(got, format!("claimdb: {message}"), "for `{query}`");
        }
    }
}

#[test]
fn queries_beyond_reason_are_refused_not_crashed_on() {
    for env in Env::each() {
        let deep = format!("claims where {}kind = troops{}", "(".repeat(10_000), ")".repeat(10_000));
        let run = env.run(&["query", &deep]).expect(2);
        assert!(run.stderr.contains("the query is 20026 bytes long; the limit is 10000"), "{}", run.stderr);
        let nested = format!("claims where {}kind = troops{}", "(".repeat(100), ")".repeat(100));
        let run = env.run(&["query", &nested]).expect(2);
        assert!(run.stderr.contains("the condition nests deeper than 64 levels"), "{}", run.stderr);
        let nots = format!("claims where {}kind = troops", "not ".repeat(200));
        let run = env.run(&["query", &nots]).expect(2);
        assert!(run.stderr.contains("nests deeper than 64 levels"), "{}", run.stderr);
        let long_or = format!("claims where {}", vec!["kind = troops"; 500].join(" or "));
        env.run(&["query", &long_or]).expect(0);
    }
}

/// Regression: an aggregate in `order by` that was not selected compiled to `ORDER BY "sum(value)"`,
/// which SQLite read as a string constant: rows came back in group order, exit 0.
#[test]
fn ordering_by_an_aggregate_orders_the_groups() {
    for env in Env::each() {
        // (kind, sum): a kind without figures sums to null, which SQLite puts last in descending order.
        let sums: Vec<(String, Option<i64>)> = rows(&env, "claims select kind, sum(value) group by kind")
            .iter()
            .map(|r| (r["kind"].as_str().unwrap().to_string(), r["sum(value)"].as_i64()))
            .collect();
        let kinds =
            |q: &str| -> Vec<String> { rows(&env, q).iter().map(|r| r["kind"].as_str().unwrap().into()).collect() };
        let mut want = sums.clone();
        // Descending, nulls last, ties by name (the order's tie-break).
        want.sort_by(|a, b| b.1.is_some().cmp(&a.1.is_some()).then(b.1.cmp(&a.1)).then(a.0.cmp(&b.0)));
        assert_ne!(want, sums, "the sample's kinds in name order are not in sum order, so the test can fail");
        assert_eq!(
            kinds("claims group by kind order by sum(value) desc"),
            want.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>()
        );
        // Ascending by an aggregate not selected: nulls first, then by the smallest figure, then name.
        let mins: Vec<(String, Option<i64>)> = rows(&env, "claims select kind, min(value) group by kind")
            .iter()
            .map(|r| (r["kind"].as_str().unwrap().to_string(), r["min(value)"].as_i64()))
            .collect();
        let mut want = mins.clone();
        want.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
        assert_eq!(
            kinds("claims group by kind order by min(value)"),
            want.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>()
        );
    }
}

/// Regression: `claims order by count limit 3` ignored the order (and ordering by `count(*)` in
/// a query without groups would have collapsed it to one row). It is refused with a caret.
#[test]
fn ordering_what_a_query_does_not_group_is_refused() {
    for env in Env::each() {
        let run = env.run(&["query", "claims order by count limit 3"]).expect(2);
        assert!(run.stderr.contains("`count` orders groups, but this query has none (column 17)"), "{}", run.stderr);
        assert!(run.stderr.contains("\n                  ^^^^^\n"), "{}", run.stderr);
        let run = env.run(&["query", "claims group by kind order by date"]).expect(2);
        assert!(run.stderr.contains("`date` is neither grouped nor aggregated"), "{}", run.stderr);
        env.run(&["query", "casualties select min(value), count order by count"]).expect(0);
    }
}

/// Regression: a 400-digit number parsed as `inf`, and `explain` printed a query that did not
/// parse back.
#[test]
fn numbers_too_large_for_a_figure_are_refused_with_a_caret() {
    for env in Env::each() {
        let q = format!("claims where value > {}", "9".repeat(400));
        let run = env.run(&["query", &q]).expect(2);
        assert!(
            run.stderr.contains("this number (400 characters) is too large to be a figure (column 22)"),
            "{}",
            run.stderr
        );
        env.run(&["explain", &q]).expect(2);
        // The largest finite literals still parse, and explain prints them as a query that parses back
        // to the same query.
        for big in [format!("1{}", "0".repeat(300)), "1.5e".replace('e', &"0".repeat(200))] {
            let q = format!("claims where value > {big}");
            let out = env.run(&["explain", &q]).expect(0).stdout;
            let printed = out.lines().next().unwrap().strip_prefix("query: ").unwrap().to_string();
            let again = env.run(&["explain", &printed]).expect(0).stdout;
            assert_eq!(again.lines().next().unwrap(), format!("query: {printed}"), "{q}");
            let value: f64 = printed.rsplit(' ').next().unwrap().parse().unwrap();
            assert_eq!(value, big.parse::<f64>().unwrap(), "{q}");
        }
    }
}

/// A figure with bounds matches any value it allows: "dozens" (at least 12) may be 20 or more,
/// "up to 20" may be 5, "between 20 and 30" may be 25; an exact figure is only itself.
#[test]
fn figures_with_bounds_match_what_they_allow() {
    for env in Env::each() {
        let claim = |id: &str, quote: &str, start: usize, extra: &str| {
            format!(
                r#"{{"type":"claim","id":"{id}","source":"s","kind":"casualty","quote":"{quote}","start":{start},"end":{},"text":"{quote}.","attribution":"author"{extra}}}"#,
                start + quote.chars().count()
            )
        };
        let text = "dozens killed. up to 20 killed. between 20 and 30 killed. 7 killed.";
        let lines = [
            format!(r#"{{"type":"source","id":"s","title":"t","text":"{text}"}}"#),
            claim("dz", "dozens killed", 0, r#","value":12,"low":12,"unit":"killed","qualifier":"at_least""#),
            claim("up", "up to 20 killed", 15, r#","value":20,"high":20,"unit":"killed","qualifier":"at_most""#),
            claim(
                "rg",
                "between 20 and 30 killed",
                32,
                r#","value":20,"low":20,"high":30,"unit":"killed","qualifier":"exact""#,
            ),
            claim("ex", "7 killed", 58, r#","value":7,"unit":"killed","qualifier":"exact""#),
        ];
        env.write("f.ndjson", &(lines.join("\n") + "\n"));
        env.run(&["--db", "f.db", "import", "f.ndjson"]).expect(0);
        let ids = |q: &str| -> Vec<String> {
            let out = env.run(&["--db", "f.db", "query", q, "--format", "json"]).stdout;
            let rows: Vec<serde_json::Value> =
                if out.is_empty() { Vec::new() } else { serde_json::from_str(&out).unwrap() };
            let mut ids: Vec<String> = rows.iter().map(|r| r["id"].as_str().unwrap().to_string()).collect();
            ids.sort();
            ids
        };
        assert_eq!(ids("claims where value >= 25"), ["dz", "rg"]);
        assert_eq!(ids("claims where value <= 5"), ["up"]);
        assert_eq!(ids("claims where value = 25"), ["dz", "rg"]);
        assert_eq!(ids("claims where value = 7"), ["ex", "up"]);
        assert_eq!(ids("claims where value between 8 and 10"), ["up"]);
        assert_eq!(ids("claims where value != 7"), ["dz", "rg", "up"]);
        let row = &rows_of(&env, "claims where id = rg")[0];
        assert_eq!(
            (row["low"].as_i64(), row["high"].as_i64(), row["origin"].as_str()),
            (Some(20), Some(30), Some("curated"))
        );
    }
}

fn rows_of(env: &Env, query: &str) -> Vec<serde_json::Value> {
    serde_json::from_str(&env.run(&["--db", "f.db", "query", query, "--format", "json"]).expect(0).stdout).unwrap()
}
