//! `claimdb annotate`: every mention the recognisers find in a text, one row each, so a user
//! sees why a claim was or was not extracted.

use std::path::Path;

use super::article;
use crate::error::Error;
use crate::exit::Outcome;
use crate::extract::{analyse, Options, Reading};
use crate::print::print_rows;
use crate::render::Layout;
use crate::rows::{Cell, Rows, Value};
use crate::settings::Settings;
use crate::text::SourceText;

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
    gazetteer: Option<&Path>,
) -> Result<Outcome, Error> {
    let published = article::published(published)?;
    let g = article::gazetteer(gazetteer)?;
    let (_, text) = article::read_text(file)?;
    let an = analyse(&text, &Options { published: article::reference_day(published), gazetteer: &g });
    for w in &an.warnings {
        crate::sanitize::say(format_args!("warning: {w}"));
    }
    let st = SourceText::new(text);
    let mut rows = Rows::new(&COLUMNS);
    let num = |v: Option<f64>| v.map_or(Value::Null, |v| Cell::number(v).into_value());
    let text_of = |s: Option<String>| s.map_or(Value::Null, Value::Text);
    for m in &an.mentions {
        let mut row = vec![Value::Null; COLUMNS.len()];
        row[0] = m.reading.kind().into();
        row[1] = st.as_str()[m.start..m.end].into();
        row[2] = st.char_offset(m.start).into();
        row[3] = st.char_offset(m.end).into();
        match &m.reading {
            Reading::Date(v) => {
                row[4] = text_of(v.map(|d| d.to_string()));
                row[5] = text_of(v.map(|d| d.grain().as_str().to_string()));
            }
            Reading::Quantity { value, low, high, qualifier, unit } => {
                row[4] = num(Some(*value));
                row[6] = num(*low);
                row[7] = num(*high);
                row[8] = qualifier.as_str().into();
                row[9] = text_of(unit.clone());
            }
            Reading::Place { name } | Reading::Party { name } => row[10] = name.as_str().into(),
            Reading::Person { name, role } => {
                row[10] = name.as_str().into();
                row[12] = text_of(role.clone());
            }
            Reading::Quote { speaker, role, said_on } => {
                row[11] = text_of(speaker.clone());
                row[12] = text_of(role.clone());
                row[13] = text_of(said_on.map(|d| d.to_string()));
            }
        }
        rows.push(row);
    }
    print_rows(&settings.output, &rows, Layout::Across)
}
