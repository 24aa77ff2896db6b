//! Numbers as news writes them: digits (`2,500`, `1.5 million`), words (`seven`,
//! `twenty-five`, `a hundred`, `two and a half million`), and vague counts (`dozens`, `several`).
//!
//! Vague counts are coded conservatively, the way conflict-event coders do (ACLED, see README):
//! the figure is the least the words can mean and the qualifier says so.

use super::tokens::{Kind, Token};
use crate::model::Qualifier;

/// A row of the vague-count table (`vague.tsv`, README's table): words that count without a
/// number, the least they mean, and how.
pub(crate) struct Vague {
    pub words: &'static [&'static str],
    pub value: f64,
    pub qualifier: Qualifier,
    pub grammar: Grammar,
    /// The words name an order of magnitude: the count stays below the next power of ten.
    pub ceiling: bool,
}

/// How a vague count's words go on (`vague.tsv` says what each means).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Grammar {
    Plain,
    Scaled,
    Plural,
    Spelled,
}

include!(concat!(env!("OUT_DIR"), "/vague.rs"));

/// The row of the vague-count table whose words start at token `i`, and the token after them (a
/// trailing "of" must follow but stays out: "a number of groups" counts at "a number").
fn vague_at(toks: &[Token], i: usize) -> Option<(&'static Vague, usize)> {
    VAGUE.iter().find_map(|row| {
        let words = match row.words {
            [rest @ .., "of"] => rest,
            all => all,
        };
        let matches = |k: usize, w: &str| toks.get(i + k).is_some_and(|t| t.kind == Kind::Word && t.is(w));
        (words.iter().enumerate().all(|(k, w)| matches(k, w))
            && (words.len() == row.words.len() || matches(words.len(), "of")))
        .then_some((row, i + words.len()))
    })
}

/// A number read off tokens `start..end` (token indices).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// What the words themselves say about exactness: `dozens` is at least 12, `a dozen` about 12.
    pub qualifier: Qualifier,
    /// Spelled in words (`seven`) rather than digits.
    pub spelled: bool,
}

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

fn unit_value(w: &str) -> Option<f64> {
    UNITS.iter().position(|u| w.eq_ignore_ascii_case(u)).map(|i| i as f64)
}

fn tens_value(w: &str) -> Option<f64> {
    TENS.iter().position(|u| w.eq_ignore_ascii_case(u)).map(|i| (i as f64 + 2.0) * 10.0)
}

/// `seven`, `twenty`, `twenty-five`.
fn small_word(w: &str) -> Option<f64> {
    if let Some(v) = unit_value(w).or_else(|| tens_value(w)) {
        return Some(v);
    }
    let (t, u) = w.split_once(['-', '\u{2010}', '\u{2011}'])?;
    let (t, u) = (tens_value(t)?, unit_value(u)?);
    (u > 0.0 && u < 10.0).then_some(t + u)
}

fn scale(w: &str) -> Option<f64> {
    match w.to_ascii_lowercase().as_str() {
        "hundred" => Some(100.0),
        "thousand" => Some(1_000.0),
        "million" => Some(1_000_000.0),
        "billion" => Some(1_000_000_000.0),
        "trillion" => Some(1_000_000_000_000.0),
        _ => None,
    }
}

/// Vague plurals: `dozens` (of), `hundreds`, `thousands`: at least the unit they name.
fn vague_plural(w: &str) -> Option<f64> {
    VAGUE.iter().find(|row| row.grammar == Grammar::Plural && w.eq_ignore_ascii_case(row.words[0])).map(|row| row.value)
}

/// Whether a word is a count in words ("seven", "twenty", "hundred"), for telling a changed figure
/// from a changed word.
pub fn is_count_word(w: &str) -> bool {
    let w = w.to_ascii_lowercase();
    UNITS.contains(&w.as_str()) || TENS.contains(&w.as_str()) || scale(&w).is_some() || vague_plural(&w).is_some()
}

/// The most a vague count in `text` allows: a vague word names an order of magnitude and stays
/// below the next one ("several": 9, "dozens": 99, "hundreds": 999, "thousands": 9,999). `None`
/// when `text` holds no vague count.
pub fn vague_ceiling(text: &str) -> Option<f64> {
    // Only words that name an order of magnitude (the table's ceiling): "a number of" or
    // "multiple" say more than one, and no more.
    let toks = super::tokens::tokenize(text);
    (0..toks.len())
        .filter_map(|i| read(&toks, i))
        .find(|n| {
            n.spelled
                && n.qualifier == Qualifier::AtLeast
                && n.value >= 1.0
                && vague_at(&toks, n.start).is_some_and(|(row, _)| row.ceiling)
        })
        .map(|n| 10f64.powi(n.value.log10().floor() as i32 + 1) - 1.0)
}

/// Words a number may start with, for [`super::tokens::class::NUMBER`]: the number words above,
/// and the words that start scales, vague counts and negations.
pub fn starts() -> Vec<&'static str> {
    const OTHERS: [&str; 10] =
        ["hundred", "thousand", "million", "billion", "trillion", "a", "an", "both", "no", "none"];
    UNITS.iter().chain(TENS.iter()).chain(OTHERS.iter()).copied().chain(VAGUE.iter().map(|row| row.words[0])).collect()
}

/// Reads the number that starts at token `i`, if one does.
pub fn read(toks: &[Token], i: usize) -> Option<Number> {
    let mut n = read_bare(toks, i)?;
    // "two (2) airstrikes": a count in words with its digits after it in brackets, as military
    // releases write them, is one number.
    if n.spelled {
        let same = toks.get(n.end + 1).and_then(|d| d.number()).is_some_and(|v| v == n.value);
        if same
            && toks.get(n.end).is_some_and(|t| t.is_punct('('))
            && toks.get(n.end + 2).is_some_and(|t| t.is_punct(')'))
        {
            n.end += 3;
        }
    }
    Some(n)
}

fn read_bare(toks: &[Token], i: usize) -> Option<Number> {
    let t = toks.get(i)?;
    // Hyphenated tens ("twenty-five") and short scales ("10M") are not in the word list.
    if t.kind == Kind::Word
        && !t.has(super::tokens::class::NUMBER)
        && !t.text.contains('-')
        && !t.text.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let word = |j: usize| toks.get(j).filter(|t| t.kind == Kind::Word);
    let exact = Qualifier::Exact;
    match t.kind {
        Kind::Number => {
            let mut value = t.number()?;
            let mut end = i + 1;
            if let Some(s) = word(end).and_then(|w| scale(w.text)) {
                value *= s;
                end += 1;
            }
            Some(Number { start: i, end, value, qualifier: exact, spelled: false })
        }
        Kind::Punct => None,
        Kind::Word => {
            let w = t.text;
            // A count in words from token `i` to `end`.
            let said = |end: usize, value: f64, qualifier: Qualifier| Number {
                start: i,
                end,
                value,
                qualifier,
                spelled: true,
            };
            // "a 10,000-strong force", "the 7,000-member A.U. force", "a 300-man unit": the size
            // of what follows.
            if let Some(digits) = ["-strong", "-member", "-man"]
                .iter()
                .find_map(|s| w.strip_suffix(s))
                .filter(|d| d.starts_with(|c: char| c.is_ascii_digit()))
            {
                let v: f64 = digits.replace(',', "").parse().ok()?;
                return Some(Number { start: i, end: i + 1, value: v, qualifier: exact, spelled: false });
            }
            // "10M", "2.174T", "5bn": money written short.
            if w.starts_with(|c: char| c.is_ascii_digit()) {
                let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
                let scale = match &w[digits.len()..] {
                    "K" | "k" => 1e3,
                    "M" | "m" | "mn" => 1e6,
                    "B" | "bn" => 1e9,
                    "T" | "tn" => 1e12,
                    _ => return None,
                };
                let v: f64 = digits.replace(',', "").parse().ok()?;
                return Some(Number { start: i, end: i + 1, value: v * scale, qualifier: exact, spelled: false });
            }
            // "a dozen", "a couple (of)", "several", "a few hundred", "dozens", "tens of
            // thousands": the vague-count table's.
            if let Some((row, end)) = vague_at(toks, i) {
                return Some(match row.grammar {
                    Grammar::Plain => said(end, row.value, row.qualifier),
                    Grammar::Spelled => spelled_from(toks, i, end, row.value, row.qualifier),
                    // "several hundred rounds": at least three hundred; "a few dozen": 36.
                    Grammar::Scaled => match word(end).and_then(|w| scale(w.text).or(w.is("dozen").then_some(12.0))) {
                        Some(sc) => said(end + 1, row.value * sc, row.qualifier),
                        None => said(end, row.value, row.qualifier),
                    },
                    // "tens of thousands": at least 10 × 1,000.
                    Grammar::Plural => {
                        match word(end).filter(|t| t.is("of")).and(word(end + 1)).and_then(|t| vague_plural(t.text)) {
                            Some(s) => said(end + 2, row.value * s, row.qualifier),
                            None => said(end, row.value, row.qualifier),
                        }
                    }
                });
            }
            // "a hundred", "an estimated …" is no number.
            if w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an") {
                let next = word(i + 1)?;
                if scale(next.text).is_some() {
                    return Some(spelled_from(toks, i + 1, i + 1, 1.0, exact)).map(|n| Number { start: i, ..n });
                }
                return None;
            }
            if w.eq_ignore_ascii_case("both") {
                return Some(said(i + 1, 2.0, exact));
            }
            let first = small_word(w)?;
            Some(spelled_from(toks, i, i + 1, first, exact))
        }
    }
}

/// Continues a spelled number from token `next` with `current` read so far: "hundred", "thousand",
/// "and", "a half", "dozen", further small words.
fn spelled_from(toks: &[Token], start: usize, next: usize, current: f64, qualifier: Qualifier) -> Number {
    let mut total = 0.0;
    let mut current = current;
    let mut end = next;
    let mut last_was_small = next > start;
    let mut last_was_tens = next > start && toks.get(start).is_some_and(|t| tens_value(t.text).is_some());
    let mut qualifier = qualifier;
    while let Some(t) = toks.get(end).filter(|t| t.kind == Kind::Word) {
        if let Some(s) = scale(t.text) {
            last_was_tens = false;
            if s == 100.0 {
                current = current.max(1.0) * 100.0;
            } else {
                total += current.max(1.0) * s;
                current = 0.0;
            }
            end += 1;
            last_was_small = false;
            continue;
        }
        if t.is("dozen") && qualifier == Qualifier::Exact {
            current = current.max(1.0) * 12.0;
            end += 1;
            continue;
        }
        // "two and a half million", "one hundred and fifty"
        if t.is("and") {
            let a = toks.get(end + 1);
            let b = toks.get(end + 2);
            if a.is_some_and(|a| a.is("a")) && b.is_some_and(|b| b.is("half")) {
                current += 0.5;
                end += 3;
                last_was_small = true;
                continue;
            }
            if !last_was_small {
                if let Some(v) = a.and_then(|a| small_word(a.text)) {
                    current += v;
                    end += 2;
                    last_was_small = true;
                    last_was_tens = a.is_some_and(|a| tens_value(a.text).is_some());
                    continue;
                }
            }
            break;
        }
        if !last_was_small {
            if let Some(v) = small_word(t.text) {
                current += v;
                end += 1;
                last_was_small = true;
                last_was_tens = tens_value(t.text).is_some();
                continue;
            }
        } else if last_was_tens {
            // "ninety nine", "twenty one": tens and a unit written apart.
            if let Some(v) = unit_value(t.text).filter(|v| (1.0..10.0).contains(v)) {
                current += v;
                end += 1;
                last_was_tens = false;
                continue;
            }
        }
        break;
    }
    if qualifier == Qualifier::Approximate && end > next {
        // "a dozen" approximates; "a dozen hundred" is not news English, keep it simple.
        qualifier = Qualifier::Exact;
    }
    Number { start, end, value: total + current, qualifier, spelled: true }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    /// README's vague-count table says what the recogniser reads: each phrase it lists reads as
    /// its row says, and every row of `vague.tsv` is listed.
    #[test]
    fn the_readme_vague_count_table_is_what_is_read() {
        let readme = include_str!("../../README.md");
        let table = &readme[readme.find("**Vague counts**").expect("README's vague counts")..];
        let rows: Vec<&str> = table
            .lines()
            .skip_while(|l| !l.trim_start().starts_with("| `"))
            .take_while(|l| l.trim_start().starts_with('|'))
            .collect();
        assert!(rows.len() >= 10, "{rows:?}");
        let mut listed: Vec<String> = Vec::new();
        for row in rows {
            let cols: Vec<&str> = row.trim().trim_matches('|').split('|').map(str::trim).collect();
            let value: f64 = cols[1].replace(',', "").parse().unwrap();
            let qualifier: Qualifier = cols[2].parse().unwrap();
            for phrase in cols[0].split(", ").map(|p| p.trim_matches('`').trim_end_matches(" (of)")) {
                let toks = crate::extract::tokens::tokenize(phrase);
                let n = read(&toks, 0).unwrap_or_else(|| panic!("README lists {phrase:?}, which reads as no number"));
                assert_eq!((n.value, n.qualifier), (value, qualifier), "{phrase}");
                listed.push(phrase.to_string());
            }
        }
        for row in VAGUE {
            let words = row.words.join(" ");
            assert!(listed.contains(&words), "vague.tsv's {words:?} is not in README's table: {listed:?}");
        }
    }

    fn value(s: &str) -> Option<(f64, Qualifier, usize)> {
        let toks = tokenize(s);
        read(&toks, 0).map(|n| (n.value, n.qualifier, n.end))
    }

    #[test]
    fn digits_and_words_read_as_numbers() {
        assert_eq!(value("2,500 troops"), Some((2500.0, Qualifier::Exact, 1)));
        assert_eq!(value("1.5 million people"), Some((1_500_000.0, Qualifier::Exact, 2)));
        assert_eq!(value("seven operatives"), Some((7.0, Qualifier::Exact, 1)));
        assert_eq!(value("twenty-five people"), Some((25.0, Qualifier::Exact, 1)));
        assert_eq!(value("one hundred people"), Some((100.0, Qualifier::Exact, 2)));
        assert_eq!(value("a hundred people"), Some((100.0, Qualifier::Exact, 2)));
        assert_eq!(value("two and a half million people"), Some((2_500_000.0, Qualifier::Exact, 5)));
        assert_eq!(value("three hundred and fifty men"), Some((350.0, Qualifier::Exact, 4)));
        assert_eq!(value("two dozen"), Some((24.0, Qualifier::Exact, 2)));
        assert_eq!(value("ninety-nine"), Some((99.0, Qualifier::Exact, 1)));
        assert_eq!(value("ninety nine"), Some((99.0, Qualifier::Exact, 2)));
        assert_eq!(value("two hundred fifty thousand and twenty two"), Some((250_022.0, Qualifier::Exact, 7)));
        assert_eq!(value("a million and one"), Some((1_000_001.0, Qualifier::Exact, 4)));
        assert_eq!(value("10M"), Some((10_000_000.0, Qualifier::Exact, 1)));
        assert_eq!(value("2.174T"), Some((2.174e12, Qualifier::Exact, 1)));
        assert_eq!(value("the troops"), None);
    }

    #[test]
    fn vague_counts_are_floors() {
        assert_eq!(value("dozens of"), Some((12.0, Qualifier::AtLeast, 1)));
        assert_eq!(vague_ceiling("dozens of militants"), Some(99.0));
        assert_eq!(vague_ceiling("several senior leaders"), Some(9.0));
        assert_eq!(vague_ceiling("hundreds of people"), Some(999.0));
        assert_eq!(vague_ceiling("at least 12 militants"), None);
        assert_eq!(vague_ceiling("a number of fighters"), None);
        assert_eq!(value("hundreds of people"), Some((100.0, Qualifier::AtLeast, 1)));
        assert_eq!(value("tens of thousands"), Some((10_000.0, Qualifier::AtLeast, 3)));
        assert_eq!(value("several strikes"), Some((3.0, Qualifier::AtLeast, 1)));
        assert_eq!(value("a few"), Some((3.0, Qualifier::AtLeast, 2)));
        assert_eq!(value("a couple"), Some((2.0, Qualifier::Approximate, 2)));
        assert_eq!(value("a dozen"), Some((12.0, Qualifier::Approximate, 2)));
    }
}
