//! Reading claims, sources and entities back out of the store, and verifying what it holds.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::columns::stored_claim_fields;
use crate::dsl::{Dialect, Sqlite};
use crate::error::Error;
use crate::model::{sha256_hex, Claim, ClaimRecord, Entity, EntityRecord, Source, SourceRecord, ALIAS_SEPARATOR};
use crate::rows::Cell;
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
