//! Untrusted text on a terminal: article text and quotes may hold control or bidirectional
//! characters that would act on the terminal, or make text read otherwise than it is stored.

/// Escapes characters that would act on a terminal instead of showing: control characters (other
/// than newline and tab) and bidirectional overrides, which can make text read differently than it
/// is stored. Article text is untrusted input.
pub fn sanitize_for_terminal(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(escaped) {
        return s.into();
    }
    s.chars()
        .map(|c| if escaped(c) { c.escape_unicode().to_string() } else { c.to_string() })
        .collect::<String>()
        .into()
}

/// What [`sanitize_for_terminal`] escapes.
fn escaped(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// One line of input as an error shows it, and a caret line under its bytes `start..end`: a
/// control character (a tab, a line break) shows as one space, what [`sanitize_for_terminal`]
/// escapes is escaped here already, and the caret is measured in terminal columns (a Chinese
/// character takes two, a combining mark none), so it sits under what the terminal shows.
pub fn caret_under(line: &str, start: usize, end: usize) -> (String, String) {
    use unicode_width::UnicodeWidthChar;
    let (mut shown, mut pad, mut width) = (String::with_capacity(line.len()), 0, 0);
    for (i, c) in line.char_indices() {
        let columns = if c.is_control() {
            shown.push(' ');
            1
        } else if escaped(c) {
            let e = c.escape_unicode().to_string();
            shown.push_str(&e);
            e.len()
        } else {
            shown.push(c);
            c.width().unwrap_or(0)
        };
        if i < start {
            pad += columns;
        } else if i < end {
            width += columns;
        }
    }
    (shown, format!("{}{}", " ".repeat(pad), "^".repeat(width.max(1))))
}

/// Writes `claimdb: MESSAGE` to stderr, escaped: messages quote names, ids and lines from input
/// files, which may hold what a terminal would act on.
pub fn say(message: std::fmt::Arguments<'_>) {
    use std::io::Write;
    // Not `eprintln!`, which panics when stderr is gone (`2>&1 | head`): a note that cannot be
    // written must not turn a committed import into a crash.
    let _ = writeln!(std::io::stderr().lock(), "claimdb: {}", sanitize_for_terminal(&message.to_string()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_bidi_characters_are_escaped() {
        assert_eq!(sanitize_for_terminal("plain “text”"), "plain “text”");
        assert_eq!(sanitize_for_terminal("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(sanitize_for_terminal("x\u{202E}y"), "x\\u{202e}y");
    }
}
