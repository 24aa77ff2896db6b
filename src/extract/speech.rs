//! Who said what: the speaker of every quotation and of every sentence of reported speech, walked
//! in text order so that "he", "it" and "the command" find who spoke last; the people a text names
//! and the fullest name each goes by; who issued a statement that names no one in its body.

use std::collections::{HashMap, HashSet};

use super::doc::Doc;
use super::gazetteer::{self, Gazetteer};
use super::people::People;
use super::speakers::{self, telling_day, Who};
use super::tokens::{self, Token};
use super::{Mention, Options, Reading, Speaker};
use crate::model::{AttributionKind, DateSpan, EntityKind, PartialDate};

/// A speaker as resolved in a document, before role and said_on are attached.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Resolved {
    Person(String),
    Party(usize),
    /// An organisation the gazetteer does not know ("the Defense Ministry"): it becomes one.
    Org(String),
    /// People the text does not name ("residents", "security sources"): an `unnamed` entity.
    Unnamed(String),
}

/// An attribution of a stretch of text.
#[derive(Debug, Clone)]
pub(super) struct Said {
    who: Resolved,
    role: Option<String>,
    said_on: Option<DateSpan>,
}

/// Who spoke last, for the words that point back: "he", "it" and "the command".
#[derive(Default)]
struct LastSpoke {
    person: Option<Said>,
    party: Option<Said>,
    /// The last military command, for "the command said" when officials spoke since.
    command: Option<Said>,
}

impl LastSpoke {
    fn spoke(&mut self, said: &Said, command: bool) {
        // People the text does not name are no one "he" or "it" points back to.
        match said.who {
            Resolved::Person(_) => self.person = Some(said.clone()),
            Resolved::Party(_) | Resolved::Org(_) => self.party = Some(said.clone()),
            Resolved::Unnamed(_) => {}
        }
        if command {
            self.command = Some(said.clone());
        }
    }
}

/// Who said what in one text: [`who_said`]'s answer, asked by the claims made after it.
pub(super) struct Speech {
    /// The speaker each sentence reports ("…, CENTCOM said"), if any.
    sentence_said: Vec<Option<Said>>,
    /// "Al-Shabab, which killed 12 soldiers last week, said …": the relative clause between speaker
    /// and verb is the author's background, not what the speaker said (bytes).
    sentence_aside: Vec<Option<(usize, usize)>>,
    /// Sentences that say someone spoke whom the text does not name ("witnesses said").
    sentence_unnamed: Vec<bool>,
    /// The speaker of each quotation, in the order of [`Doc::quotations`].
    quote_said: Vec<Option<Said>>,
    /// Who a statement's title or its "Attributable to" line says issued it.
    issued_by: Option<Said>,
    /// The people the text names.
    pub(super) people: People,
    /// Names the text gave with a role, title or rank before them ("General Kurilla").
    titled: HashSet<String>,
    /// Where each speaker was named: (bytes, name as written, role).
    named_at: Vec<((usize, usize), String, Option<String>)>,
}

/// The state of [`who_said`]'s walk: the people the text has named, with the roles and titles it
/// gave them, the day each speaker spoke, and who spoke last.
struct Walk<'a> {
    doc: Doc<'a>,
    g: &'a Gazetteer,
    date_at: &'a HashMap<usize, Option<DateSpan>>,
    people: People,
    /// A person's role as the text gave it: "chief Pentagon spokesperson Dana W. White … White
    /// said" keeps it.
    roles: HashMap<String, String>,
    /// Names the text gave with a role, title or rank before them ("General Kurilla").
    titled: HashSet<String>,
    /// Where each speaker was named, for annotate's person rows.
    named_at: Vec<((usize, usize), String, Option<String>)>,
    /// A speaker keeps the day the text says they spoke ("CENTCOM said Jan. 6 … the command said").
    spoke_on: HashMap<Resolved, DateSpan>,
    last: LastSpoke,
}

impl<'a> Walk<'a> {
    fn new(doc: Doc<'a>, g: &'a Gazetteer, date_at: &'a HashMap<usize, Option<DateSpan>>) -> Self {
        let Doc { text, toks, names, sent_toks, .. } = doc;
        let mut people = People::default();
        // Names given with a title anywhere ("Secretary of Defense Ashton Carter spoke") are what a
        // surname alone later means.
        for (name, at) in speakers::titled_names(text, toks, sent_toks) {
            people.add(&name, at);
        }
        // And names set off by commas after who they are ("A reporter …, Ali Musa, tells VOA").
        let gazetteer_name = |s: usize, e: usize| gazetteer::overlaps(names, s, e);
        for (name, at) in speakers::appositive_names(text, toks, gazetteer_name) {
            people.add(&name, at);
        }
        Walk {
            doc,
            g,
            date_at,
            people,
            roles: HashMap::new(),
            titled: HashSet::new(),
            named_at: Vec::new(),
            spoke_on: HashMap::new(),
            last: LastSpoke::default(),
        }
    }

    /// The day the words of a say-verb at token `v` (its clause ends at `upper`) were said.
    fn said_on(&self, v: usize, upper: usize) -> Option<DateSpan> {
        let (toks, date_at) = (self.doc.toks, self.date_at);
        // "In a statement Friday, CENTCOM said it killed three Thursday": the statement's day,
        // before the verb, outranks a date after it (which may be the event's).
        // (In the verb's own sentence: not a headline's "statement Friday" before it.)
        for k in (v.saturating_sub(12).max(self.doc.sentence_start(v))..v).rev() {
            let t = &toks[k];
            if t.is_punct('.') || t.is_punct('\u{201D}') || t.is_punct('"') || t.is_punct(';') {
                break;
            }
            if telling_day(toks, k) {
                if let Some(d) = date_at.get(&k) {
                    return *d;
                }
            }
        }
        // "said Jan. 3", "said in a statement Monday", "said on Tuesday".
        let mut k = v + 1;
        while k < upper.min(v + 11) {
            let t = &toks[k];
            if t.is_punct(',') || t.is_punct('\u{201C}') || t.is_punct('"') || t.is_punct(':') || t.is("that") {
                return None;
            }
            if let Some(d) = date_at.get(&k) {
                return *d;
            }
            k += 1;
        }
        None
    }

    /// A statement's day kept for its speaker, or the day the speaker was last said to speak.
    fn remember(&mut self, said: Said) -> Said {
        match said.said_on {
            Some(d) => {
                self.spoke_on.insert(said.who.clone(), d);
                said
            }
            None => Said { said_on: self.spoke_on.get(&said.who).copied(), ..said },
        }
    }

    /// Whether a speaker is a military command ("the command said" points back to it).
    fn is_command(&self, r: &Resolved) -> bool {
        let g = self.g;
        match r {
            Resolved::Party(i) => g.entry(*i).name.contains("Command") || g.entry(*i).name.contains("Task Force"),
            Resolved::Org(n) => n.contains("Command") || n.contains("Task Force"),
            Resolved::Person(_) | Resolved::Unnamed(_) => false,
        }
    }

    /// Who a statement's title says issued it: the speaker of its quotations that name no one, and
    /// of what its body says on no one's authority (a press secretary's statement is theirs).
    fn issued_by(&mut self, title: &str, published_day: Option<DateSpan>) -> Option<Said> {
        let who = speakers::of_statement(title, self.g)?;
        let (who, role) = match who {
            Who::Person { name, role, .. } => {
                // (The title stands before the text.)
                let who = self.people.add(&name, 0);
                self.titled.insert(who.clone());
                if let Some(r) = &role {
                    self.roles.insert(self.people.canonical(&who), r.clone());
                }
                (Resolved::Person(who), role)
            }
            Who::Party(i) | Who::Office(i, _) => (Resolved::Party(i), None),
            Who::Org(name) => (Resolved::Org(name), None),
            Who::He | Who::It | Who::Command | Who::Unnamed(_) => return None,
        };
        Some(Said { who, role, said_on: published_day })
    }

    /// Who a speaker found is in the text: a person by the fullest name the text gave them so far
    /// (with the role it gave them), a pronoun or "the command" by who spoke last.
    fn resolve(&mut self, who: Who) -> Option<(Resolved, Option<String>)> {
        let toks = self.doc.toks;
        let last = &self.last;
        match who {
            Who::Person { name, role, at } => {
                self.named_at.push((at, name.clone(), role.clone()));
                let k = self.doc.tok_at(at.0);
                // An office ("President", "General", "Secretary") or a general or flag officer's
                // rank ("Gen.", "Adm."): what the well-known people of self.people.tsv are named with.
                // Not "Mr." or "Major": any Davis or Austin.
                // (In the name's own sentence: not "…by a military spokesman.\nAustin said".)
                let from = self.doc.sentence_start(k);
                let ranked = k > from && {
                    let before = if toks[k - 1].is_punct('.') && k > from + 1 { &toks[k - 2] } else { &toks[k - 1] };
                    speakers::is_title(before) || before.is_any(&["Gen", "Adm"])
                };
                if role.is_some() || ranked {
                    self.titled.insert(name.clone());
                }
                let who = self.people.add(&name, at.0);
                let who = self.people.so_far(&who, at.0).unwrap_or(who);
                // "chief Pentagon spokesperson Dana W. White … White said": a person keeps the
                // role the text gave them.
                let full = self.people.canonical(&who);
                let role = match role {
                    Some(r) => {
                        self.roles.insert(full, r.clone());
                        Some(r)
                    }
                    None => self.roles.get(&full).cloned(),
                };
                let who = Resolved::Person(who);
                Some((who, role))
            }
            Who::Party(i) => Some((Resolved::Party(i), None)),
            Who::Org(name) => Some((Resolved::Org(name), None)),
            Who::Unnamed(name) => Some((Resolved::Unnamed(name), None)),
            Who::He => last.person.as_ref().map(|s| (s.who.clone(), s.role.clone())),
            Who::It => last.party.as_ref().map(|s| (s.who.clone(), s.role.clone())),
            Who::Command => last.command.as_ref().or(last.party.as_ref()).map(|s| (s.who.clone(), s.role.clone())),
            Who::Office(i, office) => {
                // Only a holder of this office: "the Pentagon spokesman" is not the State
                // Department spokesman quoted before.
                let holder = last
                    .person
                    .as_ref()
                    .filter(|s| s.role.as_deref().is_some_and(|r| r.to_ascii_lowercase().contains(&office)));
                Some(holder.map_or((Resolved::Party(i), None), |s| (s.who.clone(), s.role.clone())))
            }
        }
    }
}

/// Walks `doc`'s sentences in order and finds who said each quotation and each sentence of
/// reported speech. `date_at` holds the dates found, by their first token: "said Tuesday".
pub(super) fn who_said(doc: Doc, opts: &Options, date_at: &HashMap<usize, Option<DateSpan>>) -> Speech {
    let Doc { text, toks, sents, sent_toks, quotations, para, .. } = doc;
    let g = opts.gazetteer;
    let mut walk = Walk::new(doc, g, date_at);
    // The day of publication, as the day a statement's issuer said what it holds.
    let published_day = opts.published.and_then(|p| PartialDate::day(p).ok()).map(DateSpan::single);
    let issued_by = opts.title.and_then(|t| walk.issued_by(t, published_day));
    // What Speech's fields hold, filled in as the walk goes.
    let mut sentence_said: Vec<Option<Said>> = vec![None; sents.len()];
    let mut sentence_aside: Vec<Option<(usize, usize)>> = vec![None; sents.len()];
    let mut sentence_unnamed: Vec<bool> = vec![false; sents.len()];
    let mut quote_said: Vec<Option<Said>> = vec![None; quotations.len()];
    // "(Attributable to Pentagon Press Secretary John Kirby)": a statement's speaker, named once
    // at its head or foot, for quotations that name no one.
    let mut attributed: Option<Said> = None;
    for (si, &(s, e)) in sents.iter().enumerate() {
        let (a, b) = sent_toks[si];
        // Reported speech: a say-verb outside quotation marks, with someone who says.
        if let Some(v) = (a..b.min(a + 3))
            .find(|&k| toks[k].is_any(speakers::ATTRIBUTING) && toks.get(k + 1).is_some_and(|t| t.is("to")))
        {
            if let Some((who, role)) = speakers::after(text, toks, g, v, b).and_then(|w| walk.resolve(w)) {
                attributed = Some(walk.remember(Said { who, role, said_on: published_day }));
            }
            continue;
        }
        // "The United States condemns …, according to a statement by X": the source the
        // sentence cites speaks, not its subject.
        let cites = (a..b).find(|&k| {
            toks[k].is("according")
                && toks.get(k + 1).is_some_and(|n| n.is("to"))
                && doc.quote_at(toks[k].start).is_none()
        });
        for v in cites.into_iter().chain(a..b) {
            let t = &toks[v];
            let according = t.is("according") && toks.get(v + 1).is_some_and(|n| n.is("to"));
            if !(speakers::is_say(t) || according) || doc.quote_at(t.start).is_some() {
                continue;
            }
            // "All told, about 6,000 troops took part": a sum, not someone telling.
            if t.is("told") && v > a && toks[v - 1].is("all") {
                continue;
            }
            // The clause around the verb: back to a comma-free start, forward to the sentence end.
            // Bounded: a sentence of many say-verbs stays linear.
            let lower = (a.max(v.saturating_sub(40))..v)
                .rev()
                .find(|&k| toks[k].is_punct('\u{201D}') || toks[k].is_punct('"') || toks[k].is_punct(';'))
                .map_or(a.max(v.saturating_sub(40)), |k| k + 1);
            let upper = (v + 1..b).find(|&k| toks[k].is_punct('\u{201C}') || toks[k].is_punct(';')).unwrap_or(b);
            let who = speakers::speaker_at(text, toks, g, lower, v, upper, according);
            let resolved = who.and_then(|w| walk.resolve(w)).or_else(|| {
                // "…, the statement said": in a statement, its issuer.
                let itself = v >= 2
                    && toks[v - 1].is_any(&["statement", "release", "announcement"])
                    && toks[v - 2].is_any(&["the", "this"]);
                issued_by.as_ref().filter(|_| itself).map(|s| (s.who.clone(), s.role.clone()))
            });
            // "Local officials said …" with no body to be theirs: someone spoke, not the issuer.
            let Some((who, role)) = resolved else {
                sentence_unnamed[si] = true;
                continue;
            };
            let said = walk.remember(Said { who, role, said_on: walk.said_on(v, b) });
            let command = walk.is_command(&said.who);
            walk.last.spoke(&said, command);
            sentence_said[si] = Some(said);
            if v > lower + 1 && toks[v - 1].is_punct(',') {
                let k = (lower..v - 1).rev().take_while(|&k| !toks[k].is_punct(',')).last();
                if let Some(k) = k.filter(|&k| toks[k].is_any(&["who", "which"])) {
                    sentence_aside[si] = Some((toks[k].start, toks[v - 1].start));
                }
            }
            break;
        }
        // Quotations that open in this sentence: their speaker is named just after them, or
        // just before them, or is whoever was quoted last in the paragraph.
        let first_q = quotations.partition_point(|q| q.open < s);
        let last_q = quotations.partition_point(|q| q.open < e);
        for (qi, q) in quotations.iter().enumerate().take(last_q).skip(first_q) {
            let close_tok = doc.tok_at(q.close);
            let sent_end = sents.get(sents.partition_point(|x| x.1 < q.close)).map_or(text.len(), |x| x.1);
            let tail_end = quotations.get(qi + 1).map_or(sent_end, |n| n.open.min(sent_end));
            let tail = (close_tok, doc.tok_at(tail_end));
            let open_tok = doc.tok_at(q.open);
            let head_start = quotations[..qi].last().map_or(s, |p| p.close.max(s));
            let head = (doc.tok_at(head_start), open_tok);
            let mut found = None;
            if let Some(v) =
                (tail.0..tail.1.min(tail.0 + 14)).find(|&k| speakers::is_quoting(&toks[k]) || toks[k].is("according"))
            {
                let who = speakers::speaker_at(text, toks, g, tail.0, v, tail.1, false);
                found = who.map(|w| (w, v, tail.1));
            }
            // "…,” U.S. Africa Command, which oversees operations on the continent, announced
            // Thursday": the speaker, then a clause about it, then the verb.
            if found.is_none() {
                found = speaker_before_clause(text, toks, g, tail.0, tail.1);
            }
            if found.is_none() {
                // "President Kabore called the assailants “forces of evil.”": a verb of naming
                // just before the quoted name is the speaker's too.
                let naming = |k: usize| {
                    toks[k].is_any(&["called", "calls", "described", "describes", "labeled", "labelled", "dubbed"])
                        && head.1 - k <= 9
                };
                // ("Prokudin called the damage left by the assault “an apocalyptic scene.”": what
                // is named may take a few words.)
                if let Some(v) = (head.0..head.1)
                    .rev()
                    .find(|&k| speakers::is_quoting(&toks[k]) || naming(k))
                    .filter(|&v| head.1 - v <= 9)
                {
                    let who = speakers::speaker_at(text, toks, g, head.0, v, head.1, false);
                    found = who.map(|w| (w, v, head.1));
                }
            }
            let said = match found {
                Some((who, v, upper)) => walk
                    .resolve(who)
                    // "“…,” the commander said" with no commander quoted before: one the text
                    // does not name.
                    .or_else(|| {
                        let lower = if v < close_tok { head.0 } else { tail.0 };
                        speakers::unnamed_before(text, toks, lower, v).and_then(|w| walk.resolve(w))
                    })
                    .map(|(who, role)| walk.remember(Said { who, role, said_on: walk.said_on(v, upper) })),
                None => {
                    // Runs on from the paragraph before, or goes on from the last quotation here.
                    let prev = qi.checked_sub(1).filter(|&p| quotations[p].open >= para[si] || quotations[p].runs_on);
                    // Or it is the block a sentence ending in a colon introduced: "Secretary
                    // Ashton Carter spoke of the soldier:" then the quotation.
                    // "Pentagon Spokesperson Jonathan R. Hoffman provided the following
                    // statement:" introduces it too, though "provided" is no say-verb.
                    let introduced = si
                        .checked_sub(1)
                        .filter(|&p| text[..sents[p].1].trim_end().ends_with(':') && q.open == s)
                        .and_then(|p| {
                            sentence_said[p].clone().or_else(|| {
                                let (a, b) = sent_toks[p];
                                let v = (a..b).find(|&k| {
                                    toks[k].is_any(&["provided", "issued", "released", "gave", "made", "delivered"])
                                        && toks[k + 1..b.min(k + 4)]
                                            .iter()
                                            .any(|t| t.is_any(&["statement", "remarks", "comments"]))
                                })?;
                                let who = speakers::before(text, toks, g, a, v)?;
                                walk.resolve(who).map(|(who, role)| Said { who, role, said_on: None })
                            })
                        });
                    prev.and_then(|p| quote_said[p].clone())
                        .or_else(|| sentence_said[si].clone())
                        .or(introduced)
                        // Not where someone unnamed speaks ("“…,” local officials said").
                        .or_else(|| attributed.clone().filter(|_| !sentence_unnamed[si]))
                }
            };
            if let Some(s) = &said {
                let command = walk.is_command(&s.who);
                walk.last.spoke(s, command);
            }
            quote_said[qi] = said;
        }
    }
    // "Attributable to Lt. Gen. Joseph Guastella" at the foot of a statement is the speaker of
    // its quotations too, though they come before it; else who its title says issued it. That
    // speaker also reports what the body says on no one else's authority.
    let issued_by = attributed.or(issued_by);
    if let Some(said) = &issued_by {
        for (q, quotation) in quote_said.iter_mut().zip(quotations).filter(|(q, _)| q.is_none()) {
            if !doc.sentence_of(quotation.open).is_some_and(|si| sentence_unnamed[si]) {
                *q = Some(said.clone());
            }
        }
    }
    // A quotation that runs on into the next paragraph is spoken by whoever the quotation that
    // goes on there is attributed to ("“… attack.¶“Ten more were wounded,” said Jane Doe.").
    for qi in (0..quotations.len().saturating_sub(1)).rev() {
        if quote_said[qi].is_none() && quotations[qi].runs_on {
            quote_said[qi] = quote_said[qi + 1].clone();
        }
    }
    let Walk { people, titled, named_at, .. } = walk;
    Speech { sentence_said, sentence_aside, sentence_unnamed, quote_said, issued_by, people, titled, named_at }
}

impl Speech {
    /// The name a resolved speaker goes by in the claims: a person's fullest.
    fn name_of(&self, r: &Resolved, g: &Gazetteer) -> String {
        match r {
            Resolved::Person(n) => self.people.canonical(n),
            Resolved::Party(i) => g.entry(*i).name.clone(),
            Resolved::Org(n) | Resolved::Unnamed(n) => n.clone(),
        }
    }

    pub(super) fn speaker_of(&self, s: &Said, g: &Gazetteer) -> Speaker {
        Speaker {
            name: self.name_of(&s.who, g),
            role: s.role.clone(),
            said_on: s.said_on,
            titled: s.role.is_some() || matches!(&s.who, Resolved::Person(n) if self.titled.contains(n)),
        }
    }

    /// Who said quotation `qi`, if the text says.
    pub(super) fn quoted(&self, qi: usize) -> Option<&Said> {
        self.quote_said[qi].as_ref()
    }

    /// Who a claim at `start..end` (bytes) of sentence `si` is attributed to: the speaker of a
    /// quotation it lies in, else the one the sentence reports, else the author.
    pub(super) fn attributed(
        &self,
        doc: Doc,
        g: &Gazetteer,
        si: usize,
        start: usize,
        end: usize,
    ) -> (AttributionKind, Option<Speaker>) {
        match doc.quotation_holding(start, end) {
            Some(qi) => match &self.quote_said[qi] {
                Some(said) => (AttributionKind::Direct, Some(self.speaker_of(said, g))),
                None => (AttributionKind::Author, None),
            },
            None => match &self.sentence_said[si] {
                Some(_) if self.sentence_aside[si].is_some_and(|(a, b)| a <= start && end <= b) => {
                    (AttributionKind::Author, None)
                }
                Some(said) => (AttributionKind::Reported, Some(self.speaker_of(said, g))),
                None => match &self.issued_by {
                    Some(said) if !self.sentence_unnamed[si] => {
                        (AttributionKind::Reported, Some(self.speaker_of(said, g)))
                    }
                    _ => (AttributionKind::Author, None),
                },
            },
        }
    }

    /// What `claimdb annotate` shows of it: each person where named, each quotation with its
    /// speaker.
    pub(super) fn mentions(&self, doc: Doc, g: &Gazetteer) -> Vec<Mention> {
        let people = self.named_at.iter().map(|((s, e), name, role)| Mention {
            start: *s,
            end: *e,
            reading: Reading::Person { name: self.people.canonical(name), role: role.clone() },
        });
        let quotes = doc.quotations.iter().zip(&self.quote_said).map(|(q, said)| Mention {
            start: q.start,
            end: q.end,
            reading: Reading::Quote {
                speaker: said.as_ref().map(|s| self.name_of(&s.who, g)),
                role: said.as_ref().and_then(|s| s.role.clone()),
                said_on: said.as_ref().and_then(|s| s.said_on),
            },
        });
        people.chain(quotes).collect()
    }

    /// Who spoke that is neither a person nor in the gazetteer: organisations and groups.
    pub(super) fn organisations(&self) -> HashMap<String, EntityKind> {
        self.quote_said
            .iter()
            .chain(self.sentence_said.iter())
            .flatten()
            .filter_map(|s| match &s.who {
                Resolved::Org(n) => Some((n.clone(), EntityKind::Organization)),
                Resolved::Unnamed(n) => Some((n.clone(), EntityKind::Unnamed)),
                _ => None,
            })
            .collect()
    }
}

/// The speaker of a quotation closed at token `from`, named right after it and followed by a
/// relative clause between commas before the say-verb: "…,” U.S. Africa Command, which oversees
/// operations on the continent, announced Thursday". (who, verb, upper bound).
fn speaker_before_clause(
    text: &str,
    toks: &[Token],
    g: &Gazetteer,
    from: usize,
    upper: usize,
) -> Option<(speakers::Who, usize, usize)> {
    let limit = upper.min(from + 40);
    let mut k = from;
    while k < limit && (toks[k].kind == tokens::Kind::Punct && !toks[k].is_punct(',')) {
        k += 1;
    }
    // The name: capitalised words (and their periods) up to the clause's comma.
    let name_end = (k..limit).find(|&j| toks[j].is_punct(','))?;
    if name_end == k || !toks[k..name_end].iter().all(|t| t.is_capitalized() || t.is_punct('.') || t.is_punct('-')) {
        return None;
    }
    if !toks.get(name_end + 1).is_some_and(|t| t.is_any(&["which", "who"])) {
        return None;
    }
    let close = (name_end + 2..limit).find(|&j| toks[j].is_punct(','))?;
    let v = (close + 1..(close + 3).min(limit)).find(|&j| speakers::is_say(&toks[j]))?;
    speakers::before(text, toks, g, k, name_end).map(|w| (w, v, upper))
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::*;

    /// From a review: a name, its title and the words about when it spoke stay in their own
    /// sentence, though the one before ends without a full stop (a headline) or with a title.
    #[test]
    fn a_name_its_title_and_its_day_stay_in_their_sentence() {
        let speakers = |text: &str| -> Vec<String> {
            undated(text).claims.iter().filter_map(|c| c.speaker.as_ref().map(|s| s.name.clone())).collect()
        };
        assert_eq!(
            speakers(
                "The attack was confirmed by Gen. John Smith. The base was closed.\n\"We will respond,\" Smith said."
            ),
            ["John Smith"]
        );
        // Two sentences' names are never one.
        assert_eq!(
            speakers(
                "The attack was confirmed by Gen. John Smith. Ahmed Ali arrived later.\n\"We will respond,\" Ali said."
            ),
            ["Ali"]
        );
        // The title ending the sentence before is not this surname's rank: any Austin.
        assert_eq!(
            speakers("The strike was confirmed by a military spokesman.\nAustin said two soldiers were wounded."),
            ["Austin"]
        );
        // A stop standing apart is no initial's period, and never cuts a letter in two.
        assert_eq!(
            speakers("The raid was led by Gen. John Dupont . Smith went home.\n\"We won,\" Smith said."),
            ["Smith"]
        );
        let _ = undated("The unit is led by Col. Ahmet \u{D6}zdemir . Turkish troops left.");
        // A headline's day is not when the next sentence's speaker spoke.
        let an = analyse(
            "CENTCOM issues statement Friday\nCENTCOM said two soldiers were wounded.",
            &Options { published: Some("2025-01-08".parse().unwrap()), gazetteer: Gazetteer::builtin(), title: None },
        );
        let said_on: Vec<_> = an.claims.iter().map(|c| c.speaker.as_ref().and_then(|s| s.said_on)).collect();
        assert_eq!(said_on, [None], "{:?}", an.claims);
    }

    #[test]
    fn an_office_named_again_is_its_holder() {
        let text = "The United States condemns the launch, according to a statement issued by chief Pentagon \
                    spokesperson Dana W. White. \"We are watching,\" White said. \"We are ready,\" the Pentagon \
                    spokesperson said. \"It is done,\" said U.S. Army Brig. Gen. Miguel A. Castellanos.";
        let an = undated(text);
        let who: Vec<(&str, Option<&str>)> =
            an.claims.iter().filter_map(|c| c.speaker.as_ref().map(|s| (s.name.as_str(), s.role.as_deref()))).collect();
        let white = ("Dana W. White", Some("chief Pentagon spokesperson"));
        assert_eq!(who, [white, white, ("Miguel A. Castellanos", None)], "{:?}", an.claims);
        // Another body's office is not the holder's.
        let an = undated(
            "\"We are ready,\" State Department spokesman Ned Price said. \"We are too,\" the Pentagon spokesman said.",
        );
        let who: Vec<&str> = an.claims.iter().filter_map(|c| c.speaker.as_ref().map(|s| s.name.as_str())).collect();
        assert_eq!(who, ["Ned Price", "U.S. Department of Defense"]);
        // With no holder named before, the office speaks for its body.
        let an = undated("\"We are ready,\" the Pentagon spokesperson said.");
        assert_eq!(an.claims[0].speaker.as_ref().map(|s| s.name.as_str()), Some("U.S. Department of Defense"));
    }

    #[test]
    fn a_day_after_said_is_when_not_who() {
        let an = analyse(
            "Fourteen fighters were killed in the raid, a coalition official said Tuesday.",
            &Options { published: Some("2025-01-08".parse().unwrap()), gazetteer: Gazetteer::builtin(), title: None },
        );
        assert!(!an.claims.is_empty());
        assert!(an.claims.iter().all(|c| c.speaker.as_ref().is_none_or(|s| s.name != "Tuesday")), "{:?}", an.claims);
        // "The United States keeps …": a capitalised "States" is a name, not a say-verb.
        let an = undated("The United States keeps 2,000 troops in Syria.");
        assert!(an.claims.iter().all(|c| c.speaker.is_none()), "{:?}", an.claims);
    }

    #[test]
    fn the_day_of_a_statement_is_when_it_was_said_not_when_things_happened() {
        let text = "In a statement Friday, the U.S. Central Command said it killed three al-Qaida operatives.";
        let an = analyse(
            text,
            &Options { published: Some("2016-08-05".parse().unwrap()), gazetteer: Gazetteer::builtin(), title: None },
        );
        let c = &an.claims[0];
        assert_eq!((c.value, c.date), (Some(3.0), None), "{c:?}");
        let s = c.speaker.as_ref().unwrap();
        assert_eq!(
            (s.name.as_str(), s.said_on.map(|d| d.to_string())),
            ("U.S. Central Command", Some("2016-08-05".into()))
        );
    }

    #[test]
    fn a_surname_is_the_one_person_of_that_name_so_far() {
        let text = "\u{201C}We fled,\u{201D} said Dayyabu Kerawa. \u{201C}They burned it,\u{201D} Kerawa said. \
                    \u{201C}Help us,\u{201D} said Alhaji Daiyibu Kerawa. \u{201C}They came back,\u{201D} Kerawa said.";
        let an = undated(text);
        let who: Vec<&str> = an.claims.iter().filter_map(|c| c.speaker.as_ref().map(|s| s.name.as_str())).collect();
        // (After the second Kerawa, the surname is as ambiguous as the text leaves it.)
        assert_eq!(who, ["Dayyabu Kerawa", "Dayyabu Kerawa", "Alhaji Daiyibu Kerawa", "Kerawa"], "{:?}", an.claims);
    }

    #[test]
    fn a_surname_alone_is_the_name_set_off_by_commas_before_it() {
        let text = "A reporter with the French news agency, Ali Musa, tells VOA residents fought. \
                    \u{201C}They came at night,\u{201D} said Musa.";
        let an = undated(text);
        let who: Vec<&str> = an.claims.iter().filter_map(|c| c.speaker.as_ref().map(|s| s.name.as_str())).collect();
        assert_eq!(who, ["Ali Musa"], "{:?}", an.claims);
    }

    #[test]
    fn an_office_without_a_name_is_who_spoke_last_else_one_the_text_does_not_name() {
        let who = |text: &str| {
            let an = undated(text);
            an.claims
                .iter()
                .filter(|c| c.kind == Kind::Statement)
                .map(|c| c.speaker.as_ref().map(|s| s.name.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(who("\u{201C}We lost three men,\u{201D} the commander said."), [Some("commander".to_string())]);
        assert_eq!(
            who("Gen. John Smith spoke. \u{201C}We are ready,\u{201D} the commander said."),
            [Some("John Smith".to_string())]
        );
    }

    #[test]
    fn a_statement_introduced_by_its_giver_is_theirs() {
        let text = "Chief Pentagon Spokesperson Jonathan R. Hoffman provided the following statement:\n\
                    \u{201C}U.S. forces did not conduct the recent attack on a convoy.\n\
                    \u{201C}We support Iraqi sovereignty.\u{201D}";
        let an = undated(text);
        let speakers: Vec<Option<&str>> = an
            .claims
            .iter()
            .filter(|c| c.kind == Kind::Statement)
            .map(|c| c.speaker.as_ref().map(|s| s.name.as_str()))
            .collect();
        assert_eq!(speakers, [Some("Jonathan R. Hoffman"), Some("Jonathan R. Hoffman")], "{:?}", an.claims);
    }

    #[test]
    fn a_statement_attributed_to_its_giver_is_theirs() {
        let text = "Attributed to Chief Pentagon Spokesperson Jonathan Hoffman:\n\
                    \"The U.S. would deploy the following equipment:\nOne Patriot Battery\n\
                    Approximately 200 support personnel\"";
        let an = undated(text);
        let troops = an.claims.iter().find(|c| c.value == Some(200.0)).expect("the personnel");
        assert_eq!(troops.speaker.as_ref().map(|s| s.name.as_str()), Some("Jonathan Hoffman"), "{troops:?}");
    }

    #[test]
    fn a_name_quoted_after_a_verb_of_naming_is_the_namer_s() {
        let text = "\"They killed all of them,\" said Issa Ahmed Abdi, a member of the county assembly.\n\
                    President Roch Marc Christian Kabore called the assailants \"forces of evil.\"\n\
                    Two more soldiers died later, according to Ahmed Abdi.";
        let an = undated(text);
        let who: Vec<Option<&str>> = an.claims.iter().map(|c| c.speaker.as_ref().map(|s| s.name.as_str())).collect();
        assert!(who.contains(&Some("Roch Marc Christian Kabore")), "{who:?}");
        let far =
            undated("Governor Oleksandr Prokudin called the damage left by the assault \"an apocalyptic scene.\"");
        let who: Vec<Option<&str>> = far.claims.iter().map(|c| c.speaker.as_ref().map(|s| s.name.as_str())).collect();
        assert_eq!(who, [Some("Oleksandr Prokudin")]);
        // The short form of a name given in full is that person.
        let died = an.claims.iter().find(|c| c.value == Some(2.0)).expect("two died");
        assert_eq!(died.speaker.as_ref().map(|s| s.name.as_str()), Some("Issa Ahmed Abdi"), "{died:?}");
    }

    #[test]
    fn a_quotation_after_told_is_the_teller_s() {
        // "told VOA": VOA heard it; "he" is the general named with a relative clause.
        let text = "General Odawaa Yusuf Rageh, who was at the base, told VOA that the attack failed.\n\
                    \u{201C}Our forces were ready,\u{201D} he said.";
        let an = undated(text);
        let q = an.claims.iter().find(|c| c.kind == Kind::Statement).expect("the quotation");
        assert_eq!(q.speaker.as_ref().map(|s| s.name.as_str()), Some("Odawaa Yusuf Rageh"), "{q:?}");
        assert!(q.speaker.as_ref().unwrap().titled, "named with a rank");
    }
}
