//! `claimdb migrate`: bring a file to this build's schema. Commands that only read never do it.

use crate::error::Error;
use crate::exit::Outcome;
use crate::settings::Settings;
use crate::store::SCHEMA_VERSION;

pub fn run(settings: &Settings) -> Result<Outcome, Error> {
    let mut store = super::open_write(settings, "migrate")?;
    if !store.holds_schema() {
        let name = store.describe();
        return Err(Error::Missing(format!("{name} holds no claimdb database yet; `claimdb init {name}` creates one")));
    }
    store.ensure_wal();
    if store.migrated_from().is_none() {
        eprintln!("claimdb: {} is already at schema {SCHEMA_VERSION}", store.describe());
    }
    Ok(Outcome::Found)
}
