//! The bulk-load tuning an import runs under: a rollback journal instead of WAL (only on a file
//! no other process can be using), a larger cache for appends, and indexes built once at the end
//! instead of row by row. Everything here changes
//! how fast a write goes, never what it writes.

use rusqlite::{OptionalExtension, Transaction};

use super::SqliteStore;
use crate::error::Error;

impl SqliteStore {
    /// Sets up a bulk write (see [`crate::store::Store::bulk`]). On a file no other process can
    /// be using ([`SqliteStore::is_private`]: this process just created it, or holds it
    /// exclusively), it writes with a rollback journal instead of WAL: in WAL every page is written
    /// twice, once to the log and once at the checkpoint, while the rollback journal of a growing
    /// file holds next to nothing. A file others may be reading stays in WAL, so they go on reading
    /// while the load runs.
    pub(crate) fn bulk_begin(&mut self) -> Result<Bulk, Error> {
        let switch = self.private
            && self.path().is_some()
            && self.conn.query_row("PRAGMA journal_mode", [], |r| r.get::<_, String>(0))? == "wal";
        if switch {
            let _: String = self.conn.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
        }
        // Appending to a large table inserts into six indexes at random places: with SQLite's
        // 2 MB cache, pages spill to disk mid-transaction and are read back. 100,000 claims into
        // 1,000,000 took 3.9 s with 2 MB, 3.3 s with 32 MB, 2.6 s with 64 MB (256 MB: no better).
        // A load into an empty table builds its indexes at the end and gains nothing, so it keeps
        // the default and its memory stays flat.
        let cache: i64 = self.conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        let appending: bool = self.conn.query_row("SELECT EXISTS (SELECT 1 FROM claims)", [], |r| r.get(0))?;
        if appending {
            self.conn.execute_batch("PRAGMA cache_size = -65536")?;
        }
        Ok(Bulk { switch, cache })
    }

    /// Puts back what [`SqliteStore::bulk_begin`] changed, once the write has ended either way.
    pub(crate) fn bulk_end(&mut self, bulk: Bulk) {
        let restored = self.conn.pragma_update(None, "cache_size", bulk.cache).and_then(|()| {
            if bulk.switch {
                let _: String = self.conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
            }
            Ok(())
        });
        // The write's outcome decides the exit status: once it has committed, failing to switch
        // back is worth a note, never an error that would say the batch was not written.
        if let Err(e) = restored {
            eprintln!("claimdb: note: the write is done, but restoring the journal mode failed: {e}");
        }
    }
}

/// What a bulk write changed, to be put back.
pub(crate) struct Bulk {
    switch: bool,
    cache: i64,
}

/// Index and trigger definitions dropped for the length of an import, and how to bring the
/// full-text index up to date afterwards.
///
/// Maintaining six indexes and the full-text index row by row makes a bulk load several times
/// slower than loading the rows and building each index once, in sorted order, at the end. So an
/// import into an empty table drops the secondary indexes and rebuilds them after; every import
/// drops the insert trigger and adds the new rows to the full-text index in one statement. All of
/// it happens inside the import's transaction, so a failed import leaves the schema as it was.
pub(super) struct Deferred {
    /// (kind, name, sql) as `sqlite_schema` holds them.
    dropped: Vec<(String, String, String)>,
    /// The claims table was empty: the full-text index is rebuilt whole.
    was_empty: bool,
    /// The highest `pk` before the import: rows above it are the new ones.
    max_pk: i64,
}

impl Deferred {
    /// Drops what is rebuilt at the end, inside `tx`.
    pub(super) fn set_aside(tx: &Transaction<'_>) -> rusqlite::Result<Deferred> {
        let (was_empty, max_pk): (bool, i64) =
            tx.query_row("SELECT max(pk) IS NULL, coalesce(max(pk), 0) FROM claims", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        let dropped: Vec<(String, String, String)> = {
            let mut stmt = tx.prepare(
                "SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = 'claims' AND sql IS NOT NULL
                 AND ((type = 'index' AND ?1) OR (type = 'trigger' AND name = 'claims_ai'))",
            )?;
            let rows = stmt.query_map([was_empty], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        for (kind, name, _) in &dropped {
            tx.execute_batch(&format!("DROP {} \"{name}\"", if kind == "index" { "INDEX" } else { "TRIGGER" }))?;
        }
        Ok(Deferred { dropped, was_empty, max_pk })
    }

    /// Brings the full-text index up to date and puts back what [`Deferred::set_aside`] dropped.
    ///
    /// FTS5 gathers new terms in memory and writes them out as a segment each time they pass its
    /// `hashsize` (1 MB by default); fewer, larger segments mean less merging later. 8 MB took the
    /// index build for 100,000 claims from 0.39 s to 0.30 s. The setting is stored in the index's
    /// config, so it goes back to what it was afterwards.
    pub(super) fn restore(&self, tx: &Transaction<'_>) -> rusqlite::Result<()> {
        let hashsize: Option<i64> =
            tx.query_row("SELECT v FROM claims_fts_config WHERE k = 'hashsize'", [], |r| r.get(0)).optional()?;
        tx.execute_batch(&fts_hashsize(8 << 20))?;
        if self.was_empty {
            tx.execute_batch("INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')")?;
        } else {
            tx.execute(
                "INSERT INTO claims_fts (rowid, quote, text) SELECT pk, quote, text FROM claims WHERE pk > ?1",
                [self.max_pk],
            )?;
        }
        match hashsize {
            Some(bytes) => tx.execute_batch(&fts_hashsize(bytes))?,
            None => {
                // FTS5 has no command to unset an option. Setting the default first keeps this
                // connection's cached config right; deleting the row leaves the file as a new one.
                tx.execute_batch(&fts_hashsize(FTS5_DEFAULT_HASHSIZE))?;
                tx.execute_batch("DELETE FROM claims_fts_config WHERE k = 'hashsize'")?;
            }
        }
        for (_, _, sql) in &self.dropped {
            tx.execute_batch(sql)?;
        }
        Ok(())
    }
}

/// FTS5's own default for `hashsize` (FTS5_DEFAULT_HASHSIZE in SQLite's source).
const FTS5_DEFAULT_HASHSIZE: i64 = 1 << 20;

fn fts_hashsize(bytes: i64) -> String {
    format!("INSERT INTO claims_fts (claims_fts, rank) VALUES ('hashsize', {bytes})")
}
