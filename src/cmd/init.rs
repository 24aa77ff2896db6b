//! `claimdb init`: a new database file, empty or holding the built-in sample. Like an import into
//! a new file, it is built beside the path and appears there whole, or not at all.

use std::path::Path;

use super::newfile::Placed;
use crate::error::Error;
use crate::exit::Outcome;
use crate::settings::{Settings, DEFAULT_DB};
use crate::store::{self, Store};

/// Creates the database at `path`, else where `--db` or `CLAIMDB_DB` names, else `./claims.db`.
pub fn run(settings: &Settings, path: Option<&Path>, with_sample: bool) -> Result<Outcome, Error> {
    let path = path.or(settings.db_named.as_deref()).unwrap_or(Path::new(DEFAULT_DB));
    let name = path.to_string_lossy();
    if store::is_url(&name) {
        return on_server(&name, settings, with_sample);
    }
    if path.exists() {
        return Err(Error::msg(format!("{} already exists; pick another path or remove it first", path.display())));
    }
    let scratch = super::newfile::scratch_beside(path, "init");
    let built = Store::create(&scratch, settings.busy_timeout).and_then(|mut store| {
        if with_sample {
            crate::sample::load(&mut store)
        } else {
            Ok(())
        }
    });
    if let Err(e) = built {
        super::newfile::remove_database(&scratch);
        return Err(e);
    }
    match super::newfile::put_in_place(&scratch, path) {
        Ok(()) => {}
        Err(Placed::Taken) => {
            return Err(Error::msg(format!("{} already exists; pick another path or remove it first", path.display())))
        }
        Err(Placed::Failed(e)) => return Err(Error::msg(format!("cannot create {}: {e}", path.display()))),
    }
    let what = if with_sample { "with the built-in sample" } else { "empty" };
    eprintln!("claimdb: created {} (schema {}), {what}", path.display(), store::SCHEMA_VERSION);
    Ok(Outcome::Found)
}

/// `claimdb init postgres://…`: the schema in that database, in one transaction, and the sample
/// in a second one if asked for; refused where a claimdb database is there already.
fn on_server(url: &str, settings: &Settings, with_sample: bool) -> Result<Outcome, Error> {
    let mut store = Store::connect(url, store::Access::Create, settings.busy_timeout)?;
    if with_sample {
        crate::sample::load(&mut store)?;
    }
    let what = if with_sample { "with the built-in sample" } else { "empty" };
    eprintln!("claimdb: created a claimdb database in {} (schema {}), {what}", store.describe(), store::SCHEMA_VERSION);
    Ok(Outcome::Found)
}
