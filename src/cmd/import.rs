//! `claimdb import`: files of records into the database, all or nothing.

use std::path::PathBuf;

use crate::error::Error;
use crate::exit::Outcome;
use crate::import::{import, Input, TextFileRules};
use crate::model::EntityKind;
use crate::print::plural;
use crate::settings::{DbChoice, Settings};
use crate::store::Store;

pub fn run(settings: &Settings, files: &[PathBuf], exclusive: bool, rules: TextFileRules) -> Result<Outcome, Error> {
    let DbChoice::File(path) = &settings.db else {
        return Err(Error::msg(
            "import writes to a database file: pass --db PATH, set CLAIMDB_DB, or create ./claims.db with `claimdb init`",
        ));
    };
    // Open every file before touching the database, so a missing one changes nothing.
    let inputs = files.iter().map(|f| Input::from_path(f, rules)).collect::<Result<Vec<_>, _>>()?;
    let created = !path.exists();
    let mut store =
        if created { Store::create(path, settings.busy_timeout)? } else { super::open_write(settings, "import")? };
    if exclusive && !store.is_private() {
        store.lock_exclusive()?;
    }
    let result = import(&mut store, &inputs);
    drop(store);
    let stats = match result {
        Ok(s) => s,
        Err(e) => {
            if created {
                let _ = std::fs::remove_file(path);
            }
            return Err(e);
        }
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
