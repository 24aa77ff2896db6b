//! Raw arguments resolved once: which database, which output format. Commands get these
//! decisions, never the raw flags.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::cli::{Format, OutputArgs};

/// The file used when neither `--db` nor `CLAIMDB_DB` names one.
pub const DEFAULT_DB: &str = "claims.db";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbChoice {
    /// A file named by `--db`, `CLAIMDB_DB`, or found as `./claims.db`.
    File(PathBuf),
    /// Nothing named and no `./claims.db`: the built-in sample, in memory.
    Sample,
}

impl DbChoice {
    /// `--db`/`CLAIMDB_DB` (clap merges the two; an empty value counts as unset), else
    /// `./claims.db` when it exists, else the sample.
    pub fn resolve(flag: Option<&Path>) -> DbChoice {
        match flag {
            Some(p) if !p.as_os_str().is_empty() => DbChoice::File(p.to_path_buf()),
            _ if Path::new(DEFAULT_DB).exists() => DbChoice::File(PathBuf::from(DEFAULT_DB)),
            _ => DbChoice::Sample,
        }
    }
}

/// How rows are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Output {
    pub format: Format,
    pub headers: bool,
    /// Terminal width for tables, when stdout is a terminal.
    pub width: Option<u16>,
}

impl Output {
    /// A table on a terminal, TSV when piped, unless `--format` says otherwise.
    pub fn resolve(args: &OutputArgs) -> Output {
        let tty = std::io::stdout().is_terminal();
        let format = args.format.unwrap_or(if tty { Format::Table } else { Format::Tsv });
        let width = if tty { terminal_width() } else { None };
        Output { format, headers: !args.no_headers, width }
    }
}

/// `COLUMNS` when the shell exports it, else what the terminal says.
fn terminal_width() -> Option<u16> {
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).or_else(|| comfy_table::Table::new().width())
}
