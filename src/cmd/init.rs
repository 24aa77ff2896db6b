//! `claimdb init`: a new database file, empty or holding the built-in sample.

use std::path::Path;

use crate::error::Error;
use crate::exit::Outcome;
use crate::settings::{Settings, DEFAULT_DB};
use crate::store::{self, Store};

/// Creates the database at `path`, else where `--db` or `CLAIMDB_DB` names, else `./claims.db`.
pub fn run(settings: &Settings, path: Option<&Path>, with_sample: bool) -> Result<Outcome, Error> {
    let path = path.or(settings.db_named.as_deref()).unwrap_or(Path::new(DEFAULT_DB));
    let mut store = Store::create(path, settings.busy_timeout)?;
    if with_sample {
        if let Err(e) = crate::sample::load(&mut store) {
            drop(store);
            let _ = std::fs::remove_file(path);
            return Err(e);
        }
    }
    let what = if with_sample { "with the built-in sample" } else { "empty" };
    eprintln!("claimdb: created {} (schema {}), {what}", path.display(), store::SCHEMA_VERSION);
    Ok(Outcome::Found)
}
