//! A figure in a statement against the figures stored about the same thing: README, "Figures:
//! intervals, not strings", "Time" and "Conflicting".

use std::collections::HashMap;
use std::sync::LazyLock;

use super::conflicts::disagree;
use super::evidence::{Evidence, Library};
use super::interval::{Fit, Interval};
use super::reading::Figure;
use super::{cite, Bearing, Cited, Part, Verdict};
use crate::error::Error;
use crate::extract::numbers::vague_ceiling;
use crate::extract::quantities::counted;
use crate::model::{format_figure, DateSpan, Kind, Modality, Qualifier};

/// Units that count the same thing, one family a line, the family's name first. What a figure
/// counts is compared by family, so "killed" and "died" agree.
const FAMILIES: &str = include_str!("families.tsv");

/// Each form → its family's name, read once.
static FAMILY: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for line in FAMILIES.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let name = line.split('\t').next().unwrap_or_default();
        for form in line.split('\t') {
            m.insert(form, name);
        }
    }
    m
});

pub fn family(unit: &str) -> String {
    let u = unit.to_lowercase();
    FAMILY.get(u.as_str()).map_or(u, |f| f.to_string())
}

/// Whether `name` stands in `text` as whole words: "Iraq" is not in "Iraqi".
fn whole_word(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The interval a stored figure allows.
pub fn interval_of(e: &Evidence) -> Option<Interval> {
    let q = e.claim.quantity()?;
    Some(
        Interval::of(q.value(), q.low(), q.high(), q.qualifier(), vague_ceiling(e.claim.quote()))
            .strict(strict(e.claim.quote())),
    )
}

pub fn judge(lib: &Library, f: &Figure, statement: &str, as_of: Option<DateSpan>) -> Result<Part, Error> {
    let ents = &lib.entities;
    let state = f.kind.is_state();
    let unit = family(&f.unit);
    // Whether "ten rockets were fired" is a strike or only a count depends on a verb; what is
    // counted does not. Strikes and other counts are looked up together, and the unit decides.
    let kinds: &[Kind] = match f.kind {
        Kind::Strike | Kind::Other => &[Kind::Strike, Kind::Other],
        _ => std::slice::from_ref(&f.kind),
    };
    let mut found: Vec<Evidence> = Vec::new();
    for k in kinds {
        match &f.place {
            Some(p) => found.extend(lib.about(k.as_str(), p)?.iter().cloned()),
            None => found.extend(lib.of_kind(k.as_str())?.iter().cloned()),
        }
    }
    if let Some(place) = &f.place {
        // A claim whose own words name no place is about the statement's place when its
        // sentence names it, or the text just before it does.
        let names: Vec<String> = ents
            .find(place)
            .map(|e| std::iter::once(e.name().to_string()).chain(e.aliases().iter().cloned()).collect())
            .unwrap_or_else(|| vec![place.clone()]);
        for k in kinds {
            for e in lib.unplaced(k.as_str())?.iter() {
                let named = names.iter().any(|n| whole_word(e.claim.text(), n));
                if (named && !state) || lib.placed_in(e, place, state) {
                    found.push(e.clone());
                }
            }
        }
    }
    let side = side(&f.text);
    let mut candidates: Vec<Evidence> = found
        .into_iter()
        .filter(|e| e.claim.modality() == Modality::Asserted)
        .filter(|e| e.claim.quantity().is_some_and(|q| state || family(q.unit()) == unit))
        // Civilians killed are not fighters killed.
        .filter(|e| side.is_none() || side_of(e).is_none() || side_of(e) == side)
        .filter(|e| match (&f.place, e.claim.location()) {
            // A count of troops in part of a country is not the count for the country.
            (Some(p), Some(l)) if state => ents.canonical(l) == ents.canonical(p),
            _ => true,
        })
        .filter(|e| match (&f.party, e.claim.party()) {
            (Some(p), Some(c)) if state => ents.canonical(c) == ents.canonical(p),
            (Some(p), Some(c)) => ents.within(c, p),
            _ => true,
        })
        .filter(|e| match (as_of, e.span()) {
            (Some(limit), Some(t)) => t.first_day() <= limit.last_day(),
            _ => true,
        })
        .collect();
    let what = describe(f);
    if candidates.is_empty() {
        return Ok(Part::unverified(format!("no stored claim gives a figure for {what}")));
    }
    if let Some(speaker) = &f.speaker {
        let theirs: Vec<Evidence> = candidates.iter().filter(|e| said_by(lib, e, speaker)).cloned().collect();
        if theirs.is_empty() {
            let others: Vec<String> = candidates
                .iter()
                .map(|e| e.claim.attribution().speaker().map_or_else(|| e.source.id.clone(), |s| s.name.clone()))
                .collect();
            return Ok(Part::unverified(format!(
                "no stored claim attributes a figure for {what} to {speaker}; the sources give one from {}",
                join_unique(&others)
            )));
        }
        candidates = theirs;
    }

    let mut stated = Interval::of(f.value, f.low, f.high, f.qualifier, vague_ceiling(&f.text)).strict(strict(&f.text));
    let said = format_figure(f.value, f.low, f.high, &f.unit, f.qualifier);
    let fit_of = |e: &Evidence, stated: &mut Interval| -> Option<Fit> {
        let source = interval_of(e)?;
        let q = e.claim.quantity()?;
        // "2,500 troops" restates "around 2,500" without the hedge: read it as hedged too.
        let s = if f.qualifier == Qualifier::Exact && f.low.is_none() && q.qualifier() == Qualifier::Approximate {
            Interval::of(f.value, None, None, Qualifier::Approximate, None)
        } else {
            *stated
        };
        Some(s.fit(source))
    };

    // What holds for the time judged: a dated statement's date; else, for a state, the latest
    // time any evidence holds for; for an event, every time.
    // A month's total is not a figure for one day's event in it.
    if let (Some(d), false) = (f.date, state) {
        candidates.retain(|e| e.span().is_none_or(|t| !t.overlaps(d) || t.grain() >= d.grain()));
    }
    let (judged, earlier): (Vec<Evidence>, Vec<Evidence>) = match f.date {
        Some(d) => candidates.into_iter().partition(|e| e.span().is_none_or(|t| t.overlaps(d))),
        None if state => {
            let latest = candidates.iter().filter_map(|e| e.span()).max_by_key(|t| (t.first_day(), t.grain()));
            match latest {
                Some(l) => candidates.into_iter().partition(|e| e.span().is_none_or(|t| t.overlaps(l))),
                None => (candidates, Vec::new()),
            }
        }
        None => (candidates, Vec::new()),
    };
    if judged.is_empty() {
        let d = f.date.expect("only a dated statement leaves nothing to judge");
        // An event the sources date otherwise, with this figure: the date is what is wrong.
        let moved: Vec<&Evidence> = earlier
            .iter()
            .filter(|e| !state && e.time.is_some_and(|t| t.1 == super::evidence::Basis::Date))
            .filter(|e| fit_of(e, &mut stated) == Some(Fit::Implied))
            // The same event, by its words, not only its figure: one killed is common.
            .filter(|e| super::dates::shares_words(statement, &format!("{} {}", e.claim.text(), e.claim.quote())))
            .collect();
        if let Some(e) = moved.first() {
            let on = e.span().map(|t| t.to_string()).unwrap_or_default();
            return Ok(Part::new(
                Verdict::Contradicted,
                format!("{} says {} on {on}, not on {d}", cite(e), figure_of(e)),
                moved.iter().map(|e| Cited { evidence: (*e).clone(), bearing: Bearing::Contradicts }).collect(),
            ));
        }
        let times: Vec<String> = earlier.iter().filter_map(|e| e.span()).map(|t| t.to_string()).collect();
        return Ok(Part::unverified(format!(
            "no stored figure for {what} holds for {d}; the sources give figures for {}",
            join_unique(&times)
        )));
    }

    // Events that overlap in time (and party) are one event; a state at the judged time is one.
    let mut groups: Vec<Vec<Evidence>> = Vec::new();
    for e in judged {
        let same = |g: &Vec<Evidence>| {
            g.iter().any(|o| {
                let same = |a: Option<&str>, b: Option<&str>| match (a, b) {
                    (Some(a), Some(b)) => ents.canonical(a) == ents.canonical(b),
                    _ => true,
                };
                o.same_time(&e, !state)
                    && (state || same(o.claim.party(), e.claim.party()))
                    && same(o.claim.location(), e.claim.location())
                    && (side_of(o).is_none() || side_of(&e).is_none() || side_of(o) == side_of(&e))
            })
        };
        match groups.iter_mut().find(|g| same(g)) {
            Some(g) => g.push(e),
            None => groups.push(vec![e]),
        }
    }
    let mut results: Vec<Part> = Vec::new();
    for g in groups {
        results.push(judge_group(g, &said, &what, &mut |e| fit_of(e, &mut stated)));
    }
    let pick = |v: Verdict| results.iter().position(|p| p.verdict == v);
    let mut part = if let Some(i) = pick(Verdict::Supported) {
        results.swap_remove(i)
    } else if let Some(i) = pick(Verdict::Conflicting) {
        results.swap_remove(i)
    } else if results.iter().all(|p| p.verdict == Verdict::Contradicted) {
        let mut all = results.remove(0);
        for r in results {
            all.evidence.extend(r.evidence);
        }
        all
    } else {
        let i = pick(Verdict::Unverified).unwrap_or(0);
        results.swap_remove(i)
    };
    // Earlier figures that differ are named, so a change over time is not mistaken for an error.
    let differing: Vec<&Evidence> =
        earlier.iter().filter(|e| f.date.is_none() && fit_of(e, &mut stated) != Some(Fit::Implied)).collect();
    if state && !differing.is_empty() {
        let list: Vec<String> = differing.iter().map(|e| format!("{} in {}", figure_of(e), cite(e))).collect();
        part.reason = format!("{}; earlier figures differed: {}", part.reason, join_unique(&list));
        part.evidence.extend(differing.into_iter().map(|e| Cited { evidence: e.clone(), bearing: Bearing::Earlier }));
    }
    Ok(part)
}

/// The verdict from evidence about one thing at one time.
fn judge_group(g: Vec<Evidence>, said: &str, what: &str, fit: &mut dyn FnMut(&Evidence) -> Option<Fit>) -> Part {
    let fits: Vec<Option<Fit>> = g.iter().map(&mut *fit).collect();
    // Two sources that cannot both be right.
    for (i, a) in g.iter().enumerate() {
        for b in &g[i + 1..] {
            if a.source.id != b.source.id && disagree(a, b) {
                let reason = format!(
                    "the sources disagree on {what}: {} says {}, {} says {}",
                    cite(a),
                    figure_of(a),
                    cite(b),
                    figure_of(b)
                );
                let evidence = g
                    .iter()
                    .filter(|e| g.iter().any(|o| o.source.id != e.source.id && disagree(e, o)))
                    .map(|e| Cited { evidence: e.clone(), bearing: Bearing::Conflicts })
                    .collect();
                return Part::new(Verdict::Conflicting, reason, evidence);
            }
        }
    }
    let cited = |want: Fit, bearing: Bearing| -> Vec<Cited> {
        g.iter()
            .zip(&fits)
            .filter(|(_, f)| **f == Some(want))
            .map(|(e, _)| Cited { evidence: e.clone(), bearing })
            .collect()
    };
    let supports = cited(Fit::Implied, Bearing::Supports);
    if let Some(first) = supports.first() {
        let e = &first.evidence;
        return Part::new(
            Verdict::Supported,
            format!("{} says {}, which implies {said}", cite(e), figure_of(e)),
            supports,
        );
    }
    let contradicts = cited(Fit::Disjoint, Bearing::Contradicts);
    if contradicts.len() == g.len() {
        let e = &contradicts[0].evidence;
        return Part::new(
            Verdict::Contradicted,
            format!("{} says {}; the statement says {said}", cite(e), figure_of(e)),
            contradicts,
        );
    }
    let open = cited(Fit::Open, Bearing::Compatible);
    let e = open.first().or(contradicts.first()).map_or(&g[0], |c| &c.evidence);
    let reason = format!("{} says {}, which allows {said} but does not show it", cite(e), figure_of(e));
    Part::new(Verdict::Unverified, reason, open)
}

fn said_by(lib: &Library, e: &Evidence, speaker: &str) -> bool {
    let ents = &lib.entities;
    let Some(s) = e.claim.attribution().speaker() else { return false };
    let want = ents.canonical(speaker);
    ents.canonical(&s.name) == want || ents.within(&s.name, &want)
}

fn figure_of(e: &Evidence) -> String {
    e.claim.quantity().map_or_else(String::new, |q| q.to_string())
}

/// "U.S. troops in Iraq", "ISIS killed in Deir Ez Zor".
fn describe(f: &Figure) -> String {
    let mut s = match &f.party {
        Some(p) => format!("{p} {}", f.unit),
        None => f.unit.clone(),
    };
    if let Some(p) = &f.place {
        s.push_str(&format!(" in {p}"));
    }
    if let Some(d) = f.date {
        s.push_str(&format!(" on {d}"));
    }
    s
}

fn join_unique(items: &[String]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for i in items {
        if !seen.contains(&i.as_str()) {
            seen.push(i);
        }
    }
    seen.join(", ")
}

/// Whose figure a count is, as far as telling civilians from fighters goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Side {
    Combatants,
    Civilians,
}

/// The side of the first counted noun in `text` that has one.
fn side(text: &str) -> Option<Side> {
    text.split(|c: char| !c.is_alphanumeric()).find_map(|w| match counted(w)?.group {
        "forces" | "fighters" => Some(Side::Combatants),
        "civilians" => Some(Side::Civilians),
        _ => None,
    })
}

pub fn side_of(e: &Evidence) -> Option<Side> {
    side(e.claim.quote())
}

/// Words before a figure that exclude the figure itself: "more than 5,000" is 5,001 or more.
const STRICT: [&str; 6] = ["more than", "over", "fewer than", "less than", "upwards of", "under"];

/// Whether a figure's words bound it strictly.
fn strict(text: &str) -> bool {
    let t = text.to_lowercase();
    STRICT.iter().any(|w| whole_word(&t, w))
}
