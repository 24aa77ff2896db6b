//! Direct quotations: the words between quote marks, curly or straight, across sentences, and
//! across paragraphs the way news writes them (a paragraph that opens a quote and does not close
//! it goes on in the next, which opens with a quote mark again).
//!
//! A nickname in quotes between two names (`Michael “Erik” Kurilla`) is not a quotation.

/// A quotation: `start..end` are the bytes of the quoted words (marks and the comma before a
/// closing mark left out); `open` is where its opening mark stands, `close` one past its closing
/// mark (or the paragraph's end when it runs on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quotation {
    pub open: usize,
    pub start: usize,
    pub end: usize,
    pub close: usize,
    /// It ran to the end of its paragraph without a closing mark.
    pub runs_on: bool,
}

fn is_open(c: char) -> bool {
    matches!(c, '\u{201C}' | '"')
}

/// Every quotation in `text`, in order.
pub fn find(text: &str) -> Vec<Quotation> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let mut from = line_start;
        let to = line_start + line.trim_end().len();
        // A quotation that ran on from the paragraph before may close here with no opening mark
        // ("… personnel.” after a paragraph that opened “At President Biden's direction …").
        if out.last().is_some_and(|q: &Quotation| q.runs_on && q.close <= from) {
            if let Some(q) = continuation(text, from, to) {
                from = q.close;
                out.push(q);
            } else if let Some(q) = unmarked(text, from, to) {
                // A paragraph with no marks at all between the opening and the closing of a
                // quotation (copy that drops the marks news puts at each paragraph's head).
                out.push(q);
                line_start += line.len();
                continue;
            }
        }
        find_in_paragraph(text, from, to, &mut out);
        line_start += line.len();
    }
    out
}

/// A paragraph `from..to` without quote marks, inside a quotation that an earlier paragraph
/// opened, when a later paragraph (within ten, with no marks between) closes it: the whole
/// paragraph is quoted, and the quotation runs on.
fn unmarked(text: &str, from: usize, to: usize) -> Option<Quotation> {
    let marks = |p: &str| p.contains(['\u{201C}', '\u{201D}', '"']);
    let p = &text[from..to];
    let words = p.trim();
    if marks(p) || words.is_empty() {
        return None;
    }
    let mut at = to;
    for _ in 0..10 {
        let next_start = text[at..].find('\n').map(|n| at + n + 1)?;
        let line = text[next_start..].split_inclusive('\n').next()?;
        let end = next_start + line.trim_end().len();
        if marks(&text[next_start..end]) {
            continuation(text, next_start, end)?;
            let start = from + (p.len() - p.trim_start().len());
            return Some(Quotation { open: start, start, end: start + words.len(), close: to, runs_on: true });
        }
        at = end;
    }
    None
}

/// The words of a paragraph up to a closing mark that comes before any opening one, as the end
/// of a quotation begun in an earlier paragraph.
fn continuation(text: &str, from: usize, to: usize) -> Option<Quotation> {
    let p = &text[from..to];
    let first = p.char_indices().find(|(_, c)| !c.is_whitespace())?;
    if is_open(first.1) {
        return None;
    }
    let (i, c) = p.char_indices().find(|&(_, c)| c == '\u{201D}' || c == '\u{201C}' || c == '"')?;
    // A straight mark closes where nothing follows it but the paragraph's end or "said …"
    // (a mark before other words opens a quotation of the writer's).
    let rest = p[i + c.len_utf8()..].trim_start();
    let said = ["said", "says", "added", "according", "he ", "she ", "they "];
    let straight_close = c == '"' && (rest.is_empty() || said.iter().any(|w| rest.starts_with(w)));
    if c != '\u{201D}' && !straight_close {
        return None;
    }
    let words = p[first.0..i].trim_end();
    let words = words.strip_suffix(',').unwrap_or(words).trim_end();
    if words.is_empty() || !words.chars().any(char::is_alphanumeric) {
        return None;
    }
    let start = from + first.0;
    Some(Quotation { open: start, start, end: start + words.len(), close: from + i + c.len_utf8(), runs_on: false })
}

fn find_in_paragraph(text: &str, from: usize, to: usize, out: &mut Vec<Quotation>) {
    let p = &text[from..to];
    let mut open: Option<usize> = None;
    // Only quote marks matter, and most of a paragraph has none: jump from one `"` or `“`/`”`
    // (whose UTF-8 starts with 0xE2) to the next.
    let bytes = p.as_bytes();
    let mut next_at = 0;
    while let Some(off) = memchr::memchr2(b'"', 0xE2, &bytes[next_at..]) {
        let i = next_at + off;
        let c = p[i..].chars().next().unwrap_or(' ');
        next_at = i + c.len_utf8();
        if !matches!(c, '"' | '\u{201C}' | '\u{201D}') {
            continue;
        }
        let at = from + i;
        match open {
            None if is_open(c) => {
                // A straight quote closing a word ("the 90s" apostrophes are not `"`) or a curly
                // opening mark glued to the previous word is not an opening.
                let prev = p[..i].chars().next_back();
                if c == '"' && prev.is_some_and(char::is_alphanumeric) {
                    continue;
                }
                open = Some(at);
            }
            Some(o) => {
                let opener = text[o..].chars().next().unwrap_or('"');
                // Marks come mixed in real copy (“…," said): any closing mark closes, but a
                // straight one only where a quotation can end, not glued to the next word.
                let next = p[i + c.len_utf8()..].chars().next();
                let closes =
                    c == '\u{201D}' || (c == '"' && (opener == '"' || !next.is_some_and(char::is_alphanumeric)));
                if closes {
                    open = None;
                    if let Some(q) = quotation(text, o, at, at + c.len_utf8(), false) {
                        if !nickname(text, &q) {
                            out.push(q);
                        }
                    }
                } else if c == '\u{201C}' && opener == '\u{201C}' {
                    // An opening mark inside an open curly quotation: the first never closed;
                    // keep the later one (a stray mark is the likelier fault).
                    open = Some(at);
                }
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        if let Some(q) = quotation(text, o, to, to, true) {
            out.push(q);
        }
    }
}

/// The quotation between the opening mark at `open` and `inner_end`, trimmed of spaces and of a
/// comma that belongs to the sentence around it.
fn quotation(text: &str, open: usize, inner_end: usize, close: usize, runs_on: bool) -> Option<Quotation> {
    let mark = text[open..].chars().next()?.len_utf8();
    let inner = &text[open + mark..inner_end];
    let lead = inner.len() - inner.trim_start().len();
    let words = inner.trim();
    let words = words.strip_suffix(',').unwrap_or(words).trim_end();
    if words.is_empty() || !words.chars().any(char::is_alphanumeric) {
        return None;
    }
    let start = open + mark + lead;
    Some(Quotation { open, start, end: start + words.len(), close, runs_on })
}

/// `Michael “Erik” Kurilla`: one capitalised word in quotes between two capitalised words.
fn nickname(text: &str, q: &Quotation) -> bool {
    let words = &text[q.start..q.end];
    let one_word = !words.contains(' ') && words.starts_with(char::is_uppercase);
    let before = text[..q.open].trim_end_matches(' ');
    let after = text[q.close..].trim_start_matches(' ');
    let prev_word = before.rsplit(' ').next().unwrap_or("");
    one_word
        && before.len() < q.open
        && prev_word.starts_with(char::is_uppercase)
        && after.len() < text.len() - q.close
        && after.starts_with(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|q| &text[q.start..q.end]).collect()
    }

    #[test]
    fn quotations_in_curly_and_straight_marks() {
        assert_eq!(quotes("“It is done,” he said. “We won.”"), ["It is done", "We won."]);
        assert_eq!(quotes("He said \"it is done\" and left."), ["it is done"]);
        assert_eq!(
            quotes("led to the capture of “ISIS attack cell leader,” the command added."),
            ["ISIS attack cell leader"]
        );
    }

    #[test]
    fn a_run_on_quotation_may_close_in_a_paragraph_with_no_opening_mark() {
        let text =
            "“We struck the site. We will act again.\nThis response was proportionate,” he said. “More later.”\n";
        assert_eq!(
            quotes(text),
            ["We struck the site. We will act again.", "This response was proportionate", "More later."]
        );
        // Without a quotation running on, a closing mark alone opens nothing.
        assert_eq!(quotes("He left.\nThis was fine,” he said.\n"), Vec::<&str>::new());
        // Paragraphs with no marks at all between an opening and a later closing mark.
        let text = "\"A drone was shot down.\nThis was unprovoked.\nIt was irresponsible.\"\n- Attributable to X\n";
        assert_eq!(quotes(text), ["A drone was shot down.", "This was unprovoked.", "It was irresponsible."]);
        // No closing mark later: the paragraphs after are the writer's.
        assert_eq!(quotes("\"A drone was shot down.\nThis was unprovoked.\n"), ["A drone was shot down."]);
    }

    #[test]
    fn nicknames_are_not_quotations_and_open_paragraphs_run_on() {
        assert!(quotes("Army Gen. Michael “Erik” Kurilla said").is_empty());
        let t = "“First part, he said. More\n“Second part.”";
        assert_eq!(quotes(t), ["First part, he said. More", "Second part."]);
        assert!(find(t)[0].runs_on);
    }
}
