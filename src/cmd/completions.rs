//! `claimdb completions`: a shell completion script, from the same clap definitions as `--help`.

use std::io;

use clap::CommandFactory;

use crate::cli::{Cli, Shell};
use crate::error::Error;
use crate::exit::Outcome;
use crate::print::print;

pub fn run(shell: Shell) -> Result<Outcome, Error> {
    let shell = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
    };
    print(|out| {
        clap_complete::generate(shell, &mut Cli::command(), "claimdb", out);
        Ok::<_, io::Error>(())
    })?;
    Ok(Outcome::Found)
}
