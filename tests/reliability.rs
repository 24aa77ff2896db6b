//! What a shared fact database must promise, each shown: commands that only read never change a
//! file and work where nothing may be written; a failed write leaves every byte as it was; and
//! readers and writers from several processes at once all get through.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use common::{Env, Run};

/// Every command that only reads, with arguments that make it read the whole file.
const READERS: &[&[&str]] = &[
    &["list"],
    &["query", "troops in Iraq"],
    &["query", "claims where text ~ cave"],
    &["show", "cc16"],
    &["sources"],
    &["entities"],
    &["export"],
    &["explain", "claims in Syria"],
    &["verify"],
    &["sql", "SELECT count(*) FROM claims"],
    &["fields"],
];

/// Runs claimdb as a user without privileges, so that file permissions hold: root reads and
/// writes any file whatever its mode bits say.
fn unprivileged(env: &Env, args: &[&str]) -> Run {
    let bin = env!("CARGO_BIN_EXE_claimdb");
    let mut cmd = if is_root() {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--", bin]);
        c
    } else {
        Command::new(bin)
    };
    cmd.args(args).current_dir(env.dir.path()).env_remove("CLAIMDB_DB").env("HOME", env.dir.path());
    common::run(cmd)
}

fn is_root() -> bool {
    std::fs::metadata("/proc/self").map(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0).unwrap_or(false)
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// The journal mode a file's header records: 1 for a rollback journal, 2 for WAL.
fn header_journal(path: &Path) -> (u8, u8) {
    let bytes = std::fs::read(path).unwrap();
    (bytes[18], bytes[19])
}

#[test]
fn reading_commands_leave_the_file_byte_for_byte_as_it_was() {
    let env = Env::new();
    let db = env.sample_db("a.db");
    let before = std::fs::read(&db).unwrap();
    for args in READERS {
        let mut all = vec!["--db", "a.db"];
        all.extend_from_slice(args);
        env.run(&all).expect(0);
        assert_eq!(std::fs::read(&db).unwrap(), before, "`claimdb {}` changed the file", args.join(" "));
    }
    let run = common::pipe(env.command(&["--db", "a.db", "shell"]), "troops in Iraq\n.fields\n");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(std::fs::read(&db).unwrap(), before, "the shell changed the file");
}

/// Regression: the first read of a file in rollback-journal mode (as a killed import left it)
/// switched it to WAL, and `list` wrote a schema into an empty file.
#[test]
fn reading_never_switches_the_journal_or_writes_a_schema() {
    let env = Env::new();
    let db = env.sample_db("a.db");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let _: String = conn.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0)).unwrap();
    }
    assert_eq!(header_journal(&db), (1, 1));
    let before = std::fs::read(&db).unwrap();
    env.run(&["--db", "a.db", "list"]).expect(0);
    env.run(&["--db", "a.db", "verify"]).expect(0);
    assert_eq!(std::fs::read(&db).unwrap(), before, "a read rewrote a rollback-journal file");

    env.write("empty.db", "");
    let run = env.run(&["--db", "empty.db", "list"]).expect(2);
    assert!(run.stderr.contains("empty.db is an empty file, not a claimdb database yet"), "{}", run.stderr);
    assert_eq!(std::fs::metadata(env.path("empty.db")).unwrap().len(), 0, "list wrote into an empty file");
}

/// Regression: on a read-only file `verify` reported a false search-index fault (its check is an
/// INSERT), and reads failed on a read-only file in rollback-journal mode.
#[test]
fn reading_commands_work_on_a_read_only_file_and_folder() {
    let env = Env::new();
    // A folder anyone may write to (as /tmp is), so that the read-only file is read the normal
    // way, with its WAL index beside it; the read-only folder comes after.
    chmod(env.dir.path(), 0o1777);
    let db = env.sample_db("a.db");
    for journal in ["WAL", "DELETE"] {
        {
            chmod(&db, 0o644);
            let conn = rusqlite::Connection::open(&db).unwrap();
            let _: String = conn.query_row(&format!("PRAGMA journal_mode = {journal}"), [], |r| r.get(0)).unwrap();
        }
        chmod(&db, 0o444);
        let before = std::fs::read(&db).unwrap();
        for args in READERS {
            let mut all = vec!["--db", "a.db"];
            all.extend_from_slice(args);
            let run = unprivileged(&env, &all);
            assert_eq!(run.code, 0, "{journal}: `claimdb {}` on a read-only file: {}", args.join(" "), run.stderr);
        }
        assert_eq!(std::fs::read(&db).unwrap(), before);
        // A write says what is wrong in words, not "disk I/O error".
        env.write("one.ndjson", r#"{"type":"entity","name":"Atlantis","kind":"place"}"#);
        chmod(&env.path("one.ndjson"), 0o644);
        let run = unprivileged(&env, &["--db", "a.db", "import", "one.ndjson"]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(run.stderr.contains("a.db cannot be written"), "{journal}: {}", run.stderr);
    }
    // And in a folder where nothing can be created, not even the WAL index.
    chmod(&db, 0o644);
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let _: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).unwrap();
    }
    for leftover in ["a.db-wal", "a.db-shm"] {
        let _ = std::fs::remove_file(env.path(leftover));
    }
    chmod(env.dir.path(), 0o555);
    for args in READERS {
        let mut all = vec!["--db", "a.db"];
        all.extend_from_slice(args);
        let run = unprivileged(&env, &all);
        assert_eq!(run.code, 0, "`claimdb {}` in a read-only folder: {}", args.join(" "), run.stderr);
    }
    chmod(env.dir.path(), 0o755);
}

/// Regression: a failed (or no-op) import switched the journal mode to DELETE and back around
/// the load, which bumped SQLite's change counters in the file header even when it rolled back.
#[test]
fn a_failed_import_leaves_the_file_byte_for_byte_as_it_was() {
    let env = Env::new();
    let db = env.sample_db("a.db");
    let before = std::fs::read(&db).unwrap();
    env.write("bad.ndjson", r#"{"type":"entity","name":"Iraq","kind":"country","parent":"Hamrin Mountains"}"#);
    env.run(&["--db", "a.db", "import", "bad.ndjson"]).expect(2);
    let after = std::fs::read(&db).unwrap();
    let differing: Vec<usize> = (0..before.len().min(after.len())).filter(|&i| before[i] != after[i]).collect();
    assert!(after == before, "the file changed at byte offsets {differing:?}");
    // Importing records that are all there already writes nothing either.
    env.write("same.ndjson", r#"{"type":"entity","name":"Iraq","kind":"country"}"#);
    let run = env.run(&["--db", "a.db", "import", "same.ndjson"]).expect(0);
    assert!(run.stderr.contains("(1 record already there unchanged)"), "{}", run.stderr);
    assert_eq!(header_journal(&db), (2, 2), "the file stays in WAL");
    // A file in rollback-journal mode is left in it by a failed import (the switch to WAL waits
    // for a write that commits), and put in WAL by one that succeeds.
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let _: String = conn.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0)).unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    env.run(&["--db", "a.db", "import", "bad.ndjson"]).expect(2);
    assert_eq!(std::fs::read(&db).unwrap(), before, "a failed import changed a rollback-journal file");
    env.write("new.ndjson", r#"{"type":"entity","name":"Atlantis","kind":"place"}"#);
    env.run(&["--db", "a.db", "import", "new.ndjson"]).expect(0);
    assert_eq!(header_journal(&db), (2, 2), "a committed import puts the file in WAL");
}

/// A batch of `n` claims on a source of its own, as one NDJSON file.
fn batch(env: &Env, name: &str, n: usize) -> String {
    let words: Vec<String> = (0..n).map(|i| format!("w{i:05}")).collect();
    let text = words.join(" ");
    let mut lines = vec![format!(r#"{{"type":"source","id":"{name}","title":"Batch {name}","text":"{text}"}}"#)];
    for (i, w) in words.iter().enumerate() {
        let start = i * 7;
        lines.push(format!(
            r#"{{"type":"claim","id":"{name}-{i}","source":"{name}","kind":"other","quote":"{w}","start":{start},"end":{},"text":"Word {w}."}}"#,
            start + 6
        ));
    }
    env.write(&format!("{name}.ndjson"), &lines.join("\n"));
    format!("{name}.ndjson")
}

fn count(env: &Env) -> Run {
    env.run(&["--db", "a.db", "sql", "SELECT count(*) FROM claims", "--format", "tsv", "--no-headers"])
}

/// Regression: `import` failed at once with "database is locked" whenever any other connection
/// was open, and reads failed while an import ran (238 of 300 imports and 822 of 22,603 reads in
/// a 30 s run). One writer imports batches while four readers read, for a few seconds: no error
/// reaches anyone, no reader sees part of a batch, and the final count is every batch that
/// reported success.
#[test]
fn readers_and_a_writer_at_once_all_get_through() {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    const BATCH: usize = 25;
    let env = Arc::new(Env::new());
    env.sample_db("a.db");
    let base: usize = count(&env).expect(0).stdout.trim().parse().unwrap();
    let files: Vec<String> = (0..400).map(|i| batch(&env, &format!("b{i}"), BATCH)).collect();
    let done = Arc::new(AtomicBool::new(false));
    let readers: Vec<_> = (0..4)
        .map(|r| {
            let (env, done) = (Arc::clone(&env), Arc::clone(&done));
            std::thread::spawn(move || {
                let mut reads = 0;
                while !done.load(Ordering::Relaxed) {
                    let run = if r % 2 == 0 { count(&env) } else { env.run(&["--db", "a.db", "list", "-F", "tsv"]) };
                    assert_eq!(run.code, 0, "a reader failed: {}", run.stderr);
                    if r % 2 == 0 {
                        let n: i64 = run.stdout.trim().parse().unwrap();
                        assert_eq!((n - base as i64) % BATCH as i64, 0, "a reader saw part of a batch: {n} claims");
                    }
                    reads += 1;
                }
                reads
            })
        })
        .collect();
    let start = Instant::now();
    let mut imported = 0;
    for file in &files {
        if start.elapsed() > Duration::from_secs(3) {
            break;
        }
        let run = env.run(&["--db", "a.db", "import", file]);
        assert_eq!(run.code, 0, "an import failed: {}", run.stderr);
        imported += 1;
    }
    done.store(true, Ordering::Relaxed);
    let reads: usize = readers.into_iter().map(|t| t.join().expect("a reader panicked")).sum();
    assert!(imported >= 3 && reads >= 20, "too little happened to show anything: {imported} imports, {reads} reads");
    let n: usize = count(&env).expect(0).stdout.trim().parse().unwrap();
    assert_eq!(n, base + imported * BATCH);
    env.run(&["--db", "a.db", "verify"]).expect(0);
}

/// Two writers at once: the second waits for the first (its busy timeout) instead of failing.
#[test]
fn two_writers_at_once_both_succeed() {
    let env = std::sync::Arc::new(Env::new());
    env.sample_db("a.db");
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let env = std::sync::Arc::clone(&env);
            let files: Vec<String> = (0..8).map(|i| batch(&env, &format!("w{w}x{i}"), 200)).collect();
            std::thread::spawn(move || {
                for f in &files {
                    let run = env.run(&["--db", "a.db", "import", f]);
                    assert_eq!(run.code, 0, "writer {w}: {}", run.stderr);
                }
            })
        })
        .collect();
    for w in writers {
        w.join().expect("a writer failed");
    }
    let n: usize = count(&env).expect(0).stdout.trim().parse().unwrap();
    assert_eq!(n, 34 + 2 * 8 * 200);
}

/// Crash safety: imports killed with SIGKILL at moments spread over their run, half into a new
/// file and half appending to one in use. After each, the file (if there is one) passes SQLite's
/// integrity check and `verify`, holds all of the batch or none of it, and reads with a command
/// that only reads.
#[test]
fn imports_killed_at_any_moment_leave_all_of_the_batch_or_none() {
    use std::time::{Duration, Instant};

    const TRIALS: u32 = 50;
    const BATCH: usize = 3_000;
    let env = Env::new();
    let base = env.sample_db("base.db");
    let file = batch(&env, "k", BATCH);
    // How long one import takes here, to spread the kills over it.
    let t = Instant::now();
    env.run(&["--db", "timing.db", "import", &file]).expect(0);
    let span = t.elapsed().max(Duration::from_millis(20));
    let (mut all, mut none, mut absent) = (0, 0, 0);
    // Kills spread over 0..1.2 of the run, in an order that does not follow the trial number. On
    // a machine busy with other tests an import may take longer than the timing run did, so if
    // no kill landed after a commit, a few more trials wait twice as long each time.
    let delays = (0..TRIALS)
        .map(|trial| span.mul_f64(((trial * 37) % TRIALS) as f64 / TRIALS as f64 * 1.2))
        .chain((1..=6).map(|k| span.mul_f64(1.2 * f64::from(1u32 << k))));
    for (trial, at) in delays.enumerate() {
        if trial >= TRIALS as usize && all > 0 {
            break;
        }
        let fresh = trial % 2 == 0;
        let db = env.path("t.db");
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
        if !fresh {
            std::fs::copy(&base, &db).unwrap();
        }
        let mut child =
            env.command(&["--db", "t.db", "import", &file]).stderr(std::process::Stdio::null()).spawn().unwrap();
        std::thread::sleep(at);
        let _ = child.kill();
        let _ = child.wait();
        if !db.exists() {
            assert!(fresh, "trial {trial}: the file in use went away");
            absent += 1;
            continue;
        }
        // Commands that only read come first, so nothing has repaired the file for them.
        env.run(&["--db", "t.db", "verify"]).expect(0);
        {
            let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY;
            let conn = rusqlite::Connection::open_with_flags(&db, flags).unwrap();
            let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
            assert_eq!(check, "ok", "trial {trial}");
        }
        let n: i64 = env
            .run(&["--db", "t.db", "sql", "SELECT count(*) FROM claims", "-F", "tsv", "--no-headers"])
            .expect(0)
            .stdout
            .trim()
            .parse()
            .unwrap();
        let had = if fresh { 0 } else { 34 };
        match n - had {
            0 => none += 1,
            x if x == BATCH as i64 => all += 1,
            x => panic!("trial {trial}: {x} of the batch's {BATCH} claims are in the file"),
        }
        env.run(&["--db", "t.db", "list", "-F", "tsv"]).expect(if n > 0 { 0 } else { 1 });
    }
    // The kills must have landed both before and after commits, or nothing was shown.
    assert!(none + absent > 0 && all > 0, "all {all}, none {none}, no file {absent}: the kills missed the window");
}

/// `backup` copies the database consistently while a writer works on it: the copy verifies and
/// exports exactly as the original did at some moment (all of a batch or none of it).
#[test]
fn backup_is_a_consistent_copy_made_while_others_write() {
    let env = std::sync::Arc::new(Env::new());
    env.sample_db("a.db");
    let original = env.run(&["--db", "a.db", "export"]).expect(0).stdout;
    env.run(&["--db", "a.db", "backup", "copy.db"]).expect(0);
    env.run(&["--db", "copy.db", "verify"]).expect(0);
    assert_eq!(env.run(&["--db", "copy.db", "export"]).expect(0).stdout, original);
    let run = env.run(&["--db", "a.db", "backup", "copy.db"]).expect(2);
    assert!(run.stderr.contains("copy.db already exists"), "{}", run.stderr);
    // Now with a writer importing batches all the while.
    let files: Vec<String> = (0..6).map(|i| batch(&env, &format!("bk{i}"), 2_000)).collect();
    let writer = {
        let env = std::sync::Arc::clone(&env);
        std::thread::spawn(move || {
            for f in &files {
                env.run(&["--db", "a.db", "import", f]).expect(0);
            }
        })
    };
    for i in 0..6 {
        let name = format!("during{i}.db");
        env.run(&["--db", "a.db", "backup", &name]).expect(0);
        env.run(&["--db", &name, "verify"]).expect(0);
        let n: i64 = env
            .run(&["--db", &name, "sql", "SELECT count(*) FROM claims", "-F", "tsv", "--no-headers"])
            .expect(0)
            .stdout
            .trim()
            .parse()
            .unwrap();
        assert_eq!((n - 34) % 2_000, 0, "backup {i} caught part of a batch: {n} claims");
    }
    writer.join().expect("the writer failed");
}

/// `import --exclusive` loads in bulk into a file in use: every record arrives, the file ends in
/// WAL again, and it verifies.
#[test]
fn an_exclusive_import_loads_in_bulk_and_leaves_the_file_as_shared_as_before() {
    let env = Env::new();
    let db = env.sample_db("a.db");
    let file = batch(&env, "x", 500);
    env.run(&["--db", "a.db", "import", &file, "--exclusive"]).expect(0);
    assert_eq!(header_journal(&db), (2, 2));
    env.run(&["--db", "a.db", "verify"]).expect(0);
    let n = count(&env).expect(0).stdout;
    assert_eq!(n.trim(), "534");
}
