//! Writing records into the store, all or nothing.
//!
//! An [`Importer`] holds one transaction. Each record is checked against what the database (and the
//! import so far) already holds: names resolve to entities through their aliases, every quote must
//! equal its span of the source text, and an id that already exists must carry the same content.
//! Dropping an importer without [`Importer::finish`] rolls everything back.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::columns::{stored_claim_columns, NameRole, Stored};
use crate::dsl::{Dialect, Sqlite};
use crate::error::Error;
use crate::model::{date::iso, fold_name, sha256_hex, Claim, Entity, EntityKind, Source};
use crate::rows::Cell;
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
    fn commit(self: Box<Self>) -> Result<(usize, usize), Refused>;
}

/// Why `commit` wrote nothing.
pub(crate) enum Refused {
    /// The `row`th staged claim (counting from 1, in input order) has an id already stored, or
    /// staged earlier, with other content: found only when the staged rows meet the stored ones.
    #[cfg_attr(not(feature = "postgres"), allow(dead_code))]
    Clash {
        row: usize,
        id: String,
    },
    Failed(String),
}

impl From<String> for Refused {
    fn from(reason: String) -> Refused {
        Refused::Failed(reason)
    }
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
    /// Where each staged claim came from, as (index into `inputs`, line), so a clash found only
    /// at commit names its line as one found at once does. Eight bytes a claim, not a string.
    staged_at: Vec<(u32, u32)>,
    inputs: Vec<String>,
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
            staged_at: Vec::new(),
            inputs: Vec::new(),
            stats: ImportStats::default(),
        })
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
                    "field `{}`: `{name}` is {} (`{canonical}`), which cannot be a {}",
                    role.field(),
                    kind.with_article(),
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

    /// Adds a claim, or checks it against the stored claim of its id. `at` says where it came
    /// from (`file` and `line`; line 0 for a claim that has none), for a clash found only at the
    /// end.
    pub fn claim(&mut self, at: (&str, usize), c: Claim) -> Result<(), String> {
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
        let mut row: Vec<Arg<'_>> = Vec::with_capacity(*WIDTH);
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
        debug_assert_eq!(row.len(), *WIDTH);
        match self.w.claim(c.id(), &row)? {
            Added::New => self.stats.claims += 1,
            Added::Unchanged => self.stats.unchanged += 1,
            Added::Staged => {
                if self.inputs.last().is_none_or(|f| f != at.0) {
                    self.inputs.push(at.0.to_string());
                }
                let line = u32::try_from(at.1).unwrap_or(u32::MAX);
                self.staged_at.push((self.inputs.len() as u32 - 1, line));
            }
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
        let (new, unchanged) = self.w.commit().map_err(|refused| match refused {
            Refused::Failed(reason) => reason,
            Refused::Clash { row, id } => {
                let at = match self.staged_at.get(row.wrapping_sub(1)) {
                    Some(&(input, 0)) => format!("{}: ", self.inputs[input as usize]),
                    Some(&(input, line)) => format!("{}:{line}: ", self.inputs[input as usize]),
                    None => String::new(),
                };
                format!("{at}claim `{id}` already exists with different content")
            }
        })?;
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

/// A stored source's fields that must agree for a re-import to count as the same source:
/// title, publisher, url, published, sha256.
pub(crate) type SourceFields = (String, Option<String>, Option<String>, Option<String>, String);

/// The claims columns an import writes, in the order their values are bound: each stored field's
/// columns, from the field table, quoted where SQL needs it (`"end"`).
/// How many values a claim's row has.
static WIDTH: LazyLock<usize> = LazyLock::new(|| insert_columns(&Sqlite).len());

/// The claims columns an import writes, in the order [`Writes::claim`] gets their values, as
/// `dialect` spells them.
pub(crate) fn insert_columns(dialect: &dyn Dialect) -> Vec<String> {
    stored_claim_columns().flat_map(|(_, stored, _)| stored.columns()).map(|c| dialect.ident(c)).collect()
}

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
