//! Promises README.md makes that no other test checked: the real binary on real files, asserting
//! the exit status, the message (file, line, field) and, for failed writes, the file itself.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

use common::Env;
use rusqlite::Connection;

fn json_rows(stdout: &str) -> Vec<serde_json::Value> {
    serde_json::from_str::<Vec<serde_json::Value>>(stdout).expect("valid JSON array")
}

fn ndjson_rows(stdout: &str) -> Vec<serde_json::Value> {
    stdout.lines().map(|l| serde_json::from_str(l).expect("one JSON object a line")).collect()
}

/// `(check, id)` of every row `verify --format json` printed.
fn checks(faults: &[serde_json::Value]) -> Vec<(String, String)> {
    faults.iter().map(|f| (f["check"].as_str().unwrap().to_string(), f["id"].as_str().unwrap().to_string())).collect()
}

/// The byte ranges of SQLite's file header that count writes rather than hold data: the file
/// change counter (offset 24) and the version-valid-for number (offset 92).
const CHANGE_COUNTERS: [std::ops::Range<usize>; 2] = [24..28, 92..96];

/// Asserts a database file holds exactly the bytes it held before, but for SQLite's two change
/// counters (see `a_failed_import_leaves_the_file_byte_for_byte_as_it_was` for those), and that
/// no write-ahead log holds changes beside it.
fn assert_database_unchanged(path: &Path, before: &[u8]) {
    let after = std::fs::read(path).unwrap();
    assert_eq!(after.len(), before.len(), "{} changed size", path.display());
    let differing: Vec<usize> = (0..after.len())
        .filter(|&i| after[i] != before[i] && !CHANGE_COUNTERS.iter().any(|r| r.contains(&i)))
        .collect();
    assert!(
        differing.is_empty(),
        "{} changed at byte offsets {:?}…",
        path.display(),
        &differing[..differing.len().min(20)]
    );
    let wal = path.with_extension("db-wal");
    assert!(std::fs::metadata(&wal).map_or(true, |m| m.len() == 0), "{} holds changes", wal.display());
}

/// The kind a `was not a known name` note on stderr says `name` was given.
fn added_as(stderr: &str, name: &str) -> Option<String> {
    let prefix = format!("claimdb: note: `{name}` was not a known name, so it was added as a");
    let line = stderr.lines().find(|l| l.starts_with(&prefix))?;
    let rest = line[prefix.len()..].trim_start_matches('n').trim_start();
    Some(rest.split(';').next()?.to_string())
}

#[test]
fn an_unknown_name_becomes_an_entity_of_the_kind_its_field_implies() {
    let env = Env::new();
    env.sample_db("a.db");
    env.write(
        "new.ndjson",
        &[
            r#"{"type":"source","id":"t","title":"Test","text":"500 troops are in Iraq. 2 were wounded. Fin."}"#,
            r#"{"type":"claim","id":"s1","source":"t","kind":"statement","quote":"500 troops are in Iraq","start":0,"end":22,"text":"500 troops are in Iraq.","party":"Zorgon Legion","location":"Qaryat Testi","speaker":"Jane Doe"}"#,
        ]
        .join("\n"),
    );
    let run = env.run(&["--db", "a.db", "import", "new.ndjson"]).expect(0);
    assert_eq!(added_as(&run.stderr, "Zorgon Legion").as_deref(), Some("organization"), "party:\n{}", run.stderr);
    assert_eq!(added_as(&run.stderr, "Qaryat Testi").as_deref(), Some("place"), "location:\n{}", run.stderr);
    assert_eq!(added_as(&run.stderr, "Jane Doe").as_deref(), Some("person"), "speaker:\n{}", run.stderr);
    assert!(
        run.stderr.contains("import an entity record to set its kind and aliases"),
        "the note says how to fix the guess: {}",
        run.stderr
    );
    assert!(run.stderr.contains("imported 0 entities, 1 source, 1 claim into a.db"), "{}", run.stderr);

    let entities = json_rows(&env.run(&["--db", "a.db", "entities", "--format", "json"]).expect(0).stdout);
    let kind_of = |name: &str| {
        let matches: Vec<_> = entities.iter().filter(|e| e["name"] == name).collect();
        assert_eq!(matches.len(), 1, "{name} is listed once: {entities:?}");
        (matches[0]["kind"].as_str().unwrap().to_string(), matches[0]["parent"].clone(), matches[0]["aliases"].clone())
    };
    assert_eq!(kind_of("Zorgon Legion"), ("organization".into(), serde_json::Value::Null, serde_json::json!([])));
    assert_eq!(kind_of("Qaryat Testi"), ("place".into(), serde_json::Value::Null, serde_json::json!([])));
    assert_eq!(kind_of("Jane Doe"), ("person".into(), serde_json::Value::Null, serde_json::json!([])));

    let claim = &json_rows(&env.run(&["--db", "a.db", "show", "s1", "--format", "json"]).expect(0).stdout)[0];
    assert_eq!(
        (&claim["party"], &claim["location"], &claim["speaker"], &claim["attribution"]),
        (&"Zorgon Legion".into(), &"Qaryat Testi".into(), &"Jane Doe".into(), &"reported".into())
    );
    // The new names answer queries like any other.
    let found = env
        .run(&["--db", "a.db", "query", "claims in \"Qaryat Testi\" by \"Jane Doe\" select id", "-F", "csv"])
        .expect(0);
    assert_eq!(found.stdout, "id\ns1\n");
}

#[test]
fn a_text_file_is_read_relative_to_the_imported_file() {
    let env = Env::new();
    env.run(&["init", "a.db"]).expect(0);
    std::fs::create_dir(env.path("in")).unwrap();
    let article = "Some 40 fighters were captured near Mosul on Tuesday.\n";
    env.write("in/article.txt", article);
    // A file of the same name where claimdb runs, which must not be the one read.
    env.write("article.txt", "Decoy text that is not the article.");
    env.write(
        "in/bad.ndjson",
        &[
            r#"{"type":"source","id":"f","title":"From a file","text_file":"article.txt"}"#,
            r#"{"type":"claim","id":"f0","source":"f","kind":"other","quote":"Decoy text","start":0,"end":10,"text":"The decoy."}"#,
        ]
        .join("\n"),
    );
    let run = env.run(&["--db", "a.db", "import", "in/bad.ndjson"]).expect(2);
    assert!(
        run.stderr.starts_with(
            "claimdb: in/bad.ndjson:2: claim `f0`: the quote does not match source `f` at 0..10: the source has “Some 40 fi”"
        ),
        "the quote is checked against in/article.txt: {}",
        run.stderr
    );

    env.write(
        "in/src.ndjson",
        &[
            r#"{"type":"source","id":"f","title":"From a file","text_file":"article.txt"}"#,
            r#"{"type":"claim","id":"f1","source":"f","kind":"capture","quote":"Some 40 fighters were captured","start":0,"end":30,"text":"About 40 fighters were captured."}"#,
        ]
        .join("\n"),
    );
    let run = env.run(&["--db", "a.db", "import", "in/src.ndjson"]).expect(0);
    assert!(run.stderr.contains("imported 0 entities, 1 source, 1 claim into a.db"), "{}", run.stderr);
    let export = ndjson_rows(&env.run(&["--db", "a.db", "export", "--only", "sources"]).expect(0).stdout);
    assert_eq!(export.len(), 1);
    assert_eq!(export[0]["text"], article, "the text is the file's, byte for byte");
    assert_eq!(export[0]["sha256"], "4acecea4d532b59dc65224385ff8e0e2cce0e621126d8bf2a8acba9eb1e7eb21", "`sha256sum`");
    assert!(export[0].get("text_file").is_none(), "export writes the text itself: {}", export[0]);
    let sources = json_rows(&env.run(&["--db", "a.db", "sources", "--format", "json"]).expect(0).stdout);
    assert_eq!((&sources[0]["chars"], &sources[0]["claims"]), (&article.chars().count().into(), &1.into()));
    env.run(&["--db", "a.db", "verify"]).expect(0);

    // A text file that is not there is named, relative to the imported file's folder.
    env.write("in/missing.ndjson", r#"{"type":"source","id":"g","title":"Gone","text_file":"article.txt.bak"}"#);
    let run = env.run(&["--db", "a.db", "import", "in/missing.ndjson"]).expect(2);
    assert!(
        run.stderr.starts_with("claimdb: in/missing.ndjson:1: field `text_file`: cannot read in/article.txt.bak:"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_source_whose_sha256_does_not_match_its_text_is_rejected() {
    let env = Env::new();
    let db = env.sample_db("a.db");
    let before = std::fs::read(&db).unwrap();
    let wrong = "0".repeat(64);
    env.write(
        "sha.ndjson",
        &[
            r#"{"type":"entity","name":"Qux Brigade","kind":"organization"}"#.to_string(),
            format!(r#"{{"type":"source","id":"t","title":"T","sha256":"{wrong}","text":"abc"}}"#),
        ]
        .join("\n"),
    );
    let run = env.run(&["--db", "a.db", "import", "sha.ndjson"]).expect(2);
    let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    assert_eq!(
        run.stderr,
        format!(
            "claimdb: sha.ndjson:2: field `sha256`: {wrong} does not match the text, whose SHA-256 is {abc}\n\
             nothing was imported\n"
        )
    );
    assert!(run.stdout.is_empty());
    assert_database_unchanged(&db, &before);
    let entities = env.run(&["--db", "a.db", "entities", "--format", "csv"]).expect(0).stdout;
    assert!(!entities.contains("Qux Brigade"), "line 1 was rolled back too");

    // The right hash goes in.
    env.write("sha.ndjson", &format!(r#"{{"type":"source","id":"t","title":"T","sha256":"{abc}","text":"abc"}}"#));
    env.run(&["--db", "a.db", "import", "sha.ndjson"]).expect(0);
    let sources = json_rows(&env.run(&["--db", "a.db", "sources", "--format", "json"]).expect(0).stdout);
    assert!(sources.iter().any(|s| s["id"] == "t" && s["sha256"] == abc), "{sources:?}");
}

#[test]
fn export_source_writes_that_source_its_claims_and_every_entity() {
    let env = Env::new();
    env.sample_db("a.db");
    env.write(
        "t.ndjson",
        &[
            r#"{"type":"source","id":"t","title":"Test","text":"500 troops are in Iraq. 2 were wounded. Fin."}"#,
            r#"{"type":"claim","id":"s1","source":"t","kind":"troops","quote":"500 troops are in Iraq","start":0,"end":22,"text":"500 troops are in Iraq.","location":"Iraq","value":500,"unit":"troops","qualifier":"exact"}"#,
            r#"{"type":"claim","id":"s2","source":"t","kind":"casualty","quote":"2 were wounded","start":24,"end":38,"text":"Two were wounded.","party":"Coalition","value":2,"unit":"wounded","qualifier":"exact"}"#,
        ]
        .join("\n"),
    );
    env.run(&["--db", "a.db", "import", "t.ndjson"]).expect(0);
    let entities = env.run(&["--db", "a.db", "export", "--only", "entities"]).expect(0).stdout;
    assert_eq!(entities.lines().count(), 27);

    let out = env.run(&["--db", "a.db", "export", "--source", "t"]).expect(0).stdout;
    assert!(out.starts_with(&entities), "every entity, first and as `--only entities` writes them:\n{out}");
    let rest = ndjson_rows(&out[entities.len()..]);
    let shape: Vec<(&str, &str)> =
        rest.iter().map(|r| (r["type"].as_str().unwrap(), r["id"].as_str().unwrap())).collect();
    assert_eq!(shape, [("source", "t"), ("claim", "s1"), ("claim", "s2")]);
    assert!(rest[1..].iter().all(|c| c["source"] == "t"));

    // The sample's source alone: its 34 claims and none of t's.
    let sample =
        ndjson_rows(&env.run(&["--db", "a.db", "export", "--source", "centcom-isis-2025-01"]).expect(0).stdout);
    assert_eq!(sample.iter().filter(|r| r["type"] == "source").count(), 1);
    assert_eq!(sample.iter().filter(|r| r["type"] == "claim" && r["source"] == "centcom-isis-2025-01").count(), 34);
    assert_eq!(sample.iter().filter(|r| r["type"] == "claim").count(), 34);

    // With --only, the source's claims alone.
    let claims = env.run(&["--db", "a.db", "export", "--source", "t", "--only", "claims", "--format", "csv"]).expect(0);
    let ids: Vec<&str> = claims.stdout.lines().skip(1).map(|l| l.split(',').next().unwrap()).collect();
    assert_eq!(ids, ["s1", "s2"]);

    // What it writes imports on its own into a new file.
    env.write("t-only.ndjson", &out);
    env.run(&["--db", "b.db", "import", "t-only.ndjson"]).expect(0);
    assert_eq!(env.run(&["--db", "b.db", "export"]).expect(0).stdout, out);

    let run = env.run(&["--db", "a.db", "export", "--source", "nope"]).expect(2);
    assert_eq!(run.stderr, "claimdb: no source `nope`\n");
    assert!(run.stdout.is_empty());
}

#[test]
fn an_alias_that_would_name_two_entities_is_rejected() {
    let env = Env::new();
    let db = env.sample_db("a.db");
    let before = std::fs::read(&db).unwrap();
    let cases = [
        // Against an entity already in the database: `US` is the United States.
        (
            "one.ndjson",
            vec![r#"{"type":"entity","name":"Union of Sailors","kind":"organization","aliases":["US"]}"#],
            "claimdb: one.ndjson:1: alias `US` already names entity `United States`; an alias can mean only one entity",
        ),
        // Two entities of one file; aliases compare case-insensitively.
        (
            "two.ndjson",
            vec![
                r#"{"type":"entity","name":"Foo Corps","kind":"organization","aliases":["FC"]}"#,
                r#"{"type":"entity","name":"Bar Corps","kind":"organization","aliases":["Bar","fc"]}"#,
            ],
            "claimdb: two.ndjson:2: alias `fc` already names entity `Foo Corps`; an alias can mean only one entity",
        ),
        // An entity's name is one of its aliases.
        (
            "three.ndjson",
            vec![r#"{"type":"entity","name":"Baghdad Brigade","kind":"organization","aliases":["Iraq"]}"#],
            "claimdb: three.ndjson:1: alias `Iraq` already names entity `Iraq`; an alias can mean only one entity",
        ),
    ];
    for (file, lines, expected) in cases {
        env.write(file, &lines.join("\n"));
        let run = env.run(&["--db", "a.db", "import", file]).expect(2);
        assert_eq!(run.stderr, format!("{expected}\nnothing was imported\n"));
        assert_database_unchanged(&db, &before);
    }
}

#[test]
fn a_cycle_of_parents_is_rejected() {
    let env = Env::new();
    let db = env.sample_db("a.db");
    let before = std::fs::read(&db).unwrap();
    let cases = [
        (
            "cycle.ndjson",
            vec![
                r#"{"type":"entity","name":"Alpha Town","kind":"place","parent":"Beta Town"}"#,
                r#"{"type":"entity","name":"Beta Town","kind":"place","parent":"Gamma Town"}"#,
                r#"{"type":"entity","name":"Gamma Town","kind":"place","parent":"Alpha Town"}"#,
            ],
            "claimdb: cycle.ndjson:3: entity `Gamma Town` would be its own ancestor (a cycle of parents)",
        ),
        // Through the database: the Hamrin Mountains are already in Iraq.
        (
            "iraq.ndjson",
            vec![r#"{"type":"entity","name":"Iraq","kind":"country","parent":"Hamrin Mountains"}"#],
            "claimdb: iraq.ndjson:1: entity `Iraq` would be its own ancestor (a cycle of parents)",
        ),
    ];
    for (file, lines, expected) in cases {
        env.write(file, &lines.join("\n"));
        let run = env.run(&["--db", "a.db", "import", file]).expect(2);
        assert_eq!(run.stderr, format!("{expected}\nnothing was imported\n"));
        assert_database_unchanged(&db, &before);
    }
    // Still whole: entities list, parents first.
    env.run(&["--db", "a.db", "entities"]).expect(0);
}

#[test]
fn a_utf8_bom_is_accepted_in_ndjson_json_and_csv() {
    let env = Env::new();
    env.run(&["init", "a.db"]).expect(0);
    let bom = "\u{feff}";
    // The record that sits right after the BOM must be read, not skipped or misread.
    env.write("e.ndjson", &format!("{bom}{}\n", r#"{"type":"entity","name":"Bom Land","kind":"country"}"#));
    env.write(
        "e.json",
        &format!("{bom}[{}]\n", r#"{"type":"entity","name":"Bom Town","kind":"place","parent":"Bom Land"}"#),
    );
    // In CSV the header's first column tells the record type: with the BOM left on it, `name`
    // would not be recognized.
    env.write("e.csv", &format!("{bom}name,kind,parent,aliases\nBom Village,place,Bom Town,BV|Bomv\n"));
    for file in ["e.ndjson", "e.json", "e.csv"] {
        let run = env.run(&["--db", "a.db", "import", file]).expect(0);
        assert!(run.stderr.contains("imported 1 entity, 0 sources, 0 claims"), "{file}: {}", run.stderr);
    }
    let tsv = env.run(&["--db", "a.db", "entities", "--no-headers"]).expect(0).stdout;
    assert_eq!(
        tsv, "Bom Land\tcountry\t\t\nBom Town\tplace\tBom Land\t\nBom Village\tplace\tBom Town\tBV|Bomv\n",
        "no name carries the BOM"
    );
    // A BOM on a file of claims, whose first CSV column is `id`, and an NDJSON claim.
    env.write(
        "s.ndjson",
        &format!("{bom}{}\n", r#"{"type":"source","id":"b","title":"B","text":"Bom Land is quiet."}"#),
    );
    env.write(
        "c.csv",
        &format!("{bom}id,source,kind,quote,start,end,text\nb1,b,other,Bom Land is quiet,0,17,Quiet.\n"),
    );
    env.run(&["--db", "a.db", "import", "s.ndjson", "c.csv"]).expect(0);
    let ids = env.run(&["--db", "a.db", "query", "claims select id, source", "-F", "csv", "--no-headers"]).expect(0);
    assert_eq!(ids.stdout, "b1,b\n");
}

#[test]
fn verify_reports_a_broken_foreign_key() {
    let env = Env::new();
    let db = env.sample_db("a.db");
    {
        let conn = Connection::open(&db).unwrap();
        conn.pragma_update(None, "foreign_keys", false).unwrap();
        // A claim naming an entity that does not exist, and one naming a missing source.
        assert_eq!(conn.execute("UPDATE claims SET party_id = 9999 WHERE id = 'cc16'", []).unwrap(), 1);
        assert_eq!(conn.execute("UPDATE claims SET source_id = 'nowhere' WHERE id = 'cc24'", []).unwrap(), 1);
        let broken: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
        assert_eq!(broken, 2, "the set-up broke two keys");
    }
    let run = env.run(&["--db", "a.db", "verify", "--format", "json"]).expect(1);
    let faults = json_rows(&run.stdout);
    assert_eq!(
        checks(&faults),
        [("quote".to_string(), "cc24".to_string()), ("integrity".to_string(), "database".to_string())],
        "{faults:?}"
    );
    assert_eq!(faults[0]["detail"], "span 2608..2647 is not inside source `nowhere`");
    assert_eq!(faults[1]["detail"], "2 rows point at entities or sources that do not exist");
    assert!(run.stderr.contains("claimdb: 2 faults in 34 claims and 1 sources"), "{}", run.stderr);

    // TSV carries the same rows, check name first.
    let tsv = env.run(&["--db", "a.db", "verify", "--no-headers"]).expect(1).stdout;
    assert_eq!(tsv.lines().nth(1), Some("integrity\tdatabase\t2 rows point at entities or sources that do not exist"));
}

#[test]
fn verify_reports_a_search_index_that_disagrees_with_the_claims() {
    let env = Env::new();
    let db = env.sample_db("a.db");
    {
        // Take cc16 out of the full-text index only; the claims table keeps it.
        let conn = Connection::open(&db).unwrap();
        let n = conn
            .execute(
                "INSERT INTO claims_fts (claims_fts, rowid, quote, text)
                 SELECT 'delete', pk, quote, text FROM claims WHERE id = 'cc16'",
                [],
            )
            .unwrap();
        assert_eq!(n, 1);
    }
    let faults = json_rows(&env.run(&["--db", "a.db", "verify", "--format", "json"]).expect(1).stdout);
    assert_eq!(checks(&faults), [("search-index".to_string(), "claims_fts".to_string())], "{faults:?}");
    let detail = faults[0]["detail"].as_str().unwrap();
    assert!(detail.starts_with("the full-text index does not match the claims ("), "{detail}");
    assert!(detail.ends_with("rebuild it with INSERT INTO claims_fts(claims_fts) VALUES('rebuild')"), "{detail}");

    // The remedy it names works.
    Connection::open(&db).unwrap().execute("INSERT INTO claims_fts(claims_fts) VALUES('rebuild')", []).unwrap();
    env.run(&["--db", "a.db", "verify"]).expect(0);
}

#[test]
fn verify_reports_what_sqlites_integrity_check_finds() {
    let env = Env::new();
    let db = env.sample_db("a.db");
    {
        // Redefine the index on claims.party_id as one on speaker_id, leaving its entries as they
        // are: it now disagrees with its table wherever a claim's party and speaker differ.
        let conn = Connection::open(&db).unwrap();
        conn.execute_batch(
            "PRAGMA writable_schema = ON;
             UPDATE sqlite_schema SET sql = 'CREATE INDEX claims_party ON claims (speaker_id)'
              WHERE type = 'index' AND name = 'claims_party';
             PRAGMA writable_schema = OFF;",
        )
        .unwrap();
    }
    let faults = json_rows(&env.run(&["--db", "a.db", "verify", "--format", "json"]).expect(1).stdout);
    assert!(!faults.is_empty());
    assert!(
        faults.iter().all(|f| f["check"] == "integrity" && f["id"] == "database"),
        "only SQLite's check complains: {faults:?}"
    );
    let details: Vec<&str> = faults.iter().map(|f| f["detail"].as_str().unwrap()).collect();
    assert_eq!(details[0], "row 1 missing from index claims_party", "{details:?}");
    assert!(details.iter().all(|d| d.ends_with("missing from index claims_party")), "{details:?}");
}

#[test]
fn an_error_midway_through_a_streamed_query_exits_2_after_the_rows_already_written() {
    let env = Env::new();
    let db = env.sample_db("a.db");
    {
        // Two troop counts at i64::MAX: summing them overflows, and `troops` is the last group.
        let conn = Connection::open(&db).unwrap();
        let n = conn.execute("UPDATE claims SET value = ?1 WHERE kind = 'troops'", [i64::MAX]).unwrap();
        assert_eq!(n, 2);
    }
    let query = "claims select kind, sum(value) group by kind";
    // The groups come out of an index in order, so SQLite hands each over before it reads the next.
    let plan = env.run(&["--db", "a.db", "explain", query]).expect(0).stdout;
    assert!(plan.contains("SCAN c USING COVERING INDEX claims_kind_location"), "{plan}");
    assert!(!plan.contains("TEMP B-TREE"), "no sort holds the rows back: {plan}");

    let run = env.run(&["--db", "a.db", "query", query, "--format", "ndjson"]).expect(2);
    let rows = ndjson_rows(&run.stdout);
    let kinds: Vec<&str> = rows.iter().map(|r| r["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["capture", "casualty", "milestone", "operation", "other", "statement", "strike"]);
    assert_eq!((&rows[0]["sum(value)"], &rows[1]["sum(value)"]), (&1.into(), &3.into()));
    assert_eq!(run.stderr, "claimdb: database error: integer overflow\n");

    let run = env.run(&["--db", "a.db", "query", query, "--format", "tsv"]).expect(2);
    assert_eq!(
        run.stdout,
        "kind\tsum(value)\ncapture\t1\ncasualty\t3\nmilestone\t\noperation\t\nother\t\nstatement\t\nstrike\t\n"
    );
    assert_eq!(run.stderr, "claimdb: database error: integer overflow\n");

    // A table sees every row before it prints, so it prints nothing.
    let run = env.run(&["--db", "a.db", "query", query, "--format", "table"]).expect(2);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

/// Every line's width in characters, carriage returns (from a terminal) dropped.
fn widths(out: &str) -> Vec<usize> {
    out.lines().map(|l| l.trim_end_matches('\r').chars().count()).filter(|&w| w > 0).collect()
}

/// Runs `claimdb ARGS` on a pseudo-terminal of `cols` columns, with `COLUMNS` set or not, through
/// util-linux's `script`; `None` when `script` is not installed.
fn on_a_terminal(env: &Env, cols: u16, columns: Option<&str>, args: &str) -> Option<String> {
    Command::new("script").arg("--version").output().ok()?;
    let set = match columns {
        Some(c) => format!("COLUMNS={c}"),
        None => "-u COLUMNS".into(),
    };
    // `env` sets COLUMNS for claimdb alone: a shell would reset it when `stty` resizes the terminal.
    let inner = format!("stty cols {cols} rows 40; env {set} '{}' {args} 2>/dev/null", env!("CARGO_BIN_EXE_claimdb"));
    let out = Command::new("script")
        .args(["-qc", &inner, "/dev/null"])
        .current_dir(env.dir.path())
        .env("SHELL", "/bin/sh")
        .env_remove("CLAIMDB_DB")
        .env_remove("COLUMNS")
        .stdin(Stdio::null())
        .output()
        .expect("script runs");
    assert!(out.status.success(), "script: {}", String::from_utf8_lossy(&out.stderr));
    Some(String::from_utf8(out.stdout).unwrap())
}

#[test]
fn columns_sets_the_table_width_on_a_terminal() {
    let env = Env::new();
    env.sample_db("a.db");
    // Piped, a table is 120 characters wide, and COLUMNS does not apply (src/settings.rs reads it
    // only when stdout is a terminal).
    let piped = env.run(&["--db", "a.db", "list", "--format", "table"]).expect(0).stdout;
    assert_eq!(widths(&piped).into_iter().max(), Some(120), "{piped}");
    let with_columns =
        env.command(&["--db", "a.db", "list", "--format", "table"]).env("COLUMNS", "60").output().unwrap();
    assert_eq!(String::from_utf8(with_columns.stdout).unwrap(), piped, "COLUMNS is for terminals only");

    let Some(sized) = on_a_terminal(&env, 100, None, "--db a.db list") else {
        eprintln!("no `script` (util-linux): the terminal half of this test did not run");
        return;
    };
    // On a terminal, with no --format: a table the terminal's width.
    assert!(sized.contains('│') && sized.contains("cc34"), "{sized}");
    assert_eq!(widths(&sized).into_iter().max(), Some(100), "{sized}");
    // COLUMNS wins over what the terminal says, narrower or wider.
    let narrow = on_a_terminal(&env, 100, Some("60"), "--db a.db list").unwrap();
    assert!(narrow.contains("cc34"), "{narrow}");
    assert_eq!(widths(&narrow).into_iter().max(), Some(60), "every line fits in 60 columns:\n{narrow}");
    let wide = on_a_terminal(&env, 100, Some("200"), "--db a.db list").unwrap();
    assert_eq!(widths(&wide).into_iter().max(), Some(200), "{wide}");
}

#[test]
fn no_headers_drops_the_header_in_markdown_csv_and_tsv() {
    let env = Env::new();
    env.sample_db("a.db");
    let q = "troops select id, location, value";
    let run = |format: &str, headers: bool| {
        let mut args = vec!["--db", "a.db", "query", q, "--format", format];
        if !headers {
            args.push("--no-headers");
        }
        env.run(&args).expect(0).stdout
    };
    assert_eq!(
        run("markdown", true),
        "| id | location | value |\n| --- | --- | --- |\n| cc16 | Iraq | 2500 |\n| cc24 | Syria | 2000 |\n"
    );
    assert_eq!(run("markdown", false), "| cc16 | Iraq | 2500 |\n| cc24 | Syria | 2000 |\n");
    assert_eq!(run("csv", true), "id,location,value\ncc16,Iraq,2500\ncc24,Syria,2000\n");
    assert_eq!(run("csv", false), "cc16,Iraq,2500\ncc24,Syria,2000\n");
    assert_eq!(run("tsv", true), "id\tlocation\tvalue\ncc16\tIraq\t2500\ncc24\tSyria\t2000\n");
    assert_eq!(run("tsv", false), "cc16\tIraq\t2500\ncc24\tSyria\t2000\n");
    // The default columns for people, in Markdown, too.
    let md = env.run(&["--db", "a.db", "query", "troops in Iraq", "-F", "markdown", "--no-headers"]).expect(0).stdout;
    assert_eq!(md, "| cc16 | United States | Iraq | around 2,500 troops |  | centcom-isis-2025-01 |\n");
}

#[test]
fn exit_status_is_0_found_1_nothing_found_2_error_end_to_end() {
    let env = Env::new();
    let db = env.sample_db("claims.db");

    // 0: rows.
    let run = env.run(&["query", "troops in Iraq", "-F", "csv", "--no-headers"]).expect(0);
    assert_eq!(run.stdout.lines().count(), 1);
    env.run(&["show", "cc16"]).expect(0);
    env.run(&["sql", "SELECT 1"]).expect(0);

    // 1: no rows, for a query and for show; the header alone in TSV, `[]` in JSON.
    let run = env.run(&["query", "troops where value > 100000"]).expect(1);
    assert_eq!(run.stdout.lines().count(), 1, "the header alone: {}", run.stdout);
    assert!(run.stderr.is_empty(), "nothing found is not an error: {}", run.stderr);
    assert_eq!(env.run(&["query", "troops where value > 100000", "-F", "json"]).expect(1).stdout, "[]\n");
    env.run(&["sql", "SELECT 1 WHERE 0"]).expect(1);
    let run = env.run(&["show", "cc99"]).expect(1);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.starts_with("claimdb: no claim `cc99`"), "{}", run.stderr);

    // 2: a bad query, a bad input file, a query file that is not there; nothing on stdout.
    let run = env.run(&["query", "troops where locaton = Iraq"]).expect(2);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.starts_with("claimdb: unknown field `locaton` for troops"), "{}", run.stderr);
    assert!(run.stderr.contains("did you mean `location`?"), "{}", run.stderr);
    env.write("bad.ndjson", "{\"type\":\"entity\",\"name\":\"X\",\"kind\":\"planet\"}\n");
    let run = env.run(&["import", "bad.ndjson"]).expect(2);
    assert!(run.stderr.starts_with("claimdb: bad.ndjson:1: field `kind`: "), "{}", run.stderr);
    let run = env.run(&["query", "-f", "nofile.txt"]).expect(2);
    assert!(run.stderr.starts_with("claimdb: cannot read nofile.txt"), "{}", run.stderr);
    env.write("queries.txt", "troops in Iraq\ntroops whre value > 1\n");
    let run = env.run(&["query", "-f", "queries.txt"]).expect(2);
    assert!(run.stdout.is_empty(), "every line compiles before any prints: {}", run.stdout);
    assert!(run.stderr.starts_with("claimdb: queries.txt:2: "), "{}", run.stderr);

    // verify: 0 clean, 1 a fault.
    env.run(&["verify"]).expect(0);
    Connection::open(&db)
        .unwrap()
        .execute("UPDATE claims SET quote = replace(quote, 'Around', 'around') WHERE id = 'cc16'", [])
        .unwrap();
    let run = env.run(&["verify", "--format", "tsv", "--no-headers"]).expect(1);
    assert!(run.stdout.starts_with("quote\tcc16\t"), "{}", run.stdout);
}
