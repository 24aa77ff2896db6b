//! The SQLite store: creating, opening and migrating database files. Reads live in [`read`],
//! writes in [`write`] (with the bulk-load tuning in `bulk`), raw read-only SQL in `raw`. The
//! store knows claims, SQL and files; it knows nothing of the command line or of output formats.
//!
//! A claimdb file is marked by `PRAGMA application_id` and versioned by `PRAGMA user_version`.
//! Opening an older file migrates it forward in one transaction; a newer one is refused, since this
//! build cannot know what the newer schema promises.

mod bulk;
mod raw;
pub mod read;
pub mod write;

use std::path::{Path, PathBuf};

use rusqlite::config::DbConfig;
use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, OpenFlags};

use crate::dsl::dialect::{self, Dialect};
use crate::error::Error;
use crate::model::{format_figure, Qualifier};

/// The schema this build creates and understands. Bump it with a migration.
pub const SCHEMA_VERSION: i64 = 3;

/// `Clmd`, big-endian: tells claimdb files from other SQLite files.
pub const APPLICATION_ID: i64 = 0x436C_6D64;

pub const SCHEMA_SQL: &str = include_str!("../../schema.sql");

/// Each migration brings a file from `version - 1` to `version`.
const MIGRATIONS: &[(i64, &str)] = &[
    (2, include_str!("migrations/0002_search_and_view.sql")),
    (3, include_str!("migrations/0003_cheaper_checks.sql")),
];

/// An open database.
pub struct Store {
    pub(crate) conn: Connection,
    /// Where it lives; `None` for the built-in sample in memory.
    path: Option<PathBuf>,
    /// Set when opening migrated the file, so the caller can say so.
    pub migrated_from: Option<i64>,
    /// Set by [`Store::make_read_only`]: what its authorizer first refused.
    refused: Option<raw::Refused>,
}

impl Store {
    /// Creates a new database file with the current schema. Refuses to touch an existing file.
    pub fn create(path: &Path) -> Result<Store, Error> {
        if path.exists() {
            return Err(Error::msg(format!("{} already exists; pick another path or remove it first", path.display())));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| Error::msg(format!("cannot create {}: {e}", path.display())))?;
        configure_connection(&conn)?;
        let mut store = Store { conn, path: Some(path.to_path_buf()), migrated_from: None, refused: None };
        // Schema first: the page size can only be chosen before WAL mode is set.
        store.apply_schema()?;
        store.configure()?;
        Ok(store)
    }

    /// Opens an existing database, migrating it forward if it is older than this build.
    pub fn open(path: &Path) -> Result<Store, Error> {
        if !path.exists() {
            return Err(Error::msg(format!(
                "no database at {} (create one with `claimdb init {}`)",
                path.display(),
                path.display()
            )));
        }
        let conn =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
                .map_err(|e| Error::msg(format!("cannot open {}: {e}", path.display())))?;
        configure_connection(&conn)?;
        let mut store = Store { conn, path: Some(path.to_path_buf()), migrated_from: None, refused: None };
        store.check_and_migrate()?;
        store.configure()?;
        Ok(store)
    }

    /// Opens an existing database read-only, for `claimdb sql`: no migration, no WAL switch, and
    /// SQLite itself refuses any write. An older schema is read as it stands.
    pub fn open_read_only(path: &Path) -> Result<Store, Error> {
        if !path.exists() {
            return Err(Error::msg(format!("no database at {}", path.display())));
        }
        let conn =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
                .map_err(|e| Error::msg(format!("cannot open {}: {e}", path.display())))?;
        configure_connection(&conn)?;
        let mut store = Store { conn, path: Some(path.to_path_buf()), migrated_from: None, refused: None };
        store.check()?;
        store.conn.execute_batch("PRAGMA busy_timeout = 5000;")?;
        store.make_read_only()?;
        Ok(store)
    }

    /// A database image (a file's bytes) opened in memory: the built-in sample is one. Copying an
    /// image in takes microseconds where importing its files took milliseconds on every run.
    pub fn open_image(image: &[u8]) -> Result<Store, Error> {
        let mut conn = Connection::open_in_memory()?;
        conn.deserialize_read_exact(rusqlite::MAIN_DB, image, image.len(), false)?;
        let store = Store::in_memory(conn)?;
        match store.check()? {
            Checked::Version(SCHEMA_VERSION) => Ok(store),
            _ => Err(Error::msg("the database image is not at this build's schema (rebuild it)")),
        }
    }

    /// A new in-memory database with the current schema and nothing in it.
    pub fn empty_in_memory() -> Result<Store, Error> {
        let mut store = Store::in_memory(Connection::open_in_memory()?)?;
        store.apply_schema()?;
        Ok(store)
    }

    /// A store over an in-memory connection, with the settings every connection gets.
    fn in_memory(conn: Connection) -> Result<Store, Error> {
        configure_connection(&conn)?;
        conn.execute_batch("PRAGMA foreign_keys = ON;")?;
        Ok(Store { conn, path: None, migrated_from: None, refused: None })
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

    /// Per-connection settings. WAL lets readers go on while an import writes; foreign keys are
    /// off by default in SQLite and must be asked for on every connection.
    fn configure(&mut self) -> Result<(), Error> {
        self.conn.execute_batch(
            "PRAGMA foreign_keys = ON;
             PRAGMA busy_timeout = 5000;",
        )?;
        let mode: String = self.conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if mode != "wal" && self.path.is_some() {
            // A read-only directory or an unusual file system; the store still works in `mode`.
            eprintln!("claimdb: note: could not switch {} to WAL (journal mode is {mode})", self.describe());
        }
        Ok(())
    }

    fn describe(&self) -> String {
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
        let tx = self.conn.transaction()?;
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
            let tx = self.conn.transaction()?;
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
            tx.commit()?;
            self.migrated_from = Some(version);
        }
        Ok(())
    }

    /// Whether this is a claimdb file this build can read, and at which schema version.
    fn check(&self) -> Result<Checked, Error> {
        let name = self.describe();
        let not_sqlite = |e: rusqlite::Error| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => {
                Error::msg(format!("{name} is not a SQLite database (is it the right file?)"))
            }
            _ => Error::msg(format!("cannot read {name}: {e}")),
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

/// Turns off SQLite's double-quoted string literals on a new connection. With them on, an
/// identifier SQLite cannot resolve silently becomes a string: `ORDER BY "sum(value)"` once ordered
/// every row by one constant. Off, the same mistake is an error.
///
/// It also registers the SQL functions the SQLite dialect compiles to: `claimdb_figure(value,
/// unit, qualifier)` formats a figure with the same Rust code `show` uses, so a table and a
/// claim's page never disagree on how a number reads.
fn configure_connection(conn: &Connection) -> Result<(), Error> {
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DQS_DML, false)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DQS_DDL, false)?;
    conn.create_scalar_function(
        dialect::FIGURE_FUNCTION,
        3,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let value: Option<f64> = ctx.get(0)?;
            let unit: Option<String> = ctx.get(1)?;
            let qualifier: Option<String> = ctx.get(2)?;
            Ok(match (value, unit, qualifier.and_then(|q| q.parse::<Qualifier>().ok())) {
                (Some(v), Some(u), Some(q)) => Some(format_figure(v, &u, q)),
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
    #[test]
    fn double_quoted_names_are_never_strings() {
        let store = Store::empty_in_memory().unwrap();
        {
            let e = store.conn.prepare("SELECT id FROM claims ORDER BY \"sum(value)\"").map(drop).unwrap_err();
            assert!(e.to_string().contains("no such column: \"sum(value)\""), "{e}");
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.db");
        drop(Store::create(&path).unwrap());
        for store in [Store::open(&path).unwrap(), Store::open_read_only(&path).unwrap()] {
            assert!(store.conn.prepare("SELECT \"nothing\" FROM claims").is_err());
        }
    }

    #[test]
    fn migrations_end_at_the_current_version() {
        assert_eq!(MIGRATIONS.last().map(|m| m.0), Some(SCHEMA_VERSION));
        assert!(SCHEMA_SQL.contains(&format!("schema, version {SCHEMA_VERSION}.")));
    }
}
