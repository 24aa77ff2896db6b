//! The query language: [`parse`] text into an [`ast::Query`], [`resolve`] it against the fields
//! of its target, and [`compile`] it to one parameterized SQL statement.

pub mod ast;
pub mod compile;
pub mod error;
pub mod fields;
pub mod parse;
pub mod resolve;

pub use compile::{compile, Defaults, Sql};
pub use error::QueryError;
pub use parse::parse;
pub use resolve::{resolve, Resolved};

/// All three stages: query text to SQL.
pub fn to_sql(query: &str, defaults: Defaults) -> Result<Sql, QueryError> {
    Ok(compile(&resolve(&parse(query)?)?, defaults))
}
