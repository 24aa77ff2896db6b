//! `claimdb import`: files of records into the database, all or nothing.

use std::path::{Path, PathBuf};

use super::newfile::Placed;
use crate::error::Error;
use crate::exit::Outcome;
use crate::import::{import, Input, TextFileRules};
use crate::model::EntityKind;
use crate::print::plural;
use crate::settings::{DbChoice, Settings};
use crate::store::write::ImportStats;
use crate::store::Store;

pub fn run(settings: &Settings, files: &[PathBuf], exclusive: bool, rules: TextFileRules) -> Result<Outcome, Error> {
    let DbChoice::File(path) = &settings.db else {
        return Err(Error::msg(
            "import writes to a database file: pass --db PATH, set CLAIMDB_DB, or create ./claims.db with `claimdb init`",
        ));
    };
    // Open every file before touching the database, so a missing one changes nothing.
    let inputs = files.iter().map(|f| Input::from_path(f, rules)).collect::<Result<Vec<_>, _>>()?;
    let stats = if path.exists() {
        import_existing(settings, &inputs, exclusive)?
    } else {
        import_new(path, settings, &inputs, exclusive)?
    };
    for (name, kind) in &stats.created {
        let a = if matches!(kind, EntityKind::Organization | EntityKind::Operation) { "an" } else { "a" };
        crate::sanitize::say(format_args!(
            "note: `{name}` was not a known name, so it was added as {a} {kind}; import an entity record to set its kind and aliases"
        ));
    }
    crate::sanitize::say(format_args!(
        "imported {}, {}, {} into {} ({} already there unchanged)",
        plural(stats.entities, "entity", "entities"),
        plural(stats.sources, "source", "sources"),
        plural(stats.claims, "claim", "claims"),
        path.display(),
        plural(stats.unchanged, "record", "records"),
    ));
    Ok(Outcome::Found)
}

/// Imports into a file that does not exist yet: built beside it under a temporary name and put in
/// place, whole, only once it is complete. Killed halfway, an import leaves no half-made database
/// at the path (at most the temporary file); failed, it leaves nothing.
fn import_existing(settings: &Settings, inputs: &[Input], exclusive: bool) -> Result<ImportStats, Error> {
    let mut store = super::open_write(settings, "import")?;
    if exclusive && !store.is_private() {
        store.lock_exclusive()?;
    }
    let stats = import(&mut store, inputs)?;
    store.ensure_wal();
    Ok(stats)
}

/// Imports into a file that does not exist yet: built beside it under a temporary name and put in
/// place, whole, only once it is complete. Killed halfway, an import leaves no half-made database
/// at the path (at most the temporary file); failed, it leaves nothing. If another process makes
/// the file meanwhile, the import goes into that file instead (inputs are files or spooled
/// copies, so they read again).
fn import_new(path: &Path, settings: &Settings, inputs: &[Input], exclusive: bool) -> Result<ImportStats, Error> {
    let scratch = super::newfile::scratch_beside(path, "import");
    // Closing the store checkpoints the WAL into the file, so the file alone is the database.
    let result = Store::create(&scratch, settings.busy_timeout).and_then(|mut store| import(&mut store, inputs));
    match result {
        Ok(stats) => match super::newfile::put_in_place(&scratch, path) {
            Ok(()) => Ok(stats),
            Err(Placed::Taken) => import_existing(settings, inputs, exclusive),
            Err(Placed::Failed(e)) => {
                Err(Error::msg(format!("cannot create {}: {e}; nothing was imported", path.display())))
            }
        },
        Err(e) => {
            super::newfile::remove_database(&scratch);
            Err(e)
        }
    }
}
