//! Text helpers: offsets in Unicode scalar values, sentence bounds, and safe display.
//!
//! Claim offsets count Unicode scalar values (Rust `char`s), the unit SQLite's `substr` and Python's
//! `str` slicing use, so a quote can be cut out of its source by any of them.

/// A source text with a map from character offsets to byte offsets.
#[derive(Debug, Clone)]
pub struct SourceText {
    text: String,
    /// Byte offset of each char, plus the text's length at the end. Empty for ASCII text, where the
    /// two offsets agree and the map would only cost memory.
    bytes_at: Vec<usize>,
}

impl SourceText {
    pub fn new(text: String) -> SourceText {
        let bytes_at = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).collect()
        };
        SourceText { text, bytes_at }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn char_len(&self) -> usize {
        if self.bytes_at.is_empty() {
            self.text.len()
        } else {
            self.bytes_at.len() - 1
        }
    }

    /// The byte offset of a char offset, `None` past the end.
    pub fn byte(&self, char_offset: usize) -> Option<usize> {
        if self.bytes_at.is_empty() {
            (char_offset <= self.text.len()).then_some(char_offset)
        } else {
            self.bytes_at.get(char_offset).copied()
        }
    }

    /// The char offset of a byte offset on a char boundary.
    pub fn char_offset(&self, byte: usize) -> usize {
        if self.bytes_at.is_empty() {
            byte
        } else {
            self.bytes_at.partition_point(|&b| b < byte)
        }
    }

    /// Characters `start..end`, `None` when the range runs past the end.
    pub fn slice(&self, start: usize, end: usize) -> Option<&str> {
        Some(&self.text[self.byte(start)?..self.byte(end)?])
    }

    /// The byte range of the sentence (or sentences) around the byte range `start..end`.
    pub fn sentence_around(&self, start: usize, end: usize) -> (usize, usize) {
        let t = &self.text;
        let from = sentence_starts(t).take_while(|&s| s <= start).last().unwrap_or(0);
        let to = sentence_starts(t).find(|&s| s >= end).map(|s| t[..s].trim_end().len()).unwrap_or(t.len());
        (from, to.max(end))
    }
}

/// Abbreviations that end in a period without ending a sentence, as news writes them.
const ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt",
    "Adm", "Brig", "Cmdr", "Rep", "Sen", "Gov", "Pres", "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sen", "No", "vs",
    "Inc", "Corp", "Ltd", "Jr", "Sr",
];

/// Byte offsets where sentences begin: the text's start, each line's start, and after `.`, `!` or
/// `?` (and any closing quotes) followed by a space, unless the word before the period is an
/// abbreviation (`Jan.`, `Gen.`) or a string of initials (`U.S.`, `U.N.`) and a digit or lower case
/// follows or the initials are followed by a capitalised name.
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

/// Cuts a text to at most `max` characters, ending in `…` when cut.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Escapes characters that would act on a terminal instead of showing: control characters (other
/// than newline and tab) and bidirectional overrides, which can make text read differently than it
/// is stored. Article text is untrusted input.
pub fn sanitize_for_terminal(s: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
    };
    if !s.chars().any(bad) {
        return s.into();
    }
    s.chars().map(|c| if bad(c) { c.escape_unicode().to_string() } else { c.to_string() }).collect::<String>().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_chars_not_bytes() {
        let t = SourceText::new("Iraq’s Hamrin Mountains".into());
        assert_eq!(t.char_len(), 23);
        assert_eq!(t.slice(7, 23), Some("Hamrin Mountains"));
        assert_eq!(t.slice(0, 6), Some("Iraq’s"));
        assert_eq!(t.slice(20, 24), None);
        assert_eq!(t.char_offset(t.byte(7).unwrap()), 7);
        let ascii = SourceText::new("abc".into());
        assert_eq!(ascii.slice(1, 3), Some("bc"));
        assert_eq!(ascii.slice(1, 4), None);
    }

    #[test]
    fn sentences_survive_abbreviations_and_initials() {
        let text =
            "The U.S. Central Command said Jan. 6 that Gen. Kurilla spoke. Around 2,500 U.S. troops are in Iraq. Next.";
        let t = SourceText::new(text.into());
        let at = text.find("2,500").unwrap();
        let (s, e) = t.sentence_around(at, at + 5);
        assert_eq!(&text[s..e], "Around 2,500 U.S. troops are in Iraq.");
        let at = text.find("Kurilla").unwrap();
        let (s, e) = t.sentence_around(at, at + 7);
        assert_eq!(&text[s..e], "The U.S. Central Command said Jan. 6 that Gen. Kurilla spoke.");
    }

    #[test]
    fn sentences_end_after_closing_quotes_and_at_line_ends() {
        let text = "He said “it is done.” Then more.\nNew paragraph.";
        let t = SourceText::new(text.into());
        let at = text.find("Then").unwrap();
        assert_eq!(&text[t.sentence_around(at, at + 4).0..t.sentence_around(at, at + 4).1], "Then more.");
        let at = text.find("New").unwrap();
        let (s, e) = t.sentence_around(at, at + 3);
        assert_eq!(&text[s..e], "New paragraph.");
    }

    #[test]
    fn control_and_bidi_characters_are_escaped() {
        assert_eq!(sanitize_for_terminal("plain “text”"), "plain “text”");
        assert_eq!(sanitize_for_terminal("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(sanitize_for_terminal("x\u{202E}y"), "x\\u{202e}y");
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("abc", 4), "abc");
    }
}
