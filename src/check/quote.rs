//! Quotations compared word for word. Only typography is forgiven (curly or straight quotes,
//! dashes, spacing, case, punctuation between words) and a marked omission (`...`, `…`); any
//! other difference is a misquote, shown as a word diff and classified: README, "Quotations and
//! speakers".

use serde::Serialize;
use similar::{capture_diff_slices, Algorithm, DiffOp};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::extract::numbers::is_count_word;

/// Below this share of words in common, a stored quote is not what the statement misquotes: the
/// sources simply do not record the words.
pub const SIMILARITY: f64 = 0.6;

/// Words that turn a statement into its opposite.
const NEGATIONS: [&str; 8] = ["not", "no", "never", "none", "nothing", "neither", "nor", "without"];

#[derive(Debug, Clone, PartialEq)]
pub enum Match {
    /// The words stand in the stored quote (with marked omissions skipping words).
    Verbatim,
    /// Close enough to be this quote, changed.
    Misquote { similarity: f64, changes: Vec<Change> },
    /// Too far from this quote to be it.
    Unrelated { similarity: f64 },
}

/// One difference between the words a statement quotes and the stored ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub class: ChangeClass,
    /// The statement's words here (empty for a deletion).
    pub said: String,
    /// The source's words here (empty for an insertion).
    pub source: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeClass {
    Substitution,
    Insertion,
    Deletion,
    Negation,
    Number,
}

impl ChangeClass {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeClass::Substitution => "substitution",
            ChangeClass::Insertion => "insertion",
            ChangeClass::Deletion => "deletion",
            ChangeClass::Negation => "negation",
            ChangeClass::Number => "number",
        }
    }
}

/// The words of `text` as compared: lowercase, apostrophes straightened, split at anything that
/// is not a letter, digit or apostrophe (so dashes, quotes and commas never count), with the
/// separators of a number kept inside it ("2,500").
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    // Composed first: "José" typed and "José" pasted decomposed are one word.
    let chars: Vec<char> = if text.is_ascii() { text.chars().collect() } else { text.nfc().collect() };
    for (i, &c) in chars.iter().enumerate() {
        let c = if c == '\u{2019}' || c == '\u{2018}' { '\'' } else { c };
        let inside_number = (c == ',' || c == '.')
            && cur.chars().last().is_some_and(|p| p.is_ascii_digit())
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        let mark = is_combining_mark(c) && !cur.is_empty();
        if c.is_alphanumeric() || mark || inside_number || (c == '\'' && !cur.is_empty()) {
            cur.extend(c.to_lowercase());
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur).trim_end_matches('\'').to_string());
        }
    }
    if !cur.is_empty() {
        out.push(cur.trim_end_matches('\'').to_string());
    }
    out.retain(|w| !w.is_empty());
    out
}

/// The pieces a quotation's marked omissions (`...`, `…`, `[...]`) separate, as words.
pub fn pieces(text: &str) -> Vec<Vec<String>> {
    text.replace("[...]", "\u{2026}")
        .replace("[…]", "\u{2026}")
        .replace("...", "\u{2026}")
        .split('\u{2026}')
        .map(words)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Where `needle` stands in `hay` from `from` on, word for word.
fn find(hay: &[String], needle: &[String], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return Some(from);
    }
    (from..=hay.len().checked_sub(needle.len())?).find(|&i| hay[i..i + needle.len()] == *needle)
}

/// Whether the pieces stand in `stored`, in order. A marked omission may leave out words, but
/// never a negation or a figure: "we will ... withdraw" does not quote "we will not withdraw".
pub fn verbatim(pieces: &[Vec<String>], stored: &[String]) -> bool {
    let mut at: Option<usize> = None;
    for p in pieces {
        let from = at.unwrap_or(0);
        let Some(i) = find(stored, p, from) else { return false };
        if at.is_some() && stored[from..i].iter().any(|w| is_negation(w) || is_figure(w)) {
            return false;
        }
        at = Some(i + p.len());
    }
    !pieces.is_empty()
}

fn is_negation(w: &str) -> bool {
    NEGATIONS.contains(&w) || w.ends_with("n't")
}

fn is_figure(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit()) || is_count_word(w)
}

/// Compares a statement's quotation with a stored quote.
pub fn compare(said: &str, stored: &str) -> Match {
    let parts = pieces(said);
    let stored = words(stored);
    if verbatim(&parts, &stored) {
        return Match::Verbatim;
    }
    let said: Vec<String> = parts.concat();
    if said.is_empty() || stored.is_empty() {
        return Match::Unrelated { similarity: 0.0 };
    }
    // A statement may quote part of a long quote: compare it with the stretch of the stored
    // words it shares words with, not with all of them.
    let ops = capture_diff_slices(Algorithm::Myers, &said, &stored);
    let equal: Vec<(usize, usize, usize)> = ops
        .iter()
        .filter_map(|op| match *op {
            DiffOp::Equal { old_index, new_index, len } => Some((old_index, new_index, len)),
            _ => None,
        })
        .collect();
    let (Some(&(o1, n1, _)), Some(&(o2, n2, l2))) = (equal.first(), equal.last()) else {
        return Match::Unrelated { similarity: 0.0 };
    };
    // Words the statement has before its first match and after its last stand against as many
    // stored words there: "two others were wounded" against "three others were wounded".
    let from = n1 - o1.min(n1);
    let to = (n2 + l2 + (said.len() - (o2 + l2))).min(stored.len());
    let window = &stored[from..to];
    let ops = capture_diff_slices(Algorithm::Myers, &said, window);
    let same: usize = ops
        .iter()
        .map(|op| match *op {
            DiffOp::Equal { len, .. } => len,
            _ => 0,
        })
        .sum();
    let similarity = 2.0 * same as f64 / (said.len() + window.len()) as f64;
    if similarity < SIMILARITY {
        return Match::Unrelated { similarity };
    }
    let changes = ops
        .iter()
        .filter_map(|op| {
            let (s, w) = match *op {
                DiffOp::Equal { .. } => return None,
                DiffOp::Delete { old_index, old_len, .. } => (&said[old_index..old_index + old_len], &window[0..0]),
                DiffOp::Insert { new_index, new_len, .. } => (&said[0..0], &window[new_index..new_index + new_len]),
                DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                    (&said[old_index..old_index + old_len], &window[new_index..new_index + new_len])
                }
            };
            Some(Change { class: classify(s, w), said: s.join(" "), source: w.join(" ") })
        })
        .collect();
    Match::Misquote { similarity, changes }
}

fn classify(said: &[String], source: &[String]) -> ChangeClass {
    let negation = |ws: &[String]| ws.iter().any(|w| is_negation(w));
    let number = |ws: &[String]| ws.iter().any(|w| is_figure(w));
    if negation(said) != negation(source) {
        ChangeClass::Negation
    } else if number(said) || number(source) {
        ChangeClass::Number
    } else if source.is_empty() {
        ChangeClass::Insertion
    } else if said.is_empty() {
        ChangeClass::Deletion
    } else {
        ChangeClass::Substitution
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A statement typed composed matches a source pasted decomposed, word for word.
    #[test]
    fn composed_and_decomposed_letters_are_one_word() {
        assert_eq!(words("Jos\u{e9} Gonz\u{e1}lez"), words("Jose\u{301} Gonza\u{301}lez"));
        assert_eq!(words("Jose\u{301} said"), ["jos\u{e9}", "said"]);
    }

    const SINGH: &str = "ISIS retains capabilities, as we’ve seen in Iraq and Syria, and that’s why we have our forces in both of those countries";

    fn classes(said: &str) -> Vec<ChangeClass> {
        match compare(said, SINGH) {
            Match::Misquote { changes, .. } => changes.iter().map(|c| c.class).collect(),
            other => panic!("{said}: {other:?}"),
        }
    }

    #[test]
    fn typography_and_marked_omissions_are_forgiven() {
        assert_eq!(compare("isis retains capabilities -- as we've seen in Iraq and Syria", SINGH), Match::Verbatim);
        assert_eq!(compare("ISIS retains capabilities ... that's why we have our forces", SINGH), Match::Verbatim);
        assert_eq!(words("“Around 2,500 troops” — said"), ["around", "2,500", "troops", "said"]);
    }

    #[test]
    fn each_kind_of_change_is_named() {
        assert_eq!(classes("ISIS retains weapons, as we've seen in Iraq and Syria"), [ChangeClass::Substitution]);
        assert_eq!(
            classes("ISIS still retains capabilities, as we've seen in Iraq and Syria"),
            [ChangeClass::Insertion]
        );
        assert_eq!(classes("ISIS retains capabilities, as we've seen in Syria"), [ChangeClass::Deletion]);
        assert_eq!(
            classes("ISIS no longer retains capabilities, as we've seen in Iraq and Syria"),
            [ChangeClass::Negation]
        );
        assert_eq!(
            compare("two others were wounded", "three others were wounded"),
            Match::Misquote {
                similarity: 0.75,
                changes: vec![Change { class: ChangeClass::Number, said: "two".into(), source: "three".into() }]
            }
        );
    }

    #[test]
    fn an_omission_never_leaves_out_a_negation_or_a_figure() {
        let stored = "we will not withdraw from the region";
        assert_ne!(compare("we will ... withdraw", stored), Match::Verbatim);
        assert_eq!(compare("we will not ... the region", stored), Match::Verbatim);
        assert_ne!(compare("killed ... fighters", "killed 14 fighters"), Match::Verbatim);
    }

    #[test]
    fn other_words_are_not_a_misquote() {
        assert!(matches!(compare("The weather in Baghdad was mild this week", SINGH), Match::Unrelated { .. }));
    }
}
