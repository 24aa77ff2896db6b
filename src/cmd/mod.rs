//! One small file a subcommand, each a function over the [`Settings`] resolved once from the
//! raw arguments. This module only dispatches and opens the database.

mod backup;
mod completions;
mod export;
mod fields;
mod import;
mod init;
mod man;
mod migrate;
mod query;
mod show;
mod sql;
mod verify;

use std::path::{Path, PathBuf};

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
        Command::Migrate => migrate::run(s),
        Command::Backup { path } => backup::run(&open(s)?, &path),
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
        DbChoice::Sample => {
            eprintln!("claimdb: note: no --db, CLAIMDB_DB or ./claims.db; using the built-in sample in memory");
            crate::sample::open()
        }
    }
}

/// Puts a finished database file, built under a temporary name beside `path`, in place. A hard
/// link, unlike a rename, never replaces a file another process made meanwhile; where the file
/// system has no hard links, a rename after checking the name is free comes closest. The folder
/// is synced, so a placed file survives a power cut. The temporary name goes either way.
fn put_in_place(scratch: &Path, path: &Path) -> Result<(), Placed> {
    let linked = std::fs::hard_link(scratch, path);
    let placed = match linked {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(Placed::Taken),
        Err(_) if path.symlink_metadata().is_ok() => Err(Placed::Taken),
        // No hard links here (FAT, many network and FUSE file systems).
        Err(_) => std::fs::rename(scratch, path).map_err(|e| Placed::Failed(e.to_string())),
        Ok(()) => Ok(()),
    };
    remove_database(scratch);
    if placed.is_ok() {
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        if let Ok(dir) = std::fs::File::open(folder) {
            let _ = dir.sync_all();
        }
    }
    placed
}

/// Why a new file could not be put in place.
enum Placed {
    /// Another process (or a link) took the name meanwhile.
    Taken,
    Failed(String),
}

/// A temporary name beside `path` for a database being built, unlikely to meet a leftover.
fn scratch_beside(path: &Path, what: &str) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
    path.with_file_name(format!(".{name}.{what}-{}-{nanos:09}", std::process::id()))
}

/// Removes a database file and what SQLite may have left beside it.
fn remove_database(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

/// Opens the chosen database to read it, with the user's statements limited in time.
fn limited(settings: &Settings) -> Result<Store, Error> {
    let mut store = open(settings)?;
    store.set_limits(settings.timeout, None);
    Ok(store)
}

/// Opens the chosen database file to write to it, migrating it (and saying so) if it is old.
fn open_write(settings: &Settings, what: &str) -> Result<Store, Error> {
    let DbChoice::File(path) = &settings.db else {
        return Err(Error::msg(format!(
            "{what} writes to a database file: pass --db PATH, set CLAIMDB_DB, or create ./claims.db with `claimdb init`"
        )));
    };
    let store = Store::open_write(path, settings.busy_timeout)?;
    if let Some(from) = store.migrated_from {
        eprintln!("claimdb: note: migrated {} from schema {from} to {}", path.display(), store::SCHEMA_VERSION);
    }
    Ok(store)
}
