//! `claimdb man`: the man page (roff), from the same clap definitions as `--help`.

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::Error;
use crate::exit::Outcome;
use crate::print::print;

pub fn run() -> Result<Outcome, Error> {
    print(|out| clap_mangen::Man::new(Cli::command()).render(out))?;
    Ok(Outcome::Found)
}
