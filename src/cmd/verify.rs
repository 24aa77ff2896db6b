//! `claimdb verify`: every quote against its span, every text against its hash, and SQLite's own
//! checks. A row a fault; exit 1 when there is one.

use crate::error::Error;
use crate::exit::Outcome;
use crate::print::{plural, print_rows};
use crate::render::Layout;
use crate::rows::Rows;
use crate::settings::Settings;
use crate::store::Store;

pub fn run(store: &Store, settings: &Settings) -> Result<Outcome, Error> {
    let v = store.snapshot(Store::verify)?;
    let mut rows = Rows::new(&["check", "id", "detail"]);
    for f in &v.faults {
        rows.push(vec![f.check.into(), f.id.clone().into(), f.detail.clone().into()]);
    }
    print_rows(&settings.output, &rows, Layout::Across)?;
    if v.faults.is_empty() {
        eprintln!(
            "claimdb: verified {} in {}: every quote matches its span and every source its hash",
            plural(v.claims, "claim", "claims"),
            plural(v.sources, "source", "sources")
        );
        Ok(Outcome::Found)
    } else {
        eprintln!(
            "claimdb: {} in {} claims and {} sources",
            plural(v.faults.len(), "fault", "faults"),
            v.claims,
            v.sources
        );
        Ok(Outcome::NothingFound)
    }
}
