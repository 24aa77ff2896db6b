//! The PostgreSQL engine against the SQLite one: the same commands on the same records give the
//! same rows, verdicts and exit statuses. Each test gets a database of its own on the server that
//! `CLAIMDB_TEST_POSTGRES` names (an administrator's URL; `.ci/postgres start` makes a throwaway
//! cluster and prints it). Without it, a test says why it did not run, and under CI it fails.

mod common;

use std::path::Path;

use common::{project_file, Env, Run, QUERIES};

/// A database of the test's own on the test server, dropped afterwards.
struct Db {
    admin: String,
    name: String,
    url: String,
}

impl Db {
    /// `None` (having said why) when no server is configured, outside CI.
    fn new(test: &str) -> Option<Db> {
        let admin = common::postgres_server(test)?;
        let name = format!("claimdb_{test}_{}", std::process::id());
        let mut client = postgres::Client::connect(&admin, postgres::NoTls).expect("the test server answers");
        client.batch_execute(&format!("DROP DATABASE IF EXISTS {name}")).unwrap();
        client.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
        let url = match admin.rsplit_once('/') {
            Some((base, tail)) => match tail.split_once('?') {
                Some((_, query)) => format!("{base}/{name}?{query}"),
                None => format!("{base}/{name}"),
            },
            None => panic!("CLAIMDB_TEST_POSTGRES names no database: {admin}"),
        };
        Some(Db { admin, name, url })
    }

    fn client(&self) -> postgres::Client {
        postgres::Client::connect(&self.url, postgres::NoTls).unwrap()
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        if let Ok(mut c) = postgres::Client::connect(&self.admin, postgres::NoTls) {
            let _ = c.batch_execute(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name));
        }
    }
}

/// The same command on the file and on the server: same exit status, same stdout.
fn same(env: &Env, file: &str, db: &Db, args: &[&str]) -> Run {
    let mut on_file = vec!["--db", file];
    on_file.extend(args);
    let mut on_server = vec!["--db", db.url.as_str()];
    on_server.extend(args);
    let (a, b) = (env.run(&on_file), env.run(&on_server));
    assert_eq!(a.code, b.code, "exit status of {args:?}\n--- sqlite\n{}\n--- postgres\n{}", a.stderr, b.stderr);
    assert_eq!(a.stdout, b.stdout, "stdout of {args:?}; stderr on postgres:\n{}", b.stderr);
    b
}

/// Every query the compiler tests reach, and more that lean on what the engines do differently:
/// case, full text, figures with bounds, date arithmetic, lists, aggregates.
fn queries() -> Vec<String> {
    let mut all: Vec<String> = QUERIES.iter().map(|(_, q)| q.to_string()).collect();
    all.extend(
        [
            "claims where unit = TROOPS select id, unit",
            "claims where quote ~ \"air strikes\" select id",
            "claims where text ~ \"killed\" select id, figure",
            "claims where value >= 2 and value < 100 select id, value, low, high, figure",
            "claims where value = 12 select id, figure",
            "claims where date overlaps 2025-01 select id, date",
            "claims where date < 2025 select id, date",
            "claims where said_on in 2025-01 select id, speaker, said_on",
            "claims where quote contains \"50%\" select id",
            "claims where role contains \"COMMANDER\" select id, role",
            "entities select name, aliases",
            "entities where name = kurilla select name, kind",
            "claims in Syria select id, location",
            "claims select kind, count(*), sum(value), avg(value), min(date), max(date) group by kind",
            "claims select location, count(*) group by location order by count(*) desc, location",
            "sources select id, chars, claims",
            "claims where origin = extracted select id, extractor limit 7",
        ]
        .map(String::from),
    );
    all
}

#[test]
fn a_copy_on_the_server_answers_every_query_as_the_file_does() {
    let Some(db) = Db::new("queries") else { return };
    let env = Env::new();
    env.sample_db("c.db");
    let mut args = vec!["--db", "c.db", "ingest"];
    let files = common::check_articles();
    args.extend(files.iter().map(String::as_str));
    env.run(&args).expect(0);
    env.run(&["copy", "--from", "c.db", "--to", &db.url]).expect(0);
    same(&env, "c.db", &db, &["verify", "--format", "tsv"]).expect(0);
    same(&env, "c.db", &db, &["export"]).expect(0);
    let mut found = 0;
    for q in queries() {
        for format in ["json", "table"] {
            let r = same(&env, "c.db", &db, &["query", &q, "--format", format]);
            found += usize::from(r.code == 0);
        }
    }
    assert!(found > 40, "most queries find rows ({found})");
    for listing in [&["list"][..], &["sources"], &["entities"], &["show", "cc16"], &["show", "nope"], &["conflicts"]] {
        same(&env, "c.db", &db, listing);
    }
    // And back: the server's database copied into a new file is the same database again.
    env.run(&["copy", "--from", &db.url, "--to", "back.db"]).expect(0);
    let (a, b) = (env.run(&["--db", "c.db", "export"]), env.run(&["--db", "back.db", "export"]));
    assert_eq!(a.stdout, b.stdout, "file → server → file changes nothing");
}

#[test]
fn ingest_and_check_give_the_same_claims_and_verdicts() {
    let Some(db) = Db::new("check") else { return };
    let env = Env::new();
    env.sample_db("c.db");
    env.run(&["init", &db.url, "--sample"]).expect(0);
    let files = common::check_articles();
    for target in ["c.db", db.url.as_str()] {
        let mut args = vec!["--db", target, "ingest"];
        args.extend(files.iter().map(String::as_str));
        env.run(&args).expect(0);
    }
    same(&env, "c.db", &db, &["export", "--only", "claims"]).expect(0);
    same(&env, "c.db", &db, &["export", "--only", "entities"]).expect(0);
    // Every statement of the three check sets (development, held out, blind): verdicts, reasons
    // and evidence alike, whatever the database they were written for.
    let statements: String = ["statements.tsv", "heldout.tsv", "blind.tsv"]
        .iter()
        .flat_map(|f| {
            std::fs::read_to_string(project_file(&format!("tests/check/{f}")))
                .unwrap()
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                .map(|l| format!("{}\n", l.split('\t').nth(1).unwrap()))
                .collect::<Vec<_>>()
        })
        .collect();
    let list = env.write("statements.txt", &statements);
    let list = list.display().to_string();
    let r = same(&env, "c.db", &db, &["check", "-f", &list, "--format", "json"]);
    assert!(r.stdout.matches("\"verdict\"").count() > 300, "every statement has a verdict");
    for as_of in ["2024-12-31", "2025-01-07"] {
        same(&env, "c.db", &db, &["check", "-f", &list, "--as-of", as_of, "--format", "tsv"]);
    }
    same(&env, "c.db", &db, &["conflicts", "--format", "json"]);
}

#[test]
fn the_two_schemas_define_the_same_tables_columns_and_indexes() {
    let Some(db) = Db::new("schema") else { return };
    let env = Env::new();
    env.run(&["init", &db.url]).expect(0);
    let mut pg = db.client();
    env.run(&["init", "c.db"]).expect(0);
    let conn = rusqlite::Connection::open(env.path("c.db")).unwrap();
    for table in ["entities", "entity_aliases", "sources", "claims"] {
        // Columns, in order, with NOT NULL and the primary key.
        let mut stmt = conn
            .prepare(&format!(
                "SELECT name, \"notnull\" OR pk > 0, pk > 0 FROM pragma_table_info('{table}') ORDER BY cid"
            ))
            .unwrap();
        let lite: Vec<(String, bool, bool)> =
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(Result::unwrap).collect();
        let pg_cols: Vec<(String, bool, bool)> = pg
            .query(
                "SELECT a.attname::text, a.attnotnull, coalesce(i.indisprimary, false)
                 FROM pg_attribute AS a
                 LEFT JOIN pg_index AS i ON i.indrelid = a.attrelid AND i.indisprimary AND a.attnum = ANY (i.indkey)
                 WHERE a.attrelid = $1::text::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
                &[&table],
            )
            .unwrap()
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2)))
            .collect();
        assert_eq!(lite, pg_cols, "the columns of {table}");
        // Foreign keys: (column, table it points at).
        let mut stmt = conn
            .prepare(&format!("SELECT \"from\", \"table\" FROM pragma_foreign_key_list('{table}') ORDER BY 1"))
            .unwrap();
        let lite: Vec<(String, String)> =
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect();
        let pg_keys: Vec<(String, String)> = pg
            .query(
                "SELECT a.attname::text, c.confrelid::regclass::text FROM pg_constraint AS c
                 JOIN pg_attribute AS a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                 WHERE c.conrelid = $1::text::regclass AND c.contype = 'f' ORDER BY 1",
                &[&table],
            )
            .unwrap()
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        assert_eq!(lite, pg_keys, "the foreign keys of {table}");
        // CHECK constraints: as many on each side (SQLite's are per column or per table).
        let sql: String =
            conn.query_row("SELECT sql FROM sqlite_schema WHERE name = ?1", [table], |r| r.get(0)).unwrap();
        let checks: i64 = pg
            .query_one(
                "SELECT count(*) FROM pg_constraint WHERE conrelid = $1::text::regclass AND contype = 'c'",
                &[&table],
            )
            .unwrap()
            .get(0);
        // A CHECK of SQLite's that only tests a value's type (`typeof(text) = 'text'`) is the
        // column's type on PostgreSQL.
        let lite = sql
            .split("CHECK (")
            .skip(1)
            .filter(|c| {
                let condition = c.split("\n").next().unwrap_or("");
                !condition.contains("typeof(") || condition.contains(" AND ")
            })
            .count();
        assert_eq!(lite as i64, checks, "the CHECKs of {table}");
    }
    // Secondary indexes, by name and columns; full-text search is FTS5 on one side and GIN on
    // the other, so those are compared by the searches they serve (in the query test).
    let mut stmt = conn
        .prepare("SELECT name, tbl_name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
        .unwrap();
    let lite: Vec<(String, String)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect();
    let pg_indexes: Vec<(String, String)> = pg
        .query(
            "SELECT indexname::text, tablename::text FROM pg_indexes WHERE schemaname = 'public'
             AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key' AND indexname NOT LIKE 'claims_fts%' ORDER BY 1",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    assert_eq!(lite, pg_indexes);
    let view: Vec<String> = pg
        .query(
            "SELECT column_name::text FROM information_schema.columns WHERE table_name = 'claims_view' ORDER BY ordinal_position",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let mut stmt = conn.prepare("SELECT name FROM pragma_table_info('claims_view') ORDER BY cid").unwrap();
    let lite: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    assert_eq!(view, lite, "the readable view");
}

/// A database made by an older claimdb (schema 4, whose entity kinds had an unnamed CHECK) is
/// refused by a reading command and brought forward, saying so, by `migrate`: the first
/// PostgreSQL migration (schema 5's entity kind `unnamed`).
#[test]
fn a_schema_4_server_database_is_migrated_forward() {
    let Some(db) = Db::new("migrate4") else { return };
    let env = Env::new();
    // schema.pg.sql is schema 4; older claimdbs left its kinds' CHECK unnamed, as PostgreSQL
    // then names it itself.
    let v4 =
        std::fs::read_to_string(project_file("schema.pg.sql")).unwrap().replace("CONSTRAINT entities_kind_check ", "");
    assert!(v4.contains("VALUES ('claimdb', 4)"));
    db.client().batch_execute(&v4).unwrap();
    let r = env.run(&["--db", &db.url, "list"]).expect(2);
    assert!(r.stderr.contains("has schema 4, older than this claimdb's 5"), "{}", r.stderr);
    let r = env.run(&["--db", &db.url, "migrate"]).expect(0);
    assert!(r.stderr.contains("from schema 4 to 5"), "{}", r.stderr);
    let r = env.run(&["--db", &db.url, "migrate"]).expect(0);
    assert!(r.stderr.contains("is already at schema 5"), "{}", r.stderr);
    let mut c = db.client();
    c.batch_execute("INSERT INTO entities (name, kind) VALUES ('residents', 'unnamed')").unwrap();
    assert!(c.batch_execute("INSERT INTO entities (name, kind) VALUES ('crowd', 'mob')").is_err());
}

#[test]
fn a_bad_import_leaves_the_server_database_as_it_was() {
    let Some(db) = Db::new("allornothing") else { return };
    let env = Env::new();
    env.run(&["init", &db.url, "--sample"]).expect(0);
    let before = env.run(&["--db", &db.url, "export"]).expect(0).stdout;
    // A good entity and source, then a claim whose quote is not in its source.
    let bad = concat!(
        "{\"type\":\"entity\",\"name\":\"Somewhere New\",\"kind\":\"place\"}\n",
        "{\"type\":\"source\",\"id\":\"new-src\",\"title\":\"T\",\"text\":\"Some 40 troops arrived.\"}\n",
        "{\"type\":\"claim\",\"id\":\"n1\",\"source\":\"new-src\",\"kind\":\"troops\",\"quote\":\"Some 40 troops\",\"start\":0,\"end\":14,\"text\":\"Some 40 troops arrived.\"}\n",
        "{\"type\":\"claim\",\"id\":\"n2\",\"source\":\"new-src\",\"kind\":\"troops\",\"quote\":\"Some 50 troops\",\"start\":0,\"end\":14,\"text\":\"x\"}\n",
    );
    env.write("bad.ndjson", bad);
    let r = env.run(&["--db", &db.url, "import", "bad.ndjson"]).expect(2);
    assert!(r.stderr.contains("quote does not match") && r.stderr.contains("nothing was imported"), "{}", r.stderr);
    // A claim under an existing id with other content is found only when the staged rows meet
    // the stored ones: still nothing lands.
    let clash = "{\"type\":\"claim\",\"id\":\"cc16\",\"source\":\"centcom-isis-2025-01\",\"kind\":\"troops\",\"quote\":\"Around 2,500 U.S. troops are in Iraq\",\"start\":1700,\"end\":1736,\"text\":\"Other words.\"}\n";
    env.write("clash.ndjson", &format!("{}{clash}", &bad[..bad.find("{\"type\":\"claim\",\"id\":\"n2\"").unwrap()]));
    let r = env.run(&["--db", &db.url, "import", "clash.ndjson"]).expect(2);
    assert!(r.stderr.contains("claim `cc16` already exists with different content"), "{}", r.stderr);
    assert_eq!(env.run(&["--db", &db.url, "export"]).stdout, before, "nothing of either import landed");
    // The same records again, whole and right, go in; a second time they change nothing.
    env.write("good.ndjson", &bad[..bad.find("{\"type\":\"claim\",\"id\":\"n2\"").unwrap()]);
    let r = env.run(&["--db", &db.url, "import", "good.ndjson"]).expect(0);
    assert!(r.stderr.contains("1 claim"), "{}", r.stderr);
    let r = env.run(&["--db", &db.url, "import", "good.ndjson"]).expect(0);
    assert!(r.stderr.contains("0 claims") && r.stderr.contains("3 records already there"), "{}", r.stderr);
}

#[test]
fn sql_on_the_server_reads_and_the_server_refuses_every_write() {
    let Some(db) = Db::new("readonly") else { return };
    let env = Env::new();
    env.run(&["init", &db.url, "--sample"]).expect(0);
    let r = env
        .run(&[
            "--db",
            &db.url,
            "sql",
            "SELECT kind, count(*) AS n, sum(value) FROM claims GROUP BY kind ORDER BY kind",
            "--format",
            "csv",
        ])
        .expect(0);
    assert!(r.stdout.starts_with("kind,n,sum\n"), "{}", r.stdout);
    // Types claimdb never stores, as text; one it does not read, by name.
    let sql = "SELECT date '2025-01-06' AS d, timestamptz '2025-01-06 12:00:00+00' AS t,
                      timestamp '2025-01-06 12:30:00' AS ts, '{\"a\": 1}'::jsonb AS j,
                      'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS u, '\\xdead'::bytea AS b,
                      ARRAY[1, 2] AS arr, NULL::date AS none";
    let r = env.run(&["--db", &db.url, "sql", sql, "--format", "json"]).expect(0);
    let row: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        row[0],
        serde_json::json!({"d": "2025-01-06", "t": "2025-01-06T12:00:00Z", "ts": "2025-01-06T12:30:00",
            "j": "{\"a\": 1}", "u": "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "b": "\\xdead", "arr": "<_int4>",
            "none": null}),
        "{}",
        r.stdout
    );
    for write in [
        "DELETE FROM claims",
        "UPDATE claims SET value = 1",
        "INSERT INTO entities (name, kind) VALUES ('x', 'place')",
        "CREATE TABLE x (y int)",
        "DROP TABLE claims",
        "WITH d AS (DELETE FROM claims RETURNING 1) SELECT count(*) FROM d",
        "SELECT nextval(pg_get_serial_sequence('claims', 'pk'))",
    ] {
        let r = env.run(&["--db", &db.url, "sql", write]).expect(2);
        assert!(r.stderr.contains("read-only") || r.stderr.contains("permission denied"), "{write}: {}", r.stderr);
    }
    // Two statements in one go are refused by the protocol, so one cannot end the transaction.
    env.run(&["--db", &db.url, "sql", "COMMIT; DELETE FROM claims"]).expect(2);
    let n: i64 = db.client().query_one("SELECT count(*) FROM claims", &[]).unwrap().get(0);
    assert_eq!(n, 34, "every claim is still there");
    // A statement that runs too long is stopped by the server, with the same message as SQLite's.
    let r = env.run(&["--db", &db.url, "sql", "SELECT pg_sleep(10)", "--timeout", "0.2"]).expect(2);
    assert!(r.stderr.contains("stopped after 0.2 s (--timeout)"), "{}", r.stderr);
    // Reading commands never write either: the database is as `init` left it.
    let r = env.run(&["--db", &db.url, "check", "Around 2,500 U.S. troops are in Iraq"]).expect(0);
    assert!(r.stdout.contains("supported"));
}

#[test]
fn concurrent_imports_on_the_server_are_each_all_or_nothing() {
    let Some(db) = Db::new("concurrent") else { return };
    let env = Env::new();
    env.run(&["init", &db.url]).expect(0);
    // Four writers at once, each with its own source and claims, and one more whose last claim
    // is bad: four land whole, the fifth not at all.
    let mut children = Vec::new();
    for w in 0..5 {
        let text: String = (0..200).map(|i| format!("Some {i} troops arrived. ")).collect();
        let mut lines = vec![format!(
            "{{\"type\":\"source\",\"id\":\"w{w}\",\"title\":\"Writer {w}\",\"text\":{}}}",
            serde_json::to_string(&text).unwrap()
        )];
        let mut at = 0;
        for i in 0..200 {
            let quote = format!("Some {i} troops");
            let len = quote.chars().count();
            let bad = w == 4 && i == 199;
            lines.push(format!(
                "{{\"type\":\"claim\",\"id\":\"w{w}-{i}\",\"source\":\"w{w}\",\"kind\":\"troops\",\"quote\":\"{quote}\",\"start\":{},\"end\":{},\"text\":\"{quote} arrived.\",\"value\":{i},\"unit\":\"troops\",\"qualifier\":\"approximate\",\"location\":\"Iraq\"}}",
                if bad { at + 1 } else { at },
                at + len
            ));
            at += format!("Some {i} troops arrived. ").chars().count();
        }
        let file = env.write(&format!("w{w}.ndjson"), &(lines.join("\n") + "\n"));
        let mut cmd = env.command(&["--db", &db.url, "import", &file.display().to_string()]);
        children.push(cmd.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped()).spawn().unwrap());
    }
    let codes: Vec<i32> = children.into_iter().map(|c| c.wait_with_output().unwrap().status.code().unwrap()).collect();
    assert_eq!(codes, [0, 0, 0, 0, 2]);
    let mut c = db.client();
    let claims: i64 = c.query_one("SELECT count(*) FROM claims", &[]).unwrap().get(0);
    let sources: i64 = c.query_one("SELECT count(*) FROM sources", &[]).unwrap().get(0);
    let places: i64 = c.query_one("SELECT count(*) FROM entities WHERE name = 'Iraq'", &[]).unwrap().get(0);
    assert_eq!((claims, sources, places), (800, 4, 1));
    env.run(&["--db", &db.url, "verify"]).expect(0);
    // Into a database with no claimdb schema yet, each import makes it in its own transaction:
    // the first makes it, the others wait and find it made.
    let Some(fresh) = Db::new("concurrent_fresh") else { return };
    let children: Vec<_> = (0..4)
        .map(|w| {
            let file = env.path(&format!("w{w}.ndjson")).display().to_string();
            let mut cmd = env.command(&["--db", &fresh.url, "import", &file]);
            cmd.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped()).spawn().unwrap()
        })
        .collect();
    let outs: Vec<_> = children.into_iter().map(|c| c.wait_with_output().unwrap()).collect();
    for o in &outs {
        assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let claims: i64 = fresh.client().query_one("SELECT count(*) FROM claims", &[]).unwrap().get(0);
    assert_eq!(claims, 800);
}

/// Needs no server: a server that is not there is a clear error naming where it was looked for.
#[test]
fn an_unreachable_server_is_a_clear_error_naming_it() {
    let env = Env::new();
    let r = env.run(&["--db", "postgres://reporter:secret@127.0.0.1:9/claims", "query", "troops"]).expect(2);
    assert!(r.stderr.contains("cannot connect to postgres://reporter@127.0.0.1:9/claims"), "{}", r.stderr);
    assert!(!r.stderr.contains("secret"), "the password is never shown: {}", r.stderr);
    let r = env.run(&["--db", "postgres://[nonsense", "query", "troops"]).expect(2);
    assert!(r.stderr.contains("not a PostgreSQL URL"), "{}", r.stderr);
    assert!(!Path::new(&env.path("postgres:")).exists(), "a URL is never taken for a file name");
}

/// A wrong password is refused by the server and said so, naming the server but not the
/// password; the right one gets in. `.ci/postgres` makes `claimdb_password` ask for one over TCP.
#[test]
fn a_wrong_password_is_a_clear_error_naming_the_server() {
    let Some(db) = Db::new("password") else { return };
    let mut admin = db.client();
    let port: String = admin.query_one("SHOW port", &[]).unwrap().get(0);
    admin
        .batch_execute(
            "DO $$ BEGIN
                 IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'claimdb_password') THEN
                     CREATE ROLE claimdb_password LOGIN;
                 END IF;
             END $$;
             ALTER ROLE claimdb_password PASSWORD 'right horse battery'",
        )
        .unwrap();
    let env = Env::new();
    let url = |password: &str| format!("postgres://claimdb_password:{password}@127.0.0.1:{port}/{}", db.name);
    let wrong = env.run(&["--db", &url("wrong%20staple"), "list"]);
    if !wrong.stderr.contains("password authentication failed") {
        assert!(std::env::var_os("CI").is_none(), "the CI cluster asks claimdb_password for its password");
        eprintln!("skipped: the test server does not ask for passwords: {}", wrong.stderr);
        return;
    }
    let named = format!("cannot connect to postgres://claimdb_password@127.0.0.1:{port}/{}", db.name);
    assert!(wrong.stderr.contains(&named), "{}", wrong.stderr);
    assert!(wrong.stderr.contains("password authentication failed"), "{}", wrong.stderr);
    assert!(!wrong.stderr.contains("staple"), "the password is never shown: {}", wrong.stderr);
    // The right password gets as far as the database, which holds no claimdb schema yet.
    let right = env.run(&["--db", &url("right%20horse%20battery"), "list"]).expect(2);
    assert!(right.stderr.contains("holds no claimdb database yet"), "{}", right.stderr);
}

/// `sslmode=require` encrypts the connection (the test cluster has a self-signed certificate,
/// which `require` does not check, as with libpq); `verify-full` refuses that certificate.
#[test]
fn sslmode_require_connects_over_tls_and_verify_full_checks_the_certificate() {
    let Some(db) = Db::new("tls") else { return };
    let mut admin = db.client();
    let ssl: String = admin.query_one("SHOW ssl", &[]).unwrap().get(0);
    let port: String = admin.query_one("SHOW port", &[]).unwrap().get(0);
    if ssl != "on" {
        assert!(std::env::var_os("CI").is_none(), "the CI cluster serves TLS (.ci/postgres needs openssl)");
        eprintln!("skipped: the test server does not serve TLS");
        return;
    }
    let env = Env::new();
    let url = format!("postgres://claimdb@127.0.0.1:{port}/{}?sslmode=require", db.name);
    env.run(&["init", &url, "--sample"]).expect(0);
    // `claimdb sql` reads as a role that cannot see pg_stat_ssl's rows; sslinfo asks the session.
    admin.batch_execute(&format!("ALTER DATABASE {} OWNER TO CURRENT_USER", db.name)).unwrap();
    let mut own = db.client();
    own.batch_execute("CREATE EXTENSION IF NOT EXISTS sslinfo").expect("sslinfo (PostgreSQL's contrib)");
    let r = env.run(&["--db", &url, "sql", "SELECT ssl_is_used()", "-F", "tsv", "--no-headers"]).expect(0);
    assert_eq!(r.stdout.trim(), "1", "the connection is encrypted");
    let plain = url.replace("sslmode=require", "sslmode=disable");
    let r = env.run(&["--db", &plain, "sql", "SELECT ssl_is_used()", "-F", "tsv", "--no-headers"]).expect(0);
    assert_eq!(r.stdout.trim(), "0", "and disable means in the clear");
    env.run(&["--db", &url, "query", "troops in Iraq"]).expect(0);
    let strict = url.replace("sslmode=require", "sslmode=verify-full");
    let r = env.run(&["--db", &strict, "query", "troops in Iraq"]).expect(2);
    assert!(r.stderr.contains("cannot connect to") && r.stderr.contains("certificate"), "{}", r.stderr);
}

/// A copy that fails leaves at most claimdb's empty schema behind, which the next copy takes;
/// a dry run against a server with no claimdb database writes nothing there at all.
#[test]
fn a_failed_copy_can_be_retried_and_a_dry_run_writes_nothing() {
    let Some(db) = Db::new("retry") else { return };
    let env = Env::new();
    let article = project_file("tests/check/sources/wire-2025-01-07-deir-ez-zor-raid.txt").display().to_string();
    let r = env.run(&["--db", &db.url, "ingest", "--dry-run", &article, "--format", "tsv"]).expect(0);
    assert!(r.stdout.lines().count() > 2, "the dry run shows its claims");
    let tables: i64 =
        db.client().query_one("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", &[]).unwrap().get(0);
    assert_eq!(tables, 0, "a dry run made no schema");
    // A file whose claim no longer matches its source (edited behind claimdb's back) fails the copy.
    env.sample_db("c.db");
    let conn = rusqlite::Connection::open(env.path("c.db")).unwrap();
    conn.execute_batch("PRAGMA ignore_check_constraints = ON; UPDATE claims SET text = 'x' || text WHERE id = 'cc16';")
        .unwrap();
    conn.execute_batch("UPDATE claims SET quote = 'Around 2,500 U.S. troops are in IRAQ' WHERE id = 'cc16'").unwrap();
    drop(conn);
    let r = env.run(&["copy", "--from", "c.db", "--to", &db.url]).expect(2);
    assert!(r.stderr.contains("cc16") && r.stderr.contains("nothing was copied"), "{}", r.stderr);
    let claims: i64 = db.client().query_one("SELECT count(*) FROM claims", &[]).unwrap().get(0);
    assert_eq!(claims, 0);
    env.sample_db("good.db");
    env.run(&["copy", "--from", "good.db", "--to", &db.url]).expect(0);
    let r = env.run(&["copy", "--from", "good.db", "--to", &db.url]).expect(2);
    assert!(r.stderr.contains("already holds a claimdb database"), "{}", r.stderr);
}
