//! SQLite's side of an import: one IMMEDIATE transaction, claims inserted row by row (an
//! existing id compared with the very values bound), the indexes set aside meanwhile (`bulk`).

use std::sync::LazyLock;

use rusqlite::types::{ToSql, ToSqlOutput, Value, ValueRef};
use rusqlite::{params, params_from_iter, OptionalExtension, Transaction};

use super::bulk::Deferred;
use super::SqliteStore;
use crate::dsl::Sqlite;
use crate::error::Error;
use crate::model::ALIAS_SEPARATOR;
use crate::rows::Cell;
use crate::store::write::{insert_columns, Added, Arg, Importer, Names, Refused, SourceFields, SourceRow, Writes};

impl SqliteStore {
    pub fn importer(&mut self) -> Result<Importer<'_>, Error> {
        // IMMEDIATE takes the write lock at the start. A transaction that first reads and then
        // writes cannot wait for another writer: if one commits in between, SQLite must fail it
        // ("database is locked") rather than let it write over what it did not see.
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let deferred = Deferred::set_aside(&tx)?;
        Importer::new(Box::new(SqliteWrites { tx, deferred }))
    }
}

/// SQLite's side of an import: its transaction, and the indexes set aside for the length of it.
struct SqliteWrites<'a> {
    tx: Transaction<'a>,
    deferred: Deferred,
}

impl Writes for SqliteWrites<'_> {
    fn names(&mut self) -> Result<Names, String> {
        let aliases = self
            .tx
            .prepare("SELECT key, entity_id FROM entity_aliases")
            .and_then(|mut st| st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
            .map_err(db)?;
        let kinds = self
            .tx
            .prepare("SELECT id, kind FROM entities")
            .and_then(|mut st| st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
            .map_err(db)?;
        Ok((aliases, kinds))
    }

    fn source_with_hash(&mut self, sha256: &str) -> Result<Option<String>, String> {
        self.tx
            .query_row("SELECT id FROM sources WHERE sha256 = ?1 LIMIT 1", [sha256], |r| r.get(0))
            .optional()
            .map_err(db)
    }

    fn insert_entity(&mut self, name: &str, kind: &str) -> Result<i64, String> {
        self.tx.execute("INSERT INTO entities (name, kind) VALUES (?1, ?2)", params![name, kind]).map_err(db)?;
        Ok(self.tx.last_insert_rowid())
    }

    fn set_kind(&mut self, id: i64, kind: &str) -> Result<(), String> {
        self.tx.execute("UPDATE entities SET kind = ?1 WHERE id = ?2", params![kind, id]).map_err(db)?;
        Ok(())
    }

    fn name_kind(&mut self, id: i64) -> Result<(String, String), String> {
        self.tx
            .query_row("SELECT name, kind FROM entities WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(db)
    }

    fn insert_alias(&mut self, key: &str, alias: &str, id: i64) -> Result<(), String> {
        self.tx
            .execute("INSERT INTO entity_aliases (key, alias, entity_id) VALUES (?1, ?2, ?3)", params![key, alias, id])
            .map_err(db)?;
        Ok(())
    }

    fn insert_source(&mut self, s: &SourceRow<'_>) -> Result<bool, String> {
        let inserted = self
            .tx
            .prepare_cached(
                "INSERT INTO sources (id, title, publisher, url, published, published_start, published_end, added_at, sha256, text)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (id) DO NOTHING",
            )
            .and_then(|mut st| {
                st.execute(params![
                    s.id,
                    s.title,
                    s.publisher,
                    s.url,
                    s.published,
                    s.published_start,
                    s.published_end,
                    s.added_at,
                    s.sha256,
                    s.text
                ])
            })
            .map_err(db)?;
        Ok(inserted == 1)
    }

    fn source_fields(&mut self, id: &str) -> Result<SourceFields, String> {
        self.tx
            .query_row("SELECT title, publisher, url, published, sha256 FROM sources WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .map_err(db)
    }

    fn source_text(&mut self, id: &str) -> Result<Option<String>, String> {
        self.tx
            .prepare_cached("SELECT text FROM sources WHERE id = ?1")
            .and_then(|mut s| s.query_row([id], |r| r.get(0)).optional())
            .map_err(db)
    }

    fn claim(&mut self, id: &str, row: &[Arg<'_>]) -> Result<Added, String> {
        let inserted =
            self.tx.prepare_cached(&INSERT_CLAIM).and_then(|mut s| s.execute(params_from_iter(row))).map_err(db)?;
        if inserted == 1 {
            return Ok(Added::New);
        }
        // The id exists: the same claim again is fine, a different one under that id is not.
        // SQLite compares, with the very values the insert was given (`IS` so NULLs match).
        let same: bool = self
            .tx
            .prepare_cached(&SAME_CLAIM)
            .and_then(|mut s| s.query_row(params_from_iter(row), |r| r.get(0)))
            .map_err(db)?;
        if same {
            Ok(Added::Unchanged)
        } else {
            Err(format!("claim `{id}` already exists with different content"))
        }
    }

    fn parent(&mut self, id: i64) -> Result<Option<i64>, String> {
        self.tx.query_row("SELECT parent_id FROM entities WHERE id = ?1", [id], |r| r.get(0)).map_err(db)
    }

    fn set_parent(&mut self, id: i64, parent: i64) -> Result<(), String> {
        self.tx.execute("UPDATE entities SET parent_id = ?1 WHERE id = ?2", params![parent, id]).map_err(db)?;
        Ok(())
    }

    fn parents(&mut self) -> Result<Vec<(i64, i64)>, String> {
        self.tx
            .prepare("SELECT id, parent_id FROM entities WHERE parent_id IS NOT NULL")
            .and_then(|mut st| st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
            .map_err(db)
    }

    fn commit(self: Box<Self>) -> Result<(usize, usize), Refused> {
        self.deferred.restore(&self.tx).map_err(|e| format!("(indexes):0: {}", db(e)))?;
        self.tx.commit().map_err(|e| format!("(commit):0: {}", db(e)))?;
        Ok((0, 0))
    }
}

static INSERT_WIDTH: LazyLock<Vec<String>> = LazyLock::new(|| insert_columns(&Sqlite));

static INSERT_CLAIM: LazyLock<String> = LazyLock::new(|| {
    let params: Vec<String> = (1..=INSERT_WIDTH.len()).map(|n| format!("?{n}")).collect();
    format!(
        "INSERT INTO claims ({}) VALUES ({}) ON CONFLICT (id) DO NOTHING",
        INSERT_WIDTH.join(", "),
        params.join(", ")
    )
});

/// Whether a claim with exactly the bound values exists; `IS` so NULLs match.
static SAME_CLAIM: LazyLock<String> = LazyLock::new(|| {
    let same: Vec<String> = INSERT_WIDTH.iter().zip(1..).map(|(c, n)| format!("{c} IS ?{n}")).collect();
    format!("SELECT EXISTS (SELECT 1 FROM claims WHERE {})", same.join(" AND "))
});

impl ToSql for Arg<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Arg::Cell(Cell::Null) | Arg::Id(None) | Arg::Text(None) | Arg::Days(None) => {
                ToSqlOutput::Owned(Value::Null)
            }
            Arg::Cell(Cell::Int(i)) => ToSqlOutput::Owned(Value::Integer(*i)),
            Arg::Cell(Cell::Real(r)) => ToSqlOutput::Owned(Value::Real(*r)),
            Arg::Cell(Cell::Text(t)) => ToSqlOutput::Borrowed(ValueRef::Text(t.as_bytes())),
            Arg::Cell(Cell::List(items)) => ToSqlOutput::Owned(Value::Text(items.join(&ALIAS_SEPARATOR.to_string()))),
            Arg::Id(Some(id)) | Arg::Days(Some(id)) => ToSqlOutput::Owned(Value::Integer(*id)),
            Arg::Text(Some(t)) => ToSqlOutput::Borrowed(ValueRef::Text(t.as_bytes())),
        })
    }
}

/// SQLite's own words for a failed write; a CHECK failure names the broken constraint.
fn db(e: rusqlite::Error) -> String {
    format!("the database refused it: {e}")
}

#[cfg(test)]
mod tests {
    use rusqlite::types::Value as V;

    use crate::model::{ClaimRecord, SourceRecord};
    use crate::store::SqliteStore;

    /// Every value lands in its own column: the row is read back by column name and compared
    /// with what was written by hand here, not with the list the INSERT was built from. Every
    /// value differs from every other, so two swapped columns cannot pass.
    #[test]
    fn each_field_of_a_claim_lands_in_its_column() {
        let mut store = SqliteStore::empty_in_memory().unwrap();
        let text = "Officials said some 2,500 troops were there.";
        let mut importer = store.importer().unwrap();
        let source = SourceRecord {
            id: "src".into(),
            title: "T".into(),
            publisher: None,
            url: None,
            published: None,
            added_at: Some("2025-01-07T00:00:00Z".into()),
            sha256: None,
            text: Some(text.into()),
            text_file: None,
        };
        importer.source(source.into_source(&|_| Err("no files".into()), "").unwrap()).unwrap();
        let claim = ClaimRecord {
            id: Some("k1".into()),
            source: "src".into(),
            kind: "troops".into(),
            quote: "some 2,500 troops".into(),
            start: 15,
            end: 32,
            text: "About 2,500 troops were there.".into(),
            party: Some("Partyland".into()),
            location: Some("Placeville".into()),
            value: Some(2500.0),
            low: Some(2000.0),
            high: Some(3000.0),
            unit: Some("soldiers".into()),
            qualifier: Some("approximate".into()),
            date: Some("2025-01".into()),
            speaker: Some("Spokes Person".into()),
            role: Some("spokesperson".into()),
            said_on: Some("2025-01-02/2025-01-03".into()),
            attribution: Some("direct".into()),
            modality: Some("expected".into()),
            origin: Some("extracted".into()),
            extractor: Some("7".into()),
        };
        importer.claim(("test", 0), claim.into_claim().unwrap()).unwrap();
        importer.finish().unwrap();
        let id = |name: &str| -> i64 {
            store.conn.query_row("SELECT id FROM entities WHERE name = ?1", [name], |r| r.get(0)).unwrap()
        };
        let (party, place, speaker) = (id("Partyland"), id("Placeville"), id("Spokes Person"));
        let want: Vec<(&str, V)> = vec![
            ("id", V::Text("k1".into())),
            ("source_id", V::Text("src".into())),
            ("kind", V::Text("troops".into())),
            ("quote", V::Text("some 2,500 troops".into())),
            ("start", V::Integer(15)),
            ("\"end\"", V::Integer(32)),
            ("text", V::Text("About 2,500 troops were there.".into())),
            ("party_id", V::Integer(party)),
            ("location_id", V::Integer(place)),
            ("value", V::Integer(2500)),
            ("unit", V::Text("soldiers".into())),
            ("qualifier", V::Text("approximate".into())),
            ("date", V::Text("2025-01".into())),
            ("date_start", V::Text("2025-01-01".into())),
            ("date_end", V::Text("2025-01-31".into())),
            ("speaker_id", V::Integer(speaker)),
            ("role", V::Text("spokesperson".into())),
            ("said_on", V::Text("2025-01-02/2025-01-03".into())),
            ("said_on_start", V::Text("2025-01-02".into())),
            ("said_on_end", V::Text("2025-01-03".into())),
            ("attribution", V::Text("direct".into())),
            ("modality", V::Text("expected".into())),
        ];
        for (column, value) in want {
            let got: V = store.conn.query_row(&format!("SELECT {column} FROM claims"), [], |r| r.get(0)).unwrap();
            assert_eq!(got, value, "column {column}");
        }
    }
}
