//! What a figure counts: the noun after its number, past modifiers ("2,000 adult male ISIS
//! fighters"), and groups the lexicon has no word for.

use super::*;

/// Words that can stand between a number and what it counts: "2,000 adult male ISIS fighters".
pub(super) fn modifier(t: &Token) -> bool {
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
pub(super) fn noun_after(toks: &[Token], from: usize) -> Option<(usize, usize, Entry)> {
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
            // (Never a say-verb: "the two sides said residents were killed" counts sides.)
            let adjective = t.kind == TokKind::Word
                && !t.is_capitalized()
                && !t.is_any(PHRASE_ENDS)
                && !t.has(crate::extract::tokens::class::SAY)
                && unknown < 2;
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
pub(super) const NOMINAL: &[&str] = &[
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
pub(super) const PHRASE_ENDS: &[&str] = &[
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
    // Prepositions a noun phrase never runs past: "detained 12 during operations in Iraq" counts
    // no operations.
    "during",
    "after",
    "before",
    "since",
    "against",
    "over",
    "under",
    "across",
    "along",
    "amid",
    "inside",
    "outside",
    "within",
    "without",
    "throughout",
    "following",
    "among",
    "between",
    "around",
    "through",
    "despite",
];

/// A one- or two-word lexicon noun at `j`: (its length in tokens, entry).
pub(super) fn noun_at(toks: &[Token], j: usize) -> Option<(usize, Entry)> {
    let t = toks.get(j).filter(|t| t.kind == TokKind::Word)?;
    let word = |k: usize| toks.get(k).filter(|t| t.kind == TokKind::Word).map(|t| t.text);
    // Two- and three-word forms, lowercased into a buffer on the stack: this runs for every word
    // a noun phrase may start at, and allocating each time cost more than the lookups.
    let mut buf = [0u8; 64];
    if let (Some(n), Some(m)) = (word(j + 1), word(j + 2)) {
        if let Some(e) = lower_joined(&[t.text, n, m], &mut buf).and_then(noun_named) {
            return Some((3, e));
        }
    }
    if let Some(n) = word(j + 1) {
        if let Some(e) = lower_joined(&[t.text, n], &mut buf).and_then(noun_named) {
            return Some((2, e));
        }
    }
    counted(t.text).map(|e| (1, e))
}

/// The words lowercased (ASCII) and joined by spaces in `buf`; `None` if they do not fit, and
/// then no lexicon form is that long either.
pub(super) fn lower_joined<'b>(words: &[&str], buf: &'b mut [u8; 64]) -> Option<&'b str> {
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

/// Units that make a number a measure, not a count: durations, distances, ages, times of day.
pub(super) fn measure(t: &Token) -> bool {
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

/// A singular noun for a person: a people or forces word of the lexicon, or a title.
pub(super) fn is_person_noun(t: &Token) -> bool {
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
                "minister",
                "ambassador",
                "governor",
                "mayor",
                "lawmaker",
                "judge",
                "prosecutor",
                "envoy",
            ]))
}

/// A word of a person's name: capitalised, or an Arabic particle written in lower case.
pub(super) fn name_part(t: &Token) -> bool {
    t.is_capitalized() || ["al-", "el-", "ad-", "as-", "ash-", "bin-"].iter().any(|p| t.text.starts_with(p))
}

/// The end of a group the lexicon does not know ("Palestinians", "Taliban", "pro-government
/// protesters") that opens at `from` and stands right before a passive outcome: "killed",
/// "were detained", "have been killed". At most five tokens (words and hyphens), the last a
/// plural or a name; never
/// a date, a number, a say-verb or a word that ends a noun phrase, so neither "30 in Gaza were
/// killed" nor "the two sides said protesters were killed" counts a group.
pub(super) fn unknown_group(toks: &[Token], from: usize) -> Option<usize> {
    // "some 50 Palestinians dead": the adjective right after.
    let dead = |t: &Token| t.is("dead");
    let mut k = from;
    while k < (from + 5).min(toks.len()) {
        let t = &toks[k];
        let word = t.kind == TokKind::Word
            && !t.has(crate::extract::tokens::class::DATE)
            && !t.has(crate::extract::tokens::class::NUMBER)
            && !t.has(crate::extract::tokens::class::SAY)
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
