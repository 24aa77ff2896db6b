//! Words, numbers and punctuation with their byte offsets: what every recogniser walks.
//!
//! A word keeps its inner hyphens and apostrophes (`al-Hol`, `F-16s`, `America’s`), so a unit
//! designation is one word and never a number; a number keeps its thousands separators and
//! decimal point (`2,500`, `1.5`); initials keep their periods (`U.S.`). Everything else is a
//! one-character punctuation token.

use std::sync::LazyLock;
use unicode_normalization::char::is_combining_mark;

use rustc_hash::FxHashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub struct Token<'a> {
    pub kind: Kind,
    pub text: &'a str,
    /// Byte offsets into the text given to [`tokenize`].
    pub start: usize,
    pub end: usize,
    /// What the recognisers may care about in this word ([`class`]), found once by one lookup,
    /// so each recogniser skips the words it has no use for without comparing them to its lists.
    pub class: u32,
}

/// Classes of words: bits of [`Token::class`].
pub mod class {
    /// A say-verb ("said", "according").
    pub const SAY: u32 = 1;
    /// Speaks of what is to come ("will", "scheduled").
    pub const FUTURE: u32 = 2;
    /// Speaks of striking ("struck", "airstrikes").
    pub const STRIKING: u32 = 4;
    /// May start a number ("seven", "a", "dozens", "no").
    pub const NUMBER: u32 = 8;
    /// May start a date ("Jan", "Tuesday", "yesterday", "last", "the").
    pub const DATE: u32 = 16;
    /// A title or rank written before a name ("Secretary", "Gen", "commander").
    pub const TITLE: u32 = 32;
    /// May start the words that name a strike or an operation without a count ("airstrike",
    /// "raid", "attacks", "condemns", and "in", "by", "during", "on": "died in an airstrike").
    pub const EVENT: u32 = 64;
    /// What happened to what a figure counts ("killed", "detained", "destroyed"): lexicon.tsv.
    pub const OUTCOME: u32 = 128;
    /// A verb of a turning point ("end", "defeated", "established"): a milestone's.
    pub const TURNING: u32 = 256;
    /// The first word of a holiday's name ("Thanksgiving", "Labor"): a date's start to the date
    /// recogniser only, so "Labor Department" stays a name to the others.
    pub const HOLIDAY: u32 = 512;
    /// A verb that moves forces or fights an attack off ("deployed", "withdrew", "repelled").
    pub const MOVES: u32 = 1024;
}

/// Words that make a sentence about what is to come, so a weekday in it is the next one.
const FUTURE: &[&str] = &["will", "scheduled", "plans", "expected", "upcoming", "next", "slated", "intends"];
/// Words that make a sentence about striking, so the sites it counts were struck.
const STRIKING: &[&str] = &[
    "strike",
    "strikes",
    "struck",
    "airstrike",
    "airstrikes",
    "destroyed",
    "targeted",
    "targeting",
    "hit",
    "bombed",
    "engaged",
    "destroying",
    "attacked",
    "shot",
    "downed",
    "intercepted",
    "fired",
    "firing",
    "ambushed",
    "stormed",
    "shelled",
    "fire",
    "detonated",
    "exploded",
];

/// Lowercase word → its classes, from the recognisers' own word lists. Keyed by bytes: a word
/// lowercased on the stack needs no UTF-8 check to be looked up.
static CLASSES: LazyLock<FxHashMap<Vec<u8>, u32>> = LazyLock::new(|| {
    let mut m: FxHashMap<Vec<u8>, u32> = FxHashMap::default();
    let (numbers, dates, outcomes, holidays) = (
        super::numbers::starts(),
        super::dates::starts(),
        super::quantities::outcome_words(),
        super::dates::holiday_starts(),
    );
    let lists: [(&[&str], u32); 18] = [
        (&holidays, class::HOLIDAY),
        (super::events::MOVES, class::MOVES),
        (super::events::ARRIVED, class::MOVES),
        (super::events::ATTACKED, class::EVENT),
        (super::events::CARRIED_OUT, class::EVENT),
        (&outcomes, class::OUTCOME),
        (super::speakers::SAY_WORDS, class::SAY),
        (FUTURE, class::FUTURE),
        (STRIKING, class::STRIKING),
        (&numbers, class::NUMBER),
        (&dates, class::DATE),
        (super::speakers::TITLES, class::TITLE),
        (super::speakers::RANKS, class::TITLE),
        (super::events::EVENT_STARTS, class::EVENT),
        (super::events::TOOK, class::EVENT),
        (super::events::STRIKE_NOUNS, class::EVENT),
        (super::events::OPERATION_NOUNS, class::EVENT),
        (super::events::TURNING, class::TURNING),
    ];
    for (words, c) in lists {
        for w in words {
            *m.entry(w.to_ascii_lowercase().into_bytes()).or_default() |= c;
        }
    }
    m
});

/// The classes of a word, looked up without allocating for the short ASCII words lists hold.
fn classify(word: &str) -> u32 {
    let bytes = word.as_bytes();
    if bytes.len() > 24 {
        return 0;
    }
    let mut buf = [0u8; 24];
    for (b, c) in buf.iter_mut().zip(bytes) {
        *b = c.to_ascii_lowercase();
    }
    CLASSES.get(&buf[..bytes.len()]).copied().unwrap_or(0)
}

/// The word a possessive is of: "Saturday's" → "Saturday", "Friday’s" → "Friday".
fn possessive(word: &str) -> Option<&str> {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("\u{2019}s"))
}

impl Token<'_> {
    #[inline]
    pub fn has(&self, c: u32) -> bool {
        self.class & c != 0
    }

    #[inline]
    pub fn is(&self, word: &str) -> bool {
        self.text.eq_ignore_ascii_case(word)
    }

    #[inline]
    pub fn is_any(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.is(w))
    }

    #[inline]
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.text.starts_with(c)
    }

    /// Starts with a capital letter (a name, a title, the first word of a sentence).
    #[inline]
    pub fn is_capitalized(&self) -> bool {
        self.kind == Kind::Word && self.text.starts_with(|c: char| c.is_uppercase())
    }

    /// A number token's value: `2,500` → 2500, `1.5` → 1.5.
    pub fn number(&self) -> Option<f64> {
        if self.kind != Kind::Number {
            return None;
        }
        self.text.replace(',', "").parse().ok()
    }

    /// Four digits, no separator: what a year looks like.
    pub fn is_four_digits(&self) -> bool {
        self.kind == Kind::Number && self.text.len() == 4 && self.text.bytes().all(|b| b.is_ascii_digit())
    }
}

/// Splits `text` into tokens; offsets are relative to `text`.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let char_at = |i: usize| -> char {
        // ASCII, most of any news text, without decoding.
        match bytes[i] {
            b if b < 0x80 => char::from(b),
            _ => text[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER),
        }
    };
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut pos = 0;
    while pos < bytes.len() {
        let start = pos;
        let c = char_at(pos);
        pos += c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Token { kind: Kind::Punct, text: &text[start..pos], start, end: pos, class: 0 });
            continue;
        }
        let mut end = pos;
        let mut all_digits = c.is_ascii_digit();
        let mut segment_len = 1; // characters since the last `.` (for initials like U.S.)
        let mut initials = c.is_uppercase();
        while end < bytes.len() {
            let next = char_at(end);
            if next.is_alphanumeric() {
                all_digits &= next.is_ascii_digit();
                segment_len += 1;
                if segment_len > 1 {
                    initials = false;
                }
                end += next.len_utf8();
                continue;
            }
            // A combining mark (decomposed "José", as text copied on a Mac often is) or a joiner
            // is part of the letter before it: a word never ends inside a character as read.
            if is_combining_mark(next) || next == '\u{200C}' || next == '\u{200D}' {
                all_digits = false;
                end += next.len_utf8();
                continue;
            }
            let after = (end + next.len_utf8() < bytes.len()).then(|| char_at(end + next.len_utf8()));
            let after_alnum = after.is_some_and(char::is_alphanumeric);
            let joins = match next {
                // 2,500 and 1,000,000: a comma followed by exactly three digits.
                ',' => all_digits && bytes[end + 1..].iter().take_while(|b| b.is_ascii_digit()).count() == 3,
                '.' => {
                    (all_digits && after.is_some_and(|a| a.is_ascii_digit()))
                        || (initials && segment_len == 1 && after.is_some_and(char::is_uppercase))
                }
                // "F-16s" and "al-Hol" are words; "2-3" is a range of two numbers.
                '-' | '\u{2010}' | '\u{2011}' => {
                    after_alnum && !(all_digits && after.is_some_and(|a| a.is_ascii_digit()))
                }
                '\'' | '\u{2019}' => after_alnum,
                _ => false,
            };
            if !joins {
                // The final period of initials (U.S., U.N.) belongs to them.
                if next == '.' && initials && segment_len == 1 && text[start..end].contains('.') {
                    end += 1;
                }
                break;
            }
            if next == '.' {
                segment_len = 0;
            } else if next != ',' {
                all_digits = false;
                initials = false;
            }
            end += next.len_utf8();
        }
        pos = end;
        let kind = if all_digits { Kind::Number } else { Kind::Word };
        let class = if kind == Kind::Word { classify(&text[start..end]) } else { 0 };
        // "Saturday's fighting", "yesterday’s launch", "last year's elections", "2019's attack": a
        // day, a unit of the calendar or a year in the possessive is that word and its "'s", so
        // the date reads as any other.
        if kind == Kind::Word && class == 0 {
            if let Some(base) = possessive(&text[start..end]) {
                let year = !base.is_empty() && base.bytes().all(|b| b.is_ascii_digit());
                let unit = ["week", "weekend", "month", "year", "decade"].iter().any(|u| base.eq_ignore_ascii_case(u));
                let base_class = classify(base);
                if base_class & class::DATE != 0 || unit || year {
                    let cut = start + base.len();
                    let kind = if year { Kind::Number } else { Kind::Word };
                    out.push(Token { kind, text: base, start, end: cut, class: base_class });
                    out.push(Token { kind: Kind::Word, text: &text[cut..end], start: cut, end, class: 0 });
                    continue;
                }
            }
        }
        out.push(Token { kind, text: &text[start..end], start, end, class });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).into_iter().map(|t| t.text).collect()
    }

    /// From a review: a combining mark once ended its word as punctuation, so decomposed
    /// "José González" (as text copied on a Mac often is) named "Jose", its span cut a
    /// character in two.
    #[test]
    fn a_combining_mark_stays_in_its_word() {
        let text = "Jose\u{301} Gonza\u{301}lez said.";
        let words: Vec<&str> = tokenize(text).iter().map(|t| t.text).collect();
        assert_eq!(words, ["Jose\u{301}", "Gonza\u{301}lez", "said", "."]);
    }

    #[test]
    fn numbers_keep_separators_and_words_keep_hyphens() {
        assert_eq!(texts("Around 2,500 U.S. troops"), ["Around", "2,500", "U.S.", "troops"]);
        assert_eq!(texts("F-16s and 1.5 million, 24/7"), ["F-16s", "and", "1.5", "million", ",", "24", "/", "7"]);
        assert_eq!(texts("the U.S.-led coalition"), ["the", "U.S.", "-", "led", "coalition"]);
        assert_eq!(texts("Jan. 6, 2025"), ["Jan", ".", "6", ",", "2025"]);
        assert_eq!(texts("America’s al-Hol"), ["America’s", "al-Hol"]);
        assert_eq!(
            texts("Saturday's fighting, yesterday’s launch"),
            ["Saturday", "'s", "fighting", ",", "yesterday", "’s", "launch"]
        );
        assert_eq!(
            texts("last year's vote, 2019's attack"),
            ["last", "year", "'s", "vote", ",", "2019", "'s", "attack"]
        );
        assert_eq!(tokenize("2019's")[0].kind, Kind::Number);
        assert_eq!(texts("the general's car"), ["the", "general's", "car"]);
        assert_eq!(texts("1,2345 and 12,345,678"), ["1", ",", "2345", "and", "12,345,678"]);
        let t = tokenize("Iraq’s 2,500");
        assert_eq!((t[1].kind, t[1].number()), (Kind::Number, Some(2500.0)));
        assert_eq!(tokenize("1st")[0].kind, Kind::Word);
        assert_eq!(texts("Jan. 2-3 and 10-year-old"), ["Jan", ".", "2", "-", "3", "and", "10-year-old"]);
    }
}
