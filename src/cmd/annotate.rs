//! `claimdb annotate`: every mention the recognisers find in a text, one row each, so a user
//! sees why a claim was or was not extracted.

use std::borrow::Cow;
use std::path::Path;

use super::article;
use crate::error::Error;
use crate::exit::Outcome;
use crate::extract::{annotate, Mention, Options, Reading};
use crate::print::print_cells;
use crate::rows::Cell;
use crate::settings::Settings;

/// The columns, documented in README ("annotate").
pub const COLUMNS: [&str; 14] = [
    "kind",
    "text",
    "start",
    "end",
    "value",
    "grain",
    "low",
    "high",
    "qualifier",
    "unit",
    "name",
    "speaker",
    "role",
    "said_on",
];

pub fn run(
    settings: &Settings,
    file: &Path,
    published: Option<&str>,
    title: Option<&str>,
    gazetteer: Option<&Path>,
) -> Result<Outcome, Error> {
    // A sidecar `NAME.meta.json` fills what the flags leave unset, as for `ingest`: annotate shows
    // what ingest would read.
    let side = article::sidecar(file)?;
    let published = match published {
        Some(flag) => article::published(Some(flag))?,
        None => article::published(side.published.as_deref())
            .map_err(|e| Error::msg(format!("{}: {e}", file.with_extension("meta.json").display())))?,
    };
    let g = article::gazetteer(gazetteer)?;
    let (_, text) = article::read_text(file)?;
    let title = article::title(title, side.title, &text);
    let opts = Options { published: article::reference_day(published), gazetteer: &g, title: Some(&title) };
    let an = annotate(&text, &opts);
    for w in &an.warnings {
        crate::sanitize::say(format_args!("warning: {w}"));
    }
    // Offsets count characters. Mentions come in text order, so each start is counted on from
    // the last (a table of every character's byte offset cost 16 MB and a search a mention).
    let mut last = (0, 0);
    let rows = an.mentions.iter().map(|m| {
        last = match m.start.checked_sub(last.0) {
            Some(_) => (m.start, last.1 + text[last.0..m.start].chars().count()),
            None => (m.start, text[..m.start].chars().count()),
        };
        let end = last.1 + text[m.start..m.end].chars().count();
        cells(m, &text, (last.1, end))
    });
    print_cells(&settings.output, &COLUMNS, rows)
}

/// A mention's row, borrowing its text and reading; `chars` is its span in characters.
fn cells<'a>(m: &'a Mention, source: &'a str, chars: (usize, usize)) -> [Cell<'a>; 14] {
    let num = |v: Option<f64>| v.map_or(Cell::Null, Cell::number);
    let text = |s: Option<&'a str>| s.map_or(Cell::Null, |s| Cell::Text(Cow::Borrowed(s)));
    let owned = |s: Option<String>| s.map_or(Cell::Null, |s| Cell::Text(Cow::Owned(s)));
    let mut row: [Cell<'a>; 14] = std::array::from_fn(|_| Cell::Null);
    row[0] = text(Some(m.reading.kind()));
    row[1] = text(Some(&source[m.start..m.end]));
    row[2] = Cell::Int(chars.0 as i64);
    row[3] = Cell::Int(chars.1 as i64);
    match &m.reading {
        Reading::Date(v) => {
            row[4] = owned(v.map(|d| d.to_string()));
            row[5] = text(v.map(|d| d.grain().as_str()));
        }
        Reading::Quantity { value, low, high, qualifier, unit } => {
            row[4] = num(Some(*value));
            row[6] = num(*low);
            row[7] = num(*high);
            row[8] = text(Some(qualifier.as_str()));
            row[9] = text(unit.as_deref());
        }
        Reading::Place { name } | Reading::Party { name } => row[10] = text(Some(name)),
        Reading::Person { name, role } => {
            row[10] = text(Some(name));
            row[12] = text(role.as_deref());
        }
        Reading::Quote { speaker, role, said_on } => {
            row[11] = text(speaker.as_deref());
            row[12] = text(role.as_deref());
            row[13] = owned(said_on.map(|d| d.to_string()));
        }
    }
    row
}
