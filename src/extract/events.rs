//! Events a sentence reports without counting them: strikes and operations ("F-16s carried out
//! airstrikes against ISIS fighters", "U.S. forces conducted a raid", "the cleric died in an
//! airstrike", "The strike on Friday was conducted by MQ-9s", "gunmen stormed the army post", "a
//! roadside bomb exploded", "Heavy fighting erupted in Mogadishu"), forces that moved ("The
//! Marines arrived in Haiti"), and people harmed or taken ("killing Islamic State militants").
//! As many a sentence as it reports one after another ("The militants hurled grenades, and the
//! troops fired back"); figures read the ones that are counted ("38 operations"). And turning
//! points a sentence dates: "is scheduled to end in September 2025" ([`milestone`]).

use super::tokens::{self, Token};
use crate::model::Kind;

/// A strike or an operation one sentence reports without counting it: where its action verb is
/// (token index in the sentence) and where the words that name it end.
pub struct Event {
    pub kind: Kind,
    pub verb: usize,
    pub end: usize,
    /// Whether the claim's words begin at `verb` ("an airstrike") rather than at the start of
    /// the sentence, where who acted is named ("F-16s carried out airstrikes").
    pub named: bool,
}

/// Verbs that report a strike or an operation done, and the nouns that name one.
pub(crate) const CARRIED_OUT: &[&str] = &[
    "conducted",
    "launched",
    "executed",
    "performed",
    "mounted",
    "staged",
    "carried",
    // "called in an airstrike", "calling in air strikes": a strike asked for by those on the ground.
    "called",
    "calling",
    // Under way: "were conducting an advise-and-assist mission", "while carrying out operations".
    "conducting",
    "launching",
    "executing",
    "performing",
    "mounting",
    "carrying",
];
pub(crate) const STRIKE_NOUNS: &[&str] = &["strike", "strikes", "airstrike", "airstrikes", "bombing", "bombings"];
pub(crate) const OPERATION_NOUNS: &[&str] = &[
    "operation",
    "operations",
    "raid",
    "raids",
    "mission",
    "missions",
    "offensive",
    "counteroffensive",
    "counterattack",
    "battle",
    "clashes",
    "exercise",
    "exercises",
];

/// The strikes and operations a sentence reports as done, in order and apart: "carried out
/// airstrikes", "conducted a partnered raid", "launched a precision strike", a strike verb with
/// its object ("forces struck an ISIS camp", "gunmen stormed the post"), a weapon's ("rockets hit
/// the base"); then the attacks and operations the text points at by their nouns ("the Monday
/// ambush", "a May 19 operation"). Not a name ("Operation Inherent Resolve"), not one still to
/// come ("will conduct": the verbs are past), not a count (figures read those).
pub fn events(st: &[Token]) -> Vec<Event> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < st.len() {
        match event_at(st, i) {
            Some(ev) => {
                i = ev.end.max(i + 1);
                // "precision strikes killed Islamic State fighters": the strike's last word may
                // harm people of its own.
                // (Or a weapon's verb itself: "Russian missiles killed Ukrainian civilians".)
                let harm = ev.end.checked_sub(1).filter(|&k| k >= ev.verb).and_then(|k| harmed(st, k));
                found.push(ev);
                if let Some(h) = harm {
                    i = h.end.max(i);
                    found.push(h);
                }
            }
            None => i += 1,
        }
    }
    // Then the attacks and operations the text points at by their nouns, outside those.
    let mut named = Vec::new();
    let mut i = 0;
    while i < st.len() {
        let t = &st[i];
        let ev = if found.iter().any(|f: &Event| f.verb <= i && i < f.end) {
            None
        } else if t.is_any(ATTACK_NOUNS) {
            attack_named(st, i)
        } else if t.is_any(FIGHTING) {
            fighting_named(st, i)
        } else if t.is_any(&[
            "operation",
            "operations",
            "raid",
            "raids",
            "offensive",
            "counteroffensive",
            "counterattack",
        ]) {
            operation_named(st, i)
        } else {
            None
        };
        match ev {
            Some(ev) => {
                i = ev.end.max(i + 1);
                named.push(ev);
            }
            None => i += 1,
        }
    }
    found.extend(named);
    found.sort_by_key(|e| e.verb);
    found
}

/// The strike or operation whose words begin at token `i`, if one does.
fn event_at(st: &[Token], i: usize) -> Option<Event> {
    let t = &st[i];
    // "a car bomb killed five Americans", "a roadside bomb that wounded two": the weapon's
    // strike (the people, a figure's or harmed after it). Not "the bombers were killed": they
    // are the harmed.
    if t.is_any(&["killed", "wounded", "injured"])
        && i > 0
        && !st[i - 1].is_any(&["was", "were", "been", "be"])
        && weapon_subject(st, i)
    {
        return Some(Event { kind: Kind::Strike, verb: i, end: i + 1, named: false });
    }
    // People harmed or taken, uncounted: their verb is an outcome's, or "were" or "been".
    if t.has(tokens::class::OUTCOME) || t.is_any(&["were", "been"]) {
        if let Some(ev) = harmed(st, i) {
            return Some(ev);
        }
    }
    // "Coalition forces destroyed the vehicles", "U.S. aircraft destroyed a weapons cache": the
    // armed destroying a target, counted or not (not "the fire destroyed the building", "the
    // company destroyed the records"; "were destroyed" is the harmed's, above).
    if t.is("destroyed")
        && i > 0
        && !st[i - 1].is_any(&["was", "were", "been", "be", "is", "are", "being"])
        && armed_before(st, i)
    {
        if let Some(k) = struck_object(st, i + 1, false) {
            return Some(Event { kind: Kind::Strike, verb: i, end: k + 1, named: false });
        }
    }
    // Most words start none: one bit test says so (every word below is of class EVENT or MOVES).
    if !t.has(tokens::class::EVENT | tokens::class::MOVES) {
        return None;
    }
    if let Some(ev) = named_event(st, i) {
        return Some(ev);
    }
    // "we captured Golweyn district", "have re-taken the southwestern town of Bulomarer",
    // "secured the town on Saturday": forces that took a place, an operation (people captured
    // are a capture's figure, and "captured the gunman" no place).
    if let Some(end) = took_place(st, i) {
        return Some(Event { kind: Kind::Operation, verb: i, end, named: false });
    }
    // "Somali troops recaptured Awdhegle", "retook the base": an operation that took it.
    if t.is_any(&["recaptured", "retook", "liberated"]) {
        let stop = st[i + 1..]
            .iter()
            .position(|x| x.kind == tokens::Kind::Punct && !x.is_punct('-') || x.is_any(&["which", "that", "and"]))
            .map_or(st.len(), |p| i + 1 + p);
        if stop > i + 1 && stop <= i + 8 {
            return Some(Event { kind: Kind::Operation, verb: i, end: stop, named: false });
        }
        return None;
    }
    // Forces moved, an attack fought off, a shipment stopped: one bit says whether to ask.
    if let Some(ev) = t.has(tokens::class::MOVES).then(|| moved(st, i)).flatten() {
        return Some(ev);
    }
    // "their vehicle hit a roadside bomb": struck by one (not "the storm hit the coast").
    let hit_bomb = t.is("hit")
        && st.get(i + 1).is_some_and(|a| a.is_any(&["a", "an"]))
        && st[i + 2..(i + 5).min(st.len())]
            .iter()
            .take_while(|x| x.kind == tokens::Kind::Word)
            .any(|x| x.is_any(&["bomb", "mine", "landmine", "IED"]));
    // "struck" is a strike where the striker bears arms or what is struck is a target
    // ("warplanes struck Hezbollah targets"), not "Lightning struck the church tower" or
    // "Raytheon struck a deal".
    // (An armed striker still needs a target or a place: "the army struck a deal" is none.)
    let struck = t.is_any(&["struck", "bombed"])
        && (weapon_subject(st, i)
            || struck_object(st, i + 1, armed_before(st, i)).is_some()
            || armed_before(st, i) && names_a_place(st, i + 1));
    if struck || hit_bomb {
        // The object, up to the first comma or clause word: "struck an ISIS camp in Syria".
        let stop = st[i + 1..]
            .iter()
            .position(|x| x.kind == tokens::Kind::Punct || x.is_any(&["killing", "which", "that", "and"]))
            .map_or(st.len(), |p| i + 1 + p);
        if stop > i + 1 && stop <= i + 8 {
            return Some(Event { kind: Kind::Strike, verb: i, end: stop, named: false });
        }
        return None;
    }
    if let Some(ev) = t.has(tokens::class::EVENT).then(|| weapon_struck(st, i)).flatten() {
        return Some(ev);
    }
    if t.text == "Operation" {
        return operation_joined(st, i);
    }
    if !t.is_any(CARRIED_OUT) {
        return None;
    }
    // Under way, said to be ("were conducting", "while carrying out"), not a kind of doing ("put
    // civilians at risk by conducting extremist operations", "joins in launching the operation").
    // And by the armed: "Amazon is launching operations", "the Lakers were mounting an offensive"
    // are not.
    if t.text.ends_with("ing")
        && !(i > 0
            && st[i - 1].is_any(&["was", "were", "is", "are", "been", "while", "when", "after"])
            && military_before(st, i))
    {
        return None;
    }
    let mut j = i + 1;
    if t.is_any(&["carried", "carrying"]) {
        if !st.get(j).is_some_and(|x| x.is("out")) {
            return None;
        }
        j += 1;
    }
    // Only strikes are called in ("called in an airstrike"; not "called in a favor", "called an
    // operation off").
    if t.is_any(&["called", "calling"]) {
        if !st.get(j).is_some_and(|x| x.is("in")) {
            return None;
        }
        j += 1;
        let strike = st[j..(j + 4).min(st.len())].iter().position(|w| w.is_any(STRIKE_NOUNS) || w.is("air"));
        return strike.and_then(|p| {
            let k = j + p;
            let end = if st[k].is("air") { k + 2 } else { k + 1 };
            (st[j..k].iter().all(|w| w.kind == tokens::Kind::Word && !w.is_any(PHRASE_END) && !w.is_any(AFTER_OBJECT))
                && (st[k].is_any(STRIKE_NOUNS) || st.get(k + 1).is_some_and(|x| x.is_any(&["strike", "strikes"]))))
            .then_some(Event { kind: Kind::Strike, verb: i, end, named: false })
        });
    }
    // A few words between: "a unilateral helicopter", "two precision" is a count, not this.
    for k in j..(j + 5).min(st.len()) {
        let w = &st[k];
        // "who conducted these operations" points back at ones already reported.
        if w.kind == tokens::Kind::Punct || w.kind == tokens::Kind::Number || w.is_any(&["these", "those", "such"]) {
            break;
        }
        // "Operation Inherent Resolve" mid-sentence is a name, not an operation carried out.
        let capitalised = w.text.starts_with(|c: char| c.is_ascii_uppercase());
        let air = w.is("air") && st.get(k + 1).is_some_and(|x| x.is_any(&["strike", "strikes"]));
        if w.is_any(STRIKE_NOUNS) || air {
            let end = if air { k + 2 } else { k + 1 };
            return Some(Event { kind: Kind::Strike, verb: i, end, named: false });
        }
        // Not "a charm offensive", "a rescue operation" by the words before the noun.
        if w.is_any(OPERATION_NOUNS) && !capitalised && !st[j..k].iter().any(|x| x.is_any(NOT_MILITARY_OPERATION)) {
            return Some(Event { kind: Kind::Operation, verb: i, end: k + 1, named: false });
        }
    }
    None
}

/// Words that say who takes part in an operation named after them: "troops involved in Operation
/// Lightening Freedom", "supporting Operation Atlantic Resolve", "as part of Operation Inherent
/// Resolve", "an ongoing operation referred to as Operation Warrior Sweep".
const JOINED: &[&[&str]] = &[
    &["supporting"],
    &["support", "of"],
    &["part", "of"],
    &["involved", "in"],
    &["participating", "in"],
    &["participated", "in"],
    &["took", "part", "in"],
    &["taking", "part", "in"],
    &["referred", "to", "as"],
    &["known", "as"],
    &["joined"],
];

/// An operation named by its name ("Operation" and capitalised words) where words before it say
/// forces take part in it ([`JOINED`]); not a name standing alone ("Operation Inherent Resolve
/// continues"), nor one naming a command ("Combined Joint Task Force – Operation Inherent
/// Resolve"). From the words of taking part to the end of the name.
fn operation_joined(st: &[Token], i: usize) -> Option<Event> {
    let from = JOINED.iter().find_map(|words| {
        let n = words.len();
        (i >= n && st[i - n..i].iter().zip(words.iter()).all(|(t, w)| t.is(w))).then(|| i - n)
    })?;
    // Forces take part ("troops involved in", "Marines supporting"), not a company or a volunteer
    // ("Pfizer took part in Operation Warp Speed", "joined Operation Smile").
    if !military_before(st, from) {
        return None;
    }
    let mut end = i + 1;
    while st.get(end).is_some_and(|w| w.kind == tokens::Kind::Word && w.is_capitalized()) {
        end += 1;
    }
    (end > i + 1).then_some(Event { kind: Kind::Operation, verb: from, end, named: true })
}

/// An event a word of class MOVES reports at `i`: "NATO will deploy additional forces to
/// Romania", "the Pentagon sent Marines to Haiti", "France withdrew its troops from Mali" (forces
/// moved, no count given: a count is a figure's, "deployed 1,500 troops"); "Somali forces
/// repelled an attack on their base" (a strike fought off); "the Navy intercepted a shipment of
/// Iranian weapons" (an operation that stopped something).
fn moved(st: &[Token], i: usize) -> Option<Event> {
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
const STAYED: &[&str] = &["remain", "remains", "remained", "stay", "stayed"];
const LEFT: &[&str] = &["leave", "leaves", "left", "departed", "depart"];
const RETURNED: &[&str] = &["returned", "return", "returns"];

/// Forces that moved, named before the verb: "The Marines arrived the night of Feb. 29", "JTF
/// 505 arrived in Nepal", "most foreign troops withdraw at the end of the month", "troops prepare
/// to withdraw", "the troops vacated Ba'adweyne", "reinforcements have been sent to the base",
/// "U.S. forces pulled out of Syria". The forces within four words before, past auxiliaries
/// only ("have been", "are due to", "prepare to"); the claim runs to the end of the place the
/// verb names ("arrived in Nepal").
fn forces_moved(st: &[Token], i: usize) -> Option<Event> {
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
const PLACES_TAKEN: &[&str] = &[
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
fn took_place(st: &[Token], i: usize) -> Option<usize> {
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
const UNIT_HEADS: &[&str] =
    &["Brigade", "Battalion", "Division", "Regiment", "Squadron", "Wing", "Fleet", "Corps", "Detachment"];

/// Head words a unit shares with companies and committees ("the Working Group", "Boston
/// Consulting Group"): a unit's only with a word of arms in its name ([`UNIT_WORDS`]).
const SHARED_HEADS: &[&str] = &["Group", "Force", "Forces", "Team", "Unit", "Contingent", "Battery"];

/// Words of arms in a unit's name: "Carrier Strike Group", "East Africa Response Force",
/// "Brigade Combat Team", "Marine Expeditionary Unit".
const UNIT_WORDS: &[&str] = &[
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
fn forces_named_before(st: &[Token], k: usize) -> bool {
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
const FOUGHT_OFF: &[&str] = &["repelled", "repulsed", "thwarted", "foiled"];

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
fn is_forces(t: &Token) -> bool {
    t.is_any(&["units", "reinforcements", "contingent", "battalion", "battalions", "brigade", "brigades"])
        || super::quantities::counted(t.text).is_some_and(|e| e.class == super::quantities::Class::Forces)
}

/// The words [`named_event`] starts from besides the nouns of strikes and operations: token class
/// EVENT (with [`STRIKE_NOUNS`] and [`OPERATION_NOUNS`]), so other words cost one bit test.
pub(crate) const EVENT_STARTS: &[&str] = &[
    "attack",
    "attacks",
    "condemn",
    "condemns",
    "condemned",
    "condemning",
    "in",
    "by",
    "during",
    "on",
    "came",
    "launched",
    "began",
    "started",
    // event_at's own (with ATTACKED and CARRIED_OUT, classed in tokens.rs), and weapon_struck's.
    "recaptured",
    "retook",
    "liberated",
    "bombed",
    "hit",
    "struck",
    "slammed",
    "fired",
    "opened",
    "detonated",
    "exploded",
    "blew",
];

/// Words that may follow the noun heading a phrase: prepositions and clause words.
const PHRASE_END: &[&str] =
    &["in", "on", "at", "near", "of", "with", "and", "which", "that", "who", "killing", "wounding", "from", "outside"];

/// Words before a strike or mission noun that make it another kind: a strike by workers or
/// prisoners, a mission of training.
const NOT_MILITARY: &[&str] = &["hunger", "general", "labor", "labour", "training", "trade", "diplomatic", "peace"];

/// Whether somebody is killed, hurt or taken in the clause around token `i` (between commas or
/// semicolons), and said to be, not that they could be: "the cleric died in an airstrike", not
/// "hostages could be killed in a rescue raid", nor "A detainee who died, in a hunger strike".
fn harmed_in_clause(st: &[Token], i: usize) -> bool {
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
const HARMS: &[(&str, Kind)] = &[
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
const HARMED_MODIFIERS: &[&str] = &[
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
const NOT_DONE: &[&str] = &[
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
const AVOIDED: &[&str] = &[
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
const MODALS: &[&str] = &["could", "would", "might", "may", "can", "will", "should", "must"];

/// Whether `w` is a plural noun of people: "civilians", "militants", "troops", "people". A
/// capitalised one mid-sentence is a name ("the Warriors", "The Pirates were killed by the
/// Cubs"), unless a name before it says whose ("U.S. Marines", "Islamic State Fighters").
pub(crate) fn people_plural(w: &Token) -> bool {
    let plural = w.text.ends_with('s') && !w.text.ends_with("ss")
        || w.text.ends_with("men")
        || w.is_any(&["people", "police", "personnel", "children"]);
    plural
        && super::quantities::counted(w.text)
            .is_some_and(|e| matches!(e.group, "forces" | "fighters" | "people" | "civilians"))
}

/// Whether the word at `k` can be a harm verb's subject: who or what acts ("troops", "militants",
/// "the raid", "Russia", "they", "which"), not a verb or a preposition before an adjective
/// ("evacuated wounded civilians", "to injured residents").
fn acts(st: &[Token], k: usize) -> bool {
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
const OPENERS: &[&str] = &[
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
const NOT_DESCRIBING: &[&str] = &[
    "were", "was", "is", "are", "be", "been", "have", "has", "had", "met", "said", "says", "say", "last", "next",
    "this", "year", "years", "week", "weeks", "month", "months", "day", "days", "ago", "who", "which", "that", "when",
    "where", "while", "after", "before", "then", "also", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by",
    "with", "from", "into", "near", "as",
];

/// Whether `w` may describe people harmed, between the verb and them: a name, a listed word, a
/// hyphenated word ("al-Qaeda", "off-duty"), or any other lowercase word but a verb, a time or a
/// function word ("aid workers", "rebel fighters", "displaced civilians").
fn describes(w: &Token) -> bool {
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
fn team(st: &[Token], from: usize, noun: usize) -> bool {
    let w = &st[noun];
    let opens = noun == 0 || st[noun - 1].kind == tokens::Kind::Punct;
    let named_before = st[from..noun].iter().any(|x| x.is_capitalized() && !x.is_any(OPENERS));
    let fighters = super::quantities::counted(w.text).is_some_and(|e| matches!(e.group, "fighters" | "forces"));
    w.is_capitalized() && fighters && !w.is_any(&["Marines", "Marine"]) && !opens && !named_before
}

/// What a camera takes is no capture: "CCTV captured the suspects fleeing", "captured on video".
const RECORDING: &[&str] = &[
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
fn harmed(st: &[Token], i: usize) -> Option<Event> {
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
const HARMED: &[&str] = &[
    "killed", "died", "dead", "death", "wounded", "injured", "captured", "detained", "killing", "wounding", "injuring",
];

/// A strike or an operation named by its noun rather than its verb: "died in an airstrike in
/// Mayadin", "killed during a raid", "wounded on a mission to clear a stronghold" (where somebody
/// was harmed in it), "The strike on Friday was conducted by MQ-9s", "precision strikes killed
/// about 150". `i` is where the words may begin; the event's `verb` is its first word.
fn named_event(st: &[Token], i: usize) -> Option<Event> {
    let noun_kind = |k: usize| {
        let w = &st[k];
        // Capitalised mid-sentence it is a name ("Carrier Strike Group", "Operation Inherent
        // Resolve"); at the start of a sentence or a quotation it is only capitalised.
        let starts = k == 0 || st[k - 1].kind == tokens::Kind::Punct && !st[k - 1].is_punct(',');
        if w.is_capitalized() && !starts {
            None
        } else if w.is_any(STRIKE_NOUNS) {
            Some(Kind::Strike)
        } else if w.is_any(OPERATION_NOUNS) {
            Some(Kind::Operation)
        } else {
            None
        }
    };
    // The noun at `k` heads its phrase: "in a raid in Kirkuk", "in an airstrike, officials
    // said"; not "in a raid shelter", where the next word is the head.
    let head = |k: usize| {
        st.get(k + 1).is_none_or(|n| {
            n.kind != tokens::Kind::Word
                || n.is_capitalized()
                || n.is_any(&[
                    "in",
                    "on",
                    "at",
                    "near",
                    "by",
                    "against",
                    "that",
                    "which",
                    "to",
                    "with",
                    "and",
                    "or",
                    "was",
                    "were",
                    "is",
                    "are",
                    "had",
                    "has",
                    "last",
                    "late",
                    "early",
                    "earlier",
                    "this",
                    "targeting",
                    "launched",
                    "conducted",
                    "carried",
                    // "in an operation northeast of Karmah", "during raids outside the city".
                    "north",
                    "south",
                    "east",
                    "west",
                    "northeast",
                    "northwest",
                    "southeast",
                    "southwest",
                    "outside",
                    "around",
                    "across",
                    "along",
                ])
        })
    };
    // The noun within three modifiers of `from` (a noun phrase is rarely longer before its head):
    // "a coalition strike", "an airstrike", "a partnered raid"; no number, punctuation or clause
    // word between, and no word that makes it another kind of strike or mission ("a hunger
    // strike", "a general strike", "a training mission").
    let noun_from = |from: usize| {
        (from..(from + 4).min(st.len()))
            .take_while(|&k| {
                let w = &st[k];
                w.kind == tokens::Kind::Word
                    && !w.is_any(&["of", "and", "or", "in", "on", "that", "which", "who"])
                    && !w.is_any(NOT_MILITARY)
            })
            .find_map(|k| noun_kind(k).map(|kind| (k, kind)))
            .filter(|&(k, _)| head(k))
    };
    let t = &st[i];
    if !t.has(tokens::class::EVENT) {
        return None;
    }
    // "strongly condemns the barbaric terrorist attacks yesterday in Damascus": an attack that
    // happened, condemned.
    // Only with a determiner that points at one: "condemns attacks on journalists" and "condemns
    // any attack on civilians" condemn a kind of act, not one that happened.
    if t.is_any(&["condemn", "condemns", "condemned", "condemning"]) {
        if !st.get(i + 1).is_some_and(|a| a.is_any(&["the", "this", "these", "that", "those", "today", "yesterday"])) {
            return None;
        }
        // "today's attack": the tokenizer gives the day and its "'s" apart.
        let from = if st.get(i + 2).is_some_and(|p| p.is("'s") || p.is("\u{2019}s")) { i + 3 } else { i + 2 };
        let k = (from..(from + 5).min(st.len()))
            .take_while(|&k| st[k].kind == tokens::Kind::Word && !st[k].is_any(&["of", "and", "or", "by", "in"]))
            .find(|&k| st[k].is_any(&["attack", "attacks", "bombing", "bombings", "strike", "strikes"]))?;
        return Some(Event { kind: Kind::Strike, verb: i + 1, end: k + 1, named: true });
    }
    // "came under small-arms fire", "came under attack", "were attacked at a checkpoint": an
    // attack on those the sentence is about.
    if t.is("came") && st.get(i + 1).is_some_and(|u| u.is("under")) {
        let k = (i + 2..(i + 5).min(st.len()))
            .take_while(|&k| st[k].kind == tokens::Kind::Word || st[k].is_punct('-'))
            .find(|&k| st[k].is_any(&["fire", "attack", "attacks"]))?;
        // Not "came under fire from lawmakers": fire of arms ("small-arms", "mortar", "heavy",
        // "enemy"), or an attack.
        let armed = st[i + 2..k].iter().any(|w| {
            w.is_any(&[
                "small-arms",
                "arms",
                "small",
                "mortar",
                "rocket",
                "artillery",
                "heavy",
                "enemy",
                "machine",
                "gun",
                "sniper",
                "indirect",
                "hostile",
                "insurgent",
                "militant",
            ])
        });
        return (armed || st[k].is_any(&["attack", "attacks"])).then_some(Event {
            kind: Kind::Strike,
            verb: i,
            end: k + 1,
            named: false,
        });
    }
    if t.is_any(ATTACKED) {
        return attacked(st, i);
    }
    // "Coalition forces launched “Operation Odyssey Dawn” today": an operation begun, by its
    // name (not "conducted Operation Inherent Resolve patrols", where the name is a modifier).
    if t.is_any(&["launched", "began", "started"]) {
        let mut k = i + 1;
        if st.get(k).is_some_and(|q| q.is_punct('\u{201C}') || q.is_punct('"')) {
            k += 1;
        }
        if st.get(k).is_none_or(|o| o.text != "Operation") {
            return None;
        }
        let mut e = k + 1;
        while st.get(e).is_some_and(|w| w.kind == tokens::Kind::Word && w.is_capitalized()) {
            e += 1;
        }
        if e == k + 1 {
            return None;
        }
        let closed = st.get(e).is_some_and(|q| q.is_punct('\u{201D}') || q.is_punct('"'));
        let after = if closed { e + 1 } else { e };
        let modifier = st.get(after).is_some_and(|w| {
            w.kind == tokens::Kind::Word
                && !w.is_capitalized()
                && !w.is_any(&[
                    "today",
                    "on",
                    "in",
                    "against",
                    "to",
                    "at",
                    "and",
                    "with",
                    "last",
                    "this",
                    "yesterday",
                    "early",
                    "late",
                ])
        });
        return (!modifier).then_some(Event { kind: Kind::Operation, verb: i, end: after, named: false });
    }
    // "in an airstrike", "during a raid", "on a mission": one, with somebody harmed in it. Or
    // several, with no article, in a sentence of arms: "U.S. forces killed two militants in raids
    // Friday" (not "Three workers were killed during operations at the mine", "during strikes at
    // the port").
    let article = st.get(i + 1).is_some_and(|a| a.is_any(&["a", "an"]));
    let plural = st.get(i + 1).is_some_and(|n| {
        n.is("airstrikes") || n.is_any(&["raids", "operations", "strikes", "clashes"]) && of_arms(st, false)
    });
    if t.is_any(&["in", "by", "during", "on"]) && (article || plural) {
        let (k, kind) = noun_from(if article { i + 2 } else { i + 1 })?;
        let on_ok = !t.is("on") || st[k].is_any(&["mission", "raid", "operation"]);
        // "U.S. forces participated in an Iraqi-led operation": taking part says it happened.
        let took_part = t.is("in")
            && i > 0
            && (st[i - 1].is_any(&["participated", "engaged", "involved", "assisted"])
                || st[i - 1].is("part") && i > 1 && st[i - 2].is_any(&["took", "taken", "take"]));
        return (on_ok && (took_part || harmed_in_clause(st, i))).then_some(Event {
            kind,
            verb: i + 1,
            end: k + 1,
            named: true,
        });
    }
    // "The strike on Friday was conducted by …", "precision strikes killed about 150": a strike
    // noun as the subject of a verb of doing or harming, within a few words.
    if i == 0 || st[i - 1].kind == tokens::Kind::Word {
        let attack = t.is_any(&["attack", "attacks"]);
        let kind = if attack { Kind::Strike } else { noun_kind(i)? };
        // "terrorist attacks carried out by Da'esh", "a raid conducted by U.S. forces".
        let by_whom = match st.get(i + 1) {
            Some(w) if w.is("carried") => st.get(i + 2).is_some_and(|x| x.is("out")).then_some(i + 3),
            Some(w) if w.is_any(&["conducted", "launched", "claimed", "perpetrated"]) => Some(i + 2),
            _ => None,
        };
        if let Some(b) = by_whom.filter(|&b| st.get(b).is_some_and(|x| x.is("by"))) {
            return Some(Event { kind, verb: i, end: b, named: true });
        }
        if attack {
            return None;
        }
        // The verb within five words ("The strike on Friday was conducted"), before any comma.
        let rest = &st[i + 1..(i + 6).min(st.len())];
        let stop = rest.iter().position(|w| w.kind == tokens::Kind::Punct && !w.is_punct('-')).unwrap_or(rest.len());
        let rest = &rest[..stop];
        let done = rest.windows(2).position(|w| {
            w[0].is_any(&["was", "were"]) && w[1].is_any(&["conducted", "carried", "launched", "executed"])
        });
        let first = if i > 0 && st[i - 1].is_any(&["the", "a", "an"]) { i - 1 } else { i };
        // "The 23-day transfer mission began on Jan. 21".
        if kind == Kind::Operation
            && st.get(i + 1).is_some_and(|w| w.is_any(&["began", "started", "ended", "concluded", "wrapped"]))
        {
            return Some(Event { kind, verb: first, end: i + 2, named: true });
        }
        if let Some(p) = done {
            return Some(Event { kind, verb: first, end: i + 1 + p + 2, named: true });
        }
        // ("Israeli strikes overnight killed 12": an adverb between.)
        let v =
            i + 1 + usize::from(st.get(i + 1).is_some_and(|w| w.is_any(&["overnight", "also", "reportedly", "later"])));
        if kind == Kind::Strike && st.get(v).is_some_and(|w| w.is_any(&["killed", "destroyed", "hit"])) {
            return Some(Event { kind, verb: first, end: v + 1, named: true });
        }
        // "A strike on April 23", "A second strike on April 25 killed …", "air strikes May 25": a
        // strike dated by the day after it.
        let dated = |k: usize| st.get(k).is_some_and(|d| d.has(tokens::class::DATE) && d.is_capitalized());
        let on = st.get(i + 1).is_some_and(|w| w.is("on"));
        // Not "went on strike Monday", "began a hunger strike on Monday".
        let labour = i > 0 && (st[i - 1].is_any(NOT_MILITARY) || st[i - 1].is("on"));
        if kind == Kind::Strike && !labour && (on && dated(i + 2) || dated(i + 1)) {
            let mut first = i;
            if first > 0 && st[first - 1].is("air") {
                first -= 1;
            }
            if first > 0
                && st[first - 1].is_any(&["first", "second", "third", "fourth", "fifth", "another", "final", "last"])
            {
                first -= 1;
            }
            if first > 0 && st[first - 1].is_any(&["the", "a", "an"]) {
                first -= 1;
            }
            return Some(Event { kind, verb: first, end: i + 1, named: true });
        }
    }
    None
}

/// Nouns of fighting between sides, which [`fighting_named`] reads as an operation.
const FIGHTING: &[&str] =
    &["fighting", "clashes", "battle", "battles", "gunbattle", "gunbattles", "firefight", "firefights", "skirmishes"];

/// Words that tell fighting of arms before its noun: "heavy fighting", "the latest clashes",
/// "the three-hour battle".
const FIGHTING_BEFORE: &[&str] = &[
    "the",
    "heavy",
    "fierce",
    "renewed",
    "intense",
    "latest",
    "sporadic",
    "deadly",
    "ethnic",
    "armed",
    "street",
    "bloody",
    "fresh",
    "overnight",
    "new",
    "sectarian",
    "violent",
    "border",
    "three-hour",
    "hours-long",
    "days-long",
];

/// Whether a sentence tells of arms ([`of_arms`], people killed or hurt included) or of an attack
/// or an operation by its noun: "a mosque was also destroyed during the operation", "Six of our
/// police officers were killed and a bridge was partially damaged".
pub(crate) fn told_in_arms(st: &[Token]) -> bool {
    of_arms(st, true)
        || st.iter().any(|w| {
            w.is_any(ATTACK_NOUNS)
                || w.is_any(OPERATION_NOUNS)
                || w.is_any(&["blast", "explosion", "fighting", "clashes"])
        })
}

/// Whether the words are of arms: forces, fighters or weapons written as common nouns ("troops",
/// "militants", "rebels", "rockets"), or an armed group by name; with `or_harm`, people killed or
/// hurt too. (Team names are capitalised: "the Jets", "the Bombers", "Rangers and Celtic fans"
/// are no arms.)
fn of_arms(st: &[Token], or_harm: bool) -> bool {
    st.iter().enumerate().any(|(k, w)| {
        let common = !w.is_capitalized() || k == 0 || st[k - 1].kind == tokens::Kind::Punct;
        let harm = || {
            w.is_any(&[
                "killed",
                "killing",
                "dead",
                "died",
                "wounded",
                "injured",
                "casualties",
                "deaths",
                "deadly",
                "sectarian",
                "ethnic",
                "tribal",
            ])
        };
        common
            && (is_forces(w)
                || w.is_any(ARMED)
                || w.is_any(WEAPONS)
                || super::quantities::counted(w.text).is_some_and(|e| matches!(e.group, "forces" | "fighters"))
                || w.is_any(&["armed", "gun", "shelling", "airstrikes", "artillery"])
                || or_harm && harm())
            || w.is_any(&["Taliban", "Hamas", "Hezbollah", "ISIS", "ISIL", "Houthis", "al-Shabab", "al-Shabaab"])
    })
}

/// Fighting the text reports by its noun: "Heavy fighting erupted in Mogadishu", "Clashes between
/// ethnic Albanians and Serbs were reported", "the three-hour battle took place Thursday", "Gun
/// battles on the streets of Gaza", "As fighting continued, aid workers fled". An operation, in a
/// sentence of arms ([`of_arms`]): not "Clashes between the CEO and the board", "Fighting broke
/// out among players", "The battle between the Patriots and the Jets". Not a participle
/// ("fighting ISIS", "forces fighting in the cave": the phrase opens at a determiner, a word of
/// [`FIGHTING_BEFORE`], a joining word or the clause's start, and "fighting" takes no object), not
/// a battle of words ("a legal battle", "the battle over the budget"), and not "the fighting"
/// pointing back at fighting told already.
fn fighting_named(st: &[Token], i: usize) -> Option<Event> {
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
const ATTACK_NOUNS: &[&str] = &[
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
const ATTACKED_WHAT: &[&str] = &[
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
const GUARDED: &[&str] = &["post", "posts", "station", "stations", "unit", "units", "building", "headquarters"];

/// Words that make a [`GUARDED`] noun a guarded post, or a subject armed ([`armed_before`]).
const OF_ARMS: &[&str] =
    &["army", "police", "military", "paramilitary", "militia", "border", "security", "naval", "air", "government"];

/// Whether `w`, at `k`, names what an armed attack strikes: forces, fighters or a target the
/// lexicon counts ("the base", "a convoy", "troops"), a post or camp ([`ATTACKED_WHAT`]), or a
/// [`GUARDED`] one with a word of arms before it. Not people in general ("the dog attacked a
/// child"): they are struck only by the armed ([`armed_before`]).
fn struck_thing_at(st: &[Token], k: usize) -> bool {
    let w = &st[k];
    if w.is_any(GUARDED) {
        return k > 0 && st[k - 1].is_any(OF_ARMS);
    }
    super::quantities::counted(w.text).is_some_and(|e| matches!(e.group, "forces" | "fighters" | "target"))
        || w.is_any(ATTACKED_WHAT)
}

/// Whether `w` names people, whom only the armed strike ("gunmen attacked civilians").
fn people(w: &Token) -> bool {
    super::quantities::counted(w.text).is_some_and(|e| matches!(e.group, "people" | "civilians"))
}

/// Who bears arms, as a subject: forces and fighters the lexicon counts ("militants", "troops"),
/// weapons and the craft that carry them ("jets", "drones", "artillery").
const ARMED: &[&str] = &[
    "gunmen",
    "gunman",
    "attackers",
    "assailants",
    "jets",
    "warplanes",
    "aircraft",
    "helicopters",
    "helicopter",
    "drones",
    "drone",
    "bombers",
    "artillery",
    "army",
    "navy",
    "military",
    "police",
    "snipers",
    "sniper",
    "separatists",
    "militia",
    "militias",
    "paramilitaries",
];

/// Whether the verb at `i` has an armed subject: within five words before it in its clause, a
/// word of [`ARMED`] or one the lexicon counts as forces or fighters ("Russian forces shelled",
/// "gunmen opened fire", "Israeli jets pounded").
fn armed_before(st: &[Token], i: usize) -> bool {
    st[i.saturating_sub(5)..i]
        .iter()
        .rev()
        .take_while(|w| (w.kind != tokens::Kind::Punct || w.is_punct('-')) && !w.is_any(&["and", "but", "while"]))
        .any(|w| {
            w.is_any(ARMED)
                || super::quantities::counted(w.text).is_some_and(|e| matches!(e.group, "forces" | "fighters"))
        })
}

/// Whether the sentence before `i` speaks of the armed: forces, fighters, arms, a patrol or a
/// mission ("his patrol while conducting dismounted operations", "the battle group … supporting
/// Operation Atlantic Resolve"), as a company, a team or a volunteer does not.
fn military_before(st: &[Token], i: usize) -> bool {
    st[..i].iter().any(|w| {
        is_forces(w) || w.is_any(ARMED) || w.is_any(&["patrol", "patrols", "mission", "missions"]) || w.is_any(OF_ARMS)
    })
}

/// Words that frame an attack as a crime charged or seen, not a strike reported: "charged with
/// attacking a police officer", "suspected of attacking", "filmed attacking police" (with "of",
/// "with" or "for" after them but "filmed": "suspected militants attacked" is a strike).
const CRIME_FRAME: &[&str] =
    &["charged", "accused", "convicted", "suspected", "guilty", "filmed", "jailed", "sentenced"];

/// The object phrase of a verb at `from`: its words up to a preposition, a clause word or
/// punctuation, at most seven ("the Ethiopian and Somali troops", "an army barracks", "Israeli
/// army positions"); returns the end of the phrase.
fn object_phrase(st: &[Token], from: usize) -> usize {
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
fn struck_object(st: &[Token], from: usize, armed: bool) -> Option<usize> {
    let end = object_phrase(st, from);
    let k = end.checked_sub(1).filter(|&k| k >= from)?;
    (struck_thing_at(st, k) || armed && (people(&st[k]) || st[k].is_any(SETTLED))).then_some(k)
}

/// Where people live, which only the armed attack: "gunmen attacked a village in Borno",
/// "militants attacked the town of Baga" (not "critics attacked the town's budget").
const SETTLED: &[&str] =
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
fn attacked(st: &[Token], i: usize) -> Option<Event> {
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
fn names_a_place(st: &[Token], k: usize) -> bool {
    let k = k + usize::from(st.get(k).is_some_and(|w| w.is("the")));
    st.get(k).is_some_and(|w| w.kind == tokens::Kind::Word && w.is_capitalized() && !names_a_day(w))
}

/// Weapons that strike by themselves: "rockets hit the base", "mortar shells hit the town", "a
/// bomb exploded near their tank".
const WEAPONS: &[&str] = &[
    "rocket",
    "rockets",
    "mortar",
    "mortars",
    "shell",
    "shells",
    "missile",
    "missiles",
    "grenade",
    "grenades",
    "bomb",
    "bombs",
    "projectile",
    "projectiles",
    "VBIED",
    "VBIEDs",
    "IED",
    "IEDs",
    "explosives",
    "landmine",
    "landmines",
];

/// Weapons only with a word that makes them one before them: "a roadside device", "an explosive
/// device", "a suicide vest", "a land mine", "a kamikaze drone" (not "Apple's new device", "the
/// copper mine", "the new drone").
const WEAPONS_QUALIFIED: &[&str] =
    &["device", "devices", "mine", "mines", "vest", "vests", "drone", "drones", "vehicle", "car", "truck"];

/// The words that make a [`WEAPONS_QUALIFIED`] noun a weapon.
const WEAPON_WORDS: &[&str] = &[
    "roadside",
    "explosive",
    "improvised",
    "suicide",
    "land",
    "anti-tank",
    "anti-personnel",
    "booby-trapped",
    "kamikaze",
    "attack",
    "armed",
    "bomb-laden",
    "explosives-laden",
    "car",
    "truck",
];

/// Whether the word before the verb at `i` is a weapon, the head of its subject: "mortar shells
/// hit", "a roadside bomb exploded", "an explosive device detonated" (not "Shell shares hit",
/// "the bomb cyclone hit", "the copper mine hit a record").
fn weapon_subject(st: &[Token], i: usize) -> bool {
    let Some(h) = subject_head(st, i) else { return false };
    let w = &st[h];
    w.is_any(WEAPONS)
        || w.is_any(&["bomber", "bombers"])
        || w.is_any(WEAPONS_QUALIFIED) && st[h.saturating_sub(3)..h].iter().any(|q| q.is_any(WEAPON_WORDS))
}

/// The word before the verb at `i`, past auxiliaries and a relative word: "a bomber has
/// detonated", "an improvised explosive device that detonated", "bombs were detonated".
fn subject_head(st: &[Token], i: usize) -> Option<usize> {
    let mut h = i;
    while h > 0 && i - h < 2 && st[h - 1].is_any(&["has", "have", "had", "that", "which", "was", "were"]) {
        h -= 1;
    }
    h.checked_sub(1)
}

/// Rockets and missiles, which fly before they strike.
const FLYING: &[&str] = &["rocket", "rockets", "missile", "missiles"];

/// A strike a weapon or a bomber makes, by its verb: "rockets hit the Basmaya base", "a bomb
/// exploded near their tank", "a suicide bomber detonated his vehicle", "militants detonated a
/// car bomb", "bombs were detonated", "blew himself up", "the militants fired rockets at the
/// convoy", "gunmen opened fire". Not "the storm hit the coast", "Shell shares hit a record", "the
/// SpaceX rocket exploded minutes after liftoff", "critics opened fire on the budget", "the
/// striker fired at goal", "the deal blew up", nor a controlled detonation.
fn weapon_struck(st: &[Token], i: usize) -> Option<Event> {
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
fn pointed_at(st: &[Token], i: usize) -> Option<usize> {
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
        "shark",
        "dog",
        "bear",
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
        "called",
        "calls",
        "calling",
    ];
    let first = (i.saturating_sub(4)..i).rev().find(|&k| st[k].is_any(POINTING))?;
    let between = &st[first + 1..i];
    // The words between describe it ("suicide", "December 28", "deadly"): no clause, no verb.
    // ("those calling for attacks", "the group comes under attack", "the surge in attacks" are
    // not one attack: a preposition or a verb's "-ing" between says so.)
    let describes = |w: &Token| {
        (w.kind == tokens::Kind::Word || w.kind == tokens::Kind::Number || w.is_punct('-'))
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
    if !between.iter().all(describes) || st[first.saturating_sub(3)..first].iter().any(|w| w.is_any(NOT_YET)) {
        return None;
    }
    // "Sunday's attack": from the day, not its "'s"; only a day's possessive points at one event
    // ("last year's operations" are a year's, and "the senator's attack" is a word's).
    if st[first].is_any(&["'s", "\u{2019}s"]) {
        let day = first > 0
            && (st[first - 1].has(tokens::class::DATE) && st[first - 1].is_capitalized()
                || st[first - 1].is_any(&["yesterday", "today", "tonight"]));
        return day.then(|| first - 1);
    }
    Some(first)
}

/// What an attack "on" may be that no weapon strikes: "an attack on press freedom", "on our
/// democracy", "on the bill".
const FIGURATIVE: &[&str] = &[
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
fn attack_named(st: &[Token], i: usize) -> Option<Event> {
    let first = pointed_at(st, i)?;
    // "a bomb blast", "the car bomb explosion": a blast is an attack only with a bomb before it
    // (not "a gas explosion", "a blast from the past").
    let blast = st[i].is_any(&["blast", "blasts", "explosion", "explosions"]);
    if blast && !st[first..i].iter().any(|w| w.is_any(&["bomb", "bombs", "IED", "IEDs", "roadside", "suicide"])) {
        return None;
    }
    // What goes on after the noun, past a day told after it: "an attack today on an outpost",
    // "the ISIL attack this morning at a market", "The attack Thursday took place near Hacari".
    let after = after_day(st, i + 1);
    let next = st.get(after)?;
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
        && st.get(i + 2).is_some_and(|v| v.is_any(&["killed", "wounded", "injured", "destroyed", "targeted"]));
    // "A suicide bombing in eastern Afghanistan killed five people", "a bomb blast near a funeral
    // tent in the capital killed 10": what it did, after where it was.
    let placed = next.is_any(&["on", "against", "at", "near", "in", "inside", "outside"]);
    let did_there = placed
        && st[after + 1..(after + 9).min(st.len())]
            .iter()
            .take_while(|w| {
                (w.kind == tokens::Kind::Word || w.kind == tokens::Kind::Number)
                    && !w.is_any(&["and", "which", "that", "who", "where", "when", "was", "were", "is", "are"])
            })
            .any(|w| w.is_any(&["killed", "wounded", "injured", "destroyed"]));
    let did = did || perfect || did_there;
    let harmed = perfect
        || did_there
        || next.is_any(&["killed", "wounded", "injured", "destroyed", "targeted", "struck", "hit"]);
    let placed = placed || next.is("by");
    let target = if st[i].is_any(&["attack", "attacks"]) {
        // The object, past a determiner or possessive: "on our democracy", "on the base".
        let object = |k: usize| {
            let k = if st.get(k).is_some_and(|w| w.is_any(&["the", "our", "his", "her", "their", "my", "your", "its"]))
            {
                k + 1
            } else {
                k
            };
            st.get(k).is_some_and(|o| o.kind == tokens::Kind::Word && !o.is_any(FIGURATIVE))
        };
        placed && object(after + 1)
    } else {
        // The other nouns have more senses ("an assault on inflation", "the film's bombing at the
        // box office", "the ambush by reporters", "a strike at the plant"): what they struck is
        // a target, or who made them bears arms.
        let by_armed = next.is("by") && armed_before(st, object_phrase(st, after + 1));
        // Only arms make an airstrike or shelling; any of them "in Gereida", "near Mosul" (a
        // place by name) is one.
        let arms_only = st[i].is_any(&["airstrike", "airstrikes", "shelling", "bombardment"]);
        let in_place = next.is_any(&["in", "near"]) && st.get(after + 1).is_some_and(|w| w.is_capitalized());
        placed && !next.is("by") && (arms_only || in_place || struck_object(st, after + 1, false).is_some()) || by_armed
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
    // "The attacks on journalists are rising": attacks in general, unless dated or doing.
    let dated = st[first..i].iter().any(names_a_day) || after > i + 1;
    let general = st[i].text.ends_with('s') && st[first].is_any(&["the", "these", "those"]) && !dated && !did;
    // One attack with its day ("an August 29 attack", "Monday's ambush", "the attack
    // Thursday"), or a bomb's blast: it happened, whatever follows. (Not a strike: a worker's
    // may have a day too.)
    let happened = !st[i].text.ends_with('s') && dated && !st[i].is_any(&["strike"]) || blast;
    ((target || did || happened) && !general).then_some(Event {
        kind: Kind::Strike,
        verb: first,
        end: i + 1,
        named: true,
    })
}

/// Past a day told right after an event's noun, from `k`: "today", "Thursday", "this morning",
/// "last night", "early Sunday", "on Monday" (not "on the base"). Where the words after it begin.
fn after_day(st: &[Token], k: usize) -> usize {
    // A weekday's name, not a month's ("the attack May have…" is no day).
    const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    let day = |t: &Token| t.is_capitalized() && t.is_any(DAYS) || t.is_any(&["today", "yesterday", "tonight"]);
    let part = |t: &Token| t.is_any(&["morning", "afternoon", "evening", "night", "week", "weekend"]);
    match st.get(k) {
        Some(t) if day(t) => k + 1,
        Some(t) if t.is_any(&["this", "last"]) && st.get(k + 1).is_some_and(part) => k + 2,
        Some(t) if t.is_any(&["early", "late", "on"]) && st.get(k + 1).is_some_and(day) => k + 2,
        _ => k,
    }
}

/// A month's or a day's name ("June", "Monday"), which dates the event it stands before; not a
/// capitalised "The" or "This", though they may start a date too.
fn names_a_day(t: &Token) -> bool {
    t.has(tokens::class::DATE) && t.is_capitalized() && !t.is_any(&["the", "this", "that", "last", "next", "a", "an"])
}

/// Words that make an operation not a military one: a surgeon's, a business's, a charm offensive.
const NOT_MILITARY_OPERATION: &[&str] = &[
    "surgical",
    "surgery",
    "knee",
    "hip",
    "heart",
    "eye",
    "cosmetic",
    "charm",
    "diplomatic",
    "media",
    "legal",
    "publicity",
    "rescue",
    "relief",
    "humanitarian",
    "cleanup",
    "dawn",
    "business",
    "underwent",
    "undergo",
    "undergoing",
    "recovering",
    "sting",
    "corruption",
];

/// "a May 19 operation", "During an operation in a rural area", "an offensive against
/// al-Shabaab": one operation the text points at, by a determiner (or its date: "June 19
/// operations killed") before it and where or against whom after it, or its date. Not a name
/// ("Operation Inherent Resolve": capitalised mid-sentence); not one referred back to ("the
/// raid", "its operations") unless dated there ("the June 19 raid"); not a noun that is not the
/// head ("the June 19 operations center"); not a surgeon's or a business's.
fn operation_named(st: &[Token], i: usize) -> Option<Event> {
    let noun = &st[i];
    if noun.is_capitalized() && i > 0 && st[i - 1].kind != tokens::Kind::Punct {
        return None;
    }
    let dated = |k: usize| st.get(k).is_some_and(names_a_day);
    let next = st.get(i + 1);
    let placed = next.is_some_and(|n| n.is_any(&["in", "against", "near", "on", "targeting", "along", "alongside"]))
        && st.get(i + 2).is_some_and(|o| o.kind == tokens::Kind::Word && !o.is_any(NOT_MILITARY_OPERATION));
    let did = next.is_some_and(|n| {
        n.is_any(&["killed", "captured", "detained", "resulted", "netted", "led", "targeted", "began"])
    });
    // "June 19 operations killed": the date points at them (not "On June 19 operations at the
    // port resumed", where the date is the sentence's).
    let by_date = || {
        let adverbial = i >= 3 && st[i - 3].is_any(&["on", "by", "since", "until", "from", "after", "before", "in"]);
        (i >= 2 && dated(i - 2) && st[i - 1].kind == tokens::Kind::Number && !adverbial && (placed || did))
            .then(|| i - 2)
    };
    let first = pointed_at(st, i).or_else(by_date)?;
    // The noun heads its phrase: not "the June 19 operations center".
    let heads = next.is_none_or(|n| {
        n.kind != tokens::Kind::Word || placed || did || n.is_any(&["yesterday", "today", "overnight"]) || dated(i + 1)
    });
    let when =
        (first..i).any(dated) || dated(i + 1) || next.is_some_and(|n| n.is_any(&["yesterday", "today", "overnight"]));
    let back = st[first].is_any(&["the", "this", "these", "those", "its", "their", "his", "her", "our"]);
    let other_sense = st[first.saturating_sub(2)..i].iter().any(|w| w.is_any(NOT_MILITARY_OPERATION));
    if !heads || other_sense || back && !(first..i).any(dated) {
        return None;
    }
    (placed || when || did).then_some(Event { kind: Kind::Operation, verb: first, end: i + 1, named: true })
}

/// Verbs of a turning point: something begun, ended, completed, founded or defeated.
pub const TURNING: &[&str] = &[
    "began",
    "begin",
    "begins",
    "started",
    "start",
    "starts",
    "ended",
    "end",
    "ends",
    "completed",
    "complete",
    "concluded",
    "conclude",
    "established",
    "founded",
    "formed",
    "defeated",
    "withdrew",
    "withdraw",
    "expire",
    "expires",
    "expired",
    "declared",
    "erupted",
    "assumed",
    "resumed",
    "ceased",
    "collapsed",
];

/// A turning point a sentence dates: "is scheduled to end in September 2025", "which was
/// territorially defeated in 2019", "it began in 1984", "Established by CENTCOM in 2014". The
/// verb, with the date after it in its clause (within ten words: "is not expected to be
/// completed until January"); `dates` are the sentence's date mentions as (first token, end).
/// Returns (verb, end of the date).
pub fn milestone(st: &[Token], dates: &[(usize, usize)]) -> Option<(usize, usize)> {
    // A milestone is dated: most sentences have no date and need no look for a turning verb.
    let last = dates.iter().map(|d| d.0).max()?;
    let v = st[..last].iter().position(|t| {
        t.has(tokens::class::TURNING) && (!t.is_capitalized() || t.is("Established") || t.is("Founded"))
    })?;
    let (_, end) = dates
        .iter()
        .copied()
        .find(|&(d, _)| d > v && d <= v + 10 && !st[v + 1..d].iter().any(|t| t.is_punct(',') || t.is_punct(';')))?;
    Some((v, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A strike or an operation reported done without a count, and what only looks like one.
    #[test]
    fn events_without_a_count_are_read_from_a_past_action_verb() {
        fn read(s: &str) -> Option<(Kind, &str)> {
            let toks = tokens::tokenize(s);
            events(&toks).into_iter().next().map(|e| (e.kind, &s[toks[e.verb].start..toks[e.end - 1].end]))
        }
        let cases = [
            (
                "F-16s and F-15s carried out airstrikes against ISIS fighters.",
                Some((Kind::Strike, "carried out airstrikes")),
            ),
            (
                "U.S. forces conducted a partnered raid in eastern Syria.",
                Some((Kind::Operation, "conducted a partnered raid")),
            ),
            ("The command launched an air strike near Raqqa.", Some((Kind::Strike, "launched an air strike"))),
            (
                "Coalition aircraft struck an ISIS camp in Syria, officials said.",
                Some((Kind::Strike, "struck an ISIS camp in Syria")),
            ),
            ("the men and women who conducted these operations", None),
            // Forces moved, with no count (a count is a figure's).
            ("NATO will deploy additional forces to Romania.", Some((Kind::Troops, "deploy additional forces"))),
            ("The Pentagon sent Marines to Haiti.", Some((Kind::Troops, "sent Marines"))),
            ("France withdrew its troops from Mali.", Some((Kind::Troops, "withdrew its troops"))),
            ("He sent a letter to the troops.", None),
            ("He sent a letter to troops.", None),
            ("Kenyan troops repelled an attack on their base.", Some((Kind::Strike, "repelled an attack"))),
            (
                "The Navy intercepted a shipment of Iranian weapons bound for Yemen.",
                Some((Kind::Operation, "intercepted a shipment of Iranian weapons bound for Yemen")),
            ),
            (
                "Somali troops recaptured Awdhegle from al-Shabab on August 6.",
                Some((Kind::Operation, "recaptured Awdhegle from al-Shabab on August 6")),
            ),
            (
                "Troops launched a counterattack and retook the base.",
                Some((Kind::Operation, "launched a counterattack")),
            ),
            ("Yemen's army launched an offensive earlier this year.", Some((Kind::Operation, "launched an offensive"))),
            ("Forces conducted Operation Inherent Resolve patrols.", None),
            (
                "Coalition forces launched “Operation Odyssey Dawn” today.",
                Some((Kind::Operation, "launched “Operation Odyssey Dawn”")),
            ),
            ("The coalition launched Operation Inherent Resolve patrols.", None),
            ("A second strike on April 25 killed two.", Some((Kind::Strike, "A second strike"))),
            ("These include air strikes May 25.", Some((Kind::Strike, "air strikes"))),
            (
                "The patrol came under small-arms fire from militants.",
                Some((Kind::Strike, "came under small-arms fire")),
            ),
            ("Afghan police were attacked at a checkpoint.", Some((Kind::Strike, "attacked"))),
            ("The strike on the convoy was planned.", None),
            ("Dock workers went on strike Monday over pay.", None),
            ("Detainees began a hunger strike on Monday.", None),
            ("The minister came under fire from lawmakers.", None),
            ("The proposal was attacked by Democrats.", None),
            ("The base was attacked on Sunday.", Some((Kind::Strike, "attacked"))),
            ("Militants attacked the base on Sunday.", Some((Kind::Strike, "attacked the base"))),
            ("Their vehicle hit a roadside bomb in Kunar.", Some((Kind::Strike, "hit a roadside bomb in Kunar"))),
            ("The storm hit the coast.", None),
            ("Critics attacked the proposal.", None),
            ("Critics attacked the base closure plan on Monday.", None),
            ("The town was hit hard when the mine closed.", None),
            ("The U.S. will conduct a strike next week.", None),
            ("The SDF conducted 38 operations.", None),
            ("The talks were conducted in good faith.", None),
            ("The cleric died in an airstrike in Mayadin.", Some((Kind::Strike, "an airstrike"))),
            (
                "The strike on Friday was conducted by MQ-9s.",
                Some((Kind::Strike, "The strike on Friday was conducted")),
            ),
            ("Precision strikes killed about 150 fighters.", Some((Kind::Strike, "strikes killed"))),
            ("The U.S. condemns the terrorist attacks in Kabul.", Some((Kind::Strike, "the terrorist attacks"))),
            ("Forces participated in an Iraqi-led operation.", Some((Kind::Operation, "an Iraqi-led operation"))),
            ("He spoke in a briefing about an airstrike.", None),
            ("Officials met in a raid shelter.", None),
            ("A detainee who died during a hunger strike was buried.", None),
            ("Four soldiers died in a helicopter crash during a training mission.", None),
            ("Two protesters were killed in a general strike in Basra.", None),
            ("Hostages could be killed in a rescue raid, officials warned.", None),
            ("The U.S. condemns attacks on journalists.", None),
            ("The U.S. condemns any attack on civilians.", None),
            ("Two were killed in a raid shelter.", None),
            ("The Carrier Strike Group was deployed.", None),
            ("Airstrikes killed 30 fighters.", Some((Kind::Strike, "Airstrikes killed"))),
            ("A soldier was killed during a raid in Kirkuk.", Some((Kind::Operation, "a raid"))),
            ("He was wounded on a mission to clear a village.", Some((Kind::Operation, "a mission"))),
            ("Terrorist attacks carried out by Da'esh hit Baghdad.", Some((Kind::Strike, "attacks carried out"))),
            ("The 23-day transfer mission began on Jan. 21.", Some((Kind::Operation, "mission began"))),
            // One attack the text points at, by what it struck, who made it or what it did.
            ("Kenya condemned an attack by al-Shabaab terrorists.", Some((Kind::Strike, "an attack"))),
            (
                "The December 28 attack against civilians shocked the city.",
                Some((Kind::Strike, "The December 28 attack")),
            ),
            ("Sunday's attack killed five.", Some((Kind::Strike, "Sunday's attack"))),
            ("Officials said an attack on the embassy wounded two.", Some((Kind::Strike, "an attack"))),
            // A sentence's other event comes first; an attack of another sense, none.
            (
                "The attack came after U.S. forces conducted a raid in Yemen.",
                Some((Kind::Operation, "conducted a raid")),
            ),
            ("He died of a heart attack in Kabul.", None),
            // Past a day told after the noun, and what it did after where it was; one attack
            // with its day, a bomb's blast; not a blast of another kind.
            ("Officials said an attack today on an outpost killed two.", Some((Kind::Strike, "an attack"))),
            ("The attack Thursday took place near Hacari.", Some((Kind::Strike, "The attack"))),
            ("A suicide bombing in eastern Afghanistan killed five people.", Some((Kind::Strike, "A suicide bombing"))),
            ("Police blamed the group for an August 29 attack.", Some((Kind::Strike, "an August 29 attack"))),
            ("Witnesses heard a car bomb blast.", Some((Kind::Strike, "a car bomb blast"))),
            ("A gas explosion in the kitchen killed two.", None),
            ("The attack May have been planned.", None),
            ("Critics called it an attack on press freedom.", None),
            ("The group comes under attack from rivals.", None),
            ("Police worked to prevent an attack on the stadium.", None),
            ("Attacks on journalists are rising.", None),
            // One operation the text points at, by its date or where and against whom; not one
            // referred back to, not a name.
            ("Forces killed five militants in a May 19 operation.", Some((Kind::Operation, "a May 19 operation"))),
            ("June 19 operations netted 12 detainees.", Some((Kind::Operation, "June 19 operations"))),
            ("An offensive against the militants is under way.", Some((Kind::Operation, "An offensive"))),
            ("The operation was planned after a tip.", None),
            ("The operations against ISIS come amid concerns.", None),
            ("Operation Inherent Resolve continues in Iraq.", None),
            // Regressions from review: threatened, planned, figurative, generic, other senses.
            ("Officials warned of an attack on the capital.", None),
            ("Israel is preparing for an offensive in Rafah.", None),
            ("Police prevented the attack on the stadium.", None),
            ("Analysts see an imminent attack on Kyiv.", None),
            ("It was an attack on our democracy.", None),
            ("The senator's attack on the bill failed.", None),
            ("A ransomware attack on the hospital hit records.", None),
            ("The attacks on journalists are rising.", None),
            ("He underwent an operation on his knee.", None),
            ("The company suspended its operations in Iraq.", None),
            ("She led a charm offensive in Washington.", None),
            ("On June 19 operations at the port resumed.", None),
            ("Staff met in the June 19 operations center.", None),
            ("Last year's operations in Syria cost more.", None),
            ("A new attack on Kyiv killed five.", Some((Kind::Strike, "A new attack"))),
            (
                "Forces killed 12 in a special operations raid in Syria.",
                Some((Kind::Operation, "a special operations raid")),
            ),
            // Operations under way, and ones named where forces take part in them.
            (
                "American forces were conducting an advise-and-assist mission near Barii.",
                Some((Kind::Operation, "conducting an advise-and-assist mission")),
            ),
            ("They put civilians at risk by conducting extremist operations.", None),
            (
                "Troops involved in Operation Lightening Freedom seized caches.",
                Some((Kind::Operation, "involved in Operation Lightening Freedom")),
            ),
            ("Operation Inherent Resolve continues in Iraq and Syria.", None),
            // Armed attacks by their verbs, on who or what can be attacked.
            ("Gunmen stormed the army post in Nassoumbou.", Some((Kind::Strike, "stormed the army post"))),
            (
                "Hezbollah attacked Israeli army positions along the border.",
                Some((Kind::Strike, "attacked Israeli army positions")),
            ),
            ("An armed group ambushed a police unit Sunday.", Some((Kind::Strike, "ambushed a police unit"))),
            (
                "Troops pounded militant hideouts in North Waziristan.",
                Some((Kind::Strike, "pounded militant hideouts")),
            ),
            ("The convoy was attacked near Gao.", Some((Kind::Strike, "attacked"))),
            // Where people live, attacked by the armed; a target struck "itself"; the armed
            // destroying a target.
            ("Gunmen attacked a village in Borno state.", Some((Kind::Strike, "attacked a village"))),
            ("Critics attacked the town's budget.", None),
            (
                "U.S. forces struck the headquarters compound itself.",
                Some((Kind::Strike, "struck the headquarters compound itself")),
            ),
            (
                "Coalition forces destroyed the vehicles carrying machine guns.",
                Some((Kind::Strike, "destroyed the vehicles")),
            ),
            ("The fire destroyed the vehicles.", None),
            ("The vehicles were destroyed by coalition forces.", None),
            ("The senator attacked the proposal on Monday.", None),
            ("The proposal was attacked by Democrats.", None),
            ("He stormed out of the room.", None),
            ("The shelling of Aleppo went on.", None),
            ("Forces killed two attacking al-Shabaab terrorists.", None),
            // Weapons and bombers strike by themselves.
            ("The rockets hit the Basmaya base.", Some((Kind::Strike, "hit the Basmaya base"))),
            ("A roadside bomb exploded as the patrol passed.", Some((Kind::Strike, "exploded"))),
            ("A suicide bomber detonated his vehicle at the gate.", Some((Kind::Strike, "detonated his vehicle"))),
            ("Militants detonated a car bomb at the base.", Some((Kind::Strike, "detonated a car bomb"))),
            ("The bomber blew himself up in the market.", Some((Kind::Strike, "blew himself up"))),
            ("The militants fired rockets at the convoy.", Some((Kind::Strike, "fired rockets at the convoy"))),
            ("Al-Shabab fighters opened fire on the bus.", Some((Kind::Strike, "opened fire"))),
            ("The storm hit the coast on Monday.", None),
            ("The coach was fired on Monday.", None),
            ("The company fired its chief at the meeting.", None),
            ("Engineers detonated nothing.", None),
            // Attacks the text points at by other nouns; a strike is a soldier's by a word of arms.
            ("Five died in the Monday ambush near Gao.", Some((Kind::Strike, "the Monday ambush"))),
            ("Militia forces launched an assault on Benghazi airport.", Some((Kind::Strike, "an assault"))),
            ("A suicide bombing on a bus in Jerusalem shocked Israel.", Some((Kind::Strike, "A suicide bombing"))),
            ("A drone strike on the convoy was reported.", Some((Kind::Strike, "A drone strike"))),
            ("Workers began a strike in the auto industry.", None),
            // From review: other senses of the same verbs and nouns, one word away from the above.
            ("The bomb cyclone hit the East Coast on Friday.", None),
            ("Shell shares hit a record high on Tuesday.", None),
            ("Production at the copper mine hit a record in May.", None),
            ("The SpaceX rocket exploded minutes after liftoff over Texas.", None),
            ("The Samsung device exploded in his pocket.", None),
            ("He blew up the photo to poster size.", None),
            ("The deal blew up at the last minute.", None),
            ("Critics opened fire on the budget in parliament.", None),
            ("Microsoft fired on all cylinders in the third quarter.", None),
            ("The striker fired at goal from 20 yards.", None),
            ("The coach fired shots at the referee.", None),
            ("He stormed out of the office.", None),
            ("Trump attacked the judge in a post on Truth Social.", None),
            ("The governor attacked the university for its handling of the protests.", None),
            ("The Fed pounded markets with rate hikes.", None),
            ("The dog attacked a child in the park.", None),
            ("He was charged with attacking a police officer in Leeds.", None),
            ("The Fed launched an assault on inflation.", None),
            ("The film's bombing at the box office cost millions.", None),
            ("The ambush by reporters at the airport left the singer shaken.", None),
            ("Bomb disposal experts detonated the device in a controlled explosion.", None),
            ("Lightning struck the church tower on Sunday.", None),
            ("Missile maker Raytheon struck a deal with the Pentagon.", None),
            // From the second review.
            ("The army struck a deal with the rebels in Doha.", None),
            ("U.S. forces pulled out all the stops.", None),
            ("Market forces pulled out of the deal.", None),
            ("Protesters called for foreign troops to withdraw.", None),
            ("Engineers detonated the explosives to demolish the old bridge.", None),
            (
                "Ukrainian drones hit the Novoshakhtinsk refinery.",
                Some((Kind::Strike, "hit the Novoshakhtinsk refinery")),
            ),
            ("U.S. forces pulled out of Syria in 2019.", Some((Kind::Troops, "pulled out of Syria"))),
            ("The Marines arrived in Haiti on Monday.", Some((Kind::Troops, "arrived in Haiti"))),
            // Units by their names, numbers and acronyms, and a navy's ships.
            ("JTF 505 arrived in Nepal on April 29.", Some((Kind::Troops, "arrived in Nepal"))),
            (
                "The East Africa Response Force (EARF) arrived at Manda Bay.",
                Some((Kind::Troops, "arrived at Manda Bay")),
            ),
            (
                "The Carrier Strike Group arrived in the Eastern Mediterranean.",
                Some((Kind::Troops, "arrived in the Eastern Mediterranean")),
            ),
            ("U.S. Navy ships remain off the coast of Lebanon.", Some((Kind::Troops, "remain off the coast"))),
            ("The 2nd Brigade Combat Team deployed to Iraq.", Some((Kind::Troops, "deployed to Iraq"))),
            // A strike called in by those on the ground; nothing else is.
            ("Troops eventually called in an airstrike.", Some((Kind::Strike, "called in an airstrike"))),
            ("He called in a favor.", None),
            // Places taken; people captured are no place.
            (
                "Finally we captured Bulomarer town and positioned our military units.",
                Some((Kind::Operation, "captured Bulomarer town")),
            ),
            (
                "Forces have re-taken the southwestern town of Bulomarer and villages.",
                Some((Kind::Operation, "re-taken the southwestern town of Bulomarer")),
            ),
            ("Police captured the gunman on Friday.", None),
            // From a review: not by the unarmed, nor police securing an area.
            ("Police secured the area.", None),
            ("Labour captured the town in the by-election.", None),
            ("The photographer captured the city at dawn.", None),
            ("The town was captured by rebels.", None),
            ("The study group arrived in Paris.", None),
            ("The Working Group arrived in Geneva.", None),
            ("Boston Consulting Group arrived in Riyadh.", None),
            ("Cruise ships remain in the harbor.", None),
            // Staying, leaving, returning and deploying say so with where.
            ("U.S. forces remain in Syria.", Some((Kind::Troops, "remain in Syria"))),
            ("Most NATO combat troops are due to leave Afghanistan.", Some((Kind::Troops, "leave Afghanistan"))),
            ("The Marines returned to Camp Lejeune on Friday.", Some((Kind::Troops, "returned to Camp Lejeune"))),
            ("U.S. troops will deploy to Poland next week.", Some((Kind::Troops, "deploy to Poland"))),
            ("Troops remain committed to the mission.", None),
            ("The soldiers left behind their gear.", None),
            ("The soldiers returned fire.", None),
            ("The company was involved in Operation Warp Speed.", None),
            ("Amazon is launching operations in South Africa.", None),
            ("The company is launching a charm offensive with regulators.", None),
            ("Niger's junta ordered French troops to withdraw from Niger.", None),
            // And the armed doing the same.
            (
                "Suspected militants attacked an army barracks on Friday.",
                Some((Kind::Strike, "attacked an army barracks")),
            ),
            ("Russian forces shelled Kharkiv overnight.", Some((Kind::Strike, "shelled Kharkiv"))),
            ("Gunmen opened fire on the bus.", Some((Kind::Strike, "opened fire"))),
            ("A rocket exploded near the embassy.", Some((Kind::Strike, "exploded"))),
            (
                "An improvised explosive device that detonated near his patrol killed him.",
                Some((Kind::Strike, "detonated")),
            ),
            ("An Israeli strike on a school in Gaza killed 30 people.", Some((Kind::Strike, "An Israeli strike"))),
            ("A coalition airstrike in Syria killed a civilian.", Some((Kind::Strike, "A coalition airstrike"))),
            ("He was charged over a sexual assault on a student.", None),
            ("He carried an assault rifle.", None),
        ];
        for (sentence, want) in cases {
            let want: Option<(Kind, &str)> = want;
            assert_eq!(read(sentence), want, "{sentence}");
        }
    }

    /// Every event a sentence reports, in order and apart.
    #[test]
    fn a_sentence_reports_each_of_its_events() {
        let read = |s: &str| {
            let toks = tokens::tokenize(s);
            events(&toks)
                .iter()
                .map(|e| (e.kind, s[toks[e.verb].start..toks[e.end - 1].end].to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            read("Russian forces shelled civilians in Kherson, and Ukrainian drones struck an airfield in Crimea."),
            [
                (Kind::Strike, "shelled civilians".to_string()),
                (Kind::Strike, "struck an airfield in Crimea".to_string())
            ]
        );
        assert_eq!(
            read("Gunmen attacked a checkpoint; soldiers fired back at the attackers."),
            [
                (Kind::Strike, "attacked a checkpoint".to_string()),
                (Kind::Strike, "fired back at the attackers".to_string())
            ]
        );
        assert_eq!(read("The talks went on."), []);
    }

    /// A strike the text points at that has done harm, and a weapon that killed.
    #[test]
    fn strikes_that_harmed() {
        let read = |s: &str| {
            let toks = tokens::tokenize(s);
            events(&toks)
                .iter()
                .map(|e| (e.kind, s[toks[e.verb].start..toks[e.end - 1].end].to_string()))
                .collect::<Vec<_>>()
        };
        let strike = |q: &str| vec![(Kind::Strike, q.to_string())];
        assert_eq!(
            read("A suspected US drone strike has killed at least four militants."),
            strike("A suspected US drone strike")
        );
        assert_eq!(read("A car bomb killed five Americans."), strike("killed"));
        // (The bombers were killed: harmed, and no strike of theirs.)
        assert_eq!(read("The bombers were killed."), vec![(Kind::Casualty, "The bombers were killed".to_string())]);
        assert_eq!(read("The strike has hit morale."), []);
        assert_eq!(read("Israeli strikes overnight killed 12 people."), strike("strikes overnight killed"));
        assert_eq!(read("The general strike has killed the reform."), []);
    }

    /// Fighting told by its noun is an operation; fighting of words, a participle, or "the
    /// fighting" pointing back is not.
    #[test]
    fn fighting_by_its_noun() {
        let read = |s: &str| {
            let toks = tokens::tokenize(s);
            events(&toks)
                .iter()
                .map(|e| (e.kind, s[toks[e.verb].start..toks[e.end - 1].end].to_string()))
                .collect::<Vec<_>>()
        };
        let op = |q: &str| vec![(Kind::Operation, q.to_string())];
        assert_eq!(read("Heavy fighting erupted in Mogadishu on Monday."), op("Heavy fighting erupted"));
        assert_eq!(read("Clashes between ethnic Albanians and Serbs were reported."), op("Clashes"));
        assert_eq!(read("The three-hour battle took place Thursday."), op("The three-hour battle took place"));
        assert_eq!(read("Gun battles on the streets of Gaza killed four."), op("Gun battles"));
        assert_eq!(read("The fighting broke out last week between rebels and the army."), op("The fighting broke out"));
        // Several, with no article, where somebody was harmed in them.
        assert_eq!(read("U.S. forces killed two in raids Friday."), op("raids"));
        assert_eq!(read("Fighting raged in Bakhmut for months."), op("Fighting raged"));
        assert_eq!(read("A gunbattle broke out near the border."), op("A gunbattle broke out"));
        assert_eq!(read("Troops killed a militant in an operation northeast of Karmah."), op("an operation"));
        for s in [
            "Militants fighting in the cave were killed.",
            "Forces are fighting ISIS.",
            "The battle over the budget continued.",
            "He faces a legal battle in court.",
            "Residents fled the fighting.",
            "The company is fighting for market share.",
            "He lost his battle with cancer.",
            "Fighting erupted at the shareholders' meeting over the CEO's pay.",
            "Clashes between the CEO and the board delayed the merger.",
            "Fighting broke out among players in the third period.",
            "The battle between the Patriots and the Jets took place on Sunday.",
            "Three workers were killed during operations at the mine.",
            "Two workers were killed during strikes at the port.",
            "She died after a battle with leukemia.",
            "Intense fighting over the farm bill continued in the Senate.",
        ] {
            assert_eq!(read(s), [], "{s}");
        }
    }

    /// People harmed or taken with no number: by an active verb with a subject, or a passive.
    #[test]
    fn people_harmed_without_a_number() {
        let read = |s: &str| {
            let toks = tokens::tokenize(s);
            events(&toks)
                .iter()
                .filter(|e| matches!(e.kind, Kind::Casualty | Kind::Capture))
                .map(|e| (e.kind, s[toks[e.verb].start..toks[e.end - 1].end].to_string()))
                .collect::<Vec<_>>()
        };
        let one = |k: Kind, q: &str| vec![(k, q.to_string())];
        assert_eq!(
            read("A-10s were successful in killing Islamic State militants fighting in the cave."),
            one(Kind::Casualty, "killing Islamic State militants")
        );
        assert_eq!(
            read("U.S. strikes killed more Islamic State fighters."),
            one(Kind::Casualty, "killed more Islamic State fighters")
        );
        assert_eq!(
            read("Some Pakistani troops were wounded."),
            one(Kind::Casualty, "Some Pakistani troops were wounded")
        );
        assert_eq!(
            read("The suspected rebels had been detained at the border."),
            one(Kind::Capture, "The suspected rebels had been detained")
        );
        // The attacker's words before the people are not theirs.
        assert_eq!(
            read("The raid killed Taliban fighters and wounded civilians."),
            vec![
                (Kind::Casualty, "killed Taliban fighters".to_string()),
                (Kind::Casualty, "wounded civilians".to_string())
            ]
        );
        assert_eq!(read("Police arrested protesters outside parliament."), one(Kind::Capture, "arrested protesters"));
        // A name anywhere acts; a weapon acts; ordinary describing words and demonyms are taken.
        assert_eq!(read("Israel killed Hamas commanders in Gaza."), one(Kind::Casualty, "killed Hamas commanders"));
        assert_eq!(
            read("Russian missiles killed Ukrainian civilians in Dnipro."),
            one(Kind::Casualty, "killed Ukrainian civilians")
        );
        assert_eq!(read("Militants kidnapped aid workers in Darfur."), one(Kind::Capture, "kidnapped aid workers"));
        assert_eq!(read("Israeli forces killed al-Qaeda militants."), one(Kind::Casualty, "killed al-Qaeda militants"));
        assert_eq!(read("Iran-backed militias killed Americans in Jordan."), one(Kind::Casualty, "killed Americans"));
        assert_eq!(
            read("There was no warning before militants killed villagers in Borno."),
            one(Kind::Casualty, "killed villagers")
        );
        assert_eq!(
            read("After Ukrainian drone attacks Russian soldiers were wounded."),
            one(Kind::Casualty, "Russian soldiers were wounded")
        );
        assert_eq!(
            read("The strike killed militants, wounding civilians nearby."),
            vec![(Kind::Casualty, "killed militants".to_string()), (Kind::Casualty, "wounding civilians".to_string())]
        );
        // Adjectives, figures and none are not these: "the wounded soldiers", "of detained
        // civilians", "killed 15 militants", "no civilians were hurt", "Injured civilians".
        for s in [
            "The wounded soldiers were evacuated.",
            "The families of detained civilians met the envoy.",
            "Troops killed 15 militants.",
            "No civilians were hurt.",
            "Injured civilians were taken to hospital.",
            "Two hundred soldiers were killed.",
            "Troops killed a militant.",
            // Not done, feared, asked or conditional.
            "Troops were ordered to avoid killing civilians.",
            "Soldiers must refrain from killing civilians.",
            "He said killing civilians is a war crime.",
            "If hostages were killed, the talks would collapse.",
            "It was unclear whether soldiers were wounded.",
            "Neither of the soldiers were wounded.",
            "There were no reports that civilians were killed.",
            // Adjectives after a verb, relative clauses, cameras, sports and inflation.
            "Troops evacuated wounded civilians from the area.",
            "The envoy met detained Americans in Tehran.",
            "Residents said the people killed were all civilians.",
            "Officials were captured on camera accepting bribes.",
            "CCTV captured the suspects fleeing the scene.",
            "Workers were hurt by inflation last year.",
            "The Celtics killed the Warriors in the fourth quarter.",
            "The Pirates were killed by the Cubs on Sunday.",
        ] {
            assert_eq!(read(s), [], "{s}");
        }
    }

    /// Turning points with the date after their verb; not a date elsewhere in the sentence.
    #[test]
    fn milestones_are_verbs_of_turning_points_with_a_date() {
        fn read(s: &str) -> Option<String> {
            let toks = tokens::tokenize(s);
            // Stand-in dates: a capitalised month or a four-digit year, to the next word.
            let dates: Vec<(usize, usize)> = toks
                .iter()
                .enumerate()
                .filter(|(_, t)| t.is_any(&["September", "January"]) || t.text.len() == 4 && t.text.starts_with("20"))
                .map(|(i, _)| (i, i + 1))
                .collect();
            milestone(&toks, &dates).map(|(v, e)| s[toks[v].start..toks[e - 1].end].to_string())
        }
        assert_eq!(read("The mission is scheduled to end in September 2025.").as_deref(), Some("end in September"));
        assert_eq!(
            read("ISIS, which was territorially defeated in 2019, persists.").as_deref(),
            Some("defeated in 2019")
        );
        assert_eq!(
            read("Established by CENTCOM in 2014, the task force leads.").as_deref(),
            Some("Established by CENTCOM in 2014")
        );
        assert_eq!(read("The war ended, and in 2019 troops left.").as_deref(), None);
        assert_eq!(read("Troops began patrols.").as_deref(), None);
    }
}
