//! The lexicon (`lexicon.tsv`): which words count what (troops, civilians, vehicles) and what
//! happened to them (killed, detained, destroyed), and the kind of claim each makes.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use super::*;

/// What a lexicon word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Forces,
    People,
    Harm,
    Attack,
    Operation,
    Target,
    Item,
    /// What happened to the counted; the claim's kind.
    Outcome(Kind),
}

#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub class: Class,
    pub unit: &'static str,
    /// The class as lexicon.tsv names it (`civilians`, `fighters`, `forces`, …): finer than
    /// [`Class`], for telling whose figure it is.
    pub group: &'static str,
}

/// Lowercase form (one or two words) → entry. Nouns and outcomes are looked up apart, since
/// "capture" or "strike" can be either.
struct Lexicon {
    nouns: HashMap<&'static str, Entry>,
    outcomes: HashMap<&'static str, Entry>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut nouns = HashMap::default();
    let mut outcomes = HashMap::default();
    for line in include_str!("../lexicon.tsv").lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let mut f = line.split('\t');
        let (Some(form), Some(class), Some(unit)) = (f.next(), f.next(), f.next()) else {
            panic!("lexicon.tsv: a line needs three tab-separated fields: {line:?}");
        };
        let class_name = class;
        let class = match class {
            "forces" => Class::Forces,
            "people" | "civilians" | "fighters" => Class::People,
            "harm" => Class::Harm,
            "attack" => Class::Attack,
            "operation" => Class::Operation,
            "target" => Class::Target,
            "item" => Class::Item,
            o => Class::Outcome(
                o.strip_prefix("outcome:")
                    .and_then(|k| k.parse().ok())
                    .unwrap_or_else(|| panic!("lexicon.tsv: unknown class {o:?}")),
            ),
        };
        let map = if matches!(class, Class::Outcome(_)) { &mut outcomes } else { &mut nouns };
        map.insert(form, Entry { class, unit, group: class_name });
    }
    Lexicon { nouns, outcomes }
});

/// Every outcome word of the lexicon, for the tokenizer's classes.
pub fn outcome_words() -> Vec<&'static str> {
    LEXICON.outcomes.keys().copied().collect()
}

/// The lexicon entry of a counted noun (`troops`, `operatives`), if the word is one.
pub fn counted(word: &str) -> Option<Entry> {
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        return LEXICON.nouns.get(word.to_ascii_lowercase().as_str()).copied();
    }
    LEXICON.nouns.get(word).copied()
}

pub(super) fn outcome(t: &Token) -> Option<Entry> {
    // Most words are none: the token's class says so without a lookup.
    if !t.has(crate::extract::tokens::class::OUTCOME) {
        return None;
    }
    let word = t.text;
    // Most words are lowercase already: look them up without a copy.
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        return LEXICON.outcomes.get(word.to_ascii_lowercase().as_str()).copied();
    }
    LEXICON.outcomes.get(word).copied()
}

/// The outcome a lowercase word is in the lexicon ("killed"), for rules that name one.
pub(super) fn outcome_named(word: &str) -> Option<Entry> {
    LEXICON.outcomes.get(word).copied()
}

/// The counted noun a lowercase word or phrase is in the lexicon ("armored personnel carriers").
pub(super) fn noun_named(words: &str) -> Option<Entry> {
    LEXICON.nouns.get(words).copied()
}
