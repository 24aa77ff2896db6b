//! `claimdb query` (and `list`, `sources`, `entities`, which are queries): compile every query
//! first, so a bad line is reported before any output, then print each.

use std::io;
use std::path::Path;

use crate::dsl::error::did_you_mean;
use crate::dsl::resolve::Predicate;
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
    for q in &queries {
        warn_unknown_names(store, q)?;
    }
    let mut found = 0;
    for sql in &compiled {
        found += print_query(store, sql, &settings.output)?;
    }
    Ok(Outcome::from_count(found))
}

/// A name no entity goes by matches nothing, silently: say so, with the closest stored name.
fn warn_unknown_names(store: &Store, query: &str) -> Result<(), Error> {
    let Ok(resolved) = crate::dsl::parse(query).and_then(|q| crate::dsl::resolve(&q)) else { return Ok(()) };
    let mut keys = Vec::new();
    fn collect<'p>(p: &'p Predicate, out: &mut Vec<&'p str>) {
        match p {
            Predicate::Or(ps) | Predicate::And(ps) => ps.iter().for_each(|p| collect(p, out)),
            Predicate::Not(p) => collect(p, out),
            Predicate::Entity { key, .. } | Predicate::Alias { key, .. } => out.push(key),
            _ => {}
        }
    }
    resolved.filter.iter().for_each(|p| collect(p, &mut keys));
    let mut names: Option<Vec<String>> = None;
    for key in keys {
        if store.knows_key(key)? {
            continue;
        }
        let names = match &mut names {
            Some(n) => n,
            None => names.insert(store.entities()?.iter().map(|e| e.name().to_string()).collect()),
        };
        let hint = did_you_mean(key, names.iter().map(String::as_str)).map(|s| format!("; did you mean `{s}`?"));
        crate::sanitize::say(format_args!("warning: no entity named `{key}`{}", hint.unwrap_or_default()));
    }
    Ok(())
}
