//! Writing records into the store, all or nothing.
//!
//! An [`Importer`] holds one transaction. Each record is checked against what the database (and the
//! import so far) already holds: names resolve to entities through their aliases, every quote must
//! equal its span of the source text, and an id that already exists must carry the same content.
//! Dropping an importer without [`Importer::finish`] rolls everything back.

use std::collections::{HashMap, HashSet};

use rusqlite::types::Value;
use rusqlite::{params, OptionalExtension, Transaction};

use crate::error::Error;
use crate::model::{date::iso, fold_name, Claim, Entity, EntityKind, Source};
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
    /// Entities this import made up for unknown names; an entity record may still define them.
    made_up: HashSet<i64>,
    texts: HashMap<String, SourceText>,
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

impl Store {
    pub fn importer(&mut self) -> Result<Importer<'_>, Error> {
        let tx = self.conn.transaction()?;
        let mut names = HashMap::new();
        {
            let mut stmt = tx.prepare("SELECT key, entity_id FROM entity_aliases")?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
            for row in rows {
                let (k, id) = row?;
                names.insert(k, id);
            }
        }
        Ok(Importer {
            tx,
            names,
            made_up: HashSet::new(),
            texts: HashMap::new(),
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
        let existing: Option<SourceFields> = self
            .tx
            .query_row("SELECT title, publisher, url, published, sha256 FROM sources WHERE id = ?1", [&s.id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .optional()
            .map_err(db)?;
        let published = s.published.map(|d| d.to_string());
        if let Some(old) = existing {
            if old == (s.title.clone(), s.publisher.clone(), s.url.clone(), published, hash) {
                self.stats.unchanged += 1;
                return Ok(());
            }
            return Err(format!("source `{}` already exists with different content", s.id));
        }
        self.tx
            .execute(
                "INSERT INTO sources (id, title, publisher, url, published, added_at, sha256, text)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![s.id, s.title, s.publisher, s.url, published, s.added_at, hash, s.text],
            )
            .map_err(db)?;
        self.stats.sources += 1;
        self.texts.insert(s.id, SourceText::new(s.text));
        Ok(())
    }

    fn resolve(&mut self, name: &str, role: NameRole) -> Result<i64, String> {
        if let Some(&id) = self.names.get(&fold_name(name)) {
            let (canonical, kind) = self.entity_name_kind(id)?;
            let kind: EntityKind = kind.parse()?;
            if !role.allows(kind) {
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
        self.add_alias(id, name)?;
        self.made_up.insert(id);
        self.stats.created.push((name.to_string(), kind));
        Ok(id)
    }

    fn source_text(&mut self, source: &str) -> Result<&SourceText, String> {
        if !self.texts.contains_key(source) {
            let text: Option<String> = self
                .tx
                .query_row("SELECT text FROM sources WHERE id = ?1", [source], |r| r.get(0))
                .optional()
                .map_err(db)?;
            let text =
                text.ok_or_else(|| format!("source `{source}` is neither in the database nor earlier in this import"))?;
            self.texts.insert(source.to_string(), SourceText::new(text));
        }
        Ok(&self.texts[source])
    }

    pub fn claim(&mut self, c: Claim) -> Result<(), String> {
        let found = self.source_text(&c.source)?.slice(c.span.start(), c.span.end()).map(str::to_string);
        match found {
            None => {
                let len = self.source_text(&c.source)?.char_len();
                return Err(format!(
                    "claim `{}`: span {}..{} runs past the end of source `{}` ({len} characters)",
                    c.id,
                    c.span.start(),
                    c.span.end(),
                    c.source
                ));
            }
            Some(found) if found != c.quote => {
                return Err(format!(
                    "claim `{}`: the quote does not match source `{}` at {}..{}: the source has “{}”",
                    c.id,
                    c.source,
                    c.span.start(),
                    c.span.end(),
                    crate::text::shorten(&found, 80)
                ))
            }
            Some(_) => {}
        }
        let party = c.party.as_deref().map(|n| self.resolve(n, NameRole::Party)).transpose()?;
        let location = c.location.as_deref().map(|n| self.resolve(n, NameRole::Location)).transpose()?;
        let speaker = c.attribution.speaker();
        let speaker_id = speaker.map(|s| s.name.clone()).map(|n| self.resolve(&n, NameRole::Speaker)).transpose()?;
        let value = c.quantity.as_ref().map(|q| match q.as_integer() {
            Some(i) => Value::Integer(i),
            None => Value::Real(q.value()),
        });
        let row: Vec<Value> = vec![
            c.id.clone().into(),
            c.source.clone().into(),
            c.kind.as_str().to_string().into(),
            c.quote.clone().into(),
            (c.span.start() as i64).into(),
            (c.span.end() as i64).into(),
            c.text.clone().into(),
            party.into(),
            location.into(),
            value.unwrap_or(Value::Null),
            c.quantity.as_ref().map(|q| q.unit().to_string()).into(),
            c.quantity.as_ref().map(|q| q.qualifier().as_str().to_string()).into(),
            c.date.map(|d| d.to_string()).into(),
            c.date.map(|d| iso(d.first_day())).into(),
            c.date.map(|d| iso(d.last_day())).into(),
            speaker_id.into(),
            speaker.and_then(|s| s.role.clone()).into(),
            speaker.and_then(|s| s.said_on).map(|d| d.to_string()).into(),
            speaker.and_then(|s| s.said_on).map(|d| iso(d.first_day())).into(),
            speaker.and_then(|s| s.said_on).map(|d| iso(d.last_day())).into(),
            c.attribution.kind().as_str().to_string().into(),
            c.modality.as_str().to_string().into(),
        ];
        let inserted = self
            .tx
            .prepare_cached(&format!(
                "INSERT INTO claims ({CLAIM_COLUMNS}) VALUES ({}) ON CONFLICT (id) DO NOTHING",
                (1..=row.len()).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ")
            ))
            .and_then(|mut s| s.execute(rusqlite::params_from_iter(&row)))
            .map_err(db)?;
        if inserted == 1 {
            self.stats.claims += 1;
            return Ok(());
        }
        let old: Vec<Value> = self
            .tx
            .query_row(&format!("SELECT {CLAIM_COLUMNS} FROM claims WHERE id = ?1"), [&c.id], |r| {
                (0..row.len()).map(|i| r.get::<_, Value>(i)).collect()
            })
            .map_err(db)?;
        if old == row {
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
        let stats = std::mem::take(&mut self.stats);
        self.tx
            .commit()
            .map_err(|e| RecordError { origin: Origin { file: "(commit)".into(), line: 0 }, reason: db(e) })?;
        Ok(stats)
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

/// The claims columns an import writes, in the order of the values it binds.
const CLAIM_COLUMNS: &str = "id, source_id, kind, quote, start, \"end\", text, party_id, location_id, \
     value, unit, qualifier, date, date_start, date_end, speaker_id, role, said_on, said_on_start, \
     said_on_end, attribution, modality";

/// SQLite's own words for a failed write; a CHECK failure names the broken constraint.
fn db(e: rusqlite::Error) -> String {
    format!("the database refused it: {e}")
}
