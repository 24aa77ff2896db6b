//! The query language: [`parse`] text into an [`ast::Query`], [`resolve`] it against the fields
//! of its target ([`crate::columns`]), and [`compile`] it to one parameterized SQL statement in a
//! [`Dialect`].

pub mod ast;
pub mod compile;
pub mod dialect;
pub mod error;
pub mod parse;
pub mod resolve;

pub use compile::{compile, Defaults, Sql, LIST_SEPARATOR};
pub use dialect::{Dialect, Param, Sqlite};
pub use error::QueryError;
pub use parse::parse;
pub use resolve::{resolve, Resolved};

/// All three stages: query text to SQL in `dialect`.
pub fn to_sql(query: &str, defaults: Defaults, dialect: &dyn Dialect) -> Result<Sql, QueryError> {
    Ok(compile(&resolve(&parse(query)?)?, defaults, dialect))
}
