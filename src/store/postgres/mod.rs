//! The PostgreSQL engine: connecting (with TLS where the URL asks for it), the schema, reads,
//! statements, and the bulk load in [`write`].
//!
//! What the SQLite engine gets from its file, this one gets from the server: a database is
//! claimdb's when it has the `claimdb_schema` table (schema.pg.sql), whose row holds the schema
//! version; reading commands run every statement in a read-only transaction; `claimdb sql` runs
//! each statement of the user's in its own read-only transaction as `claimdb_reader`, a role that
//! holds no right to write, so a write is refused by the server, never by looking at the text.

mod cells;
mod write;

use cells::cell;

use std::cell::{Cell as Flag, RefCell};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use postgres::error::SqlState;
use postgres::fallible_iterator::FallibleIterator;
use postgres::types::{ToSql, Type};
use postgres::{Client, Config, Row, Statement};

use super::read::{self, Verification};
use super::{Access, SCHEMA_VERSION};
use crate::dsl::{Param, Sql};
use crate::error::Error;
use crate::model::{Claim, Entity, Source, SourceRecord, ALIAS_SEPARATOR};
use crate::rows::Cell;
use crate::text::SourceText;

/// The schema a new PostgreSQL database gets.
pub const SCHEMA_PG_SQL: &str = include_str!("../../../schema.pg.sql");

/// The role `claimdb sql` reads as: it may read every claimdb table and write none.
const READER_ROLE: &str = "claimdb_reader";

pub struct PgStore {
    client: RefCell<Client>,
    /// The URL without its password, for messages.
    name: String,
    /// The schema version opening for writing migrated the database from, if it did.
    pub(in crate::store) migrated_from: Option<i64>,
    /// Opened to write a database that has no claimdb schema yet: the first import makes it, in
    /// its own transaction, so a failed import leaves the database as it found it.
    pub(in crate::store) unmade: bool,
    /// How the connection was encrypted, to send a cancel request the same way.
    tls: Option<postgres_native_tls::MakeTlsConnector>,
    busy: Duration,
    timeout: Option<Duration>,
    interrupt: Option<Arc<AtomicBool>>,
    /// `claimdb sql`: each statement in a read-only transaction as [`READER_ROLE`].
    locked: bool,
    /// The reader role exists and this user may take it.
    reader: bool,
    /// Inside [`crate::store::Store::snapshot`]: statements run in its transaction.
    snapshot: Flag<bool>,
    /// Prepared compiled statements, by text: `check` runs the same few shapes many times.
    statements: RefCell<HashMap<String, Statement>>,
}

/// Where to connect and how, from a URL and the environment.
pub struct Target {
    config: Config,
    verify: Verify,
    /// The URL as messages show it: rebuilt from what was parsed, so never with a password.
    pub name: String,
}

impl Target {
    /// Reads a `postgres://` URL as libpq would: what it leaves out comes from `PGHOST`,
    /// `PGPORT`, `PGUSER`, `PGPASSWORD` and `PGDATABASE`, then libpq's defaults (the local socket
    /// folder, the login name).
    pub fn parse(url: &str) -> Result<Target, Error> {
        let (url, verify) = verification(url);
        let mut config: Config =
            url.parse().map_err(|e| Error::msg(format!("--db is not a PostgreSQL URL we can read: {e}")))?;
        let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        if config.get_hosts().is_empty() {
            let hosts = env("PGHOST").unwrap_or_else(|| "/var/run/postgresql".into());
            for h in hosts.split(',') {
                config.host(h);
            }
        }
        if config.get_ports().is_empty() {
            if let Some(port) = env("PGPORT").and_then(|p| p.parse().ok()) {
                config.port(port);
            }
        }
        if config.get_user().is_none() {
            if let Some(user) = env("PGUSER").or_else(|| env("USER")) {
                config.user(&user);
            }
        }
        if config.get_dbname().is_none() {
            if let Some(db) = env("PGDATABASE") {
                config.dbname(&db);
            }
        }
        if config.get_password().is_none() {
            let file = env("PGPASSFILE")
                .map(std::path::PathBuf::from)
                .or_else(|| env("HOME").map(|h| std::path::Path::new(&h).join(".pgpass")));
            let from_file =
                || file.as_deref().and_then(|f| std::fs::read_to_string(f).ok()).and_then(|t| pgpass(&t, &config));
            if let Some(password) = env("PGPASSWORD").or_else(from_file) {
                config.password(password);
            }
        }
        let name = describe(&config);
        Ok(Target { config, verify, name })
    }
}

/// The password a `.pgpass` file gives for this connection, as libpq reads one: lines of
/// `host:port:database:user:password`, `*` matching anything, `\` escaping `:` and itself, the
/// first matching line winning; a socket folder matches `localhost`, as libpq's default host does.
fn pgpass(text: &str, config: &Config) -> Option<String> {
    use postgres::config::Host;
    let host = match config.get_hosts().first()? {
        Host::Tcp(h) => h.clone(),
        Host::Unix(_) => "localhost".to_string(),
    };
    let port = config.get_ports().first().copied().unwrap_or(5432).to_string();
    let db = config.get_dbname().or(config.get_user()).unwrap_or_default();
    let want = [host.as_str(), port.as_str(), db, config.get_user().unwrap_or_default()];
    for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let mut fields = vec![String::new()];
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => fields.last_mut()?.extend(chars.next()),
                ':' if fields.len() < 5 => fields.push(String::new()),
                c => fields.last_mut()?.push(c),
            }
        }
        if fields.len() == 5 && fields[..4].iter().zip(want).all(|(f, w)| f == "*" || f == w) {
            return Some(fields.swap_remove(4));
        }
    }
    None
}

/// A database as a URL without its password: `postgres://user@host:port/db`, a socket folder
/// percent-encoded in the host's place, as libpq reads it back.
fn describe(config: &Config) -> String {
    use postgres::config::Host;
    let host = match config.get_hosts().first() {
        Some(Host::Tcp(h)) => h.clone(),
        Some(Host::Unix(path)) => path.display().to_string().replace('/', "%2F"),
        None => String::new(),
    };
    let port = config.get_ports().first().map(|p| format!(":{p}")).unwrap_or_default();
    let user = config.get_user().map(|u| format!("{u}@")).unwrap_or_default();
    format!("postgres://{user}{host}{port}/{}", config.get_dbname().unwrap_or_default())
}

/// The schema version a new PostgreSQL database starts at: there is no older one.
const PG_BASE_VERSION: i64 = 4;

/// Each migration brings a PostgreSQL database from `version - 1` to `version`, as the SQLite
/// ones (`store/migrations/`) do a file; a bump of the schema needs one here too.
const PG_MIGRATIONS: &[(i64, &str)] = &[(
    5,
    // Unnamed people ("residents said") become entities of kind `unnamed`: the CHECK widens, so
    // every row already meets it.
    "ALTER TABLE entities DROP CONSTRAINT entities_kind_check;
     ALTER TABLE entities ADD CONSTRAINT entities_kind_check
         CHECK (kind IN ('person', 'organization', 'country', 'place', 'operation', 'unnamed'));",
)];

/// The key of the advisory lock schema changes take, so two processes never make one twice.
const SCHEMA_LOCK: i64 = 0x436C_6D64;

impl PgStore {
    /// Connects, and checks (or, to write, makes or migrates) the schema.
    pub fn connect(url: &str, access: Access, busy: Duration) -> Result<PgStore, Error> {
        let mut target = Target::parse(url)?;
        let tls = tls(&mut target)?;
        let client = connect(&target, tls.clone())?;
        let name = target.name;
        let mut store = PgStore {
            client: RefCell::new(client),
            name,
            tls,
            migrated_from: None,
            unmade: false,
            busy,
            timeout: None,
            interrupt: None,
            locked: false,
            reader: false,
            snapshot: Flag::new(false),
            statements: RefCell::default(),
        };
        match (store.version()?, access) {
            (None, Access::Write) => store.unmade = true,
            (None, Access::Create) => store.change_schema(None)?,
            (None, _) => {
                return Err(Error::Missing(format!(
                    "{} holds no claimdb database yet; `claimdb init {}` creates one",
                    store.name, store.name
                )))
            }
            (Some(_), Access::Create) if !store.is_empty()? => {
                return Err(Error::msg(format!(
                    "{} already holds a claimdb database; pick another database, or empty this one",
                    store.name
                )))
            }
            (Some(v), _) if v > SCHEMA_VERSION => {
                return Err(Error::msg(format!(
                    "{} has schema version {v}, newer than this claimdb understands ({SCHEMA_VERSION}); \
                     upgrade claimdb to read it",
                    store.name
                )))
            }
            (Some(v), _) if v < PG_BASE_VERSION => {
                return Err(Error::msg(format!(
                    "{} says schema {v}, older than any claimdb made on PostgreSQL ({PG_BASE_VERSION}); \
                     it was not made by claimdb",
                    store.name
                )))
            }
            (Some(v), Access::Write | Access::Create) if v < SCHEMA_VERSION => {
                store.change_schema(Some(v))?;
                store.migrated_from = Some(v);
            }
            (Some(v), _) if v < SCHEMA_VERSION => {
                return Err(Error::msg(format!(
                    "{} has schema {v}, older than this claimdb's {SCHEMA_VERSION}; run `claimdb --db {} migrate` \
                     to bring it forward (commands that only read never change a database)",
                    store.name, store.name
                )))
            }
            (Some(_), _) => {}
        }
        let client = store.client.get_mut();
        if matches!(access, Access::Write | Access::Create) {
            // A writer waits for another writer as long as --busy-timeout says, then says so.
            client
                .batch_execute(&format!("SET lock_timeout = {}", busy.as_millis().max(1)))
                .map_err(|e| pg(&store.name, e))?;
        } else {
            // Every transaction this session begins is read-only, by the server's rule. A reader
            // waits for no writer, but for the first load into an empty database (see
            // `postgres/write.rs`), which it waits out rather than fail.
            client.batch_execute("SET default_transaction_read_only = on").map_err(|e| pg(&store.name, e))?;
        }
        Ok(store)
    }

    /// The schema version, or `None` in a database without claimdb's schema.
    fn version(&self) -> Result<Option<i64>, Error> {
        let exists: bool = self.rows("SELECT to_regclass('claimdb_schema') IS NOT NULL", &[])?[0].get(0);
        if !exists {
            let other: bool = self
                .rows("SELECT to_regclass('claims') IS NOT NULL OR to_regclass('entities') IS NOT NULL", &[])?[0]
                .get(0);
            if other {
                return Err(Error::msg(format!(
                    "{} has tables named like claimdb's but no claimdb_schema table: it is not a claimdb \
                     database (it was left as it is)",
                    self.name
                )));
            }
            return Ok(None);
        }
        let rows = self.rows("SELECT version FROM claimdb_schema WHERE application = 'claimdb'", &[])?;
        Ok(rows.first().map(|r| i64::from(r.get::<_, i32>(0))))
    }

    /// Whether the database holds no entity, source or claim (a schema only).
    fn is_empty(&self) -> Result<bool, Error> {
        let rows = self.rows(
            "SELECT NOT EXISTS (SELECT 1 FROM entities) AND NOT EXISTS (SELECT 1 FROM sources)
                    AND NOT EXISTS (SELECT 1 FROM claims)",
            &[],
        )?;
        Ok(rows[0].get(0))
    }

    /// Creates the schema (`from` = `None`) or migrates it forward, in one transaction, with the
    /// reader role where this user may make it.
    fn change_schema(&mut self, from: Option<i64>) -> Result<(), Error> {
        let name = self.name.clone();
        let client = self.client.get_mut();
        let mut tx = client.transaction().map_err(|e| pg(&name, e))?;
        change_schema(&mut tx, &name, from)?;
        tx.commit().map_err(|e| pg(&name, e))?;
        Ok(())
    }

    pub fn describe(&self) -> String {
        self.name.clone()
    }

    pub fn busy_timeout(&self) -> Duration {
        self.busy
    }

    pub fn set_limits(&mut self, timeout: Option<Duration>, interrupt: Option<Arc<AtomicBool>>) {
        self.timeout = timeout;
        self.interrupt = interrupt;
        let ms = timeout.map_or(0, |t| t.as_millis().max(1));
        // A limit that cannot be set shows as no limit; the statement itself still runs.
        let _ = self.client.get_mut().batch_execute(&format!("SET statement_timeout = {ms}"));
    }

    pub fn timeout(&self) -> Option<Duration> {
        self.timeout
    }

    /// From here on, every statement of the user's runs in a read-only transaction of its own,
    /// as the role that cannot write where there is one.
    pub fn make_read_only(&mut self) -> Result<(), Error> {
        let name = self.name.clone();
        // The role may exist without this user in it, or without its grants in this database.
        let row = self
            .client
            .get_mut()
            .query_opt(
                "SELECT pg_has_role(current_user, r.oid, 'MEMBER') AND has_table_privilege(r.oid, 'claims', 'SELECT')
                 FROM pg_roles AS r WHERE r.rolname = $1",
                &[&READER_ROLE],
            )
            .map_err(|e| pg(&name, e))?;
        self.reader = row.is_some_and(|r| r.get(0));
        self.locked = true;
        Ok(())
    }

    /// Runs `f` with the client, saying so plainly if a statement is already streaming rows.
    fn with<T>(&self, f: impl FnOnce(&mut Client) -> Result<T, postgres::Error>) -> Result<T, Error> {
        let mut client = self.client.try_borrow_mut().map_err(|_| busy())?;
        f(&mut client).map_err(|e| self.fail(e))
    }

    /// A server error as the user should read it: a timeout or an interrupt as such, a refusal
    /// in the server's words.
    fn fail(&self, e: postgres::Error) -> Error {
        if e.code() == Some(&SqlState::QUERY_CANCELED) {
            if self.interrupt.as_ref().is_some_and(|i| i.load(Ordering::Relaxed)) {
                return Error::msg("interrupted");
            }
            if let Some(t) = self.timeout {
                return Error::msg(format!(
                    "stopped after {} s (--timeout); give it longer with --timeout SECONDS, or 0 for no limit",
                    t.as_secs_f64()
                ));
            }
        }
        pg(&self.name, e)
    }

    /// A compiled statement, prepared once with its parameters' types.
    fn statement(&self, text: &str, params: &[Param]) -> Result<Statement, Error> {
        if let Some(s) = self.statements.borrow().get(text) {
            return Ok(s.clone());
        }
        let types: Vec<Type> = params.iter().map(param_type).collect();
        let stmt = self.with(|c| c.prepare_typed(text, &types))?;
        self.statements.borrow_mut().insert(text.to_string(), stmt.clone());
        Ok(stmt)
    }

    pub fn prepare<'s>(&'s self, sql: &'s Sql) -> Result<PgPrepared<'s>, Error> {
        let statement = self.statement(&sql.text, &sql.params)?;
        Ok(PgPrepared { store: self, statement, params: &sql.params, lists: &sql.lists, columns: sql.columns.clone() })
    }

    pub fn prepare_sql<'s>(&'s self, text: &'s str) -> Result<PgPrepared<'s>, Error> {
        // Preparing only parses and plans: nothing runs until `each`, inside its transaction.
        let statement = self.with(|c| c.prepare(text))?;
        let columns = super::distinct_names(statement.columns().iter().map(|c| c.name()));
        Ok(PgPrepared { store: self, statement, params: &[], lists: &[], columns })
    }

    /// PostgreSQL's `EXPLAIN` of a compiled query, a line a step.
    pub fn plan(&self, sql: &Sql) -> Result<Vec<String>, Error> {
        let text = format!("EXPLAIN {}", sql.text);
        let types: Vec<Type> = sql.params.iter().map(param_type).collect();
        let rows = self.with(|c| {
            let stmt = c.prepare_typed(&text, &types)?;
            c.query(&stmt, &params(&sql.params))
        })?;
        Ok(rows.iter().map(|r| r.get::<_, String>(0)).collect())
    }

    /// Rows of one of claimdb's own statements (never the user's).
    fn rows(&self, text: &str, args: &[&(dyn ToSql + Sync)]) -> Result<Vec<Row>, Error> {
        self.with(|c| c.query(text, args))
    }

    pub fn each_claim(
        &self,
        source: Option<&str>,
        mut each: impl FnMut(&[Cell]) -> std::io::Result<()>,
    ) -> Result<(), Error> {
        let filter = if source.is_some() { " WHERE source = $1" } else { "" };
        let text = format!("{}{filter} ORDER BY source, start, \"end\", id", read::claim_select());
        let args: Vec<&(dyn ToSql + Sync)> = source.iter().map(|s| s as &(dyn ToSql + Sync)).collect();
        let mut client = self.client.try_borrow_mut().map_err(|_| busy())?;
        let mut rows = client.query_raw(&text, args).map_err(|e| pg(&self.name, e))?;
        while let Some(row) = rows.next().map_err(|e| pg(&self.name, e))? {
            let cells = (0..row.len()).map(|i| cell(&row, i)).collect::<Result<Vec<_>, _>>()?;
            each(&cells)?;
        }
        Ok(())
    }

    pub fn claim(&self, id: &str) -> Result<Option<Claim>, Error> {
        let rows = self.rows(&format!("{} WHERE id = $1", read::claim_select()), &[&id])?;
        let Some(row) = rows.first() else { return Ok(None) };
        let cells = (0..row.len()).map(|i| cell(row, i)).collect::<Result<Vec<_>, _>>()?;
        read::stored_claim(id, read::claim_object(&read::claim_keys(), &cells)).map(Some)
    }

    pub fn knows_key(&self, key: &str) -> Result<bool, Error> {
        Ok(self.rows("SELECT EXISTS (SELECT 1 FROM entity_aliases WHERE key = $1)", &[&key])?[0].get(0))
    }

    pub fn claim_ids_like(&self, prefix: &str, limit: usize) -> Result<Vec<String>, Error> {
        let past = format!("{prefix}\u{10FFFF}");
        let rows = self.rows(
            "SELECT id FROM claims WHERE id >= $1 AND id < $2 ORDER BY id LIMIT $3",
            &[&prefix, &past, &(limit as i64)],
        )?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    pub fn source(&self, id: &str) -> Result<Option<Source>, Error> {
        let rows = self
            .rows("SELECT id, title, publisher, url, published, added_at, text FROM sources WHERE id = $1", &[&id])?;
        rows.first()
            .map(|r| {
                read::stored_source(SourceRecord {
                    id: r.get(0),
                    title: r.get(1),
                    publisher: r.get(2),
                    url: r.get(3),
                    published: r.get(4),
                    added_at: r.get(5),
                    sha256: None,
                    text: r.get(6),
                    text_file: None,
                })
            })
            .transpose()
    }

    pub fn has_source(&self, id: &str) -> Result<bool, Error> {
        Ok(self.rows("SELECT EXISTS (SELECT 1 FROM sources WHERE id = $1)", &[&id])?[0].get(0))
    }

    pub fn source_ids(&self) -> Result<Vec<String>, Error> {
        Ok(self.rows("SELECT id FROM sources ORDER BY id", &[])?.iter().map(|r| r.get(0)).collect())
    }

    pub fn entities(&self) -> Result<Vec<Entity>, Error> {
        let mut aliases: HashMap<i64, Vec<String>> = HashMap::new();
        for r in self.rows(
            "SELECT a.entity_id, a.alias FROM entity_aliases AS a JOIN entities AS e ON e.id = a.entity_id
             WHERE a.alias <> e.name ORDER BY a.entity_id, a.alias",
            &[],
        )? {
            aliases.entry(r.get(0)).or_default().push(r.get(1));
        }
        let rows = self
            .rows(
                "SELECT e.id, e.name, e.kind, p.name FROM entities AS e LEFT JOIN entities AS p ON p.id = e.parent_id
                 ORDER BY e.name",
                &[],
            )?
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
            .collect();
        read::parents_first(rows, aliases)
    }

    /// Quotes against their spans, sources against their hashes, aliases and parents. The
    /// server enforces the keys and CHECKs itself, and its full-text indexes are on expressions
    /// of the claims' own columns, so they cannot drift from them as an FTS table can.
    pub fn verify(&self) -> Result<Verification, Error> {
        let mut v = Verification::default();
        let mut texts: HashMap<String, SourceText> = HashMap::new();
        for r in self.rows("SELECT id, sha256, text FROM sources ORDER BY id", &[])? {
            v.source(&mut texts, r.get(0), r.get::<_, &str>(1), r.get(2));
        }
        for r in
            self.rows("SELECT id, source_id, quote, start, \"end\" FROM claims ORDER BY source_id, start, id", &[])?
        {
            v.claim(&texts, r.get(0), r.get(1), r.get(2), r.get(3), r.get(4));
        }
        let separator = ALIAS_SEPARATOR.to_string();
        let split =
            self.rows("SELECT alias FROM entity_aliases WHERE strpos(alias, $1) > 0 ORDER BY alias", &[&separator])?;
        v.aliases(split.iter().map(|r| r.get(0)).collect());
        let parent: HashMap<i64, i64> = self
            .rows("SELECT id, parent_id FROM entities WHERE parent_id IS NOT NULL", &[])?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        v.parents(&parent, |id| Ok(self.rows("SELECT name FROM entities WHERE id = $1", &[&id])?[0].get(0)))?;
        Ok(v)
    }

    /// One repeatable-read transaction: every statement in it sees one moment of the database.
    pub(in crate::store) fn begin_snapshot(&self) -> Result<(), Error> {
        self.with(|c| c.batch_execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"))?;
        self.snapshot.set(true);
        Ok(())
    }

    pub(in crate::store) fn end_snapshot(&self) {
        self.snapshot.set(false);
        let _ = self.with(|c| c.batch_execute("COMMIT"));
    }
}

/// Creates the schema (`from` = `None`) or migrates it forward within `tx`, under an advisory
/// lock: of two processes at once, the second waits and finds the work done.
pub(super) fn change_schema(tx: &mut postgres::Transaction<'_>, name: &str, from: Option<i64>) -> Result<(), Error> {
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&SCHEMA_LOCK]).map_err(|e| pg(name, e))?;
    // Asked of the catalog itself: `to_regclass` answers from a cache that still says "no such
    // table" after the process that held the lock made it (five first imports at once: four
    // failed on "already exists").
    let made = "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class
                               WHERE relname = 'claimdb_schema' AND relnamespace = current_schema()::regnamespace)";
    let now: Option<i32> = match tx.query_one(made, &[]) {
        Ok(r) if r.get::<_, bool>(0) => {
            tx.query_opt("SELECT version FROM claimdb_schema", &[]).map_err(|e| pg(name, e))?.map(|r| r.get(0))
        }
        Ok(_) => None,
        Err(e) => return Err(pg(name, e)),
    };
    // A new database is made at the base version and brought forward like an old one.
    let now = match now.map(i64::from) {
        None if from.is_none() => {
            tx.batch_execute(SCHEMA_PG_SQL)
                .map_err(|e| Error::msg(format!("cannot create claimdb's schema in {name}: {}", pg_message(&e))))?;
            reader_role(tx, name)?;
            Some(PG_BASE_VERSION)
        }
        v => v,
    };
    match now {
        Some(v) if v < SCHEMA_VERSION => {
            for (to, sql) in PG_MIGRATIONS.iter().filter(|(to, _)| v < *to) {
                tx.batch_execute(sql)
                    .map_err(|e| Error::msg(format!("migrating {name} to schema {to} failed: {}", pg_message(&e))))?;
                tx.execute("UPDATE claimdb_schema SET version = $1", &[&(*to as i32)]).map_err(|e| pg(name, e))?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// Makes the read-only role, if this user may, in a transaction of its own: roles belong to the
/// whole server, and one made inside a long import would hold up another database's first import
/// until that one ends. Whatever fails here, `reader_role` says.
pub(super) fn reader_role_exists(client: &mut Client) {
    let _ = client.batch_execute(&format!(
        "DO $$ BEGIN
             IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{READER_ROLE}') THEN
                 CREATE ROLE {READER_ROLE} NOLOGIN;
             END IF;
         END $$"
    ));
}

/// Makes `claimdb sql`'s role: one that may read claimdb's tables and write nothing, and this
/// user a member of it. Each step that this user may not take (creating roles needs CREATEROLE,
/// granting one's membership its ADMIN option) is skipped with a note; `sql` then runs in
/// read-only transactions as the user.
fn reader_role(tx: &mut postgres::Transaction<'_>, name: &str) -> Result<(), Error> {
    let steps = [
        format!(
            "DO $$ BEGIN
                 IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{READER_ROLE}') THEN
                     CREATE ROLE {READER_ROLE} NOLOGIN;
                 END IF;
             END $$"
        ),
        format!(
            "GRANT USAGE ON SCHEMA public TO {READER_ROLE};
             GRANT SELECT ON claimdb_schema, entities, entity_aliases, sources, claims, claims_view TO {READER_ROLE};
             GRANT EXECUTE ON FUNCTION claimdb_number(double precision),
                 claimdb_figure(double precision, double precision, double precision, text, text) TO {READER_ROLE}"
        ),
        format!("GRANT {READER_ROLE} TO CURRENT_USER"),
    ];
    for step in steps {
        tx.batch_execute("SAVEPOINT role").map_err(|e| pg(name, e))?;
        if let Err(e) = tx.batch_execute(&step) {
            eprintln!(
                "claimdb: note: could not set up the read-only role {READER_ROLE} in {name} ({}); \
                 `claimdb sql` there runs in read-only transactions as this user",
                pg_message(&e)
            );
            tx.batch_execute("ROLLBACK TO SAVEPOINT role").map_err(|e| pg(name, e))?;
            break;
        }
        tx.batch_execute("RELEASE SAVEPOINT role").map_err(|e| pg(name, e))?;
    }
    Ok(())
}

/// A statement ready to run on the server.
pub struct PgPrepared<'s> {
    store: &'s PgStore,
    statement: Statement,
    params: &'s [Param],
    lists: &'s [usize],
    pub columns: Vec<String>,
}

impl PgPrepared<'_> {
    /// Runs it and streams its rows to `each` until it says to stop. The user's own SQL runs in
    /// a read-only transaction of its own, as the role that cannot write, and is rolled back.
    pub(in crate::store) fn each_while(
        &mut self,
        mut each: impl FnMut(&[Cell]) -> std::io::Result<bool>,
    ) -> Result<usize, Error> {
        let store = self.store;
        let mut client = store.client.try_borrow_mut().map_err(|_| busy())?;
        let own = store.locked && !store.snapshot.get();
        if own {
            let mut begin = String::from("BEGIN READ ONLY;");
            if store.reader {
                write!(begin, " SET LOCAL ROLE {READER_ROLE};").expect("a String takes any write");
            }
            client.batch_execute(&begin).map_err(|e| store.fail(e))?;
        }
        let watch = store.interrupt.as_ref().map(|flag| Watch::start(flag, client.cancel_token(), store.tls.clone()));
        let result = (|| {
            let mut rows = client.query_raw(&self.statement, params(self.params)).map_err(|e| store.fail(e))?;
            let mut count = 0;
            while let Some(row) = rows.next().map_err(|e| store.fail(e))? {
                let mut cells = (0..row.len()).map(|i| cell(&row, i)).collect::<Result<Vec<_>, _>>()?;
                super::split_lists(&mut cells, self.lists);
                count += 1;
                if !each(&cells)? {
                    break;
                }
            }
            Ok(count)
        })();
        drop(watch);
        if own {
            // Whatever the statement was, nothing of it stays.
            let _ = client.batch_execute("ROLLBACK");
        }
        result
    }
}

/// Cancels the statement running on the server when the shell's Ctrl-C flag goes up.
struct Watch {
    done: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Watch {
    fn start(
        flag: &Arc<AtomicBool>,
        token: postgres::CancelToken,
        tls: Option<postgres_native_tls::MakeTlsConnector>,
    ) -> Watch {
        flag.store(false, Ordering::Relaxed);
        let (flag, done) = (Arc::clone(flag), Arc::new(AtomicBool::new(false)));
        let stop = Arc::clone(&done);
        let thread = std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                if flag.load(Ordering::Relaxed) {
                    // Sent as the connection was made: a server that takes only TLS refuses
                    // a cancel request in the clear.
                    let _ = match tls {
                        Some(tls) => token.cancel_query(tls),
                        None => token.cancel_query(postgres::NoTls),
                    };
                    return;
                }
                std::thread::sleep(Duration::from_millis(10));
            }
        });
        Watch { done, thread: Some(thread) }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.done.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn param_type(p: &Param) -> Type {
    match p {
        Param::Text(_) => Type::TEXT,
        Param::Integer(_) => Type::INT8,
        Param::Real(_) => Type::FLOAT8,
    }
}

fn params(ps: &[Param]) -> Vec<&(dyn ToSql + Sync)> {
    ps.iter()
        .map(|p| match p {
            Param::Text(t) => t as &(dyn ToSql + Sync),
            Param::Integer(n) => n as &(dyn ToSql + Sync),
            Param::Real(x) => x as &(dyn ToSql + Sync),
        })
        .collect()
}

/// How sure of the server a TLS connection must be, as libpq's `sslmode` says.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Verify {
    /// `disable`: no TLS at all.
    Disabled,
    /// `disable`, `allow`, `prefer`, `require`: encrypted where the modes ask, the certificate
    /// not checked (libpq checks it only from `verify-ca` on).
    Nothing,
    /// `verify-ca`: a certificate signed by an authority the system trusts.
    Chain,
    /// `verify-full`: that, and issued to the host in the URL.
    Host,
}

/// Takes libpq's `verify-ca`/`verify-full` out of the URL (the client library knows only
/// `disable`, `prefer` and `require`), leaving `require` in their place.
fn verification(url: &str) -> (String, Verify) {
    for (mode, verify) in [("sslmode=verify-full", Verify::Host), ("sslmode=verify-ca", Verify::Chain)] {
        if url.contains(mode) {
            return (url.replace(mode, "sslmode=require"), verify);
        }
    }
    if url.contains("sslmode=disable") {
        return (url.to_string(), Verify::Disabled);
    }
    (url.replace("sslmode=allow", "sslmode=prefer"), Verify::Nothing)
}

/// The TLS connector the URL asks for: none for `sslmode=disable`, and none for a Unix socket,
/// which never carries TLS (libpq's rule too). Setting one up costs tens of milliseconds of
/// OpenSSL's start, most of a short query's time, so it is made only where it can be used.
fn tls(target: &mut Target) -> Result<Option<postgres_native_tls::MakeTlsConnector>, Error> {
    let local = target.config.get_hosts().iter().all(|h| matches!(h, postgres::config::Host::Unix(_)));
    if local && target.config.get_ssl_mode() == postgres::config::SslMode::Require {
        target.config.ssl_mode(postgres::config::SslMode::Prefer);
    }
    let verify = target.verify;
    let name = &target.name;
    if verify == Verify::Disabled || local {
        return Ok(None);
    }
    let tls = native_tls::TlsConnector::builder()
        .danger_accept_invalid_certs(verify == Verify::Nothing)
        .danger_accept_invalid_hostnames(verify != Verify::Host)
        .build()
        .map_err(|e| Error::msg(format!("cannot set up TLS to connect to {name}: {e}")))?;
    Ok(Some(postgres_native_tls::MakeTlsConnector::new(tls)))
}

/// Connects over TLS where the URL asks for it (`sslmode=require` and the `verify-` modes, or
/// `prefer`, the default, where the server offers it), else in the clear.
fn connect(target: &Target, tls: Option<postgres_native_tls::MakeTlsConnector>) -> Result<Client, Error> {
    let mut config = target.config.clone();
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(Duration::from_secs(10));
    }
    let result = match tls {
        None => config.connect(postgres::NoTls),
        Some(tls) => config.connect(tls),
    };
    result.map_err(|e| Error::msg(format!("cannot connect to {}: {}", target.name, pg_message(&e))))
}

/// The one connection is streaming a statement's rows, and something asked it for another
/// statement meanwhile (a caller's bug, never the user's: said plainly rather than panicking).
fn busy() -> Error {
    Error::msg("the connection to the server is busy with another statement's rows")
}

/// A server error in the server's words (with its detail), or the client's.
pub(super) fn pg_message(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => {
            let mut m = db.message().to_string();
            if let Some(d) = db.detail() {
                m.push_str(&format!(" ({d})"));
            }
            m
        }
        None => {
            let mut m = e.to_string();
            let mut source = std::error::Error::source(e);
            while let Some(s) = source {
                m.push_str(&format!(": {s}"));
                source = s.source();
            }
            m
        }
    }
}

fn pg(name: &str, e: postgres::Error) -> Error {
    match e.code() {
        Some(&SqlState::LOCK_NOT_AVAILABLE) => Error::msg(format!(
            "{name} stayed locked by another writer past the wait (--busy-timeout): {}",
            pg_message(&e)
        )),
        Some(&SqlState::READ_ONLY_SQL_TRANSACTION) | Some(&SqlState::INSUFFICIENT_PRIVILEGE) => {
            Error::msg(format!("refused: {} (this command only reads)", pg_message(&e)))
        }
        _ => Error::msg(format!("database error: {}", pg_message(&e))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A bump of the schema needs a PostgreSQL migration as well as a SQLite one.
    #[test]
    fn migrations_reach_the_current_version_from_the_first_postgresql_schema() {
        let mut at = PG_BASE_VERSION;
        for (to, _) in PG_MIGRATIONS {
            assert_eq!(*to, at + 1, "migrations go one version at a time");
            at = *to;
        }
        assert_eq!(at, SCHEMA_VERSION, "add a PostgreSQL migration to PG_MIGRATIONS");
        assert!(SCHEMA_PG_SQL.contains(&format!("VALUES ('claimdb', {PG_BASE_VERSION})")));
        assert!(SCHEMA_PG_SQL.starts_with(&format!("-- claimdb schema, version {PG_BASE_VERSION}, for PostgreSQL.")));
    }

    /// `.pgpass` lines as libpq reads them: wildcards, escapes, the first match.
    #[test]
    fn a_pgpass_file_gives_the_password_of_the_first_matching_line() {
        let file = "# comment\n\
                    other.example.org:5432:*:reporter:wrong\n\
                    db.example.org:5432:claims:reporter:pa\\:ss\\\\word\n\
                    *:*:*:*:fallback\n";
        let config: Config = "postgres://reporter@db.example.org/claims".parse().unwrap();
        assert_eq!(pgpass(file, &config).as_deref(), Some("pa:ss\\word"));
        let config: Config = "postgres://editor@db.example.org:5433/claims".parse().unwrap();
        assert_eq!(pgpass(file, &config).as_deref(), Some("fallback"));
        let config: Config = "postgres://editor@%2Ftmp/claims".parse().unwrap();
        assert_eq!(pgpass("localhost:5432:claims:editor:local\n", &config).as_deref(), Some("local"));
        assert_eq!(pgpass("other:5432:claims:editor:x\n", &config), None);
    }

    /// Messages name the database by what was read of the URL: never its password, wherever the
    /// password hides.
    #[test]
    fn a_target_is_named_without_its_password() {
        for url in [
            "postgres://reporter:s3cret@db.example.org:5433/claims",
            "postgres://reporter:pa%2Fss%3Fw%40rd@db.example.org/claims",
            "postgres://reporter@db.example.org/claims?password=s3cret&sslmode=require",
            "postgres://reporter@db.example.org/claims?sslmode=verify-full&password=pa%2Fss",
        ] {
            let name = Target::parse(url).unwrap().name;
            assert!(name.starts_with("postgres://reporter@db.example.org"), "{name}");
            assert!(name.ends_with("/claims"), "{name}");
            assert!(!name.contains("s3cret") && !name.contains("%2Fss"), "{name}");
        }
        let socket = Target::parse("postgres://reporter@%2Ftmp%2Fpg:5439/claims").unwrap().name;
        assert_eq!(socket, "postgres://reporter@%2Ftmp%2Fpg:5439/claims", "a name that reads back as the same URL");
    }
}
