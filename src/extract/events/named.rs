//! Strikes and fighting told by their nouns: "Heavy fighting erupted in Mogadishu", "the Monday
//! ambush", "an attack by al-Shabaab", "Sunday's bombing killed 12"; the words that point at one
//! attack, and the day an attack is named by.

use super::arms::{armed_before, of_arms, FIGHTING_BEFORE, WEAPONS};
use super::attacks::{object_phrase, struck_object};
use super::harmed::{MODALS, NOT_MILITARY};
use super::{Event, NOT_MILITARY_OPERATION};
use crate::extract::tokens::{self, Token};
use crate::model::Kind;
/// Fighting the text reports by its noun: "Heavy fighting erupted in Mogadishu", "Clashes between
/// ethnic Albanians and Serbs were reported", "the three-hour battle took place Thursday", "Gun
/// battles on the streets of Gaza", "As fighting continued, aid workers fled". An operation, in a
/// sentence of arms ([`of_arms`]): not "Clashes between the CEO and the board", "Fighting broke
/// out among players", "The battle between the Patriots and the Jets". Not a participle
/// ("fighting ISIS", "forces fighting in the cave": the phrase opens at a determiner, a word of
/// [`FIGHTING_BEFORE`], a joining word or the clause's start, and "fighting" takes no object), not
/// a battle of words ("a legal battle", "the battle over the budget"), and not "the fighting"
/// pointing back at fighting told already.
pub(super) fn fighting_named(st: &[Token], i: usize) -> Option<Event> {
    let t = &st[i];
    let mut first = i;
    if t.is_any(&["battles", "battle"]) && i > 0 && st[i - 1].is("gun") {
        first -= 1;
    }
    while first > 0 && i - first < 3 && (st[first - 1].is_any(FIGHTING_BEFORE) || st[first - 1].is_any(&["a", "an"])) {
        first -= 1;
    }
    let opens = first == 0
        || st[first - 1].kind == tokens::Kind::Punct && !st[first - 1].is_punct('-')
        || st[first - 1].is_any(&["after", "as", "amid", "despite", "during", "and", "but", "while", "when", "before"]);
    if first == i && !opens {
        return None;
    }
    // What the noun goes on with: where or between whom, or a verb of its course ("also" between:
    // "Fighting also erupted in Baidoa").
    let c = i + 1 + usize::from(st.get(i + 1).is_some_and(|w| w.is("also")));
    let next = st.get(c);
    let course = next.is_none_or(|n| {
        n.kind == tokens::Kind::Punct
            || n.is_any(&[
                "between",
                "in",
                "at",
                "near",
                "on",
                "erupted",
                "broke",
                "continued",
                "continue",
                "raged",
                "took",
                "were",
                "was",
                "has",
                "have",
                "had",
                "left",
                "killed",
                "that",
                "which",
                "along",
                "across",
                "around",
                "resumed",
                "intensified",
            ])
    });
    const WORDS: &[&str] = &[
        "political",
        "verbal",
        "court",
        "uphill",
        "budget",
        "board",
        "shareholders",
        "parliament",
        "party",
        "media",
        "players",
        "fans",
        "ice",
        "ratings",
        "market",
        "merger",
        "election",
        "primary",
        "campaign",
        "bidding",
        "price",
        "legal",
        "custody",
        "courtroom",
        "ballot",
        "cancer",
        "leukemia",
        "illness",
        "disease",
        "life",
        "boardroom",
        "candidates",
        "debate",
        "shoppers",
        "addiction",
    ];
    // (And a game's: "Fighting broke out among players in the third period".)
    const GAMES: &[&str] = &[
        "match",
        "game",
        "games",
        "quarter",
        "period",
        "season",
        "team",
        "league",
        "coach",
        "goal",
        "score",
        "playoff",
        "playoffs",
        "stadium",
        "championship",
    ];
    let other_sense = st.iter().any(|w| w.is_any(NOT_MILITARY_OPERATION) || w.is_any(WORDS) || w.is_any(GAMES));
    // "the battle over the budget", "the battle against cancer", "fighting with his wife".
    let contested = next.is_some_and(|n| n.is_any(&["over", "against", "with", "for"]));
    // Fighting of arms by the words that describe it ("Heavy fighting erupted in Mogadishu"), or
    // by the sentence's.
    let described = st[first..i].iter().any(|w| {
        w.is_any(&[
            "heavy",
            "fierce",
            "intense",
            "renewed",
            "fresh",
            "sporadic",
            "bloody",
            "deadly",
            "street",
            "gun",
            "armed",
            "border",
            "sectarian",
            "ethnic",
            "three-hour",
            "hours-long",
            "days-long",
            "overnight",
        ])
    });
    // Nouns of a fight with arms by themselves ("A gunbattle broke out"), and fighting that
    // erupted, raged or broke out, in a sentence of no other sense ("Fighting raged in Bakhmut").
    let armed_noun = t.is_any(&["gunbattle", "gunbattles", "firefight", "firefights", "skirmishes"]);
    let erupted = next.is_some_and(|n| n.is_any(&["erupted", "raged", "intensified", "resumed", "broke"]));
    // Contested ("a battle with leukemia", "fighting over the farm bill") needs arms proper.
    if !course && !contested
        || other_sense
        || contested && !of_arms(st, false)
        || !(described || armed_noun || erupted || of_arms(st, true))
    {
        return None;
    }
    // Its course is its words: "Heavy fighting erupted", "fighting broke out" (and so no
    // turning point of its own).
    let end = match next {
        Some(n) if n.is_any(&["erupted", "raged", "continued", "resumed", "intensified"]) => c + 1,
        Some(n) if n.is_any(&["broke", "took"]) && st.get(c + 1).is_some_and(|w| w.is_any(&["out", "place"])) => c + 2,
        _ => i + 1,
    };
    // "the fighting", "the clashes" alone point back at fighting told already; told anew, they
    // are described, set between sides, named ("the battle for Bakhmut") or given their course
    // ("the fighting erupted Friday").
    let between = next.is_some_and(|n| n.is("between"));
    let named = next.is_some_and(|n| n.is("for")) && st.get(c + 1).is_some_and(|w| w.is_capitalized());
    if st[first].is("the") && first + 1 == i && end == i + 1 && !between && !named {
        return None;
    }
    Some(Event { kind: Kind::Operation, verb: first, end, named: true })
}

/// Nouns of an armed attack that [`attack_named`] reads where the text points at one: "the
/// Monday ambush", "an assault on Benghazi airport", "a suicide bombing on a bus".
pub(super) const ATTACK_NOUNS: &[&str] = &[
    "attack",
    "attacks",
    "blast",
    "blasts",
    "explosion",
    "explosions",
    "ambush",
    "ambushes",
    "assault",
    "assaults",
    "bombing",
    "bombings",
    "shelling",
    "bombardment",
    "airstrike",
    "airstrikes",
    "strike",
    "strikes",
];

/// Where the words pointing at the event noun at `i` begin: a determiner or a possessive ("an",
/// "the", "Sunday's") at most four words before it, with only describing words between ("suicide",
/// "December 28", "deadly"), none of them a verb, a preposition or a word that makes it another
/// sense or one not done ("heart", "future", "imminent"); and none of the three words before it
/// a threat, a plan or a prevention ("warned of an attack", "to prevent the attack").
pub(super) fn pointed_at(st: &[Token], i: usize) -> Option<usize> {
    use tokens::class::{EVENT, MOVES, OUTCOME, SAY, TURNING};
    const VERBS: u32 = SAY | EVENT | OUTCOME | MOVES | TURNING;
    const POINTING: &[&str] = &["the", "a", "an", "this", "these", "those", "its", "their", "his", "'s", "\u{2019}s"];
    const NOT_DONE: &[&str] = &[
        "heart",
        "panic",
        "asthma",
        "verbal",
        "political",
        "personal",
        "rhetorical",
        "cyber",
        "ransomware",
        "ddos",
        "malware",
        "anxiety",
        "gout",
        "migraine",
        "seizure",
        "allergy",
        "allergic",
        "angina",
        "spyware",
        "hacker",
        "hackers",
        "phishing",
        "zero-day",
        "shark",
        "dog",
        "bear",
        "crocodile",
        "alligator",
        "wolf",
        "lion",
        "tiger",
        "elephant",
        "snake",
        "hippo",
        "cougar",
        "coyote",
        "bee",
        "mock",
        "simulated",
        "practice",
        "hoax",
        "fake",
        "any",
        "such",
        "future",
        "possible",
        "potential",
        "further",
        "imminent",
        "impending",
        "looming",
        "planned",
        "expected",
        "anticipated",
        "feared",
        "threatened",
        "proposed",
    ];
    const NOT_YET: &[&str] = &[
        "prevent",
        "prevented",
        "thwart",
        "thwarted",
        "foil",
        "foiled",
        "avert",
        "averted",
        "stop",
        "threat",
        "threats",
        "threatened",
        "plan",
        "planned",
        "plans",
        "plotting",
        "plotted",
        "vowed",
        "vow",
        "warned",
        "warning",
        "warn",
        "fear",
        "fears",
        "feared",
        "risk",
        "possibility",
        "prospect",
        "danger",
        "preparing",
        "prepare",
        "ready",
        "brace",
        "braced",
        "bracing",
        "urged",
        "withstand",
        "withstood",
        "resist",
        "called",
        "calls",
        "calling",
    ];
    let first = (i.saturating_sub(4)..i).rev().find(|&k| st[k].is_any(POINTING))?;
    // The words between describe it ("suicide", "December 28", "deadly"): no clause, no verb.
    // ("those calling for attacks", "the group comes under attack", "the surge in attacks" are
    // not one attack: a preposition or a verb's "-ing" between says so.)
    let describes = |k: usize| {
        let w = &st[k];
        // "The Jan. 5 ambush": a month's abbreviation keeps its period.
        let abbreviation = w.is_punct('.') && k > 0 && st[k - 1].has(tokens::class::DATE) && st[k - 1].is_capitalized();
        abbreviation
            || (w.kind == tokens::Kind::Word || w.kind == tokens::Kind::Number || w.is_punct('-'))
            // "the senator's attack", "the short-seller's attack": someone's words, not a day's.
            && !w.text.ends_with("'s")
            && !w.text.ends_with("\u{2019}s")
            && !w.is_any(NOT_DONE)
            && !w.is_any(&[
                "of", "and", "or", "to", "that", "which", "who", "was", "is", "were", "for", "under", "in", "on", "at",
                "from", "with", "by", "into", "over", "about", "after", "comes", "came",
            ])
            && (!w.text.ends_with("ing") || w.text.contains('-'))
            // "The U.S. condemns attacks on journalists": a verb between, of saying, striking, harm
            // ("special operations raid": an event's noun describes, not acts).
            && (!w.has(VERBS) || w.is_any(&["operations", "special"]))
    };
    if !(first + 1..i).all(describes) || st[first.saturating_sub(3)..first].iter().any(|w| w.is_any(NOT_YET)) {
        return None;
    }
    // "Sunday's attack": from the day, not its "'s"; only a day's possessive points at one event
    // ("last year's operations" are a year's, and "the senator's attack" is a word's).
    if st[first].is_any(&["'s", "\u{2019}s"]) {
        // ("Theresa May's attack", "The Sun's attack": a name's, and "Sun" is no day's.)
        let day = first > 0
            && (st[first - 1].is_any(DAYS)
                || st[first - 1].is_any(&["yesterday", "today", "tonight"])
                || st[first - 1].has(tokens::class::DATE)
                    && st[first - 1].is_capitalized()
                    && st[first - 1].text.len() > 3
                    && !(first > 1 && st[first - 2].is_capitalized()));
        return day.then(|| first - 1);
    }
    Some(first)
}

/// What an attack "on" may be that no weapon strikes: "an attack on press freedom", "on our
/// democracy", "on the bill".
pub(super) const FIGURATIVE: &[&str] = &[
    "democracy",
    "democratic",
    "freedom",
    "freedoms",
    "press",
    "media",
    "free",
    "human",
    "rule",
    "constitution",
    "character",
    "values",
    "rights",
    "integrity",
    "reputation",
    "truth",
    "science",
    "budget",
    "bill",
    "policy",
    "policies",
];

/// "an attack by al-Shabaab", "the December 28 attack against civilians", "Monday's attack on
/// the base", "This cowardly suicide attack killed": one attack the text points at
/// ([`pointed_at`]), and what it struck, who made it or what it did after it. Not one of a kind
/// ("attacks on journalists are rising", "the attacks on journalists" unless dated or doing), not
/// another sense ("a heart attack", "an attack on press freedom").
pub(super) fn attack_named(st: &[Token], i: usize) -> Option<Event> {
    let first = pointed_at(st, i)?;
    // "a bomb blast", "the car bomb explosion": a blast is an attack only with a bomb right
    // before it (not "a gas explosion", "a roadside fuel tanker explosion", "a bomb cyclone blast").
    let blast = st[i].is_any(&["blast", "blasts", "explosion", "explosions"]);
    if blast && !(i > first + 1 && st[i - 1].is_any(&["bomb", "bombs", "IED", "IEDs", "roadside", "suicide"])) {
        return None;
    }
    // Arms told with it: by the words before the noun ("a suicide bombing", "the ISIL attack", "a
    // mortar attack") or in its sentence (forces, fighters, weapons, armed groups). What a day
    // after the noun, a harm after its place or a day of its own may only add to (not "Monday's
    // attack on the bill", "A strike in the 90th minute killed off Chelsea's hopes").
    let armed = blast
        || of_arms(st, false)
        || st[first + 1..i].iter().any(|w| {
            w.is_any(ARMED_MODIFIERS)
                || w.is_any(WEAPONS)
                || crate::extract::quantities::counted(w.text).is_some_and(|e| matches!(e.group, "forces" | "fighters"))
        });
    // What goes on after the noun, past a day told after it: "an attack today on an outpost",
    // "the ISIL attack this morning at a market", "The attack Thursday took place near Hacari".
    let after = after_day(st, i + 1);
    let next = st.get(after)?;
    // (Or by what it struck: "an attack today on an outpost".)
    let armed = armed
        || next.is_any(&["on", "against", "at", "near", "in", "inside", "outside"])
            && struck_object(st, after + 1, false).is_some();
    if after > i + 1 && !armed {
        return None;
    }
    if st[first..i].iter().any(|w| w.is_any(&["sexual", "indecent", "verbal"])) {
        return None;
    }
    // "a general strike", "the hunger strike": workers' and prisoners'.
    if st[i].is_any(&["strike", "strikes"]) && st[first..i].iter().any(|w| w.is_any(NOT_MILITARY)) {
        return None;
    }
    let did = next.is_any(&[
        "killed",
        "wounded",
        "injured",
        "left",
        "claimed",
        "destroyed",
        "targeted",
        "struck",
        "hit",
        "occurred",
        "happened",
        "took",
    ]);
    // ("a suspected US drone strike has killed at least four": done, in the perfect.)
    let perfect = next.is_any(&["has", "have", "had"])
        && st.get(after + 1).is_some_and(|v| v.is_any(&["killed", "wounded", "injured", "destroyed", "targeted"]));
    // "A suicide bombing in eastern Afghanistan killed five people", "a bomb blast near a funeral
    // tent in the capital killed 10": what it did, after where it was.
    // (And "The bombing of a bus in Jerusalem killed 16": what was bombed, then what it did.)
    let placed = next.is_any(&["on", "against", "at", "near", "in", "inside", "outside"]);
    let bombed = next.is("of") && st[i].is_any(&["bombing", "shelling", "bombardment"]);
    // Killed whom: a count or people after the verb (not "killed its chances", "killed off").
    let harm_at = |k: usize| {
        st[k].is_any(&["killed", "wounded", "injured"])
            && st.get(k + 1).is_some_and(|n| {
                n.kind == tokens::Kind::Number
                    || n.has(tokens::class::NUMBER) && !n.is_any(&["a", "an", "no", "none"])
                    || crate::extract::quantities::counted(n.text).is_some()
            })
    };
    let did_there = (armed && placed || bombed)
        && (after + 1..(after + 9).min(st.len()))
            .take_while(|&k| {
                let w = &st[k];
                (w.kind == tokens::Kind::Word || w.kind == tokens::Kind::Number)
                    && !w.is_any(&["and", "which", "that", "who", "where", "when", "was", "were", "is", "are"])
            })
            .any(harm_at);
    let did = did || perfect || did_there;
    let harmed = perfect || next.is_any(&["killed", "wounded", "injured", "destroyed", "targeted", "struck", "hit"]);
    let target = if st[i].is_any(&["attack", "attacks"]) {
        // The object, past a determiner or possessive: "on our democracy", "on the base".
        let object = |k: usize| {
            let k = if st.get(k).is_some_and(|w| w.is_any(&["the", "our", "his", "her", "their", "my", "your", "its"]))
            {
                k + 1
            } else {
                k
            };
            st.get(k).is_some_and(|o| o.kind == tokens::Kind::Word && !o.is_any(FIGURATIVE) && !o.is_any(DAYS))
        };
        // ("an attack by al-Shabaab terrorists", not "Sunday's attack by the Lakers".)
        placed && object(after + 1) || next.is("by") && armed_before(st, object_phrase(st, after + 1))
    } else {
        // The other nouns have more senses ("an assault on inflation", "the film's bombing at the
        // box office", "the ambush by reporters", "a strike at the plant"): what they struck is
        // a target, or who made them bears arms.
        let by_armed = next.is("by") && armed_before(st, object_phrase(st, after + 1));
        // Only arms make an airstrike or shelling; any of them "in Gereida", "near Mosul" (a
        // place by name) is one.
        let arms_only = st[i].is_any(&["airstrike", "airstrikes", "shelling", "bombardment"]);
        let in_place = next.is_any(&["in", "near"]) && st.get(after + 1).is_some_and(|w| w.is_capitalized());
        placed && (arms_only || in_place || struck_object(st, after + 1, false).is_some()) || by_armed
    };
    // A strike is a soldier's by a word of arms before it ("a drone strike", "a coalition air
    // strike"), or by what it did to whom; not a worker's ("a strike in the auto industry").
    let of_arms = st[first..i].iter().any(|w| {
        w.is_any(&["air", "drone", "missile", "rocket", "grenade", "artillery", "precision", "coalition", "military"])
    });
    let named_by_side = target && st[first + 1..i].iter().any(|w| w.is_capitalized());
    if st[i].is_any(&["strike", "strikes"]) && !(of_arms || harmed || named_by_side) {
        return None;
    }
    // A complement that is no target ("Monday's attack on the bill", "Sunday's ambush by
    // reporters"), a noun that describes the next ("Tuesday's attack ad", "an attack
    // helicopter"), or one not done ("An attack Monday would be catastrophic", "The attack Monday
    // never happened"): no day makes them one.
    let not_one = !blast && placed && !target && !did
        || next.kind == tokens::Kind::Word
            && !next.is_capitalized()
            && !next.text.ends_with("ed")
            && !next.is_any(&[
                "has", "have", "had", "was", "were", "is", "are", "took", "left", "hit", "struck", "and", "or", "that",
                "which", "as", "when", "after", "before", "this", "last", "came", "comes", "follows", "followed", "on",
                "at", "in", "near", "against", "outside", "inside", "by", "of", "along", "across", "from", "during",
                "to", "for",
            ])
        || next.is_any(MODALS)
        || next.is_any(DENIALS);
    // "The attacks on journalists are rising": attacks in general, unless dated or doing.
    let dated = st[first..i].iter().any(names_a_day) || after > i + 1;
    let general = st[i].text.ends_with('s') && st[first].is_any(&["the", "these", "those"]) && !dated && !did;
    // One attack with its day ("an August 29 attack", "Monday's ambush", "the attack
    // Thursday"), or a bomb's blast: it happened, whatever follows. (Not a strike: a worker's
    // may have a day too.)
    let happened = (!st[i].text.ends_with('s') && dated && !st[i].is_any(&["strike"]) || blast) && armed && !not_one;
    ((target || did || happened) && !general).then_some(Event {
        kind: Kind::Strike,
        verb: first,
        end: i + 1,
        named: true,
    })
}

/// Words before an attack's noun that say it was one of arms: "a suicide bombing", "a militant
/// attack", "the insurgent ambush". (Weapons and the armed groups [`of_arms`] names are asked
/// apart.)
const ARMED_MODIFIERS: &[&str] = &[
    "suicide",
    "terrorist",
    "terror",
    "militant",
    "insurgent",
    "rebel",
    "jihadist",
    "guerrilla",
    "gunmen",
    "armed",
    "car",
    "truck",
    "roadside",
    "drone",
    "artillery",
    "air",
    "deadly",
    "fatal",
    "bloody",
    "cowardly",
    "coordinated",
    "complex",
    "Houthi",
    "Shabaab",
    "al-Qaida",
    "al-Qaeda",
    "Boko",
    "ISWAP",
    "FARC",
    "ELN",
    "PKK",
    "IRGC",
];

/// What makes an attack told not one done, beside a modal: "The attack never happened".
const DENIALS: &[&str] = &["never", "didn't", "did", "not"];

/// The weekdays' names: a day told beside an event's noun (a month's name may be a person's:
/// "the attack May have…", "Theresa May's attack").
const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// Past a day told right after an event's noun, from `k`: "today", "Thursday", "this morning",
/// "last night", "early Sunday", "on Monday" (not "on the base"). Where the words after it begin.
pub(super) fn after_day(st: &[Token], k: usize) -> usize {
    let day = |t: &Token| t.is_capitalized() && t.is_any(DAYS) || t.is_any(&["today", "yesterday", "tonight"]);
    let part = |t: &Token| t.is_any(&["morning", "afternoon", "evening", "night", "week", "weekend"]);
    let end = match st.get(k) {
        Some(t) if t.is("overnight") => k + 1,
        // "Tuesday night", "Monday morning".
        Some(t) if day(t) => k + 1 + usize::from(st.get(k + 1).is_some_and(part)),
        Some(t) if t.is_any(&["this", "last"]) && st.get(k + 1).is_some_and(part) => k + 2,
        Some(t) if t.is_any(&["early", "late", "on"]) && st.get(k + 1).is_some_and(day) => {
            k + 2 + usize::from(st.get(k + 2).is_some_and(part))
        }
        _ => return k,
    };
    // The day is the event's only where the event's words go on after it: not "an attack on
    // Monday's jobs report", "an attack on Sunday trading laws" (the day is the next phrase's).
    let goes_on = st.get(end).is_none_or(|n| {
        n.kind == tokens::Kind::Punct
            || n.is_any(&[
                "on",
                "against",
                "at",
                "near",
                "in",
                "inside",
                "outside",
                "by",
                "along",
                "across",
                "has",
                "have",
                "had",
                "was",
                "were",
                "is",
                "are",
                "took",
                "left",
                "killed",
                "wounded",
                "injured",
                "destroyed",
                "targeted",
                "struck",
                "hit",
                "came",
                "claimed",
                "occurred",
                "happened",
            ])
    });
    if goes_on {
        end
    } else {
        k
    }
}

/// A month's or a day's name ("June", "Monday"), which dates the event it stands before; not a
/// capitalised "The" or "This", though they may start a date too.
pub(super) fn names_a_day(t: &Token) -> bool {
    t.has(tokens::class::DATE) && t.is_capitalized() && !t.is_any(&["the", "this", "that", "last", "next", "a", "an"])
}
