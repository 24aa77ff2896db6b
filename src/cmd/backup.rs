//! `claimdb backup PATH`: a consistent copy of the database, made while others read and write.

use std::path::Path;

use crate::error::Error;
use crate::exit::Outcome;
use crate::store::Store;

pub fn run(store: &Store, path: &Path) -> Result<Outcome, Error> {
    if path.exists() {
        return Err(Error::msg(format!("{} already exists; a backup goes to a new file", path.display())));
    }
    let scratch = super::newfile::scratch_beside(path, "backup");
    if let Err(e) = store.backup_to(&scratch) {
        super::newfile::remove_database(&scratch);
        return Err(e);
    }
    match super::newfile::put_in_place(&scratch, path) {
        Ok(()) => {}
        Err(super::newfile::Placed::Taken) => {
            return Err(Error::msg(format!(
                "{} was created by another process meanwhile; it was left as it is",
                path.display()
            )))
        }
        Err(super::newfile::Placed::Failed(e)) => {
            return Err(Error::msg(format!("cannot create {}: {e}", path.display())))
        }
    }
    eprintln!("claimdb: backed up to {}", path.display());
    Ok(Outcome::Found)
}
