//! Turning points a sentence dates: "is scheduled to end in September 2025", "was
//! territorially defeated in 2019".

use crate::extract::tokens::{self, Token};

/// Verbs of a turning point: something begun, ended, completed, founded or defeated.
pub const TURNING: &[&str] = &[
    "began",
    "begin",
    "begins",
    "started",
    "start",
    "starts",
    "ended",
    "end",
    "ends",
    "completed",
    "complete",
    "concluded",
    "conclude",
    "established",
    "founded",
    "formed",
    "defeated",
    "withdrew",
    "withdraw",
    "expire",
    "expires",
    "expired",
    "declared",
    "erupted",
    "assumed",
    "resumed",
    "ceased",
    "collapsed",
];

/// A turning point a sentence dates: "is scheduled to end in September 2025", "which was
/// territorially defeated in 2019", "it began in 1984", "Established by CENTCOM in 2014". The
/// verb, with the date after it in its clause (within ten words: "is not expected to be
/// completed until January"); `dates` are the sentence's date mentions as (first token, end).
/// Returns (verb, end of the date).
pub fn milestone(st: &[Token], dates: &[(usize, usize)]) -> Option<(usize, usize)> {
    // A milestone is dated: most sentences have no date and need no look for a turning verb.
    let last = dates.iter().map(|d| d.0).max()?;
    let v = st[..last].iter().position(|t| {
        t.has(tokens::class::TURNING) && (!t.is_capitalized() || t.is("Established") || t.is("Founded"))
    })?;
    let (_, end) = dates
        .iter()
        .copied()
        .find(|&(d, _)| d > v && d <= v + 10 && !st[v + 1..d].iter().any(|t| t.is_punct(',') || t.is_punct(';')))?;
    Some((v, end))
}
