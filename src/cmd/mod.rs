//! One small file a subcommand, each a function over the [`Settings`] resolved once from the
//! raw arguments. This module only dispatches and opens the database.

mod annotate;
mod article;
mod backup;
mod check;
mod completions;
mod conflicts;
mod copy;
mod export;
mod fields;
mod import;
mod ingest;
mod init;
mod man;
mod migrate;
mod newfile;
mod query;
mod show;
mod sql;
mod timeline;
mod verify;
mod view;

use crate::cli::{Cli, Command};
use crate::error::Error;
use crate::exit::Outcome;
use crate::print::{defaults, explain};
use crate::settings::{DbChoice, Settings};
use crate::store::{self, Store};

pub fn run(cli: Cli) -> Result<Outcome, Error> {
    let settings = Settings::resolve(&cli);
    let s = &settings;
    match cli.command {
        Command::Init { path, sample } => init::run(s, path.as_deref(), sample),
        Command::Import { files, exclusive, allow_outside, max_text_bytes } => {
            let rules = crate::import::TextFileRules { allow_outside, max_bytes: max_text_bytes };
            import::run(s, &files, exclusive, rules)
        }
        Command::Ingest { files, id, title, publisher, url, published, gazetteer, dry_run, .. } => {
            let flags = ingest::Flags {
                id: id.as_deref(),
                title: title.as_deref(),
                publisher: publisher.as_deref(),
                url: url.as_deref(),
                published: published.as_deref(),
                gazetteer: gazetteer.as_deref(),
                dry_run,
            };
            ingest::run(s, &files, &flags)
        }
        Command::Annotate { file, published, title, gazetteer, .. } => {
            annotate::run(s, &file, published.as_deref(), title.as_deref(), gazetteer.as_deref())
        }
        Command::Check { statements, file, as_of, format, html, .. } => {
            let flags = check::Flags { file: file.as_deref(), as_of: as_of.as_deref(), format, html: html.as_deref() };
            check::run(&open(s)?, s, &statements, &flags)
        }
        Command::Conflicts { query, .. } => conflicts::run(&open(s)?, s, &query.join(" ")),
        Command::Timeline { query, width, html } => {
            timeline::run(&open(s)?, s, &query.join(" "), width.map(usize::from), html.as_deref())
        }
        Command::View { source, all, output } => view::run(&open(s)?, source.as_deref(), all, output.as_deref()),
        Command::Migrate => migrate::run(s),
        Command::Backup { path } => backup::run(&open(s)?, &path),
        Command::Copy { from, to } => copy::run(s, &from, &to),
        Command::Export { format, only, source } => export::run(&open(s)?, format, only, source.as_deref()),
        Command::Query { query, file, .. } => query::run(&limited(s)?, s, &query.join(" "), file.as_deref()),
        Command::Explain { query, .. } => explain(&open(s)?, &query.join(" "), defaults(&s.output)),
        Command::Sql { sql, .. } => sql::run(s, &sql.join(" ")),
        Command::Shell { .. } => crate::shell::run(limited(s)?, s.output),
        Command::Fields { target, .. } => fields::run(s, target.as_deref()),
        // `list`, `sources` and `entities` are the queries of those names: one path, and one
        // definition of the columns, for every listing.
        Command::List { .. } => query::run(&open(s)?, s, "claims", None),
        Command::Sources { .. } => query::run(&open(s)?, s, "sources", None),
        Command::Entities { .. } => query::run(&open(s)?, s, "entities", None),
        Command::Show { id, .. } => show::run(&open(s)?, s, &id),
        Command::Verify { .. } => verify::run(&open(s)?, s),
        Command::Completions { shell } => completions::run(shell),
        Command::Man => man::run(),
    }
}

/// Opens the chosen database to read it, saying so on stderr when it is the built-in sample.
fn open(settings: &Settings) -> Result<Store, Error> {
    match &settings.db {
        DbChoice::File(path) => Store::open_read(path, settings.busy_timeout),
        DbChoice::Server(url) => Store::connect(url, store::Access::Read, settings.busy_timeout),
        DbChoice::Sample => {
            eprintln!("claimdb: note: no --db, CLAIMDB_DB or ./claims.db; using the built-in sample in memory");
            crate::sample::open()
        }
    }
}

/// Opens the chosen database to read it, with the user's statements limited in time.
fn limited(settings: &Settings) -> Result<Store, Error> {
    let mut store = open(settings)?;
    store.set_limits(settings.timeout, None);
    Ok(store)
}

/// Why a write cannot go to the built-in sample, and where it can go.
fn no_database(what: &str) -> Error {
    Error::msg(format!(
        "{what} writes to a database: pass --db PATH (or a postgres:// URL), set CLAIMDB_DB, or create \
         ./claims.db with `claimdb init`"
    ))
}

/// Opens the chosen database file to write to it, migrating it (and saying so) if it is old.
fn open_write(settings: &Settings, what: &str) -> Result<Store, Error> {
    let store = match &settings.db {
        DbChoice::File(path) => Store::open_write(path, settings.busy_timeout)?,
        DbChoice::Server(url) => Store::connect(url, store::Access::Write, settings.busy_timeout)?,
        DbChoice::Sample => return Err(no_database(what)),
    };
    if let Some(from) = store.migrated_from() {
        eprintln!("claimdb: note: migrated {} from schema {from} to {}", store.describe(), store::SCHEMA_VERSION);
    }
    Ok(store)
}
