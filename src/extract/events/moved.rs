//! Forces moved and places taken, told without a count: "The Marines arrived in Haiti", "the
//! Pentagon sent Marines to Haiti", "France withdrew its troops from Mali", "allied forces
//! secured the town"; an attack fought off ("repelled an attack on their base").

use super::arms::{armed_before, told_in_arms};
use super::attacks::object_phrase;
use super::harmed::PHRASE_END;
use super::Event;
use crate::extract::tokens::{self, Token};
use crate::model::Kind;

/// An event a word of class MOVES reports at `i`: "NATO will deploy additional forces to
/// Romania", "the Pentagon sent Marines to Haiti", "France withdrew its troops from Mali" (forces
/// moved, no count given: a count is a figure's, "deployed 1,500 troops"); "Somali forces
/// repelled an attack on their base" (a strike fought off); "the Navy intercepted a shipment of
/// Iranian weapons" (an operation that stopped something).
pub(super) fn moved(st: &[Token], i: usize) -> Option<Event> {
    let t = &st[i];
    if t.is_any(FOUGHT_OFF) {
        let attack = st.get(i + 1).is_some_and(|a| a.is_any(&["an", "the", "a"]))
            && st.get(i + 2).is_some_and(|n| n.is_any(&["attack", "assault", "attempt", "raid"]));
        return attack.then_some(Event { kind: Kind::Strike, verb: i, end: i + 3, named: false });
    }
    if t.is_any(&["intercepted", "interdicted"]) {
        if !st.get(i + 1).is_some_and(|a| a.is_any(&["a", "an", "the", "two", "several"])) {
            return None;
        }
        let stop = st[i + 1..]
            .iter()
            .position(|x| x.kind == tokens::Kind::Punct || x.is_any(&["which", "that", "and", "carrying"]))
            .map_or(st.len(), |p| i + 1 + p);
        return (stop > i + 2 && stop <= i + 10).then_some(Event {
            kind: Kind::Operation,
            verb: i,
            end: stop,
            named: false,
        });
    }
    // Forces that moved themselves or were moved: "The Marines arrived in Haiti", "most foreign
    // troops withdraw at the end of the month", "reinforcements have been sent to the base".
    if let Some(ev) = forces_moved(st, i) {
        return Some(ev);
    }
    // (Forces "deployed to the border" moved themselves; "deployed forces to Poland" moved them.)
    if t.is_any(ARRIVED) && !t.is_any(MOVES) {
        return None;
    }
    // A verb that moves forces. The object, past modifiers only ("a letter to troops" is no
    // troops sent).
    let k = (i + 1..(i + 5).min(st.len()))
        .take_while(|&k| {
            st[k].kind == tokens::Kind::Word && !st[k].is_any(PHRASE_END) && !st[k].is_any(&["to", "for", "by"])
        })
        .find(|&k| is_forces(&st[k]))?;
    let end = if st.get(k + 1).is_some_and(is_forces) { k + 2 } else { k + 1 };
    Some(Event { kind: Kind::Troops, verb: i, end, named: false })
}

/// Verbs of forces that move themselves, read with the forces before them ([`forces_moved`]);
/// token class MOVES too.
pub(crate) const ARRIVED: &[&str] = &[
    "arrived", "arrive", "arrives", "arriving", "vacated", "pulled", "remain", "remains", "remained", "stay", "stayed",
    "leave", "leaves", "left", "departed", "depart", "returned", "return", "returns", "deploy", "deploys", "deployed",
];

/// Verbs of forces that stay, leave or return, which say so only with where: "remain in Syria",
/// "leave Afghanistan", "returned to Fort Bragg" (not "remain committed", "left behind").
pub(super) const STAYED: &[&str] = &["remain", "remains", "remained", "stay", "stayed"];

pub(super) const LEFT: &[&str] = &["leave", "leaves", "left", "departed", "depart"];

pub(super) const RETURNED: &[&str] = &["returned", "return", "returns"];

/// Forces that moved, named before the verb: "The Marines arrived the night of Feb. 29", "JTF
/// 505 arrived in Nepal", "most foreign troops withdraw at the end of the month", "troops prepare
/// to withdraw", "the troops vacated Ba'adweyne", "reinforcements have been sent to the base",
/// "U.S. forces pulled out of Syria". The forces within four words before, past auxiliaries
/// only ("have been", "are due to", "prepare to"); the claim runs to the end of the place the
/// verb names ("arrived in Nepal").
pub(super) fn forces_moved(st: &[Token], i: usize) -> Option<Event> {
    const BETWEEN: &[&str] = &[
        "have", "has", "had", "been", "were", "was", "are", "is", "will", "to", "due", "prepare", "began", "begin",
        "also", "then", "already",
    ];
    let t = &st[i];
    let passive = i > 0 && st[i - 1].is_any(&["been", "were", "was", "be", "being"]);
    // Where, after a verb of staying, leaving, returning or deploying: a preposition and a
    // name ("remain in Syria", "off the coast of Lebanon", "deployed to the border"), or the
    // name itself after leaving ("leave Afghanistan").
    let place_at = |k: usize| {
        let k = k + usize::from(st.get(k).is_some_and(|d| d.is("the")));
        st.get(k).is_some_and(|w| w.kind == tokens::Kind::Word && (w.is_capitalized() || st[k - 1].is("the")))
    };
    let prep = |ps: &[&str]| st.get(i + 1).is_some_and(|p| p.is_any(ps)) && place_at(i + 2);
    let placed = if t.is_any(STAYED) {
        prep(&["in", "at", "on", "off", "inside", "near"])
    } else if t.is_any(LEFT) {
        st.get(i + 1).is_some_and(|w| w.is_capitalized()) || prep(&["from"])
    } else if t.is_any(RETURNED) {
        prep(&["to", "from"]) || st.get(i + 1).is_some_and(|w| w.is("home"))
    } else if t.is_any(&["deploy", "deploys", "deployed"]) {
        !passive && prep(&["to", "in", "into", "at"])
    } else {
        true
    };
    if !placed {
        return None;
    }
    let moves_itself = t.is_any(ARRIVED) || t.is_any(&["withdraw", "withdrew", "withdrawing", "withdraws"]);
    if !(moves_itself || passive && t.is_any(&["sent", "deployed", "dispatched", "redeployed", "withdrawn"])) {
        return None;
    }
    // "pulled out of Syria", not "pulled out all the stops".
    if t.is("pulled") && !(st.get(i + 1).is_some_and(|o| o.is("out")) && st.get(i + 2).is_some_and(|o| o.is("of"))) {
        return None;
    }
    let mut k = i;
    while k > 0 && i - k < 4 && st[k - 1].is_any(BETWEEN) {
        k -= 1;
    }
    // Forces, not "market forces"; and moved, not asked to move ("called for foreign troops to
    // withdraw", "demanded that NATO troops withdraw").
    let subject = k > 0
        && forces_named_before(st, k)
        && !(k > 1 && st[k - 2].is_any(&["market", "economic", "political", "labor", "labour"]));
    let asked = st[k.saturating_sub(8)..k].iter().any(|w| {
        w.is_any(&[
            "called", "calls", "demanded", "demands", "urged", "urges", "asked", "asks", "want", "wants", "wanted",
            "ordered",
        ])
    });
    if !subject || asked {
        return None;
    }
    // "arrived in Nepal", "sent to the base", "leave Afghanistan": to the end of the place.
    let mut end = i + 1;
    if st.get(end).is_some_and(|o| o.is("out")) {
        end += 1;
    }
    let place_from = if t.is_any(LEFT) && st.get(end).is_some_and(|w| w.is_capitalized()) {
        Some(end)
    } else if st.get(end).is_some_and(|p| p.is_any(&["in", "at", "to", "from", "of", "into", "on", "off", "near"])) {
        Some(end + 1)
    } else {
        None
    };
    if let Some(mut e) = place_from {
        if st.get(e).is_some_and(|d| d.is("the")) {
            e += 1;
        }
        let name = e;
        while st.get(e).is_some_and(|w| w.kind == tokens::Kind::Word && (w.is_capitalized() || e == name)) {
            e += 1;
        }
        if e > name {
            end = e;
        }
    }
    Some(Event { kind: Kind::Troops, verb: i, end, named: false })
}

/// Verbs of forces taking a place ([`took_place`]).
pub(crate) const TOOK: &[&str] =
    &["captured", "seized", "secured", "retaken", "re-taken", "re-took", "overran", "recaptured", "retook"];

/// Nouns of a place forces take: "the town of Bulomarer", "Golweyn district", "the capital".
pub(super) const PLACES_TAKEN: &[&str] = &[
    "town",
    "towns",
    "city",
    "cities",
    "district",
    "districts",
    "village",
    "villages",
    "port",
    "capital",
    "province",
    "region",
    "airport",
    "stronghold",
    "strongholds",
    "base",
    "bases",
    "territory",
    "area",
    "areas",
];

/// A place taken, by the verb at `i` ([`TOOK`]) and an object phrase headed by a place noun
/// ([`PLACES_TAKEN`]): one past the place's words ("the town of Bulomarer" to its name).
pub(super) fn took_place(st: &[Token], i: usize) -> Option<usize> {
    if !st[i].is_any(TOOK) || i > 0 && st[i - 1].is_any(&["was", "were", "been", "be", "being"]) {
        return None;
    }
    // Taken by the armed ("allied forces secured the town"), or by "we" or "they" in a sentence
    // of arms ("we captured Golweyn district … and positioned some of our military units");
    // not "Police secured the area", "Labour captured the town", "the startup secured capital".
    let pronoun = (i.saturating_sub(2)..i).any(|k| st[k].is_any(&["we", "they"]));
    if !(armed_before(st, i) && !st[i.saturating_sub(5)..i].iter().any(|w| w.is("police"))
        || pronoun && told_in_arms(st))
    {
        return None;
    }
    let end = object_phrase(st, i + 1);
    let head = end.checked_sub(1).filter(|&h| h > i)?;
    if !st[head].is_any(PLACES_TAKEN) {
        return None;
    }
    // "the town of Bulomarer": to the end of its name.
    let mut e = end;
    if st.get(e).is_some_and(|o| o.is("of")) && st.get(e + 1).is_some_and(|n| n.is_capitalized()) {
        e += 1;
        while st.get(e).is_some_and(|n| n.kind == tokens::Kind::Word && n.is_capitalized()) {
            e += 1;
        }
    }
    Some(e)
}

/// Head words of a unit's name: "Carrier Strike Group", "East Africa Response Force", "2nd
/// Brigade Combat Team", "24th Marine Expeditionary Unit" (capitalised: "the group", "a team"
/// are anyone's).
pub(super) const UNIT_HEADS: &[&str] =
    &["Brigade", "Battalion", "Division", "Regiment", "Squadron", "Wing", "Fleet", "Corps", "Detachment"];

/// Head words a unit shares with companies and committees ("the Working Group", "Boston
/// Consulting Group"): a unit's only with a word of arms in its name ([`UNIT_WORDS`]).
pub(super) const SHARED_HEADS: &[&str] = &["Group", "Force", "Forces", "Team", "Unit", "Contingent", "Battery"];

/// Words of arms in a unit's name: "Carrier Strike Group", "East Africa Response Force",
/// "Brigade Combat Team", "Marine Expeditionary Unit".
pub(super) const UNIT_WORDS: &[&str] = &[
    "Strike",
    "Carrier",
    "Combat",
    "Task",
    "Battle",
    "Expeditionary",
    "Response",
    "Marine",
    "Marines",
    "Army",
    "Naval",
    "Navy",
    "Air",
    "Special",
    "Operations",
    "Amphibious",
    "Ready",
    "Brigade",
    "Joint",
    "Infantry",
    "Airborne",
    "Security",
    "Defense",
    "Coast",
    "Guard",
    "Rapid",
    "Reaction",
    "Military",
    "Patriot",
    "Missile",
    "Artillery",
    "Aviation",
];

/// Whether the words that end before `k` name forces that can move: troops and the like
/// ([`is_forces`]), a unit by its name ([`UNIT_HEADS`]), with its number ("JTF 505", "Task
/// Force 51") or its acronym in parentheses ("East Africa Response Force (EARF)"), or a navy's
/// ships ("U.S. Navy ships").
pub(super) fn forces_named_before(st: &[Token], k: usize) -> bool {
    let mut k = k;
    // "(EARF)": past the acronym.
    if k >= 3 && st[k - 1].is_punct(')') && st[k - 3].is_punct('(') {
        k -= 3;
    }
    // "JTF 505", "Task Force 51": past the number.
    if k >= 2
        && st[k - 1].kind == tokens::Kind::Number
        && (st[k - 2].text.starts_with("JTF") || st[k - 2].is_any(UNIT_HEADS) || st[k - 2].is_any(SHARED_HEADS))
    {
        k -= 1;
    }
    let Some(w) = k.checked_sub(1).map(|j| &st[j]) else { return false };
    let named_of_arms = || st[(k - 1).saturating_sub(4)..k - 1].iter().any(|n| UNIT_WORDS.contains(&n.text));
    is_forces(w)
        || w.text.starts_with("JTF")
        || UNIT_HEADS.contains(&w.text)
        || SHARED_HEADS.contains(&w.text) && named_of_arms()
        || w.is_any(&["ships", "warships", "vessels"]) && k >= 2 && st[k - 2].is_any(&["Navy", "naval", "navy"])
}

/// Verbs of an attack fought off.
pub(super) const FOUGHT_OFF: &[&str] = &["repelled", "repulsed", "thwarted", "foiled"];

/// The words [`moved`] starts from (token class MOVES): verbs that move forces, then those of
/// an attack fought off ([`FOUGHT_OFF`]) and of a shipment stopped.
pub(crate) const MOVES: &[&str] = &[
    "deploy",
    "deploys",
    "deployed",
    "deploying",
    "redeployed",
    "send",
    "sends",
    "sent",
    "sending",
    "dispatched",
    "withdrew",
    "withdraw",
    "withdrawing",
    "withdrawn",
    "repositioned",
    "repositioning",
    "stationed",
    "repelled",
    "repulsed",
    "thwarted",
    "foiled",
    "intercepted",
    "interdicted",
    "withdraws",
];

/// A word that names armed forces (troops, Marines, units, reinforcements).
pub(super) fn is_forces(t: &Token) -> bool {
    t.is_any(&["units", "reinforcements", "contingent", "battalion", "battalions", "brigade", "brigades"])
        || crate::extract::quantities::counted(t.text)
            .is_some_and(|e| e.class == crate::extract::quantities::Class::Forces)
}
