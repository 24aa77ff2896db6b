//! The built-in sample: the January 2025 article on operations against ISIS and its hand-checked
//! claims, compiled into the binary so the tool answers questions with no set-up.
//!
//! The binary carries the sample twice: as the files it is made from (which `claimdb init`
//! imports, so the import path is the one users take) and as a prebuilt database image, which
//! commands without a database open in a few microseconds instead of importing the files on every
//! run. A test keeps the image equal to what the files import to; `cargo run --example
//! sample_image` rebuilds it after the files change.

use crate::error::Error;
use crate::import::{import, Input, Stream, TextFiles};
use crate::store::Store;

pub const ARTICLE: &str = include_str!("../examples/sample/article.txt");
pub const ENTITIES: &str = include_str!("../examples/sample/entities.ndjson");
pub const CLAIMS: &str = include_str!("../examples/sample/claims.ndjson");

/// The database the files above import to, as SQLite's file bytes.
pub const IMAGE: &[u8] = include_bytes!("../examples/sample/sample.db");

/// Where `cargo run --example sample_image` writes [`IMAGE`].
pub const IMAGE_PATH: &str = "examples/sample/sample.db";

const TEXTS: &[(&str, &str)] = &[("article.txt", ARTICLE)];

/// The sample, in memory, from its prebuilt image.
pub fn open() -> Result<Store, Error> {
    Store::open_image(IMAGE)
}

/// Imports the sample into `store`.
pub fn load(store: &mut Store) -> Result<(), Error> {
    let input = |name: &str, text: &'static str| Input {
        name: format!("(built-in) {name}"),
        from: Stream::Text(text),
        text_files: TextFiles::Embedded(TEXTS),
    };
    import(store, &[input("entities.ndjson", ENTITIES), input("claims.ndjson", CLAIMS)], false)?;
    Ok(())
}

/// Builds the sample from its files into a fresh in-memory database and returns its bytes.
pub fn build_image() -> Result<Vec<u8>, Error> {
    let mut store = Store::empty_in_memory()?;
    load(&mut store)?;
    let sqlite = store.sqlite().expect("an in-memory store is SQLite");
    Ok(sqlite.connection().serialize(rusqlite::MAIN_DB)?.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::types::Value;
    use rusqlite::Connection;

    /// Every row of every table, shadow tables of the full-text index included, with the schema.
    fn contents(conn: &Connection) -> Vec<(String, Vec<Vec<Value>>)> {
        let tables: Vec<String> = conn
            .prepare(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let mut all = vec![];
        for t in tables.iter().map(String::as_str).chain(["sqlite_schema"]) {
            let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\" ORDER BY 1, 2")).unwrap();
            let n = stmt.column_count();
            let rows = stmt
                .query_map([], |r| (0..n).map(|i| r.get::<_, Value>(i)).collect::<Result<Vec<_>, _>>())
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            all.push((t.to_string(), rows));
        }
        all
    }

    #[test]
    fn the_image_is_what_the_files_import_to() {
        let mut built = Store::empty_in_memory().unwrap();
        load(&mut built).unwrap();
        let shipped = open().unwrap();
        let (want, got) =
            (contents(built.sqlite().unwrap().connection()), contents(shipped.sqlite().unwrap().connection()));
        assert!(want.iter().any(|(t, rows)| t == "claims" && rows.len() == 34), "the sample has its 34 claims");
        assert!(
            want == got,
            "examples/sample/sample.db is out of date with the sample's files: \
             run `cargo run --example sample_image` and commit the result"
        );
    }
}
