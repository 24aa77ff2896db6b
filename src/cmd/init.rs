//! `claimdb init`: a new database file, empty or holding the built-in sample.

use std::path::Path;

use crate::error::Error;
use crate::exit::Outcome;
use crate::store::{self, Store};

pub fn run(path: &Path, with_sample: bool) -> Result<Outcome, Error> {
    let mut store = Store::create(path)?;
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
