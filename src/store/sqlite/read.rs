//! SQLite's reads: claims, sources and entities back out of a file, verifying what it holds,
//! copying it whole, and its plans.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{OptionalExtension, ToSql};

use super::SqliteStore;
use crate::dsl::{Dialect, Param, Sql, Sqlite};
use crate::error::Error;
use crate::model::{Claim, Entity, Source, SourceRecord, ALIAS_SEPARATOR};
use crate::rows::Cell;
use crate::store::read::{
    claim_keys, claim_object, claim_select, parents_first, stored_claim, stored_source, Fault, Verification,
};
use crate::text::SourceText;

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
                let cells = (0..keys.len())
                    .map(|i| Ok(super::run::cell(r.get_ref(i)?)))
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                Ok(claim_object(&keys, &cells))
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
    use crate::store::read::claim_keys;

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
