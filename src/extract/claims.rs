//! Claims made of what the recognisers found: a figure's claim with its date, party, place, speaker
//! and modality; the strikes and operations a sentence reports without a count; turning points;
//! quotations; and a place carried to the claims after it in its paragraph.

use super::dating::{DateAt, Dating};
use super::doc::Doc;
use super::events;
use super::locals::LocalPlace;
use super::placing::Places;
use super::quantities::{self, Figure};
use super::speakers;
use super::speech::Speech;
use super::tokens::{self, Token};
use super::{Draft, Options, CIVILIANS};
use crate::model::{AttributionKind, DateSpan, EntityKind, Kind, Modality, PartialDate};

/// Verbs of taking a stance on an event told by others: its subject did not do it.
const STANCE: &[&str] = &[
    "condemn",
    "condemns",
    "condemned",
    "condemning",
    "denounce",
    "denounces",
    "denounced",
    "deplore",
    "deplores",
    "deplored",
    "mourn",
    "mourns",
    "mourned",
    "decry",
    "decries",
    "decried",
    "welcomed",
    "welcomes",
];

/// Words that join a clause to the one before: where a second event's words begin.
const JOINING: &[&str] =
    &["and", "but", "while", "whereas", "then", "as", "yet", "though", "although", "after", "before", "when"];

/// The claims of one text, in text order. `sentence_dates`: each sentence's dates; `figures`:
/// (sentence, figure) with the text's token indices.
pub(super) fn claims(
    doc: Doc,
    opts: &Options,
    sentence_dates: &[Vec<DateAt>],
    figures: &[(usize, Figure)],
    speech: &Speech,
    locals: &[LocalPlace],
) -> Vec<Draft> {
    let cx = Assembly {
        doc,
        opts,
        sentence_dates,
        speech,
        dating: Dating::new(doc, opts.published, sentence_dates),
        places: Places::new(doc, opts.gazetteer, locals, opts.published, sentence_dates),
    };
    let mut claims = cx.figures(figures);
    let (uncounted, event_at) = cx.uncounted(figures);
    claims.extend(uncounted);
    claims.extend(cx.milestones(&event_at));
    claims.extend(cx.quotations());
    claims.sort_by_key(|c| (c.start, c.end));
    cx.carry_places(&mut claims);
    claims
}

/// What the passes that make claims share: the text, and what it tells of when, where and who.
struct Assembly<'a> {
    doc: Doc<'a>,
    opts: &'a Options<'a>,
    sentence_dates: &'a [Vec<DateAt>],
    speech: &'a Speech,
    dating: Dating<'a>,
    places: Places<'a>,
}

impl Assembly<'_> {
    /// A claim for each figure: its date, party, place, speaker and modality.
    fn figures(&self, figures: &[(usize, Figure)]) -> Vec<Draft> {
        let Doc { toks, sents, sent_toks, .. } = self.doc;
        let (doc, g, dating, places, speech) = (self.doc, self.opts.gazetteer, &self.dating, &self.places, self.speech);
        let mut claims: Vec<Draft> = Vec::new();
        // The last figure's sentence, end token and party, for a count joined to it.
        let mut joined_to: Option<(usize, usize, Option<String>)> = None;
        for (si, f) in figures {
            let Some(kind) = f.kind else { continue };
            // "Mosul was captured": a place or a party is not one person hit; "the Bahraini cleric
            // died" is a person, whose country only describes him, and so is "Another U.S. soldier
            // in Baghdad", whom a place after a preposition only locates.
            if let Some((a, b)) = f.subject {
                let end = toks[b - 1].end;
                let located = |n: &super::gazetteer::Found| {
                    toks[a..doc.tok_at(n.start)]
                        .iter()
                        .any(|t| t.is_any(&["in", "from", "at", "near", "for", "with", "by"]))
                };
                if doc.names_in(toks[a].start, end).any(|n| n.end == end && !located(n)) {
                    continue;
                }
            }
            if hypothetical(&toks[sent_toks[*si].0..f.claim_start]) {
                continue;
            }
            let (s, e) = sents[*si];
            let start = toks[f.claim_start].start;
            let end = toks[f.claim_end - 1].end;
            let (attribution, speaker) = speech.attributed(doc, g, *si, start, end);
            let noun_start = toks.get(f.noun_start).map_or(end, |t| t.start);
            // Whose figure: for strikes and operations, who carried them out (the sentence's first
            // party, before the figure); for forces and casualties, whose they are (named with the
            // figure: "U.S. troops", "ISIS operatives").
            // Civilians hit or held are a side of their own ("killed 11 Afghan civilians", "dozens of
            // women and children"), whoever the sentence names besides.
            let civilians = matches!(kind, Kind::Casualty | Kind::Capture)
                && (f.noun_start..f.end)
                    .any(|k| quantities::counted(toks[k].text).is_some_and(|e| e.group == "civilians"));
            // "5 ISIS operatives killed and 30 detained": a count with no noun of its own, joined to
            // the one before, counts the same people.
            let joined = f.noun_start >= f.end
                && f.start >= 2
                && toks[f.start - 1].is_any(&["and", "or"])
                && joined_to.as_ref().is_some_and(|(sj, e, _)| *sj == *si && *e + 1 == f.start);
            let party = if matches!(kind, Kind::Strike | Kind::Operation) {
                places.party_in(s, start).or_else(|| places.party_in(start, end))
            } else if civilians {
                Some(CIVILIANS.to_string())
            } else if joined {
                joined_to.as_ref().and_then(|(_, _, p)| p.clone())
            } else {
                places
                    .party_in(noun_start, end)
                    .or_else(|| places.party_in(start, end))
                    .or_else(|| places.party_in(s, start))
            }
            .map(|p| places.side(p, kind));
            joined_to = Some((*si, f.claim_end, party.clone()));
            claims.push(Draft {
                kind,
                start,
                end,
                sentence: (s, e),
                value: Some(f.value),
                low: f.low,
                high: f.high,
                unit: f.unit.clone(),
                qualifier: Some(f.qualifier),
                date: dating.date_for(*si, kind, f.claim_start, f.claim_start),
                party,
                location: places.place_near(start, s, e),
                attribution,
                speaker,
                modality: modality(&toks[doc.tok_at(s).max(doc.tok_at(start).saturating_sub(30))..doc.tok_at(start)]),
            });
        }
        claims
    }

    /// Strikes and operations that give no count ("F-16s carried out airstrikes against ISIS
    /// fighters", "U.S. forces conducted a raid in eastern Syria") are claims too, each where a
    /// past action verb does the striking (or the text points at one) and no counted strike or
    /// operation in its clause already stands for it.
    /// Returns them, and each sentence's (verb, end) tokens of the ones it reported.
    fn uncounted(&self, figures: &[(usize, Figure)]) -> (Vec<Draft>, Vec<Vec<(usize, usize)>>) {
        let Doc { toks, sents, sent_toks, .. } = self.doc;
        let (doc, g, dating, places, speech, sentence_dates) =
            (self.doc, self.opts.gazetteer, &self.dating, &self.places, self.speech, self.sentence_dates);
        let mut claims: Vec<Draft> = Vec::new();
        // A counted one stands for the event when it is the event's own count or object ("carried
        // out 12 strikes", "One strike killed", "the strike destroyed two vehicles"), not when it is
        // told further on ("a drone strike killed two militants who had attacked a checkpoint").
        // (Forces counted stand for forces moved: "2,000 troops arrived in Haiti" is one claim.)
        let mut counted: Vec<Vec<(usize, bool)>> = vec![Vec::new(); sents.len()];
        // (And people counted stand for people harmed, where their words meet: "killed 15
        // militants" is not also militants killed.)
        let mut harm_counted: Vec<Vec<(usize, usize)>> = vec![Vec::new(); sents.len()];
        for (si, f) in figures {
            match f.kind {
                Some(Kind::Strike | Kind::Operation) => counted[*si].push((f.claim_start, false)),
                Some(Kind::Troops) => counted[*si].push((f.claim_start, true)),
                Some(Kind::Casualty | Kind::Capture) => harm_counted[*si].push((f.claim_start, f.claim_end)),
                _ => {}
            }
        }
        // The strikes and operations each sentence reported without a count.
        let mut event_at: Vec<Vec<(usize, usize)>> = vec![Vec::new(); sents.len()];
        for (si, &(s, e)) in sents.iter().enumerate() {
            let (at, to) = sent_toks[si];
            let evs = events::events(&toks[at..to]);
            // Each event's clause: from where it begins (past the last event kept) to where the next
            // one's begins.
            let mut kept_end = at;
            let mut clauses: Vec<usize> = Vec::with_capacity(evs.len());
            for ev in &evs {
                clauses.push(clause_of(toks, kept_end.min(at + ev.verb), at + ev.verb));
                // (People harmed are an object, not a clause: "U.S. forces killed militants and
                // conducted a raid" is still the forces' raid.)
                if !matches!(ev.kind, Kind::Casualty | Kind::Capture) {
                    kept_end = at + ev.end;
                }
            }
            for (j, ev) in evs.iter().enumerate() {
                // (A named event may begin a word before where it was found: "the strike".)
                let clause = clauses[j];
                // The last event's clause ends where a joined clause begins after it ("…ambushed an
                // Israeli patrol, and Israel then pounded Hamas positions in Rafah").
                let clause_end = clauses.get(j + 1).map_or_else(
                    || (at + ev.end..to).find(|&k| joins_clause(toks, k, at + ev.end)).unwrap_or(to),
                    |&c| c.max(at + ev.end),
                );
                // A count that stands for the event is in its words or just after them, in its clause
                // ("carried out 12 strikes", "the strike destroyed two vehicles"), not the next
                // clause's ("… shelled the rebels, and aircraft bombed two camps").
                let stands_for = |c: usize| {
                    clause <= c
                        && (c < at + ev.end
                            || c < at + ev.end + 3
                                && !toks[at + ev.end..c]
                                    .iter()
                                    .any(|t| t.is_punct(',') || t.is_punct(';') || t.is("and")))
                };
                let harm = matches!(ev.kind, Kind::Casualty | Kind::Capture);
                if !harm && counted[si].iter().any(|&(c, troops)| troops == (ev.kind == Kind::Troops) && stands_for(c))
                {
                    continue;
                }
                if harm && harm_counted[si].iter().any(|&(a, b)| a < at + ev.end && at + ev.verb < b) {
                    continue;
                }
                // "The soldiers were killed when …": people the text told of before, told again (the
                // same noun in an earlier sentence) as a passive's subject, no new claim. ("The
                // suspects were arrested in Manchester", told first, is one; and the gold keeps
                // "…, killing the militants", an object, as a claim of its own.)
                if harm {
                    let words = &toks[at + ev.verb..at + ev.end];
                    let told_again = words.iter().position(|t| events::people_plural(t)).is_some_and(|n| {
                        n == 1
                            && words[0].is_any(&["the", "these", "those"])
                            && toks[..at].iter().any(|t| t.text.eq_ignore_ascii_case(words[n].text))
                    });
                    if told_again {
                        continue;
                    }
                }
                if hypothetical(&toks[clause..at + ev.verb]) {
                    continue;
                }
                let (verb, end) = (toks[at + ev.verb].start, toks[at + ev.end - 1].end);
                // From the clause's start (who acted) to the action: past a leading dateline, quote
                // mark or joining word it reads as the sentence's own words.
                let start = if ev.named {
                    verb
                } else {
                    toks[clause..at + ev.verb]
                        .iter()
                        .find(|t| t.kind != tokens::Kind::Punct && !t.is_any(JOINING))
                        .map_or(verb, |t| t.start)
                };
                let (cs, ce) = (toks[clause].start.max(s), toks.get(clause_end).map_or(e, |t| t.start).min(e));
                event_at[si].push((start, end));
                let (attribution, speaker) = speech.attributed(doc, g, si, start, end);
                claims.push(Draft {
                    // "its October 7 attack on Israel", "Sunday's attack": a date in the event's own
                    // words is its day, whatever else the sentence dates ("since its October 7
                    // attack"). "The United States has carried out an airstrike": done, and news, so
                    // by the day the report was published when no other date says when.
                    date: sentence_dates[si]
                        .iter()
                        .find(|d| {
                            d.start >= at + ev.verb
                                && d.end <= at + ev.end
                                && !dating.landmark(d)
                                && !dating.when_said(d.start)
                        })
                        .map(|d| d.value)
                        .unwrap_or_else(|| dating.date_for(si, ev.kind, at + ev.verb, doc.tok_at(start)))
                        .or_else(|| {
                            let perfect = ev.verb > 0 && toks[at + ev.verb - 1].is_any(&["has", "have"]);
                            let day = self.opts.published.filter(|_| perfect).and_then(|d| PartialDate::day(d).ok());
                            day.map(DateSpan::single)
                        }),
                    // Who acted is named in the event's own clause.
                    // (Not where forces went, nor the operation they joined: "arrived in Haiti",
                    // "joined Operation Inherent Resolve".)
                    // (People harmed are of the side their own words name: "killing Islamic State
                    // militants" is ISIS's loss, not its killers'.)
                    // Civilians are a side of their own, as their counts are.
                    party: if harm
                        && toks[at + ev.verb..at + ev.end]
                            .iter()
                            .any(|t| quantities::counted(t.text).is_some_and(|e| e.group == "civilians"))
                    {
                        Some(CIVILIANS.to_string())
                    } else if harm {
                        places.party_in(start, end)
                    } else {
                        // "The United States condemns the car bomb attacks": who condemns, mourns or
                        // deplores an attack is not who made it; look only past that verb.
                        let stance = toks[clause..at + ev.verb].iter().rev().find(|t| t.is_any(STANCE)).map(|t| t.end);
                        places.party_in(stance.unwrap_or(cs).max(cs), verb)
                    }
                    .or_else(|| {
                        places.party_in(verb, end).filter(|p| {
                            ev.kind != Kind::Troops
                                && g.lookup(p).is_none_or(|i| g.entry(i).kind != EntityKind::Operation)
                        })
                    })
                    .map(|p| places.side(p, ev.kind)),
                    location: places.place_near(verb, cs, ce.max(end)),
                    attribution,
                    speaker,
                    modality: modality(&toks[clause..at + ev.verb]),
                    ..Draft::uncounted(ev.kind, start, end, (s, e))
                });
            }
        }
        (claims, event_at)
    }

    /// Turning points ("is scheduled to end in September 2025", "was territorially defeated in
    /// 2019"): one a sentence, dated by the date after the verb, where no strike or operation
    /// already claims the verb ("the transfer mission began on Jan. 21" is the operation).
    fn milestones(&self, event_at: &[Vec<(usize, usize)>]) -> Vec<Draft> {
        let Doc { toks, sents, sent_toks, .. } = self.doc;
        let (doc, g, dating, places, speech, sentence_dates) =
            (self.doc, self.opts.gazetteer, &self.dating, &self.places, self.speech, self.sentence_dates);
        let mut claims: Vec<Draft> = Vec::new();
        for (si, &(s, e)) in sents.iter().enumerate() {
            let (at, to) = sent_toks[si];
            let dates: Vec<(usize, usize)> = sentence_dates[si]
                .iter()
                .filter(|d| !dating.when_said(d.start) && !dating.landmark(d))
                .map(|d| (d.start - at, d.end - at))
                .collect();
            let Some((v, date_end)) = events::milestone(&toks[at..to], &dates) else { continue };
            let (verb, end) = (toks[at + v].start, toks[at + date_end - 1].end);
            if event_at[si].iter().any(|&(a, b)| a <= verb && verb < b) {
                continue;
            }
            if hypothetical(&toks[at..at + v]) {
                continue;
            }
            let date = sentence_dates[si].iter().find(|d| d.end == at + date_end).and_then(|d| d.value);
            let start = toks[at..at + v].iter().find(|t| t.kind != tokens::Kind::Punct).map_or(verb, |t| t.start);
            let (attribution, speaker) = speech.attributed(doc, g, si, start, end);
            claims.push(Draft {
                date,
                party: places.party_in(s, verb).or_else(|| places.party_in(verb, end)),
                location: places.place_near(verb, s, e),
                attribution,
                speaker,
                modality: modality(&toks[at..at + v]),
                ..Draft::uncounted(Kind::Milestone, start, end, (s, e))
            });
        }
        claims
    }

    /// A statement for each quotation whose speaker the text names.
    fn quotations(&self) -> Vec<Draft> {
        let Doc { sents, quotations, .. } = self.doc;
        let (doc, g, dating, places, speech) = (self.doc, self.opts.gazetteer, &self.dating, &self.places, self.speech);
        let mut claims: Vec<Draft> = Vec::new();
        for (qi, q) in quotations.iter().enumerate() {
            let Some(said) = speech.quoted(qi) else { continue };
            let si = doc.sentence_of(q.start).unwrap_or(0);
            let sentence = sents.get(si).copied().unwrap_or((q.start, q.end));
            claims.push(Draft {
                date: doc.sentence_of(q.start).and_then(|si| dating.of_quotation(si)),
                location: places.place_near(q.start, q.start, q.end),
                attribution: AttributionKind::Direct,
                speaker: Some(speech.speaker_of(said, g)),
                ..Draft::uncounted(Kind::Statement, q.start, q.end, (sentence.0.min(q.start), sentence.1.max(q.end)))
            });
        }
        claims
    }

    /// A claim whose words name no place is where the claim before it in its paragraph is: "U.S.
    /// forces conducted an airstrike near Saakow. Initial assessment concluded the airstrike
    /// killed one terrorist." Not across paragraphs, which move on as often as not (on the
    /// development set, carrying across them found a place right one time in four); not past a
    /// new event ("Separately, …", "In a separate incident, …") or a place named between; not
    /// between sides ("The U.S. deployed 2,000 troops to Poland. Germany has sent 500 soldiers.");
    /// and not to or from quotations, whose words are the speaker's.
    fn carry_places(&self, claims: &mut [Draft]) {
        let Doc { para, .. } = self.doc;
        let (doc, dating, places) = (self.doc, &self.dating, &self.places);
        // (paragraph, end of the claim's sentence, its party, its place)
        let mut last: Option<(usize, usize, Option<String>, String)> = None;
        for c in claims.iter_mut() {
            let quoted = doc.quotation_holding(c.start, c.end).is_some();
            if c.kind == Kind::Statement || quoted {
                continue;
            }
            let si = doc.sentence_of(c.start).unwrap_or(0);
            if dating.opens_new_event(si) {
                last = None;
            }
            match &c.location {
                Some(l) => last = Some((para[si], c.sentence.1.max(c.end), c.party.clone(), l.clone())),
                None => {
                    c.location = last
                        .as_ref()
                        .filter(|(p, end, party, _)| {
                            *p == para[si]
                                && !places.place_between(*end, c.start)
                                && (party.is_none() || c.party.is_none() || party == &c.party)
                        })
                        .map(|(.., l)| l.clone());
                }
            }
        }
    }
}

/// Whether token `k` (after `lo`) ends a clause that another with its own subject follows: a
/// semicolon, a comma before a joining word, or a joining word before a subject ("… and the
/// army shelled …", "… as U.S. forces conducted …"; not "Britain and France launched").
fn joins_clause(toks: &[Token], k: usize, lo: usize) -> bool {
    let t = &toks[k];
    let next = toks.get(k + 1);
    let determiner = |n: &Token| n.is_any(&["the", "a", "an", "its", "their"]);
    t.is_punct(';')
        || t.is_punct(',') && next.is_some_and(|n| n.is_any(JOINING))
        || k > lo && t.is_any(&["and", "but"]) && next.is_some_and(determiner)
        || k > lo
            && t.is_any(&["while", "whereas", "as", "after", "before", "when"])
            && next.is_some_and(|n| determiner(n) || n.is_capitalized())
}

/// Where the clause of a verb at token `v` begins, no earlier than `lo`: after a semicolon, or
/// the comma or "and" that joins a clause with its own subject ("Russian forces shelled
/// Kharkiv, and Ukrainian drones hit a refinery", "…, while U.S. forces conducted an
/// airstrike"); else at `lo`.
fn clause_of(toks: &[Token], lo: usize, v: usize) -> usize {
    (lo..v).rev().find(|&k| joins_clause(toks, k, lo)).map_or(lo, |k| k + 1)
}

/// Whether the clause that `before` ends in is a condition, not a report: "if we mistakenly
/// struck a Syrian military position", "unless 500 troops are sent". `before` runs from the
/// sentence's start to the claim's first word.
fn hypothetical(before: &[Token]) -> bool {
    let clause: Vec<&Token> =
        before.iter().rev().take(12).take_while(|t| !(t.is_punct(',') || t.is_punct(';') || t.is_punct(':'))).collect();
    // "if", "unless", "whether"; "no decision has been made to deploy": not done, nor decided.
    clause.iter().any(|t| t.is_any(&["if", "unless", "whether"]))
        || clause.windows(2).any(|w| w[0].is_any(&["decision", "decisions"]) && w[1].is("no"))
}

/// How a claim is put ("is likely to", "is scheduled to"), from the words before it in its own clause: "The army denied it, but
/// residents said five died" asserts the deaths (a clause after "but" or ";" is its own).
fn modality(before: &[Token]) -> Modality {
    // "…; 2,500 remain", "…, but residents said": after the last such word (not "all but two",
    // not "not only … but also"). "Although the army denied it, residents said": after the comma
    // that closes a fronted clause.
    let cut = before.iter().enumerate().rposition(|(k, t)| {
        let but = t.is("but")
            && !(k > 0 && before[k - 1].is_any(&["all", "anything", "nothing"]))
            && !before.get(k + 1).is_some_and(|n| n.is_any(&["also", "that"]));
        // (And after a say-verb: what was said is a clause of its own, so "Peace will not come
        // overnight, the minister said after a bomb killed 12 soldiers" asserts the 12.)
        t.is_punct(';') || but || t.is_any(&["while", "whereas", "although", "though"]) || speakers::is_say(t)
    });
    let clause = match cut {
        Some(k) if before[k].is_any(&["while", "whereas", "although", "though"]) => {
            before[k..].iter().position(|t| t.is_punct(',')).map_or(k + 1, |c| k + c + 1)
        }
        Some(k) => k + 1,
        None => 0,
    };
    let before = &before[clause..];
    if before.iter().any(|t| t.is_any(&["denied", "denies", "deny", "refuted", "disputed", "rejected"])) {
        Modality::Denied
    } else if before.iter().any(|t| t.is_any(&["scheduled", "slated"]))
        // "are due to leave Afghanistan by the end of 2014".
        || before.windows(2).any(|w| w[0].is("due") && w[1].is("to"))
    {
        Modality::Scheduled
    } else if before
        .iter()
        .any(|t| t.is_any(&["likely", "expected", "could", "may", "might", "would", "will", "anticipated"]))
    {
        Modality::Expected
    } else {
        Modality::Asserted
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::*;

    #[test]
    fn a_claims_modality_is_read_in_its_own_clause() {
        let modality_of =
            |s: &str| -> Vec<&'static str> { undated(s).claims.iter().map(|c| c.modality.as_str()).collect() };
        assert_eq!(modality_of("The army denied that 12 soldiers were killed."), ["denied"]);
        assert_eq!(modality_of("The army denied it, but residents said five soldiers were killed."), ["asserted"]);
        assert_eq!(modality_of("Troops are expected to leave; 2,500 troops remain in Iraq."), ["asserted"]);
        assert_eq!(modality_of("It is likely that about 2,500 troops remain in Iraq."), ["expected"]);
        assert_eq!(modality_of("Although the army denied it, residents said five soldiers were killed."), ["asserted"]);
        assert_eq!(modality_of("The Pentagon denied, however, that 12 soldiers were killed."), ["denied"]);
        assert_eq!(
            modality_of("The army denied not only that 12 soldiers were killed but also that 30 were captured."),
            ["denied", "denied"]
        );
        assert_eq!(modality_of("Most NATO combat troops are due to leave Afghanistan."), ["scheduled"]);
        assert_eq!(
            modality_of("Peace will not come overnight, the minister said after a bomb killed 12 soldiers."),
            ["asserted", "asserted"]
        );
        assert_eq!(modality_of("The Pentagon said it will deploy 2,000 troops to Poland."), ["expected"]);
    }

    /// One person harmed is dropped when the words naming them are a place or a party ("ISIL was
    /// wounded"), judged on the figure's own sentence: a name in an earlier sentence (here
    /// "African Union", where the second sentence's "A fifth soldier" would stand if its indices
    /// counted from the text's start) never drops it.
    #[test]
    fn one_person_is_judged_by_the_words_of_their_own_sentence() {
        assert_eq!(
            claims_of("The African Union said it.\nA fifth soldier died on Monday."),
            ["casualty 1 A fifth soldier died 2025-01-06"]
        );
        assert_eq!(
            claims_of("Another U.S. soldier in Baghdad died."),
            ["casualty 1 Another U.S. soldier in Baghdad died "]
        );
        assert_eq!(claims_of("He said Mosul was captured."), Vec::<String>::new());
    }

    #[test]
    fn a_claim_that_names_no_place_is_where_the_one_before_it_in_its_paragraph_is() {
        let text = "U.S. forces conducted an airstrike near Saakow, Somalia, on Dec. 9. Initial assessment \
                    concluded the airstrike killed one terrorist.\nIn Washington, officials met. Later, two \
                    soldiers were wounded.\nThree civilians were injured.";
        let an = undated(text);
        let at = |v: f64| an.claims.iter().find(|c| c.value == Some(v)).map(|c| c.location.as_deref());
        assert_eq!(at(1.0), Some(Some("Saakow")), "{:?}", an.claims);
        // Nothing before it in its paragraph was located: the place of the paragraph before is not
        // carried over.
        assert_eq!(at(3.0), Some(None), "{:?}", an.claims);
        let place_of = |text: &str, v: f64| {
            let an = undated(text);
            an.claims.iter().find(|c| c.value == Some(v)).map(|c| c.location.clone())
        };
        // A new event, a place named between, another side, a quotation: nothing carried.
        assert_eq!(
            place_of("Seven soldiers were killed in Kabul. Separately, two soldiers were wounded.", 2.0),
            Some(None)
        );
        assert_eq!(
            place_of(
                "Missiles killed 12 people in Kyiv. Zelensky later met Biden in Washington. Biden pledged 500 missiles.",
                500.0
            ),
            Some(None)
        );
        assert_eq!(
            place_of("The U.S. deployed 2,000 troops to Poland. Germany has sent 500 soldiers.", 500.0),
            Some(None)
        );
        assert_eq!(
            place_of("Five militants were killed in Mogadishu. \"We lost three men,\" the commander said.", 3.0),
            Some(None)
        );
        // The same story goes on in the next sentence: carried.
        assert_eq!(
            place_of("Five militants were killed in Mogadishu. Three soldiers were wounded.", 3.0),
            Some(Some("Mogadishu".to_string()))
        );
    }

    #[test]
    fn each_event_of_a_sentence_is_quoted_and_sided_from_its_own_clause() {
        let text =
            "Al-Shabaab fighters stormed an army base in Somalia, while U.S. forces conducted an airstrike near Jilib.";
        let an = undated(text);
        let second = an.claims.iter().find(|c| text[c.start..c.end].contains("airstrike")).expect("the airstrike");
        assert_eq!(&text[second.start..second.end], "U.S. forces conducted an airstrike");
        assert_eq!(second.party.as_deref(), Some("United States"), "{:?}", an.claims);
        assert_eq!(second.location.as_deref(), Some("Jilib"), "{:?}", an.claims);
        let first = an.claims.iter().find(|c| text[c.start..c.end].contains("stormed")).expect("the storming");
        assert_eq!(first.location.as_deref(), Some("Somalia"), "{:?}", an.claims);
        // Subjects joined by "and" are one clause's; a count of forces moved is the one claim;
        // where forces went is not whose they are.
        let text = "Britain and France launched strikes on Libya.";
        let an = undated(text);
        assert_eq!(an.claims.len(), 1, "{:?}", an.claims);
        assert!(text[an.claims[0].start..].starts_with("Britain"), "{:?}", an.claims);
        let an = undated("2,000 troops arrived in Haiti on Monday.");
        assert_eq!(an.claims.len(), 1, "{:?}", an.claims);
        let an = undated("The Marines arrived in Haiti.");
        assert_eq!((an.claims[0].kind, an.claims[0].party.as_deref()), (Kind::Troops, None), "{:?}", an.claims);
        // The last event's place is its clause's, not the next clause's.
        let an =
            undated("Hamas fighters ambushed an Israeli patrol, and Israel then pounded Hamas positions in Rafah.");
        assert_eq!(an.claims[0].location, None, "{:?}", an.claims);
    }

    #[test]
    fn targets_an_attack_was_on_were_struck() {
        let got = claims_of("Taliban militants launched attacks on three government buildings in Kabul.");
        assert!(got.iter().any(|c| c.starts_with("strike 3 three government buildings")), "{got:?}");
        // From a review: an attack named elsewhere in the sentence strikes nothing counted.
        for s in [
            "The ministry owns three government buildings in Kabul.",
            "Since the bombing, two schools have reopened.",
            "After the attacks, the government built 40 new schools.",
            "The attacks forced the closure of 200 schools.",
        ] {
            let got = claims_of(s);
            assert!(got.iter().all(|c| !c.starts_with("strike")), "{s}: {got:?}");
        }
    }

    #[test]
    fn a_count_joined_to_another_counts_the_same_side() {
        let an = undated(
            "U.S. Central Command conducted 31 operations, resulting in 5 ISIS operatives killed and 30 detained.",
        );
        let thirty = an.claims.iter().find(|c| c.value == Some(30.0)).unwrap();
        assert_eq!((thirty.kind, thirty.party.as_deref()), (Kind::Capture, Some("ISIS")), "{:?}", an.claims);
    }

    /// People told of again ("The soldiers were killed when …" after their count) are no new
    /// claim; told first, they are one.
    #[test]
    fn people_harmed_told_again_are_no_new_claim() {
        let claims =
            claims_of("Five soldiers were killed in the attack. The soldiers were killed when a mine exploded.");
        assert_eq!(claims.iter().filter(|c| c.starts_with("casualty")).count(), 1, "{claims:?}");
        let claims = claims_of("The suspects were arrested in Manchester.");
        assert_eq!(claims.len(), 1, "{claims:?}");
    }
}
