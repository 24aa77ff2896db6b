//! `claimdb copy --from DB --to DB`: a whole database between a file and a server.

use std::path::Path;

use super::newfile::Placed;
use crate::error::Error;
use crate::exit::Outcome;
use crate::print::plural;
use crate::settings::Settings;
use crate::store::{self, Access, Store};

pub fn run(settings: &Settings, from: &str, to: &str) -> Result<Outcome, Error> {
    let busy = settings.busy_timeout;
    let source = if store::is_url(from) {
        Store::connect(from, Access::Read, busy)?
    } else {
        Store::open_read(Path::new(from), busy)?
    };
    let stats = if store::is_url(to) {
        let mut target = Store::connect(to, Access::Create, busy)?;
        store::copy(&source, &mut target)?
    } else {
        into_new_file(&source, Path::new(to), settings)?
    };
    crate::sanitize::say(format_args!(
        "copied {}, {}, {} from {} to {}",
        plural(stats.entities, "entity", "entities"),
        plural(stats.sources, "source", "sources"),
        plural(stats.claims, "claim", "claims"),
        source.describe(),
        if store::is_url(to) { store::server_name(to) } else { to.to_string() },
    ));
    Ok(Outcome::Found)
}

/// Builds the copy beside `path` and puts it in place whole, as an import into a new file does.
fn into_new_file(source: &Store, path: &Path, settings: &Settings) -> Result<store::write::ImportStats, Error> {
    if path.exists() {
        return Err(Error::msg(format!("{} already exists; a copy goes to a new file", path.display())));
    }
    let scratch = super::newfile::scratch_beside(path, "copy");
    let copied = Store::create(&scratch, settings.busy_timeout).and_then(|mut target| store::copy(source, &mut target));
    let stats = match copied {
        Ok(stats) => stats,
        Err(e) => {
            super::newfile::remove_database(&scratch);
            return Err(e);
        }
    };
    match super::newfile::put_in_place(&scratch, path) {
        Ok(()) => Ok(stats),
        Err(Placed::Taken) => {
            super::newfile::remove_database(&scratch);
            Err(Error::msg(format!(
                "{} was created by another process meanwhile; it was left as it is",
                path.display()
            )))
        }
        Err(Placed::Failed(e)) => Err(Error::msg(format!("cannot create {}: {e}", path.display()))),
    }
}
