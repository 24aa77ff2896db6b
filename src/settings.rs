//! Raw arguments resolved once: which database, which output format. [`Settings::resolve`] is the
//! only place that looks at the flags, the environment and the terminal; commands get its
//! decisions, never the raw flags.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::cli::{CheckFormat, Cli, Command, FormatArg, OutputArgs};
use crate::render::{Format, Output, StreamFormat};

/// The file used when neither `--db` nor `CLAIMDB_DB` names one.
pub const DEFAULT_DB: &str = "claims.db";

/// What a command runs with.
#[derive(Debug, Clone)]
pub struct Settings {
    pub db: DbChoice,
    /// The file `--db` or `CLAIMDB_DB` named, if one did (where `init` creates a database).
    pub db_named: Option<PathBuf>,
    /// How long to wait for another process's lock.
    pub busy_timeout: Duration,
    /// How long a statement of the user's (`query`, `sql`, the shell) may run; `None`: no limit.
    pub timeout: Option<Duration>,
    /// How rows are printed: from the command's `--format` and `--no-headers`, else a table on a
    /// terminal and TSV when piped.
    pub output: Output,
    /// Stderr is a terminal, so long work may draw progress there.
    pub progress: bool,
}

impl Settings {
    pub fn resolve(cli: &Cli) -> Settings {
        let tty = std::io::stdout().is_terminal();
        let output = match &cli.command {
            Command::Query { output, .. }
            | Command::Sql { output, .. }
            | Command::Shell { output, .. }
            | Command::Fields { output, .. }
            | Command::List { output }
            | Command::Show { output, .. }
            | Command::Sources { output }
            | Command::Entities { output }
            | Command::Verify { output }
            | Command::Ingest { output, .. }
            | Command::Annotate { output, .. }
            | Command::Conflicts { output, .. } => Output::resolve(output, tty),
            Command::Check { format, no_headers, .. } => {
                let format = match format {
                    Some(CheckFormat::Table) => Some(FormatArg::Table),
                    Some(CheckFormat::Csv) => Some(FormatArg::Csv),
                    Some(CheckFormat::Tsv) => Some(FormatArg::Tsv),
                    Some(CheckFormat::Markdown) => Some(FormatArg::Markdown),
                    // JSON, NDJSON and ClaimReview are written by `check` itself, whole objects.
                    Some(CheckFormat::Json | CheckFormat::Ndjson | CheckFormat::Claimreview) => Some(FormatArg::Json),
                    None => None,
                };
                Output::resolve(&OutputArgs { format, no_headers: *no_headers }, tty)
            }
            // `explain` shows the query as `query --format F` would run it; a table by default.
            Command::Explain { format, .. } => {
                Output { format: (*format).into(), headers: true, width: None, terminal: tty }
            }
            _ => Output::resolve(&OutputArgs { format: None, no_headers: false }, tty),
        };
        let db_named = cli.db.clone().filter(|p| !p.as_os_str().is_empty());
        let timeout = match &cli.command {
            Command::Query { limits, .. } | Command::Sql { limits, .. } | Command::Shell { limits, .. } => {
                Some(limits.timeout).filter(|t| *t > 0.0).map(Duration::from_secs_f64)
            }
            _ => None,
        };
        Settings {
            db: DbChoice::resolve(db_named.as_deref()),
            db_named,
            busy_timeout: Duration::from_millis(cli.busy_timeout),
            timeout,
            output,
            progress: std::io::stderr().is_terminal(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbChoice {
    /// A file named by `--db`, `CLAIMDB_DB`, or found as `./claims.db`.
    File(PathBuf),
    /// A PostgreSQL server's database, named by a `postgres://` URL in `--db` or `CLAIMDB_DB`.
    Server(String),
    /// Nothing named and no `./claims.db`: the built-in sample, in memory.
    Sample,
}

impl DbChoice {
    /// `--db`/`CLAIMDB_DB` (clap merges the two; an empty value counts as unset), else
    /// `./claims.db` when it exists, else the sample.
    fn resolve(named: Option<&Path>) -> DbChoice {
        match named {
            Some(p) if crate::store::is_url(&p.to_string_lossy()) => DbChoice::Server(p.to_string_lossy().into_owned()),
            Some(p) => DbChoice::File(p.to_path_buf()),
            _ if Path::new(DEFAULT_DB).exists() => DbChoice::File(PathBuf::from(DEFAULT_DB)),
            _ => DbChoice::Sample,
        }
    }
}

impl Output {
    /// A table on a terminal, TSV when piped, unless `--format` says otherwise.
    fn resolve(args: &OutputArgs, tty: bool) -> Output {
        let format = args.format.map(Format::from).unwrap_or(if tty {
            Format::Table
        } else {
            Format::Stream(StreamFormat::Tsv)
        });
        let width = if tty { terminal_width() } else { None };
        Output { format, headers: !args.no_headers, width, terminal: tty }
    }
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Table => Format::Table,
            FormatArg::Json => Format::Stream(StreamFormat::Json),
            FormatArg::Ndjson => Format::Stream(StreamFormat::Ndjson),
            FormatArg::Csv => Format::Stream(StreamFormat::Csv),
            FormatArg::Tsv => Format::Stream(StreamFormat::Tsv),
            FormatArg::Markdown => Format::Stream(StreamFormat::Markdown),
        }
    }
}

/// `COLUMNS` when the shell exports it, else what the terminal says. A terminal that reports 0
/// columns (one with no size set, as under `script`) has no width to go by: tables then take
/// their default instead of one character a column.
pub(crate) fn terminal_width() -> Option<u16> {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .or_else(|| comfy_table::Table::new().width())
        .filter(|w| *w > 0)
}
