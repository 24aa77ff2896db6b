//! The store: claims, sources and entities in a SQL database, behind one interface whichever
//! engine holds them. SQLite (a file, or the built-in sample in memory) is the default and needs
//! nothing; PostgreSQL (`--db postgres://…`, the `postgres` cargo feature) is for a team that
//! shares one database among many writers or outgrows a file.
//!
//! The engines differ in how they open, lock, load in bulk and check their own integrity; what
//! they store, and what every command reads back, is the same. Each public method here is one
//! operation, dispatched to the engine's own code. The store knows claims, SQL and databases; it
//! knows nothing of the command line or of output formats.

mod copy;
#[cfg(feature = "postgres")]
pub mod postgres;
pub mod read;
mod sqlite;
pub mod write;

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;

pub use copy::copy;
pub use sqlite::SqliteStore;

use crate::dsl::{Dialect, Sql};
use crate::error::Error;
use crate::model::{Claim, Entity, Source};
use crate::rows::{Cell, Rows};
use read::Verification;
use write::Importer;

/// Whether `--db` names a PostgreSQL server rather than a file.
pub fn is_url(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// A server's URL as messages show it: rebuilt from what was read of it, so never with its
/// password.
pub fn server_name(url: &str) -> String {
    #[cfg(feature = "postgres")]
    return postgres::Target::parse(url).map(|t| t.name).unwrap_or_else(|_| "the PostgreSQL server --db names".into());
    #[cfg(not(feature = "postgres"))]
    {
        let _ = url;
        "a PostgreSQL server (not built into this claimdb)".into()
    }
}

/// The schema this build creates and understands, on every engine. Bump it with a migration.
pub const SCHEMA_VERSION: i64 = 5;

/// An open database.
pub enum Store {
    Sqlite(SqliteStore),
    #[cfg(feature = "postgres")]
    Postgres(postgres::PgStore),
}

/// What a connection to a server is opened for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Reading only: every statement runs in a read-only transaction.
    Read,
    /// Writing; the schema is made if it is not there yet.
    Write,
    /// Making a new database (`claimdb init`): refused where one is there already.
    Create,
    /// The user's own SQL: read-only transactions as the role that cannot write.
    Sql,
}

impl Store {
    /// Creates a new database file with the current schema. Refuses to touch an existing file.
    pub fn create(path: &Path, busy_timeout: Duration) -> Result<Store, Error> {
        SqliteStore::create(path, busy_timeout).map(Store::Sqlite)
    }

    /// Opens an existing database file to write to it, migrating it forward if it is older.
    pub fn open_write(path: &Path, busy_timeout: Duration) -> Result<Store, Error> {
        SqliteStore::open_write(path, busy_timeout).map(Store::Sqlite)
    }

    /// Opens an existing database file only to read it, leaving it byte for byte as it was.
    pub fn open_read(path: &Path, busy_timeout: Duration) -> Result<Store, Error> {
        SqliteStore::open_read(path, busy_timeout).map(Store::Sqlite)
    }

    /// Opens an existing database file for raw SQL, locked against every write.
    pub fn open_for_sql(path: &Path, busy_timeout: Duration) -> Result<Store, Error> {
        SqliteStore::open_for_sql(path, busy_timeout).map(Store::Sqlite)
    }

    /// A database image (a file's bytes) opened in memory: the built-in sample is one.
    pub fn open_image(image: &[u8]) -> Result<Store, Error> {
        SqliteStore::open_image(image).map(Store::Sqlite)
    }

    /// A new in-memory SQLite database with the current schema and nothing in it.
    pub fn empty_in_memory() -> Result<Store, Error> {
        SqliteStore::empty_in_memory().map(Store::Sqlite)
    }

    /// Connects to a PostgreSQL server (`postgres://…`). `Write` creates the schema in an empty
    /// database; the others refuse a database without one.
    #[cfg(feature = "postgres")]
    pub fn connect(url: &str, access: Access, busy_timeout: Duration) -> Result<Store, Error> {
        postgres::PgStore::connect(url, access, busy_timeout).map(Store::Postgres)
    }

    #[cfg(not(feature = "postgres"))]
    pub fn connect(_url: &str, _access: Access, _busy_timeout: Duration) -> Result<Store, Error> {
        Err(Error::msg(
            "this claimdb was built without PostgreSQL support; build it with `cargo build --release` \
             (the `postgres` feature is on by default)",
        ))
    }

    /// The SQLite store, for what only SQLite has (the sample's image, benchmarks).
    pub fn sqlite(&self) -> Option<&SqliteStore> {
        match self {
            Store::Sqlite(s) => Some(s),
            #[cfg(feature = "postgres")]
            Store::Postgres(_) => None,
        }
    }

    /// The schema version an opening for writing migrated the database from, if it did.
    pub fn migrated_from(&self) -> Option<i64> {
        match self {
            Store::Sqlite(s) => s.migrated_from,
            #[cfg(feature = "postgres")]
            Store::Postgres(p) => p.migrated_from,
        }
    }

    /// Whether the database holds claimdb's schema yet: a server database opened to write may
    /// not, until its first import makes it.
    pub fn holds_schema(&self) -> bool {
        match self {
            Store::Sqlite(_) => true,
            #[cfg(feature = "postgres")]
            Store::Postgres(p) => !p.unmade,
        }
    }

    /// What to call this database in a message: its path, the sample, or the server's address.
    pub fn describe(&self) -> String {
        match self {
            Store::Sqlite(s) => s.describe(),
            #[cfg(feature = "postgres")]
            Store::Postgres(p) => p.describe(),
        }
    }

    /// The file it lives in; `None` for the sample in memory and for a server.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Store::Sqlite(s) => s.path(),
            #[cfg(feature = "postgres")]
            Store::Postgres(_) => None,
        }
    }

    /// The SQL dialect queries against this store are compiled in.
    pub fn dialect(&self) -> &'static dyn Dialect {
        match self {
            Store::Sqlite(s) => s.dialect(),
            #[cfg(feature = "postgres")]
            Store::Postgres(_) => &crate::dsl::dialect::Postgres,
        }
    }

    /// How long this store waits for another process's lock.
    pub fn busy_timeout(&self) -> Duration {
        match self {
            Store::Sqlite(s) => s.busy_timeout(),
            #[cfg(feature = "postgres")]
            Store::Postgres(p) => p.busy_timeout(),
        }
    }

    /// Whether no other process can be using this database (a server never is).
    pub fn is_private(&self) -> bool {
        match self {
            Store::Sqlite(s) => s.is_private(),
            #[cfg(feature = "postgres")]
            Store::Postgres(_) => false,
        }
    }

    /// Takes the database for this process alone while it is open (`import --exclusive`), so a
    /// bulk load may trade WAL for speed. A server has no such trade: every import there already
    /// locks out other writers (not readers) for its length, so this changes nothing.
    pub fn lock_exclusive(&mut self) -> Result<(), Error> {
        match self {
            Store::Sqlite(s) => s.lock_exclusive(),
            #[cfg(feature = "postgres")]
            Store::Postgres(_) => Ok(()),
        }
    }

    /// Puts a file in WAL mode once a write has committed (see [`SqliteStore::ensure_wal`]).
    #[cfg_attr(not(feature = "postgres"), allow(irrefutable_let_patterns))]
    pub fn ensure_wal(&mut self) {
        if let Store::Sqlite(s) = self {
            s.ensure_wal();
        }
    }

    /// Stops every statement this store runs after `timeout` (none: no limit), or as soon as
    /// `interrupt` is set.
    pub fn set_limits(&mut self, timeout: Option<Duration>, interrupt: Option<Arc<AtomicBool>>) {
        match self {
            Store::Sqlite(s) => s.set_limits(timeout, interrupt),
            #[cfg(feature = "postgres")]
            Store::Postgres(p) => p.set_limits(timeout, interrupt),
        }
    }

    /// The time limit [`Store::set_limits`] set, if any.
    pub fn timeout(&self) -> Option<Duration> {
        match self {
            Store::Sqlite(s) => s.timeout(),
            #[cfg(feature = "postgres")]
            Store::Postgres(p) => p.timeout(),
        }
    }

    /// Locks this connection against every write for the rest of its life (`claimdb sql`).
    pub fn make_read_only(&mut self) -> Result<(), Error> {
        match self {
            Store::Sqlite(s) => s.make_read_only(),
            #[cfg(feature = "postgres")]
            Store::Postgres(p) => p.make_read_only(),
        }
    }

    /// Prepares a compiled query, so that any fault in it shows before a line is printed.
    pub fn prepare<'s>(&'s self, sql: &'s Sql) -> Result<Prepared<'s>, Error> {
        Ok(match self {
            Store::Sqlite(s) => Prepared::from(Running::Sqlite(s.prepare(sql)?)),
            #[cfg(feature = "postgres")]
            Store::Postgres(p) => Prepared::from(Running::Postgres(p.prepare(sql)?)),
        })
    }

    /// Prepares one SQL statement of the user's (`claimdb sql`). Call [`Store::make_read_only`]
    /// first: this runs whatever it is given.
    pub fn prepare_sql<'s>(&'s self, text: &'s str) -> Result<Prepared<'s>, Error> {
        Ok(match self {
            Store::Sqlite(s) => Prepared::from(Running::Sqlite(s.prepare_sql(text)?)),
            #[cfg(feature = "postgres")]
            Store::Postgres(p) => Prepared::from(Running::Postgres(p.prepare_sql(text)?)),
        })
    }

    /// The engine's plan for a compiled query, one line a step, indented by depth.
    pub fn plan(&self, sql: &Sql) -> Result<Vec<String>, Error> {
        match self {
            Store::Sqlite(s) => s.plan(sql),
            #[cfg(feature = "postgres")]
            Store::Postgres(p) => p.plan(sql),
        }
    }

    /// Every stored claim's fields, in source order (of one source, or all), handed to `each` as
    /// cells under [`read::claim_keys`]: export streams them.
    pub fn each_claim(
        &self,
        source: Option<&str>,
        each: impl FnMut(&[Cell]) -> std::io::Result<()>,
    ) -> Result<(), Error> {
        match self {
            Store::Sqlite(s) => s.each_claim(source, each),
            #[cfg(feature = "postgres")]
            Store::Postgres(p) => p.each_claim(source, each),
        }
    }

    pub fn claim(&self, id: &str) -> Result<Option<Claim>, Error> {
        match self {
            Store::Sqlite(s) => s.claim(id),
            #[cfg(feature = "postgres")]
            Store::Postgres(p) => p.claim(id),
        }
    }

    /// Whether some entity goes by the folded name `key`.
    pub fn knows_key(&self, key: &str) -> Result<bool, Error> {
        match self {
            Store::Sqlite(s) => s.knows_key(key),
            #[cfg(feature = "postgres")]
            Store::Postgres(p) => p.knows_key(key),
        }
    }

    /// Ids of claims that start like `prefix`, for "did you mean" hints.
    pub fn claim_ids_like(&self, prefix: &str, limit: usize) -> Result<Vec<String>, Error> {
        match self {
            Store::Sqlite(s) => s.claim_ids_like(prefix, limit),
            #[cfg(feature = "postgres")]
            Store::Postgres(p) => p.claim_ids_like(prefix, limit),
        }
    }

    pub fn source(&self, id: &str) -> Result<Option<Source>, Error> {
        match self {
            Store::Sqlite(s) => s.source(id),
            #[cfg(feature = "postgres")]
            Store::Postgres(p) => p.source(id),
        }
    }

    pub fn has_source(&self, id: &str) -> Result<bool, Error> {
        match self {
            Store::Sqlite(s) => s.has_source(id),
            #[cfg(feature = "postgres")]
            Store::Postgres(p) => p.has_source(id),
        }
    }

    pub fn source_ids(&self) -> Result<Vec<String>, Error> {
        match self {
            Store::Sqlite(s) => s.source_ids(),
            #[cfg(feature = "postgres")]
            Store::Postgres(p) => p.source_ids(),
        }
    }

    /// Every entity, parents before their children (so an export imports in one pass), then by name.
    pub fn entities(&self) -> Result<Vec<Entity>, Error> {
        match self {
            Store::Sqlite(s) => s.entities(),
            #[cfg(feature = "postgres")]
            Store::Postgres(p) => p.entities(),
        }
    }

    /// Checks every quote against its span, every source against its hash, the engine's own
    /// integrity checks, and the full-text index against the claims it indexes.
    pub fn verify(&self) -> Result<Verification, Error> {
        match self {
            Store::Sqlite(s) => s.verify(),
            #[cfg(feature = "postgres")]
            Store::Postgres(p) => p.verify(),
        }
    }

    /// Runs `f` inside one read transaction: every statement in it sees the database as of one
    /// moment, so an import committing meanwhile cannot make `verify` see a claim without its
    /// source or `export` write one.
    pub fn snapshot<T>(&self, f: impl FnOnce(&Store) -> Result<T, Error>) -> Result<T, Error> {
        match self {
            Store::Sqlite(s) => s.begin_snapshot()?,
            #[cfg(feature = "postgres")]
            Store::Postgres(p) => p.begin_snapshot()?,
        }
        let result = f(self);
        match self {
            Store::Sqlite(s) => s.end_snapshot(),
            #[cfg(feature = "postgres")]
            Store::Postgres(p) => p.end_snapshot(),
        }
        result
    }

    /// Runs a bulk write under the engine's tuning for one (see [`SqliteStore::bulk_begin`]).
    /// The tuning changes how fast a write goes, never what it writes.
    #[cfg_attr(not(feature = "postgres"), allow(irrefutable_let_patterns))]
    pub fn bulk<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T, Error>) -> Result<T, Error> {
        let tuned = match self {
            Store::Sqlite(s) => Some(s.bulk_begin()?),
            #[cfg(feature = "postgres")]
            Store::Postgres(_) => None,
        };
        let result = f(self);
        if let (Some(tuned), Store::Sqlite(s)) = (tuned, &mut *self) {
            s.bulk_end(tuned);
        }
        result
    }

    /// Starts a write: one transaction, all or nothing (see [`Importer`]).
    pub fn importer(&mut self) -> Result<Importer<'_>, Error> {
        match self {
            Store::Sqlite(s) => s.importer(),
            #[cfg(feature = "postgres")]
            Store::Postgres(p) => p.importer(),
        }
    }

    /// Copies the whole database to a new SQLite file at `path`, as of one moment.
    pub fn backup_to(&self, path: &Path) -> Result<(), Error> {
        match self {
            Store::Sqlite(s) => s.backup_to(path),
            #[cfg(feature = "postgres")]
            Store::Postgres(_) => Err(Error::msg(
                "backup copies a database file; to copy a server's database into one, run \
                 `claimdb copy --from postgres://… --to FILE`",
            )),
        }
    }
}

/// A statement ready to run, on whichever engine.
pub struct Prepared<'s> {
    /// The result's column names, in order.
    pub columns: Vec<String>,
    running: Running<'s>,
}

enum Running<'s> {
    Sqlite(sqlite::SqlitePrepared<'s>),
    #[cfg(feature = "postgres")]
    Postgres(postgres::PgPrepared<'s>),
}

impl<'s> From<Running<'s>> for Prepared<'s> {
    fn from(running: Running<'s>) -> Prepared<'s> {
        let columns = match &running {
            Running::Sqlite(p) => p.columns.clone(),
            #[cfg(feature = "postgres")]
            Running::Postgres(p) => p.columns.clone(),
        };
        Prepared { columns, running }
    }
}

impl Prepared<'_> {
    /// Runs it and hands each row to `each` as it comes: a million-row result is never held in
    /// memory. Returns how many rows there were.
    pub fn each(&mut self, mut each: impl FnMut(&[Cell]) -> std::io::Result<()>) -> Result<usize, Error> {
        self.each_while(|cells| each(cells).map(|()| true))
    }

    fn each_while(&mut self, each: impl FnMut(&[Cell]) -> std::io::Result<bool>) -> Result<usize, Error> {
        match &mut self.running {
            Running::Sqlite(p) => p.each_while(each),
            #[cfg(feature = "postgres")]
            Running::Postgres(p) => p.each_while(each),
        }
    }

    /// Runs it and collects its rows.
    pub fn collect(self) -> Result<Rows, Error> {
        Ok(self.collect_at_most(usize::MAX)?.0)
    }

    /// Runs it and collects at most `limit` rows; says whether there were more.
    pub fn collect_at_most(mut self, limit: usize) -> Result<(Rows, bool), Error> {
        let mut rows = Rows { columns: self.columns.clone(), rows: Vec::new() };
        let mut more = false;
        self.each_while(|cells| {
            if rows.rows.len() == limit {
                more = true;
                return Ok(false);
            }
            rows.rows.push(cells.iter().cloned().map(Cell::into_value).collect());
            Ok(true)
        })?;
        Ok((rows, more))
    }
}

/// The columns of the user's own SQL under distinct names: JSON objects need distinct keys, so a
/// join's second `id` becomes `id:2`.
pub(crate) fn distinct_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut columns: Vec<String> = Vec::new();
    for name in names {
        let mut unique = name.to_string();
        let mut n = 1;
        while columns.contains(&unique) {
            n += 1;
            unique = format!("{name}:{n}");
        }
        columns.push(unique);
    }
    columns
}

/// Splits the columns that hold a list (joined with [`crate::dsl::LIST_SEPARATOR`] in SQL) back
/// into lists; no aliases is an empty list, not null.
pub(crate) fn split_lists(cells: &mut [Cell<'_>], lists: &[usize]) {
    for &i in lists {
        cells[i] = match &cells[i] {
            Cell::Text(t) => {
                Cell::List(t.split(crate::dsl::LIST_SEPARATOR).map(String::from).collect::<Vec<_>>().into())
            }
            _ => Cell::List(Vec::new().into()),
        };
    }
}

/// The entities that are their own ancestors, given each one's parent. Each has at most one
/// parent, so one walk over all of them finds every cycle, in time linear in their number.
pub(crate) fn on_cycles(parent: &HashMap<i64, i64>) -> HashSet<i64> {
    // Absent: not seen; `false`: on the walk under way; `true`: known to reach a root or a cycle.
    let mut done: HashMap<i64, bool> = HashMap::new();
    let mut on_cycle = HashSet::new();
    for &start in parent.keys() {
        let mut path = Vec::new();
        let mut at = start;
        loop {
            match done.get(&at) {
                Some(true) => break,
                Some(false) => {
                    // `at` is on this walk: from there on, the walk goes round a cycle.
                    let from = path.iter().position(|&x| x == at).unwrap_or(0);
                    on_cycle.extend(&path[from..]);
                    break;
                }
                None => {}
            }
            done.insert(at, false);
            path.push(at);
            match parent.get(&at) {
                Some(&p) => at = p,
                None => break,
            }
        }
        for x in path {
            done.insert(x, true);
        }
    }
    on_cycle
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycles_are_found_in_one_walk() {
        let parent: HashMap<i64, i64> = [(1, 2), (2, 3), (3, 1), (4, 1), (5, 6), (7, 7)].into_iter().collect();
        let mut found: Vec<i64> = on_cycles(&parent).into_iter().collect();
        found.sort_unstable();
        assert_eq!(found, [1, 2, 3, 7], "4 leads into a cycle but is not on one; 5 reaches a root");
        let chain: HashMap<i64, i64> = (1..100_000).map(|i| (i, i - 1)).collect();
        assert!(on_cycles(&chain).is_empty());
    }
}
