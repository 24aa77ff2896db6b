//! People harmed or taken, told without a count: "killing Islamic State militants", "the
//! soldiers were wounded", "a French soldier and his interpreter were killed"; not what was
//! avoided, feared or recorded ("to avoid killing civilians", "a list of those killed").

use super::arms::{ARMED, WEAPONS};
use super::moved::is_forces;
use super::named::ATTACK_NOUNS;
use super::{Event, STRIKE_NOUNS};
use crate::extract::tokens::{self, Token};
use crate::model::Kind;

/// Words that may follow the noun heading a phrase: prepositions and clause words.
pub(super) const PHRASE_END: &[&str] =
    &["in", "on", "at", "near", "of", "with", "and", "which", "that", "who", "killing", "wounding", "from", "outside"];

/// Words before a strike or mission noun that make it another kind: a strike by workers or
/// prisoners, a mission of training.
pub(super) const NOT_MILITARY: &[&str] =
    &["hunger", "general", "labor", "labour", "training", "trade", "diplomatic", "peace"];

/// Whether somebody is killed, hurt or taken in the clause around token `i` (between commas or
/// semicolons), and said to be, not that they could be: "the cleric died in an airstrike", not
/// "hostages could be killed in a rescue raid", nor "A detainee who died, in a hunger strike".
pub(super) fn harmed_in_clause(st: &[Token], i: usize) -> bool {
    let stop = |t: &Token| t.is_punct(',') || t.is_punct(';');
    let from = st[..i].iter().rposition(stop).map_or(0, |p| p + 1);
    let to = st[i..].iter().position(stop).map_or(st.len(), |p| i + p);
    (from..to).any(|k| {
        st[k].is_any(HARMED)
            && !st[k.saturating_sub(3)..k].iter().any(|w| w.is_any(&["could", "would", "may", "might", "will", "can"]))
    })
}

/// Verbs that harm or take people, as the active voice writes them, with the kind of claim
/// each makes: "killing Islamic State militants", "troops detained suspected smugglers".
pub(super) const HARMS: &[(&str, Kind)] = &[
    ("killed", Kind::Casualty),
    ("killing", Kind::Casualty),
    ("wounded", Kind::Casualty),
    ("wounding", Kind::Casualty),
    ("injured", Kind::Casualty),
    ("injuring", Kind::Casualty),
    ("captured", Kind::Capture),
    ("capturing", Kind::Capture),
    ("detained", Kind::Capture),
    ("detaining", Kind::Capture),
    ("arrested", Kind::Capture),
    ("arresting", Kind::Capture),
    ("abducted", Kind::Capture),
    ("abducting", Kind::Capture),
    ("kidnapped", Kind::Capture),
];

/// Words that may describe people harmed between the verb (or a determiner) and their noun:
/// "killing more Islamic State militants", "the suspected rebels". Any other lowercase word ends
/// the phrase, so a verb ("the people killed were all civilians") or a preposition ("After
/// Ukrainian drone attacks Russian soldiers were wounded") is never taken into it.
pub(super) const HARMED_MODIFIERS: &[&str] = &[
    "more",
    "other",
    "suspected",
    "alleged",
    "senior",
    "local",
    "armed",
    "foreign",
    "innocent",
    "unarmed",
    "fleeing",
    "rival",
    "enemy",
    "militant",
    "insurgent",
    "security",
    "government",
    "pro-government",
    "police",
    "army",
    "military",
    "elite",
    "young",
    "civilian",
    "service",
];

/// Words before a harm that make it not done: avoided, prevented, forbidden, feared, unknown,
/// conditional or denied outright ("to avoid killing civilians", "It was unclear whether soldiers
/// were wounded", "no reports that civilians were killed", "Neither of the soldiers were hurt").
pub(super) const NOT_DONE: &[&str] = &[
    "if",
    "whether",
    "unless",
    "no",
    "not",
    "never",
    "neither",
    "nor",
    "none",
    "unclear",
    "unknown",
    "unconfirmed",
    "feared",
    "fear",
    "fears",
    "investigating",
    "rumors",
    "rumours",
    "claims",
    "allegations",
    "n't",
];

/// Verbs of avoiding a harm, right before it: "to avoid killing civilians", "refrain from killing".
pub(super) const AVOIDED: &[&str] = &[
    "avoid",
    "avoiding",
    "avoided",
    "prevent",
    "preventing",
    "stop",
    "stopping",
    "refrain",
    "from",
    "against",
    "forbid",
    "forbids",
    "risk",
    "risked",
    "risks",
    "without",
];

/// Modals that make a harm one that could be: "could have killed", "would kill".
pub(super) const MODALS: &[&str] = &["could", "would", "might", "may", "can", "will", "should", "must"];

/// Whether `w` is a plural noun of people: "civilians", "militants", "troops", "people". A
/// capitalised one mid-sentence is a name ("the Warriors", "The Pirates were killed by the
/// Cubs"), unless a name before it says whose ("U.S. Marines", "Islamic State Fighters").
pub(crate) fn people_plural(w: &Token) -> bool {
    let plural = w.text.ends_with('s') && !w.text.ends_with("ss")
        || w.text.ends_with("men")
        || w.is_any(&["people", "police", "personnel", "children"]);
    plural
        && crate::extract::quantities::counted(w.text)
            .is_some_and(|e| matches!(e.group, "forces" | "fighters" | "people" | "civilians"))
}

/// Whether the word at `k` can be a harm verb's subject: who or what acts ("troops", "militants",
/// "the raid", "Russia", "they", "which"), not a verb or a preposition before an adjective
/// ("evacuated wounded civilians", "to injured residents").
pub(super) fn acts(st: &[Token], k: usize) -> bool {
    let w = &st[k];
    // A name anywhere ("Israel killed", "On Sunday, Russia captured"), but not a word that only
    // opens the sentence ("The", "In", "After").
    let named = w.is_capitalized() && !w.is_any(OPENERS);
    people_plural(w)
        || is_forces(w)
        || w.is_any(ARMED)
        || w.is_any(WEAPONS)
        || w.is_any(STRIKE_NOUNS)
        || w.is_any(ATTACK_NOUNS)
        || w.is_any(&[
            "raid",
            "raids",
            "operation",
            "operations",
            "they",
            "he",
            "she",
            "who",
            "which",
            "that",
            "group",
            "explosion",
            "explosions",
            "blast",
            "blasts",
            "fire",
            "landmine",
            "landmines",
            "mine",
            "mines",
            "shelling",
        ])
        || named
}

/// Capitalised words that open a sentence or a clause without naming anyone.
pub(super) const OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "when",
    "while",
    "if",
    "as",
    "but",
    "and",
    "some",
    "many",
    "most",
    "all",
    "no",
    "this",
    "that",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "it",
    "we",
    "yesterday",
    "today",
    "earlier",
    "later",
    "meanwhile",
];

/// Words that end the phrase of people a harm verb takes: verbs, auxiliaries, times and function
/// words ("the people killed were all civilians", "soldiers killed last year met officials").
pub(super) const NOT_DESCRIBING: &[&str] = &[
    "were", "was", "is", "are", "be", "been", "have", "has", "had", "met", "said", "says", "say", "last", "next",
    "this", "year", "years", "week", "weeks", "month", "months", "day", "days", "ago", "who", "which", "that", "when",
    "where", "while", "after", "before", "then", "also", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by",
    "with", "from", "into", "near", "as",
];

/// Whether `w` may describe people harmed, between the verb and them: a name, a listed word, a
/// hyphenated word ("al-Qaeda", "off-duty"), or any other lowercase word but a verb, a time or a
/// function word ("aid workers", "rebel fighters", "displaced civilians").
pub(super) fn describes(w: &Token) -> bool {
    w.is_any(HARMED_MODIFIERS)
        || w.is_punct('-')
        || w.kind == tokens::Kind::Word
            && (w.is_capitalized()
                || !w.is_any(NOT_DESCRIBING)
                    && !w.is_any(NOT_DONE)
                    && !w.has(tokens::class::OUTCOME | tokens::class::SAY | tokens::class::NUMBER))
}

/// Whether the people noun at `noun` (its phrase opening at `from`) is a team's name: a
/// capitalised noun of fighters or forces mid-sentence with no name before it ("killed the
/// Warriors", "The Pirates were killed by the Cubs"); not a people's ("killed Americans"), not
/// "Marines", not one opening the sentence ("Civilians were killed").
pub(super) fn team(st: &[Token], from: usize, noun: usize) -> bool {
    let w = &st[noun];
    let opens = noun == 0 || st[noun - 1].kind == tokens::Kind::Punct;
    let named_before = st[from..noun].iter().any(|x| x.is_capitalized() && !x.is_any(OPENERS));
    let fighters =
        crate::extract::quantities::counted(w.text).is_some_and(|e| matches!(e.group, "fighters" | "forces"));
    w.is_capitalized() && fighters && !w.is_any(&["Marines", "Marine"]) && !opens && !named_before
}

/// What a camera takes is no capture: "CCTV captured the suspects fleeing", "captured on video".
pub(super) const RECORDING: &[&str] = &[
    "camera",
    "cameras",
    "cctv",
    "footage",
    "video",
    "videos",
    "photo",
    "photos",
    "photograph",
    "photographer",
    "documentary",
    "film",
    "tape",
    "images",
    "bodycam",
    "lens",
];

/// People harmed or taken, with no number given: "were successful in killing Islamic State
/// militants fighting in the cave", "U.S. strikes killed more Islamic State fighters", "some
/// Pakistani troops were wounded", "the suspected rebels had been detained". A casualty or a
/// capture claim without a value. (A number, "no", or "a" before the noun is a figure's, which
/// the quantity recogniser reads: "killed 15 militants", "no civilians were hurt", "a soldier
/// died".) Not an adjective ("the wounded soldiers", "evacuated wounded civilians"), a harm not
/// done ("to avoid killing civilians", "If hostages were killed"), a camera's capture, or people
/// told of already ("The soldiers were killed when …", after their count).
pub(super) fn harmed(st: &[Token], i: usize) -> Option<Event> {
    let t = &st[i];
    // Not done: a verb of avoiding right before the harm ("to avoid killing", "refrain from
    // killing"), a modal that governs it ("could have killed"), or doubt, condition or negation
    // in its own clause (back to a comma, a say-verb or a joining word: "There was no warning
    // before militants killed villagers" is done).
    let not_done = |k: usize| {
        let near = st[k.saturating_sub(2)..k].iter().any(|w| w.is_any(AVOIDED));
        let modal = st[k.saturating_sub(3)..k].iter().any(|w| w.is_any(MODALS));
        let doubt = st[k.saturating_sub(10)..k]
            .iter()
            .rev()
            .take_while(|w| {
                !(w.is_punct(',')
                    || w.is_punct(';')
                    || w.has(tokens::class::SAY)
                    || w.is_any(&["before", "after", "when", "while", "because", "since", "who", "which", "as"]))
            })
            .any(|w| w.is_any(NOT_DONE));
        near || modal || doubt
    };
    let recorded = |k: usize| st[k.saturating_sub(4)..k].iter().any(|w| w.is_any(RECORDING));
    // Active: the verb, then its object: up to four names and describing words, then the people.
    if let Some(&(_, kind)) = HARMS.iter().find(|(w, _)| t.is(w)) {
        if i == 0 {
            return None;
        }
        // Its subject: who acts, past "has"/"have"/"had" ("militants have killed civilians"); a
        // gerund's may be the clause it closes (", killing civilians in the process") or "in"/"by"
        // ("successful in killing Islamic State militants").
        let mut s = i - 1;
        if st[s].is_any(&["has", "have", "had"]) && s > 0 {
            s -= 1;
        }
        let gerund = t.text.ends_with("ing");
        // "The raid killed Taliban fighters and wounded civilians": the subject of the harm
        // before, shared across "and".
        let shared = st[s].is("and")
            && st[s.saturating_sub(8)..s]
                .iter()
                .rev()
                .take_while(|w| !(w.is_punct(';') || w.is_punct('.')))
                .any(|w| HARMS.iter().any(|(h, _)| w.is(h)));
        let subject =
            acts(st, s) || shared || gerund && (st[s].is_punct(',') || st[s].is_any(&["in", "by", "while", "after"]));
        if !subject || not_done(i) || kind == Kind::Capture && recorded(i) {
            return None;
        }
        let mut k = i + 1;
        if st.get(k).is_some_and(|w| w.is("the")) {
            k += 1;
        }
        let noun = (k..(k + 5).min(st.len())).find(|&m| people_plural(&st[m]))?;
        let modifiers = st[k..noun].iter().all(|w| describes(w));
        return (modifiers && !team(st, k, noun)).then_some(Event { kind, verb: i, end: noun + 1, named: true });
    }
    // Passive: the people, "were" or "had been" (an adverb between), the participle.
    if !t.is_any(&["were", "been"]) {
        return None;
    }
    let mut v = i + 1;
    while st.get(v).is_some_and(|w| w.is_any(&["also", "reportedly", "later", "allegedly", "all", "then"])) {
        v += 1;
    }
    let after = st.get(v + 1);
    let kind = match st.get(v) {
        // ("were hurt in the blast", not "were hurt by inflation"; "were killed off" in a series.)
        Some(w) if w.is_any(&["killed", "wounded", "injured"]) && !after.is_some_and(|a| a.is("off")) => Kind::Casualty,
        Some(w) if w.is("hurt") && after.is_some_and(|a| a.is_any(&["in", "when", "during"])) => Kind::Casualty,
        Some(w)
            if w.is_any(&["captured", "detained", "arrested", "abducted", "kidnapped"])
                && !(after.is_some_and(|a| a.is_any(&["on", "by"]))
                    && st.get(v + 2).is_some_and(|r| r.is_any(RECORDING))) =>
        {
            Kind::Capture
        }
        _ => return None,
    };
    let mut n = i;
    if t.is("been") {
        n = n.checked_sub(1).filter(|&h| st[h].is_any(&["have", "had", "has"]))?;
    }
    let noun = n.checked_sub(1).filter(|&m| people_plural(&st[m]))?;
    // Back over the names and describing words to the phrase's first word: "the suspected
    // rebels", "some NATO peacekeepers". A number or "no" there is a figure's.
    let mut from = noun;
    while from > 0 && noun - from < 4 {
        let w = &st[from - 1];
        if w.has(tokens::class::NUMBER) && !w.is_any(&["the", "a", "an"]) || w.is_any(&["no", "none", "any"]) {
            return None;
        }
        if w.is_any(&["the", "some", "many", "these", "those"]) {
            from -= 1;
            break;
        }
        // (Names and listed describing words only, walking back: "After Ukrainian drone
        // attacks Russian soldiers were wounded" must not take in the attacks.)
        let describing = w.is_any(HARMED_MODIFIERS) || w.kind == tokens::Kind::Word && w.is_capitalized();
        if !describing || w.is_any(OPENERS) && from - 1 == 0 {
            break;
        }
        from -= 1;
    }
    // ("If hostages were killed": a capitalised word that opens the sentence may be no name.)
    if team(st, from, noun) || not_done(from) || st[from..noun].iter().any(|w| w.is_any(NOT_DONE)) {
        return None;
    }
    Some(Event { kind, verb: from, end: v + 1, named: true })
}

/// Words that say somebody was killed, hurt or taken.
pub(super) const HARMED: &[&str] = &[
    "killed", "died", "dead", "death", "wounded", "injured", "captured", "detained", "killing", "wounding", "injuring",
];
