//! `claimdb fields`: every target and field of the language, its type and an example, as rows,
//! read from the one field table ([`crate::columns`]) the resolver checks queries against.

use crate::columns::{Target, TARGETS};
use crate::rows::Rows;

/// The fields of every base target, or of the one named.
pub fn listing(target: Option<&str>) -> Result<Rows, String> {
    let targets: Vec<(&str, Target)> = match target {
        None => Target::BASE.iter().map(|&t| (t.name(), t)).collect(),
        Some(name) => match TARGETS.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
            Some(&(n, t)) => vec![(n, t)],
            None => {
                let names: Vec<&str> = TARGETS.iter().map(|(n, _)| *n).collect();
                return Err(format!("no target `{name}`; the targets are {}", names.join(", ")));
            }
        },
    };
    let mut rows = Rows::new(&["target", "field", "type", "example"]);
    for (name, target) in targets {
        for f in target.fields() {
            rows.push(vec![name.into(), f.name.into(), f.ty.describe().into(), f.example.into()]);
        }
    }
    Ok(rows)
}
