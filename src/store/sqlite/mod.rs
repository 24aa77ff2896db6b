//! The SQLite engine: creating and opening database files (to read, to write, which migrates,
//! or for raw SQL), and the migrations. Its reads live in `read`, its side of an import in
//! `write` (with the bulk-load tuning in `bulk`), statements under their limits in `run`, raw
//! read-only SQL in `raw`.
//!
//! A claimdb file is marked by `PRAGMA application_id` and versioned by `PRAGMA user_version`.
//! Opening an older file migrates it forward in one transaction; a newer one is refused, since this
//! build cannot know what the newer schema promises.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, OpenFlags};

mod bulk;
mod raw;
mod read;
mod run;
mod write;

pub use run::SqlitePrepared;

use super::SCHEMA_VERSION;
use crate::dsl::dialect::{self, Dialect};
use crate::error::Error;
use crate::model::{format_figure, EntityKind, Qualifier};

/// `Clmd`, big-endian: tells claimdb files from other SQLite files.
pub const APPLICATION_ID: i64 = 0x436C_6D64;

pub const SCHEMA_SQL: &str = include_str!("../../../schema.sql");

/// Each migration brings a file from `version - 1` to `version`.
const MIGRATIONS: &[(i64, &str)] = &[
    (2, include_str!("../migrations/0002_search_and_view.sql")),
    (3, include_str!("../migrations/0003_cheaper_checks.sql")),
    (4, include_str!("../migrations/0004_bounds_and_origin.sql")),
    (5, include_str!("../migrations/0005_unnamed_entities.sql")),
];

/// An open database.
pub struct SqliteStore {
    conn: Connection,
    /// Where it lives; `None` for a database in memory (the built-in sample).
    path: Option<PathBuf>,
    /// Set when opening migrated the file, so the caller can say so.
    pub migrated_from: Option<i64>,
    /// Set by [`SqliteStore::make_read_only`]: what its authorizer first refused.
    refused: Option<raw::Refused>,
    /// No other process can be using the file: this process just created it. Only then may a
    /// bulk load trade WAL (which lets readers go on while it writes) for speed.
    private: bool,
    /// What stops a statement that runs too long (see [`SqliteStore::set_limits`]).
    limits: Arc<run::Limits>,
    /// How long to wait for another process's lock.
    busy: Duration,
}

impl SqliteStore {
    fn new(conn: Connection, path: Option<&Path>) -> SqliteStore {
        SqliteStore {
            conn,
            path: path.map(Path::to_path_buf),
            migrated_from: None,
            refused: None,
            private: false,
            limits: Arc::default(),
            busy: Duration::from_secs(5),
        }
    }

    /// Creates a new database file with the current schema. Refuses to touch an existing file.
    pub fn create(path: &Path, busy_timeout: Duration) -> Result<SqliteStore, Error> {
        if path.exists() {
            return Err(Error::msg(format!("{} already exists; pick another path or remove it first", path.display())));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| Error::msg(format!("cannot create {}: {e}", path.display())))?;
        configure_connection(&conn)?;
        let mut store = SqliteStore::new(conn, Some(path));
        store.private = true;
        // Schema first: the page size can only be chosen before WAL mode is set.
        store.apply_schema()?;
        store.configure_writer(busy_timeout)?;
        store.ensure_wal();
        Ok(store)
    }

    /// Opens an existing database to write to it, migrating it forward if it is older than this
    /// build. Waits up to `busy_timeout` for another writer to finish.
    pub fn open_write(path: &Path, busy_timeout: Duration) -> Result<SqliteStore, Error> {
        must_exist(path)?;
        let conn =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
                .map_err(|e| Error::msg(format!("cannot open {}: {e}", path.display())))?;
        configure_connection(&conn)?;
        conn.busy_timeout(busy_timeout)?;
        let mut store = SqliteStore::new(conn, Some(path));
        store.busy = busy_timeout;
        if store.is_read_only_file() {
            return Err(Error::msg(format!(
                "{} cannot be written (the file or its folder is read-only); reading commands still work on it",
                path.display()
            )));
        }
        store.check_and_migrate()?;
        store.configure_writer(busy_timeout)?;
        Ok(store)
    }

    /// Opens an existing database only to read it: SQLite's read-only mode and `query_only`, no
    /// migration, no change of journal mode. The file is left byte for byte as it was, and this
    /// works on a read-only file and in a read-only folder. A file of an older schema is refused
    /// with the command that migrates it.
    pub fn open_read(path: &Path, busy_timeout: Duration) -> Result<SqliteStore, Error> {
        must_exist(path)?;
        let store = SqliteStore::open_read_fallback(path, busy_timeout)?;
        match store.check()? {
            Checked::Version(SCHEMA_VERSION) => Ok(store),
            Checked::Version(v) => Err(Error::msg(format!(
                "{} has schema {v}, older than this claimdb's {SCHEMA_VERSION}; run `claimdb --db {} migrate` \
                 to bring it forward (commands that only read never change a file)",
                path.display(),
                path.display()
            ))),
            Checked::Empty => Err(Error::msg(format!(
                "{} is an empty file, not a claimdb database yet; `claimdb --db {} import FILE` makes it one",
                path.display(),
                path.display()
            ))),
        }
    }

    /// Opens read-only; where the WAL index cannot be opened or created by this user (a
    /// read-only folder), reads the file as immutable instead: what the last checkpoint wrote.
    fn open_read_fallback(path: &Path, busy_timeout: Duration) -> Result<SqliteStore, Error> {
        match SqliteStore::open_read_as(path, busy_timeout, false) {
            Err(e) if is_cannot_open(&e) => {
                // Immutable means no locks: safe only where no writer can be at work, which a
                // WAL, its index or a rollback journal beside the file would say there may be.
                let beside = ["-wal", "-shm", "-journal"]
                    .map(|s| PathBuf::from(format!("{}{s}", path.display())))
                    .into_iter()
                    .find(|p| std::fs::metadata(p).is_ok_and(|m| m.len() > 0 || p.to_string_lossy().ends_with("-shm")));
                match beside {
                    Some(other) => Err(Error::msg(format!(
                        "cannot read {}: this user cannot open {} beside it (a writer may be at work); \
                         read it as a user who can, or ask its owner",
                        path.display(),
                        other.display()
                    ))),
                    None => SqliteStore::open_read_as(path, busy_timeout, true),
                }
            }
            other => other,
        }
    }

    fn open_read_as(path: &Path, busy_timeout: Duration, immutable: bool) -> Result<SqliteStore, Error> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = if immutable {
            Connection::open_with_flags(immutable_uri(path)?, flags | OpenFlags::SQLITE_OPEN_URI)
        } else {
            // A plain path, as writers open it: `file:x.db` names a file of that name for both.
            Connection::open_with_flags(path, flags)
        }
        .map_err(|e| Error::msg(format!("cannot open {}: {e}", path.display())))?;
        configure_connection(&conn)?;
        conn.busy_timeout(busy_timeout)?;
        conn.execute_batch("PRAGMA query_only = ON;")?;
        let mut store = SqliteStore::new(conn, Some(path));
        store.busy = busy_timeout;
        // Opening is lazy: the first read is what opens the WAL index, so a folder that cannot
        // hold one shows here. Other faults are left for `check` to describe.
        match store.conn.query_row("PRAGMA application_id", [], |r| r.get::<_, i64>(0)) {
            Err(e) if cannot_open_wal_index(&e) => Err(Error::Sqlite(e)),
            _ => Ok(store),
        }
    }

    /// Opens an existing database for raw SQL: read-only as [`SqliteStore::open_read`] but of any
    /// schema version (raw SQL reads what is there), locked by the authorizer as well.
    pub fn open_for_sql(path: &Path, busy_timeout: Duration) -> Result<SqliteStore, Error> {
        must_exist(path)?;
        let mut store = SqliteStore::open_read_fallback(path, busy_timeout)?;
        store.check()?;
        store.make_read_only()?;
        Ok(store)
    }

    /// Whether SQLite opened the file read-only although asked to write (a read-only file, or a
    /// folder where the journal cannot be created).
    fn is_read_only_file(&self) -> bool {
        self.conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false)
    }

    /// A database image (a file's bytes) opened in memory: the built-in sample is one. Copying an
    /// image in takes microseconds where importing its files took milliseconds on every run.
    pub fn open_image(image: &[u8]) -> Result<SqliteStore, Error> {
        let mut conn = Connection::open_in_memory()?;
        conn.deserialize_read_exact(rusqlite::MAIN_DB, image, image.len(), false)?;
        let store = SqliteStore::in_memory(conn)?;
        match store.check()? {
            Checked::Version(SCHEMA_VERSION) => Ok(store),
            _ => Err(Error::msg("the database image is not at this build's schema (rebuild it)")),
        }
    }

    /// A new in-memory database with the current schema and nothing in it.
    pub fn empty_in_memory() -> Result<SqliteStore, Error> {
        let mut store = SqliteStore::in_memory(Connection::open_in_memory()?)?;
        store.apply_schema()?;
        Ok(store)
    }

    /// A store over an in-memory connection, with the settings every connection gets. No other
    /// process can see it.
    fn in_memory(conn: Connection) -> Result<SqliteStore, Error> {
        configure_connection(&conn)?;
        conn.execute_batch("PRAGMA foreign_keys = ON;")?;
        let mut store = SqliteStore::new(conn, None);
        store.private = true;
        Ok(store)
    }

    /// How long this store's connection waits for another process's lock.
    pub fn busy_timeout(&self) -> Duration {
        self.busy
    }

    /// Whether no other process can be using this database (see [`SqliteStore::bulk`]).
    pub fn is_private(&self) -> bool {
        self.private
    }

    /// Takes the file for this process alone for as long as the store is open: other readers and
    /// writers wait (up to their busy timeout) instead. `import --exclusive` asks for it to load
    /// in bulk into a file others may use.
    pub fn lock_exclusive(&mut self) -> Result<(), Error> {
        self.conn.execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;")?;
        self.private = true;
        Ok(())
    }

    /// The SQLite connection, for callers that need SQLite itself (benchmarks, tools).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// The SQL dialect queries against this store are compiled in.
    pub fn dialect(&self) -> &'static dyn Dialect {
        &dialect::Sqlite
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// A writer's settings. WAL lets readers go on while an import writes, so a file that may be
    /// shared stays in it; foreign keys are off by default in SQLite and must be asked for on
    /// every connection.
    fn configure_writer(&mut self, busy_timeout: Duration) -> Result<(), Error> {
        self.conn.execute_batch("PRAGMA foreign_keys = ON;")?;
        self.conn.busy_timeout(busy_timeout)?;
        Ok(())
    }

    /// Puts the file in WAL mode, where readers go on while a writer writes. Called once a write
    /// has committed, so a write that fails (or does nothing) leaves a rollback-journal file as it
    /// was. Switching needs the file to itself (readers of a rollback-journal file hold it): if it
    /// cannot, the file stays as it is, which says nothing against what was written.
    pub fn ensure_wal(&mut self) {
        if self.path.is_none() {
            return;
        }
        match self.conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0)) {
            Ok(m) if m == "wal" => {}
            Ok(m) => {
                eprintln!("claimdb: note: {} stays in journal mode {m} (it could not switch to WAL)", self.describe())
            }
            Err(e) => {
                eprintln!("claimdb: note: {} stays in its journal mode (switching to WAL failed: {e})", self.describe())
            }
        }
    }

    pub fn describe(&self) -> String {
        match &self.path {
            Some(p) => p.display().to_string(),
            None => "the built-in sample".into(),
        }
    }

    fn apply_schema(&mut self) -> Result<(), Error> {
        // 16 KiB pages rather than SQLite's 4 KiB: claim rows carry a quote and a text, source
        // rows whole articles, so fewer, fuller pages mean fewer overflow chains and B-tree
        // levels. A 100,000-claim import took 1.65 s with 4 KiB pages and 1.45 s with 16 KiB, in
        // a file of the same size. It only takes effect on a file with nothing in it yet.
        self.conn.execute_batch("PRAGMA page_size = 16384;")?;
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute_batch(SCHEMA_SQL)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        tx.commit()?;
        Ok(())
    }

    fn check_and_migrate(&mut self) -> Result<(), Error> {
        let version = match self.check()? {
            Checked::Empty => return self.apply_schema(),
            Checked::Version(v) => v,
        };
        if version < SCHEMA_VERSION {
            let name = self.describe();
            let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            // Another writer may have migrated the file while this one waited for the lock.
            let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            if version >= SCHEMA_VERSION {
                return Ok(());
            }
            for (to, sql) in MIGRATIONS.iter().filter(|(to, _)| *to > version) {
                tx.execute_batch(sql)
                    .map_err(|e| Error::msg(format!("migrating {name} to schema {to} failed: {e}")))?;
                tx.pragma_update(None, "user_version", to)?;
            }
            // A migration may edit `sqlite_schema` directly; the schema cookie tells every other
            // connection to the file that its cached schema is stale.
            let cookie: i64 = tx.query_row("PRAGMA schema_version", [], |r| r.get(0))?;
            tx.pragma_update(None, "schema_version", cookie + 1)?;
            // Preparing reads the edited schema back: a rewrite SQLite cannot parse fails here
            // and rolls back, rather than committing a file no one can open.
            tx.prepare("SELECT * FROM claims JOIN entities LIMIT 0")
                .map_err(|e| Error::msg(format!("migrating {name} left a schema SQLite refuses: {e}")))?;
            // An in-place edit whose text matched nothing changes nothing, silently: every kind of
            // entity this build writes must be one the file's CHECK allows.
            let entities: String =
                tx.query_row("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'entities'", [], |r| {
                    r.get(0)
                })?;
            if let Some(kind) = EntityKind::ALL.iter().find(|k| !entities.contains(&format!("'{k}'"))) {
                return Err(Error::msg(format!(
                    "migrating {name} to schema {SCHEMA_VERSION} failed: its entities table still refuses the kind `{kind}`"
                )));
            }
            tx.commit()?;
            self.migrated_from = Some(version);
        }
        Ok(())
    }

    /// Whether this is a claimdb file this build can read, and at which schema version.
    fn check(&self) -> Result<Checked, Error> {
        let name = self.describe();
        let not_sqlite = |e: rusqlite::Error| match e {
            rusqlite::Error::SqliteFailure(f, _) if f.extended_code == READONLY_ROLLBACK => Error::msg(format!(
                "{name} holds a write that was interrupted (a journal beside it); a reading command cannot roll \
                 it back: run `claimdb --db {name} migrate`, which does and changes nothing else"
            )),
            e if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
                Error::msg(format!("{name} is not a SQLite database (is it the right file?)"))
            }
            e => Error::msg(format!("cannot read {name}: {e}")),
        };
        let app: i64 = self.conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(not_sqlite)?;
        let version: i64 = self.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(not_sqlite)?;
        let objects: i64 = self.conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        if app == 0 && version == 0 && objects == 0 {
            // An empty file (`touch claims.db`): the caller may make it a claimdb database.
            return Ok(Checked::Empty);
        }
        if app != APPLICATION_ID {
            return Err(Error::msg(format!(
                "{name} is a SQLite database but not a claimdb one (its application_id is {app}, not {APPLICATION_ID})"
            )));
        }
        if version > SCHEMA_VERSION {
            return Err(Error::msg(format!(
                "{name} has schema version {version}, newer than this claimdb understands ({SCHEMA_VERSION}); \
                 upgrade claimdb to read it (the file was left as it is)"
            )));
        }
        if version < 1 {
            return Err(Error::msg(format!("{name} has an invalid schema version {version}")));
        }
        Ok(Checked::Version(version))
    }
}

fn must_exist(path: &Path) -> Result<(), Error> {
    if path.exists() {
        return Ok(());
    }
    Err(Error::msg(format!("no database at {} (create one with `claimdb init {}`)", path.display(), path.display())))
}

/// A `file:` URI that opens `path` as immutable: SQLite reads it without locks or a WAL index.
/// Built from the absolute path's bytes, so no name is changed on the way.
fn immutable_uri(path: &Path) -> Result<String, Error> {
    use std::os::unix::ffi::OsStrExt;
    let absolute = std::path::absolute(path)?;
    let mut uri = String::from("file:");
    for &b in absolute.as_os_str().as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'.' | b'-' | b'_' | b'~' => uri.push(b as char),
            _ => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri.push_str("?immutable=1");
    Ok(uri)
}

/// SQLITE_READONLY_ROLLBACK: a hot journal a read-only connection cannot roll back.
const READONLY_ROLLBACK: i32 = 8 | (3 << 8);

/// SQLite could not open, or create, the WAL index beside the file for reading: the folder or
/// the index is read-only to this user. (Not a hot rollback journal or a WAL needing recovery:
/// reading past those could see a half-written state, so they stay errors.)
fn cannot_open_wal_index(e: &rusqlite::Error) -> bool {
    const READONLY_CANTLOCK: i32 = 8 | (2 << 8);
    const READONLY_CANTINIT: i32 = 8 | (5 << 8);
    const READONLY_DIRECTORY: i32 = 8 | (6 << 8);
    match e {
        rusqlite::Error::SqliteFailure(f, _) => {
            f.code == rusqlite::ErrorCode::CannotOpen
                || matches!(f.extended_code, READONLY_CANTLOCK | READONLY_CANTINIT | READONLY_DIRECTORY)
        }
        _ => false,
    }
}

fn is_cannot_open(e: &Error) -> bool {
    matches!(e, Error::Sqlite(e) if cannot_open_wal_index(e))
}

/// Turns off SQLite's double-quoted string literals on a new connection. With them on, an
/// identifier SQLite cannot resolve silently becomes a string: `ORDER BY "sum(value)"` once ordered
/// every row by one constant. Off, the same mistake is an error.
///
/// It also registers the SQL functions the SQLite dialect compiles to: `claimdb_figure(value,
/// low, high, unit, qualifier)` formats a figure with the same Rust code `show` uses, so a table and a
/// claim's page never disagree on how a number reads.
fn configure_connection(conn: &Connection) -> Result<(), Error> {
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DQS_DML, false)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DQS_DDL, false)?;
    conn.create_scalar_function(
        dialect::FIGURE_FUNCTION,
        5,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let value: Option<f64> = ctx.get(0)?;
            let (low, high): (Option<f64>, Option<f64>) = (ctx.get(1)?, ctx.get(2)?);
            let unit: Option<String> = ctx.get(3)?;
            let qualifier: Option<String> = ctx.get(4)?;
            Ok(match (value, unit, qualifier.and_then(|q| q.parse::<Qualifier>().ok())) {
                (Some(v), Some(u), Some(q)) => Some(format_figure(v, low, high, &u, q)),
                _ => None,
            })
        },
    )?;
    Ok(())
}

enum Checked {
    /// A file with no tables and no marks: SQLite's empty database.
    Empty,
    /// A claimdb file at this schema version (never newer than [`SCHEMA_VERSION`]).
    Version(i64),
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: with double-quoted string literals on, a misspelt identifier was a string.
    const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

    #[test]
    fn double_quoted_names_are_never_strings() {
        let store = SqliteStore::empty_in_memory().unwrap();
        {
            let e = store.conn.prepare("SELECT id FROM claims ORDER BY \"sum(value)\"").map(drop).unwrap_err();
            assert!(e.to_string().contains("no such column: \"sum(value)\""), "{e}");
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.db");
        drop(SqliteStore::create(&path, DEFAULT_BUSY_TIMEOUT).unwrap());
        let (write, read) =
            (SqliteStore::open_write(&path, DEFAULT_BUSY_TIMEOUT), SqliteStore::open_read(&path, DEFAULT_BUSY_TIMEOUT));
        for store in [write.unwrap(), read.unwrap()] {
            assert!(store.conn.prepare("SELECT \"nothing\" FROM claims").is_err());
        }
    }

    #[test]
    fn migrations_end_at_the_current_version() {
        assert_eq!(MIGRATIONS.last().map(|m| m.0), Some(SCHEMA_VERSION));
        assert!(SCHEMA_SQL.contains(&format!("schema, version {SCHEMA_VERSION}.")));
    }
}
