//! Sentence bounds in news text: where a sentence around a quote begins and ends, without
//! breaking at "U.S.", "Gen." or "Jan.". `show` uses it for a claim's context; the recognisers
//! of `ingest` will read sentence by sentence.

use std::sync::LazyLock;

/// The byte range of the sentence (or sentences) of `t` around the byte range `start..end`.
pub fn sentence_around(t: &str, start: usize, end: usize) -> (usize, usize) {
    let from = sentence_starts(t).take_while(|&s| s <= start).last().unwrap_or(0);
    let to = sentence_starts(t).find(|&s| s >= end).map(|s| t[..s].trim_end().len()).unwrap_or(t.len());
    (from, to.max(end))
}

/// Words that end in a period without ending a sentence (`Jan.`, `Gen.`), kept as data.
static ABBREVIATIONS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("abbreviations.txt").lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
});

/// Byte offsets where sentences begin: the text's start, each line's start, and after `.`, `!` or
/// `?` (and any closing quotes) followed by a space — unless the period ends an abbreviation
/// (`Jan.`, `Gen.`) or a string of initials (`U.S.`, `U.N.`).
fn sentence_starts(t: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = t.as_bytes();
    std::iter::once(0).chain((1..t.len()).filter(move |&i| {
        if !t.is_char_boundary(i) {
            return false;
        }
        if bytes[i - 1] == b'\n' {
            return bytes[i] != b'\n';
        }
        if bytes[i - 1] != b' ' || bytes[i] == b' ' {
            return false;
        }
        let before = t[..i - 1].trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', ')']);
        let Some(last) = before.chars().last() else { return false };
        if !matches!(last, '.' | '!' | '?') {
            return false;
        }
        if last == '.' {
            let word = before[..before.len() - 1].rsplit([' ', '\n', '(', '\u{201C}', '"']).next().unwrap_or("");
            let initials =
                !word.is_empty() && word.split('.').all(|p| p.len() == 1 && p.chars().all(|c| c.is_ascii_uppercase()));
            if ABBREVIATIONS.contains(&word) || initials {
                return false;
            }
        }
        true
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn sentences_end_after_closing_quotes_and_at_line_ends() {
        let text = "He said “it is done.” Then more.\nNew paragraph.";
        let at = text.find("Then").unwrap();
        assert_eq!(&text[sentence_around(text, at, at + 4).0..sentence_around(text, at, at + 4).1], "Then more.");
        let at = text.find("New").unwrap();
        let (s, e) = sentence_around(text, at, at + 3);
        assert_eq!(&text[s..e], "New paragraph.");
    }
}
