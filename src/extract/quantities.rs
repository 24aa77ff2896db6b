//! Figures with what they count: "around 2,500 U.S. troops", "at least seven ISIS operatives
//! killed", "no American personnel were injured", "between 20 and 30 civilians", "$20 million".
//!
//! A figure is a number (see [`super::numbers`]) with a qualifier before it, the noun it counts
//! after it (within a few modifier words: "2,000 adult male ISIS fighters"), and the outcome that
//! happened to them before or after ("killed 150 terrorists", "were wounded"). Which words count
//! what, and what kind of claim they make, is data: `lexicon.tsv`.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use super::numbers::{self, Number};
use super::tokens::{Kind as TokKind, Token};
use crate::model::{Kind, Qualifier};

/// What a lexicon word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Forces,
    People,
    Harm,
    Attack,
    Operation,
    Target,
    Item,
    /// What happened to the counted; the claim's kind.
    Outcome(Kind),
}

#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub class: Class,
    pub unit: &'static str,
    /// The class as lexicon.tsv names it (`civilians`, `fighters`, `forces`, …): finer than
    /// [`Class`], for telling whose figure it is.
    pub group: &'static str,
}

/// Lowercase form (one or two words) → entry. Nouns and outcomes are looked up apart, since
/// "capture" or "strike" can be either.
struct Lexicon {
    nouns: HashMap<&'static str, Entry>,
    outcomes: HashMap<&'static str, Entry>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut nouns = HashMap::default();
    let mut outcomes = HashMap::default();
    for line in include_str!("lexicon.tsv").lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let mut f = line.split('\t');
        let (Some(form), Some(class), Some(unit)) = (f.next(), f.next(), f.next()) else {
            panic!("lexicon.tsv: a line needs three tab-separated fields: {line:?}");
        };
        let class_name = class;
        let class = match class {
            "forces" => Class::Forces,
            "people" | "civilians" | "fighters" => Class::People,
            "harm" => Class::Harm,
            "attack" => Class::Attack,
            "operation" => Class::Operation,
            "target" => Class::Target,
            "item" => Class::Item,
            o => Class::Outcome(
                o.strip_prefix("outcome:")
                    .and_then(|k| k.parse().ok())
                    .unwrap_or_else(|| panic!("lexicon.tsv: unknown class {o:?}")),
            ),
        };
        let map = if matches!(class, Class::Outcome(_)) { &mut outcomes } else { &mut nouns };
        map.insert(form, Entry { class, unit, group: class_name });
    }
    Lexicon { nouns, outcomes }
});

/// Every outcome word of the lexicon, for the tokenizer's classes.
pub fn outcome_words() -> Vec<&'static str> {
    LEXICON.outcomes.keys().copied().collect()
}

/// The lexicon entry of a counted noun (`troops`, `operatives`), if the word is one.
pub fn counted(word: &str) -> Option<Entry> {
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        return LEXICON.nouns.get(word.to_ascii_lowercase().as_str()).copied();
    }
    LEXICON.nouns.get(word).copied()
}

fn outcome(t: &Token) -> Option<Entry> {
    // Most words are none: the token's class says so without a lookup.
    if !t.has(super::tokens::class::OUTCOME) {
        return None;
    }
    let word = t.text;
    // Most words are lowercase already: look them up without a copy.
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        return LEXICON.outcomes.get(word.to_ascii_lowercase().as_str()).copied();
    }
    LEXICON.outcomes.get(word).copied()
}

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

/// Words that can stand between a number and what it counts: "2,000 adult male ISIS fighters".
fn modifier(t: &Token) -> bool {
    if t.is_punct('-') || t.is_punct('\u{2011}') {
        return true;
    }
    if t.kind != TokKind::Word {
        return false;
    }
    if t.is_capitalized() {
        return true;
    }
    const WORDS: [&str; 36] = [
        "additional",
        "other",
        "more",
        "senior",
        "top",
        "adult",
        "male",
        "female",
        "foreign",
        "local",
        "military",
        "armed",
        "suspected",
        "alleged",
        "enemy",
        "partner",
        "allied",
        "coalition",
        "terrorist",
        "militant",
        "only",
        "led",
        "backed",
        "affiliated",
        "aligned",
        "key",
        "high-ranking",
        "mid-level",
        "low-level",
        "active-duty",
        "elite",
        "innocent",
        "total",
        "new",
        "separate",
        "civilian",
    ];
    // Participles read as adjectives ("partnered operations", "recorded lectures"), but never an
    // outcome: "8 killed" counts the killed.
    let participle = t.text.len() > 4 && t.text.ends_with("ed") && outcome(t).is_none();
    t.is_any(&WORDS) || participle || t.text.contains('-')
}

/// Finds the counted noun after token `from`: the last of a run of lexicon nouns, within a few
/// modifiers. Returns (first token of the noun, one past its last, entry).
fn noun_after(toks: &[Token], from: usize) -> Option<(usize, usize, Entry)> {
    let mut j = from;
    let limit = (from + 6).min(toks.len());
    // Unknown lowercase words may be adjectives ("aerial drones", "ballistic missiles"), but
    // no more than two of them, and never a word that ends a noun phrase.
    let mut unknown = 0;
    while j < limit {
        if let Some((len, e)) = noun_at(toks, j) {
            // "multiple United Nations Security Council resolutions": a capitalised noun inside a
            // name goes on to the name's next word and counts nothing.
            let name_goes_on = |k: usize| {
                toks[k].is_capitalized()
                    && toks.get(k + 1).is_some_and(|n| n.kind == TokKind::Word && n.is_capitalized())
            };
            if len == 1 && name_goes_on(j) {
                j += 1;
                continue;
            }
            // "both American and Pakistani officials": a capitalised word before "and" that
            // counts more than one is an adjective ("two Americans" is the noun).
            let one = from > 0 && toks[from - 1].is_any(&["one", "a", "an", "1"]);
            if len == 1
                && !one
                && toks[j].is_capitalized()
                && !toks[j].text.ends_with('s')
                && toks.get(j + 1).is_some_and(|n| n.is("and"))
            {
                return None;
            }
            // "civilian casualties", "American soldiers": a noun before a noun modifies it.
            let mut end = j + len;
            let mut entry = e;
            while let Some((len2, e2)) = noun_at(toks, end) {
                end += len2;
                entry = e2;
            }
            return Some((j, end, entry));
        }
        if !modifier(&toks[j]) {
            let t = &toks[j];
            let adjective = t.kind == TokKind::Word && !t.is_capitalized() && !t.is_any(PHRASE_ENDS) && unknown < 2;
            if !adjective {
                return None;
            }
            unknown += 1;
        }
        j += 1;
    }
    None
}

/// Outcomes named by a noun, which count only before a figure: "the detention of six".
const NOMINAL: &[&str] = &[
    "detention",
    "deaths",
    "death",
    "killing",
    "injuries",
    "lives",
    "murder",
    "murders",
    "assassination",
    "transfer",
    "loss",
    "bodies",
    "drowning",
];

/// Words that end a noun phrase, so what comes after them is not what a number counts.
const PHRASE_ENDS: &[&str] = &[
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "by",
    "with",
    "from",
    "into",
    "near",
    "and",
    "or",
    "but",
    "the",
    "a",
    "an",
    "were",
    "was",
    "are",
    "is",
    "be",
    "been",
    "have",
    "has",
    "had",
    "who",
    "which",
    "that",
    "this",
    "these",
    "those",
    "their",
    "its",
    "his",
    "her",
    "our",
    "they",
    "it",
    "we",
    "he",
    "she",
    "not",
    "as",
    "than",
    "per",
    "each",
    "times",
    "more",
    "less",
    "percent",
    "years",
    "days",
    "months",
    "weeks",
    "hours",
    "miles",
    "kilometers",
];

/// A one- or two-word lexicon noun at `j`: (its length in tokens, entry).
fn noun_at(toks: &[Token], j: usize) -> Option<(usize, Entry)> {
    let t = toks.get(j).filter(|t| t.kind == TokKind::Word)?;
    let word = |k: usize| toks.get(k).filter(|t| t.kind == TokKind::Word).map(|t| t.text);
    // Two- and three-word forms, lowercased into a buffer on the stack: this runs for every word
    // a noun phrase may start at, and allocating each time cost more than the lookups.
    let mut buf = [0u8; 64];
    if let (Some(n), Some(m)) = (word(j + 1), word(j + 2)) {
        if let Some(e) = lower_joined(&[t.text, n, m], &mut buf).and_then(|k| LEXICON.nouns.get(k)) {
            return Some((3, *e));
        }
    }
    if let Some(n) = word(j + 1) {
        if let Some(e) = lower_joined(&[t.text, n], &mut buf).and_then(|k| LEXICON.nouns.get(k)) {
            return Some((2, *e));
        }
    }
    counted(t.text).map(|e| (1, e))
}

/// The words lowercased (ASCII) and joined by spaces in `buf`; `None` if they do not fit, and
/// then no lexicon form is that long either.
fn lower_joined<'b>(words: &[&str], buf: &'b mut [u8; 64]) -> Option<&'b str> {
    let mut len = 0;
    for (i, w) in words.iter().enumerate() {
        let sep = usize::from(i > 0);
        if len + sep + w.len() > buf.len() {
            return None;
        }
        if sep == 1 {
            buf[len] = b' ';
            len += 1;
        }
        for (d, b) in buf[len..len + w.len()].iter_mut().zip(w.bytes()) {
            *d = b.to_ascii_lowercase();
        }
        len += w.len();
    }
    std::str::from_utf8(&buf[..len]).ok()
}

/// Words that may stand between a noun and its outcome: "were", "have been", "reportedly",
/// "of the multinational coalition".
fn outcome_after(toks: &[Token], from: usize) -> Option<(usize, Entry)> {
    outcome_after_negated(toks, from).map(|(j, e, _)| (j, e))
}

/// The outcome after a noun, and whether a negation stands before it ("were not hurt").
fn outcome_after_negated(toks: &[Token], from: usize) -> Option<(usize, Entry, bool)> {
    let mut negated = false;
    let mut limit = (from + 8).min(toks.len());
    let mut j = from;
    let mut skipped_aside = false;
    while j < limit {
        let t = &toks[j];
        // One aside between commas: "Nearly one hundred people in total, many women and
        // children, were killed".
        if t.is_punct(',') && !skipped_aside {
            if let Some(k) = (j + 1..(j + 9).min(toks.len())).find(|&k| toks[k].is_punct(',')) {
                skipped_aside = true;
                j = k + 1;
                limit = (j + 4).min(toks.len());
                continue;
            }
        }
        if t.kind == TokKind::Punct && !t.is_punct('-') {
            return None;
        }
        if t.is("in") && toks.get(j + 1).is_some_and(|n| n.is("total")) {
            j += 2;
            continue;
        }
        // "five suspects taken into custody", "were taken into custody": detained.
        if t.is("taken")
            && toks.get(j + 1).is_some_and(|n| n.is("into"))
            && toks.get(j + 2).is_some_and(|n| n.is("custody"))
        {
            return LEXICON.outcomes.get("detained").map(|&e| (j + 2, e, negated));
        }
        // "Two soldiers from the 4th Infantry Division were killed", "115 soldiers who were
        // killed": a phrase about the counted, then its passive outcome.
        if let Some(k) = passive_after(toks, j) {
            j = k;
            limit = (k + 3).min(toks.len());
            continue;
        }
        // "six soldiers and a cameraman were killed": one more person joined to the counted
        // shares their verb.
        if t.is("and") && toks.get(j + 1).is_some_and(|a| a.is_any(&["a", "an", "some", "several", "many", "other"])) {
            // "and some NATO peacekeepers were hurt": people of any number, before "were".
            let people = |k: usize| {
                is_person_noun(&toks[k])
                    || counted(toks[k].text).is_some_and(|e| matches!(e.class, Class::People | Class::Forces))
            };
            let noun = (j + 2..(j + 6).min(toks.len())).find(|&k| people(k)).filter(|&n| {
                toks[j + 2..n].iter().all(|m| m.kind == TokKind::Word && !m.is_any(PHRASE_ENDS))
                    && toks.get(n + 1).is_some_and(|w| w.is("were"))
            });
            if let Some(noun) = noun {
                j = noun + 1;
                limit = (j + 3).min(toks.len());
                continue;
            }
        }
        // "were shot and killed", "were shot and wounded": the outcome after "shot and".
        if t.is("shot") && toks.get(j + 1).is_some_and(|a| a.is("and")) && toks.get(j + 2).and_then(outcome).is_some() {
            j += 2;
            continue;
        }
        // "were shot dead": killed.
        if t.is("shot") && toks.get(j + 1).is_some_and(|d| d.is("dead")) {
            return LEXICON.outcomes.get("killed").map(|&e| (j + 1, e, negated));
        }
        // "three U.S. soldiers also lost their lives": killed.
        if t.is("lost")
            && toks.get(j + 1).is_some_and(|p| p.is_any(&["their", "his", "her"]))
            && toks.get(j + 2).is_some_and(|l| l.is_any(&["lives", "life"]))
        {
            return LEXICON.outcomes.get("killed").map(|&e| (j + 2, e, negated));
        }
        // "at least 39 foreigners were among the dead": that outcome.
        if t.is("among") && toks.get(j + 1).is_some_and(|p| p.is_any(&["the", "those"])) {
            if let Some(o) = toks.get(j + 2).and_then(outcome).filter(|o| o.class == Class::Outcome(Kind::Casualty)) {
                return Some((j + 2, o, negated));
            }
        }
        if t.kind == TokKind::Number
            || t.is_any(&[
                "and", "but", "while", "who", "which", "that", "to", "after", "before", "when", "as", "in", "on", "at",
                "by", "during", "for", "from", "with", "into",
            ])
        {
            return None;
        }
        // "Two soldiers said civilians were killed": what comes after a say-verb is said of others.
        // ("were reported killed" is the passive, said of the counted themselves.)
        let passive = j > 0 && toks[j - 1].is_any(&["were", "was", "are", "is", "been"]);
        if t.has(super::tokens::class::SAY) && !t.is_capitalized() && !passive {
            return None;
        }
        if t.is_any(&["not", "never", "n't"]) {
            negated = true;
        }
        // "sustained serious injuries", "suffered wounds": a nominal outcome after its verb.
        let suffered = j > from && toks[from..j].iter().any(|v| v.is_any(&["sustained", "suffered", "received"]));
        if let Some(e) = outcome(t).filter(|_| !t.is_any(NOMINAL) || suffered) {
            // "capture", "detain", "kill" as a bare verb form read "to kill"; keep past forms and "-ing".
            return (j == from || !t.is_any(&["kill", "die", "wound", "capture", "detain", "arrest"]))
                .then_some((j, e, negated));
        }
        j += 1;
    }
    None
}

/// An outcome in the form a passive takes: "killed", "detained", "hurt", "slain".
fn participle(t: &Token) -> bool {
    outcome(t).is_some() && (t.text.ends_with("ed") || t.is_any(&["hurt", "slain"]))
}

/// Where a passive outcome ("were killed", "was wounded") stands after the phrase that opens at
/// `j` with a preposition or "who"/"that", within eight words of it and in the same clause:
/// the index of its "were"/"was". Not past another number, a comma or a new clause.
fn passive_after(toks: &[Token], j: usize) -> Option<usize> {
    let t = &toks[j];
    if !t.is_any(&[
        "from",
        "of",
        "in",
        "with",
        "near",
        "at",
        "on",
        "assigned",
        "serving",
        "stationed",
        "based",
        "deployed",
        "working",
        "who",
        "that",
    ]) {
        return None;
    }
    let relative = t.is_any(&["who", "that"]);
    for k in j + 1..(j + 12).min(toks.len()) {
        let w = &toks[k];
        // "were": a count of more than one is plural; "The commander of 300 troops … was killed"
        // is one man.
        // "three peacekeepers from Senegal have been killed": the perfect passive, read on from
        // its "been".
        if w.is("been") && toks[k - 1].is_any(&["have", "had"]) {
            let next = toks.get(k + 1)?;
            return participle(next).then_some(k);
        }
        if w.is("were") {
            let next = toks.get(k + 1)?;
            return participle(next).then_some(k);
        }
        // "five American soldiers who died yesterday": the active verb of dying.
        if relative && k == j + 1 && w.is("died") {
            return Some(k);
        }
        // After "who" the verb comes at once ("who were killed"); a phrase may be longer.
        if relative && k > j + 1 {
            return None;
        }
        if w.kind == TokKind::Number
            || w.has(super::tokens::class::SAY)
            || w.has(super::tokens::class::NUMBER) && numbers::read(toks, k).is_some()
            || (w.kind == TokKind::Punct && !w.is_punct('-') && !w.is_punct('.'))
            || w.is_any(&["and", "but", "who", "which", "that", "where", "when", "after", "before", "while", "as"])
        {
            return None;
        }
    }
    None
}

/// An outcome just before a figure: "killed 150", "killing at least seven", "detained 31".
fn outcome_before(toks: &[Token], start: usize) -> Option<(usize, Entry)> {
    // "captured another seven attackers", "killed another 20": the verb before "another".
    let start = if start >= 2 && toks[start - 1].is("another") { start - 1 } else { start };
    let mut s = start.checked_sub(1)?;
    // "the loss of these 12 brave Americans", "the deaths of all 15": past the determiner.
    if toks[s].is_any(&["these", "those", "all"]) && s > 0 && toks[s - 1].is("of") {
        s -= 1;
    }
    let t = &toks[s];
    // "the detention of six operatives", "injuries to two women", "the deaths of 15".
    if t.is_any(&["of", "to", "among"]) && s > 0 {
        let n = &toks[s - 1];
        // Not "capture" or "arrest": "information leading to the capture of four leaders" is
        // a reward offered, not a capture made.
        let nominal = n.is_any(NOMINAL);
        return outcome(n).filter(|_| nominal).map(|e| (s - 1, e));
    }
    // "The dead include more than 110 soldiers", "those killed included two children", "the dead
    // soldiers include six Somalis".
    if t.is_any(&["include", "included", "includes"]) && s >= 2 {
        let noun = usize::from(s >= 3 && counted(toks[s - 1].text).is_some());
        let (o, the) = (&toks[s - 1 - noun], s.checked_sub(2 + noun).map(|k| &toks[k]));
        // "the victims included two women", "The casualties include two children": the dead.
        let victims = o.is_any(&["victims", "casualties", "fatalities"]);
        let o = if victims {
            LEXICON.outcomes.get("killed").copied()?
        } else {
            outcome(o).filter(|o| o.class == Class::Outcome(Kind::Casualty))?
        };
        return the.filter(|t| t.is_any(&["the", "those"])).map(|_| (s - 2 - noun, o));
    }
    // "shot down 98 of the drones", "shooting down two": downed.
    if t.is("down") && s > 0 && toks[s - 1].is_any(&["shot", "shooting", "shoot", "shoots"]) {
        return LEXICON.outcomes.get("downed").map(|&e| (s - 1, e));
    }
    let e = outcome(t)?;
    // "killed" + figure only when the figure is its object; "were killed 5" is not English.
    // "Coalition forces kill 10 terrorists", "a blast kills 12": the present, as headlines and
    // leads write it; not "to kill 10", "will kill".
    let present = t.is("kills")
        || t.is("kill")
            && s > 0
            && !toks[s - 1].is_any(&["to", "will", "would", "could", "may", "might", "can", "not", "did", "n't"]);
    (t.text.ends_with("ed") || t.text.ends_with("ing") || t.is("lost") || present).then_some((s, e))
}

/// A death toll the figure states: "the death toll rose to 45", "a death toll of at least 30",
/// "the death toll was more than 70". The claim starts at "death".
fn toll_before(toks: &[Token], start: usize) -> Option<(usize, Entry)> {
    let from = start.saturating_sub(5);
    let mut k = start;
    while k > from {
        k -= 1;
        let t = &toks[k];
        if t.is("toll") {
            let death = k.checked_sub(1).filter(|&d| toks[d].is("death"))?;
            return LEXICON.outcomes.get("killed").map(|&e| (death, e));
        }
        let linking = t.is_any(&[
            "rose",
            "risen",
            "climbed",
            "increased",
            "jumped",
            "reached",
            "stood",
            "stands",
            "was",
            "is",
            "has",
            "had",
            "at",
            "to",
            "of",
            "now",
            "since",
            "grew",
        ]);
        if !linking {
            return None;
        }
    }
    None
}

/// Whether the outcome word `verb` can be what happened to what `noun` counts; `before`: the
/// verb comes before the figure ("lost two soldiers"), not after it ("two soldiers lost …").
/// - lexicon unit `dead` from "lost": only people lost as the verb's object: "lost two
///   soldiers" is a casualty, "lost two drones" is not, and "Two soldiers lost their legs" were
///   hurt, not killed;
/// - unit `transferred`: only captives moved: "transported 5,700 ISIS fighters" is a transfer
///   of captives, "transported 200 troops" a deployment and "transported a wounded soldier" an
///   evacuation; with no noun, "transferred 14" says nothing of who.
/// - a capture: only people are taken ("two towns captured" were retaken, and count towns);
/// - "fired", "launched": only what is fired ("fired two missiles"; "fired 50 employees" is
///   another verb).
fn outcome_fits(verb: &Token, noun: Option<Entry>, before: bool) -> bool {
    let people = |n: Entry| matches!(n.class, Class::Forces | Class::People);
    let Some(e) = outcome(verb) else { return true };
    if verb.is_any(&["lost", "loss"]) {
        before && noun.is_some_and(people)
    } else if e.unit == "transferred" {
        noun.is_some_and(captive)
    } else if e.class == Class::Outcome(Kind::Capture) {
        noun.is_none_or(people)
    } else if verb.is_any(&["fired", "launched"]) {
        noun.is_some_and(|n| matches!(n.class, Class::Target | Class::Item))
    } else {
        true
    }
}

/// Whether a counted noun names people held: fighters, detainees, prisoners, captives.
fn captive(n: Entry) -> bool {
    n.group == "fighters" || matches!(n.unit, "detainees" | "prisoners" | "captives" | "hostages")
}

/// Units that make a number a measure, not a count: durations, distances, ages, times of day.
fn measure(t: &Token) -> bool {
    t.is_any(&[
        "years",
        "year",
        "months",
        "month",
        "weeks",
        "week",
        "days",
        "day",
        "hours",
        "hour",
        "minutes",
        "minute",
        "seconds",
        "miles",
        "mile",
        "kilometers",
        "kilometres",
        "km",
        "meters",
        "metres",
        "feet",
        "foot",
        "yards",
        "pounds",
        "kilograms",
        "kg",
        "tons",
        "tonnes",
        "p.m",
        "a.m",
        "pm",
        "am",
        "o'clock",
        "decades",
        "decade",
        "centuries",
        "times",
        "percent",
        "per",
        "degrees",
        "mph",
        "knots",
        "GMT",
        "UTC",
        "EST",
        "ET",
    ])
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
        }
    }
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
        } else if toks[i].is_any(&["a", "an", "another", "the", "their", "its"]) && i > 0 && struck_before(toks, i) {
            one_struck(toks, i, i - 1)
        } else {
            let article = toks[i].is_any(&["a", "an"]);
            let listed = article && i > 0 && toks[i - 1].is("and") && listed_after_strike(toks, i - 1);
            // "killed two soldiers and a medic", "five soldiers were killed, including a
            // commander": one more person joined to the figure before.
            let joined = out.last().filter(|p| {
                let including = |at: usize| {
                    (at + 1 == i && toks[at].is("including"))
                        || (at + 2 == i && toks[at].is_punct(',') && toks[at + 1].is("including"))
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
                Some(out.last().and_then(|p| elided_beside(toks, &f, p)).unwrap_or(f))
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
                    // a number of police officers": only punctuation and a time between.
                    let including = f.start > k
                        && toks[f.start - 1].is("including")
                        && f.start - k <= 6
                        && toks[k..f.start - 1].iter().all(|t| {
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
            out.extend(one_person(toks, j));
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
    // A death in the clause of a strike or an attack was a killing: "a strike that resulted in the
    // death of Usamah al-Muhajir", "the cleric died in an airstrike" (but not "…, while others
    // claimed he died in Raqqa").
    if striking {
        for f in &mut out {
            if f.kind == Some(Kind::Casualty) && f.unit.as_deref() == Some("dead") && struck_near(toks, f) {
                f.unit = Some("killed".to_string());
            }
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

/// Whether a strike or an attack is named within a few words of the figure, in its clause.
fn struck_near(toks: &[Token], f: &Figure) -> bool {
    let clause_end = |t: &Token| t.is_punct(',') || t.is_punct(';') || t.is_punct(':');
    let before = toks[f.claim_start.saturating_sub(12)..f.claim_start].iter().rev().take_while(|t| !clause_end(t));
    let after =
        toks[f.claim_end.min(toks.len())..(f.claim_end + 12).min(toks.len())].iter().take_while(|t| !clause_end(t));
    before.chain(after).any(|t| t.has(super::tokens::class::STRIKING))
}

/// A singular noun for a person: a people or forces word of the lexicon, or a title.
fn is_person_noun(t: &Token) -> bool {
    let singular = !t.text.ends_with('s') || t.text.ends_with("ss");
    singular
        && (counted(t.text).is_some_and(|e| matches!(e.class, Class::People | Class::Forces))
            || t.is_any(&[
                "cleric",
                "commander",
                "leader",
                "official",
                "spokesman",
                "soldier",
                "marine",
                "journalist",
                "doctor",
                "medic",
                "nurse",
                "interpreter",
                "translator",
                "employee",
                "driver",
                "reporter",
                "photographer",
                "cameraman",
                "correspondent",
                "teacher",
                "engineer",
                "diplomat",
                "guard",
                "child",
                "woman",
                "man",
                "girl",
                "boy",
                "civilian",
                "contractor",
                "sailor",
                "pilot",
                "officer",
                "militant",
                "fighter",
                "operative",
                "suspect",
                "hostage",
                "prisoner",
                "detainee",
                "worker",
                "emir",
                "deputy",
                "national",
                "member",
                "citizen",
                "resident",
                "policeman",
                "aide",
                "criminal",
                "gunman",
                "facilitator",
                "financier",
                "smuggler",
                "coordinator",
                "expert",
                "priest",
                "gendarme",
            ]))
}

/// A word of a person's name: capitalised, or an Arabic particle written in lower case.
fn name_part(t: &Token) -> bool {
    t.is_capitalized() || ["al-", "el-", "ad-", "as-", "ash-", "bin-"].iter().any(|p| t.text.starts_with(p))
}

/// Adverbs that may stand by a verb of what happened to someone: "was also killed", "reportedly
/// died".
const HEDGES: &[&str] = &["reportedly", "also", "later", "allegedly", "subsequently", "then"];

/// How badly: "was seriously wounded", "was critically injured".
const DEGREES: &[&str] =
    &["seriously", "critically", "severely", "badly", "slightly", "lightly", "mortally", "fatally"];

/// "Turki al-Binali … was killed", "he died", "the cleric was captured", "no one was hurt": one
/// person (or none) to whom an outcome happened, though no number is written.
fn one_person(toks: &[Token], i: usize) -> Option<Figure> {
    let t = &toks[i];
    let (first_verb, end, entry) = if t.is("was") {
        // "was also killed", "was reportedly captured".
        let mut v = i + 1;
        while toks.get(v).is_some_and(|a| a.is_any(HEDGES) || a.is_any(DEGREES)) {
            v += 1;
        }
        let o = toks.get(v).filter(|o| o.text.ends_with("ed") || o.is("hurt"))?;
        (i, v + 1, outcome(o)?)
    } else if t.is("died") {
        (i, i + 1, outcome(t)?)
    } else if t.is("succumbed") {
        // "he succumbed to the injuries": died (not "succumbed to pressure").
        toks[i + 1..(i + 5).min(toks.len())]
            .iter()
            .any(|w| w.is_any(&["wounds", "injuries", "injury", "wound", "illness", "disease"]))
            .then_some(())?;
        (i, i + 1, LEXICON.outcomes.get("died").copied()?)
    } else {
        return None;
    };
    let Class::Outcome(kind) = entry.class else { return None };
    if !matches!(kind, Kind::Casualty | Kind::Capture) {
        return None;
    }
    let mut j = first_verb;
    while j > 0 && toks[j - 1].is_any(HEDGES) {
        j -= 1;
    }
    // "a senior Taliban military commander who was killed": the person the relative clause is
    // about.
    if j > 1 && toks[j - 1].is("who") && (is_person_noun(&toks[j - 2]) || name_part(&toks[j - 2])) {
        j -= 1;
    }
    // An appositive between the name and the verb: "Turki al-Binali, the group's chief cleric, was killed".
    if j > 0 && toks[j - 1].is_punct(',') {
        let comma = (j.saturating_sub(14)..j - 1).rev().find(|&k| toks[k].is_punct(','))?;
        j = comma;
    }
    // "a cameraman working with the Somali National Army was also killed": a phrase about the
    // person between them and the verb.
    if j > 0 && !is_person_noun(&toks[j - 1]) {
        // Words only, and none that starts a clause of its own: not "A soldier serving at the
        // base said nobody was hurt", "a doctor working at the hospital whose director was killed".
        let phrase = (j.saturating_sub(12)..j).rev().find(|&k| {
            toks[k].is_any(&["working", "serving", "assigned", "stationed", "based", "deployed", "attached"])
                && k > 0
                && is_person_noun(&toks[k - 1])
                && toks[k..j].iter().all(|t| {
                    (t.kind == TokKind::Word || t.is_punct('-'))
                        && !t.has(super::tokens::class::SAY)
                        && !t.is_any(&["that", "which", "who", "whose", "where", "when", "while", "and", "but", "or"])
                })
        });
        if let Some(k) = phrase {
            j = k;
        }
    }
    let prev = j.checked_sub(1).map(|k| &toks[k])?;
    let start = if prev.is_any(&["he", "she"]) {
        j - 1
    } else if prev.is("one") && j >= 2 && toks[j - 2].is("no") {
        // "no one was killed": none.
        return Some(Figure {
            start: j - 2,
            end,
            claim_start: j - 2,
            claim_end: end,
            value: 0.0,
            low: None,
            high: None,
            qualifier: Qualifier::Exact,
            unit: Some(entry.unit.to_string()),
            kind: Some(kind),
            noun_start: j - 1,
            subject: None,
        });
    } else if name_part(prev)
        && !prev.is_any(&["The", "A", "An", "It", "This", "That", "There"])
        // "these proud Marines died": a noun of many, capitalised, is no one's name.
        && !(prev.text.ends_with('s') && counted(prev.text).is_some())
    {
        // A name: capitalised words, initials and particles ("Abu Bakr al-Baghdadi").
        let mut k = j - 1;
        while k > 0 && (name_part(&toks[k - 1]) || toks[k - 1].is_punct('.')) {
            k -= 1;
        }
        if toks[k].is_any(&["The", "A", "An"]) {
            return None;
        }
        k
    } else if prev.kind == TokKind::Word && !prev.is_capitalized() && is_person_noun(prev) {
        // "the cleric", "a soldier", "one civilian": a person, singular, after an article; not
        // "the city was captured" or "the bill was killed".
        // Up to five words between ("a Multinational Division Baghdad soldier").
        let k = (j.saturating_sub(7)..j - 1).rev().find(|&k| toks[k].is_any(&["the", "a", "an", "one"]))?;
        if toks[k + 1..j].iter().any(|t| t.kind != TokKind::Word || t.is_any(PHRASE_ENDS)) {
            return None;
        }
        k
    } else {
        return None;
    };
    Some(Figure {
        start,
        end,
        claim_start: start,
        claim_end: end,
        value: 1.0,
        low: None,
        high: None,
        qualifier: Qualifier::Exact,
        unit: Some(entry.unit.to_string()),
        kind: Some(kind),
        noun_start: start,
        subject: Some((start, j)),
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
        let joins =
            (between && sep.is("and")) || sep.is_any(&["to", "or"]) || sep.is_punct('-') || sep.is_punct('\u{2013}');
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
    if toks.get(end).is_some_and(measure) {
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
        out = LEXICON.outcomes.get("killed").copied();
        claim_start = start - 1;
        claim_end = end + 1;
    }
    if out.is_none() && start > 0 && toks[start - 1].is_any(&["took", "take", "takes", "taking"]) {
        let e = noun.map_or(if pronoun_part { noun_from } else { end }, |n| n.1).max(end);
        let custody = toks.get(e).is_some_and(|t| t.is("into")) && toks.get(e + 1).is_some_and(|t| t.is("custody"));
        if custody && noun.is_none_or(|n| matches!(n.2.class, Class::People | Class::Forces)) {
            out = LEXICON.outcomes.get("detained").copied();
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
    let (kind, mut unit) = kind_of(noun.map(|n| n.2), out, striking)?;
    // "hundreds of Serbs were evacuated": what is counted names the unit (lowercase, as the
    // store keeps units) of a figure whose outcome says no more than what was done to them.
    if let (Some(e), Kind::Other) = (group_end, kind) {
        unit = toks[e - 1].text.to_lowercase();
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

/// The end of a group the lexicon does not know ("Palestinians", "Taliban", "pro-government
/// protesters") that opens at `from` and stands right before a passive outcome: "killed",
/// "were detained", "have been killed". At most five tokens (words and hyphens), the last a
/// plural or a name; never
/// a date, a number, a say-verb or a word that ends a noun phrase, so neither "30 in Gaza were
/// killed" nor "the two sides said protesters were killed" counts a group.
fn unknown_group(toks: &[Token], from: usize) -> Option<usize> {
    // "some 50 Palestinians dead": the adjective right after.
    let dead = |t: &Token| t.is("dead");
    let mut k = from;
    while k < (from + 5).min(toks.len()) {
        let t = &toks[k];
        let word = t.kind == TokKind::Word
            && !t.has(super::tokens::class::DATE)
            && !t.has(super::tokens::class::NUMBER)
            && !t.has(super::tokens::class::SAY)
            && outcome(t).is_none()
            && !t.is_any(PHRASE_ENDS)
            && !t.is_any(&["were", "was", "have", "has", "had", "are", "is", "and", "or", "who", "that"]);
        let hyphen = t.is_punct('-') && k > from && toks.get(k + 1).is_some_and(|n| n.kind == TokKind::Word);
        if !word && !hyphen {
            return None;
        }
        k += 1;
        let last = &toks[k - 1];
        let plural_or_name = last.is_capitalized() || (last.text.ends_with('s') && !last.text.ends_with("ss"));
        if !hyphen && plural_or_name {
            let next = toks.get(k);
            let outcome_next = next.is_some_and(|t| participle(t) || dead(t))
                || next.is_some_and(|t| t.is("were"))
                    && toks[k + 1..].iter().find(|v| !v.is_any(HEDGES)).is_some_and(participle)
                || next.is_some_and(|t| t.is_any(&["have", "had"]))
                    && toks.get(k + 1).is_some_and(|b| b.is("been"))
                    && toks.get(k + 2).is_some_and(|v| participle(v));
            if outcome_next {
                return Some(k);
            }
        }
    }
    None
}

/// A negation earlier in the clause, so "any" means none: "do not believe there are any civilian
/// casualties", "no indications that any civilians were killed".
fn negated_before(toks: &[Token], i: usize) -> bool {
    for t in toks[i.saturating_sub(8)..i].iter().rev() {
        if t.is_punct(',') || t.is_punct(';') || t.is_any(&["but", "although", "while"]) {
            return false;
        }
        if t.is_any(&["not", "no", "never", "n't", "without"]) {
            return true;
        }
    }
    false
}

/// "killed al-Shabab leader Ahmed Abdi Godane", "captured a senior ISIS official": an outcome
/// that happened to one person named (or met) as its object, though no number is written.
fn one_object(toks: &[Token], j: usize) -> Option<Figure> {
    let verb = &toks[j];
    if !(verb.text.ends_with("ed") || verb.text.ends_with("ing")) {
        return None;
    }
    let entry = outcome(verb)?;
    let Class::Outcome(kind) = entry.class else { return None };
    // "A Black Hawk transported a wounded soldier": moved, not taken.
    if !matches!(kind, Kind::Casualty | Kind::Capture)
        || entry.unit == "transferred" && !verb.is_any(&["transferred", "transferring"])
    {
        return None;
    }
    let mut k = j + 1;
    let article = toks.get(k).is_some_and(|t| t.is_any(&["a", "an", "another"]));
    if article {
        k += 1;
    }
    // "killed Gen. Qassem Soleimani", "eliminated Faruq al-Qatani": a person named outright, by
    // a rank or by two words of a name at least. The caller drops it if the name is a place or
    // a party ("captured Mosul Dam").
    if !article {
        let from = if toks.get(k).is_some_and(super::speakers::is_rank) && toks[k].is_capitalized() {
            k + 1 + usize::from(toks.get(k + 1).is_some_and(|t| t.is_punct('.')))
        } else {
            k
        };
        let run =
            (from..(from + 6).min(toks.len())).take_while(|&m| name_part(&toks[m]) || toks[m].is_punct('-')).count();
        let words = toks[from..from + run].iter().filter(|t| t.kind == TokKind::Word).count();
        if words >= 2 && !toks[from].is_any(&["U", "The", "US"]) && counted(toks[from + run - 1].text).is_none() {
            let end = from + run;
            return Some(Figure {
                subject: Some((from, end)),
                ..Figure::one(Some(kind), Some(entry.unit.to_string()), (j + 1, end), (j, end))
            });
        }
    }
    // Up to four modifiers (a party's name, "senior", "top"), then a person noun.
    let limit = (k + 5).min(toks.len());
    let noun = (k..limit).find(|&m| is_person_noun(&toks[m]))?;
    if toks[k..noun].iter().any(|t| t.kind != TokKind::Word && !t.is_punct('-') || t.is_any(PHRASE_ENDS)) {
        return None;
    }
    // Without an article, a name must follow: "killed ISIS leader Abu Bakr al-Baghdadi".
    let mut end = noun + 1;
    if !article {
        let name_end = (end..(end + 5).min(toks.len())).take_while(|&m| name_part(&toks[m])).last()?;
        end = name_end + 1;
    }
    Some(Figure::one(Some(kind), Some(entry.unit.to_string()), (j + 1, end), (j, end)))
}

/// The forces a number counts when a verb of amount stands between them: "U.S. forces in Syria
/// number about 2,000" (`start` is where the figure's words begin, qualifier included).
fn forces_numbering(toks: &[Token], start: usize) -> Option<Figure> {
    let v = start.checked_sub(1)?;
    let verb = if toks[v].is("at") && v > 0 && toks[v - 1].is_any(&["stand", "stands", "stood"]) {
        v - 1
    } else if toks[v].is_any(&["number", "numbers", "numbered", "total", "totals", "totaled", "totalled"]) {
        v
    } else {
        return None;
    };
    // The forces noun within the few words before the verb ("U.S. forces in Syria").
    let noun = (verb.saturating_sub(6)..verb)
        .rev()
        .find(|&k| counted(toks[k].text).is_some_and(|e| e.class == Class::Forces))?;
    if toks[noun..verb].iter().any(|t| t.is_punct(',') || t.is_punct(';') || t.is_punct('.')) {
        return None;
    }
    let first = (noun.saturating_sub(3)..noun).find(|&k| toks[k].is_capitalized()).unwrap_or(noun);
    Some(Figure {
        start,
        end: start,
        claim_start: first,
        claim_end: start,
        value: 0.0,
        low: None,
        high: None,
        qualifier: Qualifier::Exact,
        unit: Some("troops".into()),
        kind: Some(Kind::Troops),
        noun_start: first,
        subject: None,
    })
}

/// "the death of Usamah al-Muhajir", "the capture of a senior ISIS leader": an outcome named as
/// a noun, of one person, though no number is written.
fn one_named(toks: &[Token], j: usize) -> Option<Figure> {
    let noun = &toks[j];
    if !noun.is_any(&["death", "killing", "capture", "arrest", "detention"])
        || !j.checked_sub(1).is_some_and(|p| toks[p].is("the"))
        || !toks.get(j + 1).is_some_and(|t| t.is("of"))
    {
        return None;
    }
    let entry = outcome(noun)?;
    let Class::Outcome(kind) = entry.class else { return None };
    let k = j + 2;
    let end = if toks.get(k).is_some_and(|t| t.is_any(&["a", "an"])) {
        // "the capture of a senior ISIS leader": up to four modifiers, then a person noun.
        let limit = (k + 6).min(toks.len());
        let person = (k + 1..limit).find(|&m| is_person_noun(&toks[m]))?;
        if toks[k + 1..person].iter().any(|t| t.kind != TokKind::Word && !t.is_punct('-') || t.is_any(PHRASE_ENDS)) {
            return None;
        }
        person + 1
    } else if toks.get(k).is_some_and(|t| t.is_punct('\u{201C}') || t.is_punct('"')) {
        // "the capture of “ISIS attack cell leader,”": a role in quotation marks, a person noun
        // its last word.
        let limit = (k + 9).min(toks.len());
        let close = (k + 1..limit).find(|&m| toks[m].is_punct('\u{201D}') || toks[m].is_punct('"'))?;
        let last_word = (k + 1..close).rev().find(|&m| toks[m].kind == TokKind::Word)?;
        if !is_person_noun(&toks[last_word]) {
            return None;
        }
        close + 1
    } else {
        // "the death of Usamah al-Muhajir": a name of two words or more.
        let last = (k..(k + 5).min(toks.len())).take_while(|&m| name_part(&toks[m])).last()?;
        if last == k {
            return None;
        }
        last + 1
    };
    Some(Figure { noun_start: k, ..Figure::one(Some(kind), Some(entry.unit.to_string()), (j - 1, end), (j - 1, end)) })
}

fn is_strike_verb(t: &Token) -> bool {
    outcome(t).is_some_and(|e| e.class == Class::Outcome(Kind::Strike))
}

/// A strike verb right before token `i`: "destroyed an", "struck a", or a phrasal one, "shot down
/// a", "took out an".
fn struck_before(toks: &[Token], i: usize) -> bool {
    let prev = &toks[i - 1];
    // "attacked a village", "ambushed another military facility": verbs of attack strike what
    // they take as object (but after a noun they are its deed, not what befell it: "one group
    // attacked", so they are no outcome in lexicon.tsv).
    is_strike_verb(prev)
        || prev.is_any(&["attacked", "attacking", "ambushed", "shelled", "stormed"])
        || (prev.is_any(&["down", "out"])
            && i >= 2
            && toks[i - 2].is_any(&["shot", "took", "taken", "knocked", "shooting", "taking", "knocking"]))
}

/// Whether the `and` at `k` closes a list of things a strike verb took as its objects earlier
/// in the clause: "destroyed two ISIL armed vehicles and a weapons cache", "targeted eight
/// locations, which included … radars, and a helicopter".
fn listed_after_strike(toks: &[Token], k: usize) -> bool {
    let from = k.saturating_sub(30);
    for t in toks[from..k].iter().rev() {
        if t.is_punct('.') || t.is_punct(';') || t.is_punct(':') || t.is_any(&["but", "while", "after", "before"]) {
            return false;
        }
        if is_strike_verb(t) || t.is_any(&["including", "included", "includes"]) {
            return is_strike_verb(t) || toks[from..k].iter().any(is_strike_verb);
        }
    }
    false
}

/// Whether the noun phrase ending before `end` is the subject of a clause of its own, not one
/// more object of the verb before: "killed four soldiers and a local official said …", "and a
/// civilian was wounded", "destroyed two tanks and a helicopter evacuated the wounded".
fn starts_a_clause(toks: &[Token], end: usize) -> bool {
    toks.get(end).is_some_and(|t| {
        t.is_any(&["was", "were", "is", "are", "had", "has", "have", "will", "would", "could", "did"])
            || t.has(super::tokens::class::SAY)
            || outcome(t).is_some()
            || t.kind == TokKind::Word && t.text.ends_with("ed") && !t.is_capitalized()
    })
}

/// The person noun that heads the phrase from token `k`, after up to three modifiers ("a British
/// medic", "a senior Taleban commander"): its index.
fn person_after(toks: &[Token], k: usize) -> Option<usize> {
    let noun = (k..(k + 4).min(toks.len())).find(|&m| is_person_noun(&toks[m]))?;
    let modifiers = toks[k..noun].iter().all(|t| t.kind == TokKind::Word && !t.is_any(PHRASE_ENDS));
    modifiers.then_some(noun)
}

/// "killed two U.S. service members and a British medic": one person joined to a casualty or
/// capture figure shares its outcome.
fn one_joined(toks: &[Token], i: usize, prev: &Figure) -> Option<Figure> {
    if !matches!(prev.kind, Some(Kind::Casualty | Kind::Capture)) {
        return None;
    }
    // Up to three modifiers ("a British"), then a person noun.
    let k = i + 1;
    let noun = person_after(toks, k)?;
    let end = noun + 1;
    // Not "killed two soldiers and a medic was hurt": a clause of its own. But "six soldiers and
    // a cameraman were killed": the verb after both is the one the figure before already took.
    if starts_a_clause(toks, end) && prev.claim_end <= end {
        return None;
    }
    Some(Figure { noun_start: i + 1, ..Figure::one(prev.kind, prev.unit.clone(), (i, end), (i, end)) })
}

/// "reports of a civilian injury", "a U.S. death": one casualty named by a singular noun of harm,
/// though no number is written ("a death toll", "a casualty evacuation" name no casualty).
fn one_harm(toks: &[Token], i: usize) -> Option<Figure> {
    // "a"/"an" is common and a harm word rare: look for one before reading a noun phrase.
    const HARM: [&str; 4] = ["injury", "death", "casualty", "fatality"];
    if !toks[i + 1..(i + 6).min(toks.len())].iter().any(|t| t.is_any(&HARM)) {
        return None;
    }
    // "There were no reports of a civilian death": none.
    if negated_before(toks, i) {
        return None;
    }
    let (_, end, noun) = noun_after(toks, i + 1)?;
    let head = &toks[end - 1];
    if noun.class != Class::Harm || !head.is_any(&HARM) {
        return None;
    }
    if toks.get(end).is_some_and(|t| t.kind == TokKind::Word && !t.is_any(PHRASE_ENDS)) {
        return None;
    }
    Some(Figure {
        noun_start: i + 1,
        ..Figure::one(Some(Kind::Casualty), Some(noun.unit.to_string()), (i, end), (i, end))
    })
}

/// "among those killed was a deputy", "the dead included a Moroccan national": one person named
/// among the casualties, by an article and a person noun.
fn one_among(toks: &[Token], i: usize) -> Option<Figure> {
    let verb = toks.get(i.checked_sub(1)?)?;
    let o = toks.get(i.checked_sub(2)?).and_then(outcome)?;
    let the = toks.get(i.checked_sub(3)?)?;
    if o.class != Class::Outcome(Kind::Casualty) || !the.is_any(&["the", "those"]) {
        return None;
    }
    let listed = verb.is_any(&["included", "includes", "include"]);
    // "Among the dead was a logistics coordinator", "… is a …".
    let among = verb.is_any(&["was", "were", "is", "are"]) && i >= 4 && toks[i - 4].is("among");
    if !(listed || among) {
        return None;
    }
    let k = i + 1;
    let noun = person_after(toks, k)?;
    let start = if among { i - 4 } else { i - 3 };
    Some(Figure {
        noun_start: k,
        ..Figure::one(Some(Kind::Casualty), Some(o.unit.to_string()), (i, noun + 1), (start, noun + 1))
    })
}

/// "no U.S. or coalition casualties", "No coalition forces or civilian casualties were reported":
/// sides listed with "or"/"and" before one noun of harm, which is what none of counts. The noun
/// (its start, end and entry) after the last "or"/"and" within a few words.
fn harm_listed(toks: &[Token], from: usize) -> Option<(usize, usize, Entry)> {
    let limit = (from + 6).min(toks.len());
    let joint = (from..limit).find(|&k| toks[k].is_any(&["or", "and"]))?;
    // Sides, not "no word of deaths or injuries": names and modifiers only.
    if toks[from..joint].iter().any(|t| t.kind != TokKind::Word || t.is_any(PHRASE_ENDS)) {
        return None;
    }
    noun_after(toks, joint + 1).filter(|n| n.2.class == Class::Harm)
}

/// "the murder of a Cameroonian Marine", "the death of a soldier", "the killing of a journalist":
/// one person, named by an article and a person noun after a nominal outcome and "of".
fn one_killed_of(toks: &[Token], i: usize) -> Option<Figure> {
    let of = toks.get(i.checked_sub(1)?)?;
    let noun_word = toks.get(i.checked_sub(2)?)?;
    if !of.is("of")
        || !noun_word.is_any(NOMINAL)
        || noun_word.is_any(&["lives", "injuries", "deaths", "murders", "loss", "bodies"])
    {
        return None;
    }
    // "the attempted murder of a police officer", "a plot for the killing of a judge": none died.
    if i >= 3 && toks[i - 3].is_any(&["attempted", "planned", "plotted", "foiled", "alleged", "attempt"]) {
        return None;
    }
    let o = outcome(noun_word).filter(|o| o.class == Class::Outcome(Kind::Casualty))?;
    let k = i + 1;
    let noun = person_after(toks, k)?;
    Some(Figure {
        noun_start: k,
        ..Figure::one(Some(Kind::Casualty), Some(o.unit.to_string()), (i, noun + 1), (i - 2, noun + 1))
    })
}

/// "another was wounded", "another wounded", "another peacekeeper was injured", "another
/// Moroccan was killed": one more person with the outcome said of them.
fn one_another(toks: &[Token], i: usize) -> Option<Figure> {
    if !toks[i].is("another") {
        return None;
    }
    // The person: a person noun ("peacekeeper") or a capitalised word ("Moroccan"), else none
    // said ("another was wounded").
    let named = toks.get(i + 1).is_some_and(|t| {
        t.kind == TokKind::Word && (is_person_noun(t) || t.is_capitalized() && !t.text.ends_with('s'))
    });
    let after = if named { i + 2 } else { i + 1 };
    let k = if toks.get(after)?.is_any(&["was", "is"]) { after + 1 } else { after };
    // "another soldier killed": with a noun, only the passive ("was killed") says what happened
    // to it ("another soldier killed two" is the soldier killing).
    if named && k == after {
        return None;
    }
    let verb = toks.get(k)?;
    let o = outcome(verb).filter(|_| verb.text.ends_with("ed") || verb.is("hurt"))?;
    let Class::Outcome(kind @ (Kind::Casualty | Kind::Capture)) = o.class else { return None };
    Some(Figure::one(Some(kind), Some(o.unit.to_string()), (i, after), (i, k + 1)))
}

/// "destroyed an Iranian-backed Houthi missile system", "struck a weapons cache": one thing
/// struck, named by a target word right after the verb (or after the `and` closing a list of
/// them). The claim's words begin at `claim_start`.
fn one_struck(toks: &[Token], i: usize, claim_start: usize) -> Option<Figure> {
    let (_, end, noun) = noun_after(toks, i + 1)?;
    if noun.class != Class::Target {
        return None;
    }
    // "destroying the APC", "struck another APC": one, so long as the noun is singular ("the
    // vehicles" counts nothing).
    let head = &toks[end - 1].text;
    if toks[i].is_any(&["the", "another", "their", "its"]) && head.ends_with('s') && !head.ends_with("ss") {
        return None;
    }
    if claim_start == i && starts_a_clause(toks, end) {
        return None;
    }
    // "their vehicle struck a roadside bomb": the bomb struck them; it is no target ("aircraft
    // struck a car bomb" still counts one).
    if noun.unit == "bombs"
        && i > 0
        && toks[i - 1].is_any(&["hit", "struck", "hits", "strikes"])
        && toks[i..end].iter().any(|t| t.is("roadside"))
    {
        return None;
    }
    // "attacked the base", "hit the Basmaya base": a place the text has named, attacked, is where
    // the attack was, not a count of targets struck ("destroyed the APC" still counts one).
    // ("shot down the drone", "shelled the hospital", "destroyed the APC" still count one.)
    if toks[i].is_any(&["the", "their", "its"])
        && i > 0
        && toks[i - 1].is_any(&["attacked", "attacking", "stormed", "hit", "struck", "targeting", "targeted"])
    {
        return None;
    }
    Some(Figure {
        noun_start: i + 1,
        ..Figure::one(
            Some(Kind::Strike),
            Some(noun.unit.to_string()),
            (i, end),
            (if toks[claim_start].is_any(&["down", "out"]) { claim_start - 1 } else { claim_start }, end),
        )
    })
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

/// "no American personnel were injured", "there were no U.S. casualties", "none were killed":
/// a figure of zero.
fn zero(toks: &[Token], i: usize, striking: bool) -> Option<Figure> {
    let (noun, out) = if toks[i].is("none") {
        (None, outcome_after(toks, i + 1))
    } else {
        let noun = harm_listed(toks, i + 1).or_else(|| noun_after(toks, i + 1))?;
        let out = outcome_after(toks, noun.1);
        (Some(noun), out)
    };
    let noun_entry = noun.map(|n| n.2);
    // Only people hurt or held, or harm itself, make a zero worth recording.
    let people = noun_entry.is_some_and(|e| matches!(e.class, Class::Forces | Class::People | Class::Harm));
    if !people && noun.is_some() {
        return None;
    }
    // "there were no U.S. troops on the base", "the U.S. has no forces in Libya": no presence.
    let present = i >= 1 && toks[i - 1].is_any(&["has", "have", "had"])
        || i >= 2 && toks[i - 2].is("there") && toks[i - 1].is_any(&["were", "are", "was", "is"]);
    // Plural: "has no force of law", "has no air force" say nothing of troops.
    let plural = noun.is_some_and(|n| toks[n.1 - 1].text.ends_with('s') || toks[n.1 - 1].is("personnel"));
    let presence = out.is_none() && present && plural && noun_entry.is_some_and(|e| e.class == Class::Forces);
    if out.is_none() && !presence && !noun_entry.is_some_and(|e| e.class == Class::Harm) {
        return None;
    }
    let (kind, unit) = kind_of(noun_entry, out.map(|o| o.1), striking)?;
    if !(matches!(kind, Kind::Casualty | Kind::Capture) || presence && kind == Kind::Troops) {
        return None;
    }
    let end = noun.map_or(i + 1, |n| n.1);
    Some(Figure {
        start: i,
        end,
        claim_start: i,
        claim_end: out.map_or(end, |o| o.0 + 1),
        value: 0.0,
        low: None,
        high: None,
        qualifier: Qualifier::Exact,
        unit: Some(unit),
        kind: Some(kind),
        noun_start: i + 1,
        subject: None,
    })
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
        assert_eq!(
            figures("The ambush killed four American soldiers, four Nigerien soldiers and a Nigerien interpreter"),
            [
                "casualty 4 killed exact | killed four American soldiers",
                "casualty 4 killed exact | four Nigerien soldiers",
                "casualty 1 killed exact | a Nigerien interpreter"
            ]
        );
        assert_eq!(
            figures("The drone fired two missiles at a compound"),
            ["strike 2 missiles exact | fired two missiles"]
        );
        assert!(figures("The company fired 50 employees").iter().all(|f| !f.starts_with("strike")));
        assert_eq!(figures("forces retreated from two towns captured last year"), ["other 2 towns exact | two towns"]);
        assert_eq!(figures("no civilians were harmed"), ["casualty 0 harmed exact | no civilians were harmed"]);
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
