//! Sentence bounds in news text: where a sentence around a quote begins and ends, without
//! breaking at "U.S.", "Gen." or "Jan.". `show` uses it for a claim's context; the recognisers
//! of `ingest` will read sentence by sentence.

use std::sync::LazyLock;

use sentencex::languages::{English, Language};

/// The byte range of the sentence (or sentences) of `t` around the byte range `start..end`.
pub fn sentence_around(t: &str, start: usize, end: usize) -> (usize, usize) {
    let all = sentences(t);
    let from = all.iter().take_while(|s| s.0 <= start).last().map_or(0, |s| s.0);
    let to = all.iter().find(|s| s.1 >= end).map_or(t.len(), |s| s.1);
    (from.min(start), to.max(end))
}

/// Words that end in a period without ending a sentence (`Jan.`, `Gen.`), kept as data.
static ABBREVIATIONS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("abbreviations.txt").lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
});

/// The byte ranges of the sentences of `t`, trimmed of spaces, in order. A line break always
/// ends a sentence (news puts a paragraph on a line). Within a paragraph, `sentencex` finds the
/// bounds; a bound right after one of our abbreviations (`Gen.`, `Lt. Col.`) or a run of initials
/// (`U.S.`) is taken back, since a name or a date goes on after it.
pub fn sentences(t: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut line_start = 0;
    for line in t.split_inclusive('\n') {
        let from = line_start;
        line_start += line.len();
        let body = line.trim_end();
        if body.trim_start().is_empty() {
            continue;
        }
        let first_here = out.len();
        // (A paragraph far longer than news writes is segmented in pieces: the segmenter's
        // quote matching takes time with the square of a paragraph of unclosed quote marks.)
        let pieces = if body.len() > MAX_PARAGRAPH {
            cut(t, from, from + body.len(), MAX_PARAGRAPH)
        } else {
            vec![(from, from + body.len())]
        };
        // The English segmenter itself: `sentencex::get_sentence_boundaries("en", …)` would
        // look the language up and box it again for every line.
        for (at, to) in pieces {
            for b in (English {}).get_sentence_boundaries(&t[at..to]) {
                let raw = &t[at + b.start_byte..at + b.end_byte];
                let lead = raw.len() - raw.trim_start().len();
                let (s, e) = (at + b.start_byte + lead, at + b.start_byte + raw.trim_end().len());
                if s >= e {
                    continue;
                }
                let n = out.len();
                match out.last_mut() {
                    Some(prev)
                        if n > first_here
                            && (runs_on(&t[prev.0..prev.1])
                                || goes_on(&t[s..e])
                                || clock_goes_on(&t[prev.0..prev.1], &t[s..e])) =>
                    {
                        prev.1 = e
                    }
                    _ => out.push((s, e)),
                }
            }
        }
    }
    cap(t, out)
}

/// The most bytes a sentence may hold. News sentences run to a few hundred (the longest
/// paragraph of the 241 stored texts is 929 bytes); a run of text with no sentence end past this
/// ("5 killed and 5 killed and …" ten thousand times, a page of "said") is cut at a space, so the
/// work done in a sentence, and the sentence each claim stores, stay bounded.
const MAX_SENTENCE: usize = 2_000;

/// The most bytes of one paragraph the segmenter reads at once: ten times the longest stored.
const MAX_PARAGRAPH: usize = 10_000;

/// `sentences` with each longer than [`MAX_SENTENCE`] cut into pieces.
fn cap(t: &str, sentences: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    if sentences.iter().all(|&(s, e)| e - s <= MAX_SENTENCE) {
        return sentences;
    }
    sentences.into_iter().flat_map(|(s, e)| cut(t, s, e, MAX_SENTENCE)).collect()
}

/// `t[s..e]` (trimmed at both ends) in pieces of at most `max` bytes, each cut at its last space
/// before the limit (or at a character's end, where it has none), trimmed too.
fn cut(t: &str, mut s: usize, e: usize, max: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    while e - s > max {
        let mut at = s + max;
        while !t.is_char_boundary(at) {
            at -= 1;
        }
        let end = t[s..at].rfind(char::is_whitespace).map(|i| s + i).filter(|&i| i > s).unwrap_or(at);
        out.push((s, t[s..end].trim_end().len() + s));
        s = end + t[end..].len() - t[end..].trim_start().len();
    }
    if s < e {
        out.push((s, e));
    }
    out
}

/// Whether a sentence that ends in a clock time ("at 8 a.m.") goes on into the next piece: a day,
/// a month or a time zone after it ("between 8 a.m. Friday and 8 a.m. Saturday", "9 p.m. EST";
/// "8 a.m. local time" goes on as any lowercase piece does).
fn clock_goes_on(sentence: &str, next: &str) -> bool {
    let lower = sentence.to_ascii_lowercase();
    let clock = lower.ends_with(" a.m.") || lower.ends_with(" p.m.");
    let word = next.split([' ', ',']).next().unwrap_or("").trim_end_matches('.');
    // (The month and weekday names are the date recogniser's.)
    const ZONES: &[&str] = &["EST", "EDT", "GMT", "UTC", "ET"];
    clock && (super::dates::names_day_or_month(word) || ZONES.contains(&word))
}

/// A piece that opens with a closing quote mark or a lowercase word is the rest of the sentence
/// before it: "“… plans.” said Brig. Gen. Otto Liller" (a straight mark opened that quotation,
/// so the splitter did not pair them).
fn goes_on(piece: &str) -> bool {
    piece.trim_start_matches(['\u{201D}', '"', ' ']).starts_with(|c: char| c.is_lowercase())
}

/// A sentence ending in `Gen.` or `U.S.` did not end there.
fn runs_on(sentence: &str) -> bool {
    let Some(before) = sentence.strip_suffix('.') else { return false };
    let word = before.rsplit([' ', '(', '\u{201C}', '"']).next().unwrap_or("");
    let initials =
        !word.is_empty() && word.split('.').all(|p| p.len() == 1 && p.chars().all(|c| c.is_ascii_uppercase()));
    // "U.S." at the end of a sentence is common ("troops in the U.S."): only a single initial
    // ("Sean B.") or an abbreviation is taken to run on.
    ABBREVIATIONS.contains(&word) || (initials && word.len() == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// From a fuzz run: a run of text with no sentence end ("5 killed and " ten thousand times)
    /// took time with the square of its length, and stored its 130 KB with each of its claims.
    /// It is cut at spaces into sentences of at most MAX_SENTENCE bytes, in order, losing nothing.
    #[test]
    fn a_run_without_an_end_is_cut_at_spaces() {
        for text in ["5 killed and ".repeat(10_000), "\u{e9}\u{e9} ".repeat(3_000), "x".repeat(5_000)] {
            let s = sentences(&text);
            assert!(s.len() > 1 && s.iter().all(|&(a, b)| a < b && b - a <= MAX_SENTENCE), "{:?}", &s[..3]);
            assert!(s.windows(2).all(|w| w[0].1 <= w[1].0), "in order, not overlapping");
            let letters = |t: &str| t.chars().filter(|c| !c.is_whitespace()).count();
            let kept: usize = s.iter().map(|&(a, b)| letters(&text[a..b])).sum();
            assert_eq!(kept, letters(&text), "every letter is in a sentence");
        }
    }

    /// A paragraph past MAX_PARAGRAPH is segmented in pieces (the segmenter took time with the
    /// square of 300,000 unclosed quote marks), and its sentences come out as they would whole.
    #[test]
    fn a_long_paragraph_keeps_its_sentences() {
        let text = "Two soldiers were killed. ".repeat(1_500);
        let s = sentences(&text);
        assert_eq!(s.len(), 1_500);
        assert!(s.iter().all(|&(a, b)| &text[a..b] == "Two soldiers were killed."));
        let marks = "\u{201C}".repeat(30_000);
        assert!(sentences(&marks).iter().all(|&(a, b)| a < b && b - a <= MAX_SENTENCE));
    }

    #[test]
    fn the_abbreviation_list_reads_as_words() {
        assert!(ABBREVIATIONS.contains(&"Gen") && ABBREVIATIONS.contains(&"Sept"));
        assert!(ABBREVIATIONS.iter().all(|w| !w.contains([' ', '.', '#'])), "{:?}", *ABBREVIATIONS);
    }

    #[test]
    fn sentences_survive_abbreviations_and_initials() {
        let text =
            "The U.S. Central Command said Jan. 6 that Gen. Kurilla spoke. Around 2,500 U.S. troops are in Iraq. Next.";
        let at = text.find("2,500").unwrap();
        let (s, e) = sentence_around(text, at, at + 5);
        assert_eq!(&text[s..e], "Around 2,500 U.S. troops are in Iraq.");
        let at = text.find("Kurilla").unwrap();
        let (s, e) = sentence_around(text, at, at + 7);
        assert_eq!(&text[s..e], "The U.S. Central Command said Jan. 6 that Gen. Kurilla spoke.");
    }

    #[test]
    fn a_clock_time_before_a_day_ends_no_sentence() {
        let text = "The strikes occurred between 8 a.m. Friday and 8 a.m. Saturday. Next.";
        assert_eq!(sentences(text).len(), 2, "{:?}", sentences(text));
        assert_eq!(sentences("The attack began at 8 a.m. The army responded.").len(), 2);
    }

    #[test]
    fn a_sentence_does_not_open_with_a_lowercase_word() {
        let text = "\"The removal is a tangible example.\u{201D} said Brig. Gen. Otto Liller. Next one.";
        let all = sentences(text);
        assert_eq!(all.len(), 2, "{all:?}");
        assert!(text[all[0].0..all[0].1].ends_with("Liller."));
    }

    #[test]
    fn sentences_end_after_closing_quotes_and_at_line_ends() {
        let text = "He said “it is done.” Then more.\nNew paragraph.";
        let at = text.find("Then").unwrap();
        assert_eq!(&text[sentence_around(text, at, at + 4).0..sentence_around(text, at, at + 4).1], "Then more.");
        let at = text.find("New").unwrap();
        let (s, e) = sentence_around(text, at, at + 3);
        assert_eq!(&text[s..e], "New paragraph.");
    }
}
