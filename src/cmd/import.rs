//! `claimdb import`: files of records into the database, all or nothing.

use std::path::{Path, PathBuf};

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
        let mut store = super::open_write(settings, "import")?;
        if exclusive && !store.is_private() {
            store.lock_exclusive()?;
        }
        import(&mut store, &inputs)?
    } else {
        import_new(path, settings, &inputs)?
    };
    for (name, kind) in &stats.created {
        let a = if matches!(kind, EntityKind::Organization | EntityKind::Operation) { "an" } else { "a" };
        crate::sanitize::say(format_args!(
            "note: `{name}` was not a known name, so it was added as {a} {kind}; import an entity record to set its kind and aliases"
        ));
    }
    eprintln!(
        "claimdb: imported {}, {}, {} into {} ({} already there unchanged)",
        plural(stats.entities, "entity", "entities"),
        plural(stats.sources, "source", "sources"),
        plural(stats.claims, "claim", "claims"),
        path.display(),
        plural(stats.unchanged, "record", "records"),
    );
    Ok(Outcome::Found)
}

/// Imports into a file that does not exist yet: built beside it under a temporary name and put in
/// place, whole, only once it is complete. Killed halfway, an import leaves no half-made database
/// at the path (at most the temporary file); failed, it leaves nothing.
fn import_new(path: &Path, settings: &Settings, inputs: &[Input]) -> Result<ImportStats, Error> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let scratch = path.with_file_name(format!(".{name}.import-{}", std::process::id()));
    let result = Store::create(&scratch, settings.busy_timeout).and_then(|mut store| import(&mut store, inputs));
    // Closing checkpoints the WAL into the file, so the file alone is the whole database.
    let stats = match result {
        Ok(stats) => stats,
        Err(e) => {
            remove(&scratch);
            return Err(e);
        }
    };
    // A hard link, unlike a rename, never replaces a file another process made meanwhile.
    let placed = std::fs::hard_link(&scratch, path);
    remove(&scratch);
    match placed {
        Ok(()) => Ok(stats),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(Error::msg(format!(
            "{} was created by another process while this import ran; nothing was imported (run it again to add to that file)",
            path.display()
        ))),
        Err(e) => Err(Error::msg(format!("cannot create {}: {e}; nothing was imported", path.display()))),
    }
}

/// Removes a scratch database and what SQLite may have left beside it.
fn remove(scratch: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", scratch.display()));
    }
}
