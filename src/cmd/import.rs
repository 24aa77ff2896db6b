//! `claimdb import`: files of records into the database, all or nothing.

use std::path::{Path, PathBuf};

use super::newfile::Placed;
use crate::error::Error;
use crate::exit::Outcome;
use crate::import::{import, Input, TextFileRules};
use crate::print::plural;
use crate::settings::{DbChoice, Settings};
use crate::store::write::ImportStats;
use crate::store::Store;

pub fn run(settings: &Settings, files: &[PathBuf], exclusive: bool, rules: TextFileRules) -> Result<Outcome, Error> {
    let target = db_target(settings, "import")?;
    // Open every file before touching the database, so a missing one changes nothing.
    let inputs = files.iter().map(|f| Input::from_path(f, rules)).collect::<Result<Vec<_>, _>>()?;
    let stats = write(settings, "import", exclusive, &|store| import(store, &inputs, settings.progress))?;
    report_created(&stats);
    crate::sanitize::say(format_args!(
        "imported {}, {}, {} into {} ({} already there unchanged)",
        plural(stats.entities, "entity", "entities"),
        plural(stats.sources, "source", "sources"),
        plural(stats.claims, "claim", "claims"),
        target,
        plural(stats.unchanged, "record", "records"),
    ));
    Ok(Outcome::Found)
}

/// The database a write goes to, as messages name it; writes never go to the built-in sample.
pub(super) fn db_target(settings: &Settings, what: &str) -> Result<String, Error> {
    match &settings.db {
        DbChoice::File(path) => Ok(path.display().to_string()),
        DbChoice::Server(url) => Ok(crate::store::server_name(url)),
        DbChoice::Sample => Err(super::no_database(what)),
    }
}

/// Says which names a write made entities of, and what kind it gave them.
pub(super) fn report_created(stats: &ImportStats) {
    for (name, kind) in &stats.created {
        crate::sanitize::say(format_args!(
            "note: `{name}` was not a known name, so it was added as {}; import an entity record to set its kind and aliases",
            kind.with_article()
        ));
    }
}

/// Runs `load` in one transaction on the database file, creating the file if it does not exist.
pub(super) fn write(
    settings: &Settings,
    what: &str,
    exclusive: bool,
    load: &dyn Fn(&mut Store) -> Result<ImportStats, Error>,
) -> Result<ImportStats, Error> {
    let path = match &settings.db {
        DbChoice::File(path) => path,
        // A server's import is one transaction of its own: nothing to build beside it.
        DbChoice::Server(_) => return import_existing(settings, what, load, exclusive),
        DbChoice::Sample => return Err(super::no_database(what)),
    };
    if path.exists() {
        import_existing(settings, what, load, exclusive)
    } else {
        import_new(path, settings, what, load, exclusive)
    }
}

/// Loads into an existing file.
fn import_existing(
    settings: &Settings,
    what: &str,
    load: &dyn Fn(&mut Store) -> Result<ImportStats, Error>,
    exclusive: bool,
) -> Result<ImportStats, Error> {
    let mut store = super::open_write(settings, what)?;
    if exclusive && !store.is_private() {
        store.lock_exclusive()?;
    }
    let stats = load(&mut store)?;
    store.ensure_wal();
    Ok(stats)
}

/// Imports into a file that does not exist yet: built beside it under a temporary name and put in
/// place, whole, only once it is complete. Killed halfway, an import leaves no half-made database
/// at the path (at most the temporary file); failed, it leaves nothing. If another process makes
/// the file meanwhile, the import goes into that file instead (inputs are files or spooled
/// copies, so they read again).
fn import_new(
    path: &Path,
    settings: &Settings,
    what: &str,
    load: &dyn Fn(&mut Store) -> Result<ImportStats, Error>,
    exclusive: bool,
) -> Result<ImportStats, Error> {
    let scratch = super::newfile::scratch_beside(path, what);
    // Closing the store checkpoints the WAL into the file, so the file alone is the database.
    let result = Store::create(&scratch, settings.busy_timeout).and_then(|mut store| load(&mut store));
    match result {
        Ok(stats) => match super::newfile::put_in_place(&scratch, path) {
            Ok(()) => Ok(stats),
            Err(Placed::Taken) => import_existing(settings, what, load, exclusive),
            Err(Placed::Failed(e)) => {
                Err(Error::msg(format!("cannot create {}: {e}; nothing was written", path.display())))
            }
        },
        Err(e) => {
            super::newfile::remove_database(&scratch);
            Err(e)
        }
    }
}
