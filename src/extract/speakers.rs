//! Who said it: the speaker and role in an attribution clause next to a say-verb.
//!
//! `CENTCOM commander Army Gen. Michael “Erik” Kurilla said` → Michael Kurilla, CENTCOM commander;
//! `said Jeff Davis, a Pentagon spokesman` → Jeff Davis, Pentagon spokesman; `Sabrina Singh,
//! deputy Pentagon press secretary, said`; `according to CENTCOM`. Ranks and services (`Army
//! Gen.`) and nicknames in quotes are not part of a name; pronouns and "the command" are left to
//! the caller, which knows who spoke last.

use super::gazetteer::Gazetteer;
use super::tokens::{Kind, Token};

// The cue words (TELLING, SAY, MANNER, TITLES, RANKS, OFFICES…), from `cues.txt` by build.rs.
include!(concat!(env!("OUT_DIR"), "/cues.rs"));

/// Whether the date at token `d` names when something was told: "in a statement Friday", "at a
/// news conference on Monday".
pub(crate) fn telling_day(toks: &[Token], d: usize) -> bool {
    let k = if d > 0 && toks[d - 1].is("on") { d - 1 } else { d };
    let Some(noun) = k.checked_sub(1).map(|n| &toks[n]) else { return false };
    noun.is_any(TELLING) || noun.is_any(&["release", "conference"]) && k >= 2 && toks[k - 2].is_any(&["press", "news"])
}

/// Verbs that attribute words to a speaker ("according" for "according to").
pub const SAY_WORDS: &[&str] = SAY;

/// A say-verb, written as a verb: a capitalised one is part of a name ("the United States").
pub fn is_say(t: &Token) -> bool {
    t.has(super::tokens::class::SAY) && !t.is("according") && !t.is_capitalized()
}

/// A verb that names who spoke the quotation beside it: a say-verb or a manner of saying.
pub fn is_quoting(t: &Token) -> bool {
    is_say(t) || t.is_any(MANNER) && !t.is_capitalized()
}

/// Words of a name that are not its own: "Jr.", "III" stay, but these are not names at all.
const NOT_NAMES: [&str; 42] = [
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "officials",
    "official",
    "statement",
    "release",
    "command",
    "department",
    "ministry",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "also",
    "later",
    "then",
    "had",
    "has",
    // A sentence that opens "While Singh said …": the conjunction is not his first name.
    "while",
    "when",
    "whereas",
    "although",
    "though",
    "but",
    "and",
    "or",
    "after",
    "before",
    "as",
    "if",
    "since",
    "because",
    "meanwhile",
    "however",
    "additionally",
    "instead",
];

pub fn is_title(t: &Token) -> bool {
    // "undersecretary", "Undersecretary": any word ending in "secretary" is one too.
    let secretary = |w: &str| w.len() >= 9 && w.as_bytes()[w.len() - 9..].eq_ignore_ascii_case(b"secretary");
    t.kind == Kind::Word && (t.has(super::tokens::class::TITLE) && t.is_any(TITLES) || secretary(t.text))
}

pub(crate) fn is_rank(t: &Token) -> bool {
    t.kind == Kind::Word && t.has(super::tokens::class::TITLE) && t.is_any(RANKS)
}

/// A rank spelled out ("General", "Colonel").
fn is_spelled_rank(t: &Token) -> bool {
    t.kind == Kind::Word && (t.is_any(SPELLED_RANKS) || is_rank(t))
}

/// An attribution read off the tokens next to a say-verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    /// A person: their name as written here, without rank or nickname, the role given, and the
    /// bytes of the text the name stands at.
    Person { name: String, role: Option<String>, at: (usize, usize) },
    /// A gazetteer party (CENTCOM, the Pentagon): its entry.
    Party(usize),
    /// An organisation the gazetteer does not know, named in capitals and ending in what an
    /// organisation is ("the Defense Ministry", "the Syrian Observatory for Human Rights").
    Org(String),
    /// "he", "she": the last person who spoke.
    He,
    /// "it", "the statement", "officials": the last organization that spoke.
    It,
    /// "the command": the last military command that spoke.
    Command,
    /// "the Pentagon spokesperson": the person last quoted if their role names this office (the
    /// phrase, lowercase, is the second field), else the body (a gazetteer party).
    Office(usize, String),
    /// People the text does not name, as it describes them: "residents", "security sources",
    /// "witness" (of "a witness said"), "officials in Kunar province".
    Unnamed(String),
}

/// Who a statement's title says issued it: "Statement by Pentagon Press Secretary Peter Cook on
/// Recent Strikes", "Statement from the Press Secretary Regarding …", "Secretary of Defense Ash
/// Carter Statement on …", "UPDATE #2: U.S. Statement on …". `None` for any other title: a
/// story about a statement ("Kerry Statement Sparks Debate", "Taliban Reject U.S. Statement on
/// Talks", "No statement on the strike yet"), or a joint one ("Joint Statement by Iraq and the
/// United States"), which no one issuer speaks for.
pub fn of_statement(title: &str, g: &Gazetteer) -> Option<Who> {
    // "Defense Secretary Leon Panetta's Statement on …": the possessive is the name's.
    let title = title.replace("'s Statement", " Statement").replace("\u{2019}s Statement", " Statement");
    let toks = super::tokens::tokenize(&title);
    // A title's "Statement", capitalised: not a sentence that mentions one.
    let s = toks.iter().position(|t| t.text == "Statement")?;
    // What a statement's title goes on with after who issued it.
    let topic = |t: &Token| {
        t.is_any(&["on", "regarding", "about", "concerning", "marking", "following", "condemning", "after", "at"])
            || t.is_punct(':')
            || t.is_punct('(')
    };
    let (lower, upper, by) = if toks.get(s + 1).is_some_and(|t| t.is_any(&["by", "from"])) {
        (s + 2, (s + 2..toks.len()).find(|&k| topic(&toks[k])).unwrap_or(toks.len()), true)
    } else if toks.get(s + 1).is_none_or(topic) {
        // "X Statement on …", after any "UPDATE #2:" or "MILITARY:" before it.
        let lower = (0..s).rev().find(|&k| toks[k].is_punct(':')).map_or(0, |k| k + 1);
        (lower, s, false)
    } else {
        return None;
    };
    let joint = s > 0 && toks[s - 1].is("joint") || toks[lower.min(upper)..upper].iter().any(|t| t.is("and"));
    if upper <= lower || joint {
        return None;
    }
    let who = before(&title, &toks, g, lower, upper)?;
    // All the words before "Statement" must name the issuer ("Taliban Reject U.S." names no
    // one, though "U.S." does): a titled person, or a party or body that is the whole phrase.
    // After "by", the phrase is the issuer's by construction; a bare name needs two words.
    let whole = span(&title, &toks, lower, upper);
    let whole = whole.strip_prefix("the ").unwrap_or(whole).trim_end_matches(',');
    let ok = match &who {
        Who::Person { name, role, .. } => role.is_some() || by && name.split_whitespace().count() >= 2,
        Who::Party(i) => by || g.lookup(whole) == Some(*i),
        Who::Org(name) => by || whole == name.strip_prefix("the ").unwrap_or(name),
        Who::Office(..) => by,
        Who::He | Who::It | Who::Command | Who::Unnamed(_) => false,
    };
    ok.then_some(who)
}

/// Bytes the tokens `a..b` cover in `text`.
fn span<'t>(text: &'t str, toks: &[Token], a: usize, b: usize) -> &'t str {
    &text[toks[a].start..toks[b - 1].end]
}

/// A gazetteer party that exactly covers tokens `a..b` ("U.S. Central Command", "CENTCOM",
/// "the Pentagon" without "the").
fn party(text: &str, toks: &[Token], g: &Gazetteer, a: usize, b: usize) -> Option<usize> {
    if a >= b {
        return None;
    }
    let a = if toks[a].is("the") { a + 1 } else { a };
    if a >= b {
        return None;
    }
    let words = span(text, toks, a, b);
    g.lookup(words).filter(|&i| !g.entry(i).kind.is_place() || g.entry(i).kind == crate::model::EntityKind::Country)
}

fn pronoun(t: &Token) -> Option<Who> {
    if t.is_any(&["he", "she"]) {
        return Some(Who::He);
    }
    if t.is_any(&["it", "they"]) {
        return Some(Who::It);
    }
    None
}

/// The name part of a run of capitalised tokens `a..b`: the words after the last title or rank,
/// with a nickname in quotes dropped. Returns (first token of the name, the name).
fn name_in(text: &str, toks: &[Token], a: usize, b: usize) -> Option<(usize, String)> {
    let mut first = b;
    let mut k = b;
    while k > a {
        let t = &toks[k - 1];
        if t.is_punct('.') || t.is_punct('\u{201D}') || t.is_punct('\u{201C}') || t.is_punct('"') {
            k -= 1;
            continue;
        }
        // "Miguel A. Castellanos": a capital initial is a name's, not the article "A".
        let initial = t.text.len() == 1
            && t.is_capitalized()
            && toks.get(k).is_some_and(|n| n.is_punct('.'))
            && k >= 2
            && toks[k - 2].is_capitalized();
        // "Activists reported", "Residents said": people unnamed, capitalised to open a sentence.
        if t.kind != Kind::Word
            || is_title(t)
            || is_rank(t)
            || (t.is_any(&NOT_NAMES) && !initial)
            || t.is_any(GROUP_NOUNS)
        {
            break;
        }
        first = k - 1;
        k -= 1;
    }
    // "Secretary of Defense Ashton Carter": the office a title is "of" is not the name.
    let of_office = |k: usize| k > 0 && (toks[k - 1].is("of") || toks[k - 1].is("the"));
    while first < b && of_office(first) && toks[first].is_any(OFFICES) {
        first += 1;
        while first < b && toks[first].is_any(OFFICES) {
            first += 1;
        }
    }
    if first >= b {
        return None;
    }
    let mut words: Vec<&str> = Vec::new();
    // The token of the last word taken, for the period an initial keeps.
    let mut last_word: Option<usize> = None;
    let mut k = first;
    while k < b {
        let t = &toks[k];
        // “Erik”: a nickname between marks.
        if (t.is_punct('\u{201C}') || t.is_punct('"')) && k + 2 < b {
            k += 3;
            continue;
        }
        if t.kind == Kind::Word {
            words.push(t.text);
            last_word = Some(k);
        } else if t.is_punct('.') {
            // "Sean B. MacFarland", "Lloyd J. Austin III": an initial keeps its period, the one
            // right after it ("Özdemir . Turkish" has none: the stop stands apart).
            if let Some(w) = last_word.filter(|&w| w + 1 == k && toks[w].end == t.start) {
                words.pop();
                words.push(&text[toks[w].start..t.end]);
            }
        }
        k += 1;
    }
    (!words.is_empty()).then(|| (first, words.join(" ")))
}

/// The full names a text gives people with a title or rank, wherever they stand ("Secretary of
/// Defense Ashton Carter spoke of …", "Army Gen. Michael “Erik” Kurilla visited"): what a later
/// "Carter said" means.
/// `sent_toks`: each sentence's tokens, for a name never runs on into the next sentence ("…by Gen.
/// John Smith. Ahmed Ali arrived" names two men).
pub fn titled_names(text: &str, toks: &[Token], sent_toks: &[(usize, usize)]) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        if !(is_title(&toks[k]) || is_rank(&toks[k])) {
            k += 1;
            continue;
        }
        let si = sent_toks.partition_point(|&(a, _)| a <= k).saturating_sub(1);
        let sentence_end = sent_toks.get(si).map_or(toks.len(), |&(_, b)| b.min(toks.len()));
        // "Secretary of Defense Ashton Carter": the office's own words are not the name.
        let mut a = k + 1;
        if toks.get(a).is_some_and(|t| t.is("of")) {
            a += 1;
        }
        let mut end = a;
        while end < sentence_end && in_name_run(&toks[end]) && !toks[end].is_punct('\u{201D}') {
            // A quote mark opens a nickname only when a word and a closing mark follow.
            if toks[end].is_punct('\u{201C}') && !toks.get(end + 2).is_some_and(|t| t.is_punct('\u{201D}')) {
                break;
            }
            end += if toks[end].is_punct('\u{201C}') { 3 } else { 1 };
        }
        let end = end.min(sentence_end);
        // A sentence's full stop after the name is not an initial's.
        let end = if end > k + 1 && toks[end - 1].is_punct('.') { end - 1 } else { end };
        if end > a {
            if let Some((first, name)) = name_in(text, toks, a, end).filter(|(_, n)| n.contains(' ')) {
                out.push((name, toks[first].start));
            }
        }
        k = end.max(k + 1);
    }
    out
}

/// The full names a text sets off with commas after who they are ("A reporter with the French news
/// agency, Ali Musa, tells VOA"): two or three capitalised words between commas, after a
/// lowercase word, none a date, a title or a name `known` (the gazetteer's: "in Mogadishu,
/// Somalia,"). What a later "said Musa" means. A wrong one costs little: it is only ever a
/// surname's fuller name.
pub fn appositive_names(text: &str, toks: &[Token], known: impl Fn(usize, usize) -> bool) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for k in 1..toks.len() {
        if !toks[k].is_punct(',') || toks[k - 1].kind != Kind::Word || toks[k - 1].is_capitalized() {
            continue;
        }
        let a = k + 1;
        let mut end = a;
        while end < toks.len()
            && end - a < 3
            && toks[end].kind == Kind::Word
            && toks[end].is_capitalized()
            && !toks[end].has(super::tokens::class::DATE | super::tokens::class::TITLE)
        {
            end += 1;
        }
        if end - a >= 2 && toks.get(end).is_some_and(|c| c.is_punct(',')) && !known(toks[a].start, toks[end - 1].end) {
            out.push((text[toks[a].start..toks[end - 1].end].to_string(), toks[a].start));
        }
    }
    out
}

/// Whether the token may be part of a speaker phrase read backwards from a verb.
fn in_name_run(t: &Token) -> bool {
    t.is_capitalized() || t.is_punct('.') || t.is_punct('\u{201D}') || t.is_punct('\u{201C}') || t.is_punct('-')
}

/// The speaker before the say-verb at `v`: "CENTCOM commander Army Gen. Michael “Erik” Kurilla
/// said", "Sabrina Singh, deputy Pentagon press secretary, said", "the command said", "he said".
pub fn before(text: &str, toks: &[Token], g: &Gazetteer, lower: usize, v: usize) -> Option<Who> {
    let mut end = v;
    while end > lower
        && toks[end - 1].is_any(&[
            "also",
            "later",
            "then",
            "further",
            "previously",
            "has",
            "have",
            "had",
            "recently",
            "separately",
            "did",
            "does",
            "do",
            "would",
            "will",
            "has",
            "again",
            "earlier",
        ])
    {
        end -= 1;
    }
    if end == lower {
        return None;
    }
    // "Russia on Thursday said", "the ministry Monday said": when, not who.
    if end > lower + 1 && toks[end - 1].has(super::tokens::class::DATE) && toks[end - 1].is_capitalized() {
        end -= 1;
        if end > lower + 1 && toks[end - 1].is("on") {
            end -= 1;
        }
    }
    // "The U.S. Africa Command, or AFRICOM, said": the short name after "or" is the same body.
    if end >= lower + 4
        && toks[end - 1].is_punct(',')
        && toks[end - 2].is_capitalized()
        && toks[end - 3].is("or")
        && toks[end - 4].is_punct(',')
    {
        end -= 4;
    }
    let last = &toks[end - 1];
    if let Some(p) = pronoun(last) {
        return Some(p);
    }
    // "A U.S. Defense Department spokesman (Bryan Whitman) called": the name in brackets after
    // a role is who spoke.
    if last.is_punct(')') && end >= lower + 4 {
        if let Some(open) = (end.saturating_sub(6).max(lower)..end - 1).rev().find(|&k| toks[k].is_punct('(')) {
            if let Some((first, name)) = name_in(text, toks, open + 1, end - 1).filter(|(_, n)| n.contains(' ')) {
                let at = (toks[first].start, toks[end - 2].end);
                return Some(Who::Person { name, role: role_before(text, toks, lower, open), at });
            }
        }
    }
    // "Jeff Davis, who spoke for the Pentagon, said": a relative clause's verb names nobody
    // (and "who" is not the WHO).
    if last.is_any(&["who", "which", "that"]) {
        return None;
    }
    // A party named just before the verb, in any case: "the U.S.-led coalition says", "the
    // Pentagon said".
    if let Some(pi) = party_suffix(text, toks, g, end.saturating_sub(6).max(lower), end) {
        return Some(Who::Party(pi));
    }
    // "a Pentagon spokesman said", "the White House press secretary said": nobody named. The
    // article nearest the verb begins the phrase (seven words is longer than any office's name).
    if is_title(last) {
        let from = end.saturating_sub(7).max(lower);
        let first = (from..end).rev().find(|&k| toks[k].is_any(&["a", "an", "the"]));
        if let Some(f) = first {
            if let Some(pi) = unnamed_officer(text, toks, g, f + 1, end) {
                return Some(office(toks, f, end, pi));
            }
            // "a senior defense official said", "defense officials said": the Pentagon's way of
            // speaking unnamed, so the Department speaks (a named country's would be that
            // country's: "a Turkish defense official" is no Pentagon official).
            let words = &toks[f + 1..end];
            let defense = words.iter().any(|t| t.is_any(&["defense", "Defense"]))
                && words.iter().all(|t| t.is_any(&["senior", "defense", "Defense", "official", "officials"]));
            if defense && last.is_any(&["official", "officials"]) {
                if let Some(dod) = g.lookup("U.S. Department of Defense") {
                    return Some(Who::Party(dod));
                }
            }
        }
    }
    // "the Central Command statement said", "the AMISOM Statement said": whose statement.
    if last.is_any(&["statement", "release", "report", "communique"]) && end >= lower + 2 {
        let mut k = end - 1;
        while k > lower && end - k < 6 && (toks[k - 1].is_capitalized() || toks[k - 1].is_punct('.')) {
            k -= 1;
        }
        if k < end - 1 {
            // A country before "report" is usually its topic ("the latest Afghanistan report").
            if let Some(pi) = party(text, toks, g, k, end - 1).filter(|&pi| !g.entry(pi).kind.is_place()) {
                return Some(Who::Party(pi));
            }
            if let Some(org) = organisation(text, toks, k, end - 1) {
                return Some(org);
            }
        }
    }
    if last.is_any(&[
        "command",
        "statement",
        "release",
        "officials",
        "department",
        "ministry",
        "military",
        "coalition",
        "spokesperson",
        "spokesman",
    ]) && end >= lower + 2
        && toks[end - 2].is_any(&["the", "a", "its", "his", "her"])
    {
        if let Some(pi) = party(text, toks, g, end - 1, end) {
            return Some(Who::Party(pi));
        }
        return Some(if last.is_any(&["spokesperson", "spokesman"]) {
            Who::He
        } else if last.is("command") {
            Who::Command
        } else {
            Who::It
        });
    }
    // "the Pentagon spokesperson said", "the deputy press secretary said": a role named in
    // place of a person who spoke before.
    if is_title(last) {
        let mut k = end - 1;
        while k > lower && (toks[k - 1].is_capitalized() || is_title(&toks[k - 1])) && end - k < 5 {
            k -= 1;
        }
        if k > lower && toks[k - 1].is_any(&["the", "a"]) {
            return Some(Who::He);
        }
    }
    // "Name, the role, said": an appositive before the verb.
    if last.is_punct(',') {
        let role_end = end - 1;
        let mut k = role_end;
        while k > lower && !toks[k - 1].is_punct(',') {
            k -= 1;
        }
        if k == lower || k + 1 > role_end {
            return None;
        }
        // "Al-Shabab, which claimed the attack, said"; "Gen. X, who was at the base, told VOA": a
        // relative clause between speaker and verb says something of the speaker, not who it is.
        if toks[k].is_any(&["who", "which"]) && k >= lower + 2 {
            return before(text, toks, g, lower, k - 1);
        }
        // "The official, Mohamed Aweys Abukar, told VOA": the role first, the name between the
        // commas.
        if toks[k..role_end].iter().all(in_name_run) && k >= lower + 2 {
            let mut r = k - 1;
            while r > lower && toks[r - 1].kind == Kind::Word {
                r -= 1;
            }
            if let Some((first, name)) = name_in(text, toks, k, role_end) {
                let role = appositive(text, toks, r, k - 1);
                // ("A local politician, Alhaji Daiyibu Kerawa, told VOA": a full name between
                // the commas is who spoke, though the words before it are no title.)
                if role.is_some() || name.contains(' ') && toks[r].is_any(&["a", "an", "the", "A", "An", "The"]) {
                    let at = (toks[first].start, toks[role_end - 1].end);
                    return Some(Who::Person { name, role, at });
                }
            }
        }
        let role = appositive(text, toks, k, role_end)?;
        let name_end = k - 1;
        let mut a = name_end;
        while a > lower && in_name_run(&toks[a - 1]) {
            a -= 1;
        }
        if let Some(pi) = party(text, toks, g, a, name_end) {
            return Some(Who::Party(pi));
        }
        let (first, name) = name_in(text, toks, a, name_end)?;
        let at = (toks[first].start, toks[name_end - 1].end);
        return Some(Who::Person { name, role: Some(role), at });
    }
    let mut a = end;
    while a > lower && in_name_run(&toks[a - 1]) {
        a -= 1;
    }
    // Take the lowercase words of a role before the name: "CENTCOM commander", "Pentagon press secretary".
    if a == end {
        return None;
    }
    // "The Yemeni Embassy in Washington said": a body named with where it sits.
    if a >= lower + 2 && toks[a - 1].is("in") {
        let mut b = a - 1;
        while b > lower && in_name_run(&toks[b - 1]) {
            b -= 1;
        }
        if b < a - 1 {
            if let Some(org) = organisation(text, toks, b, end) {
                return Some(org);
            }
        }
    }
    if let Some(pi) = party_suffix(text, toks, g, a, end) {
        return Some(Who::Party(pi));
    }
    if let Some(org) = organisation(text, toks, a, end) {
        return Some(org);
    }
    let (first, name) = name_in(text, toks, a, end)?;
    let role = role_before(text, toks, lower, first);
    let at = (toks[first].start, toks[end - 1].end);
    Some(Who::Person { name, role, at })
}

/// "the Defense Ministry", "Syrian Observatory for Human Rights": capitalised words (with `of`,
/// `for`, `and` between) whose head is one of [`ORG_HEADS`], at least two words long.
fn organisation(text: &str, toks: &[Token], a: usize, b: usize) -> Option<Who> {
    let a = if toks.get(a).is_some_and(|t| t.is_any(&["the", "The"])) { a + 1 } else { a };
    if b < a + 2 || !toks[a..b].iter().all(|t| t.is_capitalized() || t.is_any(&["of", "for", "and", "in"])) {
        return None;
    }
    let head_at = (a..b).rev().find(|&k| ORG_HEADS.contains(&toks[k].text))?;
    // The head is the last word, or the name goes on "for Human Rights" after it, or an
    // embassy's city follows it ("the United States Embassy Yaoundé", "U.S. Embassy Kabul"), or
    // where it sits ("the Yemeni Embassy in Washington", "the U.S. Embassy in Kabul": a name
    // or two after "in").
    let city = toks[head_at].text == "Embassy" && b - head_at <= 3;
    let sits = toks.get(head_at + 1).is_some_and(|t| t.is("in")) && b - head_at <= 4 && b > head_at + 2;
    if head_at + 1 != b && !toks[head_at + 1].is_any(&["of", "for"]) && !city && !sits {
        return None;
    }
    Some(Who::Org(span(text, toks, a, b).to_string()))
}

/// "White House Press Secretary", "Pentagon spokesman": a party followed only by title words
/// (no name), so the body speaks. Returns the party.
fn unnamed_officer(text: &str, toks: &[Token], g: &Gazetteer, a: usize, b: usize) -> Option<usize> {
    // Only those whose words are the body's: "a U.S. official" is not the United States, and
    // "a Syria analyst" is nobody's spokesman.
    if !toks[b - 1].is_any(SPEAKS_FOR) {
        return None;
    }
    let mut e = b;
    while e > a && is_title(&toks[e - 1]) {
        e -= 1;
    }
    if e == b || e == a {
        return None;
    }
    party(text, toks, g, a, e).filter(|&i| g.entry(i).kind != crate::model::EntityKind::Country)
}

/// An unnamed office holder, the phrase `article..end`: "the Pentagon spokesperson" may be the
/// one the text named before with that title; "a Pentagon spokesman" is nobody in particular.
fn office(toks: &[Token], article: usize, end: usize, party: usize) -> Who {
    if toks.get(article).is_some_and(|t| t.is("the")) {
        let phrase = toks[article + 1..end].iter().map(|t| t.text.to_ascii_lowercase()).collect::<Vec<_>>().join(" ");
        Who::Office(party, phrase)
    } else {
        Who::Party(party)
    }
}

/// The longest gazetteer party that ends the run `a..b`: "the U.S. Central Command", "CENTCOM".
fn party_suffix(text: &str, toks: &[Token], g: &Gazetteer, a: usize, b: usize) -> Option<usize> {
    (a..b).find_map(|s| party(text, toks, g, s, b))
}

/// The role written before a name that starts at token `first`: title words and the names
/// they belong to, ranks and services at its end left out.
fn role_before(text: &str, toks: &[Token], lower: usize, first: usize) -> Option<String> {
    let mut end = first;
    // Ranks, abbreviated or spelled out ("Army Gen.", "General", "Colonel"), are not the role.
    while end > lower && (is_rank(&toks[end - 1]) || toks[end - 1].is_punct('.') || is_spelled_rank(&toks[end - 1])) {
        end -= 1;
    }
    if end == lower {
        return None;
    }
    if !is_title(&toks[end - 1]) {
        // "Commander of Somali ground forces General X", "the governor of Lower Shabelle region
        // X": a title, "of", and what it heads, in words only.
        let from = end.saturating_sub(8).max(lower);
        let t = (from..end.saturating_sub(2)).find(|&k| {
            is_title(&toks[k]) && toks[k + 1].is("of") && toks[k..end].iter().all(|t| t.kind == Kind::Word)
        })?;
        return Some(span(text, toks, t, end).to_string());
    }
    let mut start = end - 1;
    while start > lower {
        let t = &toks[start - 1];
        let ok = t.kind == Kind::Word && !t.is_any(&["the", "a", "an", "and", "said", "says", "of"]) || t.is_punct('-');
        let of = t.is("of") && start >= lower + 2 && toks[start - 2].kind == Kind::Word && is_title(&toks[start - 2]);
        if !(ok || of) || (t.kind == Kind::Word && !t.is_capitalized() && !is_title(t) && !of) {
            break;
        }
        start -= 1;
    }
    Some(span(text, toks, start, end).to_string())
}

/// ", a Pentagon spokesman," → "Pentagon spokesman": a role between commas, article dropped.
fn appositive(text: &str, toks: &[Token], a: usize, b: usize) -> Option<String> {
    if a >= b {
        return None;
    }
    let a = if toks[a].is_any(&["a", "an", "the"]) { a + 1 } else { a };
    if a >= b || b - a > 14 {
        return None;
    }
    // It must name a title to be a role ("Jeff Davis, a Pentagon spokesman").
    if !toks[a..b].iter().any(is_title) {
        return None;
    }
    Some(span(text, toks, a, b).to_string())
}

/// The speaker after the say-verb at `v`: "said Jeff Davis, a Pentagon spokesman", "said
/// Pentagon spokesman Jeff Davis", "said CENTCOM", "according to the coalition".
pub fn after(text: &str, toks: &[Token], g: &Gazetteer, v: usize, upper: usize) -> Option<Who> {
    // "told VOA", "announced Operation X", "condemned the attack": what follows these verbs is
    // who heard or what was said, never who spoke ("said X" and "added X" invert; these do not).
    if toks[v].is_any(TO_WHOM) {
        return None;
    }
    let mut a = v + 1;
    if toks.get(a).is_some_and(|t| t.is("to")) && (toks[v].is("according") || toks[v].is_any(ATTRIBUTING)) {
        a += 1;
    }
    // "according to a statement (issued) by X": the speaker is X.
    if toks.get(a).is_some_and(|t| t.is_any(&["a", "the", "an"]))
        && toks.get(a + 1).is_some_and(|t| t.is_any(&["statement", "release", "report", "briefing", "news"]))
    {
        if let Some(by) = (a + 2..(a + 5).min(upper)).find(|&k| toks[k].is_any(&["by", "from"])) {
            a = by + 1;
        }
    }
    if a >= upper {
        return None;
    }
    if let Some(p) = pronoun(&toks[a]) {
        return Some(p);
    }
    let start = if toks[a].is_any(&["the", "a", "an"]) { a + 1 } else { a };
    // "said Tuesday", "said Jan. 3": when, not who.
    if toks.get(start).is_some_and(|t| t.has(super::tokens::class::DATE) && t.is_capitalized()) {
        return None;
    }
    let mut b = start;
    while b < upper {
        let t = &toks[b];
        // “Erik”: a nickname in quotes inside the name.
        if (t.is_punct('\u{201C}') || t.is_punct('"'))
            && toks.get(b + 1).is_some_and(Token::is_capitalized)
            && toks.get(b + 2).is_some_and(|c| c.is_punct('\u{201D}') || c.is_punct('"'))
        {
            b += 3;
            continue;
        }
        if !(t.is_capitalized() || is_title(t) || (t.is_punct('.') || t.is_punct('-')) && b > start) {
            break;
        }
        b += 1;
    }
    while b > start && (toks[b - 1].is_punct('.') || toks[b - 1].is_punct('-')) {
        b -= 1;
    }
    if b == start {
        return None;
    }
    // "said Quso was “one of Yemen's most wanted”": a name with its own verb after it opens what
    // was said; it is not who said it.
    if toks.get(b).is_some_and(|t| {
        t.is_any(&[
            "was", "is", "were", "are", "had", "has", "have", "will", "would", "could", "did", "remains", "remained",
        ])
    }) {
        return None;
    }
    // "said CENTCOM", "according to U.S. Central Command"; but "said U.S. Army Maj. Gen. Kevin
    // Lambert" is Lambert: a party is the speaker only when it is all the words.
    if let Some(pi) = party(text, toks, g, start, b) {
        return Some(Who::Party(pi));
    }
    if let Some(org) = organisation(text, toks, start, b) {
        return Some(org);
    }
    // "said the White House Press Secretary": an office holder left unnamed speaks for the body
    // (unless a name follows: "said a Pentagon spokesman, Navy Capt. Jeff Davis").
    let named_next = toks.get(b).is_some_and(|t| t.is_punct(',')) && toks.get(b + 1).is_some_and(Token::is_capitalized);
    if let Some(pi) = unnamed_officer(text, toks, g, start, b) {
        if !named_next {
            return Some(office(toks, start - 1, b, pi));
        }
        // The office, then the name: the name speaks, the office is its role.
        if let Some(Who::Person { name, role: None, at }) = after(text, toks, g, b, upper) {
            return Some(Who::Person { name, role: Some(span(text, toks, start, b).to_string()), at });
        }
    }
    if start > a && toks.get(start).is_some_and(|t| t.is("command")) {
        return Some(Who::Command);
    }
    if start > a && toks.get(start).is_some_and(|t| t.is_any(&["coalition", "statement"])) {
        return Some(Who::It);
    }
    let (first, name) = name_in(text, toks, start, b)?;
    let mut role = if first > start {
        Some(span(text, toks, start, first).to_string())
            .filter(|r| TITLES.iter().any(|w| r.to_ascii_lowercase().contains(w)))
    } else {
        None
    };
    if role.is_some() {
        // Ranks at its end are not the role: "Army Gen." before a name.
        let mut e = first;
        while e > start && (is_rank(&toks[e - 1]) || toks[e - 1].is_punct('.')) {
            e -= 1;
        }
        role = (e > start).then(|| span(text, toks, start, e).to_string());
    }
    // ", a Pentagon spokesman": the appositive after the name.
    if role.is_none() && toks.get(b).is_some_and(|t| t.is_punct(',')) {
        let mut e = b + 1;
        while e < toks.len() && !(toks[e].is_punct(',') || toks[e].is_punct('.') || toks[e].is_punct(';')) {
            e += 1;
        }
        role = appositive(text, toks, b + 1, e);
    }
    let at = (toks[first].start, toks[b - 1].end);
    Some(Who::Person { name, role, at })
}

/// The words that end a description of people a text does not name ("residents said", "according
/// to security sources"): who they are is all the text gives.
const GROUP_NOUNS: &[&str] = &[
    "residents",
    "resident",
    "witnesses",
    "witness",
    "eyewitnesses",
    "eyewitness",
    "sources",
    "source",
    "officials",
    "official",
    "authorities",
    "police",
    "medics",
    "paramedics",
    "doctors",
    "activists",
    "experts",
    "analysts",
    "observers",
    "villagers",
    "survivors",
    "relatives",
    "elders",
    "locals",
    "rescuers",
    "workers",
    "reports",
    "groups",
    // One whose office the text gives but not the name: "the commander said", "a police
    // spokesman said", "an army officer told reporters".
    "commander",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "officer",
    "officers",
    "soldier",
    "soldiers",
    "diplomat",
    "diplomats",
    "aide",
    "aides",
];

/// Words before a group noun that describe them, and may open a sentence: "Local sources",
/// "Security sources", "Unnamed officials". Written lowercase in the speaker's name, as the text
/// would mid-sentence.
const GROUP_WORDS: &[&str] = &[
    "local",
    "security",
    "medical",
    "military",
    "government",
    "tribal",
    "hospital",
    "police",
    "senior",
    "health",
    "aid",
    "rescue",
    "rights",
    "media",
    "intelligence",
    "provincial",
    "district",
    "regional",
    "official",
    "unnamed",
    "informed",
    "other",
];

/// A description of people the text does not name, from `a` to `b` (tokens): the words of
/// `toks[a..b]` without a leading conjunction, article, count or "of" ("but residents", "some
/// residents", "one of the witnesses"), ending in a group noun, or in one and the place they are
/// in ("officials in Kunar province"). Four words at most before the noun, none a verb's or a
/// title's ("President Biden and other officials" names someone). With whether a place was given.
fn group_in(text: &str, toks: &[Token], a: usize, b: usize) -> Option<(Who, bool)> {
    let mut a = a;
    while a < b
        && (toks[a].kind == Kind::Number
            || toks[a].has(super::tokens::class::NUMBER)
            || toks[a].is_any(&["the", "a", "an", "some", "many", "of", "and", "but", "or", "while", "as", "yet"]))
    {
        a += 1;
    }
    // The group noun ends the phrase, or comes before the place they are in: "officials in Kunar
    // province", "sources in Lebanon".
    let place = (a..b).find(|&k| toks[k].is_any(&["in", "from"])).unwrap_or(b);
    let noun = place.checked_sub(1).filter(|&n| n >= a && toks[n].is_any(GROUP_NOUNS))?;
    let in_place = |t: &Token| {
        t.kind == Kind::Word
            && (t.is_capitalized() || t.is_any(&["the", "province", "region", "district", "city", "town", "state"]))
    };
    let placed = place < b;
    if placed
        && !(b - place <= 4
            && toks[place + 1..b].iter().all(in_place)
            && toks[place + 1..b].iter().any(Token::is_capitalized))
    {
        return None;
    }
    // What comes before the noun describes the group ("security", "local", "Afghan"): words, no
    // clause word, no verb ("attacked", "killing"; "unnamed" and "informed" describe) and no title.
    let describes = |t: &Token| {
        t.kind == Kind::Word
            && !t.is_any(&["who", "which", "that", "said", "says", "told", "have", "has", "had", "were", "was"])
            && (t.is_any(GROUP_WORDS) || !t.text.ends_with("ed") && !t.text.ends_with("ing"))
            && !is_title(t)
            && !is_rank(t)
    };
    let words = &toks[a..noun];
    if words.len() > 4 || !words.iter().all(describes) {
        return None;
    }
    let mut name = text[toks[a].start..toks[b - 1].end].to_string();
    // "Residents said", "Local sources said": capitalised only to open the sentence (not "Health
    // Ministry officials", whose next word is a name's too).
    let opening = toks[a].is_capitalized()
        && (toks[a].is_any(GROUP_NOUNS) || toks[a].is_any(GROUP_WORDS))
        && toks.get(a + 1).is_none_or(|n| a + 1 == b || !n.is_capitalized());
    if opening {
        name = toks[a].text.to_lowercase() + &name[toks[a].text.len()..];
    }
    Some((Who::Unnamed(name), placed))
}

/// People the text does not name who speak before the verb at `v`, as [`group_before`] reads
/// them: for "the commander said" where no commander spoke before.
pub fn unnamed_before(text: &str, toks: &[Token], lower: usize, v: usize) -> Option<Who> {
    group_before(text, toks, lower, v).map(|(who, _)| who)
}

/// People the text does not name who speak before the verb at `v`: "residents said", "a witness
/// told VOA", "Security sources in Mogadishu said".
fn group_before(text: &str, toks: &[Token], lower: usize, v: usize) -> Option<(Who, bool)> {
    let mut end = v;
    while end > lower && toks[end - 1].is_any(&["also", "later", "earlier", "then", "have", "has", "had", "separately"])
    {
        end -= 1;
    }
    // The phrase starts after the clause's last punctuation.
    let start = (lower..end).rev().find(|&k| toks[k].kind == Kind::Punct).map_or(lower, |k| k + 1);
    (start < end).then(|| group_in(text, toks, start, end)).flatten()
}

/// People the text does not name who speak after the verb at `v`: "said a witness", "according to
/// residents", up to `upper`. Not who was told ("told residents") or reported to ("reported to
/// police").
fn group_after(text: &str, toks: &[Token], v: usize, upper: usize) -> Option<Who> {
    if toks[v].is_any(TO_WHOM) {
        return None;
    }
    let mut a = v + 1;
    if toks.get(a).is_some_and(|t| t.is("to")) {
        if !(toks[v].is("according") || toks[v].is_any(ATTRIBUTING)) {
            return None;
        }
        a += 1;
    }
    let end = (a..upper).find(|&k| toks[k].kind == Kind::Punct).unwrap_or(upper);
    (a < end).then(|| group_in(text, toks, a, end).map(|(w, _)| w)).flatten()
}

/// Who speaks at the say-verb `v` of the clause `lower..upper`: named before it, else after it
/// (only after, for "according to X": `after_only`), else people the text does not name. People
/// in a place outrank the place ("Security sources in Mogadishu said", "Medical sources in
/// Lebanon said"), and a place is never a person.
pub fn speaker_at(
    text: &str,
    toks: &[Token],
    g: &Gazetteer,
    lower: usize,
    v: usize,
    upper: usize,
    after_only: bool,
) -> Option<Who> {
    let unnamed_before = (!after_only).then(|| group_before(text, toks, lower, v)).flatten();
    if let Some((who, true)) = unnamed_before {
        return Some(who);
    }
    let not_a_place =
        |w: &Who| !matches!(w, Who::Person { name, .. } if g.lookup(name).is_some_and(|i| g.entry(i).kind.is_place()));
    let named = if after_only {
        after(text, toks, g, v, upper)
    } else {
        before(text, toks, g, lower, v).filter(not_a_place).or_else(|| after(text, toks, g, v, upper))
    };
    named.filter(not_a_place).or(unnamed_before.map(|(w, _)| w)).or_else(|| group_after(text, toks, v, upper))
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn who_before(s: &str) -> Option<Who> {
        let toks = tokenize(s);
        let v = toks.iter().rposition(is_say).unwrap();
        before(s, &toks, Gazetteer::builtin(), 0, v)
    }

    fn who_after(s: &str) -> Option<Who> {
        let toks = tokenize(s);
        let v = toks.iter().position(|t| is_quoting(t) || t.is("according")).unwrap();
        after(s, &toks, Gazetteer::builtin(), v, toks.len())
    }

    /// People a text does not name speak as it describes them, without an article or a count;
    /// a phrase that says more than who they are (a verb, a clause) is no one's description.
    #[test]
    fn people_the_text_does_not_name_speak_as_it_describes_them() {
        // Through the whole of who speaks at the verb, as the extractor asks: the clause is the
        // sentence, the verb its first say-verb.
        let group = |s: &str| {
            let toks = tokenize(s);
            let v = toks.iter().position(|t| is_say(t) || t.is("according")).unwrap();
            match speaker_at(s, &toks, Gazetteer::builtin(), 0, v, toks.len(), toks[v].is("according")) {
                Some(Who::Unnamed(name)) => Some(name),
                _ => None,
            }
        };
        for (s, want) in [
            ("Residents said the town was shelled.", Some("residents")),
            ("In Kismayo, two witnesses said five died.", Some("witnesses")),
            // People in a place outrank the place, which is no one.
            ("Security sources in Mogadishu said 20 were held.", Some("security sources in Mogadishu")),
            ("Medical sources in Lebanon said 20 were held.", Some("medical sources in Lebanon")),
            ("Kenyan police said the attackers fled.", Some("Kenyan police")),
            ("Five died, according to local officials in Kunar province.", Some("local officials in Kunar province")),
            ("Five died, according to unnamed sources.", Some("unnamed sources")),
            ("“We ran,” said a witness.", Some("witness")),
            // Not the conjunction, the count or the partitive before them.
            ("The army denied it, but residents said five died.", Some("residents")),
            ("One of the witnesses said five died.", Some("witnesses")),
            ("Some residents said five died.", Some("residents")),
            ("Health Ministry officials said five died.", Some("Health Ministry officials")),
            ("Militants who attacked the base said they did it.", None),
            ("Officials speaking on condition of anonymity said so.", None),
            ("The soldiers said they were fine.", None),
            // Who was told or reported to does not speak; who told them, an office without a
            // name, does.
            ("“Go home,” a police officer told residents.", Some("police officer")),
            ("The attack was reported to police.", None),
            // Nor a named person among others.
            ("President Biden and other officials said so.", None),
        ] {
            assert_eq!(group(s).as_deref(), want, "{s}");
        }
    }

    /// A statement's title names who issued it; a story's title about a statement does not.
    #[test]
    fn a_statements_title_names_who_issued_it() {
        let of = |t: &str| of_statement(t, Gazetteer::builtin());
        for (title, name, role) in [
            (
                "Statement by Pentagon Press Secretary Peter Cook on Recent Strikes",
                "Peter Cook",
                "Pentagon Press Secretary",
            ),
            (
                "Statement by Secretary of Defense Lloyd J. Austin III on Coalition Strikes",
                "Lloyd J. Austin III",
                "Secretary of Defense",
            ),
            (
                "Statement by Antony Blinken, Secretary of State, on the Release of Hostages",
                "Antony Blinken",
                "Secretary of State",
            ),
            (
                "Secretary of Defense Ash Carter Statement on Marine Helicopter Tragedy",
                "Ash Carter",
                "Secretary of Defense",
            ),
            (
                "MILITARY: Defense Secretary Leon Panetta's Statement on Seal Team 6 Rescue",
                "Leon Panetta",
                "Defense Secretary",
            ),
        ] {
            assert_eq!(named(of(title)), person(name, Some(role)), "{title}");
        }
        assert!(matches!(of("DOD Statement on Deployment of U.S. Forces"), Some(Who::Party(_))));
        let embassy = of("Statement by the United States Embassy Yaoundé");
        assert!(matches!(embassy, Some(Who::Org(_))), "{embassy:?}");
        for title in [
            "Kerry Statement Sparks Debate",
            "Statement on Recent Attacks in Iraq",
            "Pentagon Confirms Death",
            "Taliban Reject U.S. Statement on Talks",
            "Iran Dismisses Joint Statement on Nuclear Deal",
            "No statement on the strike yet",
            "Kerry statement on the raid followed.",
            "Joint Statement by Iraq and the United States",
        ] {
            assert_eq!(of(title), None, "{title}");
        }
    }

    fn person(name: &str, role: Option<&str>) -> Option<(String, Option<String>)> {
        Some((name.into(), role.map(Into::into)))
    }

    /// A person's name and role, without where they stand.
    fn named(who: Option<Who>) -> Option<(String, Option<String>)> {
        match who? {
            Who::Person { name, role, .. } => Some((name, role)),
            _ => None,
        }
    }

    #[test]
    fn speakers_before_the_verb() {
        assert_eq!(
            named(who_before("” CENTCOM commander Army Gen. Michael “Erik” Kurilla said")),
            person("Michael Kurilla", Some("CENTCOM commander"))
        );
        assert_eq!(
            named(who_before("” Deputy Pentagon Press Secretary Sabrina Singh said")),
            person("Sabrina Singh", Some("Deputy Pentagon Press Secretary"))
        );
        assert_eq!(
            named(who_before("Sabrina Singh, deputy Pentagon press secretary, said")),
            person("Sabrina Singh", Some("deputy Pentagon press secretary"))
        );
        assert_eq!(named(who_before("President Biden said")), person("Biden", Some("President")));
        assert_eq!(who_before("but it said"), Some(Who::It));
        assert_eq!(who_before(", the command said"), Some(Who::Command));
        let g = Gazetteer::builtin();
        assert_eq!(who_before(", CENTCOM said"), Some(Who::Party(g.lookup("CENTCOM").unwrap())));
        assert_eq!(named(who_before("Lt. Gen. Sean B. MacFarland said")), person("Sean B. MacFarland", None));
        assert_eq!(who_before("The Defense Ministry said"), Some(Who::Org("Defense Ministry".into())));
        // A day between the speaker and the verb is when.
        let g2 = Gazetteer::builtin();
        assert_eq!(who_before("Meanwhile, Russia on Thursday said"), Some(Who::Party(g2.lookup("Russia").unwrap())));
        // A name in brackets after its role.
        assert_eq!(
            named(who_before("A U.S. Defense Department spokesman (Bryan Whitman) said")),
            person("Bryan Whitman", Some("U.S. Defense Department spokesman"))
        );
        // A full name set off by commas after words that are no title.
        assert_eq!(
            named(who_before("A local politician, Alhaji Daiyibu Kerawa, told")),
            person("Alhaji Daiyibu Kerawa", None)
        );
        // A body with where it sits.
        assert_eq!(
            who_before("The Yemeni Embassy in Washington said"),
            Some(Who::Org("Yemeni Embassy in Washington".into()))
        );
        // A name with its own verb after "said" opens what was said.
        assert_eq!(who_after("said Quso was one of the most wanted"), None);
    }

    #[test]
    fn speakers_after_the_verb() {
        assert_eq!(
            named(who_after("said Jeff Davis, a Pentagon spokesman.")),
            person("Jeff Davis", Some("Pentagon spokesman"))
        );
        assert_eq!(
            named(who_after("said Pentagon spokesman Jeff Davis.")),
            person("Jeff Davis", Some("Pentagon spokesman"))
        );
        assert_eq!(named(who_after("vowed Mayor Jane Smith.")), person("Jane Smith", Some("Mayor")));
        assert_eq!(named(who_after("shouted Jane Smith.")), person("Jane Smith", None));
        let g = Gazetteer::builtin();
        assert_eq!(who_after("according to CENTCOM."), Some(Who::Party(g.lookup("CENTCOM").unwrap())));
        assert_eq!(who_after("said he."), Some(Who::He));
        // An unnamed defense official speaks for the Department.
        let dod = Some(Who::Party(g.lookup("U.S. Department of Defense").unwrap()));
        assert_eq!(who_before("a senior defense official said"), dod);
        assert_eq!(who_before("a Turkish defense official said").filter(|w| *w == dod.clone().unwrap()), None);
        // Whose statement says it.
        let centcom = Some(Who::Party(g.lookup("U.S. Central Command").unwrap()));
        assert_eq!(who_before("the Central Command statement said"), centcom);
        assert_eq!(who_before("the CENTCOM Statement said"), centcom);
        // A relative clause between speaker and verb.
        assert_eq!(
            named(who_before(
                "Commander of Somali ground forces General Odawaa Yusuf Rageh, who was at the base, told"
            )),
            person("Odawaa Yusuf Rageh", Some("Commander of Somali ground forces"))
        );
        assert_eq!(
            who_before("Al-Shabab, which claimed responsibility for the attack, said"),
            Some(Who::Party(g.lookup("al-Shabab").unwrap()))
        );
        // The role, then the name between commas.
        assert_eq!(
            named(who_before("The official, Mohamed Aweys Abukar, told")),
            person("Mohamed Aweys Abukar", Some("official"))
        );
        // Who heard it is not who said it.
        assert_eq!(who_after("told VOA that the base held."), None);
        assert_eq!(who_after("told Gen. Mark Milley it was over."), None);
        assert_eq!(who_before("he said"), Some(Who::He));
    }

    /// An office holder left unnamed speaks for the body ("the …" may be the holder named
    /// before: the text resolves it); a name given with the title still wins.
    #[test]
    fn an_unnamed_officer_speaks_for_the_body() {
        let g = Gazetteer::builtin();
        let white_house = Some(Who::Office(g.lookup("White House").unwrap(), "white house press secretary".into()));
        let pentagon = Some(Who::Party(g.lookup("Pentagon").unwrap()));
        assert_eq!(who_after("said the White House Press Secretary in a statement."), white_house);
        assert_eq!(who_after("said a Pentagon spokesman."), pentagon);
        assert_eq!(who_before("a Pentagon spokesman said"), pentagon);
        assert_eq!(who_before("In the briefing, a Pentagon spokesman said"), pentagon);
        assert_eq!(who_after("said a U.S. official, speaking on condition of anonymity."), None);
        assert_eq!(who_after("said a Syria analyst at the institute."), None);
        assert_eq!(
            named(who_after("said a Pentagon spokesman, Navy Capt. Jeff Davis.")),
            person("Jeff Davis", Some("Pentagon spokesman"))
        );
        assert_eq!(
            named(who_after("said Pentagon spokesman Jeff Davis.")),
            person("Jeff Davis", Some("Pentagon spokesman"))
        );
        assert_eq!(who_before("Jeff Davis, who spoke"), None);
        let africom = Some(Who::Party(g.lookup("U.S. Africa Command").unwrap()));
        assert_eq!(who_before("The U.S. Africa Command, or AFRICOM, said"), africom);
        // "Secretary of Defense Ashton Carter": the office is his role, no part of the name.
        assert_eq!(
            named(who_before("Secretary of Defense Ashton Carter said")),
            person("Ashton Carter", Some("Secretary of Defense"))
        );
        let text = "Secretary of Defense Ashton Carter spoke of Master Sgt. Joshua Wheeler:";
        let names: Vec<String> = titled_names(text, &tokenize(text), &[]).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["Ashton Carter", "Joshua Wheeler"]);
    }
}
