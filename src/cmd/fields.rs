//! `claimdb fields`: every target and field of the query language.

use crate::columns::listing;
use crate::error::Error;
use crate::exit::Outcome;
use crate::print::print_rows;
use crate::render::Layout;
use crate::settings::Settings;

pub fn run(settings: &Settings, target: Option<&str>) -> Result<Outcome, Error> {
    print_rows(&settings.output, &listing(target)?, Layout::Across)
}
