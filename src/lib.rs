//! claimdb keeps facts from news reporting straight: it stores claims (troop counts, casualties,
//! captures, strikes, operations, statements) in SQLite, each tied by exact character offsets to
//! the quote in its source text.
//!
//! Data flows one way:
//!
//! ```text
//! cli ──▶ settings ──▶ cmd ──▶ dsl: parse → resolve → compile ──▶ store ──▶ print ─▶ render
//! (raw     (db, output   (one     (query text → AST → typed          (SQLite:   (rows out:
//!  args)    decided once) file a    predicates over `columns` →     reads,     table, JSON,
//!                         command)  SQL text in a `Dialect`)        writes)    CSV, TSV…)
//!                            │
//!                            └──▶ import: read (NDJSON/JSON/CSV → `model` records) → store::write
//! ```
//!
//! Beside the dsl, reading text rather than queries into the same shapes: [`extract`] (raw
//! article text → mentions and claims, by recognisers one a file: sentences, numbers, figures,
//! dates, the gazetteer, quotations, speakers; `claimdb ingest` and `claimdb annotate` run it),
//! and the statement checker and the HTML views to come, each a module of its own at the same
//! level. `extract` is public for its benchmark and fuzz target, as `import` is.
//! [`model`] holds the types every stage trusts, [`columns`] the one definition of every field,
//! and `rows` the row type the store hands to the renderer. No module imports one above it: the
//! store, the dsl and the model know nothing of the command line, printing or the shell (a test
//! holds the crate to that).

pub mod check;
pub mod cli;
mod cmd;
pub mod columns;
pub mod dsl;
mod error;
pub mod exit;
pub mod extract;
pub mod import;
pub mod model;
mod print;
mod render;
mod rows;
pub mod sample;
pub mod sanitize;
mod settings;
mod shell;
mod store;
mod text;
pub mod view;

pub use cmd::run;
pub use error::Error;
pub use exit::Outcome;
