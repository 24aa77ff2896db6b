//! The built-in sample: the January 2025 article on operations against ISIS and its hand-checked
//! claims, compiled into the binary so the tool answers questions with no set-up.

use crate::error::Error;
use crate::import::{import, Input, Stream, TextFiles};
use crate::store::Store;

pub const ARTICLE: &str = include_str!("../examples/sample/article.txt");
pub const ENTITIES: &str = include_str!("../examples/sample/entities.ndjson");
pub const CLAIMS: &str = include_str!("../examples/sample/claims.ndjson");

const TEXTS: &[(&str, &str)] = &[("article.txt", ARTICLE)];

/// Imports the sample into `store`.
pub fn load(store: &mut Store) -> Result<(), Error> {
    let input = |name: &str, text: &'static str| Input {
        name: format!("(built-in) {name}"),
        from: Stream::Text(text),
        text_files: TextFiles::Embedded(TEXTS),
    };
    import(store, &[input("entities.ndjson", ENTITIES), input("claims.ndjson", CLAIMS)])?;
    Ok(())
}
