//! `claimdb completions`: a shell completion script, from the same clap definitions as `--help`.

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
    // clap_complete panics when its writer fails (a closed pipe, a full disk): generate into
    // memory, then write as every command does, so those end quietly or with a message.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "claimdb", &mut script);
    print(|out| out.write_all(&script))?;
    Ok(Outcome::Found)
}
