//! Strikes told by their verbs: "gunmen stormed the army post", "rockets hit the base", "the
//! convoy was attacked near Gao"; and what an attack strikes.

use super::arms::{
    armed_before, people, subject_head, weapon_subject, FLYING, OF_ARMS, WEAPONS, WEAPONS_QUALIFIED, WEAPON_WORDS,
};
use super::harmed::PHRASE_END;
use super::named::names_a_day;
use super::{Event, COMPASS_POINTS};
use crate::extract::tokens::{self, Token};
use crate::model::Kind;
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
                || after_object(w)
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
const AFTER_OBJECT: &[&str] = &[
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
];

/// Whether `w` may follow the object of an attack: a word of [`AFTER_OBJECT`], or a compass
/// point that places it ("the base north of Baghdad").
pub(super) fn after_object(w: &Token) -> bool {
    w.is_any(AFTER_OBJECT) || w.is_any(COMPASS_POINTS)
}

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
                w.kind == tokens::Kind::Word && !w.is_any(PHRASE_END) && !after_object(w) && !names_a_day(w)
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
