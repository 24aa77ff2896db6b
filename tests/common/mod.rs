//! The test harness: a temporary directory to run the real `claimdb` binary in, with no
//! `CLAIMDB_DB` leaking in from the environment.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub struct Env {
    pub dir: tempfile::TempDir,
}

/// What a run printed and how it ended.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(out: Output) -> Run {
        Run {
            code: out.status.code().expect("claimdb was killed by a signal"),
            stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        }
    }

    /// Asserts the exit status, showing both streams when it is wrong.
    pub fn expect(self, code: i32) -> Run {
        assert_eq!(self.code, code, "exit status\n--- stdout\n{}\n--- stderr\n{}", self.stdout, self.stderr);
        self
    }
}

impl Env {
    pub fn new() -> Env {
        Env { dir: tempfile::tempdir().expect("a temporary directory") }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, content: &str) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, content).unwrap();
        p
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_claimdb"));
        c.args(args).current_dir(self.dir.path()).env_remove("CLAIMDB_DB").env_remove("COLUMNS");
        c
    }

    pub fn run(&self, args: &[&str]) -> Run {
        Run::from(self.command(args).stdin(Stdio::null()).output().expect("claimdb runs"))
    }

    pub fn run_with_stdin(&self, args: &[&str], stdin: &str) -> Run {
        pipe(self.command(args), stdin)
    }
    /// `claimdb init --sample` at `name`.
    pub fn sample_db(&self, name: &str) -> PathBuf {
        self.run(&["init", name, "--sample"]).expect(0);
        self.path(name)
    }
}

/// Runs `cmd` with nothing on its standard input.
pub fn run(mut cmd: Command) -> Run {
    Run::from(cmd.stdin(Stdio::null()).output().expect("the command runs"))
}

/// Runs `cmd` with `stdin` written to its standard input.
pub fn pipe(mut cmd: Command, stdin: impl AsRef<[u8]>) -> Run {
    use std::io::Write;
    let mut child =
        cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("claimdb runs");
    child.stdin.take().unwrap().write_all(stdin.as_ref()).unwrap();
    Run::from(child.wait_with_output().unwrap())
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
    let mut own: Vec<String> = std::fs::read_dir(project_file("tests/check/sources"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.display().to_string())
        .collect();
    own.sort();
    files.extend(own);
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
