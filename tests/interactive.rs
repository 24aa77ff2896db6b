//! `claimdb sql`, `claimdb shell` and `claimdb fields` through the real binary: the ways to reach
//! the data besides `query`.

mod common;

use common::{pipe, Env};

/// Every table's row count and the file's bytes, to show a refused statement changed nothing.
fn fingerprint(env: &Env, db: &str) -> (String, Vec<u8>) {
    let counts = env
        .run(&[
            "--db",
            db,
            "sql",
            "SELECT (SELECT count(*) FROM claims), (SELECT count(*) FROM entities), (SELECT count(*) FROM sources)",
        ])
        .expect(0)
        .stdout;
    (counts, std::fs::read(env.path(db)).unwrap())
}

#[test]
fn sql_reads_and_prints_in_every_format() {
    let env = Env::new();
    env.sample_db("claims.db");
    let out = env.run(&["sql", "SELECT kind, count(*) AS n FROM claims GROUP BY kind ORDER BY n DESC LIMIT 2"]);
    assert_eq!(out.expect(0).stdout, "kind\tn\nother\t8\nstatement\t7\n");
    let json = env.run(&["sql", "SELECT id, location FROM claims_view WHERE kind = 'troops'", "-F", "json"]).expect(0);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v, serde_json::json!([{"id": "cc16", "location": "Iraq"}, {"id": "cc24", "location": "Syria"}]));
    // Reading pragmas and the full-text index are reads too.
    env.run(&["sql", "PRAGMA table_info(claims)"]).expect(0);
    let fts = env
        .run(&["sql", "SELECT c.id FROM claims_fts f JOIN claims c ON c.pk = f.rowid WHERE claims_fts MATCH 'cave'"]);
    assert_eq!(fts.expect(0).stdout, "id\ncc02\ncc04\ncc05\n");
    env.run(&["sql", "SELECT 1 WHERE 0"]).expect(1);
    // A join's repeated column names stay distinct, so no JSON key is lost.
    let join = "SELECT c.id, e.id FROM claims c JOIN entities e ON e.id = c.location_id WHERE c.id = 'cc16'";
    let out = env.run(&["sql", join, "-F", "json"]).expect(0).stdout;
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["id"], "cc16");
    assert!(v[0]["id:2"].is_i64(), "{out}");
}

#[test]
fn sql_refuses_every_kind_of_write_and_leaves_the_file_as_it_was() {
    let env = Env::new();
    env.sample_db("claims.db");
    let before = fingerprint(&env, "claims.db");
    let refused = [
        ("DELETE FROM claims", "DELETE from claims is refused"),
        ("UPDATE claims SET value = 1", "UPDATE of claims is refused"),
        ("INSERT INTO entities(name, kind) VALUES ('x', 'person')", "INSERT into entities is refused"),
        ("DROP TABLE claims", "changing the schema is refused"),
        ("DROP VIEW claims_view", "changing the schema is refused"),
        ("CREATE TABLE t(a)", "changing the schema is refused"),
        ("CREATE TEMP TABLE t(a)", "changing the schema is refused"),
        ("ATTACH 'other.db' AS other", "ATTACH is refused"),
        ("PRAGMA user_version = 9", "PRAGMA user_version = 9 is refused"),
        ("PRAGMA journal_mode = DELETE", "PRAGMA journal_mode = DELETE is refused"),
        ("PRAGMA wal_checkpoint", "PRAGMA wal_checkpoint is refused"),
        ("BEGIN", "BEGIN is refused"),
        ("PRAGMA schema_version = 99", "PRAGMA schema_version = 99 is refused"),
        ("PRAGMA encoding = 'UTF-16'", "PRAGMA encoding = UTF-16 is refused"),
        ("INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')", "INSERT into claims_fts is refused"),
        // A read first does not smuggle a write in behind it.
        ("SELECT 1; DELETE FROM claims", "DELETE from claims is refused"),
        ("WITH x AS (SELECT 1) DELETE FROM claims", "DELETE from claims is refused"),
    ];
    for (sql, reason) in refused {
        let run = env.run(&["sql", sql]).expect(2);
        assert_eq!(run.stderr, format!("claimdb: `claimdb sql` only reads: {reason}\n"), "{sql}");
        assert_eq!(run.stdout, "", "{sql}");
    }
    assert!(!env.path("other.db").exists(), "ATTACH created a file");
    assert_eq!(fingerprint(&env, "claims.db"), before);
    // The sample in memory is locked the same way, by query_only and the authorizer.
    std::fs::remove_file(env.path("claims.db")).unwrap();
    let run = env.run(&["sql", "DELETE FROM claims"]).expect(2);
    assert!(
        run.stderr.ends_with("claimdb: `claimdb sql` only reads: DELETE from claims is refused\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn sql_errors_point_at_the_statement() {
    let env = Env::new();
    let run = env.run(&["sql", "SELECT id\nFRM claims"]).expect(2);
    assert!(
        run.stderr
            .ends_with("claimdb: SQL error: near \"claims\": syntax error\n  FRM claims\n      ^ (line 2, column 5)\n"),
        "{}",
        run.stderr
    );
    let run = env.run(&["sql", "SELECT 1; SELECT 2"]).expect(2);
    assert!(run.stderr.ends_with("claimdb: `claimdb sql` runs one statement at a time; run each separately\n"));
    for blank in ["", ";", "  -- nothing\n", "/* */"] {
        let run = env.run(&["sql", "--", blank]).expect(2);
        assert!(run.stderr.ends_with("claimdb: no SQL statement given (only blanks or comments)\n"), "{blank:?}");
    }
    let run = env.run(&["sql", "SELECT * FROM nope"]).expect(2);
    assert!(run.stderr.ends_with("claimdb: SQL error: no such table: nope\n"), "{}", run.stderr);
}

#[test]
fn fields_lists_every_target_with_types_and_examples() {
    let env = Env::new();
    let out = env.run(&["fields", "-F", "tsv"]).expect(0).stdout;
    assert!(out.starts_with("target\tfield\ttype\texample\n"), "{out}");
    assert!(out.contains("claims\tlocation\ta name (any alias; includes what lies inside it)\tIraq\n"), "{out}");
    assert!(out.contains("sources\tpublished\t"), "{out}");
    assert!(out.contains("entities\tparent\t"), "{out}");
    // Every field the resolver knows is listed, so the two can never disagree.
    for (target, fields) in [
        ("claims", claimdb::columns::CLAIM_FIELDS),
        ("sources", claimdb::columns::SOURCE_FIELDS),
        ("entities", claimdb::columns::ENTITY_FIELDS),
    ] {
        for f in fields {
            assert!(out.contains(&format!("{target}\t{}\t", f.name)), "{target}.{} missing", f.name);
        }
    }
    let troops = env.run(&["fields", "troops", "-F", "csv"]).expect(0).stdout;
    assert!(troops.lines().skip(1).all(|l| l.starts_with("troops,")), "{troops}");
    let run = env.run(&["fields", "troop"]).expect(2);
    assert!(run.stderr.starts_with("claimdb: no target `troop`; the targets are claims, troops,"), "{}", run.stderr);
}

#[test]
fn shell_runs_queries_and_dot_commands_from_a_pipe() {
    let env = Env::new();
    let script = "\
# a comment, then a blank line

troops in Iraq
.format json
casualties where party = coalition select id, value
.format
.fields entities
.explain troops in Iraq
";
    let mut shell = env.command(&["shell", "-F", "tsv"]);
    shell.env("CLAIMDB_HISTORY", env.path("history"));
    let common::Run { stdout, stderr, .. } = pipe(shell, script).expect(0);
    // A script is not typing: piped input leaves no history behind.
    assert!(!env.path("history").exists(), "piped input wrote history");
    assert!(stdout.starts_with("id\tsource\tkind\tquote\t"), "{stdout}");
    assert!(
        stdout.contains("\ncc16\tcentcom-isis-2025-01\ttroops\tAround 2,500 U.S. troops are in Iraq\t"),
        "{stdout}"
    );
    assert!(stdout.contains("[\n{\"id\":\"cc06\",\"value\":1},\n{\"id\":\"cc07\",\"value\":2}\n]\n"), "{stdout}");
    assert!(stdout.contains("{\"target\":\"entities\",\"field\":\"parent\""), "{stdout}");
    assert!(stdout.contains("query: troops in Iraq\nsql:   SELECT"), "{stdout}");
    assert!(stderr.contains("format: json\n"), "{stderr}");
}

#[test]
fn shell_reports_bad_lines_carries_on_and_exits_2() {
    let env = Env::new();
    let mut shell = env.command(&["shell", "-F", "tsv"]);
    shell.env("CLAIMDB_HISTORY", "");
    // Regression: a line that is not UTF-8 used to end the shell; now it is one bad line.
    let script: &[u8] = b"troops where locaton = Iraq\n.formt json\nclaims in \xff\nstatements by Singh\n";
    let common::Run { stdout, stderr, .. } = pipe(shell, script).expect(2);
    assert!(stderr.contains("did you mean `location`?"), "{stderr}");
    assert!(
        stderr.contains("claimdb: unknown command `.formt`; did you mean `.format`? (`.help` lists them)\n"),
        "{stderr}"
    );
    assert!(stderr.contains("claimdb: line 3 is not valid UTF-8\n"), "{stderr}");
    assert!(stderr.ends_with("claimdb: 3 of 4 lines failed\n"), "{stderr}");
    // The good line after the bad ones still ran.
    assert!(stdout.contains("cc28\t") && stdout.contains("cc29\t"), "{stdout}");
}
