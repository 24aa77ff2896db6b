//! The claim store, through the real binary: init, import, export, verify, migrations.

mod common;

use common::{project_file, Env};
use rusqlite::Connection;

fn json_rows(stdout: &str) -> Vec<serde_json::Value> {
    serde_json::from_str::<Vec<serde_json::Value>>(stdout).expect("valid JSON array")
}

#[test]
fn every_sample_quote_is_its_span_of_the_article() {
    // Read the shipped files directly, not through claimdb, so this holds the gold set to the text
    // even if the importer's own check were wrong.
    let article = std::fs::read_to_string(project_file("examples/sample/article.txt")).unwrap();
    let shared = project_file("../shared/seed/article.txt");
    if shared.exists() {
        assert_eq!(std::fs::read(&shared).unwrap(), article.as_bytes(), "the article is shipped byte for byte");
    }
    let chars: Vec<char> = article.chars().collect();
    let claims = std::fs::read_to_string(project_file("examples/sample/claims.ndjson")).unwrap();
    let mut n = 0;
    for line in claims.lines().filter(|l| l.contains(r#""type": "claim""#)) {
        let c: serde_json::Value = serde_json::from_str(line).unwrap();
        let (start, end) = (c["start"].as_u64().unwrap() as usize, c["end"].as_u64().unwrap() as usize);
        let span: String = chars[start..end].iter().collect();
        assert_eq!(span, c["quote"].as_str().unwrap(), "claim {}", c["id"]);
        n += 1;
    }
    assert_eq!(n, 34);
}

#[test]
fn init_sample_holds_the_article_and_verifies_clean() {
    let env = Env::new();
    let run = env.run(&["init", "--sample"]).expect(0);
    assert!(run.stderr.contains("created claims.db (schema 5), with the built-in sample"), "{}", run.stderr);
    // ./claims.db is picked up without --db.
    let rows = json_rows(&env.run(&["list", "--format", "json"]).expect(0).stdout);
    assert_eq!(rows.len(), 34);
    let troops: Vec<_> = rows.iter().filter(|r| r["kind"] == "troops").collect();
    assert_eq!(troops.len(), 2);
    assert_eq!(troops[0]["value"], 2500);
    assert_eq!(troops[0]["qualifier"], "approximate");
    assert_eq!(troops[0]["location"], "Iraq");
    let zero = rows.iter().find(|r| r["unit"] == "injured").expect("the zero casualty is a claim");
    assert_eq!(zero["value"], 0);
    assert_eq!(zero["party"], "United States");

    let run = env.run(&["verify"]).expect(0);
    assert!(run.stderr.contains("verified 34 claims in 1 source"), "{}", run.stderr);

    let sources = json_rows(&env.run(&["sources", "--format", "json"]).expect(0).stdout);
    assert_eq!(sources.len(), 1);
    assert_eq!(sources[0]["claims"], 34);
    assert_eq!(sources[0]["published"], "2025-01");
    assert_eq!(sources[0]["chars"], 3937);

    // A second init refuses to overwrite.
    let run = env.run(&["init", "--sample"]).expect(2);
    assert!(run.stderr.contains("claims.db already exists"), "{}", run.stderr);
}

#[test]
fn without_a_database_the_sample_answers_and_says_so() {
    let env = Env::new();
    let run = env.run(&["list", "--format", "ndjson"]).expect(0);
    assert_eq!(run.stdout.lines().count(), 34);
    assert!(run.stderr.contains("using the built-in sample in memory"), "{}", run.stderr);
    assert!(!env.path("claims.db").exists(), "reading the sample creates no file");
}

#[test]
fn the_database_comes_from_db_flag_then_env() {
    let env = Env::new();
    env.sample_db("a.db");
    env.run(&["init", "b.db"]).expect(0);
    // b.db is empty: no claims, exit 1.
    env.run(&["--db", "b.db", "list"]).expect(1);
    let via_env = env.command(&["list", "--format", "ndjson"]).env("CLAIMDB_DB", "a.db").output().unwrap();
    assert_eq!(via_env.status.code(), Some(0));
    assert_eq!(String::from_utf8(via_env.stdout).unwrap().lines().count(), 34);
    let flag_wins = env.command(&["--db", "b.db", "list"]).env("CLAIMDB_DB", "a.db").output().unwrap();
    assert_eq!(flag_wins.status.code(), Some(1));
    let run = env.run(&["--db", "missing.db", "list"]).expect(2);
    assert!(run.stderr.contains("no database at missing.db"), "{}", run.stderr);
}

#[test]
fn export_import_export_is_identical_in_every_shape() {
    for env in Env::each() {
        env.sample_db("a.db");
        let first = env.run(&["--db", "a.db", "export"]).expect(0).stdout;
        assert_eq!(first.lines().count(), 27 + 1 + 34);

        // NDJSON, through stdin.
        env.run_with_stdin(&["--db", "b.db", "import", "-"], &first).expect(0);
        assert_eq!(env.run(&["--db", "b.db", "export"]).expect(0).stdout, first);

        // A JSON array.
        let json = env.run(&["--db", "a.db", "export", "--format", "json"]).expect(0).stdout;
        env.write("all.json", &json);
        env.run(&["--db", "c.db", "import", "all.json"]).expect(0);
        assert_eq!(env.run(&["--db", "c.db", "export"]).expect(0).stdout, first);

        // CSV, one file for each record type.
        for t in ["entities", "sources", "claims"] {
            let csv = env.run(&["--db", "a.db", "export", "--format", "csv", "--only", t]).expect(0).stdout;
            env.write(&format!("{t}.csv"), &csv);
        }
        env.run(&["--db", "d.db", "import", "entities.csv", "sources.csv", "claims.csv"]).expect(0);
        assert_eq!(env.run(&["--db", "d.db", "export"]).expect(0).stdout, first);

        let run = env.run(&["--db", "a.db", "export", "--format", "csv"]).expect(2);
        assert!(run.stderr.contains("--only"), "{}", run.stderr);
    }
}

#[test]
fn importing_the_same_records_twice_changes_nothing() {
    for env in Env::each() {
        env.sample_db("a.db");
        let export = env.run(&["--db", "a.db", "export"]).expect(0).stdout;
        let run = env.run_with_stdin(&["--db", "a.db", "import", "-"], &export).expect(0);
        assert!(run.stderr.contains("imported 0 entities, 0 sources, 0 claims into"), "{}", run.stderr);
        assert!(run.stderr.contains("(62 records already there unchanged)"), "{}", run.stderr);
        assert_eq!(env.run(&["--db", "a.db", "export"]).expect(0).stdout, export);
    }
}

/// Three claims on a small source; `bad` replaces the second claim's line.
fn small_import(bad: Option<&str>) -> String {
    let good2 = r#"{"type":"claim","id":"s2","source":"t","kind":"casualty","quote":"2 were wounded","start":24,"end":38,"text":"Two were wounded.","party":"Coalition","value":2,"unit":"wounded","qualifier":"exact"}"#;
    [
        r#"{"type":"source","id":"t","title":"Test","text":"500 troops are in Iraq. 2 were wounded. Fin."}"#,
        r#"{"type":"claim","id":"s1","source":"t","kind":"troops","quote":"500 troops are in Iraq","start":0,"end":22,"text":"500 troops are in Iraq.","location":"Iraq","value":500,"unit":"troops","qualifier":"exact"}"#,
        bad.unwrap_or(good2),
        r#"{"type":"claim","id":"s3","source":"t","kind":"other","quote":"Fin.","start":40,"end":44,"text":"It ends."}"#,
    ]
    .join("\n")
}

#[test]
fn a_bad_row_rejects_the_whole_import_with_its_line_and_reason() {
    for env in Env::each() {
        env.sample_db("a.db");
        let before = env.run(&["--db", "a.db", "export"]).expect(0).stdout;
        let cases = [
            (
                r#"{"type":"claim","id":"s2","source":"t","kind":"casualty","quote":"2 were wounded","start":24,"end":38,"text":"x","date":"2025-02-30"}"#,
                "new.ndjson:3: field `date`: day 30 is not in February 2025, which has 28 days",
            ),
            (
                r#"{"type":"claim","id":"s2","source":"t","kind":"casualties","quote":"2 were wounded","start":24,"end":38,"text":"x"}"#,
                "new.ndjson:3: field `kind`: unknown kind `casualties`",
            ),
            (
                r#"{"type":"claim","id":"s2","source":"t","kind":"casualty","quote":"2 were killed!","start":24,"end":38,"text":"x"}"#,
                "new.ndjson:3: claim `s2`: the quote does not match source `t` at 24..38: the source has “2 were wounded”",
            ),
            (
                r#"{"type":"claim","id":"s2","source":"t","kind":"casualty","quote":"2 were wounded","start":24,"end":38,"text":"x","locaton":"Iraq"}"#,
                "new.ndjson:3: unknown field `locaton`",
            ),
            (
                r#"{"type":"claim","id":"s2","source":"t","kind":"casualty","quote":"2 were wounded","start":24,"end":38,"text":"x","location":"ISIS"}"#,
                "new.ndjson:3: field `location`: `ISIS` is an organization (`ISIS`), which cannot be a location",
            ),
            (
                r#"{"type":"claim","id":"cc16","source":"t","kind":"casualty","quote":"2 were wounded","start":24,"end":38,"text":"x"}"#,
                "new.ndjson:3: claim `cc16` already exists with different content",
            ),
            (r#"{"type":"claim","id":"s2""#, "new.ndjson:3: EOF while parsing an object"),
        ];
        for (bad, expected) in cases {
            env.write("new.ndjson", &small_import(Some(bad)));
            let run = env.run(&["--db", "a.db", "import", "new.ndjson"]).expect(2);
            assert!(run.stderr.starts_with(&format!("claimdb: {expected}")), "expected {expected}\ngot {}", run.stderr);
            assert!(run.stderr.contains("nothing was imported"), "{}", run.stderr);
            assert!(run.stdout.is_empty());
            assert_eq!(env.run(&["--db", "a.db", "export"]).expect(0).stdout, before, "after: {expected}");
        }
        // The good version goes in, with the unknown names made entities of the kind their field implies.
        env.write("new.ndjson", &small_import(None));
        let run = env.run(&["--db", "a.db", "import", "new.ndjson"]).expect(0);
        assert!(run.stderr.contains("imported 0 entities, 1 source, 3 claims"), "{}", run.stderr);
        let rows = json_rows(&env.run(&["--db", "a.db", "list", "--format", "json"]).expect(0).stdout);
        assert_eq!(rows.len(), 37);
        let s2 = rows.iter().find(|r| r["id"] == "s2").unwrap();
        assert_eq!(s2["party"], "Global Coalition to Defeat ISIS", "`Coalition` resolves through its alias");
    }
}

/// A claim given twice in one input is one claim when both rows agree, and an error at the second
/// row's line when they do not: into an empty database (which PostgreSQL loads in bulk) and into
/// one that holds claims alike.
#[test]
fn a_claim_given_twice_in_one_input_is_one_claim_or_an_error_at_its_line() {
    for env in Env::each() {
        let rows: Vec<String> = small_import(None).lines().map(str::to_string).collect();
        let twice = [rows.clone(), vec![rows[1].clone()]].concat().join("\n");
        env.write("twice.ndjson", &twice);
        let run = env.run(&["--db", "e.db", "import", "twice.ndjson"]).expect(0);
        assert!(
            run.stderr.contains("1 source, 3 claims") && run.stderr.contains("(1 record already there"),
            "{}",
            run.stderr
        );
        let clash = rows[1].replace("\"value\":500", "\"value\":600");
        env.write("clash.ndjson", &[rows.clone(), vec![clash.clone()]].concat().join("\n"));
        for db in ["f.db", "a.db"] {
            if db == "a.db" {
                env.sample_db(db);
            }
            let before = env.contents(db);
            let run = env.run(&["--db", db, "import", "clash.ndjson"]).expect(2);
            assert!(
                run.stderr.starts_with("claimdb: clash.ndjson:5: claim `s1` already exists with different content"),
                "{db}: {}",
                run.stderr
            );
            assert_eq!(env.contents(db), before, "{db}: nothing was imported");
        }
    }
}

#[test]
fn a_failed_import_into_a_new_file_leaves_no_file() {
    for env in Env::each() {
        env.write("bad.csv", "id,source,kind,quote,start,end,text\nx,nowhere,troops,abc,0,3,t\n");
        let run = env.run(&["--db", "new.db", "import", "bad.csv"]).expect(2);
        assert!(
            run.stderr.contains("bad.csv:2: source `nowhere` is neither in the database nor earlier"),
            "{}",
            run.stderr
        );
        assert!(env.contents("new.db").is_none(), "a failed import made no database");
    }
}

#[test]
fn csv_rows_report_their_line() {
    for env in Env::each() {
        env.sample_db("a.db");
        env.write(
            "claims.csv",
            "id,source,kind,quote,start,end,text\n\
             a1,centcom-isis-2025-01,troops,Around 2,1700,1708,x\n\
             a2,centcom-isis-2025-01,troops,Around,1700,notanumber,x\n",
        );
        let run = env.run(&["--db", "a.db", "import", "claims.csv"]).expect(2);
        assert!(run.stderr.starts_with("claimdb: claims.csv:3: field 6: invalid digit"), "{}", run.stderr);
    }
}

#[test]
fn verify_catches_a_tampered_quote_and_a_tampered_text() {
    let env = Env::new();
    let db = env.sample_db("a.db");
    {
        let conn = Connection::open(&db).unwrap();
        // Same length, so the schema's own length check cannot see it: only verify can.
        let n =
            conn.execute("UPDATE claims SET quote = replace(quote, '2,500', '5,000') WHERE id = 'cc16'", []).unwrap();
        assert_eq!(n, 1);
    }
    let run = env.run(&["--db", "a.db", "verify", "--format", "json"]).expect(1);
    let faults = json_rows(&run.stdout);
    assert_eq!(faults.len(), 1, "{faults:?}");
    assert_eq!(faults[0]["check"], "quote");
    assert_eq!(faults[0]["id"], "cc16");
    assert!(faults[0]["detail"].as_str().unwrap().contains("Around 5,000 U.S. troops"), "{faults:?}");

    {
        let conn = Connection::open(&db).unwrap();
        conn.execute("UPDATE sources SET text = replace(text, 'Hamrin', 'Hamrun')", []).unwrap();
    }
    let faults = json_rows(&env.run(&["--db", "a.db", "verify", "--format", "json"]).expect(1).stdout);
    let checks: Vec<_> = faults.iter().map(|f| (f["check"].as_str().unwrap(), f["id"].as_str().unwrap())).collect();
    assert!(checks.contains(&("hash", "centcom-isis-2025-01")), "{checks:?}");
    assert!(checks.contains(&("quote", "cc03")), "the Hamrin quote no longer matches: {checks:?}");
}

/// The schema objects of a database, whitespace folded, for comparing two files.
fn schema_of(path: &std::path::Path) -> Vec<(String, String, String)> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT type, name, coalesce(sql, '') FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap();
    let rows = stmt
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get::<_, String>(2)?.split_whitespace().collect::<Vec<_>>().join(" ")))
        })
        .unwrap();
    rows.collect::<Result<_, _>>().unwrap()
}

/// A migration that edits the schema's text in place changes nothing when the text differs from
/// what claimdb wrote (a file another tool rewrote): it must fail and leave the file as it was,
/// not stamp a version whose entity kinds the file still refuses.
#[test]
fn a_migration_whose_edit_matches_nothing_fails_and_changes_nothing() {
    let env = Env::new();
    let old = env.path("odd.db");
    {
        let conn = Connection::open(&old).unwrap();
        let v1 = std::fs::read_to_string(project_file("tests/fixtures/schema-v1.sql")).unwrap();
        let odd = v1.replace(
            "CHECK (kind IN ('person', 'organization', 'country', 'place', 'operation'))",
            "CHECK (kind IN ('person','organization','country','place','operation'))",
        );
        assert_ne!(odd, v1, "the fixture's entities CHECK is as this test expects");
        conn.execute_batch(&odd).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = std::fs::read(&old).unwrap();
    let run = env.run(&["--db", "odd.db", "migrate"]).expect(2);
    assert!(run.stderr.contains("its entities table still refuses the kind `unnamed`"), "{}", run.stderr);
    assert_eq!(std::fs::read(&old).unwrap(), before, "the failed migration left the file as it was");
}

#[test]
fn an_old_schema_file_is_migrated_forward() {
    let env = Env::new();
    let old = env.path("old.db");
    {
        let conn = Connection::open(&old).unwrap();
        conn.execute_batch(&std::fs::read_to_string(project_file("tests/fixtures/schema-v1.sql")).unwrap()).unwrap();
        conn.execute_batch(
            "INSERT INTO entities (id, name, kind) VALUES (1, 'Iraq', 'country');
             INSERT INTO entity_aliases VALUES ('iraq', 'Iraq', 1);
             INSERT INTO sources VALUES ('s', 'T', NULL, NULL, '2025', '2025-01-01T00:00:00Z',
               'd5b30883d1a1b6a9d4e1c5c2d3b4b5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2', 'A fight in a cave.');
             INSERT INTO claims (id, source_id, kind, quote, start, \"end\", text, location_id, attribution)
               VALUES ('k1', 's', 'operation', 'A fight in a cave', 0, 17, 'A fight in a cave.', 1, 'author');",
        )
        .unwrap();
        let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(v, 1);
    }
    // Reading never migrates: it says how, and leaves the file byte for byte as it was.
    let before = std::fs::read(&old).unwrap();
    let run = env.run(&["--db", "old.db", "list", "--format", "json"]).expect(2);
    assert!(
        run.stderr.contains("old.db has schema 1, older than this claimdb's 5; run `claimdb --db old.db migrate`"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read(&old).unwrap(), before, "a reading command changed the file");
    let run = env.run(&["--db", "old.db", "migrate"]).expect(0);
    assert!(run.stderr.contains("migrated old.db from schema 1 to 5"), "{}", run.stderr);
    let run = env.run(&["--db", "old.db", "migrate"]).expect(0);
    assert!(run.stderr.contains("old.db is already at schema 5"), "{}", run.stderr);
    let run = env.run(&["--db", "old.db", "list", "--format", "json"]).expect(0);
    assert_eq!(json_rows(&run.stdout)[0]["location"], "Iraq");
    let conn = Connection::open(&old).unwrap();
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(v, 5);
    // Schema 5's entity kind, for people a text does not name, is allowed; a made-up one is not.
    conn.execute("INSERT INTO entities (name, kind) VALUES ('residents', 'unnamed')", []).unwrap();
    assert!(conn.execute("INSERT INTO entities (name, kind) VALUES ('crowd', 'mob')", []).is_err());
    let hits: i64 =
        conn.query_row("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'cave'", [], |r| r.get(0)).unwrap();
    assert_eq!(hits, 1, "the migration indexed the rows already there");
    // Schema 4 gave sources their first and last day, and claims their origin.
    let (first, last, origin): (String, String, String) = conn
        .query_row("SELECT published_start, published_end, (SELECT origin FROM claims) FROM sources", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!((first.as_str(), last.as_str(), origin.as_str()), ("2025-01-01", "2025-12-31", "curated"));
    // Schema 3 rewrote the CHECKs' text in place; they must still refuse what they refused.
    for bad in [
        "UPDATE claims SET kind = 'bogus'",
        "UPDATE claims SET modality = 'rumoured'",
        "UPDATE entities SET kind = 'planet'",
        "UPDATE sources SET published_end = NULL",
        "UPDATE claims SET origin = 'extracted'",
    ] {
        let err = conn.execute(bad, []).expect_err(bad).to_string();
        assert!(err.contains("CHECK constraint failed"), "{bad}: {err}");
    }
    drop(conn);
    // The migrated file has exactly the schema of a new one.
    env.run(&["init", "fresh.db"]).expect(0);
    assert_eq!(schema_of(&old), schema_of(&env.path("fresh.db")));
    // A year-precision publication date covers its last month too (schema 3 compared the text).
    let run = env.run(&["--db", "old.db", "query", "sources where published = 2025-12", "--format", "csv"]).expect(0);
    assert!(run.stdout.contains("\ns,"), "{}", run.stdout);
    // Once migrated, it opens quietly.
    let run = env.run(&["--db", "old.db", "list"]).expect(0);
    assert!(!run.stderr.contains("migrated"), "{}", run.stderr);
}

#[test]
fn a_newer_schema_file_is_refused_and_left_alone() {
    let env = Env::new();
    let db = env.sample_db("a.db");
    {
        let conn = Connection::open(&db).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    for args in [&["--db", "a.db", "list"][..], &["--db", "a.db", "verify"], &["--db", "a.db", "import", "-"]] {
        let run = env.run(args).expect(2);
        assert!(
            run.stderr.contains("a.db has schema version 99, newer than this claimdb understands (5)"),
            "{}",
            run.stderr
        );
    }
    assert_eq!(std::fs::read(&db).unwrap(), before, "the file is byte for byte as it was");
}

#[test]
fn files_that_are_not_claimdb_databases_are_refused() {
    let env = Env::new();
    env.write("notes.db", "these are not the bytes of a database, just text long enough to not be one");
    let run = env.run(&["--db", "notes.db", "list"]).expect(2);
    assert!(run.stderr.contains("notes.db is not a SQLite database"), "{}", run.stderr);

    let other = env.path("other.db");
    Connection::open(&other).unwrap().execute_batch("CREATE TABLE t (x)").unwrap();
    let run = env.run(&["--db", "other.db", "list"]).expect(2);
    assert!(run.stderr.contains("other.db is a SQLite database but not a claimdb one"), "{}", run.stderr);
}

#[test]
fn the_file_is_one_other_tools_read_well() {
    let env = Env::new();
    let db = env.sample_db("a.db");
    let conn = Connection::open(&db).unwrap();
    let fts_sql: String =
        conn.query_row("SELECT sql FROM sqlite_schema WHERE name = 'claims_fts'", [], |r| r.get(0)).unwrap();
    assert!(fts_sql.contains(r#"content="claims""#), "Datasette detects only the quoted form: {fts_sql}");
    for trigger in ["claims_ai", "claims_ad", "claims_au"] {
        let n: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = ?1", [trigger], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(n, 1, "{trigger}");
    }
    let quote: String = conn
        .query_row(
            "SELECT c.quote FROM claims_fts JOIN claims AS c ON c.pk = claims_fts.rowid WHERE claims_fts MATCH 'cave' ORDER BY c.id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(quote, "a confrontation with militants holed up in an Iraqi cave");
    // substr() in SQLite gives the quote back from the offsets.
    let bad: i64 = conn
        .query_row(
            "SELECT count(*) FROM claims AS c JOIN sources AS s ON s.id = c.source_id
             WHERE substr(s.text, c.start + 1, c.\"end\" - c.start) <> c.quote",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(bad, 0);
    let (party, location): (String, String) = conn
        .query_row("SELECT party, location FROM claims_view WHERE id = 'cc16'", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!((party.as_str(), location.as_str()), ("United States", "Iraq"));
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    // The schema itself refuses what the model refuses.
    let err = conn.execute("UPDATE claims SET qualifier = 'roughly' WHERE id = 'cc16'", []).unwrap_err().to_string();
    assert!(err.contains("CHECK constraint failed"), "{err}");
    let err = conn.execute("UPDATE claims SET unit = NULL WHERE id = 'cc16'", []).unwrap_err().to_string();
    assert!(err.contains("CHECK constraint failed"), "{err}");
}

/// An import sets indexes and the full-text trigger aside to load fast and puts them back: the
/// schema after any import (into an empty file, appending, or failing halfway) is the schema of a
/// new file, and the full-text index holds exactly the rows.
#[test]
fn imports_leave_the_schema_and_the_search_index_whole() {
    let env = Env::new();
    env.run(&["init", "fresh.db"]).expect(0);
    let fresh = schema_of(&env.path("fresh.db"));
    // Into an empty file: indexes and the trigger dropped, rebuilt, the FTS index built whole.
    env.run(&["init", "a.db"]).expect(0);
    let entities = project_file("examples/sample/entities.ndjson");
    let claims = project_file("examples/sample/claims.ndjson");
    env.run(&["--db", "a.db", "import", entities.to_str().unwrap(), claims.to_str().unwrap()]).expect(0);
    assert_eq!(schema_of(&env.path("a.db")), fresh);
    env.run(&["--db", "a.db", "verify"]).expect(0);
    // Appending: the new rows join the index; the old ones stay findable.
    env.write("new.ndjson", &small_import(None));
    env.run(&["--db", "a.db", "import", "new.ndjson"]).expect(0);
    assert_eq!(schema_of(&env.path("a.db")), fresh);
    env.run(&["--db", "a.db", "verify"]).expect(0);
    let found = |q: &str| env.run(&["--db", "a.db", "query", q, "-F", "csv", "--no-headers"]).stdout;
    assert_eq!(found("claims where quote ~ wounded and source = t select id"), "s2\n");
    assert!(found("claims where text ~ cave select id").contains("cc02"));
    // The trigger is back: a claim written later by other means is indexed too.
    let conn = Connection::open(env.path("a.db")).unwrap();
    conn.execute("UPDATE claims SET text = 'A zebra was wounded.' WHERE id = 's2'", []).unwrap();
    drop(conn);
    assert_eq!(found("claims where text ~ zebra select id"), "s2\n");
    // A failed import (bad last line) rolls the set-aside indexes back in with everything else.
    let mut bad = small_import(None).replace("\"id\":\"s", "\"id\":\"t").replace("\"id\":\"t\"", "\"id\":\"t2\"");
    bad.push_str("\n{\"type\":\"claim\",\"id\":\"broken\"");
    env.write("bad.ndjson", &bad);
    env.run(&["--db", "a.db", "import", "bad.ndjson"]).expect(2);
    assert_eq!(schema_of(&env.path("a.db")), fresh);
    env.run(&["--db", "a.db", "verify"]).expect(0);
    assert_eq!(found("claims where quote ~ wounded and source = t select id"), "s2\n");
    // The file keeps the settings of a new one: 16 KiB pages (chosen before WAL was), WAL once the
    // import is over, and the full-text index's options as a new file has them.
    let conn = Connection::open(env.path("a.db")).unwrap();
    let pragma =
        |p: &str| conn.query_row(&format!("PRAGMA {p}"), [], |r| r.get::<_, rusqlite::types::Value>(0)).unwrap();
    assert_eq!(pragma("page_size"), 16384.into());
    assert_eq!(pragma("journal_mode"), "wal".to_string().into());
    let options: i64 =
        conn.query_row("SELECT count(*) FROM claims_fts_config WHERE k = 'hashsize'", [], |r| r.get(0)).unwrap();
    assert_eq!(options, 0, "the import's larger FTS buffer is not left in the file");
}

/// README states the schema version; it once said 2 while files were at 3.
#[test]
fn readme_states_the_schema_version_files_have() {
    let env = Env::new();
    let db = env.sample_db("v.db");
    let version: i64 = Connection::open(&db).unwrap().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    let readme = std::fs::read_to_string(project_file("README.md")).unwrap();
    assert!(readme.contains(&format!("`PRAGMA user_version` (now {version})")), "README names another version");
}

/// Regression: `claimdb --db X init` ignored `--db` (and `CLAIMDB_DB`), and an empty
/// `CLAIMDB_DB` was a usage error instead of counting as unset.
#[test]
fn init_creates_the_database_db_names_and_an_empty_env_is_unset() {
    let env = Env::new();
    env.run(&["--db", "named.db", "init"]).expect(0);
    assert!(env.path("named.db").exists() && !env.path("claims.db").exists());
    let run = env.command(&["init"]).env("CLAIMDB_DB", "from-env.db").output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(env.path("from-env.db").exists() && !env.path("claims.db").exists());
    // An explicit path still wins.
    env.run(&["--db", "named.db", "init", "explicit.db"]).expect(0);
    assert!(env.path("explicit.db").exists());
    let run = env.command(&["list", "--format", "json"]).env("CLAIMDB_DB", "").output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(String::from_utf8_lossy(&run.stderr).contains("using the built-in sample"));
}
