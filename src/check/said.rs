//! Quoted words and reported speech against the stored quotes of the speaker: README,
//! "Quotations and speakers".

use super::evidence::{Evidence, Library};
use super::quote::{compare, pieces, Match};
use super::reading::Quoted;
use super::{cite, Bearing, Cited, Part, Verdict};
use crate::error::Error;
use crate::model::Kind;

pub fn judge(lib: &Library, q: &Quoted) -> Result<Part, Error> {
    let ents = &lib.entities;
    let parts = pieces(&q.words);
    let Some(longest) = parts.iter().max_by_key(|p| p.len()) else {
        return Ok(Part::unverified("the quotation has no words to compare"));
    };
    let speaker = q.speaker.as_deref().and_then(|s| ents.find(s)).map(|e| e.name().to_string());
    let theirs: Vec<Evidence> = match &speaker {
        Some(name) => lib.said_by(name)?.to_vec(),
        None => Vec::new(),
    };
    let cited = |e: &Evidence, bearing| vec![Cited { evidence: e.clone(), bearing }];
    for e in &theirs {
        if compare(&q.words, e.claim.quote()) == Match::Verbatim {
            let how = if q.direct { "word for word" } else { "in these words" };
            return Ok(Part::new(
                Verdict::Supported,
                format!(
                    "{} records {} saying it {how}",
                    cite(e),
                    e.claim.attribution().speaker().map_or("", |s| &s.name)
                ),
                cited(e, Bearing::Supports),
            ));
        }
    }
    // The right words from someone else. Only quoted words are someone's own: reported speech
    // may paraphrase what several people said.
    let elsewhere = if q.direct || q.speaker.is_none() { lib.quoting(longest)? } else { Default::default() };
    for e in elsewhere.iter() {
        let Some(other) = e.claim.attribution().speaker() else { continue };
        if Some(other.name.as_str()) == speaker.as_deref() || compare(&q.words, e.claim.quote()) != Match::Verbatim {
            continue;
        }
        // A surname more than one stored person has ("Singh") finds no one, but the words of
        // one of them are that name's words: theirs, not someone else's.
        let named = q.speaker.as_deref().is_some_and(|s| {
            speaker.is_none() && other.name.split_whitespace().last().is_some_and(|l| l.eq_ignore_ascii_case(s.trim()))
        });
        if named {
            return Ok(Part::new(
                Verdict::Supported,
                format!("{} records {} saying it word for word", cite(e), other.name),
                cited(e, Bearing::Supports),
            ));
        }
        return Ok(match &q.speaker {
            Some(s) => Part::new(
                Verdict::Contradicted,
                format!("{} records these words as {}'s, not {s}'s", cite(e), other.name),
                cited(e, Bearing::Contradicts),
            ),
            None => Part::new(
                Verdict::Supported,
                format!("{} records {} saying it word for word", cite(e), other.name),
                cited(e, Bearing::Supports),
            ),
        });
    }
    let Some(who) = q.speaker.as_deref() else {
        return Ok(Part::unverified("no stored quote holds these words"));
    };
    if speaker.is_none() {
        let hint = ents.suggest(who).map(|s| format!("; did you mean {s}?")).unwrap_or_default();
        return Ok(Part::unverified(format!("no entity named {who}{hint}")));
    }
    // The closest stored quote of theirs, if close enough to be this one changed.
    let best = theirs
        .iter()
        .filter(|e| e.claim.kind() == Kind::Statement)
        .filter_map(|e| match compare(&q.words, e.claim.quote()) {
            Match::Misquote { similarity, changes } => Some((similarity, changes, e)),
            _ => None,
        })
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match best {
        Some((similarity, changes, e)) if q.direct => {
            let list: Vec<String> = changes
                .iter()
                .map(|c| match (c.said.is_empty(), c.source.is_empty()) {
                    (true, _) => format!("{} drops \"{}\"", c.class.as_str(), c.source),
                    (_, true) => format!("{} adds \"{}\"", c.class.as_str(), c.said),
                    _ => format!("{}: \"{}\" for \"{}\"", c.class.as_str(), c.said, c.source),
                })
                .collect();
            let mut p = Part::new(
                Verdict::Contradicted,
                format!(
                    "misquote of {} in {} ({:.0}% of the words agree): {}",
                    speaker.as_deref().unwrap_or(who),
                    cite(e),
                    similarity * 100.0,
                    list.join("; ")
                ),
                cited(e, Bearing::Contradicts),
            );
            p.changes = changes;
            Ok(p)
        }
        Some((_, _, e)) => Ok(Part::new(
            Verdict::Unverified,
            format!(
                "{} records {} saying something close, but not in these words; a paraphrase is not checked",
                cite(e),
                speaker.as_deref().unwrap_or(who)
            ),
            cited(e, Bearing::Compatible),
        )),
        None => {
            Ok(Part::unverified(format!("no stored quote of {} holds these words", speaker.as_deref().unwrap_or(who))))
        }
    }
}
