//! PostgreSQL's side of an import: one transaction that first locks out other writers (they
//! wait, up to `--busy-timeout`, as on SQLite; readers go on), entities and sources row by row,
//! and claims in bulk: staged with `COPY … FROM STDIN` into a temporary table, then compared
//! with what is stored and inserted in one statement at the end. All or nothing.

use postgres::Transaction;

use super::{pg_message, PgStore};
use crate::dsl::dialect::Postgres;
use crate::error::Error;
use crate::rows::Cell;
use crate::store::write::{insert_columns, Added, Arg, Importer, Names, Refused, SourceFields, SourceRow, Writes};

/// How many bytes of staged rows are sent in one COPY.
const FLUSH_AT: usize = 8 << 20;

impl PgStore {
    pub fn importer(&mut self) -> Result<Importer<'_>, Error> {
        let name = self.name.clone();
        let client = self.client.get_mut();
        let mut tx = client.transaction().map_err(|e| super::pg(&name, e))?;
        if self.unmade {
            // Made here, so it is rolled back with a failed import; a later try finds it made.
            super::change_schema(&mut tx, &name, None)?;
        }
        // SHARE ROW EXCLUSIVE conflicts with itself and with every write, not with plain reads:
        // one writer at a time, readers unhindered. The names the importer reads next cannot
        // change under it.
        let columns = insert_columns(&Postgres);
        tx.batch_execute(&format!(
            "LOCK TABLE entities, entity_aliases, sources, claims IN SHARE ROW EXCLUSIVE MODE;
             CREATE TEMPORARY TABLE claims_in ON COMMIT DROP AS
                 SELECT 0::bigint AS n, {} FROM claims WITH NO DATA;",
            columns.join(", ")
        ))
        .map_err(|e| super::pg(&name, e))?;
        let empty: bool =
            tx.query_one("SELECT NOT EXISTS (SELECT 1 FROM claims)", &[]).map_err(|e| super::pg(&name, e))?.get(0);
        let insert_source = tx
            .prepare(
                "INSERT INTO sources (id, title, publisher, url, published, published_start, published_end, added_at, sha256, text)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING",
            )
            .map_err(|e| super::pg(&name, e))?;
        Importer::new(Box::new(PgWrites { tx, columns, staged: Vec::new(), rows: 0, empty, insert_source }))
    }
}

struct PgWrites<'a> {
    tx: Transaction<'a>,
    /// The claims columns, in the order rows come.
    columns: Vec<String>,
    /// Rows not yet sent, in COPY's text format.
    staged: Vec<u8>,
    /// Rows staged so far, sent or not: each row's number keeps the input's order.
    rows: i64,
    /// The claims table was empty as the import began (it is locked against other writers).
    empty: bool,
    /// Prepared once: an import may hold thousands of sources, and preparing each insert anew
    /// doubled its round trips.
    insert_source: postgres::Statement,
}

impl PgWrites<'_> {
    fn flush(&mut self) -> Result<(), String> {
        if self.staged.is_empty() {
            return Ok(());
        }
        let copy = format!("COPY claims_in (n, {}) FROM STDIN", self.columns.join(", "));
        let mut writer = self.tx.copy_in(&copy).map_err(db)?;
        std::io::Write::write_all(&mut writer, &self.staged).map_err(|e| format!("staging claims failed: {e}"))?;
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
        let r = self
            .tx
            .query_one("SELECT title, publisher, url, published, sha256 FROM sources WHERE id = $1", &[&id])
            .map_err(db)?;
        Ok((r.get(0), r.get(1), r.get(2), r.get(3), r.get(4)))
    }

    fn source_text(&mut self, id: &str) -> Result<Option<String>, String> {
        let row = self.tx.query_opt("SELECT text FROM sources WHERE id = $1", &[&id]).map_err(db)?;
        Ok(row.map(|r| r.get(0)))
    }

    fn claim(&mut self, _id: &str, row: &[Arg<'_>]) -> Result<Added, String> {
        self.rows += 1;
        self.staged.extend_from_slice(self.rows.to_string().as_bytes());
        for arg in row {
            self.staged.push(b'\t');
            field(&mut self.staged, arg);
        }
        self.staged.push(b'\n');
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

    /// The staged claims, decided as SQLite decides them row by row: an id already stored (or
    /// staged earlier) with the same content is left as it is, one with other content fails the
    /// whole import, naming the first such claim in input order; the rest go in, in input order.
    fn commit(mut self: Box<Self>) -> Result<(usize, usize), Refused> {
        self.flush()?;
        // Sorting the staged rows (by id, then by input order) in memory, not in files.
        self.tx.batch_execute("SET LOCAL work_mem = '64MB'; ANALYZE claims_in").map_err(db)?;
        let cols = self.columns.join(", ");
        let same = self.columns.iter().map(|c| format!("a.{c} IS NOT DISTINCT FROM b.{c}")).collect::<Vec<_>>();
        let same = same.join(" AND ");
        // Two hash joins, not a lookup a row: a claim under an id already stored, and one staged
        // twice, each with other content. The first in input order is the one named.
        let clash = format!(
            "SELECT min(n) AS n FROM (
                 SELECT a.n FROM claims_in AS a JOIN claims AS b ON b.id = a.id WHERE NOT ({same})
                 UNION ALL
                 SELECT a.n FROM claims_in AS a
                 JOIN (SELECT id, min(n) AS first FROM claims_in GROUP BY id HAVING count(*) > 1) AS d
                   ON d.id = a.id AND a.n > d.first
                 JOIN claims_in AS b ON b.n = d.first
                 WHERE NOT ({same})
             ) AS clashes"
        );
        let first: Option<i64> = self.tx.query_one(&clash, &[]).map_err(db)?.get(0);
        if let Some(n) = first {
            let id: String = self.tx.query_one("SELECT id FROM claims_in WHERE n = $1", &[&n]).map_err(db)?.get(0);
            return Err(Refused::Clash { row: n as usize, id });
        }
        // Into an empty table, building each index once over every row, sorted, and checking
        // each foreign key once with a join, is several times faster than doing both row by row
        // (SQLite's import defers its indexes too). Dropping them locks the table: readers of an
        // empty database wait for its first load, which they would find empty anyway.
        let rebuild: Vec<String> = if self.empty {
            let deferred = self
                .tx
                .query(
                    "SELECT 'DROP INDEX ' || quote_ident(i.relname), pg_get_indexdef(i.oid)
                     FROM pg_index AS x JOIN pg_class AS i ON i.oid = x.indexrelid
                     WHERE x.indrelid = 'claims'::regclass AND NOT x.indisunique
                     UNION ALL
                     SELECT 'ALTER TABLE claims DROP CONSTRAINT ' || quote_ident(conname),
                            'ALTER TABLE claims ADD CONSTRAINT ' || quote_ident(conname) || ' ' || pg_get_constraintdef(oid)
                     FROM pg_constraint WHERE conrelid = 'claims'::regclass AND contype = 'f'",
                    &[],
                )
                .map_err(db)?;
            for r in &deferred {
                self.tx.batch_execute(r.get(0)).map_err(db)?;
            }
            deferred.iter().map(|r| r.get(1)).collect()
        } else {
            Vec::new()
        };
        // The first row of each id (an id staged twice with the same content is one claim), less
        // those stored already, in input order. DISTINCT ON rather than a correlated NOT EXISTS:
        // the planner, misjudging how many rows survive the first anti-join, once chose a nested
        // loop over the staged rows for the second (10,000 rows: 10⁸ comparisons, 10 s).
        let insert = format!(
            "INSERT INTO claims ({cols})
             SELECT {cols} FROM (SELECT DISTINCT ON (id) * FROM claims_in ORDER BY id, n) AS a
             WHERE NOT EXISTS (SELECT 1 FROM claims AS b WHERE b.id = a.id)
             ORDER BY a.n"
        );
        let new = self.tx.execute(&insert, &[]).map_err(db)? as usize;
        if !rebuild.is_empty() {
            self.tx.batch_execute("SET LOCAL maintenance_work_mem = '256MB'").map_err(db)?;
            for index in &rebuild {
                self.tx.batch_execute(index).map_err(|e| format!("(indexes):0: {}", db(e)))?;
            }
            // The planner's figures for a table that was empty say it still is until autovacuum
            // comes round; the first queries after a load should not be planned on that.
            self.tx.batch_execute("ANALYZE claims").map_err(db)?;
        }
        let staged = self.rows as usize;
        self.tx.commit().map_err(|e| format!("(commit):0: {}", db(e)))?;
        Ok((new, staged - new))
    }
}

/// The server's own words for a refused write; a CHECK failure names the broken constraint.
fn db(e: postgres::Error) -> String {
    format!("the database refused it: {}", pg_message(&e))
}
