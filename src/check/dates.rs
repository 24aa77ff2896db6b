//! A dated statement with no figure ("the caliphate was defeated in 2019") against the stored
//! claims that say the same words with a date: README, "Time" (dates are intervals by grain).

use super::evidence::{Evidence, Library};
use super::quote::words;
use super::{cite, Bearing, Cited, Part, Verdict};
use crate::error::Error;
use crate::extract::gazetteer::Gazetteer;
use crate::model::DateSpan;

/// Words too common to say what a statement is about.
const COMMON: &str = include_str!("common.txt");

/// The share of a statement's content words a claim must hold to be about the same thing.
const OVERLAP: f64 = 0.6;

static COMMON_WORDS: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| COMMON.split_whitespace().collect());

fn content(text: &str) -> Vec<String> {
    let common = &*COMMON_WORDS;
    // Names by what they name: "ISIS" and "the Islamic State" are one word here.
    let g = Gazetteer::builtin();
    let mut names: Vec<String> = Vec::new();
    let mut rest = String::with_capacity(text.len());
    let mut at = 0;
    for f in g.find(text) {
        rest.push_str(&text[at..f.start]);
        rest.push(' ');
        names.push(format!("={}", g.entry(f.entry).name.to_lowercase()));
        at = f.end;
    }
    rest.push_str(&text[at..]);
    let text = rest.as_str();
    let mut out: Vec<String> = names;
    out.extend(
        words(text)
            .into_iter()
            .filter(|w| {
                w.len() > 2 && !w.chars().all(|c| c.is_ascii_digit() || c == ',') && !common.contains(&w.as_str())
            })
            .map(|w| stem(&w)),
    );
    out.sort();
    out.dedup();
    out
}

/// A crude stem, the same for both sides of a comparison: "defeated" and "defeat" both become
/// "defeat", "strikes" and "striking" both "strik".
fn stem(w: &str) -> String {
    for suffix in ["ing", "ed", "es", "e", "s"] {
        if w.len() > suffix.len() + 3 {
            if let Some(s) = w.strip_suffix(suffix) {
                return s.to_string();
            }
        }
    }
    w.to_string()
}

/// Whether a claim's words hold half a statement's content words: enough to say two
/// figures of the same kind, place and party are one event told with another date.
pub fn shares_words(statement: &str, theirs: &str) -> bool {
    let mine = content(statement);
    let theirs = content(theirs);
    !mine.is_empty() && 2 * mine.iter().filter(|w| theirs.contains(w)).count() >= mine.len()
}

pub fn judge(lib: &Library, statement: &str, dates: &[DateSpan], places: &[String]) -> Result<Part, Error> {
    let d = dates[0];
    let mine = content(statement);
    if mine.is_empty() {
        return Ok(Part::unverified(format!("nothing in the statement besides {d} to look up")));
    }
    // The full-text index finds claims holding the rarest-looking (longest) words; the overlap
    // of all content words then decides which are about the same thing.
    let mut keys: Vec<String> = words(statement)
        .into_iter()
        .filter(|w| w.len() > 3 && w.chars().all(|c| c.is_alphabetic()) && content(w).len() == 1)
        .collect();
    keys.sort_by_key(|w| std::cmp::Reverse(w.len()));
    keys.truncate(2);
    let mut found: Vec<Evidence> = Vec::new();
    for k in &keys {
        for e in lib.mentioning(k)?.iter() {
            if !found.iter().any(|f| f.claim.id() == e.claim.id()) {
                found.push(e.clone());
            }
        }
    }
    let about: Vec<(Evidence, DateSpan)> = found
        .into_iter()
        .filter_map(|e| {
            let date = e.claim.date()?;
            // A place the statement names must be the claim's, or inside it, or in its words.
            let placed = places.iter().all(|p| {
                e.claim.location().is_some_and(|l| lib.entities.within(l, p))
                    || e.claim.text().contains(p.as_str())
                    || e.claim.quote().contains(p.as_str())
            });
            if !placed {
                return None;
            }
            let theirs = content(&format!("{} {}", e.claim.text(), e.claim.quote()));
            let shared = mine.iter().filter(|w| theirs.contains(w)).count();
            (shared as f64 / mine.len() as f64 >= OVERLAP).then_some((e, date))
        })
        .collect();
    if about.is_empty() {
        return Ok(Part::unverified(format!("no stored claim with a date is about what the statement dates {d}")));
    }
    let inside: Vec<&(Evidence, DateSpan)> =
        about.iter().filter(|(_, t)| d.first_day() <= t.first_day() && t.last_day() <= d.last_day()).collect();
    if let Some((e, t)) = inside.first() {
        return Ok(Part::new(
            Verdict::Supported,
            format!("{} dates it {t}, within {d}", cite(e)),
            inside.iter().map(|(e, _)| Cited { evidence: e.clone(), bearing: Bearing::Supports }).collect(),
        ));
    }
    if about.iter().all(|(_, t)| !t.overlaps(d)) {
        let (e, t) = &about[0];
        return Ok(Part::new(
            Verdict::Contradicted,
            format!("{} dates it {t}, not {d}", cite(e)),
            about.iter().map(|(e, _)| Cited { evidence: e.clone(), bearing: Bearing::Contradicts }).collect(),
        ));
    }
    let (e, t) = about.iter().find(|(_, t)| t.overlaps(d)).expect("one overlaps");
    Ok(Part::new(
        Verdict::Unverified,
        format!("{} dates it {t}, which meets {d} but does not show it", cite(e)),
        vec![Cited { evidence: e.clone(), bearing: Bearing::Compatible }],
    ))
}
