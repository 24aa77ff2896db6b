//! Figures with what they count: "around 2,500 U.S. troops", "at least seven ISIS operatives
//! killed", "no American personnel were injured", "between 20 and 30 civilians", "$20 million".
//!
//! A figure is a number (see [`super::numbers`]) with a qualifier before it, the noun it counts
//! after it (within a few modifier words: "2,000 adult male ISIS fighters"), and the outcome that
//! happened to them before or after ("killed 150 terrorists", "were wounded"). Which words count
//! what, and what kind of claim they make, is data: `lexicon.tsv`.
//!
//! [`find`] walks a sentence and tries, at each word a figure may start at, the rules: a number
//! and what it counts (here), one person or thing named singly and none ([`one`]); the counted
//! noun is read by [`nouns`], what happened to it by [`outcomes`], the words of both by
//! [`lexicon`].

use super::numbers::{self, Number};
use super::tokens::{Kind as TokKind, Token};
use crate::model::{Kind, Qualifier};

mod lexicon;
mod nouns;
mod one;
mod outcomes;

use lexicon::*;
pub use lexicon::{counted, outcome_words, Class, Entry};
use nouns::*;
use one::*;
use outcomes::*;

/// A figure found in a sentence; token indices are into the sentence's tokens.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The figure's own words, qualifier through counted noun: what `annotate` shows.
    pub start: usize,
    pub end: usize,
    /// The words of the claim it makes, outcome included ("One member … was killed").
    pub claim_start: usize,
    pub claim_end: usize,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    /// What it counts; `None` for a bare number that counts nothing named.
    pub unit: Option<String>,
    /// The claim it makes, if it makes one (a percentage or a bare number does not).
    pub kind: Option<Kind>,
    /// Where the counted noun and its modifiers are, for finding whose figure it is.
    pub noun_start: usize,
    /// For one person named as the subject ("Turki al-Binali … was killed"), the tokens naming
    /// them: the caller drops the figure if the name is a place or a party ("Mosul was captured").
    pub subject: Option<(usize, usize)>,
}

impl Figure {
    /// The same figure with its token indices moved from its sentence's tokens to the text's,
    /// `by` tokens on: every index field, so none is left counting from the sentence.
    pub fn shifted(mut self, by: usize) -> Figure {
        for x in [&mut self.start, &mut self.end, &mut self.claim_start, &mut self.claim_end, &mut self.noun_start] {
            *x += by;
        }
        self.subject = self.subject.map(|(a, b)| (a + by, b + by));
        self
    }
}

const APPROXIMATE: [&[&str]; 11] = [
    &["around"],
    &["about"],
    &["some"],
    &["roughly"],
    &["approximately"],
    &["nearly"],
    &["almost"],
    &["estimated"],
    &["close", "to"],
    &["an", "estimated"],
    &["approx"],
];
const AT_LEAST: [&[&str]; 9] = [
    &["at", "least"],
    &["more", "than"],
    &["over"],
    &["upwards", "of"],
    &["in", "excess", "of"],
    &["no", "fewer", "than"],
    &["no", "less", "than"],
    &["as", "many", "as"],
    &["at", "minimum"],
];
const AT_MOST: [&[&str]; 7] = [
    &["up", "to"],
    &["fewer", "than"],
    &["less", "than"],
    &["no", "more", "than"],
    &["at", "most"],
    &["under"],
    &["just", "under"],
];

/// The qualifier phrase that ends just before token `i`: (its first token, the qualifier).
fn qualifier_before(toks: &[Token], i: usize) -> Option<(usize, Qualifier)> {
    let lists: [(&[&[&str]], Qualifier); 3] =
        [(&AT_LEAST, Qualifier::AtLeast), (&AT_MOST, Qualifier::AtMost), (&APPROXIMATE, Qualifier::Approximate)];
    let mut best: Option<(usize, Qualifier)> = None;
    for (phrases, q) in lists {
        for p in phrases {
            if p.len() > i {
                continue;
            }
            let s = i - p.len();
            if toks[s..i].iter().zip(p.iter()).all(|(t, w)| t.is(w)) && best.is_none_or(|(b, _)| s < b) {
                best = Some((s, q));
            }
        }
    }
    // "as many as" is a ceiling in most news use ("as many as 30 killed" = up to 30).
    best.map(|(s, q)| if toks[s].is("as") { (s, Qualifier::AtMost) } else { (s, q) })
}

/// Whether a figure can start at this token: a number, a word that starts one, or a word the
/// rules for none and for one begin at. Most tokens are none of these, and skip every rule of
/// [`find`].
fn may_start(t: &Token) -> bool {
    match t.kind {
        TokKind::Punct => false,
        TokKind::Number => true,
        TokKind::Word => {
            t.has(crate::extract::tokens::class::NUMBER)
                || t.text.contains('-')
                || t.text.starts_with(|c: char| c.is_ascii_digit())
                || t.is_any(&["any", "not", "the", "another", "their", "its"])
                || t.is_any(UNHARMED)
        }
    }
}

/// Words at `at` that single out some of a figure just given ("including", "among them",
/// "among whom"): one past them.
fn singles_out(toks: &[Token], at: usize) -> Option<usize> {
    let t = toks.get(at)?;
    if t.is("including") {
        return Some(at + 1);
    }
    (t.is("among") && toks.get(at + 1).is_some_and(|w| w.is_any(&["them", "whom"]))).then_some(at + 2)
}

/// Every figure in a sentence's tokens; `taken` marks tokens already read as dates.
pub fn find(toks: &[Token], taken: &[bool], striking: bool) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if taken[i] || !may_start(&toks[i]) {
            i += 1;
            continue;
        }
        let figure = if toks[i].is("no") || toks[i].is("none") || (toks[i].is("any") && negated_before(toks, i)) {
            zero(toks, i, striking)
        } else if toks[i].is("not")
            && toks.get(i + 1).is_some_and(|t| t.is("a"))
            && toks.get(i + 2).is_some_and(|t| t.is("single"))
        {
            // "Not a single soldier was killed": none.
            zero(toks, i + 2, striking).map(|f| Figure { start: i, claim_start: i, ..f })
        } else if toks[i].is("not") {
            not_harmed(toks, i)
        } else if toks[i].is_any(UNHARMED) {
            unharmed(toks, i)
        } else if toks[i].is_any(&["a", "an", "another", "the", "their", "its"]) && i > 0 && struck_before(toks, i) {
            // ("fired missiles at a compound": the claim is the thing aimed at.)
            one_struck(toks, i, if toks[i - 1].is("at") { i } else { i - 1 })
        } else {
            let article = toks[i].is_any(&["a", "an"]);
            let listed = article && i > 0 && toks[i - 1].is("and") && listed_after_strike(toks, i - 1);
            // "killed two soldiers and a medic", "five soldiers were killed, including a
            // commander": one more person joined to the figure before.
            let joined = out.last().filter(|p| {
                let including = |at: usize| {
                    let comma = usize::from(toks.get(at).is_some_and(|t| t.is_punct(',')));
                    singles_out(toks, at + comma).is_some_and(|after| after == i)
                };
                article && (p.end + 1 == i && toks[p.end].is("and") || including(p.end) || including(p.claim_end))
            });
            listed
                .then(|| one_struck(toks, i, i))
                .flatten()
                .or_else(|| joined.and_then(|p| one_joined(toks, i, p)))
                .or_else(|| article.then(|| one_harm(toks, i)).flatten())
                .or_else(|| one_another(toks, i))
                .or_else(|| article.then(|| one_among(toks, i)).flatten())
                .or_else(|| article.then(|| one_killed_of(toks, i)).flatten())
                .or_else(|| numbers::read(toks, i).and_then(|n| figure(toks, taken, n, striking)))
        };
        // "about 900 troops in Syria and 2,500 in Iraq": a bare number may count what the
        // figure before it counts.
        let figure = match figure {
            Some(f) if f.kind.is_none() && f.unit.is_none() => {
                let beside = out.last().and_then(|p| {
                    elided_beside(toks, &f, p)
                        .or_else(|| another_beside(toks, &f, p))
                        .or_else(|| listed_target(toks, &f, p))
                });
                Some(beside.or_else(|| total_before(toks, &f, striking)).or_else(|| total_after(toks, &f)).unwrap_or(f))
            }
            f => f,
        };
        match figure {
            Some(mut f) => {
                i = f.end.max(i + 1);
                // "injuries to two women and two children", "killed three soldiers and two
                // civilians": people counted right after a casualty or capture figure, joined to it
                // and given no outcome of their own, share its outcome.
                // So do people a casualty figure goes on to single out ("kills 11 civilians,
                // including 10 children") or lists ("killing four American soldiers, four
                // Nigerien soldiers and a Nigerien interpreter").
                if let Some(prev) = out.last().filter(|p| {
                    // "six Somalis and five men": a name the lexicon lacks may end the first.
                    let named = toks.get(p.end).is_some_and(|t| t.kind == TokKind::Word && t.is_capitalized());
                    let k = p.end + usize::from(named);
                    let joined = toks.get(k).is_some_and(|t| t.is_any(&["and", "or"])) && f.start == k + 1;
                    // "… militants -- including two commanders", "… 100 Afghans last week, including
                    // a number of police officers", "Eight people were killed, among them three
                    // children": only punctuation and a time between the figure (or its outcome)
                    // and the words that single some out.
                    let intro = (f.start.saturating_sub(2)..f.start).find(|&a| singles_out(toks, a) == Some(f.start));
                    let k = if p.claim_end > k && intro.is_some_and(|a| a >= p.claim_end) { p.claim_end } else { k };
                    let including = intro.is_some_and(|a| a >= k && a - k <= 5)
                        && toks[k..intro.unwrap_or(k)].iter().all(|t| {
                            t.is_punct(',')
                                || t.is_punct('-')
                                || t.is_punct('\u{2014}')
                                || t.is_punct('\u{2013}')
                                || t.is_punct('(')
                                || t.has(super::tokens::class::DATE) && !t.is_any(&["the", "a", "an", "no"])
                                || t.is_any(&["week", "month", "year", "day", "night"])
                        });
                    let listed = toks.get(p.end).is_some_and(|t| t.is_punct(','))
                        && f.start == p.end + 1
                        && toks.get(f.end).is_some_and(|t| t.is_punct(',') || t.is("and"));
                    // "killing 52 people -- 17 Americans and 35 Lebanese citizens": the dead
                    // broken down after a dash.
                    let dashed = f.start > p.end
                        && f.start - p.end <= 2
                        && toks[p.end..f.start]
                            .iter()
                            .all(|t| t.is_punct('-') || t.is_punct('\u{2014}') || t.is_punct('\u{2013}'));
                    matches!(p.kind, Some(Kind::Casualty | Kind::Capture)) && (joined || including || listed || dashed)
                }) {
                    let people = f
                        .unit
                        .as_deref()
                        .and_then(counted)
                        .is_some_and(|e| matches!(e.class, Class::People | Class::Forces));
                    if matches!(f.kind, Some(Kind::Other | Kind::Troops)) && people && f.claim_end == f.end {
                        f.kind = prev.kind;
                        f.unit = prev.unit.clone();
                    }
                }
                // "no civilians were killed or injured": one figure, two outcomes, two claims.
                // Not "killing three soldiers and wounding seven": that "wounding" has a figure of
                // its own; the outcome shared is one said after the figure.
                let told_after = f.claim_end > f.end;
                let second = toks.get(f.claim_end).filter(|t| told_after && t.is_any(&["or", "and"])).and_then(|_| {
                    let o = outcome(toks.get(f.claim_end + 1)?)?;
                    let same = matches!(
                        (f.kind, o.class),
                        (Some(Kind::Casualty), Class::Outcome(Kind::Casualty))
                            | (Some(Kind::Capture), Class::Outcome(Kind::Capture))
                    );
                    (same && f.unit.as_deref() != Some(o.unit)).then(|| Figure {
                        claim_end: f.claim_end + 2,
                        unit: Some(o.unit.to_string()),
                        ..f.clone()
                    })
                });
                // "five militants and three civilians died": people counted just before a figure
                // whose outcome comes after it share that outcome.
                if matches!(f.kind, Some(Kind::Casualty | Kind::Capture)) && f.claim_end > f.end {
                    if let Some(prev) = out.last_mut().filter(|p| {
                        p.claim_end == p.end
                            && p.claim_start == p.start
                            && f.start == p.end + 1
                            && toks.get(p.end).is_some_and(|t| t.is("and"))
                            && matches!(p.kind, Some(Kind::Other | Kind::Troops))
                            && p.unit
                                .as_deref()
                                .and_then(counted)
                                .is_some_and(|e| matches!(e.class, Class::People | Class::Forces))
                    }) {
                        prev.kind = f.kind;
                        prev.unit = f.unit.clone();
                    }
                }
                // "killed and injured dozens": one figure, both outcomes said before it.
                let first = (f.claim_start < f.start && f.claim_start >= 2)
                    .then(|| {
                        let joint = &toks[f.claim_start - 1];
                        let o = outcome(&toks[f.claim_start - 2])?;
                        let same = matches!((f.kind, o.class), (Some(Kind::Casualty), Class::Outcome(Kind::Casualty)));
                        (joint.is_any(&["and", "or"]) && same && f.unit.as_deref() != Some(o.unit)).then(|| Figure {
                            claim_start: f.claim_start - 2,
                            unit: Some(o.unit.to_string()),
                            ..f.clone()
                        })
                    })
                    .flatten();
                out.extend(first);
                out.push(f);
                out.extend(second);
            }
            None => i += 1,
        }
    }
    for j in 0..toks.len() {
        // Figures come in order: only the last few that start before `j` can cover it.
        let covered = || {
            let at = out.partition_point(|f: &Figure| f.claim_start <= j);
            out[at.saturating_sub(3)..at].iter().any(|f| j < f.claim_end)
        };
        if toks[j].is_any(&["was", "died", "succumbed"]) && !covered() {
            out.extend(one_person(toks, j).or_else(|| one_target_struck(toks, j)));
        } else if outcome(&toks[j]).is_some() && !toks[j].is_any(&["loss", "bodies"]) && !covered() {
            out.extend(one_object(toks, j).or_else(|| one_named(toks, j)));
        }
    }
    // "killing six worshippers and himself", "killed only himself": a bomber among the dead.
    for j in 0..toks.len() {
        let Some(o) = outcome(&toks[j]).filter(|o| o.class == Class::Outcome(Kind::Casualty)) else { continue };
        if !toks[j].text.ends_with("ed") && !toks[j].text.ends_with("ing") {
            continue;
        }
        let reflexive = (j + 1..(j + 8).min(toks.len()))
            .take_while(|&k| toks[k].kind != TokKind::Punct)
            .find(|&k| toks[k].is_any(&["himself", "herself"]))
            .filter(|&k| k == j + 1 || toks[k - 1].is_any(&["and", "only"]));
        if let Some(k) = reflexive {
            out.push(Figure::one(Some(Kind::Casualty), Some(o.unit.to_string()), (k, k + 1), (j, k + 1)));
        }
    }
    // "eight ISAF and two ANSF service members were killed": a count with only a name after it,
    // joined by "and" to one that names what both count, counts the same and shares its outcome.
    for k in 1..out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        let between = &toks[a.end.min(b.start)..b.start];
        let elided = a.kind.is_none()
            && a.unit.is_none()
            && matches!(b.kind, Some(Kind::Casualty | Kind::Capture | Kind::Troops))
            && b.claim_start == b.start
            && between.len() >= 2
            && between.len() <= 4
            && between.last().is_some_and(|t| t.is("and"))
            && between[..between.len() - 1].iter().all(|t| t.kind == TokKind::Word && t.is_capitalized());
        if elided {
            let (kind, unit, claim_end) = (b.kind, b.unit.clone(), b.claim_end);
            let a = &mut out[k - 1];
            (a.kind, a.unit, a.claim_end) = (kind, unit, claim_end);
        }
    }
    // "those killed in these senseless acts, including Michael James Riddering, an American
    // citizen", "killed 30 people, including Jane Doe": a person named among the harmed is one.
    for k in 1..toks.len() {
        if !(toks[k].is("including") && toks[k - 1].is_punct(',')) || out.iter().any(|f| f.start <= k && k < f.end) {
            continue;
        }
        let run = (k + 1..(k + 5).min(toks.len())).take_while(|&m| name_part(&toks[m])).count();
        let words = toks[k + 1..k + 1 + run].iter().filter(|t| t.kind == TokKind::Word).count();
        // (Not "including United States citizens": a name that says whose people.)
        let modifies = toks.get(k + 1 + run).is_some_and(|t| counted(t.text).is_some() || is_person_noun(t));
        if words < 2 || modifies {
            continue;
        }
        // The harm the names are among, in the clause before the comma: a casualty figure's, or
        // "those killed", "the dead".
        let clause =
            toks[k.saturating_sub(12)..k - 1].iter().rev().take_while(|t| !t.is_punct(',') && !t.is_punct(';'));
        let from_figure =
            out.iter().rev().find(|f| f.kind == Some(Kind::Casualty) && f.claim_end + 1 >= k && f.claim_end < k);
        let unit = from_figure.and_then(|f| f.unit.clone()).or_else(|| {
            clause
                .filter_map(|t| outcome(t).filter(|e| e.class == Class::Outcome(Kind::Casualty)))
                .map(|e| e.unit.to_string())
                .next()
        });
        if let Some(unit) = unit {
            let end = k + 1 + run;
            out.push(Figure {
                subject: Some((k + 1, end)),
                ..Figure::one(Some(Kind::Casualty), Some(unit), (k + 1, end), (k + 1, end))
            });
        }
    }
    out.sort_by_key(|f| (f.claim_start, f.claim_end));
    out
}

/// "about 900 troops in Syria and 2,500 in Iraq": a count with no noun, set beside the figure
/// before it in the same pattern (a preposition and a place after each, "and" between), counts
/// what that one counts.
fn elided_beside(toks: &[Token], bare: &Figure, prev: &Figure) -> Option<Figure> {
    let (kind, unit) = (prev.kind?, prev.unit.clone()?);
    let between = toks.get(prev.end.max(prev.claim_end)..bare.start)?;
    let prep = between.first()?;
    let places = between.get(1..between.len().checked_sub(1)?)?;
    let joined = between.last().is_some_and(|t| t.is("and"))
        && prep.is_any(&["in", "at"])
        && !places.is_empty()
        && places.len() <= 4
        && places.iter().all(|t| t.kind == TokKind::Word && t.is_capitalized());
    let same_after = toks.get(bare.end).is_some_and(|t| t.is(prep.text))
        && toks.get(bare.end + 1).is_some_and(|t| t.kind == TokKind::Word && t.is_capitalized());
    (joined && same_after).then(|| Figure { unit: Some(unit), kind: Some(kind), ..bare.clone() })
}

/// "killed three people Saturday and another three on Sunday", "Two soldiers were killed Monday
/// and another five on Tuesday": a bare count after "and another" counts more of what the
/// casualty or capture figure just before it counts (a day or a place between them at most).
fn another_beside(toks: &[Token], bare: &Figure, prev: &Figure) -> Option<Figure> {
    let kind = prev.kind.filter(|k| matches!(k, Kind::Casualty | Kind::Capture))?;
    let another = bare.start.checked_sub(1).filter(|&a| toks[a].is("another"))?;
    let and = another.checked_sub(1).filter(|&a| toks[a].is("and"))?;
    let between = toks.get(prev.end.max(prev.claim_end)..and)?;
    if between.len() > 3
        || between.iter().any(|t| t.kind != TokKind::Word || t.has(crate::extract::tokens::class::NUMBER))
    {
        return None;
    }
    // Nothing of its own after it: a day, a place, the sentence's end ("and another 15 escaped",
    // "and another three are being sought" say something else of them).
    let alone = toks.get(bare.end).is_none_or(|t| {
        t.kind == TokKind::Punct
            || t.has(crate::extract::tokens::class::DATE)
            || t.is_any(&[
                "on",
                "in",
                "at",
                "during",
                "near",
                "overnight",
                "yesterday",
                "today",
                "later",
                "earlier",
                "and",
            ])
    });
    if !alone {
        return None;
    }
    Some(Figure { unit: prev.unit.clone(), kind: Some(kind), claim_start: another, ..bare.clone() })
}

/// Whether the count at `at` follows an attack's noun and "on", "against" or "of" (a describing
/// word or two between): "attacks on three government buildings", "near-simultaneous attacks
/// against two bases", "the bombing of two schools".
fn attacked_on(toks: &[Token], at: usize) -> bool {
    let Some(p) = at.checked_sub(1) else { return false };
    if !toks[p].is_any(&["on", "against", "of"]) || p == 0 {
        return false;
    }
    toks[p - 1]
        .is_any(&["attack", "attacks", "assault", "assaults", "bombing", "bombings", "shelling", "raid", "raids"])
}

/// "pushed to 117 the number of American soldiers killed in Iraq", "brings to 30 the death toll":
/// a running total told before what it counts, which must be people harmed or taken (an outcome
/// after the noun). The claim runs from the count to the outcome.
fn total_after(toks: &[Token], bare: &Figure) -> Option<Figure> {
    let verb = toks.get(bare.start.checked_sub(2)?)?;
    if !toks[bare.start - 1].is("to")
        || !verb
            .is_any(&["pushed", "pushing", "pushes", "brought", "bringing", "brings", "raised", "raising", "raises"])
    {
        return None;
    }
    let mut k = bare.end;
    if !toks.get(k).is_some_and(|t| t.is("the")) {
        return None;
    }
    k += 1;
    // "brought to 30 the death toll": the dead.
    if toks.get(k).is_some_and(|t| t.is("death")) && toks.get(k + 1).is_some_and(|t| t.is("toll")) {
        let killed = outcome_named("killed")?;
        return Some(Figure {
            kind: Some(Kind::Casualty),
            unit: Some(killed.unit.to_string()),
            claim_end: k + 2,
            noun_start: k,
            ..bare.clone()
        });
    }
    if !toks.get(k).is_some_and(|t| t.is_any(&["number", "total"])) || !toks.get(k + 1).is_some_and(|t| t.is("of")) {
        return None;
    }
    let noun = noun_after(toks, k + 2)?;
    if !matches!(noun.2.class, Class::People | Class::Forces) {
        return None;
    }
    let (o_at, o) = outcome_after(toks, noun.1)?;
    let Class::Outcome(kind @ (Kind::Casualty | Kind::Capture)) = o.class else { return None };
    Some(Figure {
        kind: Some(kind),
        unit: Some(o.unit.to_string()),
        claim_end: o_at + 1,
        noun_start: noun.0,
        ..bare.clone()
    })
}

/// "bringing the total number of air strikes to 34", "the total of U.N. peacekeepers killed
/// there this month to 10": a running total, its noun (and outcome) named before the count.
fn total_before(toks: &[Token], bare: &Figure, striking: bool) -> Option<Figure> {
    if bare.start < 4 || !toks[bare.start - 1].is("to") {
        return None;
    }
    // ("the number of American soldiers killed in Iraq rose to 117" too.)
    let total = (bare.start.saturating_sub(14)..bare.start - 1).rev().find(|&k| {
        toks[k].is("total") || toks[k].is("number") && k > 0 && toks[k - 1].is("the") && toks[k + 1].is("of")
    })?;
    // "the total (number) of": the noun after it, and any outcome between it and "to".
    let mut k = total + 1;
    if toks[k].is("number") {
        k += 1;
    }
    if !toks[k].is("of") {
        return None;
    }
    let between = &toks[k + 1..bare.start - 1];
    if between.iter().any(|t| t.kind == TokKind::Number || t.is_punct(',') || t.is_punct(';')) {
        return None;
    }
    let noun = noun_after(toks, k + 1).filter(|n| n.1 < bare.start);
    let out = (k + 1..bare.start - 1).find_map(|j| outcome(&toks[j]).filter(|_| participle(&toks[j])));
    // A people the lexicon lacks ("Americans evacuated"): counted as what they are called.
    let (kind, unit) = match kind_of(noun.map(|n| n.2), out, striking) {
        Some(ku) => ku,
        None => {
            let name = toks.get(k + 1).filter(|t| t.is_capitalized() && t.text.ends_with('s'))?;
            (Kind::Other, name.text.to_ascii_lowercase())
        }
    };
    Some(Figure { claim_start: total, kind: Some(kind), unit: Some(unit), noun_start: k + 1, ..bare.clone() })
}

/// "destroyed 4 weapons depots and 2 command centers": a count right after a struck target,
/// joined to it, of a plural the lexicon lacks, is another target of that strike.
fn listed_target(toks: &[Token], bare: &Figure, prev: &Figure) -> Option<Figure> {
    let struck = prev.kind == Some(Kind::Strike) && prev.claim_start < prev.start;
    let joined = bare.start == prev.end + 1 && toks.get(prev.end).is_some_and(|t| t.is("and") || t.is_punct(','));
    if !(struck && joined) {
        return None;
    }
    // Up to three lowercase words, the last a plural, and then no verb of their own.
    let words = toks[bare.end..(bare.end + 3).min(toks.len())]
        .iter()
        .take_while(|t| {
            t.kind == TokKind::Word && !t.is_capitalized() && !t.is_any(PHRASE_ENDS) && outcome(t).is_none()
        })
        .count();
    let last = (1..=words).rev().find(|&n| {
        let w = &toks[bare.end + n - 1];
        w.text.ends_with('s') && !w.text.ends_with("ss") && !is_person_noun(w)
    })?;
    let end = bare.end + last;
    let after = toks.get(end);
    if after.is_some_and(|t| t.is_any(&["were", "was", "are", "is", "have", "has", "had"])) {
        return None;
    }
    // The noun as written, with the words before it ("artillery pieces", "command centers").
    let unit = toks[bare.end..end].iter().map(|t| t.text.to_ascii_lowercase()).collect::<Vec<_>>().join(" ");
    Some(Figure {
        end,
        claim_end: end,
        unit: Some(unit),
        kind: Some(Kind::Strike),
        noun_start: bare.end,
        ..bare.clone()
    })
}

/// The claim kind and unit of a counted noun with its outcome, if any.
fn kind_of(noun: Option<Entry>, out: Option<Entry>, striking: bool) -> Option<(Kind, String)> {
    // "one strike killed two", "four operations targeting …": the count is of the strikes or
    // operations, and what they did is another figure's.
    if let Some(n) = noun.filter(|n| matches!(n.class, Class::Attack | Class::Operation)) {
        if out.is_some_and(|o| matches!(o.class, Class::Outcome(Kind::Casualty | Kind::Capture | Kind::Strike))) {
            let kind = if n.class == Class::Attack { Kind::Strike } else { Kind::Operation };
            return Some((kind, n.unit.to_string()));
        }
    }
    // "Two U.S. drones killed 11 militants", "three rockets wounded two": things cannot be
    // killed or hurt, so the weapons counted did it, and are a strike's.
    if let Some(n) = noun.filter(|n| n.class == Class::Target) {
        if out.is_some_and(|o| o.class == Class::Outcome(Kind::Casualty)) {
            return Some((Kind::Strike, n.unit.to_string()));
        }
    }
    if let Some(o) = out {
        let Class::Outcome(kind) = o.class else { unreachable!("outcomes are outcome entries") };
        if kind == Kind::Strike {
            // "3 sites destroyed": the thing is the unit; "destroyed eight" alone counts nothing named.
            return noun.map(|n| (kind, n.unit.to_string()));
        }
        if kind == Kind::Other {
            let unit = noun.map_or(o.unit, |n| n.unit);
            return Some((kind, unit.to_string()));
        }
        return Some((kind, o.unit.to_string()));
    }
    let n = noun?;
    let kind = match n.class {
        Class::Forces => Kind::Troops,
        Class::Harm => Kind::Casualty,
        Class::Attack => Kind::Strike,
        Class::Operation => Kind::Operation,
        Class::Target if striking => Kind::Strike,
        Class::Target | Class::People | Class::Item => Kind::Other,
        Class::Outcome(k) => k,
    };
    Some((kind, n.unit.to_string()))
}

fn figure(toks: &[Token], taken: &[bool], n: Number, striking: bool) -> Option<Figure> {
    // "attacks on three government buildings", "the bombing of two schools": the targets an
    // attack's noun is on were struck, whatever else the sentence tells ("Since the bombing, two
    // schools have reopened" is no strike).
    let striking = striking || attacked_on(toks, n.start);
    let first = &toks[n.start];
    // A number no figure can be stored as exactly (2^53 and beyond, or digits past f64) is not
    // read as one: the rest of the article still is.
    if !n.value.is_finite() || n.value.abs() >= 9_007_199_254_740_992.0 {
        return None;
    }
    // Not counts: 24/7, 9:30, a number glued to a slash or colon.
    let prev = n.start.checked_sub(1).map(|p| &toks[p]);
    let next = toks.get(n.end);
    if next.is_some_and(|t| t.is_punct('/') || t.is_punct(':'))
        || prev.is_some_and(|t| t.is_punct('/') || t.is_punct(':'))
    {
        return None;
    }
    if first.kind == TokKind::Number
        && prev.is_some_and(|p| {
            p.is_any(&[
                "No",
                "Number",
                "Resolution",
                "Article",
                "Section",
                "Task",
                "Force",
                "Route",
                "Highway",
                "Camp",
                "Tower",
                "Flight",
            ])
        })
    {
        return None;
    }
    if toks[n.start..n.end].iter().enumerate().any(|(k, _)| taken[n.start + k]) {
        return None;
    }
    // "attacks like this one against civilians", "the one who": a pronoun, not a count.
    if first.is("one")
        && n.end == n.start + 1
        && prev.is_some_and(|p| p.is_any(&["this", "that", "the", "each", "every", "which", "another"]))
    {
        return None;
    }
    // Money: a currency sign before, or its name after ("20 million pounds" is money, "20 pounds"
    // a weight).
    let sign = prev.and_then(|p| match p.text {
        "$" => Some("dollars"),
        "\u{00A3}" => Some("pounds"),
        "\u{20AC}" => Some("euros"),
        _ => None,
    });
    let scaled = n.end > n.start + 1 || first.kind == TokKind::Word && !n.spelled;
    let named = next.and_then(|t| {
        if t.is_any(&["dollars", "USD"]) {
            Some("dollars")
        } else if t.is_any(&["euros", "EUR"]) {
            Some("euros")
        } else if t.is("pounds") && scaled {
            Some("pounds")
        } else {
            None
        }
    });
    let currency = sign.or(named);
    let percent = next.is_some_and(|t| {
        t.is_punct('%') || t.is("percent") || (t.is("per") && toks.get(n.end + 1).is_some_and(|c| c.is("cent")))
    });
    let q_end = if sign.is_some() { n.start - 1 } else { n.start };
    // A bound said outright overrides the vagueness of the number: "more than a dozen" is at
    // least 12, not about 12.
    let (mut start, mut qualifier) = match qualifier_before(toks, q_end) {
        Some((s, q)) if n.qualifier == Qualifier::Exact => (s, q),
        Some((s, q)) if n.qualifier == Qualifier::Approximate && q != Qualifier::Approximate => (s, q),
        _ => (q_end, n.qualifier),
    };
    let mut value = n.value;
    // "no one was hurt", "not one soldier", "none of the 40 soldiers": none.
    if first.is("one") && prev.is_some_and(|p| p.is_any(&["no", "not"])) {
        value = 0.0;
        start = n.start - 1;
    }
    let none_of = |k: usize| toks.get(k).is_some_and(|t| t.is("none")) && toks.get(k + 1).is_some_and(|t| t.is("of"));
    if n.start >= 3 && none_of(n.start - 3) && toks[n.start - 1].is_any(&["the", "its", "their"]) {
        value = 0.0;
        start = n.start - 3;
    } else if n.start >= 2 && none_of(n.start - 2) {
        value = 0.0;
        start = n.start - 2;
    }
    let mut low = None;
    let mut high = None;
    let mut end = n.end;
    // Ranges: "between 20 and 30", "20 to 30", "20-30", "two or three".
    if let Some(sep) = toks.get(end) {
        let between = start > 0 && toks[start - 1].is("between");
        // "rose by 12 to 117", "fell from 30 to 20": a change and where it ended, no range.
        let changed = |k: usize| {
            toks[k].is_any(&[
                "rose",
                "risen",
                "fell",
                "fallen",
                "climbed",
                "increased",
                "decreased",
                "dropped",
                "grew",
                "jumped",
                "declined",
            ])
        };
        let change = sep.is("to")
            && start > 0
            && (toks[start - 1].is("by") || toks[start - 1].is("from") && start > 1 && changed(start - 2));
        let joins = !change
            && ((between && sep.is("and"))
                || sep.is_any(&["to", "or"])
                || sep.is_punct('-')
                || sep.is_punct('\u{2013}'));
        if joins {
            let after = if sign.is_some() && toks.get(end + 1).is_some_and(|t| t.kind == TokKind::Punct) {
                end + 2
            } else {
                end + 1
            };
            if let Some(m) = numbers::read(toks, after)
                .filter(|m| m.qualifier == Qualifier::Exact && m.value > value && !taken[m.start])
            {
                if between {
                    start -= 1;
                }
                low = Some(value);
                high = Some(m.value);
                qualifier = Qualifier::Exact;
                end = m.end;
                // "$20 to 30 million": the scale of the second end applies to both.
                if m.value >= 1000.0 * value && n.end == n.start + 1 && m.end > m.start + 1 {
                    let s = m.value / toks[m.start].number().unwrap_or(m.value);
                    value *= s;
                    low = Some(value);
                }
            }
        }
    }
    if let Some(currency) = currency {
        if named.is_some() && sign.is_none() {
            end += 1;
        }
        return Some(with_bounds(Figure {
            start,
            end,
            claim_start: start,
            claim_end: end,
            value,
            low,
            high,
            qualifier,
            unit: Some(currency.into()),
            kind: Some(Kind::Other),
            noun_start: end,
            subject: None,
        }));
    }
    if percent {
        let e = if toks[n.end].is("per") { end + 2 } else { end + 1 };
        return Some(Figure {
            start,
            end: e,
            claim_start: start,
            claim_end: e,
            value,
            low,
            high,
            qualifier,
            unit: Some("percent".into()),
            kind: None,
            noun_start: e,
            subject: None,
        });
    }
    // "more than 78 tons of humanitarian aid", "nearly 47 metric tons of food": a weight of
    // something delivered or seized is a figure, counted in its measure. A distance, a duration
    // or a weight of nothing named is not.
    let metric = toks.get(end).is_some_and(|t| t.is("metric")) as usize;
    let weight = toks
        .get(end + metric)
        .filter(|t| t.is_any(&["tons", "tonnes", "pounds", "kilograms", "gallons", "liters", "litres"]));
    if let Some(w) = weight.filter(|_| toks.get(end + metric + 1).is_some_and(|t| t.is("of"))) {
        let unit =
            if metric == 1 { format!("metric {}", w.text.to_ascii_lowercase()) } else { w.text.to_ascii_lowercase() };
        let e = end + metric + 1;
        return Some(with_bounds(Figure {
            start,
            end: e,
            claim_start: start,
            claim_end: e,
            value,
            low,
            high,
            qualifier,
            unit: Some(unit),
            kind: Some(Kind::Other),
            noun_start: e,
            subject: None,
        }));
    }
    // ("8 a.m.": the tokenizer gives lowercase initials apart, "a", ".", "m", ".".)
    let clock = toks.get(end).is_some_and(|t| t.is_any(&["a", "p"]))
        && toks.get(end + 1).is_some_and(|t| t.is_punct('.'))
        && toks.get(end + 2).is_some_and(|t| t.is("m"));
    if toks.get(end).is_some_and(measure) || clock {
        return None;
    }
    // "dozens of militants", "a couple of", "a number of": skip the "of".
    let mut noun_from = end;
    if n.spelled && n.qualifier != Qualifier::Exact && toks.get(end).is_some_and(|t| t.is("of")) {
        noun_from += 1;
    }
    // Partitives count the part: "Seven of the 10 soldiers were wounded" is 7 wounded, "Two of
    // them were killed" 2 killed.
    let mut pronoun_part = false;
    // A part of a whole with no number ("one of the soldiers") counts only where an outcome says
    // what happened to it: "one of the largest operations" counts no operation.
    let mut part_of = false;
    if toks.get(end).is_some_and(|t| t.is("of")) {
        match toks.get(end + 1) {
            Some(t) if t.is_any(&["them", "those", "these", "us"]) => {
                noun_from = end + 2;
                pronoun_part = true;
            }
            Some(t) if t.is("the") => {
                // "19 of the dead were civilians", "seven of the wounded": a part of the harmed.
                let harmed = toks.get(end + 2).and_then(|w| match () {
                    _ if w.is_any(&["victims", "fatalities"]) => outcome_named("killed"),
                    _ if w.is_any(&["dead", "wounded", "injured", "killed"]) => outcome(w),
                    _ => None,
                });
                if let Some(o) = harmed {
                    return Some(with_bounds(Figure {
                        start,
                        end: end + 3,
                        claim_start: start,
                        claim_end: end + 3,
                        value,
                        low,
                        high,
                        qualifier,
                        unit: Some(o.unit.into()),
                        kind: Some(Kind::Casualty),
                        noun_start: end + 2,
                        subject: None,
                    }));
                }
                if let Some(whole) = numbers::read(toks, end + 2).filter(|w| w.value > value) {
                    noun_from = whole.end;
                } else {
                    part_of = true;
                    noun_from = end + 2;
                }
            }
            // "one of her finest warriors", "two of its soldiers".
            Some(t) if t.is_any(&["her", "his", "its", "their", "our"]) => {
                part_of = true;
                noun_from = end + 2;
            }
            _ => {}
        }
    }
    let noun = noun_after(toks, noun_from).map(|(a, e, entry)| {
        // "12 members of a U.S. Special Operations Task Force", "four members of Iraq's
        // military": members of a force are its troops.
        let of_force = entry.unit == "members"
            && toks.get(e).is_some_and(|t| t.is("of"))
            && toks[e + 1..(e + 9).min(toks.len())]
                .iter()
                .take_while(|t| t.kind != TokKind::Punct || t.is_punct('.'))
                .any(|t| {
                    t.is_any(&[
                        "force",
                        "forces",
                        "military",
                        "army",
                        "battalion",
                        "brigade",
                        "division",
                        "regiment",
                        "squadron",
                        "platoon",
                        "troops",
                        "marines",
                        "navy",
                        "militia",
                    ])
                });
        match counted("troops").filter(|_| of_force) {
            Some(troops) => (a, e, troops),
            None => (a, e, entry),
        }
    });
    // "30 Taliban killed", "More than 40,000 Palestinians have been killed", "Hundreds of
    // protesters were detained": words the lexicon does not know, right before the outcome that
    // says what happened to them, are what is counted.
    let group_end = if noun.is_none() && !pronoun_part { unknown_group(toks, noun_from) } else { None };
    let named_group = group_end.is_some();
    let noun_end = noun.map_or(
        if pronoun_part {
            noun_from
        } else if let Some(e) = group_end {
            e
        } else {
            end
        },
        |(_, e, _)| e,
    );
    // A figure's own outcome: after its noun ("were killed"), else before it ("killed 150").
    let mut claim_start = start;
    let mut claim_end = noun_end;
    // Without a noun, only "8 killed" or "two were killed": the outcome right after the number.
    let bare_outcome = named_group
        || toks
            .get(if pronoun_part { noun_from } else { end })
            .is_some_and(|t| outcome(t).is_some() || t.is_any(&["were", "was", "have", "had", "are"]))
        // "the six who were wounded".
        || toks.get(end).is_some_and(|t| t.is("who"))
            && toks.get(end + 1).is_some_and(|t| t.is_any(&["were", "have", "had"]));
    let fits = |verb: usize, before: bool| outcome_fits(&toks[verb], noun.map(|n| n.2), before);
    let after =
        outcome_after_negated(toks, noun_end).filter(|&(j, _, _)| (noun.is_some() || bare_outcome) && fits(j, false));
    // "The 40 soldiers were not hurt": none of them was (and "were not transferred to Iraq",
    // an outcome that does not fit troops, says nothing of how many there are).
    if after.is_some_and(|a| a.2) {
        value = 0.0;
        low = None;
        high = None;
        qualifier = Qualifier::Exact;
    }
    let after = after.map(|(j, e, _)| (j, e));
    let out = match after {
        Some((j, e)) => {
            claim_end = j + 1;
            Some(e)
        }
        None => outcome_before(toks, start)
            .filter(|&(s, _)| fits(s, true))
            // Past a determiner only to people: "killing the eight soldiers", not "captured all 15
            // seats" or "killed the 2,000 jobs".
            .filter(|&(s, _)| {
                !toks[s + 1].is_any(&["the", "all", "these", "those"])
                    || noun.is_some_and(|n| matches!(n.2.class, Class::People | Class::Forces))
            })
            .or_else(|| {
                toll_before(toks, start)
                    .filter(|_| noun.is_none_or(|n| matches!(n.2.class, Class::People | Class::Forces)))
            })
            .map(|(s, e)| {
                claim_start = s;
                e
            }),
    };
    // "took six others into custody": detained.
    let mut out = out;
    // "claiming more than 80 lives", "the attack claimed 12 lives": killed.
    if out.is_none()
        && start > 0
        && toks.get(end).is_some_and(|l| l.is("lives"))
        && toks[start - 1].is_any(&["claimed", "claiming", "claims", "took", "taking", "cost", "costing"])
    {
        out = outcome_named("killed");
        claim_start = start - 1;
        claim_end = end + 1;
    }
    if out.is_none() && start > 0 && toks[start - 1].is_any(&["took", "take", "takes", "taking"]) {
        let e = noun.map_or(if pronoun_part { noun_from } else { end }, |n| n.1).max(end);
        let custody = toks.get(e).is_some_and(|t| t.is("into")) && toks.get(e + 1).is_some_and(|t| t.is("custody"));
        if custody && noun.is_none_or(|n| matches!(n.2.class, Class::People | Class::Forces)) {
            out = outcome_named("detained");
            claim_start = start - 1;
            claim_end = e + 2;
        }
    }
    // "several deceased militants", "three wounded soldiers": the outcome as an adjective.
    let out = out.or_else(|| {
        let head = noun.map(|n| n.0)?;
        (noun_from..head).find_map(|k| {
            let t = &toks[k];
            outcome(t).filter(|o| {
                o.class == Class::Outcome(Kind::Casualty)
                    && t.is_any(&["dead", "deceased", "wounded", "injured", "slain"])
            })
        })
    });
    // Unless it counts more than one of a group of people ("More than 20 of the captives"); not
    // forces ("Two of the soldiers were from Texas" says where they are from), and not "one of
    // the civilians", which is a way of naming one person, not a count.
    let people_part = noun.is_some_and(|n| n.2.class == Class::People) && value > 1.0;
    if part_of && out.is_none() && !people_part {
        return None;
    }
    // "U.S. forces in Syria number about 2,000", "troop levels stood at 5,200": the forces
    // counted come before a verb of amount.
    if noun.is_none() && after.is_none() && out.is_none() {
        if let Some(f) = forces_numbering(toks, start) {
            return Some(Figure { end, claim_end: end, value, low, high, qualifier, ..f });
        }
    }
    if noun.is_none() && after.is_none() && out.is_none() {
        // A number the lexicon has no word for: shown by annotate (with the plural noun after
        // it, if there is one: "50 cars"), but it claims nothing. "One of the", "both" and
        // vague words alone are not even shown.
        if n.spelled && (value == 1.0 || n.qualifier != Qualifier::Exact || first.is("both")) {
            return None;
        }
        let plural = toks.get(end).filter(|t| {
            t.kind == TokKind::Word
                && !t.is_capitalized()
                && t.text.len() > 3
                && t.text.ends_with('s')
                && !t.text.ends_with("ss")
                && !t.is_any(&["was", "has", "is", "this", "thus", "plus", "less", "various", "previous", "serious"])
        });
        let e = plural.map_or(end, |_| end + 1);
        return Some(Figure {
            start,
            end: e,
            claim_start: start,
            claim_end: e,
            value,
            low,
            high,
            qualifier,
            unit: plural.map(|t| t.text.to_ascii_lowercase()),
            kind: None,
            noun_start: e,
            subject: None,
        });
    }
    // "both" counts only people or operations ("both service members", "both raids").
    if first.is("both")
        && out.is_none()
        && !noun.is_some_and(|n| {
            matches!(n.2.class, Class::Forces | Class::People | Class::Operation | Class::Attack | Class::Harm)
        })
    {
        return None;
    }
    let (mut kind, mut unit) = kind_of(noun.map(|n| n.2), out, striking)?;
    // "Two suspected U.S. drones have killed 11 militants": weapons counted that have done harm
    // are a strike's (in the simple past the outcome says so, in [`kind_of`]).
    if let Some(target) = noun.filter(|n| kind == Kind::Other && n.2.class == Class::Target) {
        let mut k = target.1;
        if toks.get(k).is_some_and(|t| t.is_any(&["have", "has", "had"])) {
            k += 1;
            if toks.get(k).is_some_and(|t| t.text.ends_with("ly") || t.is_any(&["now", "also", "already"])) {
                k += 1;
            }
            if toks.get(k).and_then(outcome).is_some_and(|o| o.class == Class::Outcome(Kind::Casualty)) {
                kind = Kind::Strike;
            }
        }
    }
    // "The earthquake destroyed two schools": things nature destroyed were not struck.
    if let Some(target) = noun.filter(|n| kind == Kind::Strike && n.2.class == Class::Target) {
        if toks.iter().any(|t| t.is_any(one::NATURE)) {
            (kind, unit) = (Kind::Other, target.2.unit.to_string());
        }
    }
    // "hundreds of Serbs were evacuated": what is counted names the unit (lowercase, as the
    // store keeps units) of a figure whose outcome says no more than what was done to them.
    // (As the store spells units, lowercase ASCII words: "Afro-Colombians" counts "afro
    // colombians"; a name beyond ASCII, "Māori", counts "people".)
    if let (Some(e), Kind::Other) = (group_end, kind) {
        let word = toks[e - 1].text.to_ascii_lowercase().replace('-', " ");
        let ascii = !word.trim().is_empty() && word.chars().all(|c| c.is_ascii_lowercase() || c == ' ');
        unit = if ascii { word.split_whitespace().collect::<Vec<_>>().join(" ") } else { "people".to_string() };
    }
    // "One strike killed an operative": the strikes counted end at their noun, and the killing is
    // left to the figure that counts it.
    let (claim_start, claim_end) =
        if out.is_some_and(|o| o.class != Class::Outcome(kind)) { (start, noun_end) } else { (claim_start, claim_end) };
    Some(with_bounds(Figure {
        start,
        end: noun_end,
        claim_start,
        claim_end,
        value,
        low,
        high,
        qualifier,
        unit: Some(unit),
        kind: Some(kind),
        noun_start: end,
        subject: None,
    }))
}

impl Figure {
    /// One of something, exactly, though no number is written ("killed al-Shabab leader Ahmed
    /// Abdi Godane", "a weapons cache"): its words, the claim's words, no subject.
    fn one(kind: Option<Kind>, unit: Option<String>, (start, end): (usize, usize), claim: (usize, usize)) -> Figure {
        Figure {
            start,
            end,
            claim_start: claim.0,
            claim_end: claim.1,
            value: 1.0,
            low: None,
            high: None,
            qualifier: Qualifier::Exact,
            unit,
            kind,
            noun_start: start,
            subject: None,
        }
    }
}

/// Fills the bounds a qualifier implies: at least 7 is [7, ∞), up to 20 is (∞, 20].
fn with_bounds(mut f: Figure) -> Figure {
    match f.qualifier {
        Qualifier::AtLeast if f.low.is_none() => f.low = Some(f.value),
        Qualifier::AtMost if f.high.is_none() => f.high = Some(f.value),
        _ => {}
    }
    f
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn figures(s: &str) -> Vec<String> {
        let toks = tokenize(s);
        let taken = vec![false; toks.len()];
        let striking = toks.iter().any(|t| t.has(super::super::tokens::class::STRIKING));
        find(&toks, &taken, striking)
            .into_iter()
            .map(|f| {
                let quote = &s[toks[f.claim_start].start..toks[f.claim_end - 1].end];
                format!(
                    "{} {}{}{} {} {} | {quote}",
                    f.kind.map_or("-", |k| k.as_str()),
                    f.value,
                    f.low.map_or(String::new(), |l| format!(" >={l}")),
                    f.high.map_or(String::new(), |h| format!(" <={h}")),
                    f.unit.as_deref().unwrap_or("-"),
                    f.qualifier,
                )
            })
            .collect()
    }

    #[test]
    fn figures_find_what_they_count() {
        assert_eq!(
            figures("Around 2,500 U.S. troops are in Iraq"),
            ["troops 2500 troops approximate | Around 2,500 U.S. troops"]
        );
        assert_eq!(
            figures("One member of the multinational coalition was killed, and two others were wounded"),
            [
                "casualty 1 killed exact | One member of the multinational coalition was killed",
                "casualty 2 wounded exact | two others were wounded"
            ]
        );
        assert_eq!(
            figures("it said no American personnel were injured."),
            ["casualty 0 injured exact | no American personnel were injured"]
        );
        assert_eq!(figures("there were no U.S. casualties"), ["casualty 0 casualties exact | no U.S. casualties"]);
        assert_eq!(
            figures("forces killed at least seven ISIS operatives"),
            ["casualty 7 >=7 killed at_least | killed at least seven ISIS operatives"]
        );
        assert_eq!(figures("31 ISIS operatives detained"), ["capture 31 detained exact | 31 ISIS operatives detained"]);
        assert_eq!(figures("8 killed"), ["casualty 8 killed exact | 8 killed"]);
        assert_eq!(
            figures("between 20 and 30 civilians"),
            ["other 20 >=20 <=30 civilians exact | between 20 and 30 civilians"]
        );
        assert_eq!(figures("dozens of militants"), ["other 12 >=12 militants at_least | dozens of militants"]);
        assert_eq!(
            figures("a strike that resulted in the death of Usamah al-Muhajir, an ISIS leader"),
            ["casualty 1 killed exact | the death of Usamah al-Muhajir"]
        );
        // A name before people counted no number: "killing Islamic State militants".
        assert!(figures("were successful in killing Islamic State militants fighting in the cave").is_empty());
        assert_eq!(
            figures("the strike killed Abu Bakr al-Baghdadi"),
            ["casualty 1 killed exact | killed Abu Bakr al-Baghdadi"]
        );
        // Dying is told as the text tells it, whatever killed them: "died in an airstrike" is
        // dead (the checker's families hold "dead" and "killed" as one).
        assert_eq!(
            figures("at least 26 people have died in an airstrike"),
            ["casualty 26 >=26 dead at_least | at least 26 people have died"]
        );
        assert_eq!(
            figures("the raid led to the capture of a senior ISIS leader"),
            ["capture 1 captured exact | the capture of a senior ISIS leader"]
        );
        assert!(figures("the death of the process").is_empty());
        assert_eq!(
            figures("The aircraft struck another APC, destroying the APC."),
            [
                "strike 1 armored personnel carriers exact | struck another APC",
                "strike 1 armored personnel carriers exact | destroying the APC"
            ]
        );
        assert!(figures("The aircraft destroyed the vehicles.").is_empty(), "the vehicles are not one");
        assert_eq!(figures("the deaths of 15 civilians"), ["casualty 15 killed exact | deaths of 15 civilians"]);
        assert_eq!(
            figures("the deaths of 15 civilians in the airstrike"),
            ["casualty 15 killed exact | deaths of 15 civilians"],
            "a death in a strike was a killing"
        );
        assert_eq!(
            figures("Some said he was killed in an airstrike, while others claimed he died in Raqqa."),
            ["casualty 1 killed exact | he was killed", "casualty 1 dead exact | he died"]
        );
        assert_eq!(
            figures("causing minor injuries to two women and two children."),
            ["casualty 2 injured exact | injuries to two women", "casualty 2 injured exact | two children"]
        );
        let trucks = figures("The strike killed three fighters and two trucks.");
        assert_eq!(trucks[0], "casualty 3 killed exact | killed three fighters");
        assert!(!trucks[1].starts_with("casualty"), "trucks are not people: {trucks:?}");
        assert_eq!(
            figures("That operation led to the capture of “ISIS attack cell leader,” Abu Yusif."),
            ["capture 1 captured exact | the capture of “ISIS attack cell leader,”"]
        );
        assert!(figures("the capture of “the city”").is_empty(), "a place in quotation marks is not a person");
        assert_eq!(
            figures("U.S. forces in Syria number about 2,000."),
            ["troops 2000 troops approximate | U.S. forces in Syria number about 2,000"]
        );
        assert_eq!(figures("Troop levels stood at 5,200."), ["troops 5200 troops exact | Troop levels stood at 5,200"]);
        assert!(figures("The attacks number in the dozens, officials said.").iter().all(|f| !f.starts_with("troops")));
        assert_eq!(figures("up to $20 million for"), ["other 20000000 <=20000000 dollars at_most | up to $20 million"]);
        assert_eq!(figures("38 operations"), ["operation 38 operations exact | 38 operations"]);
        assert_eq!(figures("conducted 12 strikes"), ["strike 12 strikes exact | 12 strikes"]);
        assert_eq!(figures("more than 5,000 troops"), ["troops 5000 >=5000 troops at_least | more than 5,000 troops"]);
        assert_eq!(figures("none were killed"), ["casualty 0 killed exact | none were killed"]);
        assert_eq!(figures("He died in Raqqa"), ["casualty 1 dead exact | He died"]);
        assert_eq!(
            figures("Turki al-Binali, the group's chief cleric, was killed in an airstrike"),
            ["casualty 1 killed exact | Turki al-Binali, the group's chief cleric, was killed"]
        );
        assert_eq!(
            figures("the Bahraini cleric was captured"),
            ["capture 1 captured exact | the Bahraini cleric was captured"]
        );
        assert_eq!(figures("no one was hurt"), ["casualty 0 injured exact | no one was hurt"]);
        assert_eq!(
            figures("A Multinational Division Baghdad soldier was killed"),
            ["casualty 1 killed exact | A Multinational Division Baghdad soldier was killed"]
        );
        assert_eq!(
            figures("a cameraman working with the Somali National Army was also killed"),
            ["casualty 1 killed exact | a cameraman working with the Somali National Army was also killed"]
        );
        assert!(figures("a town near the border of the Kurdish region was captured").is_empty());
        assert_eq!(
            figures("the victims included two women"),
            ["casualty 2 killed exact | the victims included two women"]
        );
        assert_eq!(
            figures("a cameraman was seriously wounded"),
            ["casualty 1 wounded exact | a cameraman was seriously wounded"]
        );
        assert_eq!(figures("a few dozen troops"), ["troops 36 >=36 troops at_least | a few dozen troops"]);
        assert_eq!(
            figures("Akhtar Mohammad Osmani, a senior Taleban military commander who was killed"),
            ["casualty 1 killed exact | a senior Taleban military commander who was killed"]
        );
        assert_eq!(
            figures("Dozens of U.N. special police and some NATO peacekeepers were hurt"),
            ["casualty 12 >=12 injured at_least | Dozens of U.N. special police and some NATO peacekeepers were hurt"]
        );
        // From a review: the phrase about a person never runs into another clause.
        assert!(figures("A soldier serving at the base said nobody was hurt").is_empty());
        assert!(figures("A doctor working at the hospital whose director was killed fled").is_empty());
        assert_eq!(
            figures("None of the 40 soldiers was hurt"),
            ["casualty 0 injured exact | None of the 40 soldiers was hurt"]
        );
        assert_eq!(figures("The 40 soldiers were not hurt"), ["casualty 0 injured exact | 40 soldiers were not hurt"]);
        assert_eq!(
            figures("Not a single soldier was killed"),
            ["casualty 0 killed exact | Not a single soldier was killed"]
        );
        assert_eq!(
            figures("Seven of the 10 soldiers were wounded"),
            ["casualty 7 wounded exact | Seven of the 10 soldiers were wounded"]
        );
        assert_eq!(figures("Two of them were killed"), ["casualty 2 killed exact | Two of them were killed"]);
        assert_eq!(figures("The city was captured in June"), Vec::<String>::new());
        assert_eq!(figures("The bill was killed in committee"), Vec::<String>::new());
        assert_eq!(figures("The strike killed 99999999999999999999 militants"), Vec::<String>::new());
        assert_eq!(figures("The building was destroyed"), Vec::<String>::new());
        assert_eq!(figures("Fighters were killed"), Vec::<String>::new());
        assert_eq!(
            figures("no civilians were killed or injured"),
            [
                "casualty 0 killed exact | no civilians were killed",
                "casualty 0 injured exact | no civilians were killed or injured"
            ]
        );
        assert_eq!(
            figures("the detention of six ISIS operatives"),
            ["capture 6 detained exact | detention of six ISIS operatives"]
        );
        assert_eq!(
            figures("causing minor injuries to two women"),
            ["casualty 2 injured exact | injuries to two women"]
        );
        assert_eq!(
            figures("struck two ISIL armored personnel carriers"),
            ["strike 2 armored personnel carriers exact | two ISIL armored personnel carriers"]
        );
        assert_eq!(figures("destroyed eight aerial drones"), ["strike 8 drones exact | destroyed eight aerial drones"]);
        assert_eq!(
            figures("destroyed an Iranian-backed Houthi missile system"),
            ["strike 1 systems exact | destroyed an Iranian-backed Houthi missile system"]
        );
        assert_eq!(
            figures("killed al-Shabab leader Ahmed Abdi Godane"),
            ["casualty 1 killed exact | killed al-Shabab leader Ahmed Abdi Godane"]
        );
        assert_eq!(
            figures("the raid captured a senior ISIS official"),
            ["capture 1 captured exact | captured a senior ISIS official"]
        );
        assert_eq!(
            figures("officials do not believe there are any civilian casualties"),
            ["casualty 0 casualties exact | any civilian casualties"]
        );
        assert_eq!(
            figures("both service members sustained serious injuries"),
            ["casualty 2 injured exact | both service members sustained serious injuries"]
        );
        assert_eq!(figures("killed ISIS fighters"), Vec::<String>::new());
        assert_eq!(figures("forces shot down a drone"), ["strike 1 drones exact | shot down a drone"]);
        // What was fired at, when one: the thing, not the verb.
        assert_eq!(
            figures("The drone fired two missiles at a compound"),
            ["strike 2 missiles exact | fired two missiles", "strike 1 compounds exact | a compound"]
        );
        assert!(figures("aircraft fired missiles at the compound").is_empty());
        assert!(figures("the attack on a convoy").is_empty());
        assert!(figures("Police launched an investigation at a hospital").is_empty());
        assert_eq!(figures("between 8 a.m. Friday and 8 p.m. Saturday"), Vec::<String>::new());
        assert_eq!(
            figures("We mourn those killed in these acts, including Michael James Riddering, an American"),
            ["casualty 1 killed exact | Michael James Riddering"]
        );
        assert_eq!(
            figures("Gunmen killed 30 people, including Michael James Riddering"),
            ["casualty 30 killed exact | killed 30 people", "casualty 1 killed exact | Michael James Riddering"]
        );
        assert!(figures("Leaders met in Paris, including Emmanuel Macron").is_empty());
        assert_eq!(
            figures("The blasts each claimed the life of one U.S. soldier"),
            ["casualty 1 killed exact | claimed the life of one U.S. soldier"]
        );
        assert!(figures("the life of a soldier is hard").iter().all(|f| !f.starts_with("casualty")));
        assert_eq!(figures("22 cadets who were killed"), ["casualty 22 killed exact | 22 cadets who were killed"]);
        assert_eq!(
            figures("an innocent citizen was tragically killed"),
            ["casualty 1 killed exact | an innocent citizen was tragically killed"]
        );
        // Past a determiner only to people.
        assert!(figures("The party captured all 15 seats in the district").iter().all(|f| !f.starts_with("capture")));
        assert!(figures("The layoffs killed the 2,000 jobs at the plant").iter().all(|f| !f.starts_with("casualty")));
        assert_eq!(
            figures("the death of hundreds of civilians, including United States citizens"),
            ["casualty 100 >=100 killed at_least | death of hundreds of civilians"]
        );
        assert_eq!(
            figures("the bomb exploded, killing the eight soldiers instantly"),
            ["casualty 8 killed exact | killing the eight soldiers"]
        );
        assert!(figures("Police arrested Extinction Rebellion activists").is_empty());
        assert_eq!(figures("the capture of four top leaders"), ["other 4 leaders exact | four top leaders"]);
        assert_eq!(
            figures("destroying three other Houthi drones"),
            ["strike 3 drones exact | destroying three other Houthi drones"]
        );
        assert_eq!(figures("Two were killed"), ["casualty 2 killed exact | Two were killed"]);
        assert_eq!(figures("worth $10M"), ["other 10000000 dollars exact | $10M"]);
        assert_eq!(figures("for \u{a3}2,000"), ["other 2000 pounds exact | \u{a3}2,000"]);
        assert_eq!(figures("20 million pounds"), ["other 20000000 pounds exact | 20 million pounds"]);
        assert_eq!(figures("50 cars"), ["- 50 cars exact | 50 cars"]);
    }

    #[test]
    fn measures_designations_and_percentages_are_not_counts() {
        assert!(figures("F-16s and A-10s of the 1st Battalion").is_empty());
        assert!(figures("a 10-year-old boy").is_empty());
        assert!(figures("for 23 days").is_empty());
        assert!(figures("open 24/7").is_empty());
        assert_eq!(figures("about 15 percent"), ["- 15 percent approximate | about 15 percent"]);
        assert!(figures("one of the largest").is_empty());
        assert!(figures("It was one of the largest operations").is_empty());
        assert!(figures("not attacks like this one against innocent civilians").is_empty());
    }

    /// Counts that no digit writes: people lost, the last of a list of things struck, one person
    /// joined to a casualty count, a singular harm, a bound said outright over a vague number.
    #[test]
    fn counts_written_without_a_number() {
        assert_eq!(
            figures("the United States lost one of her finest warriors"),
            ["casualty 1 dead exact | lost one of her finest warriors"]
        );
        assert_eq!(figures("the coalition lost two drones"), ["other 2 drones exact | two drones"]);
        assert_eq!(
            figures("Two airstrikes destroyed two ISIL armed vehicles and a weapons cache"),
            [
                "strike 2 strikes exact | Two airstrikes destroyed",
                "strike 2 vehicles exact | destroyed two ISIL armed vehicles",
                "strike 1 weapons caches exact | a weapons cache"
            ]
        );
        assert_eq!(
            figures("The rockets killed two U.S. service members and a British medic"),
            ["casualty 2 killed exact | killed two U.S. service members", "casualty 1 killed exact | a British medic"]
        );
        assert_eq!(figures("reports of a civilian injury"), ["casualty 1 injured exact | a civilian injury"]);
        assert!(figures("a death toll").is_empty());
        assert_eq!(
            figures("claimed the lives of more than a dozen civilians"),
            ["casualty 12 >=12 killed at_least | lives of more than a dozen civilians"]
        );
        assert_eq!(
            figures("forces transported more than 5,700 ISIS fighters"),
            ["capture 5700 >=5700 transferred at_least | transported more than 5,700 ISIS fighters"]
        );
        assert_eq!(figures("the Navy transported 200 troops"), ["troops 200 troops exact | 200 troops"]);
    }

    /// People a casualty count singles out or lists share its outcome; what is fired is struck;
    /// places are not captured as people are; a person named after the verb is one.
    #[test]
    fn counts_share_and_name_their_outcome() {
        assert_eq!(
            figures("A NATO air strike killed 11 civilians, including 10 children"),
            ["casualty 11 killed exact | killed 11 civilians", "casualty 10 killed exact | 10 children"]
        );
        // Singled out after the outcome, by "including" or "among them".
        for s in [
            "Eight people were killed, including three children",
            "Eight people were killed, among them three children",
        ] {
            assert_eq!(
                figures(s),
                ["casualty 8 killed exact | Eight people were killed", "casualty 3 killed exact | three children"],
                "{s}"
            );
        }
        assert_eq!(
            figures("Gunmen killed nine people, among them a police officer"),
            ["casualty 9 killed exact | killed nine people", "casualty 1 killed exact | a police officer"]
        );
        assert_eq!(figures("Police rounded up 40 suspects"), ["capture 40 detained exact | rounded up 40 suspects"]);
        // "no loss of life": none killed, and "or injuries" none hurt.
        assert_eq!(
            figures("There was no loss of life or injuries to our personnel"),
            ["casualty 0 killed exact | no loss of life", "casualty 0 injured exact | no loss of life or injuries"]
        );
        // A running total: its noun and outcome before the count.
        assert_eq!(
            figures("bringing the total number of air strikes to 34"),
            ["strike 34 strikes exact | total number of air strikes to 34"]
        );
        assert_eq!(
            figures("raising the total of peacekeepers killed there this month to 10"),
            ["casualty 10 killed exact | total of peacekeepers killed there this month to 10"]
        );
        assert_eq!(
            figures("He added the total to 40"),
            ["- 40 - exact | 40"],
            "a total of nothing named counts nothing"
        );
        // A part of the harmed.
        assert_eq!(figures("19 of the dead were civilians"), ["casualty 19 dead exact | 19 of the dead"]);
        assert_eq!(figures("Two of the victims were children"), ["casualty 2 killed exact | Two of the victims"]);
        // Targets listed after a strike's, with nouns the lexicon lacks; not a clause of its own.
        assert_eq!(
            figures("The strikes destroyed 4 weapons depots and 2 command centers"),
            [
                "strike 4 depots exact | destroyed 4 weapons depots",
                "strike 2 command centers exact | 2 command centers"
            ]
        );
        assert_eq!(
            figures("The strike destroyed two vehicles and 3 soldiers were killed"),
            ["strike 2 vehicles exact | destroyed two vehicles", "casualty 3 killed exact | 3 soldiers were killed"]
        );
        assert_eq!(
            figures("The ambush killed four American soldiers, four Nigerien soldiers and a Nigerien interpreter"),
            [
                "casualty 4 killed exact | killed four American soldiers",
                "casualty 4 killed exact | four Nigerien soldiers",
                "casualty 1 killed exact | a Nigerien interpreter"
            ]
        );
        assert!(figures("The company fired 50 employees").iter().all(|f| !f.starts_with("strike")));
        assert_eq!(figures("forces retreated from two towns captured last year"), ["other 2 towns exact | two towns"]);
        assert_eq!(figures("no civilians were harmed"), ["casualty 0 injured exact | no civilians were harmed"]);
        // Sides named before one noun of people share it; a noun alone before "or" stays alone.
        assert_eq!(
            figures("No Iraqi or coalition forces were harmed during the operation"),
            ["casualty 0 injured exact | No Iraqi or coalition forces were harmed"]
        );
        assert!(figures("no word of soldiers or police hurt").is_empty());
        assert_eq!(
            figures("A U.S. drone strike killed Gen. Qassem Soleimani"),
            ["casualty 1 killed exact | killed Gen. Qassem Soleimani"]
        );
        assert!(figures("The raid killed ISIS fighters").is_empty());
        assert_eq!(
            figures("Witnesses said five militants and three civilians died"),
            ["casualty 5 dead exact | five militants", "casualty 3 dead exact | three civilians died"]
        );
        // One outcome before the figure, another with its own figure after it: two claims, not
        // a third that gives the first figure the second outcome.
        assert_eq!(
            figures("The militants attacked a checkpoint, killing three soldiers and wounding seven"),
            [
                "strike 1 checkpoints exact | attacked a checkpoint",
                "casualty 3 killed exact | killing three soldiers",
                "casualty 7 wounded exact | wounding seven"
            ]
        );
        assert_eq!(
            figures("Two soldiers from the U.S. 4th Infantry Division were killed and another was wounded"),
            [
                "casualty 2 killed exact | Two soldiers from the U.S. 4th Infantry Division were killed",
                "casualty 1 wounded exact | another was wounded"
            ]
        );
        assert_eq!(
            figures("killed in a town where another Moroccan was killed Sunday"),
            ["casualty 1 killed exact | another Moroccan was killed"]
        );
        assert_eq!(
            figures("killed close to 100 Afghans last week, including a number of police officers"),
            [
                "casualty 100 killed approximate | killed close to 100",
                "casualty 2 >=2 killed at_least | a number of police officers"
            ]
        );
        assert_eq!(
            figures("killing at least six suspected militants -- including two senior Taliban commanders --"),
            [
                "casualty 6 >=6 killed at_least | killing at least six suspected militants",
                "casualty 2 killed exact | two senior Taliban commanders"
            ]
        );
        assert_eq!(
            figures("Eight ISAF and two ANSF service members were killed"),
            [
                "casualty 8 killed exact | Eight ISAF and two ANSF service members were killed",
                "casualty 2 killed exact | two ANSF service members were killed"
            ]
        );
        assert_eq!(
            figures("At least six Somali government soldiers and a cameraman were killed"),
            [
                "casualty 6 >=6 killed at_least | At least six Somali government soldiers and a cameraman were killed",
                "casualty 1 killed exact | a cameraman"
            ]
        );
        assert_eq!(
            figures("while another peacekeeper was injured"),
            ["casualty 1 injured exact | another peacekeeper was injured"]
        );
        assert!(
            !figures("another soldier killed two").iter().any(|f| f.contains("another")),
            "the soldier did the killing"
        );
        // "another" alone as what a verb of harm did it to: one more person.
        assert_eq!(
            figures("The attack killed one staff member and seriously wounded another."),
            ["casualty 1 killed exact | killed one staff member", "casualty 1 wounded exact | wounded another"]
        );
        assert_eq!(figures("police detained another in the raid"), ["capture 1 detained exact | detained another"]);
        assert!(figures("the blast wounded another time").is_empty(), "a noun follows");
        assert_eq!(
            figures("Another French soldier was seriously wounded."),
            ["casualty 1 wounded exact | Another French soldier was seriously wounded"]
        );
        // People said to have come to no harm: none hurt. A denial of arrest is no count.
        assert_eq!(figures("He was not hurt."), ["casualty 0 injured exact | He was not hurt"]);
        assert_eq!(
            figures("I am pleased that Ms. Buchanan and Mr. Thisted were not harmed during the operation."),
            ["casualty 0 injured exact | Ms. Buchanan and Mr. Thisted were not harmed"]
        );
        assert_eq!(
            figures("The minister was not injured."),
            ["casualty 0 injured exact | The minister was not injured"]
        );
        assert!(figures("He was not arrested.").is_empty());
        // More of the same after "and another"; the victims a count includes are the dead.
        assert_eq!(
            figures("Drones killed three people Saturday and another three on Sunday."),
            ["casualty 3 killed exact | killed three people", "casualty 3 killed exact | another three"]
        );
        assert_eq!(
            figures("Activists said the victims included two women."),
            ["casualty 2 killed exact | the victims included two women"]
        );
        assert!(figures("They bought three cars and another three houses").iter().all(|f| !f.contains("killed")));
        // The counted who did the harm, in the perfect, are not its victims.
        assert_eq!(
            figures("Five militants have killed two civilians."),
            ["other 5 militants exact | Five militants", "casualty 2 killed exact | killed two civilians"]
        );
        assert_eq!(figures("Two soldiers have died."), ["casualty 2 dead exact | Two soldiers have died"]);
        assert_eq!(
            figures("Four militants blew themselves up."),
            ["casualty 4 killed exact | Four militants blew themselves up"]
        );
        // A phrase of whose they are between people and their outcome.
        assert_eq!(
            figures("six fighters belonging to the pro-government militia were killed"),
            ["casualty 6 killed exact | six fighters belonging to the pro-government militia were killed"]
        );
        // Weapons counted that killed are a strike's, not the dead.
        assert_eq!(
            figures("Two U.S. drones killed 11 militants."),
            ["strike 2 drones exact | Two U.S. drones", "casualty 11 killed exact | killed 11 militants"]
        );
        assert_eq!(
            figures("Two suspected U.S. drones have reportedly killed 11 militants."),
            ["strike 2 drones exact | Two suspected U.S. drones", "casualty 11 killed exact | killed 11 militants"]
        );
        // One target struck, said in the passive.
        assert_eq!(
            figures("Residents say a mosque was also destroyed during the operation."),
            ["strike 1 mosques exact | a mosque was also destroyed"]
        );
        assert_eq!(
            figures("Six officers were killed and a bridge was partially damaged."),
            [
                "casualty 6 killed exact | Six officers were killed",
                "strike 1 bridges exact | a bridge was partially damaged"
            ]
        );
        // From a review: not by nature, nor without arms.
        assert!(figures("The earthquake killed 12 and a school was destroyed.")
            .iter()
            .all(|f| !f.starts_with("strike")));
        assert!(figures("A mosque was destroyed by fire.").is_empty());
        assert!(figures("The earthquake destroyed two schools.").iter().all(|f| !f.starts_with("strike")));
        assert!(figures("The blaze destroyed the building.").is_empty());
        assert_eq!(
            figures("Troops returned fire and destroyed a vehicle."),
            ["strike 1 vehicles exact | destroyed a vehicle"]
        );
        assert!(figures("A plan was damaged by leaks.").is_empty());
        // A running total told before or after what it counts.
        assert_eq!(
            figures("The deaths pushed to 117 the number of American soldiers killed in Iraq."),
            ["casualty 117 killed exact | 117 the number of American soldiers killed"]
        );
        assert_eq!(
            figures("The number of American soldiers killed in Iraq rose to 117."),
            ["casualty 117 killed exact | number of American soldiers killed in Iraq rose to 117"]
        );
        assert!(figures("Sales pushed to 117 the number of stores.").iter().all(|f| !f.starts_with("casualty")));
        assert!(figures("The death toll rose by 12 to 117.")
            .contains(&"casualty 117 killed exact | death toll rose by 12 to 117".to_string()));
        assert!(figures("from 20 to 30 people were killed").iter().any(|f| f.contains(">=20 <=30")), "a range still");
        assert_eq!(
            figures("The attack brought to 30 the death toll from the violence."),
            ["casualty 30 killed exact | 30 the death toll"]
        );
        assert_eq!(
            figures("The minister survived uninjured."),
            ["casualty 0 injured exact | The minister survived uninjured"]
        );
        assert_eq!(figures("He escaped unhurt."), ["casualty 0 injured exact | He escaped unhurt"]);
        assert!(figures("an unhurt child").is_empty());
        assert_eq!(
            figures("One of his bodyguards was killed."),
            ["casualty 1 killed exact | One of his bodyguards was killed"]
        );
        assert!(figures("The office of the minister was not hurt.").is_empty());
        // Custody taken: detained.
        assert_eq!(
            figures("Border Patrol agents took custody of 113 Haitians."),
            ["capture 113 detained exact | took custody of 113"]
        );
        assert_eq!(
            figures("Police are investigating two suspected smugglers who were taken into custody."),
            ["capture 2 detained exact | two suspected smugglers who were taken into custody"]
        );
        assert_eq!(
            figures("the 115 U.S. soldiers who were killed"),
            ["casualty 115 killed exact | 115 U.S. soldiers who were killed"]
        );
        assert_eq!(
            figures("The strike resulted in 30 Taliban killed"),
            ["casualty 30 killed exact | 30 Taliban killed"]
        );
        // People the lexicon does not know are counted by what happened to them.
        assert_eq!(
            figures("More than 40,000 Palestinians have been killed since the war began"),
            ["casualty 40000 >=40000 killed at_least | More than 40,000 Palestinians have been killed"]
        );
        assert_eq!(
            figures("Hundreds of protesters were detained"),
            ["capture 100 >=100 detained at_least | Hundreds of protesters were detained"]
        );
        assert_eq!(
            figures("12 pro-government demonstrators were injured"),
            ["casualty 12 injured exact | 12 pro-government demonstrators were injured"]
        );
        assert_eq!(
            figures("hundreds of Serbs were evacuated"),
            ["other 100 >=100 serbs at_least | hundreds of Serbs were evacuated"]
        );
        assert_eq!(
            figures("hope for quick recovery of the six who were wounded"),
            ["casualty 6 wounded exact | six who were wounded"]
        );
        // A place attacked is where the attack was, not a count of targets; a thing destroyed is one.
        assert!(figures("Militants attacked the base on Sunday").is_empty());
        assert!(figures("rockets hit the Basmaya base").is_empty());
        assert_eq!(figures("gunmen attacked a hotel"), ["strike 1 hotels exact | attacked a hotel"]);
        assert!(figures("their vehicle struck a roadside bomb").is_empty());
        assert_eq!(
            figures("Iranian forces shot down the American drone"),
            ["strike 1 drones exact | shot down the American drone"]
        );
        assert!(figures("He succumbed to pressure from lawmakers").is_empty());
        assert!(figures("The mayor mourned the loss of a beloved teacher").is_empty());
        // Ships sunk, pirates, the dead after an unknown group, "who died".
        assert_eq!(figures("sinking their vessel"), ["strike 1 vessels exact | sinking their vessel"]);
        assert!(figures("They praised their troops").is_empty());
        assert_eq!(
            figures("Two more suspected pirates were captured"),
            ["capture 2 captured exact | Two more suspected pirates were captured"]
        );
        assert_eq!(figures("some 50 Palestinians dead"), ["casualty 50 dead approximate | some 50 Palestinians dead"]);
        assert_eq!(
            figures("five American soldiers who died yesterday"),
            ["casualty 5 dead exact | five American soldiers who died"]
        );
        assert!(figures("these proud Marines died").is_empty());
        assert_eq!(
            figures("Among the dead is a logistics coordinator for the group"),
            ["casualty 1 dead exact | Among the dead is a logistics coordinator"]
        );
        assert_eq!(figures("the drowning of two children"), ["casualty 2 dead exact | drowning of two children"]);
        assert_eq!(figures("Two boys drowned"), ["casualty 2 dead exact | Two boys drowned"]);
        assert_eq!(figures("the murder of a Gendarme"), ["casualty 1 killed exact | murder of a Gendarme"]);
        assert_eq!(
            figures("killing 52 people -- 17 Americans and 35 Lebanese citizens"),
            [
                "casualty 52 killed exact | killing 52 people",
                "casualty 17 killed exact | 17 Americans",
                "casualty 35 killed exact | 35 Lebanese citizens"
            ]
        );
        assert_eq!(
            figures("At least nine bystanders were also injured"),
            ["casualty 9 >=9 injured at_least | At least nine bystanders were also injured"]
        );
        assert_eq!(figures("the 7,000-member A.U. force"), ["troops 7000 troops exact | 7,000-member A.U. force"]);
        assert_eq!(
            figures("two peacekeepers were shot and killed"),
            ["casualty 2 killed exact | two peacekeepers were shot and killed"]
        );
        assert_eq!(
            figures("Three soldiers were shot dead"),
            ["casualty 3 killed exact | Three soldiers were shot dead"]
        );
        assert_eq!(figures("troops shot dead two civilians"), ["casualty 2 killed exact | shot dead two civilians"]);
        assert_eq!(figures("the bodies of two soldiers"), ["casualty 2 dead exact | bodies of two soldiers"]);
        assert_eq!(figures("Police found 12 bodies"), ["casualty 12 dead exact | 12 bodies"]);
        assert_eq!(
            figures("The loss of these 12 brave Americans"),
            ["casualty 12 dead exact | loss of these 12 brave Americans"]
        );
        assert_eq!(
            figures("The deaths of these three al-Qaida leaders"),
            ["casualty 3 killed exact | deaths of these three al-Qaida leaders"]
        );
        assert_eq!(figures("the loss of two helicopters"), ["other 2 helicopters exact | two helicopters"]);
        // A bomber among the dead; a death by wounds.
        assert_eq!(figures("A second bomber killed only himself"), ["casualty 1 killed exact | killed only himself"]);
        assert!(figures("killing six worshippers and himself")
            .contains(&"casualty 1 killed exact | killing six worshippers and himself".to_string()));
        assert!(figures("He blamed himself").is_empty());
        assert_eq!(figures("he succumbed to the injuries"), ["casualty 1 dead exact | he succumbed"]);
        // A weight of something named is a figure in its measure; a distance or a bare weight is not.
        assert_eq!(
            figures("delivered more than 78 tons of humanitarian aid"),
            ["other 78 >=78 tons at_least | more than 78 tons"]
        );
        assert_eq!(
            figures("nearly 47 metric tons of food"),
            ["other 47 metric tons approximate | nearly 47 metric tons"]
        );
        assert!(figures("a man weighing 200 pounds").is_empty());
        assert!(figures("about 185 miles of road").is_empty());
        // A bare count beside a figure, in the same pattern of place, counts what it counts.
        assert_eq!(
            figures("about 900 troops in Syria and 2,500 in Iraq"),
            ["troops 900 troops approximate | about 900 troops", "troops 2500 troops exact | 2,500"]
        );
        assert_eq!(
            figures("Some 200 people were killed in Gaza and 30 in Lebanon"),
            ["casualty 200 killed approximate | Some 200 people were killed", "casualty 30 killed exact | 30"]
        );
        assert!(figures("500 troops in Iraq and 30 percent in Syria").iter().all(|f| !f.starts_with("troops 30")));
        assert_eq!(figures("shot down 98 of the drones"), ["strike 98 drones exact | shot down 98 of the drones"]);
        // Not a group: words that end the phrase, or a clause of its own.
        assert!(
            figures("30 in Gaza were killed").iter().all(|f| !f.contains("gaza")),
            "{:?}",
            figures("30 in Gaza were killed")
        );
        assert!(figures("the two sides said protesters were killed").iter().all(|f| !f.contains("killed")));
        // A phrase with a number of its own, or a new clause, keeps its passive.
        assert!(
            !figures("Two soldiers from Texas said three civilians were killed")
                .iter()
                .any(|f| f.starts_with("casualty 2")),
            "{:?}",
            figures("Two soldiers from Texas said three civilians were killed")
        );
        assert_eq!(
            figures("Five soldiers were killed, including a military commander"),
            ["casualty 5 killed exact | Five soldiers were killed", "casualty 1 killed exact | a military commander"]
        );
        assert_eq!(
            figures("He said the dead included a Moroccan national"),
            ["casualty 1 dead exact | the dead included a Moroccan national"]
        );
        assert_eq!(
            figures("among those killed was a deputy to the commander"),
            ["casualty 1 killed exact | among those killed was a deputy"]
        );
        assert!(figures("the dead included a warning to others").is_empty());
        assert_eq!(
            figures("The patrol found several deceased militants and three wounded soldiers"),
            [
                "casualty 3 >=3 dead at_least | several deceased militants",
                "casualty 3 wounded exact | three wounded soldiers"
            ]
        );
        assert_eq!(
            figures("A group of 12 members of a U.S. Special Operations Task Force"),
            ["troops 12 troops exact | 12 members"]
        );
        assert!(figures("12 members of the committee voted").iter().all(|f| !f.starts_with("troops")));
        assert!(figures("violate multiple United Nations Security Council resolutions").is_empty());
        assert!(figures("both American and Pakistani officials").is_empty());
        assert_eq!(
            figures("No coalition forces or civilian casualties were reported"),
            ["casualty 0 casualties exact | No coalition forces or civilian casualties"]
        );
        assert_eq!(
            figures("There were no U.S. or Afghan casualties"),
            ["casualty 0 casualties exact | no U.S. or Afghan casualties"]
        );
        assert_eq!(
            figures("The raid killed nine militants and took six others into custody"),
            [
                "casualty 9 killed exact | killed nine militants",
                "capture 6 detained exact | took six others into custody"
            ]
        );
        assert_eq!(
            figures("condemns the murder of a Cameroonian Marine"),
            ["casualty 1 killed exact | murder of a Cameroonian Marine"]
        );
        assert_eq!(
            figures("the transfer of two detainees to Algeria"),
            ["capture 2 transferred exact | transfer of two detainees"]
        );
        assert_eq!(
            figures("the 10,000-strong NATO peacekeeping force"),
            ["troops 10000 troops exact | 10,000-strong NATO peacekeeping force"]
        );
        assert!(figures("the murder of a plan").is_empty());
        assert!(figures("the attempted murder of a police officer").is_empty());
        assert!(figures("Two soldiers said civilians were killed").iter().all(|f| !f.starts_with("casualty 2")));
        assert_eq!(
            figures("soldiers captured another seven attackers alive"),
            ["capture 7 captured exact | captured another seven attackers"]
        );
        assert_eq!(
            figures("the dead soldiers include six Somalis and five men from Djibouti"),
            ["casualty 6 dead exact | the dead soldiers include six", "casualty 5 dead exact | five men"]
        );
        assert_eq!(
            figures("three peacekeepers from Senegal have been killed"),
            ["casualty 3 killed exact | three peacekeepers from Senegal have been killed"]
        );
        assert_eq!(
            figures("the attack, claiming more than 80 lives"),
            ["casualty 80 >=80 killed at_least | claiming more than 80 lives"]
        );
        assert_eq!(
            figures("massacring dozens of civilians"),
            ["casualty 12 >=12 killed at_least | massacring dozens of civilians"]
        );
        assert_eq!(
            figures("Two extremists were reported deceased"),
            ["casualty 2 dead exact | Two extremists were reported deceased"]
        );
        assert_eq!(
            figures("Two Chadian soldiers serving with a United Nations peacekeeping mission in Mali were killed"),
            ["casualty 2 killed exact | Two Chadian soldiers serving with a United Nations peacekeeping mission in Mali were killed"]
        );
        assert_eq!(
            figures("three U.S. soldiers also lost their lives"),
            ["casualty 3 killed exact | three U.S. soldiers also lost their lives"]
        );
        assert_eq!(
            figures("at least 39 foreigners were among the dead"),
            ["casualty 39 >=39 dead at_least | at least 39 foreigners were among the dead"]
        );
        assert_eq!(
            figures("The attack killed and injured dozens"),
            [
                "casualty 12 >=12 killed at_least | killed and injured dozens",
                "casualty 12 >=12 injured at_least | injured dozens"
            ]
        );
        assert_eq!(figures("Coalition forces kill 10 terrorists"), ["casualty 10 killed exact | kill 10 terrorists"]);
        assert!(figures("They plan to kill 10 hostages").iter().all(|f| !f.starts_with("casualty")));
        assert_eq!(
            figures("several hundred rounds of ammunition"),
            ["other 300 >=300 rounds at_least | several hundred rounds"]
        );
        assert_eq!(
            figures("One strike killed two militants"),
            ["strike 1 strikes exact | One strike", "casualty 2 killed exact | killed two militants"]
        );
        assert_eq!(
            figures("The dead include more than 110 soldiers and at least 60 militants"),
            [
                "casualty 110 >=110 dead at_least | The dead include more than 110 soldiers",
                "casualty 60 >=60 dead at_least | at least 60 militants"
            ]
        );
        assert_eq!(
            figures("five suspects taken into custody"),
            ["capture 5 detained exact | five suspects taken into custody"]
        );
        // From a review: each of these read a count that is not there.
        assert!(figures("The commander of 300 troops in Helmand was killed")
            .iter()
            .all(|f| !f.starts_with("casualty 300")));
        assert!(figures("There was no immediate word of deaths or injuries").is_empty());
        assert!(figures("The Houthis have no air force").is_empty());
        assert_eq!(
            figures("Troops evacuated 300 civilians and 12 soldiers were wounded"),
            [
                "other 300 civilians exact | evacuated 300 civilians",
                "casualty 12 wounded exact | 12 soldiers were wounded"
            ]
        );
        assert_eq!(
            figures("One American and two Afghan soldiers were killed"),
            ["casualty 1 killed exact | One American", "casualty 2 killed exact | two Afghan soldiers were killed"]
        );
        assert_eq!(figures("there were no U.S. troops on the base"), ["troops 0 troops exact | no U.S. troops"]);
        assert_eq!(figures("The U.S. has no forces in Libya"), ["troops 0 troops exact | no forces"]);
        assert!(figures("no troops marched in the parade").is_empty());
        assert_eq!(figures("The death toll rose to 45"), ["casualty 45 killed exact | death toll rose to 45"]);
        assert_eq!(
            figures("the death toll was more than 70"),
            ["casualty 70 >=70 killed at_least | death toll was more than 70"]
        );
        assert!(figures("The toll road was closed for 45 days").iter().all(|f| !f.starts_with("casualty")));
        assert_eq!(figures("raising the toll to 60"), ["casualty 60 killed exact | toll to 60"]);
        assert!(figures("the war took a toll on 5 towns").iter().all(|f| !f.starts_with("casualty")));
        assert_eq!(
            figures("U.S. forces conducted two (2) airstrikes, killing four (4) fighters"),
            ["strike 2 strikes exact | two (2) airstrikes", "casualty 4 killed exact | killing four (4) fighters"]
        );
    }

    /// What the rules for counts without a number must leave alone (from a review of them).
    #[test]
    fn counts_without_a_number_stay_out_of_other_clauses() {
        assert_eq!(figures("Two soldiers lost their legs in the blast"), ["troops 2 troops exact | Two soldiers"]);
        assert!(figures("The Army is losing soldiers to budget cuts").is_empty());
        assert!(figures("A Black Hawk transported a wounded soldier to Landstuhl")
            .iter()
            .all(|f| !f.starts_with("capture")));
        assert!(figures("Helicopters transported 14 to hospitals").iter().all(|f| !f.starts_with("capture")));
        assert_eq!(
            figures("The 3,000 troops were not transferred to Iraq"),
            ["troops 3000 troops exact | 3,000 troops"]
        );
        assert_eq!(
            figures("The blast killed four soldiers and a local official said more were hurt"),
            ["casualty 4 killed exact | killed four soldiers"]
        );
        assert_eq!(
            figures("F-16s destroyed two tanks and a helicopter evacuated the wounded"),
            ["strike 2 tanks exact | destroyed two tanks"]
        );
        assert!(figures("There were no reports of a civilian death").is_empty());
        assert_eq!(figures("Two of the soldiers were from Texas"), Vec::<String>::new());
    }
}
