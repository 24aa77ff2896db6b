//! `claimdb view`: a source's page (its text with every claim highlighted), or with `--all` a
//! folder of pages and an index. Reads the database only.

use std::path::Path;

use crate::check::conflicts::pairs;
use crate::check::evidence::{Evidence, Library};
use crate::error::Error;
use crate::exit::Outcome;
use crate::extract::gazetteer::Gazetteer;
use crate::store::Store;
use crate::view::{index_page, page_name, source_page, Conflict};

pub fn run(store: &Store, source: Option<&str>, all: bool, output: Option<&Path>) -> Result<Outcome, Error> {
    let lib = Library::new(store, Gazetteer::builtin())?;
    let claims = lib.everything()?;
    let found = pairs(&lib.entities, claims.clone());
    let conflicts: Vec<Conflict> = found
        .iter()
        .flat_map(|(a, b)| [Conflict { claim: a.claim.id(), other: b }, Conflict { claim: b.claim.id(), other: a }])
        .collect();
    let of = |id: &str| -> Vec<&Evidence> { claims.iter().filter(|e| e.source.id == id).collect() };
    if all {
        let dir = output.expect("clap requires -o with --all");
        std::fs::create_dir_all(dir).map_err(|e| Error::msg(format!("cannot create {}: {e}", dir.display())))?;
        let ids = store.source_ids()?;
        let mut listed = Vec::new();
        for id in &ids {
            let s = lib.source(id)?;
            let mine = of(id);
            write(&dir.join(page_name(id)), &source_page(&s, &mine, &conflicts, true))?;
            listed.push((s, mine.len()));
        }
        let rows: Vec<_> = listed.iter().map(|(s, n)| (s.as_ref(), *n)).collect();
        write(&dir.join("index.html"), &index_page(&rows))?;
        crate::sanitize::say(format_args!("wrote {} pages and index.html to {}", ids.len(), dir.display()));
        return Ok(Outcome::Found);
    }
    let id = source.expect("clap requires a source without --all");
    if !store.has_source(id)? {
        let ids = store.source_ids()?;
        let hint = crate::dsl::error::did_you_mean(id, ids.iter().map(String::as_str))
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_else(|| " (`claimdb sources` lists them)".into());
        return Err(Error::msg(format!("no source `{id}`{hint}")));
    }
    let s = lib.source(id)?;
    let page = source_page(&s, &of(id), &conflicts, false);
    match output {
        Some(path) => write(path, &page)?,
        None => crate::print::print(|out| out.write_all(page.as_bytes()))?,
    }
    Ok(Outcome::Found)
}

fn write(path: &Path, page: &str) -> Result<(), Error> {
    std::fs::write(path, page).map_err(|e| Error::msg(format!("cannot write {}: {e}", path.display())))
}
