//! What one SQL engine spells differently from another. The compiler speaks of columns, joins and
//! predicates; a [`Dialect`] writes them as one engine's SQL text: placeholders, comparing text
//! without regard to case, full-text search, date arithmetic on partial dates, string
//! aggregation, and a figure as people read it. SQLite is the one implementation today.

use crate::columns::Fts;

/// A bound parameter, in no engine's own type: the store binds it as its engine wants.
#[derive(Debug, Clone, PartialEq)]
pub enum Param {
    Text(String),
    Integer(i64),
    Real(f64),
}

impl From<String> for Param {
    fn from(s: String) -> Param {
        Param::Text(s)
    }
}

impl From<i64> for Param {
    fn from(n: i64) -> Param {
        Param::Integer(n)
    }
}

impl From<f64> for Param {
    fn from(n: f64) -> Param {
        Param::Real(n)
    }
}

pub trait Dialect {
    /// The placeholder of the `n`th parameter, counting from 1.
    fn placeholder(&self, n: usize) -> String;

    /// An identifier, quoted where the engine would read it as a keyword (`"end"`).
    fn ident(&self, name: &str) -> String {
        if matches!(name, "end") {
            format!("\"{name}\"")
        } else {
            name.to_string()
        }
    }

    /// `lhs op rhs`, comparing text without regard to case.
    fn compare_nocase(&self, lhs: &str, op: &str, rhs: &str) -> String;

    /// Whether `lhs` holds the text of parameter `rhs` (already wrapped in `%…%`, with `\` as
    /// the escape), without regard to case.
    fn contains(&self, lhs: &str, rhs: &str) -> String;

    /// The parameter a full-text search for `phrase` over `columns` binds.
    fn full_text_param(&self, columns: Fts, phrase: &str) -> Param;

    /// Whether claim `pk` matches the full-text search over `columns` bound as `param`.
    fn full_text(&self, pk: &str, columns: Fts, param: &str) -> String;

    /// The ISO day `days` days before the ISO day `date` (both SQL expressions).
    fn days_before(&self, date: &str, days: &str) -> String;

    /// `expr`'s values in a group, in their own order, joined with `sep`.
    fn string_agg(&self, expr: &str, sep: char) -> String;

    /// The length in characters of text `expr`.
    fn char_length(&self, expr: &str) -> String;

    /// An ORDER BY term for a column that may be NULL: SQLite's order, where NULL comes before
    /// every value (first going up, last going down), on every engine.
    fn order_by(&self, expr: &str, desc: bool) -> String {
        if desc {
            format!("{expr} DESC")
        } else {
            expr.to_string()
        }
    }

    /// The GROUP BY key of an entity shown by `name` and stored as `id`. SQLite groups by the id
    /// alone (an index on it hands rows over already grouped) and reads the name off any row.
    fn group_by_entity(&self, id: &str, _name: &str) -> String {
        id.to_string()
    }

    /// A figure as people read it ("around 2,500 troops"), from its three columns.
    fn figure(&self, value: &str, low: &str, high: &str, unit: &str, qualifier: &str) -> String;
}

/// SQLite, as the store opens it: the store registers `claimdb_figure` on every connection, so
/// figures are formatted by the same Rust code whether a table or `show` prints them.
pub struct Sqlite;

/// The name of the SQL function SQLite connections get for [`Dialect::figure`].
pub const FIGURE_FUNCTION: &str = "claimdb_figure";

impl Dialect for Sqlite {
    fn placeholder(&self, n: usize) -> String {
        format!("?{n}")
    }

    fn compare_nocase(&self, lhs: &str, op: &str, rhs: &str) -> String {
        format!("{lhs} {op} {rhs} COLLATE NOCASE")
    }

    fn contains(&self, lhs: &str, rhs: &str) -> String {
        // SQLite's LIKE ignores ASCII case on its own.
        format!("{lhs} LIKE {rhs} ESCAPE '\\'")
    }

    fn full_text_param(&self, columns: Fts, phrase: &str) -> Param {
        // One FTS5 phrase, quoted, so no user text is read as FTS syntax.
        let columns = match columns {
            Fts::Quote => "quote",
            Fts::QuoteAndText => "{quote text}",
        };
        Param::Text(format!("{columns} : \"{}\"", phrase.replace('"', "\"\"")))
    }

    fn full_text(&self, pk: &str, _columns: Fts, param: &str) -> String {
        // FTS5 names the columns inside the bound phrase (`full_text_param`).
        format!("{pk} IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH {param})")
    }

    fn days_before(&self, date: &str, days: &str) -> String {
        format!("date({date}, '-' || {days} || ' days')")
    }

    fn string_agg(&self, expr: &str, sep: char) -> String {
        format!("group_concat({expr}, '{}' ORDER BY {expr})", sep.to_string().replace('\'', "''"))
    }

    fn char_length(&self, expr: &str) -> String {
        format!("length({expr})")
    }

    fn figure(&self, value: &str, low: &str, high: &str, unit: &str, qualifier: &str) -> String {
        format!("{FIGURE_FUNCTION}({value}, {low}, {high}, {unit}, {qualifier})")
    }
}

/// PostgreSQL, as `claimdb init postgres://…` sets a database up: text columns in the "C"
/// collation (so they sort and compare byte for byte, as SQLite's BINARY does, and `lower` folds
/// ASCII only, as SQLite's NOCASE does), a `claimdb_figure` SQL function, and full-text search
/// with English stemming over GIN indexes on the expressions [`pg_matches`] writes.
pub struct Postgres;

/// Whether `column` (of `alias`) matches the text-search query `query`. The schema's GIN
/// indexes are on exactly these expressions, so the planner can use them.
pub fn pg_matches(alias: &str, column: &str, query: &str) -> String {
    format!("to_tsvector('claimdb_english', {alias}{column}) @@ {query}")
}

impl Dialect for Postgres {
    fn placeholder(&self, n: usize) -> String {
        format!("${n}")
    }

    fn compare_nocase(&self, lhs: &str, op: &str, rhs: &str) -> String {
        // Both sides folded in "C", which folds ASCII letters only, as NOCASE does: a parameter
        // would otherwise fold in the database's own collation (É to é) and match what SQLite
        // does not.
        format!("lower({lhs}) {op} lower({rhs} COLLATE \"C\")")
    }

    fn contains(&self, lhs: &str, rhs: &str) -> String {
        format!("{lhs} ILIKE {rhs} ESCAPE '\\'")
    }

    fn full_text_param(&self, _columns: Fts, phrase: &str) -> Param {
        // Bound as plain text and read by `phraseto_tsquery`, which takes no operators: no user
        // text is read as search syntax.
        Param::Text(phrase.to_string())
    }

    fn full_text(&self, pk: &str, columns: Fts, param: &str) -> String {
        // Quote and text are searched as two documents, as FTS5 searches two columns: a phrase
        // never runs from the end of one into the other.
        let query = format!("phraseto_tsquery('claimdb_english', {param})");
        let matches = match columns {
            Fts::Quote => pg_matches("fts.", "quote", &query),
            Fts::QuoteAndText => {
                format!("({} OR {})", pg_matches("fts.", "quote", &query), pg_matches("fts.", "text", &query))
            }
        };
        format!("{pk} IN (SELECT fts.pk FROM claims AS fts WHERE {matches})")
    }

    fn days_before(&self, date: &str, days: &str) -> String {
        format!("to_char(CAST({date} AS date) - CAST({days} AS integer), 'YYYY-MM-DD')")
    }

    fn string_agg(&self, expr: &str, sep: char) -> String {
        format!("string_agg({expr}, '{}' ORDER BY {expr})", sep.to_string().replace('\'', "''"))
    }

    fn char_length(&self, expr: &str) -> String {
        format!("char_length({expr})")
    }

    /// PostgreSQL counts NULL larger than every value; claimdb's order is SQLite's.
    fn order_by(&self, expr: &str, desc: bool) -> String {
        if desc {
            format!("{expr} DESC NULLS LAST")
        } else {
            format!("{expr} NULLS FIRST")
        }
    }

    /// PostgreSQL selects only what the GROUP BY determines: the joined name goes in the key too.
    fn group_by_entity(&self, id: &str, name: &str) -> String {
        format!("{id}, {name}")
    }

    fn figure(&self, value: &str, low: &str, high: &str, unit: &str, qualifier: &str) -> String {
        format!("{FIGURE_FUNCTION}({value}, {low}, {high}, {unit}, {qualifier})")
    }
}
