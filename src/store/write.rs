//! Writing records into the store, all or nothing.
//!
//! An [`Importer`] holds one transaction. Each record is checked against what the database (and the
//! import so far) already holds: names resolve to entities through their aliases, every quote must
//! equal its span of the source text, and an id that already exists must carry the same content.
//! Dropping an importer without [`Importer::finish`] rolls everything back.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use rusqlite::types::{ToSql, Value};
use rusqlite::{params, OptionalExtension, Transaction};

use crate::error::Error;
use crate::model::{date::iso, fold_name, Claim, DateSpan, Entity, EntityKind, Source};
use crate::records::{sha256_hex, Origin, RecordError};
use crate::store::Store;
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

pub struct Importer<'a> {
    tx: Transaction<'a>,
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
    /// What was set aside for a fast load and is put back by `finish`.
    deferred: Deferred,
    /// Parents are set at the end, so an entity may name a parent that comes later in the file.
    parents: Vec<(Origin, i64, String)>,
    stats: ImportStats,
}

/// The role a name plays in a claim, which decides what kind of entity it may be.
#[derive(Clone, Copy)]
enum NameRole {
    Party,
    Location,
    Speaker,
}

impl NameRole {
    fn field(self) -> &'static str {
        match self {
            NameRole::Party => "party",
            NameRole::Location => "location",
            NameRole::Speaker => "speaker",
        }
    }

    /// The kind an unknown name is given.
    fn default_kind(self) -> EntityKind {
        match self {
            NameRole::Party => EntityKind::Organization,
            NameRole::Location => EntityKind::Place,
            NameRole::Speaker => EntityKind::Person,
        }
    }

    fn allows(self, kind: EntityKind) -> bool {
        match self {
            NameRole::Party => true,
            NameRole::Location => kind.is_place(),
            NameRole::Speaker => matches!(kind, EntityKind::Person | EntityKind::Organization | EntityKind::Country),
        }
    }
}

/// Index and trigger definitions dropped for the length of an import, and how to bring the
/// full-text index up to date afterwards.
///
/// Maintaining six indexes and the full-text index row by row makes a bulk load several times
/// slower than loading the rows and building each index once, in sorted order, at the end. So an
/// import into an empty table drops the secondary indexes and rebuilds them after; every import
/// drops the insert trigger and adds the new rows to the full-text index in one statement. All of
/// it happens inside the import's transaction, so a failed import leaves the schema as it was.
struct Deferred {
    /// (kind, name, sql) as `sqlite_schema` holds them.
    dropped: Vec<(String, String, String)>,
    /// The claims table was empty: the full-text index is rebuilt whole.
    was_empty: bool,
    /// The highest `pk` before the import: rows above it are the new ones.
    max_pk: i64,
}

impl Store {
    /// Runs a bulk write with a rollback journal instead of WAL: in WAL every page is written
    /// twice, once to the log and once at the checkpoint, while the rollback journal of a growing
    /// file holds next to nothing. WAL comes back afterwards. If another connection has the file
    /// open, the journal cannot change and the write goes ahead in WAL.
    pub fn bulk<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T, Error>) -> Result<T, Error> {
        let wal = self.path().is_some()
            && self.conn.query_row("PRAGMA journal_mode", [], |r| r.get::<_, String>(0))? == "wal";
        if wal {
            let _: String = self.conn.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
        }
        // Appending to a large table inserts into six indexes at random places: with SQLite's
        // 2 MB cache, pages spill to disk mid-transaction and are read back. 100,000 claims into
        // 1,000,000 took 3.9 s with 2 MB, 3.3 s with 32 MB, 2.6 s with 64 MB (256 MB: no better).
        // A load into an empty table builds its indexes at the end and gains nothing, so it keeps
        // the default and its memory stays flat.
        let cache: i64 = self.conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        let appending: bool = self.conn.query_row("SELECT EXISTS (SELECT 1 FROM claims)", [], |r| r.get(0))?;
        if appending {
            self.conn.execute_batch("PRAGMA cache_size = -65536")?;
        }
        let result = f(self);
        let restored = self.conn.pragma_update(None, "cache_size", cache).and_then(|()| {
            if wal {
                let _: String = self.conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
            }
            Ok(())
        });
        // The write's own error, if any, says more than a failure to switch back.
        let value = result?;
        restored?;
        Ok(value)
    }

    pub fn importer(&mut self) -> Result<Importer<'_>, Error> {
        let tx = self.conn.transaction()?;
        let mut names = HashMap::new();
        let mut kinds = HashMap::new();
        {
            let mut stmt = tx.prepare("SELECT key, entity_id FROM entity_aliases")?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
            for row in rows {
                let (k, id) = row?;
                names.insert(k, id);
            }
            let mut stmt = tx.prepare("SELECT id, kind FROM entities")?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
            for row in rows {
                let (id, kind) = row?;
                kinds.insert(id, kind.parse().map_err(Error::msg)?);
            }
        }
        let (was_empty, max_pk): (bool, i64) =
            tx.query_row("SELECT max(pk) IS NULL, coalesce(max(pk), 0) FROM claims", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        let dropped: Vec<(String, String, String)> = {
            let mut stmt = tx.prepare(
                "SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = 'claims' AND sql IS NOT NULL
                 AND ((type = 'index' AND ?1) OR (type = 'trigger' AND name = 'claims_ai'))",
            )?;
            let rows = stmt.query_map([was_empty], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        for (kind, name, _) in &dropped {
            tx.execute_batch(&format!("DROP {} \"{name}\"", if kind == "index" { "INDEX" } else { "TRIGGER" }))?;
        }
        Ok(Importer {
            tx,
            names,
            kinds,
            made_up: HashSet::new(),
            text: None,
            deferred: Deferred { dropped, was_empty, max_pk },
            parents: Vec::new(),
            stats: ImportStats::default(),
        })
    }
}

impl Importer<'_> {
    pub fn entity(&mut self, origin: &Origin, e: Entity) -> Result<(), String> {
        let key = fold_name(&e.name);
        let id = match self.names.get(&key) {
            Some(&id) => {
                let (name, kind) = self.entity_name_kind(id)?;
                if name != e.name {
                    return Err(format!("`{}` is already a name of entity `{name}`", e.name));
                }
                if self.made_up.remove(&id) {
                    self.tx
                        .execute("UPDATE entities SET kind = ?1 WHERE id = ?2", params![e.kind.as_str(), id])
                        .map_err(db)?;
                    self.kinds.insert(id, e.kind);
                    self.stats.created.retain(|(n, _)| *n != name);
                    self.stats.entities += 1;
                } else if kind != e.kind.as_str() {
                    return Err(format!("entity `{name}` exists as a {kind}, not a {}", e.kind));
                } else {
                    self.stats.unchanged += 1;
                }
                id
            }
            None => {
                self.tx
                    .execute("INSERT INTO entities (name, kind) VALUES (?1, ?2)", params![e.name, e.kind.as_str()])
                    .map_err(db)?;
                let id = self.tx.last_insert_rowid();
                self.kinds.insert(id, e.kind);
                self.add_alias(id, &e.name)?;
                self.stats.entities += 1;
                id
            }
        };
        for alias in &e.aliases {
            self.add_alias(id, alias)?;
        }
        if let Some(parent) = e.parent {
            self.parents.push((origin.clone(), id, parent));
        }
        Ok(())
    }

    fn entity_name_kind(&self, id: i64) -> Result<(String, String), String> {
        self.tx
            .query_row("SELECT name, kind FROM entities WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(db)
    }

    fn add_alias(&mut self, id: i64, alias: &str) -> Result<(), String> {
        let key = fold_name(alias);
        match self.names.get(&key) {
            Some(&other) if other == id => Ok(()),
            Some(&other) => {
                let (name, _) = self.entity_name_kind(other)?;
                Err(format!("alias `{alias}` already names entity `{name}`; an alias can mean only one entity"))
            }
            None => {
                self.tx
                    .execute(
                        "INSERT INTO entity_aliases (key, alias, entity_id) VALUES (?1, ?2, ?3)",
                        params![key, alias, id],
                    )
                    .map_err(db)?;
                self.names.insert(key, id);
                Ok(())
            }
        }
    }

    pub fn source(&mut self, s: Source) -> Result<(), String> {
        let hash = sha256_hex(&s.text);
        let published = s.published.map(|d| d.to_string());
        let inserted = self
            .tx
            .prepare_cached(
                "INSERT INTO sources (id, title, publisher, url, published, added_at, sha256, text)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (id) DO NOTHING",
            )
            .and_then(|mut st| {
                st.execute(params![s.id, s.title, s.publisher, s.url, published, s.added_at, hash, s.text])
            })
            .map_err(db)?;
        if inserted == 0 {
            let old: SourceFields = self
                .tx
                .query_row("SELECT title, publisher, url, published, sha256 FROM sources WHERE id = ?1", [&s.id], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })
                .map_err(db)?;
            if old == (s.title, s.publisher, s.url, published, hash) {
                self.stats.unchanged += 1;
                return Ok(());
            }
            return Err(format!("source `{}` already exists with different content", s.id));
        }
        self.stats.sources += 1;
        self.text = Some((s.id, SourceText::new(s.text)));
        Ok(())
    }

    fn resolve(&mut self, name: &str, role: NameRole) -> Result<i64, String> {
        if let Some(&id) = self.names.get(&fold_name(name)) {
            let kind = self.kinds[&id];
            if !role.allows(kind) {
                let (canonical, _) = self.entity_name_kind(id)?;
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
        self.tx
            .execute("INSERT INTO entities (name, kind) VALUES (?1, ?2)", params![name, kind.as_str()])
            .map_err(db)?;
        let id = self.tx.last_insert_rowid();
        self.kinds.insert(id, kind);
        self.add_alias(id, name)?;
        self.made_up.insert(id);
        self.stats.created.push((name.to_string(), kind));
        Ok(id)
    }

    fn source_text(&mut self, source: &str) -> Result<&SourceText, String> {
        if self.text.as_ref().is_none_or(|(id, _)| id != source) {
            let text: Option<String> = self
                .tx
                .prepare_cached("SELECT text FROM sources WHERE id = ?1")
                .and_then(|mut s| s.query_row([source], |r| r.get(0)).optional())
                .map_err(db)?;
            let text =
                text.ok_or_else(|| format!("source `{source}` is neither in the database nor earlier in this import"))?;
            self.text = Some((source.to_string(), SourceText::new(text)));
        }
        Ok(&self.text.as_ref().expect("set above").1)
    }

    pub fn claim(&mut self, c: Claim) -> Result<(), String> {
        let text = self.source_text(&c.source)?;
        match text.slice(c.span.start(), c.span.end()) {
            None => {
                return Err(format!(
                    "claim `{}`: span {}..{} runs past the end of source `{}` ({} characters)",
                    c.id,
                    c.span.start(),
                    c.span.end(),
                    c.source,
                    text.char_len()
                ));
            }
            Some(found) if found != c.quote => {
                return Err(format!(
                    "claim `{}`: the quote does not match source `{}` at {}..{}: the source has “{}”",
                    c.id,
                    c.source,
                    c.span.start(),
                    c.span.end(),
                    crate::text::shorten(found, 80)
                ))
            }
            Some(_) => {}
        }
        let party = c.party.as_deref().map(|n| self.resolve(n, NameRole::Party)).transpose()?;
        let location = c.location.as_deref().map(|n| self.resolve(n, NameRole::Location)).transpose()?;
        let speaker = c.attribution.speaker();
        let speaker_id = speaker.map(|s| self.resolve(&s.name, NameRole::Speaker)).transpose()?;
        let value = c.quantity.as_ref().map(|q| match q.as_integer() {
            Some(i) => Value::Integer(i),
            None => Value::Real(q.value()),
        });
        let said_on = speaker.and_then(|s| s.said_on);
        let days = |d: Option<DateSpan>| {
            (d.map(|d| d.to_string()), d.map(|d| iso(d.first_day())), d.map(|d| iso(d.last_day())))
        };
        let (date, date_start, date_end) = days(c.date);
        let (said, said_start, said_end) = days(said_on);
        // Bound by reference, in CLAIM_COLUMNS order: a bulk load writes many rows, and copying
        // each value into an owned `Value` first was measurable.
        let row: [&dyn ToSql; CLAIM_COLUMNS.len()] = [
            &c.id,
            &c.source,
            &c.kind.as_str(),
            &c.quote,
            &(c.span.start() as i64),
            &(c.span.end() as i64),
            &c.text,
            &party,
            &location,
            &value,
            &c.quantity.as_ref().map(|q| q.unit()),
            &c.quantity.as_ref().map(|q| q.qualifier().as_str()),
            &date,
            &date_start,
            &date_end,
            &speaker_id,
            &speaker.and_then(|s| s.role.as_deref()),
            &said,
            &said_start,
            &said_end,
            &c.attribution.kind().as_str(),
            &c.modality.as_str(),
        ];
        let inserted = self.tx.prepare_cached(&INSERT_CLAIM).and_then(|mut s| s.execute(&row[..])).map_err(db)?;
        if inserted == 1 {
            self.stats.claims += 1;
            return Ok(());
        }
        // The id exists: the same claim again is fine, a different one under that id is not.
        // SQLite compares, with the very values the insert was given (`IS` so NULLs match).
        let unchanged: bool =
            self.tx.prepare_cached(&SAME_CLAIM).and_then(|mut s| s.query_row(&row[..], |r| r.get(0))).map_err(db)?;
        if unchanged {
            self.stats.unchanged += 1;
            Ok(())
        } else {
            Err(format!("claim `{}` already exists with different content", c.id))
        }
    }

    /// Sets the parents named along the way, checks the result, and commits.
    pub fn finish(mut self) -> Result<ImportStats, RecordError> {
        let parents = std::mem::take(&mut self.parents);
        for (origin, child, parent) in &parents {
            let fail = |reason: String| RecordError { origin: origin.clone(), reason };
            let Some(&pid) = self.names.get(&fold_name(parent)) else {
                return Err(fail(format!("parent `{parent}` is not a known entity")));
            };
            let current: Option<i64> = self
                .tx
                .query_row("SELECT parent_id FROM entities WHERE id = ?1", [child], |r| r.get(0))
                .map_err(|e| fail(db(e)))?;
            match current {
                Some(old) if old != pid => {
                    let (name, _) = self.entity_name_kind(*child).map_err(fail)?;
                    let (old_name, _) = self.entity_name_kind(old).map_err(fail)?;
                    return Err(fail(format!("entity `{name}` already has parent `{old_name}`, not `{parent}`")));
                }
                Some(_) => {}
                None => {
                    self.tx
                        .execute("UPDATE entities SET parent_id = ?1 WHERE id = ?2", params![pid, child])
                        .map_err(|e| fail(db(e)))?;
                }
            }
            self.check_no_cycle(*child).map_err(fail)?;
        }
        self.restore()
            .map_err(|reason| RecordError { origin: Origin { file: "(indexes)".into(), line: 0 }, reason })?;
        let stats = std::mem::take(&mut self.stats);
        self.tx
            .commit()
            .map_err(|e| RecordError { origin: Origin { file: "(commit)".into(), line: 0 }, reason: db(e) })?;
        Ok(stats)
    }

    /// Brings the full-text index up to date and puts back what `importer` set aside.
    ///
    /// FTS5 gathers new terms in memory and writes them out as a segment each time they pass its
    /// `hashsize` (1 MB by default); fewer, larger segments mean less merging later. 8 MB took the
    /// index build for 100,000 claims from 0.39 s to 0.30 s. The setting is stored in the index's
    /// config, so it goes back to the default afterwards.
    fn restore(&mut self) -> Result<(), String> {
        let hashsize: Option<i64> = self
            .tx
            .query_row("SELECT v FROM claims_fts_config WHERE k = 'hashsize'", [], |r| r.get(0))
            .optional()
            .map_err(db)?;
        self.tx.execute_batch(&fts_hashsize(8 << 20)).map_err(db)?;
        if self.deferred.was_empty {
            self.tx.execute_batch("INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')").map_err(db)?;
        } else {
            self.tx
                .execute(
                    "INSERT INTO claims_fts (rowid, quote, text) SELECT pk, quote, text FROM claims WHERE pk > ?1",
                    [self.deferred.max_pk],
                )
                .map_err(db)?;
        }
        match hashsize {
            Some(bytes) => self.tx.execute_batch(&fts_hashsize(bytes)).map_err(db)?,
            None => {
                // FTS5 has no command to unset an option. Setting the default first keeps this
                // connection's cached config right; deleting the row leaves the file as a new one.
                self.tx.execute_batch(&fts_hashsize(FTS5_DEFAULT_HASHSIZE)).map_err(db)?;
                self.tx.execute_batch("DELETE FROM claims_fts_config WHERE k = 'hashsize'").map_err(db)?;
            }
        }
        for (_, _, sql) in &self.deferred.dropped {
            self.tx.execute_batch(sql).map_err(db)?;
        }
        Ok(())
    }

    fn check_no_cycle(&self, start: i64) -> Result<(), String> {
        let mut seen = HashSet::from([start]);
        let mut at = start;
        while let Some(p) = self
            .tx
            .query_row("SELECT parent_id FROM entities WHERE id = ?1", [at], |r| r.get::<_, Option<i64>>(0))
            .map_err(db)?
        {
            if !seen.insert(p) {
                let (name, _) = self.entity_name_kind(start)?;
                return Err(format!("entity `{name}` would be its own ancestor (a cycle of parents)"));
            }
            at = p;
        }
        Ok(())
    }
}

/// A stored source's fields that must agree for a re-import to count as the same source:
/// title, publisher, url, published, sha256.
type SourceFields = (String, Option<String>, Option<String>, Option<String>, String);

/// The claims columns an import writes, in the order of the values it binds. The insert and the
/// comparison below are written from this one list.
const CLAIM_COLUMNS: [&str; 22] = [
    "id",
    "source_id",
    "kind",
    "quote",
    "start",
    "\"end\"",
    "text",
    "party_id",
    "location_id",
    "value",
    "unit",
    "qualifier",
    "date",
    "date_start",
    "date_end",
    "speaker_id",
    "role",
    "said_on",
    "said_on_start",
    "said_on_end",
    "attribution",
    "modality",
];

static INSERT_CLAIM: LazyLock<String> = LazyLock::new(|| {
    let params: Vec<String> = (1..=CLAIM_COLUMNS.len()).map(|n| format!("?{n}")).collect();
    format!(
        "INSERT INTO claims ({}) VALUES ({}) ON CONFLICT (id) DO NOTHING",
        CLAIM_COLUMNS.join(", "),
        params.join(", ")
    )
});

/// Whether a claim with exactly the bound values exists; `IS` so NULLs match.
static SAME_CLAIM: LazyLock<String> = LazyLock::new(|| {
    let same: Vec<String> = CLAIM_COLUMNS.iter().zip(1..).map(|(c, n)| format!("{c} IS ?{n}")).collect();
    format!("SELECT EXISTS (SELECT 1 FROM claims WHERE {})", same.join(" AND "))
});

/// FTS5's own default for `hashsize` (FTS5_DEFAULT_HASHSIZE in SQLite's source).
const FTS5_DEFAULT_HASHSIZE: i64 = 1 << 20;

fn fts_hashsize(bytes: i64) -> String {
    format!("INSERT INTO claims_fts (claims_fts, rank) VALUES ('hashsize', {bytes})")
}

/// SQLite's own words for a failed write; a CHECK failure names the broken constraint.
fn db(e: rusqlite::Error) -> String {
    format!("the database refused it: {e}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_insert_and_the_comparison_bind_the_same_columns_in_order() {
        let words = |s: &str| s.split([',', ' ']).filter(|w| !w.is_empty()).map(str::to_string).collect::<Vec<_>>();
        let columns = words(&CLAIM_COLUMNS.join(", "));
        let (insert, same): (&str, &str) = (&INSERT_CLAIM, &SAME_CLAIM);
        let inserted = &insert["INSERT INTO claims (".len()..insert.find(") VALUES").unwrap()];
        assert_eq!(words(inserted), columns);
        let inner = &same[same.find("WHERE ").unwrap() + 6..same.len() - 1];
        let compared: Vec<String> =
            inner.split(" AND ").map(|c| c.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
        let expected: Vec<String> = columns.iter().zip(1..).map(|(c, n)| format!("{c} IS ?{n}")).collect();
        assert_eq!(compared, expected);
    }
}
