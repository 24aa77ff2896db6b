//! `claimdb query` (and `list`, `sources`, `entities`, which are queries): compile every query
//! first, so a bad line is reported before any output, then print each.

use std::io;
use std::path::Path;

use crate::error::Error;
use crate::exit::Outcome;
use crate::print::{compile, defaults, print_query};
use crate::settings::Settings;
use crate::store::Store;

/// Runs `query`, or each line of `file` (`-` for stdin; blank lines and `#` comments skipped).
pub fn run(store: &Store, settings: &Settings, query: &str, file: Option<&Path>) -> Result<Outcome, Error> {
    let queries: Vec<String> = match file {
        None => vec![query.to_string()],
        Some(path) => {
            let text = if path.as_os_str() == "-" {
                io::read_to_string(io::stdin())?
            } else {
                std::fs::read_to_string(path).map_err(|e| Error::msg(format!("cannot read {}: {e}", path.display())))?
            };
            text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(String::from).collect()
        }
    };
    let compiled = queries
        .iter()
        .enumerate()
        .map(|(n, q)| {
            compile(store, q, defaults(&settings.output)).map_err(|e| match file {
                Some(f) => Error::msg(format!("{}:{}: {e}", f.display(), n + 1)),
                None => e,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut found = 0;
    for sql in &compiled {
        found += print_query(store, sql, &settings.output)?;
    }
    Ok(Outcome::from_count(found))
}
