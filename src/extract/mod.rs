//! Reading raw news text into the claim model's shapes, by rules a user can read and predict: no
//! model, no network, the same output for the same text.
//!
//! Each recogniser has a file of its own and reports what it found at byte offsets of the text:
//! [`sentences`], [`tokens`], [`numbers`] and [`quantities`] (figures with what they count),
//! [`dates`], [`gazetteer`] (places and parties), [`quotes`] and [`speakers`], [`events`]
//! (strikes and operations told without a count). [`analyse`] runs them over a document and puts
//! their findings together: every [`Mention`] (what `claimdb annotate` prints) and the [`Draft`]
//! claims they make (what `claimdb ingest` stores). The stages after the recognisers read the text
//! through one `doc::Doc`: `speech` (who said what), then `claims`, which asks `dating` when each
//! claim happened and `placing` where and whose it is.

mod claims;
pub mod dates;
mod dating;
mod doc;
pub mod events;
pub mod gazetteer;
mod locals;
pub mod numbers;
pub mod people;
mod placing;
pub mod quantities;
pub mod quotes;
pub mod sentences;
pub mod speakers;
mod speech;
pub mod tokens;

use std::collections::{HashMap, HashSet};

use jiff::civil::Date;

use crate::model::{AttributionKind, DateSpan, EntityKind, Kind, Modality, Qualifier};
use doc::Doc;
use gazetteer::Gazetteer;
use locals::local_places;
use speakers::Who;

/// The extractor's version, stored with every claim it makes: bump it when a rule changes what
/// is extracted, so claims from an older extractor can be found and redone.
pub const VERSION: &str = "1";

/// What the recognisers found at `start..end` (bytes of the text).
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub reading: Reading,
}

/// A mention's normalised reading.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    /// `None` when relative and there is no publication date to resolve it against.
    Date(Option<DateSpan>),
    Quantity {
        value: f64,
        low: Option<f64>,
        high: Option<f64>,
        qualifier: Qualifier,
        unit: Option<String>,
    },
    Place {
        name: String,
    },
    Party {
        name: String,
    },
    Person {
        name: String,
        role: Option<String>,
    },
    Quote {
        speaker: Option<String>,
        role: Option<String>,
        said_on: Option<DateSpan>,
    },
}

impl Reading {
    pub fn kind(&self) -> &'static str {
        match self {
            Reading::Date(_) => "date",
            Reading::Quantity { .. } => "quantity",
            Reading::Place { .. } => "place",
            Reading::Party { .. } => "party",
            Reading::Person { .. } => "person",
            Reading::Quote { .. } => "quote",
        }
    }
}

/// Who a claim is attributed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub name: String,
    pub role: Option<String>,
    pub said_on: Option<DateSpan>,
    /// The text gave the name with a role, title or rank ("General Kurilla said"), not bare
    /// ("Jones said"): a surname alone may then be looked up among well-known people.
    pub titled: bool,
}

/// A claim as extracted: the shape of a claim record before it has an id and a source.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub kind: Kind,
    /// Bytes of the text the claim rests on.
    pub start: usize,
    pub end: usize,
    /// The sentence it stands in, as its plain-text statement.
    pub sentence: (usize, usize),
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub unit: Option<String>,
    pub qualifier: Option<Qualifier>,
    pub date: Option<DateSpan>,
    pub party: Option<String>,
    pub location: Option<String>,
    pub attribution: AttributionKind,
    pub speaker: Option<Speaker>,
    pub modality: Modality,
}

impl Draft {
    /// A claim that counts nothing (a strike or operation told without a number, a milestone, a
    /// quotation), the author's and asserted until its fields say otherwise.
    fn uncounted(kind: Kind, start: usize, end: usize, sentence: (usize, usize)) -> Draft {
        Draft {
            kind,
            start,
            end,
            sentence,
            value: None,
            low: None,
            high: None,
            unit: None,
            qualifier: None,
            date: None,
            party: None,
            location: None,
            attribution: AttributionKind::Author,
            speaker: None,
            modality: Modality::Asserted,
        }
    }
}

/// An entity the claims name: its kind and what it is part of, for the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEntity {
    pub name: String,
    pub kind: EntityKind,
    pub parent: Option<String>,
    pub aliases: Vec<String>,
}

/// What [`analyse`] found in a document.
#[derive(Debug, Default)]
pub struct Analysis {
    pub mentions: Vec<Mention>,
    pub claims: Vec<Draft>,
    /// Every entity a claim names, parents first.
    pub entities: Vec<NewEntity>,
    /// Relative dates left unresolved, and the like: for stderr.
    pub warnings: Vec<String>,
}

pub struct Options<'g> {
    /// The day the text was published, which relative dates resolve against.
    pub published: Option<Date>,
    pub gazetteer: &'g Gazetteer,
    /// The text's title: a statement's names who issued it ("Statement by Pentagon Press
    /// Secretary Peter Cook on …"), whose the body's claims are.
    pub title: Option<&'g str>,
}

/// Reported speech in one sentence, "Singh said ISIS retains capabilities": who says, and where
/// the words said begin (bytes; after "that"). `None` when no say-verb has a speaker, or the words
/// are a quotation (which [`analyse`] reads).
pub fn reported_speech(sentence: &str, g: &Gazetteer) -> Option<(String, usize)> {
    let toks = tokens::tokenize(sentence);
    let v = toks.iter().position(speakers::is_say)?;
    // Only a speaker before the verb: the words said come after it ("…, said Singh" is read
    // by `analyse`, not here).
    let who = speakers::speaker_at(sentence, &toks, g, 0, v, v + 1, false)?;
    let name = match who {
        Who::Person { name, .. } => name,
        Who::Party(i) => g.entry(i).name.clone(),
        Who::Org(name) | Who::Unnamed(name) => name,
        Who::He | Who::It | Who::Command | Who::Office(..) => return None,
    };
    // "said on Jan. 3 that ISIS …": the words said begin after a "that" soon after the verb.
    let mut k = (v + 1..(v + 9).min(toks.len())).find(|&j| toks[j].is("that")).map_or(v + 1, |j| j + 1);
    while toks.get(k).is_some_and(|t| t.is("that") || t.is_punct(',') || t.is_punct(':')) {
        k += 1;
    }
    let first = toks.get(k)?;
    if first.is_punct('"') || first.is_punct('\u{201C}') {
        return None;
    }
    Some((name, first.start))
}

/// Runs every recogniser over `text` and assembles claims from what they found.
pub fn analyse(text: &str, opts: &Options) -> Analysis {
    read(text, opts, Build::Claims)
}

/// Every mention the recognisers find, without the claims `ingest` would make of them: what
/// `claimdb annotate` prints. (Claims are a quarter of [`analyse`]'s time.)
pub fn annotate(text: &str, opts: &Options) -> Annotation {
    let an = read(text, opts, Build::Mentions);
    Annotation { mentions: an.mentions, warnings: an.warnings }
}

/// What [`annotate`] finds: the mentions, in text order, and what it could not resolve.
#[derive(Debug, Default)]
pub struct Annotation {
    pub mentions: Vec<Mention>,
    pub warnings: Vec<String>,
}

/// How far [`read`] goes: the mentions alone, or the claims made of them too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Build {
    Mentions,
    Claims,
}

fn read(text: &str, opts: &Options, build: Build) -> Analysis {
    let g = opts.gazetteer;
    let toks = tokens::tokenize(text);
    let sents = sentences::sentences(text);
    let quotations = quotes::find(text);
    let names = g.find(text);
    let locals = local_places(text, &toks, &names, g);
    let sent_toks = doc::sentence_tokens(&toks, &sents);
    let mut an = Analysis::default();

    // Dates and figures, sentence by sentence.
    let mut taken = vec![false; toks.len()];
    let mut sentence_dates: Vec<Vec<dating::DateAt>> = Vec::with_capacity(sents.len());
    let mut figures: Vec<(usize, quantities::Figure)> = Vec::new(); // (sentence, figure with global token indices)
    let mut unresolved = 0;
    let mut anchor = None;
    for (si, &(a, b)) in sent_toks.iter().enumerate() {
        let st = &toks[a..b];
        let cx = dates::Context { published: opts.published, future: false, anchor };
        let mut here = Vec::new();
        for m in dates::find(st, cx) {
            // The day of an event, not of its telling: "announced Thursday" is no anchor.
            if let Some(v) = m
                .value
                .filter(|v| !dating::told_at(st, m.start) && !v.is_range() && v.grain() == crate::model::Grain::Day)
            {
                anchor = Some(v.first_day());
            }
            for t in &mut taken[a + m.start..a + m.end] {
                *t = true;
            }
            if m.value.is_none() {
                unresolved += 1;
            }
            here.push(dating::DateAt { start: a + m.start, end: a + m.end, value: m.value });
            an.mentions.push(Mention {
                start: toks[a + m.start].start,
                end: toks[a + m.end - 1].end,
                reading: Reading::Date(m.value),
            });
        }
        dating::drop_the_night_of_a_date(&mut here, st, a);
        sentence_dates.push(here);
        let striking = st.iter().any(|t| t.has(tokens::class::STRIKING));
        for f in quantities::find(st, &taken[a..b], striking) {
            let f = f.shifted(a);
            an.mentions.push(Mention {
                start: toks[f.start].start,
                end: toks[f.end - 1].end,
                reading: Reading::Quantity {
                    value: f.value,
                    low: f.low,
                    high: f.high,
                    qualifier: f.qualifier,
                    unit: f.unit.clone(),
                },
            });
            figures.push((si, f));
        }
    }
    if unresolved > 0 {
        an.warnings.push(format!(
            "{unresolved} relative date{} (like \"Tuesday\" or \"last week\") left unresolved: pass --published DATE to resolve them",
            if unresolved == 1 { "" } else { "s" }
        ));
    }

    // Places and parties.
    for f in &names {
        let e = g.entry(f.entry);
        let reading = match (&f.region, e.kind.is_place()) {
            (Some(r), _) => Reading::Place { name: r.clone() },
            (None, true) => Reading::Place { name: e.name.clone() },
            (None, false) => Reading::Party { name: e.name.clone() },
        };
        an.mentions.push(Mention { start: f.start, end: f.end, reading });
    }
    for l in &locals {
        an.mentions.push(Mention { start: l.start, end: l.end, reading: Reading::Place { name: l.name.clone() } });
    }

    let para = doc::paragraph_starts(text, &sents);
    let doc = Doc {
        text,
        toks: &toks,
        sents: &sents,
        sent_toks: &sent_toks,
        quotations: &quotations,
        names: &names,
        para: &para,
    };

    // Who said what.
    let date_at: HashMap<usize, Option<DateSpan>> =
        sentence_dates.iter().flatten().map(|d| (d.start, d.value)).collect();
    let speech = speech::who_said(doc, opts, &date_at);
    an.mentions.extend(speech.mentions(doc, g));

    if build == Build::Mentions {
        sort_mentions(&mut an.mentions);
        return an;
    }

    an.claims = claims::claims(doc, opts, &sentence_dates, &figures, &speech, &locals);
    sort_mentions(&mut an.mentions);
    let places: HashSet<String> = locals.iter().map(|l| l.name.clone()).collect();
    an.entities = entities(&an.claims, g, &speech.people, &speech.organisations(), &places);
    an
}

/// Mentions in text order, the longer first where two start together.
fn sort_mentions(mentions: &mut Vec<Mention>) {
    mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    // A person named twice at one place (resolved for a quotation and for its sentence) is one row.
    mentions.dedup();
}

/// The side civilians hit or held are on ("killed 11 Afghan civilians"): people no text names.
pub(super) const CIVILIANS: &str = "civilians";
/// The entities the claims name, with their parents, parents first.
fn entities(
    claims: &[Draft],
    g: &Gazetteer,
    people: &people::People,
    spoke: &HashMap<String, EntityKind>,
    places: &HashSet<String>,
) -> Vec<NewEntity> {
    let mut out: Vec<NewEntity> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    fn add_gazetteer(g: &Gazetteer, i: usize, out: &mut Vec<NewEntity>, seen: &mut HashSet<String>) {
        let e = g.entry(i);
        if seen.contains(&e.name) {
            return;
        }
        if let Some(p) = e.parent.as_deref().and_then(|p| g.lookup(p)) {
            add_gazetteer(g, p, out, seen);
        }
        seen.insert(e.name.clone());
        out.push(NewEntity {
            name: e.name.clone(),
            kind: e.kind,
            parent: e.parent.clone(),
            aliases: e.aliases.clone(),
        });
    }
    for c in claims {
        let names = [c.party.as_deref(), c.location.as_deref(), c.speaker.as_ref().map(|s| s.name.as_str())];
        for name in names.into_iter().flatten() {
            if seen.contains(name) {
                continue;
            }
            // "eastern Syria": a region of a gazetteer place (not "senior U.S. officials", whose
            // first word is lowercase too).
            let region = name
                .split_once(' ')
                .filter(|(c, _)| gazetteer::is_compass(c))
                .and_then(|(_, place)| g.lookup(place).filter(|&i| g.entry(i).kind.is_place()));
            if let Some(i) = g.lookup(name) {
                add_gazetteer(g, i, &mut out, &mut seen);
            } else if let Some(i) = region {
                add_gazetteer(g, i, &mut out, &mut seen);
                seen.insert(name.to_string());
                out.push(NewEntity {
                    name: name.to_string(),
                    kind: EntityKind::Place,
                    parent: Some(g.entry(i).name.clone()),
                    aliases: Vec::new(),
                });
            } else if let Some(kind) = places
                .contains(name)
                .then_some(EntityKind::Place)
                .or(spoke.get(name).copied())
                .or((name == CIVILIANS).then_some(EntityKind::Unnamed))
            {
                // A small place found in the text, or an organisation or group that spoke.
                seen.insert(name.to_string());
                out.push(NewEntity { name: name.to_string(), kind, parent: None, aliases: Vec::new() });
            } else {
                seen.insert(name.to_string());
                let aliases = people.aliases(name);
                out.push(NewEntity { name: name.to_string(), kind: EntityKind::Person, parent: None, aliases });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    //! The pipeline's tests, and what the stages' tests share (`use crate::extract::tests::*`):
    //! the whole pipeline run on a short text, so a stage's test reads its rule in the claims it
    //! makes ("A fifth soldier died" is a casualty), as users see them.
    pub(super) use super::gazetteer::Gazetteer;
    use super::*;
    pub(super) use super::{analyse, Analysis, Options};
    pub(super) use crate::model::{EntityKind, Kind};
    use proptest::prelude::*;

    /// What the extractor reads in `text` with no publication date and the built-in gazetteer.
    pub(super) fn undated(text: &str) -> Analysis {
        analyse(text, &Options { published: None, gazetteer: Gazetteer::builtin(), title: None })
    }

    /// Each claim of `text`, published on Tuesday 2025-01-07, as "kind value quote date".
    pub(super) fn claims_of(text: &str) -> Vec<String> {
        let an = analyse(
            text,
            &Options { published: Some("2025-01-07".parse().unwrap()), gazetteer: Gazetteer::builtin(), title: None },
        );
        an.claims
            .iter()
            .map(|c| {
                let date = c.date.map(|d| d.to_string()).unwrap_or_default();
                format!(
                    "{} {} {} {date}",
                    c.kind,
                    c.value.map(|v| v.to_string()).unwrap_or_default(),
                    &text[c.start..c.end]
                )
            })
            .collect()
    }

    /// Every mention and claim of any text lies on its character boundaries, inside the text, and
    /// is never empty: what annotate prints is always `text[start..end]`, and nothing panics.
    /// `annotate` finds the very mentions `analyse` does.
    fn spans_hold(text: &str) {
        for published in [None, Some("2025-01-07".parse().unwrap())] {
            let opts = Options { published, gazetteer: Gazetteer::builtin(), title: None };
            let an = analyse(text, &opts);
            // `annotate` stops before the claims: it must find every mention `analyse` does.
            assert_eq!(annotate(text, &opts).mentions, an.mentions, "{text:?}");
            for (s, e) in an.mentions.iter().map(|m| (m.start, m.end)).chain(an.claims.iter().map(|c| (c.start, c.end)))
            {
                assert!(s < e && e <= text.len(), "{s}..{e} in {} bytes: {text:?}", text.len());
                assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "{s}..{e}: {text:?}");
            }
            for c in &an.claims {
                assert!(c.sentence.0 <= c.start && c.end <= c.sentence.1, "{c:?} outside its sentence: {text:?}");
            }
        }
    }

    /// Words that exercise the recognisers: numbers, quote marks, months, say-verbs, names.
    const PIECES: &[&str] = &[
        "2,500",
        "1.5",
        "seven",
        "twenty-five",
        "a dozen",
        "dozens of",
        "no",
        "none",
        "at least",
        "between",
        "and",
        "to",
        "troops",
        "killed",
        "were",
        "wounded",
        "Jan.",
        "May",
        "September",
        "2019",
        "Tuesday",
        "last week",
        "said",
        "according to",
        "\u{201C}",
        "\u{201D}",
        "\"",
        "'",
        "Gen.",
        "Michael",
        "Kurilla",
        "CENTCOM",
        "in",
        "Iraq",
        "eastern",
        "Syria",
        ",",
        ".",
        "\n",
        "-",
        "$",
        "%",
        "U.S.",
        "é",
        "\u{202E}",
        "3/4",
        " ",
        "the",
        "F-16s",
        "\u{2019}s",
        // Titled names with initials, letters beyond ASCII and stops standing apart ("Col. Ahmet
        // Özdemir . Turkish" once cut a letter in two), and sentence ends without a full stop.
        "Col.",
        "Ahmet",
        "\u{D6}zdemir",
        "J.",
        "Smith",
        "spokesman",
        "who",
        "since",
        "statement",
        "?",
        "!",
        "Jose\u{301}",
        "\u{301}",
        "\u{200D}",
    ];

    /// Found by the proptest below: the splitter cut a token ("-U.S.May") after "U.", and a
    /// claim reached from one sentence into the next.
    #[test]
    fn a_token_cut_by_the_splitter_takes_no_claim_past_its_sentence() {
        spans_hold("said troops\nMichael  wounded Tuesday  -U.S.May\nCENTCOM\n");
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        #[test]
        fn any_unicode_text_annotates_within_its_bounds(text in any::<String>()) {
            spans_hold(&text);
        }

        #[test]
        fn mixes_of_numbers_quotes_and_months_annotate_within_bounds(
            parts in proptest::collection::vec(proptest::sample::select(PIECES), 0..60),
            seps in proptest::collection::vec(proptest::sample::select(&[" ", "", "  ", "\n"][..]), 60),
        ) {
            let text: String = parts.iter().zip(seps.iter()).flat_map(|(p, s)| [*p, *s]).collect();
            spans_hold(&text);
        }
    }

    #[test]
    fn the_sample_article_gives_its_figures_and_speakers() {
        let text = include_str!("../../examples/sample/article.txt");
        let an = analyse(
            text,
            &Options { published: Some("2025-01-06".parse().unwrap()), gazetteer: Gazetteer::builtin(), title: None },
        );
        let figure = |q: &str| {
            an.claims.iter().find(|c| &text[c.start..c.end] == q).unwrap_or_else(|| {
                panic!("no claim {q:?}: {:#?}", an.claims.iter().map(|c| &text[c.start..c.end]).collect::<Vec<_>>())
            })
        };
        let c = figure("Around 2,500 U.S. troops");
        assert_eq!(
            (c.kind, c.value, c.qualifier, c.location.as_deref(), c.party.as_deref()),
            (Kind::Troops, Some(2500.0), Some(Qualifier::Approximate), Some("Iraq"), Some("United States"))
        );
        let c = figure("no American personnel were injured");
        assert_eq!(
            (c.value, c.unit.as_deref(), c.attribution),
            (Some(0.0), Some("injured"), AttributionKind::Reported)
        );
        assert_eq!(c.speaker.as_ref().map(|s| s.name.as_str()), Some("U.S. Central Command"));
        let k = an.claims.iter().find(|c| text[c.start..c.end].starts_with("Partnered operations")).unwrap();
        let s = k.speaker.as_ref().unwrap();
        assert_eq!((s.name.as_str(), s.role.as_deref()), ("Michael Kurilla", Some("CENTCOM commander")));
        let k = an.claims.iter().find(|c| text[c.start..c.end].starts_with("The entire mission")).unwrap();
        let s = k.speaker.as_ref().unwrap();
        assert_eq!((s.name.as_str(), s.said_on.map(|d| d.to_string())), ("Sabrina Singh", Some("2025-01-03".into())));
        for m in &an.mentions {
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end) && m.start < m.end);
        }
    }

    #[test]
    fn from_a_review_background_and_events_stay_the_author_s() {
        let at = |text: &str| {
            analyse(
                text,
                &Options {
                    published: Some("2025-01-07".parse().unwrap()),
                    gazetteer: Gazetteer::builtin(),
                    title: None,
                },
            )
        };
        // A relative clause between speaker and verb is the author's background.
        let an = at("Al-Shabab, which killed 12 soldiers in an attack last week, said it would fight on.");
        let c = an.claims.iter().find(|c| c.value == Some(12.0)).unwrap();
        assert_eq!((c.attribution, c.speaker.as_ref()), (AttributionKind::Author, None), "{c:?}");
        // Told the day it happened, when nothing else dates it.
        let an = at("Four soldiers were wounded in a rocket attack on a base, the military said Sunday.");
        assert_eq!(an.claims[0].date.map(|d| d.to_string()).as_deref(), Some("2025-01-05"), "{:?}", an.claims);
        // A day's possessive heading a figure's phrase dates it, whatever the sentence dates after.
        let an = at("Yesterday's launch of multiple missiles confirms the decision last year to deploy THAAD.");
        let c = an.claims.iter().find(|c| c.value == Some(2.0)).expect("the missiles");
        assert_eq!(c.date.map(|d| d.to_string()).as_deref(), Some("2025-01-06"), "{:?}", an.claims);
        // Not where a verb makes the figure what the thing reported: the date after is its own.
        let an = at("Tuesday's report listed 12 airstrikes on Friday.");
        let c = an.claims.iter().find(|c| c.value == Some(12.0)).expect("the airstrikes");
        assert_eq!(c.date.map(|d| d.to_string()).as_deref(), Some("2025-01-03"), "{:?}", an.claims);
        // A peace conference is an event; its day is the event's.
        let an = at("A suicide bomber killed 20 people at a peace conference on Monday.");
        assert_eq!(an.claims[0].date.map(|d| d.to_string()).as_deref(), Some("2025-01-06"));
        // The statement's day is when it was said, though a day follows the verb.
        let an = at("In a statement on Monday, the Pentagon said militants killed two soldiers Sunday.");
        let c = an.claims.iter().find(|c| c.value == Some(2.0)).unwrap();
        assert_eq!(c.speaker.as_ref().and_then(|s| s.said_on).map(|d| d.to_string()).as_deref(), Some("2025-01-06"));
        assert_eq!(c.date.map(|d| d.to_string()).as_deref(), Some("2025-01-05"));
        // A country before "report" is its topic, not who reports.
        let an = at("The latest Afghanistan report said 300 civilians were killed.");
        assert!(
            an.claims.iter().all(|c| c.speaker.as_ref().is_none_or(|s| s.name != "Afghanistan")),
            "{:?}",
            an.claims
        );
        // "Mr." and "Major" are no office: a surname after them is not a well-known person's.
        let an = at("Mr. Davis said two soldiers were killed.");
        assert!(an.claims.iter().all(|c| c.speaker.as_ref().is_none_or(|s| !s.titled)), "{:?}", an.claims);
    }

    #[test]
    fn places_are_not_people_and_past_events_stay_past() {
        assert!(claims_of("Mosul was captured by ISIS in 2014.").is_empty());
        // Forces moved with no count are a troops claim, expected when they will be; none where
        // nothing was decided.
        let an = analyse(
            "NATO will deploy additional forces to Romania. While no decision has been made to deploy more troops, \
             officials are ready.",
            &Options { published: Some("2025-01-07".parse().unwrap()), gazetteer: Gazetteer::builtin(), title: None },
        );
        let troops: Vec<_> = an.claims.iter().filter(|c| c.kind == Kind::Troops).collect();
        assert_eq!(troops.len(), 1);
        assert_eq!((troops[0].modality, troops[0].location.as_deref()), (Modality::Expected, Some("Romania")));
        // A claim that says its own vague time keeps no date from elsewhere in its paragraph.
        assert_eq!(
            claims_of("Two soldiers were wounded on Jan. 2. The U.S. recently carried out airstrikes in Syria."),
            ["casualty 2 Two soldiers were wounded 2025-01-02", "strike  The U.S. recently carried out airstrikes "]
        );
        assert_eq!(
            claims_of("Two soldiers were wounded on Jan. 2. The U.S. carried out airstrikes in Syria."),
            ["casualty 2 Two soldiers were wounded 2025-01-02", "strike  The U.S. carried out airstrikes 2025-01-02"]
        );
        // Two people of one surname stay two; a conjunction is no first name.
        let an = undated("“We stand firm,” Joe Biden said. “We go on,” Hunter Biden said. While Biden said little, “Fine,” Biden added.");
        let speakers: Vec<&str> =
            an.claims.iter().filter_map(|c| c.speaker.as_ref().map(|s| s.name.as_str())).collect();
        assert_eq!(speakers, ["Joe Biden", "Hunter Biden", "Biden"]);
        // The speaker named before a clause about it, then the verb.
        let an = undated(
            "\"Two strikes hit,\" U.S. Africa Command, which oversees operations in Africa, announced Thursday.",
        );
        let speakers: Vec<&str> =
            an.claims.iter().filter_map(|c| c.speaker.as_ref().map(|s| s.name.as_str())).collect();
        assert_eq!(speakers, ["U.S. Africa Command", "U.S. Africa Command"]);
        // A condition reports nothing: "if we mistakenly struck a position".
        assert_eq!(
            claims_of(
                "We would regret it if we mistakenly struck a Syrian military position. Two soldiers were wounded."
            ),
            ["casualty 2 Two soldiers were wounded "]
        );
        // A country that only describes the person is no place.
        assert_eq!(
            claims_of("The Bahraini cleric died in an airstrike."),
            ["casualty 1 The Bahraini cleric died ", "strike  an airstrike "]
        );
        // An organisation the gazetteer does not know still speaks: the claim is reported.
        let an = undated("The Defense Ministry said 14 soldiers were killed.");
        let c = &an.claims[0];
        assert_eq!(
            (c.attribution, c.speaker.as_ref().map(|s| s.name.as_str())),
            (AttributionKind::Reported, Some("Defense Ministry"))
        );
        assert!(an.entities.iter().any(|e| e.name == "Defense Ministry" && e.kind == EntityKind::Organization));
        // 2025-01-07 is a Tuesday: "will" later in the sentence does not move a past Monday.
        assert_eq!(
            claims_of("Two soldiers were killed Monday, and officials will investigate."),
            ["casualty 2 Two soldiers were killed 2025-01-06"]
        );
        assert_eq!(
            claims_of("Three soldiers died on Dec. 30; the next rotation arrives soon."),
            ["casualty 3 Three soldiers died 2024-12-30"]
        );
    }
}
