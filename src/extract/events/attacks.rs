//! Strikes told by their verbs and nouns: "gunmen stormed the army post", "rockets hit the
//! base", "Heavy fighting erupted in Mogadishu", "the Monday ambush", "an attack by
//! al-Shabaab"; what an attack strikes, and the words that point at one attack.

use super::arms::{
    armed_before, of_arms, people, subject_head, weapon_subject, FIGHTING_BEFORE, FLYING, OF_ARMS, WEAPONS,
    WEAPONS_QUALIFIED, WEAPON_WORDS,
};
use super::harmed::{MODALS, NOT_MILITARY, PHRASE_END};
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

/// Verbs of an armed attack on who or what follows: "militants attacked the base", "gunmen
/// stormed the army post", "an armed group ambushed a police unit", "troops pounded militant
/// hideouts".
pub(crate) const ATTACKED: &[&str] = &[
    "attacked",
    "attacking",
    "stormed",
    "storming",
    "ambushed",
    "ambushing",
    "shelled",
    "shelling",
    "pounded",
    "pounding",
    "bombarded",
    "assaulted",
    "overran",
];

/// What an armed attack strikes besides the lexicon's counted targets and forces: the posts,
/// camps and vehicles of the armed and guarded, and the places they hold.
pub(super) const ATTACKED_WHAT: &[&str] = &[
    "patrol",
    "patrols",
    "barracks",
    "embassy",
    "consulate",
    "airport",
    "hideout",
    "hideouts",
    "stronghold",
    "strongholds",
    "garrison",
    "bus",
    "buses",
    "train",
    "airfield",
    "airfields",
    "airbase",
    "refinery",
    "refineries",
    "port",
];

/// Nouns that are a guarded post only with a word of arms before them: "an army post", "a police
/// station", "a military unit" (not "a post on X", "the station", "a unit of the company").
pub(super) const GUARDED: &[&str] =
    &["post", "posts", "station", "stations", "unit", "units", "building", "headquarters"];

/// Whether `w`, at `k`, names what an armed attack strikes: forces, fighters or a target the
/// lexicon counts ("the base", "a convoy", "troops"), a post or camp ([`ATTACKED_WHAT`]), or a
/// [`GUARDED`] one with a word of arms before it. Not people in general ("the dog attacked a
/// child"): they are struck only by the armed ([`armed_before`]).
pub(super) fn struck_thing_at(st: &[Token], k: usize) -> bool {
    let w = &st[k];
    if w.is_any(GUARDED) {
        return k > 0 && st[k - 1].is_any(OF_ARMS);
    }
    crate::extract::quantities::counted(w.text).is_some_and(|e| matches!(e.group, "forces" | "fighters" | "target"))
        || w.is_any(ATTACKED_WHAT)
}

/// Words that frame an attack as a crime charged or seen, not a strike reported: "charged with
/// attacking a police officer", "suspected of attacking", "filmed attacking police" (with "of",
/// "with" or "for" after them but "filmed": "suspected militants attacked" is a strike).
pub(super) const CRIME_FRAME: &[&str] =
    &["charged", "accused", "convicted", "suspected", "guilty", "filmed", "jailed", "sentenced"];

/// The object phrase of a verb at `from`: its words up to a preposition, a clause word or
/// punctuation, at most seven ("the Ethiopian and Somali troops", "an army barracks", "Israeli
/// army positions"); returns the end of the phrase.
pub(super) fn object_phrase(st: &[Token], from: usize) -> usize {
    (from..(from + 7).min(st.len()))
        .find(|&k| {
            let w = &st[k];
            // "the Ethiopian and Somali troops": names joined inside the phrase.
            let joins_names = w.is("and")
                && k > from
                && st[k - 1].is_capitalized()
                && st.get(k + 1).is_some_and(|n| n.is_capitalized());
            !(w.kind == tokens::Kind::Word || w.is_punct('-'))
                || w.is_any(PHRASE_END) && !joins_names
                || w.is_any(AFTER_OBJECT)
                || w.is_any(&["out", "off", "over", "into", "who", "whose", "itself", "themselves"])
                // "the vehicles carrying four machine guns": a participle after what was struck
                // says more of it.
                || w.text.ends_with("ing") && k > from && struck_thing_at(st, k - 1)
                || w.is_any(&["was", "were", "is", "are", "has", "have", "had", "will", "would"])
                || w.has(tokens::class::OUTCOME | tokens::class::SAY)
                || names_a_day(w)
        })
        .unwrap_or((from + 7).min(st.len()))
}

/// The head of the object phrase at `from` when it names what an attack strikes
/// ([`struck_thing_at`]), or people where the attacker is armed: the last such word of the phrase
/// that heads it ("army positions", not "attacked the base closure plan"; "the judge" of
/// "attacked the judge in a post" is no target, and the phrase stops at "in").
pub(super) fn struck_object(st: &[Token], from: usize, armed: bool) -> Option<usize> {
    let end = object_phrase(st, from);
    let k = end.checked_sub(1).filter(|&k| k >= from)?;
    (struck_thing_at(st, k) || armed && (people(&st[k]) || st[k].is_any(SETTLED))).then_some(k)
}

/// Where people live, which only the armed attack: "gunmen attacked a village in Borno",
/// "militants attacked the town of Baga" (not "critics attacked the town's budget").
pub(super) const SETTLED: &[&str] =
    &["village", "villages", "town", "towns", "settlement", "settlements", "hamlet", "camp", "camps"];

/// Words that may follow the object of an attack besides [`PHRASE_END`]: where, when, why.
pub(super) const AFTER_OBJECT: &[&str] = &[
    "along",
    "across",
    "inside",
    "around",
    "during",
    "after",
    "before",
    "when",
    "as",
    "while",
    "by",
    "for",
    "to",
    "but",
    "overnight",
    "early",
    "late",
    "last",
    "this",
    "yesterday",
    "today",
    "tonight",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];

/// An armed attack by its verb ([`ATTACKED`]): "militants attacked the base", "gunmen stormed
/// the army post in Nassoumbou", "an armed group ambushed a police patrol", "terrorists who were
/// attacking Somali National Army forces", "Russian forces shelled Kharkiv", and the passive "the
/// convoy was attacked near Gao". What is attacked must be armed or guarded, a target
/// ([`struck_object`]); people or a named place only where the attacker is armed. Not "the
/// proposal was attacked by Democrats", "stormed out of the office", "the dog attacked a child",
/// "charged with attacking a police officer".
pub(super) fn attacked(st: &[Token], i: usize) -> Option<Event> {
    let framed = (i.saturating_sub(3)..i).any(|k| {
        st[k].is_any(CRIME_FRAME)
            && (st[k].is("filmed") || st.get(k + 1).is_some_and(|w| w.is_any(&["of", "with", "for"])))
    });
    if framed {
        return None;
    }
    let passive = i > 0 && st[i - 1].is_any(&["was", "were", "been", "being"]) && !st[i].text.ends_with("ing");
    if passive {
        // What was attacked comes just before ("the convoy was attacked", "police were
        // attacked"), or before "which" or "that" ("Brussels Airport, which was attacked").
        let mut k = i - 1;
        if k > 1 && st[k - 1].is_any(&["which", "that"]) {
            k -= 1;
        }
        if k > 1 && st[k - 1].is_punct(',') {
            k -= 1;
        }
        let target = k > 0 && (struck_thing_at(st, k - 1) || st[k - 1].is_any(&["police", "soldiers", "troops"]));
        return target.then_some(Event { kind: Kind::Strike, verb: i, end: i + 1, named: false });
    }
    // "the shelling of Aleppo", "renewed shelling": a noun after a determiner or a describing
    // word. "killed two attacking al-Shabaab terrorists": a count before it makes it one too.
    if st[i].text.ends_with("ing")
        && i > 0
        && (st[i - 1].kind == tokens::Kind::Word
            && !st[i - 1].is_any(&["were", "was", "are", "is", "been", "while", "and"])
            || st[i - 1].kind == tokens::Kind::Number)
    {
        return None;
    }
    let armed = armed_before(st, i);
    // "The Fed pounded markets", "bombarded with questions": these verbs strike only in arms.
    if st[i].is_any(&["pounded", "pounding", "bombarded"]) && !armed {
        return None;
    }
    if let Some(k) = struck_object(st, i + 1, armed) {
        return Some(Event { kind: Kind::Strike, verb: i, end: k + 1, named: false });
    }
    // "Russian forces shelled Kharkiv", "Israeli jets pounded Gaza City": a place the armed strike.
    let the = usize::from(st.get(i + 1).is_some_and(|w| w.is("the")));
    let named = st.get(i + 1 + the).is_some_and(|w| w.is_capitalized() && w.kind == tokens::Kind::Word);
    if armed && named {
        let mut end = i + 2 + the;
        while st.get(end).is_some_and(|w| w.is_capitalized() && w.kind == tokens::Kind::Word) {
            end += 1;
        }
        return Some(Event { kind: Kind::Strike, verb: i, end, named: false });
    }
    None
}

/// Whether the words at `k` name a place ("Kyiv", "the Novoshakhtinsk refinery", "Gaza City"): a
/// capitalised word, past "the", that does not open a new clause.
pub(super) fn names_a_place(st: &[Token], k: usize) -> bool {
    let k = k + usize::from(st.get(k).is_some_and(|w| w.is("the")));
    st.get(k).is_some_and(|w| w.kind == tokens::Kind::Word && w.is_capitalized() && !names_a_day(w))
}

/// A strike a weapon or a bomber makes, by its verb: "rockets hit the Basmaya base", "a bomb
/// exploded near their tank", "a suicide bomber detonated his vehicle", "militants detonated a
/// car bomb", "bombs were detonated", "blew himself up", "the militants fired rockets at the
/// convoy", "gunmen opened fire". Not "the storm hit the coast", "Shell shares hit a record", "the
/// SpaceX rocket exploded minutes after liftoff", "critics opened fire on the budget", "the
/// striker fired at goal", "the deal blew up", nor a controlled detonation.
pub(super) fn weapon_struck(st: &[Token], i: usize) -> Option<Event> {
    let t = &st[i];
    let strike = |end: usize| Some(Event { kind: Kind::Strike, verb: i, end, named: false });
    let armed = armed_before(st, i);
    // "mortar shells hit Sunday in the town", "a rocket exploded near the embassy": a weapon
    // struck where the sentence then says, not "exploded minutes after liftoff".
    let placed = |k: usize| {
        st.get(k).is_some_and(|w| w.is_any(&["near", "in", "at", "inside", "outside", "on"]) || names_a_day(w))
    };
    if t.is_any(&["hit", "struck", "slammed"]) {
        // "Ukrainian drones hit the Novoshakhtinsk refinery", "Russian drones hit Kyiv": the armed
        // striking a place by name.
        if armed && names_a_place(st, i + 1) && t.is("hit") {
            // The name, and the noun it names ("the Novoshakhtinsk refinery").
            let mut end = i + 1 + usize::from(st.get(i + 1).is_some_and(|w| w.is("the")));
            while st.get(end).is_some_and(|w| w.kind == tokens::Kind::Word && w.is_capitalized()) {
                end += 1;
            }
            let noun = st.get(end).is_some_and(|w| {
                w.kind == tokens::Kind::Word && !w.is_any(PHRASE_END) && !w.is_any(AFTER_OBJECT) && !names_a_day(w)
            });
            return strike(end + usize::from(noun));
        }
        if !weapon_subject(st, i) {
            return None;
        }
        let slammed_into = t.is("slammed") && st.get(i + 1).is_some_and(|w| w.is("into"));
        let from = if slammed_into { i + 2 } else { i + 1 };
        return match struck_object(st, from, true) {
            Some(k) => strike(k + 1),
            None => placed(from).then(|| strike(i + 1)).flatten(),
        };
    }
    // Bomb-disposal teams destroy what they find: no attack.
    let controlled = || {
        st[i.saturating_sub(6)..(i + 8).min(st.len())]
            .iter()
            .any(|w| w.is_any(&["controlled", "disposal", "safely", "EOD", "demolish", "demolition", "demolished"]))
    };
    if t.is("detonated") {
        if controlled() {
            return None;
        }
        // The object, a bomb: "a car bomb", "his vehicle" (a bomber's), "an explosive vest".
        let end = object_phrase(st, i + 1);
        let bomber = st[i.saturating_sub(4)..i].iter().any(|w| w.is_any(&["bomber", "bombers"]));
        let object_bomb = end > i + 1
            && (st[end - 1].is_any(WEAPONS)
                || st[end - 1].is_any(WEAPONS_QUALIFIED)
                    && (bomber || st[i + 1..end - 1].iter().any(|q| q.is_any(WEAPON_WORDS))));
        if object_bomb {
            return strike(end);
        }
        // "bombs were detonated", "a bomb detonated near their tank".
        return weapon_subject(st, i).then(|| strike(i + 1)).flatten();
    }
    if t.is("exploded") {
        if controlled() || !weapon_subject(st, i) {
            return None;
        }
        // A rocket or a missile explodes as an attack where it strikes ("near the ship"); a bomb
        // does wherever it goes off.
        let flying = subject_head(st, i).is_some_and(|h| st[h].is_any(FLYING));
        return (!flying || placed(i + 1)).then(|| strike(i + 1)).flatten();
    }
    if t.is("blew") {
        // "blew himself up"; "blew up" a target ("blew up the checkpoint"), or a bomb or bomber
        // that blew up. Not "blew up the photo", "the deal blew up".
        let own = st.get(i + 1).is_some_and(|w| w.is_any(&["himself", "herself", "themselves"]))
            && st.get(i + 2).is_some_and(|w| w.is("up"));
        if own {
            return strike(i + 3);
        }
        if !st.get(i + 1).is_some_and(|w| w.is("up")) {
            return None;
        }
        if let Some(k) = struck_object(st, i + 2, true) {
            return strike(k + 1);
        }
        let bomb = weapon_subject(st, i) && !subject_head(st, i).is_some_and(|h| st[h].is_any(FLYING));
        return bomb.then(|| strike(i + 2)).flatten();
    }
    if t.is("opened") {
        // "gunmen opened fire", "opened fire on the convoy"; not "critics opened fire on the budget".
        if !st.get(i + 1).is_some_and(|f| f.is("fire")) {
            return None;
        }
        let on_target =
            st.get(i + 2).is_some_and(|w| w.is_any(&["on", "at"])) && struck_object(st, i + 3, armed).is_some();
        return (armed || on_target).then(|| strike(i + 2)).flatten();
    }
    if t.is("fired") {
        if i > 0 && st[i - 1].is_any(&["was", "were", "been", "be", "get", "got"]) {
            return None;
        }
        // "fired missiles at a van", "fired machine guns and rocket-propelled grenades at the
        // convoy", "fired on the troops".
        let window = &st[i + 1..(i + 8).min(st.len())];
        let span =
            window.iter().position(|w| w.kind == tokens::Kind::Punct && !w.is_punct('-')).unwrap_or(window.len());
        let window = &window[..span];
        let at = window.iter().position(|w| w.is_any(&["at", "on", "upon", "into"]))?;
        // Weapons fired say it was arms; shots, rounds or nothing between need a target, or an
        // armed shooter ("the striker fired at goal", "fired shots at the referee").
        let weapons = window[..at].iter().any(|w| w.is_any(WEAPONS) || w.is_any(&["guns", "gun", "artillery"]));
        let object = struck_object(st, i + 2 + at, armed);
        if !(weapons || object.is_some()) {
            return None;
        }
        return strike(object.map_or(i + 2 + at, |k| k + 1));
    }
    None
}

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
