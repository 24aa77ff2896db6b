//! `claimdb timeline [QUERY…]`: the claims a query matches, by the days they hold for, on an
//! axis sized to the terminal; `--html FILE` draws the same as an SVG page.

use std::path::Path;

use crate::check::evidence::Library;
use crate::columns::Target;
use crate::dsl::{parse, resolve};
use crate::error::Error;
use crate::exit::Outcome;
use crate::extract::gazetteer::Gazetteer;
use crate::settings::Settings;
use crate::store::Store;
use crate::view::timeline::{lines, page, Item};

/// Columns when neither --width nor a terminal says.
const DEFAULT_WIDTH: usize = 100;

pub fn run(
    store: &Store,
    settings: &Settings,
    query: &str,
    width: Option<usize>,
    html: Option<&Path>,
) -> Result<Outcome, Error> {
    let query = if query.trim().is_empty() { "claims" } else { query };
    let render = |e: crate::dsl::QueryError| Error::msg(e.render(query));
    let resolved = resolve(&parse(query).map_err(render)?).map_err(render)?;
    if !matches!(resolved.target, Target::Claims(_)) {
        return Err(Error::msg(format!("a timeline lays out claims; `{query}` asks for {}", resolved.target.name())));
    }
    let lib = Library::new(store, Gazetteer::builtin())?;
    let found = lib.matching(resolved)?;
    let undated = found.iter().filter(|e| e.time.is_none()).count();
    let mut items: Vec<Item> = found
        .iter()
        .filter_map(|e| {
            let (t, _) = e.time?;
            let c = &e.claim;
            let label = match c.quantity() {
                Some(q) => {
                    format!("{q} · {}", c.quote())
                }
                None => format!("{} · {}", c.kind().as_str(), c.quote()),
            };
            Some(Item { id: c.id().into(), source: c.source().into(), label, first: t.first_day(), last: t.last_day() })
        })
        .collect();
    items.sort_by(|a, b| (a.first, a.last, &a.id).cmp(&(b.first, b.last, &b.id)));
    if undated > 0 {
        crate::sanitize::say(format_args!(
            "note: {undated} claim{} with no date, said_on or published date left off",
            if undated == 1 { "" } else { "s" }
        ));
    }
    if let Some(path) = html {
        std::fs::write(path, page(&items, &format!("Timeline: {query}")))
            .map_err(|e| Error::msg(format!("cannot write {}: {e}", path.display())))?;
    } else {
        let width = width.or(settings.output.width.map(usize::from)).unwrap_or(DEFAULT_WIDTH);
        let text: String = lines(&items, width).into_iter().map(|l| l + "\n").collect();
        crate::print::print(|out| out.write_all(text.as_bytes()))?;
    }
    Ok(Outcome::from_count(items.len()))
}
