//! claimdb keeps facts from news reporting straight: it stores claims (troop counts, casualties,
//! captures, strikes, operations, statements) in SQLite, each tied by exact character offsets to
//! the quote in its source text.
//!
//! Data flows one way: [`cli`] (raw arguments) → [`settings`] (what they mean) → [`commands`] →
//! [`store`] (SQLite) → [`render`] (rows out). [`model`] holds the types every stage trusts, and
//! [`records`] the flat shapes claims travel in.

pub mod cli;
pub mod commands;
pub mod dsl;
pub mod error;
pub mod exit;
pub mod import;
pub mod model;
pub mod records;
pub mod render;
pub mod sample;
pub mod settings;
pub mod shell;
pub mod store;
pub mod text;

pub use commands::run;
pub use error::Error;
pub use exit::Outcome;
