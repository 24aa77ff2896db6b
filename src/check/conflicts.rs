//! Pairs of claims from different sources about the same thing at the same time whose figures
//! cannot both hold: `claimdb conflicts`, and the `conflicting` verdict's rule (README,
//! "Conflicting").

use std::collections::HashMap;

use super::evidence::{Entities, Evidence};
use super::figures::{family, interval_of, side_of, Side};
use crate::model::{Kind, Modality};

/// What makes two claims about the same thing: kind, what is counted, party, place, and whether
/// civilians or fighters.
type Thing = (Kind, String, String, String, Option<Side>);

fn thing(ents: &Entities, e: &Evidence) -> Option<Thing> {
    let q = e.claim.quantity()?;
    if e.claim.modality() != Modality::Asserted {
        return None;
    }
    let canon = |n: Option<&str>| n.map(|n| ents.canonical(n)).unwrap_or_default();
    let unit = if e.claim.kind().is_state() { "troops".into() } else { family(q.unit()) };
    Some((e.claim.kind(), unit, canon(e.claim.party()), canon(e.claim.location()), side_of(e)))
}

/// Every conflicting pair among `claims`, earlier-starting claim first. Both must hold for a
/// known time; within one thing, claims are swept in time order, so only overlapping ones meet.
pub fn pairs(ents: &Entities, claims: Vec<Evidence>) -> Vec<(Evidence, Evidence)> {
    let mut things: HashMap<Thing, Vec<Evidence>> = HashMap::new();
    for e in claims {
        if e.span().is_none() {
            continue;
        }
        if let Some(key) = thing(ents, &e) {
            things.entry(key).or_default().push(e);
        }
    }
    let mut keys: Vec<_> = things.keys().cloned().collect();
    keys.sort();
    let mut out = Vec::new();
    for key in keys {
        let mut group = things.remove(&key).unwrap_or_default();
        group.sort_by_key(|e| (e.span().map(|t| t.first_day()), e.claim.id().to_string()));
        for (i, a) in group.iter().enumerate() {
            let end = a.span().map(|t| t.last_day());
            for b in &group[i + 1..] {
                if b.span().map(|t| t.first_day()) > end {
                    break;
                }
                let events = !a.claim.kind().is_state();
                if a.source.id != b.source.id && a.same_time(b, events) && disagree(a, b) {
                    out.push((a.clone(), b.clone()));
                }
            }
        }
    }
    out
}

pub fn disagree(a: &Evidence, b: &Evidence) -> bool {
    match (interval_of(a), interval_of(b)) {
        (Some(x), Some(y)) => !x.meets(y),
        _ => false,
    }
}
