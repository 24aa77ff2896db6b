//! What a check reads from the store: claims found by the query compiler's own predicates (so
//! each lookup is one indexed, parameterized statement in the store's dialect), their sources,
//! and the entities names resolve to.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::columns::{stored_claim_columns, Expr, Fts, Target};
use crate::dsl::ast::Op;
use crate::dsl::resolve::{Column, Predicate, Resolved};
use crate::dsl::{compile, Defaults};
use crate::error::Error;
use crate::extract::gazetteer::Gazetteer;
use crate::model::{fold_name, Claim, ClaimRecord, DateSpan, Entity, EntityKind};
use crate::rows::Value;
use crate::store::Store;

/// The most claims one lookup reads: a statement is about one thing, and a thing with more
/// claims than this is read in part (the first by source and position).
pub const LOOKUP_LIMIT: u64 = 500;

/// Where a text puts something in a place: (byte offset, gazetteer entry), in text order.
type PlaceMentions = Vec<(usize, usize)>;

/// Words that put something in a place.
const LOCATIVE: [&str; 10] =
    ["in", "at", "near", "across", "outside", "inside", "throughout", "into", "within", "around"];

/// A source, as evidence shows it.
#[derive(Debug)]
pub struct SourceInfo {
    pub id: String,
    pub title: String,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub published: Option<DateSpan>,
    pub text: String,
}

/// Where the time a claim holds for comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    Date,
    SaidOn,
    Published,
}

impl Basis {
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Date => "date",
            Basis::SaidOn => "said_on",
            Basis::Published => "published",
        }
    }
}

/// A stored claim with its source and the time it holds for.
#[derive(Debug, Clone)]
pub struct Evidence {
    pub claim: Claim,
    pub source: Rc<SourceInfo>,
    /// Its date, else when it was said, else when its source was published.
    pub time: Option<(DateSpan, Basis)>,
}

impl Evidence {
    pub fn span(&self) -> Option<DateSpan> {
        self.time.map(|t| t.0)
    }

    /// Both hold for overlapping times (or either for no known time). For events, the times
    /// must be told to the same grain as well: a month's total and one day's strike in it are
    /// not the same event.
    pub fn same_time(&self, other: &Evidence, events: bool) -> bool {
        match (self.span(), other.span()) {
            (Some(a), Some(b)) => a.overlaps(b) && (!events || a.grain() == b.grain()),
            _ => true,
        }
    }
}

/// The store's entities, in memory: names to entities, and the parent chain.
pub struct Entities {
    list: Vec<Entity>,
    by_key: HashMap<String, usize>,
    /// Folded surname → people of that surname, so "Kurilla" finds Michael Kurilla.
    by_surname: HashMap<String, Vec<usize>>,
}

impl Entities {
    pub fn new(list: Vec<Entity>) -> Entities {
        let mut by_key = HashMap::new();
        let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in list.iter().enumerate() {
            by_key.insert(fold_name(e.name()), i);
            for a in e.aliases() {
                by_key.entry(fold_name(a)).or_insert(i);
            }
            if e.kind() == EntityKind::Person {
                if let Some(last) = e.name().split_whitespace().last() {
                    by_surname.entry(fold_name(last)).or_default().push(i);
                }
            }
        }
        Entities { list, by_key, by_surname }
    }

    /// The entity a name means: a name or alias, else (for a person) a surname only one stored
    /// person has.
    pub fn find(&self, name: &str) -> Option<&Entity> {
        let key = fold_name(name);
        if let Some(&i) = self.by_key.get(&key) {
            return Some(&self.list[i]);
        }
        // Only a surname alone ("Kurilla") falls back: "Michael Smith" is not John Smith.
        if key.contains(' ') {
            return None;
        }
        match self.by_surname.get(key.as_str()).map(Vec::as_slice) {
            Some([i]) => Some(&self.list[*i]),
            _ => None,
        }
    }

    /// The canonical name of `name`, or `name` itself when nothing stored goes by it.
    pub fn canonical(&self, name: &str) -> String {
        self.find(name).map_or_else(|| name.to_string(), |e| e.name().to_string())
    }

    /// Whether `inner` is `outer` or lies inside it, following parents.
    pub fn within(&self, inner: &str, outer: &str) -> bool {
        let outer = self.canonical(outer);
        let mut at = Some(self.canonical(inner));
        for _ in 0..32 {
            let Some(name) = at else { return false };
            if name == outer {
                return true;
            }
            at = self.find(&name).and_then(|e| e.parent()).map(str::to_string);
        }
        false
    }

    /// The stored name closest to `name`, for "did you mean".
    pub fn suggest(&self, name: &str) -> Option<&str> {
        crate::dsl::error::did_you_mean(name, self.list.iter().map(|e| e.name()))
    }
}

/// Reads claims, sources and entities for checks, remembering sources it has read.
pub struct Library<'s> {
    store: &'s Store,
    pub entities: Entities,
    sources: RefCell<HashMap<String, Rc<SourceInfo>>>,
    /// Each lookup's claims, by what was looked up: a batch of statements asks about the same
    /// few things again and again, and the store does not change under a check.
    memo: RefCell<HashMap<String, Rc<Vec<Evidence>>>>,
    /// A lookup since the last [`Library::take_cut`] found more claims than it read.
    cut: std::cell::Cell<bool>,
    /// Where each source's text names a place (byte offset, gazetteer entry), read once a source.
    places: RefCell<HashMap<String, Rc<PlaceMentions>>>,
    gazetteer: &'s Gazetteer,
}

impl<'s> Library<'s> {
    pub fn new(store: &'s Store, gazetteer: &'s Gazetteer) -> Result<Library<'s>, Error> {
        Ok(Library {
            store,
            entities: Entities::new(store.entities()?),
            sources: RefCell::default(),
            memo: RefCell::default(),
            cut: std::cell::Cell::new(false),
            places: RefCell::default(),
            gazetteer,
        })
    }

    /// Whether a lookup since the last call read only the first [`LOOKUP_LIMIT`] of its claims.
    pub fn take_cut(&self) -> bool {
        self.cut.replace(false)
    }

    /// Claims of `kind` at `place` or inside it.
    pub fn about(&self, kind: &str, place: &str) -> Result<Rc<Vec<Evidence>>, Error> {
        self.remember(format!("about\0{kind}\0{place}"), || {
            vec![
                Predicate::Text { expr: Expr::Column("kind"), op: Op::Eq, value: kind.into(), exact: true },
                Predicate::Entity { id: "location_id", hierarchy: true, key: fold_name(place), negated: false },
            ]
        })
    }

    /// Claims of `kind`, wherever they are.
    pub fn of_kind(&self, kind: &str) -> Result<Rc<Vec<Evidence>>, Error> {
        self.remember(format!("kind\0{kind}"), || {
            vec![Predicate::Text { expr: Expr::Column("kind"), op: Op::Eq, value: kind.into(), exact: true }]
        })
    }

    /// Claims of `kind` whose own words name no place.
    pub fn unplaced(&self, kind: &str) -> Result<Rc<Vec<Evidence>>, Error> {
        self.remember(format!("unplaced\0{kind}"), || {
            vec![
                Predicate::Text { expr: Expr::Column("kind"), op: Op::Eq, value: kind.into(), exact: true },
                Predicate::IsNull { expr: Expr::Column("location_id"), negated: false },
            ]
        })
    }

    /// Claims attributed to the entity `name` is known by.
    pub fn said_by(&self, name: &str) -> Result<Rc<Vec<Evidence>>, Error> {
        self.remember(format!("said\0{name}"), || {
            vec![Predicate::Entity { id: "speaker_id", hierarchy: false, key: fold_name(name), negated: false }]
        })
    }

    /// Claims whose quote holds `words` as a phrase (full-text index).
    pub fn quoting(&self, words: &[String]) -> Result<Rc<Vec<Evidence>>, Error> {
        // The index splits "we've" and "2,500" into tokens; so does the phrase.
        let phrase: Vec<&str> =
            words.iter().flat_map(|w| w.split(|c: char| !c.is_alphanumeric())).filter(|t| !t.is_empty()).collect();
        if phrase.is_empty() {
            return Ok(Rc::default());
        }
        let phrase = phrase.join(" ");
        self.remember(format!("quoting\0{phrase}"), || vec![Predicate::FullText { columns: Fts::Quote, phrase }])
    }

    /// Claims whose quote or text holds the word `word` (full-text index).
    pub fn mentioning(&self, word: &str) -> Result<Rc<Vec<Evidence>>, Error> {
        if !word.chars().all(|c| c.is_alphanumeric()) {
            return Ok(Rc::default());
        }
        self.remember(format!("mentioning\0{word}"), || {
            vec![Predicate::FullText { columns: Fts::QuoteAndText, phrase: word.to_string() }]
        })
    }

    fn remember(&self, key: String, filter: impl FnOnce() -> Vec<Predicate>) -> Result<Rc<Vec<Evidence>>, Error> {
        if let Some(found) = self.memo.borrow().get(&key) {
            if found.len() as u64 >= LOOKUP_LIMIT {
                self.cut.set(true);
            }
            return Ok(found.clone());
        }
        let found = Rc::new(self.claims(filter())?);
        if found.len() as u64 >= LOOKUP_LIMIT {
            self.cut.set(true);
        }
        self.memo.borrow_mut().insert(key, found.clone());
        Ok(found)
    }

    /// Whether a claim whose own words name no place is about `place`: the last place its
    /// source puts something in before it (in its sentence or the ones before: "… in Baghdad
    /// today. Nearly one hundred people were killed") lies inside `place` (is `place`, when
    /// `exact`: a count of troops in Baghdad is not the count for Iraq).
    pub fn placed_in(&self, e: &Evidence, place: &str, exact: bool) -> bool {
        let g = self.gazetteer;
        let Some(outer) = g.lookup(place) else { return false };
        let id = &e.source.id;
        let cached = self.places.borrow().get(id).cloned();
        let mentions = cached.unwrap_or_else(|| {
            // Only a place the text puts something in ("in Baghdad", "near Raqqa"): "U.S.-only
            // operations" names a country, not where they were.
            let text = &e.source.text;
            let found: Vec<(usize, usize)> = g
                .find(text)
                .into_iter()
                .filter(|f| g.entry(f.entry).kind.is_place())
                .filter(|f| {
                    // "in Baghdad", "in the Hamrin Mountains": the word before, past an article.
                    let mut before =
                        text[..f.start].split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).rev();
                    let mut word = before.next().unwrap_or("").to_lowercase();
                    if word == "the" {
                        word = before.next().unwrap_or("").to_lowercase();
                    }
                    LOCATIVE.contains(&word.as_str())
                })
                .map(|f| (f.start, f.entry))
                .collect();
            let found = Rc::new(found);
            self.places.borrow_mut().insert(id.clone(), found.clone());
            found
        });
        let text = &e.source.text;
        let at = text.char_indices().nth(e.claim.span().start()).map_or(text.len(), |(b, _)| b);
        let end = text.char_indices().nth(e.claim.span().end()).map_or(text.len(), |(b, _)| b);
        // Within the claim's own words, or the nearest before them.
        let inside = mentions.iter().filter(|m| m.0 >= at && m.0 < end).map(|m| m.1).next();
        let before = mentions.iter().rev().find(|m| m.0 < at).map(|m| m.1);
        inside.or(before).is_some_and(|i| if exact { i == outer } else { g.within(i, outer) })
    }

    fn claims(&self, filter: Vec<Predicate>) -> Result<Vec<Evidence>, Error> {
        let r = Resolved {
            target: Target::Claims(None),
            filter,
            select: None,
            group_by: Vec::new(),
            order_by: Vec::new(),
            limit: Some(LOOKUP_LIMIT),
        };
        self.matching(r)
    }

    /// Every stored claim, in source order.
    pub fn everything(&self) -> Result<Vec<Evidence>, Error> {
        self.matching(Resolved {
            target: Target::Claims(None),
            filter: Vec::new(),
            select: None,
            group_by: Vec::new(),
            order_by: Vec::new(),
            limit: None,
        })
    }

    /// The claims a resolved query of claims matches, whatever columns it selected.
    pub fn matching(&self, mut r: Resolved) -> Result<Vec<Evidence>, Error> {
        r.select = Some(stored_claim_columns().map(|(f, ..)| Column::Field(f)).collect());
        r.group_by.clear();
        let sql = compile(&r, Defaults::ForPrograms, self.store.dialect());
        let rows = self.store.prepare(&sql)?.collect()?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows.rows {
            let mut object = serde_json::Map::new();
            for (key, v) in rows.columns.iter().zip(row) {
                let v = match v {
                    Value::Null => serde_json::Value::Null,
                    Value::Int(i) => i.into(),
                    Value::Real(r) => r.into(),
                    Value::Text(s) => s.into(),
                    Value::List(l) => l.into(),
                };
                object.insert(key.clone(), v);
            }
            let record: ClaimRecord = serde_json::from_value(object.into())
                .map_err(|e| Error::msg(format!("a stored claim is invalid: {e}")))?;
            let id = record.id.clone().unwrap_or_default();
            let claim = record
                .into_claim()
                .map_err(|e| Error::msg(format!("stored claim `{id}` is invalid ({e}); run `claimdb verify`")))?;
            let source = self.source(claim.source())?;
            let time = claim
                .date()
                .map(|d| (d, Basis::Date))
                .or_else(|| claim.attribution().speaker().and_then(|s| s.said_on).map(|d| (d, Basis::SaidOn)))
                .or_else(|| source.published.map(|d| (d, Basis::Published)));
            out.push(Evidence { claim, source, time });
        }
        Ok(out)
    }

    /// A source, read once.
    pub fn source(&self, id: &str) -> Result<Rc<SourceInfo>, Error> {
        if let Some(s) = self.sources.borrow().get(id) {
            return Ok(s.clone());
        }
        let s = self.store.source(id)?.ok_or_else(|| Error::msg(format!("claim names a missing source `{id}`")))?;
        let info = Rc::new(SourceInfo {
            id: s.id().to_string(),
            title: s.title().to_string(),
            publisher: s.publisher().map(str::to_string),
            url: s.url().map(str::to_string),
            published: s.published(),
            text: s.text().to_string(),
        });
        self.sources.borrow_mut().insert(id.to_string(), info.clone());
        Ok(info)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityRecord;

    fn person(name: &str) -> Entity {
        EntityRecord { name: name.into(), kind: "person".into(), parent: None, aliases: vec![] }.into_entity().unwrap()
    }

    #[test]
    fn a_surname_alone_finds_the_one_person_of_that_name() {
        let ents = Entities::new(vec![
            person("Michael Kurilla"),
            person("John Smith"),
            person("Ann Singh"),
            person("Raj Singh"),
        ]);
        assert_eq!(ents.find("Kurilla").map(|e| e.name()), Some("Michael Kurilla"));
        assert_eq!(ents.find("kurilla").map(|e| e.name()), Some("Michael Kurilla"));
        // Two Singhs: no one. Another Smith: no one.
        assert!(ents.find("Singh").is_none());
        assert!(ents.find("Michael Smith").is_none());
    }
}
