//! What happened to what a figure counts: the outcome verb after it ("were killed"), before it
//! ("killed 150 terrorists"), a toll ("the death toll rose to 12"), and strikes that name targets.

use super::*;

/// Words that may stand between a noun and its outcome: "were", "have been", "reportedly",
/// "of the multinational coalition".
pub(super) fn outcome_after(toks: &[Token], from: usize) -> Option<(usize, Entry)> {
    outcome_after_negated(toks, from).map(|(j, e, _)| (j, e))
}

/// The outcome after a noun, and whether a negation stands before it ("were not hurt").
pub(super) fn outcome_after_negated(toks: &[Token], from: usize) -> Option<(usize, Entry, bool)> {
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
        if taken_into_custody(toks, j) {
            return outcome_named("detained").map(|e| (j + 2, e, negated));
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
            return outcome_named("killed").map(|e| (j + 1, e, negated));
        }
        // "four militants blew themselves up": killed (by their own bombs).
        if t.is("blew")
            && toks.get(j + 1).is_some_and(|p| p.is_any(&["themselves", "himself", "herself"]))
            && toks.get(j + 2).is_some_and(|u| u.is("up"))
        {
            return outcome_named("killed").map(|e| (j + 2, e, negated));
        }
        // "were rounded up": detained.
        if t.is("rounded") && toks.get(j + 1).is_some_and(|d| d.is("up")) {
            return outcome_named("detained").map(|e| (j + 1, e, negated));
        }
        // "three U.S. soldiers also lost their lives": killed.
        if t.is("lost")
            && toks.get(j + 1).is_some_and(|p| p.is_any(&["their", "his", "her"]))
            && toks.get(j + 2).is_some_and(|l| l.is_any(&["lives", "life"]))
        {
            return outcome_named("killed").map(|e| (j + 2, e, negated));
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
        if t.has(crate::extract::tokens::class::SAY) && !t.is_capitalized() && !passive {
            return None;
        }
        if t.is_any(&["not", "never", "n't"]) {
            negated = true;
        }
        // "sustained serious injuries", "suffered wounds": a nominal outcome after its verb.
        let suffered = j > from && toks[from..j].iter().any(|v| v.is_any(&["sustained", "suffered", "received"]));
        if let Some(e) = outcome(t).filter(|_| !t.is_any(NOMINAL) || suffered) {
            // "Five militants have killed two civilians", "two drones had killed": the counted did
            // it, in the perfect without "been" (not "have died": dying is no one's doing).
            // ("have reportedly killed", "have now wounded": an adverb between.)
            let adverb = |a: &Token| a.text.ends_with("ly") || a.is_any(&["now", "also", "already", "since"]);
            let perfect_at = |k: usize| toks[k].is_any(&["have", "has", "had"]);
            let active_perfect = j > from
                && (perfect_at(j - 1) || j > from + 1 && adverb(&toks[j - 1]) && perfect_at(j - 2))
                && !t.is_any(&["died", "perished", "drowned"])
                && matches!(e.class, Class::Outcome(Kind::Casualty | Kind::Capture));
            if active_perfect {
                return None;
            }
            // "capture", "detain", "kill" as a bare verb form read "to kill"; keep past forms and "-ing".
            return (j == from || !t.is_any(&["kill", "die", "wound", "capture", "detain", "arrest"]))
                .then_some((j, e, negated));
        }
        j += 1;
    }
    None
}

/// An outcome in the form a passive takes: "killed", "detained", "hurt", "slain".
pub(super) fn participle(t: &Token) -> bool {
    outcome(t).is_some() && (t.text.ends_with("ed") || t.is_any(&["hurt", "slain"]))
}

/// "taken into custody" at `j`: detained.
fn taken_into_custody(toks: &[Token], j: usize) -> bool {
    toks.get(j).is_some_and(|t| t.is("taken"))
        && toks.get(j + 1).is_some_and(|n| n.is("into"))
        && toks.get(j + 2).is_some_and(|n| n.is("custody"))
}

/// Where a passive outcome ("were killed", "was wounded") stands after the phrase that opens at
/// `j` with a preposition or "who"/"that", within eight words of it and in the same clause:
/// the index of its "were"/"was". Not past another number, a comma or a new clause.
pub(super) fn passive_after(toks: &[Token], j: usize) -> Option<usize> {
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
        // "six fighters belonging to the pro-government militia were killed".
        "belonging",
        "loyal",
        "linked",
        "affiliated",
        "allied",
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
            return (participle(next) || taken_into_custody(toks, k + 1)).then_some(k);
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
            || w.has(crate::extract::tokens::class::SAY)
            || w.has(crate::extract::tokens::class::NUMBER) && numbers::read(toks, k).is_some()
            || (w.kind == TokKind::Punct && !w.is_punct('-') && !w.is_punct('.'))
            || w.is_any(&["and", "but", "who", "which", "that", "where", "when", "after", "before", "while", "as"])
        {
            return None;
        }
    }
    None
}

/// An outcome just before a figure: "killed 150", "killing at least seven", "detained 31".
pub(super) fn outcome_before(toks: &[Token], start: usize) -> Option<(usize, Entry)> {
    // "captured another seven attackers", "killed another 20": the verb before "another".
    let start = if start >= 2 && toks[start - 1].is("another") { start - 1 } else { start };
    let mut s = start.checked_sub(1)?;
    // "the loss of these 12 brave Americans", "the deaths of all 15": past the determiner.
    if toks[s].is_any(&["these", "those", "all"]) && s > 0 && toks[s - 1].is("of") {
        s -= 1;
    }
    // "killing the eight soldiers instantly", "wounded all 12 passengers": past the determiner
    // to a verb of harm (not "of": "the deaths of the two" is read above).
    if toks[s].is_any(&["the", "all", "these", "those"])
        && s > 0
        && outcome(&toks[s - 1]).is_some_and(|e| matches!(e.class, Class::Outcome(Kind::Casualty | Kind::Capture)))
        && (toks[s - 1].text.ends_with("ed") || toks[s - 1].text.ends_with("ing"))
    {
        s -= 1;
    }
    let t = &toks[s];
    // "the detention of six operatives", "injuries to two women", "the deaths of 15".
    if t.is_any(&["of", "to", "among"]) && s > 0 {
        let n = &toks[s - 1];
        // "Border Patrol agents took custody of 113 Haitians": detained.
        if t.is("of") && n.is("custody") && s >= 2 {
            let took = toks[s - 2].is_any(&["took", "taken", "take", "takes", "taking", "assumed"]);
            // People, not "custody of 5,000 shares" or "of 12 horses": a people's noun or a
            // people's name in the plural ("Haitians") among the words after the count.
            let people =
                toks[start + 1..(start + 5).min(toks.len())].iter().take_while(|w| w.kind != TokKind::Punct).any(|w| {
                    counted(w.text).is_some_and(|e| matches!(e.class, Class::People | Class::Forces))
                        || w.is_capitalized() && w.text.ends_with('s')
                });
            return (took && people).then(|| outcome_named("detained")).flatten().map(|e| (s - 2, e));
        }
        // "each claimed the life of one U.S. soldier": killed (not "the life of a soldier").
        if n.is("life") {
            let took = s >= 3
                && toks[s - 2].is("the")
                && toks[s - 3].is_any(&["claimed", "claiming", "took", "taking", "cost", "costing"]);
            return took.then(|| outcome_named("killed")).flatten().map(|e| (s - 3, e));
        }
        // Not "capture" or "arrest": "information leading to the capture of four leaders" is
        // a reward offered, not a capture made.
        let nominal = n.is_any(NOMINAL);
        return outcome(n).filter(|_| nominal).map(|e| (s - 1, e));
    }
    // "The dead include more than 110 soldiers", "those killed included two children", "the dead
    // soldiers include six Somalis".
    if t.is_any(&["include", "included", "includes"]) && s >= 2 {
        // ("the victims included": "victims" is counted too, but it is the outcome's word here.)
        let noun = usize::from(s >= 3 && counted(toks[s - 1].text).is_some() && !toks[s - 2].is_any(&["the", "those"]));
        let (o, the) = (&toks[s - 1 - noun], s.checked_sub(2 + noun).map(|k| &toks[k]));
        // "the victims included two women", "The casualties include two children": the dead.
        let victims = o.is_any(&["victims", "casualties", "fatalities"]);
        let o = if victims {
            outcome_named("killed")?
        } else {
            outcome(o).filter(|o| o.class == Class::Outcome(Kind::Casualty))?
        };
        return the.filter(|t| t.is_any(&["the", "those"])).map(|_| (s - 2 - noun, o));
    }
    // "shot down 98 of the drones", "shooting down two": downed.
    if t.is("down") && s > 0 && toks[s - 1].is_any(&["shot", "shooting", "shoot", "shoots"]) {
        return outcome_named("downed").map(|e| (s - 1, e));
    }
    // "police rounded up 40 suspects": detained.
    if t.is("up") && s > 0 && toks[s - 1].is_any(&["rounded", "rounding", "round", "rounds"]) {
        return outcome_named("detained").map(|e| (s - 1, e));
    }
    // "troops shot dead two Palestinians", "shooting dead a guard": killed.
    if t.is("dead") && s > 0 && toks[s - 1].is_any(&["shot", "shooting", "shoot", "shoots"]) {
        return outcome_named("killed").map(|e| (s - 1, e));
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
pub(super) fn toll_before(toks: &[Token], start: usize) -> Option<(usize, Entry)> {
    let from = start.saturating_sub(7);
    let mut k = start;
    while k > from {
        k -= 1;
        let t = &toks[k];
        // "the death toll rose by 12 to 117": the rise is not the toll.
        if t.kind == TokKind::Number && k > from && toks[k - 1].is("by") {
            k -= 1;
            continue;
        }
        if t.is("toll") {
            // "raising the toll to 60", "bringing the toll to 12": a toll counted on is the dead's
            // (a bare "toll" is not: "the toll road", "took a toll on").
            let raised = k >= 2
                && toks[k - 1].is("the")
                && toks[k - 2]
                    .is_any(&["raising", "bringing", "pushing", "taking", "raises", "brings", "pushes", "takes"]);
            let death = k.checked_sub(1).filter(|&d| toks[d].is("death")).or(raised.then_some(k))?;
            return outcome_named("killed").map(|e| (death, e));
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
pub(super) fn outcome_fits(verb: &Token, noun: Option<Entry>, before: bool) -> bool {
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
pub(super) fn captive(n: Entry) -> bool {
    n.group == "fighters" || matches!(n.unit, "detainees" | "prisoners" | "captives" | "hostages")
}

/// A negation earlier in the clause, so "any" means none: "do not believe there are any civilian
/// casualties", "no indications that any civilians were killed".
pub(super) fn negated_before(toks: &[Token], i: usize) -> bool {
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

pub(super) fn is_strike_verb(t: &Token) -> bool {
    outcome(t).is_some_and(|e| e.class == Class::Outcome(Kind::Strike))
}

/// A strike verb right before token `i`: "destroyed an", "struck a", or a phrasal one, "shot down
/// a", "took out an".
pub(super) fn struck_before(toks: &[Token], i: usize) -> bool {
    let prev = &toks[i - 1];
    // "attacked a village", "ambushed another military facility": verbs of attack strike what
    // they take as object (but after a noun they are its deed, not what befell it: "one group
    // attacked", so they are no outcome in lexicon.tsv).
    is_strike_verb(prev)
        || prev.is_any(&["attacked", "attacking", "ambushed", "shelled", "stormed"])
        || toks[i].is_any(&["a", "an"]) && aimed_at(toks, i - 1)
        || (prev.is_any(&["down", "out"])
            && i >= 2
            && toks[i - 2].is_any(&["shot", "took", "taken", "knocked", "shooting", "taking", "knocking"]))
}

/// Whether the "at" at `k` takes what was fired at: "fired two missiles at a compound". (Only
/// after "a" or "an": "fired rockets at the base" names where it was. An attack's noun does not
/// count what it was on: the development gold counted "an attack on a convoy" once in four.)
/// The weapons fired stand right before "at", the verb a few words before them; not "launched an
/// investigation at a hospital".
fn aimed_at(toks: &[Token], k: usize) -> bool {
    const FIRED: &[&str] = &[
        "missile",
        "missiles",
        "rocket",
        "rockets",
        "shell",
        "shells",
        "mortar",
        "mortars",
        "round",
        "rounds",
        "grenade",
        "grenades",
        "shots",
        "bullets",
        "drone",
        "drones",
        "torpedo",
        "torpedoes",
        "bomb",
        "bombs",
    ];
    toks[k].is("at")
        && k > 0
        && (toks[k - 1].is_any(FIRED) || toks[k - 1].is_any(&["fired", "firing"]))
        && toks[k.saturating_sub(5)..k]
            .iter()
            .rev()
            .take_while(|t| t.kind == TokKind::Word || t.kind == TokKind::Number)
            .any(|t| t.is_any(&["fired", "firing", "fires", "launched", "launching"]))
}

/// Whether the `and` at `k` closes a list of things a strike verb took as its objects earlier
/// in the clause: "destroyed two ISIL armed vehicles and a weapons cache", "targeted eight
/// locations, which included … radars, and a helicopter".
pub(super) fn listed_after_strike(toks: &[Token], k: usize) -> bool {
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
pub(super) fn starts_a_clause(toks: &[Token], end: usize) -> bool {
    toks.get(end).is_some_and(|t| {
        t.is_any(&["was", "were", "is", "are", "had", "has", "have", "will", "would", "could", "did"])
            || t.has(crate::extract::tokens::class::SAY)
            || outcome(t).is_some()
            || t.kind == TokKind::Word && t.text.ends_with("ed") && !t.is_capitalized()
    })
}
