//! PostgreSQL's side of an import: one transaction that first locks out other writers (they
//! wait, up to `--busy-timeout`, as on SQLite; readers go on), entities and sources row by row,
//! and claims in bulk with `COPY … FROM STDIN`. Into an empty table the rows go straight in, its
//! secondary indexes and foreign keys set aside and rebuilt once at the end; into a table that
//! holds claims they are staged in a temporary table, compared with what is stored, and inserted
//! in one statement. All or nothing.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, RandomState};

use postgres::Transaction;

use super::{pg_message, PgStore};
use crate::dsl::dialect::Postgres;
use crate::error::Error;
use crate::rows::Cell;
use crate::store::write::{insert_columns, Added, Arg, Importer, Names, Refused, SourceFields, SourceRow, Writes};

/// How many bytes of rows are sent in one COPY.
const FLUSH_AT: usize = 8 << 20;

impl PgStore {
    pub fn importer(&mut self) -> Result<Importer<'_>, Error> {
        let name = self.name.clone();
        let client = self.client.get_mut();
        if self.unmade {
            super::reader_role_exists(client);
        }
        let mut tx = client.transaction().map_err(|e| super::pg(&name, e))?;
        if self.unmade {
            // Made here, so it is rolled back with a failed import; a later try finds it made.
            super::change_schema(&mut tx, &name, None)?;
        }
        // SHARE ROW EXCLUSIVE conflicts with itself and with every write, not with plain reads:
        // one writer at a time, readers unhindered. The names the importer reads next cannot
        // change under it.
        let columns = insert_columns(&Postgres);
        tx.batch_execute("LOCK TABLE entities, entity_aliases, sources, claims IN SHARE ROW EXCLUSIVE MODE")
            .map_err(|e| super::pg(&name, e))?;
        let empty: bool =
            tx.query_one("SELECT NOT EXISTS (SELECT 1 FROM claims)", &[]).map_err(|e| super::pg(&name, e))?.get(0);
        let sources = source_stage(&mut tx).map_err(|e| Error::msg(format!("{name}: {e}")))?;
        if !empty {
            tx.batch_execute(&format!(
                "CREATE TEMPORARY TABLE claims_in ON COMMIT DROP AS
                     SELECT 0::bigint AS n, {} FROM claims WITH NO DATA",
                columns.join(", ")
            ))
            .map_err(|e| super::pg(&name, e))?;
        }
        let copy = if empty {
            format!("COPY claims ({}) FROM STDIN", columns.join(", "))
        } else {
            format!("COPY claims_in (n, {}) FROM STDIN", columns.join(", "))
        };
        let insert_source = tx
            .prepare(
                "INSERT INTO sources (id, title, publisher, url, published, published_start, published_end, added_at, sha256, text)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING",
            )
            .map_err(|e| super::pg(&name, e))?;
        Importer::new(Box::new(PgWrites {
            tx,
            columns,
            copy,
            staged: Vec::new(),
            rows: 0,
            seen: HashMap::new(),
            hashers: (RandomState::new(), RandomState::new()),
            empty,
            rebuild: None,
            insert_source,
            sources,
        }))
    }
}

/// Into an empty table, building each index once over every row, sorted, and checking each
/// foreign key once with a join, is several times faster than doing both row by row (SQLite's
/// import defers its indexes too). Drops the secondary indexes, the unique constraint on `id`
/// (the importer keeps ids unique itself) and the foreign keys, and returns what makes them
/// again. Dropping them locks the table, so it is done only when the first claim comes (an
/// import of entities or sources alone never does it): readers of an empty database's claims
/// wait for its first load, which they would find empty anyway, and the load waits, up to
/// `--busy-timeout`, for readers already in a transaction.
fn set_aside(tx: &mut Transaction<'_>) -> Result<Vec<String>, String> {
    let deferred = tx
        .query(
            "SELECT 'DROP INDEX ' || quote_ident(i.relname), pg_get_indexdef(i.oid)
             FROM pg_index AS x JOIN pg_class AS i ON i.oid = x.indexrelid
             WHERE x.indrelid = 'claims'::regclass AND NOT x.indisunique
             UNION ALL
             SELECT 'ALTER TABLE claims DROP CONSTRAINT ' || quote_ident(conname),
                    'ALTER TABLE claims ADD CONSTRAINT ' || quote_ident(conname) || ' ' || pg_get_constraintdef(oid)
             FROM pg_constraint WHERE conrelid = 'claims'::regclass AND contype IN ('u', 'f')",
            &[],
        )
        .map_err(db)?;
    for r in &deferred {
        tx.batch_execute(r.get(0)).map_err(db)?;
    }
    Ok(deferred.iter().map(|r| r.get(1)).collect())
}

struct PgWrites<'a> {
    tx: Transaction<'a>,
    /// The claims columns, in the order rows come.
    columns: Vec<String>,
    /// The COPY that sends rows: into `claims` itself when it was empty, else into `claims_in`.
    copy: String,
    /// Rows not yet sent, in COPY's text format.
    staged: Vec<u8>,
    /// Rows staged so far, sent or not: each row's number keeps the input's order.
    rows: i64,
    /// Every id this import has staged, with a 128-bit hash of its row: an id given twice is one
    /// claim when its rows agree and an error at that line when they do not, decided as it comes
    /// (the server would only say "duplicate key", at the end). Two rows that differ share a
    /// hash once in 2^128.
    seen: HashMap<String, (u64, u64)>,
    hashers: (RandomState, RandomState),
    /// The claims table was empty as the import began (it is locked against other writers).
    empty: bool,
    /// What makes the indexes and constraints set aside again, once they are (see `set_aside`).
    rebuild: Option<Vec<String>>,
    /// Prepared once: an import may hold thousands of sources, and preparing each insert anew
    /// doubled its round trips.
    insert_source: postgres::Statement,
    /// New sources, sent by COPY (see `source_stage`); `None`: one INSERT each.
    sources: Option<SourceStage>,
}

/// Sources not yet sent, and what the importer may ask of every source this import has staged.
#[derive(Default)]
struct SourceStage {
    rows: Vec<u8>,
    fields: HashMap<String, SourceFields>,
    /// The ids of the sources stored before the import (none can be added meanwhile: the table
    /// is locked against other writers).
    known: HashSet<String>,
}

/// Above this many stored sources, their ids are not worth holding in memory to spare each new
/// source its round trip.
const KNOWN_SOURCES: f32 = 2_000_000.0;

/// Sources go by COPY, not a round trip each (5,000 of them took a second), unless the database
/// holds so many that knowing which ids are taken would cost more than it saves.
fn source_stage(tx: &mut Transaction<'_>) -> Result<Option<SourceStage>, String> {
    let estimate: f32 =
        tx.query_one("SELECT reltuples FROM pg_class WHERE oid = 'sources'::regclass", &[]).map_err(db)?.get(0);
    if estimate > KNOWN_SOURCES {
        return Ok(None);
    }
    let known = tx.query("SELECT id FROM sources", &[]).map_err(db)?.iter().map(|r| r.get(0)).collect();
    Ok(Some(SourceStage { known, ..SourceStage::default() }))
}

const SOURCE_COLUMNS: &str =
    "id, title, publisher, url, published, published_start, published_end, added_at, sha256, text";

impl PgWrites<'_> {
    /// Sends the staged sources, before anything reads the sources table.
    fn flush_sources(&mut self) -> Result<(), String> {
        let Some(stage) = self.sources.as_mut().filter(|s| !s.rows.is_empty()) else {
            return Ok(());
        };
        let mut writer = self.tx.copy_in(&format!("COPY sources ({SOURCE_COLUMNS}) FROM STDIN")).map_err(db)?;
        std::io::Write::write_all(&mut writer, &stage.rows).map_err(|e| format!("sending sources failed: {e}"))?;
        writer.finish().map_err(db)?;
        stage.rows.clear();
        Ok(())
    }

    fn flush(&mut self) -> Result<(), String> {
        if self.staged.is_empty() {
            return Ok(());
        }
        let mut writer = self.tx.copy_in(&self.copy).map_err(db)?;
        std::io::Write::write_all(&mut writer, &self.staged).map_err(|e| format!("sending claims failed: {e}"))?;
        writer.finish().map_err(db)?;
        self.staged.clear();
        Ok(())
    }
}

/// A value in COPY's text format: `\N` for NULL, and the four characters that would end a field
/// or a row escaped.
fn field(out: &mut Vec<u8>, arg: &Arg<'_>) {
    let text = |out: &mut Vec<u8>, s: &str| {
        for b in s.bytes() {
            match b {
                b'\\' => out.extend_from_slice(b"\\\\"),
                b'\t' => out.extend_from_slice(b"\\t"),
                b'\n' => out.extend_from_slice(b"\\n"),
                b'\r' => out.extend_from_slice(b"\\r"),
                _ => out.push(b),
            }
        }
    };
    match arg {
        Arg::Cell(Cell::Null) | Arg::Id(None) | Arg::Text(None) | Arg::Days(None) => out.extend_from_slice(b"\\N"),
        Arg::Cell(Cell::Int(n)) | Arg::Id(Some(n)) | Arg::Days(Some(n)) => {
            out.extend_from_slice(n.to_string().as_bytes())
        }
        Arg::Cell(Cell::Real(x)) => out.extend_from_slice(ryu::Buffer::new().format(*x).as_bytes()),
        Arg::Cell(Cell::Text(t)) => text(out, t),
        Arg::Cell(Cell::List(items)) => text(out, &items.join(&crate::model::ALIAS_SEPARATOR.to_string())),
        Arg::Text(Some(t)) => text(out, t),
    }
}

impl Writes for PgWrites<'_> {
    fn names(&mut self) -> Result<Names, String> {
        let aliases = self.tx.query("SELECT key, entity_id FROM entity_aliases", &[]).map_err(db)?;
        let kinds = self.tx.query("SELECT id, kind FROM entities", &[]).map_err(db)?;
        Ok((
            aliases.iter().map(|r| (r.get(0), r.get(1))).collect(),
            kinds.iter().map(|r| (r.get(0), r.get(1))).collect(),
        ))
    }

    fn source_with_hash(&mut self, sha256: &str) -> Result<Option<String>, String> {
        self.flush_sources()?;
        let row = self.tx.query_opt("SELECT id FROM sources WHERE sha256 = $1 LIMIT 1", &[&sha256]).map_err(db)?;
        Ok(row.map(|r| r.get(0)))
    }

    fn insert_entity(&mut self, name: &str, kind: &str) -> Result<i64, String> {
        let row = self
            .tx
            .query_one("INSERT INTO entities (name, kind) VALUES ($1, $2) RETURNING id", &[&name, &kind])
            .map_err(db)?;
        Ok(row.get(0))
    }

    fn set_kind(&mut self, id: i64, kind: &str) -> Result<(), String> {
        self.tx.execute("UPDATE entities SET kind = $1 WHERE id = $2", &[&kind, &id]).map_err(db)?;
        Ok(())
    }

    fn name_kind(&mut self, id: i64) -> Result<(String, String), String> {
        let row = self.tx.query_one("SELECT name, kind FROM entities WHERE id = $1", &[&id]).map_err(db)?;
        Ok((row.get(0), row.get(1)))
    }

    fn insert_alias(&mut self, key: &str, alias: &str, id: i64) -> Result<(), String> {
        self.tx
            .execute("INSERT INTO entity_aliases (key, alias, entity_id) VALUES ($1, $2, $3)", &[&key, &alias, &id])
            .map_err(db)?;
        Ok(())
    }

    fn insert_source(&mut self, s: &SourceRow<'_>) -> Result<bool, String> {
        if let Some(stage) = &mut self.sources {
            if stage.known.contains(s.id) || stage.fields.contains_key(s.id) {
                return Ok(false);
            }
            let text = |t: &str| Arg::Text(Some(t.to_string()));
            let maybe = |t: Option<&str>| Arg::Text(t.map(str::to_string));
            let row = [
                text(s.id),
                text(s.title),
                maybe(s.publisher),
                maybe(s.url),
                maybe(s.published.as_deref()),
                maybe(s.published_start.as_deref()),
                maybe(s.published_end.as_deref()),
                text(s.added_at),
                text(&s.sha256),
                text(s.text),
            ];
            for (i, arg) in row.iter().enumerate() {
                if i > 0 {
                    stage.rows.push(b'\t');
                }
                field(&mut stage.rows, arg);
            }
            stage.rows.push(b'\n');
            let fields = (
                s.title.to_string(),
                s.publisher.map(str::to_string),
                s.url.map(str::to_string),
                s.published.clone(),
                s.sha256.clone(),
            );
            stage.fields.insert(s.id.to_string(), fields);
            if stage.rows.len() >= FLUSH_AT {
                self.flush_sources()?;
            }
            return Ok(true);
        }
        let inserted = self
            .tx
            .execute(
                &self.insert_source,
                &[
                    &s.id,
                    &s.title,
                    &s.publisher,
                    &s.url,
                    &s.published,
                    &s.published_start,
                    &s.published_end,
                    &s.added_at,
                    &s.sha256,
                    &s.text,
                ],
            )
            .map_err(db)?;
        Ok(inserted == 1)
    }

    fn source_fields(&mut self, id: &str) -> Result<SourceFields, String> {
        if let Some(fields) = self.sources.as_ref().and_then(|stage| stage.fields.get(id)) {
            return Ok(fields.clone());
        }
        let r = self
            .tx
            .query_one("SELECT title, publisher, url, published, sha256 FROM sources WHERE id = $1", &[&id])
            .map_err(db)?;
        Ok((r.get(0), r.get(1), r.get(2), r.get(3), r.get(4)))
    }

    fn source_text(&mut self, id: &str) -> Result<Option<String>, String> {
        self.flush_sources()?;
        let row = self.tx.query_opt("SELECT text FROM sources WHERE id = $1", &[&id]).map_err(db)?;
        Ok(row.map(|r| r.get(0)))
    }

    fn claim(&mut self, id: &str, row: &[Arg<'_>]) -> Result<Added, String> {
        if self.empty && self.rebuild.is_none() {
            self.rebuild = Some(set_aside(&mut self.tx)?);
        }
        let at = self.staged.len();
        if !self.empty {
            self.staged.extend_from_slice((self.rows + 1).to_string().as_bytes());
            self.staged.push(b'\t');
        }
        let fields = self.staged.len();
        for (i, arg) in row.iter().enumerate() {
            if i > 0 {
                self.staged.push(b'\t');
            }
            field(&mut self.staged, arg);
        }
        let bytes = &self.staged[fields..];
        let hash = (self.hashers.0.hash_one(bytes), self.hashers.1.hash_one(bytes));
        match self.seen.get(id) {
            Some(&first) => {
                self.staged.truncate(at);
                return if first == hash {
                    Ok(Added::Unchanged)
                } else {
                    Err(format!("claim `{id}` already exists with different content"))
                };
            }
            None => {
                self.seen.insert(id.to_string(), hash);
            }
        }
        self.staged.push(b'\n');
        self.rows += 1;
        if self.staged.len() >= FLUSH_AT {
            self.flush()?;
        }
        Ok(Added::Staged)
    }

    fn parent(&mut self, id: i64) -> Result<Option<i64>, String> {
        let row = self.tx.query_one("SELECT parent_id FROM entities WHERE id = $1", &[&id]).map_err(db)?;
        Ok(row.get(0))
    }

    fn set_parent(&mut self, id: i64, parent: i64) -> Result<(), String> {
        self.tx.execute("UPDATE entities SET parent_id = $1 WHERE id = $2", &[&parent, &id]).map_err(db)?;
        Ok(())
    }

    fn parents(&mut self) -> Result<Vec<(i64, i64)>, String> {
        let rows = self.tx.query("SELECT id, parent_id FROM entities WHERE parent_id IS NOT NULL", &[]).map_err(db)?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    /// The staged claims, decided as SQLite decides them row by row: an id already stored with
    /// the same content is left as it is, one with other content fails the whole import, naming
    /// the first such claim in input order; the rest go in, in input order. (An id given twice
    /// in the input was decided as it came.)
    fn commit(mut self: Box<Self>) -> Result<(usize, usize), Refused> {
        self.flush_sources()?;
        self.flush()?;
        let staged = self.rows as usize;
        let new = if self.empty {
            // The rows are in; make what was set aside. A foreign key made again checks every
            // row with one join.
            self.tx.batch_execute("SET LOCAL maintenance_work_mem = '256MB'").map_err(db)?;
            for statement in self.rebuild.iter().flatten() {
                self.tx.batch_execute(statement).map_err(|e| format!("(indexes):0: {}", db(e)))?;
            }
            // The planner's figures for a table that was empty say it still is until autovacuum
            // comes round; the first queries after a load should not be planned on that. The
            // columns queries filter, group and join on: sampling the long texts (and their
            // full-text expressions) took four times as long and plans nothing.
            self.tx
                .batch_execute(
                    "ANALYZE claims (id, source_id, kind, party_id, location_id, value, date_start, date_end,
                                     date_days, speaker_id, said_on_start, said_on_end, origin);
                     ANALYZE sources (id)",
                )
                .map_err(db)?;
            staged
        } else {
            // Hashing the staged rows in memory, not in files; the planner needs to know how
            // many rows there are and how their ids spread, not what their texts say.
            self.tx.batch_execute("SET LOCAL work_mem = '64MB'; ANALYZE claims_in (n, id)").map_err(db)?;
            let same = self.columns.iter().map(|c| format!("a.{c} IS NOT DISTINCT FROM b.{c}")).collect::<Vec<_>>();
            // One hash join, not a lookup a row: the first claim in input order under an id
            // already stored with other content.
            let clash = format!(
                "SELECT a.n, a.id FROM claims_in AS a JOIN claims AS b ON b.id = a.id
                 WHERE NOT ({}) ORDER BY a.n LIMIT 1",
                same.join(" AND ")
            );
            if let Some(row) = self.tx.query_opt(&clash, &[]).map_err(db)? {
                return Err(Refused::Clash { row: row.get::<_, i64>(0) as usize, id: row.get(1) });
            }
            let cols = self.columns.join(", ");
            let insert = format!(
                "INSERT INTO claims ({cols})
                 SELECT {cols} FROM claims_in AS a
                 WHERE NOT EXISTS (SELECT 1 FROM claims AS b WHERE b.id = a.id)
                 ORDER BY a.n"
            );
            self.tx.execute(&insert, &[]).map_err(db)? as usize
        };
        self.tx.commit().map_err(|e| format!("(commit):0: {}", db(e)))?;
        Ok((new, staged - new))
    }
}

/// The server's own words for a refused write; a CHECK failure names the broken constraint.
fn db(e: postgres::Error) -> String {
    if e.code() == Some(&postgres::error::SqlState::LOCK_NOT_AVAILABLE) {
        return format!(
            "the claims stayed in use by another process past the wait (--busy-timeout): {}",
            pg_message(&e)
        );
    }
    format!("the database refused it: {}", pg_message(&e))
}
