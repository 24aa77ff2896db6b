//! `claimdb check`: verdicts on statements, printed as rows for people and scripts, as JSON
//! objects with their evidence, or as schema.org ClaimReview. The JSON keys are documented in
//! README ("Checking a statement").

use std::path::Path;

use serde_json::{json, Value as Json};

use super::article;
use crate::check::evidence::Evidence;
use crate::check::{Checker, Cited, Outcome as Checked, Verdict};
use crate::cli::CheckFormat;
use crate::error::Error;
use crate::exit::Outcome;
use crate::extract::gazetteer::Gazetteer;
use crate::model::DateSpan;
use crate::print::{print, print_rows};
use crate::render::{json_io, Layout};
use crate::rows::{Rows, Value};
use crate::settings::Settings;
use crate::store::Store;

/// How many characters of context a `TextQuoteSelector` keeps on each side.
const CONTEXT: usize = 32;

/// `check`'s own flags.
pub struct Flags<'a> {
    pub file: Option<&'a Path>,
    pub as_of: Option<&'a str>,
    pub format: Option<CheckFormat>,
    pub html: Option<&'a Path>,
}

pub fn run(store: &Store, settings: &Settings, statements: &[String], flags: &Flags) -> Result<Outcome, Error> {
    let Flags { file, as_of, format, html } = *flags;
    let as_of = as_of.map(|s| DateSpan::parse(s).map_err(|e| Error::msg(format!("--as-of `{s}`: {e}")))).transpose()?;
    let mut all: Vec<String> = Vec::new();
    let stdin_named = statements.iter().any(|s| s == "-");
    if let Some(path) = file.or(stdin_named.then_some(Path::new("-"))) {
        let (_, text) = article::read_text(path)?;
        all.extend(text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(str::to_string));
    }
    all.extend(statements.iter().filter(|s| *s != "-").cloned());
    if all.is_empty() {
        return Err(Error::msg("nothing to check: give a statement, or -f FILE (one statement a line)"));
    }
    let checker = Checker::new(store, Gazetteer::builtin(), as_of)?;
    let mut outcomes = Vec::with_capacity(all.len());
    for s in &all {
        outcomes.push(checker.check(s)?);
    }
    let every = outcomes.iter().all(|o| o.verdict == Verdict::Supported);
    if let Some(path) = html {
        std::fs::write(path, crate::view::checks_page(&outcomes))
            .map_err(|e| Error::msg(format!("cannot write {}: {e}", path.display())))?;
    }
    match format {
        Some(CheckFormat::Json) => print(|out| {
            let items: Vec<Json> = outcomes.iter().map(to_json).collect();
            serde_json::to_writer_pretty(&mut *out, &items).map_err(json_io)?;
            writeln!(out)
        })?,
        Some(CheckFormat::Ndjson) => print(|out| {
            for o in &outcomes {
                serde_json::to_writer(&mut *out, &to_json(o)).map_err(json_io)?;
                writeln!(out)?;
            }
            Ok::<(), std::io::Error>(())
        })?,
        Some(CheckFormat::Claimreview) => print(|out| {
            let today = jiff::Zoned::now().date().to_string();
            let items: Vec<Json> = outcomes.iter().map(|o| claim_review(o, &today)).collect();
            serde_json::to_writer_pretty(&mut *out, &items).map_err(json_io)?;
            writeln!(out)
        })?,
        _ => {
            print_rows(&settings.output, &rows(&outcomes, settings.output.format.is_for_people()), Layout::Across)?;
        }
    }
    Ok(if every { Outcome::Found } else { Outcome::NothingFound })
}

/// One row a statement: for people the evidence as quotes with their sources, for programs the
/// evidence's claim ids and quotes as lists.
fn rows(outcomes: &[Checked], for_people: bool) -> Rows {
    let text = |s: &str| Value::Text(s.to_string());
    if for_people {
        let mut rows = Rows::new(&["verdict", "statement", "reason", "evidence"]);
        for o in outcomes {
            let ev: Vec<String> = o
                .evidence
                .iter()
                .map(|c| {
                    format!(
                        "“{}” ({}, {}–{})",
                        c.evidence.claim.quote(),
                        c.evidence.source.id,
                        c.evidence.claim.span().start(),
                        c.evidence.claim.span().end()
                    )
                })
                .collect();
            rows.push(vec![text(o.verdict.as_str()), text(&o.statement), text(&o.reason), Value::List(ev)]);
        }
        return rows;
    }
    let mut rows = Rows::new(&["verdict", "statement", "reason", "evidence", "sources", "quotes"]);
    for o in outcomes {
        let list = |f: &dyn Fn(&Cited) -> String| Value::List(o.evidence.iter().map(f).collect());
        rows.push(vec![
            text(o.verdict.as_str()),
            text(&o.statement),
            text(&o.reason),
            list(&|c| c.evidence.claim.id().to_string()),
            list(&|c| c.evidence.source.id.clone()),
            list(&|c| c.evidence.claim.quote().to_string()),
        ]);
    }
    rows
}

fn to_json(o: &Checked) -> Json {
    json!({
        "statement": o.statement,
        "verdict": o.verdict,
        "reason": o.reason,
        "reading": o.reading,
        "evidence": o.evidence.iter().map(evidence_json).collect::<Vec<_>>(),
        "changes": o.changes,
    })
}

fn evidence_json(c: &Cited) -> Json {
    let e = &c.evidence;
    let claim = &e.claim;
    let q = claim.quantity();
    let speaker = claim.attribution().speaker();
    json!({
        "id": claim.id(),
        "bears": c.bearing,
        "source": e.source.id,
        "title": e.source.title,
        "publisher": e.source.publisher,
        "url": e.source.url,
        "published": e.source.published.map(|d| d.to_string()),
        "kind": claim.kind().as_str(),
        "quote": claim.quote(),
        "start": claim.span().start(),
        "end": claim.span().end(),
        "figure": q.map(|q| q.to_string()),
        "date": claim.date().map(|d| d.to_string()),
        "party": claim.party(),
        "location": claim.location(),
        "speaker": speaker.map(|s| s.name.clone()),
        "role": speaker.and_then(|s| s.role.clone()),
        "said_on": speaker.and_then(|s| s.said_on).map(|d| d.to_string()),
        "holds_for": e.time.map(|t| t.0.to_string()),
        "holds_for_basis": e.time.map(|t| t.1.as_str()),
        "origin": claim.origin().kind().as_str(),
        "selector": selectors(e),
    })
}

/// W3C Web Annotation selectors for the quote: its words with a little context either side,
/// and its position in code points, so other tools can find it again in the article.
fn selectors(e: &Evidence) -> Json {
    let span = e.claim.span();
    let chars: Vec<char> = e.source.text.chars().collect();
    let (start, end) = (span.start().min(chars.len()), span.end().min(chars.len()));
    let prefix: String = chars[start.saturating_sub(CONTEXT)..start].iter().collect();
    let suffix: String = chars[end..(end + CONTEXT).min(chars.len())].iter().collect();
    json!([
        {"type": "TextQuoteSelector", "exact": e.claim.quote(), "prefix": prefix, "suffix": suffix},
        {"type": "TextPositionSelector", "start": span.start(), "end": span.end()},
    ])
}

/// A schema.org ClaimReview: the statement, the verdict in words, and where the evidence
/// appeared.
fn claim_review(o: &Checked, today: &str) -> Json {
    let mut appearance: Vec<Json> = Vec::new();
    for c in &o.evidence {
        let s = &c.evidence.source;
        if appearance.iter().any(|a| a["identifier"] == json!(s.id)) {
            continue;
        }
        let mut work = json!({"@type": "CreativeWork", "identifier": s.id, "headline": s.title});
        if let Some(u) = &s.url {
            work["url"] = json!(u);
        }
        if let Some(p) = &s.publisher {
            work["publisher"] = json!({"@type": "Organization", "name": p});
        }
        if let Some(d) = s.published {
            work["datePublished"] = json!(d.to_string());
        }
        appearance.push(work);
    }
    let mut claim = json!({"@type": "Claim", "appearance": appearance});
    let speaker = o
        .reading
        .quotes
        .iter()
        .find_map(|q| q.speaker.clone())
        .or_else(|| o.reading.figures.iter().find_map(|f| f.speaker.clone()));
    if let Some(s) = speaker {
        claim["author"] = json!({"@type": "Thing", "name": s});
    }
    json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": o.statement,
        "datePublished": today,
        "author": {"@type": "Organization", "name": "claimdb"},
        "reviewRating": {
            "@type": "Rating",
            "alternateName": o.verdict.as_str(),
            "ratingExplanation": o.reason,
        },
        "itemReviewed": claim,
    })
}
