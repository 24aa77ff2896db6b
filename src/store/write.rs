//! Writing records into the store, all or nothing.
//!
//! An [`Importer`] holds one transaction. Each record is checked against what the database (and the
//! import so far) already holds: names resolve to entities through their aliases, every quote must
//! equal its span of the source text, and an id that already exists must carry the same content.
//! Dropping an importer without [`Importer::finish`] rolls everything back.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use rusqlite::types::{ToSql, ToSqlOutput, Value, ValueRef};
use rusqlite::{params, params_from_iter, OptionalExtension, Transaction};

use super::bulk::Deferred;
use crate::columns::{stored_claim_columns, NameRole, Stored};
use crate::dsl::{Dialect, Sqlite};
use crate::error::Error;
use crate::model::{date::iso, fold_name, sha256_hex, Claim, Entity, EntityKind, Source, ALIAS_SEPARATOR};
use crate::rows::Cell;
use crate::store::SqliteStore;
use crate::text::SourceText;

/// What an import did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ImportStats {
    pub entities: usize,
    pub sources: usize,
    pub claims: usize,
    /// Records already present with the same content, left as they were.
    pub unchanged: usize,
    /// Entities made for names no entity had: (name, kind it was given).
    pub created: Vec<(String, EntityKind)>,
}

/// What an engine does for an [`Importer`], inside the one transaction the import is. The
/// importer decides what to write (names to entities, quotes against their spans, same content
/// under an existing id); an engine only writes and reads back rows. Errors are messages for the
/// user, already in the engine's words.
pub(crate) trait Writes {
    /// Every alias's key and entity, and every entity's id and kind, as the import begins.
    fn names(&mut self) -> Result<Names, String>;
    fn source_with_hash(&mut self, sha256: &str) -> Result<Option<String>, String>;
    fn insert_entity(&mut self, name: &str, kind: &str) -> Result<i64, String>;
    fn set_kind(&mut self, id: i64, kind: &str) -> Result<(), String>;
    fn name_kind(&mut self, id: i64) -> Result<(String, String), String>;
    fn insert_alias(&mut self, key: &str, alias: &str, id: i64) -> Result<(), String>;
    /// Adds a source unless one has its id: whether it was added.
    fn insert_source(&mut self, row: &SourceRow<'_>) -> Result<bool, String>;
    fn source_fields(&mut self, id: &str) -> Result<SourceFields, String>;
    fn source_text(&mut self, id: &str) -> Result<Option<String>, String>;
    /// Adds a claim's row (values in [`insert_columns`] order), or compares it with the claim of
    /// its id; an engine that loads claims in bulk may only stage it and decide in `finish`.
    fn claim(&mut self, id: &str, row: &[Arg<'_>]) -> Result<Added, String>;
    fn parent(&mut self, id: i64) -> Result<Option<i64>, String>;
    fn set_parent(&mut self, id: i64, parent: i64) -> Result<(), String>;
    /// Every (entity, parent) pair.
    fn parents(&mut self) -> Result<Vec<(i64, i64)>, String>;
    /// Writes what was staged, rebuilds what was set aside, and commits: the staged claims
    /// that were new and that were already there unchanged.
    fn commit(self: Box<Self>) -> Result<(usize, usize), String>;
}

/// Every alias's key with its entity, and every entity's id with its kind.
pub(crate) type Names = (Vec<(String, i64)>, Vec<(i64, String)>);

/// What became of one claim's row.
pub(crate) enum Added {
    New,
    Unchanged,
    /// Held for `commit`, which counts it (PostgreSQL's bulk load).
    #[cfg_attr(not(feature = "postgres"), allow(dead_code))]
    Staged,
}

/// A source's row, as every engine stores it.
pub(crate) struct SourceRow<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub publisher: Option<&'a str>,
    pub url: Option<&'a str>,
    pub published: Option<String>,
    pub published_start: Option<String>,
    pub published_end: Option<String>,
    pub added_at: &'a str,
    pub sha256: String,
    pub text: &'a str,
}

pub struct Importer<'a> {
    w: Box<dyn Writes + 'a>,
    /// Folded alias → entity id, for every entity in the database.
    names: HashMap<String, i64>,
    /// Entity id → kind, so resolving a claim's names needs no query.
    kinds: HashMap<i64, EntityKind>,
    /// Entities this import made up for unknown names; an entity record may still define them.
    made_up: HashSet<i64>,
    /// The last source a claim pointed at, with its offsets mapped. Claims mostly follow their
    /// source, so one is enough; others are read back from the database (the transaction's own
    /// writes included), which keeps memory flat however many sources an import holds.
    text: Option<(String, SourceText)>,
    /// Parents are set at the end, so an entity may name a parent that comes later in the file:
    /// (where the entity was, for messages; its id; its parent's name).
    parents: Vec<(String, i64, String)>,
    stats: ImportStats,
}

impl<'a> Importer<'a> {
    /// An import over an engine's transaction.
    pub(crate) fn new(mut w: Box<dyn Writes + 'a>) -> Result<Importer<'a>, Error> {
        let (aliases, kinds) = w.names().map_err(Error::msg)?;
        let names = aliases.into_iter().collect();
        let kinds =
            kinds.into_iter().map(|(id, k)| Ok((id, k.parse().map_err(Error::msg)?))).collect::<Result<_, Error>>()?;
        Ok(Importer {
            w,
            names,
            kinds,
            made_up: HashSet::new(),
            text: None,
            parents: Vec::new(),
            stats: ImportStats::default(),
        })
    }
}

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

impl Importer<'_> {
    /// Whether a name or alias already means an entity.
    pub fn knows(&self, name: &str) -> bool {
        self.names.contains_key(&fold_name(name))
    }

    /// The source already holding this text, if one does.
    pub fn source_with_hash(&mut self, sha256: &str) -> Result<Option<String>, String> {
        self.w.source_with_hash(sha256)
    }

    /// Adds an entity, or checks it against the one of that name. `at` says where it came from
    /// (`file:line`), for an error about its parent found only at the end.
    pub fn entity(&mut self, at: &str, e: Entity) -> Result<(), String> {
        let key = fold_name(e.name());
        let id = match self.names.get(&key) {
            Some(&id) => {
                let (name, kind) = self.w.name_kind(id)?;
                if name != e.name() {
                    return Err(format!("`{}` is already a name of entity `{name}`", e.name()));
                }
                if self.made_up.remove(&id) {
                    self.w.set_kind(id, e.kind().as_str())?;
                    self.kinds.insert(id, e.kind());
                    self.stats.created.retain(|(n, _)| *n != name);
                    self.stats.entities += 1;
                } else if kind != e.kind().as_str() {
                    return Err(format!("entity `{name}` exists as a {kind}, not a {}", e.kind()));
                } else {
                    self.stats.unchanged += 1;
                }
                id
            }
            None => {
                let id = self.w.insert_entity(e.name(), e.kind().as_str())?;
                self.kinds.insert(id, e.kind());
                self.add_alias(id, e.name())?;
                self.stats.entities += 1;
                id
            }
        };
        for alias in e.aliases() {
            self.add_alias(id, alias)?;
        }
        if let Some(parent) = e.parent() {
            self.parents.push((at.to_string(), id, parent.to_string()));
        }
        Ok(())
    }

    fn add_alias(&mut self, id: i64, alias: &str) -> Result<(), String> {
        let key = fold_name(alias);
        match self.names.get(&key) {
            Some(&other) if other == id => Ok(()),
            Some(&other) => {
                let (name, _) = self.w.name_kind(other)?;
                Err(format!("alias `{alias}` already names entity `{name}`; an alias can mean only one entity"))
            }
            None => {
                self.w.insert_alias(&key, alias, id)?;
                self.names.insert(key, id);
                Ok(())
            }
        }
    }

    pub fn source(&mut self, s: Source) -> Result<(), String> {
        let hash = sha256_hex(s.text());
        let published = s.published().map(|d| d.to_string());
        let row = SourceRow {
            id: s.id(),
            title: s.title(),
            publisher: s.publisher(),
            url: s.url(),
            published: published.clone(),
            published_start: s.published().map(|d| iso(d.first_day())),
            published_end: s.published().map(|d| iso(d.last_day())),
            added_at: s.added_at(),
            sha256: hash.clone(),
            text: s.text(),
        };
        if !self.w.insert_source(&row)? {
            let old = self.w.source_fields(s.id())?;
            let new = (s.title().into(), s.publisher().map(Into::into), s.url().map(Into::into), published, hash);
            if old == new {
                self.stats.unchanged += 1;
                return Ok(());
            }
            return Err(format!("source `{}` already exists with different content", s.id()));
        }
        self.stats.sources += 1;
        let id = s.id().to_string();
        self.text = Some((id, SourceText::new(s.into_text())));
        Ok(())
    }

    fn resolve(&mut self, name: &str, role: NameRole) -> Result<i64, String> {
        if let Some(&id) = self.names.get(&fold_name(name)) {
            let kind = self.kinds[&id];
            if !role.allows(kind) {
                let (canonical, _) = self.w.name_kind(id)?;
                return Err(format!(
                    "field `{}`: `{name}` is {} {kind} (`{canonical}`), which cannot be a {}",
                    role.field(),
                    if kind == EntityKind::Organization || kind == EntityKind::Operation { "an" } else { "a" },
                    role.field()
                ));
            }
            return Ok(id);
        }
        let kind = role.default_kind();
        let name = name.trim();
        let id = self.w.insert_entity(name, kind.as_str())?;
        self.kinds.insert(id, kind);
        self.add_alias(id, name)?;
        self.made_up.insert(id);
        self.stats.created.push((name.to_string(), kind));
        Ok(id)
    }

    fn source_text(&mut self, source: &str) -> Result<&SourceText, String> {
        if self.text.as_ref().is_none_or(|(id, _)| id != source) {
            let text = self.w.source_text(source)?;
            let text =
                text.ok_or_else(|| format!("source `{source}` is neither in the database nor earlier in this import"))?;
            self.text = Some((source.to_string(), SourceText::new(text)));
        }
        Ok(&self.text.as_ref().expect("set above").1)
    }

    pub fn claim(&mut self, c: Claim) -> Result<(), String> {
        let text = self.source_text(c.source())?;
        let span = c.span();
        match text.slice(span.start(), span.end()) {
            None => {
                return Err(format!(
                    "claim `{}`: span {}..{} runs past the end of source `{}` ({} characters)",
                    c.id(),
                    span.start(),
                    span.end(),
                    c.source(),
                    text.char_len()
                ));
            }
            Some(found) if found != c.quote() => {
                return Err(format!(
                    "claim `{}`: the quote does not match source `{}` at {}..{}: the source has “{}”",
                    c.id(),
                    c.source(),
                    span.start(),
                    span.end(),
                    crate::text::shorten(found, 80)
                ))
            }
            Some(_) => {}
        }
        // One value for each column of `insert_columns`, in its order, read off the claim through
        // the field table. Text is bound by reference: a bulk load writes many rows, and copying
        // each value first was measurable.
        let mut row: Vec<Arg<'_>> = Vec::with_capacity(INSERT_WIDTH.len());
        for (_, stored, get) in stored_claim_columns() {
            match stored {
                Stored::Column(_) => row.push(Arg::Cell(get(&c))),
                Stored::Entity(_, role) => {
                    let id = match get(&c) {
                        Cell::Text(name) => Some(self.resolve(&name, role)?),
                        _ => None,
                    };
                    row.push(Arg::Id(id));
                }
                Stored::Date { span, days, .. } => {
                    let d = span(&c);
                    row.push(Arg::Text(d.map(|d| d.to_string())));
                    row.push(Arg::Text(d.map(|d| iso(d.first_day()))));
                    row.push(Arg::Text(d.map(|d| iso(d.last_day()))));
                    if days.is_some() {
                        row.push(Arg::Days(d.map(|d| (d.last_day() - d.first_day()).get_days() as i64)));
                    }
                }
            }
        }
        debug_assert_eq!(row.len(), INSERT_WIDTH.len());
        match self.w.claim(c.id(), &row)? {
            Added::New => self.stats.claims += 1,
            Added::Unchanged => self.stats.unchanged += 1,
            Added::Staged => {}
        }
        Ok(())
    }

    /// Sets the parents named along the way, checks the result, and commits.
    /// An error names where it arose: the entity's `file:line`, or the index build or the commit.
    pub fn finish(mut self) -> Result<ImportStats, String> {
        let parents = std::mem::take(&mut self.parents);
        for (at, child, parent) in &parents {
            let fail = |reason: String| format!("{at}: {reason}");
            let Some(&pid) = self.names.get(&fold_name(parent)) else {
                return Err(fail(format!("parent `{parent}` is not a known entity")));
            };
            match self.w.parent(*child).map_err(fail)? {
                Some(old) if old != pid => {
                    let (name, _) = self.w.name_kind(*child).map_err(fail)?;
                    let (old_name, _) = self.w.name_kind(old).map_err(fail)?;
                    return Err(fail(format!("entity `{name}` already has parent `{old_name}`, not `{parent}`")));
                }
                Some(_) => {}
                None => self.w.set_parent(*child, pid).map_err(fail)?,
            }
        }
        self.check_no_cycle(&parents)?;
        let mut stats = std::mem::take(&mut self.stats);
        let (new, unchanged) = self.w.commit()?;
        stats.claims += new;
        stats.unchanged += unchanged;
        Ok(stats)
    }

    /// Refuses parents that make an entity its own ancestor. Each entity has at most one parent,
    /// so one walk over all of them finds every cycle in time linear in their number (walking up
    /// from each new child in turn was quadratic in a chain's depth: 4,000 deep took 10 s). The
    /// error names the record whose parent closed the cycle.
    fn check_no_cycle(&mut self, assigned: &[(String, i64, String)]) -> Result<(), String> {
        if assigned.is_empty() {
            return Ok(());
        }
        let parent: HashMap<i64, i64> = self.w.parents()?.into_iter().collect();
        let on_cycle = super::on_cycles(&parent);
        // The last assignment in the input that lands on a cycle is the one that closed it. A
        // cycle no assignment of this import touches was in the file before (a hand edit, which
        // verify reports): it is not this import's to refuse.
        let Some((at, child, _)) = assigned.iter().rev().find(|(_, child, _)| on_cycle.contains(child)) else {
            return Ok(());
        };
        let (name, _) = self.w.name_kind(*child)?;
        Err(format!("{at}: entity `{name}` would be its own ancestor (a cycle of parents)"))
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

    fn commit(self: Box<Self>) -> Result<(usize, usize), String> {
        self.deferred.restore(&self.tx).map_err(|e| format!("(indexes):0: {}", db(e)))?;
        self.tx.commit().map_err(|e| format!("(commit):0: {}", db(e)))?;
        Ok((0, 0))
    }
}

/// A stored source's fields that must agree for a re-import to count as the same source:
/// title, publisher, url, published, sha256.
pub(crate) type SourceFields = (String, Option<String>, Option<String>, Option<String>, String);

/// The claims columns an import writes, in the order their values are bound: each stored field's
/// columns, from the field table, quoted where SQL needs it (`"end"`).
static INSERT_WIDTH: LazyLock<Vec<String>> = LazyLock::new(|| insert_columns(&Sqlite));

/// The claims columns an import writes, in the order [`Writes::claim`] gets their values, as
/// `dialect` spells them.
pub(crate) fn insert_columns(dialect: &dyn Dialect) -> Vec<String> {
    stored_claim_columns().flat_map(|(_, stored, _)| stored.columns()).map(|c| dialect.ident(c)).collect()
}

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

/// One bound value of a claim's row.
pub(crate) enum Arg<'a> {
    /// A field's own value, borrowed from the claim.
    Cell(Cell<'a>),
    /// An entity's id.
    Id(Option<i64>),
    /// A date or one of its bounds, as ISO text.
    Text(Option<String>),
    /// How many days a date spans past its first.
    Days(Option<i64>),
}

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
        importer.claim(claim.into_claim().unwrap()).unwrap();
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
