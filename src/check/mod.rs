//! `check`: a verdict on a statement against the stored sources, with the claims that decide it
//! and a reason in one sentence. The statement is read by ingest's recognisers ([`reading`]),
//! compared with claims the store finds through the query compiler's predicates ([`evidence`]):
//! figures as intervals ([`figures`]), quotations word by word ([`said`]), dates by their span
//! ([`dates`]). Every rule is in README, "Checking a statement".

pub mod conflicts;
pub(crate) mod dates;
pub mod evidence;
mod figures;
pub mod interval;
pub mod quote;
pub mod reading;
mod said;

use serde::Serialize;

use crate::error::Error;
use crate::extract::gazetteer::Gazetteer;
use crate::model::DateSpan;
use crate::store::Store;
use evidence::{Evidence, Library};
use quote::Change;
use reading::Reading;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Supported,
    Contradicted,
    Conflicting,
    Unverified,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::Contradicted => "contradicted",
            Verdict::Conflicting => "conflicting",
            Verdict::Unverified => "unverified",
        }
    }
}

/// How one piece of evidence bears on the statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Bearing {
    /// It implies the statement.
    Supports,
    /// It cannot hold with the statement.
    Contradicts,
    /// Another source about the same thing at the same time disagrees with it.
    Conflicts,
    /// It may hold with the statement but does not imply it.
    Compatible,
    /// It held earlier than the time judged, and differed.
    Earlier,
}

impl Bearing {
    pub fn as_str(self) -> &'static str {
        match self {
            Bearing::Supports => "supports",
            Bearing::Contradicts => "contradicts",
            Bearing::Conflicts => "conflicts",
            Bearing::Compatible => "compatible",
            Bearing::Earlier => "earlier",
        }
    }
}

/// A claim cited for a verdict.
#[derive(Debug, Clone)]
pub struct Cited {
    pub evidence: Evidence,
    pub bearing: Bearing,
}

/// A statement's verdict with everything that explains it.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub statement: String,
    pub verdict: Verdict,
    pub reason: String,
    pub reading: Reading,
    pub evidence: Vec<Cited>,
    /// For a misquote: how the statement's words differ from the source's.
    pub changes: Vec<Change>,
}

/// The verdict on one part of a statement (a figure, a quotation, a date).
#[derive(Debug, Clone)]
pub(crate) struct Part {
    verdict: Verdict,
    reason: String,
    evidence: Vec<Cited>,
    changes: Vec<Change>,
}

impl Part {
    fn unverified(reason: impl Into<String>) -> Part {
        Part { verdict: Verdict::Unverified, reason: reason.into(), evidence: Vec::new(), changes: Vec::new() }
    }

    fn new(verdict: Verdict, reason: impl Into<String>, evidence: Vec<Cited>) -> Part {
        // Never guess: only evidence decides.
        let verdict = if evidence.is_empty() { Verdict::Unverified } else { verdict };
        Part { verdict, reason: reason.into(), evidence, changes: Vec::new() }
    }
}

/// Checks statements against one store.
pub struct Checker<'s> {
    lib: Library<'s>,
    gazetteer: &'s Gazetteer,
    /// Judge as of this day: evidence that holds only after it is left out.
    as_of: Option<DateSpan>,
}

impl<'s> Checker<'s> {
    pub fn new(store: &'s Store, gazetteer: &'s Gazetteer, as_of: Option<DateSpan>) -> Result<Checker<'s>, Error> {
        Ok(Checker { lib: Library::new(store, gazetteer)?, gazetteer, as_of })
    }

    pub fn check(&self, statement: &str) -> Result<Outcome, Error> {
        self.lib.take_cut();
        let reading = Reading::of(statement, self.gazetteer);
        let mut parts = Vec::new();
        for q in &reading.quotes {
            parts.push(said::judge(&self.lib, q)?);
        }
        if parts.is_empty() {
            for f in &reading.figures {
                parts.push(figures::judge(&self.lib, f, statement, self.as_of)?);
            }
        }
        if parts.is_empty() && !reading.dates.is_empty() {
            parts.push(dates::judge(&self.lib, statement, &reading.dates, &reading.places)?);
        }
        if parts.is_empty() {
            parts.push(Part::unverified(
                "claimdb could not read a figure, a date or a quotation in the statement, so nothing stored can decide it",
            ));
        }
        let mut part = combine(parts);
        if self.lib.take_cut() {
            part.reason = format!(
                "{} (a lookup matched more than {} claims and read the first {}: narrow the statement's place or date)",
                part.reason,
                evidence::LOOKUP_LIMIT,
                evidence::LOOKUP_LIMIT
            );
        }
        for name in &reading.people {
            if self.lib.entities.find(name).is_none()
                && part.verdict == Verdict::Unverified
                && !part.reason.contains(&format!("no entity named {name}"))
            {
                let hint = self.lib.entities.suggest(name).map(|s| format!("; did you mean {s}?")).unwrap_or_default();
                part.reason = format!("{} (no entity named {name}{hint})", part.reason);
            }
        }
        Ok(Outcome {
            statement: statement.to_string(),
            verdict: part.verdict,
            reason: part.reason,
            reading,
            evidence: part.evidence,
            changes: part.changes,
        })
    }
}

/// A statement of several parts holds when every part does; one part contradicted contradicts it.
fn combine(mut parts: Vec<Part>) -> Part {
    if parts.len() == 1 {
        return parts.pop().expect("one part");
    }
    let verdict = if parts.iter().any(|p| p.verdict == Verdict::Contradicted) {
        Verdict::Contradicted
    } else if parts.iter().any(|p| p.verdict == Verdict::Conflicting) {
        Verdict::Conflicting
    } else if parts.iter().all(|p| p.verdict == Verdict::Supported) {
        Verdict::Supported
    } else {
        Verdict::Unverified
    };
    let reason = parts.iter().map(|p| p.reason.as_str()).collect::<Vec<_>>().join("; ");
    let mut evidence: Vec<Cited> = Vec::new();
    let mut changes = Vec::new();
    for p in parts {
        for c in p.evidence {
            if !evidence.iter().any(|e| e.evidence.claim.id() == c.evidence.claim.id()) {
                evidence.push(c);
            }
        }
        changes.extend(p.changes);
    }
    Part { verdict, reason, evidence, changes }
}

/// "a source (title, 2025-01-06)" for reasons.
fn cite(e: &Evidence) -> String {
    match e.span() {
        Some(d) => format!("{} ({})", e.source.id, d),
        None => e.source.id.clone(),
    }
}
