//! Figures without a number: one person or thing named singly ("a soldier was killed", "an
//! al-Shabaab commander"), and none ("no American personnel were injured").

use super::*;

/// Adverbs that may stand by a verb of what happened to someone: "was also killed", "reportedly
/// died".
pub(super) const HEDGES: &[&str] = &["reportedly", "also", "later", "allegedly", "subsequently", "then"];

/// How badly: "was seriously wounded", "was critically injured".
pub(super) const DEGREES: &[&str] =
    &["seriously", "critically", "severely", "badly", "slightly", "lightly", "mortally", "fatally"];

/// "Turki al-Binali … was killed", "he died", "the cleric was captured", "no one was hurt": one
/// person (or none) to whom an outcome happened, though no number is written.
pub(super) fn one_person(toks: &[Token], i: usize) -> Option<Figure> {
    let t = &toks[i];
    let (first_verb, end, entry) = if t.is("was") {
        // "was also killed", "was reportedly captured".
        let mut v = i + 1;
        // (Any adverb: "was tragically killed", "was fatally shot".)
        let adverb = |a: &Token| a.kind == TokKind::Word && !a.is_capitalized() && a.text.ends_with("ly");
        while toks.get(v).is_some_and(|a| a.is_any(HEDGES) || a.is_any(DEGREES) || adverb(a)) {
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
        (i, i + 1, outcome_named("died")?)
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
                        && !t.has(crate::extract::tokens::class::SAY)
                        && !t.is_any(&["that", "which", "who", "whose", "where", "when", "while", "and", "but", "or"])
                })
        });
        if let Some(k) = phrase {
            j = k;
        }
    }
    // "Another U.S. soldier in Baghdad died": a place after a preposition only locates the
    // person before it.
    if j > 0 && name_part(&toks[j - 1]) {
        let mut k = j - 1;
        while k > 0 && name_part(&toks[k - 1]) {
            k -= 1;
        }
        if k >= 2 && toks[k - 1].is_any(&["in", "from", "at", "near"]) && is_person_noun(&toks[k - 2]) {
            j = k - 1;
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
        // ("Another soldier died": one more.)
        let k = (j.saturating_sub(7)..j - 1).rev().find(|&k| toks[k].is_any(&["the", "a", "an", "one", "another"]))?;
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

/// "killed al-Shabab leader Ahmed Abdi Godane", "captured a senior ISIS official": an outcome
/// that happened to one person named (or met) as its object, though no number is written.
pub(super) fn one_object(toks: &[Token], j: usize) -> Option<Figure> {
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
        let from = if toks.get(k).is_some_and(crate::extract::speakers::is_rank) && toks[k].is_capitalized() {
            k + 1 + usize::from(toks.get(k + 1).is_some_and(|t| t.is_punct('.')))
        } else {
            k
        };
        let run =
            (from..(from + 6).min(toks.len())).take_while(|&m| name_part(&toks[m]) || toks[m].is_punct('-')).count();
        let words = toks[from..from + run].iter().filter(|t| t.kind == TokKind::Word).count();
        // ("killing Islamic State militants": a name before a noun of people only says whose
        // they are, and no number is written.)
        // (Nor "arrested Extinction Rebellion activists": a lowercase plural after the name.)
        let modifies = toks.get(from + run).is_some_and(|t| {
            is_person_noun(t)
                || counted(t.text).is_some()
                || t.kind == TokKind::Word
                    && !t.is_capitalized()
                    && t.text.len() > 3
                    && t.text.ends_with('s')
                    && !t.text.ends_with("ss")
                    && !t.is_any(&["this", "thus", "plus", "across", "unless", "towards", "always", "perhaps"])
        });
        if words >= 2
            && !modifies
            && !toks[from].is_any(&["U", "The", "US"])
            && counted(toks[from + run - 1].text).is_none()
        {
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
pub(super) fn forces_numbering(toks: &[Token], start: usize) -> Option<Figure> {
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
pub(super) fn one_named(toks: &[Token], j: usize) -> Option<Figure> {
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

/// The person noun that heads the phrase from token `k`, after up to three modifiers ("a British
/// medic", "a senior Taleban commander"): its index.
pub(super) fn person_after(toks: &[Token], k: usize) -> Option<usize> {
    let noun = (k..(k + 4).min(toks.len())).find(|&m| is_person_noun(&toks[m]))?;
    let modifiers = toks[k..noun].iter().all(|t| t.kind == TokKind::Word && !t.is_any(PHRASE_ENDS));
    modifiers.then_some(noun)
}

/// "killed two U.S. service members and a British medic": one person joined to a casualty or
/// capture figure shares its outcome.
pub(super) fn one_joined(toks: &[Token], i: usize, prev: &Figure) -> Option<Figure> {
    if !matches!(prev.kind, Some(Kind::Casualty | Kind::Capture)) {
        return None;
    }
    // Up to three modifiers ("a British"), then a person noun.
    let k = i + 1;
    let noun = person_after(toks, k)?;
    // "a police officer": a noun of two person words ends at the second.
    let end = if toks.get(noun + 1).is_some_and(is_person_noun) { noun + 2 } else { noun + 1 };
    // Not "killed two soldiers and a medic was hurt": a clause of its own. But "six soldiers and
    // a cameraman were killed": the verb after both is the one the figure before already took.
    if starts_a_clause(toks, end) && prev.claim_end <= end {
        return None;
    }
    Some(Figure { noun_start: i + 1, ..Figure::one(prev.kind, prev.unit.clone(), (i, end), (i, end)) })
}

/// "reports of a civilian injury", "a U.S. death": one casualty named by a singular noun of harm,
/// though no number is written ("a death toll", "a casualty evacuation" name no casualty).
pub(super) fn one_harm(toks: &[Token], i: usize) -> Option<Figure> {
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
pub(super) fn one_among(toks: &[Token], i: usize) -> Option<Figure> {
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

/// "no U.S. or coalition casualties", "No coalition forces or civilian casualties were reported",
/// "No Iraqi or coalition forces were harmed": sides listed with "or"/"and" before one noun of
/// harm, or of people, which is what none of counts. The noun (its start, end and entry) after
/// the last "or"/"and" within a few words.
pub(super) fn harm_listed(toks: &[Token], from: usize) -> Option<(usize, usize, Entry)> {
    let limit = (from + 6).min(toks.len());
    let joint = (from..limit).find(|&k| toks[k].is_any(&["or", "and"]))?;
    let before = &toks[from..joint];
    // Sides, not "no word of deaths or injuries": names and modifiers only.
    if before.iter().any(|t| t.kind != TokKind::Word || t.is_any(PHRASE_ENDS)) {
        return None;
    }
    // Before people, only the sides' names ("Iraqi", "U.S.", "coalition"), which share the
    // noun after them: "no soldiers or police were hurt" reads "soldiers" by itself.
    let sides = !before.is_empty()
        && before
            .iter()
            .all(|t| t.is_capitalized() || t.is_any(&["coalition", "allied", "partner", "government", "civilian"]));
    noun_after(toks, joint + 1)
        .filter(|n| n.2.class == Class::Harm || sides && matches!(n.2.class, Class::Forces | Class::People))
}

/// "the murder of a Cameroonian Marine", "the death of a soldier", "the killing of a journalist":
/// one person, named by an article and a person noun after a nominal outcome and "of".
pub(super) fn one_killed_of(toks: &[Token], i: usize) -> Option<Figure> {
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

/// "a mosque was also destroyed", "a bridge was partially damaged", "an army post was hit": one
/// target struck, named by an article and a target noun before "was" (at `i`) and a verb of
/// striking after it.
pub(super) fn one_target_struck(toks: &[Token], i: usize) -> Option<Figure> {
    let mut v = i + 1;
    while toks.get(v).is_some_and(|a| a.is_any(HEDGES) || a.kind == TokKind::Word && a.text.ends_with("ly")) {
        v += 1;
    }
    let verb = toks.get(v)?;
    if !verb.is_any(&["destroyed", "damaged", "hit", "struck", "bombed", "shelled", "targeted"]) {
        return None;
    }
    // The noun right before "was", and its article at most three words before it.
    let head = i.checked_sub(1)?;
    let entry = counted(toks[head].text).filter(|e| e.class == Class::Target)?;
    if toks[head].text.ends_with('s') && !toks[head].text.ends_with("ss") && toks[head].text != "headquarters" {
        return None;
    }
    // In a sentence of arms, not of nature: "a bridge was partially damaged" beside police killed
    // or "during the operation"; not "the earthquake … a school was destroyed".
    if toks.iter().any(|t| t.is_any(NATURE)) || !crate::extract::events::told_in_arms(toks) {
        return None;
    }
    let article = (head.saturating_sub(3)..head).rev().find(|&k| toks[k].is_any(&["a", "an"]))?;
    if toks[article + 1..head].iter().any(|t| t.kind != TokKind::Word || t.is_any(PHRASE_ENDS)) {
        return None;
    }
    Some(Figure::one(Some(Kind::Strike), Some(entry.unit.to_string()), (article, head + 1), (article, v + 1)))
}

/// "another was wounded", "another wounded", "another peacekeeper was injured", "another
/// Moroccan was killed": one more person with the outcome said of them.
pub(super) fn one_another(toks: &[Token], i: usize) -> Option<Figure> {
    if !toks[i].is("another") {
        return None;
    }
    if let Some(f) = harmed_another(toks, i) {
        return Some(f);
    }
    // The person: a person noun ("peacekeeper") or a capitalised word ("Moroccan"), else none
    // said ("another was wounded").
    let named = toks.get(i + 1).is_some_and(|t| {
        t.kind == TokKind::Word && (is_person_noun(t) || t.is_capitalized() && !t.text.ends_with('s'))
    });
    // "another French soldier": a name of a people before the person noun.
    let described = named
        && toks[i + 1].is_capitalized()
        && toks.get(i + 2).is_some_and(|t| t.kind == TokKind::Word && is_person_noun(t));
    let after = i + 1 + usize::from(named) + usize::from(described);
    let mut k = if toks.get(after)?.is_any(&["was", "is"]) { after + 1 } else { after };
    // "was seriously wounded": an adverb before the participle.
    if k > after && toks.get(k).is_some_and(|t| t.text.ends_with("ly") && t.kind == TokKind::Word) {
        k += 1;
    }
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

/// "killed one staff member and seriously wounded another", "wounded two and detained
/// another": "another" standing alone as the object of a verb of harm is one more person it
/// happened to. (Not "wounded another soldier": a noun after it is read as a count of its own.)
fn harmed_another(toks: &[Token], i: usize) -> Option<Figure> {
    let mut v = i.checked_sub(1)?;
    // "seriously wounded another": one adverb between.
    if toks[v].text.ends_with("ly") && v > 0 {
        v -= 1;
    }
    let verb = &toks[v];
    // Active past only: "was wounded another" is not English, and "wounded" must be the verb.
    let o = outcome(verb).filter(|_| verb.text.ends_with("ed") || verb.is("hurt"))?;
    let Class::Outcome(kind @ (Kind::Casualty | Kind::Capture)) = o.class else { return None };
    if v > 0 && toks[v - 1].is_any(&["was", "were", "been", "be", "is", "are"]) {
        return None;
    }
    // Nothing that could be its noun after it: the sentence's end, punctuation, or a word that
    // starts what follows ("wounded another in the attack", "wounded another, police said").
    let ends = toks.get(i + 1).is_none_or(|t| {
        t.kind == TokKind::Punct
            || t.is_any(&[
                "and", "or", "but", "in", "on", "at", "during", "when", "while", "as", "before", "after", "near",
                "outside", "inside", "with",
            ])
    });
    if !ends {
        return None;
    }
    Some(Figure::one(Some(kind), Some(o.unit.to_string()), (i, i + 1), (v, i + 1)))
}

/// What destroys or damages without arms: a sentence that names it tells of no strike.
pub(super) const NATURE: &[&str] = &[
    "earthquake",
    "quake",
    // (Not "fire": troops "came under fire" and "returned fire" in a sentence of strikes.)
    "flood",
    "floods",
    "flooding",
    "storm",
    "hurricane",
    "typhoon",
    "cyclone",
    "landslide",
    "lightning",
    "tornado",
    "wildfire",
    "blaze",
    "cuts",
];

/// "destroyed an Iranian-backed Houthi missile system", "struck a weapons cache": one thing
/// struck, named by a target word right after the verb (or after the `and` closing a list of
/// them). The claim's words begin at `claim_start`.
pub(super) fn one_struck(toks: &[Token], i: usize, claim_start: usize) -> Option<Figure> {
    // "The fire destroyed the building": no strike.
    if toks.iter().any(|t| t.is_any(NATURE)) {
        return None;
    }
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

/// "He was not hurt", "Ms. Buchanan and Mr. Thisted were not harmed", "the minister was not
/// injured": people said by name, pronoun or noun to have come to no harm, a figure of zero
/// (at `not`). Only harm: "he was not arrested" is a denial, not a count.
pub(super) fn not_harmed(toks: &[Token], i: usize) -> Option<Figure> {
    let be = toks.get(i.checked_sub(1)?)?;
    if !be.is_any(&["was", "were"]) {
        return None;
    }
    let verb = toks.get(i + 1)?;
    let o = outcome(verb).filter(|o| o.class == Class::Outcome(Kind::Casualty) && participle(verb))?;
    let start = unharmed_subject(toks, i - 1)?;
    Some(Figure {
        value: 0.0,
        ..Figure::one(Some(Kind::Casualty), Some(o.unit.to_string()), (start, i - 1), (start, i + 2))
    })
}

/// Words that say someone came to no harm.
pub(super) const UNHARMED: &[&str] = &["unhurt", "unharmed", "uninjured", "unscathed"];

/// "The minister survived uninjured", "He escaped unhurt", "the crew were unharmed": no one
/// hurt, a figure of zero (at the adjective).
pub(super) fn unharmed(toks: &[Token], i: usize) -> Option<Figure> {
    let verb = toks.get(i.checked_sub(1)?)?;
    if !verb.is_any(&["was", "were", "survived", "escaped", "emerged", "remained", "is", "are"]) {
        return None;
    }
    // Unhurt by something, not of something else ("She survived unhurt a scandal").
    let ends = toks.get(i + 1).is_none_or(|t| {
        t.kind == TokKind::Punct || t.is_any(&["in", "after", "from", "when", "during", "and", "but", "as", "by"])
    });
    if !ends {
        return None;
    }
    let start = unharmed_subject(toks, i - 1)?;
    Some(Figure {
        value: 0.0,
        ..Figure::one(
            Some(Kind::Casualty),
            outcome_named("injured").map(|o| o.unit.to_string()),
            (start, i - 1),
            (start, i + 1),
        )
    })
}

/// Where the subject of a verb of coming to no harm at `verb` starts: a pronoun, a person's
/// noun ("the minister", "the pilots"), or names (with titles, joined by "and"), right before
/// it, and opening its clause ("the office of the minister was not hurt" is no one's).
fn unharmed_subject(toks: &[Token], verb: usize) -> Option<usize> {
    let head = &toks[verb.checked_sub(1)?];
    if head.is_any(&["he", "she", "they"]) {
        return Some(verb - 1);
    }
    let people = is_person_noun(head)
        || head.is_any(&["president", "crew", "passengers"])
        || head.text.ends_with('s')
            && counted(head.text).is_some_and(|e| matches!(e.class, Class::People | Class::Forces));
    // A name: not one capitalised word opening the sentence, which may be anything ("Sales were
    // not hurt", "Apple emerged unscathed"); a name inside it, or of two words, is someone's.
    let name = head.is_capitalized() && head.kind == TokKind::Word && verb >= 2;
    if !(people || name) {
        return None;
    }
    let mut k = verb - 1;
    while k > 0 && {
        let w = &toks[k - 1];
        // "Mr." is a title and its period.
        let title = w.is_punct('.') && k > 1 && toks[k - 2].is_any(&["Mr", "Ms", "Mrs", "Dr"]);
        title
            || w.kind == TokKind::Word
                && (w.is_capitalized() && !w.is_any(&["The", "A", "An", "Both", "All"])
                    || w.is("and") && toks[k].is_capitalized())
    } {
        k -= 1;
    }
    // "The minister", "the two ministers", "Both pilots": the determiner opens the phrase.
    if k > 0 && toks[k - 1].is_any(&["the", "a", "an", "his", "her", "their", "both", "all"]) {
        k -= 1;
    }
    // Not the end of a longer phrase ("the office of the minister was not hurt"); after a
    // say-verb the clause said is its own ("Officials said the soldiers were not injured").
    if k > 0
        && !(toks[k - 1].kind == TokKind::Punct
            || toks[k - 1].is_any(&["but", "and", "while", "although", "though", "that"])
            || toks[k - 1].has(crate::extract::tokens::class::SAY))
    {
        return None;
    }
    // One capitalised word opening the sentence is no name said to be unhurt (above).
    if k == 0 && verb == 1 && !people {
        return None;
    }
    Some(k)
}

/// "no American personnel were injured", "there were no U.S. casualties", "none were killed":
/// a figure of zero.
pub(super) fn zero(toks: &[Token], i: usize, striking: bool) -> Option<Figure> {
    // "no loss of life", "no loss of lives (or injuries)": no one killed. The figure's words are
    // "no loss"; "of life" says whose, as an outcome after a count does (so "or injuries" after
    // it is a second zero, as after "no one was killed").
    let word = |k: usize, words: &[&str]| toks.get(k).is_some_and(|t| t.is_any(words));
    if toks[i].is("no") && word(i + 1, &["loss"]) && word(i + 2, &["of"]) && word(i + 3, &["life", "lives"]) {
        return Some(Figure {
            claim_end: i + 4,
            kind: Some(Kind::Casualty),
            unit: outcome_named("killed").map(|o| o.unit.to_string()),
            value: 0.0,
            ..Figure::one(None, None, (i, i + 2), (i, i + 4))
        });
    }
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
