//! What the stages' tests share: the whole pipeline run on a short text, so a stage's test reads
//! its rule in the claims it makes ("A fifth soldier died" is a casualty), as users see them.

pub use super::gazetteer::Gazetteer;
pub use super::{analyse, Analysis, Options};
pub use crate::model::{EntityKind, Kind};

/// What the extractor reads in `text` with no publication date and the built-in gazetteer.
pub fn undated(text: &str) -> Analysis {
    analyse(text, &Options { published: None, gazetteer: Gazetteer::builtin(), title: None })
}

/// Each claim of `text`, published on Tuesday 2025-01-07, as "kind value quote date".
pub fn claims_of(text: &str) -> Vec<String> {
    let an = analyse(
        text,
        &Options { published: Some("2025-01-07".parse().unwrap()), gazetteer: Gazetteer::builtin(), title: None },
    );
    an.claims
        .iter()
        .map(|c| {
            let date = c.date.map(|d| d.to_string()).unwrap_or_default();
            format!(
                "{} {} {} {date}",
                c.kind,
                c.value.map(|v| v.to_string()).unwrap_or_default(),
                &text[c.start..c.end]
            )
        })
        .collect()
}
