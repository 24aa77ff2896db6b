//! The test harness: a temporary directory to run the real `claimdb` binary in, with no
//! `CLAIMDB_DB` leaking in from the environment, on either engine.
//!
//! A test written against `Env::each()` runs once per engine: on SQLite, and on PostgreSQL when
//! `CLAIMDB_TEST_POSTGRES` names a server (an administrator's URL; `.ci/postgres start` makes a
//! throwaway cluster and prints it). On PostgreSQL, an argument that is a bare file name ending in
//! `.db` (`--db c.db`, `init c.db`, `copy --to c.db`) names a database of the test's own on the
//! server, made on first use and dropped afterwards; a command given no `--db` reads the sample
//! there, as it reads the built-in sample on SQLite. So one test body asserts the same rows and
//! verdicts of both engines. Without a server the PostgreSQL run is skipped with a printed reason,
//! and under CI it fails instead.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

pub struct Env {
    pub dir: tempfile::TempDir,
    server: Option<Server>,
}

/// What a run printed and how it ended.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    engine: &'static str,
}

impl Run {
    fn from(out: Output, engine: &'static str) -> Run {
        Run {
            code: out.status.code().expect("claimdb was killed by a signal"),
            stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
            engine,
        }
    }

    /// Asserts the exit status, showing both streams when it is wrong.
    pub fn expect(self, code: i32) -> Run {
        assert_eq!(
            self.code, code,
            "exit status on {}\n--- stdout\n{}\n--- stderr\n{}",
            self.engine, self.stdout, self.stderr
        );
        self
    }
}

/// The PostgreSQL side of an `Env`: the server, and the databases made on it for this test.
struct Server {
    admin: String,
    /// Unique to this `Env` among every test process: `claimdb_t<pid>_<n>`.
    prefix: String,
    made: Mutex<Vec<String>>,
}

impl Server {
    fn connect(&self) -> postgres::Client {
        postgres::Client::connect(&self.admin, postgres::NoTls).expect("the test server answers")
    }

    /// The URL of database `name` on the same server as the administrator's URL.
    fn url(&self, name: &str) -> String {
        let (base, tail) = self.admin.rsplit_once('/').expect("CLAIMDB_TEST_POSTGRES names a database");
        match tail.split_once('?') {
            Some((_, query)) => format!("{base}/{name}?{query}"),
            None => format!("{base}/{name}"),
        }
    }

    /// The database standing for file `file`, made (empty) the first time it is named.
    fn database(&self, file: &str) -> String {
        let stem: String = file
            .trim_end_matches(".db")
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '_' })
            .collect();
        let name = format!("{}_{stem}", self.prefix);
        assert!(name.len() < 64, "a database name PostgreSQL can hold: {name}");
        if !self.made.lock().unwrap().contains(&name) {
            let mut admin = self.connect();
            admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).unwrap();
            admin.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
            self.made.lock().unwrap().push(name.clone());
        }
        self.url(&name)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(mut admin) = postgres::Client::connect(&self.admin, postgres::NoTls) {
            for name in self.made.lock().unwrap().iter() {
                let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
            }
        }
    }
}

/// The administrator's URL of the test server: `None` (having said why) when there is none,
/// which under CI is a failure.
pub fn postgres_server(test: &str) -> Option<String> {
    if !cfg!(feature = "postgres") {
        eprintln!("skipped {test} on PostgreSQL: built without the `postgres` feature");
        return None;
    }
    match std::env::var("CLAIMDB_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            assert!(
                std::env::var_os("CI").is_none(),
                "CLAIMDB_TEST_POSTGRES is not set under CI: .ci/run must start the PostgreSQL server"
            );
            eprintln!("skipped {test} on PostgreSQL: no server (set CLAIMDB_TEST_POSTGRES, see README's Testing)");
            None
        }
    }
}

static ENVS: AtomicUsize = AtomicUsize::new(0);

impl Env {
    /// An environment on SQLite.
    pub fn new() -> Env {
        Env { dir: tempfile::tempdir().expect("a temporary directory"), server: None }
    }

    /// One environment per engine: SQLite, then PostgreSQL when a test server is configured.
    /// Each says on stderr which engine it is, so a failure's captured output names it.
    pub fn each() -> impl Iterator<Item = Env> {
        let server = postgres_server("this test");
        let sqlite = std::iter::once(()).map(|_| {
            eprintln!("=== on sqlite");
            Env::new()
        });
        let postgres = server.into_iter().map(|admin| {
            eprintln!("=== on postgres");
            let prefix = format!("claimdb_t{}_{}", std::process::id(), ENVS.fetch_add(1, Ordering::Relaxed));
            Env { server: Some(Server { admin, prefix, made: Mutex::new(Vec::new()) }), ..Env::new() }
        });
        sqlite.chain(postgres)
    }

    pub fn engine(&self) -> &'static str {
        if self.server.is_some() {
            "postgres"
        } else {
            "sqlite"
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, content: &str) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, content).unwrap();
        p
    }

    /// What to pass as `--db` for database `name` (a file name ending in `.db`): the name itself on
    /// SQLite, the URL of the test's database of that name on PostgreSQL.
    pub fn db(&self, name: &str) -> String {
        match &self.server {
            Some(server) if is_db_file(name) => server.database(name),
            _ => name.to_string(),
        }
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_claimdb"));
        c.current_dir(self.dir.path()).env_remove("CLAIMDB_DB").env_remove("COLUMNS");
        match &self.server {
            None => {
                c.args(args);
            }
            Some(server) => {
                c.args(args.iter().map(|a| self.db(a)));
                // No database named: the file `./claims.db` when the test made one, else the sample.
                if !args.contains(&"--db") {
                    let claims = format!("{}_claims", server.prefix);
                    let made = server.made.lock().unwrap().contains(&claims);
                    c.env("CLAIMDB_DB", if made { server.database("claims.db") } else { self.default_sample(server) });
                }
            }
        }
        c
    }

    /// On PostgreSQL, the database holding the sample that stands for the built-in one.
    fn default_sample(&self, server: &Server) -> String {
        // A stem no test's file name gives (`x.db` becomes `{prefix}_x`).
        let name = format!("{}__builtin_sample", server.prefix);
        if !server.made.lock().unwrap().contains(&name) {
            let url = server.database("_builtin_sample.db");
            let out = Command::new(env!("CARGO_BIN_EXE_claimdb")).args(["init", &url, "--sample"]).output().unwrap();
            assert!(out.status.success(), "init --sample on the server: {}", String::from_utf8_lossy(&out.stderr));
        }
        server.url(&name)
    }

    pub fn run(&self, args: &[&str]) -> Run {
        Run::from(self.command(args).stdin(Stdio::null()).output().expect("claimdb runs"), self.engine())
    }

    pub fn run_with_stdin(&self, args: &[&str], stdin: &str) -> Run {
        let mut r = pipe(self.command(args), stdin);
        r.engine = self.engine();
        r
    }

    /// `claimdb init --sample` at `name`.
    pub fn sample_db(&self, name: &str) -> PathBuf {
        self.run(&["init", name, "--sample"]).expect(0);
        self.path(name)
    }

    /// Database `name` as it stands, to compare before and after: the file's bytes on SQLite (or
    /// `None` when there is no file); on PostgreSQL, everything `export` writes (or `None` while
    /// the database holds no claimdb schema).
    pub fn contents(&self, name: &str) -> Option<Vec<u8>> {
        let Some(server) = &self.server else {
            return std::fs::read(self.path(name)).ok();
        };
        let url = server.database(name);
        let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
        let tables: i64 =
            client.query_one("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", &[]).unwrap().get(0);
        if tables == 0 {
            return None;
        }
        Some(self.run(&["--db", name, "export"]).expect(0).stdout.into_bytes())
    }
}

fn is_db_file(arg: &str) -> bool {
    arg.ends_with(".db") && !arg.contains('/') && !arg.starts_with('-')
}

/// Runs `cmd` with nothing on its standard input.
pub fn run(mut cmd: Command) -> Run {
    Run::from(cmd.stdin(Stdio::null()).output().expect("the command runs"), "sqlite")
}

/// Runs `cmd` with `stdin` written to its standard input.
pub fn pipe(mut cmd: Command, stdin: impl AsRef<[u8]>) -> Run {
    use std::io::Write;
    let mut child =
        cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("claimdb runs");
    child.stdin.take().unwrap().write_all(stdin.as_ref()).unwrap();
    Run::from(child.wait_with_output().unwrap(), "sqlite")
}

/// The articles the check tests' development database ingests beside the sample: three corpus
/// articles and the check tests' own four sources.
pub fn check_articles() -> Vec<String> {
    let corpus = project_file("tests/corpus");
    let mut files: Vec<String> = [
        "voa-2020-03-09-two-us-service-members-killed-iraq",
        "voa-2018-01-23-precision-strikes-kill-150",
        "defense-2024-10-24-soldiers-injured-raid-headed-to-walter-reed",
    ]
    .iter()
    .map(|n| corpus.join(format!("{n}.txt")).display().to_string())
    .collect();
    files.extend(texts_in("tests/check/sources"));
    files
}

/// The `.txt` files of a folder of the project's, in name order.
pub fn texts_in(rel: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(project_file(rel))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    files
}

/// Records whose figures have fractions, are tiny or are huge (a source `t` and claims n1…n3), and
/// a source with no claims (`empty`): what number formatting must get right.
pub fn numbers_ndjson() -> String {
    let text = "About 1234567.5 troops. 0.0000001 units. 9007199254740991 people.";
    let claim = |id: &str, quote: &str, start: usize, value: &str, unit: &str| {
        let end = start + quote.chars().count();
        format!(
            r#"{{"type":"claim","id":"{id}","source":"t","kind":"other","quote":"{quote}","start":{start},"end":{end},"text":"{quote}.","value":{value},"unit":"{unit}","qualifier":"approximate"}}"#
        )
    };
    [
        format!(
            r#"{{"type":"source","id":"t","title":"Numbers","published":"2025-01","added_at":"2025-01-07T00:00:00Z","text":"{text}"}}"#
        ),
        r#"{"type":"source","id":"empty","title":"Nothing claimed","added_at":"2025-01-07T00:00:00Z","text":"Nothing."}"#
            .to_string(),
        claim("n1", "About 1234567.5 troops", 0, "1234567.5", "troops"),
        claim("n2", "0.0000001 units", 24, "1e-7", "units"),
        claim("n3", "9007199254740991 people", 41, "9007199254740991", "people"),
    ]
    .join("\n")
}

/// The project's own files, for tests that read the sample directly.
pub fn project_file(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// Queries chosen to reach each compiler path: sugar, each operator on each field type, names
/// with hierarchy, dates at each precision, full text, aggregates, grouping, ordering.
pub const QUERIES: &[(&str, &str)] = &[
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
