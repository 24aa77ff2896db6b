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
