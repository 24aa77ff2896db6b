//! The PostgreSQL engine: connecting (with TLS where the URL asks for it), the schema, reads,
//! statements, and the bulk load in [`write`].
//!
//! What the SQLite engine gets from its file, this one gets from the server: a database is
//! claimdb's when it has the `claimdb_schema` table (schema.pg.sql), whose row holds the schema
//! version; reading commands run every statement in a read-only transaction; `claimdb sql` runs
//! each statement of the user's in its own read-only transaction as `claimdb_reader`, a role that
//! holds no right to write, so a write is refused by the server, never by looking at the text.

mod write;

use std::cell::{Cell as Flag, RefCell};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use postgres::error::SqlState;
use postgres::fallible_iterator::FallibleIterator;
use postgres::types::{FromSql, ToSql, Type};
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

impl PgStore {
    /// Connects, and checks (or, to write, makes) the schema.
    pub fn connect(url: &str, access: Access, busy: Duration) -> Result<PgStore, Error> {
        let config: Config = url.parse().map_err(|e| Error::msg(format!("not a PostgreSQL URL ({e}): {url}")))?;
        let name = super::without_password(url);
        let client = connect(&config, &name)?;
        let mut store = PgStore {
            client: RefCell::new(client),
            name,
            busy,
            timeout: None,
            interrupt: None,
            locked: false,
            reader: false,
            snapshot: Flag::new(false),
            statements: RefCell::default(),
        };
        match (store.version()?, access) {
            (Some(_), Access::Create) => {
                return Err(Error::msg(format!(
                    "{} already holds a claimdb database; pick another database or drop its tables first",
                    store.name
                )))
            }
            (Some(SCHEMA_VERSION), _) => {}
            (Some(v), _) if v > SCHEMA_VERSION => {
                return Err(Error::msg(format!(
                    "{} has schema version {v}, newer than this claimdb understands ({SCHEMA_VERSION}); \
                     upgrade claimdb to read it",
                    store.name
                )))
            }
            (Some(v), _) => {
                return Err(Error::msg(format!(
                    "{} has schema {v}, which this claimdb cannot migrate (PostgreSQL databases begin at schema 4)",
                    store.name
                )))
            }
            (None, Access::Write | Access::Create) => store.create_schema()?,
            (None, _) => {
                return Err(Error::msg(format!(
                    "{} holds no claimdb database yet; `claimdb init {}` creates one",
                    store.name, store.name
                )))
            }
        }
        let client = store.client.get_mut();
        if !matches!(access, Access::Write | Access::Create) {
            // Every transaction this session begins is read-only, by the server's rule.
            client.batch_execute("SET default_transaction_read_only = on").map_err(|e| pg(&store.name, e))?;
        }
        client
            .batch_execute(&format!("SET lock_timeout = {}", busy.as_millis().max(1)))
            .map_err(|e| pg(&store.name, e))?;
        Ok(store)
    }

    /// The schema version, or `None` in a database without claimdb's schema.
    fn version(&self) -> Result<Option<i64>, Error> {
        let mut client = self.client.borrow_mut();
        let exists: bool = client
            .query_one("SELECT to_regclass('claimdb_schema') IS NOT NULL", &[])
            .map_err(|e| pg(&self.name, e))?
            .get(0);
        if !exists {
            let other: bool = client
                .query_one("SELECT to_regclass('claims') IS NOT NULL OR to_regclass('entities') IS NOT NULL", &[])
                .map_err(|e| pg(&self.name, e))?
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
        let row = client
            .query_opt("SELECT version FROM claimdb_schema WHERE application = 'claimdb'", &[])
            .map_err(|e| pg(&self.name, e))?;
        Ok(row.map(|r| i64::from(r.get::<_, i32>(0))))
    }

    /// Creates the schema in one transaction, and the reader role where this user may. Two
    /// processes creating it at once: the advisory lock makes the second wait and find it made.
    fn create_schema(&mut self) -> Result<(), Error> {
        let name = self.name.clone();
        let client = self.client.get_mut();
        let mut tx = client.transaction().map_err(|e| pg(&name, e))?;
        tx.batch_execute("SELECT pg_advisory_xact_lock(4362236516)").map_err(|e| pg(&name, e))?;
        let made: bool =
            tx.query_one("SELECT to_regclass('claimdb_schema') IS NOT NULL", &[]).map_err(|e| pg(&name, e))?.get(0);
        if !made {
            tx.batch_execute(SCHEMA_PG_SQL)
                .map_err(|e| Error::msg(format!("cannot create claimdb's schema in {name}: {}", pg_message(&e))))?;
            // The role is the server's, shared by its databases; making it needs CREATEROLE.
            // Without it, `sql` still runs in read-only transactions.
            tx.batch_execute("SAVEPOINT role").map_err(|e| pg(&name, e))?;
            let role = format!(
                "DO $$ BEGIN
                     IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{READER_ROLE}') THEN
                         CREATE ROLE {READER_ROLE} NOLOGIN;
                     END IF;
                 END $$;
                 GRANT USAGE ON SCHEMA public TO {READER_ROLE};
                 GRANT SELECT ON claimdb_schema, entities, entity_aliases, sources, claims, claims_view TO {READER_ROLE};
                 GRANT EXECUTE ON FUNCTION claimdb_number(double precision),
                     claimdb_figure(double precision, double precision, double precision, text, text) TO {READER_ROLE};
                 GRANT {READER_ROLE} TO CURRENT_USER;"
            );
            if let Err(e) = tx.batch_execute(&role) {
                eprintln!(
                    "claimdb: note: could not set up the read-only role {READER_ROLE} in {name} ({}); \
                     `claimdb sql` there runs in read-only transactions only",
                    pg_message(&e)
                );
                tx.batch_execute("ROLLBACK TO SAVEPOINT role").map_err(|e| pg(&name, e))?;
            }
        }
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
        let row = self
            .client
            .get_mut()
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AND pg_has_role(current_user, $1, 'MEMBER')",
                &[&READER_ROLE],
            )
            .map_err(|e| pg(&name, e))?;
        self.reader = row.get(0);
        self.locked = true;
        Ok(())
    }

    /// Runs `f` with the client, saying so plainly if a statement is already streaming rows.
    fn with<T>(&self, f: impl FnOnce(&mut Client) -> Result<T, postgres::Error>) -> Result<T, Error> {
        let mut client = self
            .client
            .try_borrow_mut()
            .map_err(|_| Error::msg("the connection is busy with another statement's rows"))?;
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
        let mut columns: Vec<String> = Vec::new();
        for c in statement.columns() {
            // JSON objects need distinct keys: a join's second `id` becomes `id:2`.
            let mut unique = c.name().to_string();
            let mut n = 1;
            while columns.contains(&unique) {
                n += 1;
                unique = format!("{}:{n}", c.name());
            }
            columns.push(unique);
        }
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
        let mut client =
            self.client.try_borrow_mut().map_err(|_| Error::msg("the connection is busy with another statement"))?;
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
        let mut client = store
            .client
            .try_borrow_mut()
            .map_err(|_| Error::msg("the connection is busy with another statement's rows"))?;
        let own = store.locked && !store.snapshot.get();
        if own {
            let mut begin = String::from("BEGIN READ ONLY;");
            if store.reader {
                write!(begin, " SET LOCAL ROLE {READER_ROLE};").expect("a String takes any write");
            }
            client.batch_execute(&begin).map_err(|e| store.fail(e))?;
        }
        let watch = store.interrupt.as_ref().map(|flag| Watch::start(flag, client.cancel_token()));
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
    fn start(flag: &Arc<AtomicBool>, token: postgres::CancelToken) -> Watch {
        flag.store(false, Ordering::Relaxed);
        let (flag, done) = (Arc::clone(flag), Arc::new(AtomicBool::new(false)));
        let stop = Arc::clone(&done);
        let thread = std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                if flag.load(Ordering::Relaxed) {
                    let _ = token.cancel_query(postgres::NoTls);
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

/// One value as a cell, as SQLite's values become cells: integers and booleans as integers,
/// whole reals as integers, text borrowed from the row. A type claimdb never stores shows as its
/// name in angle brackets.
fn cell(row: &Row, i: usize) -> Result<Cell<'_>, Error> {
    let t = row.columns()[i].type_();
    let bad = |e: Box<dyn std::error::Error + Sync + Send>| Error::msg(format!("cannot read column {i}: {e}"));
    Ok(match *t {
        Type::BOOL => {
            row.try_get::<_, Option<bool>>(i).map_err(|e| bad(e.into()))?.map_or(Cell::Null, |b| Cell::Int(b.into()))
        }
        Type::INT2 => {
            row.try_get::<_, Option<i16>>(i).map_err(|e| bad(e.into()))?.map_or(Cell::Null, |n| Cell::Int(n.into()))
        }
        Type::INT4 => {
            row.try_get::<_, Option<i32>>(i).map_err(|e| bad(e.into()))?.map_or(Cell::Null, |n| Cell::Int(n.into()))
        }
        Type::INT8 => row.try_get::<_, Option<i64>>(i).map_err(|e| bad(e.into()))?.map_or(Cell::Null, Cell::Int),
        Type::FLOAT4 => {
            row.try_get::<_, Option<f32>>(i).map_err(|e| bad(e.into()))?.map_or(Cell::Null, |x| Cell::number(x.into()))
        }
        Type::FLOAT8 => row.try_get::<_, Option<f64>>(i).map_err(|e| bad(e.into()))?.map_or(Cell::Null, Cell::number),
        Type::NUMERIC => {
            row.try_get::<_, Option<Numeric>>(i).map_err(|e| bad(e.into()))?.map_or(Cell::Null, |n| Cell::number(n.0))
        }
        Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN => {
            row.try_get::<_, Option<&str>>(i).map_err(|e| bad(e.into()))?.map_or(Cell::Null, |s| Cell::Text(s.into()))
        }
        ref other => match row.try_get::<_, Option<Raw>>(i).map_err(|e| bad(e.into()))? {
            None => Cell::Null,
            Some(_) => Cell::Text(format!("<{}>", other.name()).into()),
        },
    })
}

/// A NUMERIC as a float: PostgreSQL's sums and averages of integers are NUMERIC.
struct Numeric(f64);

impl<'a> FromSql<'a> for Numeric {
    fn from_sql(_: &Type, raw: &'a [u8]) -> Result<Numeric, Box<dyn std::error::Error + Sync + Send>> {
        // ndigits, weight, sign, dscale, then ndigits base-10000 digits, all big-endian i16.
        let word = |i: usize| -> Result<i16, Box<dyn std::error::Error + Sync + Send>> {
            let b = raw.get(2 * i..2 * i + 2).ok_or("a NUMERIC shorter than its header says")?;
            Ok(i16::from_be_bytes([b[0], b[1]]))
        };
        let (ndigits, weight, sign) = (word(0)?, word(1)?, word(2)? as u16);
        if sign == 0xC000 {
            return Ok(Numeric(f64::NAN));
        }
        let mut v = 0.0;
        for d in 0..ndigits.max(0) as usize {
            v += f64::from(word(4 + d)?) * 10_000f64.powi(i32::from(weight) - d as i32);
        }
        Ok(Numeric(if sign == 0x4000 { -v } else { v }))
    }

    fn accepts(t: &Type) -> bool {
        *t == Type::NUMERIC
    }
}

/// Any value, unread: enough to tell NULL from not.
struct Raw;

impl<'a> FromSql<'a> for Raw {
    fn from_sql(_: &Type, _: &'a [u8]) -> Result<Raw, Box<dyn std::error::Error + Sync + Send>> {
        Ok(Raw)
    }

    fn accepts(_: &Type) -> bool {
        true
    }
}

/// Connects over TLS where the URL asks for it (`sslmode=require`, or `prefer`, the default,
/// where the server offers it), else in the clear.
fn connect(config: &Config, name: &str) -> Result<Client, Error> {
    let mut config = config.clone();
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(Duration::from_secs(10));
    }
    let result = if config.get_ssl_mode() == postgres::config::SslMode::Disable {
        config.connect(postgres::NoTls)
    } else {
        let tls = native_tls::TlsConnector::new()
            .map_err(|e| Error::msg(format!("cannot set up TLS to connect to {name}: {e}")))?;
        config.connect(postgres_native_tls::MakeTlsConnector::new(tls))
    };
    result.map_err(|e| Error::msg(format!("cannot connect to {name}: {}", pg_message(&e))))
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
