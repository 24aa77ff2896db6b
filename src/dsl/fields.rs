//! What every target and field means: its type, the SQL it reads, an example. The resolver checks
//! queries against this table, the compiler takes its SQL fragments from it (the only SQL text a
//! query can produce), and `claimdb fields` prints it.

use crate::model::Kind;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// Compared case-insensitively; `~` is a substring match.
    Text,
    /// An identifier (a claim's or a source's id): compared exactly, as `show` does, so that
    /// `id = x` is one index lookup rather than a scan (a NOCASE comparison cannot use the
    /// binary-collated UNIQUE index). `~` is a substring match.
    Id,
    /// Text with full-text search: `~` searches these FTS columns (`quote`, or `{quote text}`).
    FullText(&'static str),
    /// One of a closed vocabulary.
    Vocab(&'static [&'static str]),
    /// An entity, matched by any alias; `hierarchy` also matches everything inside it.
    Entity {
        id: &'static str,
        hierarchy: bool,
    },
    /// The aliases of the entity itself.
    Aliases,
    Number,
    Integer,
    /// A date with precision, compared through the first and last day it may mean.
    Date {
        first: &'static str,
        last: &'static str,
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
            FieldType::Integer => "a whole number",
            FieldType::Date { .. } => "a date (2025, 2025-01, 2025-01-06, or a range a/b)",
        }
    }
}

#[derive(Debug, PartialEq)]
pub struct Field {
    pub name: &'static str,
    pub ty: FieldType,
    /// The SQL expression of its value, over the target's FROM clause.
    pub sql: &'static str,
    pub example: &'static str,
}

const KINDS: &[&str] = &["troops", "casualty", "capture", "strike", "operation", "statement", "milestone", "other"];
const QUALIFIERS: &[&str] = &["exact", "approximate", "at_least", "at_most"];
const ATTRIBUTIONS: &[&str] = &["direct", "reported", "author"];
const MODALITIES: &[&str] = &["asserted", "expected", "scheduled", "denied"];
const ENTITY_KINDS: &[&str] = &["person", "organization", "country", "place", "operation"];

const fn f(name: &'static str, ty: FieldType, sql: &'static str, example: &'static str) -> Field {
    Field { name, ty, sql, example }
}

/// A claim's figure as a person reads it: `around 2,500 troops`.
const FIGURE_SQL: &str = "CASE WHEN c.value IS NULL THEN NULL ELSE \
     CASE c.qualifier WHEN 'approximate' THEN 'around ' WHEN 'at_least' THEN 'at least ' \
     WHEN 'at_most' THEN 'at most ' ELSE '' END \
     || CASE WHEN c.value = CAST(c.value AS INTEGER) THEN printf('%,d', c.value) ELSE printf('%g', c.value) END \
     || ' ' || c.unit END";

pub const CLAIM_FIELDS: &[Field] = &[
    f("id", FieldType::Id, "c.id", "cc16"),
    f("source", FieldType::Id, "c.source_id", "centcom-isis-2025-01"),
    f("kind", FieldType::Vocab(KINDS), "c.kind", "troops"),
    f("quote", FieldType::FullText("quote"), "c.quote", "\"Around 2,500 U.S. troops are in Iraq\""),
    f("start", FieldType::Integer, "c.start", "1700"),
    f("end", FieldType::Integer, "c.\"end\"", "1736"),
    f("text", FieldType::FullText("{quote text}"), "c.text", "cave"),
    f("party", FieldType::Entity { id: "c.party_id", hierarchy: true }, "p.name", "US"),
    f("location", FieldType::Entity { id: "c.location_id", hierarchy: true }, "l.name", "Iraq"),
    f("value", FieldType::Number, "c.value", "2,500"),
    f("unit", FieldType::Text, "c.unit", "troops"),
    f("qualifier", FieldType::Vocab(QUALIFIERS), "c.qualifier", "approximate"),
    f("date", FieldType::Date { first: "c.date_start", last: "c.date_end" }, "c.date", "2025-01-03"),
    f("speaker", FieldType::Entity { id: "c.speaker_id", hierarchy: false }, "s.name", "Kurilla"),
    f("role", FieldType::Text, "c.role", "\"CENTCOM commander\""),
    f("said_on", FieldType::Date { first: "c.said_on_start", last: "c.said_on_end" }, "c.said_on", "2025-01-03"),
    f("attribution", FieldType::Vocab(ATTRIBUTIONS), "c.attribution", "direct"),
    f("modality", FieldType::Vocab(MODALITIES), "c.modality", "scheduled"),
    f("figure", FieldType::Text, FIGURE_SQL, "\"around 2,500 troops\""),
];

/// A partial date's first and last day, computed for `sources.published` (a small table, so it
/// needs no stored bounds). Day ranges (`a/b`) are handled; month and year ranges are not.
const PUBLISHED_FIRST: &str = "CASE length(src.published) WHEN 4 THEN src.published || '-01-01' \
     WHEN 7 THEN src.published || '-01' ELSE substr(src.published, 1, 10) END";
const PUBLISHED_LAST: &str = "CASE length(src.published) WHEN 4 THEN src.published || '-12-31' \
     WHEN 7 THEN date(src.published || '-01', '+1 month', '-1 day') ELSE substr(src.published, -10) END";

pub const SOURCE_FIELDS: &[Field] = &[
    f("id", FieldType::Id, "src.id", "centcom-isis-2025-01"),
    f("title", FieldType::Text, "src.title", "coalition"),
    f("publisher", FieldType::Text, "src.publisher", "\"Military Times\""),
    f("url", FieldType::Text, "src.url", "\"https://…\""),
    f("published", FieldType::Date { first: PUBLISHED_FIRST, last: PUBLISHED_LAST }, "src.published", "2025-01"),
    f("added_at", FieldType::Text, "src.added_at", "2026-11-24T00:00:00Z"),
    f("sha256", FieldType::Text, "src.sha256", "1955e399…"),
    f("chars", FieldType::Integer, "length(src.text)", "3937"),
    f("claims", FieldType::Integer, "(SELECT count(*) FROM claims AS c WHERE c.source_id = src.id)", "34"),
];

pub const ENTITY_FIELDS: &[Field] = &[
    f("name", FieldType::Text, "e.name", "Iraq"),
    f("kind", FieldType::Vocab(ENTITY_KINDS), "e.kind", "place"),
    f("parent", FieldType::Entity { id: "e.parent_id", hierarchy: true }, "pe.name", "Syria"),
    f(
        "aliases",
        FieldType::Aliases,
        "(SELECT group_concat(a.alias, '|') FROM entity_aliases AS a WHERE a.entity_id = e.id AND a.alias <> e.name)",
        "CENTCOM",
    ),
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

    /// The table a target reads, with its alias.
    pub fn table(self) -> &'static str {
        match self {
            Target::Claims(_) => "claims AS c",
            Target::Sources => "sources AS src",
            Target::Entities => "entities AS e",
        }
    }

    /// The joins that give names to ids: (alias, join). Each joins on a primary key, so a row
    /// never gains or loses rows by it, and the compiler adds only those a query mentions.
    pub fn joins(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Target::Claims(_) => &[
                ("p", "LEFT JOIN entities AS p ON p.id = c.party_id"),
                ("l", "LEFT JOIN entities AS l ON l.id = c.location_id"),
                ("s", "LEFT JOIN entities AS s ON s.id = c.speaker_id"),
            ],
            Target::Sources => &[],
            Target::Entities => &[("pe", "LEFT JOIN entities AS pe ON pe.id = e.parent_id")],
        }
    }

    /// The order rows come in when the query gives none: as they stand in their sources.
    pub fn default_order(self) -> &'static str {
        match self {
            Target::Claims(_) => "c.source_id, c.start, c.\"end\", c.id",
            Target::Sources => "src.id",
            Target::Entities => "e.name",
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

    /// Every field a program gets when the query selects none (`figure` is for people).
    pub fn all_columns(self) -> Vec<&'static str> {
        self.fields().iter().map(|f| f.name).filter(|n| *n != "figure").collect()
    }
}
