//! Every field a query can name, defined once: its name (which is also its JSON key and its
//! column in `claims_view`), its type, what it reads (an [`Expr`] a SQL dialect renders), an
//! example, and — for a claim's fields — how `import` stores it and how it is read off a
//! [`Claim`]. The query language's fields, `claimdb fields`, export's keys and CSV header, the
//! importer's INSERT, `show`, and the default columns of every listing all come from here.

use crate::model::{Claim, DateSpan, EntityKind, Kind};
use crate::rows::{Cell, Rows};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Claims, all of them or one kind's.
    Claims(Option<Kind>),
    Sources,
    Entities,
}

/// Targets by name: a kind in plural is that kind's claims.
pub const TARGETS: &[(&str, Target)] = &[
    ("claims", Target::Claims(None)),
    ("troops", Target::Claims(Some(Kind::Troops))),
    ("casualties", Target::Claims(Some(Kind::Casualty))),
    ("captures", Target::Claims(Some(Kind::Capture))),
    ("strikes", Target::Claims(Some(Kind::Strike))),
    ("operations", Target::Claims(Some(Kind::Operation))),
    ("statements", Target::Claims(Some(Kind::Statement))),
    ("milestones", Target::Claims(Some(Kind::Milestone))),
    ("sources", Target::Sources),
    ("entities", Target::Entities),
];

/// The lookups that give an id its entity's name. Each joins on a primary key, so a row never
/// gains or loses rows by it; a query joins only those it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Join {
    Party,
    Location,
    Speaker,
    /// An entity's parent.
    Parent,
}

impl Join {
    /// The table alias the joined entity goes by.
    pub fn alias(self) -> &'static str {
        match self {
            Join::Party => "p",
            Join::Location => "l",
            Join::Speaker => "s",
            Join::Parent => "pe",
        }
    }

    /// The id column of the target's own table that the join follows.
    pub fn on(self) -> &'static str {
        match self {
            Join::Party => "party_id",
            Join::Location => "location_id",
            Join::Speaker => "speaker_id",
            Join::Parent => "parent_id",
        }
    }
}

/// The full-text index's columns a search covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fts {
    Quote,
    QuoteAndText,
}

/// What a field reads, in terms of the target's table; a [`crate::dsl::Dialect`] turns it into
/// SQL text. Nothing here is SQL of one engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expr {
    /// A column of the target's own table.
    Column(&'static str),
    /// The name of the entity a join leads to.
    Name(Join),
    /// A claim's figure as a person reads it: `around 2,500 troops`.
    Figure,
    /// The length in characters of a text column.
    Length(&'static str),
    /// How many claims a source holds.
    ClaimCount,
    /// An entity's aliases other than its name, joined with `|`.
    Aliases,
}

impl Expr {
    /// The join this expression reads through, if any.
    pub fn join(self) -> Option<Join> {
        match self {
            Expr::Name(j) => Some(j),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// Compared case-insensitively; `~` is a substring match.
    Text,
    /// An identifier (a claim's or a source's id): compared exactly, as `show` does, so that
    /// `id = x` is one index lookup rather than a scan (a case-insensitive comparison cannot use
    /// the binary-collated UNIQUE index). `~` is a substring match.
    Id,
    /// Text with full-text search: `~` searches these columns of the index.
    FullText(Fts),
    /// One of a closed vocabulary.
    Vocab(&'static [&'static str]),
    /// An entity, matched by any alias through the id column `id`; `hierarchy` also matches
    /// everything inside it.
    Entity {
        id: &'static str,
        hierarchy: bool,
    },
    /// The aliases of the entity itself.
    Aliases,
    Number,
    Integer,
    /// A claim's figure, which may have bounds (`low`, `high`) and a qualifier: a comparison
    /// matches a figure that may satisfy it, so `value >= 20` finds "dozens" (at least 12).
    Figure,
    /// A date with precision, compared through the first and last day it may mean. `widest`
    /// names a column holding each span's width in days, whose maximum bounds an overlap scan.
    Date {
        first: Expr,
        last: Expr,
        widest: Option<&'static str>,
    },
}

impl FieldType {
    pub fn describe(self) -> &'static str {
        match self {
            FieldType::Text => "text",
            FieldType::Id => "an id, matched exactly",
            FieldType::FullText(_) => "text, searchable with ~",
            FieldType::Vocab(_) => "one of a fixed set of words",
            FieldType::Entity { hierarchy: true, .. } => "a name (any alias; includes what lies inside it)",
            FieldType::Entity { hierarchy: false, .. } => "a name (any alias)",
            FieldType::Aliases => "a name (any alias)",
            FieldType::Number => "a number",
            FieldType::Figure => "a number; a figure with bounds matches any value it allows",
            FieldType::Integer => "a whole number",
            FieldType::Date { .. } => "a date (2025, 2025-01, 2025-01-06, or a range a/b)",
        }
    }
}

#[derive(Debug)]
pub struct Field {
    pub name: &'static str,
    pub ty: FieldType,
    pub expr: Expr,
    pub example: &'static str,
    /// A claim's field: how it is stored and read off a claim. `None` for sources and entities.
    pub claim: Option<ClaimAccess>,
}

/// The field tables are statics, so each field has one address and is equal only to itself.
impl PartialEq for Field {
    fn eq(&self, other: &Field) -> bool {
        std::ptr::eq(self, other)
    }
}

/// How a claim's field travels between a [`Claim`] and the `claims` table.
#[derive(Debug)]
pub struct ClaimAccess {
    /// How `import` stores it; `None` for what is computed when read (`figure`).
    pub stored: Option<Stored>,
    /// Its value on a claim, borrowed: what `import` binds and `show` prints.
    pub get: fn(&Claim) -> Cell<'_>,
}

/// The `claims` columns a field is written to.
#[derive(Debug, Clone, Copy)]
pub enum Stored {
    /// One column, holding the value as it is.
    Column(&'static str),
    /// An entity's id, found from the name; the role decides what kind of entity it may be.
    Entity(&'static str, NameRole),
    /// A date as written, the first and last day it may mean, and (if `days` names a column) how
    /// many days lie between them; `span` reads it off a claim.
    Date {
        text: &'static str,
        first: &'static str,
        last: &'static str,
        days: Option<&'static str>,
        span: fn(&Claim) -> Option<DateSpan>,
    },
}

impl Stored {
    /// The columns it fills, in the order its values are bound.
    pub fn columns(self) -> Vec<&'static str> {
        match self {
            Stored::Column(c) | Stored::Entity(c, _) => vec![c],
            Stored::Date { text, first, last, days: None, .. } => vec![text, first, last],
            Stored::Date { text, first, last, days: Some(days), .. } => vec![text, first, last, days],
        }
    }
}

/// The role a name plays in a claim, which decides what kind of entity it may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameRole {
    Party,
    Location,
    Speaker,
}

impl NameRole {
    pub fn field(self) -> &'static str {
        match self {
            NameRole::Party => "party",
            NameRole::Location => "location",
            NameRole::Speaker => "speaker",
        }
    }

    /// The kind an unknown name is given.
    pub fn default_kind(self) -> EntityKind {
        match self {
            NameRole::Party => EntityKind::Organization,
            NameRole::Location => EntityKind::Place,
            NameRole::Speaker => EntityKind::Person,
        }
    }

    pub fn allows(self, kind: EntityKind) -> bool {
        match self {
            NameRole::Party => true,
            NameRole::Location => kind.is_place(),
            NameRole::Speaker => {
                matches!(
                    kind,
                    EntityKind::Person | EntityKind::Organization | EntityKind::Country | EntityKind::Unnamed
                )
            }
        }
    }
}

const KINDS: &[&str] = &["troops", "casualty", "capture", "strike", "operation", "statement", "milestone", "other"];
const QUALIFIERS: &[&str] = &["exact", "approximate", "at_least", "at_most"];
const ATTRIBUTIONS: &[&str] = &["direct", "reported", "author"];
const MODALITIES: &[&str] = &["asserted", "expected", "scheduled", "denied"];
const ORIGINS: &[&str] = &["curated", "extracted"];
const ENTITY_KINDS: &[&str] = &["person", "organization", "country", "place", "operation", "unnamed"];

const fn field(name: &'static str, ty: FieldType, expr: Expr, example: &'static str) -> Field {
    Field { name, ty, expr, example, claim: None }
}

/// A claim's field stored in a column of the same name, read off the claim by `get`.
/// A claim's field stored in one column as it is.
const fn claim(
    name: &'static str,
    ty: FieldType,
    column: &'static str,
    get: fn(&Claim) -> Cell<'_>,
    example: &'static str,
) -> Field {
    stored(name, ty, Expr::Column(column), Stored::Column(column), get, example)
}

/// A claim's name of an entity, stored as the entity's id in `id`: its type and what it reads
/// follow from the role.
const fn entity(
    name: &'static str,
    id: &'static str,
    role: NameRole,
    get: fn(&Claim) -> Cell<'_>,
    example: &'static str,
) -> Field {
    let (join, hierarchy) = match role {
        NameRole::Party => (Join::Party, true),
        NameRole::Location => (Join::Location, true),
        NameRole::Speaker => (Join::Speaker, false),
    };
    let ty = FieldType::Entity { id, hierarchy };
    stored(name, ty, Expr::Name(join), Stored::Entity(id, role), get, example)
}

/// A claim's date, stored as written in `text` and as the first and last day it may mean.
const fn date(
    name: &'static str,
    columns: [&'static str; 3],
    days: Option<&'static str>,
    span: fn(&Claim) -> Option<DateSpan>,
    get: fn(&Claim) -> Cell<'_>,
    example: &'static str,
) -> Field {
    let [text, first, last] = columns;
    let ty = FieldType::Date { first: Expr::Column(first), last: Expr::Column(last), widest: days };
    stored(name, ty, Expr::Column(text), Stored::Date { text, first, last, days, span }, get, example)
}

const fn stored(
    name: &'static str,
    ty: FieldType,
    expr: Expr,
    stored: Stored,
    get: fn(&Claim) -> Cell<'_>,
    example: &'static str,
) -> Field {
    Field { name, ty, expr, example, claim: Some(ClaimAccess { stored: Some(stored), get }) }
}

fn text(s: &str) -> Cell<'_> {
    Cell::Text(s.into())
}

fn opt(s: Option<&str>) -> Cell<'_> {
    s.map_or(Cell::Null, text)
}

fn owned(s: Option<String>) -> Cell<'static> {
    s.map_or(Cell::Null, |s| Cell::Text(s.into()))
}

fn integer(n: usize) -> Cell<'static> {
    Cell::Int(n as i64)
}

fn said_on(c: &Claim) -> Option<DateSpan> {
    c.attribution().speaker().and_then(|s| s.said_on)
}

/// Every field of a claim, in the documented order of its JSON keys; `figure` last, for people.
pub static CLAIM_FIELDS: &[Field] = &[
    claim("id", FieldType::Id, "id", |c| text(c.id()), "cc16"),
    claim("source", FieldType::Id, "source_id", |c| text(c.source()), "centcom-isis-2025-01"),
    claim("kind", FieldType::Vocab(KINDS), "kind", |c| text(c.kind().as_str()), "troops"),
    claim(
        "quote",
        FieldType::FullText(Fts::Quote),
        "quote",
        |c| text(c.quote()),
        "\"Around 2,500 U.S. troops are in Iraq\"",
    ),
    claim("start", FieldType::Integer, "start", |c| integer(c.span().start()), "1700"),
    claim("end", FieldType::Integer, "end", |c| integer(c.span().end()), "1736"),
    claim("text", FieldType::FullText(Fts::QuoteAndText), "text", |c| text(c.text()), "cave"),
    entity("party", "party_id", NameRole::Party, |c| opt(c.party()), "US"),
    entity("location", "location_id", NameRole::Location, |c| opt(c.location()), "Iraq"),
    claim(
        "value",
        FieldType::Figure,
        "value",
        |c| c.quantity().map_or(Cell::Null, |q| Cell::number(q.value())),
        "2,500",
    ),
    claim(
        "low",
        FieldType::Number,
        "low",
        |c| c.quantity().and_then(|q| q.low()).map_or(Cell::Null, Cell::number),
        "12",
    ),
    claim(
        "high",
        FieldType::Number,
        "high",
        |c| c.quantity().and_then(|q| q.high()).map_or(Cell::Null, Cell::number),
        "30",
    ),
    claim("unit", FieldType::Text, "unit", |c| opt(c.quantity().map(|q| q.unit())), "troops"),
    claim(
        "qualifier",
        FieldType::Vocab(QUALIFIERS),
        "qualifier",
        |c| opt(c.quantity().map(|q| q.qualifier().as_str())),
        "approximate",
    ),
    date(
        "date",
        ["date", "date_start", "date_end"],
        Some("date_days"),
        Claim::date,
        |c| owned(c.date().map(|d| d.to_string())),
        "2025-01-03",
    ),
    entity(
        "speaker",
        "speaker_id",
        NameRole::Speaker,
        |c| opt(c.attribution().speaker().map(|s| s.name.as_str())),
        "Kurilla",
    ),
    claim(
        "role",
        FieldType::Text,
        "role",
        |c| opt(c.attribution().speaker().and_then(|s| s.role.as_deref())),
        "\"CENTCOM commander\"",
    ),
    date(
        "said_on",
        ["said_on", "said_on_start", "said_on_end"],
        None,
        said_on,
        |c| owned(said_on(c).map(|d| d.to_string())),
        "2025-01-03",
    ),
    claim(
        "attribution",
        FieldType::Vocab(ATTRIBUTIONS),
        "attribution",
        |c| text(c.attribution().kind().as_str()),
        "direct",
    ),
    claim("modality", FieldType::Vocab(MODALITIES), "modality", |c| text(c.modality().as_str()), "scheduled"),
    claim("origin", FieldType::Vocab(ORIGINS), "origin", |c| text(c.origin().kind().as_str()), "extracted"),
    claim("extractor", FieldType::Text, "extractor", |c| opt(c.origin().extractor()), "1"),
    Field {
        name: "figure",
        ty: FieldType::Text,
        expr: Expr::Figure,
        example: "\"around 2,500 troops\"",
        claim: Some(ClaimAccess { stored: None, get: |c| owned(c.quantity().map(|q| q.to_string())) }),
    },
];

pub static SOURCE_FIELDS: &[Field] = &[
    field("id", FieldType::Id, Expr::Column("id"), "centcom-isis-2025-01"),
    field("title", FieldType::Text, Expr::Column("title"), "coalition"),
    field("publisher", FieldType::Text, Expr::Column("publisher"), "\"Military Times\""),
    field("url", FieldType::Text, Expr::Column("url"), "\"https://…\""),
    field(
        "published",
        FieldType::Date { first: Expr::Column("published_start"), last: Expr::Column("published_end"), widest: None },
        Expr::Column("published"),
        "2025-01",
    ),
    field("added_at", FieldType::Text, Expr::Column("added_at"), "2026-11-24T00:00:00Z"),
    field("sha256", FieldType::Text, Expr::Column("sha256"), "1955e399…"),
    field("chars", FieldType::Integer, Expr::Length("text"), "3937"),
    field("claims", FieldType::Integer, Expr::ClaimCount, "34"),
];

pub static ENTITY_FIELDS: &[Field] = &[
    field("name", FieldType::Text, Expr::Column("name"), "Iraq"),
    field("kind", FieldType::Vocab(ENTITY_KINDS), Expr::Column("kind"), "place"),
    field("parent", FieldType::Entity { id: "parent_id", hierarchy: true }, Expr::Name(Join::Parent), "Syria"),
    field("aliases", FieldType::Aliases, Expr::Aliases, "CENTCOM"),
];

impl Target {
    /// One target of each shape: every kind of claim has the fields of `claims`.
    pub const BASE: [Target; 3] = [Target::Claims(None), Target::Sources, Target::Entities];

    pub fn fields(self) -> &'static [Field] {
        match self {
            Target::Claims(_) => CLAIM_FIELDS,
            Target::Sources => SOURCE_FIELDS,
            Target::Entities => ENTITY_FIELDS,
        }
    }

    pub fn field(self, name: &str) -> Option<&'static Field> {
        self.fields().iter().find(|f| f.name.eq_ignore_ascii_case(name))
    }

    pub fn name(self) -> &'static str {
        TARGETS.iter().find(|(_, t)| *t == self).map(|(n, _)| *n).expect("every target is listed")
    }

    /// The joins a target's fields may read through, in the order they are written.
    pub fn joins(self) -> &'static [Join] {
        match self {
            Target::Claims(_) => &[Join::Party, Join::Location, Join::Speaker],
            Target::Sources => &[],
            Target::Entities => &[Join::Parent],
        }
    }

    /// The fields rows come ordered by when the query gives no order: as they stand in their
    /// sources, by id, by name.
    pub fn default_order(self) -> &'static [Expr] {
        match self {
            Target::Claims(_) => {
                &[Expr::Column("source_id"), Expr::Column("start"), Expr::Column("end"), Expr::Column("id")]
            }
            Target::Sources => &[Expr::Column("id")],
            Target::Entities => &[Expr::Column("name")],
        }
    }

    /// The columns a table shows when the query selects none.
    pub fn default_columns(self) -> &'static [&'static str] {
        match self {
            Target::Claims(None) => &["id", "kind", "party", "location", "figure", "date", "speaker", "quote"],
            Target::Claims(Some(Kind::Troops | Kind::Casualty)) => {
                &["id", "party", "location", "figure", "date", "source"]
            }
            Target::Claims(Some(Kind::Statement)) => &["id", "speaker", "role", "said_on", "quote"],
            Target::Claims(Some(_)) => &["id", "party", "location", "figure", "date", "quote"],
            Target::Sources => &["id", "title", "published", "chars", "claims"],
            Target::Entities => &["name", "kind", "parent", "aliases"],
        }
    }

    /// Every field a program gets when the query selects none: all but those computed for
    /// people (`figure`).
    pub fn all_columns(self) -> impl Iterator<Item = &'static Field> {
        self.fields().iter().filter(|f| f.claim.as_ref().is_none_or(|c| c.stored.is_some()))
    }
}

/// A claim's stored fields, in the order of their JSON keys: what export writes, `import` reads
/// and `claims_view` shows.
pub fn stored_claim_fields() -> impl Iterator<Item = &'static Field> {
    Target::Claims(None).all_columns()
}

/// The same, with how each is stored and read off a claim: what the importer binds.
pub fn stored_claim_columns() -> impl Iterator<Item = (&'static Field, Stored, fn(&Claim) -> Cell<'_>)> {
    CLAIM_FIELDS.iter().filter_map(|f| {
        let access = f.claim.as_ref()?;
        Some((f, access.stored?, access.get))
    })
}

/// `claimdb fields`: every base target's fields, or the named target's, with type and example.
pub fn listing(target: Option<&str>) -> Result<Rows, String> {
    let targets: Vec<(&str, Target)> = match target {
        None => Target::BASE.iter().map(|&t| (t.name(), t)).collect(),
        Some(name) => match TARGETS.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
            Some(&(n, t)) => vec![(n, t)],
            None => {
                let names: Vec<&str> = TARGETS.iter().map(|(n, _)| *n).collect();
                return Err(format!("no target `{name}`; the targets are {}", names.join(", ")));
            }
        },
    };
    let mut rows = Rows::new(&["target", "field", "type", "example"]);
    for (name, target) in targets {
        for f in target.fields() {
            rows.push(vec![name.into(), f.name.into(), f.ty.describe().into(), f.example.into()]);
        }
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_column_is_a_field_of_its_target() {
        for (name, t) in TARGETS {
            for c in t.default_columns() {
                assert!(t.field(c).is_some(), "{name}: {c}");
            }
        }
    }

    #[test]
    fn every_claim_field_says_how_it_is_read_and_only_figure_is_computed() {
        for f in CLAIM_FIELDS {
            let access = f.claim.as_ref().unwrap_or_else(|| panic!("{} has no claim access", f.name));
            assert_eq!(access.stored.is_none(), f.name == "figure", "{}", f.name);
        }
        assert!(SOURCE_FIELDS.iter().chain(ENTITY_FIELDS).all(|f| f.claim.is_none()));
    }
}
