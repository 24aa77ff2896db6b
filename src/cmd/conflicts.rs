//! `claimdb conflicts [QUERY…]`: pairs of claims from different sources about the same thing at
//! the same time whose figures cannot both hold, one row a pair.

use crate::check::conflicts::pairs;
use crate::check::evidence::{Evidence, Library};
use crate::columns::Target;
use crate::dsl::{parse, resolve};
use crate::error::Error;
use crate::exit::Outcome;
use crate::print::print_rows;
use crate::render::Layout;
use crate::rows::{Rows, Value};
use crate::settings::Settings;
use crate::store::Store;

/// The columns, documented in README ("Checking a statement").
const COLUMNS: [&str; 13] = [
    "kind",
    "party",
    "location",
    "id",
    "source",
    "figure",
    "holds_for",
    "quote",
    "other_id",
    "other_source",
    "other_figure",
    "other_holds_for",
    "other_quote",
];

pub fn run(store: &Store, settings: &Settings, query: &str) -> Result<Outcome, Error> {
    let query = if query.trim().is_empty() { "claims" } else { query };
    let render = |e: crate::dsl::QueryError| Error::msg(e.render(query));
    let resolved = resolve(&parse(query).map_err(render)?).map_err(render)?;
    if !matches!(resolved.target, Target::Claims(_)) {
        return Err(Error::msg(format!("conflicts are between claims; `{query}` asks for {}", resolved.target.name())));
    }
    let lib = Library::new(store, crate::extract::gazetteer::Gazetteer::builtin())?;
    let mut found = lib.matching(resolved)?;
    found.retain(|e| e.claim.quantity().is_some());
    let mut rows = Rows::new(&COLUMNS);
    let text = |s: String| Value::Text(s);
    let opt = |s: Option<&str>| s.map_or(Value::Null, |s| Value::Text(s.to_string()));
    let figure = |e: &Evidence| e.claim.quantity().map_or(Value::Null, |q| text(q.to_string()));
    let time = |e: &Evidence| opt(e.span().map(|t| t.to_string()).as_deref());
    for (a, b) in pairs(&lib.entities, found) {
        rows.push(vec![
            text(a.claim.kind().as_str().into()),
            opt(a.claim.party()),
            opt(a.claim.location()),
            text(a.claim.id().into()),
            text(a.source.id.clone()),
            figure(&a),
            time(&a),
            text(a.claim.quote().into()),
            text(b.claim.id().into()),
            text(b.source.id.clone()),
            figure(&b),
            time(&b),
            text(b.claim.quote().into()),
        ]);
    }
    print_rows(&settings.output, &rows, Layout::Across)
}
