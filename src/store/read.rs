//! Reading claims, sources and entities back out of the store, and verifying what it holds.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Row};

use crate::error::Error;
use crate::model::{Claim, DateSpan, Entity, Source};
use crate::records::{sha256_hex, ClaimRecord};
use crate::store::Store;
use crate::text::SourceText;

/// The claims_view columns, in the order of [`ClaimRecord`]'s fields.
const CLAIM_SELECT: &str = "SELECT id, source, kind, quote, start, \"end\", text, party, location, value, unit, \
     qualifier, date, speaker, role, said_on, attribution, modality FROM claims_view";

/// A source as `claimdb sources` lists it.
#[derive(Debug, Clone)]
pub struct SourceSummary {
    pub id: String,
    pub title: String,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub added_at: String,
    pub sha256: String,
    pub chars: i64,
    pub claims: i64,
}

/// One fault `verify` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    /// `quote`, `hash`, `integrity` or `search-index`.
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

fn claim_from_row(r: &Row) -> rusqlite::Result<ClaimRecord> {
    Ok(ClaimRecord {
        id: Some(r.get(0)?),
        source: r.get(1)?,
        kind: r.get(2)?,
        quote: r.get(3)?,
        start: r.get(4)?,
        end: r.get(5)?,
        text: r.get(6)?,
        party: r.get(7)?,
        location: r.get(8)?,
        value: r.get(9)?,
        unit: r.get(10)?,
        qualifier: r.get(11)?,
        date: r.get(12)?,
        speaker: r.get(13)?,
        role: r.get(14)?,
        said_on: r.get(15)?,
        attribution: r.get(16)?,
        modality: r.get(17)?,
    })
}

/// A stored record that no longer passes the model's checks was changed behind claimdb's back.
fn stored(id: &str, r: Result<Claim, String>) -> Result<Claim, Error> {
    r.map_err(|e| Error::msg(format!("stored claim `{id}` is invalid ({e}); run `claimdb verify`")))
}

impl Store {
    /// Every claim, in source order.
    pub fn claims(&self) -> Result<Vec<Claim>, Error> {
        let mut stmt = self.conn.prepare(&format!("{CLAIM_SELECT} ORDER BY source, start, \"end\", id"))?;
        let records = stmt.query_map([], claim_from_row)?.collect::<Result<Vec<_>, _>>()?;
        records
            .into_iter()
            .map(|r| {
                let id = r.id.clone().unwrap_or_default();
                stored(&id, r.into_claim())
            })
            .collect()
    }

    pub fn claim(&self, id: &str) -> Result<Option<Claim>, Error> {
        let rec = self.conn.query_row(&format!("{CLAIM_SELECT} WHERE id = ?1"), [id], claim_from_row).optional()?;
        rec.map(|r| stored(id, r.into_claim())).transpose()
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
        let row = self
            .conn
            .query_row(
                "SELECT id, title, publisher, url, published, added_at, text FROM sources WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get::<_, Option<String>>(4)?,
                        r.get(5)?,
                        r.get(6)?,
                    ))
                },
            )
            .optional()?;
        let Some((id, title, publisher, url, published, added_at, text)) = row else {
            return Ok(None);
        };
        let published = published
            .map(|p| DateSpan::parse(&p))
            .transpose()
            .map_err(|e| Error::msg(format!("stored source `{id}` has an invalid date: {e}")))?;
        Ok(Some(Source { id, title, publisher, url, published, added_at, text }))
    }

    pub fn source_ids(&self) -> Result<Vec<String>, Error> {
        let mut stmt = self.conn.prepare("SELECT id FROM sources ORDER BY id")?;
        let ids = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
        Ok(ids)
    }

    pub fn source_summaries(&self) -> Result<Vec<SourceSummary>, Error> {
        let mut stmt = self.conn.prepare(
            "SELECT s.id, s.title, s.publisher, s.url, s.published, s.added_at, s.sha256, length(s.text),
                    (SELECT count(*) FROM claims AS c WHERE c.source_id = s.id)
             FROM sources AS s ORDER BY s.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(SourceSummary {
                id: r.get(0)?,
                title: r.get(1)?,
                publisher: r.get(2)?,
                url: r.get(3)?,
                published: r.get(4)?,
                added_at: r.get(5)?,
                sha256: r.get(6)?,
                chars: r.get(7)?,
                claims: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
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
        let mut pending: Vec<Entity> = Vec::with_capacity(rows.len());
        for (id, name, kind, parent) in rows {
            let kind = kind.parse().map_err(|e| Error::msg(format!("stored entity `{name}`: {e}")))?;
            pending.push(Entity { aliases: aliases.remove(&id).unwrap_or_default(), name, kind, parent });
        }
        // Emit in rounds: each round takes, in name order, the entities whose parent is out already.
        let mut out: Vec<Entity> = Vec::with_capacity(pending.len());
        let mut emitted = std::collections::HashSet::new();
        while !pending.is_empty() {
            let (ready, rest): (Vec<_>, Vec<_>) =
                pending.into_iter().partition(|e| e.parent.as_ref().is_none_or(|p| emitted.contains(p)));
            if ready.is_empty() {
                return Err(Error::msg("the entities' parents form a cycle; run `claimdb verify`"));
            }
            for e in ready {
                emitted.insert(e.name.clone());
                out.push(e);
            }
            pending = rest;
        }
        Ok(out)
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
                v.sources += 1;
                let actual = sha256_hex(&text);
                if actual != hash {
                    v.faults.push(Fault {
                        check: "hash",
                        id: id.clone(),
                        detail: format!("the text's SHA-256 is {actual}, but {hash} was recorded when it was added"),
                    });
                }
                texts.insert(id, SourceText::new(text));
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
            v.claims += 1;
            let found = texts.get(&source).and_then(|t| t.slice(start.max(0) as usize, end.max(0) as usize));
            match found {
                Some(f) if f == quote => {}
                Some(f) => v.faults.push(Fault {
                    check: "quote",
                    id,
                    detail: format!(
                        "the quote “{}” is not what {source} has at {start}..{end}: “{}”",
                        crate::text::shorten(&quote, 60),
                        crate::text::shorten(f, 60)
                    ),
                }),
                None => v.faults.push(Fault {
                    check: "quote",
                    id,
                    detail: format!("span {start}..{end} is not inside source `{source}`"),
                }),
            }
        }
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
        // 'integrity-check' compares the index with the claims table; it changes nothing.
        if let Err(e) = self.conn.execute("INSERT INTO claims_fts (claims_fts, rank) VALUES ('integrity-check', 1)", [])
        {
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
}

impl Store {
    /// Runs a compiled query and collects its rows.
    pub fn run(&self, sql: &crate::dsl::Sql) -> Result<crate::render::Rows, Error> {
        let mut stmt = self.conn.prepare(&sql.text)?;
        let mut rows = crate::render::Rows { columns: sql.columns.clone(), rows: Vec::new() };
        collect_rows(&mut stmt, rusqlite::params_from_iter(&sql.params), &mut rows)?;
        Ok(rows)
    }

    /// Runs a compiled query and hands each row to `each` as it comes, borrowed from SQLite's own
    /// buffers. The output formats that stream use this, so a million-row result is never held
    /// in memory.
    pub fn run_each(
        &self,
        sql: &crate::dsl::Sql,
        mut each: impl FnMut(&[crate::render::Cell]) -> std::io::Result<()>,
    ) -> Result<(), Error> {
        let mut stmt = self.conn.prepare(&sql.text)?;
        let n = sql.columns.len();
        let mut rows = stmt.query(rusqlite::params_from_iter(&sql.params))?;
        while let Some(row) = rows.next()? {
            let mut cells = Vec::with_capacity(n);
            for i in 0..n {
                cells.push(cell(row.get_ref(i)?));
            }
            each(&cells)?;
        }
        Ok(())
    }

    /// SQLite's plan for a compiled query, one line a step, indented by depth.
    pub fn plan(&self, sql: &crate::dsl::Sql) -> Result<Vec<String>, Error> {
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

/// Runs `stmt` and appends its rows, one value for each of `rows.columns`.
pub(crate) fn collect_rows(
    stmt: &mut rusqlite::Statement<'_>,
    params: impl rusqlite::Params,
    rows: &mut crate::render::Rows,
) -> rusqlite::Result<()> {
    let n = rows.columns.len();
    let mut result = stmt.query(params)?;
    while let Some(row) = result.next()? {
        let mut values = Vec::with_capacity(n);
        for i in 0..n {
            values.push(cell(row.get_ref(i)?).into_value());
        }
        rows.rows.push(values);
    }
    Ok(())
}

/// One SQLite value as a cell: whole reals as integers (figures are mostly counts), a blob by
/// its size. `from_utf8` first: SQLite text is UTF-8 but for a hand-edited file, and the strict
/// check is much faster than the lossy one.
fn cell(v: rusqlite::types::ValueRef<'_>) -> crate::render::Cell<'_> {
    use crate::render::{number, Cell, Value};
    use rusqlite::types::ValueRef;
    match v {
        ValueRef::Null => Cell::Null,
        ValueRef::Integer(i) => Cell::Int(i),
        ValueRef::Real(r) => match number(r) {
            Value::Int(i) => Cell::Int(i),
            _ => Cell::Real(r),
        },
        ValueRef::Text(t) => Cell::Text(match std::str::from_utf8(t) {
            Ok(s) => s.into(),
            Err(_) => String::from_utf8_lossy(t),
        }),
        ValueRef::Blob(b) => Cell::Text(format!("<{} bytes>", b.len()).into()),
    }
}
