//! Moving a whole database from one store to another, whichever engines they are: entities
//! (parents first), sources (with the time they were added) and claims, through an import's one
//! transaction, so the copy checks every record as an import does and appears whole or not at all.

use super::read::{claim_keys, claim_object, stored_claim};
use super::write::ImportStats;
use super::Store;
use crate::error::Error;

/// Copies everything `from` holds into `to`, as of one moment of `from`.
pub fn copy(from: &Store, to: &mut Store) -> Result<ImportStats, Error> {
    from.snapshot(|from| {
        to.bulk(|to| {
            let mut importer = to.importer()?;
            let fail = |what: String| move |e: String| Error::msg(format!("{what}: {e}\nnothing was copied"));
            for e in from.entities()? {
                let name = format!("entity `{}`", e.name());
                importer.entity(&name, e).map_err(fail(name.clone()))?;
            }
            for id in from.source_ids()? {
                let source = from.source(&id)?.ok_or_else(|| Error::msg(format!("source `{id}` vanished")))?;
                importer.source(source).map_err(fail(format!("source `{id}`")))?;
            }
            let keys = claim_keys();
            let mut failed: Option<Error> = None;
            from.each_claim(None, |cells| {
                let object = claim_object(&keys, cells);
                let id = object.get("id").and_then(|v| v.as_str()).unwrap_or_default().to_string();
                let added = stored_claim(&id, object)
                    .and_then(|claim| importer.claim(("copy", 0), claim).map_err(fail(format!("claim `{id}`"))));
                match added {
                    Ok(()) => Ok(()),
                    Err(e) => {
                        failed = Some(e);
                        Err(std::io::Error::other("stopped"))
                    }
                }
            })
            .map_err(|e| failed.take().unwrap_or(e))?;
            importer.finish().map_err(|e| Error::msg(format!("{e}\nnothing was copied")))
        })
    })
}
