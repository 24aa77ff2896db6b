//! Reading claims, sources and entities back out of the store, and verifying what it holds.

use std::collections::HashMap;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{OptionalExtension, ToSql};

use crate::columns::stored_claim_fields;
use crate::dsl::{Dialect, Param, Sql, Sqlite};
use crate::error::Error;
use crate::model::{sha256_hex, Claim, ClaimRecord, Entity, EntityRecord, Source, SourceRecord, ALIAS_SEPARATOR};
use crate::rows::Cell;
use crate::store::SqliteStore;
use crate::text::{shorten, SourceText};

/// A claim's stored fields under their JSON keys, from the readable view, which has a column of
/// each key (a test holds the view to the field table).
static CLAIM_SELECT: LazyLock<String> = LazyLock::new(|| {
    let keys: Vec<String> = stored_claim_fields().map(|f| Sqlite.ident(f.name)).collect();
    format!("SELECT {} FROM claims_view", keys.join(", "))
});

/// The keys of [`CLAIM_SELECT`]'s columns, in order.
pub fn claim_keys() -> Vec<String> {
    stored_claim_fields().map(|f| f.name.to_string()).collect()
}

/// One fault `verify` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    /// `quote`, `hash`, `integrity`, `search-index`, `alias` or `parents`.
    pub check: &'static str,
    /// The claim or source at fault, or the database.
    pub id: String,
    pub detail: String,
}

/// What `verify` looked at, and what it found wrong.
#[derive(Debug, Default)]
pub struct Verification {
    pub sources: usize,
    pub claims: usize,
    pub faults: Vec<Fault>,
}

impl Verification {
    /// Counts a source and checks its text against the hash recorded when it was added.
    pub(super) fn source(&mut self, texts: &mut HashMap<String, SourceText>, id: String, hash: &str, text: String) {
        self.sources += 1;
        let actual = sha256_hex(&text);
        if actual != hash {
            self.faults.push(Fault {
                check: "hash",
                id: id.clone(),
                detail: format!("the text's SHA-256 is {actual}, but {hash} was recorded when it was added"),
            });
        }
        texts.insert(id, SourceText::new(text));
    }

    /// Counts a claim and checks its quote against its span of the source text.
    pub(super) fn claim(
        &mut self,
        texts: &HashMap<String, SourceText>,
        id: String,
        source: &str,
        quote: &str,
        start: i64,
        end: i64,
    ) {
        self.claims += 1;
        let found = texts.get(source).and_then(|t| t.slice(start.max(0) as usize, end.max(0) as usize));
        match found {
            Some(f) if f == quote => {}
            Some(f) => self.faults.push(Fault {
                check: "quote",
                id,
                detail: format!(
                    "the quote “{}” is not what {source} has at {start}..{end}: “{}”",
                    shorten(quote, 60),
                    shorten(f, 60)
                ),
            }),
            None => self.faults.push(Fault {
                check: "quote",
                id,
                detail: format!("span {start}..{end} is not inside source `{source}`"),
            }),
        }
    }

    /// Aliases that hold the separator: listings and CSV join aliases with `|`, so one holding it
    /// (possible only in a database written before that rule or by hand) would read back as two.
    pub(super) fn aliases(&mut self, split: Vec<String>) {
        for alias in split {
            self.faults.push(Fault {
                check: "alias",
                id: alias.clone(),
                detail: format!(
                    "the alias holds `{ALIAS_SEPARATOR}`, which lists and CSV join aliases with; rename it"
                ),
            });
        }
    }

    /// Entities that are their own ancestors, given every entity's parent.
    pub(super) fn parents(
        &mut self,
        parent: &HashMap<i64, i64>,
        mut name: impl FnMut(i64) -> Result<String, Error>,
    ) -> Result<(), Error> {
        let mut cycle: Vec<String> = Vec::new();
        for id in super::on_cycles(parent) {
            cycle.push(name(id)?);
        }
        cycle.sort();
        for name in cycle {
            self.faults.push(Fault {
                check: "parents",
                id: name,
                detail: "the entity is its own ancestor (a cycle of parents); set a parent that leads out of it".into(),
            });
        }
        Ok(())
    }
}

/// A stored claim's cells (under [`claim_keys`]) as a JSON object of its fields.
pub(super) fn claim_object(keys: &[String], cells: &[Cell]) -> serde_json::Map<String, serde_json::Value> {
    keys.iter()
        .zip(cells)
        .map(|(key, cell)| {
            let v = match cell {
                Cell::Null => serde_json::Value::Null,
                Cell::Int(n) => (*n).into(),
                Cell::Real(x) => (*x).into(),
                Cell::Text(t) => t.to_string().into(),
                Cell::List(l) => l.join(&ALIAS_SEPARATOR.to_string()).into(),
            };
            (key.clone(), v)
        })
        .collect()
}

/// A claim read back as its fields under their JSON keys, through the one checked path from flat
/// fields to a claim, as an import takes. A stored record that no longer passes the model's checks
/// was changed behind claimdb's back.
pub(super) fn stored_claim(id: &str, object: serde_json::Map<String, serde_json::Value>) -> Result<Claim, Error> {
    let record: ClaimRecord = serde_json::from_value(object.into()).map_err(|e| Error::msg(e.to_string()))?;
    record.into_claim().map_err(|e| Error::msg(format!("stored claim `{id}` is invalid ({e}); run `claimdb verify`")))
}

/// A source read back, through the same checks as an import's.
pub(super) fn stored_source(record: SourceRecord) -> Result<Source, Error> {
    let id = record.id.clone();
    let no_files = |_: &str| Err("a stored source has its text".to_string());
    record
        .into_source(&no_files, "")
        .map_err(|e| Error::msg(format!("stored source `{id}` is invalid ({e}); run `claimdb verify`")))
}

/// Entities read back (id, name, kind, parent's name; in name order) with their aliases, checked
/// as an import checks them, ordered parents before children, then by name.
pub(super) fn parents_first(
    rows: Vec<(i64, String, String, Option<String>)>,
    mut aliases: HashMap<i64, Vec<String>>,
) -> Result<Vec<Entity>, Error> {
    let mut pending: Vec<Entity> = Vec::with_capacity(rows.len());
    for (id, name, kind, parent) in rows {
        let invalid = |e: String| Error::msg(format!("stored entity `{name}` is invalid ({e}); run `claimdb verify`"));
        let record =
            EntityRecord { aliases: aliases.remove(&id).unwrap_or_default(), name: name.clone(), kind, parent };
        pending.push(record.into_entity().map_err(invalid)?);
    }
    // Parents before children: by depth in the tree of parents (roots first), then by name,
    // the order rounds of "those whose parent is out already" would give, in linear time.
    let index: HashMap<&str, usize> = pending.iter().enumerate().map(|(i, e)| (e.name(), i)).collect();
    let parent: Vec<Option<usize>> = pending.iter().map(|e| e.parent().and_then(|p| index.get(p).copied())).collect();
    let mut depth: Vec<Option<usize>> = vec![None; pending.len()];
    for start in 0..pending.len() {
        let mut path = Vec::new();
        let mut at = start;
        let base = loop {
            if let Some(d) = depth[at] {
                break d + 1;
            }
            if path.len() > pending.len() {
                return Err(Error::msg("the entities' parents form a cycle; run `claimdb verify`"));
            }
            path.push(at);
            match parent[at] {
                Some(p) => at = p,
                None => break 0,
            }
        };
        for (i, &node) in path.iter().rev().enumerate() {
            depth[node] = Some(base + i);
        }
    }
    let mut order: Vec<(usize, usize)> = depth.iter().enumerate().map(|(i, d)| (d.unwrap_or(0), i)).collect();
    // Stable, and `pending` is in name order already.
    order.sort_by_key(|&(d, _)| d);
    let mut slots: Vec<Option<Entity>> = pending.into_iter().map(Some).collect();
    Ok(order.into_iter().filter_map(|(_, i)| slots[i].take()).collect())
}

/// The SELECT of a claim's stored fields under their JSON keys (see `CLAIM_SELECT`).
pub(super) fn claim_select() -> &'static str {
    &CLAIM_SELECT
}

impl SqliteStore {
    /// Every stored claim's fields, in source order (of one source, or all), handed to `each` as
    /// cells under [`claim_keys`], straight from SQLite's buffers: export streams them.
    pub fn each_claim(
        &self,
        source: Option<&str>,
        mut each: impl FnMut(&[Cell]) -> std::io::Result<()>,
    ) -> Result<(), Error> {
        let filter = if source.is_some() { " WHERE source = ?1" } else { "" };
        let sql = format!("{}{filter} ORDER BY source, start, {}, id", claim_select(), Sqlite.ident("end"));
        let mut stmt = self.conn.prepare(&sql)?;
        let n = stmt.column_count();
        let mut rows = match source {
            Some(id) => stmt.query([id])?,
            None => stmt.query([])?,
        };
        while let Some(row) = rows.next()? {
            let mut cells = Vec::with_capacity(n);
            for i in 0..n {
                cells.push(super::run::cell(row.get_ref(i)?));
            }
            each(&cells)?;
        }
        Ok(())
    }

    pub fn claim(&self, id: &str) -> Result<Option<Claim>, Error> {
        let keys = claim_keys();
        let record = self
            .conn
            .query_row(&format!("{} WHERE id = ?1", claim_select()), [id], |r| {
                let mut object = serde_json::Map::new();
                for (i, key) in keys.iter().enumerate() {
                    let v = match r.get_ref(i)? {
                        ValueRef::Null => serde_json::Value::Null,
                        ValueRef::Integer(n) => n.into(),
                        ValueRef::Real(x) => x.into(),
                        other => other.as_str().map(Into::into).unwrap_or(serde_json::Value::Null),
                    };
                    object.insert(key.clone(), v);
                }
                Ok(object)
            })
            .optional()?;
        record.map(|object| stored_claim(id, object)).transpose()
    }

    /// Whether some entity goes by the folded name `key`.
    pub fn knows_key(&self, key: &str) -> Result<bool, Error> {
        Ok(self.conn.query_row("SELECT EXISTS (SELECT 1 FROM entity_aliases WHERE key = ?1)", [key], |r| r.get(0))?)
    }

    /// Ids of claims that start like `prefix`, for "did you mean" hints.
    pub fn claim_ids_like(&self, prefix: &str, limit: usize) -> Result<Vec<String>, Error> {
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM claims WHERE id >= ?1 AND id < ?1 || char(1114111) ORDER BY id LIMIT ?2")?;
        let ids = stmt.query_map(rusqlite::params![prefix, limit as i64], |r| r.get(0))?;
        Ok(ids.collect::<Result<_, _>>()?)
    }

    pub fn source(&self, id: &str) -> Result<Option<Source>, Error> {
        let record = self
            .conn
            .query_row(
                "SELECT id, title, publisher, url, published, added_at, text FROM sources WHERE id = ?1",
                [id],
                |r| {
                    Ok(SourceRecord {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        publisher: r.get(2)?,
                        url: r.get(3)?,
                        published: r.get(4)?,
                        added_at: r.get(5)?,
                        sha256: None,
                        text: r.get(6)?,
                        text_file: None,
                    })
                },
            )
            .optional()?;
        record.map(stored_source).transpose()
    }

    pub fn has_source(&self, id: &str) -> Result<bool, Error> {
        Ok(self.conn.query_row("SELECT EXISTS (SELECT 1 FROM sources WHERE id = ?1)", [id], |r| r.get(0))?)
    }

    pub fn source_ids(&self) -> Result<Vec<String>, Error> {
        let mut stmt = self.conn.prepare("SELECT id FROM sources ORDER BY id")?;
        let ids = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
        Ok(ids)
    }

    /// Every entity, parents before their children (so an export imports in one pass), then by name.
    pub fn entities(&self) -> Result<Vec<Entity>, Error> {
        let mut aliases: HashMap<i64, Vec<String>> = HashMap::new();
        {
            let mut stmt = self.conn.prepare(
                "SELECT a.entity_id, a.alias FROM entity_aliases AS a JOIN entities AS e ON e.id = a.entity_id
                 WHERE a.alias <> e.name ORDER BY a.entity_id, a.alias",
            )?;
            for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
                let (id, alias) = row?;
                aliases.entry(id).or_default().push(alias);
            }
        }
        let mut stmt = self.conn.prepare(
            "SELECT e.id, e.name, e.kind, p.name FROM entities AS e LEFT JOIN entities AS p ON p.id = e.parent_id
             ORDER BY e.name",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        parents_first(rows, aliases)
    }

    /// Checks every quote against its span, every source against its hash, SQLite's own integrity
    /// check, and the full-text index against the claims it indexes.
    pub fn verify(&self) -> Result<Verification, Error> {
        let mut v = Verification::default();
        let mut texts: HashMap<String, SourceText> = HashMap::new();
        {
            let mut stmt = self.conn.prepare("SELECT id, sha256, text FROM sources ORDER BY id")?;
            let rows =
                stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?;
            for row in rows {
                let (id, hash, text) = row?;
                v.source(&mut texts, id, &hash, text);
            }
        }
        let mut stmt = self
            .conn
            .prepare("SELECT id, source_id, quote, start, \"end\" FROM claims ORDER BY source_id, start, id")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, i64>(4)?,
            ))
        })?;
        for row in rows {
            let (id, source, quote, start, end) = row?;
            v.claim(&texts, id, &source, &quote, start, end);
        }
        // Listings and CSV join aliases with `|`, so one holding it (possible only in a file
        // written before that rule or by hand) would read back as two.
        let mut stmt =
            self.conn.prepare("SELECT alias FROM entity_aliases WHERE instr(alias, ?1) > 0 ORDER BY alias")?;
        let split: Vec<String> =
            stmt.query_map([ALIAS_SEPARATOR.to_string()], |r| r.get(0))?.collect::<Result<_, _>>()?;
        v.aliases(split);
        let parent: HashMap<i64, i64> = {
            let mut stmt = self.conn.prepare("SELECT id, parent_id FROM entities WHERE parent_id IS NOT NULL")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        v.parents(&parent, |id| {
            Ok(self.conn.query_row("SELECT name FROM entities WHERE id = ?1", [id], |r| r.get(0))?)
        })?;
        let problems: Vec<String> =
            self.conn.prepare("PRAGMA integrity_check")?.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
        for p in problems.into_iter().filter(|p| p != "ok") {
            v.faults.push(Fault { check: "integrity", id: "database".into(), detail: p });
        }
        let broken_keys: i64 =
            self.conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))?;
        if broken_keys > 0 {
            v.faults.push(Fault {
                check: "integrity",
                id: "database".into(),
                detail: format!("{broken_keys} rows point at entities or sources that do not exist"),
            });
        }
        if let Some(e) = self.check_search_index()? {
            v.faults.push(Fault {
                check: "search-index",
                id: "claims_fts".into(),
                detail: format!(
                    "the full-text index does not match the claims ({e}); rebuild it with \
                     INSERT INTO claims_fts(claims_fts) VALUES('rebuild')"
                ),
            });
        }
        Ok(v)
    }

    /// Opens the read transaction of [`crate::store::Store::snapshot`].
    pub(crate) fn begin_snapshot(&self) -> Result<(), Error> {
        self.conn.execute_batch("BEGIN")?;
        Ok(())
    }

    /// Ends it. A read transaction has nothing to commit; ending it only lets the WAL move on.
    pub(crate) fn end_snapshot(&self) {
        let _ = self.conn.execute_batch("COMMIT");
    }
}

impl SqliteStore {
    /// Copies the whole database to a new file at `path` with SQLite's online backup API, in one
    /// step: one read transaction, so the copy is the database as of one moment however busy the
    /// writers (a copy in many steps restarts whenever another connection writes).
    pub fn backup_to(&self, path: &std::path::Path) -> Result<(), Error> {
        let mut copy = rusqlite::Connection::open(path)?;
        copy_whole(&self.conn, &mut copy, self.busy_timeout())?;
        // A backup is a file of its own: in WAL like every claimdb file, and closed whole.
        let _: String = copy.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        Ok(())
    }

    /// FTS5's 'integrity-check' compares the index with the claims it indexes. It changes nothing,
    /// but it is spelt as an INSERT, which a read-only connection refuses; so it runs on a scratch
    /// copy of the database (SQLite's backup API, a consistent snapshot) in a temporary file.
    fn check_search_index(&self) -> Result<Option<rusqlite::Error>, Error> {
        let check = |conn: &rusqlite::Connection| {
            match conn.execute("INSERT INTO claims_fts (claims_fts, rank) VALUES ('integrity-check', 1)", []) {
                Ok(_) => Ok(None),
                // What the check reports of the index; anything else is a fault in running it.
                Err(e)
                    if matches!(
                        e.sqlite_error_code(),
                        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::ConstraintViolation)
                    ) =>
                {
                    Ok(Some(e))
                }
                Err(e) => Err(Error::msg(format!("cannot check the full-text index: {e}"))),
            }
        };
        if self.path().is_none() {
            // In memory, and this process's alone: nothing to protect.
            return check(&self.conn);
        }
        let scratch = tempfile::NamedTempFile::new()
            .map_err(|e| Error::msg(format!("cannot make a scratch copy to check the full-text index: {e}")))?;
        let mut copy = rusqlite::Connection::open(scratch.path())?;
        copy_whole(&self.conn, &mut copy, self.busy_timeout())
            .map_err(|e| Error::msg(format!("cannot make a scratch copy to check the full-text index: {e}")))?;
        check(&copy)
    }

    /// SQLite's plan for a compiled query, one line a step, indented by depth.
    pub fn plan(&self, sql: &Sql) -> Result<Vec<String>, Error> {
        let mut stmt = self.conn.prepare(&format!("EXPLAIN QUERY PLAN {}", sql.text))?;
        let mut depth: HashMap<i64, usize> = HashMap::new();
        let mut out = Vec::new();
        let mut rows = stmt.query(rusqlite::params_from_iter(&sql.params))?;
        while let Some(r) = rows.next()? {
            let (id, parent, detail): (i64, i64, String) = (r.get(0)?, r.get(1)?, r.get(3)?);
            let d = depth.get(&parent).map(|d| d + 1).unwrap_or(0);
            depth.insert(id, d);
            out.push(format!("{}{detail}", "  ".repeat(d)));
        }
        Ok(out)
    }
}

/// Copies every page of `from` into `to` in one backup step (-1: all pages), so the copy is one
/// consistent moment of `from`; waits out a busy or locked source for up to `patience`.
fn copy_whole(from: &rusqlite::Connection, to: &mut rusqlite::Connection, patience: Duration) -> Result<(), Error> {
    use rusqlite::backup::{Backup, StepResult};
    let backup = Backup::new(from, to)?;
    let start = Instant::now();
    loop {
        if let StepResult::Done = backup.step(-1)? {
            return Ok(());
        }
        if start.elapsed() > patience {
            return Err(Error::msg(format!(
                "the database stayed locked by another process for {} s (--busy-timeout)",
                patience.as_secs_f64()
            )));
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// A compiled query's parameters, bound as SQLite's own values.
impl ToSql for Param {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Param::Text(t) => ToSqlOutput::Borrowed(ValueRef::Text(t.as_bytes())),
            Param::Integer(n) => ToSqlOutput::Owned(rusqlite::types::Value::Integer(*n)),
            Param::Real(r) => ToSqlOutput::Owned(rusqlite::types::Value::Real(*r)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `claims_view` is written in schema.sql (and migration 0002); the field table is what every
    /// reader of it assumes. Its columns are the stored claim keys, in order.
    #[test]
    fn the_readable_view_has_a_column_of_each_stored_key_in_order() {
        let store = SqliteStore::empty_in_memory().unwrap();
        let mut stmt = store.conn.prepare("SELECT name FROM pragma_table_info('claims_view') ORDER BY cid").unwrap();
        let columns: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
        assert_eq!(columns, claim_keys());
        assert_eq!(columns.len(), 22);
    }
}
