//! `claimdb show ID`: one claim, every field from the field table, with its sentence in context.

use crate::columns::CLAIM_FIELDS;
use crate::error::Error;
use crate::exit::Outcome;
use crate::extract::sentences::sentence_around;
use crate::print::print_rows;
use crate::render::Layout;
use crate::rows::{Rows, Value};
use crate::settings::Settings;
use crate::store::Store;
use crate::text::SourceText;

pub fn run(store: &Store, settings: &Settings, id: &str) -> Result<Outcome, Error> {
    store.snapshot(|store| show(store, settings, id))
}

fn show(store: &Store, settings: &Settings, id: &str) -> Result<Outcome, Error> {
    let Some(claim) = store.claim(id)? else {
        let near = store.claim_ids_like(&id.chars().take(2).collect::<String>(), 5)?;
        let hint = if near.is_empty() { String::new() } else { format!(" (ids like it: {})", near.join(", ")) };
        crate::sanitize::say(format_args!("no claim `{id}`{hint}"));
        return Ok(Outcome::NothingFound);
    };
    let source = store
        .source(claim.source())?
        .ok_or_else(|| Error::msg(format!("claim `{id}` points at missing source `{}`", claim.source())))?;
    let text = SourceText::new(source.into_text());
    let (qs, qe) = match (text.byte(claim.span().start()), text.byte(claim.span().end())) {
        (Some(s), Some(e)) => (s, e),
        _ => return Err(Error::msg(format!("claim `{id}` lies outside its source; run `claimdb verify`"))),
    };
    let t = text.as_str();
    let (ss, se) = sentence_around(t, qs, qe);
    // People get every field and the figure as it reads; programs every stored field.
    let people = settings.output.format.is_for_people();
    let fields = CLAIM_FIELDS.iter().filter(|f| people || f.claim.as_ref().is_some_and(|c| c.stored.is_some()));
    let (mut columns, mut values): (Vec<&str>, Vec<Value>) =
        fields.map(|f| (f.name, f.claim.as_ref().map_or(Value::Null, |c| (c.get)(&claim).into_value()))).unzip();
    if people {
        columns.push("context");
        values.push(format!("{}«{}»{}", &t[ss..qs], &t[qs..qe], &t[qe..se]).into());
    } else {
        columns.extend(["context", "context_start", "context_end"]);
        values.push(t[ss..se].to_string().into());
        values.push(text.char_offset(ss).into());
        values.push(text.char_offset(se).into());
    }
    let mut rows = Rows::new(&columns);
    rows.push(values);
    print_rows(&settings.output, &rows, Layout::Down)
}
