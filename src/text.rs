//! Offsets into source texts. Claim offsets count Unicode scalar values (Rust `char`s), the unit
//! SQLite's `substr` and Python's `str` slicing use, so a quote can be cut out of its source by
//! any of them; Rust slices by bytes, and [`SourceText`] maps one to the other.

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

    /// Characters `start..end`, `None` when the range runs past the end or backwards (a file
    /// edited with its CHECKs off can hold either).
    pub fn slice(&self, start: usize, end: usize) -> Option<&str> {
        if start > end {
            return None;
        }
        Some(&self.text[self.byte(start)?..self.byte(end)?])
    }
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

/// Cuts a text to at most `max` terminal columns, ending in `…` when cut: a Chinese character or
/// an emoji takes two, a combining mark none. Returns the text and the columns it takes.
pub fn fit_columns(s: &str, max: usize) -> (String, usize) {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let whole = s.width();
    if whole <= max {
        return (s.to_string(), whole);
    }
    let (mut out, mut used) = (String::new(), 0);
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    (out, used + 1)
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
        assert_eq!(t.slice(5, 2), None, "regression: a backwards span panicked in verify");
        assert_eq!(t.char_offset(t.byte(7).unwrap()), 7);
        let ascii = SourceText::new("abc".into());
        assert_eq!(ascii.slice(1, 3), Some("bc"));
        assert_eq!(ascii.slice(1, 4), None);
    }

    #[test]
    fn fitting_counts_terminal_columns() {
        assert_eq!(fit_columns("abcdef", 4), ("abc…".to_string(), 4));
        // Two columns a character: three fit in seven with the ellipsis.
        assert_eq!(
            fit_columns("\u{6211}\u{4eec}\u{4e0d}\u{4f1a}\u{64a4}", 7),
            ("\u{6211}\u{4eec}\u{4e0d}…".to_string(), 7)
        );
        assert_eq!(fit_columns("e\u{301}", 1), ("e\u{301}".to_string(), 1));
    }

    #[test]
    fn shorten_cuts_with_an_ellipsis() {
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("abc", 4), "abc");
    }
}
