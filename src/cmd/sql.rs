//! `claimdb sql`: one SQL statement of the user's, on a connection locked against every write.

use crate::error::Error;
use crate::exit::Outcome;
use crate::print::print_sql;
use crate::settings::{DbChoice, Settings};
use crate::store::{Access, Store};

pub fn run(settings: &Settings, sql: &str) -> Result<Outcome, Error> {
    let mut store = match &settings.db {
        DbChoice::File(path) => Store::open_for_sql(path, settings.busy_timeout)?,
        DbChoice::Server(url) => {
            let mut store = Store::connect(url, Access::Sql, settings.busy_timeout)?;
            store.make_read_only()?;
            store
        }
        DbChoice::Sample => {
            let mut store = super::open(settings)?;
            store.make_read_only()?;
            store
        }
    };
    store.set_limits(settings.timeout, None);
    Ok(Outcome::from_count(print_sql(&store, sql, &settings.output)?))
}
